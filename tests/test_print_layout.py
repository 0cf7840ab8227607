"""Handouts designed for print (issue 29): the shipped lay summaries on one sheet (two sides at
most) at 12 pt on A4 and Letter, in every language; no heading, icon array sentence or caption left
alone at the foot of a page, no figure split, no line broken inside a word, a number, a date or a
name such as COVID-19; icon arrays whose figures are at least 4 mm tall, measured from the PDF.

The layout is read from WeasyPrint's boxes for the same HTML and stylesheets as plainsum's PDFs
(print_layout.py); the figures' size from the drawing operators of the PDF plainsum writes."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, SHARED, run_cli
from print_layout import broken_lines, figure_heights_mm, fill, handouts, layout, stranded

PAPERS = ("a4", "letter")
RM5 = SHARED / "revman" / "antibiotics-for-sore-throat.rm5"

# A lay summary written up with results, as a charity would: two results with natural frequencies,
# one that counts out of 100 (sore throat: 66 and 48 in 100, hatched: the fewer people) and one
# that needs 1000 (rheumatic fever: 17 and 5 in 1000, under 1 in 100 with antibiotics), and a date
# and a name that must not be split.
WRITTEN_UP = """\
id: sore-throat
kind: cochrane-review
layout: cochrane-2021
title: Antibiotics for sore throat
plain_title: Do antibiotics help people with a sore throat, or with COVID-19-like symptoms?
citation: Spinks A, Glasziou PP, Del Mar CB. Antibiotics for sore throat. Cochrane Database Syst Rev 2013;(11):CD000023.
doi: 10.1002/14651858.CD000023.pub4
facts:
  search_date: 2013-07-11
  intervention: antibiotics
  plain_intervention: antibiotics
  intervention_plural: true
results:
  - id: sore_throat
    outcome: {technical: sore throat on day 3, plain: how many people still have a sore throat on day 3}
    measure: RR
    estimate: 0.72
    ci: [0.68, 0.76]
    studies: 15
    participants: 3621
    certainty: high
    size: moderate
    direction: reduce
    better: lower
    comparison: placebo
    control_risk: 0.66
    event: still have a sore throat on day 3
  - id: rheumatic_fever
    outcome: {technical: rheumatic fever, plain: how many people get rheumatic fever}
    measure: RR
    estimate: 0.29
    ci: [0.18, 0.44]
    studies: 16
    participants: 10101
    certainty: high
    size: large
    direction: reduce
    better: lower
    comparison: placebo
    control_risk: 0.017
    event: get rheumatic fever
sections:
  background: {technical: Sore throat is a common reason to see a doctor. On 3 March 2022 we checked the search again.}
  objectives: {technical: To assess the benefits of antibiotics for sore throat.}
  search_methods: {technical: We searched CENTRAL and MEDLINE to July 2013.}
  selection_criteria: {technical: Randomised trials of antibiotics against placebo.}
  data_collection: {technical: Two authors extracted data.}
  main_results: {technical: "{{ results.sore_throat.technical }} {{ results.rheumatic_fever.technical }}"}
  authors_conclusions: {technical: Antibiotics shorten a sore throat a little.}
