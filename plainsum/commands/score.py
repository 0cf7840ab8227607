"""plainsum score: the readability figures of any Markdown or plain text file (or standard input)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plainsum.readability import Scored

import json
import sys
from pathlib import Path

import click

from plainsum.config import COUNT_NAMES, FIGURE_LABELS, FIGURE_NAMES, FORMULA_NAMES
from plainsum.errors import InputError, Problem, display_path


def _read(source: str) -> tuple[str, str]:
    """(text, name to show) of a file, or of standard input for '-'."""
    from plainsum.content import decode_utf8

    if source == "-":
        data = sys.stdin.buffer.read()
        name = "-"
    else:
        path = Path(source)
        name = display_path(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError([Problem(name, 1, 1, f"cannot read: {exc.strerror or exc}")]) from None
    text = decode_utf8(data, name)
    return text, name


def _value(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(float(value), 2)


def score_json(scored: Scored, name: str, min_words: float) -> dict[str, object]:
    applied = scored.counts.words >= min_words and scored.counts.sentences > 0
    names = FIGURE_NAMES if applied else COUNT_NAMES
    data: dict[str, object] = {"file": name, "formulas_applied": applied, "formula_min_words": _value(min_words)}
    data.update({key: _value(scored.figures[key]) for key in names})
    if not applied:
        data.update(dict.fromkeys(FORMULA_NAMES))
    data["by_section"] = [
        {
            "heading": section.heading,
            "formulas_applied": section.formulas_applied,
            **{key: _value(section.figures[key]) for key in FIGURE_NAMES if key in section.figures},
        }
        for section in scored.sections
    ]
    by_sentence = []
    for sentence in scored.sentences:
        location = scored.document.locate(sentence.offset)
        by_sentence.append(
            {
                "text": sentence.text,
                "section": sentence.section,
                "line": location.line,
                "column": location.column,
                **{key: _value(value) for key, value in sentence.figures.items()},
                "long_words_list": sentence.long_words,
            }
        )
    data["by_sentence"] = by_sentence
    return data


def _print_text(scored: Scored, name: str, min_words: float, verbose: bool, sentence_limits: dict[str, float]) -> None:
    from plainsum.checks import hard_reasons

    applied = scored.counts.words >= min_words and scored.counts.sentences > 0
    click.echo(name)
    for key in COUNT_NAMES:
        value = scored.figures[key]
        click.echo(f"  {FIGURE_LABELS[key]:<30} {value:.0f}" if float(value).is_integer() else f"  {FIGURE_LABELS[key]:<30} {value:.2f}")
    if applied:
        for key in FORMULA_NAMES:
            click.echo(f"  {FIGURE_LABELS[key]:<30} {scored.figures[key]:.1f}")
    else:
        click.echo(f"  too short for formulas: {scored.counts.words} words, fewer than {min_words:g} (--min-words); counts only")
    if len(scored.sections) > 1 or verbose:
        click.echo("sections:")
        for section in scored.sections:
            heading = section.heading or "(before the first heading)"
            figures = section.figures
            if section.formulas_applied:
                detail = f"grade {figures['flesch_kincaid_grade']:.1f}, reading ease {figures['flesch_reading_ease']:.1f}"
            else:
                detail = "too short for formulas"
            click.echo(f"  {heading}: {figures['words']:.0f} words, {figures['sentences']:.0f} sentences, {detail}")
    hard = [s for s in scored.sentences if hard_reasons(s, sentence_limits)]
    shown = scored.sentences if verbose else hard
    if shown:
        click.echo("sentences:" if verbose else "hard sentences:")
    for sentence in shown:
        location = scored.document.locate(sentence.offset)
        figures = sentence.figures
        reasons = hard_reasons(sentence, sentence_limits)
        mark = f" HARD: {', '.join(reasons)}" if reasons else ""
        click.echo(f"  {name}:{location.line}:{location.column}: {figures['words']:.0f} words, grade {figures['flesch_kincaid_grade']:.1f}{mark}")
        click.echo(f"      \"{sentence.text}\"")
        if sentence.long_words and (verbose or reasons):
            click.echo(f"      long words: {', '.join(dict.fromkeys(sentence.long_words))}")


@click.command("score")
@click.argument("source", default="-", metavar="[FILE|-]")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--min-words", type=click.IntRange(min=0), default=None,
              help="Apply formulas only to texts (and sections) of at least this many words (default: formula_min_words "
                   "of [gate.summary], 100).")
@click.option("-v", "--verbose", is_flag=True, help="Text format: list every sentence with its figures.")
@click.pass_context
def command(ctx: click.Context, source: str, output_format: str, min_words: int | None, verbose: bool) -> None:
    """Score a Markdown or plain-text FILE (or standard input): every figure, per section and per sentence.

    Headings are not sentences; each list item is one. Exit code 0, or 2 when the file cannot be read.
    """
    from plainsum.commands import load_config_from
    from plainsum.readability import score_markdown

    config = load_config_from(ctx)
    if min_words is None:
        min_words = int(config.formula_min_words("summary"))
    text, name = _read(source)
    scored = score_markdown(text, name, "summary", min_words)
    if output_format == "json":
        click.echo(json.dumps(score_json(scored, name, min_words), indent=2, ensure_ascii=False))
    else:
        _print_text(scored, name, min_words, verbose, config.sentence_limits("summary"))
    ctx.exit(0)

