"""Suppressions written in a review's YAML: one check silenced for one field, with a reason.

    sections:
      main_results:
        # plainsum: disable=plain.jargon -- "placebo" is the word readers meet on their leaflets
        plain: >-
          ...

A comment `# plainsum: disable=CHECK[,CHECK...] -- REASON` on a field's own line, or on the lines
just above it, sets aside that check's findings in the field (its whole value, nested fields
included). The reason is required. A suppression that silences nothing is itself a warning
(`suppression.unused`), so stale ones are found and removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from plainsum.checks.registry import Finding, Registry, Suppression
from plainsum.content.sourcemap import LineIndex
from plainsum.errors import InputError, Problem, closest_name
from plainsum.render.document import Location

if TYPE_CHECKING:
    from plainsum.config.settings import Config
    from plainsum.content.model import Review
    from plainsum.files.yamlsource import Node

MARK = "plainsum:"
DIRECTIVE = re.compile(r"#\s*plainsum:(?P<body>.*)$")
DISABLE = re.compile(r"^\s*disable\s*=\s*(?P<checks>[^\s]+?)\s*(?:--\s*(?P<reason>.*?))?\s*$")
UNUSED_CHECK = "suppression.unused"


@dataclass
class Rule:
    checks: tuple[str, ...]
    reason: str
    line: int  # of the comment
    column: int
    first: int  # lines of the field it covers
    last: int
    used: set[str] = field(default_factory=set)


@dataclass
class Suppressions:
    path: str  # the review file, as findings show it
    rules: list[Rule] = field(default_factory=list)
    ran: set[str] = field(default_factory=set)  # checks that ran on some document of the review

    def __bool__(self) -> bool:
        return bool(self.rules)

    def match(self, finding: Finding) -> Suppression | None:
        location = finding.location
        if location.path != self.path:
            return None
        for rule in self.rules:
            if finding.check in rule.checks and rule.first <= location.line <= rule.last:
                rule.used.add(finding.check)
                return Suppression("source", rule.reason, f"{self.path}:{rule.line}:{rule.column}")
        return None

    def unused(self, document: str, registry: Registry, config: Config) -> list[Finding]:
        """A warning for each check a suppression names that ran and found nothing to silence."""
        spec = registry.checks.get(UNUSED_CHECK)
        severity = registry.severity(spec, config) if spec is not None else "warning"
        if severity == "off":
            return []
        findings = []
        for rule in self.rules:
            for check in rule.checks:
                if check in self.ran and check not in rule.used:
                    findings.append(Finding(
                        UNUSED_CHECK, severity, document, Location(self.path, rule.line, rule.column),
                        f"unused suppression: {check} found nothing in this field to silence",
                        suggestion="remove the check from the comment (or the comment), or move it to the field it is meant for",
                    ))
        return findings


def suppressions_of(review: Review, known_checks: list[str]) -> Suppressions:
    """The suppressions written in the review's file; a malformed one is an error at its line."""
    source = review.source
    found = Suppressions(source.display)
    text = source.text
    if MARK not in text:
        return found
    index = LineIndex(text)
    fields = list(_fields(review.root, index))
    in_scalars = _scalar_ranges(review.root, index)
    lines = text.splitlines()
    problems: list[Problem] = []
    starts = index.starts
    for number, line in enumerate(lines, start=1):
        match = DIRECTIVE.search(line)
        if match is None or MARK not in line:
            continue
        column = match.start() + 1
        absolute = starts[number - 1] + match.start()
        if any(start <= absolute < end and header != number for start, end, header in in_scalars):
            continue  # text inside a value, not a comment
        problem = _parse(match.group("body"), number, column, lines, fields, known_checks, found)
        if problem is not None:
            problems.append(source.problem(number, column + match.group(0).index(MARK), problem))
    if problems:
        raise InputError(problems)
    return found


def _parse(body: str, number: int, column: int, lines: list[str], fields: list[tuple[int, int]],
           known: list[str], found: Suppressions) -> str | None:
    directive = DISABLE.match(body)
    if directive is None:
        return "a plainsum comment must read '# plainsum: disable=CHECK -- REASON'"
    checks = tuple(name.strip() for name in directive.group("checks").split(",") if name.strip())
    for name in checks:
        if name not in known:
            close = closest_name(name, known)
            hint = f"; did you mean '{close}'?" if close else f"; known checks: {', '.join(known)}"
            return f"unknown check '{name}' in a suppression{hint}"
    reason = (directive.group("reason") or "").strip()
    if not reason:
        return "a suppression needs its reason after ' -- ' ('# plainsum: disable=CHECK -- why it is fine here')"
    own_line = lines[number - 1][: column - 1].strip() == ""
    target = number
    if own_line:  # a comment above the field: the next line that is not blank or a comment
        target = next((n for n in range(number + 1, len(lines) + 1)
                       if lines[n - 1].strip() and not lines[n - 1].lstrip().startswith("#")), 0)
    covering = [(first, last) for first, last in fields if first == target]
    if not covering:
        return "a suppression must stand on a field's line or on the lines just above it"
    first, last = max(covering, key=lambda span: span[1])
    found.rules.append(Rule(checks, reason, number, column, first, last))
    return None


def _fields(node: Node, index: LineIndex) -> Iterator[tuple[int, int]]:
    """(first line, last line) of every mapping entry and list item, from its key to its value's end."""
    if isinstance(node.value, dict):
        for key, child in node.value.items():
            first = node.key_marks[key][0]
            yield first, max(first, _last_line(child, index))
            yield from _fields(child, index)
    elif isinstance(node.value, list):
        for child in node.value:
            yield child.line, max(child.line, _last_line(child, index))
            yield from _fields(child, index)


def _last_line(node: Node, index: LineIndex) -> int:
    return index.line_column(max(node.start_index, node.end_index - 1))[0]


def _scalar_ranges(node: Node, index: LineIndex) -> list[tuple[int, int, int]]:
    """(start, end, header line) of every text value; a block scalar's header line may hold a comment."""
    ranges = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current.value, dict):
            stack.extend(current.value.values())
        elif isinstance(current.value, list):
            stack.extend(current.value)
        elif isinstance(current.value, str):
            header = current.line if current.style in ("|", ">") else 0
            ranges.append((current.start_index, current.end_index, header))
    return ranges
