"""The trial-results kind: its checks (tables of files they flag and pass), its data's validation,
and the shipped example (content/sustain-5.yaml and its Spanish translation).

Each text of a table is a small trial-results file (`trial_yaml`), changed in one place.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from conftest import case_params
from test_checks_plain import scored_review

from plainsum.checks import registry
from plainsum.content.loader import load_review
from plainsum.content.trial import EU_MEMBER_STATES, country_name, natural_frequency
from plainsum.errors import InputError
from plainsum.gate.settings import load_config

REPO = Path(__file__).resolve().parent.parent

TRIAL = """\
trial:
  identifiers: {eu_trial_number: 2022-500123-45-00, protocol: ABC-123, nct: NCT01234567}
  sponsor: {name: Example Pharma, contact: trials@example.org}
  start_date: 2023-01-10
  end_date: 2024-02-20
  participants: 100
  countries:
    - {country: DE, participants: 60}
    - {country: US, participants: 40}
  age_groups:
    - {from: 18, to: 64, participants: 70}
    - {from: 65, participants: 30}
  sex: {female: 55, male: 45}
  groups:
    - {id: drug, name: {technical: Drug X 10 mg, plain: drug X}, participants: 50}
    - {id: placebo, name: placebo, participants: 50}
  medicines:
    - {id: drug_x, name: drug X, role: investigational, groups: [drug]}
  adverse_reactions:
    - id: headache
      name: {technical: Headache, plain: headache}
      affected: {drug: 6, placebo: 2}
