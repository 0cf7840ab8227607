"""Single-error mutants of real lay summaries, made by rules (not by hand) and seeded.

Each rule reads one sentence of a part of the summary that reports results (key messages, what
we found, key results, quality of the evidence, ...; every paragraph of a summary without
headings) and proposes edits that make it untrue to the review's data. Per review and class a
seeded draw keeps a few of the proposals, so the same corpus and seed give the same mutants.
"""

from __future__ import annotations

import datetime
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from bench.truth.project import Field, Project, sections_of

CLASSES = ("number", "direction", "certainty", "stale-date", "stale-count", "no-effect", "other-number", "translation")
PER_REVIEW = {"number": 3, "direction": 3, "certainty": 3, "stale-date": 1, "stale-count": 1, "no-effect": 4,
              "other-number": 4, "translation": 2}

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\u2013\u2014-])")
NUMBER = re.compile(r"(?<![\w.,\u2010-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(%?)(?![\w\u2010-]|[.,]\d)")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")
NUMBER_WORD = re.compile(r"\b(" + "|".join(WORDS[1:]) + r")\b", re.I)


@dataclass
class Mutant:
    id: str  # "<review id>-m<nnn>"
    review: str
    cls: str
    where: Field
    sentence: str  # the sentence as published
    mutated: str  # the sentence after the edit
    edit: str  # what was changed ("probably -> may")
    previous_facts: dict[str, Any] | None = None  # stale classes: the earlier version's facts
    language: str | None = None  # translation class: the translation's language
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "review": self.review, "class": self.cls, "edit": self.edit,
                "sentence": self.sentence, "mutated": self.mutated, "language": self.language}


def sentences(text: str) -> Iterator[str]:
    for paragraph in text.split("\n"):
        for piece in SENTENCE_END.split(paragraph.strip()):
            if re.search(r"[A-Za-z]{3}", piece):
                yield piece.strip()


def _case(model: str, word: str) -> str:
    return word[0].upper() + word[1:] if model[:1].isupper() else word


def _swaps(sentence: str, table: dict[str, str], guard: Callable[[re.Match[str]], bool] | None = None) -> list[tuple[str, str]]:
    """Each occurrence of a key of `table` replaced by its value, one edit at a time."""
    pattern = re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)) + r")\b", re.I)
    out = []
    for match in pattern.finditer(sentence):
        if guard is not None and not guard(match):
            continue
        old = match.group(0)
        new = _case(old, table[old.lower()])
        out.append((sentence[: match.start()] + new + sentence[match.end():], f"{old} -> {new}"))
    return out


# --- direction inverted -------------------------------------------------------------------------
DIRECTION = {
    "reduce": "increase", "reduces": "increases", "reduced": "increased", "reducing": "increasing",
    "reduction": "increase", "reductions": "increases", "decrease": "increase", "decreases": "increases",
    "decreased": "increased", "increase": "reduce", "increases": "reduces", "increased": "reduced",
    "increasing": "reducing", "fewer": "more", "lower": "higher", "higher": "lower", "less": "more",
    "more": "less", "improve": "worsen", "improves": "worsens", "improved": "worsened", "improving": "worsening",
    "improvement": "worsening", "improvements": "worsening", "worsen": "improve", "worsens": "improves", "worse": "better",
    "better": "worse", "prevent": "cause", "prevents": "causes", "shorter": "longer", "longer": "shorter",
}


def _not_a_count(match: re.Match[str]) -> bool:
    """'more than 1000 people', 'more studies', 'more research' are not an effect's direction."""
    after = match.string[match.end():match.end() + 40].lower()
    if re.match(r"\s+than\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|half|a\b)", after):
        return False
    return not re.match(r"\s+(?:research|studies|trials|evidence|data|information|well-designed|high-quality|and better)", after)


NOUN_AFTER = re.compile(r"(?:\b(?:a|an|the|large|small|slight|any|overall|important|clear)\s+)$", re.I)
NOUNS = {"increase": "reduction", "reduction": "increase", "increases": "reductions", "reductions": "increases"}


def _direction_guard(match: re.Match[str]) -> bool:
    before = match.string[max(0, match.start() - 4):match.start()].lower()
    if match.group(0).lower() in ("better", "prevent") and before.endswith("to "):
        return False  # "to better estimate", "houses to prevent mosquitoes entering": a verb or a purpose, not an effect
    return _not_a_count(match)


