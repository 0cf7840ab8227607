"""The [gate] section of the configuration: readability thresholds per document kind and section.

    [gate.summary]
    preset = ["nih", "cochrane-2021"]     # optional named presets; keys below override them
    formula_min_words = 100               # below this many words no formula is applied
    max_flesch_kincaid_grade = 14         # min_<figure> / max_<figure> for any figure
    max_hard_sentences = 3                # how many hard sentences a document may have

    [gate.summary.sentences]              # what makes a sentence hard in this kind of document
    max_words = 30
    max_grade = 16
    max_long_words = 5

    [gate.summary.sections."Key results"] # bounds for one section, matched by its heading
    max_flesch_kincaid_grade = 12

Every key is declared here (`gate_key`, `kind_key`, `sentences_key`: a `Key` each, in the one
declaration of plainsum.toml that `config/schema.py` assembles) and validated against that
declaration (`config/keys.py`): unknown keys with a "did you mean" hint, values of the wrong type,
each at its file:line:col. What a type cannot say stays here: a preset's name, a bound that does not
apply to a language's formulas, a language code. Every key is documented in docs/readability.md.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from plainsum.config.keys import Key, Unknown, check_keys, check_value
from plainsum.config.locate import did_you_mean

DOCUMENT_KINDS = ("summary", "abstract")
SENTENCE_KEYS = ("max_words", "max_grade", "max_long_words")
SENTENCE_DEFAULTS = {"max_words": 30.0, "max_grade": 16.0}
DEFAULT_FORMULA_MIN_WORDS = 100.0

# Named presets. Each is a set of document thresholds taken from a published recommendation.
PRESETS: dict[str, dict[str, float]] = {
    # NIH / National Library of Medicine (MedlinePlus, "How to Write Easy-to-Read Health Materials"):
    # write patient materials at or below a grade 8 reading level.
    "nih": {"max_flesch_kincaid_grade": 8.0},
    # American Medical Association (Weiss, "Health literacy and patient safety: Help patients
    # understand", AMA Foundation manual, 2007): patient materials at or below grade 6.
    "ama": {"max_flesch_kincaid_grade": 6.0},
    # Vale's "Readability" style (github.com/errata-ai/readability): the defaults of its rules.
    "vale": {
        "max_flesch_kincaid_grade": 8.0,
        "min_flesch_reading_ease": 70.0,
        "max_gunning_fog": 10.0,
        "max_smog_index": 10.0,
        "max_automated_readability_index": 8.0,
        "max_coleman_liau_index": 9.0,
    },
    # Lay summaries of clinical trial results (EU Regulation 536/2014, Annex V; the trial-results kind
    # holds its lay summaries to it by default). Neither the Regulation nor the Good Lay Summary
    # Practice guidance (2021) sets a number: they ask for plain words a reader with limited literacy
    # understands. plainsum takes NIH's grade 8 and the 15 to 20 words a sentence of plain-language
    # guidance (at most 20 on average).
    "eu-lay-summary": {"max_flesch_kincaid_grade": 8.0, "max_words_per_sentence": 20.0},
    # Cochrane's 2021 guidance for plain language summaries: 400 to 850 words.
    "cochrane-2021": {"min_words": 400.0, "max_words": 850.0},
    # Other languages (sources and scales in docs/readability.md). Spanish: the INFLESZ scale of
    # Barrio-Cantalejo et al. (2008), built for health texts: 55 and above is "normal" or easier.
    "inflesz": {"min_szigriszt_pazos": 55.0},
    # Spanish, Fernández Huerta's scale: 60 and above is "normal" (standard) or easier.
    "fernandez-huerta": {"min_fernandez_huerta": 60.0},
    # French, Kandel and Moles's scale (Flesch's bands): 60 and above is standard or easier.
    "kandel-moles": {"min_kandel_moles": 60.0},
    # German, Amstad's scale (Flesch's bands): 60 and above is "mittel" (standard) or easier.
    "amstad": {"min_amstad": 60.0},
    # Italian, Lucisano and Piemontese (1988): 60 and above is easy for readers with a middle-school education.
    "gulpease": {"min_gulpease": 60.0},
    # Portuguese, Martins et al. (1996): 50 and above is "fácil" (easy) or "muito fácil".
    "flesch-martins": {"min_flesch_martins": 50.0},
    # Dutch, Douma's own scale: 60 to 70 is "normaal", above is easier.
    "flesch-douma": {"min_flesch_douma": 60.0},
}

Bad = Callable[[tuple[str, ...], "str | None", str], None]


@dataclass(frozen=True)
class KnownLanguages:
    """What the configuration knows of languages, to check [gate.<kind>.languages.<code>]: the ones
    plainsum scores (config/figures.py), the project's [languages] table (a code scored as another),
    and, asked only for a code that is neither, the languages with a catalog in the template folders."""

    mapping: dict[str, str] = field(default_factory=dict)  # [languages]: code -> the supported one it is scored as
    catalogs: Callable[[], Sequence[str]] = tuple  # codes with a catalog (templates/locale/<ll>/)

    def profile(self, code: str) -> str | None:
        """The supported language documents in `code` are scored as (as readability.language_profile
        resolves it: the [languages] table first, then the code without its region); None: none."""
        from plainsum.config.figures import LANGUAGE_FORMULAS

        base = code.replace("_", "-").split("-")[0].lower()
        for candidate in (code, code.lower(), base):
            if candidate in self.mapping:
                return self.mapping[candidate]
        return base if base in LANGUAGE_FORMULAS else None

    def has_catalog(self, code: str) -> bool:
        base = code.split("-")[0]
        return any(known in (code, base) for known in self.catalogs())


@dataclass
class GateSettings:
    thresholds: dict[str, dict[str, float]] = field(default_factory=dict)  # kind -> bounds, presets merged
    presets: dict[str, list[str]] = field(default_factory=dict)  # kind -> preset names used
    sentences: dict[str, dict[str, float]] = field(default_factory=dict)  # kind -> hard-sentence limits
    sections: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)  # kind -> heading -> bounds
    formula_min_words: dict[str, float] = field(default_factory=dict)  # kind -> words
    # language -> the gate of documents in that language ([gate.<kind>.languages.<code>]), by kind
    languages: dict[str, GateSettings] = field(default_factory=dict)

    def for_language(self, code: str) -> GateSettings | None:
        """The settings of documents in `code`: the language's tables in place of the kind's ones."""
        own = self.languages.get(code)
        if own is None:
            return None
        merged = GateSettings(
            dict(self.thresholds), dict(self.presets), dict(self.sentences), dict(self.sections), dict(self.formula_min_words),
        )
        for kind in own.thresholds:
            merged.thresholds[kind] = own.thresholds[kind]
            merged.presets[kind] = own.presets.get(kind, [])
            merged.sections[kind] = own.sections.get(kind, {})
            if kind in own.sentences:
                merged.sentences[kind] = own.sentences[kind]
            if kind in own.formula_min_words:
                merged.formula_min_words[kind] = own.formula_min_words[kind]
        return merged
    # kind -> heading key -> (the heading as written, "file:line:col" of its table): a section
    # gate that matches no section of the documents checked is an error there
    section_places: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)


def metric_names() -> tuple[str, ...]:
    from plainsum.config.figures import ALL_FIGURE_NAMES  # what score.METRIC_NAMES names, without the scoring code

    return ALL_FIGURE_NAMES


def bound_keys() -> list[str]:
    return [f"{bound}_{name}" for name in metric_names() for bound in ("min", "max")]


def gate_keys() -> list[str]:
    return [*bound_keys(), "max_hard_sentences"]


def is_number(value: Any) -> bool:
    """A TOML integer or float (TOML booleans are Python ints, and are not numbers here)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


