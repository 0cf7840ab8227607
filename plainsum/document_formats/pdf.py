"""PDF handouts, rendered by WeasyPrint from the HTML page with the print stylesheet.

The PDF is tagged (PDF/UA-1: a structure tree, the language, the title shown as the window
title), so screen readers read it in order; its fonts are the machine's (DejaVu), embedded.
WeasyPrint may read nothing but files under the templates' assets/ folders: every other URL
(http, https, ftp, a file elsewhere, a data: URL over DATA_URL_LIMIT) is refused and stops the
render with a message naming it, before any request is made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from plainsum.config.settings import Config
    from plainsum.readability.score import Scored
    from plainsum.render.document import Document

import base64
import contextlib
import dataclasses
import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, unquote_to_bytes, urlsplit

from markupsafe import Markup

from plainsum.document_formats import Format, RenderContext, template_for
from plainsum.document_formats.html import page_context
from plainsum.errors import InputError, Problem, display_path

PAGE_SIZES = {"a4": "A4", "letter": "letter"}
DATA_URL_LIMIT = 64 * 1024  # characters


class RefusedURL(ValueError):
    """A URL that plainsum does not let WeasyPrint read."""


def asset_dirs(template_dirs: list[Path]) -> list[Path]:
    return [(directory / "assets").resolve() for directory in template_dirs]


def _decode_data_url(url: str) -> tuple[bytes, str]:
    header, comma, payload = url[len("data:"):].partition(",")
    if not comma:
        raise RefusedURL(f"plainsum refuses a malformed data: URL ({url[:40]}...)")
    media_type = header.removesuffix(";base64") or "text/plain;charset=US-ASCII"
    if header.endswith(";base64"):
        return base64.b64decode(unquote_to_bytes(payload)), media_type
    return unquote_to_bytes(payload), media_type


def check_url(url: str, allowed: list[Path]) -> Path | None:
    """The file a URL may be read from (None for an allowed data: URL); RefusedURL for anything else."""
    scheme = urlsplit(url).scheme.lower()
    if scheme == "data":
        if len(url) > DATA_URL_LIMIT:
            raise RefusedURL(f"plainsum refuses a data: URL of {len(url):,} characters (the limit is {DATA_URL_LIMIT:,})")
        return None
    if scheme != "file":
        shown = url if len(url) <= 120 else url[:117] + "..."
        raise RefusedURL(f"plainsum refuses to fetch {shown!r}: PDFs may only use files under templates/assets")
    path = Path(unquote(urlsplit(url).path)).resolve()
    if not any(path.is_relative_to(root) for root in allowed):
        raise RefusedURL(f"plainsum refuses to read {path}: PDFs may only use files under templates/assets")
    if not path.is_file():
        # a relative URL resolves against the project's assets first; like templates, a file the
        # project does not have comes from plainsum's defaults (the draft watermark, say)
        relative = path.relative_to(next(root for root in allowed if path.is_relative_to(root)))
        for other in allowed:
            candidate = (other / relative).resolve()
            if candidate.is_file() and candidate.is_relative_to(other):  # no way out through a symbolic link
                return candidate
    if not path.is_file():
        raise RefusedURL(f"plainsum cannot read {path}: no such file under templates/assets")
    return path


def make_url_fetcher(template_dirs: list[Path]) -> Any:
    """A WeasyPrint URL fetcher that reads files under the templates' assets/ folders and nothing else."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    allowed = asset_dirs(template_dirs)

    class ProjectAssetsOnly(URLFetcher):  # type: ignore[misc]  # WeasyPrint has no type information
        def fetch(self, url: str, headers: Any = None) -> Any:
            path = check_url(url, allowed)
            if path is None:
                body, media_type = _decode_data_url(url)
                return URLFetcherResponse(url, body, {"Content-Type": media_type})
            return URLFetcherResponse(path.as_uri(), path.read_bytes())

    # fail_on_errors: a refused URL stops the render instead of becoming a warning and a gap
    return ProjectAssetsOnly(fail_on_errors=True, allowed_protocols=("file", "data"))


