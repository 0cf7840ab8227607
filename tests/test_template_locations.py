"""Findings in template text name the template as the author can find it: plainsum's own as
`plainsum:templates/<name>` (not the absolute path of the installed package), a project's
override by its path in the project."""

from __future__ import annotations

import json
import re
import shutil

from plainsum.config.paths import default_templates_dir

BUILTIN = "plainsum:templates/summary/classic.md.j2"


def test_a_finding_in_plainsums_template_names_it_by_its_name(cli, project):
    result = cli("check", "-v", "content/ilsp-immunotherapy.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(re.escape(BUILTIN) + r":\d+:\d+: warning \[plain\.passive\]", result.stdout), result.stdout
    assert str(default_templates_dir().resolve()) not in result.stdout + result.stderr


def test_sarif_gives_plainsums_template_as_its_own_uri(cli, project):
    result = cli("check", "-v", "--format", "sarif", "content/ilsp-immunotherapy.yaml")
    uris = {location["physicalLocation"]["artifactLocation"]["uri"]
            for run in json.loads(result.stdout)["runs"] for item in run["results"] for location in item["locations"]}
    assert BUILTIN in uris
    assert not any(uri.startswith("file:") for uri in uris), uris


def test_a_projects_override_is_named_by_its_path_in_the_project(cli, project):
    override = project / "templates" / "summary"
    override.mkdir(parents=True)
    shutil.copy(default_templates_dir() / "summary" / "classic.md.j2", override / "classic.md.j2")
    result = cli("check", "-v", "content/ilsp-immunotherapy.yaml")
    assert re.search(r"^\s*templates/summary/classic\.md\.j2:\d+:\d+: warning \[plain\.passive\]", result.stdout, re.M), result.stdout
    assert BUILTIN not in result.stdout
