"""The text model readability is computed on: Markdown -> sections -> sentences -> words.

Headings open sections and are never sentences. Every paragraph and every list item is split into
sentences on its own, so a list item without a full stop is still a sentence of its own; so is a
line of a paragraph that has no terminal punctuation and that the writer broke on purpose (a
subheading such as "General population" on its own line, see `_line_units`). A full stop, question
mark, exclamation mark or ellipsis ends a sentence when the next word starts with a capital letter or
a digit (after any opening quote or bracket), with whitespace between them or none ("... by
methods.There were"), unless the word it ends is an abbreviation that never ends a sentence (e.g.,
i.e., vs., Fig., Dr., and each language's own: p. ej., z. B., c.-à-d., ecc.), an initial of a name or
species ("Watt I. Recordings", "E. Coli"), an initialism ("U.S. Food"), a URL or a DOI. A full stop
inside a token (0.73, p=.03, 1.5-2.5) never ends one, which keeps decimals, confidence intervals and
p-values inside their sentence.

Not prose, and not scored: the section under a reference-list heading ("References", "Referencias",
"Literatur", ...), list items that are references (a year with volume and pages, a DOI, a PMID),
paragraphs that are references of a plain-text list (an author's name and initials first, numbered or not,
and a year: "[1] A. Veves, et al. Painful diabetic neuropathy. 2008, Pain medicine."),
Markdown tables (a summary of findings table too), and fenced code. `TextModel.not_scored` counts
what was left out, for the figures to say so.

Words are the whitespace-separated tokens that hold at least one letter or digit; an em dash or
an ellipsis between words also separates them. Numbers ("0.73", "95%", "2013"), hyphenated
compounds ("long-term") and units ("mg/kg") are one word each, as in textstat. Every offset is an
offset in the Markdown text, so a sentence can be located in the file it came from.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import NamedTuple

from plainsum.readability.languages import ENGLISH, LanguageProfile
from plainsum.render.markup import blocks

# A candidate sentence end: terminal punctuation, any closing quotes or brackets, then whitespace, or
# no whitespace but a capital letter (text pasted or scraped without its spaces: "methods.There").
_CAPITAL = "A-ZÀ-ÖØ-Þ"
# Closing quotes and brackets after the terminal punctuation: English and German quotes (“ ” ‘ ’, German
# closes with “ and ‘), a German » « pair closing with «, and a French » or › after its no-break space.
_CLOSERS = "(?:[\"'\u201c\u201d\u2018\u2019)\\]\u00ab\u2039]|[ \u00a0\u2009\u202f]?[\u00bb\u203a])*"
# What may open a sentence before its first letter: quotes and brackets of every language (“ „ ‘ ‚ « » ‹ ›),
# Spanish ¿ and ¡, and the spaces French typography puts after « (no-break, narrow no-break).
_GLUED_OPENERS = "\"'\u201c\u201e\u2018\u201a(\\[\u00bf\u00a1\u00ab\u2039\u00bb\u203a"
_CANDIDATE_END = r")(?:[ \t\u00a0\u2009\u202f]+|(?=[" + _GLUED_OPENERS + r"]?[" + _CAPITAL + "]))"
_CANDIDATE = re.compile(r"([.!?\u2026]" + _CLOSERS + _CANDIDATE_END)  # group 1: the punctuation and closers
# _CANDIDATE for text without !, ? and an ellipsis: its one terminal is the full stop, and a pattern that opens with a
# literal is searched for faster than one that opens with a set of characters
_FULL_STOP_CANDIDATE = re.compile(r"(\." + _CLOSERS + _CANDIDATE_END)
_TOKEN = re.compile(r"[^\s\u2014\u2026]+")
# A number whose thousands are separated by a space, a no-break space or a narrow one ("3 450", SI and French
# style) is one word.
_SPACED_NUMBER = re.compile(r"\d[ \u00a0\u202f\u2009]\d{3}(?!\d)")
_SPACE_THEN_THREE_DIGITS = re.compile(r" \d{3}(?!\d)")  # opens with a literal, so the search skips ahead fast
_DIGIT_SPACE_THREE_DIGITS = re.compile(r" (?<=\d )\d{3}(?!\d)")  # the same, after a digit (the literal first is faster)
_TOKEN_OR_NUMBER = re.compile(
    r"[^\s\u2014\u2026]*?(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?!\d)[^\s\u2014\u2026]*|[^\s\u2014\u2026]+"
)
_OPENERS = "\"'\u201c\u2018\u201e\u201a([{\u00ab\u00bb\u2039\u203a\u00bf\u00a1*_ \u00a0\u202f\u2009"
_DOTTED_NAME = re.compile(r"[^\W\d_]\.\w|\w\.[^\W\d_]")  # "Ad26.COV2": a name with a full stop inside
_INITIAL = re.compile(r"[A-Z]\.")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}")  # U.S., U.K., I.V., p.o.
_GLUED_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")  # the left side of "U.S" or "E.Coli" (no space after the stop)
_LONGEST_TOKEN = 512  # characters of a whitespace token read to decide whether its full stop ends a sentence
_LINK_START = re.compile(r"(?:https?://|ftp://|www\.|doi:|10\.\d{4,9}/)", re.I)
_DOMAIN_ENDINGS = frozenset(["gov", "org", "com", "net", "edu", "int", "uk", "eu", "int", "info", "io", "nhs", "ac"])
_ORDINAL = re.compile(r"\d{1,3}\.")  # an ordinal in German: "15.", "3."; "2024." is a year
# English words a species name or a name follows an initial with ("infection with E. Coli").
_BEFORE_SPECIES = frozenset(["with", "by", "of", "and", "or", "in", "on", "for", "to", "from", "against", "than", "as",
                             "versus", "including", "caused", "like", "such"])

# Never end a sentence, whatever follows (English; each language's are in its profile).
NEVER_FINAL = ENGLISH.never_final
# End a sentence when a capital letter follows, but not before a number (months: "Jan. 2013").
BEFORE_NUMBER = frozenset(["jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec."])
# Abbreviations that may end a sentence ("... and so on, etc. The"), but not inside brackets ("et al.)").
MAY_END = ENGLISH.may_end
# Titles that make a following initial part of a name ("Dr. J. Smith").
TITLES = frozenset(["dr.", "drs.", "mr.", "mrs.", "ms.", "prof.", "st."])

# A list item that is a reference: a year then volume(issue):pages ("2010;12(3):45-67"), a DOI, a PMID.
_REFERENCE = re.compile(
    r"\b(?:19|20)\d{2}[a-z]?\b[^;]{0,40};\s*\d+\s*(?:\([\w\s-]+\))?\s*:\s*[A-Za-z]{0,2}\d+|\bdoi:?\s*10\.\d{4,9}/|\bPMID:?\s*\d+"
    r"|https?://(?:dx\.)?doi\.org/",
    re.I,
)
# A paragraph that is a reference of a plain-text reference list, with a year: numbered ("[1]", "1.", "1)")
# and opening with an author ("Veves A,", "Veves, A.", "A. Veves,"), or unnumbered and opening with two
# authors or an author and "et al".
_AUTHOR = r"(?:[A-Z][\w'\-]+\s+[A-Z]{1,3}|[A-Z][\w'\-]+,\s+(?:[A-Z]\.\s?){1,3}|(?:[A-Z]\.\s?){1,3}\s*[A-Z][\w'\-]+)"
_REFERENCE_LINE = re.compile(
    r"^(?:(?:\[\d{1,3}\]|\d{1,3}[.)])\s*" + _AUTHOR + r"[,.]|" + _AUTHOR + r",\s*(?:" + _AUTHOR + r"[,.]|et al))"
    r"(?=.*\b(?:19|20)\d{2}[a-z]?\b)"
)
# A list item (its number already read as the list's) that opens with one author and holds a year:
# "Veves A. Painful ... 2008", "Smith, J. (2010). Exercise ...".
_REFERENCE_ITEM = re.compile(r"^(?=.*\b(?:19|20)\d{2}[a-z]?\b)" + _AUTHOR + r"(?:[,.]|\s*\((?:19|20)\d{2})")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_FENCE = re.compile(r"^[ \t]*(```|~~~)", re.M)
MIN_WRAP_WIDTH = 60
_TERMINAL = ".!?\u2026:;,-\u2013\u2014/&(["


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


_ACRONYM = re.compile(r"[A-Z]{2,}\.")


def _bare(token: str) -> str:
    return token.lstrip(_OPENERS).lower()


def _next_word(stripped: str) -> str:
    """The next word, lower case, without punctuation ("The" of "The effect", "coli" of "Coli)")."""
    match = re.match(r"[^\W\d_][\w'-]*", stripped)
    return match.group().lower() if match else ""


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
    glued = next_start == end or not text[end:next_start].isspace()
    if glued and not _glued_end(token, stripped):
        return False
    ending = _ENDING_TOKENS.get(language.code)
    if ending is None:
        ending = _ENDING_TOKENS[language.code] = set()
    elif token in ending:
        return True
    word = _bare(token).rstrip("\"'\u201c\u201d\u2018\u2019)]\u00bb\u203a\u00ab\u2039 \u00a0\u202f\u2009")
    if word.endswith(("!", "?", "\u2026")):
        _remember_ending(ending, token)
        return True
    if word in language.never_final and not _ACRONYM.fullmatch(token.lstrip(_OPENERS)):
        return False  # ("MS." of multiple sclerosis, in capitals, is no title "Ms.")
    if word in language.initialisms:
        return _next_word(stripped) in language.openers  # "en EE. UU. y"; "de EE. UU. Los niños"
    if word in language.may_end and len(word) < len(_bare(token)):
        return False  # the full stop belongs to the abbreviation and a bracket closes: "(Smith et al.) found"
    if word in BEFORE_NUMBER and starts_number:
        return False
    if word == "al." and text[max(0, token_start - 3) : token_start].lower() == "et ":
        return not starts_number  # "et al. 2010" continues; "et al. The" ends
    if language.ordinal_full_stop and _ORDINAL.fullmatch(word):
        # German "am 15. Oktober", "der 3. Versuch" continue; "war 17. Sie wurden" ends (a year never gets here)
        following = _next_word(stripped)
        return following not in language.ordinal_months and following in language.openers
    bare_token = token.lstrip(_OPENERS)
    if _INITIALISM.fullmatch(bare_token):
        return _next_word(stripped) in language.openers  # "the U.S. Food and Drug Administration"; "in the U.S. The"
    if _INITIAL.fullmatch(bare_token):
        return _initial_ends(text, token_start, stripped, language, text[next_start : next_start + 1] in "([")
    if word not in BEFORE_NUMBER and word != "al.":  # no rule above read more than the token: it ends a sentence whenever
        _remember_ending(ending, token)             # a capital or a digit follows
    return True


# Tokens that end a sentence whenever a capital letter or a digit follows them (with a space, or glued where
# _glued_end allows it), per language: learnt by _ends_sentence, which then reads no further for them. Bounded.
_ENDING_TOKENS: dict[str, set[str]] = {}
_MAX_ENDING_TOKENS = 100_000
_CAPITAL_OR_DIGIT = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _remember_ending(ending: set[str], token: str) -> None:
    if len(ending) >= _MAX_ENDING_TOKENS:
        ending.clear()
    ending.add(token)


def _initial_ends(text: str, token_start: int, stripped: str, language: LanguageProfile, bracket: bool) -> bool:
    """After a single capital and a full stop: "vitamin D. Three trials" ends; "Dr. J. Smith", "Watt I.
    Recordings", "Smith J. (2010)", "Solidago chilensis M. (Brazilian arnica)" and "infection with E. Coli"
    do not."""
    if bracket or text[token_start : token_start + 1] in _OPENERS:
        return False  # "Smith J. (2010)", "chilensis M. (Brazilian arnica)", "(R. Soll; E. Jones)"
    previous = text[max(0, token_start - 48) : token_start].rstrip().rsplit(None, 1)
    previous_token = previous[-1] if previous else ""
    previous_word = _bare(previous_token)
    next_token = stripped.split(None, 1)[0]
    if previous_word in TITLES or _INITIAL.fullmatch(previous_token) or _INITIAL.fullmatch(next_token):
        return False
    next_word = _next_word(stripped)
    if previous_token[:1].isupper() and previous_token[-1:].isalpha():
        return next_word in language.openers  # an author's initial after the surname: "Watt I. Recordings"
    if not previous_token or previous_word.rstrip(",;:") != previous_word or previous_word in _BEFORE_SPECIES:
        # a species or a name, at the start or after a comma or a preposition: "with E. Coli", "S. Aureus and"
        if language.english:
            from plainsum.readability.metrics import familiar_words

            return next_word in language.openers or next_word in familiar_words()
        return next_word in language.openers
    return True


def _glued_end(token: str, stripped: str) -> bool:
    """Whether "left.Right" with no space is a sentence boundary: not in a URL, a DOI, a domain name
    ("ClinicalTrials.gov"), between initials ("U.S", "E.Coli"), or in a name with full stops inside it and
    digits ("Ad26.COV2.S")."""
    left = token.lstrip(_OPENERS)
    if _LINK_START.search(left) or "@" in left:
        return False
    if _GLUED_INITIALS.fullmatch(left):
        return False
    right = stripped.split(None, 1)[0] if stripped.strip() else ""
    if _DOTTED_NAME.search(left) or any(char.isdigit() for char in right):
        return False
    ending = re.match(r"[A-Za-z]+", stripped)
    if ending is None or ending.group().lower() not in _DOMAIN_ENDINGS:
        return True
    return stripped[ending.end() : ending.end() + 1] not in ("", " ", ")", "/", ",", ".")  # "trials.Gov)": a domain


def split_sentences(text: str, language: LanguageProfile = ENGLISH) -> list[tuple[int, int]]:
    """[start, end) spans of the sentences of one block of plain text (inline markup removed,
    whitespace folded to single spaces or tabs)."""
    spans: list[tuple[int, int]] = []
    start = 0
    length = len(text)
    wide = not text.isascii() and ("\u00a0" in text or "\u2009" in text or "\u202f" in text)
    tab = "\t" in text
    ending = _ENDING_TOKENS.get(language.code) or _ENDING_TOKENS.setdefault(language.code, set())  # emptied in place
    candidates = _CANDIDATE if "!" in text or "?" in text or "\u2026" in text else _FULL_STOP_CANDIDATE
    for match in candidates.finditer(text):
        next_start = match.end()
        if next_start >= length:
            break
        before, end = match.span(1)  # group 1 opens the match
        if end <= start:
            continue
        # a "token" of thousands of characters with no space is no word, link or name: its last part is
        # enough for every rule, and reading it whole at each full stop inside it made a 500 KB text
        # without spaces take 16 s (quadratic)
        if wide or tab:
            token_start = _token_start(text, before, wide)
        else:  # _token_start without the searches for characters the text does not hold
            token_start = text.rfind(" ", 0, before) + 1
        if token_start < end - _LONGEST_TOKEN:
            token_start = end - _LONGEST_TOKEN
        if (end < next_start and text[next_start] in _CAPITAL_OR_DIGIT and text[token_start:end] in ending) or \
                _ends_sentence(text, token_start, end, next_start, language):
            # the first test is _ends_sentence's answer for a token it has learnt to end a sentence, with a space
            # after it (not glued) and an ASCII capital or digit next (no opener to read past)
            spans.append((start, end))
            start = next_start
    last = len(text.rstrip())
    if start < last:  # text[start:] holds more than whitespace
        spans.append((start, last))
    return spans


def _token_start(text: str, before: int, wide: bool = True) -> int:
    """Where the whitespace token that ends at `before` starts (no-break spaces count as spaces; `wide` False
    when the caller knows the text has none)."""
    found = max(text.rfind(" ", 0, before), text.rfind("\t", 0, before))
    if wide and ("\u00a0" in text or "\u2009" in text or "\u202f" in text):
        found = max(found, text.rfind("\u00a0", 0, before), text.rfind("\u2009", 0, before), text.rfind("\u202f", 0, before))
    return found + 1


def _has_spaced_number(text: str) -> bool:
    """Whether the text may hold a number with spaced thousands ("3 450"): the quick tests first, since
    this runs on every block."""
    if "\u00a0" in text or "\u202f" in text or "\u2009" in text:
        return _SPACED_NUMBER.search(text) is not None
    if text.isascii():  # str.isdigit and \d agree on ASCII: one search, in the few texts that may hold one
        return _ascii_spaced_number(text)
    return any(text[match.start() - 1 : match.start()].isdigit() for match in _SPACE_THEN_THREE_DIGITS.finditer(text))


# Each ASCII digit as "0", every other byte as it is: an ASCII text holds a spaced number only where its digits so
# read hold "0 000".
_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")


def _ascii_spaced_number(text: str) -> bool:
    """_has_spaced_number of an ASCII text, quickly: a digit, a space and three digits are looked for as "0 000" in
    the text's bytes with every digit read as 0 (two C loops over the text, where the regular expression stops at
    every space), and only a text that holds them is searched."""
    return b"0 000" in text.encode("ascii").translate(_DIGITS_AS_ZERO) and _DIGIT_SPACE_THREE_DIGITS.search(text) is not None


def tokens(text: str, spaced_numbers: bool = True) -> list[str]:
    """The whitespace tokens of a sentence (`spaced_numbers` False when the caller knows the text holds no
    number with spaced thousands, which saves a search a sentence)."""
    if spaced_numbers and _has_spaced_number(text):
        return _TOKEN_OR_NUMBER.findall(text)
    if "\u2014" in text or "\u2026" in text:
        return _TOKEN.findall(text)
    return text.split()


def _line_units(text: str, offsets: Sequence[int], source: str) -> list[tuple[int, int]]:
    """The block split at line breaks that end a unit: [start, end) spans of `text`.

    A line ends its unit when it has no terminal punctuation, the next line starts with a capital
    letter or a digit, and the writer broke it on purpose: the next line's first word would have fit
    on it (text wrapped at a width breaks only where the next word does not fit; the width is the
    block's longest line, and at least MIN_WRAP_WIDTH, since nobody wraps prose narrower)."""
    first, last = offsets[0], offsets[-1]
    if source.find("\n", first, last) < 0:
        return [(0, len(text))]
    breaks = [i for i in range(1, len(text) - 1) if text[i] == " " and "\n" in source[offsets[i - 1] + 1 : offsets[i + 1]]]
    if not breaks:
        return [(0, len(text))]
    edges = [0, *breaks, len(text)]
    lines = [(edges[k] + (1 if k else 0), edges[k + 1]) for k in range(len(edges) - 1)]
    width = max(MIN_WRAP_WIDTH, *(end - start for start, end in lines))
    units: list[tuple[int, int]] = []
    unit_start = 0
    for (start, end), (next_start, next_end) in pairwise(lines):
        line = text[start:end].rstrip()
        following = text[next_start:next_end].lstrip(_OPENERS)
        next_word = following.split(" ", 1)[0]
        opens = following[:1].isupper() or following[:1].isdigit()
        if line and line[-1] not in _TERMINAL and opens and len(line) + 1 + len(next_word) <= width:
            units.append((unit_start, end))
            unit_start = next_start
    units.append((unit_start, len(text)))
    return units


def _is_table(text: str, offsets: Sequence[int], source: str) -> int:
    """The number of rows when the block is a Markdown table (a header, a rule of dashes, rows), else 0."""
    if "|" not in text or "-" not in text:
        return 0
    lines = source[offsets[0] : offsets[-1] + 1].split("\n")
    if len(lines) < 2 or not any(_TABLE_RULE.match(line) for line in lines[1:2]):
        return 0
    return len(lines) - 1


class SectionRows(NamedTuple):
    """One section of `parse_rows`: its heading and its sentences as lists, one entry a sentence (the text, its
    offset, its whitespace tokens or, when `parse_rows` is given a `pack_of`, their packed counts), which is all
    scoring reads; `parse` makes TextSentence objects of them."""

    heading: str | None
    offset: int | None
    level: int
    texts: list[str]
    offsets: list[int]
    tokens: list[list[str]]
    packed: list[int]


def parse(markdown_text: str, language: LanguageProfile = ENGLISH) -> TextModel:
    """Sections and sentences of a Markdown (or plain) text; reference lists, tables and code left out."""
    rows, not_scored = parse_rows(markdown_text, language)
    sections = [
        TextSection(row.heading, row.offset, row.level,
                    [TextSentence(text, offset, row.heading, found)
                     for text, offset, found in zip(row.texts, row.offsets, row.tokens, strict=True)])
        for row in rows
    ]
    return TextModel(sections, not_scored)


def parse_rows(markdown_text: str, language: LanguageProfile = ENGLISH,
               pack_of: Callable[[str], int] | None = None) -> tuple[list[SectionRows], dict[str, int]]:
    """`parse` without the objects: each section's sentences as lists (see SectionRows), and what was left out.

    With `pack_of` (a token's packed counts, plainsum.readability.metrics) each sentence's tokens are summed as they
    are found, into `packed`, and not kept (`tokens` stays empty): the scorer reads nothing else of them."""
    current = SectionRows(None, None, 0, [], [], [], [])
    sections = [current]
    fenced = "```" in markdown_text or "~~~" in markdown_text
    not_scored = {"references": 0, "tables": 0, "code": len(_FENCE.findall(markdown_text)) // 2 if fenced else 0}
    reference_level = 0  # the level of the reference heading we are under, 0 when none
    # An ASCII text with no spaced number anywhere has none in a block whose text is a stretch of it as written (its
    # offsets a range): _has_spaced_number is then only asked of the blocks whose markup or line breaks were taken out.
    spaced_anywhere = not markdown_text.isascii() or _ascii_spaced_number(markdown_text)
    for kind, text, offsets, level, _ordered in blocks(markdown_text):
        if kind == "heading":
            if reference_level and level > reference_level:
                continue
            reference_level = level if _heading_key(text) in language.reference_headings else 0
            if not reference_level:
                current = SectionRows(text, offsets[0] if offsets else 0, level, [], [], [], [])
                sections.append(current)
            continue
        if kind == "code" or not offsets:
            continue
        if reference_level:
            not_scored["references"] += 1
            continue
        if (kind == "item" and (_REFERENCE.search(text) or _REFERENCE_ITEM.match(text))) or _REFERENCE_LINE.match(text):
            not_scored["references"] += 1
            continue
        if "|" in text and _is_table(text, offsets, markdown_text):
            not_scored["tables"] += 1
            continue
        numbers = (spaced_anywhere or type(offsets) is not range) and _has_spaced_number(text)
        # tokens(piece) is then piece.split()
        plain = not numbers and (text.isascii() or ("\u2014" not in text and "\u2026" not in text))
        texts, starts, found, packed = current.texts, current.offsets, current.tokens, current.packed
        if markdown_text.find("\n", offsets[0], offsets[-1]) < 0:  # one line: one unit (_line_units)
            units: list[tuple[int, int]] | tuple[tuple[int, int]] = ((0, len(text)),)
        else:
            units = _line_units(text, offsets, markdown_text)
        for unit_start, unit_end in units:
            unit = text[unit_start:unit_end]
            for start, end in split_sentences(unit, language):
                piece = unit[start:end]
                texts.append(piece)
                starts.append(offsets[unit_start + start])
                if pack_of is None:
                    found.append(piece.split() if plain else tokens(piece, numbers))
                else:
                    packed.append(sum(map(pack_of, piece.split() if plain else tokens(piece, numbers))))
    return sections, {kind: count for kind, count in not_scored.items() if count}


def _heading_key(heading: str) -> str:
    return " ".join(heading.lower().rstrip(":").split())
