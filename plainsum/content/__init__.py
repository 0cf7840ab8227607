"""Content: one YAML file per review, validated into a `Review` (plainsum's data model).

Takes: content files (YAML with line marks). Gives: `Review` with its facts, sections, summary
parts and results as data, each prose field able to say where in the YAML it was written; the
sandboxed prose language (filters over facts); kinds and layouts; discovery of content files.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plainsum import lazy_exports

if TYPE_CHECKING:
    from plainsum.content.discovery import discover
    from plainsum.content.filters import FILTERS, long_date
    from plainsum.content.kinds import KINDS
    from plainsum.content.loader import load_review
    from plainsum.content.locale import SOURCE_LANGUAGE, Locale, available_languages
    from plainsum.content.model import ID_PATTERN, Prose, Review, Section, Translation, digest
    from plainsum.content.sourcemap import LineIndex, rendered_to_template
    from plainsum.content.translation import load_translation, translation_paths
    from plainsum.content.yamlsource import FAST_LOADER, decode_utf8, read_text

__all__ = [
    "FAST_LOADER",
    "FILTERS",
    "ID_PATTERN",
    "KINDS",
    "SOURCE_LANGUAGE",
    "LineIndex",
    "Locale",
    "Prose",
    "Review",
    "Section",
    "Translation",
    "available_languages",
    "decode_utf8",
    "digest",
    "discover",
    "load_review",
    "load_translation",
    "long_date",
    "read_text",
    "rendered_to_template",
    "translation_paths",
]

__getattr__ = lazy_exports(__name__, {
    "discovery": ("discover",),
    "kinds": ("KINDS",),
    "locale": ("SOURCE_LANGUAGE", "Locale", "available_languages",),
    "loader": ("load_review",),
    "model": ("ID_PATTERN", "Prose", "Review", "Section", "Translation", "digest",),
    "filters": ("FILTERS", "long_date",),
    "sourcemap": ("LineIndex", "rendered_to_template",),
    "translation": ("load_translation", "translation_paths",),
    "yamlsource": ("FAST_LOADER", "decode_utf8", "read_text",),
})
