"""Claims held against the results: where a reading of the claim model (plainsum.grade.reading)
disagrees with the data, and how sure plainsum is of that.

Severity follows confidence. A disagreement is a finding of its check (results.certainty,
results.direction: errors) only when the reading is unambiguous: the outcome is named, the
intervention or a word standing for it acts, every result the sentence can mean disagrees, and the
disagreeing word is there. Where the sentence could mean several results and only some disagree,
or the certainty is carried from a statement for the whole summary, the finding is
results.unchecked (a warning) and says what could not be read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from plainsum.grade.reading import Candidate, OutcomeClaim, Reading, Statement
from plainsum.grade.results import DIFFERENCE_MEASURES, RATIO_MEASURES
from plainsum.grade.vocabulary import FLIP, levels_of

if TYPE_CHECKING:
    from plainsum.grade.results import Result

ORDER = ("very low", "low", "moderate", "high")


@dataclass(frozen=True)
class Verdict:
    """One disagreement: which check, where in the sentence, why, and the result to suggest."""

    check: str
    start: int
    end: int
    message: str
    result: Result | None


def accepted_effects(result: Result, inverted: bool = False, lean: tuple[str, bool] | None = None,
                     opposite: bool = False) -> set[str]:
    """The effect words a sentence may use for the result: its direction, or better/worse; read
    from the comparator's side when the sentence names the comparator as the one who acts. `lean`
    (direction, good) stands for the result's own (the way its point estimate leans). Of an outcome
    named by its opposite ("survival" for death) the direction goes the other way, better and worse
    the same ("improves survival" for fewer deaths)."""
    direction, good = lean if lean is not None else (result.direction, result.good)
    if good is None:
        return {"none"}
    if result.outcome.quality:  # a quality goes up when it gets better, whatever the score does
        accepted = {"improve", "increase"} if good else {"worsen", "reduce"}
    else:
        accepted = {str(direction), "improve" if good else "worsen"}
    if opposite:
        accepted = {_OTHER_WAY.get(word, word) for word in accepted}
    accepted.add("differ")
    return {FLIP.get(word, word) for word in accepted} if inverted else accepted


_OTHER_WAY = {"reduce": "increase", "increase": "reduce"}


def leaning(result: Result) -> tuple[str, bool] | None:
    """Which way a result clearly leans (direction, whether that is better): the way of its estimate
    when its interval excludes no effect; else None (RR 0.26, 95% CI 0.03 to 2.26 leans nowhere
    clearly: asking whether it does harm is the ordinary wording of an adverse-event question)."""
    try:
        estimate = float(result.estimate)
    except ValueError:
        return None
    ratio = result.measure.lower() in RATIO_MEASURES
    if not ratio and result.measure.lower() not in DIFFERENCE_MEASURES:
        return None
    null = 1.0 if ratio else 0.0
    if estimate == null:
        return None
    if result.ci_includes_null is not False:
        return None
    direction = "reduce" if estimate < null else "increase"
    return direction, (direction == "reduce") == (result.better == "lower")


def _asks_harm(claim: OutcomeClaim) -> list[Verdict]:
    """'We are uncertain whether X worsens Y' where the result leans to a benefit. Under "uncertain
    whether" (or "we do not know whether") the verb is the review's question, not a claim of the
    result's direction: published text asks "whether X reduces deaths" where the estimate leans the
    other way (in the dev corpus abstracts, a fifth of such verbs of benefit go against the estimate
    printed with them). A verb of harm is not asked that way: of the verbs of harm under these words,
    all but one agreed with their estimate (and that one was RR 0.99). So a verb of harm against a
    result that leans to a benefit is an error; a verb of benefit is never one."""
    effect = claim.effect
    if effect is None or effect.meaning not in FLIP or claim.negated is not None or claim.either_way:
        return []
    leans = [leaning(c.result) for c in claim.candidates]
    if not leans or any(lean is None or not lean[1] for lean in leans):
        return []
    if not all(effect.meaning not in accepted_effects(c.result, c.inverted, lean, c.opposite)
               for c, lean in zip(claim.candidates, leans, strict=True)):
        return []
    if _unsaid_alternatives(claim):
        return []  # another comparison of the outcome may be meant
    result = claim.candidates[0].result
    lean = leans[0]
    assert lean is not None
    shown = effect_words(result) if result.good is not None else (
        f"little or no difference, but its estimate ({result.measure} {result.estimate}) leans to "
        f"{'a reduction' if lean[0] == 'reduce' else 'an increase'}, which is better")
    asked = claim.undecided.text if claim.undecided is not None else "whether"
    return [Verdict("results.direction", effect.start, effect.end,
                    f"direction: '{asked} ... {effect.text}' asks whether it does harm, but {result.describe()} shows "
                    f"{shown} (a verb of harm after '{asked}' is read as the way the result leans; ask about the benefit)",
                    result)]


def effect_words(result: Result) -> str:
    if result.good is None:
        return "little or no difference"
    change = "a reduction" if result.direction == "reduce" else "an increase"
    return f"{change} ({'better' if result.good else 'worse'}: {result.better} is better)"


def estimate_side(result: Result) -> str | None:
    """Which way the estimate lies from no effect ('reduce' below it, 'increase' above), whatever its size."""
    kind = result.measure.lower()
    null = 1.0 if kind in RATIO_MEASURES else 0.0 if kind in DIFFERENCE_MEASURES else None
    try:
        estimate = float(result.estimate)
    except ValueError:
        return None
    if null is None or estimate == null:
        return None
    return "reduce" if estimate < null else "increase"


def _figure_effects(result: Result, inverted: bool, opposite: bool = False) -> set[str]:
    """The words a figure's side may take ("8% better" for an MD below 0 where lower is better), for a
    result of little or no difference whose estimate still lies on one side."""
    side = estimate_side(result)
    if side is None:
        return {"none"}
    good = (side == "reduce") == (result.better == "lower")
    accepted = {"improve", "increase"} if result.outcome.quality and good else {"worsen", "reduce"} if result.outcome.quality \
        else {side, "improve" if good else "worsen"}
    if opposite:
        accepted = {_OTHER_WAY.get(word, word) for word in accepted}
    return {"none", *({FLIP.get(word, word) for word in accepted} if inverted else accepted)}


def _direction_wrong(claim: OutcomeClaim, candidate: Candidate) -> bool:
    assert claim.effect is not None
    accepted = accepted_effects(candidate.result, candidate.inverted, opposite=candidate.opposite)
    if (claim.quantified and candidate.result.good is None and claim.negated is None) or _very_uncertain_lean(claim, candidate):
        # "8% better (or 8 points)": the figure's side, which the number check holds against the estimate; or GRADE's
        # very-low wording, which keeps the side the estimate lies on
        accepted = _figure_effects(candidate.result, candidate.inverted, candidate.opposite)
    meaning = claim.effect.meaning
    if claim.of_evidence and (meaning == "none" or claim.negated is not None) and candidate.result.ci_includes_null:
        # "no (clear) evidence of a difference", "no evidence that X reduces Y" say the interval did not rule out no
        # effect, which one that includes it bears out, whatever side its estimate leans to (the old wording for an
        # imprecise result)
        return False
    if claim.negated is not None and meaning == "differ":
        # "did not find a difference", "did not have an important effect": no effect claimed, as "no difference"
        # (but "does not have a large effect" says only how large: it is not read)
        return not _SIZED.search(claim.effect.text) and "none" not in accepted
    if claim.negated is not None:
        return meaning in accepted and candidate.result.good is not None
    return meaning not in accepted


def _very_uncertain_lean(claim: OutcomeClaim, candidate: Candidate) -> bool:
    """GRADE's wording of very low certainty keeps the way the estimate lies: "X may increase Y, but
    the evidence is very uncertain" (GRADE guidelines 26, Santesso et al. 2020) for an estimate above no
    effect whose wide interval includes it. So where the sentence says very low certainty of a very-low
    result whose authors chose no size (worded by its interval: little or no difference), the side of
    its estimate is a direction the sentence may give; the other side is still wrong."""
    result = candidate.result
    return claim.negated is None and result.good is None and result.size is None and \
        claim.certainty == "very low" and claim.certainty_source in ("word", "sentence") and result.certainty == "very low"


_SIZED = re.compile(r"\b(?:large|larger|big|bigger|great|greater|huge|major|substantial|dramatic|marked|considerable|strong)\b", re.I)


def _unsaid_alternatives(claim: OutcomeClaim) -> list[Candidate]:
    """When the sentence names no comparator and the outcome has results of several comparisons: every
    result of the outcome whose intervention is a candidate's (the comparison meant may be any of them)."""
    if not claim.comparison_unsaid:
        return []
    interventions = {c.result.intervention for c in claim.candidates}
    chosen = {c.result.id for c in claim.candidates}
    return [Candidate(r, opposite=claim.outcome.opposite) for r in claim.outcome.results
            if r.intervention in interventions and r.id not in chosen]


