"""results.stale: a value of the earlier version still written by hand in the lay summary.

Once the earlier version of a review is known (what the last build published, see
plainsum/content/published.py), every fact or result figure that changed since is looked for in
the text the author wrote by hand: a number or date typed into a sentence does not follow the
data, so "We found 15 studies" left behind after the studies became 17 is an error. Values that
come from the data through {{ expressions }} are up to date by construction and are not looked at.
`handwritten` is shared with `plainsum diff`, whose re-check list asks the same question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from plainsum.checks.registry import Flag, registry, review_having
from plainsum.content.sourcemap import JINJA_TAG
from plainsum.words.numbers import WRITTEN_DATE, written_date

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from plainsum.checks.context import CheckContext
    from plainsum.readability.score import Scored, Sentence
    from plainsum.render.document import Document

DOTTED_NAME = re.compile(r"(?<![\w.'\"])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)")

@dataclass(frozen=True)
class Handwritten:
    """A sentence as its author wrote it: the template text with its expressions taken out, and
    the names those expressions use ("included_trials", "results.stroke.plain")."""

    text: str
    names: frozenset[str]
    template: str

    @property
    def has_words(self) -> bool:
        return re.search(r"[A-Za-z]{2}", self.text) is not None


def handwritten(document: Document, sentence: Sentence) -> Handwritten | None:
    """The author's template text of `sentence`, or None when no author field wrote it (template text)."""
    for span in document.spans:
        if span.start <= sentence.offset < span.end:
            break
    else:
        return None
    to_template = span.template_offset
    start = sentence.offset - span.start
    end = min(start + len(sentence.text), span.end - span.start)
    template = span.prose.template
    first = to_template(start)
    last = to_template(max(start, end - 1))
    tag = JINJA_TAG.match(template, last)
    stop = tag.end() if tag else last + 1
    piece = template[first:stop]
    names: set[str] = set()
    for expression in JINJA_TAG.finditer(piece):
        body = expression.group(0)[2:-2].split("|", 1)[0]
        names.update(DOTTED_NAME.findall(body))
    return Handwritten(JINJA_TAG.sub(" ", piece), frozenset(names), piece)


def value_pattern(values: list[str]) -> re.Pattern[str]:
    """Any of `values` as a whole word or number (15 is not found in 150 or 1.5)."""
    alternatives = "|".join(re.escape(value) for value in sorted(values, key=len, reverse=True))
    return re.compile(r"(?<![\w.,/-])(?:" + alternatives + r")(?![\w]|[.,]\d)")


def _tells_history(found: str, fact: str | None, text: str, review: object) -> bool:
    """A sentence that gives the current value of the fact `fact` too tells its history ("update searches
    were run in August 2015 and August 2016"): the earlier value is not left behind there."""
    from plainsum.content.changes import fact_forms

    if fact is None:
        return False
    value = getattr(review, "facts", {}).get(fact)
    # as a whole number: "5" is not told by "2545"
    return value is not None and any(form != found and value_pattern([form]).search(text) for form in fact_forms(value))


# What a typed number measures when it is no count of studies or people: a time or a dose ("at 12
# weeks", "longer than 12 weeks"), a percentage or a number of times, a difference on a scale or an
# interval's bound ("12 points", "ranging from 12 better to 0.3 worse"), or a point in time
# ("week 12", "day 12"). Such a number is not the earlier value of a count fact, whatever it equals.
_MEASURE_AFTER = re.compile(r"\s*(?:points?\b|(?:better|worse|higher|lower|greater|smaller|more|fewer|less)\b(?!\s+\w+\s+"
                            r"(?:studies|trials|people|participants)\b)(?!\s+(?:studies|trials|people|participants)\b))", re.I)
_MEASURE_BEFORE = re.compile(r"\b(?:weeks?|months?|days?|years?|hours?|visits?|sessions?|cycles?|doses?|grade|stage|level|"
                             r"phase|version|aged?|scale\s+of|score\s+of)\s*$", re.I)


def counts_other(text: str, start: int, end: int) -> bool:
    """Whether the number typed at `start`-`end` of `text` measures something other than a count of
    studies or people (a time, a dose, a percentage, points, a difference or an interval's bound)."""
    from plainsum.checks.numbers import UNIT, number_kind

    if number_kind(text, end) in ("studies", "people"):
        return False
    return (UNIT.match(text[end:]) is not None or number_kind(text, end) in ("percent", "ratio")
            or _MEASURE_AFTER.match(text, end) is not None or _MEASURE_BEFORE.search(text, 0, start) is not None)


