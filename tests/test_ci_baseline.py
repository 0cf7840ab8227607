"""Baselines and the ratchet on a sample of real reviews: adopt the gate, then fail only on what is new
(issue 13). Reads the corpus from ../shared at run time and skips without it."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest
from conftest import CORPUS

pytestmark = pytest.mark.skipif(not CORPUS.is_file(), reason="corpus not available")

SAMPLE = 40
GATE = "\n[gate.summary]\nmax_flesch_kincaid_grade = 13\nformula_min_words = 100\n"
HARD = (
    "Idiopathic lumbosacral radiculoplexus neuropathy constitutes a heterogeneous, predominantly immunologically "
    "mediated microvasculitic polyneuropathic syndrome characterised by asymmetrical proximal neuropathic "
    "nociception and considerable persistent functional disability. "
)


@pytest.fixture(scope="module")
def sample_project(tmp_path_factory) -> Path:
    from plainsum.importers.cochrane_json import record_to_yaml

    root = tmp_path_factory.mktemp("baseline") / "project"
    (root / "content").mkdir(parents=True)
    (root / "plainsum.toml").write_text('content = "content"\noutput = "output"\n' + GATE, encoding="utf-8")
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number == SAMPLE:
                break
            review_id, text = record_to_yaml(json.loads(line))
            (root / "content" / f"{review_id}.yaml").write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def sample(sample_project, tmp_path, monkeypatch) -> Path:
    root = tmp_path / "project"
    shutil.copytree(sample_project, root)
    monkeypatch.chdir(root)
    return root


def documents(cli, *args: str) -> tuple[int, dict[str, dict]]:
    result = cli("check", "--format", "json", *args)
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return result.returncode, {d["document"]: d for d in json.loads(result.stdout)["documents"]}


def insert_before_sentence(root: Path, document: dict, text: str) -> None:
    """Put `text` just before the document's first sentence, at its line and column in the YAML."""
    sentence = document["sentences"][0]
    path = root / sentence["file"]
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    line = lines[sentence["line"] - 1]
    column = sentence["column"] - 1
    lines[sentence["line"] - 1] = line[:column] + text + line[column:]
    path.write_text("".join(lines), encoding="utf-8")


def test_baseline_fails_only_on_the_harder_summary_and_the_new_jargon(cli, sample) -> None:
    code, before = documents(cli)
    assert code == 1  # the grade-13 gate fails some of the sample
    written = cli("check", "--write-baseline", "plainsum-baseline.json")
    assert written.returncode == 0 and "wrote baseline plainsum-baseline.json" in written.stderr
    clean = cli("check", "--baseline", "plainsum-baseline.json")
    assert clean.returncode == 0, clean.stdout
    assert "known findings not listed, 0 new" in clean.stdout
    saved = {p: p.read_text(encoding="utf-8") for p in (sample / "content").iterdir()}

    failing = next(d for d in before.values() if d["kind"] == "summary" and not d["passed"] and d["sentences"])
    passing = next(d for d in before.values() if d["kind"] == "summary" and d["passed"] and d["sentences"]
                   and d["file"] != failing["file"])
    insert_before_sentence(sample, failing, HARD)
    insert_before_sentence(sample, passing, "We judged its efficacy. ")
    code, after = documents(cli, "--baseline", "plainsum-baseline.json")
    assert code == 1
    reported = {name for name, d in after.items() if d["findings"]}
    assert reported == {failing["document"], passing["document"]}
    assert "baseline.ratchet" in {f["check"] for f in after[failing["document"]]["findings"]}
    assert [f["message"] for f in after[passing["document"]]["findings"]] == ["jargon: 'efficacy'"]
    text = cli("check", "--baseline", "plainsum-baseline.json", "-q").stdout
    assert "ratchet: 1 document harder than the baseline records" in text

    for path, content in saved.items():
        path.write_text(content, encoding="utf-8")
    again = cli("check", "--baseline", "plainsum-baseline.json")
    assert again.returncode == 0 and ", 0 new" in again.stdout and "fixed:" not in again.stdout


def test_findings_are_matched_by_content_not_by_line(cli, sample) -> None:
    assert cli("check", "--write-baseline", "b.json").returncode == 0
    for path in sorted((sample / "content").iterdir())[:10]:
        path.write_text("# moved down by a comment\n\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    result = cli("check", "--baseline", "b.json")
    assert result.returncode == 0 and ", 0 new" in result.stdout


def test_fixed_findings_are_reported_and_the_baseline_tightens_in_one_command(cli, sample) -> None:
    config = sample / "plainsum.toml"
    config.write_text('baseline = "plainsum-baseline.json"\n' + config.read_text(encoding="utf-8"), encoding="utf-8")
    assert cli("check", "--no-baseline", "--write-baseline", "plainsum-baseline.json").returncode == 0
    _, before = documents(cli, "--no-baseline")
    failing = next(d for d in before.values() if d["kind"] == "summary" and not d["passed"])
    # cut the failing summary's first sentence (and the rest of its line) down to three words
    path = sample / failing["file"]
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    target = next(s for s in failing["sentences"] if s["file"] == failing["file"])
    lines[target["line"] - 1] = lines[target["line"] - 1][: target["column"] - 1] + "We did it.\n"
    path.write_text("".join(lines), encoding="utf-8")
    result = cli("check")
    fixed = [line for line in result.stdout.splitlines() if line.startswith("  fixed: ")]
    assert fixed, result.stdout
    assert fixed[0].endswith("tighten the baseline: plainsum check --baseline plainsum-baseline.json "
                             "--write-baseline plainsum-baseline.json")
    recorded = json.loads((sample / "plainsum-baseline.json").read_text(encoding="utf-8"))["documents"]
    tightened = cli("check", "--baseline", "plainsum-baseline.json", "--write-baseline", "plainsum-baseline.json")
    assert "tightened baseline plainsum-baseline.json" in tightened.stderr
    after = json.loads((sample / "plainsum-baseline.json").read_text(encoding="utf-8"))["documents"]
    assert recorded_count(after[failing["document"]]) < recorded_count(recorded[failing["document"]])
    assert set(after) == set(recorded)
    assert "fixed:" not in cli("check").stdout


def recorded_count(entry: dict) -> int:
    """Findings a version 2 baseline entry records (per check, space-separated hashes, "x3" for three)."""
    return sum(int(token.partition("x")[2] or 1) for hashes in entry.get("findings", {}).values() for token in hashes.split())


def test_a_broken_baseline_is_an_error_at_its_line(cli, sample) -> None:
    (sample / "b.json").write_text('{"format": "plainsum-baseline",\n "version": 1,\n "documents": {,}}\n', encoding="utf-8")
    result = cli("check", "--baseline", "b.json")
    assert result.returncode == 2 and result.stderr.startswith("b.json:3:") and "not valid JSON" in result.stderr
    missing = cli("check", "--baseline", "none.json")
    assert missing.returncode == 2 and "none.json:1:1: no such baseline file" in missing.stderr
