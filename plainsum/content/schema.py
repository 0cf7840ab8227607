"""JSON Schemas of a review file and of a translation file, for editors that validate and complete YAML
(the YAML language server, JetBrains, SchemaStore): `plainsum schema content` and `plainsum schema
translation` print them, and `plainsum new` and `init` write the modeline that points at them.

They are made from the declarations the loader validates with, not written beside it: the top-level
keys (model.TOP_LEVEL_KEYS), the kinds with their sections and layouts with their summary parts
(kinds.KINDS, kinds.LAYOUTS), the keys and choices of a result (grade.results, grade.grid), of a
version (versions) and of a translation (translation.TRANSLATION_KEYS), and the id, fact-name and DOI
patterns. A key added there is in the schema; tests/test_schema.py holds the schema to the loader on
every shipped, scaffolded and broken file.

What a schema cannot say stays the loader's: that an id matches its file name, that prose is a valid
template whose facts exist, that an estimate lies inside its interval, that a translation has a field
for each of its review's.
"""

from __future__ import annotations

import re
from typing import Any

from plainsum.content.kinds import KINDS, LAYOUTS, Kind, Layout
from plainsum.content.model import FACT_NAME, ID_PATTERN, RESERVED_FACTS, TOP_LEVEL_KEYS
from plainsum.content.trial import (
    EU_TRIAL_NUMBER,
    GROUP_KEYS,
    IDENTIFIER_KEYS,
    MEDICINE_KEYS,
    NCT_NUMBER,
    REACTION_KEYS,
    ROLES,
    SEXES,
    SPONSOR_KEYS,
    TRIAL_ID,
    TRIAL_KEYS,
)
from plainsum.content.versions import DOI_PATTERN, EARLIER_KEYS, VERSION_KEYS
from plainsum.grade.grid import CERTAINTIES, SIZES
from plainsum.grade.results import BETTER, DIRECTIONS, RESULT_ID, RESULT_KEYS, TERM_KEYS

DRAFT = "https://json-schema.org/draft/2020-12/schema"
TEXT_PATTERN = r"\S"  # not empty, not only spaces
NO_PRIVATE = "[\ue000-\ue004]"  # characters plainsum reserves for its own marks
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
NUMBER_TEXT = r"^\s*[-\u2212]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$"

DESCRIPTIONS = {
    "id": "The review id: lower-case letters, digits and hyphens; the file name without .yaml.",
    "kind": "The kind of document: it decides the abstract's sections.",
    "title": "The review's title, as published.",
    "plain_title": "The lay summary's title, in plain words (Markdown; facts as {{ name }}).",
    "doi": "The review's DOI, such as 10.1002/14651858.CD009009.pub3 (its .pubN is the version).",
    "language": "The review's language (BCP 47: en, es, pt-BR); English when absent.",
    "authors": "The authors' names, as printed.",
    "citation": "How to cite the review, printed on the handouts.",
    "layout": "The lay summary's layout: which parts it has (the kind's first when absent).",
    "facts": "Values the prose uses as {{ name }}, written once for both documents. A name ending in _date is a date.",
    "sections": "The technical abstract, one entry per heading of the kind; `plain` is the lay summary's text where the layout prints it.",
    "summary": "The lay summary's own parts, as the layout asks.",
    "extra_sections": "Headings outside the kind's list, kept in order.",
    "references": "The references, one text each.",
    "results": "The main outcomes as data: the abstract's figures and the lay summary's GRADE statements come from them, "
               "as {{ results.<id>.technical }} and {{ results.<id>.plain }}.",
    "version": "Which version of the review this is, for `plainsum diff` and \"What's new\".",
    "trial": "A clinical trial's data (kind trial-results): identifiers, sponsor, dates, participants per country, "
             "age group and sex, groups, medicines and adverse reactions per group (docs/trial-results.md). Prose "
             "reaches it as {{ trial.participants }}, {{ trial.groups.<id>.name }}.",
}
RESULT_DESCRIPTIONS = {
    "id": "The result's id, used in prose as {{ results.<id>.plain }}: lower-case letters, digits and underscores.",
    "outcome": "The outcome: one name, or {technical, plain, plural, quality}.",
    "intervention": "The intervention (default: facts.intervention).",
    "comparison": "What the intervention is compared with.",
    "measure": "The effect measure: RR, OR, HR, IRR, MD, SMD, RD (or written out).",
    "estimate": "The point estimate, as the review prints it (\"1.00\" keeps its zeros).",
    "ci": "The 95% confidence interval, as [low, high].",
    "studies": "How many studies give the result.",
    "study_word": "What the studies are called (\"trials\").",
    "participants": "How many participants.",
    "certainty": "The GRADE certainty of the evidence.",
    "size": "The size of the effect: the authors' judgement.",
    "direction": "Which way the estimate goes (found from the estimate when absent).",
    "better": "Whether a lower or a higher value of the outcome is better.",
    "control_risk": "The assumed risk without the intervention, as a proportion (0.068 for 68 in 1000): gives the absolute effect.",
    "per": "The absolute effect per how many people.",
    "event": "What happens to people, in plain words (\"die from any cause\"), for natural frequencies.",
    "aliases": "Other words the lay summary uses for the outcome.",
    "plain": "The result's own plain statement, instead of the grid's.",
    "technical": "The result's own technical statement, instead of the grid's.",
    "comment": "The comment of its summary of findings row.",
}


