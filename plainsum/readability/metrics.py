"""Readability formulas, all read from one set of counts.

Counts are taken once per sentence (`count_sentence`) and summed for sections and documents;
every formula below is arithmetic on them, with the constants their authors published; where
textstat 0.7.13 departs from those (Coleman-Liau's 0.058 for 0.0588, ARI's punctuation, Dale-Chall's
inflected forms) plainsum follows the authors. The deliberate differences (sentence boundaries,
syllables of compounds and acronyms, numbers in Dale-Chall) are listed in docs/readability.md.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from plainsum.config.figures import EASIER_WHEN_HIGHER
from plainsum.readability.languages import ENGLISH, LanguageProfile

LONG_WORD_SYLLABLES = 3  # a "long word" has three or more syllables (the polysyllables of SMOG and fog)
LINSEAR_WORDS = 100  # Linsear Write reads the first 100 words, as textstat does by default
LIX_LONG_LETTERS = 6  # LIX, RIX and the Wiener Sachtextformel count words of more than six letters

_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_ANY_LETTER = re.compile(r"[^\W\d_]")  # a letter (or a numeric character that is no decimal digit, such as "²")
_STRIP = "\"'`.,;:!?()[]{}<>*_~\u201c\u201d\u2018\u2019\u00ab\u00bb\u2013\u2014\u2026|/\\-+=#@^"
_COMPOUND = re.compile(r"[-\u2010\u2011\u2012\u2013/]+")
# A URL or DOI is a reference, not words a reader reads: it is left out of every count.
_LINK = re.compile(r"(?:https?://|ftp://|www\.|doi:|doi\.org/|10\.\d{4,9}/)", re.I)


@lru_cache(maxsize=1)
def familiar_words() -> frozenset[str]:
    """The Dale-Chall list of familiar words, as textstat 0.7.13 ships it (data/NOTICE-textstat.txt)."""
    path = Path(__file__).with_name("data") / "dale_chall_familiar_words.txt"
    with path.open(encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip())


def _inflections(base: str) -> list[str]:
    """The regular inflections of a word: plural and third person (-s, -es, -ies), possessive (-'s, -s'),
    past (-d, -ed, -ied), present participle (-ing), comparison (-r, -er, -ier, -st, -est, -iest), with the
    final consonant doubled after a single stressed vowel ("stopped", "running", "bigger") and a final e
    dropped ("making", "hoped", "largest")."""
    forms = [base + "'s", base + "s'"]
    if base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
        stem = base[:-1]
        forms += [base + "s", stem + "ies", stem + "ied", base + "ing", stem + "ier", stem + "iest"]
    elif base.endswith("e"):
        forms += [base + "s", base + "d", base[:-1] + "ing", base + "r", base + "st"]
    else:
        forms += [base + "s", base + "es", base + "ed", base + "ing", base + "er", base + "est"]
        if len(base) > 2 and base[-1] not in "aeiouwxy" and base[-2] in "aeiou" and base[-3] not in "aeiou":
            doubled = base + base[-1]
            forms += [doubled + "ed", doubled + "ing", doubled + "er", doubled + "est"]
    return forms


@lru_cache(maxsize=1)
def familiar_forms() -> frozenset[str]:
    """The Dale-Chall list and the regular inflections of its words, which Dale and Chall count as familiar
    (E. Dale and J. S. Chall, "A formula for predicting readability: instructions", Educational Research
    Bulletin 27 (1948) 37-54: plurals, possessives, verb forms in -s, -ed, -ing and comparisons in -er, -est
    of listed words are familiar; derivatives such as -ly, -ness are not). Made once, so that familiarity
    stays one set lookup a word."""
    words = familiar_words()
    return frozenset(words).union(*(_inflections(word) for word in words if word.isalpha()))


def dale_chall_familiar(lower: str) -> bool:
    """Whether a lower-case word counts as familiar by Dale and Chall's rules (`familiar_forms`)."""
    return lower in familiar_forms()


class WordInfo(NamedTuple):
    word: str  # the token without the punctuation around it
    syllables: int
    letters: int  # letters and digits
    familiar: bool  # on the Dale-Chall list (numbers count as familiar)
    unfamiliar: int  # 1 when not familiar (summed by the counters)
    fog_hard: int  # 1 when unfamiliar and three or more syllables
    long: int  # 1 when three or more syllables
    packed: int  # all the counts above in one integer, 20 bits each (see _pack; the scorer sums another layout, _FIELD)
    long_letters: int = 0  # 1 when more than six letters (LIX, RIX, Wiener Sachtextformel)
    monosyllable: int = 0  # 1 when one syllable (Wiener Sachtextformel)


