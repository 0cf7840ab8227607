"""ClinicalTrials.gov study records with results (its data API, version 2, JSON) into trial-results drafts.

The record's structure is ClinicalTrials.gov's "Study Data Structure" (clinicaltrials.gov/data-api/
about-api/study-data-structure): a `protocolSection` (identificationModule, statusModule,
sponsorCollaboratorsModule, descriptionModule, designModule, armsInterventionsModule,
eligibilityModule, contactsLocationsModule) and a `resultsSection` (participantFlowModule,
baselineCharacteristicsModule, outcomeMeasuresModule, adverseEventsModule, moreInfoModule). A file holds
one study, or `{"studies": [...]}` as the API's search answers.

What becomes data under `trial:`: the identifiers (the NCT number, the sponsor's protocol number, a
EudraCT or CTIS number among the secondary ids), the sponsor and its point of contact, the start and
completion dates, the baseline's total, its "Region of Enrollment" (participants per country), its age
categories and its "Sex: Female, Male" counts, its groups, the interventions, and the adverse events
(the total of serious ones and each other one, per group). The eligibility criteria become the
summary's inclusion and exclusion lists; the brief summary, the design and the primary outcome's
figures the technical sections. The lay text of the ten elements is left for the author: an import
is a start, and `plainsum check` says what is missing (trial.elements).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import Any

from plainsum.importers.escape import clean, jinja_literal
from plainsum.importers.model import Draft, DraftSection, ImportFailure

# Country names ClinicalTrials.gov writes that differ from CLDR's English names (content/trial.py names them back).
COUNTRY_ALIASES = {
    "korea, republic of": "KR", "republic of korea": "KR", "south korea": "KR", "russian federation": "RU",
    "czech republic": "CZ", "czechia": "CZ", "iran, islamic republic of": "IR", "taiwan": "TW", "viet nam": "VN",
    "moldova, republic of": "MD", "macedonia, the former yugoslavia republic of": "MK", "north macedonia": "MK",
    "turkey": "TR", "türkiye": "TR", "hong kong": "HK", "puerto rico": "PR", "united states": "US",
    "united kingdom": "GB", "slovakia": "SK", "bosnia and herzegovina": "BA", "tanzania": "TZ",
}
EU_NUMBER = re.compile(r"\b(\d{4}-\d{6}-\d{2}(?:-\d{2})?)\b")


def is_ctgov(head: str) -> bool:
    """Whether the start of a JSON file is a ClinicalTrials.gov study record (or a list of them)."""
    return '"protocolSection"' in head or ('"studies"' in head and '"nctId"' in head)


def studies(data: Any) -> list[dict[str, Any]]:
    """The study records of a parsed file: one study, or the API's {"studies": [...]}."""
    if isinstance(data, dict) and isinstance(data.get("studies"), list):
        found = [study for study in data["studies"] if isinstance(study, dict)]
    elif isinstance(data, dict):
        found = [data]
    elif isinstance(data, list):
        found = [study for study in data if isinstance(study, dict)]
    else:
        found = []
    return [study for study in found if isinstance(study.get("protocolSection"), dict)]


