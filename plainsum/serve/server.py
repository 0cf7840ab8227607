"""The preview's HTTP server: the standard library's threading server, pages from memory, and
server-sent events that tell each open page to reload when what it shows was rebuilt.

Nothing is read from disk by path from a request: a URL names a review by its id, and only the
reviews the site knows are served.

Only this machine's own tab may use it: a request whose Host is not an address the server listens
on is refused (421), so a web page that rebinds its own domain name to 127.0.0.1 cannot read the
drafts; methods other than GET and HEAD get 405. A connection gets a thread only once it has sent
something, at most `MAX_WORKERS` at a time: idle connections wait in one selector (at most
`MAX_WAITING`, each at most `IDLE_SECONDS`), and a client that stops halfway through a request is
dropped after `REQUEST_SECONDS`. Every answer, errors included, carries the pages' CSP.
"""

from __future__ import annotations

import collections
import contextlib
import ipaddress
import re
import selectors
import socket
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

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
MAX_WORKERS = 32  # requests served at once (open pages' event streams among them)
MAX_WAITING = 1024  # connections that have sent nothing yet
IDLE_SECONDS = 10.0  # how long such a connection may wait
REQUEST_SECONDS = 5.0  # how long a client may take over each read or write of a request

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


def allowed_hosts(address: tuple[Any, ...]) -> tuple[set[str], bool]:
    """(host names a request may give, whether any IP address is allowed) for a server at `address`:
    its own address, and `localhost` when that is a loopback address; when it listens on every
    address, any IP address (a rebinding page has a domain name, never a bare address)."""
    host = str(address[0]).lower()
    names = {host}
    try:
        ip = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return names, False
    if ip.is_loopback:
        names |= {"localhost", "127.0.0.1", "::1"}
    if ip.is_unspecified:
        names.add("localhost")
    return names, ip.is_unspecified


def host_allowed(header: str | None, names: set[str], any_address: bool, port: int) -> bool:
    if not header:
        return False
    value = header.strip().lower()
    if value.startswith("["):
        name, _, rest = value[1:].partition("]")
        given_port = rest[1:] if rest.startswith(":") else ("" if not rest else "x")
    else:
        name, _, given_port = value.partition(":")
    if given_port and given_port != str(port):
        return False
    if name in names:
        return True
    if any_address:
        try:
            ipaddress.ip_address(name)
        except ValueError:
            return False
        return True
    return False


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True  # an open event stream must not keep the process alive after Ctrl-C
    request_timeout = REQUEST_SECONDS
    idle_timeout = IDLE_SECONDS

    def __init__(self, address: tuple[str, int], site: Site, hub: Hub):
        self.site = site
        self.hub = hub
        self._waiting: dict[socket.socket, tuple[Any, float]] = {}
        self._ready: collections.deque[tuple[socket.socket, Any]] = collections.deque()
        self._selector = selectors.DefaultSelector()
        self._slots = threading.Semaphore(MAX_WORKERS)
        self._guard = threading.Lock()
        self._wake_read, self._wake_write = socket.socketpair()
        self._wake_read.setblocking(False)
        self._selector.register(self._wake_read, selectors.EVENT_READ)
        self._closing = False
        super().__init__(address, Handler)
        self.allowed, self.any_address = allowed_hosts(self.server_address)
        self._dispatcher = threading.Thread(target=self._dispatch, name="plainsum-serve-dispatch", daemon=True)
        self._dispatcher.start()

    def process_request(self, request: Any, client_address: Any) -> None:
        """Park the new connection until it sends something (no thread for an idle connection)."""
        with self._guard:
            if len(self._waiting) >= MAX_WAITING:  # drop the connection that has waited longest
                oldest = min(self._waiting, key=lambda s: self._waiting[s][1])
                self._forget(oldest)
                self.shutdown_request(oldest)
            self._waiting[request] = (client_address, time.monotonic())
            self._selector.register(request, selectors.EVENT_READ)
        with contextlib.suppress(OSError):
            self._wake_write.send(b"x")

    def _forget(self, request: socket.socket) -> None:
        self._waiting.pop(request, None)
        with contextlib.suppress(KeyError, ValueError):
            self._selector.unregister(request)

    def _dispatch(self) -> None:
        while not self._closing:
            try:
                events = self._selector.select(timeout=0.5)
            except (OSError, ValueError):
                if self._closing:
                    return
                continue
            now = time.monotonic()
            with self._guard:
                for key, _ in events:
                    if key.fileobj is self._wake_read:
                        with contextlib.suppress(OSError):
                            self._wake_read.recv(4096)
                        continue
                    request = key.fileobj
                    assert isinstance(request, socket.socket)
                    address = self._waiting.get(request, (None, 0.0))[0]
                    self._forget(request)
                    self._ready.append((request, address))
                for request, (_, since) in list(self._waiting.items()):
                    if now - since > self.idle_timeout:
                        self._forget(request)
                        self.shutdown_request(request)
            while self._ready and self._slots.acquire(blocking=False):
                threading.Thread(target=self._work, name="plainsum-serve-request", daemon=True).start()

    def _work(self) -> None:
        """Serve parked connections that have sent something, one after another, in one slot."""
        try:
            while True:
                with self._guard:
                    if not self._ready:
                        return
                    request, address = self._ready.popleft()
                try:
                    self.finish_request(request, address)
                except Exception:  # one broken connection must not stop the others
                    self.handle_error(request, address)
                finally:
                    self.shutdown_request(request)
        finally:
            self._slots.release()

    def server_close(self) -> None:
        self._closing = True
        with contextlib.suppress(OSError):
            self._wake_write.send(b"x")
        self._dispatcher.join(timeout=2)
        with self._guard:
            for request in list(self._waiting):
                self._forget(request)
                self.shutdown_request(request)
            while self._ready:
                self.shutdown_request(self._ready.popleft()[0])
        self._selector.close()
        self._wake_read.close()
        self._wake_write.close()
        super().server_close()

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that went away or sent nonsense: nothing to tell the author


class Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"
    head = False

    def setup(self) -> None:
        super().setup()
        self.connection.settimeout(self.server.request_timeout)

    def log_message(self, format: str, *args: object) -> None:
        pass  # one line per request would drown the rebuild messages

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", POLICY)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        super().end_headers()

    def _not_allowed(self) -> None:
        self.close_connection = True
        body = b"method not allowed: the preview serves GET and HEAD\n"
        self.send_response(HTTPStatus.METHOD_NOT_ALLOWED)
        self.send_header("Allow", "GET, HEAD")
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_TRACE = do_CONNECT = _not_allowed

    def do_HEAD(self) -> None:
        self.head = True
        self.do_GET()

    def do_GET(self) -> None:
        if not host_allowed(self.headers.get("Host"), self.server.allowed, self.server.any_address,
                            self.server.server_address[1]):
            self.close_connection = True
            self._send(HTTPStatus.MISDIRECTED_REQUEST, "text/plain; charset=utf-8",
                       b"this preview answers only requests to the address it listens on\n")
            return
        path, _, query = self.path.partition("?")
        if path == "/events" and not self.head:
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
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if not self.head:
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
