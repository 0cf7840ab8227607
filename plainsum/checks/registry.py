"""The check registry: one object that knows every check, its default severity and its documents.

After the checks of a document have run, the registry keeps one finding per sentence and figure
(`Measure`: the strictest limit that fails wins), then sets aside the findings an author
suppressed in the YAML (checks/suppressions.py) or the configuration exempts ([exempt]).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field, replace
from fnmatch import fnmatchcase
from functools import cached_property
from typing import TYPE_CHECKING, Any, Protocol

from plainsum.render.document import Location

if TYPE_CHECKING:
    from plainsum.checks.context import CheckContext
    from plainsum.config.settings import Config
    from plainsum.readability.score import Scored
    from plainsum.render.document import Document

SEVERITY_ORDER = {"error": 0, "warning": 1}


@dataclass(frozen=True)
class Measure:
    """One figure a finding reports against a limit: "35 words (limit 30)" is
    Measure("sentence.words", 35, 30, "35 words (limit 30)"). Two checks that report the same
    figure of the same sentence are one finding: the one with the strictest failing limit."""

    metric: str
    value: float
    limit: float
    text: str  # how the finding's message says it


@dataclass(frozen=True)
class Flag:
    """What a check function reports: a message, and optionally the body offset it is about."""

    message: str
    offset: int | None = None
    sentence: str | None = None
    suggestion: str | None = None
    location: Location | None = None  # for what is not in the document's text (a comment, a fact): where it is written
    measures: tuple[Measure, ...] = ()
    # What a baseline matches the finding by when it is about the document, not its sentence
    # (a figure such as "max_flesch_kincaid_grade"): the sentence it points at may change.
    about: str | None = None


@dataclass(frozen=True)
class Suppression:
    """Why a finding is not counted: an author's comment in the YAML, or an exemption in the config."""

    kind: str  # "source" (a YAML comment) or "config" ([exempt])
    reason: str
    where: str  # "path:line:col" of the comment or of the exemption


@dataclass(frozen=True)
class Finding:
    check: str
    severity: str  # "error" or "warning"
    document: str  # "<review id>/<summary|abstract>"
    where: Location | Callable[[], Location]  # a location, or how to find it when first asked
    message: str
    sentence: str | None = None
    suggestion: str | None = None
    about: str | None = None
    suppression: Suppression | None = None

    @cached_property
    def location(self) -> Location:
        """Mapping a sentence back to its YAML line costs a little; most warnings are never shown."""
        return self.where if isinstance(self.where, Location) else self.where()

    @property
    def subject(self) -> str:
        return finding_subject(self.message, self.sentence, self.about)

    def as_dict(self) -> dict[str, object]:
        return {
            "check": self.check,
            "severity": self.severity,
            "document": self.document,
            "file": self.location.path,
            "line": self.location.line,
            "column": self.location.column,
            "message": self.message,
            "sentence": self.sentence,
            "suggestion": self.suggestion,
        }


_NUMBER = re.compile(r"[-+]?\d[\d,]*(\.\d+)?%?")
_SPACE = re.compile(r"\s+")


def review_having(scored: Scored, part: str) -> Any:
    """The review of a scored document when it has `part` set (its `translation`, its `previous`
    version), else None: what a check that compares a review with another text starts from."""
    review = scored.document.review
    return review if review is not None and getattr(review, part) is not None else None


def normalise_text(text: str) -> str:
    """A sentence as a baseline matches it: whitespace folded, case and Markdown emphasis ignored."""
    return _SPACE.sub(" ", text.replace("*", "").replace("_", " ")).strip().lower()


def finding_subject(message: str, sentence: str | None, about: str | None) -> str:
    """What a finding is about, stable across edits elsewhere in the file and across changed
    figures: its `about`, else its sentence and its message without numbers ("35 words" and "36
    words" about one sentence are one finding; two jargon words in one sentence are two)."""
    if about is not None:
        return about
    wording = normalise_text(_NUMBER.sub("#", message))
    if sentence:
        return f"{normalise_text(sentence)} | {wording}"
    return wording


