"""Score a rendered document: figures for the whole, per section, and per sentence.

The text model (plainsum.readability.textmodel) splits the Markdown body into sections, sentences and words;
each sentence is counted once (plainsum.readability.metrics.count_sentence) and sections and the document
add those counts up, so every formula reads the same numbers.

Formulas are not applied to a section shorter than `min_words` words (default
DEFAULT_FORMULA_MIN_WORDS): its figures then hold the counts only, and `formulas_applied` is False.
A whole document always gets every figure (pages and indexes show them), but `Scored.formulas_applied`
tells the gate whether they mean anything: the readability checks skip formula thresholds when not.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import chain

from plainsum.config.figures import COUNT_NAMES, FIGURE_NAMES, FORMULA_NAMES
from plainsum.errors import InputError, Problem
from plainsum.readability import metrics as metrics
from plainsum.readability.languages import ENGLISH, LanguageProfile, UnknownLanguage, language_profile
from plainsum.readability.metrics import Counts, WordInfo
from plainsum.readability.textmodel import parse_rows, tokens
from plainsum.render.document import Document, text_document

Figures = dict[str, float]

# Figures that gate thresholds (min_<name>, max_<name>) may be set on.
METRIC_NAMES = FIGURE_NAMES
DEFAULT_FORMULA_MIN_WORDS = 100

__all__ = [
    "COUNT_NAMES", "DEFAULT_FORMULA_MIN_WORDS", "FORMULA_NAMES", "METRIC_NAMES", "Scored", "SectionScore",
    "Sentence", "score_document", "score_markdown", "score_text", "section_figures",
]


class Sentence:
    """One scored sentence: its text and place, its figures (words, syllables, long_words and the headline
    formulas), its counts, its words and how hard it is.

    A document has many sentences and most are only summed, so a sentence keeps its counts as a tuple and
    its words not at all until they are read (`counts`, `words`: found again from the text, the same tokens
    the text model gave)."""

    __slots__ = ("_counts", "_long", "_words", "difficulty", "figures", "language", "offset", "section", "text")

    def __init__(self, text: str, offset: int, section: str | None, figures: Figures,
                 counts: Counts | tuple[int, ...] | int | None = None, words: list[WordInfo] | None = None,
                 difficulty: float = 0.0, language: LanguageProfile = ENGLISH) -> None:
        self.text = text
        self.offset = offset  # in the document body
        self.section = section
        self.figures = figures
        # its counts as Counts, as their tuple of fields or packed in one integer (metrics.unpack_counts), until read
        self._counts: Counts | tuple[int, ...] | int = Counts() if counts is None else counts
        self._words = words
        self._long: list[WordInfo] | None = None  # its long words, when they were read before its words (`long_words`)
        self.difficulty = difficulty  # higher is harder, in any language (the hardest sentence is the one to fix first)
        self.language = language

    @property
    def counts(self) -> Counts:
        found = self._counts
        if isinstance(found, int):
            found = self._counts = Counts(*metrics.unpack_counts(found))
        elif isinstance(found, tuple):
            found = self._counts = Counts(*found)
        return found

    @counts.setter
    def counts(self, counts: Counts) -> None:
        self._counts = counts

    @property
    def words(self) -> list[WordInfo]:
        """Each word with its syllables and letters."""
        if self._words is None:
            self._words = metrics.sentence_words(tokens(self.text), self.language)
        return self._words

    @words.setter
    def words(self, words: list[WordInfo]) -> None:
        self._words = words

    def keep_long_words(self) -> None:
        """Keep only the words of three or more syllables (what reports read), without making the others."""
        if self._words is None:
            self._words = self._long if self._long is not None else metrics.long_words_of(tokens(self.text), self.language)
        else:
            self._words = [info for info in self._words if info.long]
        self._long = None

    @property
    def long_words(self) -> list[str]:
        """The sentence's words of three or more syllables, in order (read without making its other words, when
        those were not made: a hard sentence's long words are what a report lists)."""
        if self._words is not None:
            return [info.word for info in self._words if info.long]
        if self._long is None:
            self._long = metrics.long_words_of(tokens(self.text), self.language)
        return [info.word for info in self._long]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sentence):
            return NotImplemented
        return (self.text, self.offset, self.section, self.figures, self.counts, self.difficulty) == (
            other.text, other.offset, other.section, other.figures, other.counts, other.difficulty)

    __hash__ = None  # type: ignore[assignment]  # mutable, as a dataclass

    def __repr__(self) -> str:
        return (f"Sentence(text={self.text!r}, offset={self.offset!r}, section={self.section!r}, figures={self.figures!r}, "
                f"counts={self.counts!r}, difficulty={self.difficulty!r})")


