"""XLIFF 1.2 for translators: a review's lay summary out to a translation tool, and the translation back.

XLIFF 1.2, not 2.x: Phrase (Memsource) works in .mxliff and Trados Studio in .sdlxliff, both XLIFF 1.2
dialects, and both read plain XLIFF 1.2; XLIFF 2 support is younger and uneven (docs/translations.md).
The file is written and read with translate-toolkit.

Export: one <trans-unit> per field of the lay summary, its id the field's key in the translation file
(`plain_title`, `summary.review_question`, `sections.background.plain`), its source the English text as
written (facts as `{{ ... }}`), its target the current translation when there is one, and notes: the
version of the source text (so an import records which English text was translated), the facts the
field uses with their values, and the GRADE statements it carries with their certainty.

Import: writes content/<id>.<lang>.yaml. An existing file is edited where a field changed and nowhere
else, so its comments and layout stay and an unchanged round trip leaves it byte for byte as it was.
"""

from __future__ import annotations

import datetime
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from translate.storage.xliff import xlifffile, xliffunit

from plainsum.content.model import digest
from plainsum.content.translation import version_as_written, yaml_version
from plainsum.document_formats.xmlbody import xml_safe
from plainsum.errors import InputError, Problem, display_path

if TYPE_CHECKING:
    from plainsum.content.model import Prose, Review
    from plainsum.files.yamlsource import Node
    from plainsum.grade.grid import TemplateFinder

XLIFF_12 = "urn:oasis:names:tc:xliff:document:1.2"
VERSION_NOTE = "source-version:"
WIDTH = 100  # the folded lines of a written translation, as the shipped ones are wrapped
FACT_USE = re.compile(r"\{\{-?\s*([a-z_][a-z0-9_]*)")
RESULT_USE = re.compile(r"\bresults\.([a-z_][a-z0-9_]*)")


class _Unit(xliffunit):  # type: ignore[misc]  # translate-toolkit's classes are not typed for subclassing
    namespace = XLIFF_12


class Xliff12(xlifffile):  # type: ignore[misc,type-arg]
    """translate-toolkit's XLIFF store, writing version 1.2 (its default is 1.1)."""

    UnitClass = _Unit
    namespace = XLIFF_12
    XMLskeleton = xlifffile.XMLskeleton.replace("1.1", "1.2")


# --- export -----------------------------------------------------------------------------------------

def certainty_words(language: str, templates: TemplateFinder | None) -> dict[str, list[str]]:
    """The words that state each GRADE certainty in `language`, from its claims vocabulary
    (grade/<language>/claims.yaml), the ones translation.certainty reads; empty without one."""
    import yaml

    from plainsum.grade.claims import vocabulary_path

    path = vocabulary_path(templates, language)
    if language != "en" and path.parent.name != language:
        return {}  # no vocabulary of its own: the English words would not help
    try:
        table = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return {}
    levels = table.get("certainty") if isinstance(table, dict) else None
    return {str(level): [str(word) for word in words[:4]] for level, words in levels.items()
            if isinstance(words, list)} if isinstance(levels, dict) else {}


