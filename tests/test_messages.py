"""Messages that point at the fix: a misspelt result, fact, filter, kind or layout, and a heading
that is not the one expected, each as one error at the name, with the name meant and the choices."""

from __future__ import annotations

import json
from pathlib import Path

from test_core_invalid_content import errors

REVIEW = "general-health-checks"


def _edit(project: Path, old: str, new: str) -> tuple[Path, int, int]:
    """Replace `old` by `new` in the 2021 example; the line and column where `new` starts."""
    path = project / "content" / f"{REVIEW}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    before = text[: text.index(new)]
    return path, before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def _only_error(cli, path: Path) -> dict[str, str]:
    found = errors(cli("check", str(path)))
    assert len(found) == 1, found
    return found[0]


def test_unknown_result_id_is_named_at_its_place_with_the_results(cli, project) -> None:
    path, line, column = _edit(project, "{{ results.total_mortality.technical }}", "{{ results.total_mortalty.technical }}")
    found = _only_error(cli, path)
    assert "unknown result 'total_mortalty'" in found["message"]
    assert "did you mean 'total_mortality'?" in found["message"]
    assert "results: cancer_mortality, cardiovascular_mortality, heart_disease, stroke, total_mortality" in found["message"]
    assert "dict object" not in found["message"]
    assert (int(found["line"]), int(found["col"])) == (line, column + len("{{ results."))


def test_unknown_part_of_a_result_is_named_with_the_parts(cli, project) -> None:
    path, line, column = _edit(project, "{{ results.total_mortality.technical }}", "{{ results.total_mortality.tecnical }}")
    found = _only_error(cli, path)
    assert "result 'total_mortality' has no 'tecnical'" in found["message"] and "did you mean 'technical'?" in found["message"]
    assert (int(found["line"]), int(found["col"])) == (line, column + len("{{ results.total_mortality."))


def test_unknown_filter_is_named_at_its_place_with_the_filters(cli, project) -> None:
    path, line, column = _edit(project, "{{ participants | thousands }} participants. The risk",
                               "{{ participants | thousand }} participants. The risk")
    found = _only_error(cli, path)
    assert "unknown filter 'thousand'" in found["message"] and "did you mean 'thousands'?" in found["message"]
    assert "long_date, month_year" in found["message"] and "No filter named" not in found["message"]
    assert (int(found["line"]), int(found["col"])) == (line, column + len("{{ participants | "))


def test_undefined_fact_suggests_the_fact_meant(cli, project) -> None:
    path, line, column = _edit(project, "{{ participants | thousands }} participants. The risk",
                               "{{ participant | thousands }} participants. The risk")
    found = _only_error(cli, path)
    assert "undefined fact 'participant'" in found["message"] and "did you mean 'participants'?" in found["message"]
    assert (int(found["line"]), int(found["col"])) == (line, column + len("{{ "))


def test_a_layout_typo_is_one_error_with_a_suggestion(cli, project) -> None:
    path, line, column = _edit(project, "layout: cochrane-2021", "layout: cochrane-2012")
    found = _only_error(cli, path)
    assert "layout 'cochrane-2012' is not available for cochrane-review (did you mean 'cochrane-2021'?)" in found["message"]
    assert (int(found["line"]), int(found["col"])) == (line, column + len("layout: "))
    path, _, _ = _edit(project, "layout: cochrane-2012", "layout: study")
    assert "(it is a layout of primary-study)" in _only_error(cli, path)["message"]


def test_a_kind_typo_is_one_error_with_a_suggestion(cli, project) -> None:
    path, _, _ = _edit(project, "kind: cochrane-review", "kind: cochrane-reveiw")
    assert "did you mean 'cochrane-review'?" in _only_error(cli, path)["message"]


def test_a_heading_without_its_question_mark_is_one_finding_naming_the_expected_heading(cli, project) -> None:
    path, line, column = _edit(project, "what_is_heading: What are general health checks?",
                               "what_is_heading: What are general health checks")
    result = cli("check", str(path), "--format", "json")
    assert result.returncode == 1, result.stderr
    findings = [f for d in json.loads(result.stdout)["documents"] for f in d["findings"] if f["check"] == "cochrane.headings"]
    assert len(findings) == 1, findings
    [finding] = findings
    assert "heading 'What are general health checks' is not the expected 'What is/are ...?" in finding["message"]
    assert finding["suggestion"] == "end the heading with a question mark: 'What are general health checks?'"
    assert (finding["line"], finding["column"]) == (line, column + len("what_is_heading: "))


def test_one_helper_picks_the_name_meant_for_configuration_and_content_alike() -> None:
    from plainsum.config.locate import did_you_mean
    from plainsum.content.names import unknown_facts
    from plainsum.errors import closest_name

    known = ["participants", "search_date", "studies"]
    assert closest_name("participant", known) == "participants"
    assert closest_name("zzz", known) is None
    assert closest_name("studis", known, cutoff=0.99) is None  # the caller's cutoff is honoured
    # the configuration layer's hint and the content layer's hint suggest the same name
    assert did_you_mean("participant", known) == "; did you mean 'participants'?"
    [(_, message)] = list(unknown_facts({"participant"}, "{{ participant }}", dict.fromkeys(known), "the field"))
    assert "did you mean 'participants'?" in message


def test_no_module_but_errors_picks_close_names_itself() -> None:
    """A second copy of the suggestion logic would drift (another cutoff, another candidate order)."""
    package = Path(__file__).resolve().parent.parent / "plainsum"
    copies = [str(path.relative_to(package)) for path in package.rglob("*.py")
              if "get_close_matches" in path.read_text(encoding="utf-8") and path.name != "errors.py"]
    assert copies == []
