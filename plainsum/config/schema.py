"""The settings of plainsum.toml, declared once: each key's type, default, choices and what it does.

The configuration is validated against this declaration (`check_keys`: unknown keys with a "did
you mean" hint, `check_value`: a value of the wrong type or out of its choices, each at its
file:line:col), `plainsum config` lists the settings it declares, and `describe()` gives it as
plain data (types, enums, descriptions, defaults) for a JSON Schema of plainsum.toml. A table
whose keys other parts declare points at them: the check ids and their options come from the
checks' own declarations (`checks/context.py`), the gate's bounds from the figures
(`config/figures.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from plainsum.config.locate import did_you_mean

Bad = Callable[[tuple[str, ...], str | None, str], None]

# Defaults and bounds the modules that read the tables use too (config/ci.py, config/handout.py)
DEFAULT_TOLERANCE = 0.1
REPORT_DEFAULTS = {"max_annotations": 10, "max_findings": 0, "build_documents": 10, "max_results": 5000}
PAPER_SIZES = ("a4", "letter")
MIN_BODY_SIZE, MAX_BODY_SIZE = 9.0, 20.0  # points; patient-material guidance asks for 12 or more
BODY_SIZE = 12.0
QUESTIONS_HEADING = "Questions to ask your doctor"


@dataclass(frozen=True)
class Key:
    """One setting: its TOML key, type, default, choices and description."""

    name: str
    type: str  # "path", "text", "choice", "integer", "number", "boolean", "texts", "choices", "table", "tables", "map"
    description: str
    default: Any = None
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    keys: tuple[Key, ...] = ()  # a table's keys (for "tables", each table's)
    # what a value of the wrong type is told (today's wording, with {key}, {value} and {choices})
    wrong: str | None = None
    see: str | None = None  # where keys declared elsewhere are described (the gate's bounds, the checks)

    def key(self, name: str) -> Key | None:
        return next((key for key in self.keys if key.name == name), None)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(key.name for key in self.keys)


@dataclass(frozen=True)
class Unknown:
    """How a table's unknown key is told: "unknown setting 'x'; did you mean 'y'?; allowed: a, b"."""

    message: str = "unknown setting '{key}'{hint}; allowed: {allowed}"
    hint: bool = True


def check_keys(table: Key, raw: dict[str, Any], where: tuple[str, ...], bad: Bad, unknown: Unknown = Unknown()) -> list[str]:
    """Report each key of `raw` that `table` does not declare; return the keys it does."""
    known = []
    for key in raw:
        if table.key(key) is None:
            hint = did_you_mean(key, table.names) if unknown.hint else ""
            bad(where, key, unknown.message.format(key=key, hint=hint, allowed=", ".join(table.names)))
        else:
            known.append(key)
    return known


def check_value(key: Key, value: Any, where: tuple[str, ...], bad: Bad) -> bool:
    """Whether `value` is of the key's type (and among its choices, within its bounds); if not, say so."""
    ok = _fits(key, value)
    if not ok:
        choices = ", ".join(map(repr, key.choices))
        message = (key.wrong or _default_wrong(key)).format(key=key.name, value=value, choices=choices,
                                                             minimum=key.minimum, maximum=key.maximum)
        bad(where, key.name, message)
    return ok


def _default_wrong(key: Key) -> str:
    if key.type == "choice":
        return "'{key}' must be one of {choices}, not {value!r}"
    if key.type == "texts":
        return "'{key}' must be a list of texts, not {value!r}"
    return f"'{{key}}' must be {_A_TYPE.get(key.type, 'a ' + key.type)}, not {{value!r}}"


_A_TYPE = {"integer": "a whole number", "number": "a number", "boolean": "true or false", "text": "text",
           "path": "a folder path as text", "table": "a table"}


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _fits(key: Key, value: Any) -> bool:
    kind = key.type
    if kind in ("path", "text"):
        return isinstance(value, str) and bool(value)
    if kind == "choice":
        return isinstance(value, str) and value in key.choices
    if kind == "boolean":
        return isinstance(value, bool)
    if kind in ("integer", "number"):
        if not _is_number(value) or (kind == "integer" and not isinstance(value, int)):
            return False
        return (key.minimum is None or value >= key.minimum) and (key.maximum is None or value <= key.maximum)
    if kind == "texts":
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    if kind == "choices":
        return isinstance(value, list) and all(isinstance(item, str) and (not key.choices or item in key.choices) for item in value)
    if kind in ("table", "map"):
        return isinstance(value, dict)
    if kind == "tables":
        return isinstance(value, list) and all(isinstance(item, dict) for item in value)
    return True


