"""The JSON Schemas of review and translation files agree with the loader: every shipped, scaffolded
and imported file passes both; every file the loader refuses for a reason a schema can state (an
unknown or misspelt key, a wrong type, a value outside its choices, a missing key), the schema refuses
too, checked with jsonschema in-process and with the check-jsonschema command an editor's CI would run."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import REPO, SHIPPED_EXAMPLES

from plainsum.content.kinds import KINDS
from plainsum.content.loader import load_review
from plainsum.content.schema import content_schema, translation_schema
from plainsum.errors import InputError

CONTENT = jsonschema.Draft202012Validator(content_schema(), format_checker=jsonschema.FormatChecker())
TRANSLATION = jsonschema.Draft202012Validator(translation_schema(), format_checker=jsonschema.FormatChecker())

# What the loader refuses that no schema can say: these refusals need not be the schema's.
NOT_SCHEMA_REASONS = re.compile("|".join((
    r"does not match the file name", r"is undefined", r"template", r"YAML syntax", r"not UTF-8", r"outside its confidence interval",
    r"is already used on line", r"no 'intervention', and there is no fact", r"needs 'better: lower' or 'better: higher'",
    r"'direction' .* but its estimate", r"is not earlier than", r"but the DOI .* is version", r"needs a risk ratio",
    r"undefined", r"unsafe", r"not allowed", r"access", r"a number of its source text",
)))


class EditorLoader(yaml.SafeLoader):
    """YAML as an editor's YAML language server reads it (YAML 1.2's core schema): a date is text."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def as_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key): as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value


def schema_errors(text: str, validator: jsonschema.Draft202012Validator = CONTENT) -> list[str]:
    return [error.message for error in validator.iter_errors(as_json(yaml.load(text, Loader=EditorLoader)))]


def loader_problems(path: Path) -> list[str]:
    try:
        load_review(path)
    except InputError as error:
        return [problem.message for problem in error.problems]
    return []


def test_the_schema_describes_every_key_the_loader_knows():
    from plainsum.content import schema

    schema.UNDESCRIBED.clear()
    content_schema()
    translation_schema()
    assert schema.UNDESCRIBED == [], "describe these keys in plainsum/content/schema.py"


@pytest.mark.parametrize("name", SHIPPED_EXAMPLES)
def test_every_shipped_review_passes_the_schema(name):
    assert schema_errors((REPO / "content" / f"{name}.yaml").read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", sorted((REPO / "content").glob("*.*.yaml")), ids=lambda p: p.name)
def test_every_shipped_translation_passes_the_translation_schema(path):
    assert schema_errors(path.read_text(encoding="utf-8"), TRANSLATION) == []


@pytest.mark.parametrize(("kind", "layout"), [(kind.name, layout) for kind in KINDS.values() for layout in kind.layouts])
def test_every_scaffold_of_plainsum_new_passes_both(cli, project, kind, layout):
    made = cli("new", "fresh", "--kind", kind, "--layout", layout)
    assert made.returncode == 0, made.stderr
    path = project / "content" / "fresh.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/content.schema.json\n")
    assert json.loads((project / "schemas" / "content.schema.json").read_text(encoding="utf-8")) == content_schema()
    assert loader_problems(path) == []
    assert schema_errors(text) == []


def test_init_writes_the_schemas_its_example_names(cli, tmp_path):
    assert cli("init", str(tmp_path / "new-project")).returncode == 0
    root = tmp_path / "new-project"
    example = (root / "content" / "general-health-checks.yaml").read_text(encoding="utf-8")
    assert example.startswith("# yaml-language-server: $schema=../schemas/content.schema.json\n")
    assert json.loads((root / "schemas" / "translation.schema.json").read_text(encoding="utf-8")) == translation_schema()
    assert schema_errors(example) == []


def test_the_command_prints_the_schema(cli, project):
    printed = cli("schema", "content")
    assert printed.returncode == 0 and json.loads(printed.stdout) == content_schema()
    assert json.loads(cli("schema", "translation").stdout) == translation_schema()
    config = cli("schema", "config")  # made from the declared settings (plainsum/gate/config_schema.py)
    assert config.returncode == 0 and json.loads(config.stdout)["properties"]["report"]["type"] == "object"


# --- broken files ----------------------------------------------------------------------------------

