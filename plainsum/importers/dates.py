"""Search dates written in prose: "On 15 October 2013", "up to 24 November 2017", "to June 30, 2015"."""

from __future__ import annotations

import datetime
import re

from plainsum.content.filters import long_date

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+((?:19|20)\d\d)\b", re.I)
MONTH_DAY_YEAR = re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,\s+((?:19|20)\d\d)\b", re.I)
MONTH_YEAR = re.compile(r"\b" + _MONTH + r"\s+((?:19|20)\d\d)\b", re.I)


def _month(name: str) -> int:
    name = name.lower().rstrip(".")
    return next(i for i, full in enumerate(MONTHS, 1) if full.startswith(name[:3]))


def _date(year: str, month: str, day: str) -> datetime.date | None:
    try:
        return datetime.date(int(year), _month(month), int(day))
    except ValueError:
        return None


def full_dates(text: str) -> list[datetime.date]:
    """Every day-precise date written in the text, in order."""
    found: list[tuple[int, datetime.date]] = []
    for match in DAY_MONTH_YEAR.finditer(text):
        value = _date(match.group(3), match.group(2), match.group(1))
        if value:
            found.append((match.start(), value))
    for match in MONTH_DAY_YEAR.finditer(text):
        value = _date(match.group(3), match.group(1), match.group(2))
        if value:
            found.append((match.start(), value))
    return [value for _, value in sorted(found, key=lambda item: item[0])]


def search_date(text: str) -> datetime.date | None:
    """The date of the last search, when the text gives one to the day: the latest date written."""
    dates = full_dates(text)
    return max(dates) if dates else None


def search_month(text: str) -> str | None:
    """'November 2015' when the text only gives the search to the month (the latest month written)."""
    best: tuple[int, int] | None = None
    for match in MONTH_YEAR.finditer(text):
        key = (int(match.group(2)), _month(match.group(1)))
        if best is None or key > best:
            best = key
    if best is None:
        return None
    return f"{MONTHS[best[1] - 1].capitalize()} {best[0]}"


def use_fact(text: str, value: datetime.date) -> str:
    """Write the date as the search_date fact wherever the text spells it exactly as `long_date` would."""
    return text.replace(long_date(value), "{{ search_date | long_date }}")
