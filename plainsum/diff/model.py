"""What `plainsum diff` found, as plain data: per review, its data changes, the changed sentences
of each document with figures and gate status before and after, and the sentences to read again."""

from __future__ import annotations

from dataclasses import dataclass, field

from plainsum.content.changes import Changes
from plainsum.diff.sentences import WordMark
from plainsum.errors import EXIT_FAILED, EXIT_INVALID, EXIT_OK, Problem
from plainsum.render.document import Location


@dataclass(frozen=True)
class Figures:
    grade: float
    words: int
    hard_sentences: int
    passed: bool

    @property
    def gate(self) -> str:
        return "pass" if self.passed else "fail"


@dataclass(frozen=True)
class SentenceChange:
    status: str  # "added", "removed" or "changed"
    old: str | None
    new: str | None
    old_location: Location | None
    new_location: Location | None
    section: str | None
    marks: tuple[WordMark, ...] = ()

    @property
    def location(self) -> Location:
        where = self.new_location or self.old_location
        assert where is not None
        return where


@dataclass
class DocumentDiff:
    kind: str  # "abstract" or "summary"
    title: str
    sentences: list[SentenceChange]
    before: Figures | None
    after: Figures | None

    @property
    def changed(self) -> bool:
        return bool(self.sentences) or self.before != self.after

    def count(self, status: str) -> int:
        return sum(1 for sentence in self.sentences if sentence.status == status)


@dataclass(frozen=True)
class RecheckItem:
    """A sentence written by hand that the author should read again, and why."""

    location: Location
    document: str
    sentence: str
    reasons: tuple[str, ...]


@dataclass
class ReviewDiff:
    id: str
    source: str  # the content file, as shown to the user
    status: str  # "changed", "added" or "removed"
    title: str
    changes: Changes | None = None
    documents: list[DocumentDiff] = field(default_factory=list)
    recheck: list[RecheckItem] = field(default_factory=list)

    @property
    def whats_new(self) -> str:
        return self.changes.whats_new if self.changes is not None else ""


@dataclass
class DiffOutcome:
    since: str  # what the user asked for: a revision or "published"
    described: str  # "revision HEAD~1 (3f2a1c9e0b)"
    reviews: list[ReviewDiff] = field(default_factory=list)  # only those that differ
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        if self.problems:
            return EXIT_INVALID
        return EXIT_FAILED if self.reviews else EXIT_OK
