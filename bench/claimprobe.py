"""The claim reader on lay summaries nobody encoded: which sentences it reads as claims, and as what.

For a random sample of reviews of ../shared/corpus/cochrane-dev.jsonl.gz (none of bench/truth/reviews)
whose abstracts rate results with GRADE, results are made up from the text, roughly as an encoder
would write them: the intervention and comparator from the title ("X versus Y for Z", "X for Z"),
and for each GRADE-rated clause of the abstract's results an outcome named by the longest run of its
words (up to four) that the lay summary also uses, its certainty from the bracket and its direction
from the clause's effect word. Each sentence of the lay summary is then read by plainsum's claim
model (plainsum.grade.reading.read_summary, as the gate reads it, headings deciding what explains)
and counted: read as a claim, as a statement of certainty, as an explanation, or as neither.

With --show=N, N claim readings chosen at random (with --seed) are printed for judging by hand; the
tallies of such a reading are kept in BENCHMARKS.md (never the corpus text in the repository).

    python -m bench claimprobe [--limit=300] [--show=N] [--seed=8] [--dump=FILE]

--dump writes every sentence with its reading as JSON lines (outside the repository: it holds corpus text).
"""

from __future__ import annotations

import gzip
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from bench import CORPUS, corpus_present, option
from bench.claims import opening_bracket
from plainsum.grade.claims import load_vocabulary, read_claim
from plainsum.grade.reading import Reading, condition_of, opening_background, read_summary
from plainsum.grade.results import Result, Term
from plainsum.grade.vocabulary import Vocabulary
from plainsum.readability.textmodel import split_sentences

LABEL = re.compile(r"\b(high|moderate|low|very low)[- ](?:certainty|quality)\b", re.I)
RESULT_HEADINGS = ("main results", "synthesis of results", "results")
HEADING = re.compile(r"^#+\s*(.+)$", re.M)
TITLE_VERSUS = re.compile(r"^(.+?)\s+(?:versus|vs\.?|compared\s+(?:with|to))\s+(.+?)(?:\s+(?:for|in|to|after|during)\s+.*)?$", re.I)
TITLE_FOR = re.compile(r"^(.+?)\s+(?:for|in|to|after|during|among)\s+", re.I)
SMALL = {"a", "an", "the", "of", "in", "on", "to", "for", "with", "and", "or", "by", "at", "as", "than", "from", "that", "this",
         "these", "who", "which", "was", "were", "is", "are", "be", "been", "there", "may", "might", "probably", "likely",
         "little", "no", "not", "any", "difference", "differences", "reduce", "reduces", "reduced", "increase", "increases",
         "increased", "improve", "improves", "improved", "compared", "versus", "evidence", "people", "participants",
         "studies", "study", "trials", "we", "our", "it", "its", "their", "more", "less", "fewer", "lower", "higher",
         "make", "makes", "result", "results", "effect", "effects", "risk", "very", "uncertain", "whether", "about",
         "group", "groups", "comparison", "number", "treatment", "control", "placebo", "children", "women", "men", "adults",
         "patients", "between", "after", "before", "during", "when", "either", "both", "overall", "one", "two", "three",
         "usual", "care", "standard", "other", "all", "some", "those", "them", "had", "have", "has", "did"}


def _reviews(taken: set[str]) -> list[dict[str, Any]]:
    out = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("doi", "").lower() in taken or not record.get("pls"):
                continue
            main = " ".join(p.get("text") or "" for p in record.get("abstract") or []
                            if (p.get("heading") or "").strip().lower() in RESULT_HEADINGS)
            if len(LABEL.findall(main)) >= 3:
                out.append(record)
    return out


def _taken() -> set[str]:
    found = set()
    for path in (Path(__file__).resolve().parent / "truth" / "reviews").glob("*.yaml"):
        match = re.search(r"^doi:\s*(\S+)", path.read_text(encoding="utf-8"), re.M)
        if match:
            found.add(match.group(1).lower())
    return found


def _sentences(text: str) -> list[str]:
    out = []
    for paragraph in text.split("\n"):
        out.extend(paragraph[s:e].strip() for s, e in split_sentences(paragraph))
    return [s for s in out if s]


def _lay(record: dict[str, Any], vocabulary: Vocabulary) -> list[tuple[str, bool]]:
    pls = record["pls"]
    parts = [("", pls)] if isinstance(pls, str) else [((p.get("heading") or "").strip(), p.get("text") or "") for p in pls]
    out = []
    for heading, text in parts:
        explains = vocabulary.explains(heading)
        out.extend((sentence, explains) for sentence in _sentences(text))
    if isinstance(pls, str):  # no headings: as the gate reads it (plainsum.checks.claimreading)
        opening = opening_background([text for text, _ in out])
        out = [(text, explains or index < opening) for index, (text, explains) in enumerate(out)]
    return out


def _terms(title: str) -> tuple[Term, Term | None]:
    match = TITLE_VERSUS.match(title)
    if match:
        return Term(match.group(1), match.group(1)), Term(match.group(2), match.group(2))
    match = TITLE_FOR.match(title)
    name = match.group(1) if match else title
    return Term(name, name), Term("placebo or no treatment", "placebo or no treatment")


