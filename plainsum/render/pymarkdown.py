"""Python-Markdown as plainsum runs it: HTML switched off, and an inline pass that skips plain text.

Loaded by render/markup.py only for a body that is not plain headings and paragraphs (most bodies
are written directly): importing Python-Markdown and making its converter is about 30 ms, a twentieth
of a rebuild after one edit.
"""

from __future__ import annotations

import re

import markdown
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.treeprocessors import InlineProcessor

# The inline patterns Python-Markdown registers (less `html`, switched off below) and what each
# needs in a text to match: a backtick, a backslash, `[` (links, images, references), `<`
# (autolinks), `&` (entities), `*` or `_` (emphasis) or two spaces before a line break.
INLINE_PATTERNS = frozenset({
    "backtick", "escape", "reference", "link", "image_link", "image_reference", "short_reference",
    "short_image_ref", "autolink", "automail", "linebreak", "entity", "em_strong",
})
INLINE_DELIMITERS = frozenset("*_")
_MAY_BE_INLINE = re.compile(r"[`\\\[<&*_]|  \n")
_HANDLE_INLINE = vars(InlineProcessor)["_InlineProcessor__handleInline"]  # its private method, name-mangled


class _PlainTextSkippingInline(InlineProcessor):
    """Python-Markdown's inline processor, which tries each of its thirteen patterns on every text
    of the tree, minus the tries on a text no pattern can match (most of a summary's paragraphs):
    such a text comes back unchanged, so skipping it changes no output, and the Markdown stage takes
    about half the time."""

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        if _MAY_BE_INLINE.search(data) is None:
            return data
        result: str = _HANDLE_INLINE(self, data, patternIndex)
        return result


def _markdown() -> markdown.Markdown:
    # Extensions given as objects: by name, Python-Markdown first scans every installed
    # package's entry points for them (a tenth of a second at each start).
    md = markdown.Markdown(extensions=[SaneListExtension(), TableExtension()], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    delimiters = md.delimiters.delimiters if md.delimiters is not None else {}
    if {name for name in INLINE_PATTERNS if name in md.inlinePatterns} == INLINE_PATTERNS and len(md.inlinePatterns) == len(
            INLINE_PATTERNS) and set(delimiters) <= INLINE_DELIMITERS:
        md.treeprocessors.register(_PlainTextSkippingInline(md), "inline", 20)  # replaces the stock one
    return md


_MD = _markdown()


def convert(text: str) -> str:
    """Python-Markdown's HTML of `text` (not yet cleaned)."""
    _MD.reset()
    return _MD.convert(text)
