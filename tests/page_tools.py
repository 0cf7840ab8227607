"""Helpers for the handout and page tests (no tests here): the imported sample, tools, a logo.

Under CI=true a test whose tool or data is missing fails; elsewhere it is skipped with the reason.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from conftest import CORPUS, REPO

NODE_MODULES = REPO / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


def require(condition: bool, what: str) -> None:
    """Fail under CI, skip elsewhere, when something a test needs is missing."""
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing (CI installs it in .ci/run)")
    pytest.skip(f"{what} is missing")


def require_command(name: str) -> str:
    found = shutil.which(name)
    require(found is not None, f"the command {name!r}")
    return found or name


def import_sample(content: Path, count: int, offset: int = 0) -> list[str]:
    """Write `count` reviews of the shared corpus, spread over it, as content files; their ids."""
    from plainsum.importers.cochrane_json import record_to_yaml

    require(CORPUS.is_file(), f"the shared corpus {CORPUS}")
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    step = max(1, len(records) // count)
    content.mkdir(parents=True, exist_ok=True)
    ids = []
    for record in records[offset::step][:count]:
        review_id, text = record_to_yaml(record)
        (content / f"{review_id}.yaml").write_text(text, encoding="utf-8")
        ids.append(review_id)
    return ids


def tiny_png(width: int = 40, height: int = 20) -> bytes:
    """A small solid blue PNG (a logo for the tests)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + b"\x1f\x5f\x99" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
