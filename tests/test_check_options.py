"""Typed check options and the context checks are called with (issue 22, item 2)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import asthma_control_result
from test_checks_plain import review_yaml

from plainsum.checks.context import CheckContext
from plainsum.checks.registry import registry
from plainsum.errors import InputError
from plainsum.gate.settings import load_config
from plainsum.project.project import Project


def test_each_option_is_declared_with_its_type_default_and_description() -> None:
    fields = {f.name: f for f in registry["cochrane.length"].option_fields()}
    assert set(fields) == {"min_words", "max_words"}
    assert (fields["min_words"].type, fields["min_words"].default) == ("number", 400)
    assert "fewest words" in fields["min_words"].description
    declared = {spec.id: {f.name: f.type for f in spec.option_fields()} for spec in registry.checks.values() if spec.options}
    assert declared["plain.abbreviation"] == {"allow": "array of strings"}
    assert declared["trial.counts"] == {"groups_add_up": "boolean"}
    assert declared["cochrane.key-messages"] == {"min_messages": "integer", "max_messages": "integer"}
    for spec in registry.checks.values():  # every option says what it does
        assert all(f.description for f in spec.option_fields()), spec.id
        assert spec.options == {f.name: f.default for f in spec.option_fields()}


def _config(tmp_path: Path, text: str):
    (tmp_path / "plainsum.toml").write_text(text, encoding="utf-8")
    return load_config(tmp_path)


def test_options_are_read_typed_once(tmp_path: Path) -> None:
    from plainsum.checks.cochrane import LengthOptions
    from plainsum.checks.plain import AbbreviationOptions, LongSentenceOptions

    config = _config(tmp_path, '[checks."cochrane.length"]\nmin_words = 300\n[checks."plain.long-sentence"]\nmax_words = 20\n')
    context = CheckContext.of(config)
    length = context.options("cochrane.length", LengthOptions)
    assert (length.min_words, length.max_words) == (300.0, 850) and isinstance(length.min_words, float)
    assert context.options("plain.long-sentence", LongSentenceOptions).max_words == 20
    assert context.options("cochrane.length", LengthOptions) is length  # made once
    assert "UK" in context.options("plain.abbreviation", AbbreviationOptions).allow
    with pytest.raises(dataclasses.FrozenInstanceError):
        length.min_words = 1  # type: ignore[misc]


@pytest.mark.parametrize("text,message", [
    ('[checks."cochrane.length"]\nmin_word = 300\n', "unknown option 'min_word' for check 'cochrane.length'; did you mean 'min_words'?"),
    ('[checks."cochrane.length"]\nmin_words = "300"\n', "'min_words' must be like 400, not '300'"),
    ('[checks."plain.jargon"]\nallow = [1, 2]\n', "'allow' must be a list of texts, not [1, 2]"),
    ('[checks."trial.counts"]\ngroups_add_up = 1\n', "'groups_add_up' must be like True, not 1"),
])
def test_options_are_validated_at_their_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        _config(tmp_path, text)
    problem = caught.value.problems[0]
    assert (problem.line, problem.column) == (2, 1), str(problem)
    assert message in problem.message, problem.message


def test_the_claim_checks_share_the_projects_templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from plainsum.render import templates as templates_module

    text = review_yaml(what_we_found="Exercise may improve asthma control. We found 12 studies with 840 people.")
    text = text.replace("results:\n", "results:\n" + asthma_control_result("asthma"), 1)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "tiny.yaml").write_text(text, encoding="utf-8")
    made = []
    original = templates_module.TemplateSet.__init__

    def counting(self, *args, **kwargs) -> None:
        made.append(args)
        original(self, *args, **kwargs)

    monkeypatch.setattr(templates_module.TemplateSet, "__init__", counting)
    outcome = Project(load_config(tmp_path)).check([])
    assert not outcome.problems, outcome.problems
    assert any(f.check.startswith("results.") for r in outcome.results for f in r.findings) or outcome.results
    assert len(made) == 1, f"{len(made)} template sets made for one review's checks"


def test_the_configuration_is_declared_for_tools() -> None:
    from plainsum.config.schema import describe

    data = describe()
    assert list(data["keys"]) == ["content", "output", "templates", "formats", "gate", "checks", "sentences", "paper", "handout",
                                  "languages", "baseline", "ratchet", "exempt", "report", "typography"]
    minus = data["keys"]["typography"]["keys"]["minus"]
    assert (minus["type"], minus["default"], minus["choices"]) == ("choice", "unicode", ["unicode", "hyphen"])
    assert data["keys"]["report"]["keys"]["max_findings"]["minimum"] == 0
    assert "nih" in data["keys"]["gate"]["keys"]["summary"]["keys"]["preset"]["choices"]

    def walk(node: dict, where: str) -> None:
        assert node["description"], where
        for name, child in node.get("keys", {}).items():
            walk(child, f"{where}.{name}")

    walk(data, "plainsum.toml")


def test_an_unknown_key_of_a_declared_table_is_told_with_its_hint(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        _config(tmp_path, "[report]\nmax_finding = 3\n[typography]\nminuss = \"hyphen\"\n")
    messages = [p.message for p in caught.value.problems]
    assert messages == ["unknown report setting 'max_finding'; did you mean 'max_findings'?; allowed: max_annotations, "
                        "max_findings, build_documents, max_results",
                        "unknown setting 'minuss' in [typography]; allowed: minus, ranges"], messages


def test_the_schema_data_holds_every_check_and_its_options() -> None:
    from plainsum.gate.settings import configuration_schema

    data = configuration_schema()
    checks = data["keys"]["checks"]["checks"]
    assert set(checks) == set(registry.ids())
    assert checks["cochrane.length"]["options"]["min_words"] == {
        "type": "number", "default": 400, "description": "The fewest words of a cochrane-2021 lay summary."}
    assert checks["plain.jargon"]["severity"] == "warning"
    assert "html" in data["keys"]["formats"]["choices"]
    import json

    json.dumps(data)  # plain data
