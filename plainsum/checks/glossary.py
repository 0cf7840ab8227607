"""The jargon glossary (plainsum/data/glossary.yaml) and rare-word detection by word frequency.

Glossary terms match whole words, case-insensitively, in British or American spelling and in
the plural. A term the author explains in brackets right after using it ("placebo (a fake
treatment)") is not jargon there. Words not in the glossary are judged by how often they occur in
everyday English, from the frequency lists that the wordfreq package ships (nothing is
downloaded): a Zipf frequency below the threshold (2.5 = about once in 3 million words) is rare.
"""

from __future__ import annotations

import math
import re
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from plainsum.files.yamlsource import load_data
from plainsum.readability.datacache import cached_value

GLOSSARY_PATH = Path(__file__).resolve().parent / "data" / "glossary.yaml"
WORD = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*")
# A word of any alphabetic language (accented letters included), for rare words in other languages.
LETTER_WORD = re.compile(r"[^\W\d_][^\W\d_'’]*(?:-[^\W\d_]+)*")
WORD_START = re.compile(r"(?<![\w-])[A-Za-z]")  # where a glossary term may start


@dataclass(frozen=True)
class Entry:
    term: str  # as listed first in the glossary
    plain: str
    variants: tuple[str, ...]


@dataclass(frozen=True)
class Hit:
    start: int  # in the text searched
    end: int
    text: str
    entry: Entry
    explained: bool = False  # explained in brackets right here


def _term_pattern(term: str) -> str:
    words = re.split(r"[\s-]+", term.strip().lower())
    parts = []
    for index, word in enumerate(words):
        last = index == len(words) - 1
        stem = word
        ending = ""
        if last:
            if stem.endswith("y") and len(stem) > 3:
                stem, ending = stem[:-1], "(?:y|ies)"
            elif stem.endswith("is") and len(stem) > 4:
                stem, ending = stem[:-2], "(?:is|es)"
            elif stem.endswith(("s", "x", "ch", "sh")):
                ending = "(?:es)?"
            else:
                ending = "s?"
        pattern = re.escape(stem)
        # British and American spellings: randomised/randomized, oedema/edema, anaemia/anemia
        pattern = re.sub(r"is(?=e|ing|ation|ed)", "i[sz]", pattern)
        pattern = pattern.replace("ae", "a?e").replace("oe", "o?e")
        parts.append(pattern + ending)
    return r"[\s-]+".join(parts)


class Glossary:
    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self._by_group: dict[str, Entry] = {}
        plain: list[str] = []  # the variants' patterns, longest first
        grouped: list[str] = []  # the same, each in a named group that tells its entry
        # The same variants by the letter they can start with, tried only where a word starts:
        # a tenth of the branches at each try (see `find`). None: a term starts otherwise.
        self._by_letter: dict[str, list[str]] | None = {}
        for entry in sorted(entries, key=lambda e: -max(len(v) for v in e.variants)):
            for variant in entry.variants:
                pattern = _term_pattern(variant)
                group = f"t{len(plain)}"
                plain.append(pattern)
                grouped.append(f"(?P<{group}>{pattern})")
                self._by_group[group] = entry
                letters = _first_letters(variant)
                if letters is None:
                    self._by_letter = None
                elif self._by_letter is not None:
                    for letter in letters:
                        self._by_letter.setdefault(letter, []).append(pattern)
        self._plain = plain
        # Whether a word is a term at all (most are not, and without groups that is told fast),
        # then which entry it is: the first variant that matches it whole.
        self._whole = re.compile(r"(?:" + "|".join(plain) + r")\Z", re.I)
        self._which = re.compile(r"(?:" + "|".join(grouped) + r")\Z", re.I)
        self._letter_patterns: dict[str, re.Pattern[str] | None] = {}
        self._entries: dict[str, Entry | None] = {}

    def __len__(self) -> int:
        return len(self.entries)

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        """Every variant in one pattern (used when a term does not start with a letter). Without
        groups: with them, the regular expression engine tries every branch at every position
        (ten times slower on the corpus)."""
        return re.compile(r"(?<![\w-])(?:" + "|".join(self._plain) + r")(?![\w-])", re.I)

    def entry_for(self, text: str) -> Entry | None:
        key = text.lower()
        if key not in self._entries:
            match = self._which.match(key) if self._whole.match(key) else None
            self._entries[key] = self._by_group[match.lastgroup] if match and match.lastgroup else None
        return self._entries[key]

    def find(self, text: str) -> list[Hit]:
        """Every glossary term used in `text`, each marked if it is explained in brackets there."""
        hits = []
        for match in self._matches(text):
            entry = self.entry_for(match.group(0))
            if entry is not None:
                hits.append(Hit(match.start(), match.end(), match.group(0), entry,
                                explained(text, match.start(), match.end())))
        return hits

    def _matches(self, text: str) -> Iterator[re.Match[str]]:
        """What `self._pattern.finditer(text)` finds, found faster: a match can only start where a
        word starts (the pattern's look-behind), and only a variant that can begin with the letter
        there can match, so at each word start only those variants are tried, in the same order."""
        if self._by_letter is None:
            yield from self._pattern.finditer(text)
            return
        end = 0
        for start in WORD_START.finditer(text):
            position = start.start()
            if position < end:
                continue
            pattern = self._letter_pattern(text[position].lower())
            match = pattern.match(text, position) if pattern is not None else None
            if match is not None:
                end = match.end()
                yield match

    def _letter_pattern(self, letter: str) -> re.Pattern[str] | None:
        if letter not in self._letter_patterns:
            variants = self._by_letter.get(letter) if self._by_letter is not None else None
            self._letter_patterns[letter] = (
                re.compile(r"(?:" + "|".join(variants) + r")(?![\w-])", re.I) if variants else None
            )
        return self._letter_patterns[letter]

    def covers(self, word: str) -> bool:
        return self.entry_for(word) is not None


