"""The flow over one review: render, score and check each of its documents.

`plainsum check` and `plainsum build` run it through a `Project` (project.py); `serve`, `diff`
and `report` too, so every command gives the same findings for the same review.
"""

from __future__ import annotations

from plainsum.checks.context import CheckContext
from plainsum.checks.registry import registry as check_registry
from plainsum.checks.suppressions import Suppressions, suppressions_of
from plainsum.config.settings import Config
from plainsum.content.model import Review
from plainsum.gate.records import DocumentResult
from plainsum.readability.score import Scored, score_document
from plainsum.render.document import Document, render_documents
from plainsum.render.templates import TemplateSet


def evaluate(review: Review, templates: TemplateSet, config: Config, warnings: bool = True) -> list[DocumentResult]:
    """Render, score and check each document of a review (see `check_document` for `warnings`).
    Findings the review's YAML suppresses are set aside; an unused suppression is a warning."""
    suppressions = suppressions_of(review, check_registry.ids())
    results = []
    config = config.for_language(review.language).for_kind(review.kind.preset, review.language)
    context = CheckContext.of(config, templates)  # the checks share the project's templates and vocabularies
    for document in render_documents(review, templates):
        scored = score_document(document, int(config.formula_min_words(document.kind)), fallbacks=config.languages)
        results.append(check_document(document, scored, context, warnings, suppressions))
    if suppressions and results:
        last = results[-1]  # the lay summary, where the layouts put it
        last.findings.extend(suppressions.unused(last.document.name, check_registry, config))
    return results


def check_document(document: Document, scored: Scored, config: Config | CheckContext, warnings: bool = True,
                   suppressions: Suppressions | None = None) -> DocumentResult:
    """Run the checks on a scored document.

    `warnings=False` is for a build, which shows only the errors that withhold a document: only
    the checks set to "error" run (the plain-language warning checks are most of the checking
    time), and the result says that its warnings were not looked for.
    """
    severities = ("error", "warning") if warnings else ("error",)
    checked = check_registry.check(scored, config, severities, suppressions)
    return DocumentResult(document, scored, checked.findings, warnings_checked=warnings, suppressed=checked.suppressed)


def warm_up(pdf: bool, tables: bool) -> None:
    """Import what the workers need before the pool forks, so each does not import it again;
    with `tables`, also load the word tables and the glossary, which forked workers then share."""
    from plainsum.checks.glossary import load_glossary, zipf_table

    if tables:
        from plainsum.readability.syllables import cmu_syllables

        cmu_syllables()
        # the English scorer's tables (the Dale-Chall forms with their inflections), made once for all workers
        from plainsum.readability.languages import ENGLISH
        from plainsum.readability.metrics import pack_of

        pack_of(ENGLISH)
        zipf_table()
        load_glossary()
        # the check modules (and their patterns) and the reading of content files, imported here once rather
        # than by each worker after the fork (about 0.1 s of CPU a worker)
        check_registry.ids()
        import plainsum.content.loader
        import plainsum.render.pymarkdown  # noqa: F401  (Python-Markdown, for the bodies that are not plain)
    if pdf:
        from plainsum.document_formats.pdf import load_weasyprint

        load_weasyprint()
