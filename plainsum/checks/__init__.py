"""Readability and plain-language checks, each a small function registered under a dotted id."""

from plainsum.checks.registry import CheckSpec, Finding, Flag, Registry, registry

# Importing the modules registers their checks with `registry`.
from plainsum.checks import readability  # noqa: E402,F401
from plainsum.checks import plain, cochrane  # noqa: E402,F401

__all__ = ["CheckSpec", "Finding", "Flag", "Registry", "registry"]