def _first_letters(variant: str) -> set[str] | None:
    """The lower-case letters a variant's pattern (`_term_pattern`) can match first; None if it
    does not start with a plain letter. Only "ae" and "oe" change the first letter ("oedema",
    "edema")."""
    words = re.split(r"[\s-]+", variant.strip().lower())
    first = words[0] if words else ""
    if not first or not ("a" <= first[0] <= "z"):
        return None
    return {first[0], "e"} if first.startswith(("ae", "oe")) else {first[0]}


def explained(text: str, start: int, end: int) -> bool:
    """The word at text[start:end] is followed by an explanation in brackets, or is itself one."""
    if re.match(r"\s?\((?=[^)]*\b[a-z]{3,})", text[end:]):
        return True
    before = text[:start].rstrip()
    return before.endswith("(") and text[end:].lstrip().startswith(")")


def load_glossary(path: Path | None = None) -> Glossary:
    return _load(str(path or GLOSSARY_PATH))


@lru_cache(maxsize=4)
def _load(path: str) -> Glossary:
    data = load_data(Path(path), path)  # with the content files' caps on size, depth and aliases
    if not isinstance(data, dict):
        raise ValueError(f"{path}: the glossary must be a mapping of term: plain alternative")
    entries = []
    for key, plain in data.items():
        variants = tuple(v.strip() for v in str(key).split("|") if v.strip())
        if not variants or not isinstance(plain, str) or not plain.strip():
            raise ValueError(f"{path}: entry '{key}' needs a term and a plain alternative")
        entries.append(Entry(variants[0], plain.strip(), variants))
    return Glossary(entries)


# --- rare words -------------------------------------------------------------------------------

def _spellings(word: str) -> set[str]:
    """The word in British and American spelling, so neither counts as rare for being the other."""
    forms = {word}
    forms.add(re.sub(r"is(e|ed|es|ing|ation|ations)$", r"iz\1", word))
    forms.add(re.sub(r"iz(e|ed|es|ing|ation|ations)$", r"is\1", word))
    forms.add(word.replace("ae", "e").replace("oe", "e"))
    forms.add(re.sub(r"our(s?)$", r"or\1", word))
    forms.add(re.sub(r"tre(s?)$", r"ter\1", word))
    return forms


class ZipfTable:
    """English words (letters, and apostrophes as in "don't") and their Zipf frequencies, as wordfreq.zipf_frequency gives them.

    Kept as one sorted list searched by bisection rather than as a dict: a build that renders one
    review loads it in a fifth of the time (0.02 s against 0.1 s for 293,000 words), and a lookup
    (about half a microsecond) is cached by `zipf` anyway."""

    def __init__(self, words: list[str], centizipf: array[int]):
        if len(words) != len(centizipf):
            raise ValueError("a word table with words and frequencies of different lengths")
        self.words = words
        self.centizipf = centizipf  # Zipf x 100, in the order of `words`

    def get(self, word: str, default: float = 0.0) -> float:
        index = bisect_left(self.words, word)
        if index < len(self.words) and self.words[index] == word:
            return float(self.centizipf[index] / 100)
        return default

    def __len__(self) -> int:
        return len(self.words)


