"""What a printed page must not do, read from WeasyPrint's layout of a handout: leave a heading,
an icon array's sentence or a caption alone at the foot of a page, split a figure, or break a
line inside a word, a number, a date or a name such as COVID-19. Used by tests/test_print_layout.py."""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import pairwise
from pathlib import Path
from typing import Any

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
MEASURES = {"RR", "OR", "HR", "MD", "SMD", "RD", "IRR", "RtR", "CI", "IC", "KI", "NNT", "NNTB", "NNTH"}
MONTHS = re.compile(
    r"(?i)^(january|february|march|april|may|june|july|august|september|october|november|december|enero|febrero|marzo|abril|"
    r"mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janvier|février|mars|avril|mai|juin|juillet|août|"
    r"septembre|octobre|novembre|décembre|de)\b"
)


NAME = re.compile(r"[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*-\d+[A-Za-z0-9]*(?:-[A-Za-z]+)*")  # COVID-19, SARS-CoV-2


def layout(html: str, template_dirs: list[Path]) -> Any:
    """The handout as WeasyPrint lays it out (the same fetcher and stylesheets as plainsum's PDF)."""
    from plainsum.document_formats.pdf import asset_dirs, load_weasyprint, make_url_fetcher

    load_weasyprint()
    from weasyprint import HTML

    base = asset_dirs(template_dirs)[0]
    return HTML(string=html, base_url=base.as_uri() + "/", url_fetcher=make_url_fetcher(template_dirs)).render()


def _pages_of(document: Any) -> tuple[dict[Any, set[int]], list[Any]]:
    pages: dict[Any, set[int]] = defaultdict(set)
    root = None
    for number, page in enumerate(document.pages):
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            if element is not None and not _empty(box):
                pages[element].add(number)
                if box.element_tag == "html":
                    root = element
    order = list(root.iter()) if root is not None else []
    return pages, order


def _empty(box: Any) -> bool:
    """A box that prints nothing (an empty anonymous block between two others)."""
    return box.width == 0 and box.height == 0


def _label(element: Any) -> str:
    text = " ".join("".join(element.itertext()).split())
    return f"<{element.tag}> {text[:60]!r}"


def stranded(document: Any) -> list[str]:
    """A heading whose next element starts on a later page, a sentence that leads into a figure on
    a later page, a figure on two pages, a caption apart from what it captions."""
    pages, order = _pages_of(document)
    problems = []
    position = {element: index for index, element in enumerate(order)}
    parents = {child: parent for parent in order for child in parent}
    for element in order:
        if element not in pages:
            continue
        tag = element.tag
        if tag in HEADINGS:
            after = _next_content(element, order, position, pages)
            if after is not None and min(pages[after]) > max(pages[element]):
                problems.append(f"{_label(element)} ends page {max(pages[element]) + 1} alone ({_label(after)} starts the next)")
        if tag == "figure":
            classes = (element.get("class") or "").split()
            if "icon-array" in classes and len(pages[element]) > 1:
                problems.append(f"{_label(element)} is split across pages {sorted(p + 1 for p in pages[element])}")
            before = _previous_sibling(element, parents)
            if before is not None and before in pages and before.tag == "p" and max(pages[before]) < min(pages[element]):
                problems.append(f"{_label(before)} ends page {max(pages[before]) + 1}, its figure starts the next")
        if tag == "figcaption":
            before = _previous_sibling(element, parents)
            if before is not None and before in pages and max(pages[before]) < min(pages[element]):
                problems.append(f"{_label(element)} starts page {min(pages[element]) + 1} apart from its figure")
    for table in (element for element in order if element.tag == "table" and element in pages):
        caption = next((child for child in table if child.tag == "caption"), None)
        body = next((child for child in table if child.tag == "tbody"), None)
        first_row = next(iter(body), None) if body is not None else None
        if caption in pages and first_row in pages and max(pages[caption]) < min(pages[first_row]):
            problems.append(f"{_label(caption)} ends page {max(pages[caption]) + 1} apart from its table's rows")
    return problems


def _previous_sibling(element: Any, parents: dict[Any, Any]) -> Any:
    parent = parents.get(element)
    if parent is None:
        return None
    children = list(parent)
    index = children.index(element)
    return children[index - 1] if index else None


def _next_content(element: Any, order: list[Any], position: dict[Any, int], pages: dict[Any, set[int]]) -> Any:
    inside = set(element.iter())
    for other in order[position[element] + 1 :]:
        if other not in inside and other in pages:
            return other
    return None


def _line_text(line: Any) -> str:
    from weasyprint.formatting_structure.boxes import TextBox

    return "".join(box.text for box in line.descendants() if isinstance(box, TextBox))


def broken_lines(document: Any) -> list[str]:
    """Two lines of one block that break inside a word or a number, between a measure and its value
    (RR / 0.98), inside a date (3 / March 2022) or after the hyphen of a name (COVID- / 19)."""
    from weasyprint.formatting_structure.boxes import LineBox

    lines: dict[Any, list[str]] = defaultdict(list)
    for page in document.pages:
        for box in page._page_box.descendants():
            if isinstance(box, LineBox) and box.element is not None:
                lines[box.element].append(_line_text(box))
    problems = []
    for element, texts in lines.items():
        source = " ".join("".join(element.itertext()).replace("\u00a0", " ").split())
        for first, second in pairwise(texts):
            first, second = first.rstrip(), second.lstrip()
            if not first or not second:
                continue
            tail = re.search(r"(\S+)$", first).group(1)
            head = re.search(r"^(\S+)", second).group(1)
            why = ""
            if first[-1].isalnum() and second[0].isalnum() and (tail + head) in source and f"{tail} {head}" not in source:
                why = "inside a word or number"
            elif tail.rstrip(",.;:") in MEASURES and re.match(r"[\u2212\-+]?\d", head):
                why = "between a measure and its value"
            elif re.fullmatch(r"\d{1,2}\.?", tail) and MONTHS.match(head):
                why = "inside a date"
            elif tail.endswith("-") and NAME.fullmatch((tail + head).strip(".,;:?!()")):
                why = "after the hyphen of a name"
            if why:
                problems.append(f"<{element.tag}> breaks {why}: {first[-25:]!r} / {second[:25]!r}")
    return problems


