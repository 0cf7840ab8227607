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

from plainsum.checks.numbers import number_marks, written_sentences
from plainsum.checks.plain import Mark, _flags, _mark
from plainsum.checks.registry import Flag, registry
from plainsum.grade.claims import (
    Claim,
    Hit,
    Mention,
    intervention_spans,
    load_vocabulary,
    mentions,
    read_claim,
    vocabulary_path,
)
from plainsum.render.document import Location

if TYPE_CHECKING:
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


def accepted_effects(result: Result) -> set[str]:
    """The effect words a sentence may use for the result: its direction, or better/worse."""
    if result.good is None:
        return {"none"}
    if result.outcome.quality:  # a quality goes up when it gets better, whatever the score does
        return {"improve", "increase"} if result.good else {"worsen", "reduce"}
    return {str(result.direction), "improve" if result.good else "worsen"}


def _effect_words(result: Result) -> str:
    if result.good is None:
        return "little or no difference"
    change = "a reduction" if result.direction == "reduce" else "an increase"
    return f"{change} ({'better' if result.good else 'worse'}: {result.better} is better)"


def check_text(text: str, results: list[Result], views: dict[str, Any], vocabulary: Any) -> list[Finding]:
    """What is wrong with the claims of one sentence about the results it names."""
    named = mentions(text, results)
    if not named or vocabulary.asks(text):
        return []
    ignore = [(m.start, m.end) for m in named] + intervention_spans(text, results)
    claim = read_claim(text, vocabulary, ignore)
    if claim.certainty is None and claim.effect is None:
        return []
    distinct = list({m.result.id: m.result for m in named}.values())
    first = named[0]
    suggestion = views[first.result.id].generated_plain if first.result.id in views else None
    findings: list[Finding] = []
    if claim.negated is not None and claim.effect_hit is not None:
        findings.append(Finding(
            "results.unchecked", claim.negated.start, claim.effect_hit.end,
            f"not checked: '{text[claim.negated.start:claim.effect_hit.end]}' turns the claim round, which plainsum "
            f"does not read; check it against {first.result.describe()} by hand", suggestion))
        return findings + _certainty(claim, distinct, named, text, suggestion, explicit_only=True)
    if claim.mixed and len(distinct) == 1:
        words = ", ".join(f"'{hit.text}'" for hit in claim.effects)
        findings.append(Finding("results.unchecked", claim.effects[0].start, claim.effects[-1].end,
                                f"not checked: the sentence claims more than one effect ({words}) for one outcome; "
                                f"check it against {first.result.describe()} by hand", suggestion))
        return findings + _certainty(claim, distinct, named, text, suggestion)
    findings.extend(_certainty(claim, distinct, named, text, suggestion))
    findings.extend(_direction(claim, distinct, named, text, suggestion))
    return findings


def _two_outcomes(distinct: list[Result], named: list[Mention], what: str, suggestion: str | None) -> Finding:
    listed = "; ".join(result.describe() for result in distinct)
    return Finding("results.unchecked", named[0].start, named[-1].end,
                   f"not checked: the sentence names {len(distinct)} outcomes whose {what} differ ({listed}); "
                   f"give each its own sentence", suggestion)


def _certainty(claim: Claim, distinct: list[Result], named: list[Mention], text: str, suggestion: str | None,
               explicit_only: bool = False) -> list[Finding]:
    claimed = claim.certainty if explicit_only else claim.implied_certainty
    if claimed is None:
        return []
    levels = {result.certainty for result in distinct}
    if len(levels) > 1:
        return [_two_outcomes(distinct, named, "certainties", suggestion)]
    actual = levels.pop()
    if claimed == actual:
        return []
    hit: Hit | None = claim.certainty_hit or claim.effect_hit
    assert hit is not None
    said = (f"'{hit.text}' claims {claimed} certainty" if claim.certainty_hit is not None
            else f"'{hit.text}' with no word of doubt claims high certainty")
    return [Finding("results.certainty", hit.start, hit.end,
                    f"certainty: {said}, but {distinct[0].describe()} is {actual}-certainty evidence", suggestion)]


def _direction(claim: Claim, distinct: list[Result], named: list[Mention], text: str, suggestion: str | None) -> list[Finding]:
    if claim.effect is None or claim.effect_hit is None:
        return []
    accepted = [accepted_effects(result) for result in distinct]
    if any(a != accepted[0] for a in accepted[1:]):
        return [_two_outcomes(distinct, named, "effects", suggestion)]
    if claim.effect in accepted[0]:
        return []
    result = distinct[0]
    hit = claim.effect_hit
    if claim.effect == "none":
        said = f"'{hit.text}' claims no effect"
    else:
        said = f"'{hit.text}' claims {'an effect' if result.good is None else 'the effect ' + repr(claim.effect)}"
    return [Finding("results.direction", hit.start, hit.end,
                    f"direction: {said}, but {result.describe()} shows {_effect_words(result)}", suggestion)]


# --- from findings to marks in the lay summary --------------------------------------------------

def _context(scored: Scored, config: Config) -> tuple[list[Result], dict[str, Any], Any] | None:
    document = scored.document
    review = document.review
    if review is None or not review.results:
        return None
    path = vocabulary_path(_templates(config), review.language)
    if review.language != "en" and path.parent.name != review.language:
        return None  # the claim words are English: a review in another language needs its grade/<language>/claims.yaml
    return review.results, review.facts.get("results", {}), load_vocabulary(path)


def _templates(config: Config) -> Any:
    from plainsum.render.templates import TemplateSet

    return TemplateSet(config.templates_dir, config.root)


def claim_marks(scored: Scored, config: Config, check: str) -> list[Mark]:
    found = _context(scored, config)
    if found is None:
        return []
    results, views, vocabulary = found
    generated = {view.plain.strip() for view in views.values()} | {view.generated_plain.strip() for view in views.values()}
    marks = []
    for sentence in written_sentences(scored):
        if sentence.text.strip() in generated:
            continue  # a statement plainsum wrote from the data (or a result's own wording, checked below)
        for finding in check_text(sentence.text, results, views, vocabulary):
            if finding.check == check:
                marks.append(_mark(check, scored, sentence, finding.start, finding.end, finding.message, finding.suggestion))
    return marks


def override_flags(scored: Scored, config: Config, check: str) -> Iterator[Flag]:
    """Findings in the results' own `plain:` wording, at its place in the YAML."""
    found = _context(scored, config)
    if found is None:
        return
    results, views, vocabulary = found
    for result in results:
        if result.plain is None:
            continue
        for finding in check_text(result.plain.text, [result], views, vocabulary):
            if finding.check == check:
                yield Flag(f"{finding.message} (in the result's own 'plain' wording)", None, result.plain.text,
                           finding.suggestion, Location(scored.document.source_path, result.plain.line, result.plain.column))


def _register(check_id: str, severity: str, description: str) -> None:
    def run(scored: Scored, config: Config) -> Iterator[Flag]:
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
    description="Every number in the lay summary, in digits or words ('seventeen studies', 'two in three', "
    "'half'), is in the abstract, the facts or the results, or derived from them (an absolute effect's risks "
    "per 1000, as printed). Needs a review; does nothing on free text or on a summary kept as published "
    "(the as-published layout). (Formerly plain.new-number.)",
    severity="error",
)
def number(scored: Scored, config: Config) -> Iterator[Flag]:
    return _flags(number_marks(scored, config))


# Which marks the report page highlights (see plainsum.report_pages.review).
MARKERS = {"results.number": number_marks}
