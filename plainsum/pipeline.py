"""The whole flow: config -> content -> render -> score -> gate -> write -> exit code.

`plainsum check` runs the same flow without the write. `plainsum build` (plainsum/build/)
keeps each document's result as a `DocumentRecord` (plainsum/gate/records.py).
"""

from __future__ import annotations

from pathlib import Path

from plainsum.checks import Suppressions, suppressions_of
from plainsum.checks import registry as check_registry
from plainsum.config.settings import Config
from plainsum.content.discovery import discover
from plainsum.content.loader import load_review
from plainsum.content.model import Review
from plainsum.errors import InputError, Problem, display_path
from plainsum.gate.records import DocumentResult, Outcome, language_of_file
from plainsum.readability.score import Scored, score_document
from plainsum.render.document import Document, render_documents
from plainsum.render.templates import TemplateSet


def load_reviews(paths: list[Path], config: Config, outcome: Outcome, templates: TemplateSet | None = None) -> list[Review]:
    reviews: list[Review] = []
    files, problems = discover(paths, config.content_dir, config.root)
    outcome.problems.extend(problems)
    for problem in problems:  # an entry that looks like a content file and is not one
        outcome.skip(problem.path)
    if not files and not problems:
        where = ", ".join(map(display_path, paths)) if paths else display_path(config.content_dir)
        outcome.problems.append(Problem(where, 1, 1, "no review files (*.yaml) found"))
    seen: dict[str, str] = {}
    from plainsum.content.published import attach_previous, read_index

    published = read_index(config.output_dir)  # what the last build published: the earlier versions
    for path in files:
        if not path.exists():
            outcome.problems.append(Problem(display_path(path), 1, 1, "no such file"))
            outcome.skip(display_path(path))
            continue
        try:
            review = load_review(path, templates=templates)
        except InputError as error:
            outcome.problems.extend(error.problems)
            outcome.skip_review(path)
            continue
        if review.id in seen:
            outcome.problems.append(Problem(review.source.display, 1, 1, f"review id '{review.id}' is also used by {seen[review.id]}"))
            outcome.skip_review(path, review.language)
            continue
        seen[review.id] = review.source.display
        if published:
            attach_previous(review, config.output_dir, published)
        reviews.append(review)
    return reviews


def load_translations(review: Review, templates: TemplateSet, problems: list[Problem],
                      outcome: Outcome | None = None) -> list[Review]:
    """The review's translations (content/<id>.<lang>.yaml) as translated reviews; the problems of
    invalid ones go into `problems`, and the files into `outcome`'s not checked ones."""
    from plainsum.content.translation import load_translation, translation_paths

    translated = []
    for path in translation_paths(review.source.path):
        try:
            translated.append(load_translation(path, review, templates.locale))
        except InputError as error:
            problems.extend(error.problems)
            if outcome is not None:
                outcome.skip(display_path(path), language_of_file(path))
    return translated


def evaluate(review: Review, templates: TemplateSet, config: Config, warnings: bool = True) -> list[DocumentResult]:
    """Render, score and check each document of a review (see `check_document` for `warnings`).
    Findings the review's YAML suppresses are set aside; an unused suppression is a warning."""
    suppressions = suppressions_of(review, check_registry.ids())
    results = []
    config = config.for_language(review.language)
    for document in render_documents(review, templates):
        scored = score_document(document, int(config.formula_min_words(document.kind)), fallbacks=config.languages)
        results.append(check_document(document, scored, config, warnings, suppressions))
    if suppressions and results:
        last = results[-1]  # the lay summary, where the layouts put it
        last.findings.extend(suppressions.unused(last.document.name, check_registry, config))
    return results


def check_document(document: Document, scored: Scored, config: Config, warnings: bool = True,
                   suppressions: Suppressions | None = None) -> DocumentResult:
    """Run the checks on a scored document.

    `warnings=False` is for a build, which shows only the errors that withhold a document: only
    the checks set to "error" run (the plain-language warning checks are most of the checking
    time), and the result says that its warnings were not looked for.
    """
    severities = ("error", "warning") if warnings else ("error",)
    checked = check_registry.check(scored, config, severities, suppressions)
    return DocumentResult(document, scored, checked.findings, warnings_checked=warnings, suppressed=checked.suppressed)


def check(paths: list[Path], config: Config) -> Outcome:
    """Everything but the write."""
    outcome = Outcome()
    templates = TemplateSet(config.templates_dir, config.root)
    for review in load_reviews(paths, config, outcome, templates):
        for version in [review, *load_translations(review, templates, outcome.problems, outcome)]:
            try:
                outcome.results.extend(evaluate(version, templates, config))
            except InputError as error:
                outcome.problems.extend(error.problems)
                outcome.skip(version.source.display, version.language)
    return outcome
