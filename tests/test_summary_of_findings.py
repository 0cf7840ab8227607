"""Absolute effects in the documents: the summary of findings table in the abstract (html, pdf, md,
txt), natural frequencies and an icon array in the lay summary, and the typography of figures."""

from __future__ import annotations

import re
import shutil
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
    html = (built / "abstract.html").read_text(encoding="utf-8").replace("\u00a0", " ")
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
    assert "Out of 100 people without health checks, about 7 die from any cause." in summary


# The lay summary counts out of 100 where the risks allow it (grade.absolute.people_per): 66 and 65 in
# 1000 (the abstract's table) are about 7 in 100 both; 7 and 6 would show ten times the difference.
HEART = ("Out of 100 people without health checks, about 7 get heart disease or die from it. "
         "With health checks, about 7 in 100 get heart disease or die from it.")


def test_natural_frequencies_in_every_format(built: Path) -> None:
    for name in ("summary.md", "summary.txt"):
        text = (built / name).read_text(encoding="utf-8")
        assert HEART in " ".join(text.split()), name
        assert "<svg" not in text and "PLAINSUMFIGURE" not in text
        found = text.index("## What did we find?" if name.endswith(".md") else "What did we find?")
        assert found < text.index("Out of 100") < text.index("What are the limitations")
    html = (built / "summary.html").read_text(encoding="utf-8")
    assert HEART in html.replace("\u00a0", " ")


def icon_counts(svg: str) -> dict[str, int]:
    """How many figures of each kind (solid, hatched, empty) an icon array draws."""
    drawn = re.search(r"</defs>(.*)</svg>", svg, re.S).group(1)
    kinds = re.findall(r'<use href="#[^"]+-(solid|hatched|empty)"', drawn)
    return {kind: kinds.count(kind) for kind in ("solid", "hatched", "empty")}


def test_one_icon_array_per_result_compares_both_groups(built: Path) -> None:
    html = (built / "summary.html").read_text(encoding="utf-8")
    figures = re.findall(r'<figure class="icon-array".*?</figure>', html, re.S)
    assert len(figures) == 2  # total mortality and heart disease carry an `event`
    for figure, element, event in ((figures[0], "total_mortality", "die from any cause"),
                                   (figures[1], "heart_disease", "get heart disease or die from it")):
        svgs = re.findall(r'<svg[^>]*class="icons per-100".*?</svg>', figure, re.S)
        assert len(svgs) == 1, "one array for both groups"
        # the key's three figures are named too (a PDF tags each as a figure, which needs a text alternative)
        assert re.findall(r"<title[^>]*>([^<]+)</title>", figure)[1:] == ["Solid figure:", "Outlined figure:"]
        assert f'aria-labelledby="icons-{element}-title"' in svgs[0]
        assert f"Icon array of 100 people. With or without health checks, 7 {event}." in svgs[0]
        assert icon_counts(svgs[0]) == {"solid": 7, "hatched": 0, "empty": 93}
        # the numbers are said in the sentence before the array and in its text alternative only
        shown = re.sub(r"<svg.*?</svg>", "", figure, flags=re.S)  # the arrays and the key's figures
        assert re.findall(r"\d+", re.sub(r"<[^>]+>", "", shown)) == ["100"], shown  # "one person out of 100"
        assert "<figcaption" in figure and "Each figure is one person out of 100." in figure


@pytest.mark.parametrize(("both", "changed", "per"), [(0, 0, 100), (7, 0, 100), (26, 3, 100), (12, 4, 1000), (100, 0, 100)])
def test_comparison_svg_draws_each_person_once(both: int, changed: int, per: int) -> None:
    from plainsum.document_formats.visuals import comparison_svg

    svg = str(comparison_svg(both, changed, per, "x", "7 of 100 <people>"))
    assert "&lt;people&gt;" in svg and 'role="img"' in svg and f'class="icons per-{per}"' in svg
    assert icon_counts(svg) == {"solid": both, "hatched": changed, "empty": per - both - changed}
    columns = 10 if per == 100 else 40
    assert f'viewBox="0 0 {columns * 10} ' in svg
    # every figure stands where it is drawn, in reading order: the last one ends the last row
    positions = re.findall(r'<use href="#x-\w+"((?: [xy]="[\d.]+")*)/>', svg.split("</defs>")[1])
    assert len(positions) == per
    assert positions[-1] == f' x="{(columns - 1) * 10}" y="{(per // columns - 1) * 10.5:g}"'


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
        text = (out / name).read_text(encoding="utf-8").replace("\u00a0", " ")  # html: a measure and its value kept together
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
