"""The GRADE wording grids of the shipped languages (templates/grade/<lang>/grid.yaml), cell by cell:
every cell renders for a singular and a plural intervention, says its certainty the way that
language does, names the direction of its verb, and agrees with the intervention."""

from __future__ import annotations

import re

import pytest
from conftest import REPO
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from plainsum.grade.results import load_grid

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


# --- contractions where a cell's word meets a name ----------------------------------------------

# Names that start with each article the languages contract with a preposition
ARTICLE_NAMES = {
    "es": ("el riesgo de caídas", "la mortalidad", "los ingresos", "El Salvador"),
    "fr": ("le risque de chute", "les décès", "la mortalité", "l'hospitalisation"),
    "pt": ("o risco de quedas", "a mortalidade", "os internamentos", "as quedas"),
    "de": ("das Risiko", "die Sterblichkeit", "dem Sturz"),
}
# What the grid's `contractions:` must give, spelled out here so that a wrong table fails
EXPECTED_CONTRACTIONS = {
    "es": {"de el": "del", "a el": "al"},
    "fr": {"de le": "du", "de les": "des", "à le": "au", "à les": "aux"},
    "pt": {"de o": "do", "de a": "da", "de os": "dos", "de as": "das", "em o": "no", "em a": "na", "em os": "nos",
           "em as": "nas", "a o": "ao", "a a": "à", "a os": "aos", "a as": "às", "por o": "pelo", "por a": "pela",
           "por os": "pelos", "por as": "pelas"},
    "de": {},
}


class _Name:
    def __init__(self, text: str, plural: bool = False):
        self.technical = self.plain = text
        self.plural = plural


class _Result:
    def __init__(self, certainty: str, size: str, verb: str, outcome: str, intervention: str = "INTERVENTION"):
        self.certainty, self.size = certainty, size
        self.verb = None if size == NO_DIFFERENCE else verb
        self.outcome, self.intervention = _Name(outcome), _Name(intervention)


def test_each_grid_has_its_languages_contractions() -> None:
    for language, expected in EXPECTED_CONTRACTIONS.items():
        assert load_grid(REPO / "templates" / "grade" / language / "grid.yaml").contractions == expected, language


@pytest.mark.parametrize(("language", "certainty", "size", "verb", "cell"), PARAMS)
def test_each_cell_contracts_where_a_name_is_inserted(language: str, certainty: str, size: str, verb: str, cell: str) -> None:
    grid = load_grid(REPO / "templates" / "grade" / language / "grid.yaml")
    rules = EXPECTED_CONTRACTIONS[language]
    before_outcome = re.search(r"(\w+)\s*\{\{ outcome \}\}", cell)
    word = before_outcome.group(1).lower() if before_outcome else None
    for name in ARTICLE_NAMES[language]:
        text = grid.statement(_Result(certainty, size, verb, name), "plain")
        first, rest = name.split(" ", 1) if " " in name else (name, "")
        contracted = rules.get(f"{word} {first}")
        if contracted is not None:
            assert f"{contracted} {rest}" in text, text  # "una gran reducción del riesgo de caídas"
            assert f" {word} {first} " not in f" {text.lower()} ", text
        else:
            assert name in text, text  # no rule: the name as written ("de la mortalidad", "El Salvador")
        assert "\ue010" not in text and "\ue011" not in text
    # the intervention is a name too: "a el" at a cell's start or after its words is contracted the same way
    text = grid.statement(_Result(certainty, size, verb, "OUTCOME", "el programa"), "plain")
    assert "l programa" in text and "\ue010" not in text


# --- the claim words of each language read its grid --------------------------------------------

@pytest.mark.parametrize(("language", "certainty", "size", "verb", "cell"), PARAMS)
def test_each_cell_reads_as_its_certainty_and_effect_with_the_languages_claim_words(
        language: str, certainty: str, size: str, verb: str, cell: str) -> None:
    """grade/<language>/claims.yaml reads every statement of grade/<language>/grid.yaml as what it
    says, so that the certainty parity of translations can read statements written by hand."""
    from plainsum.grade.claims import load_vocabulary, read_claim

    vocabulary = load_vocabulary(REPO / "templates" / "grade" / language / "claims.yaml")
    grid = load_grid(REPO / "templates" / "grade" / language / "grid.yaml")
    for plural in (False, True):
        result = _Result(certainty, size, verb, "OUTCOME")
        result.intervention.plural = plural
        text = grid.statement(result, "plain")
        names = [m.span() for m in re.finditer("INTERVENTION|OUTCOME", text)]
        claim = read_claim(text, vocabulary, names)
        assert claim.implied_certainty == certainty, text
        assert claim.effect == ("none" if size == NO_DIFFERENCE else verb), text


GERMAN_DATIVE = {"bei", "beim", "mit", "von", "vom", "zu", "zum", "zur", "aus", "nach", "seit", "gegenüber"}


@pytest.mark.parametrize(("language", "certainty", "size", "verb", "cell"), [p for p in PARAMS if p.values[0] == "de"])
def test_each_german_cell_takes_its_names_in_one_case(language: str, certainty: str, size: str, verb: str, cell: str) -> None:
    """German inflects the article for case, which no contraction can fix: every cell takes the
    outcome in the accusative (after a verb or "für"), so one term fits every cell."""
    before = re.search(r"(\w+)\s*\{\{ outcome \}\}", cell)
    assert before is None or before.group(1).lower() not in GERMAN_DATIVE, cell
    text = load_grid(REPO / "templates" / "grade" / "de" / "grid.yaml").statement(_Result(certainty, size, verb, "den Blutdruck"), "plain")
    assert "den Blutdruck" in text, text
