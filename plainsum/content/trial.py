"""A clinical trial's results as data, for the lay summary EU Regulation 536/2014 asks of every trial.

Annex V of the Regulation lists ten elements a summary for laypersons must have. Those that are
data are kept under `trial:` in the content file (identifiers, sponsor and contact, dates,
participants per country, age group and sex, the groups people were put in, the medicines, and the
adverse reactions with how many people had each in each group); those that are prose are parts of
the summary (content/kinds.py, the `eu-annex-v` layout). Prose reaches the data as
`{{ trial.participants }}`, `{{ trial.groups.placebo.participants }}` and the like (`view`).

The loader checks only that what is written is well formed (a count is a whole number, a country
is an ISO 3166 code, a group named by a reaction exists). Whether every element is there and the
counts add up are checks (checks/trial.py), so a draft builds and the gate says what is missing.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from itertools import pairwise
from types import SimpleNamespace
from typing import Any

from plainsum.files.yamlsource import Node

TRIAL_KEYS = ("identifiers", "sponsor", "start_date", "end_date", "participants", "countries", "age_groups",
              "sex", "groups", "medicines", "adverse_reactions")
IDENTIFIER_KEYS = ("protocol", "eu_trial_number", "nct", "other")
SPONSOR_KEYS = ("name", "contact")
GROUP_KEYS = ("id", "name", "participants")
MEDICINE_KEYS = ("id", "name", "role", "groups")
REACTION_KEYS = ("id", "name", "serious", "affected")
TERM_KEYS = ("technical", "plain")
SEXES = ("female", "male", "other")
ROLES = ("investigational", "comparator", "placebo")
TRIAL_ID = re.compile(r"^[a-z_][a-z0-9_]*$")
# EudraCT numbers (trials under the Directive, 2004-2022: 2013-004502-26) and EU CT numbers (CTIS,
# trials under the Regulation: 2022-500123-45-00).
EU_TRIAL_NUMBER = re.compile(r"^(?:\d{4}-\d{6}-\d{2}|\d{4}-5\d{5}-\d{2}-\d{2})$")
NCT_NUMBER = re.compile(r"^NCT\d{8}$")
# The 27 Member States of the European Union (ISO 3166-1 alpha-2). Annex V asks for the number of
# participants "in the Member State concerned, in the Union and in third countries".
EU_MEMBER_STATES = frozenset((
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
    "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
))
NATURAL_PER = 100


@dataclass(frozen=True)
class Mark:
    """Where a value was written, 1-based."""

    line: int
    column: int


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2, upper case
    participants: int
    mark: Mark

    @property
    def in_eu(self) -> bool:
        return self.code in EU_MEMBER_STATES


@dataclass(frozen=True)
class AgeGroup:
    low: int
    high: int | None  # None: and older
    participants: int
    mark: Mark


@dataclass(frozen=True)
class Group:
    """A group (arm) of the trial: the people who had one treatment."""

    id: str
    technical: str
    plain: str
    participants: int
    mark: Mark


@dataclass(frozen=True)
class Medicine:
    id: str
    name: str
    role: str  # investigational | comparator | placebo
    groups: tuple[str, ...]
    mark: Mark


@dataclass(frozen=True)
class Reaction:
    """An adverse reaction and how many people had it in each group."""

    id: str
    technical: str
    plain: str
    serious: bool
    affected: dict[str, int]  # group id -> people who had it
    mark: Mark


@dataclass
class Trial:
    mark: Mark  # the `trial:` key
    protocol: str | None = None
    eu_trial_number: str | None = None
    nct: str | None = None
    other_identifiers: tuple[str, ...] = ()
    sponsor: str | None = None
    contact: str | None = None
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    participants: int | None = None
    countries: list[Country] = field(default_factory=list)
    age_groups: list[AgeGroup] = field(default_factory=list)
    sex: dict[str, int] = field(default_factory=dict)
    groups: list[Group] = field(default_factory=list)
    medicines: list[Medicine] = field(default_factory=list)
    reactions: list[Reaction] = field(default_factory=list)
    marks: dict[str, Mark] = field(default_factory=dict)  # each key written under `trial:` (and "sex.female" ...)

    def where(self, key: str) -> Mark:
        """Where `key` was written, else where the `trial:` mapping starts."""
        return self.marks.get(key, self.mark)

    def group(self, group_id: str) -> Group | None:
        return next((group for group in self.groups if group.id == group_id), None)

    @property
    def eu_participants(self) -> int:
        return sum(country.participants for country in self.countries if country.in_eu)

    @property
    def outside_eu_participants(self) -> int:
        return sum(country.participants for country in self.countries if not country.in_eu)

    def numbers(self) -> set[str]:
        """Every count the data states, as digits (for the checks that look for numbers in prose)."""
        found: set[int] = {NATURAL_PER}
        for date in (self.start_date, self.end_date):
            if date is not None:
                found.update((date.year, date.month, date.day))
        if self.participants is not None:
            found.add(self.participants)
        found.update(country.participants for country in self.countries)
        found.update((self.eu_participants, self.outside_eu_participants))
        found.update(group.participants for group in self.groups)
        found.update(self.sex.values())
        for age in self.age_groups:
            found.update(n for n in (age.low, age.high, age.participants) if n is not None)
        for reaction in self.reactions:
            for group_id, count in reaction.affected.items():
                found.add(count)
                group = self.group(group_id)
                if group is not None and group.participants:
                    found.add(natural_frequency(count, group.participants))
        return {str(number) for number in found}


def natural_frequency(affected: int, at_risk: int, per: int = NATURAL_PER) -> int:
    """How many in `per` people: 15 of 132 is 11 in 100 (rounded half up, as printed)."""
    if at_risk <= 0:
        raise ValueError("a group must have at least one person")
    return int((Decimal(affected) * per / Decimal(at_risk)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@lru_cache(maxsize=16)
def _territories(language: str) -> dict[str, str]:
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse("en")
    return {code: name for code, name in locale.territories.items() if len(code) == 2 and code.isalpha()}


def territories(language: str = "en") -> dict[str, str]:
    """Country codes and their names in `language` (CLDR, through Babel)."""
    return dict(_territories(language))


def country_name(code: str, language: str = "en") -> str:
    """'Germany', 'Alemania': the country's name in `language` (CLDR, through Babel)."""
    return _territories(language).get(code, code)


