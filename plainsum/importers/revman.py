"""RevMan 5 review files (.rm5, the XML that RevMan 5 writes).

Read: the cover sheet (title, authors, DOI, last search), the seven headings of the abstract, the
plain language summary, the summary of findings tables and the meta-analyses. Each summary of
findings row becomes a result kept as data (measure, estimate, CI, studies, participants, GRADE
certainty, the assumed risk as `control_risk`), matched to its analysis by its participants and
studies. What could not be mapped is said in the draft's notes, one note a thing.
"""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from plainsum.grade.results import RESULT_KEYS
from plainsum.importers import dates, escape
from plainsum.importers.model import Draft, DraftSection, ImportFailure, doi_id, slug
from plainsum.importers.revman_summary import lay_summary
from plainsum.importers.revman_tables import SofRow, read_sof_tables
from plainsum.importers.revman_text import paragraphs, plain
from plainsum.importers.sections import normalise

ABSTRACT_SECTIONS = (
    ("ABS_BACKGROUND", "background"),
    ("ABS_OBJECTIVES", "objectives"),
    ("ABS_SEARCH_STRATEGY", "search_methods"),
    ("ABS_SELECTION_CRITERIA", "selection_criteria"),
    ("ABS_DATA_COLLECTION", "data_collection"),
    ("ABS_RESULTS", "main_results"),
    ("ABS_CONCLUSIONS", "authors_conclusions"),
)
UNMAPPED_PARTS = (
    ("MAIN_TEXT/BODY", "the full text (MAIN_TEXT/BODY)"),
    ("STUDIES_AND_REFERENCES", "the studies and references"),
    ("CHARACTERISTICS_OF_STUDIES", "the characteristics of studies"),
    ("QUALITY_ITEMS", "the risk of bias judgements (QUALITY_ITEMS)"),
    ("ADDITIONAL_TABLES", "the additional tables"),
    ("FIGURES", "the figures"),
    ("FEEDBACK", "the feedback"),
    ("APPENDICES", "the appendices"),
)
RATIO_MEASURES = {"RR", "OR", "HR", "PETO_OR", "IRR"}
MEASURE_NAMES = {"PETO_OR": "OR", "IV_RR": "RR"}
CERTAINTY_WORDS = (("very low", "very low"), ("moderate", "moderate"), ("high", "high"), ("low", "low"))


@dataclass
class Analysis:
    number: str  # "1.1": comparison and outcome, as RevMan numbers them
    name: str
    measure: str
    estimate: float
    ci_low: float
    ci_high: float
    studies: int
    participants: int
    estimable: bool
    subgroups: bool
    better: str | None = None  # "lower" when the forest plot's left side favours the intervention, "higher" when the right


def _better(outcome: ET.Element) -> str | None:
    """Which way is good, from the forest plot's labels: left (lower values) 'Favours <group 1>'
    means lower is better for the intervention; 'Favours <group 2>' on the left means higher."""
    left = plain(outcome.find("GRAPH_LABEL_1")).lower()
    right = plain(outcome.find("GRAPH_LABEL_2")).lower()
    first = plain(outcome.find("GROUP_LABEL_1")).lower()
    second = plain(outcome.find("GROUP_LABEL_2")).lower()
    swapped = outcome.get("SWAP_EVENTS") == "YES"  # RevMan plots the other event: the sides change meaning
    if not first or not second or first == second:
        return None
    if first in left or second in right:
        return "higher" if swapped else "lower"
    if second in left or first in right:
        return "lower" if swapped else "higher"
    return None


@dataclass
class RevmanReview:
    draft: Draft
    unmapped: list[str] = field(default_factory=list)


# --- the cover sheet ----------------------------------------------------------------------------

def _authors(cover: ET.Element | None) -> list[str]:
    if cover is None:
        return []
    names = []
    for person in cover.findall("CREATORS/PERSON"):
        parts = [plain(person.find(tag)) for tag in ("FIRST_NAME", "MIDDLE_INITIALS", "LAST_NAME")]
        name = " ".join(part for part in parts if part)
        if name:
            names.append(name)
    return names


def _initials(person: ET.Element) -> str:
    first = plain(person.find("FIRST_NAME"))
    middle = plain(person.find("MIDDLE_INITIALS")).replace(".", "").replace(" ", "")
    return "".join(part[0] for part in first.replace("-", " ").split() if part) + middle


