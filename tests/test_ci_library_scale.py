"""The gate at library scale: SARIF that code scanning accepts whatever the number of findings, compact
baselines, and a run on some files that still reports what it cannot leave unchecked."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
from conftest import SHARED

from plainsum.findings_formats.registry import render
from plainsum.findings_formats.view import ReportOptions
from plainsum.gate.records import DocumentRecord, DocumentRef, FiguresRef, Outcome, RecordedFinding

SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
CHECKS = ("plain.jargon", "plain.passive", "readability.hard-sentence", "results.direction")


def synthetic_library(reviews: int, per_review: int, errors_every: int = 7) -> Outcome:
    """`reviews` summaries with `per_review` findings each; every `errors_every`-th finding is an error,
    so errors are spread thinly through the library (as on a real one)."""
    outcome = Outcome()
    number = 0
    for review in range(reviews):
        name = f"cd{review:06d}/summary"
        findings = []
        for index in range(per_review):
            number += 1
            severity = "error" if number % errors_every == 0 else "warning"
            findings.append(RecordedFinding(CHECKS[index % len(CHECKS)], severity, name,
                                            f"content/cd{review:06d}.yaml:{10 + index}:5",
                                            f"finding {index} of review {review}", f"Sentence {index} of review {review}."))
        ref = DocumentRef(name, "summary", f"cd{review:06d}", "A title", "A review", f"content/cd{review:06d}.yaml")
        outcome.results.append(DocumentRecord(ref, FiguresRef({"flesch_kincaid_grade": 9.0, "words": 300.0}), findings))
    return outcome


def test_sarif_of_30000_findings_keeps_5000_errors_first_and_says_what_it_left_out():
    outcome = synthetic_library(reviews=1500, per_review=20)  # 30,000 findings, 4,285 of them errors
    errors = sum(1 for r in outcome.results for f in r.findings if f.severity == "error")
    log = json.loads(render(outcome, "sarif", ReportOptions(category="library/part-1")))
    run = log["runs"][0]
    levels = [result["level"] for result in run["results"]]
    assert len(levels) == 5000
    assert levels == ["error"] * errors + ["warning"] * (5000 - errors)  # every error before any warning
    assert run["properties"]["plainsum"] == {"findings": 30000, "written": 5000, "leftOut": 25000,
                                             "leftOutByLevel": {"warning": 25000}, "maxResults": 5000}
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert any("5,000 of 30,000 findings written, errors first; left out: 25,000 warnings" in n["message"]["text"] for n in notes)
    assert run["automationDetails"] == {"id": "library/part-1/"}
    if SARIF_SCHEMA.is_file() or os.environ.get("CI") == "true":
        jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))


def test_more_errors_than_the_bound_keeps_errors_only_and_a_smaller_bound_is_honoured():
    outcome = synthetic_library(reviews=300, per_review=10, errors_every=1)  # 3,000 errors
    log = json.loads(render(outcome, "sarif", ReportOptions(max_results=1000)))
    run = log["runs"][0]
    assert len(run["results"]) == 1000 and {r["level"] for r in run["results"]} == {"error"}
    assert run["properties"]["plainsum"]["leftOutByLevel"] == {"error": 2000}


def test_gitlab_is_bounded_the_same_way_and_says_so(capsys):
    outcome = synthetic_library(reviews=700, per_review=10)
    issues = json.loads(render(outcome, "gitlab", ReportOptions()))
    assert len(issues) == 5000
    severities = [issue["severity"] for issue in issues]
    assert severities == sorted(severities, key=lambda s: s != "major")  # errors (major) first
    assert "5,000 of 7,000 findings written, errors first" in capsys.readouterr().err


def test_the_job_summary_states_the_cut(tmp_path: Path, monkeypatch):
    from plainsum.findings_formats.registry import report

    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    report(synthetic_library(reviews=600, per_review=10), "sarif", ReportOptions(), str(tmp_path / "out.sarif"))
    assert "sarif: 5,000 of 6,000 findings written, errors first; left out: 1,000 warnings" in summary.read_text(encoding="utf-8")


@pytest.mark.parametrize("value, message", [(30000, "'max_results' must be from 1 to 25,000"), (0, "'max_results' must be from 1")])
def test_max_results_is_bounded_by_what_code_scanning_accepts(tmp_path: Path, value: int, message: str):
    from plainsum.errors import InputError
    from plainsum.gate.settings import load_config

    (tmp_path / "plainsum.toml").write_text(f"[report]\nmax_results = {value}\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_config(tmp_path)
    assert message in str(caught.value) and "plainsum.toml:2:1" in str(caught.value)


def _baseline_project(tmp_path: Path, reviews: int = 40) -> Path:
    from conftest import REPO

    project = tmp_path / "p"
    (project / "content").mkdir(parents=True)
    text = (REPO / "content" / "general-health-checks.yaml").read_text(encoding="utf-8")
    for number in range(reviews):
        (project / "content" / f"r{number:03d}.yaml").write_text(text.replace("id: general-health-checks", f"id: r{number:03d}"), encoding="utf-8")
    # a strict gate the shipped summary fails (grade 6.2), as a library's older summaries fail a new gate
    (project / "plainsum.toml").write_text('[gate.summary]\nmax_flesch_kincaid_grade = 5\n', encoding="utf-8")
    return project


def test_a_compact_baseline_is_one_sorted_line_per_document_and_catches_one_regression_only(tmp_path: Path, cli):
    project = _baseline_project(tmp_path)
    assert cli("check", cwd=project).returncode == 1  # every summary fails the strict gate
    wrote = cli("check", "--write-baseline", "baseline.json", cwd=project)
    assert "wrote baseline baseline.json" in wrote.stderr, wrote.stderr
    lines = (project / "baseline.json").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith('{"format": "plainsum-baseline", "version": 2') and lines[-1] == "}}"
    rows = lines[1:-1]
    assert len(rows) == 80 and rows == sorted(rows)  # 40 reviews x (abstract, summary)
    assert all(len(row) < 2000 for row in rows)  # hashes and the ratchet's figures, not the findings' text
    assert cli("check", "--baseline", "baseline.json", cwd=project).returncode == 0
    review = project / "content" / "r017.yaml"
    review.write_text(review.read_text(encoding="utf-8").replace(
        "One reason may be that", "Idiopathic lumbosacral radiculoplexus neuropathy constitutes a heterogeneous, predominantly immunologically "
        "mediated microvasculitic polyneuropathic syndrome characterised by asymmetrical proximal neuropathic nociception "
        "and considerable persistent functional disability. One reason may be that"),
        encoding="utf-8")
    result = cli("check", "--baseline", "baseline.json", "--format", "json", cwd=project)
    assert result.returncode == 1, result.stdout[-2000:]
    documents = json.loads(result.stdout)["documents"]
    assert {d["document"] for d in documents if d["findings"]} == {"r017/summary"}
    assert "baseline.ratchet" in {f["check"] for d in documents for f in d["findings"]}


def test_a_version_1_baseline_is_still_read(tmp_path: Path, cli):
    from plainsum.gate.settings import load_config
    from plainsum.project.project import Project

    project = _baseline_project(tmp_path, reviews=2)
    outcome = Project(load_config(project)).check([project / "content"])
    documents = {result.document.name: {
        "figures": dict(result.scored.figures),
        "findings": [{"check": f.check, "about": f.subject} for f in result.findings]} for result in outcome.results}
    (project / "old.json").write_text(json.dumps({"format": "plainsum-baseline", "version": 1, "documents": documents}),
                                      encoding="utf-8")
    assert cli("check", cwd=project).returncode == 1
    assert cli("check", "--baseline", "old.json", cwd=project).returncode == 0  # the failing summaries are accepted


def test_the_scaffold_hook_on_a_300_review_project_shows_the_one_regression_first_in_30_lines(tmp_path: Path, cli):
    import re

    import yaml

    assert cli("init", "lib", cwd=tmp_path).returncode == 0
    root = tmp_path / "lib"
    example = (root / "content" / "general-health-checks.yaml").read_text(encoding="utf-8")
    for number in range(300):
        (root / "content" / f"review-{number:03d}.yaml").write_text(
            example.replace("id: general-health-checks", f"id: review-{number:03d}"), encoding="utf-8")
    changed = root / "content" / "review-150.yaml"
    regressed = example.replace("id: general-health-checks", "id: review-150").replace(
        "    - {{ results.total_mortality.plain }}", "    - Health checks probably reduce the chance of dying from any cause.")
    assert regressed != example
    changed.write_text(regressed, encoding="utf-8")
    hooks = yaml.safe_load((root / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"]
    path = "content/review-150.yaml"
    hook = next(h for h in hooks if re.search(h["files"], path))  # as pre-commit picks it for this file
    args = hook["entry"].split()[1:] + ([path] if hook["pass_filenames"] else [])
    result = cli(*args, cwd=root)
    output = (result.stdout + result.stderr).strip().splitlines()
    assert result.returncode == 1, result.stdout + result.stderr
    assert len(output) <= 30, "\n".join(output)
    assert output[0].startswith("review-150/summary: FAIL"), output[0]


def test_shards_split_a_library_into_stable_parts_each_its_own_sarif_category(tmp_path: Path, cli):
    from plainsum.commands.check import shard_of

    project = _baseline_project(tmp_path, reviews=12)
    parts = {}
    for part in (1, 2, 3):
        result = cli("check", "--shard", f"{part}/3", "--format", "sarif", cwd=project)
        run = json.loads(result.stdout)["runs"][0]
        assert run["automationDetails"] == {"id": f"plainsum/shard-{part}-of-3/"}
        parts[part] = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    files = {f"content/r{n:03d}.yaml" for n in range(12)}
    assert set().union(*parts.values()) == files  # every review in exactly one part
    assert sum(len(p) for p in parts.values()) == 12
    assert all(shard_of(uri.split("/")[-1], 3) == part for part, uris in parts.items() for uri in uris)
    assert shard_of("r000.yaml", 3) == shard_of("r000.yaml", 3)  # stable: a hash of the name, not of the list
    bad = cli("check", "--shard", "4/3", cwd=project)
    assert bad.returncode == 2 and "is not I/N" in bad.stderr


def test_the_action_checks_in_shards_and_uploads_each_category():
    import yaml
    from conftest import REPO

    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    assert {"shards", "max-results"} <= set(action["inputs"])
    script = "\n".join(step.get("run", "") for step in action["runs"]["steps"])
    assert '--shard "$part/$PLAINSUM_SHARDS"' in script and "--category plainsum" in script
