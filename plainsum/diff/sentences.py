"""Sentences added, removed and changed between two versions of a document, with word-level marks.

The two sentence lists are aligned with difflib's longest-matching-block method; within a block of
replaced sentences, each old sentence is paired with the next new one that shares enough of its
words (a changed sentence), and the rest are removed or added. A changed sentence carries word
marks: the runs of words kept, deleted and inserted, as `git diff --word-diff` shows them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from plainsum.readability.score import Sentence

WORD = re.compile(r"\S+")
SAME_SENTENCE = 0.5  # the least share of words in common for a replaced sentence to count as changed


@dataclass(frozen=True)
class WordMark:
    op: str  # "equal", "delete" or "insert"
    text: str


@dataclass(frozen=True)
class SentencePair:
    status: str  # "added", "removed" or "changed"
    old: Sentence | None
    new: Sentence | None
    marks: tuple[WordMark, ...] = ()


def _normal(text: str) -> str:
    return " ".join(text.split())


def word_marks(old: str, new: str) -> tuple[WordMark, ...]:
    a, b = WORD.findall(old), WORD.findall(new)
    marks: list[WordMark] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            marks.append(WordMark("equal", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            marks.append(WordMark("delete", " ".join(a[i1:i2])))
        if j2 > j1:
            marks.append(WordMark("insert", " ".join(b[j1:j2])))
    return tuple(marks)


def _similarity(old: str, new: str) -> float:
    return SequenceMatcher(None, WORD.findall(old.lower()), WORD.findall(new.lower()), autojunk=False).ratio()


def compare_sentences(old: list[Sentence], new: list[Sentence]) -> list[SentencePair]:
    a = [_normal(s.text) for s in old]
    b = [_normal(s.text) for s in new]
    pairs: list[SentencePair] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        j = j1
        for i in range(i1, i2):
            match = next((k for k in range(j, j2) if _similarity(a[i], b[k]) >= SAME_SENTENCE), None)
            if match is None:
                pairs.append(SentencePair("removed", old[i], None))
                continue
            pairs.extend(SentencePair("added", None, new[k]) for k in range(j, match))
            pairs.append(SentencePair("changed", old[i], new[match], word_marks(a[i], b[match])))
            j = match + 1
        pairs.extend(SentencePair("added", None, new[k]) for k in range(j, j2))
    return pairs


def marked_text(marks: tuple[WordMark, ...]) -> str:
    """The changed sentence with git's word-diff marks: [-old-]{+new+}."""
    pieces = []
    for mark in marks:
        pieces.append(mark.text if mark.op == "equal" else f"[-{mark.text}-]" if mark.op == "delete" else f"{{+{mark.text}+}}")
    return " ".join(pieces)
