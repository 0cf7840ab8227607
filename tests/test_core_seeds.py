"""The shipped seed review reproduces the seed documents, paragraph for paragraph."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SEEDS

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the repository")

REVIEW = "ilsp-immunotherapy"


def paragraphs(text: str) -> list[str]:
    """Split on blank lines and fold whitespace."""
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", text) if block.strip()]


def seed_000_paragraphs() -> list[str]:
    # Seed 000 puts each heading and each section on its own line, with no blank lines.
    text = (SEEDS / "000_65fb480040db6ade.txt").read_text(encoding="utf-8")
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def seed_001_summary_paragraphs() -> list[str]:
    text = (SEEDS / "001_70ee13a80051c958.txt").read_text(encoding="utf-8")
    return paragraphs(text.split("Read the full abstract...")[0])


def build_txt(cli, project: Path) -> tuple[str, str]:
    result = cli("build", "--formats", "txt")
    assert result.returncode == 0, result.stderr + result.stdout
    out = project / "output" / REVIEW
    return (out / "abstract.txt").read_text(encoding="utf-8"), (out / "summary.txt").read_text(encoding="utf-8")


@needs_seeds
def test_abstract_txt_reproduces_seed_000(cli, project):
    abstract, _ = build_txt(cli, project)
    assert paragraphs(abstract) == seed_000_paragraphs()


@needs_seeds
def test_summary_txt_reproduces_seed_001_lay_summary(cli, project):
    _, summary = build_txt(cli, project)
    assert paragraphs(summary) == seed_001_summary_paragraphs()


def test_search_date_and_conclusions_are_written_once_in_the_data(project):
    text = (project / "content" / f"{REVIEW}.yaml").read_text(encoding="utf-8")
    assert "15 October 2013" not in text.split("facts:")[1], "the search date must live only in facts"
    assert text.count("2013-10-15") == 1
    assert text.count("There is at present no evidence from randomized trials") == 1


def test_changing_the_search_date_once_changes_both_documents(cli, project):
    path = project / "content" / f"{REVIEW}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("search_date: 2013-10-15", "search_date: 2024-03-07"),
                    encoding="utf-8")
    abstract, summary = build_txt(cli, project)
    assert "On 7 March 2024, we searched" in abstract
    assert "Database searches for this review were run on 7 March 2024." in summary
    assert "2013" not in abstract + summary


def test_changing_a_count_fact_changes_both_documents(cli, project):
    path = project / "content" / f"{REVIEW}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("included_studies: 0", "included_studies: 2"),
                    encoding="utf-8")
    abstract, summary = build_txt(cli, project)
    assert "We identified two RCTs of any immunotherapy for ILSP." in abstract
    assert "we found two trials in ILSP" in summary