def _listed(results: list[Result]) -> str:
    return "; ".join(result.describe() for result in results)


def judge_claim(claim: OutcomeClaim) -> list[Verdict]:
    verdicts: list[Verdict] = []
    first = claim.results[0] if claim.results else None
    if first is None:
        return []
    verdicts.extend(_certainty(claim))
    if claim.effect is not None and claim.undecided is not None:
        verdicts.extend(_asks_harm(claim))
    if claim.effect is not None and claim.undecided is None and not claim.either_way:
        wrong = [c for c in claim.candidates if _direction_wrong(claim, c)]
        hit = claim.effect
        start = claim.negated.start if claim.negated is not None else hit.start
        others = _unsaid_alternatives(claim)
        unsure = any(not _direction_wrong(claim, c) for c in others)
        if wrong and _unhedged_stand_in(claim):
            verdicts.append(Verdict("results.unchecked", start, hit.end,
                                    f"not checked for sure: '{hit.text}' against {_listed([c.result for c in wrong])}, but the "
                                    f"sentence names no intervention (only a word standing for it) and no certainty, so it may "
                                    f"not be about the review's results; name the intervention", wrong[0].result))
        elif wrong and (len(wrong) == len(claim.candidates) or claim.each_meant) and not unsure:
            result = wrong[0].result
            said = f"'{claim.negated.text} ... {hit.text}'" if claim.negated is not None else f"'{hit.text}'"
            if claim.negated is not None:
                claims = f"{said} denies the effect"
            elif hit.meaning == "none":
                claims = f"{said} claims no effect"
            elif result.good is None:
                claims = f"{said} claims an effect"
            else:
                claims = f"{said} claims the effect {hit.meaning!r}"
            side = " (read from the comparator's side: the sentence names it as the one who acts)" if wrong[0].inverted else ""
            more = f" (and {len(wrong) - 1} more result(s) of this outcome)" if len(wrong) > 1 else ""
            verdicts.append(Verdict("results.direction", start, hit.end,
                                    f"direction: {claims}, but {result.describe()} shows {effect_words(result)}{side}{more}",
                                    result))
        elif wrong and len(wrong) == len(claim.candidates):
            fits = [c.result for c in others if not _direction_wrong(claim, c)]
            verdicts.append(Verdict("results.unchecked", start, hit.end,
                                    f"not checked: the sentence names no comparator and '{claim.outcome.text}' has results "
                                    f"of several comparisons; '{hit.text}' fits {_listed(fits)} but not "
                                    f"{_listed([c.result for c in wrong])}; name the comparison", wrong[0].result))
        elif wrong:
            right = [c.result for c in claim.candidates if c not in wrong]
            verdicts.append(Verdict("results.unchecked", start, hit.end,
                                    f"not checked: the sentence could mean {len(claim.candidates)} results of "
                                    f"'{claim.outcome.text}' (it names no intervention or comparator that tells them apart); "
                                    f"'{hit.text}' fits {_listed(right)} but not {_listed([c.result for c in wrong])}; "
                                    f"name the comparison", wrong[0].result))
    return verdicts


