"""plainsum init and plainsum new: a project of one's own, and review files that check as written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO

COMBINATIONS = [
    ("cochrane-review", "classic"), ("cochrane-review", "cochrane-2021"), ("cochrane-review", "as-published"),
    ("cochrane-review-rationale", "as-published"), ("cochrane-review-brief", "classic"),
    ("cochrane-review-brief", "as-published"), ("primary-study", "study"), ("primary-study", "as-published"),
    ("trial-results", "eu-annex-v"), ("other", "as-published"),
]


def test_every_kind_and_layout_is_covered():
    from plainsum.content.kinds import KINDS

    assert sorted(COMBINATIONS) == sorted((kind, layout) for kind, spec in KINDS.items() for layout in spec.layouts)


def test_init_writes_a_project_that_builds(cli, tmp_path: Path):
    result = cli("init", "mine", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    root = tmp_path / "mine"
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    assert files == [".github/workflows/plainsum.yml", ".gitignore", ".pre-commit-config.yaml",
                     "content/general-health-checks.yaml", "plainsum.toml", "schemas/content.schema.json",
                     "schemas/translation.schema.json", "templates/README.md"]
    assert "/output/" in (root / ".gitignore").read_text(encoding="utf-8")
    workflow = yaml.safe_load((root / ".github/workflows/plainsum.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", "") for step in workflow["jobs"]["check"]["steps"]]
    assert any('plainsum check --format github "${changed[@]}"' in step for step in steps)  # the changed reviews only
    assert "plainsum build --formats html,md,txt" in steps  # the whole library, gated
    assert any('python -m pip install "$PLAINSUM"' in step for step in steps)
    assert workflow["env"]["PLAINSUM"] == "ci/plainsum-0.1.0-py3-none-any.whl"  # not a package index that lacks it
    hooks = yaml.safe_load((root / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"]
    assert [(h["entry"], h["pass_filenames"]) for h in hooks] == [("plainsum check --quiet", True), ("plainsum check --quiet", False)]
    built = cli("build", "--formats", "html,txt", cwd=root)
    assert built.returncode == 0, built.stderr
    assert (root / "output" / "general-health-checks" / "summary.html").is_file()


def test_init_keeps_a_folder_with_files(cli, tmp_path: Path):
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "plainsum.toml").write_text("mine\n", encoding="utf-8")
    result = cli("init", "busy", cwd=tmp_path)
    assert result.returncode == 2
    assert "not empty" in result.stderr
    forced = cli("init", "busy", "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert (tmp_path / "busy" / "plainsum.toml").read_text(encoding="utf-8") == "mine\n"
    assert "kept" in forced.stderr and (tmp_path / "busy" / "content").is_dir()


@pytest.mark.parametrize(("kind", "layout"), COMBINATIONS)
def test_new_file_checks_without_syntax_errors_and_reports_its_placeholders(cli, tmp_path: Path, kind: str, layout: str):
    made = cli("new", "draft-one", "--kind", kind, "--layout", layout, "--content", str(tmp_path), cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    path = tmp_path / "draft-one.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    from plainsum.content.kinds import KINDS, LAYOUTS

    assert data["kind"] == kind and data["layout"] == layout
    for key in ("id", "title", "plain_title", "doi", "language", "authors", "citation", "facts", "sections", "summary",
                "results", "extra_sections", "references"):
        assert key in data, key
    assert set(data["sections"]) == {spec.key for spec in KINDS[kind].sections}
    assert set(data["summary"]) == {part.key for part in LAYOUTS[layout].parts}
    checked = cli("check", str(path), "--format", "json", cwd=tmp_path)
    assert checked.returncode == 1, checked.stderr  # unfinished, not invalid (that would be 2)
    import json

    findings = [f for document in json.loads(checked.stdout)["documents"] for f in document["findings"]]
    unfinished = [f for f in findings if f["check"] == "content.unfinished"]
    assert unfinished and all(f["severity"] == "error" for f in unfinished)
    assert all(f["line"] > 1 for f in unfinished)
    lines = path.read_text(encoding="utf-8").split("\n")
    for finding in unfinished:  # at the placeholder, or at the {{ expression }} that prints one (a result's)
        assert lines[finding["line"] - 1][finding["column"] - 1:].startswith(("TODO", "{{"))


def test_new_refuses_to_overwrite_and_a_bad_id(cli, tmp_path: Path):
    assert cli("new", "one", "--content", str(tmp_path), cwd=tmp_path).returncode == 0
    again = cli("new", "one", "--content", str(tmp_path), cwd=tmp_path)
    assert again.returncode == 2 and "exists" in again.stderr
    bad = cli("new", "Bad_Id", "--content", str(tmp_path), cwd=tmp_path)
    assert bad.returncode == 2 and "lower-case" in bad.stderr


def test_new_from_a_text_abstract_keeps_its_text_and_marks_the_rest(cli, tmp_path: Path):
    source = tmp_path / "abstract.txt"
    source.write_text(
        "Walking for painful leg nerve damage\n\nBackground\n\nNerve damage in the legs is common in diabetes.\n\n"
        "Objectives\n\nTo assess walking programmes for nerve pain.\n\nSearch methods\n\nWe searched CENTRAL and MEDLINE "
        "on 3 March 2021.\n\nSelection criteria\n\nRandomised trials of walking.\n\nData collection and analysis\n\n"
        "Two authors extracted data.\n\nMain results\n\nWe found two trials with 120 people.\n\nAuthors' conclusions\n\n"
        "Walking may ease pain a little.\n", encoding="utf-8")
    made = cli("new", "walking", "--from", str(source), "--layout", "classic", "--content", str(tmp_path), cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    data = yaml.safe_load((tmp_path / "walking.yaml").read_text(encoding="utf-8"))
    assert data["title"] == "Walking for painful leg nerve damage"
    assert data["sections"]["main_results"]["technical"] == "We found two trials with 120 people."
    assert str(data["facts"]["search_date"]) == "2021-03-03"
    assert data["summary"]["review_question"].startswith("TODO")
    assert "kept as a comment" in made.stdout
    checked = cli("check", str(tmp_path / "walking.yaml"), cwd=tmp_path)
    assert checked.returncode == 1, checked.stderr


def test_wheel_install_then_init_and_build_outside_the_repository(tmp_path: Path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet", "-w", str(wheels), str(REPO)],
        check=True, capture_output=True, text=True, timeout=300, cwd=tmp_path,
    )
    wheel = next(wheels.glob("plainsum-*.whl"))
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(site), str(wheel)],
        check=True, capture_output=True, text=True, timeout=300,
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    plainsum = [sys.executable, "-c", "from plainsum.cli import main; main()"]
    away = tmp_path / "away"
    away.mkdir()
    made = subprocess.run([*plainsum, "init", "x"], cwd=away, env=env, capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    project = away / "x"
    assert (project / ".github" / "workflows" / "plainsum.yml").is_file()
    built = subprocess.run([*plainsum, "build", "--formats", "html,md,txt"], cwd=project, env=env,
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    assert (project / "output" / "index.html").is_file()
    assert (project / "output" / "general-health-checks" / "abstract.md").is_file()
    probe = subprocess.run([*plainsum[:2], "import plainsum.config.paths as c; print(c.scaffold_dir())"], cwd=project, env=env,
                           capture_output=True, text=True, timeout=60)
    assert Path(probe.stdout.strip()).is_relative_to(site)


def test_the_scaffold_example_is_the_shipped_example() -> None:
    """`plainsum init` hands out the repository's own example review; the two copies must not drift.
    The scaffold's first line is the modeline that points an editor at the project's schemas/ (which
    init writes; the repository has none)."""
    repository = Path(__file__).resolve().parent.parent
    shipped = (repository / "content" / "general-health-checks.yaml").read_bytes()
    scaffold = (repository / "plainsum" / "scaffold" / "content" / "general-health-checks.yaml").read_bytes()
    assert scaffold == b"# yaml-language-server: $schema=../schemas/content.schema.json\n" + shipped
