"""NUMBER_WORDS's lookahead on the first letters of number words (a speed-up, issue 28) finds exactly what the
pattern without it finds."""

from __future__ import annotations

import re

import pytest

from plainsum.checks.numbers import _FIRST_LETTERS, NUMBER_WORDS

WITHOUT = re.compile(NUMBER_WORDS.pattern.replace(f"(?=[{_FIRST_LETTERS}])", "", 1), re.I)

SENTENCES = [
    "Seventeen studies with two hundred and fifteen people were found; one thousand women took part.",
    "Twenty-one trials (a hundred children) compared THREE doses over ninety-nine days.",
    "Often someone's intention was not done: no number here, only words that hold 'ten' and 'one'.",
    "Eleven, twelve and thirteen-year-olds; forty-four per cent; eight-week courses; Nine in ten.",
    "A thousand and one nights, a hundred years, sixty-six; fifty fifty; seven-seventy.",
    "",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_same_matches_as_without_the_lookahead(text: str) -> None:
    assert NUMBER_WORDS.pattern != WITHOUT.pattern
    assert [m.span() for m in NUMBER_WORDS.finditer(text)] == [m.span() for m in WITHOUT.finditer(text)]


def test_every_alternative_begins_with_a_first_letter() -> None:
    from plainsum.words.numbers import TEENS, TENS, UNITS

    assert all(word[0].lower() in _FIRST_LETTERS for word in [*UNITS, *TEENS, *TENS, "a hundred", "a thousand"])
