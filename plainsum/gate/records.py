"""What a check or a build found, as plain data: a document's record and the outcome of a run.

A `DocumentRecord` crosses process boundaries and is kept in the build manifest, so an
unchanged review is reported and indexed without being rendered again. This module imports
nothing heavy: a build with nothing to render never loads the rendering and checking code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from plainsum.config.figures import ALL_FIGURE_NAMES as FIGURE_NAMES
from plainsum.errors import EXIT_FAILED, EXIT_INVALID, EXIT_OK, Problem

if TYPE_CHECKING:
    from plainsum.checks import Finding
    from plainsum.readability.score import Scored
    from plainsum.render.document import Document


class Gated:
    """What the gate decides from a document's findings: it passes when none is an error."""

    findings: list[Any]

    @property
    def passed(self) -> bool:
        # most documents have no finding kept (a build keeps a passing document's warnings only as a
        # count): the empty list is answered without a generator (a no-op build asks 24,000 times)
        return not self.findings or not any(finding.severity == "error" for finding in self.findings)

    @property
    def errors(self) -> list[Any]:
        return [f for f in self.findings if f.severity == "error"]


@dataclass
class DocumentResult(Gated):
    document: Document
    scored: Scored
    findings: list[Finding]
    warnings_checked: bool = True  # False: only the checks set to "error" ran
    suppressed: list[Finding] = field(default_factory=list)  # set aside by the YAML or the config, with why


class DocumentRef(NamedTuple):
    """What a report needs to know about a document, without the document. (Tuples, like the
    two below: a no-op build of the corpus makes 6,000 of them from the manifest.)"""

    name: str  # "<review id>/<kind>"
    kind: str
    review_id: str
    title: str  # the document's title (the plain title for a summary)
    review_title: str
    source: str  # the content file, as shown to the user
    language: str = "en"  # the document's language (a translation's, for "<id>/<lang>/summary")


class FiguresRef:
    """A document's figures, as a record holds them. From the manifest they come packed (a string,
    see figures_to_json) and are unpacked when first asked: a no-op build reports every document
    but reads the figures of the failing ones only."""

    __slots__ = ("_figures", "_packed")

    def __init__(self, figures: dict[str, float] | None = None, packed: str | None = None):
        self._figures = figures
        self._packed = packed

    @property
    def figures(self) -> dict[str, float]:
        if self._figures is None:
            self._figures = figures_from_json(self._packed or "")
            self._packed = None
        return self._figures

    def packed(self) -> str:
        """The figures as figures_to_json writes them (the packed string itself while it is unread)."""
        return self._packed if self._packed is not None else figures_to_json(self.figures)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FiguresRef) and self.figures == other.figures

    def __repr__(self) -> str:
        return f"FiguresRef({self.figures!r})"

    def __getstate__(self) -> tuple[dict[str, float], None]:
        return self.figures, None

    def __setstate__(self, state: tuple[dict[str, float], None]) -> None:
        self._figures, self._packed = state


class RecordedFinding(NamedTuple):
    check: str
    severity: str
    document: str
    location: str  # "path:line:col"
    message: str
    sentence: str | None = None
    suggestion: str | None = None


def figures_to_json(figures: dict[str, float]) -> str:
    """A document's figures as the manifest keeps them: one string, the values in the order of
    FIGURE_NAMES separated by commas, each as repr() writes it (so read back exactly), nothing for a
    figure it does not have (the names, repeated for 6,000 documents, were a third of the corpus's
    manifest; a string, not a list of numbers, because parsing 100,000 numbers was a fifth of a
    no-op build's reading of the manifest, and a no-op build needs only the failing documents')."""
    values = [figures.get(name) for name in FIGURE_NAMES]
    while values and values[-1] is None:  # an English document's list ends at its last formula
        values.pop()
    return ",".join("" if value is None else repr(float(value)) for value in values)


def figures_from_json(packed: str | list[float | None]) -> dict[str, float]:
    """figures_to_json's string (or a list of the values, None for a figure not there) as a dict."""
    values = packed.split(",") if isinstance(packed, str) else packed
    if not packed:
        return {}
    return {name: float(value) for name, value in zip(FIGURE_NAMES, values, strict=False) if value is not None and value != ""}


