"""The CDC Clear Communication Index pre-score: each automated item on texts it must pass and must fail."""

from __future__ import annotations

from pathlib import Path

import pytest

from plainsum.gate.settings import load_config
from plainsum.readability.score import score_markdown
from plainsum.report_pages.cci import ITEMS, pre_score

REPO = Path(__file__).resolve().parent.parent

KEY_MESSAGES = """## Key messages

- Doctors found that exercise helps people with back pain a little.
- We are not sure how long the benefit lasts, because the studies were small.

## What did we do?

We looked for studies that compared exercise with no exercise.

## What did we find?

We found 12 studies with 1,000 people. Out of 100 people who exercised, 30 had less pain, compared with 20 out of 100 who did not.
"""

CASES: dict[int, dict[str, list[str]]] = {
    2: {  # main message at the top
        "pass": [KEY_MESSAGES, "- Exercise helps back pain a little.\n\n## Background\n\nMore words here."],
        "fail": ["## Review question\n\nDoes exercise help back pain?\n\n## Key messages\n\n- Exercise helps."],
    },
    6: {  # active voice in the main message
        "pass": [KEY_MESSAGES],
        "fail": ["## Key messages\n\n- Pain was reduced by exercise.\n\n## More\n\nWe looked at studies."],
    },
    7: {  # jargon explained
        "pass": [KEY_MESSAGES, "## Key messages\n\n- A randomised controlled trial (a study where chance decides who gets which treatment) is fair."],
        "fail": ["## Key messages\n\n- The randomised controlled trials showed less morbidity.\n\n## More\n\nWe looked."],
    },
    8: {  # lists
        "pass": [KEY_MESSAGES],
        "fail": ["## Key messages\n\nExercise helps.\n\n## More\n\nWe looked at studies."],
    },
    9: {  # chunks under plain headings
        "pass": [KEY_MESSAGES],
        "fail": ["Exercise helps back pain. We looked at studies. They were small.",
                 "## Key messages\n\n- Exercise helps.\n\n## The pharmacokinetics of the interventions\n\nWe looked."],
    },
    11: {  # uncertainty stated
        "pass": [KEY_MESSAGES, "## Key messages\n\n- The evidence is of low certainty.\n\n## More\n\nText."],
        "fail": ["## Key messages\n\n- Exercise helps back pain.\n\n## More\n\nWe looked at studies of exercise."],
    },
    15: {  # numbers readers use
        "pass": [KEY_MESSAGES],
        "fail": ["## Key messages\n\n- Exercise helps (RR 0.73, 95% CI 0.65 to 0.81).\n\n## More\n\nWe looked at 12 studies.",
                 "## Key messages\n\n- Pain fell by 2.5 points.\n\n## More\n\nText."],
    },
    16: {  # what the numbers mean
        "pass": [KEY_MESSAGES, "## Key messages\n\n- We found 12 studies.\n\n## More\n\nText."],
        "fail": ["## Key messages\n\n- 30% had pain after a year.\n\n## More\n\nWe looked at 12 studies."],
    },
}


@pytest.fixture(scope="module")
def config():
    return load_config(REPO, None)


def judgement(text: str, number: int, config):
    scored = score_markdown(text, "case.md")
    return next(j for j in pre_score(scored, config).judgements if j.item.number == number)


@pytest.mark.parametrize(("number", "text"), [(n, t) for n, c in CASES.items() for t in c["pass"]])
def test_automated_items_pass(number, text, config):
    found = judgement(text, number, config)
    assert found.applies and found.passed is True, found.finding


@pytest.mark.parametrize(("number", "text"), [(n, t) for n, c in CASES.items() for t in c["fail"]])
def test_automated_items_fail(number, text, config):
    found = judgement(text, number, config)
    assert found.applies and found.passed is False, found.finding
    assert found.finding and found.where


def test_a_recommendation_makes_part_b_apply(config):
    text = "## Key messages\n\n- Adults should walk for 30 minutes a day.\n\n## More\n\nText."
    recommends = judgement(text, 12, config)
    assert recommends.applies and recommends.passed and "should" in recommends.finding
    assert judgement(text, 13, config).applies and judgement(text, 13, config).passed is None  # a person's to judge
    plain = judgement(KEY_MESSAGES, 12, config)
    assert not plain.applies and "part B does not apply" in plain.finding
    assert not judgement(KEY_MESSAGES, 13, config).applies


def test_numbers_items_do_not_apply_without_numbers(config):
    text = "## Key messages\n\n- Exercise helps a little.\n\n## More\n\nWe are not sure."
    for number in (15, 16, 17):
        assert not judgement(text, number, config).applies


def test_the_score_counts_automated_items_that_apply_and_lists_the_rest(config):
    result = pre_score(score_markdown(KEY_MESSAGES, "case.md"), config)
    assert len(result.judgements) == len(ITEMS) == 20
    assert result.label == f"{result.passed} of {len(result.automated)} automated items"
    assert result.passed == len(result.automated) == 8  # all but item 12, which does not apply
    people = [j for j in result.judgements if not j.item.automated and j.applies]
    assert {j.item.number for j in people} >= {1, 3, 4, 5, 10, 18, 19, 20}
    assert all(j.passed is None and j.finding == "for a person to judge" for j in people)
    data = result.as_dict()
    assert "cdc.gov/ccindex" in str(data["source"]) and len(data["items"]) == 20  # type: ignore[arg-type]
