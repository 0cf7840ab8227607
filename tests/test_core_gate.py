"""The readability gate: a harder lay summary fails check and is withheld by build; --draft marks it."""

from __future__ import annotations

from pathlib import Path

REVIEW = "ilsp-immunotherapy"
HARD_BACKGROUND = (
    "Idiopathic lumbosacral radiculoplexus neuropathy constitutes a heterogeneous, predominantly "
    "immunologically mediated microvasculitic polyneuropathic syndrome characterised by asymmetrical "
    "proximal lower-extremity neuropathic nociception, subsequently progressing towards multifocal "
    "denervation-associated amyotrophy, electrophysiologically demonstrable axonal degeneration, and "
    "considerable persistent functional disability notwithstanding spontaneous, incomplete neurological "
    "recuperation over protracted intervals."
)


def make_summary_harder(project: Path) -> None:
    path = project / "content" / f"{REVIEW}.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    plain: >-\n      ILSP is an uncommon")
    end = text.index("  objectives:")
    replacement = "    plain: >-\n" + "".join(f"      {HARD_BACKGROUND}\n" for _ in range(3))
    path.write_text(text[:start] + replacement + text[end:], encoding="utf-8")


def test_shipped_content_passes_check(cli, project):
    result = cli("check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{REVIEW}/summary: pass" in result.stdout


def test_harder_summary_fails_check_with_exit_1(cli, project):
    make_summary_harder(project)
    result = cli("check")
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{REVIEW}/summary: FAIL" in result.stdout
    assert "readability.thresholds" in result.stdout
    assert f"{REVIEW}/abstract: pass" in result.stdout


def test_harder_summary_is_not_published_but_its_abstract_is(cli, project):
    make_summary_harder(project)
    result = cli("build", "--formats", "html,txt")
    assert result.returncode == 1, result.stdout + result.stderr
    out = project / "output" / REVIEW
    assert (out / "abstract.txt").is_file() and (out / "abstract.html").is_file()
    assert not (out / "summary.txt").exists() and not (out / "summary.html").exists()
    assert f"not published: {REVIEW}/summary" in result.stderr
    assert "flesch_kincaid_grade" in result.stderr or "Flesch-Kincaid" in result.stderr


def test_draft_publishes_the_failing_summary_marked_draft(cli, project):
    make_summary_harder(project)
    result = cli("build", "--formats", "html,txt,md", "--draft")
    assert result.returncode == 1, result.stdout + result.stderr
    out = project / "output" / REVIEW
    assert (out / "summary.txt").read_text(encoding="utf-8").startswith("DRAFT")
    assert "DRAFT" in (out / "summary.md").read_text(encoding="utf-8").splitlines()[0]
    html = (out / "summary.html").read_text(encoding="utf-8")
    assert "<title>DRAFT: " in html and 'class="draft-banner"' in html
    assert "DRAFT" not in (out / "abstract.txt").read_text(encoding="utf-8")


def test_a_stricter_threshold_in_config_blocks_the_shipped_summary(cli, project):
    config = project / "plainsum.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text + "\n", encoding="utf-8")
    stricter = project / "strict.toml"
    stricter.write_text('[gate.summary]\nmax_flesch_kincaid_grade = 8\n', encoding="utf-8")
    result = cli("--config", str(stricter), "check")
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{REVIEW}/summary: FAIL" in result.stdout


def test_gate_settings_can_live_in_pyproject(cli, project):
    (project / "plainsum.toml").unlink()
    (project / "pyproject.toml").write_text(
        '[project]\nname = "reviews"\n\n[tool.plainsum]\nformats = ["txt"]\n\n[tool.plainsum.gate.summary]\nmax_flesch_kincaid_grade = 8\n',
        encoding="utf-8",
    )
    result = cli("check")
    assert result.returncode == 1, result.stdout + result.stderr


def test_the_draft_notice_fits_a_summary_withheld_by_a_truth_check(cli, project):
    """The DRAFT notice says the document did not pass its checks, whichever they were: the
    general health checks summary passes every readability bound and, with a sentence that says a
    high-certainty result "probably" reduces a risk, is withheld for a claim its result does not
    support (results.certainty): "failed the readability gate" was wrong there."""
    import json

    from babel.messages.pofile import read_po
    from conftest import REPO

    path = project / "content" / "general-health-checks.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("so for most results we can be quite sure.",
                                 "so for most results we can be quite sure. Health checks probably reduce the chance of "
                                 "dying from any cause.", 1), encoding="utf-8")
    checked = cli("check", "--format", "json", "content/general-health-checks.yaml")
    summary = next(d for d in json.loads(checked.stdout)["documents"] if d["kind"] == "summary")
    errors = {f["check"] for f in summary["findings"] if f["severity"] == "error"}
    assert errors and not any(check.startswith("readability.") for check in errors), errors
    cli("build", "--formats", "txt", "--draft", "content/general-health-checks.yaml")
    text = (project / "output" / "general-health-checks" / "summary.txt").read_text(encoding="utf-8")
    assert text.startswith("DRAFT: this plain language summary did not pass its checks and is not for publication.")
    for language, readability in (("de", "Lesbarkeit"), ("es", "legibilidad"), ("fr", "lisibilité"), ("pt", "legibilidade")):
        with open(REPO / "templates" / "locale" / language / "LC_MESSAGES" / "plainsum.po", "rb") as stream:
            notices = [m.string for m in read_po(stream) if isinstance(m.id, str) and m.id.startswith("DRAFT: this")]
        assert len(notices) == 2 and all(n and readability not in n for n in notices), (language, notices)


def test_build_quiet_lists_only_what_failed(cli, project):
    """build -q, like check -q: no progress and no passing documents; the failing one, what was not
    published and what was written are still said."""
    make_summary_harder(project)
    result = cli("build", "--formats", "txt", "-q")
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{REVIEW}/summary: FAIL" in result.stdout and ": pass (" not in result.stdout
    assert f"not published: {REVIEW}/summary" in result.stderr and "build: " not in result.stderr
    assert "wrote " in result.stdout
    assert cli("build", "-q", "-v").returncode == 2
