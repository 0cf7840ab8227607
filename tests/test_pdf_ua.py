"""PDF/UA-1 handouts: every marked-content sequence tagged or an artifact, the tag tree's shape,
DRAFT on every page of a draft, both page sizes from one build, the handout's own parts.

Walks every PDF of the shipped reviews (with a logo, a questions box and both paper sizes) and of
20 reviews imported from the shared corpus, with the independent audit in pdfua_audit.py.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from conftest import REPO, run_cli
from page_tools import import_sample, require_command, tiny_png
from pdfua_audit import audit
from test_build_support import add_identity

HANDOUT = """
[handout]
organisation = "Example Health Trust"
logo = "logo.png"
logo_alt = "Example Health Trust logo"
contact = "Questions about this leaflet: write to patient.info@example.org."
questions = ["Is this treatment right for me?", "What happens if I do nothing?"]
printed_on = true
"""


def _project(root: Path, strict: bool) -> Path:
    shutil.copytree(REPO / "content", root / "content")
    config = (REPO / "plainsum.toml").read_text(encoding="utf-8")
    if strict:  # grade 6 fails the ILSP and general health checks summaries: they are published as DRAFT
        config = config.replace("max_flesch_kincaid_grade = 13", "max_flesch_kincaid_grade = 6")
    (root / "plainsum.toml").write_text('paper = ["a4", "letter"]\n' + config + HANDOUT, encoding="utf-8")
    (root / "templates" / "assets").mkdir(parents=True)
    (root / "templates" / "assets" / "logo.png").write_bytes(tiny_png())
    add_identity(root)
    return root


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> Path:
    root = _project(tmp_path_factory.mktemp("shipped"), strict=True)
    result = run_cli("build", "--formats", "pdf,txt,md,html", "--draft", "--no-progress", cwd=root)
    assert result.returncode == 1, result.stdout + result.stderr  # drafts: the gate failed, published anyway
    return root / "output"


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("imported")
    import_sample(root / "content", 20, offset=7)
    shutil.copy(REPO / "plainsum.toml", root / "plainsum.toml")
    result = run_cli("build", "--formats", "pdf", "--draft", "--no-progress", "--jobs", "2", cwd=root)
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return root / "output"


def _pdfs(folder: Path) -> list[Path]:
    return sorted(folder.glob("*/*.pdf"))


def test_every_shipped_pdf_passes_the_marked_content_audit(shipped):
    pdfs = _pdfs(shipped)
    assert len(pdfs) == 16  # 4 reviews x 2 documents x 2 page sizes
    problems = [problem for pdf in pdfs for problem in audit(pdf).problems]
    assert problems == []


def test_every_imported_pdf_passes_the_marked_content_audit(imported):
    pdfs = _pdfs(imported)
    assert len(pdfs) == 40
    problems = [problem for pdf in pdfs for problem in audit(pdf).problems]
    assert problems == []


def test_the_tag_tree_has_headings_lists_links_and_the_logo_as_a_figure(shipped):
    summary = audit(shipped / "general-health-checks" / "summary.pdf")
    assert summary.headings[0] == 1 and 2 in summary.headings
    assert {"/Document", "/H1", "/H2", "/P", "/L", "/LI", "/LBody", "/Link", "/Figure"} <= set(summary.tags)
    assert summary.links >= 1  # the DOI
    assert "Example Health Trust logo" in summary.alt_texts


def test_tables_are_tagged_with_header_cells(tmp_path):
    """A Markdown table in prose becomes Table > THead/TBody > TR > TH/TD in the PDF."""
    from plainsum.document_formats.pdf import html_to_pdf
    from plainsum.render.templates import TemplateSet

    html = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Table</title>
    <style>@page { @bottom-center { content: "Page " counter(page) } }</style></head><body><main><h1>Results</h1>
    <div class="table-scroll" tabindex="0"><table><caption>Deaths</caption><thead><tr><th scope="col">Group</th><th scope="col">Deaths</th></tr></thead>
    <tbody><tr><th scope="row">Checks</th><td>10</td></tr></tbody></table></div></main></body></html>"""
    path = tmp_path / "table.pdf"
    path.write_bytes(html_to_pdf(html, TemplateSet(None).dirs))
    result = audit(path)
    assert result.problems == []
    assert {"/Table", "/Caption", "/THead", "/TBody", "/TR", "/TH", "/TD"} <= set(result.tags)
    assert result.header_scopes == [("head", "/Column"), ("head", "/Column"), ("body", "/Row")]


