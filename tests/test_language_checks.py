"""Plain-language checks in other languages: each language's abbreviations (the same ones the sentence
splitter knows), rare words from its own word list, and messages whose figures never read as equal to
the limit they broke."""

from __future__ import annotations

import pytest

from plainsum.checks import registry
from plainsum.checks.glossary import family_zipf, rare_words, zipf
from plainsum.checks.registry import precise
from plainsum.gate.settings import load_config
from plainsum.readability.languages import language_profile
from plainsum.readability.score import score_markdown


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory):
    return load_config(tmp_path_factory.mktemp("empty-project"))


def findings(text: str, language: str, config, check: str) -> list[str]:
    scored = score_markdown(text, "x.md", "summary", 0, language_profile(language))
    return [f.message for f in registry.run(scored, config) if f.check == check]


# --- abbreviations ---------------------------------------------------------------------------------

def test_spanish_ee_uu_is_not_an_unexplained_abbreviation(config):
    text = "Encontramos 12 estudios de EE. UU. y de Europa. Otros dos venían de EE.UU. y tenían pocos niños."
    assert findings(text, "es", config, "plain.abbreviation") == []


def test_a_spanish_abbreviation_the_reader_may_not_know_is_still_flagged(config):
    messages = findings("Encontramos 12 ECA con la OMS. El VIH no cambió.", "es", config, "plain.abbreviation")
    assert messages == ["abbreviation 'ECA' used without being spelled out"]  # OMS and VIH are everyday Spanish


def test_the_english_list_is_not_used_for_spanish_text(config):
    # NHS is on the English list of known abbreviations; a Spanish reader does not know it
    messages = findings("Los datos venían del NHS y de la UE.", "es", config, "plain.abbreviation")
    assert messages == ["abbreviation 'NHS' used without being spelled out"]
    assert findings("The data came from the NHS.", "en", config, "plain.abbreviation") == []


def test_check_and_splitter_agree_on_ee_uu():
    # the splitter reads EE. UU. as one abbreviation: no sentence ends inside it, but one may end after it
    scored = score_markdown("Vivían en EE. UU. y en Europa. Eran de EE. UU. Los demás eran de Chile.", min_words=0,
                            language="es")
    assert [s.text for s in scored.sentences] == ["Vivían en EE. UU. y en Europa.", "Eran de EE. UU.",
                                                 "Los demás eran de Chile."]
    profile = language_profile("es")
    assert profile.abbreviation_stops("EE") and profile.abbreviation_stops("UU")
    assert not language_profile("en").abbreviation_stops("EE")


# --- rare words ------------------------------------------------------------------------------------

def test_german_sharp_s_is_looked_up_as_wordfreq_stores_it():
    # wordfreq casefolds its words, and casefolding turns ß into ss: "größere" is listed as "grössere"
    assert zipf("größere", "de") > 3
    assert zipf("Straße", "de") == zipf("strasse", "de") > 4


def test_an_ordinary_sentence_initial_spanish_verb_is_not_rare():
    assert rare_words("Encontramos 12 estudios. Queríamos saber si ayuda.", 2.6, set(), None, "es") == []


def test_an_inflected_form_counts_with_its_family():
    # "inflaman" (they inflame) is rare as a form (2.08) but not as a verb (inflamar, inflamado...: 3.3)
    spanish = language_profile("es")
    assert zipf("inflaman", "es") < 2.5 < 3 < family_zipf("inflaman", "es", spanish.inflections)
    assert rare_words("Los nervios se inflaman.", 2.6, set(), None, "es", spanish.inflections) == []
    assert [r.word for r in rare_words("Los nervios se inflaman.", 2.6, set(), None, "es")] == ["inflaman"]
    # a technical word stays rare with all its forms
    assert [r.word for r in rare_words("Es una plexopatía lumbosacra.", 2.6, set(), None, "es", spanish.inflections)] \
        == ["plexopatía", "lumbosacra"]


def test_each_language_has_its_measured_rare_word_threshold(config):
    assert language_profile("es").rare_min_zipf == 2.6 and language_profile("de").rare_min_zipf == 2.1
    scored = score_markdown("Los ensayos aleatorizados fueron pequeños.", "x.md", "summary", 0, language_profile("es"))
    assert [f.message for f in registry.run(scored, config) if f.check == "plain.rare-word"] == [
        "rare word: 'aleatorizados' (word frequency 2.2 on the Zipf scale with its other forms, below 2.6)"]
    # a configured min_zipf applies to every language
    assert [f for f in registry.run(scored, _with_min_zipf(config, 2.0)) if f.check == "plain.rare-word"] == []


