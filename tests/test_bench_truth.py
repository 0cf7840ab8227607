"""The truth set of `python -m bench truth` (bench/truth/): its data loads and every encoded review is
one plainsum accepts, and its mutation rules make the edits they promise, deterministically.

The encodings and verdicts are checked without the corpus (each encoding's facts and results in a
review of placeholder prose); with ../shared/corpus present, each review is also built as the
benchmark builds it, from its corpus record. Without the corpus that part skips, except under CI,
where the corpus is always beside the clone and its absence is a failure."""

from __future__ import annotations

import os
import re

import pytest
import yaml
from conftest import CORPUS

from bench.truth import is_truth_check, load_encodings, load_set_aside, load_verdicts, plainsum_results
from bench.truth.mutants import CLASSES, certainty, direction, no_effect, number, other_number, stale_count, stale_date

PLACEHOLDER = "Placeholder text written for this test."


def placeholder_review(review_id: str, encoding: dict) -> dict:
    sections = ("background", "objectives", "search_methods", "selection_criteria", "data_collection", "main_results",
                "authors_conclusions")
    return {"id": review_id, "kind": "cochrane-review", "layout": "as-published", "title": "A title", "plain_title": "A plain title",
            "language": "en", "facts": encoding.get("facts") or {}, "sections": {key: {"technical": PLACEHOLDER} for key in sections},
            "summary": {"text": PLACEHOLDER}, "results": plainsum_results(encoding)}


def test_the_set_has_what_the_issue_asks():
    encodings = load_encodings()
    assert len(encodings) >= 20
    styles = [e["style"] for e in encodings.values()]
    assert styles.count("pre-2021") + styles.count("long") >= 3
    assert styles.count("2021") >= 3
    assert sum(1 for e in encodings.values() if e.get("comparisons", 1) > 1) >= 3
    levels = {r["certainty"] for e in encodings.values() for r in e["results"]}
    assert levels == {"high", "moderate", "low", "very low"}
    sizes = {r.get("size") for e in encodings.values() for r in e["results"]}
    assert {"little or no difference", "small", "moderate", "large"} <= sizes
    assert len({e["doi"] for e in encodings.values()}) == len(encodings)


def test_the_set_is_the_draw_minus_the_reasons_given():
    from bench.truth import HERE

    selection = yaml.safe_load((HERE / "selection.yaml").read_text(encoding="utf-8"))
    drawn = [item for pool in selection["drawn"].values() for item in pool]
    assert all(item["taken"] or item.get("reason") for item in drawn)
    assert {item["doi"] for item in drawn if item["taken"]} == {e["doi"] for e in load_encodings().values()}


def test_every_encoded_review_loads_in_plainsum(tmp_path):
    from plainsum.content.loader import load_review

    for review_id, encoding in load_encodings().items():
        path = tmp_path / f"{review_id}.yaml"
        path.write_text(yaml.safe_dump(placeholder_review(review_id, encoding), allow_unicode=True, sort_keys=False), encoding="utf-8")
        review = load_review(path)  # raises InputError with file:line:col for an invalid encoding
        assert [r.id for r in review.results] == [r["id"] for r in encoding["results"]]


def test_every_verdict_names_an_encoded_review_and_a_digest():
    encodings = load_encodings()
    verdicts = load_verdicts()
    for verdict in verdicts:
        assert verdict.review in encodings or verdict.review == "ilsp-immunotherapy", verdict
        assert re.fullmatch(r"[0-9a-f]{12}", verdict.sentence), verdict
        assert is_truth_check(verdict.check), verdict
    keys = [(v.review, v.check, v.sentence, v.detail) for v in verdicts]
    assert len(keys) == len(set(keys)), "one verdict per finding"
    for review, cls, sentence, _ in load_set_aside():
        assert review in encodings or review == "ilsp-immunotherapy"
        assert cls in CLASSES and re.fullmatch(r"[0-9a-f]{12}", sentence)


