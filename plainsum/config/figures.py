"""The names of the readability figures, and how reports name them to people.

Kept apart from plainsum/readability/metrics.py so that reporting (and a build with nothing to render)
needs none of the scoring code.
"""

# Formulas, in the order reports show them. Names follow textstat's functions.
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
FIGURE_NAMES = COUNT_NAMES + FORMULA_NAMES
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
}