# --- messages --------------------------------------------------------------------------------------

def test_a_rare_word_never_reads_as_equal_to_the_limit(config):
    # picotements: Zipf 2.68 in French with picotement; one decimal would print "2.7 ... below 2.7"
    scored = score_markdown("Nous avons eu des picotements.", "x.md", "summary", 0, language_profile("fr"))
    messages = [f.message for f in registry.run(scored, _with_min_zipf(config, 2.7)) if f.check == "plain.rare-word"]
    assert messages == ["rare word: 'picotements' (word frequency 2.68 on the Zipf scale with its other forms, below 2.7)"]
    assert [f for f in registry.run(scored, config) if f.check == "plain.rare-word"] == []  # French's 2.6


def _with_min_zipf(config, value: float):
    import dataclasses

    options = {**config.check_options, "plain.rare-word": {**config.check_options.get("plain.rare-word", {}),
                                                           "min_zipf": value}}
    return dataclasses.replace(config, check_options=options)


@pytest.mark.parametrize("value, limit, decimals, text", [
    (2.48, 2.5, 1, "2.48"), (13.04, 13, 1, "13.04"), (12.96, 13, 1, "12.96"), (2.3, 2.5, 1, "2.3"),
    (25.2, 25, 0, "25.2"), (28.57, 28, 0, "29"), (28.0001, 28, 0, "28.0001"),
])
def test_precise_prints_enough_decimals_to_keep_the_comparison(value: float, limit: float, decimals: int, text: str):
    assert precise(value, limit, decimals) == text


def test_the_passive_share_never_reads_as_equal_to_its_maximum(config):
    # 1 of 7 sentences is 14.29%, above a maximum of 14%; rounded to a whole per cent it would read "14%"
    text = "It was found early. We saw it. We wrote it. We read it. We told them. We sent it. We kept it."
    messages = findings(text, "en", _with_share(config, 0.14), "plain.passive-share")
    assert messages == ["1 of 7 sentences (14.3%) is in the passive voice, above the maximum of 14%"]
    assert findings(text, "en", _with_share(config, 0.15), "plain.passive-share") == []


def _with_share(config, value: float):
    import dataclasses

    options = {**config.check_options, "plain.passive-share": {"max_share": value}}
    return dataclasses.replace(config, check_options=options)


def test_check_says_which_checks_did_not_run_on_a_translation(tmp_path):
    import json
    import shutil
    import subprocess
    import sys

    from conftest import REPO

    project = tmp_path / "project"
    shutil.copytree(REPO / "content", project / "content")
    shutil.copy(REPO / "plainsum.toml", project / "plainsum.toml")
    run = [sys.executable, "-m", "plainsum", "check", "content/ilsp-immunotherapy.yaml"]
    verbose = subprocess.run([*run, "-v"], capture_output=True, text=True, cwd=project, timeout=600)
    assert "not run on Spanish text (their data are English): plain.jargon, plain.passive" in verbose.stdout
    documents = json.loads(subprocess.run([*run, "--format", "json"], capture_output=True, text=True, cwd=project,
                                          timeout=600).stdout)["documents"]
    skipped = {d["document"]: d["checks_skipped"] for d in documents}
    assert skipped["ilsp-immunotherapy/summary"] == [] and "plain.jargon" in skipped["ilsp-immunotherapy/es/summary"]


@pytest.mark.parametrize("code", ["es", "fr", "de", "it", "pt", "nl"])
def test_no_abbreviation_the_splitter_knows_is_reported(code: str, config):
    # every abbreviation of the language's lists as it is written: initialisms in capitals ("EE. UU.",
    # "FF. AA."), the others as they open a sentence or a title ("Dra.", "Dott.ssa", "Z.", "Bzw.")
    profile = language_profile(code)
    written = [word.upper() for word in sorted(profile.initialisms)]
    written += [word.capitalize() for word in sorted(profile.never_final | profile.may_end)]
    text = " ".join(f"Vimos {word} y nada." for word in written)
    assert findings(text, code, config, "plain.abbreviation") == []
