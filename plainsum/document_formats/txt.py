"""Plain text: each heading on its own line, paragraphs separated by blank lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plainsum.readability.score import Scored
    from plainsum.render.document import Document

from plainsum.document_formats import Format, RenderContext, draft_notice, template_for


def render(document: Document, scored: Scored | None, context: RenderContext) -> bytes:
    from plainsum.render.markup import to_text

    template = context.templates.env_for(document.language).get_template(template_for("txt", document, context.templates, "txt"))
    from plainsum.document_formats.visuals import text_body

    text = template.render(document=document, title=document.title, body=text_body(document, context, to_text), draft=document.draft,
                           draft_notice=draft_notice(document.kind), review=document.review)
    return (text.strip() + "\n").encode("utf-8")


FORMAT = Format("txt", "txt", "plain text for pasting into submission systems", render)
