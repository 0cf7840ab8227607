"""Readability: text model, syllables, counts and formulas, in each language plainsum scores.

Takes: a `Document` (or any Markdown or text) and its language. Gives: `Scored`: sentences,
per-section and per-document counts and readability figures (the formulas of the text's language),
what was left out as not prose, and the word tables (syllables, word frequency) with their cache.
The language of a text is one `LanguageProfile` (`language_profile("es")`): its formulas,
syllables, abbreviations, reference headings and the checks that cannot run on it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plainsum import lazy_exports

if TYPE_CHECKING:
    from plainsum.readability.datacache import cached_value
    from plainsum.readability.languages import (
        ENGLISH,
        ENGLISH_ONLY_CHECKS,
        SUPPORTED,
        LanguageProfile,
        UnknownLanguage,
        base_code,
        language_profile,
    )
    from plainsum.readability.score import (
        Scored,
        Sentence,
        document_language,
        score_document,
        score_markdown,
        section_figures,
    )
    from plainsum.readability.syllables import cmu_syllables

__all__ = [
    "ENGLISH",
    "ENGLISH_ONLY_CHECKS",
    "SUPPORTED",
    "LanguageProfile",
    "Scored",
    "Sentence",
    "UnknownLanguage",
    "base_code",
    "cached_value",
    "cmu_syllables",
    "document_language",
    "language_profile",
    "score_document",
    "score_markdown",
    "section_figures",
]

__getattr__ = lazy_exports(__name__, {
    "datacache": ("cached_value",),
    "languages": ("ENGLISH", "ENGLISH_ONLY_CHECKS", "SUPPORTED", "LanguageProfile", "UnknownLanguage", "base_code",
                  "language_profile",),
    "score": ("Scored", "Sentence", "document_language", "score_document", "score_markdown", "section_figures",),
    "syllables": ("cmu_syllables",),
})
