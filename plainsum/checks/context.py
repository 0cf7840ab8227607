"""What a check is called with: the configuration, its typed options, and the project's templates,
languages, claim vocabulary and glossary, each made once and shared by every check of a run.

A check declares its options as a frozen dataclass (`@registry.register(..., options=LengthOptions)`):
each field a name, a type, a default and a description (`option(400, "...")`). The configuration
validates `[checks."<id>"]` tables against those fields when it is read (config/settings.py: the
same `file:line:col` messages and "did you mean" hints as every other setting), and a check reads
them typed: `context.options("cochrane.length", LengthOptions).min_words`. The declaration is also
what `plainsum config` and a JSON Schema of plainsum.toml read (`option_fields`).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from plainsum.config.settings import Config

if TYPE_CHECKING:
    from plainsum.content.locale import Locale
    from plainsum.grade.vocabulary import Vocabulary
    from plainsum.render.templates import TemplateSet

Options = TypeVar("Options")


def option(default: Any, description: str) -> Any:
    """A check option's field: its default and what it does (a list default is copied per instance)."""
    if isinstance(default, list):
        return dataclasses.field(default_factory=lambda: list(default), metadata={"description": description})
    return dataclasses.field(default=default, metadata={"description": description})


@dataclasses.dataclass(frozen=True)
class OptionField:
    """One declared option, as a schema describes it."""

    name: str
    type: str  # "integer" | "number" | "boolean" | "string" | "array of strings"
    default: Any
    description: str


_TYPE_NAMES = {int: "integer", float: "number", bool: "boolean", str: "string"}


def _type_name(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    if origin in (list, tuple):
        (item, *_) = typing.get_args(annotation) or (str,)
        return f"array of {_TYPE_NAMES.get(item, 'string')}s"
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_type_name(a) for a in typing.get_args(annotation) if a is not type(None))
    return _TYPE_NAMES.get(annotation, "string")


def option_fields(options_type: type | None) -> list[OptionField]:
    """The options a check declares, with their types, defaults and descriptions."""
    if options_type is None:
        return []
    hints = typing.get_type_hints(options_type)
    found = []
    for field in dataclasses.fields(options_type):
        if field.default is not dataclasses.MISSING:
            default = field.default
        elif field.default_factory is not dataclasses.MISSING:
            default = field.default_factory()
        else:
            raise TypeError(f"option {options_type.__name__}.{field.name} has no default")
        found.append(OptionField(field.name, _type_name(hints[field.name]), default, field.metadata.get("description", "")))
    return found


def option_defaults(options_type: type | None) -> dict[str, object]:
    return {field.name: field.default for field in option_fields(options_type)}


def make_options(options_type: type[Options], configured: Mapping[str, object]) -> Options:
    """The options as configured (validated when the configuration was read), a number as the
    field's type (a TOML integer for a float option)."""
    hints = typing.get_type_hints(options_type)
    values: dict[str, object] = {}
    for name, value in configured.items():
        if hints.get(name) is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        values[name] = list(value) if isinstance(value, list) else value
    return options_type(**values)


class _Shared:
    """What every context of one configuration shares: options made once, vocabularies read once."""

    def __init__(self) -> None:
        self.options: dict[str, object] = {}
        self.vocabularies: dict[str, Vocabulary] = {}


class CheckContext:
    """The configuration of a document (its language's gate, its kind's preset) and the project's
    templates, languages, claim vocabularies and glossary, for the checks of that document."""

    def __init__(self, config: Config, templates: TemplateSet | None = None, shared: _Shared | None = None):
        self.config = config
        self._templates = templates
        self._shared = shared or _Shared()

    @classmethod
    def of(cls, config: Config | CheckContext, templates: TemplateSet | None = None) -> CheckContext:
        """The context of `config`, made once per configuration (a check called with a plain
        configuration, as tests and tools call one, gets the same as one called by a run)."""
        if isinstance(config, CheckContext):
            return config
        key = id(config)
        cached = _CONTEXTS.get(key)
        if cached is not None and cached[0] is config and (templates is None or cached[1]._templates is templates):
            return cached[1]
        base = _BASES.get(id(templates)) if templates is not None else None
        context = cls(config, templates, base[1]._shared if base is not None and base[0] is templates else None)
        if len(_CONTEXTS) >= 256:
            _CONTEXTS.clear()
        _CONTEXTS[key] = (config, context)
        if templates is not None:
            _BASES[id(templates)] = (templates, context)
        return context

    @cached_property
    def templates(self) -> TemplateSet:
        """The project's templates, then plainsum's (made once, with the project root)."""
        if self._templates is None:
            from plainsum.render.templates import TemplateSet

            self._templates = TemplateSet(self.config.templates_dir, self.config.root)
        return self._templates

    def locale(self, code: str) -> Locale:
        """The language `code` (its catalogs, grid and claim words); LookupError when it has none."""
        return self.templates.locale(code)

    def vocabulary(self, language: str) -> Vocabulary | None:
        """The claim words of `language` (grade/<language>/claims.yaml, or grade/claims.yaml for
        English); None for another language without its own."""
        if language not in self._shared.vocabularies:
            from plainsum.grade.vocabulary import load_vocabulary, vocabulary_path

            path = vocabulary_path(self.templates, language)
            if language != "en" and path.parent.name != language:
                return None  # the claim words are English: a review in another language needs its own
            self._shared.vocabularies[language] = load_vocabulary(path)
        return self._shared.vocabularies[language]

    @property
    def glossary(self) -> Any:
        """plainsum's glossary of medical terms and their plain words (loaded once a process)."""
        from plainsum.checks.glossary import load_glossary

        return load_glossary()

    def options(self, check_id: str, options_type: type[Options]) -> Options:
        """The check's options as configured, typed (made once per configuration)."""
        found = self._shared.options.get(check_id)
        if found is None:
            found = make_options(options_type, self.config.check_options.get(check_id, {}))
            self._shared.options[check_id] = found
        assert isinstance(found, options_type)
        return found


_CONTEXTS: dict[int, tuple[Config, CheckContext]] = {}
_BASES: dict[int, tuple[Any, CheckContext]] = {}
