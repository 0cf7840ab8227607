"""Formulas and counts: agreement with textstat on ordinary prose, the deliberate differences, syllables."""

from __future__ import annotations

import gzip
import json
import random
import statistics

import pytest
from conftest import CORPUS

from plainsum.readability import metrics as metrics
from plainsum.readability.languages import ENGLISH
from plainsum.readability.offline import textstat_offline
from plainsum.readability.score import score_markdown, score_text
from plainsum.readability.syllables import cmu_syllables, rule_syllables, syllables

# Ordinary prose, written for these tests: no statistics or abbreviations, so sentence splitting is
# not at stake, and every word is in the CMU dictionary.
ORDINARY_PROSE = [
    "The doctor asked her patients to walk for half an hour every day. Most of them found the walks easy "
    "at first. After a few weeks, many said they slept better and felt less tired. Some people stopped "
    "because of bad weather or sore feet. The team wanted to know whether the walks helped people with "
    "back pain. They also asked how often people missed a day. In the end, the people who kept walking "
    "had less pain than those who stopped.",
    "We looked for studies that tested a new way to help children with asthma breathe more easily. "
    "Children with asthma often cough at night and find it hard to play sports. Their parents worry about "
    "attacks and about side effects of medicine. We found six studies with more than a thousand children "
    "in total. The studies took place in schools, clinics and homes in several countries. Most children "
    "used an inhaler each morning and each evening. The new treatment seemed to reduce the number of "
    "attacks, but we are not sure about this result.",
    "People who smoke are more likely to have heart disease, lung cancer and stroke. Quitting smoking at "
    "any age brings benefits, and the sooner a person stops, the better. Many smokers try to quit several "
    "times before they succeed. Support from family, friends and health workers can make a real "
    "difference. Some people use nicotine patches or gum to manage cravings. Others prefer counseling or "
    "group meetings. This review compared these approaches to find out which ones work best for adults "
    "who want to stop.",
    "Sleep is important for memory, mood and general health. Adults need around seven to nine hours each "
    "night, although needs vary from person to person. Poor sleep has been linked to weight gain, accidents "
    "at work and problems with concentration. Simple habits can improve sleep for many people. Going to bed "
    "at the same time every night helps the body keep a regular rhythm. Avoiding screens and heavy meals "
    "late in the evening can also help. When these changes are not enough, a doctor may suggest other "
    "treatments.",
    "Falls are a common reason for older people to go to hospital. A fall can lead to a broken hip, a loss "
    "of confidence and a move into a care home. Exercise that improves balance and strength may prevent "
    "some falls. In this review we included studies of exercise classes, home exercise and walking groups. "
    "People who took part in exercise that challenged their balance fell less often than people who did "
    "not. The effect was clearest for programs that lasted more than three months.",
]

# The formulas where plainsum and textstat count alike (Coleman-Liau, ARI and Dale-Chall follow their
# authors where textstat does not: test_*_as_its_authors_defined_it below; the Gunning fog index's hard words
# leave out the inflected forms of familiar words, as Gunning left out -ed, -es and -ing).
TEXTSTAT_NAMES = {
    "flesch_kincaid_grade": "flesch_kincaid_grade",
    "flesch_reading_ease": "flesch_reading_ease",
    "smog_index": "smog_index",
    "linsear_write_formula": "linsear_write_formula",
    "words": "lexicon_count",
    "sentences": "sentence_count",
    "syllables": "syllable_count",
}


@pytest.mark.parametrize("text", ORDINARY_PROSE, ids=[t[:30] for t in ORDINARY_PROSE])
def test_every_formula_agrees_with_textstat_on_ordinary_prose(text: str) -> None:
    ts = textstat_offline()
    ours = score_text(text)
    differences = {
        name: (round(ours[name], 2), round(getattr(ts, function)(text), 2))
        for name, function in TEXTSTAT_NAMES.items()
        if abs(ours[name] - getattr(ts, function)(text)) > 0.1
    }
    assert not differences


def test_ordinary_prose_joined_agrees_too() -> None:
    text = " ".join(ORDINARY_PROSE)
    ts = textstat_offline()
    ours = score_text(text)
    for name, function in TEXTSTAT_NAMES.items():
        assert ours[name] == pytest.approx(getattr(ts, function)(text), abs=0.1), name


