"""A scored English sentence made with only the three counts its figures read, the others unpacked when its `counts`
are read (a speed-up, issue 28): its figures, counts and difficulty held to metrics.sentence_figures and the counts
of its tokens, on random documents."""

from __future__ import annotations

import random

from plainsum.readability import metrics, score
from plainsum.readability.languages import ENGLISH
from plainsum.readability.textmodel import tokens

WORDS = ["the", "effect", "participants", "randomised", "studies", "a", "of", "intervention", "12", "0.5", "–", "(",
         "evidence.", "certainty,", "low-certainty", "COVID-19", "Acupuncture", "http://example.org/x", "anti-inflammatory"]


def test_sentences_as_counted_from_their_tokens() -> None:
    rng = random.Random(2827)
    for _ in range(300):
        parts = []
        for _ in range(rng.randint(1, 3)):
            parts.append("## Results")
            for _ in range(rng.randint(1, 4)):
                parts.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 40))).capitalize() + ".")
        scored = score.score_markdown("\n\n".join(parts) + "\n", min_words=0)
        for sentence in scored.sentences:
            counts = metrics.count_tokens(tokens(sentence.text), ENGLISH)
            assert sentence.counts == counts, sentence.text
            figures = metrics.sentence_figures(counts, ENGLISH)
            assert sentence.figures == figures, sentence.text
            assert sentence.difficulty == metrics.sentence_difficulty(figures, ENGLISH)
