"""Figures printed as Cochrane prints them: a true minus sign (U+2212) in negative numbers
("MD \u22120.21, 95% CI \u22120.42 to 0.00") and an en dash in numeric ranges ("18\u201365 years").

Applied to the html, pdf and md outputs (text and submission systems keep the hyphen-minus as
typed); `[typography]` in plainsum.toml switches either off. Only text is changed: never tags and
their attributes, code, link targets, dates written as 2018-01-31 or names such as COVID-19.

In html and pdf, what must not be split at the end of a line is also kept together
(keep_together_html): a date (3 March 2022), an effect measure and its value (RR 0.98), "95% CI",
a number and its unit (5 mg), "per 1000", joined by no-break spaces; and a short name with a
hyphen and digits (COVID-19, SARS-CoV-2) in a `nobr` span, since a line may break after a hyphen.
"""

from __future__ import annotations

import re

MINUS = "\u2212"
EN_DASH = "\u2013"
# a hyphen-minus that starts a number: after a space, a bracket or punctuation, never inside a word
# (the hyphen first, then what is before it: the scan looks for hyphens, not at every character)
NEGATIVE = re.compile(r"-(?<![\w.\-\u2013/=&#%]-)(?=\d)")
# a range of two numbers in one token: 18-65, 0.5-1.5 (not 2018-01-31, not 1-2-3)
RANGE = re.compile(r"(?<![\w./:\-\u2212])(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)(?![\w./:\-]|-\d)")
HTML_SKIP = re.compile(r"(<(code|pre|script|style)\b.*?</\2>|<[^>]*>)", re.S | re.I)
MD_SKIP = re.compile(r"(`[^`]*`|\]\([^)]*\)|<[^>\s]+>)")
# where no span may go: inside an svg (its <title> is text only), and inside tags and code
HTML_NO_SPAN = re.compile(r"(<svg\b.*?</svg>|<(code|pre|script|style|title)\b.*?</\2>|<[^>]*>)", re.S | re.I)

NBSP = "\u00a0"
# the month names of the languages plainsum has catalogs for (en, es, fr, de, pt)
MONTHS = "|".join((
    "January|February|March|April|May|June|July|August|September|October|November|December",
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre",
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre",
    "Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember",
    "janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro",
))
_SPACE = r"[ \u00a0]"
# Each pattern below starts with what its match can start with (a lookahead on the first characters, or
# the space itself), so that the scan passes every other place in the text without trying the whole
# pattern there (each was tried at every character: keeping text together was a third of a page's work).
_MONTH_STARTS = "".join(sorted({month[0] for month in MONTHS.split("|")}))
# 3 March 2022, 3 de marzo de 2022, 3. März 2022, March 2022, 3 March
DATE = re.compile(
    rf"(?=[\d{_MONTH_STARTS}])(?:\b(?:\d{{1,2}}\.?{_SPACE}(?:de{_SPACE})?)?(?:{MONTHS}),?{_SPACE}(?:de{_SPACE})?\d{{4}}\b"
    rf"|\b\d{{1,2}}\.?{_SPACE}(?:de{_SPACE})?(?:{MONTHS})\b)"
)
# an effect measure or statistic and its value: RR 0.98, 95% CI 0.94, p = 0.03, I² 40%
_MEASURES = ("RR", "OR", "HR", "MD", "SMD", "RD", "IRR", "RtR", "RRR", "ARR", "NNTB", "NNTH", "NNT", "CI", "IC", "KI", "p", "P", "I²")
# Each name is written as its first letter, then "no letter or digit before that letter" (what \b before a word
# says), then the rest: a pattern whose every alternative starts with a letter lets the scan skip in C to the next
# place one of those letters is (a lookahead or \b first made it try the pattern at every character: 1.7x the time)
MEASURE = re.compile("(?:" + "|".join(f"{re.escape(name[0])}(?<!\\w.){re.escape(name[1:])}" for name in _MEASURES) + ")"
                     r"(?: ?[=<>≤≥])? (?=[\u2212\-+]?\d)")
CI_LABEL = re.compile(r"(?=[%\u202f\u00a0])(?<=\d)(%|\u202f%|\u00a0%) (?=CI\b|IC\b|KI\b)")
# a space after a digit: the space first, then the digit before it
UNIT = re.compile(r" (?<=\d )(?=(?:mg|g|kg|µg|mcg|mm|cm|ml|mL|mmol/L|mmol/l|mg/dL|IU|°C)(?![\w/]))")
# "per 1000", "in 100": the space after the word, found from the space (a fifth of a text's characters)
# rather than from every letter a word of the list starts with (p i s d v e: a third of them)
PER = re.compile(r" (?=\d[\d,.\u202f\u00a0]*\b)(?:" + "|".join(
    rf"(?<=(?<![\w-]){word} )" for word in ("per", "in", "sur", "de", "von", "em", "en")) + ")")
