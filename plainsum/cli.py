"""The plainsum command line. Exit codes: 0 pass, 1 a gate or check failed, 2 invalid input or usage, 3 internal error."""

from __future__ import annotations

import errno
import gc
import os
import sys
import traceback
from pathlib import Path

import click

from plainsum import __version__
from plainsum.errors import EXIT_INTERNAL, EXIT_INVALID, InputError, display_path

CONFIG_HELP = ("Configuration file (default: the first plainsum.toml, or pyproject.toml with [tool.plainsum], in the "
               "folder of the paths given or the current folder, or a folder above it).")


def _config_after_command(ctx: click.Context, param: click.Parameter, value: Path | None) -> None:
    """`plainsum check --config FILE` means what `plainsum --config FILE check` means."""
    if value is None:
        return
    settings = ctx.find_root().obj
    earlier = settings.get("config_path")
    if earlier is not None and earlier != value:
        raise click.BadParameter(f"given twice, as {earlier} before the command and as {value} after it", param=param)
    settings["config_path"] = value


class PlainsumGroup(click.Group):
    """Turns invalid input into file:line:col messages (exit 2) and bugs into exit 3, never a bare traceback.
    Every command it is given also takes `--config`, so the option works before or after its name."""

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        if not any(isinstance(p, click.Option) and "--config" in p.opts for p in cmd.params):
            cmd.params.append(click.Option(
                ["--config"], type=click.Path(dir_okay=False, path_type=Path), expose_value=False,
                callback=_config_after_command, is_eager=True, help=CONFIG_HELP,
            ))
        super().add_command(cmd, name)

    # Commands load when they are run (or listed by --help): `plainsum check` imports neither the
    # build, the preview nor the importers, so it starts as fast as it can.
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(COMMANDS) | set(self.commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            import importlib

            self.add_command(importlib.import_module(f"plainsum.commands.{COMMANDS[cmd_name]}").command, cmd_name)
        return self.commands.get(cmd_name)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except InputError as error:
            for problem in error.problems:
                click.echo(str(problem), err=True)
            ctx.exit(EXIT_INVALID)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            # the reader went away (`plainsum score --format json x.md | head`): stop quietly, as a
            # program killed by SIGPIPE does (128 + 13), and keep Python from complaining at exit
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(141)
        except OSError as exc:
            if exc.errno not in ENVIRONMENT_ERRORS:
                raise_internal(ctx, exc)
            where = display_path(Path(exc.filename)) if exc.filename else "plainsum"
            click.echo(f"{where}:1:1: {exc.strerror or exc} (the file system's, not plainsum's: outputs written before are whole)",
                       err=True)
            ctx.exit(EXIT_INVALID)
        except Exception as exc:  # a bug in plainsum, not in the input
            raise_internal(ctx, exc)
        return None


def raise_internal(ctx: click.Context, exc: BaseException) -> None:
    """Report a bug in plainsum (exit 3)."""
    if os.environ.get("PLAINSUM_DEBUG"):
        traceback.print_exception(exc)
    message = str(exc)
    message = message if len(message) <= 500 else message[:500] + " ..."  # a repr of a whole review says nothing
    click.echo(f"plainsum: internal error: {type(exc).__name__}: {message}", err=True)
    click.echo("This is a bug in plainsum; set PLAINSUM_DEBUG=1 to see the traceback.", err=True)
    ctx.exit(EXIT_INTERNAL)


# errno values that say what the file system or its owner allows, not what plainsum does wrong:
# exit 2 with the path (a full disk, a read-only folder, a name too long, a link loop)
ENVIRONMENT_ERRORS = frozenset(getattr(errno, name) for name in (
    "ENOSPC", "EDQUOT", "EROFS", "EACCES", "EPERM", "ENAMETOOLONG", "ELOOP", "EMLINK", "EFBIG", "EISDIR", "ENOTDIR",
    "EIO",
) if hasattr(errno, name))


@click.group(cls=PlainsumGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="plainsum")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help=CONFIG_HELP)
@click.pass_context
def cli(ctx: click.Context, config_path: Path | None) -> None:
    """Render reviews kept as data into a technical abstract and a plain-language summary, gated on readability."""
    ctx.obj = {"config_path": config_path}


# Each command lives in its own module of plainsum/commands/ (its `command`), loaded when it is run.
COMMANDS = {name: name for name in ("build", "check", "config", "diff", "clean", "report", "score", "init", "new", "serve",
                                    "translate", "schema")} | {"import": "import_"}


def main() -> None:
    try:
        cli.main(prog_name="plainsum", standalone_mode=True)
    except SystemExit as exit_:
        code = exit_.code
        # The process ends here: its objects are set aside from the garbage collector, whose pass at exit
        # would otherwise walk them all (a build's manifest and records, the rendering code: about 0.03 s of a
        # one-edit build of the corpus). Objects are still freed as the interpreter ends.
        gc.freeze()
        # click reports usage errors with exit code 2 already; keep it
        sys.exit(code)
