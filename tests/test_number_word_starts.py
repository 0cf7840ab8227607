"""number_word_spans in an ASCII text tries NUMBER_WORDS only where a match may start (after a character that is not
a word's nor a hyphen, at a word of its tree or "a hundred", "a thousand": _NUMBER_WORD_START), in order (a speed-up,
issue 28): held to NUMBER_WORDS.finditer on 20,000 random ASCII texts whose words and separators are every ASCII
character, number words in every case and glued to each other, and on the texts of the word lists."""

from __future__ import annotations

from random_texts import random_texts

from plainsum.checks.numbers import NUMBER_WORDS, number_word_spans
from plainsum.words.numbers import SCALES, TEENS, TENS, UNITS

NUMBERS = [*UNITS, *TEENS, *TENS]
PIECES = [*NUMBERS, *(word.upper() for word in NUMBERS[::3]), *(word.title() for word in NUMBERS[1::3]), *SCALES,
          "a", "A", "and", "an", "none", "often", "tend", "tenth", "ones", "weight", "sixth", "fourth", "a hundred",
          "A Thousand", "one hundred and five", "twenty-one", "twenty one", "sixty  six", "x-two", "two-x", "_one",
          "one_", "1", "12", "1,000", "0.5"]
SEPARATORS = [chr(code) for code in range(128)]


def random_ascii_texts(count: int) -> list[str]:
    return random_texts(PIECES, lambda rng: rng.choice([" ", " ", " ", "", "-", rng.choice(SEPARATORS), rng.choice(SEPARATORS) * 2]), count, 2819)


def test_number_word_spans_of_ascii_texts_are_number_words_matches() -> None:
    for text in random_ascii_texts(20000):
        expected = [match.span() for match in NUMBER_WORDS.finditer(text)]
        assert number_word_spans(text) == expected, text
        assert number_word_spans(text, text.lower()) == expected, text


def test_every_number_word_found_at_every_place() -> None:
    for word in [*NUMBERS, "a hundred", "a thousand", "two hundred and six", "ninety-nine thousand"]:
        for before in SEPARATORS:
            for after in ("", " ", ".", "-", "s", "\n"):
                for text in (word + after, before + word + after, "x" + before + word + after):
                    assert number_word_spans(text) == [match.span() for match in NUMBER_WORDS.finditer(text)], text
