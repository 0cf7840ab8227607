"""The plain language summary of a RevMan 5 file: as published, or in the cochrane-2021 layout
when its headings are that template's, in its order (the parts then become the layout's own)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from plainsum.importers import escape
from plainsum.importers.revman_text import heading_of, inline_paragraphs, plain

# The 2021 template's headings, in order, and the summary part each one's text goes to.
LAYOUT_2021 = (
    (re.compile(r"^key messages:?$", re.I), "key_messages"),
    (re.compile(r"^what (?:is|are) .+\?$", re.I), "what_is"),
    (re.compile(r"^what did we want to find out\?$", re.I), "want_to_find_out"),
    (re.compile(r"^what did we do\?$", re.I), "what_we_did"),
    (re.compile(r"^what did we find\?$", re.I), "what_we_found"),
    (re.compile(r"^what are the limitations of the evidence\?$", re.I), "limitations"),
    (re.compile(r"^how up to date is this evidence\?$", re.I), "up_to_date"),
)
UP_TO_DATE = re.compile(r"\s*The evidence is up to date to [^.]*\.\s*$")

Block = tuple[str | None, list[str], list[str]]  # (heading, paragraphs, list items), Markdown


def _blocks(body: ET.Element) -> list[Block]:
    blocks: list[Block] = [(None, [], [])]
    for child in body:
        if child.tag == "P":
            heading = heading_of(child)
            if heading is not None:
                blocks.append((heading, [], []))
            else:
                blocks[-1][1].extend(inline_paragraphs(child))
        elif child.tag in ("UL", "OL"):
            for item in child.findall("LI"):
                text = " ".join(inline_paragraphs(item))
                if text:
                    blocks[-1][2].append(text)
        else:
            blocks[-1][1].extend(inline_paragraphs(child))
    return [block for block in blocks if block[0] is not None or block[1] or block[2]]


def _as_published(blocks: list[Block]) -> str:
    pieces: list[str] = []
    for heading, paragraphs, items in blocks:
        if heading is not None:
            pieces.append("## " + escape.heading_text(heading))
        pieces.extend(paragraphs)
        if items:
            pieces.append("\n".join("- " + item for item in items))
    return "\n\n".join(pieces)


def _as_2021(blocks: list[Block]) -> dict[str, object] | None:
    headed = [block for block in blocks if block[0] is not None]
    if len(headed) != len(blocks) or len(headed) != len(LAYOUT_2021):
        return None
    summary: dict[str, object] = {}
    for (heading, paragraphs, items), (pattern, part) in zip(headed, LAYOUT_2021, strict=True):
        assert heading is not None
        if not pattern.match(heading.strip()):
            return None
        if part == "key_messages":
            messages = items or paragraphs
            if not messages:
                return None
            summary[part] = list(messages)
            continue
        text = "\n\n".join(paragraphs + (["\n".join("- " + item for item in items)] if items else []))
        if part == "what_is":
            summary["what_is_heading"] = escape.heading_text(heading)
        if part == "up_to_date":
            text = UP_TO_DATE.sub("", text).strip()  # the layout writes that sentence from search_date
            if text:
                summary[part] = text
            continue
        if not text:
            return None
        summary[part] = text
    return summary


def lay_summary(summary: ET.Element | None) -> tuple[str | None, str | None, dict[str, object] | None]:
    """(plain title, layout, the summary's parts): the layout is None when the file has no summary."""
    if summary is None:
        return None, None, None
    title = plain(summary.find("TITLE")) or None
    body = summary.find("SUMMARY_BODY")
    blocks = _blocks(body) if body is not None else []
    if not blocks:
        return title, None, None
    mapped = _as_2021(blocks)
    if mapped is not None:
        return title, "cochrane-2021", mapped
    return title, "as-published", {"text": _as_published(blocks)}
