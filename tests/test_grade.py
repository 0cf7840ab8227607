"""The GRADE wording grid (templates/grade/grid.yaml), cell by cell, and results as data."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from plainsum.content.loader import load_review
from plainsum.errors import InputError
from plainsum.grade.results import CERTAINTIES, NO_DIFFERENCE, SIZES, VERBS, Result, Term, load_grid, views

# certainty -> size -> verb -> statement; GRADE guideline 26 (Santesso et al. 2020) as worded by
# Cochrane's 2021 guidance, "slightly" before the verb ("may slightly reduce").
EXPECTED = {
    "high": {
        "large": {"reduce": "Exercise results in a large reduction in pain", "increase": "Exercise results in a large increase in pain",
                  "improve": "Exercise results in a large improvement in pain", "worsen": "Exercise makes pain much worse"},
        "moderate": {"reduce": "Exercise reduces pain", "increase": "Exercise increases pain",
                     "improve": "Exercise improves pain", "worsen": "Exercise makes pain worse"},
        "small": {"reduce": "Exercise slightly reduces pain", "increase": "Exercise slightly increases pain",
                  "improve": "Exercise slightly improves pain", "worsen": "Exercise makes pain slightly worse"},
        "little or no difference": "Exercise makes little or no difference to pain",
    },
    "moderate": {
        "large": {"reduce": "Exercise probably results in a large reduction in pain",
                  "increase": "Exercise probably results in a large increase in pain",
                  "improve": "Exercise probably results in a large improvement in pain",
                  "worsen": "Exercise probably makes pain much worse"},
        "moderate": {"reduce": "Exercise probably reduces pain", "increase": "Exercise probably increases pain",
                     "improve": "Exercise probably improves pain", "worsen": "Exercise probably makes pain worse"},
        "small": {"reduce": "Exercise probably slightly reduces pain", "increase": "Exercise probably slightly increases pain",
                  "improve": "Exercise probably slightly improves pain", "worsen": "Exercise probably makes pain slightly worse"},
        "little or no difference": "Exercise probably makes little or no difference to pain",
    },
    "low": {
        "large": {"reduce": "Exercise may result in a large reduction in pain", "increase": "Exercise may result in a large increase in pain",
                  "improve": "Exercise may result in a large improvement in pain", "worsen": "Exercise may make pain much worse"},
        "moderate": {"reduce": "Exercise may reduce pain", "increase": "Exercise may increase pain",
                     "improve": "Exercise may improve pain", "worsen": "Exercise may make pain worse"},
        "small": {"reduce": "Exercise may slightly reduce pain", "increase": "Exercise may slightly increase pain",
                  "improve": "Exercise may slightly improve pain", "worsen": "Exercise may make pain slightly worse"},
        "little or no difference": "Exercise may make little or no difference to pain",
    },
    "very low": {
        size: {"reduce": "We are very uncertain whether exercise reduces pain",
               "increase": "We are very uncertain whether exercise increases pain",
               "improve": "We are very uncertain whether exercise improves pain",
               "worsen": "We are very uncertain whether exercise makes pain worse"}
        for size in ("large", "moderate", "small")
    } | {"little or no difference": "We are very uncertain whether exercise makes any difference to pain"},
}


def result(certainty: str, size: str, direction: str | None, plural: bool = False, intervention: str = "exercise",
           better: str = "lower", quality: bool = False, measure: str = "RR", estimate: str = "0.73",
           ci: tuple[str, str] = ("0.65", "0.81")) -> Result:
    return Result(
        id="pain", outcome=Term("pain intensity (VAS)", "pain", quality=quality), intervention=Term(intervention, intervention, plural),
        measure=measure, estimate=estimate, ci_low=ci[0], ci_high=ci[1], studies=5, participants=3008,
        certainty=certainty, size=size, direction=None if size == NO_DIFFERENCE else direction, better=better,
    )


# The verb a result's data asks for: (direction of the estimate, which way is better, a quality?) -> verb.
VERB_OF = {
    ("reduce", "lower", False): "reduce", ("reduce", "higher", False): "reduce",
    ("increase", "lower", False): "increase", ("increase", "higher", False): "increase",
    ("reduce", "lower", True): "improve", ("reduce", "higher", True): "worsen",
    ("increase", "lower", True): "worsen", ("increase", "higher", True): "improve",
}
CELLS = [
    (certainty, size, direction, better, quality)
    for certainty in CERTAINTIES for size in SIZES for direction in ("reduce", "increase")
    for better in ("lower", "higher") for quality in (False, True)
]


def test_every_cell_is_tested() -> None:
    assert len(CELLS) == 4 * 4 * 2 * 2 * 2
    assert set(EXPECTED) == set(CERTAINTIES)
    assert {verb for certainty in EXPECTED.values() for size in certainty.values() if isinstance(size, dict) for verb in size} == set(VERBS)


@pytest.mark.parametrize("certainty,size,direction,better,quality", CELLS)
def test_cell(certainty: str, size: str, direction: str, better: str, quality: bool) -> None:
    grid = load_grid()
    data = result(certainty, size, direction, better=better, quality=quality)
    cell = EXPECTED[certainty][size]
    expected = cell if isinstance(cell, str) else cell[VERB_OF[(direction, better, quality)]]
    assert grid.statement(data, "plain") == expected
    assert views([data], grid)["pain"].plain == expected + "."


@pytest.mark.parametrize("certainty,size,direction,better,quality", CELLS)
def test_no_cell_states_the_opposite_of_the_data(certainty: str, size: str, direction: str, better: str, quality: bool) -> None:
    """Read back with the claim checks' vocabulary, every generated statement says what the data says."""
    from plainsum.grade.claims import load_vocabulary, read_claim

    data = result(certainty, size, direction, better=better, quality=quality)
    claim = read_claim(load_grid().statement(data, "plain"), load_vocabulary())
    assert claim.implied_certainty == certainty and claim.negated is None and not claim.mixed
    if size == NO_DIFFERENCE:
        assert claim.effect == "none"
    else:
        assert claim.effect == data.verb
        good = (direction == "reduce") == (better == "lower")
        assert claim.effect in (("reduce", "increase") if not quality else (("improve",) if good else ("worsen",)))


