"""Readability checks: document-level thresholds from [gate.<kind>], and hard sentences."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from plainsum.checks.registry import Flag, registry

if TYPE_CHECKING:
    from plainsum.config import Config
    from plainsum.score import Scored

LABELS = {
    "words": "words",
    "sentences": "sentences",
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "flesch_reading_ease": "Flesch reading ease",
    "smog_index": "SMOG index",
}


def _hard(sentence, config: "Config") -> list[str]:
    reasons = []
    limits = config.sentences
    if sentence.figures["words"] > limits["max_words"]:
        reasons.append(f"{sentence.figures['words']:.0f} words (limit {limits['max_words']:.0f})")
    if sentence.figures["flesch_kincaid_grade"] > limits["max_grade"]:
        reasons.append(f"grade {sentence.figures['flesch_kincaid_grade']:.1f} (limit {limits['max_grade']:.0f})")
    return reasons


@registry.register(
    "readability.thresholds",
    description="Each figure of the document stays within the min_/max_ bounds set in [gate.<kind>].",
    documents=("summary", "abstract"),
)
def thresholds(scored: "Scored", config: "Config") -> Iterator[Flag]:
    for key, limit in sorted(config.thresholds(scored.document.kind).items()):
        bound, _, metric = key.partition("_")
        if metric not in scored.figures:
            continue
        value = scored.figures[metric]
        if (bound == "max" and value > limit) or (bound == "min" and value < limit):
            relation = "above the maximum" if bound == "max" else "below the minimum"
            label = LABELS.get(metric, metric)
            yield Flag(f"{label} is {value:.1f}, {relation} of {limit:g} ({key})")


@registry.register(
    "readability.hard-sentence",
    description="Sentences longer or harder than [sentences] max_words / max_grade; the ones to fix first.",
    documents=("summary",),
    severity="warning",
)
def hard_sentences(scored: "Scored", config: "Config") -> Iterator[Flag]:
    for sentence in scored.sentences:
        reasons = _hard(sentence, config)
        if reasons:
            yield Flag(f"hard sentence: {', '.join(reasons)}", sentence.offset, sentence.text,
                       "split it, or use shorter words")


@registry.register(
    "readability.hard-sentence-count",
    description="No more hard sentences than max_hard_sentences in [gate.<kind>].",
    documents=("summary", "abstract"),
)
def hard_sentence_count(scored: "Scored", config: "Config") -> Iterator[Flag]:
    limit = config.thresholds(scored.document.kind).get("max_hard_sentences")
    if limit is None:
        return
    count = sum(1 for sentence in scored.sentences if _hard(sentence, config))
    if count > limit:
        yield Flag(f"{count} hard sentences, above the maximum of {limit:g} (max_hard_sentences)")
