"""How reports show a translation: the GitHub job summary's figures (N8), the index's columns (N9),
and the sentence a translation's number finding quotes (N12)."""

from __future__ import annotations

import html
import json
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


def test_a_translations_number_finding_quotes_its_sentence(project, cli):
    _break_spanish(project)
    quiet = cli("check", f"content/{REVIEW}.yaml", "--quiet")
    assert quiet.returncode == 1, quiet.stdout + quiet.stderr
    lines = quiet.stdout.splitlines()
    at = next(number for number, line in enumerate(lines) if "[translation.numbers]" in line)
    assert lines[at - 1].startswith(f'  "{WRONG} sobre'), lines[at - 2:at + 1]
    assert '  "2"' not in lines
    data = json.loads(cli("check", f"content/{REVIEW}.yaml", "--format", "json").stdout)
    (finding,) = [f for d in data["documents"] for f in d["findings"] if f["check"] == "translation.numbers"]
    assert finding["sentence"].startswith(WRONG + " sobre") and finding["sentence"].endswith(".")
    line = next(n for n, text in enumerate((project / ES).read_text(encoding="utf-8").splitlines(), 1) if WRONG in text)
    assert finding["line"] == line  # still at the number itself
    column = (project / ES).read_text(encoding="utf-8").splitlines()[line - 1].index(WRONG) + len("Encontramos ") + 1
    assert finding["column"] == column


def test_the_index_names_a_translations_formula_in_its_own_column(project, cli):
    result = cli("build", "--formats", "html", "--no-progress")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (project / "output" / "index.html").read_text(encoding="utf-8")
    headers = [html.unescape(text) for text in re.findall(r'<th scope="col">([^<]*)</th>', page)]
    assert headers[2:5] == ["Grade (Flesch-Kincaid, English)", "Reading ease (Flesch; a translation: its language's scale, named)",
                            "SMOG (English)"], headers
    own = re.search(rf'<tr id="{REVIEW}">(.*?)</tr>', page, re.S)
    assert own
    grade, ease, smog, _words = re.findall(r"<td>([^<]*)</td>", own.group(1))[:4]
    assert re.fullmatch(r"\d+\.\d", grade) and re.fullmatch(r"\d+\.\d", ease) and re.fullmatch(r"\d+\.\d", smog)
    for language, scale in (("es", "Szigriszt-Pazos (INFLESZ)"), ("fr", "Kandel-Moles")):
        row = re.search(rf'<tr id="{REVIEW}-{language}" class="translation">(.*?)</tr>', page, re.S)
        assert row, language
        cells = re.findall(r"<td>([^<]*)</td>", row.group(1))
        assert cells[0] == "" and cells[2] == "", cells  # no Flesch-Kincaid grade nor SMOG: English formulas
        assert re.fullmatch(rf"{re.escape(scale)} \d+\.\d", cells[1]), cells
