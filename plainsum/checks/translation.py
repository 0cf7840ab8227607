"""Fact parity of a translated lay summary with its source, field by field.

Each translated field is compared with the source text it translates (both as rendered, facts
filled in): every number of the source must be in the translation and the translation may have no
number the source lacks (numbers read in each language's format: 3,008.5 in English is 3.008,5 in
Spanish; numbers 2 to 20 also as the language's words, from its catalog), dates are compared as
dates (15 October 2013 = 15 de octubre de 2013), and every certainty statement of the source must be
there with the same certainty: a result's statement worded from its data (the grid, or the
result's own `plain:` wording) in the language's wording of it, and a statement written by hand
("Health checks probably make little or no difference to deaths") read with the claim vocabulary
of each language (grade/<language>/claims.yaml) and found, with its certainty, in the translation;
a hand-written sentence that names no result and claims an effect in certainty words ("Steroids
probably reduce pain a little", also in a review without `results:`) is paired by certainty level:
each translated field states each such level of its source field as many times.
A field whose source text changed since the version it was translated from is out of date.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plainsum.checks.alignment import Block, Group
from plainsum.checks.registry import Flag, registry, review_having
from plainsum.content.locale import SPACES, Locale
from plainsum.grade.vocabulary import levels_agree

if TYPE_CHECKING:
    from plainsum.checks.context import CheckContext
    from plainsum.grade.claims import Vocabulary
    from plainsum.grade.results import Result
    from plainsum.readability.languages import LanguageProfile
    from plainsum.readability.score import Scored
    from plainsum.render.document import Document, Location, Span


@dataclass(frozen=True)
class Found:
    """A number or a date read from a text, and where."""

    value: object  # Decimal for a number; (year, month, day or None) for a date
    start: int
    end: int
    text: str


def _spaces(symbol: str) -> str:
    return "[ \u00a0\u202f]" if symbol.isspace() else re.escape(symbol)


@lru_cache(maxsize=32)
def _patterns(code: str, decimal: str, group: str, months: tuple[str, ...], words: tuple[tuple[str, int], ...]
              ) -> tuple[re.Pattern[str], re.Pattern[str] | None, re.Pattern[str]]:
    # thousands grouped with the language's symbol or with a space (any of SPACES, in every language:
    # "12 500" is 12500, as RAE and SI write it); the same separator throughout, a first group of 1 to 3
    # digits and later groups of exactly 3, so "en 2013 500 personas" stays 2013 and 500
    group_pattern, decimal_pattern = "(?:" + _spaces(group) + "|[" + SPACES + "])", re.escape(decimal)
    number = re.compile(
        r"(?<![\w.,])(\d{1,3}(?P<group>" + group_pattern + r")\d{3}(?:(?P=group)\d{3})*(?:" + decimal_pattern
        + r"\d+)?|\d+(?:" + decimal_pattern + r"\d+)?)(?!\w)"
    )
    worded = None
    if words:
        names = sorted((word for word, _ in words), key=len, reverse=True)
        worded = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?![\w-])", re.I)
    month_names = "|".join(map(re.escape, sorted(months, key=len, reverse=True)))
    # day (15, 15., 1er, 1.º), an optional short word (de), the month, an optional short word, the year
    date = re.compile(
        r"(?<!\w)(?:(\d{1,2})(?:\.[º°]|\.|er|[º°])?\s+(?:[^\W\d]{1,3}\s+)?)?(" + month_names + r")\s+(?:[^\W\d]{1,3}\s+)?(\d{4})(?!\d)"
        r"|(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)",
        re.I,
    )
    return number, worded, date


def _patterns_of(locale: Locale) -> tuple[re.Pattern[str], re.Pattern[str] | None, re.Pattern[str]]:
    words = tuple((word.lower(), value) for value, word in locale.number_words().items() if value >= 2)
    return _patterns(locale.code, locale.decimal_symbol, locale.group_symbol, tuple(locale.month_names), words)


def read_dates(text: str, locale: Locale) -> list[Found]:
    """Dates written out (15 October 2013, octubre de 2013) or as ISO dates, in the language of `locale`."""
    _, _, pattern = _patterns_of(locale)
    found = []
    for match in pattern.finditer(text):
        if match.group(2):
            day = int(match.group(1)) if match.group(1) else None
            value = (int(match.group(3)), locale.month_names[match.group(2).lower()], day)
        else:
            value = (int(match.group(4)), int(match.group(5)), int(match.group(6)))
        found.append(Found(value, match.start(), match.end(), match.group()))
    return found


def read_numbers(text: str, locale: Locale) -> list[Found]:
    """Numbers in digits as the language writes them, and 2 to 20 in the language's words; dates left out.
    Values are compared without their sign (a minus may be written as a word)."""
    number, worded, _ = _patterns_of(locale)
    dates = read_dates(text, locale)
    masked = list(text)
    for date in dates:
        masked[date.start : date.end] = " " * (date.end - date.start)
    plain = "".join(masked)
    found = []
    for match in number.finditer(plain):
        digits = match.group(1)
        if match.group("group"):
            digits = digits.replace(match.group("group"), "")
        digits = digits.replace(locale.decimal_symbol, ".")
        found.append(Found(_normal(Decimal(digits)), match.start(), match.end(), match.group()))
    if worded is not None:
        values = {word.lower(): value for value, word in locale.number_words().items() if value >= 2}
        for match in worded.finditer(plain):
            found.append(Found(Decimal(values[match.group(1).lower()]), match.start(), match.end(), match.group()))
    return sorted(found, key=lambda f: f.start)


def _normal(value: Decimal) -> Decimal:
    """0.50 and 0.5 are the same number; 3008 stays 3008 (not 3.008E+3)."""
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral() else normal


def _shown(value: object) -> str:
    if isinstance(value, tuple):
        year, month, day = value
        return f"{year}-{month:02d}" + (f"-{day:02d}" if day else "")
    return str(value)


# --- the checks ----------------------------------------------------------------------------------


def _fields(document: Document) -> Iterator[tuple[str, Span, str]]:
    """Each translated field of a translation's summary: its key, its span, and its source's text."""
    review = document.review
    if review is None or review.translation is None:
        return
    translation = review.translation
    seen = set()
    for span in document.spans:
        key = span.prose.key
        if key in seen or key not in translation.source_fields:
            continue
        seen.add(key)
        source_prose = translation.source_fields[key]
        yield key, span, translation.review.rendered[source_prose.key]


def _compared(scored: Scored, read: Callable[[str, Locale], list[Found]]
              ) -> Iterator[tuple[str, Span, Locale, dict[object, Found], list[Found], set[object]]]:
    """For each translated field: its key, its span, the translation's language, what `read` finds in
    the source text (by value) and in the translation, and the values found in the translation."""
    review = review_having(scored, "translation")
    if review is None:
        return
    locale, source_locale = review.translation.locale, review.translation.source_locale
    for key, span, source_text in _fields(scored.document):
        source = {found.value: found for found in read(source_text, source_locale)}
        translated = read(span.rendered, locale)
        yield key, span, locale, source, translated, {found.value for found in translated}


@registry.register(
    "translation.numbers",
    description="A translated field has every number of its source text, and no number the source lacks "
    "(numbers read in each language's format and words).",
)
def check_numbers(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    for key, span, locale, source, translated, values in _compared(scored, read_numbers):
        missing = [found for value, found in source.items() if value not in values]
        missing_text = ", ".join(found.text for found in missing)
        for found in translated:
            if found.value in source:
                continue
            also = f"; the source has {missing_text} here" if missing else ""
            value = "" if found.text == _shown(found.value) else f" ({_shown(found.value)})"
            yield Flag(
                f"{found.text}{value} in the translation of {key} is not a number of its source text{also}",
                span.start + found.start, found.text,
            )
        paired = _field_pairs(scored, key, span)
        if missing and all(found.value in source for found in translated):
            for found in missing:
                where, sentence = _translating(paired, span, found)
                said = f" (in the sentence \"{sentence.strip()}\")" if sentence else ""
                yield Flag(
                    f"the number {found.text} of the source text of {key} is missing from its translation{said} "
                    f"(in '{locale.code}' it is written {locale.number(str(found.value))})",
                    where, None,
                )
        yield from _sentence_numbers(scored, key, span, locale, source, paired)


def _field_pairs(scored: Scored, key: str, span: Span) -> list[Block] | None:
    """The sentences of a translated field paired with its source field's (checks/alignment.py)."""
    review = scored.document.review
    assert review is not None and review.translation is not None
    return _paired(scored, review.translation.review.rendered[review.translation.source_fields[key].key], span.rendered)


