"""Markdown: the document as rendered, under its title."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plainsum.readability.score import Scored
    from plainsum.render.document import Document

from plainsum.document_formats import Format, RenderContext, draft_notice, template_for


def render(document: Document, scored: Scored | None, context: RenderContext) -> bytes:
    template = context.templates.env_for(document.language).get_template(template_for("md", document, context.templates, "md"))
    from plainsum.document_formats.visuals import markdown_body

    text = template.render(document=document, title=document.title, body=markdown_body(document, context), draft=document.draft,
                           draft_notice=draft_notice(document.kind), review=document.review)
    return (text.strip() + "\n").encode("utf-8")


FORMAT = Format("md", "md", "Markdown, for sites and repositories", render)
