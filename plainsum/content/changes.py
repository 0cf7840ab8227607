"""What changed in a review's data between two versions, and the "What's new" statement it makes.

Compares two validated `Review`s (an earlier version and this one) without rendering them: facts
changed, added or removed, shown as the documents print them; results changed field by field, with
the old and new plain statements; the search date, studies and participants added; whether the
text of the authors' conclusions changed. From these it writes "What's new" in the event vocabulary
of Cochrane's "What's new" table (RevMan's event types: UPDATE "New search has been performed",
NEW_CITATION_NEW_CONCLUSIONS, NEW_CITATION_OLD_CONCLUSIONS, AMENDMENT "Amended"). Whether the
conclusions changed is the authors' call: `version.conclusions_changed` in the review file says so;
without it the statement says whether the conclusions' text changed and asks.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from dataclasses import dataclass
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from plainsum.content.filters import join_and, long_date, month_year
from plainsum.words.numbers import in_words_with_noun, thousands

if TYPE_CHECKING:
    from plainsum.content.model import Review
    from plainsum.grade.results import Result

NEW_SEARCH = "New search has been performed"
NEW_CONCLUSIONS = "New citation required and conclusions have changed"
OLD_CONCLUSIONS = "New citation required but conclusions have not changed"
AMENDED = "Amended"
UNDECIDED = "New citation required"  # the authors have yet to say whether the conclusions changed
EVENT_CODES = {NEW_SEARCH: "UPDATE", NEW_CONCLUSIONS: "NEW_CITATION_NEW_CONCLUSIONS",
               OLD_CONCLUSIONS: "NEW_CITATION_OLD_CONCLUSIONS", AMENDED: "AMENDMENT",
               UNDECIDED: "NEW_CITATION"}  # the last is plainsum's: RevMan has no undecided event

# The words GRADE statements use for each certainty (templates/grade/grid.yaml); high has none.
CERTAINTY_WORDS: dict[str, tuple[str, ...]] = {
    "high": (),
    "moderate": ("probably",),
    "low": ("may", "might"),
    "very low": ("very uncertain", "uncertain"),
}
STUDY_FACT = re.compile(r"^(?:included_)?(?:studies|trials|rcts)$")
PARTICIPANT_FACT = re.compile(r"^(?:included_|total_)?participants$")
CONCLUSION_SECTIONS = ("authors_conclusions", "conclusions")
RESULT_FIELD_LABELS = {"ci_low": "CI lower limit", "ci_high": "CI upper limit", "study_word": "study word"}


def display(value: Any) -> str:
    """A fact value as the documents print it: 31 January 2018, 251,891, A, B and C."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return long_date(value)
    if isinstance(value, (int, float)):
        return thousands(value)
    if isinstance(value, (list, tuple)):
        return join_and([display(item) for item in value])
    return str(value)


@dataclass(frozen=True)
class FactChange:
    name: str
    old: Any  # None when added
    new: Any  # None when removed

    @property
    def status(self) -> str:
        return "added" if self.old is None else "removed" if self.new is None else "changed"

    @property
    def old_text(self) -> str | None:
        return None if self.old is None else display(self.old)

    @property
    def new_text(self) -> str | None:
        return None if self.new is None else display(self.new)


@dataclass(frozen=True)
class FieldChange:
    name: str
    old: str
    new: str

    @property
    def label(self) -> str:
        return RESULT_FIELD_LABELS.get(self.name, self.name)


@dataclass(frozen=True)
class ResultChange:
    id: str
    old: Result | None
    new: Result | None
    fields: tuple[FieldChange, ...]
    old_plain: str | None
    new_plain: str | None
    old_technical: str | None
    new_technical: str | None

    @property
    def status(self) -> str:
        return "added" if self.old is None else "removed" if self.new is None else "changed"

    @property
    def outcome(self) -> str:
        result = self.new or self.old
        assert result is not None
        return result.outcome.technical

    def changed(self, name: str) -> FieldChange | None:
        return next((field for field in self.fields if field.name == name), None)


@dataclass(frozen=True)
class Event:
    label: str  # Cochrane's wording
    detail: str

    @property
    def code(self) -> str:
        return EVENT_CODES[self.label]