def _unhedged_stand_in(claim: OutcomeClaim) -> bool:
    """A claim whose intervention is only a word standing for it ("it", "the treatment") and whose sentence
    says nothing of certainty: GRADE's statements hedge or name what acts, while background, aims and
    calls for research ("the goal of treatment is to lower pressure", "trials should focus on better care")
    do neither, so such a reading is not sure enough for an error."""
    return claim.actor != "named" and claim.certainty_source in ("implied", "cautioned", "none")


def _certainty(claim: OutcomeClaim) -> list[Verdict]:
    claimed = claim.certainty
    if claimed is None:
        return []
    hit = claim.certainty_hit or claim.effect
    if hit is None:
        return []
    stated = levels_of(claimed)
    wrong = [c.result for c in claim.candidates if c.result.certainty not in stated
             and not (claim.floor in stated and _above(c.result.certainty, claim.floor))]
    if not wrong:
        return []
    if claim.certainty_hit is not None:
        said = f"'{claim.certainty_hit.text}' claims {claimed} certainty"
    elif claim.certainty_source == "summary":
        said = f"the summary's statement of certainty ({claimed}) covers '{claim.outcome.text}'"
        if claim.plain:
            said += f" and '{claim.effect.text if claim.effect else hit.text}' with no word of doubt claims high certainty"
    else:
        said = f"'{hit.text}' with no word of doubt claims high certainty"
    result = wrong[0]
    message = f"certainty: {said}, but {result.describe()} is {result.certainty}-certainty evidence"
    unsure = any(c.result.certainty in stated for c in _unsaid_alternatives(claim))
    # a plain verb under a summary's statement that fits neither: wrong however the sentence is read
    neither = claim.certainty_source == "summary" and claim.plain and all(r.certainty != "high" for r in wrong)
    sure = (len(wrong) == len(claim.candidates) or claim.each_meant) and not unsure and (claim.certainty_source in ("word", "sentence")
                                                      or ((claim.certainty_source == "implied" or neither) and claim.actor == "named"))
    if sure and len({r.certainty for r in wrong}) > 1:
        # results of one comparison the sentence does not tell apart ("disease progression" in two
        # populations): the word fits none of them, but no one of them is the one to suggest
        means = "says it of" if claim.each_meant else "could mean"
        message = (f"certainty: {said}, but the sentence {means} {len(wrong)} results of '{claim.outcome.text}', "
                   f"none of them {claimed}-certainty evidence: {_listed(wrong)}")
        return [Verdict("results.certainty", hit.start, hit.end, message, None)]
    if sure:
        return [Verdict("results.certainty", hit.start, hit.end, message, result)]
    if len(wrong) < len(claim.candidates):
        right = [c.result for c in claim.candidates if c.result not in wrong]
        message = (f"not checked: the sentence could mean {len(claim.candidates)} results of '{claim.outcome.text}'; "
                   f"{claimed} certainty fits {_listed(right)} but not {_listed(wrong)}; name the comparison")
    else:
        message = f"not checked for sure: {message[len('certainty: '):]}"
        if claim.certainty_source == "summary":
            message += "; give the sentence its own certainty words"
        elif claim.certainty_source == "cautioned":
            message += " (a sentence after it says to read the finding with caution: give it GRADE's certainty words)"
        elif claim.actor != "named":
            message += " (the sentence names no intervention, only a word standing for it)"
        elif unsure:
            message += (f" ('{claim.outcome.text}' has results of several comparisons, the sentence names no comparator, "
                        f"and {claimed} certainty fits another of them: name the comparison)")
    return [Verdict("results.unchecked", hit.start, hit.end, message, result)]


