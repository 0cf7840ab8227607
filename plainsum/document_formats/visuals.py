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

from markupsafe import Markup

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
        "icons": icon_svg,
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
    from plainsum.document_formats.typography import html_figures

    html = to_html(with_tokens(document))
    if document.figures:
        html = replace_tokens(html, document, lambda _, figure: draw("html", "html", document, figure, context), ("<p>", "</p>"))
    return html_figures(html, context.config.minus, context.config.ranges)


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

# One figure in a 10 x 10 cell: a head and shoulders.
PERSON = '<circle cx="5" cy="2.7" r="1.8"/><path d="M2.3 9.5V6.9a2.7 2.7 0 0 1 5.4 0V9.5z"/>'


def icon_svg(count: int, per: int, element_id: str, title: str) -> Markup:
    """`per` figures (100 as 10 x 10, 1000 as 40 x 25), the first `count` filled in reading order.

    Filled figures are solid and the others outlined, so the array reads without colour. Every
    figure is drawn where it stands (a `<use>` of one drawn figure; whole rows are one row drawn
    once and used again), not as a tiled pattern: a PDF renderer may round a pattern's tile to
    whole pixels, and then the figures drift across the row and the last column is cut off
    (poppler at 300 dpi: 18.75 pixels drawn as 19, so the 40th column lost half its width)."""
    from markupsafe import escape

    columns = 10 if per == 100 else 40
    rows = per // columns
    count = max(0, min(count, per))
    full, rest = divmod(count, columns)
    cell = 10
    width, height = columns * cell, rows * cell
    figure = {"filled": f"{element_id}-filled", "empty": f"{element_id}-empty"}
    row = {kind: f"{element_id}-{kind}-row" for kind in figure}

    def uses(kind: str, first: int, last: int, y: int | None = None) -> str:
        at = f' y="{y}"' if y else ""
        return "".join(f'<use href="#{figure[kind]}" x="{column * cell}"{at}/>' for column in range(first, last))

    rows_used = {"filled": full > 0, "empty": full + (1 if rest else 0) < rows}
    defs = (
        f'<g id="{figure["filled"]}" fill="#1b1b1b">{PERSON}</g>'
        f'<g id="{figure["empty"]}" fill="#ffffff" stroke="#5a5a5a" stroke-width="0.6">{PERSON}</g>'
        + "".join(f'<g id="{row[kind]}">{uses(kind, 0, columns)}</g>' for kind in ("filled", "empty") if rows_used[kind])
    )
    drawn = []
    for number in range(rows):
        y = number * cell
        at = f' y="{y}"' if y else ""
        if number < full:
            drawn.append(f'<use href="#{row["filled"]}"{at}/>')
        elif number == full and rest:
            drawn.append(uses("filled", 0, rest, y) + uses("empty", rest, columns, y))
        else:
            drawn.append(f'<use href="#{row["empty"]}"{at}/>')
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width * 0.6:g}" height="{height * 0.6:g}" '
        f'role="img" aria-labelledby="{element_id}-title" class="icons">'
        f'<title id="{element_id}-title">{escape(title)}</title>'
        f"<defs>{defs}</defs>{''.join(drawn)}</svg>"
    )
