"""Summary of findings tables of RevMan 5 files: HTML-like TABLE/TR/TH/TD, read into rows of figures.

Columns are found by their headings (outcomes, assumed or comparison risk, corresponding risk,
relative effect, participants (studies), quality or certainty of the evidence, comments), so
the tables of RevMan's and GRADEpro's templates read alike.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from plainsum.importers.model import BadAttribute, ImportFailure

NUMBER = r"[-\u2212]?\d+(?:\.\d+)?"
MEASURE = r"(RR|OR|HR|IRR|MD|SMD|RD|Peto OR|risk ratio|odds ratio|hazard ratio|rate ratio|mean difference|" \
          r"standardi[sz]ed mean difference|risk difference)"
MEASURE_START = re.compile(r"^\s*" + MEASURE + r"\b", re.I)
CI_RANGE = re.compile(r"(" + NUMBER + r")\s*(?:to|\u2013|,)\s*(" + NUMBER + r")")
PARTICIPANTS = re.compile(r"^\s*(\d[\d,. ]*)\s*(?:participants|people|patients)?\s*\(\s*(\d+)\s*(?:studies|study|trials?|RCTs?)?\s*\)", re.I)
PER = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:per|/)\s*(100|1000|1,000|10,000|10000|100,000)\b", re.I)
PERCENT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*%")
PROPORTION = re.compile(r"^\s*(0?\.\d+|0|1(?:\.0+)?)\s*$")
COMPARED = re.compile(r"^(.+?)\s+(?:compared (?:with|to)|versus|vs\.?)\s+(.+?)(?:\s+for\s+.+)?$", re.I)
MEASURE_SHORT = {"risk ratio": "RR", "odds ratio": "OR", "hazard ratio": "HR", "rate ratio": "IRR",
                 "mean difference": "MD", "standardised mean difference": "SMD", "standardized mean difference": "SMD",
                 "risk difference": "RD", "peto or": "OR"}
ROLES = (  # (role, words of its heading), tried in order for each column
    ("outcome", ("outcome",)),
    ("assumed", ("assumed", "risk with comparison", "without", "control")),
    ("corresponding", ("corresponding", "risk with")),
    ("relative", ("relative effect", "relative")),
    ("participants", ("participants", "no of", "number of")),
    ("certainty", ("quality", "certainty", "grade")),
    ("comments", ("comment",)),
)


@dataclass
class SofRow:
    outcome: str
    measure: str | None
    estimate: str | None  # as printed, "0.72"
    ci: tuple[str, str] | None
    participants: int | None
    studies: int | None
    certainty: str | None
    control_risk: float | None
    comment: str
    relative_text: str
    participants_text: str
    certainty_text: str
    estimate_from: str | None = None  # the column the estimate was read from, when not the relative effect's


@dataclass
class SofTable:
    title: str
    intervention: str | None
    comparison: str | None
    rows: list[SofRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _text(element: ET.Element) -> str:
    return re.sub(r"\s+", " ", " ".join(element.itertext())).strip()


MAX_SPAN = 1000  # the most columns or rows one cell of a table may span (HTML's cap on COLSPAN)
MAX_GRID_CELLS = 1_000_000  # a table's cells, spans spread out


def _span(cell: ET.Element, name: str) -> int:
    """The cell's COLSPAN or ROWSPAN: a whole number from 1 to MAX_SPAN (absent or empty: 1)."""
    value = (cell.get(name) or "").strip()
    if not value:
        return 1
    if not value.isascii() or not value.isdigit() or not 1 <= int(value) <= MAX_SPAN:
        raise BadAttribute(name, cell.get(name) or "", f"{name}=\"{value[:40]}\" is not a whole number of rows or columns "
                                                         f"from 1 to {MAX_SPAN}")
    return int(value)


def _grid(table: ET.Element) -> list[list[tuple[str, ET.Element]]]:
    """Rows of (tag, cell) with row and column spans spread out, one entry per column."""
    grid: list[list[tuple[str, ET.Element]]] = []
    carried: dict[tuple[int, int], tuple[str, ET.Element]] = {}
    for r, tr in enumerate(table.findall("TR")):
        row: list[tuple[str, ET.Element]] = []
        cells = [cell for cell in tr if cell.tag in ("TD", "TH")]
        c = 0
        for cell in cells:
            while (r, c) in carried:
                row.append(carried.pop((r, c)))
                c += 1
            span, down = _span(cell, "COLSPAN"), _span(cell, "ROWSPAN")
            if len(carried) + sum(map(len, grid)) + span * down > MAX_GRID_CELLS:
                raise ImportFailure(f"a table spans more than {MAX_GRID_CELLS:,} cells (its ROWSPAN and COLSPAN); "
                                    "RevMan's summary of findings tables are far smaller")
            for offset in range(span):
                row.append((cell.tag, cell))
                for extra in range(1, down):
                    carried[(r + extra, c + offset)] = (cell.tag, cell)
            c += span
        while (r, c) in carried:
            row.append(carried.pop((r, c)))
            c += 1
        grid.append(row)
    return grid


