"""Writing outputs: atomically, and never outside the output folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class UnsafePath(ValueError):
    pass


def safe_output_path(output_dir: Path, *parts: str) -> Path:
    """output_dir/parts..., refusing anything that would resolve outside output_dir."""
    root = output_dir.resolve()
    for part in parts:
        if not part or part in (".", "..") or "/" in part or "\\" in part or "\x00" in part:
            raise UnsafePath(f"refusing to write to {part!r}: not a plain file or folder name")
    target = root.joinpath(*parts).resolve()
    if not target.is_relative_to(root) or target == root:
        raise UnsafePath(f"refusing to write {target}: it is outside {root}")
    return target


def write_atomic(path: Path, data: bytes) -> bool:
    """Write data to path via a temporary file and a rename. Returns False if the file already held it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    return True
