"""How a declared setting is validated: `Key` (a setting's type, default, choices, bounds and
description) and the two checks every table of plainsum.toml goes through, `check_keys` (unknown
keys with a "did you mean" hint) and `check_value` (a value of the wrong type, out of its choices or
bounds), each reported through `bad` at the key's file:line:col.

The declarations themselves are beside what reads them: the gate's tables in `config/gate.py`, the
rest of plainsum.toml in `config/schema.py`, which assembles them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from plainsum.config.locate import did_you_mean

Bad = Callable[[tuple[str, ...], str | None, str], None]

@dataclass(frozen=True)
class Key:
    """One setting: its TOML key, type, default, choices and description."""

    name: str
    type: str  # "path", "text", "choice", "integer", "number", "boolean", "texts", "choices", "table", "tables", "map"
    description: str
    default: Any = None
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    keys: tuple[Key, ...] = ()  # a table's keys (for "tables", each table's)
    # what a value of the wrong type is told (today's wording, with {key}, {value} and {choices})
    wrong: str | None = None
    see: str | None = None  # where keys declared elsewhere are described (the gate's bounds, the checks)

    def key(self, name: str) -> Key | None:
        return next((key for key in self.keys if key.name == name), None)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(key.name for key in self.keys)


@dataclass(frozen=True)
class Unknown:
    """How a table's unknown key is told: "unknown setting 'x'; did you mean 'y'?; allowed: a, b"."""

    message: str = "unknown setting '{key}'{hint}; allowed: {allowed}"
    hint: bool = True
    otherwise: str = ""  # said in place of the hint when no name is close ("; known checks: {allowed}")


def check_keys(table: Key, raw: dict[str, Any], where: tuple[str, ...], bad: Bad, unknown: Unknown = Unknown()) -> list[str]:
    """Report each key of `raw` that `table` does not declare; return the keys it does."""
    known = []
    for key in raw:
        if table.key(key) is None:
            allowed = ", ".join(table.names)
            hint = did_you_mean(key, table.names) if unknown.hint else ""
            hint = hint or unknown.otherwise.format(allowed=allowed)
            bad(where, key, unknown.message.format(key=key, hint=hint, allowed=allowed))
        else:
            known.append(key)
    return known


def check_value(key: Key, value: Any, where: tuple[str, ...], bad: Bad) -> bool:
    """Whether `value` is of the key's type (and among its choices, within its bounds); if not, say so."""
    ok = _fits(key, value)
    if not ok:
        choices = ", ".join(map(repr, key.choices))
        message = (key.wrong or _default_wrong(key)).format(key=key.name, value=value, choices=choices,
                                                             minimum=key.minimum, maximum=key.maximum)
        bad(where, key.name, message)
    return ok


def _default_wrong(key: Key) -> str:
    if key.type == "choice":
        return "'{key}' must be one of {choices}, not {value!r}"
    if key.type == "texts":
        return "'{key}' must be a list of texts, not {value!r}"
    return f"'{{key}}' must be {_A_TYPE.get(key.type, 'a ' + key.type)}, not {{value!r}}"


_A_TYPE = {"integer": "a whole number", "number": "a number", "boolean": "true or false", "text": "text",
           "path": "a folder path as text", "table": "a table"}


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _fits(key: Key, value: Any) -> bool:
    kind = key.type
    if kind in ("path", "text"):
        return isinstance(value, str) and bool(value)
    if kind == "choice":
        return isinstance(value, str) and value in key.choices
    if kind == "boolean":
        return isinstance(value, bool)
    if kind in ("integer", "number"):
        if not _is_number(value) or (kind == "integer" and not isinstance(value, int)):
            return False
        return (key.minimum is None or value >= key.minimum) and (key.maximum is None or value <= key.maximum)
    if kind == "texts":
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    if kind == "choices":
        return isinstance(value, list) and all(isinstance(item, str) and (not key.choices or item in key.choices) for item in value)
    if kind in ("table", "map"):
        return isinstance(value, dict)
    if kind == "tables":
        return isinstance(value, list) and all(isinstance(item, dict) for item in value)
    return True


