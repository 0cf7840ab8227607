"""The claim vocabulary of a language: the words that say how sure a sentence is, which way an
effect goes, who acts and what is not a claim at all. Data in grade/<language>/claims.yaml (the
template search path); plainsum.grade.claims and plainsum.grade.reading read sentences with it.

The lists `certainty`, `effects`, `negations` are required (every language has them); the lists
the claim model added later (`comparatives`, `stand_ins`, `comparators`, `undecided`, `purposes`, `anecdotes`,
`not_claims`, `background_headings`, `levels`, `evidence_words`, `qualifiers`, `kinds`, `measuring`,
`future_change`, `opposites`, `impersonal`) are optional, so a project's older claims.yaml keeps working and reads sentences with fewer rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plainsum.errors import InputError, Problem

if TYPE_CHECKING:
    from plainsum.grade.grid import TemplateFinder

CERTAINTY_LEVELS = ("very low", "low", "moderate", "high")
# "differ": an effect claimed without a direction ("found a difference"); optional in a vocabulary.
EFFECTS = ("none", "reduce", "increase", "improve", "worsen")
OPTIONAL_EFFECTS = ("differ",)
COMPARATIVES = ("reduce", "increase", "improve", "worsen")
WORD_CHARS = r"[\w'’-]"
Patterns = list[tuple[str, re.Pattern[str]]]


def phrase(text: str) -> str:
    """A phrase as a pattern: whole words, any run of spaces, straight or curly apostrophes."""
    words = [re.escape(word).replace("'", "['’]") for word in text.split()]
    return r"(?<![\w'’-])" + r"\s+".join(words) + r"(?![\w'’-])"


# each effect word's opposite: "reduce" against "increase", "improve" against "worsen"
FLIP = {"reduce": "increase", "increase": "reduce", "improve": "worsen", "worsen": "improve"}


def any_of(phrases: list[str]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    return re.compile("|".join(phrase(p) for p in sorted(phrases, key=len, reverse=True)), re.I)


@dataclass(frozen=True)
class Vocabulary:
    certainty: Patterns  # (level, phrase pattern), longest phrase first
    not_certainty: re.Pattern[str] | None
    effects: Patterns
    negation: re.Pattern[str]
    negation_window: int
    path: str
    questions: re.Pattern[str] | None = None
    comparatives: Patterns = field(default_factory=list)  # "more", "fewer": an effect only next to an outcome
    stand_ins: re.Pattern[str] | None = None  # words that stand for the intervention ("it", "the treatment")
    comparators: re.Pattern[str] | None = None  # "than", "compared with": what follows is the comparator
    undecided: re.Pattern[str] | None = None  # "we do not know whether": no direction is claimed
    purposes: re.Pattern[str] | None = None  # "used to", "aims to": the effect word after it is a purpose
    anecdotes: re.Pattern[str] | None = None  # "some reports describe": what some reports say, not the review's result
    not_claims: re.Pattern[str] | None = None  # calls for research and the like: no claim in the sentence
    background_headings: re.Pattern[str] | None = None  # headings whose sentences explain ("What is ...?")
    levels: Patterns = field(default_factory=list)  # the level words of a statement of certainty ("low")
    evidence_words: re.Pattern[str] | None = None  # "certainty", "quality", "evidence"
    question_starts: re.Pattern[str] | None = None  # "whether ...": a list item of a question
    result_headings: re.Pattern[str] | None = None  # words of headings of parts that report results, anywhere, read first
    generic_words: frozenset[str] = frozenset()  # words of intervention names that tell none apart ("therapy")
    qualifiers: re.Pattern[str] | None = None  # "during", "in the": a setting, subgroup or time that picks a result
    kinds: re.Pattern[str] | None = None  # "the type of": kinds of the intervention compared with each other
    measuring: re.Pattern[str] | None = None  # "to assess": the outcome after it is what was measured
    instruments: re.Pattern[str] | None = None  # "scales": "scales measuring cognition" names cognition as measured by them
    coordinators: re.Pattern[str] | None = None  # "and", "plus": join the parts of a combined intervention
    future_change: Patterns = field(default_factory=list)  # "may change": how likely further research is to change the results
    impersonal: re.Pattern[str] | None = None  # "there was", "was found": a result stated with no one acting
    # (a result's whole outcome name, the names of its opposite, a piece of text each of those names holds): "survival" for death
    opposites: list[tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]]] = field(default_factory=list)
    verbs: list[tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]]] = field(default_factory=list)  # "died" for deaths

    def asks(self, text: str) -> bool:
        """A sentence that asks rather than claims ("We wanted to find out if ...", "...?")."""
        if text.rstrip().endswith(("?", ":")):
            return True
        if self.question_starts is not None and self.question_starts.match(text):
            return True
        return self.questions is not None and self.questions.search(text) is not None

    def explains(self, heading: str | None) -> bool:
        """A part of the summary that gives background, aims or methods: its sentences claim nothing."""
        if not heading or self.background_headings is None:
            return False
        if self.result_headings is not None and self.result_headings.search(heading):
            return False
        return self.background_headings.search(heading) is not None


def is_range(key: Any) -> bool:
    """A key of `certainty` that names two levels ("low or very low"): words authors use for either."""
    return isinstance(key, str) and " or " in key and all(part in CERTAINTY_LEVELS for part in key.split(" or "))


def levels_of(meaning: str) -> set[str]:
    """The levels a certainty word stands for: {"low"}, or {"low", "very low"} for a range."""
    return set(meaning.split(" or "))


def levels_agree(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and bool(levels_of(a) & levels_of(b))


def _patterns(table: Any, levels: tuple[str, ...], where: str, problems: list[str], optional: tuple[str, ...] = ()) -> Patterns:
    if not isinstance(table, dict):
        problems.append(f"'{where}' must be a mapping of {' / '.join(levels)} to lists of phrases")
        return []
    out: list[tuple[str, str]] = []
    for level in (*levels, *optional):
        phrases = table.get(level)
        if phrases is None and level in optional:
            continue
        if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
            problems.append(f"'{where}' / '{level}' must be a list of phrases")
            continue
        out.extend((level, p.strip()) for p in phrases)
    for key in table:
        if key not in levels and key not in optional:
            problems.append(f"'{where}' has an unknown entry '{key}'; allowed: {', '.join((*levels, *optional))}")
    out.sort(key=lambda pair: -len(pair[1]))
    return [(level, re.compile(phrase(p), re.I)) for level, p in out]


def _words(data: dict[str, Any], key: str, problems: list[str]) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        problems.append(f"'{key}' must be a list of phrases")
        return []
    return [item.strip() for item in value]


def _starts(phrases: list[str]) -> re.Pattern[str] | None:
    """Phrases matched at the start of a heading."""
    if not phrases:
        return None
    return re.compile("|".join(r"^\W*" + phrase(p)[len(r"(?<![\w'’-])"):] for p in phrases), re.I)


def vocabulary_path(templates: TemplateFinder | None = None, language: str = "en") -> Path:
    from plainsum.grade.grid import grade_file

    return grade_file(templates, "claims.yaml", language)


def load_vocabulary(path: Path | None = None) -> Vocabulary:
    return _load_vocabulary(str(path or vocabulary_path()))


@lru_cache(maxsize=8)
def _load_vocabulary(path_text: str) -> Vocabulary:
    from plainsum.grade.grid import read_grade_file

    data, display = read_grade_file(path_text, "claim vocabulary")
    problems: list[str] = []
    if not isinstance(data, dict):
        data = {}
        problems.append("the claim vocabulary must be a mapping with 'certainty', 'effects' and 'negations'")
    table = data.get("certainty")
    ranges = tuple(key for key in table if is_range(key)) if isinstance(table, dict) else ()
    certainty = _patterns(table, CERTAINTY_LEVELS, "certainty", problems, ranges)
    effects = _patterns(data.get("effects"), EFFECTS, "effects", problems, OPTIONAL_EFFECTS)
    comparatives = _patterns(data["comparatives"], (), "comparatives", problems, COMPARATIVES) if "comparatives" in data else []
    levels = _patterns(data["levels"], (), "levels", problems, CERTAINTY_LEVELS) if "levels" in data else []
    future_ranges = tuple(key for key in data["future_change"] if is_range(key)) \
        if isinstance(data.get("future_change"), dict) else ()
    future_change = _patterns(data["future_change"], (), "future_change", problems, CERTAINTY_LEVELS + future_ranges) \
        if "future_change" in data else []
    negations = data.get("negations")
    if not isinstance(negations, list) or not all(isinstance(n, str) and n.strip() for n in negations):
        problems.append("'negations' must be a list of words")
        negations = ["not"]
    window = data.get("negation_window", 4)
    if isinstance(window, bool) or not isinstance(window, int) or window < 0:
        problems.append("'negation_window' must be a whole number of words")
        window = 4
    not_certainty = data.get("not_certainty", [])
    if not isinstance(not_certainty, list) or not all(isinstance(n, str) for n in not_certainty):
        problems.append("'not_certainty' must be a list of patterns")
        not_certainty = []
    try:
        exceptions = re.compile("|".join(rf"(?<!\w)(?:{p})(?!\w)" for p in not_certainty), re.I) if not_certainty else None
    except re.error as exc:
        problems.append(f"'not_certainty' has a pattern that is not a regular expression: {exc}")
        exceptions = None
    lists = {key: _words(data, key, problems) for key in ("questions", "stand_ins", "comparators", "undecided", "purposes", "anecdotes",
                                                           "not_claims", "background_headings", "evidence_words", "question_starts",
                                                           "generic_words", "result_headings", "qualifiers", "kinds", "measuring",
                                                           "instruments", "coordinators", "impersonal")}
    opposites = _outcome_phrases(data.get("opposites", []), problems)
    verbs = _outcome_phrases(data.get("verbs", []), problems, "verbs")
    if problems:
        raise InputError([Problem(display, 1, 1, f"claim vocabulary: {message}") for message in problems])
    negation = re.compile("|".join(phrase(word) if word[0].isalnum() else re.escape(word) for word in negations), re.I)
    headings = lists["background_headings"]
    return Vocabulary(
        certainty, exceptions, effects, negation, window, display, any_of(lists["questions"]),
        comparatives=comparatives,
        stand_ins=any_of(lists["stand_ins"]),
        comparators=any_of(lists["comparators"]),
        undecided=any_of(lists["undecided"]),
        purposes=any_of(lists["purposes"]),
        anecdotes=any_of(lists["anecdotes"]),
        not_claims=any_of(lists["not_claims"]),
        # a heading is matched from its start: "What is COPD?", not "What did we find out about ...?"
        background_headings=_starts(headings),
        levels=levels,
        evidence_words=any_of(lists["evidence_words"]),
        question_starts=re.compile(r"^[\W\d]*(?:" + "|".join(map(re.escape, lists["question_starts"])) + r")(?![\w'’-])", re.I)
        if lists["question_starts"] else None,
        generic_words=frozenset(word.lower() for word in lists["generic_words"]),
        # anywhere in the heading: "Study characteristics and key results" reports results
        result_headings=any_of(lists["result_headings"]),
        qualifiers=any_of(lists["qualifiers"]),
        kinds=any_of(lists["kinds"]),
        measuring=any_of(lists["measuring"]),
        instruments=any_of(lists["instruments"]),
        coordinators=any_of(lists["coordinators"]),
        future_change=future_change,
        opposites=opposites,
        verbs=verbs,
        impersonal=any_of(lists["impersonal"]),
    )


def _outcome_phrases(table: Any, problems: list[str], key: str = "opposites") -> list[tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]]]:
    """`opposites` (or `verbs`): a list of {outcome: a pattern of a result's outcome name, names: the phrases for
    its opposite (for the outcome as a verb)}, each with the first letters of its names' last words (a sentence
    holding none of them is not scanned)."""
    out = []
    if not isinstance(table, list):
        problems.append(f"'{key}' must be a list of {{outcome, names}}")
        return []
    for index, item in enumerate(table, 1):
        names = item.get("names") if isinstance(item, dict) else None
        outcome = item.get("outcome") if isinstance(item, dict) else None
        if not isinstance(outcome, str) or not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            problems.append(f"'{key}' entry {index} needs 'outcome' (a pattern) and 'names' (a list of phrases)")
            continue
        try:
            pattern = re.compile(outcome, re.I)
        except re.error as exc:
            problems.append(f"'{key}' entry {index}: 'outcome' is not a regular expression: {exc}")
            continue
        phrases = any_of([n.strip() for n in names])
        if phrases is not None:
            out.append((pattern, phrases, tuple(sorted({n.split()[-1].lower()[:5] for n in names}))))
    return out
