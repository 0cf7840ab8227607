"""Results as data: each main outcome's figures and GRADE judgement, worded for both documents.

A review may list its main results under `results:`. From one entry plainsum writes the
technical sentence of Main results ("Exercise probably reduces pain (MD -8.50, 95% CI -12.10
to -4.90; 5 studies, 3008 participants; moderate-certainty evidence).") and the plain
statement of the lay summary ("Exercise probably reduces pain."), both worded by the grid
(plainsum.grade.grid; GRADE guideline 26, Santesso et al. 2020). Prose reaches them as
`{{ results.<id>.plain }}`, `{{ results.<id>.technical }}` and `{{ results.<id>.numbers }}`.

Which way is good is data too (`better: lower | higher`), so an outcome where lower is better is
never worded as if it got worse; an outcome named as a quality ("asthma control") is worded with
improve/worsen. With a `control_risk`, a ratio gives its absolute effect (plainsum.grade.absolute).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from plainsum.grade.absolute import AbsoluteEffect, absolute_effect, measure_kind, people_per, risk_with_intervention, same_in_100
from plainsum.grade.grid import (
    CERTAINTIES,
    NO_DIFFERENCE,
    SIZES,
    VERBS,
    Grid,
    TemplateFinder,
    grade_file,
    load_grid,
)

if TYPE_CHECKING:
    from plainsum.files.yamlsource import Node

__all__ = ["CERTAINTIES", "NO_DIFFERENCE", "SIZES", "VERBS", "Result", "Term", "grid_for", "load_grid", "views"]

DIRECTIONS = ("reduce", "increase")
BETTER = ("lower", "higher")
# Measures whose "no effect" value is 1 (ratios) or 0 (differences), to check the direction.
RATIO_MEASURES = {"rr", "or", "hr", "irr", "risk ratio", "odds ratio", "hazard ratio", "rate ratio", "relative risk"}
DIFFERENCE_MEASURES = {"md", "smd", "rd", "mean difference", "standardised mean difference",
                       "standardized mean difference", "risk difference"}
# Measures of events, where fewer events is better unless the result says otherwise (deaths,
# strokes); for the other measures (scores, amounts) the sign alone does not say which way is good.
EVENT_MEASURES = RATIO_MEASURES | {"rd", "risk difference"}
# Continuous measures: a score or an amount, which can be a quality that gets better ("asthma
# control") or an amount that goes up or down ("pain"); the result must say which (`quality`).
CONTINUOUS_MEASURES = {"md", "smd", "mean difference", "standardised mean difference", "standardized mean difference"}
RESULT_ID = re.compile(r"^[a-z_][a-z0-9_]*$")
RESULT_KEYS = ("id", "outcome", "intervention", "comparison", "measure", "estimate", "ci", "studies", "study_word",
               "participants", "certainty", "size", "direction", "better", "control_risk", "per", "event",
               "aliases", "plain", "technical", "comment")
TERM_KEYS = ("technical", "plain", "plural", "quality")


@dataclass(frozen=True)
class Term:
    """A name in both registers: technical (abstract) and plain (lay summary).

    `quality` marks an outcome named as a quality that gets better or worse ("asthma control",
    "quality of life"), worded with improve/worsen rather than reduce/increase."""

    technical: str
    plain: str
    plural: bool = False
    quality: bool = False


@dataclass(frozen=True)
class Override:
    """A result's own wording for one register, and where it was written."""

    text: str
    line: int
    column: int