def direction(sentence: str) -> list[tuple[str, str]]:
    out = []
    for new, edit in _swaps(sentence, DIRECTION, _direction_guard):
        old_word, new_word = edit.split(" -> ")
        start = next(i for i in range(len(sentence)) if sentence[i:i + len(old_word)] == old_word and new[i:i + len(new_word)] == new_word)
        if old_word.lower() in NOUNS and NOUN_AFTER.search(sentence[:start]):
            new_word = _case(old_word, NOUNS[old_word.lower()])  # "a large increase" -> "a large reduction", not "reduce"
        head = sentence[:start]
        if re.search(r"\ba $", head) and new_word[0].lower() in "aeiou":
            head = head[:-2] + "an "
        elif re.search(r"\ban $", head) and new_word[0].lower() not in "aeiou":
            head = head[:-3] + "a "
        out.append((head + new_word + sentence[start + len(old_word):], f"{old_word} -> {new_word}"))
    return out


# --- certainty word changed --------------------------------------------------------------------
# Replacements that keep the sentence grammatical: "is probably more" -> "is possibly more", "may be" -> "will probably be".
CERTAINTY = {"probably": "possibly", "might": "will probably", "possibly": "probably", "very uncertain": "fairly sure",
             "not sure": "fairly sure"}
LEVEL_SWAP = {"high": "low", "moderate": "high", "low": "high", "very low": "moderate"}
LEVEL = re.compile(r"\b(very low|low|moderate|high)(?=[- ](?:certainty|quality)\b)", re.I)
LEVEL_AFTER = re.compile(r"\b(?:certainty|quality) of (?:the |this |our )?evidence (?:was|is|were|are|as) (?:mostly |mainly |generally )?"
                         r"(very low|low|moderate|high)\b", re.I)
MODAL_MAY = re.compile(r"(?<![A-Za-z])(may)(?= (?:not |also |slightly |be |have |make |reduce|increase|improve|lead|result|help|"
                       r"lower|raise|cause|prevent|shorten|lengthen|[a-z]+(?:s|e)\b))")


def certainty(sentence: str) -> list[tuple[str, str]]:
    out = _swaps(sentence, CERTAINTY)
    for pattern in (LEVEL, LEVEL_AFTER):
        for match in pattern.finditer(sentence):
            old = match.group(1)
            new = _case(old, LEVEL_SWAP[old.lower()])
            out.append((sentence[: match.start(1)] + new + sentence[match.end(1):], f"{old} -> {new}"))
    for match in MODAL_MAY.finditer(sentence):
        if re.search(r"\b\d{4}\b", sentence[match.end():match.end() + 6]):  # 'May 2019'
            continue
        new = _case(match.group(1), "will probably")
        out.append((sentence[: match.start(1)] + new + sentence[match.end(1):], f"{match.group(1)} -> {new}"))
    return out


# --- an effect where the result is little or no difference --------------------------------------
NO_EFFECT = (
    (re.compile(r"\b(make|makes|made|making) (?:little or no|little to no|little/no|little and no|no|very little|little) "
                r"(?:real |important )?difference (?:to|in|on|for)\b", re.I),
     lambda m: {"make": "reduce", "makes": "reduces", "made": "reduced", "making": "reducing"}[m.group(1).lower()]),
    (re.compile(r"\b(?:little or no |little to no |little/no |no (?:clear |important |real )?|hardly any )(?:difference|effect)s? (?:in|on|to|between)\b",
                re.I), lambda m: "a large difference " + m.group(0).split()[-1]),
    (re.compile(r"\b(did|do|does) not (reduce|improve|increase|change|affect|prevent|lower|shorten)\b", re.I),
     lambda m: _tense(m.group(2), m.group(1).lower())),
    (re.compile(r"\b(?:similar|comparable) (?:to|in|for)\b", re.I), lambda m: "better " + m.group(0).split()[-1]),
    (re.compile(r"\bas (effective|good|safe) as\b", re.I), lambda m: f"more {m.group(1)} than"),
    (re.compile(r"\bno (?:clear |important )?(?:benefit|effect)\b", re.I), lambda m: "a clear benefit"),
)


def _tense(verb: str, auxiliary: str) -> str:
    if auxiliary == "did":
        return verb + ("d" if verb.endswith("e") else "ed")
    return verb + ("s" if auxiliary == "does" else "")