# (file, text in it, replacement): what authors get wrong, one thing at a time
BROKEN = [
    ("ilsp-immunotherapy", "language: en", "language: en\nreviewed_by: someone"),  # unknown key
    ("ilsp-immunotherapy", "  objectives:\n", "  objectivs:\n"),  # misspelt section
    ("ilsp-immunotherapy", "kind: cochrane-review", "kind: cochrane-reviw"),  # bad enum
    ("ilsp-immunotherapy", "layout: classic", "layout: study"),  # a layout of another kind
    ("ilsp-immunotherapy", "layout: classic", "layout: clasic"),
    ("ilsp-immunotherapy", "title: Immunotherapy for idiopathic lumbosacral plexopathy\n", ""),  # missing required
    ("ilsp-immunotherapy", "  search_date: 2013-10-15", "  search_date: 15 October 2013"),  # a date as text
    ("ilsp-immunotherapy", "  search_date: 2013-10-15", "  search_date: 2013-13-45"),  # not a date at all
    ("ilsp-immunotherapy", "  included_studies: 0", "  included_studies:"),  # a fact with no value
    ("ilsp-immunotherapy", "  included_studies: 0", "  Included-Studies: 0"),  # a bad fact name
    ("ilsp-immunotherapy", "  included_studies: 0", "  range: 0"),  # a reserved fact name
    ("ilsp-immunotherapy", "sections:\n  background:", "sections:\n  - background\nunused:\n  background:"),
    ("ilsp-immunotherapy", "summary:\n  review_question:", "summary:\n  question:"),
    ("ilsp-immunotherapy", "    technical: >-\n      To assess", "    technicl: >-\n      To assess"),
    ("ilsp-immunotherapy", "id: ilsp-immunotherapy", "id: ILSP_immunotherapy"),
    ("ivig-dlrpn", "layout: study", "layout: cochrane-2021"),
    ("ivig-dlrpn", "language: en", "language: en\ndoi: not-a-doi"),
    ("ivig-dlrpn", "language: en", "language: en\nauthors: Ada Example"),
    ("general-health-checks", "    certainty: high", "    certainty: lowish"),
    ("general-health-checks", "    size: little or no difference", "    size: tiny"),
    ("general-health-checks", "    studies: 11", "    studies: eleven"),
    ("general-health-checks", "    studies: 11", "    studies: 0"),
    ("general-health-checks", "    ci: [0.97, 1.03]", "    ci: [0.97]"),
    ("general-health-checks", "    measure: RR\n    estimate: 1.00", "    measure: RR\n    estimate: one"),
    ("general-health-checks", "    control_risk: 0.068", "    control_risk: 0.068\n    per: 500"),
    ("general-health-checks", "    study_word: trials\n    participants: 233298", "    study_word: trials\n    participant: 233298"),
    ("general-health-checks", "    comparison: no health checks\n    control_risk: 0.068",
     "    comparison: {technical: no health checks, plural: maybe}\n    control_risk: 0.068"),
    ("general-health-checks", "  key_messages:", "  key_message:"),
    ("general-health-checks", "  search_date: 2018-01-31\n", ""),  # a fact the kind needs
]


def _broken_cases() -> list[tuple[str, str, str]]:
    """BROKEN, and every `replace(project, old, new)` of the loader's own bad-input tests (tests/test_core_invalid_content.py)."""
    source = (Path(__file__).parent / "test_core_invalid_content.py").read_text(encoding="utf-8")
    found = [("ilsp-immunotherapy", yaml.safe_load(f"[{old}]")[0], yaml.safe_load(f"[{new}]")[0])
             for old, new in re.findall(r'replace\(project, ("(?:[^"\\]|\\.)*"), ("(?:[^"\\]|\\.)*")\)', source)]
    return BROKEN + found


@pytest.mark.parametrize(("name", "old", "new"), _broken_cases(), ids=lambda value: str(value)[:40])
def test_what_the_loader_refuses_for_a_schema_reason_the_schema_refuses(tmp_path, name, old, new):
    text = (REPO / "content" / f"{name}.yaml").read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / f"{name}.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    problems = loader_problems(path)
    assert problems, "the loader accepts it: not a broken file"
    try:
        refused = schema_errors(path.read_text(encoding="utf-8"))
    except yaml.YAMLError:
        return  # not YAML: no schema sees it, the loader says where
    if not refused:
        unexplained = [message for message in problems if not NOT_SCHEMA_REASONS.search(message)]
        assert not unexplained, f"the loader refuses it for a reason the schema misses: {unexplained}"


@pytest.mark.parametrize(("old", "new"), [
    ("language: es", "language: es\nreviewer: someone"),
    ("translators: [plainsum contributors]", "translators: []"),
    ("date: 2026-12-01", "date: yesterday"),
    ("  plain_title: 16dd7dea136d", "  plain_title: not-a-digest"),
    ("sections:\n  background:\n    plain:", "sections:\n  background:\n    technical:"),
])
def test_broken_translations_are_refused_by_the_schema_too(tmp_path, old, new):
    from plainsum.content.translation import load_translation
    from plainsum.render.templates import TemplateSet

    for name in ("ilsp-immunotherapy.yaml", "ilsp-immunotherapy.es.yaml"):
        shutil.copy(REPO / "content" / name, tmp_path / name)
    path = tmp_path / "ilsp-immunotherapy.es.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    templates = TemplateSet(None)
    with pytest.raises(InputError):
        load_translation(path, load_review(tmp_path / "ilsp-immunotherapy.yaml", templates=templates), templates.locale)
    assert schema_errors(path.read_text(encoding="utf-8"), TRANSLATION)


def test_check_jsonschema_reports_a_misspelt_key_and_a_bad_value_as_an_editor_would(tmp_path):
    """The check-jsonschema command (its pre-commit hook, or CI) on a review with two mistakes."""
    schema = tmp_path / "content.schema.json"
    schema.write_text(json.dumps(content_schema()), encoding="utf-8")
    shipped = [str(REPO / "content" / f"{name}.yaml") for name in SHIPPED_EXAMPLES]
    good = subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), *shipped],
                          capture_output=True, text=True)
    assert good.returncode == 0, good.stdout + good.stderr
    text = (REPO / "content" / "general-health-checks.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "general-health-checks.yaml"
    bad.write_text(text.replace("  what_is:", "  what_it_is:", 1).replace("certainty: moderate", "certainty: lowish", 1), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), str(bad)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "'what_it_is' was unexpected" in result.stdout
    assert "'lowish' is not one of ['high', 'moderate', 'low', 'very low']" in result.stdout
