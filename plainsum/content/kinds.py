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
    waived_facts: tuple[str, ...] = ()  # facts the kind requires that this layout's documents do not use
    # parts that explain (background, aims, methods): the claim checks read no claim in them
    explaining_parts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Kind:
    name: str
    sections: tuple[SectionSpec, ...]
    required_facts: tuple[str, ...]
    layouts: tuple[str, ...]
    description: str
    preset: str | None = None  # the gate preset its lay summaries are held to by default (config/gate.py PRESETS)

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

# The newer Cochrane abstract format (first heading "Rationale"), as in the corpus.
COCHRANE_RATIONALE_SECTIONS = (
    SectionSpec("rationale", "Rationale"),
    SectionSpec("objectives", "Objectives"),
    SectionSpec("search_methods", "Search methods"),
    SectionSpec("eligibility_criteria", "Eligibility criteria"),
    SectionSpec("outcomes", "Outcomes", required=False),
    SectionSpec("risk_of_bias", "Risk of bias", required=False),
    SectionSpec("synthesis_methods", "Synthesis methods", required=False),
    SectionSpec("included_studies", "Included studies"),
    SectionSpec("synthesis_of_results", "Synthesis of results"),
    SectionSpec("authors_conclusions", "Authors' conclusions"),
    SectionSpec("funding", "Funding", required=False),
    SectionSpec("registration", "Registration", required=False),
)

# Cochrane abstracts that give their methods under one "Methods" heading.
COCHRANE_BRIEF_SECTIONS = (
    SectionSpec("background", "Background"),
    SectionSpec("objectives", "Objectives"),
    SectionSpec("methods", "Methods"),
    SectionSpec("main_results", "Main results"),
    SectionSpec("authors_conclusions", "Authors' conclusions"),
)

# The technical summary of a trial's results (the data under `trial:` gives its identifiers and counts).
TRIAL_RESULTS_SECTIONS = (
    SectionSpec("objectives", "Objectives"),
    SectionSpec("methods", "Methods", required=False),
    SectionSpec("results", "Results"),
    SectionSpec("conclusions", "Conclusions", required=False),
)

LAYOUTS: dict[str, Layout] = {
    "classic": Layout(
        name="classic",
        template="summary/classic.md.j2",
        parts=(SummaryPart("review_question"),),
        plain_sections=("background", "main_results", "authors_conclusions"),
        description="Plain title, review question, background, results, search date and conclusions, "
        "as on cochrane.org for reviews of 2013-2021.",
        explaining_parts=("review_question",),
    ),
    "study": Layout(
        name="study",
        template="summary/study.md.j2",
        parts=(SummaryPart("study_question"),),
        plain_sections=("background", "methods", "results", "conclusions"),
        description="Plain title, what the study asked, what was done, what was found, what it means.",
        explaining_parts=("study_question",),
    ),
    "cochrane-2021": Layout(
        name="cochrane-2021",
        template="summary/cochrane-2021.md.j2",
        parts=(
            SummaryPart("key_messages", is_list=True),
            SummaryPart("what_is_heading"),  # the tailored "What is ...?" heading
            SummaryPart("what_is"),
            SummaryPart("want_to_find_out"),
            SummaryPart("what_we_did"),
            SummaryPart("what_we_found"),
            SummaryPart("limitations"),
            SummaryPart("up_to_date", required=False),  # said before "The evidence is up to date to ..."
        ),
        plain_sections=(),
        explaining_parts=("what_is_heading", "what_is", "want_to_find_out", "what_we_did"),
        description="Cochrane's 2021 plain language summary: key messages, a tailored 'What is ...?', "
        "what we wanted to find out, did, found, the limitations, and how up to date the evidence is.",
    ),
    "as-published": Layout(
        name="as-published",
        template="summary/as-published.md.j2",
        parts=(SummaryPart("text"),),  # Markdown, with the published headings as level-2 headings
        plain_sections=(),
        description="A lay summary kept as it was published (plainsum import): its own headings and "
        "paragraphs in one Markdown text. Its search date, if any, is written in the text.",
        waived_facts=("search_date",),
    ),
    "eu-annex-v": Layout(
        name="eu-annex-v",
        template="summary/eu-annex-v.md.j2",
        # The prose elements of Annex V of Regulation (EU) No 536/2014; its data elements are under
        # `trial:` (content/trial.py). Whether each is there is the check trial.elements, so a draft builds.
        parts=(
            SummaryPart("why", required=False),  # 3: the main objectives and why the trial was done
            SummaryPart("inclusion", required=False, is_list=True),  # 4: who could take part
            SummaryPart("exclusion", required=False, is_list=True),  # 4: who could not
            SummaryPart("medicines", required=False),  # 5: the medicines studied
            SummaryPart("side_effects", required=False),  # 6: the adverse reactions (their counts are data)
            SummaryPart("results", required=False),  # 7: the overall results
            SummaryPart("comments", required=False),  # 8: comments on the outcome
            SummaryPart("follow_up", required=False),  # 9: whether follow-up trials are planned
            SummaryPart("more_information", required=False),  # 10: where to find more
        ),
        plain_sections=(),
        description="A summary of a clinical trial's results for laypersons after Annex V of EU Regulation "
        "536/2014: its ten elements in order, the data from `trial:`, side effects as natural frequencies.",
    ),
}

KINDS: dict[str, Kind] = {
    "cochrane-review": Kind(
        name="cochrane-review",
        sections=COCHRANE_SECTIONS,
        required_facts=("search_date",),
        layouts=("classic", "cochrane-2021", "as-published"),
        description="A Cochrane systematic review with the seven classic abstract headings.",
    ),
    "cochrane-review-rationale": Kind(
        name="cochrane-review-rationale",
        sections=COCHRANE_RATIONALE_SECTIONS,
        required_facts=("search_date",),
        layouts=("as-published",),
        description="A Cochrane systematic review in the newer abstract format (Rationale, Eligibility "
        "criteria, Outcomes, Risk of bias, Synthesis methods, Included studies, Synthesis of results, ...).",
    ),
    "cochrane-review-brief": Kind(
        name="cochrane-review-brief",
        sections=COCHRANE_BRIEF_SECTIONS,
        required_facts=("search_date",),
        layouts=("classic", "as-published"),
        description="A Cochrane systematic review whose abstract has one Methods section.",
    ),
    "primary-study": Kind(
        name="primary-study",
        sections=PRIMARY_STUDY_SECTIONS,
        required_facts=(),
        layouts=("study", "as-published"),
        description="A primary study abstract (IMRaD / CONSORT style).",
    ),
    "trial-results": Kind(
        name="trial-results",
        sections=TRIAL_RESULTS_SECTIONS,
        required_facts=(),
        layouts=("eu-annex-v",),
        description="The results of one clinical trial, with its data under `trial:` (identifiers, sponsor, "
        "participants, groups, medicines, adverse reactions), summarised for laypersons as EU law requires.",
        preset="eu-lay-summary",
    ),
    "other": Kind(
        name="other",
        sections=(SectionSpec("abstract", "Abstract", required=False),),
        required_facts=(),
        layouts=("as-published",),
        description="An abstract of no known structure (plainsum import's fallback): unstructured text "
        "in 'abstract', and any headed parts kept in order as extra_sections.",
    ),
}
