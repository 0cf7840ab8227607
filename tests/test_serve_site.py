"""The preview's pages without a browser: what a change rebuilds, and what a page of errors says."""

from __future__ import annotations

import shutil
import threading
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from conftest import REPO

from plainsum.gate.settings import load_config
from plainsum.serve.site import Site


def _site(project: Path) -> Site:
    return Site(lambda: load_config(project), [])


def test_a_saved_review_rebuilds_that_review_only(project: Path) -> None:
    site = _site(project)
    first = site.snapshot()
    assert sorted(first.reviews) == ["general-health-checks", "ilsp-immunotherapy", "ivig-dlrpn"]
    untouched = first.reviews["ivig-dlrpn"]
    path = project / "content" / "ilsp-immunotherapy.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("plain_title: >-", "plain_title: >-\n  Edited:", 1),
                    encoding="utf-8")
    assert site.changed({path})
    assert site.rebuilt == ["ilsp-immunotherapy"]
    after = site.snapshot()
    assert after.reviews["ivig-dlrpn"] is untouched  # not built again
    assert site.page_generation("ivig-dlrpn") == first.generation  # its open pages do not reload
    assert site.page_generation("ilsp-immunotherapy") == after.generation > first.generation
    assert b"Edited:" in after.reviews["ilsp-immunotherapy"].pages["summary"]


def test_files_the_preview_does_not_show_change_nothing(project: Path) -> None:
    site = _site(project)
    generation = site.snapshot().generation
    notes = project / "content" / "notes.txt"
    notes.write_text("mine", encoding="utf-8")
    assert not site.changed({notes})
    assert site.snapshot().generation == generation


def test_the_configuration_rebuilds_everything_and_its_errors_show_in_every_page(project: Path) -> None:
    site = _site(project)
    site.snapshot()
    config = project / "plainsum.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\nformts = 1\n", encoding="utf-8")
    assert site.changed({config})
    snapshot = site.snapshot()
    page = site.review_page(snapshot, "ivig-dlrpn")
    assert page is not None and b"The project does not load" in page and b"plainsum.toml:" in page
    assert b"did you mean" in page or b"unknown" in page
    config.write_text(config.read_text(encoding="utf-8").replace("\nformts = 1\n", ""), encoding="utf-8")
    assert site.changed({config})
    assert sorted(site.rebuilt) == ["general-health-checks", "ilsp-immunotherapy", "ivig-dlrpn"]


def test_a_broken_review_page_lists_its_problems_escaped(project: Path) -> None:
    site = _site(project)
    path = project / "content" / "ivig-dlrpn.yaml"
    text = path.read_text(encoding="utf-8").replace("kind: primary-study", "kind: <script>alert(1)</script>", 1)
    path.write_text(text, encoding="utf-8")
    site.changed({path})
    snapshot = site.snapshot()
    page = site.review_page(snapshot, "ivig-dlrpn")
    assert page is not None and b"This review does not load" in page
    assert b"content/ivig-dlrpn.yaml:" in page and b"unknown kind" in page
    assert b"<script>alert" not in page and b"&lt;script&gt;alert(1)&lt;/script&gt;" in page
    index = site.index_page(snapshot)
    assert b"does not load" in index and b'href="/review/general-health-checks"' in index


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str | None]] = []  # (href or src, target)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("href", "src"):
            if attributes.get(name):
                self.links.append((attributes[name], attributes.get("target")))


def test_every_link_of_the_preview_leads_to_a_page_it_serves(project: Path) -> None:
    """From the index to each review, its documents (in frames), and from each document to the
    other document, the other languages and back to the index, as the build's pages link."""
    from plainsum.serve.server import Hub, PreviewServer

    shutil.copy(REPO / "content" / "ilsp-immunotherapy.es.yaml", project / "content" / "ilsp-immunotherapy.es.yaml")
    server = PreviewServer(("127.0.0.1", 0), _site(project), Hub())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        seen: set[str] = set()
        queue, broken, index_targets = ["/"], [], []
        while queue:
            path = queue.pop()
            if path in seen:
                continue
            seen.add(path)
            try:
                with urllib.request.urlopen(base + path, timeout=30) as response:
                    body = response.read().decode("utf-8")
                    kind = response.headers.get("Content-Type", "")
            except urllib.error.HTTPError as error:
                broken.append(f"{path}: {error.code}")
                continue
            if not kind.startswith("text/html"):
                continue
            parser = _Links()
            parser.feed(body)
            for link, target in parser.links:
                if link.startswith(("http:", "https:", "#", "mailto:")):
                    continue
                resolved = urlsplit(urljoin(base + path, link))
                queue.append(resolved.path)
                if resolved.path == "/" and path.endswith(".html"):
                    index_targets.append((path, target))
        assert broken == []
        assert {"/review/ilsp-immunotherapy/summary.html", "/review/ilsp-immunotherapy/abstract.html",
                "/review/ilsp-immunotherapy/es/summary.html"} <= seen
        # a document is shown in a frame: its "All reviews" replaces the whole preview page
        assert index_targets and all(target == "_top" for _, target in index_targets), index_targets
    finally:
        server.shutdown()
        server.server_close()


def test_a_saved_translation_rebuilds_its_review(project: Path) -> None:
    translation = project / "content" / "ilsp-immunotherapy.es.yaml"
    shutil.copy(REPO / "content" / "ilsp-immunotherapy.es.yaml", translation)
    site = _site(project)
    assert "es/summary" in site.snapshot().reviews["ilsp-immunotherapy"].pages
    text = translation.read_text(encoding="utf-8")
    assert "PLSI" in text
    translation.write_text(text.replace("PLSI", "PLSI-EDITADA", 1), encoding="utf-8")
    assert site.changed({translation})
    assert site.rebuilt == ["ilsp-immunotherapy"]
    assert b"PLSI-EDITADA" in site.snapshot().reviews["ilsp-immunotherapy"].pages["es/summary"]
