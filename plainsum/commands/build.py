"""plainsum build: render every review into output/, publishing only what passes the gate."""

from __future__ import annotations

from pathlib import Path

import click

from plainsum.cli import load_config_from
from plainsum.errors import display_path


def _formats(value: str | None, default: list[str]) -> list[str]:
    from plainsum.formats import registry

    names = [name.strip() for name in value.split(",") if name.strip()] if value else list(default)
    unknown = [name for name in names if name not in registry]
    if unknown or not names:
        raise click.BadParameter(
            f"unknown format {', '.join(unknown) or '(none given)'}; choose from {', '.join(registry.names())}",
            param_hint="--formats",
        )
    return list(dict.fromkeys(names))


@click.command("build")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--formats", "formats_option", metavar="LIST", help="Comma-separated formats (default from config: html,md,txt,pdf).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), help="Output folder (default: output/).")
@click.option("--draft", is_flag=True, help="Also publish lay summaries that fail the gate, visibly marked DRAFT.")
@click.option("-v", "--verbose", is_flag=True, help="Also list warnings for documents that pass.")
@click.pass_context
def command(ctx: click.Context, paths: tuple[Path, ...], formats_option: str | None, out_dir: Path | None,
            draft: bool, verbose: bool) -> None:
    """Render reviews into output/<id>/{abstract,summary}.<format> and output/index.html.

    A document that fails the readability gate is not published (exit 1) unless --draft is given.
    """
    from plainsum.build import BuildOptions, build
    from plainsum.reporters import report_text

    config = load_config_from(ctx)
    formats = _formats(formats_option, config.formats)
    options = BuildOptions(formats=formats, output_dir=(out_dir or config.output_dir).resolve(), draft=draft)
    outcome = build(list(paths), config, options)
    report_text(outcome, verbose=verbose)
    for result in outcome.withheld:
        reasons = "; ".join(f.message for f in result.errors)
        click.echo(f"not published: {result.document.name} ({reasons}); use --draft to publish it marked DRAFT", err=True)
    for result in outcome.drafts:
        click.echo(f"published as DRAFT: {result.document.name}", err=True)
    click.echo(f"wrote {len(outcome.written)} files ({len(outcome.unchanged)} unchanged) in {display_path(options.output_dir)}")
    ctx.exit(outcome.exit_code)
