"""The shipped CI integration: the pre-commit hook run for real with `pre-commit try-repo` (offline:
plainsum installs from this repository, its dependencies from the wheels .ci/run fetched), and the
GitHub Action's inputs (issue 13)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO

WHEELHOUSE = Path(sys.prefix) / "wheelhouse"
REVIEW = "ilsp-immunotherapy"
HARD = (
    "Idiopathic lumbosacral radiculoplexus neuropathy constitutes a heterogeneous, predominantly immunologically "
    "mediated microvasculitic polyneuropathic syndrome characterised by asymmetrical proximal neuropathic "
    "nociception and considerable persistent functional disability."
)


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=root, check=True,
                   capture_output=True)


def test_the_hook_file_runs_check_on_changed_content() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "plainsum")
    assert hook["entry"] == "plainsum check" and hook["language"] == "python"
    assert hook.get("pass_filenames", True) and "content/" in hook["files"]


def test_pre_commit_try_repo_fails_on_a_hard_summary(tmp_path: Path) -> None:
    if not WHEELHOUSE.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{WHEELHOUSE} is missing: .ci/run fetches the wheels the hook installs from")
        pytest.skip(f"no {WHEELHOUSE} (see .ci/run)")
    project = tmp_path / "reviews"
    project.mkdir()
    shutil.copytree(REPO / "content", project / "content")
    shutil.copy(REPO / "plainsum.toml", project / "plainsum.toml")
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "reviews")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PIP_NO_INDEX": "1",  # nothing from the network: the wheels of .ci/run, and plainsum from this repository
        "PIP_FIND_LINKS": str(WHEELHOUSE),
        "VIRTUALENV_NO_DOWNLOAD": "1",
    }
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "plainsum", "--files", f"content/{REVIEW}.yaml"]

    passing = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=1200)
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "plainsum check" in passing.stdout and "Passed" in passing.stdout

    path = project / "content" / f"{REVIEW}.yaml"
    text = path.read_text(encoding="utf-8")
    marker = "    plain: >-\n      ILSP is an uncommon"
    path.write_text(text.replace(marker, "    plain: >-\n" + f"      {HARD}\n" * 3 + "      ILSP is an uncommon", 1),
                    encoding="utf-8")
    failing = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "Failed" in failing.stdout
    assert f"{REVIEW}/summary: FAIL" in failing.stdout and "error [readability.thresholds]" in failing.stdout


def test_the_action_installs_plainsum_runs_sarif_and_uploads_it() -> None:
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert {"paths", "config", "baseline"} <= set(action["inputs"])
    steps = action["runs"]["steps"]
    script = "\n".join(step.get("run", "") for step in steps)
    assert "pip install" in script and "--format sarif" in script
    assert any(step.get("uses", "").startswith("github/codeql-action/upload-sarif") for step in steps)
