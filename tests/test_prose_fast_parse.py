"""Simple prose ("text {{ search_date | long_date }} text") is parsed without Jinja's parser to the tree Jinja's
parser makes, its line numbers too; anything else is left to Jinja (content/prose.py, issue 28)."""

from __future__ import annotations

import random

import pytest
from jinja2 import nodes

from plainsum.content import prose


def _dump(node: nodes.Node) -> object:
    """The tree with every node's type, fields and line number (nodes compare equal without their lines)."""
    fields = [(name, [_dump(v) if isinstance(v, nodes.Node) else v for v in value] if isinstance(value, list)
               else _dump(value) if isinstance(value, nodes.Node) else value) for name, value in node.iter_fields()]
    return type(node).__name__, node.lineno, node.environment is prose._ENV, fields


SIMPLE = [
    "We searched the register ({{ search_date | long_date }}).",
    "{{ search_date | long_date }}",
    "Up to {{ search_date|long_date }} and {{included_trials}} trials, {{ a.b.c | upper | trim }}.",
    "Line one\nline two {{ x }}\n\nline four {{ y | f }} end",
    "{{ x }}{{ y }}",
    "Ünïcödé — text {{ x }} ‘quoted’ %s ",
]
LEFT_TO_JINJA = [
    "{{ true }}", "{{ none | f }}", "{{ x.if }}", "{{ not x }}", "{{ x | f(1) }}", "{{ x[0] }}", "{{ x ~ y }}",
    "{% if x %}a{% endif %}", "{# note #}{{ x }}", "{{- x }}", "{{ x\n}}", "{{ x }}\n", "a\r\n{{ x }}", "{ {{ x }}",
    "{{ x }} }", "{{ 1 }}", "{{ é }}", "{{ x.0 }}", "{{ x | f.g }}", "{{ 'a' }}", "{{x}", "{{ }}",
]


@pytest.mark.parametrize("text", SIMPLE)
def test_simple_prose_is_parsed_as_jinja_parses_it(text: str) -> None:
    fast = prose._simple_parse(text)
    assert fast is not None
    assert _dump(fast) == _dump(prose._ENV.parse(text))


@pytest.mark.parametrize("text", LEFT_TO_JINJA)
def test_other_prose_is_left_to_jinja(text: str) -> None:
    assert prose._simple_parse(text) is None


def test_random_prose_is_parsed_as_jinja_parses_it_or_left_to_it() -> None:
    generator = random.Random(28)
    pieces = ["text", " ", "\n", "\n\n", "{{ x }}", "{{x}}", "{{ a.b }}", "{{ x | f }}", "{{ x|f|g }}", "{{ ", " }}", "|", ".",
              "{", "}", "(", ")", "%", "é", "\t", "\r", "{{ true }}", "{{ if }}", "{{ self }}", "{{ x.self | long_date }}", "{%", "#}"]
    simple = 0
    for _ in range(5000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(1, 8)))
        fast = prose._simple_parse(text)
        if fast is None:
            continue
        simple += 1
        assert _dump(fast) == _dump(prose._ENV.parse(text)), repr(text)
    assert simple > 500
