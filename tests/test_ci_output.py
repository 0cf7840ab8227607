"""The gate's output in CI and for people: SARIF against the official schema, GitHub annotations and
job summary, GitLab code quality, and a text report a person can read (issue 13)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from conftest import SHARED

SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
REVIEW = "ilsp-immunotherapy"
HARD = (
    "Idiopathic lumbosacral radiculoplexus neuropathy constitutes a heterogeneous, predominantly immunologically "
    "mediated microvasculitic polyneuropathic syndrome characterised by asymmetrical proximal neuropathic "
    "nociception and considerable persistent functional disability."
)
FINDING = re.compile(r"^\s+(\S+?):(\d+):(\d+): (error|warning) \[([\w.-]+)\] ")


def make_harder(project: Path) -> Path:
    path = project / "content" / f"{REVIEW}.yaml"
    text = path.read_text(encoding="utf-8")
    marker = "    plain: >-\n      ILSP is an uncommon"
    path.write_text(text.replace(marker, f"    plain: >-\n      {HARD}\n      ILSP is an uncommon", 1), encoding="utf-8")
    return path


def sarif(cli, *args: str) -> dict:
    result = cli("check", "--format", "sarif", *args)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


@pytest.mark.skipif(not SCHEMA.is_file(), reason="../shared/schemas not available")
def test_sarif_is_valid_and_carries_rules_locations_fingerprints_and_suggestions(cli, project) -> None:
    from plainsum.checks import registry

    make_harder(project)
    log = sarif(cli)
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(log)
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == registry.ids()
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] == registry[rule["id"]].severity
    results = run["results"]
    errors = [r for r in results if r["level"] == "error"]
    assert errors and all(r["ruleId"] == rules[r["ruleIndex"]]["id"] for r in results)
    grade = next(r for r in errors if r["ruleId"] == "readability.thresholds")
    place = grade["locations"][0]["physicalLocation"]
    assert place["artifactLocation"] == {"uri": f"content/{REVIEW}.yaml", "uriBaseId": "SRCROOT"}
    lines = (project / "content" / f"{REVIEW}.yaml").read_text(encoding="utf-8").splitlines()
    start = place["region"]
    assert lines[start["startLine"] - 1][start["startColumn"] - 1:].startswith("Idiopathic")
    assert "Suggestion: split long sentences" in grade["message"]["text"]
    assert all(r["partialFingerprints"]["plainsumFinding/v1"] for r in results)
    assert len({r["partialFingerprints"]["plainsumFinding/v1"] for r in results}) == len(results)
    # template text is located in its template, with the review's file beside it
    templated = [r for r in results if "relatedLocations" in r]
    assert templated and templated[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(".md.j2")


def test_sarif_fingerprints_survive_edits_elsewhere_in_the_file(cli, project) -> None:
    path = make_harder(project)
    before = {r["partialFingerprints"]["plainsumFinding/v1"]: r["locations"][0]["physicalLocation"]["region"]["startLine"]
              for r in sarif(cli)["runs"][0]["results"]}
    path.write_text("# a comment and a blank line added at the top\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    after = {r["partialFingerprints"]["plainsumFinding/v1"]: r["locations"][0]["physicalLocation"]["region"]["startLine"]
             for r in sarif(cli)["runs"][0]["results"]}
    assert set(after) == set(before)
    moved = [key for key in before if before[key] != after[key]]
    assert moved and all(after[key] == before[key] + 2 for key in moved if before[key] > 1)


def _documents(stdout: str) -> dict[str, list[str]]:
    blocks: dict[str, list[str]] = {}
    current = None
    for line in stdout.splitlines():
        match = re.match(r"^(\S+/(summary|abstract)): (pass|FAIL)", line)
        if match:
            current = match.group(1)
            blocks[current] = []
        elif line.startswith("  ") and current:
            blocks[current].append(line)
        elif not line.strip() or line == "Summary":
            current = None
    return blocks


def test_text_groups_by_document_in_file_order_each_sentence_once(cli, project) -> None:
    make_harder(project)
    result = cli("check", "--no-color")
    assert result.returncode == 1
    block = _documents(result.stdout)[f"{REVIEW}/summary"]
    quotes = [line.strip() for line in block if line.startswith('  "')]
    assert quotes and len(quotes) == len(set(quotes))  # a sentence is quoted once
    assert sum(1 for q in quotes if HARD[:40] in q) == 1
    places = [(int(m.group(2)), int(m.group(3))) for m in map(FINDING.match, block) if m and m.group(1).endswith(".yaml")]
    assert len(places) > 5 and places == sorted(places)  # by position, not by check
    first = next(i for i, line in enumerate(block) if HARD[:40] in line)
    under = block[first + 1:]
    checks_under = [m.group(5) for m in map(FINDING.match, under[:12]) if m]
    assert "readability.thresholds" in checks_under and "plain.jargon" in checks_under
    assert any(line.strip().startswith("suggestion: ") for line in block)


def test_one_finding_per_sentence_and_figure_the_strictest_limit(cli, project) -> None:
    make_harder(project)
    data = json.loads(cli("check", "--format", "json").stdout)
    summary = next(d for d in data["documents"] if d["document"] == f"{REVIEW}/summary")
    by_sentence: dict[str, list[str]] = {}
    for finding in summary["findings"]:
        if finding["sentence"]:
            by_sentence.setdefault(finding["sentence"], []).extend(re.findall(r"\d+ words \(limit (\d+)\)", finding["message"]))
    limits = [found for found in by_sentence.values() if found]
    assert limits and all(len(found) == 1 for found in limits), limits
    assert any(found == ["25"] for found in limits)  # plain.long-sentence's 25 words, not also the 30 of hard-sentence


def test_quiet_lists_errors_only_and_max_findings_says_what_it_left_out(cli, project) -> None:
    make_harder(project)
    quiet = cli("check", "-q")
    assert quiet.returncode == 1
    assert ": warning [" not in quiet.stdout and ": pass (" not in quiet.stdout
    assert ": error [readability.thresholds]" in quiet.stdout
    assert re.search(r"^  warnings: \d+ \(.*not listed with --quiet\)$", quiet.stdout, re.M)
    capped = cli("check", "--max-findings", "3")
    shown = [line for line in capped.stdout.splitlines() if FINDING.match(line)]
    assert len(shown) == 3 and ": error [" in "".join(shown)  # errors take the budget first
    match = re.search(r"not shown: ([\d,]+) findings \(--max-findings 3", capped.stdout)
    documents = json.loads(cli("check", "--format", "json").stdout)["documents"]
    failing = sum(len(d["findings"]) for d in documents if not d["passed"])  # a passing document's warnings need -v
    assert match and int(match.group(1).replace(",", "")) == failing - 3
    assert capped.stdout.rstrip().endswith("5 of 6 documents passed the gate")


def test_closing_summary_counts_documents_and_findings_by_check(cli, project) -> None:
    make_harder(project)
    result = cli("check")
    tail = result.stdout[result.stdout.rindex("\nSummary\n"):]
    assert "documents: 5 passed, 1 failed" in tail
    assert re.search(r"errors: \d+ \(readability\.thresholds \d+", tail)
    assert re.search(r"warnings: [\d,]+ \(.*plain\.jargon \d+", tail)


def test_colour_on_request_and_never_when_piped_or_no_color(cli, project) -> None:
    from plainsum.commands.check import use_color

    make_harder(project)
    assert "\x1b[" in cli("check", "--color").stdout
    assert "\x1b[" not in cli("check").stdout  # not a terminal
    assert "\x1b[" not in cli("check", "--no-color").stdout
    assert use_color(True) and not use_color(False)


def test_use_color_honours_no_color_on_a_terminal(monkeypatch) -> None:
    import sys

    from plainsum.commands.check import use_color

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert use_color(None)
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color(None)


def test_failing_figures_are_shown_precisely_enough_to_see_why() -> None:
    from plainsum.checks import precise

    assert precise(13.04, 13) == "13.04"
    assert precise(13.004, 13) == "13.004"
    assert precise(14.3, 13) == "14.3"
    assert precise(12.96, 13) == "12.96"  # below a minimum of 13, not "13.0"


def test_github_annotations_are_capped_most_severe_first_with_a_job_summary(cli, project, tmp_path) -> None:
    make_harder(project)
    summary_file = tmp_path / "step-summary.md"
    result = cli("check", "--format", "github", "--max-annotations", "1", env={"GITHUB_STEP_SUMMARY": str(summary_file)})
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert [line.split(" ")[0] for line in lines if line.startswith("::")] == ["::error", "::warning"]
    assert re.search(r"plainsum: [\d,]+ more warnings? not annotated \(at most 1 of each", result.stdout)
    assert lines[-1] == "5 of 6 documents passed the gate"
    markdown = summary_file.read_text(encoding="utf-8")
    assert markdown.startswith("## plainsum check: failed")
    assert "| `readability.thresholds` |" in markdown and f"| {REVIEW}/summary |" in markdown


def test_every_format_carries_the_suggestion(cli, project) -> None:
    make_harder(project)
    assert "suggestion: split long sentences" in cli("check").stdout
    junit = ET.fromstring(cli("check", "--format", "junit").stdout)
    assert any("suggestion: " in (case.findtext("failure") or "") for case in junit.iter("testcase"))
    gitlab = json.loads(cli("check", "--format", "gitlab").stdout)
    assert any("(suggestion: split long sentences" in issue["description"] for issue in gitlab)
    assert "Suggestion:" in cli("check", "--format", "github").stdout


def test_gitlab_code_quality_report(cli, project) -> None:
    make_harder(project)
    result = cli("check", "--format", "gitlab", "--output", "gl-code-quality.json")
    assert result.returncode == 1 and result.stdout == ""
    issues = json.loads((project / "gl-code-quality.json").read_text(encoding="utf-8"))
    assert issues and {"description", "check_name", "fingerprint", "severity", "location"} <= set(issues[0])
    major = [i for i in issues if i["severity"] == "major"]
    assert major and major[0]["location"]["path"] == f"content/{REVIEW}.yaml" and major[0]["location"]["lines"]["begin"] > 1
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_build_prints_a_bounded_report_and_the_whole_one_on_request(cli, project) -> None:
    config = project / "plainsum.toml"
    config.write_text('[gate.summary]\npreset = "ama"\n\n[report]\nbuild_documents = 1\n', encoding="utf-8")
    result = cli("build", "--formats", "txt", "--full-report")
    assert result.returncode == 1, result.stdout + result.stderr
    failing = [line for line in result.stdout.splitlines() if re.match(r"^\S+/summary: FAIL", line)]
    assert len(failing) == 1 and ": pass (" not in result.stdout  # 4 passing documents: more than 1, not listed
    assert "not listed: 1 more failing document (--full-report writes the whole report" in result.stdout
    assert "not published: 1 more document; use --draft to publish it marked DRAFT" in result.stderr
    assert ": warning [" not in result.stdout and "warnings of 2 failing documents not looked for" in result.stdout
    whole = (project / "output" / "plainsum-report.txt").read_text(encoding="utf-8")
    assert len(re.findall(r"^\S+/summary: FAIL", whole, re.M)) == 2 and ": pass (" in whole
    manifest = (project / "output" / ".plainsum-manifest.json").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line)["review"] for line in manifest[1:] if line.startswith('{"review"')]
    kept = [f for r in records for d in r["documents"] if d["status"] == "withheld" for f in d["findings"]]
    assert kept and all(f["severity"] == "error" for f in kept)  # the manifest keeps what withholds a document
    assert cli("clean").returncode == 0 and not (project / "output").exists()
