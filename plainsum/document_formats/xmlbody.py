"""A document's body (Markdown, converted to the safe HTML of render.markup) as elements of the XML
formats: JATS block and inline elements, or the plain text of a PubMed AbstractText.

The HTML holds only render.markup.ALLOWED_TAGS, so each has its one JATS counterpart here; a tag
JATS has no place for (hr) is left out, its text kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree, html

XLINK = "http://www.w3.org/1999/xlink"

# Characters XML 1.0 cannot hold (C0 controls but tab and line ends, lone surrogates, U+FFFE/U+FFFF):
# a review may carry one (YAML's "\x01"); it is shown as U+FFFD rather than stopping the build.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return NOT_XML.sub("\ufffd", text)


INLINE = {"em": "italic", "strong": "bold", "code": "monospace", "sup": "sup", "sub": "sub"}
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@dataclass
class Section:
    """A heading of the body and what follows it up to the next heading of its level or above."""

    title: str
    level: int
    blocks: list[etree._Element] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)


def text_of(element: etree._Element) -> str:
    """An element's text and its descendants', as one string."""
    return "".join(str(part) for part in element.itertext())


def html_fragments(markup: str) -> list[etree._Element]:
    """The top-level elements of an HTML fragment (text outside any element is wrapped in a <p>)."""
    if not markup.strip():
        return []
    parsed = html.fragments_fromstring(xml_safe(markup))
    out: list[etree._Element] = []
    for item in parsed:
        if isinstance(item, str):
            if item.strip():
                paragraph = etree.Element("p")
                paragraph.text = item.strip()
                out.append(paragraph)
        else:
            out.append(item)
    return out


def _append_text(parent: etree._Element, text: str | None) -> None:
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _inline(source: etree._Element, target: etree._Element) -> None:
    """Copy the inline content of an HTML element into a JATS element."""
    _append_text(target, source.text)
    for child in source:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in INLINE:
            element = etree.SubElement(target, INLINE[tag])
            _inline(child, element)
        elif tag == "a" and child.get("href"):
            element = etree.SubElement(target, "ext-link", {"ext-link-type": "uri", f"{{{XLINK}}}href": child.get("href", "")})
            _inline(child, element)
        elif tag == "abbr" and child.get("title"):
            element = etree.SubElement(target, "abbrev", {"alt": child.get("title", "")})
            _inline(child, element)
        elif tag in ("ul", "ol"):
            target.append(_list(child))
        elif tag == "br":
            _append_text(target, " ")
        else:  # a tag without a JATS counterpart inline: its text only
            _append_text(target, text_of(child))
        _append_text(target, child.tail)


def _list(source: etree._Element) -> etree._Element:
    element = etree.Element("list", {"list-type": "order" if source.tag == "ol" else "bullet"})
    for item in source.findall("li"):
        list_item = etree.SubElement(element, "list-item")
        paragraphs = item.findall("p")
        if paragraphs:  # a loose list: each item's paragraphs as they are
            for paragraph in paragraphs:
                _inline(paragraph, etree.SubElement(list_item, "p"))
        else:
            _inline(item, etree.SubElement(list_item, "p"))
    return element


def _table(source: etree._Element) -> etree._Element:
    """An HTML table of the body (a Markdown table) as a JATS table-wrap: JATS tables are XHTML tables."""
    wrap = etree.Element("table-wrap")
    table = etree.SubElement(wrap, "table")
    for part in source:
        if part.tag not in ("thead", "tbody"):
            continue
        group = etree.SubElement(table, part.tag)
        for row in part.findall("tr"):
            out_row = etree.SubElement(group, "tr")
            for cell in row:
                if cell.tag in ("th", "td"):
                    out_cell = etree.SubElement(out_row, cell.tag)
                    _inline(cell, out_cell)
    return wrap


def block(source: etree._Element) -> etree._Element | None:
    """One HTML block as a JATS block element, or None when JATS has no place for it (hr)."""
    tag = source.tag
    if tag == "p":
        element = etree.Element("p")
        _inline(source, element)
        return element
    if tag in ("ul", "ol"):
        return _list(source)
    if tag == "blockquote":
        quote = etree.Element("disp-quote")
        for child in source:
            inner = block(child)
            if inner is not None:
                quote.append(inner)
        return quote
    if tag == "pre":
        element = etree.Element("preformat")
        element.text = text_of(source)
        return element
    if tag == "table":
        return _table(source)
    if tag == "hr":
        return None
    element = etree.Element("p")
    element.text = " ".join(text_of(source).split())
    return element


def sections(markup: str) -> tuple[list[etree._Element], list[Section]]:
    """The blocks before the first heading, and the sections the headings open (nested by level)."""
    lead: list[etree._Element] = []
    roots: list[Section] = []
    stack: list[Section] = []
    for item in html_fragments(markup):
        if item.tag in HEADINGS:
            level = int(item.tag[1])
            section = Section(" ".join(text_of(item).split()), level)
            while stack and stack[-1].level >= level:
                stack.pop()
            (stack[-1].children if stack else roots).append(section)
            stack.append(section)
            continue
        converted = block(item)
        if converted is None:
            continue
        (stack[-1].blocks if stack else lead).append(converted)
    return lead, roots


def plain_text(markup: str) -> list[tuple[str | None, str]]:
    """The body as (heading, text) pairs, each heading's paragraphs joined; list items as sentences."""
    parts: list[tuple[str | None, list[str]]] = [(None, [])]
    for item in html_fragments(markup):
        if item.tag in HEADINGS:
            parts.append((" ".join(text_of(item).split()), []))
            continue
        if item.tag in ("ul", "ol"):
            for entry in item.findall("li"):
                text = " ".join(text_of(entry).split())
                parts[-1][1].append(text if re.search(r"[.!?:;]$", text) else text + ".")
            continue
        if item.tag in ("hr",):
            continue
        text = " ".join(text_of(item).split())
        if text:
            parts[-1][1].append(text)
    return [(heading, " ".join(texts)) for heading, texts in parts if texts]
