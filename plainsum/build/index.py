"""output/index.html: every review of the project, its documents, figures and gate status."""

from __future__ import annotations

from markupsafe import Markup

from plainsum.build.manifest import ReviewEntry
from plainsum.formats import registry as format_registry
from plainsum.gate import figures_from_json
from plainsum.render import TemplateSet

KIND_ORDER = ("summary", "abstract")


def _figure(figures: dict[str, float], name: str, form: str) -> str:
    return form.format(figures[name]) if name in figures else ""


def _status(summary: dict[str, object] | None) -> tuple[str, str]:
    if summary is None or summary["status"] == "published":
        return "pass", "passed"
    if summary["status"] == "draft":
        return "draft", "failed (published as DRAFT)"
    return "fail", "failed (summary withheld)"


def _figures(summary: dict[str, object] | None, language: str = "en") -> dict[str, object]:
    figures = figures_from_json(summary["figures"]) if summary else {}  # type: ignore[arg-type]
    grade = _figure(figures, "flesch_kincaid_grade", "{:.1f}")
    if language != "en":
        # a document in another language has that language's formulas: the first, by name
        from plainsum.config import FIGURE_LABELS, LANGUAGE_FORMULAS

        first = next(iter(LANGUAGE_FORMULAS.get(language.split("-")[0], ())), None)
        if first is not None and first in figures:
            grade = f"{FIGURE_LABELS.get(first, first)} {figures[first]:.1f}"
    return {
        "figures": figures,
        "grade": grade,
        "ease": _figure(figures, "flesch_reading_ease", "{:.1f}"),
        "smog": _figure(figures, "smog_index", "{:.1f}"),
        "words": _figure(figures, "words", "{:.0f}"),
    }


def _language_of(name: str) -> str | None:
    """'es' for the document 'review/es/summary'; None for the review's own 'review/summary'."""
    parts = name.split("/")
    return parts[1] if len(parts) == 3 else None


def index_row(entry: ReviewEntry) -> dict[str, object]:
    """What the index shows of one review (templates/html/index.html.j2, macro `row`): its documents,
    its lay summary's figures and gate status, and the same for each translation (`languages`)."""
    documents = entry.documents  # read as stored: building 6,000 records for the index is not free
    own = [d for d in documents if _language_of(d["document"]["name"]) is None]
    summary = next((d for d in own if d["document"]["kind"] == "summary"), None)
    order = {name: i for i, name in enumerate(format_registry.names())}
    links: dict[str | None, list[tuple[int, int, str, str]]] = {}
    for relative, name in entry.outputs.items():
        language = _language_of(relative.rsplit(".", 1)[0])
        kind = relative.rsplit("/", 1)[-1].split(".", 1)[0]
        label = f"{'Summary' if kind == 'summary' else 'Abstract'} ({name.upper()})"
        links.setdefault(language, []).append(
            (KIND_ORDER.index(kind) if kind in KIND_ORDER else 9, order.get(name, 99), relative, label)
        )
    status, label = _status(summary)
    languages = []
    for document in documents:
        language = _language_of(document["document"]["name"])
        if language is None:
            continue
        language_status, language_label = _status(document)
        languages.append({
            "language": language,
            "title": document["document"]["title"],
            "links": [{"href": href, "label": text} for _, _, href, text in sorted(links.get(language, []))],
            **_figures(document, language),
            "status": language_status,
            "status_label": language_label,
        })
    return {
        "id": entry.id,
        "title": own[0]["document"]["review_title"] if own else entry.id,
        "language": summary["document"].get("language", "en") if summary else "en",
        "links": [{"href": href, "label": text} for _, _, href, text in sorted(links.get(None, []))],
        **_figures(summary),
        "status": status,
        "status_label": label,
        "languages": languages,
    }


def render_index(entries: list[ReviewEntry], templates: TemplateSet) -> tuple[bytes, dict[str, str]]:
    """output/index.html: every review, its documents, the lay summary's figures and its gate status.

    Each review's row is rendered by the template's `row` macro and kept in the manifest, so a
    build that changed one review renders one row, not 3,000 (a third of a second in the sandbox).
    A project template without a `row` macro gets the rows as data instead. Returns the page and
    the rows rendered now, by source, for the caller to keep.
    """
    template = templates.env.get_template("html/index.html.j2")
    style = Markup(templates.read("assets/style.css"))
    macro = getattr(template.make_module({"entries": [], "style": style}), "row", None)
    rows: list[dict[str, object]] = []
    rendered: dict[str, str] = {}  # by source: the rows rendered now, to keep in the manifest
    for entry in sorted(entries, key=lambda e: e.id):
        if macro is None:
            rows.append(index_row(entry))
            continue
        row = entry.index_row
        if not row:
            row = rendered[entry.source] = str(macro(index_row(entry)))
        rows.append({"id": entry.id, "html": Markup(row)})
    return template.render(entries=rows, style=style).encode("utf-8"), rendered
