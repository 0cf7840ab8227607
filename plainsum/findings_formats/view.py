"""What every reporter shows, decided once: which findings, in which order, and the run's summary.

Findings are shown by document, in the order of their place in the file (the YAML first, then
template text), each sentence once with its findings beneath it. `--quiet` keeps errors only;
`--max-findings N` keeps the first N, errors before warnings, and says what it left out.
Results are DocumentResult objects from `plainsum check`, or DocumentRecord objects from a
build; both have document.name, scored.figures and findings.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from plainsum.words.numbers import plural as plural_of

if TYPE_CHECKING:
    from plainsum.config.settings import Config
    from plainsum.gate.baseline import Comparison
    from plainsum.gate.records import Outcome

SHOWN_FIGURES = (
    ("flesch_kincaid_grade", "grade", "{:.1f}"),
    ("flesch_reading_ease", "reading ease", "{:.1f}"),
    ("smog_index", "SMOG", "{:.1f}"),
    ("words", "words", "{:.0f}"),
    ("sentences", "sentences", "{:.0f}"),
)
WORST_SHOWN = 5


@dataclass
class ReportOptions:
    verbose: bool = False  # warnings of passing documents too, and each section's figures
    quiet: bool = False  # errors only; passing documents are not listed
    max_findings: int = 0  # 0: every finding
    color: bool = False
    max_annotations: int = 10  # GitHub: of each level
    list_passing: bool = True  # a line for each passing document (a build lists them only with -v)
    max_documents: int = 0  # failing documents listed (a build's bounded report); 0: all
    config: Config | None = None
    baseline: Comparison | None = None
    command: str = "check"
    max_results: int = 5000  # sarif and gitlab: results per run, errors first
    category: str = ""  # sarif: runAutomationDetails, so each part of a split library uploads as its own
    indent: int = 0  # json: 0 compact (fast), else pretty-printed with this indent
    output_format: str = "text"  # the format being written (the job summary states a bounded format's cut)


@dataclass
class Bounded:
    """The findings a bounded format (sarif, gitlab) writes, errors first, and what it left out."""

    kept: list[tuple[Any, Any]]  # (finding, its result), errors, then warnings, then suppressed findings
    total: int
    left_out: Counter[str]  # level -> findings not written ("error", "warning", "suppressed")

    def statement(self, limit: int) -> str:
        """"5,000 of 69,673 findings written, errors first; left out: 64,673 warnings ([report] max_results = 5000)"."""
        left = ", ".join(f"{count:,} {level}{'s' if count != 1 and level != 'suppressed' else ''}"
                         for level, count in self.left_out.items() if count)
        return (f"{len(self.kept):,} of {self.total:,} findings written, errors first; left out: {left} "
                f"([report] max_results = {limit}, or --max-results)")


def bounded(outcome: Outcome, limit: int, include_suppressed: bool = True, quiet: bool = False) -> Bounded:
    """At most `limit` findings of the whole run for a format whose reader has a cap: every error before
    any warning, then suppressed findings; each group in document and file order."""
    groups: dict[str, list[tuple[Any, Any]]] = {"error": [], "warning": [], "suppressed": []}
    for result in outcome.results:
        for finding in ordered(result):
            if finding.severity == "error":
                groups["error"].append((finding, result))
            elif not quiet:
                groups["warning"].append((finding, result))
        if include_suppressed and not quiet:
            groups["suppressed"].extend((finding, result) for finding in getattr(result, "suppressed", None) or [])
    kept: list[tuple[Any, Any]] = []
    left_out: Counter[str] = Counter()
    for level, items in groups.items():
        room = max(0, limit - len(kept))
        kept.extend(items[:room])
        if len(items) > room:
            left_out[level] = len(items) - room
    return Bounded(kept, sum(len(items) for items in groups.values()), left_out)


def location_of(finding: Any) -> tuple[str, int, int]:
    location = finding.location
    if isinstance(location, str):  # a finding recorded by a build: "path:line:col"
        path, line, column = location.rsplit(":", 2)
        return path, int(line), int(column)
    return location.path, location.line, location.column


def source_of(result: Any) -> str:
    document = result.document
    return str(getattr(document, "source_path", None) or getattr(document, "source", ""))


def ordered(result: Any) -> list[Any]:
    """A document's findings by their place: its YAML file first, by line and column, then template text."""
    source = source_of(result)

    def place(finding: Any) -> tuple[int, str, int, int, int, str]:
        path, line, column = location_of(finding)
        return (0 if path == source else 1, path, line, column, 0 if finding.severity == "error" else 1, finding.check)

    return sorted(result.findings, key=place)


