"""Author Markdown as safe HTML, as plain text, and as blocks for scoring.

Raw HTML in author Markdown is never passed through: Python-Markdown's HTML handling is
switched off (tags show as text), and the result is cleaned by nh3 (Ammonia) against an
allow-list, so neither `<script>` nor `javascript:` links can reach a page. (A body of plain
headings and paragraphs is written directly, its text escaped, as nh3 would give it back.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

ALLOWED_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "em", "strong", "a", "code", "pre",
    "blockquote", "br", "hr", "sup", "sub", "table", "thead", "tbody", "tr", "th", "td", "abbr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}, "td": set(), "ol": {"start"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}



# A body of headings and one-line paragraphs of plain prose, one blank line apart, as most bodies
# are (no character Python-Markdown's block or inline syntax starts with, but a backslash before one of
# `-.+#!()`, `&` and `<` where no entity, autolink or mail link can start, or brackets that make no link:
# "[RR]", "[95% CI 0.8 to 1.1]"): what Python-Markdown makes of it is known, so it is written directly
# (tests/test_render_fast_paths.py holds the two together).
_PLAIN_HEADING = re.compile(r"(#{1,6}) ([^#\s][^#]*)")
_NOT_PLAIN = re.compile(r"[`*_|\x00-\x09\x0b-\x1f\x7f]")
# Brackets make a link only as "[text](", an image as "![", and a reference only where the body defines one
# ("[id]: url", a line of its own; references are read per body): without these three, they are text
_BRACKET_MARKUP = ("](", "![", "]:")
_BLOCK_START = re.compile(r"[#>\-+*=|:~\s]|\d+[.)]")
_OTHER_ESCAPE = re.compile(r"\\(?![-.+#!()])")  # a backslash before any other character (or none)
_ESCAPE = re.compile(r"\\(.)")
# Python-Markdown's ENTITY_RE, AUTOLINK_RE and AUTOMAIL_RE (markdown.inlinepatterns; a test holds them equal),
# written out so that a plain body needs no Python-Markdown at all
ENTITY_RE = r"(&(?:\#[0-9]+|\#x[0-9a-fA-F]+|[a-zA-Z0-9]+);)"
AUTOLINK_RE = r"<([A-Za-z][A-Za-z0-9+.-]*://[^<>]*)>"
AUTOMAIL_RE = r"<([^<> !]+@[^@<> ]+)>"
_MAY_BE_LINK_OR_ENTITY = re.compile("|".join((ENTITY_RE, AUTOLINK_RE, AUTOMAIL_RE)))
_AMPERSAND = re.compile(r"&(?!(?:\#[0-9]+|\#x[0-9a-f]+|[0-9a-z]+);)", re.IGNORECASE)  # markdown.serializers.RE_AMP
# Every byte but the control characters _NOT_PLAIN finds (all but the line feed): deleted from a text's UTF-8, in which
# a character outside ASCII is bytes from 0x80 up, they leave what it holds of them
_NOT_CONTROL = bytes(byte for byte in range(256) if byte == 0x0A or 0x20 <= byte != 0x7F)


def _not_plain(text: str) -> bool:
    """_NOT_PLAIN.search(text) is not None, by C loops that read a character in a few instructions (the pattern's
    scan took a tenth of a millisecond a body)."""
    if "`" in text or "*" in text or "_" in text or "|" in text:
        return True
    return bool(text.encode("utf-8", "surrogatepass").translate(None, _NOT_CONTROL))


def _may_be_link_or_entity(text: str) -> bool:
    """_MAY_BE_LINK_OR_ENTITY.search(text) is not None, tried only at each "&" and "<" (where each of its matches
    starts), found by str.find."""
    for start in "&<":
        at = text.find(start)
        while at >= 0:
            if _MAY_BE_LINK_OR_ENTITY.match(text, at) is not None:
                return True
            at = text.find(start, at + 1)
    return False


def _plain_text(text: str) -> str | None:
    """The HTML of one line of plain prose as Python-Markdown writes it: its escapes undone and `&`, `<`
    and `>` escaped as its serializer escapes them; None when an inline pattern could match."""
    if "\\" in text:
        if "<" in text or "&" in text or _OTHER_ESCAPE.search(text) is not None:
            return None
        text = _ESCAPE.sub(r"\1", text)
    elif ("<" in text or "&" in text) and _may_be_link_or_entity(text):
        return None
    if "&" in text:
        text = _AMPERSAND.sub("&amp;", text)
    return text.replace("<", "&lt;").replace(">", "&gt;")


def _plain_html(text: str) -> str | None:
    """Python-Markdown's HTML of `text` when it is plain headings and paragraphs (else None)."""
    if _not_plain(text):
        return None
    if ("[" in text or "]" in text) and any(mark in text for mark in _BRACKET_MARKUP):
        return None
    source = text[:-1] if text.endswith("\n") else text
    html: list[str] = []
    for block in source.split("\n\n"):
        if not block or "\n" in block or block.strip() != block:
            return None
        if block[0] == "#":
            heading = _PLAIN_HEADING.fullmatch(block)
            words = _plain_text(heading.group(2)) if heading is not None else None
            if heading is None or words is None:
                return None
            level = len(heading.group(1))
            html.append(f"<h{level}>{words}</h{level}>")
        elif _BLOCK_START.match(block) is not None:
            return None
        else:
            words = _plain_text(block)
            if words is None:
                return None
            html.append(f"<p>{words}</p>")
    return "\n".join(html)


