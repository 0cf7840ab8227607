"""The text model: sentence boundaries in medical writing, headings, list items, words and offsets."""

from __future__ import annotations

import pytest

from plainsum.readability.score import score_markdown
from plainsum.readability.textmodel import parse, split_sentences, tokens

# (text, number of sentences). Written in the style of Cochrane abstracts and lay summaries:
# statistics, abbreviations and units must not end a sentence.
BOUNDARY_CASES = [
    # decimals, confidence intervals, p-values, ranges, ratios
    ("Pain fell at four weeks (RR 0.73, 95% CI 0.65 to 0.81). Two trials reported harms.", 2),
    ("The mean difference was -1.25 points (95% CI -2.10 to -0.40; P = 0.004).", 1),
    ("Mortality did not differ (OR 1.02, 95% CI 0.87 to 1.19; I² = 0%; 12 trials, 3008 participants).", 1),
    ("The effect was small (SMD 0.21, 95% CI 0.05 to 0.37). Heterogeneity was low.", 2),
    ("There was no clear difference (p = .43). The evidence was of low certainty.", 2),
    ("Serum sodium rose by 4.5 mmol/L. No participant had seizures.", 2),
    ("Doses ranged from 0.5 to 2.5 mg/kg/day in 1:1 or 2:1 ratios.", 1),
    ("The hazard ratio was 0.81 (0.70-0.94), favouring surgery.", 1),
    ("Response rates were 45.2% and 38.7% respectively. Results were similar at 12 months.", 2),
    ("Follow-up lasted 6 to 24 months (median 12.5).", 1),
    ("The NNTB was 8 (95% CI 5 to 20). Withdrawals were rare.", 2),
    ("Fasting glucose above 7.0 mmol/L or random glucose above 11.1 mmol/L excluded participants.", 1),
    # abbreviations
    ("Some drugs, e.g. aspirin, were allowed. Others were not.", 2),
    ("Trials used sham devices, i.e. devices that looked the same but did nothing.", 1),
    ("Smith et al. reported fewer falls. Jones et al. did not.", 2),
    ("As reported by Smith et al. (2010), falls were fewer.", 1),
    ("Acupuncture vs. sham acupuncture was compared in five trials.", 1),
    ("We included approx. 3000 participants from 12 countries.", 1),
    ("See Fig. 2 for the flow of studies. Table 1 lists them.", 2),
    ("Dr. Jones and Prof. Lee screened the records. They agreed on most.", 2),
    ("Outcomes included pain, function, etc. Adverse events were also recorded.", 2),
    ("Trials (e.g. those by Smith et al.) were small.", 1),
    ("Searches ran to Oct. 2013 in all databases.", 1),
    ("Studies were done in the U.S. and in Canada.", 1),
    ("Infection with E. coli was the main outcome.", 1),
    ("Dr. J. K. Rowling wrote the protocol. It was published.", 2),
    ("Vitamin D. Three trials tested it.", 2),
    # questions, exclamations, quotes, ellipses
    ("Does exercise help? We found six trials.", 2),
    ("Why does this matter? Because back pain is common!", 2),
    ('Participants were asked "How bad is your pain?" at each visit.', 1),
    ('One participant said "It helped." Others disagreed.', 2),
    ("The evidence is uncertain... More trials are needed.", 2),
    ("Results were mixed... and often poorly reported.", 1),
    ("(Two trials did not report this.) The rest did.", 2),
    ("Treatment lasted 12 weeks. 150 children took part.", 2),
    ("Pain was measured on a 0 to 10 scale (10 = worst pain). Function was not.", 2),
    ("Participants were aged ≥ 65 years. Most were women.", 2),
    ("The review question was: does yoga reduce anxiety?", 1),
    ("We searched MEDLINE, Embase and CENTRAL. We also checked trial registers.", 2),
    ("Blood pressure fell by 5/3 mmHg. This is a small change.", 2),
    ("Heart rate was 72 bpm. Oxygen saturation was 98%.", 2),
    ("Long-term, non-diabetic and placebo-controlled studies were eligible.", 1),
    ("Each session lasted 30 min. Patients then rested.", 2),  # a unit may end a sentence
    ("Trial No. 5 was stopped early for harm.", 1),
    ("Searches ran to 12 Jan. The update will follow.", 2),  # a month ends a sentence before a word
]


@pytest.mark.parametrize("text, expected", BOUNDARY_CASES, ids=[text[:40] for text, _ in BOUNDARY_CASES])
def test_sentence_boundaries(text: str, expected: int) -> None:
    spans = split_sentences(text)
    assert len(spans) == expected, [text[a:b] for a, b in spans]
    assert len(score_markdown(text).sentences) == expected


def test_there_are_at_least_forty_boundary_cases() -> None:
    assert len(BOUNDARY_CASES) >= 40


def test_sentences_keep_their_statistics_whole() -> None:
    text = "Pain fell (RR 0.73, 95% CI 0.65 to 0.81; p = .03). Smith et al. agreed."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Pain fell (RR 0.73, 95% CI 0.65 to 0.81; p = .03).",
        "Smith et al. agreed.",
    ]


def test_closing_quote_stays_with_its_sentence() -> None:
    text = 'She said "Stop." Then she left.'
    assert [text[a:b] for a, b in split_sentences(text)] == ['She said "Stop."', "Then she left."]


