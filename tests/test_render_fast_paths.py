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
    from plainsum.render import pymarkdown

    assert type(pymarkdown._MD.treeprocessors["inline"]).__name__ == "_PlainTextSkippingInline"


def test_the_link_and_entity_patterns_are_python_markdowns() -> None:
    from markdown import inlinepatterns

    assert (markup.ENTITY_RE, markup.AUTOLINK_RE, markup.AUTOMAIL_RE) == (
        inlinepatterns.ENTITY_RE, inlinepatterns.AUTOLINK_RE, inlinepatterns.AUTOMAIL_RE)


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


# Bodies of headings and one-line paragraphs that the build writes as HTML itself (markup._plain_html),
# and near misses that must go to Python-Markdown: the page is the same either way.
PLAIN_BODIES = [
    "## Background\n\nPlain prose on one line.\n",
    "# Title\n\n## Part\n\n### Deeper\n\n#### Four\n\n##### Five\n\n###### Six\n\nText with I² > 50% and n > 3.",
    "Prose first.\n\n## Then a heading with > in it\n\nSecond paragraph — “quoted” – dashes, 95% CI 0.9 to 1.2; #3 inside.",
    "Üñíçødé (parenthesised) start.\n\n‘Quoted’ start.\n\n• A bullet that Markdown does not know.\n\n2019 was the year.",
    "A paragraph with a non-breaking\u00a0space and a thin\u2009space.",
    "p < 0.05 and p<0.01, A & B, AT&T, 5 > 3, R&D and double  spaces inside.",
    "\\- a dash kept as text\n\n1\\. a number kept as text\n\n\\+ plus \\# hash \\! bang \\(round\\) \\. dot",
    "## Results \\- with an escape\n\n## Results & an ampersand",
    "Risk ratio [RR] 1.79, 95% confidence interval [CI] 0.98 to 3.28 [typical RR 0.13 (95% CI 0.03 to 0.63)].",
    "[Note: the one citation in the awaiting classification section may change the conclusions.]",
    "## Results [main]\n\nA [ and a ] apart, [[nested]] and [x] [y] and [x][y] and [x] (y).",
]
NEAR_MISSES = [
    "", "\n", "   ", "## Heading\n", "##Heading without a space\n\nText.", "####### Seven\n\nText.",
    "## Heading ##\n\nText.", "## Heading #\n\nText.", "Text\n\n\n\nafter three blank lines.", "Two lines\nof prose.",
    "Trailing space \n\nText.", " Leading space.", "\u00a0Leading no-break space.", "Text.\n\n", "Text\n===",
    "Title\n\n---", "1. first\n\n2. second", "3) third", "2019. A year and a full stop.", "- item", "+ item", "* item",
    "> quoted", "| a | b |", ": colon", "~~~\ncode\n~~~", "Tab\tinside.", "Carriage\rreturn.", "Form\x0cfeed.",
    "Text\x02with STX.", "A & B.", "A < B.", "[x]", "a_b", "a*b", "`code`", "back\\slash", "double  space",
    "    indented code", "## Heading\nText right under it.", "Text\n## Heading right under it.", "=== only",
    "Line one\u2028line two.", "\u0085Next line first.",
    "<https://example.org>", "<mailto:a@b.org>", "<a@b.org> wrote", "a <b@c.d> e", "&amp; an entity", "&#169; and &#x1F; and &#X1f;",
    "&copy", "&nbsp; here", "Tom &amp Jerry", "a\\<b", "a\\&b", "\\* star", "\\\\ double", "text \\", "\\", "\\a letter",
    "\\- x & y", "\\> gt", "## \\# not a heading", "## A & B < C", "## <http://x.org>", "a < b & c > d &lt; e",
    "Text <ftp://x> and more", "<x://y>", "x <y@z> and <1@2>",
    "[x](y)", "[x]()", "[x](<y>)", "![i](p.png)", "![i]", "[x]: http://e.org", "[x]\n\n[x]: http://e.org", "[x] [y]\n\n[y]: /u",
    "[x][y]\n\n[y]: /u", "[x]\n\n[X]:  /u 'title'", "a ![ b", "[a [b] c](d)", "[x]\\(y)", "\\[x](y)", "[<http://e.org>]",
    "[a & b]", "[&amp;]", "[x] <a@b.c>",
]


@pytest.mark.parametrize("text", PLAIN_BODIES + NEAR_MISSES)
def test_plain_bodies_written_directly_are_python_markdowns(text: str) -> None:
    markup.to_html.cache_clear()
    assert markup.to_html(text) == _stock_html(text)


