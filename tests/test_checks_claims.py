"""The claim model (issue 23): each cause of false alarms and misses seen on real lay summaries, as
tables of sentences read against a review with several comparisons (hair removal before surgery)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from plainsum.checks import registry
from plainsum.content.loader import load_review
from plainsum.errors import InputError
from plainsum.gate.settings import load_config
from plainsum.readability.score import score_document
from plainsum.render.document import render_documents
from plainsum.render.templates import TemplateSet

RESULTS = """\
results:
  - id: infection_razor
    intervention: {technical: shaving with a razor, plain: shaving using a razor}
    comparison: no hair removal
    outcome: {technical: surgical site infection, plain: infections}
    aliases: [infection]
    measure: RR
    estimate: 1.82
    ci: [1.05, 3.14]
    studies: 4
    participants: 1200
    certainty: moderate
    size: moderate
  - id: infection_clippers
    intervention: clippers
    comparison: no hair removal
    outcome: {technical: surgical site infection, plain: infections}
    aliases: [infection]
    measure: RR
    estimate: 1.02
    ci: [0.70, 1.49]
    studies: 3
    participants: 4728
    certainty: low
    size: little or no difference
  - id: infection_clippers_razor
    intervention: clippers
    comparison: {technical: shaving with a razor, plain: shaving using a razor}
    outcome: {technical: surgical site infection, plain: infections}
    aliases: [infection]
    measure: RR
    estimate: 0.51
    ci: [0.29, 0.91]
    studies: 3
    participants: 3193
    certainty: moderate
    size: moderate
  - id: death_razor
    intervention: {technical: shaving with a razor, plain: shaving using a razor}
    comparison: no hair removal
    outcome: {technical: death within 30 days, plain: death}
    aliases: [deaths, die]
    measure: RR
    estimate: 0.80
    ci: [0.50, 1.30]
    studies: 2
    participants: 310
    certainty: very low
    size: small
"""


def review_yaml(found: str = "We found sixteen studies.", key_messages: tuple[str, ...] = ("We need more studies.",),
                what_is: str = "Surgery can lead to infections.", limitations: str = "The studies were small.",
                want: str = "We wanted to find out if removing hair before surgery reduces infections.") -> str:
    messages = "\n".join(f"    - {message!r}" for message in key_messages)
    return textwrap.dedent("""\
        id: hair
        kind: cochrane-review
        layout: cochrane-2021
        title: Preoperative hair removal to reduce surgical site infection
        plain_title: Removing hair before surgery
        facts:
          search_date: 2020-03-15
          intervention: preoperative hair removal
          plain_intervention: removing hair
        """) + RESULTS + textwrap.dedent("""\
        sections:
          background: {technical: Infections after surgery are common.}
          objectives: {technical: To assess hair removal.}
          search_methods: {technical: "We searched MEDLINE on {{ search_date | long_date }}."}
          selection_criteria: {technical: Randomised trials.}
          data_collection: {technical: Standard methods.}
          main_results: {technical: "Sixteen studies were included. Shaving probably increases infection (RR 1.82)."}
          authors_conclusions: {technical: Clippers may be better than razors.}
        summary:
          key_messages:
        """) + messages + "\n" + (
        "  what_is_heading: What is surgical site infection?\n"
        f"  what_is: {what_is!r}\n"
        f"  want_to_find_out: {want!r}\n"
        "  what_we_did: We searched for studies.\n"
        f"  what_we_found: {found!r}\n"
        f"  limitations: {limitations!r}\n")


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory):
    return load_config(tmp_path_factory.mktemp("empty-project"))


def findings(text: str, config, tmp_path: Path, checks: tuple[str, ...] = ()) -> dict[str, list[str]]:
    path = tmp_path / "hair.yaml"
    path.write_text(text, encoding="utf-8")
    review = load_review(path)
    found: dict[str, list[str]] = {}
    for document in render_documents(review, TemplateSet(None)):
        scored = score_document(document)
        for check in checks or ("results.certainty", "results.direction", "results.number", "results.unchecked"):
            if document.kind in registry[check].documents:
                found.setdefault(check, []).extend(f"{flag.sentence}: {flag.message}" for flag in registry[check].function(scored, config))
    return {check: messages for check, messages in found.items() if messages}


def errors(found: dict[str, list[str]]) -> list[str]:
    return [m for check, messages in found.items() if registry[check].severity == "error" for m in messages]


# Sentences of the lay summary ('what we found') that must raise no error (causes 1 to 6 of the issue:
# each was an error, or hid one, on today's code), and sentences that must raise one.
CASES = {
    "results.direction": {
        "pass": [
            "Removing hair with clippers may make little to no difference to infections.",  # 2: the comparison named
            "Clippers probably cause fewer infections than shaving using a razor.",  # 2: comparator after 'than'
            "Shaving using a razor probably causes more infections than clippers.",  # 2: read from the other side
            "We do not know whether shaving using a razor increases deaths.",  # 4: no direction claimed
            "Shaving using a razor probably leads to more infections.",  # 6: a comparative next to the outcome
            "Shaving using a razor probably gives a greater chance of infection.",
        ],
        "flag": [
            "Clippers probably cause more infections than shaving using a razor.",
            "Shaving using a razor probably reduces infections.",
            "Shaving using a razor probably reduces infections and may slightly reduce deaths.",  # 6: each outcome
            "Shaving using a razor may slightly reduce deaths and probably reduces infections.",
            "Removing hair with clippers probably reduces infections compared with no hair removal.",
        ],
    },
    "results.certainty": {
        "pass": [
            "Shaving using a razor may slightly reduce deaths, but we are very uncertain.",  # 4: GRADE's own words
            "We are very uncertain whether shaving using a razor reduces deaths.",
            "Clippers probably reduce infections compared with shaving using a razor.",
        ],
        "flag": [
            "Shaving using a razor probably makes people die less often.",  # 6: overstated, an error
            "Shaving using a razor increases infections.",  # no word of doubt: high certainty for moderate evidence
            "Clippers may make little or no difference to infections, and shaving using a razor increases them.",
        ],
    },
    "results.number": {
        "pass": [
            "We found 16 studies.",  # 3: a number in words in the abstract, in digits here
            "Clippers may make little or no difference to infections (3 studies, 4728 people).",
            "The people taking part were aged 18 to 80 years.",  # 3: not a claim, not a count: not read
            "Shaving using a razor was done with 2 blades.",
            # a whole the abstract leaves out, of which the sentence gives a part the data knows
            "The studies included a total of 5000 people, of whom 4728 were analysed.",
            "We found 20 studies (of which 3 compared clippers with no hair removal).",
            "Clippers may make little or no difference to infections (3 studies, 5100 people, of whom 4728 were analysed).",
            # a share of the review's people or studies describes the evidence, not a risk
            "One large study, with half of the participants included in the review, showed that shaving using a razor "
            "probably increases infections.",
            # a percentage in a list item of its own whose outcome no result names: not the next item's figure,
            # but it may be any result's (clippers against razors: RR 0.51, 49% fewer)
            "Shaving using a razor probably increases infections; it may shorten the time to healing by about 49%; "
            "it may slightly reduce deaths, but we are very uncertain.",
            # semicolons in brackets part the figures of one claim
            "Clippers may make little or no difference to infections (3 studies; 4728 people).",
            # a count of the same outcome in another comparison the sentence names by an arm of its own
            "Shaving using a razor probably increases infections compared with no hair removal (evidence from four "
            "studies of 1200 people), and clippers (evidence from three studies of 3193 people).",
        ],
        "flag": [
            "Shaving using a razor probably increases infections; it may slightly reduce deaths by about 18%.",
            # ... and one in an item whose claim is not read is a figure of some result, or wrong
            "Shaving using a razor probably increases infections; it may shorten the time to healing by about 17%; "
            "it may slightly reduce deaths, but we are very uncertain.",
            "Shaving using a razor may slightly reduce deaths, but we are very uncertain (3 studies, 4728 people).",  # 3
            "We found 17 studies.",
            "Clippers probably reduce infections compared with shaving using a razor (4 studies).",
            # the part is no count of the review, or is larger than the whole: not a whole of a known part
            "The studies included a total of 4000 people, of whom 4728 were analysed.",
            "Clippers may make little or no difference to infections (3 studies, 4800 people, of whom 4700 were analysed).",
        ],
    },
    "results.unchecked": {
        "pass": [
            "Clippers probably cause fewer infections than shaving using a razor.",
        ],
        "flag": [
            "Clippers probably make little or no difference to infections.",  # 2: against no removal, or razors?
        ],
    },
    "results.size-ci": {
        "pass": ["size: moderate with ci [1.05, 3.14]", "size: little or no difference with ci [0.70, 1.49]"],
        "flag": ["size: little or no difference with ci [1.05, 3.14]", "size: large at high certainty with ci [0.70, 1.49]"],
    },
}


@pytest.mark.parametrize("sentence", CASES["results.direction"]["pass"] + CASES["results.certainty"]["pass"]
                         + CASES["results.number"]["pass"])
def test_a_true_claim_raises_no_error(sentence: str, config, tmp_path: Path) -> None:
    assert not errors(findings(review_yaml(found=sentence), config, tmp_path)), sentence


@pytest.mark.parametrize("check", ["results.direction", "results.certainty", "results.number"])
def test_a_wrong_claim_is_an_error_of_its_check(check: str, config, tmp_path: Path) -> None:
    for sentence in CASES[check]["flag"]:
        found = findings(review_yaml(found=sentence), config, tmp_path)
        assert found.get(check), (sentence, found)


def test_a_sentence_that_could_mean_two_results_is_a_warning_not_an_error(config, tmp_path: Path) -> None:
    for sentence in CASES["results.unchecked"]["flag"]:
        found = findings(review_yaml(found=sentence), config, tmp_path)
        assert found.get("results.unchecked") and not errors(found), found
        assert "could mean 2 results" in found["results.unchecked"][0]
    for sentence in CASES["results.unchecked"]["pass"]:
        assert not findings(review_yaml(found=sentence), config, tmp_path), sentence


@pytest.mark.parametrize("part,text", [
    # 1: background, aims, questions and calls for research claim nothing
    ("what_is", "Without treatment, infections increase and more people die."),
    ("want", "We wanted to find out whether clippers reduce infections more than razors."),
    ("found", "We looked at whether shaving using a razor increases infections."),
    ("found", "– whether clippers reduce infections;"),
    ("found", "More research is needed to find out whether clippers reduce infections."),
    ("found", "Infections are less common in summer."),  # no intervention acts
    ("found", "Razors are used to reduce infections from hair in the wound."),  # a purpose
])
def test_sentences_that_explain_are_not_claims(part: str, text: str, config, tmp_path: Path) -> None:
    assert not findings(review_yaml(**{part: text}), config, tmp_path)


def test_a_certainty_stated_for_the_summary_is_carried_to_its_claims(config, tmp_path: Path) -> None:
    """5: the pre-2021 style states the certainty once; the claims use plain verbs."""
    text = review_yaml(found="Clippers cause fewer infections than shaving using a razor.",
                       limitations="The certainty of the evidence is moderate.")
    assert not errors(findings(text, config, tmp_path))
    wrong = review_yaml(found="Clippers cause fewer infections than shaving using a razor.",
                        limitations="The certainty of the evidence is high.")
    assert any("states high certainty" in m for m in findings(wrong, config, tmp_path).get("results.certainty", []))


def test_the_as_published_layout_is_read_too(config, tmp_path: Path) -> None:
    """6: a summary kept as published has its claims and numbers checked, its background not."""
    text = review_yaml().split("summary:\n")[0] + (
        "layout_note: x\n" if False else "") + "summary:\n  text: |-\n" + textwrap.indent(
        "## Background\n\nWithout treatment, infections increase.\n\n## Key results\n\n"
        "Shaving using a razor probably reduces infections (4 studies, 4728 people).\n", "    ")
    text = text.replace("layout: cochrane-2021", "layout: as-published")
    found = findings(text, config, tmp_path)
    assert found.get("results.direction") and found.get("results.number"), found
    assert not any("Without treatment" in m for messages in found.values() for m in messages)


def test_a_continuous_result_must_say_whether_its_outcome_is_a_quality(tmp_path: Path) -> None:
    """8: an MD named as a quality ('asthma control') was worded 'reduces asthma control' by default."""
    text = review_yaml().replace("""    measure: RR
    estimate: 0.80
    ci: [0.50, 1.30]""", """    measure: MD
    estimate: -0.80
    ci: [-1.50, -0.10]
    better: lower""")
    path = tmp_path / "hair.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_review(path)
    problem = raised.value.problems[0]
    row = text.split("\n")[problem.line - 1]
    assert "outcome: {technical: death within 30 days" in row and problem.column == row.index("{") + 1
    assert "'quality: true'" in problem.message and "'quality: false'" in problem.message
    path.write_text(text.replace("plain: death}", "plain: death, quality: false}"), encoding="utf-8")
    assert load_review(path).results


def test_a_result_without_size_is_worded_by_its_interval(tmp_path: Path) -> None:
    """8: no size chosen and an interval that includes no effect: not worded as an effect; an
    estimate of exactly 1 (RevMan rows with RR 1.00) loads."""
    text = review_yaml(found="{{ results.infection_clippers.plain }} {{ results.death_razor.plain }}")
    text = text.replace("    size: little or no difference\n", "").replace("    size: small\n", "")
    text = text.replace("estimate: 1.02", "estimate: 1.00")
    path = tmp_path / "hair.yaml"
    path.write_text(text, encoding="utf-8")
    review = load_review(path)
    summary = next(d for d in render_documents(review, TemplateSet(None)) if d.kind == "summary")
    assert "Clippers may make little or no difference to infections." in summary.body
    assert "we are very uncertain whether shaving using a razor makes any difference to death" in summary.body.lower()


@pytest.mark.parametrize("case", CASES["results.size-ci"]["flag"] + CASES["results.size-ci"]["pass"])
def test_a_size_that_contradicts_the_interval_is_a_warning(case: str, config, tmp_path: Path) -> None:
    size = case.split("size: ")[1].split(" with")[0].replace(" at high certainty", "")
    ci = case.split("ci ")[1]
    text = review_yaml().replace("    size: moderate\n  - id: infection_clippers\n",
                                 f"    size: {size}\n  - id: infection_clippers\n", 1)
    text = text.replace("ci: [1.05, 3.14]", f"ci: {ci}").replace("estimate: 1.82", "estimate: 1.10" if "0.70" in ci else "estimate: 1.82")
    if "high certainty" in case:
        text = text.replace("    certainty: moderate\n    size: large", "    certainty: high\n    size: large", 1)
    found = findings(text, config, tmp_path, ("results.size-ci",))
    assert bool(found) == (case in CASES["results.size-ci"]["flag"]), found
    assert registry["results.size-ci"].severity == "warning"


def test_a_setting_or_time_another_result_names_makes_a_warning_not_an_error(config, tmp_path: Path) -> None:
    # 'within 30 days' is how death_razor's outcome is qualified, not infection_razor's: which result the
    # sentence means cannot be told, so its wrong direction is a warning
    found = findings(review_yaml(found="Shaving using a razor probably reduces infections within 30 days."), config, tmp_path)
    assert not errors(found), found
    assert any("'within 30 days'" in message for message in found.get("results.unchecked", [])), found
    # a qualifier no other result names leaves the error ('after surgery'), as does a measure ('in the risk of')
    for sentence in ("Shaving using a razor probably reduces infections after surgery.",
                     "Shaving using a razor probably causes a reduction in the risk of infections."):
        found = findings(review_yaml(found=sentence), config, tmp_path)
        assert found.get("results.direction"), (sentence, found)


def test_a_list_item_that_goes_on_from_its_lead_in_is_a_claim(config, tmp_path: Path) -> None:
    # "Shaving using a razor:" then "– probably reduces infections" (it increases them)
    found = findings(review_yaml(found="– probably reduces infections;",
                                 key_messages=("Shaving using a razor probably increases infections.",)), config, tmp_path)
    assert any("'reduces'" in message for message in found.get("results.direction", [])), found
    # a dash that starts a sentence with a subject is not such an item; neither is background
    assert not findings(review_yaml(found="– Infections are less common in summer."), config, tmp_path)


# --- lead-ins, comparators, kinds and GRADE's phrase set (issue 23, claim reading) ---------------

def read_verdicts(sentences: list[str], tmp_path: Path) -> list[list[tuple[str, str]]]:
    """(check, message) of each sentence of a summary part, read in order as the checks read them."""
    from plainsum.grade.claims import load_vocabulary
    from plainsum.grade.judge import judge
    from plainsum.grade.reading import read_summary

    path = tmp_path / "hair.yaml"
    path.write_text(review_yaml(), encoding="utf-8")
    results = load_review(path).results
    readings = read_summary([(s, False) for s in sentences], results, load_vocabulary(), ("preoperative hair removal", "removing hair"))
    return [[(v.check, v.message) for v in judge(reading, results)] for reading in readings]


def checks_of(verdicts: list[tuple[str, str]]) -> set[str]:
    return {check for check, _ in verdicts}


LEAD_INS = [
    # (lines, index of the line judged, checks expected there)
    # the lead-in names the comparison its list items are about
    (["Compared with no hair removal, clippers:", "– probably reduce infections;"], 1, {"results.direction"}),
    (["Compared with shaving using a razor, clippers:", "– probably reduce infections;"], 1, set()),
    (["Compared with no hair removal, shaving using a razor:", "– probably increases infections;"], 1, set()),
    # a lead-in naming a comparison that has no result for the outcome: no claim against another one
    (["Compared with no hair removal, clippers:", "– may slightly reduce deaths;"], 1, set()),
    # a lead-in that claims, its comparators in the items after it
    (["Clippers probably cause fewer infections when compared with:", "– shaving using a razor."], 0, set()),
    (["Clippers probably cause more infections when compared with:", "– shaving using a razor."], 0, {"results.direction"}),
    (["Clippers may cause fewer infections when compared with:", "– shaving using a razor."], 0, {"results.certainty"}),
    # items that are the object of the lead-in's last word (a preposition): an opening verb in -ing names the outcome
    (["Shaving using a razor may make little or no difference to:", "– increasing deaths, but we are very uncertain;"], 1,
     set()),
    (["Shaving using a razor was studied for its effect on:", "– lowering deaths, but we are very uncertain;"], 1, set()),
    (["Shaving using a razor may:", "– increase deaths, but we are very uncertain;"], 1, {"results.direction"}),
    (["Shaving using a razor may make little or no difference to:", "– deaths, which it increases, but we are very "
      "uncertain;"], 1, {"results.direction"}),
]


@pytest.mark.parametrize("lines,index,expected", LEAD_INS)
def test_a_lead_in_names_the_comparison_of_its_items(lines: list[str], index: int, expected: set[str], tmp_path: Path) -> None:
    found = read_verdicts(lines, tmp_path)[index]
    errors_found = checks_of(found) - {"results.unchecked"}
    assert (expected <= errors_found) if expected else not errors_found, found


COMPARISONS = {
    # another comparison than the results of the outcome: never an error against the wrong one
    "warn or pass": [
        "Babies of women who cut their hair were less likely to get infections than babies in the trimmed group.",
        "The type of clippers used may make little to no difference to infections.",  # kinds compared with each other
        "Compared with chlorhexidine washes, clippers probably increase infections.",
    ],
    "error": [
        "Compared with shaving using a razor, clippers probably increase infections.",
        "Clippers probably increase infections compared with shaving using a razor.",
        # the review's own name for what it studies (its facts), of which each result has a kind
        "Preoperative hair removal probably increases deaths.",
    ],
}


@pytest.mark.parametrize("sentence", COMPARISONS["warn or pass"])
def test_a_comparison_the_results_do_not_have_is_no_error(sentence: str, tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert checks_of(found) <= {"results.unchecked"}, found


@pytest.mark.parametrize("sentence", COMPARISONS["error"])
def test_a_named_comparison_is_checked(sentence: str, tmp_path: Path) -> None:
    assert "results.direction" in checks_of(read_verdicts([sentence], tmp_path)[0])


# GRADE's informative statements (Santesso et al. 2020, GRADE guidelines 26) and the words authors
# use for the same levels: (sentence, level it claims) against the moderate-certainty razor result
GRADE_WORDS = [
    ("Shaving using a razor increases infections.", "high"),
    ("Shaving using a razor probably increases infections.", "moderate"),
    ("Shaving using a razor likely increases infections.", "moderate"),
    ("Shaving using a razor may increase infections.", "low"),
    ("Shaving using a razor may increase infections, but the evidence is very uncertain.", "very low"),
    ("Shaving using a razor increases infections (low certainty of the evidence).", "low"),
    ("Shaving using a razor increases infections (high-certainty evidence).", "high"),
    ("Shaving using a razor probably increases infections (high-certainty evidence).", "high"),
    ("We are not confident that shaving using a razor increases infections.", "low or very low"),
    ("We have very little confidence that shaving using a razor increases infections.", "very low"),
    ("We are very confident that shaving using a razor increases infections.", "high"),
    ("It is uncertain if shaving using a razor increases infections.", "low or very low"),
]


@pytest.mark.parametrize("sentence,level", GRADE_WORDS)
def test_grade_words_claim_their_level(sentence: str, level: str, tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert ("results.certainty" in checks_of(found)) == (level != "moderate"), (sentence, found)


def test_a_statement_of_certainty_inside_a_claim_is_checked(tmp_path: Path) -> None:
    # "Due to the high quality ..., we are uncertain whether": the stated level, held against the results
    wrong = read_verdicts(["Due to the high quality of the evidence, we are uncertain whether removing hair has any benefit."], tmp_path)
    assert "results.certainty" in checks_of(wrong[0]), wrong
    right = read_verdicts(["Due to the low quality of the evidence, we are uncertain whether removing hair has any benefit."], tmp_path)
    assert "results.certainty" not in checks_of(right[0]), right
    # a summary's statement naming a level no result has, beside one that some result has: the results
    # encoded may be only some of those it covers
    stated = read_verdicts(["The certainty of the evidence was high or low."], tmp_path)
    assert "results.certainty" not in checks_of(stated[0]), stated


@pytest.mark.parametrize("sentence,level", [
    ("No está claro si las maquinillas reducen las infecciones.", "low or very low"),
    ("No está claro que las maquinillas reduzcan las infecciones.", "low or very low"),
    ("La evidencia es de certeza muy alta.", "high"),
    ("Estamos inciertos sobre el efecto.", "low or very low"),
    ("Probablemente reducen las infecciones.", "moderate"),
    ("Pueden reducir las infecciones, pero la evidencia es muy incierta.", "very low"),
])
def test_spanish_grade_words(sentence: str, level: str) -> None:
    from plainsum.grade.claims import load_vocabulary, vocabulary_path
    from plainsum.grade.vocabulary import levels_of

    vocabulary = load_vocabulary(vocabulary_path(None, "es"))
    found = {meaning for meaning, pattern in vocabulary.certainty if pattern.search(sentence)}
    assert any(levels_of(level) <= levels_of(m) or m == level for m in found) and (level == "very low" or "very low" not in found), found


# sentences of the held-out reviews' kinds (their causes, in sentences of this review's own)
NO_ERROR = [
    "We are uncertain whether shaving using a razor increases deaths.",  # no direction claimed
    "There was not enough information to say whether clippers were better at preventing infections than razors.",
    "Shaving using a razor probably reduces infections less than no hair removal.",  # 'reduces ... less than': the other way
    "This problem arises because of fewer infections in summer.",  # 'this' is no stand-in unless it acts
    "The studies were of high quality, although some did not report all outcomes.",  # risk of bias, not certainty
    "The quality of the included studies was moderate to high.",
    "The quality of these trials was high, although few were recent.",
    "Overall, the quality of the randomised studies was moderate.",
    "Shaving using a razor probably increases infections for more than six months after surgery.",  # 'than six': no comparator
    "When using swabs to assess infections after shaving using a razor, there was evidence to suggest better healing.",
    # a purpose, outcomes no study reported, what is not known about something else than the results
    "This review set out to determine how effective clippers are in reducing infections.",
    "No studies reported how shaving using a razor changed infections of any cause.",
    "Shaving using a razor probably increases infections, but we do not know how best to explain this.",
    "Shaving using a razor probably leads to more infections and less hair.",  # 'less' goes with 'hair'
]

# 'without affecting' claims no effect: wrong for an outcome that got worse
WITHOUT = "Shaving using a razor may slightly reduce deaths without affecting infections."


def test_without_affecting_claims_no_effect(tmp_path: Path) -> None:
    assert "results.direction" in checks_of(read_verdicts([WITHOUT], tmp_path)[0])


@pytest.mark.parametrize("sentence", NO_ERROR)
def test_sentences_that_state_uncertainty_or_other_things_raise_no_error(sentence: str, tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert checks_of(found) <= {"results.unchecked"}, found


def test_an_effect_said_to_be_smaller_is_read_the_other_way(tmp_path: Path) -> None:
    found = read_verdicts(["Shaving using a razor probably increases infections less than no hair removal."], tmp_path)[0]
    assert "results.direction" in checks_of(found), found


def test_a_statement_inside_a_claim_is_carried_to_the_results_it_names(tmp_path: Path) -> None:
    # the pre-2021 style: "Evidence of moderate quality shows that ... probably ...", then plain key results
    found = read_verdicts(["Evidence of moderate quality shows that shaving using a razor probably increases infections.",
                           "With shaving using a razor, infections increased."], tmp_path)
    assert not found[0] and "results.certainty" not in checks_of(found[1]), found


def test_an_absolute_effect_after_the_outcome_is_read_as_its_direction(tmp_path: Path) -> None:
    # "...: in 32 more people for every 1000" says the other way from the verb before it
    wrong = read_verdicts(["Shaving using a razor probably increases infections: in 30 fewer people for every 1000 operated on."], tmp_path)
    assert "results.direction" in checks_of(wrong[0]), wrong
    right = read_verdicts(["Shaving using a razor probably increases infections: in 30 more people for every 1000 operated on."], tmp_path)
    assert "results.direction" not in checks_of(right[0]), right


# a combined intervention's parts listed with one more part name another intervention (no result of
# the combination is read against the sentence); the parts as the name has them, or fewer, do not
ADDED_PART = [
    ("the combination of manual therapy, exercise and electrotherapy may not improve pain", True),
    ("manual therapy, exercise, electrotherapy and glucocorticoid injection may not improve function", True),
    ("manual therapy, exercise plus injection did not reduce pain", True),
    ("the combination of manual therapy and exercise probably improves pain", False),
    ("manual therapy and exercise, compared with injection, may not improve pain", False),
    ("manual therapy may improve pain, exercise and function", False),
]


@pytest.mark.parametrize("text,added", ADDED_PART)
def test_an_intervention_with_an_added_part_is_another_intervention(text: str, added: bool) -> None:
    from plainsum.grade.claims import load_vocabulary
    from plainsum.grade.reading import _added_component

    assert _added_component(["manual therapy and exercise"], text, load_vocabulary().coordinators) is added


# A combination compared with each of its parts (a common design): the combination's name holds the
# comparators' words, so only a comparator named apart ("compared with exercise alone") tells which
# comparison a sentence means; a sentence that names none may mean any of them. ("supplements alone"
# against the combination's "supplement" once made the comparison with vitamin D look named, and a
# sentence that fits the comparison with exercise alone was an error against it.)
COMBINATION = """\
results:
  - id: falls_vs_vitamin
    intervention: combined exercise and vitamin D supplement supplement
    comparison: vitamin D supplements alone
    outcome: falls
    measure: RR
    estimate: 0.70
    ci: [0.58, 0.85]
    studies: 6
    participants: 2100
    certainty: moderate
    size: moderate
  - id: falls_vs_exercise
    intervention: combined exercise and vitamin D supplement supplement
    comparison: exercise alone
    outcome: falls
    measure: RR
    estimate: 0.98
    ci: [0.80, 1.20]
    studies: 6
    participants: 2100
    certainty: low
    size: little or no difference
  - id: falls_vs_nothing
    intervention: combined exercise and vitamin D supplement supplement
    comparison: no treatment
    outcome: falls
    measure: RR
    estimate: 0.95
    ci: [0.75, 1.21]
    studies: 6
    participants: 2100
    certainty: low
    size: little or no difference
