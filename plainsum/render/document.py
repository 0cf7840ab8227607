"""Render a review into its two documents, as Markdown that every output format starts from.

Structure templates (templates/abstract/<kind>.md.j2, templates/summary/<layout>.md.j2)
decide which sections appear and under which headings. Each piece of author prose is
inserted wrapped in private-use markers, so after rendering we know which span of the
document came from which YAML field, and can point a finding at its line and column.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from types import SimpleNamespace

from jinja2 import TemplateError

from plainsum.content.model import Prose, Review, Section
from plainsum.content.sourcemap import LineIndex, rendered_to_template
from plainsum.errors import InputError, Problem
from plainsum.render.templates import TemplateSet, template_display

OPEN, ID_END, CLOSE = "\ue000", "\ue001", "\ue002"
# the text up to the first CLOSE (a class of every other character: .*? tried CLOSE at each character, ten times slower)
MARKED = re.compile(OPEN + r"(\d+)" + ID_END + "([^" + CLOSE + "]*)" + CLOSE)
# A figure's place, put by a structure template with figure("name", "result_id", ...); each format
# draws the figure there (plainsum.document_formats.visuals). The body keeps no trace of it.
FIGURE_OPEN, FIGURE_CLOSE = "\ue003", "\ue004"
FIGURE = re.compile(FIGURE_OPEN + r"([a-z][a-z0-9-]*)((?::[a-z_][a-z0-9_]*)*)" + FIGURE_CLOSE + r"(\n\n|\n?$)")
DOCUMENT_KINDS = ("abstract", "summary")


@dataclass
class Span:
    """A stretch of the document body written by the author in one YAML field."""

    start: int
    end: int
    prose: Prose
    rendered: str

    @cached_property
    def template_offset(self) -> Callable[[int], int]:
        """Offset in the rendered field -> offset in the author's template text, as written."""
        template = self.prose.template
        to_template = rendered_to_template(template.strip(), self.rendered)
        leading = len(template) - len(template.lstrip())  # the template was stripped before rendering
        return lambda offset: to_template(offset) + leading

    def __getstate__(self) -> dict[str, object]:
        """Pickled without the mapping made when first located (a function): `check --jobs N`
        sends documents back from its workers, and the mapping is made again when asked."""
        state = dict(self.__dict__)
        state.pop("template_offset", None)
        return state


@dataclass(frozen=True)
class Figure:
    """A figure placed by the structure template: where in the body, which, for which results."""

    offset: int
    name: str
    ids: tuple[str, ...] = ()


def figure_anchor(name: str, *ids: str) -> str:
    """What figure("summary-of-findings") or figure("icon-array", "total_mortality") puts in a structure template."""
    return FIGURE_OPEN + name + "".join(f":{result_id}" for result_id in ids) + FIGURE_CLOSE


def _figures(body: str, spans: list[Span]) -> tuple[str, list[Span], list[Figure]]:
    """Take the figure anchors (each a paragraph of its own once tidied) out of the body."""
    if FIGURE_OPEN not in body:
        return body, spans, []
    figures: list[Figure] = []
    pieces: list[str] = []
    removed: list[tuple[int, int]] = []
    cursor = 0
    shift = 0
    for match in FIGURE.finditer(body):
        pieces.append(body[cursor : match.start()])
        figures.append(Figure(match.start() - shift, match.group(1), tuple(filter(None, match.group(2).split(":")))))
        removed.append((match.start(), match.end()))
        shift += match.end() - match.start()
        cursor = match.end()
    pieces.append(body[cursor:])

    def moved(offset: int) -> int:
        return offset - sum(end - start for start, end in removed if end <= offset)

    text = "".join(pieces)
    return (text if text.endswith("\n") else text + "\n"), [Span(moved(s.start), moved(s.end), s.prose, s.rendered) for s in spans], figures


@dataclass
class Location:
    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass
class Document:
    """A rendered document. `review` is None for free text scored on its own (plainsum score)."""

    review: Review | None
    kind: str  # "abstract" or "summary"
    title: str
    body: str  # Markdown; its headings start at level 2
    spans: list[Span]
    template_name: str
    template_path: Path | None
    draft: bool = False
    extras: dict[str, object] = field(default_factory=dict)
    text_path: str = "-"  # for free text: the file it was read from
    figures: list[Figure] = field(default_factory=list)  # in body order

    @property
    def name(self) -> str:
        """"<review id>/<kind>", or "<review id>/<language>/<kind>" for a translation."""
        if self.review is None:
            return self.text_path
        if self.review.translation is not None:
            return f"{self.review.id}/{self.review.language}/{self.kind}"
        return f"{self.review.id}/{self.kind}"

    @property
    def language(self) -> str:
        return self.review.language if self.review is not None else "en"

    @property
    def source_path(self) -> str:
        return self.review.source.display if self.review is not None else self.text_path

    @cached_property
    def _body_lines(self) -> LineIndex:
        """The body's lines, indexed once (a text of 10,000 lines has as many findings to place)."""
        return LineIndex(self.body)

    def locate(self, offset: int, text_hint: str = "") -> Location:
        """Where the text at `offset` of the body was written: a YAML field, the template, or the text file."""
        if self.review is None:
            line, column = self._body_lines.line_column(offset)
            return Location(self.text_path, line, column)
        for span in self.spans:
            if span.start <= offset < span.end:
                line, column = span.prose.locate(span.template_offset(offset - span.start))
                return Location(self.review.source.display, line, column)
        if self.template_path is not None and text_hint:
            found = _find_in_template(self.template_path, text_hint)
            if found is not None:
                return found
        return Location(self.review.source.display, 1, 1)


@lru_cache(maxsize=64)
def _template_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _find_in_template(path: Path, text: str) -> Location | None:
    words = re.findall(r"[A-Za-z']+", text)[:4]
    if not words:
        return None
    source = _template_text(path)
    match = re.search(r"\W+".join(map(re.escape, words)), source)
    if not match:
        return None
    before = source[: match.start()]
    return Location(template_display(path), before.count("\n") + 1, match.start() - (before.rfind("\n") + 1) + 1)


class _Marker:
    """Hands out marked strings for prose and remembers which id is which field."""

    def __init__(self, review: Review):
        self.review = review
        self.by_id: list[Prose] = []

    def mark(self, prose: Prose | None) -> str:
        if prose is None:
            return ""
        self.by_id.append(prose)
        return f"{OPEN}{len(self.by_id) - 1}{ID_END}{self.review.rendered[prose.key]}{CLOSE}"


def _context(review: Review, marker: _Marker) -> dict[str, object]:
    def section_view(section: Section) -> SimpleNamespace:
        return SimpleNamespace(
            key=section.key,
            heading=section.heading,
            technical=marker.mark(section.technical),
            plain=marker.mark(section.plain),
            extra=section.extra,
        )

    section_views = [section_view(section) for section in review.sections]
    summary: dict[str, object] = {}
    for key, part in review.summary.items():
        summary[key] = [marker.mark(p) for p in part] if isinstance(part, list) else marker.mark(part)
    return {
        "review": SimpleNamespace(
            id=review.id,
            kind=review.kind.name,
            layout=review.layout.name,
            title=review.title,
            plain_title=review.rendered[review.plain_title.key],
            doi=review.doi,
            language=review.language,
            authors=list(review.authors),
            citation=review.citation,
            version=review.version.view(),
            update_of=review.version.update_sentence(),
        ),
        # what changed since the earlier version, when one is known (plainsum.content.changes)
        "changes": _changes_view(review),
        "facts": SimpleNamespace(**review.facts),
        "sections": {view.key: view for view in section_views if not view.extra},
        "section_list": section_views,
        "extra_sections": [view for view in section_views if view.extra],
        "summary": SimpleNamespace(**summary),
        "references": list(review.references),
        "results": list(review.facts.get("results", {}).values()),
        "figure": figure_anchor,
    }


def _changes_view(review: Review) -> SimpleNamespace | None:
    from plainsum.content.changes import changes_of

    changes = changes_of(review)
    return changes.view() if changes else None


