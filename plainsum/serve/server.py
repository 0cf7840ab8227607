"""The preview's HTTP server: the standard library's threading server, pages from memory, and
server-sent events that tell each open page to reload when what it shows was rebuilt.

Nothing is read from disk by path from a request: a URL names a review by its id, and only the
reviews the site knows are served.
"""

from __future__ import annotations

import re
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plainsum.serve.site import Site

REVIEW_STEM = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")
# A review's page, or one of its documents at the path a build writes it (a translation's in its
# language's folder): /review/<id>/summary.html, /review/<id>/es/summary.html.
REVIEW_PATH = re.compile(r"^/review/([a-z0-9][a-z0-9-]{0,99})(?:/((?:[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*/)?summary|abstract|report)\.html)?$")
# The pages run no script but the preview's own; documents are shown in frames of the same origin.
POLICY = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'self'; "
          "connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'")
KEEPALIVE_SECONDS = 10.0

LIVE_SCRIPT = b"""// plainsum serve: reload this page when the preview says that what it shows was rebuilt.
(function () {
  var root = document.documentElement;
  var shown = root.getAttribute("data-generation");
  var source = new EventSource("/events?page=" + encodeURIComponent(root.getAttribute("data-page") || ""));
  source.addEventListener("generation", function (event) {
    if (event.data !== shown) { source.close(); window.location.reload(); }
  });
})();
"""


class Hub:
    """The generation of the pages, and a way to wait until it changes."""

    def __init__(self, generation: int = 0):
        self._condition = threading.Condition()
        self.generation = generation
        self.stopping = False

    def publish(self, generation: int) -> None:
        with self._condition:
            self.generation = generation
            self._condition.notify_all()

    def stop(self) -> None:
        with self._condition:
            self.stopping = True
            self._condition.notify_all()

    def wait(self, seen: int, timeout: float) -> int:
        with self._condition:
            self._condition.wait_for(lambda: self.generation != seen or self.stopping, timeout)
            return self.generation


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True  # an open event stream must not keep the process alive after Ctrl-C

    def __init__(self, address: tuple[str, int], site: Site, hub: Hub):
        self.site = site
        self.hub = hub
        super().__init__(address, Handler)


class Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass  # one line per request would drown the rebuild messages

    def do_GET(self) -> None:
        path, _, query = self.path.partition("?")
        if path == "/events":
            shown = query[len("page="):] if query.startswith("page=") else ""
            self._events(shown if REVIEW_STEM.match(shown) else "")
            return
        if path == "/live.js":
            self._send(HTTPStatus.OK, "text/javascript; charset=utf-8", LIVE_SCRIPT)
            return
        site = self.server.site
        snapshot = site.snapshot()
        if path in ("/", "/index.html"):
            self._send(HTTPStatus.OK, "text/html; charset=utf-8", site.index_page(snapshot))
            return
        match = REVIEW_PATH.match(path)
        if match is not None:
            stem, document = match.groups()
            page: bytes | None
            if document is None:
                page = site.review_page(snapshot, stem)
            else:
                built = snapshot.reviews.get(stem)
                page = built.pages.get(document) if built is not None else None
            if page is not None:
                self._send(HTTPStatus.OK, "text/html; charset=utf-8", page)
                return
        self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", b"not found\n")

    def _send(self, status: HTTPStatus, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Security-Policy", POLICY)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.wfile.write(body)

    def _events(self, page: str) -> None:
        """Server-sent events: the generation of what the page shows (a review's, or the index's)
        at once, then again each time it changes; other reviews' rebuilds do not reload it."""
        hub = self.server.hub
        site = self.server.site
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        seen = hub.generation
        shown = site.page_generation(page)
        try:
            self._event(shown)
            while not hub.stopping:
                current = hub.wait(seen, KEEPALIVE_SECONDS)
                if hub.stopping:
                    break
                if current != seen:
                    seen = current
                    now = site.page_generation(page)
                    if now != shown:
                        shown = now
                        self._event(shown)
                else:
                    self.wfile.write(b": still here\n\n")
                    self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the page was closed or reloaded

    def _event(self, generation: int) -> None:
        self.wfile.write(f"event: generation\ndata: {generation}\n\n".encode())
        self.wfile.flush()
