"""The gate at library scale: `plainsum check` of the whole corpus in every report format, and the baseline.

    python -m bench library [--reviews=N] [--formats=text,json,sarif,github,junit,gitlab] [--keep=DIR]

Every corpus review is imported into a throw-away project with the shipped gate (plainsum.toml's
grade 13 for lay summaries, which most corpus summaries fail, so every check runs on them). Then,
as a user runs it (a subprocess, start-up included):

- `plainsum check --format F -o FILE` for each format: wall and CPU seconds, peak memory of the
  process, the report's size, and its result count (for sarif, next to code scanning's limits:
  25,000 results accepted a run, 5,000 shown); sarif also with `--max-results 25000`, the most
  code scanning takes, against the default 5,000;
- `plainsum check --write-baseline`: the compact baseline (version 2) against the same findings in
  the version 1 layout (each subject in full), written from the JSON report's findings.

The SARIF files are validated against the OASIS schema in ../shared/schemas when it is there.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import CORPUS, corpus_present, option
from bench.build import SHIPPED_GATE, make_project
from bench.corpus import load_records

FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab")
SARIF_ACCEPTED, SARIF_SHOWN = 25_000, 5_000
SCHEMA = Path(__file__).resolve().parent.parent.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"


def measured(root: Path, *args: str) -> dict[str, float]:
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)  # every waited-for descendant: the check's workers too
    started = time.perf_counter()
    with open(root / "check.stdout", "wb") as stdout, open(root / "check.stderr", "wb") as stderr:
        process = subprocess.Popen([sys.executable, "-m", "plainsum", "check", *args], cwd=root, stdout=stdout,
                                   stderr=stderr, env={**os.environ, "GITHUB_STEP_SUMMARY": ""})
        _, status, usage = os.wait4(process.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise RuntimeError(f"plainsum check {' '.join(args)} exited {code}:\n{(root / 'check.stderr').read_text()[-3000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # peak: the check's main process (which holds the report), or a worker if one grew larger
    return {"seconds": time.perf_counter() - started, "cpu": cpu, "peak_mb": usage.ru_maxrss / 1024}


def results_in(path: Path, fmt: str) -> tuple[int, str]:
    """How many results a report holds, and a note (what SARIF says it left out)."""
    text = path.read_text(encoding="utf-8")
    if fmt == "sarif":
        run = json.loads(text)["runs"][0]
        note = run.get("properties", {}).get("plainsum", {})
        return len(run["results"]), f"of {note.get('findings', '?'):,} findings; left out {note.get('leftOut', 0):,}"
    if fmt == "gitlab":
        return len(json.loads(text)), ""
    if fmt == "json":
        return sum(len(d["findings"]) for d in json.loads(text)["documents"]), ""
    if fmt == "github":
        return sum(1 for line in text.splitlines() if line.startswith(("::error", "::warning"))), "annotations"
    if fmt == "junit":
        return text.count("<failure"), "failures"
    return text.count("\n"), "lines"


def v1_size(json_report: Path) -> int:
    """The same findings in the version 1 layout (check, subject in full, figures), as it was written."""
    from plainsum.checks.registry import finding_subject

    documents = {}
    for document in json.loads(json_report.read_text(encoding="utf-8"))["documents"]:
        findings = [{"check": f["check"], "about": finding_subject(f["message"], f["sentence"], None)}
                    for f in document["findings"]]
        documents[document["document"]] = {"figures": {k: v for k, v in sorted(document["figures"].items())
                                                       if isinstance(v, (int, float))},
                                           "findings": sorted(findings, key=lambda f: (f["check"], f["about"]))}
    payload = {"format": "plainsum-baseline", "version": 1, "documents": dict(sorted(documents.items()))}
    return len((json.dumps(payload, indent=1, ensure_ascii=False) + "\n").encode("utf-8"))


def main(argv: list[str]) -> int:
    if not corpus_present():
        print(f"the corpus is not at {CORPUS}; nothing to measure")
        return 0
    reviews = option(argv, "reviews")
    formats = (option(argv, "formats") or ",".join(FORMATS)).split(",")
    keep = option(argv, "keep")
    records = load_records(CORPUS, int(reviews) if reviews else None)
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(keep) if keep else Path(scratch) / "library"
        paths = make_project(root, records)
        config = root / "plainsum.toml"
        config.write_text(config.read_text(encoding="utf-8") + SHIPPED_GATE, encoding="utf-8")
        print(f"{len(paths):,} reviews ({2 * len(paths):,} documents), shipped gate (grade 13); load "
              f"{os.getloadavg()[0]:.1f} at the start on {os.cpu_count()} cores")
        print(f"{'format':<22} {'wall s':>8} {'CPU s':>8} {'peak MB':>8} {'output':>10} {'results':>9}  note")
        runs = [(fmt, ()) for fmt in formats]
        if "sarif" in formats:
            runs.append(("sarif", ("--max-results", str(SARIF_ACCEPTED))))
        for fmt, extra in runs:
            out = root / f"report.{fmt}{'-' + extra[1] if extra else ''}"
            cost = measured(root, "--format", fmt, "-o", str(out), *extra)
            count, note = results_in(out, fmt)
            label = fmt + (f" {' '.join(extra)}" if extra else "")
            if fmt == "sarif":
                within = count <= SARIF_ACCEPTED
                note += f"; {'within' if within else 'OVER'} code scanning's {SARIF_ACCEPTED:,} accepted"
                if SCHEMA.is_file():
                    import jsonschema

                    jsonschema.validate(json.loads(out.read_text(encoding="utf-8")), json.loads(SCHEMA.read_text()))
                    note += ", schema-valid"
            print(f"{label:<22} {cost['seconds']:8.1f} {cost['cpu']:8.1f} {cost['peak_mb']:8.0f} "
                  f"{out.stat().st_size / 1e6:8.1f}MB {count:9,}  {note}")
        baseline = root / "plainsum-baseline.json"
        cost = measured(root, "--write-baseline", str(baseline), "-q", "-o", str(root / "quiet.txt"))
        compact = baseline.stat().st_size
        print(f"baseline (version 2): {compact / 1e6:.2f} MB, {len(baseline.read_text().splitlines()) - 2:,} lines; "
              f"written in {cost['seconds']:.1f} s wall, {cost['cpu']:.1f} s CPU; at 9,000 reviews about "
              f"{compact / len(paths) * 9000 / 1e6:.1f} MB")
        json_report = root / "report.json"
        if json_report.is_file():
            old = v1_size(json_report)
            print(f"baseline (version 1, the same findings): {old / 1e6:.2f} MB; version 2 is {old / compact:.1f}x smaller")
    return 0