def _citation(root: ET.Element, title: str, doi: str | None) -> str | None:
    """'Spinks A, Glasziou PP, Del Mar CB. Antibiotics for sore throat. Cochrane Database of Systematic
    Reviews 2013, Issue 11. Art. No.: CD000023.', as the Cochrane Library cites a review."""
    people = root.findall("COVER_SHEET/CREATORS/PERSON")
    names = [f"{plain(p.find('LAST_NAME'))} {_initials(p)}".strip() for p in people if plain(p.find("LAST_NAME"))]
    issue = root.find("COVER_SHEET/DATES/LAST_CITATION_ISSUE")
    if not names or issue is None or not issue.get("YEAR"):
        return None
    citation = f"{', '.join(names)}. {title}. Cochrane Database of Systematic Reviews {issue.get('YEAR')}"
    if issue.get("ISSUE"):
        citation += f", Issue {issue.get('ISSUE')}"
    number = re.search(r"14651858\.(CD\d+)", doi or "")
    return citation + (f". Art. No.: {number.group(1)}." if number else ".")


def _version(root: ET.Element, doi: str | None) -> dict[str, object]:
    """`version:` from the DOI's number and the latest new-citation event of What's new and History
    ("NEW_CITATION_OLD_CONCLUSIONS": the conclusions did not change)."""
    events = [(_date(entry.find("DATE")), entry.get("EVENT") or "")
              for entry in root.findall("COVER_SHEET/WHATS_NEW/WHATS_NEW_ENTRY") + root.findall("COVER_SHEET/HISTORY/WHATS_NEW_ENTRY")]
    citations = sorted(((day, event) for day, event in events if day is not None and event.startswith("NEW_CITATION")),
                       reverse=True)
    version: dict[str, object] = {}
    number = re.search(r"\.pub(\d+)$", doi or "")
    if number:
        version["number"] = int(number.group(1))
    if citations:
        version["conclusions_changed"] = citations[0][1] == "NEW_CITATION_NEW_CONCLUSIONS"
    return version


def _date(element: ET.Element | None) -> datetime.date | None:
    if element is None:
        return None
    try:
        return datetime.date(int(element.get("YEAR", "")), int(element.get("MONTH", "")), int(element.get("DAY", "")))
    except ValueError:
        return None


# --- analyses -----------------------------------------------------------------------------------

def _number(text: str | None) -> float | None:
    try:
        value = float(text or "")
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def _analyses(root: ET.Element) -> list[Analysis]:
    found: list[Analysis] = []
    for comparison in root.findall("ANALYSES_AND_DATA/COMPARISON"):
        for outcome in comparison:
            if outcome.tag not in ("DICH_OUTCOME", "CONT_OUTCOME", "IV_OUTCOME"):
                continue
            values = [_number(outcome.get(key)) for key in ("EFFECT_SIZE", "CI_START", "CI_END")]
            totals = [_number(outcome.get(key)) or 0 for key in ("TOTAL_1", "TOTAL_2", "STUDIES")]
            measure = (outcome.get("EFFECT_MEASURE") or "").upper()
            found.append(Analysis(
                number=f"{comparison.get('NO', '?')}.{outcome.get('NO', '?')}",
                name=plain(outcome.find("NAME")),
                measure=MEASURE_NAMES.get(measure, measure),
                estimate=values[0] or 0.0, ci_low=values[1] or 0.0, ci_high=values[2] or 0.0,
                studies=int(totals[2]), participants=int(totals[0] + totals[1]),
                estimable=outcome.get("ESTIMABLE") == "YES" and None not in values,
                subgroups=outcome.get("SUBGROUPS") == "YES",
                better=_better(outcome),
            ))
    return found


def _words(text: str) -> set[str]:
    return set(normalise(text).split())


def _match_analysis(row: SofRow, analyses: list[Analysis]) -> Analysis | None:
    """The analysis a summary of findings row reports: the same participants and studies (an
    overall analysis before its subgroup splits), or else the closest name."""
    same = [a for a in analyses if a.estimable and a.participants == row.participants and a.studies == row.studies]
    if same:
        return sorted(same, key=lambda a: (a.subgroups, -len(_words(a.name) & _words(row.outcome))))[0]
    scored = sorted(((len(_words(a.name) & _words(row.outcome)), a) for a in analyses if a.estimable),
                    key=lambda pair: -pair[0])
    if scored and scored[0][0] >= 2:
        return scored[0][1]
    return None


def _shown(value: float) -> str:
    return f"{value:.2f}"


# --- results ------------------------------------------------------------------------------------

