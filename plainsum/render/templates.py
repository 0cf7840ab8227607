"""The template search path: the project's templates folder first, then the defaults, file by file."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from plainsum.config import default_templates_dir

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment

    from plainsum.content import Locale

AUTOESCAPED = ("html", "htm", "xml", "svg", "html.j2", "xml.j2", "svg.j2")


class TemplateSet:
    """A Jinja environment over [user templates, default templates]."""

    def __init__(self, user_dir: Path | None = None):
        defaults = default_templates_dir()
        dirs = [defaults]
        if user_dir is not None and user_dir.is_dir() and user_dir.resolve() != defaults.resolve():
            dirs.insert(0, user_dir.resolve())
        self.dirs = dirs
        self._found: dict[str, Path | None] = {}
        self._texts: dict[str, str] = {}
        self._locales: dict[str, Locale] = {}
        self._envs: dict[str, SandboxedEnvironment] = {}

    @cached_property
    def env(self) -> SandboxedEnvironment:
        """Made when first used: a build with nothing to render only hashes the template files.
        Its template text is the catalogs' source language (English); `env_for` gives another's."""
        import gettext

        from plainsum.content import FILTERS

        env = self._make_env()
        env.install_gettext_translations(gettext.NullTranslations(), newstyle=True)  # type: ignore[attr-defined]
        env.filters.update(FILTERS)
        return env

    def locale(self, code: str) -> Locale:
        """The language `code` with the catalogs and grid of these template folders (LookupError: no catalog)."""
        found = self._locales.get(code)
        if found is None:
            from plainsum.content import Locale

            found = self._locales[code] = Locale.load(code, self.dirs)
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
        from plainsum.content import SOURCE_LANGUAGE

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
        from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, select_autoescape
        from jinja2.sandbox import SandboxedEnvironment

        env = SandboxedEnvironment(
            loader=ChoiceLoader([FileSystemLoader(str(d)) for d in self.dirs]),
            undefined=StrictUndefined,
            autoescape=select_autoescape(enabled_extensions=AUTOESCAPED, default_for_string=False),
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,  # a template set lives for one command: no stat of each template at each use
            extensions=["jinja2.ext.i18n"],
        )
        return env

    def find(self, name: str) -> Path | None:
        """The file that `name` resolves to, searching the user's folder first."""
        if name in self._found:
            return self._found[name]
        found = None
        for directory in self.dirs:
            candidate = (directory / name).resolve()
            if candidate.is_file() and candidate.is_relative_to(directory):
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
