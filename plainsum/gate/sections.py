"""Section gates that match no section: a typo in a heading must not turn a gate off silently."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from plainsum.config.locate import did_you_mean
from plainsum.errors import Problem

if TYPE_CHECKING:
    from plainsum.config.settings import Config


def matched_sections(config: Config, kind: str, headings: Iterable[str | None]) -> tuple[str, ...]:
    """The section gates of `kind` (heading keys) that one of `headings` matches."""
    from plainsum.config.gate import heading_key

    gates = config.gate_detail.sections.get(kind, {}) if config.gate_detail is not None else {}
    if not gates:
        return ()
    return tuple(sorted({heading_key(h) for h in headings if h is not None} & set(gates)))


def _matched(config: Config, result: Any) -> tuple[str, ...]:
    if hasattr(result.scored, "sections"):
        return matched_sections(config, result.document.kind, (s.heading for s in result.scored.sections))
    return tuple(getattr(result, "gated_sections", ()))


def unmatched_section_gates(config: Config, results: list[Any], whole_run: bool = True) -> list[Problem]:
    """A problem at each [gate.<kind>.sections."<heading>"] that no checked document has a section
    for. A run over all the content makes it an error (exit 2); a run on some files (a pre-commit
    hook) cannot tell whether another file has the section, so the caller reports these as warnings."""
    detail = config.gate_detail
    if detail is None or not detail.section_places or not results:
        return []  # no section gate to match (the sections of 6,000 records were 10 ms of a rebuild)
    seen: dict[str, set[str]] = {}
    kinds: set[str] = set()
    for result in results:
        kind = result.document.kind
        kinds.add(kind)
        seen.setdefault(kind, set()).update(_matched(config, result))
    problems = []
    for kind, places in detail.section_places.items():
        if kind not in kinds:
            continue
        for key, (heading, where) in places.items():
            if key in seen.get(kind, set()):
                continue
            path, line, column = where.rsplit(":", 2)
            known = sorted({s.heading for r in results if r.document.kind == kind and hasattr(r.scored, "sections")
                            for s in r.scored.sections if s.heading})
            hint = did_you_mean(heading, known)
            checked = sum(1 for r in results if r.document.kind == kind)
            scope = (f"any {kind}" if whole_run else
                     f"the {checked:,} {kind if checked == 1 else kind.replace('summary', 'summarie') + 's'} checked "
                     "(files not checked may have it)")
            problems.append(Problem(path, int(line), int(column),
                                    f"section gate '[gate.{kind}.sections.\"{heading}\"]' matches no section of {scope}"
                                    f"{hint}; headings match whatever their case, spacing or trailing colon"))
    return problems