# --- the declaration -----------------------------------------------------------------------------


def _report_keys() -> tuple[Key, ...]:
    described = {
        "max_annotations": "github: at most this many error and this many warning annotations (0: no limit).",
        "max_findings": "The most findings a report lists, errors first (0: all).",
        "build_documents": "The most failing documents `plainsum build` lists (0: all).",
        "max_results": "sarif and gitlab: the most results a run reports, errors first (code scanning takes 25,000).",
    }
    ceiling = {"max_results": Key("max_results", "integer", described["max_results"], REPORT_DEFAULTS["max_results"],
                                  minimum=1, maximum=25_000,
                                  wrong="'{key}' must be from 1 to 25,000 (GitHub code scanning refuses a run of more "
                                        "results), not {value!r}")}
    return tuple(ceiling.get(name) or Key(name, "integer", described.get(name, ""), default, minimum=0,
                                          wrong="'{key}' must be a whole number, 0 or more, not {value!r}")
                 for name, default in REPORT_DEFAULTS.items())


def _handout_keys() -> tuple[Key, ...]:
    return (
        Key("body_size", "number", "The handout's body text size in points.", BODY_SIZE,
            minimum=MIN_BODY_SIZE, maximum=MAX_BODY_SIZE,
            wrong="'{key}' must be a number of points from {minimum:g} to {maximum:g}, not {value!r}"),
        Key("organisation", "text", "Who gives the handout out, printed at its foot.", wrong="'{key}' must be text"),
        Key("logo", "text", "A file in templates/assets/ printed at the top (needs logo_alt or organisation).",
            wrong="'logo' must be the name of a file in templates/assets/, for example \"logo.png\""),
        Key("logo_alt", "text", "The logo's text alternative (default: the organisation's name).", wrong="'{key}' must be text"),
        Key("contact", "text", "Where readers can ask (a telephone number, an address).", wrong="'{key}' must be text"),
        Key("questions", "texts", "Questions to ask your doctor, printed as a list.", [],
            wrong="'questions' must be a list of questions as text"),
        Key("questions_heading", "text", "The heading of the questions.", QUESTIONS_HEADING, wrong="'{key}' must be text"),
        Key("printed_on", "boolean", "Print the date the handout was made.", False, wrong="'printed_on' must be true or false"),
    )


