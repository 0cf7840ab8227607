"""Language profiles: one entry point for scoring a text in its language, and no silent English."""

from __future__ import annotations

import json

import pytest
from conftest import REPO, run_cli

from plainsum.config.figures import LANGUAGE_FORMULAS
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
    result = run_cli("score", "--language", code, "--min-words", "0", "--format", "json", "-", input=SPANISH, cwd=REPO,
                     timeout=120)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["language"] == code
    for name in LANGUAGE_FORMULAS[code]:
        assert isinstance(data[name], float | int), name
    assert "flesch_kincaid_grade" not in data


def test_score_command_rejects_an_unknown_language():
    result = run_cli("score", "--language", "xx", "-", input="A text.", cwd=REPO, timeout=120)
    assert result.returncode == 2
    assert "unknown language 'xx'" in result.stderr
    assert "Traceback" not in result.stderr


def _project(tmp_path, language: str, config: str = ""):
    (tmp_path / "content").mkdir()
    text = (REPO / "content" / "ivig-dlrpn.yaml").read_text(encoding="utf-8").replace("language: en", f"language: {language}")
    (tmp_path / "content" / "ivig-dlrpn.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "plainsum.toml").write_text(config, encoding="utf-8")
    return tmp_path


def test_check_reports_an_unknown_review_language_at_its_line(tmp_path):
    root = _project(tmp_path, "ca")
    result = run_cli("check", cwd=root, timeout=300)
    assert result.returncode == 2
    assert "content/ivig-dlrpn.yaml:16:11: unknown language 'ca'" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_scores_a_mapped_review_language_with_its_fallback(tmp_path):
    root = _project(tmp_path, "ca", '[languages]\nca = "es"\n')
    result = run_cli("check", cwd=root, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith("ivig-dlrpn/abstract: pass (Szigriszt-Pazos (INFLESZ)") and "references not scored" in first


def test_a_config_mapping_to_an_unsupported_language_is_an_error(tmp_path):
    root = _project(tmp_path, "en", '[languages]\nca = "xx"\n')
    result = run_cli("check", cwd=root, timeout=300)
    assert result.returncode == 2 and "plainsum.toml:2:1: language 'ca' must map to one plainsum scores" in result.stderr


def test_the_docs_name_exactly_the_english_only_checks():
    """Every page that lists the checks skipped on other languages lists ENGLISH_ONLY_CHECKS, no fewer."""
    import re

    readability = (REPO / "docs" / "readability.md").read_text(encoding="utf-8")
    start = readability.index("- **Checks whose data exist only in English do not run**")
    paragraph = readability[start:readability.index("\n- **", start + 1)]
    assert set(re.findall(r"`((?:plain|cochrane|results|readability|content)\.[\w.-]+)`", paragraph)) == set(
        ENGLISH_ONLY_CHECKS)
    shown = re.search(r"`not run on Spanish text \(their data are English\): ([^`]+)`", paragraph)
    assert shown is not None and " ".join(shown.group(1).split()) == ", ".join(ENGLISH_ONLY_CHECKS)
    result = run_cli("score", "--language", "es", "--checks", "-", input=SPANISH, cwd=REPO, timeout=120)
    listed_by_docs = " ".join(shown.group(1).split())
    assert f"not run on Spanish text (their data are English): {listed_by_docs}\n" in result.stdout
    configuration = " ".join((REPO / "docs" / "configuration.md").read_text(encoding="utf-8").split())
    listed = configuration[configuration.index("the English-only checks"):][:400]
    assert all(f"`{check}`" in listed for check in ENGLISH_ONLY_CHECKS), listed
    plain = (REPO / "docs" / "plain-language.md").read_text(encoding="utf-8")
    assert "runs in every language" not in plain


@pytest.mark.parametrize("mapping, key", [('es = "fr"', "es"), ('es-MX = "fr"', "es-MX"), ('FR = "es"', "FR")])
def test_a_language_with_its_own_profile_cannot_be_remapped(tmp_path, mapping: str, key: str):
    root = _project(tmp_path, "en", f"[languages]\n{mapping}\n")
    for command in (["check"], ["score", "--language", "es", "-"]):
        result = run_cli(*command, input="Un texto.", cwd=root, timeout=300)
        assert result.returncode == 2, result.stdout + result.stderr
        assert f"plainsum.toml:2:1: language '{key}' has its own profile (" in result.stderr
        assert "[languages] maps only languages plainsum does not score" in result.stderr and "Traceback" not in result.stderr


def test_a_region_may_map_to_its_own_language_and_a_fallback_is_named_in_the_hint(tmp_path):
    (tmp_path / "plainsum.toml").write_text('[languages]\nes-MX = "es"\nca = "es"\n', encoding="utf-8")
    french = ("Nous avons trouvé six essais avec neuf cents personnes. Les essais étaient petits et courts. Nous ne "
              "savons pas si le traitement aide les enfants.")
    mexican = run_cli("score", "--language", "es-MX", "-", input=SPANISH, cwd=tmp_path, timeout=120)
    assert mexican.returncode == 0, mexican.stderr
    assert mexican.stdout.startswith("- (es-MX, scored as Spanish)\n")
    catalan = run_cli("score", "--language", "ca", "-", input=french, cwd=tmp_path, timeout=120)
    assert catalan.stdout.startswith("- (ca, scored as Spanish)\n  note: this text reads as French, not Spanish, which "
                                     "'ca' is scored as (")
    assert catalan.stdout.splitlines()[1].endswith("; --language fr scores it as French")