def is_country(code: str) -> bool:
    return code in _territories("en")


# --- what templates and prose see ------------------------------------------------------------------

Names = dict[str, str]  # group or reaction or medicine id -> its name in the document's language


def view(trial: Trial, language: str = "en", names: Names | None = None) -> SimpleNamespace:
    """`trial` as templates and prose see it, in `language` (country names; a translation's `names`
    for groups, medicines and reactions)."""
    names = names or {}
    groups = {
        group.id: SimpleNamespace(id=group.id, name=names.get(group.id, group.plain), technical=group.technical,
                                  participants=group.participants)
        for group in trial.groups
    }
    reactions = []
    for reaction in trial.reactions:
        cells = []
        for group in trial.groups:
            count = reaction.affected.get(group.id)
            per = natural_frequency(count, group.participants) if count is not None and group.participants else None
            cells.append(SimpleNamespace(group=group.id, affected=count, at_risk=group.participants, per=per,
                                         fewer_than_one=per == 0 and bool(count)))
        reactions.append(SimpleNamespace(id=reaction.id, name=names.get(reaction.id, reaction.plain),
                                         technical=reaction.technical, serious=reaction.serious, cells=cells,
                                         affected=dict(reaction.affected)))
    countries = sorted(trial.countries, key=lambda country: -country.participants)
    return SimpleNamespace(
        protocol=trial.protocol,
        eu_trial_number=trial.eu_trial_number,
        nct=trial.nct,
        other_identifiers=list(trial.other_identifiers),
        eu_register_url=eu_register_url(trial.eu_trial_number),
        nct_url=f"https://clinicaltrials.gov/study/{trial.nct}" if trial.nct else None,
        nct_register="ClinicalTrials.gov",  # a name, the same in every language
        sponsor=trial.sponsor,
        contact=trial.contact,
        start_date=trial.start_date,
        end_date=trial.end_date,
        participants=trial.participants,
        eu_participants=trial.eu_participants,
        outside_eu_participants=trial.outside_eu_participants,
        countries=[SimpleNamespace(code=c.code, name=country_name(c.code, language), participants=c.participants,
                                   in_eu=c.in_eu) for c in countries],
        country_count=len(trial.countries),
        age_groups=[SimpleNamespace(low=a.low, high=a.high, participants=a.participants) for a in trial.age_groups],
        women=trial.sex.get("female"),
        men=trial.sex.get("male"),
        other_sex=trial.sex.get("other"),
        groups=SimpleNamespace(**groups),
        group_list=list(groups.values()),
        medicines=[SimpleNamespace(id=m.id, name=names.get(m.id, m.name), role=m.role,
                                   groups=[groups[g].name for g in m.groups if g in groups]) for m in trial.medicines],
        reactions=SimpleNamespace(**{r.id: r for r in reactions}),
        reaction_list=reactions,
        serious_reactions=[r for r in reactions if r.serious],
        other_reactions=[r for r in reactions if not r.serious],
        data=trial,
    )


