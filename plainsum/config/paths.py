"""Where plainsum's own files are: the default templates."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def default_templates_dir() -> Path:
    """Installed wheels carry the defaults inside the package; a source checkout has them beside it."""
    packaged = _PACKAGE / "templates"
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent / "templates"


def scaffold_dir() -> Path:
    """The files `plainsum init` copies into a new project (inside the package, source or wheel)."""
    return _PACKAGE / "scaffold"