@pytest.mark.parametrize("text", PLAIN_BODIES)
def test_plain_bodies_take_the_direct_way(text: str) -> None:
    assert markup._plain_html(text) is not None


def test_random_plain_looking_bodies_are_python_markdowns() -> None:
    import random

    rng = random.Random(28)
    starts = ["## ", "# ", "###### ", "Plain", "n", "1.5 times", "12 people", "“Quoted”", "é", "(a)", "'", "2019. ", "-", "#", ">"]
    pieces = [" text.", " > 3", " #3", " 2 #", "1.", ":", "=", "-", " ", "\u00a0", "é", "x", " (CI 1 to 2)", " < ", " & ", "&amp;",
              "\\-", "\\.", "\\x", "\\", "<a@b.c>", "<http://e.org>", "&#1;", "  ", "[", "]", "[x]", "(", "](", "]:", "![",
              " http://e.org", "\n\n[x]: /u", "[RR]"]
    direct = 0
    for _ in range(2000):
        blocks = [rng.choice(starts) + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 4))) for _ in range(rng.randint(1, 5))]
        text = rng.choice(["\n\n"] * 6 + ["\n", "\n\n\n"]).join(blocks) + rng.choice(["", "\n", "\n", "\n\n"])
        direct += markup._plain_html(text) is not None
        markup.to_html.cache_clear()
        assert markup.to_html(text) == _stock_html(text), repr(text)
    assert direct > 80  # the direct way was tried


_WHITESPACE = "".join(chr(code) for code in range(0x3001) if chr(code).isspace())


@pytest.mark.parametrize("text", [
    *TEXTS, "", " ", "plain", "a  b", "a b", "a\tb", "a \tb", "a\u00a0b", "a\u00a0 b", "a \u2009b", "a\u3000\u3000b",
    "caf\u00e9 \u2014 na\u00efve", "end\n", "x\u2028y", "x\u2028\u2029y", "\u00a0", "a\u00a0\u00a0", "snake_case", "a\\b",
    *(f"a{left}{right}b" for left in _WHITESPACE for right in _WHITESPACE),
    *(f"a{space}b" for space in _WHITESPACE),
])
def test_inline_markup_test_is_the_regular_expression(text: str) -> None:
    """_has_inline_markup answers as INLINE_MARKUP.search does, for every pair of whitespace characters too."""
    assert markup._has_inline_markup(text) == (markup.INLINE_MARKUP.search(text) is not None)


# The patterns as they read most plainly: a boundary or lookahead first. typography's own start with a letter
# (what must not come before it checked after it) so that the scan skips in C to the next place they can match.
PLAIN_MEASURE = r"\b(?:RR|OR|HR|MD|SMD|RD|IRR|RtR|RRR|ARR|NNTB|NNTH|NNT|CI|IC|KI|p|P|I²)(?: ?[=<>≤≥])? (?=[\u2212\-+]?\d)"
PLAIN_NAME = r"(?<![\w\-])[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*-\d+[A-Za-z0-9]*(?:-[A-Za-z]+)*(?![\w\-])"
FIGURE_PIECES = ["3", "12", "0.5", " ", "\u00a0", ".", ",", "=", "<", "≤", "-", "\u2212", "+", "RR", "RRR", "IRR", "RtR", "NNTB",
                 "NNT", "SMD", "MD", "CI", "IC", "KI", "p", "P", "I²", "Xp", "aRR", "_", "é", "\u0663", "\n", "COVID", "-19", "SARS",
                 "-CoV", "-2", "like", "A", "b"]


@pytest.mark.parametrize(("fast", "plain"), [("MEASURE", PLAIN_MEASURE), ("NAME", PLAIN_NAME)])
def test_the_typography_patterns_match_where_their_plain_forms_do(fast: str, plain: str) -> None:
    import random
    import re

    pattern, reference = getattr(typography, fast), re.compile(plain)
    table = ["RR 0.98", "an RR 0.98", "xRR 0.98", "RRR 2", "NNTB 12", "p = 0.03", "group 3", "(p < 0.001)", "I² 40%", "95% CI 0.2",
             "COVID-19 and SARS-CoV-2", "aCOVID-19", "-COVID-19", "COVID-19-like", "COVID-19x", "Type-2", "A-1 b"]
    generator = random.Random(28)
    texts = table + ["".join(generator.choice(FIGURE_PIECES) for _ in range(generator.randint(1, 12))) for _ in range(20_000)]
    for text in texts:
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in reference.finditer(text)], text


