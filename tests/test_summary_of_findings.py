"""Absolute effects in the documents: the summary of findings table in the abstract (html, pdf, md,
txt), natural frequencies and an icon array in the lay summary, and the typography of figures."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, asthma_control_result

EXAMPLE = "general-health-checks"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import run_cli

    root = tmp_path_factory.mktemp("sof")
    (root / "content").mkdir()
    shutil.copy(REPO / "content" / f"{EXAMPLE}.yaml", root / "content" / f"{EXAMPLE}.yaml")
    run = run_cli("build", "--formats", "html,md,txt,pdf", cwd=root)
    assert run.returncode == 0, run.stdout + run.stderr
    return root / "output" / EXAMPLE


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages)


# The review's published summary of findings (Krogsbøll et al. 2019): the assumed risk without health
# checks and the risk with them, per 1000 (95% CI), recomputed by plainsum from control_risk and RR.
PUBLISHED = [
    ("Total mortality", "68 per 1000", "68 per 1000 (66 to 70)", "RR 1.00 (0.97 to 1.03)", "233,298 (11 trials)"),
    ("Cancer mortality", "26 per 1000", "26 per 1000 (24 to 29)", "RR 1.01 (0.92 to 1.12)", "139,290 (8 trials)"),
    ("Cardiovascular mortality", "32 per 1000", "34 per 1000 (30 to 37)", "RR 1.05 (0.94 to 1.16)", "170,227 (9 trials)"),
    ("Fatal and non-fatal ischaemic heart disease", "66 per 1000", "65 per 1000 (62 to 68)", "RR 0.98 (0.94 to 1.03)", "164,881 (4 trials)"),
    ("Fatal and non-fatal stroke", "29 per 1000", "30 per 1000 (28 to 34)", "RR 1.05 (0.95 to 1.17)", "107,421 (3 trials)"),
]


def test_markdown_table(built: Path) -> None:
    text = (built / "abstract.md").read_text(encoding="utf-8")
    assert "**Summary of findings: general health checks compared with no health checks**" in text
    for outcome, control, intervention, relative, participants in PUBLISHED:
        row = next(line for line in text.splitlines() if line.startswith(f"| {outcome} |"))
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert cells[1:3] == [control, intervention] and cells[4:6] == [relative, participants], cells
    assert "| Cardiovascular mortality | 32 per 1000 | 34 per 1000 (30 to 37) | 2 more per 1000 (from 2 fewer to 5 more) |" in text
    assert "\ue003" not in text and "PLAINSUMFIGURE" not in text
    # after Main results, before Authors' conclusions
    assert text.index("## Main results") < text.index("Summary of findings") < text.index("## Authors' conclusions")


def test_text_blocks(built: Path) -> None:
    text = (built / "abstract.txt").read_text(encoding="utf-8")
    block = text[text.index("Fatal and non-fatal stroke\n  Risk"):]
    assert "  Risk with no health checks: 29 per 1000\n  Risk with general health checks (95% CI): 30 per 1000 (28 to 34)\n" in block
    assert "  Difference (95% CI): 1 more per 1000 (from 1 fewer to 5 more)\n" in block
    assert "  Certainty of the evidence (GRADE): Moderate\n" in block
    assert "|" not in text and "PLAINSUMFIGURE" not in text


def test_html_table_is_accessible(built: Path) -> None:
    html = (built / "abstract.html").read_text(encoding="utf-8")
    table = html[html.index("<table"): html.index("</table>")]
    assert "<caption>Summary of findings: general health checks compared with no health checks</caption>" in table
    assert table.count('<th scope="row">') == 5 and '<th scope="col">Risk with no health checks</th>' in table
    for outcome, control, intervention, relative, participants in PUBLISHED:
        row = table[table.index(f'<th scope="row">{outcome}</th>'):]
        row = row[: row.index("</tr>")]
        assert all(f"<td>{cell}</td>" in row for cell in (control, intervention, relative, participants)), row
    assert '<span aria-hidden="true" class="grade-marks">' in table and "> High</td>" in table


def test_pdf_has_the_table_and_the_frequencies(built: Path) -> None:
    abstract = pdf_text(built / "abstract.pdf")
    assert "Summary of findings" in abstract and "34 per 1000 (30 to 37)" in abstract.replace("\n", " ")
    summary = pdf_text(built / "summary.pdf")
    assert "Out of 1000 people without health checks, about 68 die from any cause." in summary


def test_natural_frequencies_in_every_format(built: Path) -> None:
    sentence = "Out of 1000 people without health checks, about 66 get heart disease or die from it. " \
               "With health checks, about 65 in 1000 get heart disease or die from it."
    for name in ("summary.md", "summary.txt"):
        text = (built / name).read_text(encoding="utf-8")
        assert sentence in " ".join(text.split()), name
        assert "<svg" not in text and "PLAINSUMFIGURE" not in text
        found = text.index("## What did we find?" if name.endswith(".md") else "What did we find?")
        assert found < text.index("Out of 1000") < text.index("What are the limitations")
    html = (built / "summary.html").read_text(encoding="utf-8")
    assert sentence in html


def icon_counts(svg: str) -> tuple[int, int]:
    """(solid, outlined) figures an icon array draws: each `<use>` of a figure, a whole row used as many."""
    defs, drawn = re.search(r"<defs>(.*?)</defs>(.*)</svg>", svg, re.S).groups()
    row_sizes = {name: len(re.findall(r"<use ", body)) for name, body in re.findall(r'<g id="([^"]+-row)">(.*?)</g>', defs)}
    solid = outlined = 0
    for target in re.findall(r'<use href="#([^"]+)"', drawn):
        many = row_sizes.get(target, 1)
        if "-filled" in target:
            solid += many
        else:
            assert "-empty" in target, target
            outlined += many
    return solid, outlined


def test_icon_array_counts_and_text_alternative(built: Path) -> None:
    html = (built / "summary.html").read_text(encoding="utf-8")
    figures = re.findall(r'<figure class="icon-array".*?</figure>', html, re.S)
    assert len(figures) == 2  # total mortality and heart disease carry an `event`
    heart = figures[1]
    svgs = re.findall(r"<svg.*?</svg>", heart, re.S)
    assert len(svgs) == 2
    for svg, count, who in ((svgs[0], 66, "without"), (svgs[1], 65, "with")):
        assert 'role="img"' in svg and f'aria-labelledby="icons-heart_disease-{who}-title"' in svg
        assert f"Out of 1000 people {who} health checks, {count} get heart disease or die from it" in svg
        solid, outlined = icon_counts(svg)
        assert (solid, solid + outlined) == (count, 1000)
    assert "<figcaption>Each figure is one person. Solid figures: people who get heart disease or die from it." in heart
    assert "about 66; out of 1000 with health checks, about 65 (between 62 and 68)" in heart


@pytest.mark.parametrize("count", [0, 7, 10, 37, 100])
def test_icon_svg_for_100(count: int) -> None:
    from plainsum.document_formats.visuals import icon_svg

    svg = str(icon_svg(count, 100, "x", "37 of 100 <people>"))
    assert 'viewBox="0 0 100 100"' in svg and "&lt;people&gt;" in svg
    assert icon_counts(svg) == (count, 100 - count)
    assert "<pattern" not in svg  # a tiled pattern drifts where a renderer rounds its tile (see icon_svg)


def _dark_runs(pixels: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for x, value in enumerate(pixels):
        if value < 140:
            if runs and x - runs[-1][1] <= 1:
                runs[-1] = (runs[-1][0], x)
            else:
                runs.append((x, x))
    return runs


def test_every_column_of_the_icon_array_is_whole_in_the_pdf(built: Path, tmp_path: Path) -> None:
    """At 300 dpi, where a figure is 18.75 pixels wide: each array shows 40 whole figures in a row
    (two strokes each, the last as wide as the first), not 39 and a half."""
    from page_tools import require_command
    from PIL import Image
    from pypdf import PdfReader

    pdftoppm = require_command("pdftoppm")
    pages = [n for n, page in enumerate(PdfReader(built / "summary.pdf").pages, 1) if "Each figure is one person" in page.extract_text()]
    assert pages
    image = tmp_path / "page"
    subprocess.run([pdftoppm, "-png", "-r", "300", "-f", str(pages[0]), "-l", str(pages[0]), str(built / "summary.pdf"), str(image)], check=True)
    picture = Image.open(next(tmp_path.glob("page*.png"))).convert("L")
    width, height = picture.size
    # the rows of the arrays: the tallest band of lines that cross at least 80 dark runs (two arrays of 40 figures)
    crossing = [y for y in range(height) if len(_dark_runs([picture.getpixel((x, y)) for x in range(width)])) >= 120]
    assert crossing, "no icon array found on the page"
    y = crossing[len(crossing) // 2]
    runs = _dark_runs([picture.getpixel((x, y)) for x in range(width)])
    assert len(runs) == 160, len(runs)  # 2 arrays x 40 figures x 2 strokes (the body's sides)
    for array in (runs[:80], runs[80:]):
        first, last = array[1][1] - array[0][0], array[-1][1] - array[-2][0]
        assert abs(first - last) <= 2, (first, last)


TINY = """\
id: tiny
kind: cochrane-review
layout: classic
title: Text reminders for asthma
plain_title: Text reminders for asthma
facts:
  search_date: 2020-03-15
  intervention: text message reminders
  intervention_plural: true
