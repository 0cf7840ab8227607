"""_numbers' proportions in an ASCII text found by trying PROPORTION only where a match may start (after a character
that [\\w.,-] does not match, at a digit or a number in words: _PROPORTION_START), in order (a speed-up, issue 28); and
may_have_proportion's and _may_have_fraction's tests by shorter means. Held to PROPORTION.finditer and to the tests as
they were on 20,000 random ASCII texts of numbers, number words in every case, connectors and every ASCII character."""

from __future__ import annotations

from random_texts import random_texts

from plainsum.checks.numbers import (
    _CONNECTORS,
    _OTHER_SPACE,
    _TERM_ENDS,
    FRACTION_NAMES,
    PROPORTION,
    _may_have_fraction,
    _proportions,
    may_have_proportion,
)
from plainsum.words.numbers import TEENS, TENS, UNITS

NUMBERS = [*UNITS, *TEENS, *TENS]
PIECES = [*NUMBERS, *(word.upper() for word in NUMBERS[::3]), *(word.title() for word in NUMBERS[1::3]), "1", "12", "300",
          "1,000", "1,0001", "0.5", "12.5", "in", "IN", "In", "out of", "Out Of", "of every", "every", "of", "out", "people",
          "half", "Third", "quarters", "fifth", "tenth", "a", "twenty-one", "x-two", "two-x", "-", ".", ",", "_"]
SEPARATORS = [chr(code) for code in range(128)]


def random_ascii_texts(count: int) -> list[str]:
    return random_texts(PIECES, lambda rng: rng.choice([" ", " ", " ", " ", "", "  ", rng.choice(SEPARATORS), rng.choice(SEPARATORS) * 2]), count, 2822)


def reference_may_have_proportion(text: str, lower: str) -> bool:
    if not text.isascii() or any(map(text.__contains__, _OTHER_SPACE)):
        return True
    for connector in _CONNECTORS:
        at = lower.find(connector)
        while at >= 0:
            end = len(lower[:at + 1].rstrip(" "))
            if end and (lower[end - 1].isdigit() or lower.endswith(_TERM_ENDS, 0, end)):
                return True
            at = lower.find(connector, at + 1)
    return False


def test_proportions_are_proportion_matches() -> None:
    found = 0
    for text in random_ascii_texts(20000):
        expected = [(match.span(), match.groups()) for match in PROPORTION.finditer(text)]
        assert [(match.span(), match.groups()) for match in _proportions(text, text.lower())] == expected, text
        assert [(match.span(), match.groups()) for match in _proportions(text, None)] == expected, text
        found += len(expected)
    assert found > 500  # proportions were made and found


def test_may_have_proportion_and_fraction_as_they_were() -> None:
    for text in random_ascii_texts(20000):
        lower = text.lower()
        assert may_have_proportion(text, lower) == reference_may_have_proportion(text, lower), text
        assert _may_have_fraction(text, lower) == any(map(lower.__contains__, FRACTION_NAMES)), text
