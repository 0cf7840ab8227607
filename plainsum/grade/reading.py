"""The claim model: what one sentence of a lay summary claims about the review's results.

A sentence is read clause by clause into zero or more claims, one per outcome it names. A claim
has the result(s) it can be about (chosen by the outcome, then by the intervention and comparator
the sentence names), its effect word and which way it goes, its certainty (from its own words, a
word of the sentence such as "but we are very uncertain", or a statement of certainty for the
whole summary) and who acts. A sentence claims nothing when it explains: it is in a part that
gives background or aims (by heading), it asks or announces ("We wanted to find out whether ...",
"– whether ...;", "They looked at:"), calls for research, or no intervention (nor a word standing
for it) acts in it. The words are data: plainsum.grade.vocabulary.

Sentences come split by the caller (the readability stage's splitter, in the text's language).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from plainsum.grade.claims import MAX_CLAIM_CHARS, Hit, find_certainty, not_a_rating
from plainsum.grade.vocabulary import FLIP, WORD_CHARS, Patterns, Vocabulary, levels_of, phrase
from plainsum.words.numbers import DAYS, SAME_DURATION, TEENS, TENS, UNITS, word_value

if TYPE_CHECKING:
    from plainsum.grade.results import Result, Term

# (a bullet inside a sentence joins list items the text lost its line breaks between: "Surgery•Antibiotics to clear
# the infection•Facial cleanliness": each item is a clause of its own)
CLAUSE_BREAK = re.compile(r";|\s+[–—]\s+|(?<=\S)\s*[•▪●◦]\s*|,?\s+\b(?:but|whereas|although|though|while|however|yet)\b,?\s+", re.I)
NEAR_WORDS = 4  # how close a comparative must be to an outcome's name to be its effect ("more serious infections")


@dataclass(frozen=True)
class OutcomeSpan:
    """Where a sentence names an outcome, and every result with that name (several comparisons)."""

    start: int
    end: int
    text: str
    results: tuple[Result, ...]
    opposite: bool = False  # named by its opposite ("survival" for death): the direction goes the other way


@dataclass(frozen=True)
class Candidate:
    """A result a claim may be about; `inverted` when the sentence names its comparator as the one
    who acts ("Clippers cause fewer infections than razors" read against razors vs clippers);
    `opposite` when it names the result's outcome by its opposite ("survival" for death)."""

    result: Result
    inverted: bool = False
    opposite: bool = False


@dataclass
class OutcomeClaim:
    """What a sentence claims about one outcome."""

    outcome: OutcomeSpan
    candidates: list[Candidate]
    effect: Hit | None  # the effect word ("reduce", "none", "differ", ...)
    negated: Hit | None  # a negation before it ("did not reduce")
    certainty: str | None  # the level claimed (None: no word, nothing carried)
    certainty_hit: Hit | None
    certainty_source: str  # "word", "sentence" (a clause of its own), "summary", "implied", "cautioned" (implied, and
    # a sentence after it says to read it with caution) or "none"
    undecided: Hit | None  # "we do not know whether": no direction claimed
    actor: str  # "named" (the intervention or comparator), "stand-in" ("it", "the treatment")
    ambiguous_selection: bool = False  # the names left several results of different comparisons
    floor: str | None = None  # several outcomes under one effect word: the lowest certainty among them
    qualifier: str | None = None  # a setting, subgroup or time the sentence names and its result does not
    comparator: str | None = None  # a comparator the sentence names and its results do not
    comparison_unsaid: bool = False  # the outcome has results of several comparisons and the text names none of their comparators
    each_meant: bool = False  # "both A and B ...": the sentence means every candidate, not one of them
    quantified: bool = False  # the effect word gives a figure's side ("8% better", "improved by 5 points"), not a size
    either_way: bool = False  # "may increase or reduce": the effect and its opposite together, no direction claimed
    plain: bool = False  # its level carried from the summary, and its own plain verb claims high certainty
    whole: bool = False  # said of a comparison as a whole, no outcome named: wrong only when no result of it fits
    unsure: str | None = None  # what could not be read (another comparison's whole name holds the words that chose the results)
    of_evidence: bool = False  # said of the evidence ("no clear evidence of a difference", "no evidence for a difference")

    @property
    def results(self) -> list[Result]:
        return [candidate.result for candidate in self.candidates]


@dataclass
class Statement:
    """A statement of certainty ("The certainty of the evidence is low"): its levels, the results
    it names (none: it speaks for the whole summary), and where its first level word is."""

    levels: set[str]
    hits: list[Hit]
    results: list[Result]
    judged: bool = True  # False: said in certainty words ("We are uncertain about these results"), only carried
    covers: list[Result] = field(default_factory=list)  # in a claim: the results of its comparisons, carried to
    loose: bool = False  # `results` are those it may speak of, not each one it does: held as a summary's statement is
    abstract: frozenset[str] | None = None  # the levels the abstract rates anywhere (None: not known)
    scoped: bool = False  # it rates something it names that no result's name matches ("the evidence as regards X")


@dataclass
class Reading:
    """A sentence read: its claims (none for a sentence that explains) and what else it is."""

    text: str
    kind: str  # "claim", "explains", "statement" (of certainty), "none"
    claims: list[OutcomeClaim] = field(default_factory=list)
    statement: Statement | None = None
    why: str = ""  # why the sentence is not a claim
    actor_words: set[str] = field(default_factory=set)  # the words of the intervention names found in it
    clash: tuple[Hit, Hit] | None = None  # a certainty word and its clause's rating two levels apart
    clash_hedges: bool = False  # an effect word follows that certainty word closely, before the rating
    # claims about outcomes named by their opposite ("improves survival" of a result on death): judged
    # like the others, kept apart from `claims` (the numbers of such a sentence are not that result's figures)
    opposed: list[OutcomeClaim] = field(default_factory=list)
    # a claim about a comparison as a whole, naming no outcome ("There was little or no difference between
    # X and Y"): held against every result of that comparison, wrong only when none fits it
    wholes: list[OutcomeClaim] = field(default_factory=list)


@dataclass
class Context:
    """What a sentence's reading needs from around it."""

    explains: bool = False  # the sentence is in a part that explains (by heading or layout part)
    names: tuple[str, ...] = ()  # more names of the intervention (the review's facts)
    summary: dict[str | None, set[str]] = field(default_factory=dict)  # result id (None: all) -> levels stated
    previous: list[Result] = field(default_factory=list)  # what the sentence before was about ("It may also ...")
    lead_in: str | None = None  # the line ending ':' that the list items after it go on from
    following: str = ""  # the list items after a line ending ':' ("when compared with: – foam; – gel")
    condition: str | None = None  # the condition the review's title names ("... for acute low back pain")
    just_before: bool = False  # `previous` is what the sentence right before this one claimed about


# --- names ----------------------------------------------------------------------------------------

def _name_pattern(name: str) -> str:
    """An outcome's name with a plural or singular last word ("death" finds "deaths"), each long word of it in
    another of its English forms too ("withdrawals" finds "withdrawing", "relapse" "relapsed")."""
    words = name.split()
    if not words:
        return r"(?!)"
    last = words[-1]
    stem = last[:-1] if last.lower().endswith("s") and len(last) > 4 else last
    body = r"\s+".join([*(_word_forms(w) for w in words[:-1]), _word_forms(stem, last=True)])
    return r"(?<![\w'’-])" + body + r"(?![\w'’-])"


# the endings by which an English word of an outcome's name takes its other forms (noun, verb, participle)
_FORM_ENDINGS = re.compile(r"(?:als|al|ing|ed|e|s)$")


def _word_forms(word: str, last: bool = False) -> str:
    written = re.escape(word).replace("'", "['’]") + (r"(?:s|es)?" if last else "")
    ending = _FORM_ENDINGS.search(word) if word.isascii() and word.isalpha() and word.islower() else None
    stem = word[:ending.start()] if ending is not None else word
    if len(stem) < 5 or (ending is None and not last):
        return written
    return rf"(?:{written}|{re.escape(stem)}(?:e|es|ed|ing|al|als|s)?)"


_SAID_OF_IT = re.compile(r"^(?:less|more|fewer)\s+(?=\S)", re.I)
_ARTICLE = re.compile(r"^(?:the|a|an|their|its|how many people|how many|number of)\s+", re.I)


@lru_cache(maxsize=4096)
def _outcome_regex(names: tuple[str, ...]) -> re.Pattern[str]:
    variants: set[str] = set()
    for name in names:
        # (a name is no direction: "less vitamin B12 deficiency" names the deficiency, and "less" is said of it)
        name = _SAID_OF_IT.sub("", " ".join(name.split()))
        variants.add(name)
        stripped = _ARTICLE.sub("", name)
        if len(stripped) >= 4:
            variants.add(stripped)
    return re.compile("|".join(_name_pattern(v) for v in sorted(variants, key=len, reverse=True)), re.I)


def outcome_spans(text: str, results: list[Result]) -> list[OutcomeSpan]:
    """The outcomes `text` names, the longest name winning where names overlap; one span lists
    every result that goes by that name."""
    found: list[tuple[int, int, Result]] = []
    for result in results:
        for match in _outcome_regex(tuple(result.names())).finditer(text):
            found.append((match.start(), match.end(), result))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    spans: list[tuple[int, int, list[Result]]] = []
    for start, end, result in found:
        same = next((s for s in spans if s[0] == start and s[1] == end), None)
        if same is not None:
            if result not in same[2]:
                same[2].append(result)
            continue
        if not any(start < e and s < end for s, e, _ in spans):
            spans.append((start, end, [result]))
    return sorted((OutcomeSpan(s, e, text[s:e], tuple(rs)) for s, e, rs in spans), key=lambda o: o.start)


# An outcome's name followed by when or where it was measured, or a gloss in brackets ("mortality at
# 30 days", "death (any cause)"): still that outcome, for its opposite's name.
_NAME_TAIL = r"(?:\s*\(.*\)|\s+(?:at|by|within|to|up\s+to|after|before|during|in|until|from|of)\s.*)?"
# An opposite's name qualified by what it is free of ("progression-free survival", "survival without
# disability") names another outcome.
_FREE_OF = re.compile(r"(?:\bfree|without)\b", re.I)
# ... and said of people ("those who survive", "people who survived"): a group, not the outcome; or of
# a cause or a thing that survives ("cancer-specific survival", "graft survival", "implant survival"):
# another outcome than death from any cause; or of an event that happens alive ("discharged alive", "born alive"):
# an outcome of its own, not survival
_GROUP_OF = re.compile(r"(?:free|\bwho|-specific|-related|\b(?:graft|grafts|implant|implants|prosthesis|prostheses|flap|flaps|"
                       r"tooth|teeth|restoration|restorations|embryo|embryos|cell|cells|catheter|fistula|device|sealant|"
                       r"crown|crowns|filling|fillings|tumou?r|cancer|disease|relapse|progression|event|"
                       r"discharged|born|delivered|weaned|extubated|released))\s*$", re.I)


def opposite_spans(text: str, results: list[Result], vocabulary: Vocabulary, taken: list[OutcomeSpan]) -> list[OutcomeSpan]:
    """The outcomes `text` names by their opposite (`opposites` of the vocabulary: "survival" for a
    result on death), where it names no outcome of its own."""
    return _named_otherwise(text, results, vocabulary.opposites, taken, opposite=True)


def verb_spans(text: str, results: list[Result], vocabulary: Vocabulary, taken: list[OutcomeSpan]) -> list[OutcomeSpan]:
    """The outcomes `text` names by their verb (`verbs` of the vocabulary: "died" for a result on deaths), where
    it names no outcome of its own."""
    return _named_otherwise(text, results, vocabulary.verbs, taken, opposite=False)


def _named_otherwise(text: str, results: list[Result], table: list[tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]]],
                     taken: list[OutcomeSpan], opposite: bool) -> list[OutcomeSpan]:
    """The outcomes `text` names by other words than their names (a table of `opposites` or `verbs`): each
    result whose outcome name fits an entry's pattern is named by that entry's phrases. An opposite qualified by
    what it is free of or said of a group ("progression-free survival", "those who survive") names none."""
    found: list[OutcomeSpan] = []
    lower = text.lower()
    spans = [(o.start, o.end) for o in taken]
    for outcome, names, pieces in table:
        if not any(piece in lower for piece in pieces):
            continue
        matches = [m for m in names.finditer(text) if not _overlaps(m.start(), m.end(), spans) and not (
            opposite and (_FREE_OF.match(text, m.end() + 1) or _GROUP_OF.search(text, max(0, m.start() - 16), m.start())))]
        if not matches:
            continue
        named = tuple(r for r in results if any(re.fullmatch(rf"(?:the\s+)?(?:{outcome.pattern}){_NAME_TAIL}", n.strip(), re.I)
                                                for n in r.names()))
        if named:
            found.extend(OutcomeSpan(m.start(), m.end(), m.group(0), named, opposite=opposite) for m in matches)
    return found


# An outcome named as something that did not happen ("no recovery", "failure to respond to treatment", "not responding
# to treatment"): the rest of its name is its opposite ("probiotics probably improve recovery" of fewer "no recovery")
_NEGATED_NAME = re.compile(r"^(?:no|not|lack\s+of|failure\s+to|failed\s+to|non-)\s*(?P<rest>[\w'’-]+(?:\s+[\w'’-]+)*?)\s*(?:\(.*)?$", re.I)


_NEGATION_OPENS = re.compile(r"\s*(?:no|not|lack|fail|non)", re.I)


def unnegated_spans(text: str, results: list[Result], vocabulary: Vocabulary, taken: list[OutcomeSpan]) -> list[OutcomeSpan]:
    """The outcomes `text` names by the rest of a name that says something did not happen ("recovery" of a result
    on "no recovery"), where it names no outcome of its own there; not a rest that opens with an effect word
    ("improvement in global state" of "no improvement in global state": "an improvement" is an effect)."""
    found: list[OutcomeSpan] = []
    spans = [(o.start, o.end) for o in taken]
    for rest, named in _unnegated_names(results, vocabulary).items():
        for match in _outcome_regex((rest,)).finditer(text):
            if not _overlaps(match.start(), match.end(), spans + [(f.start, f.end) for f in found]):
                found.append(OutcomeSpan(match.start(), match.end(), match.group(0), named, opposite=True))
    return found


# the last results list read and its negated names (a summary's sentences are read against one list)
_UNNEGATED: list[tuple[list[Result], tuple[Result, ...], Vocabulary, dict[str, tuple[Result, ...]]]] = []


def _unnegated_names(results: list[Result], vocabulary: Vocabulary) -> dict[str, tuple[Result, ...]]:
    if _UNNEGATED and _UNNEGATED[0][0] is results and _UNNEGATED[0][2] is vocabulary and _UNNEGATED[0][1] == tuple(results):
        return _UNNEGATED[0][3]
    found = _negated_names(results, vocabulary)
    _UNNEGATED[:] = [(results, tuple(results), vocabulary, found)]
    return found


def _negated_names(results: list[Result], vocabulary: Vocabulary) -> dict[str, tuple[Result, ...]]:
    out: dict[str, list[Result]] = {}
    for result in results:
        for name in result.names():
            if not _NEGATION_OPENS.match(name):
                continue
            match = _NEGATED_NAME.match(" ".join(name.split()))
            if match is None or len(match.group("rest")) < 4:
                continue
            rest = match.group("rest").lower()
            if any(hit.start == 0 for hit in find_hits(vocabulary.effects, rest, [])):
                continue
            if result not in out.setdefault(rest, []):
                out[rest].append(result)
    return {rest: tuple(named) for rest, named in out.items()}


def _significant(name: str, generic: frozenset[str]) -> set[str]:
    return {w for w in re.findall(r"[\w'’-]+", name.lower()) if len(w) > 2 and w not in generic}


def _term_names(term: Term | None) -> list[str]:
    if term is None:
        return []
    return list(_names_of(term.plain, term.technical))


@lru_cache(maxsize=4096)
def _names_of(plain: str | None, technical: str | None) -> tuple[str, ...]:
    """A term's names, and the initials of a name of three to six words, which name it too ("linear skin closure"
    is "LSC", "purse-string skin closure" "PSSC"): how lay summaries shorten a long name once they have given it."""
    names = [n for n in (plain, technical) if n]
    for name in list(names):
        # "10% povidone-iodine (PI)": the name without its bracket, and the abbreviation in it
        short = _ABBREVIATED.fullmatch(name.strip())
        if short is not None:
            names.extend((short.group(1), short.group(2)))
    for name in list(names):
        words = [w for w in re.split(r"[\s‐-]+", name.strip()) if w]
        if 3 <= len(words) <= 6 and all(re.match(r"[A-Za-z]", w) for w in words):
            names.append("".join(w[0] for w in words).upper())
    return tuple(dict.fromkeys(names))


_ABBREVIATED = re.compile(r"(.*\S)\s*\(([A-Z][A-Za-z0-9-]{1,7})\)")


# Plain words for a placebo ("a dummy infusion", "sham surgery", "a fake pill"): they name the
# comparator called placebo. "Inactive" and "simulated" do so only right before a treatment's noun
# ("an inactive pill"), not in "inactive Crohn's disease" or "simulated settings".
_PLACEBO_WORDS = frozenset({"dummy", "sham", "fake", "pretend"})
_PLACEBO_BEFORE_TREATMENT = re.compile(
    r"\b(?:inactive|simulated)\s+(?:pill|tablet|capsule|drug|medicine|medication|device|injection|infusion|surgery|"
    r"procedure|treatment|therapy|stimulation|acupuncture|ultrasound|spray|cream|gel|patch|inhaler)s?\b", re.I)


def _same_words(words: set[str], text: str = "") -> set[str]:
    placebo = bool(words & _PLACEBO_WORDS) or _PLACEBO_BEFORE_TREATMENT.search(text) is not None
    return words | {"placebo"} if placebo else words


def _cover(names: list[str], region: str, generic: frozenset[str]) -> float:
    """How well a stretch of text names the best of `names`: the words that tell it apart found,
    less a quarter of those missing, so "infliximab with purine analogues" beats "infliximab" in a
    sentence that names both drugs. A name with no such word counts 1 when it is there whole."""
    best = 0.0
    words = _same_words({w.strip("'’") for w in re.findall(r"[\w'’-]+", region.lower())}, region)  # 'dummy' in quotes is dummy
    stems = {w.rstrip("s") for w in words}
    for name in names:
        significant = _significant(name, generic)
        if not significant:
            if re.search(phrase(name), region, re.I):
                best = max(best, 1.0)
            continue
        found = [w for w in significant if w in words or w.rstrip("s") in stems]
        if len(found) == 1 and len(significant) > 1 and _other_kind(name, found[0], region, generic):
            continue
        if found:
            best = max(best, len(found) - 0.25 * (len(significant) - len(found)))
    return best


# where a noun phrase opens: a sentence's start, punctuation, or a word joining phrases
_PHRASE_START = re.compile(r"[,;:()\[\]–—]|(?<![\w'’-])(?:and|or|with|than|versus|vs|nor|but|while|whereas)(?![\w'’-])", re.I)
# words before a noun that point at one already named, rather than name another of its kind
_POINTING = frozenset({"this", "these", "that", "those", "their", "its", "such", "same", "each", "both", "either"})


@lru_cache(maxsize=4096)
def _other_kind(name: str, word: str, region: str, generic: frozenset[str]) -> bool:
    """Whether a name found by its last word alone (the kind of thing it is: "cream" of "doxepin cream") is there only
    as the head of a short noun phrase of other words ("Silicone gel cream and ...", "... and coal tar ointment"): the
    text names another of that kind, not this one. "The cream", "this cream", "people using creams" point at it.
    (Kept: a sentence's regions are scored against every result's names.)"""
    words = re.findall(r"[\w'’-]+", name.lower())
    if not words or words[-1] != word:
        return False
    significant = _significant(name, generic)
    stem = word[:-1] if word.endswith("s") and len(word) > 4 else word
    found = list(re.finditer(r"(?<![\w'’-])" + re.escape(stem) + r"s?(?![\w'’-])", region, re.I))
    if not found:
        return False
    for match in found:
        before_text = region[max(0, match.start() - 60):match.start()]
        opens = [m.end() for m in _PHRASE_START.finditer(before_text)]
        if match.start() > 60 and not opens:
            return False  # (no opening within reach: a long phrase, not a short name)
        before = re.findall(r"[\w'’-]+", before_text[max(opens, default=0):].lower())
        if not 1 <= len(before) <= 3 or any(
                w in generic or w in _POINTING or w in significant or w[0].isdigit() or w.endswith(("ing", "ed"))
                for w in before):
            return False
    return True


def name_spans(text: str, names: list[str], generic: frozenset[str]) -> list[tuple[int, int]]:
    """Where `text` names any of `names`, whole or by a word that tells it apart."""
    spans: list[tuple[int, int]] = []
    words: set[str] = set()
    for name in names:
        spans.extend(m.span() for m in re.finditer(phrase(name), text, re.I))
        words |= _significant(name, generic)
    # a comparative of a name ("more than one session") is read as an effect word ("is more likely to help"), not a name
    for word in words - _COMPARATIVE_WORDS:
        # singular or plural: "antioxidant medications" names "antioxidants"
        stem = word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 4 else word
        spans.extend(m.span() for m in re.finditer(r"(?<![\w'’-])" + re.escape(stem) + r"s?(?![\w'’-])", text, re.I))
    return spans


_COMPARATIVE_WORDS = frozenset({"more", "less", "fewer", "greater", "higher", "lower", "better", "worse", "longer", "shorter",
                                "larger", "smaller", "bigger"})


def actor_names(results: list[Result], extra: tuple[str, ...] = ()) -> list[str]:
    names: list[str] = list(extra)
    for result in results:
        names.extend(_term_names(result.intervention))
        names.extend(_term_names(result.comparison))
    return [n for n in dict.fromkeys(names) if n.strip()]


# --- hits -----------------------------------------------------------------------------------------

def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def find_hits(patterns: Patterns, text: str, taken: list[tuple[int, int]]) -> list[Hit]:
    """Each pattern's matches in `text`, in the order of `patterns` (longest first), none overlapping another
    or a span of `taken` (which grows with each hit)."""
    hits: list[Hit] = []
    for meaning, pattern in patterns:
        for match in pattern.finditer(text):
            if _overlaps(match.start(), match.end(), taken):
                continue
            taken.append(match.span())
            hits.append(Hit(meaning, match.start(), match.end(), match.group(0)))
    return sorted(hits, key=lambda hit: hit.start)


def _words_between(text: str, start: int, end: int) -> int:
    return len(re.findall(WORD_CHARS + "+", text[start:end])) if end > start else 0


