"""SARIF 2.1.0 (OASIS), which GitHub code scanning and other CI servers read.

One run: the tool with a rule for every check (its description, a help text with how to
configure it, its default level), and a result for every finding at its YAML file, line and
column (template text at its template file, with the review's file as a related location). Each
result has a `partialFingerprints` entry made from what the finding is about (review, document,
check, sentence or figure), not from its line, so code scanning follows it across edits;
suppressed findings carry their `suppressions` with the reason; with a baseline, results say
`baselineState: new`.

A run holds at most `max_results` results (`[report] max_results`, 5,000 by default, never over the
25,000 GitHub code scanning accepts): every error before any warning, then suppressed findings. The
run's `properties.plainsum` says how many were left out, and a tool notification says it in words.
`--category` sets `runAutomationDetails.id`, so a library checked in parts (by folder, by shard)
uploads each part as its own analysis.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from plainsum import __version__
from plainsum.checks import finding_subject
from plainsum.findings_formats.view import ReportOptions, bounded, closing_line, language_of, location_of, source_of, summarise

if TYPE_CHECKING:
    from plainsum.gate.records import Outcome

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT = "plainsumFinding/v1"
LEVELS = {"error": "error", "warning": "warning", "off": "none"}


def _rules(options: ReportOptions) -> list[dict[str, Any]]:
    from plainsum.checks import registry

    rules = []
    for check_id in registry.ids():
        spec = registry[check_id]
        short = spec.description.split("; ")[0].split(". ")[0].rstrip(".")
        configured = options.config.checks.get(check_id, spec.severity) if options.config is not None else spec.severity
        where = ", ".join(spec.documents) or "plainsum's own bookkeeping"
        option_text = ", ".join(f"{name} (default {value!r})" for name, value in spec.options.items())
        help_text = (
            f"{spec.description} Runs on: {where}. Default severity: {spec.severity}"
            + (f"; this configuration: {configured}" if configured != spec.severity else "")
            + f". Set it in plainsum.toml: [checks] \"{check_id}\" = \"error\" | \"warning\" | \"off\""
            + (f"; options in [checks.\"{check_id}\"]: {option_text}" if option_text else "")
            + f". Silence one field: # plainsum: disable={check_id} -- REASON."
        )
        rules.append({
            "id": check_id,
            "name": "".join(part.capitalize() for part in check_id.replace("-", ".").split(".")),
            "shortDescription": {"text": short},
            "fullDescription": {"text": spec.description},
            "help": {"text": help_text, "markdown": help_text.replace(check_id, f"`{check_id}`")},
            "defaultConfiguration": {"level": LEVELS.get(spec.severity, "warning"), "enabled": True},
            "properties": {"documents": list(spec.documents), "options": {k: _plain(v) for k, v in spec.options.items()}},
        })
    return rules


def _plain(value: object) -> object:
    return value if isinstance(value, (str, int, float, bool, list, type(None))) else str(value)


def artifact(path: str) -> dict[str, str]:
    """A file as SARIF names it: relative to the project (SRCROOT) when it is, else a file URI
    (plainsum's own templates, `plainsum:templates/...`, are already a URI)."""
    if path.startswith("plainsum:"):
        return {"uri": quote(path, safe=":/")}
    if Path(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(Path(path).as_posix()), "uriBaseId": "SRCROOT"}


def fingerprint(finding: Any, occurrence: int) -> str:
    subject = finding_subject(finding.message, finding.sentence, getattr(finding, "about", None))
    key = "\0".join((finding.document, finding.check, subject, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _result(finding: Any, result: Any, rule_index: dict[str, int], seen: Counter[tuple[str, ...]],
            options: ReportOptions) -> dict[str, Any]:
    path, line, column = location_of(finding)
    region: dict[str, Any] = {"startLine": line, "startColumn": column}
    text = finding.message
    if finding.suggestion:
        text += f". Suggestion: {finding.suggestion}"
    subject = (finding.document, finding.check, finding_subject(finding.message, finding.sentence, getattr(finding, "about", None)))
    seen[subject] += 1
    item: dict[str, Any] = {
        "ruleId": finding.check,
        "level": LEVELS.get(finding.severity, "warning"),
        "message": {"text": text},
        "locations": [{"physicalLocation": {"artifactLocation": artifact(path), "region": region}}],
        "partialFingerprints": {FINGERPRINT: fingerprint(finding, seen[subject])},
        "properties": {"document": finding.document, "language": language_of(result), "suggestion": finding.suggestion,
                       "sentence": finding.sentence},
    }
    if finding.check in rule_index:
        item["ruleIndex"] = rule_index[finding.check]
    source = source_of(result)
    if source and path != source:  # template text: the review it was rendered for
        item["relatedLocations"] = [{
            "id": 1,
            "physicalLocation": {"artifactLocation": artifact(source), "region": {"startLine": 1, "startColumn": 1}},
            "message": {"text": f"the review {finding.document.split('/')[0]}, rendered with this template"},
        }]
    suppression = getattr(finding, "suppression", None)
    if suppression is not None:
        item["suppressions"] = [{
            "kind": "inSource" if suppression.kind == "source" else "external",
            "status": "accepted",
            "justification": f"{suppression.reason} ({suppression.where})",
        }]
    elif options.baseline is not None:
        item["baselineState"] = "new"
    return item


def sarif_log(outcome: Outcome, options: ReportOptions) -> dict[str, Any]:
    rules = _rules(options)
    rule_index = {rule["id"]: number for number, rule in enumerate(rules)}
    seen: Counter[tuple[str, ...]] = Counter()
    written = bounded(outcome, options.max_results)
    results = [_result(finding, result, rule_index, seen, options) for finding, result in written.kept]
    notifications = [{
        "level": "error",
        "message": {"text": problem.message},
        "locations": [{"physicalLocation": {"artifactLocation": artifact(problem.path),
                                            "region": {"startLine": problem.line, "startColumn": problem.column}}}],
    } for problem in outcome.problems]
    notifications += [{
        "level": "error",
        "message": {"text": "not checked: this file's documents were not scored or gated (invalid input)"},
        "locations": [{"physicalLocation": {"artifactLocation": artifact(entry.file)}}],
        "properties": {"notChecked": True, "language": entry.language},
    } for entry in outcome.not_checked]
    if written.left_out:
        notifications.append({"level": "note", "message": {"text": written.statement(options.max_results)}})
    invocation: dict[str, Any] = {"executionSuccessful": not outcome.problems, "exitCode": outcome.exit_code}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    if outcome.problems:
        invocation["exitCodeDescription"] = closing_line(outcome, summarise(outcome))
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "plainsum", "version": __version__, "semanticVersion": __version__, "rules": rules}},
        "originalUriBaseIds": {"SRCROOT": {"uri": Path.cwd().as_uri() + "/"}},
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"plainsum": {
            "findings": written.total, "written": len(results), "leftOut": sum(written.left_out.values()),
            "leftOutByLevel": dict(written.left_out), "maxResults": options.max_results,
        }},
    }
    if options.category:
        run["automationDetails"] = {"id": options.category.rstrip("/") + "/"}
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render_sarif(outcome: Outcome, options: ReportOptions) -> str:
    return json.dumps(sarif_log(outcome, options), indent=2, ensure_ascii=False)