@dataclass(frozen=True)
class Changes:
    """The data changes from `old` to `new`; false when there are none."""

    facts: tuple[FactChange, ...]
    results: tuple[ResultChange, ...]
    search_date: tuple[datetime.date | None, datetime.date | None] | None
    studies: tuple[int | None, int | None] | None  # (before, after) when a study count changed
    participants: tuple[int | None, int | None] | None
    conclusions_text_changed: bool
    conclusions_changed: bool | None  # the authors' call, from version.conclusions_changed
    other_text_changed: bool  # prose other than the conclusions
    version: tuple[int | None, int | None]
    events: tuple[Event, ...]

    def __bool__(self) -> bool:
        return bool(self.facts or self.results or self.conclusions_text_changed or self.other_text_changed
                    or self.version[0] != self.version[1])

    @property
    def whats_new(self) -> str:
        return " ".join(f"{event.label}: {event.detail}" if event.detail else f"{event.label}." for event in self.events)

    def view(self) -> SimpleNamespace:
        """What templates see as `changes`."""
        return SimpleNamespace(
            whats_new=self.whats_new,
            events=[SimpleNamespace(label=e.label, code=e.code, detail=e.detail) for e in self.events],
            facts=[SimpleNamespace(name=f.name, status=f.status, old=f.old_text, new=f.new_text) for f in self.facts],
            results=[SimpleNamespace(id=r.id, status=r.status, outcome=r.outcome, old=r.old_plain, new=r.new_plain,
                                     fields={f.name: (f.old, f.new) for f in r.fields}) for r in self.results],
            conclusions_changed=self.conclusions_changed,
            conclusions_text_changed=self.conclusions_text_changed,
        )


def changes_of(review: Review) -> Changes | None:
    """What changed in `review`'s data since `review.previous` (None when no earlier version is
    known), worked out once per review."""
    if review.previous is None:
        return None
    cache = vars(review)
    found = cache.get("_changes")
    if found is None or found[0] is not review.previous:
        found = cache["_changes"] = (review.previous, compare(review.previous, review))
    changes: Changes = found[1]
    return changes


def compare(old: Review, new: Review) -> Changes:
    facts = _fact_changes(old.facts, new.facts)
    results = _result_changes(old, new)
    search = (old.facts.get("search_date"), new.facts.get("search_date"))
    search_date = search if search[0] != search[1] else None
    studies = _count_change(old.facts, new.facts, STUDY_FACT)
    participants = _count_change(old.facts, new.facts, PARTICIPANT_FACT)
    conclusions = _texts(old, CONCLUSION_SECTIONS) != _texts(new, CONCLUSION_SECTIONS)
    other = _other_texts(old) != _other_texts(new)
    version = (old.version.number, new.version.number)
    changes = Changes(tuple(facts), tuple(results), search_date, studies, participants, conclusions,
                      new.version.conclusions_changed, other, version, ())
    return dataclasses.replace(changes, events=tuple(_events(changes)))


def _fact_changes(old: dict[str, Any], new: dict[str, Any]) -> list[FactChange]:
    changes = []
    for name in [*old, *(n for n in new if n not in old)]:
        if name in ("results", "version"):
            continue  # views made from the data, compared on their own
        before, after = old.get(name), new.get(name)
        if before != after:
            changes.append(FactChange(name, before, after))
    return changes


def _result_fields(result: Result) -> dict[str, str]:
    values: dict[str, str] = {}
    for field in dataclasses.fields(result):
        if field.name in ("id", "line", "column"):
            continue
        value = getattr(result, field.name)
        if hasattr(value, "technical"):
            values[field.name] = value.technical
        elif isinstance(value, int) and not isinstance(value, bool):
            values[field.name] = thousands(value)
        else:
            values[field.name] = "" if value is None else str(value)
    return values


def _result_changes(old: Review, new: Review) -> list[ResultChange]:
    before = {result.id: result for result in old.results}
    after = {result.id: result for result in new.results}
    old_views = old.facts.get("results", {})
    new_views = new.facts.get("results", {})
    changes = []
    for result_id in [*before, *(i for i in after if i not in before)]:
        a, b = before.get(result_id), after.get(result_id)
        if a is not None and b is not None:
            fa, fb = _result_fields(a), _result_fields(b)
            fields = tuple(FieldChange(name, fa.get(name, ""), fb.get(name, "")) for name in [*fa, *(n for n in fb if n not in fa)]
                           if fa.get(name, "") != fb.get(name, ""))
            if not fields:
                continue
        else:
            fields = ()
        old_view, new_view = old_views.get(result_id), new_views.get(result_id)
        changes.append(ResultChange(
            result_id, a, b, fields,
            old_view.plain if old_view is not None else None, new_view.plain if new_view is not None else None,
            old_view.technical if old_view is not None else None, new_view.technical if new_view is not None else None,
        ))
    return changes


