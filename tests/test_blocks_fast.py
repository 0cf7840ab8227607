"""markup._blocks' short ways (a speed-up, issue 28): a heading read by string methods (_heading) rather than HEADING, a
heading's and a blank line's block written without the nested flush, each block made as its tuple: held to the code as it
was on 20,000 random Markdown texts of headings, list items, quotes, fences, emphasis, escapes, links and every kind of
white space, and _heading to HEADING on random lines."""

from __future__ import annotations

import random

from plainsum.render.markup import (
    _MARKED_STARTS,
    FENCE,
    HEADING,
    ITEM,
    Block,
    _blocks,
    _has_inline_markup,
    _heading,
    _strip_inline,
)


def reference_blocks(text: str) -> tuple[Block, ...]:
    """markup._blocks as it was written before its short ways."""
    result: list[Block] = []
    lines = text.split("\n")
    position = 0
    current: list[tuple[int, str]] = []  # (offset, line text) of the block being gathered
    current_kind = "paragraph"
    current_level = 0
    current_ordered = False
    in_fence = False

    def flush() -> None:
        nonlocal current
        if len(current) == 1 and not _has_inline_markup(current[0][1]):
            # the common case, one line of plain prose: its offsets are a range, no list to build
            offset, line = current[0]
            plain = line.strip()
            if plain:
                lead = offset + len(line) - len(line.lstrip())
                result.append(Block(current_kind, plain, range(lead, lead + len(plain)), current_level, current_ordered))
            current = []
            return
        if current:
            base: list[int] = []
            for offset, line in current:
                base.extend(range(offset, offset + len(line) + 1))  # +1: the line break
            joined_source = "\n".join(line for _, line in current)
            plain, offsets = _strip_inline(joined_source, base)
            if plain:
                result.append(Block(current_kind, plain, offsets, current_level, current_ordered))
        current = []

    for line in lines:
        line_start = position
        position += len(line) + 1
        stripped = line.strip()
        if not stripped:
            if not in_fence:
                flush()
            continue
        first = stripped[0]
        if first not in _MARKED_STARTS and not first.isdecimal():
            # no fence, heading, list item or quote starts with another character: a line of the paragraph
            if in_fence:
                continue
            if not current:
                current_kind, current_level, current_ordered = "paragraph", 0, False
            current.append((line_start, line))
            continue
        if FENCE.match(line):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        heading = HEADING.match(stripped)
        if heading:
            flush()
            lead = len(line) - len(line.lstrip())
            text_start = line_start + lead + heading.start(2)
            current_kind, current_level, current_ordered = "heading", len(heading.group(1)), False
            current = [(text_start, heading.group(2))]
            flush()
            continue
        item = ITEM.match(line)
        if item:
            flush()
            current_kind = "item"
            current_level = len(item.group(1).expandtabs(4)) // 2
            current_ordered = item.group(2)[0].isdigit()
            current = [(line_start + item.end(), line[item.end():])]
            continue
        if line.lstrip().startswith(">"):
            content_start = line.index(">") + 1
            if current and current_kind != "paragraph":
                flush()
            if not current:
                current_kind, current_level, current_ordered = "paragraph", 0, False
            current.append((line_start + content_start, line[content_start:]))
            continue
        if not current:
            current_kind, current_level, current_ordered = "paragraph", 0, False
        current.append((line_start, line))
    flush()
    return tuple(result)


LINE_STARTS = ["", "", "#", "##", "###### ", "####### ", "# ", "## ", "#\t", "#x", " ## ", "\t# ", "- ", "* ", "+ ", "1. ", "2) ",
               "10. ", "\u2022 ", "> ", ">", "```", "~~~", "  ```", "    ", "  - ", "\u00a0", "\x0c", "\x1c# "]
PIECES = ["text", "Text.", " ", "  ", "\t", "#", " #", "# ", " ##", "*", "**b**", "_i_", "`c`", "\\", "\\-", "[x](y)", "[RR]",
          "\u00a0", "\x0b", "\x0c", "\x1c", "\u2028", "\r", "\x85", "é", "12", "(a)", "<b>", "&amp;", "snake_case", "\u3000"]


def random_markdown(count: int) -> list[str]:
    rng = random.Random(2820)
    texts = []
    for _ in range(count):
        lines = [rng.choice(LINE_STARTS) + "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 5)))
                 for _ in range(rng.randint(0, 9))]
        texts.append("\n".join(lines) + rng.choice(["", "\n", "\n\n"]))
    return texts


def test_blocks_are_the_blocks_as_written() -> None:
    for text in random_markdown(20000):
        _blocks.cache_clear()
        found = _blocks(text)
        assert found == reference_blocks(text), repr(text)
        assert all(type(block) is Block for block in found)


def test_heading_is_heading_match() -> None:
    rng = random.Random(2821)
    for _ in range(20000):
        line = "".join(rng.choice(["#", "#", " ", "\t", "x", "é", "\u00a0", "\x0c", "\r", "##", " #", "Title"])
                       for _ in range(rng.randint(0, 9))).strip()
        match = HEADING.match(line)
        expected = None if match is None else (len(match.group(1)), match.start(2), match.group(2))
        assert _heading(line) == expected, repr(line)