def no_effect(sentence: str) -> list[tuple[str, str]]:
    out = []
    for pattern, make in NO_EFFECT:
        for match in pattern.finditer(sentence):
            if re.search(r"\blittle (?:or|to) $", sentence[:match.start()]):
                continue  # "little or no effect" is the first pattern's
            new = _case(match.group(0), make(match))
            out.append((sentence[: match.start()] + new + sentence[match.end():], f"{match.group(0)} -> {new}"))
    return out


# --- numbers ------------------------------------------------------------------------------------
def _is_year(text: str, sentence: str, start: int) -> bool:
    if re.fullmatch(r"(19|20)\d\d", text):
        return True
    before = sentence[max(0, start - 12):start]
    return any(before.rstrip().endswith(month) for month in MONTHS)


def _changed(text: str) -> str:
    plain = text.replace(",", "")
    if "." in plain:
        decimals = plain.split(".")[1]
        value = round(float(plain) * 1.3 + 10 ** -len(decimals), len(decimals))
        return f"{value:.{len(decimals)}f}"
    value = int(plain)
    new = value + max(1, round(value * 0.25))
    return f"{new:,}" if "," in text else str(new)


def number(sentence: str) -> list[tuple[str, str]]:
    out = []
    for match in NUMBER.finditer(sentence):
        if _is_year(match.group(1), sentence, match.start()):
            continue
        new = _changed(match.group(1))
        out.append((sentence[: match.start(1)] + new + sentence[match.end(1):], f"{match.group(1)} -> {new}"))
    for match in NUMBER_WORD.finditer(sentence):
        value = WORDS.index(match.group(1).lower())
        new = _case(match.group(1), WORDS[value + 1] if value < 20 else "thirty")
        out.append((sentence[: match.start()] + new + sentence[match.end():], f"{match.group(1)} -> {new}"))
    return out


def figures(result: dict[str, Any]) -> dict[str, str]:
    """A result's figures that a lay summary may repeat, by kind."""
    found = {kind: str(result[kind]) for kind in ("studies", "participants") if result.get(kind) is not None}
    found.update({f"risk{index}": str(value) for index, value in enumerate(result.get("risks_per_1000") or [])})
    return found


# What a figure of each kind is followed by in a sentence, so "between 5 weeks" is not taken for 5 studies.
FIGURE_CONTEXT = {
    "studies": re.compile(r"\s*(?:\w+\s+){0,2}?(?:studies|study|trials|trial|RCTs|RCT)\b", re.I),
    "participants": re.compile(r"\s*(?:\w+\s+){0,2}?(?:people|participants|patients|women|men|adults|children|infants|babies|residents)\b", re.I),
    "risk": re.compile(r"\s*(?:%|per\b|in\b|out of\b|more\b|fewer\b|less\b)", re.I),
}


def _in_context(kind: str, sentence: str, end: int) -> bool:
    return FIGURE_CONTEXT["risk" if kind.startswith("risk") else kind].match(sentence, end) is not None