# a short name with a hyphen and digits (COVID-19, SARS-CoV-2, COVID-19-like): never broken at a hyphen
# (its capital first, then what must not be before it: the scan skips in C to the next capital letter)
NAME = re.compile(r"[A-Z](?<![\w\-].)[A-Za-z0-9]*(?:-[A-Za-z0-9]+)*-\d+[A-Za-z0-9]*(?:-[A-Za-z]+)*(?![\w\-])")
# every pattern keep_together and NAME apply needs a digit (a day or year, a value, a number), and
# none adds one: a text without a digit comes back as it is (most of a page's texts between tags)
DIGIT = re.compile(r"\d")
HYPHEN_DIGIT = re.compile(r"-\d")
# Every match of DATE, MEASURE and CI_LABEL is near a digit, and in a text whose digits are 0-9 each is tried only
# there, found in the text's bytes as _MARKS reads them (a C loop a character, where a pattern that may start at many
# letters reads a text at up to 400 instructions a character: a third of keeping a page together).
# DATE is tried at each day (one or two digits, perhaps a full stop, then a space) and, before each year (four digits
# after a space), after the last digit before it and at most _DATE_BEFORE characters before it ("septiembre, de 2022"):
# where each of its matches starts. MEASURE and CI_LABEL are tried in windows around the runs of digits: a pattern whose
# every match starts at most `before` characters before a digit, and reads nothing `after` characters or more after
# it, finds in the window from `before` characters before a run to `after` characters after its last digit what the
# scan of the whole text finds there (a look-behind, and \b, read the characters before a window as the whole text
# has them), and nothing outside the windows. Replacing a space with a no-break space moves no digit, so a text's
# marks serve each pattern in turn. UNIT and PER start with a space, which the scan skips to in C: windows cost them
# more than they save.
_LONGEST_MONTH = max(len(month) for month in MONTHS.split("|"))
_DATE_BEFORE = _LONGEST_MONTH + len(", de ")  # "septiembre, de 2022"
_NEAR_BEFORE = len("NNTB = -")  # MEASURE's name before a signed value
_NEAR_AFTER = len("0\u00a0% CI") + 1  # CI_LABEL's label after its digit (% after a no-break space) and the character after
# a digit as "0", a space as itself, a question mark or a character outside ASCII (which may be a no-break space) as
# "?", any other character as "."
_MARKS = bytes(0x30 if 0x30 <= byte <= 0x39 else byte if byte in b" ?" else 0x2E for byte in range(256))
# what a month's name (or the "de" before it) starts with: what DATE reads after a day's digits, full stop and space
_MONTH_FIRST = frozenset(_MONTH_STARTS)
# a day, or a year (group 1), from its first digit: a pattern that opens with a byte is searched for in C
_DATE_DIGITS = re.compile(rb"0(?<!00)(?:0?\.?[ ?]|(?<=[ ?]0)(000)(?!0))")
# digits less far apart than a window reaches on both sides are one run: no digit of another run is in a window
_DIGIT_RUNS = re.compile(rb"0(?:[^0]{0,%d}0)*" % (_NEAR_BEFORE + _NEAR_AFTER))


def text_figures(text: str, minus: bool = True, ranges: bool = True) -> str:
    """Plain text with its negative numbers and ranges set (no markup inside)."""
    if "-" not in text:
        return text
    if ranges and _digit_hyphen_digit(text):
        text = RANGE.sub(lambda m: f"{m.group(1)}{EN_DASH}{m.group(2)}", text)
    if minus:
        text = NEGATIVE.sub(MINUS, text)
    return text


def _digit_hyphen_digit(text: str) -> bool:
    """Whether a hyphen of `text` is between two digits (as `\\d` reads them), which every RANGE has."""
    at = text.find("-", 1)
    while 0 < at < len(text) - 1:
        if text[at - 1].isdecimal() and text[at + 1].isdecimal():
            return True
        at = text.find("-", at + 1)
    return False


def split_outside(pattern: re.Pattern[str], text: str) -> list[str]:
    """`text` cut at `pattern`'s matches: the texts between them at the even places, the matches at the odd
    ones (re.split, which cuts in one C loop; the pattern's first group is its whole match, a second group,
    the element's name, is dropped)."""
    parts = pattern.split(text)
    if pattern.groups == 2:
        del parts[2::3]
    return parts


def _outside(pattern: re.Pattern[str], text: str, minus: bool, ranges: bool) -> str:
    # each RANGE and NEGATIVE match holds a hyphen and a digit after it: a text without one comes back as it is, not
    # cut at its tags and joined again (most pages: a hyphen-minus in a tag's attributes is no reason to cut)
    if "-" not in text or not (minus or ranges) or HYPHEN_DIGIT.search(text) is None:
        return text
    parts = split_outside(pattern, text)
    parts[0::2] = [text_figures(piece, minus, ranges) for piece in parts[0::2]]
    return "".join(parts)


