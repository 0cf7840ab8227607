"""Readability and plain-language checks, each a small function registered under a dotted id."""

# Importing the modules registers their checks with `registry`.
from plainsum.checks import (  # noqa: F401
    cochrane,
    plain,
    readability,
    stale,
)
from plainsum.checks.registry import CheckSpec, Finding, Flag, Registry, registry

__all__ = ["CheckSpec", "Finding", "Flag", "Registry", "registry"]
