"""The wording checks of lay summaries of trial results (trial.promotional, trial.frequencies, trial.single-trial)
on real lay text: the 2,971 lay summaries of ../shared/corpus/cochrane-dev.jsonl.gz.

Cochrane's lay summaries are not trial results, but they are real lay health writing by many authors about
treatments, harms and their frequencies: what the checks find there is what they would find in a sponsor's
summary written the same way.

- Findings: each check's findings per 1,000 sentences, and the phrases it flagged most. With --show=N,
  N findings of each check chosen at random (--seed) are printed to be read by hand (precision, in
  BENCHMARKS.md, is the share of those a reader agrees with).
- Recall on seeded errors: --seeds=N sentences chosen at random get one error each, as a writer would make
  it: a promotional phrase put before their first noun phrase ("This breakthrough treatment ..."), a natural
  frequency turned into a percentage ("12 out of 100 people" -> "12% of people") in sentences about harms,
  and a summary's single-trial statement taken out. Recall is the share the check finds.
- The obvious alternative, in the same run: a plain list of the promotional words without the negation
  rule ("there is no cure" flagged too), to show what the rule saves.

    python -m bench trialwording [--limit=N] [--show=N] [--seeds=N] [--seed=S]
"""

from __future__ import annotations

import gzip
import json
import random
import re
import sys
import time
from collections import Counter

from bench import CORPUS, corpus_present, option
from plainsum.checks.trial import _negated, _outcome_name, frequency_hit, says_single_trial, wording
from plainsum.readability.textmodel import split_sentences

PROMOTIONAL_SEEDS = ("This breakthrough treatment", "This safe and effective treatment", "This proven treatment")


def _summaries(limit: int | None) -> list[str]:
    texts = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            pls = record.get("pls")
            if isinstance(pls, list):
                text = "\n\n".join(str(part.get("text") or "") for part in pls if isinstance(part, dict))
            else:
                text = str(pls or "")
            if text.strip():
                texts.append(text)
            if limit is not None and len(texts) >= limit:
                break
    return texts


def promotional_hits(sentence: str, negation: bool = True) -> list[str]:
    found = wording("en")
    assert found is not None and found.promotional_pattern is not None
    return [m.group(0) for m in found.promotional_pattern.finditer(sentence)
            if not (negation and (_negated(found, sentence, m.start()) or _outcome_name(found, sentence, m.end())))]


def frequency_found(sentence: str) -> str | None:
    """What trial.frequencies flags in a sentence (the check's own rule)."""
    found = wording("en")
    assert found is not None
    hit = frequency_hit(found, sentence)
    return hit[1] if hit is not None else None


def _sentences(text: str) -> list[str]:
    return [p[a:b] for p in text.split("\n") for a, b in split_sentences(p)]


def single_trial(sentences: list[str]) -> bool:
    found = wording("en")
    assert found is not None
    return says_single_trial(found, sentences)


# How sponsors' lay summaries say it (the first is plainsum's own suggestion).
STATEMENTS = (
    "The results of this trial may differ from the results of other trials.",
    "This summary only shows the results from this one study. Other studies may find different results.",
    "This is only one trial; other trials may have different results.",
    "The results of a single trial do not tell the whole story: other trials may find something different.",
    "It is important to know that the results of this study may be different from other studies.",
    "Researchers look at the results of many studies to decide which medicines work best.",
)


NATURAL = re.compile(r"\b(\d{1,3}) (?:out of|in) (?:every )?100 (people|participants|patients|women|men|children)\b")


def main(argv: list[str]) -> int:
    if not corpus_present():
        return 2
    limit = int(option(argv, "limit") or 0) or None
    show = int(option(argv, "show") or 0)
    seeds = int(option(argv, "seeds") or 200)
    rng = random.Random(int(option(argv, "seed") or 27))
    started = time.perf_counter()
    texts = _summaries(limit)
    paragraphs = [p for text in texts for p in text.split("\n") if p.strip()]
    sentences = [part[a:b] for part in paragraphs for a, b in split_sentences(part)]
    promotional: list[tuple[str, str]] = []
    naive = 0
    frequencies: list[tuple[str, str]] = []
    for sentence in sentences:
        promotional += [(hit, sentence) for hit in promotional_hits(sentence)]
        naive += len(promotional_hits(sentence, negation=False))
        hit = frequency_found(sentence)
        if hit is not None:
            frequencies.append((hit, sentence))
    with_statement = sum(single_trial(_sentences(t)) for t in texts)
    elapsed = time.perf_counter() - started
    per = 1000 / max(len(sentences), 1)
    print(f"lay summaries: {len(texts)}, sentences: {len(sentences)}, {elapsed:.1f} s")
    print(f"trial.promotional: {len(promotional)} findings ({len(promotional) * per:.2f} per 1,000 sentences); "
          f"without the negation rule {naive} ({naive * per:.2f}): the rule sets aside {naive - len(promotional)}")
    print("  most flagged: " + ", ".join(f"{w} {n}" for w, n in Counter(h.lower() for h, _ in promotional).most_common(8)))
    print(f"trial.frequencies: {len(frequencies)} findings ({len(frequencies) * per:.2f} per 1,000 sentences)")
    print("  most flagged: " + ", ".join(f"{w} {n}" for w, n in Counter(h.lower() for h, _ in frequencies).most_common(8)))
    print(f"trial.single-trial: {with_statement} of {len(texts)} summaries have a sentence naming one trial/review and "
          f"other trials together (Cochrane summaries are not of one trial: most are expected to lack it)")

    # recall on seeded errors
    clean = [s for s in sentences if not promotional_hits(s) and s[:1].isupper() and len(s.split()) > 6]
    chosen = rng.sample(clean, min(seeds, len(clean)))
    found_promotional = 0
    for index, sentence in enumerate(chosen):
        seeded = f"{PROMOTIONAL_SEEDS[index % len(PROMOTIONAL_SEEDS)]} was studied. {sentence}"
        found_promotional += bool(promotional_hits(seeded))
    harms = [s for s in sentences if NATURAL.search(s) and wording("en").side_effects.search(s)]  # type: ignore[union-attr]
    seeded_harms = [NATURAL.sub(lambda m: f"{m.group(1)}% of {m.group(2)}", s, count=1) for s in harms]
    seeded_harms = [s for s in seeded_harms if not (wording("en").natural_frequency.search(s))]  # type: ignore[union-attr]
    found_frequencies = sum(frequency_found(s) is not None for s in seeded_harms)
    print(f"recall, seeded: trial.promotional {found_promotional} of {len(chosen)}; trial.frequencies "
          f"{found_frequencies} of {len(seeded_harms)} harm sentences with a natural frequency turned into a percentage")
    sample = rng.sample(texts, min(seeds, len(texts)))
    flagged = sum(not single_trial(_sentences(t)) for t in sample)
    print(f"trial.single-trial: {flagged} of {len(sample)} summaries without the statement are flagged; with one of "
          f"{len(STATEMENTS)} wordings added at the end:")
    for statement in STATEMENTS:
        passed = sum(single_trial(_sentences(t + "\n" + statement)) for t in sample)
        print(f"  {passed} of {len(sample)} pass: {statement}")
    for name, findings in (("trial.promotional", promotional), ("trial.frequencies", frequencies)):
        for hit, sentence in rng.sample(findings, min(show, len(findings))):
            print(f"\n[{name}] '{hit}': {sentence}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
