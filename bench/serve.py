"""Live preview: from saving a review file to the browser's reload signal, against rebuilding by hand.

A project of --reviews=N copies of the shipped 2021 example. `plainsum serve` runs in this process;
an event-stream client waits on one review's page. Each round edits that review's plain title and
times how long the reload event takes to arrive (watch, rebuild of that one review, event). The
obvious alternative, in the same run: after the same edit, `plainsum build --formats html` (the
incremental build, which renders only what changed) in a subprocess, as an author would run it.
"""

from __future__ import annotations

import http.client
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench import option

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "content" / "general-health-checks.yaml"
TITLE = "plain_title: Do general health checks help adults live longer or stay healthier"


def _project(folder: Path, count: int) -> None:
    (folder / "content").mkdir(parents=True)
    shutil.copy(REPO / "plainsum.toml", folder / "plainsum.toml")
    text = EXAMPLE.read_text(encoding="utf-8")
    for index in range(count):
        review_id = f"copy-{index:03d}"
        (folder / "content" / f"{review_id}.yaml").write_text(
            text.replace("id: general-health-checks", f"id: {review_id}"), encoding="utf-8")


class Events:
    """An event-stream client of one page: each `generation` event's arrival time."""

    def __init__(self, host: str, port: int, page: str):
        self.arrived: list[float] = []
        self._connection = http.client.HTTPConnection(host, port, timeout=60)
        self._connection.request("GET", f"/events?page={page}")
        self._response = self._connection.getresponse()
        self._changed = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        try:
            for raw in self._response:
                if raw.startswith(b"event: generation"):
                    with self._changed:
                        self.arrived.append(time.perf_counter())
                        self._changed.notify_all()
        except (OSError, ValueError):
            pass

    def wait(self, count: int, timeout: float) -> float | None:
        with self._changed:
            self._changed.wait_for(lambda: len(self.arrived) >= count, timeout)
            return self.arrived[count - 1] if len(self.arrived) >= count else None


def main(argv: list[str]) -> int:
    from plainsum.gate.settings import load_config
    from plainsum.serve.run import Preview

    count = int(option(argv, "reviews", "60") or 60)
    rounds = int(option(argv, "rounds", "5") or 5)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "project"
        _project(root, count)
        target = root / "content" / "copy-007.yaml"
        original = target.read_text(encoding="utf-8")
        started = time.perf_counter()
        preview = Preview(lambda: load_config(root), [], "127.0.0.1", 0, lambda line: None)
        preview.site.snapshot()
        print(f"reviews: {count}; first build of the preview: {time.perf_counter() - started:.2f} s", flush=True)
        preview.start_watching()
        runner = threading.Thread(target=preview.serve_forever, daemon=True)
        runner.start()
        time.sleep(0.5)  # the watchers are set up
        host, port = preview.server.server_address[:2]
        events = Events(str(host), int(port), "copy-007")
        events.wait(1, 10)  # the generation at connection
        reloads: list[float] = []
        for n in range(rounds):
            saved = time.perf_counter()
            target.write_text(original.replace(TITLE, f"{TITLE} ({n})"), encoding="utf-8")
            arrived = events.wait(n + 2, 30)
            if arrived is None:
                print("no reload event within 30 s", file=sys.stderr)
                preview.stop()
                return 1
            reloads.append(arrived - saved)
            time.sleep(0.3)
        preview.stop()
        target.write_text(original, encoding="utf-8")

        plainsum = [sys.executable, "-m", "plainsum", "build", "--formats", "html"]
        subprocess.run(plainsum, cwd=root, capture_output=True, check=False)  # the full first build
        builds: list[float] = []
        for n in range(rounds):
            target.write_text(original.replace(TITLE, f"{TITLE} [{n}]"), encoding="utf-8")
            saved = time.perf_counter()
            subprocess.run(plainsum, cwd=root, capture_output=True, check=False)
            builds.append(time.perf_counter() - saved)
    serve_median, build_median = statistics.median(reloads), statistics.median(builds)
    print(f"save -> reload event (serve): median {serve_median:.3f} s, max {max(reloads):.3f} s over {rounds} saves")
    print(f"save -> `plainsum build --formats html` done (incremental): median {build_median:.3f} s, max {max(builds):.3f} s")
    print(f"ratio (build by hand / serve): {build_median / serve_median:.1f}x")
    return 0 if max(reloads) < 1.0 else 1
