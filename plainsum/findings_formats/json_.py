"""The json report: every figure of every document (whole, sections, sentences), every finding
with its suggestion, what was suppressed and why, and the run's summary."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from plainsum.config.figures import ALL_FIGURE_NAMES as FIGURE_NAMES
from plainsum.config.figures import COUNT_NAMES
from plainsum.findings_formats.view import ReportOptions, by_language, closing_line, location_of, not_checked_by_language, ordered, summarise

if TYPE_CHECKING:
    from plainsum.config.settings import Config
    from plainsum.gate.records import Outcome


def finding_json(finding: Any) -> dict[str, Any]:
    path, line, column = location_of(finding)
    data = {
        "check": finding.check,
        "severity": finding.severity,
        "document": finding.document,
        "file": path,
        "line": line,
        "column": column,
        "message": finding.message,
        "sentence": finding.sentence,
        "suggestion": finding.suggestion,
    }
    suppression = getattr(finding, "suppression", None)
    if suppression is not None:
        data["suppression"] = {"kind": suppression.kind, "reason": suppression.reason, "where": suppression.where}
    return data


def _figures(figures: dict[str, float], formulas: bool = True) -> dict[str, float | int]:
    names = FIGURE_NAMES if formulas else COUNT_NAMES
    return {name: number(figures[name]) for name in names if name in figures}


def number(value: float) -> float | int:
    if isinstance(value, int) or (float(value).is_integer() and abs(value) < 1e15):
        return int(value)
    return round(float(value), 4)


def document_json(result: Any, config: Config | None = None) -> dict[str, Any]:
    """Every figure of a document (whole, sections, sentences) and every finding, as plain data."""
    data = _document_head(result, config)
    scored_json = _scored_text(result)
    if scored_json:
        data.update(json.loads("{" + scored_json + "}"))
    elif hasattr(result.scored, "sentences"):
        data.update(_scored_parts(result, config))
    data.update(_document_findings(result))
    return data


def document_json_text(result: Any, config: Config | None = None, written: bool = True) -> str:
    """document_json, compact, with a lean result's figures spliced in as they were written; with
    `written`, a lean result's whole JSON as its worker wrote it (its findings unchanged since)."""
    if written and getattr(result, "json_span", None) is not None:
        return zlib.decompress(result.scored_json).decode("utf-8")
    scored_json = _scored_text(result)
    if scored_json is None:
        return _compact(document_json(result, config))
    head = _compact(_document_head(result, config))
    tail = _compact(_document_findings(result))
    return head[:-1] + ("," + scored_json if scored_json else "") + "," + tail[1:]


def _scored_text(result: Any) -> str | None:
    """A lean result's "sections" and "sentences" as the worker wrote them (None: not written)."""
    scored_json = getattr(result, "scored_json", None)
    if scored_json is None:
        return None
    text = zlib.decompress(scored_json).decode("utf-8")
    span = getattr(result, "json_span", None)
    return text if span is None else text[span[0]:span[1]]


def whole_document_json(result: Any, scored_json: str, config: Config | None) -> tuple[str, tuple[int, int]]:
    """A lean result's document JSON, compact, around its "sections" and "sentences" (`scored_json`),
    and where those are in it: what a worker writes (plainsum.findings_formats.lean)."""
    head = _compact(_document_head(result, config))[:-1]
    tail = _compact(_document_findings(result))[1:]
    if not scored_json:
        return head + "," + tail, (len(head), len(head))
    return head + "," + scored_json + "," + tail, (len(head) + 1, len(head) + 1 + len(scored_json))


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _document_head(result: Any, config: Config | None) -> dict[str, Any]:
    scored = result.scored
    document = result.document
    data: dict[str, Any] = {
        "document": document.name,
        "kind": getattr(document, "kind", None),
        "language": getattr(document, "language", "en"),
        "file": getattr(document, "source_path", getattr(document, "source", None)),
        "passed": result.passed,
        "figures": _figures(scored.figures),
    }
    if hasattr(scored, "language"):
        data["language"] = scored.language.code
        data["not_scored"] = dict(scored.not_scored)
        data["checks_skipped"] = list(scored.skipped_checks)  # their data are English (docs/readability.md)
    if hasattr(scored, "sections"):
        minimum = config.formula_min_words(document.kind) if config is not None else getattr(scored, "min_words", 0)
        data["formulas_applied"] = scored.figures.get("words", 0) >= minimum
    return data


