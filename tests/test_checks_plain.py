"""Tables of texts each plain-language check must flag and must pass.

Free-text checks run on Markdown through `score_markdown`. Checks that need the review
(results.number, plain.recommendation) get a small review built here: their texts are the lay
summary parts of a cochrane-2021 review (see `review_yaml`).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import case_params

from plainsum.checks import registry
from plainsum.content.loader import load_review
from plainsum.gate.settings import load_config
from plainsum.readability.score import score_document, score_markdown
from plainsum.render.document import render_documents
from plainsum.render.templates import TemplateSet

REVIEW_CHECKS = {"results.number", "plain.recommendation"}


def review_yaml(what_we_found: str = "We found 12 studies with 840 people.",
                key_messages: tuple[str, ...] = ("Exercise may reduce pain a little.", "We need more studies."),
                plain_title: str = "Exercise for back pain") -> str:
    """A small but complete cochrane-2021 review whose lay summary parts the tables vary."""
    messages = "\n".join(f"    - {message!r}" for message in key_messages)
    return textwrap.dedent("""\
        id: tiny
        kind: cochrane-review
        layout: cochrane-2021
        title: Exercise therapy for chronic low back pain
        plain_title: {plain_title!r}
        facts:
          search_date: 2020-03-15
          included_studies: 12
          participants: 840
          intervention: exercise therapy
          plain_intervention: exercise
        results:
          - id: pain
            outcome: {{technical: pain intensity, plain: pain, quality: false}}
            measure: MD
            estimate: -7.5
            ci: [-10.2, -4.8]
            studies: 9
            participants: 612
            certainty: low
            size: small
            direction: reduce
            better: lower
        sections:
          background: {{technical: Low back pain is common.}}
          objectives: {{technical: To assess exercise therapy.}}
          search_methods: {{technical: "We searched MEDLINE on {{{{ search_date | long_date }}}}."}}
          selection_criteria: {{technical: Randomised trials.}}
          data_collection: {{technical: Standard methods.}}
          main_results:
            technical: "We included {{{{ included_studies }}}} trials ({{{{ participants }}}} participants). {{{{ results.pain.technical }}}}"
          authors_conclusions: {{technical: Exercise may help a little.}}
        summary:
          key_messages:
        {messages}
          what_is_heading: What is low back pain?
          what_is: Pain in the lower back that lasts a long time.
          want_to_find_out: We wanted to know if exercise helps.
          what_we_did: We searched for studies.
          what_we_found: {what_we_found!r}
          limitations: The studies were small.
        """).format(plain_title=plain_title, messages=textwrap.indent(messages, "  ").replace("      -", "    -"),
                    what_we_found=what_we_found)


CASES: dict[str, dict[str, list[str]]] = {
    "plain.jargon": {
        "flag": [
            "We found no randomised controlled trials.",
            "Half of the people had adverse events.",
            "The treatment did not change mortality.",
            "It lowered HbA1c in people with hypertension.",
            "Most people had chronic pain.",
            "Oedema was common.",
            "Some trials used a placebo.",
        ],
        "pass": [
            "We found no studies in which chance decided who got which treatment.",
            "Some trials used a placebo (a fake treatment that looks like the real one).",
            "Half of the people had unwanted effects.",
            "Most people had long-lasting pain.",
        ],
    },
    "plain.rare-word": {
        "flag": [
            "The nerves at the lumbosacral level were damaged.",
            "Some people felt oversensitivity to touch.",
            "Racecadotril was given to children.",
        ],
        "pass": [
            "The nerves at the base of the spine were damaged.",
            "Racecadotril (a medicine for diarrhoea) was given to children.",
            "We looked at studies of children with diarrhoea.",
            "The WHO and Cochrane helped.",
        ],
    },
    "plain.abbreviation": {
        "flag": [
            "We found six RCTs.",
            "ILSP is rare. Idiopathic lumbosacral plexopathy (ILSP) affects the legs.",
            "The CI was wide.",
        ],
        "pass": [
            "We found six randomised controlled trials (RCTs). The RCTs were small.",
            "People with HIV took part.",
            "Chronic obstructive pulmonary disease (COPD) makes breathing hard. COPD is common.",
            "ILSP (idiopathic lumbosacral plexopathy) affects the legs.",
        ],
    },
    "plain.passive": {
        "flag": [
            "The medicine was given to children.",
            "It is thought that blood vessels become inflamed.",
            "Studies were not included if they were small.",
            "The results have been shown in a table.",
            "More research is needed.",
            "The drug is used to treat pain.",
        ],
        "pass": [
            "We gave the medicine to children.",
            "Doctors think that blood vessels become inflamed.",
            "We were interested in children.",
            "The trials were small.",
            "This was indeed a surprise.",
        ],
    },
    "plain.passive-share": {
        "flag": [
            "The medicine was given to children. The results were recorded. We looked at them.",
            "It was found that nothing was changed.",
        ],
        "pass": [
            "We gave the medicine to children. We recorded the results. We looked at them. It was done well.",
            "We looked for studies. We found none.",
        ],
    },
    "plain.long-sentence": {
        "flag": [
            "We searched for studies that compared adults who were invited to health checks with adults who "
            "were not invited to any check at all during the years of the study.",
        ],
        "pass": [
            "We searched for studies. They compared adults invited to health checks with adults who were not.",
            "- a short list item\n- another short item",
        ],
    },
    "results.number": {
        "flag": [
            review_yaml(what_we_found="We found 14 studies with 840 people."),
            review_yaml(what_we_found="Exercise lowered pain by 27%."),
            review_yaml(what_we_found="The studies included 900 people."),  # a count outside claims (years are not read there)
        ],
        "pass": [
            review_yaml(what_we_found="We found 12 studies with 840 people. {{ results.pain.plain }}"),
            review_yaml(what_we_found="We found twelve studies; 9 of them, with 612 people, measured pain."),
            review_yaml(what_we_found="The evidence is from 2020 and earlier; we found 12 studies."),
            review_yaml(what_we_found="Pain scores went down by 7.50 points on average."),
        ],
    },
    "plain.recommendation": {
        "flag": [
            review_yaml(key_messages=("People with back pain should exercise.", "We need more studies.")),
            review_yaml(key_messages=("Exercise may reduce pain a little.", "We recommend exercise for everyone.")),
            review_yaml(key_messages=("Doctors must offer exercise.", "Exercise may reduce pain a little.")),
        ],
        "pass": [
            review_yaml(),
            review_yaml(key_messages=("Exercise may reduce pain a little.", "It may not help everyone.")),
        ],
    },
}

# Figures a sentence works out from what the abstract prints, times, and counts that are not the
# review's totals (issue 23, the precision work on reviews nobody tuned on): the pain result (MD -7.5)
# with the control group's mean printed in the abstract, its outcome measured at six to 18 months.
CONTROL_MEAN = ("{{ results.pain.technical }}", "{{ results.pain.technical }} The control group's mean pain score was 56.08.")
TIMED = ("technical: pain intensity,", "technical: pain intensity at six to 18 months,")
PRINTED_TIME = ("{{ results.pain.technical }}", "{{ results.pain.technical }} Pain was measured from baseline to 12 months.")
IRON = ("{{ results.pain.technical }}", "{{ results.pain.technical }} Another review included two studies (403 participants).")


def edited(what_we_found: str, *edits: tuple[str, str]) -> str:
    text = review_yaml(what_we_found=what_we_found)
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    return text


NUMBER_CASES: dict[str, dict[str, list[str]]] = {
    "results.number": {
        "flag": [
            # 56.08 - 7.5 = 48.58: 49 rounded, and 48 (cut short) or 47 fit neither arm
            edited("Exercise may slightly reduce pain: 48 points versus 56 points without exercise.", CONTROL_MEAN),
            edited("Exercise may slightly reduce pain: 47 points versus 56 points without exercise.", CONTROL_MEAN),
            edited("Exercise may slightly reduce pain: 49 points versus 58 points without exercise.", CONTROL_MEAN),
            # 7.5 cut short to 7: not rounded, and no arm's mean (15 - 7.5 is no group's mean the sentence gives)
            edited("Exercise may slightly reduce pain by 7 points: 49 points versus 56 points without exercise.", CONTROL_MEAN),
            # a time the abstract does not print, where the outcome names times
            edited("Exercise may slightly reduce pain 24 months after treatment.", TIMED),
            edited("Exercise may slightly reduce pain 13 months after treatment.", TIMED, PRINTED_TIME),
            # one review among several, whose people the abstract prints with its studies
            edited("One review included two studies with 504 people.", IRON),
            # the review's own totals, wrong
            review_yaml(what_we_found="This review included 12 studies with 900 people."),
            review_yaml(what_we_found="We found 12 studies, and they included 900 people."),
        ],
        "pass": [
            # the control mean as printed, rounded, and the exercise group's mean worked out from it
            edited("Exercise may slightly reduce pain: 49 points versus 56 points without exercise.", CONTROL_MEAN),
            edited("People who exercised rated their pain as 49 points, against 56 points in the control group; "
                   "exercise may slightly reduce pain.", CONTROL_MEAN),
            # a follow-up time the abstract prints with its unit, or any when the outcome names none
            edited("Exercise may slightly reduce pain 12 months after treatment.", TIMED, PRINTED_TIME),
            edited("Exercise may slightly reduce pain six months after treatment.", TIMED),
            review_yaml(what_we_found="Exercise may slightly reduce pain 3 months after treatment."),
            # the size of one group, and the size of another review or study
            review_yaml(what_we_found="Exercise may slightly reduce pain; one of the 310 people doing exercise had a fall."),
            review_yaml(what_we_found="Exercise may slightly reduce pain; 150 people given exercise had sore muscles."),
            edited("One review included two studies with 403 people.", IRON),
            review_yaml(what_we_found="One review included 12 studies with 840 people, and another included 10 studies with 1123 people."),
            review_yaml(what_we_found="We found 12 studies with 840 people; the largest study had 300 people."),
        ],
    },
}


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory):
    return load_config(tmp_path_factory.mktemp("empty-project"))


def scored_review(text: str, tmp_path: Path):
    path = tmp_path / "tiny.yaml"
    path.write_text(text, encoding="utf-8")
    review = load_review(path)
    summary = next(d for d in render_documents(review, TemplateSet(None)) if d.kind == "summary")
    return score_document(summary)


def run_check(check_id: str, text: str, config, tmp_path: Path) -> list:
    scored = scored_review(text, tmp_path) if check_id in REVIEW_CHECKS else score_markdown(text)
    return list(registry[check_id].function(scored, config))


@pytest.mark.parametrize("check_id,text", case_params(CASES, "flag"))
def test_flags(check_id: str, text: str, config, tmp_path: Path) -> None:
    flags = run_check(check_id, text, config, tmp_path)
    assert flags, f"{check_id} should flag: {text[-200:]!r}"
    for flag in flags:
        assert flag.message and flag.suggestion


@pytest.mark.parametrize("check_id,text", case_params(CASES, "pass"))
def test_passes(check_id: str, text: str, config, tmp_path: Path) -> None:
    flags = run_check(check_id, text, config, tmp_path)
    assert not flags, f"{check_id} should pass {text[-200:]!r}, got {[f.message for f in flags]}"


def test_jargon_names_the_plain_alternative(config) -> None:
    [flag] = run_check("plain.jargon", "Some trials used a placebo.", config, Path("."))
    assert "placebo" in flag.message
    assert "fake treatment" in flag.suggestion
    assert flag.sentence == "Some trials used a placebo."


def test_jargon_reports_each_term_once(config) -> None:
    flags = run_check("plain.jargon", "Placebo helped. Placebo did not help.", config, Path("."))
    assert len(flags) == 1


def test_abbreviation_suggests_the_long_form_from_the_abstract(config, tmp_path: Path) -> None:
    scored = scored_review(review_yaml(what_we_found="We found 12 RCTs."), tmp_path)
    text = scored.document.review.rendered["sections.selection_criteria.technical"]
    assert "RCT" not in text  # the tiny review does not define it, so the suggestion is generic
    [flag] = list(registry["plain.abbreviation"].function(scored, config))
    assert "RCTs" in flag.message


def test_allow_option_silences_a_word(tmp_path: Path) -> None:
    (tmp_path / "plainsum.toml").write_text('[checks."plain.rare-word"]\nallow = ["lumbosacral"]\n', encoding="utf-8")
    config = load_config(tmp_path)
    assert not run_check("plain.rare-word", "The lumbosacral nerves.", config, tmp_path)


def test_findings_point_at_the_yaml_line(tmp_path: Path) -> None:
    """A finding in the lay summary names the file, line and column where the word is written."""
    text = review_yaml(what_we_found="We found 12 studies.\n\n\n  Adverse events were rare.")
    path = tmp_path / "tiny.yaml"
    path.write_text(text, encoding="utf-8")
    config = load_config(tmp_path)
    review = load_review(path)
    summary = next(d for d in render_documents(review, TemplateSet(None)) if d.kind == "summary")
    findings = [f for f in registry.run(score_document(summary), config) if f.check == "plain.jargon"]
    assert findings
    finding = findings[0]
    line = text.splitlines()[finding.location.line - 1]
    assert line[finding.location.column - 1 :].lower().startswith("adverse events")
    assert finding.as_dict()["suggestion"]


def test_check_json_lists_each_finding_with_its_place_and_suggestion(tmp_path: Path, cli) -> None:
    """`plainsum check --format json` (the CI output) carries check id, severity, file, line, column, suggestion."""
    import json

    (tmp_path / "content").mkdir()
    text = review_yaml(what_we_found="We found 12 studies. Adverse events were rare.")
    (tmp_path / "content" / "tiny.yaml").write_text(text, encoding="utf-8")
    run = cli("check", "--format", "json", cwd=tmp_path)
    if run.returncode == 2 and "--format" in run.stderr:
        pytest.skip("plainsum check --format is not available yet")
    data = json.loads(run.stdout)
    findings = []

    def collect(node) -> None:
        if isinstance(node, dict):
            if "check" in node and "severity" in node:
                findings.append(node)
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(data)
    jargon = [f for f in findings if f["check"] == "plain.jargon"]
    assert jargon, findings
    finding = jargon[0]
    assert finding["severity"] == "warning"
    assert finding["file"].endswith("tiny.yaml")
    line = text.splitlines()[finding["line"] - 1]
    assert line[finding["column"] - 1 :].startswith("Adverse events")
    assert "unwanted" in finding["suggestion"]


def test_glossary_has_at_least_150_distinct_terms_with_plain_alternatives() -> None:
    import yaml

    from plainsum.checks.glossary import GLOSSARY_PATH, load_glossary

    node = yaml.compose(GLOSSARY_PATH.read_text(encoding="utf-8"))
    keys = [key.value for key, _ in node.value]
    assert len(keys) == len(set(keys)), "duplicate glossary terms"
    glossary = load_glossary()
    assert len(glossary) >= 150
    for entry in glossary.entries:
        assert entry.plain.lower() != entry.term.lower()


@pytest.mark.parametrize("text,term", [
    ("They were randomized.", "randomised"),
    ("Two randomised controlled trials were found.", "randomised controlled trial"),
    ("Edema and anemia were common.", "oedema"),
    ("Both therapies reduced morbidities.", "morbidity"),
    ("Two meta-analyses agreed.", "meta-analysis"),
    ("We saw no adverse-events.", "adverse event"),
])
def test_glossary_matches_spellings_and_plurals(text: str, term: str) -> None:
    from plainsum.checks.glossary import load_glossary

    assert term in [hit.entry.term for hit in load_glossary().find(text)]


def test_severity_and_switch_come_from_the_config(tmp_path: Path, cli) -> None:
    """A new number is an error by default (the gate fails); set to warning it is listed; off, it is gone."""
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "tiny.yaml").write_text(
        review_yaml(what_we_found="We found 14 studies with 840 people."), encoding="utf-8")
    config_file = tmp_path / "plainsum.toml"
    settings = '[checks]\n"cochrane.length" = "off"\n'
    config_file.write_text(settings, encoding="utf-8")
    run = cli("check", "-v", cwd=tmp_path)
    assert run.returncode == 1 and "error [results.number] the number 14" in run.stdout, run.stdout + run.stderr
    config_file.write_text(settings + '"results.number" = "warning"\n', encoding="utf-8")
    run = cli("check", "-v", cwd=tmp_path)
    assert run.returncode == 0 and "warning [results.number] the number 14" in run.stdout, run.stdout
    config_file.write_text(settings + '"results.number" = "off"\n', encoding="utf-8")
    run = cli("check", "-v", cwd=tmp_path)
    assert run.returncode == 0 and "results.number" not in run.stdout


@pytest.mark.parametrize("text", [
    "Oedema and edema; aetiology, etiology. Anaemia-related; non-randomised randomized (RCT) trials.",
    "X-placebo placebo-controlled 3placebo _placebo placebo_ Placebos PLACEBO placebo's",
    "A randomised controlled trial, a randomized trial and a cluster-randomised trial of adverse events.",
    "Systematic reviews\nof cohort  studies; the confidence interval (CI) and the relative risk.",
])
def test_glossary_finds_what_its_single_pattern_finds(text: str) -> None:
    from plainsum.checks.glossary import load_glossary

    glossary = load_glossary()
    expected = [(m.start(), m.end()) for m in glossary._pattern.finditer(text)]
    assert expected, "the text holds no glossary term"
    assert [(m.start(), m.end()) for m in glossary._matches(text)] == expected


@pytest.mark.parametrize("check_id,text", case_params(NUMBER_CASES, "flag"))
def test_worked_out_numbers_flags(check_id: str, text: str, config, tmp_path: Path) -> None:
    test_flags(check_id, text, config, tmp_path)


@pytest.mark.parametrize("check_id,text", case_params(NUMBER_CASES, "pass"))
def test_worked_out_numbers_passes(check_id: str, text: str, config, tmp_path: Path) -> None:
    test_passes(check_id, text, config, tmp_path)


# NUMBER opens with its first digit and reads what precedes it by lookbehinds taken after that digit (a speed-up,
# issue 28); it finds exactly what the plain form, lookbehinds first, finds.
_NUMBER_PLAIN_FORM = r"(?<![\w.,])(?<![A-Za-z]-)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w]|,\d{3})"


@pytest.mark.parametrize("text", [
    "12 of 840 people (1.4%)", "1,234,567 and 1,23 and 12,3456", "COVID-19 and 19-year-olds", "x1 1x .5 ,5 a.5 5.",
    "3.2.1", "p=.03", "0.73 (95% CI 0.61 to 0.88)", "1\u0661 \u0661\u0662 \u00b2 2\u00b2", "A-1 -1 a-b-2", "",
    "10,000.5 people", "2013;12(3):45-67",
])
def test_number_pattern_finds_what_its_plain_form_finds(text: str) -> None:
    import re

    from plainsum.checks.plain import NUMBER

    plain = re.compile(_NUMBER_PLAIN_FORM)
    assert [(m.span(), m.groups()) for m in NUMBER.finditer(text)] == [(m.span(), m.groups()) for m in plain.finditer(text)]


def test_number_pattern_on_random_strings() -> None:
    import random
    import re

    from plainsum.checks.plain import NUMBER

    plain = re.compile(_NUMBER_PLAIN_FORM)
    generator = random.Random(28)
    alphabet = "0123456789,.- aA_x\u0661\u00b2\u2013\n%"
    for _ in range(20_000):
        text = "".join(generator.choice(alphabet) for _ in range(generator.randint(0, 14)))
        assert [(m.span(), m.groups()) for m in NUMBER.finditer(text)] == [(m.span(), m.groups()) for m in plain.finditer(text)]


def test_digit_numbers_of_ascii_texts_are_numbers_finds() -> None:
    """digit_numbers reads an ASCII text with NUMBER compiled for ASCII: the same numbers as NUMBER finds."""
    import random

    from plainsum.checks.plain import NUMBER, digit_numbers, normalise_number

    generator = random.Random(28)
    alphabet = "0123456789,.- aA_x\n%(;:"
    for _ in range(20_000):
        text = "".join(generator.choice(alphabet) for _ in range(generator.randint(0, 14)))
        assert digit_numbers(text) == tuple((m.start(), m.end(), normalise_number(m.group(1))) for m in NUMBER.finditer(text))


def test_rare_words_decided_once_a_word_are_those_decided_each_time() -> None:
    # rare_words keeps what it decided about a word (rare_verdicts); where the word stands still decides whether a
    # capitalised one is a name in mid-sentence, and whether it is explained in brackets
    from plainsum.checks.glossary import load_glossary, rare_verdicts, rare_words

    sentences = [
        "Pruritus was common. Patients with pruritus and xerostomia (dry mouth) were seen.",
        "Xerostomia improved, and the Xerostomia Trial found pruritus less often.",
        "The nebuliser's effect: xerostomia's course, randomised participants and bronchiolitis-related care.",
        "Bronchiolitis (a chest infection) was rare; pruritus (itch) too.",
    ]
    glossary = load_glossary()
    for allow in (set(), {"pruritus"}):
        verdicts = rare_verdicts(2.5, allow, glossary)
        for text in sentences * 2:
            assert rare_words(text, 2.5, allow, glossary, verdicts=verdicts) == rare_words(text, 2.5, allow, glossary)
        assert verdicts
