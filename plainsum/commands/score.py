"""plainsum score: the readability figures of any Markdown or plain text file (or standard input).

With a preset or a configuration it also applies the gate and exits 0 or 1 as `check` does;
`--checks` runs the plain-language checks on the text.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from plainsum.config.figures import COUNT_NAMES, FIGURE_LABELS
from plainsum.errors import InputError, Problem, display_path
from plainsum.words.numbers import plural

if TYPE_CHECKING:
    from plainsum.checks import Finding
    from plainsum.checks.glossary import LanguageHint
    from plainsum.config.settings import Config
    from plainsum.readability.languages import LanguageProfile
    from plainsum.readability.metrics import Counts
    from plainsum.readability.score import Scored


MAX_SCORE_BYTES = 1_000_000


def _read(source: str) -> tuple[str, str]:
    """(text, name to show) of a file, or of standard input for '-'."""
    from plainsum.files.yamlsource import decode_utf8

    if source == "-":
        data = sys.stdin.buffer.read(MAX_SCORE_BYTES + 1)
        name = "-"
    else:
        path = Path(source)
        name = display_path(path)
        try:
            with open(path, "rb") as stream:
                data = stream.read(MAX_SCORE_BYTES + 1)
        except OSError as exc:
            raise InputError([Problem(name, 1, 1, f"cannot read: {exc.strerror or exc}")]) from None
    if len(data) > MAX_SCORE_BYTES:  # a text to score is a summary or an abstract, not a book
        raise InputError([Problem(name, 1, 1, f"the text is larger than {MAX_SCORE_BYTES:,} bytes, the limit for `score`")])
    text = decode_utf8(data, name)
    return text, name


def _value(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(float(value), 2)


# The other counts the formulas read (plainsum/readability/metrics.py, Counts), reported so that each formula
# can be recomputed from the reported figures (docs/readability.md): key -> label. Every language's:
_FORMULA_COUNTS = {
    "letters": "letters (and digits)",  # Coleman-Liau, Gulpease
    "long_letter_words": "words of 7+ letters",  # LIX, RIX, the Wiener Sachtextformel's IW
    "monosyllables": "words of one syllable",  # the Wiener Sachtextformel's ES
}
# and English text's (its other formulas: ARI, Gunning fog, Dale-Chall).
_ENGLISH_COUNTS = {
    "characters": "characters (no spaces)",  # ARI: non-space characters of the words, punctuation included
    "fog_hard_words": "hard words (Gunning fog)",  # 3+ syllables and not on the Dale-Chall list
    "unfamiliar_words": "words not on Dale-Chall list",  # Dale-Chall
}

# Figures that count something (whole numbers); every other figure is a ratio, a share or a formula's value.
_WHOLE = frozenset(["sentences", "words", "syllables", "long_words", *_FORMULA_COUNTS, *_ENGLISH_COUNTS])


def _formula_counts(counts: Counts, language: LanguageProfile) -> dict[str, int]:
    """The counts beyond COUNT_NAMES that the language's formulas read, by key."""
    keys = [*_FORMULA_COUNTS, *(_ENGLISH_COUNTS if language.english else ())]
    return {key: int(getattr(counts, key)) for key in keys}


def _figure(key: str, value: float) -> float | int:
    """A figure for JSON: a count as an integer, any other figure as a number with up to 2 decimals (4.0, not 4)."""
    return int(value) if key in _WHOLE else round(float(value), 2)


def _figure_text(key: str, value: float) -> str:
    """A count for the text format: '12' for a count, '4.00' for a ratio or share (always 2 decimals)."""
    return f"{value:.0f}" if key in _WHOLE else f"{value:.2f}"


def _applied(scored: Scored, min_words: float) -> bool:
    return scored.counts.words >= min_words and scored.counts.sentences > 0


def score_json(scored: Scored, name: str, min_words: float) -> dict[str, object]:
    applied = _applied(scored, min_words)
    formulas = scored.formula_names
    data: dict[str, object] = {
        "file": name,
        "language": scored.language.code,
        "formulas_applied": applied,
        "formula_min_words": _value(min_words),
        "not_scored": dict(scored.not_scored),
    }
    hint = _language_hint(scored)
    data["language_hint"] = hint.code if hint is not None else None
    data.update({key: _figure(key, scored.figures[key]) for key in COUNT_NAMES})
    data.update(_formula_counts(scored.counts, scored.language))
    data.update({key: _figure(key, scored.figures[key]) if applied else None for key in formulas})
    data["by_section"] = [
        {
            "heading": section.heading,
            "formulas_applied": section.formulas_applied,
            **{key: _figure(key, section.figures[key]) for key in COUNT_NAMES if key in section.figures},
            **_formula_counts(section.counts, scored.language),
            **{key: _figure(key, section.figures[key]) for key in formulas if key in section.figures},
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
                **{key: _figure(key, value) for key, value in sentence.figures.items()},
                **_formula_counts(sentence.counts, scored.language),
                "long_words_list": sentence.long_words,
            }
        )
    data["by_sentence"] = by_sentence
    return data


