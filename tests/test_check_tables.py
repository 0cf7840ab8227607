"""Every registered check has a table of texts it must flag and texts it must pass.

Each tests/test_checks_*.py module defines CASES = {"check.id": {"flag": [...], "pass": [...]}};
this test merges them and fails for any check in the registry without both kinds of text.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from plainsum.checks import registry

TESTS = Path(__file__).resolve().parent
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))


def merged_cases() -> dict[str, dict[str, list[str]]]:
    merged: dict[str, dict[str, list[str]]] = {}
    for path in sorted(TESTS.glob("test_checks_*.py")):
        # pytest puts tests/ on sys.path (no __init__.py), so this is the module it collected
        module = importlib.import_module(path.stem)
        cases = getattr(module, "CASES", None)
        assert isinstance(cases, dict), f"{path.name} must define a module-level dict CASES"
        for check_id, table in cases.items():
            entry = merged.setdefault(check_id, {"flag": [], "pass": []})
            for expect in ("flag", "pass"):
                entry[expect].extend(table.get(expect, []))
    return merged


def test_every_check_has_a_table() -> None:
    cases = merged_cases()
    missing = [
        check_id for check_id in registry.ids()
        if registry[check_id].documents  # a check that reads no text (an unused suppression) has none
        and (not cases.get(check_id, {}).get("flag") or not cases.get(check_id, {}).get("pass"))
    ]
    assert not missing, f"checks without a table of texts to flag and to pass: {', '.join(missing)}"


def test_tables_name_only_registered_checks() -> None:
    unknown = sorted(set(merged_cases()) - set(registry.ids()))
    assert not unknown, f"tables for checks that are not registered: {', '.join(unknown)}"
