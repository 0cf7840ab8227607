"""Headings as authors write them, mapped to the sections of each kind of document."""

from __future__ import annotations

import re
from typing import Any

from plainsum.content.kinds import KINDS

# normalised heading -> section key, per kind. Anything not here is kept as an extra section.
SYNONYMS: dict[str, dict[str, str]] = {
    "cochrane-review": {
        "background": "background", "introduction": "background", "context": "background",
        "objective": "objectives", "objectives": "objectives", "aim": "objectives", "aims": "objectives",
        "review objectives": "objectives",
        "search methods": "search_methods", "search strategy": "search_methods",
        "search methods for identification of studies": "search_methods", "searching": "search_methods",
        "data sources": "search_methods",
        "selection criteria": "selection_criteria", "inclusion criteria": "selection_criteria",
        "study selection": "selection_criteria", "criteria for considering studies for this review": "selection_criteria",
        "data collection and analysis": "data_collection", "data collection analysis": "data_collection",
        "data extraction and analysis": "data_collection", "data collection": "data_collection",
        "data extraction": "data_collection",
        "main results": "main_results", "results": "main_results",
        "authors conclusions": "authors_conclusions", "author conclusions": "authors_conclusions",
        "reviewers conclusions": "authors_conclusions", "conclusions": "authors_conclusions",
        "conclusion": "authors_conclusions", "implications": "authors_conclusions",
    },
    "cochrane-review-rationale": {
        "rationale": "rationale", "background": "rationale",
        "objective": "objectives", "objectives": "objectives",
        "search methods": "search_methods", "search strategy": "search_methods",
        "eligibility criteria": "eligibility_criteria", "selection criteria": "eligibility_criteria",
        "outcomes": "outcomes", "risk of bias": "risk_of_bias", "synthesis methods": "synthesis_methods",
        "included studies": "included_studies", "synthesis of results": "synthesis_of_results",
        "authors conclusions": "authors_conclusions", "conclusions": "authors_conclusions",
        "funding": "funding", "registration": "registration",
    },
    "cochrane-review-brief": {
        "background": "background", "objective": "objectives", "objectives": "objectives",
        "methods": "methods", "method": "methods", "main results": "main_results", "results": "main_results",
        "authors conclusions": "authors_conclusions", "conclusions": "authors_conclusions",
        "conclusion": "authors_conclusions",
    },
    "primary-study": {
        "background": "background", "introduction": "background", "context": "background",
        "rationale": "background", "importance": "background",
        "objective": "objectives", "objectives": "objectives", "aim": "objectives", "aims": "objectives",
        "purpose": "objectives", "aims and objectives": "objectives", "study objective": "objectives",
        "study objectives": "objectives", "goal": "objectives", "goals": "objectives",
        "methods": "methods", "method": "methods", "methodology": "methods", "materials and methods": "methods",
        "patients and methods": "methods", "subjects and methods": "methods", "design": "methods",
        "study design": "methods", "research design and methods": "methods", "setting": "methods",
        "participants": "methods", "patients": "methods", "interventions": "methods", "intervention": "methods",
        "measurements": "methods", "main outcome measures": "methods", "outcome measures": "methods",
        "design setting and participants": "methods", "main outcomes and measures": "methods",
        "results": "results", "findings": "results", "main results": "results",
        "measurements and main results": "results",
        "conclusions": "conclusions", "conclusion": "conclusions", "interpretation": "conclusions",
        "conclusions and relevance": "conclusions", "discussion": "conclusions", "implications": "conclusions",
    },
}

# Headings that name a part of a section (CONSORT-style abstracts): kept as a lead-in label.
SUBLABELS = {"design", "study design", "setting", "participants", "patients", "interventions", "intervention",
             "measurements", "main outcome measures", "outcome measures", "design setting and participants",
             "main outcomes and measures", "patients and methods", "subjects and methods"}


def display_heading(heading: str) -> str:
    """'MAIN OUTCOME MEASURES:' -> 'Main outcome measures' (headings in capitals read as shouting)."""
    text = re.sub(r"\s+", " ", heading).strip().rstrip(":").strip()
    return text.capitalize() if text.isupper() and len(text) > 3 else text


# Headings that only occur in one kind of document, for telling them apart.
COCHRANE_MARKERS = {"search methods", "search strategy", "selection criteria", "data collection and analysis",
                    "authors conclusions", "main results", "review question", "plain language summary"}
RATIONALE_MARKERS = {"rationale", "eligibility criteria", "synthesis methods", "synthesis of results",
                     "included studies", "risk of bias"}

# Headings of published lay summaries (2013-2021 and the 2021 template), normalised.
LAY_HEADINGS = {"review question", "study characteristics", "key results", "quality of the evidence",
                "certainty of the evidence", "key messages", "what did we want to find out", "what did we do",
                "what did we find", "what are the limitations of the evidence", "how up to date is this evidence",
                "how up to date is this review", "search date", "what is the issue", "what is the aim of this review",
                "what are the main results of the review", "what was studied in the review", "why is this important",
                "what does this mean", "bottom line", "key findings"}

# Every heading we know in any kind (for recognising headings in plain text).
KNOWN_HEADINGS = set().union(*SYNONYMS.values()) | COCHRANE_MARKERS | RATIONALE_MARKERS | LAY_HEADINGS


def normalise(heading: str) -> str:
    """'Authors’ conclusions:' -> 'authors conclusions'."""
    text = heading.lower().replace("’", "'").replace("&", " and ")
    text = re.sub(r"[^a-z0-9 ]+", " ", text.replace("'", ""))
    return re.sub(r"\s+", " ", text).strip()


def section_key(kind: str, heading: str) -> str | None:
    return SYNONYMS[kind].get(normalise(heading))


def guess_kind(headings: list[str], text: str = "") -> str:
    """The kind of document its headings (and a mention of Cochrane) point to."""
    names = {normalise(h) for h in headings}
    if len(names & RATIONALE_MARKERS) >= 2:
        return "cochrane-review-rationale"
    cochrane = names & COCHRANE_MARKERS
    if cochrane - {"main results"} or (cochrane and re.search(r"\bCochrane\b", text)):
        return "cochrane-review"
    if "methods" in names and re.search(r"\bCochrane\b", text):
        return "cochrane-review-brief"
    return "primary-study"


def missing_required(kind: str, keys: set[str]) -> list[str]:
    return [spec.key for spec in KINDS[kind].sections if spec.required and spec.key not in keys]


def order(kind: str, sections: dict[str, Any]) -> dict[str, Any]:
    """Sections in the kind's order."""
    keys = [spec.key for spec in KINDS[kind].sections]
    return {key: sections[key] for key in keys if key in sections}