@dataclass(frozen=True)
class Result:
    id: str
    outcome: Term
    intervention: Term
    measure: str
    estimate: str  # as written in the YAML, so "1.00" keeps its zeros
    ci_low: str
    ci_high: str
    studies: int
    participants: int
    certainty: str
    size: str | None  # None: not chosen yet (the size of an effect is the authors' judgement); worded as moderate
    direction: str | None  # None for "little or no difference"
    study_word: str = "studies"
    line: int = 1
    column: int = 1
    better: str = "lower"
    comparison: Term | None = None
    control_risk: str | None = None  # as written ("0.068")
    per: int = 1000
    per_set: bool = False  # the author gave `per`: the lay summary counts out of it too
    event: str | None = None  # what happens to people, in plain words ("die from any cause")
    aliases: tuple[str, ...] = ()
    plain: Override | None = None
    technical: Override | None = None
    comment: str | None = None

    @property
    def ci_includes_null(self) -> bool | None:
        """Whether the interval includes no effect (1 for a ratio, 0 for a difference); None for a
        measure plainsum does not know."""
        kind = self.measure.lower()
        null = 1.0 if kind in RATIO_MEASURES else 0.0 if kind in DIFFERENCE_MEASURES else None
        if null is None:
            return None
        try:
            return float(self.ci_low) <= null <= float(self.ci_high)
        except ValueError:
            return None

    @property
    def worded_size(self) -> str | None:
        """The size the statements use: the authors' `size`; without one, an interval that includes
        no effect is worded as little or no difference (GRADE guideline 26: statements follow the
        size of the effect, and an interval that includes no effect does not show one), else the
        statement without size words (None)."""
        if self.size is not None:
            return self.size
        return NO_DIFFERENCE if self.ci_includes_null or self.direction is None else None

    @property
    def good(self) -> bool | None:
        """Whether the effect goes the better way (None when there is little or no difference)."""
        if self.worded_size == NO_DIFFERENCE or self.direction is None:
            return None
        return (self.direction == "reduce") == (self.better == "lower")

    @property
    def verb(self) -> str | None:
        """The grid column: reduce/increase for events and amounts, improve/worsen for a quality."""
        if self.good is None:
            return None
        if self.outcome.quality:
            return "improve" if self.good else "worsen"
        return self.direction

    @property
    def absolute(self) -> AbsoluteEffect | None:
        kind = measure_kind(self.measure)
        if self.control_risk is None or kind is None:
            return None
        return absolute_effect(kind, float(self.control_risk), float(self.estimate), float(self.ci_low),
                               float(self.ci_high), self.per)

    @property
    def people_chosen(self) -> bool:
        """Whether the lay summary's count of people was chosen by plainsum (the author gave no `per`)."""
        return not self.per_set

    @property
    def people(self) -> AbsoluteEffect | None:
        """The absolute effect as the lay summary says and draws it: out of the author's `per`, else
        out of 100 when the risks allow it and 1000 when they do not (absolute.people_per). The
        abstract's summary of findings keeps `per` (1000 by default), as GRADE tables do."""
        kind = measure_kind(self.measure)
        if self.control_risk is None or kind is None:
            return None
        control_risk, estimate = float(self.control_risk), float(self.estimate)
        treated_risk = risk_with_intervention(kind, control_risk, estimate)
        per = self.per if self.per_set else people_per(control_risk, treated_risk)
        effect = absolute_effect(kind, control_risk, estimate, float(self.ci_low), float(self.ci_high), per)
        if per == 100 and not self.per_set and same_in_100(control_risk, treated_risk):
            # 6.6 and 6.5 in 100 are "about 7" both: 7 and 6 would show a difference ten times the real one
            effect = dataclasses.replace(effect, intervention=effect.control, difference=0)
        return effect

    def names(self) -> list[str]:
        """Every name the outcome goes by in prose: plain, technical and the author's aliases."""
        found: list[str] = []
        for name in (self.outcome.plain, self.outcome.technical, *self.aliases):
            if name and name.lower() not in (n.lower() for n in found):
                found.append(name)
        return found

    def numbers_in_data(self) -> set[str]:
        """Every number this result states, as written (for the no-new-numbers check)."""
        numbers = {self.estimate, self.ci_low, self.ci_high, str(self.studies), str(self.participants)}
        for absolute in (self.absolute, self.people):
            if absolute is not None:
                numbers.update(str(n) for n in absolute.numbers())
        if self.control_risk is not None:
            numbers.add(self.control_risk)
        return numbers

    def describe(self) -> str:
        """'total mortality: RR 1.00, 95% CI 0.97 to 1.03; high-certainty evidence' (for messages)."""
        text = (f"'{self.id}' ({self.outcome.technical}: {self.measure} {self.estimate}, 95% CI {self.ci_low} to "
                f"{self.ci_high}; {self.certainty}-certainty evidence, {self.size}")
        if self.good is not None:
            text += f", {'better' if self.good else 'worse'} ({self.better} is better)"
        return text + ")"


