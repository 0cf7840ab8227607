"""WeasyPrint may read only files under templates/assets: every other URL is refused, no request leaves."""

from __future__ import annotations

import base64
import contextlib
import socket
import threading
from pathlib import Path

import pytest
from test_build_support import REVIEW

from plainsum.document_formats.pdf import DATA_URL_LIMIT, RefusedURL, check_url, html_to_pdf
from plainsum.errors import InputError
from plainsum.render.templates import default_templates_dir

PAGE = '<!DOCTYPE html><html lang="en"><head><title>T</title>{head}</head><body><h1>T</h1>{body}</body></html>'
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


@pytest.fixture
def no_network(monkeypatch):
    """Record (and block) every attempt to open a network connection in this process."""
    attempts: list[object] = []

    def refuse(self, address, *args):
        attempts.append(address)
        raise OSError("network disabled in tests")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda address, *a, **k: refuse(None, address))
    return attempts


@pytest.fixture
def assets(tmp_path) -> list[Path]:
    folder = tmp_path / "templates" / "assets"
    folder.mkdir(parents=True)
    (folder / "dot.png").write_bytes(PNG)
    (tmp_path / "secret.css").write_text("body { color: red }", encoding="utf-8")
    return [tmp_path / "templates", default_templates_dir()]


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/style.css",
        "https://example.org/font.woff2",
        "ftp://example.org/x.png",
        "file:///etc/passwd",
        "data:text/css;base64," + "A" * DATA_URL_LIMIT,
    ],
)
def test_urls_outside_the_assets_are_refused(url, assets):
    with pytest.raises(RefusedURL, match="refuses"):
        check_url(url, [d / "assets" for d in assets])


def test_assets_and_small_data_urls_are_allowed(assets):
    allowed = [(d / "assets").resolve() for d in assets]
    assert check_url((assets[0] / "assets" / "dot.png").as_uri(), allowed) == (assets[0] / "assets" / "dot.png").resolve()
    assert check_url("data:text/css,p%20%7B%7D", allowed) is None


def test_a_path_that_climbs_out_of_assets_is_refused(assets):
    sneaky = (assets[0] / "assets").as_uri() + "/../../secret.css"
    with pytest.raises(RefusedURL, match="refuses to read"):
        check_url(sneaky, [(d / "assets").resolve() for d in assets])


@pytest.mark.parametrize(
    "head, body",
    [
        ('<link rel="stylesheet" href="https://example.org/style.css">', ""),
        ("<style>@import url('http://example.org/x.css');</style>", ""),
        ("", '<img src="http://example.org/pixel.png" alt="">'),
        ("<style>@font-face { font-family: X; src: url(https://example.org/x.woff2) }</style>", ""),
        ("", '<img src="../secret.css" alt="">'),
        ("", '<img src="file:///etc/hostname" alt="">'),
    ],
)
def test_rendering_stops_with_a_clear_error_and_makes_no_request(head, body, assets, no_network):
    with pytest.raises(InputError) as raised:
        html_to_pdf(PAGE.format(head=head, body=body), assets, "templates/html/document.html.j2")
    message = str(raised.value)
    assert message.startswith("templates/html/document.html.j2:1:1: plainsum ")
    assert "refuses" in message
    assert no_network == []


def test_an_asset_image_is_embedded(assets, no_network):
    pdf = html_to_pdf(PAGE.format(head="", body='<img src="dot.png" alt="A dot">'), assets)
    assert pdf.startswith(b"%PDF-") and b"/Image" in pdf
    assert no_network == []


def test_a_template_reaching_for_the_network_fails_the_build_and_nothing_connects(cli, project):
    """End to end, in a subprocess: a project template that loads a remote image; a local server
    stands in for the remote host and must see no connection."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    port = server.getsockname()[1]
    connections: list[object] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            with contextlib.suppress(OSError):
                connections.append(server.accept())

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        template = (default_templates_dir() / "html" / "document.html.j2").read_text(encoding="utf-8")
        override = project / "templates" / "html" / "document.html.j2"
        override.parent.mkdir(parents=True)
        override.write_text(
            template.replace("<header>", f'<header><img src="http://127.0.0.1:{port}/logo.png" alt="logo">'),
            encoding="utf-8",
        )
        result = cli("build", "--formats", "pdf")
    finally:
        stop.set()
        thread.join()
        server.close()
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"refuses to fetch 'http://127.0.0.1:{port}/logo.png'" in result.stderr
    assert "Traceback" not in result.stderr
    assert connections == []
    assert not (project / "output" / REVIEW / "summary.pdf").exists()
