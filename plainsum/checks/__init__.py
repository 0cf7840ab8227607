"""Checks: readability and plain-language checks, each a small function registered under a dotted id.

Takes: a scored document and the configuration. Gives: `Finding`s (check id, severity, message,
location, suggestion) from `registry.run`, or with what the YAML suppresses and the configuration
exempts set aside from `registry.check`; the review's suppressions (`suppressions_of`); also the
glossary and word tables the checks use, and the marks the report pages draw (`MARKERS`, `Mark`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from plainsum.checks.registry import (
    Checked,
    CheckSpec,
    Finding,
    Flag,
    Measure,
    Registry,
    Suppression,
    finding_subject,
    normalise_text,
    precise,
    registry,
)

if TYPE_CHECKING:
    from plainsum.checks.glossary import load_glossary, zipf_table
    from plainsum.checks.plain import RECOMMENDATION, Mark, jargon_marks, passive_matches
    from plainsum.checks.readability import hard_reasons, sentence_score
    from plainsum.checks.stale import handwritten, value_pattern
    from plainsum.checks.suppressions import Suppressions, suppressions_of

    MARKERS: dict[str, Any]

# The rest is loaded when first asked for (the registry loads the check modules when first asked for its
# checks): `score` needs the readability check's sentence score, not every check module.
_LAZY = {
    "load_glossary": "glossary", "zipf_table": "glossary",
    "RECOMMENDATION": "plain", "Mark": "plain", "jargon_marks": "plain", "passive_matches": "plain",
    "hard_reasons": "readability", "sentence_score": "readability",
    "handwritten": "stale", "value_pattern": "stale",
    "Suppressions": "suppressions", "suppressions_of": "suppressions",
}


def __getattr__(name: str) -> Any:
    if name == "MARKERS":  # the marks the report pages draw: the plain-language checks' and the results checks'
        from plainsum.checks.plain import MARKERS as PLAIN_MARKERS
        from plainsum.checks.results import MARKERS as RESULT_MARKERS

        return {**PLAIN_MARKERS, **RESULT_MARKERS}
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


__all__ = [
    "MARKERS", "RECOMMENDATION", "CheckSpec", "Checked", "Finding", "Flag", "Mark", "Measure", "Registry", "Suppression",
    "Suppressions", "finding_subject", "handwritten", "hard_reasons", "jargon_marks", "load_glossary", "normalise_text",
    "passive_matches", "precise", "registry", "sentence_score", "suppressions_of", "value_pattern", "zipf_table",
]
