"""The whole flow: config -> content -> render -> score -> gate -> write -> exit code.

`plainsum check` runs the same flow without the write.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from plainsum.checks import Finding, registry as check_registry
from plainsum.config import Config
from plainsum.content import Review, discover, load_review
from plainsum.errors import EXIT_FAILED, EXIT_INVALID, EXIT_OK, InputError, Problem, display_path
from plainsum.render import Document, render_documents
from plainsum.score import Scored, score_document
from plainsum.templating import TemplateSet


@dataclass
class DocumentResult:
    document: Document
    scored: Scored
    findings: list[Finding]

    @property
    def passed(self) -> bool:
        return not any(finding.severity == "error" for finding in self.findings)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]


@dataclass
class Outcome:
    problems: list[Problem] = field(default_factory=list)
    results: list[DocumentResult] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    withheld: list[DocumentResult] = field(default_factory=list)
    drafts: list[DocumentResult] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        if self.problems:
            return EXIT_INVALID
        if any(not result.passed for result in self.results):
            return EXIT_FAILED
        return EXIT_OK


def load_reviews(paths: list[Path], config: Config, outcome: Outcome) -> list[Review]:
    reviews: list[Review] = []
    files = discover(paths, config.content_dir)
    if not files:
        where = ", ".join(map(display_path, paths)) if paths else display_path(config.content_dir)
        outcome.problems.append(Problem(where, 1, 1, "no review files (*.yaml) found"))
    seen: dict[str, str] = {}
    for path in files:
        if not path.exists():
            outcome.problems.append(Problem(display_path(path), 1, 1, "no such file"))
            continue
        try:
            review = load_review(path)
        except InputError as error:
            outcome.problems.extend(error.problems)
            continue
        if review.id in seen:
            outcome.problems.append(Problem(review.source.display, 1, 1, f"review id '{review.id}' is also used by {seen[review.id]}"))
            continue
        seen[review.id] = review.source.display
        reviews.append(review)
    return reviews


def evaluate(review: Review, templates: TemplateSet, config: Config) -> list[DocumentResult]:
    results = []
    for document in render_documents(review, templates):
        scored = score_document(document)
        results.append(DocumentResult(document, scored, check_registry.run(scored, config)))
    return results


def check(paths: list[Path], config: Config) -> Outcome:
    """Everything but the write."""
    outcome = Outcome()
    templates = TemplateSet(config.templates_dir)
    for review in load_reviews(paths, config, outcome):
        try:
            outcome.results.extend(evaluate(review, templates, config))
        except InputError as error:
            outcome.problems.extend(error.problems)
    return outcome
