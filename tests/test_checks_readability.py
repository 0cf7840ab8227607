"""Readability checks (texts each check must flag or pass) and the [gate] configuration they read."""

from __future__ import annotations

from pathlib import Path

import pytest

from plainsum.checks import registry
from plainsum.errors import InputError
from plainsum.gate.settings import load_config
from plainsum.readability.score import score_markdown

GATE = """
[gate.summary]
max_flesch_kincaid_grade = 10
min_words = 20
max_words = 400
formula_min_words = 40
max_hard_sentences = 1

[gate.summary.sentences]
max_words = 25
max_grade = 14

[gate.summary.sections."Key results"]
max_flesch_kincaid_grade = 9
formula_min_words = 30
"""

EASY = (
    "We looked for studies of exercise for back pain. We found six studies with about nine hundred people. "
    "Most people did the exercise at home. Some went to classes. People who did the exercise had a little "
    "less pain after three months. We are not sure how long this lasts."
)
HARD = (
    "Idiopathic lumbosacral radiculoplexus neuropathy constitutes a heterogeneous, predominantly immunologically "
    "mediated microvasculitic syndrome. Electrophysiological investigations demonstrated predominantly axonal "
    "degeneration. Consequently, immunomodulatory interventions were hypothesised to ameliorate symptomatology "
    "considerably. Nevertheless, methodologically rigorous randomised evaluations remain conspicuously unavailable."
)
LONG_SENTENCE = (
    "After a wide search for studies of treatment in people of all ages who had the condition for a short or a "
    "long time, we found no trials of any form of therapy that acts on the immune system."
)
SPANISH = "Encontramos seis estudios con unas novecientas personas. La mayoría hizo el ejercicio en casa."
SHORT_HARD = "Immunomodulatory interventions ameliorate symptomatology considerably."

CASES = {
    "readability.thresholds": {
        "flag": [HARD + " " + HARD, "Too short to say much at all."],
        "pass": [EASY, EASY + "\n\n## Key results\n\n" + EASY],
    },
    "readability.section-thresholds": {
        "flag": ["## Key results\n\n" + HARD, "## key results:\n\n" + HARD],
        "pass": ["## Key results\n\n" + EASY, "## Background\n\n" + HARD],
    },
    "readability.too-short": {
        "flag": [SHORT_HARD, "## Key results\n\n" + SHORT_HARD + "\n\n## More\n\n" + EASY],
        "pass": [EASY, HARD + " " + HARD],
    },
    "readability.short-text": {  # shorter than formula_min_words (100): its sentences are the gate
        "flag": [SHORT_HARD, "We found six studies. We looked at every study of any kind of treatment for people of all ages "
                 "who had the condition, wherever and whenever the study was done, and found none."],
        "pass": [EASY, HARD + " " + HARD, "We found six studies. Most people did the exercise at home."],
    },
    "readability.other-language": {  # "[es] ...": the text is scored as Spanish
        "flag": ["[es] " + SPANISH, "[de] Wir fanden sechs Studien. Sie waren klein."],
        "pass": [EASY, HARD],
    },
    "readability.hard-sentence": {
        "flag": [LONG_SENTENCE, EASY + " " + SHORT_HARD],
        "pass": [EASY, "- pain\n- function\n- side effects"],
    },
    "readability.hard-sentence-count": {
        "flag": [LONG_SENTENCE + " " + SHORT_HARD, HARD],
        "pass": [EASY, EASY + " " + LONG_SENTENCE],
    },
}


@pytest.fixture(scope="module")
def config(tmp_path_factory):
    root = tmp_path_factory.mktemp("gate")
    (root / "plainsum.toml").write_text(GATE, encoding="utf-8")
    return load_config(root)


def _flags(check_id: str, text: str, config):
    language = "en"
    if text.startswith("[") and text[3:5] == "] ":
        language, text = text[1:3], text[5:]
    return list(registry[check_id].function(score_markdown(text, language=language), config))


@pytest.mark.parametrize(
    "check_id, expect, text",
    [(check_id, expect, text) for check_id, table in CASES.items() for expect in ("flag", "pass") for text in table[expect]],
)
def test_check_table(check_id: str, expect: str, text: str, config) -> None:
    flags = _flags(check_id, text, config)
    assert bool(flags) == (expect == "flag"), flags


def test_other_language_suggests_the_bound_of_the_right_direction(tmp_path: Path) -> None:
    write(tmp_path, "[gate.summary]\nmin_szigriszt_pazos = 55\nmax_flesch_kincaid_grade = 8\n")
    gated = load_config(tmp_path)
    (english,) = list(registry["readability.other-language"].function(score_markdown(EASY), gated))
    assert english.message.startswith("min_szigriszt_pazos not applied: the text is English")
    assert "(max_flesch_kincaid_grade, or a preset" in english.suggestion  # a grade: lower is easier
    (spanish,) = list(registry["readability.other-language"].function(score_markdown(SPANISH, language="es"), gated))
    assert "(min_szigriszt_pazos, or a preset" in spanish.suggestion  # an ease: higher is easier


