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
from typing import TYPE_CHECKING, Any

from plainsum.config.paths import default_templates_dir
from plainsum.errors import InputError, Problem, display_path

if TYPE_CHECKING:
    from jinja2 import TemplateError
    from jinja2.sandbox import SandboxedEnvironment

    from plainsum.content.locale import Locale
    from plainsum.render.bytecode import TemplateBytecodeCache

AUTOESCAPED = ("html", "htm", "xml", "svg", "html.j2", "xml.j2", "svg.j2")


def __getattr__(name: str) -> Any:
    """OVERRIDE_ERRORS, RefusedTemplate and UnreadableTemplate, from render/jinjaloader.py when first asked for
    (importing Jinja is 20 ms of a no-op build, which never renders)."""
    if name in ("OVERRIDE_ERRORS", "RefusedTemplate", "UnreadableTemplate"):
        from plainsum.render import jinjaloader

        return getattr(jinjaloader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


BUILTIN_PREFIX = "plainsum:templates/"


def template_display(path: Path | str) -> str:
    """A template file as messages name it: `plainsum:templates/<name>` for one of plainsum's own
    (wherever plainsum is installed: an absolute site-packages path says nothing to an author),
    else the project's file as every other path is shown (relative to the working folder)."""
    absolute = Path(os.path.abspath(path))
    defaults = default_templates_dir().resolve()
    for candidate in (absolute, Path(os.path.realpath(absolute))):
        if candidate.is_relative_to(defaults):
            return BUILTIN_PREFIX + candidate.relative_to(defaults).as_posix()
    return display_path(Path(path))


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
        self._locales: dict[str, Locale | Exception] = {}  # a language that failed to load fails again, unread
        self._envs: dict[str, SandboxedEnvironment] = {}

    @cached_property
    def env(self) -> SandboxedEnvironment:
        """Made when first used: a build with nothing to render only hashes the template files.
        Its template text is the catalogs' source language (English); `env_for` gives another's."""
        import gettext

        from plainsum.content.filters import FILTERS
        from plainsum.render.sandbox import install_english_gettext

        env = self._make_env()
        env.install_gettext_translations(gettext.NullTranslations(), newstyle=True)  # type: ignore[attr-defined]
        install_english_gettext(env)
        env.filters.update(FILTERS)
        return env

    def locale(self, code: str) -> Locale:
        """The language `code` with the catalogs and grid of these template folders (LookupError: no catalog)."""
        found = self._locales.get(code)
        if found is None:
            from plainsum.content.locale import Locale

            try:
                found = self._locales[code] = Locale.load(code, self.dirs)
            except (LookupError, InputError) as error:  # no catalog, or a broken one: not read again per translation
                self._locales[code] = error
                raise
        if isinstance(found, Exception):
            raise found
        return found

    def has_language(self, code: str) -> bool:
        try:
            self.locale(code)
        except LookupError:
            return False
        return True

    def env_for(self, code: str) -> SandboxedEnvironment:
        """The environment whose template text, dates and numbers are in the language `code`
        (through Jinja's i18n extension and the language's gettext catalog); the source
        language's for a language without a catalog."""
        from plainsum.content.locale import SOURCE_LANGUAGE

        if code == SOURCE_LANGUAGE or not self.has_language(code):
            return self.env
        env = self._envs.get(code)
        if env is None:
            locale = self.locale(code)
            env = self._envs[code] = self._make_env()
            env.install_gettext_translations(locale.translations, newstyle=True)  # type: ignore[attr-defined]
            env.filters.update(locale.filters())
        return env

    def _make_env(self) -> SandboxedEnvironment:
        from jinja2 import ChoiceLoader, StrictUndefined, select_autoescape

        from plainsum.content.templateclass import FlatGlobalsTemplate
        from plainsum.render.jinjaloader import InsideLoader
        from plainsum.render.sandbox import DocumentSandbox

        env = DocumentSandbox(
            loader=ChoiceLoader([InsideLoader(d, self.boundaries[d]) for d in self.dirs]),
            undefined=StrictUndefined,
            autoescape=select_autoescape(enabled_extensions=AUTOESCAPED, default_for_string=False),
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,  # a template set lives for one command: no stat of each template at each use
            extensions=["jinja2.ext.i18n"],
            bytecode_cache=self._bytecode_cache,
        )
        env.template_class = FlatGlobalsTemplate
        return env

    @cached_property
    def _bytecode_cache(self) -> TemplateBytecodeCache | None:
        """The compiled templates kept between runs (render/bytecode.py), if the user's cache folder is private."""
        from plainsum.render.bytecode import TemplateBytecodeCache

        return TemplateBytecodeCache.for_user()

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
            if not self._inside(directory, candidate):  # reported at the link, not where it leads
                raise InputError([Problem(template_display(str(candidate)), 1, 1, "a link to a file outside the project; "
                                          "plainsum reads template files only inside the project and does not follow it")])
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
            from plainsum.files.safeopen import read_confined
            from plainsum.files.yamlsource import decode_utf8

            self._texts[name] = decode_utf8(read_confined(path, display_path(path), 10_000_000), display_path(path))
        return self._texts[name]

    def fingerprint_files(self) -> list[Path]:
        """Every template file that could take part in a build (for incremental builds)."""
        files: dict[str, Path] = {}
        for directory in reversed(self.dirs):
            for path in sorted(directory.rglob("*")):
                if path.is_file() and "__pycache__" not in path.parts:
                    files[str(path.relative_to(directory))] = path
        return [files[name] for name in sorted(files)]

    def override_problem(self, error: BaseException, what: str) -> Problem:
        """Any of OVERRIDE_ERRORS, raised while compiling or rendering `what`, as a problem at the
        template file and line (a project's override is the user's: exit 2, never an internal error)."""
        from jinja2 import TemplateError

        if isinstance(error, TemplateError):
            return self.problem(error, what)
        place = self._template_frame(error)
        where = (template_display(place[0]), place[1]) if place is not None else (display_path(self.dirs[0]), 1)
        if isinstance(error, RecursionError):  # tags or expressions nested too deeply for Jinja to parse
            cause = "a template override nests too deeply"
        elif isinstance(error, NameError):  # Jinja compiles a constant it cannot write back ({% if 1e999 %} -> inf)
            cause = f"a template override has a constant Jinja cannot compile ({error})"
        else:  # {{ x % 0 }}, a number of 50,000 digits, a method called with the wrong arguments
            cause = f"{type(error).__name__}: {str(error)[:200]}"
        return Problem(where[0], where[1], 1, f"cannot render {what}: {cause}")

    def problem(self, error: TemplateError, what: str) -> Problem:
        """`error`, raised while rendering `what`, at the template file and line it happened in."""
        from jinja2 import TemplateNotFound, TemplateSyntaxError

        from plainsum.render.jinjaloader import RefusedTemplate

        if isinstance(error, RefusedTemplate):
            return Problem(template_display(error.path), 1, 1, str(error))
        if isinstance(error, TemplateSyntaxError) and error.filename:
            return Problem(template_display(error.filename), error.lineno or 1, 1, f"cannot render {what}: {error.message}")
        place = self._template_frame(error)
        message = f"template not found: {error.message}" if isinstance(error, TemplateNotFound) else str(error)
        if place is not None:
            return Problem(template_display(place[0]), place[1], 1, f"cannot render {what}: {message}")
        return Problem(what, 1, 1, f"cannot render: {message}")

    def _template_frame(self, error: BaseException) -> tuple[str, int] | None:
        """The innermost frame of the traceback that is a line of one of the template files."""
        found = None
        for frame in traceback.extract_tb(error.__traceback__):
            path = Path(frame.filename)
            if frame.lineno and any(path.is_relative_to(d) for d in self.dirs):
                found = (frame.filename, frame.lineno)
        return found


