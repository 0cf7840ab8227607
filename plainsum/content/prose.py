"""Author prose is a Jinja template over the review's facts, rendered in a sandbox.

The sandbox (sandbox.py) sees only the facts and the filters, and bounds the time and memory a
field may use; StrictUndefined turns a misspelt fact into an error instead of an empty string;
every error, a breached limit included, is reported at its field's place in the YAML file.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from jinja2 import Template, TemplateError, TemplateSyntaxError, nodes

from plainsum.content.filters import FILTERS
from plainsum.content.prose_language import ALLOWED_FILTERS, check_language
from plainsum.content.prose_language import free_names as language_free_names
from plainsum.content.sandbox import BoundedSandbox, bound, bounded, check_text, make_sandbox, refused_construct
from plainsum.errors import Problem

if TYPE_CHECKING:
    from plainsum.content.locale import Locale
    from plainsum.content.model import Prose, Review

def make_prose_environment(locale: Locale | None = None) -> BoundedSandbox:
    return make_sandbox(FILTERS if locale is None else locale.filters())


_ENV = make_prose_environment()
_LOCALE_ENVS: dict[tuple[str, tuple[str, ...]], BoundedSandbox] = {}  # by language and its catalogs


def prose_environment(locale: Locale | None) -> BoundedSandbox:
    """The sandbox whose filters write dates, numbers and lists in the language of `locale`."""
    if locale is None or locale.is_source:
        return _ENV
    key = (locale.code, tuple(map(str, locale.catalogs)))
    env = _LOCALE_ENVS.get(key)
    if env is None:
        env = _LOCALE_ENVS[key] = make_prose_environment(locale)
    return env


def render_text(template: str, facts: dict[str, Any]) -> str:
    """Render one prose template (raises jinja2 errors)."""
    if "{" not in template:
        return template.strip()
    return render_parsed(parse_prose(template), facts, len(template))


class ProseRefused(TemplateSyntaxError):
    """A construct outside the prose language (prose_language.py), with the text to find it by in its line."""

    def __init__(self, message: str, lineno: int, spelling: str):
        super().__init__(message, lineno)
        self.spelling = spelling


# Prose that is text and `{{ name }}`, `{{ name.part }}` or `{{ name | filter }}` on one line each (nearly all of
# it: the importers write "searched {{ search_date | long_date }}"), without a brace, a carriage return or a
# newline at its end elsewhere: what Jinja's parser makes of it is known, so its tree is made directly (Jinja's
# lexer and parser were most of the cost of reading prose; tests/test_prose_fast_parse.py holds the two equal,
# line numbers too). A word Jinja reads as a constant or an operator is left to Jinja.
_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_SIMPLE_EXPRESSION = re.compile(r"\{\{ *(" + _NAME + r"(?:\." + _NAME + r")*(?: *\| *" + _NAME + r")*) *\}\}")
_SIMPLE_PROSE = re.compile(r"[^{}\r]*(?:" + _SIMPLE_EXPRESSION.pattern + r"[^{}\r]*)*")
_KEYWORDS = frozenset({"true", "false", "none", "True", "False", "None", "not", "and", "or", "in", "is", "if", "else"})


def _simple_parse(template: str) -> nodes.Template | None:
    """The tree Jinja's parser makes of simple prose (see above), or None for any other."""
    if template.endswith("\n") or _SIMPLE_PROSE.fullmatch(template) is None:
        return None
    parts: list[nodes.Node] = []
    line = 1
    end = 0
    for match in _SIMPLE_EXPRESSION.finditer(template):
        data = template[end:match.start()]
        if data:
            parts.append(nodes.TemplateData(data, lineno=line))
            line += data.count("\n")
        path, *filters = (part.strip() for part in match.group(1).split("|"))
        name, *attributes = path.split(".")
        if _KEYWORDS.intersection((name, *attributes, *filters)):
            return None
        node: nodes.Expr = nodes.Name(name, "load", lineno=line)
        for attribute in attributes:
            node = nodes.Getattr(node, attribute, "load", lineno=line)
        for name in filters:
            node = nodes.Filter(node, name, [], [], None, None, lineno=line)
        parts.append(node)
        end = match.end()
    if template[end:]:
        parts.append(nodes.TemplateData(template[end:], lineno=line))
    parsed = nodes.Template([nodes.Output(parts, lineno=parts[0].lineno)] if parts else [], lineno=1)
    parsed.set_environment(_ENV)
    return parsed