@pytest.mark.skipif(not CORPUS.is_file() and not os.environ.get("CI"), reason="corpus not available")
def test_every_review_builds_from_its_corpus_record(tmp_path):
    from bench.truth.mutants import review_mutants
    from bench.truth.project import build_review, read_corpus
    from plainsum.content.loader import load_review

    encodings = load_encodings()
    records = read_corpus(CORPUS, {e["doi"] for e in encodings.values()})
    assert set(records) == {e["doi"] for e in encodings.values()}
    for review_id, encoding in encodings.items():
        project = build_review(records[encoding["doi"]], encoding)
        assert project.review_id == review_id
        assert project.data["layout"] == encoding.get("layout", "as-published")
        project.data["results"] = plainsum_results(encoding)
        path = tmp_path / f"{review_id}.yaml"
        path.write_text(project.yaml(), encoding="utf-8")
        load_review(path)
        # the mutants are the same every run: a rule and a seeded draw, nothing hand-picked
        first = [m.as_dict() for m in review_mutants(project, encoding, 23)]
        assert first == [m.as_dict() for m in review_mutants(build_review(records[encoding["doi"]], encoding), encoding, 23)]
        assert all(m["sentence"] != m["mutated"] for m in first)


@pytest.mark.parametrize(("rule", "sentence", "expected"), [
    (direction, "Exercise probably reduces pain.", "Exercise probably increases pain."),
    (direction, "Fewer people died with aspirin.", "More people died with aspirin."),
    (certainty, "Exercise probably reduces pain.", "Exercise possibly reduces pain."),
    (certainty, "Exercise may reduce pain.", "Exercise will probably reduce pain."),
    (certainty, "The certainty of the evidence was low.", "The certainty of the evidence was high."),
    (certainty, "This is moderate-certainty evidence.", "This is high-certainty evidence."),
    (no_effect, "Exercise may make little or no difference to pain.", "Exercise may reduce pain."),
    (no_effect, "There may be little or no difference in deaths.", "There may be a large difference in deaths."),
    (no_effect, "Aspirin did not reduce deaths.", "Aspirin reduced deaths."),
    (number, "We found 12 studies.", "We found 15 studies."),
    (number, "We found twelve studies.", "We found thirteen studies."),
])
def test_a_rule_makes_its_edit(rule, sentence, expected):
    assert expected in [new for new, _ in rule(sentence)]


def test_rules_leave_what_is_no_claim_alone():
    assert direction("We found more than 1000 people in the studies.") == []
    assert direction("More research is needed.") == []
    assert number("The evidence is up to date to March 2021.") == []
    assert certainty("The review was published in May 2019.") == []


def test_another_results_figure_is_swapped_in_only_for_a_figure_of_one_result():
    results = [{"id": "deaths", "studies": 12, "participants": 4728}, {"id": "strokes", "studies": 9, "participants": 3100}]
    assert [new for new, _ in other_number("Deaths were looked at in 4728 people.", results)] == ["Deaths were looked at in 3100 people."]
    assert other_number("Both were looked at in 30 people.", results) == []


def test_stale_values_come_with_the_earlier_version():
    import datetime

    facts = {"search_date": datetime.date(2021, 3, 4), "studies": 34}
    [(new, _, previous)] = stale_date("The evidence is up to date to March 2021.", facts)
    assert new == "The evidence is up to date to March 2020." and previous["search_date"].year == 2020
    [(new, _, previous)] = stale_count("We found 34 studies.", facts)
    assert new == "We found 31 studies." and previous["studies"] == 31


def test_classes_are_the_issues():
    assert set(CLASSES) == {"number", "direction", "certainty", "stale-date", "stale-count", "no-effect", "other-number", "translation"}


def test_figures_are_given_for_the_whole_set_and_each_group(capsys):
    from bench.truth import Verdict, print_table, sentence_key, summarise
    from bench.truth.mutants import Mutant
    from bench.truth.project import Field

    encodings = {"old": {"doi": "a", "style": "2021"}, "new": {"doi": "b", "style": "long", "group": "held-out"}}
    where = Field(("summary", "text"), "Key results", "x")

    def finding(sentence: str, severity: str = "error") -> dict:
        return {"check": "results.direction", "severity": severity, "sentence": sentence, "message": "m"}

    base = {"old": [finding("Old right.")], "new": [finding("New wrong.")]}
    verdicts = [Verdict("old", "results.direction", sentence_key("Old right."), True, "r"),
                Verdict("new", "results.direction", sentence_key("New wrong."), False, "f")]
    mutants = [Mutant("old-m001", "old", "direction", where, "A.", "B.", "a -> b"),
               Mutant("new-m001", "new", "direction", where, "C.", "D.", "c -> d"),
               Mutant("new-m002", "new", "certainty", where, "E.", "F.", "e -> f")]
    after = {"old-m001": [finding("B.")], "new-m001": [finding("D.")], "new-m002": [finding("F.", "warning")]}
    result = summarise(encodings, base, after, mutants, verdicts, {})
    assert result["overall"]["precision"] == 0.5 and result["overall"]["recall"] == round(2 / 3, 3)
    old, new = result["groups"]["original"], result["groups"]["held-out"]
    assert (old["reviews"], old["overall"]["precision"], old["overall"]["recall"]) == (1, 1.0, 1.0)
    assert (new["reviews"], new["overall"]["precision"], new["overall"]["recall"]) == (1, 0.0, 0.5)
    assert new["recall"]["certainty"] == {"mutants": 1, "caught": 0, "warned only": 1}
    assert "findings" not in new and "mutants" not in new
    print_table(result)
    printed = capsys.readouterr().out
    assert printed.index("=== group original: 1 reviews") < printed.index("=== group held-out: 1 reviews")


