"""Translations of a lay summary, each in a file beside its review: content/<id>.<lang>.yaml.

A translation holds only the translated prose of the lay summary (the plain title, the summary
parts, the plain text of the sections the layout prints) and its own metadata: the language,
the translators, the date, and the version of the source text each field was translated from.
Facts and results are never translated: the translated review is the source review with its lay
prose replaced, so its facts, its results and their GRADE wording (from the language's grid) come
from the review, and a changed fact reaches every language.

The source version of a field is a short digest of its source text as written (the template,
before facts are filled in), so changing a fact does not make a translation out of date, and
changing a sentence does, for that field only.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from pathlib import Path
from typing import TYPE_CHECKING

from plainsum.content.discovery import translation_paths as translation_paths  # its home was here
from plainsum.content.loader import _closest, _Validator
from plainsum.content.locale import LANGUAGE_CODE, Locale, normal_code
from plainsum.content.model import DIGEST_LENGTH, Prose, Review, Section, Translation, digest
from plainsum.content.trial import translatable_ids
from plainsum.content.trial import view as trial_view
from plainsum.errors import InputError, display_path
from plainsum.files.yamlsource import Node, load_yaml
from plainsum.words.numbers import plural

if TYPE_CHECKING:
    from collections.abc import Callable

    from plainsum.grade.results import Override, Result

TRANSLATION_KEYS = ("language", "translators", "date", "source_version", "terms", "plain_title", "summary", "sections")
NOT_TRANSLATED = {
    "facts": "facts are not translated: they come from the review",
    "results": "results are not translated: they come from the review, worded by the language's GRADE grid "
               "(the names of their outcomes and interventions go under 'terms')",
    "id": "a translation takes its review's id from its file name",
    "title": "the review's title is not part of the lay summary; translate plain_title",
}


def translation_language(path: Path) -> str | None:
    """`es` for content/review.es.yaml; None for a review file."""
    stem = path.name.rsplit(".", 1)[0]
    return stem.rsplit(".", 1)[1] if "." in stem else None


def source_fields(review: Review) -> dict[str, Prose]:
    """The lay summary's prose of a review, by the key its translation uses."""
    fields: dict[str, Prose] = {"plain_title": review.plain_title}
    for key, part in review.summary.items():
        if isinstance(part, list):
            for index, item in enumerate(part):
                fields[f"summary.{key}.{index}"] = item
        else:
            fields[f"summary.{key}"] = part
    for key in review.layout.plain_sections:
        section = review.section(key)
        spec = review.kind.section(key)
        if section is None:
            continue
        if section.plain is not None:
            fields[f"sections.{key}.plain"] = section.plain
        elif section.technical is not None and (spec is None or spec.required):
            # the layout shows the technical text where there is no plain one: it is translated too
            fields[f"sections.{key}.plain"] = section.technical
    return fields


def term_fields(review: Review, translated: Review | None = None) -> dict[str, tuple[str, str | None]]:
    """A trial's groups, medicines and adverse reactions as translation fields (`terms.<id>.name`):
    their name in the review's language and, given `translated`, in the translation's (XLIFF)."""
    if review.trial is None:
        return {}
    source: dict[str, str] = {group.id: group.plain for group in review.trial.groups}
    source.update({medicine.id: medicine.name for medicine in review.trial.medicines})
    source.update({reaction.id: reaction.plain for reaction in review.trial.reactions})
    current: dict[str, str] = {}
    view = translated.facts.get("trial") if translated is not None else None
    if view is not None:
        current = {item.id: item.name for item in (*view.group_list, *view.medicines, *view.reaction_list)}
    return {f"terms.{trial_id}.name": (name, current.get(trial_id)) for trial_id, name in source.items()}


