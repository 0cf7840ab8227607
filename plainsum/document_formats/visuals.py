"""Figures placed by the structure templates (a summary of findings table, an icon array), drawn by
each output format with its own partial template where the template put the figure's anchor.

The Markdown body that is scored and checked holds no figure; render.Document.figures says where
each one goes. A format puts a token paragraph at each place, converts the body, and replaces the
token with the figure as that format draws it, from `<format>/<figure name>.<ext>.j2`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

if TYPE_CHECKING:
    from plainsum.document_formats import RenderContext
    from plainsum.render.document import Document

TOKEN = "PLAINSUMFIGURE{}X"


def with_tokens(document: Document) -> str:
    """The body with a token paragraph where each figure goes."""
    body = document.body
    figures = document.figures
    if not figures:
        return body
    pieces = []
    cursor = 0
    for index, figure in enumerate(figures):
        pieces.append(body[cursor : figure.offset])
        pieces.append(f"\n\n{TOKEN.format(index)}\n\n")
        cursor = figure.offset
    pieces.append(body[cursor:])
    return "".join(pieces)


def replace_tokens(text: str, document: Document, draw: Callable[[int, Any], str], wrapped: tuple[str, str] = ("", "")) -> str:
    """`text` (the converted body) with each token, as `wrapped` by the conversion, replaced by its figure."""
    for index, figure in enumerate(document.figures):
        token = wrapped[0] + TOKEN.format(index) + wrapped[1]
        text = text.replace(token, draw(index, figure), 1)
    return text


def figure_context(document: Document, figure: Any, context: RenderContext) -> dict[str, Any]:
    """What a figure's partial template sees: the review, its results (views) and the figure's own."""
    review = document.review
    views = dict(review.facts.get("results", {})) if review is not None else {}
    chosen = [views[result_id] for result_id in figure.ids if result_id in views] if figure.ids else list(views.values())
    return {
        "review": review,
        "document": document,
        "figure": figure,
        "results": chosen,
        "result": chosen[0] if chosen else None,
        "rows": sof_rows(chosen),
        "icons": comparison_svg,
        "key_icon": key_svg,
    }


def draw(fmt: str, extension: str, document: Document, figure: Any, context: RenderContext) -> str:
    """One figure as `fmt` draws it; a format without a template for the figure leaves it out."""
    name = f"{fmt}/{figure.name}.{extension}.j2"
    if context.templates.find(name) is None:
        return ""
    template = context.templates.env_for(document.language).get_template(name)  # its words in the document's language
    return template.render(figure_context(document, figure, context)).strip()


def html_body(document: Document, context: RenderContext, to_html: Callable[[str], str]) -> str:
    """The body as HTML, its figures drawn by the html partial templates, its figures' typography set."""
    from plainsum.document_formats.typography import html_figures, keep_together_html

    html = to_html(with_tokens(document))
    if document.figures:
        html = replace_tokens(html, document, lambda _, figure: draw("html", "html", document, figure, context), ("<p>", "</p>"))
    return keep_together_html(html_figures(html, context.config.minus, context.config.ranges))


def markdown_body(document: Document, context: RenderContext) -> str:
    """The body as Markdown with its figures drawn by the md partial templates, typography set."""
    from plainsum.document_formats.typography import markdown_figures

    body = with_tokens(document)
    if document.figures:
        body = replace_tokens(body, document, lambda _, figure: draw("md", "md", document, figure, context))
        body = re.sub(r"\n{3,}", "\n\n", body)
    return markdown_figures(body, context.config.minus, context.config.ranges)


def text_body(document: Document, context: RenderContext, to_text: Callable[[str], str]) -> str:
    """The body as plain text with its figures drawn by the txt partial templates (hyphens as typed)."""
    text = to_text(with_tokens(document))
    if document.figures:
        text = replace_tokens(text, document, lambda _, figure: draw("txt", "txt", document, figure, context))
        text = re.sub(r"\n{3,}", "\n\n", text)
    return text


# --- the summary of findings table, as rows of printed cells ------------------------------------

CERTAINTY_MARKS = {"high": 4, "moderate": 3, "low": 2, "very low": 1}


def _signed(text: str, minus: str) -> str:
    return text.replace("-", minus) if text.startswith("-") else text