# Counts packed into one integer, _FIELD bits a count in the order of Counts' fields after `sentences`: a word's
# (WordInfo.packed: one word, its syllables, letters and flags), a token's (its word's and its characters, or one
# link) and a sentence's, the sum of its tokens'. The fields are wide enough that no sum of a text's counts
# carries from one into the next, so a sentence's counts are one C-level sum over its tokens and a section's one
# sum over its sentences, read field by field only when asked for: a token counts at most its characters in any
# field but syllables, and at most four syllables a character (a W spelt out: "uve doble"), so a text shorter than
# LONGEST_TEXT characters (score_document refuses a longer one) stays under 2**32 in every field, with room for
# twice that. The links come last, in a field of their own without a bound. (32 bits rather than more: the integers summed for every token
# are a quarter shorter, and that sum is a sixth of the scoring.)
_FIELD = 32
LONGEST_TEXT = 2**29  # characters (a text of 537 million; plainsum's commands read at most a few million)
_MASK = (1 << _FIELD) - 1
_WORDS, _SYLLABLES, _LONG, _LETTERS, _CHARACTERS, _FOG_HARD, _UNFAMILIAR, _LONG_LETTERS, _MONOSYLLABLES, _LINKS = (
    index * _FIELD for index in range(10))
_ONE_LINK = 1 << _LINKS
WORDS_MASK = _MASK  # packed counts & WORDS_MASK: their words (packed_words, as a C-level callable: WORDS_MASK.__and__)
LONG_WORDS_AT = _LONG  # (packed counts >> LONG_WORDS_AT) & WORDS_MASK: their long words (packed_long_words)
SYLLABLES_AT = _SYLLABLES  # (packed counts >> SYLLABLES_AT) & WORDS_MASK: their syllables
_MAX_CACHED_TOKEN = 1024  # a longer token is counted each time it is met, not kept


def _word_pack(syllable_count: int, letters: int, unfamiliar: int, fog_hard: int, long: int, long_letters: int,
               monosyllable: int) -> int:
    """A word's packed counts: one word and its syllables, letters and flags (no characters, no link)."""
    return (1 | syllable_count << _SYLLABLES | long << _LONG | letters << _LETTERS | fog_hard << _FOG_HARD
            | unfamiliar << _UNFAMILIAR | long_letters << _LONG_LETTERS | monosyllable << _MONOSYLLABLES)


# WordInfo.packed: a word's counts in 20 bits each (what the scorer summed before _FIELD; WordInfo keeps it as it was).
_INFO_FIELD = 20


def _pack(syllable_count: int, letters: int, unfamiliar: int, fog_hard: int, long: int, long_letters: int, monosyllable: int) -> int:
    field = _INFO_FIELD
    return (1 + (syllable_count << field) + (letters << (2 * field)) + (unfamiliar << (3 * field)) + (fog_hard << (4 * field))
            + (long << (5 * field)) + (long_letters << (6 * field)) + (monosyllable << (7 * field)))


def unpack_counts(packed: int) -> tuple[int, ...]:
    """Counts' fields, in order, of packed counts (a sentence's: `sentences` is 1 when it holds a word)."""
    words = packed & _MASK
    return (1 if words else 0, words, (packed >> _SYLLABLES) & _MASK, (packed >> _LONG) & _MASK, (packed >> _LETTERS) & _MASK,
            (packed >> _CHARACTERS) & _MASK, (packed >> _FOG_HARD) & _MASK, (packed >> _UNFAMILIAR) & _MASK,
            (packed >> _LONG_LETTERS) & _MASK, (packed >> _MONOSYLLABLES) & _MASK, packed >> _LINKS)


def packed_words(packed: int) -> int:
    """The words of packed counts."""
    return packed & _MASK


def packed_long_words(packed: int) -> int:
    """The words of three or more syllables of packed counts."""
    return (packed >> _LONG) & _MASK


def packed_links(packed: int) -> int:
    """The links (URLs, DOIs) of packed counts."""
    return packed >> _LINKS


def sum_counts(sentences: list[int]) -> Counts:
    """The Counts of sentences' packed counts (each holding a word): one sum, then its fields."""
    counts = Counts(*unpack_counts(sum(sentences)))
    counts.sentences = len(sentences)
    return counts


_NOT_A_WORD = WordInfo("", 0, 0, True, 0, 0, 0, 0)
_LINK_TOKEN = WordInfo("<link>", 0, 0, True, 0, 0, 0, 0)  # a URL or DOI: not a word, but counted as left out


