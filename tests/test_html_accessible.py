"""Accessible, printable HTML: one h1, ordered headings, lang, line length, contrast, print CSS, nothing loaded."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_build_support import DOI, REVIEW, add_identity

from plainsum.document_formats.html import month_year, ordered_headings
from plainsum.render.templates import default_templates_dir


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.lang: str | None = None
        self.loads: list[str] = []  # attributes that make a browser fetch something
        self.meta: dict[str, str] = {}
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag in ("img", "script", "iframe", "audio", "video", "source", "embed", "object") or (tag == "link"):
            self.loads.append(f"<{tag} {attrs}>")
        for name in ("src", "srcset", "poster", "data"):
            if name in attributes:
                self.loads.append(f"{tag}[{name}]")
        if tag == "meta":
            key = attributes.get("name") or attributes.get("http-equiv")
            if key:
                self.meta[key] = attributes.get("content", "")
        if tag == "a":
            self.links.append(attributes.get("href", ""))


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture
def pages(cli, project) -> Path:
    add_identity(project)
    result = cli("build", "--formats", "html")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "output"


@pytest.mark.parametrize("kind", ["summary", "abstract"])
def test_document_pages_are_accessible(pages, kind):
    page = parse(pages / REVIEW / f"{kind}.html")
    assert page.lang == "en"
    assert page.headings.count(1) == 1 and page.headings[0] == 1
    assert all(later <= earlier + 1 for earlier, later in zip(page.headings, page.headings[1:], strict=False))
    assert page.loads == []
    assert "default-src 'none'" in page.meta["Content-Security-Policy"]
    html = (pages / REVIEW / f"{kind}.html").read_text(encoding="utf-8").replace("\u00a0", " ")  # dates kept on one line
    assert "@import" not in html and not re.search(r"url\(", html)
    assert "@media print" in html
    assert "max-width: 40rem" in html and "max-width: 70ch" in html
    # both documents say when the searches were run: the page does not add a second date line
    assert "15 October 2013" in html and "The evidence is up to date to" not in html
    # the DOI is a link for readers, not a resource the page loads
    assert f"https://doi.org/{DOI}" in page.links


def test_the_index_is_accessible_and_loads_nothing(pages):
    page = parse(pages / "index.html")
    assert page.lang == "en" and page.headings == [1]
    assert page.loads == []
    assert f"{REVIEW}/summary.html" in page.links


def relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_every_text_colour_has_at_least_aa_contrast_on_white():
    """WCAG 2 contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio) of each text colour."""
    for name in ("style.css", "print.css"):
        css = (default_templates_dir() / "assets" / name).read_text(encoding="utf-8")
        colours = re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", css)
        assert colours or name == "print.css"
        for colour in colours:
            ratio = (1.0 + 0.05) / (relative_luminance(colour) + 0.05)
            assert ratio >= 4.5, f"{name}: {colour} on white has contrast {ratio:.1f}:1"


def test_body_headings_are_renumbered_below_the_title():
    html = "<h1>A</h1><p>x</p><h4>B</h4><h2>C</h2><h3 id='d'>D</h3><h6>E</h6>"
    assert ordered_headings(html) == "<h2>A</h2><p>x</p><h3>B</h3><h2>C</h2><h3 id='d'>D</h3><h4>E</h4>"


def test_author_markdown_headings_cannot_add_a_second_h1(cli, project):
    path = project / "content" / f"{REVIEW}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("      To assess the effects", "      # Big heading\n\n      To assess the effects", 1), encoding="utf-8")
    assert cli("build", "--formats", "html").returncode == 0
    page = parse(project / "output" / REVIEW / "abstract.html")
    assert page.headings.count(1) == 1


def test_month_year():
    import datetime

    assert month_year(datetime.date(2013, 10, 15)) == "October 2013"
    assert month_year("soon") is None
