"""The GRADE wording grid: which words state a result, by certainty, size and verb of the effect.

The grid is data, `grade/grid.yaml` in the template search path: a project's
`templates/grade/grid.yaml` replaces plainsum's, file by file like every other template, and a
review in another language uses `grade/<language>/grid.yaml` when there is one. Each cell is a small
sandboxed Jinja template (see the default grid for what it may use).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Protocol

from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from plainsum.errors import InputError, Problem, display_path
from plainsum.files.yamlsource import load_data
from plainsum.words.numbers import singular, thousands

CERTAINTIES = ("high", "moderate", "low", "very low")
SIZES = ("large", "moderate", "small", "little or no difference")
NO_DIFFERENCE = "little or no difference"
UNSET_SIZE_WORDING = "moderate"  # a result whose size the author has not chosen yet: the statement without size words
# reduce/increase for events and amounts; improve/worsen for an outcome named as a quality
VERBS = ("reduce", "increase", "improve", "worsen")
GRID_FILE = "grid.yaml"


class TemplateFinder(Protocol):
    """What the grid needs of the template search path (render.TemplateSet has it)."""

    def find(self, name: str) -> Path | None: ...


def default_grid_path() -> Path:
    from plainsum.config.paths import default_templates_dir

    return default_templates_dir() / "grade" / GRID_FILE


def grade_file(templates: TemplateFinder | None, name: str, language: str = "en") -> Path:
    """`grade/<language>/<name>` or `grade/<name>`, searched in the project's templates first."""
    if templates is None:
        from plainsum.config.paths import default_templates_dir

        defaults = default_templates_dir() / "grade"
        specific = defaults / language / name
        return specific if language != "en" and specific.is_file() else defaults / name
    candidates = ([f"grade/{language}/{name}"] if language != "en" else []) + [f"grade/{name}"]
    for candidate in candidates:
        found = templates.find(candidate)
        if found is not None:
            return found
    return default_grid_path().parent / name


class Name(Protocol):
    """A name in both registers (content.results.Term)."""

    @property
    def technical(self) -> str: ...
    @property
    def plain(self) -> str: ...
    @property
    def plural(self) -> bool: ...


class Worded(Protocol):
    """What the grid reads of a result (content.results.Result)."""

    @property
    def intervention(self) -> Name: ...
    @property
    def outcome(self) -> Name: ...
    @property
    def certainty(self) -> str: ...
    @property
    def size(self) -> str | None: ...
    @property
    def verb(self) -> str | None: ...
    @property
    def measure(self) -> str: ...
    @property
    def estimate(self) -> str: ...
    @property
    def ci_low(self) -> str: ...
    @property
    def ci_high(self) -> str: ...
    @property
    def studies(self) -> int: ...
    @property
    def study_word(self) -> str: ...
    @property
    def participants(self) -> int: ...


_ENV = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)
# Errors a cell of a project's grid can only raise because of what its author wrote (Jinja raises
# TemplateError for the rest); a cell compiles and renders when a result is worded.
_CELL_ERRORS = (ArithmeticError, TypeError, ValueError, LookupError, AttributeError, RecursionError)


# A name inserted into a cell is marked while the cell renders, so that the language's contractions
# apply where a word of the cell meets the name's first word ("de" + "el riesgo" -> "del riesgo").
NAME_OPEN, NAME_CLOSE = "\ue010", "\ue011"


