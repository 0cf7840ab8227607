"""Imported text is author prose, which plainsum renders as a Jinja template: keep it literal."""

from __future__ import annotations

import re

JINJA_OPENERS = re.compile(r"\{[{%#]")
PRIVATE_USE = re.compile("[\ue000-\ue004]")  # plainsum marks prose spans and figures with these
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MARKDOWN_BLOCK_START = re.compile(r"^(\s*)(?:(#{1,6}\s|>|[-*+]\s)|(\d{1,9})([.)]\s))")


def jinja_literal(text: str) -> str:
    """'{{ x }}' -> "{{ '{{' }} x }}": renders back to exactly the input."""
    return JINJA_OPENERS.sub(lambda m: "{{ '" + m.group(0) + "' }}", text)


def clean(text: str) -> str:
    """Drop characters no content file should hold; normalise line ends and no-break spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return CONTROL.sub("", PRIVATE_USE.sub("", text))


def paragraphs(text: str) -> list[str]:
    """Paragraphs of imported plain text: one per non-empty line or blank-line-separated block."""
    text = clean(text)
    blocks = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text) else text.split("\n")
    return [re.sub(r"[ \t]*\n[ \t]*", " ", block).strip() for block in blocks if block.strip()]


def markdown_literal(paragraph: str) -> str:
    """Keep a plain-text paragraph from being read as a Markdown heading, quote or list item."""
    match = MARKDOWN_BLOCK_START.match(paragraph)
    if match is None:
        return paragraph
    if match.group(2):  # heading, quote or bullet: escape its first character
        return paragraph[: match.start(2)] + "\\" + paragraph[match.start(2):]
    return paragraph[: match.start(4)] + "\\" + paragraph[match.start(4):]  # "1. " -> "1\. "


INLINE_MARKUP = re.compile(r"([*_`\\])")


def inline_literal(paragraph: str) -> str:
    """Backslash-escape Markdown's emphasis and code characters: '__init__' stays '__init__'."""
    return INLINE_MARKUP.sub(r"\\\1", paragraph)


def prose(text: str) -> str:
    """Plain text -> content prose: Markdown paragraphs, literal for Markdown syntax and for Jinja."""
    return jinja_literal("\n\n".join(markdown_literal(inline_literal(p)) for p in paragraphs(text)))


def line(text: str) -> str:
    """One line of plain text (titles, headings of sections): whitespace folded. Not prose."""
    return re.sub(r"\s+", " ", clean(text)).strip()


def heading_text(text: str) -> str:
    """A heading written inside prose (a lay summary's '## ...'): literal for Jinja."""
    return jinja_literal(line(text))
