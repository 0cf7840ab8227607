"""The claim checks (results.*): lay-summary sentences held against the results they name."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import asthma_control_result

from plainsum.checks import registry
from plainsum.content.loader import load_review
from plainsum.gate.settings import load_config
from plainsum.grade.claims import load_vocabulary, mentions, read_claim
from plainsum.readability.score import score_document
from plainsum.render.document import render_documents
from plainsum.render.templates import TemplateSet

RESULTS = """\
results:
  - id: mortality
    outcome: {technical: all-cause mortality, plain: the chance of dying}
    measure: RR
    estimate: 0.80
    ci: [0.70, 0.91]
    studies: 6
    participants: 3127
    certainty: high
    size: moderate
    control_risk: 0.15
    event: die
    aliases: [deaths, dying]
""" + asthma_control_result("asthma") + """\
  - id: admissions
    outcome: {technical: hospital admissions, plain: hospital stays}
    measure: RR
    estimate: 1.02
    ci: [0.90, 1.15]
    studies: 4
    participants: 1200
    certainty: moderate
    size: little or no difference
    aliases: [going into hospital]
"""


def review_yaml(key_messages: tuple[str, ...], what_we_found: str = "We found 12 studies.", extra: str = "") -> str:
    messages = "\n".join(f"    - {message!r}" for message in key_messages)
    return textwrap.dedent("""\
        id: tiny
        kind: cochrane-review
        layout: cochrane-2021
        title: Text message reminders for asthma
        plain_title: Text messages for people with asthma
        facts:
          search_date: 2020-03-15
          included_studies: 12
          participants: 3127
          intervention: text message reminders
          plain_intervention: text reminders
          intervention_plural: true
        """) + RESULTS.replace("    better: lower\n", "    better: lower\n" + extra) + textwrap.dedent("""\
        sections:
          background: {technical: Asthma is common.}
          objectives: {technical: To assess reminders.}
          search_methods: {technical: "We searched MEDLINE on {{ search_date | long_date }}."}
          selection_criteria: {technical: Randomised trials.}
          data_collection: {technical: Standard methods.}
          main_results: {technical: "We included {{ included_studies }} trials. {{ results.mortality.technical }}"}
          authors_conclusions: {technical: Reminders may help.}
        summary:
          key_messages:
        """) + messages + "\n" + (
        "  what_is_heading: What is asthma?\n"
        "  what_is: A condition of the airways.\n"
        "  want_to_find_out: We wanted to find out if text reminders lower the chance of dying.\n"
        "  what_we_did: We searched for studies.\n"
        f"  what_we_found: {what_we_found!r}\n"
        "  limitations: The studies were small.\n")


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory):
    return load_config(tmp_path_factory.mktemp("empty-project"))


def flags_of(check_id: str, text: str, config, tmp_path: Path) -> list:
    path = tmp_path / "tiny.yaml"
    path.write_text(text, encoding="utf-8")
    review = load_review(path)
    summary = next(d for d in render_documents(review, TemplateSet(None)) if d.kind == "summary")
    scored = score_document(summary)
    return list(registry[check_id].function(scored, config))


CASES = {
    "results.certainty": {
        "flag": [
            "Text reminders probably reduce the chance of dying.",  # high certainty, worded as moderate (stale)
            "Text reminders may reduce deaths.",
            "Text reminders reduce hospital stays a little.",  # moderate worded as high (and an effect: direction too)
            "We are very uncertain whether text reminders reduce deaths.",
            "Text reminders improve asthma control.",  # very low worded as high
            "We are sure that text reminders make little or no difference to going into hospital.",
            "Text reminders reduce deaths and make little or no difference to hospital stays.",  # each outcome read
        ],
        "pass": [
            "Text reminders reduce the chance of dying.",
            "We are confident that text reminders reduce deaths.",
            "Text reminders probably make little or no difference to hospital stays.",
            "Text reminders are likely to make little or no difference to going into hospital.",
            "We are very uncertain whether text reminders improve asthma control.",
            "We don't know whether text reminders improve asthma control.",
        ],
    },
    "results.direction": {
        "flag": [
            "Text reminders increase the chance of dying.",
            "Text reminders make little or no difference to deaths.",
            "We are very uncertain whether text reminders reduce asthma control.",  # the inverted meaning
            "We are very uncertain whether text reminders make asthma control worse.",
            "Text reminders probably reduce hospital stays.",
            "Text reminders probably lead to more people going into hospital.",
            "Text reminders did not reduce the chance of dying.",  # a negation is read, not skipped
            "There is no evidence that text reminders reduce deaths.",
            "Text reminders reduce deaths, but they increase the chance of dying in winter.",  # each clause read
        ],
        "pass": [
            "Text reminders reduce the chance of dying.",
            "With text reminders, fewer people die: text reminders lower the risk of dying.",
            "Text reminders help people avoid dying.",
            "We are very uncertain whether text reminders improve asthma control.",
            "We are very uncertain whether text reminders make asthma control better.",
            "Text reminders probably make little or no difference to hospital stays.",
        ],
    },
    "results.number-unread": {
        # a percentage with an outcome in a sentence that claims nothing, that no figure of the outcome
        # and nothing printed in the abstract has: it may come from the full review, so it was not checked
        "flag": [
            "If the chance of dying without reminders is 27%, it is lower with them.",
        ],
        "pass": [
            "If the chance of dying without reminders is 15%, it is lower with them.",  # the control risk
            "Deaths were counted in 2019.",
        ],
    },
    "results.unchecked": {
        "flag": [
            "They make little or no difference to hospital stays.",  # no word of doubt, and only a stand-in acts
        ],
        "pass": [
            "Text reminders reduce the chance of dying.",
            "Text reminders probably make little or no difference to hospital stays or going into hospital.",
        ],
    },
}


def _params(kind: str) -> list:
    return [pytest.param(check, text, id=f"{check}-{kind}-{i}") for check, table in CASES.items() for i, text in enumerate(table[kind])]


@pytest.mark.parametrize("check_id,message", _params("flag"))
def test_flags(check_id: str, message: str, config, tmp_path: Path) -> None:
    flags = flags_of(check_id, review_yaml((message, "We need more studies.")), config, tmp_path)
    assert flags, f"{check_id} should flag {message!r}"
    assert all(flag.message and flag.suggestion and flag.sentence == message for flag in flags)


@pytest.mark.parametrize("check_id,message", _params("pass"))
def test_passes(check_id: str, message: str, config, tmp_path: Path) -> None:
    flags = flags_of(check_id, review_yaml((message, "We need more studies.")), config, tmp_path)
    assert not flags, f"{check_id} should pass {message!r}: {[f.message for f in flags]}"


def test_a_stale_key_message_fails_check_at_its_line_with_a_suggestion(tmp_path: Path, cli) -> None:
    """The issue's example: certainty raised from moderate to high, the key message still says 'probably'."""
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "tiny.yaml").write_text(
        review_yaml(("Text reminders probably reduce the chance of dying.", "We need more studies.")), encoding="utf-8")
    (tmp_path / "plainsum.toml").write_text('[checks]\n"cochrane.length" = "off"\n', encoding="utf-8")
    run = cli("check", cwd=tmp_path)
    assert run.returncode == 1, run.stdout + run.stderr
    text = (tmp_path / "content" / "tiny.yaml").read_text(encoding="utf-8")
    line = next(i for i, row in enumerate(text.split("\n"), start=1) if "probably reduce the chance" in row)
    column = text.split("\n")[line - 1].index("probably") + 1
    assert f"content/tiny.yaml:{line}:{column}: error [results.certainty] certainty: 'probably' claims moderate certainty" in run.stdout
    assert "'mortality' (all-cause mortality: RR 0.80, 95% CI 0.70 to 0.91; high-certainty evidence, moderate" in run.stdout
    import json

    run = cli("check", "--format", "json", cwd=tmp_path)
    findings = [f for d in json.loads(run.stdout)["documents"] for f in d["findings"] if f["check"] == "results.certainty"]
    assert findings[0]["suggestion"] == "Text reminders reduce the chance of dying."
    assert findings[0]["sentence"] == "Text reminders probably reduce the chance of dying."
    assert (findings[0]["line"], findings[0]["column"]) == (line, column)


