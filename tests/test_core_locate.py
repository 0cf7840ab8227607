"""Every sentence of a rendered document points back at where its author wrote it in the YAML file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import REPO

from plainsum.content.loader import load_review
from plainsum.readability.score import score_document
from plainsum.render.document import render_documents
from plainsum.render.templates import TemplateSet

REVIEW_FILE = REPO / "content" / "ilsp-immunotherapy.yaml"


def first_word(text: str) -> str:
    return re.match(r"\W*(\w+)", text).group(1)


@pytest.mark.parametrize("kind", ["abstract", "summary"])
def test_each_sentence_maps_to_its_first_word_in_the_yaml(kind):
    review = load_review(REVIEW_FILE)
    lines = REVIEW_FILE.read_text(encoding="utf-8").splitlines()
    document = next(d for d in render_documents(review, TemplateSet(REPO / "templates")) if d.kind == kind)
    scored = score_document(document)
    checked = 0
    for sentence in scored.sentences:
        location = document.locate(sentence.offset, sentence.text)
        if location.path.endswith(".j2"):
            continue  # a sentence written in the template, such as the search-date line
        assert location.path.endswith("ilsp-immunotherapy.yaml")
        written = lines[location.line - 1][location.column - 1 :]
        assert written.startswith(first_word(sentence.text)), (sentence.text, location)
        checked += 1
    assert checked >= 5


def test_sentence_after_a_fact_maps_past_the_expression(tmp_path: Path):
    source = REVIEW_FILE.read_text(encoding="utf-8")
    path = tmp_path / "ilsp-immunotherapy.yaml"
    path.write_text(source, encoding="utf-8")
    review = load_review(path)
    document = next(d for d in render_documents(review, TemplateSet(REPO / "templates")) if d.kind == "abstract")
    offset = document.body.index("We scanned conference abstracts")
    location = document.locate(offset)
    lines = source.splitlines()
    following = " ".join([lines[location.line - 1][location.column - 1 :], *lines[location.line :]])
    assert " ".join(following.split()).startswith("We scanned conference abstracts")


def test_template_sentences_point_at_the_template():
    review = load_review(REVIEW_FILE)
    document = next(d for d in render_documents(review, TemplateSet(REPO / "templates")) if d.kind == "summary")
    offset = document.body.index("Database searches for this review")
    location = document.locate(offset, "Database searches for this review were run on 15 October 2013.")
    assert location.path.endswith("summary/classic.md.j2")
    template_line = (REPO / "templates" / "summary" / "classic.md.j2").read_text(encoding="utf-8").splitlines()[location.line - 1]
    assert template_line[location.column - 1 :].startswith("Database searches")


@pytest.mark.parametrize(
    "yaml_value",
    [
        "plain words then Target word here",
        '"double quoted \\"escape\\" then Target word here"',
        "'single quoted it''s then Target word here'",
        ">-\n  folded block over\n  two lines then Target word here",
        "|-\n  literal block\n  then Target word here",
    ],
)
def test_scalar_positions_in_every_yaml_style(tmp_path: Path, yaml_value: str):
    from plainsum.content.sourcemap import LineIndex, ScalarMap
    from plainsum.files.yamlsource import load_yaml

    path = tmp_path / "x.yaml"
    path.write_text(f"key: {yaml_value}\n", encoding="utf-8")
    source, root = load_yaml(path, "x.yaml")
    node = root.value["key"]
    offset = node.value.index("Target")
    line, column = LineIndex(source.text).line_column(ScalarMap(source, node).absolute(offset))
    assert source.text.splitlines()[line - 1][column - 1 :].startswith("Target word here")
