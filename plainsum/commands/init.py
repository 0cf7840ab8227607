"""plainsum init: a new project of one's own, outside plainsum's repository."""

from __future__ import annotations

from pathlib import Path

import click

from plainsum.errors import EXIT_INVALID, EXIT_OK, display_path

# Files of the scaffold stored without their leading dot (package data skips dot files), and where they go.
RENAMED = {"gitignore": ".gitignore", "github": ".github", "pre-commit-config.yaml": ".pre-commit-config.yaml"}


def project_files() -> list[tuple[Path, str]]:
    """(the scaffold file, its path in the new project), for every file of the scaffold."""
    from plainsum.config.paths import scaffold_dir

    root = scaffold_dir()
    found = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        parts = list(path.relative_to(root).parts)
        parts[0] = RENAMED.get(parts[0], parts[0])
        found.append((path, "/".join(parts)))
    return found


@click.command("init")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Write into a folder that already has files (existing files are still kept).")
def command(folder: Path, force: bool) -> None:
    """Start a project in FOLDER: plainsum.toml with every setting, content/ with an example review,
    templates/ (empty, with a README on overriding), .gitignore, a CI workflow and a pre-commit hook.

    FOLDER may exist if it is empty. No file that exists is overwritten. Then:
    `cd FOLDER && plainsum build` (or `plainsum serve` to preview while you edit).
    """
    from plainsum import __version__

    ctx = click.get_current_context()
    if folder.exists() and any(folder.iterdir()) and not force:
        click.echo(f"{display_path(folder)}: the folder is not empty; give a new folder (or --force to add the "
                   "files that are missing)", err=True)
        ctx.exit(EXIT_INVALID)
    written = kept = 0
    for source, relative in project_files():
        target = folder / relative
        if target.exists():
            click.echo(f"kept {display_path(target)}: it exists", err=True)
            kept += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8")
        if relative.startswith(".github/"):
            text = text.replace("{version}", __version__)
        target.write_text(text, encoding="utf-8")
        written += 1
    from plainsum.commands.schema import write_project_schemas

    written += len(write_project_schemas(folder, keep_existing=True))  # schemas/*.schema.json, which the example review's first line names
    click.echo(f"created a plainsum project in {display_path(folder)} ({written} files"
               + (f", {kept} kept" if kept else "") + ")")
    click.echo(f"next: cd {folder} && plainsum build    (or: plainsum serve, plainsum new my-review)")
    ctx.exit(EXIT_OK)
