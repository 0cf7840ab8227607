"""record_published trusts a content file of the size and time its build stamp recorded (a speed-up, issue 28: the
file was hashed again for each review a build published): such a file is recorded without being hashed again, and one
changed since it was stamped is hashed and, its bytes not the ones rendered, not recorded."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from plainsum.build import published as published_module
from plainsum.build.manifest import SourceStamp, sha256_bytes
from plainsum.content.published import read_index


def _stamped(path: Path, text: str) -> SourceStamp:
    path.write_text(text, encoding="utf-8")
    old = time.time_ns() - 3_600 * 1_000_000_000
    os.utime(path, ns=(old, old))
    data = path.read_bytes()
    return SourceStamp.of(data, os.stat(path), time.time_ns())


def test_a_stamped_file_is_not_hashed_again_and_a_changed_one_is_not_recorded(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    content = tmp_path / "content"
    content.mkdir()
    output = tmp_path / "output"
    output.mkdir()
    kept, changed = content / "cd000001.yaml", content / "cd000002.yaml"
    kept_stamp = _stamped(kept, "id: cd000001\n")
    changed_stamp = _stamped(changed, "id: cd000002\n")
    assert kept_stamp.mtime_ns >= 0 and changed_stamp.mtime_ns >= 0
    changed.write_text("id: cd000002\ntitle: edited after it was rendered\n", encoding="utf-8")
    hashed: list[int] = []

    def counting(data: bytes) -> str:
        hashed.append(len(data))
        return sha256_bytes(data)

    monkeypatch.setattr(published_module, "sha256_bytes", counting)
    published_module.record_published(output, {"cd000001": (str(kept), kept_stamp.sha256),
                                               "cd000002": (str(changed), changed_stamp.sha256)},
                                      {"cd000001": kept_stamp, "cd000002": changed_stamp})
    index = read_index(output)
    assert set(index) == {"cd000001"}
    assert index["cd000001"].published.sha256 == kept_stamp.sha256
    # the changed file hashed (and refused), the pack named by its hash; the stamped one not hashed on its own
    assert hashed == [changed.stat().st_size, kept.stat().st_size]
