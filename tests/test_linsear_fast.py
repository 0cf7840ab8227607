"""Linsear Write's short ways (a speed-up, issue 28): first_words_points sums the first `room` tokens' counts in one C
call when they are all words, and a document whose first section holds its first 100 words takes that section's
figure. Held to the word-by-word reading and to the whole document's rows read again, on random sentences and
random documents of sections of every length."""

from __future__ import annotations

import random

from plainsum.readability import metrics, score
from plainsum.readability.languages import ENGLISH
from plainsum.readability.textmodel import tokens

WORDS = ["the", "effect", "participants", "randomised", "studies", "a", "of", "intervention", "12", "0.5", "–", "(", ")",
         "-", "http://example.org/x", "evidence.", "certainty,", "low-certainty", "COVID-19", "Acupuncture", "anti-inflammatory"]


def reference_points(words: list[str], room: int) -> tuple[int, int]:
    found = metrics.sentence_words(words, ENGLISH)[:room]
    return sum(3 if info.long else 1 for info in found), len(found)


def test_first_words_points_as_read_word_by_word() -> None:
    rng = random.Random(2825)
    for _ in range(5000):
        sentence = [rng.choice(WORDS) for _ in range(rng.randint(0, 40))]
        if rng.random() < 0.05:
            sentence.append(f"new{rng.randint(0, 10**9)}word")  # a token not counted yet
        room = rng.randint(1, 45)  # (_linsear asks for one word or more)
        assert metrics.first_words_points(sentence, room, ENGLISH) == reference_points(sentence, room), (sentence, room)
        metrics.sentences_packed([sentence], ENGLISH)  # counted now: the short way the next time
        assert metrics.first_words_points(sentence, room, ENGLISH) == reference_points(sentence, room), (sentence, room)


def test_a_documents_linsear_is_its_first_words() -> None:
    rng = random.Random(2826)
    for _ in range(400):
        parts = []
        for _ in range(rng.randint(1, 4)):
            parts.append("## " + rng.choice(["Background", "Results", "What we found"]))
            for _ in range(rng.randint(0, 4)):
                words = [rng.choice(WORDS[:12]) for _ in range(rng.randint(1, 60))]
                parts.append(" ".join(words).capitalize() + ".")
        text = "\n\n".join(parts) + "\n"
        scored = score.score_markdown(text, min_words=rng.choice([0, 20, 100]))
        rows = [(int(s.figures["words"]), int(s.figures["long_words"]), s.text) for s in scored.sentences]
        if scored.formulas_applied or scored.figures.get("linsear_write_formula") is not None:
            assert scored.figures["linsear_write_formula"] == score._linsear(rows, ENGLISH), text
        assert tokens  # (the text model's tokens are what the scorer reads)
