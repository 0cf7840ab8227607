"""Plain-language checks of the lay summary: jargon, rare words, abbreviations, passive voice,
long sentences, numbers that appear nowhere in the abstract, and recommendations in key messages.

Each check finds "marks" (a stretch of the document body, what is wrong, what to write instead);
the report page (plainsum.report_pages.review) highlights the same marks in place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from plainsum.checks.context import CheckContext, option
from plainsum.checks.glossary import WORD, load_glossary, rare_verdicts, rare_words
from plainsum.checks.registry import Flag, Measure, precise, registry
from plainsum.words.numbers import plural

if TYPE_CHECKING:
    from plainsum.config.settings import Config
    from plainsum.readability.score import Scored, Sentence
    from plainsum.render.document import Document

# Abbreviations most readers know; others must be spelled out at first use.
KNOWN_ABBREVIATIONS = [
    "UK", "US", "USA", "EU", "UN", "NHS", "HIV", "AIDS", "DNA", "RNA", "TV", "GP", "GPs", "ICU", "COVID",
    "IQ", "OK", "AM", "PM", "II", "III", "IV", "VI",
]
ABBREVIATION = re.compile(r"(?<![\w-])([A-Z][A-Za-z]*[A-Z])(s?)(?![\w])")
BE_FORMS = r"(?:am|is|are|was|were|be|been|being|isn't|aren't|wasn't|weren't)"
IRREGULAR_PARTICIPLES = ["given", "taken", "shown", "found", "known", "seen", "done", "made", "written", "chosen", "driven", "broken", "beaten", "bitten", "born", "borne", "bought", "brought", "built", "caught", "cut", "dealt", "drawn", "fed", "felt", "fought", "forgotten", "forgiven", "frozen", "got", "gotten", "grown", "heard", "held", "hidden", "hit", "hurt", "kept", "laid", "led", "left", "lent", "lost", "meant", "met", "paid", "put", "read", "run", "said", "sent", "set", "shaken", "shut", "sold", "sought", "spent", "split", "spoken", "spread", "stolen", "struck", "sung", "taught", "thought", "thrown", "told", "understood", "undertaken", "withdrawn", "won", "worn"]  # noqa: E501 (one pattern, read whole)
NOT_PASSIVE = {"interested", "concerned", "tired", "married", "worried", "pleased", "surprised",
               "supposed", "aged", "indeed", "bored", "excited", "scared", "ashamed", "satisfied",
               "confused", "disappointed", "embarrassed", "involved", "related", "limited"}
PASSIVE = re.compile(
    r"\b" + BE_FORMS + r"(?:\s+(?:not|also|still|often|usually|then|only|never|always|\w+ly))*\s+"
    r"(\w+ed|" + "|".join(IRREGULAR_PARTICIPLES) + r")\b",
    re.I,
)
RECOMMENDATION = re.compile(
    r"\b(should|must|ought to|we recommend|recommends?|recommended|we advise|are advised|is advised|"
    r"needs? to be (?:given|used|offered)|we suggest that)\b",
    re.I,
)
# A number in digits (group 1), not inside a word or a longer number: "12", "0.73", "1,234". It opens with its first
# digit, and the characters before it are read by lookbehinds taken after that digit ("(?<![\w.,]\d)" is
# "(?<![\w.,])" before it), so that a search skips to the next digit in C instead of trying the lookbehinds at every
# character (2.3x faster over the corpus, the same matches: tests/test_checks_plain.py).
NUMBER = re.compile(r"(\d(?<![\w.,]\d)(?<![A-Za-z]-\d)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?))(?![\w]|,\d{3})")
NUMBER_WORD_SUFFIX = re.compile(r"^(?:st|nd|rd|th)\b")
# NUMBER for an ASCII text, where \d and \w read only ASCII characters either way: a test of a character's class
# in C, not a look-up in Unicode's tables (a fifth less time over the corpus's texts)
_ASCII_NUMBER = re.compile(NUMBER.pattern, re.ASCII)
# Each byte of an ASCII text as "0" for a digit, "a" for another character NUMBER's first lookbehind refuses before a
# number ([\w.,]) and " " for any other: a match of NUMBER starts at a digit at the text's start or after a space so read
_DIGIT_MARKS = bytes(ord("0") if chr(byte).isdigit() and byte < 128 else ord("a") if (chr(byte).isalnum() and byte < 128)
                     or chr(byte) in "_.," else ord(" ") for byte in range(256))


def ascii_numbers(text: str) -> list[re.Match[str]]:
    """list(_ASCII_NUMBER.finditer(text)) of an ASCII text, _ASCII_NUMBER tried only where a match may start (a digit
    after a space in the text's bytes read by _DIGIT_MARKS, found by bytes.find: the search went to every digit, and read
    each through a set of characters, about 90 instructions a character), in order, each after the last one found."""
    marked = b" " + text.encode("ascii").translate(_DIGIT_MARKS)  # marked[at + 1] is text[at]'s mark
    found: list[re.Match[str]] = []
    end = 0
    match = _ASCII_NUMBER.match
    at = marked.find(b" 0")
    while at >= 0:
        if at >= end:
            number = match(text, at)
            if number is not None:
                found.append(number)
                end = number.end()
        at = marked.find(b" 0", at + 1)
    return found


@dataclass(frozen=True)
class Mark:
    """A stretch of the document body a check has something to say about."""

    check: str
    offset: int  # in document.body
    length: int
    text: str
    message: str
    suggestion: str | None
    sentence: Sentence | None = None

    def flag(self) -> Flag:
        return Flag(self.message, self.offset, self.sentence.text if self.sentence else self.text, self.suggestion)


def body_offset(document: Document, sentence: Sentence, index: int, text: str) -> int:
    """The body offset of `text`, found at `index` of the sentence's text."""
    body = document.body
    direct = sentence.offset + index
    if body[direct : direct + len(text)] == text:
        return direct
    # the sentence text may differ from the body (inline markup removed): search near it
    found = body.find(text, sentence.offset, sentence.offset + 2 * len(sentence.text) + 200)
    return found if found >= 0 else sentence.offset