def _notes(key: str, prose: Prose, review: Review, words: dict[str, list[str]], language: str) -> list[str]:
    notes = []
    facts = [name for name in dict.fromkeys(FACT_USE.findall(prose.template)) if name in review.facts and name != "results"]
    if facts:
        values = "; ".join(f"{name} = {_shown(review.facts[name])}" for name in facts)
        notes.append(f"Facts this text uses (keep each {{{{ ... }}}} as it is, or write its value): {values}")
    used = set(RESULT_USE.findall(prose.template))
    for result in review.results:
        if result.id in used or any(name.lower() in prose.template.lower() for name in result.names()):
            said = (f"; in {language} it is stated with words such as " + ", ".join(f"'{w}'" for w in words[result.certainty])
                    if words.get(result.certainty) else
                    f"; in {language} high certainty is stated without hedging words" if words and result.certainty == "high" else "")
            notes.append(f"GRADE: result '{result.id}' ({result.outcome.plain}), {result.certainty}-certainty evidence, "
                         f"{result.size or 'size not set'}: keep the certainty of its statement{said} (translation.certainty checks it)")
    notes.append(f"Field {key} of {review.source.display}, line {prose.node.line}")
    return notes


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def export(review: Review, language: str, translation: Review | None, templates: TemplateFinder | None = None) -> bytes:
    """The XLIFF of a review's lay summary for `language`, with the current translation as targets."""
    from plainsum.content.translation import source_fields

    words = certainty_words(language, templates)
    store = Xliff12(sourcelanguage=review.language, targetlanguage=language)
    original = f"{review.id}.{language}.yaml"
    translated = translation.translation.fields if translation is not None and translation.translation is not None else {}
    for key, prose in source_fields(review).items():
        unit = store.addsourceunit(xml_safe(prose.template.strip()), filename=original, createifmissing=True)  # type: ignore[no-untyped-call]
        unit.setid(key)
        current = translated.get(key)
        if current is not None and current.template.strip():
            unit.target = xml_safe(current.template.strip())
        for note in _notes(key, prose, review, words, language):
            unit.addnote(xml_safe(note), origin="developer")
        unit.addnote(f"{VERSION_NOTE} {digest(prose.template)}", origin="plainsum")
    from plainsum.content.translation import term_fields

    for key, (name, current_name) in term_fields(review, translation).items():  # a trial's groups, medicines, side effects
        unit = store.addsourceunit(xml_safe(name), filename=original, createifmissing=True)  # type: ignore[no-untyped-call]
        unit.setid(key)
        if current_name:
            unit.target = xml_safe(current_name)
        unit.addnote("the name of a group, medicine or side effect of the trial, as its tables print it", origin="developer")
    data: bytes = bytes(store)
    return data


# --- import -----------------------------------------------------------------------------------------

@dataclass
class Unit:
    key: str
    target: str | None
    version: str | None  # the digest of the source text it was translated from
    line: int


@dataclass
class Parsed:
    review_id: str
    language: str
    units: list[Unit] = field(default_factory=list)


def parse(path: Path) -> Parsed:
    display = display_path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError([Problem(display, 1, 1, f"cannot read the file: {exc.strerror}")]) from None
    if b"<!DOCTYPE" in data[:65536].upper() or b"<!ENTITY" in data.upper():
        # an XLIFF has no document type: one that declares entities could expand without bound or name a file
        raise InputError([Problem(display, 1, 1, "the file declares a document type or entities, which an XLIFF file does not")])
    try:
        store = Xliff12.parsestring(data)  # type: ignore[no-untyped-call]
    except Exception as exc:  # translate-toolkit raises lxml's errors, or its own for a non-XLIFF document
        line = getattr(exc, "lineno", None) or 1
        raise InputError([Problem(display, line, 1, f"not an XLIFF file: {exc}")]) from None
    files = store.getfilenames()
    match = re.fullmatch(r"([a-z0-9][a-z0-9-]*)\.([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)?)\.yaml", Path(files[0]).name if files else "")
    if len(files) != 1 or match is None:
        raise InputError([Problem(display, 1, 1, "expected one <file> whose original is '<review id>.<language>.yaml', "
                                                 "as `plainsum translate export` writes it")])
    language = store.gettargetlanguage() or match.group(2)
    parsed = Parsed(match.group(1), match.group(2))
    if language.replace("_", "-").lower() != match.group(2).replace("_", "-").lower():
        raise InputError([Problem(display, 2, 1, f"target-language '{language}' does not match the file's original ({files[0]})")])
    for unit in store.getunits():
        version = next((note.split(":", 1)[1].strip() for note in unit.getnotes("plainsum").splitlines()
                        if note.startswith(VERSION_NOTE)), None)
        target = unit.target
        element = unit.xmlelement
        target_element = next((child for child in element if isinstance(child.tag, str) and child.tag.endswith("}target")), element)
        parsed.units.append(Unit(unit.getid().split("\x04")[-1], str(target) if target else None, version,
                                 target_element.sourceline or element.sourceline or 1))
    return parsed


def _folded(text: str, indent: int) -> str:
    """A folded block scalar (>-) of `text`, wrapped as the shipped translations are. Its paragraphs and
    list items stay apart: in a folded scalar a line break folds to a space, so each line break of the
    text is written as one empty line (two for a blank line between paragraphs)."""
    prefix = " " * indent
    out: list[str] = []
    for part in re.split(r"(\n+)", text.strip()):
        if part.startswith("\n"):
            out.extend([""] * len(part))
        elif part.strip():
            out.extend(prefix + line for line in textwrap.wrap(" ".join(part.split()), width=WIDTH - indent,
                                                                 break_long_words=False, break_on_hyphens=False))
    return ">-\n" + "\n".join(out)


