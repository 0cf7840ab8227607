"""plainsum config: the effective settings, each with where it came from."""

from __future__ import annotations

from pathlib import Path

import click

from plainsum.commands import load_project_from


@click.command("config")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.pass_context
def command(ctx: click.Context, paths: tuple[Path, ...]) -> None:
    """Print every setting plainsum uses for PATHS (default: the current folder), one TOML key a
    line, with where it came from: the file:line:col that set it, a preset, or the default.

    The configuration is the first plainsum.toml, or pyproject.toml with [tool.plainsum], found
    in the folder of PATHS or the current folder, or a folder above it; --config names one.
    """
    from plainsum.config.show import effective_settings

    config = load_project_from(ctx, paths, announce=False).config
    where = str(config.source_file) if config.source_file is not None else "none (every setting is its default)"
    click.echo(f"# configuration: {where}")
    click.echo(f"# project root: {config.root}")
    for setting in effective_settings(config):
        click.echo(setting.line())