def _count_fact(facts: dict[str, Any], pattern: re.Pattern[str]) -> int | None:
    names = sorted((name for name in facts if pattern.match(name)), key=lambda n: not n.startswith("included_"))
    for name in names:
        value = facts[name]
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


def _count_change(old: dict[str, Any], new: dict[str, Any], pattern: re.Pattern[str]) -> tuple[int | None, int | None] | None:
    before, after = _count_fact(old, pattern), _count_fact(new, pattern)
    return (before, after) if before != after else None


def _texts(review: Review, keys: tuple[str, ...]) -> list[str]:
    texts: list[str] = []
    for section in review.sections:
        if section.key in keys:
            texts.extend(review.rendered.get(p.key, "") for p in (section.technical, section.plain) if p is not None)
    return texts


def _other_texts(review: Review) -> dict[str, str]:
    conclusion_keys = {p.key for s in review.sections if s.key in CONCLUSION_SECTIONS for p in (s.technical, s.plain) if p}
    return {key: text for key, text in review.rendered.items() if key not in conclusion_keys}


def _count_words(number: int, singular_form: str, plural_form: str) -> str:
    return in_words_with_noun(number, singular_form, plural_form)


def _events(changes: Changes) -> list[Event]:
    events = []
    details = []
    if changes.search_date is not None and changes.search_date[1] is not None:
        before, after = changes.search_date
        since = f" (the last version searched up to {long_date(before)})" if before is not None else ""
        details.append(f"we searched for studies up to {long_date(after)}{since}.")
    added = []
    studies_before, studies_after = changes.studies or (None, None)
    if studies_before is not None and studies_after is not None and studies_after > studies_before:
        added.append(f"{_count_words(studies_after - studies_before, 'study', 'studies')} ({studies_after} in total)")
    people_before, people_after = changes.participants or (None, None)
    if people_before is not None and people_after is not None and people_after > people_before:
        added.append(f"{thousands(people_after - people_before)} participants ({thousands(people_after)} in total)")
    if added:
        details.append(f"We added {join_and(added)}.")
    elif changes.search_date is not None and changes.studies is None:
        details.append("We found no new studies.")
    for change in changes.results:
        details.append(_result_detail(change))
    searched = changes.search_date is not None
    if searched:
        events.append(Event(NEW_SEARCH, " ".join(d[:1].upper() + d[1:] for d in details)))
    substantive = searched or bool(changes.results) or changes.studies is not None or changes.conclusions_text_changed
    old_number, new_number = changes.version
    renumbered = old_number is not None and new_number is not None and new_number > old_number
    if substantive or renumbered:
        if not searched and details:
            detail = " ".join(d[:1].upper() + d[1:] for d in details)
        else:
            detail = ""
        if changes.conclusions_changed is True:
            events.append(Event(NEW_CONCLUSIONS, detail))
        elif changes.conclusions_changed is False or not changes.conclusions_text_changed:
            events.append(Event(OLD_CONCLUSIONS, detail))
        else:
            ask = (f"The text of the authors' conclusions has changed. Whether the conclusions have changed is the "
                   f"authors' call: set version.conclusions_changed to true (\"{NEW_CONCLUSIONS}\") or false "
                   f"(\"{OLD_CONCLUSIONS}\").")
            events.append(Event(UNDECIDED, (detail + " " + ask).strip()))
    elif changes:
        events.append(Event(AMENDED, "the text changed; the data did not." if not changes.facts else
                            f"changed: {', '.join(f.name for f in changes.facts)}."))
    return events


def _result_detail(change: ResultChange) -> str:
    if change.status == "added":
        return f"We added the result for {change.outcome}."
    if change.status == "removed":
        return f"We no longer report the result for {change.outcome}."
    parts = []
    certainty = change.changed("certainty")
    if certainty is not None:
        parts.append(f"the certainty of the evidence changed from {certainty.old} to {certainty.new}")
    direction = change.changed("direction")
    if direction is not None:
        parts.append(f"the direction of the effect changed from {direction.old or 'none'} to {direction.new or 'none'}")
    size = change.changed("size")
    if size is not None:
        parts.append(f"the size of the effect changed from {size.old or 'not chosen'} to {size.new or 'not chosen'}")
    if not parts:
        return f"The result for {change.outcome} changed ({', '.join(f.label for f in change.fields)})."
    return f"For {change.outcome}, {join_and(parts)}."