"""

UNSAID_COMPARISON = [
    # (sentence, the errors expected)
    ("Combined exercise and vitamin D supplement probably reduce falls.", set()),  # fits the comparison with vitamin D
    ("Combined exercise and vitamin D supplement may make little or no difference to falls.", set()),  # fits the one with exercise
    ("Combined exercise and vitamin D supplement probably increase falls.", {"results.direction"}),  # fits no comparison
    ("Combined exercise and vitamin D supplement reduce falls.", {"results.certainty"}),  # no comparison is high certainty
    ("Compared with vitamin D supplements alone, combined exercise and vitamin D supplement may make little or no difference "
     "to falls.", {"results.direction", "results.certainty"}),
    ("Compared with exercise alone, combined exercise and vitamin D supplement probably reduce falls.",
     {"results.direction", "results.certainty"}),
]


@pytest.mark.parametrize("sentence,expected", UNSAID_COMPARISON)
def test_a_sentence_naming_no_comparator_is_an_error_only_when_no_comparison_fits(sentence: str, expected: set[str],
                                                                                   tmp_path: Path) -> None:
    from plainsum.grade.claims import load_vocabulary
    from plainsum.grade.judge import judge
    from plainsum.grade.reading import read_summary

    path = tmp_path / "hair.yaml"
    path.write_text(review_yaml().replace(RESULTS, COMBINATION), encoding="utf-8")
    results = load_review(path).results
    reading = read_summary([(sentence, False)], results, load_vocabulary(), ())[0]
    found = [(v.check, v.message) for v in judge(reading, results)]
    assert checks_of(found) - {"results.unchecked"} == expected, found


SETTINGS = """\
results:
  - id: infection_hospital
    intervention: clippers
    comparison: no hair removal
    outcome: {technical: surgical site infection (hospital wards; high-income countries), plain: infections}
    measure: RR
    estimate: 0.5
    ci: [0.3, 0.8]
    studies: 3
    participants: 900
    certainty: high
    size: moderate
  - id: infection_community
    intervention: clippers
    comparison: no hair removal
    outcome: {technical: surgical site infection (community clinics; low-income countries), plain: infections}
    measure: RR
    estimate: 1.01
    ci: [0.8, 1.3]
    studies: 2
    participants: 400
    certainty: low
    size: little or no difference
