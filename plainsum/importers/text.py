"""Plain-text abstracts, as authors paste them.

Recognised: headings on their own lines (seed 000), inline labels ("Search strategy: ..."),
capitalised inline labels ("OBJECTIVE ... METHODS ..."), title-case labels after a sentence
("... options. Background. DLRPN is ..."), a lay summary before "Read the full abstract...",
and a trailing numbered reference list.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from plainsum.importers import escape, pubmed_page
from plainsum.importers.assemble import Part, build_draft
from plainsum.importers.model import Draft, doi_id
from plainsum.importers.sections import KNOWN_HEADINGS, normalise

LAY_SEPARATOR = re.compile(r"^\s*(read the full abstract|full abstract|abstract)\s*(\.\.\.|…|:)?\s*$", re.I)
REFERENCE = re.compile(r"^\s*(?:\[(\d{1,3})\]|(\d{1,3})[.)])\s+(\S.*)$")
REFERENCES_HEADING = re.compile(r"^\s*(references|bibliography|reference list|literature cited)\s*:?\s*$", re.I)
INLINE_LABEL = re.compile(r"^([A-Z][A-Za-z'’ ,&/-]{1,60}?)\s*:\s+(?=\S)")
# all-capital labels of one to five words, as in "OBJECTIVE ... METHODS ... RESULTS ..."
CAPS_LABEL = re.compile(r"(?:(?<=^)|(?<=\s))([A-Z][A-Z&/,'’-]*(?:\s+[A-Z&/,'’-]+){0,4})\s*[:.]?\s+(?=[A-Z0-9(\[])")
# "Background." / "Methods:" written in title case after the end of a sentence
# ("Authors' conclusions:" has an apostrophe, and a label may end a sentence that closes a bracket)
TITLE_LABEL = re.compile(r"(?:(?<=^)|(?<=[.!?)\]]\s))([A-Z][a-z]+['’]?(?:\s(?:[a-z]+['’]?|[A-Z][a-z]+['’]?)){0,4})[.:]\s+(?=[A-Z0-9(\[])")
YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


def _is_known(label: str) -> bool:
    return normalise(label) in KNOWN_HEADINGS


def _heading_line(line: str) -> str | None:
    """The heading if the line is one on its own ("Search methods", "Authors' conclusions:")."""
    bare = line.strip().rstrip(":").strip()
    if not bare or len(bare) > 80:
        return None
    if _is_known(bare) or (bare[0].isupper() and _looks_like_heading(bare)):
        return bare
    return None


def _looks_like_heading(text: str) -> bool:
    # title-ish: a few words of letters, no sentence punctuation, digits or markup
    return re.fullmatch(r"[A-Za-z][A-Za-z'’ ,&/()-]*", text) is not None and len(text.split()) <= 6


def _blocks(lines: list[str]) -> list[str]:
    """Paragraphs: blank-line separated groups, or one per line when the text has no blank lines.

    A heading alone on its line always starts a new block.
    """
    has_blank = re.search(r"\S[ \t]*\n\s*\n\s*\S", "\n".join(lines)) is not None
    blocks: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line.strip():
            if current:
                blocks.append(" ".join(current))
                current = []
            continue
        if not has_blank or (_heading_line(line) is not None and _is_known(line.strip().rstrip(":"))):
            if current:
                blocks.append(" ".join(current))
                current = []
            blocks.append(line.strip())
            continue
        current.append(line.strip())
    if current:
        blocks.append(" ".join(current))
    return [re.sub(r"[ \t]+", " ", block).strip() for block in blocks]


def split_references(lines: list[str]) -> tuple[list[str], list[str]]:
    """(lines before the trailing numbered reference list, the references)."""
    end = len(lines)
    found: list[tuple[int, str]] = []
    index = end - 1
    while index >= 0:
        line = lines[index]
        if not line.strip():
            index -= 1
            continue
        match = REFERENCE.match(line)
        if not match:
            break
        found.append((int(match.group(1) or match.group(2)), re.sub(r"\s+", " ", match.group(3)).strip()))
        index -= 1
    found.reverse()
    numbers = [n for n, _ in found]
    with_heading = index >= 0 and REFERENCES_HEADING.match(lines[index]) is not None
    citation_like = sum(1 for _, text in found if YEAR.search(text)) >= max(1, len(found) // 2)
    if len(found) < 2 or numbers != list(range(1, len(found) + 1)) or not (with_heading or citation_like):
        return lines, []
    cut = index if with_heading else index + 1
    return lines[:cut], [text for _, text in found]


def _refine(parts: list[Part], pattern: re.Pattern[str], accept: Callable[[str, str], bool]) -> list[Part]:
    """Split each part's text further at inline labels; the text before the first label keeps the
    part's own heading (or, when the text starts with a label, the heading stands alone)."""
    refined: list[Part] = []
    for heading, text in parts:
        pieces = _split_labels(text, pattern, accept)
        if pieces and pieces[0][0] is None:
            pieces[0] = (heading, pieces[0][1])
        elif heading is not None:
            pieces.insert(0, (heading, ""))
        refined.extend(pieces)
    return refined


