"""PDF handouts: text in order, tagged, with title, language, authors, page size and embedded fonts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf")

from test_build_support import AUTHORS, DOI, REVIEW, add_identity, words  # noqa: E402


@pytest.fixture(scope="module")
def handouts(tmp_path_factory, request) -> Path:
    """One build of the shipped review in txt and pdf, shared by the tests below."""
    from conftest import REPO, SHIPPED_EXAMPLES, run_cli

    root = tmp_path_factory.mktemp("handouts")
    (root / "content").mkdir()
    for name in SHIPPED_EXAMPLES:
        shutil.copy(REPO / "content" / f"{name}.yaml", root / "content" / f"{name}.yaml")
    shutil.copy(REPO / "plainsum.toml", root / "plainsum.toml")
    add_identity(root)
    result = run_cli("build", "--formats", "txt,pdf", cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "output" / REVIEW


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(str(path))
    return words(" ".join(page.extract_text() for page in reader.pages))


def test_build_writes_both_handouts(handouts):
    assert (handouts / "summary.pdf").read_bytes().startswith(b"%PDF-")
    assert (handouts / "abstract.pdf").read_bytes().startswith(b"%PDF-")


def test_the_lay_summary_text_is_in_the_pdf_in_order(handouts):
    text = pdf_text(handouts / "summary.pdf")
    paragraphs = [words(p) for p in (handouts / "summary.txt").read_text(encoding="utf-8").split("\n\n") if p.strip()]
    assert len(paragraphs) >= 5
    position = 0
    for paragraph in paragraphs:
        # PDF text breaks lines and may hyphenate; the first words of each paragraph must follow the last
        opening = " ".join(paragraph.split()[:5])
        found = text.find(opening, position)
        assert found >= 0, f"{opening!r} not found (in order) in the PDF text"
        position = found + len(opening)


def test_the_pdf_carries_the_handout_details(handouts):
    text = pdf_text(handouts / "summary.pdf")
    # the summary says when the searches were run, so the handout does not say it a second time
    assert "Database searches for this review were run on 15 October 2013." in text
    assert "The evidence is up to date to" not in text
    assert DOI in text
    assert "Lovelace A, Seacole M." in text
    assert "Page 1 of 1" in text  # 12 pt type on one sheet (issue 29's print layout; two pages before it)


def test_the_pdf_is_tagged_with_title_language_and_authors(handouts):
    reader = pypdf.PdfReader(str(handouts / "summary.pdf"))
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert catalog["/Lang"] == "en"
    assert reader.metadata.title.startswith("Immune therapy for lumbosacral plexopathy")
    for author in AUTHORS:
        assert author in reader.metadata.author
    # the structure tree has content: headings and paragraphs, not an empty root
    tree = catalog["/StructTreeRoot"].get_object()
    assert tree["/K"]


def test_fonts_are_embedded(handouts):
    reader = pypdf.PdfReader(str(handouts / "abstract.pdf"))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert fonts
    for font in fonts.values():
        font = font.get_object()
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor or "/FontFile3" in descriptor or "/FontFile" in descriptor
        assert "DejaVu" in font["/BaseFont"]


def test_a4_by_default_and_letter_on_request(handouts, cli, project):
    a4 = pypdf.PdfReader(str(handouts / "summary.pdf")).pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    result = cli("build", "--formats", "pdf", "--paper", "letter")
    assert result.returncode == 0, result.stderr
    letter = pypdf.PdfReader(str(project / "output" / REVIEW / "summary.pdf")).pages[0].mediabox
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)


def test_paper_size_from_config_and_bad_values(cli, project):
    config = project / "plainsum.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('output = "output"', 'output = "output"\npaper = "A3"'), encoding="utf-8")
    result = cli("check")
    assert result.returncode == 2
    assert "plainsum.toml:" in result.stderr and "'paper' must be one of a4, letter" in result.stderr


def test_a_new_users_build_writes_html_txt_md_and_pdf(cli, project):
    result = cli("build")
    assert result.returncode == 0, result.stdout + result.stderr
    for review in (project / "content").glob("*.yaml"):
        if "." in review.stem:  # a translation: its files are in output/<id>/<lang>/ (tests/test_translations.py)
            continue
        written = sorted(p.name for p in (project / "output" / review.stem).iterdir() if p.is_file())
        assert written == sorted(f"{kind}.{ext}" for kind in ("abstract", "summary") for ext in ("html", "md", "pdf", "txt"))
    assert (project / "output" / "index.html").is_file()
