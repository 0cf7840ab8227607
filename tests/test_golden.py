"""Golden files: every shipped review's documents, rendered, compared after normalising whitespace.

After an intended change to templates or content, regenerate them with one command:

    .venv/bin/python -m pytest tests/test_golden.py --update-golden

and review the diff of tests/golden/ before committing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, SHIPPED_EXAMPLES

GOLDEN = REPO / "tests" / "golden"
FORMATS = ("md", "txt", "html")
REVIEWS = sorted(SHIPPED_EXAMPLES)


def normalise(text: str) -> str:
    """Fold whitespace so that re-indenting a template does not break the comparison."""
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("golden-build")
    result = subprocess.run(
        [sys.executable, "-m", "plainsum", "build", "--draft", "--formats", ",".join(FORMATS), "--out", str(out)],
        cwd=REPO, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode in (0, 1), result.stderr
    return out


@pytest.mark.parametrize("review", REVIEWS)
@pytest.mark.parametrize("kind", ["abstract", "summary"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_rendering_matches_golden(rendered: Path, update_golden: bool, review: str, kind: str, fmt: str):
    produced = rendered / review / f"{kind}.{fmt}"
    golden = GOLDEN / review / f"{kind}.{fmt}"
    assert produced.is_file(), f"{produced} was not written"
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(produced, golden)
        return
    assert golden.is_file(), f"no golden file {golden.relative_to(REPO)}; run pytest tests/test_golden.py --update-golden"
    assert normalise(produced.read_text(encoding="utf-8")) == normalise(golden.read_text(encoding="utf-8")), (
        f"{review}/{kind}.{fmt} differs from {golden.relative_to(REPO)}; if the change is intended, "
        "regenerate with: python -m pytest tests/test_golden.py --update-golden"
    )
