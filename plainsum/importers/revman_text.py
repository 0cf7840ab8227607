"""Text of RevMan 5 elements as content prose: Markdown paragraphs, literal for Markdown and Jinja."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from plainsum.importers import escape


def plain(element: ET.Element | None) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip() if element is not None else ""


def _inline(element: ET.Element) -> str:
    """An element's text as Markdown: bold and italics kept, line breaks as paragraph breaks,
    everything else (links, superscripts) as its text. Literal for Markdown and Jinja."""
    pieces: list[str] = [escape.inline_literal(element.text or "")]
    for child in element:
        tag = child.tag.upper()
        inner = _inline(child)
        if tag == "BR":
            pieces.append("\n\n")
        elif tag == "B" and inner.strip():
            pieces.append(_wrap(inner, "**"))
        elif tag == "I" and inner.strip():
            pieces.append(_wrap(inner, "*"))
        else:
            pieces.append(inner)
        pieces.append(escape.inline_literal(child.tail or ""))
    return "".join(pieces)


def _wrap(text: str, mark: str) -> str:
    """**text** with the spaces RevMan leaves inside the tags moved outside them."""
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    return f"{lead}{mark}{text.strip()}{mark}{trail}"


def paragraphs(element: ET.Element | None) -> list[str]:
    """Markdown paragraphs of a section: each P, split at its line breaks."""
    if element is None:
        return []
    return [text for paragraph in element.iter("P") for text in inline_paragraphs(paragraph)]


def heading_of(paragraph: ET.Element) -> str | None:
    """A lay summary's heading: a paragraph that is one bold run and nothing else."""
    children = list(paragraph)
    if len(children) != 1 or children[0].tag != "B" or (paragraph.text or "").strip() or (children[0].tail or "").strip():
        return None
    text = plain(children[0]).rstrip(":")
    return text or None




def inline_paragraphs(element: ET.Element) -> list[str]:
    """The paragraphs of one element's own text (a P, an LI), split at its line breaks."""
    out = []
    for piece in _inline(element).split("\n\n"):
        text = re.sub(r"\s+", " ", piece).strip()
        if text:
            out.append(escape.jinja_literal(escape.markdown_literal(text)))
    return out
