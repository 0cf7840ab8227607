"""plainsum import of Cochrane records in the corpus format (records written here, not copied from it)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
import yaml

from plainsum.content.loader import load_review
from plainsum.errors import InputError
from plainsum.importers.cochrane_json import ImportFailure, record_to_yaml

CLASSIC = [
    {"heading": "Background", "text": "Sore throats are common and usually get better alone."},
    {"heading": "Objectives", "text": "To assess honey for sore throat in adults."},
    {"heading": "Search methods", "text": "We searched CENTRAL, MEDLINE and Embase up to 24 November 2017."},
    {"heading": "Selection criteria", "text": "Randomised trials of honey against placebo."},
    {"heading": "Data collection and analysis", "text": "Two authors extracted data.\nWe used GRADE."},
    {"heading": "Main results", "text": "We included four trials with 520 people."},
    {"heading": "Authors' conclusions", "text": "Honey may ease a sore throat a little."},
]


def record(**changes):
    base = {
        "doi": "10.1002/14651858.CD999001.pub2",
        "name": "Honey for sore throat in adults",
        "free": True,
        "abstract": CLASSIC,
        "pls_title": "Does honey help a sore throat?",
        "pls_type": "long",
        "pls": "Sore throats hurt.\nWe looked for trials of honey.\nHoney may help a little.",
    }
    base.update(changes)
    return base


def load(text: str, review_id: str, tmp_path: Path):
    path = tmp_path / f"{review_id}.yaml"
    path.write_text(text, encoding="utf-8")
    return load_review(path), yaml.safe_load(text)


def test_long_lay_summary_record(tmp_path):
    review_id, text = record_to_yaml(record())
    review, data = load(text, review_id, tmp_path)
    assert review_id == "cd999001-pub2"
    assert review.kind.name == "cochrane-review" and review.layout.name == "as-published"
    assert review.doi == "10.1002/14651858.CD999001.pub2"
    assert data["plain_title"] == "Does honey help a sore throat?"
    assert data["summary"]["text"] == "Sore throats hurt.\n\nWe looked for trials of honey.\n\nHoney may help a little."
    assert data["sections"]["data_collection"]["technical"] == "Two authors extracted data.\n\nWe used GRADE."
    assert str(data["facts"]["search_date"]) == "2017-11-24"
    assert review.rendered["sections.search_methods.technical"].endswith("up to 24 November 2017.")


def test_sectioned_lay_summary_keeps_its_headings(tmp_path):
    pls = [
        {"heading": "Key messages", "text": "Honey may help a little."},
        {"heading": "What did we do?", "text": "We looked for trials."},
        {"heading": "", "text": "A paragraph with no heading."},
        {"heading": "How up to date is this evidence?", "text": "The evidence is current to March 2017."},
    ]
    review_id, text = record_to_yaml(record(pls_type="sectioned", pls=pls))
    _review, data = load(text, review_id, tmp_path)
    assert data["summary"]["text"] == (
        "## Key messages\n\nHoney may help a little.\n\n## What did we do?\n\nWe looked for trials.\n\n"
        "A paragraph with no heading.\n\n## How up to date is this evidence?\n\nThe evidence is current to March 2017."
    )


def test_newer_abstract_format_is_its_own_kind(tmp_path):
    abstract = [
        {"heading": "Rationale", "text": "Why the review matters."},
        {"heading": "Objectives", "text": "To assess something."},
        {"heading": "Search methods", "text": "We searched two databases to 14 May 2024."},
        {"heading": "Eligibility criteria", "text": "Randomised trials."},
        {"heading": "Outcomes", "text": "Pain."},
        {"heading": "Risk of bias", "text": "We used RoB 2."},
        {"heading": "Synthesis methods", "text": "Meta-analysis."},
        {"heading": "Included studies", "text": "Three trials."},
        {"heading": "Synthesis of results", "text": "Less pain."},
        {"heading": "Authors' conclusions", "text": "It may help."},
        {"heading": "Funding", "text": "None."},
        {"heading": "Registration", "text": "Protocol published in 2022."},
    ]
    review_id, text = record_to_yaml(record(abstract=abstract))
    review, _data = load(text, review_id, tmp_path)
    assert review.kind.name == "cochrane-review-rationale"
    assert [s.heading for s in review.sections] == [item["heading"] for item in abstract]


def test_methods_only_abstract_and_a_record_without_a_search_date(tmp_path):
    abstract = [
        {"heading": "Background", "text": "Background text."},
        {"heading": "Objectives", "text": "To assess it."},
        {"heading": "Methods", "text": "We searched several databases in spring."},
        {"heading": "Main results", "text": "Two trials."},
        {"heading": "Authors' conclusions", "text": "Unclear."},
    ]
    review_id, text = record_to_yaml(record(abstract=abstract))
    review, data = load(text, review_id, tmp_path)
    assert review.kind.name == "cochrane-review-brief"
    assert "facts" not in data  # no search date to extract: the as-published layout does not need one


def test_unknown_and_repeated_abstract_headings_become_extra_sections(tmp_path):
    abstract = [*CLASSIC, {"heading": "Plain language summary note", "text": "Kept."}, {"heading": "Main results", "text": "A second results heading."}]
    review_id, text = record_to_yaml(record(abstract=abstract))
    _review, data = load(text, review_id, tmp_path)
    assert [item["heading"] for item in data["extra_sections"]] == ["Plain language summary note", "Main results"]


def test_braces_and_markup_in_a_record_stay_literal(tmp_path):
    abstract = [dict(item) for item in CLASSIC]
    abstract[5] = {"heading": "Main results", "text": "Scores {{ rose }} by {% 5 %} and {# x #} __init__ *a*."}
    review_id, text = record_to_yaml(record(abstract=abstract, name="Title with {{ braces }}"))
    review, _data = load(text, review_id, tmp_path)
    assert review.rendered["sections.main_results.technical"] == r"Scores {{ rose }} by {% 5 %} and {# x #} \_\_init\_\_ \*a\*."
    assert review.title == "Title with {{ braces }}"


@pytest.mark.parametrize("broken, message", [
    (record(abstract="not a list"), "abstract must be a list"),
    (record(abstract=[]), "no abstract text"),
    (record(pls=""), "no plain language summary"),
    (record(abstract=[{"heading": "Background", "text": None}]), "no abstract text"),
    ({"doi": None, "name": None, "abstract": CLASSIC, "pls": "x", "pls_type": "long"}, "no title"),
    ([1, 2], "must be a JSON object"),
])
def test_records_that_cannot_be_imported_say_why(broken, message):
    with pytest.raises(ImportFailure, match=message):
        record_to_yaml(broken)


def test_an_abstract_cut_short_is_kept_as_kind_other(tmp_path):
    review_id, text = record_to_yaml(record(abstract=CLASSIC[:2]))
    review, data = load(text, review_id, tmp_path)
    assert review.kind.name == "other"
    assert [item["heading"] for item in data["extra_sections"]] == ["Background", "Objectives"]
    assert "# NOTE: not imported as cochrane-review" in text


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_cli_imports_jsonl_reports_bad_records_and_goes_on(cli, project, tmp_path):
    second = record(doi="10.1002/14651858.CD999002", pls="")
    third = record(doi="10.1002/14651858.CD999003")
    source = write_jsonl(tmp_path / "records.jsonl", [json.dumps(record()), json.dumps(second), json.dumps(third)])
    result = cli("import", str(source))
    assert result.returncode == 2
    assert "wrote content/cd999001-pub2.yaml (cochrane-review, layout as-published)" in result.stdout
    assert "wrote content/cd999003.yaml" in result.stdout
    assert f"{source}:2:1: cannot import record 10.1002/14651858.CD999002: the record has no plain language summary" in result.stderr
    checked = cli("check", "content/cd999001-pub2.yaml", "content/cd999003.yaml")
    assert checked.returncode in (0, 1), checked.stderr


def test_cli_never_overwrites_without_force(cli, project, tmp_path):
    source = write_jsonl(tmp_path / "one.jsonl", [json.dumps(record())])
    target = project / "content" / "cd999001-pub2.yaml"
    target.write_text("# mine\n", encoding="utf-8")
    kept = cli("import", str(source))
    assert kept.returncode == 1 and "kept content/cd999001-pub2.yaml" in kept.stderr
    assert target.read_text(encoding="utf-8") == "# mine\n"
    forced = cli("import", "--force", str(source))
    assert forced.returncode == 0 and target.read_text(encoding="utf-8").startswith("# Honey for sore throat")


def test_cli_reports_invalid_json_with_line_and_column(cli, project, tmp_path):
    source = write_jsonl(tmp_path / "bad.jsonl", [json.dumps(record()), '{"doi": "10.1/x", "name": }'])
    result = cli("import", str(source))
    assert result.returncode == 2
    assert f"{source}:2:" in result.stderr and "not valid JSON" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_reads_gzipped_json_lines_and_a_json_list(cli, project, tmp_path):
    gz = tmp_path / "records.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps(record()) + "\n")
    listed = tmp_path / "records.json"
    listed.write_text(json.dumps([record(doi="10.1002/14651858.CD999004")]), encoding="utf-8")
    result = cli("import", str(gz), str(listed), "--content", "imported")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (project / "imported").iterdir()) == ["cd999001-pub2.yaml", "cd999004.yaml"]


def test_cli_rejects_bytes_that_are_not_utf8(cli, project, tmp_path):
    source = tmp_path / "latin.txt"
    source.write_bytes(b"Objective\nTo test caf\xe9.\n")
    result = cli("import", str(source))
    assert result.returncode == 2 and f"{source}:2:" in result.stderr and "not UTF-8" in result.stderr


def test_only_the_as_published_layout_waives_the_search_date(tmp_path):
    abstract = [dict(item) for item in CLASSIC]
    abstract[2] = {"heading": "Search methods", "text": "We searched CENTRAL and MEDLINE."}
    review_id, text = record_to_yaml(record(abstract=abstract))
    review, data = load(text, review_id, tmp_path)
    assert "facts" not in data and review.layout.name == "as-published"
    classic = text.replace("layout: as-published", "layout: classic").replace("summary:\n  text:", "summary:\n  review_question:")
    with pytest.raises(InputError, match="needs the fact 'search_date'"):
        load(classic, review_id, tmp_path)
