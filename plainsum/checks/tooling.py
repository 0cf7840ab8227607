"""Checks whose findings come from plainsum's own bookkeeping, not from reading a document.

They run on no document (`documents=()`); registering them lists them with the other checks (in
SARIF rules, `--help` texts and docs) and lets a configuration set their severity by id.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from plainsum.checks.registry import Flag, registry

if TYPE_CHECKING:
    from plainsum.checks.context import CheckContext
    from plainsum.readability.score import Scored


def _nothing(scored: Scored, context: CheckContext) -> Iterator[Flag]:
    return iter(())


registry.register(
    "suppression.unused",
    description="A '# plainsum: disable=CHECK -- REASON' comment whose check ran and found nothing in its field to silence.",
    documents=(),
    severity="warning",
)(_nothing)

registry.register(
    "baseline.ratchet",
    description="A document accepted by the baseline got harder: one of its figures is worse than the baseline "
    "records, by more than the tolerance ([ratchet] in the configuration).",
    documents=(),
)(_nothing)
