"""Score every text of the shared corpus with plainsum and with textstat, in the same run.

    python -m bench scoring [--limit=N] [--spot=N] [--splitter-limit=N] [--disagreements=N] [--interleave=K]

--limit=N scores the first N reviews only; --spot=N prints N random sentence boundaries of abstracts
(after sentences that end in figures) so a reader can check them. The splitter comparison with pySBD
runs on the paragraphs of the first --splitter-limit reviews (default 500; pySBD is slow, so the
whole corpus takes minutes), and --disagreements=N prints N paragraphs the two split differently.
The per-language run scores the texts of bench/language_texts.py in each supported language; then the
hand-marked gold paragraphs of es, fr and de are split by plainsum and by pySBD in that language, and the
hand-known words of each language are counted by plainsum's rules, the registry's syllabifiers for Spanish
and Portuguese, and pyphen (bench/gold.py).

The corpus holds 2,971 Cochrane reviews; each gives two texts: its abstract (the section texts
joined as paragraphs) and its lay summary (sections joined, or the one long text with each line a
paragraph). plainsum scores each text fully (text model, counts, every formula, per-section and
per-sentence figures, as a build does); textstat computes the same formulas and counts. The run
prints both times, the ratio, the median Flesch-Kincaid grade of abstracts and of lay summaries under
each tool, and how often the two sentence counts differ. Times are CPU seconds of this process
(time.process_time): the machine is shared, and wall time measured the other engineers' load too.

--interleave=K times the same three passes in K turns: the texts cut into K consecutive parts, and each part
scored by plainsum, then the floor, then textstat before the next part, each pass's times summed. Every pass does
the same work as in one go (plainsum's word caches and the floor's word table are kept from part to part, so each
is learnt once, in its timed pass), but a change in the machine's load during the run falls on all three rather than
on whichever pass was running: on a shared machine the ratios then move less from run to run.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import statistics
import sys
import time
from pathlib import Path

from bench import CORPUS, corpus_present, option

TEXTSTAT_FUNCTIONS = (
    "lexicon_count", "sentence_count", "syllable_count", "flesch_kincaid_grade", "flesch_reading_ease",
    "smog_index", "gunning_fog", "coleman_liau_index", "automated_readability_index",
    "dale_chall_readability_score", "linsear_write_formula",
)


def _paragraphs(text: str) -> str:
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def corpus_texts(path: Path = CORPUS, limit: int | None = None) -> list[tuple[str, str]]:
    """(kind, text) pairs: 'abstract' and 'summary' for each review, in corpus order."""
    texts: list[tuple[str, str]] = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if limit is not None and number >= limit:
                break
            review = json.loads(line)
            abstract = "\n\n".join(_paragraphs(part.get("text") or "") for part in review.get("abstract") or [])
            pls = review.get("pls") or ""
            if isinstance(pls, list):
                summary = "\n\n".join(_paragraphs(part.get("text") or "") for part in pls)
            else:
                summary = _paragraphs(pls)
            texts.append(("abstract", abstract))
            texts.append(("summary", summary))
    return texts


# The floor: what any regex-and-dictionary scorer must do at least. One lower-casing and one regex over the
# whole text for its words, one for its sentence ends, each distinct word looked up once (the CMU table, else
# vowel groups; the Dale-Chall list) into one packed integer, a sentence-free sum per text, and the eight
# English formulas on the totals. No text model (headings, lists, references, abbreviations), no per-section
# or per-sentence figures: plainsum does all of that too, so "within 2x of the floor" is the bound.
_FLOOR_WORD = re.compile(r"[a-z0-9][a-z0-9'\u2019.-]*")
_FLOOR_END = re.compile(r"[.!?]+(?=\s|$)")
_FLOOR_VOWELS = re.compile(r"[aeiouy]+")
_FLOOR_FIELD = 16  # bits a count: a text of the corpus has at most about 20,000 letters


def floor_scores(texts: list[str], table: dict[str, int], familiar: frozenset[str],
                 packs: dict[str, int] | None = None) -> list[dict[str, float]]:
    """The eight English formulas and the counts of each text, at the floor's cost (see above). `packs`: the word
    table to learn into and read, when the texts are a part of a pass (--interleave); a new one otherwise."""
    packs = {} if packs is None else packs
    results = []
    field, mask = _FLOOR_FIELD, (1 << _FLOOR_FIELD) - 1
    for text in texts:
        words = _FLOOR_WORD.findall(text.lower())
        get = packs.get
        try:
            total = sum(map(get, words))  # type: ignore[arg-type]
        except TypeError:
            for word in words:
                if word not in packs:
                    bare = word.rstrip(".")
                    found = table.get(bare)
                    syllables = max(1, found if found is not None else len(_FLOOR_VOWELS.findall(bare)))
                    long = 1 if syllables >= 3 else 0
                    unfamiliar = 0 if bare in familiar else 1
                    packs[word] = (1 | syllables << field | len(bare) << (2 * field) | long << (3 * field)
                                   | unfamiliar << (4 * field) | (long & unfamiliar) << (5 * field))
            total = sum(map(packs.__getitem__, words))
        count = total & mask or 1
        sentences = len(_FLOOR_END.findall(text)) or 1
        syllables, letters = (total >> field) & mask, (total >> (2 * field)) & mask
        long, unfamiliar, hard = (total >> (3 * field)) & mask, (total >> (4 * field)) & mask, total >> (5 * field)
        per_sentence, per_word = count / sentences, syllables / count
        results.append({
            "words": count, "sentences": sentences, "syllables": syllables,
            "flesch_kincaid_grade": 0.39 * per_sentence + 11.8 * per_word - 15.59,
            "flesch_reading_ease": 206.835 - 1.015 * per_sentence - 84.6 * per_word,
            "smog_index": 1.043 * math.sqrt(30 * long / sentences) + 3.1291,
            "gunning_fog": 0.4 * (per_sentence + 100.0 * hard / count),
            "coleman_liau_index": 0.0588 * 100.0 * letters / count - 0.296 * 100.0 * sentences / count - 15.8,
            "automated_readability_index": 4.71 * letters / count + 0.5 * per_sentence - 21.43,
            "dale_chall_readability_score": 0.1579 * 100.0 * unfamiliar / count + 0.0496 * per_sentence,
            "linsear_write_formula": (count + 2 * long) / sentences / 2,
        })
    return results


def _median_grades(kinds: list[str], grades: list[float]) -> dict[str, float]:
    return {
        kind: statistics.median(g for k, g in zip(kinds, grades, strict=False) if k == kind)
        for kind in ("abstract", "summary")
    }


def _spot_check(scored: list, kinds: list[str], count: int) -> None:
    """Print `count` random sentence boundaries of abstracts next to a full stop, for a reader to judge."""
    import random

    generator = random.Random(2971)
    boundaries = [
        (left.text, right.text)
        for result, kind in zip(scored, kinds, strict=False) if kind == "abstract"
        for left, right in zip(result.sentences, result.sentences[1:], strict=False)
        if left.section == right.section and any(ch.isdigit() for ch in left.text[-40:])
    ]
    print(f"spot check: {count} random boundaries after a sentence ending in figures (... | ...)")
    for left, right in generator.sample(boundaries, min(count, len(boundaries))):
        print(f"  ...{left[-70:]} | {right[:50]}...")


def main(argv: list[str]) -> int:
    limit = int(option(argv, "limit") or 0) or None
    spot = int(option(argv, "spot") or 0)
    if not corpus_present():
        return 2
    from plainsum.readability.metrics import familiar_words
    from plainsum.readability.offline import textstat_offline
    from plainsum.readability.score import Scored, score_markdown
    from plainsum.readability.syllables import cmu_syllables

    texts = corpus_texts(limit=limit)
    kinds = [kind for kind, _ in texts]

    started = time.process_time()
    cmu_syllables()
    familiar_words()
    score_markdown("Warm up the tables.")
    plainsum_load = time.process_time() - started
    started = time.process_time()
    ts = textstat_offline()
    for name in TEXTSTAT_FUNCTIONS:
        getattr(ts, name)("Warm up the dictionary. It is loaded once.")
    textstat_load = time.process_time() - started

    turns = max(1, int(option(argv, "interleave") or 1))
    functions = [getattr(ts, name) for name in TEXTSTAT_FUNCTIONS]
    table, familiar = cmu_syllables(), familiar_words()
    floor_packs: dict[str, int] = {}
    ours: list[Scored] = []
    theirs: list[list[float]] = []
    plainsum_time = floor_time = textstat_time = 0.0
    for turn in range(turns):  # one turn unless --interleave: each pass over all the texts in one go
        part = texts[turn * len(texts) // turns : (turn + 1) * len(texts) // turns]
        started = time.process_time()
        ours += [score_markdown(text) for _, text in part]
        plainsum_time += time.process_time() - started

        plain_texts = [text for _, text in part]
        started = time.process_time()
        floor_scores(plain_texts, table, familiar, floor_packs)
        floor_time += time.process_time() - started

        started = time.process_time()
        theirs += [[function(text) for function in functions] for _, text in part]
        textstat_time += time.process_time() - started

    our_grades = [scored.figures["flesch_kincaid_grade"] for scored in ours]
    their_grades = [row[TEXTSTAT_FUNCTIONS.index("flesch_kincaid_grade")] for row in theirs]
    sentence_index = TEXTSTAT_FUNCTIONS.index("sentence_count")
    differ = sum(1 for scored, row in zip(ours, theirs, strict=False) if scored.figures["sentences"] != row[sentence_index])
    grade_index = TEXTSTAT_FUNCTIONS.index("flesch_kincaid_grade")
    same = [abs(s.figures["flesch_kincaid_grade"] - r[grade_index])
            for s, r in zip(ours, theirs, strict=False) if s.figures["sentences"] == r[sentence_index]]
    ours_median = _median_grades(kinds, our_grades)
    theirs_median = _median_grades(kinds, their_grades)

    print(f"texts scored: {len(texts)} ({kinds.count('abstract')} abstracts, {kinds.count('summary')} lay summaries)")
    print(f"one-off loading: plainsum {plainsum_load:.2f} s, textstat {textstat_load:.2f} s (not in the times below)")
    print(f"plainsum: {plainsum_time:.2f} s ({1000 * plainsum_time / len(texts):.2f} ms a text; every formula, per section and per sentence)")
    print(f"textstat: {textstat_time:.2f} s ({1000 * textstat_time / len(texts):.2f} ms a text; {len(TEXTSTAT_FUNCTIONS)} functions)")
    print(f"floor (one regex for words, one for sentence ends, a dictionary lookup per distinct word, no text model): "
          f"{floor_time:.2f} s ({1000 * floor_time / len(texts):.2f} ms a text)")
    print(f"ratio: plainsum is {textstat_time / plainsum_time:.1f}x faster than textstat (target 10x), "
          f"{plainsum_time / floor_time:.2f}x the floor (target at most 2x)"
          + (f"; the three passes interleaved in {turns} turns" if turns > 1 else ""))
    print("median Flesch-Kincaid grade  abstracts  lay summaries")
    print(f"  plainsum                   {ours_median['abstract']:9.1f}  {ours_median['summary']:13.1f}")
    print(f"  textstat                   {theirs_median['abstract']:9.1f}  {theirs_median['summary']:13.1f}")
    print(f"sentence counts differ on {differ} of {len(texts)} texts ({100 * differ / len(texts):.0f}%)")
    if same:
        within = sum(1 for d in same if d <= 0.5)
        print(f"where they agree ({len(same)} texts) the grades differ by {statistics.median(same):.2f} (median), "
              f"within 0.5 on {100 * within / len(same):.0f}%: syllables of numbers, compounds, acronyms and "
              "words outside the CMU dictionary (docs/readability.md)")
    if spot:
        _spot_check(ours, kinds, spot)
    from bench.splitting import disagreements, language_run, print_languages, print_splitter, splitter_comparison

    splitter_texts = texts[: 2 * int(option(argv, "splitter-limit") or 500)]
    split = splitter_comparison(splitter_texts)
    print_splitter(split)
    for ours_split, theirs_split in disagreements(splitter_texts, int(option(argv, "disagreements") or 0)):
        print("  plainsum: " + " | ".join(ours_split))
        print("  pySBD:    " + " | ".join(theirs_split))
    print_languages(language_run())
    from bench.gold import gold_run, print_gold, print_syllabifiers, syllabifier_run

    print_gold(gold_run())
    print_syllabifiers(syllabifier_run())
    harder = ours_median["abstract"] > ours_median["summary"]
    fast = textstat_time >= 3 * plainsum_time
    split_fast = split["ratio"] >= 30
    print(f"plainsum rates abstracts harder: {'yes' if harder else 'NO'}; at least 3x faster than textstat: {'yes' if fast else 'NO'}; "
          f"splitter at least 30x faster than pySBD: {'yes' if split_fast else 'NO'}")
    return 0 if harder and fast and split_fast else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
