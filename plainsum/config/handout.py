"""[handout]: what a PDF handout (and the HTML page) carries besides the document (docs/build.md)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from plainsum.config.schema import BODY_SIZE, PAPER_SIZES, QUESTIONS_HEADING

HANDOUT_KEYS = ("body_size", "organisation", "logo", "logo_alt", "contact", "questions", "questions_heading", "printed_on")
_ASSET_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


@dataclass(frozen=True)
class Handout:
    body_size: float = BODY_SIZE  # points
    organisation: str | None = None
    logo: str | None = None  # a file name under templates/assets/
    logo_alt: str | None = None  # the logo's text alternative (default: the organisation's name)
    contact: str | None = None
    questions: tuple[str, ...] = field(default_factory=tuple)
    questions_heading: str = QUESTIONS_HEADING
    printed_on: bool = False  # print the date the handout was made


Bad = Callable[[tuple[str, ...], str | None, str], None]


def parse_paper(value: Any, bad: Bad) -> tuple[str, ...]:
    """`paper = "a4"` or `paper = ["a4", "letter"]`: the page sizes every build writes."""
    sizes = [value] if isinstance(value, str) else value
    if not isinstance(sizes, list) or not sizes or not all(isinstance(size, str) for size in sizes):
        bad((), "paper", "'paper' must be a page size or a list of them, for example [\"a4\", \"letter\"]")
        return ("a4",)
    unknown = [size for size in sizes if size not in PAPER_SIZES]
    if unknown:
        bad((), "paper", f"'paper' must be one of {', '.join(PAPER_SIZES)}, not {unknown[0]!r}")
        return ("a4",)
    if len(set(sizes)) != len(sizes):
        bad((), "paper", f"'paper' names a size twice: {sizes}")
        return ("a4",)
    return tuple(sizes)


def parse_handout(raw: Any, bad: Bad) -> Handout:
    table = ("handout",)
    if not isinstance(raw, dict):
        bad((), "handout", "'handout' must be a table: [handout]")
        return Handout()
    from plainsum.config.keys import check_keys, check_value
    from plainsum.config.schema import TABLE_UNKNOWN, declaration

    declared = declaration().key("handout")
    size_key = declared.key("body_size") if declared is not None else None
    assert declared is not None and size_key is not None
    check_keys(declared, raw, table, bad, TABLE_UNKNOWN["handout"])
    values: dict[str, Any] = {}
    size = raw.get("body_size", Handout.body_size)
    if check_value(size_key, size, table, bad):
        values["body_size"] = float(size)
    for key in ("organisation", "logo_alt", "contact", "questions_heading"):
        if key in raw:
            text = raw[key]
            if not isinstance(text, str) or not text.strip():
                bad(table, key, f"'{key}' must be text")
            else:
                values[key] = text.strip()
    if "logo" in raw:
        logo = raw["logo"]
        if not isinstance(logo, str) or not _ASSET_NAME.fullmatch(logo) or ".." in logo:
            bad(table, "logo", "'logo' must be the name of a file in templates/assets/, for example \"logo.png\"")
        else:
            values["logo"] = logo
    if "questions" in raw:
        questions = raw["questions"]
        if not isinstance(questions, list) or not all(isinstance(q, str) and q.strip() for q in questions):
            bad(table, "questions", "'questions' must be a list of questions as text")
        else:
            values["questions"] = tuple(q.strip() for q in questions)
    if "printed_on" in raw:
        if not isinstance(raw["printed_on"], bool):
            bad(table, "printed_on", "'printed_on' must be true or false")
        else:
            values["printed_on"] = raw["printed_on"]
    if "logo" in values and "logo_alt" not in values and "organisation" not in values:
        bad(table, "logo", "a logo needs a text alternative: set 'logo_alt' (or 'organisation')")
    return Handout(**values)
