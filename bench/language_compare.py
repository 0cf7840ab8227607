"""plainsum's language formulas next to textstat's, on the texts of bench/language_texts.py.

`python -m bench languages` prints, for every formula textstat 0.7.13 also has, plainsum's value,
textstat's, and plainsum's arithmetic on textstat's own counts. When the last equals textstat's value
the two differ only in what they count (sentences, syllables, letters); when it does not, the constants
differ too, and the table says which. The counts of both are printed beside them. docs/readability.md
("Compared with textstat") is this command's table; tests/test_language_formulas.py checks that it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from bench.language_texts import TEXTS

# textstat 0.7.13 functions that compute a plainsum figure, per language
COUNTERPARTS = {
    "es": {"szigriszt_pazos": "szigriszt_pazos", "fernandez_huerta": "fernandez_huerta", "lix": "lix", "rix": "rix"},
    "fr": {"kandel_moles": "flesch_reading_ease", "lix": "lix", "rix": "rix"},
    "de": {"amstad": "flesch_reading_ease", "wiener_sachtextformel": "wiener_sachtextformel", "lix": "lix", "rix": "rix"},
    "it": {"gulpease": "gulpease_index", "flesch_vacca": "flesch_reading_ease", "lix": "lix", "rix": "rix"},
    "pt": {"lix": "lix", "rix": "rix"},
    "nl": {"flesch_douma": "flesch_reading_ease", "lix": "lix", "rix": "rix"},
}

# Where textstat's constants are not plainsum's (docs/readability.md gives the sources)
CONSTANTS = {
    "szigriszt_pazos": "textstat starts from 206.84 (its Spanish Flesch base), the source from 206.835",
    "flesch_vacca": "textstat computes the 1986 revision, 217 − 1.3 ASL − 0.6 (100 Y/W); plainsum the 1972 formula",
}


@dataclass
class Counted:
    sentences: int
    words: int
    syllables: int
    long_letter_words: int
    letters: float  # textstat's: its characters, punctuation included, in proportion to words (as its Gulpease divides)


@dataclass
class Row:
    language: str
    figure: str
    plainsum: float
    textstat: float
    on_textstat_counts: float
    ours: Counted
    theirs: Counted

    def reason(self) -> str:
        parts = []
        if abs(self.on_textstat_counts - self.textstat) > 0.05:
            parts.append(CONSTANTS.get(self.figure, "different constants"))
        if self.ours.sentences != self.theirs.sentences:
            parts.append(f"sentences {self.ours.sentences} against {self.theirs.sentences}")
        uses_syllables = self.figure not in ("lix", "rix", "gulpease")
        if uses_syllables and self.ours.syllables != self.theirs.syllables:
            parts.append(f"syllables {self.ours.syllables} against {self.theirs.syllables}")
        if self.figure in ("lix", "rix", "wiener_sachtextformel") and self.ours.long_letter_words != self.theirs.long_letter_words:
            parts.append(f"long words {self.ours.long_letter_words} against {self.theirs.long_letter_words}")
        if self.figure == "gulpease" and self.ours.letters != self.theirs.letters:
            parts.append(f"letters {self.ours.letters:.0f} against {self.theirs.letters:.0f} characters (punctuation included)")
        if self.ours.words != self.theirs.words:
            parts.append(f"words {self.ours.words} against {self.theirs.words}")
        return "; ".join(parts) or "the same"

    def markdown(self) -> str:
        return (f"| {self.language} | `{self.figure}` | {self.plainsum:.1f} | {self.textstat:.1f} | "
                f"{self.on_textstat_counts:.1f} | {self.reason()} |")


def _plain_text(text: str) -> str:
    """The text as textstat reads it: without the Markdown headings (plainsum never counts them)."""
    return "\n".join(line for line in text.splitlines() if not line.startswith("#"))


def compare() -> list[Row]:
    from plainsum.readability.metrics import LANGUAGE_FORMULA_FUNCTIONS, Counts
    from plainsum.readability.offline import textstat_offline
    from plainsum.readability.score import score_markdown

    ts = textstat_offline()
    rows = []
    for language, counterparts in COUNTERPARTS.items():
        text = TEXTS[language]
        scored = score_markdown(text, min_words=0, language=language)
        ours = Counted(scored.counts.sentences, scored.counts.words, scored.counts.syllables, scored.counts.long_letter_words,
                       scored.counts.letters)
        plain = _plain_text(text)
        ts.set_lang(language)
        try:
            words = ts.lexicon_count(plain)
            with_marks = ts.lexicon_count(plain, removepunct=False)
            theirs = Counted(ts.sentence_count(plain), words, ts.syllable_count(plain), ts.long_word_count(plain),
                             ts.char_count(plain) * words / with_marks)
            their_counts = Counts(
                sentences=theirs.sentences, words=words, syllables=theirs.syllables,
                long_words=ts.polysyllabcount(plain), long_letter_words=theirs.long_letter_words,
                monosyllables=ts.monosyllabcount(plain), letters=theirs.letters,  # type: ignore[arg-type]
            )
            for figure, function in counterparts.items():
                call = getattr(ts, function)
                value = call(plain, 1) if function == "wiener_sachtextformel" else call(plain)
                rows.append(Row(language, figure, scored.figures[figure], value,
                                LANGUAGE_FORMULA_FUNCTIONS[figure](their_counts), ours, theirs))
        finally:
            ts.set_lang("en")
    return rows


HEADER = ("| language | figure | plainsum | textstat | plainsum on textstat's counts | why they differ |\n"
          "|---|---|---|---|---|---|")


def main(argv: list[str]) -> int:
    rows = compare()
    print(HEADER)
    for row in rows:
        print(row.markdown())
    return 0
