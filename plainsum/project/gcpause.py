"""Pausing Python's cyclic garbage collector while building many small objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused(freeze: bool = False) -> Iterator[None]:
    """Loading a manifest creates hundreds of thousands of small objects that hold no reference
    cycles; the collector would walk the growing heap again and again meanwhile (about 40% of the
    time to load the corpus's manifest). Reference counting still frees everything as usual.

    With `freeze`, every object is set aside from the collector (gc.freeze) before it runs again:
    else its first collection after the pause walks all that the pause made (the corpus's manifest
    and records: two collections, about 30 ms of a rebuild). The caller puts them back with
    gc.unfreeze() when they may become garbage in cycles again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()
