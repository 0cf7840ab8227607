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


def test_it_agrees_with_the_single_pattern_on_random_texts() -> None:
    """ASCII texts are read from where the lower-case text holds a word's start; others as before: both agree
    with the pattern in any case, next to letters, digits and punctuation, with the year before or after."""
    import random

    pieces = ["search", "Searched", "SEARCHES", "searching", "current", "Current", "up to date", "Up To Date", "up  to date",
              "research", "currently", "uptodate", "2016", "1998", "1750", "20161", "in", "the", ".", "?", "!", ",", " ", " ", "x",
              "\u00e9", "\u017fearched", "\u0130", "\u03a3", "\u2013", "_", "-"]
    generator = random.Random(28)
    flagged = 0
    for _ in range(20_000):
        text = "".join(generator.choice(pieces) + generator.choice(["", " ", " "]) for _ in range(generator.randint(1, 14)))
        expected = REFERENCE.search(text) is not None
        assert states_currency(text) == expected, text
        flagged += expected
    assert flagged > 1000
