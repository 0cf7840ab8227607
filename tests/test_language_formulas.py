"""Each language's formulas against worked examples: samples with the counts their sources ask for.

The sources define each formula on a sample (usually 100 words): syllables per 100 words or per word,
words per sentence, letters, long words. Each case gives such a sample's counts and the value worked
out by hand from the source's constants (docs/readability.md lists them), then checks plainsum's
arithmetic and, end to end, short texts whose syllables and letters were counted by hand.
"""

from __future__ import annotations

import pytest

from plainsum.readability.metrics import LANGUAGE_FORMULA_FUNCTIONS, Counts
from plainsum.readability.score import score_markdown


def sample(words: int, sentences: int, syllables: int = 0, long_words: int = 0, letters: int = 0,
           long_letter_words: int = 0, monosyllables: int = 0) -> Counts:
    return Counts(sentences=sentences, words=words, syllables=syllables, long_words=long_words, letters=letters,
                  long_letter_words=long_letter_words, monosyllables=monosyllables)


WORKED = [
    # Fernández Huerta (Law's correction): 206.84 − 0.60 × 160 syllables per 100 words − 1.02 × 20 words a sentence
    ("fernandez_huerta", sample(100, 5, syllables=160), 90.44),
    # Szigriszt-Pazos: 206.835 − 62.3 × 1.8 syllables a word − 15 words a sentence
    ("szigriszt_pazos", sample(90, 6, syllables=162), 79.695),
    # Kandel and Moles: 207 − 1.015 × 15 − 73.6 × 1.5
    ("kandel_moles", sample(90, 6, syllables=135), 81.375),
    # Amstad: 180 − 15 − 58.5 × 1.7
    ("amstad", sample(90, 6, syllables=153), 65.55),
    # first Wiener Sachtextformel, MS 20 %, SL 15, IW 30 %, ES 45 %:
    # 0.1935 × 20 + 0.1672 × 15 + 0.1297 × 30 − 0.0327 × 45 − 0.875
    ("wiener_sachtextformel", sample(120, 8, long_words=24, long_letter_words=36, monosyllables=54), 7.9225),
    # Gulpease: 89 + (300 × 5 sentences − 10 × 480 letters) / 100 words
    ("gulpease", sample(100, 5, letters=480), 56.0),
    # Flesch-Vacca (1972): 206 − 0.65 × 180 syllables per 100 words − 15 words a sentence
    ("flesch_vacca", sample(90, 6, syllables=162), 74.0),
    # Martins et al.: 248.835 − 1.015 × 15 − 84.6 × 1.9
    ("flesch_martins", sample(90, 6, syllables=171), 72.87),
    # Flesch-Douma: 206.84 − 0.77 × 150 syllables per 100 words − 0.93 × 15 words a sentence
    ("flesch_douma", sample(90, 6, syllables=135), 77.39),
    # LIX: 20 words a sentence + 25 % long words (more than six letters)
    ("lix", sample(100, 5, long_letter_words=25), 45.0),
    # RIX: 25 long words in 5 sentences
    ("rix", sample(100, 5, long_letter_words=25), 5.0),
]


@pytest.mark.parametrize("name, counts, expected", WORKED, ids=[name for name, _, _ in WORKED])
def test_worked_example(name: str, counts: Counts, expected: float) -> None:
    assert LANGUAGE_FORMULA_FUNCTIONS[name](counts) == pytest.approx(expected, abs=1e-9)


def test_every_formula_has_a_worked_example() -> None:
    assert {name for name, _, _ in WORKED} == set(LANGUAGE_FORMULA_FUNCTIONS)


# End to end: texts counted by hand (syllables by the language's rules, letters without punctuation).
def test_spanish_text_counted_by_hand() -> None:
    # La(1) ni-ña(2) co-me(2) pan(1). Su(1) pa-dre(2) le-e(2) el(1) pe-rió-di-co(4).
    # 9 words, 2 sentences, 16 syllables
    figures = score_markdown("La niña come pan. Su padre lee el periódico.", min_words=0, language="es").figures
    assert (figures["words"], figures["sentences"], figures["syllables"]) == (9, 2, 16)
    assert figures["szigriszt_pazos"] == pytest.approx(206.835 - 62.3 * 16 / 9 - 9 / 2)
    assert figures["fernandez_huerta"] == pytest.approx(206.84 - 0.60 * 100 * 16 / 9 - 1.02 * 9 / 2)
    # words of more than six letters: periódico (9)
    assert figures["lix"] == pytest.approx(9 / 2 + 100 * 1 / 9) and figures["rix"] == pytest.approx(0.5)


def test_italian_text_counted_by_hand() -> None:
    # Il(2 letters) bambino(7) mangia(6) la(2) mela(4). Poi(3) dorme(5). 7 words, 2 sentences, 29 letters
    # syllables: il(1) bam-bi-no(3) man-gia(2) la(1) me-la(2) poi(1) dor-me(2) = 12
    figures = score_markdown("Il bambino mangia la mela. Poi dorme.", min_words=0, language="it").figures
    assert (figures["words"], figures["sentences"], figures["syllables"]) == (7, 2, 12)
    assert figures["gulpease"] == pytest.approx(89 + (300 * 2 - 10 * 29) / 7)
    assert figures["flesch_vacca"] == pytest.approx(206 - 0.65 * 100 * 12 / 7 - 7 / 2)


def test_german_text_counted_by_hand() -> None:
    # Die(1) Kin-der(2) spie-len(2) im(1) Gar-ten(2). Sie(1) la-chen(2) laut(1). 8 words, 2 sentences, 12 syllables;
    # one syllable: Die, im, Sie, laut (4 of 8, 50 %); three or more: none; more than six letters: spielen (12.5 %)
    figures = score_markdown("Die Kinder spielen im Garten. Sie lachen laut.", min_words=0, language="de").figures
    assert (figures["words"], figures["sentences"], figures["syllables"]) == (8, 2, 12)
    assert figures["amstad"] == pytest.approx(180 - 8 / 2 - 58.5 * 12 / 8)
    assert figures["wiener_sachtextformel"] == pytest.approx(0.1672 * 4 + 0.1297 * 12.5 - 0.0327 * 50 - 0.875)


def test_french_dutch_and_portuguese_texts_counted_by_hand() -> None:
    # fr: Le(1) chat(1) dort(1) sur(1) la(1) table(1: the final e is silent). 6 words, 6 syllables, 1 sentence
    fr = score_markdown("Le chat dort sur la table.", min_words=0, language="fr").figures
    assert fr["syllables"] == 6 and fr["kandel_moles"] == pytest.approx(207 - 1.015 * 6 - 73.6 * 1)
    # nl: De(1) kin-de-ren(3) spe-len(2) bui-ten(2). 4 words, 8 syllables
    nl = score_markdown("De kinderen spelen buiten.", min_words=0, language="nl").figures
    assert nl["syllables"] == 8 and nl["flesch_douma"] == pytest.approx(206.84 - 0.77 * 200 - 0.93 * 4)
    # pt: A(1) cri-an-ça(3) co-me(2) pão(1). 4 words, 7 syllables
    pt = score_markdown("A criança come pão.", min_words=0, language="pt").figures
    assert pt["syllables"] == 7 and pt["flesch_martins"] == pytest.approx(248.835 - 1.015 * 4 - 84.6 * 7 / 4)
