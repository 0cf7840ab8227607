"""The number check's scans of a sentence by string searches where they cannot change what they find (a speed-up,
issue 28): numbers in words found in an ASCII text in lower case without re.I, digits in an ASCII text with NUMBER
compiled for ASCII, PROPORTION and EVENTS searched only in a text where their words follow a number, PART_OF's words
read whole, _RECEIVED from its first letters, TOTAL, KINDS, NOT_COUNTED, APPROXIMATE and ABSTRACT_PAIRS in an ASCII
text's lower case, and PER_HUNDREDS from its first digit; each held to the pattern it stands for on 20,000 random
texts."""

from __future__ import annotations

import random
import re

from plainsum.checks.numbers import (
    _ABSTRACT_PAIRS_LOWER,
    _RECEIVED,
    ABSTRACT_PAIRS,
    EVENTS,
    KINDS,
    NOT_COUNTED,
    NUMBER_WORDS,
    PART_OF,
    PER_HUNDREDS,
    PROPORTION,
    TOTAL,
    count_kind,
    may_have_events,
    may_have_proportion,
    number_kind,
    number_word_spans,
    states_total,
)
from plainsum.checks.plain import _ASCII_NUMBER, NUMBER
from plainsum.words.numbers import APPROXIMATE, TEENS, TENS, UNITS, approximate_before

WORDS = [*UNITS, *TEENS, *TENS]
PIECES = [*WORDS, *(word.upper() for word in WORDS[:6]), *(word.title() for word in WORDS[6:14]), "hundred", "Thousand",
          "a", "A", "and", "in", "IN", "In", "out of", "Out Of", "of every", "of  every", "every", "of", "out", "people",
          "1", "12", "300", "1,000", "1,0001", "0.5", "-", "--", "twenty-one", "x-two", "two-x", "sixty six", "ſix", "Kelvin",
          "one\tin", "two\nin", "\x1c", "in\x1cten", " ", "  ", ",", ".", "(", ")", "é", "seventeen", "oneone", "ten.",
          "1.5", "0.25", "12,345", "1,23", "3-4", "x-5", "A-7", "5th", "7a", "_9", "٣", "²"]


def random_texts(count: int) -> list[str]:
    rng = random.Random(2816)
    texts = []
    for _ in range(count):
        parts = [rng.choice(PIECES) for _ in range(rng.randint(1, 9))]
        texts.append("".join(part + rng.choice(["", " ", " ", " ", "  ", "-", ",", "\t"]) for part in parts))
    return texts


def test_number_word_spans_are_number_words_matches() -> None:
    for text in random_texts(20000):
        assert number_word_spans(text) == [match.span() for match in NUMBER_WORDS.finditer(text)], text
        if text.isascii():
            assert number_word_spans(text, text.lower()) == number_word_spans(text), text


def test_no_proportion_where_may_have_proportion_says_none() -> None:
    found = 0
    for text in random_texts(20000):
        if not may_have_proportion(text):
            assert PROPORTION.search(text) is None, text
        else:
            found += PROPORTION.search(text) is not None
    assert found > 100  # the texts hold proportions to find


def test_proportions_of_sentences() -> None:
    for text in ["One in ten people", "12 out of 100 women", "two of every five", "1 in\t10", "one in\x1cten", "3  in  4",
                 "seventy-one in 1,000 people", "ninety\nin 100"]:
        assert PROPORTION.search(text) is not None and may_have_proportion(text), text
    for text in ["people in the trials", "in 12 studies", "twenty studies in 2010", "1.5 in", "someone in"]:
        assert not may_have_proportion(text), text


def test_ascii_number_finds_numbers_matches_in_ascii_texts() -> None:
    for text in random_texts(20000):
        if text.isascii():
            assert [m.span() for m in _ASCII_NUMBER.finditer(text)] == [m.span() for m in NUMBER.finditer(text)], text