def _translating(paired: list[Block] | None, span: Span, found: Found) -> tuple[int, str]:
    """Where the translation says what the source sentence holding `found` says: the translated sentence paired
    one for one with it, else the start of the field (no sentence)."""
    for block in paired or []:
        for group in block.groups:
            if group.exact and len(group.translated) == 1 and any(
                    s.offset <= found.start < s.offset + len(s.text) for s in group.source):
                sentence = group.translated[0]
                return span.start + sentence.offset, sentence.text
    return span.start, ""


def _sentence_numbers(scored: Scored, key: str, span: Span, locale: Locale, source: dict[object, Found],
                      paired: list[Block] | None) -> Iterator[Flag]:
    """A number of the source field put in the wrong sentence: in a translated sentence paired one for
    one with its source sentence (checks/alignment.py), a number that the source sentence lacks but
    another sentence of the field has (12 months made 15, where 15 trials are counted elsewhere). A
    number the whole source field lacks is reported above, once."""
    review = scored.document.review
    assert review is not None and review.translation is not None
    source_locale = review.translation.source_locale
    for block in paired or []:
        for group in block.groups:
            if not group.exact:
                continue
            listed = [f for s in group.source for f in read_numbers(s.text, source_locale)]
            ours = {f.value: f for f in listed}
            theirs = [(sentence, found) for sentence in group.translated for found in read_numbers(sentence.text, locale)]
            flagged = False
            for sentence, found in theirs:
                if found.value in ours or found.value not in source:
                    continue
                lacking = [f.text for value, f in ours.items() if value not in {other.value for _, other in theirs}]
                also = f"; the source sentence has {', '.join(lacking)} here" if lacking else ""
                flagged = True
                yield Flag(
                    f"{found.text} in the translation of {key} is not a number of the source sentence it translates "
                    f"(\"{' '.join(s.text.strip() for s in group.source)}\"){also}",
                    span.start + sentence.offset + found.start, found.text,
                )
            mine, said = Counter(f.value for f in listed), Counter(f.value for _, f in theirs)
            if not flagged and len(listed) == len(theirs) and mine != said:
                # as many numbers, each of the source's values there, but not as often ("4 cm to 5 cm ... 4 cm to 5 cm"
                # made "4 cm to 5 cm ... 5 cm to 5 cm"): the last of the value said too often, the one most likely changed
                more, less = said - mine, mine - said
                sentence, found = [(t, f) for t, f in theirs if f.value in more][-1]
                fewer = next(f.text for f in listed if f.value in less)
                yield Flag(
                    f"{found.text} in the translation of {key} is said more often than in the source sentence it translates "
                    f"(\"{' '.join(s.text.strip() for s in group.source)}\"), and {fewer} less often",
                    span.start + sentence.offset + found.start, found.text,
                )


