"""Plain-language checks on the shared corpus: speed, and whether they tell abstracts from lay summaries.

For every review of ../shared/corpus/cochrane-dev.jsonl.gz, the abstract and the lay summary are
scored and run through the free-text plain-language checks (jargon, rare words, abbreviations,
passive voice, long sentences). It prints the time per text, the median number of findings per
100 words for abstracts and for lay summaries (the checks are useful only if abstracts come out
well above lay summaries), and, for the lay summaries written in the 2021 template, how many meet
its headings, key-message and length rules.

    python -m bench plain [--limit=N]
"""

from __future__ import annotations

import gzip
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench import CORPUS, corpus_present, option
from plainsum.checks.cochrane import HEADINGS
from plainsum.checks.plain import (
    abbreviation_marks,
    jargon_marks,
    long_sentence_marks,
    passive_marks,
    rare_word_marks,
    words_in,
)
from plainsum.gate.settings import load_config
from plainsum.readability.score import score_markdown

FINDERS = {
    "jargon": jargon_marks,
    "rare-word": rare_word_marks,
    "abbreviation": abbreviation_marks,
    "passive": passive_marks,
    "long-sentence": long_sentence_marks,
}


def _markdown(sections: list[dict[str, str]] | str) -> str:
    if isinstance(sections, str):
        return sections
    parts = []
    for section in sections:
        if section.get("heading"):
            parts.append(f"## {section['heading'].strip()}")
        parts.append(section.get("text") or "")
    return "\n\n".join(parts)


def _rules_2021(pls: list[dict[str, str]]) -> dict[str, bool]:
    headings = [s["heading"].strip() for s in pls if s.get("heading")]
    index = -1
    in_order = True
    for _, pattern in HEADINGS:
        found = [i for i, h in enumerate(headings) if pattern.match(h)]
        later = [i for i in found if i > index]
        if not later:
            in_order = False
            break
        index = later[0]
    key = next((s["text"] for s in pls if s.get("heading", "").strip().lower().startswith("key message")), "")
    messages = [line for line in key.splitlines() if line.strip()]
    words = sum(words_in(s.get("text") or "") for s in pls)
    return {"headings": in_order, "key messages": 2 <= len(messages) <= 3, "length": 400 <= words <= 850}


def main(argv: list[str]) -> int:
    limit = int(option(argv, "limit") or 0) or None
    if not corpus_present():
        return 2
    config = load_config(Path(tempfile.mkdtemp(prefix="plainsum-bench-")))
    rates: dict[str, dict[str, list[float]]] = {kind: {name: [] for name in FINDERS} for kind in ("abstract", "summary")}
    rules: list[dict[str, bool]] = []
    texts = 0
    seconds = 0.0  # the checks
    scoring = 0.0  # plainsum's text model and figures, for scale
    with gzip.open(CORPUS, "rt", encoding="utf-8") as stream:
        for number, line in enumerate(stream):
            if limit is not None and number >= limit:
                break
            review = json.loads(line)
            pls = review.get("pls")
            for kind, text in (("abstract", _markdown(review["abstract"])), ("summary", _markdown(pls))):
                if not text.strip():
                    continue
                started = time.perf_counter()
                scored = score_markdown(text)
                scored_at = time.perf_counter()
                found = {name: len(finder(scored, config)) for name, finder in FINDERS.items()}
                scoring += scored_at - started
                seconds += time.perf_counter() - scored_at
                texts += 1
                words = max(1, sum(words_in(s.text) for s in scored.sentences))
                for name, count in found.items():
                    rates[kind][name].append(100.0 * count / words)
            if review.get("pls_type") == "sectioned" and any(
                (s.get("heading") or "").strip().lower().startswith("key message") for s in pls
            ):
                rules.append(_rules_2021(pls))
    print(f"texts: {texts}; checks {seconds:.1f} s ({1000 * seconds / max(texts, 1):.1f} ms per text); "
          f"scoring {scoring:.1f} s ({1000 * scoring / max(texts, 1):.1f} ms per text)")
    print("median findings per 100 words   abstract   lay summary")
    for name in FINDERS:
        a = statistics.median(rates["abstract"][name]) if rates["abstract"][name] else 0.0
        s = statistics.median(rates["summary"][name]) if rates["summary"][name] else 0.0
        print(f"  {name:<30} {a:8.2f}   {s:8.2f}")
    if rules:
        print(f"lay summaries with a Key messages section: {len(rules)}")
        for rule in ("headings", "key messages", "length"):
            met = sum(1 for r in rules if r[rule])
            print(f"  meet the 2021 rule on {rule:<13} {met:5d} ({100 * met / len(rules):.0f}%)")
        all_met = sum(1 for r in rules if all(r.values()))
        print(f"  meet all three                    {all_met:5d} ({100 * all_met / len(rules):.0f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
