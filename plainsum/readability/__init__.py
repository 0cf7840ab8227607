"""Readability: text model, syllables, counts and formulas.

Takes: a `Document` (or any Markdown or text). Gives: `Scored`: sentences, per-section and
per-document counts and readability figures, and the word tables (syllables, word frequency)
with their cache.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plainsum import lazy_exports

if TYPE_CHECKING:
    from plainsum.readability.datacache import cached_value
    from plainsum.readability.score import Scored, Sentence, score_document, score_markdown, section_figures
    from plainsum.readability.syllables import cmu_syllables

__all__ = [
    "Scored",
    "Sentence",
    "cached_value",
    "cmu_syllables",
    "score_document",
    "score_markdown",
    "section_figures",
]

__getattr__ = lazy_exports(__name__, {
    "datacache": ("cached_value",),
    "score": ("Scored", "Sentence", "score_document", "score_markdown", "section_figures",),
    "syllables": ("cmu_syllables",),
})