def eu_register_url(number: str | None) -> str | None:
    """Where the public can read a trial's record: CTIS for an EU CT number (trials under the
    Regulation), the EU Clinical Trials Register for a EudraCT number (trials under the Directive)."""
    if not number:
        return None
    if number.count("-") == 3:
        return f"https://euclinicaltrials.eu/search-for-clinical-trials/?lang=en&EUCT={number}"
    return f"https://www.clinicaltrialsregister.eu/ctr-search/search?query={number}"


def translatable_ids(trial: Trial) -> list[str]:
    """The ids whose names a translation gives (`terms:`): groups, medicines, reactions."""
    return [group.id for group in trial.groups] + [m.id for m in trial.medicines] + [r.id for r in trial.reactions]


# --- validation of `trial:` in a content file --------------------------------------------------------

def _mark(node: Node) -> Mark:
    return Mark(node.line, node.column)


def _count(check: Any, node: Node, where: str, minimum: int = 0) -> int | None:
    value = node.value
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        check.problem(node, f"{where} must be a whole number of at least {minimum}, not {value!r}")
        return None
    return value


def _date(check: Any, node: Node, where: str) -> datetime.date | None:
    if not isinstance(node.value, datetime.date) or isinstance(node.value, datetime.datetime):
        check.problem(node, f"{where} must be a date written as YYYY-MM-DD, not {node.value!r}")
        return None
    return node.value


def _identifier(check: Any, parent: Node, key: str, pattern: re.Pattern[str] | None, example: str) -> str | None:
    node = check.text(parent, key, "'identifiers'", required=False)
    if node is None:
        return None
    value = node.value.strip()
    if pattern is not None and not pattern.match(value):
        check.problem(node, f"'{key}' must look like {example}, not '{value}'")
        return None
    return str(value)


def _items(check: Any, node: Node | None, where: str) -> list[Node]:
    if node is None:
        return []
    if not isinstance(node.value, list):
        check.problem(node, f"{where} must be a list, not {node.kind}")
        return []
    return [item for item in node.value if check.mapping(item, f"each item of {where}") is not None]


def _new_id(check: Any, item: Node, where: str, seen: dict[str, int]) -> str | None:
    node = check.text(item, "id", where, required=True)
    if node is None:
        return None
    value = node.value.strip()
    if not TRIAL_ID.match(value):
        check.problem(node, f"the id '{value}' must be lower-case letters, digits and underscores")
        return None
    if value in seen:
        check.problem(node, f"the id '{value}' is already used on line {seen[value]}")
        return None
    seen[value] = node.line
    return str(value)


def _term(check: Any, item: Node, where: str) -> tuple[str, str] | None:
    """A name as text, or as {technical: ..., plain: ...}."""
    node = item.value.get("name")
    if node is None:
        check.problem(item, f"{where} is missing required key 'name'")
        return None
    if isinstance(node.value, str):
        text = check.text(item, "name", where, required=True)
        return (text.value.strip(), text.value.strip()) if text is not None else None
    if check.mapping(node, f"'name' in {where}") is None:
        return None
    check.unknown_keys(node, TERM_KEYS, f"'name' in {where}")
    technical = check.text(node, "technical", f"'name' in {where}", required=True)
    plain = check.text(node, "plain", f"'name' in {where}", required=False)
    if technical is None:
        return None
    return technical.value.strip(), (plain.value.strip() if plain is not None else technical.value.strip())