def covering(properties: dict[str, Any], keys: tuple[str, ...] | list[str], where: str) -> dict[str, Any]:
    """`properties` for exactly the loader's `keys`, in its order: a key the loader has and this module does
    not describe yet is allowed with any value (tests/test_schema.py fails until it is described), and a
    described key the loader no longer has is dropped, so the schema never refuses what the loader takes."""
    for key in keys:
        if key not in properties:
            UNDESCRIBED.append(f"{where}.{key}")
    return {key: properties.get(key, {"description": "(not described yet)"}) for key in keys}


UNDESCRIBED: list[str] = []  # keys the loader knows that the schema does not describe (held empty by the tests)


def _text(description: str | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string", "pattern": TEXT_PATTERN, "not": {"pattern": NO_PRIVATE}}
    if description:
        schema["description"] = description
    return schema


def _any_case(words: str) -> str:
    """A pattern that matches `words` as the loader reads a choice: any case, hyphens or spaces between words."""
    pieces = []
    for char in words:
        if char.isalpha():
            pieces.append(f"[{char.lower()}{char.upper()}]")
        elif char in " -":
            pieces.append("[ -]+")
        else:
            pieces.append(re.escape(char))
    return "".join(pieces)


def _choice(values: tuple[str, ...], description: str) -> dict[str, Any]:
    """One of `values`: offered as they are written (enum, for completion), accepted as the loader accepts them."""
    loose = "^\\s*(" + "|".join(_any_case(value) for value in values) + ")\\s*$"
    return {"description": description, "anyOf": [{"enum": list(values)}, {"type": "string", "pattern": loose}]}


def _number(description: str) -> dict[str, Any]:
    return {"description": description, "anyOf": [{"type": "number"}, {"type": "string", "pattern": NUMBER_TEXT}]}


def _count(description: str) -> dict[str, Any]:
    return {"description": description, "type": "integer", "minimum": 1}


def _date(description: str) -> dict[str, Any]:
    # a YAML date: an editor's YAML reader and `plainsum schema`'s tests see it as text YYYY-MM-DD
    return {"description": description, "type": "string", "format": "date", "pattern": DATE_PATTERN}


def _term(description: str) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "technical": _text("The name in the abstract."), "plain": _text("The name in the lay summary."),
        "plural": {"type": "boolean", "description": "The name is plural (\"antibiotics reduce\")."},
        "quality": {"type": "boolean", "description": "A quality that gets better or worse (\"asthma control\"): worded with improve/worsen."},
    }
    return {"description": description, "anyOf": [
        _text(),
        {"type": "object", "properties": covering(properties, TERM_KEYS, "term"), "required": ["technical"], "additionalProperties": False},
    ]}