def _mark(check: str, scored: Scored, sentence: Sentence, start: int, end: int, message: str,
          suggestion: str | None) -> Mark:
    text = sentence.text[start:end]
    return Mark(check, body_offset(scored.document, sentence, start, text), len(text), text, message, suggestion, sentence)


@dataclass(frozen=True)
class AllowOptions:
    allow: list[str] = option([], "Words (or terms) not to flag, in any case.")


@dataclass(frozen=True)
class RareWordOptions:
    min_zipf: float = option(2.5, "Flag words rarer than this on wordfreq's Zipf scale (2.5: about once in 3 million words); "
                                  "without it, a language other than English uses its own measured threshold.")
    allow: list[str] = option([], "Words not to flag, in any case.")


@dataclass(frozen=True)
class AbbreviationOptions:
    allow: list[str] = option(list(KNOWN_ABBREVIATIONS), "Abbreviations that need no spelling out (the default is English).")


@dataclass(frozen=True)
class PassiveShareOptions:
    max_share: float = option(0.25, "The largest share of sentences in the passive voice (0.25: one in four).")


@dataclass(frozen=True)
class LongSentenceOptions:
    max_words: int = option(25, "Flag sentences longer than this many words.")


def _allow(config: Config | CheckContext, check_id: str, options_type: type[AllowOptions | RareWordOptions | AbbreviationOptions]) -> set[str]:
    return {item.lower() for item in CheckContext.of(config).options(check_id, options_type).allow}


# --- jargon ---------------------------------------------------------------------------------------

def jargon_marks(scored: Scored, config: Config | CheckContext) -> list[Mark]:
    glossary = load_glossary()
    allow = _allow(config, "plain.jargon", AllowOptions)
    seen: set[str] = set()
    marks = []
    for sentence in scored.sentences:
        for hit in glossary.find(sentence.text):
            term = hit.entry.term
            if term in seen or term.lower() in allow or hit.text.lower() in allow:
                continue
            seen.add(term)  # the first use decides: explained there, it may be used freely after
            if hit.explained:
                continue
            marks.append(_mark(
                "plain.jargon", scored, sentence, hit.start, hit.end,
                f"jargon: '{hit.text}'",
                f"say \"{hit.entry.plain}\", or explain '{hit.text}' in brackets the first time",
            ))
    return marks


