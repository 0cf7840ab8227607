"""Author prose is a Jinja template over the review's facts, rendered in a sandbox.

The sandbox (sandbox.py) sees only the facts and the filters, and bounds the time and memory a
field may use; StrictUndefined turns a misspelt fact into an error instead of an empty string;
every error, a breached limit included, is reported at its field's place in the YAML file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jinja2 import Template, TemplateError, TemplateSyntaxError, meta, nodes

from plainsum.content.filters import FILTERS
from plainsum.content.sandbox import BoundedSandbox, bound, bounded, check_text, make_sandbox, refused_construct
from plainsum.errors import Problem

if TYPE_CHECKING:
    from plainsum.content.model import Prose, Review

def make_prose_environment() -> BoundedSandbox:
    return make_sandbox(FILTERS)


_ENV = make_prose_environment()


def render_text(template: str, facts: dict[str, Any]) -> str:
    """Render one prose template (raises jinja2 errors)."""
    if "{" not in template:
        return template.strip()
    return render_parsed(parse_prose(template), facts, len(template))


def parse_prose(template: str) -> nodes.Template:
    """The parsed template; TemplateSyntaxError also for a tag or name prose may not use."""
    parsed = _ENV.parse(template)
    refused = refused_construct(parsed)
    if refused is not None:
        what, lineno = refused
        raise TemplateSyntaxError(f"prose cannot use {what}: it sees only the review's facts", lineno)
    return parsed


def render_parsed(parsed: nodes.Template, facts: dict[str, Any], length: int) -> str:
    """Render a parsed prose template of `length` characters within the sandbox's limits: text and
    {{ expressions }} part by part, anything else whole (raises TemplateError, ProseLimit among them)."""
    parts = _output_parts(parsed)
    with bounded(length):
        text = _render_parts(parts, facts) if parts is not None else _ENV.from_string(bound(parsed)).render(**facts)
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
            compiled = _COMPILED[key] = _ENV.from_string(bound(nodes.Template([nodes.Output([node], lineno=1)], lineno=1)))
        out.append(compiled.render(**facts))
    return check_text("".join(out))


# Errors a template over plain facts can only raise because of what its author wrote (the filters
# raise TemplateError for wrong input). MemoryError and RecursionError stay here as a last line:
# the sandbox's limits stop prose well before either.
AUTHOR_ERRORS = (ArithmeticError, TypeError, ValueError, LookupError, AttributeError, RecursionError, MemoryError)


def _describe(error: BaseException) -> str:
    if isinstance(error, RecursionError):
        return "it recurses too deeply"
    if isinstance(error, MemoryError):
        return "it needs more memory than there is"
    return f"{type(error).__name__}: {error}"


def _problem(review: Review, prose: Prose, offset: int, message: str) -> Problem:
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


def find_unknown_names(parsed: nodes.Template, template: str, facts: dict[str, Any], where: str) -> list[tuple[int, str]]:
    """Facts, results (and their parts) and filters a template names that do not exist, each at the
    name, with the names to choose from (plainsum.content.names)."""
    from plainsum.content import names

    found = list(names.unknown_facts(free_names(parsed), template, facts, where))
    found += names.unknown_members(parsed, template, facts, where)
    found += names.unknown_filters(parsed, template, [name for name in _ENV.filters if ":" not in name], FILTERS, where)
    return found


def check_prose_templates(review: Review) -> list[Problem]:
    """Render every piece of prose, filling review.rendered; return the problems found."""
    problems: list[Problem] = []
    for prose in review.all_prose():
        template = prose.template
        if "{" not in template:
            review.rendered[prose.key] = template.strip()
            continue
        try:
            parsed = parse_prose(template)
        except TemplateSyntaxError as exc:
            offset = _line_offset(template, exc.lineno)
            problems.append(_problem(review, prose, offset, f"template error in {prose.key}: {exc.message}"))
            continue
        unknown = find_unknown_names(parsed, template, review.facts, prose.key)
        for offset, message in unknown:
            problems.append(_problem(review, prose, offset, message))
        if unknown:
            continue
        try:
            review.rendered[prose.key] = render_parsed(parsed, review.facts, len(template))
        except TemplateError as exc:
            problems.append(_problem(review, prose, 0, f"cannot render {prose.key}: {exc}"))
        except AUTHOR_ERRORS as exc:  # what the author's expression does wrong: 1/0, 'a' + 1, a recursion
            problems.append(_problem(review, prose, 0, f"cannot render {prose.key}: {_describe(exc)}"))
    return problems