def sof_rows(results: list[Any], minus: str = "-") -> list[dict[str, Any]]:
    """Each result as the cells of a summary of findings row (GRADE guidelines 12, Guyatt et al. 2013)."""
    from plainsum.words.numbers import singular, thousands

    rows = []
    for view in results:
        data = view.data
        absolute = view.absolute
        study_word = data.study_word if data.studies != 1 else singular(data.study_word)
        ratio = absolute is not None
        estimate = f"{data.measure} {_signed(data.estimate, minus)} ({_signed(data.ci_low, minus)} to {_signed(data.ci_high, minus)})"
        rows.append({
            "id": data.id,
            "outcome": data.outcome.technical[:1].upper() + data.outcome.technical[1:],
            "control": absolute.control_text() if ratio else None,
            "intervention": absolute.intervention_text() if ratio else None,
            "difference": absolute.difference_text() if ratio else (None if _is_ratio(data.measure) else estimate),
            "relative": estimate if _is_ratio(data.measure) else None,
            "participants": f"{thousands(data.participants)} ({data.studies} {study_word})",
            "certainty": data.certainty,
            "marks": CERTAINTY_MARKS[data.certainty],
            "comment": data.comment or view.technical_clause,
            "capped": bool(absolute and absolute.capped),
        })
    return rows


def _is_ratio(measure: str) -> bool:
    from plainsum.grade.results import RATIO_MEASURES

    return measure.lower() in RATIO_MEASURES


# --- icon arrays ----------------------------------------------------------------------------------

# One person in a 10 x 10 cell, 9.5 units tall: a head and shoulders that touch, so each figure is
# one shape however it is printed.
PERSON = '<circle cx="5" cy="2.3" r="2"/><path d="M1.9 9.8V7.2a3.1 3.1 0 0 1 6.2 0V9.8z"/>'
INK = "#1b1b1b"
ACCENT = "#1f5f99"


def comparison_svg(both: int, changed: int, per: int, element_id: str, title: str) -> Markup:
    """`per` people (100 as 10 x 10, 1000 as 40 x 25) in reading order: `both` solid (the event
    happens with or without the intervention), then `changed` hatched in the accent colour (it
    happens in one group only: the extra or the fewer people), then the rest outlined. Solid,
    hatched and outlined differ in shape as well as colour, so the array reads in black and white.

    Every figure is drawn where it stands (a `<use>` of one drawn figure), not as a tiled pattern
    over a row: a PDF renderer may round a row pattern's tile to whole pixels, and then the figures
    drift across the row (poppler at 300 dpi)."""
    columns = 10 if per <= 100 else 40
    rows = per // columns
    both = max(0, min(both, per))
    changed = max(0, min(changed, per - both))
    cell, line = 10, 10.5  # a little air between the rows: a head does not touch the shoulders above it
    width, height = columns * cell, round(rows * line)
    kinds = ("solid", "hatched", "empty")
    ids = {kind: f"{element_id}-{kind}" for kind in kinds}
    counts = {"solid": both, "hatched": changed, "empty": per - both - changed}
    defs = (
        _hatch(f"{element_id}-hatch") +
        f'<g id="{ids["solid"]}" fill="{INK}">{PERSON}</g>'
        f'<g id="{ids["hatched"]}" fill="url(#{element_id}-hatch)" stroke="{ACCENT}" stroke-width="0.7">{PERSON}</g>'
        f'<g id="{ids["empty"]}" fill="#ffffff" stroke="#5a5a5a" stroke-width="0.6">{PERSON}</g>'
    )
    drawn = []
    index = 0
    for kind in kinds:
        for _ in range(counts[kind]):
            row, column = divmod(index, columns)
            x = f' x="{column * cell}"' if column else ""
            y = f' y="{row * line:g}"' if row else ""
            drawn.append(f'<use href="#{ids[kind]}"{x}{y}/>')
            index += 1
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width * 2}" height="{height * 2}" '
        f'role="img" aria-labelledby="{element_id}-title" class="icons per-{per}">'
        f'<title id="{element_id}-title">{escape(title)}</title>'
        f"<defs>{defs}</defs>{''.join(drawn)}</svg>"
    )


def _hatch(pattern_id: str) -> str:
    return (f'<pattern id="{pattern_id}" width="2.4" height="2.4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
            f'<rect width="2.4" height="2.4" fill="#ffffff"/><rect width="1.3" height="2.4" fill="{ACCENT}"/></pattern>')


def key_svg(kind: str, element_id: str, title: str) -> Markup:
    """One figure of a kind, for the array's key, named by `title` ("Solid figure"): a PDF tags
    it as a figure, and a figure needs a text alternative (PDF/UA-1, 7.3)."""
    hatch = f"{element_id}-key-hatch"
    styles = {
        "solid": f'fill="{INK}"',
        "hatched": f'fill="url(#{hatch})" stroke="{ACCENT}" stroke-width="0.7"',
        "empty": 'fill="#ffffff" stroke="#5a5a5a" stroke-width="0.6"',
    }
    defs = f"<defs>{_hatch(hatch)}</defs>" if kind == "hatched" else ""
    key_id = f"{element_id}-key-{kind}"
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="20" height="20" role="img" aria-labelledby="{key_id}">'
        f'<title id="{key_id}">{escape(title)}</title>{defs}<g {styles[kind]}>{PERSON}</g></svg>'
    )
