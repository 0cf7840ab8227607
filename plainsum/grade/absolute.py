"""Absolute effects: from a relative effect and the risk in the comparison group, the risk with the
intervention and the difference, per 1000 people, with the confidence interval, as GRADE's summary
of findings tables give them.

The formulas are those GRADEpro uses (GRADE handbook, Schünemann H, Brożek J, Guyatt G, Oxman A,
editors, updated October 2013, "Absolute effect" of the summary of findings chapter; GRADE
guidelines 12, Guyatt et al. J Clin Epidemiol 2013;66:158-172; for hazard ratios GRADE guidelines
27, Skoetz et al. J Clin Epidemiol 2020;118:124-131), with CR the assumed risk without the
intervention (the control risk, a proportion):

    risk ratio    risk with intervention = CR x RR
    odds ratio    risk with intervention = OR x CR / (1 - CR + OR x CR)
    hazard ratio  risk with intervention = 1 - (1 - CR) ^ HR      (= 1 - e^(HR x ln(1 - CR)))

The difference is the risk with the intervention minus CR; the limits of its confidence interval
come from the limits of the relative effect (each formula rises with the ratio). Every figure is
worked out from unrounded values and rounded only when printed, half up, to whole people.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

# The measures an absolute effect can be worked out from, by the names results may use.
MEASURE_KINDS = {
    "rr": "rr", "risk ratio": "rr", "relative risk": "rr",
    "or": "or", "odds ratio": "or",
    "hr": "hr", "hazard ratio": "hr",
}
PER_CHOICES = (100, 1000, 10000, 100000)


def measure_kind(measure: str) -> str | None:
    """'rr', 'or' or 'hr' for a measure an absolute effect can come from, else None."""
    return MEASURE_KINDS.get(" ".join(measure.lower().split()))


def risk_with_intervention(kind: str, control_risk: float, ratio: float) -> float:
    """The risk with the intervention, a proportion, for a control risk and a ratio of `kind`."""
    if not 0 < control_risk < 1:
        raise ValueError(f"a control risk must be between 0 and 1, not {control_risk}")
    if ratio <= 0:
        raise ValueError(f"a ratio must be above 0, not {ratio}")
    if kind == "rr":
        return control_risk * ratio  # may pass 1 when the ratio is large; AbsoluteEffect caps it
    if kind == "or":
        return ratio * control_risk / (1 - control_risk + ratio * control_risk)
    if kind == "hr":
        return 1 - math.exp(ratio * math.log(1 - control_risk))
    raise ValueError(f"no absolute effect from a measure of kind {kind!r}")


def whole(value: float) -> int:
    """Rounded half up, as printed (2.5 -> 3); a float error below a billionth is not a half."""
    return int(Decimal(repr(round(value, 9))).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def people_per(control_risk: float, treated_risk: float) -> int:
    """How many people a lay summary counts out of, for its sentence and icon array: 100 when whole
    people out of 100 show both risks and their difference, else 1000.

    A fixed denominator of 100 is the easiest to read, and 1000 makes the same risk look more
    serious (Galesic, Garcia-Retamero and Gigerenzer 2009), so 1000 is used only when rounding to
    whole people out of 100 would hide a risk (below 1 in 100), hide a difference of a tenth of
    the risk or more (12 and 8 in 1000 are 1 and 1 in 100), or make a difference look larger than
    it is by more than a quarter (32.4 and 34.6 in 100 would be 32 and 35). A difference under half a person in 100 and
    under a tenth of the risk (66 and 65 in 1000) is shown as none (same_in_100)."""
    treated_risk = min(treated_risk, 1.0)
    control, treated = whole(control_risk * 100), whole(treated_risk * 100)
    if control < 1 or treated < 1:
        return 1000
    if same_in_100(control_risk, treated_risk):
        return 100
    difference = (treated_risk - control_risk) * 100
    error = abs((treated - control) - difference)
    if abs(difference) < 0.5 or (error >= 0.5 and error > abs(difference) / 4):
        return 1000
    return 100


def same_in_100(control_risk: float, treated_risk: float) -> bool:
    """Whether two risks are the same number of people out of 100: their difference is under half
    a person in 100 and under a tenth of the risk without the intervention."""
    difference = abs(min(treated_risk, 1.0) - control_risk)
    return difference * 100 < 0.5 and difference < control_risk / 10


@dataclass(frozen=True)
class AbsoluteEffect:
    """The figures of one row of a summary of findings table, per `per` people (rounded)."""

    per: int
    control: int
    intervention: int
    intervention_low: int
    intervention_high: int
    difference: int  # intervention minus control, unrounded then rounded: negative means fewer
    difference_low: int
    difference_high: int
    capped: bool  # a risk ratio took the risk with the intervention past 1: shown as all `per` people
    raw_difference: float  # per `per` people, unrounded (its sign says fewer or more when it rounds to 0)

    def numbers(self) -> set[int]:
        """Every figure as printed (for the claim checks: a summary may quote any of them)."""
        return {self.per, self.control, self.intervention, self.intervention_low, self.intervention_high,
                abs(self.difference), abs(self.difference_low), abs(self.difference_high)}

    def difference_text(self) -> str:
        """'68 fewer per 1000 (from 88 fewer to 44 fewer)', as GRADEpro words it."""
        return (f"{_fewer_more(self.difference, self.raw_difference)} per {self.per} "
                f"(from {_fewer_more(self.difference_low)} to {_fewer_more(self.difference_high)})")

    def intervention_text(self) -> str:
        """'332 per 1000 (312 to 356)'."""
        return f"{self.intervention} per {self.per} ({self.intervention_low} to {self.intervention_high})"

    def control_text(self) -> str:
        return f"{self.control} per {self.per}"


def _fewer_more(value: int, raw: float | None = None) -> str:
    sign = raw if raw is not None and value == 0 else value
    return f"{abs(value)} {'more' if sign > 0 else 'fewer'}"


def absolute_effect(kind: str, control_risk: float, estimate: float, ci_low: float, ci_high: float,
                    per: int = 1000) -> AbsoluteEffect:
    """The absolute effect of a ratio of `kind` ('rr', 'or', 'hr') and its CI at `control_risk`."""
    risks = [risk_with_intervention(kind, control_risk, ratio) for ratio in (estimate, ci_low, ci_high)]
    capped = any(risk > 1 for risk in risks)
    risks = [min(risk, 1.0) for risk in risks]
    point, low, high = (risk * per for risk in risks)
    control = control_risk * per
    return AbsoluteEffect(
        per=per,
        control=whole(control),
        intervention=whole(point),
        intervention_low=whole(low),
        intervention_high=whole(high),
        difference=whole(point - control) if point >= control else -whole(control - point),
        difference_low=whole(low - control) if low >= control else -whole(control - low),
        difference_high=whole(high - control) if high >= control else -whole(control - high),
        capped=capped,
        raw_difference=point - control,
    )
