"""Work results.number skips because it cannot change a finding (a speed-up, issue 28): the counts the abstract prints
anywhere read digits first and words only when a number in words may equal the value; the patterns of counts per
100 or 1000 are searched only in a text that has "00"."""

from __future__ import annotations

import itertools
import random

import pytest

from plainsum.checks.numbers import (
    FRAME_WORD,
    NATURAL,
    NATURAL_BASE,
    NUMBER_WORDS,
    PER_FRAME,
    _Anywhere,
    _no_scale_word,
    _text_numbers,
    counted_kinds,
    word_value,
)
from plainsum.words.numbers import TEENS, TENS, UNITS

SECTIONS = [
    "We included 12 studies (1234 participants). Two hundred and twelve women took part in one thousand and five visits.",
    "Twelve trials with 1,234 people; RR 0.82, 95% CI 0.70 to 0.96; 12.0 per cent; N = 300; 0012 and 12.50.",
    "Of eight studies, seven recruited people with hip fracture; 300 recruited women and 45 who received placebo.",
    "One thouſand and twelve women (ſ reads as s case-blind) and ninety-nine men; a hundred children; TWENTY-ONE trials.",
    "Nineteen nine studies, one-two people, sixty six trials, 1E-7, ١٢ participants and ٣ studies.",
    "",
]
VALUES = ["12", "1234", "212", "1005", "300", "45", "7", "8", "1012", "99", "100", "21", "28", "3", "66", "0.82", "12.5",
          "1E-7", "half of", "1 in 10", "0"]


def reference_has(sections: list[str], kind: str, value: str) -> bool:
    """What the abstract prints anywhere, read as before: every number in digits and in words of every section."""
    kinds: set[str] = set()
    for text in sections:
        digits, words = _text_numbers(text)
        for start, end, found in (*digits, *words):
            if found == value:
                kinds |= counted_kinds(text, start, end)
    return kind in kinds


@pytest.mark.parametrize("sections", [SECTIONS, SECTIONS[:1], SECTIONS[1:2], SECTIONS[3:4], SECTIONS[4:], []])
def test_has_answers_as_reading_every_number(sections: list[str]) -> None:
    for kind in ("studies", "people"):
        anywhere = _Anywhere([(text, []) for text in sections], dict)
        for value in VALUES:
            assert anywhere.has(kind, value) == reference_has(sections, kind, value), (kind, value)


def test_a_number_in_words_of_100_or_more_has_a_word_of_scale() -> None:
    words = [*UNITS, *TEENS, *TENS]
    texts = [f"{a}{sep}{b}" for a, b in itertools.product(words, [*UNITS, *words]) for sep in ("-", " ")]
    texts += [f"{a} hundred and {b}" for a, b in zip(words, reversed(words), strict=True)] + ["a thousand", "A Hundred"]
    for text in texts:
        values = [word_value(m.group(0)) for m in NUMBER_WORDS.finditer(text)]
        if _no_scale_word(text):
            assert all(v is not None and v < 100 for v in values), text
        else:
            assert any(v is not None and v >= 100 for v in values), text
    assert not _no_scale_word("one thouſand") and _no_scale_word("one thousnd")


@pytest.mark.parametrize("pattern", [NATURAL, NATURAL_BASE, FRAME_WORD, PER_FRAME])
def test_every_count_per_100_or_1000_holds_00(pattern: object) -> None:
    rng = random.Random(28)
    pieces = ["for every", "in every", "of every", "out of", "per", "in", "of", "if", " ", " 1", "0", "00", "1,000", "10,000",
              "100", "1000", "people", ", ", "27", "more", "x"]
    for _ in range(20000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        for start in range(len(text) + 1):
            found = pattern.match(text, start) if pattern is NATURAL else pattern.search(text, 0, start)  # type: ignore[attr-defined]
            if found is not None:
                assert "00" in text, text
                break
