"""Multi-language builds: the corpus with 3 machine-made pseudo-translations of every lay summary.

    python -m bench translations [--reviews=N] [--pdf-reviews=N] [--pdf-baseline-reviews=N] [--series=html,pdf] [--keep=DIR]

Every corpus review is imported into a throw-away project (as `bench build` does); then each gets
three translation files (es, fr, de) made here by substituting words of its lay summary (a fixed
word list, numbers written in the language's format and number words from its catalog), so every
translated text differs from the English and passes the fact-parity checks like a real one. Nothing
of the corpus is written outside the throw-away folder.

Measured, each build into a new folder with `--draft` (every document written):
  html+txt, all reviews (or --reviews): English only, then with the translations, --jobs 1 and --jobs 2
  html+txt+pdf, all reviews (or --pdf-reviews): the same
The English-only PDF builds can run on the first --pdf-baseline-reviews only (they are the comparison,
and a PDF build of the whole corpus is long); their CPU time is then scaled to the whole set.
Prints wall and CPU time (the build and its workers) with the load average around each build, the
CPU cost per English and per translated document, and the ratios; docs/build.md turns them into an estimate
for a library of 9,000 reviews in 20 languages.
"""

from __future__ import annotations

import datetime
import gzip
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import yaml

from bench import CORPUS, corpus_present, option
from bench.build import make_project, measured_build

LANGUAGES = ("es", "fr", "de")
# A few frequent English words and what the pseudo-translation writes instead: enough to make every
# text differ from the English and from the other languages, not a translation.
WORDS = {
    "es": {"the": "el", "and": "y", "of": "de", "in": "en", "to": "a", "we": "nosotros", "people": "personas",
           "studies": "estudios", "evidence": "evidencia", "with": "con", "or": "o", "is": "es", "are": "son",
           "for": "para", "that": "que", "this": "esto", "review": "revisión", "may": "puede", "not": "no",
           "once": "una vez"},  # left in English, "once" would read as the Spanish eleven
    "fr": {"the": "le", "and": "et", "of": "de", "in": "dans", "to": "à", "we": "nous", "people": "personnes",
           "studies": "études", "evidence": "données", "with": "avec", "or": "ou", "is": "est", "are": "sont",
           "for": "pour", "that": "que", "this": "ceci", "review": "revue", "may": "peut", "not": "pas",
           "once": "une fois"},
    "de": {"the": "die", "and": "und", "of": "von", "in": "in", "to": "zu", "we": "wir", "people": "Menschen",
           "studies": "Studien", "evidence": "Evidenz", "with": "mit", "or": "oder", "is": "ist", "are": "sind",
           "for": "für", "that": "dass", "this": "dies", "review": "Übersicht", "may": "kann", "not": "nicht",
           "once": "einmal"},
}
WORD = re.compile(r"[A-Za-z]+")
EXPRESSION = re.compile(r"(\{\{.*?\}\}|\{%.*?%\})", re.S)


def pseudo_translate(text: str, language: str, locale: object, english: object) -> str:
    """`text` with frequent words substituted, numbers in the language's format and number words in its
    words; Jinja expressions (facts) are kept as they are, so they render in the language."""
    from plainsum.checks.translation import read_dates, read_numbers

    words = WORDS[language]
    worded = locale.number_words()  # type: ignore[attr-defined]

    def swap(between: str) -> str:  # only the words between numbers: "once" made from "eleven" stays
        return WORD.sub(lambda m: words.get(m.group().lower(), m.group()), between)

    pieces = []
    for index, piece in enumerate(EXPRESSION.split(text)):
        if index % 2:
            pieces.append(piece)
            continue
        out, cursor = [], 0
        dates = read_dates(piece, english)  # type: ignore[arg-type]
        numbers = read_numbers(piece, english)  # type: ignore[arg-type]  (dates left out)
        for found in sorted([*dates, *numbers], key=lambda f: f.start):
            out.append(swap(piece[cursor:found.start]))
            value = found.value
            if isinstance(value, tuple):  # a date, written as the language writes dates
                year, month, day = value
                written = datetime.date(year, month, day or 1)
                out.append(locale.long_date(written) if day else locale.month_year(written))  # type: ignore[attr-defined]
            elif found.text.isalpha():
                out.append(worded.get(int(value), str(value)))  # type: ignore[call-overload]
            else:
                out.append(locale.number(str(value)))  # type: ignore[attr-defined]
            cursor = found.end
        out.append(swap(piece[cursor:]))
        pieces.append("".join(out))
    return "".join(pieces)


def add_translations(paths: list[Path]) -> int:
    """Three translation files beside each review; the number written."""
    from plainsum.content.loader import load_review
    from plainsum.content.locale import Locale
    from plainsum.content.model import digest
    from plainsum.content.translation import source_fields
    from plainsum.render.templates import TemplateSet

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