def _zipf_table_data(language: str = "en") -> tuple[str, bytes]:
    """The table as marshal stores it: the sorted words joined by newlines, and their Zipf
    frequencies x 100 as unsigned 16-bit numbers."""
    from wordfreq import get_frequency_dict

    table = {}
    for word, frequency in get_frequency_dict(language, "best").items():
        if word.replace("'", "").isalpha() and frequency > 0:  # words, with contractions ("don't")
            significant = round(frequency, math.floor(-math.log10(frequency)) + 3)  # as wordfreq rounds
            table[word] = round(math.log10(significant) + 9, 2)
    words = sorted(table)
    return "\n".join(words), array("H", [round(100 * table[word]) for word in words]).tobytes()


def _valid_table_data(value: object) -> bool:
    return (
        isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str) and isinstance(value[1], bytes)
        and len(value[0]) > 0
    )


@lru_cache(maxsize=8)
def zipf_table(language: str = "en") -> ZipfTable:
    """The word-frequency table of a language wordfreq ships (its large list where there is one)."""
    from importlib.util import find_spec

    # find the data file without importing wordfreq, whose import alone takes 0.2 s
    spec = find_spec("wordfreq")
    folder = Path(next(iter(spec.submodule_search_locations))) if spec and spec.submodule_search_locations else Path()
    data = folder / "data" / f"large_{language}.msgpack.gz"
    if not data.is_file():
        data = folder / "data" / f"small_{language}.msgpack.gz"
    blob, packed = cached_value(
        f"wordfreq-{language}-zipf-words", data, lambda: _zipf_table_data(language), _valid_table_data
    )
    centizipf = array("H")
    centizipf.frombytes(packed)
    return ZipfTable(blob.split("\n"), centizipf)


@lru_cache(maxsize=65536)
def zipf(word: str, language: str = "en") -> float:
    """How common a word is in the language: the highest Zipf frequency of its spellings (0 = unseen)."""
    table = zipf_table(language)
    best = 0.0
    # as wordfreq stores its words: composed accents (NFC), case folded, so German ß is "ss" ("grössere")
    folded = word if word.isascii() else unicodedata.normalize("NFC", word)
    lower = folded.casefold().replace("’", "'").strip("'")
    for form in _spellings(lower) if language == "en" else (lower,):
        score = table.get(form, 0.0)
        if not score and "'" in form:
            # wordfreq splits a few apostrophe words it does not list ("d'arcy" -> "d", "arcy");
            # the rarest part stands for the whole, without loading wordfreq (0.3 s) to ask it
            score = min(table.get(part, 0.0) for part in form.split("'") if part) if form.strip("'") else 0.0
        best = max(best, score)
    return best


MIN_STEM = 4  # letters a stem keeps when an ending is taken off ("reorganiz-an"; never "c-asas")


@lru_cache(maxsize=65536)
def family_zipf(word: str, language: str, inflections: tuple[str, ...]) -> float:
    """How common a word's family is: the Zipf frequency of all its forms together (the word, and its
    stem with each ending of `inflections`). "inflaman" (2.1) counts with "inflamar", "inflamado",
    "inflamada"... (3.3); a technical word stays rare, since all its forms are ("lumbosacro" 1.2)."""
    table = zipf_table(language)
    lower = (word if word.isascii() else unicodedata.normalize("NFC", word)).casefold()
    forms = {lower}
    for ending in inflections:
        if lower.endswith(ending) and len(lower) - len(ending) >= MIN_STEM:
            stem = lower[: -len(ending)]
            forms.add(stem)  # the singular of a plural ("picotement" of "picotements")
            forms.update(stem + other for other in inflections)
    total = sum(10 ** (score - 9) for score in (table.get(form, 0.0) for form in forms) if score > 0)
    return round(math.log10(total) + 9, 2) if total else 0.0


@dataclass(frozen=True)
class RareWord:
    start: int
    end: int
    word: str
    zipf: float
    explained: bool = False
    family: bool = False  # `zipf` is the word's family's (all its inflected forms), not the form's


def _previous_char(text: str, index: int) -> str:
    """The last character before `index` that is not white space ('' at the start)."""
    index -= 1
    while index >= 0 and text[index].isspace():
        index -= 1
    return text[index] if index >= 0 else ""


