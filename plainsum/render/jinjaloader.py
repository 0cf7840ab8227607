"""The Jinja side of the template search path (render/templates.py): the loader that refuses links out of
the project, the errors it raises, and what a project's override can raise. Kept apart so that a build
with nothing to render (it only hashes the template files) does not import Jinja.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import FileSystemLoader, TemplateError

from plainsum.errors import display_path

if TYPE_CHECKING:
    from collections.abc import Callable

    from jinja2 import Environment

# What a project's template override can raise as it compiles or runs, because of what its author
# wrote: each is a problem at the template (TemplateSet.override_problem), exit 2.
OVERRIDE_ERRORS = (TemplateError, NameError, ArithmeticError, ValueError, TypeError, LookupError, AttributeError, RecursionError)


class RefusedTemplate(TemplateError):
    """A template file that is a link out of the project."""

    def __init__(self, path: str, target: str):
        super().__init__(f"{display_path(Path(path))} is a link to {target}, outside the project; plainsum does not follow it")
        self.path = path


class UnreadableTemplate(RefusedTemplate):
    """A template file that is not UTF-8 text: the author's to fix (exit 2), not a bug."""

    def __init__(self, path: str, reason: str):
        TemplateError.__init__(self, f"{display_path(Path(path))} is not UTF-8 text ({reason}); save it as UTF-8")
        self.path = path


class InsideLoader(FileSystemLoader):
    """A FileSystemLoader that refuses files whose real path leaves `boundary`."""

    def __init__(self, folder: Path, boundary: Path):
        super().__init__(str(folder))
        self.boundary = boundary

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        try:
            source, filename, uptodate = super().get_source(environment, template)
        except UnicodeDecodeError as exc:
            found = next((Path(folder) / template for folder in self.searchpath if (Path(folder) / template).is_file()), None)
            raise UnreadableTemplate(str(found or template), f"byte {exc.start + 1}") from None
        real = Path(os.path.realpath(filename))
        if not real.is_relative_to(self.boundary):
            raise RefusedTemplate(filename, str(real))
        return source, filename, uptodate
