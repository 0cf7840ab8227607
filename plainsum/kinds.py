"""The kinds of document plainsum knows, and the lay summary layouts each can use.

A kind names its abstract sections in order; a layout names the lay-only parts it needs.
Both are data: adding a kind or a layout means adding an entry here and a template.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SectionSpec:
    key: str
    heading: str
    required: bool = True


@dataclass(frozen=True)
class SummaryPart:
    key: str
    required: bool = True
    is_list: bool = False  # a list of short Markdown items (key messages) rather than one text


@dataclass(frozen=True)
class Layout:
    name: str
    template: str
    parts: tuple[SummaryPart, ...]
    plain_sections: tuple[str, ...]  # sections whose `plain` text the layout prints
    description: str


@dataclass(frozen=True)
class Kind:
    name: str
    sections: tuple[SectionSpec, ...]
    required_facts: tuple[str, ...]
    layouts: tuple[str, ...]
    description: str

    @property
    def abstract_template(self) -> str:
        return f"abstract/{self.name}.md.j2"

    def section(self, key: str) -> SectionSpec | None:
        return next((spec for spec in self.sections if spec.key == key), None)


COCHRANE_SECTIONS = (
    SectionSpec("background", "Background"),
    SectionSpec("objectives", "Objectives"),
    SectionSpec("search_methods", "Search methods"),
    SectionSpec("selection_criteria", "Selection criteria"),
    SectionSpec("data_collection", "Data collection and analysis"),
    SectionSpec("main_results", "Main results"),
    SectionSpec("authors_conclusions", "Authors' conclusions"),
)

PRIMARY_STUDY_SECTIONS = (
    SectionSpec("background", "Background", required=False),
    SectionSpec("objectives", "Objective"),
    SectionSpec("methods", "Methods"),
    SectionSpec("results", "Results"),
    SectionSpec("conclusions", "Conclusions"),
)

LAYOUTS: dict[str, Layout] = {
    "classic": Layout(
        name="classic",
        template="summary/classic.md.j2",
        parts=(SummaryPart("review_question"),),
        plain_sections=("background", "main_results", "authors_conclusions"),
        description="Plain title, review question, background, results, search date and conclusions, "
        "as on cochrane.org for reviews of 2013-2021.",
    ),
    "study": Layout(
        name="study",
        template="summary/study.md.j2",
        parts=(SummaryPart("study_question"),),
        plain_sections=("background", "methods", "results", "conclusions"),
        description="Plain title, what the study asked, what was done, what was found, what it means.",
    ),
}

KINDS: dict[str, Kind] = {
    "cochrane-review": Kind(
        name="cochrane-review",
        sections=COCHRANE_SECTIONS,
        required_facts=("search_date",),
        layouts=("classic",),
        description="A Cochrane systematic review with the seven classic abstract headings.",
    ),
    "primary-study": Kind(
        name="primary-study",
        sections=PRIMARY_STUDY_SECTIONS,
        required_facts=(),
        layouts=("study",),
        description="A primary study abstract (IMRaD / CONSORT style).",
    ),
}