@dataclass
class DocumentRecord(Gated):
    """A document's result as plain data; reads like a DocumentResult (document.name, scored.figures, findings)."""

    document: DocumentRef
    scored: FiguresRef
    findings: list[RecordedFinding]
    status: str = "published"  # "published", "draft" or "withheld"
    # warnings of a passing document not kept in the manifest (see to_json); None: not looked for
    hidden_warnings: int | None = 0
    suppressed: int = 0  # findings set aside by the YAML or the config
    gated_sections: tuple[str, ...] = ()  # the section gates of the config that matched one of its sections

    @classmethod
    def of(cls, result: DocumentResult, status: str = "published", keep_warnings: bool = True,
           gated_sections: tuple[str, ...] = ()) -> DocumentRecord:
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
            language=document.language,
        )
        kept = result.findings if keep_warnings or not result.passed else result.errors
        findings = [
            RecordedFinding(f.check, f.severity, f.document, str(f.location), f.message, f.sentence, f.suggestion)
            for f in kept
        ]
        figures = {key: float(value) for key, value in result.scored.figures.items()}
        hidden = len(result.findings) - len(kept) if result.warnings_checked else None
        return cls(ref, FiguresRef(figures), findings, status, hidden, len(result.suppressed), gated_sections)

    def to_json(self) -> dict[str, Any]:
        """For the manifest. A passing document's warnings are only counted (or, when a build
        did not look for them, recorded as not looked for): the report shows them only with
        --verbose, which renders such a document again, and keeping every warning with its
        sentence made the manifest of the corpus tens of megabytes."""
        kept = self.findings if not self.passed else self.errors
        data: dict[str, Any] = {
            "document": self.document._asdict(),
            "figures": self.scored.packed(),
            "findings": [f._asdict() for f in kept],
            "status": self.status,
            "hidden_warnings": None if self.hidden_warnings is None else self.hidden_warnings + len(self.findings) - len(kept),
        }
        if self.suppressed:
            data["suppressed"] = self.suppressed
        if self.gated_sections:
            data["gated_sections"] = list(self.gated_sections)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DocumentRecord:
        # a rebuild of the corpus makes 6,000 of them: the document's fields taken in order when they are
        # the fields in order (as to_json writes them), no list made for no finding
        document = data["document"]
        findings = data["findings"]
        gated = data.get("gated_sections")
        return cls(
            DocumentRef._make(document.values()) if tuple(document) == DocumentRef._fields else DocumentRef(**document),
            _figures_ref(data["figures"]),
            [RecordedFinding(**f) for f in findings] if findings else [],
            data["status"],
            data.get("hidden_warnings", 0),
            data.get("suppressed", 0),
            tuple(gated) if gated else (),
        )


def _figures_ref(stored: str | list[float | None]) -> FiguresRef:
    return FiguresRef(None, stored) if isinstance(stored, str) else FiguresRef(figures_from_json(stored))


def language_of_file(path: Path) -> str | None:
    """The language a content file's name gives: "es" for review.es.yaml; None for a review."""
    from plainsum.content.discovery import is_translation_name

    return path.name.rsplit(".", 2)[-2] if is_translation_name(path.name) else None


class Unchecked(NamedTuple):
    """A content file whose documents were not scored or gated, because of invalid input (its own, or
    its review's): reports name it, so a run that exits 2 never reads as if everything passed."""

    file: str  # as shown to the user
    language: str | None  # a translation's (from its name), a review's when it was read; None: not known


@dataclass
class Outcome:
    problems: list[Problem] = field(default_factory=list)
    not_checked: list[Unchecked] = field(default_factory=list)  # in the order they were met; a file at most once
    _not_checked_at: dict[str, int] = field(default_factory=dict, repr=False, compare=False)
    # check: DocumentResult; build: DocumentRecord (same reading interface)
    results: list[Any] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)  # outputs of an earlier build that this one no longer makes
    unchanged: int = 0  # files that were already as they would be written
    withheld: list[Any] = field(default_factory=list)
    drafts: list[Any] = field(default_factory=list)
    rendered_reviews: int = 0  # reviews rendered in this build (the rest were up to date)
    skipped_reviews: int = 0

    def skip(self, file: str, language: str | None = None) -> None:
        """Record that a content file was not checked (a file is recorded once; a known language wins)."""
        number = self._not_checked_at.get(file)
        if number is None:
            self._not_checked_at[file] = len(self.not_checked)
            self.not_checked.append(Unchecked(file, language))
        elif self.not_checked[number].language is None and language is not None:
            self.not_checked[number] = Unchecked(file, language)

    def skip_review(self, path: Path, language: str | None = None) -> None:
        """Record that a review (content/<id>.yaml) and its translations were not checked."""
        from plainsum.content.discovery import translation_paths
        from plainsum.errors import display_path

        self.skip(display_path(path), language)
        for translation in translation_paths(path):
            self.skip(display_path(translation), language_of_file(translation))

    @property
    def exit_code(self) -> int:
        if self.problems:
            return EXIT_INVALID
        if any(not result.passed for result in self.results):
            return EXIT_FAILED
        return EXIT_OK
