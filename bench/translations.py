"""Multi-language builds: the corpus with 3 machine-made pseudo-translations of every lay summary.

    python -m bench translations [--reviews=N] [--pdf-reviews=N] [--keep=DIR]

Every corpus review is imported into a throw-away project (as `bench build` does); then each gets
three translation files (es, fr, de) made here by substituting words of its lay summary (a fixed
word list, numbers written in the language's format and number words from its catalog), so every
translated text differs from the English and passes the fact-parity checks like a real one. Nothing
of the corpus is written outside the throw-away folder.

Measured, each build into a new folder with `--draft` (every document written):
  html+txt, all reviews: English only, then with the translations, --jobs 1 and --jobs 2
  html+txt+pdf, a subset (--pdf-reviews, 40): English only and with translations, --jobs 1 and --jobs 2
Prints each time, the cost per document and the ratios; docs/build.md turns them into an estimate
for a library of 9,000 reviews in 20 languages.
"""

from __future__ import annotations

import datetime
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from bench import CORPUS, corpus_present, option
from bench.build import make_project

LANGUAGES = ("es", "fr", "de")
# A few frequent English words and what the pseudo-translation writes instead: enough to make every
# text differ from the English and from the other languages, not a translation.
WORDS = {
    "es": {"the": "el", "and": "y", "of": "de", "in": "en", "to": "a", "we": "nosotros", "people": "personas",
           "studies": "estudios", "evidence": "evidencia", "with": "con", "or": "o", "is": "es", "are": "son",
           "for": "para", "that": "que", "this": "esto", "review": "revisión", "may": "puede", "not": "no"},
    "fr": {"the": "le", "and": "et", "of": "de", "in": "dans", "to": "à", "we": "nous", "people": "personnes",
           "studies": "études", "evidence": "données", "with": "avec", "or": "ou", "is": "est", "are": "sont",
           "for": "pour", "that": "que", "this": "ceci", "review": "revue", "may": "peut", "not": "pas"},
    "de": {"the": "die", "and": "und", "of": "von", "in": "in", "to": "zu", "we": "wir", "people": "Menschen",
           "studies": "Studien", "evidence": "Evidenz", "with": "mit", "or": "oder", "is": "ist", "are": "sind",
           "for": "für", "that": "dass", "this": "dies", "review": "Übersicht", "may": "kann", "not": "nicht"},
}
WORD = re.compile(r"[A-Za-z]+")
EXPRESSION = re.compile(r"(\{\{.*?\}\}|\{%.*?%\})", re.S)


def pseudo_translate(text: str, language: str, locale: object, english: object) -> str:
    """`text` with frequent words substituted, numbers in the language's format and number words in its
    words; Jinja expressions (facts) are kept as they are, so they render in the language."""
    from plainsum.checks.parity import read_numbers

    words = WORDS[language]
    worded = locale.number_words()  # type: ignore[attr-defined]
    pieces = []
    for index, piece in enumerate(EXPRESSION.split(text)):
        if index % 2:
            pieces.append(piece)
            continue
        out, cursor = [], 0
        for found in read_numbers(piece, english):  # type: ignore[arg-type]
            out.append(piece[cursor:found.start])
            value = found.value
            if found.text.isalpha():
                out.append(worded.get(int(value), str(value)))  # type: ignore[call-overload]
            else:
                out.append(locale.number(str(value)))  # type: ignore[attr-defined]
            cursor = found.end
        out.append(piece[cursor:])
        swapped = "".join(out)
        pieces.append(WORD.sub(lambda m: words.get(m.group().lower(), m.group()), swapped))
    return "".join(pieces)


