"""The live preview under hostile requests (issue 30): only its own Host, 405 for other methods with
HEAD answered, a bounded number of connections, slow clients timed out, the CSP on every page, and
pages served while a review renders."""

from __future__ import annotations

import http.client
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from plainsum.gate.settings import load_config
from plainsum.serve.server import POLICY, Hub, PreviewServer
from plainsum.serve.site import Site


@pytest.fixture
def preview(project: Path) -> Iterator[tuple[PreviewServer, int]]:
    site = Site(lambda: load_config(project), [])
    site.snapshot()
    server = PreviewServer(("127.0.0.1", 0), site, Hub())
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server, server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def _request(port: int, method: str, path: str = "/", host: str | None = None) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.putrequest(method, path, skip_host=True)
    connection.putheader("Host", host if host is not None else f"127.0.0.1:{port}")
    connection.endheaders()
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1.evil.example", "attacker:80", ""])
def test_a_foreign_host_is_refused(preview, host):
    _, port = preview
    response = _request(port, "GET", "/", host.format(port=port))
    assert response.status in (403, 421), response.status
    response = _request(port, "GET", "/review/ilsp-immunotherapy/summary.html", host.format(port=port))
    assert response.status in (403, 421), response.status


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "127.0.0.1", "localhost:{port}", "LOCALHOST:{port}"])
def test_the_address_it_listens_on_is_served(preview, host):
    _, port = preview
    assert _request(port, "GET", "/", host.format(port=port)).status == 200


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"])
def test_methods_it_does_not_serve_get_405(preview, method):
    _, port = preview
    response = _request(port, method)
    assert response.status == 405
    assert "GET" in (response.getheader("Allow") or "") and "HEAD" in (response.getheader("Allow") or "")


def test_head_is_answered_without_a_body(preview):
    _, port = preview
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("HEAD", "/")
    response = connection.getresponse()
    assert response.status == 200
    assert int(response.getheader("Content-Length") or 0) > 0
    assert response.read() == b""
    connection.close()


@pytest.mark.parametrize("path", ["/", "/review/ilsp-immunotherapy", "/review/ilsp-immunotherapy/summary.html",
                                  "/live.js", "/nowhere", "/review/ilsp-immunotherapy/report.html"])
def test_every_answer_carries_the_csp(preview, path):
    _, port = preview
    response = _request(port, "GET", path)
    assert response.getheader("Content-Security-Policy") == POLICY
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    refused = _request(port, "GET", path, "evil.example")
    assert refused.getheader("Content-Security-Policy") == POLICY


def test_the_index_is_served_while_200_idle_connections_are_open(preview):
    _, port = preview
    idle = []
    try:
        for count in range(1, 201):
            idle.append(socket.create_connection(("127.0.0.1", port), timeout=30))
            if count % 4 == 0:
                # give the accept loop a moment: the listen queue holds 5 (socketserver's default), and a
                # connection beyond it waits for the client's SYN retry, a second each (30 s for 200)
                time.sleep(0.02)
        response = _request(port, "GET", "/")
        assert response.status == 200
        assert threading.active_count() < 150, threading.active_count()
    finally:
        for sock in idle:
            sock.close()


def test_a_slow_client_is_timed_out(preview, monkeypatch):
    server, port = preview
    server.request_timeout = 0.5
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and never the end of the headers
    deadline = time.monotonic() + 20
    closed = False
    while time.monotonic() < deadline:
        try:
            if sock.recv(4096) == b"":
                closed = True
                break
        except TimeoutError:
            break
    sock.close()
    assert closed


def test_pages_are_served_while_a_review_renders(project: Path):
    """Rendering is the site's, on its own thread: a request is answered from what is built."""
    site = Site(lambda: load_config(project), [])
    site.snapshot()
    started, release = threading.Event(), threading.Event()
    original = site._build

    def slow_build(path: Path):  # type: ignore[no-untyped-def]
        started.set()
        release.wait(30)
        return original(path)

    site._build = slow_build  # type: ignore[method-assign]
    rebuild = threading.Thread(target=site.changed, args=({project / "content" / "ilsp-immunotherapy.yaml"},))
    rebuild.start()
    try:
        assert started.wait(30)
        answered = []
        reader = threading.Thread(target=lambda: answered.append(site.index_page(site.snapshot())))
        reader.start()
        reader.join(5)
        assert answered, "the index waited for the rebuild"
    finally:
        release.set()
        rebuild.join(30)
