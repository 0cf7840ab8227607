"""plainsum import of a ClinicalTrials.gov study record with results (data API v2 JSON) into a trial-results file.

The record in tests/fixtures/import/ctgov-results.json was written for these tests after ClinicalTrials.gov's
documented study data structure (protocolSection and resultsSection modules); its trial is made up.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from conftest import REPO

from plainsum.content.loader import load_review
from plainsum.importers.ctgov import age_range, country_code, criteria

RECORD = REPO / "tests" / "fixtures" / "import" / "ctgov-results.json"


def test_a_record_with_results_becomes_the_trials_data(cli, tmp_path: Path) -> None:
    result = cli("import", str(RECORD), "--content", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    path = tmp_path / "nct09999901.yaml"
    review = load_review(path)  # a valid trial-results file
    trial = review.trial
    assert review.kind.name == "trial-results" and trial is not None
    assert (trial.eu_trial_number, trial.protocol, trial.nct, trial.other_identifiers) == (
        "2022-500123-45-00", "EX-2023-01", "NCT09999901", ("U1111-0000-0001",))
    assert trial.sponsor == "Example Research Foundation"
    assert trial.contact == "Trial Information Desk, Example Research Foundation, trials@example.org"
    assert str(trial.start_date) == "2023-01-10" and str(trial.end_date) == "2024-02-01"
    assert trial.participants == 100  # the baseline's total, not the 101 enrolled
    assert [(c.code, c.participants) for c in trial.countries] == [("DE", 60), ("US", 40)]
    assert [(a.low, a.high, a.participants) for a in trial.age_groups] == [(0, 18, 0), (19, 64, 80), (65, None, 20)]
    assert trial.sex == {"female": 70, "male": 30}
    assert [(g.id, g.participants) for g in trial.groups] == [("drug_x_10_mg", 50), ("placebo", 50)]
    assert [(m.name, m.role, m.groups) for m in trial.medicines] == [
        ("Drug X", "investigational", ("drug_x_10_mg",)), ("Placebo", "placebo", ("placebo",))]  # not the diary
    assert [(r.id, r.serious, r.affected) for r in trial.reactions] == [
        ("serious_any", True, {"drug_x_10_mg": 1, "placebo": 2}),
        ("nausea", False, {"drug_x_10_mg": 6, "placebo": 2}),
        ("dizziness", False, {"drug_x_10_mg": 4, "placebo": 1})]
    summary = yaml.safe_load(path.read_text(encoding="utf-8"))["summary"]
    assert summary == {"inclusion": ["Adults aged 18 to 75 years", "At least 4 migraine days a month for the last 3 months"],
                       "exclusion": ["Pregnancy or breastfeeding", "Medication overuse headache"]}
    assert "the record gives the end date as a month (2024-02)" in result.stdout
    # the lay text is the author's to write: the gate says which Annex V elements are missing, at file:line:col
    checked = cli("check", str(path), cwd=tmp_path)
    assert checked.returncode == 1
    assert f"{path}:" in checked.stdout or "nct09999901.yaml:" in checked.stdout
    assert "error [trial.elements] Annex V element 7 (the overall results) is missing: summary: results" in checked.stdout


def test_plainsum_new_from_a_record_fills_the_data_and_leaves_todos(cli, tmp_path: Path) -> None:
    made = cli("new", "migraine-x", "--from", str(RECORD), "--content", str(tmp_path), cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    review = load_review(tmp_path / "migraine-x.yaml")
    assert review.trial is not None and review.trial.participants == 100 and review.kind.name == "trial-results"
    assert "TODO Annex V element 7" in (tmp_path / "migraine-x.yaml").read_text(encoding="utf-8")


def test_a_record_without_results_is_invalid_input(cli, tmp_path: Path) -> None:
    record = json.loads(RECORD.read_text(encoding="utf-8"))
    del record["resultsSection"]
    path = tmp_path / "no-results.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    result = cli("import", str(path), "--content", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 2
    assert "no-results.json:1:1: cannot import: the record of NCT09999901 has no results (resultsSection)" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_apis_list_of_studies_gives_one_file_each(cli, tmp_path: Path) -> None:
    record = json.loads(RECORD.read_text(encoding="utf-8"))
    other = json.loads(json.dumps(record))
    other["protocolSection"]["identificationModule"]["nctId"] = "NCT09999902"
    path = tmp_path / "search.json"
    path.write_text(json.dumps({"studies": [record, other], "nextPageToken": "x"}), encoding="utf-8")
    result = cli("import", str(path), "--content", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["nct09999901.yaml", "nct09999902.yaml"]


def test_broken_json_is_reported_at_its_line(cli, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"protocolSection": {\n  "identificationModule": {"nctId": "NCT1",}\n}}', encoding="utf-8")
    result = cli("import", str(path), "--from", "ctgov-json", "--content", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 2 and "broken.json:2:" in result.stderr and "not valid JSON" in result.stderr


def test_age_categories_countries_and_criteria_are_read_as_registers_write_them() -> None:
    assert age_range("<=18 years") == (0, 18)
    assert age_range("Between 18 and 65 years") == (19, 64)
    assert age_range(">=65 years") == (65, None)
    assert age_range("Adults (18-64 years)") == (18, 64)
    assert age_range("From 65-84 years") == (65, 84)
    assert age_range("85 years and over") == (85, None)
    assert age_range("Children") is None
    assert [country_code(n) for n in ("Germany", "Korea, Republic of", "Russian Federation", "United States", "Atlantis")] == [
        "DE", "KR", "RU", "US", None]
    inclusion, exclusion = criteria("Inclusion Criteria:\n1. Aged 18 or over\n2. Has {{ x }}\n\nExclusion Criteria:\n- Pregnant")
    assert inclusion == ["Aged 18 or over", "Has {{ '{{' }} x }}"] and exclusion == ["Pregnant"]
