"""Checks of lay summaries of clinical trial results (the trial-results kind, EU Regulation 536/2014).

- trial.elements: every element of the Regulation's Annex V is there, as data or prose.
- trial.counts: counts that must add up do (countries, age groups, sexes and groups to the total; no
  more people with a side effect than in their group).
- trial.frequencies: how often side effects happened is said as a natural frequency ("11 out of
  100"), not as a percentage or a word such as "common" alone.
- trial.promotional: no promotional or overconfident words ("breakthrough", "cure", "proven").
- trial.single-trial: the summary says that one trial's results may differ from other trials'.

The words are data, by language (checks/data/trial-wording.yaml). A document in a language the file
has no words for is not checked by the three wording checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plainsum.checks.context import option
from plainsum.checks.registry import Flag, registry
from plainsum.render.document import Location

if TYPE_CHECKING:
    from plainsum.checks.context import CheckContext
    from plainsum.content.model import Review
    from plainsum.content.trial import Mark, Trial
    from plainsum.readability.score import Scored, Sentence

KIND = "trial-results"
WORDING = Path(__file__).resolve().parent / "data" / "trial-wording.yaml"
WORD = r"[\w'’-]"


def _review(scored: Scored, source_only: bool = False) -> Review | None:
    review = scored.document.review
    if review is None or review.kind.name != KIND or review.trial is None:
        return None
    if source_only and review.translation is not None:
        return None  # the data and its completeness are the source review's, checked there
    return review


def _at(review: Review, mark: Mark) -> Location:
    return Location(review.source.display, mark.line, mark.column)


# --- trial.elements ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Element:
    number: int
    name: str
    data: tuple[str, ...]  # keys under `trial:` (dotted for nested ones)
    prose: tuple[str, ...]  # parts of `summary:`


# Annex V of Regulation (EU) No 536/2014, its ten elements, and where each is kept.
ELEMENTS = (
    Element(1, "trial identification", ("identifiers.eu_trial_number", "identifiers.protocol"), ()),
    Element(2, "name and contact details of the sponsor", ("sponsor.name", "sponsor.contact"), ()),
    Element(3, "where and when the trial was done, its main objectives and why it was done",
            ("start_date", "end_date", "countries"), ("why",)),
    Element(4, "the participants: numbers per country, age groups, sexes, inclusion and exclusion criteria",
            ("participants", "countries", "age_groups", "sex"), ("inclusion", "exclusion")),
    Element(5, "the investigational medicines", ("medicines", "groups"), ("medicines",)),
    Element(6, "adverse reactions and how often they happened", ("adverse_reactions",), ("side_effects",)),
    Element(7, "the overall results", (), ("results",)),
    Element(8, "comments on the outcome", (), ("comments",)),
    Element(9, "whether follow-up trials are planned", (), ("follow_up",)),
    Element(10, "where more information can be found", (), ("more_information",)),
)


def _has(trial: Trial, key: str) -> bool:
    values: dict[str, object] = {
        "identifiers.eu_trial_number": trial.eu_trial_number,
        "identifiers.protocol": trial.protocol,
        "sponsor.name": trial.sponsor,
        "sponsor.contact": trial.contact,
        "start_date": trial.start_date,
        "end_date": trial.end_date,
        "participants": trial.participants,
        "countries": trial.countries,
        "age_groups": trial.age_groups,
        "sex": trial.sex,
        "medicines": trial.medicines,
        "groups": trial.groups,
    }
    if key == "adverse_reactions":
        return "adverse_reactions" in trial.marks  # an empty list says that none were reported
    return bool(values[key])


@registry.register(
    "trial.elements",
    description="A trial-results summary has the ten elements of Annex V of EU Regulation 536/2014: identification, "
    "sponsor and contact, where/when/why, participants (per country, age, sex, criteria), medicines, adverse "
    "reactions, overall results, comments, follow-up trials, where to find more.",
)
def elements(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    review = _review(scored, source_only=True)
    if review is None:
        return
    trial = review.trial
    assert trial is not None
    summary_mark = review.root.key_marks.get("summary")
    for element in ELEMENTS:
        missing = [f"trial: {key}" for key in element.data if not _has(trial, key)]
        missing += [f"summary: {part}" for part in element.prose if part not in review.summary]
        if not missing:
            continue
        if summary_mark is None or any(item.startswith("trial") for item in missing):
            location = _at(review, trial.mark)
        else:
            location = Location(review.source.display, summary_mark[0], summary_mark[1])
        yield Flag(f"Annex V element {element.number} ({element.name}) is missing: {', '.join(missing)}", None, None,
                   "add " + " and ".join(f"'{item.split(': ')[1]}' under '{item.split(':')[0]}'" for item in missing),
                   location, about=f"element {element.number}")


# --- trial.counts ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CountsOptions:
    groups_add_up: bool = option(True, "The participants of the groups add up to the trial's total (false for a "
                                       "cross-over trial, where each person is in several groups).")


@registry.register(
    "trial.counts",
    description="The counts of a trial add up: participants per country, per age group and per sex each to the "
    "total, the groups to the total (groups_add_up), and no more people with a side effect than in their group.",
    options=CountsOptions,
)
def counts(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    review = _review(scored, source_only=True)
    if review is None:
        return
    trial = review.trial
    assert trial is not None
    total = trial.participants
    if total is None:
        return
    parts: list[tuple[str, str, int, str]] = []
    if trial.countries:
        parts.append(("countries", "the people per country", sum(c.participants for c in trial.countries),
                      " + ".join(f"{c.code} {c.participants}" for c in trial.countries)))
    if trial.age_groups:
        parts.append(("age_groups", "the people per age group", sum(a.participants for a in trial.age_groups),
                      " + ".join(str(a.participants) for a in trial.age_groups)))
    if trial.sex:
        parts.append(("sex", "the people per sex", sum(trial.sex.values()),
                      " + ".join(f"{key} {value}" for key, value in trial.sex.items())))
    if trial.groups and context.options("trial.counts", CountsOptions).groups_add_up:
        parts.append(("groups", "the people per group", sum(g.participants for g in trial.groups),
                      " + ".join(f"{g.id} {g.participants}" for g in trial.groups)))
    for key, what, found, sums in parts:
        if found != total:
            yield Flag(f"{what} add up to {found} ({sums}), not to the {total} participants", None, None,
                       f"correct '{key}' or 'participants' so that they agree", _at(review, trial.where(key)),
                       about=f"counts {key}")
    for reaction in trial.reactions:
        for group_id, affected in reaction.affected.items():
            group = trial.group(group_id)
            if group is not None and affected > group.participants:
                yield Flag(f"'{reaction.id}': {affected} people in '{group_id}' had it, but the group has "
                           f"{group.participants}", None, None, "correct the count of the side effect or of the group",
                           _at(review, reaction.mark), about=f"counts {reaction.id} {group_id}")


# --- the wording checks -------------------------------------------------------------------------------

def _phrase(text: str) -> str:
    words = [re.escape(word).replace("'", "['’]") for word in text.split()]
    return rf"(?<!{WORD})" + r"\s+".join(words) + rf"(?!{WORD})"


def _any(phrases: list[str]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile("|".join(_phrase(phrase) for phrase in ordered), re.I)


@dataclass(frozen=True)
class Wording:
    promotional: dict[str, str]  # phrase (lower case) -> advice
    promotional_pattern: re.Pattern[str] | None
    negations: re.Pattern[str] | None
    hypothetical: re.Pattern[str] | None
    not_before: re.Pattern[str] | None
    not_frequencies: re.Pattern[str] | None
    frequency_words: re.Pattern[str] | None
    side_effects: re.Pattern[str] | None
    natural_frequency: re.Pattern[str] | None
    this_trial: re.Pattern[str] | None
    other_trials: re.Pattern[str] | None


@lru_cache(maxsize=1)
def _wording_file() -> dict[str, Any]:
    import yaml

    with WORDING.open(encoding="utf-8") as stream:
        data = yaml.safe_load(stream)
    assert isinstance(data, dict)
    return data


@lru_cache(maxsize=16)
def wording(language: str) -> Wording | None:
    """The words of the trial checks in `language` (es-MX uses es), None for a language without them."""
    data = _wording_file()
    entry = data.get(language) or data.get(language.split("-")[0])
    if not isinstance(entry, dict):
        return None
    promotional = {str(key).lower(): str(value) for key, value in (entry.get("promotional") or {}).items()}
    single = entry.get("single_trial") or {}
    natural = entry.get("natural_frequency") or []
    return Wording(
        promotional=promotional,
        promotional_pattern=_any(list(promotional)),
        negations=_any(list(entry.get("negations") or [])),
        hypothetical=_any(list(entry.get("hypothetical") or [])),
        not_before=_any(list(entry.get("not_before") or [])),
        not_frequencies=_any(list(entry.get("not_frequencies") or [])),
        frequency_words=_any(list(entry.get("frequency_words") or [])),
        side_effects=_any(list(entry.get("side_effects") or [])),
        natural_frequency=re.compile("|".join(natural), re.I) if natural else None,
        this_trial=_any(list(single.get("this") or [])),
        other_trials=_any(list(single.get("others") or [])),
    )


def _prose_sentences(scored: Scored) -> Iterator[Sentence]:
    """The sentences an author wrote (inside a prose field), not the template's own text."""
    spans = [(span.start, span.end) for span in scored.document.spans]
    for sentence in scored.sentences:
        if any(start <= sentence.offset < end for start, end in spans):
            yield sentence


