"""The document templates' sandbox keeps Jinja's answers, and English gettext gives Jinja's strings (issue 28)."""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass
from typing import Any

import pytest
from jinja2 import StrictUndefined
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from plainsum.render.sandbox import DocumentSandbox, install_english_gettext


@dataclass
class Item:
    name: str
    _hidden: str = "secret"

    def shout(self) -> str:
        return self.name.upper()


class Liar:
    """An object whose __class__ is not its type: always checked the long way."""

    name = "liar"

    @property  # type: ignore[misc]
    def __class__(self) -> type:
        return type(lambda: None)


def _generator() -> Any:
    yield 1


OBJECTS = [Item("a"), {"name": "d", "items": [1]}, "text", [1, 2], 3, 2.5, None, Item, len, Item("b").shout,
           _generator(), Liar(), "a {0}", (1,)]
ATTRIBUTES = ["name", "_hidden", "__class__", "__globals__", "mro", "upper", "format", "format_map", "shout", "gi_frame",
              "gi_code", "items", "missing", "__code__", "__self__", "real", "append", "count"]
TEMPLATES = ["{{ x.%s }}", "{{ x.%s is defined }}", "{{ x.%s is undefined }}"]


def _outcome(env: SandboxedEnvironment, source: str, x: Any) -> str:
    try:
        return "ok " + re.sub(" at 0x[0-9a-f]+", "", env.from_string(source).render(x=x))  # a new wrapper each time
    except (SecurityError, UndefinedError, TypeError) as error:
        return f"{type(error).__name__}: {error}"


@pytest.mark.parametrize("template", TEMPLATES)
def test_attribute_answers_are_jinjas(template: str) -> None:
    stock = SandboxedEnvironment(undefined=StrictUndefined)
    ours = DocumentSandbox(undefined=StrictUndefined)
    for _ in range(2):  # the second time from what was kept
        for x in OBJECTS:
            for attribute in ATTRIBUTES:
                source = template % attribute
                assert _outcome(ours, source, x) == _outcome(stock, source, x), (x, attribute)


def test_str_format_is_still_sandboxed() -> None:
    ours = DocumentSandbox(undefined=StrictUndefined)
    with pytest.raises(SecurityError):
        ours.from_string("{{ '{0.__class__}'.format(x) }}").render(x=Item("a"))


GETTEXT_TEMPLATES = [
    "{{ _('Plain text') }}",
    "{{ _('Hello %(name)s', name=who) }}",
    "{{ gettext('Hello %(name)s', name=who) }}",
    "{% trans %}Hello {{ who }}{% endtrans %}",
    "{% trans count=n %}one item{% pluralize %}{{ count }} items{% endtrans %}",
    "{{ _('100%% sure') }}",
    "{% set gettext = upper %}{{ _('shouted') }}",
    "{% for x in [1, 2] %}{{ _('Item %(x)s', x=x) }}{% endfor %}",
    "{% for gettext in [upper] %}{{ _('shouted in a loop') }}{% endfor %}",
    "{% macro m(gettext) %}{{ _('in a macro') }}{% endmacro %}{{ m(upper) }}",
    "{{ _('no %(name)s given') }}",
]


@pytest.mark.parametrize("autoescape", [True, False])
@pytest.mark.parametrize("source", GETTEXT_TEMPLATES)
def test_english_gettext_is_jinjas(source: str, autoescape: bool) -> None:
    environments = []
    for ours in (False, True):
        env = (DocumentSandbox if ours else SandboxedEnvironment)(undefined=StrictUndefined, autoescape=autoescape,
                                                                  extensions=["jinja2.ext.i18n"])
        env.install_gettext_translations(gettext.NullTranslations(), newstyle=True)  # type: ignore[attr-defined]
        if ours:
            install_english_gettext(env)
        environments.append(env)
    values = {"who": "<Ann & Bob>", "n": 3, "upper": str.upper}
    results = []
    for env in environments:
        try:
            results.append(env.from_string(source).render(**values))
        except Exception as error:  # the same error either way
            results.append(f"{type(error).__name__}: {error}")
    assert results[0] == results[1]
