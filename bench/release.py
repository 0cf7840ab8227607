"""This tree against an earlier release checked out beside it, in one run (issue 28).

    python -m bench release --old=DIR [--same=DIR] [--reviews=N] [--keep=DIR] [--rounds=N]
                            [--rebuilds=N] [--full-rounds=N]

--old is a checkout of the earlier release (`git worktree add ../fcfe922 fcfe922`); --same, a
checkout of the code this tree changes (its main), whose output must be byte for byte this tree's.
Each tree imports the corpus with its own importer into its own throw-away project (the content
formats differ between releases), then `plainsum build --draft --formats html,txt --jobs 2` runs as
a user runs it, with PYTHONPATH at that tree: a first build of a new project (what a user's first
build of the corpus costs: every review rendered, the published record written beside the content),
a no-op rebuild and a rebuild after a one-word edit of one review. CPU seconds are the build's and its
workers' (os.wait4); the load average is printed, as the machine is shared. Every corpus document is
English, so CPU per English document is the first build's CPU over the documents written. Each tree's
builds keep its compiled bytecode (PYTHONPYCACHEPREFIX, a folder of the tree's in the workspace), as
an installed package has it, whatever PYTHONDONTWRITEBYTECODE says.

The standard mode is fair to the trees' places in the run. Measured once each in the fixed order old,
new, same, two builds of one tree differed by up to 20% by their place alone; each tree's first build
also compiled its bytecode and filled the user caches (this tree has 2.5 times fcfe922's modules), and
the host's speed drifts as a run goes on, while the last build's files may still be being written out. So:
  - a warm-up first, not counted: each tree builds a project of the first 100 reviews, which compiles
    its bytecode and fills the user caches (patterns, word tables) as an installed plainsum has them;
  - then --rounds=N rounds (default 3), each a whole run of the three steps on a new project per tree
    (the imported content copied before the first round: no file is copied or deleted while the
    builds are timed), the trees' order turned by one place each round (old new same, new same old,
    same old new): with N a multiple of the number of trees each tree builds once in each place;
  - the file system is synced before each timed build, so that no build pays for the last one's writes;
  - each step's figure is the tree's median over the rounds, the ratios are those of the medians, and
    the round-by-round ratios are printed beside them.
The output of --same is compared with this tree's, round 1's projects (the manifest and the published
record aside, as they name times).

--rebuilds=N measures the rebuilds only, N rounds of a no-op and a one-edit rebuild, the trees taking
turns at each: with --keep=DIR naming the workspace of an earlier run, the projects are reused (each
tree first builds once, untimed: a full rebuild where its code changed since), else imported and built
once, untimed. Each step's least and greatest CPU seconds are printed, and the ratios of the least.

--full-rounds=N times N full builds of each tree, the trees taking turns (the first in each round
changes), each into a new output folder of its project (`full-<round>`), the projects made (or reused
with --keep) and built once first, untimed: one run of three builds is at the mercy of the host's
speed between them, rounds give each tree several turns. The published record's copies beside the
content are written by that first build, so these builds do not write them again (fcfe922 has none).
"""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import CORPUS, corpus_present, option

MAKE = """
import sys
from pathlib import Path
from bench.build import make_project
from bench.corpus import load_records
n = int(sys.argv[3]) or None
print(len(make_project(Path(sys.argv[1]), load_records(Path(sys.argv[2]), n))))
"""