def _split_labels(block: str, pattern: re.Pattern[str], accept: Callable[[str, str], bool]) -> list[Part]:
    """Split a paragraph at inline labels matched by `pattern` and accepted by `accept`."""
    parts: list[Part] = []
    cursor = 0
    heading: str | None = None
    for match in pattern.finditer(block):
        label = match.group(1).strip(" ,")
        # what comes before the label, from its last visible character on (the accept functions look
        # only at how it ends): the whole prefix each time was quadratic on a block of many labels
        end = start = match.start()
        while start > 0 and block[start - 1].isspace():
            start -= 1
        if not accept(label, block[max(0, start - 1):end] if start > 0 else block[:end]):
            continue
        before = block[cursor:match.start()].strip()
        if before or heading is not None:
            parts.append((heading, before))
        heading = label
        cursor = match.end()
    parts.append((heading, block[cursor:].strip()))
    return [(h, t) for h, t in parts if t or h]


SENTENCE_END = re.compile(r"(?:^|[.!?)\]])\s*$")


def _caps_label(label: str, before: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", label)
    if not label.isupper() or len(letters) < 4:
        return False
    if SENTENCE_END.search(before):
        return _is_known(label) or (len(label.split()) >= 2 and len(letters) >= 8)
    # mid-sentence (a section cut short before the next label): only long known headings
    return _is_known(label) and (len(label.split()) >= 2 or len(letters) >= 7)


def _title_label(label: str, before: str) -> bool:
    return _is_known(label)


def parse_blocks(blocks: list[str]) -> list[Part]:
    parts: list[Part] = []
    pending: str | None = None  # a heading on its own line, waiting for its text
    for block in blocks:
        heading = _heading_line(block)
        if heading is not None:
            if pending is not None:
                parts.append((pending, ""))
            pending = heading
            continue
        pieces: list[Part] = [(pending, block)]
        pending = None
        # inline label at the start: "Search strategy: On 15 October 2013, ..."
        label = INLINE_LABEL.match(block)
        if label and (_is_known(label.group(1)) or len(label.group(1).split()) <= 4) and pieces[0][0] is None:
            pieces = [(label.group(1).strip(), block[label.end():])]
        # capitalised labels ("METHODS ...") first, then title-case ones ("Background. ...") inside them
        parts.extend(_refine(_refine(pieces, CAPS_LABEL, _caps_label), TITLE_LABEL, _title_label))
    if pending is not None:
        parts.append((pending, ""))
    # headings with no text of their own before another heading are dropped only if empty throughout
    return _merge_empty(parts)


def _merge_empty(parts: list[Part]) -> list[Part]:
    merged: list[Part] = []
    for heading, text in parts:
        if merged and merged[-1][1] == "" and heading is None:
            merged[-1] = (merged[-1][0], text)
        else:
            merged.append((heading, text))
    return merged


def _lay_markdown(parts: list[Part]) -> str:
    pieces: list[str] = []
    for heading, text in parts:
        if heading:
            pieces.append("## " + escape.heading_text(heading))
        if text:
            pieces.append(escape.prose(text))
    return "\n\n".join(pieces)


def _conclusions_from_summary(parts: list[Part], lay_parts: list[Part]) -> list[Part]:
    """cochrane.org pages print the authors' conclusions once, in the summary: the abstract needs them too."""
    if any(h and normalise(h) == "authors conclusions" for h, _ in parts):
        return parts
    found: list[Part] = []
    for heading, text in lay_parts:
        if heading is not None:
            if found:
                break
            if normalise(heading) == "authors conclusions":
                found.append((heading.rstrip(": "), text))
        elif found:
            found.append((None, text))
    return parts + found


def _title_block(blocks: list[str]) -> tuple[str | None, list[str]]:
    if len(blocks) < 2:
        return None, blocks
    first = blocks[0]
    if _heading_line(first) is not None and _is_known(first.rstrip(":")):
        return None, blocks
    inline = INLINE_LABEL.match(first)
    if inline and _is_known(inline.group(1)):
        return None, blocks
    sentences = re.findall(r"[.!?](?:\s|$)", first)
    if len(first) <= 300 and len(sentences) <= 1 and not CAPS_LABEL.match(first):
        return first, blocks[1:]
    return None, blocks


def parse_text(text: str, source: str, kind: str | None = None, review_id: str | None = None) -> Draft:
    lines = escape.clean(text).split("\n")
    page: pubmed_page.PageHeader | None = None
    page_lay: list[str] = []
    if pubmed_page.looks_like_page(lines):
        page, lines, page_lay = pubmed_page.split_page(lines)
    lines, references = split_references(lines)
    separator = next((i for i, line in enumerate(lines) if LAY_SEPARATOR.match(line)), None)
    lay_lines: list[str] = page_lay
    if separator is not None and not lay_lines:
        before = lines[:separator]
        if len(_blocks(before)) >= 2:  # a summary, not just a title, before the abstract
            lay_lines, lines = before, lines[separator + 1:]
        else:  # "Title / Abstract / Background ...": the line only announces the abstract
            lines = before + lines[separator + 1:]
    title: str | None = None
    plain_title: str | None = None
    summary: str | None = None
    if lay_lines:
        plain_title, lay_blocks = _title_block(_blocks(lay_lines))
        summary = _lay_markdown(parse_blocks(lay_blocks))
        title = page.title if page is not None else plain_title
        blocks = _blocks(lines)
    elif page is not None:
        title, blocks = page.title, _blocks(lines)
    else:
        title, blocks = _title_block(_blocks(lines))
    parts = parse_blocks(blocks)
    if lay_lines:
        parts = _conclusions_from_summary(parts, parse_blocks(_title_block(_blocks(lay_lines))[1]))
    if page is None:
        draft = build_draft(parts, title=title, plain_title=plain_title, source=source, kind=kind,
                            summary_markdown=summary, references=references, review_id=review_id)
    else:
        draft = _from_page(page, parts, source, kind, summary, plain_title, references, review_id)
    _say_what_was_guessed(draft, parts, kind, page)
    return draft


def _from_page(page: pubmed_page.PageHeader, parts: list[Part], source: str, kind: str | None, summary: str | None,
               plain_title: str | None, references: list[str], review_id: str | None) -> Draft:
    identifier = review_id or (doi_id(page.doi) if page.doi and "14651858" in page.doi else None)
    if identifier is None and page.pmid and not page.title:
        identifier = f"pmid-{page.pmid}"
    draft = build_draft(parts, title=page.title, source=f"{source} (PMID {page.pmid})" if page.pmid else source,
                        kind=kind, summary_markdown=summary, plain_title=plain_title, references=references, doi=page.doi,
                        authors=page.authors, citation=page.citation, review_id=identifier)
    if page.pmid:
        draft.facts["pmid"] = page.pmid
    read = [name for name, value in (("title", page.title), ("journal", page.journal), ("authors", page.authors),
                                     ("DOI", page.doi), ("PMID", page.pmid)) if value]
    draft.notes.append("recognised a PubMed web page: its header gave " + (", ".join(read) or "nothing")
                       + "; the page's other lines (affiliations, similar articles, MeSH terms ...) were left out")
    return draft


def _say_what_was_guessed(draft: Draft, parts: list[Part], kind: str | None, page: object) -> None:
    """The author should know what the importer decided on its own: the kind, and from what."""
    headings = [h for h, _ in parts if h]
    if kind is None and draft.kind != "other":
        shown = ", ".join(dict.fromkeys(headings[:9]))
        draft.notes.append(f"kind '{draft.kind}' guessed from the headings: {shown} (use --kind to choose)")
    if page is None and draft.title and not any("no title line" in note for note in draft.notes):
        draft.notes.append(f"title taken from the first line: {draft.title!r}")
