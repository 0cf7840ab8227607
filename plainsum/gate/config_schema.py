"""The JSON Schema of plainsum.toml (and of [tool.plainsum] in pyproject.toml), made from the same
declaration the configuration is validated with (`configuration_schema`), so the two cannot drift.

Editors that read JSON Schema for TOML (taplo, Even Better TOML in VS Code, JetBrains) then complete
keys, show each key's description and flag a misspelt key or a bad value as it is typed.
"""

from __future__ import annotations

import json
from typing import Any

from plainsum.config.figures import ALL_FIGURE_NAMES, FIGURE_LABELS
from plainsum.gate.settings import configuration_schema

SCHEMA_ID = "https://plainsum.invalid/schemas/config.schema.json"  # a name, never fetched
SEVERITIES = ["error", "warning", "off"]
_SCALARS: dict[str, dict[str, Any]] = {"path": {"type": "string"}, "text": {"type": "string"}, "number": {"type": "number"},
            "integer": {"type": "integer"}, "boolean": {"type": "boolean"},
            "texts": {"type": "array", "items": {"type": "string"}}}


def _bounds() -> dict[str, Any]:
    """min_<figure> / max_<figure>: the figures a gate can bound."""
    names = "|".join(sorted(ALL_FIGURE_NAMES, key=len, reverse=True))
    return {f"^(min|max)_({names})$": {"type": "number", "description": "A bound on one of the document's figures "
                                                                          "(docs/readability.md lists them)."}}


def _node(path: tuple[str, ...], spec: dict[str, Any]) -> dict[str, Any]:
    kind = spec.get("type")
    schema: dict[str, Any]
    if kind in _SCALARS:
        schema = dict(_SCALARS[kind])
    elif kind == "choices" and isinstance(spec.get("default"), list):  # several of the choices
        schema = {"type": "array", "items": {"enum": spec["choices"]}, "uniqueItems": True}
    elif kind == "choices":  # one of them, or several (preset = ["nih", "cochrane-2021"], paper = ["a4", "letter"])
        one = {"enum": spec.get("choices", [])}
        schema = {"anyOf": [one, {"type": "array", "items": one, "uniqueItems": True}]}
    elif kind == "choice":
        schema = {"enum": spec.get("choices", [])}
    elif kind == "table":
        schema = _table(path, spec)
    elif kind == "tables":
        schema = {"type": "array", "items": _table(path, spec)}
    elif kind == "map":
        schema = _map(path, spec)
    else:
        schema = {}
    if spec.get("description"):
        schema["description"] = spec["description"] + (f" See {spec['see']}." if spec.get("see") else "")
    if "default" in spec and kind not in ("table", "tables", "map"):
        schema["default"] = spec["default"]
    for bound, keyword in (("minimum", "minimum"), ("maximum", "maximum")):
        if bound in spec:
            schema[keyword] = spec[bound]
    return schema


def _table(path: tuple[str, ...], spec: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {key: _node((*path, key), child) for key, child in spec.get("keys", {}).items()},
        "additionalProperties": False,
    }
    if len(path) == 2 and path[0] == "gate":  # [gate.<kind>]: its own keys and figure bounds
        schema["patternProperties"] = _bounds()
    return schema


def _map(path: tuple[str, ...], spec: dict[str, Any]) -> dict[str, Any]:
    if path == ("checks",):
        return {"type": "object", "additionalProperties": False, "properties": {
            check_id: _check(check) for check_id, check in spec.get("checks", {}).items()}}
    if path[-1] == "sections":  # [gate.<kind>.sections."<heading>"]
        return {"type": "object", "additionalProperties": {
            "type": "object", "patternProperties": _bounds(), "additionalProperties": False,
            "properties": {"formula_min_words": {"type": "number"}}}}
    if path[-1] == "languages" and len(path) == 3:  # [gate.<kind>.languages.<code>]
        return {"type": "object", "additionalProperties": {"type": "object", "patternProperties": _bounds()}}
    if path == ("languages",):  # ca = "es"
        return {"type": "object", "additionalProperties": {"type": "string"}}
    return {"type": "object"}


def _check(check: dict[str, Any]) -> dict[str, Any]:
    severity = {"enum": SEVERITIES, "description": f"default: {check['severity']}"}
    options = {name: {**_SCALARS.get(option["type"], {}), "description": option.get("description") or name,
                      **({"default": option["default"]} if _plain(option.get("default")) else {})}
               for name, option in check.get("options", {}).items()}
    table = {"type": "object", "additionalProperties": False, "properties": {"severity": severity, **options}}
    return {"description": check["description"], "anyOf": [severity, table]}


def _plain(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool, list)) and not isinstance(value, type)


def config_schema() -> dict[str, Any]:
    declared = configuration_schema()
    root = _table((), declared)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "plainsum configuration (plainsum.toml, or [tool.plainsum] in pyproject.toml)",
        "description": declared.get("description", ""),
        **root,
        "x-figures": {name: FIGURE_LABELS.get(name, name) for name in ALL_FIGURE_NAMES},
    }


def config_schema_text() -> str:
    return json.dumps(config_schema(), indent=2, ensure_ascii=False) + "\n"
