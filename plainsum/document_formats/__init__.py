"""Output formats, by name. A format is one module that defines FORMAT; see formats/txt.py."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plainsum.config.settings import Config
    from plainsum.readability.score import Scored
    from plainsum.render.document import Document
    from plainsum.render.templates import TemplateSet


@dataclass(frozen=True)
class RenderContext:
    templates: TemplateSet
    config: Config
    published: tuple[str, ...] = ()  # the review's documents written by this build ("summary", "abstract"), for links
    index_href: str | None = None  # the "All reviews" link; None: the build's output/index.html, relative to the page
    # every document of the review this build writes (each language's), for a format that puts them
    # in one file (jats, pubmed: the lay summaries and their translations beside the abstract)
    documents: tuple[Document, ...] = ()


def document_label(kind: str) -> str:
    return "plain language summary" if kind == "summary" else "abstract"


def draft_notice(kind: str) -> str:
    """The one wording of the DRAFT mark, in every format (and on every page of a PDF)."""
    return f"DRAFT: this {document_label(kind)} did not pass its checks and is not for publication."


@dataclass(frozen=True)
class Format:
    name: str
    extension: str
    description: str
    render: Callable[[Document, Scored | None, RenderContext], bytes]
    # the files one document gives in this format, as (extension, configuration) pairs: PDFs give
    # one file per page size (`paper = ["a4", "letter"]`); other formats one file
    variants: Callable[[Config], list[tuple[str, Config]]] | None = None
    # the documents written in this format: a format of one file per review (jats, pubmed) is
    # written with the abstract alone
    kinds: tuple[str, ...] = ("abstract", "summary")

    def outputs(self, config: Config) -> list[tuple[str, Config]]:
        return self.variants(config) if self.variants is not None else [(self.extension, config)]


BUILTIN_MODULES = ("html", "md", "txt", "pdf", "jats", "pubmed")  # each module's FORMAT has the module's name


class FormatRegistry:
    """The formats by name. A built-in format's module is imported when the format is first used, so a
    run that writes no PDF or XML never loads WeasyPrint or lxml (a `check` loads none of them)."""

    def __init__(self) -> None:
        self._formats: dict[str, Format] = {}

    def _load(self, name: str) -> None:
        if name not in self._formats and name in BUILTIN_MODULES:
            fmt = importlib.import_module(f"plainsum.document_formats.{name}").FORMAT
            if fmt.name != name:
                raise ValueError(f"the module document_formats.{name} defines the format '{fmt.name}'")
            self._formats[name] = fmt

    def register(self, fmt: Format) -> None:
        if fmt.name in self._formats or fmt.name in BUILTIN_MODULES:
            raise ValueError(f"format '{fmt.name}' is registered twice")
        self._formats[fmt.name] = fmt

    def __contains__(self, name: object) -> bool:
        return name in BUILTIN_MODULES or name in self._formats

    def __getitem__(self, name: str) -> Format:
        self._load(name)
        return self._formats[name]

    def names(self) -> list[str]:
        return [*BUILTIN_MODULES, *(name for name in self._formats if name not in BUILTIN_MODULES)]


registry = FormatRegistry()


def template_for(fmt: str, document: Document, templates: TemplateSet, extension: str) -> str:
    """Per-document template first (txt/summary.txt.j2), then the format's shared one."""
    specific = f"{fmt}/{document.kind}.{extension}.j2"
    if templates.find(specific) is not None:
        return specific
    return f"{fmt}/document.{extension}.j2"