class SectionScore:
    """One section's figures and counts, and its sentences.

    Most sections are only summed, so a section made by the scorer keeps its sentences as three lists (texts,
    offsets, counts packed in one integer each, see metrics.unpack_counts) and makes the Sentence objects, with
    their figures, the first time `sentences` is read."""

    def __init__(self, heading: str | None, figures: Figures, sentences: list[Sentence] | None = None,
                 offset: int | None = None, counts: Counts | None = None, formulas_applied: bool = True,
                 language: LanguageProfile = ENGLISH) -> None:
        self.heading = heading
        self.figures = figures
        self._sentences = sentences  # None: none yet (an empty list is made when read)
        # the rows the sentences are made of, until they are (score_document's; none when _texts is None): kept as
        # attributes, not in a tuple, and the offsets in an array, so that a scored document holds few containers for
        # the garbage collector to count and walk
        self._texts: list[str] | None = None
        self._offsets: Sequence[int] = ()
        self._packed: Sequence[int] = ()
        self.offset = offset  # of the heading text in the body; None for text before any heading
        self.counts = Counts() if counts is None else counts
        self.formulas_applied = formulas_applied
        self.language = language

    @property
    def sentences(self) -> list[Sentence]:
        if self._texts is not None:
            self._sentences = _sentences(self.heading, self._texts, self._offsets, self._packed, self.language)
            self._texts, self._offsets, self._packed = None, (), ()
        elif self._sentences is None:
            self._sentences = []
        return self._sentences

    @sentences.setter
    def sentences(self, sentences: list[Sentence]) -> None:
        self._sentences = sentences
        self._texts, self._offsets, self._packed = None, (), ()

    def _linsear_rows(self) -> Iterator[tuple[int, int, str]]:
        """(words, long words, text) of each sentence in turn, for Linsear Write, without making the sentences."""
        if self._texts is not None:
            mask, long_at = metrics.WORDS_MASK, metrics.LONG_WORDS_AT  # metrics.packed_words and packed_long_words, inline
            for text, row in zip(self._texts, self._packed, strict=True):
                yield row & mask, (row >> long_at) & mask, text
        else:
            for sentence in self.sentences:
                yield int(sentence.figures["words"]), int(sentence.figures["long_words"]), sentence.text

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SectionScore):
            return NotImplemented
        return _section_key(self) == _section_key(other)

    __hash__ = None  # type: ignore[assignment]  # mutable, as a dataclass

    def __repr__(self) -> str:
        return (f"SectionScore(heading={self.heading!r}, figures={self.figures!r}, sentences={self.sentences!r}, "
                f"offset={self.offset!r}, counts={self.counts!r}, formulas_applied={self.formulas_applied!r}, "
                f"language={self.language!r})")


def _section_key(section: SectionScore) -> tuple[object, ...]:
    return (section.heading, section.figures, section.sentences, section.offset, section.counts, section.formulas_applied,
            section.language)


def _sentences(heading: str | None, texts: list[str], offsets: Sequence[int], rows: Sequence[int],
               language: LanguageProfile) -> list[Sentence]:
    """The Sentence objects of a section's rows (each row a sentence's packed counts, `metrics.sentences_packed`)."""
    made: list[Sentence] = []
    append = made.append
    if language.english:  # metrics.sentence_figures and sentence_difficulty, inline
        # the three counts the figures read, from each row (its other counts are unpacked when its `counts` are read)
        mask, syllables_at, long_at = metrics.WORDS_MASK, metrics.SYLLABLES_AT, metrics.LONG_WORDS_AT
        for text, offset, row in zip(texts, offsets, rows, strict=True):
            words, syllables = row & mask, (row >> syllables_at) & mask
            per_word = syllables / words
            grade = 0.39 * words + 11.8 * per_word - 15.59
            figures: Figures = {
                "words": words, "syllables": syllables, "long_words": (row >> long_at) & mask,
                "flesch_kincaid_grade": grade, "flesch_reading_ease": 206.835 - 1.015 * words - 84.6 * per_word,
            }
            append(Sentence(text, offset, heading, figures, row, None, grade, language))
        return made
    for text, offset, counts in zip(texts, offsets, map(metrics.unpack_counts, rows), strict=True):
        figures = metrics.sentence_figures(Counts(*counts), language)
        append(Sentence(text, offset, heading, figures, counts, None, metrics.sentence_difficulty(figures, language), language))
    return made