def _scored_parts(result: Any, config: Config | None) -> dict[str, Any]:
    """"sections" and "sentences" of a full result (a DocumentResult)."""
    from plainsum.readability.score import section_figures

    scored = result.scored
    document = result.document
    kind = document.kind
    sections = []
    for section in scored.sections:
        section_minimum = config.formula_min_words(kind, section.heading) if config is not None else scored.min_words
        figures, applied = section_figures(section, section_minimum)
        sections.append({"heading": section.heading, "formulas_applied": applied, "figures": _figures(figures, applied)})
    sentences = []
    for sentence in scored.sentences:
        location = document.locate(sentence.offset, sentence.text)
        sentences.append(
            {
                "text": sentence.text,
                "section": sentence.section,
                "file": location.path,
                "line": location.line,
                "column": location.column,
                "figures": {key: number(value) for key, value in sentence.figures.items()},
                "long_words": sentence.long_words,
            }
        )
    return {"sections": sections, "sentences": sentences}


def scored_json_text(result: Any, config: Config | None = None) -> str:
    """The "sections" and "sentences" members of a document's JSON, compact, for a lean result."""
    if not hasattr(result.scored, "sentences"):
        return ""
    return _compact(_scored_parts(result, config))[1:-1]


def _document_findings(result: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"findings": [finding_json(finding) for finding in ordered(result)]}
    suppressed = getattr(result, "suppressed", None)
    if isinstance(suppressed, list):
        data["suppressed"] = [finding_json(finding) for finding in suppressed]
    return data


def render_json(outcome: Outcome, options: ReportOptions) -> str:
    return "".join(render_json_chunks(outcome, options))


def render_json_chunks(outcome: Outcome, options: ReportOptions) -> Iterator[str]:
    """The json report in pieces, one document each, for writing as they are made (a library's report
    is hundreds of megabytes: as one string, and copies of it, it was most of a check's memory)."""
    summary = summarise(outcome)
    unchecked = not_checked_by_language(outcome)
    payload: dict[str, Any] = {
        "passed": outcome.exit_code == 0,
        "exit_code": outcome.exit_code,
        "problems": [
            {"file": p.path, "line": p.line, "column": p.column, "message": p.message} for p in outcome.problems
        ],
        "summary": {
            "documents": summary.documents,
            "passed": summary.passed,
            "failed": summary.failed,
            "errors": dict(summary.errors),
            "warnings": dict(summary.warnings),
            "suppressed": summary.suppressed,
            "not_checked": len(outcome.not_checked),
            "text": closing_line(outcome, summary),
        },
        # content files whose documents were not scored or gated, because of invalid input
        "not_checked": [{"file": entry.file, "language": entry.language} for entry in outcome.not_checked],
        "documents": [],  # written below, one document at a time
        # a language with files not checked (an invalid translation) says how many
        "languages": {code: {"passed": passed, "documents": total, **({"not_checked": unchecked[code]} if unchecked.get(code) else {})}
                      for code, (passed, total) in by_language(outcome.results, unchecked).items()},
    }
    if options.baseline is not None:
        payload["baseline"] = options.baseline.as_json()
    if options.indent:
        payload["documents"] = [document_json(result, options.config) for result in outcome.results]
        yield json.dumps(payload, indent=options.indent, ensure_ascii=False)
        return
    # compact by default (Python's pretty-printer is its slow pure-Python encoder), each document written
    # on its own, its figures spliced in as the worker wrote them
    head, _, tail = _compact(payload).partition('"documents":[]')
    yield head + '"documents":['
    for number, result in enumerate(outcome.results):
        # a baseline drops findings and adds the ratchet's: then each document's head and findings are written again
        yield ("," if number else "") + document_json_text(result, options.config, written=options.baseline is None)
    yield "]" + tail
