"""`plainsum diff` output: text for the terminal, JSON, Markdown (a pull-request comment), HTML.

Every format is made from the same plain data (`to_data`), so each holds the same items: facts,
results, per-document sentences with their word marks, figures and gate before and after, the
re-check list and "What's new".
"""

from __future__ import annotations

import json
from typing import Any

from plainsum.diff.model import DiffOutcome, DocumentDiff, Figures, ReviewDiff, SentenceChange
from plainsum.render.document import Location
from plainsum.render.templates import TemplateSet

FORMATS = ("text", "json", "markdown", "html")


def _where(location: Location | None) -> str | None:
    return str(location) if location is not None else None


def _figures(figures: Figures | None) -> dict[str, Any] | None:
    if figures is None:
        return None
    return {"grade": figures.grade, "words": figures.words, "hard_sentences": figures.hard_sentences, "gate": figures.gate}


def _sentence(sentence: SentenceChange) -> dict[str, Any]:
    return {
        "status": sentence.status,
        "location": str(sentence.location),
        "old_location": _where(sentence.old_location),
        "section": sentence.section,
        "old": sentence.old,
        "new": sentence.new,
        "marks": [{"op": mark.op, "text": mark.text} for mark in sentence.marks],
    }


def _document(document: DocumentDiff) -> dict[str, Any]:
    return {
        "kind": document.kind,
        "title": document.title,
        "added": document.count("added"),
        "removed": document.count("removed"),
        "changed": document.count("changed"),
        "sentences": [_sentence(sentence) for sentence in document.sentences],
        "before": _figures(document.before),
        "after": _figures(document.after),
    }


def _review(review: ReviewDiff) -> dict[str, Any]:
    changes = review.changes
    data: dict[str, Any] = {"id": review.id, "source": review.source, "status": review.status, "title": review.title}
    data["facts"] = [{"name": f.name, "status": f.status, "old": f.old_text, "new": f.new_text} for f in changes.facts] if changes else []
    data["results"] = [{
        "id": r.id, "status": r.status, "outcome": r.outcome,
        "fields": [{"name": f.name, "label": f.label, "old": f.old, "new": f.new} for f in r.fields],
        "old_plain": r.old_plain, "new_plain": r.new_plain, "old_technical": r.old_technical, "new_technical": r.new_technical,
    } for r in changes.results] if changes else []
    data["documents"] = [_document(document) for document in review.documents]
    data["recheck"] = [{
        "file": item.location.path, "line": item.location.line, "column": item.location.column,
        "document": item.document, "sentence": item.sentence, "reasons": list(item.reasons),
    } for item in review.recheck]
    data["whats_new"] = review.whats_new
    data["events"] = [{"event": e.label, "code": e.code, "detail": e.detail} for e in changes.events] if changes else []
    if changes is not None:
        data["version"] = {"before": changes.version[0], "after": changes.version[1]}
        data["conclusions_text_changed"] = changes.conclusions_text_changed
        data["conclusions_changed"] = changes.conclusions_changed
    return data


def to_data(outcome: DiffOutcome) -> dict[str, Any]:
    return {
        "since": outcome.since,
        "baseline": outcome.described,
        "differences": len(outcome.reviews),
        "unchanged": outcome.unchanged,
        "reviews": [_review(review) for review in outcome.reviews],
        "problems": [str(problem) for problem in outcome.problems],
    }


# --- text ----------------------------------------------------------------------------------------


def marked(sentence: dict[str, Any], delete: str = "[-{}-]", insert: str = "{{+{}+}}") -> str:
    pieces = []
    for mark in sentence["marks"]:
        text = mark["text"]
        pieces.append(text if mark["op"] == "equal" else (delete if mark["op"] == "delete" else insert).format(text))
    return " ".join(pieces)


def figures_line(document: dict[str, Any]) -> str:
    before, after = document["before"], document["after"]

    def pair(key: str) -> str:
        old = "-" if before is None else before[key]
        new = "-" if after is None else after[key]
        return f"{old} -> {new}" if old != new else f"{new}"

    return (f"grade {pair('grade')}, words {pair('words')}, hard sentences {pair('hard_sentences')}; "
            f"gate {pair('gate')}")


def sentence_counts(document: dict[str, Any]) -> str:
    """What changed in a document's sentences: "2 changed, 1 added, 0 removed sentences"; a document
    with no earlier version is new, one with no later version removed (not "0 changed")."""
    if document["before"] is None and document["after"] is not None:
        return "new (no earlier version)"
    if document["after"] is None and document["before"] is not None:
        return "removed (no later version)"
    return f"{document['changed']} changed, {document['added']} added, {document['removed']} removed sentences"


def summary_line(data: dict[str, Any]) -> str:
    differ = data["differences"]
    return f"{differ} {'review differs' if differ == 1 else 'reviews differ'}, {data['unchanged']} unchanged"


