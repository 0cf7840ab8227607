"""Readers of the hand-counted data sets in tests/fixtures/readability (their headers say how each was made)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "readability"
LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl")
GOLD_LANGUAGES = ("es", "fr", "de")
_PIECES = re.compile(r"[-·]")
_GIVEN = re.compile(r"\{(\d+)\}$")


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def hand_words(language: str) -> list[tuple[str, int, str]]:
    """(word, syllables, division) of syllables_<language>.txt."""
    rows = []
    for line in _lines(FIXTURES / f"syllables_{language}.txt"):
        word, division = line.split("\t")
        rows.append((word, len(_PIECES.split(division)), division))
    return rows


@dataclass(frozen=True)
class HandText:
    text: str  # as a reader sees it
    sentences: list[str]
    words: int
    syllables: int
    word_syllables: list[tuple[str, int]]


def _token_syllables(token: str) -> tuple[str, int]:
    given = _GIVEN.search(token)
    if given:
        return token[: given.start()], int(given.group(1))
    return token.replace("·", ""), len(_PIECES.split(token))


def _parse_texts(path: Path) -> list[HandText]:
    texts = []
    for line in _lines(path):
        marked = line.split(" | ")
        sentences = [" ".join(_token_syllables(token)[0] for token in part.split(" ")) for part in marked]
        counted = [_token_syllables(token) for part in marked for token in part.split(" ")]
        words = [(word, count) for word, count in counted if any(ch.isalnum() for ch in word)]
        texts.append(HandText(" ".join(sentences), sentences, len(words), sum(count for _, count in words), words))
    return texts


def hand_texts(language: str) -> list[HandText]:
    """The ten texts of texts_<language>.txt with their hand counts."""
    return _parse_texts(FIXTURES / f"texts_{language}.txt")


def french_lay_summaries() -> list[HandText]:
    """The two French texts of lay_summaries_fr.txt, for Kandel and Moles's formula."""
    return _parse_texts(FIXTURES / "lay_summaries_fr.txt")


def gold_paragraphs(language: str) -> list[list[str]]:
    """Paragraphs of gold_sentences_<language>.txt, each a list of its sentences as marked by hand."""
    raw = (FIXTURES / f"gold_sentences_{language}.txt").read_text(encoding="utf-8")
    body = "\n".join(line for line in raw.splitlines() if not line.startswith("#"))
    return [[line for line in block.splitlines() if line.strip()] for block in body.split("\n\n") if block.strip()]
