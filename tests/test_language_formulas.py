"""Each language's formulas against worked examples, and against two other implementations.

None of the sources (or the secondary literature that quotes them) that could be found publishes a
worked example with its counts (docs/readability.md, "Published values"), so each case here gives a
sample's counts and the value worked out by hand from the source's constants. Then:

- the constants are those of the sources as docs/readability.md cites them, and those koRpus (the R
  package, whose reference manual cites the same sources) documents, where the two agree;
- on the same counts, plainsum's arithmetic gives textstat's value (textstat counts differently; the
  counts are textstat's own), except where the constants differ, by exactly that difference;
- docs/readability.md's comparison with textstat is what `python -m bench languages` prints;
- end to end, short texts whose syllables and letters were counted by hand.
"""

from __future__ import annotations

import pytest
from conftest import REPO

from plainsum.readability.metrics import (
    LANGUAGE_FORMULA_FUNCTIONS,
    WIENER_SACHTEXTFORMELN,
    Counts,
    formula_figures,
    wiener_sachtextformel_variant,
)
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
    # Flesch-Douma: 206.835 − 0.77 × 150 syllables per 100 words − 0.93 × 15 words a sentence
    ("flesch_douma", sample(90, 6, syllables=135), 77.385),
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
    assert nl["syllables"] == 8 and nl["flesch_douma"] == pytest.approx(206.835 - 0.77 * 200 - 0.93 * 4)
    # pt: A(1) cri-an-ça(3) co-me(2) pão(1). 4 words, 7 syllables
    pt = score_markdown("A criança come pão.", min_words=0, language="pt").figures
    assert pt["syllables"] == 7 and pt["flesch_martins"] == pytest.approx(248.835 - 1.015 * 4 - 84.6 * 7 / 4)


# --- the four Wiener Sachtextformeln ------------------------------------------------------------------

def test_the_four_wiener_sachtextformeln_worked_by_hand():
    # 120 words in 8 sentences: MS 20 % (24 of three or more syllables), SL 15, IW 30 % (36 of more than
    # six letters), ES 45 % (54 of one syllable)
    counts = sample(120, 8, long_words=24, long_letter_words=36, monosyllables=54)
    assert wiener_sachtextformel_variant(counts, 1) == pytest.approx(0.1935 * 20 + 0.1672 * 15 + 0.1297 * 30 - 0.0327 * 45 - 0.875)
    assert wiener_sachtextformel_variant(counts, 2) == pytest.approx(0.2007 * 20 + 0.1682 * 15 + 0.1373 * 30 - 2.779)
    assert wiener_sachtextformel_variant(counts, 3) == pytest.approx(0.2963 * 20 + 0.1905 * 15 - 1.1144)
    assert wiener_sachtextformel_variant(counts, 4) == pytest.approx(0.2744 * 20 + 0.2656 * 15 - 1.693)
    assert LANGUAGE_FORMULA_FUNCTIONS["wiener_sachtextformel"](counts) == wiener_sachtextformel_variant(counts, 1)


# koRpus 0.13-8, readability(): its reference manual (CRAN) prints each formula's constants with its
# source. nWS: MS as a share (19.35 per 1 = 0.1935 per per cent), SL, IW, ES, constant.
KORPUS_WIENER = ((19.35, 0.1672, 12.97, 3.27, 0.875), (20.07, 0.1682, 13.73, 0.0, 2.779),
                 (29.63, 0.1905, 0.0, 0.0, 1.1144), (27.44, 0.2656, 0.0, 0.0, 1.693))


def test_the_wiener_constants_are_koRpus_s():
    for (ms, sl, iw, es, constant), ours in zip(KORPUS_WIENER, WIENER_SACHTEXTFORMELN, strict=True):
        assert ours == pytest.approx((ms / 100, sl, iw / 100, -es / 100, -constant))


@pytest.mark.parametrize("name, base, per_sentence, per_word", [
    # koRpus's "Flesch" internationalisations, in the form base − a × W/St − b × Sy/W
    ("amstad", 180.0, 1.0, 58.5),               # Flesch.de, Amstad
    ("szigriszt_pazos", 206.835, 1.0, 62.3),    # Flesch.es-s, Szigriszt
    ("flesch_douma", 206.835, 0.93, 77.0),      # Flesch.nl, Douma
])
def test_flesch_adaptations_have_koRpus_s_constants(name: str, base: float, per_sentence: float, per_word: float):
    counts = sample(90, 6, syllables=153)
    assert LANGUAGE_FORMULA_FUNCTIONS[name](counts) == pytest.approx(base - per_sentence * 15 - per_word * 1.7)