def grid_for(templates: TemplateFinder | None, language: str = "en") -> Grid:
    """The wording grid for a review: the project's grade/grid.yaml, else plainsum's."""
    return load_grid(grade_file(templates, "grid.yaml", language))


def views(results: list[Result], grid: Grid | None = None) -> dict[str, SimpleNamespace]:
    """What prose and templates see as `results.<id>`."""
    grid = grid or load_grid()
    out: dict[str, SimpleNamespace] = {}
    for result in results:
        plain = result.plain.text.rstrip(".") if result.plain else grid.statement(result, "plain")
        technical = result.technical.text.rstrip(".") if result.technical else grid.statement(result, "technical")
        numbers = grid.numbers(result)
        out[result.id] = SimpleNamespace(
            id=result.id,
            plain=plain + ".",
            technical=f"{technical} ({numbers}).",
            numbers=numbers,
            plain_clause=plain,
            technical_clause=technical,
            generated_plain=grid.statement(result, "plain") + ".",
            certainty=result.certainty,
            size=result.size,
            direction=result.direction,
            better=result.better,
            verb=result.verb,
            outcome=result.outcome.plain,
            technical_outcome=result.outcome.technical,
            absolute=result.absolute,
            people=result.people,
            people_chosen=result.people_chosen,
            data=result,
        )
    return out


# --- validation of `results:` in a review file --------------------------------------------------

def _raw_number(check: Any, node: Node, where: str) -> tuple[str, float] | None:
    """A number as the author wrote it ("1.00"), and its value."""
    value = node.value
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        check.problem(node, f"{where} must be a number, not {node.kind}")
        return None
    if isinstance(value, str):
        text = value.strip().replace("\u2212", "-")
    else:
        text = check.source.text[node.start_index : node.end_index].strip() or str(value)
    try:
        number = float(text)
    except ValueError:
        check.problem(node, f"{where} must be a number, not '{value}'")
        return None
    return text, number


def _count(check: Any, parent: Node, key: str, where: str) -> int | None:
    node = parent.value.get(key)
    if node is None:
        check.problem(parent, f"{where} is missing required key '{key}'")
        return None
    if isinstance(node.value, bool) or not isinstance(node.value, int) or node.value < 1:
        check.problem(node, f"'{key}' in {where} must be a whole number of at least 1, not {node.value!r}")
        return None
    return node.value


def _choice(check: Any, parent: Node, key: str, where: str, allowed: tuple[str, ...], required: bool) -> str | None:
    node = check.text(parent, key, where, required)
    if node is None:
        return None
    value = " ".join(node.value.lower().replace("-", " ").split())
    if value not in allowed:
        check.problem(node, f"'{key}' in {where} must be one of: {', '.join(allowed)}; not '{node.value}'")
        return None
    return value


def _flag(check: Any, parent: Node, key: str, where: str) -> bool:
    node = parent.value.get(key)
    if node is None:
        return False
    if not isinstance(node.value, bool):
        check.problem(node, f"'{key}' in {where} must be true or false, not {node.kind}")
        return False
    return bool(node.value)


