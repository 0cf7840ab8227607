"""Where a build may write, the lock on the output folder, template overrides that are links, and
builds that give the same bytes and start no program (issue 12)."""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

LOCATION = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<message>.+)$", re.M)


def refused(result) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    assert LOCATION.search(result.stderr), result.stderr
    return result.stderr


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is needed (the CI script installs it)")
        pytest.skip(f"{name} is not installed")
    return found


@pytest.mark.parametrize("out, why", [
    ("/", "root of the file system"),
    ("/proc", "system folder"),
    ("/dev/null", "system folder"),
    ("content", "is the content folder"),
    ("content/sub", "inside the content folder"),
    (".", "is the configuration folder"),
    ("..", "holds the configuration folder"),
])
def test_an_output_folder_that_holds_other_things_is_refused(cli, project, out, why):
    before = sorted(p.name for p in project.iterdir())
    stderr = refused(cli("build", "--formats", "txt", "--no-progress", "--out", out))
    assert why in stderr
    assert sorted(p.name for p in project.iterdir()) == before


def test_the_home_folder_is_refused(cli, project, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    stderr = refused(cli("build", "--formats", "txt", "--no-progress", "--out", str(home), env={"HOME": str(home)}))
    assert "home folder" in stderr


def test_a_folder_with_files_plainsum_did_not_write_needs_allow_foreign_files(cli, project):
    folder = project / "site"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine\n", encoding="utf-8")
    stderr = refused(cli("build", "--formats", "txt", "--no-progress", "--out", "site"))
    assert "files plainsum did not write (notes.txt)" in stderr
    assert "use --allow-foreign-files" in stderr and "--force" not in stderr
    # --force renders everything again; it does not loosen where a build may write
    stderr = refused(cli("build", "--formats", "txt", "--no-progress", "--out", "site", "--force"))
    assert "files plainsum did not write (notes.txt)" in stderr
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]
    assert cli("build", "--formats", "txt", "--no-progress", "--out", "site", "--allow-foreign-files").returncode in (0, 1)
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    assert (folder / "index.html").is_file()
    # built once, the folder is plainsum's: the next build needs no flag
    assert cli("build", "--formats", "txt", "--no-progress", "--out", "site").returncode in (0, 1)


def test_allow_foreign_files_does_not_render_again_what_is_up_to_date(cli, project):
    assert cli("build", "--formats", "txt", "--no-progress").returncode in (0, 1)
    again = cli("build", "--formats", "txt", "--no-progress", "--allow-foreign-files")
    assert again.returncode in (0, 1)
    assert "rendered 0 of" in again.stdout, again.stdout
    assert "rendered 0 of" not in cli("build", "--formats", "txt", "--no-progress", "--force").stdout


def test_an_output_link_that_leads_out_is_refused_and_nothing_is_written_there(cli, project, tmp_path):
    assert cli("build", "--formats", "txt", "--no-progress").returncode in (0, 1)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    review = project / "output" / "ilsp-immunotherapy"
    shutil.rmtree(review)
    review.symlink_to(elsewhere)
    stderr = refused(cli("build", "--formats", "txt", "--no-progress", "--force"))
    assert "outside" in stderr
    assert list(elsewhere.iterdir()) == []


def _hold_lock(folder: Path) -> subprocess.Popen:
    """Another process holding the build lock on `folder`, as a running build does."""
    code = ("import fcntl, os, sys, time; fd = os.open(sys.argv[1], os.O_RDONLY | os.O_DIRECTORY); "
            "fcntl.flock(fd, fcntl.LOCK_EX); print('locked', flush=True); time.sleep(600)")
    holder = subprocess.Popen([sys.executable, "-c", code, str(folder)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


def test_a_second_build_into_the_same_folder_is_refused_while_the_first_holds_it(cli, project):
    output = project / "output"
    output.mkdir()
    holder = _hold_lock(output)
    try:
        stderr = refused(cli("build", "--formats", "txt", "--no-progress"))
        assert "another plainsum build is writing into this folder" in stderr
        assert list(output.iterdir()) == []
    finally:
        holder.kill()
        holder.wait()


def test_the_lock_of_a_killed_build_is_taken_over(cli, project):
    output = project / "output"
    output.mkdir()
    holder = _hold_lock(output)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert cli("build", "--formats", "txt", "--no-progress").returncode in (0, 1)
    assert (output / "index.html").is_file()
    # and the lock is free again once a build has finished
    handle = os.open(output, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    finally:
        os.close(handle)


def test_a_template_override_that_links_out_of_the_project_is_refused(cli, project, tmp_path):
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0:SECRET-LINE:/root:/bin/bash\n", encoding="utf-8")
    overrides = project / "templates" / "html"
    overrides.mkdir(parents=True)
    (overrides / "summary.html.j2").symlink_to(secret)
    for args in (["build", "--formats", "html", "--no-progress"], ["build", "--formats", "html", "--no-progress", "--force"]):
        result = cli(*args)
        stderr = refused(result)
        assert "outside the project" in stderr
        assert "SECRET-LINE" not in result.stdout + stderr
    published = "".join(p.read_text(encoding="utf-8", errors="replace") for p in (project / "output").rglob("*.html"))
    assert "SECRET-LINE" not in published


def test_a_template_that_includes_a_path_with_dotdot_is_an_error_at_the_template(cli, project):
    from plainsum.config.paths import default_templates_dir

    overrides = project / "templates" / "txt"
    overrides.mkdir(parents=True)
    original = next((default_templates_dir() / "txt").glob("*.j2"))
    text = original.read_text(encoding="utf-8")
    (overrides / original.name).write_text("{% include '../../../../etc/passwd' %}\n" + text, encoding="utf-8")
    stderr = refused(cli("build", "--formats", "txt", "--no-progress"))
    assert "template not found" in stderr and "root:" not in stderr
    assert re.search(rf"^templates/txt/{re.escape(original.name)}:1:1: ", stderr, re.M), stderr


def _digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_fresh_builds_give_the_same_bytes_pdfs_included(cli, project):
    for out in ("first", "second"):
        result = cli("build", "--formats", "html,md,txt,pdf", "--no-progress", "--jobs", "1", "--out", out)
        assert result.returncode in (0, 1), result.stderr
    first, second = _digests(project / "first"), _digests(project / "second")
    assert any(name.endswith(".pdf") for name in first)
    manifest = ".plainsum-manifest.json"  # records modification times, which are the machine's
    assert {k: v for k, v in first.items() if k != manifest} == {k: v for k, v in second.items() if k != manifest}


def test_a_pdf_build_starts_no_program(cli, project):
    strace = tool("strace")
    trace = project / "trace.txt"
    result = subprocess.run(
        [strace, "-f", "-qq", "-e", "trace=execve", "-o", str(trace), sys.executable, "-m", "plainsum", "build",
         "--formats", "pdf", "--no-progress", "--jobs", "2"],
        cwd=project, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode in (0, 1), result.stderr
    started = [line for line in trace.read_text().splitlines() if "execve(" in line and "= -1" not in line]
    assert len(started) == 1 and sys.executable in started[0], started  # plainsum itself, and nothing else
    assert list((project / "output").rglob("*.pdf"))
