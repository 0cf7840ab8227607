"""Reporters: an `Outcome` printed for people and CI (text, json, github, sarif, junit, gitlab).

Takes: the results of a check or build and `ReportOptions`. Gives: the report in the chosen format
(`registry.py` names them; one module each), on stdout or in a file, and the GitHub job summary.
`view.py` decides what every format shows: findings by document and position, each sentence
once, errors first under a cap, and the closing summary.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plainsum import lazy_exports

if TYPE_CHECKING:
    from plainsum.reporters.registry import FORMATS, render, report
    from plainsum.reporters.view import ReportOptions

__all__ = ["FORMATS", "ReportOptions", "render", "report"]

__getattr__ = lazy_exports(__name__, {
    "registry": ("FORMATS", "render", "report",),
    "view": ("ReportOptions",),
})
