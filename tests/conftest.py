"""Shared fixtures: a throw-away copy of the project, and a way to run the CLI in it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the plainsum CLI in a subprocess, as a user would."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "plainsum", *args],
        cwd=cwd or Path.cwd(),
        env=full_env,
        capture_output=True,
        text=True,
        timeout=600,
    )


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