def handouts(project: Path, paper: str) -> list[tuple[str, str, list[Path]]]:
    """(name, print HTML) of every document of the project's reviews and translations, as
    `plainsum build` renders its PDFs on `paper` (without writing them)."""
    import dataclasses

    from plainsum.build.tasks import link_languages
    from plainsum.content.loader import load_review
    from plainsum.content.translation import load_translation, translation_paths
    from plainsum.document_formats import RenderContext
    from plainsum.document_formats.pdf import html_for_print
    from plainsum.gate.settings import load_config
    from plainsum.project.flow import evaluate
    from plainsum.render.templates import TemplateSet

    config = dataclasses.replace(load_config(project), paper=(paper,))
    templates = TemplateSet(config.templates_dir)
    context = RenderContext(templates, config, published=("summary", "abstract"))
    found = []
    for path in sorted((project / "content").glob("*.yaml")):
        if "." in path.stem:  # a translation (<id>.<lang>.yaml): loaded with its review
            continue
        review = load_review(path, templates=templates)
        results = evaluate(review, templates, config, warnings=False)
        for translated in translation_paths(review.source.path):
            results += evaluate(load_translation(translated, review, templates.locale), templates, config, warnings=False)
        link_languages([r.document for r in results if r.document.kind == "summary"], templates)
        for result in results:
            name = f"{review.id}/{result.document.language}/{result.document.kind}"
            found.append((name, html_for_print(result.document, result.scored, context), templates.dirs))
    return found


def fill(document: Any) -> list[float]:
    """How full each page is: the bottom of its lowest line or figure over the page's content height."""
    from weasyprint.formatting_structure.boxes import LineBox, ReplacedBox

    fractions = []
    for page in document.pages:
        box = page._page_box
        top = box.content_box_y()
        height = box.height
        bottom = top
        for child in box.descendants():
            if isinstance(child, (LineBox, ReplacedBox)):
                bottom = max(bottom, child.position_y + child.margin_height())
        fractions.append((bottom - top) / height)
    return fractions


def figure_heights_mm(pdf: Path) -> list[float]:
    """The height, in millimetres, of every person an icon array draws in a PDF, measured from the
    page's drawing operators: a figure is a circle (its head) followed by the path of its body."""
    import pikepdf

    heights = []
    with pikepdf.open(pdf) as document:
        for page in document.pages:
            boxes = _painted_paths(page)
            for head, body in pairwise(boxes):
                (hx0, hy0, hx1, hy1), (bx0, by0, bx1, by1) = head, body
                round_head = abs((hx1 - hx0) - (hy1 - hy0)) < 0.05 * (hx1 - hx0) + 0.01
                # the body is under the head (page y grows upwards), its bottom a straight edge; the top of
                # its box may overshoot (curve control points), so the figure spans head top to body bottom
                beneath = bx0 < (hx0 + hx1) / 2 < bx1 and by0 < hy0 < by1
                if round_head and beneath and (hx1 - hx0) < (bx1 - bx0) < 3 * (hx1 - hx0):
                    heights.append((hy1 - by0) * 25.4 / 72)
    return heights


def _painted_paths(page: Any) -> list[tuple[float, float, float, float]]:
    """The bounding box, in points on the page, of every path the page fills or strokes, in order."""
    from decimal import Decimal

    import pikepdf

    def multiply(a: list[float], b: list[float]) -> list[float]:
        return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2],
                a[2] * b[1] + a[3] * b[3], a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]

    matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    stack: list[list[float]] = []
    points: list[tuple[float, float]] = []
    boxes = []
    for operands, operator in pikepdf.parse_content_stream(page):
        name = str(operator)
        numbers = [float(value) for value in operands if isinstance(value, (int, float, Decimal))]
        if name == "q":
            stack.append(matrix)
        elif name == "Q":
            matrix = stack.pop() if stack else matrix
        elif name == "cm":
            matrix = multiply(numbers, matrix)
        elif name in ("m", "l", "c", "v", "y"):
            for x, y in zip(numbers[::2], numbers[1::2], strict=False):
                points.append((x * matrix[0] + y * matrix[2] + matrix[4], x * matrix[1] + y * matrix[3] + matrix[5]))
        elif name == "re":
            x, y, w, h = numbers
            for px, py in ((x, y), (x + w, y + h)):
                points.append((px * matrix[0] + py * matrix[2] + matrix[4], px * matrix[1] + py * matrix[3] + matrix[5]))
        elif name in ("f", "F", "f*", "B", "B*", "b", "b*", "S", "s"):
            if points:
                xs, ys = [p[0] for p in points], [p[1] for p in points]
                boxes.append((min(xs), min(ys), max(xs), max(ys)))
            points = []
        elif name == "n":
            points = []
    return boxes
