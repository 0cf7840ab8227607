"""The review's totals said in other words, so a count in words there is read (results.stale) and a
count there is held against the review's counts (results.number): "Twelve trials are included ...",
"This review of twelve trials, involving ...", "only twelve studies were suitable to be included",
"Twelve trials met the inclusion criteria", "We only identified twelve trials".

Each text is the current version of the small review of test_checks_stale (14 studies now, 12 before).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_checks_stale import MORE_STUDIES, current, scored_update

from plainsum.checks import registry
from plainsum.checks.numbers import TOTAL
from plainsum.gate.settings import load_config

SAID = {
    "flag": [
        "Twelve randomised trials are included that compare reminders with phone calls.",
        "This review of twelve trials, involving 840 people, shows that reminders reduce pain.",
        "Because only twelve studies were suitable to be included, further studies may change these findings.",
        "Twelve randomised controlled trials met the review requirements and provided useable data.",
        "Twelve trials met our inclusion criteria.",
        "Twelve trials met the criteria for inclusion.",
        "We only identified twelve suitable trials.",
        "So far we have found twelve studies.",
    ],
    "pass": [
        "Twelve studies reported pain.",  # a count a clause restricts: a subset as often
        "We also found that twelve weeks of reminders reduced pain.",  # counts no studies
        "Studies are included if they last twelve weeks.",  # a time
        "Twelve studies compared reminders with calls.",
        # criteria of quality, not of inclusion: the studies that met them are a subset
        "Only twelve studies met all the quality assessment criteria.",
        "Twelve studies met the criteria for a low risk of bias.",
    ],
}


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory):
    return load_config(tmp_path_factory.mktemp("empty-project"))


@pytest.mark.parametrize("sentence", SAID["flag"])
def test_the_earlier_total_in_words_is_stale(sentence: str, config, tmp_path: Path) -> None:
    assert TOTAL.search(sentence)
    flags = list(registry["results.stale"].function(scored_update(current(sentence, MORE_STUDIES), tmp_path), config))
    assert [flag.message for flag in flags] == ["'" + sentence.split()[sentence.lower().split().index("twelve")] +
                                                "' is from the earlier version: fact included_studies (was 12, now 14)"]


@pytest.mark.parametrize("sentence", SAID["pass"])
def test_a_count_that_is_no_total_is_not_read(sentence: str, config, tmp_path: Path) -> None:
    flags = list(registry["results.stale"].function(scored_update(current(sentence, MORE_STUDIES), tmp_path), config))
    assert not flags, [flag.message for flag in flags]
