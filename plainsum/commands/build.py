"""plainsum build: render every review into output/, publishing only what passes the gate."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import click

from plainsum.commands import load_project_from
from plainsum.errors import display_path

FULL_REPORT = "plainsum-report.txt"


def _formats(value: str | None, default: list[str]) -> list[str]:
    from plainsum.document_formats import registry

    names = [name.strip() for name in value.split(",") if name.strip()] if value else list(default)
    unknown = [name for name in names if name not in registry]
    if unknown or not names:
        raise click.BadParameter(
            f"unknown format {', '.join(unknown) or '(none given)'}; choose from {', '.join(registry.names())}",
            param_hint="--formats",
        )
    return list(dict.fromkeys(names))


@click.command("build")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--formats", "formats_option", metavar="LIST", help="Comma-separated formats (default from config: html,md,txt,pdf).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), help="Output folder (default: output/).")
@click.option("--draft", is_flag=True, help="Also publish lay summaries that fail the gate, visibly marked DRAFT.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N", help="Render in N processes (default: one per CPU).")
@click.option("--paper", type=click.Choice(["a4", "letter"], case_sensitive=False), help="PDF page size, instead of the configured ones.")
@click.option("--force", is_flag=True, help="Render every document again, even those whose inputs did not change.")
@click.option("--allow-foreign-files", is_flag=True, help="Write into an --out folder that holds files plainsum did not write "
              "(they are left as they are).")
@click.option("--no-progress", is_flag=True, help="Do not show progress on stderr.")
@click.option("-v", "--verbose", is_flag=True, help="List every document, and every warning (their checks then run).")
@click.option("-q", "--quiet", is_flag=True, help="Errors only: no progress, no passing documents (the closing lines still "
                                                  "say what was written and what was not published).")
@click.option("--full-report", is_flag=True, help=f"Also write the whole report, every document and finding, to {FULL_REPORT} in the output folder.")
@click.option("--color/--no-color", "color", default=None, help="Colour the report (default: on a terminal, unless NO_COLOR is set).")
@click.pass_context
def command(ctx: click.Context, paths: tuple[Path, ...], formats_option: str | None, out_dir: Path | None,
            draft: bool, jobs: int | None, paper: str | None, force: bool, allow_foreign_files: bool, no_progress: bool, verbose: bool,
            quiet: bool, full_report: bool, color: bool | None) -> None:
    """Render reviews into output/<id>/{abstract,summary}.<format> and output/index.html.

    Only reviews whose inputs changed since the last build are rendered again (see
    output/.plainsum-manifest.json). A document that fails the readability gate is not
    published (exit 1) unless --draft is given.
    """
    from plainsum.project.gcpause import gc_paused

    # The build's code, loaded with the collector paused and then set aside from it, as the build sets
    # aside what it reads (its collections walked the new modules as they came: about 10 ms of a rebuild)
    with gc_paused(freeze=True):
        from plainsum.build.builder import build
        from plainsum.build.tasks import BuildOptions
        from plainsum.build.writer import safe_output_path, write_atomic
        from plainsum.commands.check import use_color
        from plainsum.findings_formats.registry import render
        from plainsum.findings_formats.view import ReportOptions
        from plainsum.gate.sections import unmatched_section_gates
        from plainsum.project.project import Project

    if quiet and verbose:
        raise click.UsageError("-q/--quiet and -v/--verbose exclude each other")
    config = load_project_from(ctx, paths).config
    output_dir = (out_dir or config.output_dir).resolve()
    config = dataclasses.replace(config, output_dir=output_dir)  # the published versions are those of this folder
    if paper:
        config = dataclasses.replace(config, paper=(paper.lower(),))
    formats = _formats(formats_option, config.formats)
    options = BuildOptions(formats=formats, output_dir=output_dir, draft=draft, jobs=jobs, progress=not (no_progress or quiet),
                           force=force, allow_foreign_files=allow_foreign_files, verbose=verbose)
    outcome = build(list(paths), Project(config), options)
    unmatched = unmatched_section_gates(config, outcome.results, whole_run=not paths)
    if not paths:
        outcome.problems.extend(unmatched)
    for problem in unmatched if paths else ():  # another file may have the section: a warning, not exit 2
        click.echo(f"{problem.path}:{problem.line}:{problem.column}: warning: {problem.message}", err=True)
    # The report is bounded: a corpus build with a strict gate fails thousands of documents.
    limit = 0 if verbose else config.ci.report["build_documents"]
    passing = sum(1 for result in outcome.results if result.passed)
    shown = ReportOptions(verbose=verbose, quiet=quiet, list_passing=not quiet and (verbose or passing <= limit),
                          max_documents=limit, config=config, command="build", color=use_color(color))
    text = render(outcome, "text", shown)
    if text:
        click.echo(text, color=shown.color)
    if full_report:
        whole = render(outcome, "text", ReportOptions(verbose=verbose, config=config, command="build"))
        target = safe_output_path(output_dir, FULL_REPORT)
        write_atomic(target, (whole + "\n").encode("utf-8"))
        click.echo(f"the whole report: {display_path(target)}", err=True)
    for number, result in enumerate(outcome.withheld):
        if limit and number == limit:
            more = len(outcome.withheld) - limit
            click.echo(f"not published: {more:,} more document{'s' if more != 1 else ''}; use --draft to publish "
                       f"{'them' if more != 1 else 'it'} marked DRAFT", err=True)
            break
        reasons = "; ".join(f.message for f in result.errors)
        click.echo(f"not published: {result.document.name} ({reasons}); use --draft to publish it marked DRAFT", err=True)
    for number, result in enumerate(outcome.drafts):
        if limit and number == limit:
            more = len(outcome.drafts) - limit
            click.echo(f"published as DRAFT: {more:,} more document{'s' if more != 1 else ''}", err=True)
            break
        click.echo(f"published as DRAFT: {result.document.name}", err=True)
    reviews = outcome.rendered_reviews + outcome.skipped_reviews
    click.echo(
        f"wrote {len(outcome.written)} files ({outcome.unchanged} unchanged) in {display_path(options.output_dir)}; "
        f"rendered {outcome.rendered_reviews} of {reviews} reviews, {outcome.skipped_reviews} up to date"
        + (f"; removed {len(outcome.removed)} earlier output{'s' if len(outcome.removed) != 1 else ''} no longer built"
           if outcome.removed else "")
    )
    ctx.exit(outcome.exit_code)