def _above(level: str, floor: str | None) -> bool:
    order = ("very low", "low", "moderate", "high")
    return floor is not None and order.index(level) > order.index(floor)


def judge_statement(reading: Reading, results: list[Result]) -> list[Verdict]:
    """A statement of certainty against the results it names (or, naming none, all of them)."""
    statement = reading.statement
    if statement is None or not statement.hits or not statement.judged:
        return []
    hit = statement.hits[0]
    levels = ", ".join(sorted(statement.levels))
    if statement.results and not statement.loose:
        wrong = [r for r in statement.results if r.certainty not in statement.levels]
        sure = [r for r in wrong if not _fitting_twins(r, statement)]
        if sure:
            return [Verdict("results.certainty", hit.start, statement.hits[-1].end,
                            f"certainty: the sentence states {levels} certainty, but {_listed(sure)}", sure[0])]
        if wrong:
            fits = [twin for r in wrong for twin in _fitting_twins(r, statement)]
            return [Verdict("results.unchecked", hit.start, statement.hits[-1].end,
                            f"not checked: the sentence states {levels} certainty for an outcome with results of several "
                            f"comparisons and names none of them; it fits {_listed(fits)} but not {_listed(wrong)}; name the "
                            f"comparison", wrong[0])]
        unrated = _unrated(statement, {r.certainty for r in results})
        if unrated:
            return [Verdict("results.certainty", hit.start, statement.hits[-1].end,
                            f"certainty: the sentence states {', '.join(unrated)} certainty, but no result is rated so and the "
                            f"abstract rates no evidence so", statement.results[0])]
        return []
    covered = statement.results or results
    rated = {r.certainty for r in covered}
    found = ", ".join(sorted(rated, key=ORDER.index))
    of = "the evidence of the results it may speak of" if statement.loose else "the evidence"
    # (a level the abstract rates other evidence at, whose results are not encoded or have no estimate, is the
    # level of some of the evidence: no result of the encoding is all the evidence a summary speaks of)
    if covered and not rated & statement.levels and not statement.levels & (statement.abstract or frozenset()):
        return [Verdict("results.certainty", hit.start, statement.hits[-1].end,
                        f"certainty: the sentence states {levels} certainty for {of}, but no result is rated so "
                        f"(the results are {found}-certainty evidence)", covered[0])]
    # a level no result has, next to one some result has ("low to moderate" where every result is
    # moderate), is no error: the results encoded may be only some of those the statement covers; a
    # level two or more steps from every result's ("high or very low" where the results are low and
    # very low) is
    far = sorted((level for level in statement.levels if all(abs(ORDER.index(level) - ORDER.index(r)) > 1 for r in rated)),
                 key=ORDER.index)
    # a level no result has and the abstract rates nowhere ("moderate to low" where the results and the abstract's
    # ratings are all low or very low) is no level of this review's evidence, however near
    unrated = _unrated(statement, rated)
    if covered and unrated and not far:
        return [Verdict("results.certainty", hit.start, statement.hits[-1].end,
                        f"certainty: the sentence states {', '.join(unrated)} certainty for {of}, but no result is rated so "
                        f"and the abstract rates no evidence so (the results are {found}-certainty evidence)", covered[0])]
    if covered and far:
        return [Verdict("results.certainty", hit.start, statement.hits[-1].end,
                        f"certainty: the sentence states {', '.join(far)} certainty for {of}, but no result is rated so or "
                        f"one level from it (the results are {found}-certainty evidence)", covered[0])]
    return []


