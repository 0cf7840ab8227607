"""plainsum check in one process against two: the build's worker pool, for `check --jobs N` (issue 22).

    python -m bench checkjobs [--reviews=N] [--rounds=N] [--corpus=PATH] [--keep=DIR]

Corpus reviews (a fixed spread of N, default 400) are imported into a throw-away project, as
`bench build` does; then `plainsum check --format json -o FILE` runs as a user runs it (a
subprocess, start-up included) with `--jobs 1` and `--jobs 2`, alternating, `--rounds` times each
(default 3). Each run reports wall time and CPU time, the latter split between the check's own
process (the parent: start-up, discovery, forking, unpickling the results, the report) and its
workers, from getrusage in the check's process as it exits. The JSON reports of the two must be the
same. Two ratios are printed:

- measured: the best wall time of `--jobs 1` over the best of `--jobs 2`; meaningful only on a
  machine with two free cores (the load average of each run is printed beside it);
- projected (Amdahl): the CPU of `--jobs 1` over the parent's CPU plus half the workers' of
  `--jobs 2`, the wall time the same run would take on two free cores when everything the parent
  does is counted as serial. It holds under load, because it is made of CPU times.

Byte-code is cached in the workspace (PYTHONPYCACHEPREFIX), so a run does not compile plainsum's
modules again when PYTHONDONTWRITEBYTECODE is set, as an installed plainsum would not. No corpus
text leaves the temporary folder.
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

# plainsum's own entry point, run with its CPU time and its reaped children's written to a file at exit
RUN = """
import atexit, json, resource, sys
_out = sys.argv.pop(1)
def _usage():
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(_out, "w") as out:
        json.dump({"parent": own.ru_utime + own.ru_stime, "workers": children.ru_utime + children.ru_stime}, out)
atexit.register(_usage)
from plainsum.cli import main
sys.argv[0] = "plainsum"
main()
"""


def measured_check(root: Path, jobs: int, report: Path) -> dict[str, float]:
    started_load = os.getloadavg()[0]
    usage_file = root / "usage.json"
    env = {**os.environ, "CI": "1", "PYTHONPYCACHEPREFIX": str(root.parent / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with open(root / "check.stderr", "wb") as stderr:
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-c", RUN, str(usage_file), "check", "--format", "json", "-o", str(report),
                                    "--jobs", str(jobs)], cwd=root, stdout=subprocess.DEVNULL, stderr=stderr, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1, 2):
        raise RuntimeError(f"plainsum check --jobs {jobs} failed ({code}): {(root / 'check.stderr').read_text()[-2000:]}")
    split = json.loads(usage_file.read_text(encoding="utf-8"))
    return {"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime, "parent": split["parent"],
            "workers": split["workers"], "load_before": started_load, "load_after": os.getloadavg()[0], "exit": code}


def main(argv: list[str]) -> int:
    corpus = Path(option(argv, "corpus") or (CORPUS if CORPUS.is_file() else "/work/shared/corpus/cochrane-dev.jsonl.gz"))
    if not corpus.is_file():
        print(f"corpus not found at {corpus}; nothing to measure", file=sys.stderr)
        return 0
    from bench.build import make_project
    from bench.corpus import load_records

    reviews = int(option(argv, "reviews", "400") or 400)
    rounds = int(option(argv, "rounds", "3") or 3)
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
                print(f"  round {number + 1}, --jobs {jobs}: {result['seconds']:.2f} s wall, {result['cpu']:.2f} s CPU: "
                      f"parent {result['parent']:.2f} s + workers {result['workers']:.2f} s "
                      f"(load {result['load_before']:.1f} -> {result['load_after']:.1f})", flush=True)
        one, two = (json.loads((root / f"report-{jobs}.json").read_text(encoding="utf-8")) for jobs in (1, 2))
        same = one == two
        best = {jobs: min(r["seconds"] for r in runs[jobs]) for jobs in runs}
        cpu = {jobs: min(r["cpu"] for r in runs[jobs]) for jobs in runs}
        measured = best[1] / best[2]
        # Amdahl, from the least loaded (lowest CPU) run of each: everything the parent does counted as serial
        pooled = min(runs[2], key=lambda r: r["cpu"])
        serial = pooled["parent"]
        two_free = serial + pooled["workers"] / 2
        projected = cpu[1] / two_free
        loads = [r["load_before"] for jobs in runs for r in runs[jobs]] + [r["load_after"] for jobs in runs for r in runs[jobs]]
        print("results:")
        print(f"  MEASURED (wall, best of each): --jobs 1 {best[1]:.2f} s, --jobs 2 {best[2]:.2f} s: {measured:.2f}x "
              f"(target >= {TARGET}x: {'met' if measured >= TARGET else 'NOT met'}; load average {min(loads):.1f}-{max(loads):.1f}, "
              f"{os.cpu_count()} CPUs: meaningful only when two cores are free)")
        print(f"  PROJECTED on two free cores (CPU, Amdahl): --jobs 1 {cpu[1]:.2f} s against parent {serial:.2f} s + "
              f"workers {pooled['workers']:.2f} s / 2 = {two_free:.2f} s: {projected:.2f}x "
              f"(target >= {TARGET}x: {'met' if projected >= TARGET else 'NOT met'})")
        print(f"  the parent's share of the CPU of --jobs 2: {serial / (serial + pooled['workers']):.0%} "
              f"(the bound on two cores: {2 / (1 + serial / (serial + pooled['workers'])):.2f}x); "
              f"the pool's own cost: CPU {cpu[2] / cpu[1]:.2f}x of --jobs 1")
        print(f"  the two JSON reports are {'identical' if same else 'DIFFERENT'}; exit code {runs[1][-1]['exit']:.0f}")
        return 0 if same else 1
    finally:
        if not keep:
            shutil.rmtree(workspace, ignore_errors=True)
