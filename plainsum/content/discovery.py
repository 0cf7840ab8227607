"""Which content files a command works on."""

from __future__ import annotations

import os
from pathlib import Path


def discover(paths: list[Path], content_dir: Path) -> list[Path]:
    """The review files to process: given files, files in given folders, or the content folder.

    Translations (`<id>.<lang>.yaml`) are not reviews: they are found beside their review
    (plainsum.content.translation). A translation named on the command line stands for its review.
    """
    targets = paths or [content_dir]
    found: list[Path] = []
    for target in targets:
        if target.is_dir():
            with os.scandir(target) as entries:  # its file types come with the listing: no stat per file
                names = sorted(e.name for e in entries if e.name.endswith((".yaml", ".yml")) and e.is_file())
            found.extend(target / name for name in names if not is_translation_name(name))
        elif is_translation_name(target.name):
            review = review_of_translation(target)
            if review not in found:
                found.append(review)
        else:
            found.append(target)
    return found


def is_translation_name(name: str) -> bool:
    """review.es.yaml is a translation; review.yaml a review (review ids have no dots)."""
    return "." in name.rsplit(".", 1)[0]


def review_of_translation(path: Path) -> Path:
    """content/review.yaml for content/review.es.yaml."""
    stem = path.name.rsplit(".", 1)[0].rsplit(".", 1)[0]
    return path.with_name(stem + path.suffix)
