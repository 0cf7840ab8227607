"""YAML loading that keeps where every value was written.

PyYAML's composer gives nodes with marks; we turn them into `Node` objects that hold the
plain Python value and its 1-based line and column, so that validation, rendering and
scoring can all point back at the exact place in the content file.

YAML is read as data (issue 30): plain scalars as YAML 1.2 reads them (`1:30` and `0x1F` are text,
`012` is twelve, only true/false are booleans; dates stay dates, as plainsum's facts need them), a
number of more than `MAX_NUMBER_CHARS` characters is refused at its place, and before anything is
built, one pass over the parser's events refuses a file with more than `MAX_VALUES` values, a scalar
of more than `MAX_SCALAR_CHARS` characters, or more than `MAX_EXPANDED_CHARS` characters of
scalars once its aliases are expanded, at the place where the limit is crossed.
"""

from __future__ import annotations

import datetime
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml

from plainsum.errors import InputError, Problem
from plainsum.errors import decode_utf8 as decode_utf8  # content's export of it
from plainsum.files.safeopen import read_confined

_C_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _yaml_1_2(base: type[Any]) -> type[Any]:
    """A loader of `base` that resolves plain scalars as YAML 1.2's core schema does, without its
    hexadecimal and octal integers (text here, as a DOI part or an id would be), with dates."""

    class Loader(base):  # type: ignore[misc,valid-type]
        yaml_implicit_resolvers: ClassVar[dict[Any, list[tuple[str, re.Pattern[str]]]]] = {}
        # The tag of a short plain scalar, by its text (keys and small values repeat from file to file): a
        # plain scalar's tag depends on its text alone (the first implicit resolver that matches it, else
        # text), and libyaml's composer asks for each node (about a fifth of composing a content file).
        _resolved: ClassVar[dict[str, str]] = {}

        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            if kind is yaml.ScalarNode and implicit[0] and len(value) <= RESOLVED_CHARS:
                tag = self._resolved.get(value)
                if tag is None:
                    if len(self._resolved) >= RESOLVED_KEPT:
                        self._resolved.clear()
                    tag = self._resolved[value] = super().resolve(kind, value, implicit)
                return tag
            return super().resolve(kind, value, implicit)

        # no path resolver is added to these loaders, so there is no path to follow (PyYAML's own methods
        # return at once then, but the composer calls them twice a node)
        def descend_resolver(self, current_node: Any, current_index: Any) -> None:
            return None

        def ascend_resolver(self) -> None:
            return None

    rules = [
        ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
        ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
        ("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", "-+0123456789"),
        ("tag:yaml.org,2002:float",
         r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
         "-+0123456789."),
        ("tag:yaml.org,2002:timestamp",
         r"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
         r"(?:(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)?)$",
         "0123456789"),
    ]
    for tag, pattern, first in rules:
        Loader.add_implicit_resolver(tag, re.compile(pattern), list(first))
    return Loader


RESOLVED_CHARS = 40  # plain scalars whose tag is kept by their text: at most this long,
RESOLVED_KEPT = 4096  # and this many (then forgotten, and kept again)

# libyaml's composer gives the same marks as the pure-Python one, twenty times faster
FAST_LOADER = _yaml_1_2(_C_LOADER)
PURE_LOADER = _yaml_1_2(yaml.SafeLoader)

# Limits for a content file, which is untrusted input (README, "Limits"). A review is tens of
# kilobytes, nests five or six deep and holds a few hundred values.
MAX_FILE_BYTES = 2_000_000
MAX_DEPTH = 64  # mappings and lists inside one another
MAX_VALUES = 100_000  # values once YAML aliases (*name) are expanded: the "billion laughs" file has 10**9
MAX_SCALAR_CHARS = 200_000  # characters in one value (a review's longest section is a few thousand)
MAX_EXPANDED_CHARS = 4_000_000  # characters of all values once aliases are expanded (twice the largest file)
MAX_NUMBER_CHARS = 100  # characters of a number (plainsum's numbers are counts, estimates and years)
_PLAIN_TAGS = {"tag:yaml.org,2002:" + name for name in ("str", "int", "float", "bool", "null", "timestamp")}
_STR_TAG = "tag:yaml.org,2002:str"


