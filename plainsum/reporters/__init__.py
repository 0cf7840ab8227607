"""Reporters: an `Outcome` printed for people and CI (text, json, github, junit).

Takes: the results of a check or build. Gives: text on stdout/stderr in the chosen format.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plainsum import lazy_exports

if TYPE_CHECKING:
    from plainsum.reporters.findings import FORMATS, report, report_text

__all__ = ["FORMATS", "report", "report_text"]

__getattr__ = lazy_exports(__name__, {
    "findings": ("FORMATS", "report", "report_text",),
})
