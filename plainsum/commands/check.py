"""plainsum check: score and gate every document, write nothing (but a baseline, when asked)."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from plainsum.commands import load_project_from
from plainsum.findings_formats.registry import FORMATS

if TYPE_CHECKING:
    from plainsum.config.settings import Config


def use_color(choice: bool | None) -> bool:
    """--color/--no-color, else colour on a terminal unless NO_COLOR is set (no-color.org)."""
    if choice is not None:
        return choice
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text for people; json (every figure and finding), github (annotations and job summary), "
                   "sarif (code scanning), junit (XML), gitlab (code quality) for CI.")
@click.option("-v", "--verbose", is_flag=True, help="Also list the warnings of passing documents, each section's figures, "
                                                    "and suppressed findings with their reasons.")
@click.option("-q", "--quiet", is_flag=True, help="Errors only: no warnings, no passing documents (the summary still counts them).")
@click.option("--max-findings", type=click.IntRange(min=0), metavar="N",
              help="List at most N findings, errors first, and say how many were left out (default: [report] max_findings, all).")
@click.option("--max-annotations", type=click.IntRange(min=0), metavar="N",
              help="github: at most N error and N warning annotations (default: [report] max_annotations, 10; 0: no limit).")
@click.option("--max-results", type=click.IntRange(min=1, max=25_000), metavar="N",
              help="sarif and gitlab: write at most N findings, errors first, and say how many were left out "
                   "(default: [report] max_results, 5000; GitHub code scanning refuses a run of more than 25,000).")
@click.option("--category", metavar="NAME", default="",
              help="sarif: the run's category (runAutomationDetails), so each part of a library checked in parts "
                   "uploads to code scanning as its own analysis.")
@click.option("--indent", type=click.IntRange(min=0, max=8), default=0, metavar="N",
              help="json: indent by N spaces for people (default: compact, which is several times faster on a library).")
@click.option("--shard", metavar="I/N", default=None,
              help="Check only the I-th of N parts of the reviews (parts chosen by a stable hash of each file's name, so a "
                   "review stays in its part as the library grows); with sarif, the part is the run's category.")
@click.option("--color/--no-color", "color", default=None, help="Colour the text report (default: on a terminal, unless NO_COLOR is set).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Write the report to FILE instead of standard output (for SARIF uploads and code quality artifacts).")
@click.option("--baseline", "baseline_option", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Report and fail only on findings that are not in FILE, and on accepted documents that got harder "
                   "(default: baseline in the configuration).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Check in N processes, the pool plainsum build uses (default: one per CPU).")
@click.option("--no-baseline", is_flag=True, help="Ignore the baseline of the configuration.")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Record today's findings and figures in FILE. With a baseline in use it is tightened: only what "
                   "is still found is kept.")
@click.pass_context
def command(ctx: click.Context, paths: tuple[Path, ...], output_format: str, verbose: bool, quiet: bool,
            max_findings: int | None, max_annotations: int | None, max_results: int | None, category: str,
            shard: str | None, indent: int, color: bool | None, output: Path | None, baseline_option: Path | None,
            jobs: int | None, no_baseline: bool,
            write_baseline: Path | None) -> None:
    """Score each review's documents and apply the readability gate, without writing anything.

    PATHS are review files or folders (default: the content folder).
    Exit code: 0 all pass, 1 a gate failed, 2 invalid input or usage, 3 internal error.
    """
    from plainsum.errors import display_path
    from plainsum.findings_formats.registry import report
    from plainsum.findings_formats.view import ReportOptions
    from plainsum.gate.baseline import Baseline, compare, load_baseline
    from plainsum.gate.records import Outcome
    from plainsum.gate.sections import unmatched_section_gates
    from plainsum.project.pool import default_jobs

    if baseline_option is not None and no_baseline:
        raise click.UsageError("--baseline and --no-baseline exclude each other")
    project = load_project_from(ctx, paths)
    config = project.config
    whole_run = not paths
    if shard is not None:
        part, parts = parse_shard(shard)
        paths = tuple(in_shard(paths, config, part, parts))
        whole_run = False
        category = category or f"plainsum/shard-{part}-of-{parts}"
    baseline_path = None if no_baseline else (baseline_option or config.baseline_path())
    if baseline_path is not None and write_baseline is not None and not baseline_path.exists():
        baseline_path = None  # writing the first baseline, which the configuration already names
    baseline: Baseline | None = load_baseline(baseline_path) if baseline_path is not None else None
    from functools import partial

    from plainsum.findings_formats.lean import lean

    shrink = partial(lean, with_json=output_format == "json")  # the report's needs, made in each worker
    outcome = project.check(list(paths), jobs or default_jobs(), shrink) if paths or shard is None else Outcome()
    unmatched = unmatched_section_gates(config, outcome.results, whole_run)
    if whole_run:
        outcome.problems.extend(unmatched)
    for problem in unmatched if not whole_run else ():  # another file may have the section: a warning, not exit 2
        click.echo(f"{problem.path}:{problem.line}:{problem.column}: warning: {problem.message}", err=True)
    options = ReportOptions(
        verbose=verbose, quiet=quiet, color=use_color(color) and output is None, config=config,
        max_findings=config.ci.report["max_findings"] if max_findings is None else max_findings,
        max_annotations=config.ci.report["max_annotations"] if max_annotations is None else max_annotations,
        max_results=config.ci.report["max_results"] if max_results is None else max_results, category=category,
        indent=indent,
    )
    if write_baseline is not None and not outcome.problems:
        from plainsum.gate.baseline import write_baseline as write

        count, documents = write(write_baseline, outcome, baseline, whole_run, config)
        verb = "tightened" if baseline is not None else "wrote"
        click.echo(f"{verb} baseline {display_path(write_baseline)}: {count:,} findings of {documents:,} documents", err=True)
        baseline = load_baseline(write_baseline)
    if baseline is not None and not outcome.problems:
        shown = " ".join(str(path) for path in paths)
        name = display_path(baseline.path)
        tighten = f"plainsum check {shown + ' ' if shown else ''}--baseline {name} --write-baseline {name}"
        options.baseline = compare(outcome, baseline, config, tighten)
    try:
        report(outcome, output_format, options, str(output) if output is not None else None)
    except OSError as exc:
        raise click.UsageError(f"cannot write the report to {output}: {exc.strerror or exc}") from None
    ctx.exit(outcome.exit_code)


def parse_shard(text: str) -> tuple[int, int]:
    part, _, parts = text.partition("/")
    if not (part.isdigit() and parts.isdigit() and 1 <= int(part) <= int(parts) <= 1000):
        raise click.BadParameter(f"'{text}' is not I/N with 1 <= I <= N <= 1000 (for example 2/4)", param_hint="--shard")
    return int(part), int(parts)


def shard_of(name: str, parts: int) -> int:
    """The part (1 to `parts`) of a review file: a stable hash of its name, the same on every machine."""
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big") % parts + 1


def in_shard(paths: tuple[Path, ...], config: Config, part: int, parts: int) -> list[Path]:
    from plainsum.content.discovery import discover

    found = discover(list(paths), config.content_dir, config.root)
    return [path for path in found.files if shard_of(path.name, parts) == part]
