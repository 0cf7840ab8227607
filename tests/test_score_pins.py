"""Scores pinned: every figure, count, sentence and word of a fixed sample of texts, as recorded.

Speed work on the scoring code (issue 28) must leave every output the same. Each text's whole score
(document figures and counts, each section, each sentence with its words' syllables, letters and
familiarity) is written out canonically and hashed; the document figures are kept in clear too, so a
failure says which moved. The sample: every 10th review of the corpus (its abstract and lay
summary; skipped without ../shared), and texts in every language from the hand-counted fixtures and
bench/language_texts.py (always run).

A deliberate change of a count or formula regenerates the pins, after the change is checked against
the hand-counted sets: `python tests/test_score_pins.py`.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
PINS = HERE / "fixtures" / "readability" / "score_pins.json"
CORPUS = HERE.parent.parent / "shared" / "corpus" / "cochrane-dev.jsonl.gz"
CORPUS_STEP = 10
SHOWN = ("sentences", "words", "syllables", "long_words", "flesch_kincaid_grade")  # kept in clear, to say what moved


def _fixture_texts() -> dict[str, tuple[str, str]]:
    """name -> (language, text) from the hand-counted fixtures and the benchmark's language texts."""
    from bench.language_texts import TEXTS

    texts = {f"language:{code}": (code, text) for code, text in TEXTS.items()}
    folder = HERE / "fixtures" / "readability"
    for path in sorted(folder.glob("*.txt")):
        if path.name.startswith("syllables_"):
            continue
        language = path.stem.rsplit("_", 1)[-1]
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
        plain = re.sub(r"\{\d+\}", "", "\n".join(lines)).replace("\u00b7", "").replace(" | ", " ")
        texts[f"fixture:{path.stem}"] = (language, plain)
    return texts


def _corpus_texts() -> dict[str, tuple[str, str]]:
    from bench.scoring import corpus_texts

    texts = corpus_texts(CORPUS)
    return {f"corpus:{index // 2}:{kind}": ("en", text)
            for index, (kind, text) in enumerate(texts) if (index // 2) % CORPUS_STEP == 0}


def _canonical(scored) -> dict:
    def sentence(s) -> list:
        return [s.text, s.offset, s.section, s.figures, s.counts.as_dict(), [list(w) for w in s.words], s.difficulty]

    return {
        "figures": scored.figures,
        "counts": scored.counts.as_dict(),
        "applied": scored.formulas_applied,
        "not_scored": scored.not_scored,
        "sections": [[s.heading, s.offset, s.figures, s.counts.as_dict(), s.formulas_applied,
                      [sentence(x) for x in s.sentences]] for s in scored.sections],
        "sentences": [sentence(s) for s in scored.sentences],
        "long_words": [s.long_words for s in scored.sentences],
    }


def _pin(language: str, text: str) -> dict:
    from plainsum.readability.score import score_markdown

    whole = _canonical(score_markdown(text, language=language))
    digest = hashlib.sha256(json.dumps(whole, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return {"figures": {key: whole["figures"][key] for key in SHOWN if key in whole["figures"]}, "digest": digest}


def _pins(texts: dict[str, tuple[str, str]]) -> dict[str, dict]:
    return {name: _pin(language, text) for name, (language, text) in texts.items()}


def _recorded() -> dict[str, dict]:
    return json.loads(PINS.read_text(encoding="utf-8"))


def _compare(names: list[str], now: dict[str, dict], recorded: dict[str, dict]) -> None:
    moved = [name for name in names if now[name] != recorded[name]]
    detail = [
        f"{name}: " + ", ".join(f"{key} {recorded[name]['figures'][key]!r} -> {value!r}"
                                for key, value in now[name]["figures"].items() if recorded[name]["figures"].get(key) != value)
        for name in moved[:5]
    ]
    assert not moved, f"{len(moved)} of {len(names)} texts score differently: " + "; ".join(detail)


def test_fixture_texts_score_as_pinned():
    recorded = _recorded()
    now = _pins(_fixture_texts())
    assert set(now) <= set(recorded)
    _compare(sorted(now), now, recorded)


@pytest.mark.skipif(not CORPUS.is_file(), reason="corpus not available")
def test_corpus_sample_scores_as_pinned():
    recorded = _recorded()
    now = _pins(_corpus_texts())
    assert len(now) == len([name for name in recorded if name.startswith("corpus:")])
    _compare(sorted(now), now, recorded)


def test_scoring_twice_in_a_process_gives_the_same_pins():
    """The word caches must not change a result: a text scored cold and scored again pins the same."""
    language, text = _fixture_texts()["language:en"]
    assert _pin(language, text) == _pin(language, text)


def test_keeping_long_words_keeps_what_filtering_the_words_keeps():
    """`check --jobs` keeps a sentence's long words only; made from the tokens' counts, they are the same words."""
    from plainsum.readability.score import score_markdown

    for language, text in _fixture_texts().values():
        kept, full = score_markdown(text, language=language), score_markdown(text, language=language)
        for sentence in kept.sentences:
            sentence.keep_long_words()
        assert [s.words for s in kept.sentences] == [[w for w in s.words if w.long] for s in full.sentences]


def test_long_words_read_first_are_the_long_ones_of_all_its_words() -> None:
    # a hard sentence's long words are read without making its other words; then kept as keep_long_words keeps them
    from plainsum.readability.score import score_markdown

    for language, text in _fixture_texts().values():
        first, full = score_markdown(text, language=language), score_markdown(text, language=language)
        assert [s.long_words for s in first.sentences] == [[w.word for w in s.words if w.long] for s in full.sentences]
        for sentence in first.sentences:
            sentence.keep_long_words()
        assert [s.words for s in first.sentences] == [[w for w in s.words if w.long] for s in full.sentences]


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))
    everything = {**_fixture_texts(), **(_corpus_texts() if CORPUS.is_file() else {})}
    pins = _pins(everything)
    lines = [f"{json.dumps(name)}: {json.dumps(pins[name], sort_keys=True, ensure_ascii=False)}" for name in sorted(pins)]
    PINS.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    print(f"pinned {len(everything)} texts in {PINS}")
