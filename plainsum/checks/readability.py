"""Readability checks: thresholds per document and per section, and hard sentences.

Bounds come from [gate.<kind>] (and [gate.<kind>.sections."<heading>"]); what makes a sentence
hard from [sentences] and [gate.<kind>.sentences]. A formula bound is not applied to a text shorter
than formula_min_words; readability.too-short says so instead, and readability.short-text gates such a
text on what can be measured on it: each of its sentences against the hard-sentence limits. Findings about a formula point at
the hardest sentence of the text it is about, so an author knows where to start.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from plainsum.checks.registry import Flag, Measure, precise, registry
from plainsum.config.figures import ALL_FORMULA_NAMES as FORMULA_NAMES
from plainsum.config.figures import EASIER_WHEN_HIGHER, FIGURE_LABELS
from plainsum.words.numbers import plural

if TYPE_CHECKING:
    from plainsum.checks.context import CheckContext
    from plainsum.readability.score import Scored, Sentence



def hard_reasons(sentence: Sentence, limits: dict[str, float]) -> list[str]:
    """Why a sentence is hard under `limits` (max_words, max_grade, max_long_words); empty if it is not."""
    return [measure.text for measure in hard_measures(sentence, limits)]


def hard_measures(sentence: Sentence, limits: dict[str, float]) -> list[Measure]:
    measures = []
    figures = sentence.figures
    if "max_words" in limits and figures["words"] > limits["max_words"]:
        words, limit = figures["words"], limits["max_words"]
        measures.append(Measure("sentence.words", words, limit, f"{plural(words, 'word')} (limit {limit:g})"))
    if "max_grade" in limits and "flesch_kincaid_grade" in figures and figures["flesch_kincaid_grade"] > limits["max_grade"]:
        grade, limit = figures["flesch_kincaid_grade"], limits["max_grade"]
        measures.append(Measure("sentence.grade", grade, limit, f"grade {precise(grade, limit)} (limit {limit:g})"))
    if "max_long_words" in limits and figures["long_words"] > limits["max_long_words"]:
        count, limit = figures["long_words"], limits["max_long_words"]
        measures.append(Measure("sentence.long_words", count, limit, f"{plural(count, 'long word')} (limit {limit:g})"))
    return measures


def sentence_score(sentence: Sentence) -> str:
    """'grade 18.3' for English; the language's own first formula otherwise ('Szigriszt-Pazos (INFLESZ) 31.0')."""
    figures = sentence.figures
    if "flesch_kincaid_grade" in figures:
        return f"grade {figures['flesch_kincaid_grade']:.1f}"
    name = next((key for key in figures if key in FIGURE_LABELS and key not in ("words", "syllables", "long_words")), None)
    return f"{FIGURE_LABELS[name]} {figures[name]:.1f}" if name else plural(figures['words'], 'word')


def hardest(sentences: list[Sentence]) -> Sentence | None:
    return max(sentences, key=lambda s: s.difficulty, default=None)


def _bound_flags(
    figures: dict[str, float],
    bounds: dict[str, float],
    sentences_of: Callable[[], list[Sentence]],
    formulas_apply: bool,
    where: str,
    at_start: int | None,
) -> Iterator[Flag]:
    """The bounds the figures break; `sentences_of` gives the text's sentences, read only for a bound broken (a
    scored document makes its sentences when first asked for them)."""
    for key, limit in sorted(bounds.items()):
        bound, _, metric = key.partition("_")
        if bound not in ("min", "max") or metric not in FIGURE_LABELS:
            continue
        if metric in FORMULA_NAMES and not formulas_apply:
            continue  # readability.too-short reports it
        value = figures.get(metric)
        if value is None:
            continue
        if not ((bound == "max" and value > limit) or (bound == "min" and value < limit)):
            continue
        relation = "above the maximum" if bound == "max" else "below the minimum"
        message = f"{where}{FIGURE_LABELS[metric]} is {precise(value, limit)}, {relation} of {limit:g} ({key})"
        about = f"{where}{key}"
        sentences = sentences_of()
        if metric in FORMULA_NAMES or metric in ("words_per_sentence", "syllables_per_word", "long_words", "long_word_share"):
            worst = hardest(sentences)
            if worst is not None:
                yield Flag(
                    message + f"; its hardest sentence ({sentence_score(worst)}) is here",
                    worst.offset,
                    worst.text,
                    "split long sentences and use shorter words, starting with this one",
                    about=about,
                )
                continue
        suggestion = "shorten the text" if bound == "max" else "add what the reader needs to know"
        if metric == "sentences":
            suggestion = "join or split sentences"
        yield Flag(message, at_start, sentences[0].text if sentences and at_start is not None else None, suggestion,
                   about=about)