def _language_hint(scored: Scored) -> LanguageHint | None:
    """Another language, when the text's words read as that one rather than the one it is scored in."""
    from plainsum.checks.glossary import language_hint
    from plainsum.readability.languages import SUPPORTED

    text = " ".join(sentence.text for sentence in scored.sentences)
    return language_hint(text, scored.language.wordfreq_language, SUPPORTED)


def not_scored_line(not_scored: dict[str, int]) -> str:
    """'not scored: 13 references, 1 table' (what was left out as not prose), or ''."""
    names = {"references": ("reference", "references"), "tables": ("table", "tables"), "code": ("code block", "code blocks"),
             "links": ("URL or DOI", "URLs and DOIs")}
    parts = [plural(count, *names.get(kind, (kind, kind))) for kind, count in not_scored.items() if count]
    return f"not scored: {', '.join(parts)}" if parts else ""


def _print_text(scored: Scored, name: str, min_words: float, verbose: bool, sentence_limits: dict[str, float],
                fallbacks: dict[str, str]) -> None:
    from plainsum.checks import hard_reasons, sentence_score

    applied = _applied(scored, min_words)
    language = scored.language
    click.echo(f"{name} ({f'{language.requested}, scored as ' if language.requested else ''}{language.name})")
    hint = _language_hint(scored)
    if hint is not None:
        from plainsum.config.figures import LANGUAGE_NAMES
        from plainsum.readability.languages import base_code, language_profile

        other = LANGUAGE_NAMES[hint.code]
        # what --language <code> gives, through the same lookup as the option
        suggested = language_profile(hint.code, fallbacks).name
        fallback = language.requested and base_code(language.requested) != language.code  # [languages] ca = "es"
        scored_as = f"{language.name}, which '{language.requested}' is scored as" if fallback else language.name
        click.echo(f"  note: this text reads as {other}, not {scored_as} ({hint.share:.0%} of its words are common "
                   f"{other} words, {hint.declared_share:.0%} common {language.name} ones); --language {hint.code} "
                   f"scores it as {suggested}")
    for key in COUNT_NAMES:
        click.echo(f"  {FIGURE_LABELS[key]:<30} {_figure_text(key, scored.figures[key])}")
    labels = {**_FORMULA_COUNTS, **_ENGLISH_COUNTS}
    for key, count in _formula_counts(scored.counts, language).items():
        click.echo(f"  {labels[key]:<30} {count}")
    left_out = not_scored_line(scored.not_scored)
    if left_out:
        click.echo(f"  {left_out}")
    if applied:
        for key in scored.formula_names:
            click.echo(f"  {FIGURE_LABELS[key]:<30} {scored.figures[key]:.1f}")
    elif not scored.counts.sentences:
        click.echo("  no text to score: no words, no formulas")
    else:
        click.echo(f"  too short for formulas: {plural(scored.counts.words, 'word')}, fewer than {min_words:g}; counts only "
                   f"(--min-words 0 gives the formulas anyway)")
    if len(scored.sections) > 1 or verbose:
        click.echo("sections:")
        headline = language.headline
        for section in scored.sections:
            # the line puts its own colon after the heading: "Authors' conclusions:" and French "Conclusions :" lose theirs
            heading = (section.heading or "(before the first heading)").rstrip().rstrip(":").rstrip()
            figures = section.figures
            if section.formulas_applied:
                detail = f"{FIGURE_LABELS[headline]} {figures[headline]:.1f}"
                if language.english:
                    detail = f"grade {figures['flesch_kincaid_grade']:.1f}, reading ease {figures['flesch_reading_ease']:.1f}"
            else:
                detail = "too short for formulas"
            click.echo(f"  {heading}: {plural(figures['words'], 'word')}, {plural(figures['sentences'], 'sentence')}, {detail}")
    hard = [s for s in scored.sentences if hard_reasons(s, sentence_limits)]
    shown = scored.sentences if verbose else hard
    if shown:
        click.echo("sentences:" if verbose else "hard sentences:")
    for sentence in shown:
        location = scored.document.locate(sentence.offset)
        reasons = hard_reasons(sentence, sentence_limits)
        mark = f" HARD: {', '.join(reasons)}" if reasons else ""
        click.echo(f"  {name}:{location.line}:{location.column}: {plural(sentence.figures['words'], 'word')}, "
                   f"{sentence_score(sentence)}{mark}")
        click.echo(f"      \"{sentence.text}\"")
        if sentence.long_words and (verbose or reasons):
            click.echo(f"      long words: {', '.join(dict.fromkeys(sentence.long_words))}")


def _gate_config(config: Config, presets: tuple[str, ...]) -> Config:
    """The configuration with the named presets as the lay summary's gate (keys of the file's own
    [gate.summary] table, when there is one, still override them)."""
    from plainsum.config.gate import PRESETS

    unknown = [name for name in presets if name not in PRESETS]
    if unknown:
        raise click.BadParameter(f"unknown preset '{unknown[0]}'; known presets: {', '.join(PRESETS)}", param_hint="--preset")
    thresholds: dict[str, float] = {}
    for name in presets:
        thresholds.update(PRESETS[name])
    gate = dict(config.gate)
    gate["summary"] = thresholds
    return dataclasses.replace(config, gate=gate)


