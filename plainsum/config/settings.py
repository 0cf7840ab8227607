"""Project configuration: plainsum.toml, or [tool.plainsum] in pyproject.toml.

Unknown keys and wrong types are errors reported as file:line:col, like content errors.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plainsum.config.ci import Exemption, GateInCi
from plainsum.config.gate import is_number
from plainsum.config.handout import Handout, parse_handout, parse_paper
from plainsum.config.locate import Locator, did_you_mean
from plainsum.config.paths import link_outside
from plainsum.errors import InputError, Problem, decode_utf8, display_path

if TYPE_CHECKING:
    from plainsum.config.gate import GateSettings
    from plainsum.config.keys import Key

DOCUMENT_KINDS = ("summary", "abstract")
DEFAULT_FORMATS = ("html", "md", "txt", "pdf")


@dataclass(frozen=True)
class Catalog:
    """The formats and checks that exist, for validating names in a configuration.

    The stages that own them sit above config, so config is handed this (plainsum.gate.load_config
    makes one). Each is a function so that the check modules load only when a configuration
    names a check.
    """

    format_names: Callable[[], Sequence[str]]
    check_options: Callable[[], Mapping[str, Mapping[str, object]]]  # check id -> its options and their defaults
    # the languages with a catalog in a project's templates folder and the default templates (asked
    # only for a [gate.<kind>.languages.<code>] table of a language plainsum does not score itself)
    language_catalogs: Callable[[Path], Sequence[str]] = lambda templates: ()
    # check id -> its default severity (for `plainsum config`)
    check_severities: Callable[[], Mapping[str, str]] | None = None
    # check id -> option name -> its declared type ("integer", "number", "boolean", "string", "array of strings")
    check_option_types: Callable[[], Mapping[str, Mapping[str, str]]] | None = None


@dataclass
class Config:
    root: Path
    source: str | None  # the file the configuration came from, for messages
    content_dir: Path
    output_dir: Path
    templates_dir: Path
    formats: list[str]
    gate: dict[str, dict[str, float]] = field(default_factory=dict)
    checks: dict[str, str] = field(default_factory=dict)  # check id -> "error" | "warning" | "off"
    check_options: dict[str, dict[str, object]] = field(default_factory=dict)
    sentences: dict[str, float] = field(default_factory=dict)
    paper: tuple[str, ...] = ("a4",)  # PDF page sizes, each written by every build: "a4", "letter" (docs/build.md)
    handout: Handout = field(default_factory=Handout)  # [handout] (config/handout.py)
    minus: bool = True  # [typography] minus = "unicode": negative numbers with U+2212 in html, pdf and md
    ranges: bool = True  # [typography] ranges = "en-dash": 18-65 printed 18\u201365 in html, pdf and md
    languages: dict[str, str] = field(default_factory=dict)  # [languages]: unsupported code -> the one to score it as

    exempt: list[Exemption] = field(default_factory=list)  # [[exempt]]: reviews a check does not count for
    ci: GateInCi = field(default_factory=GateInCi)  # baseline, ratchet and report bounds (config/ci.py)

    catalog: Catalog | None = field(default=None, repr=False, compare=False)
    source_file: Path | None = None  # the configuration file read (None: no file, every setting its default)
    gate_detail: GateSettings | None = None  # presets, per-section bounds, hard-sentence limits (config/gate.py)

    def for_language(self, code: str) -> Config:
        """The configuration of documents in the language `code`: its [gate.<kind>.languages.<code>]
        tables in place of the kind's, or this configuration when the language has none."""
        detail = self.gate_detail.for_language(code) if self.gate_detail is not None else None
        if detail is None:
            return self
        import dataclasses

        return dataclasses.replace(self, gate=detail.thresholds, gate_detail=detail)

    def for_kind(self, preset: str | None, language: str) -> Config:
        """The configuration of a review whose kind holds its lay summaries to `preset` (the
        trial-results kind: eu-lay-summary): each of the preset's bounds is added to [gate.summary],
        the stricter one winning where both set it. The preset's formulas are English ones, so a
        document in another language keeps its language's gate ([gate.summary.languages.<code>])."""
        from plainsum.config.gate import PRESETS

        if preset is None or language.split("-")[0].lower() != "en":
            return self
        import dataclasses

        summary = dict(self.gate.get("summary", {}))
        for key, value in PRESETS[preset].items():
            if key not in summary:
                summary[key] = value
            else:
                summary[key] = min(summary[key], value) if key.startswith("max_") else max(summary[key], value)
        return dataclasses.replace(self, gate={**self.gate, "summary": summary})

    def thresholds(self, document_kind: str) -> dict[str, float]:
        return self.gate.get(document_kind, {})

    def section_thresholds(self, document_kind: str, heading: str | None) -> dict[str, float]:
        """Bounds set for one section in [gate.<kind>.sections."<heading>"] (without formula_min_words)."""
        from plainsum.config.gate import heading_key

        if heading is None or self.gate_detail is None:
            return {}
        found = self.gate_detail.sections.get(document_kind, {}).get(heading_key(heading), {})
        return {key: value for key, value in found.items() if key != "formula_min_words"}

    def sentence_limits(self, document_kind: str) -> dict[str, float]:
        """What makes a sentence hard: [sentences], overridden by [gate.<kind>.sentences]."""
        limits = dict(self.sentences)
        if self.gate_detail is not None:
            limits.update(self.gate_detail.sentences.get(document_kind, {}))
        return limits

    def formula_min_words(self, document_kind: str, heading: str | None = None) -> float:
        """Below this many words no formula is applied to a document (or to the section `heading`)."""
        from plainsum.config.gate import DEFAULT_FORMULA_MIN_WORDS, heading_key

        if self.gate_detail is None:
            return DEFAULT_FORMULA_MIN_WORDS
        value = self.gate_detail.formula_min_words.get(document_kind, DEFAULT_FORMULA_MIN_WORDS)
        if heading is not None:
            value = self.gate_detail.sections.get(document_kind, {}).get(heading_key(heading), {}).get("formula_min_words", value)
        return value

    def exemptions(self, review_id: str) -> dict[str, tuple[str, str]]:
        """check id (or "*") -> (reason, where) of each exemption that covers the review."""
        from fnmatch import fnmatchcase

        found: dict[str, tuple[str, str]] = {}
        for exemption in self.exempt:
            if any(fnmatchcase(review_id, pattern) for pattern in exemption.reviews):
                for check in exemption.checks:
                    found.setdefault(check, (exemption.reason, exemption.where))
        return found

    def baseline_path(self) -> Path | None:
        return (self.root / self.ci.baseline).resolve() if self.ci.baseline else None

    def check_option(self, check_id: str, name: str) -> object:
        """A check's option as configured, or the default the check registered."""
        configured = self.check_options.get(check_id, {})
        if name in configured:
            return configured[name]
        if self.catalog is None:
            raise LookupError(f"no catalog of checks to find the default of {check_id}.{name}")
        return self.catalog.check_options()[check_id][name]


