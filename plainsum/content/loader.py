"""Content: one YAML file per review, validated into a `Review`.

Validation collects every problem in a file before it stops, so an author fixes them in
one pass. Each problem carries the line and column where it was written.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

from plainsum.content.kinds import KINDS, LAYOUTS, Kind, Layout
from plainsum.content.locale import normal_code
from plainsum.content.model import (
    FACT_NAME,
    ID_PATTERN,
    PRIVATE_MARKERS,
    RESERVED_FACTS,
    TOP_LEVEL_KEYS,
    Prose,
    Review,
    Section,
)
from plainsum.content.sourcemap import LineIndex
from plainsum.content.versions import DOI_PATTERN
from plainsum.errors import InputError, Problem, closest_name, display_path
from plainsum.files.yamlsource import Node, SourceFile, load_yaml, type_name
from plainsum.grade.grid import TemplateFinder

TRIAL_KIND = "trial-results"


class _Validator:
    def __init__(self, source: SourceFile, root: Node):
        self.source = source
        self.root = root
        self.problems: list[Problem] = []
        self.line_index = LineIndex(source.text)

    def problem(self, node: Node, message: str) -> None:
        self.problems.append(self.source.problem(node.line, node.column, message))

    def key_problem(self, parent: Node, key: str, message: str) -> None:
        line, column = parent.key_marks.get(key, (parent.line, parent.column))
        self.problems.append(self.source.problem(line, column, message))

    def mapping(self, node: Node, where: str) -> dict[str, Node] | None:
        if not isinstance(node.value, dict):
            self.problem(node, f"{where} must be a mapping of keys to values, not {node.kind}")
            return None
        return node.value

    def unknown_keys(self, parent: Node, allowed: tuple[str, ...] | list[str], where: str) -> None:
        for key in parent.value:
            if key not in allowed:
                hint = _closest(key, allowed)
                suffix = f" (did you mean '{hint}'?)" if hint else f"; allowed: {', '.join(allowed)}"
                self.key_problem(parent, key, f"unknown key '{key}' in {where}{suffix}")

    def text(self, parent: Node, key: str, where: str, required: bool) -> Node | None:
        node = parent.value.get(key)
        if node is None:
            if required:
                self.problem(parent, f"{where} is missing required key '{key}'")
            return None
        if not isinstance(node.value, str):
            self.problem(node, f"'{key}' in {where} must be text, not {node.kind}")
            return None
        if not node.value.strip():
            self.problem(node, f"'{key}' in {where} is empty")
            return None
        if not node.value.isascii() and PRIVATE_MARKERS.search(node.value):  # (an ASCII text has none: no scan)
            self.problem(node, f"'{key}' contains private-use characters U+E000-U+E004, which plainsum reserves")
            return None
        return node  # type: ignore[no-any-return]  # a Node from the YAML tree

    def prose(self, parent: Node, key: str, dotted: str, where: str, required: bool) -> Prose | None:
        node = self.text(parent, key, where, required)
        if node is None:
            return None
        return Prose(dotted, node.value, node, self.source, self.line_index)

    def text_list(self, parent: Node, key: str, where: str) -> list[Node]:
        node = parent.value.get(key)
        if node is None:
            return []
        if not isinstance(node.value, list):
            self.problem(node, f"'{key}' in {where} must be a list, not {node.kind}")
            return []
        items = []
        for item in node.value:
            if not isinstance(item.value, str) or not item.value.strip():
                self.problem(item, f"each item of '{key}' must be non-empty text, not {item.kind}")
            else:
                items.append(item)
        return items


def _closest(key: str, allowed: tuple[str, ...] | list[str], cutoff: float = 0.75) -> str | None:
    """The key meant, for a content key (stricter than names elsewhere: a close miss also lists what is allowed)."""
    return closest_name(key, allowed, cutoff)


def _layout_problem(name: str, kind: Kind) -> str:
    """One message for a layout the kind does not have: the likely one meant, or the kinds that have it."""
    hint = _closest(name, list(kind.layouts), cutoff=0.6)
    others = [other.name for other in KINDS.values() if name in other.layouts]
    message = f"layout '{name}' is not available for {kind.name}"
    if hint:
        message += f" (did you mean '{hint}'?)"
    elif others:
        message += f" (it is a layout of {', '.join(others)})"
    elif name not in LAYOUTS and (near := _closest(name, list(LAYOUTS), cutoff=0.6)):
        message += f" (did you mean '{near}'? that layout is for {', '.join(k.name for k in KINDS.values() if near in k.layouts)})"
    return message + f"; choose one of: {', '.join(kind.layouts)}"


def _facts_only(check: _Validator, root: Node) -> dict[str, Any]:
    """The facts, checked for their own sake, when the kind or layout (and so what is required) is unknown."""
    return _validate_facts(check, root, KINDS["other"], LAYOUTS["as-published"])


def load_review(path: Path, data: bytes | None = None, display: str | None = None,
                templates: TemplateFinder | None = None) -> Review:
    """Load and validate one content file; raise InputError listing every problem.

    With `data`, the file's bytes at another version (a git revision, what a build published)
    are read instead, and problems are reported at `display` ("HEAD~1:content/x.yaml").
    `templates` is the template search path (render.TemplateSet), where the wording grid of results
    is found (grade/grid.yaml); without it, plainsum's own grid is used.
    """
    display = display or display_path(path)
    source, root = load_yaml(path, display, data)
    check = _Validator(source, root)
    top = check.mapping(root, "a review file")
    if top is None:
        raise InputError(check.problems)
    check.unknown_keys(root, TOP_LEVEL_KEYS, "the review")

    review_id = path.stem
    id_node = check.text(root, "id", "the review", required=False)
    if id_node is not None:
        if not ID_PATTERN.match(id_node.value):
            check.problem(id_node, f"id '{id_node.value}' must be lower-case letters, digits and hyphens")
        elif id_node.value != path.stem:
            check.problem(id_node, f"id '{id_node.value}' does not match the file name '{path.name}'")
        review_id = id_node.value
    elif not ID_PATTERN.match(path.stem):
        check.problem(root, f"file name '{path.name}' is not a valid review id (lower-case letters, digits, hyphens)")

    kind = KINDS["cochrane-review"]
    kind_known = layout_known = True  # a typo in either is one error: the parts that depend on it are not checked
    kind_node = check.text(root, "kind", "the review", required=True)
    if kind_node is not None:
        if kind_node.value in KINDS:
            kind = KINDS[kind_node.value]
        else:
            kind_known = False
            hint = _closest(kind_node.value, list(KINDS), cutoff=0.6)
            check.problem(kind_node, f"unknown kind '{kind_node.value}'" + (f" (did you mean '{hint}'?)" if hint else "")
                          + f"; known kinds: {', '.join(KINDS)}")

    layout = LAYOUTS[kind.layouts[0]]
    layout_node = check.text(root, "layout", "the review", required=False)
    if layout_node is not None and kind_known:
        if layout_node.value in kind.layouts:
            layout = LAYOUTS[layout_node.value]
        else:
            layout_known = False
            check.problem(layout_node, _layout_problem(layout_node.value, kind))

    title_node = check.text(root, "title", "the review", required=True)
    plain_title = check.prose(root, "plain_title", "plain_title", "the review", required=True)

    doi_node = check.text(root, "doi", "the review", required=False)
    if doi_node is not None and not DOI_PATTERN.match(doi_node.value):
        check.problem(doi_node, f"'{doi_node.value}' is not a DOI (expected something like 10.1002/14651858.CD000000)")
    language_node = check.text(root, "language", "the review", required=False)
    citation_node = check.text(root, "citation", "the review", required=False)
    authors = [node.value for node in check.text_list(root, "authors", "the review")]
    references = [node.value for node in check.text_list(root, "references", "the review")]

    facts = _validate_facts(check, root, kind, layout) if kind_known and layout_known else _facts_only(check, root)
    sections = _validate_sections(check, root, kind, layout) if kind_known else []
    summary = _validate_summary(check, root, layout) if kind_known and layout_known else {}
    from plainsum.grade import results as results_module

    results = results_module.validate_results(check, root, facts)
    from plainsum.content.versions import validate_version

    version = validate_version(check, root, doi_node.value if doi_node is not None else None)
    trial = None
    if kind.name == TRIAL_KIND:  # the trial's code is loaded for a trial only (not for each edit of a review)
        from plainsum.content import trial as trial_module

        trial = trial_module.validate_trial(check, root) or trial_module.Trial(trial_module.Mark(root.line, root.column))
    elif "trial" in root.value and kind_known:
        check.key_problem(root, "trial", f"'trial' holds a clinical trial's data and belongs to the kind {TRIAL_KIND}, "
                                         f"not {kind.name}")

    if check.problems:
        raise InputError(check.problems)
    assert title_node is not None and plain_title is not None
    review = Review(
        id=review_id,
        kind=kind,
        layout=layout,
        title=title_node.value.strip(),
        plain_title=plain_title,
        doi=doi_node.value if doi_node else None,
        language=normal_code(language_node.value) if language_node else "en",  # FR is fr, pt_br is pt-BR
        authors=authors,
        citation=citation_node.value if citation_node else None,
        facts=facts,
        sections=sections,
        summary=summary,
        references=references,
        source=source,
        root=root,
        results=results,
        version=version,
        trial=trial,
    )
    if trial is not None:  # prose reaches the trial's data as {{ trial.participants }}, {{ trial.groups.<id>.name }}
        from plainsum.content.trial import view as trial_view

        review.facts["trial"] = trial_view(trial, review.language)
    if "version" in root.value:  # prose may cite it: {{ version.update_of }}
        review.facts["version"] = version.view()
    # prose reaches each result as {{ results.<id>.plain }} / {{ results.<id>.technical }}
    if results:
        review.facts["results"] = results_module.views(results, results_module.grid_for(templates, review.language))
    from plainsum.content.prose import check_prose_templates

    problems = check_prose_templates(review)
    if problems:
        raise InputError(problems)
    return review


def _validate_facts(check: _Validator, root: Node, kind: Kind, layout: Layout) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    required_facts = [name for name in kind.required_facts if name not in layout.waived_facts]
    node = root.value.get("facts")
    if node is None:
        for name in required_facts:
            check.problem(root, f"the review is missing 'facts' (a {kind.name} needs the fact '{name}')")
        return facts
    if check.mapping(node, "'facts'") is None:
        return facts
    for name, value_node in node.value.items():
        if not FACT_NAME.match(name) or name in RESERVED_FACTS:
            check.key_problem(node, name, (
                f"fact name '{name}' must be lower-case letters, digits and underscores, "
                f"and not one of {sorted(RESERVED_FACTS)}"
            ))
            continue
        value = value_node.plain()
        if name.endswith("_date"):
            if not isinstance(value, datetime.date):
                check.problem(value_node, f"fact '{name}' must be a date written as YYYY-MM-DD, not {type_name(value)} '{value}'")
                continue
        elif isinstance(value, dict):
            check.problem(value_node, f"fact '{name}' must be a value or a list of values, not a mapping")
            continue
        elif isinstance(value, list) and any(isinstance(item, (dict, list)) for item in value):
            check.problem(value_node, f"fact '{name}' must be a list of plain values")
            continue
        elif value is None:
            check.problem(value_node, f"fact '{name}' has no value")
            continue
        facts[name] = value
    for name in required_facts:
        if name not in node.value:
            check.problem(node, f"'facts' is missing '{name}', which a {kind.name} needs")
    return facts


def _validate_sections(check: _Validator, root: Node, kind: Kind, layout: Layout) -> list[Section]:
    sections: list[Section] = []
    node = root.value.get("sections")
    if node is None:
        check.problem(root, "the review is missing required key 'sections'")
        return sections
    if check.mapping(node, "'sections'") is None:
        return sections
    allowed = [spec.key for spec in kind.sections]
    check.unknown_keys(node, allowed, f"'sections' of a {kind.name}")
    for spec in kind.sections:
        section_node = node.value.get(spec.key)
        if section_node is None:
            if spec.required:
                check.problem(node, f"'sections' is missing the section '{spec.key}' ({spec.heading})")
            continue
        if check.mapping(section_node, f"section '{spec.key}'") is None:
            continue
        check.unknown_keys(section_node, ("technical", "plain"), f"section '{spec.key}'")
        where = f"section '{spec.key}'"
        technical = check.prose(section_node, "technical", f"sections.{spec.key}.technical", where, required=True)
        plain = check.prose(section_node, "plain", f"sections.{spec.key}.plain", where, required=False)
        sections.append(Section(spec.key, spec.heading, technical, plain))

    extra_node = root.value.get("extra_sections")
    if extra_node is not None:
        if not isinstance(extra_node.value, list):
            check.problem(extra_node, f"'extra_sections' must be a list, not {extra_node.kind}")
        else:
            for index, item in enumerate(extra_node.value):
                if check.mapping(item, "each item of 'extra_sections'") is None:
                    continue
                check.unknown_keys(item, ("heading", "technical", "plain"), "an extra section")
                heading = check.text(item, "heading", "an extra section", required=True)
                technical = check.prose(item, "technical", f"extra_sections.{index}.technical", "an extra section", True)
                plain = check.prose(item, "plain", f"extra_sections.{index}.plain", "an extra section", False)
                if heading is not None:
                    key = "extra_" + re.sub(r"[^a-z0-9]+", "_", heading.value.lower()).strip("_")
                    sections.append(Section(key, heading.value.strip(), technical, plain, extra=True))
    return sections


def _validate_summary(check: _Validator, root: Node, layout: Layout) -> dict[str, Prose | list[Prose]]:
    summary: dict[str, Prose | list[Prose]] = {}
    node = root.value.get("summary")
    required = [part.key for part in layout.parts if part.required]
    if node is None:
        if required:
            check.problem(root, f"the review is missing 'summary' (the '{layout.name}' layout needs: {', '.join(required)})")
        return summary
    if check.mapping(node, "'summary'") is None:
        return summary
    check.unknown_keys(node, [part.key for part in layout.parts], f"'summary' for the '{layout.name}' layout")
    for part in layout.parts:
        where = "'summary'"
        if part.is_list:
            items = check.text_list(node, part.key, where)
            if part.required and part.key not in node.value:
                check.problem(node, f"'summary' is missing required key '{part.key}'")
            summary[part.key] = [
                Prose(f"summary.{part.key}.{i}", item.value, item, check.source, check.line_index)
                for i, item in enumerate(items)
            ]
        else:
            prose = check.prose(node, part.key, f"summary.{part.key}", where, part.required)
            if prose is not None:
                summary[part.key] = prose
    return summary
