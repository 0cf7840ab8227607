"""The effective settings of a project, each with where it came from (`plainsum config`).

Like `ruff check --show-settings`: every setting plainsum uses, as TOML keys and values, with the
file:line:col that set it, the preset it came from, or "default".
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plainsum.config.gate import GateSettings
from plainsum.config.locate import Locator
from plainsum.config.settings import Config, _read


@dataclass(frozen=True)
class Setting:
    key: str  # dotted TOML key: gate.summary.max_flesch_kincaid_grade, checks."plain.jargon".severity
    value: Any
    origin: str  # "plainsum.toml:12:1", "preset nih (plainsum.toml:11:1)", "default"

    def line(self) -> str:
        return f"{self.key} = {toml_value(self.value)}  # {self.origin}"


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if value is None:
        return '""'
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def shown_path(path: Path, root: Path) -> str:
    """A folder as the configuration writes it: relative to the project root."""
    relative = os.path.relpath(path, root)
    return Path(relative).as_posix() if not relative.startswith("..") else str(path)


def quoted(key: str) -> str:
    return f'"{key}"' if not key.replace("_", "").replace("-", "").isalnum() else key


class _Origins:
    def __init__(self, config: Config):
        self.raw: dict[str, Any] = {}
        self.locator: Locator | None = None
        if config.source_file is not None:
            _, self.raw, self.locator = _read(config.source_file)

    def get(self, *path: str) -> Any:
        node: Any = self.raw
        for part in path:
            if not isinstance(node, dict) or part not in node:
                return None
            node = node[part]
        return node

    def has(self, *path: str) -> bool:
        node: Any = self.raw
        for part in path:
            if not isinstance(node, dict) or part not in node:
                return False
            node = node[part]
        return True

    def of(self, *path: str) -> str:
        if self.locator is None or not self.has(*path):
            return "default"
        line, column = self.locator.find(tuple(path[:-1]), path[-1])
        return f"{self.locator.display}:{line}:{column}"


def effective_settings(config: Config) -> list[Setting]:
    """Every setting of `config`, in the order of docs/configuration.md's tables."""
    from plainsum.config.schema import REPORT_DEFAULTS

    origins = _Origins(config)
    settings = [
        Setting("content", shown_path(config.content_dir, config.root), origins.of("content")),
        Setting("output", shown_path(config.output_dir, config.root), origins.of("output")),
        Setting("templates", shown_path(config.templates_dir, config.root), origins.of("templates")),
        Setting("formats", list(config.formats), origins.of("formats")),
        Setting("paper", list(config.paper), origins.of("paper")),
        Setting("typography.minus", "unicode" if config.minus else "hyphen", origins.of("typography", "minus")),
        Setting("typography.ranges", "en-dash" if config.ranges else "hyphen", origins.of("typography", "ranges")),
    ]
    for code, target in sorted(config.languages.items()):
        settings.append(Setting(f"languages.{quoted(code)}", target, origins.of("languages", code)))
    for name, value in sorted(config.sentences.items()):
        settings.append(Setting(f"sentences.{name}", value, origins.of("sentences", name)))
    if config.gate_detail is not None:
        settings.extend(_gate_settings(config.gate_detail, origins, ("gate",)))
    settings.extend(_check_settings(config, origins))
    settings.append(Setting("baseline", config.ci.baseline or "", origins.of("baseline")))
    for name in REPORT_DEFAULTS:
        settings.append(Setting(f"report.{name}", config.ci.report[name], origins.of("report", name)))
    handout = config.handout
    for name in ("body_size", "organisation", "logo", "logo_alt", "contact", "questions", "questions_heading", "printed_on"):
        value = getattr(handout, name)
        if value is not None:
            settings.append(Setting(f"handout.{name}", list(value) if isinstance(value, tuple) else value, origins.of("handout", name)))
    for number, exemption in enumerate(config.exempt):
        settings.append(Setting(f"exempt[{number}]", [*exemption.reviews, "->", *exemption.checks], exemption.where))
    return settings


def _gate_settings(detail: GateSettings, origins: _Origins, where: tuple[str, ...]) -> list[Setting]:
    """[gate.<kind>] (and, below `where`, its sentences, sections and languages tables)."""
    from plainsum.config.gate import PRESETS

    settings = []
    for kind in sorted(detail.thresholds):
        table = (*where, kind)
        presets = detail.presets.get(kind, [])
        if presets:
            settings.append(Setting(".".join((*table, "preset")), presets, origins.of(*table, "preset")))
        for key, value in sorted(detail.thresholds[kind].items()):
            origin = origins.of(*table, key)
            source = next((name for name in reversed(presets) if key in PRESETS[name]), None)
            if origin == "default" and source is not None:
                origin = f"preset {source} ({origins.of(*table, 'preset')})"
            settings.append(Setting(".".join((*table, key)), value, origin))
        if kind in detail.formula_min_words:
            settings.append(Setting(".".join((*table, "formula_min_words")), detail.formula_min_words[kind],
                                    origins.of(*table, "formula_min_words")))
        for key, value in sorted(detail.sentences.get(kind, {}).items()):
            settings.append(Setting(".".join((*table, "sentences", key)), value, origins.of(*table, "sentences", key)))
        raw_sections = origins.get(*table, "sections")
        for heading in raw_sections if isinstance(raw_sections, dict) else {}:
            bounds = raw_sections[heading]
            for key, value in (bounds.items() if isinstance(bounds, dict) else ()):
                settings.append(Setting(".".join((*table, "sections", quoted(heading), key)), value,
                                        origins.of(*table, "sections", heading, key)))
    for code, own in sorted(detail.languages.items()):
        for setting in _gate_settings(own, origins, where):
            parts = setting.key.split(".", 2)  # gate.<kind>.<rest>: the language's table is gate.<kind>.languages.<code>
            settings.append(Setting(".".join([parts[0], parts[1], "languages", quoted(code), parts[2]]), setting.value,
                                    _language_origin(origins, parts[1], code, parts[2], setting.origin)))
    return settings


def _language_origin(origins: _Origins, kind: str, code: str, rest: str, origin: str) -> str:
    key = rest.split(".")[-1]
    if origins.has("gate", kind, "languages", code, key):
        return origins.of("gate", kind, "languages", code, key)
    return origin


def _check_settings(config: Config, origins: _Origins) -> list[Setting]:
    if config.catalog is None:
        return []
    settings = []
    defaults = config.catalog.check_options()
    severities = config.catalog.check_severities() if config.catalog.check_severities is not None else {}
    for check_id in sorted(defaults):
        key = f"checks.{quoted(check_id)}"
        if check_id in config.checks:
            table = isinstance(origins.get("checks", check_id), dict)
            origin = origins.of("checks", check_id, "severity") if table else origins.of("checks", check_id)
            settings.append(Setting(f"{key}.severity", config.checks[check_id], origin))
        elif check_id in severities:
            settings.append(Setting(f"{key}.severity", severities[check_id], "default"))
        for name, default in defaults[check_id].items():
            configured = config.check_options.get(check_id, {})
            value = configured.get(name, default)
            settings.append(Setting(f"{key}.{name}", value, origins.of("checks", check_id, name) if name in configured else "default"))
    return settings