class Scored:
    """A scored document: figures and counts of the whole, its sections, its sentences (made when first read:
    the sections' sentences, in order, the same objects)."""

    def __init__(self, document: Document, figures: Figures, sections: list[SectionScore],
                 sentences: list[Sentence] | None = None, counts: Counts | None = None, formulas_applied: bool = True,
                 min_words: int = DEFAULT_FORMULA_MIN_WORDS, language: LanguageProfile = ENGLISH,
                 not_scored: dict[str, int] | None = None) -> None:
        self.document = document
        self.figures = figures
        self.sections = sections
        self._sentences = sentences
        self.counts = Counts() if counts is None else counts
        self.formulas_applied = formulas_applied
        self.min_words = min_words
        self.language = language
        self.not_scored = {} if not_scored is None else not_scored  # what was left out as not prose: references, tables, code, links

    @property
    def sentences(self) -> list[Sentence]:
        if self._sentences is None:
            self._sentences = [sentence for section in self.sections for sentence in section.sentences]
        return self._sentences

    @sentences.setter
    def sentences(self, sentences: list[Sentence]) -> None:
        self._sentences = sentences

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Scored):
            return NotImplemented
        return _scored_key(self) == _scored_key(other)

    __hash__ = None  # type: ignore[assignment]  # mutable, as a dataclass

    def __repr__(self) -> str:
        return (f"Scored(document={self.document!r}, figures={self.figures!r}, sections={self.sections!r}, "
                f"sentences={self.sentences!r}, counts={self.counts!r}, formulas_applied={self.formulas_applied!r}, "
                f"min_words={self.min_words!r}, language={self.language!r}, not_scored={self.not_scored!r})")

    @property
    def formula_names(self) -> tuple[str, ...]:
        """The formulas of this text's language, in report order."""
        return self.language.formulas

    @property
    def skipped_checks(self) -> tuple[str, ...]:
        """Checks that do not run on this text because their data exist only in English."""
        return self.language.skipped_checks

    @property
    def text(self) -> str:
        return " ".join(sentence.text for sentence in self.sentences)

    def section(self, heading: str) -> SectionScore | None:
        wanted = _heading_key(heading)
        return next((s for s in self.sections if s.heading is not None and _heading_key(s.heading) == wanted), None)


def _scored_key(scored: Scored) -> tuple[object, ...]:
    return (scored.document, scored.figures, scored.sections, scored.sentences, scored.counts, scored.formulas_applied,
            scored.min_words, scored.language, scored.not_scored)


def _heading_key(heading: str) -> str:
    return " ".join(heading.lower().rstrip(":").split())


def _figures(counts: Counts, rows: Iterable[tuple[int, int, str]], min_words: int, language: LanguageProfile,
             always: bool = False, linsear: float | None = None) -> tuple[Figures, bool]:
    applied = counts.words >= min_words and counts.sentences > 0
    return _all_figures(counts, rows, applied or always, language, linsear), applied


def _all_figures(counts: Counts, rows: Iterable[tuple[int, int, str]], with_formulas: bool, language: LanguageProfile,
                 linsear: float | None = None) -> Figures:
    """The figures of `counts`; `linsear`: Linsear Write of `rows` when the caller knows it (else worked out)."""
    result = metrics.count_figures(counts)
    if with_formulas:
        if linsear is None:
            linsear = _linsear(rows, language) if language.english else 0.0
        result.update(metrics.formula_figures(counts, linsear, language))
    return result


def _linsear(rows: Iterable[tuple[int, int, str]], language: LanguageProfile) -> float:
    """metrics.linsear_write on the sentences' counts, (words, long words, text) a sentence: a sentence wholly within
    the first LINSEAR_WORDS words adds its words and two more for each long one; only the sentence cut there is read
    word by word."""
    total = used = sentence_count = 0
    limit = metrics.LINSEAR_WORDS
    for words, long_words, text in rows:
        if used >= limit:
            break
        if not words:
            continue
        room = limit - used
        if words <= room:
            sentence_count += 1
            total += words + 2 * long_words
            used += words
        else:
            points, taken = metrics.first_words_points(tokens(text), room, language)
            if taken > 2:
                sentence_count += 1
            total += points
            used += taken
    return metrics.linsear_score(total, sentence_count)


def section_figures(section: SectionScore, min_words: float) -> tuple[Figures, bool]:
    """A section's figures under another minimum length than it was scored with: (figures, formulas applied)."""
    applied = section.counts.words >= min_words and section.counts.sentences > 0
    if applied == section.formulas_applied:
        return section.figures, applied
    if not applied:
        return {key: value for key, value in section.figures.items() if key in COUNT_NAMES}, False
    return _all_figures(section.counts, section._linsear_rows(), True, section.language), True