def test_fernandez_huerta_and_kandel_moles_where_koRpus_differs():
    # koRpus's Flesch.es (Fernández Huerta) starts from 206.835 where Law (2011) and legible.es give 206.84;
    # its Flesch.fr (Kandel-Moles) is 209 − 1.15 ASL − 68 ASW, where textstat and cordial.fr give
    # 207 − 1.015 ASL − 73.6 ASW (docs/readability.md: the 1958 paper could not be read to settle it)
    counts = sample(90, 6, syllables=153)
    assert LANGUAGE_FORMULA_FUNCTIONS["fernandez_huerta"](counts) - (206.835 - 1.02 * 15 - 60 * 1.7) == pytest.approx(0.005)
    assert LANGUAGE_FORMULA_FUNCTIONS["kandel_moles"](counts) == pytest.approx(207 - 1.015 * 15 - 73.6 * 1.7)
    assert LANGUAGE_FORMULA_FUNCTIONS["kandel_moles"](counts) != pytest.approx(209 - 1.15 * 15 - 68 * 1.7)


# --- against textstat, on textstat's own counts ---------------------------------------------------------

def test_on_the_same_counts_plainsum_gives_textstat_s_values():
    from bench.language_compare import compare

    rows = compare()
    assert len(rows) == 20
    for row in rows:
        difference = row.on_textstat_counts - row.textstat
        if row.figure == "flesch_vacca":
            # textstat computes the 1986 revision: 217 − 1.3 ASL − 0.6 × syllables per 100 words
            theirs = row.theirs
            revision = 217 - 1.3 * theirs.words / theirs.sentences - 0.6 * 100 * theirs.syllables / theirs.words
            assert row.textstat == pytest.approx(revision)
        elif row.figure == "szigriszt_pazos":
            assert difference == pytest.approx(-0.005)  # textstat's base is 206.84, the source's 206.835
        else:
            assert difference == pytest.approx(0.0, abs=1e-9), row


def test_textstat_s_wiener_variants_are_plainsum_s_on_the_same_counts():
    from bench.language_compare import _plain_text
    from bench.language_texts import TEXTS
    from plainsum.readability.offline import textstat_offline

    ts = textstat_offline()
    text = _plain_text(TEXTS["de"])
    ts.set_lang("de")
    try:
        counts = sample(ts.lexicon_count(text), ts.sentence_count(text), long_words=ts.polysyllabcount(text),
                        long_letter_words=ts.long_word_count(text), monosyllables=ts.monosyllabcount(text))
        for variant in (1, 2, 3, 4):
            assert wiener_sachtextformel_variant(counts, variant) == pytest.approx(ts.wiener_sachtextformel(text, variant))
    finally:
        ts.set_lang("en")


def test_the_docs_comparison_with_textstat_is_the_bench_output():
    from bench.language_compare import HEADER, compare

    docs = (REPO / "docs" / "readability.md").read_text(encoding="utf-8")
    assert HEADER in docs
    for row in compare():
        assert row.markdown() in docs, row.markdown()


def test_a_published_flesch_value_from_its_published_counts():
    # leichtlesbar.ch (Flesch's English constants) on a review of 249 words, 29 sentences, 406 syllables:
    # "Das ergibt einen Flesch-Wert von 60" (infotechnica.de, 2015; docs/readability.md, "Published values")
    counts = sample(249, 29, syllables=406)
    assert round(formula_figures(counts, 0.0)["flesch_reading_ease"]) == 60
    assert LANGUAGE_FORMULA_FUNCTIONS["amstad"](counts) == pytest.approx(76.0, abs=0.05)


def test_lorca_s_worked_szigriszt_pazos_example():
    # lorca (github.com/dmarman/lorca, spec/readability-spec.js), an independent Spanish implementation:
    # "En verano hace calor. En invierno hace frío" is 78, "Bastante fácil" on the INFLESZ scale (65-80).
    # En(1) ve-ra-no(3) ha-ce(2) ca-lor(2); En(1) in-vier-no(3) ha-ce(2) frí-o(2): 8 words, 2 sentences, 16 syllables
    figures = score_markdown("En verano hace calor. En invierno hace frío", min_words=0, language="es").figures
    assert (figures["words"], figures["sentences"], figures["syllables"]) == (8, 2, 16)
    assert round(figures["szigriszt_pazos"]) == 78 and 65 <= figures["szigriszt_pazos"] < 80


def test_coleman_and_liaus_own_worked_example():
    # the abstract of Coleman and Liau's 1975 paper: 5 sentences, 119 words, 639 letters or digits, grade 14.5
    # with 0.0588 L − 0.296 S − 15.8 (en.wikipedia "Coleman–Liau index"); textstat's 0.058 would give 14.0
    counts = sample(119, 5, letters=639)
    assert round(formula_figures(counts, 0.0)["coleman_liau_index"], 1) == 14.5


def test_automated_readability_index_counts_letters_and_digits():
    # Smith and Senter (1967): characters are the letters and numbers a typist strikes, per word
    counts = Counts(sentences=2, words=20, letters=90, characters=120)
    assert formula_figures(counts, 0.0)["automated_readability_index"] == pytest.approx(4.71 * 90 / 20 + 0.5 * 10 - 21.43)
