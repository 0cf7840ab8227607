"""The JSON Schema of plainsum.toml is made from the declaration the loader validates with: what one
accepts the other accepts, and a configuration the loader refuses for a reason a schema can state,
the schema refuses too (issue 25, on issue 22's declared settings)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import jsonschema
import pytest
from conftest import REPO

from plainsum.errors import InputError
from plainsum.gate.config_schema import config_schema
from plainsum.gate.settings import load_config

VALIDATOR = jsonschema.Draft202012Validator(config_schema())

GOOD = [REPO / "plainsum.toml", REPO / "plainsum" / "scaffold" / "plainsum.toml"]
DOC_PAGES = [REPO / "README.md", *(REPO / "docs").glob("*.md")]
DOC_BLOCKS = [block for page in DOC_PAGES for block in re.findall(r"```toml\n(.*?)```", page.read_text(encoding="utf-8"), re.S)]

BAD = [
    'formats = ["htm"]',
    "bogus = 1",
    '[checks]\n"plain.jargn" = "off"',
    '[checks]\n"plain.jargon" = "of"',
    "[gate.summary]\nmax_flesch_kincaid = 3",
    "[gate.summary]\npreset = \"nihh\"",
    "[report]\nmax_results = 30000",
    "[report]\nmax_annotations = -1",
    "[gate.summary.sentences]\nmax_wordz = 20",
    '[typography]\nminus = "sometimes"',
    "[ratchet]\nfigures = 3",
]


def test_the_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(config_schema())


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.relative_to(REPO).as_posix())
def test_shipped_and_scaffolded_configurations_pass(path: Path):
    assert list(VALIDATOR.iter_errors(tomllib.loads(path.read_text(encoding="utf-8")))) == []
    load_config(path.parent)


@pytest.mark.parametrize("block", DOC_BLOCKS, ids=[f"docs-{i}" for i in range(len(DOC_BLOCKS))])
def test_documented_configurations_pass_both(tmp_path: Path, block: str):
    try:
        data = tomllib.loads(block)
    except tomllib.TOMLDecodeError:
        pytest.skip("an excerpt, not a whole file")
    (tmp_path / "plainsum.toml").write_text(block, encoding="utf-8")
    try:
        load_config(tmp_path)
    except InputError:
        pytest.skip("an excerpt the loader needs the rest of a project for")
    assert [e.message for e in VALIDATOR.iter_errors(data)] == []


@pytest.mark.parametrize("text", BAD)
def test_a_configuration_the_loader_refuses_the_schema_refuses(tmp_path: Path, text: str):
    (tmp_path / "plainsum.toml").write_text(text + "\n", encoding="utf-8")
    with pytest.raises(InputError):
        load_config(tmp_path)
    assert list(VALIDATOR.iter_errors(tomllib.loads(text))) != []


def test_plainsum_schema_config_prints_it():
    result = subprocess.run([sys.executable, "-m", "plainsum", "schema", "config"], cwd=REPO, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert printed["properties"]["checks"]["properties"]["plain.jargon"]["anyOf"][0]["enum"] == ["error", "warning", "off"]