def _text(data: dict[str, Any]) -> str:
    lines: list[str] = []
    for review in data["reviews"]:
        lines.append(f"{review['id']} ({review['source']}): {review['status']} since {data['since']}")
        if review["facts"]:
            lines.append("  facts:")
            for fact in review["facts"]:
                lines.append(f"    {fact['name']}: {fact['old'] or '(none)'} -> {fact['new'] or '(removed)'}")
        if review["results"]:
            lines.append("  results:")
            for result in review["results"]:
                fields = "; ".join(f"{f['label']} {f['old'] or '-'} -> {f['new'] or '-'}" for f in result["fields"]) or result["status"]
                lines.append(f"    {result['id']} ({result['outcome']}): {fields}")
                if result["old_plain"] != result["new_plain"]:
                    lines.append(f"      was: {result['old_plain'] or '(none)'}")
                    lines.append(f"      now: {result['new_plain'] or '(none)'}")
        for document in review["documents"]:
            lines.append(f"  {document['kind']}: {sentence_counts(document)}")
            for sentence in document["sentences"]:
                if sentence["status"] == "changed":
                    lines.append(f"    ~ {sentence['location']}: {marked(sentence)}")
                elif sentence["status"] == "added":
                    lines.append(f"    + {sentence['location']}: {sentence['new']}")
                else:
                    lines.append(f"    - {sentence['location']}: {sentence['old']}")
            lines.append(f"    {figures_line(document)}")
        if review["recheck"]:
            lines.append(f"  re-check ({len(review['recheck'])} sentences written by hand):")
            for item in review["recheck"]:
                lines.append(f"    {item['file']}:{item['line']}:{item['column']}: {item['document']}: \"{item['sentence']}\"")
                lines.extend(f"      - {reason}" for reason in item["reasons"])
        if review["whats_new"]:
            lines.append("  what's new:")
            lines.extend(f"    {event['event']}" + (f": {event['detail']}" if event["detail"] else "") for event in review["events"])
        lines.append("")
    lines.append(f"{summary_line(data)} since {data['baseline']}")
    return "\n".join(lines)


# --- markdown -----------------------------------------------------------------------------------


def _md(text: str | None) -> str:
    """Text safe inside a Markdown table cell or paragraph (no HTML, no table breaks)."""
    if text is None:
        return ""
    for char in "\\`*_[]<>|#~":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())


def _markdown(data: dict[str, Any]) -> str:
    out: list[str] = [f"## plainsum diff since `{_md(data['since'])}`", ""]
    out.append(f"{summary_line(data)} ({_md(data['baseline'])}).")
    for review in data["reviews"]:
        out += ["", f"### {_md(review['title'])} (`{_md(review['id'])}`): {review['status']}", ""]
        if review["whats_new"]:
            out.append("**What's new**")
            out.append("")
            out.extend(f"- *{_md(e['event'])}*" + (f": {_md(e['detail'])}" if e["detail"] else "") for e in review["events"])
            out.append("")
        if review["facts"]:
            out += ["| fact | before | after |", "| --- | --- | --- |"]
            out.extend(f"| `{f['name']}` | {_md(f['old'])} | {_md(f['new'])} |" for f in review["facts"])
            out.append("")
        if review["results"]:
            out += ["| result | what changed | before | after |", "| --- | --- | --- | --- |"]
            for r in review["results"]:
                fields = "; ".join(f"{f['label']} {f['old'] or '-'} → {f['new'] or '-'}" for f in r["fields"]) or r["status"]
                out.append(f"| `{r['id']}` | {_md(fields)} | {_md(r['old_plain'])} | {_md(r['new_plain'])} |")
            out.append("")
        for document in review["documents"]:
            out.append(f"**{document['kind'].capitalize()}**: {sentence_counts(document)}; {_md(figures_line(document))}")
            out.append("")
            for s in document["sentences"]:
                if s["status"] == "changed":
                    text = " ".join(
                        _md(m["text"]) if m["op"] == "equal" else f"~~{_md(m['text'])}~~" if m["op"] == "delete" else f"**{_md(m['text'])}**"
                        for m in s["marks"])
                    out.append(f"- changed `{_md(s['location'])}`: {text}")
                elif s["status"] == "added":
                    out.append(f"- added `{_md(s['location'])}`: {_md(s['new'])}")
                else:
                    out.append(f"- removed `{_md(s['location'])}`: ~~{_md(s['old'])}~~")
            out.append("")
        if review["recheck"]:
            out.append(f"**Re-check** ({len(review['recheck'])} sentences written by hand)")
            out.append("")
            for item in review["recheck"]:
                out.append(f"- [ ] `{_md(item['file'])}:{item['line']}:{item['column']}` ({item['document']}): {_md(item['sentence'])}")
                out.extend(f"  - {_md(reason)}" for reason in item["reasons"])
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def render(outcome: DiffOutcome, output_format: str, templates: TemplateSet | None = None) -> str:
    data = to_data(outcome)
    if output_format == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if output_format == "markdown":
        return _markdown(data)
    if output_format == "html":
        templates = templates or TemplateSet()
        template = templates.env.get_template("diff/page.html.j2")
        return template.render(data=data, figures_line=figures_line, summary_line=summary_line, sentence_counts=sentence_counts)
    return _text(data) + "\n"
