"""Standalone HTML: one file, styles inlined, no external requests, one h1 and ordered headings."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from plainsum.content.locale import Locale
    from plainsum.readability.score import Scored
    from plainsum.render.document import Document
    from plainsum.render.templates import TemplateSet

import base64
import datetime
import mimetypes
import os
import re

from markupsafe import Markup, escape

from plainsum.document_formats import Format, RenderContext, draft_notice, template_for
from plainsum.document_formats.typography import HTML_NO_SPAN, keep_together_html, split_outside
from plainsum.errors import InputError, Problem, display_path

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
    if _in_order(html, top):
        return html  # each heading would be written as it is (most bodies: the sub and its calls cost twice the reading)
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


def _in_order(html: str, top: int) -> bool:
    """Whether ordered_headings would write every heading tag of `html` as it is: each opening tag at the level it
    would be given, each closing tag at the level of the heading it closes and without attributes."""
    previous = top
    current = top + 1
    for match in _HEADING_TAG.finditer(html):
        closing, level, attributes = match.groups()
        if closing:
            if int(level) != current or attributes is not None:
                return False
            continue
        current = max(top + 1, min(int(level), previous + 1))
        if current != int(level):
            return False
        previous = current
    return True


def month_year(value: object) -> str | None:
    if isinstance(value, datetime.date):
        return f"{MONTHS[value.month - 1]} {value.year}"
    return None


def _month_text(value: object) -> str | None:
    if isinstance(value, str) and re.fullmatch(r"({}) \d{{4}}".format("|".join(MONTHS)), value.strip()):
        return value.strip()
    return None


def kind_label(kind: str, trial: bool = False) -> str:
    """What the page says it is; a trial's results (kind trial-results) are named as EU law names them."""
    if trial:
        return "Summary of clinical trial results for laypersons" if kind == "summary" else "Technical summary of trial results"
    return "Plain language summary" if kind == "summary" else "Abstract"


def _is_trial(review: object) -> bool:
    kind = getattr(review, "kind", None)
    return getattr(kind, "name", None) == "trial-results"


