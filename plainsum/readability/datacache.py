"""Word tables derived from installed data files, kept between runs as marshal files.

Building a table from a package's data file (the CMU dictionary, wordfreq's frequency list) takes
a few tenths of a second; loading the derived table takes a few hundredths. The cache lives in
the platform's user cache folder for plainsum (platformdirs: $XDG_CACHE_HOME/plainsum or
~/.cache/plainsum on Linux, ~/Library/Caches/plainsum on macOS, %LOCALAPPDATA% on Windows), keyed by the source file's size and modification
time, so a new version of the data builds a new table. Nothing is downloaded; when the folder
cannot be written the table is simply built each run.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import platformdirs

T = TypeVar("T")


def cache_folder() -> Path:
    return Path(platformdirs.user_cache_dir("plainsum", appauthor=False))


def cached_table(name: str, source: os.PathLike[str] | str, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """The table `build()` makes from `source`, from the cache when it is there and current."""
    return cached_value(name, source, build, lambda loaded: isinstance(loaded, dict) and bool(loaded))


def cached_value(name: str, source: os.PathLike[str] | str, build: Callable[[], T], valid: Callable[[object], bool]) -> T:
    """What `build()` makes from `source` (any value marshal can store), from the cache when it is
    there, current, and passes `valid`."""
    cache: Path | None = None
    try:
        stat = os.stat(str(source))
        cache = cache_folder() / f"{name}-{stat.st_size}-{int(stat.st_mtime)}.marshal"
        if cache.is_file():
            loaded = marshal.loads(cache.read_bytes())
            if valid(loaded):
                return loaded  # type: ignore[no-any-return]  # marshal gives Any; `valid` checked its shape
    except (OSError, ValueError, EOFError, TypeError, RuntimeError):  # RuntimeError: no home folder
        cache = None
    value = build()
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            temporary = cache.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(marshal.dumps(value))  # type: ignore[arg-type]  # T is a marshal-able value
            os.replace(temporary, cache)
        except OSError:
            pass  # a read-only home folder only costs the build time
    return value