# "than" before a number makes a threshold, not a comparison: "less than 30 days", "fewer than 10 in 100 people",
# "more than half"
_THRESHOLD = re.compile(r"\s+than\s+(?:about\s+|around\s+|approximately\s+|nearly\s+|almost\s+|just\s+)?"
                        r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                        r"a\s+hundred|a\s+thousand|half|a\s+(?:third|quarter|fifth|tenth))(?![\w'’-]))", re.I)


def _comparatives(text: str, vocabulary: Vocabulary, outcomes: list[OutcomeSpan], taken: list[tuple[int, int]]) -> list[Hit]:
    """Comparatives next to an outcome's name: "more infections", "deaths were fewer" (not a threshold: "fewer than
    10 infections")."""
    hits = []
    for hit in find_hits(vocabulary.comparatives, text, list(taken)):
        if _THRESHOLD.match(text, hit.end):
            continue
        for outcome in outcomes:
            before = hit.end <= outcome.start and _words_between(text, hit.end, outcome.start) <= NEAR_WORDS
            gap = _words_between(text, outcome.end, hit.start) if outcome.end <= hit.start else None
            # (or the outcome as the subject of "to be" and the comparative its predicate, a time or setting between:
            # "deaths from any cause at 24 months may be lower with X")
            after = gap is not None and (gap <= NEAR_WORDS or (
                gap <= 2 * NEAR_WORDS and _COPULA_BEFORE.search(text, outcome.end, hit.start) is not None))
            if (before or after) and not re.search(r"[,;:]", text[min(hit.end, outcome.end):max(hit.start, outcome.start)]):
                hits.append(hit)
                break
    return hits


_COPULA_BEFORE = re.compile(r"(?<![\w'’-])(?:is|are|was|were|be|been)\s+(?:(?:much|slightly|probably|possibly|also|still|somewhat|"
                            r"considerably|significantly|substantially|far|generally|usually|often)\s+){0,2}$", re.I)


# A sentence that opens with a subordinate clause ("Although X may reduce A, it increases B"): the clause ends at the
# first comma (outside brackets) before a word that opens a main clause: a subject pronoun or a determiner
# (after a linking adverb: "Similarly, although our confidence is very limited, people who ... may ...")
_CONCESSIVE_START = re.compile(r"\s*(?:(?:similarly|likewise|however|overall|also|moreover|furthermore|in\s+addition|in\s+summary|"
                               r"in\s+conclusion|finally|thus|therefore|so|and|but|yet)\s*,?\s+)?"
                               r"(?:although|though|even\s+though|while|whilst|whereas)(?![\w'’-])", re.I)
_MAIN_OPENS = re.compile(r",\s+(?=(?:we|it|they|there|this|these|those|he|she|the|a|an|our|its|their|such|people|patients|"
                         r"participants|women|men|children|adults|infants|babies|[A-Z]{2,}\w*)(?![\w'’-]))")


# a main clause of doubt that points back ("Although some studies reported improvements, we are uncertain if these are
# real"): not split off, the doubt covers the opening clause
_DOUBT_OPENS = re.compile(r"(?:we\s+(?:are|were|remain)\s+(?:very\s+|still\s+)?(?:uncertain|unsure|not\s+(?:sure|certain|confident))|"
                          r"we\s+(?:do|did)\s+not\s+know|it\s+(?:is|was|remains)\s+(?:still\s+)?(?:unclear|not\s+clear|uncertain))"
                          r"\s+(?:(?:if|whether|about|that)\s+)?(?:these|this|those|that|such)(?![\w'’-])", re.I)


def _concessive_end(text: str) -> re.Match[str] | None:
    if not _CONCESSIVE_START.match(text):
        return None
    end = next((m for m in _MAIN_OPENS.finditer(text) if not _bracketed(text, m.start())), None)
    return None if end is not None and _DOUBT_OPENS.match(text, end.end()) else end


def clauses(text: str) -> list[tuple[int, int]]:
    """The clauses of a sentence: split at semicolons, dashes and 'but', 'whereas', 'although', and after an
    opening subordinate clause ("Although ..., it ...")."""
    bounds = [0]
    opening = _concessive_end(text)
    lead = _CONCESSIVE_START.match(text) if opening is not None else None
    for match in CLAUSE_BREAK.finditer(text):
        if lead is not None and match.start() < lead.end():
            continue  # the opening word itself ("Similarly, although ..."): the clause runs to the main clause
        if opening is not None and match.start() >= opening.start() and bounds == [0]:
            bounds.extend([opening.start(), opening.end()])
        bounds.extend([match.start(), match.end()])
    if opening is not None and bounds == [0]:
        bounds.extend([opening.start(), opening.end()])
    bounds.append(len(text))
    return [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds) - 1, 2)]


# Where a coordinated clause may open ("..., and we are uncertain of ...", "... and it does not increase ..."):
# a boundary only when what follows opens a clause with a phrase of its own (see scopes)
_SOFT_BREAK = re.compile(r",\s+(?:and|or)\s+(?:also\s+)?|\s+and\s+(?:also\s+)?(?=(?:we|it|they|there|this|these)\s)", re.I)
_SUBJECT = re.compile(r"(?:we|it|they|there|this|these|he|she)(?![\w'’-])", re.I)


class Piece(NamedTuple):
    """A clause, or a coordinated clause inside one: whether it has an effect phrase and a hedge of its own, and
    whether it is one of several coordinated clauses ("A ..., and B ...")."""

    start: int
    end: int
    effect: bool
    hedge: bool
    coordinated: bool
    subject: bool = False  # it opens with a subject of its own ("..., and there was ..."): no hedge before it goes on


def _bracketed(text: str, at: int) -> bool:
    return text.count("(", 0, at) > text.count(")", 0, at)


def scopes(text: str, parts: list[tuple[int, int]], effects: list[Hit], certainty: list[Hit],
           sure: list[tuple[int, int]]) -> list[Piece]:
    """The clauses of a sentence split further where a coordinated clause carries a phrase of its own. An effect
    word, a no-effect phrase and a hedge belong to their own clause: "metformin may reduce live birth, and we are
    uncertain of its effect on clinical pregnancy" says 'may reduce' of live birth only; "physical activity can be
    kept up, and it does not increase falls" denies nothing of physical activity. A coordinated clause opens with
    a subject of its own ("we", "it", "there") or with its phrase ("..., and probably reduces B", "..., and
    increase B"); "A, or B were uncertain" is one clause with two subjects. After "and" / "or" that opens no
    phrase of its own ("may reduce A, and B"), the words before go on to the outcomes after it, and a clause with
    only its own hedge takes the effect before it ("reduces A, and probably B") unless the hedge says how sure we
    are (`sure`: "we are uncertain of", "it is unclear whether"), which claims no direction. No break inside
    brackets."""
    found: list[Piece] = []
    phrases = sorted([(h.start, h.end) for h in [*effects, *certainty]] + sure)
    for start, end in parts:
        cuts = [m.end() for m in _SOFT_BREAK.finditer(text, start, end) if not _bracketed(text, m.start())
                and (_SUBJECT.match(text, m.end()) or any(a >= m.end() and _words_between(text, m.end(), a) <= 1
                                                          for a, _ in phrases))]
        bounds = [start, *cuts, end]
        merged: list[Piece] = []
        for a, b in pairwise(bounds):
            effect = any(a <= h.start < b for h in effects) or any(a <= x < b for x, _ in sure)
            hedge = any(a <= h.start < b for h in certainty)
            if merged and not effect and not hedge:
                merged[-1] = merged[-1]._replace(end=b)
                continue
            merged.append(Piece(a, b, effect, hedge, False, bool(merged) and _SUBJECT.match(text, a) is not None))
        found.extend(p._replace(coordinated=len(merged) > 1) for p in merged)
    return found


def scope_of(position: int, hard: tuple[int, int], found: list[Piece], text: str = "", effects: list[Hit] | None = None,
             named: list[int] | None = None) -> tuple[tuple[int, int], tuple[int, int]]:
    """The span an outcome at `position` takes its effect word from, and the span it takes its hedge from:
    its own clause where that clause has its own, else from the start of the sentence's clause up to its
    own clause's end (never the words of a clause after it). A clause with a subject of its own takes no hedge from
    the one before ("X may reduce A, and there was little or no difference in B" hedges only A)."""
    index = next((i for i, p in enumerate(found) if p.start <= position < p.end), None)
    if index is None:
        return hard, hard
    piece, end = found[index], found[index].end
    # a coordinated clause after it that names no outcome and whose effect has no object of its own speaks of this
    # outcome ("complications were rare, and there may be little or no difference between the groups"); one with an
    # object ("..., and it does not increase the risk of falls") does not
    for after in found[index + 1:]:
        if after.start >= hard[1] or any(after.start <= at < after.end for at in named or []):
            break
        inner = [h for h in effects or [] if after.start <= h.start < after.end]
        if not inner or not all(_NO_OBJECT.match(text, h.end) for h in inner):
            break
        end = after.end
    return (piece.start if piece.effect else hard[0], end), (piece.start if piece.hedge or piece.subject else hard[0], end)


def _without_clauses(text: str, pattern: re.Pattern[str]) -> str:
    """`text` with the clauses that hold a match of `pattern` blanked out (same length: offsets stay)."""
    out = text
    for start, end in clauses(text):
        if not pattern.search(text, start, end):
            continue
        # only the coordinated part that holds it: "X probably reduces A, and further trials are necessary"
        cuts = [start, *(i for m in _COORDINATED.finditer(text, start, end) for i in m.span()), end]
        for a, b in zip(cuts[::2], cuts[1::2], strict=True):
            if pattern.search(text, a, b):
                out = out[:a] + " " * (b - a) + out[b:]
    return out


_COORDINATED = re.compile(r",\s+(?:and|or|so)\s+", re.I)


def _clause_of(position: int, parts: list[tuple[int, int]]) -> tuple[int, int]:
    return next((p for p in parts if p[0] <= position < p[1]), parts[-1])


# --- statements of certainty ----------------------------------------------------------------------

_DANGLING = re.compile(r"(?<=\w)-(?=\s+(?:to|and|or)\s)")  # "low- to moderate-certainty": "low" is a level word too
_RANGE_BEFORE = re.compile(r"\b(very low|low|moderate|high)(?:-|[- ](?:certainty|quality))?\s+(?:to|and|or)\s+$", re.I)


def _ranges(text: str, hits: list[Hit]) -> list[Hit]:
    """A rating that gives two levels ("very low- to low-certainty evidence", "low or moderate certainty
    evidence"): the one hit, for either level."""
    out = []
    for hit in hits:
        before = _RANGE_BEFORE.search(text, 0, hit.start) if _RATING.search(hit.text) else None
        if before is not None and before.group(1).lower() not in hit.meaning.split(" or "):
            hit = Hit(f"{before.group(1).lower()} or {hit.meaning}", before.start(), hit.end, text[before.start():hit.end])
        out.append(hit)
    return out


# "evidence on adverse events", "the quality of the evidence for pain": a statement about one outcome,
# unless what follows is the results, outcomes or comparisons as a whole (or the intervention)
_SCOPED = re.compile(r"\b(?:evidence|certainty|quality)\s+(?:on|about|regarding|for|as\s+regards|concerning|with\s+regard\s+to|"
                     r"with\s+respect\s+to|in\s+relation\s+to)\s+((?:[\w'’-]+\s+){0,3}[\w'’-]+)", re.I)
_WHOLE = re.compile(r"(?:results?|outcomes?|findings?|evidence|review|stud(?:y|ies)|trials?|comparisons?|analys[ie]s|data|effects?|"
                    r"use|effectiveness|efficacy|benefits?|questions?|conclusions?|GRADE)$", re.I)


def _scoped(text: str, names: list[str], generic: frozenset[str], outcome_names: list[str]) -> bool:
    """Whether a statement of certainty speaks of one outcome the results do not name ("there was only
    moderate-certainty evidence on adverse events"), not of the evidence as a whole ("for the above
    findings", "for all outcomes") or of the intervention."""
    for match in _SCOPED.finditer(text):
        words = match.group(1).split()
        # the whole of what it speaks of, to its verb: "as regards X used and length of stay in the PACU is ..."
        stop = _SCOPE_END.search(text, match.start(1))
        scope = text[match.start(1):stop.start() if stop else len(text)]
        if not any(_WHOLE.match(word) for word in words) and not _mentions(names, match.group(1), generic) \
                and not _mentions(outcome_names, scope, generic):
            return True
    return False


_SCOPE_END = re.compile(r"[,;:.()]|\b(?:is|are|was|were|has|have|had|remains?|ranged?|ranges)\b", re.I)


_HOW_SURE = re.compile(r"sure|confiden|certain|know|clear|tell", re.I)
_RESULTS_ARE = re.compile(r"\b(?:the|this|our|these)\s+(?:evidence|results?|findings?)\s+(?:is|are|was|were)\s+(?:still\s+|also\s+)?$", re.I)
_ABOUT_RESULTS = re.compile(r"\s+(?:about|in|of|with|regarding)\s+(?:the|these|this|our|its|their)\s+(?:results?|findings?|evidence)\b", re.I)
_LABEL = re.compile(r"(?:[\s-]+(?:certainty|quality))?\s+evidence\b", re.I)  # "low-certainty evidence", "low quality evidence"


def _names_comparison(text: str, result: Result, generic: frozenset[str]) -> bool:
    """Whether `text` names the comparator of `result`: its whole name, or a word of it that its
    intervention's name lacks."""
    names = _term_names(result.comparison)
    if any(re.search(phrase(name), text, re.I) for name in names):
        return True
    telling = _telling_parts(names, generic) - _telling_parts(_term_names(result.intervention), generic)
    return bool(telling) and not telling.isdisjoint(_parts(text))


_OF_STUDIES = re.compile(r"(?:[\s-]+(?:quality|certainty))?\s+(?:stud(?:y|ies)|trials?|research|RCTs?|doses?|risks?)\b", re.I)


def statement_levels(text: str, vocabulary: Vocabulary, taken: list[tuple[int, int]]) -> list[Hit]:
    """Level words that state the certainty of the evidence ("low" in "The certainty of the
    evidence is low", "low- and very low-certainty evidence"): near a word for the evidence."""
    if vocabulary.evidence_words is None or not vocabulary.levels:
        return []
    evidence = [m.span() for m in vocabulary.evidence_words.finditer(text)]
    if not evidence:
        return []
    if not re.search(r"\b(?:evidence|certainty|confidence|confident)\b", text, re.I) and re.search(
            r"\b(?:stud(?:y|ies)|trials?)\b[^.;:]{0,30}\bquality\b|"
            r"\bquality\s+of\s+(?:the\s+|these\s+|all\s+)?(?:[\w-]+\s+){0,2}(?:stud(?:y|ies)|trials?)\b", text, re.I):
        # "The studies were of high quality", "The quality of the included studies was moderate to high": their
        # risk of bias, not the certainty of the evidence
        return []
    # "high-quality studies are needed", "low quality trials": the studies' quality, not the evidence's certainty
    found = [hit for hit in find_hits(vocabulary.levels, _DANGLING.sub(" ", text), list(taken))
             if not _OF_STUDIES.match(text, hit.end) and not not_a_rating(text, hit.start, hit.end)
             and not _FOR_NONE.match(text, hit.end)
             and not _TO_COME.search(text, max(0, hit.start - 40), hit.start)]
    near = [hit for hit in found if any(_words_between(text, min(hit.end, e), max(hit.start, s)) <= 8 for s, e in evidence)]
    # a level joined to a near one is said with it ("was either very low or low"), however far the word for the evidence
    near += [hit for hit in found if hit not in near and any(
        _JOINED_LEVEL.fullmatch(text, min(n.end, hit.end), max(n.start, hit.start)) for n in near)]
    near.sort(key=lambda hit: hit.start)
    # "moderate for ..., low for ..., and very low for ...": the levels listed after one that is near
    return found if near and len(found) > len(near) and re.search(r"\bfor\b", text[near[0].end:], re.I) else near


# a level said of nothing: "The evidence was of high certainty for none of the outcomes"
_FOR_NONE = re.compile(r"(?:[- ](?:certainty|quality))?(?:\s+evidence)?\s+(?:for|in)\s+(?:none|no)(?![\w'’-])", re.I)
_JOINED_LEVEL = re.compile(r"[-\s,]*(?:to|or|and|and/or)\s+", re.I)
# "when more, high-quality evidence becomes available", "further or new high-certainty evidence": a rating of
# evidence still to come (more of it), not of this review's
_TO_COME = re.compile(r"(?<![\w'’-])(?:more|further|new|newer|future|additional)\s*,?\s+(?:(?:and|or)\s+[\w-]+\s*,?\s+)?$", re.I)


# a level said of part of the evidence: "very low for most treatments", "low in some comparisons"
_PART = re.compile(r"(?:[\s-]+(?:certainty|quality))?(?:\s+\w+){0,2}?\s+(?:for|in)\s+(?:most|some|many|several|a\s+few|"
                   r"the\s+majority\s+of|half\s+of|a\s+minority\s+of|other)\b", re.I)


# An interval described in words ("ranging from 12 better to 0.3 worse", "from 3% fewer to 12% more",
# "(1 to 15 points lower)"): its bounds' words say where the interval runs, not which way the effect goes.
_BOUND = r"[-−–]?\d[\d.,]*(?:\s*(?:%|per\s*cent\b|points?\b))?"
_SIDE = r"(?:\s+(?:better|worse|more|fewer|less|higher|lower|greater|smaller|improvement|reduction|increase|decrease)\b)?"
_INTERVAL = re.compile(rf"(?:\brang\w*\s+)?(?:\bfrom\s+)?(?<![\w.]){_BOUND}{_SIDE}\s+to\s+{_BOUND}{_SIDE}", re.I)
# An effect adjective that names a kind of event ("the occurrence of harmful effects", "any harmful
# events"): the outcome's name, not a claim about which way it went.
_EVENT_NAME = re.compile(r"\s+(?:effects|events|reactions|outcomes|consequences)\b", re.I)
_BEFORE_NAME = re.compile(r"\b(?:of|on|for|about|and|or|any|the|no|with|in|to|fewer|more|less)\s+$", re.I)


def _names_events(text: str, hit: Hit) -> bool:
    """Whether an effect word is an adjective in the name of a kind of events ("of harmful effects")."""
    return (" " not in hit.text.strip() and _EVENT_NAME.match(text, hit.end) is not None
            and _BEFORE_NAME.search(text, 0, hit.start) is not None)


_FIGURE_BEFORE = re.compile(r"\d[\d.,]*\s*(?:%|per\s*cent|points?|units?)?\s*$", re.I)
_FIGURE_AFTER = re.compile(r"\s+(?:[\w'’-]+\s+){0,4}?by\s+(?:about\s+|around\s+|nearly\s+)?\d", re.I)


# "a non-significant reduction", "a reduction that was not statistically significant": the estimate's side,
# with no effect shown
_NOT_SIGNIFICANT = re.compile(r"(?<![\w'’-])(?:non-?|not\s+(?:statistically\s+)?|statistically\s+non-?)significant\s+"
                              r"(?:[\w'’-]+\s+)?$", re.I)


def _quantified(text: str, hit: Hit) -> bool:
    """Whether an effect word comes with the figure it goes by ("8% better", "6 points lower",
    "improved by 5 points") or is said to be not significant ("a non-significant reduction") or perhaps
    chance ("fewer births ..., but this may have occurred by chance"): it reports the estimate's side, not a
    judgement of its size."""
    return _FIGURE_BEFORE.search(text, 0, hit.start) is not None or _FIGURE_AFTER.match(text, hit.end) is not None \
        or _NOT_SIGNIFICANT.search(text, max(0, hit.start - 60), hit.start) is not None \
        or _BY_CHANCE.search(text, hit.end) is not None


# (not "the benefit of X in reducing Y", which says X does; the words between hold no number and no finite verb:
# "the efficacy of X was 85% in preventing Y", "examined the effectiveness of X and found that it ...")
_FRAME_OF = (r"(?:effects?|impacts?|role|efficacy|effectiveness|value)\s+of\s+"
             r"(?:(?!(?<![\w'’-])(?:is|are|was|were|has|have|had|found|finds|showed|shows|varied|varies)"
             r"(?![\w'’-]))[^,;:.()\d]){1,100}?\s")
_QUESTION_FRAME = re.compile(r"(?<![\w'’-])" + _FRAME_OF + r"(?:on|in)\s+$", re.I)
# ... and "the effect(s) of X for preventing Y", "the effectiveness of X for reducing Y" (the review's question in its
# title's words), unless the effect is judged ("a beneficial effect of X for preventing Y" says X has one)
_QUESTION_FRAME_FOR = re.compile(r"(?<![\w'’-])(?<!beneficial\s)(?<!positive\s)(?<!protective\s)(?<!harmful\s)(?<!small\s)"
                                 r"(?<!large\s)(?<!modest\s)(?<!clear\s)(?<!significant\s)(?<!important\s)(?<!little\s)(?<!no\s)"
                                 + _FRAME_OF + r"for\s+$", re.I)
# "The trials evaluated X for reducing Y", "Two studies assessed X in preventing Y": what the studies set out to learn
# of X, not their result; not with a finite verb or a word of judgement between ("... tested X and found it effective
# in reducing Y", "compared X and Y and found Y better at preventing Z")
_STUDY_VERB = (r"(?<![\w'’-])(?:evaluated?|evaluates|assess(?:ed|es)?|examined?|examines|investigated?|investigates|"
               r"studied|explored?|explores|looked\s+at|look\s+at")  # ... and the verbs each use adds, then ")"
_STUDIED_FOR = re.compile(_STUDY_VERB + r"|tested|tests?)\s+"
                          r"(?:(?!(?<![\w'’-])(?:is|are|was|were|has|have|had|found|finds|showed|shows|shown|suggested|"
                          r"reported|effective|better|worse|superior|inferior|successful|useful|beneficial|safer|safe|"
                          r"efficacious|helped|helps|worked|works)(?![\w'’-]))[^,;:.()\d]){1,100}?\s(?:for|in|on|at)\s+$", re.I)