@contextlib.contextmanager
def _reproducible() -> Iterator[None]:
    """The same input gives the same bytes: fontTools stamps subset fonts with the time unless
    SOURCE_DATE_EPOCH is set (https://reproducible-builds.org/specs/source-date-epoch/)."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = "0"
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


def html_for_print(document: Document, scored: Scored | None, context: RenderContext) -> str:
    paper = PAGE_SIZES[context.config.paper[0]]
    page = page_context(document, scored, context, media="print")
    page["style"] = Markup(
        context.templates.read("assets/style.css")
        + "\n"
        + context.templates.read("assets/print.css")
        + f"\n@page {{ size: {paper}; }}\nbody {{ font-size: {context.config.handout.body_size:g}pt; }}\n"
    )
    template = context.templates.env_for(document.language).get_template(template_for("html", document, context.templates, "html"))
    return template.render(page)


def _fast_font_subsetting() -> None:
    """Drop the layout tables WeasyPrint asks fontTools to drop before fontTools reads them.

    WeasyPrint (without HarfBuzz's subsetter) subsets each font with fontTools and drops its
    GSUB and GPOS tables. fontTools 4.6x first decompiles those tables, to see whether they need
    converting (fontTools.ttLib.beyond64k), and only then drops them: for DejaVu Sans that is
    three quarters of a handout's time (0.42 of 0.55 s, measured). Deleting them first gives the
    same subset font (the `kern` rule that looks at GPOS is applied as fontTools would).
    """
    from fontTools import subset

    original = subset.Subsetter.subset
    if getattr(original, "plainsum_fast", False):
        return

    def subset_dropping_layout_first(self: Any, font: Any) -> Any:
        had_gpos = "GPOS" in font
        for tag in ("GSUB", "GPOS"):
            if tag in self.options.drop_tables and tag in font:
                del font[tag]
        if had_gpos and "GPOS" not in font and "kern" in font and not self.options.legacy_kern:
            del font["kern"]
        return original(self, font)

    subset_dropping_layout_first.plainsum_fast = True  # type: ignore[attr-defined]
    subset.Subsetter.subset = subset_dropping_layout_first


def load_weasyprint() -> None:
    """Import WeasyPrint without letting it run a program.

    WeasyPrint loads each library (gobject, pango, harfbuzz, fontconfig, pangoft2) by trying a list
    of names; for each name the dynamic loader does not know, cffi falls back to
    ctypes.util.find_library, which runs ldconfig, gcc and ld (86 programs for a build of 6 PDFs,
    and a planted `ld` on PATH would run). Every list holds the library's soname
    (libgobject-2.0.so.0, ...), which the loader finds by itself, so the fallback is switched off
    while WeasyPrint is imported; its libraries are loaded then, once.
    """
    import sys

    if "weasyprint" in sys.modules:
        return
    import ctypes.util

    search = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        import weasyprint  # noqa: F401
    finally:
        ctypes.util.find_library = search


def html_to_pdf(html: str, template_dirs: list[Path], where: str = "<html>") -> bytes:
    load_weasyprint()
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    from plainsum.document_formats.pdfua import mark_furniture_as_artifacts  # pikepdf: loaded only for PDFs

    _fast_font_subsetting()

    base = asset_dirs(template_dirs)[0]
    fetcher = make_url_fetcher(template_dirs)
    try:
        with _reproducible():
            pdf: bytes = HTML(string=html, base_url=base.as_uri() + "/", url_fetcher=fetcher).write_pdf(
                pdf_variant="pdf/ua-1", pdf_tags=True
            )
            return mark_furniture_as_artifacts(pdf)
    except FatalURLFetchingError as error:
        cause = error.__cause__
        message = str(cause) if isinstance(cause, RefusedURL) else f"{error}: {cause}"
        raise InputError([Problem(where, 1, 1, message)]) from None


def render(document: Document, scored: Scored | None, context: RenderContext) -> bytes:
    html = html_for_print(document, scored, context)
    name = template_for("html", document, context.templates, "html")
    found = context.templates.find(name)
    return html_to_pdf(html, context.templates.dirs, display_path(found) if found else name)


def paper_variants(config: Config) -> list[tuple[str, Config]]:
    """One handout per page size: the first size is summary.pdf, each other summary.<size>.pdf."""
    sizes = config.paper
    if len(sizes) == 1:
        return [("pdf", config)]
    return [("pdf" if index == 0 else f"{size}.pdf", dataclasses.replace(config, paper=(size,))) for index, size in enumerate(sizes)]


FORMAT = Format("pdf", "pdf", "printable handout (A4, US Letter or both), tagged PDF/UA-1", render, paper_variants)
