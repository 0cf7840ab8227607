"""The template search path: the project's templates folder first, then the defaults, file by file.

A template override is read only if it lies inside the project: a link in templates/ that leads
elsewhere (templates/html/summary.html -> /etc/passwd) is refused, not followed, since the
template's text would be published. Jinja itself refuses names with `..` in them.
"""

from __future__ import annotations

import os
import traceback
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import FileSystemLoader, TemplateError, TemplateNotFound, TemplateSyntaxError

from plainsum.config import default_templates_dir
from plainsum.errors import Problem, display_path

if TYPE_CHECKING:
    from collections.abc import Callable

    from jinja2 import Environment
    from jinja2.sandbox import SandboxedEnvironment

AUTOESCAPED = ("html", "htm", "xml", "svg", "html.j2", "xml.j2", "svg.j2")


class RefusedTemplate(TemplateError):
    """A template file that is a link out of the project."""

    def __init__(self, path: str, target: str):
        super().__init__(f"{display_path(Path(path))} is a link to {target}, outside the project; plainsum does not follow it")
        self.path = path


class _InsideLoader(FileSystemLoader):
    """A FileSystemLoader that refuses files whose real path leaves `boundary`."""

    def __init__(self, folder: Path, boundary: Path):
        super().__init__(str(folder))
        self.boundary = boundary

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        real = Path(os.path.realpath(filename))
        if not real.is_relative_to(self.boundary):
            raise RefusedTemplate(filename, str(real))
        return source, filename, uptodate


class TemplateSet:
    """A Jinja environment over [user templates, default templates]."""

    def __init__(self, user_dir: Path | None = None, root: Path | None = None):
        """`root` is the project folder: user templates may be links within it (by default, within user_dir)."""
        defaults = default_templates_dir().resolve()
        dirs = [defaults]
        self.boundaries = {defaults: defaults}
        if user_dir is not None and user_dir.is_dir() and user_dir.resolve() != defaults:
            folder = user_dir.resolve()
            project = Path(os.path.realpath(root)) if root is not None else folder
            dirs.insert(0, folder)
            self.boundaries[folder] = project if folder.is_relative_to(project) else folder
        self.dirs = dirs
        self._found: dict[str, Path | None] = {}
        self._texts: dict[str, str] = {}

    @cached_property
    def env(self) -> SandboxedEnvironment:
        """Made when first used: a build with nothing to render only hashes the template files."""
        from jinja2 import ChoiceLoader, StrictUndefined, select_autoescape
        from jinja2.sandbox import SandboxedEnvironment

        from plainsum.content import FILTERS

        env = SandboxedEnvironment(
            loader=ChoiceLoader([_InsideLoader(d, self.boundaries[d]) for d in self.dirs]),
            undefined=StrictUndefined,
            autoescape=select_autoescape(enabled_extensions=AUTOESCAPED, default_for_string=False),
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,  # a template set lives for one command: no stat of each template at each use
        )
        env.filters.update(FILTERS)
        return env

    def _inside(self, directory: Path, path: Path) -> bool:
        return Path(os.path.realpath(path)).is_relative_to(self.boundaries[directory])

    def find(self, name: str) -> Path | None:
        """The file that `name` resolves to, searching the user's folder first (None if not found or refused)."""
        if name in self._found:
            return self._found[name]
        found = None
        for directory in self.dirs:
            candidate = directory / name
            if ".." in Path(name).parts or not candidate.is_file():
                continue
            if not self._inside(directory, candidate):
                raise RefusedTemplate(str(candidate), os.path.realpath(candidate))
            found = candidate
            break
        self._found[name] = found
        return found

    def read(self, name: str) -> str:
        """The text of a file of the templates (read once: a build reads the stylesheet for every page)."""
        if name not in self._texts:
            path = self.find(name)
            if path is None:
                raise FileNotFoundError(f"template file '{name}' not found in {', '.join(map(str, self.dirs))}")
            self._texts[name] = path.read_text(encoding="utf-8")
        return self._texts[name]

    def fingerprint_files(self) -> list[Path]:
        """Every template file that could take part in a build (for incremental builds)."""
        files: dict[str, Path] = {}
        for directory in reversed(self.dirs):
            for path in sorted(directory.rglob("*")):
                if path.is_file() and "__pycache__" not in path.parts:
                    files[str(path.relative_to(directory))] = path
        return [files[name] for name in sorted(files)]

    def problem(self, error: TemplateError, what: str) -> Problem:
        """`error`, raised while rendering `what`, at the template file and line it happened in."""
        if isinstance(error, RefusedTemplate):
            return Problem(display_path(Path(error.path)), 1, 1, str(error))
        if isinstance(error, TemplateSyntaxError) and error.filename:
            return Problem(display_path(Path(error.filename)), error.lineno or 1, 1, f"cannot render {what}: {error.message}")
        place = self._template_frame(error)
        message = f"template not found: {error.message}" if isinstance(error, TemplateNotFound) else str(error)
        if place is not None:
            return Problem(display_path(Path(place[0])), place[1], 1, f"cannot render {what}: {message}")
        return Problem(what, 1, 1, f"cannot render: {message}")

    def _template_frame(self, error: BaseException) -> tuple[str, int] | None:
        """The innermost frame of the traceback that is a line of one of the template files."""
        found = None
        for frame in traceback.extract_tb(error.__traceback__):
            path = Path(frame.filename)
            if frame.lineno and any(path.is_relative_to(d) for d in self.dirs):
                found = (frame.filename, frame.lineno)
        return found