def precise(value: float, limit: float, decimals: int = 1) -> str:
    """`value` with enough decimals to show which side of `limit` it is on: 13.04 against a
    maximum of 13 is "13.04", not "13.0"."""
    for places in range(decimals, 7):
        text = f"{value:.{places}f}"
        if (float(text) > limit) == (value > limit) and (float(text) < limit) == (value < limit):
            return text
    return repr(value)


class Suppressions(Protocol):
    """What the registry asks of a review's suppressions (checks/suppressions.py)."""

    ran: set[str]  # the checks that ran, so an unused suppression can be told from one never tried

    def __bool__(self) -> bool: ...

    def match(self, finding: Finding) -> Suppression | None: ...


CheckFunction = Callable[["Scored", "CheckContext"], Iterable[Flag]]
Called = Callable[["Scored", "CheckContext | Config"], Iterable[Flag]]  # what a spec's function takes


@dataclass(frozen=True)
class CheckSpec:
    id: str
    function: Called  # called with a CheckContext (or a Config, which gets its context)
    documents: tuple[str, ...]
    severity: str
    description: str
    options: dict[str, object] = field(default_factory=dict)  # option name -> default value
    options_type: type | None = None  # the dataclass that declares the options (checks/context.py)

    def option_fields(self) -> list[Any]:
        """The declared options: name, type, default, description (for `plainsum config` and schemas)."""
        from plainsum.checks.context import option_fields

        return option_fields(self.options_type)


def _with_context(function: CheckFunction) -> Called:
    from functools import wraps

    @wraps(function)
    def call(scored: Scored, context: CheckContext | Config) -> Iterable[Flag]:
        from plainsum.checks.context import CheckContext

        return function(scored, CheckContext.of(context))

    _WRAPPED[call] = function
    return call


# The function each wrapper made by _with_context calls: what the registry calls with the context it already has.
_WRAPPED: dict[Called, CheckFunction] = {}


@dataclass
class Checked:
    findings: list[Finding]  # what counts
    suppressed: list[Finding]  # set aside, each with its `suppression`


# A check that runs on a document: its spec, its severity, and the function to call with a CheckContext.
_Planned = tuple[CheckSpec, str, Callable[["Scored", "CheckContext"], Iterable[Flag]]]

# The modules whose import registers plainsum's checks, in the order their checks run (and are listed).
CHECK_MODULES = ("cochrane", "plain", "readability", "results", "stale", "tooling", "translation", "trial", "unfinished")


