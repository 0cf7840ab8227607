"""Links never followed out of the project, `clean` and `report --out` guarded, a killed first build
recovered, and the environment's faults (a read-only folder, a full disk) exit 2 with the path
(issue 30)."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from pathlib import Path

import pytest
from conftest import REPO

SECRET = "outside-secret-key-31337"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    text = (REPO / "content" / "ilsp-immunotherapy.yaml").read_text(encoding="utf-8")
    (folder / "ilsp-immunotherapy.yaml").write_text(text.replace("facts:\n", f"facts:\n  {SECRET}: 1\n", 1), encoding="utf-8")
    (folder / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    return folder


def _no_secret(result) -> None:
    assert SECRET not in result.stdout and SECRET not in result.stderr, result.stderr


def test_a_content_folder_that_is_a_link_out_is_refused(cli, project, outside):
    shutil.rmtree(project / "content")
    (project / "content").symlink_to(outside, target_is_directory=True)
    result = cli("check")
    assert result.returncode == 2, result.stderr
    assert "content" in result.stderr and "out of the project" in result.stderr
    _no_secret(result)


def test_a_hard_link_to_an_outside_file_is_refused(cli, project, outside):
    target = project / "content" / "ilsp-immunotherapy.yaml"
    target.unlink()
    os.link(outside / "ilsp-immunotherapy.yaml", target)
    result = cli("check", "content/ilsp-immunotherapy.yaml")
    assert result.returncode == 2, result.stderr
    assert "content/ilsp-immunotherapy.yaml:1:1:" in result.stderr and "hard link" in result.stderr
    _no_secret(result)


def test_a_catalog_that_links_out_is_not_read(cli, project, outside):
    shutil.copy(REPO / "content" / "ilsp-immunotherapy.es.yaml", project / "content")
    folder = project / "templates" / "locale" / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = outside / "evil.po"
    po.write_text(f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Key messages"\nmsgstr "{SECRET}"\n',
                  encoding="utf-8")
    (folder / "plainsum.po").symlink_to(po)
    result = cli("build", "--formats", "html")
    assert result.returncode == 2, result.stderr
    assert "templates/locale/es/LC_MESSAGES/plainsum.po" in result.stderr
    for page in (project / "output").rglob("*.html"):
        assert SECRET not in page.read_text(encoding="utf-8"), page
    _no_secret(result)


def test_a_templates_folder_that_is_a_link_out_is_refused(cli, project, outside):
    (outside / "html").mkdir()
    (project / "templates").symlink_to(outside, target_is_directory=True)
    result = cli("build", "--formats", "html")
    assert result.returncode == 2, result.stderr
    assert "templates" in result.stderr and "out of the project" in result.stderr


def test_a_grid_that_links_out_is_exit_2_at_the_link(cli, project, outside):
    (project / "templates" / "grade").mkdir(parents=True)
    (project / "templates" / "grade" / "grid.yaml").symlink_to(outside / "secret.txt")
    result = cli("check")
    assert result.returncode == 2, result.stderr
    assert "templates/grade/grid.yaml:1:1:" in result.stderr
    _no_secret(result)


def test_a_content_file_linking_to_itself_is_exit_2(cli, project):
    (project / "content" / "loop.yaml").symlink_to("loop.yaml")
    result = cli("check")
    assert result.returncode == 2, result.stderr
    assert "content/loop.yaml" in result.stderr and "internal error" not in result.stderr


def test_clean_never_deletes_outside_the_output_folder(cli, project, outside):
    assert cli("build", "--formats", "txt").returncode == 0
    published = project / "output" / ".plainsum-published"
    victim = outside / "victim"
    victim.mkdir()
    (victim / "index.json").write_text("{}", encoding="utf-8")
    for name in os.listdir(published) if published.is_dir() else []:
        shutil.copy2(published / name, victim / name) if (published / name).is_file() else None
    before = sorted(p.name for p in victim.iterdir())
    shutil.rmtree(published, ignore_errors=True)
    published.symlink_to(victim, target_is_directory=True)
    dry = cli("clean", "--dry-run")
    assert str(victim) not in dry.stdout and "outside" not in dry.stdout.replace("outside the output", "")
    result = cli("clean")
    assert result.returncode in (0, 2), result.stderr
    assert sorted(p.name for p in victim.iterdir()) == before
    assert (outside / "secret.txt").exists()


def test_clean_waits_for_no_build_it_takes_the_lock(cli, project):
    import fcntl

    assert cli("build", "--formats", "txt").returncode == 0
    handle = os.open(project / "output", os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = cli("clean")
        assert result.returncode == 2, result.stderr
        assert "another plainsum" in result.stderr
        assert (project / "output" / ".plainsum-manifest.json").exists()
    finally:
        os.close(handle)


@pytest.mark.parametrize("out", ["/", "/etc", "{home}", "content"])
def test_report_out_has_the_out_guard(cli, project, out):
    target = out.format(home=str(Path.home()))
    result = cli("report", "--out", target)
    assert result.returncode == 2, result.stderr
    assert "refusing" in result.stderr
    assert not Path("/index.html").exists() or out != "/"
    assert not (project / "content" / "index.html").exists()


def test_a_first_build_killed_before_its_manifest_is_recovered(cli, project):
    """What a first build leaves when it is killed before it saved its manifest: its marker, some
    of its files and a hidden temporary file. The next build recognises it as its own."""
    output = project / "output"
    (output / "ilsp-immunotherapy").mkdir(parents=True)
    (output / ".plainsum-building").touch()
    (output / "ilsp-immunotherapy" / "summary.txt").write_text("half a build\n", encoding="utf-8")
    (output / "ilsp-immunotherapy" / ".summary.txt.0badc0de.plainsum-tmp").write_text("x", encoding="utf-8")
    result = cli("build", "--formats", "txt")
    assert result.returncode == 0, result.stderr
    assert (output / ".plainsum-manifest.json").exists()
    assert not list(output.rglob("*.plainsum-tmp"))
    assert (output / "ilsp-immunotherapy" / "summary.txt").read_text(encoding="utf-8") != "half a build\n"


def test_a_killed_build_leaves_a_folder_the_next_build_accepts(cli, project):
    import signal
    import subprocess
    import sys
    import time

    output = project / "output"
    for _ in range(3):
        shutil.rmtree(output, ignore_errors=True)
        process = subprocess.Popen([sys.executable, "-m", "plainsum", "build", "--formats", "html,txt", "--jobs", "2"],
                                   cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (output / ".plainsum-building").exists() and process.poll() is None:
            time.sleep(0.005)
        process.send_signal(signal.SIGKILL)
        process.wait()
        result = cli("build", "--formats", "html,txt")
        assert result.returncode == 0, result.stderr


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found |= {int(child) for child in (task / "children").read_text().split()}
    return found


def _running(pid: int) -> bool:
    try:
        return "Z" not in Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1][:3]
    except OSError:
        return False


def test_pool_workers_die_with_their_parent(project):
    import signal
    import subprocess
    import sys
    import time

    for i in range(40):  # enough reviews that the pool is busy when the parent is killed
        text = (project / "content" / "ilsp-immunotherapy.yaml").read_text(encoding="utf-8")
        (project / "content" / f"copy-{i}.yaml").write_text(text.replace("id: ilsp-immunotherapy", f"id: copy-{i}"), encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "plainsum", "build", "--formats", "html,txt", "--jobs", "2"],
                               cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(workers) < 2 and process.poll() is None:
        workers |= _children(process.pid)
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert workers, "no pool worker was seen"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(_running(pid) for pid in workers):
        time.sleep(0.05)
    alive = [pid for pid in workers if _running(pid)]
    assert alive == []


def _in_process(args: list[str]) -> tuple[int, str]:
    from click.testing import CliRunner

    from plainsum.cli import cli as group

    result = CliRunner().invoke(group, args, catch_exceptions=False)
    return result.exit_code, result.output


@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "No space left"), (errno.EROFS, "Read-only"),
                                         (errno.EACCES, "Permission denied")])
def test_a_full_disk_or_read_only_folder_is_exit_2_with_the_path_and_outputs_intact(project, monkeypatch, code, words):
    assert _in_process(["build", "--formats", "txt"])[0] == 0
    summary = project / "output" / "ilsp-immunotherapy" / "summary.txt"
    before = summary.read_bytes()
    text = (project / "content" / "ilsp-immunotherapy.yaml").read_text(encoding="utf-8")
    (project / "content" / "ilsp-immunotherapy.yaml").write_text(text.replace("Immune therapy", "Immune treatment"), encoding="utf-8")
    real_write = os.write

    def failing_write(handle: int, data: bytes) -> int:
        if len(data) > 0 and handle > 2:
            raise OSError(code, os.strerror(code))
        return real_write(handle, data)

    monkeypatch.setattr(os, "write", failing_write)
    exit_code, output = _in_process(["build", "--formats", "txt", "--jobs", "1"])
    monkeypatch.undo()
    assert exit_code == 2, output
    assert "internal error" not in output
    assert "output" in output and words in output, output
    assert summary.read_bytes() == before
    assert not list((project / "output").rglob("*.plainsum-tmp"))
