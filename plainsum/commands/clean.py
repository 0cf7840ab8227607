"""plainsum clean: remove what plainsum wrote to the output folder, and nothing else."""

from __future__ import annotations

import contextlib
from pathlib import Path

import click

from plainsum.commands import load_config_from
from plainsum.errors import display_path


def _remove_empty_parents(path: Path, root: Path) -> None:
    folder = path.parent
    while folder != root and folder.is_relative_to(root):
        try:
            folder.rmdir()  # only succeeds if empty
        except OSError:
            return
        folder = folder.parent


@click.command("clean")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), help="Output folder (default: output/).")
@click.option("-n", "--dry-run", is_flag=True, help="List what would be removed, remove nothing.")
@click.option("--force", is_flag=True, help="Also remove files plainsum wrote that were edited since.")
@click.pass_context
def command(ctx: click.Context, out_dir: Path | None, dry_run: bool, force: bool) -> None:
    """Remove the files that plainsum build wrote, as listed in output/.plainsum-manifest.json.

    Files you put in the output folder yourself are left alone, and so are files plainsum
    wrote that were edited since (unless --force). Folders left empty are removed.
    """
    from plainsum.build.manifest import MANIFEST_NAME, Manifest
    from plainsum.build.writer import TEMP_SUFFIX, UnsafePath, safe_output_path

    config = load_config_from(ctx)
    root = (out_dir or config.output_dir).resolve()
    manifest_path = root / MANIFEST_NAME
    if not manifest_path.is_file():
        click.echo(f"nothing to clean: {display_path(manifest_path)} does not exist")
        ctx.exit(0)
    manifest = Manifest.load(root)
    removed = kept = 0
    candidates: list[Path] = []
    for name, entry in sorted(manifest.files.items()):
        try:
            path = safe_output_path(root, *name.split("/"))
        except UnsafePath:
            continue  # a manifest edited by hand: never delete outside the output folder
        if not path.is_file() or path.is_symlink():
            continue
        if not force and not entry.matches(path) and not entry.same_content(path):
            click.echo(f"kept {display_path(path)}: changed since plainsum wrote it (use --force to remove it)", err=True)
            kept += 1
            continue
        candidates.append(path)
    candidates.extend(p for p in root.rglob(f".*{TEMP_SUFFIX}") if p.is_file() and not p.is_symlink())
    from plainsum.commands.build import FULL_REPORT
    from plainsum.content.published import published_dir, recorded_files

    candidates.extend(recorded_files(published_dir(root)))  # the published versions `plainsum diff` compares with
    report = root / FULL_REPORT  # written by build --full-report, beside the manifest
    if report.is_file() and not report.is_symlink():
        candidates.append(report)
    from plainsum.build.outdir import REPORT_RECORD, recorded_report_files

    edited = 0
    for path, unchanged in recorded_report_files(root / "report"):  # what `plainsum report` wrote there, its record last
        if unchanged or force:
            if not (edited and path.name == REPORT_RECORD):  # a file kept stays plainsum's
                candidates.append(path)
        else:
            edited += 1
            click.echo(f"kept {display_path(path)}: changed since plainsum wrote it (use --force to remove it)", err=True)
            kept += 1
    candidates.append(manifest_path)
    for path in candidates:
        if dry_run:
            click.echo(f"would remove {display_path(path)}")
            continue
        path.unlink(missing_ok=True)
        _remove_empty_parents(path, root)
        removed += 1
    if not dry_run:
        with contextlib.suppress(OSError):
            root.rmdir()
        click.echo(f"removed {removed} files from {display_path(root)}" + (f"; kept {kept} edited files" if kept else ""))