def _result() -> dict[str, Any]:
    d = RESULT_DESCRIPTIONS
    properties: dict[str, Any] = {
        "id": {"type": "string", "pattern": RESULT_ID.pattern, "description": d["id"]},
        "outcome": _term(d["outcome"]), "intervention": _term(d["intervention"]), "comparison": _term(d["comparison"]),
        "measure": _text(d["measure"]),
        "estimate": _number(d["estimate"]),
        "ci": {"description": d["ci"], "type": "array", "minItems": 2, "maxItems": 2, "items": _number("A bound of the interval.")},
        "studies": _count(d["studies"]), "study_word": _text(d["study_word"]), "participants": _count(d["participants"]),
        "certainty": _choice(CERTAINTIES, d["certainty"]),
        "size": _choice(SIZES, d["size"]),
        "direction": _choice(DIRECTIONS, d["direction"]),
        "better": _choice(BETTER, d["better"]),
        "control_risk": _number(d["control_risk"]),
        "per": {"description": d["per"], "enum": [100, 1000, 10000, 100000]},
        "event": _text(d["event"]),
        "aliases": {"description": d["aliases"], "type": "array", "items": _text()},
        "plain": _text(d["plain"]), "technical": _text(d["technical"]), "comment": _text(d["comment"]),
    }
    return {"type": "object", "properties": covering(properties, RESULT_KEYS, "result"), "additionalProperties": False,
            "required": ["id", "outcome", "measure", "estimate", "ci", "studies", "participants", "certainty"]}


def _version() -> dict[str, Any]:
    doi = {"type": "string", "pattern": DOI_PATTERN.pattern}
    earlier_properties = covering({"doi": doi, "published": {"anyOf": [_date("When it was published."),
                                                                       {"type": "integer", "minimum": 1900, "maximum": 2200}]}},
                                  EARLIER_KEYS, "version.earlier")
    properties = {
        "number": _count("The version's number (the DOI's .pubN)."),
        "published": _date("When this version was published."),
        "conclusions_changed": {"type": "boolean", "description": "Whether the conclusions changed from the last version."},
        "earlier": {"type": "array", "description": "The earlier versions, newest first: a DOI, or {doi, published}.",
                    "items": {"anyOf": [doi, {"type": "object", "properties": earlier_properties, "additionalProperties": False,
                                              "anyOf": [{"required": ["doi"]}, {"required": ["published"]}]}]}},
    }
    return {"type": "object", "description": DESCRIPTIONS["version"], "properties": covering(properties, VERSION_KEYS, "version"),
            "additionalProperties": False}


def _trial() -> dict[str, Any]:
    """`trial:` of the trial-results kind (content/trial.py)."""
    whole = {"type": "integer", "minimum": 0}

    def items(properties: dict[str, Any], keys: tuple[str, ...], where: str, required: list[str]) -> dict[str, Any]:
        return {"type": "array", "items": {"type": "object", "properties": covering(properties, keys, where),
                                           "additionalProperties": False, "required": required}}

    name = {"anyOf": [_text(), {"type": "object", "additionalProperties": False, "required": ["technical"],
                                "properties": {"technical": _text("The name in the technical summary."),
                                               "plain": _text("The name in the lay summary.")}}]}
    trial_id = {"type": "string", "pattern": TRIAL_ID.pattern,
                "description": "An id, used in prose and in a translation's terms: lower-case letters, digits and underscores."}
    identifiers = {
        "protocol": _text("The sponsor's protocol number."),
        "eu_trial_number": {"type": "string", "pattern": EU_TRIAL_NUMBER.pattern,
                            "description": "The EU CT number (2022-500123-45-00) or the EudraCT number (2013-004502-26)."},
        "nct": {"type": "string", "pattern": NCT_NUMBER.pattern, "description": "The ClinicalTrials.gov number."},
        "other": {"type": "array", "items": _text(), "description": "Other registry numbers."},
    }
    properties: dict[str, Any] = {
        "identifiers": {"type": "object", "additionalProperties": False,
                        "properties": covering(identifiers, IDENTIFIER_KEYS, "trial.identifiers")},
        "sponsor": {"type": "object", "additionalProperties": False, "properties": covering(
            {"name": _text("The sponsor's name."), "contact": _text("Where the public can ask about the trial.")},
            SPONSOR_KEYS, "trial.sponsor")},
        "start_date": _date("When the trial started."),
        "end_date": _date("When the trial ended."),
        "participants": _count("How many people took part (the total the other counts add up to)."),
        "countries": items({"country": {"type": "string", "pattern": "^[A-Za-z]{2}$", "description": "ISO 3166-1 code (DE, US)."},
                            "participants": whole}, ("country", "participants"), "trial.countries", ["country", "participants"]),
        "age_groups": items({"from": whole, "to": whole, "participants": whole}, ("from", "to", "participants"),
                            "trial.age_groups", ["from", "participants"]),
        "sex": {"type": "object", "additionalProperties": False, "properties": dict.fromkeys(SEXES, whole)},
        "groups": items({"id": trial_id, "name": name, "participants": _count("How many people were in the group.")},
                        GROUP_KEYS, "trial.groups", ["id", "name", "participants"]),
        "medicines": items({"id": trial_id, "name": _text("The medicine's name."),
                            "role": _choice(ROLES, "What the medicine was in the trial."),
                            "groups": {"type": "array", "items": _text(), "description": "The groups that had it."}},
                           MEDICINE_KEYS, "trial.medicines", ["id", "name", "role"]),
        "adverse_reactions": items({"id": trial_id, "name": name, "serious": {"type": "boolean"},
                                    "affected": {"type": "object", "additionalProperties": whole,
                                                 "description": "How many people had it, by group id."}},
                                   REACTION_KEYS, "trial.adverse_reactions", ["id", "name", "affected"]),
    }
    return {"type": "object", "description": DESCRIPTIONS["trial"], "additionalProperties": False,
            "properties": covering(properties, TRIAL_KEYS, "trial")}


