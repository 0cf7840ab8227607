"""plainsum import: turn what authors already have into content files.

Formats: plain text (`text`), Cochrane records in the corpus's JSON format (`cochrane-json`),
PubMed / MEDLINE XML (`pubmed-xml`), RevMan 5 review files (`revman`, .rm5), RevMan Web data packages
(`revman-web`, .zip: results only). Each input yields drafts (one per review) or, per review
it cannot handle, a Problem; one bad review never stops the others.
"""

from __future__ import annotations

import json
import re
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from plainsum.errors import InputError, Problem, display_path
from plainsum.files.yamlsource import decode_utf8, read_text
from plainsum.importers.model import BadAttribute, Draft, ImportFailure

FORMATS = ("text", "cochrane-json", "ctgov-json", "pubmed-xml", "revman", "revman-web")


@dataclass
class Imported:
    """One review read from an input: its content file text, or the problem that stopped it."""

    where: Problem | None  # set when the review could not be imported
    review_id: str | None = None
    yaml_text: str | None = None
    kind: str | None = None
    layout: str | None = None
    notes: tuple[str, ...] = ()
    origin: str = ""  # the file of the record
    origin_line: int = 1  # its line in that file

    @property
    def place(self) -> str:
        """file:line of the record, for a message that names it."""
        return f"{self.origin}:{self.origin_line}"

    def problem(self, message: str) -> Problem:
        return Problem(self.origin, self.origin_line, 1, message)


def detect_format(path: Path, head: str) -> str:
    name = path.name.lower()
    if name.endswith((".json", ".jsonl", ".jsonl.gz", ".json.gz", ".ndjson")):
        from plainsum.importers.ctgov import is_ctgov

        return "ctgov-json" if is_ctgov(head) else "cochrane-json"
    if name.endswith(".rm5"):
        return "revman"
    if name.endswith(".xml"):
        return "revman" if "<COCHRANE_REVIEW" in head else "pubmed-xml"
    start = head.lstrip()[:200]
    if start.startswith("<"):
        return "revman" if "<COCHRANE_REVIEW" in head else "pubmed-xml"
    if start.startswith(("{", "[")):
        from plainsum.importers.ctgov import is_ctgov

        return "ctgov-json" if is_ctgov(head) else "cochrane-json"
    return "text"


MAX_IMPORT_BYTES = 100_000_000  # an input file, after gunzip (the whole dev corpus is 21 MB)


def _read(path: Path) -> str:
    display = display_path(path)
    if path.is_dir():
        raise InputError([Problem(display, 1, 1, "is a folder; give the files to import")])
    if path.suffix == ".gz":
        import gzip

        try:
            with gzip.open(path, "rb") as stream:
                data = stream.read(MAX_IMPORT_BYTES + 1)
        except (OSError, EOFError) as exc:
            raise InputError([Problem(display, 1, 1, f"cannot read gzip file: {exc}")]) from None
        if len(data) > MAX_IMPORT_BYTES:
            raise InputError([Problem(display, 1, 1, f"the file unpacks to more than {MAX_IMPORT_BYTES:,} bytes, the limit for an import")])
        return decode_utf8(data, display)
    return read_text(path, display, MAX_IMPORT_BYTES, confined=False)


def _fail(display: str, line: int, column: int, message: str) -> NoReturn:
    raise InputError([Problem(display, line, column, message)])


def _from_draft(draft: Draft, origin: str, line: int = 1) -> Imported:
    from plainsum.importers.yamlwrite import draft_to_yaml

    return Imported(None, draft.id, draft_to_yaml(draft), draft.kind, draft.layout, tuple(draft.notes), origin, line)


def read_input(path: Path, fmt: str = "auto", kind: str | None = None, review_id: str | None = None) -> Iterator[Imported]:
    """Every review in one input file. Raises InputError when the file as a whole cannot be read."""
    display = display_path(path)
    if fmt == "revman-web" or (fmt == "auto" and path.suffix.lower() == ".zip"):
        yield _from_data_package(path, display, review_id)  # a ZIP: read as bytes, never unpacked to disk
        return
    if fmt == "revman" or (fmt == "auto" and path.suffix.lower() == ".rm5"):
        yield _from_revman(path, display, review_id)  # XML in the encoding it declares (RevMan: ISO-8859-1)
        return
    text = _read(path)
    chosen = detect_format(path, text[:400]) if fmt == "auto" else fmt
    if chosen == "revman":
        yield _from_revman(path, display, review_id)
        return
    if chosen == "text":
        from plainsum.importers.text import parse_text

        if not text.strip():
            _fail(display, 1, 1, "the file is empty")
        try:
            draft = parse_text(text, path.name, kind=kind, review_id=review_id)
        except ImportFailure as failure:
            _fail(display, 1, 1, f"cannot import: {failure}")
        yield _from_draft(draft, display)
    elif chosen == "cochrane-json":
        from plainsum.importers import cochrane_json

        try:
            records = list(cochrane_json.read_records(path, text))
        except json.JSONDecodeError as exc:
            _fail(display, exc.lineno, exc.colno, f"not valid JSON: {exc.msg}")
        except cochrane_json.TooDeep as exc:
            _fail(display, exc.line, 1, str(exc))
        if not records:
            _fail(display, 1, 1, "no records in the file")
        if review_id and len(records) > 1:
            _fail(display, 1, 1, f"--id names one review, but the file holds {len(records)} records")
        for line, record in records:
            try:
                draft = cochrane_json.record_to_draft(record)
            except ImportFailure as exc:
                doi = record.get("doi") if isinstance(record, dict) else None
                label = f"record {doi}" if doi else "record"
                yield Imported(Problem(display, line, 1, f"cannot import {label}: {exc}"))
                continue
            draft.source = f"{path.name} (DOI {draft.doi})" if draft.doi else path.name
            if review_id:
                draft.id = review_id
            yield _from_draft(draft, display, line)
    elif chosen == "ctgov-json":
        yield from _from_ctgov(text, display, review_id)
    elif chosen == "pubmed-xml":
        from plainsum.importers.pubmed import parse_pubmed

        try:
            drafts, failures = parse_pubmed(text, path.name, kind=kind)
        except ET.ParseError as exc:
            line, column = exc.position
            _fail(display, line, column + 1, f"not well-formed XML: {str(exc).split(':')[0]}")
        except ValueError as exc:
            _fail(display, 1, 1, str(exc))
        if review_id and len(drafts) + len(failures) > 1:
            _fail(display, 1, 1, f"--id names one review, but the file holds {len(drafts) + len(failures)} articles")
        for article in failures:
            pmid = f" (PMID {article.pmid})" if article.pmid else ""
            yield Imported(Problem(display, 1, 1, f"cannot import article {article.index}{pmid}: {article.message}"))
        for draft in drafts:
            if review_id:
                draft.id = review_id
            yield _from_draft(draft, display)
    else:
        raise ValueError(f"unknown import format {chosen!r}")


