"""plainsum report: readability figures across many reviews, as an HTML page with charts and as JSON."""

from __future__ import annotations

from pathlib import Path

import click

from plainsum.commands import load_config_from
from plainsum.config.settings import Config
from plainsum.errors import EXIT_INVALID, EXIT_OK, display_path


def _changes_page(paths: list[Path], config: Config, target: Path) -> tuple[list[Path], dict[str, str]]:
    """<target>/changes.html: what changed since the versions the last build published (the page of
    `plainsum diff --format html`), and the link to it from each changed review's page."""
    from plainsum.build.writer import safe_output_path, write_atomic
    from plainsum.content.published import read_index
    from plainsum.diff.compare import diff
    from plainsum.diff.formats import render
    from plainsum.diff.sources import PUBLISHED, baseline
    from plainsum.errors import InputError
    from plainsum.render.templates import TemplateSet

    if not read_index(config.output_dir):
        return [], {}
    try:
        outcome = diff(paths, config, baseline(PUBLISHED, config.output_dir, Path.cwd()))
    except InputError:
        return [], {}
    if outcome.problems or not outcome.reviews:
        return [], {}
    page = safe_output_path(target, "changes.html")
    write_atomic(page, render(outcome, "html", TemplateSet(config.templates_dir)).encode("utf-8"))
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
    from plainsum.pipeline import check
    from plainsum.render.templates import TemplateSet
    from plainsum.report_pages.overview import write_overview

    config = load_config_from(ctx)
    target = (out_dir or config.output_dir / "report").resolve()
    outcome = check(list(paths), config)
    for problem in outcome.problems:
        click.echo(str(problem), err=True)
    written = write_overview(outcome, config, target, TemplateSet(config.templates_dir))
    from plainsum.report_pages.review import write_review_pages

    changes, links = _changes_page(list(paths), config, target)
    written = [*written, *changes, *write_review_pages(outcome, config, target / "reviews", TemplateSet(config.templates_dir), links)]
    for path in written:
        click.echo(f"wrote {display_path(path)}")
    ctx.exit(EXIT_INVALID if outcome.problems else EXIT_OK)
