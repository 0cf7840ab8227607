"""Where each key of a TOML file was written, so that a configuration error points at its own line.

tomllib gives values without positions. This reads the text once and records the line and column
of every table header and key: quoted and dotted keys (`[checks."plain.long-sentence"]`,
`gate.summary.max_words = 3`), arrays of tables (`[[exempt]]`, numbered from 0) and the keys of a
one-line inline table (`sentences = { max_words = 30 }`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from plainsum.errors import Problem, closest_name

_BARE = r"[A-Za-z0-9_-]+"
_KEY_PART = rf"(?:{_BARE}|\"(?:[^\"\\]|\\.)*\"|'[^']*')"
_DOTTED = rf"{_KEY_PART}(?:\s*\.\s*{_KEY_PART})*"
_HEADER = re.compile(rf"^\s*(\[\[?)\s*({_DOTTED})\s*\]\]?\s*(#.*)?$")
_ASSIGN = re.compile(rf"^(\s*)({_DOTTED})\s*=\s*")
_INLINE_KEY = re.compile(rf"(?:^|[{{,])\s*({_DOTTED})\s*=")
_PART = re.compile(_KEY_PART)


def key_parts(dotted: str) -> tuple[str, ...]:
    parts = []
    for match in _PART.finditer(dotted):
        part = match.group(0)
        if part[0] in "\"'":
            part = part[1:-1]
        parts.append(part)
    return tuple(parts)


def did_you_mean(name: str, candidates: Iterable[str]) -> str:
    """"; did you mean 'x'?" for the closest candidate, or nothing."""
    close = closest_name(name, candidates)
    return f"; did you mean '{close}'?" if close else ""


class Locator:
    """Finds the line of a key in TOML text, so errors can point at it."""

    def __init__(self, text: str, display: str, prefix: tuple[str, ...]):
        self.display = display
        self.prefix = prefix
        self.positions: dict[tuple[str, ...], tuple[int, int]] = {}
        self._scan(text)

    def _scan(self, text: str) -> None:
        current: tuple[str, ...] = ()
        arrays: dict[tuple[str, ...], int] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            header = _HEADER.match(line)
            if header:
                path = key_parts(header.group(2))
                if header.group(1) == "[[":
                    arrays[path] = arrays.get(path, -1) + 1
                    path = (*path, str(arrays[path]))
                else:  # a sub-table of the last element of an array of tables
                    path = self._in_arrays(path, arrays)
                current = path
                self.positions.setdefault(path, (number, line.index("[") + 1))
                continue
            assign = _ASSIGN.match(line)
            if not assign:
                continue
            path = (*current, *key_parts(assign.group(2)))
            self.positions.setdefault(path, (number, len(assign.group(1)) + 1))
            rest = line[assign.end():]
            if rest.lstrip().startswith("{"):
                offset = assign.end() + rest.index("{")
                for inner in _INLINE_KEY.finditer(line, offset):
                    self.positions.setdefault((*path, *key_parts(inner.group(1))), (number, inner.start(1) + 1))

    @staticmethod
    def _in_arrays(path: tuple[str, ...], arrays: dict[tuple[str, ...], int]) -> tuple[str, ...]:
        for size in range(len(path), 0, -1):
            head = path[:size]
            if head in arrays:
                return (*head, str(arrays[head]), *path[size:])
        return path

    def find(self, table: tuple[str, ...], key: str | None = None) -> tuple[int, int]:
        """The line and column of `key` in `table`; else of the nearest enclosing table written; else 1:1."""
        path = (*self.prefix, *table, *([key] if key is not None else []))
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return 1, 1

    def problem(self, table: tuple[str, ...], key: str | None, message: str) -> Problem:
        line, column = self.find(table, key)
        return Problem(self.display, line, column, message)
