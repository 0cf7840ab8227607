"""The names of the readability figures, and how reports name them to people.

Kept apart from plainsum/readability/metrics.py so that reporting (and a build with nothing to render)
needs none of the scoring code. Which formulas each language is scored with is named here too, so
that a gate setting such as `min_szigriszt_pazos` can be validated without loading the scoring code;
the language profiles themselves (syllables, abbreviations, word lists) are in
plainsum/readability/languages.py.
"""

from collections.abc import Mapping

# English formulas, in the order reports show them. Names follow textstat's functions.
FORMULA_NAMES = (
    "flesch_kincaid_grade",
    "flesch_reading_ease",
    "smog_index",
    "gunning_fog",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
    "linsear_write_formula",
)
# Formulas for other languages (docs/readability.md gives each one's source, constants and scale).
# LIX and RIX count letters, not syllables, and apply to any alphabetic language, English included.
LANGUAGE_FORMULA_NAMES = (
    "fernandez_huerta",
    "szigriszt_pazos",
    "kandel_moles",
    "amstad",
    "wiener_sachtextformel",
    "gulpease",
    "flesch_vacca",
    "flesch_martins",
    "flesch_douma",
    "lix",
    "rix",
)
# Counts and ratios, which are reported for texts of any length.
COUNT_NAMES = (
    "sentences",
    "words",
    "syllables",
    "words_per_sentence",
    "syllables_per_word",
    "long_words",
    "long_word_share",
)
# The figures of an English text (the default language).
FIGURE_NAMES = COUNT_NAMES + FORMULA_NAMES
# Every formula and every figure of any language, in report order.
# (LIX and RIX come right after the English formulas, so that an English document's figures, kept by
# the build manifest as a list in this order, end with them and carry no empty slots.)
ALL_FORMULA_NAMES = (*FORMULA_NAMES, "lix", "rix", *(name for name in LANGUAGE_FORMULA_NAMES if name not in ("lix", "rix")))
ALL_FIGURE_NAMES = COUNT_NAMES + ALL_FORMULA_NAMES

# The formulas of each supported language, the first being the one a report names first.
LANGUAGE_FORMULAS: dict[str, tuple[str, ...]] = {
    "en": (*FORMULA_NAMES, "lix", "rix"),
    "es": ("szigriszt_pazos", "fernandez_huerta", "lix", "rix"),
    "fr": ("kandel_moles", "lix", "rix"),
    "de": ("amstad", "wiener_sachtextformel", "lix", "rix"),
    "it": ("gulpease", "flesch_vacca", "lix", "rix"),
    "pt": ("flesch_martins", "lix", "rix"),
    "nl": ("flesch_douma", "lix", "rix"),
}
LANGUAGE_NAMES = {
    "en": "English", "es": "Spanish", "fr": "French", "de": "German", "it": "Italian", "pt": "Portuguese", "nl": "Dutch",
}

# How each figure is named to people, in reports and findings.
FIGURE_LABELS = {
    "sentences": "sentences",
    "words": "words",
    "syllables": "syllables",
    "words_per_sentence": "words per sentence",
    "syllables_per_word": "syllables per word",
    "long_words": "long words (3+ syllables)",
    "long_word_share": "share of long words (%)",
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "flesch_reading_ease": "Flesch reading ease",
    "smog_index": "SMOG index",
    "gunning_fog": "Gunning fog index",
    "coleman_liau_index": "Coleman-Liau index",
    "automated_readability_index": "Automated Readability Index",
    "dale_chall_readability_score": "Dale-Chall score",
    "linsear_write_formula": "Linsear Write",
    "fernandez_huerta": "Fernández-Huerta",
    "szigriszt_pazos": "Szigriszt-Pazos (INFLESZ)",
    "kandel_moles": "Kandel-Moles",
    "amstad": "Amstad (Flesch, German)",
    "wiener_sachtextformel": "Wiener Sachtextformel",
    "gulpease": "Gulpease",
    "flesch_vacca": "Flesch-Vacca",
    "flesch_martins": "Flesch (Martins et al.)",
    "flesch_douma": "Flesch-Douma",
    "lix": "LIX",
    "rix": "RIX",
}
# Figures where a higher value means easier text; for the others, higher is harder.
EASIER_WHEN_HIGHER = frozenset({
    "flesch_reading_ease", "fernandez_huerta", "szigriszt_pazos", "kandel_moles", "amstad", "gulpease",
    "flesch_vacca", "flesch_martins", "flesch_douma",
})


def scored_formulas(figures: Mapping[str, float]) -> tuple[str, ...]:
    """The formulas of the language a document was scored in, told from its figures (a language
    [languages] maps to another has that one's): the first is the one reports name first, the
    Flesch-Kincaid grade for English, the language's own scale otherwise. () for a text too short for formulas."""
    return next((names for names in LANGUAGE_FORMULAS.values() if names[0] in figures), ())


def ease_formula(figures: Mapping[str, float]) -> str | None:
    """The reading-ease scale (higher is easier) of a document's language: Flesch's for English,
    Szigriszt-Pazos for Spanish, Kandel-Moles for French, ...; None when it has none scored."""
    return next((name for name in scored_formulas(figures) if name in EASIER_WHEN_HIGHER), None)
