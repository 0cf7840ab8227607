"""The settings of the gate in CI: exemptions, the baseline and its ratchet, and report bounds.

    baseline = "plainsum-baseline.json"   # findings accepted today (plainsum check --write-baseline)

    [ratchet]                             # a baselined document may not get harder than recorded
    tolerance = 0.1                       # by more than this (in the figure's own units)
    figures = ["flesch_kincaid_grade"]    # default: the figures the gate bounds for its kind

    [[exempt]]                            # reviews a check does not count for, with the reason
    reviews = ["cd0012*", "ilsp-immunotherapy"]   # ids or globs
    checks = ["plain.jargon"]             # default: every check
    reason = "imported as published; rewritten in the 2027 update"

    [report]
    max_annotations = 10                  # GitHub: error and warning annotations each, per run
    max_findings = 200                    # text: findings listed in all (default: every one)
    build_documents = 10                  # plainsum build: failing documents listed
    max_results = 5000                    # sarif and gitlab: results per run, errors first (at most 25,000)

Every key is in docs/ci.md.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from plainsum.config.gate import is_number
from plainsum.config.locate import did_you_mean
from plainsum.config.schema import DEFAULT_TOLERANCE, REPORT_DEFAULTS

Bad = Callable[[tuple[str, ...], "str | None", str], None]
Where = Callable[[tuple[str, ...], "str | None"], str]

# GitHub code scanning refuses a SARIF run of more than 25,000 results and shows at most 5,000 of a run.
MAX_RESULTS_CEILING = 25_000


@dataclass(frozen=True)
class Exemption:
    reviews: tuple[str, ...]  # ids or globs
    checks: tuple[str, ...]  # check ids; ("*",) for every check
    reason: str
    where: str  # "file:line:col" of the [[exempt]] table


@dataclass
class GateInCi:
    exempt: list[Exemption] = field(default_factory=list)
    baseline: str | None = None  # as written, relative to the project root
    tolerance: float = DEFAULT_TOLERANCE
    ratchet_figures: tuple[str, ...] | None = None  # None: the figures the gate bounds
    report: dict[str, int] = field(default_factory=lambda: dict(REPORT_DEFAULTS))


def parse_ci(settings: dict[str, Any], bad: Bad, where: Where, check_ids: Callable[[], Sequence[str]],
             figure_names: Sequence[str]) -> GateInCi:
    ci = GateInCi()
    if "baseline" in settings:
        value = settings["baseline"]
        if isinstance(value, str) and value:
            ci.baseline = value
        else:
            bad((), "baseline", "'baseline' must be the path of a baseline file, as text")
    if "ratchet" in settings:
        _parse_ratchet(settings["ratchet"], ci, bad, figure_names)
    if "exempt" in settings:
        ci.exempt = _parse_exempt(settings["exempt"], bad, where, check_ids)
    if "report" in settings:
        _parse_report(settings["report"], ci, bad)
    return ci


def _parse_ratchet(raw: Any, ci: GateInCi, bad: Bad, figure_names: Sequence[str]) -> None:
    if not isinstance(raw, dict):
        bad((), "ratchet", "'ratchet' must be a table: [ratchet] with tolerance and figures")
        return
    from plainsum.config.keys import check_keys
    from plainsum.config.schema import TABLE_UNKNOWN, declaration

    table = declaration().key("ratchet")
    assert table is not None
    for key in check_keys(table, raw, ("ratchet",), bad, TABLE_UNKNOWN["ratchet"]):
        value = raw[key]
        if key == "tolerance":
            if is_number(value) and value >= 0:
                ci.tolerance = float(value)
            else:
                bad(("ratchet",), key, f"'tolerance' must be a number, 0 or more, not {value!r}")
        elif key == "figures":
            if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
                bad(("ratchet",), key, "'figures' must be a list of figure names, for example [\"flesch_kincaid_grade\"]")
                continue
            unknown = [name for name in value if name not in figure_names]
            for name in unknown:
                bad(("ratchet",), key, f"unknown figure '{name}'{did_you_mean(name, figure_names)}; figures: {', '.join(figure_names)}")
            ci.ratchet_figures = tuple(value)


def _parse_exempt(raw: Any, bad: Bad, where: Where, check_ids: Callable[[], Sequence[str]]) -> list[Exemption]:
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        bad((), "exempt", "'exempt' must be tables: [[exempt]] with reviews, checks and reason")
        return []
    from plainsum.config.keys import check_keys
    from plainsum.config.schema import TABLE_UNKNOWN, declaration

    exemptions = []
    declared = declaration().key("exempt")
    assert declared is not None
    for number, table in enumerate(raw):
        path = ("exempt", str(number))
        check_keys(declared, table, path, bad, TABLE_UNKNOWN["exempt"])
        reviews = table.get("reviews")
        if isinstance(reviews, str):
            reviews = [reviews]
        if not isinstance(reviews, list) or not reviews or not all(isinstance(r, str) and r for r in reviews):
            bad(path, "reviews" if "reviews" in table else None,
                "an exemption needs 'reviews': a list of review ids or globs, for example [\"cd0012*\"]")
            continue
        checks = table.get("checks", ["*"])
        if isinstance(checks, str):
            checks = [checks]
        if not isinstance(checks, list) or not all(isinstance(c, str) for c in checks):
            bad(path, "checks", "'checks' must be a list of check ids")
            continue
        known = check_ids()
        for name in checks:
            if name != "*" and name not in known:
                bad(path, "checks", f"unknown check '{name}'{did_you_mean(name, known)}")
        reason = table.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            bad(path, "reason" if "reason" in table else None, "an exemption needs a 'reason': why these reviews are exempt")
            continue
        exemptions.append(Exemption(tuple(reviews), tuple(checks), reason.strip(), where(path, None)))
    return exemptions


def _parse_report(raw: Any, ci: GateInCi, bad: Bad) -> None:
    if not isinstance(raw, dict):
        bad((), "report", "'report' must be a table: [report] with max_annotations, max_findings, build_documents, max_results")
        return
    from plainsum.config.keys import check_keys, check_value
    from plainsum.config.schema import TABLE_UNKNOWN, declaration

    table = declaration().key("report")
    assert table is not None
    for key in check_keys(table, raw, ("report",), bad, TABLE_UNKNOWN["report"]):
        value = raw[key]
        declared = table.key(key)
        assert declared is not None
        if not check_value(declared, value, ("report",), bad):
            continue
        if key == "max_results" and not 1 <= value <= MAX_RESULTS_CEILING:
            bad(("report",), key, f"'max_results' must be from 1 to {MAX_RESULTS_CEILING:,} (GitHub code scanning refuses "
                f"a run of more results), not {value!r}")
        else:
            ci.report[key] = value
