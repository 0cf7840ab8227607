"""Render: a `Review` through the structure templates into one Markdown `Document` per kind.

Takes: a `Review` and the template search path (`TemplateSet`: the project's templates, then the
defaults). Gives: `Document` (Markdown with the YAML field of every span, so a sentence can be
traced back to its line and column) and the Markdown-to-HTML/text conversion (`markup`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plainsum import lazy_exports

if TYPE_CHECKING:
    from plainsum.render.document import Document, Location, render_documents, text_document
    from plainsum.render.markup import Block, blocks, to_html, to_text
    from plainsum.render.templates import TemplateSet

__all__ = [
    "Block",
    "Document",
    "Location",
    "TemplateSet",
    "blocks",
    "render_documents",
    "text_document",
    "to_html",
    "to_text",
]

__getattr__ = lazy_exports(__name__, {
    "document": ("Document", "Location", "render_documents", "text_document",),
    "markup": ("Block", "blocks", "to_html", "to_text",),
    "templates": ("TemplateSet",),
})