def _facts(required: tuple[str, ...] = ()) -> dict[str, Any]:
    value = {"anyOf": [{"type": ["string", "number", "boolean"]},
                       {"type": "array", "items": {"type": ["string", "number", "boolean"]}}]}
    reserved = "|".join(sorted(RESERVED_FACTS))
    return {
        "type": "object", "description": DESCRIPTIONS["facts"],
        "propertyNames": {"pattern": FACT_NAME.pattern, "not": {"pattern": f"^({reserved})$"}},
        "patternProperties": {"_date$": _date("A date, YYYY-MM-DD.")},
        "additionalProperties": value,
        **({"required": list(required)} if required else {}),
    }


def _section() -> dict[str, Any]:
    return {"type": "object", "additionalProperties": False, "required": ["technical"],
            "properties": {"technical": _text("The abstract's text under this heading (Markdown; facts as {{ name }})."),
                           "plain": _text("The lay summary's text for this section, where the layout prints it.")}}


def _sections(kind: Kind) -> dict[str, Any]:
    properties = {spec.key: {**_section(), "description": spec.heading} for spec in kind.sections}
    return {"type": "object", "description": DESCRIPTIONS["sections"], "properties": properties, "additionalProperties": False,
            "required": [spec.key for spec in kind.sections if spec.required]}


def _summary(layout: Layout) -> dict[str, Any]:
    properties = {part.key: ({"type": "array", "items": _text()} if part.is_list else _text()) for part in layout.parts}
    return {"type": "object", "description": f"{DESCRIPTIONS['summary']} {layout.description}", "properties": properties,
            "additionalProperties": False, "required": [part.key for part in layout.parts if part.required]}


def _kind_rules(kind: Kind) -> list[dict[str, Any]]:
    """What depends on the kind (its sections, layouts and facts) and on its layout (the summary's parts)."""
    rules: list[dict[str, Any]] = [{
        "if": {"properties": {"kind": {"const": kind.name}}, "required": ["kind"]},
        "then": {"properties": {"layout": {"enum": list(kind.layouts)}, "sections": _sections(kind)}},
    }]
    for index, name in enumerate(kind.layouts):
        layout = LAYOUTS[name]
        facts = tuple(fact for fact in kind.required_facts if fact not in layout.waived_facts)
        chosen: dict[str, Any] = {"properties": {"kind": {"const": kind.name}, "layout": {"const": name}},
                                  "required": ["kind"] if index == 0 else ["kind", "layout"]}  # the first is the default
        then: dict[str, Any] = {"properties": {"summary": _summary(layout)}}
        needed = [key for key, wanted in (("summary", any(part.required for part in layout.parts)), ("facts", bool(facts))) if wanted]
        if needed:
            then["required"] = needed
        if facts:
            then["properties"]["facts"] = _facts(facts)
        rules.append({"if": chosen, "then": then})
    return rules


