"""Whether a document already says how current its evidence is (then no extra evidence-date line)."""

from __future__ import annotations

import re

import pytest

from plainsum.document_formats.html import states_currency

# the pattern the function replaced: a sentence (a run without . ? !) with a currency word, then a year
REFERENCE = re.compile(r"[^.?!]*\b(?:up to date|current|search(?:ed|es)?|searching)\b[^.?!]*\b(?:1[89]|20)\d\d\b",
                       re.IGNORECASE)

CASES = {
    "flag": [
        "The evidence is current to May 2016.",
        "We searched for studies up to 18 March 2020",
        "<p>This review is up to date as of October 2018.</p>",
        "Some text. Searches were run in 1998! More.",
        "First. SEARCHING the registers in 2005 found nothing",
    ],
    "pass": [
        "The evidence is current. It was published in 2016.",  # the year is in another sentence
        "In 2016 we searched again.",  # the year comes before the word
        "We searched widely for trials.",
        "We are up to date with 12 trials and 2,016 people.",
        "current2019 is one word",
        "The trial ran in 1750 and is current.",
        "",
    ],
}


@pytest.mark.parametrize("text", CASES["flag"])
def test_flags(text: str) -> None:
    assert states_currency(text)
    assert REFERENCE.search(text)


@pytest.mark.parametrize("text", CASES["pass"])
def test_passes(text: str) -> None:
    assert not states_currency(text)
    assert not REFERENCE.search(text)


def test_it_agrees_with_the_single_pattern_on_the_shipped_documents() -> None:
    from conftest import REPO

    texts = [path.read_text(encoding="utf-8") for path in (REPO / "tests" / "golden").rglob("*.html")]
    assert texts
    for text in texts:
        assert states_currency(text) == (REFERENCE.search(text) is not None)