class _TokenCache:
    """What one language's tokens count, learnt once per distinct token and per distinct word, kept as numbers only
    (the garbage collector walks every object a process holds; dictionaries of strings and numbers it skips).

    `packs` maps a whitespace token to its packed counts (see _FIELD), learnt when first looked up with [], so
    that a sentence's counts are one C-level sum over its tokens however many are new. `words` maps the word a
    token holds (its punctuation stripped) to its packed counts (`_word_pack`; 0 when it is no word), so that "effect",
    "effect," and "(effect" are worked out once. Bounded: emptied when it reaches `limit` entries."""

    __slots__ = ("cmu", "count_syllables", "easy", "english", "language", "limit", "packs", "rule_syllables", "said_in_full",
                 "values", "words")

    def __init__(self, language: LanguageProfile, limit: int = 500_000) -> None:
        self.language = language
        self.english = language.english
        self.limit = limit
        self.packs: _Packs = _Packs(self)
        self.words: dict[str, int] = {}
        # each distinct packed value once: the corpus's 98,000 tokens have about 1,000, and a sentence's sum reads
        # the value of each of its tokens, so they are read from a few kilobytes rather than megabytes of integers
        self.values: dict[int, int] = {}
        self.count_syllables = language.syllables()
        self.easy = familiar_forms() if language.english else frozenset()
        # what _packed_word reads of plainsum.readability.syllables to count a common English word without calling it
        self.cmu: dict[str, int] = {}
        self.said_in_full: dict[str, int] = {}
        self.rule_syllables: Callable[[str], int] = self.count_syllables
        if self.english:
            from plainsum.readability.syllables import SAID_IN_FULL, cmu_syllables, rule_syllables

            self.cmu, self.said_in_full, self.rule_syllables = cmu_syllables(), SAID_IN_FULL, rule_syllables

    def make_room(self) -> None:
        if len(self.packs) >= self.limit or len(self.words) >= self.limit:
            self.packs.clear()
            self.words.clear()
            self.values.clear()

    def word(self, token: str) -> WordInfo:
        """The token's WordInfo, _NOT_A_WORD or _LINK_TOKEN."""
        if _LINK.search(token):
            return _LINK_TOKEN if _LETTER_OR_DIGIT.search(token) else _NOT_A_WORD
        word = token.strip(_STRIP).replace("\u2019", "'")
        packed = self.words.get(word)
        if packed is not None:
            return _unpack(word, packed) if packed else _NOT_A_WORD
        info = _word_info(word or token, self.language) or _NOT_A_WORD
        if len(word) < _MAX_CACHED_TOKEN:
            self.make_room()
            self.words[word] = _word_pack(info.syllables, info.letters, info.unfamiliar, info.fog_hard, info.long,
                                          info.long_letters, info.monosyllable) if info.letters else 0
        return info


class _Packs(dict[str, int]):
    """_TokenCache.packs: a token's packed counts, learnt when first looked up with [] (__missing__)."""

    __slots__ = ("cache",)

    def __init__(self, cache: _TokenCache) -> None:
        super().__init__()
        self.cache = cache

    def __missing__(self, token: str) -> int:
        """A token's packed counts, worked out and kept (a token of _MAX_CACHED_TOKEN characters or more is not kept)."""
        cache = self.cache
        length = len(token)
        if token.isalpha():  # the common case, a word with nothing around it: no link, nothing to strip
            word = token
            words = cache.words
            part = words.get(word)
            if part is None:
                part = _packed_word(word, cache)
                if length < _MAX_CACHED_TOKEN:
                    if len(words) >= cache.limit:
                        cache.make_room()
                    words[word] = part
            packed = part | length << _CHARACTERS
        # each start of a link holds '/' or ':', or is "www." in some case
        elif ("/" in token or ":" in token or ("." in token and ("w" in token or "W" in token))) and _LINK.search(token):
            packed = _ONE_LINK if _LETTER_OR_DIGIT.search(token) else length << _CHARACTERS
        else:
            word = token.strip(_STRIP).replace("\u2019", "'")
            words = cache.words
            part = words.get(word)
            if part is None:
                part = _packed_word(word or token, cache)
                if len(word) < _MAX_CACHED_TOKEN:
                    if len(words) >= cache.limit:
                        cache.make_room()
                    words[word] = part
            packed = part | length << _CHARACTERS
        if length < _MAX_CACHED_TOKEN:
            if len(self) >= cache.limit:
                cache.make_room()
            packed = self[token] = cache.values.setdefault(packed, packed)
        return packed


