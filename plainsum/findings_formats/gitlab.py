"""GitLab's code quality report (a JSON array of issues, a subset of Code Climate's format), which a
merge request shows beside the changed lines: `artifacts: reports: codequality: plainsum.json`.

Each finding is one issue with its description (message and suggestion), check name, a
fingerprint made from what it is about (as in SARIF, not its line), severity (error: major,
warning: minor; invalid input: blocker) and its file and line. Like SARIF, the report holds at most
`max_results` findings, errors first, and says on stderr (and in a GitHub job summary) what it left out.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import TYPE_CHECKING, Any

import click

from plainsum.checks import finding_subject
from plainsum.findings_formats.sarif import fingerprint
from plainsum.findings_formats.view import ReportOptions, bounded, location_of

if TYPE_CHECKING:
    from plainsum.gate.records import Outcome

SEVERITIES = {"error": "major", "warning": "minor"}


def render_gitlab(outcome: Outcome, options: ReportOptions) -> str:
    issues: list[dict[str, Any]] = []
    for problem in outcome.problems:
        issues.append({
            "description": f"invalid input: {problem.message}",
            "check_name": "plainsum.invalid-input",
            "fingerprint": hashlib.sha256(str(problem).encode("utf-8")).hexdigest()[:32],
            "severity": "blocker",
            "location": {"path": problem.path, "lines": {"begin": problem.line}},
        })
    for entry in outcome.not_checked:
        issues.append({
            "description": "not checked: this file's documents were not scored or gated (invalid input)",
            "check_name": "plainsum.not-checked",
            "fingerprint": hashlib.sha256(f"not checked\0{entry.file}".encode()).hexdigest()[:32],
            "severity": "info",
            "location": {"path": entry.file, "lines": {"begin": 1}},
        })
    seen: Counter[tuple[str, str, str]] = Counter()
    written = bounded(outcome, options.max_results, include_suppressed=False, quiet=options.quiet)
    if written.left_out:
        click.echo(f"gitlab: {written.statement(options.max_results)}", err=True)
    for finding, _result in written.kept:
        path, line, _ = location_of(finding)
        description = f"{finding.document}: {finding.message}"
        if finding.suggestion:
            description += f" (suggestion: {finding.suggestion})"
        occurrence = (finding.document, finding.check,
                      finding_subject(finding.message, finding.sentence, getattr(finding, "about", None)))
        seen[occurrence] += 1
        issues.append({
            "description": description,
            "check_name": finding.check,
            "fingerprint": fingerprint(finding, seen[occurrence]),
            "severity": SEVERITIES.get(finding.severity, "info"),
            "location": {"path": path, "lines": {"begin": line}},
        })
    return json.dumps(issues, indent=2, ensure_ascii=False)