def html_figures(html: str, minus: bool = True, ranges: bool = True) -> str:
    """HTML with the text between its tags set; tags, attributes and code untouched."""
    return _outside(HTML_SKIP, html, minus, ranges)


def markdown_figures(text: str, minus: bool = True, ranges: bool = True) -> str:
    """Markdown with its text set; code spans, link targets and autolinks untouched."""
    return _outside(MD_SKIP, text, minus, ranges)


def keep_together(text: str) -> str:
    """Text (no markup) with no-break spaces where a line must not break (see the module's doc)."""
    marks = _marked(text)
    return text if marks == b"" else _kept_together(text, marks)


def _kept_together(text: str, marks: bytes | None) -> str:
    # each replaces the spaces of its match with no-break spaces (CI_LABEL's, UNIT's and PER's are one space)
    # each CI_LABEL match holds one of these (the patterns before it only take spaces away)
    labelled = "% CI" in text or "% IC" in text or "% KI" in text
    if marks is None:  # a decimal digit other than 0-9: each pattern scans the whole text
        text = MEASURE.sub(_no_break, DATE.sub(_no_break, text))
        text = CI_LABEL.sub(_no_break, text) if labelled else text
    else:
        text = _keep_dates(text, marks)
        runs = [run.span() for run in _DIGIT_RUNS.finditer(marks)]
        text = _sub_near(MEASURE, text, runs)
        text = _sub_near(CI_LABEL, text, runs) if labelled else text
    text = UNIT.sub(NBSP, text)
    return PER.sub(NBSP, text)


def _marked(text: str) -> bytes | None:
    """The text's bytes as _MARKS reads them (one a character); b"" when it holds no digit, None when it holds a
    decimal digit other than 0-9."""
    if text.isascii():
        marks = text.encode("ascii").translate(_MARKS)
    else:
        encoded = text.encode("ascii", "replace")  # one "?" a character outside ASCII
        at = encoded.find(b"?")
        while at >= 0:  # only those characters (and question marks) looked at, not each of the text's
            if text[at].isdecimal():
                return None
            at = encoded.find(b"?", at + 1)
        marks = encoded.translate(_MARKS)
    return marks if b"0" in marks else b""


def _keep_dates(text: str, marks: bytes) -> str:
    """DATE.sub(_no_break, text), DATE tried only where its matches start (see _DATE_DIGITS)."""
    pieces: list[str] = []
    done = 0
    for digits in _DATE_DIGITS.finditer(marks):
        at = digits.start()
        if digits.group(1) is None:  # a day: a date that holds it starts there, its month (or "de") right after its space
            date = DATE.match(text, at) if at >= done and text[digits.end() : digits.end() + 1] in _MONTH_FIRST else None
        else:  # a year: a date that opens with its month has no digit before it, and reads nothing after its \b
            start = max(done, at - _DATE_BEFORE, marks.rfind(b"0", 0, at) + 1)
            date = DATE.search(text, start, at + len("2022") + 1) if start < at else None
            if date is not None and date.start() >= at:
                date = None
        if date is not None:
            pieces += (text[done : date.start()], _no_break(date))
            done = date.end()
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def _sub_near(pattern: re.Pattern[str], text: str, runs: list[tuple[int, int]]) -> str:
    """pattern.sub(_no_break, text) for MEASURE or CI_LABEL, tried only from _NEAR_BEFORE characters before each run of
    digits to _NEAR_AFTER characters after its last digit."""
    pieces: list[str] = []
    done, length = 0, len(text)
    for start, end in runs:
        for match in pattern.finditer(text, max(done, start - _NEAR_BEFORE), min(length, end - 1 + _NEAR_AFTER)):
            pieces += (text[done : match.start()], _no_break(match))
            done = match.end()
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def _no_break(match: re.Match[str]) -> str:
    return match.group(0).replace(" ", NBSP)


def keep_together_html(html: str) -> str:
    """HTML with its text kept together where a line must not break: no-break spaces, and a
    `nobr` span around a hyphenated name such as COVID-19 (not inside an svg, a tag or code)."""
    parts = split_outside(HTML_NO_SPAN, html)
    parts[0::2] = [_keep_text(piece) for piece in parts[0::2]]
    return "".join(parts)


def _keep_text(text: str) -> str:
    marks = _marked(text)
    if marks == b"":
        return text
    text = _kept_together(text, marks)
    if HYPHEN_DIGIT.search(text) is None:  # each NAME match holds a hyphen and a digit after it
        return text
    return NAME.sub(lambda m: f'<span class="nobr">{m.group(0)}</span>', text)
