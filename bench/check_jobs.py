"""plainsum check in one process against two: the build's worker pool, for `check --jobs N` (issue 22).

    python -m bench checkjobs [--reviews=N] [--rounds=N] [--corpus=PATH] [--keep=DIR]

Corpus reviews (a fixed spread of N, default 600) are imported into a throw-away project, as
`bench build` does; then `plainsum check --format json -o FILE` runs as a user runs it (a
subprocess, start-up included) with `--jobs 1` and `--jobs 2`, alternating, `--rounds` times each
(default 2). Each run reports wall time, CPU time (the check and its workers, from wait4) and the
load average before and after; the JSON reports of the two must be the same. The ratio is of the
best times of each. No corpus text leaves the temporary folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import CORPUS, option

TARGET = 1.6


def measured_check(root: Path, jobs: int, report: Path) -> dict[str, float]:
    started_load = os.getloadavg()[0]
    with open(root / "check.stderr", "wb") as stderr:
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "plainsum", "check", "--format", "json", "-o", str(report),
                                    "--jobs", str(jobs)], cwd=root, stdout=subprocess.DEVNULL, stderr=stderr,
                                   env={**os.environ, "CI": "1"})
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1, 2):
        raise RuntimeError(f"plainsum check --jobs {jobs} failed ({code}): {(root / 'check.stderr').read_text()[-2000:]}")
    return {"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime, "load_before": started_load,
            "load_after": os.getloadavg()[0], "exit": code}


def split_cpu(root: Path, jobs: int) -> dict[str, float]:
    """CPU seconds of this process and of the pool's workers for one in-process check and its JSON report."""
    import resource

    from plainsum.findings_formats.registry import render
    from plainsum.findings_formats.view import ReportOptions
    from plainsum.gate.settings import load_config
    from plainsum.project.flow import warm_up
    from plainsum.project.project import Project

    warm_up(False, tables=True)  # the word tables, loaded before either is timed (a forked pool shares them)
    here = os.getcwd()
    os.chdir(root)
    try:
        config = load_config(root)
        self_before = resource.getrusage(resource.RUSAGE_SELF)
        children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        outcome = Project(config).check([], jobs)
        render(outcome, "json", ReportOptions(config=config))
        self_after = resource.getrusage(resource.RUSAGE_SELF)
        children_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    finally:
        os.chdir(here)

    def cpu(after: resource.struct_rusage, before: resource.struct_rusage) -> float:
        return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

    return {"parent": cpu(self_after, self_before), "workers": cpu(children_after, children_before)}


def main(argv: list[str]) -> int:
    corpus = Path(option(argv, "corpus") or (CORPUS if CORPUS.is_file() else "/work/shared/corpus/cochrane-dev.jsonl.gz"))
    if not corpus.is_file():
        print(f"corpus not found at {corpus}; nothing to measure", file=sys.stderr)
        return 0
    from bench.build import make_project
    from bench.corpus import load_records

    reviews = int(option(argv, "reviews", "600") or 600)
    rounds = int(option(argv, "rounds", "2") or 2)
    keep = option(argv, "keep")
    workspace = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="plainsum-checkjobs-"))
    try:
        root = workspace / "project"
        if root.exists():
            shutil.rmtree(root)
        paths = make_project(root, load_records(corpus, reviews))
        print(f"plainsum check, {len(paths)} corpus reviews ({2 * len(paths)} documents), --jobs 1 vs --jobs 2, "
              f"{rounds} rounds each, alternating; {os.cpu_count()} CPUs", flush=True)
        measured_check(root, 2, root / "warm.json")  # warm: the page cache, the word tables on disk
        runs: dict[int, list[dict[str, float]]] = {1: [], 2: []}
        for number in range(rounds):
            for jobs in (1, 2):
                result = measured_check(root, jobs, root / f"report-{jobs}.json")
                runs[jobs].append(result)
                print(f"  round {number + 1}, --jobs {jobs}: {result['seconds']:.2f} s wall, {result['cpu']:.2f} s CPU "
                      f"(load {result['load_before']:.1f} -> {result['load_after']:.1f})", flush=True)
        split = {jobs: split_cpu(root, jobs) for jobs in (1, 2)}
        one_cpu = split[1]["parent"]
        two_idle = split[2]["parent"] + split[2]["workers"] / 2
        print(f"  in process, CPU: --jobs 1 {one_cpu:.2f} s; --jobs 2 parent {split[2]['parent']:.2f} s + workers "
              f"{split[2]['workers']:.2f} s", flush=True)
        one, two = (json.loads((root / f"report-{jobs}.json").read_text(encoding="utf-8")) for jobs in (1, 2))
        same = one == two
        best = {jobs: min(r["seconds"] for r in runs[jobs]) for jobs in runs}
        cpu = {jobs: min(r["cpu"] for r in runs[jobs]) for jobs in runs}
        ratio = best[1] / best[2]
        print("results:")
        print(f"  best wall: --jobs 1 {best[1]:.2f} s, --jobs 2 {best[2]:.2f} s: {ratio:.2f}x faster "
              f"(target >= {TARGET}x: {'met' if ratio >= TARGET else 'NOT met'})")
        print(f"  CPU: --jobs 1 {cpu[1]:.2f} s, --jobs 2 {cpu[2]:.2f} s ({cpu[2] / cpu[1]:.2f}x: the pool's own cost)")
        print(f"  on two free cores (parent + workers / 2): {two_idle:.2f} s against {one_cpu:.2f} s: an estimated "
              f"{one_cpu / two_idle:.2f}x (target >= {TARGET}x: {'met' if one_cpu / two_idle >= TARGET else 'NOT met'})")
        print(f"  the two JSON reports are {'identical' if same else 'DIFFERENT'}; exit code {runs[1][-1]['exit']:.0f}")
        return 0 if same else 1
    finally:
        if not keep:
            shutil.rmtree(workspace, ignore_errors=True)
