"""Baselines and the ratchet: adopt the gate on hundreds of existing summaries, one fix at a time.

`plainsum check --write-baseline FILE` records each document's findings and figures. With
`--baseline FILE` (or `baseline = "FILE"` in the configuration) a run reports, and fails on, only
findings that are not in it, and documents accepted by it (they fail the gate) whose figures got
worse than recorded by more than the tolerance (the ratchet: `baseline.ratchet`). A finding is
matched by what it is about (document, check, and its sentence's normalised text, or the figure
it bounds), never by its line, so edits elsewhere in the file do not bring it back. Findings in
the baseline that are gone are reported as fixed; writing the baseline again while one is in use
tightens it (keeps only what is still found, and each figure at its better value).

The file (version 2) stores per document only what matching needs: the figures the ratchet may
watch, and per check the hashes of the findings' subjects (8 hex digits of SHA-256, "x3" when a
subject is found three times). One line per document, sorted, so a diff shows which documents
changed; the corpus of 2,971 reviews gives about 1 MB. Version 1 files (subjects in full) are read.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plainsum.config.figures import EASIER_WHEN_HIGHER
from plainsum.errors import InputError, Problem, display_path

if TYPE_CHECKING:
    from plainsum.config.settings import Config
    from plainsum.gate.records import DocumentResult, Outcome

FORMAT = "plainsum-baseline"
VERSION = 2
READ_VERSIONS = (1, 2)
Key = tuple[str, str]  # (check id, hash of the subject)
HASH_DIGITS = 8


@dataclass
class Recorded:
    figures: dict[str, float]
    findings: Counter[Key]


@dataclass
class Baseline:
    path: Path
    documents: dict[str, Recorded] = field(default_factory=dict)


def subject_hash(check: str, subject: str) -> str:
    return hashlib.sha256(f"{check}\0{subject}".encode()).hexdigest()[:HASH_DIGITS]


def _key(finding: Any) -> Key:
    return finding.check, subject_hash(finding.check, finding.subject)


def load_baseline(path: Path) -> Baseline:
    display = display_path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError([Problem(display, 1, 1, "no such baseline file; write one with plainsum check --write-baseline FILE")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError([Problem(display, 1, 1, f"cannot read the baseline: {exc}")]) from None
    except json.JSONDecodeError as exc:
        raise InputError([Problem(display, exc.lineno, exc.colno, f"the baseline is not valid JSON: {exc.msg}")]) from None
    except (ValueError, RecursionError) as exc:  # a number of thousands of digits; arrays nested too deeply to parse
        cause = "it nests too deeply" if isinstance(exc, RecursionError) else str(exc).split(":")[0]
        raise InputError([Problem(display, 1, 1, f"cannot read the baseline: {cause}")]) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") not in READ_VERSIONS:
        raise InputError([Problem(display, 1, 1, f"not a plainsum baseline (format {FORMAT}, version {VERSION}); "
                                                 "write one with plainsum check --write-baseline FILE")])
    baseline = Baseline(path)
    try:
        for name, entry in data["documents"].items():
            findings: Counter[Key] = Counter()
            if data["version"] == 1:
                for item in entry["findings"]:
                    check = str(item["check"])
                    findings[(check, subject_hash(check, str(item["about"])))] += int(item.get("count", 1))
                figures = entry["figures"]
            else:
                for check, hashes in entry.get("findings", {}).items():
                    for token in str(hashes).split():
                        digest, _, count = token.partition("x")
                        findings[(str(check), digest)] += int(count or 1)
                figures = entry.get("figures", {})
            baseline.documents[name] = Recorded({k: float(v) for k, v in figures.items()}, findings)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError([Problem(display, 1, 1, f"the baseline is damaged ({type(exc).__name__}: {exc}); write it again")]) from None
    return baseline


def _better(figure: str, old: float, new: float) -> float:
    return max(old, new) if figure in EASIER_WHEN_HIGHER else min(old, new)


def write_baseline(path: Path, outcome: Outcome, previous: Baseline | None, whole_run: bool, config: Config) -> tuple[int, int]:
    """Record the run's findings and the figures the ratchet watches; with a `previous` baseline, only
    what is still in it. Documents not checked in this run keep their entries unless the run covered
    all content. Returns (findings, documents) recorded."""
    documents: dict[str, Recorded] = {}
    if previous is not None and not whole_run:
        documents.update(previous.documents)
    elif not whole_run and path.is_file():
        with contextlib.suppress(InputError):  # a damaged file is replaced
            documents.update(load_baseline(path).documents)
    for result in outcome.results:
        name = result.document.name
        findings = Counter(_key(f) for f in result.findings)
        watched = {figure for figure, _ in ratchet_figures(config, result.document.kind)}
        figures = {k: float(v) for k, v in result.scored.figures.items() if k in watched}
        old = previous.documents.get(name) if previous is not None else None
        if previous is not None:
            findings = findings & (old.findings if old is not None else Counter())
            if old is not None:
                figures = {k: _better(k, old.figures[k], v) if k in old.figures else v for k, v in figures.items()}
        documents[name] = Recorded(figures, findings)
    text = baseline_text(documents)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError([Problem(display_path(path), 1, 1, f"cannot write the baseline: {exc.strerror or exc}")]) from None
    return sum(sum(entry.findings.values()) for entry in documents.values()), len(documents)


def _entry(entry: Recorded) -> dict[str, Any]:
    by_check: dict[str, list[str]] = {}
    for (check, digest), count in sorted(entry.findings.items()):
        by_check.setdefault(check, []).append(digest if count == 1 else f"{digest}x{count}")
    figures = {k: round(v, 2) for k, v in sorted(entry.figures.items())}
    return {"figures": figures, **({"findings": {check: " ".join(d) for check, d in by_check.items()}} if by_check else {})}


def baseline_text(documents: dict[str, Recorded]) -> str:
    """The file: a header line, then one line per document, sorted."""
    rows = [f"{json.dumps(name, ensure_ascii=False)}: {json.dumps(_entry(entry), ensure_ascii=False, separators=(',', ':'))}"
            for name, entry in sorted(documents.items())]
    header = f'{{"format": "{FORMAT}", "version": {VERSION}, "hash": "sha256/{HASH_DIGITS}", "documents": {{'
    return header + ("\n" + ",\n".join(rows) + "\n" if rows else "") + "}}\n"


@dataclass
class Comparison:
    """What a run found against a baseline."""

    path: str
    known: int = 0  # findings in the baseline, not reported
    new: int = 0
    fixed: int = 0  # findings in the baseline no longer found
    fixed_documents: int = 0
    harder: list[str] = field(default_factory=list)  # documents the ratchet failed
    tighten: str = ""  # the command that tightens the baseline

    def summary_lines(self) -> list[str]:
        lines = [f"  baseline {self.path}: {self.known:,} known findings not listed, {self.new:,} new"]
        if self.harder:
            lines.append(f"  ratchet: {len(self.harder):,} document{'s' if len(self.harder) != 1 else ''} harder than "
                         f"the baseline records: {', '.join(self.harder[:10])}{' ...' if len(self.harder) > 10 else ''}")
        if self.fixed:
            lines.append(f"  fixed: {self.fixed:,} baselined finding{'s' if self.fixed != 1 else ''} in "
                         f"{self.fixed_documents:,} document{'s' if self.fixed_documents != 1 else ''} no longer found; "
                         f"tighten the baseline: {self.tighten}")
        return lines

    def as_json(self) -> dict[str, Any]:
        return {"file": self.path, "known": self.known, "new": self.new, "fixed": self.fixed,
                "fixed_documents": self.fixed_documents, "harder": self.harder, "tighten": self.tighten}


def compare(outcome: Outcome, baseline: Baseline, config: Config, tighten: str) -> Comparison:
    """Drop the findings the baseline knows from each result, and add the ratchet's."""
    comparison = Comparison(display_path(baseline.path), tighten=tighten)
    for result in outcome.results:
        recorded = baseline.documents.get(result.document.name)
        remaining: Counter[Key] = Counter(recorded.findings) if recorded is not None else Counter()
        failed_before = not result.passed
        new = []
        for finding in result.findings:
            key = _key(finding)
            if remaining[key] > 0:
                remaining[key] -= 1
                comparison.known += 1
            else:
                new.append(finding)
        left = sum(remaining.values())
        if left:
            comparison.fixed += left
            comparison.fixed_documents += 1
        result.findings = new
        if recorded is not None and failed_before:
            worse = ratchet(result, recorded, config)
            if worse:
                result.findings.extend(worse)
                comparison.harder.append(result.document.name)
        comparison.new += len(result.findings)
    return comparison