CLAUSE = re.compile(r"(?<!\d)[,;:]|[,;:](?!\d)|\s(?:but|while|whereas|although|pero|aunque|mientras)\s", re.I)


def _clause(text: str, start: int) -> tuple[int, int]:
    """The clause of `text` around `start`: between commas, semicolons, colons or 'but'."""
    begin = max((m.end() for m in CLAUSE.finditer(text, 0, start)), default=0)
    after = CLAUSE.search(text, start)
    return begin, after.start() if after else len(text)


def _negated(wording: Wording, text: str, start: int) -> bool:
    """Whether a phrase at `start` is not a claim: negated in its clause, in a question, or said of a
    hypothesis ("whether", "to confirm")."""
    if text.rstrip().endswith("?"):
        return True
    begin, _ = _clause(text, start)
    if wording.negations is not None and wording.negations.search(text, begin, start):
        return True
    return wording.hypothetical is not None and wording.hypothetical.search(text, 0, start) is not None


def _outcome_name(wording: Wording, text: str, end: int) -> bool:
    """Whether the phrase ending at `end` names an outcome ("cure rates")."""
    if wording.not_before is None:
        return False
    following = re.match(rf"\s+({WORD}+)", text[end:])
    return following is not None and wording.not_before.fullmatch(following.group(1)) is not None


