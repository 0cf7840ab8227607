"""Claim checks on real reviews: do the lay summary's claims agree with the abstract's certainty and direction?

For each review of ../shared/corpus/cochrane-dev.jsonl.gz whose abstract states the certainty of
its outcomes ("...; moderate-certainty evidence)" or "moderate-quality evidence"), the abstract's
results sentences give outcomes: the words of the clause before each such bracket, its certainty
and its effect (read from the clause with plainsum's claim vocabulary). Each sentence of the lay
summary that claims something (a certainty word or an effect word) is matched to the abstract
outcome whose words it shares most (at least two content words, one best match), and compared as
plainsum's results checks compare a sentence with a result: certainty level, and effect (none
against an effect, a reduction against an increase). No results data is needed, only the text.

The obvious alternative, in the same run: without matching outcomes, a lay sentence disagrees when
its certainty level is none of the levels its abstract states. The ratio of disagreements says how
much the outcome matching narrows what a reader must look at.

    python -m bench claims [--limit=N] [--show=N] [--seed=S]

--show prints N findings chosen at random (with --seed) for reading by hand (BENCHMARKS.md).
"""

from __future__ import annotations

import gzip
import json
import random
import re
import sys
import time
from dataclasses import dataclass

from bench import CORPUS, corpus_present, option
from plainsum.grade.claims import load_vocabulary, read_claim
from plainsum.readability.textmodel import split_sentences

