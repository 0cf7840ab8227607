"""Checks of Cochrane's 2021 plain language summary rules, for reviews that use the
`cochrane-2021` layout: the headings in order, 2 or 3 key messages, 400 to 850 words, and a
plain title without a full stop. Free text (no review) is not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from plainsum.checks.context import option
from plainsum.checks.registry import Flag, registry
from plainsum.render.markup import blocks
from plainsum.words.numbers import plural

if TYPE_CHECKING:
    from plainsum.checks.context import CheckContext
    from plainsum.readability.score import Scored

LAYOUT = "cochrane-2021"
# (label shown to the author, pattern the heading must match), in the required order
HEADINGS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Key messages", re.compile(r"^Key messages:?$", re.I)),
    ("What is/are ...? (about the condition or treatment)", re.compile(r"^What (?:is|are) .+\?$", re.I)),
    ("What did we want to find out?", re.compile(r"^What did we want to find out\?$", re.I)),
    ("What did we do?", re.compile(r"^What did we do\?$", re.I)),
    ("What did we find?", re.compile(r"^What did we find\?$", re.I)),
    ("What are the limitations of the evidence?", re.compile(r"^What are the limitations of the evidence\?$", re.I)),
    ("How up to date is this evidence?", re.compile(r"^How up to date is this evidence\?$", re.I)),
)


def _review_2021(scored: Scored) -> Any:
    review = scored.document.review
    if review is None or review.layout.name != LAYOUT:
        return None
    return review


@registry.register(
    "cochrane.headings",
    description="A cochrane-2021 lay summary has its seven headings, in order: Key messages, What is ...?, "
    "What did we want to find out?, What did we do?, What did we find?, What are the limitations of the "
    "evidence?, How up to date is this evidence?",
)
def headings(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    if _review_2021(scored) is None:
        return
    found = [(block.text.strip(), block.start) for block in blocks(scored.document.body) if block.kind == "heading"]
    position = 0  # the first heading not yet matched to a place in the template
    previous: str | None = None
    for index, (label, _) in enumerate(HEADINGS):
        short = label.split(" (")[0]
        at = next((i for i in range(position, len(found)) if _fits(index, found[i][0])), None)
        if at is not None:
            position = at + 1
        else:
            earlier = next((i for i in range(position) if _fits(index, found[i][0])), None)
            here = found[position] if position < len(found) else None
            if earlier is not None:
                yield Flag(f"heading '{found[earlier][0]}' is out of order (it should come after '{previous}')",
                           found[earlier][1], None, "put the headings in the order of the 2021 template")
            elif here is not None and not any(_fits(j, here[0]) for j in range(len(HEADINGS))):
                # a heading where this one belongs that is none of the template's: one mismatch, not a cascade
                yield Flag(f"heading '{here[0]}' is not the expected '{label}'" + (f" (after '{previous}')" if previous else ""),
                           here[1], None, _advice(index, here[0]))
                position += 1
            else:
                near = found[min(position, len(found) - 1)][1] if found else None
                yield Flag(f"missing heading: '{label}'" + (f" (expected after '{previous}')" if previous else ""),
                           near, None, _advice(index, None))
        previous = short


def _fits(index: int, text: str) -> bool:
    """Whether a heading is the template's heading number `index` (the tailored "What is ...?" one
    is none of the fixed questions, though "What are the limitations ...?" matches its pattern)."""
    label, pattern = HEADINGS[index]
    if not pattern.match(text):
        return False
    return "..." not in label or not any(p.match(text) for other, p in HEADINGS if "..." not in other)


def _advice(index: int, written: str | None) -> str:
    label, pattern = HEADINGS[index]
    if written is not None and pattern.match(written.rstrip(" .:") + "?"):
        return f"end the heading with a question mark: '{written.rstrip(' .:')}?'"
    if "..." in label:
        return "the heading after Key messages must be a question such as 'What is asthma?'"
    return f"write the heading '{label}'"


@dataclass(frozen=True)
class KeyMessagesOptions:
    min_messages: int = option(2, "The fewest key messages a cochrane-2021 lay summary has.")
    max_messages: int = option(3, "The most key messages a cochrane-2021 lay summary has.")


@dataclass(frozen=True)
class LengthOptions:
    min_words: float = option(400, "The fewest words of a cochrane-2021 lay summary.")
    max_words: float = option(850, "The most words of a cochrane-2021 lay summary.")


@registry.register(
    "cochrane.key-messages",
    description="A cochrane-2021 lay summary has min_messages to max_messages key messages (2 to 3).",
    options=KeyMessagesOptions,
)
def key_messages(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    review = _review_2021(scored)
    if review is None:
        return
    options = context.options("cochrane.key-messages", KeyMessagesOptions)
    low, high = options.min_messages, options.max_messages
    messages = review.summary.get("key_messages") or []
    count = len(messages)
    if low <= count <= high:
        return
    spans = [span for span in scored.document.spans if span.prose.key.startswith("summary.key_messages.")]
    offset = spans[0].start if spans else None
    advice = "merge or drop the less important ones" if count > high else "add the main finding as a key message"
    yield Flag(f"{count} key messages; the 2021 template asks for {low} to {high}", offset, None, advice)


@registry.register(
    "cochrane.length",
    description="A cochrane-2021 lay summary has min_words to max_words words (400 to 850).",
    options=LengthOptions,
)
def length(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    if _review_2021(scored) is None:
        return
    options = context.options("cochrane.length", LengthOptions)
    low, high = options.min_words, options.max_words
    words = scored.figures.get("words")
    if words is None:
        from plainsum.checks.plain import words_in

        words = sum(words_in(sentence.text) for sentence in scored.sentences)
    if words < low:
        yield Flag(f"{plural(words, 'word')}, fewer than the {low:g} the 2021 template asks for", None, None,
                   "say more about what was done and found")
    elif words > high:
        yield Flag(f"{plural(words, 'word')}, more than the {high:g} the 2021 template allows", None, None,
                   "cut detail that readers do not need to understand the findings")


@registry.register(
    "cochrane.title",
    description="The plain title of a review's lay summary does not end with a full stop.",
)
def title(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    review = scored.document.review
    if review is None:
        return
    text = review.rendered.get(review.plain_title.key, "").strip()
    if text.endswith("."):
        line, column = review.plain_title.locate(len(review.plain_title.template.rstrip()) - 1)
        yield Flag(f"the plain title ends with a full stop (plain_title, line {line}, column {column})",
                   None, text, f"drop the full stop: \"{text.rstrip('.').rstrip()}\"")
