"""Suppressions in the YAML (one check, one field, a reason) and exemptions in the config (issue 13)."""

from __future__ import annotations

import json

REVIEW = "ilsp-immunotherapy"
BACKGROUND = "    plain: >-\n      ILSP is an uncommon"  # the lay background: one jargon word ('peripheral')
RESULTS = "  main_results:\n    technical: >-\n"


def edit(project, old: str, new: str) -> None:
    path = project / "content" / f"{REVIEW}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def findings(cli, *args: str) -> dict:
    result = cli("check", "--format", "json", *args)
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return next(d for d in json.loads(result.stdout)["documents"] if d["document"] == f"{REVIEW}/summary")


def jargon(document: dict) -> list[str]:
    return [f"{f['line']}:{f['message']}" for f in document["findings"] if f["check"] == "plain.jargon"]


def test_a_suppression_silences_exactly_one_finding_and_is_counted(cli, project) -> None:
    before = jargon(findings(cli))
    edit(project, BACKGROUND, "    # plainsum: disable=plain.jargon -- 'peripheral' is explained in the next sentence\n" + BACKGROUND)
    summary = findings(cli)
    after = jargon(summary)
    assert len(after) == len(before) - 1
    gone = [line for line in before if "'peripheral'" in line]
    assert len(gone) == 1 and not any("'peripheral'" in line for line in after)
    assert [s["suppression"] for s in summary["suppressed"]] == [{
        "kind": "source", "reason": "'peripheral' is explained in the next sentence",
        "where": f"content/{REVIEW}.yaml:40:5",
    }]
    text = cli("check", "-v").stdout
    assert "suppressed: 1 (1 by comments in the YAML)" in text
    assert "suppressed [plain.jargon] jargon: 'peripheral'" in text and "is explained in the next sentence" in text


def test_a_trailing_comment_on_the_field_line_works_too(cli, project) -> None:
    edit(project, BACKGROUND, "    plain: >-  # plainsum: disable=plain.jargon,plain.rare-word -- explained below\n      ILSP is an uncommon")
    summary = findings(cli)
    assert {f["check"] for f in summary["suppressed"]} >= {"plain.jargon", "plain.rare-word"}
    assert all(f["line"] < 58 for f in summary["suppressed"])  # only inside that field


def test_an_unused_suppression_is_a_warning(cli, project) -> None:
    edit(project, RESULTS, "  main_results:\n    # plainsum: disable=plain.passive -- no passive voice here\n    technical: >-\n")
    result = cli("check", "-v")  # a warning: listed for a passing document with -v, counted always
    assert result.returncode == 0 and "suppression.unused 1" in cli("check").stdout
    line = next(n for n, text in enumerate((project / "content" / f"{REVIEW}.yaml").read_text().splitlines(), 1)
                if "disable=plain.passive" in text)
    assert (f"content/{REVIEW}.yaml:{line}:5: warning [suppression.unused] unused suppression: plain.passive found "
            "nothing in this field to silence") in result.stdout


def test_a_suppression_needs_a_reason_and_a_known_check(cli, project) -> None:
    edit(project, BACKGROUND, "    # plainsum: disable=plain.jargon\n" + BACKGROUND)
    result = cli("check")
    assert result.returncode == 2
    assert f"content/{REVIEW}.yaml:40:7: a suppression needs its reason after ' -- '" in result.stderr
    edit(project, "    # plainsum: disable=plain.jargon\n", "    # plainsum: disable=plain.jargn -- a reason\n")
    result = cli("check")
    assert result.returncode == 2 and "unknown check 'plain.jargn' in a suppression; did you mean 'plain.jargon'?" in result.stderr


def test_a_comment_inside_prose_is_text_not_a_suppression(cli, project) -> None:
    edit(project, BACKGROUND, "    plain: >-\n      About # plainsum: disable=plain.jargon -- not a comment. ILSP is an uncommon")
    assert findings(cli).get("suppressed") == []


def test_config_exempts_reviews_by_glob_per_check_with_a_reason(cli, project) -> None:
    config = project / "plainsum.toml"
    config.write_text(config.read_text(encoding="utf-8") + '\n[[exempt]]\nreviews = ["ilsp-*"]\nchecks = ["plain.jargon"]\n'
                      'reason = "published before the glossary existed"\n', encoding="utf-8")
    summary = findings(cli)
    assert jargon(summary) == []
    assert summary["suppressed"] and {s["suppression"]["kind"] for s in summary["suppressed"]} == {"config"}
    assert summary["suppressed"][0]["suppression"]["reason"] == "published before the glossary existed"
    others = json.loads(cli("check", "--format", "json").stdout)["documents"]
    assert any(f["check"] == "plain.jargon" for d in others if not d["document"].startswith("ilsp") for f in d["findings"])
    assert "by [[exempt]] in the config" in cli("check").stdout


def test_an_exemption_needs_a_reason(cli, project) -> None:
    (project / "plainsum.toml").write_text('[[exempt]]\nreviews = ["ilsp-*"]\n', encoding="utf-8")
    result = cli("check")
    assert result.returncode == 2 and "plainsum.toml:1:1: an exemption needs a 'reason'" in result.stderr


def test_sarif_marks_suppressed_results(cli, project) -> None:
    edit(project, BACKGROUND, "    # plainsum: disable=plain.jargon -- explained in the next sentence\n" + BACKGROUND)
    log = json.loads(cli("check", "--format", "sarif").stdout)
    suppressed = [r for r in log["runs"][0]["results"] if "suppressions" in r]
    assert len(suppressed) == 1 and suppressed[0]["suppressions"][0]["kind"] == "inSource"
    assert "explained in the next sentence" in suppressed[0]["suppressions"][0]["justification"]
