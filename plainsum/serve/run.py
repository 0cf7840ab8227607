"""Starting and stopping the preview: the site, its watchers and its server, and a clean Ctrl-C."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from plainsum.serve.server import Hub, PreviewServer
from plainsum.serve.site import Site
from plainsum.serve.watch import start_watching

if TYPE_CHECKING:
    from plainsum.project.project import Project


class Preview:
    """A running preview. `stop()` ends the watchers, the event streams and the server."""

    def __init__(self, load_project: Callable[[], Project], paths: list[Path], host: str, port: int,
                 log: Callable[[str], None]):
        self.site = Site(load_project, paths)
        self.hub = Hub(self.site.generation)
        self.log = log
        self.server = PreviewServer((host, port), self.site, self.hub)
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        name = host.decode() if isinstance(host, bytes) else str(host)
        shown = f"[{name}]" if ":" in name else name
        return f"http://{shown}:{port}/"

    def start_watching(self) -> None:
        deep, shallow = self.site.watched()
        self._threads = start_watching(deep, shallow, self._changed, self._stop)

    def _changed(self, paths: set[Path]) -> None:
        started = time.perf_counter()
        if not self.site.changed(paths):
            return
        self.hub.publish(self.site.generation)
        what = ", ".join(self.site.rebuilt) or "nothing left to show"
        self.log(f"rebuilt {what} in {time.perf_counter() - started:.2f} s")

    def serve_forever(self) -> None:
        self.server.serve_forever(poll_interval=0.2)

    def stop(self) -> None:
        self._stop.set()
        self.hub.stop()
        self.server.shutdown()
        self.server.server_close()
        for thread in self._threads:
            thread.join(timeout=2)


def serve(load_project: Callable[[], Project], paths: list[Path], host: str, port: int,
          log: Callable[[str], None]) -> None:
    """Run the preview until Ctrl-C."""
    preview = Preview(load_project, paths, host, port, log)
    snapshot = preview.site.snapshot()  # the first build, before the first page is asked for
    log(f"serving {len(snapshot.reviews)} review{'s' if len(snapshot.reviews) != 1 else ''} at {preview.url} "
        "(Ctrl-C to stop)")
    preview.start_watching()
    runner = threading.Thread(target=preview.serve_forever, name="plainsum-serve", daemon=True)
    runner.start()
    try:
        while runner.is_alive():
            runner.join(timeout=0.5)
    finally:
        preview.stop()
        log("stopped")
