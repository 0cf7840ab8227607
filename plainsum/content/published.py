"""The versions of the reviews that the last build published, kept in the output folder.

`plainsum build` keeps the content file of each review whose documents it published (none
withheld, none a draft) in output/.plainsum-published/: the texts a build records go into one
pack file (`<hash>.pack`, the files one after another), and `index.json` says, for each review id,
the SHA-256 of its published version and where its bytes are, and the same for the version that
one replaced (`before`). One pack a build, not one file a review: on this project's shared disk
creating a file costs about 1.5 ms, which for 2,971 reviews would have added 4.5 s to a full
build. (plainsum/build/published.py writes them; packs no entry points at are removed.)

`plainsum diff --since published` compares the content with these versions: no git needed. The
earlier version of a review (`Review.previous`, for the `results.stale` check and the `changes`
templates see) is the published version while the content differs from it, and the version
before that once the content is what was published: so a published version keeps the same
earlier version however often it is rendered again.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from plainsum.content.model import ID_PATTERN
from plainsum.content.published_names import COMMITTED_DIR as COMMITTED_DIR
from plainsum.content.published_names import PUBLISHED_DIR as PUBLISHED_DIR
from plainsum.content.published_names import PUBLISHED_INDEX as PUBLISHED_INDEX

if TYPE_CHECKING:
    from plainsum.content.model import Review
    from plainsum.grade.grid import TemplateFinder

PACK_NAME = re.compile(r"^[0-9a-f]{16,64}\.pack$")


class StoredVersion(NamedTuple):
    """Where one version's bytes are: a pack file of the folder, an offset and a size."""

    sha256: str
    pack: str
    offset: int
    size: int

    def to_json(self) -> list[Any]:
        return [self.sha256, self.pack, self.offset, self.size]

    @classmethod
    def from_json(cls, value: Any) -> StoredVersion | None:
        if (isinstance(value, list) and len(value) == 4 and isinstance(value[0], str) and isinstance(value[1], str)
                and PACK_NAME.match(value[1]) and all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value[2:])):
            return cls(value[0], value[1], value[2], value[3])
        return None


class PublishedRecord(NamedTuple):
    published: StoredVersion
    before: StoredVersion | None  # the version the published one replaced


def published_dir(output_dir: Path) -> Path:
    return output_dir / PUBLISHED_DIR


_LAST_READ: list[tuple[bytes, dict[str, PublishedRecord]]] = []  # the last index read, as bytes and as records


def read_index(output_dir: Path) -> dict[str, PublishedRecord]:
    """Review id -> its record; empty when nothing was recorded (or the index is not one plainsum wrote).
    An index that holds the same bytes as the last one read is not parsed again (a build of one review
    reads it to load the review's earlier version, then to record what it published)."""
    try:
        raw = (published_dir(output_dir) / PUBLISHED_INDEX).read_bytes()
    except OSError:
        return {}
    if _LAST_READ and _LAST_READ[0][0] == raw:
        return dict(_LAST_READ[0][1])  # a copy: the caller may change it (the records are tuples)
    index = _parse_index(raw)
    _LAST_READ[:] = [(raw, dict(index))]
    return index


def _parse_index(raw: bytes) -> dict[str, PublishedRecord]:
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):  # RecursionError: nested too deeply to parse
        return {}
    if not isinstance(data, dict):
        return {}
    index: dict[str, PublishedRecord] = {}
    for key, value in data.items():
        if not ID_PATTERN.match(key) or not isinstance(value, dict):
            continue
        published = StoredVersion.from_json(value.get("published"))
        if published is not None:
            index[key] = PublishedRecord(published, StoredVersion.from_json(value.get("before")))
    return index


def index_bytes(index: dict[str, PublishedRecord]) -> bytes:
    data = {key: {"published": record.published.to_json(), "before": record.before.to_json() if record.before else None}
            for key, record in sorted(index.items())}
    return json.dumps(data, separators=(",", ":")).replace("},", "},\n").encode() + b"\n"


def read_stored(output_dir: Path, stored: StoredVersion | None) -> bytes | None:
    """The bytes of a stored version, or None when they cannot be read as recorded."""
    if stored is None:
        return None
    path = published_dir(output_dir) / stored.pack
    try:
        if path.is_symlink():
            return None  # only files the build wrote
        with open(path, "rb") as pack:
            pack.seek(stored.offset)
            data = pack.read(stored.size)
    except OSError:
        return None
    return data if len(data) == stored.size and hashlib.sha256(data).hexdigest() == stored.sha256 else None


def published_text(output_dir: Path, review_id: str, index: dict[str, PublishedRecord] | None = None) -> bytes | None:
    """The published content file of a review, or None when the build recorded none."""
    record = (index if index is not None else read_index(output_dir)).get(review_id)
    return read_stored(output_dir, record.published) if record is not None else None


def recorded_files(folder: Path) -> list[Path]:
    """The files a build records in `folder` (and nothing a user put there)."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    wanted = [name for name in names if name == PUBLISHED_INDEX or PACK_NAME.match(name)]
    return [folder / name for name in wanted if (folder / name).is_file() and not (folder / name).is_symlink()]


def committed_paths(source: Path, review_id: str) -> tuple[Path, Path]:
    """The committed record of a review beside its content file: (published, before)."""
    published, before = committed_files(os.fspath(source), review_id)
    return Path(published), Path(before)


def committed_files(source: str, review_id: str) -> tuple[str, str]:
    """committed_paths as strings (made for every review a build loads: no Path parsed three times)."""
    folder = os.path.join(os.path.dirname(source), COMMITTED_DIR)
    return os.path.join(folder, f"{review_id}.yaml"), os.path.join(folder, f"{review_id}.before.yaml")


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _read_committed(path: str) -> bytes | None:
    """The file's bytes; None when there is none, or it is a link (only what a build wrote is read): one
    open that refuses a link, not a look for a link first (a build without a record yet asks for each review)."""
    if not _NOFOLLOW and os.path.islink(path):
        return None
    try:
        handle = os.open(path, os.O_RDONLY | _NOFOLLOW)
    except OSError:
        return None
    try:
        with open(handle, "rb", closefd=False) as stream:
            return stream.read()
    except OSError:  # a folder of that name
        return None
    finally:
        os.close(handle)


def committed_earlier(review: Review) -> bytes | None:
    """The earlier version from the committed record: the published one while the content differs
    from it, the one before once the content is what was published."""
    published_path, before_path = committed_files(os.fspath(review.source.path), review.id)
    published = _read_committed(published_path)
    if published is None:
        return None
    if published == review.source.text.encode("utf-8"):
        return _read_committed(before_path)
    return published


def attach_previous(review: Review, output_dir: Path, index: dict[str, PublishedRecord], templates: TemplateFinder | None = None) -> None:
    """Set `review.previous` from what the build published (see the module's docstring), or, in a
    clone without the build's output (CI), from the record committed beside the content; read with
    the project's `templates` (its wording grid)."""
    record = index.get(review.id)
    data: bytes | None = None
    if record is not None:
        current = hashlib.sha256(review.source.text.encode("utf-8")).hexdigest()
        data = read_stored(output_dir, record.before if record.published.sha256 == current else record.published)
    if data is None:
        data = committed_earlier(review)
    if data is None:
        return
    from plainsum.content.loader import load_review
    from plainsum.errors import InputError

    try:
        review.previous = load_review(review.source.path, data, display=f"published:{review.source.display}", templates=templates)
    except InputError:
        return  # an earlier version that no longer validates tells nothing about this one
