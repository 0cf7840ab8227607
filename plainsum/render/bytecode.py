"""Compiled page templates kept between runs, so a rebuild of one review does not compile them again.

Jinja compiles a template's source to Python code on first use (about 50 ms for a page's templates,
a twentieth of a one-edit rebuild). The compiled code is kept in plainsum's user cache folder
(`templates` in the folder of readability/datacache.py), one file a template, keyed by a hash of what shapes the code:
the template's name and file, Jinja's and Python's versions and the environment's settings that the
compiler reads (`settings`: the sandbox, whitespace options, extensions, new-style gettext, and each
filter's and test's name and what it is passed); Jinja itself stores a hash of the source in the file and compiles again when the
source changed.

A cache file is code that runs, so it is read only when no one but this user could have written it:
the folder and its parent are this user's, not links, and writable by no one else; the file is
opened without following a link, is a regular file of this user's, writable by no one else. Files
are written to a fresh name (O_EXCL, mode 0600) and renamed into place. Anything else (no home
folder, a read-only disk, a folder of another user's) means the template is compiled, as without a
cache.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import __version__ as JINJA_VERSION
from jinja2.bccache import Bucket, BytecodeCache

from plainsum.files.safeopen import private_folder, replace_private

if TYPE_CHECKING:
    from collections.abc import Mapping

    from jinja2 import Environment

VERSION = f"plainsum-templates-1|jinja {JINJA_VERSION}|python {sys.version}"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def settings(environment: Environment) -> str:
    """What of `environment`, besides a template's source, shapes the code Jinja compiles it to."""
    def passed(functions: Mapping[str, object]) -> list[tuple[str, str]]:
        return sorted((name, str(getattr(function, "jinja_pass_arg", ""))) for name, function in functions.items())

    compiler = sorted((key, repr(value)) for key, value in environment.policies.items() if key.startswith("compiler."))
    return repr((environment.sandboxed, environment.trim_blocks, environment.lstrip_blocks,
                 environment.keep_trailing_newline, environment.newline_sequence, environment.optimized,
                 getattr(environment, "newstyle_gettext", None), sorted(environment.extensions),
                 environment.block_start_string, environment.variable_start_string, environment.comment_start_string,
                 environment.line_statement_prefix, environment.line_comment_prefix,
                 passed(environment.filters), passed(environment.tests), compiler))


class TemplateBytecodeCache(BytecodeCache):
    """Jinja's bytecode cache in a private folder (see the module's notes)."""

    def __init__(self, folder: Path):
        self.folder = folder

    @classmethod
    def for_user(cls) -> TemplateBytecodeCache | None:
        """The cache in the user cache folder, made if missing; None if it is not private or cannot be made."""
        import platformdirs

        try:  # the folder of readability/datacache.py's word tables
            folder = Path(platformdirs.user_cache_dir("plainsum", appauthor=False)) / "templates"
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except (OSError, RuntimeError):  # RuntimeError: no home folder
            return None
        return cls(folder) if private_folder(folder.parent) and private_folder(folder) else None

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        key = hashlib.sha256(f"{VERSION}|{settings(environment)}|{name}|{filename}".encode()).hexdigest()
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            fd = os.open(self.folder / f"{bucket.key}.jinja", os.O_RDONLY | _NOFOLLOW | _CLOEXEC)
        except OSError:
            return
        with os.fdopen(fd, "rb") as file:
            found = os.fstat(fd)
            getuid = getattr(os, "getuid", None)
            if not stat.S_ISREG(found.st_mode) or found.st_mode & 0o022 or (getuid is not None and found.st_uid != getuid()):
                return
            try:
                bucket.load_bytecode(file)
            except Exception:  # a damaged file (its checksum is unpickled): compiled instead
                bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        replace_private(self.folder / f"{bucket.key}.jinja", bucket.write_bytecode)