CONFIG_NAMES = ("plainsum.toml", "pyproject.toml")


def find_config_file(start: Path) -> Path | None:
    """The first plainsum.toml, or pyproject.toml with a [tool.plainsum] table, in `start` or a
    folder above it (as ruff and black find theirs); None when there is none up to the root."""
    folder = start
    while True:
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file() and (name == "plainsum.toml" or _has_plainsum_table(candidate)):
                return candidate
        if folder.parent == folder:
            return None
        folder = folder.parent


def _has_plainsum_table(path: Path) -> bool:
    """Whether a pyproject.toml has [tool.plainsum] (read in full, with its errors, once chosen)."""
    try:
        _, _, locator = _read(path)
    except InputError:
        return True  # a broken file that may be the configuration: reading it reports its problems
    return locator is not None


MAX_CONFIG_BYTES = 1_000_000


def _read(path: Path) -> tuple[Path, dict[str, Any], Locator | None]:
    display = display_path(path)
    outside = link_outside(path, path.parent)
    if outside is not None:
        message = f"a link to {outside}, outside the project; plainsum does not follow links out of the project"
        raise InputError([Problem(display, 1, 1, message)])
    try:
        with open(path, "rb") as stream:
            raw = stream.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise InputError([Problem(display, 1, 1, f"cannot read configuration: {exc.strerror or exc}")]) from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise InputError([Problem(display, 1, 1, f"the configuration is larger than {MAX_CONFIG_BYTES:,} bytes")])
    text = decode_utf8(raw, display)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, column = (int(match.group(1)), int(match.group(2))) if match else (1, 1)
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise InputError([Problem(display, line, column, f"TOML syntax error: {message}")]) from None
    except RecursionError:  # tomllib parses nested arrays and inline tables recursively
        line, column = _deepest(text)
        raise InputError([Problem(display, line, column, "the configuration nests arrays or tables too deeply")]) from None
    except ValueError as exc:  # an integer of more digits than Python converts (4,300): not a TOMLDecodeError
        line, column = _longest_number(text)
        raise InputError([Problem(display, line, column, f"a number too long to read: {str(exc).split(':')[0]}")]) from None
    root = path.resolve().parent
    _trust(root)
    if path.name == "pyproject.toml":
        settings = data.get("tool", {}).get("plainsum")
        if settings is None:
            return root, {}, None
        return root, settings, Locator(text, display, ("tool", "plainsum"))
    return root, data, Locator(text, display, ())


