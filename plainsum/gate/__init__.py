"""Gate: what a check or a build found, as plain data, and whether a document passes.

Takes: documents with their findings. Gives: `DocumentResult` (in-process), `DocumentRecord`
(plain data kept in the build manifest), `Outcome` (a run's results and problems, its exit code),
and `load_config`: the configuration validated against the formats and checks that exist.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plainsum import lazy_exports

if TYPE_CHECKING:
    from plainsum.gate.records import DocumentRecord, DocumentResult, Gated, Outcome, figures_from_json
    from plainsum.gate.settings import load_config

__all__ = [
    "DocumentRecord",
    "DocumentResult",
    "Gated",
    "Outcome",
    "figures_from_json",
    "load_config",
]

__getattr__ = lazy_exports(__name__, {
    "records": ("DocumentRecord", "DocumentResult", "Gated", "Outcome", "figures_from_json",),
    "settings": ("load_config",),
})
