"""`pip install .` gives a working tool with its default templates, from anywhere."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import REPO


def test_wheel_carries_the_default_templates_and_works_outside_the_repo(tmp_path: Path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet", "-w", str(wheels), str(REPO)],
        check=True, capture_output=True, text=True, timeout=300, cwd=tmp_path,
    )
    wheel = next(wheels.glob("plainsum-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for init in REPO.glob("plainsum/**/__init__.py"):
        assert init.relative_to(REPO).as_posix() in names, f"{init.parent.name} is missing from the wheel"
    for template in ("summary/classic.md.j2", "abstract/cochrane-review.md.j2", "html/document.html.j2", "assets/style.css"):
        assert f"plainsum/templates/{template}" in names

    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(site), str(wheel)],
        check=True, capture_output=True, text=True, timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "content").mkdir(parents=True)
    (elsewhere / "content" / "ilsp-immunotherapy.yaml").write_bytes((REPO / "content" / "ilsp-immunotherapy.yaml").read_bytes())
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-c", "from plainsum.cli import main; main()", "build", "--formats", "txt,html"],
        cwd=elsewhere, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode in (0, 1), result.stderr
    assert (elsewhere / "output" / "ilsp-immunotherapy" / "abstract.txt").is_file()
    probe = subprocess.run(
        [sys.executable, "-c", "from plainsum.render.templates import default_templates_dir; print(default_templates_dir())"],
        cwd=elsewhere, env=env, capture_output=True, text=True, timeout=60,
    )
    assert Path(probe.stdout.strip()).is_relative_to(site)


def test_every_subpackage_is_in_the_wheel():
    """The wheel holds the packages pyproject.toml lists; a stage left out works in an editable install
    and fails in every real one (plainsum.project did, exit 3 on every command)."""
    import tomllib

    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(path.parent.relative_to(REPO).parts) for path in (REPO / "plainsum").rglob("__init__.py")}
    assert found - listed == set()
