"""CI output of `plainsum check --format text|json|github|junit`, and `plainsum score`."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from plainsum.config.figures import FIGURE_NAMES

REVIEW = "ilsp-immunotherapy"
HARD_SENTENCE = (
    "Idiopathic lumbosacral radiculoplexus neuropathy constitutes a heterogeneous, predominantly immunologically "
    "mediated microvasculitic polyneuropathic syndrome characterised by asymmetrical proximal neuropathic "
    "nociception and considerable persistent functional disability."
)


def make_summary_harder(project: Path) -> tuple[Path, int]:
    """Put a very hard sentence into the lay background; return the file and the line it starts on."""
    path = project / "content" / f"{REVIEW}.yaml"
    text = path.read_text(encoding="utf-8")
    marker = "    plain: >-\n      ILSP is an uncommon"
    start = text.index(marker)
    new = text[:start] + "    plain: >-\n" + "".join(f"      {HARD_SENTENCE}\n" for _ in range(3)) + "      ILSP is an uncommon" + text[start + len(marker):]
    path.write_text(new, encoding="utf-8")
    line = new[: new.index(HARD_SENTENCE)].count("\n") + 1
    return path, line


def test_github_annotations_point_at_the_sentence_in_the_yaml(cli, project) -> None:
    path, first_line = make_summary_harder(project)
    result = cli("check", "--format", "github")
    assert result.returncode == 1, result.stdout + result.stderr
    errors = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert errors, result.stdout
    lines = path.read_text(encoding="utf-8").splitlines()
    grade = [line for line in errors if "readability.thresholds" in line and "flesch_kincaid_grade" in line]
    assert grade, errors
    match = re.match(r"::error file=([^,]+),line=(\d+),col=(\d+),title=[^:]+::(.+)$", grade[0])
    assert match, grade[0]
    file, line, column = match.group(1), int(match.group(2)), int(match.group(3))
    assert file == f"content/{REVIEW}.yaml"
    assert first_line <= line <= first_line + 2
    assert lines[line - 1][column - 1 :].startswith("Idiopathic lumbosacral")
    assert "%0A" in match.group(4)  # the sentence and the suggestion follow on escaped new lines


def test_junit_is_xml_with_a_failure_for_the_failing_summary(cli, project) -> None:
    make_summary_harder(project)
    result = cli("check", "--format", "junit")
    assert result.returncode == 1, result.stderr
    root = ET.fromstring(result.stdout)
    assert root.tag == "testsuites" and int(root.get("failures")) >= 1
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    summary = suites[f"{REVIEW}/summary"]
    assert int(summary.get("failures")) >= 1
    failed = [case for case in summary.iter("testcase") if case.find("failure") is not None]
    assert any(case.get("name") == "readability.thresholds" for case in failed)
    assert f"content/{REVIEW}.yaml:" in failed[0].find("failure").text
    assert int(suites[f"{REVIEW}/abstract"].get("failures")) == 0
    figures = {p.get("name") for p in summary.iter("property")}
    assert {"flesch_kincaid_grade", "smog_index", "words"} <= figures


def test_json_holds_every_figure_and_finding(cli, project) -> None:
    result = cli("check", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["passed"] is True and data["exit_code"] == 0
    documents = {d["document"]: d for d in data["documents"]}
    summary = documents[f"{REVIEW}/summary"]
    assert set(FIGURE_NAMES) <= set(summary["figures"])
    assert summary["file"] == f"content/{REVIEW}.yaml"
    assert summary["sections"] and all("figures" in s and "heading" in s for s in summary["sections"])
    sentence = summary["sentences"][0]
    assert {"text", "file", "line", "column", "figures", "long_words"} <= set(sentence)
    assert {"words", "flesch_kincaid_grade"} <= set(sentence["figures"])
    lines = (project / sentence["file"]).read_text(encoding="utf-8").splitlines()
    assert lines[sentence["line"] - 1][sentence["column"] - 1 :].startswith(sentence["text"].split()[0])
    findings = [f for d in data["documents"] for f in d["findings"]]
    assert findings
    assert {"check", "severity", "file", "line", "column", "message", "sentence", "suggestion"} <= set(findings[0])


def test_json_reports_invalid_input_with_exit_2(cli, project) -> None:
    (project / "content" / f"{REVIEW}.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    result = cli("check", "--format", "json")
    assert result.returncode == 2
    data = json.loads(result.stdout)
    assert data["exit_code"] == 2 and data["problems"][0]["file"].endswith(f"{REVIEW}.yaml")


def test_unknown_format_is_a_usage_error(cli, project) -> None:
    result = cli("check", "--format", "xml")
    assert result.returncode == 2 and "xml" in result.stderr


def test_text_format_is_the_default(cli, project) -> None:
    result = cli("check", "--format", "text")
    assert result.returncode == 0
    assert f"{REVIEW}/summary: pass (grade" in result.stdout


def _score(args: list[str], stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "plainsum", "score", *args], input=stdin, capture_output=True,
                          text=True, cwd=cwd, timeout=120)


TEXT = (
    "## Key results\n\n"
    + "We found 12 trials (RR 0.73, 95% CI 0.65 to 0.81). Smith et al. reported e.g. fewer falls. " * 6
    + "\n\n- one item\n- another item\n"
)


def test_score_json_keys_are_the_figures(tmp_path: Path) -> None:
    result = _score(["-", "--format", "json"], TEXT, tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(FIGURE_NAMES) <= set(data)
    assert data["sentences"] == 14 and data["formulas_applied"] is True
    assert data["flesch_kincaid_grade"] > 0 and data["smog_index"] > 0
    assert data["by_section"][0]["heading"] == "Key results"
    assert data["by_sentence"][0]["line"] == 3


def test_score_a_file_as_text_and_short_texts_get_counts_only(tmp_path: Path) -> None:
    (tmp_path / "short.md").write_text("Short text. Two sentences.\n", encoding="utf-8")
    result = _score(["short.md"], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "too short for formulas" in result.stdout and "words" in result.stdout
    data = json.loads(_score(["short.md", "--format", "json", "--min-words", "0"], cwd=tmp_path).stdout)
    assert data["formulas_applied"] is True and data["words"] == 4


@pytest.mark.parametrize("name, content", [("bad.txt", b"caf\xe9 au lait\n"), ("missing.txt", None)])
def test_score_unreadable_input_exits_2_with_a_location(tmp_path: Path, name: str, content: bytes | None) -> None:
    if content is not None:
        (tmp_path / name).write_bytes(content)
    result = _score([name], cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"{name}:1:") and "Traceback" not in result.stderr