results:
""" + asthma_control_result("control") + """\
sections:
  background: {technical: Asthma is common in people aged 18-65 years.}
  objectives: {technical: To assess reminders.}
  search_methods: {technical: We searched on 2020-03-15.}
  selection_criteria: {technical: Trials.}
  data_collection: {technical: Standard.}
  main_results: {technical: "{{ results.control.technical }}", plain: "{{ results.control.plain }}"}
  authors_conclusions: {technical: Reminders may help.}
summary:
  review_question: Do text reminders help people with asthma?
"""


@pytest.mark.parametrize("setting,minus", [("", "\u2212"), ('[typography]\nminus = "hyphen"\nranges = "hyphen"\n', "-")])
def test_true_minus_in_html_pdf_md_not_txt(tmp_path: Path, setting: str, minus: str, cli) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "tiny.yaml").write_text(TINY, encoding="utf-8")
    (tmp_path / "plainsum.toml").write_text(setting, encoding="utf-8")
    run = cli("build", "--formats", "html,md,txt", cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    out = tmp_path / "output" / "tiny"
    statement = "We are very uncertain whether text message reminders improve asthma control"
    for name in ("abstract.html", "abstract.md"):
        text = (out / name).read_text(encoding="utf-8")
        assert f"{statement} (ACQ) (MD {minus}0.21, 95% CI {minus}0.42 to 0.00;" in text, name
        assert ("18\u201365" if minus != "-" else "18-65") in text and "2020-03-15" in text
    assert "(MD -0.21, 95% CI -0.42 to 0.00;" in (out / "abstract.txt").read_text(encoding="utf-8")
    assert f"{statement}." in (out / "summary.md").read_text(encoding="utf-8")


def test_a_bad_typography_setting_is_reported(tmp_path: Path, cli) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "tiny.yaml").write_text(TINY, encoding="utf-8")
    (tmp_path / "plainsum.toml").write_text('[typography]\nminus = "en-dash"\n', encoding="utf-8")
    run = cli("check", cwd=tmp_path)
    assert run.returncode == 2 and "plainsum.toml:2:1: 'minus' must be one of 'unicode', 'hyphen'" in run.stderr, run.stderr
