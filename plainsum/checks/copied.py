"""A time or an amount copied from the abstract or an outcome's name with its number changed.

Lay summaries repeat the abstract's phrases: "pain scores at 9 to 24 hours", "moxifloxacin-containing
four-month regimens", an outcome named "death at three months". A number of a time or an amount
written with the same words around it as the abstract prints ("pain scores at 11 to 24 hours": four
words or more the same, the unit among them, and one that names something rather than a frame such as
"younger than _ years of age"), when the abstract (or the outcome's name) prints those words only with
other numbers and nowhere prints this number with that unit, is a figure changed in copying: the words
say which figure it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from plainsum.grade.absolute import whole
from plainsum.words.numbers import APPROXIMATE, TEENS, TENS, UNITS

TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
# the units of a time or an amount: a number before one of them is a time point, a duration or a dose
TIME_UNITS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute",
                        "minutes", "night", "nights", "mg", "g", "kg", "ml", "mmol", "mcg", "µg", "iu", "units",
                        "sessions", "doses", "cycles"})
# each unit's singular ("months" -> "month"), to read "one month" and "two months" as the same unit
UNIT_FORMS = {unit: unit[:-1] if unit.endswith("s") and unit[:-1] in TIME_UNITS else unit for unit in TIME_UNITS}
NUMBER_WORDS = {**UNITS, **TEENS, **TENS}
MIN_CONTEXT = 4  # words the same on both sides together, the unit among them: "risk of death at _ months"
# words of a frame around any time or amount, which tell no figure apart: "younger than _ years of age"
FRAME_WORDS = frozenset({"than", "less", "more", "least", "most", "over", "under", "about", "around", "after", "before",
                         "from", "with", "within", "until", "between", "aged", "age", "ages", "older", "younger", "follow",
                         "followed", "period", "periods", "length", "lasting", "lasted", "duration", "each", "every",
                         "there", "their", "this", "that", "these", "those", "were", "was", "have", "been", "some"})
MAX_CONTEXT = 4  # words compared on each side
MIN_NAME = 4  # words of an outcome's name, its number among them, that say which figure it is when typed whole


class Token(NamedTuple):  # a named tuple: made for every word of an abstract, it costs a quarter of a frozen dataclass
    text: str  # lower case; a number in words as its value in digits
    start: int
    end: int
    number: bool


# a bracket of words only, no number among them ("persistence of reflux (due to failure of treatment) at six weeks"):
# an aside, which the words around a figure are compared without
_WORDS_ASIDE = re.compile(r"\([^()\d]*\)")


def tokens(text: str) -> list[Token]:
    """The words and numbers of `text`, lower case, numbers in words as digits ("four-month" -> 4, month), without the
    words of a bracket that holds no digit (an aside the same phrase may have or not)."""
    out: list[Token] = []
    asides = [m.span() for m in _WORDS_ASIDE.finditer(text)
              if not any(w.lower() in NUMBER_WORDS for w in TOKEN.findall(m.group()))] if "(" in text else []
    for match in TOKEN.finditer(text):
        if asides and any(a < match.start() < b for a, b in asides):
            continue
        word = match.group(0).lower()
        if word in NUMBER_WORDS:
            value = NUMBER_WORDS[word]
            if out and out[-1].text.isdigit() and int(out[-1].text) in TENS.values() and value < 10 and match.start() - out[-1].end <= 1:
                previous = out.pop()  # "twenty-one"
                out.append(Token(str(int(previous.text) + value), previous.start, match.end(), True))
                continue
            out.append(Token(str(value), match.start(), match.end(), True))
        elif word[0].isdigit():
            out.append(Token(word.replace(",", ""), match.start(), match.end(), True))
        else:
            out.append(Token(word, match.start(), match.end(), False))
    return out


# a word of TIME_UNITS as `tokens` reads words (a run of letters, lower case): found by one search, without listing
# every word of the text
_UNIT_WORD = re.compile(r"(?<![^\W\d_])(?:" + "|".join(sorted(map(re.escape, TIME_UNITS), key=len, reverse=True)) + r")(?![^\W\d_])")


def has_unit(text: str) -> bool:
    """Whether `text` has a word of TIME_UNITS, read as `tokens` reads words: without one, no number of it is a
    time or an amount, and it need not be cut into tokens (most sentences of a lay summary have none)."""
    return _UNIT_WORD.search(text.lower()) is not None


@lru_cache(maxsize=256)
def _source_tokens(source: str) -> list[Token]:
    """tokens(source), kept: a summary's sentences are each compared with the same abstract sections and
    outcome names (the caller only reads the list)."""
    return tokens(source)


def _same_figure(printed: str, typed: str) -> bool:
    """Whether `typed` is the figure `printed`, or `printed` rounded to the decimals typed ("133 mL" for
    the abstract's "133.3 mL", "59 years" for "59.3"); a figure rounds half up."""
    if printed == typed:
        return True
    if "." not in printed or not typed.replace(".", "", 1).isdigit() or not printed.replace(".", "", 1).isdigit():
        return False
    places = len(typed.split(".")[1]) if "." in typed else 0
    if places >= len(printed.split(".")[1]):
        return False
    scale = 10.0 ** places
    return whole(float(printed) * scale) == round(float(typed) * scale)


def _same(a: str, b: str) -> bool:
    """Whether two words are the same, a unit singular or plural ("one month", "two months": the number
    changes the unit's form)."""
    return a == b or (a in UNIT_FORMS and UNIT_FORMS[a] == UNIT_FORMS.get(b))


def _same_after(a: list[Token], i: int, b: list[Token], j: int) -> int:
    n = 0
    while n < MAX_CONTEXT and i + 1 + n < len(a) and j + 1 + n < len(b) and _same(a[i + 1 + n].text, b[j + 1 + n].text):
        n += 1
    return n


def _same_before(a: list[Token], i: int, b: list[Token], j: int) -> int:
    n = 0
    while n < MAX_CONTEXT and i - 1 - n >= 0 and j - 1 - n >= 0 and _same(a[i - 1 - n].text, b[j - 1 - n].text):
        n += 1
    return n


def _unit(words: list[Token], i: int) -> str | None:
    """The unit the number at `i` counts: the next word, or the one after a range ("9 to 24 hours")."""
    for k in (i + 1, i + 3):
        if k < len(words) and words[k].text in TIME_UNITS and (k == i + 1 or words[i + 1].text in ("to", "and", "or")):
            return words[k].text
    return None


def _telling(words: list[Token], i: int, after: int, before: int) -> bool:
    """Whether the words the same around the number at `i` name something ("pain scores at", "of death at",
    "days of life"), not only a general frame ("less than _ weeks", "younger than _ years of age")."""
    same = words[i - before:i] + words[i + 1:i + 1 + after]
    return any(not w.number and len(w.text) >= 4 and w.text not in FRAME_WORDS and w.text not in TIME_UNITS for w in same)


@dataclass(frozen=True)
class Changed:
    """A number of the sentence (its offsets) that a source prints as `printed` in the same words."""

    start: int
    end: int
    value: str
    printed: str  # the source's words, with its number
    from_name: bool  # the source is an outcome's name (else the abstract)


def changed_numbers(text: str, sources: list[tuple[str, bool]]) -> list[Changed]:
    """Numbers of times and amounts in `text` that `sources` ((text, is an outcome's name)) print in the
    same words with another number, and nowhere with this number and unit."""
    found: list[Changed] = []
    if not has_unit(text):
        return found
    words = tokens(text)
    units = [_unit(words, i) if word.number else None for i, word in enumerate(words)]
    if not any(units):
        return found  # no number of a time or an amount: the sources need not be read
    parsed = [(_source_tokens(source), name, source) for source, name in sources]
    for i, word in enumerate(words):
        unit = units[i]
        if unit is None or APPROXIMATE.search(text, max(0, word.start - 20), word.start):  # said roughly: no copied figure
            continue
        best: tuple[int, Token, list[Token], int, str, bool] | None = None
        printed_here = False
        for source_words, name, source in parsed:
            for j, other in enumerate(source_words):
                if not other.number:
                    continue
                if _same_figure(other.text, word.text) and _unit(source_words, j) == unit:
                    printed_here = True
                    break
                after = _same_after(words, i, source_words, j)
                unit_at = 0 if words[i + 1].text == unit else 2
                if after <= unit_at:
                    continue  # the unit itself must be among the same words
                before = _same_before(words, i, source_words, j)
                score = after + before
                # an outcome's name typed whole with another number ("deaths within two months" for the outcome
                # "deaths within one month"): the name says which figure it was, however short
                whole_name = name and before == j and j + after == len(source_words) - 1 and len(source_words) >= MIN_NAME
                if (score >= MIN_CONTEXT or whole_name) and _telling(words, i, after, before) and (best is None or score > best[0]):
                    best = (score, other, source_words, j, source, name)
            if printed_here:
                break
        if best is None or printed_here:
            continue
        _, other, source_words, j, source, name = best
        first = source_words[max(0, j - 3)].start
        last = source_words[min(len(source_words) - 1, j + 3)].end
        found.append(Changed(word.start, word.end, word.text, source[first:last], name))
    return found


def sources_of(review: Any) -> list[tuple[str, bool]]:
    """The texts a lay summary copies numbers from: the abstract's sections, each outcome's names and the names
    of the interventions and comparators."""
    texts: list[tuple[str, bool]] = [(text, False) for key, text in review.rendered.items() if key.endswith(".technical")]
    names = [name for result in review.results for name in result.names()]
    # the names of the interventions and comparators ("moxifloxacin-containing four-month ATT regimens")
    names += [name for result in review.results for term in (result.intervention, result.comparison) if term is not None
              for name in (term.plain, term.technical) if name]
    texts.extend((name, True) for name in dict.fromkeys(names))
    return texts
