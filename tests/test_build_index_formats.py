"""output/index.html lists, for each document, every format that is in the output folder (as the
manifest records it), not only the formats of the last build."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from conftest import REPO

REVIEW = "ilsp-immunotherapy"


@pytest.fixture
def project(project):
    for language in ("es", "fr"):
        shutil.copy(REPO / "content" / f"{REVIEW}.{language}.yaml", project / "content")
    return project


def _links(project) -> set[str]:
    page = (project / "output" / "index.html").read_text(encoding="utf-8")
    return set(re.findall(r'href="(ilsp-immunotherapy/[^"]+)"', page))


def _outputs(project) -> dict[str, str]:
    lines = (project / "output" / ".plainsum-manifest.json").read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        entry = json.loads(line).get("review") or {}
        if entry.get("id") == REVIEW:
            return dict(entry["outputs"])
    raise AssertionError("no manifest entry for the review")


def _expected(*extensions: str) -> set[str]:
    documents = [f"{REVIEW}/summary", f"{REVIEW}/abstract", f"{REVIEW}/es/summary", f"{REVIEW}/fr/summary"]
    return {f"{document}.{extension}" for document in documents for extension in extensions}


def test_a_build_in_one_format_keeps_the_other_formats_in_the_index(project, cli):
    first = cli("build", "--formats", "html,md,txt", "--no-progress")
    assert first.returncode == 0, first.stdout + first.stderr
    assert _links(project) == _expected("html", "md", "txt")

    pdf = cli("build", f"content/{REVIEW}.yaml", "--formats", "pdf", "--no-progress")
    assert pdf.returncode == 0, pdf.stdout + pdf.stderr
    assert _links(project) == _expected("html", "md", "txt", "pdf")
    assert set(_outputs(project)) == _expected("html", "md", "txt", "pdf")
    page = (project / "output" / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'<a href="{REVIEW}/summary.html"[^>]*>[^<]*Immunotherapy', page, re.I), "the title links to the summary page"

    # a later build of the review in html alone, rendered again (--force), keeps the PDFs listed
    html = cli("build", f"content/{REVIEW}.yaml", "--formats", "html", "--force", "--no-progress")
    assert html.returncode == 0, html.stdout + html.stderr
    assert _links(project) == _expected("html", "md", "txt", "pdf")


def test_a_format_whose_files_are_gone_is_not_listed(project, cli):
    assert cli("build", f"content/{REVIEW}.yaml", "--formats", "html,txt", "--no-progress").returncode == 0
    for path in (project / "output" / REVIEW).rglob("*.txt"):
        path.unlink()
    result = cli("build", f"content/{REVIEW}.yaml", "--formats", "html", "--force", "--no-progress")
    assert result.returncode == 0, result.stdout + result.stderr
    assert _links(project) == _expected("html")