@dataclass
class Registry:
    """Every check, by id. The registry plainsum uses (`registry` below) imports the check modules,
    which register their checks, when it is first asked about its checks: a command that uses one of
    them (`score` uses the readability check's sentence score) does not load them all."""

    _checks: dict[str, CheckSpec] = field(default_factory=dict)
    modules: tuple[str, ...] = ()  # modules of plainsum.checks to import before the checks are read
    _modules_of: dict[str, str] = field(default_factory=dict)  # check id -> the module that registered it
    _loaded: bool = False
    # the checks that run, by configuration, document kind, severities and skipped checks (see `_plan`)
    _plans: dict[tuple[int, str, tuple[str, ...], tuple[str, ...]],
                 tuple[Config, dict[str, str], dict[str, CheckSpec], int, list[_Planned]]] = \
        field(default_factory=dict, repr=False, compare=False)

    @property
    def checks(self) -> dict[str, CheckSpec]:
        if not self._loaded:
            self._load()
        return self._checks

    def _load(self) -> None:
        """Import the check modules, then order the checks as the modules are listed, whichever was
        imported first (a check's findings come in the order the checks run)."""
        import importlib

        self._loaded = True
        for name in self.modules:
            importlib.import_module(f"plainsum.checks.{name}")
        rank = {f"plainsum.checks.{name}": index for index, name in enumerate(self.modules)}
        ordered = sorted(self._checks, key=lambda check_id: rank.get(self._modules_of.get(check_id, ""), len(rank)))
        self._checks = {check_id: self._checks[check_id] for check_id in ordered}

    def register(
        self,
        check_id: str,
        *,
        description: str,
        documents: tuple[str, ...] = ("summary",),
        severity: str = "error",
        options: type | None = None,
    ) -> Callable[[CheckFunction], CheckFunction]:
        """Register a check. `options` is the dataclass that declares its settings (names, types,
        defaults, descriptions: checks/context.py), set by users in [checks."<id>"] tables of the
        configuration and read typed with `context.options(id, ThatClass)`.
        A check with no `documents` runs on none: its findings come from plainsum itself (an
        unused suppression, a ratchet), and it is listed, documented and configured like the others."""

        def decorate(function: CheckFunction) -> CheckFunction:
            if check_id in self._checks:
                raise ValueError(f"check '{check_id}' is registered twice")
            from plainsum.checks.context import option_defaults

            self._checks[check_id] = CheckSpec(check_id, _with_context(function), documents, severity, description,
                                               option_defaults(options), options)
            self._modules_of[check_id] = function.__module__
            return function

        return decorate

    def _plan(self, config: Config, kind: str, severities: tuple[str, ...], skipped: tuple[str, ...]) -> list[_Planned]:
        """`_planned`, made once per configuration, kind, severities and skipped checks (a run checks every document
        under a few configurations), and made again when the checks registered change."""
        key = (id(config), kind, severities, skipped)
        found = self._plans.get(key)
        checks = self.checks
        if (found is not None and found[0] is config and found[1] == config.checks and found[2] is checks
                and found[3] == len(checks)):
            return found[4]
        planned = _planned(self, config, kind, severities, skipped)
        if len(self._plans) >= 64:
            self._plans.clear()
        self._plans[key] = (config, dict(config.checks), checks, len(checks), planned)
        return planned

    def __contains__(self, check_id: object) -> bool:
        return check_id in self.checks

    def __getitem__(self, check_id: str) -> CheckSpec:
        return self.checks[check_id]

    def ids(self) -> list[str]:
        return sorted(self.checks)

    def severity(self, spec: CheckSpec, config: Config) -> str:
        return config.checks.get(spec.id, spec.severity)

    def skipped(self, scored: Scored, config: Config) -> list[str]:
        """Checks that are on for this document but do not run on its language (their data are English)."""
        kind = scored.document.kind
        return [c for c in scored.skipped_checks if c in self.checks and self.severity(self.checks[c], config) != "off"
                and kind in self.checks[c].documents]

    def run(self, scored: Scored, config: Config | CheckContext, severities: Collection[str] = ("error", "warning")) -> list[Finding]:
        """The findings of every check that is on, or only of those set to one of `severities`."""
        return self.check(scored, config, severities).findings

    def check(self, scored: Scored, config: Config | CheckContext, severities: Collection[str] = ("error", "warning"),
              suppressions: Suppressions | None = None) -> Checked:
        """Every check that is on (or set to one of `severities`), one finding per sentence and
        figure, with what the YAML suppresses or the configuration exempts set aside. The checks
        are called with the context of `config` (made once per configuration)."""
        from plainsum.checks.context import CheckContext

        context = CheckContext.of(config)
        config = context.config
        document = scored.document
        flagged: list[tuple[CheckSpec, str, Flag]] = []
        for spec, severity, function in self._plan(config, document.kind, tuple(severities), scored.skipped_checks):
            flagged.extend((spec, severity, flag) for flag in function(scored, context))
            if suppressions is not None:
                suppressions.ran.add(spec.id)
        holding = _holding_sentence(scored)
        findings = [
            Finding(spec.id, severity, document.name, _Locate(document, flag), flag.message, holding(flag),
                    flag.suggestion, flag.about)
            for spec, severity, flag in one_per_measure(flagged)
        ]
        return set_aside(findings, document, config, suppressions)


def _planned(registry: Registry, config: Config, kind: str, severities: tuple[str, ...],
             skipped: tuple[str, ...]) -> list[_Planned]:
    """The checks that run on a document of `kind` under `config`, in order, each with its severity and the function to
    call with a CheckContext (the registered function itself, without the wrapper that makes the context)."""
    planned = []
    for spec in registry.checks.values():
        severity = registry.severity(spec, config)
        if severity not in severities or kind not in spec.documents or spec.id in skipped:
            continue
        planned.append((spec, severity, _WRAPPED.get(spec.function, spec.function)))
    return planned


