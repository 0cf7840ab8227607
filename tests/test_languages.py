"""Language profiles: one entry point for scoring a text in its language, and no silent English."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import REPO

from plainsum.config import LANGUAGE_FORMULAS
from plainsum.readability.languages import ENGLISH_ONLY_CHECKS, UnknownLanguage, language_profile
from plainsum.readability.score import score_markdown

SPANISH = (
    "Este estudio evaluó los efectos de la vitamina D en niños con asma. Los investigadores incluyeron doce "
    "ensayos, p. ej. en España y en México. Los niños que tomaron la vitamina tuvieron menos crisis."
)


@pytest.mark.parametrize("code, expected", [("es", "es"), ("es-MX", "es"), ("PT_br", "pt"), ("FR", "fr"), ("de-AT", "de"), ("en", "en")])
def test_a_code_with_a_region_finds_its_language(code: str, expected: str):
    assert language_profile(code).code == expected


def test_an_unknown_language_is_an_error_not_english():
    with pytest.raises(UnknownLanguage, match="unknown language 'xx'"):
        language_profile("xx")


def test_a_configured_fallback_maps_an_unsupported_language():
    profile = language_profile("ca", {"ca": "es"})
    assert profile.code == "es" and profile.requested == "ca"


def test_each_language_is_scored_with_its_own_formulas():
    scored = score_markdown(SPANISH, min_words=0, language="es")
    assert scored.formula_names == LANGUAGE_FORMULAS["es"]
    assert "szigriszt_pazos" in scored.figures and "flesch_kincaid_grade" not in scored.figures
    assert scored.skipped_checks == ENGLISH_ONLY_CHECKS


def test_spanish_abbreviation_does_not_end_a_sentence():
    scored = score_markdown(SPANISH, min_words=0, language="es")
    assert [s.text[:20] for s in scored.sentences] == ["Este estudio evaluó ", "Los investigadores i", "Los niños que tomaro"]


@pytest.mark.parametrize("code", ["es", "fr", "de", "it", "pt", "nl"])
def test_score_command_prints_the_languages_formulas(code: str):
    result = subprocess.run([sys.executable, "-m", "plainsum", "score", "--language", code, "--min-words", "0", "--format", "json", "-"],
                            input=SPANISH, capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["language"] == code
    for name in LANGUAGE_FORMULAS[code]:
        assert isinstance(data[name], float | int), name
    assert "flesch_kincaid_grade" not in data


def test_score_command_rejects_an_unknown_language():
    result = subprocess.run([sys.executable, "-m", "plainsum", "score", "--language", "xx", "-"],
                            input="A text.", capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 2
    assert "unknown language 'xx'" in result.stderr
    assert "Traceback" not in result.stderr
