"""The per-review report page: the lay summary with what to fix highlighted in place.

Hard and long sentences, jargon and rare words, unexplained abbreviations, passive voice, new
numbers and recommendations are marked in the text. Each mark has a colour, a distinct
underline or outline, and a bracketed label such as [J2], so the page reads without colour too;
the note with the same label, beside the paragraph, says what is wrong, where in the YAML it is
written, and what to write instead. The figures of the lay summary stand beside the abstract's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from plainsum.checks import MARKERS, Mark, registry
from plainsum.config.figures import FIGURE_LABELS
from plainsum.render.markup import Block, blocks

if TYPE_CHECKING:
    from plainsum.config.settings import Config
    from plainsum.gate.records import DocumentResult, Outcome
    from plainsum.readability.score import Scored
    from plainsum.render.templates import TemplateSet


@dataclass(frozen=True)
class Category:
    key: str
    letter: str  # the label shown in the text, readable without colour
    name: str
    explanation: str
    sentence_level: bool = False


CATEGORIES = (
    Category("hard", "H", "Hard or long sentence", "the whole sentence has a tinted background and a thick left bar", True),
    Category("jargon", "J", "Jargon or rare word", "double underline"),
    Category("abbreviation", "A", "Abbreviation not spelled out", "dashed box"),
    Category("passive", "P", "Passive voice", "dotted underline"),
    Category("number", "N", "Number not in the abstract or facts", "solid box"),
    Category("recommendation", "R", "Recommendation in a key message", "wavy underline"),
)
BY_KEY = {category.key: category for category in CATEGORIES}
CHECK_CATEGORY = {
    "readability.hard-sentence": "hard",
    "plain.long-sentence": "hard",
    "plain.jargon": "jargon",
    "plain.rare-word": "jargon",
    "plain.abbreviation": "abbreviation",
    "plain.passive": "passive",
    "results.number": "number",
    "results.number-unread": "number",
    "plain.recommendation": "recommendation",
}


@dataclass
class Note:
    label: str
    category: Category
    check: str
    severity: str
    text: str
    message: str
    suggestion: str | None
    location: str
    template: bool = False  # the text is plainsum's template sentence, not the author's

    @property
    def detail(self) -> str:
        """The message without a repeat of the category ("jargon: 'x'" under "Jargon or rare word")."""
        return without_category(self.message, self.category.name)


def without_category(message: str, category_name: str) -> str:
    prefix, colon, rest = message.partition(": ")
    named = {word for word in category_name.lower().split() if len(word) > 3}
    if colon and rest and named & set(prefix.lower().split()):
        return rest
    return message


@dataclass
class Row:
    """One heading, paragraph or list item, with the notes for its marks beside it."""

    kind: str
    html: Markup
    level: int = 0
    notes: list[Note] = field(default_factory=list)


def _enabled(check_id: str, config: Config) -> str | None:
    if check_id not in registry:
        return None
    severity = registry.severity(registry[check_id], config)
    return None if severity == "off" else severity


def collect_marks(scored: Scored, config: Config) -> list[tuple[Mark, str]]:
    """Every mark on the document from the enabled highlighting checks, with its severity."""
    marks: list[tuple[Mark, str]] = []
    for check_id, finder in MARKERS.items():
        severity = _enabled(check_id, config)
        if severity:
            marks.extend((mark, severity) for mark in finder(scored, config))
    severity = _enabled("readability.hard-sentence", config)
    if severity:
        by_offset = {sentence.offset: sentence for sentence in scored.sentences}
        for flag in registry["readability.hard-sentence"].function(scored, config):
            sentence = by_offset.get(flag.offset) if flag.offset is not None else None
            if sentence is not None:
                marks.append((Mark("readability.hard-sentence", sentence.offset, len(sentence.text), sentence.text,
                                   flag.message, flag.suggestion, sentence), severity))
    return marks


def _events(block: Block, marks: list[tuple[Mark, Note]]) -> list[tuple[int, int, float, str]]:
    """(position, order, depth, html) events for the marks inside one block."""
    index = {offset: i for i, offset in enumerate(block.offsets)}
    events: list[tuple[int, int, float, str]] = []
    placed: list[tuple[int, int]] = []
    sentences: set[tuple[int, int]] = set()
    for mark, note in marks:
        start = index.get(mark.offset)
        last = index.get(mark.offset + mark.length - 1)
        if start is None or last is None or last < start:
            continue
        end = last + 1
        category = note.category
        if category.sentence_level:
            if (start, end) in sentences:  # already marked by another check: add the label only
                events.append((end, 0, 0.5, f'<sup class="tag" id="m-{note.label}">[{note.label}]</sup>'))
                continue
            sentences.add((start, end))
            events.append((start, 1, 0, f'<span class="hl hl-{category.key}" id="m-{note.label}">'))
            events.append((end, 0, 0, f'<sup class="tag">[{note.label}]</sup></span>'))
            continue
        if any(start < p_end and p_start < end for p_start, p_end in placed):
            # overlaps a word already marked: show its label after that word instead
            events.append((end, 0, 2, f'<sup class="tag">[{note.label}]</sup>'))
            continue
        placed.append((start, end))
        title = escape(note.suggestion or note.message)
        events.append((start, 1, 1, f'<mark class="hl hl-{category.key}" id="m-{note.label}" title="{title}">'))
        events.append((end, 0, 1, f'</mark><sup class="tag">[{note.label}]</sup>'))
    return events


def _render_text(block: Block, marks: list[tuple[Mark, Note]]) -> Markup:
    events = _events(block, marks)
    # at one position: closing tags first (inner before outer), then opening (outer before inner)
    events.sort(key=lambda e: (e[0], e[1], -e[2] if e[1] == 0 else e[2]))
    pieces: list[str] = []
    cursor = 0
    for position, _, _, html in events:
        pieces.append(str(escape(block.text[cursor:position])))
        pieces.append(html)
        cursor = position
    pieces.append(str(escape(block.text[cursor:])))
    return Markup("".join(pieces))


def annotate(result: DocumentResult, config: Config) -> tuple[list[Row], list[Note]]:
    """The document as rows of highlighted HTML with their notes, and every note in order."""
    scored = result.scored
    document = scored.document
    counters: dict[str, int] = {}
    notes_by_mark: list[tuple[Mark, Note]] = []
    for mark, severity in _one_per_sentence(collect_marks(scored, config), result):
        category = BY_KEY[CHECK_CATEGORY[mark.check]]
        counters[category.letter] = counters.get(category.letter, 0) + 1
        location = document.locate(mark.offset, mark.text)
        from_template = document.review is not None and location.path != document.review.source.display
        notes_by_mark.append((mark, Note(f"{category.letter}{counters[category.letter]}", category, mark.check, severity,
                                         mark.text, mark.message, mark.suggestion, str(location), from_template)))
    rows: list[Row] = []
    body_blocks = blocks(document.body)
    for block in body_blocks:
        inside = [(mark, note) for mark, note in notes_by_mark if _in_block(block, mark)]
        rows.append(Row(block.kind, _render_text(block, inside), block.level, [note for _, note in inside]))
    return rows, [note for _, note in notes_by_mark]


def _one_per_sentence(marks: list[tuple[Mark, str]], result: DocumentResult) -> list[tuple[Mark, str]]:
    """The marks in document order, a sentence marked by several sentence-level checks (a long
    sentence that is also hard) once: one note with what the check found of it (each figure at its
    strictest limit, as `plainsum check` lists it), not a note per check."""
    ordered = sorted(marks, key=lambda item: (item[0].offset, -item[0].length))
    kept: list[tuple[Mark, str]] = []
    together: dict[tuple[int, int, str], int] = {}  # (offset, length, category) -> its place in kept
    for mark, severity in ordered:
        category = BY_KEY[CHECK_CATEGORY[mark.check]]
        key = (mark.offset, mark.length, category.key)
        if not category.sentence_level or key not in together:
            if category.sentence_level:
                together[key] = len(kept)
            kept.append((mark, severity))
            continue
        first, first_severity = kept[together[key]]
        checks = {first.check, mark.check}
        found = [f for f in result.findings if f.check in checks and f.sentence == first.text] if first.text else []
        messages = [f.message for f in found] or [first.message, mark.message]
        message = "; ".join([messages[0], *(without_category(m, category.name) for m in messages[1:])])
        worst = "error" if "error" in (first_severity, severity) else first_severity
        kept[together[key]] = (replace(first, message=message, suggestion=first.suggestion or mark.suggestion), worst)
    return kept


def _in_block(block: Block, mark: Mark) -> bool:
    return bool(block.offsets) and block.offsets[0] <= mark.offset <= block.offsets[-1]


def figure_rows(summary: DocumentResult | None, abstract: DocumentResult | None) -> list[dict[str, object]]:
    keys: list[str] = []
    for result in (summary, abstract):
        if result is not None:
            keys.extend(k for k, v in result.scored.figures.items() if isinstance(v, (int, float)) and k not in keys)

    def shown(result: DocumentResult | None, key: str) -> str:
        if result is None or not isinstance(result.scored.figures.get(key), (int, float)):
            return "-"
        value = float(result.scored.figures[key])
        return f"{value:.0f}" if value.is_integer() else f"{value:.1f}"

    return [{"name": FIGURE_LABELS.get(key, key.replace("_", " ")), "summary": shown(summary, key), "abstract": shown(abstract, key)}
            for key in keys]


def _findings(result: DocumentResult) -> list[dict[str, object]]:
    """The document's findings, each marked when it is about plainsum's template text."""
    review = result.document.review
    found = []
    for finding in result.findings:
        entry = finding.as_dict()
        entry["template"] = review is not None and entry.get("file") != review.source.display
        category = BY_KEY.get(CHECK_CATEGORY.get(finding.check, ""))
        entry["detail"] = without_category(finding.message, category.name) if category is not None else finding.message
        found.append(entry)
    return found


def review_page(results: Iterable[DocumentResult], config: Config, templates: TemplateSet,
                links: dict[str, str] | None = None, changes_link: str | None = None) -> bytes:
    """The report page of one review, from its checked documents. `links`: label -> relative URL
    of the review's documents and the report's overview, for the page's navigation;
    `changes_link` points at what changed since the published version (the page of
    `plainsum diff`), when something did."""
    from plainsum.report_pages.cci import pre_score

    results = list(results)
    summary = next((r for r in results if r.document.kind == "summary"), None)
    abstract = next((r for r in results if r.document.kind == "abstract"), None)
    first = summary or abstract
    if first is None or first.document.review is None:
        raise ValueError("a review page needs the checked documents of one review")
    review = first.document.review
    rows, notes = annotate(summary, config) if summary is not None else ([], [])
    authored = [note for note in notes if not note.template]
    counts = {category.key: sum(1 for note in authored if note.category is category) for category in CATEGORIES}
    documents = []
    for result in (summary, abstract):
        if result is None:
            continue
        findings = _findings(result)
        documents.append({"name": result.document.kind, "passed": result.passed,
                          "findings": [f for f in findings if not f["template"]],
                          "template_findings": [f for f in findings if f["template"]]})
    template = templates.env.get_template("report/review.html.j2")
    html = template.render(
        review=review,
        plain_title=summary.document.title if summary else review.title,
        rows=_group_items(rows),
        notes=notes,
        template_notes=[note for note in notes if note.template],
        categories=CATEGORIES,
        counts=counts,
        figures=figure_rows(summary, abstract),
        documents=documents,
        cci=pre_score(summary.scored, config) if summary is not None else None,
        links=links or {},
        style=Markup(templates.read("assets/style.css")),
        changes_link=changes_link,
    )
    return html.encode("utf-8")


def _group_items(rows: list[Row]) -> list[dict[str, object]]:
    """Consecutive list items become one list, so the page keeps the summary's bullets."""
    grouped: list[dict[str, object]] = []
    for row in rows:
        if row.kind == "item" and grouped and grouped[-1]["kind"] == "list":
            items = grouped[-1]["items"]
            assert isinstance(items, list)
            items.append(row)
        elif row.kind == "item":
            grouped.append({"kind": "list", "items": [row]})
        else:
            grouped.append({"kind": row.kind, "row": row})
    return grouped