PERCENT = re.compile(r"\d(?:[\d.,]*\d)?\s?%|\bper\s?cent\b|\bpercent\b|\bpor\s+ciento\b", re.I)


@registry.register(
    "trial.frequencies",
    description="In a trial-results summary, how often side effects happened is given as a natural frequency "
    "('11 out of 100 people'), not as a percentage or a frequency word ('common', 'rare') alone.",
)
def frequencies(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    review = _review(scored)
    found = wording(scored.document.language) if review is not None else None
    if found is None:
        return
    for sentence in _prose_sentences(scored):
        hit = frequency_hit(found, sentence.text)
        if hit is None:
            continue
        start, phrase, percent = hit
        if percent:
            yield Flag(f"a side effect's frequency as a percentage ('{phrase}')", sentence.offset + start, sentence.text,
                       "give it as a natural frequency: '12 out of 100 people'")
        else:
            yield Flag(f"a side effect's frequency as a word ('{phrase}') without numbers", sentence.offset + start,
                       sentence.text, "say how many people had it: '3 out of 100 people'")


def frequency_hit(found: Wording, text: str) -> tuple[int, str, bool] | None:
    """(offset, phrase, is a percentage) of a frequency given otherwise than as a natural frequency, in a
    clause of `text` that names side effects; None when there is none."""
    if found.side_effects is None:
        return None
    candidates = [(m.start(), m.group(0), True) for m in PERCENT.finditer(text)]
    if found.frequency_words is not None:
        spared = [m.span() for m in found.not_frequencies.finditer(text)] if found.not_frequencies is not None else []
        candidates += [(m.start(), m.group(0), False) for m in found.frequency_words.finditer(text)
                       if not any(start <= m.start() < end for start, end in spared)]
    for start, phrase, percent in sorted(candidates):
        if found.hypothetical is not None and found.hypothetical.search(text, 0, start):
            continue  # "we looked at whether side effects were more common"
        begin, end = _clause(text, start)
        clause = text[begin:end]
        if not found.side_effects.search(clause):
            continue
        if found.natural_frequency is not None and found.natural_frequency.search(clause):
            continue
        if not percent and re.search(r"\d", clause):
            continue
        return start, phrase, percent
    return None


@registry.register(
    "trial.promotional",
    description="A trial-results summary uses neutral words: no promotional or overconfident wording "
    "('breakthrough', 'cure', 'safe and effective', 'proven'); a negated one ('there is no cure') is fine.",
)
def promotional(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    review = _review(scored)
    found = wording(scored.document.language) if review is not None else None
    if found is None or found.promotional_pattern is None:
        return
    for sentence in scored.sentences:
        for match in found.promotional_pattern.finditer(sentence.text):
            if _negated(found, sentence.text, match.start()) or _outcome_name(found, sentence.text, match.end()):
                continue
            phrase = " ".join(match.group(0).lower().split()).replace("’", "'")
            yield Flag(f"promotional or overconfident wording: '{match.group(0)}'", sentence.offset + match.start(),
                       sentence.text, found.promotional.get(phrase, "use neutral words"))


def says_single_trial(found: Wording, sentences: list[str]) -> bool:
    """Whether a sentence names this one trial and other trials, or names this trial and the next one
    the others ("This summary shows the results of this one study. Other studies may find different results.")."""
    assert found.this_trial is not None and found.other_trials is not None
    for index, text in enumerate(sentences):
        following = sentences[index + 1] if index + 1 < len(sentences) else ""
        if found.this_trial.search(text) and (found.other_trials.search(text) or found.other_trials.search(following)):
            return True
    return False


@registry.register(
    "trial.single-trial",
    description="A trial-results summary says that the results of one trial may differ from those of other trials "
    "(a sentence naming this trial and other trials together, or this trial and then, next, other trials).",
)
def single_trial(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    review = _review(scored)
    found = wording(scored.document.language) if review is not None else None
    if found is None or found.this_trial is None or found.other_trials is None:
        return
    texts = [sentence.text for sentence in scored.sentences]
    if says_single_trial(found, texts):
        return
    yield Flag("no sentence says that the results of this one trial may differ from those of other trials", None, None,
               "add, under 'comments': 'The results of this trial may differ from the results of other trials.'")
