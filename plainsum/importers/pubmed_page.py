"""An abstract copied from its PubMed web page: the page's header and footer, recognised.

The page prints, before the abstract, the journal and its citation line (". 2013 Nov 5;(11):CD000023."),
the DOI, the title, the authors with affiliation numbers ("Anneliese Spinks 1, Paul P Glasziou"),
"Affiliations expand", "PMID: ...", and after it "Similar articles", "MeSH terms" and the like.
Those lines are read into title, citation, authors, DOI and PMID, never kept as prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

PMID = re.compile(r"^\s*PMID:\s*(\d+)\s*$")
DOI = re.compile(r"\bdoi:\s*(10\.\d{4,9}/\S+?)\.?\s*$", re.I)
CITATION_LINE = re.compile(r"^\s*\.?\s*((?:19|20)\d\d\b[^;]*;.*)$")  # ". 2013 Nov 5;2013(11):CD000023."
PAGE_LINES = re.compile(r"^\s*(Affiliations expand|Affiliations collapse|Free PMC article|Free article|Review|"
                        r"Meta-Analysis|Randomized Controlled Trial|Comparative Study|Item in Clipboard|"
                        r"PMCID:.*|Erratum in.*|Update in.*|Update of.*|Comment in.*|Expression of concern in.*|"
                        r"Full text links|Cite|Display options|Show details)\s*$", re.I)
ABSTRACT_LINE = re.compile(r"^\s*Abstract\s*$", re.I)
LAY_LINE = re.compile(r"^\s*Plain language summary\s*$", re.I)
FOOTER = re.compile(r"^\s*(Similar articles|Cited by|References|Publication types|MeSH terms|Substances|"
                    r"Grants and funding|Related information|LinkOut - more resources|Full text sources|"
                    r"Conflict of interest statement|Copyright .*|Keywords:.*|Comment in|Supplementary info|"
                    r"Figures)\s*$", re.I)
AUTHOR_MARK = re.compile(r"(?:\s+\d+)+(?=\s*(?:,|$))")  # "Ana Ruiz 1 2, Ben Okafor 3": affiliation numbers


@dataclass
class PageHeader:
    title: str | None = None
    journal: str | None = None
    citation: str | None = None
    authors: list[str] = field(default_factory=list)
    doi: str | None = None
    pmid: str | None = None


def looks_like_page(lines: list[str]) -> bool:
    head = lines[:60]
    return any(PMID.match(line) for line in head) and (
        any(CITATION_LINE.match(line) for line in head) or any(PAGE_LINES.match(line) for line in head))


def _authors(line: str) -> list[str]:
    return [name.strip() for name in AUTHOR_MARK.sub("", line).split(",") if name.strip()]


def split_page(lines: list[str]) -> tuple[PageHeader, list[str], list[str]]:
    """(what the header says, the abstract's lines, the plain language summary's lines)."""
    header = PageHeader()
    start = next((i for i, line in enumerate(lines) if ABSTRACT_LINE.match(line)), None)
    head = lines[:start] if start is not None else lines[:60]
    rest = lines[start + 1:] if start is not None else lines[len(head):]
    content: list[str] = []
    for line in head:
        text = line.strip()
        if not text or PAGE_LINES.match(text):
            continue
        if (found := PMID.match(text)) is not None:
            header.pmid = found.group(1)
        elif (found := DOI.search(text)) is not None and len(text) < 120:
            header.doi = header.doi or found.group(1)
        elif (found := CITATION_LINE.match(text)) is not None and header.citation is None:
            journal = content.pop() if content else None
            header.journal = journal
            header.citation = f"{journal}. {found.group(1).strip()}" if journal else found.group(1).strip()
        else:
            content.append(text)
    # what is left of the header: the title, then the authors (names with affiliation numbers)
    if content:
        header.title = content[0]
    if len(content) > 1:
        header.authors = _authors(content[1])
    body: list[str] = []
    lay: list[str] = []
    target = body
    for line in rest:
        if FOOTER.match(line):
            break
        if LAY_LINE.match(line):
            target = lay
            continue
        if PMID.match(line) or PAGE_LINES.match(line):
            continue
        target.append(line)
    return header, body, lay
