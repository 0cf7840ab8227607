"""output/index.html: every review of the project, its documents, figures and gate status."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup

from plainsum.build.manifest import ReviewEntry
from plainsum.document_formats import registry as format_registry
from plainsum.gate.records import figures_from_json
from plainsum.render.templates import TemplateSet

KIND_ORDER = ("summary", "abstract")


def _figure(figures: dict[str, float], name: str, form: str) -> str:
    return form.format(figures[name]) if name in figures else ""


def _status(summary: dict[str, object] | None, figures: dict[str, float], min_words: float) -> tuple[str, str]:
    if summary is None or summary["status"] == "published":
        words = int(figures.get("words", min_words))
        if words < min_words:
            return "pass", f"passed (too short for formulas: {words} words)"
        return "pass", "passed"
    if summary["status"] == "draft":
        return "draft", "failed (published as DRAFT)"
    return "fail", "failed (summary withheld)"


def _figures(figures: dict[str, float]) -> dict[str, object]:
    """The index's figure cells. Grade and SMOG are English formulas, empty for a document in another
    language; reading ease is Flesch's for English, and a translation's own language's scale (which
    is also one where higher is easier), named in the cell: "Szigriszt-Pazos (INFLESZ) 53.7"."""
    from plainsum.config.figures import FIGURE_LABELS, ease_formula

    ease = ease_formula(figures)
    ease_cell = ""
    if ease is not None:
        ease_cell = f"{figures[ease]:.1f}" if ease == "flesch_reading_ease" else f"{FIGURE_LABELS[ease]} {figures[ease]:.1f}"
    return {
        "figures": figures,
        "grade": _figure(figures, "flesch_kincaid_grade", "{:.1f}"),
        "ease": ease_cell,
        "ease_formula": ease,
        "smog": _figure(figures, "smog_index", "{:.1f}"),
        "words": _figure(figures, "words", "{:.0f}"),
    }


def _language_of(name: str) -> str | None:
    """'es' for the document 'review/es/summary'; None for the review's own 'review/summary'."""
    parts = name.split("/")
    return parts[1] if len(parts) == 3 else None


def _links(ordered: list[tuple[int, int, str, str]]) -> list[dict[str, object]]:
    """A review's links, in order: each with its label ("Summary (HTML)"), the document and format the label
    names ("Summary", "HTML"), and whether it is the first of its document's line (`opens`) and follows an
    earlier line (`closes`, the template then ends that line first). Worked out here, not by the template:
    string methods and a namespace in the sandbox were most of the cost of rendering a row."""
    made: list[dict[str, object]] = []
    current: str | None = None
    for _, _, href, label in ordered:
        document, format_name = [*label[:-1].rsplit(" (", 1), ""][:2] if label.endswith(")") else [label, label]
        opens = document != current
        made.append({"href": href, "label": label, "document": document, "format": format_name,
                     "opens": opens, "closes": opens and current is not None})
        if opens:
            current = document
    return made


def index_row(entry: ReviewEntry, min_words: float = 0) -> dict[str, object]:
    """What the index shows of one review (templates/html/index.html.j2, macro `row`). A summary
    shorter than `min_words` passes without formulas, and its status says so. Each translation of
    its lay summary is in `languages`, with its own links, figures and gate status."""
    documents = entry.documents  # read as stored: building 6,000 records for the index is not free
    own = [d for d in documents if _language_of(d["document"]["name"]) is None]
    summary = next((d for d in own if d["document"]["kind"] == "summary"), None)
    order = {name: i for i, name in enumerate(format_registry.names())}
    links: dict[str | None, list[tuple[int, int, str, str]]] = {}
    for relative, name in entry.outputs.items():
        language = _language_of(relative.split(".", 1)[0])
        kind, _, extension = relative.rsplit("/", 1)[-1].partition(".")
        own_extension = format_registry[name].extension if name in format_registry else extension.rsplit(".", 1)[-1]
        # summary.letter.pdf: the Letter handout; abstract.jats.xml is the jats format's own extension, no variant
        variant = extension.split(".")[0] if extension != own_extension and extension.count(".") else ""
        shown = f"{name.upper()}, {variant.upper() if variant == 'a4' else variant.title()}" if variant else name.upper()
        label = f"{'Summary' if kind == 'summary' else 'Abstract'} ({shown})"
        links.setdefault(language, []).append(
            (KIND_ORDER.index(kind) if kind in KIND_ORDER else 9, order.get(name, 99), relative, label)
        )
    figures = figures_from_json(summary["figures"]) if summary else {}
    status, label = _status(summary, figures, min_words)
    languages = []
    for document in documents:
        language = _language_of(document["document"]["name"])
        if language is None:
            continue
        own_figures = figures_from_json(document["figures"])
        language_status, language_label = _status(document, own_figures, min_words)
        languages.append({
            "language": language,
            "title": document["document"]["title"],
            "links": _links(sorted(links.get(language, []))),
            **_figures(own_figures),
            "status": language_status,
            "status_label": language_label,
        })
    mine = sorted(links.get(None, []))
    html_links = [link[2] for link in mine if link[2].endswith(".html")]
    return {
        "id": entry.id,
        "title": own[0]["document"]["review_title"] if own else entry.id,
        "links": _links(mine),
        "href": html_links[0] if html_links else None,  # the title links to the summary's page (else the abstract's)
        **_figures(figures),
        "status": status,
        "status_label": label,
        "languages": languages,
    }


def row_macro(templates: TemplateSet) -> Any:
    """The index template's `row` macro, or None for a project template without one."""
    template = templates.env.get_template("html/index.html.j2")
    style = Markup(templates.read("assets/style.css"))
    return getattr(template.make_module({"entries": [], "style": style, "report": None}), "row", None)


def render_row(entry: ReviewEntry, macro: Any, min_words: float = 0) -> str:
    """One review's row with `macro` (row_macro's), as render_index renders it; "" without a macro."""
    return "" if macro is None else str(macro(index_row(entry, min_words)))


def render_index(entries: list[ReviewEntry], templates: TemplateSet, min_words: float = 0,
                 output_dir: Path | None = None) -> tuple[bytes, dict[str, str]]:
    """output/index.html: every review, its documents, the lay summary's figures and its gate status.

    Each review's row is rendered by the template's `row` macro and kept in the manifest, so a
    build that changed one review renders one row, not 3,000 (a third of a second in the sandbox).
    A project template without a `row` macro gets the rows as data instead. Returns the page and
    the rows rendered now, by source, for the caller to keep.
    """
    template = templates.env.get_template("html/index.html.j2")
    style = Markup(templates.read("assets/style.css"))
    macro = row_macro(templates)
    rows: list[dict[str, object]] = []
    rendered: dict[str, str] = {}  # by source: the rows rendered now, to keep in the manifest
    for entry in sorted(entries, key=lambda e: e.id):
        if macro is None:
            rows.append(index_row(entry, min_words))
            continue
        row = entry.index_row
        if not row:
            row = rendered[entry.source] = str(macro(index_row(entry, min_words)))
        rows.append({"id": entry.id, "html": Markup(row)})
    report = "report/index.html" if output_dir is not None and (output_dir / "report" / "index.html").is_file() else None
    return template.render(entries=rows, style=style, report=report).encode("utf-8"), rendered