def _trust(root: Path) -> None:
    """Files are read inside the project and the default templates, and through no link out of them."""
    from plainsum.config.paths import default_templates_dir
    from plainsum.files.safeopen import trust

    trust(root, default_templates_dir())


def _longest_number(text: str) -> tuple[int, int]:
    """Line and column of the longest run of digits of a TOML text (what tomllib could not convert)."""
    where = max(re.finditer(r"[0-9][0-9_]*", text), key=lambda m: len(m.group()), default=None)
    start = where.start() if where is not None else 0
    return text.count("\n", 0, start) + 1, start - (text.rfind("\n", 0, start) + 1) + 1


def _deepest(text: str) -> tuple[int, int]:
    """Line and column of the deepest [ or { of a TOML text, strings and comments skipped."""
    depth = deepest = 0
    where = 0
    for token in re.finditer(r'"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*|[\[{]|[\]}]', text):
        mark = token.group()
        if mark in "[{":
            depth += 1
            if depth > deepest:
                deepest, where = depth, token.start()
        elif mark in "]}":
            depth -= 1
    line = text.count("\n", 0, where) + 1
    return line, where - (text.rfind("\n", 0, where) + 1) + 1


def load_config(start: Path | None, explicit: Path | None, catalog: Catalog) -> Config:
    """The configuration found from `start` (or the `explicit` file), with names checked against `catalog`."""
    start = (start or Path.cwd()).resolve()
    config_file = explicit if explicit is not None else find_config_file(start)
    root, settings, locator = _read(config_file) if config_file is not None else (start, {}, None)
    source_file = config_file.resolve() if config_file is not None and locator is not None else None
    problems: list[Problem] = []
    locator = locator or Locator("", "plainsum.toml", ())

    def bad(table: tuple[str, ...], key: str | None, message: str) -> None:
        problems.append(locator.problem(table, key, message))

    from plainsum.config.keys import check_keys, check_value
    from plainsum.config.schema import declaration

    declared = declaration()
    check_keys(declared, settings, (), bad)

    def path_setting(key: str, default: str) -> Path:
        value = settings.get(key, default)
        declared_key = declared.key(key)
        assert declared_key is not None
        if not check_value(declared_key, value, (), bad):
            value = default
        given = root / str(value)
        if key in ("content", "templates") and link_outside(given, root) is not None:
            # a link to a folder elsewhere would read (and echo in messages) files outside the project
            bad((), key, f"the {key} folder {value} leads out of the project (a link to a folder outside it); "
                         "plainsum reads only files inside the project")
            return given.absolute()
        return given.resolve()

    formats = settings.get("formats", list(DEFAULT_FORMATS))
    formats_key = declared.key("formats")
    assert formats_key is not None
    if not check_value(formats_key, formats, (), bad):  # the names themselves are checked below, each with its hint
        formats = list(DEFAULT_FORMATS)
    else:
        known_formats = catalog.format_names()
        for name in formats:
            if name not in known_formats:
                bad((), "formats", f"unknown format '{name}'{did_you_mean(name, known_formats)}; known formats: {', '.join(known_formats)}")

    from plainsum.config.gate import KnownLanguages, parse_gate

    languages = _language_settings(settings.get("languages", {}), bad)
    templates_dir = path_setting("templates", "templates")
    known = KnownLanguages(languages, lambda: catalog.language_catalogs(templates_dir))
    gate_detail = parse_gate(settings.get("gate", {}), bad, known)
    gate = gate_detail.thresholds
    checks_key = declared.key("checks")
    assert checks_key is not None
    checks, check_options = _check_settings(settings.get("checks", {}), bad, catalog, checks_key)
    sentences = _sentence_settings(settings.get("sentences", {}), bad)
    minus, ranges = _typography(settings.get("typography", {}), bad, declared)
    from plainsum.config.ci import parse_ci
    from plainsum.config.figures import ALL_FIGURE_NAMES
    from plainsum.config.gate import heading_key

    def where(table: tuple[str, ...], key: str | None) -> str:
        line, column = locator.find(table, key)
        return f"{locator.display}:{line}:{column}"

    raw_gate = settings.get("gate", {})
    for kind, table in (raw_gate.items() if isinstance(raw_gate, dict) else ()):
        sections = table.get("sections") if isinstance(table, dict) else None
        if isinstance(sections, dict):
            gate_detail.section_places[kind] = {
                heading_key(heading): (heading, where(("gate", kind, "sections", heading), None)) for heading in sections
            }
    ci = parse_ci(settings, bad, where, lambda: list(catalog.check_options()), ALL_FIGURE_NAMES)
    paper = parse_paper(settings.get("paper", "a4"), bad)
    handout = parse_handout(settings.get("handout", {}), bad)
    if problems:
        raise InputError(problems)
    return Config(
        root=root,
        source=locator.display if settings else None,
        source_file=source_file,
        content_dir=path_setting("content", "content"),
        output_dir=path_setting("output", "output"),
        templates_dir=templates_dir,
        formats=formats,
        gate=gate,
        checks=checks,
        check_options=check_options,
        sentences=sentences,
        gate_detail=gate_detail,
        paper=paper,
        handout=handout,
        exempt=ci.exempt,
        ci=ci,
        minus=minus,
        ranges=ranges,
        catalog=catalog,
        languages=languages,
    )


