"""Syllables of words in Spanish, Italian, Portuguese, French, German and Dutch, by rule.

Spanish, Italian and Portuguese spell their syllables regularly: a syllable has one vowel nucleus,
and two adjacent vowels share a nucleus (a diphthong) unless both are strong (a, e, o, or an
accented i or u), which is a hiatus (Real Academia Española, Ortografía 2010, 4.2; the Italian and
Portuguese grammars state the same rule). French, German and Dutch spellings are less regular; for
them each group of adjacent vowel letters is one syllable, with the corrections each language needs
(a silent final e in French, vowel pairs said as two syllables, a diaeresis that separates vowels).

Hyphenation dictionaries (pyphen) are not used: they mark where a word may be broken at a line end,
and never next to a single letter ("a-mi" is not a hyphenation point), so they undercount; the
rules here are measured against hand-counted words in tests/test_syllabify.py, and
docs/readability.md gives the measured agreement of both.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache


def _nuclei(word: str, vowels: frozenset[str], weak: frozenset[str]) -> int:
    """Vowel nuclei of a Romance word: adjacent vowels share one unless both are strong, or unless the
    first is a weak vowel that already closed a diphthong ("ai-u-to": the i glides, the u opens)."""
    count = 0
    previous = ""
    glided = False  # the previous vowel was weak and joined the vowel before it
    for char in word:
        if char not in vowels:
            previous, glided = "", False
            continue
        if not previous or glided or (previous not in weak and char not in weak):
            count += 1
            glided = False
        else:
            glided = char in weak and previous not in weak
        previous = char
    return max(count, 1)


_ES_VOWELS = frozenset("aeiouáéíóúü")
_ES_WEAK = frozenset("iuü")


def spanish(word: str) -> int:
    """Spanish: nuclei, with y a vowel only at a word's end after a vowel ("hoy", "muy") or alone."""
    if word == "y":
        return 1
    if word.endswith("y") and len(word) > 1 and word[-2] in _ES_VOWELS:
        word = word[:-1] + "i"
    return _nuclei(word, _ES_VOWELS, _ES_WEAK)


_IT_VOWELS = frozenset("aeiouàèéìíòóùú")
_IT_WEAK = frozenset("iu")


def italian(word: str) -> int:
    """Italian: nuclei (the i of "ci", "gi", "gli", "sci" before a vowel joins it, as a weak vowel does)."""
    return _nuclei(word, _IT_VOWELS, _IT_WEAK)


_PT_VOWELS = frozenset("aeiouáàâãéêíóôõúü")
_PT_WEAK = frozenset("iuü")
_PT_NASAL = re.compile(r"ão|ãe|õe")
_PT_SILENT_U = re.compile(r"(?<=[qg])u(?=[aeoiáéíóêô])")


def portuguese(word: str) -> int:
    """Portuguese: nuclei, but an i or u after a consonant before another vowel is a hiatus inside a word
    ("pa-ci-en-te", "cri-an-ça", "di-a-be-tes") and a diphthong only at its end ("fa-mí-lia", "his-tó-ria");
    the nasal diphthongs ão, ãe, õe are one syllable, and the u of qu, gu is silent."""
    word = _PT_SILENT_U.sub("", _PT_NASAL.sub("ã", word))
    count = 0
    previous = ""
    weak_opened = False  # the previous vowel was a weak one that opened its own syllable
    glided = False  # the previous vowel was a weak one that closed a diphthong ("en-sai-os")
    for index, char in enumerate(word):
        if char not in _PT_VOWELS:
            previous, weak_opened, glided = "", False, False
            continue
        if not previous or glided:
            count += 1
            weak_opened, glided = char in _PT_WEAK, False
        elif previous in _PT_WEAK and weak_opened and char not in _PT_WEAK:
            rest = word[index + 1 :]
            final = not any(c in _PT_VOWELS for c in rest) and rest in ("", "s", "m")
            if not final:
                count += 1
            weak_opened = False
        elif previous not in _PT_WEAK and char not in _PT_WEAK:
            count += 1  # two strong vowels: a hiatus ("do-en-ça", "sa-ú-de")
            weak_opened = False
        else:
            glided = char in _PT_WEAK and previous not in _PT_WEAK
            weak_opened = False
        previous = char
    return max(count, 1)


