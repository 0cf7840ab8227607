"""The three classes of sentence-boundary misses fixed in the splitter, with the exact sentences expected.

Texts are written for plainsum in the style of Cochrane abstracts and lay summaries as they reach
plainsum in practice: pasted plain text with subheadings on their own lines, text scraped without the
space after a full stop, and names of species and authors with initials. No corpus text is copied.
"""

from __future__ import annotations

import pytest

from plainsum.readability.score import score_markdown

# (a) A line with no terminal punctuation that the writer ended on purpose is a unit of its own.
LINE_UNITS = [
    ("General population\nThere were 20 trials in adults over 40.",
     ["General population", "There were 20 trials in adults over 40."]),
    ("Background\nAsthma is common in children. It often starts early.",
     ["Background", "Asthma is common in children.", "It often starts early."]),
    ("Key results\nWe found moderate-certainty evidence that the vaccine prevents flu (RR 0.41, 95% CI 0.36 to 0.47).",
     ["Key results", "We found moderate-certainty evidence that the vaccine prevents flu (RR 0.41, 95% CI 0.36 to 0.47)."]),
    ("Antibiotics versus placebo\nWe included 13 trials (3401 children).\nSurgery versus watchful waiting\nTwo trials compared them.",
     ["Antibiotics versus placebo", "We included 13 trials (3401 children).", "Surgery versus watchful waiting", "Two trials compared them."]),
    ("Quality of the evidence\n2 of the 9 trials were at low risk of bias.",
     ["Quality of the evidence", "2 of the 9 trials were at low risk of bias."]),
    ("Implications for practice \nSteroids reduce the need for a breathing tube.",
     ["Implications for practice", "Steroids reduce the need for a breathing tube."]),
    ("Study characteristics\nThe evidence is current to March 2021.\nStudy funding sources\nMost trials were paid for by drug makers.",
     ["Study characteristics", "The evidence is current to March 2021.", "Study funding sources", "Most trials were paid for by drug makers."]),
    # hard-wrapped prose: the next word would not have fitted, so the break is not a unit end
    ("We searched the Cochrane Central Register of Controlled Trials and\nMEDLINE and Embase up to May 2020 for trials in adults.",
     ["We searched the Cochrane Central Register of Controlled Trials and MEDLINE and Embase up to May 2020 for trials in adults."]),
    ("Participants were adults with chronic low back pain lasting twelve\nWeeks or more, recruited from primary care clinics in the UK.",
     ["Participants were adults with chronic low back pain lasting twelve Weeks or more, recruited from primary care clinics in the UK."]),
    # a line ending in a comma or a conjunction's hyphen runs on
    ("The trials measured pain,\nFunction and quality of life.",
     ["The trials measured pain, Function and quality of life."]),
]

# (b) A capital letter right after ".", "?" or "!" with no space starts a sentence, unless the left
# side is an abbreviation, an initialism, a URL or a DOI.
GLUED = [
    ("Risk of bias was assessed by standard methods.There were 12 trials.",
     ["Risk of bias was assessed by standard methods.", "There were 12 trials."]),
    ("Pain improved (RR 0.80, 95% CI 0.71 to 0.90).The effect lasted six months.",
     ["Pain improved (RR 0.80, 95% CI 0.71 to 0.90).", "The effect lasted six months."]),
    ("Do antibiotics help?No trial answered this.",
     ["Do antibiotics help?", "No trial answered this."]),
    ("The certainty of the evidence was low.Review question: does zinc shorten colds?",
     ["The certainty of the evidence was low.", "Review question: does zinc shorten colds?"]),
    ("Few trials reported harms.Therefore, we are uncertain about safety.",
     ["Few trials reported harms.", "Therefore, we are uncertain about safety."]),
    ("We included 38 studies (n = 4,212).Twelve were from China.",
     ["We included 38 studies (n = 4,212).", "Twelve were from China."]),
    ("Trials were registered at www.ClinicalTrials.Gov before they started.",
     ["Trials were registered at www.ClinicalTrials.Gov before they started."]),
    ("The review is doi:10.1002/14651858.CD000009.Pub4 in the library.",
     ["The review is doi:10.1002/14651858.CD000009.Pub4 in the library."]),
    ("Trials from the U.S.A. and Europe were eligible.",
     ["Trials from the U.S.A. and Europe were eligible."]),
    ("Treatments such as drugs (e.g.Ibuprofen) were allowed.",
     ["Treatments such as drugs (e.g.Ibuprofen) were allowed."]),
    ("Participants had an infection with E.Coli at baseline.",
     ["Participants had an infection with E.Coli at baseline."]),
]

