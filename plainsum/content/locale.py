"""A language of the documents: its message catalog, its GRADE grid, and how it writes numbers and dates.

A language is data. Its template text comes from a gettext catalog
(`templates/locale/<ll>/LC_MESSAGES/plainsum.po`, managed with Babel's `pybabel`), its GRADE
wording from `templates/grade/<ll>/grid.yaml`, and its number and date formats from the Unicode
CLDR data that Babel ships (decimal comma, thousands separator, month names). A project adds a
language by adding the catalog and the grid to its templates folder, without touching code.

Catalogs are read from the `.po` file and compiled in memory (Babel's own compiler, the same that
`pybabel compile` runs), so a fresh clone needs no compile step and a corrected `.po` takes effect at
the next build; a catalog shipped only as a compiled `.mo` is read as such.
"""

from __future__ import annotations

import datetime
import gettext
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from jinja2 import TemplateError

from plainsum.content import filters as english
from plainsum.errors import InputError, Problem, display_path
from plainsum.words import numbers as english_numbers

SOURCE_LANGUAGE = "en"
DOMAIN = "plainsum"
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Z]{2}|-[A-Z][a-z]{3})?$")
SPACES = " \u00a0\u202f"  # a thousands separator written as a space may be any of these
WORDED_FROM = 2  # "one" and "a"/"un"/"une" are the same word in most languages: only 2 and up are read as numbers


def normal_code(code: str) -> str:
    """A language code as BCP 47 writes it, whatever its case and separator: ES -> es, es_mx -> es-MX,
    zh-hant -> zh-Hant (language lower case, region upper case, script in title case)."""
    parts = code.strip().replace("_", "-").split("-")
    written = [parts[0].lower()]
    for part in parts[1:]:
        written.append(part.upper() if len(part) == 2 else part.title() if len(part) == 4 else part.lower())
    return "-".join(written)


def base_language(code: str) -> str:
    """The language of a regional code, without its region or script: es-MX -> es."""
    return normal_code(code).split("-")[0]


def catalog_folder(code: str) -> str:
    """The gettext folder name of a language code: pt-BR -> pt_BR."""
    return code.replace("-", "_")


def catalog_paths(template_dirs: list[Path], code: str) -> list[Path]:
    """The catalogs of a language, the project's first: each folder's .po, or its .mo when it has no .po."""
    found = []
    for directory in template_dirs:
        folder = directory / "locale" / catalog_folder(code) / "LC_MESSAGES"
        for name in (f"{DOMAIN}.po", f"{DOMAIN}.mo"):
            if (folder / name).is_file():
                found.append(folder / name)
                break
    return found


def available_languages(template_dirs: list[Path]) -> list[str]:
    """Every language with a catalog in the template folders, and the source language."""
    codes = {SOURCE_LANGUAGE}
    for directory in template_dirs:
        root = directory / "locale"
        if root.is_dir():
            for folder in root.iterdir():
                code = folder.name.replace("_", "-")
                if LANGUAGE_CODE.match(code) and catalog_paths([directory], code):
                    codes.add(code)
    return sorted(codes)


def grid_path(template_dirs: list[Path], code: str, file_name: str = "grid.yaml") -> Path | None:
    """The GRADE wording grid of a language (grade/<code>/grid.yaml; grade/grid.yaml is the source
    language's), the project's first; with `file_name` "claims.yaml", its claim vocabulary."""
    name = file_name if code == SOURCE_LANGUAGE else f"{code}/{file_name}"
    for directory in template_dirs:
        candidate = directory / "grade" / name
        if candidate.is_file():
            return candidate
    return None


MAX_CATALOG_BYTES = 1_000_000  # plainsum's own catalogs are 15 KB; babel reads about 1 MB a second of CPU


def _read_catalog(path: Path) -> gettext.GNUTranslations:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import PoFileError, read_po
    from babel.support import Translations

    display = display_path(path)
    from plainsum.files.safeopen import read_confined

    data = read_confined(path, display, MAX_CATALOG_BYTES)  # never through a link out of the project
    if path.suffix == ".mo":
        try:
            return Translations(io.BytesIO(data), domain=DOMAIN)
        except (OSError, ValueError) as exc:
            raise InputError([Problem(display, 1, 1, f"not a compiled gettext catalog: {exc}")]) from None
    try:
        catalog = read_po(io.BytesIO(data), abort_invalid=True)
    except (PoFileError, ValueError, UnicodeDecodeError) as exc:
        line = getattr(exc, "lineno", 1) or 1
        raise InputError([Problem(display, line, 1, f"cannot read the catalog: {exc}")]) from None
    except (AttributeError, TypeError, KeyError, IndexError):
        # babel reads the header's fields with patterns that assume them well formed (a PO-Revision-Date
        # folded onto a second line fails inside babel): a header it cannot read, not an internal error
        raise InputError([Problem(display, 1, 1, "cannot read the catalog's header: a field of the msgid \"\" entry "
                                                 "(such as PO-Revision-Date or Content-Type) is not in the form gettext "
                                                 "gives it")]) from None
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)  # as `pybabel compile` does: fuzzy entries are not used
    compiled.seek(0)
    try:
        return Translations(compiled, domain=DOMAIN)
    except (OSError, ValueError, SyntaxError, RecursionError) as exc:  # a Plural-Forms header gettext cannot read
        raise InputError([Problem(display, 1, 1, f"cannot read the catalog's header (Plural-Forms): {exc}")]) from None