_FR_VOWELS = frozenset("aeiouyàâäéèêëîïôöûùüÿœæ")
_FR_SPLIT_AFTER = frozenset("é")  # "ré-u-nion", "cré-er", "thé-â-tre": é and the next vowel are two syllables
_FR_SPLIT_BEFORE = frozenset("ëïü")  # a diaeresis opens a syllable: "na-ïf", "No-ël"
_FR_SHORT_WORDS = frozenset(["le", "de", "je", "ce", "me", "te", "se", "ne", "que", "les", "des", "mes", "ces", "ses", "tes"])


_FR_SILENT_U = re.compile(r"(?<=q)u|(?<=g)u(?=[eiéèêy])")


def french(word: str) -> int:
    """French, as said: vowel groups, less a silent final e or es after a consonant ("table", "études"),
    with é before a vowel, a diaeresis and y between vowels separating syllables; the u of qu, gue, gui
    is silent ("risque", "guerre")."""
    word = _FR_SILENT_U.sub("", word)
    count = 0
    previous = ""
    for index, char in enumerate(word):
        if char in _FR_VOWELS:
            between_vowels = char == "y" and previous and index + 1 < len(word) and word[index + 1] in _FR_VOWELS
            if not previous or previous in _FR_SPLIT_AFTER or char in _FR_SPLIT_BEFORE:
                count += 1
            elif between_vowels:
                count += 1  # "cra-yon", "moy-en": the y closes one syllable and opens the next
            previous = char
        else:
            previous = ""
    if count > 1 and word not in _FR_SHORT_WORDS:
        stem = word[:-2] if word.endswith("es") else word[:-1] if word.endswith("e") else ""
        if stem and stem[-1] not in _FR_VOWELS:
            count -= 1
    return max(count, 1)


_DE_VOWELS = frozenset("aeiouyäöü")
# vowel letters side by side that are two syllables in German: Si-tu-a-ti-on, Stu-di-um, The-a-ter, Pa-ti-ent
_DE_TWO = re.compile(r"(?<![q])u[aeoi]|i[aou]|e[ao]|o[ae](?!h)|ien(?=t)|(?<=[^aeiouäöü])ie(?=ll)")


def german(word: str) -> int:
    """German: vowel groups (ei, au, eu, äu, ie and doubled vowels are one), and pairs said as two."""
    return _groups(word, _DE_VOWELS) + len(_DE_TWO.findall(word))


_NL_VOWELS = frozenset("aeiouyáéíóúàèäëïöü")
_NL_SPLIT_BEFORE = frozenset("ëïöüäéè")  # a diaeresis (and an accent in a vowel group) opens a syllable: ge-ë-va-lu-eerd
_NL_TWO = re.compile(r"(?<![q])u[ao]|i[aou]|eo|(?<=[^aeiou])ue(?!r)")


def dutch(word: str) -> int:
    """Dutch: vowel groups (aa, ee, oo, uu, ie, oe, eu, ui, ei, ou, au, ooi, eeuw... are one; ij is i
    and a j), a diaeresis separating vowels, and pairs said as two (ra-di-o, si-tu-a-tie)."""
    count = 0
    previous = ""
    for char in word:
        if char in _NL_VOWELS:
            if not previous or char in _NL_SPLIT_BEFORE:
                count += 1
            previous = char
        else:
            previous = ""
    return max(count + len(_NL_TWO.findall(word)), 1)


def _groups(word: str, vowels: frozenset[str]) -> int:
    count = 0
    previous_vowel = False
    for char in word:
        vowel = char in vowels
        if vowel and not previous_vowel:
            count += 1
        previous_vowel = vowel
    return max(count, 1)


RULES: dict[str, Callable[[str], int]] = {
    "es": spanish,
    "it": italian,
    "pt": portuguese,
    "fr": french,
    "de": german,
    "nl": dutch,
}

_LETTERS = re.compile(r"[^\W\d_]+")
_SPLIT = re.compile(r"[-/\u2010\u2011\u2012\u2013]+")
_ACRONYM = re.compile(r"[A-ZÀ-Ý]{2,5}s?")


def syllable_counter(language: str) -> Callable[[str], int]:
    """A cached function: syllables of one word token (punctuation already removed) in `language`."""
    rule = RULES[language]

    @lru_cache(maxsize=65536)
    def count(word: str) -> int:
        parts = [part for part in _SPLIT.split(word) if part]
        if len(parts) > 1:
            return sum(count(part) for part in parts)
        if _ACRONYM.fullmatch(word):
            return len(word.rstrip("s"))  # spelt letter by letter, one syllable each
        runs = _LETTERS.findall(word.lower())
        if not runs:
            return 1  # a number or symbol: one syllable, as for English
        total = sum(rule(run) for run in runs)
        return total + sum(1 for piece in re.findall(r"\d+", word))

    return count
