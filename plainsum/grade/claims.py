"""Reading what a sentence claims about a result: how sure it is, which way the effect goes, and
which results' outcomes it names. The words are data (grade/claims.yaml in the template search
path); the checks that compare a claim with the data are in plainsum.checks.results.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plainsum.grade.results import Result

from plainsum.grade.vocabulary import WORD_CHARS, Vocabulary, load_vocabulary, phrase, vocabulary_path

__all__ = ["Claim", "Hit", "Mention", "Vocabulary", "find_certainty", "intervention_spans", "load_vocabulary", "mentions",
           "name_patterns", "not_a_rating", "read_certainty", "read_claim", "vocabulary_path"]


@dataclass(frozen=True)
class Hit:
    """One phrase found in a sentence: what it means, where it is."""

    meaning: str
    start: int
    end: int
    text: str


@dataclass
class Claim:
    """What a sentence claims: certainty (None: no word for it), effect (None: no effect word)."""

    certainty: str | None
    certainty_hit: Hit | None
    effect: str | None
    effect_hit: Hit | None
    effects: list[Hit] = field(default_factory=list)
    negated: Hit | None = None  # a negation before the effect word
    certainties: list[Hit] = field(default_factory=list)

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


# The longest text read for claims: a "sentence" longer than this (a fuzzed one, a list with no full
# stop) is not a claim plainsum can weigh, and reading it costs every pattern of the vocabulary a scan.
MAX_CLAIM_CHARS = 10_000


def read_claim(text: str, vocabulary: Vocabulary, ignore: list[tuple[int, int]] | None = None) -> Claim:
    """What `text` claims; `ignore` are spans not to read (the names of outcomes and interventions,
    which may hold words such as 'lower' in 'lower back pain'). A text longer than MAX_CLAIM_CHARS
    is not read: no sentence is that long, and each of the vocabulary's patterns would scan it."""
    if len(text) > MAX_CLAIM_CHARS:
        return Claim(certainty=None, certainty_hit=None, effect=None, effect_hit=None, effects=[], negated=None, certainties=[])
    taken = list(ignore or [])
    if vocabulary.not_certainty is not None:
        taken.extend((m.start(), m.end()) for m in vocabulary.not_certainty.finditer(text))
    # effects first: "less likely" is an effect, not the certainty word "likely"
    effect_hits = _find(vocabulary.effects, text, list(taken))
    certainty_hits = find_certainty(vocabulary, text, list(taken) + [(hit.start, hit.end) for hit in effect_hits])
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
        certainties=certainty_hits,
    )


# "not very sure", "cannot be fully confident", "we were not quite certain": a denied degree of sureness
# is a low (or very low) one, whatever the adjective's own level (English wording, read before the list)
_NOT_SURE = re.compile(r"(?<![\w'’-])(?:not|cannot|can['’]t|can\s+not|never|n['’]t)\s+(?:be\s+|feel\s+)?"
                       r"(?:very|quite|fully|completely|entirely|totally|really|so|that|too|particularly|absolutely)\s+"
                       r"(?:sure|certain|confident)(?![\w'’-])", re.I)
# A level that states no certainty: under "no", "not ... any", "none of", "more", "further", "lack of"
# ("No high-quality evidence was found", "More high-certainty evidence is needed"), or wished for in its
# clause ("high-quality trials are required", "a need for high-quality evidence")
_NONE_OR_MORE = re.compile(r"(?<![\w'’-])(?:no|any|none\s+of(?:\s+the)?|more|further|additional|lack\s+of|lacks?|"
                           r"absence\s+of|need\s+for|needs?|call\s+for|without)\s+(?:[\w'’]+\s+)?$", re.I)
_WISHED_AFTER = re.compile(r"(?P<gap>[^.;:!?,()]{0,80}?)(?<![\w'’-])(?:(?:is|are|be|remains?|was|were)\s+(?:still\s+|urgently\s+|"
                           r"also\s+|now\s+|clearly\s+|therefore\s+)?)?(?:needed|required|warranted|necessary|lacking|missing)"
                           r"(?![\w'’-])", re.I)
# a gap with a verb or a conjunction of its own: the level is said, and something else is wished for
# ("the evidence was low and more is needed")
_NOT_JOINED = re.compile(r"(?<![\w'’-])(?:and|so|therefore|thus|because|which|but|while|whereas|although|as|is|are|was|were|"
                         r"has|have|had|be|been)(?![\w'’-])", re.I)
_LEVEL_WORD = re.compile(r"\b(?:very\s+low|low|moderate|high)\b", re.I)


def not_a_rating(text: str, start: int, end: int) -> bool:
    """Whether the level words at `start:end` state no certainty: denied, or wished for."""
    before = _NONE_OR_MORE.search(text, 0, start)
    if before is not None and not _LEVEL_WORD.search(text, before.start(), start):
        return True
    after = _WISHED_AFTER.match(text, end)
    return after is not None and not _NOT_JOINED.search(after.group("gap"))


def find_certainty(vocabulary: Vocabulary, text: str, taken: list[tuple[int, int]]) -> list[Hit]:
    """The certainty phrases of `text` not in `taken`: a denied degree of sureness first ("not very
    sure": low or very low), then the vocabulary's, leaving out ratings that state no certainty."""
    denied = [Hit("low or very low", m.start(), m.end(), m.group(0)) for m in _NOT_SURE.finditer(text)
              if not any(m.start() < e and s < m.end() for s, e in taken)]
    found = _find(vocabulary.certainty, text, list(taken) + [(h.start, h.end) for h in denied])
    kept = [h for h in found if not (_RATED.search(h.text) and not_a_rating(text, h.start, h.end))]
    return sorted(denied + kept, key=lambda hit: hit.start)


_RATED = re.compile(r"evidence|certainty|quality", re.I)


def read_certainty(text: str, vocabulary: Vocabulary) -> list[Hit]:
    """Every certainty phrase of `text`, longest first and not overlapping, leaving out the words used
    in another sense (`not_certainty`: "May 2020")."""
    taken: list[tuple[int, int]] = []
    if vocabulary.not_certainty is not None:
        taken.extend((m.start(), m.end()) for m in vocabulary.not_certainty.finditer(text))
    return find_certainty(vocabulary, text, taken)


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
            patterns.append(re.compile(phrase(variant), re.I))
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