def in_tree(tree: Path, *args: str, cwd: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(tree), "CI": "1"}
    return subprocess.Popen([sys.executable, *args], cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def build(tree: Path, root: Path, out: str = "output", bytecode: Path | None = None) -> dict[str, float]:
    """One `plainsum build` of the project at root with the code of tree; its bytecode kept in `bytecode`
    (root/bytecode by default)."""
    load = os.getloadavg()[0]
    # As an installed plainsum runs: its modules' bytecode compiled once and kept (here in a folder of the
    # project's, so the checkouts stay untouched), not compiled from source at every start because the
    # shell sets PYTHONDONTWRITEBYTECODE (this tree has 2.5 times the modules of fcfe922: that alone was
    # about 0.1 s of each no-op build's CPU). The full build compiles and keeps them; the rebuilds load them.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.update({"PYTHONPATH": str(tree), "CI": "1", "PYTHONPYCACHEPREFIX": str(bytecode or root / "bytecode")})
    with open(root / "build.stdout", "wb") as stdout, open(root / "build.stderr", "wb") as stderr:
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "plainsum", "build", "--draft", "--no-progress", "--formats",
                                    "html,txt", "--jobs", "2", "--out", out], cwd=root, env=env, stdout=stdout, stderr=stderr)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise RuntimeError(f"build with {tree} failed:\n{(root / 'build.stderr').read_text()[-3000:]}")
    summary = (root / "build.stdout").read_text(encoding="utf-8").strip().splitlines()[-1]
    return {"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime, "load": load, "summary": summary}  # type: ignore[dict-item]


def edit_one(root: Path) -> None:
    from bench.build import edit_one as edit

    paths = sorted((root / "content").glob("*.yaml"))
    edit(paths[len(paths) // 2])


def documents(root: Path, out: str = "output") -> int:
    return sum(1 for path in (root / out).rglob("*.html") if path.name != "index.html")


def differences(left: Path, right: Path) -> list[str]:
    """Files that differ or exist on one side only (the manifest and published record aside: they name times)."""
    skip = {".plainsum-manifest.json", ".plainsum-published"}
    found: list[str] = []

    def walk(comparison: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(prefix + name for name in comparison.left_only + comparison.right_only if name not in skip)
        _, mismatch, errors = filecmp.cmpfiles(comparison.left, comparison.right, comparison.common_files, shallow=False)
        found.extend(prefix + name for name in mismatch + errors if name not in skip)
        for name, sub in comparison.subdirs.items():
            if name not in skip:
                walk(sub, prefix + name + "/")

    walk(filecmp.dircmp(left, right), "")
    return found


def main(argv: list[str]) -> int:
    if not corpus_present():
        return 0
    old = option(argv, "old")
    if not old:
        print("--old=DIR: a checkout of the earlier release", file=sys.stderr)
        return 2
    trees = {"old": Path(old).resolve(), "new": Path(__file__).resolve().parent.parent}
    same = option(argv, "same")
    if same:
        trees["same"] = Path(same).resolve()
    reviews = option(argv, "reviews", "0") or "0"
    keep = option(argv, "keep")
    workspace = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="plainsum-release-"))
    try:
        roots = {label: workspace / label for label in trees}
        rebuilds = int(option(argv, "rebuilds", "0") or "0")
        if rebuilds:
            return rebuilds_only(trees, roots, reviews, rebuilds)
        full_rounds = int(option(argv, "full-rounds", "0") or "0")
        if full_rounds:
            return full_builds(trees, roots, reviews, full_rounds)
        rounds = int(option(argv, "rounds", "3") or "3")
        return standard(trees, roots, reviews, max(1, rounds))
    finally:
        if not keep:
            shutil.rmtree(workspace, ignore_errors=True)


STEPS = ("first", "no-op", "one edit")
WARM_UP_REVIEWS = 100


def turns(labels: list[str], number: int) -> list[str]:
    """The trees' order in round `number` (from 0): turned by one place a round, so that over as many rounds
    as there are trees each tree builds once in each place."""
    shift = number % len(labels)
    return labels[shift:] + labels[:shift]


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def new_project(source: Path, target: Path, count: int | None = None) -> None:
    """A project at target with source's configuration and content (its first `count` reviews), without the
    published record an earlier build wrote beside the content: a project never built."""
    from plainsum.content.published_names import COMMITTED_DIR

    shutil.rmtree(target, ignore_errors=True)
    (target / "content").mkdir(parents=True)
    shutil.copy2(source / "plainsum.toml", target / "plainsum.toml")
    names = sorted(path.name for path in (source / "content").iterdir() if path.name != COMMITTED_DIR)
    for name in names[:count]:
        if (source / "content" / name).is_file():
            shutil.copy2(source / "content" / name, target / "content" / name)


def standard(trees: dict[str, Path], roots: dict[str, Path], reviews: str, rounds: int) -> int:
    labels = list(trees)
    for label, tree in trees.items():
        if not (roots[label] / "plainsum.toml").is_file():
            make(tree, roots[label], reviews)
        print(f"{label}: {tree} ({_commit(tree)})", flush=True)
    for label, tree in trees.items():  # the warm-up, not counted
        warm = roots[label] / "warm-up"
        new_project(roots[label], warm, WARM_UP_REVIEWS)
        result = build(tree, warm, bytecode=roots[label] / "bytecode")
        print(f"  warm-up {label:4s}: {result['cpu']:6.2f} s CPU, not counted ({result['summary']})", flush=True)
    projects = {(label, number): roots[label] / f"round-{number + 1}" for label in labels for number in range(rounds)}
    for (label, _), project in projects.items():
        new_project(roots[label], project)
    cpu: dict[str, dict[str, list[float]]] = {label: {step: [] for step in STEPS} for label in labels}
    per_document: dict[str, list[float]] = {label: [] for label in labels}
    for number in range(rounds):
        order = turns(labels, number)
        for step in STEPS:
            for label in order:
                project = projects[(label, number)]
                if step == "one edit":
                    edit_one(project)
                os.sync()  # the last build's files written out now, not while this one is timed
                result = build(trees[label], project, bytecode=roots[label] / "bytecode")
                cpu[label][step].append(result["cpu"])
                figure = ""
                if step == "first":
                    per_document[label].append(1000 * result["cpu"] / documents(project))
                    figure = f", {per_document[label][-1]:.2f} ms a document"
                print(f"  round {number + 1} {label:4s} {step:8s}: {result['seconds']:6.2f} s wall, {result['cpu']:6.2f} s CPU"
                      f"{figure} (load {result['load']:.1f})   ({result['summary']})", flush=True)
    print(f"results (medians of {rounds} rounds; each round's figures in turn):")
    for label in labels:
        count = documents(projects[(label, 0)])
        print(f"  {label}: {count:,} English documents, first build {median(per_document[label]):.2f} ms CPU a document "
              f"(html+txt, --jobs 2; " + ", ".join(f"{value:.2f}" for value in per_document[label]) + "); "
              + "; ".join(f"{step} {median(cpu[label][step]):.2f} s CPU (" + ", ".join(f"{value:.2f}" for value in cpu[label][step]) + ")"
                          for step in STEPS[1:]))
    for label in labels:
        if label == "new":
            continue
        for step in STEPS:
            mine, theirs = cpu["new"][step], cpu[label][step]
            print(f"  {step}: new / {label} CPU {median(mine) / median(theirs):.2f}x (medians); round by round "
                  + ", ".join(f"{a / b:.2f}x" for a, b in zip(mine, theirs, strict=True)))
    if "same" in trees:
        diff = differences(projects[("same", 0)] / "output", projects[("new", 0)] / "output")
        print(f"  output against --same: {'identical' if not diff else f'{len(diff)} files DIFFER: ' + ', '.join(diff[:10])}")
        return 1 if diff else 0
    return 0


def make(tree: Path, root: Path, reviews: str) -> None:
    """A new project at root with the corpus imported by the tree's own importer."""
    shutil.rmtree(root, ignore_errors=True)
    process = in_tree(tree, "-c", MAKE, str(root), str(CORPUS), reviews, cwd=tree)
    out, err = process.communicate()
    if process.returncode:
        raise RuntimeError(f"import with {tree} failed:\n{err.decode()[-2000:]}")
    print(f"  {out.decode().strip()} reviews imported into {root}", flush=True)


def rebuilds_only(trees: dict[str, Path], roots: dict[str, Path], reviews: str, rounds: int) -> int:
    steps = ("no-op", "one edit")
    for label, tree in trees.items():
        if not (roots[label] / "output" / ".plainsum-manifest.json").is_file():
            make(tree, roots[label], reviews)
        result = build(tree, roots[label])  # untimed: a full build the first time or after a change of code
        print(f"{label}: {tree} ({_commit(tree)}), first build {result['cpu']:.2f} s CPU ({result['summary']})", flush=True)
    cpu: dict[str, dict[str, list[float]]] = {label: {step: [] for step in steps} for label in trees}
    for number in range(1, rounds + 1):
        for step in steps:
            for label, tree in trees.items():
                if step == "one edit":
                    edit_one(roots[label])
                result = build(tree, roots[label])
                cpu[label][step].append(result["cpu"])
                print(f"  round {number} {label:4s} {step:8s}: {result['cpu']:5.2f} s CPU (load {result['load']:.1f})", flush=True)
    print("results (CPU seconds, least-greatest):")
    for step in steps:
        print(f"  {step}: " + ", ".join(f"{label} {min(cpu[label][step]):.2f}-{max(cpu[label][step]):.2f}" for label in trees)
              + "; new / old " + f"{min(cpu['new'][step]) / min(cpu['old'][step]):.2f}x"
              + (f", new / same {min(cpu['new'][step]) / min(cpu['same'][step]):.2f}x" if "same" in trees else ""))
    if "same" in trees:
        diff = differences(roots["same"] / "output", roots["new"] / "output")
        print(f"  output against --same: {'identical' if not diff else f'{len(diff)} files DIFFER: ' + ', '.join(diff[:10])}")
        return 1 if diff else 0
    return 0


def full_builds(trees: dict[str, Path], roots: dict[str, Path], reviews: str, rounds: int) -> int:
    for label, tree in trees.items():
        if not (roots[label] / "output" / ".plainsum-manifest.json").is_file():
            make(tree, roots[label], reviews)
        result = build(tree, roots[label])  # untimed: compiles the bytecode, writes the published record's copies
        print(f"{label}: {tree} ({_commit(tree)}), first build {result['cpu']:.2f} s CPU ({result['summary']})", flush=True)
    labels = list(trees)
    per_document: dict[str, list[float]] = {label: [] for label in labels}
    for number in range(rounds):
        for label in labels[number % len(labels):] + labels[:number % len(labels)]:
            result = build(trees[label], roots[label], f"full-{number}")
            count = documents(roots[label], f"full-{number}")
            per_document[label].append(1000 * result["cpu"] / count)
            print(f"  round {number + 1} {label:4s}: {result['cpu']:6.2f} s CPU, {per_document[label][-1]:.2f} ms a document "
                  f"(load {result['load']:.1f})", flush=True)
    print("results (CPU ms an English document, html+txt, --jobs 2):")
    for label in labels:
        ordered = sorted(per_document[label])
        print(f"  {label}: least {ordered[0]:.2f}, median {ordered[len(ordered) // 2]:.2f}, each "
              + ", ".join(f"{value:.2f}" for value in per_document[label]))
    for label in labels:
        if label != "new":
            ratios = [new / other for new, other in zip(per_document["new"], per_document[label], strict=True)]
            print(f"  new / {label}, round by round: " + ", ".join(f"{ratio:.2f}x" for ratio in ratios))
    return 0


def _commit(tree: Path) -> str:
    result = subprocess.run(["git", "-C", str(tree), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return result.stdout.strip() or "?"