"""


@pytest.mark.parametrize("sentence,checks", [
    # the setting each result's outcome carries tells the results of one outcome apart
    ("In hospital wards, clippers reduced infections.", set()),
    ("In community clinics, clippers may make little or no difference to infections.", set()),
    ("In community clinics, clippers reduced infections.", {"results.certainty", "results.direction"}),
    ("In hospital wards, clippers may make little or no difference to infections.", {"results.certainty", "results.direction"}),
    # naming no setting, the sentence could mean either
    ("Clippers reduced infections.", {"results.unchecked"}),
])
def test_the_setting_an_outcome_names_picks_its_result(sentence: str, checks: set[str], tmp_path: Path) -> None:
    import yaml

    from plainsum.grade.claims import load_vocabulary
    from plainsum.grade.judge import judge
    from plainsum.grade.reading import read_summary

    data = yaml.safe_load(review_yaml())
    data["results"] = yaml.safe_load(SETTINGS)["results"]
    path = tmp_path / "hair.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    results = load_review(path).results
    reading = read_summary([(sentence, False)], results, load_vocabulary(), ("removing hair",))[0]
    assert {v.check for v in judge(reading, results)} == checks


# A rating of the evidence that governs a claim ("We found <level> evidence that ...", "<Level> evidence
# suggests that ...") states a level of its own: where the claim's word says another, both are held
# against the results (the razor result is moderate-certainty evidence).
RATINGS = {
    "error": [
        "We found high-certainty evidence that shaving using a razor probably increases infections.",
        "Low-certainty evidence suggests that shaving using a razor probably increases infections.",
        "There is very low-quality evidence that shaving using a razor probably increases infections.",
        "High-quality evidence shows that shaving using a razor probably increases infections.",
    ],
    "pass": [
        "We found moderate-certainty evidence that shaving using a razor probably increases infections.",
        "Moderate-quality evidence shows that shaving using a razor probably increases infections.",
        "Shaving using a razor probably increases infections (moderate-certainty evidence).",
        # a rating that governs nothing after it is no level of the claim
        "High-quality studies found that shaving using a razor probably increases infections.",
    ],
}


@pytest.mark.parametrize("sentence", RATINGS["error"])
def test_a_rating_that_governs_a_claim_is_checked_beside_its_word(sentence: str, tmp_path: Path) -> None:
    assert "results.certainty" in checks_of(read_verdicts([sentence], tmp_path)[0]), sentence


@pytest.mark.parametrize("sentence", RATINGS["pass"])
def test_a_rating_that_agrees_with_the_claim_passes(sentence: str, tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert "results.certainty" not in checks_of(found), found


# Statements of certainty: a level written with its noun ("high-certainty evidence", "low-quality
# evidence") is a level word too, and a clause that calls for research does not keep the other clauses
# of its sentence from being read (no result of the hair review is high-certainty evidence).
STATEMENTS = {
    "error": [
        "We found high-certainty evidence that there is little to no difference between these ways of removing hair.",
        "The certainty of the evidence was high, though future research could change our confidence in it.",
        "Shaving using a razor may increase infections, but more research is needed.",  # 'may' for a moderate result
        "We have very low certainty that shaving using a razor increases infections.",
        "Overall, the evidence was high-quality.",
        "We are very confident in these results.",  # how sure we are, said of the results: a statement too
        "We were very sure about these results.",  # 'very sure' said of us, not any 'very sure'
    ],
    "pass": [
        "We found moderate-certainty evidence that there is little to no difference between these ways of removing hair.",
        "The certainty of the evidence was moderate, though future research could change our confidence in it.",
        "Shaving using a razor probably increases infections, but more research is needed.",
        "We have moderate certainty that shaving using a razor increases infections.",
        "High-quality studies are needed to answer this question.",
        "The studies gave high doses of antiseptic, and the evidence was of low certainty.",
        "We are fairly sure about these results.",
        "We are very uncertain about the evidence.",
        "The evidence is very uncertain.",
        "The results are uncertain because the studies were small.",
        "We are not very sure about these results.",  # not "very sure"
    ],
}


@pytest.mark.parametrize("sentence", STATEMENTS["error"])
def test_a_statement_of_certainty_is_read_in_its_forms(sentence: str, tmp_path: Path) -> None:
    assert "results.certainty" in checks_of(read_verdicts([sentence], tmp_path)[0]), sentence


@pytest.mark.parametrize("sentence", STATEMENTS["pass"])
def test_a_statement_of_certainty_that_fits_passes(sentence: str, tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert "results.certainty" not in checks_of(found), found


# "Both A and B ..." claims the same of each: a word or an effect that fits one of the results and not
# the other is an error (the razor result is moderate certainty and an increase; clippers, low and no
# difference), worded for the group at the lowest certainty among them as listed outcomes are.
BOTH = {
    "error": [
        "Both shaving using a razor and clippers probably increase infections compared with no hair removal.",
        "Both clippers and shaving using a razor probably increase infections compared with no hair removal.",
        "Both shaving using a razor and clippers increase infections compared with no hair removal.",
    ],
    "no error": [
        # one of them named: the other reading is a warning at most
        "Shaving using a razor probably increases infections compared with no hair removal.",
        # 'both' of something else than the subject
        "Shaving using a razor probably increases infections in both men and women compared with no hair removal.",
        "Both shaving using a razor and clippers were compared with no hair removal in these studies.",
    ],
}


@pytest.mark.parametrize("sentence", BOTH["error"])
def test_both_a_and_b_claims_the_same_of_each(sentence: str, tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert checks_of(found) & {"results.certainty", "results.direction"}, found


@pytest.mark.parametrize("sentence", BOTH["no error"])
def test_a_claim_of_one_of_them_is_not_held_against_both(sentence: str, tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert checks_of(found) <= {"results.unchecked"}, found


# A rating of two levels ("very low- to low-certainty evidence", "low or moderate certainty evidence")
# claims either: the first level, written with a dangling hyphen, is read too (razor: moderate; deaths:
# very low).
RANGES = {
    "error": [
        "Shaving using a razor increases infections (very low- to low-certainty evidence).",
        "Shaving using a razor increases infections (very low or low certainty evidence).",
    ],
    "pass": [
        "Shaving using a razor increases infections (low- to moderate-certainty evidence).",
        "Shaving using a razor increases infections (low or moderate certainty evidence).",
        "Shaving using a razor may slightly reduce deaths (very low- to low-certainty evidence).",
        "We found low- to moderate-certainty evidence.",
        "The evidence was of very low- to low-certainty.",
    ],
}


# Effect direction read as an expert reader would (the helper "direction", session 7). Each rule is a
# fact of English or of GRADE wording, checked on sentences of our own against the hair review:
# infection_razor increases (bad), infection_clippers_razor reduces (good, 95% CI 0.29 to 0.91),
# death_razor leans nowhere clearly (RR 0.80, 95% CI 0.50 to 1.30).
DIRECTION = {
    "flag": [
        # a verb of harm under "uncertain whether" against a result that clearly leans to a benefit:
        # published text asks about the benefit whatever the estimate, but not about a harm that is not there
        "We are uncertain whether clippers increase infections compared with shaving using a razor.",
        "We do not know whether clippers make infections worse compared with shaving using a razor.",
        # a name's word in the singular ("clipper use" for "clippers")
        "Clipper use probably increases infections compared with shaving using a razor.",
        # the outcome as subject, with the study it comes from standing for the intervention
        "Infections decreased in one study of shaving using a razor.",
        # "those who did not" is the group without the intervention, not another comparator
        "People who had shaving using a razor probably had fewer infections than those who did not.",
        # the comparator ends with its clause: the words after "but" are not the comparator
        "Shaving using a razor probably causes fewer infections than no hair removal, but clippers may make little "
        "to no difference to infections.",
        # an effect as large as the comparator's is no difference; denied, it is the other way round
        "Shaving using a razor probably increases infections as much as no hair removal does.",
        "Clippers probably do not reduce infections as much as shaving using a razor.",
        # the part before a dash that names no outcome is elaborated by the outcome after it
        "People who had clippers probably improved as much as people who had shaving using a razor—infections were fewer.",
        # a comparative before an effect noun: "less improvement", "less harm" go the other way round
        "Clippers probably give less improvement in infections than shaving using a razor.",
        "Shaving using a razor probably causes less harm from infections than no hair removal.",
        # an absolute effect after the outcome, a percentage with an effect noun
        "Clippers probably cause fewer infections than shaving using a razor—49% less benefit.",
        # a clause with a comparator of its own and no outcome is about the outcome of the clause before
        "Clippers probably cause fewer infections than shaving using a razor, but are less effective than no hair removal.",
    ],
    "pass": [
        # the review's question under "uncertain whether", a verb of benefit whatever the estimate
        "We are uncertain whether shaving using a razor reduces infections.",
        "We are uncertain whether clippers reduce infections compared with shaving using a razor.",
        "We do not know whether shaving using a razor increases deaths.",  # RR 0.80 (0.50 to 1.30): no clear lean
        "We do not know whether clippers increase or reduce infections compared with shaving using a razor.",
        "Clippers may increase or reduce infections compared with shaving using a razor.",  # no direction
        "Clipper use probably reduces infections compared with shaving using a razor.",
        "Deaths were reduced in one study.",
        "In people having surgery, infections increase with age.",  # no one acts: background
        "People who had shaving using a razor probably had more infections than those who did not.",
        "Shaving using a razor probably causes more infections than no hair removal, but clippers may make little "
        "to no difference to infections.",
        "Shaving using a razor probably does not reduce infections as much as no hair removal.",
        "Clippers probably reduce infections as well as lower the cost, compared with shaving using a razor.",
        "Clippers probably reduce infections as far as we know, compared with shaving using a razor.",
        "People who had clippers probably did better than people who had shaving using a razor—infections were fewer.",
        "People who had clippers probably did not do as badly as people who had shaving using a razor—infections were fewer.",
        "Clippers probably give more benefit against infections than shaving using a razor.",
        "Clippers probably cause fewer infections than shaving using a razor—49% more benefit.",
        "Clippers probably cause fewer infections than shaving using a razor, but are no more effective than no hair removal.",
    ],
}


@pytest.mark.parametrize("sentence", RANGES["error"])
def test_a_rating_of_two_levels_fits_neither_other_level(sentence: str, tmp_path: Path) -> None:
    assert "results.certainty" in checks_of(read_verdicts([sentence], tmp_path)[0]), sentence


@pytest.mark.parametrize("sentence", RANGES["pass"])
def test_a_rating_of_two_levels_fits_either(sentence: str, tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert "results.certainty" not in checks_of(found), found


# --- precision on reviews nobody tuned on (issue 23, held-out-3's causes in sentences of this review) ---
# Sentences that must raise no error (a results.unchecked warning is allowed): GRADE's very-low
# wording, a rating that opens the next clause, a level said of part of the evidence, no-important-
# effect phrases, intervals in words, events named by an effect adjective, what some reports describe,
# an effect word with its figure on the estimate's side.
PRECISION_NO_ERROR = [
    "Shaving using a razor may slightly reduce deaths, but we are very uncertain about the results.",
    "Shaving using a razor may slightly reduce deaths, but we are very unsure about this.",
    "Moderate-quality evidence showed that shaving using a razor increased infections, and very low-quality evidence "
    "showed that it slightly reduced deaths.",
    "The quality of the evidence was high for most comparisons.",
    "Overall, the certainty of the evidence was very low in some comparisons because the studies were small.",
    "Compared with no hair removal, clippers may have little or no effect on the occurrence of harmful effects (infections).",
    "Compared with no hair removal, clippers may have little benefit on infections.",
    "Compared with no hair removal, clippers may lead to little difference in infections.",
    "Compared with no hair removal, clippers may increase infections by 2% (ranging from 30% fewer to 49% more).",
    "Compared with no hair removal, clippers may lead to 2% more infections (ranging from 30% fewer to 49% more).",
    "Some reports describe fewer infections with shaving using a razor.",
    "Some participants complained of more infections after shaving using a razor.",
    # what one study showed states no certainty of the evidence
    "One trial showed fewer deaths with shaving using a razor compared with those who did not.",
    "A single study found fewer deaths with shaving using a razor.",
]

# ... and their counterparts, which must still raise an error of the check named
PRECISION_ERROR = [
    ("Shaving using a razor may increase infections, but we are very uncertain about the results.", "results.certainty"),
    ("Low-quality evidence showed that shaving using a razor increased infections, and moderate-quality evidence showed "
     "that it slightly reduced deaths.", "results.certainty"),
    ("The quality of the evidence was high.", "results.certainty"),
    ("Shaving using a razor may have little benefit on infections.", "results.direction"),
    ("Compared with no hair removal, clippers may reduce infections by 2%.", "results.direction"),  # the wrong side
    ("Shaving using a razor probably reduces infections (ranging from 5% fewer to 30% more).", "results.direction"),
    ("Shaving using a razor probably reduces infections, and some reports describe more deaths.", "results.direction"),
    ("Shaving using a razor probably reduces the harmful effects of infections.", "results.direction"),
    # two levels said: 'probably' is held against the very low-certainty result
    ("Shaving using a razor will probably slightly reduce deaths, but we are very uncertain about the results.",
     "results.certainty"),
    ("One trial showed more deaths with shaving using a razor.", "results.direction"),
]


@pytest.mark.parametrize("sentence", PRECISION_NO_ERROR)
def test_wordings_that_claim_no_wrong_thing_raise_no_error(sentence: str, tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert checks_of(found) <= {"results.unchecked"}, found


@pytest.mark.parametrize("sentence,check", PRECISION_ERROR)
def test_their_wrong_counterparts_are_still_errors(sentence: str, check: str, tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert check in checks_of(found), found


# GRADE's first definitions of the levels say how likely further research is to change the results:
# a summary's sentence saying so is its statement of certainty, carried to claims without their own words
FUTURE = [
    ("We cannot be certain that future studies will not change these conclusions.", set()),  # "may change": moderate
    ("Future studies may change these results.", set()),
    # low, and the plain verb claims high: the moderate result fits neither reading
    ("Further research is likely to change these findings.", {"results.certainty"}),
    ("More studies are needed.", {"results.certainty"}),  # no level: 'increases' claims high certainty
]


@pytest.mark.parametrize("statement,expected", FUTURE)
def test_how_likely_research_is_to_change_the_results_states_a_level(statement: str, expected: set[str], tmp_path: Path) -> None:
    found = read_verdicts(["Shaving using a razor increases infections.", statement], tmp_path)[0]
    assert checks_of(found) == expected, found


# The comparison group named by what it did not get is the comparison's own group: read against it
# (not a warning that the sentence may mean another comparison)
CONTROL_GROUP = [
    ("Shaving using a razor probably increased infections compared to the group that did not shave.", set()),
    ("Shaving using a razor probably increased infections compared with people who did not have their hair removed.", set()),
    ("Shaving using a razor probably increased infections compared to the control group.", set()),
    ("Shaving using a razor probably reduced infections compared to the group that did not shave.", {"results.direction"}),
]


@pytest.mark.parametrize("sentence,expected", CONTROL_GROUP)
def test_the_group_that_did_not_get_it_is_the_comparison(sentence: str, expected: set[str], tmp_path: Path) -> None:
    assert checks_of(read_verdicts([sentence], tmp_path)[0]) == expected


@pytest.mark.parametrize("sentence", DIRECTION["flag"])
def test_a_wrong_direction_is_read_as_an_expert_reads_it(sentence: str, config, tmp_path: Path) -> None:
    found = findings(review_yaml(found=sentence), config, tmp_path)
    assert found.get("results.direction"), (sentence, found)


@pytest.mark.parametrize("sentence", DIRECTION["pass"])
def test_a_right_direction_raises_no_direction_finding(sentence: str, config, tmp_path: Path) -> None:
    found = findings(review_yaml(found=sentence), config, tmp_path)
    assert not found.get("results.direction"), (sentence, found)



# --- over-fitted rules made general (session 7 review) -------------------------------------------

def read_verdicts_of(review_text: str, sentences: list[str], tmp_path: Path) -> list[list[tuple[str, str]]]:
    """As `read_verdicts`, against a changed hair review."""
    from plainsum.grade.claims import load_vocabulary
    from plainsum.grade.judge import judge
    from plainsum.grade.reading import read_summary

    path = tmp_path / "hair.yaml"
    path.write_text(review_text, encoding="utf-8")
    results = load_review(path).results
    readings = read_summary([(s, False) for s in sentences], results, load_vocabulary(), ("preoperative hair removal", "removing hair"))
    return [[(v.check, v.message) for v in judge(reading, results)] for reading in readings]


# Asking whether an intervention does harm is the ordinary wording of an adverse-event question: it is a
# direction error only when the interval excludes no effect (deaths here RR 0.26; wide: 0.03 to 2.26)
ASKS_HARM = [
    ("0.03, 2.26", "We are uncertain whether shaving using a razor causes more deaths than no hair removal.", set()),
    ("0.03, 2.26", "We do not know whether shaving using a razor increases deaths.", set()),
    ("0.03, 2.26", "It is unclear whether shaving using a razor leads to more deaths.", set()),
    ("0.03, 2.26", "We are uncertain whether shaving using a razor makes deaths worse.", set()),
    ("0.10, 0.70", "We are uncertain whether shaving using a razor causes more deaths than no hair removal.", {"results.direction"}),
    ("0.10, 0.70", "We do not know whether shaving using a razor increases deaths.", {"results.direction"}),
]


@pytest.mark.parametrize("ci,sentence,expected", ASKS_HARM)
def test_asking_about_harm_is_an_error_only_against_a_clear_benefit(ci: str, sentence: str, expected: set[str],
                                                                     tmp_path: Path) -> None:
    text = review_yaml().replace("estimate: 0.80\n    ci: [0.50, 1.30]", f"estimate: 0.26\n    ci: [{ci}]")
    assert "estimate: 0.26" in text
    found = read_verdicts_of(text, [sentence], tmp_path)[0]
    assert checks_of(found) & {"results.direction"} == expected, found


# "Some studies reported ..." is how results are reported: the claim is read; only anecdotal reports
# ("some reports describe") are not the review's result (razor: more infections)
REPORTED = {
    "flag": [
        "Some studies reported fewer infections with shaving using a razor.",
        "Some trials reported fewer infections after shaving using a razor.",
        "A few studies reported that shaving using a razor probably reduced infections.",
        "Some people reported fewer infections after shaving using a razor.",
    ],
    "pass": [
        "Some reports describe fewer infections with shaving using a razor.",
        "Some reports mentioned fewer infections after shaving using a razor.",
        "Some studies reported more infections with shaving using a razor.",
    ],
}


@pytest.mark.parametrize("sentence", REPORTED["flag"])
def test_what_studies_reported_is_a_claim(sentence: str, tmp_path: Path) -> None:
    assert "results.direction" in checks_of(read_verdicts([sentence], tmp_path)[0]), sentence


@pytest.mark.parametrize("sentence", REPORTED["pass"])
def test_anecdotal_reports_or_right_reports_raise_no_direction_error(sentence: str, tmp_path: Path) -> None:
    assert "results.direction" not in checks_of(read_verdicts([sentence], tmp_path)[0]), sentence


# Plain words for a placebo: "inactive" and "simulated" only before a treatment's noun
PLACEBO_WORDS = [
    ("an inactive pill", True),
    ("simulated acupuncture", True),
    ("inactive injections", True),
    ("sham surgery", True),
    ("a dummy infusion", True),
    ("people with inactive Crohn's disease", False),
    ("training in simulated settings", False),
    ("inactive people", False),
    ("a simulated patient", False),
]


@pytest.mark.parametrize("text,placebo", PLACEBO_WORDS)
def test_placebo_words_name_a_placebo_only_as_a_treatment(text: str, placebo: bool) -> None:
    from plainsum.grade.reading import _parts

    assert ("placebo" in _parts(text)) is placebo


# A result reported with the one study it comes from states no certainty, before or after it (deaths:
# very low, RR 0.80; infections with the razor: more)
ONE_STUDY = {
    "pass": [
        "Shaving using a razor led to fewer deaths in one study.",
        "Shaving using a razor led to fewer deaths in one small study.",
        "Shaving using a razor led to fewer deaths in a recent trial.",
        "Shaving using a razor reduced deaths in a single study.",
        "One study found that shaving using a razor reduces deaths.",
    ],
    "flag": [
        ("Shaving using a razor led to fewer deaths.", "results.certainty"),
        ("Shaving using a razor led to fewer infections in one study.", "results.direction"),
        ("Infections decreased in one small study of shaving using a razor.", "results.direction"),
        ("Infections decreased in a recent trial of shaving using a razor.", "results.direction"),
    ],
}


@pytest.mark.parametrize("sentence", ONE_STUDY["pass"])
def test_one_studys_result_claims_no_certainty(sentence: str, tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert "results.certainty" not in checks_of(found), found


@pytest.mark.parametrize("sentence,check", ONE_STUDY["flag"])
def test_one_studys_result_is_still_read(sentence: str, check: str, tmp_path: Path) -> None:
    assert check in checks_of(read_verdicts([sentence], tmp_path)[0]), sentence


# "a little difference" is a small difference, not "little difference" (none to speak of)
A_LITTLE = {
    "pass": [
        "Shaving using a razor probably makes a little difference to infections.",
        "Shaving using a razor probably made a little difference to infections.",
    ],
    "flag": [
        "Shaving using a razor probably makes little difference to infections.",
        "Shaving using a razor probably makes little or no difference to infections.",
    ],
}


@pytest.mark.parametrize("sentence", A_LITTLE["pass"])
def test_a_little_difference_is_not_none(sentence: str, tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert "results.direction" not in checks_of(found), found


@pytest.mark.parametrize("sentence", A_LITTLE["flag"])
def test_little_difference_is_none(sentence: str, tmp_path: Path) -> None:
    assert "results.direction" in checks_of(read_verdicts([sentence], tmp_path)[0]), sentence


# A level under "no", "not ... any", "none of", "more", "further", "lack of", or wished for ("... are
# needed"), states no certainty; a denied degree of sureness ("not very sure", "cannot be fully
# confident") is low or very low, never high (no result of the hair review is high-certainty evidence)
NOT_STATED = {
    "pass": [
        "No high-quality evidence was found, so uncertainty about the effects of shaving using a razor remains.",
        "We found no high-certainty evidence about removing hair.",
        "We did not find any high-quality evidence.",
        "None of the high-certainty evidence came from these studies.",
        "More high-certainty evidence is needed.",
        "Further high-quality trials are needed to answer this question.",
        "There is a lack of high-quality evidence on removing hair.",
        "High-quality trials are required.",
        "Large, high-certainty studies are still needed.",
        "High-certainty evidence is lacking.",
        "We cannot be very sure about these results.",
        "We are not very sure about these results.",
        "We were not fully confident in the evidence.",
        "We can't be completely certain about these results.",
        "We are not very sure whether shaving using a razor reduces deaths.",  # 'not sure whether': no direction
        "The evidence was of high certainty for none of the outcomes, and more research is needed.",
    ],
    "flag": [
        "The quality of the evidence was high.",
        "We found high-certainty evidence that removing hair makes little difference.",
        "The evidence was high-quality, although more studies would help.",
        "We are very sure about these results.",
        "We were sure about the evidence.",
        "Shaving using a razor increases infections (high-certainty evidence), but more research is needed.",
        "We are not very sure that shaving using a razor increases infections.",  # low or very low: moderate
    ],
}


@pytest.mark.parametrize("sentence", NOT_STATED["pass"])
def test_a_level_denied_or_wished_for_states_no_certainty(sentence: str, tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert not checks_of(found) & {"results.certainty", "results.direction"}, found


@pytest.mark.parametrize("sentence", NOT_STATED["flag"])
def test_a_level_said_is_still_a_statement(sentence: str, tmp_path: Path) -> None:
    assert "results.certainty" in checks_of(read_verdicts([sentence], tmp_path)[0]), sentence


# A sentence about further research that says its level outright is read for that level; "may change"
# alone is moderate or low and hides no level; GRADE's "very likely to have an important impact" is low
# (razor and infections: moderate; deaths: very low)
FUTURE_WITH_LEVELS = [
    ("Shaving using a razor reduces deaths.", "Future studies may change these results.", {"results.certainty"}),
    ("Shaving using a razor reduces deaths.", "Further research could change these findings.", {"results.certainty"}),
    ("Shaving using a razor reduces deaths.",
     "The quality of the evidence is very low, therefore further research is needed and may change the findings.", set()),
    ("Shaving using a razor reduces deaths.",
     "The certainty of the evidence was very low to moderate, and future research may change these results.", set()),
    ("Shaving using a razor increases infections.",
     "The quality of the evidence is low, therefore further research is needed and may change the findings.",
     {"results.certainty"}),
    ("Shaving using a razor increases infections.",
     "Further research is very likely to have an important impact on our confidence in the estimate of effect and may "
     "change the estimate.", {"results.certainty"}),
    ("Shaving using a razor increases infections.",
     "Further research is likely to have an important impact on our confidence in the estimate and may change it.", set()),
    ("Shaving using a razor increases infections.", "Future studies may change these results.", set()),
]


@pytest.mark.parametrize("claim,statement,expected", FUTURE_WITH_LEVELS)
def test_a_level_said_beside_further_research_is_read_first(claim: str, statement: str, expected: set[str],
                                                            tmp_path: Path) -> None:
    found = read_verdicts([claim, statement], tmp_path)[0]
    assert checks_of(found) & {"results.certainty"} == expected, found


# What a claim's setting is, and what is a claim at all (razor and infections: moderate; deaths: very low, here
# against placebo): a placebo's plain word in quotes ('dummy') is that word; a second finding reported after
# ", and that" has its own setting or time; a bracket that explains ("(when ...)") names no setting of the claim;
# an effect word right after a word of measuring ("for assessing reduction in deaths") is what was measured
PLACEBO_DEATHS = ("    comparison: no hair removal\n    outcome: {technical: death within 30 days",
                  "    comparison: placebo\n    outcome: {technical: death within 30 days")
CLAIM_SETTINGS = [
    ("Compared with a 'dummy' treatment, shaving using a razor probably reduces deaths.", {"results.certainty"}),
    ("Compared with a ‘sham’ shave, shaving using a razor probably reduces deaths.", {"results.certainty"}),
    ("Compared with a 'dummy' treatment, shaving using a razor may slightly reduce deaths, but we are very uncertain.", set()),
    ("We found that shaving using a razor may increase infections, and that within 30 days, fewer people were readmitted.",
     {"results.certainty"}),
    ("We found that shaving using a razor probably increases infections, and that within 30 days, fewer people were readmitted.",
     set()),
    ("Shaving using a razor (when it is done within 30 days) may increase infections.", {"results.certainty"}),
    ("Shaving using a razor (which people do within 30 days) probably increases infections.", set()),
    ("The evidence for assessing reduction in deaths is of high certainty.", {"results.certainty"}),
    ("The evidence for measuring improvement in deaths is of moderate quality.", {"results.certainty"}),
    ("The evidence for assessing reduction in deaths is of very low certainty.", set()),
]


@pytest.mark.parametrize("sentence,expected", CLAIM_SETTINGS)
def test_what_a_claim_is_about_and_whether_it_claims(sentence: str, expected: set[str], tmp_path: Path) -> None:
    text = review_yaml().replace(*PLACEBO_DEATHS, 1)
    assert PLACEBO_DEATHS[1] in text
    found = read_verdicts_of(text, [sentence], tmp_path)[0]
    assert checks_of(found) & {"results.certainty"} == expected, found


# A certainty word and the rating in brackets after it in its clause, two levels or more apart, say two levels of
# one finding (GRADE never words them together; no published summary of the dev corpus does): an error when the
# word hedges an effect word a few words on (of an outcome a result names or of one none does: 'itching'), a warning
# when it hedges none; one level apart ("probably ... (high-certainty evidence)") is seen in
# published summaries and left to the results; 'may' and 'could' that say what can happen hedge no claim
CLASHES = {
    "flag": [
        "Shaving using a razor may increase infections (high-certainty evidence).",
        "Shaving using a razor probably reduces deaths (very low-certainty evidence).",
        "Shaving using a razor may slightly reduce infections (high-quality evidence).",
        # the word hedges an effect word, whatever outcome it is said of (one no result names: 'itching')
        "Itching may not be increased with clippers (high-certainty evidence).",
        "Clippers may reduce itching (high-quality evidence).",
        "We are very uncertain whether clippers prevent itching (moderate-certainty evidence).",
        "Itching might be slightly lowered with clippers (high-certainty evidence).",
    ],
    "warn": [
        "Itching may be less common with clippers (high-quality evidence).",
        "The benefit of shaving using a razor may last for up to a year (high-certainty evidence).",
        "This small change in itching may not be noticeable to people (high-certainty evidence).",
        "Clippers could be easier to use in small clinics (high-certainty evidence).",
    ],
    "pass": [
        "Shaving using a razor may slightly reduce deaths (very low-certainty evidence), but we are very uncertain.",
        "Shaving using a razor probably increases infections (moderate-certainty evidence).",
        "Clippers probably make little or no difference to itching (high-certainty evidence).",
        "Itching may be less common with clippers (low-certainty evidence), but rashes are not (high-certainty evidence).",
    ],
}


def _clash_checks(found: list[tuple[str, str]]) -> set[str]:
    return {check for check, message in found if "rates the same finding" in message}


@pytest.mark.parametrize("sentence", CLASHES["flag"])
def test_a_word_hedging_a_claim_and_a_rating_two_levels_apart_are_an_error(sentence: str, tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert _clash_checks(found) == {"results.certainty"}, found


@pytest.mark.parametrize("sentence", CLASHES["warn"])
def test_a_word_and_a_rating_two_levels_apart_with_no_claim_read_are_a_warning(sentence: str, tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert _clash_checks(found) == {"results.unchecked"}, found


@pytest.mark.parametrize("sentence", CLASHES["pass"])
def test_a_word_and_a_rating_that_agree_or_are_one_level_apart_pass(sentence: str, tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert not _clash_checks(found), found
    assert "results.certainty" not in checks_of(found), found


# A statement of certainty with a level no result has and the abstract rates nowhere is no level of the review's
# evidence, however near the results' levels (here moderate, low and very low, rated so in the abstract)
RATED_ABSTRACT = ('main_results: {technical: "Sixteen studies were included. Shaving probably increases infection (RR 1.82)."}',
                  'main_results: {technical: "Sixteen studies were included. Shaving probably increases infection (RR 1.82; '
                  'moderate-certainty evidence). Clippers may make little or no difference (low-certainty evidence). We are '
                  'very uncertain about deaths (very low-certainty evidence)."}')
UNRATED = {
    "flag": ["The certainty of the evidence was high to moderate.",
             "We judged the evidence to be of moderate or high quality.",
             "The certainty of the evidence for deaths was very low to high."],
    "pass": ["The certainty of the evidence was low to moderate.",
             "The certainty of the evidence ranged from very low to moderate.",
             "Overall, the evidence was of moderate certainty."],
}


@pytest.mark.parametrize("sentence", UNRATED["flag"])
def test_a_level_no_result_has_and_the_abstract_rates_nowhere_is_an_error(sentence: str, config, tmp_path: Path) -> None:
    text = review_yaml(limitations=sentence).replace(*RATED_ABSTRACT, 1)
    assert RATED_ABSTRACT[1] in text
    assert findings(text, config, tmp_path, ("results.certainty",)).get("results.certainty"), sentence


@pytest.mark.parametrize("sentence", UNRATED["pass"])
def test_a_level_a_result_or_the_abstract_has_passes(sentence: str, config, tmp_path: Path) -> None:
    text = review_yaml(limitations=sentence).replace(*RATED_ABSTRACT, 1)
    assert not findings(text, config, tmp_path, ("results.certainty",)).get("results.certainty"), sentence


# Headings that name results anywhere report results, even when they start like background ("Study
# characteristics and key results"); those that name none explain.
RESULT_HEADINGS = [
    ("Study characteristics and key results", False),
    ("Study characteristics and key findings", False),
    ("Methods and results", False),
    ("What are the main findings?", False),
    ("What are the conclusions?", False),
    ("What are the strengths and limitations of this review?", False),
    ("Study characteristics", True),
    ("What is surgical site infection?", True),
    ("What did we want to find out?", True),
    ("How up to date is this evidence?", True),
    # the question a review asked, in the words of older summaries (session 9)
    ("What did this review study?", True),
    ("What did we study in this review?", True),
    ("What did the researchers investigate?", True),
    ("What did we want to know?", True),
    ("Study question", True),
    ("What did the researchers find?", False),
    ("What did we find out?", False),
]


@pytest.mark.parametrize("heading,explains", RESULT_HEADINGS)
def test_a_heading_that_names_results_anywhere_reports_them(heading: str, explains: bool) -> None:
    from plainsum.grade.claims import load_vocabulary

    assert load_vocabulary().explains(heading) is explains, heading


# A placebo named in quotes ("a 'dummy' treatment") is a placebo: the lead-in names the comparison.
QUOTED_PLACEBO = [
    ("Compared with a 'dummy' pill, clippers:", {"dummy", "placebo"}),
    ("Compared with a ‘sham’ procedure, clippers:", {"sham", "placebo"}),
    ("Compared with a 'fake' treatment, clippers:", {"fake", "placebo"}),
    ("Compared with 'usual' care, clippers:", set()),
]


@pytest.mark.parametrize("text,expected", QUOTED_PLACEBO)
def test_a_placebo_word_in_quotes_names_the_placebo(text: str, expected: set[str]) -> None:
    from plainsum.grade.reading import _parts

    assert ("placebo" in _parts(text)) == bool(expected), text


# An outcome named by its opposite ("survival" for death) is read the other way round, its better
# or worse the same: the razor's deaths are slightly fewer (very low certainty).
OPPOSITES = {
    "pass": [
        "Shaving using a razor may slightly improve survival, but we are very uncertain.",
        "Shaving using a razor may slightly increase survival, but we are very uncertain.",
        "People who had shaving using a razor may be slightly more likely to survive, but we are very uncertain.",
        # qualified by what it is free of: another outcome, not read against deaths
        "Shaving using a razor may reduce progression-free survival, but we are very uncertain.",
        "Shaving using a razor may reduce survival without a stroke, but we are very uncertain.",
        # said of people: a group, not the outcome
        "Shaving using a razor may slightly worsen the mood of those who survive, but we are very uncertain.",
        "In people who survived, shaving using a razor may worsen sleep, but we are very uncertain.",
        # survival of a cause or of a thing: another outcome than death from any cause
        "Shaving using a razor may slightly reduce cancer-specific survival, but we are very uncertain.",
        "Shaving using a razor may slightly reduce disease-specific survival, but we are very uncertain.",
        "Shaving using a razor may slightly reduce graft survival, but we are very uncertain.",
        "Shaving using a razor may slightly reduce implant survival, but we are very uncertain.",
    ],
    "error": [
        "Shaving using a razor may slightly reduce survival, but we are very uncertain.",
        "Shaving using a razor may slightly worsen overall survival, but we are very uncertain.",
        "People who had shaving using a razor may be less likely to survive, but we are very uncertain.",
    ],
}


@pytest.mark.parametrize("sentence", OPPOSITES["pass"] + OPPOSITES["error"])
def test_an_outcome_named_by_its_opposite_is_read_the_other_way(sentence: str, tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert ("results.direction" in checks_of(found)) == (sentence in OPPOSITES["error"]), (sentence, found)


# A bracket that glosses a word by a clause ("(when ...)", "(which ...)") names no setting or time
# of the result: the claim is checked; the same words outside it may point at another result (deaths
# within 30 days), a warning.
GLOSSES = [
    ("Shaving using a razor probably reduces infections in people having surgery (when hair is removed within 30 days).",
     {"results.direction"}),
    ("Shaving using a razor probably reduces infections in people having surgery (which means removing hair within "
     "30 days).", {"results.direction"}),
    ("Shaving using a razor probably reduces infections (i.e. hair removal within 30 days).", {"results.direction"}),
    ("Shaving using a razor probably reduces infections within 30 days.", set()),
    ("Shaving using a razor probably reduces infections (within 30 days).", set()),
]


@pytest.mark.parametrize("sentence,expected", GLOSSES)
def test_a_gloss_in_brackets_is_no_setting(sentence: str, expected: set[str], tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert checks_of(found) - {"results.unchecked", "results.certainty"} == expected, (sentence, found)


# An effect said to be not significant gives only the side of the estimate (clippers against no hair
# removal: RR 1.02, little or no difference); a non-significant difference is none.
NOT_SIGNIFICANT = {
    "pass": [
        "Clippers led to a non-significant increase in infections compared with no hair removal.",
        "Clippers led to a nonsignificant increase in infections compared with no hair removal.",
        "Clippers showed a non-significant difference in infections compared with no hair removal.",
        "Clippers led to a not statistically significant increase in infections compared with no hair removal.",
    ],
    "error": [
        "Clippers led to a non-significant reduction in infections compared with no hair removal.",
        "Clippers led to a statistically non-significant reduction in infections compared with no hair removal.",
        "Clippers led to a reduction in infections compared with no hair removal.",
    ],
}


@pytest.mark.parametrize("sentence", NOT_SIGNIFICANT["pass"] + NOT_SIGNIFICANT["error"])
def test_a_non_significant_effect_gives_only_its_side(sentence: str, tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert ("results.direction" in checks_of(found)) == (sentence in NOT_SIGNIFICANT["error"]), (sentence, found)


# A result stated with no one acting ("There was ...", "... was found for ...") is the studies'
# intervention's: deaths, of the razor only, are slightly fewer (very low certainty).
IMPERSONAL = {
    "pass": [
        "There may be slightly fewer deaths, but we are very uncertain.",
        "A small reduction was seen in deaths, but we are very uncertain.",
        # groups compared, no intervention named: not the intervention's result
        "There was no difference in deaths between younger and older people.",
        "There were more deaths in the group that had surgery.",
        "There were more deaths with surgery than with watchful waiting.",
        # a subgroup of people by who they are, no intervention named: not the intervention's result
        "There were more deaths in people over 65.",
        "There were more deaths in people who stopped their medicine early.",
        "There were fewer deaths among those who had no other illness.",
        "There was an increase in deaths in women aged over 80.",
        # no phrase of a result near the effect word
        "There were 310 people in the studies, and deaths were no different in summer.",
    ],
    "error": [
        "There may be slightly more deaths, but we are very uncertain.",
        "There was an increase in deaths, but we are very uncertain.",
    ],
}


@pytest.mark.parametrize("sentence", IMPERSONAL["pass"] + IMPERSONAL["error"])
def test_a_result_stated_with_no_one_acting_is_the_interventions(sentence: str, tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert ("results.direction" in checks_of(found)) == (sentence in IMPERSONAL["error"]), (sentence, found)


# Verbs of less and more beyond "reduce" and "increase" (the razor's infections go up, moderate certainty)
MORE_EFFECT_WORDS = {
    "pass": [
        "Shaving using a razor probably prolongs infections.",
        "Clippers probably relieve infections compared with shaving using a razor.",
        "Clippers probably protect against infections compared with shaving using a razor.",
        "Clippers probably minimise infections compared with shaving using a razor.",
        "Clippers are probably more successful than shaving using a razor.",
    ],
    "error": [
        "Shaving using a razor probably protects against infections.",
        "Shaving using a razor probably lessens infections.",
        "Shaving using a razor probably relieves infections.",
        "Shaving using a razor probably alleviates infections.",
        "Shaving using a razor probably minimizes infections.",
        "Clippers are probably less successful than shaving using a razor.",
    ],
}


@pytest.mark.parametrize("sentence", MORE_EFFECT_WORDS["pass"] + MORE_EFFECT_WORDS["error"])
def test_more_verbs_of_less_and_more(sentence: str, tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert ("results.direction" in checks_of(found)) == (sentence in MORE_EFFECT_WORDS["error"]), (sentence, found)


# A claim that names no outcome, of a comparison named by its intervention and comparator, is held
# against every result of that comparison, and is wrong only when none fits it; an effect word with an
# object (an outcome no result may hold, "pain") is not read so.
WHOLE_COMPARISONS = {
    "pass": [
        "There was little or no difference between clippers and no hair removal.",
        "Clippers were probably better than shaving using a razor.",
        "Clippers probably reduce pain compared with shaving using a razor.",
        "Shaving using a razor probably makes no difference to pain compared with no hair removal.",
        "We are uncertain whether shaving using a razor makes any difference compared with no hair removal.",
    ],
    "error": [
        "There was a large difference between clippers and no hair removal.",
        "Clippers were probably worse than shaving using a razor.",
        "Shaving using a razor probably made little or no difference compared with no hair removal.",
    ],
}


@pytest.mark.parametrize("sentence", WHOLE_COMPARISONS["pass"] + WHOLE_COMPARISONS["error"])
def test_a_claim_about_a_whole_comparison(sentence: str, tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert ("results.direction" in checks_of(found)) == (sentence in WHOLE_COMPARISONS["error"]), (sentence, found)


# The comparator alone as the one who acts, with no "than" ("No hair removal may lead to more deaths",
# "People in the placebo group had ..."): read from its side. The review's own name for what it
# studies ("preoperative hair removal") shares words with the comparator but is the intervention.
COMPARATOR_ALONE = {
    "pass": [
        "No hair removal may lead to slightly more deaths, but we are very uncertain.",
        "Deaths may be slightly more common with no hair removal, but we are very uncertain.",
        "Slightly more participants may have died with no hair removal, but we are very uncertain.",
        "Deaths may have been slightly more common in the no hair removal group, but we are very uncertain.",
    ],
    "error": [
        "No hair removal may lead to slightly fewer deaths, but we are very uncertain.",
        "Less people with no hair removal may have had deaths, but we are very uncertain.",
        "Preoperative hair removal probably increases deaths.",
        "People who had no hair removal probably had more infections.",
        "Deaths may have been slightly less common in the no hair removal group, but we are very uncertain.",
    ],
}


@pytest.mark.parametrize("sentence", COMPARATOR_ALONE["pass"] + COMPARATOR_ALONE["error"])
def test_the_comparator_alone_acts_from_its_side(sentence: str, tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert ("results.direction" in checks_of(found)) == (sentence in COMPARATOR_ALONE["error"]), (sentence, found)


# Staying in remission is not relapsing: the razor's result read as one on relapse (slightly fewer)
RELAPSE_OPPOSITES = {
    "pass": [
        "Shaving using a razor may slightly help people stay in remission, but we are very uncertain.",
        "More people shaved using a razor may have remained in remission, but we are very uncertain.",
    ],
    "error": [
        "Shaving using a razor may make people slightly less likely to stay in remission, but we are very uncertain.",
        "Fewer people shaved using a razor may have remained in remission, but we are very uncertain.",
    ],
}


@pytest.mark.parametrize("sentence", RELAPSE_OPPOSITES["pass"] + RELAPSE_OPPOSITES["error"])
def test_staying_in_remission_is_not_relapsing(sentence: str, tmp_path: Path) -> None:
    from plainsum.grade.claims import load_vocabulary
    from plainsum.grade.judge import judge
    from plainsum.grade.reading import read_summary

    path = tmp_path / "hair.yaml"
    path.write_text(review_yaml().replace("{technical: death within 30 days, plain: death}", "{technical: relapse, plain: relapse}")
                    .replace("aliases: [deaths, die]", "aliases: [relapses]"), encoding="utf-8")
    results = load_review(path).results
    reading = read_summary([(sentence, False)], results, load_vocabulary(), ("removing hair",))[0]
    found = {v.check for v in judge(reading, results)}
    assert ("results.direction" in found) == (sentence in RELAPSE_OPPOSITES["error"]), (sentence, found)


# --- precision on unseen summaries (session 8): two levels for two lists of outcomes, GRADE's
# definitions of the levels in words, calls for research said by what studies ought to do ---
# (sentence, checks expected) against the hair review (razor infections moderate, razor deaths very low)
UNSEEN_PRECISION = [
    # each level governs the claims after it, up to the next
    ("We are moderately confident that shaving using a razor increases infections, and have low confidence that it "
     "slightly reduces deaths.", {"results.certainty"}),  # deaths are very low: 'low confidence' is wrong
    ("We have moderate confidence that shaving using a razor increases infections, and very low confidence that it "
     "slightly reduces deaths.", set()),
    ("We have low confidence that shaving using a razor increases infections.", {"results.certainty"}),
    ("We have high confidence that shaving using a razor increases infections.", {"results.certainty"}),
    # a level below the one just said
    ("There is moderate quality evidence that shaving using a razor increases infections, but lower quality evidence "
     "that it slightly reduces deaths.", set()),
    ("There is lower quality evidence that shaving using a razor increases infections.", {"results.certainty"}),
    # a statement of certainty about something no result names is not held against them ...
    ("The quality of the evidence as regards blood loss is of low quality.", set()),
    ("The quality of the evidence as regards blood loss is of high quality.", set()),
    # ... but one whose words name a result's outcome, not whole, is a statement for the summary
    ("The quality of the evidence as regards blood loss and surgical wounds is of low quality.", set()),
    ("The quality of the evidence as regards blood loss and surgical wounds is of high quality.",
     {"results.certainty"}),
    # GRADE's definitions: low 'may be substantially different', very low 'likely to be substantially different'
    ("Shaving using a razor may slightly reduce deaths, but the true effect is likely to be substantially different.", set()),
    ("Shaving using a razor may reduce deaths, but the actual effect is likely substantially different from our estimate.",
     set()),
    ("Shaving using a razor may increase infections, but the true effect is likely to be substantially different.",
     {"results.certainty"}),
    ("Shaving using a razor increases infections, though the true effect may be substantially different.",
     {"results.certainty"}),
    # calls for research: what studies, trials or research should do claims nothing
    ("Larger, longer, better conducted trials should focus on outcomes such as infections and deaths.", set()),
    ("Future reviews must measure whether shaving using a razor reduces deaths.", set()),
    ("Research on better ways to prevent infections is still needed.", set()),
    ("Shaving using a razor probably reduces infections, but studies should report deaths.", {"results.direction"}),
]


@pytest.mark.parametrize("sentence,expected", UNSEEN_PRECISION)
def test_levels_definitions_and_calls_for_research_are_read(sentence: str, expected: set[str], tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert checks_of(found) - {"results.unchecked"} == expected, found


# Counts an abstract prints without their noun: "(N = 3000)" counts people, "twelve recruited adults" studies
# (people do not recruit, enrol or compare); a summary that gives them with their nouns copies them
ELIDED_COUNTS = [
    ("Twelve studies recruited adults (3000 participants).", False),
    ("Twelve trials enrolled adults, with 3000 people in all.", False),
    ("Thirteen studies recruited adults (3000 participants).", True),
    ("Twelve studies recruited adults (3100 participants).", True),
]


@pytest.mark.parametrize("sentence,flagged", ELIDED_COUNTS)
def test_counts_printed_without_their_noun_are_read(sentence: str, flagged: bool, config, tmp_path: Path) -> None:
    text = review_yaml(found=sentence).replace(
        "Sixteen studies were included.", "Sixteen studies were included; twelve recruited adults (N = 3000).")
    # no total of people is given anywhere, so a count of people the abstract does not print is a warning
    found = findings(text, config, tmp_path, ("results.number", "results.number-unread"))
    assert bool(found) == flagged, found


# Readings of unseen summaries (bench claimprobe, read by hand): what is known beforehand, what is to be
# found out, a level that opens the next verb phrase, an undecided clause after a hedged one, one study
# reported, effects said of the evidence, an effect noun governed by 'no difference'. (sentence, errors expected)
UNSEEN_READINGS = [
    ("Removing hair is known to reduce infections in healthy people, but it is not clear how effective it is.", set()),
    ("Shaving using a razor is believed to reduce deaths.", set()),
    ("It is important to know which ways of removing hair are the safest and most effective in preventing infections.", set()),
    ("It is important to know that shaving using a razor probably reduces infections.", {"results.direction"}),
    ("The evidence does not allow us to say when, and by how much, shaving using a razor will reduce deaths.", set()),
    ("Clippers may make little to no difference in infections compared with no hair removal, and we do not have enough "
     "evidence to know whether shaving using a razor causes deaths.", set()),
    ("In one study, shaving using a razor slightly reduced deaths.", set()),
    ("In one study, shaving using a razor probably reduced deaths.", {"results.certainty"}),
    ("When comparing clippers to no hair removal, there was no clear evidence of a difference in improvement in infections.",
     set()),
    ("When comparing clippers to no hair removal, there was no difference in reduction of infections.", {"results.certainty"}),
    ("Shaving using a razor probably increased infections, but the number of deaths was not clearly different.",
     {"results.certainty", "results.direction"}),  # a plain 'no clear difference' for the small, very low reduction
    # "whether X has any effect on ...": what is asked; no effect is claimed, only the level
    ("It is very uncertain whether shaving using a razor has any effect on reducing deaths.", set()),
    ("It is very uncertain whether shaving using a razor has any effect on preventing infections.", {"results.certainty"}),
    ("Shaving using a razor did not have any effect on deaths, but we are very uncertain.", {"results.direction"}),
    ("We could not say whether shaving using a razor reduced deaths.", set()),
    # 'could not' is what the review was unable to do, not a hedge
    ("We could not determine if shaving using a razor made a difference to deaths.", set()),
    ("The evidence was very uncertain, so we could not show that shaving using a razor reduces deaths.", set()),
    ("The evidence is insufficient to show whether shaving using a razor reduces deaths.", set()),
    ("Shaving using a razor could increase infections.", {"results.certainty"}),  # 'could' alone still hedges
    ("There was little evidence to suggest that shaving using a razor leads to important reductions in deaths.", set()),
    # a denial in another phrase, and 'none of' as one
    ("In people not having surgery, shaving using a razor probably increased infections.", set()),
    ("None of the razors reduced infections.", {"results.certainty"}),  # denied rightly (a plain verb: high certainty)
    ("None of the razors increased infections.", {"results.certainty", "results.direction"}),  # razors do increase them
    # "death from any cause" names an outcome: 'cause' is no effect verb there
    ("Shaving using a razor may reduce death from any cause, but we are very uncertain.", set()),
]

# (sentence, outcome, effect read, where its certainty comes from)
UNSEEN_CLAIMS = [
    # a word after the effect that opens the next verb phrase is that phrase's
    ("People who had shaving using a razor were more likely to have infections, and may be less likely to die.",
     "infections", "increase", "implied"),
    ("People who had shaving using a razor were more likely to have infections, and may be less likely to die.",
     "die", "reduce", "word"),
    ("People who had shaving using a razor were more likely to have infections, probably.", "infections", "increase", "word"),
    # "could not be very certain" is a denied degree of sureness, not 'could not' of inability
    ("Shaving using a razor probably increased infections, but we could not be very certain about deaths.", "deaths", None,
     "word"),
    # a rating after the outcome labels its claim, whatever follows it
    ("Shaving using a razor increases infections (low-certainty evidence) and reduces deaths.", "infections", "increase", "word"),
    # past a comma, an outcome that opens a clause of its own takes the effect word right after it
    ("Shaving using a razor increased infections, and the number of deaths was not clearly different.", "deaths", "none",
     "implied"),
    ("Shaving using a razor increased infections, and the number of deaths was lower.", "deaths", "reduce", "implied"),
    ("Shaving using a razor increased infections and deaths.", "deaths", "increase", "implied"),
]


@pytest.mark.parametrize("sentence,outcome,effect,source", UNSEEN_CLAIMS)
def test_each_claim_takes_its_own_words(sentence: str, outcome: str, effect: str, source: str, tmp_path: Path) -> None:
    from plainsum.grade.claims import load_vocabulary
    from plainsum.grade.reading import read_summary

    path = tmp_path / "hair.yaml"
    path.write_text(review_yaml(), encoding="utf-8")
    (reading,) = read_summary([(sentence, False)], load_review(path).results, load_vocabulary(), ("removing hair",))
    claim = next(c for c in reading.claims if c.outcome.text == outcome)
    assert (claim.effect.meaning if claim.effect else None, claim.certainty_source) == (effect, source), reading


@pytest.mark.parametrize("sentence,expected", UNSEEN_READINGS)
def test_unseen_summaries_are_read_for_what_they_claim(sentence: str, expected: set[str], tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert checks_of(found) - {"results.unchecked"} == expected, found


# A summary without headings opens with background and aims until it reports what the review found:
# (sentences, how many of them open it)
OPENINGS = [
    (["Antipsychotics are the main treatment.", "This review examined whether haloperidol works better.",
      "Low-potency drugs cause sedation.", "The review includes 17 studies.", "Haloperidol may cause more sedation."], 3),
    (["Steroids may reduce swelling.", "We found 12 trials with 900 people.", "Steroids probably reduce pain."], 1),
    (["Four high-quality randomised controlled trials tested TENS.", "TENS may reduce pain."], 0),
    (["The results suggest that TENS may reduce pain."], 0),
    (["TENS is a small device.", "Several trials compared it with sham TENS.", "It may reduce pain."], 1),
    (["TENS is a small device.", "It may reduce pain."], 0),  # no sentence reports findings: none set aside
    (["Crisis care is support in a crisis.", "Crisis care was found by this review to be worthwhile."], 1),
    (["Pain is common.", "One study showed no difference between TENS and sham TENS."], 1),
    (["Pain is common.", "In this trial, TENS reduced pain."], 1),
]


@pytest.mark.parametrize("sentences,opening", OPENINGS)
def test_a_summary_without_headings_opens_with_its_background(sentences: list[str], opening: int) -> None:
    from plainsum.grade.reading import opening_background

    assert opening_background(sentences) == opening


# No effect in other words than "little or no difference": plural nouns ("no clear differences"), other nouns
# ("no change", "little or no influence") and a denied effect verb ("may not affect", "did not make a difference"):
# read as no effect, so against a clear effect (the razor increases infections) they are an error of direction,
# and against little or no difference (clippers against no hair removal) they pass. "may or may not affect" claims
# no direction at all.
NO_EFFECT_WORDS = {
    "flag": [
        "Shaving using a razor probably does not affect infections.",
        "Shaving using a razor probably has little or no influence on infections.",
        "Shaving using a razor probably did not make a difference to infections.",
        "Shaving using a razor probably caused no change in infections.",
        "Shaving using a razor probably made no clear differences to infections.",
        "Shaving using a razor probably did not significantly alter infections.",
    ],
    "pass": [
        "Clippers may not affect infections compared with no hair removal.",
        "Clippers may have little or no influence on infections compared with no hair removal.",
        "Clippers may make no clear differences to infections compared with no hair removal.",
        "Clippers may cause little or no change in infections compared with no hair removal.",
        "Clippers probably may or may not affect infections compared with shaving using a razor.",
        "Shaving using a razor may or may not affect infections.",
    ],
}


@pytest.mark.parametrize("sentence", NO_EFFECT_WORDS["flag"])
def test_no_effect_in_other_words_is_read_as_no_effect(sentence: str, tmp_path: Path) -> None:
    assert "results.direction" in checks_of(read_verdicts([sentence], tmp_path)[0]), sentence


@pytest.mark.parametrize("sentence", NO_EFFECT_WORDS["pass"])
def test_no_effect_in_other_words_fits_little_or_no_difference(sentence: str, tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert "results.direction" not in checks_of(found), found


# "not as effective as" is less effective, not "as effective as" (no difference); "superior to" and "inferior to"
# are better and worse than what follows them (the comparator: razors against clippers are read from its side)
AS_EFFECTIVE = {
    "flag": [
        "Shaving using a razor is probably not as good as clippers for infections.",  # razor vs clippers: worse, so right
        "Clippers are probably not as effective as shaving using a razor for infections.",
        "Clippers probably do not work as well as shaving using a razor for infections.",
        "Clippers may not be as effective as no hair removal for infections.",
        "Shaving using a razor is probably superior to clippers for infections.",
        "Clippers are probably inferior to shaving using a razor for infections.",
    ],
    "pass": [
        "Clippers probably work better than shaving using a razor for infections.",
        "Clippers are probably superior to shaving using a razor for infections.",
        "Shaving using a razor is probably inferior to clippers for infections.",
        "Shaving using a razor is probably not as effective as clippers for infections.",
        "Clippers may work as well as no hair removal for infections.",
    ],
}
AS_EFFECTIVE["pass"].append(AS_EFFECTIVE["flag"].pop(0))


@pytest.mark.parametrize("sentence", AS_EFFECTIVE["flag"])
def test_not_as_effective_as_and_superior_to_claim_a_direction(sentence: str, tmp_path: Path) -> None:
    assert "results.direction" in checks_of(read_verdicts([sentence], tmp_path)[0]), sentence


@pytest.mark.parametrize("sentence", AS_EFFECTIVE["pass"])
def test_not_as_effective_as_and_superior_to_pass_when_right(sentence: str, tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert "results.direction" not in checks_of(found), found


# --- precision on held-out text (session 9): the structure of a sentence decides what each word is said of ---
# Clause scope: an effect word, a no-effect phrase and a hedge belong to their own clause; a clause after "and" /
# "or" that carries a phrase of its own takes none from the clause before, nor gives its words to an outcome
# there. (sentence, checks expected) against the hair review (razor infections moderate, razor deaths very low)
CLAUSE_SCOPE = [
    ("Shaving using a razor probably increases infections, and we are very uncertain of its effect on deaths.", set()),
    ("Shaving using a razor may slightly reduce deaths, and we are uncertain of its effect on infections.",
     {"results.certainty"}),  # infections are moderate: 'uncertain' is their own clause's word, and wrong
    ("Deaths were counted for a month after shaving using a razor, and it did not reduce the number of cuts.", set()),
    ("Deaths were counted for a month after shaving using a razor and it did not reduce the number of cuts.", set()),
    ("Shaving using a razor probably increases infections, and it probably reduces deaths.", {"results.certainty"}),
    # no phrase of its own: the hedge and the effect before go on ("may ... and increase", "may reduce A, and B")
    ("Shaving using a razor may slightly reduce deaths, and increase infections.", {"results.certainty"}),
    ("Shaving using a razor probably increases infections, and deaths.", {"results.certainty", "results.direction"}),
    ("Shaving using a razor may slightly reduce deaths, or it may not, but we are very uncertain.", set()),
    # a clause with a subject of its own takes no hedge from the one before (see below: it claims high certainty)
    ("Shaving using a razor probably increases infections, and there is a small reduction in deaths.", {"results.certainty"}),
    # a coordinated clause that names no outcome, its effect with no object of its own, speaks of the outcome before;
    # with an object of its own ("the risk of cuts") it does not
    ("Deaths were rare after shaving using a razor, and there may be little or no difference between the groups, but we "
     "are very uncertain.", {"results.direction"}),
    ("Deaths were rare after shaving using a razor, and it does not reduce the risk of cuts.", set()),
]


@pytest.mark.parametrize("sentence,expected", CLAUSE_SCOPE)
def test_each_clause_keeps_its_own_words(sentence: str, expected: set[str], tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert checks_of(found) - {"results.unchecked"} == expected, found


@pytest.mark.parametrize("sentence,word", [
    ("Shaving using a razor probably increases infections, and there is a small reduction in deaths.", "no word of doubt"),
    ("Shaving using a razor probably increases infections, and it slightly reduces deaths.", "no word of doubt"),
    ("Shaving using a razor probably increases infections, and slightly reduces deaths.", "'probably'"),
    ("Shaving using a razor probably increases infections, and deaths.", "'probably'"),
])
def test_a_clause_with_its_own_subject_takes_no_hedge_before_it(sentence: str, word: str, tmp_path: Path) -> None:
    found = [message for check, message in read_verdicts([sentence], tmp_path)[0] if check == "results.certainty"]
    assert found and word in found[0], found


# "the effect(s) of X on V-ing Y" names the question asked of X, not its result; nor are the words between
# ("after putting in eye drops") an effect. A claim said by other words stays one.
QUESTION_FRAMES = [
    ("We are moderately confident about our results on the effects of shaving using a razor on reducing infections.", set()),
    ("One study evaluated the effect of shaving using a razor on preventing infections.", set()),
    ("Two studies assessed the effects of shaving using a razor and then a wash that drops bacteria in preventing deaths.",
     set()),
    ("We looked at the impact of shaving using a razor in lowering deaths.", set()),
    ("Evidence shows little effect of shaving using a razor in preventing deaths.", {"results.certainty", "results.direction"}),
    ("Shaving using a razor probably reduces infections.", {"results.direction"}),
    ("The effect of shaving using a razor on infections was probably to reduce them.", {"results.direction"}),
    # a benefit of X in doing Y says X does it; a number or a finite verb between says what was found
    ("There is moderate-certainty evidence for the benefit of shaving using a razor in reducing infections.",
     {"results.direction"}),
    ("The efficacy of shaving using a razor was probably 50% in reducing infections.", {"results.direction"}),
    ("This review examined the effectiveness of shaving using a razor and found that it probably works in reducing "
     "infections.", {"results.direction"}),
]


@pytest.mark.parametrize("sentence,expected", QUESTION_FRAMES)
def test_the_effect_of_x_on_doing_y_is_the_question(sentence: str, expected: set[str], tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert checks_of(found) - {"results.unchecked"} == expected, found


# A past participle before a noun of its own modifies that noun ("raised blood sugar"), not the outcome before it;
# after what it is said of ("deaths increased slightly", "were increased by") it is that outcome's effect.
PARTICIPLES = [
    ("Shaving using a razor was studied for deaths (2 studies) and for raised blood sugar (1 study).", set()),
    ("Shaving using a razor was studied for deaths (2 studies) or in people with reduced kidney function.", set()),
    ("After shaving using a razor, deaths increased slightly, but we are very uncertain.", {"results.direction"}),
    ("With shaving using a razor, deaths were increased by a small amount, but we are very uncertain.", {"results.direction"}),
    ("After shaving using a razor, deaths increased, but we are very uncertain.", {"results.direction"}),
    # a degree word, a preposition or a '-fold' word after the participle goes on to it: no noun of its own
    ("Deaths were reduced more with shaving using a razor than with no hair removal, but we are very uncertain.", set()),
    ("After shaving using a razor, deaths decreased more than after no hair removal, but we are very uncertain.", set()),
    ("Deaths were reduced further with shaving using a razor, but we are very uncertain.", set()),
    ("Deaths were increased about twofold with shaving using a razor, but we are very uncertain.", {"results.direction"}),
    ("Deaths were increased due to shaving using a razor, but we are very uncertain.", {"results.direction"}),
    ("Deaths were increased even in young people who had shaving using a razor, but we are very uncertain.",
     {"results.direction"}),
]


@pytest.mark.parametrize("sentence,expected", PARTICIPLES)
def test_a_participle_before_a_noun_modifies_it(sentence: str, expected: set[str], tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert checks_of(found) - {"results.unchecked"} == expected, found


# A word belongs to the longest name it is part of: a result chosen only by words inside another comparison's whole
# name ('razor' in 'shaving using a razor', where deaths are encoded for 'razor plus gel') may be about that
# comparison's result, which is not encoded: a warning, not an error. (sentence, checks expected)
LONGEST_NAME = [
    ("In two studies, deaths were higher with shaving using a razor.", {"results.unchecked"}),
    ("In two studies, shaving using a razor slightly increased deaths.", {"results.unchecked"}),
    ("Razor plus gel slightly increased deaths, but we are very uncertain.", {"results.direction"}),
    ("Shaving using a razor probably increases infections.", set()),
]


@pytest.mark.parametrize("sentence,expected", LONGEST_NAME)
def test_a_word_belongs_to_the_longest_name_it_is_in(sentence: str, expected: set[str], tmp_path: Path) -> None:
    text = review_yaml().replace(
        "  - id: death_razor\n    intervention: {technical: shaving with a razor, plain: shaving using a razor}",
        "  - id: death_razor\n    intervention: {technical: razor plus gel, plain: razor plus gel}")
    assert "razor plus gel" in text
    found = read_verdicts_of(text, [sentence], tmp_path)[0]
    assert checks_of(found) == expected, found


# A denied effect without a direction ("did not find a difference", "did not have an important effect") claims no
# effect, as "no difference" does; a denied size ("does not have a large effect") says only how large the effect is
DENIED_DIFFERENCE = {
    "flag": [
        "We did not find a difference in infections between shaving using a razor and no hair removal.",
        "Shaving using a razor probably did not have an important effect on infections.",
        "Shaving using a razor probably does not make a real difference to infections.",
        "The studies did not show a clear difference in infections with shaving using a razor.",
    ],
    "pass": [
        "Shaving using a razor probably does not have a large effect on infections.",
        "Clippers may not have an important effect on infections compared with no hair removal.",
        "We did not find a difference in infections between clippers and no hair removal.",
        "Shaving using a razor probably made a difference to infections.",
    ],
}


@pytest.mark.parametrize("sentence", DENIED_DIFFERENCE["flag"])
def test_a_denied_difference_claims_no_effect(sentence: str, tmp_path: Path) -> None:
    assert "results.direction" in checks_of(read_verdicts([sentence], tmp_path)[0]), sentence


@pytest.mark.parametrize("sentence", DENIED_DIFFERENCE["pass"])
def test_a_denied_difference_fits_no_difference_and_a_denied_size_is_not_read(sentence: str, tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert "results.direction" not in checks_of(found), found


# "failed to" denies the effect word after it, as "did not" does ("Four studies failed to show benefits")
FAILED_TO = {
    "flag": [
        "Shaving using a razor probably failed to increase infections.",
        "Shaving using a razor probably failed to show a clear increase in infections.",
    ],
    "pass": [
        "Clippers may fail to reduce infections compared with no hair removal.",
        "The studies failed to show that clippers reduce infections compared with no hair removal.",
    ],
}


@pytest.mark.parametrize("sentence", FAILED_TO["flag"])
def test_failed_to_denies_the_effect(sentence: str, tmp_path: Path) -> None:
    assert "results.direction" in checks_of(read_verdicts([sentence], tmp_path)[0]), sentence


@pytest.mark.parametrize("sentence", FAILED_TO["pass"])
def test_failed_to_fits_little_or_no_difference(sentence: str, tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert "results.direction" not in checks_of(found), found


# "No evidence that X <effect> Y" denies the effect however far the verb is from 'no', and says no level
# (the old "absence of evidence" wording): against a result that shows the effect it is a direction error,
# never a claim of high certainty. (sentence, checks expected)
NO_EVIDENCE_THAT = [
    ("There is no evidence that clippers are superior to shaving using a razor for infections.", {"results.direction"}),
    ("We found no firm evidence that clippers reduce infections compared with shaving using a razor.",
     {"results.direction"}),
    ("There was no evidence that shaving using a razor increased infections.", {"results.direction"}),
    ("There was no evidence that shaving using a razor changed deaths, but we are very uncertain.", set()),
    ("Clippers are superior to shaving using a razor for infections.", {"results.certainty"}),
]


@pytest.mark.parametrize("sentence,expected", NO_EVIDENCE_THAT)
def test_no_evidence_that_denies_the_effect_and_says_no_level(sentence: str, expected: set[str], tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert checks_of(found) - {"results.unchecked"} == expected, found


# "No (clear) evidence of/for a difference" says the interval did not rule out no effect: borne out by any result
# whose interval includes it, whichever side its estimate leans to; an error only where the interval excludes it.
ABSENCE_OF_EVIDENCE = [
    ("There was no evidence for a difference in deaths between shaving using a razor and no hair removal.", set()),
    ("There was no clear evidence of a difference in deaths between shaving using a razor and no hair removal.", set()),
    ("We did not find clear evidence of a difference in deaths between shaving using a razor and no hair removal.",
     set()),
    ("There was no evidence of a difference in infections between shaving using a razor and no hair removal.",
     {"results.direction"}),
    ("There is no evidence that shaving using a razor reduces deaths.", set()),
    ("There is no evidence that shaving using a razor increases infections.", {"results.direction"}),
]


@pytest.mark.parametrize("sentence,expected", ABSENCE_OF_EVIDENCE)
def test_no_evidence_of_a_difference_fits_an_interval_that_includes_no_effect(sentence: str, expected: set[str],
                                                                             tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert checks_of(found) - {"results.unchecked"} == expected, found


# A sentence naming every level of GRADE's scale describes the scale ("we rated the evidence as very low, low,
# moderate or high certainty"): no level is stated of any evidence. Naming some of them states those.
SCALE = [
    ("Based on how the studies were done, we rated the evidence as very low, low, moderate or high certainty.", set()),
    ("The certainty of evidence can be high, moderate, low or very low.", set()),
    ("We found moderate-certainty evidence that clippers reduce infections compared with shaving using a razor.",
     set()),
    ("We found high-certainty evidence that clippers reduce infections compared with shaving using a razor.",
     {"results.certainty"}),
]


@pytest.mark.parametrize("sentence,expected", SCALE)
def test_a_sentence_naming_every_level_describes_the_scale(sentence: str, expected: set[str], tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert checks_of(found) - {"results.unchecked"} == expected, found


# A comparator that is a combination ("X plus Y", "Y combined with X") is another arm than Y alone: a result of
# the comparison with Y is not what the sentence is about (a warning, not an error); "differ from" names it.
COMBINED_ARMS = [
    ("Shaving using a razor may not differ from clippers plus shaving using a razor in infections.",
     {"results.unchecked"}),
    ("Clippers may increase infections compared with clippers plus shaving using a razor.", {"results.unchecked"}),
    ("Clippers may increase infections compared with shaving using a razor combined with clippers.",
     {"results.unchecked"}),
    ("Clippers probably reduce infections compared with shaving using a razor.", set()),
    # the same addition to both arms leaves the comparison as it is
    ("Clippers plus a wash may increase infections compared with shaving using a razor plus a wash.",
     {"results.certainty", "results.direction"}),
]


@pytest.mark.parametrize("sentence,expected", COMBINED_ARMS)
def test_a_combined_comparator_is_another_arm(sentence: str, expected: set[str], tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert checks_of(found) == expected, found


# Severity by confidence: a claim whose intervention is only a word standing for it (or no one at all) and
# whose sentence states no certainty is not sure enough for an error (background, aims and calls for
# research read like that); the same claim hedged as GRADE words it, or naming the intervention, is.
# death_razor: RR 0.80, 95% CI 0.50 to 1.30, so more deaths is the wrong way.
UNHEDGED_STAND_IN = [
    ("It increases deaths.", {"results.unchecked"}),
    ("The treatment led to more deaths.", {"results.unchecked"}),
    ("There were more deaths.", {"results.unchecked"}),
    ("Deaths increased in one study.", {"results.unchecked"}),
    ("There was no effect on deaths.", {"results.unchecked"}),
    # ("No effect was found for deaths", what was found, is borne out by their interval: FOUND_NONE)
    ("It may increase deaths, but we are very uncertain.", {"results.direction"}),
    ("There may be more deaths, but we are very uncertain.", {"results.direction"}),
    ("It probably increases deaths.", {"results.certainty", "results.direction"}),
    ("Shaving using a razor increases deaths.", {"results.certainty", "results.direction"}),
    ("Removing hair increases deaths.", {"results.certainty", "results.direction"}),
]


@pytest.mark.parametrize(("sentence", "expected"), UNHEDGED_STAND_IN)
def test_an_unhedged_claim_naming_no_intervention_is_a_warning(sentence: str, expected: set[str], tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert checks_of(found) == expected, (sentence, found)


# A statement of certainty that names an outcome with results of several comparisons, and none of the
# comparisons, may mean any of them: a level one of them has is a warning asking for the comparison, a
# level none has is an error. Infections: razor against none moderate, clippers against none low,
# clippers against razor moderate; deaths: very low, one comparison.
STATEMENT_OF_SEVERAL = [
    ("The evidence for infections is of moderate certainty and for deaths of very low certainty.", {"results.unchecked"}),
    ("We have moderate confidence in the evidence for infections and very low confidence for deaths.", {"results.unchecked"}),
    ("The evidence for infections is of low certainty.", {"results.unchecked"}),
    ("The evidence for infections is of high certainty.", {"results.certainty"}),
    ("The evidence for deaths is of moderate certainty.", {"results.certainty"}),
    ("The evidence for deaths is of very low certainty.", set()),
]


@pytest.mark.parametrize(("sentence", "expected"), STATEMENT_OF_SEVERAL)
def test_a_statement_naming_an_outcome_of_several_comparisons(sentence: str, expected: set[str], tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert checks_of(found) == expected, (sentence, found)


# What was found, said of no effect ("We found no difference", "did not find a difference", "No difference was
# seen", "The trials did not show that X lowered Y"): a report of what the studies showed, the older wording of an
# imprecise result. Like "no evidence of a difference" it is borne out by a result whose interval includes no
# effect (deaths here: RR 0.80, 0.50 to 1.30) and claims no high certainty; against one whose interval excludes
# no effect (infections with a razor: RR 1.82, 1.05 to 3.14) it is still a direction error. An author's own
# "X does not lower Y" or "X makes no difference" is a claim about the effect, read as before.
FOUND_NONE = [
    ("We did not find a difference in deaths between shaving using a razor and no hair removal.", set()),
    ("The researchers found no clear difference in deaths with shaving using a razor.", set()),
    ("The trials did not show any difference in deaths with shaving using a razor.", set()),
    ("No difference in deaths was seen between shaving using a razor and no hair removal.", set()),
    ("Two small trials did not show that shaving using a razor lowered deaths.", set()),
    ("The studies observed no reduction in deaths with shaving using a razor.", set()),
    ("We found no difference in infections between shaving using a razor and no hair removal.", {"results.direction"}),
    ("No differences in infections were observed with shaving using a razor.", {"results.direction"}),
    ("Shaving using a razor makes no difference to deaths.", {"results.certainty", "results.direction"}),
    ("We found that shaving using a razor does not lower deaths.", {"results.certainty", "results.direction"}),
]


@pytest.mark.parametrize("sentence,expected", FOUND_NONE)
def test_no_effect_found_is_the_wording_of_an_imprecise_result(sentence: str, expected: set[str], tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert checks_of(found) - {"results.unchecked"} == expected, found


# A later clause with a comparator of its own and no outcome that the results name goes on from the outcome before
# only when its effect has no object of its own ("..., but may make little or no difference compared with no hair
# removal"); an effect with its own object ("no difference in pain", "may reduce itching") is about that object,
# which no result holds: nothing is claimed of the outcome before. (sentence, checks expected)
OWN_OBJECT = [
    ("Clippers probably cause fewer infections than shaving using a razor, but there was no difference in pain "
     "compared with no hair removal.", set()),
    ("Clippers probably cause fewer infections than shaving using a razor, but may make little or no difference to "
     "itching compared with no hair removal.", set()),
    ("Clippers probably cause fewer infections than shaving using a razor, but may reduce skin cuts compared with no "
     "hair removal.", set()),
    ("Clippers probably cause fewer infections than shaving using a razor, but may increase them compared with no "
     "hair removal.", {"results.direction"}),
    ("Clippers probably cause fewer infections than shaving using a razor, but are more effective than no hair "
     "removal.", {"results.direction"}),
]


@pytest.mark.parametrize("sentence,expected", OWN_OBJECT)
def test_a_later_clause_with_its_own_object_claims_nothing_of_the_outcome_before(sentence: str, expected: set[str],
                                                                                 tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert checks_of(found) - {"results.unchecked"} == expected, found


# Studies reported one by one ("One study found ..., and one found no change", "Two trials showed ..., while two
# others found no difference", "Some studies reported ..., but other studies did not") describe the studies, not the
# evidence as a whole: no pooled result is held against each report. One study's report beside a claim of the
# evidence, or studies counted once, are read as before. (sentence, checks expected)
ONE_BY_ONE = [
    ("One study reported more infections with shaving using a razor and one reported no change.", set()),
    ("Two trials showed fewer infections with clippers than with no hair removal, while two others found no difference.",
     set()),
    ("Some studies found that clippers reduced infections compared with no hair removal, but other studies did not.",
     set()),
    ("One trial found no difference in infections with shaving using a razor; another trial reported more infections.",
     set()),
    ("Three studies reported that shaving using a razor reduces infections.", {"results.direction"}),
    ("Shaving using a razor reduces infections, and one study found fewer deaths with it.", {"results.direction"}),
]


@pytest.mark.parametrize("sentence,expected", ONE_BY_ONE)
def test_studies_reported_one_by_one_claim_nothing_of_the_evidence(sentence: str, expected: set[str], tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert checks_of(found) - {"results.unchecked", "results.certainty"} == expected, found


# What is ruled out, or not, is a possibility weighed, not an effect claimed ("We could not rule out that X increases
# Y", "able to rule out that X is not as good as Y", "a small increase cannot be ruled out", "too small to exclude the
# possibility that ..."): no effect is read in that clause; the sentence's other clauses are. (sentence, checks)
RULED_OUT = [
    ("We could not rule out that shaving using a razor increases deaths.", set()),
    ("We were able to rule out the possibility that clippers are not as good as shaving using a razor for infections.",
     set()),
    ("The trials were too small to exclude the possibility that shaving using a razor increases deaths.", set()),
    ("Shaving using a razor probably increases infections, but a small reduction in infections cannot be ruled out.",
     set()),
    ("Shaving using a razor probably reduces infections, but a small increase in deaths cannot be ruled out.",
     {"results.direction"}),
    # only what follows an active "rule out" is weighed: a claim before it in the same clause is read, and an
    # outcome after it is not claimed of (its certainty is not the claim's before)
    ("Although shaving using a razor probably reduces infections, we could not rule out a small increase.",
     {"results.direction"}),
    ("Shaving using a razor probably reduces infections and we could not rule out that it increases deaths.",
     {"results.direction"}),
    ("Shaving using a razor probably increases infections although a small reduction in infections could not be "
     "ruled out.", set()),
]


@pytest.mark.parametrize("sentence,expected", RULED_OUT)
def test_what_is_ruled_out_is_a_possibility_not_a_claim(sentence: str, expected: set[str], tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert checks_of(found) - {"results.unchecked"} == expected, found


# A level of GRADE's scale defined beside the results ("High-certainty evidence means that we are very confident in
# the results") describes the scale, as a sentence naming every level does: no level of this evidence is stated,
# judged or carried to the claims. A level said of this evidence with "means" ("Very low-certainty evidence means we
# are uncertain whether X reduces Y") is read as before. (sentences, index judged, checks expected there)
DEFINED_LEVELS = [
    (["High-certainty evidence means that we are very confident in the results."], 0, set()),
    (["High quality evidence means that we are very sure about the findings.",
      "Very low quality evidence means that we are very uncertain about the results.",
      "Shaving using a razor increases infections."], 2, {"results.certainty"}),
    (["Moderate-certainty evidence means that more research might change our estimate of the effect.",
      "Clippers reduce infections compared with shaving using a razor."], 1, {"results.certainty"}),
    (["Low-certainty evidence means we are uncertain whether clippers reduce infections compared with shaving using a "
      "razor."], 0, {"results.certainty"}),
]


@pytest.mark.parametrize("sentences,index,expected", DEFINED_LEVELS)
def test_a_level_defined_states_no_level_of_the_evidence(sentences: list[str], index: int, expected: set[str],
                                                         tmp_path: Path) -> None:
    found = read_verdicts(sentences, tmp_path)[index]
    assert checks_of(found) - {"results.unchecked"} == expected, found


# What studies set out to learn ("The trials evaluated X for reducing Y", "Two studies assessed X in preventing Y",
# "We looked at X for lowering Y"): the verb in -ing names the question asked of X, not a result, as "the effect of X
# on reducing Y" does; with a finding or a judgement between ("tested X and found it effective in preventing Y") it
# is a claim. (sentence, checks expected)
STUDIED_FOR = [
    ("The trials evaluated shaving using a razor for reducing infections.", set()),
    ("Two studies assessed shaving using a razor in preventing infections compared with no hair removal.", set()),
    ("Researchers have examined shaving using a razor for lowering deaths.", set()),
    ("The studies we examined showed that shaving using a razor was effective in preventing infections.",
     {"results.direction"}),
]


@pytest.mark.parametrize("sentence,expected", STUDIED_FOR)
def test_what_studies_set_out_to_learn_is_no_result(sentence: str, expected: set[str], tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert checks_of(found) - {"results.unchecked", "results.certainty"} == expected, found


# GRADE's undecided wording as a noun ("There is uncertainty about whether X reduces Y", "there remains uncertainty
# over whether ...") claims no direction and no level, as "we are uncertain whether" claims none; a call for
# research said of the evidence ("More evidence is needed", "More evidence is required to establish if X causes Y")
# claims nothing, and the other clauses of its sentence are read. (sentence, checks expected)
UNCERTAINTY_AND_MORE_EVIDENCE = [
    ("There is uncertainty about whether shaving using a razor reduces deaths.", set()),
    ("There remains uncertainty over whether shaving using a razor changes deaths.", set()),
    ("More evidence is required to establish if shaving using a razor increases deaths.", set()),
    ("Further evidence is needed before we can say that shaving using a razor lowers infections.", set()),
    ("Shaving using a razor probably reduces infections; however, more evidence is needed.", {"results.direction"}),
]


@pytest.mark.parametrize("sentence,expected", UNCERTAINTY_AND_MORE_EVIDENCE)
def test_uncertainty_whether_and_more_evidence_needed_claim_nothing(sentence: str, expected: set[str],
                                                                     tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert checks_of(found) - {"results.unchecked"} == expected, found


# "than" before a number makes a threshold, not the comparator's effect: "infections at less than 30 days",
# "fell to less than 5%", "fewer than 10 in 100" (the over-fit review: 'prevent ... less than 2500 g' read as
# an increase). A comparator after "than" is still one.
THRESHOLDS = [
    ("Shaving using a razor probably increases infections at less than 30 days compared with no hair removal.", set()),
    ("Clippers probably reduce infections to less than 5% compared with shaving using a razor.", set()),
    ("Shaving using a razor probably increases infections lasting more than 30 days compared with no hair removal.", set()),
    ("Shaving using a razor probably leads to less infections than no hair removal.", {"results.direction"}),
    ("Clippers probably cause more infections than shaving using a razor.", {"results.direction"}),
]


@pytest.mark.parametrize(("sentence", "expected"), THRESHOLDS)
def test_than_before_a_number_is_a_threshold(sentence: str, expected: set[str], tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert checks_of(found) - {"results.unchecked"} == expected, (sentence, found)


# GRADE's starting point is no level of this evidence: "starting from an initial assumption of high certainty",
# "randomised trials start at high certainty", "downgraded ... (from high to moderate or low)"; a level said of the
# evidence is still read (the results here are very low to moderate).
GRADE_PROCESS = [
    ("Starting from an initial assumption of high certainty, we downgraded the evidence by one level.", set()),
    ("Evidence from randomised trials starts at high certainty and we downgraded it for risk of bias.", set()),
    ("We downgraded the certainty of the evidence by one or two levels (from high to moderate or low) for imprecision.",
     set()),
    ("We have high certainty in the evidence.", {"results.certainty"}),
    ("The evidence for infections is of high certainty.", {"results.certainty"}),
]


@pytest.mark.parametrize(("sentence", "expected"), GRADE_PROCESS)
def test_grades_starting_point_is_no_level_of_the_evidence(sentence: str, expected: set[str], tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert checks_of(found) - {"results.unchecked"} == expected, (sentence, found)


# A sentence opening with a subordinate clause ("Although ..., it ...") is two clauses: the opening clause's hedge,
# effect or possibility stays in it (the over-fit review: 366 of 383 corpus sentences opening so were one clause).
OPENING_CLAUSE = [
    ("Although shaving using a razor may slightly reduce deaths, it increases infections.",
     ["Although shaving using a razor may slightly reduce deaths", "it increases infections."]),
    ("While clippers probably reduce infections, we are very uncertain whether they reduce deaths.",
     ["While clippers probably reduce infections", "we are very uncertain whether they reduce deaths."]),
    ("Although shaving using a razor reduced pain, stiffness and swelling, it probably increases infections.",
     ["Although shaving using a razor reduced pain, stiffness and swelling", "it probably increases infections."]),
    # a comma inside brackets does not end it; a sentence not opening so is not split at a comma
    ("Although razors (and, rarely, clippers) may reduce deaths, they increase infections.",
     ["Although razors (and, rarely, clippers) may reduce deaths", "they increase infections."]),
    ("Shaving using a razor may slightly reduce deaths, and it increases infections.",
     ["Shaving using a razor may slightly reduce deaths, and it increases infections."]),
    # a main clause of doubt that points back ("these", "this") is about the opening clause: not split off (the
    # over-fit review's CD010637); one about something else is a clause of its own (above)
    ("Although some studies reported fewer infections, we are uncertain if these differences are real.",
     ["Although some studies reported fewer infections, we are uncertain if these differences are real."]),
    ("While razors may reduce deaths, it is unclear whether this lasts.",
     ["While razors may reduce deaths, it is unclear whether this lasts."]),
]


@pytest.mark.parametrize(("sentence", "expected"), OPENING_CLAUSE)
def test_an_opening_subordinate_clause_is_a_clause(sentence: str, expected: list[str]) -> None:
    from plainsum.grade.reading import clauses

    assert [sentence[a:b] for a, b in clauses(sentence)] == expected


def test_an_opening_clauses_hedge_stays_in_it(tmp_path: Path) -> None:
    found = read_verdicts(["Although shaving using a razor may slightly reduce deaths, it increases infections."], tmp_path)[0]
    # 'increases' is plain: high certainty claimed for the moderate infections result ('may' was carried to it)
    assert any(check == "results.certainty" and "'increases'" in message for check, message in found), found


# "The effect(s) of X for preventing Y" (the review's question in its title's words) names the question asked of X, as
# "the effect of X on preventing Y" does; a judged effect ("a beneficial effect of X for preventing Y") says X has
# one. (sentence, checks expected)
QUESTION_FOR = [
    ("There is limited information to determine the effect of shaving using a razor for reducing infections.", set()),
    ("There is limited information to determine the effect of shaving using a razor for preventing deaths.", set()),
    ("The effects of shaving using a razor for reducing infections remain unclear.", set()),
    ("The studies show a beneficial effect of shaving using a razor for reducing infections.", {"results.direction"}),
]


@pytest.mark.parametrize("sentence,expected", QUESTION_FOR)
def test_the_effect_of_x_for_doing_y_is_the_question(sentence: str, expected: set[str], tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert checks_of(found) - {"results.unchecked", "results.certainty"} == expected, found


# A judgement of the intervention ("better", "worse", "more effective", "less effective") before "for", "in" or "at"
# and a verb in -ing ("worse than no removal for preventing infections"): the judgement is the effect, the verb names
# what was judged (232 corpus lay sentences; 12 sampled, all so). Razor infections go up, clippers against the razor
# go down.
JUDGED_FOR = [
    ("Shaving using a razor is probably worse than no hair removal for preventing infections.", set()),
    ("Clippers are probably more effective than shaving using a razor at preventing infections.", set()),
    ("Shaving using a razor is probably better than no hair removal for preventing infections.", {"results.direction"}),
    ("Clippers are probably less effective than shaving using a razor at preventing infections.", {"results.direction"}),
    ("There is moderate quality evidence that shaving using a razor is slightly worse than no hair removal for "
     "preventing infections, and very low quality evidence that it is slightly better for reducing deaths.", set()),
]


@pytest.mark.parametrize(("sentence", "expected"), JUDGED_FOR)
def test_a_judgement_before_for_and_a_verb_is_the_effect(sentence: str, expected: set[str], tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert checks_of(found) - {"results.unchecked"} == expected, (sentence, found)


# "less likely to have a reduction in X" is more X, "more likely to have a reduction" less (razor infections go up)
LESS_LIKELY_TO_HAVE = [
    ("People who had shaving using a razor were probably less likely to have a reduction in infections.", set()),
    ("People who had shaving using a razor were probably less likely to have an objective decrease in infections.", set()),
    ("People who had shaving using a razor were probably more likely to have a reduction in infections.",
     {"results.direction"}),
]


@pytest.mark.parametrize(("sentence", "expected"), LESS_LIKELY_TO_HAVE)
def test_less_likely_to_have_an_effect_is_the_other_way(sentence: str, expected: set[str], tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert checks_of(found) - {"results.unchecked"} == expected, (sentence, found)


# An effect noun as the object of a verb of study ("assessed the benefits of X", "examined the reduction in Y") says
# what was studied, not a result; the same noun in a finding is read (razor infections go up).
STUDIED_NOUN = [
    ("Three trials assessed the benefits of shaving using a razor for infections.", set()),
    ("Two trials examined the reduction in infections with shaving using a razor; the results were inconclusive.", set()),
    ("Shaving using a razor probably leads to a reduction in infections.", {"results.direction"}),
    ("Trials assessed infections and found that shaving using a razor probably leads to a reduction in infections.",
     {"results.direction"}),
]


@pytest.mark.parametrize(("sentence", "expected"), STUDIED_NOUN)
def test_an_effect_noun_that_was_studied_is_no_claim(sentence: str, expected: set[str], tmp_path: Path) -> None:
    found = read_verdicts([sentence], tmp_path)[0]
    assert checks_of(found) - {"results.unchecked"} == expected, (sentence, found)


# --- which level belongs to which claim, and what names no outcome (session 11) -----------------

def read_claims(sentences: list[str], tmp_path: Path, condition: str | None = None) -> list[tuple[list[str], list[tuple[str, str]]]]:
    """(outcomes claimed, (check, message) of each verdict) of each sentence, read in order as the checks read them."""
    from plainsum.grade.claims import load_vocabulary
    from plainsum.grade.judge import judge
    from plainsum.grade.reading import read_summary

    path = tmp_path / "hair.yaml"
    path.write_text(review_yaml(), encoding="utf-8")
    results = load_review(path).results
    readings = read_summary([(s, False) for s in sentences], results, load_vocabulary(), ("preoperative hair removal", "removing hair"),
                            condition)
    return [([c.outcome.text.lower() for c in r.claims], [(v.check, v.message) for v in judge(r, results)]) for r in readings]


OWN_CLAUSE_LEVELS = [
    # a level said in a clause of its own that names another outcome is that outcome's, not the whole sentence's
    ("There may be little or no difference in infections between clippers and no hair removal (low-certainty evidence), "
     "but there was only very low-certainty evidence on deaths.", set()),
    ("Clippers may make little or no difference to infections compared with no hair removal, but we have very "
     "low-certainty evidence about deaths.", set()),
    ("Clippers compared with no hair removal may make little or no difference to infections; the evidence on deaths "
     "is of very low certainty.", set()),
    # ... and so is one said of a comparison the clause names
    ("Clippers may make little or no difference to infections compared with no hair removal, but we are very uncertain "
     "about clippers compared with shaving using a razor.", set()),
    ("Clippers may make little or no difference to infections compared with no hair removal, but the evidence comparing "
     "clippers with shaving using a razor is very uncertain.", set()),
    ("Clippers may make little or no difference to infections compared with no hair removal (low-certainty evidence), but "
     "there is only very low-certainty evidence for clippers versus shaving using a razor.", set()),
    # ... but not when the doubt names the claim's own comparison again: then it is the claim's
    ("Clippers may make little or no difference to infections compared with no hair removal, but the evidence comparing "
     "clippers with no hair removal is very uncertain.", {"results.certainty"}),
    ("Clippers may make little or no difference to infections compared with no hair removal, but we are very uncertain "
     "about clippers compared with no hair removal.", {"results.certainty"}),
    # GRADE's very-low wording still covers the clause before when it names nothing else
    ("Clippers may make little or no difference to infections compared with no hair removal, but we are very uncertain "
     "because the trials were smaller than planned.", {"results.certainty"}),
    ("Clippers may make little or no difference to infections compared with no hair removal, but we are very uncertain.",
     {"results.certainty"}),
    ("Clippers may make little or no difference to infections compared with no hair removal, but the evidence is very "
     "uncertain.", {"results.certainty"}),
]


@pytest.mark.parametrize("sentence,expected", OWN_CLAUSE_LEVELS)
def test_a_level_in_a_clause_naming_another_outcome_is_that_outcomes(sentence: str, expected: set[str], tmp_path: Path) -> None:
    ((_, found),) = read_claims([sentence], tmp_path)
    assert checks_of(found) - {"results.unchecked"} == expected, found


RATED_ONCE = [
    # the summary rates a finding once ("moderate-certainty evidence that ..."): a plain sentence stating that finding
    # elsewhere is covered by the rating, before or after it
    (["Clippers cause fewer infections than shaving using a razor.",
      "There is moderate-certainty evidence that clippers cause fewer infections than shaving using a razor."], 0, set()),
    (["Clippers probably cause fewer infections than shaving using a razor (moderate-certainty evidence).",
      "Clippers cause fewer infections than shaving using a razor."], 1, set()),
    (["There is moderate quality evidence that clippers reduce infections compared with shaving using a razor.",
      "People who had clippers had fewer infections than those shaved using a razor."], 1, set()),
    # a rating that does not fit the result leaves the plain sentence wrong too
    (["Clippers cause fewer infections than shaving using a razor.",
      "There is low-certainty evidence that clippers cause fewer infections than shaving using a razor."], 0, {"results.certainty"}),
    # with no rating anywhere, the plain verb claims high certainty
    (["Clippers cause fewer infections than shaving using a razor.", "The studies were small."], 0, {"results.certainty"}),
]


@pytest.mark.parametrize("sentences,index,expected", RATED_ONCE)
def test_a_rating_said_once_covers_the_plain_sentence_of_that_finding(sentences: list[str], index: int, expected: set[str],
                                                                        tmp_path: Path) -> None:
    found = read_claims(sentences, tmp_path)[index][1]
    assert checks_of(found) - {"results.unchecked"} == expected, found


CONDITION_TITLES = [
    ("Non-steroidal anti-inflammatory drugs for acute low back pain", "acute low back pain"),
    ("Exercise for chronic plaque psoriasis in adults", "chronic plaque psoriasis"),
    ("Antibiotics for acute otitis media in children", "acute otitis media"),
    ("Interventions for preventing falls in older people", None),  # a purpose: falls are an outcome
    ("Zinc supplementation for the prevention of diarrhoea", None),
    ("Acupuncture for smoking cessation", None),
    ("Antibiotics for trachoma", None),  # one word: no outcome's name can be inside it
]


@pytest.mark.parametrize("title,condition", CONDITION_TITLES)
def test_the_condition_a_title_names(title: str, condition: str | None) -> None:
    from plainsum.grade.reading import condition_of

    assert condition_of(title) == condition


NOT_OUTCOMES = [
    # (sentence, condition of the title, outcomes claimed): an outcome's name inside the condition its people have
    ("Shaving using a razor probably reduces the time to heal in people with chronic wound infections.",
     "chronic wound infections", []),
    ("Shaving using a razor may reduce deaths in chronic wound infections compared with no hair removal.",
     "chronic wound infections", ["deaths"]),
    ("Shaving using a razor may increase pain for patients with severe deep infections.", "severe deep infections", []),
    # named as what is changed, the condition is the outcome
    ("Shaving using a razor probably increases chronic wound infections.", "chronic wound infections", ["infections"]),
    # examples of what an outcome named before them is, no claims of their own
    ("We are very uncertain whether shaving using a razor reduces deaths from any cause, such as infections or bleeding.",
     None, ["deaths"]),
    ("Shaving using a razor probably increases problems after surgery (for example, infections).", None, []),
    ("Shaving using a razor probably increases infections, such as wound abscesses.", None, ["infections"]),
    # list items joined by bullets are each a clause: one item's words are no effect of another's outcome
    ("Clippers to remove hair•Antiseptics against infections•Skin improvement and clean water", None, []),
    # a bullet that opens the sentence is a list marker: the call for research stays one
    ("• More research is needed to find out whether clippers reduce infections.", None, []),
    ("• Clippers probably reduce infections compared with shaving using a razor.", None, ["infections"]),
]


@pytest.mark.parametrize("sentence,condition,outcomes", NOT_OUTCOMES)
def test_an_outcome_named_as_the_condition_or_an_example_is_no_claim(sentence: str, condition: str | None,
                                                                      outcomes: list[str], tmp_path: Path) -> None:
    ((claimed, _),) = read_claims([sentence], tmp_path, condition)
    assert claimed == outcomes


CAUTIONED = [
    # a sentence after a plain finding that says to read it with caution: its plain verb claims no high certainty for sure
    (["Clippers cause fewer infections than shaving using a razor.", "These findings should be interpreted with caution."],
     0, {"results.unchecked"}),
    (["Clippers cause fewer infections than shaving using a razor.", "The trials were small.",
      "We should be careful about drawing conclusions from them."], 0, {"results.unchecked"}),
    (["Clippers cause fewer infections than shaving using a razor.", "The result needs to be treated with some caution."],
     0, {"results.unchecked"}),
    # a caution about something else, or no caution: the plain verb claims high certainty
    (["Clippers cause fewer infections than shaving using a razor.", "Clippers should be used with caution near wounds."],
     0, {"results.certainty"}),
    (["Clippers cause fewer infections than shaving using a razor.", "The studies were small."], 0, {"results.certainty"}),
    # a hedge of its own is held as said, caution or not
    (["Clippers may cause fewer infections than shaving using a razor.", "These findings should be interpreted with caution."],
     0, {"results.certainty"}),
]


@pytest.mark.parametrize("sentences,index,expected", CAUTIONED)
def test_a_finding_read_with_caution_claims_no_high_certainty_for_sure(sentences: list[str], index: int, expected: set[str],
                                                                         tmp_path: Path) -> None:
    found = read_claims(sentences, tmp_path)[index][1]
    assert checks_of(found) == expected, found


CLOSURE = """\
results:
  - id: infection_closure
    intervention: {technical: purse-string skin closure, plain: purse-string closure}
    comparison: linear skin closure
    outcome: {technical: surgical site infection, plain: wound infection}
    measure: RR
    estimate: 0.20
    ci: [0.10, 0.40]
    studies: 5
    participants: 600
    certainty: moderate
    size: large
  - id: no_recovery
    intervention: {technical: purse-string skin closure, plain: purse-string closure}
    comparison: linear skin closure
    outcome: {technical: no recovery at six weeks, plain: no recovery}
    measure: RR
    estimate: 0.67
    ci: [0.56, 0.79]
    studies: 4
    participants: 500
    certainty: moderate
    size: moderate
  - id: no_healing
    intervention: {technical: purse-string skin closure, plain: purse-string closure}
    comparison: no closure
    outcome: {technical: failure to heal, plain: failure to heal}
    measure: RR
    estimate: 0.50
    ci: [0.30, 0.80]
    studies: 2
    participants: 200
    certainty: low
    size: moderate