def _outcome_name(clause: str, lay: str, actors: set[str]) -> str | None:
    words = re.findall(r"[A-Za-z][\w'-]*", clause)
    best = None
    for size in (4, 3, 2, 1):
        for i in range(len(words) - size + 1):
            run = words[i:i + size]
            if run[0].lower() in SMALL or run[-1].lower() in SMALL or len(" ".join(run)) < 4:
                continue
            if any(w.lower() in actors for w in run):
                continue  # a word of the intervention's or comparator's name names no outcome
            if re.search(r"(?<![\w-])" + r"\s+".join(map(re.escape, run)) + r"(?![\w-])", lay, re.I):
                best = " ".join(run)
        if best:
            return best
    return None


def made_results(record: dict[str, Any], vocabulary: Vocabulary, lay: str) -> list[Result]:
    intervention, comparison = _terms(record.get("name") or "")
    results: list[Result] = []
    main = [p.get("text") or "" for p in record.get("abstract") or [] if (p.get("heading") or "").strip().lower() in RESULT_HEADINGS]
    for text in main:
        for sentence in _sentences(text):
            for match in LABEL.finditer(sentence):
                bracket = opening_bracket(sentence, match.start())
                if bracket < 0:
                    continue
                clause = re.split(r"[;:]|, (?:and|but|while|whereas) ", sentence[:bracket])[-1][-200:]
                effect_hit = read_claim(clause, vocabulary).effect_hit
                if effect_hit is not None:  # the outcome is named after the effect word ("reduces the need for X")
                    clause = clause[effect_hit.end:]
                actors = {w.lower() for term in (intervention, comparison) if term for w in re.findall(r"[\w'-]+", term.plain)
                          if len(w) > 3}
                name = _outcome_name(clause, lay, actors)
                if name is None or any(r.outcome.plain.lower() == name.lower() for r in results):
                    continue
                effect = effect_hit.meaning if effect_hit is not None else None
                direction = "increase" if effect in ("increase", "worsen") else "reduce"
                none = effect in (None, "none")
                results.append(Result(
                    id=f"r{len(results)}", outcome=Term(name, name), intervention=intervention, measure="RR",
                    estimate="1.00" if none else ("0.80" if direction == "reduce" else "1.25"),
                    ci_low="0.90" if none else "0.70", ci_high="1.10" if none else ("0.90" if direction == "reduce" else "1.40"),
                    studies=3, participants=300, certainty=match.group(1).lower(),
                    size="little or no difference" if none else "moderate", direction=None if none else direction,
                    better="higher" if effect in ("improve", "worsen") else "lower", comparison=comparison))
    return results


def _describe(reading: Reading) -> str:
    if reading.kind != "claim":
        return f"{reading.kind}: {reading.why}"
    out = []
    for claim in reading.claims:
        effect = claim.effect.meaning if claim.effect else "-"
        if claim.negated is not None:
            effect = f"not {effect}"
        said = claim.certainty_hit.text if claim.certainty_hit else ""
        out.append(f"[{claim.outcome.text}] effect={effect} certainty={claim.certainty} ({claim.certainty_source}"
                   f"{': ' + said if said else ''}) undecided={bool(claim.undecided)}")
    return "claim: " + "; ".join(out)


def main(argv: list[str]) -> int:
    if not corpus_present():
        print("claimprobe: the corpus is not present (../shared/corpus)")
        return 0
    limit = int(option(argv, "limit", "300"))
    show = int(option(argv, "show", "0"))
    seed = int(option(argv, "seed", "8"))
    vocabulary = load_vocabulary()
    pool = _reviews(_taken())
    sample = random.Random(seed).sample(pool, min(limit, len(pool)))
    kinds: Counter[str] = Counter()
    claims = 0
    shown: list[tuple[str, str, bool, str]] = []
    for record in sample:
        lay = _lay(record, vocabulary)
        results = made_results(record, vocabulary, " ".join(t for t, _ in lay))
        if not results:
            kinds["review without results made"] += 1
            continue
        condition = condition_of(record.get("name") or "")  # the review's title, as the gate reads it
        for (text, explains), reading in zip(lay, read_summary(lay, results, vocabulary, (), condition), strict=True):
            kinds[reading.kind] += 1
            claims += len(reading.claims)
            shown.append((record["doi"], text, explains, _describe(reading)))
    print(f"== claimprobe: {len(sample)} reviews (seed {seed}, pool {len(pool)}); sentences read as: "
          + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) + f"; claims {claims}")
    dump = option(argv, "dump")
    if dump:  # every sentence's reading, to compare two trees' readings (outside the repository: it holds corpus text)
        with open(dump, "w", encoding="utf-8") as handle:
            for doi, text, explains, described in shown:
                handle.write(json.dumps({"doi": doi, "text": text, "explains": explains, "reading": described}) + "\n")
    if show:
        picked = [s for s in shown if s[3].startswith(("claim", "statement"))]
        for doi, text, _explains, described in random.Random(seed).sample(picked, min(show, len(picked))):
            print(f"\n{doi}\n  {text}\n  -> {described}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