# (c) An initial of a species or an author before a capitalised word or a bracket does not end a
# sentence; a letter naming a vitamin, a virus or a trial still does before an ordinary sentence.
INITIALS = [
    ("Urinary infection with E. Coli was the main outcome.",
     ["Urinary infection with E. Coli was the main outcome."]),
    ("Eradication of H. Pylori was confirmed by breath test.",
     ["Eradication of H. Pylori was confirmed by breath test."]),
    ("Carriage of S. Aureus fell in both groups.",
     ["Carriage of S. Aureus fell in both groups."]),
    ("As Cohen J. (1988) proposed, we took 0.2 as a small effect.",
     ["As Cohen J. (1988) proposed, we took 0.2 as a small effect."]),
    ("Two authors (R. Patel; E. Owusu) extracted the data.",
     ["Two authors (R. Patel; E. Owusu) extracted the data."]),
    ("The protocol follows Higgins JPT, Green S. Cochrane Handbook guidance on bias.",
     ["The protocol follows Higgins JPT, Green S. Cochrane Handbook guidance on bias."]),
    ("Five trials compared I.V. Iloprost with placebo.",
     ["Five trials compared I.V. Iloprost with placebo."]),
    ("The U.S. Food and Drug Administration approved the drug in 2015.",
     ["The U.S. Food and Drug Administration approved the drug in 2015."]),
    ("Most trials were done in the U.S. The others were done in Europe.",
     ["Most trials were done in the U.S.", "The others were done in Europe."]),
    ("We studied adults with chronic hepatitis C. The effect of the dose was also studied.",
     ["We studied adults with chronic hepatitis C.", "The effect of the dose was also studied."]),
    ("Children took vitamin A. However, high doses caused vomiting.",
     ["Children took vitamin A.", "However, high doses caused vomiting."]),
    ("The drug worked in haemophilia A. Thus, we cannot draw firm conclusions for B.",
     ["The drug worked in haemophilia A.", "Thus, we cannot draw firm conclusions for B."]),
    ("We measured heterogeneity with Cochran's Q. We used a random-effects model.",
     ["We measured heterogeneity with Cochran's Q.", "We used a random-effects model."]),
]

# (d) A title's abbreviation written in capitals is an acronym that ends a sentence ("MS." of multiple sclerosis,
# "ED." of the emergency department), while the title itself does not ("Ms. Patel").
ACRONYMS = [
    ("Three small studies looked at rituximab in secondary progressive MS. The evidence is uncertain.",
     ["Three small studies looked at rituximab in secondary progressive MS.", "The evidence is uncertain."]),
    ("Most people were seen in the ED. Few were admitted.",
     ["Most people were seen in the ED.", "Few were admitted."]),
    ("The nurse, Ms. Patel, gave the doses.", ["The nurse, Ms. Patel, gave the doses."]),
]

CASES = LINE_UNITS + GLUED + INITIALS + ACRONYMS


@pytest.mark.parametrize("text, expected", CASES, ids=[text[:45] for text, _ in CASES])
def test_exact_sentences(text: str, expected: list[str]) -> None:
    assert [sentence.text for sentence in score_markdown(text, min_words=0).sentences] == expected


def test_there_are_at_least_thirty_new_cases() -> None:
    assert len(CASES) >= 30 and all(len(group) >= 8 for group in (LINE_UNITS, GLUED, INITIALS))


def test_each_unit_keeps_its_place_in_the_file() -> None:
    text = "General population\nThere were 20 trials."
    scored = score_markdown(text, min_words=0)
    locations = [scored.document.locate(sentence.offset) for sentence in scored.sentences]
    assert [(location.line, location.column) for location in locations] == [(1, 1), (2, 1)]


