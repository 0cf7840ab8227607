"""Content: one YAML file per review, validated into a `Review` (plainsum's data model).

Takes: content files (YAML with line marks). Gives: `Review` with its facts, sections, summary
parts and results as data, each prose field able to say where in the YAML it was written; the
sandboxed prose language (filters over facts); kinds and layouts; discovery of content files.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plainsum import lazy_exports

if TYPE_CHECKING:
    from plainsum.content.changes import CERTAINTY_WORDS, Changes, ResultChange, Stale, changes_of, stale_values
    from plainsum.content.discovery import discover
    from plainsum.content.filters import FILTERS, in_words, long_date
    from plainsum.content.kinds import KINDS
    from plainsum.content.loader import load_review
    from plainsum.content.locale import SOURCE_LANGUAGE, Locale, available_languages
    from plainsum.content.model import ID_PATTERN, Prose, Review, Section, Translation, digest
    from plainsum.content.published import (
        PACK_NAME,
        PUBLISHED_DIR,
        PUBLISHED_INDEX,
        PublishedRecord,
        StoredVersion,
        attach_previous,
        index_bytes,
        published_dir,
        published_text,
        read_index,
        recorded_files,
    )
    from plainsum.content.sourcemap import JINJA_TAG, LineIndex, rendered_to_template
    from plainsum.content.translation import load_translation, translation_paths
    from plainsum.content.versions import doi_version, earlier_dois
    from plainsum.content.yamlsource import FAST_LOADER, decode_utf8, load_data, read_text

__all__ = [
    "CERTAINTY_WORDS",
    "FAST_LOADER",
    "FILTERS",
    "ID_PATTERN",
    "JINJA_TAG",
    "KINDS",
    "PACK_NAME",
    "PUBLISHED_DIR",
    "PUBLISHED_INDEX",
    "SOURCE_LANGUAGE",
    "Changes",
    "LineIndex",
    "Locale",
    "Prose",
    "PublishedRecord",
    "ResultChange",
    "Review",
    "Section",
    "Stale",
    "StoredVersion",
    "Translation",
    "attach_previous",
    "available_languages",
    "changes_of",
    "decode_utf8",
    "digest",
    "discover",
    "doi_version",
    "earlier_dois",
    "in_words",
    "index_bytes",
    "load_data",
    "load_review",
    "load_translation",
    "long_date",
    "published_dir",
    "published_text",
    "read_index",
    "read_text",
    "recorded_files",
    "rendered_to_template",
    "stale_values",
    "translation_paths",
]

__getattr__ = lazy_exports(__name__, {
    "changes": ("CERTAINTY_WORDS", "Changes", "ResultChange", "Stale", "changes_of", "stale_values",),
    "discovery": ("discover",),
    "kinds": ("KINDS",),
    "locale": ("SOURCE_LANGUAGE", "Locale", "available_languages",),
    "loader": ("load_review",),
    "model": ("ID_PATTERN", "Prose", "Review", "Section", "Translation", "digest",),
    "filters": ("FILTERS", "in_words", "long_date",),
    "published": ("PACK_NAME", "PUBLISHED_DIR", "PUBLISHED_INDEX", "PublishedRecord", "StoredVersion", "index_bytes",
                  "attach_previous", "published_dir", "published_text",
                  "read_index", "recorded_files",),
    "sourcemap": ("JINJA_TAG", "LineIndex", "rendered_to_template",),
    "translation": ("load_translation", "translation_paths",),
    "versions": ("doi_version", "earlier_dois",),
    "yamlsource": ("FAST_LOADER", "decode_utf8", "load_data", "read_text",),
})
