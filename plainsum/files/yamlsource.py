"""YAML loading that keeps where every value was written.

PyYAML's composer gives nodes with marks; we turn them into `Node` objects that hold the
plain Python value and its 1-based line and column, so that validation, rendering and
scoring can all point back at the exact place in the content file.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from plainsum.errors import InputError, Problem
from plainsum.errors import decode_utf8 as decode_utf8  # content's export of it

# libyaml's composer gives the same marks as the pure-Python one, twenty times faster
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Limits for a content file, which is untrusted input (README, "Limits"). A review is tens of
# kilobytes, nests five or six deep and holds a few hundred values.
MAX_FILE_BYTES = 2_000_000
MAX_DEPTH = 64  # mappings and lists inside one another
MAX_VALUES = 100_000  # values once YAML aliases (*name) are expanded: the "billion laughs" file has 10**9


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


def read_text(path: Path, display: str, limit: int = MAX_FILE_BYTES) -> str:
    """Read a file of at most `limit` bytes as UTF-8, turning any failure into a positioned problem."""
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
            documents = list(yaml.compose_all(text, Loader=FAST_LOADER))
        except yaml.YAMLError as fast_error:
            # libyaml is fast but its messages are terse; the pure-Python parser says more, unless
            # the file nests so deep that it would run out of stack (libyaml stops at 1,000 levels)
            if "nesting depth" in str(fast_error):
                raise
            try:
                documents = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
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
    if "&" in text:  # an anchor, so maybe aliases: count what they expand to before building
        _check_size(source, documents[0])
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


def _check_size(source: SourceFile, document: yaml.Node) -> None:
    """Refuse a document that nests deeper than MAX_DEPTH or holds more than MAX_VALUES values with
    its aliases expanded, before anything is expanded: an alias is the same node composed once,
    so counting each node once, with what it holds, takes time in proportion to the file."""
    sizes: dict[int, int] = {}
    on_path: set[int] = set()

    def size(node: yaml.Node, depth: int) -> int:
        known = sizes.get(id(node))
        if known is not None:
            return known
        if isinstance(node, yaml.ScalarNode):
            return 1
        mark = node.start_mark
        if depth > MAX_DEPTH or id(node) in on_path:
            why = "an alias inside the value it names" if id(node) in on_path else f"more than {MAX_DEPTH} levels"
            raise InputError([source.problem(mark.line + 1, mark.column + 1, f"the file nests too deeply ({why})")])
        on_path.add(id(node))
        children = [child for pair in node.value for child in pair] if isinstance(node, yaml.MappingNode) else node.value
        total = 1
        for child in children:
            total += size(child, depth + 1)
            if total > MAX_VALUES:
                raise InputError([source.problem(
                    mark.line + 1, mark.column + 1,
                    f"the file holds more than {MAX_VALUES:,} values once its aliases are expanded, the limit for a YAML file plainsum reads",
                )])
        on_path.discard(id(node))
        sizes[id(node)] = total
        return total

    size(document, 1)


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
            value = self.constructor.construct_object(node, deep=True)
        except (ValueError, yaml.constructor.ConstructorError) as exc:
            if node.tag.endswith(":timestamp"):
                message = f"'{node.value}' is not a date: {_not_a_date(str(node.value))}"
            else:
                message = f"bad value '{node.value}': {exc}"
            self.problems.append(self.source.problem(line, column, message))
            value = node.value
        style = node.style if isinstance(node, yaml.ScalarNode) else None
        return Node(value, *where, style=style or None)


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