def add_translations(paths: list[Path]) -> int:
    """Three translation files beside each review; the number written."""
    from plainsum.content import Locale, digest, load_review
    from plainsum.content.translation import source_fields
    from plainsum.render import TemplateSet

    templates = TemplateSet(None)
    english = Locale.source()
    locales = {language: templates.locale(language) for language in LANGUAGES}
    written = 0
    for path in paths:
        try:
            review = load_review(path)
        except Exception:  # a review plainsum refuses is counted by the build, not here
            continue
        fields = source_fields(review)
        for language, locale in locales.items():
            data: dict[str, object] = {
                "language": language,
                "translators": ["bench pseudo-translation"],
                "date": datetime.date(2026, 12, 1),
                "source_version": {key: digest(prose.template) for key, prose in fields.items()},
            }
            for key, prose in fields.items():
                text = pseudo_translate(prose.template, language, locale, english)
                parts = key.split(".")
                if parts[0] == "plain_title":
                    data["plain_title"] = text
                elif parts[0] == "summary" and len(parts) == 3:  # a list part (key messages)
                    data.setdefault("summary", {}).setdefault(parts[1], []).append(text)  # type: ignore[union-attr]
                elif parts[0] == "summary":
                    data.setdefault("summary", {})[parts[1]] = text  # type: ignore[index]
                else:
                    data.setdefault("sections", {})[parts[1]] = {"plain": text}  # type: ignore[index]
            target = path.with_name(f"{path.stem}.{language}.yaml")
            target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
            written += 1
    return written


def timed(label: str, root: Path, formats: str, jobs: int, number: int) -> float:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "plainsum", "build", "--draft", "--no-progress", "--formats", formats, "--jobs", str(jobs),
         "--out", str(root / f"output-{number}")],
        cwd=root, capture_output=True, text=True, env={**os.environ, "CI": "1"},
    )
    seconds = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise RuntimeError(f"plainsum build failed ({result.returncode}):\n{result.stderr[-3000:]}")
    lines = result.stdout.strip().splitlines()
    gate = next((line for line in lines if line.startswith("by language:")), "")
    parity = sum(1 for line in lines if "error [translation." in line)
    print(f"  {label}, --jobs {jobs}: {seconds:7.2f} s   ({lines[-1]}; gate {gate or 'en only'}; "
          f"{parity} parity errors)", flush=True)
    return seconds


def main(argv: list[str]) -> int:
    if not corpus_present():
        return 2
    reviews = int(option(argv, "reviews", "0") or 0) or None
    pdf_reviews = int(option(argv, "pdf-reviews", "40") or 40)
    keep = option(argv, "keep", None)
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    if reviews:
        records = records[:reviews]
    workspace = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="plainsum-bench-translations-"))
    try:
        print(f"machine: {os.cpu_count()} CPUs; workspace {workspace}", flush=True)
        results: dict[str, dict[str, float]] = {}
        for label, formats, subset in (("html+txt", "html,txt", records), ("html+txt+pdf", "html,txt,pdf", records[:pdf_reviews])):
            root = workspace / formats.replace(",", "-")
            paths = make_project(root, subset)
            times: dict[str, float] = {}
            times["en --jobs 2"] = timed(f"{label}, {len(paths)} reviews, English only", root, formats, 2, 1)
            made = add_translations(paths)
            print(f"  {label}: {made} pseudo-translations written ({len(LANGUAGES)} per review)", flush=True)
            for number, jobs in enumerate((1, 2), 2):
                times[f"all --jobs {jobs}"] = timed(f"{label}, {len(paths)} reviews + {made} translations", root, formats, jobs, number)
            times["reviews"], times["translations"] = len(paths), made
            results[label] = times
        print("results:")
        for label, times in results.items():
            reviews_count, made = int(times["reviews"]), int(times["translations"])
            documents_en, documents_all = 2 * reviews_count, 2 * reviews_count + made
            extra = times["all --jobs 2"] - times["en --jobs 2"]
            print(f"  {label}: {reviews_count} reviews, {documents_en} documents in English, {documents_all} with the translations")
            print(f"    --jobs 2: English only {times['en --jobs 2']:.2f} s, with translations {times['all --jobs 2']:.2f} s "
                  f"({times['all --jobs 2'] / times['en --jobs 2']:.2f}x the time for {documents_all / documents_en:.2f}x the documents)")
            print(f"    a translated summary adds {1000 * extra / made:.1f} ms of build time at --jobs 2 "
                  f"({1000 * 2 * extra / made:.1f} ms of one core)")
            print(f"    --jobs 2 is {times['all --jobs 1'] / times['all --jobs 2']:.2f}x faster than --jobs 1 "
                  f"({times['all --jobs 1']:.2f} s / {times['all --jobs 2']:.2f} s)")
    finally:
        if not keep:
            shutil.rmtree(workspace, ignore_errors=True)
    return 0
