"""The truth set: do plainsum's truth checks hold real lay summaries to their reviews' results?

    python -m bench truth [--json] [--list-findings] [--show-missed[=N]] [--review=ID,...] [--seed=N] [--keep=DIR]

The set is bench/truth/reviews/<review id>.yaml: Cochrane reviews of the shared corpus chosen by a
seeded draw (docs/plain-language.md, "The truth set"), each with its results encoded by hand from
its abstract (plainsum's `results:` format) and the facts its lay summary types (search date, numbers
of studies and participants). No corpus text is stored here: at run time each review is imported
from ../shared/corpus as `plainsum import` does, so the abstract and the published lay summary,
word for word, are the prose, and the encoding adds the data.

1. Precision. `plainsum check --format json` runs on the unmodified reviews (with a pseudo-translation
   of each summary into Spanish, as bench/translations.py makes them, and the shipped translations of
   content/), each as published after an update (an earlier version with older dates and counts is
   recorded, as `plainsum build` records one). Every finding of a truth check (results.*, claims.*,
   translation.* on numbers, dates and certainty) is looked up in bench/truth/verdicts.yaml, a
   verdict given by hand after reading the sentence: right or false alarm, with a one-line reason. Verdicts are keyed by review, check and a digest of the sentence
   (so no corpus text is stored and a reworded message keeps its verdict). Findings without a verdict
   are printed as UNJUDGED with a block to paste into verdicts.yaml once read.
2. Recall. Single-error mutants of the same summaries, made by rules (bench/truth/mutants.py) and a
   seeded draw: a number changed, the direction inverted, a certainty word changed, a stale search date,
   a stale count, an effect claimed where the text says little or no difference, another result's
   figure swapped in, a translation's number or certainty changed. A mutant is caught when an error of
   a truth check points at the mutated sentence and the unmodified sentence had no such error. A
   mutant read and found to be no error is set aside (bench/truth/set_aside.yaml).

Prints precision per check, recall per class and overall figures, for the whole set and for each group
of reviews (`group:` in an encoding: "original", the reviews the checks were developed on,
"held-out", reviews added later, "held-out-2" and "held-out-3", each drawn after the one before (all since tuned on),
"held-out-4", kept off main until the checks' changes had landed, and "held-out-5" to "held-out-10", kept off
main the same way in the next rounds: each the untouched measure of its round); --json prints them as JSON (with
every mutant and unjudged finding); --list-findings prints every finding on the unmodified text with
its verdict and key; --show-missed lists the mutants no error caught.
"""

from __future__ import annotations

import copy
import datetime
import functools
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bench import CORPUS, corpus_present, option
from bench.truth.mutants import CLASSES, Mutant, earlier_facts, review_mutants, translation_mutants
from bench.truth.project import Project, build_review, read_corpus, replace_in_field

HERE = Path(__file__).resolve().parent
REVIEWS = HERE / "reviews"
VERDICTS = HERE / "verdicts.yaml"
SET_ASIDE = HERE / "set_aside.yaml"  # mutants read by hand and found to be no error (the rules are blind)
SHIPPED = HERE.parent.parent / "content"
SHIPPED_REVIEW = "ilsp-immunotherapy"  # the shipped review with translations (es, fr), mutated like the others
SEED = 23
TRANSLATION_LANGUAGE = "es"

# The checks that judge a summary's truth; other results.* / translation.* checks judge the data or
# the bookkeeping (a size not chosen yet, a translation older than its source, untranslated names).
NOT_TRUTH = {"results.size-unset", "translation.out-of-date", "translation.terms"}
BENCH_ONLY_KEYS = ("risks_per_1000",)  # in an encoded result, for the mutants; not given to plainsum
VERDICT_KEYS = ("review", "check", "sentence", "verdict", "reason", "detail")


TRUTH_PREFIXES = ("results.", "claims.", "translation.")  # a new check of the claim model under these is measured too


def is_truth_check(check: str) -> bool:
    return check.startswith(TRUTH_PREFIXES) and check not in NOT_TRUTH


