"""Standalone HTML: one file, styles inlined, no external requests."""

from __future__ import annotations

from markupsafe import Markup

from plainsum.formats import Format, RenderContext, template_for
from plainsum.markup import to_html


def page_context(document, scored, context: RenderContext, media: str = "screen") -> dict[str, object]:
    return {
        "document": document,
        "review": document.review,
        "title": document.title,
        "body": Markup(to_html(document.body)),
        "draft": document.draft,
        "figures": scored.figures if scored is not None else None,
        "style": Markup(context.templates.read("assets/style.css")),
        "media": media,
    }


def render(document, scored, context: RenderContext) -> bytes:
    template = context.templates.env.get_template(template_for("html", document, context.templates, "html"))
    return template.render(page_context(document, scored, context)).encode("utf-8")


FORMAT = Format("html", "html", "standalone, accessible HTML page", render)
