"""Numbers in a lay summary, in digits or in words, held against what the review's data states.

A number may be one the abstract, the facts or the results state, or one derived from them: the
risks and differences per 1000 of an absolute effect (as printed, rounded), and proportions
("two in three", "half", "1 in 10") that a risk or a ratio of two counts rounds to.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from plainsum.checks.plain import NUMBER, NUMBER_WORD_SUFFIX, Mark, _mark, known_numbers, normalise_number

if TYPE_CHECKING:
    from plainsum.config.settings import Config
    from plainsum.readability.score import Scored

# A summary imported as it was published (plainsum import) is a record, not a draft: its numbers come
# from the full review, which plainsum does not hold ("only three trials since 2000").
PUBLISHED_AS_IS = ("as-published",)
UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000}
FRACTIONS = {"half": Fraction(1, 2), "a third": Fraction(1, 3), "one third": Fraction(1, 3), "a quarter": Fraction(1, 4),
             "one quarter": Fraction(1, 4), "two thirds": Fraction(2, 3), "three quarters": Fraction(3, 4),
             "a fifth": Fraction(1, 5), "one fifth": Fraction(1, 5), "a tenth": Fraction(1, 10), "one tenth": Fraction(1, 10)}
FRACTION_TOLERANCE = 0.1  # "half" for 44% to 56%, "a fifth" for 17% to 23%: a proportion in words is rounded

_WORD = "|".join(sorted([*UNITS, *TEENS, *TENS], key=len, reverse=True))
# "seventeen", "twenty-one", "a hundred", "two hundred", "one thousand"
NUMBER_WORDS = re.compile(
    rf"(?<![\w-])(?:(?:{_WORD})(?:[- ](?:{'|'.join(UNITS)}))?(?:\s+(?:hundred|thousand))?|a (?:hundred|thousand))(?![\w-])", re.I)
FRACTION_WORDS = re.compile(r"(?<![\w-])(" + "|".join(sorted(FRACTIONS, key=len, reverse=True)) + r")(?![\w-])", re.I)
_TERM = rf"(\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{_WORD})(?:[- ](?:{'|'.join(UNITS)}))?)"
PROPORTION = re.compile(rf"(?<![\w.,-]){_TERM}\s+(?:in|out of|of every)\s+(?:every\s+)?{_TERM}(?![\w-])", re.I)
# "one" counts only as a number of things: "one study", "one in ten"; not "one reason", "no one"
ONE_COUNTS = re.compile(r"^\s+(?:study|trial|review|person|participant|in\b|out of\b|of every\b)", re.I)


def word_value(text: str) -> int | None:
    """The value of a number in words ("twenty-one" -> 21, "two hundred" -> 200), or of digits."""
    text = text.lower().replace(",", "").strip()
    if text.isdigit():
        return int(text)
    parts = re.split(r"[\s-]+", text)
    total = 0
    current = 0
    for part in parts:
        if part == "a":
            current = 1
        elif part in UNITS:
            current += UNITS[part]
        elif part in TEENS:
            current += TEENS[part]
        elif part in TENS:
            current += TENS[part]
        elif part in SCALES:
            current = max(current, 1) * SCALES[part]
            total += current
            current = 0
        else:
            return None
    return total + current


def known_proportions(review: Any) -> tuple[list[float], list[float]]:
    """Proportions the data states or implies: each absolute effect's risks (rounded as printed),
    and each ratio of two counts of studies the review states (15 of 17 trials)."""
    proportions: list[float] = []
    for result in review.results:
        absolute = result.absolute
        if absolute is not None:
            per = absolute.per
            proportions.extend(n / per for n in (absolute.control, absolute.intervention,
                                                 absolute.intervention_low, absolute.intervention_high))
            proportions.extend(abs(n) / per for n in (absolute.difference, absolute.difference_low, absolute.difference_high))
    counts = {result.studies for result in review.results}
    counts.update(value for value in review.facts.values() if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= 1000)
    ordered = sorted(counts)
    ratios = [a / b for i, b in enumerate(ordered) for a in ordered[:i]]
    return proportions, ratios


def _fits(value: Fraction, proportions: tuple[list[float], list[float]], denominator: int | None = None) -> bool:
    """Whether a proportion written as `value` is what a risk rounds to ("1 in 7" for 0.15), or a
    ratio of counts is close to (within 0.02: "a third" for 4 of 12 studies)."""
    risks, ratios = proportions
    target = float(value)
    if any(abs(p - target) <= 0.02 for p in ratios):
        return True
    for p in risks:
        if denominator is not None and denominator > 2:
            if round(p * denominator) == value * denominator:
                return True
        elif abs(p - target) <= FRACTION_TOLERANCE * target + 0.01:
            return True
    return False


def number_marks(scored: Scored, config: Config) -> list[Mark]:
    review = scored.document.review
    if review is None or review.layout.name in PUBLISHED_AS_IS:
        return []
    known = known_numbers(review)
    proportions: tuple[list[float], list[float]] | None = None
    marks = []

    def flag(sentence: Any, start: int, end: int, what: str) -> None:
        marks.append(_mark("results.number", scored, sentence, start, end,
                           f"{what} is not in the abstract, the facts or the results, nor derived from them"
                           + _nearby(sentence.text, review),
                           "report only results that are in the review: correct it, or add it to the facts or the "
                           "abstract"))

    for sentence in written_sentences(scored):
        text = sentence.text
        taken: list[tuple[int, int]] = []
        for match in PROPORTION.finditer(text):
            top, bottom = word_value(match.group(1)), word_value(match.group(2))
            taken.append(match.span())
            if top is None or not bottom or top > bottom:
                continue
            if normalise_number(str(top)) in known and normalise_number(str(bottom)) in known:
                continue
            proportions = proportions if proportions is not None else known_proportions(review)
            if not _fits(Fraction(top, bottom), proportions, bottom):
                flag(sentence, match.start(), match.end(), f"the proportion '{match.group(0)}'")
        for match in FRACTION_WORDS.finditer(text):
            if _inside(match.span(), taken):
                continue
            taken.append(match.span())
            proportions = proportions if proportions is not None else known_proportions(review)
            if not _fits(FRACTIONS[match.group(1).lower()], proportions):
                flag(sentence, match.start(), match.end(), f"the proportion '{match.group(0)}'")
        for match in NUMBER.finditer(text):
            if _inside(match.span(), taken) or NUMBER_WORD_SUFFIX.match(text[match.end():]):
                continue
            if normalise_number(match.group(1)) not in known:
                flag(sentence, match.start(), match.end(), f"the number {match.group(1)}")
        for match in NUMBER_WORDS.finditer(text):
            if _inside(match.span(), taken):
                continue
            if match.group(0).lower() == "one" and not ONE_COUNTS.match(text[match.end():]):
                continue
            value = word_value(match.group(0))
            if value is not None and str(value) not in known:
                flag(sentence, match.start(), match.end(), f"the number '{match.group(0)}' ({value})")
    return marks


def written_sentences(scored: Scored) -> list[Any]:
    """The sentences the author wrote (inside a YAML field): the template's own text, such as "The
    evidence is up to date to January 2018" or a natural-frequency sentence, comes from the data."""
    spans = scored.document.spans
    return [s for s in scored.sentences if any(span.start <= s.offset < span.end for span in spans)]


def _inside(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in taken)


def _nearby(text: str, review: Any) -> str:
    """The figures of the results the sentence names, to spot a stale number."""
    from plainsum.grade.claims import mentions

    named = mentions(text, review.results)
    if not named:
        return ""
    result = named[0].result
    return (f"; the sentence names result '{result.id}', whose figures are {result.measure} {result.estimate} "
            f"({result.ci_low} to {result.ci_high}), {result.studies} {result.study_word}, {result.participants} participants")
