"""How a claim picks its result when a review reports one comparison in several groups of people, or compares an
intervention both alone and added to its comparator (issue 23). Sentences of our own, read against a made-up
review of exercise for shoulder pain:
- a group named in quotation marks ("in 'severe' cases") or by an adverb ("moderately severe") is named;
- a bracket that defines the words before it ("(that is, ...)") names no outcome of its own;
- "X compared with Y" is not the result of X added to Y against Y alone, even when both share an outcome's alias."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from plainsum.content.loader import load_review
from plainsum.grade.claims import load_vocabulary
from plainsum.grade.judge import judge
from plainsum.grade.reading import read_summary


def _result(rid: str, outcome: str, estimate: str, ci: str, certainty: str, size: str, better: str = "lower",
            intervention: str = "exercise", comparison: str = "usual care", aliases: str = "[pain]",
            plain: str = "pain") -> str:
    return textwrap.indent(textwrap.dedent(f"""\
        - id: {rid}
          intervention: {intervention}
          comparison: {comparison}
          outcome: {{technical: {outcome}, plain: {plain}, quality: false}}
          aliases: {aliases}
          measure: MD
          estimate: {estimate}
          ci: {ci}
          studies: 4
          participants: 400
          certainty: {certainty}
          size: {size}
          better: {better}
        """), "  ")


REVIEW = textwrap.dedent("""\
    id: shoulder
    kind: cochrane-review
    layout: cochrane-2021
    title: Exercise for shoulder pain
    plain_title: Exercise for shoulder pain
    facts:
      search_date: 2022-05-01
      intervention: exercise
    results:
    """) + "".join([
        _result("pain_mild", "pain (0 to 10; mild symptoms)", "-0.10", "[-0.60, 0.40]", "moderate", "little or no difference"),
        _result("pain_moderate", "pain (0 to 10; moderate symptoms)", "-1.00", "[-1.50, -0.50]", "low", "moderate"),
        _result("pain_severe", "pain (0 to 10; severe symptoms)", "-2.00", "[-2.80, -1.20]", "high", "large"),
        _result("function_vs_injection", "shoulder function (0 to 100)", "1.00", "[-3.00, 5.00]", "low",
                "little or no difference", better="higher", comparison="{technical: steroid injection, plain: a steroid injection}",
                aliases="[function of the shoulder]", plain="function"),
        _result("function_added", "shoulder function (0 to 100; function of the shoulder)", "9.00", "[5.00, 13.00]",
                "moderate", "moderate", better="higher",
                intervention="{technical: exercise added to steroid injection, plain: exercise added to a steroid injection}",
                comparison="{technical: steroid injection alone, plain: the injection alone}",
                aliases="[function of the shoulder]", plain="function"),
    ]) + textwrap.dedent("""\
    sections:
      background: {technical: Shoulder pain is common.}
      objectives: {technical: To assess exercise.}
      search_methods: {technical: "We searched MEDLINE on {{ search_date | long_date }}."}
      selection_criteria: {technical: Randomised trials.}
      data_collection: {technical: Standard methods.}
      main_results: {technical: Exercise reduces pain.}
      authors_conclusions: {technical: Exercise helps.}
    summary:
      key_messages:
        - Exercise probably helps.
      what_is_heading: What is shoulder pain?
      what_is: Shoulder pain is common.
      want_to_find_out: We wanted to find out whether exercise helps.
      what_we_did: We searched for studies.
      what_we_found: We found 12 studies.
      limitations: The studies were small.
    """)


def checks_of(review: str, sentence: str, names: tuple[str, ...], tmp_path: Path) -> set[str]:
    """The checks that flag `sentence`, read alone against the results of `review` (its id names its file)."""
    path = tmp_path / f"{review.split(None, 2)[1]}.yaml"
    path.write_text(review, encoding="utf-8")
    results = load_review(path).results
    reading = read_summary([(sentence, False)], results, load_vocabulary(), names)[0]
    return {v.check for v in judge(reading, results)}


def verdicts(sentence: str, tmp_path: Path) -> set[str]:
    return checks_of(REVIEW, sentence, ("exercise",), tmp_path)


GROUPS = [
    # the group named, with or without quotation marks: held against its result
    ("In people with severe symptoms, exercise reduces pain a lot.", set()),
    ("In people with 'severe' symptoms, exercise reduces pain a lot.", set()),
    ("In people with “mild” symptoms, exercise probably makes little or no difference to pain.", set()),
    ("In people with 'mild' symptoms, exercise probably reduces pain a lot.", {"results.direction"}),
    ("In 'moderate' cases, exercise may reduce pain.", set()),
    ("In 'moderate' cases, exercise probably reduces pain.", {"results.certainty"}),
    # an adverb names its adjective's group: "moderately severe" says both moderate and severe, so either may be
    # meant, and neither is held against the sentence
    ("In people with moderately severe symptoms, exercise reduces pain a lot.", {"results.unchecked"}),
    ("In people with severely limited movement, exercise reduces pain a lot.", set()),
]


@pytest.mark.parametrize("sentence,expected", GROUPS)
def test_a_group_named_in_quotes_or_by_an_adverb_is_named(sentence: str, expected: set[str], tmp_path: Path) -> None:
    assert verdicts(sentence, tmp_path) == expected


DEFINITIONS = [
    # the outcome inside a bracket that says what the words before it mean is no claim of its own
    ("Exercise added to a steroid injection probably improves function (that is, being able to lift and reach "
     "without pain) compared with the injection alone.", set()),
    ("Exercise added to a steroid injection probably improves function (i.e. reaching and lifting without pain) "
     "compared with the injection alone.", set()),
    # the definition's words do not hide an error of the claim it explains
    ("Exercise added to a steroid injection probably worsens function (that is, being able to lift and reach "
     "without pain) compared with the injection alone.", {"results.direction"}),
    # a bracket naming the only outcome of the sentence is read
    ("Exercise reduces the main problem (that is, pain in people with severe symptoms) a lot.", set()),
]


@pytest.mark.parametrize("sentence,expected", DEFINITIONS)
def test_a_defining_bracket_names_no_outcome_of_its_own(sentence: str, expected: set[str], tmp_path: Path) -> None:
    assert verdicts(sentence, tmp_path) == expected


ALONE_OR_ADDED = [
    # X compared with Y: the result of X against Y, not of X added to Y against Y alone
    ("Exercise may make little or no difference to function of the shoulder when compared with a steroid injection.", set()),
    ("There may be little or no difference in function of the shoulder with exercise when compared to a steroid injection.",
     set()),
    ("Exercise may improve function of the shoulder a lot when compared with a steroid injection.", {"results.direction"}),
    # X added to Y against Y alone
    ("Exercise added to a steroid injection probably improves function of the shoulder compared with the injection alone.",
     set()),
    ("Exercise added to a steroid injection probably makes little or no difference to function of the shoulder compared "
     "with the injection alone.", {"results.direction"}),
]


@pytest.mark.parametrize("sentence,expected", ALONE_OR_ADDED)
def test_an_intervention_compared_with_its_partner_is_not_the_two_together(sentence: str, expected: set[str],
                                                                            tmp_path: Path) -> None:
    assert verdicts(sentence, tmp_path) == expected


ITCH = textwrap.dedent("""\
    id: itch
    kind: cochrane-review
    layout: cochrane-2021
    title: Treatments applied to the skin for itch in eczema
    plain_title: Skin treatments for itch in eczema
    facts:
      search_date: 2022-05-01
      intervention: treatments applied to the skin for itch in eczema
    results:
    """) + "".join([
        _result("itch_hydrocortisone", "itch (0 to 10)", "-2.00", "[-2.80, -1.20]", "moderate", "moderate",
                intervention="{technical: hydrocortisone cream, plain: hydrocortisone cream}", comparison="placebo",
                aliases="[itching]", plain="itch"),
        _result("itch_tacrolimus", "itch (0 to 10; itch score)", "-1.50", "[-2.50, -0.50]", "low", "moderate",
                intervention="{technical: tacrolimus ointment, plain: tacrolimus ointment}", comparison="placebo",
                aliases="[itching]", plain="itch"),
    ]) + REVIEW[REVIEW.index("sections:"):]


def itch_verdicts(sentence: str, tmp_path: Path) -> set[str]:
    return checks_of(ITCH, sentence, ("treatments applied to the skin",), tmp_path)


KINDS = [
    # a name found by the kind of thing it is, after another word: another of that kind, with no result here
    ("Zinc oxide cream may make little or no difference to itch.", set()),
    ("Coal tar ointment probably increases itch.", set()),
    # the name itself, or the kind word pointing back at it
    ("Hydrocortisone cream probably reduces itch.", set()),
    ("Hydrocortisone cream probably increases itch.", {"results.direction"}),
    ("The cream probably makes little or no difference to itch.", {"results.direction"}),
    ("This ointment may make little or no difference to itch.", {"results.direction"}),
    ("Tacrolimus may reduce itch.", set()),
]


@pytest.mark.parametrize("sentence,expected", KINDS)
def test_another_of_the_same_kind_is_not_the_result(sentence: str, expected: set[str], tmp_path: Path) -> None:
    assert itch_verdicts(sentence, tmp_path) == expected


LISTED = [
    # a subject that lists interventions, each with its own result: the claim is said of each
    ("Hydrocortisone cream and tacrolimus ointment may reduce itch.", set()),
    ("Hydrocortisone cream and tacrolimus ointment probably reduce itch.", {"results.certainty"}),
    ("Tacrolimus ointment, and hydrocortisone cream, may make little or no difference to itch.", {"results.direction"}),
    ("While hydrocortisone cream and tacrolimus ointment may increase itch, we found no other studies.", {"results.direction"}),
    # "compared with (relevant) controls": each result's own comparator, not another one
    ("Hydrocortisone cream and tacrolimus ointment may reduce itch compared with relevant controls.", set()),
    ("Hydrocortisone cream and tacrolimus ointment probably reduce itch compared with their controls.", {"results.certainty"}),
    ("Tacrolimus ointment may increase itch compared with control.", {"results.direction"}),
    ("Tacrolimus ointment may increase itch compared with control cream.", {"results.unchecked"}),
]


@pytest.mark.parametrize("sentence,expected", LISTED)
def test_a_claim_of_listed_interventions_is_said_of_each(sentence: str, expected: set[str], tmp_path: Path) -> None:
    assert itch_verdicts(sentence, tmp_path) == expected
