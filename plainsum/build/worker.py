"""The work on one review in a build: render, score, check and write its documents.

It runs in a worker process of the build's pool, or in the build's own process with --jobs 1
or a single review to render. The planning process (plainsum/build.py) imports this module only
when something is to be rendered, so a build with nothing to do never loads this code.
"""

from __future__ import annotations

import dataclasses
import os
import signal
import sys
from pathlib import Path

from jinja2 import TemplateError

from plainsum.build.manifest import FileEntry, sha256_bytes
from plainsum.build.tasks import BuildOptions, Built, Task, format_key, link_languages, output_language, output_name
from plainsum.build.writer import UnsafePath, safe_output_path, write_file
from plainsum.config.settings import Config
from plainsum.content.loader import load_review
from plainsum.content.published import PublishedRecord, attach_previous, read_index
from plainsum.document_formats import RenderContext
from plainsum.document_formats import registry as format_registry
from plainsum.errors import InputError, Problem, display_path
from plainsum.gate.records import DocumentRecord
from plainsum.gate.sections import matched_sections
from plainsum.pipeline import evaluate, load_translations
from plainsum.render.templates import TemplateSet

_WORKER: dict[str, object] = {}


def init_worker(config: Config, options: BuildOptions, in_child: bool) -> None:
    if in_child:
        # Ctrl-C is the parent's to handle; and a worker must not outlive a parent killed outright,
        # or it would go on writing files after the build was stopped.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _die_with_parent()
    templates = TemplateSet(config.templates_dir, config.root)
    _WORKER.update(config=config, options=options, templates=templates, context=RenderContext(templates, config),
                   published=read_index(options.output_dir))


def _die_with_parent() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() == 1:  # the parent died before prctl took effect
        os._exit(1)


def build_review(task: Task) -> Built:
    config: Config = _WORKER["config"]  # type: ignore[assignment]
    options: BuildOptions = _WORKER["options"]  # type: ignore[assignment]
    templates: TemplateSet = _WORKER["templates"]  # type: ignore[assignment]
    context: RenderContext = _WORKER["context"]  # type: ignore[assignment]
    built = Built(task.source, task.key, formats=task.formats)
    try:
        _render_review(task, built, config, options, templates, context)
    except InputError as error:
        built.problems = error.problems
    except TemplateError as error:  # in a project's template override (the defaults are tested)
        built.problems = [templates.problem(error, f"the documents of {Path(task.source).stem}")]
    except UnsafePath as error:  # a link in the output folder that leads out of it
        built.problems = [Problem(display_path(options.output_dir), 1, 1, str(error))]
    return built


def _render_review(task: Task, built: Built, config: Config, options: BuildOptions, templates: TemplateSet,
                   context: RenderContext) -> None:
    review = load_review(Path(task.source), templates=templates)
    built.language = review.language
    published: dict[str, PublishedRecord] = _WORKER["published"]  # type: ignore[assignment]
    if published:  # the earlier version, for results.stale and the templates' `changes`
        attach_previous(review, options.output_dir, published)
    problems: list[Problem] = []
    versions = [review, *load_translations(review, templates, problems)]
    if problems:
        raise InputError(problems)
    results = [result for version in versions for result in evaluate(version, templates, config, warnings=options.verbose)]
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
    for result in to_write:
        for name in task.formats:
            fmt = format_registry[name]
            if result.document.kind not in fmt.kinds:
                continue
            for extension, variant in fmt.outputs(config):
                render_context = context if variant is config else dataclasses.replace(context, config=variant)
                data = fmt.render(result.document, result.scored, render_context)
                relative = output_name(review.id, result.document.kind, extension, output_language(result.document))
                target = safe_output_path(options.output_dir, *relative.split("/"))
                written = write_file(target, data)
                entry = FileEntry(written.size, written.mtime_ns, sha256_bytes(data), format_key(task.key, name, config))
                built.files[relative] = (name, entry, written.changed)


def warm_up(pdf: bool, tables: bool) -> None:
    """Import what the workers need before the pool forks, so each does not import it again;
    with `tables`, also load the word tables and the glossary, which forked workers then share."""
    from plainsum.checks import load_glossary, zipf_table

    if tables:
        from plainsum.readability.syllables import cmu_syllables

        cmu_syllables()
        zipf_table()
        load_glossary()
    if pdf:
        from plainsum.document_formats.pdf import load_weasyprint

        load_weasyprint()
