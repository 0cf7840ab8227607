"""A pre-score of a lay summary on the CDC Clear Communication Index, for the items a program can judge.

The CDC Clear Communication Index (Centers for Disease Control and Prevention, "CDC Clear
Communication Index: A Tool for Developing and Assessing CDC Public Communication Products.
User Guide", 2014, revised 2019; and its Score Sheet; https://www.cdc.gov/ccindex/) has 20
scored items in four parts: A, core (items 1 to 11, for every material); B, behavioural
recommendations (12 to 14); C, numbers (15 to 17); D, risk (18 to 20); parts B to D only where
the material has recommendations, numbers or risk. An item earns a point only when every instance
in the material meets it; the score is the points earned over the items that apply, times 100.

plainsum judges the items below from the summary's text and structure, says what it found and
where, and lists the others as a person's to judge. The result is shown as "n of m automated
items": it is not the Index's score, which needs a person for the rest (and the Index asks that
someone other than the author scores a material).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from plainsum.checks import RECOMMENDATION, jargon_marks, load_glossary, passive_matches
from plainsum.render.markup import Block, blocks
from plainsum.words.numbers import plural

if TYPE_CHECKING:
    from plainsum.config.settings import Config
    from plainsum.readability.score import Scored, Sentence

SOURCE = ("CDC Clear Communication Index, User Guide and Score Sheet (Centers for Disease Control and "
          "Prevention, 2014; revised 2019), https://www.cdc.gov/ccindex/")


@dataclass(frozen=True)
class Item:
    number: int
    part: str
    question: str  # in plainsum's words; the Score Sheet has the Index's own
    automated: bool


ITEMS = (
    Item(1, "A. Main message and call to action", "Is there one main message?", False),
    Item(2, "A. Main message and call to action", "Is the main message at the top?", True),
    Item(3, "A. Main message and call to action", "Is the main message set apart visually?", False),
    Item(4, "A. Main message and call to action", "Does a visual support the main message?", False),
    Item(5, "A. Main message and call to action", "Is there a call to action?", False),
    Item(6, "A. Language", "Are the main message and the call to action in the active voice?", True),
    Item(7, "A. Language", "Does it use the readers' own words (jargon explained)?", True),
    Item(8, "A. Information design", "Does it use bulleted or numbered lists?", True),
    Item(9, "A. Information design", "Is it in chunks under plain headings?", True),
    Item(10, "A. Information design", "Is the most important information summarised first?", False),
    Item(11, "A. State of the science", "Does it say what is known and not known (uncertainty)?", True),
    Item(12, "B. Behavioural recommendations", "Does it recommend a behaviour?", True),
    Item(13, "B. Behavioural recommendations", "Does it say why the behaviour matters?", False),
    Item(14, "B. Behavioural recommendations", "Does it say how to do it?", False),
    Item(15, "C. Numbers", "Are numbers ones readers use (whole numbers, natural frequencies)?", True),
    Item(16, "C. Numbers", "Does it explain what the numbers mean?", True),
    Item(17, "C. Numbers", "Can readers do without calculating?", False),
    Item(18, "D. Risk", "Does it explain the nature of the risk?", False),
    Item(19, "D. Risk", "Does it give both risks and benefits?", False),
    Item(20, "D. Risk", "Is a numeric probability also put in words or a picture?", False),
)


@dataclass(frozen=True)
class Judgement:
    item: Item
    applies: bool
    passed: bool | None  # None: a person's to judge
    finding: str
    where: str = ""  # what the finding comes from: a section, a check, a file:line

    def as_dict(self) -> dict[str, object]:
        return {"item": self.item.number, "part": self.item.part, "question": self.item.question,
                "automated": self.item.automated, "applies": self.applies, "passed": self.passed,
                "finding": self.finding, "where": self.where}


@dataclass(frozen=True)
class PreScore:
    judgements: list[Judgement]

    @property
    def automated(self) -> list[Judgement]:
        return [j for j in self.judgements if j.item.automated and j.applies]

    @property
    def passed(self) -> int:
        return sum(1 for j in self.automated if j.passed)

    @property
    def label(self) -> str:
        return f"{self.passed} of {len(self.automated)} automated items"

    def as_dict(self) -> dict[str, object]:
        return {"passed": self.passed, "automated_items": len(self.automated), "label": self.label,
                "source": SOURCE, "items": [j.as_dict() for j in self.judgements]}


MAIN_MESSAGE_HEADING = re.compile(r"^(key|main) (messages?|points?|findings?)\b|^(in brief|at a glance|the bottom line)\b", re.I)
UNCERTAINTY = re.compile(
    r"\b(uncertain\w*|certainty|confiden\w*|limitations?|(?:do|did) not know|don't know|unclear|not (?:sure|clear)|"
    r"more (?:research|studies|trials)|(?:little|no|not enough|limited|weak|low[- ]quality|very low|low|moderate) "
    r"(?:evidence|quality)|evidence (?:is|was) (?:weak|limited|low|very low|unclear))\b",
    re.I,
)
ADVICE = re.compile(r"\b(talk (?:to|with) your|ask your|speak (?:to|with) your|see your (?:doctor|nurse|GP))\b", re.I)
YEAR = re.compile(r"^(?:19|20)\d\d$")
NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?%?")
HARD_NUMBER = re.compile(
    r"(?<![\w.])\d+\.\d+(?![\w.])|\b(?-i:RR|OR|HR|CI|MD|SMD|NNT)\b|\bp\s*[<=>]|\b(?:risk|odds|hazard|rate) ratios?\b|"
    r"\bconfidence intervals?\b|\bmean differences?\b", re.I,
)
RESULT_NUMBER = re.compile(
    r"\d\s*%|\bper cent\b|\bpercent\b|\b(?:out of|in every|per)\s+\d|\bin \d[\d,]* (?:people|adults|children|women|men)\b", re.I,
)
EXPLAINED = re.compile(
    r"\b(fewer|more|less|lower|higher|same|similar|differen\w*|compared|than|means?|that is|in other words|"
    r"out of|in every|for every|instead of)\b", re.I,
)


def _sentences_in(scored: Scored, block: Block) -> list[Sentence]:
    if not block.offsets:
        return []
    start, end = block.offsets[0], block.offsets[-1]
    return [s for s in scored.sentences if start <= s.offset <= end]


def _where(scored: Scored, sentence: Sentence) -> str:
    if scored.document.review is None:
        return f"{scored.document.source_path}, sentence at offset {sentence.offset}"
    return str(scored.document.locate(sentence.offset, sentence.text))


def _count(number: int, noun: str) -> str:
    return plural(number, noun)


def _quote(text: str, limit: int = 90) -> str:
    return f"\u201c{text if len(text) <= limit else text[: limit - 1] + '…'}\u201d"


class _Summary:
    """What the judgements look at: the blocks, the first section, the sentences with numbers."""

    def __init__(self, scored: Scored, config: Config):
        self.scored = scored
        self.config = config
        self.blocks = blocks(scored.document.body)
        self.headings = [b for b in self.blocks if b.kind == "heading"]
        opening: list[Block] = []
        for index, block in enumerate(self.blocks):
            if block.kind == "heading" and index > 0:
                break
            opening.append(block)
        self.opening = opening  # the first section: its heading (if any) and its text
        self.main_sentences = [s for b in opening if b.kind != "heading" for s in _sentences_in(scored, b)]


def main_message_at_top(summary: _Summary) -> Judgement:
    item = ITEMS[1]
    first = summary.opening[0] if summary.opening else None
    if first is None:
        return Judgement(item, True, False, "the summary is empty")
    if first.kind == "heading" and MAIN_MESSAGE_HEADING.search(first.text):
        return Judgement(item, True, True, f"it opens with its {first.text.lower()}", f"first heading: {first.text}")
    if first.kind == "item":
        return Judgement(item, True, True, "it opens with a list of its messages", "first block: a list")
    what = f"the section {_quote(first.text)}" if first.kind == "heading" else "a paragraph of background"
    return Judgement(item, True, False, f"it opens with {what}, not with its main message (a 'Key messages' section)",
                     "first section")


def active_voice(summary: _Summary) -> Judgement:
    item = ITEMS[5]
    for sentence in summary.main_sentences:
        found = passive_matches(sentence.text)
        if found:
            return Judgement(item, True, False, f"passive voice in the main message: {_quote(found[0].group(0))}",
                             _where(summary.scored, sentence))
    if not summary.main_sentences:
        return Judgement(item, True, False, "no main message to judge", "first section")
    return Judgement(item, True, True, f"{_count(len(summary.main_sentences), 'sentence')} of the main message, all active",
                     "check plain.passive on the first section")


def jargon_explained(summary: _Summary) -> Judgement:
    item = ITEMS[6]
    marks = jargon_marks(summary.scored, summary.config)
    if not marks:
        return Judgement(item, True, True, "no term of the glossary is used without an explanation", "check plain.jargon")
    terms = ", ".join(_quote(mark.text, 40) for mark in marks[:4]) + (" and more" if len(marks) > 4 else "")
    return Judgement(item, True, False, f"{_count(len(marks), 'term')} not explained: {terms}",
                     f"check plain.jargon; first at {summary.scored.document.locate(marks[0].offset, marks[0].text)}")


def lists_used(summary: _Summary) -> Judgement:
    item = ITEMS[7]
    count = sum(1 for b in summary.blocks if b.kind == "item")
    if count:
        return Judgement(item, True, True, _count(count, "list item"), "the summary's Markdown lists")
    return Judgement(item, True, False, "no bulleted or numbered list", "the summary's Markdown")


def plain_headings(summary: _Summary) -> Judgement:
    item = ITEMS[8]
    headings = summary.headings
    if len(headings) < 2:
        return Judgement(item, True, False, f"{_count(len(headings), 'heading')}: the text is not in chunks",
                         "the summary's headings")

    glossary = load_glossary()
    for heading in headings:
        words = len(heading.text.split())
        if words > 12:
            return Judgement(item, True, False, f"a heading of {words} words: {_quote(heading.text)}", "the summary's headings")
        hits = [hit for hit in glossary.find(heading.text) if not hit.explained]
        if hits:
            return Judgement(item, True, False, f"jargon in a heading: {_quote(hits[0].text, 40)} in {_quote(heading.text)}",
                             "the summary's headings, check plain.jargon")
    return Judgement(item, True, True, f"{len(headings)} headings, each short and without jargon", "the summary's headings")


def uncertainty_stated(summary: _Summary) -> Judgement:
    item = ITEMS[10]
    for sentence in summary.scored.sentences:
        match = UNCERTAINTY.search(sentence.text)
        if match:
            return Judgement(item, True, True, f"it says how sure the evidence is: {_quote(sentence.text)}",
                             _where(summary.scored, sentence))
    return Judgement(item, True, False, "nothing says how certain the evidence is or what is not known", "the whole summary")


def behaviour_recommended(summary: _Summary) -> Judgement:
    item = ITEMS[11]
    for sentence in summary.scored.sentences:
        match = RECOMMENDATION.search(sentence.text) or ADVICE.search(sentence.text)
        if match:
            return Judgement(item, True, True, f"it recommends: {_quote(sentence.text)}", _where(summary.scored, sentence))
    return Judgement(item, False, None, "no behaviour is recommended, so part B does not apply (as usual for a Cochrane summary)",
                     "the whole summary")


def _numbered(summary: _Summary) -> list[Sentence]:
    found = []
    for sentence in summary.scored.sentences:
        numbers = [n for n in NUMBER.findall(sentence.text) if not YEAR.match(n.rstrip("%"))]
        if numbers:
            found.append(sentence)
    return found


def numbers_readers_use(summary: _Summary) -> Judgement:
    item = ITEMS[14]
    numbered = _numbered(summary)
    if not numbered:
        return Judgement(item, False, None, "no numbers (other than years), so part C does not apply", "the whole summary")
    for sentence in numbered:
        match = HARD_NUMBER.search(sentence.text)
        if match:
            return Judgement(item, True, False, f"{_quote(match.group(0), 30)} is not a number readers use: {_quote(sentence.text)}",
                             _where(summary.scored, sentence))
    return Judgement(item, True, True, f"whole numbers or natural frequencies in {_count(len(numbered), 'sentence')} with numbers",
                     "every sentence with a number")


def numbers_explained(summary: _Summary) -> Judgement:
    item = ITEMS[15]
    numbered = _numbered(summary)
    if not numbered:
        return Judgement(item, False, None, "no numbers (other than years), so part C does not apply", "the whole summary")
    results = [s for s in numbered if RESULT_NUMBER.search(s.text)]
    for sentence in results:
        if not EXPLAINED.search(sentence.text):
            return Judgement(item, True, False, f"a result without a comparison or its meaning: {_quote(sentence.text)}",
                             _where(summary.scored, sentence))
    if not results:
        return Judgement(item, True, True, "the numbers are counts (of studies or people), which need no explaining",
                         "every sentence with a number")
    return Judgement(item, True, True, f"{_count(len(results), 'result')}, each compared or explained in words",
                     "every sentence with a percentage or frequency")


AUTOMATED: dict[int, Callable[[_Summary], Judgement]] = {
    2: main_message_at_top, 6: active_voice, 7: jargon_explained, 8: lists_used, 9: plain_headings,
    11: uncertainty_stated, 12: behaviour_recommended, 15: numbers_readers_use, 16: numbers_explained,
}


def pre_score(scored: Scored, config: Config) -> PreScore:
    """Each item of the Index: judged from the text where plainsum can, else left to a person."""
    summary = _Summary(scored, config)
    judged = {number: judge(summary) for number, judge in AUTOMATED.items()}
    recommends = judged[12].applies
    numbers = judged[15].applies
    judgements = []
    for item in ITEMS:
        if item.number in judged:
            judgements.append(judged[item.number])
        elif item.number in (13, 14) and not recommends:
            judgements.append(Judgement(item, False, None, "part B does not apply (no behaviour is recommended)"))
        elif item.number == 17 and not numbers:
            judgements.append(Judgement(item, False, None, "part C does not apply (no numbers)"))
        else:
            judgements.append(Judgement(item, True, None, "for a person to judge"))
    return PreScore(judgements)