@dataclass
class Node:
    """A value from a YAML file and where it stands there."""

    value: Any  # dict[str, Node] | list[Node] | str | int | float | bool | None | date
    line: int
    column: int
    start_index: int = 0
    end_index: int = 0
    style: str | None = None
    key_marks: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return type_name(self.value)

    def plain(self) -> Any:
        """The value with every nested Node unwrapped."""
        if isinstance(self.value, dict):
            return {key: child.plain() for key, child in self.value.items()}
        if isinstance(self.value, list):
            return [child.plain() for child in self.value]
        return self.value


@dataclass
class SourceFile:
    path: Path
    display: str
    text: str

    def problem(self, line: int, column: int, message: str) -> Problem:
        return Problem(self.display, line, column, message)


def type_name(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return "a date"
    if value is None:
        return "nothing (null)"
    return "text"


def read_text(path: Path, display: str, limit: int = MAX_FILE_BYTES, confined: bool = True) -> str:
    """Read a file of at most `limit` bytes as UTF-8, turning any failure into a positioned problem.
    `confined`: opened as safeopen.read_confined opens it (no link out of the project, no hard link,
    checked on the opened descriptor); an import file the user names is read where it is."""
    if confined:
        return decode_utf8(read_confined(path, display, limit), display)
    try:
        with open(path, "rb") as stream:
            data = stream.read(limit + 1)
    except OSError as exc:
        raise InputError([Problem(display, 1, 1, f"cannot read file: {exc.strerror or exc}")]) from None
    if len(data) > limit:
        raise InputError([Problem(display, 1, 1, f"the file is larger than {limit:,} bytes, the limit for this kind of file")])
    return decode_utf8(data, display)


def load_yaml(path: Path, display: str, data: bytes | None = None) -> tuple[SourceFile, Node]:
    """Parse one YAML file (or `data`, its bytes at another version) into a Node tree, or raise
    InputError with every problem found."""
    text = read_text(path, display) if data is None else decode_utf8(data, display)
    source = SourceFile(path, display, text)
    try:
        try:
            documents = _composed_within_limits(text)
            if documents is None:
                _check_events(source, text)
                documents = list(yaml.compose_all(text, Loader=FAST_LOADER))
        except yaml.YAMLError as fast_error:
            # libyaml is fast but its messages are terse; the pure-Python parser says more, unless
            # the file nests so deep that it would run out of stack (libyaml stops at 1,000 levels)
            if "nesting depth" in str(fast_error):
                raise
            try:
                documents = list(yaml.compose_all(text, Loader=PURE_LOADER))
            except RecursionError:
                raise fast_error from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(part for part in (exc.context, exc.problem) if part)
        raise InputError([source.problem(line, column, f"YAML syntax error: {message}")]) from None
    except yaml.YAMLError as exc:
        raise InputError([source.problem(1, 1, f"YAML error: {exc}")]) from None
    if not documents or documents[0] is None:
        raise InputError([source.problem(1, 1, "the file is empty")])
    if len(documents) > 1:
        second = documents[1]
        raise InputError(
            [source.problem(second.start_mark.line + 1, 1, "only one YAML document is allowed per file")]
        )
    problems: list[Problem] = []
    builder = _Builder(source, problems)
    root = builder.build(documents[0])
    if problems:
        raise InputError(problems)
    return source, root


def load_data(path: Path, display: str) -> Any:
    """The plain data of a YAML data file (a wording grid or claim vocabulary, which a project may
    override in templates/grade/; the glossary), read as content files are: at most MAX_FILE_BYTES,
    MAX_DEPTH levels and MAX_VALUES values with aliases expanded, and one document, else InputError
    at the file's line and column."""
    return load_yaml(path, display)[1].plain()


# A file of at most this many characters is composed before its limits are looked at: composing it is
# cheap whatever it holds (libyaml does not expand an alias, it names the node again). When what it
# composes to is within every limit, so is what the parser's events add up to (the same values, counted
# alike), and the event pass is not made; else, or when composing fails, it is made first, as for a larger
# file, and refuses the file where the limit is crossed (a content file is tens of kilobytes).
COMPOSE_FIRST_CHARS = 200_000
# A file without `*` holds no alias, so nothing in it is expanded: its scalars hold at most its own
# characters, and its values are at most one a character (`{?,?}`, `?` lines: a key and its value), taken
# here as at most three a character. Such a file of at most MAX_VALUES / 3 characters (and no more than
# the character limits) is within every limit without counting (a content file is tens of kilobytes:
# counting was a third of reading one).
VALUES_A_CHARACTER = 3


def _composed_within_limits(text: str) -> list[Any] | None:
    """The file's documents as libyaml composes them, if it is small and they are within the limits
    `_check_events` holds it to; None otherwise (a syntax error, a limit crossed, an alias inside the
    value it names, or nesting deeper than the builder reads)."""
    if len(text) > COMPOSE_FIRST_CHARS:
        return None
    try:
        documents = list(yaml.compose_all(text, Loader=FAST_LOADER))
    except yaml.YAMLError:
        return None
    if "*" not in text and VALUES_A_CHARACTER * len(text) <= MAX_VALUES and len(text) <= min(MAX_SCALAR_CHARS, MAX_EXPANDED_CHARS):
        return documents  # no alias, and small: within the limits (see VALUES_A_CHARACTER); the builder refuses deep nesting
    done: dict[int, tuple[int, int]] = {}  # a node's values and characters, aliases expanded, once counted
    open_nodes: set[int] = set()

    def count(node: yaml.Node, depth: int) -> tuple[int, int] | None:
        key = id(node)
        if key in done:
            return done[key]
        if key in open_nodes or depth > MAX_DEPTH:
            return None
        if isinstance(node, yaml.ScalarNode):
            if len(node.value) > MAX_SCALAR_CHARS:
                return None
            totals = (1, len(node.value))
        else:
            open_nodes.add(key)
            values, characters = 1, 0
            children = [part for pair in node.value for part in pair] if isinstance(node, yaml.MappingNode) else node.value
            for child in children:
                inner = count(child, depth + 1)
                if inner is None:
                    return None
                values += inner[0]
                characters += inner[1]
            open_nodes.discard(key)
            totals = (values, characters)
        done[key] = totals
        return totals

    values = characters = 0
    for document in documents:
        if document is None:
            continue
        totals = count(document, 1)
        if totals is None:
            return None
        values += totals[0]
        characters += totals[1]
    if values > MAX_VALUES or characters > MAX_EXPANDED_CHARS:
        return None
    return documents


def _check_events(source: SourceFile, text: str) -> None:
    """Refuse, at its place, a file whose values, scalars or expanded aliases are over the limits,
    from the parser's events alone: nothing is built, and an alias costs what its anchor held."""
    anchors: dict[str, tuple[int, int]] = {}  # anchor -> (values, characters) of what it names
    open_frames: list[list[Any]] = []  # [values, characters, anchor] of each collection still open
    values = characters = 0

    def refuse(event: yaml.Event, message: str) -> InputError:
        mark = event.start_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        return InputError([source.problem(line, column, message)])

    def add(event: yaml.Event, count: int, length: int) -> None:
        nonlocal values, characters
        values += count
        characters += length
        for frame in open_frames:
            frame[0] += count
            frame[1] += length
        if values > MAX_VALUES:
            raise refuse(event, f"the file holds more than {MAX_VALUES:,} values once its aliases are expanded, "
                                "the limit for a YAML file plainsum reads")
        if characters > MAX_EXPANDED_CHARS:
            raise refuse(event, f"the file's values hold more than {MAX_EXPANDED_CHARS:,} characters once its aliases "
                                "are expanded, the limit for a YAML file plainsum reads")

    for event in yaml.parse(text, Loader=FAST_LOADER):
        if isinstance(event, yaml.ScalarEvent):
            if len(event.value) > MAX_SCALAR_CHARS:
                raise refuse(event, f"a value of {len(event.value):,} characters: the limit for one value is "
                                    f"{MAX_SCALAR_CHARS:,} characters")
            add(event, 1, len(event.value))
            if event.anchor is not None:
                anchors[event.anchor] = (1, len(event.value))
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            add(event, 1, 0)
            open_frames.append([0, 0, event.anchor])
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)) and open_frames:
            count, length, anchor = open_frames.pop()
            if anchor is not None:
                anchors[anchor] = (count + 1, length)
        elif isinstance(event, yaml.AliasEvent):
            if any(frame[2] == event.anchor for frame in open_frames):
                raise refuse(event, "the file nests too deeply (an alias inside the value it names)")
            count, length = anchors.get(event.anchor or "", (1, 0))
            add(event, count, length)