"""

SUMMARY = {
    "why": "Migraine is a painful headache. The researchers wanted to find out if drug X helps.",
    "medicines": "Drug X is a tablet. People took it once a day.",
    "side_effects": "Some people had a headache.",
    "results": "Fewer people had migraines with drug X.",
    "comments": "The results of this trial may differ from the results of other trials.",
    "follow_up": "No more trials are planned.",
    "more_information": "You can read more on the websites below.",
}


def trial_yaml(trial: str = TRIAL, drop: tuple[str, ...] = (), **parts: str) -> str:
    """A small, complete trial-results file; `drop` leaves out summary parts, `parts` replaces them."""
    summary = {**SUMMARY, **parts}
    lines = [f"  {key}: {value!r}" for key, value in summary.items() if key not in drop]
    if "inclusion" not in drop:
        lines.append("  inclusion: ['they were adults with migraine']")
    if "exclusion" not in drop:
        lines.append("  exclusion: ['they were pregnant']")
    return textwrap.dedent("""\
        id: tiny
        kind: trial-results
        title: A randomised trial of drug X in migraine
        plain_title: Drug X for people with migraine
        sections:
          objectives: {technical: To assess drug X.}
          results: {technical: Drug X reduced migraine days.}
        """) + trial + "summary:\n" + "\n".join(lines) + "\n"


CASES: dict[str, dict[str, list[str]]] = {
    "trial.elements": {
        "flag": [
            trial_yaml(drop=("follow_up",)),
            trial_yaml(TRIAL.replace("  sponsor: {name: Example Pharma, contact: trials@example.org}\n", "")),
            trial_yaml(TRIAL.replace("  sex: {female: 55, male: 45}\n", "")),
            trial_yaml(TRIAL.split("  adverse_reactions:")[0]),
        ],
        "pass": [
            trial_yaml(),
            # an empty list says that no adverse reactions were reported
            trial_yaml(TRIAL.split("  adverse_reactions:")[0] + "  adverse_reactions: []\n"),
        ],
    },
    "trial.counts": {
        "flag": [
            trial_yaml(TRIAL.replace("{country: US, participants: 40}", "{country: US, participants: 41}")),
            trial_yaml(TRIAL.replace("{from: 65, participants: 30}", "{from: 65, participants: 20}")),
            trial_yaml(TRIAL.replace("sex: {female: 55, male: 45}", "sex: {female: 55, male: 44}")),
            trial_yaml(TRIAL.replace("affected: {drug: 6, placebo: 2}", "affected: {drug: 51, placebo: 2}")),
        ],
        "pass": [
            trial_yaml(),
            trial_yaml(TRIAL.replace("sex: {female: 55, male: 45}", "sex: {female: 54, male: 45, other: 1}")),
        ],
    },
    "trial.frequencies": {
        "flag": [
            trial_yaml(side_effects="Headache was a side effect in 12% of people."),
            trial_yaml(side_effects="Headache was a common side effect."),
            trial_yaml(side_effects="Side effects were rare."),
            trial_yaml(side_effects="Serious side effects were more common with drug X, but most were mild."),
        ],
        "pass": [
            trial_yaml(side_effects="Headache was a side effect in 12 out of 100 people."),
            trial_yaml(side_effects="About 1 in every 10 people had a headache as a side effect."),
            trial_yaml(why="Migraine is common. About 15% of adults have it."),  # not about side effects
            # the percentage and the frequency word are in clauses about something else
            trial_yaml(side_effects="About 10% of people left the trial, and no one had serious side effects."),
            trial_yaml(side_effects="Fewer side effects were seen with the weekly dose, but visits were more frequent."),
            trial_yaml(side_effects="The most common side effect was headache: 6 out of 50 people had it."),
            trial_yaml(side_effects="12 people out of 100 had side effects with drug X (an absolute harm of 10%)."),
            trial_yaml(side_effects="Among people who took drug X, 127 out of 1,000 had side effects (1% more)."),
        ],
    },
    "trial.promotional": {
        "flag": [
            trial_yaml(results="Drug X is a breakthrough for migraine."),
            trial_yaml(comments="Drug X is safe and effective. " + SUMMARY["comments"]),
            trial_yaml(results="The trial proved that drug X works."),
            trial_yaml(results="Drug X can cure migraine."),
            trial_yaml(results="Drug X was superior to placebo, and the trial proved it."),
        ],
        "pass": [
            trial_yaml(),
            trial_yaml(why="There is no cure for migraine. The researchers wanted to find out if drug X helps."),
            trial_yaml(results="It is not proven that drug X works."),
            trial_yaml(results="There is no evidence that drug X is superior to other medicines."),
            trial_yaml(why="The researchers wanted to find out whether drug X is safe and effective."),
            trial_yaml(results="Is drug X a breakthrough? This trial cannot say."),
            trial_yaml(results="The cure rates were similar in both groups."),
            trial_yaml(why="Migraine has no known cure, and attacks can be hard to treat."),
        ],
    },
    "trial.single-trial": {
        "flag": [
            trial_yaml(comments="Drug X helped people with migraine."),
            # this trial and other trials two sentences apart are not the statement
            trial_yaml(comments="This trial tested drug X. It was small. Other trials tested other medicines."),
        ],
        "pass": [
            trial_yaml(),
            trial_yaml(comments="This trial is one of many; other trials may find different results."),
            trial_yaml(comments="This summary only shows the results of this one study. Other studies may find different results."),
        ],
    },
}


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory):
    return load_config(tmp_path_factory.mktemp("empty-project"))


@pytest.mark.parametrize("check_id,text", case_params(CASES, "flag"))
def test_flags(check_id: str, text: str, config, tmp_path: Path) -> None:
    flags = list(registry[check_id].function(scored_review(text, tmp_path), config))
    assert flags and all(flag.message and flag.suggestion for flag in flags)


@pytest.mark.parametrize("check_id,text", case_params(CASES, "pass"))
def test_passes(check_id: str, text: str, config, tmp_path: Path) -> None:
    flags = list(registry[check_id].function(scored_review(text, tmp_path), config))
    assert not flags, [flag.message for flag in flags]


def test_a_missing_element_is_reported_at_the_trial_mapping(config, tmp_path: Path) -> None:
    text = trial_yaml(TRIAL.replace("  sex: {female: 55, male: 45}\n", ""))
    flags = list(registry["trial.elements"].function(scored_review(text, tmp_path), config))
    assert [flag.message for flag in flags] == [
        "Annex V element 4 (the participants: numbers per country, age groups, sexes, inclusion and exclusion "
        "criteria) is missing: trial: sex"]
    line = text.splitlines().index("trial:") + 1
    assert flags[0].location is not None and (flags[0].location.line, flags[0].location.column) == (line, 1)


def test_counts_that_do_not_add_up_point_at_their_key(config, tmp_path: Path) -> None:
    text = trial_yaml(TRIAL.replace("{country: US, participants: 40}", "{country: US, participants: 41}"))
    flags = list(registry["trial.counts"].function(scored_review(text, tmp_path), config))
    assert [flag.message for flag in flags] == ["the people per country add up to 101 (DE 60 + US 41), not to the 100 participants"]
    assert flags[0].location is not None and flags[0].location.line == text.splitlines().index("  countries:") + 1


def test_the_groups_need_not_add_up_when_configured(config, tmp_path: Path) -> None:
    """A crossover trial's people are in more than one group: `groups_add_up = false`."""
    (tmp_path / "plainsum.toml").write_text('[checks."trial.counts"]\ngroups_add_up = false\n', encoding="utf-8")
    text = trial_yaml(TRIAL.replace("participants: 50}\n    - {id: placebo", "participants: 60}\n    - {id: placebo"))
    scored = scored_review(text, tmp_path)
    assert not list(registry["trial.counts"].function(scored, load_config(tmp_path)))
    assert [flag.message for flag in registry["trial.counts"].function(scored, config)] == [
        "the people per group add up to 110 (drug 60 + placebo 50), not to the 100 participants"]


