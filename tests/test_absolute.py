"""Absolute effects by GRADE's method, against worked examples and a published summary of findings."""

from __future__ import annotations

import pytest

from plainsum.grade.absolute import absolute_effect, measure_kind, people_per, risk_with_intervention, same_in_100, whole


def test_risk_ratio_worked_example_of_the_grade_handbook() -> None:
    # GRADE handbook, absolute effect from a risk ratio: RR 0.83 (0.78 to 0.89), control risk 40%:
    # 1000 x 0.4 x (1 - 0.83) = 68 fewer per 1000.
    effect = absolute_effect("rr", 0.40, 0.83, 0.78, 0.89)
    assert (effect.control, effect.intervention, effect.intervention_low, effect.intervention_high) == (400, 332, 312, 356)
    assert (effect.difference, effect.difference_low, effect.difference_high) == (-68, -88, -44)
    assert effect.difference_text() == "68 fewer per 1000 (from 88 fewer to 44 fewer)"
    assert effect.intervention_text() == "332 per 1000 (312 to 356)"


def test_odds_ratio_worked_example_of_the_grade_handbook() -> None:
    # GRADE handbook: OR 0.64 (0.47 to 0.89), control risk 112/438 = 25.6%; the handbook first turns
    # the OR into RR = OR / (1 - CR x (1 - OR)) = 0.70, then 1000 x 0.256 x (1 - 0.70) = 77 fewer.
    rr = risk_with_intervention("or", 0.256, 0.64) / 0.256
    assert round(rr, 2) == 0.70
    assert whole(1000 * 0.256 * (1 - round(rr, 2))) == 77
    # GRADEpro works from the unrounded RR: 0.64 x 0.256 / (1 - 0.256 + 0.64 x 0.256) = 0.1805
    effect = absolute_effect("or", 0.256, 0.64, 0.47, 0.89)
    assert (effect.intervention, effect.intervention_low, effect.intervention_high) == (180, 139, 234)
    assert effect.difference_text() == "76 fewer per 1000 (from 117 fewer to 22 fewer)"


def test_hazard_ratio_by_grade_guideline_27() -> None:
    # risk with intervention = 1 - (1 - CR)^HR: CR 20%, HR 0.75 (0.60 to 0.94):
    # 1 - 0.8^0.75 = 0.1541, 1 - 0.8^0.60 = 0.1253, 1 - 0.8^0.94 = 0.1892 (by hand).
    effect = absolute_effect("hr", 0.20, 0.75, 0.60, 0.94)
    assert (effect.control, effect.intervention, effect.intervention_low, effect.intervention_high) == (200, 154, 125, 189)
    assert effect.difference_text() == "46 fewer per 1000 (from 75 fewer to 11 fewer)"


@pytest.mark.parametrize("control,rr,low,high,printed", [
    # Krogsbøll et al. 2019 (CD009009.pub3), summary of findings: assumed risk without health checks,
    # corresponding risk with them (95% CI), as published.
    (0.068, 1.00, 0.97, 1.03, (68, 68, 66, 70)),   # total mortality
    (0.026, 1.01, 0.92, 1.12, (26, 26, 24, 29)),   # cancer mortality
    (0.032, 1.05, 0.94, 1.16, (32, 34, 30, 37)),   # cardiovascular mortality
    (0.066, 0.98, 0.94, 1.03, (66, 65, 62, 68)),   # ischaemic heart disease
    (0.029, 1.05, 0.95, 1.17, (29, 30, 28, 34)),   # stroke
])
def test_the_published_summary_of_findings_of_the_shipped_example(control, rr, low, high, printed) -> None:
    effect = absolute_effect("rr", control, rr, low, high)
    assert (effect.control, effect.intervention, effect.intervention_low, effect.intervention_high) == printed


def test_a_difference_that_rounds_to_nothing_keeps_its_side_and_limits_cross() -> None:
    effect = absolute_effect("rr", 0.068, 1.00, 0.97, 1.03)
    assert effect.difference_text() == "0 fewer per 1000 (from 2 fewer to 2 more)"
    assert absolute_effect("rr", 0.026, 1.01, 0.92, 1.12).difference_text() == "0 more per 1000 (from 2 fewer to 3 more)"


def test_a_risk_past_one_is_capped_and_said() -> None:
    effect = absolute_effect("rr", 0.5, 1.5, 1.2, 2.4)
    assert effect.capped and effect.intervention_high == 1000 and effect.intervention == 750


def test_per_100_and_rounding_half_up() -> None:
    effect = absolute_effect("rr", 0.25, 0.5, 0.3, 0.9, per=100)
    assert effect.per == 100 and effect.control == 25 and effect.intervention == 13  # 12.5 rounds up
    assert whole(2.5) == 3 and whole(0.1 * 3 * 1000 / 120) == 3  # 2.5000000000000004 is a half, not more


def test_measures() -> None:
    assert [measure_kind(m) for m in ("RR", "risk ratio", "OR", "Hazard  ratio", "MD", "IRR")] == ["rr", "rr", "or", "hr", None, None]
    with pytest.raises(ValueError):
        risk_with_intervention("rr", 1.2, 0.8)
    with pytest.raises(ValueError):
        risk_with_intervention("md", 0.2, 0.8)


@pytest.mark.parametrize(("control", "treated", "per"), [
    (0.068, 0.068, 100),     # 7 and 7 in 100
    (0.066, 0.06468, 100),   # 66 and 65 in 1000: about 7 in 100 both (same_in_100), not 7 and 6
    (0.66, 0.4752, 100),     # sore throat on day 3: 66 and 48 in 100
    (0.18, 0.117, 100),      # 18 and 12
    (0.017, 0.00493, 1000),  # rheumatic fever: under 1 in 100 with antibiotics (17 and 5 in 1000)
    (0.012, 0.008, 1000),    # a third fewer, but 1 and 1 in 100
    (0.324, 0.346, 1000),    # 32 and 35 in 100 would show 3 more, the real difference is 2.2
    (0.005, 0.004, 1000),
])
def test_people_per_counts_out_of_100_where_the_risks_allow(control: float, treated: float, per: int) -> None:
    assert people_per(control, treated) == per


def test_same_in_100_is_a_difference_under_half_a_person_and_a_tenth_of_the_risk() -> None:
    assert same_in_100(0.066, 0.06468) and same_in_100(0.032, 0.0336)
    assert not same_in_100(0.012, 0.008)  # a third fewer
    assert not same_in_100(0.30, 0.306)  # 0.6 in 100: more than half a person


def test_a_lay_summary_counts_out_of_the_authors_per_when_given() -> None:
    from plainsum.grade.results import Result, Term

    def result(**extra: object) -> Result:
        term = Term(plain="x", technical="x")
        return Result(id="r", outcome=term, intervention=term, measure="RR", estimate="0.98", ci_low="0.94", ci_high="1.03",
                      studies=4, participants=1000, certainty="high", size="little or no difference", direction=None,
                      control_risk="0.066", **extra)  # type: ignore[arg-type]

    chosen = result().people
    assert chosen is not None and (chosen.per, chosen.control, chosen.intervention, chosen.difference) == (100, 7, 7, 0)
    assert result().absolute.per == 1000 and result().people_chosen  # the abstract's table stays per 1000
    given = result(per=1000, per_set=True)
    assert given.people is not None and (given.people.per, given.people.control, given.people.intervention) == (1000, 66, 65)
    assert not given.people_chosen
