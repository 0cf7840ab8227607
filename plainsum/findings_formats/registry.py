"""The report formats, by name: one module each, like plainsum/document_formats/ for documents."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from plainsum.findings_formats.view import ReportOptions
    from plainsum.gate.records import Outcome

# name -> (module, function, what it is for); the names are what --format accepts
BUILTIN: dict[str, tuple[str, str, str]] = {
    "text": ("text", "render_text", "for people: by document, each sentence once, a closing summary"),
    "json": ("json_", "render_json", "every figure and finding, for scripts"),
    "github": ("github", "render_github", "GitHub Actions annotations (capped) and the job summary"),
    "sarif": ("sarif", "render_sarif", "SARIF 2.1.0 for GitHub code scanning and other CI servers"),
    "junit": ("junit", "render_junit", "JUnit XML for CI servers"),
    "gitlab": ("gitlab", "render_gitlab", "GitLab code quality report (JSON)"),
}
FORMATS = tuple(BUILTIN)


@dataclass(frozen=True)
class Reporter:
    name: str
    description: str
    render: Callable[[Outcome, ReportOptions], str]
    # the report in pieces, written as they are made (a format whose report grows with the library)
    chunks: Callable[[Outcome, ReportOptions], Iterable[str]] | None = None


def reporter(name: str) -> Reporter:
    module, function, description = BUILTIN[name]
    loaded = importlib.import_module(f"plainsum.findings_formats.{module}")
    return Reporter(name, description, getattr(loaded, function), getattr(loaded, function + "_chunks", None))


def render(outcome: Outcome, output_format: str, options: ReportOptions) -> str:
    """The report as text; invalid input goes to stderr in the text format (the others carry it)."""
    options.output_format = output_format
    if output_format == "text" and outcome.problems:
        click.echo("\n".join(str(problem) for problem in outcome.problems), err=True)
    return reporter(output_format).render(outcome, options)


def report(outcome: Outcome, output_format: str, options: ReportOptions, output: str | None = None) -> None:
    """Print the report (or write it to `output`), and the GitHub job summary when one is asked for."""
    chosen = reporter(output_format)
    if chosen.chunks is not None:
        options.output_format = output_format
        _write_chunks(chosen.chunks(outcome, options), output)
    else:
        text = render(outcome, output_format, options)
        if output is not None:
            from pathlib import Path

            Path(output).write_text(text + "\n", encoding="utf-8")
        elif text:
            click.echo(text, color=options.color if output_format == "text" else None)
    from plainsum.findings_formats.github import write_step_summary

    write_step_summary(outcome, options)


def _write_chunks(chunks: Iterable[str], output: str | None) -> None:
    """Each piece written as it is made, then a line break, to `output` or standard output."""
    if output is None:
        for chunk in chunks:
            click.echo(chunk, nl=False)
        click.echo("")
        return
    with open(output, "w", encoding="utf-8") as handle:
        for chunk in chunks:
            handle.write(chunk)
        handle.write("\n")
