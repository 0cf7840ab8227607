"""Numbers in English prose: whole numbers up to twenty as words, larger ones grouped by thousands."""

from __future__ import annotations

from typing import Any

from jinja2 import TemplateError

SMALL_NUMBERS = (
    "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
)

def in_words(value: Any) -> str:
    """Whole numbers up to twenty as words (0 as 'no'), larger ones as digits."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TemplateError(f"the filter 'in_words' needs a whole number, not {value!r}")
    return SMALL_NUMBERS[value] if 0 <= value < len(SMALL_NUMBERS) else thousands(value)


def thousands(value: Any) -> str:
    """12,345 (numbers of four digits are left alone, as Cochrane style does)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TemplateError(f"the filter 'thousands' needs a number, not {value!r}")
    if isinstance(value, int) and abs(value) < 10000:
        return str(value)
    return f"{value:,}"
