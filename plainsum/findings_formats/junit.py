"""JUnit XML, which CI servers read: one test suite per document (its language and figures as
properties), one test case per check that ran; errors are failures, warnings go to the case's
output, each with its suggestion."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, Any

from plainsum.findings_formats.json_ import number
from plainsum.findings_formats.view import ReportOptions, language_of, location_of, ordered

if TYPE_CHECKING:
    from plainsum.gate.records import Outcome


def junit_xml(outcome: Outcome, options: ReportOptions | None = None) -> str:
    from plainsum.checks import registry

    suites = ET.Element("testsuites", name="plainsum")
    total_tests = total_failures = total_errors = total_skipped = 0
    if outcome.problems:
        suite = ET.SubElement(suites, "testsuite", name="input", tests=str(len(outcome.problems)), failures="0",
                              errors=str(len(outcome.problems)), skipped="0")
        for problem in outcome.problems:
            case = ET.SubElement(suite, "testcase", classname="plainsum.input", name=str(problem), file=problem.path,
                                 line=str(problem.line))
            ET.SubElement(case, "error", message=problem.message, type="invalid-input").text = str(problem)
        total_tests += len(outcome.problems)
        total_errors += len(outcome.problems)
    if outcome.not_checked:  # the files whose documents did not run: skipped, so no suite reads as all passed
        suite = ET.SubElement(suites, "testsuite", name="not checked", tests=str(len(outcome.not_checked)), failures="0",
                              errors="0", skipped=str(len(outcome.not_checked)))
        for entry in outcome.not_checked:
            case = ET.SubElement(suite, "testcase", classname="plainsum.not-checked", name=entry.file, file=entry.file)
            if entry.language:
                case.set("language", entry.language)
            ET.SubElement(case, "skipped", message="not checked: invalid input (see the input suite)")
        total_tests += len(outcome.not_checked)
        total_skipped += len(outcome.not_checked)
    for result in outcome.results:
        kind = getattr(result.document, "kind", "")
        by_check: dict[str, list[Any]] = {}
        for finding in ordered(result):
            by_check.setdefault(finding.check, []).append(finding)
        check_ids = [spec.id for spec in registry.checks.values() if kind in spec.documents] or sorted(by_check)
        for check_id in by_check:
            if check_id not in check_ids:
                check_ids.append(check_id)
        failures = sum(1 for check_id in check_ids if any(f.severity == "error" for f in by_check.get(check_id, [])))
        suite = ET.SubElement(suites, "testsuite", name=result.document.name, tests=str(len(check_ids)),
                              failures=str(failures), errors="0", skipped="0")
        properties = ET.SubElement(suite, "properties")
        ET.SubElement(properties, "property", name="language", value=language_of(result))
        for key, value in result.scored.figures.items():
            ET.SubElement(properties, "property", name=key, value=str(number(value)))
        for check_id in check_ids:
            findings = by_check.get(check_id, [])
            case = ET.SubElement(suite, "testcase", classname=result.document.name, name=check_id)
            errors = [f for f in findings if f.severity == "error"]
            warnings = [f for f in findings if f.severity != "error"]
            if errors:
                path, line, _ = location_of(errors[0])
                case.set("file", path)
                case.set("line", str(line))
                failure = ET.SubElement(case, "failure", message=errors[0].message, type=check_id)
                failure.text = "\n".join(_finding_line(f) for f in errors)
            if warnings:
                ET.SubElement(case, "system-out").text = "\n".join(_finding_line(f) for f in warnings)
        total_tests += len(check_ids)
        total_failures += failures
    suites.set("tests", str(total_tests))
    suites.set("failures", str(total_failures))
    suites.set("errors", str(total_errors))
    suites.set("skipped", str(total_skipped))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode")


def _finding_line(finding: Any) -> str:
    path, line, column = location_of(finding)
    text = f"{path}:{line}:{column}: {finding.severity} [{finding.check}] {finding.message}"
    if finding.sentence:
        text += f'\n    "{finding.sentence}"'
    if finding.suggestion:
        text += f"\n    suggestion: {finding.suggestion}"
    return text


def render_junit(outcome: Outcome, options: ReportOptions) -> str:
    return junit_xml(outcome, options)
