"""Author prose is a Jinja template over the review's facts, rendered in a sandbox.

The sandbox refuses unsafe attribute access, StrictUndefined turns a misspelt fact into an
error instead of an empty string, and every error is reported at its place in the YAML file.
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING, Any

from jinja2 import StrictUndefined, Template, TemplateError, TemplateSyntaxError, meta, nodes
from jinja2.sandbox import SandboxedEnvironment

from plainsum.errors import Problem

if TYPE_CHECKING:
    from plainsum.content import Prose, Review

SMALL_NUMBERS = (
    "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
)


def long_date(value: Any) -> str:
    """15 October 2013."""
    _require_date(value, "long_date")
    return f"{value.day} {value:%B %Y}"


def month_year(value: Any) -> str:
    """October 2013."""
    _require_date(value, "month_year")
    return f"{value:%B %Y}"


def iso_date(value: Any) -> str:
    _require_date(value, "iso_date")
    return value.isoformat()


def _require_date(value: Any, name: str) -> None:
    if not isinstance(value, datetime.date):
        raise TemplateError(f"the filter '{name}' needs a date, not {value!r}")


def in_words(value: Any) -> str:
    """Whole numbers up to twenty as words (0 as 'no'), larger ones as digits."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TemplateError(f"the filter 'in_words' needs a whole number, not {value!r}")
    return SMALL_NUMBERS[value] if 0 <= value < len(SMALL_NUMBERS) else thousands(value)


def thousands(value: Any) -> str:
    """12,345 (numbers of four digits are left alone, as Cochrane style does)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TemplateError(f"the filter 'thousands' needs a number, not {value!r}")
    if isinstance(value, int) and abs(value) < 10000:
        return str(value)
    return f"{value:,}"


def join_and(values: Any, conjunction: str = "and") -> str:
    """A, B, and C."""
    if isinstance(values, str) or not isinstance(values, (list, tuple)):
        raise TemplateError(f"the filter 'join_and' needs a list, not {values!r}")
    items = [str(v) for v in values]
    if len(items) <= 2:
        return f" {conjunction} ".join(items)
    return ", ".join(items[:-1]) + f", {conjunction} " + items[-1]


FILTERS = {
    "long_date": long_date,
    "month_year": month_year,
    "iso_date": iso_date,
    "in_words": in_words,
    "thousands": thousands,
    "join_and": join_and,
}


def make_prose_environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)
    env.filters.update(FILTERS)
    return env


_ENV = make_prose_environment()


def render_text(template: str, facts: dict[str, Any]) -> str:
    """Render one prose template (raises jinja2 errors)."""
    if "{" not in template:
        return template.strip()
    return render_parsed(_ENV.parse(template), facts)


def render_parsed(parsed: nodes.Template, facts: dict[str, Any]) -> str:
    """Render a parsed prose template: text and {{ expressions }} part by part, anything else whole."""
    parts = _output_parts(parsed)
    text = _render_parts(parts, facts) if parts is not None else _ENV.from_string(parsed).render(**facts)
    return text.strip()


def free_names(parsed: nodes.Template) -> set[str]:
    """The names a parsed prose template looks up (all must be facts)."""
    if _output_parts(parsed) is not None:  # text and expressions only: every name comes from the facts
        return {node.name for node in parsed.find_all(nodes.Name) if node.ctx == "load"}
    return meta.find_undeclared_variables(parsed)


def _output_parts(parsed: nodes.Template) -> list[nodes.Node] | None:
    """The text and expressions of a template made of nothing else (most prose: "... up to
    {{ search_date | long_date }} ..."), or None for one with tags ({% if %} and the like)."""
    if len(parsed.body) == 1 and isinstance(parsed.body[0], nodes.Output):
        return list(parsed.body[0].nodes)
    return None


_COMPILED: dict[str, Template] = {}  # one-expression templates, by the expression


def _render_parts(parts: list[nodes.Node], facts: dict[str, Any]) -> str:
    """What the whole template renders to, from its parts: each expression is compiled once as a
    template of its own and kept, so the 1,400 corpus reviews that write
    `{{ search_date | long_date }}` into different sentences compile it once, not 1,400 times
    (compiling was most of the time spent on prose)."""
    out = []
    for node in parts:
        if isinstance(node, nodes.TemplateData):
            out.append(node.data)
            continue
        key = repr(node)
        compiled = _COMPILED.get(key)
        if compiled is None:
            if len(_COMPILED) >= 1024:
                _COMPILED.clear()
            compiled = _COMPILED[key] = _ENV.from_string(nodes.Template([nodes.Output([node], lineno=1)], lineno=1))
        out.append(compiled.render(**facts))
    return "".join(out)


def _problem(review: "Review", prose: "Prose", offset: int, message: str) -> Problem:
    line, column = prose.locate(offset)
    return Problem(review.source.display, line, column, message)


def _line_offset(template: str, lineno: int | None) -> int:
    if not lineno or lineno <= 1:
        return 0
    position = 0
    for _ in range(lineno - 1):
        nxt = template.find("\n", position)
        if nxt < 0:
            break
        position = nxt + 1
    return position


def check_prose_templates(review: "Review") -> list[Problem]:
    """Render every piece of prose, filling review.rendered; return the problems found."""
    problems: list[Problem] = []
    for prose in review.all_prose():
        template = prose.template
        if "{" not in template:
            review.rendered[prose.key] = template.strip()
            continue
        try:
            parsed = _ENV.parse(template)
        except TemplateSyntaxError as exc:
            offset = _line_offset(template, exc.lineno)
            problems.append(_problem(review, prose, offset, f"template error in {prose.key}: {exc.message}"))
            continue
        missing = sorted(free_names(parsed) - set(review.facts))
        for name in missing:
            match = re.search(r"\{[{%][^}]*?\b" + re.escape(name) + r"\b", template)
            offset = match.start() if match else 0
            known = ", ".join(sorted(review.facts)) or "none"
            problems.append(_problem(review, prose, offset, f"undefined fact '{name}' in {prose.key} (facts defined: {known})"))
        if missing:
            continue
        try:
            review.rendered[prose.key] = render_parsed(parsed, review.facts)
        except TemplateError as exc:
            problems.append(_problem(review, prose, 0, f"cannot render {prose.key}: {exc}"))
    return problems