def _unpack(word: str, packed: int) -> WordInfo:
    """The WordInfo of `word` from its packed counts (`_word_pack`)."""
    syllables, letters, long = (packed >> _SYLLABLES) & _MASK, (packed >> _LETTERS) & _MASK, (packed >> _LONG) & _MASK
    unfamiliar, fog_hard = (packed >> _UNFAMILIAR) & _MASK, (packed >> _FOG_HARD) & _MASK
    long_letters, monosyllable = (packed >> _LONG_LETTERS) & _MASK, (packed >> _MONOSYLLABLES) & _MASK
    return WordInfo(word, syllables, letters, not unfamiliar, unfamiliar, fog_hard, long,
                    _pack(syllables, letters, unfamiliar, fog_hard, long, long_letters, monosyllable), long_letters, monosyllable)


_token_caches: dict[str, _TokenCache] = {}


def _token_cache(language: LanguageProfile) -> _TokenCache:
    cache = _token_caches.get(language.code)
    if cache is None:
        cache = _token_caches[language.code] = _TokenCache(language)
    return cache


def word_info(token: str, language: LanguageProfile = ENGLISH) -> WordInfo | None:
    """What the formulas need to know about one whitespace token; None when it is not a word."""
    info = _token_cache(language).word(token)
    return None if info is _NOT_A_WORD or info is _LINK_TOKEN else info


def _letters(word: str) -> tuple[int, bool]:
    """The letters and digits of a word its punctuation stripped (0: no word), and whether one is a letter."""
    if word.isalpha():  # the common case: letters only
        return len(word), True
    letters = len(_LETTER_OR_DIGIT.findall(word))
    return letters, letters > 0 and any(map(str.isalpha, word))


def _familiar(lower: str, easy: frozenset[str]) -> bool:
    """Whether a lower-case English word is on the Dale-Chall list, or a compound of words on it (and numbers)."""
    if lower in easy:
        return True
    if lower.isalpha():  # no hyphen or slash: no compound
        return False
    parts = [part for part in _COMPOUND.split(lower) if part]
    return len(parts) > 1 and all(part in easy or not any(map(str.isalpha, part)) for part in parts)


def _word_info(word: str, language: LanguageProfile) -> WordInfo | None:
    """The counts of a word, its punctuation already stripped (a token with no letter or digit: None)."""
    letters, has_letter = _letters(word)
    if not letters:
        return None
    count = language.syllables()(word)
    long = 1 if count >= LONG_WORD_SYLLABLES else 0
    long_letters = 1 if letters > LIX_LONG_LETTERS else 0
    monosyllable = 1 if count == 1 else 0
    if not language.english:  # the Dale-Chall list is English: other languages have no unfamiliar words
        return WordInfo(word, count, letters, True, 0, 0, long, _pack(count, letters, 0, 0, long, long_letters, monosyllable),
                        long_letters, monosyllable)
    familiar = not has_letter or _familiar(word.lower(), familiar_forms())  # a number is not an unfamiliar word
    unfamiliar = 0 if familiar else 1
    fog_hard = 0 if familiar else long
    packed = _pack(count, letters, unfamiliar, fog_hard, long, long_letters, monosyllable)
    return WordInfo(word, count, letters, familiar, unfamiliar, fog_hard, long, packed, long_letters, monosyllable)


def _packed_word(word: str, cache: _TokenCache) -> int:
    """The counts of _word_info(word, cache.language) packed by _word_pack (0 when it is no word), without making the
    WordInfo. Learnt once a distinct word, so written out: in English a word of letters in lower case or with a capital
    first, a number, and a compound of such words joined by hyphens or slashes are counted without a call but to the
    syllable counter of each part of a compound, and each as _word_info counts it (tests/test_metrics.py holds them
    equal)."""
    english = cache.english
    alpha = word.isalpha()
    if alpha:  # the common case: _letters' answer without calling it
        letters = len(word)
        if english:
            lower = word.lower()
            # plainsum.readability.syllables.syllables' common case (rule 1, else rule 6 for a word of a-z), without its
            # cache: a word's counts are kept here
            if (word.islower() or (word[0].isupper() and word[1:].islower())) and (
                    len(lower) >= 7 or lower not in cache.said_in_full):
                found = cache.cmu.get(lower)
                if found is not None:
                    count = found if found > 1 else 1
                elif word.isascii() and word.islower():
                    count = cache.rule_syllables(word)
                else:
                    count = cache.count_syllables(word)
            else:
                count = cache.count_syllables(word)
            return _english_pack(count, letters, 0 if lower in cache.easy else 1)
    else:
        if english and _ANY_LETTER.search(word) is None:
            # a number or symbols ("2013", "0.73", "95%", "<"): what the lines below work out for it, without the
            # syllable rules: one syllable (rule 4 of plainsum.readability.syllables, which no earlier rule takes,
            # since each reads letters, and no CMU entry is spelt without a letter), and never unfamiliar
            digits = len(_LETTER_OR_DIGIT.findall(word))
            return _NUMBER_PACKS[digits] if digits < len(_NUMBER_PACKS) else _number_pack(digits)
        if english and _LOWER_COMPOUND.fullmatch(word):
            # "non-randomised", "response/remission": rule 3 of the syllables (the sum of the parts) unless CMU has the
            # compound itself (rule 1); familiar when on the list or each part is (_familiar)
            parts = _COMPOUND_BREAK.split(word)
            found = cache.cmu.get(word)
            if found is not None:
                count = found if found > 1 else 1
            else:
                count_syllables = cache.count_syllables
                count = sum(count_syllables(part) for part in parts)
            easy = cache.easy
            familiar = word in easy or all(part in easy for part in parts)
            return _english_pack(count, len(word) - len(parts) + 1, 0 if familiar else 1)
        letters, has_letter = _letters(word)
        if not letters:
            return 0
        english = english and has_letter  # other languages have no unfamiliar words; a number is not one
    count = cache.count_syllables(word)
    long = 1 if count >= LONG_WORD_SYLLABLES else 0
    if english:
        lower = word.lower()
        # _familiar, written out for a word of letters (which is no compound)
        unfamiliar = 0 if lower in cache.easy or (not alpha and _familiar(lower, cache.easy)) else 1
    else:
        unfamiliar = 0
    return (1 | count << _SYLLABLES | long << _LONG | letters << _LETTERS | (long & unfamiliar) << _FOG_HARD
            | unfamiliar << _UNFAMILIAR | (1 if letters > LIX_LONG_LETTERS else 0) << _LONG_LETTERS
            | (1 if count == 1 else 0) << _MONOSYLLABLES)


