"""plainsum diff: an update of a review compared with its earlier version, from git and from what a build published."""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path

import pytest

from plainsum.content.published import published_text

REVIEW = "general-health-checks"
GIT = ["git", "-c", "user.name=Author", "-c", "user.email=author@example.org", "-c", "commit.gpgsign=false"]
OLD_CONCLUSIONS = "General health checks are unlikely to reduce illness or death from disease in adults."
NEW_CONCLUSIONS = "General health checks are unlikely to reduce illness or death from disease, or strokes, in adults."
KEY_MESSAGE = "Health checks probably make little or no difference to how many people have heart disease or a stroke, or die from them."
STROKE_BEFORE = """    estimate: 1.05
    ci: [0.95, 1.17]
    studies: 3
    study_word: trials
    participants: 107421
    certainty: moderate"""
STROKE_AFTER = STROKE_BEFORE.replace("1.05", "0.97").replace("moderate", "low")


def update(path: Path, conclusions_changed: bool | None = None) -> None:
    """The update of the test: a new search, two more studies, the stroke result's estimate and certainty, the conclusions."""
    text = path.read_text(encoding="utf-8")
    for old, new in [("search_date: 2018-01-31", "search_date: 2020-03-31"), ("included_trials: 17", "included_trials: 19"),
                     (STROKE_BEFORE, STROKE_AFTER), (OLD_CONCLUSIONS, NEW_CONCLUSIONS)]:
        assert old in text
        text = text.replace(old, new)
    if conclusions_changed is not None:
        text = text.replace("language: en\n", f"language: en\nversion:\n  conclusions_changed: {str(conclusions_changed).lower()}\n")
    path.write_text(text, encoding="utf-8")


def git(project: Path, *args: str) -> None:
    subprocess.run([*GIT, *args], cwd=project, check=True, capture_output=True)


@pytest.fixture
def updated(project: Path) -> Path:
    """The shipped project as v1 in git, then the update committed on top."""
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "v1")
    update(project / "content" / f"{REVIEW}.yaml")
    git(project, "commit", "-qam", "update")
    return project


def diff_json(cli, *args: str) -> dict:
    result = cli("diff", "--format", "json", *args)
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)


def test_diff_since_a_revision_lists_exactly_the_changes(cli, updated):
    data = diff_json(cli, "--since", "HEAD~1")
    assert data["differences"] == 1 and data["unchanged"] == 2
    (review,) = data["reviews"]
    assert review["id"] == REVIEW and review["status"] == "changed"
    assert [(f["name"], f["old"], f["new"]) for f in review["facts"]] == [
        ("search_date", "31 January 2018", "31 March 2020"), ("included_trials", "17", "19")]
    (stroke,) = review["results"]
    assert stroke["id"] == "stroke"
    assert [(f["name"], f["old"], f["new"]) for f in stroke["fields"]] == [("estimate", "1.05", "0.97"), ("certainty", "moderate", "low")]
    assert stroke["old_plain"].startswith("Health checks probably make little or no difference")
    assert stroke["new_plain"].startswith("Health checks may make little or no difference")

    abstract, summary = review["documents"]
    changed = {s["new"] for s in abstract["sentences"] if s["status"] == "changed"}
    assert NEW_CONCLUSIONS in changed
    assert any(s.startswith("On 31 March 2020 we searched") for s in changed)
    assert any("RR 0.97" in s and "low-certainty evidence" in s for s in changed)
    conclusions = next(s for s in abstract["sentences"] if s["new"] == NEW_CONCLUSIONS)
    assert [m["op"] for m in conclusions["marks"]] == ["equal", "delete", "insert", "equal"]
    assert conclusions["marks"][1:3] == [{"op": "delete", "text": "disease"}, {"op": "insert", "text": "disease, or strokes,"}]
    assert re.fullmatch(r"content/general-health-checks\.yaml:\d+:\d+", conclusions["location"])
    summary_changed = [s["new"] for s in summary["sentences"]]
    assert "We found 19 studies." in summary_changed
    assert "The evidence is up to date to March 2020." in summary_changed
    assert all(s["status"] == "changed" for s in abstract["sentences"] + summary["sentences"])
    for document in (abstract, summary):
        assert set(document["before"]) == {"grade", "words", "hard_sentences", "gate"}
    assert abstract["after"]["gate"] == "pass"
    # the key message still says 'probably' of stroke, now low-certainty evidence: the claim checks fail it
    assert summary["after"]["gate"] == "fail"
    assert abstract["before"]["words"] != abstract["after"]["words"]

    recheck = {item["sentence"]: item for item in review["recheck"]}
    message = recheck[KEY_MESSAGE]
    assert message["document"] == "summary" and message["file"] == f"content/{REVIEW}.yaml"
    source_lines = (updated / "content" / f"{REVIEW}.yaml").read_text(encoding="utf-8").splitlines()
    assert source_lines[message["line"] - 1][message["column"] - 1:].startswith("Health checks probably")
    assert any("still says 'probably'" in reason and "now low certainty" in reason for reason in message["reasons"])
    assert any("uses the fact included_trials" in r for r in recheck["We found 19 studies."]["reasons"])


