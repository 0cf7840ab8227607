"""The text model readability is computed on: Markdown -> sections -> sentences -> words.

Headings open sections and are never sentences. Every paragraph and every list item is split into
sentences on its own, so a list item without a full stop is still a sentence of its own. A full
stop, question mark, exclamation mark or ellipsis ends a sentence only when whitespace follows it
and the next word starts with a capital letter or a digit (after any opening quote or bracket),
and the word it ends is not an abbreviation that never ends a sentence (e.g., i.e., vs., Fig.,
Dr., ...). A full stop inside a token (0.73, p=.03, 1.5-2.5) never ends one, which keeps
decimals, confidence intervals and p-values inside their sentence.

Words are the whitespace-separated tokens that hold at least one letter or digit; an em dash or
an ellipsis between words also separates them. Numbers ("0.73", "95%", "2013"), hyphenated
compounds ("long-term") and units ("mg/kg") are one word each, as in textstat. Every offset is an
offset in the Markdown text, so a sentence can be located in the file it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from plainsum.readability.languages import ENGLISH, LanguageProfile
from plainsum.render import blocks

# A candidate sentence end: terminal punctuation, any closing quotes or brackets, then whitespace.
_CANDIDATE = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*[ \t]+")
_TOKEN = re.compile(r"[^\s\u2014\u2026]+")
_OPENERS = "\"'\u201c\u2018([{\u00ab*_"
_INITIAL = re.compile(r"[A-Z]\.")

# Never end a sentence, whatever follows (English; each language's are in its profile).
NEVER_FINAL = ENGLISH.never_final
# End a sentence when a capital letter follows, but not before a number (months: "Jan. 2013").
BEFORE_NUMBER = frozenset(["jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec."])
# Abbreviations that may end a sentence ("... and so on, etc. The"), but not inside brackets ("et al.)").
MAY_END = ENGLISH.may_end
# Titles that make a following initial part of a name ("Dr. J. Smith").
TITLES = frozenset(["dr.", "drs.", "mr.", "mrs.", "ms.", "prof.", "st."])


@dataclass(slots=True)
class TextSentence:
    text: str
    offset: int  # offset of the first character in the Markdown text
    section: str | None
    tokens: list[str]  # whitespace tokens, punctuation included (a word is one that holds a letter or digit)


@dataclass(slots=True)
class TextSection:
    heading: str | None  # None for text before the first heading
    offset: int | None  # offset of the heading text
    level: int = 0
    sentences: list[TextSentence] = field(default_factory=list)


@dataclass(slots=True)
class TextModel:
    sections: list[TextSection]
    not_scored: dict[str, int] = field(default_factory=dict)  # references, tables, code left out (how many)

    @property
    def sentences(self) -> list[TextSentence]:
        return [sentence for section in self.sections for sentence in section.sentences]


def _bare(token: str) -> str:
    return token.lstrip(_OPENERS).lower()


def _ends_sentence(text: str, token_start: int, end: int, next_start: int, language: LanguageProfile = ENGLISH) -> bool:
    """Whether the candidate ending at `end` (the token starting at `token_start`) ends a sentence."""
    stripped = text[next_start : next_start + 48].lstrip(_OPENERS)
    if not stripped:
        return False
    first = stripped[0]
    if first.islower():
        return False  # "approx. half", "et al. reported", "(e.g. aspirin)"
    starts_number = first.isdigit()
    if not (first.isupper() or starts_number):
        return False  # a symbol such as "=", "<" or "%" continues the sentence
    token = text[token_start:end]
    word = _bare(token).rstrip("\"'\u201d\u2019)]")
    if word.endswith(("!", "?", "\u2026")):
        return True
    if word in language.never_final:
        return False
    if word in language.may_end and len(word) < len(_bare(token)):
        return False  # the full stop belongs to the abbreviation and a bracket closes: "(Smith et al.) found"
    if word in BEFORE_NUMBER and starts_number:
        return False
    if word == "al." and text[max(0, token_start - 3) : token_start].lower() == "et ":
        return not starts_number  # "et al. 2010" continues; "et al. The" ends
    if _INITIAL.fullmatch(token.lstrip(_OPENERS)):
        # an initial: "J. K. Smith", "Dr. J. Smith"; but "vitamin D. Three" ends
        previous = text[max(0, token_start - 48) : token_start].rstrip().rsplit(None, 1)
        previous_word = _bare(previous[-1]) if previous else ""
        next_token = stripped.split(None, 1)[0] if stripped else ""
        if previous_word in TITLES or _INITIAL.fullmatch(previous[-1] if previous else "") or _INITIAL.fullmatch(next_token):
            return False
    return True


def split_sentences(text: str, language: LanguageProfile = ENGLISH) -> list[tuple[int, int]]:
    """[start, end) spans of the sentences of one block of plain text (inline markup removed,
    whitespace folded to single spaces or tabs)."""
    spans: list[tuple[int, int]] = []
    start = 0
    length = len(text)
    for match in _CANDIDATE.finditer(text):
        next_start = match.end()
        if next_start >= length:
            break
        end = len(match.group().rstrip()) + match.start()
        if end <= start:
            continue
        token_start = max(text.rfind(" ", 0, match.start()), text.rfind("\t", 0, match.start())) + 1
        if _ends_sentence(text, token_start, end, next_start, language):
            spans.append((start, end))
            start = next_start
    if start < length and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def tokens(text: str) -> list[str]:
    if "\u2014" in text or "\u2026" in text:
        return _TOKEN.findall(text)
    return text.split()


def parse(markdown_text: str, language: LanguageProfile = ENGLISH) -> TextModel:
    """Sections and sentences of a Markdown (or plain) text."""
    sections = [TextSection(None, None)]
    for block in blocks(markdown_text):
        if block.kind == "heading":
            sections.append(TextSection(block.text, block.start, block.level))
            continue
        if block.kind == "code":
            continue
        heading = sections[-1].heading
        text = block.text
        for start, end in split_sentences(text, language):
            piece = text[start:end]
            sections[-1].sentences.append(TextSentence(piece, block.offsets[start], heading, tokens(piece)))
    return TextModel(sections)
