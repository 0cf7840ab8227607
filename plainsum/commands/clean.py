"""plainsum clean: remove what plainsum wrote to the output folder, and nothing else.

It holds the build lock while it works (a build cannot write while files are removed), and removes
a file only when it can prove plainsum wrote it inside the output folder: each is reached from the
output folder's descriptor one name at a time without following any link (a folder swapped for a
link, or a published record that is one, is refused, not followed), and unlinked there.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

import click

from plainsum.commands import load_config_from
from plainsum.errors import display_path


def _parts(path: Path, root: Path) -> list[str] | None:
    """The names from root to path, without resolving links; None for a path not below root."""
    try:
        return list(Path(os.path.abspath(path)).relative_to(root).parts)
    except ValueError:
        return None


def _regular_file(root_fd: int, parts: list[str], remove: bool = False) -> bool:
    """Whether root/parts is a regular file reached through real folders only (no link on the way);
    with `remove`, unlink it too, and True only if it was removed (an error other than "gone" raises)."""
    from plainsum.files.safeopen import OutsideError, walk_to_folder

    try:
        folder = walk_to_folder(root_fd, parts[:-1])
    except (OutsideError, OSError):
        return False
    try:
        if not stat.S_ISREG(os.stat(parts[-1], dir_fd=folder, follow_symlinks=False).st_mode):
            return False
        if remove:
            os.unlink(parts[-1], dir_fd=folder)
        return True
    except OSError as error:
        if remove and error.errno != errno.ENOENT:
            raise
        return False
    finally:
        os.close(folder)


def _remove_empty_parents(root_fd: int, parts: list[str]) -> None:
    from plainsum.files.safeopen import OutsideError, walk_to_folder

    for depth in range(len(parts) - 1, 0, -1):
        try:
            folder = walk_to_folder(root_fd, parts[: depth - 1])
        except (OutsideError, OSError):
            return
        try:
            os.rmdir(parts[depth - 1], dir_fd=folder)  # only succeeds if empty
        except OSError:
            return
        finally:
            os.close(folder)


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
    from plainsum.build.outdir import BUILDING_MARKER, REPORT_MARKER, output_lock
    from plainsum.build.writer import TEMP_SUFFIX
    from plainsum.commands.build import FULL_REPORT
    from plainsum.content.published import published_dir, recorded_files
    from plainsum.files.safeopen import open_folder

    config = load_config_from(ctx)
    root = Path(os.path.realpath(out_dir or config.output_dir))
    manifest_path = root / MANIFEST_NAME
    if not manifest_path.is_file() or manifest_path.is_symlink():
        click.echo(f"nothing to clean: {display_path(manifest_path)} does not exist")
        ctx.exit(0)
    with output_lock(root), open_folder(root) as root_fd:
        manifest = Manifest.load(root)
        kept = 0
        candidates: list[list[str]] = []
        for name, entry in sorted(manifest.files.items()):
            parts = name.split("/")
            if any(part in ("", ".", "..") for part in parts) or not _regular_file(root_fd, parts):
                continue  # a manifest edited by hand, or a link: never delete outside the output folder
            path = root.joinpath(*parts)
            if not force and not entry.matches(path) and not entry.same_content(path):
                click.echo(f"kept {display_path(path)}: changed since plainsum wrote it (use --force to remove it)", err=True)
                kept += 1
                continue
            candidates.append(parts)
        extra = [p for p in root.rglob(f".*{TEMP_SUFFIX}") if not any(q.is_symlink() for q in (p, *p.parents) if q != root
                                                                   and q.is_relative_to(root))]
        published = published_dir(root)
        if not published.is_symlink():  # the published record is plainsum's only when it is a real folder
            extra.extend(recorded_files(published))
        extra += [root / FULL_REPORT, root / BUILDING_MARKER, root / REPORT_MARKER, root / "report" / REPORT_MARKER]
        for path in extra:
            found = _parts(path, root)
            if found and _regular_file(root_fd, found) and found not in candidates:
                candidates.append(found)
        from plainsum.build.outdir import REPORT_RECORD, recorded_report_files

        edited = 0
        for path, unchanged in recorded_report_files(root / "report"):  # what `plainsum report` wrote there, its record last
            found = _parts(path, root)
            if not found or not _regular_file(root_fd, found):
                continue
            if unchanged or force:
                if not (edited and path.name == REPORT_RECORD):  # a file kept stays plainsum's
                    candidates.append(found)
            else:
                edited += 1
                click.echo(f"kept {display_path(path)}: changed since plainsum wrote it (use --force to remove it)", err=True)
                kept += 1
        candidates.append([MANIFEST_NAME])
        removed = 0
        for parts in candidates:
            path = root.joinpath(*parts)
            if dry_run:
                click.echo(f"would remove {display_path(path)}")
                continue
            if _regular_file(root_fd, parts, remove=True):
                removed += 1
                _remove_empty_parents(root_fd, parts)
    if not dry_run:
        with contextlib.suppress(OSError):
            root.rmdir()
        click.echo(f"removed {removed} files from {display_path(root)}" + (f"; kept {kept} edited files" if kept else ""))
