"""A sentence about an outcome that has results of several comparisons, naming neither arm of the results that
are left ("the effect of corticosteroids on deaths within 30 days", where the only 30-day result compares two
corticosteroids): the results were picked by elimination, and the sentence may speak of a comparison the review
holds no result of (the class against no treatment). Not held to them as an error (issue 23: a statement about a
class read against a head-to-head result was a false alarm)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from plainsum.content.loader import load_review
from plainsum.grade.claims import load_vocabulary
from plainsum.grade.judge import judge
from plainsum.grade.reading import read_summary

REVIEW = textwrap.dedent("""\
    id: steroids
    kind: cochrane-review
    layout: as-published
    title: Corticosteroids for people in hospital with a lung infection
    plain_title: Corticosteroids for lung infections
    facts:
      search_date: 2022-01-06
      intervention: corticosteroids
    results:
      - id: deaths_30_days_two_drugs
        intervention: {technical: methylprednisolone, plain: methylprednisolone}
        comparison: dexamethasone
        outcome: {technical: deaths from any cause up to 30 days, plain: deaths from any cause up to 30 days}
        aliases: [deaths]
        measure: RR
        estimate: "0.51"
        ci: ["0.24", "1.07"]
        studies: 1
        participants: 86
        certainty: very low
      - id: deaths_120_days_doses
        intervention: {technical: high-dose dexamethasone, plain: high-dose dexamethasone}
        comparison: {technical: low-dose dexamethasone, plain: low-dose dexamethasone}
        outcome: {technical: deaths from any cause up to 120 days, plain: deaths from any cause up to 120 days}
        aliases: [deaths]
        measure: RR
        estimate: "0.93"
        ci: ["0.79", "1.08"]
        studies: 4
        participants: 1383
        certainty: low
        size: little or no difference
      - id: harms_two_drugs
        intervention: {technical: methylprednisolone, plain: methylprednisolone}
        comparison: dexamethasone
        outcome: {technical: serious adverse events, plain: serious adverse events}
        measure: RR
        estimate: "1.10"
        ci: ["0.60", "2.02"]
        studies: 1
        participants: 86
        certainty: very low
    sections:
      background: {technical: Lung infections are common.}
      objectives: {technical: To assess corticosteroids.}
      search_methods: {technical: "We searched MEDLINE on {{ search_date | long_date }}."}
      selection_criteria: {technical: Randomised trials.}
      data_collection: {technical: Standard methods.}
      main_results: {technical: Corticosteroids may make little or no difference to deaths (low-certainty evidence).}
      authors_conclusions: {technical: Corticosteroids may help.}
    summary:
      text: Corticosteroids may help.
    """)


def errors(sentence: str, tmp_path: Path) -> set[str]:
    path = tmp_path / "steroids.yaml"
    path.write_text(REVIEW, encoding="utf-8")
    results = load_review(path).results
    reading = read_summary([(sentence, False)], results, load_vocabulary(), ("corticosteroids",))[0]
    return {v.check for v in judge(reading, results)} - {"results.unchecked"}


@pytest.mark.parametrize("sentence", [
    "We are moderately confident in the evidence about the effect of corticosteroids on deaths within 30 days.",
    "Corticosteroids probably reduce deaths up to 30 days after treatment.",
    # an outcome of one comparison only: the class is still not the head-to-head result's arm
    "Corticosteroids probably reduce serious adverse events.",
])
def test_the_class_is_not_held_to_a_head_to_head_result(sentence: str, tmp_path: Path) -> None:
    assert errors(sentence, tmp_path) == set()


@pytest.mark.parametrize("sentence", [
    "Methylprednisolone probably reduces deaths within 30 days compared with dexamethasone.",
    "Methylprednisolone probably reduces deaths up to 30 days after treatment.",
    "We are moderately confident in the evidence about the effect of methylprednisolone on deaths within 30 days.",
    "Methylprednisolone probably reduces serious adverse events.",
    "Corticosteroids probably reduce serious adverse events compared with dexamethasone.",
])
def test_a_sentence_naming_an_arm_is_held_to_its_result(sentence: str, tmp_path: Path) -> None:
    assert "results.certainty" in errors(sentence, tmp_path)