def _term(check: Any, parent: Node, key: str, where: str, required: bool) -> Term | None:
    node = parent.value.get(key)
    if node is None:
        if required:
            check.problem(parent, f"{where} is missing required key '{key}'")
        return None
    if isinstance(node.value, str):
        text = check.text(parent, key, where, True)
        return Term(text.value.strip(), text.value.strip()) if text is not None else None
    if check.mapping(node, f"'{key}' in {where}") is None:
        return None
    check.unknown_keys(node, TERM_KEYS, f"'{key}' in {where}")
    technical = check.text(node, "technical", f"'{key}' in {where}", True)
    plain = check.text(node, "plain", f"'{key}' in {where}", False)
    plural = _flag(check, node, "plural", f"'{key}'")
    quality = _flag(check, node, "quality", f"'{key}'")
    if technical is None:
        return None
    plain_text = plain.value.strip() if plain is not None else technical.value.strip()
    return Term(technical.value.strip(), plain_text, plural, quality)


def _default_intervention(facts: dict[str, Any]) -> Term | None:
    technical = facts.get("intervention")
    if not isinstance(technical, str) or not technical.strip():
        return None
    plain = facts.get("plain_intervention")
    plural = facts.get("intervention_plural") is True
    return Term(technical.strip(), plain.strip() if isinstance(plain, str) and plain.strip() else technical.strip(), plural)


def _override(check: Any, item: Node, key: str, where: str) -> Override | None:
    node = check.text(item, key, where, False)
    if node is None:
        return None
    return Override(" ".join(node.value.split()), node.line, node.column)


def _aliases(check: Any, item: Node, where: str) -> tuple[str, ...]:
    node = item.value.get("aliases")
    if node is None:
        return ()
    if not isinstance(node.value, list):
        check.problem(node, f"'aliases' in {where} must be a list of the words authors use for the outcome")
        return ()
    names = []
    for alias in node.value:
        if not isinstance(alias.value, str) or not alias.value.strip():
            check.problem(alias, f"each alias in {where} must be non-empty text")
        else:
            names.append(" ".join(alias.value.split()))
    return tuple(names)


@dataclass
class _Absolute:
    """What `control_risk` and `per` gave, once checked."""

    control_risk: str | None = None
    per: int = 1000
    per_set: bool = False
    problems: list[str] = field(default_factory=list)


def _absolute(check: Any, item: Node, measure: str | None, where: str) -> _Absolute:
    found = _Absolute()
    per_node = item.value.get("per")
    if per_node is not None:
        if per_node.value not in (100, 1000, 10000, 100000) or isinstance(per_node.value, bool):
            check.problem(per_node, f"'per' in {where} must be 100, 1000, 10000 or 100000, not {per_node.value!r}")
        else:
            found.per = per_node.value
            found.per_set = True
    node = item.value.get("control_risk")
    if node is None:
        return found
    number = _raw_number(check, node, f"'control_risk' in {where}")
    if number is None:
        return found
    if not 0 < number[1] < 1:
        check.problem(node, f"'control_risk' in {where} is the risk without the intervention, a proportion between 0 "
                            f"and 1 (0.068 for 68 in 1000), not {number[0]}")
        return found
    if measure is not None and measure_kind(measure) is None:
        check.problem(node, f"'control_risk' in {where} needs a risk ratio, odds ratio or hazard ratio (RR, OR, HR), "
                            f"not {measure}")
        return found
    found.control_risk = number[0]
    return found


def validate_results(check: Any, root: Node, facts: dict[str, Any]) -> list[Result]:
    """Validate the review's `results:` list; `check` is content's validator (problems with line:col)."""
    node = root.value.get("results")
    if node is None:
        return []
    if not isinstance(node.value, list):
        check.problem(node, f"'results' must be a list of outcomes, not {node.kind}")
        return []
    results: list[Result] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(node.value):
        if check.mapping(item, "each item of 'results'") is None:
            continue
        result = _validate_result(check, item, index, facts, seen)
        if result is not None:
            results.append(result)
    return results