def test_coleman_liau_as_its_authors_defined_it() -> None:
    # Coleman and Liau (1975): CLI = 0.0588 L - 0.296 S - 15.8 (textstat rounds 0.0588 to 0.058)
    text = ORDINARY_PROSE[1]
    scored = score_markdown(text)
    c = scored.counts
    expected = 0.0588 * 100 * c.letters / c.words - 0.296 * 100 * c.sentences / c.words - 15.8
    assert scored.figures["coleman_liau_index"] == pytest.approx(expected)
    theirs = textstat_offline().coleman_liau_index(text)
    assert scored.figures["coleman_liau_index"] - theirs == pytest.approx(0.0008 * 100 * c.letters / c.words, abs=0.02)


def test_automated_readability_index_as_its_authors_defined_it() -> None:
    # Smith and Senter (1967) count the letters and digits of words ("strokes"), not punctuation: a comma or a
    # full stop more does not change the index
    plain = score_text("The dog ran home and the cat sat still on the mat today for a long time with us")
    punctuated = score_text("The dog ran home, and the cat sat still; on the mat, today, for a long time with us")
    assert plain["automated_readability_index"] == pytest.approx(punctuated["automated_readability_index"])
    c = score_markdown(ORDINARY_PROSE[2]).counts
    assert score_text(ORDINARY_PROSE[2])["automated_readability_index"] == pytest.approx(
        4.71 * c.letters / c.words + 0.5 * c.words / c.sentences - 21.43)


@pytest.mark.parametrize("word, familiar", [
    ("helped", True), ("studies", True), ("walking", True), ("stopped", True), ("bigger", True), ("largest", True),
    ("hoped", True), ("making", True), ("children's", True), ("tried", True), ("happier", True), ("uses", True),
    ("treatments", False), ("randomised", False), ("immunotherapy", False), ("helpfully", False),
])
def test_dale_chall_inflections_as_its_authors_defined_them(word: str, familiar: bool) -> None:
    # Dale and Chall (1948): regular plurals, possessives, verb forms in -s, -ed, -ing and comparisons in -er,
    # -est of a listed word are familiar; other derivatives are not
    assert metrics.word_info(word).familiar is familiar


def test_dale_chall_counts_inflected_forms_as_familiar_where_textstat_does_not() -> None:
    text = ORDINARY_PROSE[0]  # "asked", "found", "walks", "helped", "stopped"... of listed words
    ours = score_text(text)["dale_chall_readability_score"]
    theirs = textstat_offline().dale_chall_readability_score(text)
    assert ours < theirs - 1


def test_statistics_do_not_split_sentences_as_they_do_in_textstat() -> None:
    text = "Pain fell at four weeks in the treated group (RR 0.73, 95% CI 0.65 to 0.81). Two small trials reported harms."
    assert score_text(text)["sentences"] == 2
    assert textstat_offline().sentence_count(text) > 2  # textstat splits at the decimal points


