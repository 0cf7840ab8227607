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
from plainsum.readability.textmodel import parse
from plainsum.render.document import Document

Figures = dict[str, float]

# Figures that gate thresholds (min_<name>, max_<name>) may be set on.
METRIC_NAMES = FIGURE_NAMES
DEFAULT_FORMULA_MIN_WORDS = 100

__all__ = [
    "COUNT_NAMES", "DEFAULT_FORMULA_MIN_WORDS", "FORMULA_NAMES", "METRIC_NAMES", "Scored", "SectionScore",
    "Sentence", "score_document", "score_markdown", "score_text", "section_figures",
]


@dataclass
class Sentence:
    text: str
    offset: int  # in the document body
    section: str | None
    figures: Figures  # words, syllables, long_words, flesch_kincaid_grade, flesch_reading_ease
    counts: Counts = field(default_factory=Counts)
    words: list[WordInfo] = field(default_factory=list)  # each word with its syllables and letters
    difficulty: float = 0.0  # higher is harder, in any language (the hardest sentence is the one to fix first)

    @property
    def long_words(self) -> list[str]:
        """The sentence's words of three or more syllables, in order."""
        return [info.word for info in self.words if info.long]


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
    return metrics.figures(counts, [s.words for s in sentences], applied or always, language), applied


def section_figures(section: SectionScore, min_words: float) -> tuple[Figures, bool]:
    """A section's figures under another minimum length than it was scored with: (figures, formulas applied)."""
    applied = section.counts.words >= min_words and section.counts.sentences > 0
    if applied == section.formulas_applied:
        return section.figures, applied
    if not applied:
        return {key: value for key, value in section.figures.items() if key in COUNT_NAMES}, False
    return metrics.figures(section.counts, [s.words for s in section.sentences], True, section.language), True


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
    for text_section in model.sections:
        if not text_section.sentences:
            continue
        section = SectionScore(text_section.heading, {}, offset=text_section.offset, language=profile)
        for text_sentence in text_section.sentences:
            counted = metrics.count_sentence(text_sentence.tokens, profile)
            if not counted.words:
                total.links += counted.counts.links
                continue  # punctuation, symbols or a link only: not a sentence
            sentence_figures = metrics.sentence_figures(counted.counts, profile)
            sentence = Sentence(
                text_sentence.text,
                text_sentence.offset,
                text_section.heading,
                sentence_figures,
                counted.counts,
                counted.words,
                metrics.sentence_difficulty(sentence_figures, profile),
            )
            section.sentences.append(sentence)
            section.counts.add(counted.counts)
        section.figures, section.formulas_applied = _figures(section.counts, section.sentences, limit, profile)
        total.add(section.counts)
        sentences.extend(section.sentences)
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
