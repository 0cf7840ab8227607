"""Recording what a build published: the content file of each published review, in one pack.

After a build, every review whose documents were all published (none withheld, none a draft) and
whose published version is not recorded yet has its content file appended to one new pack file
in output/.plainsum-published/; the index then points at it, and at the version it replaced
(`before`). A review whose documents were withheld keeps the version published before. The
builder hands over the reviews it rendered (all of them when there is no record yet, or when the
last build was interrupted); a build with nothing new writes nothing. Packs that no entry points at any more are
removed. (plainsum/content/published.py reads them and says why packs.)
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from pathlib import Path

from plainsum.build.manifest import SourceStamp, sha256_bytes
from plainsum.build.writer import UnsafePath, open_folder, safe_output_path, write_file, write_in
from plainsum.content.published import (
    PACK_NAME,
    PUBLISHED_DIR,
    PUBLISHED_INDEX,
    PublishedRecord,
    StoredVersion,
    committed_files,
    index_bytes,
    published_dir,
    read_index,
    read_stored,
    recorded_files,
)


def record_published(output_dir: Path, published: dict[str, tuple[str, str]],
                     stamps: Mapping[str, SourceStamp] | None = None) -> list[Path]:
    """Record `published` (review id -> (content file, its SHA-256)); returns the files written. A file of the size
    and time of its stamp (`stamps`, by review id: what the build hashed) is not hashed again, as the build trusts it."""
    index = read_index(output_dir)
    pack: list[bytes] = []
    offset = 0
    new: dict[str, tuple[str, int, int, PublishedRecord | None]] = {}
    for review_id, (source, sha256) in sorted(published.items()):
        record = index.get(review_id)
        if record is not None and record.published.sha256 == sha256:
            continue
        try:
            with open(source, "rb") as stream:
                data = stream.read()
                status = os.fstat(stream.fileno())
        except OSError:
            continue  # gone since it was rendered: the earlier record stays
        stamp = stamps.get(review_id) if stamps is not None else None
        unchanged = stamp is not None and stamp.sha256 == sha256 and stamp.matches(status) and len(data) == stamp.size
        if not unchanged and sha256_bytes(data) != sha256:
            continue  # edited since it was rendered: what was published is not this
        new[review_id] = (sha256, offset, len(data), record)
        pack.append(data)
        offset += len(data)
    if not new:
        return []
    data = b"".join(pack)
    name = sha256_bytes(data)[:32] + ".pack"
    written = [safe_output_path(output_dir, PUBLISHED_DIR, name)]
    write_file(written[0], data, output_dir)
    folders: dict[str, list[tuple[str, str, bytes, bytes | None]]] = {}  # the content folders' records, by folder
    for review_id, (sha256, start, size, record) in new.items():
        before = record.published if record is not None else None
        index[review_id] = PublishedRecord(StoredVersion(sha256, name, start, size), before)
        published_path, before_path = committed_files(published[review_id][0], review_id)
        folders.setdefault(os.path.dirname(published_path), []).append(
            (published_path, before_path, data[start:start + size], read_stored(output_dir, before)))
    for folder, records in folders.items():
        written.extend(_commit_records(folder, records))
    target = safe_output_path(output_dir, PUBLISHED_DIR, PUBLISHED_INDEX)
    write_file(target, index_bytes(index), output_dir)
    written.append(target)
    _remove_unused_packs(output_dir, index)
    return written


def _commit_records(folder: str, records: list[tuple[str, str, bytes, bytes | None]]) -> list[Path]:
    """Keep the published versions beside the content, in `folder`, to be committed (content/published.py's
    committed_files: the published and the before file, with their bytes); each file as write_file writes it,
    through one descriptor of the folder. A folder made now holds no record yet: none is looked for (the
    first build of a project writes one for each review)."""
    written: list[Path] = []
    try:
        os.mkdir(folder)
        made = True
    except OSError:  # there already (or not to be made: open_folder says why)
        made = False
    try:
        parent = open_folder(folder)
    except (OSError, UnsafePath):
        return written  # a read-only content folder: the output's record still serves this machine
    try:
        for published_path, before_path, published, before in records:
            written.extend(_commit_record(parent, published_path, before_path, published, before, made))
    finally:
        os.close(parent)
    return written


def _commit_record(parent: int, published_path: str, before_path: str, published: bytes, before: bytes | None,
                   empty: bool = False) -> list[Path]:
    """One review's record in the folder `parent` (the folder of both paths); `empty`: the folder was just made."""
    earlier = before
    kept: bytes | None = None
    if not empty:
        try:
            with open(published_path, "rb") as stream:
                kept = stream.read()
        except OSError:
            kept = None
    if kept is not None and kept != published:
        earlier = kept  # the record in the repository knows the version before, where this output does not
    written = []
    try:
        for path, data in ((published_path, published), (before_path, earlier)):
            if data is None:
                continue
            # atomically, as an output is: a file that holds these bytes left alone, a new one given its name
            # directly (one file a review: thousands in a first build)
            write_in(parent, os.path.basename(path), data, empty)
            written.append(Path(path))
    except (OSError, UnsafePath):
        return written  # a read-only content folder: the output's record still serves this machine
    return written


def _remove_unused_packs(output_dir: Path, index: dict[str, PublishedRecord]) -> None:
    used = {stored.pack for record in index.values() for stored in (record.published, record.before) if stored is not None}
    for path in recorded_files(published_dir(output_dir)):
        if PACK_NAME.match(path.name) and path.name not in used:
            with contextlib.suppress(OSError):  # removed by another build meanwhile: nothing to do
                os.unlink(path)