summary:
  key_messages:
    - Antibiotics make a sore throat go away a little sooner.
    - They lower the chance of rheumatic fever, which is rare.
  what_is_heading: What is a sore throat?
  what_is: >-
    A sore throat is one of the most common reasons people see a doctor. It hurts to swallow, and
    many people also have a fever or a headache. Most sore throats are caused by viruses, and
    antibiotics do not work against viruses. Some are caused by bacteria. Most people get better
    without any treatment within a week. Rarely, a sore throat caused by bacteria leads to other
    illnesses, such as rheumatic fever, which can harm the heart, or an ear infection. Doctors
    often give antibiotics to stop these problems and to make people feel better sooner. But
    antibiotics can cause side effects such as diarrhoea and rashes, and using them often helps
    bacteria become resistant to them, so that they work less well for everyone.
  want_to_find_out: >-
    We wanted to know whether antibiotics help people with a sore throat get better sooner. We also
    wanted to know whether they lower the chance of illnesses that can follow a sore throat.
  what_we_did: >-
    We looked for studies that compared antibiotics with a dummy treatment in people with a sore
    throat. In these studies, chance decided who got antibiotics. We put the results of the studies
    together. Then we rated how sure we are of each result. This depends on how well researchers
    ran the studies and how many people took part.
  what_we_found: >-
    {{ results.sore_throat.plain }} {{ results.rheumatic_fever.plain }}
  limitations: >-
    Most of the studies are old: many took place decades ago, in places where many children still
    got rheumatic fever. In rich countries it is now rare, so antibiotics will prevent very few
    cases there. The studies did not all measure side effects in the same way, so we cannot say how often
    antibiotics cause harm. Few studies took place in poorer countries, where these illnesses are
    still common and where the results may matter most.
  up_to_date: This is the fourth version of this review.