@registry.register(
    "readability.thresholds",
    description="Each figure of the document stays within the min_/max_ bounds set in [gate.<kind>].",
    documents=("summary", "abstract"),
)
def thresholds(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    config = context.config
    kind = scored.document.kind
    bounds = {k: v for k, v in config.thresholds(kind).items() if k != "max_hard_sentences"}
    applies = scored.counts.words >= config.formula_min_words(kind) and scored.counts.sentences > 0
    formula_bounds = sorted(k for k in bounds if k.partition("_")[2] in FORMULA_NAMES)
    if formula_bounds and not scored.counts.words:
        # nothing to score is not a pass: an empty file (or one of references and tables only) cannot meet them
        yield Flag(f"the document has no words to score: {', '.join(formula_bounds)} cannot be applied to it",
                   suggestion="check that the file holds the text (reference lists, tables and code are not scored)",
                   about=formula_bounds[0])
    yield from _bound_flags(scored.figures, bounds, lambda: scored.sentences, applies, "", None)


@registry.register(
    "readability.section-thresholds",
    description="Each section stays within the bounds set for it in [gate.<kind>.sections.\"<heading>\"].",
    documents=("summary", "abstract"),
)
def section_thresholds(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    config = context.config
    from plainsum.readability.score import section_figures

    kind = scored.document.kind
    if config.gate_detail is None or not config.gate_detail.sections.get(kind):
        return  # no [gate.<kind>.sections]: no section has bounds (most configurations)
    for section in scored.sections:
        bounds = config.section_thresholds(kind, section.heading)
        if not bounds:
            continue
        figures, applies = section_figures(section, config.formula_min_words(kind, section.heading))
        sentences = section.sentences
        start = sentences[0].offset if sentences else None
        yield from _bound_flags(figures, bounds, sentences.copy, applies, f"section '{section.heading}': ", start)


@registry.register(
    "readability.too-short",
    description="Says when a formula threshold was not applied because the text is shorter than formula_min_words.",
    documents=("summary", "abstract"),
    severity="warning",
)
def too_short(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    config = context.config
    kind = scored.document.kind
    document_bounds = [k for k in config.thresholds(kind) if k.partition("_")[2] in FORMULA_NAMES]
    minimum = config.formula_min_words(kind)
    if document_bounds and 0 < scored.counts.words < minimum:  # no words at all: readability.thresholds fails it
        yield Flag(
            f"the document has {plural(scored.counts.words, 'word')}, fewer than formula_min_words ({minimum:g}): "
            f"{', '.join(sorted(document_bounds))} not applied; gated on its sentences instead (readability.short-text)",
            suggestion="formulas are unreliable on very short texts; lower formula_min_words only if you must",
        )
    for section in scored.sections:
        bounds = [k for k in config.section_thresholds(kind, section.heading) if k.partition("_")[2] in FORMULA_NAMES]
        minimum = config.formula_min_words(kind, section.heading)
        if bounds and section.counts.words < minimum:
            first = section.sentences[0]
            yield Flag(
                f"section '{section.heading}' has {plural(section.counts.words, 'word')}, fewer than formula_min_words "
                f"({minimum:g}): {', '.join(sorted(bounds))} not applied, counts only",
                first.offset,
                first.text,
                "set formula_min_words for this section if its bounds must apply",
            )


@registry.register(
    "readability.short-text",
    description="A text too short for its formula bounds (fewer words than formula_min_words) is gated on its sentences: "
    "each sentence longer or harder than [gate.<kind>.sentences] is an error, since in so short a text one hard sentence "
    "is what the formula would have caught.",
    documents=("summary", "abstract"),
)
def short_text(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    config = context.config
    kind = scored.document.kind
    bounds = [k for k in config.thresholds(kind) if k.partition("_")[2] in FORMULA_NAMES]
    minimum = config.formula_min_words(kind)
    if not bounds or not 0 < scored.counts.words < minimum:
        return
    limits = config.sentence_limits(kind)
    for sentence in scored.sentences:
        measures = hard_measures(sentence, limits)
        if measures:
            yield Flag(
                f"hard sentence in a text too short for {', '.join(sorted(bounds))} ({plural(scored.counts.words, 'word')}, "
                f"fewer than formula_min_words {minimum:g}): {', '.join(m.text for m in measures)}",
                sentence.offset, sentence.text, "split it, or use shorter words: this text is gated on its sentences",
                measures=tuple(measures), about=f"short {sentence.text}",
            )


@registry.register(
    "readability.other-language",
    description="Says when a formula bound was not applied because the formula is not one of the text's language "
    "(max_flesch_kincaid_grade on Spanish text: use its own formulas, such as min_szigriszt_pazos).",
    documents=("summary", "abstract"),
    severity="warning",
)
def other_language(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    config = context.config
    language = scored.language
    bounds = sorted(k for k in config.thresholds(scored.document.kind)
                    if k.partition("_")[2] in FORMULA_NAMES and k.partition("_")[2] not in language.formulas)
    if bounds:
        headline = language.formulas[0]
        bound = "min" if headline in EASIER_WHEN_HIGHER else "max"  # a grade is bounded from above, an ease from below
        yield Flag(
            f"{', '.join(bounds)} not applied: the text is {language.name}, scored with "
            f"{', '.join(FIGURE_LABELS[name] for name in language.formulas)}",
            suggestion=f"bound one of {language.name}'s formulas instead ({bound}_{headline}, or a preset such as "
            f"those in docs/readability.md)",
        )


@registry.register(
    "readability.hard-sentence",
    description="Sentences longer or harder than [sentences] max_words / max_grade / max_long_words; the ones to fix first.",
    documents=("summary",),
    severity="warning",
)
def hard_sentences(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    config = context.config
    limits = config.sentence_limits(scored.document.kind)
    for sentence in scored.sentences:
        measures = hard_measures(sentence, limits)
        if measures:
            long_words = ", ".join(dict.fromkeys(sentence.long_words))
            suggestion = "split it, or use shorter words"
            if long_words:
                suggestion += f" (long words: {long_words})"
            yield Flag(f"hard sentence: {', '.join(m.text for m in measures)}", sentence.offset, sentence.text, suggestion,
                       measures=tuple(measures))


@registry.register(
    "readability.hard-sentence-count",
    description="No more hard sentences than max_hard_sentences in [gate.<kind>].",
    documents=("summary", "abstract"),
)
def hard_sentence_count(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    config = context.config
    kind = scored.document.kind
    limit = config.thresholds(kind).get("max_hard_sentences")
    if limit is None:
        return
    limits = config.sentence_limits(kind)
    hard = [sentence for sentence in scored.sentences if hard_reasons(sentence, limits)]
    if len(hard) > limit:
        worst = hardest(hard)
        yield Flag(
            f"{plural(len(hard), 'hard sentence')}, above the maximum of {limit:g} (max_hard_sentences); the hardest is here",
            worst.offset if worst else None,
            worst.text if worst else None,
            "split or simplify the sentences listed by readability.hard-sentence",
            about="max_hard_sentences",
        )