def _with_min_words(config: Config, min_words: int) -> Config:
    """The configuration with --min-words as the lay summary's formula_min_words, so the gate applies the
    formulas that are shown."""
    from plainsum.config.gate import GateSettings

    detail = config.gate_detail or GateSettings()
    detail = dataclasses.replace(detail, formula_min_words={**detail.formula_min_words, "summary": float(min_words)})
    return dataclasses.replace(config, gate_detail=detail)


def _findings(scored: Scored, config: Config, gated: bool, with_checks: bool) -> list[Finding]:
    from plainsum.checks import registry

    findings = registry.run(scored, config)
    wanted = [f for f in findings if (gated and f.check.startswith("readability.")) or (with_checks and not f.check.startswith("readability."))]
    return sorted(wanted, key=lambda f: (f.location.line, f.location.column))


@click.command("score")
@click.argument("source", default="-", metavar="[FILE|-]")
@click.option("--language", "language_code", default=None, metavar="L",
              help="The text's language: en (default), es, fr, de, it, pt, nl (a region such as es-MX is fine); "
                   "another code only if [languages] in the configuration maps it.")
@click.option("--preset", "presets", multiple=True, metavar="P",
              help="Apply this gate preset (nih, ama, vale, cochrane-2021, inflesz, ...) and exit 1 when the text fails it. Repeatable.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Apply the gate of this configuration file ([gate.summary]) and exit 1 when the text fails it.")
@click.option("--checks", "with_checks", is_flag=True, help="Also run the plain-language checks (jargon, rare words, ...).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--min-words", type=click.IntRange(min=0), default=None,
              help="Apply formulas only to texts (and sections) of at least this many words (default: formula_min_words "
                   "of [gate.summary], 100).")
@click.option("-v", "--verbose", is_flag=True, help="Text format: list every sentence with its figures.")
@click.pass_context
def command(ctx: click.Context, source: str, language_code: str | None, presets: tuple[str, ...], config_file: Path | None,
            with_checks: bool, output_format: str, min_words: int | None, verbose: bool) -> None:
    """Score a Markdown or plain-text FILE (or standard input): every figure, per section and per sentence.

    Headings are not sentences; each list item is one; reference lists, tables, code, URLs and DOIs are
    not scored. With --preset or --config the gate applies: exit code 1 when the text fails it.
    Exit code 0, 1 (gate failed), or 2 (unreadable file, unknown language, preset or option).
    """
    from plainsum.commands import load_config_from
    from plainsum.readability.languages import UnknownLanguage, language_profile
    from plainsum.readability.score import score_markdown

    if presets and config_file is not None:
        raise click.UsageError("use --preset or --config, not both")
    if config_file is not None:
        ctx.obj = {**(ctx.obj or {}), "config_path": config_file}
    config = load_config_from(ctx)
    gated = bool(presets) or (ctx.obj or {}).get("config_path") is not None
    code = (language_code or "en").strip()
    try:
        language = language_profile(code, config.languages)
    except UnknownLanguage as error:
        raise click.BadParameter(str(error), param_hint="--language") from None
    # The gate of text in this language, as `check` gives a document in it ([gate.summary.languages.<code>]
    # in place of [gate.summary]); a --preset then names the bounds, on top of the language's other settings.
    config = config.for_language(code)
    if presets:
        config = _gate_config(config, presets)
    if min_words is None:
        min_words = int(config.formula_min_words("summary"))
    else:
        config = _with_min_words(config, min_words)
    text, name = _read(source)
    scored = score_markdown(text, name, "summary", min_words, language)
    findings = _findings(scored, config, gated, with_checks) if gated or with_checks else []
    failed = gated and any(f.severity == "error" for f in findings)
    skipped = _skipped(scored, config) if with_checks else []
    if output_format == "json":
        data = score_json(scored, name, min_words)
        if gated:
            data["passed"] = not failed
        if gated or with_checks:
            data["findings"] = [f.as_dict() for f in findings]
        if with_checks:
            data["checks_skipped"] = skipped
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        _print_text(scored, name, min_words, verbose, config.sentence_limits("summary"), config.languages)
        _print_findings(findings, skipped, scored, gated, failed)
    ctx.exit(1 if failed else 0)


def _skipped(scored: Scored, config: Config) -> list[str]:
    from plainsum.checks import registry

    return registry.skipped(scored, config)


def _print_findings(findings: list[Finding], skipped: list[str], scored: Scored, gated: bool, failed: bool) -> None:
    if findings:
        click.echo("findings:")
    for finding in findings:
        click.echo(f"  {finding.location}: {finding.severity} [{finding.check}] {finding.message}")
        if finding.suggestion:
            click.echo(f"      suggestion: {finding.suggestion}")
    if skipped:
        click.echo(f"not run on {scored.language.name} text (their data are English): {', '.join(skipped)}")
    if gated:
        errors = sum(1 for f in findings if f.severity == "error")
        click.echo(f"gate: FAIL ({plural(errors, 'error')})" if failed else "gate: pass")