@dataclass(frozen=True)
class Grid:
    """The wording grid: statements[certainty][size][verb] (or [certainty][NO_DIFFERENCE]), and the
    language's contractions: "<word of a cell> <first word of a name>" -> the contracted form."""

    statements: dict[str, dict[str, Any]]
    numbers_template: str
    path: str
    contractions: dict[str, str] = field(default_factory=dict)

    @cached_property
    def _contraction(self) -> re.Pattern[str] | None:
        """A cell's word (any case: a cell may start with it), spaces, and the marked name's first word."""
        if not self.contractions:
            return None
        words = "|".join(sorted({re.escape(pair.split()[0]) for pair in self.contractions}, key=len, reverse=True))
        return re.compile(r"(?<!\w)(" + words + r")\s+" + NAME_OPEN + r"([^\s" + NAME_CLOSE + r"]+)(?=[\s" + NAME_CLOSE + "])",
                          re.IGNORECASE)

    def contract(self, text: str) -> str:
        """`text` with the language's contractions made where a word of the cell meets a marked name
        (its first word as written: "El Salvador" is not "el"), and the marks taken out."""
        pattern = self._contraction
        if pattern is not None and NAME_OPEN in text:
            rules = {" ".join(pair.lower().split()[:1] + pair.split()[1:]): value for pair, value in self.contractions.items()}

            def contracted(match: re.Match[str]) -> str:
                before, first = match.group(1), match.group(2)
                found = rules.get(f"{before.lower()} {first}")
                if found is None:
                    return match.group(0)
                return NAME_OPEN + (found[:1].upper() + found[1:] if before[:1].isupper() else found)

            text = pattern.sub(contracted, text)
        return text.replace(NAME_OPEN, "").replace(NAME_CLOSE, "")

    def cell(self, certainty: str, size: str | None, verb: str | None) -> str:
        size = size or UNSET_SIZE_WORDING
        by_size = self.statements[certainty][size]
        return str(by_size if size == NO_DIFFERENCE else by_size[verb or "reduce"])

    def statement(self, result: Worded, register: str) -> str:
        """The GRADE statement for `register` ("plain" or "technical"), without a full stop."""
        intervention = result.intervention
        outcome = result.outcome
        text = self._render(
            self.cell(result.certainty, getattr(result, "worded_size", result.size), result.verb),
            intervention=_marked(getattr(intervention, register)),
            outcome=_marked(getattr(outcome, register)),
            v=agreeing(intervention.plural),
        )
        return text[:1].upper() + text[1:]

    def numbers(self, result: Worded) -> str:
        studies_word = result.study_word if result.studies != 1 else singular(result.study_word)
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
            intervention=_marked(result.intervention.technical),
            outcome=_marked(result.outcome.technical),
        )

    def _render(self, template: str, **values: Any) -> str:
        try:
            text = _ENV.from_string(template).render(**values)
        except TemplateError as exc:
            raise InputError([Problem(self.path, 1, 1, f"cannot use the wording grid: {exc}")]) from None
        except _CELL_ERRORS as exc:  # what a project's cell does wrong ({{ outcome + 1 }}, a number of 5,000 digits)
            cause = "it nests too deeply" if isinstance(exc, RecursionError) else f"{type(exc).__name__}: {str(exc)[:200]}"
            raise InputError([Problem(self.path, 1, 1, f"cannot use the wording grid: the cell {template[:80]!r} fails: "
                                                       f"{cause}")]) from None
        return self.contract(re.sub(r"\s+", " ", text).strip())


def _marked(name: str) -> str:
    return NAME_OPEN + name + NAME_CLOSE


def agreeing(plural: bool) -> Callable[[str], str]:
    """v("reduces") -> "reduce" when the intervention is plural ("health checks reduce ...")."""

    def verb(word: str) -> str:
        return word[:-1] if plural and word.endswith("s") else word

    return verb


def load_grid(path: Path | None = None) -> Grid:
    """Read and validate a wording grid; every certainty, size and verb must have its cell."""
    path = path or default_grid_path()
    return _load_grid(str(path))


def read_grade_file(path_text: str, what: str) -> tuple[Any, str]:
    """The data of a file of grade/ (a wording grid, a claim vocabulary) and its display path;
    InputError, at the file, when it cannot be read as YAML."""
    path = Path(path_text)
    display = display_path(path)
    try:
        data = load_data(path, display)  # the content files' caps: a project's grid is input too
    except InputError as error:
        raise InputError([Problem(p.path, p.line, p.column, f"{p.message} (in the {what})") for p in error.problems]) from None
    return data, display


@lru_cache(maxsize=8)
def _load_grid(path_text: str) -> Grid:
    data, display = read_grade_file(path_text, "wording grid")
    problems: list[str] = []
    statements = data.get("statements") if isinstance(data, dict) else None
    numbers = data.get("numbers") if isinstance(data, dict) else None
    if not isinstance(statements, dict):
        problems.append("'statements' must be a mapping of certainty -> size -> verb")
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
            elif not isinstance(cell, dict) or any(not isinstance(cell.get(verb), str) for verb in VERBS):
                problems.append(f"'{certainty}' / '{size}' needs a text for each of: {', '.join(VERBS)}")
    contractions = _contractions(data.get("contractions", {}) if isinstance(data, dict) else {}, problems)
    if problems:
        raise InputError([Problem(display, 1, 1, f"wording grid: {message}") for message in problems])
    assert isinstance(numbers, str)
    return Grid(statements, numbers, display, contractions)


def _contractions(table: Any, problems: list[str]) -> dict[str, str]:
    """`contractions:` of a grid: "de el": del, one entry per pair of a cell's word and a name's first word."""
    if not isinstance(table, dict):
        problems.append("'contractions' must be a mapping of two words (\"de el\") to their contracted form (del)")
        return {}
    found = {}
    for pair, contracted in table.items():
        if not isinstance(pair, str) or len(pair.split()) != 2 or not isinstance(contracted, str) or not contracted.strip():
            problems.append(f"contraction {pair!r}: it must be two words (\"de el\") and give one form (del)")
            continue
        found[" ".join(pair.split())] = contracted.strip()
    return found
