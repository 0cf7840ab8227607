"""Configuration mistakes are never silent: each is an error at its own line, with "did you mean",
and exit 2; `--config` works before and after the command name (issue 13)."""

from __future__ import annotations

import pytest

REVIEW = "ilsp-immunotherapy"


def write_config(project, text: str) -> None:
    (project / "plainsum.toml").write_text(text, encoding="utf-8")


def line_of(project, needle: str) -> int:
    lines = (project / "plainsum.toml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if needle in line)


@pytest.mark.parametrize("text, needle, message", [
    ('[checks."plain.long-sentence"]\nseverity = "warning"\nmax_word = 20\n', "max_word",
     "unknown option 'max_word' for check 'plain.long-sentence'; did you mean 'max_words'?"),
    ('[gate.summary]\nmax_flesch_kincaid_grade = 13\n\n[gate.summary.sentences]\nmax_wrds = 30\n', "max_wrds",
     "unknown setting 'max_wrds'; did you mean 'max_words'?"),
    ('[gate.summary]\npreset = "nhi"\n', "preset", "unknown preset 'nhi'; did you mean 'nih'?"),
    ('[gate.summary]\nmax_flesch_kincaid_grad = 13\n', "max_flesch", "did you mean 'max_flesch_kincaid_grade'?"),
    ('formats = ["html"]\nbaselne = "b.json"\n', "baselne", "unknown setting 'baselne'; did you mean 'baseline'?"),
    ('[report]\nmax_anotations = 3\n', "max_anotations", "did you mean 'max_annotations'?"),
    ('[[exempt]]\nreviews = ["cd*"]\nchecks = ["plain.jargn"]\nreason = "legacy"\n', "checks",
     "unknown check 'plain.jargn'; did you mean 'plain.jargon'?"),
])
def test_an_unknown_key_at_any_depth_is_reported_at_its_own_line(cli, project, text, needle, message) -> None:
    write_config(project, text)
    result = cli("check")
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"plainsum.toml:{line_of(project, needle)}:1: " in result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr


def test_a_key_in_an_inline_table_is_reported_at_its_column(cli, project) -> None:
    write_config(project, '[gate.summary]\nsentences = { max_words = 30, max_grad = 16 }\n')
    result = cli("check")
    assert result.returncode == 2
    column = 'sentences = { max_words = 30, max_grad = 16 }'.index("max_grad") + 1
    assert f"plainsum.toml:2:{column}: unknown setting 'max_grad'; did you mean 'max_grade'?" in result.stderr


def test_a_section_gate_that_matches_no_section_is_an_error(cli, project) -> None:
    write_config(project, '[gate.summary]\nmax_flesch_kincaid_grade = 13\n\n[gate.summary.sections."Reveiw question"]\n'
                          'max_flesch_kincaid_grade = 12\n')
    result = cli("check")
    assert result.returncode == 2, result.stdout + result.stderr
    assert ("plainsum.toml:4:1: section gate '[gate.summary.sections.\"Reveiw question\"]' matches no section of any "
            "summary; did you mean 'Review question'?") in result.stderr
    built = cli("build", "--formats", "txt")
    assert built.returncode == 2 and "plainsum.toml:4:1: section gate" in built.stderr
    # the same heading spelt right gates that section
    write_config(project, '[gate.summary.sections."review question"]\nmax_flesch_kincaid_grade = 12\n')
    right = cli("check")
    assert right.returncode == 1 and "section 'Review question': Flesch-Kincaid grade" in right.stdout


def test_a_section_gate_on_some_files_is_a_warning_not_silence(cli, project) -> None:
    write_config(project, '[gate.summary.sections."What did we find?"]\nmax_flesch_kincaid_grade = 12\n')
    assert cli("check").returncode == 0  # general-health-checks has that section
    some = cli("check", f"content/{REVIEW}.yaml")  # it may be in files not checked: said, but not exit 2
    assert some.returncode == 0
    assert ("plainsum.toml:1:1: warning: section gate '[gate.summary.sections.\"What did we find?\"]' matches no section of "
            "the 1 summary checked (files not checked may have it)") in some.stderr
    write_config(project, '[gate.summary.sections."Reveiw question"]\nmax_flesch_kincaid_grade = 12\n')
    typo = cli("check", f"content/{REVIEW}.yaml")
    assert typo.returncode in (0, 1), typo.stderr
    assert "plainsum.toml:1:1: warning: section gate '[gate.summary.sections.\"Reveiw question\"]' matches no section" in typo.stderr
    assert "did you mean 'Review question'?" in typo.stderr


def test_config_before_or_after_the_command(cli, project) -> None:
    (project / "strict.toml").write_text('[gate.summary]\npreset = "nih"\n', encoding="utf-8")
    before = cli("--config", "strict.toml", "check")
    after = cli("check", "--config", "strict.toml")
    assert before.returncode == after.returncode == 1
    assert f"{REVIEW}/summary: FAIL" in after.stdout and before.stdout == after.stdout
    assert cli("build", "--config", "strict.toml", "--formats", "txt").returncode == 1
    both = cli("--config", "plainsum.toml", "check", "--config", "strict.toml")
    assert both.returncode == 2 and "given twice" in both.stderr
    missing = cli("check", "--config", "nope.toml")
    assert missing.returncode == 2 and "nope.toml" in missing.stderr