# A compound of lower-case words of a-z joined by single hyphens or slashes, and what splits it into them (what
# plainsum.readability.syllables._SPLIT and _COMPOUND split it into)
_LOWER_COMPOUND = re.compile(r"[a-z]+(?:[-/][a-z]+)+")
_COMPOUND_BREAK = re.compile(r"[-/]")


def _english_pack(count: int, letters: int, unfamiliar: int) -> int:
    """_word_pack of an English word with a letter, from its syllables, letters and whether it is unfamiliar: looked up
    (_ENGLISH_PACKS) for a word of fewer than 1,024 letters and syllables."""
    if count < 1024 and letters < 1024:
        key = count << 11 | letters << 1 | unfamiliar
        packed = _ENGLISH_PACKS.get(key)
        if packed is None:
            packed = _ENGLISH_PACKS[key] = _english_pack_of(count, letters, unfamiliar)
        return packed
    return _english_pack_of(count, letters, unfamiliar)


# _english_pack's answers by syllables, letters and unfamiliarity (in one small integer, its key): working a word's
# packed counts out takes a dozen operations on integers of ten 32-bit fields (about 4,000 instructions); the corpus's
# 49,000 distinct words have a few hundred of them
_ENGLISH_PACKS: dict[int, int] = {}


def _english_pack_of(count: int, letters: int, unfamiliar: int) -> int:
    """_english_pack, worked out."""
    long = 1 if count >= LONG_WORD_SYLLABLES else 0
    return (1 | count << _SYLLABLES | long << _LONG | letters << _LETTERS | (long & unfamiliar) << _FOG_HARD
            | unfamiliar << _UNFAMILIAR | (1 if letters > LIX_LONG_LETTERS else 0) << _LONG_LETTERS
            | (1 if count == 1 else 0) << _MONOSYLLABLES)


def _number_pack(digits: int) -> int:
    """_word_pack of a word of `digits` digits and no letter: one syllable, never unfamiliar."""
    return _word_pack(1, digits, 0, 0, 0, 1 if digits > LIX_LONG_LETTERS else 0, 1)


_NUMBER_PACKS = [_number_pack(digits) if digits else 0 for digits in range(64)]


@dataclass(slots=True)
class Counts:
    sentences: int = 0
    words: int = 0
    syllables: int = 0
    long_words: int = 0  # words of three or more syllables
    letters: int = 0  # letters and digits in words (Coleman-Liau, ARI)
    characters: int = 0  # non-space characters, punctuation included (what textstat's ARI counts; reported only)
    fog_hard_words: int = 0  # three or more syllables and not on the Dale-Chall list
    unfamiliar_words: int = 0  # not on the Dale-Chall list
    long_letter_words: int = 0  # more than six letters (LIX, RIX, Wiener Sachtextformel)
    monosyllables: int = 0  # words of one syllable (Wiener Sachtextformel)
    links: int = 0  # URLs and DOIs left out of the counts

    def add(self, other: Counts) -> None:
        self.sentences += other.sentences
        self.words += other.words
        self.syllables += other.syllables
        self.long_words += other.long_words
        self.letters += other.letters
        self.characters += other.characters
        self.fog_hard_words += other.fog_hard_words
        self.unfamiliar_words += other.unfamiliar_words
        self.long_letter_words += other.long_letter_words
        self.monosyllables += other.monosyllables
        self.links += other.links

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(slots=True)
class SentenceCounts:
    counts: Counts
    words: list[WordInfo]

    @property
    def long_words(self) -> list[str]:
        return [w.word for w in self.words if w.long]