def declaration(format_names: Sequence[str] = (), check_ids: Sequence[str] = ()) -> Key:
    """Every top-level setting of plainsum.toml (with the formats and checks that exist, when given)."""
    from plainsum.config.gate import DOCUMENT_KINDS, PRESETS, SENTENCE_DEFAULTS, SENTENCE_KEYS

    sentence_keys = tuple(Key(name, "number", f"A sentence is hard above this ({name.removeprefix('max_').replace('_', ' ')}).",
                              SENTENCE_DEFAULTS.get(name)) for name in SENTENCE_KEYS)
    kind_keys = (
        Key("preset", "choices", "Named sets of bounds from published guidance; the kind's own keys override them.",
            choices=tuple(PRESETS)),
        Key("formula_min_words", "number", "Below this many words no formula is applied.", 100),
        Key("max_hard_sentences", "integer", "How many hard sentences a document may have."),
        Key("sentences", "table", "What makes a sentence hard in this kind of document.", keys=sentence_keys),
        Key("sections", "map", "Bounds for one section, matched by its heading: [gate.<kind>.sections.\"<heading>\"]."),
        Key("languages", "map", "The gate of documents in one language: [gate.<kind>.languages.<code>]."),
    )
    return Key("plainsum.toml", "table", "plainsum's project configuration (or [tool.plainsum] in pyproject.toml).", keys=(
        Key("content", "path", "The folder of the review files.", "content",
            wrong="'{key}' must be a folder path as text"),
        Key("output", "path", "The folder plainsum build writes (and plainsum clean empties).", "output",
            wrong="'{key}' must be a folder path as text"),
        Key("templates", "path", "The project's templates, read before plainsum's own, file by file.", "templates",
            wrong="'{key}' must be a folder path as text"),
        Key("formats", "choices", "The formats plainsum build writes.", ["html", "md", "txt", "pdf"], choices=tuple(format_names),
            wrong="'formats' must be a list of format names, for example [\"html\", \"txt\"]"),
        Key("gate", "table", "Readability bounds per document kind: [gate.summary], [gate.abstract].",
            keys=tuple(Key(kind, "table", f"The gate of the {kind}: min_<figure> and max_<figure> bounds, and:", keys=kind_keys,
                           see="docs/readability.md (the figures a gate can bound)") for kind in DOCUMENT_KINDS)),
        Key("checks", "map", "Each check's severity (\"error\", \"warning\", \"off\") or a table with severity and its options.",
            choices=tuple(check_ids), see="plainsum config (every check, its severity and options)"),
        Key("sentences", "table", "What makes a sentence hard, for every kind of document.", keys=sentence_keys),
        Key("paper", "choices", "PDF page sizes, each written by every build (a size or a list).", "a4", choices=PAPER_SIZES),
        Key("handout", "table", "The printed handout's body size, organisation, logo, contact and questions.",
            keys=_handout_keys(), wrong="'handout' must be a table: [handout]"),
        Key("languages", "map", "A language plainsum does not score, mapped to one it does: ca = \"es\"."),
        Key("baseline", "text", "A baseline file: only findings not in it fail `plainsum check`.",
            wrong="'baseline' must be the path of a baseline file, as text"),
        Key("ratchet", "table", "What a baselined document may not get worse in.", keys=(
            Key("tolerance", "number", "How much a figure may rise before it counts as harder.", DEFAULT_TOLERANCE, minimum=0,
                wrong="'tolerance' must be a number, 0 or more, not {value!r}"),
            Key("figures", "texts", "The figures watched (default: those the gate bounds).",
                wrong="'figures' must be a list of figure names, for example [\"flesch_kincaid_grade\"]"),
        ), wrong="'ratchet' must be a table: [ratchet] with tolerance and figures"),
        Key("exempt", "tables", "Reviews a check does not count for, each with why: [[exempt]].", keys=(
            Key("reviews", "texts", "Review ids or globs (\"cd0012*\")."),
            Key("checks", "texts", "Check ids (default: every check, \"*\").", ["*"]),
            Key("reason", "text", "Why these reviews are exempt."),
        ), wrong="'exempt' must be tables: [[exempt]] with reviews, checks and reason"),
        Key("report", "table", "Bounds of the reports for CI.", keys=_report_keys(),
            wrong="'report' must be a table: [report] with max_annotations, max_findings, build_documents, max_results"),
        Key("typography", "table", "How numbers are printed in html, pdf and md.", keys=(
            Key("minus", "choice", "Negative numbers with the minus sign (U+2212) or a hyphen.", "unicode", ("unicode", "hyphen")),
            Key("ranges", "choice", "Ranges with an en dash (18\u201365) or a hyphen.", "en-dash", ("en-dash", "hyphen")),
        ), wrong="'typography' must be a table with minus and ranges"),
    ))


TOP_UNKNOWN = Unknown()
TABLE_UNKNOWN = {
    "typography": Unknown("unknown setting '{key}' in [typography]; allowed: {allowed}", hint=False),
    "handout": Unknown("unknown setting '{key}' in [handout]; allowed: {allowed}", hint=False),
    "report": Unknown("unknown report setting '{key}'{hint}; allowed: {allowed}"),
    "ratchet": Unknown("unknown ratchet setting '{key}'{hint}; allowed: {allowed}"),
    "exempt": Unknown("unknown exemption setting '{key}'{hint}; allowed: {allowed}"),
}


def describe(key: Key | None = None) -> dict[str, Any]:
    """The declaration as plain data: for each key its type, default, choices, bounds and description."""
    key = key or declaration()
    data: dict[str, Any] = {"type": key.type, "description": key.description}
    if key.default is not None:
        data["default"] = key.default
    if key.choices:
        data["choices"] = list(key.choices)
    for bound in ("minimum", "maximum"):
        if getattr(key, bound) is not None:
            data[bound] = getattr(key, bound)
    if key.see:
        data["see"] = key.see
    if key.keys:
        data["keys"] = {child.name: describe(child) for child in key.keys}
    return data