# --- the declaration of [gate] and [sentences] ------------------------------------------------------

NUMBER = "'{key}' must be a number, not {value!r}"
GATE_UNKNOWN = Unknown("unknown gate setting '{key}'{hint}; allowed: {allowed}")
KIND_UNKNOWN = Unknown("unknown document kind '[gate.{key}]'{hint}; use [gate.summary] or [gate.abstract]")
SECTION_UNKNOWN = Unknown("unknown section setting '{key}'{hint}; allowed: {allowed}")


def _bound_key(key: str) -> Key:
    from plainsum.config.figures import FIGURE_LABELS

    bound, _, figure = key.partition("_")
    label = FIGURE_LABELS.get(figure, figure.replace("_", " "))
    return Key(key, "number", f"The document's {label} must be at {'least' if bound == 'min' else 'most'} this.", wrong=NUMBER)


def sentences_key(name: str = "sentences", description: str = "What makes a sentence hard, for every kind of document.") -> Key:
    """[sentences], and [gate.<kind>.sentences]: what makes a sentence hard."""
    keys = tuple(Key(key, "number", f"A sentence is hard above this ({key.removeprefix('max_').replace('_', ' ')}).",
                     SENTENCE_DEFAULTS.get(key), wrong="'{key}' must be a number") for key in SENTENCE_KEYS)
    return Key(name, "table", description, keys=keys, wrong="'{key}' must be a table")


def section_key(heading: str) -> Key:
    """[gate.<kind>.sections."<heading>"]: bounds for one section."""
    keys = (*map(_bound_key, bound_keys()), Key("formula_min_words", "number", "Below this many words no formula is applied.",
                                                wrong=NUMBER))
    return Key(heading, "table", "Bounds for one section.", keys=keys, wrong="section '{key}' must be a table of bounds")


