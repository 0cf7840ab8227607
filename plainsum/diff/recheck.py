"""The re-check list: each sentence written by hand that an update may have left wrong.

A sentence is listed when its author's text (plainsum.checks.stale.handwritten) uses a fact or
result that changed, names the outcome of a changed result, still holds a value of the earlier
version, or still words a result with the certainty it had before ("probably" for
moderate-certainty evidence that is now low: "may").
"""

from __future__ import annotations

import re

from plainsum.checks import handwritten, value_pattern
from plainsum.content.changes import CERTAINTY_WORDS, Changes, ResultChange, stale_values
from plainsum.content.model import Review
from plainsum.diff.model import RecheckItem
from plainsum.gate.records import DocumentResult
from plainsum.words.numbers import in_words

# Words of outcome names too common to tell one outcome from another.
COMMON_WORDS = frozenset([
    "about", "after", "all", "and", "any", "are", "before", "being", "cause", "causes", "change", "chance",
    "death", "deaths", "die", "dying", "during", "each", "effect", "effects", "events", "fatal", "from",
    "have", "how", "into", "less", "many", "more", "most", "non-fatal", "number", "people", "person", "rate",
    "rates", "risk", "serious", "severe", "that", "their", "them", "then", "there", "these", "they", "this",
    "total", "what", "when", "with", "without",
])


def outcome_words(change: ResultChange) -> set[str]:
    """Words that name a changed result's outcome in a sentence ("stroke", "mortality")."""
    result = change.new or change.old
    assert result is not None
    names = [result.outcome.technical, result.outcome.plain, change.id.replace("_", " ")]
    return {word for name in names for word in re.findall(r"[a-z][a-z-]{3,}", name.lower()) if word not in COMMON_WORDS}


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


def recheck(old: Review, new: Review, changes: Changes, results: list[DocumentResult]) -> list[RecheckItem]:
    stale = _word_forms(old, new, changes)
    pattern = value_pattern(list(stale)) if stale else None
    changed_facts = {fact.name: fact for fact in changes.facts if fact.status == "changed"}
    result_words = {change.id: outcome_words(change) for change in changes.results}
    items: dict[tuple[str, int, int], RecheckItem] = {}
    for result in results:
        document = result.document
        for sentence in result.scored.sentences:
            hand = handwritten(document, sentence)
            if hand is None or not hand.has_words:
                continue
            reasons: list[str] = []
            roots = {name.split(".", 1)[0] for name in hand.names}
            for name in sorted(roots & set(changed_facts)):
                fact = changed_facts[name]
                reasons.append(f"uses the fact {name}, which changed ({fact.old_text} -> {fact.new_text})")
            lowered = hand.text.lower()
            for change in changes.results:
                uses = any(name == f"results.{change.id}" or name.startswith(f"results.{change.id}.") for name in hand.names)
                names = sorted(w for w in result_words[change.id] if re.search(rf"\b{re.escape(w)}\b", lowered))
                if uses:
                    reasons.append(f"uses the result {change.id}, which changed ({_summary(change)})")
                elif names:
                    reasons.append(f"mentions {', '.join(names)}: the result {change.id} changed ({_summary(change)})")
                else:
                    continue
                certainty = change.changed("certainty")
                if certainty is None:
                    continue
                now = CERTAINTY_WORDS.get(certainty.new, ())
                for word in CERTAINTY_WORDS.get(certainty.old, ()):
                    if word not in now and re.search(rf"\b{re.escape(word)}\b", lowered):
                        wording = f" (GRADE wording: '{now[0]}')" if now else ""
                        reasons.append(f"still says '{word}', the wording for {certainty.old}-certainty evidence; "
                                       f"the evidence for {change.outcome} is now {certainty.new} certainty{wording}")
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