def write_review_pages(outcome: Outcome, config: Config, folder: Path, templates: TemplateSet,
                       changes_links: dict[str, str] | None = None) -> list[Path]:
    """Write <folder>/<id>.html for every review checked in `outcome` (`plainsum report` uses
    output/report/reviews/); return the files written. Each page links to the report's overview
    (<folder>/../index.html) and to the review's built documents, where a build has written them.
    `changes_links` maps review ids to the page of what changed since the published version."""
    import os

    from plainsum.build.writer import safe_output_path, write_atomic

    by_review: dict[str, list[DocumentResult]] = {}
    for result in outcome.results:
        if result.document.review is not None:
            by_review.setdefault(result.document.review.id, []).append(result)
    written = []
    for review_id, results in sorted(by_review.items()):
        links = {"Readability report: all reviews": "../index.html"}
        for kind, label in (("summary", "Plain language summary"), ("abstract", "Abstract")):
            built = config.output_dir / review_id / f"{kind}.html"
            if built.is_file():
                links[label] = Path(os.path.relpath(built, folder)).as_posix()
        target = safe_output_path(folder, f"{review_id}.html")
        link = (changes_links or {}).get(review_id)
        write_atomic(target, review_page(results, config, templates, links, link), folder)
        written.append(target)
    return written
