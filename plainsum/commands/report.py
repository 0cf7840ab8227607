"""plainsum report: readability figures across many reviews, as an HTML page with charts and as JSON."""

from __future__ import annotations

from pathlib import Path

import click

from plainsum.commands import load_project_from
from plainsum.errors import EXIT_INVALID, EXIT_OK, display_path
from plainsum.project.project import Project


def _changes_page(paths: list[Path], project: Project, target: Path) -> tuple[list[Path], dict[str, str]]:
    """<target>/changes.html: what changed since the versions the last build published (the page of
    `plainsum diff --format html`), and the link to it from each changed review's page."""
    from plainsum.build.writer import safe_output_path, write_atomic
    from plainsum.diff.compare import diff
    from plainsum.diff.formats import render
    from plainsum.diff.sources import PUBLISHED, baseline
    from plainsum.errors import InputError

    config = project.config
    if not project.published:
        return [], {}
    try:
        outcome = diff(paths, project, baseline(PUBLISHED, config.output_dir, Path.cwd()))
    except InputError:
        return [], {}
    if outcome.problems or not outcome.reviews:
        return [], {}
    page = safe_output_path(target, "changes.html")
    write_atomic(page, render(outcome, "html", project.templates).encode("utf-8"))
    return [page], {review.id: f"../changes.html#{review.id}" for review in outcome.reviews if review.status == "changed"}


@click.command("report")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the report (default: report/ inside the output folder).")
@click.pass_context
def command(ctx: click.Context, paths: tuple[Path, ...], out_dir: Path | None) -> None:
    """Check PATHS (default: the content folder) and write a readability report.

    Writes <out>/index.html (grade distributions of lay summaries and abstracts, how many pass
    the gate, the hardest reviews; SVG charts, no network) and <out>/report.json (the same
    figures). Exit code: 0 written, 2 some content files are invalid (the report lists them).
    """
    from plainsum.build.outdir import check_report_folder, mark_report_folder
    from plainsum.report_pages.overview import write_overview

    project = load_project_from(ctx, paths)
    config = project.config
    target = (out_dir or config.output_dir / "report").resolve()
    check_report_folder(out_dir or config.output_dir / "report", config.root,
                        {"content": config.content_dir, "templates": config.templates_dir})
    mark_report_folder(target)
    outcome = project.check(list(paths))
    for problem in outcome.problems:
        click.echo(str(problem), err=True)
    written = write_overview(outcome, config, target, project.templates)
    from plainsum.report_pages.review import write_review_pages

    changes, links = _changes_page(list(paths), project, target)
    written = [*written, *changes, *write_review_pages(outcome, config, target / "reviews", project.templates, links)]
    from plainsum.build.outdir import record_report

    record_report(target, written)  # so that a build and `plainsum clean` know them as plainsum's
    for path in written:
        click.echo(f"wrote {display_path(path)}")
    ctx.exit(EXIT_INVALID if outcome.problems else EXIT_OK)
