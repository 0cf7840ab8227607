"""Checks: readability and plain-language checks, each a small function registered under a dotted id.

Takes: a scored document and the configuration. Gives: `Finding`s (check id, severity, message,
location, suggestion) from `registry.run`; also the glossary and word tables the checks use, and the
marks the report pages draw (`MARKERS`, `Mark`).
"""

# Importing the modules registers their checks with `registry`.
from plainsum.checks import (  # noqa: F401
    cochrane,
    plain,
    readability,
    stale,
    unfinished,
)
from plainsum.checks.glossary import load_glossary, zipf_table
from plainsum.checks.plain import MARKERS, RECOMMENDATION, Mark, jargon_marks, passive_matches
from plainsum.checks.readability import hard_reasons, sentence_score
from plainsum.checks.registry import CheckSpec, Finding, Flag, Registry, registry
from plainsum.checks.stale import handwritten, value_pattern

__all__ = [
    "MARKERS", "RECOMMENDATION", "CheckSpec", "Finding", "Flag", "Mark", "Registry", "handwritten", "hard_reasons", "jargon_marks",
    "load_glossary", "passive_matches", "registry", "sentence_score", "value_pattern", "zipf_table",
]
