"""Tables of translated fields each fact-parity check must flag and must pass.

Each text is the Spanish translation of one field, `sections.main_results.plain`, of a copy of
the shipped ILSP review whose English field states numbers and a date (SOURCE); the rest of the
translation is the shipped Spanish one. The out-of-date check's texts are source versions. The
certainty check's texts are the Spanish `what_we_found` of general-health-checks (results as data).
"""

from __future__ import annotations

import datetime
import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO, case_params

from plainsum.checks import registry
from plainsum.content import digest, load_review, load_translation
from plainsum.gate import load_config
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
        ],
        "pass": [
            GOOD,
            GOOD.replace("12 ensayos", "doce ensayos"),  # in words
            GOOD.replace("3008", "3.008"),  # with a thousands separator
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
    "total_mortality": {"outcome": "la probabilidad de morir por cualquier causa"},
}
# what_we_found of the review, as the Spanish field would hold it: the statements come from the grid
GHC_FOUND = ("Encontramos {{ included_trials }} estudios. En comparación con ninguna invitación: " + GHC_RESULT + " "
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


def _certainty_project(tmp_path: Path, field: str) -> Path:
    """general-health-checks and a Spanish translation whose what_we_found is `field` (the other
    fields keep the English text: only the certainty check reads this translation)."""
    import yaml

    from plainsum.content.translation import source_fields

    content = tmp_path / "content"
    content.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "content" / f"{GHC}.yaml", content / f"{GHC}.yaml")
    review = load_review(content / f"{GHC}.yaml")
    fields = source_fields(review)
    data: dict[str, object] = {"language": "es", "translators": ["test"], "date": datetime.date(2026, 12, 1),
                               "source_version": {key: digest(prose.template) for key, prose in fields.items()},
                               "terms": GHC_TERMS, "plain_title": review.plain_title.template, "summary": {}}
    summary: dict[str, object] = data["summary"]  # type: ignore[assignment]
    for key, part in review.summary.items():
        summary[key] = [p.template for p in part] if isinstance(part, list) else part.template
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
    name = GHC if check_id == "translation.certainty" else REVIEW
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
