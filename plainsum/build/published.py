"""Recording what a build published: a copy of each published review's content file.

After a build, every review whose documents were all published (none withheld, none a draft)
gets its content file copied to output/.plainsum-published/<id>.yaml, so `plainsum diff --since
published` and the `results.stale` check know the published version without git. A review
whose documents were withheld keeps the copy of the version published before. The copy a new
version replaces is kept as <id>.before.yaml (the earlier version of what is published). The index
(id -> SHA-256) lets a build with nothing new read one small file and write nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

from plainsum.build.manifest import sha256_bytes
from plainsum.build.writer import safe_output_path, write_file
from plainsum.content import BEFORE_SUFFIX, PUBLISHED_DIR, PUBLISHED_INDEX, published_text, read_index


def record_published(output_dir: Path, published: dict[str, tuple[str, str]]) -> list[Path]:
    """Record `published` (review id -> (content file, its SHA-256)); returns the files written."""
    index = read_index(output_dir)
    written: list[Path] = []
    changed = False
    for review_id, (source, sha256) in sorted(published.items()):
        if index.get(review_id) == sha256:
            continue
        try:
            data = Path(source).read_bytes()
        except OSError:
            continue  # gone since it was rendered: the earlier record stays
        if sha256_bytes(data) != sha256:
            continue  # edited since it was rendered: what was published is not this
        replaced = published_text(output_dir, review_id) if review_id in index else None
        if replaced is not None and replaced != data:
            write_file(safe_output_path(output_dir, PUBLISHED_DIR, review_id + BEFORE_SUFFIX), replaced)
        target = safe_output_path(output_dir, PUBLISHED_DIR, f"{review_id}.yaml")
        if write_file(target, data).changed:
            written.append(target)
        index[review_id] = sha256
        changed = True
    if changed:
        target = safe_output_path(output_dir, PUBLISHED_DIR, PUBLISHED_INDEX)
        write_file(target, json.dumps(index, indent=0, sort_keys=True).encode() + b"\n")
    return written