def _get(data: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _list(data: Any, *path: str) -> list[Any]:
    value = _get(data, *path)
    return value if isinstance(value, list) else []


def _str(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(clean(value).split())
    return None


def _prose(value: Any) -> str | None:
    text = _str(value)
    return jinja_literal(text) if text is not None else None


def _int(value: Any) -> int | None:
    """A count as the API gives it: a number, or digits in a string ("132")."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _date(value: Any, what: str, notes: list[str]) -> datetime.date | None:
    """A date of the record: 2014-12-01, or 2014-12 (the first of the month, said in a note)."""
    text = _str(value)
    if text is None:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return datetime.date.fromisoformat(text)
        if re.fullmatch(r"\d{4}-\d{2}", text):
            notes.append(f"the record gives the {what} as a month ({text}): the first of the month is written; correct it")
            return datetime.date.fromisoformat(text + "-01")
    except ValueError:
        pass
    notes.append(f"the {what} '{text}' is not a date plainsum reads")
    return None


def _id(text: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "group"
    if base[0].isdigit():
        base = "g_" + base
    base = base[:40].rstrip("_")
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}_{number}", number + 1
    taken.add(candidate)
    return candidate


def country_code(name: str) -> str | None:
    """ISO 3166 code of a country as ClinicalTrials.gov names it."""
    from plainsum.content.trial import territories

    key = " ".join(name.lower().split())
    if key in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[key]
    for code, english in territories("en").items():
        if english.lower() == key:
            return code
    return None


def age_range(title: str) -> tuple[int, int | None] | None:
    """(from, to) in years of an age category's title; None when it names none. ClinicalTrials.gov's own
    categories overlap at their limits ("<=18 years", "Between 18 and 65 years", ">=65 years"): the middle
    one is read as 19 to 64."""
    if match := re.search(r"between\s+(\d+)\s+and\s+(\d+)", title, re.I):
        return int(match.group(1)) + 1, int(match.group(2)) - 1
    if match := re.search(r"(\d+)\s*(?:-|\u2013|to)\s*(\d+)", title, re.I):  # "18-64 years", "From 65-84 years"
        return int(match.group(1)), int(match.group(2))
    if match := re.search(r"(?:>=|\u2265)\s*(\d+)", title):  # ">=65 years"
        return int(match.group(1)), None
    if match := re.search(r"(\d+)\s*(?:years)?\s*(?:and over|and older|or older|or over|\+)", title, re.I):
        return int(match.group(1)), None
    if match := re.search(r"(?:<=|\u2264)\s*(\d+)", title):  # "<=18 years"
        return 0, int(match.group(1))
    if match := re.search(r"<\s*(\d+)", title):
        return 0, int(match.group(1)) - 1
    return None


class _Baseline:
    """The baseline characteristics: its groups (without the total) and the total's counts of each measure."""

    def __init__(self, module: dict[str, Any]):
        groups = [g for g in _list(module, "groups") if isinstance(g, dict)]
        self.total_id = next((g.get("id") for g in groups if str(g.get("title", "")).strip().lower() == "total"), None)
        self.groups = [g for g in groups if g.get("id") != self.total_id]
        if self.total_id is None and len(groups) == 1:
            self.total_id = groups[0].get("id")
        self.denoms: dict[str, int] = {}
        for denom in _list(module, "denoms"):
            if str(_get(denom, "units") or "participants").lower() != "participants":
                continue
            for count in _list(denom, "counts"):
                value = _int(_get(count, "value"))
                if value is not None:
                    self.denoms[str(_get(count, "groupId"))] = value
        self.measures = [m for m in _list(module, "measures") if isinstance(m, dict)]

    def total(self) -> int | None:
        if self.total_id is not None and self.total_id in self.denoms:
            return self.denoms[self.total_id]
        counts = [self.denoms.get(str(g.get("id"))) for g in self.groups]
        return sum(c for c in counts if c is not None) if counts and None not in counts else None

    def measure(self, *starts: str) -> dict[str, Any] | None:
        return next((m for m in self.measures if str(m.get("title", "")).strip().lower().startswith(starts)), None)

    def rows(self, measure: dict[str, Any]) -> Iterator[tuple[str, int]]:
        """(title, the total's count) of each category; a class's title when its categories have none."""
        for klass in _list(measure, "classes"):
            for category in _list(klass, "categories"):
                title = _str(_get(category, "title")) or _str(_get(klass, "title"))
                values = {str(_get(m, "groupId")): _int(_get(m, "value")) for m in _list(category, "measurements")}
                value = values.get(str(self.total_id)) if self.total_id is not None else None
                if value is None and self.groups and all(values.get(str(g.get("id"))) is not None for g in self.groups):
                    value = sum(values[str(g.get("id"))] or 0 for g in self.groups)
                if title is not None and value is not None:
                    yield title, value


def study_to_draft(study: dict[str, Any], review_id: str | None = None) -> Draft:
    """One study record with results as a trial-results draft; ImportFailure when it has no results."""
    protocol = study["protocolSection"]
    results = study.get("resultsSection")
    nct = _str(_get(protocol, "identificationModule", "nctId"))
    if not isinstance(results, dict) or not results:
        raise ImportFailure(f"the record of {nct or 'the study'} has no results (resultsSection): a lay summary of results "
                            f"needs them")
    notes: list[str] = []
    title = _prose(_get(protocol, "identificationModule", "officialTitle")) or _prose(_get(protocol, "identificationModule", "briefTitle"))
    if title is None:
        raise ImportFailure("the record has no title (identificationModule.officialTitle or briefTitle)")
    plain_title = _prose(_get(protocol, "identificationModule", "briefTitle")) or title
    notes.append("the plain title is the record's brief title: write it in plain words for the lay summary")
    trial: dict[str, Any] = {"identifiers": _identifiers(protocol, nct, notes)}
    sponsor = _sponsor(protocol, results)
    if sponsor:
        trial["sponsor"] = sponsor
    for key, path in (("start_date", ("statusModule", "startDateStruct", "date")),
                      ("end_date", ("statusModule", "completionDateStruct", "date"))):
        value = _date(_get(protocol, *path), key.replace("_", " "), notes)
        if value is not None:
            trial[key] = value
    baseline = _Baseline(_get(results, "baselineCharacteristicsModule") or {})
    total = baseline.total() or _int(_get(protocol, "designModule", "enrollmentInfo", "count"))
    if total:
        trial["participants"] = total
    countries = _countries(baseline, protocol, notes)
    if countries:
        trial["countries"] = countries
    ages = _ages(baseline, notes)
    if ages:
        trial["age_groups"] = ages
    sex = _sex(baseline)
    if sex:
        trial["sex"] = sex
    taken: set[str] = set()
    groups, by_title = _groups(baseline, taken, notes)
    if groups:
        trial["groups"] = groups
    medicines = _medicines(protocol, by_title, taken)
    if medicines:
        trial["medicines"] = medicines
    reactions = _adverse_events(results, groups, by_title, taken, notes)
    if reactions is not None:
        trial["adverse_reactions"] = reactions
    inclusion, exclusion = criteria(_get(protocol, "eligibilityModule", "eligibilityCriteria"))
    summary: dict[str, Any] = {}
    if inclusion:
        summary["inclusion"] = inclusion
    if exclusion:
        summary["exclusion"] = exclusion
    if inclusion or exclusion:
        notes.append("the inclusion and exclusion lists are the record's criteria: write them in plain words")
    sections = {"objectives": DraftSection(_prose(_get(protocol, "descriptionModule", "briefSummary"))
                                           or "TODO the trial's objectives"),
                "results": DraftSection(_primary_outcome(results) or "TODO the main results, with their figures")}
    design = _design(protocol)
    if design:
        sections["methods"] = DraftSection(design)
    draft = Draft(
        id=review_id or (nct.lower() if nct else "trial"),
        kind="trial-results",
        layout="eu-annex-v",
        title=title,
        plain_title=plain_title,
        sections=sections,
        summary=summary,
        citation=f"Facts from the trial's record on ClinicalTrials.gov, {nct}." if nct else None,
        notes=notes,
        source=f"ClinicalTrials.gov {nct}" if nct else "ClinicalTrials.gov",
    )
    draft.trial = trial
    return draft


def _identifiers(protocol: dict[str, Any], nct: str | None, notes: list[str]) -> dict[str, Any]:
    from plainsum.content.trial import EU_TRIAL_NUMBER, NCT_NUMBER

    found: dict[str, Any] = {}
    org = _str(_get(protocol, "identificationModule", "orgStudyIdInfo", "id"))
    others = []
    for secondary in _list(protocol, "identificationModule", "secondaryIdInfos"):
        value = _str(_get(secondary, "id"))
        if value is None:
            continue
        kind = str(_get(secondary, "type") or "").upper()
        number = EU_NUMBER.search(value)
        if "eu_trial_number" not in found and (kind in ("EUDRACT_NUMBER", "CTIS") or number) and number \
                and EU_TRIAL_NUMBER.match(number.group(1)):
            found["eu_trial_number"] = number.group(1)
        else:
            others.append(value)
    if "eu_trial_number" not in found:
        notes.append("the record gives no EudraCT or EU CT number: add 'eu_trial_number' (Annex V element 1)")
    if org:
        found["protocol"] = org
    if nct and NCT_NUMBER.match(nct):
        found["nct"] = nct
    if others:
        found["other"] = others
    return found


def _sponsor(protocol: dict[str, Any], results: dict[str, Any]) -> dict[str, str]:
    sponsor: dict[str, str] = {}
    name = _str(_get(protocol, "sponsorCollaboratorsModule", "leadSponsor", "name"))
    if name:
        sponsor["name"] = name
    contact = _get(results, "moreInfoModule", "pointOfContact")
    parts = [_str(_get(contact, key)) for key in ("title", "organization", "email", "phone")]
    if any(parts):
        sponsor["contact"] = ", ".join(part for part in parts if part)
    return sponsor


def _countries(baseline: _Baseline, protocol: dict[str, Any], notes: list[str]) -> list[dict[str, Any]]:
    measure = baseline.measure("region of enrollment")
    if measure is None:
        places = sorted({c for c in (_str(_get(loc, "country")) for loc in _list(protocol, "contactsLocationsModule", "locations")) if c})
        notes.append("the record gives no participants per country (Region of Enrollment)"
                     + (f"; its sites are in {', '.join(places)}" if places else "") + ": add 'countries' (Annex V element 4)")
        return []
    countries: dict[str, int] = {}
    for name, count in baseline.rows(measure):
        code = country_code(name)
        if code is None:
            notes.append(f"the country '{name}' ({count} participants) has no ISO code plainsum knows: add it to 'countries'")
            continue
        countries[code] = countries.get(code, 0) + count
    return [{"country": code, "participants": count} for code, count in countries.items()]


def _ages(baseline: _Baseline, notes: list[str]) -> list[dict[str, Any]]:
    measure = baseline.measure("age, categorical", "age, customized", "age categorical")
    if measure is None:
        notes.append("the record gives no age categories: add 'age_groups' (Annex V element 4)")
        return []
    ages = []
    for title, count in baseline.rows(measure):
        found = age_range(title)
        if found is None:
            notes.append(f"the age category '{title}' names no range in years: add it to 'age_groups'")
            return []
        low, high = found
        ages.append({"from": low, **({"to": high} if high is not None else {}), "participants": count})
    if any(re.search(r"between", title, re.I) or re.search(r"<=|>=", title) for title, _ in baseline.rows(measure)):
        notes.append("the age categories' limits are read from their titles ('<=18', 'Between 18 and 65', '>=65'): check them")
    return ages


def _sex(baseline: _Baseline) -> dict[str, int]:
    measure = baseline.measure("sex", "gender")
    sex: dict[str, int] = {}
    if measure is None:
        return sex
    for title, count in baseline.rows(measure):
        key = {"female": "female", "male": "male"}.get(title.strip().lower(), "other")
        sex[key] = sex.get(key, 0) + count
    return sex


def _groups(baseline: _Baseline, taken: set[str], notes: list[str]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    groups = []
    by_title: dict[str, str] = {}  # a group's title, lower case -> its id
    for group in baseline.groups:
        title = _str(group.get("title"))
        count = baseline.denoms.get(str(group.get("id")))
        if title is None or not count:
            continue
        group_id = _id(title, taken)
        by_title[title.lower()] = group_id
        groups.append({"id": group_id, "name": {"technical": jinja_literal(title), "plain": jinja_literal(title)},
                       "participants": count})
    if groups:
        notes.append("each group's plain name is its technical one: write it in plain words")
    return groups, by_title


def _medicines(protocol: dict[str, Any], by_title: dict[str, str], taken: set[str]) -> list[dict[str, Any]]:
    medicines = []
    for intervention in _list(protocol, "armsInterventionsModule", "interventions"):
        name = _str(_get(intervention, "name"))
        if name is None or str(_get(intervention, "type") or "DRUG").upper() not in ("DRUG", "BIOLOGICAL", "GENETIC", "COMBINATION_PRODUCT"):
            continue
        labels = [_str(label) for label in _list(intervention, "armGroupLabels")]
        groups = sorted({by_title[label.lower()] for label in labels if label and label.lower() in by_title})
        role = "placebo" if "placebo" in name.lower() else "investigational"
        medicines.append({"id": _id(name, taken), "name": jinja_literal(name), "role": role, "groups": groups})
    return medicines


def _adverse_events(results: dict[str, Any], groups: list[dict[str, Any]], by_title: dict[str, str], taken: set[str],
                    notes: list[str]) -> list[dict[str, Any]] | None:
    module = _get(results, "adverseEventsModule")
    if not isinstance(module, dict):
        notes.append("the record has no adverse events module: add 'adverse_reactions' (Annex V element 6)")
        return None
    sizes = {group["id"]: group["participants"] for group in groups}
    event_groups: dict[str, str] = {}  # EG id -> our group id
    for index, event_group in enumerate(_list(module, "eventGroups")):
        title = (_str(_get(event_group, "title")) or "").lower()
        ours = by_title.get(title) or (groups[index]["id"] if index < len(groups) and len(_list(module, "eventGroups")) == len(groups) else None)
        if ours is None:
            notes.append(f"the adverse event group '{_get(event_group, 'title')}' matches no baseline group: its counts are left out")
            continue
        event_groups[str(_get(event_group, "id"))] = ours
        at_risk = _int(_get(event_group, "seriousNumAtRisk"))
        if at_risk is not None and at_risk != sizes.get(ours):
            notes.append(f"in '{_get(event_group, 'title')}', {at_risk} people were at risk of adverse events and "
                         f"{sizes.get(ours)} are in the baseline: plainsum gives frequencies out of the baseline's group")
    reactions: list[dict[str, Any]] = []
    serious_total = {event_groups[str(_get(g, "id"))]: _int(_get(g, "seriousNumAffected"))
                     for g in _list(module, "eventGroups") if str(_get(g, "id")) in event_groups}
    if serious_total and all(value is not None for value in serious_total.values()):
        reactions.append({"id": _id("serious_any", taken),
                          "name": {"technical": "Any serious adverse event", "plain": "any serious medical problem"},
                          "serious": True, "affected": serious_total})
    serious = _list(module, "seriousEvents")
    if serious:
        notes.append(f"the record lists {len(serious)} serious adverse events one by one; their total is kept: add any "
                     f"the lay summary should name")
    for event in _list(module, "otherEvents"):
        term = _str(_get(event, "term"))
        if term is None:
            continue
        affected = {}
        for stat in _list(event, "stats"):
            ours = event_groups.get(str(_get(stat, "groupId")))
            count = _int(_get(stat, "numAffected"))
            if ours is not None and count is not None:
                affected[ours] = count
        reactions.append({"id": _id(term, taken), "name": {"technical": jinja_literal(term), "plain": jinja_literal(term.lower())},
                          "affected": affected})
    if reactions:
        notes.append("the adverse events are those the record reports, whether or not the medicine caused them; write "
                     "each one's plain name")
    return reactions


BULLET = re.compile(r"^\s*(?:[-*•]|\d{1,3}[.)])\s+")


def criteria(text: Any) -> tuple[list[str], list[str]]:
    """The inclusion and exclusion criteria of an eligibility text ("Inclusion Criteria:" then items)."""
    source = clean(text) if isinstance(text, str) else ""
    inclusion: list[str] = []
    exclusion: list[str] = []
    current: list[str] | None = None
    for line in source.split("\n"):
        lowered = line.strip().lower().rstrip(":")
        if lowered.startswith("inclusion criteria"):
            current = inclusion
            continue
        if lowered.startswith("exclusion criteria"):
            current = exclusion
            continue
        if current is None or not line.strip():
            continue
        if BULLET.match(line) or not current:
            current.append(BULLET.sub("", line).strip())
        else:
            current[-1] += " " + line.strip()
    return [jinja_literal(" ".join(item.split())) for item in inclusion if item], \
           [jinja_literal(" ".join(item.split())) for item in exclusion if item]


def _design(protocol: dict[str, Any]) -> str | None:
    design = _get(protocol, "designModule") or {}
    info = _get(design, "designInfo") or {}
    parts = []
    phases = [str(p).replace("PHASE", "phase ").replace("_", " ").strip() for p in _list(design, "phases")]
    if phases and phases != ["NA"]:
        parts.append(" and ".join(phases).capitalize() + " trial")
    for key in ("allocation", "interventionModel", "primaryPurpose"):
        value = _str(_get(info, key))
        if value:
            parts.append(value.replace("_", " ").lower())
    masking = _str(_get(info, "maskingInfo", "masking"))
    if masking:
        parts.append(f"masking: {masking.replace('_', ' ').lower()}")
    count = _int(_get(design, "enrollmentInfo", "count"))
    if count:
        parts.append(f"{count} participants enrolled")
    return jinja_literal("; ".join(parts) + ".") if parts else None


def _primary_outcome(results: dict[str, Any]) -> str | None:
    """The first primary outcome's figures, one sentence: '<title> (<time frame>): <group> <value> <units>; ...'."""
    outcome = next((o for o in _list(results, "outcomeMeasuresModule", "outcomeMeasures")
                    if str(_get(o, "type") or "").upper() == "PRIMARY"), None)
    if outcome is None:
        return None
    titles = {str(_get(g, "id")): _str(_get(g, "title")) for g in _list(outcome, "groups")}
    values = []
    for klass in _list(outcome, "classes"):
        for category in _list(klass, "categories"):
            for measurement in _list(category, "measurements"):
                value = _str(_get(measurement, "value"))
                name = titles.get(str(_get(measurement, "groupId")))
                if value and name:
                    values.append(f"{name} {value}")
    title = _str(_get(outcome, "title")) or "Primary outcome"
    frame = _str(_get(outcome, "timeFrame"))
    units = _str(_get(outcome, "unitOfMeasure"))
    text = f"Primary outcome: {title}" + (f" ({frame})" if frame else "")
    if values:
        text += ": " + "; ".join(values) + (f" ({units})" if units else "")
    return jinja_literal(text + ".")
