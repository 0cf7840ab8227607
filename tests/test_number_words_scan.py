"""The lookaheads on the first characters a match can begin with (a speed-up, issue 28): NUMBER_WORDS,
PROPORTION and FRACTION_WORDS find exactly what the patterns without them find."""

from __future__ import annotations

import re

import pytest

from plainsum.checks.numbers import _FIRST_LETTERS, FRACTION_WORDS, FRACTIONS, NUMBER_WORDS, PROPORTION

WITHOUT = re.compile(NUMBER_WORDS.pattern.replace(f"(?=[{_FIRST_LETTERS}])", "", 1), re.I)
PROPORTION_WITHOUT = re.compile(PROPORTION.pattern.replace(f"(?=[\\d{_FIRST_LETTERS}])", "", 1), re.I)
FRACTION_WITHOUT = re.compile(re.sub(r"^\(\?<!\[\\w-\]\)\(\?=\[[a-z]+\]\)", r"(?<![\\w-])", FRACTION_WORDS.pattern), re.I)

SENTENCES = [
    "Seventeen studies with two hundred and fifteen people were found; one thousand women took part.",
    "Twenty-one trials (a hundred children) compared THREE doses over ninety-nine days.",
    "Often someone's intention was not done: no number here, only words that hold 'ten' and 'one'.",
    "Eleven, twelve and thirteen-year-olds; forty-four per cent; eight-week courses; Nine in ten.",
    "A thousand and one nights, a hundred years, sixty-six; fifty fifty; seven-seventy.",
    "One in ten people, 1 in 7 women, two out of every three, 3 of every 100; half of the women, a third of them.",
    "One third of the trials, three quarters of all people, a fifth of these; Half of them, one tenth of 1000.",
    "",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_same_matches_as_without_the_lookahead(text: str) -> None:
    assert NUMBER_WORDS.pattern != WITHOUT.pattern
    assert [m.span() for m in NUMBER_WORDS.finditer(text)] == [m.span() for m in WITHOUT.finditer(text)]
    assert PROPORTION.pattern != PROPORTION_WITHOUT.pattern and FRACTION_WORDS.pattern != FRACTION_WITHOUT.pattern
    assert [m.span() for m in PROPORTION.finditer(text)] == [m.span() for m in PROPORTION_WITHOUT.finditer(text)]
    assert [m.span() for m in FRACTION_WORDS.finditer(text)] == [m.span() for m in FRACTION_WITHOUT.finditer(text)]


def test_every_alternative_begins_with_a_first_letter() -> None:
    from plainsum.words.numbers import TEENS, TENS, UNITS

    assert all(word[0].lower() in _FIRST_LETTERS for word in [*UNITS, *TEENS, *TENS, "a hundred", "a thousand"])
    letters = FRACTION_WORDS.pattern.split("(?=[", 1)[1].split("]", 1)[0]
    assert all(name[0] in letters for name in FRACTIONS)


def test_a_proportion_needs_two_numbers_found() -> None:
    """_numbers tries PROPORTION only on a text where NUMBER and NUMBER_WORDS find two numbers or more (or one and a
    comma): each term is one of their matches, no match holds both. Random texts of number words, digits and the
    proportion's words hold to it."""
    import random

    from plainsum.checks.plain import NUMBER

    vocabulary = ["one", "two", "ten", "twenty", "twenty-one", "thirty five", "hundred", "a hundred", "two hundred and five",
                  "in", "out of", "of every", "every", "1", "10", "100", "1,000", "1.5", "12,5", "1,0001", "-", ",", ".", "(",
                  ")", "%", "people", "One", "In", "OUT OF", "Ten", "seventeen", "x1", "2nd"]
    rng = random.Random(28)
    for _ in range(20000):
        text = "".join(rng.choice(vocabulary) + rng.choice([" ", "", "  ", "-", "\n"]) for _ in range(rng.randint(1, 8)))
        if PROPORTION.search(text):
            found = len(list(NUMBER.finditer(text))) + len(list(NUMBER_WORDS.finditer(text)))
            assert found >= 2 or (found and "," in text), text


def test_the_numbers_of_a_text_read_through_the_fast_scan_are_the_patterns() -> None:
    from plainsum.checks.numbers import NUMBER, NUMBER_WORDS, _numbers_in, normalise_number, word_value

    texts = ["Twenty-one trials (1,234 people) and three more; one hundred and five in all.", "seven studies, n = 2639",
             "Ninety per cent of the forty-two; a hundred or so", "naïve twenty-one — ünïcode thirty"]
    for text in texts:
        old = {normalise_number(m.group(1)) for m in NUMBER.finditer(text)}
        old.update(str(v) for m in NUMBER_WORDS.finditer(text) if (v := word_value(m.group(0))) is not None)
        assert _numbers_in(text) == old, text
