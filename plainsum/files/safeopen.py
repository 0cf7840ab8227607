"""Opening files without following links out of the project, checked on the opened descriptor.

A path is only a name: between checking where it leads and opening it, a folder on the way can be
swapped for a link (the audit of issue 30 won that race 5 times in 600 checks). So a file is opened
by walking from the descriptor of a trusted folder (the project's, or the output folder), one name
at a time, each with O_NOFOLLOW: a link anywhere on the way fails the open itself, whatever happened
before it. A link the author made on purpose inside the project (content/x.yaml -> ../drafts/x.yaml)
is resolved first and followed only when it leads inside the folder; what is opened is then its
target, walked the same way. The opened file is checked with fstat: a regular file, within the size
limit, with one name only (a hard link's other name may be anywhere: the platform cannot tell where,
so a file with several is refused).

Messages name the path as given (the link), never where it leads.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from plainsum.errors import InputError, Problem

_DIRECTORY = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC | os.O_NOFOLLOW
_FILE = os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_NONBLOCK", 0)


class OutsideError(OSError):
    """A path that leads out of its folder, through a link or a swapped folder, or a file of several names."""


def _problem(display: str, message: str) -> InputError:
    return InputError([Problem(display, 1, 1, message)])


def inside(path: Path, folder: Path) -> bool:
    """Whether `path`, links resolved, is `folder` or below it (links in `folder` resolved too)."""
    try:
        Path(os.path.realpath(path)).relative_to(os.path.realpath(folder))
    except ValueError:
        return False
    return True


def relative_parts(path: Path, folder: Path) -> list[str]:
    """The names from `folder` to `path` with its links resolved; OutsideError if it leads out."""
    real_folder = os.path.realpath(folder)
    real = os.path.realpath(path)
    try:
        parts = Path(real).relative_to(real_folder).parts
    except ValueError:
        raise OutsideError(errno.EXDEV, "it leads out of the project") from None
    return list(parts)


def folder_descriptor(folder: Path | str) -> int:
    """A new descriptor of `folder` itself (the trusted start of a walk), its links followed as
    os.path.realpath follows them (the kernel resolves the path the same way, without a stat per part)."""
    return os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)


@contextlib.contextmanager
def open_folder(folder: Path) -> Iterator[int]:
    """A descriptor of `folder` itself (the trusted start of a walk), closed after."""
    handle = folder_descriptor(folder)
    try:
        yield handle
    finally:
        os.close(handle)


def walk_to_folder(start: int, parts: list[str], create: bool = False, made: list[bool] | None = None) -> int:
    """A new descriptor of the folder `parts` below the folder `start`, each step refusing a link
    (ELOOP/ENOTDIR become OutsideError); with `create`, missing folders are made. `made`, when given,
    gets whether this call made the last folder (nothing was in it then)."""
    current = os.dup(start)
    created = False
    try:
        for part in parts:
            if part in ("", ".", "..") or "/" in part or "\x00" in part:
                raise OutsideError(errno.EINVAL, f"{part!r} is not a plain name")
            created = False
            try:
                following = os.open(part, _DIRECTORY, dir_fd=current)
            except FileNotFoundError:
                if not create:
                    raise
                with contextlib.suppress(FileExistsError):
                    os.mkdir(part, 0o755, dir_fd=current)
                    created = True
                following = os.open(part, _DIRECTORY, dir_fd=current)
            except OSError as error:
                if error.errno in (errno.ELOOP, errno.ENOTDIR):
                    raise OutsideError(error.errno, f"{part} is a link or not a folder") from None
                raise
            os.close(current)
            current = following
        if made is not None:
            made.append(created)
        return current
    except BaseException:
        os.close(current)
        raise


def _parts_of(path: Path, folder: Path, allow_links_inside: bool) -> list[str]:
    if allow_links_inside:
        return relative_parts(path, folder)
    try:
        return list(Path(os.path.abspath(path)).relative_to(os.path.abspath(folder)).parts)
    except ValueError:
        raise OutsideError(errno.EXDEV, "it is outside the folder") from None


def open_file_in(folder: Path, path: Path, allow_links_inside: bool = True, parts: list[str] | None = None) -> int:
    """A read descriptor of the regular file `path`, reached from `folder` without following any link
    out of it (see the module's docstring); OutsideError or OSError otherwise. `parts`: the names from
    `folder` to `path` when the caller knows them (relative_parts's answer), else worked out here."""
    if parts is None:
        parts = _parts_of(path, folder, allow_links_inside)
    if not parts:
        raise OutsideError(errno.EISDIR, "it is the folder itself")
    with open_folder(folder) as root:
        parent = walk_to_folder(root, parts[:-1])
        try:
            try:
                handle = os.open(parts[-1], _FILE, dir_fd=parent)
            except OSError as error:
                if error.errno == errno.ELOOP:
                    raise OutsideError(error.errno, "it is a link that changed while it was read") from None
                raise
        finally:
            os.close(parent)
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            raise OutsideError(errno.EINVAL, "it is not a regular file")
        if status.st_nlink > 1:
            raise OutsideError(errno.EMLINK, "it is a hard link (a file with more than one name, whose other "
                                             "names may be outside the project); copy it instead")
        if hasattr(os, "set_blocking"):
            os.set_blocking(handle, True)
    except BaseException:
        os.close(handle)
        raise
    return handle


def read_bytes_in(folder: Path, path: Path, display: str, limit: int, parts: list[str] | None = None) -> bytes:
    """The bytes of `path` inside `folder` (at most `limit`), or InputError at `display`:1:1 saying why not.
    `parts`: as open_file_in takes them."""
    try:
        handle = open_file_in(folder, path, parts=parts)
    except OutsideError as error:
        raise _problem(display, f"refusing to read this file: {error.strerror}") from None
    except OSError as error:
        raise _problem(display, f"cannot read file: {error.strerror or error}") from None
    try:
        if os.fstat(handle).st_size > limit:
            raise _problem(display, f"the file is larger than {limit:,} bytes, the limit for this kind of file")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(handle, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise _problem(display, f"cannot read file: {error.strerror or error}") from None
    finally:
        os.close(handle)
    if size > limit:
        raise _problem(display, f"the file is larger than {limit:,} bytes, the limit for this kind of file")
    return b"".join(chunks)


def check_folder_inside(folder: Path, project: Path, display: str, what: str) -> None:
    """InputError if the folder `folder` (content, templates) is a link or leads out of `project`."""
    if not os.path.lexists(folder):
        return
    if not inside(folder, project):
        raise _problem(display, f"the {what} folder leads out of the project (a link to a folder outside it); "
                                "plainsum reads only files inside the project")


_TRUSTED: list[str] = []  # real paths of the folders whose links may be followed while they stay inside


def trust(*folders: Path) -> None:
    """Make `folders` (the project's, the default templates') the folders files are read inside;
    the configuration calls it when it is loaded."""
    for folder in folders:
        real = os.path.realpath(folder)
        if real not in _TRUSTED:
            _TRUSTED.append(real)
    _TRUSTED.sort(key=len, reverse=True)


def read_confined(path: Path, display: str, limit: int) -> bytes:
    """The bytes of `path` (at most `limit`), opened without following a link out of the trusted
    folder it is in; a file outside every trusted folder (one the user named) is read only when no
    link leads to it. InputError at `display`:1:1 otherwise, naming the path, not where it leads."""
    absolute = os.path.abspath(path)
    parent = os.path.realpath(os.path.dirname(absolute))
    here = os.path.join(parent, os.path.basename(absolute))
    for root in _TRUSTED:
        prefix = root.rstrip(os.sep) + os.sep
        if here == root or here.startswith(prefix):
            # `root` is a real path (trust), and `here` is its folder's real path and its name: when that
            # name is no link, `here` is its own real path, and the names below `root` are read off it
            # (relative_parts would resolve both again, a stat for each folder on the way, twice)
            parts = None if here == root or os.path.islink(here) else here[len(prefix):].split(os.sep)
            return read_bytes_in(Path(root), Path(here), display, limit, parts)
    if os.path.islink(here):
        raise _problem(display, "refusing to read this file: it is a link, and it is outside the project")
    return read_bytes_in(Path(parent), Path(here), display, limit)


def private_folder(path: Path) -> bool:
    """Whether `path` is a folder of this user's, not a link, that no one else can write (a cache folder whose
    files are loaded as they are: the compiled templates, the compiled patterns)."""
    try:
        found = os.lstat(path)
    except OSError:
        return False
    getuid = getattr(os, "getuid", None)
    return stat.S_ISDIR(found.st_mode) and not found.st_mode & 0o022 and (getuid is None or found.st_uid == getuid())


def replace_private(target: Path, write: Callable[[BinaryIO], None]) -> bool:
    """Write a file of a private folder whole or not at all: `write` fills a new file only this user can read
    (made anew, never through a link), which is then renamed over `target`. False when it could not be written
    (the cache is then only not kept)."""
    temporary = target.with_name(f"{target.stem}.{os.getpid()}.tmp")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as stream:
            write(stream)
        os.replace(temporary, target)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return False
    return True
