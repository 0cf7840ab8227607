"""results.number: people per 100 or 1000 in a sentence that names no outcome ("compared with 130 people for every
1000 who had no hair removal") are held, as the numbers after a natural frequency said first are, against every
result's risks and differences per that many (razor: 91 with a razor, 50 with no hair removal per 1000, 41 more),
as worked out (within 5%) or printed."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_checks_claims import config  # noqa: F401 (config is a fixture)
from test_checks_number_ties import risk_number_errors

UNNAMED = {
    "flag": [
        "With a razor, 91 people get one, compared with 130 people for every 1000 who had no hair removal.",
        "Among those not shaved, 75 people per 1000 got one.",
        "That is 140 more people in every 1000.",
    ],
    "pass": [
        "With a razor, 91 people get one, compared with 50 people for every 1000 who had no hair removal.",
        "Among those not shaved, 52 people per 1000 got one.",  # worked out from the events: within 5% of 50
        "That is 41 more people in every 1000.",
        "That is 1000 people in every 1000.",  # the frame itself
    ],
}


@pytest.mark.parametrize("sentence", UNNAMED["flag"])
def test_people_per_1000_of_no_result_are_an_error_where_no_outcome_is_named(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    assert risk_number_errors(sentence, config, tmp_path), sentence


@pytest.mark.parametrize("sentence", UNNAMED["pass"])
def test_people_per_1000_of_some_result_pass_where_no_outcome_is_named(sentence: str, config, tmp_path: Path) -> None:  # noqa: F811
    assert not risk_number_errors(sentence, config, tmp_path), sentence
