"""The whole flow: config -> content -> render -> score -> gate -> write -> exit code.

`plainsum check` runs the same flow without the write. `plainsum build` (plainsum/build.py)
keeps each document's result as a `DocumentRecord`: plain data that crosses process
boundaries and is kept in the build manifest, so an unchanged review is reported and indexed
without being rendered again.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from plainsum.checks import Finding, registry as check_registry
from plainsum.config import Config
from plainsum.content import Review, discover, load_review
from plainsum.errors import EXIT_FAILED, EXIT_INVALID, EXIT_OK, InputError, Problem, display_path
from plainsum.render import Document, render_documents
from plainsum.score import Scored, score_document
from plainsum.templating import TemplateSet


class _Gated:
    """What the gate decides from a document's findings: it passes when none is an error."""

    findings: list

    @property
    def passed(self) -> bool:
        return not any(finding.severity == "error" for finding in self.findings)

    @property
    def errors(self) -> list:
        return [f for f in self.findings if f.severity == "error"]


@dataclass
class DocumentResult(_Gated):
    document: Document
    scored: Scored
    findings: list[Finding]


@dataclass(frozen=True)
class DocumentRef:
    """What a report needs to know about a document, without the document."""

    name: str  # "<review id>/<kind>"
    kind: str
    review_id: str
    title: str  # the document's title (the plain title for a summary)
    review_title: str
    source: str  # the content file, as shown to the user


@dataclass(frozen=True)
class FiguresRef:
    figures: dict[str, float]


@dataclass(frozen=True)
class RecordedFinding:
    check: str
    severity: str
    document: str
    location: str  # "path:line:col"
    message: str
    sentence: str | None = None
    suggestion: str | None = None


@lru_cache(maxsize=1)
def _kept_figures() -> frozenset[str]:
    """The figures a report or the index shows; the manifest keeps only these of each document."""
    from plainsum.reporters import SHOWN_FIGURES
    from plainsum.score import METRIC_NAMES

    return frozenset(key for key, *_ in SHOWN_FIGURES) | frozenset(METRIC_NAMES)


@dataclass
class DocumentRecord(_Gated):
    """A document's result as plain data; reads like a DocumentResult (document.name, scored.figures, findings)."""

    document: DocumentRef
    scored: FiguresRef
    findings: list[RecordedFinding]
    status: str = "published"  # "published", "draft" or "withheld"
    hidden_warnings: int = 0  # warnings of a passing document not kept in the manifest (see to_json)

    @classmethod
    def of(cls, result: DocumentResult, status: str = "published", keep_warnings: bool = True) -> "DocumentRecord":
        """`keep_warnings=False`: a passing document's warnings are counted, not kept (nor located)."""
        document = result.document
        review = document.review
        ref = DocumentRef(
            name=document.name,
            kind=document.kind,
            review_id=review.id if review is not None else document.name,
            title=document.title,
            review_title=review.title if review is not None else document.title,
            source=document.source_path,
        )
        kept = result.findings if keep_warnings or not result.passed else result.errors
        findings = [
            RecordedFinding(f.check, f.severity, f.document, str(f.location), f.message, f.sentence, f.suggestion)
            for f in kept
        ]
        figures = {key: float(value) for key, value in result.scored.figures.items()}
        return cls(ref, FiguresRef(figures), findings, status, len(result.findings) - len(kept))

    def to_json(self) -> dict[str, Any]:
        """For the manifest. A passing document's warnings are only counted: the report shows
        them only with --verbose, which renders such a document again, and keeping every
        warning with its sentence made the manifest of the corpus tens of megabytes."""
        kept = self.findings if not self.passed else self.errors
        return {
            "document": asdict(self.document),
            "figures": {name: value for name, value in self.scored.figures.items() if name in _kept_figures()},
            "findings": [asdict(f) for f in kept],
            "status": self.status,
            "hidden_warnings": self.hidden_warnings + len(self.findings) - len(kept),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "DocumentRecord":
        return cls(
            DocumentRef(**data["document"]),
            FiguresRef(dict(data["figures"])),
            [RecordedFinding(**f) for f in data["findings"]],
            data["status"],
            data.get("hidden_warnings", 0),
        )


@dataclass
class Outcome:
    problems: list[Problem] = field(default_factory=list)
    # check: DocumentResult; build: DocumentRecord (same reading interface)
    results: list[Any] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    withheld: list[Any] = field(default_factory=list)
    drafts: list[Any] = field(default_factory=list)
    rendered_reviews: int = 0  # reviews rendered in this build (the rest were up to date)
    skipped_reviews: int = 0

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
        scored = score_document(document, int(config.formula_min_words(document.kind)))
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
