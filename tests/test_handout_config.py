"""[handout] and `paper` in plainsum.toml: what they accept and the messages for what they do not."""

from __future__ import annotations

import pytest


def _configure(project, text: str) -> None:
    config = project / "plainsum.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n" + text, encoding="utf-8")


@pytest.mark.parametrize(("setting", "message"), [
    ("[handout]\nbody_size = 30", "'body_size' must be a number of points from 9 to 20, not 30"),
    ("[handout]\nbody_size = \"12pt\"", "'body_size' must be a number of points"),
    ("[handout]\nfont = 12", "unknown setting 'font' in [handout]"),
    ("[handout]\nlogo = \"../secret.png\"\nlogo_alt = \"x\"", "'logo' must be the name of a file in templates/assets/"),
    ("[handout]\nlogo = \"logo.png\"", "a logo needs a text alternative"),
    ("[handout]\nquestions = \"Why?\"", "'questions' must be a list of questions as text"),
    ("[handout]\nprinted_on = \"yes\"", "'printed_on' must be true or false"),
])
def test_bad_handout_settings_are_reported_at_their_line(cli, project, setting, message):
    _configure(project, setting)
    result = cli("check")
    assert result.returncode == 2
    assert "plainsum.toml:" in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("value", "message"), [
    ('["a4", "a3"]', "'paper' must be one of a4, letter, not 'a3'"),
    ('["a4", "a4"]', "'paper' names a size twice"),
    ("[]", "'paper' must be a page size or a list of them"),
])
def test_bad_paper_lists(cli, project, value, message):
    config = project / "plainsum.toml"
    config.write_text(f"paper = {value}\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    result = cli("check")
    assert result.returncode == 2 and message in result.stderr


def test_a_missing_logo_file_is_an_input_error(cli, project):
    _configure(project, '[handout]\nlogo = "logo.png"\nlogo_alt = "Our logo"')
    result = cli("build", "--formats", "html")
    assert result.returncode == 2
    assert "the [handout] logo 'logo.png' is not in templates/assets/" in result.stderr
    assert "Traceback" not in result.stderr


def test_handout_settings_reach_the_page(cli, project):
    _configure(project, '[handout]\norganisation = "Example Trust"\ncontact = "Call 0123."\nquestions = ["What now?"]')
    assert cli("build", "--formats", "html").returncode == 0
    html = (project / "output" / "ivig-dlrpn" / "summary.html").read_text(encoding="utf-8")
    assert "Example Trust" in html and "Call 0123." in html and "<li>What now?</li>" in html
    assert "Printed on" not in html  # a printed-on date is for handouts only