def test_a_body_written_directly_is_what_nh3_gives_back_whatever_its_characters() -> None:
    """markup.to_html returns a body it writes directly without nh3: for each character (all below U+3000, and
    a sample above) in a heading and a paragraph, the page is what nh3 makes of it (a no-break space goes through nh3)."""
    import random

    import nh3

    codes = [*range(0x3000), *random.Random(28).sample(range(0x3000, 0x110000), 3000)]
    direct = 0
    for code in codes:
        if 0xD800 <= code <= 0xDFFF:
            continue
        text = f"## Part {chr(code)} two\n\nA{chr(code)}b and c.\n"
        html = markup._plain_html(text)
        if html is None:
            continue
        direct += 1
        markup.to_html.cache_clear()
        assert markup.to_html(text) == nh3.clean(html, tags=markup.ALLOWED_TAGS, attributes=markup.ALLOWED_ATTRIBUTES,
                                                       url_schemes=markup.ALLOWED_SCHEMES, link_rel="noopener noreferrer"), hex(code)
    assert direct > 10_000


def test_a_bracket_that_opens_no_link_and_escapes_are_read_as_text() -> None:
    """A block whose only markup characters are a '[' opening no link ("[95% CI 0.8 to 1.1]") and backslash escapes
    ("\\- not a list item") is read without the character-by-character reading, to the same text and offsets (a
    table and 50,000 random texts)."""
    import random

    table = ["RR 0.9 [95% CI 0.8 to 1.1]\nin 3 studies", "[a]  [b]", " [x](y) ", "[x] (y)", "![i](p.png) [", "a [b\n] c",
             "[\u00a0]\u2028[", "[[x]]", "a\u3000[b]  \n\tc", "[x](y", "[]()", "\\- An item\nthat is not", "a \\ ", " \\  b",
             "\\", "a\\", "\\\\", "\\ \\ ", "x\\\ty", "\\\u00a0 a", "\\é\\1\\.", "\\[x](y)"]
    generator = random.Random(28)
    pieces = ["a", "b", " ", "  ", "\n", "\t", "\u00a0", "\u2028", "\u3000", "[", "]", "(", ")", "!", "x", "95%", "[95% CI", ".", "_", "*",
              "\\", "\\-", "\\ ", "\\\\", "\\a", "\\\n", "\\\t", "\\é", "\\²", "\\[", "\\\u00a0"]
    texts = table + ["".join(generator.choice(pieces) for _ in range(generator.randint(1, 14))) for _ in range(50_000)]
    folded = 0
    for text in texts:
        if not (markup._has_inline_markup(text) and markup.MARKUP_CHARS.search(text)):
            continue  # read without the character-by-character reading before too
        base = list(range(100, 100 + len(text)))
        folded += not any(ch in text for ch in "*_`") and not markup.LINK.search(text)
        assert markup._strip_inline(text, base) == markup._strip_by_character(text, base), repr(text)
    assert folded > 5_000



def _kept_as_before(text: str) -> str:
    """keep_together as it was before its patterns were tried only near digits."""
    if typography.DIGIT.search(text) is None:
        return text
    nbsp = typography.NBSP
    text = typography.DATE.sub(lambda m: m.group(0).replace(" ", nbsp), text)
    text = typography.MEASURE.sub(lambda m: m.group(0).replace(" ", nbsp), text)
    if "% CI" in text or "% IC" in text or "% KI" in text:
        text = typography.CI_LABEL.sub(lambda m: m.group(1) + nbsp, text)
    text = typography.UNIT.sub(nbsp, text)
    return typography.PER.sub(nbsp, text)


KEEP_PIECES = [*typography.MONTHS.split("|"), "de", " ", " ", "\u00a0", ",", ".", "3", "31", "2022", "12345", "0", "0.98", "1,000.5",
               "x", "in", "per", "sur", "von", "(", "-", "+", "\u2212", "RR", "NNTB", "p", "=", "<", "\u2264", "CI", "IC", "KI", "%",
               "95%", "mg", "mmol/L", "mg/dL", "IU", "\u00b0C", "/", "_", "\u00e9", "\u0663", "\u00b2", "\n", "word " * 9,
               "COVID-19", "SARS-CoV-2"]