def _unmark(text: str, marker: _Marker) -> tuple[str, list[Span]]:
    spans: list[Span] = []
    pieces: list[str] = []
    length = 0
    cursor = 0
    for match in MARKED.finditer(text):
        plain = text[cursor : match.start()]
        pieces.append(plain)
        length += len(plain)
        content = match.group(2)
        prose = marker.by_id[int(match.group(1))]
        spans.append(Span(length, length + len(content), prose, content))
        pieces.append(content)
        length += len(content)
        cursor = match.end()
    pieces.append(text[cursor:])
    return "".join(pieces), spans


def _tidy(text: str, spans: list[Span]) -> tuple[str, list[Span]]:
    """Fold runs of blank lines and trim the ends, keeping spans aligned."""
    removed: list[tuple[int, int]] = []  # [start, end) ranges of text dropped
    lead = len(text) - len(text.lstrip())
    if lead:
        removed.append((0, lead))
    for match in re.finditer(r"\n[ \t]*\n(?:[ \t]*\n)+", text):
        removed.append((match.start() + 2, match.end()))
    tail = len(text.rstrip())
    if tail < len(text):
        removed.append((max(tail, lead), len(text)))
    if not removed:
        return text + "\n", spans
    pieces: list[str] = []
    cursor = 0
    for start, end in removed:
        if start > cursor:
            pieces.append(text[cursor:start])
        cursor = max(cursor, end)
    pieces.append(text[cursor:])

    def moved(offset: int) -> int:
        shift = 0
        for start, end in removed:
            if offset >= end:
                shift += end - start
            elif offset > start:
                shift += offset - start
        return offset - shift

    tidied = [Span(moved(span.start), moved(span.end), span.prose, span.rendered) for span in spans]
    return "".join(pieces) + "\n", tidied


def render_document(review: Review, kind: str, templates: TemplateSet) -> Document:
    if kind == "abstract":
        template_name = review.kind.abstract_template
        title = review.title
    else:
        template_name = review.layout.template
        title = review.rendered[review.plain_title.key]
    marker = _Marker(review)
    try:
        template = templates.env_for(review.language).get_template(template_name)
        raw = template.render(_context(review, marker))
    except TemplateError as exc:
        raise InputError([templates.problem(exc, f"the {kind} of {review.id}")]) from None
    except (ArithmeticError, ValueError, TypeError, LookupError, AttributeError) as exc:
        # what a project's template override does wrong ({{ x % 0 }}, a number of 50,000 digits), at its line
        raise InputError([templates.problem(TemplateError(f"{type(exc).__name__}: {str(exc)[:200]}"),
                                            f"the {kind} of {review.id}")]) from None
    except NameError as exc:  # Jinja compiles a constant it cannot write back ({% if 1e999 %} -> inf) in an override
        raise InputError([templates.problem(TemplateError(f"a constant Jinja cannot compile: {exc}"),
                                            f"the {kind} of {review.id}")]) from None
    except RecursionError:  # a template override that nests its tags or expressions too deeply to parse
        path = templates.find(template_name)
        raise InputError([templates.problem(TemplateError(f"{template_name} nests too deeply"), f"the {kind} of {review.id}")
                          if path is None else Problem(template_display(path), 1, 1,
                                                       f"cannot render the {kind} of {review.id}: the template nests too deeply")]) from None
    body, spans = _unmark(raw, marker)
    body, spans = _tidy(body, spans)
    body, spans, figures = _figures(body, spans)
    return Document(review, kind, title, body, spans, template_name, templates.find(template_name), figures=figures)


def text_document(text: str, path: str = "-", kind: str = "summary") -> Document:
    """Free Markdown or plain text as a document of its own, for scoring and for check tests."""
    return Document(None, kind, "", text, [], "", None, text_path=path)


def render_documents(review: Review, templates: TemplateSet) -> list[Document]:
    """The review's documents; a translated review has only its lay summary (abstracts are not translated)."""
    kinds = ("summary",) if review.translation is not None else DOCUMENT_KINDS
    return [render_document(review, kind, templates) for kind in kinds]