def _roles(header_rows: list[list[tuple[str, ET.Element]]], width: int) -> dict[str, tuple[int, str]]:
    """Each role's column and the heading that named it."""
    roles: dict[str, tuple[int, str]] = {}
    risk_with: list[tuple[int, str]] = []  # columns headed "Risk with ...", in order
    for column in range(width):
        seen: list[ET.Element] = []
        for row in header_rows:
            if column < len(row) and row[column][1] not in seen:
                seen.append(row[column][1])
        texts = [_text(cell) for cell in seen]
        risk_with.extend((column, text) for text in texts[-1:] if "risk with" in _folded(text))
        for role, words in ROLES:
            if role in roles:
                continue
            named = next((text for text in reversed(texts) if any(w in _folded(text) for w in words)), None)
            if named is not None:
                roles[role] = (column, named)
                break
    if "assumed" not in roles and len(risk_with) >= 2:
        # GRADEpro's "Risk with <comparison>" then "Risk with <intervention>": the first is the assumed risk
        roles["assumed"], roles["corresponding"] = risk_with[0], risk_with[1]
    return roles


def _folded(heading: str) -> str:
    return heading.lower().replace("№", "no").replace(".", "")


def _certainty(text: str) -> str | None:
    lowered = text.lower()
    for word in ("very low", "moderate", "high", "low"):
        if re.search(r"\b" + word + r"\b", lowered):
            return word
    circles = text.count("⊕")
    return {4: "high", 3: "moderate", 2: "low", 1: "very low"}.get(circles)


def _control_risk(text: str) -> float | None:
    """The assumed risk as a proportion: '0.66', '333 per 1000', '33%'."""
    match = PER.match(text)
    if match:
        return round(float(match.group(1)) / float(match.group(2).replace(",", "")), 6)
    match = PERCENT.match(text)
    if match:
        return round(float(match.group(1)) / 100, 6)
    match = PROPORTION.match(text)
    if match:
        return float(match.group(1))
    return None


def _figure(text: str) -> str:
    return text.replace("−", "-").replace(",", ".") if re.fullmatch(r"[-−]?\d+,\d+", text) else text.replace("−", "-")


def _relative(text: str) -> tuple[str | None, str | None, tuple[str, str] | None]:
    """'RR 0.72 (0.68 to 0.76)' -> ('RR', '0.72', ('0.68', '0.76')); a part not written is None."""
    named = MEASURE_START.match(text)
    measure = MEASURE_SHORT.get(named.group(1).lower(), named.group(1).upper()) if named else None
    rest = text[named.end():] if named else text
    interval = CI_RANGE.search(rest)
    if interval is None:
        return measure, None, None
    before = re.findall(NUMBER, rest[: interval.start()])
    estimate = _figure(before[-1]) if before else None
    return measure, estimate, (_figure(interval.group(1)), _figure(interval.group(2)))


def _row(cells: list[tuple[str, ET.Element]], roles: dict[str, tuple[int, str]]) -> SofRow | None:
    def cell(role: str) -> str:
        index = roles[role][0] if role in roles else None
        return _text(cells[index][1]) if index is not None and index < len(cells) else ""

    outcome = cell("outcome")
    participants_text = cell("participants")
    found = PARTICIPANTS.match(participants_text)
    if not outcome or (found is None and not cell("relative")):
        return None
    measure, estimate, ci = _relative(cell("relative"))
    estimate_from = None
    if estimate is None and ci is not None:
        # a relative effect column holding only the CI: some tables put the estimate in the column before it
        value = cell("corresponding")
        if re.fullmatch(NUMBER, value) and float(ci[0]) <= float(_figure(value)) <= float(ci[1]):
            estimate, estimate_from = _figure(value), roles["corresponding"][1]
    participants = studies = None
    if found is not None:
        participants = int(re.sub(r"[^\d]", "", found.group(1)))
        studies = int(found.group(2))
    certainty_text = cell("certainty")
    return SofRow(outcome=outcome, measure=measure, estimate=estimate, ci=ci, participants=participants, studies=studies,
                  certainty=_certainty(certainty_text), control_risk=_control_risk(cell("assumed")),
                  comment=cell("comments"), relative_text=cell("relative"), participants_text=participants_text,
                  certainty_text=certainty_text, estimate_from=estimate_from)


def read_sof_table(element: ET.Element) -> SofTable:
    table = element.find("TABLE")
    title = ""
    intervention = comparison = None
    sof = SofTable(title, None, None)
    if table is None:
        sof.notes.append("a summary of findings table has no TABLE")
        return sof
    grid = _grid(table)
    header_rows = [row for row in grid if row and all(tag == "TH" for tag, _ in row)]
    width = max((len(row) for row in grid), default=0)
    roles = _roles(header_rows, width)
    for row in grid:
        if not row or any(tag == "TH" for tag, _ in row):
            continue
        distinct = {id(cell) for _, cell in row}
        if len(distinct) == 1:  # a full-width row: title, population, footnotes
            text = _text(row[0][1])
            if not title:
                title = text
                match = COMPARED.match(text)
                if match:
                    intervention, comparison = match.group(1).strip().lower(), match.group(2).strip().lower()
            for paragraph in row[0][1].iter("P"):
                label = _text(paragraph)
                if label.lower().startswith("intervention:"):
                    intervention = label.split(":", 1)[1].strip().lower() or intervention
                elif label.lower().startswith("comparison:"):
                    comparison = label.split(":", 1)[1].strip().lower() or comparison
            continue
        parsed = _row(row, roles)
        if parsed is not None:
            sof.rows.append(parsed)
    missing = [role for role in ("outcome", "relative", "participants", "certainty") if role not in roles]
    if missing:
        sof.notes.append(f"summary of findings table '{title}': no column for {', '.join(missing)}")
    sof.title, sof.intervention, sof.comparison = title, intervention, comparison
    return sof


def read_sof_tables(root: ET.Element) -> list[SofTable]:
    return [read_sof_table(element) for element in root.findall("SOF_TABLES/SOF_TABLE")]
