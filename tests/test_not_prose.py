"""Only prose is scored: reference lists, tables, code, URLs and DOIs are left out, and the figures say so."""

from __future__ import annotations

import json

from conftest import REPO, run_cli

from plainsum.config.settings import load_config
from plainsum.content.loader import load_review
from plainsum.project.flow import evaluate
from plainsum.readability.score import score_markdown
from plainsum.render.templates import TemplateSet

TABLE = """## What did we find?

Exercise helped a little. Few people had side effects.

| Outcome | With exercise | Without exercise | Studies |
|---|---|---|---|
| Pain (0 to 10) | 4.1 | 5.0 | 6 trials. 700 people. |
| Falls | 12 in 100 | 15 in 100 | 3 trials. |
"""


def test_the_primary_studys_abstract_leaves_its_references_out():
    from plainsum.gate.settings import load_config as load_project_config

    config = load_project_config(REPO)
    review = load_review(REPO / "content" / "ivig-dlrpn.yaml")
    abstract = next(r for r in evaluate(review, TemplateSet(config.templates_dir), config) if r.document.kind == "abstract")
    assert abstract.scored.not_scored == {"references": 13}
    figures = abstract.scored.figures
    # 453 words in 54 "sentences" with the 13 references; the prose alone is about 250 words in 17
    assert 230 <= figures["words"] <= 270 and figures["sentences"] == 17
    assert not any("Painful diabetic neuropathy" in sentence.text for sentence in abstract.scored.sentences)
    assert load_config  # the config module stays importable on its own


def test_a_table_in_a_document_is_not_counted_as_sentences():
    scored = score_markdown(TABLE, min_words=0)
    assert [s.text for s in scored.sentences] == ["Exercise helped a little.", "Few people had side effects."]
    assert scored.not_scored == {"tables": 1}
    assert scored.figures["words"] == 9


def test_a_list_of_references_given_to_score_is_left_out():
    text = ("Exercise helps older people avoid falls.\n\n"
            "- Sherrington C, Fairhall N, Wallbank G. Exercise for preventing falls. Cochrane Database Syst Rev 2019;1:CD012424.\n"
            "- Gillespie LD, Robertson MC. Interventions for preventing falls. BMJ 2012;344:e1234. doi:10.1136/bmj.e1234\n")
    scored = score_markdown(text, min_words=0)
    assert [s.text for s in scored.sentences] == ["Exercise helps older people avoid falls."]
    assert scored.not_scored == {"references": 2}


def test_urls_dois_and_code_are_not_words():
    text = ("Read the review at https://doi.org/10.1002/14651858.CD009009.pub3 today.\n\n"
            "```\nscore = 206.835 - 1.015 * asl\n```\n")
    scored = score_markdown(text, min_words=0)
    assert [w.word for w in scored.sentences[0].words] == ["Read", "the", "review", "at", "today"]
    assert scored.not_scored == {"code": 1, "links": 1}


def test_score_says_what_it_left_out():
    result = run_cli("score", "-", input=TABLE, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "not scored: 1 table" in result.stdout
    data = json.loads(run_cli("score", "--format", "json", "-", input=TABLE, cwd=REPO, timeout=120).stdout)
    assert data["not_scored"] == {"tables": 1} and data["sentences"] == 2


def test_check_says_references_are_not_scored():
    result = run_cli("check", "content/ivig-dlrpn.yaml", cwd=REPO, timeout=300)
    assert "ivig-dlrpn/abstract: pass (" in result.stdout
    assert "references not scored" in result.stdout.splitlines()[0]


def test_a_plain_text_reference_list_is_not_prose():
    # seed 003 (a primary study's abstract as plain text) ends with 13 references, "[1]  A. Veves,et al.  Painful
    # diabetic neuropathy ... , 2008, Pain medicine.": read as prose they made 56 sentences and 481 words
    from conftest import SEEDS

    seed = SEEDS / "003_82ff7993ffefc0d2.txt"
    result = run_cli("score", str(seed), "--format", "json", cwd=REPO)
    data = json.loads(result.stdout)
    assert data["not_scored"] == {"references": 13}
    assert (data["sentences"], data["words"]) == (19, 263)
    text = run_cli("score", str(seed), cwd=REPO).stdout
    assert "not scored: 13 references" in text


def test_reference_lines_of_every_style_are_left_out_and_prose_is_not():
    references = [
        "[2]  R. Meyer,et al.  Mechanisms of Neuropathic Pain , 2006, Neuron.",
        "1. Veves A, Backonja M, Malik RA. Painful diabetic neuropathy. Pain Med 2008;9:660-74.",
        "2) Smith, J. (2010). Exercise for back pain. London: Health Press.",
        "Veves A, Backonja M. Painful diabetic neuropathy. Pain Med. 2008.",
        "Smith J, et al. Walking for back pain. BMJ 2019.",
    ]
    prose = [
        "The U.S. Food and Drug Administration approved the drug in 2015.",
        "Smith and colleagues found in 2019 that walking helped.",
        "1. We recruited 20 people in 2019.",
        "Cochrane UK, in 2019, published the review.",
        "J. Smith led the trial from 2010 to 2012.",
        "RESULTS A total of 300 people took part in 2018.",
    ]
    for line in references:
        scored = score_markdown(line, min_words=0)
        assert scored.not_scored.get("references") == 1 and not scored.sentences, line
    for line in prose:
        scored = score_markdown(line, min_words=0)
        assert "references" not in scored.not_scored and scored.sentences, line
