"""A check's lean results: what a `check` report needs of a document, without the document.

A DocumentResult holds the rendered document and every word's figures (hundreds of kilobytes); a
check of a library keeps one per document until the report is written. A worker turns each into a
CheckedDocument (a few kilobytes) before it crosses to the main process, so the peak memory of a
check depends on the number of findings, not on the size of the documents. (Apart from records.py:
a build, which never makes one, does not create these eight classes at each start.)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from plainsum.gate.records import Gated


@dataclass(frozen=True)
class LeanLocation:
    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class LeanSuppression:
    kind: str
    reason: str
    where: str


@dataclass
class LeanFinding:
    check: str
    severity: str
    document: str
    location: LeanLocation
    message: str
    sentence: str | None = None
    suggestion: str | None = None
    about: str | None = None
    suppression: LeanSuppression | None = None

    @property
    def subject(self) -> str:
        from plainsum.checks.registry import finding_subject

        return finding_subject(self.message, self.sentence, self.about)


@dataclass(frozen=True)
class LeanLanguage:
    code: str
    name: str


@dataclass(frozen=True)
class LeanSection:
    heading: str | None
    figures: dict[str, float]
    formulas_applied: bool


@dataclass
class LeanScored:
    figures: dict[str, float]
    sections: list[LeanSection]
    language: LeanLanguage
    skipped_checks: tuple[str, ...]
    not_scored: dict[str, int]


@dataclass(frozen=True)
class LeanDocument:
    name: str
    kind: str
    title: str
    source_path: str
    language: str
    first_place: LeanLocation  # where a finding about the whole document points (the ratchet's)


@dataclass
class CheckedDocument(Gated):
    """A document's result as a `check` report reads it: like a DocumentResult, without the document."""

    document: LeanDocument
    scored: LeanScored
    findings: list[LeanFinding]
    warnings_checked: bool = True
    suppressed: list[LeanFinding] = field(default_factory=list)
    # the JSON report's "sections" and "sentences" of this document, already written (compact), and
    # zlib-compressed: a tenth of the size, so a check of a library holds tens of megabytes, not hundreds.
    # With `json_span`, it is the document's whole JSON, written in the worker (so the parent of
    # `check --jobs N` only joins the documents), and the span is where "sections" and "sentences" are
    # in it: a report whose findings changed (a baseline's) writes the rest again around them.
    scored_json: bytes | None = None
    json_span: tuple[int, int] | None = None
