"""Pausing Python's cyclic garbage collector while building many small objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Loading a manifest creates hundreds of thousands of small objects that hold no reference
    cycles; the collector would walk the growing heap again and again meanwhile (about 40% of the
    time to load the corpus's manifest). Reference counting still frees everything as usual."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