# A count a clause restricts: studies or people said to have some property, as the subject of their own verb ("two
# trials had substantial amounts of missing data", "Three studies reported pain", "six trials were at high risk of
# bias"), or a part of a whole ("in four of the 23 studies"). It counts the studies with that property, a subset, not
# the review's studies; a count of the review's totals stays one ("We included two trials", "two trials with 300
# people", "Ten trials were found", "Two trials had 300 people"; who took part, "Twelve studies recruited adults", is
# not read as a property).
_CLAUSE_OPEN = re.compile(r"(?:^|[,;:(]|\b(?:and|but|while|whereas|although|though|however|that))\s*(?:(?:only|just)\s+)?$", re.I)
_RESTRICTED_VERB = re.compile(
    r"\s+(?:(?:also|all|mostly|only|each|then|further)\s+)?(?:had|has|have|reported|report|showed|show|found|find|measured|"
    r"used|use|were|was|are|did|gave|looked|assessed|compared|tested|lasted|took)\b"
    r"(?!(?:\s+[\w-]+){0,3}?\s+(?:included|identified|found|eligible|selected|reviewed|analy[sz]ed|added|located|"
    r"retrieved|randomi[sz]ed|pooled|combined)\b)(?!(?:\s+[\w-]+){0,3}?\s+(?:a\s+total\s+of\s+)?[\d,]+\b)", re.I)


@cache
def _counted_noun() -> re.Pattern[str]:
    """The noun of studies or people after a count ("two trials", "12 randomised trials"), as numbers.py reads it."""
    from plainsum.checks.numbers import _FILLER, PEOPLE_NOUN, STUDY_NOUN

    return re.compile(rf"\s+{_FILLER}(?:{STUDY_NOUN}|{PEOPLE_NOUN})\b", re.I)


def restricted(text: str, start: int, end: int) -> bool:
    """Whether the count typed at `start`-`end` of `text` counts the studies or people of a clause's property (a
    subset), not all of them: the subject of its own verb at the opening of a clause, or a part of a whole."""
    from plainsum.checks.numbers import SUBSET

    if SUBSET.match(text, end) is not None:
        return True  # "in four of the 23 studies"
    noun = _counted_noun().match(text, end)
    return noun is not None and _RESTRICTED_VERB.match(text, noun.end()) is not None and \
        _CLAUSE_OPEN.search(text, max(0, start - 30), start) is not None


def _count_fact(fact: str | None, review: object) -> bool:
    """Whether a stale value is the earlier value of the fact `fact` and that fact counts (studies, participants)."""
    previous = getattr(getattr(review, "previous", None), "facts", {})
    value = previous.get(fact) if fact is not None else None
    return isinstance(value, int) and not isinstance(value, bool)


def _typed_values(scored: Scored, values: list[str],
                  skip: Callable[[str, int, int, str], bool] | None = None) -> Iterator[tuple[Any, Any, str, str, int]]:
    """(sentence, its hand-written text, the text typed, the value it is, where it ends in the
    hand-written text) for each of `values` typed by hand in a sentence, once a sentence; in words
    too ("We found seven studies"), where the words count studies or people in a sentence that gives
    the review's totals. `skip(text, start, end, value)` passes over an occurrence that is no such
    value ("at 12 weeks"), and a later one in the sentence is still looked at."""
    from plainsum.checks.numbers import NUMBER_WORDS, number_kind, states_total
    from plainsum.words.numbers import word_value

    if not values:
        return
    pattern = value_pattern(values)
    wanted = set(values)
    for sentence in scored.sentences:
        hand = handwritten(scored.document, sentence)
        if hand is None:
            continue
        seen: set[str] = set()
        for match in pattern.finditer(hand.text):
            if skip is not None and skip(hand.text, match.start(), match.end(), match.group(0)):
                continue
            if match.group(0) not in seen:
                seen.add(match.group(0))
                yield sentence, hand, match.group(0), match.group(0), match.end()
        for match in WRITTEN_DATE.finditer(hand.text):  # a date in another order or with an ordinal
            value = written_date(match)
            if value in wanted and value not in seen:
                seen.add(value)
                yield sentence, hand, match.group(0), value, match.end()
        if not states_total(hand.text):
            continue  # a count in words outside the review's totals is as often a subset ("Thirteen studies compared")
        for match in NUMBER_WORDS.finditer(hand.text):
            value = str(word_value(match.group(0)))
            if skip is not None and value in wanted and skip(hand.text, match.start(), match.end(), value):
                continue
            if value in wanted and value not in seen and number_kind(hand.text, match.end()) in ("studies", "people"):
                seen.add(value)
                yield sentence, hand, match.group(0), value, match.end()