def test_keep_together_tries_its_patterns_near_digits_as_the_scan_of_the_whole_text_finds_them() -> None:
    """keep_together's patterns tried only near digits in ASCII text: what each pattern's scan of the whole text
    gives, at the edges of the windows (a measure, a month and a unit as far from their digits as they go), with
    dates, measures and units far apart and near the ends of a text, and in random texts."""
    import random

    table = ["NNTB = -12", "NNTH = +3 and NNTB = 4", "septiembre, de 2022", "x septiembre, de 2022 y", "31. de septiembre, de 2022",
             "31 septiembre", "31 septiembrex", "3 mmol/L", "3 mmol/Lx", "3 mmol/L/", "95% CI 0.9", "95% CIx", "per 1,000.5 people",
             "per 1000x", "in 12 of 20", "3 March 2022", "March 2022", "3. M\u00e4rz 2022", "3\u00a0de marzo de 2022", "3.\u00a0de marzo", "septiembre, de\u00a02022", "3 maio 2022", "RR 0.98, 95% CI 0.94 to 1.02",
             "word " * 20 + "3 March 2022" + " word" * 20 + " NNTB = 5 and 3 mg", "", "2022", "March", "no digit", "5 mg\u00a0daily"]
    generator = random.Random(28)
    texts = table + ["".join(generator.choice(KEEP_PIECES) + generator.choice(["", " ", " ", ","]) for _ in range(generator.randint(1, 30)))
                     for _ in range(20_000)]
    kept = 0
    for text in texts:
        expected = _kept_as_before(text)
        assert typography.keep_together(text) == expected, text
        if typography.HYPHEN_DIGIT.search(expected):
            expected = typography.NAME.sub(lambda m: f'<span class="nobr">{m.group(0)}</span>', expected)
        if "<" not in text:  # else a tag to the html
            assert typography.keep_together_html(f"<p>{text}</p>") == f"<p>{expected}</p>", text
        kept += expected != text
    assert kept > 3000  # the texts hold what keep_together keeps together


FIGURE_TEXT_PIECES = ["-", "-3", "3-5", "18-65", "2018-01-31", "COVID-19", "x", " ", "0.5", "<p>", "</p>", '<a href="a-1">', "<code>-2</code>",
                      "`-4`", "](x-1)", "<b>", "\u2212", "\u0663", "-\u0663", "\n", "=", "/"]


@pytest.mark.parametrize("minus", [True, False])
@pytest.mark.parametrize("ranges", [True, False])
def test_figures_are_set_as_when_every_text_was_cut_at_its_tags(minus: bool, ranges: bool) -> None:
    """html_figures and markdown_figures give a text with no hyphen before a digit back as it is, uncut."""
    import random
    import re

    def cut(pattern: re.Pattern[str], text: str) -> str:
        if "-" not in text or not (minus or ranges):
            return text
        parts = typography.split_outside(pattern, text)
        parts[0::2] = [typography.text_figures(piece, minus, ranges) for piece in parts[0::2]]
        return "".join(parts)

    generator = random.Random(28)
    for _ in range(5_000):
        text = "".join(generator.choice(FIGURE_TEXT_PIECES) for _ in range(generator.randint(0, 12)))
        assert typography.html_figures(text, minus, ranges) == cut(typography.HTML_SKIP, text), text
        assert typography.markdown_figures(text, minus, ranges) == cut(typography.MD_SKIP, text), text


def test_the_plain_body_tests_answer_as_their_patterns() -> None:
    """_not_plain answers as _NOT_PLAIN.search for every character below U+3000 (and a lone surrogate) alone and
    inside text, and _may_be_link_or_entity as _MAY_BE_LINK_OR_ENTITY.search on random texts of its marks."""
    import random

    for code in [*range(0x3000), 0xD800, 0x1F600]:
        for text in (chr(code), f"plain {chr(code)} text", f"caf\u00e9 {chr(code)}"):
            assert markup._not_plain(text) == (markup._NOT_PLAIN.search(text) is not None), hex(code)
    pieces = ["&", "<", ">", "&amp;", "&#169;", "&#x1F;", "&x;", "&;", "#", "x", " ", "a@b", "@", "!", "://", "http", "mailto:",
              "<https://e.org>", "<a@b.c>", "<1@2>", "<x://y>", "<>", ";", "0", "F"]
    generator = random.Random(28)
    for _ in range(20_000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 10)))
        assert markup._may_be_link_or_entity(text) == (markup._MAY_BE_LINK_OR_ENTITY.search(text) is not None), text
