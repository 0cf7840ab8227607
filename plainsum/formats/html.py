"""Standalone HTML: one file, styles inlined, no external requests, one h1 and ordered headings."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plainsum.readability import Scored
    from plainsum.render import Document

import datetime
import re

from markupsafe import Markup

from plainsum.formats import Format, RenderContext, template_for

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_HEADING_TAG = re.compile(r"<(/?)h([1-6])(\s[^>]*)?>")


def ordered_headings(html: str, top: int = 1) -> str:
    """Renumber the body's headings so none is another h1 and none skips a level.

    The page's own h1 is the title, so body headings start at h2; a heading may go at most one
    level deeper than the one before it (h2 then h4 becomes h2 then h3).
    """
    previous = top
    current = top + 1

    def renumber(match: re.Match[str]) -> str:
        nonlocal previous, current
        closing, level, attributes = match.group(1), int(match.group(2)), match.group(3) or ""
        if closing:
            return f"</h{current}>"
        current = max(top + 1, min(level, previous + 1))
        previous = current
        return f"<h{current}{attributes}>"

    return _HEADING_TAG.sub(renumber, html)


def month_year(value: object) -> str | None:
    if isinstance(value, datetime.date):
        return f"{MONTHS[value.month - 1]} {value.year}"
    return None


def _month_text(value: object) -> str | None:
    if isinstance(value, str) and re.fullmatch(r"({}) \d{{4}}".format("|".join(MONTHS)), value.strip()):
        return value.strip()
    return None


def kind_label(kind: str) -> str:
    return "Plain language summary" if kind == "summary" else "Abstract"


def page_context(document: Document, scored: Scored | None, context: RenderContext, media: str = "screen") -> dict[str, object]:
    from plainsum.formats.figures import html_body
    from plainsum.render import to_html  # Markdown and nh3: loaded only when a page is rendered

    review = document.review
    evidence_date = None
    if review is not None:
        # `search_month` ("April 2007") is what importers write when the day is not known
        evidence_date = month_year(review.facts.get("search_date")) or _month_text(review.facts.get("search_month"))
    if evidence_date and "up to date to" in document.body:
        evidence_date = None  # the layout already says it in the text
    return {
        "document": document,
        "review": review,
        "title": document.title,
        "kind_label": kind_label(document.kind),
        "body": Markup(ordered_headings(html_body(document, context, to_html))),
        "draft": document.draft,
        "figures": scored.figures if scored is not None else None,
        "evidence_date": evidence_date,
        "style": Markup(context.templates.read("assets/style.css")),
        "media": media,
    }


def render(document: Document, scored: Scored | None, context: RenderContext) -> bytes:
    template = context.templates.env.get_template(template_for("html", document, context.templates, "html"))
    return template.render(page_context(document, scored, context)).encode("utf-8")


FORMAT = Format("html", "html", "standalone, accessible HTML page", render)
