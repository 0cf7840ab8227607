"""Results as data: each main outcome's figures and GRADE judgement, worded for both documents.

A review may list its main results under `results:`. From one entry plainsum writes the
technical sentence of Main results ("Exercise probably reduces pain (MD -8.50, 95% CI -12.10
to -4.90; 5 studies, 3008 participants; moderate-certainty evidence).") and the plain
statement of the lay summary ("Exercise probably reduces pain."), both worded by the grid in
templates/grade/grid.yaml (GRADE guideline 26, Santesso et al. 2020). Prose reaches them as
`{{ results.<id>.plain }}`, `{{ results.<id>.technical }}` and `{{ results.<id>.numbers }}`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import yaml
from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from plainsum.content.filters import thousands
from plainsum.content.yamlsource import FAST_LOADER
from plainsum.errors import InputError, Problem, display_path

if TYPE_CHECKING:
    from plainsum.content.yamlsource import Node

CERTAINTIES = ("high", "moderate", "low", "very low")
SIZES = ("large", "moderate", "small", "little or no difference")
NO_DIFFERENCE = "little or no difference"
UNSET_SIZE_WORDING = "moderate"  # a result whose size the author has not chosen yet: the statement without size words
DIRECTIONS = ("reduce", "increase")
# Measures whose "no effect" value is 1 (ratios) or 0 (differences), to check the direction.
RATIO_MEASURES = {"rr", "or", "hr", "irr", "risk ratio", "odds ratio", "hazard ratio", "rate ratio"}
DIFFERENCE_MEASURES = {"md", "smd", "rd", "mean difference", "standardised mean difference",
                       "standardized mean difference", "risk difference"}
RESULT_ID = re.compile(r"^[a-z_][a-z0-9_]*$")
RESULT_KEYS = ("id", "outcome", "intervention", "measure", "estimate", "ci", "studies", "study_word",
               "participants", "certainty", "size", "direction")
TERM_KEYS = ("technical", "plain", "plural")


@dataclass(frozen=True)
class Term:
    """A name in both registers: technical (abstract) and plain (lay summary)."""

    technical: str
    plain: str
    plural: bool = False


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

    def numbers_in_data(self) -> set[str]:
        """Every number this result states, as written (for the no-new-numbers check)."""
        return {self.estimate, self.ci_low, self.ci_high, str(self.studies), str(self.participants)}


# --- the wording grid -------------------------------------------------------------------------

def default_grid_path() -> Path:
    from plainsum.config import default_templates_dir

    return default_templates_dir() / "grade" / "grid.yaml"


_ENV = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)


@dataclass(frozen=True)
class Grid:
    """The wording grid: statements[certainty][size][direction] (or [certainty][NO_DIFFERENCE])."""

    statements: dict[str, dict[str, Any]]
    numbers_template: str
    path: str

    def cell(self, certainty: str, size: str | None, direction: str | None) -> str:
        size = size or UNSET_SIZE_WORDING
        by_size = self.statements[certainty][size]
        cell = by_size if size == NO_DIFFERENCE else by_size[direction or "reduce"]
        return str(cell)

    def statement(self, result: Result, register: str) -> str:
        """The GRADE statement for `register` ("plain" or "technical"), without a full stop."""
        intervention: Term = result.intervention
        outcome: Term = result.outcome

        def verb(word: str) -> str:
            return word[:-1] if intervention.plural and word.endswith("s") else word

        text = self._render(
            self.cell(result.certainty, result.size, result.direction),
            intervention=getattr(intervention, register),
            outcome=getattr(outcome, register),
            v=verb,
        )
        return text[:1].upper() + text[1:]

    def numbers(self, result: Result) -> str:
        studies_word = result.study_word if result.studies != 1 else _singular(result.study_word)
        return self._render(
            self.numbers_template,
            measure=result.measure,
            estimate=result.estimate,
            ci_low=result.ci_low,
            ci_high=result.ci_high,
            studies=result.studies,
            study_word=studies_word,
            participants=thousands(result.participants),
            certainty=result.certainty,
            intervention=result.intervention.technical,
            outcome=result.outcome.technical,
        )

    def _render(self, template: str, **values: Any) -> str:
        try:
            text = _ENV.from_string(template).render(**values)
        except TemplateError as exc:
            raise InputError([Problem(self.path, 1, 1, f"cannot use the wording grid: {exc}")]) from None
        return re.sub(r"\s+", " ", text).strip()


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else word


def load_grid(path: Path | None = None) -> Grid:
    """Read and validate a wording grid; every certainty and size must have its cells."""
    path = path or default_grid_path()
    return _load_grid(str(path))


@lru_cache(maxsize=8)
def _load_grid(path_text: str) -> Grid:
    path = Path(path_text)
    display = display_path(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=FAST_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise InputError([Problem(display, 1, 1, f"cannot read the wording grid: {exc}")]) from None
    problems: list[str] = []
    statements = data.get("statements") if isinstance(data, dict) else None
    numbers = data.get("numbers") if isinstance(data, dict) else None
    if not isinstance(statements, dict):
        problems.append("'statements' must be a mapping of certainty -> size -> direction")
        statements = {}
    if not isinstance(numbers, str):
        problems.append("'numbers' must be a template text")
    for certainty in CERTAINTIES:
        row = statements.get(certainty)
        if not isinstance(row, dict):
            problems.append(f"no row for certainty '{certainty}'")
            continue
        for size in SIZES:
            cell = row.get(size)
            if size == NO_DIFFERENCE:
                if not isinstance(cell, str):
                    problems.append(f"'{certainty}' / '{size}' must be one template text")
            elif not isinstance(cell, dict) or any(not isinstance(cell.get(d), str) for d in DIRECTIONS):
                problems.append(f"'{certainty}' / '{size}' needs a text for each of: {', '.join(DIRECTIONS)}")
    if problems:
        raise InputError([Problem(display, 1, 1, f"wording grid: {message}") for message in problems])
    return Grid(statements, str(numbers), str(display))


def views(results: list[Result], grid: Grid | None = None) -> dict[str, SimpleNamespace]:
    """What prose and templates see as `results.<id>`."""
    grid = grid or load_grid()
    out: dict[str, SimpleNamespace] = {}
    for result in results:
        plain = grid.statement(result, "plain")
        technical = grid.statement(result, "technical")
        numbers = grid.numbers(result)
        out[result.id] = SimpleNamespace(
            id=result.id,
            plain=plain + ".",
            technical=f"{technical} ({numbers}).",
            numbers=numbers,
            plain_clause=plain,
            technical_clause=technical,
            certainty=result.certainty,
            size=result.size,
            direction=result.direction,
            outcome=result.outcome.plain,
            technical_outcome=result.outcome.technical,
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
    plural_node = node.value.get("plural")
    plural = False
    if plural_node is not None:
        if not isinstance(plural_node.value, bool):
            check.problem(plural_node, f"'plural' in '{key}' must be true or false, not {plural_node.kind}")
        else:
            plural = plural_node.value
    if technical is None:
        return None
    plain_text = plain.value.strip() if plain is not None else technical.value.strip()
    return Term(technical.value.strip(), plain_text, plural)


def _default_intervention(facts: dict[str, Any]) -> Term | None:
    technical = facts.get("intervention")
    if not isinstance(technical, str) or not technical.strip():
        return None
    plain = facts.get("plain_intervention")
    plural = facts.get("intervention_plural") is True
    return Term(technical.strip(), plain.strip() if isinstance(plain, str) and plain.strip() else technical.strip(), plural)


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
        measure_node = check.text(item, "measure", where, True)
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
        direction = _choice(check, item, "direction", where, DIRECTIONS,
                            required=size_unset or size not in (None, NO_DIFFERENCE))
        if size == NO_DIFFERENCE:
            direction = None
        if estimate is not None and ci is not None:
            (low_text, low), (high_text, high) = ci
            if not low <= estimate[1] <= high:
                check.problem(estimate_node, f"the estimate {estimate[0]} of {where} is outside its confidence interval {low_text} to {high_text}")
        if measure_node is not None and estimate is not None and direction is not None:
            _check_direction(check, item, measure_node.value.strip(), estimate, direction, where)
        parts = (result_id, outcome, intervention, measure_node, estimate, ci, studies, participants, certainty)
        if any(part is None for part in parts) or (size is None and not size_unset) or (size != NO_DIFFERENCE and direction is None):
            continue
        assert measure_node is not None and estimate is not None and ci is not None
        assert outcome is not None and intervention is not None and isinstance(result_id, str)
        assert studies is not None and participants is not None and certainty is not None
        results.append(Result(
            id=result_id, outcome=outcome, intervention=intervention, measure=measure_node.value.strip(),
            estimate=estimate[0], ci_low=ci[0][0], ci_high=ci[1][0], studies=studies, participants=participants,
            certainty=certainty, size=size, direction=direction,
            study_word=study_word_node.value.strip() if study_word_node is not None else "studies",
            line=item.line, column=item.column,
        ))
    return results


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


def _check_direction(check: Any, item: Node, measure: str, estimate: tuple[str, float], direction: str, where: str) -> None:
    kind = measure.lower()
    if kind in RATIO_MEASURES:
        null, label = 1.0, "1"
        if estimate[1] <= 0:
            check.problem(item.value["estimate"], f"a {measure} must be above 0, not {estimate[0]}")
            return
    elif kind in DIFFERENCE_MEASURES:
        null, label = 0.0, "0"
    else:
        return
    if (direction == "reduce" and estimate[1] > null) or (direction == "increase" and estimate[1] < null):
        node = item.value.get("direction") or item
        check.problem(node, f"{where} says '{direction}' but its {measure} of {estimate[0]} is on the other side of {label}")
