"""Score a rendered document: figures for the whole, per section, and per sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from plainsum.markup import blocks
from plainsum.offline import textstat_offline
from plainsum.render import Document

Figures = dict[str, float]

# Figures that gate thresholds (min_<name>, max_<name>) may be set on.
METRIC_NAMES = ("words", "sentences", "flesch_kincaid_grade", "flesch_reading_ease", "smog_index")


@dataclass
class Sentence:
    text: str
    offset: int  # in the document body
    section: str | None
    figures: Figures


@dataclass
class SectionScore:
    heading: str | None
    figures: Figures
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Scored:
    document: Document
    figures: Figures
    sections: list[SectionScore]
    sentences: list[Sentence]

    @property
    def text(self) -> str:
        return " ".join(sentence.text for sentence in self.sentences)


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])")


def _split(text: str) -> list[tuple[int, str]]:
    pieces: list[tuple[int, str]] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        pieces.append((start, text[start : match.start()]))
        start = match.end()
    if text[start:].strip():
        pieces.append((start, text[start:]))
    return pieces


def figures_of(text: str) -> Figures:
    ts = textstat_offline()
    words = ts.lexicon_count(text)
    return {
        "words": words,
        "sentences": ts.sentence_count(text),
        "flesch_kincaid_grade": ts.flesch_kincaid_grade(text),
        "flesch_reading_ease": ts.flesch_reading_ease(text),
        "smog_index": ts.smog_index(text),
    }


def score_document(document: Document) -> Scored:
    sections: list[SectionScore] = [SectionScore(None, {})]
    sentences: list[Sentence] = []
    for block in blocks(document.body):
        if block.kind == "heading":
            sections.append(SectionScore(block.text, {}))
            continue
        for start, text in _split(block.text):
            sentence = Sentence(text, block.offsets[start], sections[-1].heading, figures_of(text))
            sentences.append(sentence)
            sections[-1].sentences.append(sentence)
    sections = [s for s in sections if s.sentences]
    for section in sections:
        section.figures = figures_of(" ".join(s.text for s in section.sentences))
    whole = figures_of(" ".join(s.text for s in sentences))
    return Scored(document, whole, sections, sentences)


def score_text(text: str) -> Figures:
    return figures_of(text)


def score_markdown(text: str, path: str = "-", kind: str = "summary") -> Scored:
    """Score free Markdown or plain text (plainsum score, and the check tests)."""
    from plainsum.render import text_document

    return score_document(text_document(text, path, kind))