def _from_ctgov(text: str, display: str, review_id: str | None) -> Iterator[Imported]:
    """ClinicalTrials.gov study records with results (data API v2 JSON): one study or {"studies": [...]}."""
    from plainsum.importers import ctgov

    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        _fail(display, exc.lineno, exc.colno, f"not valid JSON: {exc.msg}")
    except RecursionError:
        _fail(display, 1, 1, "the JSON nests too deeply")
    found = ctgov.studies(data)
    if not found:
        _fail(display, 1, 1, "no ClinicalTrials.gov study record (an object with 'protocolSection') in the file")
    if review_id and len(found) > 1:
        _fail(display, 1, 1, f"--id names one trial, but the file holds {len(found)} studies")
    for study in found:
        try:
            draft = ctgov.study_to_draft(study, review_id)
        except ImportFailure as exc:
            yield Imported(Problem(display, 1, 1, f"cannot import: {exc}"))
            continue
        yield _from_draft(draft, display)


def _read_bytes(path: Path, display: str) -> bytes:
    """A binary input (a RevMan file, a data package), up to the import size limit."""
    if path.is_dir():
        _fail(display, 1, 1, "is a folder; give the files to import")
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_IMPORT_BYTES + 1)
    except OSError as exc:
        _fail(display, 1, 1, f"cannot read the file: {exc.strerror}")
    if len(data) > MAX_IMPORT_BYTES:
        _fail(display, 1, 1, f"the file is larger than {MAX_IMPORT_BYTES:,} bytes, the limit for an import")
    return data


def _from_revman(path: Path, display: str, review_id: str | None) -> Imported:
    from plainsum.importers.revman import parse_revman

    data = _read_bytes(path, display)
    try:
        draft = parse_revman(data, path.name, review_id=review_id)
    except ET.ParseError as exc:
        line, column = exc.position
        _fail(display, line, column + 1, f"not well-formed XML: {str(exc).split(':')[0]}")
    except LookupError as exc:  # the XML declaration names an encoding Python does not know
        line, column = _place(data, rb"""encoding\s*=""")
        _fail(display, line, column, f"cannot import: the XML declaration names an encoding plainsum cannot read ({exc})")
    except BadAttribute as failure:
        line, column = _place(data, re.escape(failure.name.encode()) + rb"""\s*=\s*["']""" + re.escape(failure.value.encode("latin-1", "replace")))
        _fail(display, line, column, f"cannot import: {failure}")
    except ImportFailure as failure:
        _fail(display, 1, 1, f"cannot import: {failure}")
    return _from_draft(draft, display)


def _place(data: bytes, pattern: bytes) -> tuple[int, int]:
    """Line and column (1-based, in bytes) of the first match of `pattern` in `data`; 1:1 if none."""
    found = re.search(pattern, data, re.IGNORECASE)
    if found is None:
        return 1, 1
    start = found.start()
    return data.count(b"\n", 0, start) + 1, start - (data.rfind(b"\n", 0, start) + 1) + 1


def _from_data_package(path: Path, display: str, review_id: str | None) -> Imported:
    from plainsum.importers.revman_web import parse_data_package

    data = _read_bytes(path, display)
    try:
        draft = parse_data_package(data, path.name, review_id=review_id)
    except ImportFailure as failure:
        _fail(display, 1, 1, f"cannot import: {failure}")
    return _from_draft(draft, display)


def validate(imported: Imported) -> list[Problem]:
    """Load the content file an import would write, exactly as `plainsum check` would."""
    from plainsum.content.loader import load_review

    assert imported.review_id is not None and imported.yaml_text is not None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{imported.review_id}.yaml"
        path.write_text(imported.yaml_text, encoding="utf-8")
        try:
            load_review(path)
        except InputError as error:
            return [imported.problem(f"imported review {imported.review_id} is not valid: {p.message}") for p in error.problems]
    return []