def other_number(sentence: str, results: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """A number of one result's figures replaced by the same figure of another result."""
    out = []
    tokens = [(m, m.group(1).replace(",", "")) for m in NUMBER.finditer(sentence)]
    for match, value in tokens:
        owners = [(r, kind) for r in results for kind, figure in figures(r).items()
                  if figure == value and _in_context(kind, sentence, match.end())]
        if len({id(r) for r, _ in owners}) != 1:
            continue  # a figure of several results (or of none) names no one result
        owner, kind = owners[0]
        others = sorted({figures(r).get(kind) for r in results if r is not owner} - {None, value}, key=str)
        others = [o for o in others if o is not None and o not in {v for _, v in tokens}]
        if not others:
            continue
        new = others[0]
        if "," in match.group(1):
            new = f"{int(new):,}"
        out.append((sentence[: match.start(1)] + new + sentence[match.end(1):],
                    f"{match.group(1)} ({owner.get('id')} {kind}) -> {new}"))
    return out


# --- stale values -------------------------------------------------------------------------------
def earlier_date(date: datetime.date) -> datetime.date:
    """The search date of the version before an update: a year earlier."""
    return date.replace(year=date.year - 1, day=min(date.day, 28))


def earlier_count(value: int) -> int:
    """A count of the version before an update: about a tenth fewer (one fewer study of ten)."""
    return value - max(1, round(value * 0.1))


def earlier_facts(facts: dict[str, Any]) -> dict[str, Any]:
    """Every date and count of `facts` as the version before an update had it."""
    earlier: dict[str, Any] = {}
    for name, value in facts.items():
        if isinstance(value, datetime.date):
            earlier[name] = earlier_date(value)
        elif isinstance(value, int) and not isinstance(value, bool):
            earlier[name] = earlier_count(value)
        else:
            earlier[name] = value
    return earlier


def stale_date(sentence: str, facts: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """The search date as typed ('March 2015', '4 March 2023') set back a year, the earlier version's date."""
    date = facts.get("search_date")
    if not isinstance(date, datetime.date):
        return []
    earlier = earlier_date(date)
    out = []
    month = MONTHS[date.month - 1]
    for pattern in (rf"\b{date.day} {month},? {date.year}\b", rf"\b{month} {date.day},? {date.year}\b", rf"\b{month},? {date.year}\b"):
        match = re.search(pattern, sentence)
        if match:
            new = match.group(0).replace(str(date.year), str(earlier.year))
            out.append((sentence[: match.start()] + new + sentence[match.end():], f"{match.group(0)} -> {new}",
                        {**facts, "search_date": earlier}))
            break
    return out


def stale_count(sentence: str, facts: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """A count fact as typed (studies, participants) given the value of an earlier version."""
    out = []
    for name, value in facts.items():
        if isinstance(value, bool) or not isinstance(value, int) or name in ("search_date",):
            continue
        earlier = earlier_count(value)
        forms = [(f"{value:,}", f"{earlier:,}"), (str(value), str(earlier))]
        if value <= 20 and earlier >= 1:
            forms.append((WORDS[value], WORDS[earlier]))
        for old, new in forms:
            match = re.search(rf"(?<![\w.,]){re.escape(old)}(?![\w]|[.,]\d)", sentence, re.I)
            if match and name in FIGURE_CONTEXT and not _in_context(name, sentence, match.end()):
                continue  # "seven days of life" is not the seven studies
            if match:
                typed = _case(match.group(0), new)
                out.append((sentence[: match.start()] + typed + sentence[match.end():],
                            f"{match.group(0)} -> {typed} ({name} was {earlier})", {**facts, name: earlier}))
                break
    return out


def outcome_names(results: list[dict[str, Any]]) -> re.Pattern[str]:
    """Any name of an encoded result's outcome, as a whole phrase."""
    names: set[str] = set()
    for result in results:
        outcome = result.get("outcome")
        if isinstance(outcome, dict):
            names.update(str(outcome.get(k)) for k in ("technical", "plain") if outcome.get(k))
        elif outcome:
            names.add(str(outcome))
        names.update(str(a) for a in result.get("aliases") or [])
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.I)


def typed_values(facts: dict[str, Any], results: list[dict[str, Any]]) -> set[str]:
    """The counts and figures of the data as a summary may type them."""
    values = {str(v) for v in facts.values() if isinstance(v, int) and not isinstance(v, bool)}
    for result in results:
        values.update(figures(result).values())
    return values | {f"{int(v):,}" for v in values if v.isdigit()}


def counted(sentence: str, value: str, typed: set[str]) -> bool:
    """`value` is one of the data's counts where the sentence counts studies or people with it."""
    if value.replace(",", "") not in {t.replace(",", "") for t in typed}:
        return False
    for match in re.finditer(rf"(?<![\w.,]){re.escape(value)}(?![\w]|[.,]\d)", sentence):
        if _in_context("studies", sentence, match.end()) or _in_context("participants", sentence, match.end()):
            return True
    return False


def claims(sentence: str, names: re.Pattern[str]) -> bool:
    """A sentence about a result: it names an encoded outcome, or states the evidence's certainty."""
    return names.search(sentence) is not None or LEVEL_AFTER.search(sentence) is not None or LEVEL.search(sentence) is not None


def review_mutants(project: Project, encoding: dict[str, Any], seed: int) -> list[Mutant]:
    """The mutants of one review's summary (all classes but translation), in the sentences that
    report results: those naming an encoded outcome or stating the certainty of the evidence, in the
    parts of the summary that give results; a number also where it is one of the data's figures."""
    facts = dict(project.data.get("facts") or {})
    results = encoding.get("results") or []
    names = outcome_names(results)
    typed = typed_values(facts, results)
    proposals: dict[str, list[tuple[Field, str, str, str, dict[str, Any] | None]]] = {c: [] for c in CLASSES}
    for where in project.fields:
        for sentence in sentences(where.text):
            if where.claims_results and not claims(sentence, names):
                # outside a claim, only a count of the data: "24 trials", "1318 people"
                proposals["number"].extend((where, sentence, new, edit, None) for new, edit in number(sentence)
                                           if counted(sentence, edit.split(" -> ")[0], typed))
            elif where.claims_results:
                for cls, rule in (("number", number), ("direction", direction), ("certainty", certainty), ("no-effect", no_effect)):
                    proposals[cls].extend((where, sentence, new, edit, None) for new, edit in rule(sentence))
                proposals["other-number"].extend((where, sentence, new, edit, None) for new, edit in other_number(sentence, results))
            # a typed date or count goes stale wherever it is
            proposals["stale-date"].extend((where, sentence, n, e, p) for n, e, p in stale_date(sentence, facts))
            proposals["stale-count"].extend((where, sentence, n, e, p) for n, e, p in stale_count(sentence, facts))
    mutants: list[Mutant] = []
    for cls in CLASSES:
        found = proposals[cls]
        rng = random.Random(f"{seed}:{project.review_id}:{cls}")
        chosen: list[tuple[Field, str, str, str, dict[str, Any] | None]] = []
        for proposal in rng.sample(found, len(found)):
            if len(chosen) >= PER_REVIEW[cls]:
                break
            if any(proposal[1] == c[1] for c in chosen):
                continue  # one mutant a sentence and class
            chosen.append(proposal)
        for where, sentence, new, edit, previous in chosen:
            mutants.append(Mutant("", project.review_id, cls, where, sentence, new, edit, previous))
    return mutants


# --- translations -------------------------------------------------------------------------------
TRANSLATED_CERTAINTY = {
    "es": {"probablemente": "puede que", "muy inciertos": "bastante seguros", "moderada": "alta", "baja": "alta", "alta": "baja"},
    "fr": {"probablement": "peut-être", "très incertains": "assez sûrs", "modérée": "élevée", "faible": "élevée", "élevée": "faible"},
}


RESULT_KEYS = {"key_messages", "what_we_found", "limitations", "main_results", "authors_conclusions", "results", "conclusions"}


def translation_fields(data: dict[str, Any], source: dict[str, Any] | None) -> Iterator[tuple[tuple[Any, ...], str]]:
    """The translated prose that reports results: the parts of the layouts that do, and in an
    as-published text the sections whose source heading does (the translation keeps them in order)."""
    for key, part in (data.get("summary") or {}).items():
        if isinstance(part, list) and key in RESULT_KEYS:
            yield from ((("summary", key, index), item) for index, item in enumerate(part))
        elif isinstance(part, str) and key in RESULT_KEYS:
            yield ("summary", key), part
        elif isinstance(part, str) and key == "text" and source is not None:
            translated = sections_of(part)
            published = sections_of(source.get("summary", {}).get("text", ""))
            if len(translated) != len(published):
                continue
            for (heading, _), (_, body) in zip(published, translated, strict=True):
                if Field(("summary", key), heading, body).claims_results:
                    yield ("summary", key), body
    for key, section in (data.get("sections") or {}).items():
        if isinstance(section, dict) and isinstance(section.get("plain"), str) and key in RESULT_KEYS:
            yield ("sections", key, "plain"), section["plain"]


def translation_mutants(review: str, data: dict[str, Any], language: str, seed: int, source: dict[str, Any] | None = None) -> list[Mutant]:
    """A number or a certainty word changed in one sentence of a translation."""
    proposals = []
    table = TRANSLATED_CERTAINTY.get(language, {})
    for path, text in translation_fields(data, source):
        where = Field(path, "", text)
        for sentence in sentences(text):
            edits = [(new, edit) for new, edit in number(sentence) if not NUMBER_WORD.search(edit)]
            if table:
                edits += _swaps(sentence, table)
            proposals.extend((where, sentence, new, edit) for new, edit in edits)
    rng = random.Random(f"{seed}:{review}:{language}:translation")
    chosen: list[tuple[Field, str, str, str]] = []
    for proposal in rng.sample(proposals, len(proposals)):
        if len(chosen) >= PER_REVIEW["translation"]:
            break
        if all(proposal[1] != c[1] for c in chosen):
            chosen.append(proposal)
    return [Mutant("", review, "translation", where, sentence, new, edit, language=language) for where, sentence, new, edit in chosen]
