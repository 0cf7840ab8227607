"""A per-language gate table is checked when the configuration is read: a language plainsum does not
know, and a bound on a formula its documents are not scored with, are errors at their file:line:col
(exit 2), never accepted silently or only warned about at run time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO

from plainsum.errors import InputError
from plainsum.gate.settings import load_config


def _problems(root: Path, text: str) -> list[str]:
    (root / "plainsum.toml").write_text(text, encoding="utf-8")
    try:
        load_config(root)
    except InputError as error:
        return [str(problem) for problem in error.problems]
    return []


@pytest.fixture(autouse=True)
def _in(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # paths are shown relative to the working folder


@pytest.mark.parametrize("text, where, words", [
    ('[gate.summary.languages.xx]\nmin_words = 10\n', "1:1", ["unknown language 'xx'", "[gate.summary.languages.xx]", "[languages] xx"]),
    ('[gate.summary]\nmax_flesch_kincaid_grade = 13\n\n[gate.summary.languages.es]\nmin_szigriszt_pazos = 40\n'
     'max_flesch_kincaid_grade = 9\n', "6:1",
     ["'max_flesch_kincaid_grade' does not apply", "documents in Spanish", "min_szigriszt_pazos"]),
    ('[gate.summary.languages.es]\npreset = "nih"\n', "2:1", ["preset 'nih'", "'max_flesch_kincaid_grade' does not apply"]),
    ('[gate.summary.languages.fr.sections."Résultats principaux"]\nmin_szigriszt_pazos = 40\n', "2:1",
     ["'min_szigriszt_pazos' does not apply", "documents in French", "min_kandel_moles"]),
    ('[languages]\nca = "es"\n\n[gate.summary.languages.ca]\nmin_kandel_moles = 30\n', "5:1",
     ["'min_kandel_moles' does not apply", "documents in ca (scored as Spanish)"]),
    ('[gate.abstract.languages.de]\nmin_amstad = 30\nmax_smog_index = 12\n', "3:1", ["'max_smog_index' does not apply", "German"]),
])
def test_an_unknown_language_or_an_inapplicable_formula_is_an_error_at_its_key(tmp_path, text, where, words):
    problems = _problems(tmp_path, text)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"plainsum.toml:{where}: "), problems
    for word in words:
        assert word in problems[0], problems


@pytest.mark.parametrize("text", [
    '[gate.summary.languages.es]\nmin_szigriszt_pazos = 40\nmax_words_per_sentence = 25\nmin_lix = 20\n',
    '[gate.summary.languages.pt-BR]\nmin_flesch_martins = 30\n',  # a region of a language plainsum scores
    '[gate.summary.languages.fr]\npreset = "kandel-moles"\n[gate.summary.languages.fr.sections."Résultats"]\nmin_words = 20\n',
    '[languages]\nca = "es"\n\n[gate.summary.languages.ca]\nmin_szigriszt_pazos = 40\n',
    '[gate.summary]\nmax_flesch_kincaid_grade = 13\n',  # the kind's own table is the source language's: not restricted here
])
def test_the_languages_own_formulas_and_counts_are_accepted(tmp_path, text):
    assert _problems(tmp_path, text) == []


def test_a_language_with_a_catalog_may_have_a_table_of_counts(tmp_path):
    catalog = tmp_path / "templates" / "locale" / "ca" / "LC_MESSAGES"
    catalog.mkdir(parents=True)
    shutil.copy(REPO / "templates" / "locale" / "es" / "LC_MESSAGES" / "plainsum.po", catalog / "plainsum.po")
    assert _problems(tmp_path, '[gate.summary.languages.ca]\nmax_words_per_sentence = 25\n') == []
    problems = _problems(tmp_path, '[gate.summary.languages.ca]\nmax_words_per_sentence = 25\nmin_szigriszt_pazos = 40\n')
    assert len(problems) == 1 and problems[0].startswith("plainsum.toml:3:1: 'min_szigriszt_pazos' does not apply"), problems
    assert "[languages]" in problems[0]


def test_check_exits_2_at_the_key(project, cli):
    with open(project / "plainsum.toml", "a", encoding="utf-8") as stream:
        stream.write('\n[gate.summary.languages.xx]\nmax_words_per_sentence = 25\n')
    lines = (project / "plainsum.toml").read_text(encoding="utf-8").splitlines()
    line = lines.index("[gate.summary.languages.xx]") + 1
    result = cli("check", "content/ivig-dlrpn.yaml")
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"plainsum.toml:{line}:1: unknown language 'xx'" in result.stderr
    assert "Traceback" not in result.stderr