@lru_cache(maxsize=16)
def to_html(text: str) -> str:
    """Markdown -> HTML that is safe to put in a page (kept for the few documents last converted:
    a build that writes html and pdf converts each body once)."""
    html = _plain_html(text)
    if html is not None and "\u00a0" not in html:
        # Written directly: <h1>-<h6> and <p> around text whose `&`, `<` and `>` are escaped, and without the
        # characters nh3 writes otherwise (NUL and CR: not plain; a no-break space, as &nbsp;): nh3 would give it
        # back as it is (tests/test_render_fast_paths.py), so it is not parsed and written again (most bodies)
        return html
    if html is None:
        from plainsum.render.pymarkdown import convert  # Python-Markdown, loaded for the first body that needs it

        html = convert(text)
    import nh3

    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
    )


class Block(NamedTuple):
    """A heading, paragraph or list item, with its plain text and where that text came from (a named tuple, immutable:
    one is made for every paragraph of every scored text, at a quarter of a frozen dataclass's cost)."""

    kind: str  # "heading", "paragraph", "item", "code"
    text: str  # inline markup removed, whitespace folded
    offsets: Sequence[int]  # offsets[i] = offset in the Markdown source of text[i] (a list, or a range)
    level: int = 0  # heading level, or list nesting depth for items
    ordered: bool = False

    @property
    def start(self) -> int:
        return self.offsets[0] if self.offsets else 0


HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
ITEM = re.compile(r"^([ \t]*)([-*+•]|\d{1,9}[.)])[ \t]+")
FENCE = re.compile(r"^[ \t]*(```|~~~)")


def _heading(stripped: str) -> tuple[int, int, str] | None:
    """HEADING.match(stripped) of a line without white space at its ends, as (its level, where group 2 starts, group
    2), read by string methods: the run of "#" (HEADING's #{1,6} takes all of a run of six or fewer, and a longer one
    leaves a "#" where [ \t]+ must start), the spaces and tabs after it (all of them: the lazy group after them takes
    any other character), and the rest without the spaces, tabs and "#" that end it (what the lazy group leaves to
    [ \t#]*$). None when HEADING does not match."""
    after_hashes = stripped.lstrip("#")
    level = len(stripped) - len(after_hashes)
    if not 1 <= level <= 6 or after_hashes[:1] not in (" ", "\t"):
        return None
    words = after_hashes.lstrip(" \t")
    return level, len(stripped) - len(words), words.rstrip(" \t#")


_MARKED_STARTS = frozenset("`~#-*+\u2022>")  # the first characters (after any whitespace) of FENCE, HEADING, ITEM and a quote; and digits
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
EMPHASIS_CHARS = "*_`"
INLINE_MARKUP = re.compile(r"[*_`\\\[\n]|\s\s")
MARKUP_CHARS = re.compile(r"[*_`\\\[]")
_DOUBLE_SPACE = re.compile(r"\s\s")


def _has_inline_markup(source: str) -> bool:
    """INLINE_MARKUP.search(source), as substring tests where they can answer (a regular expression reads a long
    paragraph a character at a time; `in` and `isprintable` are C loops, several times faster): of the whitespace,
    only the space is printable, so a text with no double space that is printable has no two whitespace
    characters in a row."""
    if "*" in source or "_" in source or "`" in source or "\\" in source or "[" in source or "\n" in source:
        return True
    if "  " in source:
        return True
    if (source.isascii() and "\t" not in source and "\r" not in source and "\x0b" not in source and "\x0c" not in source
            and "\x1c" not in source and "\x1d" not in source and "\x1e" not in source and "\x1f" not in source):
        # ASCII's whitespace (as \s reads it) but the space and the newline tested above is absent: only single
        # spaces are left (isascii is a flag; `in` is a C search, isprintable a slower per-character lookup)
        return False
    return not source.isprintable() and _DOUBLE_SPACE.search(source) is not None