@pytest.mark.parametrize("change,message", [
    ("{country: US, participants: 40}", "'XX' is not a country code"),
    ("{from: 65, participants: 30}", "the age group from 60 overlaps the one from 18"),
    ("affected: {drug: 6, placebo: 2}", "no group 'placbo' (did you mean 'placebo'?)"),
    ("nct: NCT01234567", "'nct' must look like a ClinicalTrials.gov number"),
    ("participants: 100", "'participants' in 'trial' must be a whole number of at least 1"),
])
def test_malformed_trial_data_is_invalid_input_at_its_line(change: str, message: str, tmp_path: Path) -> None:
    broken = {
        "{country: US, participants: 40}": "{country: XX, participants: 40}",
        "{from: 65, participants: 30}": "{from: 60, participants: 30}",
        "affected: {drug: 6, placebo: 2}": "affected: {drug: 6, placbo: 2}",
        "nct: NCT01234567": "nct: NCT-1234",
        "participants: 100": "participants: many",
    }[change]
    text = trial_yaml(TRIAL.replace(change, broken))
    path = tmp_path / "tiny.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_review(path)
    problems = [str(problem) for problem in raised.value.problems]
    assert any(message in problem for problem in problems), problems
    line = next(i for i, row in enumerate(text.splitlines(), 1) if broken.split(":")[0].strip("{ ") in row and
                broken.split(",")[0] in row)
    assert any(problem.startswith(f"{path.name}:{line}:") or f"/{path.name}:{line}:" in problem for problem in problems), problems


def test_trial_data_belongs_to_the_trial_kind(tmp_path: Path) -> None:
    text = trial_yaml().replace("kind: trial-results", "kind: primary-study\nlayout: study")
    path = tmp_path / "tiny.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_review(path)
    assert any("'trial' holds a clinical trial's data and belongs to the kind trial-results" in str(p)
               for p in raised.value.problems)


def test_natural_frequencies_round_half_up_per_100() -> None:
    assert natural_frequency(15, 132) == 11  # 11.36
    assert natural_frequency(22, 131) == 17  # 16.79
    assert natural_frequency(1, 200) == 1  # 0.5 rounds up
    assert natural_frequency(1, 201) == 0  # shown as "fewer than 1 out of 100"
    with pytest.raises(ValueError):
        natural_frequency(1, 0)