def _fitting_twins(result: Result, statement: Statement) -> list[Result]:
    """The results of the statement with `result`'s outcome in another comparison whose certainty it states:
    a statement that names the outcome but no comparison may mean any of them."""
    return [other for other in statement.results if other is not result and other.certainty in statement.levels
            and (other.intervention, other.comparison) != (result.intervention, result.comparison)
            and (other.outcome.technical == result.outcome.technical or other.outcome.plain == result.outcome.plain)]


def _unrated(statement: Statement, rated: set[str]) -> list[str]:
    """The levels a statement states that no result has and the abstract rates nowhere (when it rates any); a
    word for two levels ("uncertain": low or very low) states one of them, either of which will do."""
    if not statement.abstract:
        return []
    known = rated | statement.abstract
    said = [levels_of(hit.meaning) for hit in statement.hits] or [set(statement.levels)]
    return sorted({level for levels in said if not levels & known for level in levels}, key=ORDER.index)


def _qualified(claim: OutcomeClaim, verdicts: list[Verdict]) -> list[Verdict]:
    """A claim qualified by a setting, subgroup or time its result does not name ("during
    exacerbations" against FEV1 at four weeks) may be about another result: a warning, not an error."""
    if claim.qualifier is None and claim.comparator is None and claim.unsure is None:
        return verdicts
    out = []
    for verdict in verdicts:
        if verdict.check in ("results.direction", "results.certainty"):
            found = verdict.message.split(": ", 1)[-1]
            name = verdict.result.id if verdict.result else claim.outcome.text
            if claim.unsure is not None:
                why = claim.unsure
            elif claim.qualifier is not None:
                why = f"the sentence says '{claim.qualifier}', which the outcome of '{name}' does not name"
            else:
                why = f"the sentence compares with '{claim.comparator}', which '{name}' is not compared with"
            verdict = Verdict("results.unchecked", verdict.start, verdict.end,
                              f"not checked: {why}, so it may be about another result; read against it: {found}",
                              verdict.result)
        out.append(verdict)
    return out