# What rare_words decides about a word from the word alone, its place aside: None when it is never reported (too short,
# in capitals, allowed, a glossary term, or common enough), else (the word as reported, its Zipf score, whether that is
# its family's).
Verdict = tuple[str, float, bool] | None
_UNSEEN: tuple[str, float, bool] = ("", -1.0, False)
_VERDICTS: dict[tuple[object, ...], dict[str, Verdict]] = {}
_MAX_VERDICTS = 200_000


def rare_verdicts(min_zipf: float, allow: set[str], glossary: Glossary | None, language: str = "en",
                  inflections: tuple[str, ...] = ()) -> dict[str, Verdict]:
    """Where rare_words keeps, under these settings, what it decided about each word it met (a word is met again and
    again, in a document and across a library's documents). Bounded."""
    key = (min_zipf, frozenset(allow), glossary, language, inflections)
    found = _VERDICTS.get(key)
    if found is None or len(found) >= _MAX_VERDICTS:
        if len(_VERDICTS) >= 16:
            _VERDICTS.clear()
        found = _VERDICTS[key] = {}
    return found


def _verdict(text: str, min_zipf: float, allow: set[str], glossary: Glossary | None, language: str,
             inflections: tuple[str, ...]) -> Verdict:
    word = text.replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) < 4 or word.isupper() or word.lower() in allow:
        return None
    if glossary is not None and glossary.covers(word):
        return None
    parts = [p for p in word.lower().split("-") if p]
    scores = [zipf(part, language) for part in parts if len(part) >= 4]
    if not scores:
        return None
    score = min(scores)
    family = False
    if score < min_zipf and inflections:
        score = min(max(zipf(part, language), family_zipf(part, language, inflections)) for part in parts if len(part) >= 4)
        family = True
    return (word, score, family) if score < min_zipf else None


def rare_words(text: str, min_zipf: float, allow: set[str], glossary: Glossary | None, language: str = "en",
               inflections: tuple[str, ...] = (), verdicts: dict[str, Verdict] | None = None) -> list[RareWord]:
    """Words of `text` rarer than `min_zipf` in `language` (wordfreq's list of it), skipping
    abbreviations, names, glossary terms (the glossary is English: None for other languages) and
    allowed words; a word explained in brackets right after is returned marked `explained`. With
    `inflections` (the language's endings), a word as rare as that is looked up again with all the
    forms of its family (`family_zipf`). `verdicts`: what was decided about words met before under the same settings
    (`rare_verdicts`), read and added to."""
    found = []
    for match in (WORD if language == "en" else LETTER_WORD).finditer(text):
        met = match.group(0)
        if verdicts is None:
            verdict = _verdict(met, min_zipf, allow, glossary, language, inflections)
        else:
            verdict = verdicts.get(met, _UNSEEN)
            if verdict is _UNSEEN:
                verdict = verdicts[met] = _verdict(met, min_zipf, allow, glossary, language, inflections)
        if verdict is None:
            continue
        word, score, family = verdict
        if word[0].isupper() and match.start() > 0 and _previous_char(text, match.start()) not in ".!?:":
            continue  # a name in mid-sentence
        end = match.start() + len(word)
        found.append(RareWord(match.start(), end, word, score, explained(text, match.start(), end), family))
    return found


# --- the text's language, as its words suggest -------------------------------------------------------

_HINT_WORD = re.compile(r"[^\W\d_]{3,}")
COMMON_ZIPF = 3.0  # a word met at least once in a million is common


@dataclass(frozen=True)
class LanguageHint:
    code: str  # the language the words suggest
    share: float  # of the text's words, those common in it
    declared_share: float  # those common in the declared language


def language_hint(text: str, declared: str, candidates: tuple[str, ...]) -> LanguageHint | None:
    """Another of `candidates` when the words of `text` read as that language rather than `declared`:
    fewer than 60% of them common (Zipf 3 and above) in the declared language, at least 75% in the
    other, 30 points apart. On the texts of bench/language_texts.py and the shipped translations a
    text has 87-100% of its words common in its own language and at most 59% in any other."""
    words = [word.casefold() for word in _HINT_WORD.findall(text)][:400]
    if len(words) < 20:
        return None

    def share(language: str) -> float:
        return sum(1 for word in words if zipf(word, language) >= COMMON_ZIPF) / len(words)

    declared_share = share(declared)
    if declared_share >= 0.6:
        return None
    best = max((share(code), code) for code in candidates if code != declared)
    if best[0] >= 0.75 and best[0] - declared_share >= 0.3:
        return LanguageHint(best[1], best[0], declared_share)
    return None
