"""Checks: readability and plain-language checks, each a small function registered under a dotted id.

Takes: a scored document and the configuration. Gives: `Finding`s (check id, severity, message,
location, suggestion) from `registry.run`, or with what the YAML suppresses and the configuration
exempts set aside from `registry.check`; the review's suppressions (`suppressions_of`); also the
glossary and word tables the checks use, and the marks the report pages draw (`MARKERS`, `Mark`).
"""

# Importing the modules registers their checks with `registry`.
from plainsum.checks import (  # noqa: F401
    cochrane,
    plain,
    readability,
    results,
    stale,
    tooling,
    translation,
    trial,
    unfinished,
)
from plainsum.checks.glossary import load_glossary, zipf_table
from plainsum.checks.plain import MARKERS as PLAIN_MARKERS
from plainsum.checks.plain import RECOMMENDATION, Mark, jargon_marks, passive_matches
from plainsum.checks.readability import hard_reasons, sentence_score
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
from plainsum.checks.results import MARKERS as RESULT_MARKERS
from plainsum.checks.stale import handwritten, value_pattern
from plainsum.checks.suppressions import Suppressions, suppressions_of

MARKERS = {**PLAIN_MARKERS, **RESULT_MARKERS}

__all__ = [
    "MARKERS", "RECOMMENDATION", "CheckSpec", "Checked", "Finding", "Flag", "Mark", "Measure", "Registry", "Suppression",
    "Suppressions", "finding_subject", "handwritten", "hard_reasons", "jargon_marks", "load_glossary", "normalise_text",
    "passive_matches", "precise", "registry", "sentence_score", "suppressions_of", "value_pattern", "zipf_table",
]