def _judge_whole(claim: OutcomeClaim) -> list[Verdict]:
    """A claim about a comparison as a whole (no outcome named): wrong only when no result of it fits."""
    effect = claim.effect
    if effect is None or not all(_direction_wrong(claim, c) for c in claim.candidates):
        return []
    said = "no effect" if effect.meaning == "none" else "an effect" if effect.meaning == "differ" else f"the effect {effect.meaning!r}"
    result = claim.candidates[0].result
    return [Verdict("results.direction", effect.start, effect.end,
                    f"direction: '{effect.text}' claims {said} of the comparison as a whole (it names no outcome), but no "
                    f"result of the comparison shows that: {_listed(claim.results)}", result)]


def _clash(reading: Reading) -> list[Verdict]:
    """A certainty word and the rating in brackets after it, two levels or more apart. An error only when the word
    hedges a claim read from the sentence (an outcome's effect word between the two): "may" and "could" also say
    what can happen ("may last for up to a year"), which no rating contradicts; otherwise a warning."""
    if reading.clash is None:
        return []
    word, rating = reading.clash
    hedged = reading.clash_hedges or any(c.effect is not None and word.end <= c.effect.start < rating.start
                                         and len(reading.text[word.end:c.effect.start].split()) <= 4 for c in reading.claims)
    said = (f"'{word.text}' claims {word.meaning} certainty, but the sentence rates the same finding's evidence "
            f"'{rating.text}' ({rating.meaning})")
    if hedged:
        return [Verdict("results.certainty", word.start, rating.end,
                        f"certainty: {said}; GRADE words the two levels apart, so one of them is wrong", None)]
    return [Verdict("results.unchecked", word.start, rating.end,
                    f"not checked: {said}; if '{word.text}' hedges the finding, one of the two is wrong", None)]


def _rated_beside(reading: Reading, claim: OutcomeClaim, verdicts: list[Verdict]) -> list[Verdict]:
    """GRADE's very-low statement in other words: "may" (low) in a sentence that also rates the evidence very
    low ("There may be little to no difference in X, but our confidence in the evidence is very low"), as its
    own "may ..., but the evidence is very uncertain": the reader is told the level; a warning, not an error."""
    statement = reading.statement
    if statement is None or "very low" not in statement.levels or claim.certainty != "low":
        return verdicts
    out = []
    for verdict in verdicts:
        result = verdict.result
        if verdict.check == "results.certainty" and result is not None and result in statement.results \
                and result.certainty == "very low":
            verdict = Verdict("results.unchecked", verdict.start, verdict.end,
                              f"not checked for sure: {verdict.message.removeprefix('certainty: ')}; the sentence also rates "
                              f"its evidence {result.certainty}, which GRADE words otherwise", result)
        out.append(verdict)
    return out


def judge(reading: Reading, results: list[Result]) -> list[Verdict]:
    clash = _clash(reading)
    if clash and clash[0].check == "results.certainty":
        return clash + [v for v in _judge(reading, results) if v.check != "results.certainty"]
    if clash:
        return _judge(reading, results) + clash
    return _judge(reading, results)


def _judge(reading: Reading, results: list[Result]) -> list[Verdict]:
    wholes = [verdict for claim in reading.wholes for verdict in _judge_whole(claim)]
    if reading.kind in ("statement", "none"):  # "none": a statement of certainty in a sentence with no claim
        return judge_statement(reading, results) + wholes
    found: dict[tuple[str, int, str | None], Verdict] = {}
    if reading.statement is not None:  # a statement of certainty inside a sentence that claims
        for verdict in judge_statement(reading, results):
            found.setdefault((verdict.check, verdict.start, verdict.result.id if verdict.result else None), verdict)
    for claim in [*reading.claims, *reading.opposed]:
        for verdict in _rated_beside(reading, claim, _qualified(claim, judge_claim(claim))):
            key = (verdict.check, verdict.start, verdict.result.id if verdict.result else None)
            found.setdefault(key, verdict)  # an outcome named twice ("exacerbations ... exacerbation") is one claim
    return list(found.values()) + wholes
