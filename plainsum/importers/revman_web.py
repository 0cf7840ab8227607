"""RevMan Web's Cochrane data package (version 1): a ZIP of CSV files, read into a review's `results:`.

RevMan Web exports it from a review's Default view ("Export"), and the Cochrane Library gives it as
"Download statistical data" (an outer ZIP holding the review's PDF and `<id>-files/<id>-data.zip`);
both are read. Of its files, `<id>-analysis-data/<id>-overall-estimates-and-settings.csv` holds one row
per analysis (comparison number "Analysis group", outcome number "Analysis number") with its pooled
estimate, and `<id>-data-rows.csv` one row per study in it; docs/import.md lists the columns read.

What the package does not hold is not made up: it has no GRADE certainty, no abstract and no lay summary,
so those are left as TODO placeholders that `plainsum check` reports (content.unfinished) until written,
and the notes list every analysis that could not become a result, and why.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections import defaultdict
from dataclasses import dataclass

from plainsum.importers import escape
from plainsum.importers.model import Draft, DraftSection, ImportFailure, slug

OVERALL = "overall-estimates-and-settings.csv"
DATA_ROWS = "data-rows.csv"
MAX_UNPACKED = 100_000_000  # the bytes read out of a package (a ZIP can claim far more than it holds)
# RevMan's effect measures, as plainsum's results name them.
MEASURES = {"odds ratio": "OR", "peto odds ratio": "OR", "risk ratio": "RR", "hazard ratio": "HR", "rate ratio": "IRR",
            "mean difference": "MD", "std. mean difference": "SMD", "standardized mean difference": "SMD",
            "standardised mean difference": "SMD", "risk difference": "RD"}
RATIO = {"OR", "RR", "HR", "IRR"}
CERTAINTY_PLACEHOLDER = "low"
SECTIONS = ("background", "objectives", "search_methods", "selection_criteria", "data_collection", "main_results",
            "authors_conclusions")


@dataclass
class Package:
    overall: list[dict[str, str]]
    data_rows: list[dict[str, str]]
    name: str  # what the package is called (the outer folder, or the file)


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list[int]) -> bytes:
    if info.file_size > budget[0]:
        raise ImportFailure(f"the package unpacks to more than {MAX_UNPACKED:,} bytes, the limit for an import")
    with archive.open(info) as stream:
        data = stream.read(budget[0] + 1)
    if len(data) > budget[0]:
        raise ImportFailure(f"the package unpacks to more than {MAX_UNPACKED:,} bytes, the limit for an import")
    budget[0] -= len(data)
    return data


def _csv(data: bytes, name: str) -> list[dict[str, str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFailure(f"{name} is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    try:
        return [{str(key or "").strip(): (value or "").strip() if isinstance(value, str) else "" for key, value in row.items()}
                for row in csv.DictReader(io.StringIO(text))]
    except csv.Error as exc:  # a field past the csv module's limit, a quote left open
        raise ImportFailure(f"{name} is not a CSV file RevMan writes: {exc}") from None


def read_package(data: bytes, source: str) -> Package:
    """The package's analysis tables, from the data package itself or from the Library's outer ZIP."""
    budget = [MAX_UNPACKED]
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ImportFailure("not a ZIP file (a RevMan Web data package is one)") from None
    name = source.rsplit("/", 1)[-1].removesuffix(".zip")
    for _ in range(2):  # the data package, or the outer ZIP that holds it
        files = {info.filename.rsplit("/", 1)[-1]: info for info in archive.infolist() if not info.is_dir()}
        overall = next((info for base, info in files.items() if base.endswith(OVERALL)), None)
        if overall is not None:
            rows = next((info for base, info in files.items() if base.endswith(DATA_ROWS)), None)
            return Package(_csv(_read(archive, overall, budget), overall.filename),
                           _csv(_read(archive, rows, budget), rows.filename) if rows is not None else [],
                           name)
        inner = next((info for base, info in files.items() if base.endswith("-data.zip")), None)
        if inner is None:
            break
        if "/" in inner.filename:  # the Library's ZIP: its folder is named after the review (Fleiss1993/)
            name = inner.filename.split("/", 1)[0]
        try:
            archive = zipfile.ZipFile(io.BytesIO(_read(archive, inner, budget)))
        except zipfile.BadZipFile:
            raise ImportFailure(f"{inner.filename} is not a ZIP file") from None
    raise ImportFailure(f"no *-{OVERALL} in the ZIP: not a RevMan Web data package (version 1)")


def _number(text: str) -> float | None:
    try:
        return float(text.replace("\u2212", "-"))
    except ValueError:
        return None


def _count(text: str) -> int | None:
    value = _number(text)
    return int(value) if value is not None and value >= 0 and value == int(value) else None


def _shown(value: float) -> str:
    """An estimate as a summary of findings prints it: two decimals (three below 0.1 in size)."""
    return f"{value:.3f}" if 0 < abs(value) < 0.1 else f"{value:.2f}"


def _result_id(name: str, taken: set[str]) -> str:
    words: list[str] = re.findall(r"[a-z0-9]+", name.lower()) or ["outcome"]
    base = words[0]
    for word in words[1:]:  # whole words, up to 40 characters
        if len(base) + 1 + len(word) > 40:
            break
        base += "_" + word
    base = "outcome_" + base if base[0].isdigit() else base
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}_{number}", number + 1
    taken.add(candidate)
    return candidate


def _names(row: dict[str, str]) -> tuple[str | None, str | None]:
    """The intervention and its comparator: RevMan's columns, else the comparison's 'X versus Y' name."""
    experimental = row.get("Experimental intervention") or row.get("Experimental group label") or ""
    control = row.get("Control intervention") or row.get("Control group label") or ""
    if not experimental:
        match = re.match(r"^(.+?)\s+(?:versus|vs\.?|compared (?:with|to))\s+(.+)$", row.get("Analysis group name", ""), re.I)
        if match:
            experimental, control = experimental or match.group(1), control or match.group(2)
    return (experimental.strip() or None), (control.strip() or None)


def _outcome_words(name: str) -> str:
    text = name.strip().rstrip(".")
    if ":" in text:
        head, _, rest = text.partition(":")
        text = f"{head.strip()} ({rest.strip()})"
    return text[:1].lower() + text[1:] if not text[:2].isupper() else text


def results_of(package: Package) -> tuple[list[dict[str, object]], list[str], dict[str, str]]:
    """Each analysis with an overall estimate as a result; the notes on what was not mapped; the facts."""
    studies: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in package.data_rows:
        if row.get("Applicability", "SUBGROUP_AND_OVERALL").upper() in ("SUBGROUP_AND_OVERALL", "OVERALL") and row.get("Study"):
            studies[(row.get("Analysis group", ""), row.get("Analysis number", ""))].add(row["Study"])
    results: list[dict[str, object]] = []
    notes: list[str] = []
    facts: dict[str, str] = {}
    taken: set[str] = set()
    for row in package.overall:
        number = f"{row.get('Analysis group', '?')}.{row.get('Analysis number', '?')}"
        name = row.get("Analysis name", "") or f"analysis {number}"
        label = f"analysis {number} '{name}'"
        measure_text = row.get("Effect measure", "")
        measure = MEASURES.get(measure_text.lower())
        estimate, low, high = (_number(row.get(key, "")) for key in ("Mean", "CI start", "CI end"))
        experimental_n, control_n = _count(row.get("Experimental N", "")), _count(row.get("Control N", ""))
        counted = len(studies.get((row.get("Analysis group", ""), row.get("Analysis number", "")), ()))
        why = ("its overall estimate is switched off in RevMan (Overall estimates: false)" if row.get("Overall estimates", "").lower() == "false"
               else f"its effect measure '{measure_text}' has no counterpart in plainsum's results" if measure is None
               else "it gives no estimate with a confidence interval" if None in (estimate, low, high)
               else "it gives no estimate (0, 95% CI 0 to 0: RevMan computed none)" if estimate == low == high == 0
               else "it gives no numbers of participants" if experimental_n is None or control_n is None
               else "no study contributes to its overall estimate" if counted == 0 and package.data_rows
               else None)
        if why is not None:
            notes.append(f"{label} not imported as a result: {why}")
            continue
        assert measure is not None and estimate is not None and low is not None and high is not None
        assert experimental_n is not None and control_n is not None
        if row.get("Estimate CI", "95%") not in ("95%", ""):
            notes.append(f"{label}: its interval is a {row['Estimate CI']} CI; plainsum's results print it as a 95% CI")
        experimental, control = _names(row)
        result: dict[str, object] = {"id": _result_id(name, taken), "outcome": escape.line(_outcome_words(name))}
        if experimental and control:
            result["intervention"] = escape.line(experimental)
            result["comparison"] = escape.line(control)
            facts.setdefault("intervention", escape.line(experimental))
        result.update({"measure": measure, "estimate": _shown(estimate), "ci": [_shown(low), _shown(high)],
                       "studies": counted or 1, "participants": experimental_n + control_n,
                       "certainty": CERTAINTY_PLACEHOLDER})
        null = 1.0 if measure in RATIO else 0.0
        if float(_shown(estimate)) != null:
            result["direction"] = "reduce" if estimate < null else "increase"
        if measure in ("MD", "SMD"):  # a score: the package does not say which way is better
            result["better"] = "lower"
            outcome_name = str(result["outcome"])
            result["outcome"] = {"technical": outcome_name, "plain": outcome_name, "quality": False}
            notes.append(f"TODO {label}: a {measure}: 'quality: false' is written (worded reduces/increases); set "
                         f"'quality: true' if it is a state that gets better or worse (asthma control, quality of life)")
            notes.append(f"TODO {label}: a {measure}, and the package does not say whether a lower or a higher score is "
                         "better: 'better: lower' is written; set it, then delete this note")
        if measure_text.lower() == "peto odds ratio":
            notes.append(f"{label}: a Peto odds ratio, written as OR")
        if not package.data_rows:
            notes.append(f"{label}: the package has no data rows, so its number of studies is not known: set 'studies'")
        results.append(result)
    return results, notes, facts


def parse_data_package(data: bytes, source: str, review_id: str | None = None) -> Draft:
    package = read_package(data, source)
    if not package.overall:
        raise ImportFailure(f"the package's {OVERALL} has no analyses")
    results, notes, facts = results_of(package)
    if not results:
        raise ImportFailure("no analysis of the package has an overall estimate to import: " + "; ".join(notes))
    if "intervention" not in facts:
        facts["intervention"] = "TODO the intervention"
        notes.append("the package names no intervention for its comparisons (no 'Experimental intervention' and no "
                     "'X versus Y' comparison name): set facts.intervention, or each result's intervention and comparison")
    ids = ", ".join(str(result["id"]) for result in results)
    notes.insert(0, f"TODO the data package has no GRADE certainty: each result's certainty is written as "
                    f"'{CERTAINTY_PLACEHOLDER}' until you set it from the review's summary of findings ({ids}), "
                    "and its size (large, moderate, small, little or no difference); then delete this note")
    notes.append("not imported: the study-level data rows, subgroup estimates, heterogeneity, risk of bias and study "
                 "information (plainsum keeps each main outcome's overall estimate)")
    sections = {key: DraftSection(f"TODO the {key.replace('_', ' ')} of the abstract.") for key in SECTIONS}
    sections["main_results"] = DraftSection(" ".join("{{ results." + str(r["id"]) + ".technical }}" for r in results))
    summary = "TODO the lay summary. " + " ".join("{{ results." + str(r["id"]) + ".plain }}" for r in results)
    return Draft(id=review_id or slug(package.name), kind="cochrane-review", layout="as-published",
                 title="TODO the review's title", plain_title="TODO a plain title", facts=dict(facts), sections=sections,
                 summary={"text": summary}, results=results, source=source, notes=notes)