def rare_word_marks(scored: Scored, config: Config | CheckContext) -> list[Mark]:
    language = scored.language
    context = CheckContext.of(config)
    if "min_zipf" in context.config.check_options.get("plain.rare-word", {}) or language.english:
        min_zipf = context.options("plain.rare-word", RareWordOptions).min_zipf
    else:
        min_zipf = language.rare_min_zipf  # measured per language (docs/readability.md)
    allow = _allow(config, "plain.rare-word", RareWordOptions)
    glossary = load_glossary() if language.english else None  # the glossary's terms are English
    seen: set[str] = set()
    marks = []
    verdicts = rare_verdicts(min_zipf, allow, glossary, language.wordfreq_language, language.inflections)
    for sentence in scored.sentences:
        for rare in rare_words(sentence.text, min_zipf, allow, glossary, language.wordfreq_language, language.inflections,
                               verdicts):
            key = rare.word.lower()
            if key in seen:
                continue
            seen.add(key)
            if rare.explained:
                continue
            marks.append(_mark(
                "plain.rare-word", scored, sentence, rare.start, rare.end,
                f"rare word: '{rare.word}' (word frequency {precise(rare.zipf, min_zipf)} on the Zipf scale"
                f"{' with its other forms' if rare.family else ''}, below {min_zipf:g})",
                "use a more common word, or explain it in brackets the first time",
            ))
    return marks


# --- abbreviations ---------------------------------------------------------------------------------

def _defined_here(text: str, start: int, end: int) -> bool:
    """'long form (ABBR)' or 'ABBR (long form)'."""
    before = text[:start].rstrip()
    after = text[end:]
    if before.endswith("(") and re.match(r"\s*[),;]", after):
        return bool(re.search(r"[a-z]{3,}", before[:-1][-80:]))
    return bool(re.match(r"\s*\((?=[^)]*[a-z]{3,})[^)]+\)", after))


def _expansion(abbreviation: str, texts: list[str]) -> str | None:
    """The long form of an abbreviation, if any of `texts` spells it out as 'long form (ABBR)'."""
    closing = re.compile(r"\(" + re.escape(abbreviation) + r"s?\)")
    words_before = re.compile(r"([A-Za-z][A-Za-z'‐-]*(?:[\s‐-]+[A-Za-z'‐-]+){0,8})\s*$")
    letters = sum(1 for ch in abbreviation if ch.isupper() or ch.isdigit())
    for text in texts:
        for found in closing.finditer(text):
            match = words_before.search(text[max(0, found.start() - 120) : found.start()])
            if match:
                words = re.split(r"\s+", match.group(1))
                return " ".join(words[-letters:]) if len(words) > letters else match.group(1)
    return None


def _abbreviation_allow(scored: Scored, config: Config | CheckContext) -> set[str]:
    """The abbreviations that need no spelling out: the language's own (the check's default `allow`
    list is English: UK, US, NHS...), and those the configuration allows."""
    language = scored.language
    allow = _allow(config, "plain.abbreviation", AbbreviationOptions)
    if not language.english and "allow" not in CheckContext.of(config).config.check_options.get("plain.abbreviation", {}):
        allow -= {known.lower() for known in KNOWN_ABBREVIATIONS}  # the English default, not configured
    return allow | {known.lower() for known in language.known_abbreviations}


def abbreviation_marks(scored: Scored, config: Config | CheckContext) -> list[Mark]:
    allow = _abbreviation_allow(scored, config)
    language = scored.language
    review = scored.document.review
    technical = [text for key, text in (review.rendered.items() if review else []) if key.endswith(".technical")]
    seen: set[str] = set()
    marks = []
    uses: list[tuple[Sentence, re.Match[str]]] = []
    for sentence in scored.sentences:
        uses.extend((sentence, match) for match in ABBREVIATION.finditer(sentence.text))
    for position, (sentence, match) in enumerate(uses):
        abbreviation = match.group(1)
        if abbreviation in seen or abbreviation.lower() in allow or len(abbreviation) < 2:
            continue
        if sentence.text[match.end() : match.end() + 1] == "." and language.abbreviation_stops(match.group(0)):
            continue  # one of the language's abbreviations, as the splitter reads it ("EE. UU.", "EE.UU.")
        seen.add(abbreviation)
        if _defined_here(sentence.text, match.start(), match.end()):
            continue
        later = any(
            m.group(1) == abbreviation and _defined_here(s.text, m.start(), m.end()) for s, m in uses[position + 1 :]
        )
        long_form = _expansion(abbreviation, [s.text for s, _ in uses] + technical)
        where = "before it is spelled out" if later else "without being spelled out"
        suggestion = (f"write \"{long_form} ({abbreviation})\" the first time, or just \"{long_form}\""
                      if long_form else f"spell out '{abbreviation}' the first time, or avoid it")
        marks.append(_mark("plain.abbreviation", scored, sentence, match.start(), match.end(),
                           f"abbreviation '{match.group(0)}' used {where}", suggestion))
    return marks