"""

SHORT_AND_OPPOSITE_NAMES = [
    # a long name's initials name it, as summaries shorten it once given
    ("PSSC probably reduces wound infection compared with LSC.", set()),
    ("PSSC probably increases wound infection compared with LSC.", {"results.direction"}),
    ("Compared with LSC, PSSC probably causes more wound infection.", {"results.direction"}),
    # an outcome named as what did not happen: the rest of its name is its opposite
    ("Purse-string closure probably improves recovery compared with linear skin closure.", set()),
    ("Purse-string closure probably worsens recovery compared with linear skin closure.", {"results.direction"}),
    ("Purse-string closure probably means more people have no recovery than linear skin closure.", {"results.direction"}),
    ("Purse-string closure may help wounds heal compared with no closure.", set()),
    ("Purse-string closure may make wounds less likely to heal than no closure.", {"results.direction"}),
    # a reported finding that opens with its comparator: the comparator ends at its comma
    ("We found that compared to linear skin closure, purse-string closure probably reduces wound infection.", set()),
    ("We found that compared to linear skin closure, purse-string closure probably increases wound infection.",
     {"results.direction"}),
]


def closure_verdicts(sentence: str, tmp_path: Path) -> list[tuple[str, str]]:
    from plainsum.grade.claims import load_vocabulary
    from plainsum.grade.judge import judge
    from plainsum.grade.reading import read_summary

    path = tmp_path / "hair.yaml"
    path.write_text(review_yaml().replace(RESULTS, CLOSURE).replace("infections.", "problems."), encoding="utf-8")
    results = load_review(path).results
    (reading,) = read_summary([(sentence, False)], results, load_vocabulary(), ())
    return [(v.check, v.message) for v in judge(reading, results)]


@pytest.mark.parametrize("sentence,expected", SHORT_AND_OPPOSITE_NAMES)
def test_initials_and_the_opposite_of_a_negated_outcome_name(sentence: str, expected: set[str], tmp_path: Path) -> None:
    found = closure_verdicts(sentence, tmp_path)
    assert checks_of(found) - {"results.unchecked"} == expected, found


THE_COMPARED = [
    # "between the two techniques", "between the groups": the arms the review compares, read as an impersonal claim
    ("There may be little or no difference between the two techniques in wound infection.",
     {"results.direction", "results.certainty"}),
    ("There was probably little or no difference in wound infection between the groups.", {"results.direction"}),
    ("There is probably a large difference in wound infection between the two treatments.", set()),
    # two other groups named: another comparison, no claim about the review's
    ("There was little or no difference in wound infection between younger and older people.", set()),
    ("There was little or no difference in wound infection between the groups of younger and older people.", set()),
]


@pytest.mark.parametrize("sentence,expected", THE_COMPARED)
def test_between_the_two_techniques_names_the_compared_arms(sentence: str, expected: set[str], tmp_path: Path) -> None:
    found = closure_verdicts(sentence, tmp_path)
    assert checks_of(found) - {"results.unchecked"} == expected, found


def test_at_least_is_no_setting_of_a_result(tmp_path: Path) -> None:
    # "at least in the long term" is a degree, not a setting the result would have to carry
    ((_, found),) = read_claims(["Clippers probably cause fewer infections (at least in the long term) than shaving using "
                                 "a razor."], tmp_path)
    assert not found, found


PROBABLE = [
    # "It is probable that ..." is GRADE's "probably" said as a clause: moderate certainty
    ("It is probable that fewer people get infections with clippers than with shaving using a razor.", set()),
    ("It is probable that more people get infections with clippers than with shaving using a razor.", {"results.direction"}),
    ("It is probable that clippers make little or no difference to infections compared with no hair removal.",
     {"results.certainty"}),
]


@pytest.mark.parametrize("sentence,expected", PROBABLE)
def test_it_is_probable_that_is_moderate_certainty(sentence: str, expected: set[str], tmp_path: Path) -> None:
    ((_, found),) = read_claims([sentence], tmp_path)
    assert checks_of(found) - {"results.unchecked"} == expected, found


def test_the_recheck_list_reads_a_summary_as_the_checks_do(tmp_path: Path) -> None:
    """`plainsum diff`'s re-check list and the gate share one reading of a summary: the condition the title
    names is no outcome there either, and both read the sentences the author wrote, in the same order."""
    from types import SimpleNamespace

    from plainsum.checks.claimreading import read_written
    from plainsum.diff.recheck import _readings
    from plainsum.grade.claims import load_vocabulary

    condition = "People with chronic wound infections probably heal sooner after clippers than after shaving using a razor."
    claim = "Shaving using a razor probably increases infections compared with no hair removal."
    text = review_yaml(key_messages=(condition, claim)).replace(
        "title: Preoperative hair removal to reduce surgical site infection",
        "title: Preoperative hair removal for chronic wound infections")
    path = tmp_path / "hair.yaml"
    path.write_text(text, encoding="utf-8")
    review = load_review(path)
    summary = next(d for d in render_documents(review, TemplateSet(None)) if d.kind == "summary")
    scored = score_document(summary)
    listed = _readings(SimpleNamespace(scored=scored), review, review.results)
    gate = {sentence.offset: reading for sentence, reading in read_written(scored, review.results, load_vocabulary())}
    assert [(offset, [c.outcome.text for c in r.claims]) for offset, r in listed.items()] == \
        [(offset, [c.outcome.text for c in r.claims]) for offset, r in gate.items()]
    claims = {r.text: [c.outcome.text.lower() for c in r.claims] for r in listed.values()}
    assert claims[condition] == [] and claims[claim] == ["infections"]