def _language_settings(raw: Any, bad: Callable[[tuple[str, ...], str | None, str], None]) -> dict[str, str]:
    """[languages] maps a language plainsum does not score to one it does: `ca = "es"`."""
    from plainsum.config.figures import LANGUAGE_FORMULAS, LANGUAGE_NAMES

    if not isinstance(raw, dict):
        bad((), "languages", "'languages' must be a table such as [languages] ca = \"es\"")
        return {}
    mapping: dict[str, str] = {}
    for code, target in raw.items():
        base = target.replace("_", "-").split("-")[0].lower() if isinstance(target, str) else ""
        if base not in LANGUAGE_FORMULAS:
            bad(("languages",), code, f"language '{code}' must map to one plainsum scores ({', '.join(LANGUAGE_FORMULAS)}), "
                f"not {target!r}")
            continue
        own = str(code).replace("_", "-").split("-")[0].lower()
        if own in LANGUAGE_FORMULAS and own != base:
            # a code with its own profile is always scored as that language: `es = "fr"` would have
            # Spanish text scored, gated and reported as French under the name "es"
            bad(("languages",), code, f"language '{code}' has its own profile ({LANGUAGE_NAMES[own]}) and cannot be mapped "
                f"to '{target}'; [languages] maps only languages plainsum does not score (as ca = \"es\")")
            continue
        mapping[str(code)] = base
    return mapping