def content_schema() -> dict[str, Any]:
    """The JSON Schema of a review file (content/<id>.yaml)."""
    d = DESCRIPTIONS
    properties: dict[str, Any] = {
        "id": {"type": "string", "pattern": ID_PATTERN.pattern, "description": d["id"]},
        "kind": {"enum": list(KINDS), "description": d["kind"] + " " + " ".join(f"{k.name}: {k.description}" for k in KINDS.values())},
        "title": _text(d["title"]),
        "plain_title": _text(d["plain_title"]),
        "doi": {"type": "string", "pattern": DOI_PATTERN.pattern, "description": d["doi"]},
        "language": {"type": "string", "pattern": r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$", "description": d["language"]},
        "authors": {"type": "array", "items": _text(), "description": d["authors"]},
        "citation": _text(d["citation"]),
        "layout": {"enum": list(LAYOUTS),
                   "description": d["layout"] + " " + " ".join(f"{layout.name}: {layout.description}" for layout in LAYOUTS.values())},
        "facts": _facts(),
        "sections": {"type": "object", "description": d["sections"]},
        "summary": {"type": "object", "description": d["summary"]},
        "extra_sections": {"type": "array", "description": d["extra_sections"], "items": {
            "type": "object", "additionalProperties": False, "required": ["heading", "technical"],
            "properties": {"heading": _text("The heading, as printed."), "technical": _text("The abstract's text."),
                           "plain": _text("The lay summary's text.")}}},
        "references": {"type": "array", "items": _text(), "description": d["references"]},
        "results": {"type": "array", "items": _result(), "description": d["results"]},
        "version": _version(),
        "trial": _trial(),
    }
    return {
        "$schema": DRAFT,
        "$id": "plainsum:content",
        "title": "plainsum review file",
        "description": "A review kept as data: content/<id>.yaml (docs/content.md).",
        "type": "object",
        "properties": covering(properties, TOP_LEVEL_KEYS, "review"),
        "additionalProperties": False,
        "required": ["kind", "title", "plain_title", "sections"],
        "allOf": [rule for kind in KINDS.values() for rule in _kind_rules(kind)],
    }


def translation_schema() -> dict[str, Any]:
    """The JSON Schema of a translation file (content/<id>.<lang>.yaml)."""
    from plainsum.content.translation import TRANSLATION_KEYS

    text_or_list = {"anyOf": [_text(), {"type": "array", "items": _text()}]}
    properties: dict[str, Any] = {
        "language": {"type": "string", "pattern": r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$",
                     "description": "The translation's language; must match the file name <id>.<lang>.yaml."},
        "translators": {"type": "array", "minItems": 1, "items": _text(), "description": "Who translated it."},
        "date": _date("When it was translated."),
        "source_version": {"type": "object", "additionalProperties": {"type": "string", "pattern": r"^[0-9a-f]{12}$"},
                           "description": "The version of the source text each field was translated from (`plainsum check` gives it)."},
        "terms": {"type": "object", "description": "The names the language's GRADE statements use for each result (by result id), "
                                                   "and `intervention`, `intervention_plural` for all; a trial's groups, "
                                                   "medicines and adverse reactions as <id>: {name: ...}."},
        "plain_title": _text("The translated plain title."),
        "summary": {"type": "object", "additionalProperties": text_or_list, "description": "The translated parts of the lay summary."},
        "sections": {"type": "object", "description": "The translated plain text of each section the lay summary shows.",
                     "additionalProperties": {"type": "object", "additionalProperties": False, "required": ["plain"],
                                              "properties": {"plain": _text()}}},
    }
    return {
        "$schema": DRAFT, "$id": "plainsum:translation", "title": "plainsum translation file",
        "description": "A translated lay summary: content/<id>.<lang>.yaml (docs/translations.md).",
        "type": "object", "properties": covering(properties, TRANSLATION_KEYS, "translation"), "additionalProperties": False,
        "required": ["language", "translators", "date", "source_version", "plain_title"],
    }


SCHEMAS = {"content": content_schema, "translation": translation_schema}

SCHEMA_FOLDER = "schemas"  # beside plainsum.toml: schemas/content.schema.json, schemas/translation.schema.json


def schema_text(name: str) -> str:
    import json

    return json.dumps(SCHEMAS[name](), indent=2, ensure_ascii=False) + "\n"


def modeline(schema_path: str) -> str:
    """The first line that makes the YAML language server (VS Code, Neovim, Helix, ...) validate and complete the file."""
    return f"# yaml-language-server: $schema={schema_path}"