def test_text_markdown_and_html_hold_the_same_items(cli, updated):
    data = diff_json(cli, "--since", "HEAD~1")
    outputs = {}
    for name in ("text", "markdown", "html"):
        result = cli("diff", "--since", "HEAD~1", "--format", name)
        assert result.returncode == 1, result.stderr
        outputs[name] = result.stdout
    readable = {"text": outputs["text"], "markdown": re.sub(r"\\(.)", r"\1", outputs["markdown"]), "html": html.unescape(outputs["html"])}
    (review,) = data["reviews"]
    items = [review["id"], "31 March 2020", "31 January 2018", "included_trials", "stroke", "0.97", "We found", "19 studies",
             "grade", "hard sentences", "New search has been performed"]
    items += [f"{item['file']}:{item['line']}:{item['column']}" for item in review["recheck"]]
    items += [s["location"] for d in review["documents"] for s in d["sentences"]]
    for name, text in readable.items():
        missing = [item for item in items if item not in text]
        assert not missing, (name, missing)
    assert "[-17-]" in outputs["text"] and "{+19+}" in outputs["text"]
    assert "~~17~~" in outputs["markdown"] and "**19**" in outputs["markdown"] and "- [ ] `content/" in outputs["markdown"]
    assert "<del>17</del>" in outputs["html"] and "<ins>19</ins>" in outputs["html"] and "<script" not in outputs["html"]
    assert outputs["text"].count(KEY_MESSAGE) == 1


def test_whats_new_reads_as_cochrane_words_it(cli, updated):
    data = diff_json(cli, "--since", "HEAD~1")
    assert data["reviews"][0]["whats_new"] == (
        "New search has been performed: We searched for studies up to 31 March 2020 (the last version searched up to "
        "31 January 2018). We added two studies (19 in total). For fatal and non-fatal stroke, the certainty of the "
        "evidence changed from moderate to low. "
        "New citation required: The text of the authors' conclusions has changed. Whether the conclusions have changed "
        "is the authors' call: set version.conclusions_changed to true (\"New citation required and conclusions have "
        "changed\") or false (\"New citation required but conclusions have not changed\")."
    )
    path = updated / "content" / f"{REVIEW}.yaml"
    git(updated, "checkout", "-q", "HEAD~1", "--", str(path))
    update(path, conclusions_changed=True)
    events = diff_json(cli, "--since", "HEAD~1")["reviews"][0]["events"]
    assert [(e["event"], e["code"]) for e in events] == [
        ("New search has been performed", "UPDATE"), ("New citation required and conclusions have changed", "NEW_CITATION_NEW_CONCLUSIONS")]
    path.write_text(path.read_text(encoding="utf-8").replace("conclusions_changed: true", "conclusions_changed: false"), encoding="utf-8")
    events = diff_json(cli, "--since", "HEAD~1")["reviews"][0]["events"]
    assert events[1]["event"] == "New citation required but conclusions have not changed"


