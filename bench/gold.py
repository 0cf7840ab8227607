"""Hand-marked data against plainsum and the alternatives, for `python -m bench scoring`.

`gold_run` splits the gold paragraphs of tests/fixtures/readability (es, fr, de: sentences marked by hand)
with plainsum and with pySBD in the same language, and reports each one's share of paragraphs split exactly
as marked, and their CPU times. `syllabifier_run` counts the hand-known words of each language with
plainsum's rules and with the syllabifiers on the package registry that exist for it (silabeador for
Spanish, silabificador for Portuguese), and pyphen's hyphenation points plus one (what textstat counts):
words right and microseconds of CPU a word.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from readability_sets import GOLD_LANGUAGES, LANGUAGES, gold_paragraphs, hand_words

from bench.splitting import comparable


def gold_run() -> list[dict[str, float | str]]:
    """Per gold language: paragraphs, exact share for plainsum and pySBD, CPU seconds of each."""
    import pysbd

    from plainsum.readability.languages import language_profile
    from plainsum.readability.textmodel import parse

    rows: list[dict[str, float | str]] = []
    for language in GOLD_LANGUAGES:
        paragraphs = gold_paragraphs(language)
        texts = [" ".join(sentences) for sentences in paragraphs]
        profile = language_profile(language)
        segmenter = pysbd.Segmenter(language=language, clean=False)
        started = time.process_time()
        ours = [[s.text for s in parse(text, profile).sentences] for text in texts]
        ours_time = time.process_time() - started
        started = time.process_time()
        theirs = [[s.strip() for s in segmenter.segment(text) if s.strip()] for text in texts]
        theirs_time = time.process_time() - started
        rows.append({
            "language": language, "paragraphs": len(paragraphs),
            "plainsum": sum(comparable(a) == comparable(b) for a, b in zip(ours, paragraphs, strict=True)) / len(paragraphs),
            "pysbd": sum(comparable(a) == comparable(b) for a, b in zip(theirs, paragraphs, strict=True)) / len(paragraphs),
            "plainsum_seconds": ours_time, "pysbd_seconds": theirs_time,
        })
    return rows


def _counters(language: str) -> dict[str, Callable[[str], int]]:
    import pyphen

    from plainsum.readability.syllabify import syllable_counter
    from plainsum.readability.syllables import syllables

    counters: dict[str, Callable[[str], int]] = {"plainsum": syllables if language == "en" else syllable_counter(language)}
    if language == "es":
        import silabeador

        counters["silabeador"] = lambda word: len(silabeador.syllabify(word))
    if language == "pt":
        import silabificador

        counters["silabificador"] = lambda word: len(silabificador.syllabify(word))
    hyphenation = pyphen.Pyphen(lang={"pt": "pt_PT", "en": "en_US"}.get(language, language))
    counters["pyphen"] = lambda word: len(hyphenation.positions(word)) + 1
    return counters


def _safely(function: Callable[[str], int], word: str) -> int | None:
    """A counter's syllables of a word; None when a third-party syllabifier fails on it (it is then wrong)."""
    try:
        return function(word)
    except Exception:
        return None


def syllabifier_run(repeat: int = 20) -> list[dict[str, object]]:
    """Per language and counter: words right of the hand-known list and microseconds a word (uncached)."""
    rows: list[dict[str, object]] = []
    for language in LANGUAGES:
        words = hand_words(language)
        for name, counter in _counters(language).items():
            function = getattr(counter, "__wrapped__", counter)  # plainsum's counters cache: time the rule itself
            right = sum(_safely(function, word) == expected for word, expected, _ in words)
            started = time.process_time()  # CPU time: the wall clock of a shared machine counts other jobs too
            for _ in range(repeat):
                for word, _, _ in words:
                    _safely(function, word)
            micro = 1e6 * (time.process_time() - started) / (repeat * len(words))
            rows.append({"language": language, "counter": name, "words": len(words), "right": right, "us": micro})
    return rows


def print_gold(rows: list[dict[str, float | str]]) -> None:
    print("gold paragraphs (tests/fixtures/readability, sentences marked by hand), split exactly as marked:")
    for row in rows:
        print(f"  {row['language']}: {row['paragraphs']} paragraphs; plainsum {100 * float(row['plainsum']):.0f}% "
              f"in {1000 * float(row['plainsum_seconds']):.1f} ms, pySBD ({row['language']}) {100 * float(row['pysbd']):.0f}% "
              f"in {1000 * float(row['pysbd_seconds']):.1f} ms of CPU")


def print_syllabifiers(rows: list[dict[str, object]]) -> None:
    print("syllables of the hand-known words (tests/fixtures/readability/syllables_*.txt): right, and time a word")
    for row in rows:
        words, right = int(str(row["words"])), int(str(row["right"]))
        print(f"  {row['language']} {row['counter']:<14} {right:3d}/{words} ({100 * right / words:5.1f}%)  "
              f"{float(str(row['us'])):7.1f} µs")


def main(argv: list[str]) -> int:
    print_gold(gold_run())
    print_syllabifiers(syllabifier_run())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
