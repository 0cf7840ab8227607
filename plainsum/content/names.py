"""Names in prose that point at nothing: facts, results and their parts, filters.

Each is reported at the name itself inside the field, with the closest known name ("did you mean
'long_date'?") and the list to choose from, before anything is rendered: Jinja would say only
`'dict object' has no attribute 'adherance'` or `No filter named 'longdate'.`, at the start.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from types import SimpleNamespace
from typing import Any

from jinja2 import nodes

from plainsum.errors import closest_name

Unknown = tuple[int, str]  # (offset in the template text, message)


def _position(template: str, pattern: str) -> int:
    """The offset of group 1 of the first match inside a {{ }} or {% %} tag, or of the first tag."""
    for tag in re.finditer(r"\{[{%].*?[%}]\}", template, re.S):
        found = re.search(pattern, tag.group(0))
        if found:
            return tag.start() + found.start(1)
    first = re.search(r"\{[{%]", template)
    return first.start() if first else 0


def unknown_facts(names: set[str], template: str, facts: dict[str, Any], where: str) -> Iterator[Unknown]:
    """Each name the template looks up that is no fact, at its first use."""
    known = [name for name in facts if name != "results"]
    for name in sorted(names - set(facts)):
        offset = _position(template, r"(?<![\w.])(" + re.escape(name) + r")\b")
        yield offset, f"undefined fact '{name}' in {where} (" + _dym(name, known, "facts defined") + ")"


def _dym(name: str, known: Iterable[str], label: str) -> str:
    names = sorted(set(known))
    close = closest_name(name, names)
    return (f"did you mean '{close}'? " if close else "") + f"{label}: {', '.join(names) or 'none'}"


def _chain(node: nodes.Node) -> tuple[str, list[str]] | None:
    """results.pain.plain -> ('results', ['pain', 'plain']); None for anything but names and constant keys."""
    links: list[str] = []
    while True:
        if isinstance(node, nodes.Getattr):
            links.append(node.attr)
            node = node.node
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
            links.append(node.arg.value)
            node = node.node
        elif isinstance(node, nodes.Name):
            return node.name, list(reversed(links))
        else:
            return None


def _members(value: Any) -> list[str] | None:
    if isinstance(value, dict):
        return [str(key) for key in value]
    if isinstance(value, SimpleNamespace):
        return [key for key in vars(value) if not key.startswith("_")]
    return None  # a list, a text, a number: not looked into


def unknown_members(parsed: nodes.Template, template: str, facts: dict[str, Any], where: str) -> Iterator[Unknown]:
    """results.<id> that is no result, results.<id>.<part> that is no part, a key a mapping fact lacks."""
    seen: set[tuple[str, ...]] = set()
    for node in parsed.find_all((nodes.Getattr, nodes.Getitem)):
        chain = _chain(node)
        if chain is None or chain[0] not in facts:
            continue
        root, links = chain
        value = facts[root]
        for depth, link in enumerate(links):
            members = _members(value)
            if members is None:
                break
            if link in members:
                value = value[link] if isinstance(value, dict) else getattr(value, link)
                continue
            if isinstance(value, dict) and hasattr(dict, link):
                break  # a method of the mapping (results.items), left to the sandbox
            key = (root, *links[: depth + 1])
            if key in seen:
                break
            seen.add(key)
            path = r"\b" + re.escape(root) + "".join(_link(part, False) for part in links[:depth])
            pattern = path + _link(link, True)
            offset = _member_position(template, pattern)
            if root == "results" and depth == 0:
                message = f"unknown result '{link}' in {where} (" + _dym(link, members, "results") + ")"
            elif root == "results":
                message = f"result '{links[0]}' has no '{link}' in {where} (" + _dym(link, members, "it has") + ")"
            else:
                owner = ".".join([root, *links[:depth]])
                message = f"'{owner}' has no '{link}' in {where} (" + _dym(link, members, "it has") + ")"
            yield offset, message
            break


def _link(part: str, captured: bool) -> str:
    """`.part` or `['part']` in an expression; with `captured`, the name as group 1 or 2."""
    name = f"({re.escape(part)})" if captured else re.escape(part)
    return r"\s*(?:\.\s*" + name + r"\b|\[\s*['\"]" + name + r"['\"]\s*\])"


def _member_position(template: str, pattern: str) -> int:
    for tag in re.finditer(r"\{[{%].*?[%}]\}", template, re.S):
        found = re.search(pattern, tag.group(0))
        if found:
            group = 1 if found.group(1) is not None else 2
            return tag.start() + found.start(group)
    first = re.search(r"\{[{%]", template)
    return first.start() if first else 0


def unknown_filters(parsed: nodes.Template, template: str, filters: Iterable[str], own: Iterable[str], where: str) -> Iterator[Unknown]:
    """Each filter the template uses that does not exist; suggested from all, listed from plainsum's own."""
    known = set(filters)
    listed = sorted(own)
    reported: set[str] = set()
    for node in parsed.find_all(nodes.Filter):
        if node.name in known or node.name in reported:
            continue
        reported.add(node.name)
        offset = _position(template, r"\|\s*(" + re.escape(node.name) + r")\b")
        close = closest_name(node.name, [*listed, *sorted(known - set(listed))])
        hint = f"did you mean '{close}'? " if close else ""
        yield offset, (f"unknown filter '{node.name}' in {where} ({hint}plainsum's filters: {', '.join(listed)}; "
                       "and Jinja's built-in filters)")
