"""A build removes what an earlier build wrote and it no longer makes (a paper size dropped from the
configuration, a translation deleted), and never a file plainsum did not write or one edited since."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import REPO

from plainsum.build.manifest import Manifest

REVIEW = "general-health-checks"


def _set_paper(project: Path, paper: str) -> None:
    config = project / "plainsum.toml"
    text = config.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("paper = ")]
    at = next(number for number, line in enumerate(lines) if line.startswith("formats = "))
    lines.insert(at + 1, f"paper = {paper}")
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _build(cli, *args: str):
    result = cli("build", "--no-progress", *args)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_a_paper_size_dropped_from_the_configuration_takes_its_pdfs_along(cli, project):
    folder = project / "output" / REVIEW
    _set_paper(project, '["a4", "letter"]')
    _build(cli, "--formats", "pdf,txt", f"content/{REVIEW}.yaml")
    assert {p.name for p in folder.iterdir()} >= {"summary.pdf", "summary.letter.pdf", "abstract.letter.pdf", "summary.txt"}
    (folder / "notes.letter.pdf").write_bytes(b"mine, not plainsum's")  # a file plainsum did not write
    edited = folder / "abstract.letter.pdf"
    edited.write_bytes(edited.read_bytes() + b"\n% annotated by hand\n")  # plainsum's, edited since

    _set_paper(project, '["a4"]')
    result = _build(cli, "--formats", "pdf,txt", f"content/{REVIEW}.yaml")

    assert not (folder / "summary.letter.pdf").exists()
    assert (folder / "summary.pdf").is_file() and (folder / "abstract.pdf").is_file() and (folder / "summary.txt").is_file()
    assert (folder / "notes.letter.pdf").read_bytes() == b"mine, not plainsum's"
    assert edited.read_bytes().endswith(b"% annotated by hand\n")
    assert "removed 1 earlier output no longer built" in result.stdout, result.stdout
    files = Manifest.load(project / "output").files
    assert f"{REVIEW}/summary.letter.pdf" not in files
    assert f"{REVIEW}/summary.pdf" in files
    # the edited file stays listed, so `plainsum clean` keeps it and says why
    assert f"{REVIEW}/abstract.letter.pdf" in files
    cleaned = cli("clean")
    assert "abstract.letter.pdf: changed since plainsum wrote it" in cleaned.stderr
    assert edited.is_file() and (folder / "notes.letter.pdf").is_file()


def test_a_deleted_translation_takes_its_folder_along(cli, project):
    shutil.copy(REPO / "content" / "ilsp-immunotherapy.es.yaml", project / "content" / "ilsp-immunotherapy.es.yaml")
    _build(cli, "--formats", "txt,html")
    spanish = project / "output" / "ilsp-immunotherapy" / "es"
    assert (spanish / "summary.txt").is_file() and (spanish / "summary.html").is_file()

    (project / "content" / "ilsp-immunotherapy.es.yaml").unlink()
    result = _build(cli, "--formats", "txt,html")
    assert not spanish.exists()
    assert (project / "output" / "ilsp-immunotherapy" / "summary.txt").is_file()
    assert "removed 2 earlier outputs no longer built" in result.stdout, result.stdout


def test_a_build_of_fewer_formats_keeps_the_others(cli, project):
    _build(cli, "--formats", "txt,md", f"content/{REVIEW}.yaml")
    _set_paper(project, '["a4"]')  # anything; the point is a second, narrower build
    (project / "content" / f"{REVIEW}.yaml").write_text(
        (project / "content" / f"{REVIEW}.yaml").read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    result = _build(cli, "--formats", "txt", f"content/{REVIEW}.yaml")
    assert (project / "output" / REVIEW / "summary.md").is_file()  # md was not built this time: not stale
    assert "removed" not in result.stdout


def test_a_summary_now_withheld_is_no_longer_published(cli, project):
    _build(cli, "--formats", "txt", f"content/{REVIEW}.yaml")
    summary = project / "output" / REVIEW / "summary.txt"
    assert summary.is_file()
    config = project / "plainsum.toml"
    config.write_text(config.read_text(encoding="utf-8").replace("max_flesch_kincaid_grade = 13", "max_flesch_kincaid_grade = 1", 1),
                      encoding="utf-8")
    result = cli("build", "--no-progress", "--formats", "txt", f"content/{REVIEW}.yaml")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "not published: " in result.stderr
    assert not summary.exists()  # the earlier, passing version does not stay published beside the failure
    assert (project / "output" / REVIEW / "abstract.txt").is_file()
