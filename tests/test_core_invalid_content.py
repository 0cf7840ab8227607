"""Broken content gives file:line:col errors and exit 2, never a traceback, and loses nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REVIEW = "ilsp-immunotherapy"
POSITION = re.compile(r"^(?P<path>[^:\n]+\.ya?ml):(?P<line>\d+):(?P<col>\d+): (?P<message>.+)$", re.M)


def content(project: Path) -> Path:
    return project / "content" / f"{REVIEW}.yaml"


def replace(project: Path, old: str, new: str) -> None:
    path = content(project)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(project: Path, needle: str) -> int:
    for number, line in enumerate(content(project).read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def errors(result) -> list[dict[str, str]]:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    found = [m.groupdict() for m in POSITION.finditer(result.stderr)]
    assert found, result.stderr
    return found


@pytest.mark.parametrize("command", [["check"], ["build", "--formats", "txt"]])
def test_yaml_syntax_error(cli, project, command):
    replace(project, "kind: cochrane-review", "kind: [cochrane-review")
    found = errors(cli(*command))
    assert found[0]["path"] == f"content/{REVIEW}.yaml"
    assert "YAML syntax error" in found[0]["message"]


def test_unknown_key_points_at_the_key(cli, project):
    replace(project, "language: en", "language: en\nreviewed_by: someone")
    found = errors(cli("check"))
    assert found[0]["line"] == str(line_of(project, "reviewed_by"))
    assert found[0]["col"] == "1"
    assert "unknown key 'reviewed_by'" in found[0]["message"]


def test_misspelt_key_gets_a_suggestion(cli, project):
    replace(project, "  objectives:\n", "  objectivs:\n")
    found = errors(cli("check"))
    messages = " | ".join(f["message"] for f in found)
    assert "did you mean 'objectives'" in messages
    assert "missing the section 'objectives'" in messages


def test_list_instead_of_mapping(cli, project):
    replace(project, "sections:\n  background:", "sections:\n  - background\n  - other\nunused:\n  background:")
    found = errors(cli("check"))
    messages = [f["message"] for f in found]
    assert any("'sections' must be a mapping of keys to values, not a list" in m for m in messages)
    sections_error = next(f for f in found if "'sections' must be a mapping" in f["message"])
    assert sections_error["line"] == str(line_of(project, "- background"))


def test_bytes_that_are_not_utf8(cli, project):
    path = content(project)
    data = path.read_bytes()
    position = data.index(b"Immunotherapy for idiopathic")
    path.write_bytes(data[:position] + b"\xff\xfe" + data[position:])
    found = errors(cli("check"))
    assert "not UTF-8" in found[0]["message"]
    assert found[0]["line"] == str(line_of_bytes(data, position))


def line_of_bytes(data: bytes, position: int) -> int:
    return data[:position].count(b"\n") + 1


def test_undefined_fact_points_at_its_use(cli, project):
    replace(project, "{{ search_date | long_date }}, we searched", "{{ serch_date | long_date }}, we searched")
    found = errors(cli("check"))
    assert "undefined fact 'serch_date'" in found[0]["message"]
    line = line_of(project, "serch_date")
    assert found[0]["line"] == str(line)
    text_line = content(project).read_text(encoding="utf-8").splitlines()[line - 1]
    assert int(found[0]["col"]) == text_line.index("serch_date") + 1  # at the name, inside the expression
    assert "did you mean 'search_date'?" in found[0]["message"]


def test_bad_date(cli, project):
    replace(project, "search_date: 2013-10-15", "search_date: 2013-13-45")
    found = errors(cli("check"))
    assert found[0]["line"] == str(line_of(project, "search_date: 2013-13-45"))
    assert "date" in found[0]["message"]


def test_date_written_as_text(cli, project):
    replace(project, "search_date: 2013-10-15", "search_date: 15 October 2013")
    found = errors(cli("check"))
    assert "must be a date written as YYYY-MM-DD" in found[0]["message"]


def test_missing_section_and_wrong_type_are_all_reported_together(cli, project):
    replace(project, "included_studies: 0", "included_studies: {a: 1}")
    replace(project, "title: Immunotherapy for idiopathic lumbosacral plexopathy", "title: 42")
    found = errors(cli("check"))
    messages = " | ".join(f["message"] for f in found)
    assert "'title' in the review must be text, not a number" in messages
    assert "fact 'included_studies' must be a value or a list of values" in messages


def test_template_syntax_error_in_prose(cli, project):
    replace(project, "{{ search_date | long_date }}", "{{ search_date | long_date }")
    found = errors(cli("check"))
    assert "template error" in found[0]["message"]


def test_sandbox_refuses_unsafe_attribute_access(cli, project):
    replace(project, "{{ search_date | long_date }}, we searched", "{{ search_date.__class__.__mro__ }}, we searched")
    found = errors(cli("check"))
    assert "prose cannot use the attribute '__" in found[0]["message"]


def test_invalid_input_leaves_earlier_outputs_intact(cli, project):
    assert cli("build", "--formats", "txt").returncode == 0
    summary = project / "output" / REVIEW / "summary.txt"
    before = summary.read_bytes()
    replace(project, "kind: cochrane-review", "kind: [cochrane-review")
    errors(cli("build", "--formats", "txt"))
    assert summary.read_bytes() == before


def test_id_must_match_file_name(cli, project):
    replace(project, "id: ilsp-immunotherapy", "id: other-review")
    found = errors(cli("check"))
    assert "does not match the file name" in found[0]["message"]


def test_unknown_format_is_a_usage_error(cli, project):
    result = cli("build", "--formats", "docx")
    assert result.returncode == 2
    assert "unknown format docx" in result.stderr


def test_missing_path_is_reported(cli, project):
    result = cli("check", "content/nope.yaml")
    assert result.returncode == 2
    assert "content/nope.yaml:1:1: no such file" in result.stderr


def test_config_unknown_key_has_file_and_line(cli, project):
    (project / "plainsum.toml").write_text('content = "content"\n\n[gate.summary]\nmaximum_grade_level = 8\n', encoding="utf-8")
    result = cli("check")
    assert result.returncode == 2
    assert re.search(r"^plainsum\.toml:4:1: unknown gate setting 'maximum_grade_level'", result.stderr, re.M), result.stderr


@pytest.mark.parametrize("template", [
    "Searched up to {{ search_date | long_date }}.",
    "  {{ n | in_words | capitalize }} trials ({{ n | thousands }} people); {{ names | join_and('or') }}  ",
    "{{ search_date | month_year }}{{ search_date | iso_date }} and {{ '%d' % n }} {{ n + 1 }}",
    "{% if n > 1 %}{{ n }} trials{% else %}one trial{% endif %} up to {{ search_date | long_date }}",
])
def test_prose_renders_as_one_template_would(template: str) -> None:
    import datetime

    from plainsum.content.prose import _ENV, _output_parts, _render_parts

    facts = {"search_date": datetime.date(2013, 10, 15), "n": 12, "names": ["a", "b", "c"]}
    whole = _ENV.from_string(template).render(**facts)
    parts = _output_parts(_ENV.parse(template))
    if "{%" in template:
        assert parts is None
    else:
        assert parts is not None and _render_parts(parts, facts) == whole
