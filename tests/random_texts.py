"""Random texts for the tests that hold a fast path equal to the pattern or code it replaces: pieces joined by what
`joiner` draws, from a seeded generator (the same texts each run)."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence


def random_texts(pieces: Sequence[str], joiner: Callable[[random.Random], str], count: int, seed: int) -> list[str]:
    """`count` texts of up to ten pieces, each followed by a joiner."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(0, 10)):
            parts.append(rng.choice(pieces))
            parts.append(joiner(rng))
        texts.append("".join(parts))
    return texts
