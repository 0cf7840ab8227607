"""What a build hands its workers and gets back: options, one review's task, what it built."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plainsum.build.manifest import FileEntry, combine
from plainsum.errors import InputError, Problem
from plainsum.gate.records import DocumentRecord

if TYPE_CHECKING:
    from plainsum.config.settings import Config
    from plainsum.render.document import Document
    from plainsum.render.templates import TemplateSet


@dataclass
class BuildOptions:
    formats: list[str]
    output_dir: Path
    draft: bool = False
    jobs: int | None = None  # processes; None: one per CPU
    progress: bool = True  # progress on stderr (a bar on a terminal, lines otherwise)
    force: bool = False  # render everything, even what is up to date
    allow_foreign_files: bool = False  # write into an output folder that holds files plainsum did not write
    verbose: bool = False  # the report lists warnings: documents whose warnings were not kept are evaluated again


@dataclass(frozen=True)
class Task:
    """One review to render, and the formats whose outputs are missing or out of date."""

    source: str  # absolute path of the content file
    key: str  # hash of the content file and the environment
    formats: tuple[str, ...]
    size: int


@dataclass
class Built:
    """What rendering one review produced; plain data, sent back from a worker process."""

    source: str
    key: str
    review_id: str | None = None
    problems: list[Problem] = field(default_factory=list)
    records: list[DocumentRecord] = field(default_factory=list)  # from a forked worker: empty, made from `documents`
    files: dict[str, tuple[str, FileEntry, bool]] = field(default_factory=dict)  # path -> (format, entry, changed)
    formats: tuple[str, ...] = ()  # the formats rendered (the task's): their earlier outputs not in `files` are stale
    language: str | None = None  # the review's, once it was read (for the files not checked, when it is invalid)
    # its row of output/index.html, rendered in the worker for the outputs in `files` (the planner keeps it
    # when those are the review's outputs: rows rendered there were serial work, a millisecond a review)
    index_row: str = ""
    # its records as the manifest keeps them (DocumentRecord.to_json), made once for the row, or None
    documents: list[dict[str, Any]] | None = None


def format_key(review_key: str, name: str, config: Config) -> str:
    """The inputs of one output: the review's, plus what only that format depends on."""
    extra = ",".join(config.paper) if name == "pdf" else ""
    return combine(review_key, name, extra)


def output_name(review_id: str, kind: str, extension: str, language: str | None = None) -> str:
    """An output's path relative to the output folder: <id>/<kind>.<ext>, or <id>/<lang>/<kind>.<ext>
    for a translation."""
    if language is not None:
        return f"{review_id}/{language}/{kind}.{extension}"
    return f"{review_id}/{kind}.{extension}"



def output_language(document: Document) -> str | None:
    """The folder of a translation's files (output/<id>/<lang>/); None for the review's own documents."""
    review = document.review
    return review.language if review is not None and review.translation is not None else None


def link_languages(summaries: list[Document], templates: TemplateSet) -> None:
    """Each published lay summary links to the others (hreflang), by paths relative to its own folder
    (the build's output/<id>/ and output/<id>/<lang>/; `plainsum serve` serves the same paths).
    Its `hreflang` links (the page's <link rel="alternate">) list every version, the page itself
    included, and `x-default`, the review's own (usually English) version, as Google's guidance for
    localized versions asks (developers.google.com/search/docs/specialty/international/localized-versions);
    its `alternates` (the visible list) are the other versions only."""
    if len(summaries) < 2:
        return
    for document in summaries:
        here = output_language(document)
        alternates: list[dict[str, str]] = []
        links: list[dict[str, str]] = []
        default: list[dict[str, str]] = []
        for other in summaries:
            there = output_language(other)
            if other is document:
                href = "summary.html"
            elif here is None:
                href = f"{there}/summary.html"
            else:
                href = "../summary.html" if there is None else f"../{there}/summary.html"
            links.append({"language": other.language, "href": href})
            if there is None:
                default = [{"language": "x-default", "href": href}]
            if other is not document:
                alternates.append({"language": other.language, "href": href, "name": _language_name(other.language, templates)})
        document.extras["alternates"] = alternates
        document.extras["hreflang"] = links + default


def _language_name(code: str, templates: TemplateSet) -> str:
    try:
        return templates.locale(code).name
    except (LookupError, InputError):
        return code