def one_per_measure(flagged: list[tuple[CheckSpec, str, Flag]]) -> list[tuple[CheckSpec, str, Flag]]:
    """Keep one finding per sentence and figure: of the flags that measure the same figure of the
    same sentence, the most severe, then the one with the strictest (lowest) limit. A flag that
    loses every figure it measures is dropped; one that loses some no longer mentions them."""
    winners: dict[tuple[int | None, str, str], tuple[int, float, int]] = {}
    for index, (_, severity, flag) in enumerate(flagged):
        for measure in flag.measures:
            place = (flag.offset, flag.sentence or "", measure.metric)
            rank = (SEVERITY_ORDER.get(severity, 2), measure.limit, index)
            if place not in winners or rank < winners[place]:
                winners[place] = rank
    if not winners:
        return flagged
    kept = []
    for index, (spec, severity, flag) in enumerate(flagged):
        if not flag.measures:
            kept.append((spec, severity, flag))
            continue
        lost = [m for m in flag.measures if winners[(flag.offset, flag.sentence or "", m.metric)][2] != index]
        if len(lost) == len(flag.measures):
            continue
        if lost:
            message = flag.message
            for measure in lost:
                message = message.replace(", " + measure.text, "").replace(measure.text + ", ", "")
            flag = replace(flag, message=message, measures=tuple(m for m in flag.measures if m not in lost))
        kept.append((spec, severity, flag))
    return kept


def set_aside(findings: list[Finding], document: Document, config: Config, suppressions: Suppressions | None) -> Checked:
    review = document.review
    exempt = config.exemptions(review.id) if review is not None else {}
    if not findings or (not exempt and (suppressions is None or not suppressions)):
        return Checked(findings, [])
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    for finding in findings:
        reason = exempt.get(finding.check) or exempt.get("*")
        if reason is not None:
            suppressed.append(replace(finding, suppression=Suppression("config", reason[0], reason[1])))
            continue
        found = suppressions.match(finding) if suppressions is not None else None
        if found is not None:
            suppressed.append(replace(finding, suppression=found))
        else:
            kept.append(finding)
    return Checked(kept, suppressed)


def matches_any(review_id: str, patterns: Iterable[str]) -> bool:
    return any(fnmatchcase(review_id, pattern) for pattern in patterns)


def _holding_sentence(scored: Scored) -> Callable[[Flag], str | None]:
    """A finding quotes the sentence it is about. A flag that points at a part of one (a number:
    translation.numbers gives the number's text, to be found at its offset) quotes the whole
    sentence that holds it, so that reports show the number in its sentence, not alone."""
    from bisect import bisect_right

    found: dict[str, Any] = {}

    def sentence(flag: Flag) -> str | None:
        if flag.sentence is None or flag.offset is None or flag.location is not None:
            return flag.sentence
        if not found:
            ordered = sorted(scored.sentences, key=lambda s: s.offset)
            found.update(texts={s.text for s in ordered}, starts=[s.offset for s in ordered], ordered=ordered)
        if flag.sentence in found["texts"]:
            return flag.sentence
        index = bisect_right(found["starts"], flag.offset) - 1
        if index >= 0 and flag.sentence in found["ordered"][index].text:
            return str(found["ordered"][index].text)
        return flag.sentence

    return sentence


@dataclass(frozen=True, eq=False)
class _Locate:
    """Where a finding is, found when first asked (a class, not a closure, so that a finding can be
    pickled: `plainsum check --jobs N` sends them back from its workers)."""

    document: Document
    flag: Flag

    def __call__(self) -> Location:
        flag, document = self.flag, self.document
        if flag.location is not None:
            return flag.location
        if flag.offset is not None:
            return document.locate(flag.offset, flag.sentence or "")
        if document.spans:
            # a finding about the whole document points at the first text the author wrote for it
            return document.locate(document.spans[0].start)
        return Location(document.source_path, 1, 1)


registry = Registry(modules=CHECK_MODULES)
