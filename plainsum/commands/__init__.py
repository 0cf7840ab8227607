"""The commands, one module each; `plainsum.cli` registers them. Each reads its project
(`load_project_from`: the configuration the global `--config` option names, or the one found from
the paths it was given or the current folder), runs a stage, and returns an exit code."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from plainsum.config.settings import Config
    from plainsum.project.project import Project


def load_project_from(ctx: click.Context, paths: Iterable[Path] = (), announce: bool = True) -> Project:
    """The project of a command. When its configuration file is not in the current folder (found
    further up, or beside the paths given), stderr says which file it is, once per command."""
    from plainsum.project.project import Project

    path = ctx.obj.get("config_path")
    if path is not None and not path.is_file():
        raise click.UsageError(f"configuration file {path} does not exist")
    project = Project.find(paths, path)
    source = project.config.source_file
    if announce and path is None and source is not None and source.parent != Path(os.getcwd()).resolve() \
            and not ctx.obj.get("announced"):
        ctx.obj["announced"] = True
        click.echo(f"plainsum: using the configuration in {project.config.source}", err=True)
    return project


def load_config_from(ctx: click.Context, paths: Iterable[Path] = ()) -> Config:
    return load_project_from(ctx, paths).config
