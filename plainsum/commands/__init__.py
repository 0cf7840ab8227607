"""The commands, one module each; `plainsum.cli` registers them. Each reads the configuration the
global `--config` option names (`load_config_from`), runs a stage, and returns an exit code."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from plainsum.config.settings import Config


def load_config_from(ctx: click.Context) -> Config:
    from plainsum.gate.settings import load_config

    path = ctx.obj.get("config_path")
    if path is not None and not path.is_file():
        raise click.UsageError(f"configuration file {path} does not exist")
    return load_config(Path.cwd(), path)