# --- passive voice, long sentences ----------------------------------------------------------------

def passive_matches(text: str) -> list[re.Match[str]]:
    return [m for m in PASSIVE.finditer(text) if m.group(1).lower() not in NOT_PASSIVE]


def passive_marks(scored: Scored, config: Config) -> list[Mark]:
    marks = []
    for sentence in scored.sentences:
        for match in passive_matches(sentence.text):
            marks.append(_mark("plain.passive", scored, sentence, match.start(), match.end(),
                               f"passive voice: '{match.group(0)}'",
                               "say who does it: 'we found', 'doctors gave', rather than 'it was found', 'was given'"))
    return marks


def words_in(text: str) -> int:
    return len(WORD.findall(text)) + len(NUMBER.findall(text))


def long_sentence_marks(scored: Scored, config: Config | CheckContext) -> list[Mark]:
    limit = CheckContext.of(config).options("plain.long-sentence", LongSentenceOptions).max_words
    marks = []
    for sentence in scored.sentences:
        count = words_in(sentence.text)
        if count > limit:
            marks.append(_mark("plain.long-sentence", scored, sentence, 0, len(sentence.text),
                               f"long sentence: {plural(count, 'word')} (limit {limit:g})",
                               "split it into two sentences, one idea each"))
    return marks


# --- numbers and recommendations (need the review) -------------------------------------------------

# A decimal in ASCII digits that is already in the form normalise_number gives: no leading zero but a lone one before
# the point (then at most five zeros after it: str(Decimal) writes 0.0000001 as 1E-7), a last digit that is not 0,
# and at most 27 digits, which Decimal's context (28 digits) keeps.
_NORMAL_DECIMAL = re.compile(r"(?:[1-9][0-9]{0,13}|0(?=\.0{0,5}[1-9]))\.[0-9]{0,12}[1-9]")


def normalise_number(text: str) -> str:
    if text.isascii() and text.isdigit() and (text[0] != "0" or len(text) == 1):
        return text  # a whole number in digits, as most are: already normal
    if _NORMAL_DECIMAL.fullmatch(text):
        return text  # a decimal such as "1.25" or "0.5": already normal (Decimal would give it back)
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        return text
    normal = abs(value).normalize()  # "went down by 7.5" states the MD of -7.5
    return format(normal, "f") if normal == normal.to_integral() else str(normal)


@lru_cache(maxsize=64)
def digit_numbers(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, value normalised) of each number of `text` in digits, kept: a review's abstract is read for
    its numbers by several of its figures (callers only read them)."""
    found = []
    for match in ascii_numbers(text) if text.isascii() else NUMBER.finditer(text):
        number = match.group(1)
        if not (number.isascii() and number.isdigit() and (number[0] != "0" or len(number) == 1)):
            number = normalise_number(number)  # a whole number in digits, as most are, is already normal
        found.append((match.start(), match.end(), number))
    return tuple(found)


def known_numbers(review: Any) -> set[str]:
    """Every number the abstract or the facts state."""
    import datetime

    known: set[str] = set()
    texts = [text for key, text in review.rendered.items() if key.endswith(".technical")]
    texts.append(review.title)

    def add_value(value: Any) -> None:
        if isinstance(value, bool):
            return
        if isinstance(value, datetime.date):
            known.update({str(value.year), str(value.day), str(value.month)})
        elif isinstance(value, (int, float)):
            known.add(normalise_number(str(value)))
        elif isinstance(value, str):
            texts.append(value)
        elif isinstance(value, (list, tuple)):
            for item in value:
                add_value(item)

    for name, value in review.facts.items():
        if name != "results":
            add_value(value)
    for result in review.results:
        known.update(normalise_number(n) for n in result.numbers_in_data())
    trial = getattr(review, "trial", None)
    if trial is not None:  # a trial's counts, and its natural frequencies "out of 100"
        known.update(normalise_number(n) for n in trial.numbers())
    for text in texts:
        known.update(value for _start, _end, value in digit_numbers(text))
    return known


def key_message_sentences(scored: Scored) -> list[Sentence]:
    """The sentences written in the review's key messages (summary.key_messages)."""
    document = scored.document
    if document.review is None:
        return []
    spans = [span for span in document.spans if span.prose.key.startswith("summary.key_messages.")]
    return [s for s in scored.sentences if any(span.start <= s.offset < span.end for span in spans)]


