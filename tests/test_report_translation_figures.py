"""How reports show a translation: the GitHub job summary's figures (N8), the index's columns (N9),
and the sentence a translation's number finding quotes (N12)."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import REPO

REVIEW = "ilsp-immunotherapy"
ES = f"content/{REVIEW}.es.yaml"
WRONG = "Encontramos 2 ensayos en la PLSI"  # the source says no trial was found: 2 is not one of its numbers


@pytest.fixture
def project(project):
    for language in ("es", "fr"):
        shutil.copy(REPO / "content" / f"{REVIEW}.{language}.yaml", project / "content")
    return project


def _break_spanish(project) -> None:
    path = project / ES
    text = path.read_text(encoding="utf-8")
    assert "No encontramos ningún ensayo en la PLSI" in text
    path.write_text(text.replace("No encontramos ningún ensayo en la PLSI", WRONG, 1), encoding="utf-8")


def test_the_job_summary_gives_a_translations_own_formula_and_whole_counts(project, cli, tmp_path):
    _break_spanish(project)
    summary = tmp_path / "summary.md"
    result = cli("check", f"content/{REVIEW}.yaml", "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 1, result.stdout + result.stderr
    row = next(line for line in summary.read_text(encoding="utf-8").splitlines() if line.startswith(f"| {REVIEW}/es/summary |"))
    figures = row.rstrip(" |").rsplit(" | ", 1)[1]
    assert re.fullmatch(r"Szigriszt-Pazos \(INFLESZ\) \d+\.\d, words \d+", figures), row