def test_countries_are_named_in_the_documents_language_and_counted_in_or_outside_the_eu() -> None:
    assert (country_name("DE"), country_name("DE", "es"), country_name("DE", "fr")) == ("Germany", "Alemania", "Allemagne")
    assert len(EU_MEMBER_STATES) == 27 and "DE" in EU_MEMBER_STATES and "GB" not in EU_MEMBER_STATES


def test_the_side_effects_table_gives_natural_frequencies(tmp_path: Path) -> None:
    scored = scored_review(trial_yaml(), tmp_path)
    body = scored.document.body
    assert "| headache | 12 out of 100 (6 of 50) | 4 out of 100 (2 of 50) |" in body
    assert "100 people took part: 60 in the European Union and 40 outside it." in body


def test_the_trials_identifiers_are_a_labelled_list_not_a_table_whose_header_is_data(tmp_path: Path) -> None:
    # A Markdown table's first row is its header: a two-column "label | value" table made the full
    # title a column header that a screen reader repeats before every identifier.
    body = scored_review(trial_yaml(), tmp_path).document.body
    identifiers = body.split("## Which trial is this?", 1)[1].split("##", 1)[0]
    assert "|" not in identifiers
    assert "- EU trial number: 2022-500123-45-00" in identifiers and "- ClinicalTrials.gov number: NCT01234567" in identifiers
    sponsor = body.split("## Who sponsored the trial?", 1)[1].split("##", 1)[0]
    assert sponsor.split() == ["-", "Sponsor:", "Example", "Pharma", "-", "Contact:", "trials@example.org"]


def test_the_kinds_preset_holds_its_lay_summaries_to_grade_8(cli, tmp_path: Path) -> None:
    hard = ("The investigators evaluated the pharmacological characteristics of investigational compounds "
            "administered intravenously to hospitalised individuals experiencing exacerbations. ") * 12
    project = tmp_path / "project"
    (project / "content").mkdir(parents=True)
    (project / "plainsum.toml").write_text('content = "content"\n[gate.summary]\nmax_flesch_kincaid_grade = 30\n',
                                           encoding="utf-8")
    (project / "content" / "tiny.yaml").write_text(trial_yaml(results=hard), encoding="utf-8")
    result = cli("--config", str(project / "plainsum.toml"), "check", str(project / "content"))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "above the maximum of 8 (max_flesch_kincaid_grade)" in result.stdout


