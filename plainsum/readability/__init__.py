"""Readability: text model, syllables, counts and formulas, in each language plainsum scores.

Takes: a `Document` (or any Markdown or text) and its language. Gives: `Scored`: sentences,
per-section and per-document counts and readability figures (the formulas of the text's language),
what was left out as not prose, and the word tables (syllables, word frequency) with their cache.
The language of a text is one `LanguageProfile` (`language_profile("es")`): its formulas,
syllables, abbreviations, reference headings and the checks that cannot run on it.
"""