@registry.register(
    "translation.dates",
    description="A translated field has the dates of its source text, compared as dates, and no other.",
)
def check_dates(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    for key, span, _, source, translated, values in _compared(scored, read_dates):
        for found in translated:
            if found.value not in source:
                yield Flag(f"the date '{found.text}' ({_shown(found.value)}) in the translation of {key} is not a date of its source text",
                           span.start + found.start, found.text)
        for value, found in source.items():
            if value not in values:
                yield Flag(f"the date '{found.text}' ({_shown(value)}) of the source text of {key} is missing from its translation",
                           span.start, None)


# --- certainty --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Statement:
    """A certainty a text states of a result: the result's statement worded from its data, or a
    sentence written by hand that names the result (or, in a translation, names none)."""

    result_id: str | None  # None: a sentence with a certainty that names no result
    level: str
    text: str  # the words that state it
    offset: int  # where in the text: the statement, or the certainty word of the sentence
    hedged: bool = True  # an effect claimed with certainty words ("probably reduce"), not a plain verb alone
    effect: str | None = None  # the effect a sentence claims (decrease, none, ...), from the claim words
    worded: bool = True  # the certainty is said in words (or worded from the data), not only implied by a plain verb




def _sentences(text: str, language: LanguageProfile) -> Iterator[tuple[int, str]]:
    """The sentences of `text` as the readability stage splits them in `language` (its abbreviations)."""
    from plainsum.readability.textmodel import split_sentences

    # a line is a sentence's end too: list items and headings of a field written as Markdown
    for line in re.finditer(r"[^\n]+", text):
        for start, end in split_sentences(line.group(0), language):
            yield line.start() + start, line.group(0)[start:end]


def _source_language(scored: Scored) -> LanguageProfile:
    """The profile of the language a translation was made from (the review's)."""
    from plainsum.readability.languages import UnknownLanguage, language_profile

    review = scored.document.review
    assert review is not None and review.translation is not None
    try:
        return language_profile(review.translation.source_locale.code)
    except UnknownLanguage:  # a source in a language mapped by [languages]: the review was scored as that
        return scored.language


def _worded(text: str, clause: str) -> re.Match[str] | None:
    """Where `text` has `clause` (case and spacing aside)."""
    words = clause.split()
    return re.search(r"\s+".join(map(re.escape, words)), text, re.I) if words else None


def statements(text: str, results: list[Result], views: dict[str, Any], vocabulary: Vocabulary | None,
               language: LanguageProfile) -> list[Statement]:
    """The certainty statements of a text: each result's statement as worded from its data, then,
    with a claim vocabulary, the sentences written by hand that state a certainty (of the results
    they name; a sentence that names none is kept with no result)."""
    from plainsum.grade.claims import intervention_spans, mentions, read_claim

    found: list[Statement] = []
    covered: list[tuple[int, int]] = []
    for result in results:
        view = views.get(result.id)
        match = _worded(text, view.plain_clause) if view is not None else None
        if match is not None:
            found.append(Statement(result.id, result.certainty, match.group(), match.start()))
            covered.append(match.span())
    if vocabulary is None:
        return found
    model = vocabulary.stand_ins is not None  # a vocabulary with the claim model's lists reads claims, not words
    for offset, sentence in _sentences(text, language):
        if any(start < offset + len(sentence) and offset < end for start, end in covered) or vocabulary.asks(sentence):
            continue
        if model:
            claimed = _claimed(sentence, offset, results, vocabulary)
            if claimed is not None:
                found.extend(claimed)
                continue
        named = mentions(sentence, results)
        ignore = [(m.start, m.end) for m in named] + intervention_spans(sentence, results)
        claim = read_claim(sentence, vocabulary, ignore)
        level = claim.implied_certainty
        hit = claim.certainty_hit or claim.effect_hit
        if level is None or hit is None:
            continue
        ids: list[str | None] = [*dict.fromkeys(m.result.id for m in named)] or [None]
        hedged = claim.certainty_hit is not None and claim.effect_hit is not None
        found.extend(Statement(result_id, level, sentence.strip(), offset + hit.start, hedged, claim.effect,
                               claim.certainty_hit is not None) for result_id in ids)
    return found


def _claimed(sentence: str, offset: int, results: list[Result], vocabulary: Vocabulary) -> list[Statement] | None:
    """The certainty statements of a sentence as the claim model reads it: its claims; none for a
    sentence that explains, asks or calls for research; None (read it word by word) for a sentence
    that names no result."""
    from plainsum.grade.reading import read_sentence

    reading = read_sentence(sentence, results, vocabulary)
    if reading.kind == "explains":
        return []
    if reading.kind != "claim":
        return None
    out: list[Statement] = []
    for claim in reading.claims:
        hit = claim.certainty_hit or claim.effect
        if claim.certainty is None or hit is None or claim.certainty_source not in ("word", "sentence"):
            continue  # a plain verb states no certainty in words: a translation cannot be held to one
        hedged = claim.certainty_hit is not None and claim.effect is not None
        effect = claim.effect.meaning if claim.effect is not None else None
        for result in claim.results[:1]:
            out.append(Statement(result.id, claim.certainty, sentence.strip(), offset + hit.start, hedged, effect))
    return out


def _vocabulary(path: Path | None, code: str) -> Vocabulary | None:
    """The claim vocabulary of a language: its grade/<code>/claims.yaml (grade/claims.yaml for English)."""
    from plainsum.grade.claims import load_vocabulary, vocabulary_path

    if path is None:
        return load_vocabulary(vocabulary_path()) if code == "en" else None
    return load_vocabulary(path)


@registry.register(
    "translation.certainty",
    description="Each sentence of a translated field states the certainty its source sentence states (sentences "
    "paired by field, line and order): a result's statement worded from its data in the language's wording of it "
    "(its grid, or the translation's own 'plain' wording of the result), a statement written by hand read with the "
    "language's claim words (grade/<language>/claims.yaml); a certainty left out of a paragraph or list item.",
)
def check_certainty(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    yield from (flag for flag, sure in _certainty_findings(scored) if sure)


@registry.register(
    "translation.certainty-unaligned",
    severity="warning",
    description="A certainty of a source sentence is not in the translated sentence that stands for it, where the "
    "sentences could not be paired one for one (a sentence split, merged or moved, or a field laid out in other "
    "paragraphs): said as a warning, since the pairing is a guess.",
)
def check_certainty_unaligned(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    yield from (flag for flag, sure in _certainty_findings(scored) if not sure)


_FOUND: dict[int, tuple[Any, list[tuple[Flag, bool]]]] = {}


def _certainty_findings(scored: Scored) -> list[tuple[Flag, bool]]:
    """The certainty findings of a translation, each with whether it is sure (an error) or rests on a
    guessed pairing of sentences (a warning); made once for the two checks that report them."""
    import weakref

    held = _FOUND.get(id(scored))
    if held is not None and held[0]() is scored:
        return held[1]
    found = list(_certainty_of(scored))
    _FOUND.clear()  # one document at a time
    _FOUND[id(scored)] = (weakref.ref(scored), found)
    return found


def _paired(scored: Scored, source: str, translated: str) -> list[Block] | None:
    """The paragraphs and sentences of a translated field paired with its source's (checks/alignment.py)."""
    from plainsum.checks.alignment import align

    review = scored.document.review
    assert review is not None and review.translation is not None
    source_locale, locale = review.translation.source_locale, review.translation.locale
    source_language, language = _source_language(scored), scored.language
    return align(source, translated, lambda text: _sentences(text, source_language), lambda text: _sentences(text, language),
                 lambda text: frozenset(f.value for f in read_numbers(text, source_locale)),
                 lambda text: frozenset(f.value for f in read_numbers(text, locale)))


def _certainty_of(scored: Scored) -> Iterator[tuple[Flag, bool]]:
    review = review_having(scored, "translation")
    if review is None:
        return
    translation = review.translation
    source_review = translation.review
    source_views, views = source_review.facts.get("results", {}), review.facts.get("results", {})
    source_vocabulary = _vocabulary(translation.source_locale.claims, translation.source_locale.code)
    vocabulary = _vocabulary(translation.locale.claims, translation.locale.code)
    yield from ((flag, True) for flag in _own_wording(scored, review, source_review, source_vocabulary, vocabulary))
    source_language, language = _source_language(scored), scored.language
    explaining = review.layout.explaining_parts

    def said(text: str, offset: int = 0) -> list[Statement]:
        # a language without claim words is held to the statements of results only (worded by its grid)
        return [_moved(s, offset) for s in statements(text, source_review.results, source_views, source_vocabulary, source_language)
                if vocabulary is not None or s.result_id is not None]

    def says(text: str, offset: int = 0) -> list[Statement]:
        return [_moved(s, offset) for s in statements(text, review.results, views, vocabulary, language)]

    for key, span, source_text in _fields(scored.document):
        if key.split(".")[:1] == ["summary"] and key.split(".")[1:2] and key.split(".")[1] in explaining:
            continue  # "What did we want to find out?" and the like state no result's certainty
        field_said = said(source_text)
        if not field_said and not _levels_said(source_text, source_vocabulary):
            continue
        paired = _paired(scored, source_text, span.rendered)
        if paired is None:
            if field_said:
                yield from _unpaired(key, span, field_said, says(span.rendered))
            continue
        for block in paired:
            block_said = [s for sentence in block.source for s in said(sentence.text, sentence.offset)]
            block_says = [s for sentence in block.translated for s in says(sentence.text, sentence.offset)] if block_said else []
            groups = block.groups or (Group(block.source, block.translated, False),)
            for group in groups:
                ours = [s for sentence in group.source for s in said(sentence.text, sentence.offset)] if block_said else []
                theirs = [s for sentence in group.translated for s in says(sentence.text, sentence.offset)] if block_said else []
                text = " ".join(sentence.text.strip() for sentence in group.translated)
                words = _certainty_words(text, vocabulary)
                flags = list(_group_flags(key, span.start, ours, theirs, block_says, text, group.exact, words)) if ours else []
                added: list[tuple[Flag, bool]] = []
                if group.exact and not any(sure for _, sure in flags):
                    source = " ".join(sentence.text.strip() for sentence in group.source)
                    at = span.start + group.translated[0].offset
                    mine, theirs_said = _phrase_level_list(source, source_vocabulary), _phrase_level_list(text, vocabulary)
                    added = list(_added_level(key, at, source, text, ours, source_vocabulary, mine, set(theirs_said)))
                    added = added or list(_swapped_level(key, at, source, text, mine, theirs_said))
                yield from added or flags  # a level the sentence adds is sure where the pairing of the paragraph was not


def _levels_said(text: str, vocabulary: Vocabulary | None) -> set[str]:
    """Every level a source text states: its certainty phrases and the level words of a statement of
    certainty ("the low quality of the evidence", "we have very low certainty in it")."""
    return _phrase_levels(text, vocabulary) | _statement_levels(text, vocabulary)


def _statement_levels(text: str, vocabulary: Vocabulary | None) -> set[str]:
    """The level words of a statement of certainty in `text` ("the low quality of the evidence")."""
    if vocabulary is None:
        return set()
    from plainsum.grade.reading import statement_levels

    return {hit.meaning for hit in statement_levels(text, vocabulary, [])}


def _phrase_levels(text: str, vocabulary: Vocabulary | None) -> set[str]:
    """The level of each certainty phrase of `text`, longest first and not overlapping ("no estamos
    seguros" is not also "estamos seguros")."""
    return set(_phrase_level_list(text, vocabulary))


def _phrase_level_list(text: str, vocabulary: Vocabulary | None) -> list[str]:
    """The level of each certainty phrase of `text` in order, one a phrase (read once a sentence for both the
    added and the swapped level)."""
    if vocabulary is None:
        return []
    from plainsum.grade.claims import read_certainty

    return [hit.meaning for hit in read_certainty(text, vocabulary)]


def _added_level(key: str, at: int, source: str, translated: str, ours: list[Statement], source_vocabulary: Vocabulary | None,
                 source_phrases: list[str], words: set[str]) -> Iterator[tuple[Flag, bool]]:
    """A translated sentence, paired one for one with its source sentence, that states in words a
    certainty level its source sentence states nowhere ("Estamos bastante seguros" for "We are not
    confident"; "certeza alta" for "the low quality of the evidence"): an error. A source sentence that
    states no level at all is not held to this ("can" is no certainty word; "puede" is)."""
    stated = set(source_phrases) | _statement_levels(source, source_vocabulary) | {s.level for s in ours if s.worded}
    if not stated:
        return
    added = sorted(level for level in words if not any(levels_agree(level, other) for other in stated))
    if added:
        levels = " or ".join(sorted(stated))
        yield Flag(f"the translation of {key} says \"{translated}\" ({', '.join(added)} certainty) where its source sentence "
                   f"states {levels} certainty: \"{source}\"", at, translated), True


def _swapped_level(key: str, at: int, source: str, translated: str, mine: list[str], theirs: list[str]
                   ) -> Iterator[tuple[Flag, bool]]:
    """A translated sentence, paired one for one with its source sentence, with as many certainty phrases as its
    source but not of the same levels ("probablemente ... probablemente" for "probably ... may"): one phrase was
    given another level, though each level is still said somewhere in the sentence. An error. (`mine`, `theirs`:
    the levels of the source's and the translation's certainty phrases, in order.)"""
    if len(theirs) != len(mine) or Counter(theirs) == Counter(mine):
        return
    # each translated word matched to a source word of a level it agrees with ("parece", low, for "seemed", low or
    # moderate), the exact ones first: a word left with none is one of another level
    left = list(mine)
    more = []
    for level in sorted(theirs, key=lambda t: t not in mine):
        match = next((m for m in left if m == level), None) or next((m for m in left if levels_agree(m, level)), None)
        if match is None:
            more.append(level)
        else:
            left.remove(match)
    if not more:
        return
    fewer = sorted(left)
    yield Flag(f"the translation of {key} says \"{translated}\" with {', '.join(more)} certainty where its source sentence "
               f"says {', '.join(fewer)}: \"{source}\" (the same number of certainty words, one of another level)",
               at, translated), True


def _moved(statement: Statement, offset: int) -> Statement:
    from dataclasses import replace

    return replace(statement, offset=statement.offset + offset) if offset else statement


def _certainty_words(text: str, vocabulary: Vocabulary | None) -> set[str]:
    """The level of every certainty phrase of `text` (a sentence may say two: "may ..., although the
    evidence is very uncertain"; the claim words read one of them)."""
    if vocabulary is None:
        return set()
    if vocabulary.not_certainty is not None:
        text = vocabulary.not_certainty.sub(" ", text)
    return {level for level, pattern in vocabulary.certainty if pattern.search(text)}


def _group_flags(key: str, start: int, ours: list[Statement], theirs: list[Statement], block: list[Statement],
                 translated: str, exact: bool, words: set[str]) -> Iterator[tuple[Flag, bool]]:
    """What a group of translated sentences fails to say of its source sentences' certainty. A level
    the source states of a result (in words, or worded from the data) or claims an effect with in
    certainty words ("probably reduce") must be stated by the group (by its claims, or by any of its
    certainty phrases: two readers of a sentence with two certainty words may each read another); a certainty said alone ("we are
    not sure") or implied by a plain verb of a result only where a sentence paired one for one states
    another certainty in words. Sure (an error) when the sentences pair one for one, or when the
    level is nowhere in the translated paragraph."""
    levels: dict[str, list[Statement]] = {}
    for statement in ours:
        levels.setdefault(statement.level, []).append(statement)
    for level, stated in levels.items():
        if any(levels_agree(other.level, level) for other in theirs) or any(levels_agree(word, level) for word in words):
            continue  # said by the translated sentence's claim, or by another certainty phrase of it
        other_levels = [other for other in theirs if not any(levels_agree(other.level, s.level) for s in ours)]
        required = any(s.hedged or (s.result_id is not None and s.worded) for s in stated)
        if not required and not (exact and any(other.worded for other in other_levels)
                                 and any(s.worded for s in stated)):
            # a certainty said alone ("we are not sure"): held only against another certainty said in
            # words by the sentence that stands for it; a plain verb not at all (the claim words may
            # miss a certainty the sentence states otherwise: "the evidence was of low quality")
            continue
        statement = stated[0]
        named = [*dict.fromkeys(s.result_id for s in stated if s.result_id)]
        about = f" of result '{named[0]}'" if len(named) == 1 else (f" of results {', '.join(repr(n) for n in named)}" if named else "")
        elsewhere = any(levels_agree(other.level, level) for other in block)
        changed = sorted(other_levels, key=lambda other: other.effect != statement.effect)
        if changed:
            other = changed[0]
            message = (f"the translation of {key} says{about} \"{translated}\" ({other.level} certainty) where its source "
                       f"text says \"{statement.text}\" ({level} certainty)")
            yield Flag(message + (" (the paragraph says it in another sentence)" if elsewhere else ""),
                       start + other.offset, translated), exact and not elsewhere
        else:
            message = (f"the source text of {key} says{about} ({level} certainty) \"{statement.text}\"; its translation "
                       f"\"{translated}\" does not say it with that certainty")
            yield Flag(message + (" (the paragraph says it in another sentence)" if elsewhere else ""),
                       start, translated), not elsewhere


def _unpaired(key: str, span: Span, ours: list[Statement], theirs: list[Statement]) -> Iterator[tuple[Flag, bool]]:
    """A field whose paragraphs do not pair with its source's. A result's statement is held against
    the translated sentences that name the result (an error when they all say another certainty) or,
    with none, that name no result (an error when none says its certainty); a certainty claimed of no
    result is looked for as many times anywhere in the field (a warning: which sentence stands for
    which is not known)."""
    pool = [other for other in theirs if other.result_id is None]
    for statement in ours:
        if not (statement.hedged or (statement.result_id is not None and statement.worded)):
            continue
        if statement.result_id is not None:
            same_result = [other for other in theirs if other.result_id == statement.result_id]
            if any(levels_agree(other.level, statement.level) for other in same_result):
                continue
            if same_result:
                other = same_result[0]
                yield Flag(
                    f"the translation of {key} says of result '{statement.result_id}' \"{other.text}\" ({other.level} "
                    f"certainty); its source text says it with {statement.level} certainty: \"{statement.text}\"",
                    span.start + other.offset, other.text), True
                continue
        same = [other for other in pool if levels_agree(other.level, statement.level)]
        if same:
            if statement.result_id is None:
                pool.remove(same[0])
            continue
        about = f" of result '{statement.result_id}'" if statement.result_id else ""
        yield Flag(
            f"the source text of {key} says{about} ({statement.level} certainty) \"{statement.text}\"; its translation, "
            f"laid out in other paragraphs than its source, does not say it with that certainty",
            span.start, None), statement.result_id is not None or not any(levels_agree(o.level, statement.level) for o in theirs)


def _own_wording(scored: Scored, review: Any, source_review: Any, source_vocabulary: Vocabulary | None,
                 vocabulary: Vocabulary | None) -> Iterator[Flag]:
    """A translation's own wording of a result (`terms: <id>: plain:`) states the certainty that the
    review's wording of it states (or, where the review words it from its data, the result's)."""
    from plainsum.render.document import Location

    if vocabulary is None:
        return
    sources = {result.id: result for result in source_review.results}
    for result in review.results:
        if result.plain is None:
            continue
        source = sources[result.id]
        level = result.certainty
        if source.plain is not None and source_vocabulary is not None:
            said = statements(source.plain.text, [source], {}, source_vocabulary, _source_language(scored))
            level = said[0].level if said else level
        found = statements(result.plain.text, [result], {}, vocabulary, scored.language)
        if any(levels_agree(s.level, level) for s in found):
            continue
        words = f"says it with {found[0].level} certainty" if found else "states no certainty the claim words can read"
        yield Flag(
            f"the translation's own wording of result '{result.id}' \"{result.plain.text}\" {words}; "
            f"the review says it with {level} certainty",
            None, result.plain.text, None,
            Location(scored.document.source_path, result.plain.line, result.plain.column),
        )


@registry.register(
    "translation.terms",
    description="A result stated in a translation is named in the translation's language: its outcome (and "
    "intervention) are given under 'terms' of the translation, not left in the review's language.",
)
def check_terms(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    review = review_having(scored, "translation")
    if review is None or not review.results:
        return
    sources = {result.id: result for result in review.translation.review.results}
    views = review.facts.get("results", {})
    reported: set[str] = set()
    for key, span, _ in _fields(scored.document):
        for result in review.results:
            source, view = sources.get(result.id), views.get(result.id)
            if source is None or view is None or result.id in reported or result.plain is not None:
                continue
            # a name the translation did not give is the review's own Term, unchanged
            left = [(what, term.plain) for what, term, own in (("outcome", result.outcome, source.outcome),
                                                                ("intervention", result.intervention, source.intervention))
                    if term is own]
            match = _worded(span.rendered, view.plain_clause) if left else None
            if match is None:
                continue
            reported.add(result.id)
            names = " and ".join(f"its {what} '{name}'" for what, name in left)
            yield Flag(
                f"result '{result.id}' is stated in the translation of {key} with the review's words for {names}; give them in "
                f"'{review.language}' under terms: {result.id}: ({', '.join(what for what, _ in left)})",
                span.start + match.start(), None, None, _expression_at(scored, span, result.id),
            )


def _expression_at(scored: Scored, span: Span, result_id: str) -> Location | None:
    """Where the field's template writes `{{ results.<id>.plain }}`, when it does (a statement that
    comes out of an expression is located at the expression, not by its rendered words)."""
    from plainsum.render.document import Location

    found = re.search(r"\{\{-?\s*results\." + re.escape(result_id) + r"\.plain\b", span.prose.template)
    if found is None:
        return None
    line, column = span.prose.locate(found.start())
    return Location(scored.document.source_path, line, column)


@registry.register(
    "translation.out-of-date",
    description="No translated field was translated from an older version of its source text than the review's.",
)
def check_out_of_date(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    review = review_having(scored, "translation")
    if review is None:
        return
    translation = review.translation
    from plainsum.content.model import digest

    starts = {key: span.start for key, span, _ in _fields(scored.document)}
    for key in translation.stale_fields():
        now = digest(translation.source_fields[key].template)
        yield Flag(
            f"{key} is out of date: its source text changed since the version it was translated from "
            f"({translation.source_version.get(key)}); translate the change, then set source_version "
            f"'{key}' to {now}",
            starts.get(key, 0), None,
        )