def count_tokens(tokens: list[str], language: LanguageProfile = ENGLISH) -> Counts:
    """Counts for one sentence from its whitespace tokens (sentences 0 when it holds no word)."""
    return Counts(*sentence_counts(tokens, language))


def sentence_counts(tokens: list[str], language: LanguageProfile = ENGLISH) -> tuple[int, ...]:
    """count_tokens as a tuple of Counts' fields in their order: a tuple of numbers is all a sentence keeps until
    its Counts are read (the garbage collector leaves it alone, where it walks every Counts of every document)."""
    return sentences_counts([tokens], language)[0]


def sentences_counts(token_lists: Iterable[list[str]], language: LanguageProfile = ENGLISH) -> list[tuple[int, ...]]:
    """sentence_counts of each sentence's tokens, in one call (a section's sentences)."""
    return [unpack_counts(packed) for packed in sentences_packed(token_lists, language)]


def sentences_packed(token_lists: Iterable[list[str]], language: LanguageProfile = ENGLISH) -> list[int]:
    """Each sentence's counts packed in one integer (see _FIELD; `unpack_counts` reads them), from its tokens."""
    packs = pack_of(language)
    return [sum(map(packs, tokens)) for tokens in token_lists]


def pack_of(language: LanguageProfile = ENGLISH) -> Callable[[str], int]:
    """A token's packed counts in `language` (see _FIELD), learnt the first time it is asked for: a sentence's counts
    are sum(map(pack_of(language), tokens))."""
    return (_token_caches.get(language.code) or _token_cache(language)).packs.__getitem__


def sentence_words(tokens: list[str], language: LanguageProfile = ENGLISH) -> list[WordInfo]:
    """The words of a sentence's tokens, in order, each with its counts (punctuation, symbols and links left out)."""
    cache = _token_caches.get(language.code) or _token_cache(language)
    word = cache.word
    return [info for info in map(word, tokens) if info is not _NOT_A_WORD and info is not _LINK_TOKEN]


def long_words_of(tokens: list[str], language: LanguageProfile = ENGLISH) -> list[WordInfo]:
    """The words of three or more syllables among a sentence's tokens, in order (only those are made)."""
    cache = _token_caches.get(language.code) or _token_cache(language)
    packs = cache.packs
    found: list[WordInfo] = []
    for token in tokens:
        packed = packs.get(token)
        if packed is None:  # not counted yet, counted before the cache was emptied, or too long to keep
            return [info for info in sentence_words(tokens, language) if info.long]
        if (packed >> _LONG) & 1:
            found.append(cache.word(token))
    return found


def first_words_points(tokens: list[str], room: int, language: LanguageProfile = ENGLISH) -> tuple[int, int]:
    """Linsear Write's points of a sentence's first `room` words (1 an easy word, 3 a hard one) and how many words
    that is, from the tokens' packed counts (the words themselves are not made)."""
    cache = _token_caches.get(language.code) or _token_cache(language)
    packs = cache.packs
    if 0 < room <= len(tokens):
        # the common case, the first `room` tokens all words: their counts summed in C (a token's words field is 0 or 1,
        # so they are all words when the sum's is `room`), each word 1 point and a long one 2 more; a token not counted
        # yet (None: sum refuses it) or fewer words go the long way
        try:
            first = sum(map(packs.get, tokens[:room]))  # type: ignore[arg-type]  # (None: refused, as below)
        except TypeError:
            first = 0
        if first & _MASK == room:
            return room + 2 * ((first >> _LONG) & _MASK), room
    points = taken = 0
    for token in tokens:
        packed = packs.get(token)
        if packed is None:  # not counted yet, counted before the cache was emptied, or too long to keep
            words = sentence_words(tokens, language)[:room]
            return sum(3 if info.long else 1 for info in words), len(words)
        if packed & 1:  # a word: the words field of one token is 0 or 1
            points += 3 if (packed >> _LONG) & 1 else 1
            taken += 1
            if taken == room:
                break
    return points, taken


def count_sentence(tokens: list[str], language: LanguageProfile = ENGLISH) -> SentenceCounts:
    """Counts for one sentence from its whitespace tokens, and its words."""
    counts = count_tokens(tokens, language)
    return SentenceCounts(counts, sentence_words(tokens, language))


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
    return linsear_score(total, sentence_count)


