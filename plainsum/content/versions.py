"""A review's version and its earlier versions, as the review file records them under `version:`.

Cochrane numbers the versions of a review in its DOI: the first has none, later ones end in
`.pub2`, `.pub3`, ... (doi:10.1002/14651858.CD009009.pub3 is the third). A review file may say
which version it is, when it was published, whether its conclusions changed from the last
version (the authors' call, which "What's new" reports), and list the earlier versions.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from plainsum.files.yamlsource import Node

DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")

VERSION_KEYS = ("number", "published", "conclusions_changed", "earlier")
EARLIER_KEYS = ("doi", "published")
PUB_SUFFIX = re.compile(r"\.pub(\d+)$")
MAX_VERSION = 99  # Cochrane's most updated reviews are at .pub10 or so; .pub300000000 would list 3 * 10**8 DOIs


def doi_version(doi: str) -> int:
    """The version number a Cochrane DOI carries: 1 without a `.pubN` suffix, else N."""
    match = PUB_SUFFIX.search(doi)
    return int(match.group(1)) if match else 1


def doi_base(doi: str) -> str:
    """The DOI of the first version (the suffix dropped)."""
    return PUB_SUFFIX.sub("", doi)


def earlier_dois(doi: str) -> list[str]:
    """The DOIs Cochrane gives the versions before this one, newest first (pub4 -> pub3, pub2, base)."""
    number = min(doi_version(doi), MAX_VERSION)
    base = doi_base(doi)
    return [f"{base}.pub{n}" if n > 1 else base for n in range(number - 1, 0, -1)]


@dataclass(frozen=True)
class EarlierVersion:
    doi: str | None
    published: datetime.date | int | None  # a date, or a year alone

    @property
    def year(self) -> int | None:
        if isinstance(self.published, datetime.date):
            return self.published.year
        return self.published


@dataclass(frozen=True)
class Version:
    number: int | None
    published: datetime.date | None
    conclusions_changed: bool | None  # None: the authors have not said
    earlier: tuple[EarlierVersion, ...]  # newest first

    @property
    def update_of(self) -> EarlierVersion | None:
        return self.earlier[0] if self.earlier else None

    def update_sentence(self) -> str:
        """ "This is an update of the review published in 2012 (doi:...)." or "" for a first version."""
        last = self.update_of
        if last is None:
            return ""
        first = self.earlier[-1]
        when = f" published in {last.year}" if last.year else ""
        cite = f" (doi:{last.doi})" if last.doi else ""
        text = f"This is an update of the review{when}{cite}"
        if len(self.earlier) > 1 and first.year and first.year != last.year:
            text += f", first published in {first.year}"
        return text + "."


    def view(self) -> SimpleNamespace:
        """What prose and templates see as `version` (and `review.version`)."""
        return SimpleNamespace(
            number=self.number,
            published=self.published,
            conclusions_changed=self.conclusions_changed,
            earlier=[SimpleNamespace(doi=e.doi, published=e.published, year=e.year) for e in self.earlier],
            update_of=self.update_sentence(),
        )


NO_VERSION = Version(None, None, None, ())


def validate_version(check: Any, root: Node, doi: str | None) -> Version:
    """Validate `version:`; `check` is content's validator. Without the key, the DOI gives the number."""
    node = root.value.get("version")
    from_doi = doi_version(doi) if doi else None
    if node is None:
        return Version(from_doi, None, None, ()) if doi else NO_VERSION
    if check.mapping(node, "'version'") is None:
        return NO_VERSION
    check.unknown_keys(node, VERSION_KEYS, "'version'")
    number = from_doi
    number_node = node.value.get("number")
    if number_node is not None:
        value = number_node.value
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            check.problem(number_node, f"'number' in 'version' must be a whole number of at least 1, not {value!r}")
        elif doi and PUB_SUFFIX.search(doi) and value != from_doi:
            check.problem(number_node, f"'number' in 'version' is {value}, but the DOI {doi} is version {from_doi}")
        else:
            number = value
    published = _date(check, node.value.get("published"), "'published' in 'version'", year_ok=False)
    changed_node = node.value.get("conclusions_changed")
    conclusions_changed = None
    if changed_node is not None:
        if isinstance(changed_node.value, bool):
            conclusions_changed = changed_node.value
        else:
            check.problem(changed_node, f"'conclusions_changed' in 'version' must be true or false, not {changed_node.kind}")
    earlier = _earlier(check, node.value.get("earlier"), number)
    return Version(number, published, conclusions_changed, tuple(earlier))  # type: ignore[arg-type]


def _date(check: Any, node: Node | None, where: str, year_ok: bool) -> datetime.date | int | None:
    if node is None:
        return None
    value = node.value
    if isinstance(value, datetime.date):
        return value
    if year_ok and isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2200:
        return value
    also = " or a year" if year_ok else ""
    check.problem(node, f"{where} must be a date written as YYYY-MM-DD{also}, not {node.kind} '{value}'")
    return None


def _earlier(check: Any, node: Node | None, number: int | None) -> list[EarlierVersion]:
    if node is None:
        return []
    if not isinstance(node.value, list):
        check.problem(node, f"'earlier' in 'version' must be a list of earlier versions, not {node.kind}")
        return []
    versions: list[EarlierVersion] = []
    for item in node.value:
        if isinstance(item.value, str):
            doi, published = _doi(check, item, item.value), None
        elif isinstance(item.value, dict):
            check.unknown_keys(item, EARLIER_KEYS, "an earlier version")
            doi_node = check.text(item, "doi", "an earlier version", required=False)
            doi = _doi(check, doi_node, doi_node.value) if doi_node is not None else None
            published = _date(check, item.value.get("published"), "'published' of an earlier version", year_ok=True)
            if doi is None and published is None and doi_node is None:
                check.problem(item, "an earlier version needs a 'doi' or a 'published' date")
        else:
            check.problem(item, f"each earlier version must be a DOI or a mapping with doi and published, not {item.kind}")
            continue
        if doi is not None and number is not None and PUB_SUFFIX.search(doi) and doi_version(doi) >= number:
            check.problem(item, f"the earlier version {doi} is not earlier than this version ({number})")
        versions.append(EarlierVersion(doi, published))
    return versions


def _doi(check: Any, node: Node, text: str) -> str | None:
    text = text.strip()
    if not DOI_PATTERN.match(text):
        check.problem(node, f"'{text}' is not a DOI (expected something like 10.1002/14651858.CD000000.pub2)")
        return None
    if doi_version(text) > MAX_VERSION:
        check.problem(node, f"'{text}' names version {doi_version(text):,}; plainsum reads versions up to .pub{MAX_VERSION}")
        return None
    return text
