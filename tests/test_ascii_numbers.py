"""plain.ascii_numbers: NUMBER's matches in an ASCII text found by trying it only where a match may start (a digit at
the start or after a character that is not [\\w.,]), in order (a speed-up, issue 28); held to NUMBER.finditer (and
_ASCII_NUMBER's) on 20,000 random ASCII texts of numbers and every ASCII character, and digit_numbers as it was."""

from __future__ import annotations

from random_texts import random_texts

from plainsum.checks.plain import _ASCII_NUMBER, NUMBER, ascii_numbers, digit_numbers, normalise_number

PIECES = ["1", "12", "300", "0", "007", "1,000", "1,0001", "12,345,678", "0.5", "12.5", ".5", "5.", "1.2.3", "3-4", "x-5",
          "A-7", "5th", "7a", "_9", "a1", "COVID19", "1,23", "2,500.75", "95%", "(12)", "[3]", "n=62", "-1", "--2", "e", "x"]
SEPARATORS = [chr(code) for code in range(128)]


def random_ascii_texts(count: int) -> list[str]:
    return random_texts(PIECES, lambda rng: rng.choice([" ", " ", "", "", rng.choice(SEPARATORS), rng.choice(SEPARATORS) * 2]), count, 2823)


def test_ascii_numbers_are_number_matches() -> None:
    found = 0
    for text in random_ascii_texts(20000):
        expected = [(match.span(), match.group(1)) for match in NUMBER.finditer(text)]
        assert [(match.span(), match.group(1)) for match in ascii_numbers(text)] == expected, text
        assert [(match.span(), match.group(1)) for match in _ASCII_NUMBER.finditer(text)] == expected, text
        found += len(expected)
    assert found > 20000


def test_digit_numbers_as_it_was() -> None:
    for text in random_ascii_texts(5000):
        digit_numbers.cache_clear()
        assert digit_numbers(text) == tuple((match.start(), match.end(), normalise_number(match.group(1)))
                                            for match in NUMBER.finditer(text)), text