def parse_prose(template: str) -> nodes.Template:
    """The parsed template; TemplateSyntaxError also for a construct outside the prose language."""
    parsed = _simple_parse(template)
    if parsed is None:
        parsed = _ENV.parse(template)
    refused = refused_construct(parsed)
    if refused is not None:
        what, lineno = refused
        raise ProseRefused(f"prose cannot use {what}: it sees only the review's facts", lineno, what.strip("{}% '"))
    refusal = check_language(parsed)
    if refusal is not None:
        raise ProseRefused(refusal.message, refusal.lineno, refusal.spelling)
    return parsed


def render_parsed(parsed: nodes.Template, facts: dict[str, Any], length: int, env: BoundedSandbox = _ENV) -> str:
    """Render a parsed prose template of `length` characters within the sandbox's limits: text and
    {{ expressions }} part by part, anything else whole (raises TemplateError, ProseLimit among them).
    `env`: the sandbox of a translation's language (prose_environment)."""
    parts = _output_parts(parsed)
    with bounded(length):
        text = _render_parts(parts, facts, env) if parts is not None else env.from_string(bound(parsed)).render(**facts)
    return text.strip()


def free_names(parsed: nodes.Template) -> set[str]:
    """The names a parsed prose template looks up (all must be facts)."""
    return language_free_names(parsed)


def _output_parts(parsed: nodes.Template) -> list[nodes.Node] | None:
    """The text and expressions of a template made of nothing else (most prose: "... up to
    {{ search_date | long_date }} ..."), or None for one with tags ({% if %} and the like)."""
    if len(parsed.body) == 1 and isinstance(parsed.body[0], nodes.Output):
        return list(parsed.body[0].nodes)
    return None


_COMPILED: dict[tuple[int, str], Template] = {}  # one-expression templates, by environment and expression


def _render_parts(parts: list[nodes.Node], facts: dict[str, Any], env: BoundedSandbox = _ENV) -> str:
    """What the whole template renders to, from its parts: each expression is compiled once as a
    template of its own and kept, so the 1,400 corpus reviews that write
    `{{ search_date | long_date }}` into different sentences compile it once, not 1,400 times
    (compiling was most of the time spent on prose)."""
    out = []
    for node in parts:
        if isinstance(node, nodes.TemplateData):
            out.append(node.data)
            continue
        key = (id(env), repr(node))
        compiled = _COMPILED.get(key)
        if compiled is None:
            if len(_COMPILED) >= 1024:
                _COMPILED.clear()
            compiled = _COMPILED[key] = env.from_string(bound(nodes.Template([nodes.Output([node], lineno=1)], lineno=1)))
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
    allowed = [name for name in _ENV.filters if name in ALLOWED_FILTERS]
    found += names.unknown_filters(parsed, template, allowed, FILTERS, where)
    return found


def check_prose_templates(review: Review, locale: Locale | None = None) -> list[Problem]:
    """Render every piece of prose, filling review.rendered; return the problems found.
    `locale`: the language whose filters write the facts (a translation's)."""
    env = prose_environment(locale)
    problems: list[Problem] = []
    for prose in review.all_prose():
        template = prose.template
        if "{" not in template:
            review.rendered[prose.key] = template.strip()
            continue
        try:
            parsed = parse_prose(template)
        except (RecursionError, ValueError):  # Jinja's parser recursing, or reading a number of thousands of digits
            problems.append(_problem(review, prose, 0, f"template error in {prose.key}: the prose nests too deeply "
                                                       "or writes a number too long to read"))
            continue
        except TemplateSyntaxError as exc:
            offset = _line_offset(template, exc.lineno)
            if isinstance(exc, ProseRefused) and exc.spelling:
                line_end = template.find("\n", offset)
                found = template.find(exc.spelling, offset, line_end if line_end >= 0 else len(template))
                offset = found if found >= 0 else offset
            problems.append(_problem(review, prose, offset, f"template error in {prose.key}: {exc.message}"))
            continue
        unknown = find_unknown_names(parsed, template, review.facts, prose.key)
        for offset, message in unknown:
            problems.append(_problem(review, prose, offset, message))
        if unknown:
            continue
        try:
            review.rendered[prose.key] = render_parsed(parsed, review.facts, len(template), env)
        except TemplateError as exc:
            problems.append(_problem(review, prose, 0, f"cannot render {prose.key}: {exc}"))
        except AUTHOR_ERRORS as exc:  # what the author's expression does wrong: 1/0, 'a' + 1, a recursion
            problems.append(_problem(review, prose, 0, f"cannot render {prose.key}: {_describe(exc)}"))
    return problems
