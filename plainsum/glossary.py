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
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from plainsum.yamlsource import FAST_LOADER

from plainsum.datacache import cached_table

GLOSSARY_PATH = Path(__file__).resolve().parent / "data" / "glossary.yaml"
WORD = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*")


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
        self._by_pattern: list[tuple[re.Pattern[str], Entry]] = []
        alternatives = []
        for entry in sorted(entries, key=lambda e: -max(len(v) for v in e.variants)):
            for variant in entry.variants:
                pattern = _term_pattern(variant)
                alternatives.append(pattern)
                self._by_pattern.append((re.compile(pattern + r"\Z", re.I), entry))
        self._pattern = re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.I)
        self._whole = re.compile(r"(?:" + "|".join(alternatives) + r")\Z", re.I)
        self._entries: dict[str, Entry | None] = {}

    def __len__(self) -> int:
        return len(self.entries)

    def entry_for(self, text: str) -> Entry | None:
        key = text.lower()
        if key not in self._entries:
            found = None
            if self._whole.match(key):
                found = next((entry for pattern, entry in self._by_pattern if pattern.match(key)), None)
            self._entries[key] = found
        return self._entries[key]

    def find(self, text: str) -> list[Hit]:
        """Every glossary term used in `text`, each marked if it is explained in brackets there."""
        hits = []
        for match in self._pattern.finditer(text):
            entry = self.entry_for(match.group(0))
            if entry is not None:
                hits.append(Hit(match.start(), match.end(), match.group(0), entry,
                                explained(text, match.start(), match.end())))
        return hits

    def covers(self, word: str) -> bool:
        return self.entry_for(word) is not None


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
    data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=FAST_LOADER)
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


def _zipf_table() -> dict[str, float]:
    """Alphabetic English words -> Zipf frequency, as wordfreq.zipf_frequency gives them."""
    from wordfreq import get_frequency_dict

    table = {}
    for word, frequency in get_frequency_dict("en", "best").items():
        if word.isalpha() and frequency > 0:
            significant = round(frequency, math.floor(-math.log10(frequency)) + 3)  # as wordfreq rounds
            table[word] = round(math.log10(significant) + 9, 2)
    return table


@lru_cache(maxsize=1)
def zipf_table() -> dict[str, float]:
    from importlib.util import find_spec

    # find the data file without importing wordfreq, whose import alone takes 0.2 s
    spec = find_spec("wordfreq")
    folder = Path(next(iter(spec.submodule_search_locations))) if spec and spec.submodule_search_locations else Path()
    return cached_table("wordfreq-en-zipf", folder / "data" / "large_en.msgpack.gz", _zipf_table)


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common a word is in English: the highest Zipf frequency of its spellings (0 = unseen)."""
    table = zipf_table()
    best = 0.0
    for form in _spellings(word.lower()):
        if form.isalpha():
            score = table.get(form, 0.0)
        else:  # apostrophes and the like: let wordfreq tokenise it
            from wordfreq import zipf_frequency

            score = zipf_frequency(form, "en")
        best = max(best, score)
    return best


@dataclass(frozen=True)
class RareWord:
    start: int
    end: int
    word: str
    zipf: float
    explained: bool = False


def _previous_char(text: str, index: int) -> str:
    """The last character before `index` that is not white space ('' at the start)."""
    index -= 1
    while index >= 0 and text[index].isspace():
        index -= 1
    return text[index] if index >= 0 else ""


def rare_words(text: str, min_zipf: float, allow: set[str], glossary: Glossary) -> list[RareWord]:
    """Words of `text` rarer than `min_zipf`, skipping abbreviations, names, glossary terms and
    allowed words; a word explained in brackets right after is returned marked `explained`."""
    found = []
    for match in WORD.finditer(text):
        word = match.group(0).replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) < 4 or word.isupper() or word.lower() in allow:
            continue
        if word[0].isupper() and match.start() > 0 and _previous_char(text, match.start()) not in ".!?:":
            continue  # a name in mid-sentence
        if glossary.covers(word):
            continue
        parts = [p for p in word.lower().split("-") if p]
        scores = [zipf(part) for part in parts if len(part) >= 4]
        if not scores:
            continue
        score = min(scores)
        if score < min_zipf:
            end = match.start() + len(word)
            found.append(RareWord(match.start(), end, word, score, explained(text, match.start(), end)))
    return found
