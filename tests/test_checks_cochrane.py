"""Tables of reviews each Cochrane 2021 rule must flag and must pass.

The rules only apply to a review with the cochrane-2021 layout, so each text here is a small
review file (built by `review_yaml` from test_checks_plain); free text is never flagged.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import case_params
from test_checks_plain import review_yaml, scored_review

from plainsum.checks import registry
from plainsum.gate.settings import load_config
from plainsum.readability.score import score_document, score_markdown
from plainsum.render.document import render_document, text_document
from plainsum.render.templates import TemplateSet

FILLER = " ".join(["We looked at how people felt after one year of exercise."] * 40)  # 400 words

CASES: dict[str, dict[str, list[str]]] = {
    "cochrane.headings": {
        "flag": [
            review_yaml().replace("what_is_heading: What is low back pain?", "what_is_heading: About back pain"),
            review_yaml().replace("what_is_heading: What is low back pain?", "what_is_heading: What did we find?"),
        ],
        "pass": [
            review_yaml(),
            review_yaml().replace("what_is_heading: What is low back pain?", "what_is_heading: What are back exercises?"),
        ],
    },
    "cochrane.key-messages": {
        "flag": [
            review_yaml(key_messages=("Exercise may reduce pain a little.",)),
            review_yaml(key_messages=("One.", "Two.", "Three.", "Four.")),
        ],
        "pass": [
            review_yaml(key_messages=("Exercise may reduce pain a little.", "We need more studies.")),
            review_yaml(key_messages=("One message.", "Two messages.", "Three messages.")),
        ],
    },
    "cochrane.length": {
        "flag": [
            review_yaml(),  # far fewer than 400 words
            review_yaml(what_we_found=FILLER + " " + FILLER + " " + FILLER),
        ],
        "pass": [
            review_yaml(what_we_found=FILLER),
        ],
    },
    "cochrane.title": {
        "flag": [
            review_yaml(plain_title="Exercise for back pain."),
        ],
        "pass": [
            review_yaml(plain_title="Exercise for back pain"),
            review_yaml(plain_title="Does exercise help back pain?"),
        ],
    },
}


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory):
    return load_config(tmp_path_factory.mktemp("empty-project"))


@pytest.mark.parametrize("check_id,text", case_params(CASES, "flag"))
def test_flags(check_id: str, text: str, config, tmp_path: Path) -> None:
    flags = list(registry[check_id].function(scored_review(text, tmp_path), config))
    assert flags and all(flag.message and flag.suggestion for flag in flags)


@pytest.mark.parametrize("check_id,text", case_params(CASES, "pass"))
def test_passes(check_id: str, text: str, config, tmp_path: Path) -> None:
    flags = list(registry[check_id].function(scored_review(text, tmp_path), config))
    assert not flags, [flag.message for flag in flags]


@pytest.mark.parametrize("check_id", sorted(CASES))
def test_free_text_is_not_checked(check_id: str, config) -> None:
    text = "## Key messages\n\n- One.\n\nA title with a full stop."
    assert not list(registry[check_id].function(score_markdown(text), config))


def test_headings_out_of_order_in_a_project_template(config, tmp_path: Path) -> None:
    """A project's own template that swaps two headings is caught."""
    from plainsum.content.loader import load_review

    path = tmp_path / "tiny.yaml"
    path.write_text(review_yaml(), encoding="utf-8")
    review = load_review(path)
    templates = TemplateSet(None)
    document = render_document(review, "summary", templates)
    swapped = document.body.replace("## What did we do?", "## TEMP").replace(
        "## What did we find?", "## What did we do?").replace("## TEMP", "## What did we find?")
    document.body = swapped
    flags = list(registry["cochrane.headings"].function(score_document(document), config))
    assert any("out of order" in flag.message for flag in flags)


def test_classic_layout_is_not_held_to_2021_rules(config) -> None:
    from plainsum.content.loader import load_review

    review = load_review(Path(__file__).resolve().parent.parent / "content" / "ilsp-immunotherapy.yaml")
    document = render_document(review, "summary", TemplateSet(None))
    scored = score_document(document)
    for check_id in ("cochrane.headings", "cochrane.key-messages", "cochrane.length"):
        assert not list(registry[check_id].function(scored, config))


def test_up_to_date_line_comes_from_the_search_date(tmp_path: Path) -> None:
    scored = scored_review(review_yaml(), tmp_path)
    body = scored.document.body
    assert "## How up to date is this evidence?\n\nThe evidence is up to date to March 2020." in body
    headings = [line[3:] for line in body.splitlines() if line.startswith("## ")]
    assert headings == ["Key messages", "What is low back pain?", "What did we want to find out?",
                        "What did we do?", "What did we find?", "What are the limitations of the evidence?",
                        "How up to date is this evidence?"]
    assert text_document("x").review is None
