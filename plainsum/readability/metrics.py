"""Readability formulas, all read from one set of counts.

Counts are taken once per sentence (`count_sentence`) and summed for sections and documents;
every formula below is arithmetic on them, with the constants textstat 0.7.13 uses, so on
ordinary prose the figures agree with textstat's. The deliberate differences (sentence
boundaries, syllables of compounds and acronyms, numbers in Dale-Chall, ARI's word count) are
listed in docs/readability.md.
"""

from __future__ import annotations

import importlib.util
import math
import re
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from plainsum.config import FORMULA_NAMES
from plainsum.readability.syllables import syllables

LONG_WORD_SYLLABLES = 3  # a "long word" has three or more syllables (the polysyllables of SMOG and fog)
LINSEAR_WORDS = 100  # Linsear Write reads the first 100 words, as textstat does by default

_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_STRIP = "\"'`.,;:!?()[]{}<>*_~\u201c\u201d\u2018\u2019\u00ab\u00bb\u2013\u2014\u2026|/\\-+=#@^"
_COMPOUND = re.compile(r"[-\u2010\u2011\u2012\u2013/]+")


@lru_cache(maxsize=1)
def familiar_words() -> frozenset[str]:
    """The Dale-Chall list of 3,000 familiar words, as shipped in textstat's resources.

    Read from the installed package's folder without importing textstat (which imports nltk)."""
    spec = importlib.util.find_spec("textstat")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("textstat is not installed; it ships the Dale-Chall word list plainsum reads")
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "en" / "easy_words.txt"
    with path.open(encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip())


class WordInfo(NamedTuple):
    word: str  # the token without the punctuation around it
    syllables: int
    letters: int  # letters and digits
    familiar: bool  # on the Dale-Chall list (numbers count as familiar)
    unfamiliar: int  # 1 when not familiar (summed by the counters)
    fog_hard: int  # 1 when unfamiliar and three or more syllables
    long: int  # 1 when three or more syllables
    packed: int  # all the counts above in one integer, so a sentence's counts are one sum (see _pack)


# Counts packed into one integer, 20 bits each: a sentence's counts are then a single sum().
_FIELD = 20
_MASK = (1 << _FIELD) - 1


def _pack(syllable_count: int, letters: int, unfamiliar: int, fog_hard: int, long: int) -> int:
    values = (1, syllable_count, letters, unfamiliar, fog_hard, long)
    return sum(value << (_FIELD * index) for index, value in enumerate(values))


_NOT_A_WORD = WordInfo("", 0, 0, True, 0, 0, 0, 0)
_word_cache: dict[str, WordInfo] = {}


def word_info(token: str) -> WordInfo | None:
    """What the formulas need to know about one whitespace token; None when it is not a word."""
    info = _lookup(token)
    return None if info is _NOT_A_WORD else info


def _word_info(token: str) -> WordInfo | None:
    letters = len(_LETTER_OR_DIGIT.findall(token))
    if not letters:
        return None
    word = token.strip(_STRIP).replace("\u2019", "'")
    if not word:
        word = token
    lower = word.lower()
    has_letter = any(ch.isalpha() for ch in lower)
    easy = familiar_words()
    if not has_letter:
        familiar = True  # a number is not an unfamiliar word
    elif lower in easy:
        familiar = True
    else:
        parts = [part for part in _COMPOUND.split(lower) if part]
        familiar = len(parts) > 1 and all(part in easy or not any(c.isalpha() for c in part) for part in parts)
    count = syllables(word)
    long = 1 if count >= LONG_WORD_SYLLABLES else 0
    unfamiliar = 0 if familiar else 1
    fog_hard = 0 if familiar else long
    return WordInfo(word, count, letters, familiar, unfamiliar, fog_hard, long, _pack(count, letters, unfamiliar, fog_hard, long))


@dataclass(slots=True)
class Counts:
    sentences: int = 0
    words: int = 0
    syllables: int = 0
    long_words: int = 0  # words of three or more syllables
    letters: int = 0  # letters and digits in words (Coleman-Liau)
    characters: int = 0  # non-space characters, punctuation included (ARI, as textstat counts)
    fog_hard_words: int = 0  # three or more syllables and not on the Dale-Chall list
    unfamiliar_words: int = 0  # not on the Dale-Chall list

    def add(self, other: Counts) -> None:
        self.sentences += other.sentences
        self.words += other.words
        self.syllables += other.syllables
        self.long_words += other.long_words
        self.letters += other.letters
        self.characters += other.characters
        self.fog_hard_words += other.fog_hard_words
        self.unfamiliar_words += other.unfamiliar_words

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(slots=True)
class SentenceCounts:
    counts: Counts
    words: list[WordInfo]

    @property
    def long_words(self) -> list[str]:
        return [w.word for w in self.words if w.long]


def _lookup(token: str) -> WordInfo:
    info = _word_cache.get(token)
    if info is None:
        info = _word_info(token) or _NOT_A_WORD
        if len(_word_cache) < 500_000:
            _word_cache[token] = info
    return info


