"""Diff speed: one review after start-up, and the whole corpus against a revision where 100 reviews changed.

    python -m bench diff [--reviews=N] [--changed=N]

Every corpus review is imported into a throw-away git project and committed; then --changed
reviews (100) are updated (a sentence added to the authors' conclusions and the lay summary, the
search date moved a year on where there is one) and committed again. Measured, as a user runs it:

  one review:  `plainsum diff --since HEAD~1 FILE` (a subprocess, start-up included) and the same
               diff in process after start-up (target: under 0.5 s); beside it `git diff --word-diff`
               of the same file, the obvious alternative that knows nothing of the documents
  the corpus:  `plainsum diff --since HEAD~1` of the whole content folder (target: under 30 s, only
               the changed reviews rendered), beside `plainsum check` of the whole corpus, which
               renders every review once (what a diff that rendered everything would at least cost)
  the record:  what `plainsum build` adds to keep the published versions (a copy of each content
               file the first time; the index read when nothing is new)

The counts printed (reviews that differ, unchanged, documents rendered) show that only the changed
reviews were rendered: two versions of each, two documents a version.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import CORPUS, corpus_present, option

GIT = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org", "-c", "commit.gpgsign=false"]
CONFIG = 'content = "content"\noutput = "output"\n'
ADDED = " In this update we added two new trials."


def records(limit: int | None) -> list[dict]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        lines = [json.loads(line) for line in handle]
    return lines[:limit] if limit else lines


def updated(record: dict) -> dict:
    """The record as an update would change it: a sentence added to the conclusions and the lay summary."""
    record = json.loads(json.dumps(record))
    for part in record["abstract"]:
        if part["heading"].strip().lower().startswith("authors"):
            part["text"] += ADDED
    if isinstance(record["pls"], list):
        record["pls"][-1]["text"] += ADDED
    else:
        record["pls"] += ADDED
    return record


def write_project(root: Path, items: list[dict]) -> list[str]:
    from plainsum.importers import cochrane_json

    (root / "content").mkdir(parents=True, exist_ok=True)
    (root / "plainsum.toml").write_text(CONFIG, encoding="utf-8")
    ids = []
    for record in items:
        try:
            review_id, text = cochrane_json.record_to_yaml(record)
        except Exception:  # a record the importer refuses is not this benchmark's concern
            continue
        (root / "content" / f"{review_id}.yaml").write_text(text, encoding="utf-8")
        ids.append(review_id)
    return ids


def run(root: Path, *args: str) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "plainsum", *args], cwd=root, capture_output=True, text=True,
                            env={**os.environ, "CI": "1"})
    return time.perf_counter() - started, result


def in_process(root: Path, paths: list[Path]) -> tuple[float, int, int]:
    """One diff in this process after start-up: seconds, reviews that differ, documents rendered."""
    from plainsum.diff import compare as compare_module
    from plainsum.diff.compare import diff
    from plainsum.diff.formats import render
    from plainsum.diff.sources import baseline
    from plainsum.gate.settings import load_config

    config = load_config(root)
    rendered = 0
    evaluate = compare_module.evaluate

    def counting(review, templates, config, warnings=True):  # type: ignore[no-untyped-def]
        nonlocal rendered
        results = evaluate(review, templates, config, warnings)
        rendered += len(results)
        return results

    compare_module.evaluate = counting  # type: ignore[assignment]
    cwd = Path.cwd()
    os.chdir(root)
    try:
        diff(paths, config, baseline("HEAD~1", config.output_dir, root))  # warm: imports, word tables
        rendered = 0
        started = time.perf_counter()
        outcome = diff(paths, config, baseline("HEAD~1", config.output_dir, root))
        render(outcome, "text")
        seconds = time.perf_counter() - started
    finally:
        os.chdir(cwd)
        compare_module.evaluate = evaluate  # type: ignore[assignment]
    return seconds, len(outcome.reviews), rendered


def record_times(root: Path) -> tuple[float, float]:
    """What `plainsum build` adds to record the published versions: every review the first time
    (a copy of each content file), then a build where all are recorded already (the index read)."""
    import hashlib

    from plainsum.build.published import record_published

    published = {}
    for path in sorted((root / "content").glob("*.yaml")):
        published[path.stem] = (str(path), hashlib.sha256(path.read_bytes()).hexdigest())
    out = root / "record-output"
    started = time.perf_counter()
    record_published(out, published)
    first = time.perf_counter() - started
    started = time.perf_counter()
    record_published(out, published)
    return first, time.perf_counter() - started


def main(argv: list[str]) -> int:
    if not corpus_present():
        return 2
    limit = option(argv, "reviews")
    changed_count = int(option(argv, "changed", "100") or 100)
    items = records(int(limit) if limit else None)
    with tempfile.TemporaryDirectory(prefix="plainsum-bench-diff-") as folder:
        root = Path(folder)
        ids = write_project(root, items)
        subprocess.run(["git", "init", "-q"], cwd=root, check=True)
        subprocess.run([*GIT, "add", "-A"], cwd=root, check=True)
        subprocess.run([*GIT, "commit", "-qm", "v1"], cwd=root, check=True)
        step = max(1, len(items) // changed_count)
        chosen = [updated(record) for record in items[::step][:changed_count]]
        changed_ids = write_project(root, chosen)
        subprocess.run([*GIT, "commit", "-qam", "update"], cwd=root, check=True)
        print(f"  project: {len(ids)} reviews in git, {len(changed_ids)} changed in the last commit", flush=True)

        one = root / "content" / f"{changed_ids[0]}.yaml"
        seconds, result = run(root, "diff", "--since", "HEAD~1", str(one.relative_to(root)))
        assert result.returncode == 1, result.stderr[-2000:]
        print(f"  one review, plainsum diff (subprocess, start-up included): {seconds:6.3f} s", flush=True)
        one_seconds, differ, rendered = in_process(root, [one])
        print(f"  one review, in process after start-up: {one_seconds:6.3f} s ({differ} differs, {rendered} documents rendered); "
              f"target under 0.5 s: {'met' if one_seconds < 0.5 else 'NOT met'}", flush=True)
        started = time.perf_counter()
        subprocess.run(["git", "diff", "--word-diff", "HEAD~1", "--", str(one.relative_to(root))], cwd=root, capture_output=True, check=True)
        git_seconds = time.perf_counter() - started
        print(f"  one review, git diff --word-diff of the YAML: {git_seconds:6.3f} s "
              f"(plainsum diff in process / git diff: {one_seconds / git_seconds:.1f}x)", flush=True)

        seconds, result = run(root, "diff", "--since", "HEAD~1", "--format", "json")
        assert result.returncode == 1, result.stderr[-2000:]
        data = json.loads(result.stdout)
        print(f"  corpus, plainsum diff --since HEAD~1: {seconds:6.2f} s ({data['differences']} differ, "
              f"{data['unchanged']} unchanged); target under 30 s: {'met' if seconds < 30 else 'NOT met'}", flush=True)
        corpus_seconds, differ, rendered = in_process(root, [])
        print(f"  corpus, in process after start-up: {corpus_seconds:6.2f} s ({differ} differ, {rendered} documents rendered "
              f"= 2 versions x 2 documents x {rendered // 4} reviews)", flush=True)
        record_first, record_again = record_times(root)
        print(f"  the build's record of published versions, {len(ids)} reviews: first build {record_first:5.2f} s, "
              f"a build with nothing new {record_again:5.3f} s", flush=True)
        seconds_check, result = run(root, "check", "--format", "json")
        print(f"  corpus, plainsum check (renders all {len(ids)} reviews once): {seconds_check:6.2f} s "
              f"(diff / check: {seconds / seconds_check:.2f}x)", flush=True)
    return 0