def load_translation(path: Path, review: Review, locale_for: Callable[[str], Locale]) -> Review:
    """Load and validate a translation of `review`; give the translated review (InputError otherwise).

    `locale_for(code)` gives the language (its catalogs and grid), or raises LookupError when the
    project has no catalog for it.
    """
    display = display_path(path)
    source, root = load_yaml(path, display)
    check = _Validator(source, root)
    if check.mapping(root, "a translation file") is None:
        raise InputError(check.problems)
    for key in root.value:
        if key in NOT_TRANSLATED:
            check.key_problem(root, key, f"'{key}' does not belong in a translation: {NOT_TRANSLATED[key]}")
        elif key not in TRANSLATION_KEYS:
            hint = _closest(key, TRANSLATION_KEYS)
            suffix = f" (did you mean '{hint}'?)" if hint else f"; allowed: {', '.join(TRANSLATION_KEYS)}"
            check.key_problem(root, key, f"unknown key '{key}' in a translation{suffix}")

    expected_language = translation_language(path) or ""
    locale = None
    language_node = check.text(root, "language", "the translation", required=True)
    if language_node is not None:
        code = normal_code(language_node.value)  # ES is es, es_mx is es-MX (BCP 47's casing)
        if code != normal_code(expected_language):
            check.problem(language_node, f"language '{code}' does not match the file name '{path.name}' (expected '{expected_language}')")
        elif not LANGUAGE_CODE.match(code):
            check.problem(language_node, f"'{code}' is not a language code (two or three lower-case letters, as es, fr, pt-BR)")
        elif code == review.language:
            check.problem(language_node, f"'{code}' is the review's own language")
        else:
            try:
                locale = locale_for(code)
            except LookupError:
                check.problem(language_node, (
                    f"no catalog for the language '{code}': add templates/locale/{code.replace('-', '_')}"
                    f"/LC_MESSAGES/plainsum.po (docs/translations.md)"
                ))
            except InputError as error:
                check.problems.extend(error.problems)
            else:
                if review.results and locale.grid is None:
                    check.problem(language_node, (
                        f"the review has results, and there is no GRADE wording grid for '{code}': "
                        f"add templates/grade/{code}/grid.yaml"
                    ))

    translators = [node.value.strip() for node in check.text_list(root, "translators", "the translation")]
    if "translators" not in root.value:
        check.problem(root, "the translation is missing required key 'translators' (a list of names)")
    elif not translators and not check.problems:
        check.problem(root.value["translators"], "'translators' must name at least one translator")
    date = _date(check, root)

    wanted = source_fields(review)
    fields = _fields(check, root, review, wanted)
    terms = _terms(check, root, review)
    trial_names = _trial_names(check, root, review)
    versions, marks = _versions(check, root, wanted)

    if check.problems or locale is None or date is None:
        raise InputError(check.problems)
    translation = Translation(
        language=locale.code, translators=translators, date=date, source_version=versions, version_marks=marks,
        fields=fields, source_fields=wanted, review=review, locale=locale, source=source,
        source_locale=_source_locale(review, locale_for),
    )
    translated = _translated_review(review, translation, root, terms, trial_names)
    from plainsum.content.prose import check_prose_templates

    problems = check_prose_templates(translated, locale)
    if problems:
        raise InputError(problems)
    return translated


def _source_locale(review: Review, locale_for: Callable[[str], Locale]) -> Locale:
    try:
        return locale_for(review.language)
    except (LookupError, InputError):
        return Locale.source()  # a review in a language without a catalog: its numbers read as English


def _date(check: _Validator, root: Node) -> datetime.date | None:
    node = root.value.get("date")
    if node is None:
        check.problem(root, "the translation is missing required key 'date' (when it was translated, YYYY-MM-DD)")
        return None
    if not isinstance(node.value, datetime.date) or isinstance(node.value, datetime.datetime):
        check.problem(node, f"'date' must be a date written as YYYY-MM-DD, not '{node.value}'")
        return None
    return node.value


def _fields(check: _Validator, root: Node, review: Review, wanted: dict[str, Prose]) -> dict[str, Prose]:
    fields: dict[str, Prose] = {}

    def take(parent: Node, key: str, field_key: str, where: str) -> None:
        prose = check.prose(parent, key, field_key, where, required=False)
        if prose is not None:
            fields[field_key] = prose
        elif key not in parent.value:
            check.problem(parent, f"{where} is missing '{key}': the translation of {field_key}")

    if "plain_title" not in root.value:
        check.problem(root, "the translation is missing 'plain_title': the translation of the review's plain_title")
    else:
        take(root, "plain_title", "plain_title", "the translation")

    summary_keys = list(review.summary)
    summary = root.value.get("summary")
    if summary_keys and summary is None:
        check.problem(root, f"the translation is missing 'summary' (the review's summary has: {', '.join(summary_keys)})")
    elif summary is not None and check.mapping(summary, "'summary'") is not None:
        check.unknown_keys(summary, summary_keys, "'summary' (the parts the review's summary has)")
        for key, part in review.summary.items():
            if isinstance(part, list):
                _list_field(check, summary, key, part, fields)
            else:
                take(summary, key, f"summary.{key}", "'summary'")

    section_keys = [key.split(".")[1] for key in wanted if key.startswith("sections.")]
    sections = root.value.get("sections")
    if section_keys and sections is None:
        check.problem(root, f"the translation is missing 'sections' (it translates the plain text of: {', '.join(section_keys)})")
    elif sections is not None and check.mapping(sections, "'sections'") is not None:
        check.unknown_keys(sections, section_keys, "'sections' (the sections the lay summary shows)")
        for key in section_keys:
            node = sections.value.get(key)
            if node is None:
                check.problem(sections, f"'sections' is missing '{key}': the translation of sections.{key}.plain")
                continue
            if check.mapping(node, f"section '{key}'") is None:
                continue
            check.unknown_keys(node, ("plain",), f"section '{key}' of a translation (only the plain text is translated)")
            take(node, "plain", f"sections.{key}.plain", f"section '{key}'")
    return fields


