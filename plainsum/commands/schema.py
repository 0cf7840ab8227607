"""plainsum schema: the JSON Schemas of review and translation files and of plainsum.toml, for editors."""

from __future__ import annotations

import os
from pathlib import Path

import click

from plainsum.errors import EXIT_OK, display_path


@click.command("schema")
@click.argument("name", type=click.Choice(["content", "translation", "config"]))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Write the schema to FILE (default: standard output).")
def command(name: str, output: Path | None) -> None:
    """Print the JSON Schema of a review file (content), a translation file (translation) or plainsum.toml (config).

    Editors that read JSON Schema (the YAML language server in VS Code, Neovim, Helix; JetBrains)
    then flag a misspelt key or a bad value as it is typed, and complete keys and values. `plainsum
    new` and `init` write schemas/content.schema.json and the modeline that points at it.
    """
    if name == "config":
        from plainsum.gate.config_schema import config_schema_text

        text = config_schema_text()
    else:
        from plainsum.content.schema import schema_text

        text = schema_text(name)
    if output is None:
        click.echo(text, nl=False)
    else:
        from plainsum.build.writer import write_atomic

        write_atomic(output, text.encode("utf-8"))
        click.echo(f"wrote {display_path(output)}")
    click.get_current_context().exit(EXIT_OK)


def write_project_schemas(root: Path, keep_existing: bool = False) -> list[Path]:
    """Write (or bring up to date) schemas/*.schema.json in a project; the files written. With
    `keep_existing`, a schema file that exists is left as it is."""
    from plainsum.build.writer import write_atomic
    from plainsum.content.schema import SCHEMA_FOLDER, SCHEMAS, schema_text

    written = []
    for name in SCHEMAS:
        path = root / SCHEMA_FOLDER / f"{name}.schema.json"
        text = schema_text(name)
        if path.is_file() and (keep_existing or path.read_text(encoding="utf-8") == text):
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text.encode("utf-8"))
        written.append(path)
    return written


def schema_reference(review_file: Path, root: Path, name: str = "content") -> str:
    """The schema's path as the modeline of `review_file` gives it: relative to the file's folder."""
    from plainsum.content.schema import SCHEMA_FOLDER

    target = (root / SCHEMA_FOLDER / f"{name}.schema.json").resolve()
    return Path(os.path.relpath(target, review_file.parent.resolve())).as_posix()
