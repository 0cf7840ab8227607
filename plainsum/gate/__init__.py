"""Gate: what a check or a build found, as plain data, and whether a document passes.

Takes: documents with their findings. Gives: `DocumentResult` (in-process), `DocumentRecord`
(plain data kept in the build manifest), `Outcome` (a run's results and problems, its exit code),
`load_config`: the configuration validated against the formats and checks that exist; baselines
and their ratchet (`load_baseline`, `write_baseline`, `compare`, baseline.py), and the check that
every section gate matches a section (`unmatched_section_gates`, sections.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plainsum import lazy_exports

if TYPE_CHECKING:
    from plainsum.gate.baseline import Baseline, Comparison, compare, load_baseline, write_baseline
    from plainsum.gate.records import DocumentRecord, DocumentResult, Gated, Outcome, Unchecked, figures_from_json, language_of_file
    from plainsum.gate.sections import matched_sections, unmatched_section_gates
    from plainsum.gate.settings import load_config

__all__ = [
    "Baseline",
    "Comparison",
    "DocumentRecord",
    "DocumentResult",
    "Gated",
    "Outcome",
    "Unchecked",
    "compare",
    "figures_from_json",
    "language_of_file",
    "load_baseline",
    "load_config",
    "matched_sections",
    "unmatched_section_gates",
    "write_baseline",
]

__getattr__ = lazy_exports(__name__, {
    "baseline": ("Baseline", "Comparison", "compare", "load_baseline", "write_baseline",),
    "records": ("DocumentRecord", "DocumentResult", "Gated", "Outcome", "Unchecked", "figures_from_json", "language_of_file",),
    "sections": ("matched_sections", "unmatched_section_gates",),
    "settings": ("load_config",),
})
