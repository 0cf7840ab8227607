"""Numbers in a lay summary, in digits or in words, held against what the review's data states.

A number may be one the abstract, the facts or the results state, or one derived from them: the
risks and differences per 1000 of an absolute effect (as printed, rounded), and proportions
("two in three", "half", "1 in 10") that a risk or a ratio of two counts rounds to.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import cache, lru_cache, partial
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from plainsum.checks.plain import NUMBER, Mark, _mark, ascii_numbers, digit_numbers, known_numbers, normalise_number
from plainsum.grade.absolute import whole
from plainsum.words.numbers import (
    DAYS,
    SAME_DURATION,
    TEENS,
    TENS,
    UNITS,
    WRITTEN_DATE,
    approximate_before,
    word_value,
    written_date,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from plainsum.config.settings import Config
    from plainsum.grade.reading import Reading
    from plainsum.readability.score import Scored

FRACTIONS = {"half": Fraction(1, 2), "a third": Fraction(1, 3), "one third": Fraction(1, 3), "a quarter": Fraction(1, 4),
             "one quarter": Fraction(1, 4), "two thirds": Fraction(2, 3), "three quarters": Fraction(3, 4),
             "a fifth": Fraction(1, 5), "one fifth": Fraction(1, 5), "a tenth": Fraction(1, 10), "one tenth": Fraction(1, 10)}
_Figures = TypeVar("_Figures", set[str], dict[str, set[str]])
FRACTION_TOLERANCE = 0.1  # "half" for 44% to 56%, "a fifth" for 17% to 23%: a proportion in words is rounded

_Tree = dict[str, "_Tree"]


def _trie(words: list[str]) -> str:
    """An alternation that matches what `(?:` + '|'.join(words, longest first) + `)` matches, written as a tree
    of their letters ("s(?:even(?:t(?:een|y))?|ix...)"): the engine reads a letter once where it tried each
    word in turn. At each letter the longer words come first, so of two words one of which begins the other
    ("seven", "seventeen") the longer is tried first, as in the list sorted by length."""
    tree: _Tree = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def pattern(node: _Tree) -> str:
        branches = [re.escape(letter) + pattern(node[letter]) for letter in sorted(node) if letter]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")

    return pattern(tree)


_WORD = "|".join(sorted([*UNITS, *TEENS, *TENS], key=len, reverse=True))
_WORD_TREE = _trie([*UNITS, *TEENS, *TENS])
_UNITS_TREE = _trie(list(UNITS))
# the letters a number in words begins with: a lookahead on them lets the scan pass other words' starts
# without trying each alternative (every alternative of NUMBER_WORDS must begin with one of them)
_FIRST_LETTERS = "".join(sorted({word[0] for word in [*UNITS, *TEENS, *TENS]} | {"a"}))
# "seventeen", "twenty-one", "a hundred", "two hundred", "one hundred and fifteen", "one thousand"
NUMBER_WORDS = re.compile(
    rf"(?<![\w-])(?=[{_FIRST_LETTERS}])(?:{_WORD_TREE}(?:[- ]{_UNITS_TREE})?"
    rf"(?:\s+(?:hundred|thousand)(?:\s+and\s+{_WORD_TREE}(?:[- ]{_UNITS_TREE})?)?)?|"
    rf"a (?:hundred|thousand))(?![\w-])", re.I)
FRACTION_WORDS = re.compile(r"(?<![\w-])(?=[" + "".join(sorted({name[0] for name in FRACTIONS})) + "])("
                            + "|".join(sorted(FRACTIONS, key=len, reverse=True)) + r")(?![\w-])", re.I)
DIGIT = re.compile(r"\d")
# a word every fraction in FRACTIONS has, in lower case: an ASCII text without one has no fraction in words
FRACTION_NAMES = ("half", "third", "quarter", "fifth", "tenth")
assert all(any(word in name for word in FRACTION_NAMES) for name in FRACTIONS)
# a count in digits ("1,234", "12") or in words ("twenty-one"); _TERM captures it
_COUNT_BODY = rf"\d{{1,3}}(?:,\d{{3}})+|\d+|{_WORD_TREE}(?:[- ]{_UNITS_TREE})?"
_COUNT = f"(?:{_COUNT_BODY})"
_TERM = f"({_COUNT_BODY})"
PROPORTION = re.compile(rf"(?<![\w.,-])(?=[\d{_FIRST_LETTERS}]){_TERM}\s+(?:in|out of|of every)\s+(?:every\s+)?{_TERM}(?![\w-])", re.I)
# NUMBER_WORDS without re.I, for an ASCII text in lower case: its matches there are NUMBER_WORDS' in the text (the same
# spans; every letter of the pattern is in lower case, and no ASCII character but a capital is changed by lower() or
# matches a letter of another case), where the engine compares characters rather than their lower cases
_LOWER_NUMBER_WORDS = re.compile(NUMBER_WORDS.pattern)
assert _LOWER_NUMBER_WORDS.pattern == _LOWER_NUMBER_WORDS.pattern.lower()
# The words a term of PROPORTION may end with (a number in words ends with a word of _WORD_TREE or _UNITS_TREE), and
# its words between the terms, each with a space on both sides as an ASCII text whose only white space is spaces has them
_TERM_ENDS = tuple(sorted({*UNITS, *TEENS, *TENS}))
_CONNECTORS = (" in ", " out of ", " of every ")
_WORD_OR_HYPHEN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")  # [\w-] in ASCII
# the white space of str.isspace (and of \s) in ASCII but the space
_OTHER_SPACE = ("\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")


# Each byte of an ASCII text as it is when \w or "-" matches it, else as a space: a match of NUMBER_WORDS starts at the
# text's start or after a character \w and "-" do not match, a space in the text so read
_SEPARATORS_AS_SPACES = bytes(byte if chr(byte) in _WORD_OR_HYPHEN else ord(" ") for byte in range(256))
# Where a match of NUMBER_WORDS may start in an ASCII text in lower case so read (after the space): a word of its tree or
# "a hundred", "a thousand" after a space. The pattern opens with a literal, which the engine looks for a few
# instructions a character; NUMBER_WORDS' lookbehind was tried at every character (300 instructions a character)
_NUMBER_WORD_START = re.compile((" (?:" + _WORD_TREE + "|a (?:hundred|thousand))").encode("ascii"))


def number_word_spans(text: str, lower: str | None = None) -> list[tuple[int, int]]:
    """The spans of NUMBER_WORDS' matches in `text` (`lower`: text.lower() when the caller has it, for an ASCII
    text), found in the text in lower case when it is ASCII (see _LOWER_NUMBER_WORDS), tried only where one may start
    (_NUMBER_WORD_START), in order, each after the last one found as finditer reads them."""
    if not text.isascii():
        return [match.span() for match in NUMBER_WORDS.finditer(text)]
    if lower is None:
        lower = text.lower()
    spans: list[tuple[int, int]] = []
    end = 0
    match = _LOWER_NUMBER_WORDS.match
    if lower and lower[0] in _FIRST_LETTERS:
        found = match(lower)
        if found is not None:
            spans.append(found.span())
            end = found.end()
    for start in _NUMBER_WORD_START.finditer(lower.encode("ascii").translate(_SEPARATORS_AS_SPACES)):
        at = start.start() + 1
        if at < end:
            continue
        found = match(lower, at)
        if found is not None:
            spans.append(found.span())
            end = found.end()
    return spans


# Each byte of an ASCII text as it is when [\w.,-] matches it, else as a space: a match of PROPORTION starts at the text's
# start or after a space in the text so read (its lookbehind), at a digit or a word of _WORD_TREE (its first term)
_PROPORTION_SEPARATORS = bytes(byte if chr(byte) in _WORD_OR_HYPHEN or chr(byte) in ".," else ord(" ") for byte in range(256))
_PROPORTION_START = re.compile((" (?:[0-9]|" + _WORD_TREE + ")").encode("ascii"))


def _proportions(text: str, lower: str | None) -> Iterator[re.Match[str]]:
    """PROPORTION.finditer(text); in an ASCII text (`lower`: its lower case) PROPORTION is tried only where a match may
    start (_PROPORTION_START, a pattern that opens with a literal: PROPORTION's lookbehind was tried at every character),
    in order, each after the last one found, as finditer reads them."""
    if lower is None:
        yield from PROPORTION.finditer(text)
        return
    end = 0
    match = PROPORTION.match
    if text and (text[0].isdigit() or lower[0] in _FIRST_LETTERS):
        found = match(text)
        if found is not None:
            yield found
            end = found.end()
    for start in _PROPORTION_START.finditer(lower.encode("ascii").translate(_PROPORTION_SEPARATORS)):
        at = start.start() + 1
        if at < end:
            continue
        found = match(text, at)
        if found is not None:
            yield found
            end = found.end()


def _spaced_ascii(text: str) -> bool:
    """Whether `text` is ASCII and its only white space is spaces (every character of _OTHER_SPACE is one isprintable
    refuses: a printable text has none), where the fast tests for words between spaces hold."""
    return text.isascii() and (text.isprintable() or not any(map(text.__contains__, _OTHER_SPACE)))


def may_have_proportion(text: str, lower: str | None = None) -> bool:
    """False when PROPORTION cannot match in `text`: in an ASCII text whose only white space is spaces, a proportion's
    words between its terms (in lower case, each with a space on both sides) follow spaces after a digit or a number in
    words (`lower`: text.lower(), when the caller has it)."""
    if not _spaced_ascii(text):
        return True
    if lower is None:
        lower = text.lower()
    for connector in _CONNECTORS:
        at = lower.find(connector)
        while at >= 0:
            end = len(lower[:at + 1].rstrip(" "))  # where the term before the spaces ends
            if end and (lower[end - 1].isdigit() or lower.endswith(_TERM_ENDS, 0, end)):
                return True
            at = lower.find(connector, at + 1)
    return False


# "one" counts only as a number of things: "one study", "one in ten"; not "one reason", "no one"
ONE_COUNTS = re.compile(r"\s+(?:study|trial|review|person|participant|in\b|out of\b|of every\b)", re.I)  # matched after it




def known_proportions(review: Any) -> tuple[list[float], list[float]]:
    """Proportions the data states or implies: each absolute effect's risks (rounded as printed),
    and each ratio of two counts of studies the review states (15 of 17 trials)."""
    proportions: list[float] = []
    for result in review.results:
        absolute = result.absolute
        if absolute is not None:
            per = absolute.per
            proportions.extend(n / per for n in (absolute.control, absolute.intervention,
                                                 absolute.intervention_low, absolute.intervention_high))
            proportions.extend(abs(n) / per for n in (absolute.difference, absolute.difference_low, absolute.difference_high))
    counts = {result.studies for result in review.results}
    counts.update(value for value in review.facts.values() if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= 1000)
    ordered = sorted(counts)
    ratios = [a / b for i, b in enumerate(ordered) for a in ordered[:i]]
    return proportions, ratios


def _fits(value: Fraction, proportions: tuple[list[float], list[float]], denominator: int | None = None) -> bool:
    """Whether a proportion written as `value` is what a risk rounds to ("1 in 7" for 0.15), or a
    ratio of counts is close to (within 0.02: "a third" for 4 of 12 studies)."""
    risks, ratios = proportions
    target = float(value)
    if any(abs(p - target) <= 0.02 for p in ratios):
        return True
    for p in risks:
        if denominator is not None and denominator > 2:
            if round(p * denominator) == value * denominator:
                return True
        elif abs(p - target) <= FRACTION_TOLERANCE * target + 0.01:
            return True
    return False


# A number that counts studies or people ("16 studies", "sixteen trials", "4,000 women"), which a
# sentence outside any claim may still state wrong: checked against every number of the review.
COUNTED = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?(?:(?:more|fewer|other|small|smaller|large|larger|new|eligible|included|relevant|"
    r"randomi[sz]ed|controlled|clinical|separate|individual|published|ongoing)\s+){0,3}"
    r"(studies|study|trials|trial|people|participants|participant|patients|patient|women|men|children|babies|infants|"
    r"adults|persons|individuals|volunteers|mothers|newborns|reviews)\b", re.I)
# A number of a time or an amount ("six weeks", "500 mg"): not a figure of a result unless the
# result's own name has a time ("remission at week six").
UNIT = re.compile(r"^\s*(?:-|–|to\s+[\w.]+\s+|and\s+[\w.]+\s+)?(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|nights?|"
                  r"mg|g|kg|ml|l|mmol|µg|mcg|cm|mm|km|m|iu|units?|sessions?|times|doses?|visits?)\b|^\s*-?(?:year|month|week|day|hour)", re.I)
YEAR = re.compile(r"^(?:19|20)\d\d$")
# A sentence that states the review's totals ("We found 16 studies with 4000 people", "We searched ... and identified
# 28 trials": 212 corpus summaries say it so after what was done; "This review is based on five studies", 4; "We only
# identified one trial", "Six trials are included", "This review of five trials", "Eight trials met the inclusion
# criteria": about 200 corpus sentences with a count, nearly all the totals): its counts are
# checked; a count elsewhere outside claims ("Four trials compared ...", "At least 23 studies were
# funded by ...") is often from the full review, which plainsum does not hold, and is not read.
TOTAL = re.compile(r"\b(?:we|review|update|authors|researchers|reviewers)(?:,\s+(?:however|therefore|then|also|so),)?"
                   r"(?:\s+(?:only|just|finally|eventually|have|has|had|now))*\s+"
                   r"(?:found|included|identified|analysed|analyzed|reviewed|(?:looks?|looked)\s+at)\b|\ba total of\b|\bin total\b|"
                   r"\band\s+(?:included|identified|found)\s+\S+\s+(?:[\w-]+\s+){0,3}(?:studies|trials|RCTs)\b|"
                   r"\baltogether\b|\b(?:studies|trials)\s+(?:with|involving|including|that included|included|involved|"
                   r"enrolled|had|studied|recruited|randomi[sz]ed)\b|\b(?:were|was|are|is|be|been)\s+included\b|\bincluded\s+(?:studies|trials)\b|"
                   r"\bmet\s+(?:all\s+)?(?:the|our)\s+(?:[\w'-]+\s+)?(?:inclusion|eligibility|selection|review)\s+"
                   r"(?:criteria|requirements)\b|\bmet\s+our\s+(?:criteria|requirements)\b|\bmet\s+the\s+criteria\s+for\s+inclusion\b|"
                   r"\b(?:review|update)\s+of\s+(?:[\w,-]+\s+){1,3}(?:studies|trials|RCTs)\b|"
                   r"\b(?:review|update)\s+(?:is|was)\s+(?:\w+\s+)?based\s+on\b", re.I)
# TOTAL for an ASCII text in lower case, without re.I (its only capitals, outside escapes, are those of "RCTs"): the same
# matches, the engine comparing characters rather than their lower cases (a third of the time)
_TOTAL_LOWER = re.compile(TOTAL.pattern.replace("RCTs", "rcts"))
assert re.findall(r"(?<!\\)[A-Z]", _TOTAL_LOWER.pattern) == [] and TOTAL.flags & re.I


def states_total(text: str) -> bool:
    """Whether the sentence states the review's totals: TOTAL.search(text) is not None."""
    if text.isascii():
        return _TOTAL_LOWER.search(text.lower()) is not None
    return TOTAL.search(text) is not None


# Studies an update added ("109 new studies", "12 additional randomised trials"): counted in the full review
ADDED = re.compile(r"\s*(?:new|additional|further|more|extra|recent)\b", re.I)
# Things a claim counts that are not a result's figures ("the two treatments", "three doses"), and
# counts per study or person ("0 to 3 per trial"), which the full review gives, not the results.
NOT_FIGURE = re.compile(r"^\s*(?:[\w-]+\s+)?(?:treatments?|groups?|arms?|types?|kinds?|ways?|drugs?|medicines?|methods?|"
                        r"comparisons?|options?|approaches|regimens?)\b|"
                        r"^\s*(?:(?:to|or|and)\s+[\d.]+\s+)?(?:per|a|each)\s+(?:trial|study|person|participant|patient|woman|child)\b",
                        re.I)
CHECK = "results.number"
UNREAD = "results.number-unread"  # a number printed with an outcome that could not be tied to a figure: a warning
# What a number counts, read from the words after it: "12 studies", "1101 adult participants", "20%",
# "three times more likely". Up to two words may come between ("12 included trials", "272 premature
# infants"), but no word that ties the number to something else ("12 months in children").
_FILLER = (r"(?:(?!(?:in|of|at|to|and|or|with|for|by|from|than|per|more|fewer|less|over|the|a|an|years?|months?|weeks?|"
           r"days?|hours?|times|doses?|sessions?)\b)[a-z][\w-]*\s+){0,2}")
STUDY_NOUN = r"(?:studies|study|trials|trial|RCTs|RCT)"
PEOPLE_NOUN = (r"(?:people|persons|participants?|patients?|women|men|children|babies|infants|neonates|newborns|adults|"
               r"adolescents|girls|boys|individuals|volunteers|mothers|residents|professionals|pregnancies|smokers|"
               r"carers|caregivers|students|workers|families|households)")
# "six study findings", "two trial arms", "759 study participants": 'study' or 'trial' before another noun
# says what kind of thing is counted
STUDY_MODIFIED = (r"(?:findings|results|reports|arms|groups|sites|centres|centers|data|populations|designs?|protocols|"
                  rf"authors|periods|visits|outcomes|comparisons|{PEOPLE_NOUN})\b")
KINDS = {
    # "11 studies", "four (3070 participants) with ...": a count of studies with its people in brackets
    "studies": re.compile(rf"\s*(?:\([^)]*\)\s*)?{_FILLER}{STUDY_NOUN}\b(?!\s+{STUDY_MODIFIED})|\s*\(\s*[\d,]+\s+{PEOPLE_NOUN}\b", re.I),
    "people": re.compile(rf"\s*(?:\([^)]*\)\s*)?{_FILLER}{PEOPLE_NOUN}\b", re.I),
    "percent": re.compile(r"\s*(?:%|per\s?cent\b|percentage points?\b)", re.I),
    "ratio": re.compile(r"\s*times\s+(?:more|less|as|higher|lower|greater|the)\b", re.I),
}
# A count of studies that says what the studies did ("Three trials compared saline with rhDNase"):
# the studies of a comparison, not the count of the outcome the clause goes on to name.
STUDIES_DID = re.compile(rf"\s*{_FILLER}{STUDY_NOUN}\s+(?:\w+\s+)?(?:compared|compare|looked|tested|assessed|examined|"
                         r"studied|investigated|evaluated|reported|measured|gave|used|replaced|took|were|was|included|"
                         r"involved|enrolled|recruited)\b", re.I)

# A sentence that describes the studies rather than their findings: its subject the studies, its verb what they were
# or did ("The studies took place in Italy (seven studies)", "These trials lasted 12 weeks", "They compared ...";
# 310 corpus sentences in 278 reviews, none of them a finding), and no word of finding ("found", "showed").
DESCRIBES = re.compile(r"\s*(?:(?:the|these|those|all|most|many|some|both|other|included)\s+)*(?:(?:included|randomi[sz]ed|"
                       r"controlled|clinical)\s+)*(?:studies|trials|RCTs|they)\s+(?:(?:were|was|had|all|also|mostly|mainly|"
                       r"generally|each)\s+)?(?:sought|aimed|targeted|took\s+place|conducted|carried\s+out|done|based|lasted|came|"
                       r"focus+ed|published|funded|recruited|enrolled|included|involved|compared|tested|looked\s+at|examined|"
                       r"evaluated|investigated|assessed|used|performed|undertaken|located)\b(?!\s+in\s+(?:this|the|our)\s+review)",
                       re.I)
FINDING = re.compile(r"\b(?:found|find|showed?|shown|suggest\w*|indicat\w*|reported\s+that|concluded|demonstrat\w*)\b", re.I)
# A count of a part of a whole the sentence gives ("five of the eight trials", "two of these studies", "seven of
# the 1200 women"): a subset, not a result's count
SUBSET = re.compile(rf"\s+of\s+(?:the|these|those|all|all\s+the)\s+(?:[\d,]+\s+|{_WORD_TREE}\s+)?{_FILLER}(?:{STUDY_NOUN}|"
                    rf"{PEOPLE_NOUN})\b", re.I)

# A number needed to treat or harm said in words: "for every 14 children treated with antibiotics one child had ...",
# "in every 20 people given X, one more ..." (not a natural frequency per 100 or 1000, which NATURAL reads)
NEEDED_BEFORE = re.compile(r"\b(?:for|in|of|out\s+of)\s+every\s+$", re.I)
NEEDED_AFTER = re.compile(r"(?!\s*(?:100|1,?000|10,?000)\b)[^.;:()]{0,120}?[\s,]+(?:only\s+)?(?:one|1)\s+(?:more\s+|fewer\s+|less\s+|extra\s+|"
                          r"additional\s+)?(?:[\w'’-]+\s+){0,2}?(?:would|will|had|has|have|experienced|experiences|developed|"
                          r"benefits|benefited|avoided|avoids|got|gets|less|more|fewer|is|was|person|child|woman|man|patient|baby|infant)\b", re.I)


# Events counted, then the studies they happened in ("only one complication reported in one study", "three deaths
# occurred in two trials"): the studies with events, a part of the outcome's studies, not their count
EVENTS_IN = re.compile(rf"\b(?:[\d,]+|{_WORD_TREE})\s+(?:[\w-]+\s+){{0,3}}?(?:was\s+|were\s+)?(?:reported|seen|observed|occurred|"
                       r"happened|recorded|noted)\s+in\s+(?:only\s+|just\s+)?$", re.I)

# An age: "aged 65 years or older", "aged 6 months to 12 years", "older than 70 years", "5-year-old children", "50 years
# of age" (422 corpus sentences in 329 reviews, all 12 sampled ages): who took part, no time point of a result
AGE_BEFORE = re.compile(r"\b(?:aged|ages?|age\s+(?:of|range|group)|older\s+than|younger\s+than|(?:over|under)\s+the\s+age\s+of)\s+"
                        r"(?:(?:between|from|of|up\s+to|about|around|at\s+least)\s+)?(?:[\d.]+\s+(?:years?|months?|weeks?|days?)?\s*"
                        r"(?:to|and|-|–)\s*)?$", re.I)
AGE_AFTER = re.compile(r"(?:\s*-\s*|\s+)(?:years?|months?|weeks?|days?)(?:[- ]old\b|\s+of\s+age\b|\s+and\s+(?:older|over|above)\b)", re.I)


def is_age(text: str, start: int, end: int) -> bool:
    return AGE_BEFORE.search(text, max(0, start - 60), start) is not None or AGE_AFTER.match(text, end) is not None


WHOLE_BEFORE = re.compile(r"\b[\w-]+\s+of\s+(?:the|these|those|all(?:\s+the)?)\s+$", re.I)

# Studies the abstract seldom counts (the full review does): not read.
NOT_COUNTED = re.compile(r"\s*(?:[a-z-]+\s+)?(?:ongoing|awaiting|excluded|unpublished|registered)\b", re.I)


def _without_case(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` (re.I) for an ASCII text in lower case, without re.I: the same matches there as `pattern`'s in the text
    (its letters outside escapes in lower case, as "RCTs" -> "rcts"; no ASCII character but a capital is changed by
    lower(), and none matches a letter of another case), the engine comparing characters, not their lower cases."""
    # (no escaped backslash before a letter, no group named in capitals)
    assert pattern.flags & re.I and "\\\\" not in pattern.pattern and "(?P" not in pattern.pattern, pattern.pattern
    return re.compile(re.sub(r"(?<!\\)[A-Z]", lambda capital: capital.group().lower(), pattern.pattern))


_KINDS_LOWER = {kind: _without_case(pattern) for kind, pattern in KINDS.items()}
_NOT_COUNTED_LOWER = _without_case(NOT_COUNTED)
_LOWERED = ["", ""]  # the last ASCII text number_kind and count_kind read, and its lower case


def _lower(text: str) -> str:
    """text.lower() of an ASCII text, kept for the next number of the same text."""
    if _LOWERED[0] is not text:
        _LOWERED[0], _LOWERED[1] = text, text.lower()
    return _LOWERED[1]


# A count of people in one group ("the 496 participants doing aerobic exercise", "120 women given
# iron"): the size of an arm, which the full review gives and the abstract seldom prints; not read.
# ("the 5991 people who had shock wave treatment" in a sentence of the review's totals is all of them.)
ARM = re.compile(rf"\s*{_FILLER}{PEOPLE_NOUN}\s+(?:doing|taking|receiving|given|getting|allocated\s+to|assigned\s+to|"
                 r"randomi[sz]ed\s+to)\b", re.I)
# Counts of people each said to have received something ("Forty patients were given azathioprine and 41 were
# given placebo", "Eighteen patients received G-CSF and 22 got antibiotics"): two or more in a sentence are the
# sizes of a trial's groups, which the full review gives; not read.
GROUP_SIZE = re.compile(rf"(?<![\w.,-]){_COUNT}\s+(?:{PEOPLE_NOUN}\s+)?"
                        r"(?:who\s+)?(?:received|got|were\s+given|did\s+not\s+(?:receive|get)|were\s+(?:randomi[sz]ed|allocated|assigned)"
                        r"\s+to)\b", re.I)


# GROUP_SIZE's verbs, found at once: \b before each written as its first letter, then no word character before that
# letter, so that the scan skips in C to the next r, g or a
_RECEIVED = re.compile(r"(?:r(?<!\w.)(?:eceived?|andomi[sz]ed)|g(?<!\w.)(?:ot|iven|et)|a(?<!\w.)(?:llocated|ssigned))\b")


def group_sizes(text: str) -> list[tuple[int, int]]:
    """The spans of the counts of `text` that are the sizes of groups ("Eighteen patients received G-CSF and 22
    got antibiotics"): two or more counts each said to have received something; [] otherwise (the caller looks
    for GROUP_SIZE's verbs first: _RECEIVED)."""
    found = [(m.start(), m.start() + len(m.group(0).split()[0])) for m in GROUP_SIZE.finditer(text)]
    return found if len(found) >= 2 else []


# A count said of one review or study among several ("another included 10 studies with 1123 people",
# "one trial with 40 people"): not the review's totals.
ONE_OF_SEVERAL = re.compile(r"(?:^|[,;(:]\s*|\b(?:and|but|while|whereas)\s+)(?:one|another|each|the\s+other|a\s+(?:second|third)|"
                            r"the\s+(?:largest|smallest|biggest|first|second|third|last))\b(?:\s+(?:review|study|trial|of\s+them))?"
                            r"[^,;:()]*$", re.I)


COUNT_KINDS = frozenset({"studies", "people"})


def _kind_patterns(text: str) -> tuple[str, re.Pattern[str], dict[str, re.Pattern[str]]]:
    """The text and the patterns to read what its numbers count: an ASCII text in its lower case with the patterns
    compiled without re.I (the same matches, faster), any other as it is."""
    if text.isascii():
        return _lower(text), _NOT_COUNTED_LOWER, _KINDS_LOWER
    return text, NOT_COUNTED, KINDS


def count_kind(text: str, end: int) -> str | None:
    """number_kind(text, end) when that is 'studies' or 'people', else None: the kinds after both are not tried."""
    following = text[end:end + 1]
    if not (following.isspace() or following.isalpha() or following == "("):
        return None  # both kinds' words start with a space, a bracket or a letter: "12%", "0.5," and "3)" count nothing
    text, not_counted, kinds = _kind_patterns(text)
    if not_counted.match(text, end):
        return None
    tried = 0
    for kind, pattern in kinds.items():
        if pattern.match(text, end):
            return kind if kind in COUNT_KINDS else None
        tried += kind in COUNT_KINDS
        if tried == len(COUNT_KINDS):
            return None
    return None


# A count after the noun it counts ("bringing the total number of included trials to 39", "the number of participants
# was 1937"; 5 corpus sentences in 5 reviews, all the review's totals): not a mean, a median or a range of numbers
NUMBER_OF = re.compile(rf"(?<!mean )(?<!average )(?<!median )\bnumber\s+of\s+(?:(?:included|eligible|randomi[sz]ed)\s+)?"
                       rf"(?:({STUDY_NOUN})|{PEOPLE_NOUN})\s+(?:(?:included|involved|enrolled|randomi[sz]ed|analy[sz]ed)\s+)?"
                       r"(?:in\s+(?:the|this|our)\s+review\s+)?(?:was|is|to|rose\s+to|increased\s+to|reached|:|=)\s*$", re.I)


def number_of_kind(text: str, start: int) -> str | None:
    """'studies' or 'people' when the number at `start` follows the noun it counts ("the number of trials to 39")."""
    match = NUMBER_OF.search(text, max(0, start - 80), start)
    if match is None:
        return None
    return "studies" if match.group(1) else "people"


def number_kind(text: str, end: int) -> str | None:
    """What the number ending at `end` counts: 'studies', 'people', 'percent', 'ratio', or None."""
    text, not_counted, kinds = _kind_patterns(text)
    if not_counted.match(text, end):
        return None
    for kind, pattern in kinds.items():
        if pattern.match(text, end):
            return kind
    return None


@lru_cache(maxsize=64)
def _text_numbers(text: str) -> tuple[tuple[tuple[int, int, str], ...], tuple[tuple[int, int, str], ...]]:
    """(start, end, value) of each number of `text` in digits (normalised) and of each in words, kept: the
    abstract's sections are read for their numbers by several of the review's figures (callers only read them)."""
    digits = digit_numbers(text)
    words = tuple((start, end, str(v)) for start, end in number_word_spans(text) if (v := word_value(text[start:end])) is not None)
    return digits, words


def _all_known(review: Any) -> set[str]:
    """Every number the abstract, the facts or the results state, in digits or in words."""
    known = known_numbers(review)
    for key, text in review.rendered.items():
        if key.endswith(".technical"):
            known.update(value for _start, _end, value in _text_numbers(text)[1])
            # "17 per 100 and 20 per 100" is the proportion a summary gives as "20 out of 100"
            known.update(f"{normalise_number(m.group(1))} in {m.group(2)}" for m in PER_HUNDREDS.finditer(text))
    return known


# (its first digit, then what may not stand before it: a pattern that opens with a digit lets the scan skip in C to the
# next digit, where a look-behind first was tried at every character)
PER_HUNDREDS = re.compile(r"(\d(?<![\w.,-]\d)\d*(?:\.\d+)?)\s+per\s+(10|100|1000|10,000|10000)(?![\w,-])", re.I)


def _known_not_percent(review: Any) -> set[str]:
    """The numbers the abstract prints other than as a percentage ("I2 = 65%", "a 24% risk"), the facts and the
    results': what a number of people out of 1000 may be when it is no risk the data works out."""
    found = review_figures(review).union(*({normalise_number(n) for n in r.numbers_in_data()} for r in review.results))
    for key, text in review.rendered.items():
        if key.endswith(".technical"):
            found.update(normalise_number(m.group(1)) for m in NUMBER.finditer(text) if not PERCENT_AFTER.match(text, m.end()))
            found.update(value for _start, end, value in _text_numbers(text)[1] if not PERCENT_AFTER.match(text, end))
    return found


PERCENT_AFTER = re.compile(r"\s*(?:%|per\s?cent\b)", re.I)


def _numbers_in(text: str) -> set[str]:
    found = {normalise_number(m.group(1)) for m in NUMBER.finditer(text)}
    found.update(str(v) for start, end in number_word_spans(text) if (v := word_value(text[start:end])) is not None)
    return found


def abstract_sections(review: Any) -> list[tuple[str, list[Any]]]:
    """The abstract's sections with the outcomes each names (reading.outcome_spans), read once for the
    figures, the rates and the counts printed with each outcome."""
    from plainsum.grade.reading import outcome_spans

    return [(text, outcome_spans(text, review.results)) for key, text in review.rendered.items() if key.endswith(".technical")]


def abstract_figures(review: Any, rates: bool = False, sections: list[tuple[str, list[Any]]] | None = None) -> dict[str, set[str]]:
    """The numbers the abstract prints with each result's outcome: from its name to the next
    outcome named (its counts, rates, percentages as printed); with `rates`, less the counts of
    studies and people printed there ("7 studies" is no 7%)."""
    return abstract_figures_and_rates(review, sections)[1 if rates else 0]


def abstract_figures_and_rates(review: Any, sections: list[tuple[str, list[Any]]] | None = None) \
        -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """abstract_figures(review) and abstract_figures(review, rates=True), in one reading of the abstract."""
    figures: dict[str, set[str]] = {}
    rates: dict[str, set[str]] = {}
    for text, spans in sections if sections is not None else abstract_sections(review):
        for index, span in enumerate(spans):
            end = spans[index + 1].start if index + 1 < len(spans) else min(len(text), span.end + 400)
            numbers = _numbers_in(text[span.end:end])
            rated = numbers - set().union(*_kind_numbers(text[span.end:end]).values()) if numbers else numbers
            for result in span.results:
                figures.setdefault(result.id, set()).update(numbers)
                rates.setdefault(result.id, set()).update(rated)
    return figures, rates


def _kind_numbers(text: str, first: bool = False) -> dict[str, set[str]]:
    """The numbers of `text` that count studies and people, by kind (with `first`, only the first of
    each kind: the counts printed with an outcome come right after its figures)."""
    found: dict[str, set[str]] = {"studies": set(), "people": set()}
    digits, words = _text_numbers(text)
    for end, start, value in sorted([(end, start, value) for start, end, value in digits] + [(end, start, value) for start, end, value in words]):
        following = text[end:end + 1]
        if not (following.isspace() or following.isalpha() or following == "(") and "=" not in text[max(0, start - 6):start]:
            continue  # "12%", "0.82," and "3)" count nothing: no noun, no "N =" (counted_kinds gives none)
        for kind in counted_kinds(text, start, end):
            if not (first and found[kind]):
                found[kind].add(value)
    return found


# Counts an abstract prints without their noun: "(N = 1583)" counts people; "Of eight studies, seven
# recruited people with hip fracture" counts studies (people do not recruit, enrol or compare), though
# "300 recruited women" counts people: a number before such a verb is read as either.
_N_EQUALS = re.compile(r"(?<![\w-])[Nn]\s*=\s*$")
_STUDIES_VERB = re.compile(r"\s+(?:compared|recruited|enrolled|randomi[sz]ed|involved|evaluated|investigated|tested)\b", re.I)


_WHO = re.compile(r"\s+who\b")  # "385 women having X and 627 who received Y": whom 'who' counts are people


def _elided_kind(text: str, start: int, end: int) -> str | None:
    if _N_EQUALS.search(text, max(0, start - 6), start) or _WHO.match(text, end):
        return "people"
    return "studies" if _STUDIES_VERB.match(text, end) else None


def counted_kinds(text: str, start: int, end: int) -> set[str]:
    """What a count may count, its noun said or left out ("and one involved people with cancer": a study,
    as "300 recruited women" are people)."""
    if not text[end:end + 1].isspace():
        # 'who' and the verbs of studies come after a space: only a noun ("12%" and "3)" count nothing) or "N ="
        kind = count_kind(text, end) or ("people" if _N_EQUALS.search(text, max(0, start - 6), start) else None)
        return {kind} if kind else set()
    verb = _STUDIES_VERB.match(text, end) is not None  # _elided_kind's last test, read once
    kind = count_kind(text, end)
    if kind is None:
        kind = "people" if _N_EQUALS.search(text, max(0, start - 6), start) or _WHO.match(text, end) else "studies" if verb else None
    kinds = {kind} if kind else set()
    return kinds | {"studies"} if verb else kinds


def abstract_counts(review: Any, sections: list[tuple[str, list[Any]]] | None = None) \
        -> tuple[dict[str, dict[str, set[str]]], dict[str, set[str]]]:
    """The counts of studies and people the abstract prints with each result's outcome (result id ->
    kind -> numbers), and all it prints anywhere (kind -> numbers)."""
    by_result: dict[str, dict[str, set[str]]] = {}
    anywhere: dict[str, set[str]] = {"studies": set(), "people": set()}
    for text, spans in sections if sections is not None else abstract_sections(review):
        for kind, values in _kind_numbers(text).items():
            anywhere[kind] |= values
        for index, span in enumerate(spans):
            end = spans[index + 1].start if index + 1 < len(spans) else min(len(text), span.end + 400)
            if len(span.results) != 1:
                continue  # a name several results share (one outcome, several comparisons): whose counts is not known
            for kind, values in _kind_numbers(text[span.end:end], first=True).items():
                for result in span.results:
                    by_result.setdefault(result.id, {}).setdefault(kind, set()).update(values)
    return by_result, anywhere


# Studies a search finds or a review sets aside, which may outnumber the studies it includes
NOT_INCLUDED = re.compile(r"\b(?:screen\w*|exclud\w*|records?|references?|citations?|abstracts?|full[- ]texts?|ongoing|awaiting|underway|"
                          r"under\s+way|in\s+progress|not\s+yet\s+(?:published|finished|completed|reported)|"
                          r"searched|searches|retrieved|potentially|previous|earlier|other reviews?|registr\w*|databases?)\b", re.I)


# Studies a search found that may or may not be included ("five possible studies were found, and one could be
# included"): candidates, no count of the review's studies
CANDIDATES = re.compile(r"\s+(?:possible|potential|candidate|possibly\s+relevant|potentially\s+\w+)\s+(?:studies|trials|RCTs)\b", re.I)


def _parts(text: str, start: int, end: int, kind: str) -> list[int]:
    """The counts of the same kind in brackets after a total ("A total of 173 participants ... (92
    participants) or ... (81 participants)"): the parts the total is made of; [] when the number is no total."""
    if not (re.search(r"\ba total of\s+$", text[max(0, start - 12):start], re.I) or re.match(r"\s*\w+\s+(?:in total|altogether)\b",
                                                                                              text[end:], re.I)):
        return []
    noun = STUDY_NOUN if kind == "studies" else PEOPLE_NOUN
    rest = re.split(r"[;.]\s", text[end:], maxsplit=1)[0]
    return [int(m.group(1).replace(",", "")) for m in re.finditer(rf"\(\s*(\d{{1,3}}(?:,\d{{3}})+|\d+)\s+{noun}\b[^)]*\)", rest, re.I)]


def studies_total(review: Any) -> int | None:
    """The number of studies the review includes: its fact that counts studies (or trials), when it has one."""
    totals = [value for name, value in review.facts.items()
              if re.search(r"stud|trial", name) and isinstance(value, int) and not isinstance(value, bool)]
    return max(totals) if totals else None


_COUNTED = re.compile(rf"\s*(?:\([^)]*\)\s*)?{_FILLER}({STUDY_NOUN}|{PEOPLE_NOUN})\b", re.I)


def _counted_noun(text: str, end: int) -> str | None:
    """The noun a count ending at `end` counts, singular and lower case ("participants" -> "participant")."""
    match = _COUNTED.match(text, end)
    return match.group(1).lower().rstrip("s") if match else None


def _part_of_total(text: str, start: int, kind: str, earlier: list[int]) -> bool:
    """Whether a count after an earlier count of its kind in a totals sentence is a part of that total: in
    brackets ("(15 studies)"), or in a clause of its own ("...; three studies were in China", "Of the nine
    studies, seven ..."), not a second count in the same clause ("337 professionals and 8400 patients")."""
    if not earlier:
        return False
    if text[:start].count("(") > text[:start].count(")"):
        return True
    between = re.sub(r"\([^)]*\)", "", text[earlier[-1]:start])
    return re.search(r"[,;:]", between) is not None


SENTENCE_GAP = re.compile(r"(?<=[.;])\s+")


def count_sums(review: Any) -> dict[str, set[str]]:
    """The sums of the counts of one kind an abstract sentence prints ("We identified 14 studies ... and 12
    cluster-randomised studies": 26), which a summary may give as the total."""
    sums: dict[str, set[str]] = {"studies": set(), "people": set()}
    for key, text in review.rendered.items():
        if not key.endswith(".technical"):
            continue
        digits, words = _text_numbers(text)
        numbers = sorted(number for number in [*digits, *words] if number[2].isdigit())  # only whole numbers are summed
        cuts = [(m.start(), m.end()) for m in SENTENCE_GAP.finditer(text)]
        # the sentences re.split(SENTENCE_GAP, text) gives, with their offsets: no number spans a gap (it holds
        # no '.' or ';' before a space), so a sentence's numbers are the section's numbers inside it
        at = 0  # the first number not yet read: the sentences and the numbers are both in order
        for first, last in zip([0] + [end for _start, end in cuts], [start for start, _end in cuts] + [len(text)], strict=True):
            while at < len(numbers) and numbers[at][0] < first:
                at += 1
            inside = []
            while at < len(numbers) and numbers[at][1] <= last:
                inside.append(numbers[at])
                at += 1
            if len(inside) < 2:
                continue  # a sum needs two counts
            sentence = text[first:last]
            kinds = [(count_kind(sentence, end - first) or ("people" if _WHO.match(sentence, end - first) else None), v)
                     for _start, end, v in inside]  # each number's kind read once
            for kind in sums:
                values = [int(v) for counted, v in kinds if counted == kind]
                if len(values) >= 2:
                    sums[kind].add(str(sum(values)))
    return sums


def fact_kind(fact: str) -> str | None:
    """What a fact counts, by its name: "studies" ("included_trials"), "people" ("participants"), or None."""
    return "studies" if re.search(r"stud|trial", fact) else \
        "people" if re.search(r"particip|people|patient|women|children|infant|adult", fact) else None


def prints_people_total(review: Any) -> bool:
    """Whether the abstract states a total of people ("We included 12 trials with 4728 participants"), which a
    summary's total is held to when the facts give none."""
    for key, text in review.rendered.items():
        if not key.endswith(".technical"):
            continue
        for sentence in SENTENCE_GAP.split(text):
            if states_total(sentence):
                digits, words = _text_numbers(sentence)
                if any(count_kind(sentence, end) == "people" for _start, end, _value in (*digits, *words)):
                    return True
    return False


def count_facts(review: Any) -> set[str]:
    """The review's facts that are counts (studies, participants, ...)."""
    return {str(v) for v in review.facts.values() if isinstance(v, int) and not isinstance(v, bool)}


def kind_figures(kind: str, results: Any, counts: Mapping[str, dict[str, set[str]]], facts: set[str]) -> set[str]:
    """The figures a count of `kind` ('studies' or 'people') in a claim about `results` may be: each
    result's own count, the counts the abstract prints with its outcome, the review's counts."""
    allowed = set(facts)
    for result in results:
        own = result.studies if kind == "studies" else result.participants
        if own is not None:
            allowed.add(normalise_number(str(own)))
        allowed |= counts.get(result.id, {}).get(kind, set())
        if kind == "people" and result.absolute is not None:
            allowed.add(str(result.absolute.per))  # "for every 1000 people"
    return allowed | {"100", "1000"} if kind == "people" else allowed


def result_figures(result: Any, printed: dict[str, set[str]], counts: bool = True) -> set[str]:
    """A result's figures as a sentence may give them: the data's numbers, its absolute effect per
    1000 and per 100, the relative change in per cent, the numbers in its names, and the abstract's
    (without `counts`, not its numbers of studies and participants: for a percentage)."""
    figures = {normalise_number(n) for n in result.numbers_in_data()}
    if not counts:
        figures -= {str(result.studies), str(result.participants)}
    for printed_number in printed.get(result.id, set()):  # risks per 1000 as the abstract prints them, said per 100
        if printed_number.isdigit() and len(printed_number) >= 2:
            figures.add(str(round(int(printed_number) / 10)))
    absolute = result.absolute
    if absolute is not None:
        for n in absolute.numbers():
            figures.add(str(round(abs(float(n)) * 100 / absolute.per)))
            figures.add(normalise_number(f"{abs(float(n)) * 100 / absolute.per:.1f}"))
        # the review works its risks out from its own assumed risk, which the encoded one rounds: a
        # risk with the intervention may print one point either side of the one worked out here
        for n in (absolute.intervention, absolute.intervention_low, absolute.intervention_high):
            per_100 = round(n * 100 / absolute.per)
            figures.update({str(per_100 - 1), str(per_100 + 1)} - {"-1"})
    if str(result.measure).upper() in ("RR", "OR", "HR"):  # the ratio the other way round: OR 1.47 for 0.68
        for value in (result.estimate, result.ci_low, result.ci_high):
            try:
                inverse = 1 / float(value)
            except (ValueError, ZeroDivisionError):
                continue
            figures.update(normalise_number(f"{inverse:.{places}f}") for places in (1, 2))
    try:
        figures.add(str(round(float(result.estimate))))  # "three times more likely" for RR 2.96
        for value in (result.estimate, result.ci_low, result.ci_high):
            figures.add(str(round(abs(1 - float(value)) * 100)))
    except ValueError:
        pass
    for name in result.names():
        figures |= _numbers_in(name)
    return figures | printed.get(result.id, set()) | _rounded(printed.get(result.id, set()))


def _rounded(printed: set[str]) -> set[str]:
    """Each figure the abstract prints with the outcome rounded half up to a whole number (56.08 as
    56, 2.55 as 3); a truncated figure (7 for 7.89) is not one."""
    found: set[str] = set()
    for number in printed:
        try:
            value = float(number)
        except ValueError:
            continue
        if value != int(value):
            found.add(str(whole(value)))
    return found


def arm_mean(value: str, others: set[str], results: list[Any], printed: dict[str, set[str]]) -> bool:
    """Whether `value` is the intervention group's mean of a mean difference, worked out from the
    control group's mean the abstract prints and the sentence gives beside it ("48 points versus 56
    points": 56.08 - 7.89 = 48.19), both rounded half up."""
    for result in results:
        if result.measure.lower() not in ("md", "mean difference"):
            continue
        try:
            difference = float(result.estimate)
        except ValueError:
            continue
        for number in printed.get(result.id, set()):
            try:
                control = float(number)
            except ValueError:
                continue
            if control > abs(difference) and str(whole(control)) in others and str(whole(control + difference)) == value:
                return True
    return False


def review_figures(review: Any) -> set[str]:
    """The numbers of the review as a whole: its facts (counts, dates)."""
    import datetime

    found: set[str] = set()
    for name, value in review.facts.items():
        if name == "results" or isinstance(value, bool):
            continue
        if isinstance(value, datetime.date):
            found.update({str(value.year), str(value.day), str(value.month)})
        elif isinstance(value, (int, float)):
            found.add(normalise_number(str(value)))
        elif isinstance(value, str):
            found |= _numbers_in(value)
    return found


class _Later(Generic[_Figures]):
    """A figure of the review that few sentences need (its numbers in words, the sums of its counts), worked
    out when a sentence first asks about it: `value in later`, `later[kind]`."""

    def __init__(self, make: Callable[[], _Figures]) -> None:
        self._make: Callable[[], _Figures] | None = make
        self._value: _Figures | None = None

    def get(self) -> _Figures:
        if self._make is not None:
            self._value, self._make = self._make(), None
        assert self._value is not None
        return self._value

    def __contains__(self, value: object) -> bool:
        return value in self.get()

    def __getitem__(self, key: str) -> set[str]:
        figures = self.get()
        assert isinstance(figures, dict)
        return figures[key]


_V = TypeVar("_V")


class _LazyMap(Mapping[str, _V]):
    """A mapping worked out when it is first read (what few documents need)."""

    def __init__(self, make: Callable[[], dict[str, _V]]) -> None:
        self._make = make
        self._value: dict[str, _V] | None = None

    def _get(self) -> dict[str, _V]:
        if self._value is None:
            self._value = self._make()
        return self._value

    def __getitem__(self, key: str) -> _V:
        return self._get()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())


class _Anywhere:
    """The counts of studies and people the abstract prints anywhere (abstract_counts' second part), asked value by
    value: `has(kind, value)` reads the kinds of the numbers equal to `value` only, those in digits first and those in
    words only when they may answer; `[kind]` reads them all."""

    def __init__(self, sections: list[tuple[str, list[Any]]], everything: Callable[[], dict[str, set[str]]]) -> None:
        self._sections = sections
        self._everything = everything
        self._kinds: tuple[dict[str, set[str]], dict[str, set[str]]] = ({}, {})
        # where each number stands, by value, of those in digits (0) and in words (1): the sections read once, not once
        # a value asked
        self._places: list[dict[str, list[tuple[str, int, int]]] | None] = [None, None]

    def has(self, kind: str, value: str) -> bool:
        if kind in self._kinds_of(value, 0):
            return True
        # a number in words is a whole number, and one of 100 or more has a word of scale ("two hundred")
        if not value.isdigit() or (len(value) > 2 and all(_no_scale_word(text) for text, _spans in self._sections)):
            return False
        return kind in self._kinds_of(value, 1)

    def _kinds_of(self, value: str, which: int) -> set[str]:
        """What the numbers equal to `value` count, of those in digits (`which` 0) or in words (1)."""
        kinds = self._kinds[which].get(value)
        if kinds is None:
            kinds = self._kinds[which][value] = set()
            for text, start, end in self._places_of(which).get(value, ()):
                kinds |= counted_kinds(text, start, end)
        return kinds

    def _places_of(self, which: int) -> dict[str, list[tuple[str, int, int]]]:
        """(text, start, end) of each number of the sections in digits (`which` 0) or in words (1), by value, in order."""
        places = self._places[which]
        if places is None:
            places = self._places[which] = {}
            for text, _spans in self._sections:
                for start, end, found in digit_numbers(text) if which == 0 else _text_numbers(text)[1]:
                    places.setdefault(found, []).append((text, start, end))
        return places

    def __getitem__(self, kind: str) -> set[str]:
        return self._everything()[kind]


_SCALE_WORD = re.compile(r"hundred|thousand", re.I)  # as NUMBER_WORDS reads them (re.I: 'ſ' is an 's')


def _no_scale_word(text: str) -> bool:
    """Whether `text` has no word of scale NUMBER_WORDS could read ("hundred", "thousand"): no number in words of it
    is 100 or more."""
    if text.isascii():
        lower = text.lower()
        return "hundred" not in lower and "thousand" not in lower
    return _SCALE_WORD.search(text) is None


# What a number counts is read from how the sentence uses it. The results and the abstract hold one figure of each kind
# for an outcome (its studies, its participants, its risks and effect) and the review's totals; a figure of another
# kind (the events in a group, a group's size, a part of the studies, the bounds of a range of study sizes) is no
# figure they hold, however true: it is not checked against them (a warning when the abstract prints it nowhere).

# "68 of 4206", "17 out of 197 people", "399 out of 627 participants (63.6%)", "13 (18%) of 56": the events of a group
# out of its size (not a natural frequency "out of 100", nor a fraction "one out of eight"), or a part of a count; its
# percentage, when given, is the one the two counts make
EVENTS = re.compile(rf"(?<![\w.,-])(?=[\d{_FIRST_LETTERS}]){_TERM}(?:\s*\(\s*(\d+(?:\.\d+)?)\s*%\s*\))?\s+(?:out\s+)?of\s+{_TERM}"
                    r"(?![\w-]|[.,]\d|\s*%)"
                    rf"(?:\s+{_FILLER}{PEOPLE_NOUN}\b)?(?:\s*\(\s*(\d+(?:\.\d+)?)\s*%\s*\))?", re.I)
NATURAL_BASES = frozenset({10, 100, 1000, 10000})
SMALL_GROUP = 20  # "one out of eight women", "two of three": a rate said as a fraction, read as a proportion
OF_STUDIES = re.compile(rf"\s+{_FILLER}{STUDY_NOUN}\b", re.I)  # "five out of eight studies": a part of the studies
# "ranging from 20 to 121 participants", "between 30 and 500 women", "10-50 studies": the bounds of a range of counts,
# which are the sizes of single studies (a total is one number)
RANGE_BEFORE = re.compile(rf"(?:(?<![\w.,-]){_COUNT}\s*(?:to|-|–)\s*|"
                          rf"\bbetween\s+{_COUNT}\s+and\s+)$", re.I)
RANGE_AFTER = re.compile(rf"\s*(?:to|-|–)\s*{_COUNT}\s+{_FILLER}"
                         rf"(?:{STUDY_NOUN}|{PEOPLE_NOUN})\b", re.I)
BETWEEN_AFTER = re.compile(rf"\s+and\s+{_COUNT}\s+{_FILLER}"
                           rf"(?:{STUDY_NOUN}|{PEOPLE_NOUN})\b", re.I)
# "Most of the studies we included (21 RCTs with 744 people)", "most studies (32 studies)": the counts in a bracket
# after a noun phrase a quantifier of part opens are a part's ("how many people", "so many" ask or weigh, no part)
PARTITIVE = re.compile(rf"(?<!\bhow )(?<!\bso )(?<!\btoo )(?<!\bas )\b(?:most|some|many|several|few|half|majority|minority)\s+"
                       rf"(?:of\s+(?:the|these|those|them|our|all(?:\s+the)?)\s+)?(?:[\w-]+\s+){{0,2}}?(?:{STUDY_NOUN}|{PEOPLE_NOUN})\b"
                       r"[^.;:()]{0,40}\([^()]*$", re.I)


# "of 1000 patients ..., between 36 and 79 patients", "between 91 and 97 out of 100 people": a range of risks said as
# people out of a natural base, which is a result's interval
NATURAL_BASE = re.compile(r"\b(?:of|in|per|every|out\s+of)\s+(?:100|1,?000|10,?000)\b", re.I)


def _per_natural_base(text: str) -> bool:
    """Whether `text` speaks of people out of 100 or 1000 ("22 fewer per 1000"): its counts are risks."""
    return "00" in text and NATURAL_BASE.search(text) is not None


def range_bound(text: str, start: int, end: int) -> bool:
    """Whether the number at `start`-`end` is a bound of a range of counts of studies or people (not of people out of
    100 or 1000: a risk's interval)."""
    if _per_natural_base(text):
        return False
    if RANGE_BEFORE.search(text, max(0, start - 60), start) and count_kind(text, end) in COUNT_KINDS:
        return True
    if RANGE_AFTER.match(text, end):
        return True
    return BETWEEN_AFTER.match(text, end) is not None and re.search(r"\bbetween\s+$", text[max(0, start - 10):start], re.I) is not None


def of_a_part(text: str, start: int) -> bool:
    """Whether the count at `start` is in a bracket after a noun phrase a quantifier of part opens."""
    opened = text.rfind("(", 0, start)
    if opened < 0 or ")" in text[opened:start]:
        return False
    match = PARTITIVE.search(text, max(0, opened - 120), start)
    return match is not None and CLAUSE_OPENS.search(text, max(0, match.start() - 12), match.start()) is not None


# where a subject starts: the sentence's start, after a clause's punctuation or conjunction ("We found that most
# studies (32 studies) ...", "Most studies took place in Europe (39 studies)"); a quantifier after a preposition ("an
# increase in some babies' head size (one trial, 389 women)") is inside a claim's words, not its subject
CLAUSE_OPENS = re.compile(r"(?:^|[,;:(]|\b(?:that|and|but|while|whereas))\s*$", re.I)


# A mean or a median over the studies ("46 participants on average", "an average of 30 people per study", "a median of
# 104 participants", "120 women each", "one study each"): a characteristic of the studies, no total and no result's
# count (28 corpus counts in 28 summaries: study sizes and "one study each"; ages, "a mean age of 64 years", are ages)
AVERAGE_BEFORE = re.compile(r"\b(?<!on )(?:average|mean|median)(?:\s+(?:study\s+|sample\s+)?(?:size|number))?(?:\s+of)?"
                            r"(?:\s+(?:about|around|approximately|nearly|roughly|only|just))?\s+$", re.I)
AVERAGE_AFTER = re.compile(rf"\s+{_FILLER}(?:{STUDY_NOUN}|{PEOPLE_NOUN})\s+(?:on\s+average|each\b(?!\s+(?:year|month|week|day|night))|"
                           rf"(?:per|in\s+each|for\s+each|a)\s+{STUDY_NOUN}\b(?!\s+(?:groups?|arms?)\b))", re.I)


def per_study(text: str, start: int, end: int) -> bool:
    """Whether the count at `start`-`end` is a mean or a median over the studies, or the size of each study, rather than a
    total or a result's count (not a risk out of 100 or 1000: "on average 22 fewer people per 1000")."""
    if _per_natural_base(text):
        return False
    return AVERAGE_AFTER.match(text, end) is not None or AVERAGE_BEFORE.search(text, max(0, start - 40), start) is not None


def part_or_range(text: str, start: int, end: int, kind: str | None, value: str, in_claim: bool) -> str | None:
    """What the count at `start`-`end` is when it is a count of a part of the studies or people, or a bound of a range of
    counts outside claims ("The studies included from 20 to 121 participants"; in a claim, "between 61 and 77 people
    would ..." may be a risk's interval); None otherwise."""
    if kind in COUNT_KINDS and "(" in text and of_a_part(text, start):
        return "a count of a part of the studies or people"
    if kind in COUNT_KINDS and per_study(text, start, end):
        return "a mean or a median over the studies, or the size of each (a characteristic of the studies)"
    if in_claim:
        return None
    if (kind in COUNT_KINDS and range_bound(text, start, end)) or (kind is None and value.isdigit() and RANGE_AFTER.match(text, end)):
        return "a bound of a range of counts (the sizes of single studies)"
    return None


# The words that may follow a result's figure: a comparison ("103 fewer", "2.5 times"), a scale's points, a base ("per",
# "in", "out of"), a scale word, or a word of grammar ("7 in the placebo group", "12 and 15"); English's closed classes
FIGURE_FOLLOWERS = frozenset({
    "more", "fewer", "less", "times", "fold", "point", "points", "percent", "per", "cent", "in", "of", "out", "on", "at", "to",
    "and", "or", "but", "than", "for", "by", "with", "from", "versus", "vs", "compared", "as", "among", "between", "higher",
    "lower", "greater", "smaller", "better", "worse", "extra", "additional", "million", "billion", "hundred", "thousand",
    "is", "was", "were", "are", "be", "had", "have", "has", "would", "will", "could", "may", "might", "the", "a", "an",
    "who", "which", "that", "whereas", "while", "respectively", "overall", "each", "every", "all", "both", "only", "about",
    "its", "this", "thus", "plus", "minus", "across", "towards", "afterwards", "sometimes", "perhaps",
    # a fraction ("two thirds"), and the units a difference of means is measured in ("2.5 kilograms more")
    "halves", "thirds", "quarters", "fifths", "tenths", "grams", "kilograms", "kilos", "pounds", "milligrams", "micrograms",
    "litres", "liters", "millilitres", "milliliters", "metres", "meters", "centimetres", "centimeters", "millimetres",
    "millimeters", "kilometres", "kilometers", "inches", "steps", "beats", "breaths", "calories", "kilocalories", "scores",
})
_NEXT_WORD = re.compile(r"\s+([a-z][a-z-]{2,})\b")


def counts_other(text: str, end: int, results: list[Any]) -> str | None:
    """The noun a bare number counts when it is no kind a result holds: a plural noun right after it that is not a word
    that may follow a figure, nor a word of the results' names ("5 deaths" of death); "15 countries", "four hospitals",
    "two injections" count something else."""
    match = _NEXT_WORD.match(text, end)
    if match is None:
        return None
    word = match.group(1)
    if not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return None  # a noun the number counts is plural ("15 countries"); an adjective or a verb may come before one
    if word in FIGURE_FOLLOWERS or re.fullmatch(f"{STUDY_NOUN}|{PEOPLE_NOUN}", word, re.I):
        return None
    stem = word[:5]
    if any(name_word.startswith(stem) or word.startswith(name_word[:5]) for r in results for name in r.names()
           for name_word in re.findall(r"[a-z][a-z-]{2,}", name.lower())):
        return None
    return word


@dataclass(frozen=True)
class Events:
    """A count of events out of a group's size ("68 (1.6%) of 4206"): the span, the two counts, and the percentage
    the sentence gives with them (None when it gives none)."""

    start: int
    end: int
    events: int
    group: int
    percent: str | None

    def holds(self, at: int) -> bool:
        return self.start <= at < self.end

    def consistent(self) -> bool:
        """Whether the percentage given is the one the counts make (to its decimals, rounded or cut short)."""
        if self.percent is None:
            return True
        decimals = len(self.percent.partition(".")[2])
        return abs(100 * self.events / self.group - float(self.percent)) <= 10.0 ** -decimals + 1e-9


def may_have_events(text: str) -> bool:
    """False when EVENTS cannot match in `text`: in an ASCII text whose only white space is spaces, its " of " (in lower
    case) follows spaces after a digit, a number in words or the bracket of a percentage, or after "out" and spaces after
    one of those."""
    if not _spaced_ascii(text):
        return True
    lower = text.lower()
    at = lower.find(" of ")
    while at >= 0:
        end = len(lower[:at + 1].rstrip(" "))  # where the word before the spaces ends
        ends = [end]
        if lower.endswith("out", 0, end) and lower[end - 4 : end - 3] == " ":
            ends.append(len(lower[:end - 3].rstrip(" ")))  # "out of": the term (or its bracket) before "out"
        for term_end in ends:
            if term_end and (lower[term_end - 1].isdigit() or lower[term_end - 1] == ")" or lower.endswith(_TERM_ENDS, 0, term_end)):
                return True
        at = lower.find(" of ", at + 1)
    return False


def events_in(text: str) -> list[Events]:
    """The counts of events out of a group of `text` (EVENTS, with a group that is no natural base and holds them)."""
    found: list[Events] = []
    if not may_have_events(text):
        return found
    for match in EVENTS.finditer(text):
        events, group = word_value(match.group(1)), word_value(match.group(3))
        if events is None or group is None or group in NATURAL_BASES or not 0 <= events < group:
            continue
        if group <= SMALL_GROUP and not OF_STUDIES.match(text, match.end(3)):
            continue  # "one out of eight women": a fraction; "two of five studies" is a part of the studies
        if YEAR.match(str(group)) or YEAR.match(str(events)):
            continue
        found.append(Events(match.start(), match.end(), events, group, match.group(2) or match.group(4)))
    return found


# a percentage printed as a figure ("24% versus 5.5%"), not an interval's level ("95% CI")
PRINTED_PERCENT = re.compile(r"\d\s*%(?!\s*(?:CI|confidence))", re.I)


def percent_printed(sections: list[tuple[str, list[Any]]]) -> set[str]:
    """The ids of the results whose outcome the abstract prints a percentage with (from its name to the next outcome
    named): their risks as the abstract gives them."""
    found: set[str] = set()
    for text, spans in sections:
        for index, span in enumerate(spans):
            end = spans[index + 1].start if index + 1 < len(spans) else min(len(text), span.end + 400)
            if PRINTED_PERCENT.search(text, span.end, end):
                found.update(result.id for result in span.results)
    return found


def number_marks(scored: Scored, config: Config) -> list[Mark]:
    """Numbers tied to what they count. In a claim, a number is held against the figures of the
    result(s) the claim is about and the review's facts, a count of studies or people against that
    result's counts. Outside claims, a count of studies or people in a sentence that names an outcome
    or states the review's totals is held against the counts of the review (those the abstract prints,
    the facts, the results'). Other numbers outside claims (percentages, ages, doses, years) are not
    read: which comparison they belong to is not known."""
    from plainsum.checks.claimreading import readings
    from plainsum.grade.reading import outcome_spans

    review = scored.document.review
    if review is None:
        return []
    read: list[tuple[Any, Reading | None]] | None = list(readings(scored, config) or []) or None
    if read is None:  # no results: no claims to tie numbers to, only counts to look at
        from plainsum.checks.claimreading import written_sentences

        read = [(sentence, None) for sentence in written_sentences(scored)]
    found = [(sentence, reading, in_text) for sentence, reading in read if (in_text := _numbers(sentence.text))]
    if not found:
        return _copied_marks(scored, read, [])  # no other number: the review's figures need not be worked out
    known = _Later(lambda: _all_known(review))  # read by few sentences: worked out when first asked
    counted_known = _Later(lambda: _known_not_percent(review))
    sections = abstract_sections(review)  # the outcomes each section names, found once
    # a percentage is held against what the abstract prints with its outcome less the counts of
    # studies and people there ("7 studies" is no 7%)
    printed, rates = abstract_figures_and_rates(review, sections)
    facts = review_figures(review)
    # the counts the abstract prints with each outcome and anywhere: read when a count first asks for them
    abstract_counted = cache(partial(abstract_counts, review, sections))
    counts: Mapping[str, dict[str, set[str]]] = _LazyMap(lambda: abstract_counted()[0])
    anywhere = _Anywhere(sections, lambda: abstract_counted()[1])
    counted_facts = count_facts(review)
    total_studies = studies_total(review)
    sums = _Later(lambda: count_sums(review))

    @cache
    def gives_people_total() -> bool:  # a fact of people or a total the abstract states: worked out once a review
        return any(fact_kind(name) == "people" for name in review.facts) or prints_people_total(review)

    percents = _Later(lambda: percent_printed(sections))
    marks: list[Mark] = []
    named_in: dict[str, list[Any]] = {}  # the outcomes a sentence without claims names, for the copied figures
    bracketed: dict[str, list[Bracket]] = {}

    totals: dict[str, bool] = {}

    def said_total(text: str) -> bool:  # whether the sentence states the review's totals (TOTAL): read once a sentence
        found = totals.get(text)
        if found is None:
            found = totals[text] = states_total(text)
        return found

    def brackets_of(text: str, claims: list[Any]) -> list[Bracket]:  # worked out once a sentence, when a count is in brackets
        if text not in bracketed:
            bracketed[text] = count_brackets(text, claims, spans if not claims else outcome_spans(text, review.results),
                                             review.results)
        return bracketed[text]

    for sentence, reading, in_text in found:
        text = sentence.text
        claims = reading.claims if reading is not None else []
        spans = outcome_spans(text, review.results) if not claims else []
        sizes = group_sizes(text) if _RECEIVED.search(text) else []
        illustrated = illustrative(text, review) if "%" in text and review.results else None
        if illustrated is not None:
            for at, until, message in illustrated[1]:
                marks.append(_mark(CHECK, scored, sentence, at, until, message,
                                   "give the risks the result's interval gives the assumed risk (its bounds times the assumed risk)"))
        if not claims:
            named_in[text] = spans
        describes = DESCRIBES.match(text) is not None and not FINDING.search(text) and not said_total(text)
        # events and a group are two numbers (a proportion, "one out of five", is read as one)
        counted_events = events_in(text) if " of " in text and (len(in_text) >= 2 or " in " in in_text[0][2]) else []
        for start, end, value, what in in_text:
            if YEAR.match(value) and not COUNTED.match(text[end:]):
                continue  # a year: the stale check looks at dates
            if CONFIDENCE.match(text, end):
                continue  # "95% CI"
            kind = number_kind(text, end) if " in " not in value and not value.endswith(" of") else None
            if kind is None and "number of" in text.lower():
                kind = number_of_kind(text, start)  # "bringing the total number of included trials to 39"
            if kind == "people" and ARM.match(text, end) and not said_total(text):
                continue  # the size of one group ("the 496 participants doing aerobic exercise")
            if illustrated is not None and any(at <= start < until for at, until in illustrated[0]):
                continue  # GRADE's illustrative risks: held against the results' intervals above
            if sizes and any(at == start for at, _end in sizes):
                continue  # "Eighteen patients received G-CSF and 22 got antibiotics": the sizes of a trial's groups
            if kind in ("studies", "people") and approximate_before(text, start):
                continue  # "more than 4000 women": a rounded figure, not read
            if kind in ("studies", "people") and PART_OF.match(text, end) is not None and _whole_of_known(
                    text, end, value, partial(_count_known, kind, counted_facts, review.results, counts, anywhere)):
                continue  # "5968 participants, of whom 5264 were analysed": the full review's count of a known part
            parts = _parts(text, start, end, kind) if kind in ("studies", "people") and value.isdigit() else []
            if kind is not None and len(parts) >= 2 and sum(parts) != int(value) and (
                    str(sum(parts)) in counted_facts | kind_figures(kind, review.results, counts, set()) or anywhere.has(kind, str(sum(parts)))):
                marks.append(_mark(CHECK, scored, sentence, start, end,
                                   f"{what} is given as a total, but its parts in the sentence "
                                   f"({' + '.join(map(str, parts))}) add up to {sum(parts)}, a count the review gives",
                                   f"give the total the parts add up to ({sum(parts)}), or correct the part that is wrong"))
                continue
            if kind == "studies" and CANDIDATES.match(text, end):
                continue  # a search's candidates, which may outnumber the studies included
            if kind == "studies" and total_studies is not None and value.isdigit() and int(value) > total_studies \
                    and not NOT_INCLUDED.search(text):
                marks.append(_mark(CHECK, scored, sentence, start, end,
                                   f"{what} counts more studies than the review includes ({total_studies})",
                                   "give a count of the review's studies as the abstract or the facts give it"))
                continue
            group_of = next((e for e in counted_events if e.holds(start)), None)
            if group_of is not None:
                # events out of a group ("68 (1.6%) of 4206"): no result holds them; the percentage given with them is
                # the one they make, or the sentence contradicts itself
                if start == group_of.start and not group_of.consistent():
                    marks.append(_mark(CHECK, scored, sentence, group_of.start, group_of.end,
                                       f"'{text[group_of.start:group_of.end]}' gives {group_of.percent}%, but {group_of.events} of "
                                       f"{group_of.group} is {100 * group_of.events / group_of.group:.1f}%",
                                       "correct the count or the percentage so they agree"))
                elif group_of.percent is None and (claims or spans or said_total(text)) and value not in known and value not in facts:
                    marks.append(_mark(UNREAD, scored, sentence, start, end,
                                       f"not checked: {what} is a count of events out of a group or of a part out of a whole "
                                       f"('{text[group_of.start:group_of.end]}'), which the results do not hold, and the abstract "
                                       "prints it nowhere", "check it against the review by hand"))
                continue
            role = part_or_range(text, start, end, kind, value, bool(claims))
            if role is not None:
                # the counts of a part ("most of the studies (21 RCTs)") or the bounds of a range of counts: no total of
                # the review, no result's count
                if (claims or spans or said_total(text)) and value not in known and value not in facts:
                    marks.append(_mark(UNREAD, scored, sentence, start, end,
                                       f"not checked: {what} is {role}, no total of the review nor a result's count, and the "
                                       "abstract prints it nowhere", "check it against the review by hand"))
                continue
            if describes and (claims or spans):
                # a description of the studies ("The studies took place in Italy (seven studies)", "These trials aimed
                # to reduce X (nine trials)"), whatever outcome it names: not a claim's figures; a number the abstract
                # prints anywhere passes, another is said, not blocked
                if value not in known and value not in facts:
                    marks.append(_mark(UNREAD, scored, sentence, start, end,
                                       f"not checked: {what} is in a sentence that describes the studies, not a finding, "
                                       "and the abstract prints it nowhere", "check it against the review by hand"))
                continue
            bracket = next((b for b in brackets_of(text, claims) if b.holds(start)), None) \
                if kind in ("studies", "people") and "(" in text and (claims or review.results) else None
            if bracket is not None and kind is not None and bracket.results:
                # a count in the bracket after an outcome's name is that outcome's ("preterm births (two trials, 376 women)")
                if value not in kind_figures(kind, bracket.results, counts, counted_facts):
                    marks.extend(_other_or_count(scored, sentence, (start, end, value, what), kind, list(bracket.results), counts,
                                                 counted_facts, anywhere, known, sections))
                continue
            if bracket is not None and kind is not None and claims and not _sole_claim_unbracketed(claims, brackets_of(text, claims)):
                # a bracket after words that name no encoded outcome, where the claims have brackets of their own or
                # are several: whose counts they are is not known; a count the review gives anywhere passes
                if value in kind_figures(kind, review.results, counts, counted_facts) or anywhere.has(kind, value):
                    continue
                marks.append(_mark(UNREAD, scored, sentence, start, end,
                                   f"not checked: {what} is in a bracket of counts after words that name no outcome of the "
                                   "results, so which outcome it counts could not be told, and the abstract gives no such count",
                                   "check it against the review by hand, or give the count the abstract prints for this outcome"))
                continue
            claim = _owner(claims, start, end, text)
            if isinstance(claim, AnyResult) and not claim.results:
                claim = AnyResult(tuple(review.results))
            if claim is not None and kind in COUNT_KINDS and WHOLE_BEFORE.search(text, max(0, start - 40), start) and \
                    (value in kind_figures(kind, review.results, counts, counted_facts) or anywhere.has(kind, value)):
                continue  # the whole of a part ("two of the nine trials"): a count of the review, or another outcome's
            if claim is not None and kind != "percent" and value.isdigit() and (
                    SUBSET.match(text, end) is not None or (kind == "studies" and EVENTS_IN.search(text, max(0, start - 80), start))):
                # a part of a whole ("five of the eight trials", "two of these studies"): not the claim's figure; a
                # number the abstract prints anywhere passes, another is said, not blocked
                if value not in known and value not in facts:
                    marks.append(_mark(UNREAD, scored, sentence, start, end,
                                       f"not checked: {what} counts a part of a whole, not a figure of a result, and the "
                                       "abstract prints it nowhere", "check it against the review by hand"))
                continue
            if value.isdigit() and NEEDED_BEFORE.search(text, max(0, start - 16), start) and NEEDED_AFTER.match(text, end):
                # "for every 14 children treated, one child had an adverse event": a number needed to treat (or harm),
                # no count of people; the abstract prints it ("NNTH 14") or it is said, not blocked
                if value not in known and value not in facts:
                    marks.append(_mark(UNREAD, scored, sentence, start, end,
                                       f"not checked: {what} is a number needed to treat or harm, and the abstract prints it "
                                       "nowhere", "check it against the review by hand"))
                continue
            natural = NATURAL.match(text, end) if kind != "studies" and value.isdigit() and "00" in text else None
            if natural is not None:
                # "103 more people for every 1000 treated": a risk or a difference per 1000 of the outcome's results
                about = list(claim.results) if claim is not None else \
                    [r for r in review.results if any(r.outcome.technical == n.outcome.technical for n in _named(spans, start, end, text))]
                per = int(natural.group(1).replace(",", ""))
                unnamed = not about  # no claim and no outcome named ("compared with 28 infants for every 1000 women"):
                if unnamed:  # held, as after a frame said first, against every result's risks, as worked out or printed
                    about = [r for r in review.results if r.absolute is not None]
                allowed = set().union(*(natural_figures(r, per, rates, counted_known) for r in about)) if about else set()
                if allowed and value not in allowed | facts and not (unnamed and (
                        value in counted_known or int(value) == per or _near_risk(int(value), per, about))):
                    listed = "; ".join(r.describe() for r in about[:2])
                    marks.append(_mark(CHECK, scored, sentence, start, end,
                                       f"{what} is a number of people per {per}, but no risk or difference of the "
                                       + ("results this sentence can be about" if unnamed else "result this sentence is about")
                                       + f" ({listed}) is {value} per {per}" + (", nor does the abstract print it" if unnamed else ""),
                                       f"give the risk or difference per {per} the abstract prints for this outcome"))
                continue
            frame = PER_FRAME.search(text, 0, start) if kind != "studies" and value.isdigit() and "00" in text and FRAME_WORD.search(text) else None
            if frame is not None:
                # "For every 1000 people who have X, 321 people ...": the numbers after the frame are a risk per 1000
                per = int(frame.group(1).replace(",", ""))
                about = list(claim.results) if claim is not None else \
                    [r for r in review.results if any(r.outcome.technical == n.outcome.technical for n in _named(spans, start, end, text))] \
                    or [r for r in review.results if r.absolute is not None]
                allowed = set().union(*(natural_figures(r, per, rates, counted_known) for r in about)) if int(value) != per else set()
                near = _near_risk(int(value), per, about)
                if allowed and not near and value not in allowed and value not in facts and value not in counted_known:
                    listed = "; ".join(r.describe() for r in about[:2])
                    marks.append(_mark(CHECK, scored, sentence, start, end,
                                       f"{what} is a number of people out of {per} ('{frame.group(0).strip()}'), but no risk or "
                                       f"difference of the results this sentence can be about ({listed}) is {value} per {per}, "
                                       "nor does the abstract print it",
                                       f"give the risk per {per} the abstract prints for this outcome"))
                continue
            if claim is not None:
                results = list(claim.results)
                if kind == "studies" and STUDIES_DID.match(text, end):
                    results = list(review.results)  # the studies of a comparison: any count of the review
                    if value in kind_figures(kind, results, counts, counted_facts) or anywhere.has(kind, value):
                        continue
                    marks.append(_count_mark(scored, sentence, start, end, what, kind, list(claim.results)))
                    continue
                if kind in ("studies", "people"):
                    if value in kind_figures(kind, results, counts, counted_facts):
                        continue
                    marks.extend(_other_or_count(scored, sentence, (start, end, value, what), kind, results, counts, counted_facts,
                                                 anywhere, known, sections))
                    continue
                allowed = _allowed(kind, results, printed, rates, facts)
                role = ""
                if kind == "percent" and risk_role(text, start, end):
                    allowed = set().union(*(risk_figures(r, rates) for r in results))
                    role = " (read as a risk: it is none of the result's risks)"
                if kind == "percent" and comparator_arm(text, start, end, results):
                    allowed = set().union(*(control_figures(r, rates) for r in results))
                    role = " (said of the comparison group: it is not the risk without the intervention)"
                timed = UNIT.match(text[end:])
                if kind is None and is_age(text, start, end):
                    continue  # an age ("in people aged 65 years or older", "5-year-old children"): who took part
                if timed and kind != "ratio":
                    groups = claim.groups if isinstance(claim, AnyResult) and claim.groups else (tuple(results),)
                    point = not time_change(text, start, end + timed.end())
                    if any(_time_fits(value, timed.group(0).strip(), list(group), sections, point) for group in groups) or \
                            _named_number(value, timed.group(0).strip(), [n for r in review.results for n in r.names()]):
                        continue
                    # the outcome is named at a time ("... at six months"), or the abstract gives it one, and the
                    # abstract prints this time nowhere with its unit: another time point, not one of the result's other
                    # figures that happens to match
                    timed_names = '; '.join(n for r in results[:2] for n in r.names() if _numbers_in(n))
                    marks.append(_mark(CHECK, scored, sentence, start, end,
                                       f"{what} is a time or an amount, but the result this sentence claims about is "
                                       + (f"named at another ({timed_names})" if timed_names else
                                          "given at another time where the abstract names its outcome")
                                       + " and the abstract prints this one nowhere with its unit",
                                       "give the time point of the result as the abstract prints it"))
                    continue
                if NOT_FIGURE.match(text[end:]) or _describes_intervention(text, end, reading):
                    continue
                if " in " in value:
                    top, bottom = value.split(" in ")
                    raw = facts.union(*({normalise_number(n) for n in r.numbers_in_data()} | printed.get(r.id, set())
                                        for r in results))
                    if (top in raw and bottom in raw) or _derived(value, text, start, end, results):
                        continue
                elif value in allowed or arm_mean(value, {v for _s, _e, v, _w in in_text} - {value}, results, printed):
                    continue
                listed = "; ".join(r.describe() for r in results[:2])
                if role and not any(r.absolute is not None or r.control_risk is not None or r.id in percents.get()
                                    for r in results):
                    # a risk of one group ("12% of people given placebo") where the results hold no risk (no absolute
                    # effect, no assumed risk) and the abstract prints no percentage with the outcome: no figure of its kind
                    if value not in known:
                        marks.append(_mark(UNREAD, scored, sentence, start, end,
                                           f"not checked: {what} is read as the risk of a group, but the result holds no "
                                           f"risks ({listed}) and the abstract prints it nowhere", "check it against the review by hand"))
                    continue
                other = counts_other(text, end, results) if kind is None and " in " not in value else None
                if other is not None:
                    # "15 countries", "four hospitals": a count of something no result holds, however true
                    if value not in known:
                        marks.append(_mark(UNREAD, scored, sentence, start, end,
                                           f"not checked: {what} counts '{other}', which no result holds ({listed}), and the "
                                           "abstract prints it nowhere", "check it against the review by hand"))
                    continue
                marks.append(_mark(CHECK, scored, sentence, start, end,
                                   f"{what} is not a figure of the result this sentence claims about ({listed}) nor a fact "
                                   f"of the review{role}", "give the figure of this outcome (its studies, participants, risks "
                                   "or effect as the abstract prints them)"))
                continue
            rated = _rated_evidence(reading, text, start, kind) if claim is None else None
            if rated is not None:
                # "low-quality evidence from only two trials to suggest ...": the count of the evidence the sentence rates
                if value in kind_figures(kind or "", rated, counts, counted_facts) or anywhere.has(kind or "", value):
                    continue
                marks.append(_count_mark(scored, sentence, start, end, what, kind or "", rated))
                continue
            named = _named(spans, start, end, text)
            if named and kind in ("studies", "people"):
                # no claim read, but the sentence names an outcome ("clear stones faster (14 studies)"): which
                # comparison it is about is not known, so only a count that is no count of the review is wrong
                if value in kind_figures(kind, review.results, counts, counted_facts) or anywhere.has(kind, value):
                    continue
                marks.append(_count_mark(scored, sentence, start, end, what, kind, list(named)))
                continue
            if named and kind is None and "point" in text and point_change(text, start, end):
                # no claim read, but a change in points printed with an outcome measured on a scale ("the pain intensity
                # decreased by 7.3 points"): a mean difference, held against the figures of every result of that outcome
                same = [r for r in review.results if any(r.outcome.technical == n.outcome.technical for n in named)]
                if not any(str(r.measure).upper() in MEAN_DIFFERENCES for r in same):
                    continue  # the outcome's results are no difference of means: what the points are is not known
                figures = _allowed(None, same, printed, rates, facts)
                if value in figures or value in known or _rounds_to(value, figures | known.get()):
                    continue  # a figure of the outcome, as printed or rounded, or one the abstract prints elsewhere
                listed = "; ".join(r.describe() for r in same[:2])
                marks.append(_mark(CHECK, scored, sentence, start, end,
                                   f"{what} is a change in points printed with an outcome, but it is no figure of that "
                                   f"outcome's results ({listed}), nor a fact of the review, nor printed anywhere in the abstract",
                                   "give the difference as the abstract prints it (the mean difference of this outcome)"))
                continue
            if named and (kind == "percent" or " in " in value) and not UNIT.match(text[end:]) and not YEAR.match(value):
                # no claim read, but a rate or a proportion printed with an outcome ("77 out of 100 people
                # reported treatment success", "a 21% chance of pregnancy"): held against the figures of every
                # result of that outcome (whichever comparison it is about), the facts and the abstract's figures
                same = [r for r in review.results if any(r.outcome.technical == n.outcome.technical for n in named)]
                if _figure_of(value, kind, text, start, end, same, printed, rates, facts) or value in known:
                    continue  # or a figure the abstract prints elsewhere: of a comparison not encoded, maybe
                listed = "; ".join(r.describe() for r in same[:2])
                if " in " in value:  # a proportion of people is a count the results or the abstract must give
                    marks.append(_mark(CHECK, scored, sentence, start, end,
                                       f"{what} is printed with an outcome, but it is no figure of that outcome's results "
                                       f"({listed}), nor a fact of the review, nor printed anywhere in the abstract",
                                       "give the figure of this outcome as the abstract prints it"))
                else:  # a percentage may be worked out from the full review ("if the chance is 16%, ... 13% to 26%")
                    marks.append(_mark(UNREAD, scored, sentence, start, end,
                                       f"not checked: {what} is printed with an outcome, but it is no figure of that "
                                       f"outcome's results ({listed}), nor a fact of the review, nor printed in the abstract, "
                                       f"and the sentence claims nothing it could be tied to",
                                       "check it against the review by hand, or give the figure the abstract prints"))
                continue
            if kind in ("studies", "people") and said_total(text) and ONE_OF_SEVERAL.search(text, 0, start) is not None:
                # one review or study among several: its people are checked only where the abstract prints
                # people with the same count of studies ("two studies (403 participants)")
                part = ONE_OF_SEVERAL.search(text, 0, start)
                paired = _paired_people(text, part.start() if part else 0, start, review) if kind == "people" else set()
                if paired and value not in paired and not anywhere.has(kind, value):
                    marks.append(_mark(CHECK, scored, sentence, start, end,
                                       f"{what} counts people, but the abstract gives {', '.join(sorted(paired))} with the same "
                                       f"count of studies", "give the count the abstract prints"))
                continue
            if kind in ("studies", "people") and said_total(text):
                # (what an update added, "14 new trials", is no total the counts after it are parts of)
                earlier = [e for _s, e, _v, _w in in_text if e <= start and number_kind(text, e) == kind and not ADDED.match(text, e)]
                if _part_of_total(text, start, kind, earlier):
                    continue  # "found 20 studies ... (15 studies); three studies were ...": parts of the total first given
                if value in counted_facts or anywhere.has(kind, value) or value in sums[kind] or \
                        value in {str(r.studies if kind == "studies" else r.participants) for r in review.results}:
                    continue
                if value in known and not anywhere[kind]:
                    continue  # an abstract that gives no counts in words the reading knows: as before
                if ADDED.match(text, end):
                    continue  # "12 additional trials", "109 new studies": what an update added, which the full review counts
                # a second count of the same people after the first ("1496 participants were allocated to surgery
                # and 302 participants to ...") may be a group of the total the abstract does not print: said, not
                # blocked; one of other people ("337 professionals and 8400 patients") is a total of its own
                if kind == "people" and not _smaller_than_its_part(text, end, value) and not sums["people"] \
                        and not gives_people_total():
                    # the total of people is the full review's: with no fact to hold it to, a wrong one cannot be told
                    marks.append(_mark(UNREAD, scored, sentence, start, end,
                                       f"not checked: {what} counts people, but the facts give no total of people and the "
                                       f"abstract prints none that is {value}",
                                       "add the review's total to the facts (participants) so that it is checked"))
                    continue
                group = bool(earlier) and _counted_noun(text, earlier[-1]) == _counted_noun(text, end)
                marks.append(_mark(UNREAD if group else CHECK, scored, sentence, start, end,
                                   f"{what} counts {'studies' if kind == 'studies' else 'people'}, but no count of "
                                   f"{'studies' if kind == 'studies' else 'people'} in the abstract, the facts or the results "
                                   f"is {value}" + _nearby(text, review)
                                   + (" (not blocked: after another count, it may be a group of that total)" if group else ""),
                                   "report only counts that are in the review: correct it, or add it to the facts or the abstract"))
    return marks + _copied_marks(scored, read, marks, named_in) + _date_marks(scored, read) + _interval_marks(scored, read, marks) \
        + _pair_marks(scored, read, marks)


# GRADE's illustrative risks in words: "if the chance of live birth without X is 28%, the chance with X would be
# between 30% and 45%": the assumed risk of the comparison group and the range the result's interval gives it
ILLUSTRATIVE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*%[^.;]{0,160}?\b(?:would|will|could|might)\s+be\s+(?:between\s+|from\s+)?"
                          r"(\d+(?:\.\d+)?)\s*%?\s*(?:and|to|-|–)\s*(\d+(?:\.\d+)?)\s*%", re.I)


def _near(typed: str, value: float) -> bool:
    """A percentage as printed for `value`: whole numbers one either side (rounded or cut short), decimals to 0.15."""
    return abs(float(typed) - value) <= (0.15 if "." in typed else 1.01)


def _near_range(typed: str, values: tuple[float, float]) -> bool:
    """`typed` as printed for some value between the two (the assumed risk it comes from is itself rounded)."""
    low, high = sorted(values)
    return low <= float(typed) <= high or _near(typed, low) or _near(typed, high)


def _illustrated_range(result: Any, typed: str) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """(the lower bounds, the upper bounds) `result`'s interval gives each end of the assumed risk `typed` may stand
    for, rounded as printed ("20%": 19.5% to 20.5%)."""
    half = 0.5 * 10 ** -len(typed.split(".")[1]) if "." in typed else 0.5
    ends = [_illustrated(result, float(typed) + step) for step in (-half, half)]
    if ends[0] is None or ends[1] is None:
        return None
    return (ends[0][0], ends[1][0]), (ends[0][1], ends[1][1])


def _illustrated(result: Any, assumed: float) -> tuple[float, float] | None:
    """The risks in per cent with the intervention that `result`'s interval gives an assumed risk (in per cent) of
    the comparison group: by the ratio for a risk ratio, through the odds for an odds ratio; None for other measures."""
    measure = str(result.measure).upper().replace("PETO ", "")
    try:
        low, high = sorted((float(result.ci_low), float(result.ci_high)))
    except ValueError:
        return None
    if measure in ("RR", "HR", "RISK RATIO"):
        return assumed * low, assumed * high
    if measure in ("OR", "ODDS RATIO") and 0 < assumed < 100:
        odds = assumed / (100 - assumed)
        return tuple(100 * odds * r / (1 + odds * r) for r in (low, high))  # type: ignore[return-value]
    return None


def _acting_words(result: Any, review: Any) -> frozenset[str]:
    """The words of a result's intervention's names (the review's intervention where the result names none)."""
    term = result.intervention
    names = [term.plain, term.technical] if term is not None else \
        [str(review.facts.get(key) or "") for key in ("intervention", "plain_intervention")]
    return frozenset().union(*(_name_words(name) for name in names if name))


def illustrative(text: str, review: Any) -> tuple[tuple[tuple[int, int], ...], list[tuple[int, int, str]]] | None:
    """GRADE's illustrative risks in `text` ("if the chance without X is 28%, the chance with X would be between 30% and
    45%"): the range the interval of a ratio gives the assumed risk typed. (The spans of the three numbers, []) when a
    result's interval gives the range; (the spans, each bound that is wrong and why) when the sentence names one outcome
    (all the words of one of its names) and its intervention, and no result of that outcome gives the bound; None
    otherwise (the sentence is read as any other: the range may be of a comparison not encoded)."""
    match = ILLUSTRATIVE.search(text)
    if match is None:
        return None
    assumed = float(match.group(1))
    worked = [(r, bounds) for r in review.results if (bounds := _illustrated(r, assumed)) is not None]
    ranges = {r.id: found for r, _bounds in worked if (found := _illustrated_range(r, match.group(1))) is not None}
    spans = (match.span(1), match.span(2), match.span(3))
    if any(_near_range(match.group(2), lows) and _near_range(match.group(3), highs) for lows, highs in ranges.values()):
        return spans, []
    words = _name_words(text)
    # the outcome named, or every outcome whose name holds its words ("a clinical pregnancy" for the clinical pregnancy
    # rates of two protocols): a range none of them gives is wrong whichever is meant
    named = [r for r in _worded(text, [r for r, _bounds in worked], family=True) if _acting_words(r, review) & words]
    if not named:
        return None
    tied = [(r, bounds) for r, bounds in worked if r in named]
    gives = "; ".join(f"'{r.id}' ({r.measure} {r.ci_low} to {r.ci_high}): {low:.0f}% to {high:.0f}%" for r, (low, high) in tied[:2])
    wrong = [(match.start(n), match.end(n), f"the illustrative risk {match.group(n)}% is not what the interval of the result "
              f"this sentence names gives an assumed risk of {match.group(1)}% ({gives})") for n, side in ((2, 0), (3, 1))
             if not any(_near_range(match.group(n), ranges[r.id][side]) for r, _bounds in tied if r.id in ranges)]
    return spans, wrong or [(match.start(2), match.end(3), f"the illustrative risks {match.group(2)}% to {match.group(3)}% "
                                                          f"are not both what one result's interval gives ({gives})")]


# A figure with its interval in brackets: "20% (ranging from 16% to 24%)", "0.56 (95% CI 0.38 to 0.83)",
# "103 fewer (139 fewer to 52 fewer)"
_FIGURE = r"(\d+(?:\.\d+)?)\s*%?(?:\s+(?:fewer|more|less))?(?:\s+(?:people\s+)?(?:per|in|for every)\s+(?:100|1000))?"
INTERVAL = re.compile(rf"(?<![\w.,])(?<!per )(?<!in )(?<!every ){_FIGURE}\s*\(\s*(?:ranging\s+)?(?:from\s+)?(?:95\s*%\s*CI:?\s*|CI:?\s*)?{_FIGURE}\s*"
                      rf"(?:to|-|–)\s*{_FIGURE}\s*\)", re.I)


def interval_triples(result: Any) -> list[tuple[float, float, float]]:
    """A result's figures with their intervals as a sentence may print them: the estimate and its CI
    (also as a relative change in per cent, and an RD in per cent), and the risk with the intervention
    and the difference of its absolute effect, per 100 and per 1000."""
    triples: list[tuple[float, float, float]] = []
    try:
        estimate, low, high = float(result.estimate), float(result.ci_low), float(result.ci_high)
    except ValueError:
        estimate = low = high = float("nan")
    if estimate == estimate:
        triples.append((abs(estimate), abs(low), abs(high)))
        if str(result.measure).upper() in ("RR", "OR", "HR") and min(estimate, low, high) > 0:
            triples.append((1 / estimate, 1 / high, 1 / low))  # the ratio the other way round
        triples.append((abs(1 - estimate) * 100, abs(1 - low) * 100, abs(1 - high) * 100))
        triples.append((abs(estimate) * 100, abs(low) * 100, abs(high) * 100))
    absolute = result.absolute
    if absolute is not None:
        for per in (100, 1000, absolute.per):
            scale = per / absolute.per
            triples.append((absolute.intervention * scale, absolute.intervention_low * scale, absolute.intervention_high * scale))
            triples.append((abs(absolute.difference) * scale, abs(absolute.difference_low) * scale, abs(absolute.difference_high) * scale))
    return triples


def _fits_triple(typed: tuple[str, str, str], triple: tuple[float, float, float]) -> bool:
    """Whether a printed figure and interval are `triple`, rounded as printed (to the decimals typed; whole
    numbers from 5 up one either side: the review works its risks out from an assumed risk the encoding
    rounds), in either order of the bounds."""
    bounds = sorted(triple[1:])
    def near(text: str, b: float) -> bool:
        a = float(text)
        decimals = len(text.partition(".")[2])
        rounding: float = 0.5 * 10.0 ** -decimals + 1e-9
        return abs(a - b) <= max(rounding, 1.01 if not decimals and abs(b) >= 5 else 0.0, abs(b) * 0.01)
    low, high = sorted(typed[1:], key=float)
    return near(typed[0], triple[0]) and near(low, bounds[0]) and near(high, bounds[1])


def _interval_marks(scored: Scored, read: list[tuple[Any, Reading | None]], marks: list[Mark]) -> list[Mark]:
    """A figure with its interval in brackets in a claim ("it was 20% (ranging from 16% to 24%)") that is none
    of the claim's results' figures with its interval, nor a figure and interval the abstract prints."""
    review = scored.document.review
    if review is None:
        return []
    printed: list[tuple[float, float, float]] | None = None
    taken = {(m.sentence.offset if m.sentence else -1, m.text) for m in marks}
    out: list[Mark] = []
    for sentence, reading in read:
        if reading is None or not reading.claims or "(" not in sentence.text:
            continue
        text = sentence.text
        for match in INTERVAL.finditer(text):
            if UNIT.match(text[match.end():]) or any((sentence.offset, match.group(n)) in taken for n in (1, 2, 3)):
                continue
            claim = _owner(reading.claims, match.start(), match.end(), text)
            if isinstance(claim, AnyResult):
                claim = AnyResult(tuple(review.results))
            if claim is None:
                continue
            typed = (match.group(1), match.group(2), match.group(3))
            if any(_fits_triple(typed, triple) for r in claim.results for triple in interval_triples(r)):
                continue
            if printed is None:
                printed = [(float(m.group(1)), float(m.group(2)), float(m.group(3))) for key, abstract in review.rendered.items()
                           if key.endswith(".technical") for m in INTERVAL.finditer(abstract)]
            if any(_fits_triple(typed, triple) for triple in printed):
                continue
            listed = "; ".join(r.describe() for r in list(claim.results)[:2])
            out.append(_mark(CHECK, scored, sentence, match.start(), match.end(),
                             f"'{match.group(0)}' is a figure with its interval, but none of the result this sentence "
                             f"claims about ({listed}) has it, nor does the abstract print it",
                             "give the figure and its interval as the result has them (its estimate and CI, or its risk "
                             "or difference per 100 or 1000 and their range)"))
    return out


# The evidence behind a finding as a bracket of counts, studies then people ("(3 studies, 7792 children)", "(one trial
# involving 76 women)"), and the same pair as an abstract prints it ("5 cohort studies; 7792 children", "two trials (403
# participants)", "7792 children; 5 studies"): a count of people names the evidence, so the studies counted with it are
# the abstract's (297 corpus brackets whose people the abstract prints with studies: 296 agree, the other a published
# summary that says 3 studies where its abstract says 5)
_PAIR_TERM = rf"(\d{{1,3}}(?:,\d{{3}})+|\d+|{_WORD_TREE}(?:[- ]{_UNITS_TREE})?)"
LAY_PAIR = re.compile(rf"\(\s*{_PAIR_TERM}\s+{_FILLER}{STUDY_NOUN}\s*(?:[,;]\s*|\s(?:with|involving|in)\s+)(?:a\s+total\s+of\s+)?"
                      rf"{_PAIR_TERM}\s+{_FILLER}{PEOPLE_NOUN}\b[^()]*\)", re.I)
ABSTRACT_PAIRS = (
    re.compile(rf"(?<![\w.,-]){_PAIR_TERM}\s+{_FILLER}{STUDY_NOUN}\s*(?:[,;(]\s*|\s(?:with|involving)\s+)(?:[Nn]\s*=\s*)?"
               rf"{_PAIR_TERM}\s+{_FILLER}{PEOPLE_NOUN}\b", re.I),
    re.compile(rf"(?<![\w.,-]){_PAIR_TERM}\s+{_FILLER}{PEOPLE_NOUN}\s*[,;]\s*{_PAIR_TERM}\s+{_FILLER}{STUDY_NOUN}\b", re.I),
)


# ABSTRACT_PAIRS for an ASCII text in lower case (_without_case): the same matches
_ABSTRACT_PAIRS_LOWER = tuple(_without_case(pattern) for pattern in ABSTRACT_PAIRS)


def abstract_pairs(review: Any) -> dict[int, set[int]]:
    """Each count of people the abstract prints with a count of studies -> those counts of studies."""
    pairs: dict[int, set[int]] = {}
    for key, text in review.rendered.items():
        if not key.endswith(".technical"):
            continue
        lowered = text.isascii()  # (word_value reads a number in words in any case)
        for index, pattern in enumerate(_ABSTRACT_PAIRS_LOWER if lowered else ABSTRACT_PAIRS):
            for match in pattern.finditer(text.lower() if lowered else text):
                studies, people = (match.group(1), match.group(2)) if index == 0 else (match.group(2), match.group(1))
                studies_value, people_value = word_value(studies), word_value(people)
                if studies_value is not None and people_value is not None:
                    pairs.setdefault(people_value, set()).add(studies_value)
    return pairs


def _pair_marks(scored: Scored, read: list[tuple[Any, Reading | None]], marks: list[Mark]) -> list[Mark]:
    """A bracket of counts whose people the abstract prints with other counts of studies ("(2 studies, 87 people)"
    where the abstract prints "1 study, 87 participants")."""
    review = scored.document.review
    if review is None:
        return []
    pairs: dict[int, set[int]] | None = None
    taken = {(m.sentence.offset if m.sentence else -1, m.text) for m in marks}
    out: list[Mark] = []
    for sentence, _reading in read:
        text = sentence.text
        if "(" not in text:
            continue
        for match in LAY_PAIR.finditer(text):
            studies, people = word_value(match.group(1)), word_value(match.group(2))
            if studies is None or people is None or (sentence.offset, match.group(1)) in taken:
                continue
            if pairs is None:
                pairs = abstract_pairs(review)
            partners = pairs.get(people)
            if not partners or studies in partners:
                continue
            printed = " or ".join(str(n) for n in sorted(partners))
            out.append(_mark(CHECK, scored, sentence, match.start(1), match.end(1),
                             f"the number '{match.group(1)}' counts the studies of {match.group(2)} people, but the abstract "
                             f"prints those {match.group(2)} people with {printed} {'study' if printed == '1' else 'studies'}",
                             "give the count of studies the abstract prints with these people"))
    return out


_CLAUSE_MARK = re.compile(r"[,;.:()]")


def intervention_studies(abstract: list[str], results: list[Any]) -> set[str]:
    """The counts of studies the abstract (its sections' texts) prints in a clause that names the intervention of
    `results` ("Five studies investigated metformin, three topiramate": 5 for metformin): the studies of that
    intervention."""
    names = {n.lower() for r in results for n in (r.intervention.technical, r.intervention.plain) if n and len(n) >= 4}
    found: set[str] = set()
    for text in abstract:
        lower = text.lower()
        if not any(name in lower for name in names):
            continue
        for start, end, value, _what in _numbers(text):
            if value.isdigit() and "studies" in counted_kinds(text, start, end):
                opened = max((m.end() for m in _CLAUSE_MARK.finditer(text, 0, start)), default=0)
                closed = _CLAUSE_MARK.search(text, end)
                clause = lower[opened:closed.start() if closed else len(text)]
                if any(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", clause) for name in names):
                    found.add(value)
    return found


def other_evidence(text: str, start: int, results: list[Any], counts: Mapping[str, dict[str, set[str]]],
                   facts: set[str], everything: list[Any]) -> str | None:
    """The bracket of counts of studies and people the count at `start` is in ("(5 studies, 232 participants)") when
    neither count is one of `results` (nor one the abstract prints with their outcome, nor a fact): the bracket counts
    another evidence base than these results' (the studies of the intervention, of a wider outcome), not a miswritten
    count of theirs, which would leave the other count right. None when one of its counts fits (the other is then
    held to the results), when both are the counts of one other result of `everything` ("(3 studies, 4728 people)",
    the counts of infections, in a claim about deaths: a wrong count), or the number is in no such bracket."""
    if "(" not in text:
        return None
    for match in LAY_PAIR.finditer(text, max(0, text.rfind("(", 0, start + 1))):
        if not match.start() <= start < match.end():
            break
        studies, people = word_value(match.group(1)), word_value(match.group(2))
        if studies is None or people is None:
            return None
        if str(studies) in kind_figures("studies", results, counts, facts) or str(people) in kind_figures("people", results, counts, facts):
            return None
        if any(r not in results and r.studies == studies and r.participants == people for r in everything):
            return None
        return match.group(0)
    return None


# A sentence that dates the search or the evidence: "up to 4 March 2015", "searched until", "current to"
SEARCH_WORDS = re.compile(r"\b(?:search\w*|up to|until|current|up-to-date|date|published)\b", re.I)
_SEARCH_STEMS = ("search", "up to", "until", "current", "date", "published")  # one is in every match of SEARCH_WORDS


def _may_date_search(text: str) -> bool:
    """False when `text` cannot match SEARCH_WORDS: an ASCII text whose lower case has none of its words (a search of
    the lower case for six words is a third of the case-blind search's cost)."""
    if not text.isascii():
        return True
    lower = text.lower()
    return any(map(lower.__contains__, _SEARCH_STEMS))


def _date_marks(scored: Scored, read: list[tuple[Any, Reading | None]]) -> list[Mark]:
    """A date typed with the day and month of one of the review's dates and another year, or its month and
    year and another day ("up to 4 March 2015" for a search on 3 March 2015), that the abstract does not print."""
    import datetime

    review = scored.document.review
    if review is None:
        return []
    dates = {name: value for name, value in review.facts.items() if isinstance(value, datetime.date)}
    if not dates:
        return []
    printed: set[str] | None = None  # the dates the abstract prints, read when a sentence types one with a day
    months: set[str] = set()  # the names of the dates the abstract gives only to the month
    out: list[Mark] = []
    for sentence, _reading in read:
        if not _may_date_search(sentence.text) or not SEARCH_WORDS.search(sentence.text):
            continue  # a date of something else (a trial, a publication) may share the search's month
        for match in WRITTEN_DATE.finditer(sentence.text):
            typed = written_date(match)
            day, month, year = [*typed.split(), ""][:3] if typed[0].isdigit() else ("", "", "")
            if not day:
                continue
            near = [(name, d) for name, d in dates.items() if (f"{d:%B}" == month and (str(d.year) == year) != (str(d.day) == day))]
            if not near:
                continue
            if printed is None:
                printed = {written_date(m) for key, text in review.rendered.items() if key.endswith(".technical")
                           for m in WRITTEN_DATE.finditer(text)}
                months = _months_only(printed, dates)
                printed.update(f"{d.day} {d:%B %Y}" for d in dates.values())
            # a date the abstract gives only to the month ("to April 2016", stored as a day of it): another day of that
            # month is no other date
            near = [(name, d) for name, d in near if not (name in months and str(d.year) == year)]
            if near and typed not in printed:
                name, date = near[0]
                out.append(_mark(CHECK, scored, sentence, match.start(), match.end(),
                                 f"the date '{match.group(0)}' is one number off the review's {name} ({date.day} {date:%B %Y}), "
                                 "and the abstract prints no such date",
                                 f"write {{{{ {name} | long_date }}}}, so the sentence follows the data"))
    return out


def _months_only(printed: set[str], dates: Mapping[str, Any]) -> set[str]:
    """The names of `dates` known only to the month: stored as the 1st of a month (as a month's date is) that the
    abstract prints with its year ("April 2016") and with no day ("8 April 2016"). `printed` holds the abstract's dates
    as written_date writes them. (A date stored on another day holds a day the author knows, from the full review.)"""
    with_day = {text.split(" ", 1)[1] for text in printed if text[0].isdigit()}
    return {name for name, d in dates.items() if d.day == 1 and f"{d:%B %Y}" in printed and f"{d:%B %Y}" not in with_day}


_COPIED_NUMBER = re.compile(r"\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|teen|ty)\b", re.I)  # a number to copy


def _copied_marks(scored: Scored, read: list[tuple[Any, Reading | None]], marks: list[Mark],
                  named_in: dict[str, list[Any]] | None = None) -> list[Mark]:
    """A time or an amount in the abstract's or an outcome's own words with another number ("pain
    scores at 11 to 24 hours" where the abstract prints "9 to 24 hours"): in any sentence when the words
    are an outcome's name, else in a sentence that claims or names an outcome."""
    from plainsum.checks.copied import changed_numbers, has_unit, sources_of
    from plainsum.grade.reading import outcome_spans

    review = scored.document.review
    if review is None:
        return []
    sources = sources_of(review)
    names = [s for s in sources if s[1]]  # every result has names: none when the review has no results
    taken = [(m.sentence, m.text) for m in marks]
    out: list[Mark] = []
    for sentence, reading in read:
        text = sentence.text
        claims = reading is not None and (reading.claims or reading.statement is not None)
        if not names and not claims:
            continue  # no claim, and no result whose outcome it could name or whose name it could copy: no source
        if not has_unit(text):
            continue  # no word of a time or an amount: nothing changed_numbers could find
        if not _COPIED_NUMBER.search(text):
            continue
        # a sentence that claims, names an outcome or states the certainty of evidence speaks of the results
        about = bool(claims) or \
            bool(named_in[text] if named_in is not None and text in named_in else outcome_spans(text, review.results))
        for changed in changed_numbers(text, sources if about else names):
            if (sentence, text[changed.start:changed.end]) in taken:
                continue  # already marked
            where = "the outcome's name is" if changed.from_name else "the abstract prints"
            out.append(_mark(CHECK, scored, sentence, changed.start, changed.end,
                             f"the number '{text[changed.start:changed.end]}' is written in the words of a figure that "
                             f"has another number: {where} '{changed.printed}', and nowhere this number with its unit",
                             "give the number as the abstract (or the outcome's name) prints it"))
    return out


# "..., of whom 5264 were analysed", "of which 12 reported pain": the part of a count the sentence gives. Its words before
# the comma or bracket are whole runs of letters (possessive): a run split into several words matched nothing more, as
# what follows them is no letter, but a failed match tried each split (about 30,000 instructions a count)
PART_OF = re.compile(r"\s*(?:[a-z-]++\s*+){0,3}?[,(]\s*(?:and\s+)?of\s+(?:whom|which|these|them)\s+(?:only\s+|just\s+)?"
                     r"(\d{1,3}(?:,\d{3})+|\d+)", re.I)


def _count_known(kind: str, facts: set[str], results: Any, counts: Mapping[str, dict[str, set[str]]], anywhere: _Anywhere,
                 value: str) -> bool:
    """Whether `value` is a count of `kind` the review gives: a fact, a result's, or one the abstract prints."""
    return value in facts or value in kind_figures(kind, results, counts, set()) or anywhere.has(kind, value)


def _whole_of_known(text: str, end: int, value: str, known: Callable[[str], bool]) -> bool:
    """A count followed by a part of it the data knows ("5968 participants, of whom 5264 were analysed"):
    the whole (people randomised, studies found) is the full review's, which the abstract often leaves out."""
    match = PART_OF.match(text, end)
    if match is None:
        return False
    part = normalise_number(match.group(1))
    return known(part) and value.isdigit() and part.isdigit() and int(part) < int(value)


def _smaller_than_its_part(text: str, end: int, value: str) -> bool:
    """A count followed by a part of it that is larger ("4000 people, of whom 4728 were analysed"): wrong whatever
    the review's counts are."""
    match = PART_OF.match(text, end)
    part = normalise_number(match.group(1)) if match is not None else ""
    return value.isdigit() and part.isdigit() and int(part) > int(value)


# A percentage that is a risk ("a 21% chance of pregnancy", "the risk was 7%", "between 22% and 48% of
# women"), not a difference between the groups ("26% fewer", "by 26%", "26 percentage points")
_RISK_WORD = r"(?:chance|risk|probability|likelihood|rate|odds)"
RISK_AFTER = re.compile(rf"\s*(?:%|per\s?cent\b)\s+(?:{_RISK_WORD}\b|of\s+(?:the\s+)?(?:people|women|men|children|participants|"
                        r"patients|babies|infants|couples|adults|those)\b)", re.I)
RISK_BEFORE = re.compile(rf"\b{_RISK_WORD}s?\b[^,;:()]{{0,60}}?\b(?:is|was|were|are|of|be|to)\s+(?:about\s+|around\s+|"
                         r"approximately\s+|between\s+|from\s+)?$", re.I)
DIFFERENCE = re.compile(r"\s*(?:%|per\s?cent\b)?\s*(?:points?\b|more\b|fewer\b|less\b|higher\b|lower\b|greater\b|smaller\b|"
                        r"reduction\b|increase|decrease|drop\b|rise\b|relative\b|absolute\b|improvement\b|difference\b|"
                        r"fall\b|better\b|worse\b)", re.I)


def risk_role(text: str, start: int, end: int) -> bool:
    """Whether the percentage at `start`-`end` is a risk of a group rather than a difference or a change."""
    if DIFFERENCE.match(text, end) or re.search(r"\bby\s+(?:about\s+|around\s+)?$", text[max(0, start - 20):start], re.I):
        return False
    return bool(RISK_AFTER.match(text, end) or RISK_BEFORE.search(text[max(0, start - 80):start]))


# "more people for every 1000 treated", "fewer deaths per 1000": a natural frequency, not a count
NATURAL = re.compile(r"\s*(?:more|fewer|less|additional|extra)?\s*(?:[a-z-]+\s+){0,3}?(?:for every|in every|out of every|"
                     r"per|of every|in|out of)\s+(100|1000|1,000|10,000|10000)\b(?!\s*(?:years?|months?|weeks?|days?|hours?)\b)",
                     re.I)
# "For every 1000 people who have a hip fracture, 321 ...", "Of every 100 women ..., 27", "If 1000 people were
# followed over a year, 771 ...": a natural frequency said before its numbers, which are risks per that many
PER_FRAME = re.compile(rf"\b(?:(?:for|in|out\s+of|of)\s+every|if|out\s+of)\s+(100|1000|1,000|10,000|10000)\s+"
                       rf"(?:[\w'’-]+\s+){{0,2}}?{PEOPLE_NOUN}\b[^.;:()]*?,\s+(?:[\w'’-]+\s+){{0,6}}?$", re.I)
FRAME_WORD = re.compile(r"\b(?:every|if|out\s+of)\s+(?:100|1000|1,000|10,000|10000)\b", re.I)  # PER_FRAME's start, found at once
# "95% CI", "95% confidence interval": the level of an interval, no figure
CONFIDENCE = re.compile(r"\s*%\s*(?:CI|confidence)\b", re.I)


def _near_risk(value: int, per: int, results: list[Any]) -> bool:
    """Whether `value` people per `per` is within 5% of a risk of `results`' absolute effects (either group): the
    summary may work a risk out from the review's own events."""
    risks = [n * per / r.absolute.per for r in results if r.absolute is not None for n in (r.absolute.control, r.absolute.intervention)]
    return any(abs(value - risk) <= 0.05 * risk for risk in risks)


def natural_figures(result: Any, per: int, rates: dict[str, set[str]], printed: _Later[set[str]] | set[str] | None = None) -> set[str]:
    """What a number of people per `per` of `result` may be: a risk or a difference of its absolute effect on
    that many people (a risk with the intervention one either side), or a number the abstract prints with
    its outcome (per 1000, one it prints somewhere other than as a percentage: `printed`); nothing when the
    result has neither (it cannot be checked)."""
    figures = set(rates.get(result.id, set()))
    if printed is not None and per != 100:
        figures = {figure for figure in figures if figure in printed}  # "I2 = 65%" is no 65 people in 1000
    absolute = result.absolute
    if absolute is not None:
        for n in absolute.numbers() - {absolute.per}:
            figures.add(str(round(n * per / absolute.per)))
        for n in (absolute.intervention, absolute.intervention_low, absolute.intervention_high):
            scaled = round(n * per / absolute.per)
            figures.update({str(scaled - 1), str(scaled + 1)})
        with contextlib.suppress(TypeError, ValueError):  # the assumed risk cut rather than rounded: 0.457 said "45 out of 100"
            figures.add(str(int(float(result.control_risk) * per)))
    return figures if absolute is not None else set()


# What ends the clause a number is in: a percentage there belongs to the group named in that clause
CLAUSE_END = re.compile(r"[,;:()—–]|\s-\s|\b(?:whilst|while|whereas|but|compared|versus|vs|than|and)\b|\b(?:from|to)\b(?=\s+\d)", re.I)


def _clause_around(text: str, start: int, end: int) -> str:
    before = [m.end() for m in CLAUSE_END.finditer(text, 0, start)]
    after = CLAUSE_END.search(text, end)
    return text[before[-1] if before else 0:after.start() if after else len(text)]


def comparator_arm(text: str, start: int, end: int, results: list[Any]) -> bool:
    """Whether the percentage at `start`-`end` is said of the comparison group: its clause names the
    results' comparator ("the pregnancy rate after other surgical treatments is 10%", "7% in the placebo
    group") and no intervention, and supposes nothing ("if the risk without treatment were 20%")."""
    if DIFFERENCE.match(text, end) or re.search(r"\bby\s+(?:about\s+|around\s+)?$", text[max(0, start - 20):start], re.I):
        return False  # "31% less improvement", "by 31%": a difference between the groups, not one group's risk
    clause = _clause_around(text, start, end).lower()
    if re.search(r"\b(?:if|suppose|assum\w*|say)\b", clause):
        return False
    def named(terms: list[Any]) -> bool:
        return any(re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", clause)
                   for term in terms if term is not None for name in (term.plain, term.technical) if name)
    return named([r.comparison for r in results]) and not named([r.intervention for r in results])


def control_figures(result: Any, rates: dict[str, set[str]]) -> set[str]:
    """What a risk in per cent of `result`'s comparison group may be: its assumed risk (per 100, whole or to
    one decimal), or a rate the abstract prints with its outcome."""
    figures = set(rates.get(result.id, set()))
    figures.update(str(round(int(n) / 10)) for n in rates.get(result.id, set()) if n.isdigit() and len(n) >= 2)
    if result.control_risk is not None:
        risk = float(result.control_risk) * 100
        figures.update({str(round(risk)), normalise_number(f"{risk:.1f}")})
    if result.absolute is not None:
        figures.add(str(round(result.absolute.control * 100 / result.absolute.per)))
    return figures if result.control_risk is not None or result.absolute is not None else figures | risk_figures(result, rates)


def risk_figures(result: Any, rates: dict[str, set[str]]) -> set[str]:
    """What a risk in per cent of `result` may be: a rate the abstract prints with its outcome (its risks
    per 1000 said per 100 too), or a risk of its absolute effect per 100 (a risk with the intervention one
    point either side, as the review works it out from an assumed risk the encoding rounds)."""
    figures = set(rates.get(result.id, set()))
    figures.update(str(round(int(n) / 10)) for n in rates.get(result.id, set()) if n.isdigit() and len(n) >= 2)
    absolute = result.absolute
    if absolute is not None:
        for n in (absolute.control, absolute.intervention, absolute.intervention_low, absolute.intervention_high):
            figures.add(str(round(n * 100 / absolute.per)))
            figures.add(normalise_number(f"{n * 100 / absolute.per:.1f}"))
        for n in (absolute.intervention, absolute.intervention_low, absolute.intervention_high):
            per_100 = round(n * 100 / absolute.per)
            figures.update({str(per_100 - 1), str(per_100 + 1)})
    if result.control_risk is not None:
        figures.add(normalise_number(str(round(float(result.control_risk) * 100, 1))))
    return figures


# A time said as a difference ("reduce the duration by about 1.22 days", "two days shorter"): the effect on an outcome
# measured in time, no time point
TIME_CHANGE_BEFORE = re.compile(r"\b(?:by|of)\s+(?:(?:about|around|nearly|almost|approximately|roughly|only|just)\s+)?$", re.I)
TIME_CHANGE_AFTER = re.compile(r"\s+(?:shorter|longer|less|more|fewer|earlier|later|sooner|faster|quicker)\b", re.I)


def time_change(text: str, start: int, unit_end: int) -> bool:
    """Whether the time at `start` (its unit ending at `unit_end`) is a difference rather than a time point."""
    return TIME_CHANGE_BEFORE.search(text, max(0, start - 30), start) is not None or \
        TIME_CHANGE_AFTER.match(text, unit_end) is not None


def _time_fits(value: str, unit: str, results: list[Any], sections: list[tuple[str, list[Any]]],
               point: bool = True) -> bool:
    """Whether a time or an amount ("12 months after surgery") may be one of `results`: one the abstract prints with its
    unit or another of the same length ("between baseline and 12 months", "at six to 18 months"); when their outcomes'
    names hold no number of its kind (a time for a time, "pain at six months"; the same unit for an amount), also any
    other, unless it is a time and the abstract gives their outcome at a time of its own, in the sentence naming it
    ("short-term (≤ 3 weeks) reduction of pain intensity") and the time is a time point (`point`), not a difference."""
    abstract = [text for text, _spans in sections]
    if not any(_same_kind(unit, named) for r in results for n in r.names() for named, _value in _name_units(n)):
        # "500 mg" of a result named at a time, "12 weeks" of one named "SF-36": no figure of its kind; but the number
        # of a name's time with another unit ("after 30 sessions" of "death within 30 days") is that time miswritten
        if any(named and number == value for r in results for n in r.names() for named, number in _name_units(n)):
            return False
        return not point or _stem(unit) not in DAYS or _with_unit(value, unit, abstract) or not _outcome_timed(results, sections)
    return _with_unit(value, unit, abstract)


_SENTENCE_END = re.compile(r"[.;](?=\s)")


def _outcome_timed(results: list[Any], sections: list[tuple[str, list[Any]]]) -> bool:
    """Whether a sentence of the abstract that names the outcome of `results` prints a time ("short-term (≤ 3 weeks)
    reduction of pain intensity", "pain at 12 weeks"): the time the abstract gives that outcome."""
    for text, spans in sections:
        for span in spans:
            if not any(r in results for r in span.results):
                continue
            opened = max((m.end() for m in _SENTENCE_END.finditer(text, 0, span.start)), default=0)
            closed = _SENTENCE_END.search(text, span.end)
            sentence = text[opened:closed.start() if closed else len(text)]
            for match in [*NUMBER.finditer(sentence), *NUMBER_WORDS.finditer(sentence)]:
                after = UNIT.match(sentence[match.end():])
                if after is not None and _stem(after.group(0)) in DAYS:
                    return True
    return False


# a time written before its number in a name ("remission at week 26", "day 28")
TIME_BEFORE = re.compile(r"\b(?:years?|months?|weeks?|days?|hours?)\s+$", re.I)


@lru_cache(maxsize=256)
def _name_units(name: str) -> tuple[tuple[str, str], ...]:
    """The unit and the value of each number of an outcome's name ("pain at six months" -> (("month", "6"),), "remission
    at week 26" -> (("week", "26"),), "grade 3 adverse events" -> (("", "3"),)): '' for a number with none."""
    units = []
    for match in [*NUMBER.finditer(name), *NUMBER_WORDS.finditer(name)]:
        after = UNIT.match(name[match.end():])
        before = TIME_BEFORE.search(name, max(0, match.start() - 8), match.start())
        units.append((_stem(after.group(0)) if after else _stem(before.group(0)) if before else "", str(word_value(match.group(0)))))
    return tuple(units)


def _same_kind(unit: str, named: str) -> bool:
    """Whether a typed unit and a name's unit measure the same thing: two times, or one unit of amount."""
    stem = _stem(unit)
    return stem == named or (stem in DAYS and named in DAYS)


def _stem(unit: str) -> str:
    return re.sub(r"^\W+", "", unit.split()[-1].lower()).rstrip("s")


def _named_number(value: str, unit: str, names: list[str]) -> bool:
    """Whether a result's name has `value` other than before another unit ("pain at six months" has six months, "remission
    at week 26" and "in 13- to 24-year-olds" their numbers; "six sessions" is none of them)."""
    stem = _stem(unit)
    for name in names:
        for match in [*NUMBER.finditer(name), *NUMBER_WORDS.finditer(name)]:
            after = UNIT.match(name[match.end():])
            if after is None and str(word_value(match.group(0))) == value:
                return True
            if after is not None and same_amount(value, stem, str(word_value(match.group(0))), _stem(after.group(0))):
                return True
    return False


def _with_unit(value: str, unit: str, texts: list[str]) -> bool:
    """Whether one of `texts` prints `value` with the unit of `unit` ("six sessions" is no "six months")."""
    stem = _stem(unit)
    for text in texts:
        for match in [*NUMBER.finditer(text), *NUMBER_WORDS.finditer(text)]:
            after = UNIT.match(text[match.end():])
            if after and same_amount(value, stem, str(word_value(match.group(0))), _stem(after.group(0))):
                return True
    return False




def same_amount(value: str, stem: str, other: str, other_stem: str) -> bool:
    """Whether `value` `stem` ("2", "year") is the amount `other` `other_stem` ("24", "month"): the same number of the
    same unit, or the same length of time in two units."""
    if stem == other_stem:
        return value == other
    if stem not in DAYS or other_stem not in DAYS:
        return False
    try:
        length, other_length = float(value) * DAYS[stem], float(other) * DAYS[other_stem]
    except ValueError:
        return False
    return abs(length - other_length) <= SAME_DURATION * max(length, other_length)


def _paired_people(text: str, clause: int, start: int, review: Any) -> set[str]:
    """The counts of people the abstract prints right after the count of studies the sentence gives
    between `clause` and `start` ("two studies with 504 people" -> the abstract's "two studies (403 participants)")."""
    said = list(re.finditer(rf"(\d+|{_WORD})\s+{STUDY_NOUN}\b", text[clause:start], re.I))
    if not said:
        return set()
    count = word_value(said[-1].group(1))
    found: set[str] = set()
    for key, abstract in review.rendered.items():
        if not key.endswith(".technical"):
            continue
        for match in re.finditer(rf"(\d+|{_WORD})\s+{STUDY_NOUN}\b", abstract, re.I):
            if word_value(match.group(1)) == count:
                people = re.match(rf"\W{{0,3}}(?:\w+\W+){{0,2}}?([\d,]+)\s+{PEOPLE_NOUN}\b", abstract[match.end():match.end() + 60], re.I)
                if people:
                    found.add(normalise_number(people.group(1)))
    return found


# A change in points on a scale ("decreased by 7.3 points", "2 points lower", "a difference of 5 points"), not a score
# of one group ("rated their pain as 23 points") nor the scale's range ("a range of 70 points", "a 100-point scale")
POINTS_AFTER = re.compile(r"\s+points?\b(?!\s*(?:scale|range)\b)", re.I)
POINTS_CHANGE_AFTER = re.compile(r"\s+points?\s+(?:lower|higher|better|worse|more|less|greater|smaller|fewer|larger)\b", re.I)
POINTS_CHANGE_BEFORE = re.compile(r"(?:\bby|\b(?:difference|decrease|increase|reduction|improvement|change|drop|rise|fall|"
                                  r"worsening|deterioration)\s+of)\s+(?:(?:on\s+)?average\s+|a\s+mean\s+of\s+)?$", re.I)
MEAN_DIFFERENCES = frozenset({"MD", "MEAN DIFFERENCE"})


def point_change(text: str, start: int, end: int) -> bool:
    """Whether the number at `start`-`end` is a change in points ("by 7.3 points", "2 points lower"), said exactly
    (not "by about 15 points")."""
    if not POINTS_AFTER.match(text, end):
        return False
    if approximate_before(text, start):
        return False
    return POINTS_CHANGE_AFTER.match(text, end) is not None or POINTS_CHANGE_BEFORE.search(text, max(0, start - 40), start) is not None


def _rounds_to(value: str, figures: set[str]) -> bool:
    """Whether a figure of `figures` rounded half up to the decimals of `value` is `value` ("7.3" for 7.29)."""
    try:
        typed = float(value)
    except ValueError:
        return False
    places = len(value.partition(".")[2])
    scale = 10.0 ** places
    for figure in figures:
        if "." not in figure or len(figure.partition(".")[2]) <= places:
            continue
        try:
            number = abs(float(figure))
        except ValueError:
            continue
        if whole(number * scale) == round(typed * scale):
            return True
    return False


def _allowed(kind: str | None, results: list[Any], printed: dict[str, set[str]], rates: dict[str, set[str]],
             facts: set[str]) -> set[str]:
    """What a number of `kind` in a sentence about `results` may be: a percentage one of their
    rates (not a count, not a fact); anything else any of their figures or a fact."""
    if kind == "percent":
        return set().union(*(result_figures(r, rates, counts=False) for r in results))
    return facts.union(*(result_figures(r, printed) for r in results))


def _figure_of(value: str, kind: str | None, text: str, start: int, end: int, results: list[Any],
               printed: dict[str, set[str]], rates: dict[str, set[str]], facts: set[str]) -> bool:
    """Whether a rate or a proportion is a figure of `results` (as printed, in their data or derived
    from their absolute effects) or a fact of the review."""
    if " in " in value:
        top, bottom = value.split(" in ")
        raw = facts.union(*({normalise_number(n) for n in r.numbers_in_data()} | printed.get(r.id, set()) for r in results))
        return (top in raw and bottom in raw) or _derived(value, text, start, end, results)
    if kind == "percent" and risk_role(text, start, end):
        return value in set().union(*(risk_figures(r, rates) for r in results)) | facts
    return value in _allowed(kind, results, printed, rates, facts) | facts


def _count_mark(scored: Scored, sentence: Any, start: int, end: int, what: str, kind: str, results: list[Any]) -> Mark:
    counted = "studies" if kind == "studies" else "participants"
    listed = "; ".join(f"'{r.id}' ({getattr(r, counted)} {counted})" for r in results[:3])
    return _mark(CHECK, scored, sentence, start, end,
                 f"{what} counts {'studies' if kind == 'studies' else 'people'}, but the result this sentence is about "
                 f"has another count ({listed}), and no fact of the review or count the abstract prints with this "
                 f"outcome is {what.split()[-1].strip(chr(39))}",
                 f"give this outcome's number of {counted} as the abstract prints it")


def _other_or_count(scored: Scored, sentence: Any, span: tuple[int, int, str, str], kind: str, results: list[Any],
                    counts: Mapping[str, dict[str, set[str]]], facts: set[str], anywhere: _Anywhere,
                    known: _Later[set[str]], sections: list[tuple[str, list[Any]]]) -> list[Mark]:
    """The finding on a count of `kind` that is none of `results`' counts: an error, unless it is in a bracket none of
    whose counts is theirs (another evidence base: a count the review gives anywhere passes, another is a warning)."""
    start, end, value, what = span
    review = scored.document.review
    other = _other_comparison(sentence.text, value, kind, results, review.results if review is not None else [], counts)
    if other is not None:
        return [_mark(UNREAD, scored, sentence, start, end,
                      f"not checked: {what} is a count of {other.describe()}, a result of this outcome in another comparison "
                      f"that the sentence names, so the count may be of that comparison", "check it against the review by "
                      "hand; a sentence of one comparison a result is read against for sure")]
    bracket = other_evidence(sentence.text, start, results, counts, facts, review.results if review is not None else [])
    if bracket is None:
        return [_count_mark(scored, sentence, start, end, what, kind, results)]
    tested = intervention_studies([text for text, _spans in sections], results) if kind == "studies" else set()
    if tested and value not in tested:
        # the studies of the intervention, which the abstract counts ("Five studies investigated metformin")
        return [_mark(CHECK, scored, sentence, start, end,
                      f"{what} counts the studies of a bracket none of whose counts is this result's, so it counts the "
                      f"studies of the intervention, but the abstract counts those as {' or '.join(sorted(tested, key=int))}",
                      "give the count of studies the abstract prints for this intervention")]
    if value in tested or anywhere.has(kind, value) or value in known:
        return []
    listed = "; ".join(f"'{r.id}' ({r.studies} {r.study_word}, {r.participants} participants)" for r in results[:2])
    return [_mark(UNREAD, scored, sentence, start, end,
                  f"not checked: {what} is in a bracket of counts {bracket} none of which is a count of the result this "
                  f"sentence is about ({listed}), so it counts another evidence base (the studies of the intervention, "
                  "maybe), and the abstract gives no such count", "check it against the review by hand, or give the "
                  "counts the abstract prints for this outcome")]


def _other_comparison(text: str, value: str, kind: str, results: list[Any], everything: list[Any],
                      counts: Mapping[str, dict[str, set[str]]]) -> Any | None:
    """A result of the same outcome as `results` in another comparison, which the sentence names by an arm of its own
    (an intervention or comparator the results read against do not have), whose count `value` is ("compared with A
    (one study of 1383 people), and B (one study of 256 people)"): the count may be of that comparison, not of the
    one the sentence was read against."""
    outcomes = {r.outcome.technical for r in results}
    arms = {term for r in results for term in (r.intervention, r.comparison) if term is not None}
    for other in everything:
        if other in results or other.outcome.technical not in outcomes:
            continue
        if value not in kind_figures(kind, [other], counts, set()):
            continue
        # named by an arm of its own, one the results read against do not have ("natalizumab", not "rituximab")
        names = [n for term in (other.intervention, other.comparison) if term is not None and term not in arms
                 for n in (term.plain, term.technical) if n]
        if any(re.search(r"(?<![\w-])" + re.escape(n) + r"(?![\w-])", text, re.I) for n in names):
            return other
    return None


# "low-quality evidence from only two trials", "moderate-certainty evidence from 12 studies": the evidence a statement of
# certainty rates, counted (101 counts in 56 corpus summaries; read only where the sentence claims nothing)
EVIDENCE_FROM = re.compile(r"\bevidence\s+(?:(?:available|that\s+we\s+found)\s+)?(?:from|in)\s+(?:(?:only|just)\s+)?$", re.I)


def _rated_evidence(reading: Any, text: str, start: int, kind: str | None) -> list[Any] | None:
    """The results a statement of certainty in a sentence that claims nothing rates ("There was low-quality evidence
    from only two trials to suggest that X may be better than usual treatment"), when the count at `start` counts that
    evidence ("evidence from N trials"); None otherwise."""
    statement = getattr(reading, "statement", None)
    if kind not in COUNT_KINDS or statement is None or not statement.results or "evidence" not in text[max(0, start - 40):start]:
        return None
    if EVIDENCE_FROM.search(text, max(0, start - 40), start) is None:
        return None
    return list(statement.results)


def _named(spans: list[Any], start: int, end: int, text: str) -> tuple[Any, ...]:
    """The results of the outcome named nearest to a number, in the same clause; () if none."""
    best: tuple[int, tuple[Any, ...]] | None = None
    for span in spans:
        before = span.end <= start
        between = text[span.end:start] if before else text[end:span.start]
        if re.search(r"[;]|\b(?:but|while|whereas)\b", between):
            continue
        gap = start - span.end if before else span.start - end
        if gap >= 0 and (best is None or gap < best[0]):
            best = (gap, span.results)
    return best[1] if best else ()


def _owner(claims: list[Any], start: int, end: int, text: str) -> Any:
    """The claim a number belongs to: the one whose outcome is named nearest to it, when that reading is the only
    one (one outcome among the claims, or in the number's clause, or right beside it); else an AnyResult of every
    claim it may be of (its `groups`), held against each."""
    if not claims:
        return None
    def distance(claim: Any) -> int:
        before: bool = claim.outcome.end <= start
        between = text[claim.outcome.end:start] if before else text[end:claim.outcome.start]
        gap: int = start - claim.outcome.end if before else claim.outcome.start - end
        return gap + (1000 if re.search(r"[,;:]", between) else 0)  # a clause apart: read with the other

    def apart(claim: Any) -> bool:
        before: bool = claim.outcome.end <= start
        return ";" in (text[claim.outcome.end:start] if before else text[end:claim.outcome.start])

    if text.count("(", 0, start) <= text.count(")", 0, start) and all(apart(claim) for claim in claims):
        # an item of a list of its own ("...; may reduce X by about 18%; ..."), whose claim was not read (not
        # in brackets, where semicolons part the figures of one claim: "(9 studies; 148 children)"): it may be a
        # figure of any result
        return AnyResult(())
    owner = min(claims, key=distance)
    outcomes = {_outcome_of(claim) for claim in claims}
    if len(outcomes) < 2:
        return owner
    near = {_outcome_of(claim) for claim in claims if distance(claim) < 1000}
    if len(near) == 1 or distance(owner) <= 30:
        return owner  # the only outcome named in the number's clause, or one right beside it ("relapse at one month")
    # a clause apart from every claim's outcome ("reduced the rate by about 18%, and the duration ..."), or in a
    # clause naming several ("reduced deaths and strokes by 18%"): any of the sentence's claims may be its own
    return AnyResult(tuple(dict.fromkeys(r for claim in claims for r in claim.results)), tuple(tuple(c.results) for c in claims))


def _outcome_of(claim: Any) -> frozenset[str]:
    return frozenset(r.outcome.technical for r in claim.results)


# A bracket that gives counts of studies or people ("(two trials, 376 women)", "(3 studies; 1200 people)"):
# the evidence behind the outcome named just before it
COUNTS_BRACKET = re.compile(rf"\(\s*(?=[\d{_FIRST_LETTERS}]){_TERM}\s+{_FILLER}(?:{STUDY_NOUN}|{PEOPLE_NOUN})\b[^()]*\)", re.I)


@dataclass(frozen=True)
class Bracket:
    """A bracket of counts and the results of the outcome(s) it gives the counts of: () when no encoded outcome is
    named where its outcome is. `lead` is where the count before it starts, when one comes right before it ("two
    trials (365 women)"): that count and the bracket are one unit, the evidence of the outcome named after them."""

    start: int
    end: int
    results: tuple[Any, ...]
    lead: int | None = None

    def holds(self, at: int) -> bool:
        return self.start < at < self.end or (self.lead is not None and self.lead <= at < self.start)


# A count of studies or people right before a bracket ("two studies (156 participants)"): the bracket gives that
# count's people, and the outcome comes after them ("... found lower sevoflurane use")
_COUNT_BEFORE = re.compile(rf"(?:\d[\d,]*|{_WORD_TREE}(?:[- ]{_UNITS_TREE})?)\s+{_FILLER}(?:{STUDY_NOUN}|{PEOPLE_NOUN})\s*$", re.I)
_NAME_WORD = re.compile(r"[a-z][a-z-]{3,}")
_NOT_NAME_WORDS = frozenset({"with", "from", "that", "this", "their", "than", "after", "before", "during", "into", "were", "have",
                             "people", "participants", "patients"})


def _name_words(text: str) -> frozenset[str]:
    return frozenset(_NAME_WORD.findall(text.lower())) - _NOT_NAME_WORDS


def _worded(segment: str, results: list[Any], family: bool = False) -> tuple[Any, ...]:
    """The results one of whose names has all its words (of four letters or more) in `segment`, in any order and with
    a gloss between ("hyperthyroidism (an overactive thyroid gland) after giving birth" for "an overactive thyroid gland
    after giving birth"): () unless they share one outcome and no other outcome's name holds those words and more
    ("clinical pregnancy" is also in "clinical pregnancy rate (long protocol)": which one is meant is not known; with
    `family`, those results are given with the others whose names hold the words, any of which may be meant)."""
    words = _name_words(segment)
    found: list[Any] = []
    covering: list[frozenset[str]] = []
    for result in results:
        for name in result.names():
            name_words = _name_words(name)
            if name_words and name_words <= words:
                found.append(result)
                covering.append(name_words)
                break
    if len({r.outcome.technical for r in found}) != 1:
        return ()
    others = [r for r in results if r.outcome.technical != found[0].outcome.technical]
    wider = [r for r in others if any(name_words < _name_words(name) for name_words in covering for name in r.names())]
    if wider:
        return (*found, *wider) if family else ()
    return tuple(found)


def count_brackets(text: str, claims: list[Any], spans: list[Any], results: list[Any] | None = None) -> list[Bracket]:
    """The brackets of counts of `text`, each with the outcome it counts: the one named just before it, after the
    bracket of counts or the semicolon before ("preterm births (two trials, 376 women) or low birthweight (two trials,
    377 babies)": each bracket its own outcome's counts); for a bracket right after a count ("two studies (156
    participants) found lower sevoflurane use"), the one named after it, up to the next bracket of counts or
    semicolon. A claim's outcome there is taken before an outcome only named; where no outcome's name is found whole
    before a bracket, one of `results` whose name's words are all there names it."""
    found: list[Bracket] = []
    matches = list(COUNTS_BRACKET.finditer(text))
    after = 0  # where the text of the next bracket's outcome may start
    for index, match in enumerate(matches):
        start = max(after, text.rfind(";", 0, match.start()) + 1)
        after = match.end()
        lead = _COUNT_BEFORE.search(text, start, match.start())
        if lead is not None:
            stop = matches[index + 1].start() if index + 1 < len(matches) else len(text)
            semicolon = text.find(";", match.end(), stop)
            start, stop = match.end(), semicolon if semicolon >= 0 else stop
        else:
            stop = match.start()
        tied: list[Any] = []
        for outcome_results in [c.results for c in claims if start <= c.outcome.start and c.outcome.end <= stop] or \
                [span.results for span in spans if start <= span.start and span.end <= stop]:
            tied.extend(r for r in outcome_results if r not in tied)
        if not tied and results and lead is None:
            tied.extend(_worded(text[start:stop], results))
        found.append(Bracket(match.start(), match.end(), tuple(tied), lead.start() if lead is not None else None))
    if len(found) >= 2 and any(not b.results for b in found):
        # "infections in adults (nine trials) and in children (five trials)": the outcome's name, then a setting or
        # group before its bracket, and another bracket naming no outcome: the counts of the groups of a list, not
        # the outcome's own
        found = [Bracket(b.start, b.end, (), b.lead) if b.results and b.lead is None and _grouped(text, b, claims, spans) else b
                 for b in found]
    return found


# the words that start a group of people or a setting after an outcome's name ("in adults", "among smokers", "at home")
GROUP_AFTER = re.compile(r"\s*(?:,\s*)?(?:in|among|at|for|during|aged|with)\s+[^()]{1,60}$", re.I)


def _grouped(text: str, bracket: Bracket, claims: list[Any], spans: list[Any]) -> bool:
    """Whether a group or a setting stands between the outcome named before `bracket` and the bracket."""
    ends = [c.outcome.end for c in claims if c.outcome.end <= bracket.start] or [s.end for s in spans if s.end <= bracket.start]
    return bool(ends) and GROUP_AFTER.match(text, max(ends), bracket.start) is not None


@dataclass(frozen=True)
class AnyResult:
    """The claim of a list item the claim model did not read (its numbers are held against every result), or any of
    several claims a number may be of (a clause apart from each, or in a clause naming several): held against each."""

    results: tuple[Any, ...]
    groups: tuple[tuple[Any, ...], ...] = ()  # the results of each claim it may be, when it is one of several


def _sole_claim_unbracketed(claims: list[Any], brackets: list[Bracket]) -> bool:
    """Whether the sentence makes one claim, has one bracket of counts and it is not tied to the claim's outcome: a
    bracket after other words ("In five trials (400 people), aspirin reduced pain") then gives that claim's counts.
    Several brackets after other words ("aimed at diet (six studies), exercise (three studies) or both (12 studies)")
    count the kinds of study they follow, each its own: none of them is the claim's count."""
    return len(claims) == 1 and len(brackets) == 1 and not any(r in claims[0].results for b in brackets for r in b.results)


def _describes_intervention(text: str, end: int, reading: Any) -> bool:
    """A number that is part of what the intervention is ("7% hypertonic saline", "500 mg aspirin")."""
    after = text[end:end + 40].lower()
    if re.match(r"\s*%?\s*(?:points?\s+)?(?:in|with|without|for|among|of|on|at|versus|vs|compared)\b", after):
        return False  # "7% in the placebo group": a risk in a group, not part of a name
    words = re.findall(r"[a-z][\w-]+", after)[:3]
    names: set[str] = getattr(reading, "actor_words", set())
    return any(word in names for word in words)


# A share of the review's studies or people ("half of the participants included in the review", "a third
# of the trials"): a description of the evidence, not a risk of an outcome
REVIEW_SHARE = re.compile(r"\s+of\s+(?:the\s+|all\s+|these\s+)?(?:included\s+)?(?:(?:studies|trials)\b(?!\s+(?:showed|found|reported))|"
                          r"(?:participants|people|patients|women|men|children)\s+(?:included\s+)?in\s+(?:the|this|our)\s+review\b)",
                          re.I)


# A list item's enumerator ("4) There may be little or no difference ...", "2. People who ...", "(3) the risk ...",
# "...: 1) giving daily doses; 2) ..."): a number of one or two digits that opens the sentence, a line or an item after
# a colon, semicolon, comma, 'and' or 'or', closed by ')' (or '.' where it opens the sentence or a line) and followed
# by a word. It numbers the summary's points and is no figure (116 in 37 corpus summaries; all 25 sampled list items).
_ENUMERATOR_BEFORE = re.compile(r"(?:^|\n|[:;,]|\b(?:and|or))\s*(\(?)$")
_ENUMERATOR_AFTER = re.compile(r"([.)])\s+[^\W\d_]")


def enumerator(text: str, start: int, end: int) -> bool:
    """Whether the digits at `start`-`end` of `text` number an item of a list rather than count anything."""
    if end - start > 2 or text[end:end + 1] not in ").":
        return False
    after = _ENUMERATOR_AFTER.match(text, end)
    before = _ENUMERATOR_BEFORE.search(text, max(0, start - 5), start) if after is not None else None
    if after is None or before is None:
        return False
    if before.group(1):  # "(3) ...": an opening bracket needs its closing one
        return after.group(1) == ")"
    return after.group(1) == ")" or before.start() == 0 or text[before.start()] == "\n"


def _numbers(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, value, how to name it) of each number in digits or words, proportions as one."""
    out: list[tuple[int, int, str, str]] = []
    taken: list[tuple[int, int]] = []
    lower = text.lower() if text.isascii() else None
    words = number_word_spans(text, lower)
    digits = list(NUMBER.finditer(text)) if lower is None else ascii_numbers(text)  # NUMBER's matches (plain.py)
    # each term of a proportion is digits NUMBER finds or a number in words NUMBER_WORDS finds, and no match of either
    # holds both (none holds "in"): a text with fewer than two numbers has none (but for digits NUMBER does not take,
    # as "1,0001", where a term "1" may stand before a comma)
    found = len(words) + len(digits)
    for match in _proportions(text, lower) if (found >= 2 or (found and "," in text)) and may_have_proportion(text, lower) else ():
        taken.append(match.span())
        top, bottom = word_value(match.group(1)), word_value(match.group(2))
        if top is not None and bottom:
            out.append((match.start(), match.end(), f"{top} in {bottom}", f"the proportion '{match.group(0)}'"))
    for match in FRACTION_WORDS.finditer(text) if _may_have_fraction(text, lower) else ():
        if _inside(match.span(), taken) or not re.match(r"\s+of\s+(?:the\s+|all\s+|these\s+)?\w+", text[match.end():]):
            continue
        if REVIEW_SHARE.match(text, match.end()):
            continue  # "half of the participants included in the review", "a third of the studies": the evidence described
        taken.append(match.span())
        out.append((match.start(), match.end(), f"{match.group(1).lower()} of", f"the proportion '{match.group(0)}'"))
    for match in digits:
        if taken and _inside(match.span(), taken):
            continue  # (NUMBER takes no number a letter follows: "1st", "2nd" are none)
        if enumerator(text, match.start(), match.end()):
            continue  # "4) There may be ...": the number of a list item
        out.append((match.start(), match.end(), normalise_number(match.group(1)), f"the number {match.group(1)}"))
    for start, end in words:
        if _inside((start, end), taken):
            continue
        written = text[start:end]
        if written.lower() == "one" and not ONE_COUNTS.match(text, end):
            continue
        value = word_value(written)
        if value is not None:
            out.append((start, end, str(value), f"the number '{written}' ({value})"))
    return sorted(out)


def _may_have_fraction(text: str, lower: str | None = None) -> bool:
    """False when `text` cannot hold a fraction in words (FRACTION_WORDS, case-insensitive): an ASCII text
    with none of their words in lower case (`lower`: text.lower(), when the caller has it)."""
    if not text.isascii():
        return True
    if lower is None:
        lower = text.lower()
    # any(map(lower.__contains__, FRACTION_NAMES)), written out
    return "half" in lower or "third" in lower or "quarter" in lower or "fifth" in lower or "tenth" in lower


def _fraction(value: str) -> Fraction | None:
    if value.endswith(" of"):
        return FRACTIONS.get(value[:-3])
    top, _, bottom = value.partition(" in ")
    return Fraction(int(top), int(bottom)) if top.isdigit() and bottom.isdigit() and 0 < int(top) <= int(bottom) else None


def _derived(value: str, text: str, start: int, end: int, results: list[Any]) -> bool:
    """A proportion the results' absolute effects round to ("1 in 7")."""
    for match in PROPORTION.finditer(text):
        if match.start() == start and end == match.end():
            top, bottom = word_value(match.group(1)), word_value(match.group(2))
            if top is None or not bottom or top > bottom:
                return False
            risks = [n / r.absolute.per for r in results if r.absolute is not None
                     for n in (r.absolute.control, r.absolute.intervention, r.absolute.intervention_low, r.absolute.intervention_high)]
            return _fits(Fraction(top, bottom), (risks, []), bottom)
    return False


def _inside(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in taken)


def _nearby(text: str, review: Any) -> str:
    """The figures of the results the sentence names, to spot a stale number."""
    from plainsum.grade.claims import mentions

    named = mentions(text, review.results)
    if not named:
        return ""
    result = named[0].result
    return (f"; the sentence names result '{result.id}', whose figures are {result.measure} {result.estimate} "
            f"({result.ci_low} to {result.ci_high}), {result.studies} {result.study_word}, {result.participants} participants")
