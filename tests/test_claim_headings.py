"""A heading that names a comparison ("High-dose versus low-dose dexamethasone") says what the list items under
it are about when they name no one who acts ("– may reduce deaths ..."): the results of that comparison, and
none when the review holds no result of it (issue 23: claims read against another comparison's results were
false alarms). A statement of certainty that names who acts rates only the results of what it names."""

from __future__ import annotations

import textwrap
from pathlib import Path

from plainsum.content.loader import load_review
from plainsum.grade.claims import load_vocabulary
from plainsum.grade.judge import judge
from plainsum.grade.reading import read_summary

REVIEW = textwrap.dedent("""\
    id: steroids
    kind: cochrane-review
    layout: as-published
    title: Steroids for people in hospital with a lung infection
    plain_title: Steroids for lung infections
    facts:
      search_date: 2022-05-01
      intervention: steroids
    results:
      - id: deaths_two_steroids
        intervention: {technical: drug A, plain: drug A}
        comparison: drug B
        outcome: {technical: deaths from any cause, plain: deaths from any cause}
        aliases: [deaths]
        measure: RR
        estimate: "0.51"
        ci: ["0.24", "1.07"]
        studies: 1
        participants: 86
        certainty: very low
      - id: deaths_doses
        intervention: {technical: a high dose of drug B, plain: high-dose drug B}
        comparison: {technical: a low dose of drug B, plain: low-dose drug B}
        outcome: {technical: deaths from any cause, plain: deaths from any cause}
        aliases: [deaths]
        measure: RR
        estimate: "0.93"
        ci: ["0.79", "1.08"]
        studies: 4
        participants: 1383
        certainty: low
        size: little or no difference
      - id: bleeding_doses
        intervention: {technical: a high dose of drug B, plain: high-dose drug B}
        comparison: {technical: a low dose of drug B, plain: low-dose drug B}
        outcome: {technical: major bleeding, plain: major bleeding}
        measure: RR
        estimate: "0.95"
        ci: ["0.70", "1.29"]
        studies: 3
        participants: 900
        certainty: moderate
        size: little or no difference
    sections:
      background: {technical: Lung infections are common.}
      objectives: {technical: To assess steroids.}
      search_methods: {technical: "We searched MEDLINE on {{ search_date | long_date }}."}
      selection_criteria: {technical: Randomised trials.}
      data_collection: {technical: Standard methods.}
      main_results: {technical: Steroids may make little or no difference to deaths (low-certainty evidence).}
      authors_conclusions: {technical: Steroids may help.}
    summary:
      text: Steroids may help.
    """)


def checks(sentences: list[tuple[str, str | None]], tmp_path: Path) -> set[str]:
    """The checks that flag the last of `sentences` (text, heading), read in order."""
    path = tmp_path / "steroids.yaml"
    path.write_text(REVIEW, encoding="utf-8")
    results = load_review(path).results
    readings = read_summary([(text, False) for text, _ in sentences], results, load_vocabulary(), ("steroids",),
                            headings=[heading for _, heading in sentences])
    return {v.check for v in judge(readings[-1], results)}


def test_a_list_item_is_read_against_the_comparison_its_heading_names(tmp_path: Path) -> None:
    heading = "High-dose drug B versus low-dose drug B"
    assert checks([("- probably reduce the number of deaths;", heading)], tmp_path) >= {"results.direction"}
    assert checks([("- may make little or no difference to the number of deaths;", heading)], tmp_path) == set()


def test_a_list_item_under_a_comparison_no_result_holds_is_not_held_to_another(tmp_path: Path) -> None:
    heading = "Steroids plus usual care compared to usual care alone"
    found = checks([("- probably reduce the number of deaths slightly;", heading)], tmp_path)
    assert not found & {"results.direction", "results.certainty"}
    # without the heading the item is read against the results of deaths, and they do not fit it
    assert checks([("- probably reduce the number of deaths slightly;", None)], tmp_path) & {"results.direction", "results.certainty"}


def test_a_word_for_the_treatment_after_the_verb_is_not_the_items_subject(tmp_path: Path) -> None:
    heading = "Steroids plus usual care compared to usual care alone"
    found = checks([("- probably reduce the number of deaths slightly, up to 30 days after treatment;", heading)], tmp_path)
    assert not found & {"results.direction", "results.certainty"}


def test_a_statement_that_names_who_acts_rates_only_their_results(tmp_path: Path) -> None:
    # neither result is moderate: a statement of deaths alone, or of high-dose drug B, is wrong
    assert "results.certainty" in checks([("The certainty of the evidence on deaths is moderate.", None)], tmp_path)
    sentence = "The certainty of the evidence on deaths with high-dose drug B is moderate."
    assert "results.certainty" in checks([(sentence, None)], tmp_path)
    # of a comparison no result is of (steroids with usual care): not held to theirs
    sentence = "The certainty of the evidence on deaths with usual care and steroids is moderate."
    assert checks([(sentence, None)], tmp_path) == set()


def test_a_list_items_second_sentence_keeps_the_lead_in_for_the_items_after_it(tmp_path: Path) -> None:
    item = ("- probably increases major bleeding.", None)
    lead = [("Compared with drug B, drug A:", None), ("- may make little or no difference to deaths.", None),
            ("For every 1000 people, 30 fewer would have a stroke.", None)]
    # drug A against drug B has no result for bleeding: the item is not held to high-dose drug B's
    assert checks([*lead, item], tmp_path) == set()
    assert "results.direction" in checks([("High-dose drug B, compared with low-dose drug B:", None), item], tmp_path)
