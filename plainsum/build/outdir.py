"""Where a build may write (the --out guards) and the lock that keeps two builds out of one folder.

`--out` names a folder plainsum fills and `plainsum clean` empties, so it must not be a folder
that holds anything else: not /, the home folder or a system folder, not the project's content,
templates or configuration folder (nor a folder that contains one), and not a folder with files
plainsum did not write, unless --allow-foreign-files.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from plainsum.build.manifest import MANIFEST_NAME
from plainsum.errors import InputError, Problem, display_path

BUILDING_MARKER = ".plainsum-building"  # written before a build's first file; left behind if it was killed
REPORT_MARKER = ".plainsum-report"  # written into a `plainsum report` folder before its first file

SYSTEM_FOLDERS = ("/proc", "/sys", "/dev", "/boot", "/etc", "/usr", "/bin", "/sbin", "/lib")


def _refuse(folder: Path, why: str) -> InputError:
    return InputError([Problem(display_path(folder), 1, 1, f"refusing to write the build into {folder}: {why}")])


def check_output_folder(folder: Path, project: Path, kept: dict[str, Path], allow_foreign_files: bool) -> None:
    """Raise InputError if a build must not write into `folder`.

    `kept` names the folders the build reads (content, templates) by what they are; `project` is the
    folder of the configuration. With `allow_foreign_files`, a folder holding other files is accepted (and only that).
    """
    real = Path(os.path.realpath(folder))
    if real == Path("/"):
        raise _refuse(folder, "it is the root of the file system")
    if any(real == Path(system) or real.is_relative_to(system) for system in SYSTEM_FOLDERS):
        raise _refuse(folder, "it is a system folder")
    home = Path(os.path.realpath(Path.home()))
    if real == home or home.is_relative_to(real):
        raise _refuse(folder, "it is the home folder" if real == home else "it holds the home folder")
    for what, kept_folder in {"configuration": project, **kept}.items():
        kept_real = Path(os.path.realpath(kept_folder))
        if real == kept_real or kept_real.is_relative_to(real):
            raise _refuse(folder, f"it {'is' if real == kept_real else 'holds'} the {what} folder {display_path(kept_folder)}")
        if what != "configuration" and real.is_relative_to(kept_real):
            raise _refuse(folder, f"it is inside the {what} folder {display_path(kept_folder)}")
    if real.exists() and not real.is_dir():
        raise _refuse(folder, "it is not a folder")
    if allow_foreign_files or not real.is_dir() or (real / MANIFEST_NAME).is_file():
        return
    if (real / BUILDING_MARKER).is_file():
        return  # a build killed before it saved its first manifest: its own partial output, taken over
    with os.scandir(real) as entries:
        # a report `plainsum report` wrote keeps the record of its files: it is plainsum's
        foreign = sorted(entry.name for entry in entries
                         if not (entry.is_dir(follow_symlinks=False) and os.path.isfile(os.path.join(entry.path, REPORT_RECORD))))
    if foreign:
        shown = ", ".join(foreign[:3]) + (", ..." if len(foreign) > 3 else "")
        raise _refuse(folder, f"it holds files plainsum did not write ({shown}); choose an empty folder, or use --allow-foreign-files")


REPORT_RECORD = ".plainsum-report.json"  # in a report folder: the files `plainsum report` wrote there


def record_report(folder: Path, files: list[Path]) -> None:
    """Keep, in the report folder, the files `plainsum report` wrote into it and their SHA-256, so
    a build does not count them as foreign and `plainsum clean` removes them."""
    import hashlib
    import json

    from plainsum.build.writer import write_atomic

    entries = {}
    for path in files:
        try:
            relative = path.resolve().relative_to(folder.resolve()).as_posix()
            entries[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
        except (ValueError, OSError):
            continue
    write_atomic(folder / REPORT_RECORD, (json.dumps({"files": entries}, indent=1, sort_keys=True) + "\n").encode("utf-8"))


def recorded_report_files(folder: Path) -> list[tuple[Path, bool]]:
    """(file, unchanged since written) of each file the report folder's record lists, the record last."""
    import hashlib
    import json

    record = folder / REPORT_RECORD
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
        entries = data["files"] if isinstance(data, dict) and isinstance(data.get("files"), dict) else {}
    except (OSError, ValueError, RecursionError):  # RecursionError: nested too deeply to parse
        return []
    found: list[tuple[Path, bool]] = []
    for relative, digest in sorted(entries.items()):
        path = folder.joinpath(*str(relative).split("/"))
        if ".." in str(relative).split("/") or not path.is_file() or path.is_symlink():
            continue
        found.append((path, hashlib.sha256(path.read_bytes()).hexdigest() == digest))
    return [*found, (record, True)]


@contextlib.contextmanager
def output_lock(folder: Path) -> Iterator[None]:
    """Hold the lock on the output folder while a build writes into it (exit 2 if another build holds it).

    The lock is flock(2) on the folder itself: the kernel releases it when the process holding it
    ends, however it ends, so a lock left by a killed build is taken over by the next one at once.
    """
    folder.mkdir(parents=True, exist_ok=True)
    handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise InputError([Problem(
                display_path(folder), 1, 1, "another plainsum build is writing into this folder; wait for it to finish, or use another --out",
            )]) from None
        yield
    finally:
        os.close(handle)


REPORT_FILES = frozenset(("index.html", "report.json", "reviews", "changes.html", REPORT_MARKER, REPORT_RECORD))


def check_report_folder(folder: Path, project: Path, kept: dict[str, Path]) -> None:
    """The --out guard of `plainsum report`: the same refusals as a build's, and a folder that holds
    anything but a report's files is refused (its marker, or nothing but what a report writes)."""
    check_output_folder(folder, project, kept, allow_foreign_files=True)
    real = Path(os.path.realpath(folder))
    if not real.is_dir() or (real / REPORT_MARKER).is_file() or (real / MANIFEST_NAME).is_file():
        return
    with os.scandir(real) as entries:
        foreign = sorted(entry.name for entry in entries if entry.name not in REPORT_FILES)
    if foreign:
        shown = ", ".join(foreign[:3]) + (", ..." if len(foreign) > 3 else "")
        raise _refuse(folder, f"it holds files plainsum did not write ({shown}); choose an empty folder for the report")


def mark_report_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / REPORT_MARKER
    if not marker.exists():
        marker.write_bytes(b"")