def test_a_formula_finding_points_at_the_hardest_sentence(config) -> None:
    text = EASY + " " + HARD + " " + HARD
    scored = score_markdown(text)
    (flag,) = [f for f in registry["readability.thresholds"].function(scored, config) if "grade" in f.message]
    assert flag.sentence in HARD and flag.offset == text.index(flag.sentence)


def test_hard_sentence_names_its_long_words(config) -> None:
    (flag,) = _flags("readability.hard-sentence", EASY + " " + SHORT_HARD, config)
    assert "immunomodulatory" in flag.suggestion.lower()
    assert flag.sentence == SHORT_HARD


def test_short_section_gets_counts_not_formulas(config) -> None:
    text = "## Key results\n\n" + SHORT_HARD + "\n\n## More\n\n" + EASY
    assert not _flags("readability.section-thresholds", text, config)
    (flag,) = _flags("readability.too-short", text, config)
    assert "Key results" in flag.message and "formula_min_words" in flag.message


def write(root: Path, text: str) -> Path:
    path = root / "plainsum.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_presets_fill_thresholds_and_explicit_keys_override(tmp_path: Path) -> None:
    write(tmp_path, '[gate.summary]\npreset = ["vale", "cochrane-2021"]\nmax_smog_index = 12\n')
    config = load_config(tmp_path)
    bounds = config.thresholds("summary")
    assert bounds["max_flesch_kincaid_grade"] == 8 and bounds["min_flesch_reading_ease"] == 70
    assert bounds["max_gunning_fog"] == 10 and bounds["max_coleman_liau_index"] == 9
    assert bounds["min_words"] == 400 and bounds["max_words"] == 850
    assert bounds["max_smog_index"] == 12


def test_nih_preset_blocks_a_grade_nine_text(tmp_path: Path) -> None:
    write(tmp_path, '[gate.summary]\npreset = "nih"\nformula_min_words = 0\n')
    config = load_config(tmp_path)
    flags = list(registry["readability.thresholds"].function(score_markdown(HARD), config))
    assert any("max_flesch_kincaid_grade" in f.message for f in flags)


@pytest.mark.parametrize(
    "toml, line, fragment",
    [
        ("[gate.summary]\nmax_grade = 8\n", 2, "unknown gate setting 'max_grade'"),
        ("[gate.summary]\npreset = \"who\"\n", 2, "unknown preset 'who'"),
        ("[gate.lay]\nmax_words = 8\n", 1, "unknown document kind"),
        ("[gate.summary]\nmax_words = 800\n\n[gate.summary.sentences]\nmax_word = 30\n", 5, "unknown setting 'max_word'"),
        ("[gate.summary.sections.\"Key results\"]\nmax_flesch_kincaid_grade = 9\nmin_gradez = 1\n", 3, "unknown section setting"),
        ("[gate.abstract]\nformula_min_words = -5\n", 2, "formula_min_words"),
        ("[gate.summary]\nmax_words = \"many\"\n", 2, "must be a number"),
    ],
)
def test_unknown_or_bad_gate_keys_are_errors_at_their_line(tmp_path: Path, toml: str, line: int, fragment: str) -> None:
    write(tmp_path, toml)
    with pytest.raises(InputError) as caught:
        load_config(tmp_path)
    (problem,) = caught.value.problems
    assert problem.path.endswith("plainsum.toml") and problem.line == line, str(problem)
    assert fragment in problem.message


def test_section_bounds_match_headings_loosely(tmp_path: Path) -> None:
    write(tmp_path, '[gate.summary.sections."Key Results"]\nmax_words = 10\n')
    config = load_config(tmp_path)
    assert config.section_thresholds("summary", "key results:") == {"max_words": 10}
    assert config.section_thresholds("summary", "Background") == {}
    assert config.section_thresholds("abstract", "Key results") == {}


def test_sentence_limits_per_kind_override_the_global_ones(tmp_path: Path) -> None:
    write(tmp_path, "[sentences]\nmax_words = 40\n\n[gate.abstract.sentences]\nmax_words = 50\nmax_long_words = 8\n")
    config = load_config(tmp_path)
    assert config.sentence_limits("summary") == {"max_words": 40, "max_grade": 16}
    assert config.sentence_limits("abstract") == {"max_words": 50, "max_grade": 16, "max_long_words": 8}