def by_sentence(findings: list[Any]) -> list[tuple[str | None, list[Any]]]:
    """Findings grouped under the sentence they quote, in the order the sentences first appear;
    findings about no sentence stand alone."""
    groups: list[tuple[str | None, list[Any]]] = []
    index: dict[str, int] = {}
    for finding in findings:
        sentence = finding.sentence
        if not sentence:
            groups.append((None, [finding]))
            continue
        if sentence not in index:
            index[sentence] = len(groups)
            groups.append((sentence, []))
        groups[index[sentence]][1].append(finding)
    return groups


@dataclass
class Selection:
    """The findings a report shows, per result (by position in outcome.results), and what it left out."""

    shown: dict[int, list[Any]] = field(default_factory=dict)
    listed: list[int] = field(default_factory=list)  # results listed, in order
    hidden_findings: int = 0  # left out by --max-findings
    hidden_documents: int = 0  # failing documents left out by max_documents
    hidden_in: set[int] = field(default_factory=set)


def select(outcome: Outcome, options: ReportOptions) -> Selection:
    selection = Selection()
    wanted: dict[int, list[Any]] = {}
    failing = 0
    for number, result in enumerate(outcome.results):
        if result.passed:
            if options.quiet or (not options.list_passing and not options.verbose):
                continue
            findings = ordered(result) if options.verbose else []
        else:
            failing += 1
            if options.max_documents and failing > options.max_documents:
                selection.hidden_documents += 1
                continue
            findings = ordered(result)
            if options.quiet:
                findings = [f for f in findings if f.severity == "error"]
        selection.listed.append(number)
        wanted[number] = findings
    budget = options.max_findings or sum(len(f) for f in wanted.values())
    kept: dict[int, set[int]] = {number: set() for number in wanted}
    for severity in ("error", "warning"):  # errors take the budget first
        for number, findings in wanted.items():
            for position, finding in enumerate(findings):
                if (finding.severity == "error") == (severity == "error") and budget > 0:
                    kept[number].add(position)
                    budget -= 1
    for number, findings in wanted.items():
        selection.shown[number] = [f for position, f in enumerate(findings) if position in kept[number]]
        left = len(findings) - len(selection.shown[number])
        if left:
            selection.hidden_findings += left
            selection.hidden_in.add(number)
    if options.max_findings:  # past the budget, a failing document with nothing shown is only counted
        dropped = [n for n in selection.listed if findings_left_out(selection, n) and not outcome.results[n].passed]
        selection.listed = [n for n in selection.listed if n not in set(dropped)]
        selection.hidden_documents += len(dropped)
    return selection


def findings_left_out(selection: Selection, number: int) -> bool:
    return number in selection.hidden_in and not selection.shown.get(number)


def figures_line(result: Any, config: Config | None = None) -> str:
    from plainsum.config.figures import ALL_FORMULA_NAMES, FIGURE_LABELS, LANGUAGE_FORMULAS

    figures = result.scored.figures
    shown = [(key, label, fmt) for key, label, fmt in SHOWN_FIGURES if key in figures]
    if "flesch_kincaid_grade" not in figures:  # another language: its own first two formulas
        formulas = next((names for names in LANGUAGE_FORMULAS.values() if names[0] in figures), ())
        shown = [(key, FIGURE_LABELS[key], "{:.1f}") for key in formulas[:2]] + shown
    line = ", ".join(label + " " + fmt.format(figures[key]) for key, label, fmt in shown)
    kind = getattr(result.document, "kind", None)
    if config is not None and kind is not None and "words" in figures:
        minimum = config.formula_min_words(kind)
        if 0 < figures["words"] < minimum and any(key.startswith(("max_", "min_")) and key[4:] in FIGURE_LABELS
                                                   and key[4:] in ALL_FORMULA_NAMES for key in config.thresholds(kind)):
            line += f"; formulas not applied (fewer than {minimum:g} words): gated on its sentences"
    left_out = getattr(result.scored, "not_scored", None)
    names = {"links": "URLs and DOIs", "code": "code blocks"}
    return f"{line}; {', '.join(names.get(kind, kind) for kind in left_out)} not scored" if left_out else line


@dataclass
class Summary:
    documents: int
    failed: int
    errors: Counter[str]  # check id -> count
    warnings: Counter[str]
    suppressed: int  # findings set aside by the YAML or the config
    suppressed_by: Counter[str]  # "source" / "config" -> count (a build's records count without telling)
    worst: list[tuple[str, str]]  # (document, why)
    warnings_unchecked: int  # failing documents whose warning checks did not run (a build)

    @property
    def passed(self) -> int:
        return self.documents - self.failed


