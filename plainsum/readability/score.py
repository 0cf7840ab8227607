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

from collections.abc import Mapping
from dataclasses import dataclass, field

from plainsum.config.figures import COUNT_NAMES, FIGURE_NAMES, FORMULA_NAMES
from plainsum.errors import InputError, Problem
from plainsum.readability import metrics as metrics
from plainsum.readability.languages import ENGLISH, LanguageProfile, UnknownLanguage, language_profile
from plainsum.readability.metrics import Counts, WordInfo
from plainsum.readability.textmodel import parse, tokens
from plainsum.render.document import Document

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

    __slots__ = ("_counts", "_words", "difficulty", "figures", "language", "offset", "section", "text")

    def __init__(self, text: str, offset: int, section: str | None, figures: Figures,
                 counts: Counts | tuple[int, ...] | None = None, words: list[WordInfo] | None = None,
                 difficulty: float = 0.0, language: LanguageProfile = ENGLISH) -> None:
        self.text = text
        self.offset = offset  # in the document body
        self.section = section
        self.figures = figures
        self._counts: Counts | tuple[int, ...] = Counts() if counts is None else counts
        self._words = words
        self.difficulty = difficulty  # higher is harder, in any language (the hardest sentence is the one to fix first)
        self.language = language

    @property
    def counts(self) -> Counts:
        if isinstance(self._counts, tuple):
            self._counts = Counts(*self._counts)
        return self._counts

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
            self._words = metrics.long_words_of(tokens(self.text), self.language)
        else:
            self._words = [info for info in self._words if info.long]

    @property
    def long_words(self) -> list[str]:
        """The sentence's words of three or more syllables, in order."""
        return [info.word for info in self.words if info.long]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sentence):
            return NotImplemented
        return (self.text, self.offset, self.section, self.figures, self.counts, self.difficulty) == (
            other.text, other.offset, other.section, other.figures, other.counts, other.difficulty)

    __hash__ = None  # type: ignore[assignment]  # mutable, as a dataclass

    def __repr__(self) -> str:
        return (f"Sentence(text={self.text!r}, offset={self.offset!r}, section={self.section!r}, figures={self.figures!r}, "
                f"counts={self.counts!r}, difficulty={self.difficulty!r})")


@dataclass
class SectionScore:
    heading: str | None
    figures: Figures
    sentences: list[Sentence] = field(default_factory=list)
    offset: int | None = None  # of the heading text in the body; None for text before any heading
    counts: Counts = field(default_factory=Counts)
    formulas_applied: bool = True
    language: LanguageProfile = ENGLISH


@dataclass
class Scored:
    document: Document
    figures: Figures
    sections: list[SectionScore]
    sentences: list[Sentence]
    counts: Counts = field(default_factory=Counts)
    formulas_applied: bool = True
    min_words: int = DEFAULT_FORMULA_MIN_WORDS
    language: LanguageProfile = ENGLISH
    not_scored: dict[str, int] = field(default_factory=dict)  # what was left out as not prose: references, tables, code, links

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


def _heading_key(heading: str) -> str:
    return " ".join(heading.lower().rstrip(":").split())


def _figures(counts: Counts, sentences: list[Sentence], min_words: int, language: LanguageProfile,
             always: bool = False) -> tuple[Figures, bool]:
    applied = counts.words >= min_words and counts.sentences > 0
    return _all_figures(counts, sentences, applied or always, language), applied


def _all_figures(counts: Counts, sentences: list[Sentence], with_formulas: bool, language: LanguageProfile) -> Figures:
    result = metrics.count_figures(counts)
    if with_formulas:
        result.update(metrics.formula_figures(counts, _linsear(sentences) if language.english else 0.0, language))
    return result


def _linsear(sentences: list[Sentence]) -> float:
    """metrics.linsear_write on the sentences' counts: a sentence wholly within the first LINSEAR_WORDS words
    adds its words and two more for each long one; only the sentence cut there is read word by word."""
    total = used = sentence_count = 0
    for sentence in sentences:
        if used >= metrics.LINSEAR_WORDS:
            break
        words = int(sentence.figures["words"])
        if not words:
            continue
        room = metrics.LINSEAR_WORDS - used
        if words <= room:
            sentence_count += 1
            total += words + 2 * int(sentence.figures["long_words"])
            used += words
        else:
            points, taken = metrics.first_words_points(tokens(sentence.text), room, sentence.language)
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
    return _all_figures(section.counts, section.sentences, True, section.language), True


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
    model = parse(document.body, profile)
    sections: list[SectionScore] = []
    sentences: list[Sentence] = []
    total = Counts()
    english = profile.english
    sentence_counts = metrics.sentence_counts
    for text_section in model.sections:
        if not text_section.sentences:
            continue
        section = SectionScore(text_section.heading, {}, offset=text_section.offset, language=profile)
        heading = text_section.heading
        section_sentences = section.sentences
        rows: list[tuple[int, ...]] = []
        for text_sentence in text_section.sentences:
            counts = sentence_counts(text_sentence.tokens, profile)
            words = counts[1]
            if not words:
                total.links += counts[10]
                continue  # punctuation, symbols or a link only: not a sentence
            rows.append(counts)
            syllables = counts[2]
            if english:  # metrics.sentence_figures and sentence_difficulty, inline: this runs for every sentence
                per_word = syllables / words
                grade = 0.39 * words + 11.8 * per_word - 15.59
                sentence_figures: Figures = {
                    "words": words, "syllables": syllables, "long_words": counts[3],
                    "flesch_kincaid_grade": grade, "flesch_reading_ease": 206.835 - 1.015 * words - 84.6 * per_word,
                }
                difficulty = grade
            else:
                sentence_figures = metrics.sentence_figures(Counts(*counts), profile)
                difficulty = metrics.sentence_difficulty(sentence_figures, profile)
            section_sentences.append(Sentence(text_sentence.text, text_sentence.offset, heading, sentence_figures, counts,
                                              None, difficulty, profile))
        if rows:
            section.counts = Counts(*map(sum, zip(*rows, strict=True)))
        section.figures, section.formulas_applied = _figures(section.counts, section_sentences, limit, profile)
        total.add(section.counts)
        sentences.extend(section_sentences)
        sections.append(section)
    whole, applied = _figures(total, sentences, limit, profile, always=True)
    not_scored = {**model.not_scored, "links": total.links}
    return Scored(document, whole, sections, sentences, total, applied, limit, profile, {k: v for k, v in not_scored.items() if v})


def score_text(text: str, min_words: int = 0, language: str = "en") -> Figures:
    """All figures of a Markdown or plain text (formulas applied at any length unless min_words is set)."""
    from plainsum.render.document import text_document

    return score_document(text_document(text), min_words, language_profile(language)).figures


def score_markdown(text: str, path: str = "-", kind: str = "summary", min_words: int | None = None,
                   language: str | LanguageProfile = "en") -> Scored:
    """Score free Markdown or plain text (plainsum score, and the check tests)."""
    from plainsum.render.document import text_document

    profile = language if isinstance(language, LanguageProfile) else language_profile(language)
    return score_document(text_document(text, path, kind), min_words, profile)