def _layout(text: str) -> str:
    """`text` with the spaces in each line folded, its line breaks (paragraphs, list items) kept."""
    return "\n".join(" ".join(line.split()) for line in text.strip().split("\n"))


def _same(a: str, b: str) -> bool:
    return _layout(a) == _layout(b)


def _field_node(root: Node, key: str) -> Node | None:
    node: Node | None = root
    parts = key.split(".")
    for index, part in enumerate(parts):
        if node is None:
            return None
        if isinstance(node.value, list):
            if not part.isdigit() or int(part) >= len(node.value):
                return None
            node = node.value[int(part)]
        elif isinstance(node.value, dict):
            node = node.value.get(part)
        else:
            return None
        if index == len(parts) - 1:
            return node
    return None


def update_text(text: str, root: Node, changes: dict[str, str], versions: dict[str, str], today: datetime.date) -> str | None:
    """The translation file's text with `changes` (field key -> new text) and `versions` (field key ->
    source digest) written in place; None when a field or entry is missing (the file is then written anew)."""
    edits: list[tuple[int, int, str]] = []
    for key, value in changes.items():
        node = _field_node(root, key)
        if node is None or not isinstance(node.value, str):
            return None
        indent = _indent_of(text, node)
        edits.append((node.start_index, node.end_index, _folded(value, indent) if node.style in (">", "|") else _quoted(value)))
    version_node = root.value.get("source_version")
    for key, value in versions.items():
        entry = version_node.value.get(key) if version_node is not None and isinstance(version_node.value, dict) else None
        if entry is None:
            return None
        if version_as_written(entry, text) != value:
            edits.append((entry.start_index, entry.end_index, yaml_version(value)))
    if edits:
        date_node = root.value.get("date")
        if date_node is not None and date_node.value != today:
            edits.append((date_node.start_index, date_node.end_index, today.isoformat()))
    for start, end, replacement in sorted(edits, reverse=True):
        trailing = text[start:end]
        keep = trailing[len(trailing.rstrip("\n")):] if replacement.startswith(">-") else ""
        text = text[:start] + replacement + keep + text[end:]
    return text


def _indent_of(text: str, node: Node) -> int:
    """The indentation of a block scalar's lines (the line after its >- indicator)."""
    after = text.find("\n", node.start_index) + 1
    line = text[after : text.find("\n", after) if text.find("\n", after) >= 0 else len(text)]
    return len(line) - len(line.lstrip(" ")) if line.strip() else node.column + 1


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def new_text(review: Review, language: str, translators: list[str], fields: dict[str, str], versions: dict[str, str],
             today: datetime.date) -> str:
    """A translation file written from scratch, in the layout of the shipped ones."""
    lines = [f"# The {language} translation of the lay summary of {review.source.display}, imported from XLIFF by",
             "# `plainsum translate import`. It holds only the translated prose and its own metadata: facts and",
             "# results come from the review.",
             f"language: {language}",
             "translators: [" + ", ".join(_quoted(name) if re.search(r"[,:\[\]{}#&*!|>'\"%@`]", name) else name
                                          for name in translators) + "]",
             f"date: {today.isoformat()}",
             "source_version:"]
    lines.extend(f"  {key}: {yaml_version(value)}" for key, value in versions.items())
    tree: dict[str, Any] = {}
    for key, value in fields.items():
        parts = key.split(".")
        node = tree
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    lines.append("")
    lines.extend(_emit(tree, 0))
    return "\n".join(lines) + "\n"


def _emit(tree: dict[str, Any], depth: int) -> list[str]:
    out: list[str] = []
    pad = "  " * depth
    items = list(tree.items())
    if items and all(key.isdigit() for key, _ in items):
        for _, value in sorted(items, key=lambda item: int(item[0])):
            out.append(f"{pad}- {_folded(value, len(pad) + 4)}")
        return out
    for key, value in items:
        if isinstance(value, dict):
            out.append(f"{pad}{key}:")
            out.extend(_emit(value, depth + 1))
        else:
            out.append(f"{pad}{key}: {_folded(value, len(pad) + 2)}")
        if depth == 0:
            out.append("")
    return out[:-1] if depth == 0 and out and out[-1] == "" else out
