"""The GRADE wording grids of the shipped languages (templates/grade/<lang>/grid.yaml), cell by cell:
every cell renders for a singular and a plural intervention, says its certainty the way that
language does, names the direction of its verb, and agrees with the intervention."""

from __future__ import annotations

import re

import pytest
from conftest import REPO
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from plainsum.content.results import load_grid

CERTAINTIES = ("high", "moderate", "low", "very low")
SIZES = ("large", "moderate", "small")
VERBS = ("reduce", "increase", "improve", "worsen")
NO_DIFFERENCE = "little or no difference"

# How each language says the certainty (none of these words at high certainty) ...
CERTAINTY_WORDS = {
    "es": {"moderate": "probablemente", "low": r"\bpueden?\b", "very low": "no se sabe con certeza"},
    "fr": {"moderate": "probablement", "low": r"\bpourrai(?:en)?t\b", "very low": "pas avec certitude"},
    "de": {"moderate": "wahrscheinlich", "low": "möglicherweise", "very low": "sehr unsicher"},
    "pt": {"moderate": "provavelmente", "low": r"\bpodem?\b", "very low": "não se sabe ao certo"},
}
# ... and the direction of the effect (stems, lower case).
DIRECTION_WORDS = {
    "es": {"reduce": "reduc", "increase": "aument", "improve": "mejor", "worsen": "empeor", NO_DIFFERENCE: "diferencia"},
    "fr": {"reduce": "rédu", "increase": "augment", "improve": "amélior", "worsen": "aggrav", NO_DIFFERENCE: "différence"},
    "de": {"reduce": "verringer", "increase": "erhöh|zunahme", "improve": "verbesser", "worsen": "verschlechter",
           NO_DIFFERENCE: "unterschied"},
    "pt": {"reduce": "redu", "increase": "aument", "improve": "melhor", "worsen": "pior", NO_DIFFERENCE: "diferença"},
}
ENV = SandboxedEnvironment(undefined=StrictUndefined)


def render(cell: str, plural: bool) -> str:
    def v(word: str) -> str:  # as plainsum's grid does: an English plural verb drops its s
        return word[:-1] if plural and word.endswith("s") else word

    return " ".join(ENV.from_string(cell).render(intervention="INTERVENTION", outcome="OUTCOME", v=v).split())


def cells(language: str) -> list[tuple[str, str, str, str]]:
    grid = load_grid(REPO / "templates" / "grade" / language / "grid.yaml")
    found = []
    for certainty in CERTAINTIES:
        for size in SIZES:
            for verb in VERBS:
                found.append((certainty, size, verb, grid.statements[certainty][size][verb]))
        found.append((certainty, NO_DIFFERENCE, NO_DIFFERENCE, grid.statements[certainty][NO_DIFFERENCE]))
    return found


PARAMS = [pytest.param(language, *cell[:3], cell[3], id=f"{language}-{cell[0]}-{cell[1]}-{cell[2]}")
          for language in CERTAINTY_WORDS for cell in cells(language)]


@pytest.mark.parametrize(("language", "certainty", "size", "verb", "cell"), PARAMS)
def test_each_cell(language: str, certainty: str, size: str, verb: str, cell: str) -> None:
    singular, plural = render(cell, False), render(cell, True)
    for text in (singular, plural):
        assert "INTERVENTION" in text and "OUTCOME" in text and "{" not in text
        assert re.search(DIRECTION_WORDS[language][verb], text.lower()), text
        for level, words in CERTAINTY_WORDS[language].items():
            said = re.search(words, text) is not None
            assert said == (level == certainty), f"{certainty} cell {'says' if said else 'lacks'} {level}: {text}"
    assert singular != plural, f"the verb does not agree with a plural intervention: {singular}"


def test_a_grid_has_every_cell_and_its_numbers() -> None:
    for language in CERTAINTY_WORDS:
        grid = load_grid(REPO / "templates" / "grade" / language / "grid.yaml")
        assert len(cells(language)) == len(CERTAINTIES) * (len(SIZES) * len(VERBS) + 1)
        assert "{{ estimate }}" in grid.numbers_template
