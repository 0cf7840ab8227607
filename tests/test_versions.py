"""Versions in the data: `version:` in a review file, and what the Cochrane JSON import keeps of them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import REPO

from plainsum.content.loader import load_review
from plainsum.content.versions import doi_version, earlier_dois
from plainsum.errors import InputError
from plainsum.importers.cochrane_json import record_to_yaml

BASE = (REPO / "content" / "general-health-checks.yaml").read_text(encoding="utf-8")


def review_with(tmp_path: Path, version: str, doi: str = "10.1002/14651858.CD009009.pub3"):
    text = BASE.replace("doi: 10.1002/14651858.CD009009.pub3\n", f"doi: {doi}\n{version}")
    path = tmp_path / "general-health-checks.yaml"
    path.write_text(text, encoding="utf-8")
    return load_review(path)


def test_cochrane_dois_number_the_versions():
    assert doi_version("10.1002/14651858.CD009009") == 1
    assert doi_version("10.1002/14651858.CD009009.pub3") == 3
    assert earlier_dois("10.1002/14651858.CD009009.pub3") == ["10.1002/14651858.CD009009.pub2", "10.1002/14651858.CD009009"]


def test_a_version_with_earlier_versions_cites_the_update(tmp_path):
    review = review_with(tmp_path, "version:\n  published: 2019-01-31\n  conclusions_changed: false\n  earlier:\n"
                                   "    - {doi: 10.1002/14651858.CD009009.pub2, published: 2014-05-01}\n"
                                   "    - {doi: 10.1002/14651858.CD009009, published: 2012}\n")
    assert review.version.number == 3 and review.version.conclusions_changed is False
    assert review.version.update_sentence() == (
        "This is an update of the review published in 2014 (doi:10.1002/14651858.CD009009.pub2), first published in 2012.")
    assert review.facts["version"].update_of == review.version.update_sentence()


def test_the_shipped_review_takes_its_number_from_the_doi():
    review = load_review(REPO / "content" / "general-health-checks.yaml")
    assert review.version.number == 3 and review.version.earlier == () and "version" not in review.facts


@pytest.mark.parametrize("version, message", [
    ("version:\n  number: 2\n", "'number' in 'version' is 2, but the DOI 10.1002/14651858.CD009009.pub3 is version 3"),
    ("version:\n  earlier: [10.1002/14651858.CD009009.pub4]\n", "is not earlier than this version (3)"),
    ("version:\n  earlier: [not-a-doi]\n", "'not-a-doi' is not a DOI"),
    ("version:\n  published: last year\n", "'published' in 'version' must be a date"),
    ("version:\n  conclusions_changed: maybe\n", "'conclusions_changed' in 'version' must be true or false"),
    ("version:\n  numbr: 3\n", "unknown key 'numbr' in 'version' (did you mean 'number'?)"),
])
def test_bad_versions_are_reported_where_they_are_written(tmp_path, version, message):
    with pytest.raises(InputError) as caught:
        review_with(tmp_path, version)
    (problem,) = caught.value.problems
    assert message in problem.message and problem.line >= 17


def test_the_cochrane_json_import_keeps_the_version_the_record_gives():
    record = {
        "doi": "10.1002/14651858.CD000023.pub4", "name": "Antibiotics for sore throat", "pls_title": "Antibiotics for sore throat",
        "pls_type": "long", "pls": "We looked at trials of antibiotics for sore throat.",
        "abstract": [{"heading": "Background", "text": "Sore throat is common. This is an update of a review first published in 2000."},
                     {"heading": "Objectives", "text": "To assess antibiotics."},
                     {"heading": "Search methods", "text": "We searched CENTRAL on 5 May 2013."},
                     {"heading": "Selection criteria", "text": "Randomised trials."},
                     {"heading": "Data collection and analysis", "text": "Two authors extracted data."},
                     {"heading": "Main results", "text": "We included 27 trials."},
                     {"heading": "Authors' conclusions", "text": "Antibiotics help a little."}],
    }
    _, text = record_to_yaml(json.loads(json.dumps(record)))
    assert "version:\n  number: 4\n" in text
    assert "- 10.1002/14651858.CD000023.pub3\n" in text and "published: 2000" in text
