"""Templates see "What's new" as `changes`, from the version the build published before this one."""

from __future__ import annotations

from pathlib import Path

from test_diff import REVIEW, update

from plainsum.config.paths import default_templates_dir

WHATS_NEW = "\n{% if changes %}\n## What's new\n\n{{ changes.whats_new }}\n{% endif %}\n"


def test_a_template_prints_whats_new_and_a_rebuild_keeps_it(cli, project: Path):
    template = project / "templates" / "summary" / "cochrane-2021.md.j2"
    template.parent.mkdir(parents=True)
    template.write_text((default_templates_dir() / "summary" / "cochrane-2021.md.j2").read_text(encoding="utf-8") + WHATS_NEW,
                        encoding="utf-8")
    summary = project / "output" / REVIEW / "summary.md"
    assert cli("build", "--formats", "md", "--no-progress").returncode == 0
    assert "What's new" not in summary.read_text(encoding="utf-8")  # a first version has no earlier one
    path = project / "content" / f"{REVIEW}.yaml"
    update(path, conclusions_changed=False)
    # the author also rewords the key message the update made too sure (stroke is now low certainty):
    # without it the truth checks withhold the summary (results.certainty)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Health checks probably make little or no difference to how many people have heart disease or",
        "Health checks may make little or no difference to how many people have heart disease or"), encoding="utf-8")
    built = cli("build", "--formats", "md", "--no-progress")
    assert built.returncode == 0, built.stdout + built.stderr
    text = " ".join(summary.read_text(encoding="utf-8").split())
    assert "## What's new New search has been performed: We searched for studies up to 31 March 2020" in text
    # the last words of the summary, before the citation and DOI that close every md file
    assert text.split(" --- ")[0].endswith("New citation required but conclusions have not changed.")
    # published now, so the earlier version is the one it replaced: the same statement, rendered again
    assert cli("build", "--formats", "md", "--no-progress", "--force").returncode == 0
    assert " ".join(summary.read_text(encoding="utf-8").split()) == text
