"""results.number, numbers tied to what they count: a time or an amount copied from the abstract or an outcome's name with its number
changed (plainsum/checks/copied.py), as a table of sentences against the words they copy."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_checks_claims import config, errors, findings, review_yaml  # noqa: F401 (config is a fixture)

from plainsum.checks.copied import changed_numbers, tokens

ABSTRACT = ("Education made little difference to pain scores at 9 to 24 hours (1 trial; 93 patients). "
            "Severe adverse events were little or no different with moxifloxacin-containing four-month regimens that "
            "replaced ethambutol. Inhaled corticosteroids initiated from seven days of life may reduce death. "
            "Pain was measured at 3 months and at 12 months. Doses of 500 mg twice a day were used. "
            "Four-month ATT regimens were compared with standard six-month ATT regimens. "
            "Contacts older than six weeks of age were vaccinated. Mean blood loss was 133.3 ml at 24 hours. "
            "Persistence of reflux (because treatment failed) at six weeks was similar.")
NAMES = ["risk of death at three months", "death at three months", "deaths within one month", "relapse at one month"]
SOURCES = [(ABSTRACT, False), *((name, True) for name in NAMES)]

COPIED = {
    "flag": [
        "There was no clear evidence of an effect on pain scores at 11 to 24 hours.",
        "There was no clear evidence of an effect on pain scores at 9 to 48 hours.",
        "Drug resistance may not be increased with moxifloxacin-containing five-month regimens.",
        "Corticosteroids started from eight days of life may not reduce death.",
        "People were at increased risk of death at four months after the procedure.",
        "People were at an increased risk of death at 6 months.",
        "They probably make little or no difference compared to standard seven-month ATT regimens.",
        "Contacts older than 12 weeks of age were vaccinated.",  # the abstract's sentence, its number changed
        "Mean blood loss was 150 ml at 24 hours.",
        "Mean blood loss was 134 ml at 24 hours.",  # 133.3 rounds to 133
        # an outcome's name typed whole with another number, however short the name
        "Iron made little difference to deaths within two months.",
        "Relapse at four months was less common with probiotics.",
        "The chance of relapse at 6 months went down.",
        # a bracket of words is an aside, on either side: the words around the figure are the same without it
        "Persistence of reflux at seven weeks did not differ.",
        "There was no clear evidence of an effect on pain scores (as patients rated them) at 11 to 24 hours.",
    ],
    "pass": [
        "There was no clear evidence of an effect on pain scores at 9 to 24 hours.",  # as printed
        "Drug resistance may not be increased with moxifloxacin-containing 4-month regimens.",  # digits for words
        "People were at increased risk of death at three months after the procedure.",
        "Pain was lower at 12 months.",  # another time the abstract prints with its unit
        "Pain was measured again at 6 weeks.",  # no words of the abstract around it
        "The studies lasted from 2 to 36 months.",
        "Some people took 250 mg a day.",  # an amount in other words
        "Death at 30 days was not reported.",  # other words before the unit
        "They were followed for seven months after treatment.",  # no compound: the unit and one word
        "The two-month regimens were shorter.",  # other words after it
        "Infants younger than 12 weeks of age are most at risk.",  # a frame around any age, naming nothing
        "Mean blood loss was 133 ml at 24 hours.",  # the printed figure rounded to whole numbers
        "Mean blood loss was about 140 ml at 24 hours.",  # said roughly: no copied figure
        "Mean blood loss was around 150 ml at 24 hours.",
        "Relapse at one month was less common with probiotics.",  # the name as it is
        "Iron made little difference to deaths within 1 month.",
        "Relapse at 12 months was not measured.",  # another time the abstract prints with its unit
        "We looked for relapse over two months.",  # not the name's words
        "Deaths were counted within two weeks.",  # another unit
        "Persistence of reflux (because the treatment failed) at six weeks was similar.",
        "Persistence of reflux at 6 weeks was similar.",
    ],
}
# the table tests/test_check_tables.py merges: results.number's copied figures
CASES = {"results.number": COPIED}


@pytest.mark.parametrize("sentence", COPIED["flag"])
def test_a_number_changed_in_copied_words_is_found(sentence: str) -> None:
    (changed,) = changed_numbers(sentence, SOURCES)
    assert sentence[changed.start:changed.end] and changed.printed


@pytest.mark.parametrize("sentence", COPIED["pass"])
def test_a_number_as_printed_or_in_other_words_passes(sentence: str) -> None:
    assert not changed_numbers(sentence, SOURCES)


def test_numbers_in_words_and_hyphens_are_read() -> None:
    assert [t.text for t in tokens("twenty-one four-month regimens")] == ["21", "4", "month", "regimens"]
    assert [t.text for t in tokens("RR 0.83 one, 1,200 people")] == ["rr", "0.83", "1", "1200", "people"]


def test_in_a_lay_summary_it_is_an_error_of_results_number(config, tmp_path: Path) -> None:  # noqa: F811
    text = review_yaml(found="Clippers may make little or no difference to infections at 45 days after surgery.").replace(
        "Sixteen studies were included.", "Sixteen studies were included. Infections at 30 days after surgery were counted.")
    assert any("'30 days after" in m or "45" in m for m in errors(findings(text, config, tmp_path, ("results.number",))))
    text = review_yaml(found="Clippers may make little or no difference to infections at 30 days after surgery.").replace(
        "Sixteen studies were included.", "Sixteen studies were included. Infections at 30 days after surgery were counted.")
    assert not errors(findings(text, config, tmp_path, ("results.number",)))


# A percentage said as a risk of a group is held against the result's risks, not its differences or its
# relative change (the razor result with an assumed risk of 5%: 9% with a razor, 5% to 16%; 41 more per
# 1000, 82% more in relative terms)
RISK = ("    certainty: moderate\n    size: moderate\n  - id: infection_clippers\n",
        "    certainty: moderate\n    size: moderate\n    control_risk: 0.05\n  - id: infection_clippers\n")


def risk_number_errors(sentence: str, config, tmp_path: Path) -> list:  # noqa: F811 (config: the fixture, passed on)
    """The results.number errors of `sentence` in the razor review whose infection result has an assumed risk of 5%."""
    text = review_yaml(found=sentence)
    assert RISK[0] in text
    return errors(findings(text.replace(RISK[0], RISK[1], 1), config, tmp_path, ("results.number",)))


RISKS = {
    "flag": [
        "Shaving using a razor probably increases infections: the chance of an infection is 11% with a razor.",
        "Shaving using a razor probably increases infections, to an 82% risk of infection.",
        "Shaving using a razor probably increases infections: the risk of infection was 41% with a razor.",
        "Shaving using a razor probably increases infections: 30% of people shaved get an infection.",
    ],
    "pass": [
        "Shaving using a razor probably increases infections: about 9% of people shaved get an infection, against 5%.",
        "Shaving using a razor probably increases infections by 4%.",
        "Shaving using a razor probably increases the risk of infection by 82%.",
        "Shaving using a razor probably increases infections: the chance of an infection is 9% with a razor.",
        "Shaving using a razor probably increases infections: the risk was between 5% and 16% with a razor.",
    ],
}


@pytest.mark.parametrize("sentence", RISKS["flag"])
def test_a_risk_that_is_no_risk_of_the_result_is_an_error(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    assert risk_number_errors(sentence, config, tmp_path), sentence


@pytest.mark.parametrize("sentence", RISKS["pass"])
def test_a_risk_of_the_result_or_a_difference_passes(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    assert not risk_number_errors(sentence, config, tmp_path), sentence


# More studies than the review includes (16, a fact) are counted nowhere in it
TOTAL_FACT = ("  search_date: 2020-03-15\n", "  search_date: 2020-03-15\n  studies: 16\n")
MORE_THAN_ALL = {
    "flag": [
        "Only five of the 26 studies reported their funding.",
        "Clippers may make little or no difference to infections (18 studies).",
        "Twenty studies took place in Europe.",
    ],
    "pass": [
        "Only five of the 16 studies reported their funding.",
        "We screened 1200 records and excluded 40 studies.",
        "We also found 20 ongoing studies.",
        "Twenty studies are currently underway.",
        "A further 25 trials are still in progress and 18 are not yet published.",
        "Other reviews have looked at 30 studies of hair removal.",
    ],
}


@pytest.mark.parametrize("sentence", MORE_THAN_ALL["flag"])
def test_more_studies_than_the_review_includes_is_an_error(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    text = review_yaml(found=sentence)
    assert TOTAL_FACT[0] in text
    found = errors(findings(text.replace(TOTAL_FACT[0], TOTAL_FACT[1], 1), config, tmp_path, ("results.number",)))
    assert found, sentence


@pytest.mark.parametrize("sentence", MORE_THAN_ALL["pass"])
def test_studies_the_review_does_not_include_may_be_more(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    text = review_yaml(found=sentence).replace(TOTAL_FACT[0], TOTAL_FACT[1], 1)
    assert not errors(findings(text, config, tmp_path, ("results.number",))), sentence


# A total whose parts in the sentence add up to another count the review gives
PARTS_ABSTRACT = ("Sixteen studies were included.",
                  "Sixteen studies were included. A total of 310 people were shaved (200 people) or not (110 people).")
PARTS = {
    "flag": [
        "A total of 400 people were shaved (200 people) or not (110 people) in two trials.",
        "A total of 301 people were shaved (200 people) or had no hair removal (110 people).",
        "Two studies with 500 people in total were shaved (200 people) or not (110 people).",
    ],
    "pass": [
        "A total of 310 people were shaved (200 people) or not (110 people) in two trials.",
        "A total of 310 people took part (200 people shaved).",  # one part: no sum to compare
        "Two studies with 310 people in total were shaved (200 people) or not (110 people).",
    ],
}


@pytest.mark.parametrize("sentence", PARTS["flag"])
def test_a_total_its_parts_do_not_add_up_to_is_an_error(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    text = review_yaml(found=sentence)
    assert PARTS_ABSTRACT[0] in text
    found = errors(findings(text.replace(*PARTS_ABSTRACT, 1), config, tmp_path, ("results.number",)))
    assert any("add up to 310" in message for message in found), (sentence, found)


@pytest.mark.parametrize("sentence", PARTS["pass"])
def test_a_total_its_parts_add_up_to_passes(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    text = review_yaml(found=sentence).replace(*PARTS_ABSTRACT, 1)
    assert not errors(findings(text, config, tmp_path, ("results.number",))), sentence


# A date one number off the review's search date (15 March 2020), in any English order
DATES = {
    "flag": [
        "The evidence is current to 16 March 2020.",
        "We searched for studies up to the 15th of March, 2021.",
        "The evidence is up to date to March 14, 2020.",
    ],
    "pass": [
        "The evidence is current to 15 March 2020.",
        "The evidence is up to date to the 15th of March, 2020.",
        "The evidence is up to date to March 2020.",
        "The first study started on 2 June 2001.",  # no date of the review's it could be a typo of
        "The largest trial started on 20 March 2020.",  # not the search: a date of something else
    ],
}


@pytest.mark.parametrize("sentence", DATES["flag"])
def test_a_date_one_number_off_the_search_date_is_an_error(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    assert errors(findings(review_yaml(found=sentence), config, tmp_path, ("results.number",))), sentence


@pytest.mark.parametrize("sentence", DATES["pass"])
def test_the_search_date_or_another_date_passes(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    assert not errors(findings(review_yaml(found=sentence), config, tmp_path, ("results.number",))), sentence


# People per 100 or 1000 are a risk or a difference of the result's absolute effect (razor: 41 more per 1000,
# 91 with a razor and 50 without), not a count of participants
NATURAL = {
    "flag": [
        "Shaving using a razor probably increases infections: 60 more people for every 1000 shaved get one.",
        "Shaving using a razor probably leads to more infections, in 120 more people per 1000.",
        "Shaving using a razor probably increases infections: 7 more people for every 100 shaved get one.",
    ],
    "pass": [
        "Shaving using a razor probably increases infections: 41 more people for every 1000 shaved get one.",
        "Shaving using a razor probably increases infections: 91 people per 1000 shaved get one, against 50 per 1000.",
        "Shaving using a razor probably increases infections, in 4 more people for every 100 shaved.",
    ],
}


@pytest.mark.parametrize("sentence", NATURAL["flag"])
def test_people_per_1000_that_are_no_figure_of_the_result_are_an_error(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    assert risk_number_errors(sentence, config, tmp_path), sentence


@pytest.mark.parametrize("sentence", NATURAL["pass"])
def test_people_per_1000_of_the_result_pass(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    assert not risk_number_errors(sentence, config, tmp_path), sentence


@pytest.mark.parametrize("text,kind", [
    ("six study findings from four trials", None),  # 'study' before another noun: not a count of studies
    ("two trial arms", None),
    ("three study sites", None),
    ("six studies with 300 people", "studies"),
    ("four randomised controlled trials", "studies"),
    ("one study in children", "studies"),
    ("759 study participants", "people"),  # 'study' names what kind of participants: a count of people
    ("312 trial patients", "people"),
    ("120 trial sites", None),
])
def test_what_a_number_counts(text: str, kind: str | None) -> None:
    from plainsum.checks.numbers import number_kind

    assert number_kind(text, text.index(" ")) == kind


# A figure with its interval in brackets is one of the result's with its own interval (razor: RR 1.82, 1.05 to
# 3.14; 91 per 1000 with a razor, 53 to 157; 41 more per 1000, 3 to 107)
INTERVALS = {
    "flag": [
        "Shaving using a razor probably increases infections: about 9% (ranging from 9% to 16%) of people shaved get one.",
        "Shaving using a razor probably increases infections (RR 1.82 (95% CI 1.50 to 3.14)).",
        "Shaving using a razor probably increases infections (RR 1.8 (95% CI 1.2 to 3.1)).",
        "Shaving using a razor probably increases infections, by 41 more per 1000 (20 more to 107 more).",
        "Shaving using a razor probably increases infections: 12% (5% to 16%) of people shaved get one.",
    ],
    "pass": [
        "Shaving using a razor probably increases infections: about 9% (ranging from 5% to 16%) of people shaved get one.",
        "Shaving using a razor probably increases infections (RR 1.82 (95% CI 1.05 to 3.14)).",
        "Shaving using a razor probably increases infections, by 41 more per 1000 (3 more to 107 more).",
        "Shaving using a razor probably increases infections: 91 people in 1000 (53 to 157) get one.",
        "Shaving using a razor probably increases infections, by 82% (5% to 214%).",
    ],
}


@pytest.mark.parametrize("sentence", INTERVALS["flag"])
def test_a_figure_and_interval_of_no_result_is_an_error(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    assert risk_number_errors(sentence, config, tmp_path), sentence


@pytest.mark.parametrize("sentence", INTERVALS["pass"])
def test_a_figure_with_its_own_interval_passes(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    assert not risk_number_errors(sentence, config, tmp_path), sentence


# A percentage said of the comparison group is its risk (no hair removal: 5%), not the intervention's (9%)
ARMS = {
    "flag": [
        "Shaving using a razor probably increases infections: 9% of people shaved get one, whilst with no hair removal it is 9%.",
        "Shaving using a razor probably increases infections, to 9% from 7% with no hair removal.",
        "Shaving using a razor probably increases infections: the risk with no hair removal is 16%.",
    ],
    "pass": [
        "Shaving using a razor probably increases infections: 9% of people shaved get one, whilst with no hair removal it is 5%.",
        "Shaving using a razor probably increases infections, to 9% from 5% with no hair removal.",
        "Shaving using a razor probably increases infections: if the risk with no hair removal were 9%, it would be 16%.",
        "Shaving using a razor probably increases infections to 9% with a razor and no hair removal.",  # both groups named
        # a difference between the groups, after a dash or with 'by': not the comparison group's risk
        "Shaving using a razor probably increases infections compared with no hair removal—4% absolute more infections.",
        "Shaving using a razor probably increases infections compared with no hair removal, by 4%.",
        "Shaving using a razor probably increases infections by 82% compared with no hair removal.",
    ],
}


@pytest.mark.parametrize("sentence", ARMS["flag"])
def test_a_risk_of_the_comparison_group_that_is_not_its_risk_is_an_error(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    assert risk_number_errors(sentence, config, tmp_path), sentence


@pytest.mark.parametrize("sentence", ARMS["pass"])
def test_the_risk_of_the_comparison_group_passes(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    assert not risk_number_errors(sentence, config, tmp_path), sentence


@pytest.mark.parametrize("typed,fits", [
    (("1.8", "1.1", "3.1"), True),  # rounded to the decimals typed
    (("1.82", "1.05", "3.14"), True),
    (("1.82", "1.50", "3.14"), False),
    (("9", "5", "16"), True),  # whole numbers from 5 up: one either side
    (("9", "9", "16"), False),
])
def test_a_figure_and_interval_fit_as_rounded(typed: tuple[str, str, str], fits: bool) -> None:
    from plainsum.checks.numbers import _fits_triple

    assert _fits_triple(typed, (1.82, 1.05, 3.14) if "." in typed[0] else (9.1, 5.25, 15.7)) == fits


# A ratio given the other way round ("improvement" for the abstract's "no change or worse") is the same result
# (razor: RR 1.82, 1.05 to 3.14; 1 / 1.82 = 0.55, 1 / 3.14 = 0.32, 1 / 1.05 = 0.95)
INVERTED = {
    "flag": ["Fewer people had no infection after shaving (RR 0.65, 95% CI 0.32 to 0.95)."],
    "pass": ["Fewer people had no infection after shaving (RR 0.55, 95% CI 0.32 to 0.95).",
             "Fewer people had no infection after shaving (RR 0.55 (0.32 to 0.95))."],
}


@pytest.mark.parametrize("sentence", INVERTED["flag"])
def test_a_ratio_that_is_no_result_either_way_round_is_an_error(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    assert errors(findings(review_yaml(found=sentence), config, tmp_path, ("results.number",))), sentence


@pytest.mark.parametrize("sentence", INVERTED["pass"])
def test_a_ratio_the_other_way_round_passes(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    assert not errors(findings(review_yaml(found=sentence), config, tmp_path, ("results.number",))), sentence


# In a sentence that gives the review's totals, the first count of a kind is the total, the later ones its
# parts; a total may be the sum of the counts one abstract sentence prints (10 + 7 studies)
def with_people_total(text: str, total: int) -> str:
    """The review with its total of people in the facts, as an author who states one in the summary keeps it."""
    return text.replace("  plain_intervention: removing hair\n", f"  plain_intervention: removing hair\n  participants: {total}\n", 1)


SUM_ABSTRACT = ("Sixteen studies were included.", "We identified 10 studies of adults and 7 studies of children.")
TOTALS = {
    "flag": ["Cochrane researchers found 18 relevant studies.",
             "We found 18 studies, mainly in Europe (12 studies).",
             "We found 17 studies with 300 doctors and 9000 patients.",  # a second count in the same clause
             "A total of 4728 professionals and 9000 patients took part.",  # of other people: a total of its own
             # the count after the noun it counts; what an update added is no total the later count is a part of
             "We found 3 new studies, bringing the total number of included studies to 18.",
             "We found two new trials, bringing the number of trials in the review to 19 with 4728 people."],
    "pass": ["Cochrane researchers found 17 relevant studies.",
             "Cochrane researchers found 17 relevant studies, mainly in Europe (12 studies); three were in China.",
             "We found 10 studies of adults.",
             "Of the 17 studies we found, seven took place in Europe.",
             # a second count of people after the total may be a group of it: a warning, not an error
             "We found 17 studies with 4728 people: 1496 people were allocated to razors and 302 people to clippers.",
             "A total of 4728 people were shaved and 302 people were not.",
             "We found 3 new studies, bringing the total number of included studies to 17.",
             "We found 17 studies; the average number of participants was 90.",  # a mean, no total
             "We found 17 studies, and the number of people ranged from 20 to 4728."],
}


@pytest.mark.parametrize("sentence", TOTALS["flag"])
def test_a_total_no_count_of_the_review_is_an_error(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    text = with_people_total(review_yaml(found=sentence).replace(*SUM_ABSTRACT, 1), 4728)
    assert errors(findings(text, config, tmp_path, ("results.number",))), sentence


# A total of people that neither the facts nor the abstract give (the abstract counts people only per outcome) is
# the full review's: a wrong one cannot be told from a right one, so it is a warning that asks for the fact
PEOPLE_TOTALS_UNGIVEN = ["We found 17 studies with 300 doctors and 9000 patients.",
                         "This update included 17 trials (all randomised) involving 5000 people.",
                         "We found 17 studies with 4688 people.",
                         "The studies included a total of 5000 people, of whom 4700 were analysed."]


@pytest.mark.parametrize("sentence", PEOPLE_TOTALS_UNGIVEN)
def test_a_total_of_people_no_fact_or_abstract_gives_is_a_warning(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    found = findings(review_yaml(found=sentence).replace(*SUM_ABSTRACT, 1), config, tmp_path,
                     ("results.number", "results.number-unread"))
    assert not errors(found), sentence
    assert any("the facts give no total of people" in m for m in found.get("results.number-unread", [])), sentence
    # with the total in the facts, the same sentence is held to it
    assert errors(findings(with_people_total(review_yaml(found=sentence).replace(*SUM_ABSTRACT, 1), 4728),
                           config, tmp_path, ("results.number",))), sentence


@pytest.mark.parametrize("sentence", TOTALS["pass"])
def test_a_total_the_abstract_adds_up_to_or_its_parts_pass(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    text = review_yaml(found=sentence).replace(*SUM_ABSTRACT, 1)
    assert not errors(findings(text, config, tmp_path, ("results.number",))), sentence


# A time in a claim about an outcome named at a time ("death within 30 days") is that time, one the results are
# named with, or one the abstract prints with its unit; not any other figure of the result that matches
TIMES_ABSTRACT = ("Sixteen studies were included.", "Sixteen studies were included. Deaths were counted at 14 days.")
TIMES = {
    "flag": ["Shaving using a razor may slightly reduce deaths at 60 days, but we are very uncertain.",
             "Shaving using a razor may slightly reduce deaths at 2 days, but we are very uncertain.",
             # the number of a name ("death within 30 days") with another unit is no time of the results
             "Shaving using a razor may slightly reduce deaths at 30 weeks, but we are very uncertain.",
             "Shaving using a razor may slightly reduce deaths after 30 sessions, but we are very uncertain."],
    "pass": ["Shaving using a razor may slightly reduce deaths within 30 days, but we are very uncertain.",
             "Shaving using a razor may slightly reduce deaths within a 30-day period, but we are very uncertain.",
             "Shaving using a razor may slightly reduce deaths at 14 days, but we are very uncertain.",
             "Shaving using a razor may slightly reduce deaths within thirty days, but we are very uncertain."],
}


@pytest.mark.parametrize("sentence", TIMES["flag"])
def test_another_time_point_is_an_error(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    text = review_yaml(found=sentence).replace(*TIMES_ABSTRACT, 1)
    assert errors(findings(text, config, tmp_path, ("results.number",))), sentence


@pytest.mark.parametrize("sentence", TIMES["pass"])
def test_the_time_point_of_the_result_passes(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    text = review_yaml(found=sentence).replace(*TIMES_ABSTRACT, 1)
    assert not errors(findings(text, config, tmp_path, ("results.number",))), sentence


# A name copied with another number is found only with as many words the same as elsewhere (four): a name's
# last three words ("weeks of treatment", "months during pregnancy") also describe how long studies ran or
# people were followed, which is no figure of the result
NAME_SOURCES = [("pain at 12 weeks of treatment", True), ("anaemia at 1 month during pregnancy", True),
                ("pain at 3 years after surgery", True), ("Deaths were counted at 30 days and at one month.", False)]
NAME_TAIL = [
    "The trials lasted 8 weeks of treatment on average.",
    "Women were given iron for 3 months during pregnancy.",
    "Most trials followed people for one year after surgery.",
    "Pain at 12 weeks of treatment was lower.",
    "Deaths within 30 days were rare.",  # a number with its unit that the abstract prints
]


@pytest.mark.parametrize("sentence", NAME_TAIL)
def test_a_time_sharing_only_a_names_last_words_is_no_changed_figure(sentence: str) -> None:
    assert not changed_numbers(sentence, NAME_SOURCES), sentence


# Numbers after a natural frequency said first ("For every 1000 people ..., 91 ...") are risks per that many
# (razor: 91 with a razor, 50 with no hair removal per 1000), as the review works them out (within 5%)
PER_FRAME = {
    "flag": [
        "For every 1000 people shaved with a razor before surgery, 130 get an infection, compared with 50 with no hair removal.",
        "If 1000 people had their hair removed with a razor, 91 would get an infection, against 70 with no hair removal.",
        "Out of every 100 people shaved with a razor, 25 get an infection.",
    ],
    "pass": [
        "For every 1000 people shaved with a razor before surgery, 91 get an infection, compared with 50 with no hair removal.",
        "If 1000 people had their hair removed with a razor, 93 would get an infection.",  # worked out from the events
        "Out of every 100 people shaved with a razor, 9 get an infection.",
    ],
}


@pytest.mark.parametrize("sentence", PER_FRAME["flag"])
def test_a_risk_after_a_natural_frequency_that_is_no_risk_is_an_error(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    assert risk_number_errors(sentence, config, tmp_path), sentence


@pytest.mark.parametrize("sentence", PER_FRAME["pass"])
def test_a_risk_after_a_natural_frequency_passes(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    assert not risk_number_errors(sentence, config, tmp_path), sentence


# A sentence of the review's totals in other words: "This update included ... trials (...) involving ...",
# "We searched ... and included N trials" (the abstract: 10 + 7 studies; the results' people)
TOTALS_WORDED = {
    "flag": ["This update included 17 trials (all randomised) involving 5000 people.",
             "We searched for trials up to March 2020 and included 18 trials.",
             "The update included 19 studies.",
             # "... and identified / found N trials": the totals too
             "We searched the medical databases and identified 18 randomised trials.",
             "We looked for all relevant studies in May 2020 and found 19 studies."],
    "pass": ["This update included 17 trials (all randomised) involving 4728 people.",
             "We searched for trials up to March 2020 and included 17 trials.",
             "The trials were small and included mostly men.",
             "We searched for trials up to March 2020 and included 12 additional trials.",  # what an update added
             "We searched the medical databases and identified 17 randomised trials."],
}


@pytest.mark.parametrize("sentence", TOTALS_WORDED["flag"])
def test_a_total_in_other_words_is_checked(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    text = with_people_total(review_yaml(found=sentence).replace(*SUM_ABSTRACT, 1), 4728)
    assert errors(findings(text, config, tmp_path, ("results.number",))), sentence


@pytest.mark.parametrize("sentence", TOTALS_WORDED["pass"])
def test_a_total_in_other_words_that_the_review_gives_passes(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    text = review_yaml(found=sentence).replace(*SUM_ABSTRACT, 1)
    assert not errors(findings(text, config, tmp_path, ("results.number",))), sentence


# A count in brackets outside any claim ("Three studies (400 people) compared ...", "Europe (7 studies)", "(3 studies,
# 900 people)") describes the studies, often from the full review that plainsum does not hold: not an error
# (issue 23: a number outside any claim is checked only for staleness). Here the abstract prints three trials
# with 310 participants and sixteen studies in all.
PAIRED_ABSTRACT = ("Sixteen studies were included.",
                   "Sixteen studies were included. Three trials (310 participants) compared clippers with razors.")
OUTSIDE_CLAIMS = [
    "Three studies (400 people) compared clippers with shaving.",
    "Three studies (310 people) compared clippers with shaving.",
    "3 studies (in 350 people) took place in Europe.",
    "The studies took place in Europe (7 studies) and Asia (5 studies).",
    "The exercises studied were walking (4 studies) and yoga (5 studies).",
    "Two of the studies (90 people) included only people over 80 years.",
    "Hair grew back more slowly (3 studies, 900 people).",
    "Hair grew back more slowly (16 studies).",
]


@pytest.mark.parametrize("sentence", OUTSIDE_CLAIMS)
def test_a_count_in_brackets_outside_any_claim_is_no_error(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    text = review_yaml(found=sentence).replace(*PAIRED_ABSTRACT, 1)
    assert not errors(findings(text, config, tmp_path, ("results.number",))), sentence


# A bracket of counts belongs to the outcome named just before it: in a list of outcomes each with its own bracket,
# each is checked against its own outcome; a bracket after an outcome that is not encoded passes when the abstract
# gives its counts and is otherwise only a warning; a sole claim with no bracket of its own takes a bracket said
# before its outcome ("In four trials (1200 people), ..."). Here the abstract gives itching and scarring (not encoded)
# with their counts.
BRACKETS_ABSTRACT = ("Sixteen studies were included.",
                     "Sixteen studies were included. Itching was more common (two trials, 150 people). "
                     "Scarring did not differ (five trials, 620 people).")
BRACKETS = {
    "flag": [
        "Shaving using a razor probably increases infections (4 studies, 1200 people) and may make little or no "
        "difference to death (2 studies, 1200 people).",
        "Shaving using a razor probably increases infections (4 studies, 1200 people) and may make little or no "
        "difference to death (two studies, 4728 people).",
        "Shaving using a razor may make little or no difference to itching (two trials, 150 people) or death (3 trials, "
        "310 people).",
        "In four trials (900 people), shaving using a razor probably increases infections.",
        "Shaving using a razor probably increases infections (seven studies; 1200 participants).",
        # a count with its bracket before an outcome ("two studies (310 people) found ..."): the outcome after them
        "Shaving using a razor probably increases infections, and two studies (1200 people) found it may make little "
        "or no difference to death.",
        "Shaving using a razor probably increases infections, and three studies (310 people) found it may make little "
        "or no difference to death.",
    ],
    "pass": [
        "Shaving using a razor probably increases infections (4 studies, 1200 people) and may make little or no "
        "difference to death (2 studies, 310 people).",
        "Shaving using a razor probably increases infections (four trials, 1200 people), but we found no clear "
        "difference in itching (two trials, 150 people) or scarring (five trials, 620 people).",
        "Shaving using a razor may make little or no difference to itching (two trials, 150 people) or death (2 "
        "trials, 310 people).",
        "In four trials (1200 people), shaving using a razor probably increases infections.",
        "Shaving using a razor may make little or no difference to death (2 studies, 310 women) or to how long "
        "people stayed in hospital (two trials, 150 people).",
        # a bracket right after a count gives that count's people; its outcome comes after it
        "Shaving using a razor probably increases infections, and two studies (310 people) found it may make little "
        "or no difference to death.",
        "Four studies (1200 people) found more infections after shaving using a razor, and two studies (310 people) "
        "found it may make little or no difference to death.",
    ],
}


@pytest.mark.parametrize("sentence", BRACKETS["flag"])
def test_a_bracket_of_counts_that_is_not_its_outcomes_is_an_error(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    text = review_yaml(found=sentence).replace(*BRACKETS_ABSTRACT, 1)
    assert errors(findings(text, config, tmp_path, ("results.number",))), sentence


@pytest.mark.parametrize("sentence", BRACKETS["pass"])
def test_each_bracket_of_counts_is_held_against_its_own_outcome(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    text = review_yaml(found=sentence).replace(*BRACKETS_ABSTRACT, 1)
    assert not errors(findings(text, config, tmp_path, ("results.number",))), sentence


def test_a_bracket_after_an_outcome_not_encoded_is_at_most_a_warning(config, tmp_path: Path) -> None:  # noqa: F811
    sentence = ("Shaving using a razor probably increases infections (four trials, 1200 people), but we found no clear "
                "difference in itching (two trials, 999 people).")
    found = findings(review_yaml(found=sentence).replace(*BRACKETS_ABSTRACT, 1), config, tmp_path,
                     ("results.number", "results.number-unread"))
    assert not errors(found) and any("999" in m for m in found.get("results.number-unread", [])), found


# Counts of people each said to have received something are the sizes of a trial's groups, not a claim's figures
GROUPS = [
    "Eighteen people were given clippers and 22 got a razor; clippers may make little or no difference to infections.",
    "In a small trial, 40 people received clippers and forty-one received a razor, and infections were no different.",
    "Twelve children were given clippers, while 14 did not receive any hair removal, and infections were counted.",
]


@pytest.mark.parametrize("sentence", GROUPS)
def test_the_sizes_of_a_trials_groups_are_no_claims_figures(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    assert not errors(findings(review_yaml(found=sentence), config, tmp_path, ("results.number",))), sentence


def _result(technical: str, plain: str) -> object:
    from types import SimpleNamespace

    return SimpleNamespace(outcome=SimpleNamespace(technical=technical), names=lambda: [technical, plain])


WORDED = [  # the words before a bracket of counts, and the outcome whose name's words are all there (None: no one)
    ("were less likely to have hyperthyroidism (an overactive thyroid gland) after giving birth ", "postpartum hyperthyroidism"),
    ("fewer births that came too early (preterm) ", "preterm birth"),
    ("or with raised thyroid antibodies ", None),  # the words of no one name all there
    ("an overactive thyroid gland, during pregnancy or after giving birth ", None),  # of two outcomes' names
    ("the chance of a pregnancy confirmed by scan, long protocol ", None),  # also the words of a longer name
]


@pytest.mark.parametrize("segment,outcome", WORDED)
def test_a_bracket_is_tied_to_the_outcome_whose_names_words_are_all_before_it(segment: str, outcome: str | None) -> None:
    from plainsum.checks.numbers import _worded

    results = [_result("postpartum hyperthyroidism", "an overactive thyroid gland after giving birth"),
               _result("hyperthyroidism in pregnancy", "an overactive thyroid gland during pregnancy"),
               _result("preterm birth", "preterm births"),
               _result("elevated neonatal thyroid peroxidase antibodies", "newborn babies with raised thyroid antibodies"),
               _result("pregnancy confirmed by scan", "confirmed pregnancy"),
               _result("pregnancy confirmed by scan (long course)", "confirmed pregnancy in the long course")]
    tied = _worded(segment, results)  # type: ignore[arg-type]
    assert [r.outcome.technical for r in tied] == ([outcome] if outcome else [])  # type: ignore[attr-defined]


# GRADE's illustrative risks ("if the chance without X is 5%, the chance with X would be between 5% and 16%"): the range
# is the result's interval applied to the assumed risk (here RR 1.82, 1.05 to 3.14, of 5%: 5.25% to 15.7%)
ILLUSTRATIVE_RISKS = {
    "flag": [
        "If the chance of an infection without hair removal is 5%, the chance after shaving using a razor would be "
        "between 5% and 20%.",
        "For a person with a 5% risk of infection without hair removal, the risk with a razor would be between 9% and 16%.",
    ],
    "pass": [
        "If the chance of an infection without hair removal is 5%, the chance after shaving using a razor would be "
        "between 5% and 16%.",
        "For a person with a 5% risk of infection without hair removal, the risk with a razor would be between 5% and 15%.",
        # the assumed risk is itself rounded: 5% stands for 4.5% to 5.5%, which the interval takes to 4.7% to 17.3%
        "If the chance of an infection without hair removal is 5%, the chance after shaving using a razor would be "
        "between 4% and 17%.",
    ],
}


@pytest.mark.parametrize("sentence", ILLUSTRATIVE_RISKS["flag"])
def test_illustrative_risks_the_interval_does_not_give_are_an_error(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    assert risk_number_errors(sentence, config, tmp_path), sentence


@pytest.mark.parametrize("sentence", ILLUSTRATIVE_RISKS["pass"])
def test_illustrative_risks_the_interval_gives_pass(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    assert not risk_number_errors(sentence, config, tmp_path), sentence


# The outcome named may be one of several whose names hold its words ("an infection" for infections and for deep
# infections, RR 1.20, 0.60 to 2.40: 3% to 12% of 5%): a range that none of them gives is wrong whichever is meant
DEEP_RESULT = ("sections:\n", "  - id: deep_infection_razor\n"
               "    intervention: {technical: shaving with a razor, plain: shaving using a razor}\n"
               "    comparison: no hair removal\n"
               "    outcome: {technical: deep surgical site infection, plain: deep infections}\n"
               "    measure: RR\n    estimate: 1.20\n    ci: [0.60, 2.40]\n    studies: 2\n    participants: 500\n"
               "    certainty: low\n    size: little or no difference\nsections:\n")
ILLUSTRATIVE_FAMILY = {
    "flag": [
        "If the chance of an infection without hair removal is 5%, the chance after shaving using a razor would be "
        "between 5% and 25%.",
        "For a person with a 5% risk of infection without hair removal, the risk with a razor would be between 1% and 12%.",
    ],
    "pass": [
        "If the chance of an infection without hair removal is 5%, the chance after shaving using a razor would be "
        "between 5% and 16%.",  # infections
        "For a person with a 5% risk of infection without hair removal, the risk with a razor would be between 3% and 12%.",
    ],
}


@pytest.mark.parametrize("flagged", [True, False])
def test_illustrative_risks_of_any_outcome_whose_name_holds_the_words(flagged: bool, config, tmp_path: Path) -> None:  # noqa: F811
    for sentence in ILLUSTRATIVE_FAMILY["flag" if flagged else "pass"]:
        text = review_yaml(found=sentence)
        assert DEEP_RESULT[0] in text
        found = errors(findings(text.replace(*DEEP_RESULT, 1), config, tmp_path, ("results.number",)))
        assert bool(found) is flagged, (sentence, found)


def test_illustrative_risks_of_an_odds_ratio_go_through_the_odds() -> None:
    from types import SimpleNamespace

    from plainsum.checks.numbers import _illustrated

    low, high = _illustrated(SimpleNamespace(measure="Peto OR", ci_low="0.25", ci_high="1.0"), 20.0)  # type: ignore[misc]
    assert round(low, 1) == 5.9 and round(high, 1) == 20.0
    assert _illustrated(SimpleNamespace(measure="MD", ci_low="-1", ci_high="2"), 20.0) is None


# An error only where the reading is unambiguous. A count in brackets after each group of a list ("in adults (nine
# trials) and in children (five trials)"), a sentence that describes the studies ("The studies sought to ...",
# "These trials compared ..."), a part of a whole ("two of the 1200 people") or a number a clause apart from several
# claims' outcomes are not a claim's own figures: a number that fits none of the readings (any claim of the sentence,
# any count the review or abstract gives) is at most the warning results.number-unread. (Same review and abstract as
# BRACKETS: itching in two trials with 150 people, scarring in five trials with 620 people.)
UNAMBIGUOUS = {
    "flag": [
        "Shaving using a razor probably increases infections, by about 45%, and may make little or no difference to death.",
        "In two of the nine trials, shaving using a razor increased infections.",  # the whole: no count of the review
        "Shaving using a razor probably increases infections in adults (nine trials, 1200 people).",  # one bracket: its own
        "Clippers may make little or no difference to infections (11 trials), and death was not reported.",
    ],
    "pass": [
        "Shaving using a razor probably increases infections in hospitals (seven studies), in clinics (three studies) and "
        "at home (six studies).",
        "Shaving using a razor probably increases infections in adults (nine trials) and in children (eight trials).",
        "The studies sought to reduce infections in adults (two studies), children (seven studies) or both (nine studies).",
        "These trials compared shaving using a razor with no hair removal and aimed to reduce infections (nine trials).",
        "Shaving using a razor probably increases infections and may make little or no difference to death, by about 82%.",
        "In two of the four trials, shaving using a razor increased infections.",
        "Seven of the 1200 people shaved using a razor had an infection, and shaving probably increases infections.",
    ],
}


@pytest.mark.parametrize("sentence", UNAMBIGUOUS["flag"])
def test_a_number_no_reading_of_the_sentence_fits_is_an_error(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    text = review_yaml(found=sentence).replace(*BRACKETS_ABSTRACT, 1)
    assert errors(findings(text, config, tmp_path, ("results.number",))), sentence


@pytest.mark.parametrize("sentence", UNAMBIGUOUS["pass"])
def test_a_number_that_is_not_a_claims_own_figure_is_no_error(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    text = review_yaml(found=sentence).replace(*BRACKETS_ABSTRACT, 1)
    assert not errors(findings(text, config, tmp_path, ("results.number",))), sentence


# A number of people out of 1000 that is no risk of the result passes when the abstract prints it, but not when the
# abstract prints it only as a percentage (a heterogeneity statistic, a risk in per cent): 45 people in 1000 is
# not "I2 = 45%"
PERCENT_ONLY = ("Shaving probably increases infection (RR 1.82).", "Shaving probably increases infection (RR 1.82; I2 = 45%; "
                "P = 0.04); 12% of the trials' participants were children, and 45 of 1000 people had an infection in one trial.")
PER_FRAME_PRINTED = {
    "flag": [
        "For every 1000 people shaved with a razor before surgery, 12 get an infection, compared with 50 with no hair removal.",
        "If 1000 people had their hair removed with a razor, 7 would get an infection.",
    ],
    "pass": [
        "For every 1000 people shaved with a razor before surgery, 45 get an infection.",  # printed as people of 1000
        "For every 1000 people shaved with a razor before surgery, 91 get an infection, compared with 50 with no hair removal.",
    ],
}


@pytest.mark.parametrize("flagged", [True, False])
def test_people_out_of_1000_printed_only_as_a_percentage_are_no_figure(flagged: bool, config, tmp_path: Path) -> None:  # noqa: F811
    for sentence in PER_FRAME_PRINTED["flag" if flagged else "pass"]:
        text = review_yaml(found=sentence)
        assert RISK[0] in text and PERCENT_ONLY[0] in text
        text = text.replace(RISK[0], RISK[1], 1).replace(*PERCENT_ONLY, 1)
        assert bool(errors(findings(text, config, tmp_path, ("results.number",)))) is flagged, sentence


# An age says who took part, not a time point of a result (the death result is named "death within 30 days")
AGES = {
    "flag": [
        "Shaving using a razor may make little or no difference to death within 60 days.",
        "Shaving using a razor may make little or no difference to death at 90 days in people aged 65 years or older.",
    ],
    "pass": [
        "Shaving using a razor may make little or no difference to death in people aged 65 years or older.",
        "Shaving using a razor may make little or no difference to death in children aged 6 months to 12 years.",
        "Shaving using a razor may make little or no difference to death in people older than 70 years.",
        "Shaving using a razor may make little or no difference to death in 5-year-old children.",
        "Shaving using a razor may make little or no difference to death in women of 50 years of age or more.",
    ],
}


@pytest.mark.parametrize("sentence", AGES["flag"])
def test_another_time_point_beside_an_age_is_an_error(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    assert errors(findings(review_yaml(found=sentence), config, tmp_path, ("results.number",))), sentence


@pytest.mark.parametrize("sentence", AGES["pass"])
def test_an_age_is_no_time_point_of_a_result(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    assert not errors(findings(review_yaml(found=sentence), config, tmp_path, ("results.number",))), sentence


# A count whose noun the abstract leaves out after 'who' counts people ("385 women having X and 627 who received Y"),
# so a total the summary gives as their sum passes, in any wording of the totals
WHO_ABSTRACT = ("Sixteen studies were included.",
                "Sixteen studies were included, with 385 women who were shaved and 627 who had no hair removal.")
WHO_TOTALS = {
    "flag": ["We included 16 trials in 1013 women, who had hair removal before surgery.",
             "We found 16 studies with 1100 women."],
    "pass": ["The review of 16 trials in 1012 women looked at hair removal before surgery.",
             "We found 16 studies with 1012 women.",
             "We found 16 studies with 627 women who had no hair removal."],
}


@pytest.mark.parametrize("flagged", [True, False])
def test_a_total_of_counts_whose_noun_is_left_out(flagged: bool, config, tmp_path: Path) -> None:  # noqa: F811
    for sentence in WHO_TOTALS["flag" if flagged else "pass"]:
        text = review_yaml(found=sentence).replace(*WHO_ABSTRACT, 1)
        assert bool(errors(findings(text, config, tmp_path, ("results.number",)))) is flagged, sentence


# A change in points said with an outcome measured on a scale, in a sentence that claims nothing the reader ties it to
# ("On average, pain decreased by 9.6 points"): held against the mean difference of that outcome's results (here MD
# -7.29, 95% CI -10.98 to -3.61), as printed or rounded, and every number the abstract prints
PAIN_RESULT = ("sections:\n", "  - id: pain_razor\n"
               "    intervention: {technical: shaving with a razor, plain: shaving using a razor}\n"
               "    comparison: no hair removal\n"
               "    outcome: {technical: pain after surgery (VAS 0 to 100), plain: pain, quality: false}\n"
               "    measure: MD\n    estimate: -7.29\n    ci: [-10.98, -3.61]\n    studies: 4\n    participants: 815\n"
               "    certainty: moderate\n    size: small\n    better: lower\nsections:\n")
POINTS_ABSTRACT = ("Sixteen studies were included.", "Sixteen studies were included. A change of 5 points was thought important.")
POINTS = {
    "flag": [
        "On average, pain decreased by 9.6 points on a 100-point scale.",
        "Pain after surgery was 6 points lower with a razor than without hair removal.",
        "On average there was a reduction of 12 points in pain.",
        "Pain scores fell by 2.5 points on average.",
        "Pain worsened by 3.4 points in the group that was shaved.",
    ],
    "pass": [
        "On average, pain decreased by 7.3 points on a 100-point scale.",  # the MD, rounded as printed
        "On average, pain decreased by 7.29 points.",
        "Pain decreased by 3.6 points at the least.",  # a bound of the interval, rounded
        "Pain decreased by about 15 points in both groups.",  # said roughly
        "Pain was measured on a scale with a range of 70 points.",  # the scale, no change
        "People rated their pain as 23 points on a 100-point scale.",  # one group's score, no change
        "Pain decreased by 5 points, the change thought important.",  # a number the abstract prints
        "Infections were 4 points lower.",  # an outcome whose results are no difference of means
    ],
}


def points_errors(sentence: str, config, tmp_path: Path) -> list:  # noqa: F811 (config: the fixture, passed on)
    text = review_yaml(found=sentence)
    assert PAIN_RESULT[0] in text and POINTS_ABSTRACT[0] in text
    text = text.replace(*PAIN_RESULT, 1).replace(*POINTS_ABSTRACT, 1)
    return errors(findings(text, config, tmp_path, ("results.number",)))


@pytest.mark.parametrize("sentence", POINTS["flag"])
def test_a_change_in_points_that_is_no_figure_of_the_outcome_is_an_error(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    assert points_errors(sentence, config, tmp_path), sentence


@pytest.mark.parametrize("sentence", POINTS["pass"])
def test_a_change_in_points_of_the_outcome_or_no_change_passes(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    assert not points_errors(sentence, config, tmp_path), sentence


# A bracket of counts, studies then people: where the abstract prints the same people with a count of studies, the
# studies are those (here 4 studies with 1200 participants, 3 trials with 4728 people), whatever the sentence claims
PAIRS_ABSTRACT = ("Sixteen studies were included.",
                  "Sixteen studies were included. Shaving probably increases infection (RR 1.82; 4 studies, 1200 participants). "
                  "Clippers made little difference (3 trials; 4728 people).")
PAIRS = {
    "flag": [
        "Shaving using a razor probably increases infections (5 studies, 1200 people).",
        "Clippers may make little or no difference to infections (two trials with 4728 people).",
        "We are not sure about deaths (four studies; 4728 participants).",
        "- fewer infections (2 studies, 1200 people).",
        # no outcome of the results named: the people still name the evidence
        "- cost an extra 26 dollars per person for every day without an infection (2 studies, 1200 people).",
        "The findings on how long people stayed in hospital were mixed (five trials; 4728 participants).",
    ],
    "pass": [
        "Shaving using a razor probably increases infections (4 studies, 1200 people).",
        "Clippers may make little or no difference to infections (three trials involving 4728 people).",
        "- fewer infections (four studies, 1200 people).",
        "The studies took place in Europe (2 studies, 900 people).",  # people the abstract does not print with studies
        "Shaving was compared with no hair removal in 4 studies (1200 people).",  # no bracket of both counts
    ],
}


@pytest.mark.parametrize("flagged", [True, False])
def test_a_count_of_studies_paired_with_people_is_the_abstracts(flagged: bool, config, tmp_path: Path) -> None:  # noqa: F811
    for sentence in PAIRS["flag" if flagged else "pass"]:
        text = review_yaml(found=sentence).replace(*PAIRS_ABSTRACT, 1)
        assert bool(errors(findings(text, config, tmp_path, ("results.number",)))) is flagged, sentence


@pytest.mark.parametrize(("value", "unit", "named"), [
    ("6", "months", True), ("6", "sessions", False), ("6", "weeks", False),  # "pain at six months"
    ("26", "weeks", True), ("26", "days", True),  # "remission at week 26": no unit after the number
    ("13", "years", True),  # "in 13- to 24-year-olds"
    ("7", "months", False),  # in no name
])
def test_a_number_of_a_name_is_one_with_its_own_unit(value: str, unit: str, named: bool) -> None:
    from plainsum.checks.numbers import _named_number

    names = ["pain at six months", "clinical remission at week 26", "vaping cessation in 13- to 24-year-olds"]
    assert _named_number(value, unit, names) is named
