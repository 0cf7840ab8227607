"""Turn headed parts of an abstract (from any input format) into a Draft of the right kind."""

from __future__ import annotations

import re
from pathlib import Path

from plainsum.importers import dates, escape
from plainsum.importers.model import Draft, DraftSection, ImportFailure, slug
from plainsum.importers.sections import SUBLABELS, display_heading, guess_kind, missing_required, normalise, order, section_key

Part = tuple[str | None, str]  # (heading as written or None, plain text)

OBJECTIVE_START = re.compile(r"^(To |We aimed|The (?:aim|objective|purpose)|This (?:review|study) aims)", re.I)


def _preamble_sections(kind: str, preamble: list[str], sections: dict[str, list[str]]) -> list[str]:
    """Unlabelled paragraphs before the first heading (seed 001's abstract): background, then objectives."""
    left = list(preamble)
    if not left:
        return left
    first_key = "rationale" if kind == "cochrane-review-rationale" else "background"
    if "objectives" not in sections and len(left) >= 1 and OBJECTIVE_START.match(left[-1]):
        sections["objectives"] = [left.pop()]
    if left and first_key not in sections and kind != "other":
        sections[first_key] = left
        left = []
    return left


def build_draft(parts: list[Part], *, title: str | None, source: str, kind: str | None = None,
                summary_markdown: str | None = None, plain_title: str | None = None,
                references: list[str] | None = None, doi: str | None = None, authors: list[str] | None = None,
                citation: str | None = None, review_id: str | None = None) -> Draft:
    if not any(text.strip() for _, text in parts):
        raise ImportFailure("no abstract text found (only a title, or nothing but headings)")
    headings = [h for h, _ in parts if h]
    all_text = " ".join(t for _, t in parts)
    chosen = kind or (guess_kind(headings, all_text + " " + (summary_markdown or "")) if headings else "other")
    notes: list[str] = []

    sections: dict[str, list[str]] = {}
    headed_as: dict[str, str] = {}
    extras: list[tuple[str, list[str]]] = []
    preamble: list[str] = []
    current: list[str] | None = None  # the section unlabelled paragraphs continue
    for heading, text in parts:
        if not text.strip():
            continue
        if heading is None:
            (current if current is not None else preamble).append(text)
            continue
        key = section_key(chosen, heading) if chosen != "other" else None
        label = display_heading(heading)
        if key is None:
            extras.append((label, [text]))
            current = extras[-1][1]
            continue
        if normalise(heading) in SUBLABELS or key in sections:
            # DESIGN, SETTING ... are all methods: keep each label in front of its text
            text = f"{label}: {text}"
        if key in sections:
            sections[key].append(text)
        else:
            sections[key] = [text]
            headed_as[key] = label
        current = sections[key]
    leftover = _preamble_sections(chosen, preamble, sections)

    missing = missing_required(chosen, set(sections)) if chosen != "other" else []
    if missing:
        notes.append(f"not imported as {chosen}: no section for {', '.join(missing)}; kept as kind 'other' with "
                     "every part under its own heading")
        # parts written under a heading keep it; unlabelled text stays unlabelled
        kept = order(chosen, sections)
        leftover = [text for key, texts in kept.items() if key not in headed_as for text in texts] + leftover
        ordered = [(headed_as[key], texts) for key, texts in kept.items() if key in headed_as]
        extras = ordered + extras
        sections = {}
        chosen = "other"
    if leftover:
        if chosen == "other":
            sections["abstract"] = leftover
        else:
            extras.insert(0, ("Introduction", leftover))

    prose_sections = {key: DraftSection(escape.prose("\n\n".join(texts))) for key, texts in sections.items()}
    extra_sections = [(re.sub(r"\s+", " ", h).strip().rstrip(":") or "Untitled section",
                       DraftSection(escape.prose("\n\n".join(texts)))) for h, texts in extras]
    if chosen != "other":
        prose_sections = order(chosen, prose_sections)

    clean_title = re.sub(r"\s+", " ", (title or "")).strip().rstrip(".") or None
    draft = Draft(
        id=review_id or slug(clean_title or Path(source).stem),
        kind=chosen, layout="as-published", title=clean_title or Path(source).stem,
        plain_title=escape.heading_text(plain_title or clean_title or Path(source).stem),
        doi=doi, authors=authors or [], citation=citation, sections=prose_sections, extra_sections=extra_sections,
        references=references or [], source=source, notes=notes,
    )
    if clean_title is None:
        draft.notes.append("the input has no title line; the title is the file name: set title and plain_title")
    _summary(draft, summary_markdown)
    _search_facts(draft)
    return draft


def _summary(draft: Draft, summary_markdown: str | None) -> None:
    if summary_markdown and summary_markdown.strip():
        draft.layout = "as-published"
        draft.summary = {"text": summary_markdown}
        return
    if draft.kind == "primary-study":
        # the study layout falls back to the technical text of methods, results and conclusions
        draft.layout = "study"
        draft.summary = {"study_question": draft.sections["objectives"].technical}
    else:
        conclusions = (draft.sections.get("authors_conclusions") or draft.sections.get("conclusions")
                       or draft.sections.get("abstract"))
        text = conclusions.technical if conclusions else draft.extra_sections[-1][1].technical
        draft.summary = {"text": text}
    draft.notes.append("the input has no lay summary: the summary repeats technical text; rewrite it in plain language")


def _search_facts(draft: Draft) -> None:
    if not draft.kind.startswith("cochrane"):
        return
    search = draft.sections.get("search_methods") or draft.sections.get("methods")
    source = search.technical if search else ""
    found = dates.search_date(source)
    if found is not None and search is not None:
        draft.facts["search_date"] = found
        search.technical = dates.use_fact(search.technical, found)
        if "text" in draft.summary:
            draft.summary["text"] = dates.use_fact(draft.summary["text"], found)
        return
    month = dates.search_month(source) or dates.search_month(str(draft.summary.get("text", "")))
    if month:
        draft.facts["search_month"] = month

