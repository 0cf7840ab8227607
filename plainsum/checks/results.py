"""Claim checks: the sentences of a lay summary agree with the review's results.

For every sentence the author wrote in the lay summary that names a result's outcome (by its plain
or technical name or one of its `aliases`), and for each result's own `plain:` wording:

- results.certainty   the certainty words match the result's GRADE certainty ("probably" is
                      moderate, "may" low, "very uncertain" very low, a plain verb high)
- results.direction   the effect claimed matches the data: no "reduces" for an increase, no
                      "improves" where the outcome got worse, no effect where there is little or none
- results.number      every number, in digits or words ("seventeen studies", "two in three",
                      "half"), is a fact, a result figure, or a value derived from them (the risks
                      per 1000 of an absolute effect, as printed)
- results.unchecked   a sentence the checks cannot read with confidence (a negation, two outcomes
                      with different results in one sentence, two effects): flagged, not passed

The words are data (grade/claims.yaml, plainsum.grade.claims); each finding points at the words
that disagree and suggests the generated statement.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from plainsum.checks.claimreading import claim_context, intervention_names, readings
from plainsum.checks.numbers import number_marks
from plainsum.checks.plain import Mark, _flags, _mark
from plainsum.checks.registry import Flag, registry
from plainsum.grade.judge import judge
from plainsum.grade.reading import Context, Reading, read_sentence
from plainsum.grade.vocabulary import Vocabulary
from plainsum.render.document import Location

if TYPE_CHECKING:
    from plainsum.checks.context import CheckContext
    from plainsum.config.settings import Config
    from plainsum.grade.results import Result
    from plainsum.readability.score import Scored


@dataclass(frozen=True)
class Finding:
    """One disagreement in a piece of text (a sentence, or a result's own wording)."""

    check: str
    start: int
    end: int
    message: str
    suggestion: str | None


def check_text(text: str, results: list[Result], views: dict[str, Any], vocabulary: Vocabulary,
               context: Context | None = None) -> list[Finding]:
    """What is wrong with the claims of one sentence about the results it can mean."""
    reading = read_sentence(text, results, vocabulary, context)
    return _findings(reading, results, views)


def _findings(reading: Reading, results: list[Result], views: dict[str, Any]) -> list[Finding]:
    out = []
    for verdict in judge(reading, results):
        view = views.get(verdict.result.id) if verdict.result is not None else None
        out.append(Finding(verdict.check, verdict.start, verdict.end, verdict.message,
                           view.generated_plain if view is not None else None))
    return out


# --- from findings to marks in the lay summary --------------------------------------------------

def claim_marks(scored: Scored, config: Config, check: str) -> list[Mark]:
    found = claim_context(scored, config)
    read = readings(scored, config)
    if found is None or read is None:
        return []
    results, views, _ = found
    generated = {view.plain.strip() for view in views.values()} | {view.generated_plain.strip() for view in views.values()}
    marks = []
    for sentence, reading in read:
        if sentence.text.strip() in generated:
            continue  # a statement plainsum wrote from the data (or a result's own wording, checked below)
        for finding in _findings(reading, results, views):
            if finding.check == check:
                marks.append(_mark(check, scored, sentence, finding.start, finding.end, finding.message, finding.suggestion))
    return marks


def override_flags(scored: Scored, config: Config, check: str) -> Iterator[Flag]:
    """Findings in the results' own `plain:` wording, at its place in the YAML."""
    found = claim_context(scored, config)
    if found is None:
        return
    results, views, vocabulary = found
    names = intervention_names(scored.document.review)
    for result in results:
        if result.plain is None:
            continue
        for finding in check_text(result.plain.text, [result], views, vocabulary, Context(names=names)):
            if finding.check == check:
                yield Flag(f"{finding.message} (in the result's own 'plain' wording)", None, result.plain.text,
                           finding.suggestion, Location(scored.document.source_path, result.plain.line, result.plain.column))


def _register(check_id: str, severity: str, description: str) -> None:
    def run(scored: Scored, context: CheckContext) -> Iterator[Flag]:
        config = context.config
        yield from _flags(claim_marks(scored, config, check_id))
        yield from override_flags(scored, config, check_id)

    registry.register(check_id, description=description, severity=severity)(run)


_register("results.certainty", "error",
          "A sentence of the lay summary that names a result's outcome words its certainty as the result's GRADE "
          "certainty: 'probably' (or 'likely', 'fairly sure') for moderate, 'may' ('might', 'could') for low, "
          "'very uncertain' for very low, a plain verb for high (words in grade/claims.yaml).")
_register("results.direction", "error",
          "A sentence that names a result's outcome claims the effect the data shows: no 'reduces' for an increase, "
          "no 'improves' where the outcome got worse (see 'better'), no effect where there is little or no difference.")
_register("results.unchecked", "warning",
          "A sentence about a result that the claim checks cannot read with confidence: a negation ('did not "
          "reduce'), two outcomes with different results, or two effects for one outcome. Check it by hand.")


@registry.register(
    "results.number",
    description="A number in a claim about an outcome, in digits or words ('seventeen studies', 'two in three'), "
    "is a figure of that outcome's result (studies, participants, estimate and interval, risks per 1000 or per "
    "100, the relative change, the numbers the abstract prints with it) or a fact of the review; a count of "
    "studies or people elsewhere is in the abstract, the facts or the results. Other numbers outside claims "
    "(ages, doses, years) are not read; stale values are results.stale's. (Formerly plain.new-number.)",
    severity="error",
)
def number(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    return _flags(wrong_numbers(scored, context.config))


# the numbers of the last document read, for its two checks (kept with the document itself, so the key
# cannot name another one)
_last_numbers: list[tuple[Scored, Config, list[Mark]]] = []


def _number_marks(scored: Scored, config: Config) -> list[Mark]:
    if _last_numbers and _last_numbers[0][0] is scored and _last_numbers[0][1] is config:
        return _last_numbers[0][2]
    marks = number_marks(scored, config)
    _last_numbers[:] = [(scored, config, marks)]
    return marks


def wrong_numbers(scored: Scored, config: Config) -> list[Mark]:
    return [m for m in _number_marks(scored, config) if m.check == "results.number"]


def unread_numbers(scored: Scored, config: Config) -> list[Mark]:
    return [m for m in _number_marks(scored, config) if m.check == "results.number-unread"]


@registry.register(
    "results.number-unread",
    description="A percentage printed with an outcome in a sentence that claims nothing ('if the chance of live "
    "birth is 16%, ... between 13% and 26%') that is no figure of that outcome's results, no fact and printed "
    "nowhere in the abstract: it may be worked out from the full review, or wrong. Check it by hand.",
    severity="warning",
)
def number_unread(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    return _flags(unread_numbers(scored, context.config))


# Which marks the report page highlights (see plainsum.report_pages.review).
MARKERS = {"results.number": wrong_numbers, "results.number-unread": unread_numbers}


@registry.register(
    "results.size-ci",
    description="A result's size agrees with its confidence interval: 'little or no difference' with an interval "
    "that excludes no effect, or an effect at high certainty with an interval that includes no effect, is "
    "worth a second look (GRADE guideline 26 words statements by the size of the effect).",
    documents=("abstract",),
    severity="warning",
)
def size_ci(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    review = scored.document.review
    if review is None:
        return
    for result in review.results:
        includes = result.ci_includes_null
        if includes is None or result.size is None:
            continue
        interval = f"{result.measure} {result.estimate}, 95% CI {result.ci_low} to {result.ci_high}"
        if result.size == "little or no difference" and not includes:
            message = (f"result '{result.id}' says 'little or no difference', but its interval ({interval}) excludes no "
                       f"effect")
        elif result.size != "little or no difference" and includes and result.certainty == "high":
            message = (f"result '{result.id}' claims a {result.size} effect at high certainty, but its interval "
                       f"({interval}) includes no effect")
        else:
            continue
        yield Flag(message, None, None, "check the size: it is the authors' judgement of how big the effect is",
                   Location(review.source.display, result.line, result.column))
