"""plainsum diff: what changed in each review since an earlier version, and what to read again."""

from __future__ import annotations

from pathlib import Path

import click

from plainsum.commands import load_project_from
from plainsum.errors import EXIT_INVALID, InputError, Problem, display_path

DIFF_FORMATS = ("text", "json", "markdown", "html")


@click.command("diff")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--since", "since", default="published", show_default=True, metavar="REF|published",
              help="The earlier version: a git revision (HEAD~1, a tag, a commit), or 'published': what the last build published.")
@click.option("--format", "output_format", type=click.Choice(DIFF_FORMATS), default="text", show_default=True,
              help="text for the terminal; json; markdown (a pull-request comment); html (a page with the changes highlighted).")
@click.option("-o", "--output", "output_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
@click.pass_context
def command(ctx: click.Context, paths: tuple[Path, ...], since: str, output_format: str, output_file: Path | None) -> None:
    """Compare each review with its earlier version: facts, results, the sentences of both
    documents (word by word), readability figures and gate before and after, the hand-written
    sentences to read again, and a "What's new" statement.

    PATHS are review files or folders (default: the content folder).
    Exit code: 0 no differences, 1 differences, 2 invalid input or usage, 3 internal error.
    """
    from plainsum.diff.compare import diff
    from plainsum.diff.formats import render
    from plainsum.diff.sources import baseline

    project = load_project_from(ctx, paths)
    outcome = diff(list(paths), project, baseline(since, project.config.output_dir, Path.cwd()))
    if outcome.problems:
        raise InputError(outcome.problems)
    text = render(outcome, output_format, project.templates)
    if output_file is None:
        click.echo(text, nl=False)
    else:
        try:
            output_file.write_text(text, encoding="utf-8")
        except OSError as error:
            click.echo(str(Problem(display_path(output_file), 1, 1, f"cannot write: {error.strerror or error}")), err=True)
            ctx.exit(EXIT_INVALID)
        click.echo(f"wrote {display_path(output_file)}", err=True)
    ctx.exit(outcome.exit_code)
