"""Turn an encoded review of the truth set into a plainsum project, reading its text from the corpus.

The corpus record is imported as `plainsum import` does (plainsum.importers.cochrane_json), which
gives the abstract as the technical sections and the published lay summary in the `as-published`
layout. The hand encoding then adds its facts and results. A summary in Cochrane's 2021 template
can be put into plainsum's own `cochrane-2021` layout (`layout: cochrane-2021` in the encoding):
each published heading goes to its part, so the text is the published one, word for word.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HEADING = re.compile(r"^## (.*)$", re.M)

# Headings of the 2021 template (as the corpus spells them) -> the cochrane-2021 part they fill.
PARTS_2021 = (
    (re.compile(r"^key messages?", re.I), "key_messages"),
    (re.compile(r"^what did we want to find out", re.I), "want_to_find_out"),
    (re.compile(r"^what did we do", re.I), "what_we_did"),
    (re.compile(r"^what did we find|^main results|^what we found", re.I), "what_we_found"),
    (re.compile(r"^what are the limitations|^what limited our confidence", re.I), "limitations"),
    (re.compile(r"^how up[ -]to[ -]date", re.I), "up_to_date"),
)
# Where the findings of a published summary are, by heading: the parts whose sentences claim results. As the
# corpus spells them (2,971 reviews): besides the 2021 template's, "What evidence did we find?" (73), "Bottom
# line" (34), "What does the evidence from the review tell us?" (19), "Main findings" (11), "What the research
# says" (11), "Reliability of the evidence" (10), "What did the researchers find?" (8), "How certain are we ...";
# not "What did we want to find out?" nor "How did we identify and evaluate the evidence?".
RESULT_PART = re.compile(r"key (?:messages?|results|findings)|what did we find|main results|results|what we found|"
                         r"quality|certainty|limitations|conclusion|what does this mean|"
                         r"(?<!want to )\bfind\b(?!\s+out)|\bfound\b|\bfindings\b|\b(?:shows?|showed|tell\s+us|reveal|suggests?)\b|"
                         r"\bcertain\b|\bconfidence\b|\breliab|bottom line|what th(?:is|e research) (?:means|says)", re.I)


@dataclass
class Field:
    """One piece of prose of the lay summary as it stands in the content file."""

    path: tuple[Any, ...]  # keys into the review mapping: ("summary", "text") or ("summary", "key_messages", 0)
    heading: str  # the published heading it came under ('' for a long summary)
    text: str

    @property
    def claims_results(self) -> bool:
        return not self.heading or RESULT_PART.search(self.heading) is not None


@dataclass
class Project:
    """A review as a mapping (dumped to YAML), and its lay-summary prose as fields."""

    review_id: str
    data: dict[str, Any]
    fields: list[Field] = field(default_factory=list)

    def yaml(self) -> str:
        return yaml.safe_dump(self.data, allow_unicode=True, sort_keys=False, width=100000)

    def set_text(self, path: tuple[Any, ...], text: str) -> None:
        target: Any = self.data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = text


def read_corpus(path: Path, dois: set[str]) -> dict[str, dict[str, Any]]:
    """The records of `dois`, by DOI."""
    found: dict[str, dict[str, Any]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if not any(doi in line for doi in dois - set(found)):
                continue
            record = json.loads(line)
            if record.get("doi") in dois:
                found[record["doi"]] = record
    return found


def sections_of(markdown: str) -> list[tuple[str, str]]:
    """(heading, text) of an as-published summary; text before any heading has the heading ''."""
    parts: list[tuple[str, str]] = []
    starts = list(HEADING.finditer(markdown))
    if not starts or starts[0].start() > 0:
        parts.append(("", markdown[: starts[0].start() if starts else len(markdown)].strip()))
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(markdown)
        parts.append((match.group(1).strip(), markdown[match.end():end].strip()))
    return [(h, t) for h, t in parts if h or t]


def to_2021(data: dict[str, Any], parts: list[tuple[str, str]]) -> list[Field] | None:
    """Put a 2021-template summary into the cochrane-2021 layout; None when its headings do not fit."""
    summary: dict[str, Any] = {}
    fields: list[Field] = []
    headings: dict[str, str] = {}
    for heading, text in parts:
        key = next((k for pattern, k in PARTS_2021 if pattern.search(heading)), None)
        if key is None and heading.lower().startswith("what ") and heading.endswith("?") and "what_is" not in summary:
            key = "what_is"
            summary["what_is_heading"] = heading
        if key is None:
            # a heading of its own ("Main results" after "What did we find?"): its text joins the part before
            if not summary:
                return None
            key = list(summary)[-1]  # (its heading is left out: a heading is not a sentence of the part)
            if key == "key_messages":
                return None
        if key == "key_messages":
            items = [line.strip() for line in text.split("\n") if line.strip()]
            summary[key] = summary.get(key, []) + items
            continue
        summary[key] = f"{summary[key]}\n\n{text}" if key in summary else text
        headings.setdefault(key, heading)
    required = ("key_messages", "what_is", "want_to_find_out", "what_we_did", "what_we_found", "limitations")
    if any(not summary.get(key) for key in required):
        return None
    data["layout"] = "cochrane-2021"
    data["summary"] = summary
    for index, item in enumerate(summary["key_messages"]):
        fields.append(Field(("summary", "key_messages", index), "Key messages", item))
    for key, value in summary.items():
        if key not in ("key_messages", "what_is_heading"):
            fields.append(Field(("summary", key), headings.get(key, key), value))
    return fields


def build_review(record: dict[str, Any], encoding: dict[str, Any]) -> Project:
    """The content of one review: the corpus record imported, with the encoding's facts and results."""
    from plainsum.importers.cochrane_json import record_to_yaml

    review_id, text = record_to_yaml(record)
    data = yaml.safe_load(text)
    data["facts"] = {**(data.get("facts") or {}), **(encoding.get("facts") or {})}
    data["results"] = encoding.get("results") or []
    project = Project(review_id, data)
    markdown = data["summary"]["text"]
    parts = sections_of(markdown)
    if encoding.get("layout") == "cochrane-2021":
        fields = to_2021(data, parts)
        if fields is None:
            raise ValueError(f"{review_id}: its lay summary does not fit the cochrane-2021 layout")
        project.fields = fields
    else:
        # as-published: one text; each of its sections is a field, found again in the text when mutated
        project.fields = [Field(("summary", "text"), heading, body) for heading, body in parts]
    return project


def replace_in_field(project: Project, target: Field, old: str, new: str) -> None:
    """Replace the text `old` (a sentence of `target`) with `new` in the review's mapping."""
    value: Any = project.data
    for key in target.path:
        value = value[key]
    if old not in value:
        raise ValueError(f"{project.review_id}: sentence not found in {target.path}")
    project.set_text(target.path, value.replace(old, new, 1))