def test_an_increase_called_a_reduction_fails_with_exit_1(tmp_path: Path, cli) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "tiny.yaml").write_text(
        review_yaml(("Text reminders reduce the chance of dying.", "Text reminders reduce hospital stays.")), encoding="utf-8")
    (tmp_path / "plainsum.toml").write_text('[checks]\n"cochrane.length" = "off"\n', encoding="utf-8")
    run = cli("check", cwd=tmp_path)
    assert run.returncode == 1
    assert "error [results.direction] direction: 'reduce' claims an effect, but 'admissions'" in run.stdout, run.stdout
    assert '"Text reminders reduce hospital stays."' in run.stdout


def test_what_cannot_be_read_for_sure_is_a_warning(config, tmp_path: Path) -> None:
    flags = flags_of("results.unchecked", review_yaml(("They make little or no difference to hospital stays.", "We need more.")),
                     config, tmp_path)
    assert flags and "no word of doubt claims high certainty" in flags[0].message, [f.message for f in flags]
    assert "only a word standing for it" in flags[0].message
    assert registry["results.unchecked"].severity == "warning"


def test_two_names_of_one_outcome_are_one_outcome(config, tmp_path: Path) -> None:
    text = review_yaml(("Text reminders probably make little or no difference to hospital stays or going into hospital.", "We need more."))
    for check in ("results.unchecked", "results.certainty", "results.direction"):
        assert not flags_of(check, text, config, tmp_path), check
    wrong = review_yaml(("Text reminders make little or no difference to hospital stays or going into hospital.", "We need more."))
    assert flags_of("results.certainty", wrong, config, tmp_path)


