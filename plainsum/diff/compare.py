"""Compare each review with its earlier version: data, documents, figures, gate, re-check list.

Only reviews whose content file differs from the baseline are loaded and rendered (both
versions, with the current templates and configuration, so the comparison shows what the
content change does); a file with the same bytes costs one hash.
"""

from __future__ import annotations

from pathlib import Path

from plainsum.checks import hard_reasons
from plainsum.config.settings import Config
from plainsum.content.changes import changes_of
from plainsum.content.model import Review
from plainsum.diff.model import DiffOutcome, DocumentDiff, Figures, ReviewDiff, SentenceChange
from plainsum.diff.recheck import recheck
from plainsum.diff.sentences import compare_sentences
from plainsum.diff.sources import Baseline, GitBaseline
from plainsum.errors import InputError, Problem, display_path
from plainsum.gate.records import DocumentResult
from plainsum.project.project import Project


def figures(result: DocumentResult, config: Config) -> Figures:
    scored = result.scored
    limits = config.sentence_limits(result.document.kind)
    hard = sum(1 for sentence in scored.sentences if hard_reasons(sentence, limits))
    return Figures(round(scored.figures.get("flesch_kincaid_grade", 0.0), 1), int(scored.figures.get("words", 0)), hard, result.passed)


def _sentences(old: DocumentResult, new: DocumentResult) -> list[SentenceChange]:
    changes = []
    for pair in compare_sentences(old.scored.sentences, new.scored.sentences):
        old_at = old.document.locate(pair.old.offset, pair.old.text) if pair.old is not None else None
        new_at = new.document.locate(pair.new.offset, pair.new.text) if pair.new is not None else None
        sentence = pair.new or pair.old
        assert sentence is not None
        changes.append(SentenceChange(
            pair.status,
            " ".join(pair.old.text.split()) if pair.old is not None else None,
            " ".join(pair.new.text.split()) if pair.new is not None else None,
            old_at, new_at, sentence.section, pair.marks,
        ))
    return changes


def compare_reviews(old: Review, new: Review, project: Project, source: str) -> ReviewDiff | None:
    """The differences between two versions of a review, or None when there are none."""
    config = project.config
    new.previous = old
    before = project.evaluate(old, warnings=False)
    after = project.evaluate(new, warnings=False)
    changes = changes_of(new)
    assert changes is not None
    documents = []
    for old_result, new_result in zip(before, after, strict=True):
        documents.append(DocumentDiff(
            new_result.document.kind, new_result.document.title, _sentences(old_result, new_result),
            figures(old_result, config), figures(new_result, config),
        ))
    if not changes and not any(document.changed for document in documents):
        return None
    return ReviewDiff(new.id, source, "changed", new.title, changes, documents, recheck(old, new, changes, after))


def _added(review: Review, project: Project) -> ReviewDiff:
    documents = [DocumentDiff(r.document.kind, r.document.title, [], None, figures(r, project.config))
                 for r in project.evaluate(review, warnings=False)]
    return ReviewDiff(review.id, review.source.display, "added", review.title, None, documents)


def diff(paths: list[Path], project: Project | Config, baseline: Baseline) -> DiffOutcome:
    project = project if isinstance(project, Project) else Project(project)
    config = project.config
    outcome = DiffOutcome(baseline.label, baseline.described)
    found = project.discover(paths)
    outcome.problems.extend(found.problems)
    if outcome.problems:
        return outcome
    files = found.files
    folders = [path for path in (paths or [config.content_dir]) if path.is_dir()]
    if isinstance(baseline, GitBaseline):
        baseline.list_tree([*folders, *(path for path in files if not any(path.parent == f for f in folders))])
    changed: list[tuple[Path, bytes]] = []
    for path in files:
        try:
            data = path.read_bytes()
        except OSError as error:
            outcome.problems.append(Problem(display_path(path), 1, 1, f"cannot read: {error.strerror or error}"))
            continue
        if baseline.same(path, data):
            outcome.unchanged += 1
        else:
            changed.append((path, data))
    if isinstance(baseline, GitBaseline):
        baseline.fetch([baseline.relative(path) for path, _ in changed])
    for path, data in changed:
        try:
            new = project.load_review(path, data, previous=False)
            old_data = baseline.old(path)
            if old_data is None:
                outcome.reviews.append(_added(new, project))
                continue
            old = project.load_review(path, old_data, display=f"{baseline.label}:{new.source.display}", previous=False)
            compared = compare_reviews(old, new, project, new.source.display)
        except InputError as error:
            outcome.problems.extend(error.problems)
            continue
        if compared is None:
            outcome.unchanged += 1
        else:
            outcome.reviews.append(compared)
    if not paths or folders:
        for display, name, data in baseline.removed(files, folders):
            review_id = Path(name).stem
            try:
                title = project.load_review(Path(name), data, display=display, previous=False).title
            except InputError:
                title = review_id
            outcome.reviews.append(ReviewDiff(review_id, display, "removed", title))
    return outcome