def kind_key(kind: str, own_languages: bool = True) -> Key:
    """[gate.<kind>] (and, without `own_languages`, [gate.<kind>.languages.<code>]): its keys in the
    order a message lists them."""
    keys = [
        Key("preset", "choices", "Named sets of bounds from published guidance; the kind's own keys override them.",
            choices=tuple(PRESETS), wrong="'preset' must be a preset name or a list of them"),
        Key("formula_min_words", "number", "Below this many words no formula is applied.", DEFAULT_FORMULA_MIN_WORDS,
            minimum=0, wrong="'{key}' must be a number of words, 0 or more, not {value!r}"),
        sentences_key("sentences", "What makes a sentence hard in this kind of document."),
        Key("sections", "map", "Bounds for one section, matched by its heading: [gate.<kind>.sections.\"<heading>\"].",
            wrong="'sections' must be a table of section headings, for example [gate.summary.sections.\"Key results\"]"),
    ]
    if own_languages:
        keys.append(Key("languages", "map", "The gate of documents in one language: [gate.<kind>.languages.<code>].",
                        wrong=f"'languages' must be a table of language codes, for example [gate.{kind}.languages.es]"))
    keys.extend(map(_bound_key, bound_keys()))
    keys.append(Key("max_hard_sentences", "number", "How many hard sentences a document may have.", wrong=NUMBER))
    return Key(kind, "table", f"The gate of the {kind}: min_<figure> and max_<figure> bounds, and:", keys=tuple(keys),
               wrong=f"'gate.{kind}' must be a table", see="docs/readability.md (the figures a gate can bound)")


def gate_key() -> Key:
    """[gate]: a table per document kind."""
    return Key("gate", "table", "Readability bounds per document kind: [gate.summary], [gate.abstract].",
               keys=tuple(kind_key(kind) for kind in DOCUMENT_KINDS), wrong="'gate' must be a table, for example [gate.summary]")


def parse_gate(raw: Any, bad: Bad, languages: KnownLanguages | None = None) -> GateSettings:
    """[gate]; `languages` says which per-language tables may be written and which formulas each may bound."""
    settings = GateSettings()
    languages = languages or KnownLanguages()
    declared = gate_key()
    if not check_value(declared, raw, (), bad):
        return settings
    for kind in check_keys(declared, raw, ("gate",), bad, KIND_UNKNOWN):
        table = raw[kind]
        kind_declared = declared.key(kind)
        assert kind_declared is not None
        if check_value(kind_declared, table, ("gate",), bad):
            _parse_kind(kind, table, settings, bad, languages=languages)
    return settings


@dataclass(frozen=True)
class Applies:
    """The formulas a language's table may bound (`formulas`), and how to say so when a key bounds another."""

    language: str  # "Spanish", "ca (scored as Spanish)"
    formulas: tuple[str, ...]

    def check(self, key: str) -> str | None:
        """Why a bound key does not apply to the language's documents; None when it does."""
        from plainsum.config.figures import ALL_FORMULA_NAMES, FIGURE_LABELS

        name = key.partition("_")[2]
        if name not in ALL_FORMULA_NAMES or name in self.formulas:
            return None
        if not self.formulas:
            return (f"'{key}' does not apply: documents in {self.language} are scored with no formula (only counts, such as "
                    "max_words_per_sentence, apply); map the language to one plainsum scores in [languages]")
        scored = ", ".join(f"{FIGURE_LABELS[formula]} ({formula})" for formula in self.formulas)
        bound = "min" if self.formulas[0] in _easier_when_higher() else "max"
        return (f"'{key}' does not apply: documents in {self.language} are scored with {scored}, not with "
                f"{FIGURE_LABELS[name]}; bound one of those, for example {bound}_{self.formulas[0]}")


def _easier_when_higher() -> frozenset[str]:
    from plainsum.config.figures import EASIER_WHEN_HIGHER

    return EASIER_WHEN_HIGHER