def test_exit_codes_and_invalid_input(cli, updated, tmp_path):
    same = cli("diff", "--since", "HEAD")
    assert same.returncode == 0 and "0 reviews differ, 3 unchanged" in same.stdout
    unknown = cli("diff", "--since", "no-such-tag")
    assert unknown.returncode == 2 and "unknown revision 'no-such-tag'" in unknown.stderr and "Traceback" not in unknown.stderr
    (updated / "content" / f"{REVIEW}.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    broken = cli("diff", "--since", "HEAD~1")
    assert broken.returncode == 2 and re.search(r"content/general-health-checks\.yaml:\d+:\d+: YAML syntax error", broken.stderr)
    usage = cli("diff", "--format", "pdf")
    assert usage.returncode == 2


def test_since_published_works_without_git(cli, project):
    nothing = cli("diff")
    assert nothing.returncode == 2 and "run plainsum build first" in nothing.stderr
    no_git = cli("diff", "--since", "HEAD")
    assert no_git.returncode == 2 and "not in a git repository" in no_git.stderr and "--since published" in no_git.stderr
    assert cli("build", "--formats", "md", "--no-progress").returncode == 0
    assert b"included_trials: 17" in published_text(project / "output", REVIEW)
    clean = cli("diff", "--since", "published")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    update(project / "content" / f"{REVIEW}.yaml")
    changed = diff_json(cli)  # --since published is the default
    assert changed["since"] == "published" and [r["id"] for r in changed["reviews"]] == [REVIEW]
    assert [f["name"] for f in changed["reviews"][0]["facts"]] == ["search_date", "included_trials"]
    (project / "content" / "ivig-dlrpn.yaml").unlink()
    gone = diff_json(cli)
    assert {(r["id"], r["status"]) for r in gone["reviews"]} == {(REVIEW, "changed"), ("ivig-dlrpn", "removed")}


def test_an_old_value_left_in_the_lay_summary_is_an_error_once_the_published_version_is_known(cli, project):
    assert cli("build", "--formats", "md", "--no-progress").returncode == 0
    path = project / "content" / f"{REVIEW}.yaml"
    text = path.read_text(encoding="utf-8").replace("included_trials: 17", "included_trials: 19")
    text = text.replace("We found {{ included_trials }} studies.", "We found 17 studies.")
    path.write_text(text, encoding="utf-8")
    check = cli("check", "--format", "json")
    assert check.returncode == 1
    findings = [f for d in json.loads(check.stdout)["documents"] for f in d["findings"] if f["check"] == "results.stale"]
    assert len(findings) == 1 and findings[0]["severity"] == "error" and "'17'" in findings[0]["message"]
    assert findings[0]["file"] == f"content/{REVIEW}.yaml" and findings[0]["document"] == f"{REVIEW}/summary"
    build = cli("build", "--formats", "md", "--no-progress")
    assert build.returncode == 1 and f"not published: {REVIEW}/summary" in build.stderr
    assert b"included_trials: 17" in published_text(project / "output", REVIEW)
    path.write_text(text.replace("We found 17 studies.", "We found {{ included_trials }} studies."), encoding="utf-8")
    assert cli("build", "--formats", "md", "--no-progress").returncode == 0
    assert cli("check").returncode == 0  # the published version now is this one
    assert b"included_trials: 19" in published_text(project / "output", REVIEW)
    packs = sorted(p.name for p in (project / "output" / ".plainsum-published").iterdir())
    assert len(packs) == 3 and packs[-1] == "index.json"  # the published version's pack and the one before it


def test_the_html_page_is_linked_from_the_review_report(cli, project):
    assert cli("build", "--formats", "md", "--no-progress").returncode == 0
    update(project / "content" / f"{REVIEW}.yaml")
    assert cli("report").returncode == 0
    report = project / "output" / "report"
    changes = (report / "changes.html").read_text(encoding="utf-8")
    assert f'id="{REVIEW}"' in changes and "<ins>19</ins>" in changes and "Re-check" in changes
    page = (report / "reviews" / f"{REVIEW}.html").read_text(encoding="utf-8")
    assert f'href="../changes.html#{REVIEW}"' in page
    unchanged = (report / "reviews" / "ilsp-immunotherapy.html").read_text(encoding="utf-8")
    assert "changes.html" not in unchanged


def test_added_and_removed_reviews_in_every_format(cli, updated):
    original = updated / "content" / "ivig-dlrpn.yaml"
    text = original.read_text(encoding="utf-8")
    (updated / "content" / "ivig-copy.yaml").write_text(text.replace("id: ivig-dlrpn", "id: ivig-copy"), encoding="utf-8")
    original.unlink()
    text = cli("diff", "--since", "HEAD~1")
    assert text.returncode == 1
    assert "ivig-copy (content/ivig-copy.yaml): added since HEAD~1" in text.stdout
    assert "ivig-dlrpn (HEAD~1:content/ivig-dlrpn.yaml): removed since HEAD~1" in text.stdout
    # an added review's documents are new: not "0 changed, 0 added, 0 removed sentences"
    assert "  summary: new (no earlier version)" in text.stdout
    assert "0 changed, 0 added, 0 removed" not in text.stdout
    for name in ("markdown", "html"):
        result = cli("diff", "--since", "HEAD~1", "--format", name)
        assert result.returncode == 1 and "ivig-copy" in result.stdout and "ivig-dlrpn" in result.stdout
        assert "new (no earlier version)" in result.stdout and "0 changed, 0 added, 0 removed" not in result.stdout


def test_the_recheck_list_reads_claims_not_single_words(cli, updated):
    """Issue 23, cause 9: a question that names the stroke outcome claims nothing and is not listed
    (the one-word match 'stroke' listed it); the key message that claims about stroke is, with its
    certainty word."""
    data = diff_json(cli, "--since", "HEAD~1")
    (review,) = data["reviews"]
    listed = {item["sentence"]: item["reasons"] for item in review["recheck"]}
    assert "And we wanted to know if checks change how many people have heart disease or a stroke." not in listed
    assert any("claims about" in reason and "the result stroke changed" in reason for reason in listed[KEY_MESSAGE])
    assert all("mentions" not in reason for reasons in listed.values() for reason in reasons)