def test_a_second_held_out_group_is_printed_after_the_first(capsys):
    from bench.truth import print_table, summarise

    encodings = {"a": {"doi": "a", "style": "2021"}, "b": {"doi": "b", "style": "long", "group": "held-out-2"},
                 "c": {"doi": "c", "style": "pre-2021", "group": "held-out"}}
    result = summarise(encodings, {"a": [], "b": [], "c": []}, {}, [], [], {})
    assert list(result["groups"]) == ["original", "held-out", "held-out-2"]
    print_table(result)
    printed = capsys.readouterr().out
    assert printed.index("=== group held-out: 1 reviews") < printed.index("=== group held-out-2: 1 reviews")


def test_a_third_held_out_group_is_printed_after_the_second(capsys):
    from bench.truth import print_table, summarise

    encodings = {"a": {"doi": "a", "style": "2021"}, "b": {"doi": "b", "style": "long", "group": "held-out-3"},
                 "c": {"doi": "c", "style": "pre-2021", "group": "held-out-2"}}
    result = summarise(encodings, {"a": [], "b": [], "c": []}, {}, [], [], {})
    assert list(result["groups"]) == ["original", "held-out-2", "held-out-3"]
    print_table(result)
    printed = capsys.readouterr().out
    assert printed.index("=== group held-out-2: 1 reviews") < printed.index("=== group held-out-3: 1 reviews")


def test_a_fourth_held_out_group_is_printed_after_the_third(capsys):
    from bench.truth import print_table, summarise

    encodings = {"a": {"doi": "a", "style": "2021"}, "b": {"doi": "b", "style": "long", "group": "held-out-4"},
                 "c": {"doi": "c", "style": "pre-2021", "group": "held-out-3"}}
    result = summarise(encodings, {"a": [], "b": [], "c": []}, {}, [], [], {})
    assert list(result["groups"]) == ["original", "held-out-3", "held-out-4"]
    print_table(result)
    printed = capsys.readouterr().out
    assert printed.index("=== group held-out-3: 1 reviews") < printed.index("=== group held-out-4: 1 reviews")


def test_a_tenth_held_out_group_is_printed_after_the_ninth(capsys):
    from bench.truth import print_table, summarise

    encodings = {"a": {"doi": "a", "style": "2021"}, "b": {"doi": "b", "style": "long", "group": "held-out-10"},
                 "c": {"doi": "c", "style": "pre-2021", "group": "held-out-9"}, "d": {"doi": "d", "style": "2021", "group": "held-out"},
                 "e": {"doi": "e", "style": "2021", "group": "held-out-2"}}
    result = summarise(encodings, {"a": [], "b": [], "c": [], "d": [], "e": []}, {}, [], [], {})
    assert list(result["groups"]) == ["original", "held-out", "held-out-2", "held-out-9", "held-out-10"]
    print_table(result)
    printed = capsys.readouterr().out
    assert printed.index("=== group held-out-9: 1 reviews") < printed.index("=== group held-out-10: 1 reviews")


def test_held_out_reviews_are_named_in_the_draw():
    from bench.truth import HERE

    selection = yaml.safe_load((HERE / "selection.yaml").read_text(encoding="utf-8"))
    for group, least in (("held-out", 8), ("held-out-2", 4), ("held-out-3", 8), ("held-out-4", 10), ("held-out-5", 10), ("held-out-6", 10), ("held-out-7", 10), ("held-out-8", 12), ("held-out-9", 12), ("held-out-10", 14), ("held-out-11", 14), ("held-out-12", 10), ("held-out-13", 10), ("held-out-14", 10)):
        drawn = {item["doi"] for pool in selection["drawn"].values() for item in pool if item.get("group") == group}
        encoded = {e["doi"] for e in load_encodings().values() if e.get("group") == group}
        assert drawn == encoded and len(encoded) >= least, group
    assert {e.get("group", "original") for e in load_encodings().values()} <= set(selection["groups"])