NON_SPACE = re.compile(r"\S+")


def _strip_inline(source: str, base: list[int]) -> tuple[str, list[int]]:
    """Remove inline markup from one block's source; base[i] is the document offset of source[i]."""
    if not _has_inline_markup(source):
        # the common case: plain prose on one line, nothing to remove but the ends
        text = source.strip()
        lead = len(source) - len(source.lstrip())
        return text, base[lead : lead + len(text)]
    plain_brackets = not MARKUP_CHARS.search(source) or (
        "*" not in source and "_" not in source and "`" not in source and not LINK.search(source))
    if plain_brackets and "\\" in source:
        return _strip_escapes(source, base)
    if plain_brackets:
        # several lines or runs of spaces but no markup (a '[' that opens no link is text: "[95% CI 1 to 2]"):
        # fold each run of whitespace to one space
        # (kept at the offset of the run's first character), without a loop over every character
        pieces: list[str] = []
        folded: list[int] = []
        previous_end = 0
        for match in NON_SPACE.finditer(source):
            if pieces:
                folded.append(base[previous_end])
            pieces.append(match.group())
            folded.extend(base[match.start() : match.end()])
            previous_end = match.end()
        return " ".join(pieces), folded
    return _strip_by_character(source, base)


def _strip_by_character(source: str, base: list[int]) -> tuple[str, list[int]]:
    """_strip_inline's general path: the source read one character at a time (links, escapes, emphasis marks,
    runs of whitespace)."""
    chars: list[str] = []
    offsets: list[int] = []
    i = 0
    link_spans = {m.start(): m for m in LINK.finditer(source)}
    while i < len(source):
        if i in link_spans:
            match = link_spans[i]
            label_start = match.start(1)
            for j, ch in enumerate(match.group(1)):
                chars.append(ch)
                offsets.append(base[label_start + j])
            i = match.end()
            continue
        ch = source[i]
        if ch == "\\" and i + 1 < len(source) and not source[i + 1].isalnum():
            chars.append(source[i + 1])
            offsets.append(base[i + 1])
            i += 2
            continue
        if ch in EMPHASIS_CHARS:
            prev = source[i - 1] if i else " "
            nxt = source[i + 1] if i + 1 < len(source) else " "
            # '_' inside a word (snake_case) and '*' between spaces are text, not markup
            if (ch == "`" or not (prev.isalnum() and nxt.isalnum())) and not (prev.isspace() and nxt.isspace()):
                i += 1
                continue
        if ch.isspace():
            if chars and chars[-1] == " ":
                i += 1
                continue
            ch = " "
        chars.append(ch)
        offsets.append(base[i])
        i += 1
    while chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    while chars and chars[0] == " ":
        chars.pop(0)
        offsets.pop(0)
    return "".join(chars), offsets


_ESCAPE_OR_SPACE = re.compile(r"\\|\s+")


def _strip_escapes(source: str, base: list[int]) -> tuple[str, list[int]]:
    """_strip_inline of a text whose only markup is backslash escapes ("\\- not a list item"; no emphasis
    character, no link): what its character-by-character reading gives, a run of other characters at a time.
    A backslash before a character that is not a letter or digit is dropped and that character kept as it is
    (a space too); each run of whitespace is one space unless a space was just written; spaces at the ends go."""
    pieces: list[str] = []
    offsets: list[int] = []
    ends_in_space = False  # the text so far ends in " "
    position, length = 0, len(source)
    while position < length:
        found = _ESCAPE_OR_SPACE.search(source, position)
        stop = found.start() if found is not None else length
        if stop > position:  # neither a backslash nor whitespace
            pieces.append(source[position:stop])
            offsets.extend(base[position:stop])
            ends_in_space = False
        if found is None:
            break
        if source[stop] == "\\":
            if stop + 1 < length and not source[stop + 1].isalnum():
                pieces.append(source[stop + 1])
                offsets.append(base[stop + 1])
                ends_in_space = source[stop + 1] == " "
                position = stop + 2
            else:
                pieces.append("\\")
                offsets.append(base[stop])
                ends_in_space = False
                position = stop + 1
            continue
        if not (pieces and ends_in_space):
            pieces.append(" ")
            offsets.append(base[stop])
            ends_in_space = True
        position = found.end()
    text = "".join(pieces)
    end = len(text.rstrip(" "))
    start = end - len(text[:end].lstrip(" "))
    return text[start:end], offsets[start:end]


