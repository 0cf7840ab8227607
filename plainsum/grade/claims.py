"""Reading what a sentence claims about a result: how sure it is, which way the effect goes, and
which results' outcomes it names. The words are data (grade/claims.yaml in the template search
path); the checks that compare a claim with the data are in plainsum.checks.results.
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
    from plainsum.grade.results import Result

CERTAINTY_LEVELS = ("very low", "low", "moderate", "high")
EFFECTS = ("none", "reduce", "increase", "improve", "worsen")
WORD_CHARS = r"[\w'’-]"


@dataclass(frozen=True)
class Hit:
    """One phrase found in a sentence: what it means, where it is."""

    meaning: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Vocabulary:
    certainty: list[tuple[str, re.Pattern[str]]]  # (level, phrase pattern), longest phrase first
    not_certainty: re.Pattern[str] | None
    effects: list[tuple[str, re.Pattern[str]]]
    negation: re.Pattern[str]
    negation_window: int
    path: str
    questions: re.Pattern[str] | None = None

    def asks(self, text: str) -> bool:
        """A sentence that asks rather than claims ("We wanted to find out if ...", "...?")."""
        return text.rstrip().endswith("?") or (self.questions is not None and self.questions.search(text) is not None)


@dataclass
class Claim:
    """What a sentence claims: certainty (None: no word for it), effect (None: no effect word)."""

    certainty: str | None
    certainty_hit: Hit | None
    effect: str | None
    effect_hit: Hit | None
    effects: list[Hit] = field(default_factory=list)
    negated: Hit | None = None  # a negation before the effect word

    @property
    def implied_certainty(self) -> str | None:
        """A sentence that claims an effect in plain verbs, with no hedge, claims high certainty."""
        if self.certainty is not None:
            return self.certainty
        return "high" if self.effect is not None else None

    @property
    def mixed(self) -> bool:
        """More than one kind of effect in the sentence (after 'none', which reads first)."""
        return len({hit.meaning for hit in self.effects}) > 1


def _phrase(text: str) -> str:
    """A phrase as a pattern: whole words, any run of spaces, straight or curly apostrophes."""
    words = [re.escape(word).replace("'", "['’]") for word in text.split()]
    return r"(?<![\w'’-])" + r"\s+".join(words) + r"(?![\w'’-])"


def _patterns(table: Any, levels: tuple[str, ...], where: str, problems: list[str]) -> list[tuple[str, re.Pattern[str]]]:
    if not isinstance(table, dict):
        problems.append(f"'{where}' must be a mapping of {' / '.join(levels)} to lists of phrases")
        return []
    out: list[tuple[str, str]] = []
    for level in levels:
        phrases = table.get(level)
        if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
            problems.append(f"'{where}' / '{level}' must be a list of phrases")
            continue
        out.extend((level, phrase.strip()) for phrase in phrases)
    for key in table:
        if key not in levels:
            problems.append(f"'{where}' has an unknown entry '{key}'; allowed: {', '.join(levels)}")
    out.sort(key=lambda pair: -len(pair[1]))
    return [(level, re.compile(_phrase(phrase), re.I)) for level, phrase in out]


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
    certainty = _patterns(data.get("certainty"), CERTAINTY_LEVELS, "certainty", problems)
    effects = _patterns(data.get("effects"), EFFECTS, "effects", problems)
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
    questions = data.get("questions", [])
    if not isinstance(questions, list) or not all(isinstance(q, str) and q.strip() for q in questions):
        problems.append("'questions' must be a list of phrases")
        questions = []
    if problems:
        raise InputError([Problem(display, 1, 1, f"claim vocabulary: {message}") for message in problems])
    asking = re.compile("|".join(_phrase(q) for q in questions), re.I) if questions else None
    negation = re.compile("|".join(_phrase(word) if word[0].isalnum() else re.escape(word) for word in negations), re.I)
    return Vocabulary(certainty, exceptions, effects, negation, window, display, asking)


def _find(patterns: list[tuple[str, re.Pattern[str]]], text: str, taken: list[tuple[int, int]]) -> list[Hit]:
    """Non-overlapping hits, longest phrase first, in the order they appear."""
    hits: list[Hit] = []
    for meaning, pattern in patterns:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            taken.append((match.start(), match.end()))
            hits.append(Hit(meaning, match.start(), match.end(), match.group(0)))
    return sorted(hits, key=lambda hit: hit.start)


def read_claim(text: str, vocabulary: Vocabulary, ignore: list[tuple[int, int]] | None = None) -> Claim:
    """What `text` claims; `ignore` are spans not to read (the names of outcomes and interventions,
    which may hold words such as 'lower' in 'lower back pain')."""
    taken = list(ignore or [])
    if vocabulary.not_certainty is not None:
        taken.extend((m.start(), m.end()) for m in vocabulary.not_certainty.finditer(text))
    # effects first: "less likely" is an effect, not the certainty word "likely"
    effect_hits = _find(vocabulary.effects, text, list(taken))
    certainty_hits = _find(vocabulary.certainty, text, list(taken) + [(hit.start, hit.end) for hit in effect_hits])
    certainty = certainty_hits[0] if certainty_hits else None
    effect = effect_hits[0] if effect_hits else None
    negated = None
    if effect is not None and effect.meaning != "none":
        before = text[: effect.start]
        words = list(re.finditer(WORD_CHARS + r"+|n't", before))[-vocabulary.negation_window - 1 :]
        window_start = words[0].start() if words else effect.start
        for match in vocabulary.negation.finditer(before, window_start):
            if not any(s <= match.start() < e for s, e in taken):
                negated = Hit("negation", match.start(), match.end(), match.group(0))
                break
    return Claim(
        certainty=certainty.meaning if certainty else None,
        certainty_hit=certainty,
        effect=effect.meaning if effect else None,
        effect_hit=effect,
        effects=effect_hits,
        negated=negated,
    )


def intervention_spans(text: str, results: list[Result]) -> list[tuple[int, int]]:
    """Where `text` names the results' interventions (not read as claims: "lower-dose aspirin")."""
    spans: list[tuple[int, int]] = []
    names = {name for result in results for name in (result.intervention.plain, result.intervention.technical)}
    for name in names:
        spans.extend(m.span() for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text, re.I))
    return spans


# --- which results a sentence names -----------------------------------------------------------

_LEADING_ARTICLE = re.compile(r"^(?:the|a|an|their|its|how many people|how many)\s+", re.I)


def name_patterns(result: Result) -> list[re.Pattern[str]]:
    """Patterns for each name of the result's outcome, with and without a leading article."""
    patterns = []
    for name in result.names():
        variants = {name.strip()}
        stripped = _LEADING_ARTICLE.sub("", name.strip())
        if len(stripped) >= 4:
            variants.add(stripped)
        for variant in sorted(variants, key=len, reverse=True):
            patterns.append(re.compile(_phrase(variant), re.I))
    return patterns


@dataclass(frozen=True)
class Mention:
    result: Result
    start: int
    end: int
    text: str


def mentions(text: str, results: list[Result]) -> list[Mention]:
    """The results whose outcome `text` names, the longest name winning where names overlap."""
    found: list[Mention] = []
    for result in results:
        for pattern in name_patterns(result):
            for match in pattern.finditer(text):
                found.append(Mention(result, match.start(), match.end(), match.group(0)))
    found.sort(key=lambda m: (-(m.end - m.start), m.start))
    kept: list[Mention] = []
    for mention in found:
        if not any(mention.start < other.end and other.start < mention.end for other in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)
