"""Readability and plain-language checks, each a small function registered under a dotted id."""

# Importing the modules registers their checks with `registry`.
from plainsum.checks import (  # noqa: F401
    cochrane,
    plain,
    readability,
    tooling,
)
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
from plainsum.checks.suppressions import Suppressions, suppressions_of

__all__ = [
    "CheckSpec",
    "Checked",
    "Finding",
    "Flag",
    "Measure",
    "Registry",
    "Suppression",
    "Suppressions",
    "finding_subject",
    "normalise_text",
    "precise",
    "registry",
    "suppressions_of",
]