@registry.register(
    "results.stale",
    description="A value of the earlier version (a changed fact or result figure) is still written by hand in the lay summary",
)
def stale(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    review = review_having(scored, "previous")
    if review is None:
        return
    from plainsum.content.changes import Stale, changes_of, stale_or_current, stale_values

    changes = changes_of(review)
    values = stale_values(review.previous, review, changes)
    # a count that was the review's total and is now only some result's count, typed where the
    # sentence states the review's totals ("We identified four trials with a total of ..."): the total
    totals = {form: Stale(either.was, f"write {{{{ {either.fact} }}}}, so the sentence follows the data ({form} is now "
                                      f"{either.now} only, not the review's total)", either.fact)
              for form, either in stale_or_current(review.previous, review, changes).items() if either.now.startswith("a figure of")}

    def other(text: str, start: int, end: int, value: str) -> bool:  # "at 12 weeks", "12% more": not the earlier count
        fact = (values.get(value) or totals[value]).fact
        return _count_fact(fact, review) and (counts_other(text, start, end) or restricted(text, start, end)
                                              or _parts_of_now(text, fact, review))

    for sentence, hand, found, value, end in _typed_values(scored, [*values, *totals], other):
        if value in totals and value not in values:
            if not _total_of_fact(hand.text, end, totals[value].fact):
                continue
            values[value] = totals[value]
        if _tells_history(value, values[value].fact, hand.text, review):
            continue
        at = sentence.text.find(found)
        yield Flag(
            f"'{found}' is from the earlier version: {values[value].what}",
            offset=sentence.offset + max(at, 0),
            sentence=sentence.text,
            suggestion=values[value].suggestion,
        )


def _parts_of_now(text: str, fact: str | None, review: Any) -> bool:
    """Whether the sentence's counts of what the fact `fact` counts add up to its value now: "Seven studies
    recruited people with hip fracture and one involved people with cancer" when the review has 8 studies
    (parts of the total of now, one of which the earlier total happens to equal)."""
    from plainsum.checks.numbers import _numbers, counted_kinds, fact_kind

    now = getattr(review, "facts", {}).get(fact) if fact is not None else None
    if not isinstance(now, int) or isinstance(now, bool) or fact is None:
        return False
    kind = fact_kind(fact) or "people"
    counts = [int(value) for start, end, value, _ in _numbers(text) if value.isdigit() and kind in counted_kinds(text, start, end)]
    if kind == "studies":  # "... and one involved people with cancer": 'one' before a study's verb, which _numbers leaves
        counts += [1 for _ in _ONE_STUDY_DID.finditer(text)]
    return len(counts) >= 2 and sum(counts) == now


_ONE_STUDY_DID = re.compile(r"\b(?:one|another)\s+(?:compared|recruited|enrolled|randomi[sz]ed|involved|evaluated|investigated|"
                            r"tested|included|studied|assessed|examined)\b", re.I)


# The whole a part is taken of ("in four of the 26 studies", "Nineteen of the 28 trials acknowledged ..."): all the
# review's studies, unless a participle or a relative clause restricts it ("four of the five trials providing data",
# "two of the three studies that reported pain"); 100 such wholes in 88 corpus summaries
_WHOLE_START = re.compile(r"[\w,.-]+$")
_RESTRICTED_WHOLE = re.compile(r"\s+(?:\w+ing|that|which|who|whose|where|in|on|of|with|for|about)\b", re.I)


def _whole_of_part(text: str, end: int) -> bool:
    """Whether the count ending at `end` is the whole of a part ("four of the 26 studies") that no clause restricts."""
    from plainsum.checks.numbers import WHOLE_BEFORE

    start = _WHOLE_START.search(text, 0, end)
    noun = _counted_noun().match(text, end)
    return start is not None and noun is not None and WHOLE_BEFORE.search(text, max(0, start.start() - 40), start.start()) is not None \
        and _RESTRICTED_WHOLE.match(text, noun.end()) is None


def _total_of_fact(text: str, end: int, fact: str | None) -> bool:
    """Whether the count ending at `end` is typed where the sentence states the review's totals, or is the whole of a
    part of the studies ("four of the 26 studies"), and counts what the fact named `fact` ("included_studies") counts:
    studies, or people."""
    from plainsum.checks.numbers import fact_kind, number_kind, states_total

    if fact is None or not (states_total(text) or _whole_of_part(text, end)):
        return False
    kind = fact_kind(fact)
    return kind is not None and number_kind(text, end) == kind


@registry.register(
    "results.stale-maybe",
    description="A value written by hand that is an earlier value of one fact and the current value of another: "
    "it may be stale, or it may mean the other fact; a warning that names both",
    severity="warning",
)
def stale_maybe(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    review = review_having(scored, "previous")
    if review is None:
        return
    from plainsum.content.changes import changes_of, stale_or_current

    values = stale_or_current(review.previous, review, changes_of(review))
    if not values:
        return
    for sentence, hand, found, value, end in _typed_values(scored, list(values),
                                                           lambda t, s, e, _v: counts_other(t, s, e) or restricted(t, s, e)):
        either = values[value]
        if either.now.startswith("a figure of") and _total_of_fact(hand.text, end, either.fact):
            continue  # the review's total, stale: results.stale's error
        at = sentence.text.find(found)
        yield Flag(f"'{found}' may be from the earlier version: it was {either.was}; it is also {either.now}",
                   offset=sentence.offset + max(at, 0), sentence=sentence.text,
                   suggestion="write the value from the data ({{ name }}), so the sentence says which it is")
