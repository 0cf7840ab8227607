"""Prose is a small template language: what a prose template may write, checked on its syntax tree
before it runs.

Authors need the review's facts and results, plainsum's filters, simple conditions and loops over
their own lists; nothing else is allowed, so nothing else can make work or memory out of one line
(`{{ ['a' * 1000000] * 100000 }}` is refused before it runs, not capped while it does). The language:

- text, and `{{ expression }}`;
- `{% if %}`/`{% elif %}`/`{% else %}`, and `{% for name in <a fact list> %}` (with `{% else %}`;
  `loop.index`, `loop.index0`, `loop.revindex`, `loop.revindex0`, `loop.first`, `loop.last`,
  `loop.length` inside it);
- expressions: names (facts, `results`, `version`, a loop's variable), `.attribute` and `[constant]`
  access on them, constants (text, whole numbers, decimals, true/false/none), `~` to join texts,
  `x if condition else y`, `and`/`or`/`not`, the comparisons `==`, `!=`, `<`, `<=`, `>`, `>=`,
  `in`, `not in`, the tests in `ALLOWED_TESTS`, and the filters in `ALLOWED_FILTERS` with at most
  `MAX_FILTER_ARGUMENTS` constant arguments each (text of at most `MAX_ARGUMENT_TEXT` characters,
  numbers of at most `MAX_ARGUMENT_NUMBER`).

docs/limits.md lists the same, for authors. Everything else (arithmetic, calls, macros, `set`,
lists and mappings written in the template, slices, the other tags) is refused with what is allowed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from jinja2 import nodes
from jinja2.filters import FILTERS as JINJA_FILTERS

# plainsum's own filters (content/filters.py, and each language's in content/locale.py) and the few
# of Jinja's whose output is no longer than their input
PLAINSUM_FILTERS = ("long_date", "month_year", "iso_date", "in_words", "thousands", "number", "join_and")
TEXT_FILTERS = ("capitalize", "lower", "upper", "title", "trim", "length", "count", "first", "last",
                "default", "d", "round", "abs", "join", "sort", "reverse", "wordcount")
ALLOWED_FILTERS = frozenset((*PLAINSUM_FILTERS, *TEXT_FILTERS))
ALLOWED_TESTS = frozenset(("defined", "undefined", "none", "number", "string", "sequence", "mapping", "even", "odd",
                           "true", "false", "boolean", "integer", "float"))
LOOP_MEMBERS = frozenset(("index", "index0", "revindex", "revindex0", "first", "last", "length"))
COMPARISONS = {"eq": "==", "ne": "!=", "lt": "<", "lteq": "<=", "gt": ">", "gteq": ">=", "in": "in", "notin": "not in"}
MAX_FILTER_ARGUMENTS = 2
MAX_ARGUMENT_TEXT = 200
MAX_ARGUMENT_NUMBER = 100
ALLOWED_SUMMARY = (
    "prose may use text, {{ expressions }}, {% if %}/{% elif %}/{% else %} and {% for x in a_fact_list %}; "
    "expressions are facts and results with .name or [constant], constants, ~, 'x if c else y', and/or/not, "
    "comparisons (== != < <= > >= in), 'is' tests and the filters "
    + ", ".join(sorted(ALLOWED_FILTERS)) + " (docs/limits.md)"
)


@dataclass(frozen=True)
class Refusal:
    """A construct prose may not use: what it is, its line in the template, and text to find in that
    line (the construct as written, so the message points at its column)."""

    what: str
    lineno: int
    spelling: str

    @property
    def message(self) -> str:
        return f"prose cannot use {self.what}: {ALLOWED_SUMMARY}"


class _Refused(Exception):
    def __init__(self, refusal: Refusal):
        super().__init__(refusal.what)
        self.refusal = refusal


def check_language(parsed: nodes.Template) -> Refusal | None:
    """The first construct of `parsed` outside the prose language, or None if all of it is inside."""
    try:
        _Checker().statements(parsed.body, loop_names=frozenset(), in_loop=False)
    except _Refused as refused:
        return refused.refusal
    return None


def _refuse(what: str, node: nodes.Node, spelling: str = "") -> _Refused:
    return _Refused(Refusal(what, getattr(node, "lineno", 1) or 1, spelling))


_TAG_NAMES: dict[type[nodes.Node], str] = {
    nodes.Macro: "macro", nodes.CallBlock: "call", nodes.FilterBlock: "filter", nodes.With: "with",
    nodes.Assign: "set", nodes.AssignBlock: "set", nodes.Include: "include", nodes.Import: "import",
    nodes.FromImport: "from", nodes.Extends: "extends", nodes.Block: "block", nodes.Scope: "with",
    nodes.ScopedEvalContextModifier: "autoescape", nodes.EvalContextModifier: "autoescape",
    nodes.ExprStmt: "do", nodes.Continue: "continue", nodes.Break: "break",
}
_OPERATORS: dict[type[nodes.Node], str] = {
    nodes.Add: "+", nodes.Sub: "-", nodes.Mul: "*", nodes.Div: "/", nodes.FloorDiv: "//", nodes.Mod: "%",
    nodes.Pow: "**", nodes.Neg: "-", nodes.Pos: "+",
}


class _Checker:
    def statements(self, body: list[nodes.Node], loop_names: frozenset[str], in_loop: bool) -> None:
        for node in body:
            self.statement(node, loop_names, in_loop)

    def statement(self, node: nodes.Node, loop_names: frozenset[str], in_loop: bool) -> None:
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                if not isinstance(child, nodes.TemplateData):
                    self.expression(child, loop_names, in_loop)
            return
        if isinstance(node, nodes.If):
            self.expression(node.test, loop_names, in_loop)
            self.statements(node.body, loop_names, in_loop)
            for elif_ in node.elif_:
                self.statement(elif_, loop_names, in_loop)
            self.statements(node.else_, loop_names, in_loop)
            return
        if isinstance(node, nodes.For):
            if node.recursive:
                raise _refuse("a recursive loop", node, "recursive")
            if not isinstance(node.target, nodes.Name):
                raise _refuse("a loop over more than one name", node, "for")
            if node.target.name in ("loop", "results", "version"):
                raise _refuse(f"'{node.target.name}' as a loop's name", node, node.target.name)
            self.fact_list(node.iter, loop_names, in_loop)
            inner = loop_names | {node.target.name}
            if node.test is not None:
                self.expression(node.test, inner, True)
            self.statements(node.body, inner, True)
            self.statements(node.else_, loop_names, in_loop)
            return
        name = _TAG_NAMES.get(type(node))
        if name is not None:
            raise _refuse(f"{{% {name} %}}", node, name)
        raise _refuse(f"the tag {type(node).__name__}", node)

    def fact_list(self, node: nodes.Node, loop_names: frozenset[str], in_loop: bool) -> None:
        """What a loop goes over: a fact or a part of one (checked to be a list when it runs), maybe sorted or reversed."""
        if isinstance(node, nodes.Filter) and node.name in ("sort", "reverse") and not node.args and not node.kwargs \
                and node.node is not None:
            self.fact_list(node.node, loop_names, in_loop)
            return
        if isinstance(node, (nodes.Name, nodes.Getattr, nodes.Getitem)):
            self.expression(node, loop_names, in_loop)
            return
        raise _refuse("a loop over anything but a list of the review's facts", node, "for")

    def expression(self, node: nodes.Node, loop_names: frozenset[str], in_loop: bool) -> None:
        if isinstance(node, nodes.Name):
            if node.ctx != "load":
                raise _refuse(f"an assignment to '{node.name}'", node, node.name)
            if node.name == "loop" and not in_loop:
                raise _refuse("'loop' outside a loop", node, "loop")
            if node.name == "loop":
                raise _refuse("'loop' itself (write loop.index, loop.first, loop.last, ...)", node, "loop")
            if node.name.startswith("_") or node.name == "self":
                raise _refuse(f"the name '{node.name}'", node, node.name)
            return
        if isinstance(node, nodes.Const):
            if not isinstance(node.value, (str, int, float, bool, type(None))):
                raise _refuse("that constant", node)
            if isinstance(node.value, int) and not isinstance(node.value, bool) and abs(node.value) > 10**15:
                raise _refuse("a number that long", node, str(node.value)[:8])
            if isinstance(node.value, float) and not math.isfinite(node.value):
                raise _refuse("a number too large to write (1e999 is infinite)", node, "e")
            return
        if isinstance(node, nodes.Getattr):
            if isinstance(node.node, nodes.Name) and node.node.name == "loop":
                if not in_loop:
                    raise _refuse("'loop' outside a loop", node, "loop")
                if node.attr not in LOOP_MEMBERS:
                    raise _refuse(f"loop.{node.attr}", node, f"loop.{node.attr}")
                return
            if node.attr.startswith("_"):
                raise _refuse(f"the attribute '{node.attr}'", node, node.attr)
            self.reference(node.node, loop_names, in_loop)
            return
        if isinstance(node, nodes.Getitem):
            if isinstance(node.arg, nodes.Slice):
                raise _refuse("a slice ([a:b])", node, ":")
            if not isinstance(node.arg, nodes.Const) or not isinstance(node.arg.value, (str, int)) \
                    or isinstance(node.arg.value, bool):
                raise _refuse("[...] with anything but a constant name or number inside", node, "[")
            if isinstance(node.arg.value, str) and node.arg.value.startswith("_"):
                raise _refuse(f"the item '{node.arg.value}'", node, node.arg.value)
            self.reference(node.node, loop_names, in_loop)
            return
        if isinstance(node, nodes.Filter):
            self.filter(node, loop_names, in_loop)
            return
        if isinstance(node, nodes.Test):
            if node.name not in ALLOWED_TESTS:
                raise _refuse(f"the test 'is {node.name}'", node, node.name)
            if node.args or node.kwargs or node.dyn_args or node.dyn_kwargs:
                raise _refuse(f"arguments to the test 'is {node.name}'", node, node.name)
            self.expression(node.node, loop_names, in_loop)
            return
        if isinstance(node, nodes.Compare):
            self.expression(node.expr, loop_names, in_loop)
            for operand in node.ops:
                if operand.op not in COMPARISONS:
                    raise _refuse(f"the comparison '{operand.op}'", node)
                self.expression(operand.expr, loop_names, in_loop)
            return
        if isinstance(node, (nodes.And, nodes.Or)):
            self.expression(node.left, loop_names, in_loop)
            self.expression(node.right, loop_names, in_loop)
            return
        if isinstance(node, nodes.Not):
            self.expression(node.node, loop_names, in_loop)
            return
        if isinstance(node, nodes.CondExpr):
            self.expression(node.test, loop_names, in_loop)
            self.expression(node.expr1, loop_names, in_loop)
            if node.expr2 is not None:
                self.expression(node.expr2, loop_names, in_loop)
            return
        if isinstance(node, nodes.Concat):
            for child in node.nodes:
                self.expression(child, loop_names, in_loop)
            return
        operator = _OPERATORS.get(type(node))
        if operator is not None:
            raise _refuse(f"arithmetic ('{operator}')", node, operator.strip())
        if isinstance(node, nodes.Call):
            raise _refuse("a call (name(...))", node, "(")
        if isinstance(node, (nodes.List, nodes.Tuple)):
            raise _refuse("a list written in the prose ([...])", node, "[")
        if isinstance(node, nodes.Dict):
            raise _refuse("a mapping written in the prose ({...})", node, "{")
        raise _refuse(f"the expression {type(node).__name__}", node)

    def reference(self, node: nodes.Node, loop_names: frozenset[str], in_loop: bool) -> None:
        """What .attribute or [item] is taken of: a name or another access, nothing computed."""
        if isinstance(node, (nodes.Name, nodes.Getattr, nodes.Getitem)):
            self.expression(node, loop_names, in_loop)
            return
        raise _refuse(".name or [item] of anything but a fact or a result", node)

    def filter(self, node: nodes.Filter, loop_names: frozenset[str], in_loop: bool) -> None:
        if node.name not in ALLOWED_FILTERS:
            if node.name not in JINJA_FILTERS:
                return  # no filter of that name at all: reported as unknown, with the name meant (content/names.py)
            raise _refuse(f"the filter '{node.name}'", node, node.name)
        if node.node is None:
            raise _refuse(f"the filter '{node.name}' as a block", node, node.name)
        if node.dyn_args is not None or node.dyn_kwargs is not None:
            raise _refuse(f"* or ** arguments to the filter '{node.name}'", node, node.name)
        arguments = [*node.args, *(pair.value for pair in node.kwargs)]
        if len(arguments) > MAX_FILTER_ARGUMENTS:
            raise _refuse(f"more than {MAX_FILTER_ARGUMENTS} arguments to the filter '{node.name}'", node, node.name)
        for argument in arguments:
            if not isinstance(argument, nodes.Const):
                raise _refuse(f"an argument to the filter '{node.name}' that is not a constant", node, node.name)
            value = argument.value
            if isinstance(value, str) and len(value) > MAX_ARGUMENT_TEXT:
                raise _refuse(f"a text of more than {MAX_ARGUMENT_TEXT} characters as an argument to '{node.name}'",
                              node, node.name)
            if isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) > MAX_ARGUMENT_NUMBER:
                raise _refuse(f"a number over {MAX_ARGUMENT_NUMBER} as an argument to '{node.name}'", node, node.name)
            if not isinstance(value, (str, int, float, bool, type(None))):
                raise _refuse(f"that argument to the filter '{node.name}'", node, node.name)
        self.expression(node.node, loop_names, in_loop)


def free_names(parsed: nodes.Template) -> set[str]:
    """The names a template in the prose language looks up outside its loops' own names (all must
    be facts); found on the tree alone (Jinja's own way compiles it, which fails on an unknown filter)."""
    found: set[str] = set()

    def visit(node: nodes.Node, bound: frozenset[str]) -> None:
        if isinstance(node, nodes.For):
            visit(node.iter, bound)
            targets = [node.target, *node.target.find_all(nodes.Name)]
            inner = bound | {name.name for name in targets if isinstance(name, nodes.Name)} | {"loop"}
            for child in [*node.body, *([node.test] if node.test is not None else [])]:
                visit(child, inner)
            for child in node.else_:
                visit(child, bound)
            return
        if isinstance(node, nodes.Name):
            if node.ctx == "load" and node.name not in bound:
                found.add(node.name)
            return
        for child in node.iter_child_nodes():
            visit(child, bound)

    visit(parsed, frozenset())
    return found