# A sentence that already says how current the evidence is: "The evidence is current to May
# 2016", "We searched for studies up to 18 March 2020", "up to date as of October 2018".
# A sentence here is a run of text without . ? or !: a currency word, then a year, in one run.
# (a lookahead on the first letters of the words, case folded as they are: the scan passes the other
# places without trying the words there, 0.6x the time)
_CURRENCY_WORD = re.compile(r"(?=[ucs])\b(?:up to date|current|search(?:ed|es)?|searching)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_SENTENCE_END = re.compile(r"[.?!]")
_KEY_MESSAGES = re.compile(r"(<h2[^>]*>\s*Key messages\s*</h2>)(.*?)(?=<h2[\s>]|$)", re.IGNORECASE | re.DOTALL)


def states_currency(body: str) -> bool:
    """Whether the document's own text says when the evidence was searched or is current to."""
    # Found word by word, not with one pattern that starts a sentence at every character (quadratic
    # in a long run without a full stop, and a fifth of a whole html build's time).
    # the pattern ignores case: besides their upper and lower cases, the words' letters match only the long s (as s);
    # a text whose lower case is not one character for one (a dotted capital I) is scanned as before
    lowered = body.lower().replace("\u017f", "s")
    for word in _CURRENCY_WORD.finditer(body) if len(lowered) != len(body) else _words(body, lowered):
        end = _SENTENCE_END.search(body, word.end())
        if _YEAR.search(body, word.end(), end.start() if end else len(body)):
            return True
    return False


_CURRENCY_STARTS = ("search", "current", "up to date")  # each _CURRENCY_WORD starts with one, in lower case


def _words(body: str, lowered: str) -> Iterator[re.Match[str]]:
    """_CURRENCY_WORD's matches in `body` (in another order, which states_currency's answer does not depend on), each
    tried only where `lowered`, its characters one for one in lower case, holds a word's start: str.find, a C search,
    where the pattern's scan read every character (2% of a build)."""
    for start in _CURRENCY_STARTS:
        at = lowered.find(start)
        while at >= 0:
            word = _CURRENCY_WORD.match(body, at)
            if word is not None:
                yield word
            at = lowered.find(start, at + 1)


def mark_source_title(html: str, title: str, language: str) -> str:
    """`html` with the review's title, where its text shows it (a translated trial page's "Full title"),
    marked as written in `language`, the review's own (WCAG 2.2 success criterion 3.1.2, language of
    parts): a screen reader then reads it with that language's voice. Only text where a span may go is changed
    (typography's HTML_NO_SPAN: not inside a tag, code or an svg)."""
    escaped = str(escape(title))
    if not escaped or escaped not in html:
        return html
    marked = str(Markup('<span lang="{}">{}</span>').format(language, title))
    parts = split_outside(HTML_NO_SPAN, html)
    parts[0::2] = [piece.replace(escaped, marked) for piece in parts[0::2]]
    return "".join(parts)


def box_key_messages(html: str) -> str:
    """Set the "Key messages" section apart, as cochrane.org does, in a labelled section."""
    def boxed(match: re.Match[str]) -> str:
        heading = match.group(1).replace("<h2", '<h2 id="key-messages"', 1) if " id=" not in match.group(1) else match.group(1)
        return f'<section class="key-messages" aria-labelledby="key-messages">{heading}{match.group(2)}</section>\n'

    return _KEY_MESSAGES.sub(boxed, html, count=1)


_TABLE = re.compile(r"<table[\s>].*?</table>", re.DOTALL)


def scroll_tables(html: str) -> str:
    """Wide tables scroll inside their own box (keyboard-focusable), not the whole page."""
    return _TABLE.sub(lambda match: f'<div class="table-scroll" tabindex="0">{match.group(0)}</div>', html)


def printed_on(long_date: Callable[[datetime.date], str] | None = None) -> str:
    """Today's date, or SOURCE_DATE_EPOCH's when set (reproducible builds), written by `long_date`
    (a language's: "2 de diciembre de 2026"), or as English writes it."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    day = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date() if epoch and epoch.isdigit() else datetime.date.today()
    return long_date(day) if long_date is not None else f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _logo_source(context: RenderContext, media: str) -> str | None:
    """The logo's URL: its file name for the PDF renderer (which reads templates/assets), inline for a page."""
    name = context.config.handout.logo
    if name is None:
        return None
    path = context.templates.find(f"assets/{name}")
    if path is None:
        raise InputError([Problem(context.config.source or "plainsum.toml", 1, 1,
                                  f"the [handout] logo {name!r} is not in templates/assets/")])
    if media == "print":
        return name
    media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    from plainsum.files.safeopen import read_confined

    data = read_confined(path, display_path(path), 5_000_000)  # never through a link out of the project
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"


def page_context(document: Document, scored: Scored | None, context: RenderContext, media: str = "screen") -> dict[str, object]:
    from plainsum.render.markup import to_html

    review = document.review
    evidence_date = None
    language = document.language
    templates = context.templates
    if review is not None:
        search_date = review.facts.get("search_date")
        if templates.has_language(language) and isinstance(search_date, datetime.date):
            evidence_date = templates.locale(language).month_year(search_date)
        else:
            # `search_month` ("April 2007") is what importers write when the day is not known
            evidence_date = month_year(search_date) or _month_text(review.facts.get("search_month"))
    if evidence_date and (states_currency(document.body) or _says_up_to_date(document, templates)):
        evidence_date = None  # the text already says it: once is enough
    handout = context.config.handout
    locale = templates.locale(language) if language != "en" and templates.has_language(language) else None
    return {
        "document": document,
        "review": review,
        "title": document.title,
        "heading": Markup(keep_together_html(str(escape(document.title)))),
        # a translation's page names the review by its title, in the review's language (marked as such)
        "review_title": (Markup('<span lang="{}">{}</span>').format(review.translation.review.language, review.title)
                         if review is not None and review.translation is not None else review.title if review is not None else ""),
        "kind_label": kind_label(document.kind, _is_trial(review)),
        "body": Markup(scroll_tables(box_key_messages(ordered_headings(_body_html(document, context, to_html))))),
        "draft": document.draft,
        "draft_notice": draft_notice(document.kind),
        "figures": scored.figures if scored is not None else None,
        "evidence_date": Markup(keep_together_html(str(escape(evidence_date)))) if evidence_date else evidence_date,
        "alternates": document.extras.get("alternates", []),
        "hreflang": document.extras.get("hreflang", []),
        "style": Markup(templates.read("assets/style.css")),
        "media": media,
        "handout": handout,
        "logo": _logo_source(context, media),
        "printed_on": printed_on(locale.long_date if locale else None) if handout.printed_on and media == "print" else None,
        # a translation is one folder deeper (output/<id>/<lang>/summary.html)
        "index_href": context.index_href or ("../../" if review is not None and review.translation is not None else "../") + "index.html",
        "index_top": context.index_href is not None,  # the preview shows documents in frames: the index replaces the whole page
        "other_document": _other_document(document, context, locale),
    }


def _body_html(document: Document, context: RenderContext, to_html: Callable[[str], str]) -> str:
    from plainsum.document_formats.visuals import html_body

    html = html_body(document, context, to_html)
    review = document.review
    if review is not None and review.translation is not None and review.translation.review.language != document.language:
        html = mark_source_title(html, review.title, review.translation.review.language)
    return html


def _other_document(document: Document, context: RenderContext, locale: Locale | None) -> dict[str, str] | None:
    """The review's other document, for the page's links: a translated summary links to the
    review's abstract, in the review's language (named in the page's: "inglés")."""
    review = document.review
    other = "abstract" if document.kind == "summary" else "summary"
    if review is None or other not in context.published:
        return None
    translated = review.translation is not None
    language = review.translation.review.language if review.translation is not None else review.language
    return {
        "href": ("../" if translated else "") + f"{other}.html",
        "kind": other,
        "label": kind_label(other, _is_trial(review)),
        "language": language,
        "language_name": locale.language_name(language) if locale is not None else language,
    }


def _says_up_to_date(document: Document, templates: TemplateSet) -> bool:
    """Whether the body already says how up to date the evidence is, in the document's language."""
    sentence = "The evidence is up to date to %(date)s."
    if templates.has_language(document.language):
        sentence = templates.locale(document.language).gettext(sentence)
    opening = sentence.split("%(date)s")[0].strip()
    return bool(opening) and opening in document.body


def render(document: Document, scored: Scored | None, context: RenderContext) -> bytes:
    template = context.templates.env_for(document.language).get_template(template_for("html", document, context.templates, "html"))
    return template.render(page_context(document, scored, context)).encode("utf-8")


FORMAT = Format("html", "html", "standalone, accessible HTML page", render)