def linsear_score(total: int, sentence_count: int) -> float:
    """Linsear Write from its points (1 an easy word, 3 a hard one) and the sentences they come from."""
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


def formula_figures(counts: Counts, linsear: float, language: LanguageProfile = ENGLISH) -> dict[str, float]:
    """Every formula of the language from the counts (sources and constants in docs/readability.md).

    English: the formulas' authors' constants and counts (docs/readability.md says where textstat differs)."""
    names = language.formulas
    words, sentences = counts.words, counts.sentences
    if not words or not sentences:
        return dict.fromkeys(names, 0.0)
    per_sentence = words / sentences
    per_word = counts.syllables / words
    result: dict[str, float] = {}
    if language.english:
        result = {
            "flesch_kincaid_grade": 0.39 * per_sentence + 11.8 * per_word - 15.59,
            "flesch_reading_ease": 206.835 - 1.015 * per_sentence - 84.6 * per_word,
            "smog_index": 1.043 * math.sqrt(30 * counts.long_words / sentences) + 3.1291,
            "gunning_fog": 0.4 * (per_sentence + 100.0 * counts.fog_hard_words / words),
            "coleman_liau_index": coleman_liau(counts),
            "automated_readability_index": automated_readability_index(counts),
            "dale_chall_readability_score": _dale_chall(100.0 * counts.unfamiliar_words / words, per_sentence),
            "linsear_write_formula": linsear,
        }
    for name in names:
        if name not in result:
            result[name] = LANGUAGE_FORMULA_FUNCTIONS[name](counts)
    return result


def coleman_liau(c: Counts) -> float:
    """Coleman and Liau (1975): 0.0588 L − 0.296 S − 15.8, L letters and S sentences per 100 words (their
    published coefficient; textstat rounds it to 0.058)."""
    return 0.0588 * (100.0 * c.letters / c.words) - 0.296 * (100.0 * c.sentences / c.words) - 15.8


def automated_readability_index(c: Counts) -> float:
    """Smith and Senter (1967): 4.71 characters/word + 0.5 words/sentence − 21.43, characters being the
    letters and digits of the words (their count; textstat counts punctuation too)."""
    return 4.71 * c.letters / c.words + 0.5 * c.words / c.sentences - 21.43


def _dale_chall(unfamiliar_share: float, per_sentence: float) -> float:
    score = 0.1579 * unfamiliar_share + 0.0496 * per_sentence
    if unfamiliar_share > 5:
        score += 3.6365  # Dale and Chall's adjustment for texts with more than 5% unfamiliar words
    return score


def fernandez_huerta(c: Counts) -> float:
    """Fernández Huerta (1959), with words per sentence as Law (2011) corrected: 206.84 − 0.60 P − 1.02 F,
    P syllables per 100 words, F words per sentence."""
    return 206.84 - 0.60 * (100.0 * c.syllables / c.words) - 1.02 * (c.words / c.sentences)


def szigriszt_pazos(c: Counts) -> float:
    """Szigriszt Pazos (1993), perspicuity: 206.835 − 62.3 syllables/words − words/sentences (read on the INFLESZ
    scale of Barrio-Cantalejo et al. 2008)."""
    return 206.835 - 62.3 * c.syllables / c.words - c.words / c.sentences


def kandel_moles(c: Counts) -> float:
    """Kandel and Moles (1958), Flesch for French: 207 − 1.015 words/sentence − 73.6 syllables/word, as textstat
    and cordial.fr give it (koRpus has 209 − 1.15 ASL − 68 ASW under the same name; docs/readability.md)."""
    return 207.0 - 1.015 * c.words / c.sentences - 73.6 * c.syllables / c.words


def amstad(c: Counts) -> float:
    """Amstad (1978), Flesch for German: 180 − words/sentence − 58.5 syllables/word."""
    return 180.0 - c.words / c.sentences - 58.5 * c.syllables / c.words


# Bamberger and Vanecek (1984): the four Wiener Sachtextformeln, as (MS, SL, IW, ES, constant)
# coefficients; the first is for prose (Sachtexte), the others drop ES, then IW (as koRpus and textstat
# give them, docs/readability.md)
WIENER_SACHTEXTFORMELN = (
    (0.1935, 0.1672, 0.1297, -0.0327, -0.875),
    (0.2007, 0.1682, 0.1373, 0.0, -2.779),
    (0.2963, 0.1905, 0.0, 0.0, -1.1144),
    (0.2744, 0.2656, 0.0, 0.0, -1.693),
)