@pytest.mark.parametrize("language, text, expected", [
    ("es", "Se incluyeron 12 ensayos, p. ej. en Chile. Los resultados fueron claros.",
     ["Se incluyeron 12 ensayos, p. ej. en Chile.", "Los resultados fueron claros."]),
    ("fr", "Les essais, c.-à-d. les études randomisées, étaient petits. Nous sommes incertains.",
     ["Les essais, c.-à-d. les études randomisées, étaient petits.", "Nous sommes incertains."]),
    ("de", "Am 15. Oktober 2023 suchten wir z. B. in MEDLINE. Wir fanden zwei Studien usw. Mehr gab es nicht.",
     ["Am 15. Oktober 2023 suchten wir z. B. in MEDLINE.", "Wir fanden zwei Studien usw.", "Mehr gab es nicht."]),
    ("it", "Gli studi erano piccoli, ecc. Alcuni non hanno riportato gli effetti, ad es. la nausea.",
     ["Gli studi erano piccoli, ecc.", "Alcuni non hanno riportato gli effetti, ad es. la nausea."]),
    ("pt", "Os estudos, p. ex. os do Brasil, eram pequenos. Precisamos de mais estudos.",
     ["Os estudos, p. ex. os do Brasil, eram pequenos.", "Precisamos de mais estudos."]),
    ("nl", "De studies waren klein, bijv. minder dan 50 kinderen. We weten het niet zeker.",
     ["De studies waren klein, bijv. minder dan 50 kinderen.", "We weten het niet zeker."]),
])
def test_abbreviations_of_each_language(language: str, text: str, expected: list[str]) -> None:
    assert [s.text for s in score_markdown(text, min_words=0, language=language).sentences] == expected


# German writes ordinals with a full stop ("am 15. Oktober", "der 3. Versuch"): the full stop after a
# number ends a sentence only before a usual opener, and always after a year.
GERMAN_ORDINALS = [
    ("Wir suchten nach Studien bis zum Jahr 2024. Wir fanden 12 Studien.",
     ["Wir suchten nach Studien bis zum Jahr 2024.", "Wir fanden 12 Studien."]),
    ("Die Suche lief bis 2013. Danach gab es keine neuen Studien mehr.",
     ["Die Suche lief bis 2013.", "Danach gab es keine neuen Studien mehr."]),
    ("Die Zahl der Studien war 17. Sie wurden alle gelesen.",
     ["Die Zahl der Studien war 17.", "Sie wurden alle gelesen."]),
    ("Wir suchten am 15. Oktober in MEDLINE. Der 3. Versuch war der größte.",
     ["Wir suchten am 15. Oktober in MEDLINE.", "Der 3. Versuch war der größte."]),
    ("Am 1. Jänner und am 2. Mai suchten wir erneut. Im 19. Jahrhundert gab es keine Studien.",
     ["Am 1. Jänner und am 2. Mai suchten wir erneut.", "Im 19. Jahrhundert gab es keine Studien."]),
    ("Die Studie lief vom 3. Okt. bis zum 12. Dez. Danach endete sie.",
     ["Die Studie lief vom 3. Okt. bis zum 12. Dez.", "Danach endete sie."]),
]


@pytest.mark.parametrize("text, expected", GERMAN_ORDINALS, ids=[text[:45] for text, _ in GERMAN_ORDINALS])
def test_german_ordinals_and_sentence_ends(text: str, expected: list[str]) -> None:
    assert [s.text for s in score_markdown(text, min_words=0, language="de").sentences] == expected


def test_the_reviewers_german_text_has_six_sentences() -> None:
    text = ("Wir suchten nach Studien bis zum Jahr 2024. Wir fanden 12 Studien. Die Suche lief bis 2013. Danach gab es "
            "keine neuen Studien mehr. Die Zahl der Studien war 17. Sie wurden alle gelesen.")
    assert len(score_markdown(text, min_words=0, language="de").sentences) == 6