def validate_trial(check: Any, root: Node) -> Trial | None:
    """Validate `trial:` (content's validator `check` collects the problems, each at its line:col)."""
    node = root.value.get("trial")
    if node is None:
        return None
    if check.mapping(node, "'trial'") is None:
        return None
    check.unknown_keys(node, TRIAL_KEYS, "'trial'")
    trial = Trial(Mark(*root.key_marks["trial"]) if "trial" in root.key_marks else _mark(node))
    trial.marks = {key: Mark(*node.key_marks[key]) for key in node.value if key in node.key_marks}
    value = node.value
    _identifiers(check, value.get("identifiers"), trial)
    _sponsor(check, value.get("sponsor"), trial)
    for key in ("start_date", "end_date"):
        if key in value:
            setattr(trial, key, _date(check, value[key], f"'{key}' in 'trial'"))
    if trial.start_date and trial.end_date and trial.end_date < trial.start_date:
        check.problem(value["end_date"], f"the trial ends ({trial.end_date}) before it starts ({trial.start_date})")
    if "participants" in value:
        trial.participants = _count(check, value["participants"], "'participants' in 'trial'", 1)
    trial.countries = _countries(check, value.get("countries"))
    trial.age_groups = _ages(check, value.get("age_groups"))
    _sex(check, value.get("sex"), trial)
    seen: dict[str, int] = {}
    trial.groups = _groups(check, value.get("groups"), seen)
    trial.medicines = _medicines(check, value.get("medicines"), trial, seen)
    trial.reactions = _reactions(check, value.get("adverse_reactions"), trial, seen)
    return trial


def _identifiers(check: Any, node: Node | None, trial: Trial) -> None:
    if node is None or check.mapping(node, "'identifiers'") is None:
        return
    check.unknown_keys(node, IDENTIFIER_KEYS, "'identifiers'")
    trial.protocol = _identifier(check, node, "protocol", None, "")
    trial.eu_trial_number = _identifier(check, node, "eu_trial_number", EU_TRIAL_NUMBER,
                                        "an EU CT number (2022-500123-45-00) or a EudraCT number (2013-004502-26)")
    trial.nct = _identifier(check, node, "nct", NCT_NUMBER, "a ClinicalTrials.gov number (NCT02305381)")
    trial.other_identifiers = tuple(item.value.strip() for item in check.text_list(node, "other", "'identifiers'"))
    for key, mark in node.key_marks.items():
        trial.marks[f"identifiers.{key}"] = Mark(*mark)


def _sponsor(check: Any, node: Node | None, trial: Trial) -> None:
    if node is None or check.mapping(node, "'sponsor'") is None:
        return
    check.unknown_keys(node, SPONSOR_KEYS, "'sponsor'")
    name = check.text(node, "name", "'sponsor'", required=False)
    contact = check.text(node, "contact", "'sponsor'", required=False)
    trial.sponsor = " ".join(name.value.split()) if name is not None else None
    trial.contact = " ".join(contact.value.split()) if contact is not None else None
    for key, mark in node.key_marks.items():
        trial.marks[f"sponsor.{key}"] = Mark(*mark)


def _countries(check: Any, node: Node | None) -> list[Country]:
    countries: list[Country] = []
    seen: dict[str, int] = {}
    for item in _items(check, node, "'countries'"):
        check.unknown_keys(item, ("country", "participants"), "a country")
        code_node = check.text(item, "country", "a country", required=True)
        count_node = item.value.get("participants")
        if count_node is None:
            check.problem(item, "a country is missing required key 'participants'")
        code = code_node.value.strip().upper() if code_node is not None else None
        if code is not None and not (len(code) == 2 and is_country(code)):
            check.problem(code_node, f"'{code_node.value}' is not a country code (ISO 3166-1, two letters: DE, ES, US)")
            code = None
        elif code is not None and code in seen:
            check.problem(code_node, f"the country {code} is already listed on line {seen[code]}")
            code = None
        count = _count(check, count_node, f"'participants' of {code or 'a country'}", 0) if count_node is not None else None
        if code is not None and count is not None:
            assert code_node is not None
            seen[code] = code_node.line
            countries.append(Country(code, count, _mark(item)))
    return countries


def _ages(check: Any, node: Node | None) -> list[AgeGroup]:
    ages: list[AgeGroup] = []
    for item in _items(check, node, "'age_groups'"):
        check.unknown_keys(item, ("from", "to", "participants"), "an age group")
        low = _count(check, item.value["from"], "'from' (years)") if "from" in item.value else None
        if "from" not in item.value:
            check.problem(item, "an age group is missing required key 'from' (its youngest age, in years)")
        high = _count(check, item.value["to"], "'to' (years)") if "to" in item.value else None
        count = _count(check, item.value["participants"], "'participants' of an age group") if "participants" in item.value else None
        if "participants" not in item.value:
            check.problem(item, "an age group is missing required key 'participants'")
        if low is not None and high is not None and high < low:
            check.problem(item.value["to"], f"an age group cannot end ({high}) before it starts ({low})")
            continue
        if low is not None and count is not None:
            ages.append(AgeGroup(low, high, count, _mark(item)))
    ordered = sorted(ages, key=lambda age: age.low)
    for before, after in pairwise(ordered):
        if before.high is None or after.low <= before.high:
            check.problem(Node(None, after.mark.line, after.mark.column),
                          f"the age group from {after.low} overlaps the one from {before.low} (line {before.mark.line})")
    return ages


