"""The work on one review in a build: render, score, check and write its documents.

It runs in a worker process of the build's pool, or in the build's own process with --jobs 1
or a single review to render. The planning process (plainsum/build.py) imports this module only
when something is to be rendered, so a build with nothing to do never loads this code.
"""

from __future__ import annotations

import contextlib
import dataclasses
from pathlib import Path

from jinja2 import TemplateError

from plainsum.build.manifest import FileEntry, sha256_bytes
from plainsum.build.tasks import BuildOptions, Built, Task, format_key, link_languages, output_language, output_name
from plainsum.build.writer import UnsafePath, write_files
from plainsum.document_formats import RenderContext
from plainsum.document_formats import registry as format_registry
from plainsum.errors import InputError, Problem, display_path
from plainsum.gate.records import DocumentRecord
from plainsum.gate.sections import matched_sections
from plainsum.project.project import Project
from plainsum.render.jinjaloader import OVERRIDE_ERRORS

_WORKER: dict[str, object] = {}


def init_worker(project: Project, options: BuildOptions, in_child: bool) -> None:
    if in_child:
        from plainsum.project.pool import in_worker

        in_worker()
    _WORKER.update(project=project, options=options, context=RenderContext(project.templates, project.config), forked=in_child)
    _WORKER.pop("row", None)  # the index row macro of the templates of an earlier project


def build_review(task: Task) -> Built:
    project: Project = _WORKER["project"]  # type: ignore[assignment]
    options: BuildOptions = _WORKER["options"]  # type: ignore[assignment]
    context: RenderContext = _WORKER["context"]  # type: ignore[assignment]
    templates = project.templates
    built = Built(task.source, task.key, formats=task.formats)
    try:
        _render_review(task, built, project, options, context)
    except InputError as error:
        built.problems = error.problems
    except UnsafePath as error:  # a link in the output folder that leads out of it
        built.problems = [Problem(display_path(options.output_dir), 1, 1, str(error))]
    except OVERRIDE_ERRORS as error:  # in a project's template override (the defaults are tested), at its line
        built.problems = [templates.override_problem(error, f"the documents of {Path(task.source).stem}")]
    except OSError as error:  # the environment's: a full disk, a read-only folder (the outputs before stay whole)
        where = str(error.filename) if error.filename else str(options.output_dir)
        built.problems = [Problem(display_path(Path(where)), 1, 1, f"cannot write: {error.strerror or error}")]
    if _WORKER["forked"] and not options.verbose and built.documents:
        # Sent back once, as the manifest keeps them: without --verbose a record holds what to_json keeps (a
        # passing document's warnings are counted, not kept, in both), so the parent makes each record again
        # from its JSON (DocumentRecord.from_json, equal to it) instead of unpickling both (about 30 us a review)
        built.records = []
    return built


def _render_review(task: Task, built: Built, project: Project, options: BuildOptions, context: RenderContext) -> None:
    config, templates = project.config, project.templates
    review = project.load_review(Path(task.source))  # with its earlier version, for results.stale and `changes`
    built.language = review.language
    translations, problems, _ = project.translations(review)
    if problems:
        raise InputError(problems)
    versions = [review, *translations]
    results = [result for version in versions for result in project.evaluate(version, warnings=options.verbose)]
    built.review_id = review.id
    written_kinds = tuple(result.document.kind for result in results if result.passed or options.draft)
    context = dataclasses.replace(context, published=written_kinds)  # for the pages' links to each other
    to_write = []
    for result in results:
        status = "published"
        gated = matched_sections(config, result.document.kind, (s.heading for s in result.scored.sections))
        if not result.passed:
            if not options.draft:
                built.records.append(DocumentRecord.of(result, "withheld", gated_sections=gated))
                continue
            result.document.draft = True
            status = "draft"
        built.records.append(DocumentRecord.of(result, status, keep_warnings=options.verbose, gated_sections=gated))
        to_write.append(result)
    link_languages([result.document for result in to_write if result.document.kind == "summary"], templates)
    context = dataclasses.replace(context, documents=tuple(result.document for result in to_write))
    outputs: list[tuple[str, bytes]] = []
    formats: list[str] = []
    for result in to_write:
        for name in task.formats:
            fmt = format_registry[name]
            if result.document.kind not in fmt.kinds:
                continue
            for extension, variant in fmt.outputs(config):
                render_context = context if variant is config else dataclasses.replace(context, config=variant)
                data = fmt.render(result.document, result.scored, render_context)
                outputs.append((output_name(review.id, result.document.kind, extension, output_language(result.document)), data))
                formats.append(name)
    # written once all are rendered: the files of a folder through one descriptor of it
    for (relative, data), name, written in zip(outputs, formats, write_files(options.output_dir, outputs), strict=True):
        entry = FileEntry(written.size, written.mtime_ns, sha256_bytes(data), format_key(task.key, name, config))
        built.files[relative] = (name, entry, written.changed)
    built.documents = [record.to_json() for record in built.records]  # the parent keeps them in the manifest as they are
    # a project's template override that fails: the planner renders the row, and says what is wrong
    with contextlib.suppress(TemplateError):
        built.index_row = _index_row(built, project, options)


def _index_row(built: Built, project: Project, options: BuildOptions) -> str:
    """The review's row of the index for the outputs written now (plainsum/build/index.py)."""
    from plainsum.build.index import render_row, row_macro
    from plainsum.build.manifest import ReviewEntry

    if "row" not in _WORKER:
        _WORKER["row"] = row_macro(project.templates)
    assert built.review_id is not None
    entry = ReviewEntry(built.source, built.review_id, built.key, options.draft, built.documents or [],
                        {relative: name for relative, (name, _, _) in built.files.items()})
    return render_row(entry, _WORKER["row"], project.config.formula_min_words("summary"))
