"""plainsum translate export|import: XLIFF 1.2 for translation tools, round-tripped through the shipped
Spanish translation, with the translation checks reported at the XLIFF unit they are about."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO
from lxml import etree

XLIFF = "{urn:oasis:names:tc:xliff:document:1.2}"
SPANISH = REPO / "content" / "ilsp-immunotherapy.es.yaml"


@pytest.fixture
def translated(project: Path) -> Path:
    """The project with the shipped Spanish translation beside its review."""
    shutil.copy(SPANISH, project / "content" / SPANISH.name)
    return project


def _units(path: Path) -> dict[str, etree._Element]:
    root = etree.parse(str(path)).getroot()
    return {unit.get("id"): unit for unit in root.iter(f"{XLIFF}trans-unit")}


def test_export_writes_one_xliff_1_2_unit_per_field_with_notes(cli, translated):
    result = cli("translate", "export", "ilsp-immunotherapy", "--lang", "es")
    assert result.returncode == 0, result.stderr
    path = translated / "ilsp-immunotherapy.es.xlf"
    root = etree.parse(str(path)).getroot()
    assert root.get("version") == "1.2"
    file = root.find(f"{XLIFF}file")
    assert (file.get("source-language"), file.get("target-language"), file.get("original")) == ("en", "es", "ilsp-immunotherapy.es.yaml")
    units = _units(path)
    assert list(units) == ["plain_title", "summary.review_question", "sections.background.plain",
                           "sections.main_results.plain", "sections.authors_conclusions.plain"]
    main = units["sections.main_results.plain"]
    assert "{{ included_studies | in_words }}" in main.findtext(f"{XLIFF}source")
    assert main.findtext(f"{XLIFF}target").startswith("Buscamos de forma amplia")
    notes = [note.text for note in main.findall(f"{XLIFF}note")]
    assert "Facts this text uses (keep each {{ ... }} as it is, or write its value): included_studies = 0" in notes
    assert "source-version: 12d4546d3082" in notes


def test_export_of_a_review_with_results_names_their_grade_certainty(cli, project):
    result = cli("translate", "export", "general-health-checks", "--lang", "es", "-o", "-")
    assert result.returncode == 0, result.stderr
    assert "<trans-unit" in result.stdout and "<target" not in result.stdout  # no translation yet: sources only
    assert "GRADE: result 'cardiovascular_mortality'" in result.stdout and "moderate-certainty evidence" in result.stdout
    # the words the target language states that certainty with, from its claims vocabulary (grade/es/claims.yaml)
    assert "in es it is stated with words such as 'probablemente'" in result.stdout


def test_round_trip_of_the_shipped_spanish_translation_is_byte_identical(cli, translated):
    before = (translated / "content" / SPANISH.name).read_bytes()
    assert cli("translate", "export", "ilsp-immunotherapy", "--lang", "es").returncode == 0
    result = cli("translate", "import", "ilsp-immunotherapy.es.xlf")
    assert result.returncode == 0, result.stderr
    assert "is unchanged" in result.stdout
    assert (translated / "content" / SPANISH.name).read_bytes() == before == SPANISH.read_bytes()


def test_a_changed_number_is_reported_by_translation_numbers_at_its_unit(cli, translated):
    assert cli("translate", "export", "ilsp-immunotherapy", "--lang", "es").returncode == 0
    path = translated / "ilsp-immunotherapy.es.xlf"
    text = path.read_text(encoding="utf-8").replace("No encontramos ningún ensayo en la PLSI", "Encontramos 2 ensayos en la PLSI")
    path.write_text(text, encoding="utf-8")
    target_line = next(number for number, line in enumerate(text.splitlines(), 1) if "Encontramos 2 ensayos" in line)
    result = cli("translate", "import", str(path))
    assert result.returncode == 1
    assert (f"ilsp-immunotherapy.es.xlf:{target_line}:1: error [translation.numbers] 2 in the translation of "
            "sections.main_results.plain is not a number of its source text (unit sections.main_results.plain;") in result.stderr
    written = (translated / "content" / SPANISH.name).read_text(encoding="utf-8")
    assert "Encontramos 2 ensayos en la PLSI" in written
    # only that field (and the date) changed: the comments and the other fields are as they were
    changed = [line for line in written.splitlines() if line not in SPANISH.read_text(encoding="utf-8").splitlines()]
    assert len(changed) <= 4 and any(line.startswith("date:") for line in changed)


def test_units_that_cannot_be_taken_are_reported_not_dropped(cli, translated):
    assert cli("translate", "export", "ilsp-immunotherapy", "--lang", "es").returncode == 0
    path = translated / "ilsp-immunotherapy.es.xlf"
    text = path.read_text(encoding="utf-8").replace('id="plain_title"', 'id="plain_titel"')
    path.write_text(text, encoding="utf-8")
    result = cli("translate", "import", str(path))
    assert result.returncode == 2
    assert "unit 'plain_titel' is not a field of the lay summary of ilsp-immunotherapy" in result.stderr


def test_a_new_translation_needs_its_translator_and_then_loads(cli, translated):
    assert cli("translate", "export", "ilsp-immunotherapy", "--lang", "es").returncode == 0
    (translated / "content" / SPANISH.name).unlink()
    refused = cli("translate", "import", "ilsp-immunotherapy.es.xlf")
    assert refused.returncode == 2 and "--translator NAME" in refused.stderr
    result = cli("translate", "import", "ilsp-immunotherapy.es.xlf", "--translator", "Ana Example")
    assert result.returncode == 0, result.stderr
    check = cli("check", "content/ilsp-immunotherapy.es.yaml")
    assert check.returncode == 0, check.stdout + check.stderr
    # it exports back to the same units and targets
    assert cli("translate", "export", "ilsp-immunotherapy", "--lang", "es", "-o", "again.xlf").returncode == 0
    first, second = _units(translated / "ilsp-immunotherapy.es.xlf"), _units(translated / "again.xlf")
    assert {key: unit.findtext(f"{XLIFF}target") for key, unit in first.items()} == \
           {key: unit.findtext(f"{XLIFF}target") for key, unit in second.items()}


def test_a_file_that_is_not_xliff_is_invalid_input(cli, project, tmp_path):
    bad = tmp_path / "bad.xlf"
    bad.write_text("<xliff version='1.2'><file", encoding="utf-8")
    result = cli("translate", "import", str(bad))
    assert result.returncode == 2
    assert result.stderr.startswith(f"{bad}:") and "Traceback" not in result.stderr


def test_an_xliff_that_declares_entities_is_refused_unread(cli, project, tmp_path):
    hostile = tmp_path / "hostile.xlf"
    hostile.write_text('<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY x SYSTEM "file:///etc/hostname">]>\n'
                       '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="ivig-dlrpn.es.yaml" '
                       'source-language="en" target-language="es"><body><trans-unit id="plain_title"><source>x</source>'
                       '<target>&x;</target></trans-unit></body></file></xliff>', encoding="utf-8")
    result = cli("translate", "import", str(hostile), "--translator", "X")
    assert result.returncode == 2
    assert "declares a document type or entities" in result.stderr
    assert not (project / "content" / "ivig-dlrpn.es.yaml").exists()


def test_export_refuses_a_language_that_is_not_a_code(tmp_path):
    import shutil
    import subprocess
    import sys

    from conftest import REPO

    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copy(REPO / "plainsum.toml", tmp_path / "plainsum.toml")
    for bad in ("../../x", "e s", ""):
        result = subprocess.run([sys.executable, "-m", "plainsum", "translate", "export", "ilsp-immunotherapy", "--lang", bad],
                                cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert result.returncode == 2 and "is not a language code" in result.stderr, (bad, result.stderr)
    assert not list(tmp_path.glob("*.xlf")) and not (tmp_path.parent / "x.xlf").exists()


def test_paragraphs_and_list_items_of_a_field_survive_an_import(cli, project):
    """A field of several paragraphs and a list (general-health-checks' what_we_found) keeps them: they
    were folded into one paragraph, which ran the list's GRADE statements into one sentence."""
    import yaml

    assert cli("translate", "export", "general-health-checks", "--lang", "es").returncode == 0
    path = project / "general-health-checks.es.xlf"
    tree = etree.parse(str(path))
    for unit in tree.getroot().iter(f"{XLIFF}trans-unit"):
        source = unit.find(f"{XLIFF}source")
        target = unit.find(f"{XLIFF}target")
        if target is None:
            target = etree.SubElement(unit, f"{XLIFF}target")
        target.text = source.text  # a "translation" that keeps the source's layout exactly
    tree.write(str(path), xml_declaration=True, encoding="utf-8")
    result = cli("translate", "import", path.name, "--translator", "Ana Example")
    assert result.returncode in (0, 1), result.stderr
    written = yaml.safe_load((project / "content" / "general-health-checks.es.yaml").read_text(encoding="utf-8"))
    review = yaml.safe_load((project / "content" / "general-health-checks.yaml").read_text(encoding="utf-8"))
    field, original = written["summary"]["what_we_found"], review["summary"]["what_we_found"]
    assert "\n\nCompared with no invitation:\n\n- {{ results.total_mortality.plain }}\n- {{ results.cancer_mortality.plain }}" in field
    assert [part.split() for part in field.split("\n")] == [part.split() for part in original.strip().split("\n")]


def test_translate_finds_the_review_as_every_command_does(cli, translated, monkeypatch):
    """translate reads the project like check and build (issue 22): its configuration found from a
    folder below it, the review found by the project's discovery (an id used twice is refused, as
    `plainsum check` refuses it, instead of one of the two files being taken silently)."""
    monkeypatch.chdir(translated / "content")
    result = cli("translate", "export", "ilsp-immunotherapy", "--lang", "es", "-o", "-")
    assert result.returncode == 0 and "<trans-unit" in result.stdout, result.stderr
    assert "using the configuration in" in result.stderr
    shutil.copy(translated / "content" / "ilsp-immunotherapy.yaml", translated / "content" / "ilsp-immunotherapy.yml")
    result = cli("translate", "export", "ilsp-immunotherapy", "--lang", "es", "-o", "-")
    checked = cli("check", "-q")
    assert result.returncode == 2 and "review id 'ilsp-immunotherapy' is also used by" in result.stderr, result.stderr
    assert "review id 'ilsp-immunotherapy' is also used by" in checked.stderr + checked.stdout
