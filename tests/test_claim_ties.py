"""A claim is tied to the results whose arms it names (issue 23): a lay summary names what it compares, so
a sentence that names an arm (intervention or comparator) of another comparison than the result its other
words picked may be about that comparison (which may have no result for the outcome), and a sentence whose
words name two results alike could mean either. Neither is an error against the one picked: at most a
warning that says what could not be tied. Sentences of our own, read against a made-up review of ways to
prevent falls in older people with several comparisons."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from plainsum.content.loader import load_review
from plainsum.grade.claims import load_vocabulary
from plainsum.grade.judge import judge
from plainsum.grade.reading import read_summary

REVIEW = textwrap.dedent("""\
    id: falls
    kind: cochrane-review
    layout: cochrane-2021
    title: Interventions for preventing falls in older people living in the community
    plain_title: Preventing falls in older people
    facts:
      search_date: 2020-03-15
      intervention: interventions for preventing falls
      plain_intervention: ways to prevent falls
    results:
      - id: falls_classes
        intervention: {technical: group exercise classes, plain: exercise classes in a group}
        comparison: usual care
        outcome: {technical: rate of falls, plain: falls}
        measure: RR
        estimate: 0.80
        ci: [0.70, 0.90]
        studies: 12
        participants: 3000
        certainty: moderate
        size: moderate
      - id: falls_nurse_visits
        intervention: {technical: home visits by a community nurse, plain: home visits by a nurse}
        comparison: usual care
        outcome: {technical: rate of falls, plain: falls}
        measure: RR
        estimate: 0.98
        ci: [0.85, 1.12]
        studies: 6
        participants: 1500
        certainty: low
        size: little or no difference
      - id: falls_vitamin_d
        intervention: {technical: vitamin D supplementation, plain: vitamin D tablets}
        comparison: placebo
        outcome: {technical: rate of falls, plain: falls}
        measure: RR
        estimate: 1.00
        ci: [0.92, 1.09]
        studies: 20
        participants: 20000
        certainty: high
        size: little or no difference
      - id: falls_weekly_sessions
        intervention: {technical: balance training with a physiotherapist more than once a week, plain: weekly balance sessions}
        comparison: usual care
        outcome: {technical: rate of falls, plain: falls}
        measure: RR
        estimate: 0.70
        ci: [0.60, 0.82]
        studies: 4
        participants: 800
        certainty: low
        size: moderate
      - id: falls_weekly_sessions_pool
        intervention: {technical: weekly balance sessions with a physiotherapist in a swimming pool, plain: balance training in a pool}
        comparison: usual care
        outcome: {technical: rate of falls, plain: falls}
        measure: RR
        estimate: 1.02
        ci: [0.80, 1.30]
        studies: 2
        participants: 300
        certainty: low
        size: little or no difference
    sections:
      background: {technical: Falls are common.}
      objectives: {technical: To assess ways to prevent falls.}
      search_methods: {technical: "We searched MEDLINE on {{ search_date | long_date }}."}
      selection_criteria: {technical: Randomised trials.}
      data_collection: {technical: Standard methods.}
      main_results: {technical: Exercise probably reduces falls.}
      authors_conclusions: {technical: Exercise helps.}
    summary:
      key_messages:
        - Exercise probably helps.
      what_is_heading: What are falls?
      what_is: Falls are common.
      want_to_find_out: We wanted to find out what prevents falls.
      what_we_did: We searched for studies.
      what_we_found: We found 44 studies.
      limitations: The studies were small.
    """)


def verdicts(sentence: str, tmp_path: Path) -> set[str]:
    path = tmp_path / "falls.yaml"
    path.write_text(REVIEW, encoding="utf-8")
    results = load_review(path).results
    reading = read_summary([(sentence, False)], results, load_vocabulary(), ("interventions for preventing falls",))[0]
    return {v.check for v in judge(reading, results)}


TIES = [
    # the arm named is the result's own: held against it
    ("Home visits by a nurse may make little or no difference to falls.", set()),
    ("Home visits by a nurse probably reduce falls.", {"results.direction", "results.certainty"}),
    ("Exercise classes in a group probably reduce falls.", set()),
    ("Exercise classes in a group may increase falls.", {"results.direction", "results.certainty"}),
    ("Vitamin D tablets reduce falls.", {"results.direction"}),
    # the clause also names the arm of another comparison by the words of its own: it may be about a
    # combination or a comparison the results do not hold, so nothing is held against one of them
    ("Exercise classes given during home visits by a nurse probably reduce falls.", {"results.unchecked"}),
    ("Vitamin D tablets handed out during home visits by a nurse probably reduce falls.", {"results.unchecked"}),
    ("Home visits by a nurse that offer vitamin D tablets may reduce falls.", {"results.unchecked"}),
    # another comparison's arm named in the clause of another claim is that claim's
    ("Home visits by a nurse may make little or no difference to falls, while exercise classes in a group "
     "probably reduce them.", set()),
    # the arm named is another result's of the outcome: the claim is tied to that result
    ("Home visits by a nurse compared with usual care may make little or no difference to falls, and vitamin D tablets "
     "compared with placebo probably reduce falls.", {"results.direction", "results.certainty"}),
    ("Home visits by a nurse compared with usual care may make little or no difference to falls, and vitamin D tablets "
     "compared with placebo probably make little or no difference to falls.", {"results.certainty"}),
    ("When compared with placebo vitamin D tablets make little or no difference to falls.", set()),
    ("When compared with placebo vitamin D tablets reduce falls.", {"results.direction"}),
    # words of a long name of another arm, fewer than half of them, name no arm ("exercise" alone is not
    # "exercise classes in a group")
    ("Home visits by a nurse, who also advised on exercise, probably reduce falls.", {"results.direction", "results.certainty"}),
]


@pytest.mark.parametrize("sentence,expected", TIES)
def test_a_claim_is_held_only_against_the_results_whose_arms_it_names(sentence: str, expected: set[str],
                                                                     tmp_path: Path) -> None:
    assert verdicts(sentence, tmp_path) == expected


ALIKE = [
    # a name said whole names its result, not a longer name that adds words the sentence does not say
    ("Weekly balance sessions may reduce falls.", set()),
    ("Weekly balance sessions may increase falls.", {"results.direction"}),
    ("Balance training in a pool may make little or no difference to falls.", set()),
    ("Balance training in a pool may reduce falls.", {"results.direction"}),
    # the words of one name and a longer one, whose own words ("swimming pool") the sentence does not say:
    # it could mean either, and a word that fits one of them is not an error
    ("Weekly balance sessions with a physiotherapist may reduce falls.", set()),
    ("Weekly balance sessions with a physiotherapist may make little or no difference to falls.", set()),
    # a word that fits neither is
    ("Weekly balance sessions with a physiotherapist may increase falls.", {"results.direction"}),
]


@pytest.mark.parametrize("sentence,expected", ALIKE)
def test_words_two_names_share_could_mean_either(sentence: str, expected: set[str], tmp_path: Path) -> None:
    found = verdicts(sentence, tmp_path)
    assert found - {"results.unchecked"} == expected, found


SETTINGS = textwrap.dedent("""\
    results:
      - id: deaths_home
        intervention: zinc
        comparison: placebo
        outcome: {technical: death (at home), plain: deaths}
        measure: RR
        estimate: 0.70
        ci: [0.60, 0.82]
        studies: 8
        participants: 4000
        certainty: moderate
        size: moderate
      - id: deaths_home_severe
        intervention: zinc
        comparison: placebo
        outcome: {technical: death (at home; severe disease), plain: deaths}
        measure: RR
        estimate: 0.60
        ci: [0.45, 0.80]
        studies: 3
        participants: 900
        certainty: moderate
        size: moderate
      - id: deaths_hospital
        intervention: zinc
        comparison: placebo
        outcome: {technical: death (in hospital), plain: deaths}
        measure: RR
        estimate: 1.01
        ci: [0.90, 1.12]
        studies: 5
        participants: 3000
        certainty: low
        size: little or no difference
    """)


def setting_verdicts(sentences: list[str], tmp_path: Path) -> set[str]:
    head, tail = REVIEW.split("results:\n", 1)
    path = tmp_path / "falls.yaml"
    path.write_text(head + SETTINGS + tail[tail.index("sections:"):], encoding="utf-8")
    results = load_review(path).results
    readings = read_summary([(s, False) for s in sentences], results, load_vocabulary(), ("zinc",))
    return {v.check for v in judge(readings[-1], results)}


SUBGROUPS = [
    # the subgroup and its setting said: held against that result
    (["In people with severe disease treated at home, zinc probably reduces deaths."], set()),
    (["In people with severe disease treated at home, zinc probably increases deaths."], {"results.direction"}),
    (["In hospital, zinc may make little or no difference to deaths."], set()),
    (["In hospital, zinc probably reduces deaths."], {"results.direction", "results.certainty"}),
    # the subgroup said, its setting not: the only result of the subgroup is one setting's, and the sentence may
    # mean the subgroup in another setting, which no result holds
    (["In people with severe disease, zinc probably increases deaths."], {"results.unchecked"}),
    # the sentence before says the setting: the paragraph goes on in it
    (["At home, zinc probably reduces deaths.", "In people with severe disease, zinc probably increases deaths."],
     {"results.direction"}),
    (["In hospital, zinc may make little or no difference to deaths.",
      "In people with severe disease, zinc probably increases deaths."], {"results.unchecked"}),
]


@pytest.mark.parametrize("sentences,expected", SUBGROUPS)
def test_a_subgroup_chosen_by_elimination_is_not_held_against(sentences: list[str], expected: set[str],
                                                              tmp_path: Path) -> None:
    assert setting_verdicts(sentences, tmp_path) == expected


RELAPSE = textwrap.dedent("""\
    results:
      - id: relapse
        intervention: zinc
        comparison: placebo
        outcome: {technical: relapse, plain: relapse}
        measure: RR
        estimate: 0.70
        ci: [0.60, 0.82]
        studies: 8
        participants: 4000
        certainty: moderate
        size: moderate
      - id: adverse_events
        intervention: zinc
        comparison: placebo
        outcome: {technical: adverse events, plain: side effects}
        measure: RR
        estimate: 1.01
        ci: [0.90, 1.12]
        studies: 8
        participants: 4000
        certainty: low
        size: little or no difference
    """)


def relapse_verdicts(sentence: str, tmp_path: Path) -> set[str]:
    """The checks that flag `sentence`, read alone against the zinc review's relapse results."""
    head, tail = REVIEW.split("results:\n", 1)
    path = tmp_path / "falls.yaml"
    path.write_text(head + RELAPSE + tail[tail.index("sections:"):], encoding="utf-8")
    results = load_review(path).results
    reading = read_summary([(sentence, False)], results, load_vocabulary(), ("zinc",))[0]
    return {v.check for v in judge(reading, results)}


