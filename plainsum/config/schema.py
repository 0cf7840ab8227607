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

from collections.abc import Mapping, Sequence
from typing import Any

from plainsum.config.keys import Key, Unknown

# Defaults and bounds the modules that read the tables use too (config/ci.py, config/handout.py)
DEFAULT_TOLERANCE = 0.1
REPORT_DEFAULTS = {"max_annotations": 10, "max_findings": 0, "build_documents": 10, "max_results": 5000}
PAPER_SIZES = ("a4", "letter")
MIN_BODY_SIZE, MAX_BODY_SIZE = 9.0, 20.0  # points; patient-material guidance asks for 12 or more
BODY_SIZE = 12.0
QUESTIONS_HEADING = "Questions to ask your doctor"


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
    from plainsum.config.gate import gate_key, sentences_key

    return Key("plainsum.toml", "table", "plainsum's project configuration (or [tool.plainsum] in pyproject.toml).", keys=(
        Key("content", "path", "The folder of the review files.", "content",
            wrong="'{key}' must be a folder path as text"),
        Key("output", "path", "The folder plainsum build writes (and plainsum clean empties).", "output",
            wrong="'{key}' must be a folder path as text"),
        Key("templates", "path", "The project's templates, read before plainsum's own, file by file.", "templates",
            wrong="'{key}' must be a folder path as text"),
        Key("formats", "choices", "The formats plainsum build writes.", ["html", "md", "txt", "pdf"], choices=tuple(format_names),
            wrong="'formats' must be a list of format names, for example [\"html\", \"txt\"]"),
        gate_key(),
        Key("checks", "map", "Each check's severity (\"error\", \"warning\", \"off\") or a table with severity and its options.",
            choices=tuple(check_ids), see="plainsum config (every check, its severity and options)",
            wrong="'checks' must be a table of check id = \"error\" | \"warning\" | \"off\""),
        sentences_key(),
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


SEVERITIES = ("error", "warning", "off")
CHECK_UNKNOWN = Unknown("unknown check '{key}'{hint}", otherwise="; known checks: {allowed}")
# a check option's declared type (checks/context.py) -> the type of its key
OPTION_KEY_TYPES = {"integer": "integer", "number": "number", "boolean": "boolean", "string": "text", "array of strings": "texts"}


def check_key(check_id: str, defaults: Mapping[str, object], types: Mapping[str, str] | None) -> Key:
    """[checks."<id>"]: a severity, or a table of `severity` and the options the check declares (their
    types from the check's options dataclass; without `types`, each option is like its default)."""
    severity = Key("severity", "choice", "error, warning or off.", choices=SEVERITIES,
                   wrong="severity must be one of error, warning, off, not {value!r}")
    options = []
    for name, default in defaults.items():
        like = repr(default).replace("{", "{{").replace("}", "}}")
        kind = OPTION_KEY_TYPES.get(types.get(name, ""), "text") if types is not None else "like"
        options.append(Key(name, kind, "", default, wrong=f"'{{key}}' must be like {like}, not {{value!r}}"))
    return Key(check_id, "choice", "", choices=SEVERITIES, keys=(severity, *options),
               wrong="'{key}' must be one of error, warning, off, not {value!r}")


def option_unknown(check_id: str) -> Unknown:
    return Unknown(f"unknown option '{{key}}' for check '{check_id}'{{hint}}; allowed: {{allowed}}")


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
