"""The text report, for people: by document, each sentence quoted once with its findings beneath.

    cd000011-pub4/summary: FAIL (grade 14.3, reading ease 29.8, SMOG 16.0, words 373, sentences 18)
      "We need more advanced methods for researching ways to improve medicine adherence, ..."
        content/cd000011-pub4.yaml:96:233: error [readability.thresholds] Flesch-Kincaid grade is 14.3, ...
          suggestion: split long sentences and use shorter words, starting with this one
        content/cd000011-pub4.yaml:96:408: warning [plain.jargon] jargon: 'sufficient'
          suggestion: enough

and a closing summary: documents passed and failed, findings by check, the hardest documents.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from plainsum.findings_formats.view import (
    ReportOptions,
    Summary,
    by_check,
    by_language_line,
    by_sentence,
    closing_line,
    figures_line,
    location_of,
    not_checked_by_language,
    plural,
    select,
    summarise,
)

if TYPE_CHECKING:
    from plainsum.gate.records import Outcome

NOT_CHECKED_LISTED = 20  # files not checked listed in the summary (the closing line names the first few)

STYLES = {
    "FAIL": {"fg": "red", "bold": True},
    "pass": {"fg": "green"},
    "error": {"fg": "red"},
    "warning": {"fg": "yellow"},
    "quote": {"dim": True},
    "heading": {"bold": True},
}


class Painter:
    def __init__(self, color: bool):
        self.color = color

    def __call__(self, text: str, style: str) -> str:
        return click.style(text, **STYLES[style]) if self.color else text  # type: ignore[arg-type]


def render_text(outcome: Outcome, options: ReportOptions) -> str:
    paint = Painter(options.color)
    lines: list[str] = []
    selection = select(outcome, options)
    for number in selection.listed:
        result = outcome.results[number]
        status = paint("pass", "pass") if result.passed else paint("FAIL", "FAIL")
        lines.append(f"{result.document.name}: {status} ({figures_line(result, options.config)})")
        if options.verbose and hasattr(result.scored, "sections"):
            for section in result.scored.sections:
                lines.append(f"    [{section.heading or '(before the first heading)'}] {_section_line(section)}")
            skipped = getattr(result.scored, "skipped_checks", ())
            if skipped:
                lines.append(f"    not run on {result.scored.language.name} text (their data are English): {', '.join(skipped)}")
        for sentence, findings in by_sentence(selection.shown.get(number, [])):
            indent = "  "
            if sentence:
                lines.append(f"  {paint(chr(34) + sentence + chr(34), 'quote')}")
                indent = "    "
            for finding in findings:
                lines.extend(_finding_lines(finding, indent, paint))
        if number in selection.hidden_in:
            lines.append("  ... (more findings not shown: --max-findings)")
        if options.verbose:
            for finding in getattr(result, "suppressed", None) or []:
                path, line, column = location_of(finding)
                lines.append(f"  {path}:{line}:{column}: suppressed [{finding.check}] {finding.message} "
                             f"({'in the source' if finding.suppression.kind == 'source' else 'exempt'}: "
                             f"{finding.suppression.reason}; {finding.suppression.where})")
    lines.extend(summary_lines(outcome, options, selection.hidden_findings, selection.hidden_documents, paint))
    return "\n".join(lines)


def _finding_lines(finding: Any, indent: str, paint: Painter) -> list[str]:
    path, line, column = location_of(finding)
    lines = [f"{indent}{path}:{line}:{column}: {paint(finding.severity, finding.severity)} [{finding.check}] {finding.message}"]
    if finding.suggestion:
        lines.append(f"{indent}  suggestion: {finding.suggestion}")
    return lines


def _section_line(section: Any) -> str:
    figures = section.figures
    if not section.formulas_applied:
        return f"words {figures['words']:.0f}, sentences {figures['sentences']:.0f} (too short for formulas)"
    from plainsum.findings_formats.view import SHOWN_FIGURES

    return ", ".join(label + " " + fmt.format(figures[key]) for key, label, fmt in SHOWN_FIGURES if key in figures)


def summary_lines(outcome: Outcome, options: ReportOptions, hidden_findings: int, hidden_documents: int,
                  paint: Painter | None = None) -> list[str]:
    """The closing summary; its last line is always "N of M documents passed the gate", after
    "by language: en 6 of 6, es 0 of 1" when the documents are in more than one language. When input
    was invalid (exit 2), the summary lists the files that were not checked, and the last line
    starts "invalid input: ..." (`closing_line`)."""
    paint = paint or Painter(False)
    if not outcome.results and not outcome.problems:
        return []
    summary = summarise(outcome)
    lines = [""] if len(outcome.results) > 1 or summary.failed or outcome.problems else []
    if summary.failed or summary.warnings or outcome.problems:
        lines.append(paint("Summary", "heading"))
        lines.extend(_counts(summary, options))
    if outcome.problems:
        lines.append(f"  invalid input: {plural(len(outcome.problems), 'problem')} (listed on stderr)")
        for number, entry in enumerate(outcome.not_checked):
            if number == NOT_CHECKED_LISTED:
                lines.append(f"    ... and {len(outcome.not_checked) - number:,} more")
                break
            lines.append(f"    not checked: {entry.file}")
    if summary.failed and summary.worst and summary.failed > 1:
        lines.append("  hardest: " + "; ".join(f"{name} ({why})" for name, why in summary.worst))
    if hidden_documents:
        how = ("--full-report writes the whole report to the output folder" if options.command == "build"
               else "raise --max-findings to list them")
        lines.append(f"  not listed: {plural(hidden_documents, 'more failing document')} ({how})")
    if hidden_findings:
        lines.append(f"  not shown: {plural(hidden_findings, 'finding')} (--max-findings {options.max_findings}"
                     f"{'' if not options.quiet else ', --quiet'}; the closing counts include them)")
    if options.baseline is not None:
        lines.extend(options.baseline.summary_lines())
    languages = by_language_line(outcome.results, not_checked_by_language(outcome))
    if languages:
        lines.append(languages)
    lines.append(closing_line(outcome, summary))
    return lines


def _counts(summary: Summary, options: ReportOptions) -> list[str]:
    lines = []
    errors, warnings = sum(summary.errors.values()), sum(summary.warnings.values())
    lines.append(f"  documents: {summary.passed:,} passed, {summary.failed:,} failed")
    if errors:
        lines.append(f"  errors: {errors:,} ({by_check(summary.errors)})")
    if warnings:
        note = "" if not options.quiet else "; not listed with --quiet"
        lines.append(f"  warnings: {warnings:,} ({by_check(summary.warnings)}{note})")
    if summary.warnings_unchecked and options.command == "build":
        lines.append(f"  warnings of {plural(summary.warnings_unchecked, 'failing document')} not looked for "
                     f"(plainsum build shows what withholds a document; plainsum check, or build -v, lists every warning)")
    if summary.suppressed:
        kinds = []
        if summary.suppressed_by.get("source"):
            kinds.append(f"{summary.suppressed_by['source']:,} by comments in the YAML")
        if summary.suppressed_by.get("config"):
            kinds.append(f"{summary.suppressed_by['config']:,} by [[exempt]] in the config")
        lines.append(f"  suppressed: {summary.suppressed:,}" + (f" ({', '.join(kinds)})" if kinds else "")
                     + ("; -v lists them with their reasons" if not options.verbose else ""))
    return lines
