"""A run that exits 2 (invalid input) never reads as a clean pass: every report says input was
invalid, names the files that were not checked, and keeps their language in the per-language counts."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET

import pytest
from conftest import REPO

REVIEW = "ilsp-immunotherapy"
ES = f"content/{REVIEW}.es.yaml"


@pytest.fixture
def project(project):
    """The shipped examples and the seed's translations, the Spanish one made invalid YAML."""
    for language in ("es", "fr"):
        shutil.copy(REPO / "content" / f"{REVIEW}.{language}.yaml", project / "content")
    path = project / ES
    text = path.read_text(encoding="utf-8")
    assert "\nlanguage: es" in text
    path.write_text(text.replace("\nlanguage: es", "\nlanguage: [es", 1), encoding="utf-8")
    return project


def test_check_text_says_input_was_invalid_and_which_file_was_not_checked(project, cli):
    result = cli("check")
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"{ES}:" in result.stderr  # the problem itself, at its line
    lines = result.stdout.rstrip().splitlines()
    assert lines[-1] == f"invalid input: 1 file not checked ({ES}); 7 of 7 documents checked passed the gate", lines[-3:]
    assert lines[-2] == "by language: en 6 of 6, es not checked (1 file), fr 1 of 1"
    assert f"    not checked: {ES}" in lines
    assert not any(line.endswith("documents passed the gate") for line in lines)


def test_check_quiet_still_says_so(project, cli):
    result = cli("check", "--quiet")
    assert result.returncode == 2
    assert result.stdout.rstrip().splitlines()[-1].startswith(f"invalid input: 1 file not checked ({ES})")


def test_build_names_the_review_and_its_translations_as_not_checked(project, cli):
    result = cli("build", "--formats", "txt", "--no-progress")
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stdout.rstrip().splitlines()
    closing = next(line for line in lines if line.startswith("invalid input:"))
    assert closing == (f"invalid input: 3 files not checked (content/{REVIEW}.yaml, {ES}, content/{REVIEW}.fr.yaml); "
                       "4 of 4 documents checked passed the gate")
    assert "by language: en 4 of 4 (1 file not checked), es not checked (1 file), fr not checked (1 file)" in lines
    assert not any(line.endswith("documents passed the gate") and not line.startswith("invalid") for line in lines)


def test_every_format_says_what_was_not_checked(project, cli, tmp_path):
    data = json.loads(cli("check", "--format", "json").stdout)
    assert data["exit_code"] == 2
    assert data["not_checked"] == [{"file": ES, "language": "es"}]
    assert data["summary"]["not_checked"] == 1 and data["summary"]["text"].startswith("invalid input: 1 file not checked")
    assert data["languages"]["es"] == {"passed": 0, "documents": 0, "not_checked": 1}
    assert data["languages"]["fr"] == {"passed": 1, "documents": 1}

    summary = tmp_path / "summary.md"
    github = cli("check", "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    lines = github.stdout.rstrip().splitlines()
    assert lines[-2:] == ["plainsum: by language: en 6 of 6, es not checked (1 file), fr 1 of 1",
                          f"invalid input: 1 file not checked ({ES}); 7 of 7 documents checked passed the gate"]
    markdown = summary.read_text(encoding="utf-8")
    assert "## plainsum check: invalid input" in markdown and "7 of 7 documents checked passed the gate" in markdown
    assert "| es | 0 | 0 | 1 |" in markdown and f"Not checked: `{ES}`" in markdown

    sarif = json.loads(cli("check", "--format", "sarif").stdout)
    invocation = sarif["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    skipped = [n for n in invocation["toolExecutionNotifications"] if n.get("properties", {}).get("notChecked")]
    assert [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in skipped] == [ES]
    assert invocation["exitCodeDescription"].startswith("invalid input: 1 file not checked")

    junit = ET.fromstring(cli("check", "--format", "junit").stdout.split("\n", 1)[1])
    suite = next(s for s in junit.iter("testsuite") if s.get("name") == "not checked")
    assert suite.get("skipped") == "1" and junit.get("skipped") == "1"
    case = suite.find("testcase")
    assert case.get("file") == ES and case.get("language") == "es" and case.find("skipped") is not None

    gitlab = json.loads(cli("check", "--format", "gitlab").stdout)
    assert [issue["location"]["path"] for issue in gitlab if issue["check_name"] == "plainsum.not-checked"] == [ES]


def test_a_valid_run_ends_as_before(project, cli):
    (project / ES).unlink()
    result = cli("check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.rstrip().splitlines()[-2:] == ["by language: en 6 of 6, fr 1 of 1", "7 of 7 documents passed the gate"]
    assert "not checked" not in result.stdout