def _items(count: int) -> str:
    return plural(count, "item")


def _list_field(check: _Validator, summary: Node, key: str, part: list[Prose], fields: dict[str, Prose]) -> None:
    node = summary.value.get(key)
    if node is None:
        check.problem(summary, f"'summary' is missing '{key}': the translation of its {_items(len(part))}")
        return
    items = check.text_list(summary, key, "'summary'")
    if isinstance(node.value, list) and len(node.value) != len(part):
        check.problem(node, f"'{key}' has {_items(len(node.value))}; the review's has {len(part)}, and each is translated")
        return
    for index, item in enumerate(items):
        field_key = f"summary.{key}.{index}"
        fields[field_key] = Prose(field_key, item.value, item, check.source, check.line_index)


def version_as_written(entry: Node, text: str) -> object:
    """A source_version entry's value, as written when YAML reads it as a number: a digest of digits alone
    (123456789012) is an integer to YAML, one with a single 'e' between digits (7143e0235960) a float."""
    value = entry.value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return text[entry.start_index : entry.end_index].strip()
    return value


def yaml_version(version: str) -> str:
    """A digest as YAML text that reads back as the same string (quoted where YAML would read a number)."""
    return f"'{version}'" if re.fullmatch(r"[0-9]+(?:[eE][0-9]+)?", version) else version


def _versions(check: _Validator, root: Node, wanted: dict[str, Prose]) -> tuple[dict[str, str], dict[str, tuple[int, int]]]:
    node = root.value.get("source_version")
    current = {key: digest(prose.template) for key, prose in wanted.items()}
    listing = "; ".join(f"{key}: {value}" for key, value in current.items())
    if node is None:
        check.problem(root, f"the translation is missing 'source_version' (the source text's versions now: {listing})")
        return {}, {}
    if check.mapping(node, "'source_version'") is None:
        return {}, {}
    check.unknown_keys(node, list(wanted), "'source_version' (one entry per translated field)")
    versions: dict[str, str] = {}
    for key in wanted:
        entry = node.value.get(key)
        if entry is None:
            check.problem(node, f"'source_version' has no entry for '{key}' (its source text's version now: {current[key]})")
            continue
        value = version_as_written(entry, check.source.text)
        if not isinstance(value, str) or not re.fullmatch(f"[0-9a-f]{{{DIGEST_LENGTH}}}", value.strip()):
            check.problem(entry, f"the source version of '{key}' must be {DIGEST_LENGTH} hexadecimal digits, as plainsum "
                                 f"prints them (its source text's version now: {current[key]})")
            continue
        versions[key] = value.strip()
    return versions, {key: mark for key, mark in node.key_marks.items() if key in versions}


Names = tuple[str | None, str | None, bool | None, "Override | None", str | None]


def _terms(check: _Validator, root: Node, review: Review) -> dict[str, Names]:
    """`terms:` the names the language's GRADE statements use for each result: its outcome, its
    intervention and whether that is plural, its own wording (`plain:`, for a result the review
    words by hand) and what happens to people (`event:`, for its natural frequencies);
    `intervention` and `intervention_plural` for all results."""
    from plainsum.grade.results import Override

    node = root.value.get("terms")
    if node is None or check.mapping(node, "'terms'") is None:
        return {}
    ids = [result.id for result in review.results]
    trial_ids = translatable_ids(review.trial) if review.trial is not None else []
    check.unknown_keys(node, ["intervention", "intervention_plural", *ids, *trial_ids],
                       "'terms' (the review's result ids" + (", and its trial's groups, medicines and adverse reactions)"
                                                             if trial_ids else ")"))
    default = check.text(node, "intervention", "'terms'", required=False)
    default_plural = _flag(check, node, "intervention_plural")
    terms: dict[str, Names] = {}
    for result_id in ids:
        entry = node.value.get(result_id)
        outcome = intervention = None
        plain = None
        event = None
        plural = default_plural
        if entry is not None and check.mapping(entry, f"'{result_id}' in 'terms'") is not None:
            check.unknown_keys(entry, ("outcome", "intervention", "plural", "plain", "event"), f"'{result_id}' in 'terms'")
            found = check.text(entry, "outcome", f"'{result_id}' in 'terms'", required=True)
            outcome = found.value.strip() if found is not None else None
            named = check.text(entry, "intervention", f"'{result_id}' in 'terms'", required=False)
            intervention = named.value.strip() if named is not None else None
            own_plural = _flag(check, entry, "plural")
            plural = own_plural if own_plural is not None else plural
            worded = check.text(entry, "plain", f"'{result_id}' in 'terms'", required=False)
            if worded is not None:
                plain = Override(" ".join(worded.value.split()), worded.line, worded.column)
            happens = check.text(entry, "event", f"'{result_id}' in 'terms'", required=False)
            event = " ".join(happens.value.split()) if happens is not None else None
        if intervention is None and default is not None:
            intervention = default.value.strip()
        terms[result_id] = (outcome, intervention, plural, plain, event)
    return terms


