"""The check registry: one object that knows every check, its default severity and its documents."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plainsum.render import Document

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from plainsum.render import Location

if TYPE_CHECKING:
    from plainsum.config import Config
    from plainsum.readability import Scored


@dataclass(frozen=True)
class Flag:
    """What a check function reports: a message, and optionally the body offset it is about."""

    message: str
    offset: int | None = None
    sentence: str | None = None
    suggestion: str | None = None
    location: Location | None = None  # for what is not in the document's text (a comment, a fact): where it is written


@dataclass(frozen=True)
class Finding:
    check: str
    severity: str  # "error" or "warning"
    document: str  # "<review id>/<summary|abstract>"
    where: Location | Callable[[], Location]  # a location, or how to find it when first asked
    message: str
    sentence: str | None = None
    suggestion: str | None = None

    @cached_property
    def location(self) -> Location:
        """Mapping a sentence back to its YAML line costs a little; most warnings are never shown."""
        return self.where if isinstance(self.where, Location) else self.where()

    def as_dict(self) -> dict[str, object]:
        return {
            "check": self.check,
            "severity": self.severity,
            "document": self.document,
            "file": self.location.path,
            "line": self.location.line,
            "column": self.location.column,
            "message": self.message,
            "sentence": self.sentence,
            "suggestion": self.suggestion,
        }


CheckFunction = Callable[["Scored", "Config"], Iterable[Flag]]


@dataclass(frozen=True)
class CheckSpec:
    id: str
    function: CheckFunction
    documents: tuple[str, ...]
    severity: str
    description: str
    options: dict[str, object] = field(default_factory=dict)  # option name -> default value


@dataclass
class Registry:
    checks: dict[str, CheckSpec] = field(default_factory=dict)

    def register(
        self,
        check_id: str,
        *,
        description: str,
        documents: tuple[str, ...] = ("summary",),
        severity: str = "error",
        options: dict[str, object] | None = None,
    ) -> Callable[[CheckFunction], CheckFunction]:
        """Register a check. `options` are its settings with defaults, set by users in
        [checks."<id>"] tables of the configuration and read with `config.check_option(id, name)`."""

        def decorate(function: CheckFunction) -> CheckFunction:
            if check_id in self.checks:
                raise ValueError(f"check '{check_id}' is registered twice")
            self.checks[check_id] = CheckSpec(check_id, function, documents, severity, description, dict(options or {}))
            return function

        return decorate

    def __contains__(self, check_id: object) -> bool:
        return check_id in self.checks

    def __getitem__(self, check_id: str) -> CheckSpec:
        return self.checks[check_id]

    def ids(self) -> list[str]:
        return sorted(self.checks)

    def severity(self, spec: CheckSpec, config: Config) -> str:
        return config.checks.get(spec.id, spec.severity)

    def skipped(self, scored: Scored, config: Config) -> list[str]:
        """Checks that are on for this document but do not run on its language (their data are English)."""
        kind = scored.document.kind
        return [c for c in scored.skipped_checks if c in self.checks and self.severity(self.checks[c], config) != "off"
                and kind in self.checks[c].documents]

    def run(self, scored: Scored, config: Config, severities: Collection[str] = ("error", "warning")) -> list[Finding]:
        """The findings of every check that is on, or only of those set to one of `severities`."""
        findings: list[Finding] = []
        document = scored.document
        for spec in self.checks.values():
            severity = self.severity(spec, config)
            if severity not in severities or document.kind not in spec.documents or spec.id in scored.skipped_checks:
                continue
            for flag in spec.function(scored, config):
                findings.append(
                    Finding(spec.id, severity, document.name, _locator(document, flag), flag.message, flag.sentence,
                            flag.suggestion)
                )
        return findings


def _locator(document: Document, flag: Flag) -> Callable[[], Location]:
    def locate() -> Location:
        if flag.location is not None:
            return flag.location
        if flag.offset is not None:
            return document.locate(flag.offset, flag.sentence or "")
        if document.spans:
            # a finding about the whole document points at the first text the author wrote for it
            return document.locate(document.spans[0].start)
        return Location(document.source_path, 1, 1)

    return locate


registry = Registry()