# the patterns as they were written before their faster forms
PART_OF_BEFORE = re.compile(r"\s*(?:[a-z-]+\s*){0,3}?[,(]\s*(?:and\s+)?of\s+(?:whom|which|these|them)\s+(?:only\s+|just\s+)?"
                            r"(\d{1,3}(?:,\d{3})+|\d+)", re.I)
RECEIVED_BEFORE = re.compile(r"\b(?:received|got|given|receive|get|randomi[sz]ed|allocated|assigned)\b")
PART_PIECES = ["5968", "participants", "people", "Women", "x-ray", "-", ",", "(", ")", "of", "OF", "whom", "which", "these",
               "them", "and", "only", "just", "5264", "1,234", "12", "were", "analysed", "é", "ſ", "\u212a", "\t", "\n",
               "received", "Received", "receive", "receives", "got", "given", "get", "getting", "randomised", "randomized",
               "allocated", "assigned", "_", "reassigned", "x2", ", of whom", "(of which", ", and of these", "of them",
               ", of whom only 12", "(of these just 1,500", ",of  whom\t3"]


def test_part_of_and_received_match_as_their_patterns_before() -> None:
    rng = random.Random(2817)
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(PART_PIECES) + rng.choice(["", " ", " ", "  ", ", "]) for _ in range(rng.randint(1, 10)))
        assert (RECEIVED_BEFORE.search(text) is None) == (_RECEIVED.search(text) is None), text
        for end in range(len(text) + 1):
            before, now = PART_OF_BEFORE.match(text, end), PART_OF.match(text, end)
            assert (before is None) == (now is None), (text, end)
            if before is not None and now is not None:
                assert before.span() == now.span() and before.group(1) == now.group(1), (text, end)
                found += 1
    assert found > 500  # the texts hold parts to find


TOTAL_PIECES = ["We", "we", "WE", "review", "Review", "update", "authors", "researchers", "reviewers", ",", "however", "so",
                "only", "have", "found", "Found", "included", "identified", "analysed", "analyzed", "reviewed", "looked", "at",
                "a total of", "A Total Of", "in total", "and", "altogether", "studies", "trials", "RCTs", "rcts", "with",
                "involving", "that included", "randomised", "randomized", "RandomiZed", "were", "was", "is", "been", "met",
                "all", "the", "our", "inclusion", "criteria", "requirements", "for", "of", "based", "on", "12", "x-ray",
                "'s", "\u212a", "\u017f", "é", "\t", "\n", "\x1c"]


def test_states_total_is_total_search() -> None:
    rng = random.Random(2819)
    said = 0
    for _ in range(20000):
        text = "".join(rng.choice(TOTAL_PIECES) + rng.choice(["", " ", " ", " ", "  ", ", "]) for _ in range(rng.randint(1, 12)))
        assert states_total(text) == (TOTAL.search(text) is not None), text
        said += states_total(text)
    assert said > 2000  # the texts state totals


KIND_PIECES = ["12", "1,234", "(", ")", "(12 people)", "studies", "Studies", "STUDY", "trials", "RCTs", "rct", "RCT", "people",
               "Participants", "women", "children", "included", "randomised", "new", "small", "in", "of", "the", "years",
               "ongoing", "Excluded", "awaiting", "%", "per cent", "percentage points", "times", "more", "Times As",
               "study", "findings", "arms", "x-ray", "k\u212aelvin", "\u017ftudies", "é", "\t", "\x1c", "more than", "about",
               "Nearly", "up to", "~", "at least", "just over", "ſome"]