def _sex(check: Any, node: Node | None, trial: Trial) -> None:
    if node is None or check.mapping(node, "'sex'") is None:
        return
    check.unknown_keys(node, SEXES, "'sex'")
    for key in SEXES:
        if key in node.value:
            count = _count(check, node.value[key], f"'{key}' in 'sex'")
            if count is not None:
                trial.sex[key] = count
                trial.marks[f"sex.{key}"] = Mark(*node.key_marks.get(key, (node.line, node.column)))


def _groups(check: Any, node: Node | None, seen: dict[str, int]) -> list[Group]:
    groups: list[Group] = []
    for index, item in enumerate(_items(check, node, "'groups'")):
        check.unknown_keys(item, GROUP_KEYS, "a group")
        where = f"group {index + 1}"
        group_id = _new_id(check, item, where, seen)
        name = _term(check, item, where)
        count = None
        if "participants" not in item.value:
            check.problem(item, f"{where} is missing required key 'participants'")
        else:
            count = _count(check, item.value["participants"], f"'participants' of {where}", 1)
        if group_id is not None and name is not None and count is not None:
            groups.append(Group(group_id, name[0], name[1], count, _mark(item)))
    return groups


def _medicines(check: Any, node: Node | None, trial: Trial, seen: dict[str, int]) -> list[Medicine]:
    medicines: list[Medicine] = []
    known = [group.id for group in trial.groups]
    for index, item in enumerate(_items(check, node, "'medicines'")):
        check.unknown_keys(item, MEDICINE_KEYS, "a medicine")
        where = f"medicine {index + 1}"
        medicine_id = _new_id(check, item, where, seen)
        name = check.text(item, "name", where, required=True)
        role_node = check.text(item, "role", where, required=True)
        role = role_node.value.strip().lower() if role_node is not None else None
        if role is not None and role not in ROLES:
            check.problem(role_node, f"'role' must be one of: {', '.join(ROLES)}; not '{role_node.value}'")
            role = None
        groups = []
        for group_node in check.text_list(item, "groups", where):
            if group_node.value.strip() not in known:
                check.problem(group_node, _unknown_group(group_node.value.strip(), known))
            else:
                groups.append(group_node.value.strip())
        if medicine_id is not None and name is not None and role is not None:
            medicines.append(Medicine(medicine_id, " ".join(name.value.split()), role, tuple(groups), _mark(item)))
    return medicines


def _unknown_group(name: str, known: list[str]) -> str:
    from plainsum.errors import closest_name

    hint = closest_name(name, known, 0.6)
    listing = f"; the groups are: {', '.join(known)}" if known else "; the trial lists no 'groups'"
    return f"no group '{name}'" + (f" (did you mean '{hint}'?)" if hint else "") + listing


def _reactions(check: Any, node: Node | None, trial: Trial, seen: dict[str, int]) -> list[Reaction]:
    reactions: list[Reaction] = []
    known = [group.id for group in trial.groups]
    for index, item in enumerate(_items(check, node, "'adverse_reactions'")):
        check.unknown_keys(item, REACTION_KEYS, "an adverse reaction")
        where = f"adverse reaction {index + 1}"
        reaction_id = _new_id(check, item, where, seen)
        name = _term(check, item, where)
        serious = False
        if "serious" in item.value:
            if not isinstance(item.value["serious"].value, bool):
                check.problem(item.value["serious"], "'serious' must be true or false")
            else:
                serious = bool(item.value["serious"].value)
        affected: dict[str, int] = {}
        counts = item.value.get("affected")
        if counts is None:
            check.problem(item, f"{where} is missing required key 'affected' (how many people had it in each group)")
        elif check.mapping(counts, f"'affected' in {where}") is not None:
            for group_id, count_node in counts.value.items():
                line, column = counts.key_marks.get(group_id, (counts.line, counts.column))
                if group_id not in known:
                    check.problem(Node(None, line, column), _unknown_group(group_id, known))
                    continue
                count = _count(check, count_node, f"the number affected in '{group_id}'")
                if count is not None:
                    affected[group_id] = count
        if reaction_id is not None and name is not None:
            reactions.append(Reaction(reaction_id, name[0], name[1], serious, affected, _mark(item)))
    return reactions
