"""plainsum translate export|import: a lay summary out to translators as XLIFF 1.2, and back in."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import TYPE_CHECKING

import click

from plainsum.commands import load_project_from
from plainsum.errors import EXIT_FAILED, EXIT_INVALID, EXIT_OK, InputError, Problem, display_path

if TYPE_CHECKING:
    from plainsum.content.model import Review
    from plainsum.files.yamlsource import Node
    from plainsum.project.project import Project


@click.group("translate")
def command() -> None:
    """Exchange a review's lay summary with translation tools (Phrase, Trados, Weblate) as XLIFF 1.2."""


def _review(project: Project, review_id: str) -> Review:
    """Review ID as every command reads it: found by the project's discovery (a file that cannot be
    read, a link out of the project and an id used twice are its problems), loaded with the
    project's templates and its earlier version."""
    content = project.config.content_dir
    found = project.discover([])
    own = [problem for problem in found.problems
           if Path(problem.path).stem == review_id or f"review id '{review_id}'" in problem.message]
    if own:
        raise InputError(own)
    path = next((path for path in found.files if path.stem == review_id), None)
    if path is None:
        raise InputError([Problem(display_path(content / f"{review_id}.yaml"), 1, 1,
                                  f"no review '{review_id}' in {display_path(content)}")])
    return project.load_review(path)


def _translation(project: Project, review: Review, language: str) -> Review | None:
    from plainsum.content.translation import load_translation

    path = review.source.path.parent / f"{review.id}.{language}.yaml"
    return load_translation(path, review, project.templates.locale) if path.is_file() else None


@command.command("export")
@click.argument("review_id", metavar="ID")
@click.option("--lang", "language", required=True, help="The language to translate into (es, fr, pt-BR).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Where to write the XLIFF (default: ID.LANG.xlf in the current folder; - for standard output).")
@click.pass_context
def export_command(ctx: click.Context, review_id: str, language: str, output: Path | None) -> None:
    """Write the lay summary of review ID as XLIFF 1.2: one unit per field, the current translation as its target.

    Exit code: 0 written, 2 no such review, or its files are invalid.
    """
    from plainsum.build.writer import write_atomic
    from plainsum.content.locale import normal_code
    from plainsum.importers.xliff import export

    project = load_project_from(ctx)
    if re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", language) is None:  # a BCP 47 tag; it names files too
        raise click.BadParameter(f"'{language}' is not a language code such as es, fr or pt-BR", param_hint="--lang")
    language = normal_code(language)
    review = _review(project, review_id)
    if language == review.language:
        raise click.BadParameter(f"'{language}' is the review's own language", param_hint="--lang")
    data = export(review, language, _translation(project, review, language), project.templates)
    if output is not None and str(output) == "-":
        click.echo(data.decode("utf-8"), nl=False)
        ctx.exit(EXIT_OK)
    target = output or Path(f"{review_id}.{language}.xlf")
    write_atomic(target, data)
    click.echo(f"wrote {display_path(target)}")
    ctx.exit(EXIT_OK)


@command.command("import")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--translator", "translators", multiple=True, metavar="NAME",
              help="Who translated it (repeatable); required for a new translation, replaces the list when given.")
@click.pass_context
def import_command(ctx: click.Context, file: Path, translators: tuple[str, ...]) -> None:
    """Write content/ID.LANG.yaml from a translated XLIFF and run the translation checks on it.

    Only fields whose text changed are rewritten; an unchanged file is left as it is. Every unit
    that cannot be taken (unknown id, no target) is reported at its line. Findings of the checks
    are reported at the XLIFF unit they are about. Exit code: 0 written and passing, 1 a check
    failed, 2 the XLIFF cannot be read or a unit could not be taken.
    """
    from plainsum.importers.xliff import parse

    project = load_project_from(ctx)
    parsed = parse(file)
    review = _review(project, parsed.review_id)
    ctx.exit(_apply(project, review, parsed, file, list(translators)))


