"""The review as data: what a validated content file becomes (plainsum.content.loader makes it)."""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from plainsum.content.kinds import Kind, Layout
from plainsum.content.sourcemap import LineIndex, ScalarMap
from plainsum.content.versions import NO_VERSION, Version
from plainsum.files.yamlsource import Node, SourceFile

if TYPE_CHECKING:
    from plainsum.content.locale import Locale
    from plainsum.content.trial import Trial
    from plainsum.grade.results import Result

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")
FACT_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
RESERVED_FACTS = {"review", "facts", "sections", "summary", "loop", "range", "results", "version", "trial"}
PRIVATE_MARKERS = re.compile("[\ue000-\ue004]")

TOP_LEVEL_KEYS = (
    "id", "kind", "title", "plain_title", "doi", "language", "authors", "citation",
    "layout", "facts", "sections", "summary", "extra_sections", "references", "results", "version", "trial",
)


@dataclass
class Prose:
    """A piece of author Markdown, possibly using facts, and where it was written."""

    key: str
    template: str
    node: Node
    review_source: SourceFile
    line_index: LineIndex

    @cached_property
    def _scalar_map(self) -> ScalarMap:
        return ScalarMap(self.review_source, self.node)

    def locate(self, template_offset: int) -> tuple[int, int]:
        """1-based line and column in the YAML file of an offset in the template text."""
        return self.line_index.line_column(self._scalar_map.absolute(template_offset))

    def __getstate__(self) -> dict[str, object]:
        """Pickled without its map of the scalar's characters (a list as long as the text, made
        again when asked): `plainsum check --jobs N` sends reviews back from its workers."""
        state = dict(self.__dict__)
        state.pop("_scalar_map", None)
        return state


@dataclass
class Section:
    key: str
    heading: str
    technical: Prose | None
    plain: Prose | None
    extra: bool = False


@dataclass
class Review:
    id: str
    kind: Kind
    layout: Layout
    title: str
    plain_title: Prose
    doi: str | None
    language: str
    authors: list[str]
    citation: str | None
    facts: dict[str, Any]
    sections: list[Section]
    summary: dict[str, Prose | list[Prose]]
    references: list[str]
    source: SourceFile
    root: Node = field(repr=False)
    rendered: dict[str, str] = field(default_factory=dict, repr=False)  # prose key -> Markdown with facts filled in
    results: list[Result] = field(default_factory=list)  # main outcomes as data
    version: Version = NO_VERSION  # which version of the review this is, and its earlier versions
    previous: Review | None = field(default=None, repr=False)  # the earlier version, when one is known
    translation: Translation | None = None  # set on a translated lay summary (plainsum.content.translation)
    trial: Trial | None = None  # a trial-results review's data (plainsum.content.trial)

    def section(self, key: str) -> Section | None:
        return next((section for section in self.sections if section.key == key), None)

    def all_prose(self) -> list[Prose]:
        prose: list[Prose] = [self.plain_title]
        for section in self.sections:
            prose.extend(p for p in (section.technical, section.plain) if p is not None)
        for part in self.summary.values():
            prose.extend(part if isinstance(part, list) else [part])
        return prose


@dataclass
class Translation:
    """A translation's metadata and its fields, beside the source review it translates."""

    language: str
    translators: list[str]
    date: datetime.date
    source_version: dict[str, str]  # field key -> digest of the source text it was translated from
    version_marks: dict[str, tuple[int, int]]  # field key -> line, column of its source_version entry
    fields: dict[str, Prose]  # field key -> the translated prose
    source_fields: dict[str, Prose]  # field key -> the source prose it translates
    review: Review  # the source review
    locale: Locale
    source_locale: Locale  # the source review's language, to read its numbers and dates
    source: SourceFile

    def stale_fields(self) -> list[str]:
        """The fields whose source text changed since the version they were translated from."""
        return [key for key, prose in self.source_fields.items() if self.source_version.get(key) != digest(prose.template)]


DIGEST_LENGTH = 12


def digest(template: str) -> str:
    """The version of a source text: a digest of its words as written (spacing and line breaks aside)."""
    return hashlib.sha256(" ".join(template.split()).encode("utf-8")).hexdigest()[:DIGEST_LENGTH]