def test_a_result_own_plain_wording_is_checked_at_its_line(config, tmp_path: Path) -> None:
    text = review_yaml(("Text reminders reduce the chance of dying.", "We need more studies."),
                       what_we_found="{{ results.asthma.plain }}",
                       extra="    plain: Text reminders reduce asthma control\n")
    flags = flags_of("results.direction", text, config, tmp_path)
    assert len(flags) == 1 and flags[0].location is not None
    row = text.split("\n")[flags[0].location.line - 1]
    assert "plain: Text reminders reduce asthma control" in row


def test_generated_statements_and_questions_are_not_flagged(config, tmp_path: Path) -> None:
    text = review_yaml(("{{ results.mortality.plain }}", "{{ results.admissions.plain }}"),
                       what_we_found="{{ results.asthma.plain }}")
    for check in ("results.certainty", "results.direction", "results.unchecked"):
        assert not flags_of(check, text, config, tmp_path), check


@pytest.mark.parametrize("sentence,flagged", [
    ("We found twelve studies.", False),
    ("We found seventeen studies.", True),
    ("Only seventeen possible studies were found, and twelve of them could be included.", False),  # the search's
    ("Out of 1000 people without text reminders, about 150 die; with them, about 120.", False),  # derived per 1000
    ("About 12 in 100 people with text reminders die.", False),  # 120 per 1000
    ("About 3 in 10 people die.", False),  # no intervention acts: not a claim, and not a count of the review's
    ("Text reminders reduce the chance of dying to about 3 in 10.", True),  # a claim: 0.15 -> 0.12 is not 3 in 10
    ("About one in seven people without reminders die.", False),  # 150 per 1000 is 1 in 7 (0.14)
    ("Half of the studies were small.", False),  # 6 of 12 studies
    ("A fifth of the people were children.", False),  # outside claims only the review's totals are read
    ("We found 12 studies; a fifth of them were in children.", False),
    ("A third of the studies were small.", False),  # 4 of 12 studies
    ("The studies had 2314 people.", True),  # stale: the update gave 3127
    ("One reason may be that people forget.", False),
])
def test_numbers_in_digits_and_words(sentence: str, flagged: bool, config, tmp_path: Path) -> None:
    flags = flags_of("results.number", review_yaml(("Text reminders reduce the chance of dying.", "We need more."),
                                                   what_we_found=sentence), config, tmp_path)
    assert bool(flags) == flagged, [f.message for f in flags]


@pytest.mark.parametrize("sentence,flagged", [
    # a count in a claim is held against that outcome's own counts (deaths: 6 studies, 3127 people)
    ("Text reminders reduce deaths (6 studies, 3127 people).", False),
    ("Text reminders reduce deaths (4 studies, 3127 people).", True),  # 4 is the admissions' count
    ("Text reminders reduce deaths (6 studies, 1200 people).", True),  # 1200 is the admissions' count
    ("Text reminders reduce deaths (12 studies).", False),  # the review's total (a fact)
    ("Text reminders reduce deaths in 6 large studies.", False),
    # a count of what studies did is the studies of a comparison, not of the outcome named after it
    ("Four trials compared text reminders with calls and found that text reminders reduce deaths.", False),
    ("Seventeen trials compared text reminders with calls and found that text reminders reduce deaths.", True),
    # a percentage in a claim: the risks of its result (15% without, 12% with), not a count printed with it
    ("Text reminders reduce deaths from 15% to 12%.", False),
    ("Text reminders reduce deaths from 15% to 6%.", True),
    ("Text reminders reduce deaths from 15% in the control group to 12%.", False),
    # no claim read, but the sentence names one outcome: its counts and percentages are its own
    ("Deaths: 12 in 100 people with reminders (6 studies).", False),
    ("Deaths: 12 in 100 people with reminders (5 studies).", True),
    # a proportion printed with an outcome in a sentence that claims nothing: a figure of that outcome
    ("• 15 out of 100 people without reminders were dying.", False),
    ("• 19 out of 100 people without reminders were dying.", True),
    ("Deaths: 1 in 7 people without reminders.", False),  # derived from 150 per 1000
    ("If the chance of dying without reminders is 27%, it is lower with them.", False),  # a percentage: a warning
    # a sentence stating the review's totals: counts of studies are counts of studies, of people of people
    ("We found 12 studies with 3127 people.", False),
    ("We found 3127 studies.", True),  # 3127 is a count of people
    ("Twelve studies were included, with 3127 people.", False),
    ("Twelve studies were included, with 3500 people.", True),
    ("We found 12 studies and 17 ongoing studies.", False),  # ongoing studies: the abstract seldom counts them
    ("We found 12 studies with more than 3000 people.", False),  # a rounded count is not read
    ("One hundred and twelve studies were included.", True),  # 112, not 12
    ("Text reminders reduce deaths, which were rare (0 to 3 per trial).", False),  # a count per trial: the full review's
])
def test_numbers_tied_to_what_they_count(sentence: str, flagged: bool, config, tmp_path: Path) -> None:
    flags = flags_of("results.number", review_yaml(("Text reminders reduce the chance of dying.", "We need more."),
                                                   what_we_found=sentence), config, tmp_path)
    assert bool(flags) == flagged, [f.message for f in flags]