def _apply(project: Project, review: Review, parsed: object, file: Path, translators: list[str]) -> int:
    from plainsum.build.writer import write_atomic
    from plainsum.content.model import digest
    from plainsum.content.translation import source_fields, term_fields
    from plainsum.importers.xliff import Parsed, new_text, update_text

    assert isinstance(parsed, Parsed)
    shown = display_path(file)
    wanted = source_fields(review)
    term_names = term_fields(review)  # a trial's names: taken like fields, with no source version
    problems: list[Problem] = []
    taken: dict[str, str] = {}
    versions: dict[str, str] = {}
    lines: dict[str, int] = {}
    for unit in parsed.units:
        if unit.key in term_names:
            lines[unit.key] = unit.line
            if unit.target and unit.target.strip():
                taken[unit.key] = unit.target
            else:
                problems.append(Problem(shown, unit.line, 1, f"unit '{unit.key}' has no translation (no <target>); not imported"))
            continue
        if unit.key not in wanted:
            problems.append(Problem(shown, unit.line, 1, f"unit '{unit.key}' is not a field of the lay summary of {review.id} "
                                                         f"(its fields: {', '.join(wanted)}); not imported"))
            continue
        lines[unit.key] = unit.line
        if not unit.target or not unit.target.strip():
            problems.append(Problem(shown, unit.line, 1, f"unit '{unit.key}' has no translation (no <target>); not imported"))
            continue
        taken[unit.key] = unit.target
        versions[unit.key] = unit.version or digest(wanted[unit.key].template)
    path = review.source.path.parent / f"{review.id}.{parsed.language}.yaml"
    today = datetime.date.today()
    existing = _translation_fields(path)
    if existing is not None:
        text, root, current = existing
        changes = {key: value for key, value in taken.items() if key not in current or not _same(current[key], value)}
        new = update_text(text, root, changes, versions, today) if set(taken) <= set(current) else None
        if new is None:  # a field the file does not have yet: write it anew, with its translators
            names = translators or _translators(root)
            new = new_text(review, parsed.language, names, {**current, **taken}, {**_versions(root, text), **versions}, today)
        if translators:
            new = _replace_translators(new, translators)
    else:
        if not translators:
            raise InputError([Problem(shown, 1, 1, f"{display_path(path)} does not exist yet: name who translated it "
                                                   "with --translator NAME")])
        new = new_text(review, parsed.language, translators, taken, versions, today)
    if existing is None or new != existing[0]:
        write_atomic(path, new.encode("utf-8"))
        click.echo(f"wrote {display_path(path)} ({len(taken)} of {len(wanted) + len(term_names)} fields from {shown})")
    else:
        click.echo(f"{display_path(path)} is unchanged: every field of {shown} is as it was")
    for problem in problems:
        click.echo(str(problem), err=True)
    failed = _check(project, review, path, shown, lines)
    if problems:
        return EXIT_INVALID
    return EXIT_FAILED if failed else EXIT_OK


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def _translation_fields(path: Path) -> tuple[str, Node, dict[str, str]] | None:
    """The translation file's text, its tree and its fields' texts by key, or None when there is none."""
    from plainsum.files.yamlsource import load_yaml

    if not path.is_file():
        return None
    source, root = load_yaml(path, display_path(path))
    fields: dict[str, str] = {}

    def walk(node: object, prefix: str) -> None:
        value = getattr(node, "value", None)
        if isinstance(value, dict):
            for key, child in value.items():
                walk(child, f"{prefix}.{key}" if prefix else key)
        elif isinstance(value, list):
            for index, child in enumerate(value):
                walk(child, f"{prefix}.{index}")
        elif isinstance(value, str) and (prefix == "plain_title" or prefix.startswith(("summary.", "sections."))
                                         or re.fullmatch(r"terms\.[a-z_][a-z0-9_]*\.name", prefix)):
            fields[prefix] = value

    walk(root, "")
    return source.text, root, fields


def _translators(root: object) -> list[str]:
    node = getattr(root, "value", {}).get("translators")
    values = getattr(node, "value", None)
    return [str(item.value) for item in values] if isinstance(values, list) else []


def _versions(root: object, text: str) -> dict[str, str]:
    from plainsum.content.translation import version_as_written

    node = getattr(root, "value", {}).get("source_version")
    values = getattr(node, "value", None)
    return {key: str(version_as_written(entry, text)) for key, entry in values.items()} if isinstance(values, dict) else {}


def _replace_translators(text: str, translators: list[str]) -> str:
    import re

    listed = "[" + ", ".join(translators) + "]"
    return re.sub(r"(?m)^translators:[^\n#]*", lambda _: f"translators: {listed}", text, count=1)


def _check(project: Project, review: Review, path: Path, shown: str, lines: dict[str, int]) -> bool:
    """Run the checks on the written translation, as `plainsum check` does; report each finding at
    the XLIFF unit of its field."""
    from plainsum.content.translation import load_translation

    try:
        translated = load_translation(path, review, project.templates.locale)
    except InputError as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        return True
    assert translated.translation is not None
    spans = {key: (prose.node.line, prose.line_index.line_column(prose.node.end_index)[0])
             for key, prose in translated.translation.fields.items()}
    failed = False
    others = 0
    for result in project.evaluate(translated):
        for finding in result.findings:
            if finding.severity != "error" and not finding.check.startswith("translation."):
                others += 1  # the plain-language warnings: `plainsum check` lists them
                continue
            location = finding.location
            key = next((key for key, (first, last) in spans.items()
                        if location.path == translated.source.display and first <= location.line <= last), None)
            where = f"{shown}:{lines[key]}:1" if key in lines else str(location)
            unit = f" (unit {key}; {location})" if key in lines else ""
            click.echo(f"{where}: {finding.severity} [{finding.check}] {finding.message}{unit}", err=True)
            failed = failed or finding.severity == "error"
        failed = failed or not result.passed
    if others:
        click.echo(f"{others} plain-language warning{'s' if others != 1 else ''} besides: "
                   f"`plainsum check {translated.source.display}` lists them", err=True)
    return failed
