"""One plural and number-words helper (plainsum/words/numbers.py), and the messages that use it."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_checks_plain import review_yaml

from plainsum.content.changes import compare
from plainsum.content.loader import load_review
from plainsum.words.numbers import in_words_with_noun, noun, plural, singular


@pytest.mark.parametrize("count,singular_form,plural_form,grouped,expected", [
    (1, "sentence", None, False, "1 sentence"),
    (0, "word", None, False, "0 words"),
    (2.0, "word", None, False, "2 words"),
    (2.5, "word", None, False, "2.5 words"),
    (1234, "file", None, True, "1,234 files"),
    (1234, "file", None, False, "1234 files"),
    (3, "study", None, False, "3 studies"),
    (3, "summary", None, False, "3 summaries"),
    (2, "day", None, False, "2 days"),
    (2, "person", "people", False, "2 people"),
])
def test_plural(count, singular_form, plural_form, grouped, expected) -> None:
    assert plural(count, singular_form, plural_form, grouped=grouped) == expected


def test_singular_and_number_words() -> None:
    assert [singular(w) for w in ("studies", "trials", "RCTs")] == ["study", "trial", "RCT"]
    assert singular("studies") == "study" and noun(1, "study") == "study" and noun(2, "study") == "studies"
    assert [in_words_with_noun(n, "study", "studies") for n in (0, 1, 2, 21)] == ["no studies", "one study", "two studies", "21 studies"]


@pytest.mark.parametrize("before,after,added", [
    (12, 13, "We added one study (13 in total)."),
    (12, 14, "We added two studies (14 in total)."),
])
def test_whats_new_counts_the_studies_added(tmp_path: Path, before: int, after: int, added: str) -> None:
    path = tmp_path / "tiny.yaml"
    old_text = review_yaml().replace("included_studies: 12", f"included_studies: {before}")
    path.write_text(old_text.replace(f"included_studies: {before}", f"included_studies: {after}"), encoding="utf-8")
    old = load_review(path, old_text.encode("utf-8"), display="old:tiny.yaml")
    new = load_review(path)
    statement = compare(old, new).whats_new
    assert added in statement, statement
    assert "studie " not in statement and "studie(" not in statement