def ratchet_figures(config: Config, kind: str) -> list[tuple[str, bool]]:
    """(figure, higher is worse) for each figure the ratchet watches in documents of `kind`."""
    if config.ci.ratchet_figures is not None:
        return [(name, name not in EASIER_WHEN_HIGHER) for name in config.ci.ratchet_figures]
    figures = []
    for key in config.thresholds(kind):
        bound, _, figure = key.partition("_")
        if key != "max_hard_sentences" and bound in ("min", "max"):
            figures.append((figure, bound == "max"))
    return figures


def ratchet(result: DocumentResult, recorded: Recorded, config: Config) -> list[Any]:
    from plainsum.checks import Finding, precise, registry
    from plainsum.config.figures import FIGURE_LABELS

    spec = registry.checks.get("baseline.ratchet")
    severity = registry.severity(spec, config) if spec is not None else "error"
    if severity == "off":
        return []
    tolerance = config.ci.tolerance
    document = result.document
    findings = []
    for figure, higher_is_worse in ratchet_figures(config, document.kind):
        now, then = result.scored.figures.get(figure), recorded.figures.get(figure)
        if now is None or then is None:
            continue
        change = now - then if higher_is_worse else then - now
        if change <= tolerance:
            continue
        edge = then + tolerance if higher_is_worse else then - tolerance
        label = FIGURE_LABELS.get(figure, figure)
        findings.append(Finding(
            "baseline.ratchet", severity, document.name, _first_place(document),
            f"{label} is {precise(now, edge, 2)}, worse than the {then:.2f} the baseline records (tolerance {tolerance:g})",
            suggestion="the baseline accepts this document's findings only as they were: make it no harder than it was",
            about=f"ratchet {figure}",
        ))
    return findings


def _first_place(document: Any) -> Any:
    from plainsum.render.document import Location

    first = getattr(document, "first_place", None)  # a lean result's (plainsum.gate.checked.CheckedDocument)
    if first is not None:
        return Location(first.path, first.line, first.column)
    if getattr(document, "spans", None):
        return document.locate(document.spans[0].start)
    return Location(document.source_path, 1, 1)
