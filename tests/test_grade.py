"""The GRADE wording grid (templates/grade/grid.yaml), cell by cell, and results as data."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from plainsum.content.loader import load_review
from plainsum.content.results import CERTAINTIES, SIZES, Result, Term, load_grid, views
from plainsum.errors import InputError

# certainty -> size -> (statement when the effect reduces, when it increases);
# GRADE guideline 26 (Santesso et al. 2020) as worded by Cochrane's 2021 guidance.
EXPECTED = {
    "high": {
        "large": ("Exercise results in a large reduction in pain", "Exercise results in a large increase in pain"),
        "moderate": ("Exercise reduces pain", "Exercise increases pain"),
        "small": ("Exercise reduces pain slightly", "Exercise increases pain slightly"),
        "little or no difference": ("Exercise makes little or no difference to pain",) * 2,
    },
    "moderate": {
        "large": ("Exercise probably results in a large reduction in pain",
                  "Exercise probably results in a large increase in pain"),
        "moderate": ("Exercise probably reduces pain", "Exercise probably increases pain"),
        "small": ("Exercise probably reduces pain slightly", "Exercise probably increases pain slightly"),
        "little or no difference": ("Exercise probably makes little or no difference to pain",) * 2,
    },
    "low": {
        "large": ("Exercise may result in a large reduction in pain", "Exercise may result in a large increase in pain"),
        "moderate": ("Exercise may reduce pain", "Exercise may increase pain"),
        "small": ("Exercise may reduce pain slightly", "Exercise may increase pain slightly"),
        "little or no difference": ("Exercise may make little or no difference to pain",) * 2,
    },
    "very low": {
        "large": ("We are very uncertain whether exercise reduces pain", "We are very uncertain whether exercise increases pain"),
        "moderate": ("We are very uncertain whether exercise reduces pain", "We are very uncertain whether exercise increases pain"),
        "small": ("We are very uncertain whether exercise reduces pain", "We are very uncertain whether exercise increases pain"),
        "little or no difference": ("We are very uncertain whether exercise makes any difference to pain",) * 2,
    },
}


def result(certainty: str, size: str, direction: str | None, plural: bool = False, intervention: str = "exercise") -> Result:
    return Result(
        id="pain", outcome=Term("pain intensity (VAS)", "pain"), intervention=Term(intervention, intervention, plural),
        measure="RR", estimate="0.73", ci_low="0.65", ci_high="0.81", studies=5, participants=3008,
        certainty=certainty, size=size, direction=direction,
    )


CELLS = [
    (certainty, size, direction, EXPECTED[certainty][size][index])
    for certainty in CERTAINTIES for size in SIZES for index, direction in enumerate(("reduce", "increase"))
]


def test_every_cell_is_tested() -> None:
    assert len(CELLS) == 4 * 4 * 2
    assert set(EXPECTED) == set(CERTAINTIES)


@pytest.mark.parametrize("certainty,size,direction,expected", CELLS)
def test_cell(certainty: str, size: str, direction: str, expected: str) -> None:
    grid = load_grid()
    assert grid.statement(result(certainty, size, direction), "plain") == expected
    view = views([result(certainty, size, direction)], grid)["pain"]
    assert view.plain == expected + "."


def test_plural_intervention_agrees() -> None:
    grid = load_grid()
    assert grid.statement(result("high", "moderate", "reduce", plural=True, intervention="health checks"), "plain") == "Health checks reduce pain"
    assert grid.statement(result("moderate", "little or no difference", None, plural=True, intervention="health checks"), "plain") == (
        "Health checks probably make little or no difference to pain")
    assert grid.statement(result("low", "moderate", "reduce", plural=True, intervention="health checks"), "plain") == "Health checks may reduce pain"


def test_technical_sentence() -> None:
    view = views([result("moderate", "moderate", "reduce")])["pain"]
    assert view.technical == ("Exercise probably reduces pain intensity (VAS) (RR 0.73, 95% CI 0.65 to 0.81; "
                              "5 studies, 3008 participants; moderate-certainty evidence).")
    very_low = views([result("very low", "small", "increase")])["pain"]
    assert very_low.numbers.endswith("very low-certainty evidence")


def test_one_study_is_singular_and_large_numbers_get_separators() -> None:
    from dataclasses import replace

    grid = load_grid()
    text = grid.numbers(replace(result("low", "small", "reduce"), studies=1, participants=12345, study_word="trials"))
    assert "1 trial, 12,345 participants" in text


REVIEW = """\
id: tiny
kind: cochrane-review
layout: classic
title: Exercise for back pain
plain_title: Exercise for back pain
facts:
  search_date: 2020-03-15
  intervention: exercise
results:
  - id: pain
    outcome: {technical: pain intensity, plain: pain}
    measure: RR
    estimate: 0.70
    ci: [0.60, 0.81]
    studies: 5
    participants: 3008
    certainty: moderate
    size: moderate
    direction: reduce
sections:
  background: {technical: Back pain is common.}
  objectives: {technical: To assess exercise.}
  search_methods: {technical: We searched.}
  selection_criteria: {technical: Trials.}
  data_collection: {technical: Standard.}
  main_results: {technical: "{{ results.pain.technical }}", plain: "{{ results.pain.plain }}"}
  authors_conclusions: {technical: Exercise probably helps.}
summary:
  review_question: Does exercise help?
"""


def test_one_entry_words_both_documents(tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(REVIEW, encoding="utf-8")
    review = load_review(path)
    assert review.rendered["sections.main_results.technical"] == (
        "Exercise probably reduces pain intensity (RR 0.70, 95% CI 0.60 to 0.81; 5 studies, 3008 participants; "
        "moderate-certainty evidence).")
    assert review.rendered["sections.main_results.plain"] == "Exercise probably reduces pain."


@pytest.mark.parametrize("old,new,message,line", [
    ("certainty: moderate", "certainty: fairly sure", "'certainty' in result 'pain' must be one of", 17),
    ("size: moderate", "size: huge", "'size' in result 'pain' must be one of", 18),
    ("estimate: 0.70", "estimate: 0.50", "outside its confidence interval", 13),
    ("direction: reduce", "direction: increase", "says 'increase' but its RR of 0.70", 19),
    ("ci: [0.60, 0.81]", "ci: [0.81, 0.60]", "must be [low, high]", 14),
    ("studies: 5", "studies: five", "'studies' in result 'pain' must be a whole number", 15),
    ("    direction: reduce\n", "", "missing required key 'direction'", 10),
    ("    size: moderate\n", "    size: moderate\n    colour: red\n", "unknown key 'colour' in a result", 19),
    ("{{ results.pain.plain }}", "{{ results.pian.plain }}", "main_results.plain", 26),
])
def test_bad_results_are_reported_at_their_line(tmp_path: Path, old: str, new: str, message: str, line: int) -> None:
    path = tmp_path / "tiny.yaml"
    assert old in REVIEW
    path.write_text(REVIEW.replace(old, new), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_review(path)
    problems = caught.value.problems
    assert any(message in str(p) and p.line == line for p in problems), [str(p) for p in problems]


def test_bad_result_exits_2_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "tiny.yaml").write_text(REVIEW.replace("size: moderate", "size: huge"), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "plainsum", "check"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert run.returncode == 2
    assert "content/tiny.yaml:18:11:" in run.stderr and "Traceback" not in run.stderr


def test_a_broken_grid_is_reported(tmp_path: Path) -> None:
    grid = tmp_path / "grid.yaml"
    grid.write_text("statements:\n  high: {}\nnumbers: x\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_grid(grid)
    assert any("no row for certainty 'low'" in str(p) for p in caught.value.problems)
