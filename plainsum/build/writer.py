"""Writing outputs: atomically, and never outside the output folder.

A file is written in full before it gets its name, so a build that is interrupted (Ctrl-C,
SIGKILL) leaves either the earlier file or the new one, never a half-written one. On Linux the data goes into an unnamed file (O_TMPFILE) that the
kernel discards if the process dies; it is then linked under a hidden temporary name and renamed
over the target, or, when there is no file of that name yet, linked under the target's name itself (a
rename less: a full build creates every file). Elsewhere a named temporary file is used. Either way a hidden leftover can only
ever be a complete file, and `sweep_temporaries` removes any (every build does).

Files are not fsync'ed one by one: that protects only against a power cut, not an interrupted
process, and on a busy disk it cost 3.5 ms a file (most of a 12,000-file build). On ext4 with its
default auto_da_alloc, a rename that replaces a file also makes the kernel write the new data
first, which covers most of the power-cut case too.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TEMP_SUFFIX = ".plainsum-tmp"


class UnsafePath(ValueError):
    pass


@dataclass(frozen=True)
class Written:
    """What was written: enough to tell later whether the file is still the one plainsum wrote."""

    changed: bool  # False if the file already held exactly these bytes
    size: int
    mtime_ns: int


def safe_output_path(output_dir: Path, *parts: str) -> Path:
    """output_dir/parts..., refusing anything that would resolve outside output_dir."""
    root = _resolved(os.path.abspath(output_dir))
    _plain_names(root, parts)
    # The parts are plain names, so only a symbolic link among them can lead elsewhere: look for
    # one (a stat per part) and resolve the whole path only then (a stat per folder above it too).
    # Without one, root/parts is below root: the path is joined as a string (pathlib's joining and
    # is_relative_to were most of this function's time, which every written file pays).
    probe = str(root)
    for part in parts:
        probe = os.path.join(probe, part)
        try:
            if not stat.S_ISLNK(os.lstat(probe).st_mode):
                continue
        except OSError:
            break  # what does not exist yet is not a link
        target = root.joinpath(*parts).resolve()
        if not target.is_relative_to(root) or target == root:
            raise UnsafePath(f"refusing to write {target}: it is outside {root}")
        return target
    return Path(os.path.join(str(root), *parts))


def _plain_names(root: Path, parts: tuple[str, ...] | list[str]) -> None:
    """UnsafePath unless `parts` are one or more plain file or folder names."""
    for part in parts:
        if not part or part in (".", "..") or "/" in part or "\\" in part or "\x00" in part:
            raise UnsafePath(f"refusing to write to {part!r}: not a plain file or folder name")
    if not parts:
        raise UnsafePath(f"refusing to write {root}: it is outside {root}")


@lru_cache(maxsize=16)
def _resolved(folder: str) -> Path:
    return Path(folder).resolve()


def _temporary_name(name: str) -> str:
    return f".{name}.{os.urandom(4).hex()}{TEMP_SUFFIX}"


_unnamed_ok = sys.platform.startswith("linux") and hasattr(os, "O_TMPFILE")


def _write_unnamed(parent: int, name: str, data: bytes, exists: bool = True) -> os.stat_result | None:
    """Write via an unnamed file in the folder `parent` (a descriptor); None if the file system does not support it.
    When nothing was named `name` (`exists` false), the file is given that name directly: a link never
    replaces a name, so one made meanwhile is replaced by a rename, as when `exists`."""
    global _unnamed_ok
    try:
        handle = os.open(".", os.O_TMPFILE | os.O_WRONLY | os.O_CLOEXEC, 0o644, dir_fd=parent)
    except OSError:
        _unnamed_ok = False
        return None
    try:
        _write_all(handle, data)
        status = os.fstat(handle)
        # linkat(AT_FDCWD, "/proc/self/fd/N", parent, name, AT_SYMLINK_FOLLOW), which gives the unnamed
        # file a name: os.link makes that call when given a folder descriptor (no ctypes to load for it)
        if not exists:
            try:
                os.link(f"/proc/self/fd/{handle}", name, dst_dir_fd=parent, follow_symlinks=True)
                return status
            except FileExistsError:
                pass  # made meanwhile: replaced below, as a file that was there
            except (OSError, NotImplementedError):
                pass  # the same call follows with the temporary name, and says what is wrong
        temporary = _temporary_name(name)
        try:
            os.link(f"/proc/self/fd/{handle}", temporary, dst_dir_fd=parent, follow_symlinks=True)
        except (OSError, NotImplementedError) as error:
            _unnamed_ok = False
            code = getattr(error, "errno", None)
            if code is None or code in (1, 2, 18, 22, 95):  # EPERM, ENOENT (no /proc), EXDEV, EINVAL, EOPNOTSUPP
                return None
            raise OSError(code, os.strerror(code), temporary) from None
        try:
            os.replace(temporary, name, src_dir_fd=parent, dst_dir_fd=parent)
        except BaseException:
            _unlink_quietly(parent, temporary)
            raise
        return status
    finally:
        os.close(handle)


def _write_named(parent: int, name: str, data: bytes) -> os.stat_result:
    temporary = _temporary_name(name)
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644, dir_fd=parent)
    try:
        _write_all(handle, data)
        os.fchmod(handle, 0o644)
        status = os.fstat(handle)
        os.close(handle)
        handle = -1
        os.replace(temporary, name, src_dir_fd=parent, dst_dir_fd=parent)
        return status
    except BaseException:
        if handle >= 0:
            os.close(handle)
        _unlink_quietly(parent, temporary)
        raise


def _write_all(handle: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view):]


def _unlink_quietly(parent: int, name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name, dir_fd=parent)


def write_file(path: Path, data: bytes, root: Path | None = None) -> Written:
    """Write data to path atomically. A file that already holds exactly `data` is left alone.

    The folders from `root` (the output folder; by default the file's own folder) down to the file
    are opened one by one from the descriptor of the one above, each refusing a link (O_NOFOLLOW),
    and the file is written and renamed in the last one's descriptor: a folder swapped for a link
    while a build runs makes the write fail (UnsafePath), it never lands outside `root`.
    OSError (a full disk, a read-only folder) names `path`; the file there before is left whole."""
    from plainsum.files.safeopen import OutsideError

    try:
        # as strings: a Path made again from a Path parses it again (three a file were a tenth of a write's time)
        where = os.fspath(path)
        return _write_file(where, data, os.fspath(root) if root is not None else os.path.dirname(where) or ".")
    except OutsideError as error:
        raise UnsafePath(f"refusing to write {path}: {error.strerror} (a folder on the way was swapped for a link)") from None
    except OSError as error:
        if error.filename is None or not os.path.isabs(str(error.filename)):
            raise OSError(error.errno, error.strerror, str(path)) from None
        raise


def _parts_below(path: str, root: str) -> list[str]:
    """The names from `root` to `path`'s folder; UnsafePath when `path` is not below `root`."""
    folder = os.path.dirname(os.path.abspath(path))
    top = os.path.abspath(root)
    if os.sep == "/" and os.altsep is None:  # both normalised: a plain prefix test (Path.relative_to's answer)
        if folder == top:
            return []
        if folder.startswith(top if top.endswith("/") else top + "/"):
            return folder[len(top):].lstrip("/").split("/")
    for base in (top, os.path.realpath(root)):
        with contextlib.suppress(ValueError):
            return list(Path(folder).relative_to(base).parts)
    raise UnsafePath(f"refusing to write {path}: it is outside {root}")


def _write_file(path: str, data: bytes, root: str) -> Written:
    parent = _open_folder_below(root, _parts_below(path, root))
    try:
        return write_in(parent, os.path.basename(path), data)
    finally:
        os.close(parent)


def _open_folder_below(root: str, parts: list[str], made: list[bool] | None = None) -> int:
    """A descriptor of the folder `parts` below `root`, made when missing, walked without following a link
    (`made`: see walk_to_folder)."""
    from plainsum.files.safeopen import folder_descriptor, walk_to_folder

    try:
        top = folder_descriptor(root)
    except OSError:  # not there yet (or not a folder: mkdir says which), as before a mkdir per file
        Path(root).mkdir(parents=True, exist_ok=True)
        top = folder_descriptor(root)
    try:
        return walk_to_folder(top, parts, create=True, made=made)
    finally:
        os.close(top)


def open_folder(folder: str) -> int:
    """A descriptor of `folder` (made when missing) to write several files in with `write_in`, each as
    `write_file(folder/name, data)` writes it: the folder opened once, not once a file."""
    return _open_folder_below(folder, [])


def write_in(parent: int, name: str, data: bytes, empty: bool = False) -> Written:
    """Write `name` in the folder `parent` (a descriptor), atomically; left alone when it holds `data`.
    `empty`: the folder was just made, so nothing is named `name` yet (a file made there meanwhile is
    replaced, as _write_unnamed replaces one)."""
    same, exists = (None, False) if empty else _holds(parent, name, data)
    if same is not None:
        return Written(False, same.st_size, same.st_mtime_ns)
    unnamed = _write_unnamed(parent, name, data, exists) if _unnamed_ok else None
    status = unnamed if unnamed is not None else _write_named(parent, name, data)
    # the rename does not change the file's modification time, so fstat before it is what stat sees after
    return Written(True, status.st_size, status.st_mtime_ns)


def write_files(root: Path, files: list[tuple[str, bytes]]) -> list[Written]:
    """Write each (relative path, data) below the output folder `root`, as `write_file(safe_output_path(root,
    *relative.split("/")), data, root)` writes one: the same refusals, a link that stays in the folder
    followed, each file atomic. The files of one folder are written through one descriptor of it, walked
    once (a review's outputs: one walk and one stat of its folder, not one for each of its four files, and
    no path made and checked again for each: about a tenth of the writes' CPU time in a build). A folder on
    the way that is a link, or a file that is one, is written as write_file writes it, through the link."""
    root_text = os.fspath(root)
    folders: dict[tuple[str, ...], list[int]] = {}
    for number, (relative, _) in enumerate(files):
        parts = relative.split("/")
        _plain_names(_resolved(os.path.abspath(root_text)), parts)
        folders.setdefault(tuple(parts[:-1]), []).append(number)
    written: list[Written | None] = [None] * len(files)
    for folder, numbers in folders.items():
        made: list[bool] = []
        parent = _folder_without_links(root_text, list(folder), made)
        # a folder this walk made holds nothing yet: no file of its to look at, nor a link (a new review's
        # folder, as in a full build: eight lookups of names that are not there)
        empty = made == [True] and len({files[number][0] for number in numbers}) == len(numbers)
        try:
            for number in numbers:
                relative, data = files[number]
                name = relative.rsplit("/", 1)[-1]
                if parent is None or (not empty and _is_link(parent, name)):
                    written[number] = write_file(safe_output_path(root, *relative.split("/")), data, root)
                    continue
                try:
                    written[number] = write_in(parent, name, data, empty)
                except OSError as error:  # named as write_file names it
                    if error.filename is None or not os.path.isabs(str(error.filename)):
                        target = os.path.join(str(_resolved(os.path.abspath(root_text))), relative)  # safe_output_path's
                        raise OSError(error.errno, error.strerror, target) from None
                    raise
        finally:
            if parent is not None:
                os.close(parent)
    return [entry for entry in written if entry is not None]


def _folder_without_links(root: str, parts: list[str], made: list[bool] | None = None) -> int | None:
    """The folder `parts` below `root` (made when missing), or None when it cannot be walked to without
    following a link, or not at all (then each file is written as write_file writes it, and fails as it does)."""
    try:
        return _open_folder_below(root, parts, made)
    except OSError:
        return None


def _is_link(parent: int, name: str) -> bool:
    try:
        return stat.S_ISLNK(os.lstat(name, dir_fd=parent).st_mode)
    except OSError:
        return False  # nothing of that name yet (or not to be looked at: the write says what is wrong)


def _holds(parent: int, name: str, data: bytes) -> tuple[os.stat_result | None, bool]:
    """The status of the regular file `name` in `parent` if it holds exactly `data` (a link is not
    followed), else None; and whether anything may be named `name` (false only when nothing is)."""
    try:
        handle = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | getattr(os, "O_NONBLOCK", 0), dir_fd=parent)
    except FileNotFoundError:
        return None, False
    except OSError:
        return None, True
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode) or status.st_size != len(data):
            return None, True
        with os.fdopen(os.dup(handle), "rb") as stream:
            return (status if stream.read(len(data) + 1) == data else None), True
    finally:
        os.close(handle)


def write_atomic(path: Path, data: bytes, root: Path | None = None) -> bool:
    """Write data to path via a temporary file and a rename. Returns False if the file already held it."""
    return write_file(path, data, root).changed


def sweep_temporaries(folder: Path) -> list[Path]:
    """Remove hidden temporary files an interrupted build may have left under folder."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for path in folder.rglob(f".*{TEMP_SUFFIX}"):
        if path.is_file() and not path.is_symlink():
            with contextlib.suppress(OSError):
                path.unlink()
            removed.append(path)
    return removed
