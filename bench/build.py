"""Build speed: full, no-op and one-edit builds of the corpus, with --jobs 1 and --jobs 2.

    python -m bench build [--reviews=N] [--pdf-reviews=N] [--jobs1-reviews=N] [--keep=DIR] [--profile]
                          [--warnings-off] [--shipped-gate]

Every corpus review is imported (plainsum.importers.cochrane_json) into a throw-away project,
then `plainsum build` runs as a user runs it (a subprocess, so start-up counts):

  html+txt, all reviews (--reviews):   full build --jobs 2, no-op rebuild, one review edited
  html+txt, a subset (--jobs1-reviews): full build --jobs 1 and --jobs 2, for the ratio
  html+txt+pdf, a subset (--pdf-reviews, 100): full build --jobs 1 and --jobs 2, no-op, one edited

Builds use --draft so that every document is written, gate or not. Prints each time, the
ratios and the issue's targets; --profile adds where one process spends its time per review.

--shipped-gate instead compares, in the same run, a full build with the gate of the shipped
plainsum.toml (strict: most corpus summaries fail it) against one with plainsum's default gate
(lenient: nearly all pass), each into a fresh folder with --jobs 2: wall time, CPU time and peak
memory of the build's processes, manifest size, and the lines and bytes the build prints; then a
no-op rebuild of the strict project.
--warnings-off turns off every check whose default severity is "warning" (the gate's errors
still run), to time the build itself apart from the plain-language checks. The project has
plainsum's default gate, which nearly every corpus document passes; --shipped-gate gives it the
gate of the shipped plainsum.toml (grade 13 for lay summaries), which most corpus summaries fail,
and a failing document is given every check.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import CORPUS, corpus_present, option

CONFIG = 'content = "content"\noutput = "output"\ntemplates = "templates"\nformats = ["html", "txt"]\n'


# The gate of the shipped plainsum.toml: about two lay summaries in three of the corpus fail it, and
# a failing document gets every check (a passing one only the gate's), so builds do more work.
SHIPPED_GATE = "\n[gate.summary]\nmax_flesch_kincaid_grade = 13\nformula_min_words = 100\n"


def config_text(warnings_off: bool, shipped_gate: bool = False) -> str:
    text = CONFIG + (SHIPPED_GATE if shipped_gate else "")
    if not warnings_off:
        return text
    from plainsum.checks import registry

    off = "".join(f'"{spec.id}" = "off"\n' for spec in registry.checks.values() if spec.severity == "warning")
    return text + "\n[checks]\n" + off


def make_project(root: Path, records: list[dict], warnings_off: bool = False, shipped_gate: bool = False) -> list[Path]:
    from plainsum.importers.cochrane_json import record_to_yaml

    (root / "content").mkdir(parents=True)
    (root / "plainsum.toml").write_text(config_text(warnings_off, shipped_gate), encoding="utf-8")
    paths = []
    for record in records:
        try:
            review_id, text = record_to_yaml(record)
        except Exception:  # a record the importer refuses is not this benchmark's concern
            continue
        path = root / "content" / f"{review_id}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def measured_build(root: Path, *args: str) -> dict[str, float]:
    """One `plainsum build` as a user runs it, with what it cost: wall and CPU seconds, the peak
    resident memory of its largest process (os.wait4 gives the child's own usage, its workers
    included), and what it printed."""
    out, err = root / "build.stdout", root / "build.stderr"
    with open(out, "wb") as stdout, open(err, "wb") as stderr:
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "plainsum", "build", "--draft", "--no-progress", *args],
            cwd=root, stdout=stdout, stderr=stderr, env={**os.environ, "CI": "1"},
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise RuntimeError(f"plainsum build {' '.join(args)} failed ({process.returncode}):\n{err.read_text()[-3000:]}")
    printed = out.read_bytes() + err.read_bytes()
    return {
        "seconds": seconds,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_mb": usage.ru_maxrss / 1024,
        "lines": printed.count(b"\n"),
        "printed_kb": len(printed) / 1024,
        "summary": out.read_text(encoding="utf-8").strip().splitlines()[-1],  # type: ignore[dict-item]
    }


def gate_comparison(workspace: Path, records: list[dict], warnings_off: bool) -> None:
    """The strict (shipped) gate against the lenient (default) one, full builds of the same reviews."""
    figures = {}
    for label, strict in (("lenient", False), ("strict", True)):
        root = workspace / label
        paths = make_project(root, records, warnings_off, shipped_gate=strict)
        out = root / "output-1"
        result = measured_build(root, "--formats", "html,txt", "--jobs", "2", "--out", str(out))
        result["manifest_mb"] = (out / ".plainsum-manifest.json").stat().st_size / 1e6
        figures[label] = result
        print(f"  {label} gate, {len(paths)} reviews, full build --jobs 2: {result['seconds']:.2f} s, CPU {result['cpu']:.2f} s, "
              f"peak memory {result['peak_mb']:.0f} MB, manifest {result['manifest_mb']:.2f} MB, printed "
              f"{result['lines']:.0f} lines ({result['printed_kb']:.0f} kB)   ({result['summary']})", flush=True)
    strict_root = workspace / "strict"
    noop = measured_build(strict_root, "--formats", "html,txt", "--jobs", "2", "--out", str(strict_root / "output-1"))
    print(f"  strict gate, no-op rebuild: {noop['seconds']:.2f} s, printed {noop['lines']:.0f} lines   ({noop['summary']})")
    lenient, strict = figures["lenient"], figures["strict"]
    time_ratio, cpu_ratio = strict["seconds"] / lenient["seconds"], strict["cpu"] / lenient["cpu"]
    memory_ratio = strict["peak_mb"] / lenient["peak_mb"]
    print("results:")
    print(f"  strict / lenient: time {time_ratio:.2f}x, CPU {cpu_ratio:.2f}x (target <= 1.2x: {verdict(max(time_ratio, cpu_ratio) <= 1.2)}); "
          f"peak memory {memory_ratio:.2f}x (target <= 1.2x: {verdict(memory_ratio <= 1.2)})")
    print(f"  strict manifest {strict['manifest_mb']:.2f} MB (target < 12 MB: {verdict(strict['manifest_mb'] < 12)}); "
          f"report {strict['lines']:.0f} lines, {strict['printed_kb']:.0f} kB (lenient: {lenient['lines']:.0f} lines)")


def run_build(root: Path, *args: str) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "plainsum", "build", "--draft", "--no-progress", *args],
        cwd=root, capture_output=True, text=True, env={**os.environ, "CI": "1"},
    )
    seconds = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise RuntimeError(f"plainsum build {' '.join(args)} failed ({result.returncode}):\n{result.stderr[-3000:]}")
    summary = result.stdout.strip().splitlines()[-1]
    return seconds, summary


def edit_one(path: Path) -> None:
    """A one-word change in one review, as an author makes."""
    text = path.read_text(encoding="utf-8")
    marker = "  objectives:\n    technical: >-\n      "
    if marker in text:
        text = text.replace(marker, marker + "Briefly, ", 1)
    else:
        text += "\n# edited\n"
    path.write_text(text, encoding="utf-8")


def scenario(label: str, root: Path, formats: str, jobs_list: tuple[int, ...], edit: Path | None) -> dict[str, float]:
    times: dict[str, float] = {}
    out = root / "output"
    for number, jobs in enumerate(jobs_list, 1):
        # Each full build writes into a new folder. Deleting the previous outputs just before a
        # timed build made it up to twice as slow here: the project's disk is mounted with online
        # discard, and the kernel's work for thousands of freshly deleted files lands in the build.
        out = root / f"output-{number}"
        seconds, summary = run_build(root, "--formats", formats, "--jobs", str(jobs), "--out", str(out))
        times[f"full --jobs {jobs}"] = seconds
        print(f"  {label}: full build --jobs {jobs}: {seconds:7.2f} s   ({summary})", flush=True)
    if edit is not None:
        jobs = jobs_list[-1]
        seconds, summary = run_build(root, "--formats", formats, "--jobs", str(jobs), "--out", str(out))
        times["no-op"] = seconds
        print(f"  {label}: no-op rebuild --jobs {jobs}: {seconds:7.2f} s   ({summary})", flush=True)
        edit_one(edit)
        seconds, summary = run_build(root, "--formats", formats, "--jobs", str(jobs), "--out", str(out))
        times["one edited"] = seconds
        print(f"  {label}: one review edited: {seconds:7.2f} s   ({summary})", flush=True)
    return times


def profile(root: Path, count: int) -> None:
    """Where one process spends its time per review (html+txt), by stage."""
    from plainsum.build.writer import write_file
    from plainsum.content.loader import load_review
    from plainsum.document_formats import RenderContext
    from plainsum.document_formats import registry as format_registry
    from plainsum.gate.settings import load_config
    from plainsum.project.flow import check_document
    from plainsum.readability.score import score_document
    from plainsum.render.document import render_documents
    from plainsum.render.templates import TemplateSet

    config = load_config(root)
    templates = TemplateSet(config.templates_dir)
    context = RenderContext(templates, config)
    stages = dict.fromkeys(("load", "render", "score", "checks", "html", "txt", "write"), 0.0)
    paths = sorted((root / "content").glob("*.yaml"))[:count]
    target = root / "profile-out"
    for path in paths:
        clock = time.perf_counter()
        review = load_review(path)
        stages["load"] += time.perf_counter() - clock
        clock = time.perf_counter()
        documents = render_documents(review, templates)
        stages["render"] += time.perf_counter() - clock
        for document in documents:
            clock = time.perf_counter()
            scored = score_document(document, int(config.formula_min_words(document.kind)))
            stages["score"] += time.perf_counter() - clock
            clock = time.perf_counter()
            check_document(document, scored, config, warnings=False)  # as a build without --verbose
            stages["checks"] += time.perf_counter() - clock
            for name in ("html", "txt"):
                clock = time.perf_counter()
                data = format_registry[name].render(document, scored, context)
                stages[name] += time.perf_counter() - clock
                clock = time.perf_counter()
                write_file(target / review.id / f"{document.kind}.{name}", data)
                stages["write"] += time.perf_counter() - clock
    total = sum(stages.values())
    print(f"  profile, one process, {len(paths)} reviews (html+txt): {1000 * total / len(paths):.1f} ms per review")
    for stage, seconds in stages.items():
        print(f"    {stage:7s} {1000 * seconds / len(paths):7.2f} ms per review  ({100 * seconds / total:4.1f}%)")


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def main(argv: list[str]) -> int:
    if not corpus_present():
        return 2
    reviews = int(option(argv, "reviews", "0") or 0) or None
    pdf_reviews = int(option(argv, "pdf-reviews", "100") or 100)
    jobs1_reviews = int(option(argv, "jobs1-reviews", "300") or 300)
    keep = option(argv, "keep", None)
    warnings_off = "--warnings-off" in argv
    shipped_gate = "--shipped-gate" in argv
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    if reviews:
        records = records[:reviews]
    workspace = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="plainsum-bench-build-"))
    try:
        print(f"machine: {os.cpu_count()} CPUs; workspace {workspace}", flush=True)
        if shipped_gate:
            gate_comparison(workspace, records, warnings_off)
            return 0
        everything = workspace / "all"
        paths = make_project(everything, records, warnings_off, shipped_gate)
        print(f"imported {len(paths)} reviews; warning checks {'off' if warnings_off else 'on'}; "
              f"gate {'of the shipped plainsum.toml' if shipped_gate else 'plainsum defaults'}", flush=True)
        if "--profile" in argv:
            profile(everything, 100)
        main_times = scenario(f"html+txt, {len(paths)} reviews", everything, "html,txt", (2,), paths[len(paths) // 2])

        subset = workspace / "subset"
        subset_paths = make_project(subset, records[:jobs1_reviews], warnings_off, shipped_gate)
        jobs_times = scenario(f"html+txt, {len(subset_paths)} reviews", subset, "html,txt", (1, 2), None)

        pdf = workspace / "pdf"
        pdf_paths = make_project(pdf, records[:pdf_reviews], warnings_off, shipped_gate)
        pdf_times = scenario(f"html+txt+pdf, {len(pdf_paths)} reviews", pdf, "html,txt,pdf", (1, 2), pdf_paths[0])

        full = main_times["full --jobs 2"]
        print("results:")
        print(f"  html+txt full build of {len(paths)} reviews, --jobs 2: {full:.2f} s "
              f"(target < 20 s: {verdict(full < 20)})")
        print(f"  no-op rebuild: {main_times['no-op']:.2f} s = {100 * main_times['no-op'] / full:.1f}% of the full build "
              f"(target < 10%: {verdict(main_times['no-op'] < 0.1 * full)})")
        print(f"  one review edited: {main_times['one edited']:.2f} s (target < 1 s: {verdict(main_times['one edited'] < 1)})")
        ratio = jobs_times["full --jobs 1"] / jobs_times["full --jobs 2"]
        print(f"  html+txt, {len(subset_paths)} reviews: --jobs 2 is {ratio:.2f}x faster than --jobs 1")
        pdf_ratio = pdf_times["full --jobs 1"] / pdf_times["full --jobs 2"]
        print(f"  html+txt+pdf, {len(pdf_paths)} reviews ({2 * len(pdf_paths)} PDFs): --jobs 2 is {pdf_ratio:.2f}x faster "
              f"than --jobs 1 (target >= 1.7x: {verdict(pdf_ratio >= 1.7)}); no-op {pdf_times['no-op']:.2f} s, "
              f"one edited {pdf_times['one edited']:.2f} s")
    finally:
        if not keep:
            shutil.rmtree(workspace, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