def _check_settings(
    raw: Any, bad: Callable[[tuple[str, ...], str | None, str], None], catalog: Catalog, declared: Key,
) -> tuple[dict[str, str], dict[str, dict[str, object]]]:
    """[checks] holds `"<id>" = "error" | "warning" | "off"`, or a table per check:
    [checks."<id>"] with `severity` and the check's own options, each declared by its check."""
    from plainsum.config.keys import Key, check_keys, check_value
    from plainsum.config.schema import CHECK_UNKNOWN, check_key, option_unknown

    checks: dict[str, str] = {}
    options: dict[str, dict[str, object]] = {}
    if not check_value(declared, raw, (), bad) or not raw:
        return checks, options
    registry = catalog.check_options()  # every check module: only when there are ids to validate
    types = catalog.check_option_types() if catalog.check_option_types is not None else None
    table = Key("checks", "table", "", keys=tuple(check_key(check_id, defaults, None if types is None else types.get(check_id, {}))
                                                for check_id, defaults in registry.items()))
    for check_id in check_keys(table, raw, ("checks",), bad, CHECK_UNKNOWN):
        value, check = raw[check_id], table.key(check_id)
        assert check is not None
        if not isinstance(value, dict):
            if check_value(check, value, ("checks",), bad):
                checks[check_id] = value
            continue
        where = ("checks", check_id)
        for name in check_keys(check, value, where, bad, option_unknown(check_id)):
            key = check.key(name)
            assert key is not None
            if not _option_fits(key, value[name], where, bad):
                continue
            if name == "severity":
                checks[check_id] = value[name]
            else:
                options.setdefault(check_id, {})[name] = value[name]
    return checks, options


def _option_fits(key: Key, value: Any, where: tuple[str, ...], bad: Callable[[tuple[str, ...], str | None, str], None]) -> bool:
    """A check option's value against its declared key; a list must hold texts. An option of a catalog
    without types ("like") is like its default: of its type, or a number for a number."""
    from dataclasses import replace

    from plainsum.config.keys import check_value

    if key.type == "like":
        fits = type(value) is type(key.default) or (is_number(value) and is_number(key.default))
        if not fits:
            bad(where, key.name, key.wrong.format(key=key.name, value=value) if key.wrong else key.name)
        return fits
    if key.type == "texts" and isinstance(value, list):
        key = replace(key, wrong="'{key}' must be a list of texts, not {value!r}")
    return check_value(key, value, where, bad)


def _sentence_settings(raw: Any, bad: Callable[[tuple[str, ...], str | None, str], None]) -> dict[str, float]:
    """[sentences]: what makes a sentence hard, for every kind of document (see config/gate.py)."""
    from plainsum.config.gate import SENTENCE_DEFAULTS, parse_sentences

    result = dict(SENTENCE_DEFAULTS)
    result.update(parse_sentences(raw, ("sentences",), bad))
    return result


def _typography(raw: Any, bad: Callable[[tuple[str, ...], str | None, str], None], declared: Key) -> tuple[bool, bool]:
    """[typography]: minus = "unicode" | "hyphen", ranges = "en-dash" | "hyphen" (the html, pdf and md outputs)."""
    from plainsum.config.keys import check_keys, check_value
    from plainsum.config.schema import TABLE_UNKNOWN

    table = declared.key("typography")
    assert table is not None
    chosen = {key.name: key.default for key in table.keys}
    if not check_value(table, raw, (), bad):
        return True, True
    for name in check_keys(table, raw, ("typography",), bad, TABLE_UNKNOWN["typography"]):
        key = table.key(name)
        assert key is not None
        if check_value(key, raw[name], ("typography",), bad):
            chosen[name] = raw[name]
    return chosen["minus"] == "unicode", chosen["ranges"] == "en-dash"
