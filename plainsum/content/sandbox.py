"""The sandbox for author prose: Jinja with nothing but the review's facts and a bounded amount of work.

Prose is untrusted input (co-authors, editors, imported records). What a prose template may write is
checked on its syntax tree before it runs (prose_language.py: facts, filters, if, for over a fact
list, comparisons); this sandbox is the second line, and the budget of the whole run:
- a run (one `check` or `build` process, one rebuild of the preview) may spend at most
  `RUN_TIME_BUDGET` seconds of CPU, `RUN_STEPS` steps and `RUN_OUTPUT` characters on prose in all
  its fields and files together; a field that starts after the budget is spent is refused at once;
- a loop goes over a list only, and reading `.name` or `[item]` gives data, never a method;
- everything that joins or prints checks that what it prints is text, a number, a date or a list
  of them, so no object's representation (with its memory address) can reach an output.
The limits of the general sandbox it grew from stay as defence in depth; for one field:
- no Jinja globals (range, lipsum, joiner, cycler, namespace, dict) and no `self`; only the
  filters in `SAFE_BUILTIN_FILTERS` and plainsum's own; no include, import or extends;
- calls only to the prose's own macros, `loop(...)`, `loop.cycle`/`loop.changed` and the string,
  list and mapping methods in `SAFE_METHODS`;
- every string a field makes is at most `MAX_TEXT` characters, and all its output together too;
  repetition (`*`), `%`-formatting, `~`, `+`, `**` and the filters that widen text are checked
  before they run, so nothing over the limit is ever allocated;
- every loop iteration, call and output is a step: at most `MAX_STEPS` a field (fewer for a long
  template, so constant text repeated by loops stays under `MAX_WORK` characters), macro and loop
  recursion at most `MAX_DEPTH` deep, and at most `TIME_BUDGET` seconds a field.
A breach raises `ProseLimit`, which the content loader reports at the field's file:line:col.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextvars import ContextVar
from typing import Any, TypeVar

from jinja2 import StrictUndefined, TemplateError, nodes, pass_context
from jinja2.filters import FILTERS as JINJA_FILTERS
from jinja2.runtime import Context, LoopContext, Macro, Undefined
from jinja2.sandbox import SandboxedEnvironment
from jinja2.visitor import NodeTransformer
from markupsafe import Markup

from plainsum.content.templateclass import FlatGlobalsTemplate

MAX_TEXT = 1_000_000  # characters in any one string a field makes, and in all its output together
MAX_ITEMS = 100_000  # items in a list made by repetition
MAX_WIDTH = 1_000  # a width or precision in center/indent/wordwrap/truncate/format and in %-formatting
MAX_INT_BITS = 4_096  # bits of an integer made by * or **
MAX_STEPS = 100_000  # loop iterations, calls and outputs in one field
MAX_WORK = 10_000_000  # characters of template text all iterations together may repeat
MAX_DEPTH = 32  # nested macro calls and loop(...) recursion
TIME_BUDGET = 0.5  # seconds of CPU for one field, looked at every step
RUN_TIME_BUDGET = 10.0  # seconds of CPU for all the prose of one run
RUN_STEPS = 2_000_000  # steps in all the prose of one run (an ordinary review takes a few dozen)
RUN_OUTPUT = 50_000_000  # characters of output of all the prose of one run

# Jinja's built-in filters whose work is bounded by their input (the others are left out:
# random is not deterministic, pprint and tojson print Python internals, batch and slice take
# a count that becomes memory, urlize and xmlattr make HTML, which prose is not).
SAFE_BUILTIN_FILTERS = (
    "abs", "attr", "capitalize", "count", "d", "default", "dictsort", "first", "float", "groupby", "int",
    "items", "join", "last", "length", "list", "lower", "map", "max", "min", "reject", "rejectattr",
    "replace", "reverse", "round", "select", "selectattr", "sort", "string", "striptags", "sum", "title",
    "trim", "unique", "upper", "wordcount", "center", "indent", "wordwrap", "truncate", "format",
)
_WIDTH_FILTERS = {"center": ("width",), "indent": ("width",), "wordwrap": ("width",), "truncate": ("length", "leeway")}

SAFE_METHODS: dict[type, frozenset[str]] = {
    str: frozenset((
        "capitalize", "casefold", "count", "endswith", "find", "index", "isalnum", "isalpha", "isdigit",
        "islower", "isnumeric", "isspace", "istitle", "isupper", "lower", "lstrip", "partition", "removeprefix",
        "removesuffix", "replace", "rfind", "rindex", "rpartition", "rsplit", "rstrip", "split", "splitlines",
        "startswith", "strip", "swapcase", "title", "upper", "join",
    )),
    list: frozenset(("count", "index")),
    tuple: frozenset(("count", "index")),
    dict: frozenset(("get", "items", "keys", "values")),
}
T = TypeVar("T")
_PLAIN_OUTPUT = (str, int, float, bool, datetime.date, type(None))
_CONCAT = "plainsum:concat"  # filter names no template can write: the AST rewrite uses them
_BOUNDED = "plainsum:bounded"
_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-+ #0]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?[a-zA-Z%]")


class ProseLimit(TemplateError):
    """Prose that breaks one of the sandbox's limits."""