def blocks(text: str) -> list[Block]:
    """Split Markdown into headings, paragraphs and list items (each item is one block).

    A document's body is split by the scoring, the txt format and a check or two: the last few
    splits are kept (the blocks are frozen; each caller gets its own list of them)."""
    return list(_blocks(text))


@lru_cache(maxsize=8)
def _blocks(text: str) -> tuple[Block, ...]:
    result: list[Block] = []
    append = result.append
    lines = text.split("\n")
    position = 0
    current: list[tuple[int, str]] = []  # (offset, line text) of the block being gathered
    current_kind = "paragraph"
    current_level = 0
    current_ordered = False
    in_fence = False

    def flush() -> None:
        nonlocal current
        if len(current) == 1 and not _has_inline_markup(current[0][1]):
            # the common case, one line of plain prose: its offsets are a range, no list to build
            offset, line = current[0]
            plain = line.strip()
            if plain:
                lead = offset + len(line) - len(line.lstrip())
                append(_new_block(Block, (current_kind, plain, range(lead, lead + len(plain)), current_level, current_ordered)))
            current = []
            return
        if current:
            base: list[int] = []
            for offset, line in current:
                base.extend(range(offset, offset + len(line) + 1))  # +1: the line break
            joined_source = "\n".join(line for _, line in current)
            plain, offsets = _strip_inline(joined_source, base)
            if plain:
                append(_new_block(Block, (current_kind, plain, offsets, current_level, current_ordered)))
        current = []

    for line in lines:
        line_start = position
        position += len(line) + 1
        stripped = line.strip()
        if not stripped:
            if current and not in_fence:  # (a blank line after none: nothing gathered to flush)
                flush()
            continue
        first = stripped[0]
        if first not in _MARKED_STARTS and not first.isdecimal():
            # no fence, heading, list item or quote starts with another character: a line of the paragraph
            if in_fence:
                continue
            if not current:
                current_kind, current_level, current_ordered = "paragraph", 0, False
            current.append((line_start, line))
            continue
        if FENCE.match(line):
            if current:
                flush()
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        heading = _heading(stripped) if first == "#" else None
        if heading is not None:
            if current:
                flush()
            lead = len(line) - len(line.lstrip())
            current_level, words_at, words = heading
            text_start = line_start + lead + words_at
            current_kind, current_ordered = "heading", False
            if _has_inline_markup(words):
                current = [(text_start, words)]
                flush()
                continue
            # flush's common case for the heading's one line, written out
            plain = words.strip()
            if plain:
                start = text_start + len(words) - len(words.lstrip())
                append(_new_block(Block, ("heading", plain, range(start, start + len(plain)), current_level, False)))
            continue
        item = ITEM.match(line)
        if item:
            if current:
                flush()
            current_kind = "item"
            current_level = len(item.group(1).expandtabs(4)) // 2
            current_ordered = item.group(2)[0].isdigit()
            current = [(line_start + item.end(), line[item.end():])]
            continue
        if line.lstrip().startswith(">"):
            content_start = line.index(">") + 1
            if current and current_kind != "paragraph":
                flush()
            if not current:
                current_kind, current_level, current_ordered = "paragraph", 0, False
            current.append((line_start + content_start, line[content_start:]))
            continue
        if not current:
            current_kind, current_level, current_ordered = "paragraph", 0, False
        current.append((line_start, line))
    if current:
        flush()
    return tuple(result)


_new_block = tuple.__new__  # Block(...) without the Python-level __new__ NamedTuple writes for it (the same tuple)


def to_text(text: str) -> str:
    """Markdown -> plain text: each heading on its own line, blocks separated by blank lines."""
    parts: list[str] = []
    previous_kind = ""
    number = 0
    for block in blocks(text):
        if block.kind == "item":
            number = number + 1 if previous_kind == "item" else 1
            marker = f"{number}." if block.ordered else "-"
            line = "  " * block.level + f"{marker} {block.text}"
            if previous_kind == "item":
                parts[-1] += "\n" + line
            else:
                parts.append(line)
        else:
            parts.append(block.text)
        previous_kind = block.kind
    return "\n\n".join(parts) + "\n"
