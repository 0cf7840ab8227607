"""A template or stylesheet of a project that is not UTF-8 is the author's to fix: file:1:1, exit 2, not exit 3."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.parametrize("name, command", [
    ("html/document.html.j2", ("build", "--formats", "html", "--no-progress")),
    ("summary/cochrane-2021.md.j2", ("check",)),
    ("assets/style.css", ("build", "--formats", "html", "--no-progress")),
])
def test_a_template_that_is_not_utf8_is_invalid_input(cli, tmp_path: Path, name: str, command: tuple[str, ...]):
    assert cli("init", "p", cwd=tmp_path).returncode == 0
    root = tmp_path / "p"
    (root / "templates" / name).parent.mkdir(parents=True, exist_ok=True)
    (root / "templates" / name).write_bytes(b"x\xff")
    result = cli(*command, cwd=root)
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"templates/{name}:1:" in result.stderr and "not UTF-8 text" in result.stderr
    assert "internal error" not in result.stderr
