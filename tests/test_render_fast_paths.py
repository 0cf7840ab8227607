"""The build's shortcuts change no output: Markdown's inline pass skips only texts no inline pattern
can match, and keep_together skips only texts without a digit (issue 28)."""

from __future__ import annotations

import markdown
import pytest
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension

from plainsum.document_formats import typography
from plainsum.render import markup

TEXTS = [
    "Plain prose on one line.",
    "Two lines\nof prose.",
    "A line break  \nhere.",
    "Some *emphasis*, **strong**, _under_ and __double__ and snake_case and 2*3 and 2 * 3.",
    "Code `x < y` and \\*escaped\\* and a backslash \\ alone.",
    "A [link](https://example.org 'title') and [ref][r] and ![image](x.png).\n\n[r]: https://example.org/ref",
    "An autolink <https://example.org> and <someone@example.org> and a < b > c.",
    "Entities &amp; &#169; &copy; and a bare & sign.",
    "# Heading with *emphasis*\n\n- item one\n- item *two*\n\n1. first\n2. second\n\n> quoted `code`",
    "| a | b |\n| --- | --- |\n| *x* | 1 < 2 |\n| plain | text |",
    "<script>alert(1)</script> and <b>bold</b>",
    "    indented code with *stars*\n\nafter",
    "```\nfenced *not emphasis*\n```",
    "Ünïcödé text — with dashes – and quotes “ ” and no markup",
]


def _stock_html(text: str) -> str:
    md = markdown.Markdown(extensions=[SaneListExtension(), TableExtension()], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    import nh3

    return nh3.clean(md.convert(text), tags=markup.ALLOWED_TAGS, attributes=markup.ALLOWED_ATTRIBUTES,
                     url_schemes=markup.ALLOWED_SCHEMES, link_rel="noopener noreferrer")


def test_markdown_uses_the_skipping_inline_processor() -> None:
    assert type(markup._MD.treeprocessors["inline"]).__name__ == "_PlainTextSkippingInline"


@pytest.mark.parametrize("text", TEXTS)
def test_markdown_output_is_python_markdowns(text: str) -> None:
    markup.to_html.cache_clear()
    assert markup.to_html(text) == _stock_html(text)


@pytest.mark.parametrize("text", [
    "no digits at all, COVID and March", "3 March 2022", "RR 0.98, 95% CI 0.94 to 1.02", "5 mg daily",
    "per 1000 people", "COVID-19 and SARS-CoV-2", "March 2022", "in 12 studies", "no number here", "",
])
def test_keep_together_without_a_digit_is_unchanged_and_with_one_as_before(text: str) -> None:
    kept = typography.keep_together(text)
    html = typography.keep_together_html(f"<p>{text}</p>")
    if not any(ch.isdigit() for ch in text):
        assert kept == text and html == f"<p>{text}</p>"
    else:
        assert kept != text or html != f"<p>{text}</p>" or text == ""