class _Builder:
    def __init__(self, source: SourceFile, problems: list[Problem]):
        self.source = source
        self.problems = problems
        self.constructor = yaml.SafeLoader("")

    def build(self, node: yaml.Node, depth: int = 1) -> Node:
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        if depth > MAX_DEPTH:
            raise InputError([self.source.problem(line, column, f"the file nests too deeply (more than {MAX_DEPTH} levels)")])
        where = (line, column, node.start_mark.index, node.end_mark.index)
        if isinstance(node, yaml.MappingNode):
            children: dict[str, Node] = {}
            key_marks: dict[str, tuple[int, int]] = {}
            for key_node, value_node in node.value:
                key_line, key_column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                if not isinstance(key_node, yaml.ScalarNode):
                    self.problems.append(self.source.problem(key_line, key_column, "a key must be plain text"))
                    continue
                key = str(key_node.value)
                if key in children:
                    first = key_marks[key][0]
                    self.problems.append(
                        self.source.problem(key_line, key_column, f"duplicate key '{key}' (first given on line {first})")
                    )
                    continue
                children[key] = self.build(value_node, depth + 1)
                key_marks[key] = (key_line, key_column)
            return Node(children, *where, key_marks=key_marks)
        if isinstance(node, yaml.SequenceNode):
            return Node([self.build(item, depth + 1) for item in node.value], *where)
        try:
            value = self._scalar(node)
        except _BadScalar as exc:
            self.problems.append(self.source.problem(line, column, str(exc)))
            value = node.value
        except Exception as exc:  # the constructor's own errors: the value is the author's
            if node.tag.endswith(":timestamp"):
                message = f"'{_shown(node.value)}' is not a date: {_not_a_date(str(node.value))}"
            else:
                message = f"bad value '{_shown(node.value)}': {exc}"
            self.problems.append(self.source.problem(line, column, message))
            value = node.value
        style = node.style if isinstance(node, yaml.ScalarNode) else None
        return Node(value, *where, style=style or None)


    def _scalar(self, node: yaml.Node) -> Any:
        """A scalar's value, YAML 1.2's way (see the module's docstring)."""
        tag, text = node.tag, str(node.value)
        if tag == _STR_TAG:
            return text  # what the constructor gives a str scalar (its value), without its bookkeeping
        if tag not in _PLAIN_TAGS:
            raise _BadScalar(f"the tag {tag.replace('tag:yaml.org,2002:', '!!')} is not one plainsum reads; write the value as text")
        kind = tag.rsplit(":", 1)[1]
        if kind in ("int", "float") and len(text) > MAX_NUMBER_CHARS:
            raise _BadScalar(f"a number of {len(text):,} digits: plainsum reads numbers of at most {MAX_NUMBER_CHARS} characters")
        if kind == "int":
            if not re.fullmatch(r"[-+]?[0-9]+", text):
                raise _BadScalar(f"'{_shown(text)}' is not a whole number (write digits only, as 12 or -3)")
            return int(text, 10)
        if kind == "float":
            special = {".inf": math.inf, "+.inf": math.inf, "-.inf": -math.inf, ".nan": math.nan}.get(text.lower())
            if special is not None:
                return special
            if not re.fullmatch(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?", text):
                raise _BadScalar(f"'{_shown(text)}' is not a number")
            return float(text)
        if kind == "bool":
            if text.lower() not in ("true", "false"):
                raise _BadScalar(f"'{_shown(text)}' is not true or false")
            return text.lower() == "true"
        if kind == "null":
            if text not in ("", "~", "null", "Null", "NULL"):
                raise _BadScalar(f"'{_shown(text)}' is not null")
            return None
        return self.constructor.construct_object(node, deep=True)


class _BadScalar(ValueError):
    pass


def _shown(text: object) -> str:
    value = str(text)
    return value if len(value) <= 60 else value[:57] + "..."


def _not_a_date(text: str) -> str:
    """Why a YYYY-MM-DD that YAML reads as a date is none, in plainsum's words (not Python's)."""
    import calendar
    import re

    match = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if match is None:
        return "write it as YYYY-MM-DD"
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        return f"there is no month {month} (months are 1 to 12; YYYY-MM-DD)"
    last = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if not 1 <= day <= last:
        return f"{calendar.month_name[month]} {year} has days 1 to {last}, not {day} (YYYY-MM-DD)"
    return "write it as YYYY-MM-DD"
