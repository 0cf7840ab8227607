"""Text values may not hold the private-use characters U+E000-U+E004, which plainsum reserves as markers; an ASCII
value is let through without a scan (issue 28), any other is scanned."""

from __future__ import annotations

from pathlib import Path

import pytest

from plainsum.content.loader import load_review
from plainsum.errors import InputError

REVIEW = """\
id: tiny
kind: cochrane-review
layout: as-published
title: {title}
plain_title: Text reminders
facts:
  search_date: 2020-03-15
sections:
  background: {{technical: Asthma is common.}}
  objectives: {{technical: To assess reminders.}}
  search_methods: {{technical: We searched.}}
  selection_criteria: {{technical: Randomised trials.}}
  data_collection: {{technical: Standard methods.}}
  main_results: {{technical: Reminders help.}}
  authors_conclusions: {{technical: Reminders may help.}}
summary:
  text: Reminders may help.
"""


@pytest.mark.parametrize("title", ["Text reminders \ue001 for asthma", "Rappels \u00e9crits \ue004 pour l'asthme"])
def test_a_private_use_marker_is_refused_at_its_line(title: str, tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(REVIEW.format(title=title), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_review(path)
    assert "private-use characters" in str(caught.value) and ":4:" in str(caught.value)


@pytest.mark.parametrize("title", ["Text reminders for asthma", "Rappels \u00e9crits pour l'asthme"])
def test_text_without_markers_loads(title: str, tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(REVIEW.format(title=title), encoding="utf-8")
    assert load_review(path).title == title