# an effect noun as the object of a verb of study ("assessed the economic benefits of X", "examined the benefits and harms
# of X", "investigated improvement in Y as their primary outcome": 40 corpus lay sentences, 14 of 15 sampled say what
# was studied; "reported on" is left out, it can report a finding)
_STUDIED_NOUN = re.compile(_STUDY_VERB + r"|measured?|measures)\s+(?:the\s+|any\s+|possible\s+)?(?:[\w-]+\s+)?$", re.I)
_TO_COLON = re.compile(r"(?<![\w'’-])(?:to|in|on|for|of)\s*:\s*$", re.I)  # a lead-in whose items are its preposition's object
# GRADE's four levels, each a word of its own ("very low" is not also "low"): a sentence naming all of them describes the scale
_SCALE_LEVEL = re.compile(r"(?<![\w'’-])(?:very\s+low|low|moderate|high)(?![\w'’-])", re.I)
_SCALE = frozenset({"very low", "low", "moderate", "high"})
_A_LITTLE = re.compile(r"(?<![\w'’-])a\s+$", re.I)
_ASKED = re.compile(r"(?<![\w'’-])(?:whether|if)(?![\w'’-])", re.I)


# "not very sure whether" is "not sure whether": the degree word blanked (same length) before `undecided` is read
_UNDEGREED = re.compile(r"(?<![\w'’-])((?:not|n['’]t)\s+)((?:very|quite|fully|completely|entirely|totally|really|so|that|too|"
                        r"particularly|absolutely)\s+)(?=(?:sure|certain|confident|clear)(?![\w'’-]))", re.I)


def _inside(hit: Hit, spans: list[tuple[int, int]]) -> bool:
    return any(s <= hit.start and hit.end <= e for s, e in spans)


# A call for research said by what studies ought to do ("Larger, better conducted trials should focus on
# quality of life", "Future reviews must measure ...", "research would need to ..."): studies, trials or
# research as the subject of a verb of obligation a few words on. It claims nothing about the results,
# whatever words of effect or outcome it lists. (English; the listed phrases are in `not_claims`.)
_RESEARCH_CALL = re.compile(
    r"(?<![\w'’-])(?:stud(?:y|ies)|trials?|research|RCTs?|reviews?|researchers|investigators)(?![\w'’-])"
    r"(?:\s+[\w'’-]+){0,6}?\s+(?:should|must|ought\s+to|needs?\s+to|would\s+need\s+to|will\s+need\s+to|"
    r"(?:is|are)\s+(?:still\s+|urgently\s+|also\s+|therefore\s+|thus\s+|clearly\s+)?(?:needed|required|warranted|justified|"
    r"necessary|recommended|called\s+for)|would\s+be\s+(?:very\s+)?(?:helpful|useful|valuable|beneficial|welcome|desirable))"
    r"(?![\w'’-])"
    # or by what more research could bring ("Future high-quality studies may produce important data", "More research
    # would help clarify ...", "Larger studies would provide better information on ..."): a hope, not a finding
    r"|(?<![\w'’-])(?:future|further|more|new|larger|additional)\s+(?:[\w-]+\s+){0,4}?(?:stud(?:y|ies)|trials?|research|RCTs?)"
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:may|might|could|will|would|can)\s+(?:\w+\s+)?(?:produce|provide|help|clarify|answer|tell|"
    r"give|shed|determine|establish|inform|yield|improve\s+(?:our|the)\s+(?:knowledge|understanding))(?![\w'’-])", re.I)


# Studies reported one by one: a study or studies counted as the subject of a verb of reporting, then (after a comma,
# "and", "but", "while") another count of them with its own report ("One study found ..., and one found no change",
# "Two trials showed a benefit and two showed no difference", "Some studies reported ..., while others did not").
# (English.)
_COUNT = r"(?:one|a\s+single|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)"
_STUDIES_FIRST = (rf"(?:{_COUNT}|another|the\s+other|some|other|several|many|most|a\s+few|few)\s+(?:(?:small|large|further|"
                  r"additional|more|other|of\s+the|of\s+these)\s+)?(?:[\w-]+\s+)?(?:stud(?:y|ies)|trials?|RCTs?)")
_STUDIES_NEXT = (rf"(?:{_COUNT}|another|the\s+other|others|other|some|the\s+remaining|the\s+rest)(?:\s+others)?(?:\s+(?:(?:small|large|further|"
                 r"additional|other)\s+)?(?:stud(?:y|ies)|trials?|RCTs?))?")
_REPORTING = r"(?:reported|found|showed|shown|suggested|observed|demonstrated|concluded|indicated)"
_ONE_BY_ONE = re.compile(rf"(?<![\w'’-]){_STUDIES_FIRST}\s+(?:(?:also|only|each|both|all)\s+)?{_REPORTING}(?![\w'’-])[^.;]*?"
                         rf"(?:,|;|:|(?<![\w'’-])(?:and|but|while|whereas)(?![\w'’-]))\s+(?:(?:while|whereas|but|and)\s+)?"
                         rf"{_STUDIES_NEXT}\s+(?:(?:also|only)\s+)?(?:{_REPORTING}|did\s+not|didn['’]t|no|had)(?![\w'’-])", re.I)


# A level of GRADE's scale defined, as some summaries do beside their results ("High-quality evidence means that we are
# very confident in the results", "Very low-certainty evidence means that we are very uncertain about the results"):
# a level with no article as the subject of "means", and the results or findings in general as what it speaks of.
# It describes the scale, as a sentence naming every level does, and states no level of this review's evidence.
_DEFINES_LEVEL = re.compile(r"^\W*(?:very\s+low|low|moderate|high)[- ](?:certainty|quality)(?:\s+evidence)?\s+means\s+(?:that\s+)?"
                            r"[^.;:]*?(?<![\w'’-])(?:the|our)\s+(?:results?|findings?|estimates?(?:\s+of\s+(?:the\s+)?effect)?|"
                            r"effect\s+estimates?|evidence)\s*\.?\s*$", re.I)


# What is ruled out, or not, is a possibility (English): "we could not rule out that X increases Y", "the trials were
# too small to exclude the possibility that ...", "substantial differences cannot be ruled out"
_RULED_OUT = re.compile(r"(?<![\w'’-])(?:rule|rules|ruled|ruling)\s+out(?![\w'’-])|(?<![\w'’-])exclud(?:e|es|ed|ing)\s+"
                        r"(?:the\s+)?possibilit(?:y|ies)(?![\w'’-])", re.I)


_FOR_BEFORE = re.compile(r"(?<![\w'’-])(?:for|in|at)\s+$", re.I)


def _judged_for(text: str, effects: list[Hit], parts: list[tuple[int, int]]) -> list[Hit]:
    """A verb in -ing after "for", "in" or "at" that follows a judgement of the intervention in its clause ("more
    effective than placebo for reducing pain", "worse than no removal for preventing infections", "better at
    preventing falls") names what was judged: the judgement is the effect, in the verb's direction ('more
    effective at reducing pain' claims less pain, 'less effective at reducing pain' more, 'more effective at
    increasing pain' more)."""
    out: list[Hit] = []
    for hit in effects:
        if hit.text.lower().endswith("ing") and _FOR_BEFORE.search(text, max(0, hit.start - 6), hit.start):
            start = _clause_of(hit.start, parts)[0]
            judged = [i for i, o in enumerate(out) if o.meaning in ("improve", "worsen") and start <= o.start and o.end <= hit.start
                      and _words_between(text, o.end, hit.start) <= 6]
            if judged:
                if hit.meaning in FLIP:
                    judgement = out[judged[-1]]
                    meaning = hit.meaning if judgement.meaning == "improve" else FLIP[hit.meaning]
                    out[judged[-1]] = Hit(meaning, judgement.start, judgement.end, judgement.text)
                continue
        out.append(hit)
    return out


_BE_BEFORE = re.compile(r"(?<![\w'’-])(?:be|been|being|is|are|was|were)\s+(?:\w+\s+)?$", re.I)


def _ruled_span(text: str, match: re.Match[str], parts: list[tuple[int, int]]) -> tuple[int, int]:
    """Where a possibility weighed lies: after an active "rule out" or "exclude the possibility" ("we could not rule
    out that X increases Y"), up to its clause's end, so a claim before it in an unsplit clause ("Although A and B
    are similar, we could not rule out ...") stays one; the whole clause for a passive one ("a small increase cannot
    be ruled out"), whose possibility comes first."""
    start, end = _clause_of(match.start(), parts)
    if _BE_BEFORE.search(text, start, match.start()):
        return start, end
    return match.start(), end


# --- reading a sentence ---------------------------------------------------------------------------

def read_sentence(text: str, results: list[Result], vocabulary: Vocabulary, context: Context | None = None) -> Reading:
    seen: list[Hit] = []  # the certainty phrases the reading found
    reading = _read_sentence(text, results, vocabulary, context, seen)
    if len(seen) > 1 and "(" in text:
        reading.clash = _clash(text, seen)
        if reading.clash is not None:
            # "Drug resistance may not be increased (high-certainty evidence)": the word hedges an effect word
            # between the two, whatever the outcome (one no result names, too)
            word, rating = reading.clash
            reading.clash_hedges = any(word.end <= hit.start and hit.end <= rating.start and _words_between(text, word.end, hit.start) <= 4
                                       for hit in find_hits(vocabulary.effects, text, []))
    return reading


def _steps(a: str, b: str) -> int:
    """How many levels apart two certainty words are (0 when they share one: "low or very low" and "low")."""
    return min(abs(CERTAINTY_ORDER.index(x) - CERTAINTY_ORDER.index(y)) for x in levels_of(a) for y in levels_of(b))


def _clash(text: str, hits: list[Hit]) -> tuple[Hit, Hit] | None:
    """A certainty word and the rating in brackets after it in its clause, two levels or more apart ("may not be
    increased (high-certainty evidence)", "probably reduces pain (very low-certainty evidence)"): the sentence
    says two levels of one finding that GRADE's wording never puts together (no published summary of the dev
    corpus does), so one of them is wrong, whatever the results."""
    parts = clauses(text)
    for rating in hits:
        if not _RATING.search(rating.text) or text.count("(", 0, rating.start) <= text.count(")", 0, rating.start):
            continue
        clause = _clause_of(rating.start, parts)
        before = [h for h in hits if clause[0] <= h.start and h.end <= rating.start]
        if not before or _RATING.search(before[-1].text):
            continue  # no word of its own, or another rating nearer
        if _steps(before[-1].meaning, rating.meaning) >= 2:
            return before[-1], rating
    return None


# "time to progression", "the time until relapse", "how long it took before symptoms returned": a duration until the
# event the outcome's name says, which runs the other way ("a longer time to progression" is less progression); an
# outcome named "time to recovery" is matched with its "time to" and is no event
_TIME_TO = re.compile(r"(?<![\w'’-])(?:time|times|interval|delay)\s+(?:to|until|till|before)\s+(?:(?:the|first|a|any)\s+){0,2}"
                      r"$|(?<![\w'’-])how\s+long\s+(?:it\s+took\s+|people\s+(?:went|lived)\s+)?(?:until|before)\s+(?:the\s+)?$", re.I)


# (the people after a preposition: "people were at reduced risk of death" and "puts babies at higher risk" claim it)
_NOUNISH = r"(?!(?:is|are|was|were|be|been|being|probably|likely|possibly|may|might|could|will|would|also)\b)[a-z-]+"
_AT_BEFORE = re.compile(rf"(?<![\w'’-])(?:in|for|among|to|with)\s+(?:{_NOUNISH}\s+){{0,2}}?{_NOUNISH}\s+at\s+(?:an?\s+)?$", re.I)
_RISK_NOUN = re.compile(r"\s*\b(?:risks?|chances?|odds)\b", re.I)
_GLOSS_OPEN = re.compile(r"\w\s*\(\s*(?:i\.\s?e\.,?\s*|that\s+is,?\s*)?$", re.I)
_GLOSS_CLOSE = re.compile(r"\s*\)")


def _read_sentence(text: str, results: list[Result], vocabulary: Vocabulary, context: Context | None,
                   seen: list[Hit]) -> Reading:
    context = context or Context()
    if context.explains:
        return Reading(text, "explains", why="it is in a part that explains (background, aims or methods)")
    if len(text) > MAX_CLAIM_CHARS:
        return Reading(text, "explains", why=f"it is longer than {MAX_CLAIM_CHARS:,} characters, too long to read as a claim")
    if _DEFINES_LEVEL.match(text):
        return Reading(text, "explains", why="it defines a level of GRADE's scale, no level of this evidence")
    if vocabulary.asks(text) and not _lead_in(text, vocabulary):
        return Reading(text, "explains", why="it asks or announces rather than claims")
    calls = [p for p in (vocabulary.not_claims, _RESEARCH_CALL) if p is not None and p.search(text)]
    if calls:
        # a clause that calls for research or says what the review did claims nothing; the others may
        # ("The quality of the evidence was high ..., though future research could alter the estimates")
        rest = text
        for pattern in calls:
            rest = _without_clauses(rest, pattern)
        if not rest.strip(" ,.;:–—-"):
            return Reading(text, "explains", why="it says what the review did, what research is needed or what was known before")
        reading = _read_sentence(rest, results, vocabulary, context, seen)
        reading.text = text
        return reading
    if _ONE_BY_ONE.search(text):
        # "One study reported more infections and one reported no change", "Some trials showed a benefit, while
        # others did not": the studies described one by one, not the evidence as a whole (no pooled result to hold
        # each report against)
        return Reading(text, "explains", why="it reports studies one by one, not the evidence as a whole")
    outcomes = _named_outcomes(text, _specific(text, outcome_spans(text, results)), context.condition)
    if vocabulary.opposites:
        outcomes = sorted(outcomes + opposite_spans(text, results, vocabulary, outcomes), key=lambda o: o.start)
    if vocabulary.verbs:
        outcomes = sorted(outcomes + verb_spans(text, results, vocabulary, outcomes), key=lambda o: o.start)
    unnegated = unnegated_spans(text, results, vocabulary, outcomes)
    if unnegated:
        outcomes = sorted(outcomes + unnegated, key=lambda o: o.start)
    outcomes = [replace(o, opposite=not o.opposite) if _TIME_TO.search(text, 0, o.start) else o for o in outcomes]
    outcomes = _undefined(text, outcomes)
    names = actor_names(results, context.names)
    # a word of an intervention's name inside an outcome's ("pressure" in "pressure ulcers") names no one
    actors = [a for a in name_spans(text, names, vocabulary.generic_words) if not _overlaps(a[0], a[1], [(o.start, o.end) for o in outcomes])]
    stand_ins = [m.span() for m in vocabulary.stand_ins.finditer(text)] if vocabulary.stand_ins else []
    stand_ins += [m.span() for m in _IN_A_STUDY.finditer(text) if not _overlaps(m.start(), m.end(), stand_ins)]
    taken = [(o.start, o.end) for o in outcomes] + actors
    if vocabulary.not_certainty is not None:
        taken.extend(m.span() for m in vocabulary.not_certainty.finditer(text))
    intervals = [m.span() for m in _INTERVAL.finditer(text)]
    effects = find_hits(vocabulary.effects, text, list(taken))
    # (the words of every effect phrase found, also one merged into another: "more likely to help" says no certainty)
    effect_words = [(h.start, h.end) for h in effects]
    effects = sorted(effects + _comparatives(text, vocabulary, outcomes, taken + [(h.start, h.end) for h in effects]),
                     key=lambda h: h.start)
    effects = _as_much(text, _absorbed(text, _compounded(text, effects)), vocabulary)
    if vocabulary.purposes is not None:
        purposes = list(vocabulary.purposes.finditer(text))
        effects = [h for h in effects if not any(p.end() <= h.start and _words_between(text, p.end(), h.start) <= 2 for p in purposes)]
    if vocabulary.measuring is not None and effects:
        # "the evidence for assessing reduction in time to awakening": what was measured, not a claim of it
        measures = [m.end() for m in vocabulary.measuring.finditer(text)]
        effects = [h for h in effects if not any(end <= h.start and _words_between(text, end, h.start) <= 1 for end in measures)]
    if vocabulary.anecdotes is not None:
        told = list(vocabulary.anecdotes.finditer(text))
        effects = [h for h in effects if not any(p.end() <= h.start and _words_between(text, p.end(), h.start) <= 2 for p in told)]
    parts = clauses(text)
    if effects and _RULED_OUT.search(text):
        # "we could not rule out that X increases Y", "able to rule out that X is not as good as Y", "a small increase
        # cannot be ruled out": a possibility weighed, no effect claimed in that clause
        ruled = [_ruled_span(text, m, parts) for m in _RULED_OUT.finditer(text)]
        effects = [h for h in effects if not any(a <= h.start < b for a, b in ruled)]
        # nor is an outcome named there claimed of ("..., and we could not rule out that it increases deaths")
        outcomes = [o for o in outcomes if not any(a <= o.start < b for a, b in ruled)]
    # "whether X has any effect on preventing Y": what is asked, no effect (nor the words after it in its clause)
    asked = [h for h in effects if h.meaning == "none" and h.text.lower().startswith("any ")
             and _ASKED.search(text, _clause_of(h.start, parts)[0], h.start)]
    if asked:
        ends = [_clause_of(h.start, parts)[1] for h in asked]
        effects = [h for h in effects if not any(a.start <= h.start < end for a, end in zip(asked, ends, strict=True))]
    # "the effect of X on reducing Y", "evaluated the effects of X in preventing Y": the verb names the question asked
    # of X, not its result (a claim there is said by other words: "little effect of X in preventing Y")
    # (nor are the words between "effect of" and the verb, which say what was given: "... after putting in eye drops")
    framed = [(m.start(), h.end) for h in effects if h.text.lower().endswith("ing")
              for m in [_QUESTION_FRAME.search(text, _clause_of(h.start, parts)[0], h.start)
                        or _QUESTION_FRAME_FOR.search(text, _clause_of(h.start, parts)[0], h.start)
                        or _STUDIED_FOR.search(text, _clause_of(h.start, parts)[0], h.start)] if m is not None]
    effects = [h for h in effects if not any(a <= h.start < b for a, b in framed)]
    effects = _judged_for(text, effects, parts)
    # "trials assessed the economic benefits of X", "we examined the benefits and harms of X": what was studied
    effects = [h for h in effects if not (_EFFECT_NOUN.fullmatch(h.text) and _STUDIED_NOUN.search(text, max(0, h.start - 60), h.start))]
    if context.lead_in and _TO_COLON.search(context.lead_in) and _LIST_ITEM.match(text):
        # "... may make little or no difference to:" then "– improving symptoms": the item is the object of the
        # lead-in's last word, a noun phrase; its opening verb in -ing names the outcome ("improving symptoms")
        opening = _lead_end(text)
        effects = [h for h in effects if not (h.start == opening and h.text.lower().endswith("ing"))]
    # "patients at similar risk of PCP", "women at increased risk of bleeding": who the people are, no effect
    effects = [h for h in effects if not (_AT_BEFORE.search(text, max(0, h.start - 40), h.start)
                                          and (_RISK_NOUN.search(h.text) or _RISK_NOUN.match(text, h.end)))]
    # "the mean change (worsening) of nerve damage": a bracket of an effect word alone glosses the noun before it
    effects = [h for h in effects if not (_GLOSS_OPEN.search(text, max(0, h.start - 12), h.start) and _GLOSS_CLOSE.match(text, h.end))]
    # "makes a little difference": a small effect, not "little difference" (no important one)
    effects = [h for h in effects if not _names_events(text, h) and not _inside(h, intervals)
               and not (h.meaning == "none" and h.text.lower().startswith("little") and _A_LITTLE.search(text, 0, h.start))]
    certainty = _ranges(text, find_certainty(vocabulary, text, list(taken) + [(h.start, h.end) for h in effects] + effect_words))
    seen.extend(certainty)
    levels = statement_levels(text, vocabulary, list(taken) + [(h.start, h.end) for h in effects])
    if not effects:
        about_results = re.search(r"\b(?:these|our|the)\s+(?:results?|findings?|evidence)\b", text, re.I) is not None
        # "We are uncertain about these results", "We are fairly sure about the evidence": a statement of
        # certainty in the words of how sure we are (not a modal such as "may", which needs an effect)
        # said right of the results ("in the evidence from these trials") it is held against them; said of
        # something else in a sentence that speaks of the results ("we cannot be certain what this means")
        # it is only carried, and only a low level
        worded = [h for h in certainty if _HOW_SURE.search(h.text)]
        direct = [h for h in worded if _ABOUT_RESULTS.match(text, h.end) or _RESULTS_ARE.search(text, 0, h.start)]
        judged = bool(levels) or bool(direct)
        if not levels and worded and about_results and not outcomes:
            levels = direct or [h for h in worded if "low" in h.meaning]
        if levels and {m.lower() for m in _SCALE_LEVEL.findall(text)} >= _SCALE:
            # "we rated the evidence as very low, low, moderate or high certainty": GRADE's scale described, no level
            # stated of any evidence; neither judged nor carried
            return Reading(text, "explains", why="it names every level of GRADE's scale: it describes the scale")
        if levels and any(_PART.match(text, h.end) for h in levels) and not outcomes:
            # "very low for most treatments": the level of some of the evidence, which need not be
            # among the results encoded; neither judged nor carried to the claims
            return Reading(text, "none", why="it states the certainty of only some of the evidence")
        if levels:
            named = [r for o in outcomes for r in o.results]
            stated = {level for h in levels for level in h.meaning.split(" or ")}
            if not named and _scoped(text, names, vocabulary.generic_words, [n for r in results for n in r.names()]):
                # not judged (the outcome it speaks of may be one the results leave out); its levels may be those
                # of an outcome the results name otherwise (read_summary)
                return Reading(text, "none", why="it states the certainty of the evidence on something no result names",
                               statement=Statement(stated, levels, [], judged=False, loose=True, scoped=True))
            if named and actors and len({_pair(r) for r in results}) > 1:
                # "We are moderately confident in the evidence about the effect of corticosteroids on deaths": it names
                # who acts, so it rates only the results of what it names; none of them: another comparison, not judged
                generic = vocabulary.generic_words
                theirs = [r for r in named if _cover(_term_names(r.intervention), text, generic) > 0 or _names_comparison(text, r, generic)]
                judged = judged and bool(theirs)
                named = theirs or named
            return Reading(text, "statement", statement=Statement(stated, levels, list(dict.fromkeys(named)), judged))
        if not certainty or not outcomes:
            return Reading(text, "none", why="it names no effect")
    if not outcomes:
        inner = _inner_statement(text, levels, certainty, outcomes)
        if inner is not None and all(_LABEL.match(text, hit.end) for hit in inner.hits):
            # an effect claimed of something no result names, with a rating ("Drug resistance may not be
            # increased (low-certainty evidence)"): the rating is that outcome's, held only against the results
            # of a comparison the sentence names by its comparator ("When comparing X with oral antibiotics
            # alone, we found low-certainty evidence that ..."); "Due to the low quality of the evidence, ..."
            # speaks of the evidence as a whole
            inner.results = [r for r in results if _names_comparison(text, r, vocabulary.generic_words)]
            inner.judged, inner.loose = bool(inner.results), True
        reading = Reading(text, "none", why="it names no outcome of the results", statement=inner)
        reading.wholes = _whole_comparison(text, effects, results, vocabulary, context)
        return reading
    select_text, from_lead = text, False
    stand_ins = _acting(text, stand_ins, effects + certainty) + _impersonal(text, vocabulary, effects, actors)
    opening, elided = min((h.start for h in effects + certainty), default=len(text)), False
    if not actors and not any(start < opening for start, _ in stand_ins) and _elided(text, effects + certainty):
        # (a word for the treatment after the verb is not its subject: "probably reduce deaths up to 30 days after treatment")
        stand_ins, elided = [(0, 0)], True  # a list item that goes on from its lead-in ("PARPi: – probably reduce ...")
        if context.lead_in:
            select_text, from_lead = context.lead_in, True  # the lead-in names who acts and against what
            hedge = _lead_hedge(context.lead_in, vocabulary)
            if hedge is not None and not certainty:
                # "... beds with a reactive air-filled surface may:" then "- improve chances of healing": the
                # lead-in's word hedges each item that has none of its own
                certainty = [Hit(hedge.meaning, 0, 0, hedge.text)]
    if not actors and not stand_ins:
        return Reading(text, "explains", why="no intervention (nor a word standing for it) acts in it")
    # "we are very uncertain whether X reduces Y" keeps its direction (the grid words a very-low result so,
    # with its direction); "we are uncertain whether X improves Y" claims none
    undecided = [m for m in vocabulary.undecided.finditer(_UNDEGREED.sub(lambda m: m.group(1) + " " * len(m.group(2)), text))
                 if not re.search(r"\bvery\s+$", text[:m.start()], re.I)] if vocabulary.undecided else []
    comparator = _comparator(select_text, vocabulary)
    if comparator is not None and context.following and not select_text[comparator[1][0]:].strip(" :"):
        # "... when compared with:" and the comparators in the list items after it
        select_text = f"{select_text.rstrip(' :')} {context.following}"
        comparator = (comparator[0], (comparator[1][0], len(select_text)))
    lead_named = from_lead and bool(name_spans(select_text, names, vocabulary.generic_words))
    claims = []
    other_comparison = False
    nones = [(h.start, h.end) for h in effects if h.meaning == "none"]
    kinds = _kinds(text, vocabulary, actors)
    measured = [m.end() for m in vocabulary.measuring.finditer(text) if not _by_instrument(text, m.start(), vocabulary)] \
        if vocabulary.measuring is not None else []
    sure = [m.span() for m in undecided] + [(h.start, h.end) for h in certainty
                                            if _HOW_SURE.search(h.text) and not _RATING.search(h.text)]
    pieces = scopes(text, parts, effects, certainty, sure)
    for outcome in outcomes:
        if any(end <= outcome.start and _words_between(text, end, outcome.start) <= 2 for end in measured):
            continue  # "to assess the function of the plates": what was measured, not a claim about it
        hard = _clause_of(outcome.start, parts)
        clause, hedged = scope_of(outcome.start, hard, pieces, text, effects, [o.start for o in outcomes])
        # a finding reported after another ("..., and that within 30 days, fewer people died") takes no hedge of the one before
        hedged = (max(hedged[0], _reported_part(text, hard, outcome.start)[0]), hedged[1])
        if not any(s < clause[1] for s, _ in actors) and not any(hard[0] <= s < clause[1] for s, _ in stand_ins) and not elided:
            # no one acts in or before its clause: "..., but whether a delay in progression helps is unclear"
            # (a list item's lead-in acts in each of its clauses)
            continue
        effect = _effect_for(outcome, effects, clause, text)
        if effect is not None:
            effect = _lessened(text, effect, effects, clause)
        own = [h for h in certainty if hedged[0] <= h.start < hedged[1]]
        if effect is None and not own:
            continue
        clause_text, clause_comparator = select_text, comparator
        if not from_lead and comparator is not None and comparator[0][0] == 0 \
                and not hard[0] <= comparator[1][0] < hard[1] and any(hard[0] <= a < hard[1] for a, _ in actors):
            # "X causes more infections than Y, but Z may make little difference to infections": the
            # clause names who acts in it, and the comparator of another clause is not its own (clauses joined
            # by "and" share theirs: "X may reduce A, and may make little difference to B when compared with Y")
            clause_text = " " * hard[0] + text[hard[0]:hard[1]] + " " * (len(text) - hard[1])
            clause_comparator = _comparator(clause_text, vocabulary)
        claim = _claim(text, outcome, effect, own, certainty, effects, parts, undecided, clause_comparator, actors, context,
                       vocabulary, clause, nones, clause_text, lead_named, results, from_lead, pieces, outcomes)
        if claim is None:
            other_comparison = True  # the sentence names an intervention or comparison no result of the outcome has
        else:
            if len(claim.candidates) > 1:
                before = claim.candidates
                claim.candidates = _by_setting(claim.candidates, text, clause, vocabulary.generic_words)
                claim.unsure = claim.unsure or _setting_unsaid(before, claim.candidates, text, clause, vocabulary.generic_words,
                                                               context.previous)
                claim.ambiguous_selection = claim.ambiguous_selection and len({_pair(c.result) for c in claim.candidates}) > 1
            claim.each_meant = _each_meant(text, claim, vocabulary.generic_words)
            listed = None if claim.each_meant or claim.unsure else _listed_actors(text, claim, hard, results,
                                                                                  vocabulary.generic_words)
            if listed is not None:
                claim.candidates, claim.each_meant, claim.ambiguous_selection = listed, True, False
            if claim.each_meant:  # worded for the group, at the lowest certainty among them (as outcomes listed are)
                claim.floor = min((c.result.certainty for c in claim.candidates), key=CERTAINTY_ORDER.index)
            claim.qualifier = _unqualified(claim, _qualifiers(text, _reported_part(text, clause, outcome.start), vocabulary,
                                                              taken + _explanations(text)), results)
            claim.comparator = claim.comparator or kinds
            claim.unsure = claim.unsure or _narrower(text, outcome) or _subgroup(text)
            if claim.unsure is None:
                claim.candidates, claim.unsure = _by_time(claim.candidates, text, hard, outcome)
            if claim.unsure is None and claim.actor == "named" and len({_pair(r) for r in results}) > 1 \
                    and _mentions(list(context.names), select_text, vocabulary.generic_words):
                # (named by the review's own word for what it studies, not by "it" or the sentence before)
                claim.unsure = _arm_unsaid(claim, f"{select_text} {context.lead_in or ''}", vocabulary.generic_words)
            untied = _untied(claim, text, effects, hard, clause_comparator, results, vocabulary.generic_words, context) \
                if claim.unsure is None else None
            if untied is not None:
                _tie(claim, *untied, text, clause_comparator, results, vocabulary.comparators)
            claim.quantified = claim.effect is not None and _quantified(text, claim.effect)
            claims.append(claim)
            rating = _rating_over(text, claim, certainty)
            if rating is not None:  # "We found high-certainty evidence that X probably reduces Y": both are said
                claims.append(replace(claim, effect=None, negated=None, certainty=rating.meaning, certainty_hit=rating,
                                      certainty_source="word", undecided=None))
            lead = _elaborated(text, outcome, effects, clause, outcomes)
            if lead is not None and lead is not claim.effect:
                claims.append(replace(claim, effect=lead, certainty=None, certainty_hit=None, certainty_source="none",
                                      negated=_negation(text, lead, vocabulary, [(outcome.start, outcome.end), *actors, *nones],
                                                        clause)))
            counted = _counted(text, outcome, effects, clause, claim.effect, outcomes)
            if counted is not None:  # "reduce the need for treatment: in 32 fewer people per 1000"
                claims.append(replace(claim, effect=counted, negated=None, certainty=None, certainty_hit=None,
                                      certainty_source="none", undecided=None))
    claims.extend(_elided_outcomes(text, parts, outcomes, effects, claims, undecided, actors, context, vocabulary, nones,
                                   lead_named, results, from_lead, certainty))
    if not claims:
        inner = _inner_statement(text, levels, certainty, outcomes)
        if inner is not None:
            inner.loose = True  # no claim says which of the outcomes' results (which comparisons) it speaks of
            inner.judged = not other_comparison  # of a comparison the results do not hold: not theirs to judge
        return Reading(text, "none", why="no effect is claimed for the outcomes it names", statement=inner)
    _floors(claims)
    reading = Reading(text, "claim", claims=[c for c in claims if not c.outcome.opposite],
                      actor_words={text[s:e].lower().rstrip("s") for s, e in actors} | {text[s:e].lower() for s, e in actors},
                      opposed=[c for c in claims if c.outcome.opposite])
    reading.statement = _inner_statement(text, levels, certainty, outcomes, claims=True)
    if reading.statement is not None:  # it speaks of the results its claims are about, and of their comparisons
        reading.statement.results = list(dict.fromkeys(r for claim in claims for r in claim.results))
        after = max(hit.end for hit in reading.statement.hits) if reading.statement.hits else None
        level_at = min(hit.start for hit in reading.statement.hits) if reading.statement.hits else None
        frames = list(_EVIDENCE_ON.finditer(text, 0, level_at)) if level_at is not None else []
        if frames and level_at is not None and not re.search(r"[;:]|\bbut\b|,\s+(?:and|whereas|while)\b", text[frames[-1].end():level_at]):
            # "..., but the evidence for effect on gonococcal conjunctivitis was of low to very-low certainty": it
            # rates what it names between "evidence on" and its level, not the claims before it (none: not judged)
            start = frames[-1].start()
            reading.statement.results = list(dict.fromkeys(r for outcome in outcomes if start <= outcome.start < level_at
                                                           for r in outcome.results))
            if not reading.statement.results:
                reading.statement.judged, reading.statement.loose = False, True
        elif after is not None and _ABOUT_WHAT.match(text, after):
            # "... and our confidence in the evidence is very low about the baby's health": it rates what it
            # names after it, not the claims before it (none named: not judged)
            reading.statement.results = list(dict.fromkeys(r for claim in claims if claim.outcome.start >= after
                                                           for r in claim.results))
            if not reading.statement.results:
                reading.statement.judged, reading.statement.loose = False, True
        pairs = {_pair(r) for r in reading.statement.results}
        reading.statement.covers = [r for r in results if _pair(r) in pairs]
    return reading


