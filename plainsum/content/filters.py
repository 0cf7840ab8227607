"""The filters author prose may apply to facts: dates, numbers in words, lists joined with "and"."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from jinja2 import TemplateError

SMALL_NUMBERS = (
    "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
)


def long_date(value: Any) -> str:
    """15 October 2013."""
    _require_date(value, "long_date")
    return f"{value.day} {value:%B %Y}"


def month_year(value: Any) -> str:
    """October 2013."""
    _require_date(value, "month_year")
    return f"{value:%B %Y}"


def iso_date(value: Any) -> str:
    _require_date(value, "iso_date")
    return str(value.isoformat())


def _require_date(value: Any, name: str) -> None:
    if not isinstance(value, datetime.date):
        raise TemplateError(f"the filter '{name}' needs a date, not {value!r}")


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


def join_and(values: Any, conjunction: str = "and") -> str:
    """A, B, and C."""
    if isinstance(values, str) or not isinstance(values, (list, tuple)):
        raise TemplateError(f"the filter 'join_and' needs a list, not {values!r}")
    items = [str(v) for v in values]
    if len(items) <= 2:
        return f" {conjunction} ".join(items)
    return ", ".join(items[:-1]) + f", {conjunction} " + items[-1]


FILTERS: dict[str, Callable[..., str]] = {
    "long_date": long_date,
    "month_year": month_year,
    "iso_date": iso_date,
    "in_words": in_words,
    "thousands": thousands,
    "join_and": join_and,
}
