"""Which sentences of a translated field translate which sentences of its source field.

A field is cut into blocks at its line ends (paragraphs, list items, headings: a translation keeps
its source's layout), the blocks are paired in order, and within a pair of blocks the sentences
are paired in order. Where a block has as many sentences as its source block, each sentence stands
for the one in its place. Where it has not (a sentence split in two, two merged into one, one left
out), the sentences are aligned by a small dynamic programme over their lengths and the numbers
they hold (a translation keeps a sentence's numbers), allowing one sentence to stand for two and
two for one; such a group is `anchored` only when its numbers are the same on both sides and not
none, since lengths alone can be fooled. Fields whose blocks do not pair (a different number of
blocks) are not aligned at all.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

Splitter = Callable[[str], Iterable[tuple[int, str]]]  # a text -> (offset, sentence) of each sentence
Numbers = Callable[[str], frozenset[object]]  # a text -> the values of the numbers it holds


@dataclass(frozen=True)
class Sentence:
    offset: int  # in the field's text
    text: str


@dataclass(frozen=True)
class Group:
    """Source sentences and the translated sentences that stand for them (one or two on each side)."""

    source: tuple[Sentence, ...]
    translated: tuple[Sentence, ...]
    exact: bool  # one sentence for one, in a block with as many sentences as its source block, or anchored by numbers


@dataclass(frozen=True)
class Block:
    """A pair of blocks and their sentence groups; `groups` is empty when the sentences do not align."""

    source: tuple[Sentence, ...]
    translated: tuple[Sentence, ...]
    groups: tuple[Group, ...]


def blocks(text: str) -> list[tuple[int, str]]:
    """The non-blank lines of `text`, with their offsets."""
    return [(match.start(), match.group()) for match in re.finditer(r"[^\n]*\S[^\n]*", text)]


def _sentences(offset: int, text: str, split: Splitter) -> tuple[Sentence, ...]:
    found = tuple(Sentence(offset + start, sentence) for start, sentence in split(text) if sentence.strip())
    return found or (Sentence(offset, text),)


def align(source: str, translated: str, split_source: Splitter, split_translated: Splitter,
          source_numbers: Numbers, translated_numbers: Numbers) -> list[Block] | None:
    """The blocks of two texts paired in order, each with its sentence groups; None when the two
    texts have a different number of blocks."""
    source_blocks, translated_blocks = blocks(source), blocks(translated)
    if len(source_blocks) != len(translated_blocks):
        return None
    out = []
    for (source_offset, source_text), (offset, text) in zip(source_blocks, translated_blocks, strict=True):
        ours = _sentences(source_offset, source_text, split_source)
        theirs = _sentences(offset, text, split_translated)
        if len(ours) == len(theirs):
            groups = tuple(Group((a,), (b,), True) for a, b in zip(ours, theirs, strict=True))
        else:
            groups = _aligned(ours, theirs, source_numbers, translated_numbers)
        out.append(Block(ours, theirs, groups))
    return out


BEADS = ((1, 1, 0.0), (1, 2, 1.0), (2, 1, 1.0))  # sentences on each side, and a cost for not being one to one
MARGIN = 1.0  # how much dearer every other pairing of a group's first source sentence must be for the group to be sure


def _aligned(source: tuple[Sentence, ...], translated: tuple[Sentence, ...], source_numbers: Numbers,
             translated_numbers: Numbers) -> tuple[Group, ...]:
    """The cheapest alignment of two runs of sentences by beads of 1:1, 1:2 and 2:1 sentences (their
    lengths, against the runs' ratio, and the numbers they do not share); () when none covers both
    runs. A group is exact when every alignment that pairs its first source sentence otherwise costs
    at least MARGIN more, or when its numbers are the same on both sides and not none."""
    ratio = max(sum(len(s.text) for s in translated), 1) / max(sum(len(s.text) for s in source), 1)
    n, m = len(source), len(translated)
    # each sentence's numbers read once, not once for every bead it is in (n * m * 3 reads of a long sentence)
    source_numbers, translated_numbers = _once(source_numbers), _once(translated_numbers)

    def cost(i: int, j: int, di: int, dj: int, extra: float) -> float:
        ours, theirs = source[i:i + di], translated[j:j + dj]
        length = abs(math.log(max(sum(len(s.text) for s in theirs), 1) / (max(sum(len(s.text) for s in ours), 1) * ratio)))
        return length + extra + 2.0 * len(_numbers(ours, source_numbers) ^ _numbers(theirs, translated_numbers))

    beads = [(i, j, di, dj, cost(i, j, di, dj, extra)) for i in range(n) for j in range(m) for di, dj, extra in BEADS
             if i + di <= n and j + dj <= m]
    inf = float("inf")
    forward = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int, int, int, float]] = {}
    for bead in sorted(beads, key=lambda b: (b[0], b[1])):
        i, j, di, dj, step = bead
        total = forward.get((i, j), inf) + step
        if total < forward.get((i + di, j + dj), inf):
            forward[(i + di, j + dj)], back[(i + di, j + dj)] = total, bead
    if (n, m) not in forward:
        return ()
    backward = {(n, m): 0.0}
    for i, j, di, dj, step in sorted(beads, key=lambda b: (-b[0] - b[2], -b[1] - b[3])):
        total = backward.get((i + di, j + dj), inf) + step
        if total < backward.get((i, j), inf):
            backward[(i, j)] = total
    best = forward[(n, m)]
    chosen = []
    at = (n, m)
    while at != (0, 0):
        bead = back[at]
        chosen.append(bead)
        at = (bead[0], bead[1])
    groups = []
    for bead in reversed(chosen):
        i, j, di, dj, _ = bead
        other = min((forward.get((b[0], b[1]), inf) + b[4] + backward.get((b[0] + b[2], b[1] + b[3]), inf)
                     for b in beads if b != bead and b[0] <= i < b[0] + b[2]), default=inf)
        ours, theirs = source[i:i + di], translated[j:j + dj]
        numbers = _numbers(ours, source_numbers)
        sure = other - best >= MARGIN or (bool(numbers) and numbers == _numbers(theirs, translated_numbers))
        groups.append(Group(ours, theirs, sure))
    return tuple(groups)


def _once(read: Numbers) -> Numbers:
    """`read`, remembering what it gave for each text."""
    known: dict[str, frozenset[object]] = {}

    def remembered(text: str) -> frozenset[object]:
        found = known.get(text)
        if found is None:
            found = known[text] = read(text)
        return found

    return remembered


def _numbers(sentences: tuple[Sentence, ...], read: Numbers) -> frozenset[object]:
    return frozenset().union(*(read(s.text) for s in sentences))
