"""Figures printed as Cochrane prints them: a true minus sign (U+2212) in negative numbers
("MD \u22120.21, 95% CI \u22120.42 to 0.00") and an en dash in numeric ranges ("18\u201365 years").

Applied to the html, pdf and md outputs (text and submission systems keep the hyphen-minus as
typed); `[typography]` in plainsum.toml switches either off. Only text is changed: never tags and
their attributes, code, link targets, dates written as 2018-01-31 or names such as COVID-19.
"""

from __future__ import annotations

import re

MINUS = "\u2212"
EN_DASH = "\u2013"
# a hyphen-minus that starts a number: after a space, a bracket or punctuation, never inside a word
NEGATIVE = re.compile(r"(?<![\w.\-\u2013/=&#%])-(?=\d)")
# a range of two numbers in one token: 18-65, 0.5-1.5 (not 2018-01-31, not 1-2-3)
RANGE = re.compile(r"(?<![\w./:\-\u2212])(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)(?![\w./:\-]|-\d)")
HTML_SKIP = re.compile(r"(<(code|pre|script|style)\b.*?</\2>|<[^>]*>)", re.S | re.I)
MD_SKIP = re.compile(r"(`[^`]*`|\]\([^)]*\)|<[^>\s]+>)")


def text_figures(text: str, minus: bool = True, ranges: bool = True) -> str:
    """Plain text with its negative numbers and ranges set (no markup inside)."""
    if "-" not in text:
        return text
    if ranges:
        text = RANGE.sub(lambda m: f"{m.group(1)}{EN_DASH}{m.group(2)}", text)
    if minus:
        text = NEGATIVE.sub(MINUS, text)
    return text


def _outside(pattern: re.Pattern[str], text: str, minus: bool, ranges: bool) -> str:
    if "-" not in text or not (minus or ranges):
        return text
    pieces = []
    cursor = 0
    for match in pattern.finditer(text):
        pieces.append(text_figures(text[cursor : match.start()], minus, ranges))
        pieces.append(match.group(0))
        cursor = match.end()
    pieces.append(text_figures(text[cursor:], minus, ranges))
    return "".join(pieces)


def html_figures(html: str, minus: bool = True, ranges: bool = True) -> str:
    """HTML with the text between its tags set; tags, attributes and code untouched."""
    return _outside(HTML_SKIP, html, minus, ranges)


def markdown_figures(text: str, minus: bool = True, ranges: bool = True) -> str:
    """Markdown with its text set; code spans, link targets and autolinks untouched."""
    return _outside(MD_SKIP, text, minus, ranges)
