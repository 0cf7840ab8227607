"""results.number: what a number counts is read from how the sentence uses it, and a number blocks only where it is of a
kind the results or the review's totals hold (issue 23, "What to build" 2 and 3). Events out of a group, the bounds of
a range of study sizes and the counts of a part of the studies are true figures the abstract seldom prints: not
errors (at most a warning that they could not be checked); a percentage given with events out of a group is the one
they make; a time said in another unit is the same time. Sentences of our own, read against the hair-removal review of
tests/test_checks_claims.py (infection with a razor: 4 studies, 1200 participants; death within 30 days)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_checks_claims import config, errors, findings, review_yaml  # noqa: F401 (config is a fixture)

from plainsum.checks.numbers import Events, _name_units, counts_other, events_in, of_a_part, range_bound, same_amount

ROLES = {
    "pass": [
        # events out of a group's size: no result holds them
        "Shaving using a razor probably increases infections (52 of 610 people shaved got one, against 29 of 590 not shaved).",
        "Shaving using a razor probably increases infections: 52 (8.5%) of 610 people shaved had one.",
        "Shaving using a razor probably increases infections: 52 out of 610 people (8.5%) had one.",
        "Shaving using a razor probably increases infections, which 31 of 455 women had after shaving.",
        # a part of the studies
        "Shaving using a razor probably increases infections: two of three studies found more infections.",
        "Shaving using a razor probably increases infections, though only one out of five trials reported them.",
        # the bounds of a range of study sizes, outside claims
        "The studies ranged in size from 25 to 480 participants.",
        "Trials enrolled between 40 and 900 people each.",
        "The studies included 30 to 250 children.",
        # the counts of a part of the studies
        "Most of the studies we found (12 studies, 900 people) took place in Europe.",
        "We found that most trials (nine trials) were small.",
        # a number needed to treat or harm, said in words
        "Shaving using a razor probably increases infections: for every 14 people shaved, one more person had an infection.",
        # the studies some events happened in: a part of the outcome's studies
        "Shaving using a razor may make little or no difference to death within 30 days, as only one death was reported in one study.",
        "Shaving using a razor probably increases infections, though only three infections occurred in two trials.",
        # a time said in another unit
        "Shaving using a razor may make little or no difference to death within one month, but we are very uncertain.",
        "Shaving using a razor may make little or no difference to death within 4 weeks, but we are very uncertain.",
        # a count of something no result holds
        "Shaving using a razor probably increases infections, in trials run in 14 countries.",
        "Shaving using a razor probably increases infections, whether done with two blades or three blades.",
        # a risk of a group where the result holds no risk (no absolute effect, no assumed risk)
        "Shaving using a razor probably increases infections: about 30% of people shaved get an infection.",
        "Shaving using a razor probably increases infections: the risk of infection was 17% with a razor.",
        # an amount of another kind than the time the result is named at
        "Shaving using a razor with 40 ml of foam may make little or no difference to death within 30 days, but we are very uncertain.",
    ],
    "flag": [
        # a percentage that the events and the group do not make
        "Shaving using a razor probably increases infections: 52 (12.5%) of 610 people shaved had one.",
        "Shaving using a razor probably increases infections: 65 out of 610 people (8.5%) had one.",
        # the counts the results and the totals do hold
        "Shaving using a razor probably increases infections (4 studies, 1500 people).",
        "Shaving using a razor probably increases infections in some people (4 studies, 1500 people).",
        "We found 18 studies.",
        "We found 19 studies.",
        # a figure said with the words of a comparison, a scale or an outcome
        "Shaving using a razor probably increases infections by 9 points.",
        "Shaving using a razor probably makes infections 5.5 times more likely.",
        "Shaving using a razor probably increases infections, with 45 infections more in 1200 people.",
        # another time
        "Shaving using a razor may make little or no difference to death within six months, but we are very uncertain.",
    ],
}
CASES = {"results.number": ROLES}  # the table tests/test_check_tables.py merges


@pytest.mark.parametrize("sentence", ROLES["pass"])
def test_a_figure_no_result_holds_is_no_error(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    assert not errors(findings(review_yaml(found=sentence), config, tmp_path, ("results.number",))), sentence


@pytest.mark.parametrize("sentence", ROLES["flag"])
def test_a_figure_the_results_hold_is_checked(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    assert errors(findings(review_yaml(found=sentence), config, tmp_path, ("results.number",))), sentence


def test_events_out_of_a_group_are_read_with_their_percentage() -> None:
    text = "Of those treated, 68 (1.6%) of 4206 had it, against 13 of 56 (18%) and 399 out of 627 participants (63.6%)."
    found = events_in(text)
    assert [(e.events, e.group, e.percent) for e in found] == [(68, 4206, "1.6"), (13, 56, "18"), (399, 627, "63.6")]
    assert [e.consistent() for e in found] == [True, False, True]
    assert Events(0, 1, 7, 40, None).consistent()
    # natural frequencies, fractions and years are none
    assert not events_in("23 out of 100 people, one out of eight women, 2 of 10 points, 5 of 2019")
    assert [(e.events, e.group) for e in events_in("Two of five studies and 3 out of 12 trials.")] == [(2, 5), (3, 12)]


def test_a_range_of_counts_is_told_from_a_risk_interval() -> None:
    text = "The studies ranged from 20 to 121 participants."
    assert range_bound(text, text.index("20"), text.index("20") + 2) and range_bound(text, text.index("121"), text.index("121") + 3)
    risk = "Of 1000 people treated, between 36 and 79 people would have a stroke."
    assert not range_bound(risk, risk.index("79"), risk.index("79") + 2)
    assert not range_bound("We found 12 studies and 900 people.", 9, 11)


def test_a_part_is_a_quantified_subject() -> None:
    part = "Most of the studies we included (21 trials with 744 people) were small."
    assert of_a_part(part, part.index("21")) and of_a_part(part, part.index("744"))
    claim = "It increased head size in some babies (one trial, 389 women)."
    assert not of_a_part(claim, claim.index("389"))
    question = "We looked at how many people had flu (5 studies; 8407 people)."
    assert not of_a_part(question, question.index("8407"))


def test_a_plural_noun_no_result_names_counts_something_else() -> None:
    class Named:
        def names(self) -> list[str]:
            return ["serious adverse events", "death within 30 days"]

    results = [Named()]
    text = "in 14 countries, 3 deaths, 5 serious events, 7 fewer, 2.5 kilograms, 12 randomised trials, 4 reported"
    assert [counts_other(text, m.end(), results) for m in re.finditer(r"\d+(?:\.\d+)?", text)] == \
        ["countries", None, None, None, None, None, None]


def test_a_name_holds_the_units_of_its_numbers() -> None:
    assert _name_units("pain at six months") == (("month", "6"),)
    assert _name_units("remission at week 26") == (("week", "26"),)
    assert _name_units("grade 3 adverse events") == (("", "3"),)
    assert _name_units("HbA1c at 12 weeks") == (("week", "12"),)


@pytest.mark.parametrize(("value", "unit", "other", "other_unit", "same"), [
    ("2", "year", "24", "month", True), ("6", "month", "26", "week", True), ("3", "month", "12", "week", True),
    ("1", "year", "52", "week", True), ("30", "day", "1", "month", True), ("2", "year", "36", "month", False),
    ("6", "week", "1", "month", False), ("6", "mg", "6", "mg", True), ("6", "mg", "6", "month", False),
])
def test_a_time_in_another_unit_compares_by_length(value: str, unit: str, other: str, other_unit: str, same: bool) -> None:
    assert same_amount(value, unit, other, other_unit) is same
