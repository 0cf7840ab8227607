"""plainsum import from plain text: the three seeds and the other ways authors write headings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import SEEDS

from plainsum.content.loader import load_review
from plainsum.importers.text import parse_text
from plainsum.importers.yamlwrite import draft_to_yaml

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="seed documents not available")


def paragraphs(text: str) -> list[str]:
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", text) if block.strip()]


def imported(text: str, tmp_path: Path, name: str = "input.txt", **options):
    draft = parse_text(text, name, **options)
    path = tmp_path / f"{draft.id}.yaml"
    path.write_text(draft_to_yaml(draft), encoding="utf-8")
    return draft, load_review(path), yaml.safe_load(path.read_text(encoding="utf-8"))


@needs_seeds
def test_seed_000_round_trips_paragraph_for_paragraph(cli, project):
    seed = SEEDS / "000_65fb480040db6ade.txt"
    result = cli("import", str(seed), "--id", "seed-000")
    assert result.returncode == 0, result.stderr
    assert "wrote content/seed-000.yaml (cochrane-review" in result.stdout
    built = cli("build", "--formats", "txt", "--draft", "content/seed-000.yaml")
    assert built.returncode in (0, 1), built.stderr
    abstract = (project / "output" / "seed-000" / "abstract.txt").read_text(encoding="utf-8")
    expected = [" ".join(line.split()) for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert paragraphs(abstract) == expected


@needs_seeds
def test_seed_000_headings_map_to_the_seven_sections_and_the_search_date_becomes_a_fact(tmp_path):
    draft, review, data = imported((SEEDS / "000_65fb480040db6ade.txt").read_text(encoding="utf-8"), tmp_path)
    assert review.kind.name == "cochrane-review"
    assert [s.key for s in review.sections] == ["background", "objectives", "search_methods", "selection_criteria",
                                                "data_collection", "main_results", "authors_conclusions"]
    assert str(data["facts"]["search_date"]) == "2013-10-15"
    assert data["sections"]["search_methods"]["technical"].startswith("On {{ search_date | long_date }}, we searched")
    assert review.rendered["sections.search_methods.technical"].startswith("On 15 October 2013, we searched")
    assert any("no title" in note for note in draft.notes)


@needs_seeds
def test_seed_001_lay_summary_and_inline_labelled_abstract(tmp_path):
    _draft, review, data = imported((SEEDS / "001_70ee13a80051c958.txt").read_text(encoding="utf-8"), tmp_path)
    assert review.kind.name == "cochrane-review" and review.layout.name == "as-published"
    assert data["plain_title"].startswith("Immune therapy for lumbosacral plexopathy")
    # the unlabelled paragraphs before "Search strategy:" are the background and the objectives
    assert data["sections"]["background"]["technical"].startswith("Idiopathic lumbosacral plexopathy (ILSP)")
    assert data["sections"]["objectives"]["technical"] == "To assess the effects of any form of immunotherapy in the treatment of ILSP."
    # "Search strategy:" is a synonym of search methods; the conclusions come from the summary part
    assert data["sections"]["search_methods"]["technical"].startswith("On {{ search_date | long_date }}")
    assert data["sections"]["authors_conclusions"]["technical"].startswith("There is at present no evidence")
    summary = data["summary"]["text"]
    assert summary.startswith("## Review question\n\nDo treatments that act on the immune system")
    assert "Database searches for this review were run on {{ search_date | long_date }}." in summary
    assert "## Authors' conclusions" in summary and "Read the full abstract" not in summary


@needs_seeds
def test_seed_003_is_a_primary_study_with_its_references(tmp_path):
    _draft, review, data = imported((SEEDS / "003_82ff7993ffefc0d2.txt").read_text(encoding="utf-8"), tmp_path)
    assert review.kind.name == "primary-study" and review.layout.name == "study"
    assert review.title == "Intravenous immunoglobulin for the treatment of diabetic lumbosacral radiculoplexus neuropathy"
    sections = data["sections"]
    assert sections["objectives"]["technical"].startswith("The objective of this study was to evaluate")
    assert sections["objectives"]["technical"].endswith("corticosteroids.")
    # "Background." written inside the objective is a section of its own
    assert sections["background"]["technical"] == ("DLRPN is a rare painful condition that may occur in diabetes mellitus "
                                                  "(DM). At the moment, there are limited therapeutic options for DLRPN.")
    assert sections["methods"]["technical"].startswith("We recruited five patients")
    assert sections["results"]["technical"].startswith("Four of the patients had positive pain response")
    assert sections["conclusions"]["technical"].endswith("evaluate the role of IVIg in DLRPN.")
    assert len(review.references) == 13
    assert review.references[0].startswith("A. Veves,et al. Painful diabetic neuropathy")
    assert review.references[12].endswith("2003, Der Nervenarzt.")


def test_inline_labels_synonyms_and_unknown_headings_are_kept(tmp_path):
    text = (
        "Exercise for tired knees\n\n"
        "Background: Knee pain is common in older adults.\n\n"
        "Aims: To assess exercise for knee pain.\n\n"
        "Search strategy: We searched MEDLINE up to 3 March 2020.\n\n"
        "Inclusion criteria: Randomised trials of exercise.\n\n"
        "Data collection and analysis: Two authors extracted data.\n\n"
        "Results: We found 12 trials.\n\n"
        "Patient involvement: Two patients read the protocol.\n\n"
        "Conclusions: Exercise may help a little.\n"
    )
    _draft, review, data = imported(text, tmp_path)
    assert review.kind.name == "cochrane-review"
    assert data["sections"]["objectives"]["technical"] == "To assess exercise for knee pain."
    assert data["sections"]["selection_criteria"]["technical"] == "Randomised trials of exercise."
    assert data["sections"]["main_results"]["technical"] == "We found 12 trials."
    assert data["sections"]["authors_conclusions"]["technical"] == "Exercise may help a little."
    assert data["extra_sections"] == [{"heading": "Patient involvement", "technical": "Two patients read the protocol."}]
    assert str(data["facts"]["search_date"]) == "2020-03-03"


def test_unknown_heading_on_its_own_line_is_an_extra_section_in_a_primary_study(tmp_path):
    text = ("Objective\nTo see if naps help.\nMethods\nWe asked 40 people to nap.\nResults\nThey slept better.\n"
            "Trial registration\nInvented registry number 123.\nConclusions\nNaps may help.\n")
    _draft, review, _data = imported(text, tmp_path, name="naps.txt")
    assert review.kind.name == "primary-study"
    assert [s.heading for s in review.sections if s.extra] == ["Trial registration"]
    assert review.id == "naps"


def test_capitalised_labels_in_a_consort_abstract(tmp_path):
    text = ("Short title of a trial.\n\nBACKGROUND Something is uncertain. OBJECTIVE To test a cream. DESIGN A randomised trial in two "
            "clinics. PARTICIPANTS 60 adults with MRSA carriage. RESULTS The MRSA rate fell. CONCLUSIONS It may work.\n")
    _draft, review, data = imported(text, tmp_path)
    assert review.kind.name == "primary-study"
    methods = data["sections"]["methods"]["technical"]
    assert methods == "Design: A randomised trial in two clinics.\n\nParticipants: 60 adults with MRSA carriage."
    assert data["sections"]["results"]["technical"] == "The MRSA rate fell."  # 'MRSA' is not a label


def test_jinja_and_markdown_in_imported_text_stay_literal(cli, project, tmp_path):
    source = tmp_path / "braces.txt"
    source.write_text("A trial of braces\n\nObjective: To test {{ x }} and {% if %} and {# c #}.\n\n"
                      "Methods: # not a heading\n\nResults: 1. not a list\n\nConclusions: {{ review.__class__ }}\n",
                      encoding="utf-8")
    assert cli("import", str(source), "--id", "braces").returncode == 0
    built = cli("build", "--formats", "txt", "--draft", "content/braces.yaml")
    assert built.returncode in (0, 1), built.stderr
    abstract = (project / "output" / "braces" / "abstract.txt").read_text(encoding="utf-8")
    assert "To test {{ x }} and {% if %} and {# c #}." in abstract
    assert "# not a heading" in abstract and "1. not a list" in abstract
    assert "{{ review.__class__ }}" in abstract


def test_numbered_list_without_citations_is_not_taken_for_references(tmp_path):
    text = ("Objective\nTo compare two things.\nMethods\nWe did two steps.\nResults\nIt worked.\nConclusions\n"
            "Two points:\n1. Do the first thing\n2. Do the second thing\n")
    _draft, review, _data = imported(text, tmp_path)
    assert review.references == []


def test_an_abstract_line_after_the_title_is_not_a_lay_summary(tmp_path):
    text = "A trial of naps\n\nAbstract\n\nObjective: To see.\n\nMethods: We napped.\n\nResults: Good.\n\nConclusions: Nap.\n"
    _draft, review, data = imported(text, tmp_path)
    assert review.title == "A trial of naps" and review.layout.name == "study"
    assert data["summary"] == {"study_question": "To see."}


@pytest.mark.parametrize("text", ["Just a title\n", "Background\nMethods\n", "   \n\n"])
def test_text_with_nothing_to_import_is_a_clean_error(cli, project, tmp_path, text):
    source = tmp_path / "empty.txt"
    source.write_text(text, encoding="utf-8")
    result = cli("import", str(source))
    assert result.returncode == 2
    assert result.stderr.startswith(f"{source}:1:1: ") and "Traceback" not in result.stderr
    assert list((project / "content").glob("empty*.yaml")) == []


@needs_seeds
def test_shipped_primary_study_keeps_seed_003_and_passes_a_strict_gate(cli, project):
    (project / "strict.toml").write_text('[gate.summary]\nmax_flesch_kincaid_grade = 8\n', encoding="utf-8")
    checked = cli("--config", "strict.toml", "check", "content/ivig-dlrpn.yaml")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "ivig-dlrpn/summary: pass" in checked.stdout
    assert cli("build", "--formats", "txt", "content/ivig-dlrpn.yaml").returncode == 0
    abstract = " ".join((project / "output" / "ivig-dlrpn" / "abstract.txt").read_text(encoding="utf-8").split())
    seed = (SEEDS / "003_82ff7993ffefc0d2.txt").read_text(encoding="utf-8")
    body = " ".join(seed.split("\n\n")[1].split())
    for label in ("OBJECTIVE", "METHODS", "RESULTS", "CONCLUSIONS", "Background."):
        body = body.replace(label + " ", "\n")
    for piece in filter(None, (p.strip() for p in body.split("\n"))):
        assert piece in abstract
    assert abstract.count("et al.") == 13
