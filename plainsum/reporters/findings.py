"""How `plainsum check` and `plainsum build` tell the user what they found.

Four formats: text (people), json (every figure and finding), github (workflow annotations at the
sentence's YAML line), junit (XML that CI servers read). Results are DocumentResult objects from
`plainsum check`, or DocumentRecord objects from a build; both have document.name, scored.figures
and findings, which is all the text format reads.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, Any

import click

from plainsum.config import ALL_FIGURE_NAMES as FIGURE_NAMES  # every language's figures
from plainsum.config import COUNT_NAMES, FIGURE_LABELS, LANGUAGE_FORMULAS

if TYPE_CHECKING:
    from plainsum.config import Config
    from plainsum.gate import DocumentResult, Outcome

FORMATS = ("text", "json", "github", "junit")
SHOWN_FIGURES = (
    ("flesch_kincaid_grade", "grade", "{:.1f}"),
    ("flesch_reading_ease", "reading ease", "{:.1f}"),
    ("smog_index", "SMOG", "{:.1f}"),
    ("words", "words", "{:.0f}"),
    ("sentences", "sentences", "{:.0f}"),
)


def figures_line(result: DocumentResult) -> str:
    figures = result.scored.figures
    shown = [(key, label, fmt) for key, label, fmt in SHOWN_FIGURES if key in figures]
    if "flesch_kincaid_grade" not in figures:  # another language: its own first two formulas
        formulas = next((names for names in LANGUAGE_FORMULAS.values() if names[0] in figures), ())
        shown = [(key, FIGURE_LABELS[key], "{:.1f}") for key in formulas[:2]] + shown
    line = ", ".join(label + " " + fmt.format(figures[key]) for key, label, fmt in shown)
    left_out = getattr(result.scored, "not_scored", None)
    names = {"links": "URLs and DOIs", "code": "code blocks"}
    return f"{line}; {', '.join(names.get(kind, kind) for kind in left_out)} not scored" if left_out else line


def report_problems(outcome: Outcome) -> None:
    if outcome.problems:
        click.echo("\n".join(str(problem) for problem in outcome.problems), err=True)


def report_text(outcome: Outcome, verbose: bool = False, config: Config | None = None) -> None:
    report_problems(outcome)
    lines: list[str] = []  # echoed at once: a corpus build reports tens of thousands of lines
    for result in outcome.results:
        status = "pass" if result.passed else "FAIL"
        lines.append(f"{result.document.name}: {status} ({figures_line(result)})")
        if verbose and hasattr(result.scored, "sections"):
            for section in result.scored.sections:
                lines.append(f"    [{section.heading or '(before the first heading)'}] {_section_line(section)}")
        for finding in result.findings:
            if finding.severity == "warning" and not verbose and result.passed:
                continue
            lines.append(f"  {finding.location}: {finding.severity} [{finding.check}] {finding.message}")
            if finding.sentence:
                lines.append(f"      \"{finding.sentence}\"")
    failed = [r for r in outcome.results if not r.passed]
    if outcome.results:
        lines.append(f"{len(outcome.results) - len(failed)} of {len(outcome.results)} documents passed the gate")
    if lines:
        click.echo("\n".join(lines))


def _section_line(section: Any) -> str:
    figures = section.figures
    if not section.formulas_applied:
        return f"words {figures['words']:.0f}, sentences {figures['sentences']:.0f} (too short for formulas)"
    return ", ".join(label + " " + fmt.format(figures[key]) for key, label, fmt in SHOWN_FIGURES if key in figures)


def _location(finding: Any) -> tuple[str, int, int]:
    location = finding.location
    if isinstance(location, str):  # a finding recorded by a build: "path:line:col"
        path, line, column = location.rsplit(":", 2)
        return path, int(line), int(column)
    return location.path, location.line, location.column


def _finding(finding: Any) -> dict[str, Any]:
    path, line, column = _location(finding)
    return {
        "check": finding.check,
        "severity": finding.severity,
        "document": finding.document,
        "file": path,
        "line": line,
        "column": column,
        "message": finding.message,
        "sentence": finding.sentence,
        "suggestion": finding.suggestion,
    }


def _figures(figures: dict[str, float], formulas: bool = True) -> dict[str, float | int]:
    names = FIGURE_NAMES if formulas else COUNT_NAMES
    return {name: _number(figures[name]) for name in names if name in figures}


def _number(value: float) -> float | int:
    if isinstance(value, int) or (float(value).is_integer() and abs(value) < 1e15):
        return int(value)
    return round(float(value), 4)


def document_json(result: Any, config: Config | None = None) -> dict[str, Any]:
    """Every figure of a document (whole, sections, sentences) and every finding, as plain data."""
    scored = result.scored
    document = result.document
    data: dict[str, Any] = {
        "document": document.name,
        "kind": getattr(document, "kind", None),
        "file": getattr(document, "source_path", getattr(document, "source", None)),
        "passed": result.passed,
        "figures": _figures(scored.figures),
    }
    if hasattr(scored, "language"):
        data["language"] = scored.language.code
        data["not_scored"] = dict(scored.not_scored)
    if hasattr(scored, "sections"):
        kind = document.kind
        minimum = config.formula_min_words(kind) if config is not None else scored.min_words
        data["formulas_applied"] = scored.counts.words >= minimum
        sections = []
        for section in scored.sections:
            section_minimum = config.formula_min_words(kind, section.heading) if config is not None else scored.min_words
            from plainsum.readability import section_figures

            figures, applied = section_figures(section, section_minimum)
            sections.append({"heading": section.heading, "formulas_applied": applied, "figures": _figures(figures, applied)})
        data["sections"] = sections
        sentences = []
        for sentence in scored.sentences:
            location = document.locate(sentence.offset, sentence.text)
            sentences.append(
                {
                    "text": sentence.text,
                    "section": sentence.section,
                    "file": location.path,
                    "line": location.line,
                    "column": location.column,
                    "figures": {key: _number(value) for key, value in sentence.figures.items()},
                    "long_words": sentence.long_words,
                }
            )
        data["sentences"] = sentences
    data["findings"] = [_finding(finding) for finding in result.findings]
    return data


def report_json(outcome: Outcome, config: Config | None = None) -> None:
    payload = {
        "passed": outcome.exit_code == 0,
        "exit_code": outcome.exit_code,
        "problems": [
            {"file": p.path, "line": p.line, "column": p.column, "message": p.message} for p in outcome.problems
        ],
        "documents": [document_json(result, config) for result in outcome.results],
    }
    click.echo(json.dumps(payload, indent=2, ensure_ascii=False))


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(level: str, path: str, line: int, column: int, title: str, message: str) -> str:
    """One GitHub Actions workflow command: `::error file=...,line=N,col=M,title=...::message`."""
    properties = f"file={_escape_property(path)},line={line},col={column},title={_escape_property(title)}"
    return f"::{level} {properties}::{_escape_data(message)}"


def report_github(outcome: Outcome, config: Config | None = None) -> None:
    for problem in outcome.problems:
        click.echo(github_annotation("error", problem.path, problem.line, problem.column, "plainsum: invalid input", problem.message))
    for result in outcome.results:
        for finding in result.findings:
            path, line, column = _location(finding)
            message = finding.message
            if finding.sentence:
                message += f'\n"{finding.sentence}"'
            if finding.suggestion:
                message += f"\nSuggestion: {finding.suggestion}"
            level = "error" if finding.severity == "error" else "warning"
            click.echo(github_annotation(level, path, line, column, f"{finding.check} ({result.document.name})", message))
    failed = sum(1 for r in outcome.results if not r.passed)
    click.echo(f"{len(outcome.results) - failed} of {len(outcome.results)} documents passed the gate")


def junit_xml(outcome: Outcome) -> str:
    """One test suite per document, one test case per check that ran; errors are failures."""
    from plainsum.checks import registry

    suites = ET.Element("testsuites", name="plainsum")
    total_tests = total_failures = total_errors = 0
    if outcome.problems:
        suite = ET.SubElement(suites, "testsuite", name="input", tests=str(len(outcome.problems)), failures="0",
                              errors=str(len(outcome.problems)), skipped="0")
        for problem in outcome.problems:
            case = ET.SubElement(suite, "testcase", classname="plainsum.input", name=str(problem), file=problem.path,
                                 line=str(problem.line))
            ET.SubElement(case, "error", message=problem.message, type="invalid-input").text = str(problem)
        total_tests += len(outcome.problems)
        total_errors += len(outcome.problems)
    for result in outcome.results:
        kind = getattr(result.document, "kind", "")
        by_check: dict[str, list[Any]] = {}
        for finding in result.findings:
            by_check.setdefault(finding.check, []).append(finding)
        check_ids = [spec.id for spec in registry.checks.values() if kind in spec.documents] or sorted(by_check)
        for check_id in by_check:
            if check_id not in check_ids:
                check_ids.append(check_id)
        failures = sum(1 for check_id in check_ids if any(f.severity == "error" for f in by_check.get(check_id, [])))
        suite = ET.SubElement(suites, "testsuite", name=result.document.name, tests=str(len(check_ids)),
                              failures=str(failures), errors="0", skipped="0")
        properties = ET.SubElement(suite, "properties")
        for key, value in result.scored.figures.items():
            ET.SubElement(properties, "property", name=key, value=str(_number(value)))
        for check_id in check_ids:
            findings = by_check.get(check_id, [])
            case = ET.SubElement(suite, "testcase", classname=result.document.name, name=check_id)
            errors = [f for f in findings if f.severity == "error"]
            warnings = [f for f in findings if f.severity != "error"]
            if errors:
                path, line, _ = _location(errors[0])
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
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode")


def _finding_line(finding: Any) -> str:
    path, line, column = _location(finding)
    text = f"{path}:{line}:{column}: {finding.severity} [{finding.check}] {finding.message}"
    if finding.sentence:
        text += f'\n    "{finding.sentence}"'
    return text


def report_junit(outcome: Outcome, config: Config | None = None) -> None:
    click.echo(junit_xml(outcome))


def report(outcome: Outcome, output_format: str, verbose: bool = False, config: Config | None = None) -> None:
    if output_format == "json":
        report_json(outcome, config)
    elif output_format == "github":
        report_github(outcome, config)
    elif output_format == "junit":
        report_junit(outcome, config)
    else:
        report_text(outcome, verbose=verbose, config=config)