def _result_id(outcome: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", outcome.lower()).strip("_") or "outcome"
    if base[0].isdigit():
        base = "outcome_" + base
    base = base[:50].rstrip("_")
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    taken.add(candidate)
    return candidate


def _outcome_words(name: str) -> str:
    """'Sore throat: day 3' -> 'sore throat (day 3)': a name that reads inside a sentence."""
    text = name.strip().rstrip(".")
    if ":" in text:
        head, _, rest = text.partition(":")
        text = f"{head.strip()} ({rest.strip()})"
    return text[:1].lower() + text[1:] if not text[:2].isupper() else text


SIZE_WORDS = (
    ("little or no difference", re.compile(r"\b(?:little or no|no (?:important|meaningful)?\s*|trivial) (?:difference|effect)", re.I)),
    ("large", re.compile(r"\blarge (?:effect|reduction|increase|benefit|difference)", re.I)),
    ("moderate", re.compile(r"\bmoderate (?:effect|reduction|increase|benefit|difference)", re.I)),
    ("small", re.compile(r"\b(?:small|slight) (?:effect|reduction|increase|benefit|difference)", re.I)),
)


def stated_size(comment: str) -> str | None:
    """The size of the effect where the table's comment states it ("a small reduction")."""
    return next((size for size, pattern in SIZE_WORDS if pattern.search(comment)), None)


def _result(row: SofRow, analysis: Analysis | None, taken: set[str], said: list[str]) -> dict[str, object] | None:
    """The result of one summary of findings row, or None; `said` gets what the author should know."""
    measure = row.measure or (analysis.measure if analysis else None)
    missing = ("no effect measure in the table and no matching analysis" if measure is None else
               f"no estimate with a confidence interval ({row.relative_text!r})" if row.estimate is None or row.ci is None else
               f"no GRADE certainty ({row.certainty_text!r})" if row.certainty is None else
               f"no participants (studies) ({row.participants_text!r})" if row.participants is None or row.studies is None
               else None)
    if missing is not None:
        said.append(f"not imported as a result: {missing}")
        return None
    assert measure is not None and row.estimate is not None and row.ci is not None
    result: dict[str, object] = {
        "id": _result_id(row.outcome, taken),
        "outcome": _outcome_words(row.outcome),
        "measure": measure,
        "estimate": row.estimate,
        "ci": [row.ci[0], row.ci[1]],
        "studies": row.studies,
        "participants": row.participants,
        "certainty": row.certainty,
    }
    if measure.upper() in ("MD", "SMD"):
        name = str(result["outcome"])
        result["outcome"] = {"technical": name, "plain": name, "quality": False}
        said.append(f"a {measure}: 'quality: false' is written (worded reduces/increases); set 'quality: true' if "
                    f"'{name}' is a state that gets better or worse (asthma control, quality of life: improves/worsens)")
    size = stated_size(row.comment)
    if size is not None:
        result["size"] = size
        said.append(f"size '{size}' as its comment states ({row.comment!r})")
    estimate = float(row.estimate)
    null = 1.0 if measure.upper() in RATIO_MEASURES else 0.0
    if estimate != null and size != "little or no difference":
        result["direction"] = "reduce" if estimate < null else "increase"
    if analysis is not None and analysis.better is not None and "better" in RESULT_KEYS:
        result["better"] = analysis.better  # from the forest plot's "Favours ..." labels of analysis N.N
    if row.control_risk is not None:
        if "control_risk" in RESULT_KEYS:
            result["control_risk"] = row.control_risk
        else:  # a content model without absolute effects: the figure is kept for the author, here
            said.append(f"assumed risk {row.control_risk} not written (this plainsum's results have no control_risk)")
    if row.estimate_from:
        said.append(f"the relative effect column gives only {row.relative_text!r}: the estimate {row.estimate} was read "
                    f"from the '{row.estimate_from}' column, where this table puts it")
    if analysis is not None:
        if (_shown(analysis.estimate), _shown(analysis.ci_low), _shown(analysis.ci_high)) != (row.estimate, *row.ci):
            said.append(f"the table's {measure} {row.estimate} ({row.ci[0]} to {row.ci[1]}) was used; analysis "
                        f"{analysis.number} '{analysis.name}' gives {analysis.measure} {_shown(analysis.estimate)} "
                        f"({_shown(analysis.ci_low)} to {_shown(analysis.ci_high)})")
    else:
        said.append("no analysis has its participants and studies")
    return result


# --- the whole file -----------------------------------------------------------------------------

def check_safe(data: bytes) -> None:
    """RevMan writes no document type; a file that declares entities is refused before parsing,
    so no entity can expand or name another file."""
    head = data[:65536].upper()
    if b"<!DOCTYPE" in head or b"<!ENTITY" in data.upper():
        raise ImportFailure("the file declares a document type or entities, which RevMan files never do")


def parse_revman(data: bytes, source: str, review_id: str | None = None) -> Draft:
    """Raises ET.ParseError (with .position) for XML that is not well formed, ImportFailure for
    a file that is not a RevMan review."""
    check_safe(data)
    root = ET.fromstring(data)
    if root.tag != "COCHRANE_REVIEW":
        raise ImportFailure(f"expected a RevMan 5 review (<COCHRANE_REVIEW>), found <{root.tag}>")
    notes: list[str] = []
    cover = root.find("COVER_SHEET")
    title = plain(root.find("COVER_SHEET/TITLE")) or None
    if title is None:
        raise ImportFailure("the review has no title (COVER_SHEET/TITLE)")
    doi = (root.get("DOI") or "").strip() or None
    abstract = root.find("MAIN_TEXT/ABSTRACT")
    sections: dict[str, DraftSection] = {}
    for tag, key in ABSTRACT_SECTIONS:
        found = paragraphs(abstract.find(tag) if abstract is not None else None)
        if found:
            sections[key] = DraftSection("\n\n".join(found))
        else:
            sections[key] = DraftSection(f"TODO: the RevMan file has no text under {tag}.")
            notes.append(f"the abstract has no {tag}: its section '{key}' is marked TODO")
    plain_title, layout, summary = lay_summary(root.find("MAIN_TEXT/SUMMARY"))
    if layout is None or summary is None:
        layout, summary = "as-published", {"text": sections["authors_conclusions"].technical}
        notes.append("the file has no plain language summary: the summary repeats the authors' conclusions; "
                     "write it in plain language")
    elif layout == "cochrane-2021":
        notes.append("the lay summary's headings are those of Cochrane's 2021 template: imported in the cochrane-2021 layout")
    facts: dict[str, object] = {}
    searched = _date(root.find("COVER_SHEET/DATES/LAST_SEARCH/DATE"))
    if searched is not None:
        facts["search_date"] = searched
        search = sections["search_methods"]
        search.technical = dates.use_fact(search.technical, searched)  # one date, written once
    else:
        notes.append("the cover sheet gives no date of the last search (DATES/LAST_SEARCH): set facts.search_date")

    tables = read_sof_tables(root)
    analyses = _analyses(root)
    taken: set[str] = set()
    results: list[dict[str, object]] = []
    used: set[str] = set()
    for table in tables:
        if table.intervention and "intervention" not in facts:
            facts["intervention"] = table.intervention
        notes.extend(table.notes)
        for row in table.rows:
            analysis = _match_analysis(row, analyses)
            said: list[str] = []
            result = _result(row, analysis, taken, said)
            if said:
                notes.append(f"summary of findings row '{row.outcome}': " + "; ".join(said))
            if result is None:
                continue
            if analysis is not None:
                used.add(analysis.number)
            results.append(result)
    if not tables:
        notes.append("the file has no summary of findings table: no results were imported (add them under "
                     "`results:` with the certainty of each outcome)")
    if results and "intervention" not in facts:
        facts["intervention"] = "the intervention"
        notes.append("no summary of findings table names the intervention: set facts.intervention")
    intervention = str(facts.get("intervention", ""))
    if re.search(r"[^su]s$", intervention):  # "antibiotics reduce", not "antibiotics reduces"
        facts["intervention_plural"] = True
    notes.append("not imported (plainsum keeps the abstract and the lay summary): " + ", ".join(
        label for tag, label in UNMAPPED_PARTS if root.find(tag) is not None and len(root.find(tag) or ()) > 0))
    leftover = [a for a in analyses if a.number not in used]
    if leftover:
        listed = "; ".join(f"{a.number} {a.name}" for a in leftover[:12]) + ("; ..." if len(leftover) > 12 else "")
        notes.append(f"{len(leftover)} of {len(analyses)} analyses are in no summary of findings row and were not "
                     f"imported as results (no GRADE certainty for them): {listed}")
    unsized = [str(r["id"]) for r in results if "size" not in r]
    if unsized:
        notes.append("the size of each effect is the authors' judgement and the file does not state it: choose "
                     "`size` (large, moderate, small, little or no difference) for " + ", ".join(unsized))
    extra: list[tuple[str, DraftSection]] = []
    if results:
        technical = " ".join("{{ results." + str(r["id"]) + ".technical }}" for r in results)
        extra.append(("Summary of findings", DraftSection(technical)))
    draft = Draft(
        id=review_id or (doi_id(doi) if doi else slug(title)),
        kind="cochrane-review", layout=layout, title=title,
        plain_title=escape.heading_text(plain_title or title), doi=doi, authors=_authors(cover),
        facts=facts, sections=sections, extra_sections=extra, summary=summary, citation=_citation(root, title, doi),
        results=results, source=source, notes=notes, version=_version(root, doi),
    )
    if plain_title is None:
        notes.append("the lay summary has no title: plain_title repeats the title")
    return draft