# a difference seen that the sentence says may be chance ("this may have happened by chance", "may be due to chance")
_BY_CHANCE = re.compile(r"(?<![\w'’-])(?:(?:may|might|could)\s+(?:well\s+)?(?:have\s+)?(?:been\s+|be\s+)?(?:occurred|arisen|happened|due)\s+"
                        r"(?:\w+\s+)?(?:to|by)\s+chance|(?:occurred|arose|happened)\s+by\s+chance)(?![\w'’-])", re.I)


# what a statement of certainty inside a sentence rates, named before its level ("the evidence for effect on X was low")
_EVIDENCE_ON = re.compile(r"(?<![\w'’-])(?:evidence|certainty|confidence|quality)\s+(?:of\s+(?:the\s+)?evidence\s+)?"
                          r"(?:for|on|about|regarding|concerning)\s", re.I)
# what a statement of certainty inside a sentence rates, named after it ("very low about the baby's health")
_ABOUT_WHAT = re.compile(r"\s*(?:about|for|regarding|concerning|on|as\s+regards)\s+(?!(?:this|these|that|those|the\s+(?:evidence|results?|"
                         r"findings?|effects?))(?![\w'’-]))", re.I)


def _elided_outcomes(text: str, parts: list[tuple[int, int]], outcomes: list[OutcomeSpan], effects: list[Hit],
                     claims: list[OutcomeClaim], undecided: list[re.Match[str]], actors: list[tuple[int, int]],
                     context: Context, vocabulary: Vocabulary, nones: list[tuple[int, int]], lead_named: bool,
                     results: list[Result], from_lead: bool, certainty: list[Hit]) -> list[OutcomeClaim]:
    """A clause with an effect and a comparator of its own that names no outcome is about the outcome of
    the clause before ("X was more effective than A for response, but less effective than B"): a claim
    about that outcome against B, located at its effect word (its numbers are its own). It carries no
    certainty: a word there may be B's alone ("... and probably C")."""
    found: list[OutcomeClaim] = []
    for part in parts:
        if any(part[0] <= o.start < part[1] for o in outcomes):
            continue
        inner = [h for h in effects if part[0] <= h.start < part[1] and h.meaning != "differ"]
        earlier = [c for c in claims if c.outcome.end <= part[0]]
        if not inner or not earlier:
            continue
        masked = " " * part[0] + text[part[0]:part[1]] + " " * (len(text) - part[1])
        comparator = _comparator(masked, vocabulary)
        if comparator is None or comparator[1][0] <= inner[0].start:
            continue  # no comparator of its own after the effect word
        if _OWN_OBJECT.match(text, inner[0].end):
            # "..., but there was no difference in pain compared with B", "..., but may reduce pain compared with B":
            # the effect has an object of its own, an outcome no result names; not the outcome of the clause before
            continue
        outcome = earlier[-1].outcome
        effect = inner[0]
        at = OutcomeSpan(effect.start, effect.end, outcome.text, outcome.results)
        claim = _claim(text, at, effect, [], certainty, effects, parts, undecided, comparator, actors, context, vocabulary,
                       part, nones, masked, lead_named, results, from_lead)
        if claim is None:
            continue
        if not any(part[0] <= a < comparator[1][0] for a, _ in actors):
            # no one named acts in the clause: its subject is the clause before's ("..., but are less effective than B")
            acting = {c.result.intervention for c in earlier[-1].candidates}
            claim.candidates = [c for c in claim.candidates if c.result.intervention in acting]
            claim.ambiguous_selection = len({_pair(c.result) for c in claim.candidates}) > 1
        if claim.candidates:
            found.append(replace(claim, certainty=None, certainty_hit=None, certainty_source="none"))
    return found


# What follows an effect word that has an object of its own: a noun ("reduces pain"), or a preposition and a noun
# ("no difference in pain", "little effect on sleep"), not a word standing for what came before ("reduces them",
# "no difference in either") nor the comparator or the end of its clause (_NO_OBJECT)
_OWN_OBJECT = re.compile(r"(?:\s+(?:in|on|to|for|of|with\s+regard\s+to|with\s+respect\s+to|regarding|in\s+terms\s+of))?"
                         r"\s+(?!(?:them|it|this|these|those|either|both|each|that|so|the\s+groups?|groups?|between|than|compared|"
                         r"versus|vs|when|while|whereas|with|in|on|for|to|at|after|during|overall|and|or|but)(?![\w'’-]))"
                         r"(?:the\s+|a\s+|an\s+|their\s+|its\s+)?[A-Za-z]", re.I)


def _inner_statement(text: str, levels: list[Hit], certainty: list[Hit], outcomes: list[OutcomeSpan],
                     claims: bool = False) -> Statement | None:
    """A statement of certainty inside a sentence that claims ("Due to the low quality of the evidence,
    we are uncertain whether ..."): its level words near "evidence" or "certainty" that are no
    certainty phrase of its claims (in a sentence with none, a rating such as "high-quality evidence" is one)."""
    spoken = [(h.start, h.end) for h in certainty
              if claims or not re.search(r"evidence|certainty|quality", h.text, re.I)]
    stated = [h for h in levels if not _overlaps(h.start, h.end, spoken) and re.search(
        r"\b(?:evidence|certainty)\b", text[max(0, h.start - 60):h.end + 60], re.I)]
    if not stated:
        return None
    named = [r for o in outcomes for r in o.results]
    return Statement({level for h in stated for level in h.meaning.split(" or ")}, stated, list(dict.fromkeys(named)))


_RATING = re.compile(r"evidence|certainty|quality", re.I)
_GOVERNS = re.compile(r"(?:\s*\)?,?\s*(?:\w+\s+){0,2}?(?:that|suggest(?:s|ed|ing)?|show(?:s|ed|ing)?|indicat(?:es|ed|ing)))\b", re.I)


def _rating_over(text: str, claim: OutcomeClaim, certainty: list[Hit]) -> Hit | None:
    """A rating of the evidence that governs a claim whose own certainty word says another level: "We
    found high-certainty evidence that X probably reduces Y", "Low-quality evidence suggests that X will
    probably ...". The sentence says both levels, and each is held against the results."""
    own = claim.certainty_hit
    if own is None or claim.certainty is None or claim.certainty_source != "word" or _RATING.search(own.text):
        return None
    for hit in certainty:
        if hit.end > own.start or not _RATING.search(hit.text) or not _GOVERNS.match(text, hit.end):
            continue
        if not (set(hit.meaning.split(" or ")) & set(claim.certainty.split(" or "))):
            return hit
    return None
# A verb by which a rating of the evidence reports the claim after it ("low-quality evidence showed
# improvement in ...", "moderate-certainty evidence suggests that ...").
_REPORTS = re.compile(r"\s+(?:\w+\s+)?(?:shows?|showed|shown|revealed|reveals?|suggests?|suggested|indicates?|indicated|"
                      r"finds|found|demonstrated|demonstrates?|supports?|supported|that)\b", re.I)


_NUMBER_BEFORE = re.compile(r"(?:\d[\d,.]*\s*%?|one|two|three|four|five|six|seven|eight|nine|ten|twenty|a hundred)"
                            r"(?:\s+(?:per\s*cent|percent|absolute|relative))*\s+$", re.I)


def _counted(text: str, outcome: OutcomeSpan, effects: list[Hit], clause: tuple[int, int], effect: Hit | None,
             outcomes: list[OutcomeSpan]) -> Hit | None:
    """An absolute effect after the outcome ("...: in 32 more people for every 1000", "—31% absolute
    less improvement"): a count with "more" or "fewer" (or an effect), its own claim of the direction,
    held against the result like the verb before it."""
    for hit in effects:
        if hit is effect or hit.meaning not in FLIP or not clause[0] <= hit.start < clause[1]:
            continue
        if hit.start < outcome.end or _words_between(text, outcome.end, hit.start) > 15:
            continue
        if any(outcome.end <= o.start < hit.start for o in outcomes):
            continue  # another outcome between: the count is its
        if _NUMBER_BEFORE.search(text[max(0, hit.start - 20):hit.start]):
            return hit
    return None




def _lessened(text: str, effect: Hit, effects: list[Hit], clause: tuple[int, int]) -> Hit:
    """An effect said to be smaller than the comparator's ("improves pain less than injection",
    "improvement in pain was 26 points less"): the other way round against the comparator."""
    if effect.meaning not in FLIP:
        return effect
    match = re.search(r"(?<![\w'’-])(?:less|not as much|not as well)(?![\w'’-])", text[effect.end:clause[1]], re.I)
    if match is None:
        return effect
    at = effect.end + match.start()
    if _words_between(text, effect.end, at) > 8 or any(effect.end <= h.start < at and h.meaning != "reduce" for h in effects):
        return effect
    if re.match(r"\s+(?!(?:than|with|in|among|for|after|when|compared)\b)[\w'’-]", text[effect.end + match.end():], re.I):
        return effect  # "improved vision and less swelling": 'less' goes with the word after it (not "less with X than Y")
    if _THRESHOLD.match(text, effect.end + match.end()):
        return effect  # "infections at less than 30 days", "fell to less than 5%": a threshold, no comparator
    return Hit(FLIP[effect.meaning], effect.start, effect.end, f"{effect.text} ... {match.group(0)}")


_PRONOUNS = frozenset({"it", "they", "this", "these", "both", "either", "neither"})


def _acting(text: str, stand_ins: list[tuple[int, int]], hits: list[Hit]) -> list[tuple[int, int]]:
    """The words standing for the intervention that act: a pronoun ("it", "this") only as the subject
    just before a certainty or effect word ("It may also improve"; not "This imbalance arises because
    of reduced kidney function")."""
    kept = []
    for start, end in stand_ins:
        if text[start:end].lower() in _PRONOUNS and not any(
                h.start >= end and _words_between(text, end, h.start) <= 2 for h in hits):
            continue
        kept.append((start, end))
    return kept


# What may follow an effect word that has no object (an outcome the results may not name): the end of
# the clause, the comparator, or "between" the things compared
_NO_OBJECT = re.compile(r"(?:\s+(?:overall|at\s+all|either|really))?\s*(?:[,.;:)]|$|(?:than|compared|versus|vs|between)(?![\w'’-]))",
                        re.I)


def _whole_comparison(text: str, effects: list[Hit], results: list[Result], vocabulary: Vocabulary,
                      context: Context) -> list[OutcomeClaim]:
    """A claim that names no outcome, of a comparison the sentence names by its intervention and its
    comparator ("When comparing X with Y, there is little to no difference between the compared
    approaches", "X was as effective as Y"): a claim about every result of the comparison, held
    against them as a whole. Read only when its effect word has no object (which could be an outcome
    no result holds: "X reduced pain compared with Y" where pain is not encoded)."""
    if vocabulary.undecided is not None and vocabulary.undecided.search(text):
        return []
    effect = next((h for h in effects if _NO_OBJECT.match(text, h.end)), None)
    if effect is None or any(h.meaning != effect.meaning for h in effects):
        return []
    generic = vocabulary.generic_words
    compared = [r for r in results if r.comparison is not None
                and _cover(_term_names(r.intervention), text, generic) > 0 and _names_comparison(text, r, generic)]
    if not compared:
        return []
    negated = _negation(text, effect, vocabulary, [], (0, len(text)))
    if negated is not None:
        return []
    span = OutcomeSpan(effect.start, effect.end, "the results of the comparison", tuple(compared))
    claim = OutcomeClaim(span, [Candidate(r) for r in compared], effect, None, None, None, "none", None, "named")
    claim.whole = True
    return [claim]


# words that name what is compared: a sentence with one of these that names no intervention of the
# results compares something else ("between younger and older people", "in the non-surgical group"), or
# a subgroup of people by who they are
# ("in people over 65", "among those who stopped early")
_OTHER_ARMS = re.compile(r"(?<![\w'’-])(?:between|groups?|arms?|than|compared|versus|vs|among|amongst|"
                         r"in\s+(?:the\s+)?(?:people|persons|those|patients|participants|women|men|children|adults|babies|"
                         r"infants)\s+(?:who|whose|over|under|aged|older|younger|above|below|with\s+(?:more|less|severe|mild)))"
                         r"(?![\w'’-])", re.I)
# the arms the review compares, named as such ("between the two techniques", "between the groups", "in both groups"):
# no other comparison
_THE_COMPARED = re.compile(r"(?<![\w'’-])(?:between|in|across)\s+(?:the\s+|both\s+|the\s+two\s+|these\s+two\s+|the\s+treatment\s+|"
                           r"the\s+study\s+)?(?:groups|arms|techniques|treatments|interventions|methods|approaches|procedures|"
                           r"options|regimens)(?![\w'’-])", re.I)


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