class RunBudget:
    """What all the prose of one run may still use."""

    def __init__(self) -> None:
        self.seconds_left = RUN_TIME_BUDGET
        self.steps_left = RUN_STEPS
        self.output_left = RUN_OUTPUT

    def spent(self) -> str | None:
        if self.seconds_left <= 0:
            return f"{RUN_TIME_BUDGET:g} s of CPU"
        if self.steps_left <= 0:
            return f"{RUN_STEPS:,} steps"
        if self.output_left <= 0:
            return f"{RUN_OUTPUT:,} characters of output"
        return None


_RUN = RunBudget()


def new_run() -> None:
    """Start a fresh budget for all the prose of a run (the preview calls it for each rebuild)."""
    global _RUN
    _RUN = RunBudget()


def _run_spent(what: str) -> ProseLimit:
    return ProseLimit(f"the prose of this run has used the budget of this run ({what} for the prose of all "
                      "files together); the fields after it are not rendered: make the slow prose simpler")


class Budget:
    """What one field has used so far, within what the run has left."""

    def __init__(self, template_length: int, clock: Callable[[], float], run: RunBudget | None = None):
        self.steps_left = max(1_000, min(MAX_STEPS, MAX_WORK // max(1, template_length)))
        self.output_left = MAX_TEXT
        self.depth = 0
        self.clock = clock
        self.run = run if run is not None else RunBudget()
        self.started = clock()
        self.deadline = self.started + min(TIME_BUDGET, max(0.0, self.run.seconds_left))

    def step(self) -> None:
        self.steps_left -= 1
        self.run.steps_left -= 1
        if self.steps_left < 0:
            raise ProseLimit("the prose does too much work: more loop iterations, calls and outputs than the sandbox allows")
        if self.run.steps_left < 0:
            raise _run_spent(f"{RUN_STEPS:,} steps")
        if self.clock() > self.deadline:
            if self.run.seconds_left - (self.clock() - self.started) <= 0:
                raise _run_spent(f"{RUN_TIME_BUDGET:g} s of CPU")
            raise ProseLimit(f"the prose took longer than {TIME_BUDGET:g} s of CPU to render")

    def output(self, length: int) -> None:
        self.output_left -= length
        self.run.output_left -= length
        if self.output_left < 0:
            raise ProseLimit(f"the prose outputs more than {MAX_TEXT:,} characters")
        if self.run.output_left < 0:
            raise _run_spent(f"{RUN_OUTPUT:,} characters of output")

    def close(self) -> None:
        self.run.seconds_left -= self.clock() - self.started


_BUDGET: ContextVar[Budget | None] = ContextVar("prose_budget", default=None)
clock: Callable[[], float] = time.thread_time  # CPU time: a busy machine does not spend an author's budget; a test may replace it


@contextlib.contextmanager
def bounded(template_length: int) -> Iterator[Budget]:
    """A fresh budget for rendering one field of `template_length` characters, from what the run has
    left (ProseLimit at once if the run has spent its budget)."""
    run = _RUN
    spent = run.spent()
    if spent is not None:
        raise _run_spent(spent)
    budget = Budget(template_length, clock, run)
    token = _BUDGET.set(budget)
    try:
        yield budget
    finally:
        _BUDGET.reset(token)
        budget.close()


def _budget() -> Budget:
    budget = _BUDGET.get()
    if budget is None:  # rendered outside `bounded`: the limits of one field of no length
        budget = Budget(0, clock)
    return budget


def _size(value: Any) -> int:
    return len(value) if isinstance(value, (str, list, tuple, dict)) else 0


def check_text(value: T) -> T:
    if isinstance(value, str) and len(value) > MAX_TEXT:
        raise ProseLimit(f"the prose makes a text of {len(value):,} characters (the limit is {MAX_TEXT:,})")
    return value


def _require_small_int(value: Any, what: str, limit: int = MAX_WIDTH) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > limit:
        raise ProseLimit(f"{what} {value:,} is over the sandbox's limit of {limit:,}")


def _check_percent_format(template: str) -> None:
    for match in _PERCENT_SPEC.finditer(template):
        for part in match.groups():
            if part == "*":
                raise ProseLimit("'%*' widths are not allowed in prose")
            if part is not None and (len(part) > 4 or int(part) > MAX_WIDTH):
                raise ProseLimit(f"a width or precision of {part} in '%' formatting is over the limit of {MAX_WIDTH:,}")


def _repeat_size(left: Any, right: Any) -> tuple[int, bool] | None:
    """(length, is_text) of sequence * count, or None if it is not a repetition."""
    for sequence, count in ((left, right), (right, left)):
        if isinstance(sequence, (str, list, tuple)) and isinstance(count, int):
            return len(sequence) * max(0, count), isinstance(sequence, str)
    return None


class BoundedSandbox(SandboxedEnvironment):
    """A SandboxedEnvironment that counts and caps the work and memory a template may use."""

    intercepted_binops = frozenset(("*", "**", "%", "+"))

    def getattr(self, obj: Any, attribute: str) -> Any:
        return _data_only(super().getattr(obj, attribute), attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        return _data_only(super().getitem(obj, argument), argument)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        _budget().step()
        if operator == "*":
            repeat = _repeat_size(left, right)
            if repeat is not None:
                length, is_text = repeat
                limit = MAX_TEXT if is_text else MAX_ITEMS
                if length > limit:
                    raise ProseLimit(f"repeating makes {length:,} {'characters' if is_text else 'items'} (the limit is {limit:,})")
            elif isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
                raise ProseLimit(f"the product has more than {MAX_INT_BITS:,} bits")
        elif operator == "**" and isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
            if left.bit_length() * right > MAX_INT_BITS:
                raise ProseLimit(f"the power has more than {MAX_INT_BITS:,} bits")
        elif operator == "%" and isinstance(left, str):
            _check_percent_format(left)
        elif operator == "+" and _size(left) + _size(right) > MAX_TEXT:
            raise ProseLimit(f"joining makes more than {MAX_TEXT:,} characters or items")
        return check_text(self.binop_table[operator](left, right))

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        budget = _budget()
        budget.step()
        for value in (*args, *kwargs.values()):
            check_text(value)
        if isinstance(__obj, (Macro, LoopContext)):
            if isinstance(__obj, LoopContext) and args:  # loop(children) in a recursive loop: count its iterations too
                args = (_bounded_iterable(args[0]), *args[1:])
            budget.depth += 1
            try:
                if budget.depth > MAX_DEPTH:
                    raise ProseLimit(f"macros or recursive loops nest more than {MAX_DEPTH} deep")
                return check_text(__context.call(__obj, *args, **kwargs))
            finally:
                budget.depth -= 1
        owner = getattr(__obj, "__self__", None)
        name = getattr(__obj, "__name__", "")
        if isinstance(owner, LoopContext) and name in ("cycle", "changed"):
            return __context.call(__obj, *args, **kwargs)
        allowed = next((names for kind, names in SAFE_METHODS.items() if isinstance(owner, kind)), frozenset())
        if name not in allowed or isinstance(owner, Markup):
            shown = f"{type(owner).__name__}.{name}" if owner is not None else getattr(__obj, "__qualname__", type(__obj).__name__)
            raise ProseLimit(f"prose cannot call {shown}; it may call its own macros and simple text methods")
        if isinstance(owner, str):
            _check_method_size(owner, name, args)
        return check_text(__context.call(__obj, *args, **kwargs))


def _check_method_size(text: str, name: str, args: tuple[Any, ...]) -> None:
    if name == "replace" and len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str):
        hits = text.count(args[0]) if args[0] else len(text) + 1
        if len(text) + hits * (len(args[1]) - len(args[0])) > MAX_TEXT:
            raise ProseLimit(f"replacing makes more than {MAX_TEXT:,} characters")
    elif name == "join" and args:
        _check_join(text, args[0])


def _check_join(separator: str, items: Any) -> None:
    if isinstance(items, (list, tuple)):
        total = len(separator) * max(0, len(items) - 1) + sum(len(item) if isinstance(item, str) else 24 for item in items)
        if total > MAX_TEXT:
            raise ProseLimit(f"joining makes more than {MAX_TEXT:,} characters")


def _data_only(value: Any, name: Any) -> Any:
    """What `.name` or `[name]` gives prose: data, never a method or another callable (whose
    representation holds a memory address)."""
    if callable(value) and not isinstance(value, (Undefined, Macro, LoopContext)):
        raise ProseLimit(f"prose reads facts and results; '{name}' is not one (it is a method)")
    return value


def _loop_list(iterable: Any) -> Iterator[Any]:
    """A for-loop's list: a list of facts, not text, a mapping or anything else."""
    if isinstance(iterable, Undefined):
        return iter(iterable)
    if not isinstance(iterable, (list, tuple)):
        raise ProseLimit(f"a loop goes over a list of the review's facts, not {_kind(iterable)}")
    return _bounded_iterable(iterable)


def _kind(value: Any) -> str:
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (int, float)):
        return "a number"
    return f"a {type(value).__name__}"


def _bounded_iterable(iterable: Any) -> Iterator[Any]:
    budget = _budget()
    for item in iterable:
        budget.step()
        yield item


def _concat(values: Iterable[Any]) -> str:
    values = list(values)
    for value in values:
        if not isinstance(value, Undefined) and not _printable(value, 0):
            raise ProseLimit(f"~ joins text, numbers and dates, not {_kind(value)} (a list: | join_and, or a loop)")
    parts = [str(value) for value in values]
    if sum(map(len, parts)) > MAX_TEXT:
        raise ProseLimit(f"joining with ~ makes more than {MAX_TEXT:,} characters")
    return "".join(parts)


@pass_context
def _finalize(context: Context, value: Any) -> Any:
    if isinstance(value, Undefined):
        return str(value)  # StrictUndefined: raises the error that names what is undefined
    budget = _budget()
    budget.step()
    if not _printable(value, 0):
        raise ProseLimit(f"prose prints text, numbers and dates, not {_kind(value)} (a list: | join_and, or a loop)")
    text = value if isinstance(value, str) else str(value)
    budget.output(len(text))
    return text


def _printable(value: Any, depth: int) -> bool:
    """Text, a number, a date (a list is printed with join_and or a loop, not as Python writes it)."""
    return isinstance(value, _PLAIN_OUTPUT)


def _guarded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    widths = _WIDTH_FILTERS.get(name, ())

    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _budget().step()
        plain = [a for a in args if not isinstance(a, (Context, SandboxedEnvironment)) and not hasattr(a, "environment")]
        for value in (*plain, *kwargs.values()):
            check_text(value)
        if widths:
            for value in (*plain[1:], *(kwargs[w] for w in widths if w in kwargs)):
                _require_small_int(value, f"the {name} width")
        if name == "format" and plain and isinstance(plain[0], str):
            _check_percent_format(plain[0])
        if name == "replace" and len(plain) >= 3 and all(isinstance(v, str) for v in plain[:3]):
            _check_method_size(plain[0], "replace", tuple(plain[1:3]))
        if name == "join" and plain:
            values = plain[0]
            items = list(values) if not isinstance(values, (list, tuple, str, dict)) else values
            separator = plain[1] if len(plain) > 1 and isinstance(plain[1], str) else kwargs.get("d", "")
            _check_join(separator if isinstance(separator, str) else "", items)
            args = tuple(items if a is values else a for a in args)
        return check_text(function(*args, **kwargs))

    return guarded


def _with_arguments_checked(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """plainsum's own filter, whose wrong arguments (`long_date("x")`) are a template error in the
    filter's terms rather than Python's TypeError."""
    import inspect

    signature = inspect.signature(function)
    extra = [p for p in list(signature.parameters.values())[1:] if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]

    @functools.wraps(function)
    def checked(*args: Any, **kwargs: Any) -> Any:
        try:
            signature.bind(*args, **kwargs)
        except TypeError:
            given = len(args) - 1 + len(kwargs)
            takes = (f"at most {len(extra)} argument{'s' if len(extra) != 1 else ''} ({', '.join(p.name for p in extra)})"
                     if extra else "no arguments")
            raise TemplateError(f"the filter '{name}' takes {takes}; it was given {given}: write "
                                f"{{{{ value | {name} }}}}") from None
        return function(*args, **kwargs)

    return checked


def make_sandbox(own_filters: Mapping[str, Callable[..., Any]]) -> BoundedSandbox:
    env = BoundedSandbox(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False, finalize=_finalize)
    env.template_class = FlatGlobalsTemplate
    env.globals.clear()
    env.filters = {name: _guarded_filter(name, JINJA_FILTERS[name]) for name in SAFE_BUILTIN_FILTERS}
    env.filters.update({name: _guarded_filter(name, _with_arguments_checked(name, function))
                        for name, function in own_filters.items()})
    env.filters[_CONCAT] = _concat
    env.filters[_BOUNDED] = _loop_list
    return env


REFUSED_TAGS: dict[type[nodes.Node], str] = {
    nodes.Include: "include", nodes.Import: "import", nodes.FromImport: "from ... import", nodes.Extends: "extends",
}


def refused_construct(parsed: nodes.Template) -> tuple[str, int] | None:
    """(what, line) of the first tag or name prose may not use, or None."""
    for node in parsed.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends, nodes.Name)):
        if isinstance(node, nodes.Name):
            if node.name == "self" and node.ctx == "load":
                return "'self'", node.lineno
            continue
        return f"{{% {REFUSED_TAGS[type(node)]} %}}", node.lineno
    return None


class _Bounder(NodeTransformer):
    """Routes every ~ and every for-loop's iterable through the sandbox's counters."""

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        visited = self.generic_visit(node)
        assert isinstance(visited, nodes.Concat)
        return nodes.Filter(nodes.List(list(visited.nodes), lineno=node.lineno), _CONCAT, [], [], None, None, lineno=node.lineno)

    def visit_For(self, node: nodes.For) -> nodes.Node:
        visited = self.generic_visit(node)
        assert isinstance(visited, nodes.For)
        visited.iter = nodes.Filter(visited.iter, _BOUNDED, [], [], None, None, lineno=node.lineno)
        return visited


def bound(parsed: nodes.Template) -> nodes.Template:
    """The template with its ~ and loops counted (changes and returns `parsed`)."""
    result = _Bounder().visit(parsed)
    assert isinstance(result, nodes.Template)
    return result
