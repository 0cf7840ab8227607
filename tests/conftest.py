"""Shared fixtures: a throw-away copy of the project, and a way to run the CLI in it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus" / "cochrane-dev.jsonl.gz"
# The shipped example reviews the tests use, by name: a draft an author keeps in content/ changes no test.
SHIPPED_EXAMPLES = ("general-health-checks", "ilsp-immunotherapy", "ivig-dlrpn")


def asthma_control_result(result_id: str) -> str:
    """One item of a review's `results:` list, as YAML indented under it: a mean difference in asthma
    control, very low certainty, lower is better (the claim checks and the summary of findings use it)."""
    return f"  - id: {result_id}\n" + """\
    outcome: {technical: asthma control (ACQ), plain: asthma control, quality: true}
    measure: MD
    estimate: -0.21
    ci: [-0.42, 0.00]
    studies: 2
    participants: 408
    certainty: very low
    size: small
    better: lower
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped content and configuration in a temporary folder, made the working directory.

    The project's templates are not copied: the defaults come from the installed package, as for a user.
    """
    root = tmp_path / "project"
    root.mkdir()
    (root / "content").mkdir()
    for name in SHIPPED_EXAMPLES:
        shutil.copy(REPO / "content" / f"{name}.yaml", root / "content" / f"{name}.yaml")
    shutil.copy(REPO / "plainsum.toml", root / "plainsum.toml")
    monkeypatch.chdir(root)
    return root


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None, input: str | None = None,
            timeout: int = 600) -> subprocess.CompletedProcess:
    """Run the plainsum CLI in a process of its own, as a user would: `python -m plainsum ARGS` (with `input` as its
    stdin), forked from a process that has imported plainsum once (tests/cli_zygote.py), or started cold with
    PLAINSUM_TEST_COLD=1."""
    full_env = {**os.environ, **(env or {})}
    folder = cwd or Path.cwd()
    # a run while another is under way (a test's own thread) starts cold: the warm process takes one at a time
    if os.environ.get("PLAINSUM_TEST_COLD") or not hasattr(os, "fork") or not _ZYGOTE.busy.acquire(blocking=False):
        return subprocess.run([sys.executable, "-m", "plainsum", *args], cwd=folder, env=full_env, capture_output=True,
                              text=True, input=input, timeout=timeout)
    try:
        return _ZYGOTE.run([*args], folder, full_env, input, timeout)
    finally:
        _ZYGOTE.busy.release()


class _Zygote:
    """The client of tests/cli_zygote.py: one per test process, started on the first run."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[str] | None = None
        self.folder: Path | None = None
        self.busy = threading.Lock()

    def _start(self) -> subprocess.Popen[str]:
        if self.process is None or self.process.poll() is not None:
            import tempfile

            self.folder = Path(tempfile.mkdtemp(prefix="plainsum-cli-"))
            self.process = subprocess.Popen([sys.executable, str(Path(__file__).with_name("cli_zygote.py"))],
                                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=self.folder)
            assert self.process.stdout is not None and self.process.stdout.readline() == "ready\n"
        return self.process

    def run(self, args: list[str], cwd: Path, env: dict[str, str], input: str | None,
            timeout: int) -> subprocess.CompletedProcess:
        import json
        import signal

        process = self._start()
        assert process.stdin is not None and process.stdout is not None and self.folder is not None
        out, err, stdin = self.folder / "stdout", self.folder / "stderr", os.devnull  # pytest gives a test /dev/null
        if input is not None:
            stdin = str(self.folder / "stdin")
            with open(stdin, "w") as handle:  # encoded as subprocess's text=True encodes
                handle.write(input)
        request = {"args": args, "cwd": str(cwd), "env": env, "stdin": stdin, "stdout": str(out), "stderr": str(err),
                   "timeout": timeout}
        process.stdin.write(json.dumps(request) + "\n")
        process.stdin.flush()
        code = int(process.stdout.readline())
        command = [sys.executable, "-m", "plainsum", *args]
        if code == -signal.SIGALRM:  # the run's own alarm: it took longer than `timeout` seconds
            raise subprocess.TimeoutExpired(command, timeout)
        with open(out) as stdout, open(err) as stderr:  # decoded as subprocess's text=True decodes
            return subprocess.CompletedProcess(command, code, stdout.read(), stderr.read())

    def close(self) -> None:
        if self.process is not None and self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.close()
            self.process.wait(timeout=60)
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


_ZYGOTE = _Zygote()


def pytest_unconfigure(config: pytest.Config) -> None:
    _ZYGOTE.close()


@pytest.fixture
def cli():
    return run_cli


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current rendering instead of comparing with it",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def case_params(cases: dict[str, dict[str, list[str]]], expect: str) -> list:
    """pytest params (check id, text) for the texts a check table says it must 'flag' or 'pass'."""
    return [
        pytest.param(check_id, text, id=f"{check_id}-{expect}-{index}")
        for check_id, table in cases.items()
        for index, text in enumerate(table[expect])
    ]


# The slowest test files, slowest first (summed test time in a run of the whole suite, session 13). pytest-xdist
# (`--dist loadfile --no-loadscope-reorder`, pyproject.toml) hands the files to its workers in the order they are
# collected: these go first, the others after them by their number of tests, so the run does not end with one
# worker alone on a long file (a file of one slow test, last in xdist's own order, did). A file missing here, or
# in the wrong place, only runs at another time.
SLOW_FIRST = (
    "test_translations", "test_project", "test_bench_truth", "test_prose_language", "test_ci_library_scale",
    "test_checks_claims", "test_core_invalid_content", "test_fuzz_regressions", "test_diff", "test_ci_baseline",
    "test_pages_browser", "test_checks_trial", "test_startup_imports", "test_invalid_input_report",
    "test_links_and_recovery", "test_checks_translation", "test_print_layout", "test_build_interrupted",
    "test_build_stale_outputs", "test_hardening_inputs", "test_hardening_output", "test_pdf_ua",
    "test_ci_suppressions", "test_build_incremental", "test_issue30_inputs", "test_core_gate",
    "test_build_index_formats", "test_code_quality", "test_ci_output", "test_pdf_handouts",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    rank = {name: index for index, name in enumerate(SLOW_FIRST)}
    count: dict[str, int] = {}
    for item in items:
        count[item.path.stem] = count.get(item.path.stem, 0) + 1
    # a stable sort: the tests of a file keep their order
    items.sort(key=lambda item: (rank.get(item.path.stem, len(rank)), -count[item.path.stem], item.path.stem))
