"""results.number: what a number counts, read from its place (issue 23, "What to build" 2 and 3), for four uses of
numbers that count no result of the review: a list item's enumerator ("4) There may be ..."), a bracket of counts
none of which is the result's (the studies of the intervention, say), a mean or a median over the studies ("46
participants on average"), and a day of a search the abstract gives only to the month; and a time in a claim held to
the time the abstract gives the outcome where no result's name holds one. Sentences of our own, read
against the hair-removal review of tests/test_checks_claims.py (infection with a razor: 4 studies, 1200 participants;
the abstract: "Sixteen studies were included"). Each row of the first four uses that passes was an error before; each
time that is an error now was missed before."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_checks_claims import config, errors, findings, review_yaml  # noqa: F401 (config is a fixture)

from plainsum.checks.numbers import enumerator, per_study

ITEMS = {
    "pass": [
        # a list item's enumerator: it numbers the summary's points
        "We found four things. 6) There is probably an increase in infections with shaving using a razor.",
        "We found four things. 8) There may be little or no difference in death with shaving using a razor, but we are very uncertain.",
        "We found four things. (9) Compared with no hair removal, clippers may make little or no difference to infections.",
        "Clippers may reduce infections. 6) There may be little or no difference in infections with clippers when compared to no "
        "hair removal (low-certainty evidence).",
        # a bracket none of whose counts is the result's: another evidence base (a count the review gives passes, another warns)
        "Shaving using a razor probably increases infections (6 studies, 1500 people).",
        "Shaving using a razor probably increases infections and is well tolerated (16 studies, 900 participants).",
        "Shaving using a razor probably increases infections (7 studies; 2400 people).",
        # a mean, a median or each study's size: a characteristic of the studies
        "Shaving using a razor probably increases infections, but the studies were small (46 participants on average).",
        "Shaving using a razor probably increases infections, in studies with an average of 46 people.",
        "Shaving using a razor probably increases infections; the studies had a median of 46 participants.",
        "Shaving using a razor probably increases infections; the studies had 46 participants each.",
        "We found 4 studies with an average of 46 participants per study.",
    ],
    "flag": [
        # an enumerator's place holds a figure, or the count after it is wrong
        "We found four things. 6) Clippers may make little or no difference to infections (6 studies, 4728 people).",
        "Shaving using a razor probably increases infections by 6.",
        # one count of the bracket is the result's: the other is miswritten
        "Shaving using a razor probably increases infections (4 studies, 1500 people).",
        "Shaving using a razor probably increases infections (6 studies, 1200 people).",
        "Shaving using a razor probably increases infections (four trials with 1500 women).",
        # a count of the result's evidence, with no word of a mean
        "Shaving using a razor probably increases infections (4 studies, 46 participants).",
    ],
}
CASES = {"results.number": ITEMS}  # the table tests/test_check_tables.py merges


@pytest.mark.parametrize("sentence", ITEMS["pass"])
def test_a_number_that_counts_no_result_is_no_error(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    assert not errors(findings(review_yaml(found=sentence), config, tmp_path, ("results.number",))), sentence


@pytest.mark.parametrize("sentence", ITEMS["flag"])
def test_a_count_of_the_result_is_still_checked(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    assert errors(findings(review_yaml(found=sentence), config, tmp_path, ("results.number",))), sentence


# the abstract counts the studies of each intervention: a bracket that is no result's counts those
INTERVENTION_STUDIES = ("Sixteen studies were included. ",
                        "Sixteen studies were included. Seven studies investigated shaving with a razor, and five clippers. ")


@pytest.mark.parametrize(("sentence", "wrong"), [
    ("Shaving using a razor probably increases infections (7 studies, 1500 people).", False),
    ("Shaving using a razor probably increases infections (6 studies, 1500 people).", True),
    ("Shaving using a razor probably increases infections (five studies, 1500 people).", True),
    ("Shaving using a razor probably increases infections (4 studies, 1200 people).", False),
])
def test_a_bracket_of_other_counts_is_held_to_the_intervention_s_studies(sentence: str, wrong: bool, config,  # noqa: F811
                                                                         tmp_path: Path) -> None:
    text = review_yaml(found=sentence).replace(*INTERVENTION_STUDIES)
    assert bool(errors(findings(text, config, tmp_path, ("results.number",)))) is wrong, sentence


MONTH_ONLY = ("We searched MEDLINE on {{ search_date | long_date }}.", "We searched MEDLINE to {{ search_date | month_year }}.")


@pytest.mark.parametrize(("sentence", "month_only", "wrong"), [
    # the abstract gives the search to the month: a day of that month is the same date
    ("The evidence is up to date to 8 March 2020.", True, False),
    ("We searched for studies up to 31 March 2020.", True, False),
    ("Our evidence is current to 1 March 2020.", True, False),
    # another year is still one number off; the abstract that gives the day holds the day
    ("The evidence is current to 1 March 2019.", True, True),
    ("The evidence is up to date to 8 March 2020.", False, True),
    ("We searched for studies up to 31 March 2020.", False, True),
])
def test_a_day_of_a_search_given_to_the_month(sentence: str, month_only: bool, wrong: bool, config,  # noqa: F811
                                              tmp_path: Path) -> None:
    text = review_yaml(found=sentence).replace("2020-03-15", "2020-03-01")
    if month_only:
        text = text.replace(*MONTH_ONLY)
    assert bool(errors(findings(text, config, tmp_path, ("results.number",)))) is wrong, sentence


def test_an_enumerator_opens_a_sentence_a_line_or_an_item() -> None:
    def read(text: str) -> list[tuple[str, bool]]:
        return [(m.group(), enumerator(text, m.start(), m.end())) for m in re.finditer(r"\d+", text)]

    assert read("4) There may be little") == [("4", True)]
    assert read("2. People who took it") == [("2", True)]
    assert read("(3) the risk was lower") == [("3", True)]
    assert read("we looked at: 1) giving doses; 2) not being told") == [("1", True), ("2", True)]
    assert read("intervention 1 (1 trial; 70 people) and 2) drainage") == [("1", False), ("1", False), ("70", False), ("2", True)]
    # a figure before a bracket's end or a full stop is none
    assert read("RR 1.2 (95% CI 0.5 to 2). People") == [("1", False), ("2", False), ("95", False), ("0", False), ("5", False),
                                                          ("2", False)]
    assert read("in Europe (2) and Asia (3) Most") == [("2", False), ("3", False)]
    assert read("We found 4. This is all") == [("4", False)]
    assert read("in 2016. We found") == [("2016", False)]


def test_a_mean_over_the_studies_is_no_total() -> None:
    def mean(text: str, value: str) -> bool:
        at = text.index(value)
        return per_study(text, at, at + len(value))

    assert mean("small studies (46 participants on average)", "46")
    assert mean("an average of 30 people per study", "30")
    assert mean("a median of 104 participants", "104")
    assert mean("two trials of 120 women each", "120")
    assert not mean("239,000 women each year", "239,000")
    assert not mean("the test will miss on average seven people", "seven")
    assert not mean("on average 22 fewer people per 1000", "22")
    assert not mean("We found 4 studies with 1200 participants", "1200")


# the abstract gives the outcome at a time of its own, in the sentence naming it, though no result's name holds one
TIMED_ABSTRACT = ("Shaving probably increases infection (RR 1.82).",
                  "Shaving probably increases short-term (up to 3 weeks) infection (RR 1.82).")


@pytest.mark.parametrize(("sentence", "timed", "wrong"), [
    ("Shaving using a razor probably increases infections in the first five weeks.", True, True),
    ("Shaving using a razor probably increases infections at 12 weeks.", True, True),
    ("Clippers may make little or no difference to infections at 12 weeks.", True, True),
    # the time the abstract gives, in its unit or another, and an amount, are no other time
    ("Shaving using a razor probably increases infections in the first three weeks.", True, False),
    ("Shaving using a razor probably increases infections within 21 days.", True, False),
    ("Shaving using a razor probably increases infections with 500 mg of soap.", True, False),
    # a time said as a difference is the effect on an outcome measured in time, no time point
    ("Shaving using a razor probably increases infections, lasting longer by about 1.22 days.", True, False),
    ("Shaving using a razor probably makes infections last 2.5 days longer.", True, False),
    # an abstract that gives the outcome no time: a time in the claim is not read
    ("Shaving using a razor probably increases infections at 12 weeks.", False, False),
])
def test_a_time_the_abstract_gives_the_outcome(sentence: str, timed: bool, wrong: bool, config,  # noqa: F811
                                               tmp_path: Path) -> None:
    text = review_yaml(found=sentence)
    if timed:
        text = text.replace(*TIMED_ABSTRACT)
    assert bool(errors(findings(text, config, tmp_path, ("results.number",)))) is wrong, sentence


@pytest.mark.parametrize(("sentence", "wrong"), [
    # a sentence that claims nothing but rates the evidence of a comparison, counted: that evidence's studies
    ("Overall there was some moderate-quality evidence from only six trials to suggest that razors may be worse than no "
     "hair removal.", True),
    ("There is moderate-quality evidence from nine studies that razors may be worse than no hair removal.", True),
    ("Overall there was some moderate-quality evidence from only four trials to suggest that razors may be worse than no "
     "hair removal.", False),
    ("We found low-certainty evidence from 16 studies.", False),  # the review's total, which the abstract prints
])
def test_the_count_of_the_evidence_a_statement_rates(sentence: str, wrong: bool, config, tmp_path: Path) -> None:  # noqa: F811
    assert bool(errors(findings(review_yaml(found=sentence), config, tmp_path, ("results.number",)))) is wrong, sentence
