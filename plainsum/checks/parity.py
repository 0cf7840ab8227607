"""Fact parity of a translated lay summary with its source, field by field.

Each translated field is compared with the source text it translates (both as rendered, facts
filled in): every number of the source must be in the translation and the translation may have no
number the source lacks (numbers read in each language's format: 3,008.5 in English is 3.008,5 in
Spanish; numbers 2 to 20 also as the language's words, from its catalog), dates are compared as
dates (15 October 2013 = 15 de octubre de 2013), and the certainty statement of each result the
source states must be there in the language's own wording (its GRADE grid). A field whose source
text changed since the version it was translated from is out of date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from plainsum.checks.registry import Flag, registry
from plainsum.content import Locale

if TYPE_CHECKING:
    from plainsum.config import Config
    from plainsum.readability import Scored
    from plainsum.render import Document
    from plainsum.render.document import Span


@dataclass(frozen=True)
class Found:
    """A number or a date read from a text, and where."""

    value: object  # Decimal for a number; (year, month, day or None) for a date
    start: int
    end: int
    text: str


def _spaces(symbol: str) -> str:
    return "[ \u00a0\u202f]" if symbol.isspace() else re.escape(symbol)


@lru_cache(maxsize=32)
def _patterns(code: str, decimal: str, group: str, months: tuple[str, ...], words: tuple[tuple[str, int], ...]
              ) -> tuple[re.Pattern[str], re.Pattern[str] | None, re.Pattern[str]]:
    group_pattern, decimal_pattern = _spaces(group), re.escape(decimal)
    number = re.compile(
        r"(?<![\w.,])(\d{1,3}(?:" + group_pattern + r"\d{3})+(?:" + decimal_pattern + r"\d+)?|\d+(?:"
        + decimal_pattern + r"\d+)?)(?!\w)"
    )
    worded = None
    if words:
        names = sorted((word for word, _ in words), key=len, reverse=True)
        worded = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?![\w-])", re.I)
    month_names = "|".join(map(re.escape, sorted(months, key=len, reverse=True)))
    # day (15, 15., 1er), an optional short word (de), the month, an optional short word, the year
    date = re.compile(
        r"(?<!\w)(?:(\d{1,2})(?:\.|er|º)?\s+(?:[^\W\d]{1,3}\s+)?)?(" + month_names + r")\s+(?:[^\W\d]{1,3}\s+)?(\d{4})(?!\d)"
        r"|(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)",
        re.I,
    )
    return number, worded, date


def _patterns_of(locale: Locale) -> tuple[re.Pattern[str], re.Pattern[str] | None, re.Pattern[str]]:
    words = tuple((word.lower(), value) for value, word in locale.number_words().items() if value >= 2)
    return _patterns(locale.code, locale.decimal_symbol, locale.group_symbol, tuple(locale.month_names), words)


def read_dates(text: str, locale: Locale) -> list[Found]:
    """Dates written out (15 October 2013, octubre de 2013) or as ISO dates, in the language of `locale`."""
    _, _, pattern = _patterns_of(locale)
    found = []
    for match in pattern.finditer(text):
        if match.group(2):
            day = int(match.group(1)) if match.group(1) else None
            value = (int(match.group(3)), locale.month_names[match.group(2).lower()], day)
        else:
            value = (int(match.group(4)), int(match.group(5)), int(match.group(6)))
        found.append(Found(value, match.start(), match.end(), match.group()))
    return found


def read_numbers(text: str, locale: Locale) -> list[Found]:
    """Numbers in digits as the language writes them, and 2 to 20 in the language's words; dates left out.
    Values are compared without their sign (a minus may be written as a word)."""
    number, worded, _ = _patterns_of(locale)
    dates = read_dates(text, locale)
    masked = list(text)
    for date in dates:
        masked[date.start : date.end] = " " * (date.end - date.start)
    plain = "".join(masked)
    found = []
    for match in number.finditer(plain):
        digits = re.sub(_spaces(locale.group_symbol), "", match.group(1)).replace(locale.decimal_symbol, ".")
        found.append(Found(_normal(Decimal(digits)), match.start(), match.end(), match.group()))
    if worded is not None:
        values = {word.lower(): value for value, word in locale.number_words().items() if value >= 2}
        for match in worded.finditer(plain):
            found.append(Found(Decimal(values[match.group(1).lower()]), match.start(), match.end(), match.group()))
    return sorted(found, key=lambda f: f.start)


def _normal(value: Decimal) -> Decimal:
    """0.50 and 0.5 are the same number; 3008 stays 3008 (not 3.008E+3)."""
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral() else normal


def _shown(value: object) -> str:
    if isinstance(value, tuple):
        year, month, day = value
        return f"{year}-{month:02d}" + (f"-{day:02d}" if day else "")
    return str(value)


# --- the checks ----------------------------------------------------------------------------------


def _fields(document: Document) -> Iterator[tuple[str, Span, str]]:
    """Each translated field of a translation's summary: its key, its span, and its source's text."""
    review = document.review
    if review is None or review.translation is None:
        return
    translation = review.translation
    seen = set()
    for span in document.spans:
        key = span.prose.key
        if key in seen or key not in translation.source_fields:
            continue
        seen.add(key)
        source_prose = translation.source_fields[key]
        yield key, span, translation.review.rendered[source_prose.key]


def _source_locale(document: Document) -> Locale:
    return document.review.translation.source_locale  # type: ignore[union-attr, no-any-return]


@registry.register(
    "translation.numbers",
    description="A translated field has every number of its source text, and no number the source lacks "
    "(numbers read in each language's format and words).",
)
def check_numbers(scored: Scored, config: Config) -> Iterator[Flag]:
    document = scored.document
    if document.review is None or document.review.translation is None:
        return
    locale = document.review.translation.locale
    source_locale = _source_locale(document)
    for key, span, source_text in _fields(document):
        source = {found.value: found for found in read_numbers(source_text, source_locale)}
        translated = read_numbers(span.rendered, locale)
        values = {found.value for found in translated}
        missing = [found for value, found in source.items() if value not in values]
        missing_text = ", ".join(found.text for found in missing)
        for found in translated:
            if found.value in source:
                continue
            also = f"; the source has {missing_text} here" if missing else ""
            value = "" if found.text == _shown(found.value) else f" ({_shown(found.value)})"
            yield Flag(
                f"{found.text}{value} in the translation of {key} is not a number of its source text{also}",
                span.start + found.start, found.text,
            )
        if missing and all(found.value in source for found in translated):
            for found in missing:
                yield Flag(
                    f"the number {found.text} of the source text of {key} is missing from its translation "
                    f"(in '{locale.code}' it is written {locale.number(str(found.value))})",
                    span.start, None,
                )


@registry.register(
    "translation.dates",
    description="A translated field has the dates of its source text, compared as dates, and no other.",
)
def check_dates(scored: Scored, config: Config) -> Iterator[Flag]:
    document = scored.document
    if document.review is None or document.review.translation is None:
        return
    locale = document.review.translation.locale
    source_locale = _source_locale(document)
    for key, span, source_text in _fields(document):
        source = {found.value: found for found in read_dates(source_text, source_locale)}
        translated = read_dates(span.rendered, locale)
        values = {found.value for found in translated}
        for found in translated:
            if found.value not in source:
                yield Flag(f"the date '{found.text}' ({_shown(found.value)}) in the translation of {key} is not a date of its source text",
                           span.start + found.start, found.text)
        for value, found in source.items():
            if value not in values:
                yield Flag(f"the date '{found.text}' ({_shown(value)}) of the source text of {key} is missing from its translation",
                           span.start, None)


@registry.register(
    "translation.certainty",
    description="Where the source text states a result with its certainty (GRADE wording), the translation "
    "states it in the language's wording of the same certainty (its grid).",
)
def check_certainty(scored: Scored, config: Config) -> Iterator[Flag]:
    document = scored.document
    review = document.review
    if review is None or review.translation is None or not review.results:
        return
    source_views = review.translation.review.facts.get("results", {})
    views = review.facts.get("results", {})
    for key, span, source_text in _fields(document):
        folded_source, folded = _fold(source_text), _fold(span.rendered)
        for result in review.results:
            source_view, view = source_views.get(result.id), views.get(result.id)
            if source_view is None or view is None or _fold(source_view.plain_clause) not in folded_source:
                continue
            if _fold(view.plain_clause) not in folded:
                yield Flag(
                    f"the source text of {key} says of result '{result.id}' ({result.certainty} certainty) "
                    f"\"{source_view.plain_clause}\"; its translation does not say it with that certainty",
                    span.start, None, f"{view.plain_clause}.",
                )


def _fold(text: str) -> str:
    return " ".join(text.lower().split())


@registry.register(
    "translation.out-of-date",
    description="No translated field was translated from an older version of its source text than the review's.",
)
def check_out_of_date(scored: Scored, config: Config) -> Iterator[Flag]:
    document = scored.document
    review = document.review
    if review is None or review.translation is None:
        return
    translation = review.translation
    from plainsum.content import digest

    starts = {key: span.start for key, span, _ in _fields(document)}
    for key in translation.stale_fields():
        now = digest(translation.source_fields[key].template)
        yield Flag(
            f"{key} is out of date: its source text changed since the version it was translated from "
            f"({translation.source_version.get(key)}); translate the change, then set source_version "
            f"'{key}' to {now}",
            starts.get(key, 0), None,
        )


