"""Tables of translated fields each fact-parity check must flag and must pass.

Each text is the Spanish translation of one field, `sections.main_results.plain`, of a copy of
the shipped ILSP review whose English field states numbers and a date (SOURCE); the rest of the
translation is the shipped Spanish one. The out-of-date check's texts are source versions. The
certainty check's texts are the Spanish `what_we_found` of general-health-checks (results as data).
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from conftest import REPO, case_params

from plainsum.checks import registry
from plainsum.content.loader import load_review
from plainsum.content.model import digest
from plainsum.content.translation import load_translation
from plainsum.gate.settings import load_config
from plainsum.readability.score import score_document
from plainsum.render.document import render_document
from plainsum.render.templates import TemplateSet

REVIEW = "ilsp-immunotherapy"
SOURCE = ("We found 12 trials with 3,008 people; the risk fell from 0.25 to 0.15 in 95% of them. "
          "The last trial ended on 15 October 2013.")
GOOD = ("Encontramos 12 ensayos con 3008 personas; el riesgo bajó de 0,25 a 0,15 en el 95% de ellos. "
        "El último ensayo terminó el 15 de octubre de 2013.")
SOURCE_VERSION = digest(SOURCE)

CASES: dict[str, dict[str, list[str]]] = {
    "translation.numbers": {
        "flag": [
            GOOD.replace("3008", "3080"),  # a wrong number
            GOOD.replace("0,25", "0.25"),  # an English decimal point: read as 0 in Spanish
            GOOD.replace("12 ensayos", "ensayos"),  # a number left out
            GOOD.replace("12 ensayos", "12 ensayos de 5 países"),  # a number the source lacks
            GOOD.replace("12 ensayos", "once ensayos"),  # a number in words, the wrong one
            GOOD.replace("3008", "3 080"),  # grouped with a space, and wrong
        ],
        "pass": [
            GOOD,
            GOOD.replace("12 ensayos", "doce ensayos"),  # in words
            GOOD.replace("3008", "3.008"),  # with a thousands separator
            GOOD.replace("3008", "3 008"),  # grouped with a space (RAE), a no-break space, a narrow one
            GOOD.replace("3008", "3\u00a0008"),
            GOOD.replace("3008", "3\u202f008"),
            GOOD.replace("El último ensayo terminó el 15 de octubre de 2013.", "El último terminó el 15 de octubre de 2013."),
        ],
    },
    "translation.dates": {
        "flag": [
            GOOD.replace("15 de octubre", "14 de octubre"),
            GOOD.replace("de 2013", "de 2014"),
            GOOD.replace(" el 15 de octubre de 2013", " hace tiempo"),
        ],
        "pass": [
            GOOD,
            GOOD.replace("el 15 de octubre de 2013", "el 2013-10-15"),  # an ISO date is the same date
        ],
    },
    "translation.out-of-date": {
        "flag": ["0123456789ab"],
        "pass": [SOURCE_VERSION],
    },
}


GHC = "general-health-checks"
GHC_RESULT = "{{ results.total_mortality.plain }}"
GHC_TERMS = {
    "intervention": "los controles de salud generales",
    "intervention_plural": True,
    "total_mortality": {"outcome": "la probabilidad de morir por cualquier causa", "event": "mueren por cualquier causa"},
}
# what_we_found of the review, as the Spanish field would hold it: the statements come from the grid
GHC_FOUND = ("Encontramos {{ included_trials }} estudios. Son muchas más personas de las que suele tener la investigación "
             "en salud, así que podemos estar bastante seguros de la mayoría de los resultados. En comparación con ninguna invitación: " + GHC_RESULT + " "
             + " ".join("{{ results." + name + ".plain }}" for name in ("cancer_mortality", "cardiovascular_mortality", "heart_disease", "stroke")))
CASES["translation.certainty"] = {
    "flag": [
        # the wording of moderate certainty for a result of high certainty
        GHC_FOUND.replace(GHC_RESULT, "Los controles de salud generales probablemente producen poca o ninguna diferencia "
                                      "en la probabilidad de morir por cualquier causa."),
        GHC_FOUND.replace(GHC_RESULT, "No sabemos si cambian algo."),  # the statement left out
    ],
    "pass": [
        GHC_FOUND,
        GHC_FOUND.replace(GHC_RESULT, "Los controles de salud generales producen poca o ninguna diferencia en la "
                                      "probabilidad de morir por cualquier causa."),  # written out as the grid words it
    ],
}


# GHC_FOUND is one paragraph, its source eight: the sentences are not paired, the field is compared as a
# whole; a certainty said of no result that the field states only of results is a guess, a warning
CASES["translation.certainty-unaligned"] = {
    "flag": [GHC_FOUND.replace("podemos estar bastante seguros de la mayoría de los resultados", "los resultados son sólidos")],
    "pass": [GHC_FOUND],
}


# The other fields of the Spanish translation of general-health-checks (written for these tests); its
# key messages and limitations state certainty by hand, as the English does
GHC_SPANISH = {
    "plain_title": "¿Ayudan los controles de salud generales a que los adultos vivan más tiempo o estén más sanos?",
    "key_messages": [
        "Invitar a los adultos que se sienten bien a controles de salud produce poca o ninguna diferencia en cuánto "
        "tiempo viven.",
        "Los controles de salud probablemente producen poca o ninguna diferencia en cuántas personas tienen una "
        "enfermedad del corazón o un ictus, o mueren por ellos.",
    ],
    "what_is_heading": "¿Qué son los controles de salud generales?",
    "what_is": "Un control de salud general es una visita al médico o a la enfermera para personas que se sienten bien. "
               "El objetivo es encontrar una enfermedad antes de que cause problemas.",
    "want_to_find_out": "Queríamos saber si invitar a los adultos a controles de salud generales les ayuda a vivir más "
                        "tiempo.",
    "what_we_did": "Buscamos estudios que compararon a adultos invitados a controles de salud con adultos no invitados.",
    "limitations": "Confiamos en la mayoría de nuestros resultados sobre las muertes, porque provienen de estudios "
                   "grandes y bien realizados. Estamos menos seguros de los resultados sobre las muertes por "
                   "enfermedades del corazón y los vasos sanguíneos, y sobre los ictus.",
    "up_to_date": "Esta revisión actualiza nuestra revisión anterior.",
}

# GHC_TERMS gives Spanish words for total_mortality only: a result without them would be worded with
# the review's English outcome name
CASES["translation.terms"] = {
    "flag": [
        "Encontramos {{ included_trials }} estudios. {{ results.stroke.plain }}",
        GHC_FOUND,  # four of its five results have no Spanish terms
    ],
    "pass": [
        "Encontramos {{ included_trials }} estudios. " + GHC_RESULT,
        "Encontramos {{ included_trials }} estudios.",  # no result stated
    ],
}


def _certainty_project(tmp_path: Path, field: str, spanish: dict[str, object] | None = None,
                       review_edit: tuple[str, str] | None = None, terms: dict[str, object] | None = None) -> Path:
    """general-health-checks and a Spanish translation whose what_we_found is `field` (the other
    fields from GHC_SPANISH, or `spanish`); `review_edit` replaces a text of the review, `terms`
    the translation's terms."""
    import yaml

    from plainsum.content.translation import source_fields

    content = tmp_path / "content"
    content.mkdir(parents=True, exist_ok=True)
    text = (REPO / "content" / f"{GHC}.yaml").read_text(encoding="utf-8")
    if review_edit is not None:
        assert review_edit[0] in text, review_edit[0]
        text = text.replace(*review_edit)
    (content / f"{GHC}.yaml").write_text(text, encoding="utf-8")
    review = load_review(content / f"{GHC}.yaml")
    fields = source_fields(review)
    data: dict[str, object] = {"language": "es", "translators": ["test"], "date": datetime.date(2026, 12, 1),
                               "source_version": {key: digest(prose.template) for key, prose in fields.items()},
                               "terms": terms or GHC_TERMS, "plain_title": GHC_SPANISH["plain_title"], "summary": {}}
    summary: dict[str, object] = data["summary"]  # type: ignore[assignment]
    for key in review.summary:
        summary[key] = {**GHC_SPANISH, **(spanish or {})}.get(key)
    summary["what_we_found"] = field
    (content / f"{GHC}.es.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return content


def _project(tmp_path: Path, field: str) -> Path:
    """The ILSP review with SOURCE as its results, and its Spanish translation with `field` (or a
    source version, for the out-of-date texts)."""
    content = tmp_path / "content"
    content.mkdir(parents=True, exist_ok=True)
    review = (REPO / "content" / f"{REVIEW}.yaml").read_text(encoding="utf-8")
    review = re.sub(r"(  main_results:\n    technical: >-\n(?:      .*\n)+    plain: >-\n)(?:      .*\n)+",
                    lambda m: m.group(1) + f"      {SOURCE}\n", review)
    (content / f"{REVIEW}.yaml").write_text(review, encoding="utf-8")
    translation = (REPO / "content" / f"{REVIEW}.es.yaml").read_text(encoding="utf-8")
    version = SOURCE_VERSION
    if re.fullmatch(r"[0-9a-f]{12}", field):
        version, field = field, GOOD
    translation = re.sub(r"sections.main_results.plain: \w+", f"sections.main_results.plain: {version}", translation)
    translation = re.sub(r"(  main_results:\n    plain: >-\n)(?:      .*\n)+", lambda m: m.group(1) + f"      {field}\n", translation)
    (content / f"{REVIEW}.es.yaml").write_text(translation, encoding="utf-8")
    return content


def _findings(tmp_path: Path, check_id: str, field: str) -> list[str]:
    name = GHC if check_id in ("translation.certainty", "translation.certainty-unaligned", "translation.terms") else REVIEW
    content = _certainty_project(tmp_path, field) if name == GHC else _project(tmp_path, field)
    templates = TemplateSet(None)
    review = load_review(content / f"{name}.yaml")
    translated = load_translation(content / f"{name}.es.yaml", review, templates.locale)
    document = render_document(translated, "summary", templates)
    scored = score_document(document)
    config = load_config(REPO, None)
    spec = registry[check_id]
    return [flag.message for flag in spec.function(scored, config)]


@pytest.mark.parametrize(("check_id", "text"), case_params(CASES, "flag"))
def test_flags(tmp_path: Path, check_id: str, text: str) -> None:
    assert _findings(tmp_path, check_id, text), f"{check_id} should flag: {text}"


@pytest.mark.parametrize(("check_id", "text"), case_params(CASES, "pass"))
def test_passes(tmp_path: Path, check_id: str, text: str) -> None:
    assert _findings(tmp_path, check_id, text) == [], f"{check_id} should pass: {text}"


# --- certainty stated by hand ---------------------------------------------------------------------

KEY_MESSAGE = GHC_SPANISH["key_messages"][1]  # type: ignore[index]  # "... probablemente producen poca o ninguna ..."


def _findings_of(content: Path, check_id: str) -> list[tuple[int, int, str]]:
    """Line, column and message of each finding of `check_id` on the Spanish translation, as check reports them."""
    templates = TemplateSet(None)
    translated = load_translation(content / f"{GHC}.es.yaml", load_review(content / f"{GHC}.yaml"), templates.locale)
    findings = registry.run(score_document(render_document(translated, "summary", templates)), load_config(REPO, None))
    return [(f.location.line, f.location.column, f.message) for f in findings if f.check == check_id]


def _translation_findings(content: Path) -> list[tuple[int, int, str]]:
    return _findings_of(content, "translation.certainty")


def _at(content: Path, text: str) -> tuple[int, int]:
    source = (content / f"{GHC}.es.yaml").read_text(encoding="utf-8")
    index = source.index(text)
    return source[:index].count("\n") + 1, index - source[:index].rfind("\n")


@pytest.mark.parametrize(("message", "words"), [
    # the key message's hand-written "probably" (moderate) turned into a plain verb (high): reported at its
    # claim words; into "may" (low): at "pueden"
    (KEY_MESSAGE.replace("probablemente producen", "producen"), "poca o ninguna diferencia"),
    (KEY_MESSAGE.replace("probablemente producen", "pueden producir"), "pueden producir"),
    # the statement left out: at the start of the item
    ("Los controles de salud se hacen en muchos países.", "Los controles"),
])
def test_a_hand_written_certainty_changed_or_dropped_fails_at_its_line(tmp_path: Path, message: str, words: str) -> None:
    content = _certainty_project(tmp_path, GHC_FOUND, {"key_messages": [GHC_SPANISH["key_messages"][0], message]})  # type: ignore[index]
    found = _translation_findings(content)
    assert found, message
    source = (content / f"{GHC}.es.yaml").read_text(encoding="utf-8")
    index = source.index(words, source.index(message[:20]))
    line, column = source[:index].count("\n") + 1, index - source[:index].rfind("\n")
    assert (line, column) in {(f[0], f[1]) for f in found}, (found, line, column)
    assert all("summary.key_messages.1" in f[2] and "(moderate certainty)" in f[2] for f in found), found


def test_a_hand_written_certainty_kept_passes(tmp_path: Path) -> None:
    content = _certainty_project(tmp_path, GHC_FOUND)
    assert _translation_findings(content) == []
    # the same certainty in other words, naming the outcome by the translation's term
    content = _certainty_project(tmp_path / "other", GHC_FOUND, {"key_messages": [
        GHC_SPANISH["key_messages"][0],  # type: ignore[index]
        "Es probable que los controles de salud cambien poco o nada cuántas personas tienen una enfermedad del corazón "
        "o un ictus, o mueren por ellos.",
    ]})
    assert _translation_findings(content) == []


OWN_WORDING = ("    outcome: {technical: total mortality, plain: the chance of dying from any cause}\n",
               "    outcome: {technical: total mortality, plain: the chance of dying from any cause}\n"
               "    plain: Health checks make little or no difference to the chance of dying from any cause\n")


def test_a_results_own_wording_is_translated_with_its_certainty(tmp_path: Path) -> None:
    terms = {**GHC_TERMS, "total_mortality": {"outcome": "la probabilidad de morir por cualquier causa",
                                              "plain": "Los controles apenas cambian la probabilidad de morir por cualquier causa"}}
    content = _certainty_project(tmp_path, GHC_FOUND, review_edit=OWN_WORDING, terms=terms)
    assert _translation_findings(content) == []  # "apenas cambian": little or no difference, said plainly (high)
    text = render_document(load_translation(content / f"{GHC}.es.yaml", load_review(content / f"{GHC}.yaml"),
                                            TemplateSet(None).locale), "summary", TemplateSet(None)).body
    assert "Los controles apenas cambian la probabilidad de morir por cualquier causa." in text
    # the translation's own wording says "may" (low) of a result the review words as high certainty
    terms["total_mortality"]["plain"] = "Los controles pueden cambiar poco la probabilidad de morir por cualquier causa"  # type: ignore[index]
    content = _certainty_project(tmp_path / "low", GHC_FOUND, review_edit=OWN_WORDING, terms=terms)
    found = _translation_findings(content)
    line, column = _at(content, "Los controles pueden cambiar")
    assert any((f[0], f[1]) == (line, column) and "own wording of result 'total_mortality'" in f[2]
               and "low certainty" in f[2] for f in found), found


def test_without_its_own_wording_a_translation_words_the_result_from_the_grid(tmp_path: Path) -> None:
    # the review's own wording is English: the Spanish page words the result with the Spanish grid
    content = _certainty_project(tmp_path, GHC_FOUND, review_edit=OWN_WORDING)
    templates = TemplateSet(None)
    translated = load_translation(content / f"{GHC}.es.yaml", load_review(content / f"{GHC}.yaml"), templates.locale)
    body = render_document(translated, "summary", templates).body
    assert "Health checks make little" not in body
    assert "Los controles de salud generales producen poca o ninguna diferencia en la probabilidad de morir" in body
    assert _translation_findings(content) == []


def test_a_result_stated_with_the_reviews_words_for_its_outcome_fails(tmp_path: Path) -> None:
    # GHC_TERMS names total_mortality's outcome only: the four other statements keep English names
    content = _certainty_project(tmp_path, GHC_FOUND)
    found = _findings_of(content, "translation.terms")
    assert sorted(re.search(r"result '(\w+)'", f[2]).group(1) for f in found) == sorted(
        ["cancer_mortality", "cardiovascular_mortality", "heart_disease", "stroke"])  # type: ignore[union-attr]
    assert all("its outcome 'the chance of dying" in f[2] or "its outcome 'how many people" in f[2] for f in found)
    for line, column, message in found:  # each at its own {{ results.<id>.plain }} in what_we_found
        result_id = re.search(r"result '(\w+)'", message).group(1)  # type: ignore[union-attr]
        assert (line, column) == _at(content, "{{ results." + result_id + ".plain"), message
    terms = {**GHC_TERMS, **{name: {"outcome": f"el resultado {number}"} for number, name in enumerate(
        ("cancer_mortality", "cardiovascular_mortality", "heart_disease", "stroke"))}}
    assert _findings_of(_certainty_project(tmp_path / "named", GHC_FOUND, terms=terms), "translation.terms") == []


def test_a_translations_numbers_are_read_in_its_language_not_by_the_english_number_check(tmp_path: Path) -> None:
    """251.891 is Spanish for 251,891: the English numbers check (which would read 251.891) does not run on
    a translation; translation.numbers holds the number against the source's."""
    spanish = {"what_we_did": "Buscamos estudios con 251.891 personas que compararon a adultos invitados a controles de "
                              "salud con adultos no invitados."}
    content = _certainty_project(tmp_path, GHC_FOUND, spanish)
    assert _findings_of(content, "results.number") == []
    messages = [message for _, _, message in _findings_of(content, "translation.numbers")]
    assert any("251" in message for message in messages)  # the source's what_we_did states no such number


@pytest.mark.parametrize(("language", "text", "values"), [
    ("es", "unas 12 500 personas", ["12500"]),
    ("es", "unas 12\u00a0500 personas", ["12500"]),
    ("fr", "environ 12\u202f500 personnes", ["12500"]),
    ("de", "etwa 1 234 567,5 Menschen", ["1234567.5"]),
    ("en", "about 12 500 people", ["12500"]),
    ("es", "unas 12.500 personas", ["12500"]),  # the language's own symbol still
    # not thousands groups: a 4-digit first group, a later group that is not 3 digits, mixed separators
    ("es", "en 2013 500 personas", ["2013", "500"]),
    ("es", "de 12 5000 personas", ["12", "5000"]),
    ("es", "de 12 50 personas", ["12", "50"]),
    ("es", "unas 1.234 567 personas", ["1234", "567"]),
])
def test_numbers_grouped_with_a_space_are_one_number(language: str, text: str, values: list[str]) -> None:
    from plainsum.checks.translation import read_numbers

    locale = TemplateSet(None).locale(language)
    assert [str(found.value) for found in read_numbers(text, locale)] == values


# --- certainty stated by hand in a review without results (the classic layout) ------------------

STEROIDS = "Steroids probably reduce pain a little."


def _classic_project(tmp_path: Path, spanish: str | None, french: str | None) -> Path:
    """The shipped ILSP review (no `results:`) with STEROIDS added to its main results, and its Spanish and
    French translations with `spanish` and `french` added to theirs (None: left out)."""
    from plainsum.content.translation import source_fields

    content = tmp_path / "content"
    content.mkdir(parents=True, exist_ok=True)
    anchor = "to show whether immunotherapies help people with ILSP."
    review = (REPO / "content" / f"{REVIEW}.yaml").read_text(encoding="utf-8")
    assert anchor in review
    (content / f"{REVIEW}.yaml").write_text(review.replace(anchor, f"{anchor}\n      {STEROIDS}"), encoding="utf-8")
    version = digest(source_fields(load_review(content / f"{REVIEW}.yaml"))["sections.main_results.plain"].template)
    for language, anchor, sentence in (("es", "si las inmunoterapias ayudan a las personas con PLSI.", spanish),
                                       ("fr", "si les immunothérapies aident les personnes atteintes de PLSI.", french)):
        text = (REPO / "content" / f"{REVIEW}.{language}.yaml").read_text(encoding="utf-8")
        assert anchor in text
        text = re.sub(r"sections.main_results.plain: \w+", f"sections.main_results.plain: {version}", text)
        if sentence is not None:
            text = text.replace(anchor, f"{anchor}\n      {sentence}")
        (content / f"{REVIEW}.{language}.yaml").write_text(text, encoding="utf-8")
    return content


def _classic_findings(content: Path, language: str) -> list[tuple[int, int, str]]:
    templates = TemplateSet(None)
    translated = load_translation(content / f"{REVIEW}.{language}.yaml", load_review(content / f"{REVIEW}.yaml"),
                                  templates.locale)
    findings = registry.run(score_document(render_document(translated, "summary", templates)), load_config(REPO, None))
    return [(f.location.line, f.location.column, f.message) for f in findings if f.check == "translation.certainty"]


def _line_column(content: Path, name: str, text: str) -> tuple[int, int]:
    source = (content / name).read_text(encoding="utf-8")
    index = source.index(text)
    return source[:index].count("\n") + 1, index - source[:index].rfind("\n")


CLASSIC_CASES = {
    "flag": [
        ("es", "Los corticoides reducen el dolor un poco."),  # a plain verb: high certainty, not moderate
        ("es", "Los corticoides pueden reducir un poco el dolor."),  # "may": low
        ("fr", None),  # left out
        ("fr", "Les corticoïdes réduisent un peu la douleur."),
        ("es", "Los corticoides se usan mucho."),  # no certainty: the statement is not there
    ],
    "pass": [
        ("es", "Los corticoides probablemente reducen un poco el dolor."),
        ("es", "Es probable que los corticoides reduzcan un poco el dolor."),
        ("fr", "Les corticoïdes réduisent probablement un peu la douleur."),
    ],
}


@pytest.mark.parametrize(("language", "sentence"), CLASSIC_CASES["flag"])
def test_a_hand_written_certainty_without_results_changed_or_left_out_fails(tmp_path: Path, language: str,
                                                                            sentence: str | None) -> None:
    good = {"es": CLASSIC_CASES["pass"][0][1], "fr": CLASSIC_CASES["pass"][2][1]}
    content = _classic_project(tmp_path, *(sentence if code == language else good[code] for code in ("es", "fr")))
    found = _classic_findings(content, language)
    assert len(found) == 1, found
    line, column, message = found[0]
    assert "sections.main_results.plain" in message and "moderate certainty" in message, message
    field = (content / f"{REVIEW}.{language}.yaml").read_text(encoding="utf-8")
    if sentence is not None and re.search(r"reducen|réduisent|reducir", sentence):
        # a changed certainty is reported at the translated sentence's certainty (its verb)
        assert (line, column) >= _line_column(content, f"{REVIEW}.{language}.yaml", sentence), (found, sentence)
        assert line == _line_column(content, f"{REVIEW}.{language}.yaml", sentence)[0]
    else:  # left out: at the start of the translated field
        assert line == field[: field.index("  main_results:\n")].count("\n") + 3, found
    assert _classic_findings(content, "fr" if language == "es" else "es") == []


@pytest.mark.parametrize(("language", "sentence"), CLASSIC_CASES["pass"])
def test_a_hand_written_certainty_without_results_kept_passes(tmp_path: Path, language: str, sentence: str) -> None:
    good = {"es": CLASSIC_CASES["pass"][0][1], "fr": CLASSIC_CASES["pass"][2][1]}
    content = _classic_project(tmp_path, *(sentence if code == language else good[code] for code in ("es", "fr")))
    assert _classic_findings(content, language) == []


@pytest.mark.parametrize("language", ["es", "fr"])
def test_the_shipped_translations_state_their_sources_certainty(language: str) -> None:
    templates = TemplateSet(None)
    translated = load_translation(REPO / "content" / f"{REVIEW}.{language}.yaml",
                                  load_review(REPO / "content" / f"{REVIEW}.yaml"), templates.locale)
    findings = registry.run(score_document(render_document(translated, "summary", templates)), load_config(REPO, None))
    assert [f.message for f in findings if f.check.startswith("translation.")] == []


@pytest.mark.parametrize(("spanish", "fails"), [
    ("Esta revisión actualiza nuestra revisión anterior.", True),  # left out
    ("Esta revisión actualiza nuestra revisión anterior. Los controles pueden reducir un poco la preocupación.", True),
    ("Esta revisión actualiza nuestra revisión anterior. Los controles probablemente reducen un poco la preocupación.",
     False),
])
def test_a_hand_written_certainty_that_names_no_result_is_required_in_a_review_with_results(
        tmp_path: Path, spanish: str, fails: bool) -> None:
    edit = ("  up_to_date: This review updates our previous review.",
            "  up_to_date: This review updates our previous review. Checks probably reduce worry a little.")
    content = _certainty_project(tmp_path, GHC_FOUND, {"up_to_date": spanish}, review_edit=edit)
    found = [f for f in _translation_findings(content) if "summary.up_to_date" in f[2]]
    assert bool(found) == fails, found
    assert all("moderate certainty" in f[2] for f in found)


# --- messages of an invalid translation --------------------------------------------------------------

def _problems(content: Path, name: str = REVIEW, language: str = "es") -> list[str]:
    from plainsum.errors import InputError

    templates = TemplateSet(None)
    try:
        load_translation(content / f"{name}.{language}.yaml", load_review(content / f"{name}.yaml"), templates.locale)
    except InputError as error:
        return [f"{problem.line}:{problem.column}: {problem.message}" for problem in error.problems]
    return []


def _ilsp_with(tmp_path: Path, old: str, new: str, review: tuple[str, str] | None = None) -> Path:
    content = tmp_path / "content"
    content.mkdir(parents=True, exist_ok=True)
    text = (REPO / "content" / f"{REVIEW}.yaml").read_text(encoding="utf-8")
    if review is not None:
        assert review[0] in text
        text = text.replace(*review)
    (content / f"{REVIEW}.yaml").write_text(text, encoding="utf-8")
    translation = (REPO / "content" / f"{REVIEW}.es.yaml").read_text(encoding="utf-8")
    assert old in translation
    (content / f"{REVIEW}.es.yaml").write_text(translation.replace(old, new, 1), encoding="utf-8")
    return content


def test_a_key_message_list_of_one_item_says_item(tmp_path: Path) -> None:
    content = _certainty_project(tmp_path, GHC_FOUND, {"key_messages": [GHC_SPANISH["key_messages"][0]]})  # type: ignore[index]
    problems = _problems(content, GHC)
    assert any("'key_messages' has 1 item; the review's has 2" in problem for problem in problems), problems


def test_a_source_version_of_digits_alone_is_a_version(tmp_path: Path) -> None:
    from plainsum.content.translation import source_fields

    content = _ilsp_with(tmp_path, "sections.main_results.plain: 12d4546d3082", "sections.main_results.plain: 123456789012")
    assert _problems(content) == []
    translated = load_translation(content / f"{REVIEW}.es.yaml", load_review(content / f"{REVIEW}.yaml"), TemplateSet(None).locale)
    assert translated.translation is not None
    assert translated.translation.source_version["sections.main_results.plain"] == "123456789012"
    # one YAML reads as a float (a single 'e' between digits) is taken as written too, and written back quoted
    content = _ilsp_with(tmp_path / "float", "sections.main_results.plain: 12d4546d3082", "sections.main_results.plain: 7143e0235960")
    assert _problems(content) == []
    translated = load_translation(content / f"{REVIEW}.es.yaml", load_review(content / f"{REVIEW}.yaml"), TemplateSet(None).locale)
    assert translated.translation is not None
    assert translated.translation.source_version["sections.main_results.plain"] == "7143e0235960"
    from plainsum.content.translation import yaml_version
    assert [yaml_version(v) for v in ("7143e0235960", "123456789012", "12d4546d3082")] == \
        ["'7143e0235960'", "'123456789012'", "12d4546d3082"]
    # a malformed one says the version to set
    content = _ilsp_with(tmp_path / "bad", "sections.main_results.plain: 12d4546d3082", "sections.main_results.plain: 12d4")
    now = digest(source_fields(load_review(content / f"{REVIEW}.yaml"))["sections.main_results.plain"].template)
    problems = _problems(content)
    assert any("must be 12 hexadecimal digits" in p and f"version now: {now}" in p for p in problems), problems


@pytest.mark.parametrize(("date", "words"), [
    ("2026-13-01", "'2026-13-01' is not a date: there is no month 13"),
    ("2026-02-30", "'2026-02-30' is not a date: February 2026 has days 1 to 28, not 30"),
])
def test_an_impossible_date_is_reported_in_plainsums_words(tmp_path: Path, date: str, words: str) -> None:
    problems = _problems(_ilsp_with(tmp_path, "date: 2026-12-01", f"date: {date}"))
    assert any(words in problem for problem in problems), problems
    assert not any("must be in" in problem or "out of range" in problem for problem in problems), problems


def test_a_filter_given_an_argument_it_does_not_take_is_a_template_error(tmp_path: Path) -> None:
    from plainsum.errors import InputError

    content = _ilsp_with(tmp_path, "date: 2026-12-01", "date: 2026-12-01",
                         ("{{ search_date | long_date }}", '{{ search_date | long_date("x") }}'))
    with pytest.raises(InputError) as raised:
        load_review(content / f"{REVIEW}.yaml")
    messages = [problem.message for problem in raised.value.problems]
    assert any("the filter 'long_date' takes no arguments" in message for message in messages), messages
    assert not any("TypeError" in message or "positional argument" in message for message in messages), messages
    # in a translation, whose filters are its language's
    content = _ilsp_with(tmp_path / "es", "si las inmunoterapias ayudan", 'el {{ search_date | long_date("x") }} si las inmunoterapias ayudan')
    problems = _problems(content)
    assert any("the filter 'long_date' takes no arguments" in problem for problem in problems), problems
    assert not any("TypeError" in problem for problem in problems), problems


def test_french_writes_the_first_of_the_month_as_an_ordinal_and_ordinal_days_are_read() -> None:
    from plainsum.checks.translation import read_dates

    templates = TemplateSet(None)
    french, spanish = templates.locale("fr"), templates.locale("es")
    assert french.long_date(datetime.date(2015, 3, 1)) == "1er mars 2015"
    assert french.long_date(datetime.date(2015, 3, 2)) == "2 mars 2015"
    assert [found.value for found in read_dates("le 1er mars 2015", french)] == [(2015, 3, 1)]
    for written in ("1.º de marzo de 2015", "1º de marzo de 2015", "1 de marzo de 2015"):
        assert [found.value for found in read_dates(f"el {written}", spanish)] == [(2015, 3, 1)], written


# --- sentences paired by field, paragraph and order ----------------------------------------------------

def _paragraphs_project(tmp_path: Path, english: list[str], spanish: list[str]) -> Path:
    """The shipped ILSP review with `english` added to its main results as paragraphs of their own, and
    its Spanish translation with `spanish` added the same way (the French one is the shipped one,
    out of date for that field)."""
    from plainsum.content.translation import source_fields

    content = tmp_path / "content"
    content.mkdir(parents=True, exist_ok=True)
    anchor = "to show whether immunotherapies help people with ILSP."
    review = (REPO / "content" / f"{REVIEW}.yaml").read_text(encoding="utf-8")
    added = "".join(f"\n\n      {paragraph}" for paragraph in english)
    (content / f"{REVIEW}.yaml").write_text(review.replace(anchor, anchor + added), encoding="utf-8")
    version = digest(source_fields(load_review(content / f"{REVIEW}.yaml"))["sections.main_results.plain"].template)
    text = (REPO / "content" / f"{REVIEW}.es.yaml").read_text(encoding="utf-8")
    text = re.sub(r"sections.main_results.plain: \w+", f"sections.main_results.plain: {version}", text)
    spanish_anchor = "si las inmunoterapias ayudan a las personas con PLSI."
    text = text.replace(spanish_anchor, spanish_anchor + "".join(f"\n\n      {paragraph}" for paragraph in spanish))
    (content / f"{REVIEW}.es.yaml").write_text(text, encoding="utf-8")
    return content


def _spanish_findings(content: Path) -> list[tuple[str, int, int, str]]:
    templates = TemplateSet(None)
    translated = load_translation(content / f"{REVIEW}.es.yaml", load_review(content / f"{REVIEW}.yaml"), templates.locale)
    findings = registry.run(score_document(render_document(translated, "summary", templates)), load_config(REPO, None))
    return [(f.check, f.location.line, f.location.column, f.message) for f in findings if f.check.startswith("translation.")]


PAIN, SLEEP = "Steroids probably reduce pain a little.", "Steroids may make little or no difference to sleep."
DOLOR, SUENO = "Los corticoides probablemente reducen un poco el dolor.", "Los corticoides pueden producir poca o ninguna diferencia en el sueño."


def test_each_paragraph_keeps_its_own_certainty(tmp_path: Path) -> None:
    assert _spanish_findings(_paragraphs_project(tmp_path, [PAIN, SLEEP], [DOLOR, SUENO])) == []
    # the two certainties swapped between the paragraphs: the field states both, each sentence the wrong one
    swapped = [DOLOR.replace("probablemente reducen", "pueden reducir"),
               SUENO.replace("pueden producir", "probablemente producen")]
    content = _paragraphs_project(tmp_path / "swapped", [PAIN, SLEEP], swapped)
    found = _spanish_findings(content)
    assert sorted(f[0] for f in found) == ["translation.certainty", "translation.certainty"], found
    for sentence, level, words in ((swapped[0], "(moderate certainty)", "pueden reducir"),
                                   (swapped[1], "(low certainty)", "probablemente producen")):
        line, column = _line_column(content, f"{REVIEW}.es.yaml", words)
        assert any((f[1], f[2]) == (line, column) and level in f[3] and sentence in f[3] for f in found), (found, words)


def test_a_certainty_of_another_paragraph_is_not_this_sentences(tmp_path: Path) -> None:
    # a heading-like line and a background sentence with "may" before the results: the background's "pueden"
    # does not stand in for the result sentence's "may", nor the result's for the background's
    english = ["What is ILSP?", "ILSP may cause pain in the legs.", SLEEP]
    spanish = ["¿Qué es la PLSI?", "La PLSI puede causar dolor en las piernas.", SUENO]
    assert _spanish_findings(_paragraphs_project(tmp_path, english, spanish)) == []
    dropped = [*spanish[:2], "Los corticoides producen poca o ninguna diferencia en el sueño."]
    found = _spanish_findings(_paragraphs_project(tmp_path / "dropped", english, dropped))
    assert [f[0] for f in found] == ["translation.certainty"], found
    assert "(low certainty)" in found[0][3] and "(high certainty)" in found[0][3], found


def test_a_sentence_split_in_two_is_paired_with_both(tmp_path: Path) -> None:
    english = [PAIN[:-1] + ", but they may make little or no difference to sleep."]
    split = ["Los corticoides probablemente reducen un poco el dolor. Pueden producir poca o ninguna diferencia en el sueño."]
    assert _spanish_findings(_paragraphs_project(tmp_path, english, split)) == []
    changed = [split[0].replace("probablemente reducen", "reducen")]
    found = _spanish_findings(_paragraphs_project(tmp_path / "changed", english, changed))
    assert [f[0] for f in found] in (["translation.certainty"], ["translation.certainty-unaligned"]), found
    assert "(moderate certainty)" in found[0][3], found


def test_a_field_laid_out_in_other_paragraphs_is_compared_as_a_whole(tmp_path: Path) -> None:
    # the translation has a paragraph fewer: its sentences cannot be paired, the field's levels are compared
    content = _paragraphs_project(tmp_path, [PAIN, "We found no trials of other treatments.", SLEEP], [DOLOR, SUENO])
    assert [f for f in _spanish_findings(content) if f[0].startswith("translation.certainty")] == []
    # "may" left out of the whole field: sure, an error at the field
    content = _paragraphs_project(tmp_path / "gone", [PAIN, "We found no trials of other treatments.", SLEEP], [DOLOR])
    found = [f for f in _spanish_findings(content) if f[0].startswith("translation.certainty")]
    assert [f[0] for f in found] == ["translation.certainty"], found
    assert "(low certainty)" in found[0][3] and "other paragraphs" in found[0][3], found
    # "may" said twice in the source and once in the translation: which one is missing is a guess, a warning
    twice = "Steroids may make little or no difference to mood."
    content = _paragraphs_project(tmp_path / "once", [PAIN, twice, SLEEP], [DOLOR, SUENO])
    found = [f for f in _spanish_findings(content) if f[0].startswith("translation.certainty")]
    assert [f[0] for f in found] == ["translation.certainty-unaligned"], found
    assert "(low certainty)" in found[0][3], found


def test_a_number_moved_to_another_sentence_fails_at_the_number(tmp_path: Path) -> None:
    english = ["We found 15 trials.", "Pain was lower at 12 months."]
    good = ["Encontramos 15 ensayos.", "El dolor fue menor a los 12 meses."]
    assert _spanish_findings(_paragraphs_project(tmp_path, english, good)) == []
    moved = [good[0], good[1].replace("12", "15")]
    content = _paragraphs_project(tmp_path / "moved", english, moved)
    found = [f for f in _spanish_findings(content) if "source sentence" in f[3]]
    line, column = _line_column(content, f"{REVIEW}.es.yaml", "15 meses")
    assert [(f[0], f[1], f[2]) for f in found] == [("translation.numbers", line, column)], found
    assert "not a number of the source sentence it translates" in found[0][3] and "has 12 here" in found[0][3], found
    # (the field as a whole also lacks the 12: reported at the field, as before)
    assert any("the number 12 of the source text" in f[3] for f in _spanish_findings(content))


def test_a_number_said_more_often_than_in_its_source_sentence_fails_there(tmp_path: Path) -> None:
    # every value of the source sentence is still there, but one of them in the place of another
    english = ["Dilation from less than 4 cm to 5 cm and from 4 cm to 5 cm or more did not differ."]
    good = ["La dilatación de menos de 4 cm a 5 cm y de 4 cm a 5 cm o más no difirió."]
    assert _spanish_findings(_paragraphs_project(tmp_path, english, good)) == []
    changed = ["La dilatación de menos de 4 cm a 5 cm y de 5 cm a 5 cm o más no difirió."]
    content = _paragraphs_project(tmp_path / "changed", english, changed)
    found = [f for f in _spanish_findings(content) if f[0] == "translation.numbers"]
    assert len(found) == 1 and "more often" in found[0][3], found
    line, _ = _line_column(content, f"{REVIEW}.es.yaml", changed[0])
    assert found[0][1] == line, found


def test_alignment_pairs_split_and_merged_sentences_by_their_numbers() -> None:
    from plainsum.checks.alignment import align

    def split(text: str) -> list[tuple[int, str]]:
        return [(m.start(), m.group()) for m in re.finditer(r"[^.]+\.\s*", text)]

    def numbers(text: str) -> frozenset[object]:
        return frozenset(re.findall(r"\d+", text))

    source = "We found 12 trials. They had 300 people and lasted 6 weeks. Pain fell.\nA second paragraph."
    translated = "Encontramos 12 ensayos. Tenían 300 personas. Duraron 6 semanas. El dolor bajó.\nUn segundo párrafo."
    blocks = align(source, translated, split, split, numbers, numbers)
    assert blocks is not None and len(blocks) == 2
    groups = [([s.text.strip() for s in g.source], [t.text.strip() for t in g.translated], g.exact) for g in blocks[0].groups]
    assert groups == [
        (["We found 12 trials."], ["Encontramos 12 ensayos."], True),
        (["They had 300 people and lasted 6 weeks."], ["Tenían 300 personas.", "Duraron 6 semanas."], True),
        (["Pain fell."], ["El dolor bajó."], True),
    ], groups
    merged = align(translated, source, split, split, numbers, numbers)
    assert merged is not None and [len(g.source) for g in merged[0].groups] == [1, 2, 1]
    assert align(source, translated.replace("\n", " "), split, split, numbers, numbers) is None  # paragraphs differ


# A translated sentence, paired one for one with its source sentence, that states in words a level its
# source states nowhere (by a certainty phrase, or the level words of a statement of certainty): an error,
# whether or not the source sentence claims an effect about a result. A source sentence that states no
# level is not held to it ("can" is no certainty word; "pueden" is).
ADDED_LEVELS = {
    "flag": [
        ("We are not confident in the evidence from these studies.", "Estamos bastante seguros de la evidencia de estos estudios."),
        ("We have very low certainty in these results.", "Tenemos certeza alta en estos resultados."),
        ("Because of the low quality of the evidence, we cannot say whether steroids help.",
         "Debido a la calidad alta de la evidencia, no podemos decir si los corticoides ayudan."),
        ("We are uncertain if these results are true for everyone.", "Estamos bastante seguros de que estos resultados valen para todos."),
        (PAIN[:-1] + " (moderate-certainty evidence).", DOLOR[:-1] + " (evidencia de certeza alta)."),
        # as many certainty words as the source, one of them of another level (each level still said somewhere)
        ("Steroids probably reduce pain and may make little or no difference to sleep.",
         "Los corticoides probablemente reducen el dolor y probablemente producen poca o ninguna diferencia en el sueño."),
        ("Steroids probably reduce pain, probably reduce fever and may reduce sleep.",
         "Los corticoides pueden reducir el dolor, probablemente reducen la fiebre y pueden reducir el sueño."),
    ],
    "pass": [
        ("Steroids probably reduce pain and may make little or no difference to sleep.",
         "Los corticoides probablemente reducen el dolor y pueden producir poca o ninguna diferencia en el sueño."),
        # a word of certainty dropped or added in the repetition: not one of another level
        ("Steroids probably reduce pain and probably reduce fever.", "Los corticoides probablemente reducen el dolor y la fiebre."),
        ("We are not confident in the evidence from these studies.", "No estamos seguros de la evidencia de estos estudios."),
        ("We have very low certainty in these results.", "Tenemos certeza muy baja en estos resultados."),
        ("Because of the low quality of the evidence, we cannot say whether steroids help.",
         "Debido a la calidad baja de la evidencia, no podemos decir si los corticoides ayudan."),
        ("Steroids can be taken by mouth.", "Los corticoides se pueden tomar por la boca."),  # the source states no level
        (PAIN[:-1] + " (moderate-certainty evidence).", DOLOR[:-1] + " (evidencia de certeza moderada)."),
    ],
}


@pytest.mark.parametrize(("english", "spanish"), ADDED_LEVELS["flag"])
def test_a_level_the_source_sentence_states_nowhere_is_an_error(tmp_path: Path, english: str, spanish: str) -> None:
    found = [f for f in _spanish_findings(_paragraphs_project(tmp_path, [english], [spanish])) if f[0].startswith("translation.certainty")]
    assert [f[0] for f in found] == ["translation.certainty"], found
    line, _ = _line_column(tmp_path / "content", f"{REVIEW}.es.yaml", spanish)
    assert found[0][1] == line, found


@pytest.mark.parametrize(("english", "spanish"), ADDED_LEVELS["pass"])
def test_a_level_the_source_sentence_states_passes(tmp_path: Path, english: str, spanish: str) -> None:
    found = [f for f in _spanish_findings(_paragraphs_project(tmp_path, [english], [spanish])) if f[0].startswith("translation.certainty")]
    assert found == [], found


def test_a_number_missing_from_a_translation_is_reported_at_its_sentence(tmp_path: Path) -> None:
    english = ["We found 15 trials.", "Pain was lower from 10 to 12 days after treatment."]
    good = ["Encontramos 15 ensayos.", "El dolor fue menor de 10 a 12 días después del tratamiento."]
    assert _spanish_findings(_paragraphs_project(tmp_path, english, good)) == []
    changed = [good[0], good[1].replace("10", "12")]
    content = _paragraphs_project(tmp_path / "changed", english, changed)
    found = [f for f in _spanish_findings(content) if "the number 10 of the source text" in f[3]]
    line, column = _line_column(content, f"{REVIEW}.es.yaml", "El dolor fue menor de 12")
    assert [(f[0], f[1], f[2]) for f in found] == [("translation.numbers", line, column)], found
    assert "El dolor fue menor de 12 a 12 días" in found[0][3], found
