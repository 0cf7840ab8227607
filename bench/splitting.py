"""The sentence splitter against pySBD, and scoring in each language plainsum supports.

Used by `python -m bench scoring`: `splitter_comparison` splits the same corpus paragraphs with
plainsum's text model and with pySBD (the most careful rule-based segmenter for Python) in one run,
and reports both times, the ratio and how often the two agree; `language_run` scores the texts of
bench/language_texts.py (written for plainsum) in each language, next to textstat where it has the
language's formula.
"""

from __future__ import annotations

import re
import statistics
import time

from bench.language_compare import COUNTERPARTS as TEXTSTAT_COUNTERPARTS  # textstat's function for each figure
from bench.language_texts import TEXTS

_MARKER = re.compile(r"^\s*(?:[-*+\u2022]|\d{1,3}[.)])\s+")
_NOT_TEXT = re.compile(r"[\W_]+")


def comparable(sentences: list[str]) -> list[str]:
    """Sentences as both tools can agree on them: list markers (plainsum's Markdown reading removes
    them), markup characters and spacing left out."""
    return [_NOT_TEXT.sub("", _MARKER.sub("", sentence)) for sentence in sentences]


def paragraphs_of(texts: list[tuple[str, str]]) -> list[str]:
    return [paragraph for _, text in texts for paragraph in text.split("\n\n") if paragraph.strip()]


def splitter_comparison(texts: list[tuple[str, str]]) -> dict[str, float]:
    """Split every paragraph with both; agreement is per paragraph: the same sentences, or the same count."""
    import pysbd

    from plainsum.readability.textmodel import parse

    paragraphs = paragraphs_of(texts)
    segmenter = pysbd.Segmenter(language="en", clean=False)
    parse("Warm up. The splitter.")
    # CPU time of this process: on a shared machine the wall clock also counts other jobs' turns
    started = time.process_time()
    ours = [[s.text for s in parse(paragraph).sentences] for paragraph in paragraphs]
    plainsum_time = time.process_time() - started
    started = time.process_time()
    theirs = [[s.strip() for s in segmenter.segment(paragraph) if s.strip()] for paragraph in paragraphs]
    pysbd_time = time.process_time() - started
    same_sentences = sum(1 for a, b in zip(ours, theirs, strict=True) if comparable(a) == comparable(b))
    same_count = sum(1 for a, b in zip(ours, theirs, strict=True) if len(a) == len(b))
    return {
        "paragraphs": len(paragraphs),
        "plainsum_seconds": plainsum_time,
        "pysbd_seconds": pysbd_time,
        "ratio": pysbd_time / plainsum_time if plainsum_time else 0.0,
        "same_sentences": same_sentences,
        "same_count": same_count,
        "sentences_plainsum": sum(map(len, ours)),
        "sentences_pysbd": sum(map(len, theirs)),
    }


def disagreements(texts: list[tuple[str, str]], count: int) -> list[tuple[list[str], list[str]]]:
    """Up to `count` paragraphs where the two split differently (for a reader to judge)."""
    import pysbd

    from plainsum.readability.textmodel import parse

    segmenter = pysbd.Segmenter(language="en", clean=False)
    found = []
    for paragraph in paragraphs_of(texts):
        ours = [s.text for s in parse(paragraph).sentences]
        theirs = [s.strip() for s in segmenter.segment(paragraph) if s.strip()]
        if comparable(ours) != comparable(theirs):
            found.append((ours, theirs))
            if len(found) >= count:
                break
    return found


def language_run(repeat: int = 200) -> list[dict[str, object]]:
    """Each language's text scored `repeat` times: ms per text, sentences, the formulas and textstat's."""
    from plainsum.readability.offline import textstat_offline
    from plainsum.readability.score import score_markdown

    ts = textstat_offline()
    rows: list[dict[str, object]] = []
    for language, text in TEXTS.items():
        scored = score_markdown(text, min_words=0, language=language)
        started = time.perf_counter()
        for _ in range(repeat):
            score_markdown(text, min_words=0, language=language)
        per_text = 1000 * (time.perf_counter() - started) / repeat
        row: dict[str, object] = {
            "language": language, "ms": per_text, "sentences": len(scored.sentences), "words": scored.counts.words,
            "formulas": {name: scored.figures[name] for name in scored.formula_names},
        }
        counterparts = TEXTSTAT_COUNTERPARTS.get(language, {})
        if counterparts:
            ts.set_lang(language)
            plain_text = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
            theirs = {}
            for ours_name, function in counterparts.items():
                call = getattr(ts, function)
                theirs[ours_name] = call(plain_text, 1) if function == "wiener_sachtextformel" else call(plain_text)
            row["textstat"] = theirs
            row["textstat_sentences"] = ts.sentence_count(plain_text)
            ts.set_lang("en")
        rows.append(row)
    return rows


def print_splitter(result: dict[str, float]) -> None:
    paragraphs = result["paragraphs"]
    print(f"splitter: {paragraphs:.0f} corpus paragraphs split by plainsum in {result['plainsum_seconds']:.2f} s and by "
          f"pySBD in {result['pysbd_seconds']:.2f} s of CPU: plainsum is {result['ratio']:.0f}x faster")
    print(f"  same sentences on {100 * result['same_sentences'] / paragraphs:.1f}% of paragraphs, same count on "
          f"{100 * result['same_count'] / paragraphs:.1f}% ({result['sentences_plainsum']:.0f} sentences against "
          f"{result['sentences_pysbd']:.0f})")


def print_languages(rows: list[dict[str, object]]) -> None:
    print("per language (texts of bench/language_texts.py, written for plainsum):")
    for row in rows:
        formulas = row["formulas"]
        assert isinstance(formulas, dict)
        shown = ", ".join(f"{name} {value:.1f}" for name, value in formulas.items())
        print(f"  {row['language']}: {row['ms']:.2f} ms a text, {row['words']} words, {row['sentences']} sentences; {shown}")
        theirs = row.get("textstat")
        if isinstance(theirs, dict):
            compared = ", ".join(f"{name} {value:.1f}" for name, value in theirs.items())
            print(f"      textstat: {row['textstat_sentences']} sentences; {compared}")


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0
