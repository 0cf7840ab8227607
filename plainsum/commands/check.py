"""plainsum check: score and gate every document, write nothing."""

from __future__ import annotations

from pathlib import Path

import click

from plainsum.cli import load_config_from
from plainsum.pipeline import check
from plainsum.reporters import report_text


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-v", "--verbose", is_flag=True, help="Also list warnings for documents that pass.")
@click.pass_context
def command(ctx: click.Context, paths: tuple[Path, ...], verbose: bool) -> None:
    """Score each review's documents and apply the readability gate, without writing anything.

    PATHS are review files or folders (default: the content folder).
    Exit code: 0 all pass, 1 a gate failed, 2 invalid input.
    """
    config = load_config_from(ctx)
    outcome = check(list(paths), config)
    report_text(outcome, verbose=verbose)
    ctx.exit(outcome.exit_code)
