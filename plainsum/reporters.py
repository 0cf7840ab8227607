"""How `plainsum check` and `plainsum build` tell the user what they found."""

from __future__ import annotations

import click

from plainsum.pipeline import DocumentResult, Outcome

SHOWN_FIGURES = (
    ("flesch_kincaid_grade", "grade", "{:.1f}"),
    ("flesch_reading_ease", "reading ease", "{:.1f}"),
    ("smog_index", "SMOG", "{:.1f}"),
    ("words", "words", "{:.0f}"),
    ("sentences", "sentences", "{:.0f}"),
)


def figures_line(result: DocumentResult) -> str:
    figures = result.scored.figures
    return ", ".join(label + " " + fmt.format(figures[key]) for key, label, fmt in SHOWN_FIGURES if key in figures)


def report_problems(outcome: Outcome) -> None:
    for problem in outcome.problems:
        click.echo(f"{problem}", err=True)


def report_text(outcome: Outcome, verbose: bool = False) -> None:
    report_problems(outcome)
    for result in outcome.results:
        status = "pass" if result.passed else "FAIL"
        click.echo(f"{result.document.name}: {status} ({figures_line(result)})")
        for finding in result.findings:
            if finding.severity == "warning" and not verbose and result.passed:
                continue
            click.echo(f"  {finding.location}: {finding.severity} [{finding.check}] {finding.message}")
            if finding.sentence:
                click.echo(f"      \"{finding.sentence}\"")
    failed = [r for r in outcome.results if not r.passed]
    if outcome.results:
        click.echo(f"{len(outcome.results) - len(failed)} of {len(outcome.results)} documents passed the gate")