def timed(label: str, root: Path, formats: str, jobs: int, number: int) -> dict[str, float]:
    """One build into a new folder: wall and CPU seconds (the build and its workers), the load average
    before and after, and the parity errors its report lists."""
    load_before = os.getloadavg()[0]
    result = measured_build(root, "--formats", formats, "--jobs", str(jobs), "--out", str(root / f"output-{number}"))
    result["load_before"], result["load_after"] = load_before, os.getloadavg()[0]
    printed = (root / "build.stdout").read_text(encoding="utf-8").splitlines()
    gate = next((line.strip() for line in printed if line.strip().startswith("by language")), "")
    parity = sum(1 for line in printed if "error [translation." in line)
    print(f"  {label}, --jobs {jobs}: {result['seconds']:8.2f} s, CPU {result['cpu']:8.2f} s, load {load_before:.1f}->"
          f"{result['load_after']:.1f}   ({result['summary']}; {gate or 'gate: English only'}; {parity} parity errors)", flush=True)
    return result


def build_series(workspace: Path, label: str, formats: str, records: list[dict], baseline: int) -> dict[str, object]:
    """English only (`baseline` reviews, --jobs 1 and 2), then the same and all reviews with their translations."""
    root = workspace / formats.replace(",", "-")
    paths = make_project(root, records)
    figures: dict[str, object] = {"reviews": len(paths)}
    if baseline < len(paths):  # the English-only build on a subset: a separate project of the first reviews
        base_root = workspace / (formats.replace(",", "-") + "-baseline")
        base_paths = make_project(base_root, records[:baseline])
    else:
        base_root, base_paths = root, paths
    figures["baseline_reviews"] = len(base_paths)
    for jobs in (1, 2):
        figures[f"en --jobs {jobs}"] = timed(f"{label}, {len(base_paths)} reviews, English only", base_root, formats, jobs, 10 + jobs)
    made = add_translations(paths)
    figures["translations"] = made
    print(f"  {label}: {made} pseudo-translations written ({len(LANGUAGES)} per review)", flush=True)
    for jobs in (1, 2):
        figures[f"all --jobs {jobs}"] = timed(f"{label}, {len(paths)} reviews + {made} translations", root, formats, jobs, 20 + jobs)
    return figures


def report(label: str, figures: dict[str, object]) -> None:
    reviews, base, made = int(figures["reviews"]), int(figures["baseline_reviews"]), int(figures["translations"])  # type: ignore[call-overload]
    en1, en2 = figures["en --jobs 1"], figures["en --jobs 2"]
    all1, all2 = figures["all --jobs 1"], figures["all --jobs 2"]
    documents_en, documents_all = 2 * reviews, 2 * reviews + made
    en_cpu_per_document = en1["cpu"] / (2 * base)  # type: ignore[index]
    translated_cpu = (all1["cpu"] - en_cpu_per_document * documents_en) / made  # type: ignore[index]
    print(f"  {label}: {reviews} reviews + {made} translations = {documents_all} documents ({documents_en} in English); "
          f"English-only builds on {base} reviews")
    for name, english, both in (("--jobs 1", en1, all1), ("--jobs 2", en2, all2)):
        scale = reviews / base
        print(f"    {name}: English only {english['seconds']:.2f} s wall / {english['cpu']:.2f} s CPU"  # type: ignore[index]
              f"{f' (x{scale:.2f} for {reviews} reviews)' if base != reviews else ''}; with translations "
              f"{both['seconds']:.2f} s wall / {both['cpu']:.2f} s CPU: "  # type: ignore[index]
              f"{both['cpu'] / (english['cpu'] * scale):.2f}x the CPU for {documents_all / documents_en:.2f}x the documents")  # type: ignore[index]
    print(f"    CPU per document: English {1000 * en_cpu_per_document:.1f} ms, translated summary {1000 * translated_cpu:.1f} ms")
    print(f"    --jobs 2 is {all1['seconds'] / all2['seconds']:.2f}x faster than --jobs 1 in wall time "  # type: ignore[index]
          f"({all1['seconds']:.2f} s / {all2['seconds']:.2f} s; English only {en1['seconds'] / en2['seconds']:.2f}x)")  # type: ignore[index]


def main(argv: list[str]) -> int:
    if not corpus_present():
        return 2
    reviews = int(option(argv, "reviews", "0") or 0) or None
    pdf_reviews = int(option(argv, "pdf-reviews", "0") or 0) or None
    pdf_baseline = int(option(argv, "pdf-baseline-reviews", "0") or 0) or None
    keep = option(argv, "keep", None)
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    if reviews:
        records = records[:reviews]
    pdf_records = records[:pdf_reviews] if pdf_reviews else records
    workspace = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="plainsum-bench-translations-"))
    try:
        print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; workspace {workspace}", flush=True)
        warm = workspace / "warm-up"  # word tables and font caches built once, outside the timings
        make_project(warm, records[:5])
        measured_build(warm, "--formats", "html,txt,pdf", "--jobs", "1", "--out", str(warm / "output"))
        results = {}
        series = {"html": ("html+txt", "html,txt", records, len(records)),
                  "pdf": ("html+txt+pdf", "html,txt,pdf", pdf_records, pdf_baseline or len(pdf_records))}
        for name in (option(argv, "series", "html,pdf") or "html,pdf").split(","):
            label, formats, subset, baseline = series[name]
            results[label] = build_series(workspace, label, formats, subset, min(baseline, len(subset)))
        print("results:")
        for label, figures in results.items():
            report(label, figures)
    finally:
        if not keep:
            shutil.rmtree(workspace, ignore_errors=True)
    return 0