def _flag(check: _Validator, parent: Node, key: str) -> bool | None:
    node = parent.value.get(key)
    if node is None:
        return None
    if not isinstance(node.value, bool):
        check.problem(node, f"'{key}' must be true or false, not {node.kind}")
        return None
    return bool(node.value)


def _trial_names(check: _Validator, root: Node, review: Review) -> dict[str, str]:
    """A trial's groups, medicines and adverse reactions named in the translation's language:
    `terms: {<id>: {name: ...}}`, one for each (the summary's tables print them)."""
    if review.trial is None:
        return {}
    ids = translatable_ids(review.trial)
    node = root.value.get("terms")
    if node is None or not isinstance(node.value, dict):
        if ids:
            check.problem(node or root, f"the translation is missing 'terms' with the names of the trial's groups, medicines "
                                        f"and adverse reactions ({', '.join(ids)}), each as '<id>: {{name: ...}}'")
        return {}
    names: dict[str, str] = {}
    missing = [trial_id for trial_id in ids if trial_id not in node.value]
    if missing:
        check.problem(node, f"'terms' has no name for: {', '.join(missing)} (each as '<id>: {{name: ...}}', in the "
                            f"translation's language)")
    for trial_id in ids:
        entry = node.value.get(trial_id)
        if entry is None or check.mapping(entry, f"'{trial_id}' in 'terms'") is None:
            continue
        check.unknown_keys(entry, ("name",), f"'{trial_id}' in 'terms'")
        name = check.text(entry, "name", f"'{trial_id}' in 'terms'", required=True)
        if name is not None:
            names[trial_id] = " ".join(name.value.split())
    return names


def _translated_review(review: Review, translation: Translation, root: Node, terms: dict[str, Names],
                       trial_names: dict[str, str] | None = None) -> Review:
    """The source review with its lay prose replaced by the translation's; facts and results stay."""
    fields = translation.fields
    sections = []
    for section in review.sections:
        plain = fields.get(f"sections.{section.key}.plain")
        # technical text is the abstract's, which is not translated: the lay summary has only plain text
        sections.append(Section(section.key, section.heading, None, plain, section.extra))
    summary: dict[str, Prose | list[Prose]] = {}
    for key, part in review.summary.items():
        if isinstance(part, list):
            summary[key] = [fields[f"summary.{key}.{index}"] for index in range(len(part))]
        else:
            summary[key] = fields[f"summary.{key}"]
    facts = dict(review.facts)
    if review.trial is not None:  # its countries, groups and side effects named in the translation's language
        facts["trial"] = trial_view(review.trial, translation.language, trial_names)
    results = list(review.results)
    if results:
        from plainsum.grade import results as results_module

        results = [_named(result, terms.get(result.id)) for result in results]
        assert translation.locale.grid is not None
        facts["results"] = results_module.views(results, results_module.load_grid(translation.locale.grid))
    return dataclasses.replace(
        review,
        language=translation.language,
        plain_title=fields["plain_title"],
        sections=sections,
        summary=summary,
        facts=facts,
        results=results,
        source=translation.source,
        root=root,
        rendered={},
        previous=None,  # an earlier version is the source review's (its changes are not the translation's)
        translation=translation,
    )


def _named(result: Result, names: Names | None) -> Result:
    """A result with its outcome and intervention named in the translation's language (its figures
    unchanged), and worded in it: by the translation's own `plain:`, else by the language's grid (a
    review's own wording of a result, and its `event`, are in the review's language, so they are not
    used: without the translation's `event:` the natural frequencies are left out)."""
    from plainsum.grade.results import Term

    if names is None:
        return dataclasses.replace(result, plain=None, event=None)
    outcome, intervention, plural, plain, event = names
    changes: dict[str, object] = {"plain": plain, "event": event}
    if outcome is not None:
        changes["outcome"] = Term(outcome, outcome, result.outcome.plural)
    if intervention is not None or plural is not None:
        name = intervention if intervention is not None else result.intervention.plain
        changes["intervention"] = Term(name, name, result.intervention.plural if plural is None else plural)
    return dataclasses.replace(result, **changes)  # type: ignore[arg-type]  # the fields of Result named above
