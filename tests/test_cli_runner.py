"""The tests' way of running the CLI (conftest.run_cli): a run forked from the warm process gives what a cold
`python -m plainsum` gives, byte for byte, exit code included, and runs at the same time from two threads work."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from conftest import run_cli

RUNS = (
    (("check", "--format", "json", "--jobs", "1"), None),
    (("check", "--no-color", "-v"), None),
    (("check", "content/no-such-review.yaml"), None),
    (("score", "--preset", "nih", "--min-words", "0", "-"), "We found six trials. They were small and old.\r\nThat is all."),
    (("build", "--formats", "txt", "--no-progress", "--jobs", "1"), None),
    (("--version",), None),
    (("no-such-command",), None),
)


def _runs(monkeypatch: pytest.MonkeyPatch, cold: bool) -> list[tuple[int, str, str]]:
    with monkeypatch.context() as patched:
        if cold:
            patched.setenv("PLAINSUM_TEST_COLD", "1")
        else:
            patched.delenv("PLAINSUM_TEST_COLD", raising=False)
        return [(result.returncode, result.stdout, result.stderr)
                for result in (run_cli(*args, input=stdin) for args, stdin in RUNS)]


def test_a_warm_run_gives_what_a_cold_one_gives(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    warm = _runs(monkeypatch, cold=False)
    (project / "output").rename(project / "output-warm")
    cold = _runs(monkeypatch, cold=True)
    assert [code for code, _, _ in cold] == [0, 0, 2, 0, 0, 0, 2]
    assert warm == cold
    written = sorted(p.relative_to(project / "output") for p in (project / "output").rglob("*") if p.is_file())
    assert written == sorted(p.relative_to(project / "output-warm") for p in (project / "output-warm").rglob("*")
                             if p.is_file())
    assert all((project / "output" / name).read_bytes() == (project / "output-warm" / name).read_bytes()
               for name in written if name.name != ".plainsum-manifest.json")


def test_runs_from_two_threads_at_once(tmp_path: Path) -> None:
    results: list[tuple[int, str]] = []

    def run() -> None:
        result = run_cli("--version", cwd=tmp_path)
        results.append((result.returncode, result.stdout))

    threads = [threading.Thread(target=run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 3 and all(code == 0 and out.startswith("plainsum, version") for code, out in results)