def test_weasyprint_writes_no_header_scope_and_the_repair_adds_it(tmp_path):
    """Upstream Kozea/WeasyPrint#2508: if the first assertion fails, WeasyPrint writes Scope itself
    and plainsum.document_formats.pdfua.add_header_scopes can go."""
    from weasyprint import HTML

    from plainsum.document_formats.pdfua import mark_furniture_as_artifacts

    html = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><h1>T</h1>
    <table><thead><tr><th scope="col">Outcome</th><th scope="col">Effect</th><th scope="col">Studies</th></tr></thead>
    <tbody><tr><th scope="row">Deaths</th><td>fewer</td><td>6</td></tr><tr><th scope="row">Stroke</th><td>same</td><td>4</td></tr></tbody>
    <tbody><tr><th>Only headers</th><th>in a body row</th><th>are column headers</th></tr></tbody></table></body></html>"""
    raw = HTML(string=html).write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
    (tmp_path / "raw.pdf").write_bytes(raw)
    (tmp_path / "repaired.pdf").write_bytes(mark_furniture_as_artifacts(raw))
    before, after = audit(tmp_path / "raw.pdf"), audit(tmp_path / "repaired.pdf")
    assert {scope for _, scope in before.header_scopes} == {""}
    assert any("without a Scope" in problem for problem in before.problems)
    assert after.problems == []
    assert after.header_scopes == [("head", "/Column")] * 3 + [("body", "/Row")] * 2 + [("body", "/Column")] * 3


def test_the_summary_of_findings_table_has_column_and_row_header_scopes(shipped):
    scopes = audit(shipped / "general-health-checks" / "abstract.pdf").header_scopes
    assert ("head", "/Column") in scopes and ("body", "/Row") in scopes
    assert all(scope == ("/Column" if where == "head" else "/Row") for where, scope in scopes), scopes


def test_weasyprint_leaves_margin_content_untagged_and_the_repair_makes_it_an_artifact(tmp_path):
    """The upstream bug the repair exists for (Kozea/WeasyPrint#1836): if this first assertion
    fails, WeasyPrint has fixed it and plainsum.document_formats.pdfua can go."""
    from weasyprint import HTML

    from plainsum.document_formats.pdfua import mark_furniture_as_artifacts

    html = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title><style>
    @page { @bottom-center { content: "Page " counter(page) " of " counter(pages) } }</style></head>
    <body><h1>Title</h1><p>Text.</p></body></html>"""
    raw = HTML(string=html).write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
    (tmp_path / "raw.pdf").write_bytes(raw)
    (tmp_path / "repaired.pdf").write_bytes(mark_furniture_as_artifacts(raw))
    before, after = audit(tmp_path / "raw.pdf"), audit(tmp_path / "repaired.pdf")
    assert any("is not in the structure tree and not an artifact" in problem for problem in before.problems)
    assert after.problems == []
    assert after.pages_text_sequences == before.pages_text_sequences  # the tagged content is untouched
    assert after.tags == before.tags


def _page_texts(pdf: Path) -> list[str]:
    pdftotext = require_command("pdftotext")
    with pikepdf.open(pdf) as document:
        pages = len(document.pages)
    return [subprocess.run([pdftotext, "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout for n in range(1, pages + 1)]


NOTICE = "DRAFT: this plain language summary did not pass its checks and is not for publication."


def test_draft_is_on_every_page_of_a_draft_pdf_and_worded_the_same_in_every_format(shipped):
    folder = shipped / "general-health-checks"
    for name in ("summary.pdf", "summary.letter.pdf"):
        pages = _page_texts(folder / name)
        assert len(pages) >= 2, f"{name} should run over more than one page"
        for number, text in enumerate(pages, 1):
            assert " ".join(NOTICE.split()) in " ".join(text.split()), f"{name} page {number} has no DRAFT mark"
    assert NOTICE in (folder / "summary.txt").read_text(encoding="utf-8")
    assert NOTICE in (folder / "summary.md").read_text(encoding="utf-8")
    html = (folder / "summary.html").read_text(encoding="utf-8")
    assert NOTICE in html and 'role="alert"' not in html and 'class="draft-banner" role="note"' in html
    # the abstract passed: no mark on it anywhere
    assert all("DRAFT" not in text for text in _page_texts(folder / "abstract.pdf"))


def test_the_watermark_and_running_mark_are_artifacts(shipped):
    with pikepdf.open(shipped / "general-health-checks" / "summary.pdf") as pdf:
        pages = list(pdf.pages)
        _check_artifacts(pages)


def _check_artifacts(pages: list) -> None:
    for page in pages:
        instructions = list(pikepdf.parse_content_stream(page))
        artifacts = [i for i in instructions if str(i.operator) in ("BDC", "BMC") and str(i.operands[0]) == "/Artifact"]
        pagination = [i for i in artifacts if len(i.operands) > 1 and str(i.operands[1].get("/Type")) == "/Pagination"]
        assert len(pagination) >= 2  # the DRAFT mark at the top and "Page N of M" at the foot
        # the watermark is the page background, an XObject painted inside an artifact
        first_do = next(n for n, i in enumerate(instructions) if str(i.operator) == "Do")
        opened = [i for i in instructions[:first_do] if str(i.operator) in ("BDC", "BMC")]
        assert opened and str(opened[-1].operands[0]) == "/Artifact"


def test_a4_and_letter_come_from_one_build(shipped):
    for name, size in (("summary.pdf", (595, 842)), ("summary.letter.pdf", (612, 792))):
        with pikepdf.open(shipped / "ivig-dlrpn" / name) as pdf:
            box = [float(value) for value in pdf.pages[0].mediabox]
        assert (round(box[2]), round(box[3])) == size


def test_the_handout_has_its_parts_in_12_point_type_with_lines_near_70_characters(shipped):
    pdf = shipped / "ilsp-immunotherapy" / "summary.pdf"
    text = " ".join(" ".join(_page_texts(pdf)).split())
    for part in ("Example Health Trust", "Questions to ask your doctor", "Is this treatment right for me?",
                 "patient.info@example.org", "Printed on ", "Cite as:", "https://doi.org/10.1002/14651858.CD010156.pub2"):
        assert part in text
    sizes = _body_font_sizes(pdf)
    assert max(sizes, key=sizes.get) == 12.0  # the body text, by characters set
    lines = [line.strip() for page in _page_texts(pdf) for line in page.splitlines() if len(line.strip()) > 40]
    long_lines = sorted(len(line) for line in lines)
    assert 60 <= long_lines[len(long_lines) // 2] <= 80, long_lines  # the median full line


def _body_font_sizes(pdf: Path) -> dict[float, int]:
    """Characters set at each font size (Tf size times the text matrix scale, in points)."""
    sizes: dict[float, int] = {}
    with pikepdf.open(pdf) as document:
        for page in document.pages:
            size = 0.0
            for instruction in pikepdf.parse_content_stream(page):
                operator = str(instruction.operator)
                if operator == "Tf":
                    size = float(instruction.operands[1]) * 0.75  # WeasyPrint draws in CSS px (0.75 pt)
                elif operator == "TJ":
                    count = sum(len(bytes(part)) // 2 for part in instruction.operands[0] if isinstance(part, pikepdf.String))
                    sizes[round(size, 1)] = sizes.get(round(size, 1), 0) + count
    return sizes


def test_the_evidence_date_is_said_once(shipped):
    """The summary's text says when the searches were run: the handout adds no second date line."""
    text = " ".join(" ".join(_page_texts(shipped / "general-health-checks" / "summary.pdf")).split())
    assert text.count("The evidence is up to date to January 2018.") == 1


def _independent_check(pdfs: list[Path]) -> subprocess.CompletedProcess:
    """pdfua (PyPI), a PDF/UA-1 checker written by others: it reads the files with its own rules
    (16 of the 106 machine-checkable ones: figures' text alternatives, the language, the title,
    tables' headers, ...), so a fault plainsum's own audit shares with plainsum's repair still shows.
    veraPDF, the reference validator, is not packaged for PyPI, Debian or npm (docs/build.md)."""
    import importlib.util
    import sys

    from page_tools import require

    require(importlib.util.find_spec("pdfua") is not None, "the pdfua checker (pip install pdfua)")
    return subprocess.run([sys.executable, "-m", "pdfua", "check", *map(str, pdfs)], capture_output=True, text=True, timeout=600)


def test_an_independent_pdf_ua_checker_finds_nothing_in_the_shipped_pdfs(shipped):
    pdfs = sorted(shipped.glob("**/*.pdf"))
    assert len(pdfs) == 22  # 4 reviews x 2 documents and 3 translated summaries, x 2 page sizes
    run = _independent_check(pdfs)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.count("result: PASS") == len(pdfs), run.stdout


def test_an_independent_pdf_ua_checker_finds_nothing_in_the_imported_pdfs(imported):
    pdfs = _pdfs(imported)
    run = _independent_check(pdfs)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.count("result: PASS") == len(pdfs), run.stdout
