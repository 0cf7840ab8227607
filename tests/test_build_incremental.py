"""Incremental and parallel builds: the manifest, --jobs, progress, clean."""

from __future__ import annotations

import re
from pathlib import Path

from test_build_support import REVIEW, make_reviews, review_count, snapshot, translation_count

from plainsum.build.manifest import MANIFEST_NAME, Manifest
from plainsum.build.writer import TEMP_SUFFIX, sweep_temporaries, write_file
from plainsum.gate.records import figures_from_json

FORMATS = ("--formats", "html,txt,md")


def mtimes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def set_grade(config: Path, grade: int) -> None:
    text = config.read_text(encoding="utf-8")
    changed = re.sub(r"(?m)^max_flesch_kincaid_grade = [0-9.]+$", f"max_flesch_kincaid_grade = {grade}", text, count=1)
    assert changed != text
    config.write_text(changed, encoding="utf-8")


def build(cli, *args: str, env: dict[str, str] | None = None):
    result = cli("build", *FORMATS, *args, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_an_unchanged_review_is_not_rendered_again(cli, project):
    make_reviews(project, 2)
    n = review_count(project)
    first = build(cli)
    assert f"rendered {n} of {n} reviews" in first.stdout
    before = mtimes(project / "output")
    second = build(cli)
    assert f"rendered 0 of {n} reviews, {n} up to date" in second.stdout
    # the report still lists every document, from the manifest
    assert f"{REVIEW}/summary: pass" in second.stdout and "copy-001/abstract: pass" in second.stdout
    assert mtimes(project / "output") == before


def test_editing_one_review_renders_only_that_review(cli, project):
    make_reviews(project, 2)
    build(cli)
    path = project / "content" / "copy-001.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("ILSP is an uncommon", "ILSP is a rare"), encoding="utf-8")
    result = build(cli)
    n = review_count(project)
    assert f"rendered 1 of {n} reviews, {n - 1} up to date" in result.stdout
    assert "ILSP is a rare" in (project / "output" / "copy-001" / "summary.txt").read_text(encoding="utf-8")


def test_templates_config_and_deleted_outputs_trigger_a_rebuild(cli, project):
    make_reviews(project, 1)
    n = review_count(project)
    build(cli)
    # a project template overriding a default one
    override = project / "templates" / "txt" / "summary.txt.j2"
    override.parent.mkdir(parents=True)
    override.write_text("{{ title }}\n\nHANDOUT\n\n{{ body }}\n", encoding="utf-8")
    assert f"rendered {n} of {n} reviews" in build(cli).stdout
    assert "HANDOUT" in (project / "output" / REVIEW / "summary.txt").read_text(encoding="utf-8")
    # a setting that changes results
    config = project / "plainsum.toml"
    set_grade(config, 20)
    assert f"rendered {n} of {n} reviews" in build(cli).stdout
    # an output removed by hand is written again
    (project / "output" / "copy-000" / "abstract.md").unlink()
    assert f"rendered 1 of {n} reviews" in build(cli).stdout
    assert (project / "output" / "copy-000" / "abstract.md").is_file()
    # a new format renders only what is missing; --force renders everything
    result = cli("build", "--formats", "html,txt,md,pdf", "content/copy-000.yaml")
    assert result.returncode == 0, result.stderr
    assert (project / "output" / "copy-000" / "summary.pdf").is_file()
    assert f"rendered {n} of {n} reviews" in build(cli, "--force").stdout


def test_draft_and_withheld_summaries_follow_the_flag(cli, project):
    for other in (project / "content").glob("*.yaml"):
        if other.stem != REVIEW:
            other.unlink()
    config = project / "plainsum.toml"
    set_grade(config, 5)
    out = project / "output" / REVIEW
    first = cli("build", *FORMATS)
    assert first.returncode == 1 and f"not published: {REVIEW}/summary" in first.stderr
    assert not (out / "summary.txt").exists()
    again = cli("build", *FORMATS)  # from the manifest: same verdict, same message
    assert again.returncode == 1 and f"not published: {REVIEW}/summary" in again.stderr
    assert "rendered 0 of 1 reviews" in again.stdout
    draft = cli("build", *FORMATS, "--draft")
    assert draft.returncode == 1 and "rendered 1 of 1 reviews" in draft.stdout
    assert (out / "summary.txt").read_text(encoding="utf-8").startswith("DRAFT")
    index = (project / "output" / "index.html").read_text(encoding="utf-8")
    assert "failed (published as DRAFT)" in index


def test_jobs_2_writes_the_same_files_as_jobs_1(cli, project, tmp_path):
    make_reviews(project, 5)
    n = review_count(project)
    build(cli, "--jobs", "1", "--out", str(tmp_path / "one"))
    build(cli, "--jobs", "2", "--out", str(tmp_path / "two"))
    one, two = snapshot(tmp_path / "one"), snapshot(tmp_path / "two")
    one.pop(MANIFEST_NAME), two.pop(MANIFEST_NAME)
    documents = [name for name in one if not name.startswith(".plainsum-published/")]  # the published versions, for diff
    assert one == two and len(documents) == n * 6 + 1 and len(one) == len(documents) + 2  # a pack and its index


def test_jobs_2_reports_as_jobs_1(cli, project, tmp_path):
    """The records a forked worker sends back as JSON give the report the records themselves give (drafts with
    their errors, every document and finding in the full report)."""
    make_reviews(project, 5)
    set_grade(project / "plainsum.toml", 5)
    reports = []
    for jobs in ("1", "2"):
        out = tmp_path / jobs
        result = cli("build", *FORMATS, "--draft", "--full-report", "--no-progress", "--jobs", jobs, "--out", str(out))
        assert result.returncode == 1, result.stdout + result.stderr
        full = (out / "plainsum-report.txt").read_text(encoding="utf-8")
        reports.append((result.stdout.replace(str(out), "OUT"), full.replace(str(out), "OUT")))
    assert "FAIL" in reports[0][0] and reports[0] == reports[1]


def test_progress_is_plain_lines_when_ci_is_set(cli, project):
    make_reviews(project, 9)
    n = review_count(project)
    result = build(cli, "--jobs", "2", env={"CI": "true"})
    lines = [line for line in result.stderr.splitlines() if line.startswith("build: ")]
    assert lines and lines[-1].startswith(f"build: {n}/{n} reviews (100%")
    assert len(lines) <= 10
    assert "\r" not in result.stderr
    assert not [line for line in build(cli, "--no-progress", "--force").stderr.splitlines() if line.startswith("build: ")]


def test_index_lists_every_review_with_figures_and_gate_status(cli, project):
    make_reviews(project, 2)
    build(cli)
    build(cli, "content/copy-000.yaml")  # a partial build keeps the others in the index
    index = (project / "output" / "index.html").read_text(encoding="utf-8")
    for review_id in (REVIEW, "copy-000", "copy-001"):
        assert f'<tr id="{review_id}">' in index
        assert f'href="{review_id}/summary.html"' in index
    assert index.count('class="gate-pass">passed') == review_count(project) + translation_count(project)  # a row per translation too
    manifest = Manifest.load(project / "output")
    documents = manifest.reviews[str((project / "content" / f"{REVIEW}.yaml").resolve())].documents
    figures = figures_from_json(next(d for d in documents if d["document"]["kind"] == "summary")["figures"])
    assert f"{figures['flesch_kincaid_grade']:.1f}" in index


def test_clean_removes_only_what_plainsum_wrote(cli, project):
    build(cli)
    output = project / "output"
    (output / "notes.txt").write_text("mine", encoding="utf-8")
    (output / REVIEW / "extra.css").write_text("mine too", encoding="utf-8")
    edited = output / REVIEW / "abstract.md"
    edited.write_text("edited by hand", encoding="utf-8")
    result = cli("clean")
    assert result.returncode == 0, result.stderr
    assert "kept" in result.stderr and "abstract.md" in result.stderr
    left = sorted(str(p.relative_to(output)) for p in output.rglob("*") if p.is_file())
    assert left == sorted(["notes.txt", f"{REVIEW}/abstract.md", f"{REVIEW}/extra.css"])
    assert cli("clean").stdout.startswith("nothing to clean")


def test_clean_removes_the_output_folder_when_only_plainsum_was_there(cli, project):
    build(cli)
    dry = cli("clean", "--dry-run")
    assert f"would remove output/{REVIEW}/summary.html" in dry.stdout
    assert (project / "output" / "index.html").exists()
    assert cli("clean").returncode == 0
    assert not (project / "output").exists()


def test_write_file_is_atomic_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "out" / "a.txt"
    assert write_file(target, b"one").changed
    assert not write_file(target, b"one").changed
    written = write_file(target, b"two")
    assert written.changed and target.read_bytes() == b"two"
    assert written.mtime_ns == target.stat().st_mtime_ns and written.size == 3
    assert sorted(p.name for p in target.parent.iterdir()) == ["a.txt"]
    leftover = target.parent / f".a.txt.1234{TEMP_SUFFIX}"
    leftover.write_bytes(b"two")
    assert sweep_temporaries(tmp_path) == [leftover] and not leftover.exists()


def test_verbose_shows_the_same_warnings_whether_or_not_a_review_was_rendered(cli, project):
    first = build(cli, "-v")
    warnings = [line for line in first.stdout.splitlines() if ": warning [" in line]
    assert warnings, "the shipped content has no warnings to compare"
    build(cli)
    again = build(cli, "-v")
    assert [line for line in again.stdout.splitlines() if ": warning [" in line] == warnings
    manifest = (project / "output" / MANIFEST_NAME).read_text(encoding="utf-8")
    assert '"hidden_warnings":' in manifest


def test_progress_draws_a_bar_on_a_terminal():
    import io

    from plainsum.build.progress import Progress

    stream = io.StringIO()
    progress = Progress(4, stream=stream, bar=True)
    for name in ("a", "b", "c", "d"):
        progress.advance(name)
    progress.close()
    text = stream.getvalue()
    assert "\r[" in text and "4/4 reviews" in text and "\n" not in text


def test_a_build_looks_for_warnings_only_where_it_shows_them(cli, project):
    build(cli)
    manifest = Manifest.load(project / "output")
    documents = [d for entry in manifest.reviews.values() for d in entry.documents]
    assert documents and all(d["status"] == "published" for d in documents)
    # every shipped document passes, so no warning check ran, and the manifest says so
    assert all(d["hidden_warnings"] is None for d in documents)
    shown = build(cli, "-v")
    assert ": warning [" in shown.stdout
    n = review_count(project)
    assert f"rendered {n} of {n} reviews" in shown.stdout  # rendered again to find them


def test_skipping_warning_checks_keeps_every_error_and_the_verdict(project):
    """A build runs only the error checks (it shows what withholds a document): same verdict and
    the same errors as a check that runs everything, and no warning looked for."""
    from plainsum.content.loader import load_review
    from plainsum.gate.settings import load_config
    from plainsum.project.flow import evaluate
    from plainsum.render.templates import TemplateSet

    config = load_config(project)
    set_grade(project / "plainsum.toml", 4)
    strict = load_config(project)
    review = load_review(project / "content" / f"{REVIEW}.yaml")
    templates = TemplateSet(config.templates_dir)

    def errors(result):
        return [(f.check, f.message) for f in result.findings if f.severity == "error"]

    for settings in (config, strict):
        every = evaluate(review, templates, settings)
        lazy = evaluate(review, templates, settings, warnings=False)
        for full, quick in zip(every, lazy, strict=True):
            assert full.passed == quick.passed
            assert not quick.warnings_checked
            assert errors(quick) == errors(full)
            assert all(f.severity == "error" for f in quick.findings)
        assert any(f.severity == "warning" for r in every for f in r.findings)
    assert any(not r.passed for r in evaluate(review, templates, strict, warnings=False))


def test_a_content_file_is_hashed_again_only_when_its_size_or_time_changed(cli, project):
    import os
    import time

    from plainsum.build.manifest import RACY_SECONDS, SourceStamp

    content = project / "content" / f"{REVIEW}.yaml"
    old = time.time() - 3600
    os.utime(content, (old, old))
    build(cli)
    stamp = next(e.stamp for e in Manifest.load(project / "output").reviews.values() if e.source == str(content))
    assert stamp is not None and stamp.matches(content.stat())
    # the same number of bytes, saved again: a new modification time, so it is read and hashed
    text = content.read_text(encoding="utf-8")
    edited = text.replace("To assess the effects", "To check the effects!", 1)
    assert len(edited.encode()) == len(text.encode()) and edited != text
    content.write_text(edited, encoding="utf-8")
    assert f"rendered 1 of {review_count(project)} reviews" in build(cli).stdout
    # a file saved in the seconds before a build read it may change again within the same clock
    # tick, keeping its time: its stamp is not trusted, so the next build hashes it again. The
    # file's time is set, not waited for: how long the builds above took does not matter.
    saved_ns = time.time_ns() - 3600 * 10**9
    os.utime(content, ns=(saved_ns, saved_ns))
    fresh = SourceStamp.of(b"x", content.stat(), saved_ns + (RACY_SECONDS * 10**9) // 2)
    assert fresh.mtime_ns == -1 and not fresh.matches(content.stat())
    settled = SourceStamp.of(b"x", content.stat(), saved_ns + RACY_SECONDS * 10**9 + 1)
    assert settled.mtime_ns == saved_ns and settled.matches(content.stat())
