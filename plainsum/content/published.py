"""The versions of the reviews that the last build published, kept in the output folder.

`plainsum build` keeps a copy of each content file whose documents it published (none withheld,
none a draft) in `output/.plainsum-published/<id>.yaml`, with `index.json` mapping each id to the
copy's SHA-256; the copy it replaced is kept as `<id>.before.yaml`. `plainsum diff --since
published` compares the content with these copies: no git needed. (plainsum/build/published.py
writes them.)

The earlier version of a review (`Review.previous`, for the `results.stale` check and the
`changes` templates see) is the published copy when the content differs from it, and the copy
before that when the content is what was published: so a published version keeps the same
earlier version however often it is rendered again.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from plainsum.content.model import ID_PATTERN

if TYPE_CHECKING:
    from plainsum.content.model import Review

PUBLISHED_DIR = ".plainsum-published"
PUBLISHED_INDEX = "index.json"
BEFORE_SUFFIX = ".before.yaml"


def published_dir(output_dir: Path) -> Path:
    return output_dir / PUBLISHED_DIR


def read_index(output_dir: Path) -> dict[str, str]:
    """Review id -> SHA-256 of its published content file; empty when nothing was recorded."""
    try:
        data = json.loads((published_dir(output_dir) / PUBLISHED_INDEX).read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {key: value for key, value in data.items() if isinstance(value, str) and ID_PATTERN.match(key)}


def published_text(output_dir: Path, review_id: str) -> bytes | None:
    """The published content file of a review, or None when the build recorded none."""
    if not ID_PATTERN.match(review_id):
        return None
    path = published_dir(output_dir) / f"{review_id}.yaml"
    try:
        if path.is_symlink():
            return None  # only files the build wrote
        return path.read_bytes()
    except OSError:
        return None


def before_text(output_dir: Path, review_id: str) -> bytes | None:
    """The published version that the current published version replaced."""
    if not ID_PATTERN.match(review_id):
        return None
    path = published_dir(output_dir) / f"{review_id}{BEFORE_SUFFIX}"
    try:
        return None if path.is_symlink() else path.read_bytes()
    except OSError:
        return None


def recorded_files(folder: Path) -> list[Path]:
    """The files a build records in `folder` (and nothing a user put there)."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    def ours(name: str) -> bool:
        return name == PUBLISHED_INDEX or (name.endswith(".yaml") and bool(ID_PATTERN.match(name.removesuffix(BEFORE_SUFFIX).removesuffix(".yaml"))))

    wanted = [name for name in names if ours(name)]
    return [folder / name for name in wanted if (folder / name).is_file() and not (folder / name).is_symlink()]


def has_record(output_dir: Path) -> bool:
    return os.path.isfile(published_dir(output_dir) / PUBLISHED_INDEX)


def attach_previous(review: Review, output_dir: Path, index: dict[str, str]) -> None:
    """Set `review.previous` from what the build published (see the module's docstring)."""
    recorded = index.get(review.id)
    if recorded is None:
        return
    current = hashlib.sha256(review.source.text.encode("utf-8")).hexdigest()
    data = before_text(output_dir, review.id) if recorded == current else published_text(output_dir, review.id)
    if data is None:
        return
    from plainsum.content.loader import load_review
    from plainsum.errors import InputError

    try:
        review.previous = load_review(review.source.path, data, display=f"published:{review.source.display}")
    except InputError:
        return  # an earlier version that no longer validates tells nothing about this one
