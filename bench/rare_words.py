"""Rare words in each language: where the threshold should sit, and how many ordinary words get flagged.

`python -m bench rarewords` measures, for each language plainsum scores:

1. **The threshold.** wordfreq's lists count word forms. English has few inflections, so a word's form
   is close to its lemma; Spanish, French, Italian, Portuguese, German and Dutch spread a word's
   frequency over many forms ("inflaman", "inflamar", "inflamado"...), so a word form is rarer than
   the word. plainsum looks a rare-looking word up again with all the forms of its family
   (plainsum.checks.glossary.family_zipf); the threshold of each language is the one below which the
   same share of running text falls, by families, as below 2.5 in English, by families too (English
   endings -s, -es, -ed, -ing...). Running text is wordfreq's own frequency mass, so the share is what
   a reader meets, not a count of dictionary entries.
2. **The texts.** On the lay summaries of bench/language_texts.py (written for plainsum) and on the
   shipped translations of content/ (the ILSP summary in English, Spanish and French: the same
   content in three languages), the words flagged before (word forms, 2.5) and now (families, the
   language's threshold), each listed with its Zipf value so a reader can judge which are ordinary.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

from bench.language_texts import TEXTS

ENGLISH_THRESHOLD = 2.5
LANGUAGES = ("es", "fr", "de", "it", "pt", "nl")
# English endings, for measuring English by word families too (plainsum's English check looks up forms:
# English forms are close to lemmas, and its threshold, 2.5, was set on them)
ENGLISH_INFLECTIONS = ("s", "es", "ed", "d", "ing", "er", "ers", "est", "ly")


def _mass_below(scores: list[tuple[float, float]], threshold: float) -> float:
    """The share of running text (wordfreq's frequency mass) of words scored below `threshold`."""
    total = sum(mass for _, mass in scores)
    return sum(mass for score, mass in scores if score < threshold) / total


def _matching_threshold(scores: list[tuple[float, float]], share: float) -> float:
    """The threshold (to 0.01) below which `share` of the running text falls."""
    ordered = sorted(scores)
    total = sum(mass for _, mass in ordered)
    running = 0.0
    for score, mass in ordered:
        if (running + mass) / total > share:
            return round(score, 2)
        running += mass
    return round(ordered[-1][0], 2)


def calibrate(language: str) -> dict[str, float]:
    from plainsum.checks.glossary import family_zipf, zipf_table
    from plainsum.readability.languages import language_profile

    table = zipf_table(language)
    inflections = ENGLISH_INFLECTIONS if language == "en" else language_profile(language).inflections
    forms: list[tuple[float, float]] = []
    families: list[tuple[float, float]] = []
    for word, centizipf in zip(table.words, table.centizipf, strict=True):
        score = centizipf / 100
        mass = 10 ** (score - 9)
        forms.append((score, mass))
        family = family_zipf(word, language, inflections) if score < 3.5 else score  # (no word of 3.5 falls below 2.5)
        families.append((max(score, family), mass))
    return {"forms": _mass_below(forms, ENGLISH_THRESHOLD), "families": _mass_below(families, ENGLISH_THRESHOLD),
            "families_scores": families}  # type: ignore[dict-item]


def _sample_sentences() -> dict[str, tuple[str, list[str]]]:
    from plainsum.readability.score import score_markdown

    samples = {f"bench/language_texts.py {code}": (code, [s.text for s in score_markdown(text, min_words=0, language=code).sentences])
               for code, text in TEXTS.items()}
    checked = subprocess.run([sys.executable, "-m", "plainsum", "check", "--format", "json", "content/ilsp-immunotherapy.yaml"],
                             capture_output=True, text=True, timeout=600)
    try:
        documents = json.loads(checked.stdout)["documents"]
    except (ValueError, KeyError):
        documents = []
    for document in documents:
        if document["kind"] == "summary":
            code = document["document"].split("/")[1] if document["document"].count("/") == 2 else "en"
            samples[f"{document['file']} ({code})"] = (code, [s["text"] for s in document["sentences"]])
    return samples


def flagged(sentences: list[str], language: str, threshold: float, families: bool) -> dict[str, float]:
    from plainsum.checks.glossary import rare_words
    from plainsum.readability.languages import language_profile

    inflections = language_profile(language).inflections if families else ()
    found: dict[str, float] = {}
    for sentence in sentences:
        for rare in rare_words(sentence, threshold, set(), None, language, inflections):
            found.setdefault(rare.word.lower(), rare.zipf)
    return found


def main(argv: list[str]) -> int:
    from plainsum.readability.languages import language_profile

    started = time.perf_counter()
    english = calibrate("en")
    share = english["families"]
    print(f"English: {100 * english['forms']:.2f}% of running text is in word forms below Zipf {ENGLISH_THRESHOLD}, "
          f"{100 * share:.2f}% in word families")
    print("threshold of each language (the same share of running text below it as in English, word families):")
    for code in LANGUAGES:
        measured = calibrate(code)
        matching = _matching_threshold(measured["families_scores"], share)  # type: ignore[arg-type]
        print(f"  {code}: below 2.5 {100 * measured['forms']:.2f}% as forms, {100 * measured['families']:.2f}% as families; "
              f"the same share as English below {matching:.2f}; plainsum uses {language_profile(code).rare_min_zipf:g}")
    print("words flagged (before: word forms below 2.5; now: families below the language's threshold):")
    for name, (code, sentences) in _sample_sentences().items():
        profile = language_profile(code)
        before = flagged(sentences, code, ENGLISH_THRESHOLD, families=False)
        now = flagged(sentences, code, profile.rare_min_zipf, families=True)
        words = sum(len(s.split()) for s in sentences)
        print(f"  {name}, {words} words: before {len(before)}, now {len(now)}")
        print(f"      before: {', '.join(f'{w} {z:.2f}' for w, z in sorted(before.items(), key=lambda x: x[1])) or '-'}")
        print(f"      now:    {', '.join(f'{w} {z:.2f}' for w, z in sorted(now.items(), key=lambda x: x[1])) or '-'}")
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0
