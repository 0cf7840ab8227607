"""The preview's watcher passes on a save only when the file's bytes changed (issue 28: touching a file
rebuilt its review and reloaded the page)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from plainsum.serve.watch import ContentMemory, start_watching


def test_the_memory_keeps_only_files_whose_bytes_changed(tmp_path: Path):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text("id: a\n", encoding="utf-8")
    b.write_text("id: b\n", encoding="utf-8")
    memory = ContentMemory()
    memory.remember([a, b])
    os.utime(a, (time.time() + 5, time.time() + 5))  # touched: same bytes, new time
    b.write_text("id: b2\n", encoding="utf-8")
    new = tmp_path / "c.yaml"
    new.write_text("id: c\n", encoding="utf-8")
    assert memory.changed({a, b, new}) == {b, new}
    assert memory.changed({b}) == set()  # seen now
    b.unlink()
    assert memory.changed({b}) == {b}  # removed is a change


def test_the_watcher_ignores_a_touch_and_reports_a_real_edit(tmp_path: Path):
    content = tmp_path / "content"
    content.mkdir()
    review = content / "r.yaml"
    review.write_text("id: r\n", encoding="utf-8")
    seen: list[set[Path]] = []
    arrived = threading.Event()
    stop = threading.Event()

    def on_change(paths: set[Path]) -> None:
        seen.append(paths)
        arrived.set()

    threads = start_watching([content], [], on_change, stop)
    try:
        time.sleep(0.5)  # the watcher is set up
        review.write_text("id: r\n", encoding="utf-8")  # saved again, same bytes
        os.utime(review)
        assert not arrived.wait(1.5), seen
        review.write_text("id: r\ntitle: new\n", encoding="utf-8")
        assert arrived.wait(10)
        assert seen == [{review}]
    finally:
        stop.set()
        for thread in threads:
            thread.join(5)