def _parse_kind(kind: str, table: dict[str, Any], settings: GateSettings, bad: Bad, where: tuple[str, ...] = (),
                languages: KnownLanguages | None = None, applies: Applies | None = None) -> None:
    where = where or ("gate", kind)
    declared = kind_key(kind, own_languages=len(where) == 2)
    thresholds: dict[str, float] = {}
    names = table.get("preset", [])
    if isinstance(names, str):
        names = [names]
    preset = declared.key("preset")
    assert preset is not None
    if not check_value(replace(preset, type="texts"), names, where, bad):  # the names are checked one by one below
        names = []
    for name in names:
        if name not in PRESETS:
            bad(where, "preset", f"unknown preset '{name}'{did_you_mean(name, PRESETS)}; known presets: {', '.join(PRESETS)}")
            continue
        why = next((reason for key in PRESETS[name] if (reason := applies.check(key)) is not None), None) if applies else None
        if why is not None:
            bad(where, "preset", f"preset '{name}': {why}")
            continue
        thresholds.update(PRESETS[name])
    settings.presets[kind] = [n for n in names if n in PRESETS]
    for key in check_keys(declared, table, where, bad, GATE_UNKNOWN):
        value = table[key]
        declared_key = declared.key(key)
        assert declared_key is not None
        if key == "preset" or not check_value(declared_key, value, where, bad):
            continue
        if key == "languages":
            _parse_languages(kind, value, settings, bad, (*where, "languages"), languages or KnownLanguages())
        elif key == "sentences":
            settings.sentences[kind] = parse_sentences(value, (*where, "sentences"), bad)
        elif key == "sections":
            settings.sections[kind] = _parse_sections(value, (*where, "sections"), bad, applies)
        elif key == "formula_min_words":
            settings.formula_min_words[kind] = float(value)
        elif applies is not None and (why := applies.check(key)) is not None:
            bad(where, key, why)
        else:
            thresholds[key] = float(value)
    settings.thresholds[kind] = thresholds


def _parse_languages(kind: str, raw: Any, settings: GateSettings, bad: Bad, where: tuple[str, ...],
                     languages: KnownLanguages) -> None:
    """[gate.summary.languages.es]: the gate of documents in one language (a translation's, or a
    review's own), with the keys of [gate.summary]; it replaces the kind's bounds for that language.
    The language must be one plainsum scores, one [languages] maps, or one with a catalog; its
    bounds may name only the formulas its documents are scored with (and any count)."""
    import re

    from plainsum.config.figures import LANGUAGE_FORMULAS, LANGUAGE_NAMES

    for code, table in raw.items():
        if not re.fullmatch(r"[a-z]{2,3}(?:-[A-Z]{2})?", code):
            bad(where, code, f"'{code}' is not a language code (as es, fr, pt-BR)")
            continue
        if not check_value(Key(code, "table", "", wrong=f"'{'.'.join((*where, code))}' must be a table"), table, where, bad):
            continue
        profile = languages.profile(code)
        if profile is None and not languages.has_catalog(code):
            known = sorted({*LANGUAGE_FORMULAS, *languages.mapping})
            bad(where, code, f"unknown language '{code}' in [{'.'.join((*where, code))}]{did_you_mean(code, known)}: plainsum "
                f"scores {', '.join(LANGUAGE_FORMULAS)}; another language needs a catalog "
                f"(templates/locale/{code.replace('-', '_')}/LC_MESSAGES/plainsum.po) and [languages] {code} = \"<one of those>\"")
            continue
        if profile is None:
            applies = Applies(code, ())
        else:
            name = LANGUAGE_NAMES.get(profile, profile)
            applies = Applies(name if profile == code.split("-")[0].lower() else f"{code} (scored as {name})", LANGUAGE_FORMULAS[profile])
        own = settings.languages.setdefault(code, GateSettings())
        _parse_kind(kind, table, own, bad, (*where, code), applies=applies)


def _parse_sections(raw: dict[str, Any], where: tuple[str, ...], bad: Bad, applies: Applies | None = None) -> dict[str, dict[str, float]]:
    sections: dict[str, dict[str, float]] = {}
    for heading, table in raw.items():
        declared = section_key(heading)
        if not check_value(declared, table, where, bad):
            continue
        bounds: dict[str, float] = {}
        for key in check_keys(declared, table, (*where, heading), bad, SECTION_UNKNOWN):
            declared_key = declared.key(key)
            assert declared_key is not None
            if not check_value(declared_key, table[key], (*where, heading), bad):
                continue
            if applies is not None and (why := applies.check(key)) is not None:
                bad((*where, heading), key, why)
            else:
                bounds[key] = float(table[key])
        sections[heading_key(heading)] = bounds
    return sections


def parse_sentences(raw: Any, where: tuple[str, ...], bad: Bad) -> dict[str, float]:
    """[sentences] or [gate.<kind>.sentences], checked against `sentences_key`."""
    limits: dict[str, float] = {}
    declared = sentences_key(where[-1])
    if not check_value(declared, raw, where[:-1], bad):
        return limits
    for key in check_keys(declared, raw, where, bad):
        declared_key = declared.key(key)
        assert declared_key is not None
        if check_value(declared_key, raw[key], where, bad):
            limits[key] = float(raw[key])
    return limits


def heading_key(heading: str) -> str:
    """Headings match whatever their case, spacing or trailing colon."""
    return " ".join(heading.lower().rstrip(":").split())