@dataclass
class Locale:
    """One language: its messages and its ways with numbers, dates and lists."""

    code: str
    translations: gettext.NullTranslations
    catalogs: list[Path] = field(default_factory=list)
    grid: Path | None = None
    claims: Path | None = None  # its claim vocabulary (grade/<code>/claims.yaml), to read certainty in its words

    @classmethod
    def source(cls, template_dirs: list[Path] | None = None) -> Locale:
        dirs = template_dirs or []
        return cls(SOURCE_LANGUAGE, gettext.NullTranslations(), [], grid_path(dirs, SOURCE_LANGUAGE),
                   grid_path(dirs, SOURCE_LANGUAGE, "claims.yaml"))

    @classmethod
    def load(cls, code: str, template_dirs: list[Path]) -> Locale:
        """The language `code` from its catalogs; LookupError (reported at the caller's place) if it has none.

        A regional code falls back to its language, as gettext does: es-MX reads the es_MX catalogs
        first and the es ones for what they lack, and takes the es grid and claim words when it has
        none of its own; its numbers and dates are written the region's way (CLDR's es_MX)."""
        code = normal_code(code)
        if code == SOURCE_LANGUAGE:
            return cls.source(template_dirs)
        base = base_language(code)
        if base == SOURCE_LANGUAGE:
            raise LookupError(code)  # en-GB and the like: the source language has no catalog to fall back to
        paths = catalog_paths(template_dirs, code)
        if base != code:
            paths += catalog_paths(template_dirs, base)
        if not paths:
            raise LookupError(code)
        translations: gettext.NullTranslations | None = None
        for path in reversed(paths):  # the defaults at the bottom, the project's catalog on top
            catalog = _read_catalog(path)
            if translations is not None:
                catalog.add_fallback(translations)
            translations = catalog
        assert translations is not None
        grid = grid_path(template_dirs, code) or grid_path(template_dirs, base)
        claims = grid_path(template_dirs, code, "claims.yaml") or grid_path(template_dirs, base, "claims.yaml")
        return cls(code, translations, paths, grid, claims)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as where it was read from (a catalog's plural rule is a function made at run
        time): `plainsum check --jobs N` sends translated reviews back from its workers."""
        return (_reloaded, (self.code, tuple(self.catalogs), self.grid, self.claims))

    @property
    def is_source(self) -> bool:
        return self.code == SOURCE_LANGUAGE

    @cached_property
    def babel(self) -> Any:
        from babel import Locale as BabelLocale

        return BabelLocale.parse(catalog_folder(self.code))

    @cached_property
    def name(self) -> str:
        """The language's name in the language itself (español, français)."""
        return str(self.babel.get_display_name(self.babel) or self.code)

    def language_name(self, code: str) -> str:
        """Another language's name in this one: "inglés" for en in Spanish."""
        return str(self.babel.languages.get(catalog_folder(code), code))

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def pgettext(self, context: str, message: str) -> str:
        return self.translations.pgettext(context, message)

    # --- writing numbers and dates ----------------------------------------------------------

    @cached_property
    def decimal_symbol(self) -> str:
        from babel.numbers import get_decimal_symbol

        return "." if self.is_source else str(get_decimal_symbol(self.babel))

    @cached_property
    def group_symbol(self) -> str:
        from babel.numbers import get_group_symbol

        return "," if self.is_source else str(get_group_symbol(self.babel))

    def number(self, value: Any) -> str:
        """A number as the language writes it: 0,73 and 12.345 in Spanish, 0.73 and 12,345 in English.
        Numbers below 10,000 keep no separator, as Cochrane style does in every language."""
        return english.number(value, self.decimal_symbol, self.group_symbol)

    def thousands(self, value: Any) -> str:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TemplateError(f"the filter 'thousands' needs a number, not {value!r}")
        return english_numbers.thousands(value) if self.is_source else self.number(value)

    def long_date(self, value: Any) -> str:
        """15 October 2013; 15 de octubre de 2013; 15. Oktober 2013; 1er mars 2015."""
        if self.is_source:
            return english.long_date(value)
        from babel.dates import format_date

        _require_date(value, "long_date")
        written = str(format_date(value, format="long", locale=self.babel))
        if value.day == 1 and base_language(self.code) == "fr" and written.startswith("1 "):
            written = "1er" + written[1:]  # French writes the first of the month as an ordinal: 1er mars 2015
        return written

    def month_year(self, value: Any) -> str:
        """October 2013; octubre de 2013."""
        if self.is_source:
            return english.month_year(value)
        from babel.dates import format_skeleton

        _require_date(value, "month_year")
        return str(format_skeleton("yMMMM", value, locale=self.babel))

    def in_words(self, value: Any) -> str:
        """Whole numbers the catalog gives words for (msgctxt "number"), others as digits."""
        if self.is_source:
            return english_numbers.in_words(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise TemplateError(f"the filter 'in_words' needs a whole number, not {value!r}")
        word = self.number_words().get(value)
        return word if word is not None else self.number(value)

    def join_and(self, values: Any, conjunction: str | None = None) -> str:
        """A, B y C (the language's list pattern, from CLDR)."""
        if self.is_source:
            return english.join_and(values, conjunction or "and")
        if isinstance(values, str) or not isinstance(values, (list, tuple)):
            raise TemplateError(f"the filter 'join_and' needs a list, not {values!r}")
        from babel.lists import format_list

        return str(format_list([str(v) for v in values], locale=self.babel))

    def number_words(self) -> dict[int, str]:
        """The numbers the catalog writes in words: 0 to 20 (untranslated ones are left out)."""
        return self._number_words

    @cached_property
    def _number_words(self) -> dict[int, str]:
        words = {}
        for number, english_word in enumerate(english_numbers.SMALL_NUMBERS):
            # the English words are the message ids ("no" for 0); the catalog gives the language's
            translated = self.translations.pgettext("number", english_word)
            if translated != english_word or self.is_source:
                words[number] = translated
        return words

    def filters(self) -> dict[str, Callable[..., str]]:
        """The prose filters of this language (the English ones for the source language)."""
        return {
            "long_date": self.long_date,
            "month_year": self.month_year,
            "iso_date": english.iso_date,
            "in_words": self.in_words,
            "thousands": self.thousands,
            "number": self.number,
            "join_and": self.join_and,
        }

    @cached_property
    def month_names(self) -> dict[str, int]:
        """Every month name the language writes, lower case (stand-alone and in-date forms), to its number."""
        if self.is_source:
            return {name.lower(): number for number, name in enumerate(english.MONTHS, start=1)}
        from babel.dates import get_month_names

        names: dict[str, int] = {}
        for context in ("format", "stand-alone"):
            for number, name in get_month_names("wide", context=context, locale=self.babel).items():
                names[str(name).lower()] = int(number)
        return names


_RELOADED: dict[tuple[Any, ...], Locale] = {}


def _reloaded(code: str, catalogs: tuple[Path, ...], grid: Path | None, claims: Path | None) -> Locale:
    """A pickled `Locale` read again from its catalogs (once per process)."""
    key = (code, catalogs, grid, claims)
    if key not in _RELOADED:
        translations: gettext.NullTranslations = gettext.NullTranslations()
        if catalogs:
            chained: gettext.NullTranslations | None = None
            for path in reversed(catalogs):
                catalog = _read_catalog(path)
                if chained is not None:
                    catalog.add_fallback(chained)
                chained = catalog
            assert chained is not None
            translations = chained
        _RELOADED[key] = Locale(code, translations, list(catalogs), grid, claims)
    return _RELOADED[key]


def _require_date(value: Any, name: str) -> None:
    if not isinstance(value, datetime.date):
        raise TemplateError(f"the filter '{name}' needs a date, not {value!r}")


# Messages used from code rather than from templates, here so that `pybabel extract` finds them.
def _number_messages(pgettext: Callable[[str, str], str]) -> list[str]:
    return [
        pgettext("number", "no"), pgettext("number", "one"), pgettext("number", "two"),
        pgettext("number", "three"), pgettext("number", "four"), pgettext("number", "five"),
        pgettext("number", "six"), pgettext("number", "seven"), pgettext("number", "eight"),
        pgettext("number", "nine"), pgettext("number", "ten"), pgettext("number", "eleven"),
        pgettext("number", "twelve"), pgettext("number", "thirteen"), pgettext("number", "fourteen"),
        pgettext("number", "fifteen"), pgettext("number", "sixteen"), pgettext("number", "seventeen"),
        pgettext("number", "eighteen"), pgettext("number", "nineteen"), pgettext("number", "twenty"),
    ]


# Messages that code hands to the templates (formats.draft_notice, formats.html.kind_label), which
# translate them with `_(...)`: listed here so that `pybabel extract` finds them.
def _code_messages(gettext: Callable[[str], str]) -> list[str]:
    return [
        gettext("DRAFT: this plain language summary did not pass its checks and is not for publication."),
        gettext("DRAFT: this abstract did not pass its checks and is not for publication."),
        gettext("Plain language summary"),
        gettext("Abstract"),
        gettext("Summary of clinical trial results for laypersons"),
        gettext("Technical summary of trial results"),
    ]
