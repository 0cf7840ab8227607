"""Map an offset in rendered prose back to a line and column in the YAML file.

Two steps: rendered text -> the prose template as the author wrote it (facts expanded by
Jinja shift offsets), then template text -> the raw characters of the YAML scalar (block
indentation, folding and quotes shift them again).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from difflib import SequenceMatcher
from functools import cached_property

from plainsum.files.yamlsource import Node, SourceFile

NON_SPACE = re.compile(r"\S+")


class ScalarMap:
    """Offsets within a YAML string scalar's value -> absolute offsets in the file text."""

    def __init__(self, source: SourceFile, node: Node):
        self.source = source
        self.node = node

    @cached_property
    def _words(self) -> tuple[list[int], list[int], list[int], list[int], dict[int, int], int]:
        """Where each word of the value is in the raw text: (value starts, value ends, raw starts,
        the raw offset after each word, exact raw offsets of the characters of escaped words, the
        raw offset before the first word). Words come through YAML unchanged (only the whitespace
        between them is folded or re-indented), so each is found in the raw text, in order; the
        whitespace after a word maps to where the word ends. Kept per word, not per character:
        a json report maps every sentence, and a list as long as the text was most of its time."""
        value = self.node.value if isinstance(self.node.value, str) else str(self.node.value)
        text = self.source.text
        raw_start, raw_end = self.node.start_index, max(self.node.end_index, self.node.start_index)
        cursor = raw_start
        if self.node.style in ("|", ">"):
            newline = text.find("\n", raw_start, raw_end)
            cursor = newline + 1 if newline >= 0 else raw_start
        elif self.node.style in ("'", '"'):
            cursor = raw_start + 1
        first = cursor
        starts: list[int] = []
        ends: list[int] = []
        raws: list[int] = []
        after: list[int] = []
        exact: dict[int, int] = {}
        for word in NON_SPACE.finditer(value):
            token = word.group()
            found = text.find(token, cursor, raw_end)
            if found >= 0:
                raws.append(found)
                cursor = found + len(token)
            else:  # an escape inside a quoted scalar: match character by character
                raws.append(cursor)
                for index, char in enumerate(token, start=word.start()):
                    hit = text.find(char, cursor, min(raw_end, cursor + 8))
                    cursor = hit if hit >= 0 else cursor
                    exact[index] = cursor
                    cursor += 1
            starts.append(word.start())
            ends.append(word.end())
            after.append(cursor)
        return starts, ends, raws, after, exact, first

    def absolute(self, offset: int) -> int:
        value = self.node.value if isinstance(self.node.value, str) else str(self.node.value)
        if not value:
            return self.node.start_index
        offset = max(0, min(offset, len(value) - 1))
        starts, ends, raws, after, exact, first = self._words
        if offset in exact:
            return exact[offset]
        index = bisect.bisect_right(starts, offset) - 1
        if index < 0:
            return first  # whitespace before the first word
        if offset < ends[index]:
            return raws[index] + offset - starts[index]
        return after[index]  # whitespace after a word


class LineIndex:
    """Absolute character offsets -> 1-based (line, column) in one file."""

    def __init__(self, text: str):
        self.starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def line_column(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, index) - 1
        return line + 1, index - self.starts[line] + 1


JINJA_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


def rendered_to_template(template: str, rendered: str) -> Callable[[int], int]:
    """A function mapping offsets in `rendered` to offsets in `template`.

    The text between Jinja tags comes out of rendering unchanged, so we find each such literal
    run in the rendered text in order (linear time). Only when that fails (whitespace control,
    loops) do we fall back to a character diff, which is exact but slow on long fields.
    """
    if template == rendered:
        return lambda offset: offset
    blocks = _literal_anchors(template, rendered)
    if blocks is None:
        blocks = [(a, b, size) for a, b, size in SequenceMatcher(None, template, rendered, autojunk=False).get_matching_blocks()]
    starts = [b for _, b, _ in blocks]

    def to_template(offset: int) -> int:
        index = bisect.bisect_right(starts, offset) - 1
        if index < 0:
            return 0
        a, b, size = blocks[index]
        if offset < b + size:
            return a + (offset - b)
        return min(a + size, max(len(template) - 1, 0))  # inside text produced by a tag

    return to_template


def _literal_anchors(template: str, rendered: str) -> list[tuple[int, int, int]] | None:
    """(template offset, rendered offset, length) of each literal run, or None if one is missing."""
    anchors: list[tuple[int, int, int]] = []
    template_cursor = 0
    rendered_cursor = 0
    leading = len(template) - len(template.lstrip())  # render_text strips the result
    literals = []
    for tag in JINJA_TAG.finditer(template):
        literals.append((template_cursor, template[template_cursor : tag.start()]))
        template_cursor = tag.end()
    literals.append((template_cursor, template[template_cursor:]))
    for index, (start, literal) in enumerate(literals):
        if index == 0 and leading:
            start, literal = start + leading, literal[leading:]
        if index == len(literals) - 1:
            literal = literal.rstrip()
        if not literal:
            continue
        found = rendered.find(literal, rendered_cursor)
        if found < 0:
            return None
        anchors.append((start, found, len(literal)))
        rendered_cursor = found + len(literal)
    return anchors
