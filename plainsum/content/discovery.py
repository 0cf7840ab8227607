"""Which content files a command works on."""

from __future__ import annotations

import os
from pathlib import Path


def discover(paths: list[Path], content_dir: Path) -> list[Path]:
    """The content files to process: given files, files in given folders, or the content folder."""
    targets = paths or [content_dir]
    found: list[Path] = []
    for target in targets:
        if target.is_dir():
            with os.scandir(target) as entries:  # its file types come with the listing: no stat per file
                names = sorted(e.name for e in entries if e.name.endswith((".yaml", ".yml")) and e.is_file())
            found.extend(target / name for name in names)
        else:
            found.append(target)
    return found