"""


def _project(root: Path) -> Path:
    shutil.copytree(REPO / "content", root / "content")
    config = (REPO / "plainsum.toml").read_text(encoding="utf-8")
    (root / "plainsum.toml").write_text('paper = ["a4", "letter"]\n' + config, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _project(tmp_path_factory.mktemp("print"))


@pytest.fixture(scope="module")
def written_up(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("written")
    (root / "content").mkdir()
    (root / "content" / "sore-throat.yaml").write_text(WRITTEN_UP, encoding="utf-8")
    (root / "plainsum.toml").write_text('paper = ["a4", "letter"]\n', encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def laid_out(shipped: Path, written_up: Path) -> dict[tuple[str, str], Any]:
    found = {}
    for project in (shipped, written_up):
        for paper in PAPERS:
            for name, html, template_dirs in handouts(project, paper):
                found[(paper, name)] = layout(html, template_dirs)
    return found


def test_every_handout_is_checked(laid_out: dict[tuple[str, str], Any]) -> None:
    names = {name for _, name in laid_out}
    # 4 reviews x 2 documents, 3 translated summaries (ILSP es and fr, SUSTAIN-5 es), the written-up review's 2
    assert len(names) == 13 and "ilsp-immunotherapy/fr/summary" in names, sorted(names)


def test_the_shipped_lay_summaries_fit_one_sheet(laid_out: dict[tuple[str, str], Any]) -> None:
    pages = {key: len(document.pages) for key, document in laid_out.items()
             if key[1].endswith("/summary") and not key[1].startswith("sore-throat/")}
    assert len(pages) == 14  # 7 summaries (4 English, 3 translated) x 2 paper sizes
    assert all(count <= 2 for count in pages.values()), pages


def test_no_page_but_the_last_is_less_than_a_third_full(laid_out: dict[tuple[str, str], Any]) -> None:
    thin = {key: [round(f, 2) for f in fill(document)] for key, document in laid_out.items()
            if any(f < 1 / 3 for f in fill(document)[:-1])}
    assert thin == {}


def test_no_heading_sentence_or_caption_is_left_alone_at_a_page_foot(laid_out: dict[tuple[str, str], Any]) -> None:
    problems = {f"{paper} {name}": stranded(document) for (paper, name), document in laid_out.items()}
    assert {key: found for key, found in problems.items() if found} == {}


def test_no_line_breaks_inside_a_word_number_date_or_name(laid_out: dict[tuple[str, str], Any]) -> None:
    problems = {f"{paper} {name}": broken_lines(document) for (paper, name), document in laid_out.items()}
    assert {key: found for key, found in problems.items() if found} == {}


def test_the_checks_catch_what_they_look_for(shipped: Path) -> None:
    """The two checks fail on a page made to do what they forbid: a heading at the foot of a page,
    an intro sentence cut from its figure, a word cut letter by letter, a name split at its hyphen
    (WeasyPrint does not break COVID-19 before its digits, but it breaks SARS-CoV-2 after "SARS-")."""
    body = "<p>" + "Filler text of a plain page. " * 40 + "</p>"
    html = (
        "<!DOCTYPE html><html lang='en'><head><style>@page { size: A6; margin: 10mm }"
        " .narrow { width: 9mm; overflow-wrap: anywhere } .tight { width: 16mm }</style></head><body>"
        + body * 2 + "<h2>A heading at the foot</h2><p style='break-before: page'>Its text.</p>"
        + "<p>Out of 100 people, about 7.</p><figure style='break-before: page'><svg width='50' height='50'></svg>"
        + "<figcaption>Each figure is one person.</figcaption></figure>"
        + "<p class='narrow'>Relative mortality</p><p class='tight'>it helps SARS-CoV-2 patients</p></body></html>"
    )
    document = layout(html, [REPO / "templates"])
    problems = stranded(document)
    assert any("A heading at the foot" in problem for problem in problems), problems
    assert any("Out of 100 people" in problem for problem in problems), problems
    broken = broken_lines(document)
    assert any("inside a word" in problem for problem in broken), broken
    assert any("hyphen of a name" in problem for problem in broken), broken


@pytest.fixture(scope="module")
def written_up_pdfs(written_up: Path) -> Path:
    run = run_cli("build", "--formats", "pdf,html", "--no-progress", cwd=written_up)
    assert run.returncode == 0, run.stdout + run.stderr
    return written_up / "output" / "sore-throat"


def test_icon_array_figures_are_at_least_4_mm_in_the_pdf(written_up_pdfs: Path) -> None:
    for name in ("summary.pdf", "summary.letter.pdf"):
        heights = figure_heights_mm(written_up_pdfs / name)
        # an array of 100 and one of 1000, and the key's figures (3 and 3)
        assert len(heights) == 100 + 1000 + 6, (name, len(heights))
        assert min(heights) >= 4.0, (name, min(heights))


def test_the_written_up_arrays_count_out_of_100_and_1000(written_up_pdfs: Path) -> None:
    html = (written_up_pdfs / "summary.html").read_text(encoding="utf-8").replace("\u00a0", " ")
    assert "Out of 100 people without antibiotics, about 66 still have a sore throat on day 3." in html
    assert "Icon array of 100 people. Without antibiotics, 66 still have a sore throat on day 3; with antibiotics, 48: 18 fewer." in html
    assert "Out of 1000 people without antibiotics, about 17 get rheumatic fever." in html
    assert "Each figure is one person out of 1000. Out of 100, rounding to whole people would change these numbers too much." in html
    assert '<span class="nobr">COVID-19-like</span>' in html


@pytest.mark.parametrize(("text", "kept"), [
    ("On 3 March 2022 we searched", "3\u00a0March\u00a02022"),
    ("up to January 2018.", "January\u00a02018"),
    ("RR 0.98, 95% CI 0.94 to 1.03", "RR\u00a00.98, 95%\u00a0CI\u00a00.94"),
    ("hasta el 3 de marzo de 2022", "3\u00a0de\u00a0marzo\u00a0de\u00a02022"),
    ("jusqu'au 15 octobre 2013", "15\u00a0octobre\u00a02013"),
    ("5 mg a day", "5\u00a0mg"),
    ("68 per 1000", "per\u00a01000"),
    ("help COVID-19?", '<span class="nobr">COVID-19</span>?'),
])
def test_figures_dates_and_names_are_kept_together_in_html(text: str, kept: str) -> None:
    from plainsum.document_formats.typography import keep_together_html

    assert kept in keep_together_html(f"<p>{text}</p>")


def test_keeping_together_leaves_tags_svg_titles_and_code_alone() -> None:
    from plainsum.document_formats.typography import keep_together_html

    html = '<p title="COVID-19 3 March 2022"><code>COVID-19</code></p><svg><title>COVID-19 in 100</title></svg>'
    assert keep_together_html(html) == html
