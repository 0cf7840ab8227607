"""GitHub Actions: workflow annotations at the sentence's YAML line, and a job summary.

GitHub shows at most 10 error and 10 warning annotations of a step, so a run prints at most
`max_annotations` of each (errors first, by document and position) and says how many it left
out. When $GITHUB_STEP_SUMMARY is set, a Markdown summary (counts by check, the hardest
documents, the first failing documents with their errors) is appended to that file, whatever
the format.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plainsum.findings_formats.view import (
    ReportOptions,
    bounded,
    by_language,
    by_language_line,
    closing_line,
    language_of,
    location_of,
    not_checked_by_language,
    ordered,
    plural,
    summarise,
)

if TYPE_CHECKING:
    from plainsum.gate.records import Outcome

SUMMARY_DOCUMENTS = 20  # failing documents listed in the job summary


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(level: str, path: str, line: int, column: int, title: str, message: str) -> str:
    """One GitHub Actions workflow command: `::error file=...,line=N,col=M,title=...::message`."""
    properties = f"file={_escape_property(path)},line={line},col={column},title={_escape_property(title)}"
    return f"::{level} {properties}::{_escape_data(message)}"


def _message(finding: Any) -> str:
    message = str(finding.message)
    if finding.sentence:
        message += f'\n"{finding.sentence}"'
    if finding.suggestion:
        message += f"\nSuggestion: {finding.suggestion}"
    return message


def render_github(outcome: Outcome, options: ReportOptions) -> str:
    lines = [
        github_annotation("error", p.path, p.line, p.column, "plainsum: invalid input", p.message) for p in outcome.problems
    ]
    limit = options.max_annotations
    left_out = {"error": 0, "warning": 0}
    for level in ("error", "warning"):
        shown = 0
        for result in outcome.results:
            if options.quiet and level == "warning":
                break
            for finding in ordered(result):
                if (finding.severity == "error") != (level == "error"):
                    continue
                if limit and shown >= limit:
                    left_out[level] += 1
                    continue
                shown += 1
                path, line, column = location_of(finding)
                lines.append(github_annotation(level, path, line, column, _title(finding, result), _message(finding)))
    if any(left_out.values()):
        parts = [plural(count, f"more {level}") for level, count in left_out.items() if count]
        lines.append(f"plainsum: {' and '.join(parts)} not annotated (at most {limit} of each, --max-annotations); "
                     "the job summary and `plainsum check` list them")
    summary = summarise(outcome)
    languages = by_language_line(outcome.results, not_checked_by_language(outcome))
    if languages:
        lines.append(f"plainsum: {languages}")
    lines.append(closing_line(outcome, summary))
    return "\n".join(lines)


def _title(finding: Any, result: Any) -> str:
    """"plain.jargon (review/summary)"; a translation's says its language: "translation.numbers (review/es/summary, es)"."""
    language = language_of(result)
    return f"{finding.check} ({result.document.name}{', ' + language if language != 'en' else ''})"


def step_summary(outcome: Outcome, options: ReportOptions) -> str:
    """The run as Markdown, for $GITHUB_STEP_SUMMARY."""
    summary = summarise(outcome)
    verdict = "passed" if outcome.exit_code == 0 else ("invalid input" if outcome.problems else "failed")
    checked = " checked" if outcome.problems else ""
    lines = [f"## plainsum {options.command}: {verdict}", "",
             f"{summary.passed:,} of {summary.documents:,} documents{checked} passed the gate; {summary.failed:,} failed."
             + (f" {plural(len(outcome.not_checked), 'file')} not checked (invalid input)." if outcome.not_checked else ""), ""]
    unchecked = not_checked_by_language(outcome)
    languages = by_language(outcome.results, unchecked)
    if len(languages) > 1:
        if unchecked:
            lines += ["| language | passed | documents | files not checked |", "| --- | ---: | ---: | ---: |"]
            lines += [f"| {code} | {passed:,} | {total:,} | {unchecked.get(code, 0):,} |"
                      for code, (passed, total) in languages.items()] + [""]
        else:
            lines += ["| language | passed | documents |", "| --- | ---: | ---: |"]
            lines += [f"| {code} | {passed:,} | {total:,} |" for code, (passed, total) in languages.items()] + [""]
    if outcome.problems:
        lines += ["### Invalid input", ""] + [f"- `{problem}`" for problem in outcome.problems[:SUMMARY_DOCUMENTS]] + [""]
        if outcome.not_checked:
            lines += ["Not checked: " + ", ".join(f"`{entry.file}`" for entry in outcome.not_checked[:SUMMARY_DOCUMENTS])
                      + (f" and {len(outcome.not_checked) - SUMMARY_DOCUMENTS:,} more" if len(outcome.not_checked) > SUMMARY_DOCUMENTS else ""),
                      ""]
    if summary.errors or summary.warnings:
        lines += ["| check | errors | warnings |", "| --- | ---: | ---: |"]
        for check in sorted(set(summary.errors) | set(summary.warnings),
                            key=lambda c: (-summary.errors[c], -summary.warnings[c], c)):
            lines.append(f"| `{check}` | {summary.errors[check]:,} | {summary.warnings[check]:,} |")
        lines.append("")
    if options.output_format in ("sarif", "gitlab"):
        written = bounded(outcome, options.max_results, include_suppressed=options.output_format == "sarif",
                          quiet=options.quiet and options.output_format == "gitlab")
        if written.left_out:
            lines += [f"{options.output_format}: {written.statement(options.max_results)}.", ""]
    if summary.suppressed:
        lines += [f"{plural(summary.suppressed, 'finding')} suppressed (by comments in the YAML or [[exempt]] in the config).", ""]
    if options.baseline is not None:
        lines += [line.strip() for line in options.baseline.summary_lines()] + [""]
    failing = [result for result in outcome.results if not result.passed]
    if failing:
        lines += ["### Failing documents", "", "| document | errors | figures |", "| --- | --- | --- |"]
        for result in failing[:SUMMARY_DOCUMENTS]:
            errors = "<br>".join(f"`{':'.join(map(str, location_of(f)))}` {_cell(f.message)}" for f in result.errors)
            figures = _figures_cell(result.scored.figures)
            lines.append(f"| {result.document.name} | {errors} | {figures} |")
        if len(failing) > SUMMARY_DOCUMENTS:
            lines.append(f"\n... and {len(failing) - SUMMARY_DOCUMENTS:,} more failing documents.")
        lines.append("")
    return "\n".join(lines) + "\n"


def _figures_cell(figures: dict[str, float]) -> str:
    """"Flesch-Kincaid grade 14.3, words 373"; a translation's own headline formula: "Szigriszt-Pazos (INFLESZ) 31.0, words 269"."""
    from plainsum.config.figures import FIGURE_LABELS, scored_formulas

    formulas = scored_formulas(figures)
    shown = [f"{FIGURE_LABELS[formulas[0]]} {figures[formulas[0]]:.1f}"] if formulas else []
    if "words" in figures:
        shown.append(f"words {round(figures['words']):,}")
    return ", ".join(shown)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def write_step_summary(outcome: Outcome, options: ReportOptions) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with open(Path(target), "a", encoding="utf-8") as stream:
            stream.write(step_summary(outcome, options))
    except OSError:
        pass  # a summary GitHub cannot take must not fail the gate
