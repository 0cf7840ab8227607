"""Where plainsum's own files are (the default templates), and which links it refuses to follow."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def default_templates_dir() -> Path:
    """Installed wheels carry the defaults inside the package; a source checkout has them beside it."""
    packaged = _PACKAGE / "templates"
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent / "templates"


def link_outside(path: Path, root: Path) -> Path | None:
    """Where `path` leads if a symbolic link on the way takes it out of `root`, else None.

    Content, configuration and template overrides are read only inside the project: a link to
    /etc/shadow named content/x.yaml would otherwise put that file's lines into error messages.
    A link that stays inside the project is followed.
    """
    target = Path(os.path.realpath(path))
    if target.is_relative_to(Path(os.path.realpath(root))):
        return None
    if target == Path(os.path.abspath(path)):
        return None  # no link on the way: a file outside the project that the user named
    return target


def scaffold_dir() -> Path:
    """The files `plainsum init` copies into a new project (inside the package, source or wheel)."""
    return _PACKAGE / "scaffold"