def test_lower_is_better_score_says_it_got_better() -> None:
    """The issue's example: an asthma control score, MD -0.21, lower = better control, very low certainty."""
    data = Result(
        id="control", outcome=Term("asthma control (ACQ)", "how well their asthma is controlled", quality=True),
        intervention=Term("text message reminders", "text message reminders", plural=True), measure="MD",
        estimate="-0.21", ci_low="-0.42", ci_high="0.00", studies=2, participants=408, certainty="very low",
        size="small", direction="reduce", better="lower",
    )
    assert load_grid().statement(data, "plain") == (
        "We are very uncertain whether text message reminders improve how well their asthma is controlled")


def test_plural_intervention_agrees() -> None:
    grid = load_grid()
    assert grid.statement(result("high", "moderate", "reduce", plural=True, intervention="health checks"), "plain") == "Health checks reduce pain"
    assert grid.statement(result("moderate", NO_DIFFERENCE, None, plural=True, intervention="health checks"), "plain") == (
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
    ("direction: reduce", "direction: up", "'direction' in result 'pain' must be one of", 19),
    ("measure: RR", "measure: MD", "needs 'better: lower' or 'better: higher'", 10),
    ("    direction: reduce\n", "    direction: reduce\n    better: sideways\n", "'better' in result 'pain' must be one of", 20),
    ("    direction: reduce\n", "    direction: reduce\n    control_risk: 68\n", "a proportion between 0 and 1", 20),
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


@pytest.mark.parametrize("changes,message,line", [
    ([("measure: RR", "measure: ratio of means"), ("    direction: reduce\n", "")], "missing required key 'direction'", 10),
    ([("measure: RR", "measure: IRR"), ("    direction: reduce\n", "    direction: reduce\n    control_risk: 0.2\n")],
     "needs a risk ratio, odds ratio or hazard ratio", 20),
    ([("estimate: 0.70", "estimate: 1.00"), ("    direction: reduce\n", "")], "exactly 1 (no effect)", 10),
])
def test_bad_results_need_several_changes(tmp_path: Path, changes: list[tuple[str, str]], message: str, line: int) -> None:
    text = REVIEW
    for old, new in changes:
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "tiny.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_review(path)
    assert any(message in str(p) and p.line == line for p in caught.value.problems), [str(p) for p in caught.value.problems]


def test_direction_is_read_from_the_estimate(tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(REVIEW.replace("    direction: reduce\n", ""), encoding="utf-8")
    review = load_review(path)
    assert review.results[0].direction == "reduce"
    assert review.rendered["sections.main_results.plain"] == "Exercise probably reduces pain."


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


def test_a_result_may_carry_its_own_wording(tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(REVIEW.replace("    direction: reduce\n", "    direction: reduce\n"
                                   "    plain: Exercise probably eases back pain a little\n"
                                   "    technical: Exercise probably reduces pain intensity a little\n"), encoding="utf-8")
    review = load_review(path)
    assert review.rendered["sections.main_results.plain"] == "Exercise probably eases back pain a little."
    assert review.rendered["sections.main_results.technical"] == (
        "Exercise probably reduces pain intensity a little (RR 0.70, 95% CI 0.60 to 0.81; 5 studies, 3008 participants; "
        "moderate-certainty evidence).")
    override = review.results[0].plain
    assert override is not None and (override.line, override.column) == (20, 12)


def _project(tmp_path: Path, grid_text: str, where: str = "grade/grid.yaml") -> Path:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "tiny.yaml").write_text(REVIEW, encoding="utf-8")
    target = tmp_path / "templates" / where
    target.parent.mkdir(parents=True)
    target.write_text(grid_text, encoding="utf-8")
    return tmp_path


def _changed_grid(old: str, new: str) -> str:
    from plainsum.grade.grid import default_grid_path

    text = default_grid_path().read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new)


def test_a_project_grid_replaces_the_default(tmp_path: Path) -> None:
    from plainsum.render.templates import TemplateSet

    grid = _changed_grid("{{ intervention }} probably {{ v(\"reduces\") }} {{ outcome }}'",
                         "{{ intervention }} likely {{ v(\"lowers\") }} {{ outcome }}'")
    root = _project(tmp_path, grid)
    review = load_review(root / "content" / "tiny.yaml", templates=TemplateSet(root / "templates"))
    assert review.rendered["sections.main_results.plain"] == "Exercise likely lowers pain."
    assert load_review(root / "content" / "tiny.yaml").rendered["sections.main_results.plain"] == "Exercise probably reduces pain."
    run = subprocess.run([sys.executable, "-m", "plainsum", "build", "--formats", "md"], cwd=root, capture_output=True, text=True, timeout=300)
    assert "Exercise likely lowers pain." in (root / "output" / "tiny" / "summary.md").read_text(encoding="utf-8"), run.stdout + run.stderr


def test_a_grid_per_language(tmp_path: Path) -> None:
    from plainsum.render.templates import TemplateSet

    grid = _changed_grid("{{ intervention }} probably {{ v(\"reduces\") }} {{ outcome }}'",
                         "{{ intervention }} reduce probablement {{ outcome }}'")
    root = _project(tmp_path, grid, "grade/fr/grid.yaml")
    (root / "content" / "tiny.yaml").write_text(REVIEW.replace("kind: cochrane-review", "kind: cochrane-review\nlanguage: fr"), encoding="utf-8")
    review = load_review(root / "content" / "tiny.yaml", templates=TemplateSet(root / "templates"))
    assert review.rendered["sections.main_results.plain"] == "Exercise reduce probablement pain."


def test_a_broken_project_grid_is_an_input_error(tmp_path: Path) -> None:
    root = _project(tmp_path, _changed_grid("      worsen: '{{ intervention }} {{ v(\"makes\") }} {{ outcome }} worse'\n", ""))
    run = subprocess.run([sys.executable, "-m", "plainsum", "check"], cwd=root, capture_output=True, text=True, timeout=300)
    assert run.returncode == 2, run.stdout + run.stderr
    assert "templates/grade/grid.yaml:1:1: wording grid: 'high' / 'moderate' needs a text for each of: reduce, increase, improve, worsen" in run.stderr
    assert "Traceback" not in run.stderr