@pytest.mark.parametrize("printed,flagged", [
    ("", True),
    # printed in a part that does not name the outcome (or by a name it does not have: "withdrawals")
    (" In the trials 15 per 100 and 19 per 100 people had the event.", False),  # the abstract's "per 100"
    (" In the trials 15 per 1000 and 19 per 1000 people had the event.", True),  # another proportion
])
def test_a_proportion_the_abstract_prints_per_100_passes(printed: str, flagged: bool, config, tmp_path: Path) -> None:
    text = review_yaml(("Text reminders reduce the chance of dying.", "We need more."),
                       what_we_found="• 19 out of 100 people without reminders were dying.")
    text = text.replace("Reminders may help.", "Reminders may help." + printed, 1)
    flags = flags_of("results.number", text, config, tmp_path)
    assert bool(flags) == flagged, [f.message for f in flags]


def test_a_stale_number_names_the_result_figures(config, tmp_path: Path) -> None:
    flags = flags_of("results.number", review_yaml(("Text reminders reduce deaths.", "We need more."),
                                                   what_we_found="In total, studies of deaths had 2314 people."), config, tmp_path)
    assert flags and "3127 participants" in flags[0].message


def test_synonyms_are_data_and_read_as_their_level() -> None:
    vocabulary = load_vocabulary()
    for text, level in [("X is likely to reduce Y", "moderate"), ("we are fairly sure X reduces Y", "moderate"),
                        ("X might reduce Y", "low"), ("X could reduce Y", "low"), ("We are confident that X reduces Y", "high"),
                        ("we are very uncertain whether X reduces Y", "very low"), ("we do not know if X reduces Y", "very low"),
                        ("X reduces Y", "high"), ("In May 2020, X reduced Y", "high")]:
        assert read_claim(text, vocabulary).implied_certainty == level, text


def test_outcome_names_are_not_read_as_claims() -> None:
    from plainsum.grade.results import Result, Term

    result = Result(id="pain", outcome=Term("low back pain", "lower back pain"), intervention=Term("x", "x"), measure="RR",
                    estimate="0.8", ci_low="0.7", ci_high="0.9", studies=1, participants=10, certainty="high", size="small",
                    direction="reduce")
    text = "Exercise makes little or no difference to lower back pain."
    named = mentions(text, [result])
    claim = read_claim(text, load_vocabulary(), [(m.start, m.end) for m in named])
    assert named and claim.effect == "none" and len(claim.effects) == 1


@pytest.mark.parametrize("sentence,warned", [
    # a percentage printed with an outcome in a sentence that claims nothing, no figure of it nor printed in
    # the abstract: it may come from the full review, so a warning says it was not checked
    ("If the chance of dying without reminders is 27%, it is lower with them.", True),
    ("If the chance of dying without reminders is 15%, it is lower with them.", False),  # the control risk
    ("Deaths were counted in 2019.", False),
])
def test_a_percentage_that_cannot_be_tied_is_a_warning(sentence: str, warned: bool, config, tmp_path: Path) -> None:
    text = review_yaml(("Text reminders reduce the chance of dying.", "We need more."), what_we_found=sentence)
    assert not flags_of("results.number", text, config, tmp_path)
    flags = flags_of("results.number-unread", text, config, tmp_path)
    assert bool(flags) == warned, [f.message for f in flags]
