"""Cochrane records in the corpus format: one JSON object per review (doi, name, abstract, pls...).

`record_to_yaml(record)` is the stable entry point for other tools: one record in, (review id,
text of a valid content file) out, or ImportFailure with a message saying what is wrong.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from plainsum.content.versions import MAX_VERSION, doi_version, earlier_dois
from plainsum.importers import dates, escape
from plainsum.importers.model import Draft, DraftSection, ImportFailure, doi_id, slug
from plainsum.importers.sections import guess_kind, missing_required, order, section_key
from plainsum.importers.yamlwrite import draft_to_yaml


def _text(value: Any, what: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ImportFailure(f"{what} must be text, not {type(value).__name__}")
    return value


def _parts(value: Any, what: str) -> list[tuple[str, str]]:
    if not isinstance(value, list):
        raise ImportFailure(f"{what} must be a list of {{heading, text}}, not {type(value).__name__}")
    parts = []
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            raise ImportFailure(f"{what}[{index}] must be a mapping with heading and text")
        parts.append((_text(item.get("heading"), f"{what}[{index}].heading"), _text(item.get("text"), f"{what}[{index}].text")))
    return parts


def _abstract_kind(headings: list[str]) -> str:
    kind = guess_kind(headings, "Cochrane")
    if kind == "primary-study":  # every record here is a Cochrane review, whatever its headings say
        kind = "cochrane-review"
    if kind == "cochrane-review":
        keys = {section_key(kind, h) for h in headings}
        if missing_required(kind, {k for k in keys if k}) and "methods" in {h.strip().lower() for h in headings}:
            return "cochrane-review-brief"
    return kind


def summary_markdown(pls_type: str, pls: Any) -> str:
    """The published lay summary as Markdown: its headings as level-2 headings, its paragraphs."""
    if pls_type == "sectioned" or isinstance(pls, list):
        pieces = []
        for heading, text in _parts(pls, "pls"):
            if heading.strip():
                pieces.append("## " + escape.heading_text(heading))
            if text.strip():
                pieces.append(escape.prose(text))
        return "\n\n".join(pieces)
    return escape.prose(_text(pls, "pls"))


def record_to_draft(record: dict[str, Any]) -> Draft:
    if not isinstance(record, dict):
        raise ImportFailure(f"a record must be a JSON object, not {type(record).__name__}")
    doi = _text(record.get("doi"), "doi").strip()
    name = escape.line(_text(record.get("name"), "name"))
    pls_title = escape.line(_text(record.get("pls_title"), "pls_title"))
    abstract = _parts(record.get("abstract"), "abstract")
    if not any(text.strip() for _, text in abstract):
        raise ImportFailure("the record has no abstract text")
    title = name or pls_title or doi
    if not title:
        raise ImportFailure("the record has no title (name), plain title or DOI")
    review_id = doi_id(doi) if doi else slug(title)

    headings = [heading for heading, text in abstract if text.strip()]
    kind = _abstract_kind(headings)
    sections: dict[str, DraftSection] = {}
    extras: list[tuple[str, DraftSection]] = []
    for heading, text in abstract:
        if not text.strip():
            continue
        key = section_key(kind, heading)
        prose = escape.prose(text)
        if key is None or key in sections:
            extras.append((escape.line(heading) or "Untitled section", DraftSection(prose)))
        else:
            sections[key] = DraftSection(prose)
    notes: list[str] = []
    missing = missing_required(kind, set(sections))
    if missing:
        # a record cut short by the scrape: keep every part under its own heading
        notes.append(f"not imported as {kind}: no section for {', '.join(missing)}; kept as kind 'other'")
        kind, sections = "other", {}
        extras = [(escape.line(heading) or "Untitled section", DraftSection(escape.prose(text)))
                  for heading, text in abstract if text.strip()]

    summary = summary_markdown(_text(record.get("pls_type"), "pls_type"), record.get("pls"))
    if not summary.strip():
        raise ImportFailure("the record has no plain language summary text")

    draft = Draft(id=review_id, kind=kind, layout="as-published", title=title,
                  plain_title=escape.jinja_literal(pls_title or title),
                  doi=doi if doi.startswith("10.") else None, sections=order(kind, sections), extra_sections=extras,
                  summary={"text": summary}, notes=notes)
    _search_facts(draft, summary)
    draft.version = _version(draft)
    return draft


FIRST_PUBLISHED = re.compile(r"\bfirst published (?:in (?:the Cochrane Library in |issue \d+,? )?)?((?:19|20)\d\d)\b", re.I)


def _version(draft: Draft) -> dict[str, Any]:
    """What the record says of the review's versions: its number (the DOI's .pubN), the DOIs of the
    versions before it, and the year of the first when the abstract says it ("first published in 1997")."""
    if not draft.doi or not 2 <= doi_version(draft.doi) <= MAX_VERSION:
        return {}
    earlier: list[Any] = list(earlier_dois(draft.doi))
    texts = [section.technical for section in draft.sections.values()] + [section.technical for _, section in draft.extra_sections]
    found = next((match for text in texts for match in [FIRST_PUBLISHED.search(text)] if match), None)
    if found is not None:
        earlier[-1] = {"doi": earlier[-1], "published": int(found.group(1))}
    return {"number": doi_version(draft.doi), "earlier": earlier}


def _search_facts(draft: Draft, summary: str) -> None:
    """search_date when the search methods give it to the day; else the month, as text."""
    search = draft.sections.get("search_methods")
    source = search.technical if search else ""
    found = dates.search_date(source)
    if found is not None:
        draft.facts["search_date"] = found
        # only here: the summary is one long prose field, and mapping a long field whose rendered
        # text differs from its template back to YAML positions is slow (sourcemap's diff)
        search.technical = dates.use_fact(search.technical, found)  # type: ignore[union-attr]
        return
    month = dates.search_month(source) or dates.search_month(summary)
    if month:
        draft.facts["search_month"] = month


def record_to_yaml(record: dict[str, Any]) -> tuple[str, str]:
    """(review id, YAML text of a valid content file) for one corpus record; ImportFailure if impossible."""
    draft = record_to_draft(record)
    draft.source = f"a Cochrane record (DOI {draft.doi})" if draft.doi else "a Cochrane record"
    return draft.id, draft_to_yaml(draft)


def read_records(path: Path, text: str | None = None) -> Iterator[tuple[int, Any]]:
    """(line number, record) for a .json file (one object or a list) or JSON lines (.jsonl, .jsonl.gz).

    Raises json.JSONDecodeError (with its line and column) for input that is not JSON.
    """
    if text is None:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as handle:  # type: ignore[operator]
            text = handle.read()
    stripped = text.lstrip()
    if stripped.startswith("[") or (stripped.startswith("{") and _single_document(text)):
        data = _loads(text, 1)
        items = data if isinstance(data, list) else [data]
        for item in items:
            yield 1, item
        return
    # JSON Lines separates records by \n alone (https://jsonlines.org/): str.splitlines would
    # also split at \r, U+2028 and the other line breaks that may stand raw inside a JSON string
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            try:
                yield number, _loads(line, number)
            except json.JSONDecodeError as exc:
                raise json.JSONDecodeError(exc.msg, text, _offset(text, number) + exc.pos) from None


MAX_NESTING = 100  # arrays and objects inside one another; a Cochrane record nests four deep


class TooDeep(ValueError):
    """JSON nested deeper than MAX_NESTING."""

    def __init__(self, line: int):
        super().__init__(f"the JSON nests more than {MAX_NESTING} levels deep")
        self.line = line


def _loads(text: str, line: int) -> Any:
    """json.loads, refusing deep nesting before the parser recurses into it."""
    if _nesting(text) > MAX_NESTING:
        raise TooDeep(line)
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        raise
    except ValueError:  # an integer of thousands of digits, which Python will not convert
        match = re.search(r"\d{4000,}", text)
        raise json.JSONDecodeError("a number too long to read (thousands of digits)", text, match.start() if match else 0) from None
    if "\\u" in text and _SURROGATE_ESCAPE.search(text):
        try:
            json.dumps(value, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:  # a lone \ud800: JSON allows the escape, but it is no character
            match = _SURROGATE_ESCAPE.search(text)
            raise json.JSONDecodeError("a lone UTF-16 surrogate escape (half of a pair): not text",
                                       text, match.start() if match else 0) from None
    return value


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _nesting(text: str) -> int:
    """How deep [ and { nest, outside strings (an upper bound for text that is not valid JSON)."""
    if text.count("[") + text.count("{") <= MAX_NESTING:
        return 0
    depth = deepest = 0
    for token in re.finditer(r'"(?:[^"\\]|\\.)*"?|[\[{]|[\]}]', text):
        mark = token.group()
        if mark in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif mark in "]}":
            depth -= 1
    return deepest


def _single_document(text: str) -> bool:
    try:
        _loads(text, 1)
    except (json.JSONDecodeError, TooDeep):
        return False
    return True


def _offset(text: str, line: int) -> int:
    offset = 0
    for _ in range(line - 1):
        offset = text.index("\n", offset) + 1
    return offset
