"""Numbers in English prose: whole numbers up to twenty as words, larger ones grouped by thousands;
the values of number words and dates as authors type them, for the checks that read them."""

from __future__ import annotations

import re
from typing import Any

UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000}

# A time in days: a duration said in one unit may be printed in another ("two years" for "24 months", "26 weeks" for
# "six months"), and is the same when its length is within a tenth (a month is 4.3 weeks: "12 weeks" for "3 months")
DAYS = {"year": 365.25, "month": 30.44, "week": 7.0, "day": 1.0, "night": 1.0, "hour": 1 / 24, "minute": 1 / 1440}
SAME_DURATION = 0.1


def word_value(text: str) -> int | None:
    """The value of a number in words ("twenty-one" -> 21, "two hundred" -> 200), or of digits."""
    text = text.lower().replace(",", "").strip()
    if text.isdigit():
        return int(text)
    parts = re.split(r"[\s-]+", text)
    total = 0
    current = 0
    for part in parts:
        if part == "and":
            continue
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


_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
# A date as authors type it, in any of its English orders: "14 April 2016", "the 14th of April, 2016",
# "April 14, 2016", "April, 2016"
WRITTEN_DATE = re.compile(rf"(?<![\w-])(?:{_DAY}(?:\s+of)?\s+{_MONTH}|{_MONTH}\s+{_DAY}|{_MONTH}),?\s+((?:19|20)\d\d)(?![\w-])")


def written_date(match: re.Match[str]) -> str:
    """A date typed as `match` (WRITTEN_DATE) in the form the long_date and month_year filters write it:
    "14 April 2016", or "April 2016" without a day."""
    day = match.group(1) or match.group(4)
    month = match.group(2) or match.group(3) or match.group(5)
    return f"{int(day)} {month} {match.group(6)}" if day else f"{month} {match.group(6)}"

SMALL_NUMBERS = (
    "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
)

def in_words(value: Any) -> str:
    """Whole numbers up to twenty as words (0 as 'no'), larger ones as digits."""
    if isinstance(value, bool) or not isinstance(value, int):
        from jinja2 import TemplateError  # here: a command that prints counts need not load Jinja

        raise TemplateError(f"the filter 'in_words' needs a whole number, not {value!r}")
    return SMALL_NUMBERS[value] if 0 <= value < len(SMALL_NUMBERS) else thousands(value)


def thousands(value: Any) -> str:
    """12,345 (numbers of four digits are left alone, as Cochrane style does)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        from jinja2 import TemplateError

        raise TemplateError(f"the filter 'thousands' needs a number, not {value!r}")
    if isinstance(value, int) and abs(value) < 10000:
        return str(value)
    return f"{value:,}"


def singular(word: str) -> str:
    """The singular of an English plural noun: studies -> study, trials -> trial, RCTs -> RCT."""
    if word.endswith("ies") and len(word) > 3:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else word


def noun(count: float, singular_form: str, plural_form: str | None = None) -> str:
    """The noun for `count` things: 'study' for 1, 'studies' otherwise (0 studies, 2.5 words)."""
    if count == 1:
        return singular_form
    if plural_form is not None:
        return plural_form
    if singular_form.endswith("y") and singular_form[-2:-1] not in ("a", "e", "o", "u", ""):
        return singular_form[:-1] + "ies"
    return singular_form + "s"


def plural(count: float, singular_form: str, plural_form: str | None = None, grouped: bool = False) -> str:
    """'1 sentence', '2 sentences', '0 words', '3 studies'; a whole number without decimals, and with
    `grouped` in thousands ('1,234 files'). The text of plainsum's own messages, which are English;
    translated text takes its plurals from the catalog (ngettext in the templates, `Locale.ngettext`)."""
    number: float = int(count) if float(count).is_integer() else count
    shown = f"{number:,}" if grouped else str(number)
    return f"{shown} {noun(number, singular_form, plural_form)}"


def in_words_with_noun(count: int, singular_form: str, plural_form: str | None = None) -> str:
    """'no studies', 'one study', 'two studies', '21 studies': the count in words up to twenty."""
    return f"{in_words(count)} {noun(count, singular_form, plural_form)}"


# A number given as an approximation ("more than 4000 women", "about 30 studies"): not read as a figure.
APPROXIMATE = re.compile(r"(?:more than|over|about|around|nearly|almost|approximately|roughly|some|up to|at least|"
                         r"fewer than|less than|under|just over|just under|close to|~)\s*$", re.I)
# APPROXIMATE without re.I, for an ASCII text in lower case (its letters are): the same matches, each word's first
# letter compared, not its lower case
_APPROXIMATE_LOWER = re.compile(APPROXIMATE.pattern)


def approximate_before(text: str, start: int) -> bool:
    """Whether the number at `start` is given as an approximation: APPROXIMATE in the 20 characters before it."""
    before = text[max(0, start - 20):start]
    if before.isascii():
        return _APPROXIMATE_LOWER.search(before.lower()) is not None
    return APPROXIMATE.search(before) is not None
