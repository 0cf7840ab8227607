"""A project's GRADE files (templates/grade/: the wording grid, the claim vocabulary) and the glossary
are read with the content files' caps: an alias bomb, a file nested too deep or too large is exit 2
at its file:line:col, never a hang, a MemoryError or a traceback."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_grade import _project

from plainsum.errors import InputError

LOCATION = re.compile(r"^(?P<path>templates/grade/[\w/]+\.yaml):(?P<line>\d+):(?P<col>\d+): (?P<message>.+)$", re.M)

# "billion laughs": nine levels of nine aliases, 9**9 values once expanded, in a few hundred bytes
ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 9)}]\n" for n in range(8)
) + "statements: *i\nnumbers: '{{ x }}'\n"


def _check(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "plainsum", "check"], cwd=root, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("where", ["grade/grid.yaml", "grade/fr/grid.yaml", "grade/claims.yaml"])
def test_an_alias_bomb_in_a_project_grade_file_is_refused_at_its_place(tmp_path: Path, where: str) -> None:
    root = _project(tmp_path, ALIAS_BOMB, where)
    if "/fr/" in where:
        review = root / "content" / "tiny.yaml"
        review.write_text(review.read_text(encoding="utf-8").replace("kind: cochrane-review", "kind: cochrane-review\nlanguage: fr"),
                          encoding="utf-8")
    run = _check(root)
    assert run.returncode == 2, run.stdout + run.stderr
    assert "Traceback" not in run.stderr and "MemoryError" not in run.stderr
    found = LOCATION.search(run.stderr)
    assert found, run.stderr
    assert found["path"] == f"templates/{where}"
    assert int(found["line"]) > 1 and "values once its aliases are expanded" in found["message"]


def test_a_grid_nested_too_deep_or_broken_yaml_is_refused_at_its_place(tmp_path: Path) -> None:
    root = _project(tmp_path, "statements:\n" + "".join("  " * n + "- \n" for n in range(1, 80)))
    run = _check(root)
    assert run.returncode == 2 and "nests too deeply" in run.stderr, run.stderr
    assert LOCATION.search(run.stderr), run.stderr
    (root / "templates" / "grade" / "grid.yaml").write_text("statements: {high: [\nnumbers: x\n", encoding="utf-8")
    run = _check(root)
    assert run.returncode == 2 and "YAML syntax error" in run.stderr and "wording grid" in run.stderr, run.stderr
    found = LOCATION.search(run.stderr)
    assert found and int(found["line"]) >= 2, run.stderr


def test_the_glossary_is_read_with_the_same_caps(tmp_path: Path) -> None:
    from plainsum.checks.glossary import load_glossary

    bomb = tmp_path / "glossary.yaml"
    bomb.write_text(ALIAS_BOMB, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_glossary(bomb)
    [problem] = raised.value.problems
    assert problem.line > 1 and "values once its aliases are expanded" in problem.message
