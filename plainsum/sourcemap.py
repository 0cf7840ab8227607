"""Map an offset in rendered prose back to a line and column in the YAML file.

Two steps: rendered text -> the prose template as the author wrote it (facts expanded by
Jinja shift offsets), then template text -> the raw characters of the YAML scalar (block
indentation, folding and quotes shift them again).
"""

from __future__ import annotations

import bisect
import re
from difflib import SequenceMatcher
from functools import cached_property

from plainsum.yamlsource import Node, SourceFile


class ScalarMap:
    """Offsets within a YAML string scalar's value -> absolute offsets in the file text."""

    def __init__(self, source: SourceFile, node: Node):
        self.source = source
        self.node = node

    @cached_property
    def _positions(self) -> list[int]:
        value = self.node.value if isinstance(self.node.value, str) else str(self.node.value)
        text = self.source.text
        raw_start, raw_end = self.node.start_index, max(self.node.end_index, self.node.start_index)
        cursor = raw_start
        if self.node.style in ("|", ">"):
            newline = text.find("\n", raw_start, raw_end)
            cursor = newline + 1 if newline >= 0 else raw_start
        elif self.node.style in ("'", '"'):
            cursor = raw_start + 1
        positions: list[int] = []
        for char in value:
            if char.isspace():
                while cursor < raw_end and text[cursor].isspace() and text[cursor] != char:
                    cursor += 1
                positions.append(cursor)
                if cursor < raw_end and text[cursor] == char:
                    cursor += 1
                continue
            found = text.find(char, cursor, min(raw_end, cursor + 64))
            if found >= 0:
                cursor = found
            positions.append(cursor)
            cursor += 1
        return positions

    def absolute(self, offset: int) -> int:
        positions = self._positions
        if not positions:
            return self.node.start_index
        return positions[max(0, min(offset, len(positions) - 1))]


class LineIndex:
    """Absolute character offsets -> 1-based (line, column) in one file."""

    def __init__(self, text: str):
        self.starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def line_column(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, index) - 1
        return line + 1, index - self.starts[line] + 1


def rendered_to_template(template: str, rendered: str):
    """A function mapping offsets in `rendered` to offsets in `template`."""
    if template == rendered:
        return lambda offset: offset
    blocks = SequenceMatcher(None, template, rendered, autojunk=False).get_matching_blocks()

    def to_template(offset: int) -> int:
        best = 0
        for a, b, size in blocks:
            if b <= offset < b + size:
                return a + (offset - b)
            if b + size <= offset:
                best = a + size
        return min(best, max(len(template) - 1, 0))

    return to_template