def _validate_result(check: Any, item: Node, index: int, facts: dict[str, Any], seen: dict[str, int]) -> Result | None:
    check.unknown_keys(item, RESULT_KEYS, "a result")
    where = f"result {index + 1}"
    id_node = check.text(item, "id", where, True)
    result_id = None
    if id_node is not None:
        result_id = id_node.value.strip()
        where = f"result '{result_id}'"
        if not RESULT_ID.match(result_id):
            check.problem(id_node, f"result id '{result_id}' must be lower-case letters, digits and underscores")
            result_id = None
        elif result_id in seen:
            check.problem(id_node, f"result id '{result_id}' is already used on line {seen[result_id]}")
            result_id = None
        else:
            seen[result_id] = id_node.line
    outcome = _term(check, item, "outcome", where, True)
    intervention = _term(check, item, "intervention", where, False)
    if intervention is None and "intervention" not in item.value:
        intervention = _default_intervention(facts)
        if intervention is None:
            check.problem(item, f"{where} has no 'intervention', and there is no fact 'intervention' to fall back on")
    comparison = _term(check, item, "comparison", where, False)
    measure_node = check.text(item, "measure", where, True)
    measure = measure_node.value.strip() if measure_node is not None else None
    if measure is not None and measure.lower() in CONTINUOUS_MEASURES and "outcome" in item.value:
        _quality_said(check, item.value["outcome"], measure, where)
    estimate = None
    estimate_node = item.value.get("estimate")
    if estimate_node is None:
        check.problem(item, f"{where} is missing required key 'estimate'")
    else:
        estimate = _raw_number(check, estimate_node, f"'estimate' in {where}")
    ci = _confidence_interval(check, item, where)
    studies = _count(check, item, "studies", where)
    participants = _count(check, item, "participants", where)
    study_word_node = check.text(item, "study_word", where, False)
    certainty = _choice(check, item, "certainty", where, CERTAINTIES, True)
    size = _choice(check, item, "size", where, SIZES, False)
    size_unset = "size" not in item.value
    direction = _choice(check, item, "direction", where, DIRECTIONS, required=False)
    if estimate is not None and ci is not None:
        (low_text, low), (high_text, high) = ci
        if not low <= estimate[1] <= high:
            check.problem(estimate_node, f"the estimate {estimate[0]} of {where} is outside its confidence interval {low_text} to {high_text}")
    if size == NO_DIFFERENCE:
        direction = None
    elif size is not None or size_unset:
        direction = _direction(check, item, measure, estimate, direction, where)
    better = _better(check, item, measure, size if size is not None or not size_unset else "unset", where)
    absolute = _absolute(check, item, measure, where)
    event = check.text(item, "event", where, False)
    comment = check.text(item, "comment", where, False)
    aliases = _aliases(check, item, where)
    plain = _override(check, item, "plain", where)
    technical = _override(check, item, "technical", where)
    parts = (result_id, outcome, intervention, measure, estimate, ci, studies, participants, certainty, better)
    at_null = size_unset and estimate is not None and measure is not None and _at_null(measure, estimate[1])
    if any(part is None for part in parts) or (size is None and not size_unset) or (size != NO_DIFFERENCE and direction is None
                                                                                 and not at_null):
        return None
    assert estimate is not None and ci is not None and measure is not None
    return Result(
        id=result_id, outcome=outcome, intervention=intervention, measure=measure,  # type: ignore[arg-type]
        estimate=estimate[0], ci_low=ci[0][0], ci_high=ci[1][0], studies=studies, participants=participants,  # type: ignore[arg-type]
        certainty=certainty, size=size, direction=direction,  # type: ignore[arg-type]
        study_word=study_word_node.value.strip() if study_word_node is not None else "studies",
        line=item.line, column=item.column, better=better, comparison=comparison,  # type: ignore[arg-type]
        control_risk=absolute.control_risk, per=absolute.per, per_set=absolute.per_set,
        event=" ".join(event.value.split()) if event is not None else None,
        aliases=aliases, plain=plain, technical=technical,
        comment=" ".join(comment.value.split()) if comment is not None else None,
    )


def _at_null(measure: str, value: float) -> bool:
    kind = measure.lower()
    return (kind in RATIO_MEASURES and value == 1.0) or (kind in DIFFERENCE_MEASURES and value == 0.0)


