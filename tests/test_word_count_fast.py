"""The scorer's counting of a word it meets for the first time, by shorter ways where they cannot change its counts (a
speed-up, issue 28): rule_syllables' vowel groups of an ASCII word read from its bytes, and _TWO_SYLLABLE_PAIRS looked
for only in a word that holds one of the pairs of letters its matches open with; a word's packed counts looked up by
its syllables, letters and unfamiliarity. Each held to the code it stands for on 20,000 random words and the words of
the Dale-Chall list and CMU."""

from __future__ import annotations

import random
import re

from plainsum.readability import metrics
from plainsum.readability.syllables import VOWELS, cmu_syllables, rule_syllables

_VOWEL_GROUPS = re.compile("[aeiouy]+")
_TWO_SYLLABLE_PAIRS = re.compile(r"(?<![cgstq])i[ao]|eo|iu|(?<!q)u[ao]|[^aeiou]ie(?=[rt])")


def reference_rule_syllables(word: str) -> int:
    """rule_syllables as it was written before its short ways."""
    count = len(_VOWEL_GROUPS.findall(word))
    if count == 0:
        return 1
    count += len(_TWO_SYLLABLE_PAIRS.findall(word))
    if len(word) > 3:
        before = word[-3]
        if word.endswith("ed"):
            if before not in VOWELS and before not in "dt":
                count -= 1
        elif word.endswith("es"):
            sibilant = before in "sxzcg" or word[-4:-2] in ("ch", "sh")
            if not sibilant and before not in VOWELS:
                count -= 1
        elif word.endswith("e") and word[-2] not in VOWELS and not (word.endswith("le") and before not in VOWELS):
            count -= 1
    if word.endswith("ism") and len(word) > 4:
        count += 1
    return max(1, count)


LETTERS = "aeiouyaeiouqcgstrdnlmhxzwbkpfvjAEY-'. 1\u00e9\u00fc\u00e6\u0131\u017f\t\n"


def random_words(count: int) -> list[str]:
    rng = random.Random(2817)
    pieces = ["ia", "io", "eo", "iu", "ua", "uo", "ie", "qu", "qua", "cia", "sio", "tie", "rie", "ier", "iet", "ed", "es",
              "le", "ism", "ches", "shes", "ges"]
    words = []
    for _ in range(count):
        parts = [rng.choice(pieces) if rng.random() < 0.3 else rng.choice(LETTERS) for _ in range(rng.randint(0, 12))]
        words.append("".join(parts))
    return words


def test_rule_syllables_is_the_rule_as_written() -> None:
    for word in random_words(20000):
        assert rule_syllables(word) == reference_rule_syllables(word), word
    for word in list(cmu_syllables())[::7]:
        assert rule_syllables(word) == reference_rule_syllables(word), word
    for word in metrics.familiar_words():
        assert rule_syllables(word) == reference_rule_syllables(word), word


def test_english_pack_looked_up_is_worked_out() -> None:
    rng = random.Random(2818)
    cases = [(count, letters, unfamiliar) for count in range(0, 40) for letters in range(0, 70) for unfamiliar in (0, 1)]
    cases += [(rng.randint(0, 5000), rng.randint(0, 5000), rng.randint(0, 1)) for _ in range(2000)]
    cases += [(1023, 1023, 1), (1024, 3, 0), (3, 1024, 1), (2**20, 2**21, 1)]
    for count, letters, unfamiliar in cases:
        expected = metrics._word_pack(count, letters, unfamiliar, unfamiliar if count >= 3 else 0, 1 if count >= 3 else 0,
                                      1 if letters > metrics.LIX_LONG_LETTERS else 0, 1 if count == 1 else 0)
        assert metrics._english_pack(count, letters, unfamiliar) == expected, (count, letters, unfamiliar)
        assert metrics._english_pack(count, letters, unfamiliar) == expected, (count, letters, unfamiliar)  # kept
