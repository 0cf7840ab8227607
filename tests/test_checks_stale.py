"""Tables for results.stale: lay summaries it must flag and must pass, against one earlier version.

Each text is the current version of a small review; the earlier version is `review_yaml()` as it
stands (12 studies, 840 participants, the pain result's estimate -7.5, low certainty).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import case_params
from test_checks_plain import review_yaml

from plainsum.checks import registry
from plainsum.content.loader import load_review
from plainsum.gate.settings import load_config
from plainsum.readability.score import score_document, score_markdown
from plainsum.render.document import render_documents
from plainsum.render.templates import TemplateSet

MORE_STUDIES = ("included_studies: 12", "included_studies: 14")
NEW_ESTIMATE = ("estimate: -7.5", "estimate: -6.1")


def current(what_we_found: str, *edits: tuple[str, str]) -> str:
    text = review_yaml(what_we_found=what_we_found)
    for old, new in edits:
        assert old in text
        text = text.replace(old, new)
    return text


CASES: dict[str, dict[str, list[str]]] = {
    "results.stale": {
        "flag": [
            current("We found 12 studies with 840 people.", MORE_STUDIES),
            current("We found {{ included_studies }} studies. Pain went down by 7.5 points.", NEW_ESTIMATE),
            current("The search ran to 15 March 2020.", ("search_date: 2020-03-15", "search_date: 2022-01-10")),
            current("We found twelve studies with 840 people.", MORE_STUDIES),  # in words, counting studies
            current("We found Twelve included trials.", MORE_STUDIES),
            # the current value 4 inside 1400 does not tell the history (only a whole number does)
            current("We found 12 studies with 1400 people.", ("included_studies: 12", "included_studies: 4")),
            # a date in another order, with an ordinal or a comma, is the same date
            current("The search ran to the 15th of March, 2020.", ("search_date: 2020-03-15", "search_date: 2022-01-10")),
            current("The evidence is current to March 15, 2020.", ("search_date: 2020-03-15", "search_date: 2022-01-10")),
            current("We looked for studies up to March, 2020.", ("search_date: 2020-03-15", "search_date: 2022-01-10")),
            # the review's totals, said by its researchers or of the review, in words
            current("Cochrane researchers found twelve relevant studies.", MORE_STUDIES),
            current("The review, however, looks at only twelve studies.", MORE_STUDIES),
            current("The reviewers looked at twelve trials in all.", MORE_STUDIES),
            # the earlier total, now only the pain result's count, where the sentence states the totals
            current("We identified twelve randomised trials with a total of 840 people.", MORE_STUDIES, ("studies: 9", "studies: 12")),
            current("Cochrane researchers found 12 relevant studies.", MORE_STUDIES, ("studies: 9", "studies: 12")),
            # a time before the count does not hide the count typed after it
            current("At 12 weeks, the 12 studies with 840 people showed less pain.", MORE_STUDIES),
            current("We found 12 more studies with 840 people.", MORE_STUDIES),
            # parts that do not add up to the total of now
            current("Twelve studies recruited adults and one involved children.", MORE_STUDIES),
            # the totals said after the search ("... and identified twelve trials")
            current("We searched the medical databases and identified twelve randomised trials.", MORE_STUDIES),
            current("We searched for studies in 2020 and found twelve trials that met our criteria.", MORE_STUDIES),
            # the review's totals, however said, and the whole a part is taken of
            current("We included twelve trials.", MORE_STUDIES),
            current("Twelve trials were included.", MORE_STUDIES),
            current("12 studies had 840 people.", MORE_STUDIES),
            current("The drugs were given in two of the 12 studies.", MORE_STUDIES),
            # "this review is based on N studies" states the totals: the earlier total there, though now a result's count
            current("However, this review is based on only twelve studies.", MORE_STUDIES, ("studies: 9", "studies: 12")),
            current("This review is based on 12 trials, all of them small.", MORE_STUDIES, ("studies: 9", "studies: 12")),
            # the whole a part is taken of is all the review's studies, though now a result's count too
            current("The drugs were given in two of the 12 studies, but not in the others.", MORE_STUDIES, ("studies: 9", "studies: 12")),
            current("Five of the 12 trials acknowledged funding.", MORE_STUDIES, ("studies: 9", "studies: 12")),
        ],
        "pass": [
            current("We found {{ included_studies }} studies with {{ participants }} people.", MORE_STUDIES),
            current("We found 12 studies with 840 people."),  # nothing changed
            # 12 is still a value of this version (the pain result's studies), so it is not stale where
            # the sentence does not state the review's totals
            current("12 studies measured pain in 840 people.", MORE_STUDIES, ("studies: 9", "studies: 12")),
            current("Pain went down: {{ results.pain.numbers }}.", NEW_ESTIMATE),
            current("We found twelve studies with 840 people."),  # nothing changed
            current("Twelve months later, pain went down.", MORE_STUDIES),  # twelve counts no studies
            current("Twelve studies compared reminders with calls.", MORE_STUDIES),  # in words: a subset as often
            current("We found 12 studies, now 14, with 840 people.", MORE_STUDIES),  # the sentence tells the history
            current("The search ran to the 15th of March, 2020."),  # nothing changed
            current("The search ran to March 15, 2020.", ("search_date: 2020-03-15", "search_date: 2020-03-15\n  search_month: 2020-03-15")),  # still a date of the data
            current("The researchers said twelve weeks of exercise helped.", MORE_STUDIES),  # counts no studies
            # 12 is now the pain result's studies: a sentence about pain, not the totals, may mean it
            current("Twelve studies measured pain.", MORE_STUDIES, ("studies: 9", "studies: 12")),
            # the earlier count of studies typed as a time, a percentage, points, a bound or a point in time
            current("At 12 weeks, pain went down.", MORE_STUDIES),
            current("Most studies lasted 12 weeks or less.", MORE_STUDIES),
            current("Studies longer than 12 months are needed.", MORE_STUDIES),
            current("Pain was 3% lower (ranging from 3% higher to 12% lower).", MORE_STUDIES),
            current("Pain was 6 points better (ranging from 12 better to 0.3 worse).", MORE_STUDIES),
            current("Pain went down by 12 points on a 100-point scale.", MORE_STUDIES),
            current("Pain was measured again at week 12.", MORE_STUDIES),
            # parts of the total of now (12 + 2 = 14), one of which the earlier total happens to equal
            current("Twelve studies recruited adults and two involved children.", MORE_STUDIES),
            current("Twelve studies recruited adults and one involved children.", ("included_studies: 12", "included_studies: 13")),
            current("12 studies recruited adults (800 people) and 2 studies recruited children (40 people).", MORE_STUDIES),
            # a count a clause restricts: the studies with some property, or a part of them, not the review's studies
            current("We found a small number of studies, and twelve studies had missing data.", MORE_STUDIES),
            current("We found few studies; 12 studies reported pain.", MORE_STUDIES),
            current("12 trials were at high risk of bias.", MORE_STUDIES),
            current("Pain went down in 12 of the studies.", MORE_STUDIES),
            current("Only 12 studies measured pain.", MORE_STUDIES),
            current("We found a few studies, but 12 studies used no blinding.", MORE_STUDIES),
        ],
    },
}


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory):
    return load_config(tmp_path_factory.mktemp("empty-project"))


def scored_update(text: str, tmp_path: Path):
    path = tmp_path / "tiny.yaml"
    path.write_text(text, encoding="utf-8")
    review = load_review(path)
    review.previous = load_review(path, review_yaml().encode(), display="published:tiny.yaml")
    summary = next(d for d in render_documents(review, TemplateSet(None)) if d.kind == "summary")
    return score_document(summary)


@pytest.mark.parametrize("check_id,text", case_params(CASES, "flag"))
def test_flags(check_id: str, text: str, config, tmp_path: Path) -> None:
    flags = list(registry[check_id].function(scored_update(text, tmp_path), config))
    assert flags and all(flag.message and flag.suggestion and flag.offset is not None for flag in flags)


@pytest.mark.parametrize("check_id,text", case_params(CASES, "pass"))
def test_passes(check_id: str, text: str, config, tmp_path: Path) -> None:
    flags = list(registry[check_id].function(scored_update(text, tmp_path), config))
    assert not flags, [flag.message for flag in flags]


def test_without_an_earlier_version_nothing_is_stale(config, tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(current("We found 12 studies.", MORE_STUDIES), encoding="utf-8")
    summary = next(d for d in render_documents(load_review(path), TemplateSet(None)) if d.kind == "summary")
    assert not list(registry["results.stale"].function(score_document(summary), config))
    assert not list(registry["results.stale"].function(score_markdown("We found 12 studies."), config))


def test_the_flag_names_the_value_and_the_fact(config, tmp_path: Path) -> None:
    (flag,) = registry["results.stale"].function(scored_update(current("We found 12 studies.", MORE_STUDIES), tmp_path), config)
    assert flag.message == "'12' is from the earlier version: fact included_studies (was 12, now 14)"
    assert flag.suggestion == "write {{ included_studies }} (now 14), so the sentence follows the data"


CASES["results.stale-maybe"] = {
    # 12 was the studies (now 14) and is now the pain result's studies too: it may mean either
    "flag": [current("12 studies measured pain in 840 people.", MORE_STUDIES, ("studies: 9", "studies: 12")),
             # a whole a clause restricts may be the pain result's studies
             current("Two of the 12 studies measuring pain found less pain.", MORE_STUDIES, ("studies: 9", "studies: 12")),
             current("Two of the 12 studies that measured pain found less pain.", MORE_STUDIES, ("studies: 9", "studies: 12"))],
    "pass": [current("We found 12 studies with 840 people.", MORE_STUDIES),  # plainly stale: results.stale's error
             # the totals, stated: the earlier total, results.stale's error, not a maybe
             current("We identified 12 randomised trials with a total of 840 people.", MORE_STUDIES, ("studies: 9", "studies: 12")),
             current("We found {{ included_studies }} studies.", MORE_STUDIES, ("studies: 9", "studies: 12")),
             current("Five of the 12 trials acknowledged funding.", MORE_STUDIES, ("studies: 9", "studies: 12"))],
}


def test_a_value_of_two_facts_is_a_warning_naming_both(config, tmp_path: Path) -> None:
    text = current("12 studies measured pain in 840 people.", MORE_STUDIES, ("studies: 9", "studies: 12"))
    (flag,) = registry["results.stale-maybe"].function(scored_update(text, tmp_path), config)
    assert "fact included_studies (was 12, now 14)" in flag.message and "result pain" in flag.message
    assert registry["results.stale-maybe"].severity == "warning"


def _git(*args: str, cwd: Path) -> None:
    import subprocess

    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=cwd, check=True,
                   capture_output=True, timeout=60)


def test_a_fresh_clone_knows_the_published_version_and_reports_a_stale_value(cli, tmp_path: Path) -> None:
    """Issue 23, cause 7: `plainsum build` keeps the published version beside the content, to be
    committed; `plainsum check` in a clone with no output/ (CI) reads it and finds a stale value."""
    assert cli("init", "mine", cwd=tmp_path).returncode == 0
    project = tmp_path / "mine"
    review = project / "content" / "general-health-checks.yaml"
    text = review.read_text(encoding="utf-8")
    typed = "We found {{ included_trials }} studies."
    assert typed in " ".join(text.split())
    text = text.replace("We found {{ included_trials }} studies.", "We found 17 studies.")
    review.write_text(text, encoding="utf-8")
    built = cli("build", "--formats", "txt", "--no-progress", cwd=project)
    assert built.returncode == 0, built.stdout + built.stderr
    record = project / "content" / ".plainsum-published" / "general-health-checks.yaml"
    assert record.read_text(encoding="utf-8") == text
    review.write_text(text.replace("included_trials: 17", "included_trials: 18"), encoding="utf-8")  # the update
    _git("init", "-q", cwd=project)
    _git("add", "-A", cwd=project)
    _git("commit", "-qm", "update", cwd=project)
    clone = tmp_path / "clone"
    _git("clone", "-q", str(project), str(clone), cwd=tmp_path)
    assert not (clone / "output").exists()
    run = cli("check", "--format", "json", cwd=clone)
    assert run.returncode == 1, run.stdout + run.stderr
    import json

    found = [f for d in json.loads(run.stdout)["documents"] for f in d["findings"] if f["check"] == "results.stale"]
    assert found and "'17' is from the earlier version: fact included_trials (was 17, now 18)" in found[0]["message"]


def test_the_records_carry_the_fact_name_not_only_the_message(tmp_path: Path) -> None:
    """The stale check reads which fact a value was from the record (Stale.fact, StaleOrCurrent.fact), never
    back out of the message text."""
    from plainsum.content.changes import changes_of, stale_or_current, stale_values

    path = tmp_path / "tiny.yaml"
    path.write_text(current("We found 12 studies.", MORE_STUDIES, ("studies: 9", "studies: 12")), encoding="utf-8")
    review = load_review(path)
    review.previous = load_review(path, review_yaml().encode(), display="published:tiny.yaml")
    changes = changes_of(review)
    assert stale_or_current(review.previous, review, changes)["12"].fact == "included_studies"
    stale = stale_values(review.previous, review, changes)
    assert all(record.fact == "included_studies" for record in stale.values() if record.what.startswith("fact "))
    assert all(record.fact is None for record in stale.values() if record.what.startswith("result "))
