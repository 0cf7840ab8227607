"""plainsum check: score and gate every document, write nothing."""

from __future__ import annotations

from pathlib import Path

import click

from plainsum.commands import load_config_from
from plainsum.reporters import FORMATS


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text for people; json (every figure and finding), github (workflow annotations), junit (XML) for CI.")
@click.option("-v", "--verbose", is_flag=True, help="Text format: also list warnings, and each section's figures.")
@click.pass_context
def command(ctx: click.Context, paths: tuple[Path, ...], output_format: str, verbose: bool) -> None:
    """Score each review's documents and apply the readability gate, without writing anything.

    PATHS are review files or folders (default: the content folder).
    Exit code: 0 all pass, 1 a gate failed, 2 invalid input or usage, 3 internal error.
    """
    from plainsum.pipeline import check
    from plainsum.reporters import report

    config = load_config_from(ctx)
    outcome = check(list(paths), config)
    report(outcome, output_format, verbose=verbose, config=config)
    ctx.exit(outcome.exit_code)