def test_the_example_passes_its_gate_in_both_languages(cli) -> None:
    result = cli("--config", str(REPO / "plainsum.toml"), "check", str(REPO / "content" / "sustain-5.yaml"),
                 str(REPO / "content" / "sustain-5.es.yaml"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "sustain-5/summary: pass" in result.stdout and "sustain-5/es/summary: pass" in result.stdout


def test_a_translation_names_every_group_and_side_effect(tmp_path: Path) -> None:
    from plainsum.content.translation import load_translation
    from plainsum.render.templates import TemplateSet

    source = (REPO / "content" / "sustain-5.es.yaml").read_text(encoding="utf-8")
    (tmp_path / "sustain-5.yaml").write_text((REPO / "content" / "sustain-5.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    path = tmp_path / "sustain-5.es.yaml"
    path.write_text(source.replace("  cold: {name: un resfriado}\n", ""), encoding="utf-8")
    review = load_review(tmp_path / "sustain-5.yaml")
    templates = TemplateSet(None)
    with pytest.raises(InputError) as raised:
        load_translation(path, review, templates.locale)
    assert any("'terms' has no name for: cold" in str(problem) for problem in raised.value.problems)
    path.write_text(source, encoding="utf-8")
    translated = load_translation(path, review, templates.locale)
    view = translated.facts["trial"]
    assert view.reactions.cold.name == "un resfriado" and view.countries[1].name == "Alemania"


def test_plainsum_new_scaffolds_a_trial_whose_gaps_are_reported_as_unfinished(cli, tmp_path: Path) -> None:
    made = cli("new", "my-trial", "--kind", "trial-results", "--content", str(tmp_path), cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    text = (tmp_path / "my-trial.yaml").read_text(encoding="utf-8")
    assert "layout: eu-annex-v" in text and "adverse_reactions:" in text
    assert "The results of this trial may differ from the results of other trials" in " ".join(text.split())
    review = load_review(tmp_path / "my-trial.yaml")  # valid as written
    assert review.trial is not None and [group.id for group in review.trial.groups] == ["treatment", "comparison"]
    checked = cli("check", str(tmp_path / "my-trial.yaml"), cwd=tmp_path)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert "error [content.unfinished] unfinished: TODO the sponsor's name" in checked.stdout


def test_the_examples_handout_is_two_sides_of_one_sheet_in_both_languages_and_paper_sizes(cli, tmp_path: Path) -> None:
    """Annex V's ten elements and their tables on at most two pages, A4 and US Letter, English and Spanish."""
    import pypdf

    (tmp_path / "content").mkdir()
    for name in ("sustain-5.yaml", "sustain-5.es.yaml"):
        (tmp_path / "content" / name).write_text((REPO / "content" / name).read_text(encoding="utf-8"), encoding="utf-8")
    config = (REPO / "plainsum.toml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^formats = .*$", 'formats = ["pdf"]\npaper = ["a4", "letter"]', config)
    (tmp_path / "plainsum.toml").write_text(config, encoding="utf-8")
    built = cli("build", cwd=tmp_path)
    assert built.returncode == 0, built.stdout + built.stderr
    handouts = sorted((tmp_path / "output" / "sustain-5").rglob("summary*.pdf"))
    assert [p.relative_to(tmp_path / "output" / "sustain-5").as_posix() for p in handouts] == [
        "es/summary.letter.pdf", "es/summary.pdf", "summary.letter.pdf", "summary.pdf"]
    for path in handouts:
        reader = pypdf.PdfReader(str(path))
        assert len(reader.pages) <= 2, path
        text = " ".join(page.extract_text() for page in reader.pages)
        assert "2013-004502-26" in text and ("11 out of 100" in text or "11 de cada 100" in text), path


def test_a_translation_that_changes_a_number_fails_the_parity_check(cli, tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "sustain-5.yaml").write_text((REPO / "content" / "sustain-5.yaml").read_text(encoding="utf-8"),
                                                         encoding="utf-8")
    spanish = (REPO / "content" / "sustain-5.es.yaml").read_text(encoding="utf-8")
    assert "al menos 5 de cada 100 personas" in spanish
    (tmp_path / "content" / "sustain-5.es.yaml").write_text(spanish.replace("al menos 5 de cada 100", "al menos 6 de cada 100"),
                                                            encoding="utf-8")
    (tmp_path / "plainsum.toml").write_text((REPO / "plainsum.toml").read_text(encoding="utf-8"), encoding="utf-8")
    result = cli("check", cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "content/sustain-5.es.yaml:" in result.stdout and "error [translation.numbers] 6 in the translation of summary.side_effects" \
        in result.stdout


def test_the_trials_names_travel_through_xliff_with_the_prose(cli, tmp_path: Path) -> None:
    """translate export puts each group, medicine and side effect name in a unit; import writes them under terms:."""
    (tmp_path / "content").mkdir()
    for name in ("sustain-5.yaml", "sustain-5.es.yaml"):
        (tmp_path / "content" / name).write_text((REPO / "content" / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "plainsum.toml").write_text((REPO / "plainsum.toml").read_text(encoding="utf-8"), encoding="utf-8")
    exported = cli("translate", "export", "sustain-5", "--lang", "es", "-o", "s5.xlf", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    xliff = (tmp_path / "s5.xlf").read_text(encoding="utf-8")
    assert 'id="terms.nausea.name"' in xliff and ">sentir ganas de vomitar (náuseas)</target>" in xliff
    original = (tmp_path / "content" / "sustain-5.es.yaml").read_text(encoding="utf-8")
    again = cli("translate", "import", "s5.xlf", cwd=tmp_path)  # a round trip changes nothing
    assert again.returncode == 0 and (tmp_path / "content" / "sustain-5.es.yaml").read_text(encoding="utf-8") == original
    (tmp_path / "content" / "sustain-5.es.yaml").unlink()  # a new translation from the XLIFF alone
    fresh = cli("translate", "import", "s5.xlf", "--translator", "Ana Example", cwd=tmp_path)
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr
    review = load_review(tmp_path / "content" / "sustain-5.yaml")
    from plainsum.content.translation import load_translation
    from plainsum.render.templates import TemplateSet

    translated = load_translation(tmp_path / "content" / "sustain-5.es.yaml", review, TemplateSet(None).locale)
    assert translated.facts["trial"].reactions.nausea.name == "sentir ganas de vomitar (náuseas)"


def test_check_reports_counts_and_promotional_words_at_their_line_and_column(cli, tmp_path: Path) -> None:
    text = trial_yaml(TRIAL.replace("{country: US, participants: 40}", "{country: US, participants: 41}"),
                      results="Drug X is a breakthrough for migraine.")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "tiny.yaml").write_text(text, encoding="utf-8")
    result = cli("check", "content/tiny.yaml", cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = text.splitlines()
    countries = lines.index("  countries:") + 1
    results_line = next(i for i, line in enumerate(lines, 1) if "breakthrough" in line)
    column = lines[results_line - 1].index("breakthrough") + 1
    assert f"content/tiny.yaml:{countries}:3: error [trial.counts] the people per country add up to 101" in result.stdout
    assert f"content/tiny.yaml:{results_line}:{column}: error [trial.promotional] promotional or overconfident wording: " \
           "'breakthrough'" in result.stdout


def test_a_translated_trial_page_marks_the_english_full_title_as_english(cli, tmp_path: Path) -> None:
    """WCAG 3.1.2 (language of parts): the Spanish page's "Título completo" is the registry's English title."""
    (tmp_path / "content").mkdir()
    for name in ("sustain-5.yaml", "sustain-5.es.yaml"):
        (tmp_path / "content" / name).write_text((REPO / "content" / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "plainsum.toml").write_text((REPO / "plainsum.toml").read_text(encoding="utf-8"), encoding="utf-8")
    built = cli("build", "--formats", "html", cwd=tmp_path)
    assert built.returncode == 0, built.stdout + built.stderr
    spanish = (tmp_path / "output" / "sustain-5" / "es" / "summary.html").read_text(encoding="utf-8")
    assert re.search(r'<li>Título completo: <span lang="en">Efficacy and Safety of Semaglutide[^<]*</span></li>', spanish)
    english = (tmp_path / "output" / "sustain-5" / "summary.html").read_text(encoding="utf-8")
    assert '<span lang="en">' not in english


@pytest.mark.parametrize(("html", "expected"), [
    ("<li>Full title: A &amp; B trial</li>", '<li>Full title: <span lang="en">A &amp; B trial</span></li>'),
    ('<a title="A &amp; B trial">A &amp; B trial</a>', '<a title="A &amp; B trial"><span lang="en">A &amp; B trial</span></a>'),
    ("<p>Another trial</p>", "<p>Another trial</p>"),
    ("<p>A & B trial</p>", "<p>A & B trial</p>"),  # only the text as the HTML escapes it
])
def test_the_source_title_is_marked_in_text_never_inside_a_tag(html: str, expected: str) -> None:
    from plainsum.document_formats.html import mark_source_title

    assert mark_source_title(html, "A & B trial", "en") == expected
