"""One project, one flow: check, build, serve, diff and report read a project the same way.

A project here has its own GRADE wording grid (templates/grade/grid.yaml), a review with a
translation, and a review whose earlier version the last build published. Each command must use
the project's wording, the published version (results.stale) and the project's templates, and
give the same findings.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO
from test_checks_plain import review_yaml

from plainsum.gate.settings import load_config
from plainsum.serve.site import Site

GIT = ["git", "-c", "user.name=Author", "-c", "user.email=author@example.org", "-c", "commit.gpgsign=false"]
DEFAULT_WORDING = "Exercise may slightly reduce pain."
PROJECT_WORDING = "Exercise perhaps eases pain a little."
TINY = review_yaml(what_we_found="We found 12 studies with 840 people. {{ results.pain.plain }}")


def _grid_override() -> str:
    text = (REPO / "templates" / "grade" / "grid.yaml").read_text(encoding="utf-8")
    old = "      reduce: '{{ intervention }} may slightly reduce {{ outcome }}'"
    assert old in text
    return text.replace(old, "      reduce: '{{ intervention }} perhaps eases {{ outcome }} a little'")


@pytest.fixture
def shared(project: Path, cli) -> Path:
    """The shipped examples with their translations, a project grid, and `tiny`, published with
    12 studies and now at 14 while its lay summary still says 12 (results.stale)."""
    for name in ("ilsp-immunotherapy.es.yaml", "ilsp-immunotherapy.fr.yaml"):
        shutil.copy(REPO / "content" / name, project / "content" / name)
    grid = project / "templates" / "grade" / "grid.yaml"
    grid.parent.mkdir(parents=True)
    grid.write_text(_grid_override(), encoding="utf-8")
    config = project / "plainsum.toml"
    config.write_text(config.read_text(encoding="utf-8") + '\n[checks]\n"cochrane.length" = "off"\n', encoding="utf-8")
    tiny = project / "content" / "tiny.yaml"
    tiny.write_text(TINY, encoding="utf-8")
    built = cli("build", "--formats", "md", "--no-progress")
    assert built.returncode == 0, built.stdout + built.stderr
    tiny.write_text(TINY.replace("included_studies: 12", "included_studies: 14"), encoding="utf-8")
    return project


def _site(root: Path) -> Site:
    return Site(lambda: load_config(root), [])


# --- the bugs of issue 22, each a test that failed before the project object -----------------------


def test_serve_shows_the_projects_grid_wording(shared: Path) -> None:
    built = _site(shared).snapshot().reviews["tiny"]
    assert not built.problems, built.problems
    assert PROJECT_WORDING.encode() in built.pages["summary"]
    assert DEFAULT_WORDING.encode() not in built.pages["summary"]


def test_serve_reports_a_stale_value_against_the_published_version(shared: Path) -> None:
    built = _site(shared).snapshot().reviews["tiny"]
    assert any("[results.stale]" in finding and "12" in finding for finding in built.findings), built.findings


def test_diff_renders_with_the_projects_grid(shared: Path, cli) -> None:
    tiny = shared / "content" / "tiny.yaml"
    tiny.write_text(tiny.read_text(encoding="utf-8").replace("size: small", "size: moderate"), encoding="utf-8")
    run = cli("diff", "--format", "json")
    assert run.returncode == 1, run.stderr
    summary = next(d for d in json.loads(run.stdout)["reviews"][0]["documents"] if d["kind"] == "summary")
    assert [s["old"] for s in summary["sentences"] if s["old"]] == [PROJECT_WORDING]
    assert [s["new"] for s in summary["sentences"] if s["new"]] == ["Exercise may reduce pain."]


def _linked_template(root: Path, name: str, marker: str) -> None:
    """templates/<name> as a link to a file elsewhere in the project (a shared folder of templates)."""
    shared_copy = root / "shared-templates" / name
    shared_copy.parent.mkdir(parents=True, exist_ok=True)
    text = (REPO / "templates" / name).read_text(encoding="utf-8")
    shared_copy.write_text(f"{{# {marker} #}}" + text.replace("</body>", f"<!-- {marker} --></body>", 1), encoding="utf-8")
    link = root / "templates" / name
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(os.path.relpath(shared_copy, link.parent))


def test_templates_linked_within_the_project_work_in_every_command(shared: Path, cli) -> None:
    _linked_template(shared, "html/document.html.j2", "linked-document")
    _linked_template(shared, "report/review.html.j2", "linked-report")
    _linked_template(shared, "diff/page.html.j2", "linked-diff")
    built = _site(shared).snapshot().reviews["tiny"]
    assert not built.problems, built.problems
    assert b"linked-document" in built.pages["summary"]
    report = cli("report")
    assert report.returncode == 0, report.stderr
    assert "linked-report" in (shared / "output" / "report" / "reviews" / "tiny.html").read_text(encoding="utf-8")
    diff = cli("diff", "--format", "html")
    assert diff.returncode == 1 and "linked-diff" in diff.stdout, diff.stderr


def test_diff_since_head_of_an_unchanged_repository_with_translations_exits_0(project: Path, cli) -> None:
    for name in ("ilsp-immunotherapy.es.yaml", "ilsp-immunotherapy.fr.yaml"):
        shutil.copy(REPO / "content" / name, project / "content" / name)
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "v1"]):
        subprocess.run([*GIT, *args], cwd=project, check=True, capture_output=True)
    run = cli("diff", "--since", "HEAD")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "removed" not in run.stdout


@pytest.mark.parametrize("command", ["check", "build", "diff", "report"])
def test_one_message_for_a_folder_without_reviews(project: Path, cli, command: str) -> None:
    (project / "empty").mkdir()
    args = [command, "empty"] + (["--since", "published"] if command == "diff" else [])
    if command == "diff":
        assert cli("build", "--formats", "md", "--no-progress").returncode == 0
    run = cli(*args)
    assert run.returncode == 2, run.stdout + run.stderr
    assert "empty:1:1: no review files (*.yaml) found" in run.stdout + run.stderr


@pytest.mark.parametrize("command", ["check", "build", "diff", "report"])
def test_one_message_for_a_review_id_used_twice(project: Path, cli, command: str) -> None:
    if command == "diff":
        assert cli("build", "--formats", "md", "--no-progress").returncode == 0
    (project / "more").mkdir()
    shutil.copy(project / "content" / "ivig-dlrpn.yaml", project / "more" / "ivig-dlrpn.yaml")
    args = [command, "content", "more"] + (["--since", "published"] if command == "diff" else [])
    run = cli(*args)
    assert run.returncode == 2, run.stdout + run.stderr
    assert "more/ivig-dlrpn.yaml:1:1: review id 'ivig-dlrpn' is also used by content/ivig-dlrpn.yaml" in run.stdout + run.stderr


def test_build_report_clean_build(project: Path, cli) -> None:
    assert cli("build", "--formats", "md", "--no-progress").returncode == 0
    assert cli("report").returncode == 0
    assert (project / "output" / "report" / "index.html").is_file()
    cleaned = cli("clean")
    assert cleaned.returncode == 0, cleaned.stderr
    again = cli("build", "--formats", "md", "--no-progress")
    assert again.returncode == 0, again.stdout + again.stderr


def test_a_report_before_any_build_does_not_block_the_build(project: Path, cli) -> None:
    assert cli("report").returncode == 0
    run = cli("build", "--formats", "md", "--no-progress")
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_configuration_is_found_from_a_subfolder(project: Path, cli) -> None:
    config = project / "plainsum.toml"
    config.write_text(config.read_text(encoding="utf-8") + '\n[checks]\n"plain.jargon" = "error"\n', encoding="utf-8")
    at_root = cli("check", "--format", "json")
    inside = cli("check", "--format", "json", cwd=project / "content")
    assert at_root.returncode == 1, at_root.stderr
    assert inside.returncode == at_root.returncode, inside.stdout[-2000:] + inside.stderr
    assert json.loads(inside.stdout)["summary"] == json.loads(at_root.stdout)["summary"]
    assert "plainsum.toml" in inside.stderr  # the output says which configuration it used


def test_the_configuration_is_found_from_the_paths_given(project: Path, cli, tmp_path: Path) -> None:
    config = project / "plainsum.toml"
    config.write_text(config.read_text(encoding="utf-8") + '\n[checks]\n"plain.jargon" = "error"\n', encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    run = cli("check", "--format", "json", str(project / "content" / "ivig-dlrpn.yaml"), cwd=elsewhere)
    at_root = cli("check", "--format", "json", "content/ivig-dlrpn.yaml")
    assert run.returncode == at_root.returncode
    assert json.loads(run.stdout)["summary"] == json.loads(at_root.stdout)["summary"]


def test_pyproject_without_a_plainsum_table_is_passed_over(project: Path, cli) -> None:
    (project / "content" / "pyproject.toml").write_text("[tool.black]\nline-length = 100\n", encoding="utf-8")
    config = project / "plainsum.toml"
    config.write_text(config.read_text(encoding="utf-8") + '\n[checks]\n"plain.jargon" = "error"\n', encoding="utf-8")
    inside = cli("check", "--format", "json", cwd=project / "content")
    assert inside.returncode == 1 and json.loads(inside.stdout)["summary"]["errors"].get("plain.jargon")


def test_plainsum_config_shows_each_setting_and_where_it_came_from(project: Path, cli) -> None:
    config = project / "plainsum.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text + '\n[checks]\n"plain.jargon" = "error"\n', encoding="utf-8")
    run = cli("config", cwd=project / "content")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("# configuration: ") and lines[0].endswith("plainsum.toml")
    jargon = next(line for line in lines if line.startswith('checks."plain.jargon".severity'))
    line_number = text.count("\n") + 3
    assert jargon.split("#")[1].strip() == f"{config}:{line_number}:1", jargon
    formats = next(line for line in lines if line.startswith("typography.minus"))
    assert formats.endswith("# default")
    assert any(line.startswith("content = ") for line in lines)


def test_check_in_two_processes_reports_as_one_does(project: Path, cli) -> None:
    for name in ("ilsp-immunotherapy.es.yaml", "ilsp-immunotherapy.fr.yaml"):
        shutil.copy(REPO / "content" / name, project / "content" / name)
    (project / "content" / "broken.yaml").write_text("id: broken\nkind: nothing\n", encoding="utf-8")
    one = cli("check", "--format", "json", "--jobs", "1")
    two = cli("check", "--format", "json", "--jobs", "2")
    assert one.returncode == two.returncode == 2
    assert json.loads(one.stdout) == json.loads(two.stdout)
    text_one = cli("check", "-v", "--no-color", "--jobs", "1")
    text_two = cli("check", "-v", "--no-color", "--jobs", "2")
    assert text_one.stdout == text_two.stdout


# --- one driver: every command gives the same findings ---------------------------------------------


def _errors_of_check(data: dict) -> dict[str, set[tuple[str, str]]]:
    return {d["document"]: {(f["check"], f["message"]) for f in d["findings"] if f["severity"] == "error"} for d in data["documents"]}


def test_every_command_gives_the_same_findings(shared: Path, cli) -> None:
    check = cli("check", "--format", "json")
    assert check.returncode == 1, check.stderr
    data = json.loads(check.stdout)
    errors = _errors_of_check(data)
    every = {d["document"]: {(f["check"], f["message"]) for f in d["findings"]} for d in data["documents"]}
    passed = {d["document"]: d["passed"] for d in data["documents"]}
    assert any(check_id == "results.stale" for check_id, _ in errors["tiny/summary"])
    assert {"ilsp-immunotherapy/es/summary", "ilsp-immunotherapy/fr/summary"} <= set(errors)

    # serve: every finding, errors and warnings, as check
    site = _site(shared).snapshot()
    served = {}
    for built in site.reviews.values():
        assert not built.problems, built.problems
        for line in built.findings:
            _where, _, rest = line.partition(": ")
            _severity, _, rest = rest.partition(" [")
            check_id, _, message = rest.partition("] ")
            served.setdefault(check_id, set()).add(message)
    from_check = {}
    for findings in every.values():
        for check_id, message in findings:
            from_check.setdefault(check_id, set()).add(message)
    assert served == from_check
    assert PROJECT_WORDING.encode() in site.reviews["tiny"].pages["summary"]

    # build: the same documents fail with the same errors
    build = cli("build", "--formats", "md", "--no-progress")
    assert build.returncode == 1, build.stderr
    from plainsum.build.manifest import Manifest

    manifest = Manifest.load(shared / "output")
    recorded = {d["document"]["name"]: d for entry in manifest.reviews.values() for d in entry.documents}
    assert {name: d["status"] != "withheld" for name, d in recorded.items()} == passed
    assert {name: {(f["check"], f["message"]) for f in d["findings"] if f["severity"] == "error"}
            for name, d in recorded.items()} == errors
    assert not passed["tiny/summary"] and not (shared / "output" / "tiny" / "summary.md").exists()  # withheld: stale

    # diff: the gate after the change is check's
    diff = cli("diff", "--format", "json")
    assert diff.returncode == 1, diff.stderr
    tiny = next(r for r in json.loads(diff.stdout)["reviews"] if r["id"] == "tiny")
    after = {d["kind"]: d["after"]["gate"] == "pass" for d in tiny["documents"]}
    assert after == {"summary": passed["tiny/summary"], "abstract": passed["tiny/abstract"]}

    # report: the same gate, and the stale value in the review's page
    report = cli("report")
    assert report.returncode == 0, report.stderr
    overview = json.loads((shared / "output" / "report" / "report.json").read_text(encoding="utf-8"))
    for row in overview["per_review"]:
        for kind in ("summary", "abstract"):
            if kind in row:
                assert row[kind]["passed"] == passed[f"{row['id']}/{kind}"], (row["id"], kind)
    assert "results.stale" in (shared / "output" / "report" / "reviews" / "tiny.html").read_text(encoding="utf-8")