LABEL = re.compile(r"\b(high|moderate|low|very low)[- ](?:certainty|quality|certain)\b(?:[- ]evidence)?", re.I)
RESULT_HEADINGS = ("main results", "synthesis of results", "results", "key results")
STOP = {"a", "an", "the", "of", "in", "on", "to", "for", "with", "and", "or", "by", "from", "at", "as", "is", "are",
        "was", "were", "be", "been", "that", "this", "these", "those", "it", "its", "their", "there", "than", "then",
        "who", "whom", "which", "what", "when", "where", "how", "why", "we", "our", "us", "they", "them", "people",
        "person", "participants", "patients", "studies", "study", "trials", "trial", "evidence", "certainty",
        "quality", "low", "moderate", "high", "very", "may", "might", "probably", "likely", "could", "effect",
        "effects", "difference", "differences", "compared", "comparison", "versus", "vs", "no", "not", "little",
        "any", "more", "less", "fewer", "result", "results", "outcome", "outcomes", "about", "after", "before",
        "between", "during", "among", "other", "others", "such", "also", "reduce", "reduces", "reduced", "increase",
        "increases", "increased", "improve", "improves", "improved", "risk", "rate", "rates", "number", "numbers",
        "group", "groups", "treatment", "treatments", "intervention", "interventions", "rr", "md", "smd", "ci",
        "hr", "mean", "ratio", "confidence", "interval", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten"}


@dataclass
class Outcome:
    words: set[str]
    certainty: str
    effect: str | None
    clause: str


@dataclass
class Disagreement:
    doi: str
    kind: str  # "certainty" or "direction"
    lay: str
    outcome: Outcome
    claimed: str


def content_words(text: str) -> set[str]:
    words = {w.lower().strip("'") for w in re.findall(r"[A-Za-z][A-Za-z'-]+", text)}
    return {w.rstrip("s") for w in words if w not in STOP and len(w) > 2}


def sentences(text: str) -> list[str]:
    """Sentences, never across a line break (the corpus separates paragraphs with newlines)."""
    out = []
    for paragraph in text.split("\n"):
        out.extend(paragraph[start:end].strip() for start, end in split_sentences(paragraph))
    return [s for s in out if s]


def opening_bracket(text: str, position: int) -> int:
    """The '(' that opens the bracket around `position` ('(RR 0.7 (0.5 to 0.9); low-certainty evidence)')."""
    depth = 0
    for index in range(position - 1, -1, -1):
        if text[index] == ")":
            depth += 1
        elif text[index] == "(":
            if depth == 0:
                return index
            depth -= 1
    return -1


def abstract_outcomes(record: dict, vocabulary) -> list[Outcome]:
    outcomes = []
    for part in record.get("abstract") or []:
        if (part.get("heading") or "").strip().lower() not in RESULT_HEADINGS:
            continue
        for sentence in sentences(part.get("text") or ""):
            for match in LABEL.finditer(sentence):
                bracket = opening_bracket(sentence, match.start())
                if bracket < 0:
                    continue
                before = sentence[:bracket]
                clause = re.split(r"[;:]|, (?:and|but|while|whereas) |\. ", before)[-1]
                clause = clause[-200:]
                words = content_words(clause)
                if len(words) < 1:
                    continue
                claim = read_claim(clause, vocabulary)
                outcomes.append(Outcome(words, match.group(1).lower(), claim.effect, clause.strip()))
    return outcomes


# Sections of a sectioned lay summary that report results (the others give background and methods).
LAY_RESULT_HEADINGS = re.compile(r"key (?:results|messages|findings)|what did we find|results|quality|certainty|conclusion", re.I)


def lay_texts(record: dict) -> list[str]:
    pls = record.get("pls")
    if isinstance(pls, str):
        return [pls]
    return [part.get("text") or "" for part in pls or [] if LAY_RESULT_HEADINGS.search(part.get("heading") or "")]


def direction_disagrees(claimed: str, actual: str | None) -> bool:
    if actual is None or claimed == actual:
        return False
    if "none" in (claimed, actual):
        return True
    opposite = {("reduce", "increase"), ("increase", "reduce"), ("improve", "worsen"), ("worsen", "improve")}
    return (claimed, actual) in opposite


def review_findings(record: dict, vocabulary) -> tuple[list[Disagreement], int, int, int]:
    """(disagreements, lay claims matched, lay claims, naive disagreements) for one review."""
    outcomes = abstract_outcomes(record, vocabulary)
    if not outcomes:
        return [], 0, 0, 0
    levels = {o.certainty for o in outcomes}
    found: list[Disagreement] = []
    matched = claims = naive = 0
    for text in lay_texts(record):
        for sentence in sentences(text):
            if vocabulary.asks(sentence):
                continue
            claim = read_claim(sentence, vocabulary)
            if claim.certainty is None and claim.effect is None:
                continue
            claims += 1
            if claim.certainty is not None and claim.certainty not in levels:
                naive += 1
            words = content_words(sentence)
            scored = sorted(((len(words & o.words), i) for i, o in enumerate(outcomes)), reverse=True)
            best, index = scored[0]
            if best < min(2, len(outcomes[index].words)) or (len(scored) > 1 and scored[1][0] == best
                                                             and outcomes[scored[1][1]].certainty != outcomes[index].certainty):
                continue
            matched += 1
            outcome = outcomes[index]
            if claim.negated is not None or claim.mixed:
                continue
            implied = claim.implied_certainty
            if implied is not None and implied != outcome.certainty:
                kind = "certainty" if claim.certainty is not None else "certainty (plain verb)"
                found.append(Disagreement(record.get("doi") or "?", kind, sentence, outcome, implied))
            elif claim.effect is not None and direction_disagrees(claim.effect, outcome.effect):
                found.append(Disagreement(record.get("doi") or "?", "direction", sentence, outcome, claim.effect))
    return found, matched, claims, naive


def main(argv: list[str]) -> int:
    if not corpus_present():
        return 2
    limit = int(option(argv, "limit", "0") or 0)
    show = int(option(argv, "show", "0") or 0)
    seed = int(option(argv, "seed", "11") or 11)
    vocabulary = load_vocabulary()
    reviews = with_outcomes = 0
    matched = claims = naive = 0
    findings: list[Disagreement] = []
    clock = time.perf_counter()
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if limit and number >= limit:
                break
            record = json.loads(line)
            reviews += 1
            found, m, c, n = review_findings(record, vocabulary)
            if m or found or abstract_outcomes(record, vocabulary):
                with_outcomes += 1
            findings.extend(found)
            matched, claims, naive = matched + m, claims + c, naive + n
    seconds = time.perf_counter() - clock
    by_kind = {kind: sum(1 for f in findings if f.kind == kind) for kind in ("certainty", "certainty (plain verb)", "direction")}
    flagged_reviews = len({f.doi for f in findings})
    print(f"reviews read: {reviews}; with outcomes stated with a certainty in the abstract: {with_outcomes}")
    print(f"lay-summary sentences that claim a certainty or an effect: {claims}; matched to one abstract outcome: {matched}")
    print(f"disagreements: {len(findings)} in {flagged_reviews} reviews (certainty word {by_kind['certainty']}, "
          f"unhedged verb where the abstract is not high {by_kind['certainty (plain verb)']}, direction {by_kind['direction']}); "
          f"{len(findings) / max(matched, 1):.1%} of matched claims")
    print(f"naive alternative (a certainty word at a level the abstract never states, no matching): {naive} sentences; "
          f"ratio naive / matched findings {naive / max(len(findings), 1):.2f}")
    print(f"time: {seconds:.1f} s ({1000 * seconds / max(reviews, 1):.1f} ms per review)")
    if show:
        sample = random.Random(seed).sample(findings, min(show, len(findings)))
        for index, finding in enumerate(sample, start=1):
            print(f"\n[{index}] {finding.doi} {finding.kind}: lay claims {finding.claimed}; abstract: "
                  f"{finding.outcome.certainty}, effect {finding.outcome.effect}")
            print(f"    lay:      {finding.lay}")
            print(f"    abstract: {finding.outcome.clause}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
