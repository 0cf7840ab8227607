"""The regular expressions plainsum's modules compile on import, kept compiled between runs (issue 28).

The check modules compile about 400 patterns when they are imported; Python's `re` parses and compiles
each in Python, about a tenth of a second, paid by every one-edit rebuild, every `check` of one review
and every full build's main process. What the compiler makes of a pattern is a list of integers, which
`_sre.compile` turns into the pattern object in microseconds: those lists are kept (as the bytes of an
array of machine integers: a file of lists of Python ints took 10 ms to read for 555 patterns, bytes
take a tenth of that, and only the patterns asked for become lists again) in a marshal file of
the user cache folder (readability/datacache.py's), one file for each Python build (its version, the SRE
engine's magic number and the source of `re`'s parser and compiler are in its name), and a pattern
found there is made from its list without being parsed again. Pattern objects compare equal when their
pattern, flags and code are equal: tests/test_regexcache.py holds them equal to `re`'s own.

The cache is installed when a project is opened (project/project.py's Project): every command that reads
reviews does so before it imports the checks, the formats and the scorer. Only patterns compiled while a
module is being imported are kept (each module's constants: a bounded set), not those a function makes
from a review's words. The file is read at the first pattern to compile, and
written when the run compiled patterns it did not hold (by the process that installed the cache, never
a worker it forked), to a new name that is renamed over it. The folder and the file must be this user's
and writable by no one else, as for render/bytecode.py; anything else, or a Python whose `re` works
otherwise, and patterns are compiled as without the cache.
"""

from __future__ import annotations

import atexit
import hashlib
import importlib
import marshal
import os
import re
import stat
import sys
from array import array
from pathlib import Path
from typing import Any, BinaryIO

from plainsum.files.safeopen import private_folder, replace_private

_VERSION = "plainsum-regex-2"  # 2: the code as the bytes of an array
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)

_state: dict[str, Any] = {}  # "original", "codes", "path", "added", "pid"


def install() -> None:
    """Compile patterns through the cache from now on (once a process; nothing where `re` is not as expected)."""
    if _state:
        return
    try:
        _compiler, _constants, _parser, _sre = _modules()
    except ImportError:  # a Python before 3.11
        _state["original"] = None
        return
    original = _compiler.compile
    if not all(hasattr(module, name) for module, name in ((_parser, "parse"), (_compiler, "_code"), (_sre, "compile"))):
        _state["original"] = None
        return
    typecode = next((code for code in "IL" if array(code).itemsize == getattr(_sre, "CODESIZE", 0)), None)
    if typecode is None:  # SRE code units no array type holds: compiled as without the cache
        _state["original"] = None
        return
    _state.update(original=original, codes=None, path=None, added={}, pid=os.getpid())

    def compile_cached(p: Any, flags: int = 0) -> Any:
        if type(p) not in (str, bytes) or type(flags) is not int or flags & _constants.SRE_FLAG_DEBUG:
            return original(p, flags)
        codes = _codes()
        kept = codes.get((p, flags))
        if kept is not None:
            try:
                return _sre.compile(p, kept[0], array(typecode, kept[1]).tolist(), *kept[2:])
            except Exception:  # not SRE code this Python accepts: compiled as without the cache
                codes.pop((p, flags), None)
        parsed = _parser.parse(p, flags)
        code = _compiler._code(parsed, flags)
        groupindex = parsed.state.groupdict
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry = (flags | parsed.state.flags, code, parsed.state.groups - 1, dict(groupindex), tuple(indexgroup))
        compiled = _sre.compile(p, *entry)
        if _importing() and _state["path"] is not None:
            # its operation codes are ints of a subclass that names them: kept as the bytes of their array
            kept = (entry[0], array(typecode, code).tobytes(), *entry[2:])
            codes[(p, flags)] = _state["added"][(p, flags)] = kept
        return compiled

    _compiler.compile = compile_cached
    atexit.register(_save)


def _modules() -> tuple[Any, ...]:
    """re's compiler, constants and parser, and the SRE engine (private modules: typed as Any)."""
    return tuple(importlib.import_module(name) for name in ("re._compiler", "re._constants", "re._parser", "_sre"))


def _importing() -> bool:
    """Whether a module is being imported (the pattern is one of its constants, not made from a review)."""
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename.startswith("<frozen importlib"):
            return True
        frame = frame.f_back  # type: ignore[assignment]
    return False


def _codes() -> dict[tuple[str | bytes, int], tuple[Any, ...]]:
    codes = _state["codes"]
    if codes is None:
        codes = _state["codes"] = {}
        path = _cache_path()
        if path is not None:
            _state["path"] = path
            codes.update(_read(path))
    return codes  # type: ignore[no-any-return]


def _cache_path() -> Path | None:
    """This Python's cache file in the user cache folder, made private if missing; None when it cannot be."""
    try:
        _compiler, _constants, _parser, _sre = _modules()
        digest = hashlib.sha256(f"{_VERSION}|{sys.version}|{_sre.MAGIC}".encode())
        for module in (_compiler, _parser, _constants, importlib.import_module("re._casefix")):
            with open(str(module.__file__), "rb") as source:
                digest.update(source.read())
        from plainsum.readability.datacache import cache_folder

        folder = cache_folder() / "regex"
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except (OSError, RuntimeError, ImportError, AttributeError, TypeError):  # RuntimeError: no home folder
        return None
    if not (private_folder(folder.parent) and private_folder(folder)):
        return None
    return folder / f"{digest.hexdigest()[:32]}.marshal"


def _read(path: Path) -> dict[tuple[str | bytes, int], tuple[Any, ...]]:
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _CLOEXEC)
    except OSError:
        return {}
    with os.fdopen(fd, "rb") as stream:
        found = os.fstat(fd)
        getuid = getattr(os, "getuid", None)
        if not stat.S_ISREG(found.st_mode) or found.st_mode & 0o022 or (getuid is not None and found.st_uid != getuid()):
            return {}
        try:
            data = marshal.loads(stream.read())
        except (ValueError, EOFError, TypeError, OSError):
            return {}
    if not isinstance(data, dict):
        return {}
    return {key: value for key, value in data.items() if _valid(key, value)}


def _valid(key: object, value: object) -> bool:
    return (isinstance(key, tuple) and len(key) == 2 and type(key[0]) in (str, bytes) and type(key[1]) is int
            and isinstance(value, tuple) and len(value) == 5 and type(value[0]) is int and type(value[1]) is bytes
            and type(value[2]) is int and isinstance(value[3], dict) and isinstance(value[4], tuple))


def _write_all(stream: BinaryIO, data: bytes) -> None:
    stream.write(data)


def _save() -> None:
    """Write the cache when this run compiled patterns it did not hold (in the process that installed it)."""
    path, added = _state.get("path"), _state.get("added")
    if path is None or not added or os.getpid() != _state.get("pid"):
        return
    codes = _read(path)  # another run may have written it meanwhile
    codes.update(added)
    try:
        data = marshal.dumps(codes)
    except ValueError:
        return
    replace_private(path, lambda stream: _write_all(stream, data))
    added.clear()


def compiled_alike(pattern: str | bytes, flags: int = 0) -> bool:
    """Whether `re` compiles `pattern` to the same object with the cache as without it (for the tests)."""
    original = _state.get("original")
    if not original:
        return True
    return bool(re.compile(pattern, flags) == original(pattern, flags))