def count_sentence(tokens: list[str]) -> SentenceCounts:
    """Counts for one sentence from its whitespace tokens."""
    cache_get = _word_cache.get
    infos = [cache_get(token) or _lookup(token) for token in tokens]
    words = [info for info in infos if info is not _NOT_A_WORD]
    characters = sum(map(len, tokens))
    if not words:
        return SentenceCounts(Counts(characters=characters), words)
    if characters < _MASK:
        total = sum([info.packed for info in words])
        word_count = total & _MASK
        syllable_total = (total >> _FIELD) & _MASK
        letters = (total >> (2 * _FIELD)) & _MASK
        unfamiliar = (total >> (3 * _FIELD)) & _MASK
        fog_hard = (total >> (4 * _FIELD)) & _MASK
        long = total >> (5 * _FIELD)
    else:  # a "sentence" too long for the packed fields
        word_count = len(words)
        syllable_total = sum(w.syllables for w in words)
        letters = sum(w.letters for w in words)
        unfamiliar = sum(w.unfamiliar for w in words)
        fog_hard = sum(w.fog_hard for w in words)
        long = sum(w.long for w in words)
    counts = Counts(1, word_count, syllable_total, long, letters, characters, fog_hard, unfamiliar)
    return SentenceCounts(counts, words)


def linsear_write(sentences: list[list[WordInfo]]) -> float:
    """Linsear Write on the first 100 words: easy words (1-2 syllables) count 1, hard ones 3.

    The sentences are those the first 100 words touch; a sentence cut after its first one or two
    words is not counted (as textstat, which ignores fragments of two words or fewer)."""
    total = 0
    used = 0
    sentence_count = 0
    for words in sentences:
        if used >= LINSEAR_WORDS:
            break
        if not words:
            continue
        taken = words[: LINSEAR_WORDS - used]
        if len(taken) > 2 or len(taken) == len(words):
            sentence_count += 1
        for info in taken:
            total += 3 if info.long else 1
        used += len(taken)
    if not sentence_count:
        return 0.0
    score = total / sentence_count
    if score <= 20:
        score -= 2
    return score / 2


def count_figures(counts: Counts) -> dict[str, float]:
    words, sentences = counts.words, counts.sentences
    return {
        "sentences": sentences,
        "words": words,
        "syllables": counts.syllables,
        "words_per_sentence": words / sentences if sentences else 0.0,
        "syllables_per_word": counts.syllables / words if words else 0.0,
        "long_words": counts.long_words,
        "long_word_share": 100.0 * counts.long_words / words if words else 0.0,
    }


def formula_figures(counts: Counts, linsear: float) -> dict[str, float]:
    """Every formula from the counts. Constants as in textstat 0.7.13 (and the formulas' authors)."""
    words, sentences = counts.words, counts.sentences
    if not words or not sentences:
        return dict.fromkeys(FORMULA_NAMES, 0.0)
    per_sentence = words / sentences
    per_word = counts.syllables / words
    return {
        "flesch_kincaid_grade": 0.39 * per_sentence + 11.8 * per_word - 15.59,
        "flesch_reading_ease": 206.835 - 1.015 * per_sentence - 84.6 * per_word,
        "smog_index": 1.043 * math.sqrt(30 * counts.long_words / sentences) + 3.1291,
        "gunning_fog": 0.4 * (per_sentence + 100.0 * counts.fog_hard_words / words),
        "coleman_liau_index": 0.058 * (100.0 * counts.letters / words) - 0.296 * (100.0 * sentences / words) - 15.8,
        "automated_readability_index": 4.71 * counts.characters / words + 0.5 * per_sentence - 21.43,
        "dale_chall_readability_score": _dale_chall(100.0 * counts.unfamiliar_words / words, per_sentence),
        "linsear_write_formula": linsear,
    }


def _dale_chall(unfamiliar_share: float, per_sentence: float) -> float:
    score = 0.1579 * unfamiliar_share + 0.0496 * per_sentence
    if unfamiliar_share > 5:
        score += 3.6365  # Dale and Chall's adjustment for texts with more than 5% unfamiliar words
    return score


def figures(counts: Counts, sentence_words: list[list[WordInfo]], with_formulas: bool = True) -> dict[str, float]:
    result = count_figures(counts)
    if with_formulas:
        result.update(formula_figures(counts, linsear_write(sentence_words)))
    return result


def sentence_figures(counts: Counts) -> dict[str, float]:
    """The figures reported for one sentence: its counts and its Flesch-Kincaid grade and reading ease."""
    words = counts.words
    per_word = counts.syllables / words if words else 0.0
    return {
        "words": words,
        "syllables": counts.syllables,
        "long_words": counts.long_words,
        "flesch_kincaid_grade": 0.39 * words + 11.8 * per_word - 15.59 if words else 0.0,
        "flesch_reading_ease": 206.835 - 1.015 * words - 84.6 * per_word if words else 0.0,
    }
