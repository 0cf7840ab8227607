"""Unfinished work: the TODO markers that `plainsum new` writes, and that an author leaves.

A review file started with `plainsum new` is valid as written, so it checks and builds; each
placeholder says TODO, and this check makes every one left an error of the gate, at its line and
column, until the author has replaced it. A TODO in the text a document prints is reported for
that document; one anywhere else in the file (a comment, a fact, a result) for the abstract.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from plainsum.checks.registry import Flag, registry
from plainsum.content.sourcemap import LineIndex
from plainsum.render.document import Location

if TYPE_CHECKING:
    from plainsum.checks.context import CheckContext
    from plainsum.readability.score import Scored

MARKER = re.compile(r"\bTODO\b")


@registry.register(
    "content.unfinished",
    description="No TODO is left in the review file: the placeholders of `plainsum new` and notes an author left.",
    documents=("summary", "abstract"),
)
def unfinished(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    document = scored.document
    review = document.review
    if review is None:
        return
    for span in document.spans:
        if "TODO" not in span.rendered:  # a substring test is ~27x cheaper than the regex, and nearly every span has none
            continue
        for match in MARKER.finditer(span.rendered):
            yield Flag(f"unfinished: {_what(span.rendered, match.start())}", span.start + match.start(), None,
                       "write the text this placeholder asks for")
    if document.kind != "abstract":
        title = review.plain_title  # the lay summary's title is not in its body
        found = MARKER.search(title.template)
        if found is not None:
            line, column = title.locate(found.start())
            yield Flag(f"unfinished: {_what(title.template, found.start())}", None, None,
                       "write the text this placeholder asks for", Location(review.source.display, line, column))
        return
    text = review.source.text
    if "TODO" not in text:  # every prose field's template is part of the file's text
        return
    prose = [(p.node.start_index, p.node.end_index) for p in review.all_prose()]
    index = LineIndex(text)
    for match in MARKER.finditer(text):
        if any(start <= match.start() < end for start, end in prose):
            continue  # in prose: reported where a document prints it, or below
        line, column = index.line_column(match.start())
        yield Flag(f"unfinished: {_what(text, match.start())}", None, None, "do what the TODO asks, then delete it",
                   Location(review.source.display, line, column))
    printed = {span.prose.key for span in document.spans}
    for prose_field in review.all_prose():
        found = MARKER.search(prose_field.template)
        if found is None or prose_field.key in printed or _lay_field(prose_field.key):
            continue  # printed (reported above), or the lay summary's (reported with it)
        line, column = prose_field.locate(found.start())
        yield Flag(f"unfinished: {_what(prose_field.template, found.start())}", None, None,
                   "write the text this placeholder asks for", Location(review.source.display, line, column))


def _lay_field(key: str) -> bool:
    return key.startswith("summary.") or key == "plain_title" or key.endswith(".plain")


def _what(text: str, start: int) -> str:
    """The placeholder's words, up to the end of its line or sentence."""
    rest = text[start:].split("\n", 1)[0].split("  #", 1)[0]
    end = re.search(r"(?<=[.?!])\s", rest)
    words = (rest[: end.start()] if end else rest).strip()
    return words if len(words) <= 120 else words[:117] + "..."


@registry.register(
    "results.size-unset",
    description="Each result states the size of its effect (`size`), which is the authors' judgement: until it "
    "does, its GRADE statement is worded without size words. A RevMan import lists the outcomes to choose.",
    documents=("abstract",),
    severity="warning",
)
def size_unset(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    review = scored.document.review
    if review is None:
        return
    for result in review.results:
        if result.size is None:
            yield Flag(f"result '{result.id}' ({result.outcome.technical}) has no 'size': choose large, moderate, small "
                       "or little or no difference", None, None,
                       f"add `size:` to the result; until then it reads \"{_statement(review, result.id)}\"",
                       Location(review.source.display, result.line, result.column))


def _statement(review: object, result_id: str) -> str:
    views = getattr(review, "facts", {}).get("results", {})
    view = views.get(result_id)
    return str(view.plain) if view is not None else ""