def recommendation_marks(scored: Scored, config: Config) -> list[Mark]:
    marks = []
    for sentence in key_message_sentences(scored):
        for match in RECOMMENDATION.finditer(sentence.text):
            marks.append(_mark("plain.recommendation", scored, sentence, match.start(), match.end(),
                               f"recommendation in a key message: '{match.group(0)}'",
                               "say what the evidence shows and leave the decision to readers and their "
                               "doctors (Cochrane summaries do not make recommendations)"))
            break
    return marks


# --- registration ----------------------------------------------------------------------------------

def _flags(marks: list[Mark]) -> Iterator[Flag]:
    for mark in marks:
        yield mark.flag()


@registry.register(
    "plain.jargon",
    description="Medical and research jargon from plainsum's glossary, each with a plainer alternative; "
    "a term explained in brackets at its first use is fine.",
    severity="warning",
    options=AllowOptions,
)
def jargon(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    return _flags(jargon_marks(scored, context))


@registry.register(
    "plain.rare-word",
    description="Words rarer in everyday use than min_zipf in the text's language (wordfreq's Zipf scale; 2.5 is "
    "about once in 3 million words; other languages count a word with its inflected forms and have their own "
    "measured default) that are not in the glossary, unless explained in brackets.",
    severity="warning",
    options=RareWordOptions,
)
def rare_word(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    return _flags(rare_word_marks(scored, context))


@registry.register(
    "plain.abbreviation",
    description="Abbreviations used before they are spelled out ('long form (ABBR)' or 'ABBR (long form)').",
    severity="warning",
    options=AbbreviationOptions,
)
def abbreviation(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    return _flags(abbreviation_marks(scored, context))


@registry.register(
    "plain.passive",
    description="Sentences in the passive voice ('was given', 'were found'); each is reported.",
    severity="warning",
)
def passive(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    config = context.config
    return _flags(passive_marks(scored, config))


@registry.register(
    "plain.passive-share",
    description="The share of sentences in the passive voice stays at or below max_share.",
    severity="warning",
    options=PassiveShareOptions,
)
def passive_share(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    limit = context.options("plain.passive-share", PassiveShareOptions).max_share
    if not scored.sentences:
        return
    passive_count = sum(1 for sentence in scored.sentences if passive_matches(sentence.text))
    share = passive_count / len(scored.sentences)
    if share > limit:
        verb = "is" if passive_count == 1 else "are"
        yield Flag(f"{passive_count} of {plural(len(scored.sentences), 'sentence')} ({precise(100 * share, 100 * limit, 0)}%) "
                   f"{verb} in the passive voice, above the maximum of {100 * limit:g}%", None, None,
                   "rewrite some in the active voice: 'we found'")


@registry.register(
    "plain.long-sentence",
    description="Sentences longer than max_words words (plain-language guidance: 15 to 20 on average, "
    "few above 25).",
    severity="warning",
    options=LongSentenceOptions,
)
def long_sentence(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    limit = context.options("plain.long-sentence", LongSentenceOptions).max_words
    for mark in long_sentence_marks(scored, context):
        count = words_in(mark.text)
        flag = mark.flag()
        # the same figure as readability.hard-sentence's max_words: one finding, the stricter limit's
        yield Flag(flag.message, flag.offset, flag.sentence, flag.suggestion,
                   measures=(Measure("sentence.words", count, limit, f"{plural(count, 'word')} (limit {limit:g})"),))


@registry.register(
    "plain.recommendation",
    description="Key messages that recommend ('should', 'must', 'we recommend') instead of reporting "
    "the evidence. Needs a review with key messages.",
    severity="warning",
)
def recommendation(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    config = context.config
    return _flags(recommendation_marks(scored, config))


# Which marks the report page highlights, and how (see plainsum.report_pages.review).
MARKERS = {
    "plain.jargon": jargon_marks,
    "plain.rare-word": rare_word_marks,
    "plain.abbreviation": abbreviation_marks,
    "plain.passive": passive_marks,
    "plain.long-sentence": long_sentence_marks,
    "plain.recommendation": recommendation_marks,
}
