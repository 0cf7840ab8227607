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


def index_row(entry: ReviewEntry) -> dict[str, object]:
    """What the index shows of one review (templates/html/index.html.j2, macro `row`)."""
    documents = entry.documents  # read as stored: building 6,000 records for the index is not free
    summary = next((d for d in documents if d["document"]["kind"] == "summary"), None)
    order = {name: i for i, name in enumerate(format_registry.names())}
    links = []
    for relative, name in entry.outputs.items():
        kind = relative.rsplit("/", 1)[-1].split(".", 1)[0]
        label = f"{'Summary' if kind == 'summary' else 'Abstract'} ({name.upper()})"
        links.append((KIND_ORDER.index(kind) if kind in KIND_ORDER else 9, order.get(name, 99), relative, label))
    if summary is None or summary["status"] == "published":
        status, label = "pass", "passed"
    elif summary["status"] == "draft":
        status, label = "draft", "failed (published as DRAFT)"
    else:
        status, label = "fail", "failed (summary withheld)"
    figures = figures_from_json(summary["figures"]) if summary else {}
    return {
        "id": entry.id,
        "title": documents[0]["document"]["review_title"] if documents else entry.id,
        "links": [{"href": href, "label": text} for _, _, href, text in sorted(links)],
        "figures": figures,
        "grade": _figure(figures, "flesch_kincaid_grade", "{:.1f}"),
        "ease": _figure(figures, "flesch_reading_ease", "{:.1f}"),
        "smog": _figure(figures, "smog_index", "{:.1f}"),
        "words": _figure(figures, "words", "{:.0f}"),
        "status": status,
        "status_label": label,
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
