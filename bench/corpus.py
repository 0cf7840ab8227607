"""The whole corpus end to end: import every record, check every review, build txt and html.

    python -m bench corpus [--sample=N] [--keep=DIR] [--report=DIR]

Counts what was imported, checked and built, every crash (an exception that is not a clean
per-review problem), and the time of each stage; --report=DIR also writes the overview
report (plainsum report) of the whole corpus there. Exit 1 if anything crashed.
"""

from __future__ import annotations

import gzip
import json
import shutil
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from bench import CORPUS, corpus_present, option


@dataclass
class Run:
    records: int = 0
    imported: int = 0
    import_failures: list[str] = field(default_factory=list)  # clean per-review errors
    crashes: list[str] = field(default_factory=list)
    invalid: int = 0
    documents_checked: int = 0
    summaries_passed: int = 0
    abstracts_passed: int = 0
    files_built: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    outcome: object = None  # the check's Outcome, for the report


def load_records(path: Path, sample: int | None) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    if sample:
        step = max(1, len(records) // sample)  # a fixed spread through the file, not the first N
        records = records[::step][:sample]
    return records


def import_all(records: list[dict], content: Path, run: Run) -> None:
    from plainsum.importers.cochrane_json import ImportFailure, record_to_yaml

    for record in records:
        run.records += 1
        try:
            review_id, text = record_to_yaml(record)
        except ImportFailure as failure:
            run.import_failures.append(f"{record.get('doi')}: {failure}")
            continue
        except Exception as exc:  # a crash: counted, reported, and the run goes on
            run.crashes.append(f"import {record.get('doi')}: {type(exc).__name__}: {exc}")
            continue
        (content / f"{review_id}.yaml").write_text(text, encoding="utf-8")
        run.imported += 1


def check_all(content: Path, config, run: Run) -> None:
    from plainsum.project.project import Project

    try:
        outcome = Project(config).check([content])
    except Exception:
        run.crashes.append("check: " + traceback.format_exc(limit=3))
        return
    run.outcome = outcome
    run.invalid = len({p.path for p in outcome.problems})
    run.documents_checked = len(outcome.results)
    run.summaries_passed = sum(1 for r in outcome.results if r.document.kind == "summary" and r.passed)
    run.abstracts_passed = sum(1 for r in outcome.results if r.document.kind == "abstract" and r.passed)


def build_all(content: Path, output: Path, config, run: Run) -> None:
    from plainsum.build.builder import BuildOptions, build

    options = BuildOptions(formats=["txt", "html"], output_dir=output, draft=True, progress=False)
    try:
        outcome = build([content], config, options)
    except Exception:
        run.crashes.append("build: " + traceback.format_exc(limit=3))
        return
    run.files_built = len(outcome.written) + outcome.unchanged


def report(run: Run, config, target: Path | None) -> dict | None:
    """The overview report of the checked corpus (plainsum report's figures)."""
    from plainsum.render.templates import TemplateSet
    from plainsum.report_pages.overview import overview_data, write_overview

    if run.outcome is None:
        return None
    if target is not None:
        write_overview(run.outcome, config, target.resolve(), TemplateSet(config.templates_dir))
    return overview_data(run.outcome, config.gate.get("summary", {}).get("max_flesch_kincaid_grade"))


def main(argv: list[str]) -> int:
    sample = int(option(argv, "sample") or 0) or None
    keep = Path(option(argv, "keep")) if option(argv, "keep") else None
    report_dir = Path(option(argv, "report")) if option(argv, "report") else None
    if not corpus_present():
        return 2
    from plainsum.gate.settings import load_config

    work = Path(tempfile.mkdtemp(prefix="plainsum-corpus-"))
    content, output = work / "content", work / "output"
    content.mkdir()
    config = load_config(Path(__file__).resolve().parent.parent, None)
    run = Run()
    try:
        start = time.perf_counter()
        records = load_records(CORPUS, sample)
        run.seconds["read"] = time.perf_counter() - start
        for stage, action in (("import", lambda: import_all(records, content, run)),
                              ("check", lambda: check_all(content, config, run)),
                              ("build txt+html", lambda: build_all(content, output, config, run))):
            start = time.perf_counter()
            action()
            run.seconds[stage] = time.perf_counter() - start
            print(f"{stage}: {run.seconds[stage]:.1f} s", flush=True)
        start = time.perf_counter()
        figures = report(run, config, report_dir)
        run.seconds["report"] = time.perf_counter() - start
        if keep is not None:
            shutil.copytree(work, keep, dirs_exist_ok=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    reviews = run.imported
    print(f"records: {run.records}")
    print(f"imported: {run.imported} ({len(run.import_failures)} refused with a per-review error)")
    for failure in run.import_failures[:10]:
        print(f"  refused: {failure}")
    print(f"checked: {run.documents_checked} documents of {reviews - run.invalid} valid reviews ({run.invalid} invalid)")
    print(f"gate: {run.summaries_passed} lay summaries and {run.abstracts_passed} abstracts passed")
    print(f"built: {run.files_built} files (txt, html, index)")
    if figures:
        for kind in ("summary", "abstract"):
            grades = figures["grades"][kind]
            print(f"{kind} grade (Flesch-Kincaid): median {grades['median']}, mean {grades['mean']}, "
                  f"range {grades['min']} to {grades['max']}")
        if report_dir is not None:
            print(f"report: {report_dir}/index.html and {report_dir}/report.json")
    print(f"crashes: {len(run.crashes)}")
    for crash in run.crashes[:10]:
        print(f"  {crash}")
    total = sum(run.seconds.values())
    print(f"time: {total:.1f} s in all; " + ", ".join(f"{k} {v:.1f} s" for k, v in run.seconds.items()))
    if reviews:
        print(f"per review: {1000 * total / reviews:.0f} ms")
    return 1 if run.crashes else 0