def test_headings_are_not_sentences_and_open_sections() -> None:
    model = parse("## Key messages\n\nExercise may help. It is safe.\n\n## What did we do?\n\nWe searched.\n")
    assert [s.heading for s in model.sections] == [None, "Key messages", "What did we do?"]
    assert [s.text for s in model.sentences] == ["Exercise may help.", "It is safe.", "We searched."]
    assert all(s.section == "What did we do?" for s in model.sections[2].sentences)


def test_each_list_item_is_a_sentence_even_without_a_full_stop() -> None:
    model = parse("We looked at:\n\n- pain\n- function at 6 months\n- side effects. Most were mild.\n")
    assert [s.text for s in model.sentences] == [
        "We looked at:", "pain", "function at 6 months", "side effects.", "Most were mild.",
    ]


def test_lines_of_one_paragraph_join_into_one_sentence() -> None:
    model = parse("Two trials with 120 people\nwere found.\n")
    assert [s.text for s in model.sentences] == ["Two trials with 120 people were found."]


def test_inline_markup_is_not_text() -> None:
    model = parse("We found **no** trials of [immunotherapy](https://example.org). *None* at all.")
    assert [s.text for s in model.sentences] == ["We found no trials of immunotherapy.", "None at all."]


def test_sentence_offsets_point_into_the_markdown() -> None:
    body = "## Results\n\nFirst sentence here. Second one *with* markup.\n\n- an item\n"
    for sentence in parse(body).sentences:
        assert body[sentence.offset] == sentence.text[0]
    second = parse(body).sentences[1]
    assert body[second.offset :].startswith("Second one")


@pytest.mark.parametrize(
    "text, words",
    [
        ("RR 0.73, 95% CI 0.65 to 0.81", 7),  # numbers and percentages are words
        ("long-term follow-up", 2),  # hyphenated compounds are one word
        ("5 mg/kg twice daily", 4),  # a unit with a slash is one word
        ("pain — and fatigue", 3),  # a dash standing alone is not a word
        ("pain—and fatigue", 3),  # an em dash between words separates them
        ("≥ 65 years ± 2", 3),  # symbols alone are not words
        ("patients' and children's views", 4),
    ],
)
def test_word_counting_rules(text: str, words: int) -> None:
    assert score_markdown(text).figures["words"] == words


def test_tokens_split_on_em_dash_and_ellipsis() -> None:
    assert tokens("pain—fatigue…sleep") == ["pain", "fatigue", "sleep"]


def test_spaced_number_search_is_the_digit_before_rule():
    """_has_spaced_number: a space and three digits (no fourth) after a character that str.isdigit calls a digit,
    whichever way it searches (one regular expression for ASCII text)."""
    import re

    from plainsum.readability.textmodel import _has_spaced_number

    def reference(text: str) -> bool:
        if "\u00a0" in text or "\u202f" in text or "\u2009" in text:
            return re.search(r"\d[ \u00a0\u202f\u2009]\d{3}(?!\d)", text) is not None
        return any(text[m.start() - 1 : m.start()].isdigit() for m in re.finditer(r" \d{3}(?!\d)", text))

    texts = ["3 450 people", "3 4500", "a 450", " 450", "450", "12 345 678", "x² 450", "1\u00a0450", "1\u202f450 and 2 300",
             "no numbers", "2 45", "9 999x", "é 3 450", "é x 450", "1 \u0663\u0664\u0665", "\u0663 450", "0 000", ""]
    for text in texts:
        assert _has_spaced_number(text) == reference(text), text


def test_tokens_remembered_as_ending_change_no_split():
    """_ends_sentence remembers the tokens that end a sentence before any capital; a month, "al." or an initial
    that ended one sentence still reads its context in the next."""
    from plainsum.readability import textmodel

    texts = ["It began in Jan. The trial ran.", "It began in Jan. 2013 and ran.", "Smith et al. The next.",
             "Smith et al. 2010 found it.", "Jones al. 2010 found it.", "Take vitamin D. Three trials.",
             "Dr. J. Smith came.", "See the U.S. Food and Drug Administration.", "In the U.S. The law.",
             "It ended. Then it began. It ended. 2020 was next.", "Many trials. Trials. Many trials.", "Wow! Then. Wow! then."]
    textmodel._ENDING_TOKENS.clear()
    cold = [split_sentences(text) for text in texts]
    warm = [split_sentences(text) for text in texts]
    reverse = [split_sentences(text) for text in reversed(texts)][::-1]
    textmodel._ENDING_TOKENS.clear()
    alone = []
    for text in texts:
        textmodel._ENDING_TOKENS.clear()
        alone.append(split_sentences(text))
    assert cold == warm == reverse == alone


def test_ascii_spaced_number_search_agrees_with_the_regular_expression() -> None:
    """The quick test of an ASCII text for a spaced number (digits read as 0 in its bytes, "0 000") answers as the
    regular expression it stands before does (issue 28)."""
    import random

    from plainsum.readability.textmodel import _DIGIT_SPACE_THREE_DIGITS, _has_spaced_number

    texts = ["3 450 people", "1 2345", "12 345 678", "a 123", "9 12", "x 1 000.5", "", "0 000", "5  000", "5\t000"]
    generator = random.Random(28)
    texts += ["".join(generator.choice("0123456789 a.\t") for _ in range(generator.randint(0, 12))) for _ in range(20_000)]
    for text in texts:
        assert _has_spaced_number(text) == (_DIGIT_SPACE_THREE_DIGITS.search(text) is not None), text