def wiener_sachtextformel_variant(c: Counts, variant: int) -> float:
    """The `variant`-th (1 to 4) Wiener Sachtextformel of Bamberger and Vanecek (1984), a school grade
    (4 to 15): with MS the percentage of words of three or more syllables, SL words per sentence, IW the
    percentage of words of more than six letters, ES the percentage of words of one syllable."""
    ms_k, sl_k, iw_k, es_k, constant = WIENER_SACHTEXTFORMELN[variant - 1]
    ms = 100.0 * c.long_words / c.words
    iw = 100.0 * c.long_letter_words / c.words
    es = 100.0 * c.monosyllables / c.words
    return ms_k * ms + sl_k * c.words / c.sentences + iw_k * iw + es_k * es + constant


def wiener_sachtextformel(c: Counts) -> float:
    """The first Wiener Sachtextformel (for prose): 0.1935 MS + 0.1672 SL + 0.1297 IW − 0.0327 ES − 0.875."""
    return wiener_sachtextformel_variant(c, 1)


def gulpease(c: Counts) -> float:
    """Lucisano and Piemontese (1988): 89 + (300 sentences − 10 letters) / words."""
    return 89.0 + (300.0 * c.sentences - 10.0 * c.letters) / c.words


def flesch_vacca(c: Counts) -> float:
    """Vacca and Franchina (1972), Flesch for Italian: 206 − 0.65 syllables per 100 words − words/sentence (not their
    1986 revision, 217 − 1.3 ASL − 0.6 syllables per 100 words, which textstat computes)."""
    return 206.0 - 0.65 * (100.0 * c.syllables / c.words) - c.words / c.sentences


def flesch_martins(c: Counts) -> float:
    """Martins, Ghiraldelo, Nunes and Oliveira (1996), Flesch for Brazilian Portuguese: Flesch's reading
    ease plus 42: 248.835 − 1.015 words/sentence − 84.6 syllables/word."""
    return 248.835 - 1.015 * c.words / c.sentences - 84.6 * c.syllables / c.words


def flesch_douma(c: Counts) -> float:
    """Douma (1960), Flesch for Dutch: 206.835 − 0.77 syllables per 100 words − 0.93 words/sentence."""
    return 206.835 - 0.77 * (100.0 * c.syllables / c.words) - 0.93 * c.words / c.sentences


def lix(c: Counts) -> float:
    """Björnsson (1968): words/sentences + 100 × words of more than six letters / words."""
    return c.words / c.sentences + 100.0 * c.long_letter_words / c.words


def rix(c: Counts) -> float:
    """Anderson (1983): words of more than six letters / sentences."""
    return c.long_letter_words / c.sentences


LANGUAGE_FORMULA_FUNCTIONS = {
    "fernandez_huerta": fernandez_huerta,
    "szigriszt_pazos": szigriszt_pazos,
    "kandel_moles": kandel_moles,
    "amstad": amstad,
    "wiener_sachtextformel": wiener_sachtextformel,
    "gulpease": gulpease,
    "flesch_vacca": flesch_vacca,
    "flesch_martins": flesch_martins,
    "flesch_douma": flesch_douma,
    "lix": lix,
    "rix": rix,
}


def figures(counts: Counts, sentence_words: list[list[WordInfo]], with_formulas: bool = True,
            language: LanguageProfile = ENGLISH) -> dict[str, float]:
    result = count_figures(counts)
    if with_formulas:
        linsear = linsear_write(sentence_words) if language.english else 0.0
        result.update(formula_figures(counts, linsear, language))
    return result


def sentence_figures(counts: Counts, language: LanguageProfile = ENGLISH) -> dict[str, float]:
    """The figures reported for one sentence: its counts and its headline formulas (for English its
    Flesch-Kincaid grade and reading ease; for other languages the language's first formula)."""
    words = counts.words
    result: dict[str, float] = {"words": words, "syllables": counts.syllables, "long_words": counts.long_words}
    if language.english:
        per_word = counts.syllables / words if words else 0.0
        result["flesch_kincaid_grade"] = 0.39 * words + 11.8 * per_word - 15.59 if words else 0.0
        result["flesch_reading_ease"] = 206.835 - 1.015 * words - 84.6 * per_word if words else 0.0
    else:
        headline = language.headline
        result[headline] = LANGUAGE_FORMULA_FUNCTIONS[headline](counts) if words else 0.0
    return result


def sentence_difficulty(figures: dict[str, float], language: LanguageProfile = ENGLISH) -> float:
    """A number that is higher for a harder sentence, in any language (to find the hardest one)."""
    if language.english:
        return figures["flesch_kincaid_grade"]
    value = figures[language.headline]
    return -value if language.headline in EASIER_WHEN_HIGHER else value

