"""The README stays true: its configuration examples (and those of the pages it links) load, and CI runs its test command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import REPO

from plainsum.gate.settings import load_config

README = (REPO / "README.md").read_text(encoding="utf-8")
# The configuration examples of the README and of the pages its reference moved to.
EXAMPLE_PAGES = [REPO / "README.md", *(REPO / "docs" / page for page in ("configuration.md", "getting-started.md", "content.md"))]
TOML_BLOCKS = [block for page in EXAMPLE_PAGES for block in re.findall(r"```toml\n(.*?)```", page.read_text(encoding="utf-8"), re.S)]


@pytest.mark.parametrize("block", TOML_BLOCKS, ids=[f"toml-{i}" for i in range(len(TOML_BLOCKS))])
def test_every_toml_example_is_a_valid_configuration(tmp_path: Path, block: str):
    (tmp_path / "plainsum.toml").write_text(block, encoding="utf-8")
    load_config(tmp_path)


def test_ci_runs_the_readme_test_command_after_its_setup():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    setup = "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/plainsum build"
    test_command = ".venv/bin/python -m pytest"
    assert setup in README and f"\n    {test_command}\n" in README
    assert ci.strip().splitlines()[-1] == test_command
    assert "python3 -m venv .venv" in ci and "pip install" in ci and "-e '.[test]'" in ci


def test_the_grades_the_shipped_configuration_and_docs_quote_are_the_builds(cli, project):
    """plainsum.toml's comment and docs/readability.md quote each shipped lay summary's grade as a build prints it."""
    result = cli("build", "--formats", "md")
    assert result.returncode == 0, result.stdout + result.stderr
    grades = dict(re.findall(r"^([\w-]+)/summary: pass \(grade (-?\d+\.\d),", result.stdout, re.M))
    assert set(grades) == {"ilsp-immunotherapy", "general-health-checks", "ivig-dlrpn"}, result.stdout
    comment = " ".join(line.lstrip("# ") for line in (REPO / "plainsum.toml").read_text(encoding="utf-8").splitlines()
                       if line.startswith("#"))
    docs = " ".join((REPO / "docs" / "readability.md").read_text(encoding="utf-8").split())
    names = {"ilsp-immunotherapy": "the ILSP lay summary measures grade", "general-health-checks": "the general health "
             "checks one", "ivig-dlrpn": "the IVIG one"}
    for review, grade in grades.items():
        assert f"{grade} ({review})" in comment, (review, grade)
        assert f"{names[review]} {grade}" in docs, (review, grade)
    quoted = set(re.findall(r"\d+\.\d", comment[:comment.index("so grade 13")]))
    assert quoted == set(grades.values())  # no other grade quoted there