def test_kinds_and_approximations_read_as_their_patterns_with_re_i() -> None:
    rng = random.Random(2820)
    kinds = 0
    for _ in range(20000):
        text = "".join(rng.choice(KIND_PIECES) + rng.choice(["", " ", " ", " ", "  ", ", "]) for _ in range(rng.randint(1, 9)))
        for end in range(len(text) + 1):
            expected = None
            if not NOT_COUNTED.match(text, end):
                expected = next((kind for kind, pattern in KINDS.items() if pattern.match(text, end)), None)
            assert number_kind(text, end) == expected, (text, end)
            following = text[end:end + 1]
            counted = expected if expected in ("studies", "people") and (
                following.isspace() or following.isalpha() or following == "(") else None
            assert count_kind(text, end) == counted, (text, end)
            assert approximate_before(text, end) == (APPROXIMATE.search(text[max(0, end - 20):end]) is not None), (text, end)
            kinds += expected is not None
    assert kinds > 20000  # the texts hold counts of each kind


PAIR_PIECES = ["12", "1,234", "two", "Twenty-One", "studies", "Trials", "RCTs", "rct", "people", "Participants", "women",
               "N =", "n=", "(", ")", ",", ";", "with", "involving", "in", "a total of", "included", "randomised", "of",
               "the", "x-ray", "é", "\u212a", "\u017ftudies", "\t", "\x1c", "12 studies, 340 people", "Five RCTs (N = 120 women)",
               "3 trials involving 1,200 participants", "7792 children; 5 studies", "Two Studies; 80 People"]


def test_abstract_pairs_patterns_in_lower_case_match_as_with_re_i() -> None:
    rng = random.Random(2822)
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(PAIR_PIECES) + rng.choice(["", " ", " ", " ", "  "]) for _ in range(rng.randint(1, 10)))
        if not text.isascii():
            continue
        for pattern, twin in zip(ABSTRACT_PAIRS, _ABSTRACT_PAIRS_LOWER, strict=True):
            expected = [(m.span(), tuple(g.lower() for g in m.groups())) for m in pattern.finditer(text)]
            assert [(m.span(), m.groups()) for m in twin.finditer(text.lower())] == expected, text
            found += len(expected)
    assert found > 300  # the texts hold pairs


PER_HUNDREDS_BEFORE = re.compile(r"(?<![\w.,-])(\d+(?:\.\d+)?)\s+per\s+(10|100|1000|10,000|10000)(?![\w,-])", re.I)


def test_per_hundreds_from_its_first_digit_matches_as_before() -> None:
    rng = random.Random(2823)
    pieces = ["17", "0.5", "1.", ".5", "x1", "-3", ",2", "per", "PER", "Per", "100", "1000", "10,000", "10000", "10", "1,000",
              "people", "a", "-", ",", ".", "é", "\u0663", "\t", "\n"]
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", " ", "  "]) for _ in range(rng.randint(1, 9)))
        expected = [(m.span(), m.groups()) for m in PER_HUNDREDS_BEFORE.finditer(text)]
        assert [(m.span(), m.groups()) for m in PER_HUNDREDS.finditer(text)] == expected, text
        found += len(expected)
    assert found > 100  # the texts hold counts per 10 to 10,000


def test_no_events_where_may_have_events_says_none() -> None:
    rng = random.Random(2824)
    pieces = [*PIECES, "of", "OF", "Of", "out of", "Out  of", "(1.6%)", "( 12 % )", "(12%)", "68", "4206", "399", "627",
              "people", "women", "participants", "out", "x)", "of\tten"]
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", " ", " ", "  ", ","]) for _ in range(rng.randint(1, 9)))
        if not may_have_events(text):
            assert EVENTS.search(text) is None, text
        else:
            found += EVENTS.search(text) is not None
    assert found > 200  # the texts hold events out of groups
    for text in ["68 (1.6%) of 4206", "17 out of 197 people", "399  out  of 627 participants (63.6%)", "Thirteen of fifty",
                 "13 (18%) of 56"]:
        assert may_have_events(text) and EVENTS.search(text) is not None, text
    for text in ["most of the people", "out of 12", "the rest of 12 trials", "some (x) of 5"]:
        assert not may_have_events(text) or text == "some (x) of 5", text