def normalised(text: str | None) -> str:
    text = (text or "").replace("\\", "").replace("\u00a0", " ").replace("\u202f", " ")
    return " ".join(text.split())


QUOTED = re.compile(r'"(.+?)"(?=[;:,.]? |$)', re.S)


def finding_sentences(finding: dict[str, Any]) -> list[str]:
    """The sentence a finding points at; for a finding on a whole field (translation.certainty), the texts its message quotes."""
    if finding.get("sentence"):
        return [normalised(finding["sentence"])]
    return [normalised(quoted) for quoted in QUOTED.findall(finding.get("message") or "")]


def sentence_key(text: str | None) -> str:
    return hashlib.sha256(normalised(text).encode("utf-8")).hexdigest()[:12]


def finding_key(finding: dict[str, Any]) -> str:
    found = finding_sentences(finding)
    return sentence_key(found[0] if found else "")


# --- the data ------------------------------------------------------------------------------------
def load_encodings(only: set[str] | None = None) -> dict[str, dict[str, Any]]:
    """Review id -> its encoding (doi, layout, facts, results, comparisons, style)."""
    encodings = {}
    for path in sorted(REVIEWS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "doi" not in data:
            raise ValueError(f"{path}: an encoding needs at least `doi`")
        if only and path.stem not in only:
            continue
        encodings[path.stem] = data
    return encodings


def plainsum_results(encoding: dict[str, Any]) -> list[dict[str, Any]]:
    return [{k: v for k, v in result.items() if k not in BENCH_ONLY_KEYS} for result in encoding.get("results") or []]


@dataclass(frozen=True)
class Verdict:
    review: str
    check: str
    sentence: str  # digest of the sentence (sentence_key)
    right: bool
    reason: str
    detail: str | None = None  # a piece of the message, when one sentence has several findings of a check


def load_verdicts(path: Path = VERDICTS) -> list[Verdict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else []
    verdicts = []
    for index, item in enumerate(data or []):
        unknown = set(item) - set(VERDICT_KEYS)
        if unknown or item.get("verdict") not in ("right", "false alarm") or not item.get("reason"):
            raise ValueError(f"{path}: verdict {index + 1}: needs review, check, sentence, verdict (right | false alarm) "
                             f"and reason{'; unknown ' + ', '.join(sorted(unknown)) if unknown else ''}")
        verdicts.append(Verdict(item["review"], item["check"], str(item["sentence"]), item["verdict"] == "right",
                                item["reason"], item.get("detail")))
    return verdicts


def load_set_aside(path: Path = SET_ASIDE) -> dict[tuple[str, str, str, str], str]:
    """(review, class, sentence digest, edit) -> why the mutant is no error of the summary."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else []
    found = {}
    for index, item in enumerate(data or []):
        if set(item) != {"review", "class", "sentence", "edit", "reason"}:
            raise ValueError(f"{path}: entry {index + 1}: needs exactly review, class, sentence, edit and reason")
        found[(item["review"], item["class"], str(item["sentence"]), item["edit"])] = item["reason"]
    return found


def verdict_for(verdicts: list[Verdict], review: str, finding: dict[str, Any]) -> Verdict | None:
    key = finding_key(finding)
    candidates = [v for v in verdicts if v.review == review and v.check == finding["check"] and v.sentence == key]
    message = finding.get("message") or ""
    for verdict in candidates:
        if verdict.detail and verdict.detail in message:
            return verdict
    return next((v for v in candidates if not v.detail), None)


# --- projects ------------------------------------------------------------------------------------
def config_text() -> str:
    """A project configuration that turns off the checks the truth set does not measure (time)."""
    text = 'content = "content"\noutput = "output"\ntemplates = "templates"\nformats = ["txt"]\n'
    try:
        import plainsum.checks  # noqa: F401  (registers the checks)
        from plainsum.checks.registry import registry
    except ImportError:
        return text
    off = [check for check in registry.ids() if check.startswith(("plain.", "readability.")) and check != "readability.thresholds"]
    return text + "\n[checks]\n" + "".join(f'"{check}" = "off"\n' for check in off)


def write_review(content: Path, review_id: str, data: dict[str, Any]) -> Path:
    path = content / f"{review_id}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100000), encoding="utf-8")
    return path


# GRADE's certainty words in Spanish, put in before the pseudo-translation (which leaves them in
# English), so that an unmodified pseudo-translation states each certainty as its source does.
CERTAINTY_ES = (
    (re.compile(r"\b(?:we are |we were )very confident\b", re.I), "estamos muy seguros"),
    (re.compile(r"\b(?:we )?(?:have|had) very little confidence\b", re.I), "tenemos muy poca confianza"),
    (re.compile(r"\b(?:we )?(?:have|had) little confidence\b", re.I), "tenemos poca confianza"),
    (re.compile(r"\bconfidence in the evidence (?:is|was) very limited\b", re.I), "tenemos muy poca confianza en la evidencia"),
    (re.compile(r"\b(?:we are |we were )?(?:very )?(?:uncertain|unsure|not sure|not very sure|not very certain|not confident)\b", re.I), "estamos muy inciertos"),
    (re.compile(r"\b(?:it is|it was) (?:unclear|not clear)\b", re.I), "no está claro"),
    (re.compile(r"\bwe do not know\b", re.I), "no sabemos"),
    (re.compile(r"\bmoderately (?:certain|confident)\b", re.I), "bastante seguros"),
    (re.compile(r"\b(?:very low)[- ](?:certainty|quality)\b(?!\s+(?:stud|trial|research|RCT))", re.I), "certeza muy baja"),
    (re.compile(r"\blow[- ](?:certainty|quality)\b(?!\s+(?:stud|trial|research|RCT))", re.I), "certeza baja"),
    (re.compile(r"\bmoderate[- ](?:certainty|quality)\b(?!\s+(?:stud|trial|research|RCT))", re.I), "certeza moderada"),
    (re.compile(r"\bhigh[- ](?:certainty|quality)\b(?!\s+(?:stud|trial|research|RCT))", re.I), "certeza alta"),
    (re.compile(r"\bprobably\b", re.I), "probablemente"),
    (re.compile(r"\b(?:is|are|was|were) likely to\b", re.I), "es probable que"),  # not "more likely to": a probability
    (re.compile(r"\bsuggest(?:s|ed)?\b", re.I), "sugiere"),
    (re.compile(r"\b(?:seems?|seemed|appears?|appeared) to\b", re.I), "parece"),
    (re.compile(r"\bcould(?:n't|\s+not)\s+be\s+(?:certain|sure)\b", re.I), "muy inciertos"),  # not the hedge "could"
    # "could not be ruled out", "could not show": what was not possible, as a translator writes it ("no se pudo"), no hedge
    (re.compile(r"\bcould(?:n't|\s+not)\b", re.I), "no se pudo"),
    (re.compile(r"\b(?:might|could)\b", re.I), "podría"),
    (re.compile(r"\bpossibly\b", re.I), "posiblemente"),
    (re.compile(r"\b(?:we are|we were) confident\b", re.I), "confiamos"),
)


# Every other certainty and effect phrase of the English claim words (templates/grade/claims.yaml),
# by what it says, as one phrase of the Spanish claim words (templates/grade/es/claims.yaml) that
# says the same: a phrase left in English is read by neither language's words, so the translation
# would seem to drop or change its source's certainty when a real translation would not.
SAME_IN_ES = {
    ("certainty", "very low"): "muy inciertos", ("certainty", "low"): "puede", ("certainty", "low or very low"): "inciertos",
    ("certainty", "low or moderate"): "parece", ("certainty", "moderate"): "probablemente", ("certainty", "high"): "estamos seguros",
    ("effects", "none"): "poca o ninguna diferencia", ("effects", "reduce"): "reduce", ("effects", "increase"): "aumenta",
    ("effects", "improve"): "mejora", ("effects", "worsen"): "empeora",
}
SAME_PHRASE_IN_ES = {"unlikely": "probablemente no", "any difference": "alguna diferencia", "any effect": "algún efecto"}


@functools.cache
def _english_claim_words() -> tuple[re.Pattern[str], re.Pattern[str] | None, dict[str, str]]:
    """One pattern of the English certainty and effect phrases (longest first), the pattern of the
    phrases that are no certainty ("most likely"), and each phrase's Spanish wording."""
    from plainsum.grade.vocabulary import phrase

    words = yaml.safe_load((Path(__file__).resolve().parents[2] / "templates" / "grade" / "claims.yaml").read_text(encoding="utf-8"))
    spanish: dict[str, str] = {}
    for (section, meaning), wording in SAME_IN_ES.items():
        for english in words[section].get(meaning) or []:
            spanish.setdefault(" ".join(english.lower().split()), SAME_PHRASE_IN_ES.get(english.lower(), wording))
    pattern = re.compile("|".join(phrase(p) for p in sorted(spanish, key=len, reverse=True)), re.I)
    exempt = words.get("not_certainty") or []
    return pattern, (re.compile("|".join(f"(?:{e})" for e in exempt), re.I) if exempt else None), spanish


def certainty_words(text: str, language: str) -> str:
    if language != "es":
        return text
    for pattern, words in CERTAINTY_ES:
        text = pattern.sub(words, text)
    pattern, exempt, spanish = _english_claim_words()
    kept = [m.span() for m in exempt.finditer(text)] if exempt is not None else []

    def spanish_of(match: re.Match[str]) -> str:
        if any(start < match.end() and match.start() < end for start, end in kept):
            return match.group()
        return spanish[" ".join(match.group().lower().replace("’", "'").split())]

    return pattern.sub(spanish_of, text)


SENTENCE_START = re.compile(r"(^|[.!?]\s+|\n\s*(?:[-\u2022\u2013\u2014]\s*)?)([a-z\u00e0-\u00fe])")


def capitalised(text: str) -> str:
    """Sentences start with a capital again ("The" became "el"), so the translation splits into the
    same sentences as its source, as a real translation does."""
    return SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text)


def translation_of(data: dict[str, Any], language: str) -> dict[str, Any]:
    """A pseudo-translation (bench/translations.py's) of a review's lay summary, as a translation file."""
    from bench.translations import pseudo_translate
    from plainsum.content.locale import Locale
    from plainsum.content.model import digest
    from plainsum.render.templates import TemplateSet

    locale = TemplateSet(None).locale(language)
    english = Locale.source()
    fields: dict[str, str] = {"plain_title": data["plain_title"]}
    for key, part in (data.get("summary") or {}).items():
        if isinstance(part, list):
            fields.update({f"summary.{key}.{index}": item for index, item in enumerate(part)})
        else:
            fields[f"summary.{key}"] = part
    out: dict[str, Any] = {"language": language, "translators": ["bench pseudo-translation"], "date": datetime.date(2026, 12, 1),
                           "source_version": {key: digest(text) for key, text in fields.items()}}
    for key, text in fields.items():
        translated = capitalised(pseudo_translate(certainty_words(text, language), language, locale, english))
        parts = key.split(".")
        if parts[0] == "plain_title":
            out["plain_title"] = translated
        elif len(parts) == 3:
            out.setdefault("summary", {}).setdefault(parts[1], []).append(translated)
        else:
            out.setdefault("summary", {})[parts[1]] = translated
    return out


def run_check(root: Path) -> dict[str, Any]:
    process = subprocess.run([sys.executable, "-m", "plainsum", "check", "--format", "json", "content"], cwd=root,
                             capture_output=True, text=True, env={**os.environ, "CI": ""})
    if process.returncode not in (0, 1, 2) or not process.stdout.strip():
        raise RuntimeError(f"plainsum check exited {process.returncode} in {root}:\n{process.stderr[-3000:]}\n{process.stdout[-2000:]}")
    data: dict[str, Any] = json.loads(process.stdout)
    for problem in data.get("problems") or []:  # a review plainsum refuses: an encoding or a mutant to fix
        print(f"{root.name}/{problem['file']}:{problem['line']}:{problem['column']}: {problem['message']}", file=sys.stderr)
    return data


def findings_by_review(report: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Review id -> its truth findings (each with its document's language)."""
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for document in report.get("documents", []):
        review = document["document"].split("/", 1)[0]
        for finding in document.get("findings", []):
            # on a translation only the translation.* checks are measured: the claim checks read a
            # pseudo-translation's leftover English words, which no real translation has
            if is_truth_check(finding["check"]) and (document.get("language") in (None, "en") or finding["check"].startswith("translation.")):
                found[review].append({**finding, "language": document.get("language")})
    return found


def record_previous(root: Path, review_id: str, previous: dict[str, Any]) -> None:
    """Record `previous` as the published version of `review_id`, as `plainsum build` would have."""
    from plainsum.build.published import record_published

    path = write_review(root / "content", review_id, previous)
    record_published(root / "output", {review_id: (str(path), hashlib.sha256(path.read_bytes()).hexdigest())})


# --- evaluation ----------------------------------------------------------------------------------
def at_sentence(finding: dict[str, Any], sentence: str) -> bool:
    mutated = normalised(sentence)
    return any(found and (found in mutated or mutated in found) for found in finding_sentences(finding))


def main(argv: list[str]) -> int:
    if not corpus_present():
        return 0
    only = set(filter(None, (option(argv, "review") or "").split(","))) or None
    seed = int(option(argv, "seed") or SEED)
    as_json = option(argv, "json") is not None
    listing = option(argv, "list-findings") is not None
    missed_option = option(argv, "show-missed")
    keep = option(argv, "keep")
    encodings = load_encodings(only)
    verdicts = load_verdicts()
    set_aside = load_set_aside()
    records = read_corpus(CORPUS, {e["doi"] for e in encodings.values()})
    missing = sorted(e["doi"] for e in encodings.values() if e["doi"] not in records)
    if missing:
        print(f"not in the corpus: {', '.join(missing)}", file=sys.stderr)
        return 2
    workspace = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="plainsum-truth-"))
    try:
        result = evaluate(workspace, encodings, records, verdicts, seed, set_aside)
    finally:
        if not keep:
            shutil.rmtree(workspace, ignore_errors=True)
    if as_json:
        print(json.dumps(result, indent=1, ensure_ascii=False, default=str))
        return 0
    if listing:
        print_findings(result)
        return 0
    print_table(result)
    if missed_option is not None:
        print_missed(result, int(missed_option) if missed_option else 10**6)
    return 0


def evaluate(workspace: Path, encodings: dict[str, dict[str, Any]], records: dict[str, dict[str, Any]],
             verdicts: list[Verdict], seed: int, set_aside: dict[tuple[str, str, str, str], str] | None = None) -> dict[str, Any]:
    original, mutated = workspace / "original", workspace / "mutants"
    for root in (original, mutated):
        (root / "content").mkdir(parents=True, exist_ok=True)
        (root / "plainsum.toml").write_text(config_text(), encoding="utf-8")
    projects: dict[str, Project] = {}
    mutants: list[Mutant] = []
    translations: dict[str, dict[str, Any]] = {}
    for review_id, encoding in encodings.items():
        project = build_review(records[encoding["doi"]], encoding)
        if project.review_id != review_id:
            raise ValueError(f"bench/truth/reviews/{review_id}.yaml: the corpus record imports as {project.review_id}")
        project.data["results"] = plainsum_results(encoding)
        projects[review_id] = project
        # the summary as published after an update: the earlier version (every date and count older)
        # is recorded, so results.stale reads the text as it does in a real update; the text is up to
        # date, so each stale finding here is judged like any other
        previous = copy.deepcopy(project.data)
        previous["facts"] = earlier_facts(previous.get("facts") or {})
        record_previous(original, review_id, previous)
        write_review(original / "content", review_id, project.data)
        translations[review_id] = translation_of(project.data, TRANSLATION_LANGUAGE)
        write_review(original / "content", f"{review_id}.{TRANSLATION_LANGUAGE}", translations[review_id])
        mutants.extend(review_mutants(project, encoding, seed))
        mutants.extend(translation_mutants(review_id, translations[review_id], TRANSLATION_LANGUAGE, seed, project.data))
    shipped = sorted(SHIPPED.glob(f"{SHIPPED_REVIEW}*.yaml"))
    for path in shipped:
        shutil.copy(path, original / "content" / path.name)
    shipped_translations = {p.name.split(".")[1]: yaml.safe_load(p.read_text(encoding="utf-8")) for p in shipped if p.name.count(".") == 2}
    for language, data in sorted(shipped_translations.items()):
        mutants.extend(translation_mutants(SHIPPED_REVIEW, data, language, seed))
    counters: Counter[str] = Counter()
    for mutant in mutants:
        counters[mutant.review] += 1
        mutant.id = f"{mutant.review}-m{counters[mutant.review]:03d}"
        write_mutant(mutated, mutant, projects, translations, shipped_translations)
    base = findings_by_review(run_check(original))
    after = findings_by_review(run_check(mutated))
    return summarise(encodings, base, after, mutants, verdicts, set_aside or {})


def write_mutant(root: Path, mutant: Mutant, projects: dict[str, Project], translations: dict[str, dict[str, Any]],
                 shipped: dict[str, dict[str, Any]]) -> None:
    content = root / "content"
    if mutant.language is not None:
        if mutant.review == SHIPPED_REVIEW:
            review = yaml.safe_load((SHIPPED / f"{SHIPPED_REVIEW}.yaml").read_text(encoding="utf-8"))
            translation = copy.deepcopy(shipped[mutant.language])
        else:
            review = copy.deepcopy(projects[mutant.review].data)
            translation = copy.deepcopy(translations[mutant.review])
        review["id"] = mutant.id
        set_path(translation, mutant.where.path, get_path(translation, mutant.where.path).replace(mutant.sentence, mutant.mutated, 1))
        write_review(content, mutant.id, review)
        write_review(content, f"{mutant.id}.{mutant.language}", translation)
        return
    project = projects[mutant.review]
    mutated = Project(mutant.id, copy.deepcopy(project.data))
    mutated.data["id"] = mutant.id
    if mutant.previous_facts is not None:
        previous = copy.deepcopy(mutated.data)
        previous["facts"] = copy.deepcopy(mutant.previous_facts)
        record_previous(root, mutant.id, previous)
    replace_in_field(mutated, mutant.where, mutant.sentence, mutant.mutated)
    write_review(content, mutant.id, mutated.data)


def get_path(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


def set_path(data: Any, path: tuple[Any, ...], value: Any) -> None:
    get_path(data, path[:-1])[path[-1]] = value


def group_of(encodings: dict[str, dict[str, Any]], review: str) -> str:
    """The group a review belongs to (`group:` in its encoding; the shipped review and the first 20 are "original")."""
    return str((encodings.get(review) or {}).get("group") or "original")


def group_order(name: str) -> tuple[bool, list[Any]]:
    """Sort key of a group: "original" first, then by name with its numbers read as numbers (held-out-9 before held-out-10)."""
    return name != "original", [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def summarise(encodings: dict[str, dict[str, Any]], base: dict[str, list[dict[str, Any]]], after: dict[str, list[dict[str, Any]]],
              mutants: list[Mutant], verdicts: list[Verdict], set_aside: dict[tuple[str, str, str, str], str]) -> dict[str, Any]:
    """The figures of the whole set, and under "groups" the same figures for each group of reviews
    (original, held-out, held-out-2 ... held-out-10), so that checks tuned on one group are measured on reviews they never saw."""
    result = figures(encodings, base, after, mutants, verdicts, set_aside)
    names = sorted({group_of(encodings, review) for review in encodings}, key=group_order)
    groups = {}
    for name in names:
        members = {review for review in set(encodings) | set(base) | {m.review for m in mutants} if group_of(encodings, review) == name}
        part = [m for m in mutants if m.review in members]
        groups[name] = {key: value for key, value in figures(
            {r: e for r, e in encodings.items() if r in members}, {r: f for r, f in base.items() if r in members},
            {m.id: after[m.id] for m in part if m.id in after}, part, verdicts, set_aside).items() if key not in ("findings", "mutants")}
    result["groups"] = groups
    return result


def figures(encodings: dict[str, dict[str, Any]], base: dict[str, list[dict[str, Any]]], after: dict[str, list[dict[str, Any]]],
            mutants: list[Mutant], verdicts: list[Verdict], set_aside: dict[tuple[str, str, str, str], str]) -> dict[str, Any]:
    precision: dict[str, dict[str, int]] = defaultdict(lambda: Counter())
    listed = []
    for review in sorted(base):
        for finding in base[review]:
            verdict = verdict_for(verdicts, review, finding)
            state = "unjudged" if verdict is None else "right" if verdict.right else "false alarm"
            precision[finding["check"]][f"{finding['severity']} {state}"] += 1
            listed.append({"review": review, "check": finding["check"], "severity": finding["severity"], "verdict": state,
                           "reason": verdict.reason if verdict else None, "key": finding_key(finding),
                           "language": finding.get("language"), "sentence": finding.get("sentence"), "message": finding.get("message"),
                           "file": finding.get("file"), "line": finding.get("line")})
    recall: dict[str, Counter[str]] = defaultdict(Counter)
    outcomes = []
    for mutant in mutants:
        reason = set_aside.get((mutant.review, mutant.cls, sentence_key(mutant.sentence), mutant.edit))
        if reason is not None:
            recall[mutant.cls]["set aside"] += 1
            outcomes.append({**mutant.as_dict(), "key": sentence_key(mutant.sentence), "set_aside": reason, "caught": None})
            continue
        before = {(f["check"], f.get("message")) for f in base.get(mutant.review, [])
                  if f["severity"] == "error" and at_sentence(f, mutant.sentence)}
        errors = [f for f in after.get(mutant.id, []) if f["severity"] == "error" and at_sentence(f, mutant.mutated)]
        caught = [f for f in errors if (f["check"], f.get("message")) not in before]
        warned = [f for f in after.get(mutant.id, []) if f["severity"] == "warning" and at_sentence(f, mutant.mutated)]
        recall[mutant.cls]["mutants"] += 1
        recall[mutant.cls]["caught"] += bool(caught)
        recall[mutant.cls]["warned only"] += bool(not caught and warned)
        outcomes.append({**mutant.as_dict(), "key": sentence_key(mutant.sentence), "caught": bool(caught), "by": sorted({f["check"] for f in caught}),
                         "warnings": sorted({f["check"] for f in warned})})
    errors_right = sum(c["error right"] for c in precision.values())
    errors_false = sum(c["error false alarm"] for c in precision.values())
    caught_total = sum(c["caught"] for c in recall.values())
    total = sum(c["mutants"] for c in recall.values())
    styles = Counter(e.get("style", "?") for e in encodings.values())
    return {
        "reviews": len(encodings), "styles": dict(styles),
        "several_comparisons": sum(1 for e in encodings.values() if (e.get("comparisons") or 1) > 1),
        "results": sum(len(e.get("results") or []) for e in encodings.values()),
        "precision": {check: dict(counts) for check, counts in sorted(precision.items())},
        "recall": {cls: dict(recall[cls]) for cls in CLASSES if cls in recall},
        "overall": {
            "blocking_right": errors_right, "blocking_false_alarms": errors_false,
            "blocking_unjudged": sum(c["error unjudged"] for c in precision.values()),
            "precision": ratio(errors_right, errors_right + errors_false),
            "mutants": total, "caught": caught_total, "recall": ratio(caught_total, total),
            "reviews_with_false_alarm": len({f["review"] for f in listed if f["severity"] == "error" and f["verdict"] == "false alarm"}),
        },
        "findings": listed, "mutants": outcomes,
    }


def ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def print_table(result: dict[str, Any]) -> None:
    print_figures(result)
    groups = result.get("groups") or {}
    if len(groups) > 1:
        for name, figures_of_group in groups.items():
            print(f"\n=== group {name}: ", end="")
            print_figures(figures_of_group)
    unjudged = [f for f in result["findings"] if f["verdict"] == "unjudged"]
    if unjudged:
        print(f"\nUNJUDGED: {len(unjudged)} findings have no verdict; read each sentence and add its verdict to bench/truth/verdicts.yaml:")
        print_unjudged(unjudged)


def print_figures(result: dict[str, Any]) -> None:
    print(f"{result['reviews']} reviews ({', '.join(f'{n} {s}' for s, n in sorted(result['styles'].items()))}; "
          f"{result['several_comparisons']} with several comparisons), {result['results']} results encoded")
    print("\nPrecision on the published text (findings of truth checks, judged by hand):")
    print(f"  {'check':<22} {'errors right/judged':>20} {'precision':>9} {'unjudged':>8}   {'warnings right/judged':>22} {'unjudged':>8}")
    for check, c in result["precision"].items():
        er, ef, eu = c.get("error right", 0), c.get("error false alarm", 0), c.get("error unjudged", 0)
        wr, wf, wu = c.get("warning right", 0), c.get("warning false alarm", 0), c.get("warning unjudged", 0)
        print(f"  {check:<22} {f'{er}/{er + ef}':>20} {percent(er, er + ef):>9} {eu:>8}   {f'{wr}/{wr + wf}':>22} {wu:>8}")
    o = result["overall"]
    right, judged = o["blocking_right"], o["blocking_right"] + o["blocking_false_alarms"]
    print(f"  {'all blocking':<22} {f'{right}/{judged}':>20} {percent(right, judged):>9} {o['blocking_unjudged']:>8}")
    print(f"  reviews with a blocking false alarm: {o['reviews_with_false_alarm']} of {result['reviews']}")
    print("\nRecall on single-error mutants (caught = a new error of a truth check at the mutated sentence):")
    print(f"  {'class':<14} {'caught/mutants':>15} {'recall':>7} {'warned only':>12} {'set aside':>10}")
    for cls, c in result["recall"].items():
        caught, count = c.get("caught", 0), c.get("mutants", 0)
        print(f"  {cls:<14} {f'{caught}/{count}':>15} {percent(caught, count):>7} {c.get('warned only', 0):>12} {c.get('set aside', 0):>10}")
    caught, count = o["caught"], o["mutants"]
    print(f"  {'all':<14} {f'{caught}/{count}':>15} {percent(caught, count):>7}")


def print_unjudged(findings: list[dict[str, Any]]) -> None:
    for f in findings:
        print(f"\n  # {f['severity']} {f['check']} ({f['language']}): {f['message']}")
        print(f"  #   \"{normalised(f['sentence']) or '(the field; see the message)'}\"")
        print(f"  - {{review: {f['review']}, check: {f['check']}, sentence: '{f['key']}', verdict: right | false alarm, reason: ...}}")


def print_findings(result: dict[str, Any]) -> None:
    for f in result["findings"]:
        print(f"{f['review']} {f['check']} {f['severity']} [{f['verdict']}] key {f['key']} ({f['language']})")
        print(f"    \"{normalised(f['sentence'])}\"")
        print(f"    {f['message']}")
        if f["reason"]:
            print(f"    verdict: {f['reason']}")


def print_missed(result: dict[str, Any], limit: int) -> None:
    missed = [m for m in result["mutants"] if m["caught"] is False]
    print(f"\nMissed mutants ({len(missed)}); one that is no error of the summary goes to bench/truth/set_aside.yaml with the line shown:")
    for m in missed[:limit]:
        print(f"  {m['id']} [{m['class']}] {m['edit']}" + (f" (warned: {', '.join(m['warnings'])})" if m["warnings"] else ""))
        print(f"    \"{normalised(m['mutated'])}\"")
        print(f"    - {{review: {m['review']}, class: {m['class']}, sentence: '{m['key']}', edit: {json.dumps(m['edit'], ensure_ascii=False)}, reason: ...}}")