# the time to an event runs the other way from the event: a longer time to relapse is less relapse
TIME_TO = [
    ("Zinc probably reduces relapse.", set()),
    ("Zinc probably increases relapse.", {"results.direction"}),
    ("Zinc probably lengthens the time to relapse.", set()),
    ("Zinc probably increases the time until relapse.", set()),
    ("People given zinc probably went a longer time before the first relapse.", set()),
    ("Zinc probably shortens the time to relapse.", {"results.direction"}),
    ("Zinc probably reduces the time until relapse.", {"results.direction"}),
]


@pytest.mark.parametrize("sentence,expected", TIME_TO)
def test_the_time_to_an_event_runs_the_other_way(sentence: str, expected: set[str], tmp_path: Path) -> None:
    assert relapse_verdicts(sentence, tmp_path) == expected


# a rating of more evidence, still to come, is no statement of this evidence's certainty
EVIDENCE_TO_COME = [
    ("These findings could change once further high-certainty evidence is published.", set()),
    ("When new, high-quality evidence becomes available, our conclusions may change.", set()),
    ("We need more and better high-quality evidence.", set()),
    ("The evidence was of high quality.", {"results.certainty"}),
    ("We found high-certainty evidence.", {"results.certainty"}),
]


@pytest.mark.parametrize("sentence,expected", EVIDENCE_TO_COME)
def test_a_rating_of_evidence_to_come_states_no_level(sentence: str, expected: set[str], tmp_path: Path) -> None:
    assert relapse_verdicts(sentence, tmp_path) == expected


# a grade of an outcome's severity that its result's names do not have names another outcome
SEVERITY = [
    ("Zinc probably makes little or no difference to side effects.", {"results.certainty"}),
    ("Zinc probably makes little or no difference to serious side effects.", {"results.unchecked"}),
    ("Zinc probably makes little or no difference to severe side effects.", {"results.unchecked"}),
    ("Zinc may make little or no difference to mild side effects.", set()),
    ("Zinc may increase adverse events.", {"results.direction"}),
    ("Zinc may increase serious adverse events.", {"results.unchecked"}),
]


@pytest.mark.parametrize("sentence,expected", SEVERITY)
def test_a_grade_of_severity_names_another_outcome(sentence: str, expected: set[str], tmp_path: Path) -> None:
    assert relapse_verdicts(sentence, tmp_path) == expected
