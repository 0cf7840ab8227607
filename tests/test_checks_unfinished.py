"""Tables of review files the unfinished-work checks must flag and must pass (both documents are checked)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import case_params
from test_checks_plain import review_yaml

from plainsum.checks import registry
from plainsum.content.loader import load_review
from plainsum.gate.settings import load_config
from plainsum.readability.score import score_document
from plainsum.render.document import render_documents
from plainsum.render.templates import TemplateSet

CASES: dict[str, dict[str, list[str]]] = {
    "content.unfinished": {
        "flag": [
            review_yaml(what_we_found="TODO the studies we found."),
            review_yaml(plain_title="TODO a plain title"),
            review_yaml().replace("title: Exercise therapy", "title: TODO Exercise therapy"),
            review_yaml().replace("search_date: 2020-03-15", "search_date: 2020-03-15  # TODO the real date"),
            review_yaml().replace("background: {technical: Low back pain is common.}",
                                  "background: {technical: Low back pain is common. TODO say more.}"),
        ],
        "pass": [
            review_yaml(),
            review_yaml(what_we_found="We found 12 studies; a to-do list helped people keep exercising."),
            review_yaml(what_we_found="We found 12 studies of TODOS, a made-up name."),
        ],
    },
    "results.size-unset": {
        "flag": [review_yaml().replace("    size: small\n", "")],
        "pass": [review_yaml()],
    },
}


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory):
    return load_config(tmp_path_factory.mktemp("empty-project"))


def flags_of(check_id: str, text: str, config, tmp_path: Path) -> list:
    path = tmp_path / "tiny.yaml"
    path.write_text(text, encoding="utf-8")
    review = load_review(path)
    flags = []
    for document in render_documents(review, TemplateSet(None)):
        if document.kind in registry[check_id].documents:
            flags.extend(registry[check_id].function(score_document(document), config))
    return flags


@pytest.mark.parametrize("check_id,text", case_params(CASES, "flag"))
def test_flags(check_id: str, text: str, config, tmp_path: Path) -> None:
    flags = flags_of(check_id, text, config, tmp_path)
    assert flags and all(flag.message and flag.suggestion for flag in flags)


@pytest.mark.parametrize("check_id,text", case_params(CASES, "pass"))
def test_passes(check_id: str, text: str, config, tmp_path: Path) -> None:
    assert not flags_of(check_id, text, config, tmp_path)


def test_a_todo_outside_the_prose_is_reported_once_at_its_line_and_column(config, tmp_path: Path) -> None:
    text = review_yaml().replace("search_date: 2020-03-15", "search_date: 2020-03-15  # TODO the real date")
    flags = flags_of("content.unfinished", text, config, tmp_path)
    assert len(flags) == 1 and flags[0].location is not None
    line = text.split("\n")[flags[0].location.line - 1]
    assert line[flags[0].location.column - 1:].startswith("TODO the real date")
    assert "the real date" in flags[0].message


def test_a_result_without_size_is_worded_without_size_words_and_named(config, tmp_path: Path) -> None:
    text = review_yaml().replace("    size: small\n", "")
    [flag] = flags_of("results.size-unset", text, config, tmp_path)
    assert "'pain'" in flag.message and "Exercise may reduce pain." in flag.suggestion
    assert registry["results.size-unset"].severity == "warning"