def test_figures_come_from_the_counts() -> None:
    text = ORDINARY_PROSE[0]
    figures = score_text(text)
    words, sentences, syllable_count = figures["words"], figures["sentences"], figures["syllables"]
    assert figures["flesch_kincaid_grade"] == pytest.approx(0.39 * words / sentences + 11.8 * syllable_count / words - 15.59)
    assert figures["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * words / sentences - 84.6 * syllable_count / words)
    assert figures["words_per_sentence"] == pytest.approx(words / sentences)
    assert figures["long_word_share"] == pytest.approx(100 * figures["long_words"] / words)


def test_sections_and_sentences_add_up_to_the_document() -> None:
    body = "## One\n\n" + ORDINARY_PROSE[0] + "\n\n## Two\n\n" + ORDINARY_PROSE[1] + "\n"
    scored = score_markdown(body, min_words=0)
    assert [s.heading for s in scored.sections] == ["One", "Two"]
    for name in ("words", "sentences", "syllables", "long_words"):
        assert sum(s.figures[name] for s in scored.sections) == scored.figures[name]
    assert sum(s.figures["words"] for s in scored.sentences) == scored.figures["words"]
    assert all("flesch_kincaid_grade" in s.figures for s in scored.sentences)


def test_formulas_are_not_applied_to_short_sections() -> None:
    body = "## Short\n\nA few words only.\n\n## Long\n\n" + ORDINARY_PROSE[1] + "\n"
    scored = score_markdown(body, min_words=50)
    short, long = scored.sections
    assert not short.formulas_applied and "flesch_kincaid_grade" not in short.figures
    assert short.figures["words"] == 4
    assert long.formulas_applied and "smog_index" in long.figures


def test_syllables_from_the_dictionary_and_the_rules() -> None:
    assert syllables("the") == 1
    assert syllables("medicine") == 3
    assert syllables("Immunotherapy") == 6  # case does not matter
    assert syllables("long-term") == 2  # compounds: the sum of the parts
    assert syllables("placebo-controlled") == 5
    assert syllables("ILSP") == 4  # an acronym is read letter by letter
    assert syllables("COVID") == 2 and syllables("COVID-19") == 3  # unless it reads as a word; a number is one
    assert syllables("mRNA") == 4 and syllables("eGFR") == 4 and syllables("IgG") == 3  # mixed case, by units
    assert syllables("e.g.") == 2 and syllables("i.e.") == 2  # letters with full stops are said as letters
    assert syllables("Dr") == 2 and syllables("Dr.") == 2  # said "doctor"
    assert syllables("0.73") == 1 and syllables("95%") == 1  # numbers: one syllable, as in textstat
    assert syllables("radiculoplexus") == rule_syllables("radiculoplexus") == 6


def test_rules_for_unknown_words_match_the_dictionary_on_most_words() -> None:
    table = cmu_syllables()
    words = sorted(w for w in table if w.isalpha() and len(w) > 3)
    sample = random.Random(7).sample(words, 3000)
    exact = sum(rule_syllables(w) == table[w] for w in sample) / len(sample)
    assert exact > 0.85


def test_numbers_are_familiar_words_in_dale_chall() -> None:
    assert metrics.word_info("2013").familiar
    assert not metrics.word_info("immunotherapy").familiar
    assert metrics.word_info("Children,").familiar
    assert metrics.word_info("follow-up").familiar  # a compound of familiar words is familiar
    assert metrics.word_info("—") is None


def test_linsear_write_reads_the_first_hundred_words() -> None:
    ts = textstat_offline()
    text = " ".join(ORDINARY_PROSE[:3])
    assert score_text(text)["words"] > 100
    assert score_text(text)["linsear_write_formula"] == pytest.approx(ts.linsear_write_formula(text), abs=0.1)


def _corpus_sample(limit: int) -> list[tuple[str, str]]:
    texts = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number >= limit:
                break
            review = json.loads(line)
            abstract = "\n\n".join(part["text"] for part in review["abstract"] if part.get("text"))
            pls = review["pls"]
            summary = "\n\n".join(p["text"] for p in pls if p.get("text")) if isinstance(pls, list) else pls.replace("\n", "\n\n")
            texts += [("abstract", abstract), ("summary", summary)]
    return texts


@pytest.mark.skipif(not CORPUS.is_file(), reason="the shared corpus is not available")
def test_abstracts_are_rated_harder_than_lay_summaries_on_the_corpus() -> None:
    grades: dict[str, list[float]] = {"abstract": [], "summary": []}
    for kind, text in _corpus_sample(150):
        grades[kind].append(score_text(text)["flesch_kincaid_grade"])
    assert statistics.median(grades["abstract"]) > statistics.median(grades["summary"]) + 1


def test_the_syllable_table_is_cached_and_survives_a_broken_cache(tmp_path, monkeypatch) -> None:
    from plainsum.readability import syllables as module

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    module.cmu_syllables.cache_clear()
    try:
        table = module.cmu_syllables()
        (cached,) = (tmp_path / "plainsum").glob("cmudict-syllables-*.marshal")
        cached.write_bytes(b"not a marshal file")
        module.cmu_syllables.cache_clear()
        assert module.cmu_syllables() == table and table["medicine"] == 3
    finally:
        module.cmu_syllables.cache_clear()


@pytest.mark.parametrize("token", ["www.example.org", "WWW.Example.ORG.", "(wWw.nice.org.uk)", "https://x.org/a", "doi:10.1002/x",
                                   "10.1002/14651858.CD000001", "ftp://files", "http://x.", "DOI.ORG/10.1/x"])
def test_a_link_is_counted_as_one_link_and_no_word(token: str) -> None:
    metrics._token_caches.clear()  # learnt afresh, as a sentence's sum learns it
    alone = metrics.unpack_counts(metrics.sentences_packed([["word."]])[0])
    assert metrics.unpack_counts(metrics.sentences_packed([[token, "word."]])[0]) == (*alone[:10], 1)


@pytest.mark.parametrize("token", ["follow.", "two.", "new.W", "e.g.", "0.73", "p=.03", "Wales.", "ww", "w.x", "wwwx.org"])
def test_a_word_with_a_full_stop_is_no_link(token: str) -> None:
    metrics._token_caches.clear()
    assert metrics.packed_links(metrics.sentences_packed([[token]])[0]) == 0


@pytest.mark.parametrize("word", ["2013", "0.73", "95%", "1,234", "<", "--", "3/4", "1.5-2.5", "p=.03", "±0.2", "12345678",
                                  "\u00b2", "I\u00b2", "\u0661\u0662", "\u00bd", "10^9", "#1", "1990's", "COVID-19", "H1N1"])
def test_a_word_without_letters_is_packed_as_its_word_info_says(word: str) -> None:
    # _packed_word takes words with no letter the short way (one syllable, never unfamiliar): the same counts as
    # the syllable rules and _word_info give them; words with a letter take the rules
    info = metrics._word_info(word, ENGLISH)
    expected = 0 if info is None else metrics._word_pack(info.syllables, info.letters, info.unfamiliar, info.fog_hard,
                                                         info.long, info.long_letters, info.monosyllable)
    assert metrics._packed_word(word, metrics._token_cache(ENGLISH)) == expected


@pytest.mark.parametrize("code", ["en", "es", "de"])
@pytest.mark.parametrize("word", [
    "effect", "Effect", "effects", "Studies", "children", "people", "bacteria", "zzyzx", "Dr", "dr", "Drs", "Prof", "profs",
    "Professor", "A", "a", "I", "NHS", "COVID", "COPD", "mRNA", "eGFR", "McDonald", "İstanbul", "ǅemal", "naïve", "Éclair",
    "ÉCOLE", "über", "niños", "non-randomised", "well-being", "long-term", "response/remission", "anti-VEGF", "High-flow",
    "a-b", "x/y", "co-op", "e-mail", "cross-sectional", "dose-response", "pre-specified", "non-zzyzx", "bio-feedback",
    "don't", "children's", "patients'", "2013", "95%", "0.73", "1,234", "\u00bd", "12345678", "COVID-19", "H1N1",
])
def test_a_word_is_packed_as_its_word_info_says(word: str, code: str) -> None:
    # _packed_word's short ways (a word of letters, a number, a compound of lower-case words) against the counts the
    # syllable rules and _word_info give, in English and in languages without the Dale-Chall list
    from plainsum.readability.languages import language_profile

    language = language_profile(code)
    info = metrics._word_info(word, language)
    expected = 0 if info is None else metrics._word_pack(info.syllables, info.letters, info.unfamiliar, info.fog_hard,
                                                         info.long, info.long_letters, info.monosyllable)
    assert metrics._packed_word(word, metrics._token_cache(language)) == expected


def test_no_cmu_entry_is_spelt_without_a_letter() -> None:
    # what lets _packed_word count a word without letters as one syllable without looking it up
    from plainsum.readability.syllables import cmu_syllables

    assert not [word for word in cmu_syllables() if metrics._ANY_LETTER.search(word) is None]


def test_no_token_counts_more_than_four_a_character_in_any_field() -> None:
    # the bound that keeps a text's packed counts (metrics._FIELD bits a field) from carrying into the next field
    import random

    from plainsum.readability.languages import LANGUAGE_NAMES, language_profile

    rng = random.Random(32)
    alphabet = "aeiouyAEIOUYWwbcdfghjklmnpqrstvxzBCDFGHJKLMNPQRSTVXZ0123456789.-/'\u2019\u00e9\u00e8\u00fc\u00df\u00f1\u00b2"
    words = ["W", "WWW", "wW", "WwWwWw", "mRNA", "Dr", "e.g.", "U.S.", "COVID-19", "H1N1", "SARS-CoV-2", "IgG", "x"]
    words += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 10))) for _ in range(3000)]
    for code in LANGUAGE_NAMES:
        language = language_profile(code)
        metrics._token_caches.clear()
        for word in words:
            packed = metrics.pack_of(language)(word)
            fields = [(packed >> (index * metrics._FIELD)) & metrics._MASK for index in range(9)]
            assert max(fields) <= 4 * len(word), (code, word, fields)
    metrics._token_caches.clear()


def test_a_text_too_long_for_the_packed_counts_is_refused(monkeypatch) -> None:
    from plainsum.errors import InputError

    monkeypatch.setattr(metrics, "LONGEST_TEXT", 20)
    assert score_markdown("Short enough.").figures["words"] == 2
    with pytest.raises(InputError, match="more than plainsum scores"):
        score_markdown("A text of twenty or more characters.")


def test_syllables_of_lower_case_words_outside_cmu_by_the_rules() -> None:
    """A word of a-z only that CMU lacks is counted by the vowel-group rules at once, as the full rules count it
    (a speed-up, issue 28)."""
    from plainsum.readability import syllables as module

    words = ["xylotomy", "hydroxychloroquines", "bupivacaines", "qzx", "pneumonitides", "dr", "prof", "aeiouy",
             "immune", "hoped", "cases", "autism", "bacteria", "leptospirosis", "tocilizumab", "e"]
    for word in words:
        module._counted.clear()
        assert module.syllables(word) == module._syllables(word), word