def document_language(document: Document, fallbacks: Mapping[str, str] | None = None) -> LanguageProfile:
    """The profile of a document's language: its review's `language` (English for free text).

    Raises InputError at the review's `language` line for a language plainsum does not score."""
    code = document.review.language if document.review is not None else "en"
    try:
        return language_profile(code, fallbacks)
    except UnknownLanguage as error:
        review = document.review
        assert review is not None  # free text is English unless the caller says otherwise
        line, column = _language_position(review.source.text)
        raise InputError([Problem(review.source.display, line, column, str(error))]) from None


def _language_position(source: str) -> tuple[int, int]:
    for number, line in enumerate(source.splitlines(), start=1):
        if line.startswith("language:"):
            return number, len("language:") + 1 + len(line[len("language:"):]) - len(line[len("language:"):].lstrip())
    return 1, 1


def score_document(document: Document, min_words: int | None = None, language: LanguageProfile | None = None,
                   fallbacks: Mapping[str, str] | None = None) -> Scored:
    """Score a document. `min_words`: below it no formula is applied (default DEFAULT_FORMULA_MIN_WORDS).
    `language`: the profile to score with (default: the document's, see `document_language`, with the
    configured `fallbacks`, [languages] in plainsum.toml)."""
    limit = DEFAULT_FORMULA_MIN_WORDS if min_words is None else min_words
    profile = language if language is not None else document_language(document, fallbacks)
    if len(document.body) >= metrics.LONGEST_TEXT:  # the packed counts' bound (metrics._FIELD)
        raise InputError([Problem(document.source_path, 1, 1,
                                  f"the text has {metrics.LONGEST_TEXT:,} characters or more, more than plainsum scores")])
    rows, left_out = parse_rows(document.body, profile, metrics.pack_of(profile))
    sections: list[SectionScore] = []
    total = Counts()
    links = 0
    words, word_bits = metrics.packed_words, metrics.WORDS_MASK.__and__
    for row in rows:
        if not row.texts:
            continue
        texts, offsets, counts = row.texts, row.offsets, row.packed
        if not all(map(word_bits, counts)):  # punctuation, symbols or a link only: not a sentence (no word)
            links += sum(metrics.packed_links(c) for c in counts if not words(c))
            kept = [index for index, c in enumerate(counts) if words(c)]
            texts, offsets, counts = [texts[i] for i in kept], [offsets[i] for i in kept], [counts[i] for i in kept]
        section = SectionScore(row.heading, {}, None, row.offset, metrics.sum_counts(counts) if counts else None, True, profile)
        if counts:
            section._texts, section._offsets, section._packed = texts, offsets, counts
        section.figures, section.formulas_applied = _figures(section.counts, section._linsear_rows(), limit, profile)
        total.add(section.counts)
        sections.append(section)
    total.links += links
    if len(sections) == 1 and sections[0].formulas_applied:  # the whole is its one section (links aside, which no figure reads)
        whole, applied = dict(sections[0].figures), True
    else:
        first = chain.from_iterable(section._linsear_rows() for section in sections)  # the document's first sentences
        linsear = None
        if profile.english and sections and sections[0].formulas_applied and sections[0].counts.words >= metrics.LINSEAR_WORDS:
            # Linsear Write reads the document's first LINSEAR_WORDS words, all in its first section here, which read them
            linsear = sections[0].figures["linsear_write_formula"]
        whole, applied = _figures(total, first, limit, profile, always=True, linsear=linsear)
    if total.links:  # what was left out, each kind once it counts one (parse_rows gives only those)
        left_out["links"] = total.links
    return Scored(document, whole, sections, None, total, applied, limit, profile, left_out)


def score_text(text: str, min_words: int = 0, language: str = "en") -> Figures:
    """All figures of a Markdown or plain text (formulas applied at any length unless min_words is set)."""
    return score_document(text_document(text), min_words, language_profile(language)).figures


def score_markdown(text: str, path: str = "-", kind: str = "summary", min_words: int | None = None,
                   language: str | LanguageProfile = "en") -> Scored:
    """Score free Markdown or plain text (plainsum score, and the check tests)."""
    if isinstance(language, LanguageProfile):
        profile = language
    else:  # language_profile("en") is ENGLISH: the common case without the look-up
        profile = ENGLISH if language == "en" else language_profile(language)
    return score_document(text_document(text, path, kind), min_words, profile)
