"""plainsum serve: a live preview of the reviews while they are edited."""

from __future__ import annotations

import contextlib
from pathlib import Path

import click

from plainsum.commands import load_project_from
from plainsum.errors import EXIT_INVALID, EXIT_OK, InputError


@click.command("serve")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on (0: any free port, printed at start).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on. Only this machine can reach the default; another address shows "
                   "your drafts to the network.")
@click.pass_context
def command(ctx: click.Context, paths: tuple[Path, ...], port: int, host: str) -> None:
    """Preview PATHS (default: the content folder) at http://127.0.0.1:PORT/ while you edit.

    Each review's page shows its lay summary, its abstract and the marked report side by side.
    Saving a review file, the configuration or a template rebuilds what it affects, and the open
    pages reload within a second. A file that does not load shows its file:line:col problems in
    its page; the server goes on. Ctrl-C stops it.
    """
    from plainsum.serve.run import serve

    for path in paths:
        if not path.exists():
            raise click.BadParameter(f"{path} does not exist", param_hint="PATH")
    try:
        with contextlib.suppress(InputError):  # the preview shows the configuration's problems in every page
            load_project_from(ctx, paths)  # says which configuration, once
        serve(lambda: load_project_from(ctx, paths, announce=False), [p.resolve() for p in paths], host, port,
              lambda line: click.echo(line, err=True))
    except OSError as exc:  # the port is taken, or the address is not this machine's
        click.echo(f"plainsum serve: cannot listen on {host}:{port}: {exc.strerror or exc}", err=True)
        ctx.exit(EXIT_INVALID)
    except KeyboardInterrupt:
        pass  # Ctrl-C: serve has stopped everything and said so
    ctx.exit(EXIT_OK)