@dataclass(frozen=True)
class Stale:
    """A value of the earlier version: what it was, and how to write the current one."""

    what: str  # "fact included_studies (was 12, now 14)"
    suggestion: str  # "write {{ included_studies }} (now 14), so the sentence follows the data"
    fact: str | None = None  # the fact's name ("included_studies") when the value was a fact's; None for a result's


@dataclass(frozen=True)
class StaleOrCurrent:
    """A value the earlier version stated for one fact and this version states for another."""

    was: str  # "fact included_studies (was 33, now 34)"
    now: str  # "fact included_trials", "a figure of result pain"
    fact: str  # the name of the fact whose earlier value it was ("included_studies")


def stale_values(old: Review, new: Review, changes: Changes | None = None) -> dict[str, Stale]:
    """Values the earlier version stated and this one no longer does, by the text they could be
    written as ("12", "15 October 2013"). Values this version still states anywhere in its data are
    left out, so a number that is also a current value is never stale."""
    changes = changes or compare(old, new)
    current = _value_forms(new)
    stale: dict[str, Stale] = {}
    for fact in changes.facts:
        if fact.old is None:
            continue
        now = fact.new_text or "removed"
        use = f"write {{{{ {fact.name} }}}} (now {now}), so the sentence follows the data" if fact.new is not None else \
            f"the fact {fact.name} is gone: say it another way"
        for form in _forms(fact.old):
            if form not in current:
                stale.setdefault(form, Stale(f"fact {fact.name} (was {fact.old_text}, now {now})", use, fact.name))
    for result in changes.results:
        if result.old is None:
            continue
        for field in result.fields:
            if field.name not in ("estimate", "ci_low", "ci_high", "studies", "participants"):
                continue
            use = (f"write {{{{ results.{result.id}.numbers }}}} or the current value ({field.new}), so the sentence follows the data"
                   if result.new is not None else f"the result {result.id} is gone: say it another way")
            for form in _number_forms(field.old):
                if form not in current:
                    stale.setdefault(form, Stale(f"result {result.id}: {field.label} (was {field.old}, now {field.new or 'removed'})", use))
    return stale


def stale_or_current(old: Review, new: Review, changes: Changes | None = None) -> dict[str, StaleOrCurrent]:
    """Values the earlier version stated for a fact that changed and this version states for another
    ("33" was the studies, now 34, and 33 is now the trials): form -> (what it was, what it now is)."""
    changes = changes or compare(old, new)
    now: dict[str, str] = {}
    for name, value in new.facts.items():
        if name not in ("results", "version"):
            for form in _forms(value):
                now.setdefault(form, f"fact {name}")
    for result in new.results:
        for number in result.numbers_in_data():
            for form in _number_forms(number):
                now.setdefault(form, f"a figure of result {result.id}")
    found: dict[str, StaleOrCurrent] = {}
    for fact in changes.facts:
        if fact.old is None:
            continue
        for form in _forms(fact.old):
            if form in now and now[form] != f"fact {fact.name}":
                found.setdefault(form, StaleOrCurrent(f"fact {fact.name} (was {fact.old_text}, now {fact.new_text or 'removed'})",
                                                      now[form], fact.name))
    return found


def fact_forms(value: Any) -> set[str]:
    """The texts a fact's value may be written as ("15 October 2013", "October 2013", "12")."""
    return _forms(value)


def _value_forms(review: Review) -> set[str]:
    forms: set[str] = set()
    for name, value in review.facts.items():
        if name not in ("results", "version"):
            forms.update(_forms(value))
    for result in review.results:
        for number in result.numbers_in_data():
            forms.update(_number_forms(number))
    return forms


def _forms(value: Any) -> set[str]:
    if isinstance(value, bool):
        return set()
    if isinstance(value, datetime.date):
        return {long_date(value), month_year(value), value.isoformat()}
    if isinstance(value, (int, float)):
        return _number_forms(str(value))
    if isinstance(value, (list, tuple)):
        return {form for item in value for form in _forms(item)}
    text = str(value).strip()
    return {text} if len(text) >= 4 else set()


def _number_forms(text: str) -> set[str]:
    text = text.replace(",", "").replace("\u2212", "-")
    forms = {text, text.lstrip("-")}  # "-7.5" is also written "7.5" ("went down by 7.5 points")
    try:
        number = int(text)
    except ValueError:
        return forms
    forms.add(thousands(number))
    forms.add(f"{number:,}")
    return forms