def _quality_said(check: Any, node: Node, measure: str, where: str) -> None:
    """A continuous result's outcome says whether it is a quality: the wording turns on it."""
    if isinstance(node.value, dict) and "quality" in node.value:
        return
    technical = node.value.get("technical") if isinstance(node.value, dict) else None
    name = technical.value if technical is not None else node.value
    check.problem(node, f"the outcome of {where} ({name!s}, a {measure}) must say whether it is a quality: "
                        f"'quality: true' for a state that gets better or worse (\"asthma control\", \"quality of life\"; "
                        f"worded improves/worsens), 'quality: false' for an amount or score that goes up or down (\"pain\", "
                        f"\"weight\"; worded reduces/increases); write the outcome as "
                        f"{{technical: ..., plain: ..., quality: true|false}}")


def _better(check: Any, item: Node, measure: str | None, size: str | None, where: str) -> str | None:
    better = _choice(check, item, "better", where, BETTER, required=False)
    if better is not None:
        return better
    if "better" in item.value:
        return None  # reported by _choice
    if measure is None or measure.lower() in EVENT_MEASURES or size in (None, NO_DIFFERENCE):
        return "lower"
    check.problem(item, f"{where} needs 'better: lower' or 'better: higher': for a {measure} the sign alone does not "
                        f"say whether the outcome got better or worse")
    return None


def _direction(check: Any, item: Node, measure: str | None, estimate: tuple[str, float] | None,
               direction: str | None, where: str) -> str | None:
    """The direction as written, checked against the estimate, or read from it when not written."""
    sides = _side(check, item, measure, estimate)
    if direction is None:
        if sides is None:
            if "direction" not in item.value:
                check.problem(item, f"{where} is missing required key 'direction' (reduce or increase): plainsum "
                                    f"cannot read it from a {measure} of {estimate[0] if estimate else '?'}")
            return None
        if sides[0] == "none":
            if "size" not in item.value:
                return None  # no size chosen yet: worded by its interval, which includes no effect
            check.problem(item, f"{where} has an estimate of exactly {sides[1]} (no effect) and a size of effect: "
                                f"give its 'direction', or use size 'little or no difference'")
            return None
        return sides[0]
    if sides is not None and sides[0] != direction and sides[0] != "none":
        node = item.value.get("direction") or item
        check.problem(node, f"{where} says '{direction}' but its {measure} of {estimate[0] if estimate else '?'} "
                            f"is on the other side of {sides[1]}")
        return None
    return direction


def _side(check: Any, item: Node, measure: str | None, estimate: tuple[str, float] | None) -> tuple[str, str] | None:
    """('reduce' | 'increase' | 'none', the no-effect value) for a measure plainsum knows, else None."""
    if measure is None or estimate is None:
        return None
    kind = measure.lower()
    if kind in RATIO_MEASURES:
        null, label = 1.0, "1"
        if estimate[1] <= 0:
            check.problem(item.value["estimate"], f"a {measure} must be above 0, not {estimate[0]}")
            return None
    elif kind in DIFFERENCE_MEASURES:
        null, label = 0.0, "0"
    else:
        return None
    if estimate[1] == null:
        return "none", label
    return ("reduce" if estimate[1] < null else "increase"), label


def _confidence_interval(check: Any, item: Node, where: str) -> tuple[tuple[str, float], tuple[str, float]] | None:
    node = item.value.get("ci")
    if node is None:
        check.problem(item, f"{where} is missing required key 'ci' (the 95% confidence interval, as [low, high])")
        return None
    if not isinstance(node.value, list) or len(node.value) != 2:
        check.problem(node, f"'ci' in {where} must be a list of two numbers, [low, high]")
        return None
    low = _raw_number(check, node.value[0], f"the lower limit of 'ci' in {where}")
    high = _raw_number(check, node.value[1], f"the upper limit of 'ci' in {where}")
    if low is None or high is None:
        return None
    if low[1] > high[1]:
        check.problem(node, f"'ci' in {where} must be [low, high]; {low[0]} is above {high[0]}")
        return None
    return low, high