IMPERSONAL_WORDS = 5  # how close "there was" must come before its effect word ("There was little or no difference")


def _impersonal(text: str, vocabulary: Vocabulary, effects: list[Hit], actors: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A result stated with no one acting ("There was no difference in pain", "No effect was found for
    deaths"): the phrase, standing for the studies' intervention, when it comes just before the effect
    word (or, "was found", just after it); not in a sentence that names what it compares and no
    intervention of the results ("There was no difference between younger and older people", "more
    complications ... in the non-surgical group"): another comparison."""
    if vocabulary.impersonal is None or not effects or (not actors and _OTHER_ARMS.search(_THE_COMPARED.sub(_blank, text))):
        return []
    found = []
    for match in vocabulary.impersonal.finditer(text):
        if any((h.start >= match.end() and _words_between(text, match.end(), h.start) <= IMPERSONAL_WORDS)
               or (h.end <= match.start() and _words_between(text, h.end, match.start()) <= 1) for h in effects):
            found.append(match.span())
    return found


def _kinds(text: str, vocabulary: Vocabulary, actors: list[tuple[int, int]]) -> str | None:
    """Kinds of the intervention compared with each other ("The type of active surface used made
    little difference"): what the sentence compares, when it does."""
    if vocabulary.kinds is None:
        return None
    for match in vocabulary.kinds.finditer(text):
        if any(s >= match.end() and _words_between(text, match.end(), s) <= 2 for s, _ in actors):
            return f"{match.group(0)} ... (one kind against another)"
    return None


def _lead_in(text: str, vocabulary: Vocabulary) -> bool:
    """A line ending ':' that asks nothing ("X may reduce ulcers when compared with:"): read as a
    claim like any sentence; one without an effect word claims nothing anyway."""
    if not text.rstrip().endswith(":"):
        return False
    if vocabulary.question_starts is not None and vocabulary.question_starts.match(text):
        return False
    return vocabulary.questions is None or vocabulary.questions.search(text) is None


# words that end a qualifier's phrase ("during exacerbations, ...", "at three months than ...")
_QUALIFIER_END = frozenset({
    "and", "or", "but", "than", "compared", "versus", "with", "without", "for", "of", "to", "in", "on", "that", "who", "which",
    "when", "where", "was", "were", "is", "are", "be", "been", "may", "might", "could", "probably", "likely", "did", "do",
    "does", "had", "has", "have", "not"})


# words that make "at ..." / "in the ..." a degree or a manner, not a setting or a time ("at least in the long term",
# "at most", "at all", "at first", "in the same way")
_NO_SETTING = frozenset({"least", "most", "all", "first", "once", "times", "worst", "best", "random", "same"})


def _qualifiers(text: str, clause: tuple[int, int], vocabulary: Vocabulary,
                skip: list[tuple[int, int]]) -> list[tuple[str, set[str]]]:
    """The settings, subgroups and times a clause names ("during exacerbations", "in the operating
    room"): each phrase with the words that tell it apart; "in the risk of" names none."""
    if vocabulary.qualifiers is None:
        return []
    found = []
    for match in vocabulary.qualifiers.finditer(text, clause[0], clause[1]):
        if _overlaps(match.start(), match.end(), skip):
            continue
        words: list[str] = []
        following = ""
        end = match.end()
        for token in re.finditer(r"[\w'’-]+|[^\w\s]", text[match.end():clause[1]]):
            low = token.group(0).lower()
            if not re.match(r"\w", low) or low in _QUALIFIER_END or len(words) >= 3:
                following = low
                break
            words.append(low)
            end = match.end() + token.end()
        if following == "of" or not words or _overlaps(match.end(), end, skip) or words[0] in _NO_SETTING:
            continue  # "in the risk of", "at the end of", "after hypertonic saline", "at least": not a setting or a time
        if _PURPOSE_BEFORE.search(text, max(clause[0], match.start() - 40), match.start()):
            continue  # "epidural analgesia for pain relief during labour": when the intervention is given, not a subgroup
        significant = {w for w in words if len(w) > 2 and w not in vocabulary.generic_words and not w.isdigit()}
        if significant:
            found.append((f"{match.group(0)} {' '.join(words)}", significant))
    return found


# the purpose an intervention is given for, which a setting after it describes ("for pain relief during labour")
_PURPOSE_BEFORE = re.compile(r"(?<![\w'’-])for\s+(?:pain\s+relief|relief|the\s+treatment|treatment|treating|preventing|"
                             r"prevention|management|managing)(?:\s+of\s+[\w'’-]+)?\s+$", re.I)


# ", and that ...": a second finding reported in the same sentence ("We found that X lowers the risk of dying,
# and that after discharge, people were more likely to ..."): its setting or time is not the first one's
_REPORTED = re.compile(r",?\s+(?:and|but)\s+(?:also\s+)?(?:that|whether)(?![\w'’-])", re.I)
# a bracket that explains a word ("(when blood cannot flow back and pools in the legs)", "(which ...)"):
# the settings it names are the explanation's, not the claim's
_EXPLAINING = re.compile(r"\(\s*(?:when|where|which|who|that|i\.e\.|e\.g\.|such as|meaning|because|as)\s[^()]*\)", re.I)


# A bracket that says what the words before it mean ("first-pass success (that is, the tube put in at the first
# attempt)", "dyspepsia (i.e. fullness, bloating or nausea)")
_DEFINING = re.compile(r"\(\s*(?:that is|i\.\s?e\.?|ie|meaning|which means|in other words|defined as)[\s,][^()]*\)", re.I)


def _undefined(text: str, outcomes: list[OutcomeSpan]) -> list[OutcomeSpan]:
    """The outcomes a sentence claims about, without those named only in a bracket that defines the words before it
    (when the sentence names one outside it): a definition's words say what the outcome is, not another outcome."""
    if "(" not in text:
        return outcomes
    defining = [m.span() for m in _DEFINING.finditer(text)]
    if not defining:
        return outcomes
    outside = [o for o in outcomes if not any(a <= o.start < b for a, b in defining)]
    return outside or outcomes


def _reported_part(text: str, clause: tuple[int, int], at: int) -> tuple[int, int]:
    """The part of a clause that holds `at`, between the findings a sentence reports one after the other."""
    start, end = clause
    for match in _REPORTED.finditer(text, clause[0], clause[1]):
        if match.end() <= at:
            start = match.end()
        elif match.start() > at:
            end = min(end, match.start())
            break
    return start, end


def _explanations(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _EXPLAINING.finditer(text)] if "(" in text else []


def _setting_words(text: str, clause: tuple[int, int]) -> set[str]:
    """The words a clause (and the sentence's lead-in before a colon) says, singular, as a setting is named: without
    quotation marks ("in 'easy' patients") and with an adverb also as its adjective ("moderately difficult" says
    "moderate", "severely ill" says "severe")."""
    colon = text.find(":")
    region = text[clause[0]:clause[1]] + (" " + text[:colon] if 0 <= colon < clause[0] else "")
    said = {w.strip("'’").rstrip("s") for w in re.findall(r"[\w'’-]+", region.lower())}
    return said | {w[:-3] + "y" if w.endswith("ily") else w[:-2] for w in said if len(w) > 5 and w.endswith("ly")}


def _by_setting(candidates: list[Candidate], text: str, clause: tuple[int, int], generic: frozenset[str]) -> list[Candidate]:
    """Results of one outcome told apart by the setting, population or time their outcomes' technical
    names carry ("diarrhoea episodes (communities; low- and middle-income countries)"): those whose own words the
    clause (or the sentence's lead-in before a colon) names most; all of them when it names none."""
    def own(candidate: Candidate, names: list[str]) -> set[str]:
        return {w.rstrip("s") for name in names for w in re.findall(r"[\w'’-]+", name.lower())
                if len(w) > 2 and w not in generic}
    words = [own(c, [c.result.outcome.technical]) for c in candidates]
    # (a word every result has in one of its names tells none apart: "induction" of one's technical name and the
    # other's alias "induction of remission")
    common = set.intersection(*(own(c, c.result.names()) for c in candidates)) if candidates else set()
    said = _setting_words(text, clause)
    scores = [len((w - common) & said) for w in words]
    best = max(scores)
    if best <= 0:
        return candidates
    return [c for c, score in zip(candidates, scores, strict=True) if score == best]


def _segments(result: Result, generic: frozenset[str]) -> list[frozenset[str]]:
    """The parts of an outcome's technical name ("death (overall survival; metastatic; hormone receptor-negative)":
    death, overall survival, metastatic, hormone receptor-negative), each as its words."""
    out = []
    for part in re.split(r"[;,()]", result.outcome.technical):
        words = frozenset(w.rstrip("s") for w in _significant(part, generic))
        if words:
            out.append(words)
    return out


def _setting_unsaid(before: list[Candidate], kept: list[Candidate], text: str, clause: tuple[int, int],
                    generic: frozenset[str], previous: list[Result]) -> str | None:
    """A setting, population or time of the result chosen by another part of its outcome's name that the
    sentence says nothing of, where a result of the outcome not chosen has none of it ("deaths in receptor-
    negative cancer" chosen as the metastatic receptor-negative result, when results of deaths in the adjuvant
    setting are there too): the sentence picks it by elimination and may mean a subgroup of another setting that
    no result holds. A part the results of the sentence before are of is said (a paragraph goes on in its setting:
    "In the adjuvant setting, ... . In receptor-negative cancer, ...")."""
    if len(kept) == len(before):
        return None
    said = _setting_words(text, clause)
    said |= {w for r in previous for part in _segments(r, generic) for w in part}
    segments = {c.result.id: _segments(c.result, generic) for c in before}
    # (a part that has a word every name has is a gloss of the name, not a setting: "disease-free or relapse-free
    # survival" beside "disease-free survival")
    common = set.intersection(*({w for part in parts for w in part} for parts in segments.values()))
    for chosen in kept:
        for part in segments[chosen.result.id]:
            if part & common or any(s == w or (len(w) >= 6 and s.startswith(w)) for w in part for s in said):
                continue  # ("hospitalised" says "hospital")
            # (another result of the same comparison: results of others are told apart by their arms)
            other = next((c for c in before if c not in kept and _pair(c.result) == _pair(chosen.result)
                          and not any(part & p for p in segments[c.result.id])), None)
            if other is not None:
                return (f"the sentence does not say '{' '.join(sorted(part))}', which '{chosen.result.id}' is of and "
                        f"'{other.result.id}' is not, so it may mean a setting or subgroup no result holds")
    return None


def _words_of(result: Result) -> set[str]:
    names = [*result.names(), *_term_names(result.intervention), *_term_names(result.comparison)]
    return {w.rstrip("s") for name in names for w in re.findall(r"[\w'’-]+", name.lower())}


def _unqualified(claim: OutcomeClaim, qualifiers: list[tuple[str, set[str]]], results: list[Result]) -> str | None:
    """The qualifier of a claim that its results do not carry and another result does ("during
    exacerbations" read against FEV1 at four weeks when FEV1 during an exacerbation is a result)."""
    for label, words in qualifiers:
        stems = {w.rstrip("s") for w in words}
        if any(stems & _words_of(c.result) for c in claim.candidates):
            continue
        if any(stems & _words_of(r) for r in results if r not in claim.results):
            return label
    return None


_BOTH = re.compile(r"\bboth\b[^,;:]*\band\b", re.I)
_BOTH_PARTS = re.compile(r"\bboth\s+([^,;:]+?)\s+and\s+([^,;:]+?)\s*$", re.I)


def _both_parts(text: str, at: int) -> tuple[str, str] | None:
    """The text twice, with one of the two parts of a subject "both A and B" (before `at`) blanked out
    (same length: offsets stay), for the results each part names."""
    match = _BOTH_PARTS.search(text[:at].rstrip())
    if match is None:
        return None
    (a0, a1), (b0, b1) = match.span(1), match.span(2)
    only_a = text[:a1] + " " * (b1 - a1) + text[b1:]
    only_b = text[:a0] + " " * (b0 - a0) + text[b0:]
    return only_a, only_b


def _each_meant(text: str, claim: OutcomeClaim, generic: frozenset[str]) -> bool:
    """A subject "both A and B" before the claim's words, each candidate's actor named in it: the
    sentence says the claim of each ("both laser treatment and surgery will probably be more successful
    than foam"), so a candidate it does not fit is wrong, not a reading it may not mean."""
    if len(claim.candidates) < 2:
        return False
    at = min((h.start for h in (claim.certainty_hit, claim.effect) if h is not None), default=claim.outcome.start)
    subject = _BOTH.search(text[:at])
    if subject is None:
        return False
    said = text[subject.start():at]
    for candidate in claim.candidates:
        actor = candidate.result.comparison if candidate.inverted else candidate.result.intervention
        if not _mentions(_term_names(actor), said, generic):
            return False
    return True


# the parts of a subject that lists who acts ("Massage and shock wave therapy", "gabapentin, pregabalin, and doxepin")
_LIST_PARTS = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.I)
_OPENERS = re.compile(r"^\W*(?:while|whereas|and|but|although|though|however,?)\s+", re.I)


def _listed_actors(text: str, claim: OutcomeClaim, clause: tuple[int, int], results: list[Result],
                   generic: frozenset[str]) -> list[Candidate] | None:
    """A subject that lists interventions, each the intervention of its own result of the claim's outcome
    ("Massage and shock wave therapy probably reduce itch"): the claim is said of each, as "both A and B" says it.
    Not when a part names nothing with a result (the list is of something else), nor when a result's intervention
    joins two parts (the sentence may mean that combination)."""
    at = min((h.start for h in (claim.certainty_hit, claim.effect) if h is not None), default=claim.outcome.start)
    if not clause[0] <= at <= clause[1]:
        return None
    subject = _OPENERS.sub("", text[clause[0]:at]).strip()
    if "," not in subject and " and " not in subject.lower():
        return None
    pool = [r for r in dict.fromkeys([*claim.outcome.results, *(c.result for c in claim.candidates)])
            if r.intervention is not None]
    parts = [p for p in _LIST_PARTS.split(subject) if p.strip()]
    if len(parts) < 2 or len(parts) > 6 or any(len(p.split()) > 6 for p in parts):
        return None  # (a part of more words is a clause of its own, not a name in a list)
    chosen: list[Result] = []
    for part in parts:
        scores = [(_cover(_term_names(r.intervention), part, generic), r) for r in pool]
        best = max((score for score, _ in scores), default=0.0)
        if best <= 0:
            return None
        top = [r for score, r in scores if score >= best - 1e-9]
        if len({r.intervention for r in top}) > 1:
            return None  # a part that names two interventions alike
        chosen.extend(r for r in top if r not in chosen)
    if len({r.intervention for r in chosen}) < 2:
        return None
    if any(sum(_cover(_term_names(r.intervention), part, generic) > 0 for part in parts) > 1 for r in results):
        return None  # "exercise and education": a result of the two together may be what is meant
    return [Candidate(r) for r in chosen]


def _lead_hedge(lead_in: str, vocabulary: Vocabulary) -> Hit | None:
    """The certainty word a lead-in ends on, which hedges the list items after it ("X may:", "X probably:",
    "X may make little or no difference to:"): its last certainty word, in its last clause."""
    hits = find_certainty(vocabulary, lead_in, [])
    if not hits:
        return None
    last = hits[-1]
    return last if not re.search(r"[.;]", lead_in[last.end:]) else None


def _elided(text: str, hits: list[Hit]) -> bool:
    """A list item whose subject is its lead-in's: it starts with a dash or bullet (or a small letter)
    and then at once with its certainty or effect word ("– probably reduce ...", "- had a large ...")."""
    start = re.match(r"^[\s\-–—•*·]*", text)
    marker = start.end() if start else 0
    if not (marker > 0 and text[:marker].strip()) and not text[marker:marker + 1].islower():
        return False
    first = min((h.start for h in hits), default=None)
    return first is not None and _words_between(text, marker, first) <= 1


CERTAINTY_ORDER = ("very low", "low", "moderate", "high")


def _floors(claims: list[OutcomeClaim]) -> None:
    """Outcomes listed under one effect and one certainty word ("probably make little or no
    difference to heart disease or stroke") are worded at the lowest certainty among them."""
    order = CERTAINTY_ORDER
    groups: dict[int, list[OutcomeClaim]] = {}
    for claim in claims:
        if claim.effect is not None and claim.certainty_hit is not None:
            groups.setdefault(claim.effect.start, []).append(claim)
    for group in groups.values():
        if len({id(c.outcome) for c in group}) < 2:
            continue
        floor = min((r.certainty for c in group for r in c.results), key=order.index)
        for claim in group:
            claim.floor = floor


# The condition in a review's title ("NSAIDs for acute low back pain", "... for chronic plaque psoriasis in adults"):
# what follows its last "for", up to the population it is in; not a purpose ("for preventing falls": an outcome)
_TITLE_FOR = re.compile(r"(?<![\w'’-])for\s+(?!(?:\w+ing|the\s+\w+ing|(?:the\s+)?(?:prevention|treatment|management|reduction|"
                        r"control|relief|prophylaxis|improvement|promotion|cessation)(?![\w'’-])))((?:[\w'’‐-]+\s+)+?[\w'’‐-]+?)"
                        r"(?=\s+(?:in|with|among|after|during|following|of|to|at|before|by)(?![\w'’-])|\s*[(:,]|\s*$)", re.I)
# a condition named as who has it or where the finding is ("in people with acute low back pain", "for low back pain")
_HAS_CONDITION = re.compile(r"(?<![\w'’-])(?:in|with|for|from|have|has|had|having)\s+(?:(?:an?|the)\s+)?"
                            r"(?:(?:people|patients|adults|children|women|men|participants|those|infants|babies)\s+"
                            r"(?:with|who\s+have|who\s+had)\s+)?$", re.I)
# examples of what the words before name ("side effects of the digestive system, such as abdominal pain, nausea"): kinds
# of that, no claim of their own
_EXAMPLES = re.compile(r"(?<![\w'’-])(?:such\s+as|e\.\s?g\.,?|for\s+example,?|for\s+instance,?)\s", re.I)


def condition_of(title: str) -> str | None:
    """The condition a review's title names, when it is a phrase of two words or more (an outcome's name can be
    inside it: "pain" in "acute low back pain"): None when the title names none."""
    found = list(_TITLE_FOR.finditer(title.replace("‐", "-")))
    if not found:
        return None
    phrase = found[-1].group(1).strip()
    return phrase if len(phrase.split()) >= 2 else None


def _named_outcomes(text: str, outcomes: list[OutcomeSpan], condition: str | None) -> list[OutcomeSpan]:
    """The outcomes a sentence names, less those named only as part of the condition its people have ("reducing
    disability in acute low back pain": "pain" is there the condition's, not a claim about pain) or as examples of
    what an outcome named before them is ("side effects ..., such as abdominal pain")."""
    if not outcomes:
        return outcomes
    spans: list[tuple[int, int]] = []
    if condition:
        pattern = r"(?<![\w'’-])" + r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", condition)) + r"(?![\w'’-])"
        spans = [m.span() for m in re.finditer(pattern, text, re.I) if _HAS_CONDITION.search(text, max(0, m.start() - 60), m.start())]
    if _EXAMPLES.search(text):
        parts = clauses(text)
        for match in _EXAMPLES.finditer(text):
            start, end = _clause_of(match.start(), parts)
            if _bracketed(text, match.start()):
                close = text.find(")", match.end())
                end = close if close >= 0 else end
            elif not any(start <= o.start and o.end <= match.start() for o in outcomes):
                continue  # examples of no outcome named before them
            spans.append((match.start(), end))
    return [o for o in outcomes if not any(a < o.start and o.end <= b for a, b in spans)]


def _specific(text: str, outcomes: list[OutcomeSpan]) -> list[OutcomeSpan]:
    """An outcome followed by another in brackets ("lung function (measured using the lung
    clearance index)") is the one in brackets: it says which measure the sentence is about (not a bracket that
    defines it, "(that is, ...)", whose outcomes _undefined sets aside)."""
    dropped = set()
    for index, outcome in enumerate(outcomes[:-1]):
        following = outcomes[index + 1]
        between = text[outcome.end:following.start]
        if re.fullmatch(r"\s*\([^()]*", between) and set(outcome.results) != set(following.results) \
                and not _DEFINING.match(text, outcome.end + between.index("(")):
            dropped.add(index)
    return [o for i, o in enumerate(outcomes) if i not in dropped]


def _absorbed(text: str, effects: list[Hit]) -> list[Hit]:
    """Effect words governed by a 'no effect' phrase just before them are part of it: "little to no
    difference for preventing ulcers", "equally likely to prevent"."""
    kept: list[Hit] = []
    reach = -1  # where the last 'no effect' phrase, or a word it governs, ends: "no clear evidence of a difference in improvement"
    for hit in effects:
        governing = next((h for h in reversed(kept) if h.meaning == "none"), None)
        if governing is not None and reach < governing.end:
            reach = governing.end
        if (governing is not None and hit.meaning != "none" and _words_between(text, reach, hit.start) <= 3
                and not re.search(r"[,;:]", text[governing.end:hit.start])):
            reach = hit.end
            continue
        kept.append(hit)
    return kept


_LESS = re.compile(r"(?<![\w'’-])(?:(less|smaller|fewer|lower)|more|greater|larger|bigger)\s+$", re.I)


# "less likely to have a decrease in blood loss" is more blood loss; "more likely to have an improvement", an improvement
_LESS_LIKELY = re.compile(r"(?<![\w'’-])(?:(less)|more)\s+likely\s+to\s+(?:have|get|experience|achieve|show|see|report|need)\s+"
                          r"(?:an?\s+|any\s+)?(?:[\w-]+\s+)?$", re.I)


# the effect words that are nouns only in this use ("fewer falls" counts falls, an outcome)
_EFFECT_NOUN = re.compile(r"improvements?|worsening|benefits?|harms?|reductions?|increases?|decreases?", re.I)


def _compounded(text: str, effects: list[Hit]) -> list[Hit]:
    """An effect noun after a comparative is one effect: "less improvement", "fewer benefits" and
    "less harm" go the other way round; "more improvement", "greater benefit" the same way."""
    out: list[Hit] = []
    for hit in effects:
        match = (_LESS.search(text, 0, hit.start) or _LESS_LIKELY.search(text, 0, hit.start)) \
            if hit.meaning in FLIP and _EFFECT_NOUN.fullmatch(hit.text) else None
        if match is None:
            out.append(hit)
            continue
        meaning = FLIP[hit.meaning] if match.group(1) else hit.meaning
        out = [h for h in out if not match.start() <= h.start < hit.start]  # the comparative itself, if found
        out.append(Hit(meaning, match.start(), hit.end, text[match.start():hit.end]))
    return out


_AS_MUCH = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+as\s+(?:much|often|quickly|effectively|successfully)\s+as(?![\w'’-])",
                      re.I)


def _as_much(text: str, effects: list[Hit], vocabulary: Vocabulary) -> list[Hit]:
    """An effect the same as the comparator's ("improved as much as people who had an injection") claims
    no difference; denied ("did not improve as much as"), it claims the other way round. ("as well as"
    and "as far as" are left out: "reduce infections as well as lower the cost" adds a claim, "as far as
    we know" hedges.)"""
    out = []
    for hit in effects:
        match = _AS_MUCH.match(text, hit.end) if hit.meaning in FLIP else None
        if match is None or re.search(r"[,;:]", text[hit.end:match.end()]):
            out.append(hit)
            continue
        before = text[:hit.start]
        words = list(re.finditer(WORD_CHARS + r"+|n't", before))[-3:]
        start = words[0].start() if words else hit.start
        negation = None if re.search(r"[,;:]", before[start:]) else vocabulary.negation.search(before, start)
        said = f"{hit.text} ... {match.group(0).split()[-3]} {match.group(0).split()[-2]} as"
        if negation is not None:
            out.append(Hit(FLIP[hit.meaning], negation.start(), hit.end, f"{negation.group(0)} ... {said}"))
        else:
            out.append(Hit("none", hit.start, hit.end, said))
    return out


def _elaborated(text: str, outcome: OutcomeSpan, effects: list[Hit], clause: tuple[int, int],
                outcomes: list[OutcomeSpan]) -> Hit | None:
    """The effect of a part before a dash or colon that names no outcome of its own, elaborated by the
    outcome after it ("People who had X improved as much as people who had Y—improvement in pain was 26
    points less"): a claim about that outcome too."""
    for dash in re.finditer(r"\s*[—–]\s*|:\s+", text[:outcome.start]):
        if dash.start() < clause[0] or any(clause[0] <= o.start < dash.start() for o in outcomes):
            continue
        if any(dash.end() <= o.start < outcome.start for o in outcomes):
            return None  # another outcome is elaborated first
        before = [h for h in effects if clause[0] <= h.start < dash.start()]
        if before:
            return next((h for h in before if h.meaning == "none"), before[-1])
    return None


def _effect_for(outcome: OutcomeSpan, effects: list[Hit], clause: tuple[int, int], text: str) -> Hit | None:
    """The effect word of an outcome: the nearest before it in its clause, else the first after."""
    inside = [h for h in effects if clause[0] <= h.start < clause[1]]
    before = [h for h in inside if h.end <= outcome.start]
    if before:
        # "X increased infections, and the number of deaths was not clearly different": past a comma, the outcome
        # opens a clause of its own, and the effect word right after it is its own
        own = next((h for h in inside if h.start >= outcome.end and _words_between(text, outcome.end, h.start) <= 4
                    and not re.search(r"[,;:()]", text[outcome.end:h.start]) and not _modifies(text, h)), None)
        if own is not None and re.search(r",\s+(?:and\s+|but\s+|while\s+|whereas\s+)?(?:the|a|an)\s+(?:[\w'’-]+\s+){0,4}$",
                                         text[before[-1].end:outcome.start], re.I):
            return own
        return before[-1]
    # an effect word after the outcome is its effect only near it ("deaths were fewer"), not in a clause
    # further on ("to assess the function of the plates, there was evidence to suggest better x-rays")
    # (and only as what is said of it: a participle before a noun of its own modifies that noun,
    # "deaths ... or with raised thyroid antibodies")
    after = [h for h in inside if h.start >= outcome.end and _words_between(text, outcome.end, h.start) <= 15
             and not _modifies(text, h)]
    return after[0] if after else None


# The words after an effect word that leave it said of what came before ("deaths were reduced by a third",
# "pain was lower in", "infections increased significantly"); any other word is a noun or adjective it modifies
_PREDICATE_NEXT = frozenset({"by", "in", "for", "among", "amongst", "with", "than", "compared", "versus", "vs", "at",
    "after", "during", "from", "to", "when", "while", "whereas", "and", "or", "but", "if", "overall", "only", "both",
    "either", "between", "over", "under", "within", "until", "as", "on", "of", "the", "a", "an", "per", "across",
    "too", "also", "again", "each", "every", "all", "following", "before", "because", "since", "so", "though",
    "although", "there", "is", "are", "was", "were", "be", "been", "this", "these", "that", "those", "it", "they",
    "their", "its",
    # the rest of English's prepositions, and words used as them ("reduced using", "increased due to")
    "about", "above", "against", "along", "amid", "around", "behind", "below", "beneath", "beside", "besides",
    "beyond", "despite", "down", "due", "except", "inside", "into", "like", "near", "off", "onto", "out", "outside",
    "past", "regardless", "round", "through", "throughout", "till", "toward", "towards", "underneath", "unlike",
    "up", "upon", "via", "without", "using", "depending", "including", "according", "given", "relative",
    # degree words that go on to the participle, not to a noun ("reduced more", "improved most", "increased even")
    "more", "most", "less", "least", "further", "even", "much", "somewhat", "rather", "quite", "very", "far",
    "still", "almost", "nearly", "approximately", "roughly", "substantially", "considerably", "markedly",
    "significantly", "slightly", "modestly", "greatly", "twice", "fewer", "not", "no"})


def _modifies(text: str, hit: Hit) -> bool:
    """Whether an effect word, a past participle, stands before a word it modifies ("raised thyroid antibodies",
    "reduced costs"), not after what it is said of: the next word is no function word, adverb or number
    (a comparative goes on to an adjective of its own: "less common in", "more likely to")."""
    if not hit.text.lower().endswith("ed"):
        return False
    match = re.match(r"\s+([A-Za-z][\w'’-]*)", text[hit.end:])
    if match is None:
        return False
    word = match.group(1).lower()
    return word not in _PREDICATE_NEXT and not word.endswith(("ly", "fold"))


def _comparator(text: str, vocabulary: Vocabulary) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(where the one who acts is named, where the comparator is), when the sentence has a comparator."""
    if vocabulary.comparators is None:
        return None
    match = vocabulary.comparators.search(text)
    if match is None:
        return None
    comma = text.find(",", match.end())
    if not text[: match.start()].strip(" –-\"'(").strip() or re.fullmatch(r"\W*(?:when|if)\s*", text[: match.start()], re.I) \
            or (comma > 0 and _OPENS_REPORTED.search(text, 0, match.start())):
        end = comma if comma > 0 else len(text)
        return (end, len(text)), (match.end(), end)  # "Compared with placebo, X ...", "We found that compared with placebo, X ..."
    # the comparator ends where its clause does ("... than sham ultrasound, but may provide ...",
    # "... compared to older antipsychotics, when they are added on to ...")
    stop = _COMPARATOR_END.search(text, match.end())
    return (0, match.start()), (match.end(), stop.start() if stop else len(text))


# a reported finding that opens with its comparator ("We found that compared to no treatment, X may ...")
_OPENS_REPORTED = re.compile(r"(?<![\w'’-])(?:that|whether)\s*,?\s*$", re.I)
_COMPARATOR_END = re.compile(CLAUSE_BREAK.pattern + r"|,\s+(?:when|if|which|because|since|so|and\s+(?:they|it|this|these|we))\b"
                             # or where the verb of the one who acts follows it ("people receiving X compared to Y had a
                             # higher risk"), not a relative clause's ("compared with people who were given a placebo")
                             r"|(?<!who)(?<!that)(?<!which)\s+(?=(?:had|has|have|showed|experienced|reported|"
                             r"may|might|probably|could|were\s+more|were\s+less|was\s+more|was\s+less)\b)", re.I)


def _pair(result: Result) -> tuple[object, object]:
    return (result.intervention, result.comparison)


def _words_of_names(names: list[str], generic: frozenset[str]) -> frozenset[str]:
    """The words that tell names apart, each also as singular and plural ("antibiotic" is "antibiotics")."""
    words = {w for name in names for w in _significant(name, generic)}
    return frozenset(words | {w[:-1] for w in words if w.endswith("s") and len(w) > 3} | {w + "s" for w in words})


# "interventions for postburn pruritus": what the review's own name says is given is before "for" (the condition after)
_FOR_WHAT = re.compile(r"\s+for\s+", re.I)


def _select(outcome: OutcomeSpan, text: str, comparator: tuple[tuple[int, int], tuple[int, int]] | None,
            context: Context, named: bool, generic: frozenset[str],
            everything: list[Result] | None = None,
            coordinators: re.Pattern[str] | None = None) -> tuple[list[Candidate], bool, str | None]:
    """The results the names of the sentence leave for an outcome, whether that is a guess, and the
    comparator the sentence names that none of them has (then it may mean another comparison); no
    result when the sentence names an intervention or comparator that none of them has."""
    results = list(outcome.results)
    # results of one comparison with one outcome (two populations, two times the names do not tell
    # apart): a sentence that names one by its plain name may mean either
    results += [r for r in everything or [] if r not in results and any(
        _pair(r) == _pair(o) and r.outcome.technical == o.outcome.technical for o in outcome.results)]
    if len(results) == 1 and results[0].comparison is None:
        return [Candidate(results[0])], False, None
    actor_text = text[comparator[0][0]:comparator[0][1]] if comparator else text
    comparator_text = text[comparator[1][0]:comparator[1][1]] if comparator else ""
    named_actor = any(_cover(_term_names(r.intervention), actor_text, generic) > 0
                      or _cover(_term_names(r.comparison), actor_text, generic) > 0 for r in [*(everything or []), *results])
    # who acts is named, and is the intervention of another comparison ("Compared with no hair removal, clippers:")
    # (by a word of its own: "ATT regimens" is every regimen's, "gatifloxacin" one's)
    mine = _words_of_names([n for r in results for n in _term_names(r.intervention)], generic)
    other_actor = any(_cover(_term_names(r.intervention), actor_text, generic | mine) > 0 for r in everything or []
                      if r.intervention not in {c.intervention for c in results})
    # the comparator alone as the one who acts ("People given a placebo had more headaches", "No hair removal
    # may lead to more deaths"): read from its side, as after "than" (worked out when first asked: whether the
    # text names any intervention, and the words of every intervention's name and of the review's own name,
    # by which no comparator is named)
    known: dict[str, set[str] | None] = {}

    def alone(comparisons: list[str]) -> bool:
        if "words" not in known:
            interventions = list(dict.fromkeys(n for r in [*(everything or []), *results] for n in _term_names(r.intervention)))
            said = {w.strip("'’") for w in re.findall(r"[\w'’-]+", actor_text.lower())}
            said |= {w.rstrip("s") for w in said}
            # (a word every name shares with a comparator's tells no one apart: "GnRH" of "GnRH antagonists" and "GnRH agonist")
            shared = _words_of_names(list(dict.fromkeys(n for r in [*(everything or []), *results] for n in _term_names(r.comparison))),
                                     generic)
            anyone = not (_words_of_names(interventions, generic) - shared).isdisjoint(said) or any(
                re.search(phrase(n), actor_text, re.I) for n in interventions)
            known["words"] = None if anyone else _telling_parts(interventions + list(context.names), generic)
        words = known["words"]
        if "outcomes" not in known:
            known["outcomes"] = {w for r in [*(everything or []), *results] for w in _telling_parts(list(r.names()), generic)}
        return words is not None and _comparator_alone(comparisons, actor_text, words, generic, known["outcomes"] or set())
    scored: list[tuple[float, Candidate]] = []
    added = False  # the sentence names an intervention's parts with one more part
    compared: list[Candidate] = []  # the candidates whose comparator the sentence's comparator names
    barred: set[str] = set()  # results whose intervention the sentence names otherwise (as the comparator, or with more)
    for result in results:
        interventions, comparisons = _term_names(result.intervention), _term_names(result.comparison)
        own, theirs = _words_of_names(interventions, generic), _words_of_names(comparisons, generic)
        # a word the intervention's name shares with its comparator's ("surgical" in "microscopic surgical
        # treatment" against "other surgical treatments") does not tell who acts
        # (it counts once a word of the intervention's own is there: "infliximab plus purine analogues")
        acts = _cover(interventions, actor_text, generic)
        if own - theirs and _cover(interventions, actor_text, generic | (own & theirs)) <= 0:
            acts = 0.0
        if acts > 0 and comparator_text and _named_against(own, actor_text, comparator_text):
            acts = 0.0  # "Compared with chemotherapy, PARPi": not the result of PARPi with chemotherapy
            barred.add(result.id)
        if acts > 0 and _added_component(interventions, actor_text, coordinators):
            acts, added = 0.0, True  # "manual therapy, exercise and electrotherapy": not "manual therapy and exercise"
            barred.add(result.id)
        # a result is chosen by its intervention; its comparator only tells results of one intervention apart.
        # With no comparator named apart, a word the comparator's name shares with the intervention's
        # ("foam surfaces", "active air surfaces") stands for the intervention, not the comparator.
        if comparator_text:
            versus = _cover(comparisons, comparator_text, generic) if comparisons else 0
        else:
            versus = _cover(comparisons, text, generic | own) if comparisons else 0
        # a word standing for who acts ("they may increase ... compared with air surfaces"): the comparator tells
        normal = acts + (versus if acts > 0 or not named_actor else 0)
        inverted = 0.0
        if comparator and comparisons:
            acting, against = _cover(comparisons, actor_text, generic | own), _cover(interventions, comparator_text, generic | theirs)
            if acting > 0 and against > 0:
                inverted = acting + against
        elif not comparator_text and comparisons and acts <= 0 and alone(comparisons):
            inverted = _cover(comparisons, actor_text, generic | own)
        candidate = Candidate(result, inverted > normal)
        if comparator_text and (versus > 0 or inverted > 0 or _mentions(comparisons, comparator_text, generic)):
            compared.append(candidate)
        scored.append((max(normal, inverted), candidate))
    best = max(score for score, _ in scored)
    if best <= 0 and named and not added and not other_actor and context.names \
            and (not comparator_text or any(_mentions(_term_names(r.comparison), comparator_text, generic) for r in results)) \
            and _cover([_FOR_WHAT.split(n)[0] for n in context.names if n.strip()], actor_text, generic) > 0 \
            and not any(_cover(_term_names(r.intervention), actor_text, generic | _words_of_names(list(context.names), generic)) > 0
                        for r in results):
        # the review's own name for what it studies ("Shortened ATT regimens"), of which each result has a kind:
        # the sentence may mean any of them
        return [c for _, c in scored], len({_pair(c.result) for _, c in scored}) > 1, None
    if best <= 0 and named and (len({_pair(c.result) for _, c in scored}) > 1 or other_actor or added):
        # the sentence names who acts, and none of these results has it: another comparison, one
        # with no result for this outcome ("Compared with no hair removal, clippers: – reduce deaths")
        return [], False, None  # another comparison than the results of this outcome
    top = [c for score, c in scored if score >= best - 1e-9]
    unnamed = None
    if comparator_text and not any(c in compared for c in top) and _names_comparator(comparator_text):
        # "... than babies in the preprandial group": the sentence compares with what the results its
        # names point to are not compared with; another comparison is meant, or may be
        chosen = {c.result.id for c in top}
        if any(_mentions(_term_names(r.comparison), comparator_text, generic) for r in results if r.id not in chosen):
            return [], False, None  # a result of this outcome is compared with it, and its intervention is not named
        unnamed = " ".join(comparator_text.split()[:8]).strip(" ,.;:")
    if best <= 0 and context.previous:
        same = [c for _, c in scored if any(_pair(c.result) == _pair(p) for p in context.previous)]
        if same:
            return same, len({_pair(c.result) for c in same}) > 1, unnamed
        if context.just_before and not named and not comparator_text \
                and not any(alone(_term_names(c.result.comparison)) for _, c in scored):
            # no one named, and none of these results is of the comparison the sentence before was about: it goes
            # on about that comparison ("For every 1000 people, ...; - probably makes little difference to deaths"),
            # whose result for this outcome is not among them
            return [], False, None
    kept = [c for score, c in scored if score >= best - 1e-9]
    if named and best > 0:
        kept = _alike(kept, [c for _, c in scored if c.result.id not in barred], actor_text, comparator_text or text,
                      results, generic)
    if len({_pair(c.result) for c in kept}) > 1 and context.previous and not named:
        same = [c for c in kept if any(_pair(c.result) == _pair(p) for p in context.previous)]
        kept = same or kept
    return kept, len({_pair(c.result) for c in kept}) > 1, unnamed


def _alike(kept: list[Candidate], candidates: list[Candidate], actor_text: str, comparator_text: str, results: list[Result],
           generic: frozenset[str]) -> list[Candidate]:
    """The kept candidates and every other (not read from its comparator's side) whose names hold each word by
    which the text names a kept one (its intervention where who acts is said, its comparator after "than" or
    "compared with", or anywhere when the sentence has no such phrase, as the candidates are scored), when the
    kept one's name has words of its own the text does not say: "several sessions of behavioural programmes"
    names the several-sessions result and the one of "several sessions of behavioural programmes in schools"
    alike (scored higher for more words found, it is not told by them), while "weekly classes" names "weekly
    classes", not "weekly classes at home"."""
    outcome_words = {w for r in results for n in r.names() for w in _telling_parts([n], generic)}
    acting, against = _parts(actor_text) - outcome_words, _parts(comparator_text) - outcome_words

    def words(candidate: Candidate) -> tuple[set[str], set[str]]:
        result = candidate.result
        return (_telling_parts(_term_names(result.intervention), generic) - outcome_words,
                _telling_parts(_term_names(result.comparison), generic) - outcome_words)

    def hits(own: set[str], theirs: set[str]) -> set[tuple[str, str]]:
        return {("i", w) for w in acting if _stem_match(w, own)} | {("c", w) for w in against if _stem_match(w, theirs)}
    more = []
    for chosen in kept:
        if chosen.inverted:
            continue
        own, theirs = words(chosen)
        named = hits(own, theirs)
        if not named:
            continue
        for other in candidates:
            if other in kept or other in more or other.inverted:
                continue
            other_own, other_theirs = words(other)
            unsaid = [w for w in own - other_own if not _stem_match(w, acting)] + \
                     [w for w in theirs - other_theirs if not _stem_match(w, against)]
            if unsaid and named <= hits(other_own, other_theirs):
                more.append(other)
    return kept + more


def _comparator_alone(comparisons: list[str], text: str, acting: set[str], generic: frozenset[str],
                      outcome_words: set[str] | frozenset[str] = frozenset()) -> bool:
    """Whether `text` names a comparator by its whole name or by all the words of it that no intervention's
    name (nor the review's own name for what it studies: `acting`, their words) has: "no hair removal" is
    named by "No hair removal may lead to ...", not by "Preoperative hair removal ..."; "sham exercise" by
    "a sham treatment with exercise", not by "additional therapies used with exercise"; a word of it before
    "group" or "arm" names its group ("the low-potency drug group" for low-potency antipsychotics)."""
    if any(re.search(phrase(name), text, re.I) for name in comparisons):
        return True
    said = _parts(text)
    if any(bool(telling) and telling <= said for name in comparisons for telling in [_telling_parts([name], generic) - acting]):
        return True
    # or by the last two words of its name, when no intervention has the last ("higher after GnRH agonist" for "the long
    # course of GnRH agonist" against GnRH antagonists; not "day-to-day activities" for "unstructured activities")
    for name in comparisons:
        kept = [w for w in re.findall(r"[\w'’-]+", name.lower()) if w not in generic]
        last = kept[-1].rstrip("s") if len(kept) >= 2 else None
        if last is not None and last not in acting and last not in outcome_words and re.search(phrase(" ".join(kept[-2:])), text, re.I):
            return True
    # or a word of it naming a group ("participants from the low-potency drug group", "the placebo arm")
    words = (_telling_parts(comparisons, generic) - acting) & said
    return any(re.search(rf"\b{re.escape(word)}\w*(?:\s+[\w'’-]+)?\s+(?:groups?|arms?)\b", text, re.I) for word in words)


def _added_component(names: list[str], text: str, coordinators: re.Pattern[str] | None) -> bool:
    """Whether `text` lists the parts of a combined intervention's name with one more part: "manual
    therapy, exercise and electrotherapy" for "manual therapy and exercise" (the parts joined by a comma
    where the name joins them, and the list going on), another intervention than the combination."""
    if coordinators is None:
        return False
    for name in names:
        parts = [p.strip() for p in re.split(r"\s*,\s*|\s+(?:" + coordinators.pattern + r")\s+", name, flags=re.I) if p.strip()]
        if len(parts) < 2:
            continue
        listed = r"\s*,\s*".join(_name_pattern(p) for p in parts)
        if re.search(listed + r"(?:\s*,\s*[\w(]|\s+(?:" + coordinators.pattern + r")\s+\w)", text, re.I):
            return True
    return False


def _named_against(words: frozenset[str], actor_text: str, comparator_text: str) -> bool:
    """Whether a word of an intervention's name is named as the comparator and not as the one who acts."""
    actor, against = _parts(actor_text), _parts(comparator_text)
    # (a hyphenated name, "5-ASA", is said by its parts, as _parts reads a text)
    split = [[p.rstrip("s") for p in re.split(r"-", w) if p] for w in words]
    return any(parts and all(p in against for p in parts) and not all(p in actor for p in parts) for parts in split)


def _parts(text: str) -> set[str]:
    """The words of a text and the parts of its hyphenated words ("air-filled": air, filled), singular."""
    return _same_words({w.strip("'’").rstrip("s") for w in re.findall(r"[\w'’]+", text.lower())}, text)


def _mentions(names: list[str], text: str, generic: frozenset[str]) -> bool:
    """Whether a text names any of `names` by a word or a part of a hyphenated word that tells it apart
    ("instead of calcium" names "calcium-based binders")."""
    return not _telling_parts(names, generic).isdisjoint(_parts(text))


def _telling_parts(names: list[str], generic: frozenset[str]) -> set[str]:
    """The words of `names`, and the parts of their hyphenated words, that tell them apart, singular."""
    return {part.rstrip("s") for name in names for word in _significant(name, generic)
            for part in word.split("-") if len(part) > 2 and part not in generic}


# The comparison group named by what it did not get ("the group that did not exercise", "people who
# did not take aspirin", "the control group"): whatever the comparison's own name, not another one.
# (or "control", "relevant controls" alone: each result's own comparator; "control moisturiser" names one)
_CONTROL_GROUP = re.compile(r"\W*(?:the\s+|a\s+)?(?:(?:control|comparison)\s+(?:groups?|arms?|participants|people)\b|"
                            r"(?:(?:relevant|appropriate|respective|suitable|their|its)\s+)?(?:controls?|comparators?)"
                            r"(?=\s*(?:$|[,;:.)]|\s+(?:and|but|while|whereas|in|for|at|on)\b))|"
                            r"(?:groups?|people|those|participants|patients|women|men|children)\s+(?:who|that)\s+"
                            r"(?:did\s+not|didn['’]t|do\s+not|don['’]t|had\s+no|received\s+no|got\s+no)\b)", re.I)


def _names_comparator(text: str) -> bool:
    """Whether the text after "than" / "compared with" names something ("than 1000 people" does not,
    nor "the group that did not exercise", which is the comparison's own group)."""
    if _CONTROL_GROUP.match(text):
        return False
    return re.match(r"\W*(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifty|"
                    r"a\s+hundred|hundred|a\s+thousand|half|a\s+third|a\s+quarter|a\s+few|expected|before|usual\s+for)\b)",
                    text, re.I) is None


def _claim(text: str, outcome: OutcomeSpan, effect: Hit | None, own: list[Hit], certainty: list[Hit], effects: list[Hit],
           parts: list[tuple[int, int]], undecided: list[re.Match[str]], comparator: tuple[tuple[int, int], tuple[int, int]] | None,
           actors: list[tuple[int, int]], context: Context, vocabulary: Vocabulary,
           clause: tuple[int, int], nones: list[tuple[int, int]], select_text: str, lead_named: bool,
           everything: list[Result], from_lead: bool = False, pieces: list[Piece] | None = None,
           outcomes: list[OutcomeSpan] | None = None) -> OutcomeClaim | None:
    acting = [a for a in actors if comparator is None or from_lead or comparator[0][0] <= a[0] < comparator[0][1]]
    named = lead_named or any(s < clause[1] for s, _ in acting)
    candidates, guess, unnamed = _select(outcome, select_text, comparator, context, named, vocabulary.generic_words,
                                         everything, vocabulary.coordinators)
    each = _both_parts(select_text, effect.start if effect is not None else outcome.start)
    if each is not None:
        # "Both A and B probably ...": the results of A and those of B, each meant
        picked = [_select(outcome, part, comparator, context, named, vocabulary.generic_words, everything, vocabulary.coordinators)
                  for part in each]
        if all(found for found, _, _ in picked):
            union = list({c.result.id: c for found, _, _ in picked for c in found}.values())
            if len(union) > len(candidates):
                candidates, guess, unnamed = union, False, picked[0][2] or picked[1][2]
    if not candidates:
        return None
    if outcome.opposite:
        candidates = [replace(c, opposite=True) for c in candidates]
    at = effect.start if effect is not None else outcome.start
    negated = _negation(text, effect, vocabulary, [(outcome.start, outcome.end), *actors, *nones], clause) if effect else None
    found = effect is not None and _found_none(text, effect, negated)
    # certainty words in clauses that claim no effect speak for the whole sentence ("..., but we are very uncertain"),
    # unless a coordinated clause names an outcome of its own ("..., and we are very uncertain about B": B's level)
    spans = [(p.start, p.end, p.coordinated) for p in pieces] if pieces else [(a, b, False) for a, b in parts]
    # (nor a level said in a clause of its own that names another outcome and not this one: "may make little
    # difference to A (low-certainty evidence), but there was only very low-certainty evidence on B" rates B)
    loose = [h for h in certainty if not any(p[0] <= h.start < p[1] and (
        any(p[0] <= e.start < p[1] for e in effects) or (p[2] and any(
            p[0] <= o.start < p[1] and o.start != outcome.start for o in outcomes or []))) for p in spans)
        and not _rates_another(h, parts, outcome, outcomes or []) and not _of_a_comparison(text, h, parts, clause)]
    before = [h for h in own if h.start <= at]
    # a word after the effect that opens the next verb phrase ("were less likely to X, and may be less likely
    # to Y") is that phrase's, not this claim's
    # (a rating of the evidence is a label of the claim before it: "reduces A (low-certainty evidence) and increases B")
    own = before + [h for h in own if h.start > at and (_RATING.search(h.text) or not any(
        e is not effect and e.start >= h.end and _words_between(text, h.end, e.start) <= 3 for e in effects))]
    undecided_between = next((m for m in undecided if before and before[-1].end <= m.start() < at), None)
    if undecided_between is not None:
        # "X may make little difference to A, and we do not have enough evidence to know whether it causes B":
        # the word before says the first claim's level; this one is undecided and says none
        before, own = [], [h for h in own if h.start >= undecided_between.start()]
    level: str | None = None
    hit: Hit | None = None
    source = "none"
    # "may reduce ..., but we are very uncertain" is GRADE's very-low wording; "probably reduces ..., but
    # we are very uncertain" says two levels, and its own word is held against the result
    sure = [h for h in before or own if "low" not in levels_of(h.meaning) and "very low" not in levels_of(h.meaning)]
    rated = any(_RATING.search(h.text) and h.start > outcome.end for h in own)  # its own rating: "(low-certainty evidence)"
    if any(h.meaning == "very low" for h in loose) and not sure and not rated:
        hit = next(h for h in loose if h.meaning == "very low")
        level, source = "very low", "sentence"
    elif before or own:
        hit = before[-1] if before else own[0]
        # a rating after the outcome ("... (high-certainty evidence)") says its level outright
        # (the nearest claim's: not past another effect, "probably reduce X, and may reduce Y (low-certainty evidence)")
        # A rating that reports what follows it ("..., and low-quality evidence showed improvement in Y")
        # is the subject of the next claim, not a label of this one.
        labels = [h for h in own if h.start >= outcome.end and re.search(r"evidence|certainty|quality", h.text, re.I)
                  and not any(outcome.end <= e.start < h.start and e is not effect for e in effects)
                  and not _REPORTS.match(text, h.end)]
        if labels:
            hit = labels[0]
        level, source = hit.meaning, "word"
    elif loose:
        hit = loose[0]
        level, source = hit.meaning, "sentence"
    else:
        stated = set()
        for candidate in candidates:
            stated |= context.summary.get(candidate.result.id, set())
        stated = stated or context.summary.get(None, set())
        if stated:
            source = "summary"
            level = next((c.result.certainty for c in candidates if c.result.certainty in stated), " or ".join(sorted(stated)))
        elif effect is not None and not _ONE_STUDY.search(text, 0, at) and not _IN_ONE_STUDY.search(text, effect.end) \
                and not _IN_ONE_STUDY.match(text, _lead_end(text)) and not _OF_EVIDENCE.search(effect.text) \
                and not _NO_EVIDENCE_THAT.search(text, clause[0], effect.start) and not found:
            # (what one study showed, "One trial showed a higher likelihood of cure", claims no certainty)
            level, source = "high", "implied"
    undecided_hit = next((Hit("undecided", m.start(), m.end(), m.group(0)) for m in undecided
                          if m.start() <= at or clause[0] <= m.start() < clause[1]), None)
    if undecided_hit is not None and source in ("implied", "summary", "none"):
        level, hit, source = None, None, "none"  # "is unclear", "was mixed": no direction, and no level said
    actor = "named" if actors or lead_named else "stand-in"  # (a list item whose lead-in names who acts)
    claim = OutcomeClaim(outcome, candidates, effect, negated, level, hit, source, undecided_hit, actor, guess)
    claim.comparator = unnamed
    claim.of_evidence = found or (effect is not None and _OF_EVIDENCE.search(text, negated.start if negated else effect.start,
                                                                             effect.end) is not None)
    another = _named_by_another(select_text, candidates, everything, vocabulary.generic_words)
    if another is not None:
        claim.unsure = (f"the words that name '{candidates[0].result.id}' in the sentence are part of '{another}', the name of "
                        f"another comparison")

    claim.plain = source == "summary" and effect is not None and not _ONE_STUDY.search(text, 0, at) \
        and not _IN_ONE_STUDY.search(text, effect.end) and not _IN_ONE_STUDY.match(text, _lead_end(text)) \
        and not _OF_EVIDENCE.search(effect.text) and not found
    claim.either_way = effect is not None and any(
        e is not effect and e.meaning == FLIP.get(effect.meaning) and clause[0] <= e.start < clause[1]
        and re.fullmatch(r",?\s+(?:or|and/or)\s+", text[min(e.end, effect.end):max(e.start, effect.start)], re.I) is not None
        for e in effects)
    against = select_text[comparator[1][0]:comparator[1][1]] if comparator else ""
    if claim.unsure is None and comparator and _added_to_intervention(select_text[:comparator[1][0]], against, candidates,
                                                                       vocabulary.generic_words):
        claim.unsure = f"the sentence compares with '{against.strip()}', a combination, which no result it was read against compares with"
    claim.comparison_unsaid = _comparison_unsaid(outcome, candidates, f"{select_text} {context.lead_in or ''}", against,
                                                 vocabulary.generic_words)
    return claim


def _of_a_comparison(text: str, hit: Hit, parts: list[tuple[int, int]], clause: tuple[int, int]) -> bool:
    """Whether a certainty word is in another clause that names a comparison of its own ("..., but we are very
    uncertain about X compared with Y", "..., but the evidence comparing X with Y is very uncertain"): that
    comparison's level, not the claim's."""
    if clause[0] <= hit.start < clause[1]:
        return False
    start, end = _clause_of(hit.start, parts)
    match = _COMPARING.search(text, start, end)
    if match is None:
        return False
    # the claim's own comparison named again ("... compared with sham, but the evidence comparing acupuncture with
    # sham is very uncertain") is no other comparison: the doubt is the claim's, as GRADE's "but we are very uncertain"
    theirs = _significant(text[start:match.start()], _NOT_COMPARED) | _significant(text[match.end():end], _NOT_COMPARED)
    return not theirs <= _significant(text[clause[0]:clause[1]], _NOT_COMPARED)


# words that say nothing of what a clause compares: its function and certainty words
_NOT_COMPARED = frozenset({"the", "and", "but", "was", "are", "for", "not", "with", "about", "very", "uncertain",
                           "uncertainty", "evidence", "certainty", "quality", "confidence", "there", "this", "that",
                           "these", "those", "were", "have", "been", "only", "from", "into", "than", "when", "whether",
                           "results", "result", "effects", "effect"})


# a comparison named ("comparing X with Y", "X compared with Y", "X versus Y"; not "than", which also says how
# big: "smaller than planned")
_COMPARING = re.compile(r"(?<![\w'’-])(?:comparing|compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|versus|vs)(?![\w'’-])", re.I)


def _rates_another(hit: Hit, parts: list[tuple[int, int]], outcome: OutcomeSpan, outcomes: list[OutcomeSpan]) -> bool:
    """Whether a certainty word is in a clause that names another outcome and not this one (by its results)."""
    start, end = _clause_of(hit.start, parts)
    inside = [o for o in outcomes if start <= o.start < end]
    mine = set(outcome.results)
    return bool(inside) and not any(set(o.results) & mine for o in inside)


_COMBINED = re.compile(r"(?<![\w'’-])(?:plus|combined\s+with|in\s+combination\s+with|in\s+addition\s+to|together\s+with|"
                       r"added\s+to)(?![\w'’-])", re.I)


def _added_to_intervention(acting: str, against: str, candidates: list[Candidate], generic: frozenset[str]) -> bool:
    """Whether the comparator is the intervention with something added ("X may not differ from X plus Y"): another
    arm than Y alone, unless both arms have an addition ("X plus usual care compared with Y plus usual care") or
    the results' comparator is itself a combination."""
    if not _COMBINED.search(against) or _COMBINED.search(acting):
        return False
    said = _words_of_names([against], generic)
    return any(_words_of_names([c.result.intervention.plain, c.result.intervention.technical], generic) & said
               for c in candidates) and not any(
        _COMBINED.search(f"{c.result.comparison.plain} {c.result.comparison.technical}")
        for c in candidates if c.result.comparison is not None)


def _named_by_another(text: str, candidates: list[Candidate], everything: list[Result], generic: frozenset[str]) -> str | None:
    """The name of another comparison's term that the sentence names whole and that holds every word by which it
    names the candidates ("in favour of oral PUVA" read against PUVA plus retinoid by the word 'PUVA'): a word
    belongs to the longest name it is part of, so the sentence may mean a comparison whose result for this
    outcome is not encoded. None when a candidate is named by a word of its own (or not named at all: a word
    standing for it), or the review has one comparison."""
    if not candidates or len({_pair(r) for r in everything}) < 2:
        return None
    names = tuple(dict.fromkeys(n for r in everything for n in [*_term_names(r.intervention), *_term_names(r.comparison)]))
    spans = _whole_names(text, names)
    named: str | None = None
    for candidate in candidates:
        own = [*_term_names(candidate.result.intervention), *_term_names(candidate.result.comparison)]
        others = [(n, span) for n, found in spans for span in found if n not in own and not any(n.lower() in o.lower() for o in own)]
        if not others:
            return None
        words = {w.rstrip("s") for w in _significant(" ".join(own), generic)}
        mine = [m.start() for m in re.finditer(r"[\w'’-]+", text) if m.group(0).lower().rstrip("s") in words]
        if not mine or any(not any(a <= at < b for _, (a, b) in others) for at in mine):
            return None
        named = others[0][0]
    return named


def _stem_match(word: str, said: set[str]) -> bool:
    """Whether `word` (singular) is said, or a form of it of seven letters or more one or two letters longer or
    shorter ("educational" for "education", "organisation" for "organisational"; not "specifically" for "specific")."""
    if word in said:
        return True
    return len(word) >= 7 and any(len(w) >= 7 and abs(len(w) - len(word)) <= 2 and (w.startswith(word) or word.startswith(w))
                                  for w in said)


# where what follows a comparator goes on to another part of the sentence ("compared to X may help, and Y ...")
_NEXT_PART = re.compile(r",\s+(?:and|but|or|while|whereas)\s|;", re.I)
# comparatives and counts, which a sentence says of its effect ("help more people"), not of an arm ("more than one session")
_COMPARATIVES = frozenset({"more", "less", "fewer", "greater", "higher", "lower", "better", "worse", "one", "than", "same"})


@lru_cache(maxsize=256)
def _arm_words(results: tuple[Result, ...], generic: frozenset[str], neutral: frozenset[str]) -> tuple[tuple[Term, frozenset[str]], ...]:
    """Each arm (intervention or comparator) of the results with the words of its names that no other arm's
    names have, none of them `neutral` (words of outcomes, of the condition, of the review's own name)."""
    terms = list(dict.fromkeys(t for r in results for t in (r.intervention, r.comparison) if t is not None))
    # (its names as written: the initials a long name also goes by are no words of it)
    words = {t: _telling_parts([n for n in (t.plain, t.technical) if n], generic) - neutral for t in terms}
    out = []
    for term in terms:
        others: set[str] = set()
        for other in terms:
            if other != term:
                others |= words[other]
        own = frozenset(w for w in words[term] if not _stem_match(w, others))
        if own:
            out.append((term, own))
    return tuple(out)


# GRADE's grades of an outcome's severity: "serious adverse events" is another outcome than "adverse events"
_NARROWING = re.compile(r"(?<![\w'’-])(serious|severe|major|minor|mild|life-threatening|fatal|non-serious|non-severe|"
                       # or how it was measured: "perceived walking effort" against walking energy cost
                       r"perceived|self-reported|self-rated|patient-reported|subjective|objective|objectively)"
                       r"[\s-]+$", re.I)


# a finding of a subgroup analysis ("Subgroup analyses showed ...", "when broken down by how X was added, ..."): a part of the
# studies, which a pooled result does not speak for
_SUBGROUP = re.compile(r"\b(?:when|if)\s+(?:\w+\s+)?(?:broken\s+down|split|divided|grouped|separated|stratified)\s+(?:by|according\s+to)\b|"
                       r"\bsub-?group\s+analys[ie]s\b", re.I)


def _subgroup(text: str) -> str | None:
    match = _SUBGROUP.search(text)
    return None if match is None else (f"the sentence reports a subgroup analysis ('{match.group(0)}'), which the pooled "
                                       f"result it was read against does not speak for")


_AMOUNT = r"(?:\d+(?:\.\d+)?|" + "|".join(sorted([*UNITS, *TEENS, *TENS], key=len, reverse=True)) + r")(?:-(?:" + \
    "|".join(UNITS) + r"))?"
# a time point or a duration: "at 30 days", "up to 6 and 12 months", "one to three years", "12-week"
_DURATION = re.compile(r"(?<![\w'’.,-])(" + _AMOUNT + r"(?:\s*(?:,|and|or|to|-|–)\s*" + _AMOUNT + r")*)[\s-]*"
                       r"(hour|day|week|month|year)s?(?![\w'’])", re.I)
# an age, not a time: "aged 70 years", "younger than 70 years", "65 years and older", "two years old"
_AGE_BEFORE = re.compile(r"(?<![\w'’-])(?:aged?|ages|older\s+than|younger\s+than)\s+$", re.I)
# "over 65 years", "under 18 years": an age when it is an adult's or a child's age in years ("over three years" is a time)
_OVER_UNDER = re.compile(r"(?<![\w'’-])(?:over|under)\s+$", re.I)
_AGE_AFTER = re.compile(r"^\s*(?:old|of\s+age|and\s+(?:older|over|above)|or\s+(?:older|over|above|more))(?![\w'’])", re.I)
# a time that starts after the one named: "beyond six months", "followed more than six months", "longer than a year"
# ("after" and "over" are left out: "after six months of treatment" and "over six months" name that time)
_BEYOND = re.compile(r"(?<![\w'’-])(?:beyond|(?:more|longer|greater)\s+than|exceeding)\s+$", re.I)


def _amount(word: str) -> float:
    return float(word) if word[0].isdigit() else float(word_value(word) or 0)


def durations(text: str, start: int = 0, end: int | None = None) -> list[tuple[float, float]]:
    """The times `text` names between `start` and `end` ("at 30 days", "6 to 12 months"), each as the
    span of days it covers (one time: the same day twice; a time after one, "beyond six months", from that day
    to infinity); ages ("aged 70 years") are no times."""
    found = []
    for match in _DURATION.finditer(text, start, len(text) if end is None else end):
        if _AGE_BEFORE.search(text, max(0, match.start() - 14), match.start()) or _AGE_AFTER.match(text, match.end()):
            continue
        amounts = [_amount(m.group(0)) for m in re.finditer(_AMOUNT, match.group(1), re.I)]
        if match.group(2).lower() == "year" and _OVER_UNDER.search(text, max(0, match.start() - 7), match.start()) \
                and max(amounts) >= 16:
            continue
        days = DAYS[match.group(2).lower()]
        values = [amount * days for amount in amounts]
        beyond = len(values) == 1 and _BEYOND.search(text, max(0, match.start() - 16), match.start()) is not None
        found.append((values[0], math.inf) if beyond else (min(values), max(values)))
    return found


@lru_cache(maxsize=4096)
def _name_times(names: tuple[str, ...]) -> list[tuple[float, float]]:
    """The times a result's names say ("all-cause mortality up to 120 days"), read once a set of names."""
    return [time for name in names for time in durations(name)]


def _times_agree(said: list[tuple[float, float]], named: list[tuple[float, float]]) -> bool:
    """Whether a time the sentence says is one a result's name says ("12 months" and "one year" are one; "more
    than six months" and "beyond six months" are one, and neither is "at six months")."""
    return any(_time_agrees(time, other) for time in said for other in named)


def _time_agrees(time: tuple[float, float], other: tuple[float, float]) -> bool:
    (low, high), (other_low, other_high) = time, other
    if high == math.inf and other_high == math.inf:  # both after a time: the same time
        return abs(low - other_low) <= SAME_DURATION * max(low, other_low)
    if high == math.inf:  # after `low`: a time that reaches past it
        return other_high > low * (1 + SAME_DURATION)
    if other_high == math.inf:
        return high > other_low * (1 + SAME_DURATION)
    return low * (1 - SAME_DURATION) <= other_high and other_low <= high * (1 + SAME_DURATION)


def _by_time(candidates: list[Candidate], text: str, clause: tuple[int, int],
             outcome: OutcomeSpan) -> tuple[list[Candidate], str | None]:
    """The candidates whose outcome is of the time the clause says ("deaths up to 30 days" is not the result of
    deaths up to 120 days): those that name it, when some do; when every one names another time, the claim
    may be about a result of that time which none of them is (a warning, not an error against them)."""
    said = durations(text, *clause)
    if not said or not candidates:
        return candidates, None
    named = {c.result.id: _name_times(tuple(c.result.names())) for c in candidates}
    agreeing = [c for c in candidates if _times_agree(said, named[c.result.id])]
    if agreeing:
        return agreeing, None
    if all(named[c.result.id] for c in candidates):
        time = _DURATION.search(text, *clause)
        shown = time.group(0) if time is not None else ""
        return candidates, (f"the sentence says '{shown.strip()}', and '{candidates[0].result.id}' is of another time "
                            f"({candidates[0].result.outcome.plain})")
    return candidates, None


def _by_instrument(text: str, start: int, vocabulary: Vocabulary) -> bool:
    """Whether a word of measuring at `start` follows the name of what measured ("scales measuring cognition",
    "a questionnaire assessing pain"): the outcome after it is the one those scores are of, not an aim."""
    if vocabulary.instruments is None:
        return False
    before = re.search(r"([\w'’-]+)\s+$", text[max(0, start - 40):start])
    return before is not None and vocabulary.instruments.fullmatch(before.group(1)) is not None


def _arm_unsaid(claim: OutcomeClaim, said: str, generic: frozenset[str]) -> str | None:
    """In a review with results of several comparisons, a sentence naming the review's own word for what it
    studies and neither arm of the results left ("the effect of corticosteroids on deaths within 30 days", where
    the 30-day result is methylprednisolone against dexamethasone): they were chosen by elimination (a time, a
    setting), and the sentence may speak of the class against no treatment, a comparison the results do not hold."""
    words = _parts(said)
    for candidate in claim.candidates:
        names = _term_names(candidate.result.intervention)
        arm = _telling_parts(names, generic)
        if not arm or not arm.isdisjoint(words) or any(re.search(phrase(n), said, re.I) for n in names):
            return None
        if _mentions(_term_names(candidate.result.comparison), said, generic):
            return None
    result = claim.candidates[0].result
    return (f"the sentence names neither '{result.intervention.plain or result.intervention.technical}' nor what it is "
            f"compared with, and the review has results of several comparisons")


def _narrower(text: str, outcome: OutcomeSpan) -> str | None:
    """The severity a sentence gives the outcome it names that none of its results' names has ("serious adverse
    events" read against the result of all adverse events): another outcome, which the results may not hold."""
    match = _NARROWING.search(text, max(0, outcome.start - 20), outcome.start)
    if match is None:
        return None
    word = match.group(1).lower()
    if any(re.search(r"(?<![\w'’-])" + re.escape(word) + r"(?![\w'’])", name, re.I) for r in outcome.results for name in r.names()):
        return None
    return (f"the sentence says '{match.group(0).strip()} {outcome.text}', a grade or measure of the outcome that "
            f"'{outcome.results[0].id}' does not name")


def _tie(claim: OutcomeClaim, term: Term, own: set[Term], message: str, text: str,
         comparator: tuple[tuple[int, int], tuple[int, int]] | None, results: list[Result],
         comparators: re.Pattern[str] | None) -> None:
    """The claim tied to the results of its outcome that have the arm the sentence names where that arm stands
    (as who acts, or after "compared with" as the comparator: "When compared to placebo, X may ..." is X against
    placebo, the intervention it names too being theirs); none of them, or the sentence also names an arm of the
    claim's results by its own words that they do not have (both named: it may mean either, or the two together):
    it may be about a comparison no result holds, so nothing is held against them."""
    against = _NEXT_PART.split(text[comparator[1][0]:comparator[1][1]], maxsplit=1)[0] if comparator else ""
    name = phrase(term.plain) + "|" + phrase(term.technical)
    # (or right after a comparator word of its own part: "..., and Y compared with placebo probably ...")
    after = comparators is not None and any(re.match(r"\s*(?:the\s+|a\s+|an\s+)?(?:" + name + ")", text[m.end():], re.I)
                                            for m in comparators.finditer(text))
    where = "comparison" if after or (against and re.search(name, against, re.I)) else "intervention"
    # (the results of its outcome: those the span names and those of the same outcome by its plain or technical
    # name; an alias alone does not tie, as only some results may go by it)
    names = {n for r in claim.outcome.results for n in (r.outcome.plain, r.outcome.technical)}
    tied = [r for r in results if getattr(r, where) == term and (r.outcome.plain in names or r.outcome.technical in names)]
    if tied and not own - {t for r in tied for t in (r.intervention, r.comparison)}:
        claim.candidates = [Candidate(r, opposite=claim.outcome.opposite) for r in tied]
        claim.ambiguous_selection = len({_pair(r) for r in tied}) > 1
    else:
        claim.unsure = message


def _untied(claim: OutcomeClaim, text: str, effects: list[Hit], hard: tuple[int, int],
            comparator: tuple[tuple[int, int], tuple[int, int]] | None,
            results: list[Result], generic: frozenset[str], context: Context) -> tuple[Term, set[Term], str] | None:
    """What ties the claim to no result it was read against: an arm (intervention or comparator) of another
    comparison that the claim's clause names by the words of its own (those no other arm's name has), which none
    of the claim's results has ("brief education of doctors" read against the reminders' result, "compared with
    placebo" against the comparison with other drugs). A lay summary names what it compares: a sentence that
    names another arm is about that arm's comparison (which may have no result for this outcome), not the one
    its other words picked. None when every arm it names is one of the results'."""
    if claim.each_meant or not claim.candidates or len({_pair(r) for r in results}) < 2:
        return None
    neutral = {w for r in results for n in r.names() for w in _telling_parts([n], generic)}
    neutral |= _telling_parts([*context.names, *([context.condition] if context.condition else [])], generic)
    arms = _arm_words(tuple(results), generic, frozenset(neutral))
    mine = {t for c in claim.candidates for t in (c.result.intervention, c.result.comparison) if t is not None}
    # what the claim says of who acts: the words of its clause since the effect word before its own ("A may make
    # little difference to X, and B increases it": B's), and its comparator ("... than B", "Compared with B, ...")
    at = claim.effect.end if claim.effect is not None else claim.outcome.end
    first = claim.effect.start if claim.effect is not None else claim.outcome.start
    start = max([h.end for h in effects if h.end <= first] + [hard[0]])
    against = text[comparator[1][0]:comparator[1][1]] if comparator else ""
    region = text[start:at] + " " + _NEXT_PART.split(against, maxsplit=1)[0]
    said = _parts(region) - _COMPARATIVES
    # an arm is named by more than half the words of its own ("family practice" alone is not "organisational
    # restructuring of family practice care", nor "exercise" "exercise classes"); the one named by most is told
    best: tuple[float, int] = (0.5 + 1e-9, 0)
    named = None
    own: set[Term] = set()  # the arms of the claim's results named by more than half the words of their own too
    for term, words in arms:
        hits = sum(1 for w in words if _stem_match(w, said))
        if term in mine:
            if hits / len(words) > 0.5:
                own.add(term)
        elif hits and (hits / len(words), hits) >= best:
            best, named = (hits / len(words), hits + 1), term
    if named is None:
        return None
    return named, own, (f"the sentence names '{named.plain or named.technical}', which no result it was read against "
                        f"compares ('{claim.candidates[0].result.id}' does not)")


@lru_cache(maxsize=256)
def _whole_names(text: str, names: tuple[str, ...]) -> tuple[tuple[str, tuple[tuple[int, int], ...]], ...]:
    """Where `text` names each of `names` whole (once a sentence: its claims share it)."""
    return tuple((n, found) for n in names if (found := tuple(m.span() for m in re.finditer(phrase(n), text, re.I))))


def _comparison_unsaid(outcome: OutcomeSpan, candidates: list[Candidate], said: str, against: str,
                       generic: frozenset[str]) -> bool:
    """Whether the outcome has results of several comparisons and the text names the comparator of none
    of the candidates (`against`: what follows "compared with" / "than", when the sentence has it): the
    names of the sentence then pick a result by elimination, and the comparison the author meant may be
    another of them, or one the results do not hold."""
    if len({_pair(r) for r in outcome.results}) < 2:
        return False
    words = _parts(said)
    for candidate in candidates:
        comparison = _term_names(candidate.result.comparison)
        if candidate.inverted or (against and _mentions(comparison, against, generic)):
            return False
        # a word of the comparator's name that the intervention's name lacks ("oral antibiotics" alone
        # against "mechanical and oral antibiotic preparation" has none: naming the intervention names it)
        telling = _telling_parts(comparison, generic) - _telling_parts(_term_names(candidate.result.intervention), generic)
        if not telling.isdisjoint(words):
            return False
    return True


def _negation(text: str, effect: Hit, vocabulary: Vocabulary, ignore: list[tuple[int, int]],
              clause: tuple[int, int]) -> Hit | None:
    if effect.meaning == "none":
        return None
    before = text[clause[0]: effect.start]
    offset = clause[0]
    # the window counts the words that could carry another meaning, not those that link a denial to its verb ("does
    # not seem to be associated with an increase", "did not appear to lead to an increase in")
    words = list(re.finditer(WORD_CHARS + r"+|n't", before))
    window_start, counted = len(before), 0
    for word in reversed(words):
        window_start = word.start()
        if word.group(0).lower() not in _LINKING:
            counted += 1
            if counted > vocabulary.negation_window:
                break
    for match in vocabulary.negation.finditer(before, window_start):
        if re.search(r"(?:compared\s+(?:with|to)|than|versus|vs\.?|with)\s+$", before[:match.start()], re.I):
            continue  # "compared to no or minimal support": the comparator, not a denial
        if re.search(r"[,;:()]", before[match.end():]):
            continue  # "In children not taking ART, isoniazid reduced ...": a denial in another phrase
        if not any(s <= offset + match.start() < e for s, e in ignore):
            return Hit("negation", offset + match.start(), offset + match.end(), match.group(0))
    # "There was no evidence that X increased Y": the denial however far before, in the effect's own phrase
    denied = _NO_EVIDENCE_THAT.search(before)
    if denied is not None and not re.search(r"[,;:()]", before[denied.end():]):
        return Hit("negation", offset + denied.start(), offset + denied.end(), denied.group(0))
    return None


_LINKING = frozenset({"seem", "seems", "seemed", "appear", "appears", "appeared", "to", "be", "been", "associated", "with",
                      "lead", "leads", "led", "result", "results", "resulted", "in", "an", "a", "any"})


_CANNOT_BE_SURE = re.compile(r"\b(?:cannot|can['’]t|can not|not)\s+be\s+(?:certain|sure|confident)\b[^.;]*?\bwill\s+not\s+"
                             r"(change|alter)\b", re.I)


def future_levels(text: str, vocabulary: Vocabulary) -> set[str]:
    """The level a sentence about further research states by how likely that research is to change
    the results (GRADE's first definitions of the levels): "Future studies may change these results"
    is moderate or low; "we cannot be certain that future studies will not change them" says the same."""
    if not vocabulary.future_change or vocabulary.not_claims is None or not vocabulary.not_claims.search(text):
        return set()
    said = _CANNOT_BE_SURE.sub(lambda m: f"may {m.group(1)}", text)
    found = find_hits(vocabulary.future_change, said, [])
    if not found:
        return set()
    # the levels the phrases have in common ("very likely to have an important impact ... and may change": low)
    return set.intersection(*(levels_of(hit.meaning) for hit in found))


# A finding reported as one study's ("One trial showed ...", "A single study found ..."): it states no
# certainty of the evidence, so its plain verb claims no high certainty.
_ONE_STUDY = re.compile(r"\b(?:one|a\s+single|only\s+one|a|another)\s+(?:small\s+|large\s+|new\s+)?(?:study|trial|RCT|report)\s+"
                        r"(?:\w+\s+)?(?:showed|shows|found|finds|reported|reports|suggested|observed|demonstrated)\b", re.I)


# An effect said of the evidence ("no clear evidence of a difference", "not enough evidence"): the evidence
# shows none, which claims no high certainty (GRADE's high-certainty wording is "makes no difference")
_OF_EVIDENCE = re.compile(r"\bevidence\b", re.I)
# ... and an effect the evidence is said not to show ("There is no evidence that X is better than Y", "We found no
# firm evidence that X reduces Y"): no level is said
_NO_EVIDENCE_THAT = re.compile(r"(?<![\w'’-])(?:(?:nothing|found\s+nothing|little)\s+to\s+(?:suggest|show|indicate)\s+that|"
                               r"(?:no|not\s+find\s+any|not\s+find|(?:not|n['’]t)\s+(?:provide|give|offer|yield|produce)"
                               r"(?:\s+any)?|insufficient|not\s+enough)\s+(?:[a-z-]+\s+)?evidence\s+"
                               # (where it was looked for between: "no clear evidence from any of the studies in this review that")
                               r"(?:(?:from|in|across|among)\s+[^,;:.()]{1,80}?\s+)?"
                               r"(?:that|of|for|to\s+(?:show|suggest|indicate|support|demonstrate|prove)(?:\s+that)?)|"
                               r"(?:not|n['’]t|failed\s+to|fails?\s+to|unable\s+to)\s+(?:clearly\s+|conclusively\s+)?"
                               r"(?:show|find|demonstrate|prove|establish|confirm)\s+that)(?![\w'’-])", re.I)
# What the studies or the review found, said of no effect ("We found no difference in deaths", "did not find a
# difference", "No difference was found", "showed no reduction"): a report of what was seen, the older wording of
# an imprecise result as "no evidence of a difference" is (borne out by an interval that includes no effect), and
# no claim of high certainty (GRADE's high-certainty wording is "X makes no difference")
_FINDING = (r"(?:find|finds|found|show|shows|showed|shown|detect|detects|detected|observe|observes|observed|see|saw|seen|"
            r"demonstrate|demonstrates|demonstrated|identify|identified|reveal|reveals|revealed|reported|reports)")
_FOUND_BEFORE = re.compile(rf"(?<![\w'’-]){_FINDING}\s+$", re.I)
_FOUND_DENIED = re.compile(rf"\s+(?:\w+ly\s+)?{_FINDING}(?![\w'’-])|.*(?<![\w'’-]){_FINDING}\s+that$", re.I)
_DENIED_FINDING = re.compile(rf"(?<![\w'’-])(?:not|n['’]t|never|failed\s+to|fails?\s+to|unable\s+to)\s+(?:\w+ly\s+)?{_FINDING}\s+$", re.I)
_FOUND_AFTER = re.compile(r"\s+(?:[\w'’-]+\s+){0,6}?(?:was|were|has\s+been|have\s+been)\s+(?:\w+ly\s+)?"
                          r"(?:found|seen|observed|detected|shown|demonstrated|identified|noted)(?![\w'’-])", re.I)


def _found_none(text: str, effect: Hit, negated: Hit | None) -> bool:
    """Whether a no-effect phrase, or a denied effect, reports what was found ("we found no difference", "did not
    find a difference", "the trials did not show that X reduced Y", "no difference was found")."""
    if negated is not None:
        return (_FOUND_DENIED.match(text, negated.end) is not None or _FOUND_DENIED.fullmatch(negated.text) is not None
                or _FOUND_BEFORE.search(text, 0, negated.start) is not None)
    if effect.meaning != "none":
        return False
    if re.match(r"any(?![\w'’-])", effect.text, re.I):  # "did not show any difference"
        return _DENIED_FINDING.search(text, 0, effect.start) is not None
    if not re.match(r"no(?![\w'’-])", effect.text, re.I):
        return False
    after = _FOUND_AFTER.match(text, effect.end)
    return _FOUND_BEFORE.search(text, 0, effect.start) is not None or (after is not None and not re.search(r"[,;:()]", after.group(0)))


# "In one study, X did not reduce Y": a sentence that opens with the one study it reports
_LEADING = re.compile(r"[\s\-–—•*·]*")


def _lead_end(text: str) -> int:
    """Where a sentence's words start, after a list item's dash or bullet."""
    match = _LEADING.match(text)
    return match.end() if match else 0


# A result reported with the study it comes from, the outcome as subject ("Involvement in care improved
# in one small study"): the study's intervention is the one who acts (a stand-in, like "it").
_IN_A_STUDY = re.compile(r"(?<![\w'’-])in\s+(?:one|a|the)\s+(?:[\w'’-]+\s+)?(?:study|trial)(?![\w'’-])", re.I)


# ... and the same said after the result ("X led to fewer infections in one study", "... in a small trial")
_IN_ONE_STUDY = re.compile(r"\b(?:in|from|according\s+to)\s+(?:only\s+)?(?:one|a\s+single|a|another)\s+(?:\w+\s+)?"
                           r"(?:study|trial|RCT|report)\b(?!\s+(?:each|per)\b)", re.I)


_LIST_ITEM = re.compile(r"^\s*[-–—•*·]")


# A sentence that reports what the review found or holds: its studies counted ("includes 17 studies", "Four
# high-quality trials"), "we found", the review or search finding, the evidence or the results. (English.)
_REPORTS_FINDINGS = re.compile(
    r"\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|"
    r"several|many|most|some|all|few)\s+(?:[\w-]+\s+){0,3}(?:studies|trials|RCTs)\b|\bwe\s+(?:found|included|identified)\b|"
    r"\b(?:review|update|search)\b[^.]*\b(?:found|finds|includes?|included|identified|shows?|showed)\b|\bevidence\b|"
    r"\b(?:found|shown)\s+(?:by|in)\s+(?:this|the|our)\s+(?:review|update|studies|trials)\b|"
    r"\b(?:one|a|this|the|each|another|both|two|three)\s+(?:[\w-]+\s+){0,2}(?:study|studies|trials?|review|RCTs?)\s+"
    r"(?:[\w-]+\s+)?(?:showed|shows|found|finds|reported|reports|supports?|suggests?|demonstrated)\b|"
    r"\bin\s+(?:this|one|the|a|each)\s+(?:[\w-]+\s+)?(?:trial|study)\b|"
    r"\bresults?\b|\b(?:studies|trials)\s+(?:found|showed|show|suggest|suggested|reported)\b", re.I)


def opening_background(texts: list[str]) -> int:
    """How many sentences open a summary without headings before it reports what the review found: its
    background and aims ("Low-potency drugs cause sedation", "This review examined whether ..."), which
    claim nothing. In the dev corpus's one-text summaries (1,277), 3 of the 4,443 sentences before the first
    that reports findings carry a GRADE word, none of them a result; of the 161 with a word of a result
    ("reduced", "more effective", "showed"), 30 read at random were all background or aims. None found:
    0 (nothing is set aside)."""
    first = next((index for index, text in enumerate(texts) if _REPORTS_FINDINGS.search(text)), None)
    return first or 0


def read_summary(sentences: list[tuple[str, bool]], results: list[Result], vocabulary: Vocabulary,
                 names: tuple[str, ...] = (), condition: str | None = None,
                 headings: list[str | None] | None = None) -> list[Reading]:
    """Every sentence of a summary read in order: (text, whether its part explains), with the heading
    each is under. Statements of certainty are found first and carried to the claims that state none
    of their own; a sentence that names no intervention is read as about what the sentence before was
    about, and a list item that goes on from no lead-in of its own, under a heading that names a
    comparison ("Methylprednisolone versus dexamethasone"), as about that comparison."""
    summary: dict[str | None, set[str]] = {}
    rated: set[str] = set()  # the levels of statements that name the outcomes they rate
    for text, explains in sentences:
        if explains:
            continue
        future = future_levels(text, vocabulary) if not _DEFINES_LEVEL.match(text) else set()
        if future:  # "future studies may change these conclusions": a statement for the whole summary,
            # unless the sentence says its level outright ("the quality is low, so further research may change ...")
            said = {level for hit in statement_levels(text, vocabulary, []) for level in levels_of(hit.meaning)}
            summary.setdefault(None, set()).update(said or future)
            continue
        first = read_sentence(text, results, vocabulary, Context(names=names, condition=condition))
        # a statement in a sentence that names no outcome ("Overall, although there is some evidence of
        # benefit, we have very low certainty in its accuracy") speaks for the whole summary too
        # (not a rating of an outcome no result encodes: "Drug resistance may not be increased (low-certainty evidence)")
        if first.statement is not None and (first.kind == "statement" or (first.kind == "none" and not first.statement.loose)
                                            or (first.kind == "claim" and first.statement.results)):
            keys: list[str | None] = [r.id for r in first.statement.covers or first.statement.results] or [None]
            if keys == [None] and _THIS_FINDING.search(text):
                # "Our confidence is moderate because only one study reported this result": it rates the finding
                # before it, not the summary as a whole
                continue
            for key in keys:
                summary.setdefault(key, set()).update(first.statement.levels)
            if first.kind == "statement" and keys != [None]:
                rated.update(first.statement.levels)
        elif first.statement is not None and first.statement.scoped:
            rated.update(first.statement.levels)
        for claim in first.claims:
            # a rating said of one result's claim ("moderate-quality evidence that X reduces A", "reduces A (low-certainty
            # evidence)") is the summary's statement of that result's certainty: a plain sentence elsewhere that
            # states the same finding (the pre-2021 style, certainty said once) is covered by it
            # (its own rating: before it, or after it with no other outcome between, not a rating that ends a list)
            hit = claim.certainty_hit
            if claim.certainty_source == "word" and hit is not None and _RATING.search(hit.text) \
                    and len(claim.candidates) == 1 and not claim.ambiguous_selection and claim.certainty is not None \
                    and not any(claim.outcome.end <= other.outcome.start < hit.start for other in first.claims):
                summary.setdefault(claim.candidates[0].result.id, set()).update(levels_of(claim.certainty))
    if rated:
        # statements that rate named outcomes ("The evidence for X and Y is of moderate quality. The quality of
        # the evidence as regards Z is low."): an outcome none of them names (under another name, or left out)
        # is covered by one of them, which cannot be told: any of their levels
        summary.setdefault(None, set()).update(rated)
    readings = []
    previous: list[Result] = []
    previous_at = -2  # the index of the sentence that `previous` is from
    lead_in: str | None = None
    for index, (text, explains) in enumerate(sentences):
        heading = headings[index] if headings is not None else None
        compared = heading if heading and _HEADING_COMPARES.search(heading) else None
        following = ""
        if text.rstrip().endswith(":"):
            items = []
            for item, _ in sentences[index + 1:]:
                if not _LIST_ITEM.match(item):
                    break
                items.append(_LIST_ITEM.sub("", item).strip())
            following = "; ".join(items)
        reading = read_sentence(text, results, vocabulary, Context(explains, names, summary, previous, lead_in or compared,
                                                                   following, condition, previous_at == index - 1))
        readings.append(reading)
        if text.rstrip().endswith(":"):
            lead_in = text  # "Compared with chemotherapy, PARPi:" names who acts in the items after it
        elif not _LIST_ITEM.match(text) and not (lead_in and index > 0 and _LIST_ITEM.match(sentences[index - 1][0])
                                                 and index + 1 < len(sentences) and _LIST_ITEM.match(sentences[index + 1][0])):
            lead_in = None  # (a second sentence of a list item, with more items after it, keeps the lead-in)
        if reading.claims or reading.opposed:  # (a claim of survival is about the results of death)
            chosen = [r for claim in [*reading.claims, *reading.opposed] for r in claim.results]
            previous = chosen or previous
            previous_at = index if chosen else previous_at
        if not explains and _CAUTION.search(text):
            # "These findings should be interpreted with caution", "we should be careful about drawing conclusions":
            # the findings just before are said with doubt, in other words than GRADE's; a plain verb there claims
            # no high certainty for sure
            for before in readings[-3:-1]:
                for claim in before.claims:
                    if claim.certainty_source == "implied":
                        claim.certainty_source = "cautioned"
    return readings


# a statement that points back to the one finding before it ("this result", "that outcome"; "this evidence" and
# "these results" are as often all the summary has said)
_THIS_FINDING = re.compile(r"\b(?:this|that)\s+(?:result|finding|outcome|effect|estimate)\b", re.I)
# a heading that names a comparison: "Antibiotics versus placebo", "Wearing a knee brace compared with no brace"
_HEADING_COMPARES = re.compile(r"(?<![\w'’-])(?:versus|vs\.?|compared\s+(?:with|to)|in\s+comparison\s+(?:with|to))(?![\w'’-])", re.I)


_CAUTION = re.compile(r"(?<![\w'’-])(?:(?:interpreted|treated|viewed|considered|regarded|read|taken)\s+with\s+(?:\w+\s+)?caution|"
                      r"(?:careful|cautious)\s+(?:about|in|when|with)\s+(?:drawing|making|reaching|interpreting)|"
                      r"(?:careful|cautious)\s+(?:about|in|when)\s+(?:\w+\s+)?(?:results?|findings?|conclusions?))(?![\w'’-])", re.I)