def summarise(outcome: Outcome) -> Summary:
    errors: Counter[str] = Counter()
    warnings: Counter[str] = Counter()
    suppressed_by: Counter[str] = Counter()
    suppressed_total = unchecked = 0
    failing = []
    for result in outcome.results:
        for finding in result.findings:
            (errors if finding.severity == "error" else warnings)[finding.check] += 1
        suppressed = getattr(result, "suppressed", 0)
        if isinstance(suppressed, list):
            suppressed_by.update(f.suppression.kind for f in suppressed)
            suppressed_total += len(suppressed)
        else:
            suppressed_total += suppressed
        if not result.passed:
            failing.append(result)
            if getattr(result, "warnings_checked", True) is False or getattr(result, "hidden_warnings", 0) is None:
                unchecked += 1

    def badness(result: Any) -> tuple[int, float]:
        return (len(result.errors), result.scored.figures.get("flesch_kincaid_grade", 0.0))

    worst = [
        (result.document.name, f"grade {result.scored.figures['flesch_kincaid_grade']:.1f}"
         if "flesch_kincaid_grade" in result.scored.figures else plural(len(result.errors), "error"))
        for result in sorted(failing, key=badness, reverse=True)[:WORST_SHOWN]
    ]
    return Summary(len(outcome.results), len(failing), errors, warnings, suppressed_total, suppressed_by, worst, unchecked)


def language_of(result: Any) -> str:
    """The language of a result's document ("es" for a translation's "<id>/es/summary")."""
    return str(getattr(result.document, "language", "en") or "en")


def not_checked_by_language(outcome: Outcome) -> Counter[str]:
    """Content files not checked (invalid input), per language where their name or review gives it."""
    return Counter(entry.language for entry in outcome.not_checked if entry.language)


def by_language(results: list[Any], not_checked: Counter[str] | None = None) -> dict[str, tuple[int, int]]:
    """Documents that passed, and all documents, per language (a translation is a document of its
    language), the source language first. A language whose files were all not checked (an invalid
    translation) is there with 0 of 0: `not_checked` (files per language) says so."""
    counts: dict[str, list[int]] = {code: [0, 0] for code in not_checked or ()}
    for result in results:
        entry = counts.setdefault(language_of(result), [0, 0])
        entry[0] += 1 if result.passed else 0
        entry[1] += 1
    return {code: (counts[code][0], counts[code][1]) for code in sorted(counts, key=lambda code: (code != "en", code))}


def by_language_line(results: list[Any], not_checked: Counter[str] | None = None) -> str | None:
    """"by language: en 6 of 6, es 0 of 1, fr 1 of 1" (documents passed of documents), when there is more than one;
    "es not checked (1 file)" for a language whose translation was invalid, "es 2 of 2 (1 file not checked)"."""
    unchecked = not_checked or Counter()
    counts = by_language(results, unchecked)
    if len(counts) < 2:
        return None
    parts = []
    for code, (passed, total) in counts.items():
        files = unchecked.get(code, 0)
        if not total and files:
            parts.append(f"{code} not checked ({plural(files, 'file')})")
        else:
            parts.append(f"{code} {passed:,} of {total:,}" + (f" ({plural(files, 'file')} not checked)" if files else ""))
    return "by language: " + ", ".join(parts)


NAMED_FILES = 3  # files not checked named in the closing line


def closing_line(outcome: Outcome, summary: Summary) -> str:
    """The report's last line: "N of M documents passed the gate"; when input was invalid (exit 2) it
    says so first, and names the files that were not checked, so it never reads as a clean pass."""
    counted = f"{summary.passed:,} of {summary.documents:,} documents passed the gate"
    if not outcome.problems:
        return counted
    counted = (f"{summary.passed:,} of {summary.documents:,} documents checked passed the gate" if summary.documents
               else "no document was checked")
    files = [entry.file for entry in outcome.not_checked]
    if not files:
        return f"invalid input ({plural(len(outcome.problems), 'problem')}, listed above); {counted}"
    named = ", ".join(files[:NAMED_FILES]) + (f" and {len(files) - NAMED_FILES:,} more" if len(files) > NAMED_FILES else "")
    return f"invalid input: {plural(len(files), 'file')} not checked ({named}); {counted}"


def by_check(counts: Counter[str]) -> str:
    return ", ".join(f"{check} {count:,}" for check, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def plural(count: int, word: str) -> str:
    return plural_of(count, word, grouped=True)
