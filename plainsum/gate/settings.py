"""The configuration validated against the formats and checks that exist."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from plainsum.config.settings import Catalog, Config
from plainsum.config.settings import load_config as load_with_catalog


def _format_names() -> Sequence[str]:
    from plainsum.document_formats import registry

    return registry.names()


@cache
def _check_options() -> Mapping[str, Mapping[str, object]]:
    from plainsum.checks import registry  # every check module, loaded only when a config names a check

    return {check_id: registry[check_id].options for check_id in registry.ids()}


def _check_severities() -> Mapping[str, str]:
    from plainsum.checks import registry

    return {check_id: registry[check_id].severity for check_id in registry.ids()}


@cache
def _check_option_types() -> Mapping[str, Mapping[str, str]]:
    from plainsum.checks import registry

    return {check_id: {f.name: f.type for f in registry[check_id].option_fields()} for check_id in registry.ids()}


def _language_catalogs(templates_dir: Path) -> Sequence[str]:
    from plainsum.config.paths import default_templates_dir
    from plainsum.content.locale import available_languages

    return available_languages([templates_dir, default_templates_dir()])


CATALOG = Catalog(format_names=_format_names, check_options=_check_options, language_catalogs=_language_catalogs,
                  check_severities=_check_severities, check_option_types=_check_option_types)


def load_config(start: Path | None = None, explicit: Path | None = None) -> Config:
    """plainsum.toml (or [tool.plainsum] in pyproject.toml) found from `start`, or the `explicit` file."""
    return load_with_catalog(start, explicit, CATALOG)


def configuration_schema() -> dict[str, Any]:
    """Every setting of plainsum.toml as plain data (types, defaults, choices, bounds, descriptions),
    with the formats and checks that exist and each check's severity and declared options: what a
    JSON Schema of plainsum.toml is made from."""
    from plainsum.checks import registry
    from plainsum.config.schema import declaration, describe

    data = describe(declaration(_format_names(), registry.ids()))
    data["keys"]["checks"]["checks"] = {
        check_id: {
            "description": registry[check_id].description,
            "severity": registry[check_id].severity,
            "severities": ["error", "warning", "off"],
            "options": {f.name: {"type": f.type, "default": f.default, "description": f.description}
                        for f in registry[check_id].option_fields()},
        }
        for check_id in registry.ids()
    }
    return data
