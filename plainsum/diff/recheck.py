"""The re-check list: each sentence written by hand that an update may have left wrong.

A sentence is listed when its author's text (plainsum.checks.stale.handwritten) uses a fact or
result that changed, makes a claim about a changed result (read by the claim model,
plainsum.grade.reading: the outcome named, and where the review has several comparisons the
intervention or comparator that selects that result; no one-word matches), still holds a value of
the earlier version, or still words a result with the certainty it had before ("probably" for
moderate-certainty evidence that is now low: "may").
"""

from __future__ import annotations

from plainsum.checks import handwritten, value_pattern
from plainsum.checks.claimreading import read_written
from plainsum.content.changes import Changes, ResultChange, stale_values
from plainsum.content.model import Review
from plainsum.diff.model import RecheckItem
from plainsum.gate.records import DocumentResult
from plainsum.grade.reading import Reading
from plainsum.grade.results import Result
from plainsum.grade.vocabulary import levels_of, load_vocabulary, vocabulary_path
from plainsum.words.numbers import in_words


def _summary(change: ResultChange) -> str:
    if change.status != "changed":
        return change.status
    return ", ".join(f"{field.label} {field.old or 'none'} -> {field.new or 'none'}" for field in change.fields)


def _word_forms(old: Review, new: Review, changes: Changes) -> dict[str, str]:
    """Small counts as words too ("fifteen"), for the re-check list only (not the check's error)."""
    forms = {form: stale.what for form, stale in stale_values(old, new, changes).items()}
    current = {in_words(v) for v in new.facts.values() if isinstance(v, int) and not isinstance(v, bool) and v >= 2}
    for fact in changes.facts:
        value = fact.old
        if isinstance(value, int) and not isinstance(value, bool) and 2 <= value <= 20 and in_words(value) not in current:
            forms.setdefault(in_words(value), f"fact {fact.name} (was {fact.old_text}, now {fact.new_text or 'removed'})")
    return forms


def _readings(result: DocumentResult, review: Review, results: list[Result]) -> dict[int, Reading]:
    """The claim model's reading of each sentence of a document, by its offset."""
    vocabulary = load_vocabulary(vocabulary_path(None, review.language))
    return {sentence.offset: reading for sentence, reading in read_written(result.scored, results, vocabulary)}


def _claims_about(reading: Reading | None, change: ResultChange) -> list[tuple[str, str | None, str | None]]:
    """(the outcome as the sentence names it, its certainty word, the level it states) of each
    claim of the sentence that can be about the changed result."""
    if reading is None:
        return []
    return [(claim.outcome.text, claim.certainty_hit.text if claim.certainty_hit else None,
             claim.certainty if claim.certainty_source == "word" else None)
            for claim in reading.claims if any(r.id == change.id for r in claim.results)]


def recheck(old: Review, new: Review, changes: Changes, results: list[DocumentResult]) -> list[RecheckItem]:
    stale = _word_forms(old, new, changes)
    pattern = value_pattern(list(stale)) if stale else None
    changed_facts = {fact.name: fact for fact in changes.facts if fact.status == "changed"}
    gone = [r for r in old.results if r.id not in {n.id for n in new.results}]
    items: dict[tuple[str, int, int], RecheckItem] = {}
    for result in results:
        document = result.document
        readings = _readings(result, new, [*new.results, *gone]) if new.results or gone else {}
        for sentence in result.scored.sentences:
            hand = handwritten(document, sentence)
            if hand is None or not hand.has_words:
                continue
            reasons: list[str] = []
            roots = {name.split(".", 1)[0] for name in hand.names}
            for name in sorted(roots & set(changed_facts)):
                fact = changed_facts[name]
                reasons.append(f"uses the fact {name}, which changed ({fact.old_text} -> {fact.new_text})")
            reading = readings.get(sentence.offset)
            for change in changes.results:
                uses = any(name == f"results.{change.id}" or name.startswith(f"results.{change.id}.") for name in hand.names)
                claims = _claims_about(reading, change)
                if uses:
                    reasons.append(f"uses the result {change.id}, which changed ({_summary(change)})")
                elif claims:
                    named = ", ".join(dict.fromkeys(f"'{outcome}'" for outcome, _, _ in claims))
                    reasons.append(f"claims about {named}: the result {change.id} changed ({_summary(change)})")
                else:
                    continue
                certainty = change.changed("certainty")
                if certainty is None:
                    continue
                for _, word, level in claims:
                    if word and level and certainty.old in levels_of(level) and certainty.new not in levels_of(level):
                        reasons.append(f"still says '{word}', the wording for {certainty.old}-certainty evidence; "
                                       f"the evidence for {change.outcome} is now {certainty.new} certainty")
                        break
            if pattern is not None:
                for found in dict.fromkeys(m.group(0) for m in pattern.finditer(hand.text)):
                    reasons.append(f"still says '{found}', a value of the earlier version: {stale[found]}")
            if reasons:
                where = document.locate(sentence.offset, sentence.text)
                key = (where.path, where.line, where.column)
                if key not in items:
                    items[key] = RecheckItem(where, document.kind, " ".join(sentence.text.split()), tuple(reasons))
    return sorted(items.values(), key=lambda item: (item.location.path, item.location.line, item.location.column))
