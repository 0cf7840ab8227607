"""A check's results made lean in the worker that checked them (plainsum.gate.checked.CheckedDocument):
what every findings format reads, with the locations found, and nothing of the rendered document."""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING, Any

from plainsum.findings_formats.json_ import scored_json_text, whole_document_json
from plainsum.gate.checked import (
    CheckedDocument,
    LeanDocument,
    LeanFinding,
    LeanLanguage,
    LeanLocation,
    LeanScored,
    LeanSection,
    LeanSuppression,
)

if TYPE_CHECKING:
    from plainsum.gate.records import DocumentResult


def _lean_finding(finding: Any) -> LeanFinding:
    location = finding.location
    suppression = finding.suppression
    return LeanFinding(
        finding.check, finding.severity, finding.document, LeanLocation(location.path, location.line, location.column),
        finding.message, finding.sentence, finding.suggestion, getattr(finding, "about", None),
        None if suppression is None else LeanSuppression(suppression.kind, suppression.reason, suppression.where),
    )


def lean(result: DocumentResult, config: Any = None, *, with_json: bool = False) -> CheckedDocument:
    """`result` as a CheckedDocument; `with_json` writes its JSON now (for `--format json`)."""
    document, scored = result.document, result.scored
    first = (document.locate(document.spans[0].start) if document.spans
             else LeanLocation(document.source_path, 1, 1))
    sections = [LeanSection(section.heading, dict(section.figures), section.formulas_applied) for section in scored.sections]
    lean_scored = LeanScored(dict(scored.figures), sections, LeanLanguage(scored.language.code, scored.language.name),
                             tuple(scored.skipped_checks), dict(scored.not_scored))
    checked = CheckedDocument(
        LeanDocument(document.name, document.kind, document.title, document.source_path, document.language,
                     LeanLocation(first.path, first.line, first.column)),
        lean_scored, [_lean_finding(f) for f in result.findings], result.warnings_checked,
        [_lean_finding(f) for f in result.suppressed],
    )
    if with_json:  # the whole document's JSON, so the parent only joins the documents
        text, checked.json_span = whole_document_json(checked, scored_json_text(result, config), config)
        checked.scored_json = zlib.compress(text.encode("utf-8"), 1)
    return checked
