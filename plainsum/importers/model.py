"""What an importer produces before it is written out as a content file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

SLUG_STOP = {"a", "an", "the", "of", "for", "in", "on", "and", "or", "to", "with", "by", "at", "from", "versus", "vs"}


class ImportFailure(ValueError):
    """A review that cannot be turned into a content file; the message says why."""


class BadAttribute(ImportFailure):
    """An attribute of the input whose value cannot be read (ROWSPAN="two"): the importer that has
    the file's bytes places it at the attribute (`name="value"`)."""

    def __init__(self, name: str, value: str, message: str):
        super().__init__(message)
        self.name = name
        self.value = value


@dataclass
class DraftSection:
    technical: str
    plain: str | None = None


@dataclass
class Draft:
    """One review as read from an input file, in the shape of a content file.

    All text here is already escaped for Jinja (see escape.py): prose is rendered as a
    template, so an imported "{{" must stay literal.
    """

    id: str
    kind: str
    layout: str
    title: str
    plain_title: str
    doi: str | None = None
    authors: list[str] = field(default_factory=list)
    citation: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)
    sections: dict[str, DraftSection] = field(default_factory=dict)
    extra_sections: list[tuple[str, DraftSection]] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
    references: list[str] = field(default_factory=list)
    results: list[dict[str, Any]] = field(default_factory=list)  # main outcomes as data (content's `results:`)
    version: dict[str, Any] = field(default_factory=dict)  # the `version:` mapping, when the input gives one
    trial: dict[str, Any] = field(default_factory=dict)  # a clinical trial's data (`trial:`, kind trial-results)
    source: str = ""  # where it came from, said in the file's header comment
    notes: list[str] = field(default_factory=list)  # what the author should look at, printed and written as comments

    def as_mapping(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "kind": self.kind, "layout": self.layout, "title": self.title,
                                "plain_title": self.plain_title}
        if self.doi:
            data["doi"] = self.doi
        data["language"] = "en"
        if self.version:
            data["version"] = dict(self.version)
        if self.authors:
            data["authors"] = list(self.authors)
        if self.citation:
            data["citation"] = self.citation
        if self.facts:
            data["facts"] = dict(self.facts)
        data["sections"] = {key: _section(section) for key, section in self.sections.items()}
        if self.extra_sections:
            data["extra_sections"] = [{"heading": heading, **_section(section)} for heading, section in self.extra_sections]
        data["summary"] = dict(self.summary)
        if self.references:
            data["references"] = list(self.references)
        if self.results:
            data["results"] = [dict(result) for result in self.results]
        if self.trial:
            data["trial"] = dict(self.trial)
        return data


def _section(section: DraftSection) -> dict[str, str]:
    data = {"technical": section.technical}
    if section.plain:
        data["plain"] = section.plain
    return data


def slug(text: str, max_length: int = 60) -> str:
    """A review id from a title: lower-case significant words joined by hyphens."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    significant = [w for w in words if w not in SLUG_STOP] or words
    result = ""
    for word in significant:
        candidate = f"{result}-{word}" if result else word
        if len(candidate) > max_length:
            break
        result = candidate
    return result or "review"


def doi_id(doi: str) -> str:
    """10.1002/14651858.CD000029.pub4 -> cd000029-pub4 (Cochrane DOIs, also MR...); other DOIs as a slug."""
    match = re.search(r"14651858\.([A-Z]{2}\d+)(?:\.(pub\d+))?", doi, re.I)
    if match:
        return "-".join(part.lower() for part in match.groups() if part)
    return slug(doi.split("/", 1)[-1])

