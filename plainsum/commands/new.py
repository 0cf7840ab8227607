"""plainsum new: start a review file with every key of its kind and layout in place."""

from __future__ import annotations

from pathlib import Path

import click

from plainsum.commands import load_config_from
from plainsum.errors import EXIT_INVALID, EXIT_OK, display_path

KIND_NAMES = ("cochrane-review", "cochrane-review-rationale", "cochrane-review-brief", "primary-study", "trial-results",
              "other")
LAYOUT_NAMES = ("classic", "cochrane-2021", "as-published", "study", "eu-annex-v")


@click.command("new")
@click.argument("review_id", metavar="ID")
@click.option("--kind", type=click.Choice(KIND_NAMES), help="Kind of document (default: cochrane-review, or what --from holds).")
@click.option("--layout", type=click.Choice(LAYOUT_NAMES), help="Lay summary layout (default: the kind's first).")
@click.option("--from", "from_file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Fill the keys from a file plainsum import reads (text, Cochrane JSON, PubMed XML, RevMan .rm5, "
                   "a RevMan Web data package .zip).")
@click.option("--content", "content_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write to (default: the configured content folder).")
@click.option("--force", is_flag=True, help="Overwrite the file if it exists.")
@click.pass_context
def command(ctx: click.Context, review_id: str, kind: str | None, layout: str | None, from_file: Path | None,
            content_dir: Path | None, force: bool) -> None:
    """Write content/ID.yaml: every key of the kind and layout, each commented, valid as written.

    Placeholders start with TODO; `plainsum check` reports the ones left as unfinished
    (content.unfinished) until they are written. Exit code: 0 written, 2 bad usage or an
    input that cannot be read.
    """
    import yaml

    from plainsum.build.writer import write_atomic
    from plainsum.content.kinds import KINDS
    from plainsum.content.model import ID_PATTERN
    from plainsum.importers import read_input
    from plainsum.importers.skeleton import skeleton

    if not ID_PATTERN.match(review_id):
        raise click.BadParameter("lower-case letters, digits and hyphens only", param_hint="ID")
    imported: dict[str, object] = {}
    import_notes: tuple[str, ...] = ()
    if from_file is not None:
        drafts = list(read_input(from_file, "auto", kind=kind, review_id=review_id))
        if len(drafts) != 1:
            raise click.BadParameter(f"{display_path(from_file)} holds {len(drafts)} reviews; give a file with one",
                                     param_hint="--from")
        if drafts[0].where is not None:
            click.echo(str(drafts[0].where), err=True)
            ctx.exit(EXIT_INVALID)
        imported = yaml.safe_load(drafts[0].yaml_text or "") or {}
        if from_file.suffix.lower() == ".zip":  # a data package: what it could not give (GRADE certainty), kept as comments
            import_notes = tuple(drafts[0].notes)
    chosen_kind = kind or str(imported.get("kind") or "cochrane-review")
    layouts = KINDS[chosen_kind].layouts
    chosen_layout = layout or (str(imported["layout"]) if imported.get("layout") in layouts else layouts[0])
    if chosen_layout not in layouts:
        raise click.BadParameter(f"the layout '{chosen_layout}' is not available for {chosen_kind}; "
                                 f"choose one of: {', '.join(layouts)}", param_hint="--layout")
    config = load_config_from(ctx)
    target = (content_dir or config.content_dir) / f"{review_id}.yaml"
    if target.exists() and not force:
        click.echo(f"{display_path(target)}: exists; choose another ID, or --force to overwrite it", err=True)
        ctx.exit(EXIT_INVALID)
    text, notes = skeleton(review_id, chosen_kind, chosen_layout, imported)
    if import_notes:
        text = "".join(f"# NOTE: {note}\n" for note in import_notes) + text
        notes = [*import_notes, *notes]
    from plainsum.commands.schema import schema_reference, write_project_schemas
    from plainsum.content.schema import modeline

    # the first line points an editor at the schema, which validates and completes the file as it is typed
    text = modeline(schema_reference(target, config.root)) + "\n" + text
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, text.encode("utf-8"))
    click.echo(f"wrote {display_path(target)} ({chosen_kind}, layout {chosen_layout})")
    for schema in write_project_schemas(config.root):
        click.echo(f"wrote {display_path(schema)} (the JSON Schema the first line of the review file names, for editors)")
    for note in notes:
        click.echo(f"  note: {note}")
    click.echo(f"next: fill in the TODOs, then `plainsum check {display_path(target)}`")
    ctx.exit(EXIT_OK)
