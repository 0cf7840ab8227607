"""The filters author prose may apply to facts: dates, numbers in words, lists joined with "and"."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

from jinja2 import TemplateError

from plainsum.words.numbers import in_words, thousands

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
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


def number(value: Any, decimal: str = ".", group: str = ",") -> str:
    """A number as written (0.73 keeps its digits), grouped by thousands from five digits: 12,345.5."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise TemplateError(f"the filter 'number' needs a number, not {value!r}")
    match = re.fullmatch(r"([-\u2212]?)(\d+)(?:\.(\d+))?", str(value).strip())
    if match is None:
        raise TemplateError(f"the filter 'number' needs a number, not {value!r}")
    sign, whole, fraction = match.groups()
    if len(whole) > 4:
        head = len(whole) % 3 or 3
        whole = group.join([whole[:head]] + [whole[i : i + 3] for i in range(head, len(whole), 3)])
    return sign + whole + (decimal + fraction if fraction else "")


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
    "number": number,
    "join_and": join_and,
}
