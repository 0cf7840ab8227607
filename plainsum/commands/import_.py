"""plainsum import: write one content file per review found in the given files."""

from __future__ import annotations

from pathlib import Path

import click

from plainsum.commands import load_config_from
from plainsum.errors import EXIT_FAILED, EXIT_INVALID, EXIT_OK, InputError, display_path


@click.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--from", "fmt", default="auto",
              type=click.Choice(["auto", "text", "cochrane-json", "ctgov-json", "pubmed-xml", "revman", "revman-web"]),
              show_default=True, help="Input format (auto: by extension, then by content).")
@click.option("--content", "content_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write content files to (default: the configured content folder).")
@click.option("--force", is_flag=True, help="Overwrite content files that already exist.")
@click.option("--kind", type=click.Choice(["cochrane-review", "cochrane-review-rationale", "cochrane-review-brief",
                                           "primary-study", "other"]),
              help="Kind of document (default: recognised from the headings).")
@click.option("--id", "review_id", help="Review id (file name) when FILES hold one review.")
@click.option("-q", "--quiet", is_flag=True, help="Do not print the notes about each imported review.")
@click.pass_context
def command(ctx: click.Context, files: tuple[Path, ...], fmt: str, content_dir: Path | None, force: bool,
            kind: str | None, review_id: str | None, quiet: bool) -> None:
    """Import abstracts and lay summaries from plain text, Cochrane JSON records, PubMed XML or RevMan 5 files,
    main results from RevMan Web data packages (.zip), and a clinical trial's results from its
    ClinicalTrials.gov record (data API v2 JSON: kind trial-results).

    Writes content/<id>.yaml per review and prints each file written. Existing files are kept
    unless --force is given. Exit code: 0 all imported, 1 some files existed and were kept,
    2 an input (or one review in it) could not be imported.
    """
    from plainsum.build.writer import write_atomic
    from plainsum.content.model import ID_PATTERN
    from plainsum.errors import Problem
    from plainsum.importers import read_input, validate

    if review_id is not None and not ID_PATTERN.match(review_id):
        raise click.BadParameter("lower-case letters, digits and hyphens only", param_hint="--id")
    target_dir = (content_dir or load_config_from(ctx).content_dir)
    problems: list[Problem] = []
    written = kept = 0
    seen: dict[str, str] = {}
    for path in files:
        if not path.exists():
            problems.append(Problem(display_path(path), 1, 1, "no such file"))
            continue
        try:
            for imported in read_input(path, fmt, kind=kind, review_id=review_id):
                if imported.where is not None:
                    problems.append(imported.where)
                    continue
                assert imported.review_id is not None and imported.yaml_text is not None
                if imported.review_id in seen:
                    problems.append(imported.problem(f"review id '{imported.review_id}' was already "
                                                     f"imported from {seen[imported.review_id]}; skipped"))
                    continue
                seen[imported.review_id] = imported.place
                invalid = validate(imported)
                if invalid:
                    problems.extend(invalid)
                    continue
                target = target_dir / f"{imported.review_id}.yaml"
                if target.exists() and not force:
                    click.echo(f"kept {display_path(target)}: it exists (use --force to overwrite)", err=True)
                    kept += 1
                    continue
                target_dir.mkdir(parents=True, exist_ok=True)
                write_atomic(target, imported.yaml_text.encode("utf-8"))
                written += 1
                click.echo(f"wrote {display_path(target)} ({imported.kind}, layout {imported.layout})")
                if not quiet:
                    for note in imported.notes:
                        click.echo(f"  note: {note}")
        except InputError as error:
            problems.extend(error.problems)
    for problem in problems:
        click.echo(str(problem), err=True)
    click.echo(f"imported {written} review{'s' if written != 1 else ''}"
               + (f", kept {kept} existing" if kept else "")
               + (f", {len(problems)} could not be imported" if problems else ""), err=True)
    ctx.exit(EXIT_INVALID if problems else EXIT_FAILED if kept else EXIT_OK)
