"""Change events for the preview, from watchfiles (inotify on Linux): content, templates, config.

Two watchers: one over the content and template folders and everything in them, one over the
project folder alone for its configuration files, so that output/ and a virtual environment in
the project are never watched.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import watchfiles

from plainsum.serve.site import CONFIG_NAMES

DEBOUNCE_MS = 50  # a save is one event or a few within milliseconds; the page must reload within a second
STEP_MS = 20


def _config_filter(change: watchfiles.Change, path: str) -> bool:
    return Path(path).name in CONFIG_NAMES


def _content_filter(change: watchfiles.Change, path: str) -> bool:
    name = Path(path).name
    return not (name.startswith(".") or name.endswith(("~", ".swp", ".swx", ".tmp")) or ".plainsum-tmp" in name)


def start_watching(deep: list[Path], shallow: list[Path], on_change: Callable[[set[Path]], None],
                   stop: threading.Event) -> list[threading.Thread]:
    """Threads that call `on_change` with the changed paths until `stop` is set."""
    threads = []
    for folders, recursive, keep in ((deep, True, _content_filter), (shallow, False, _config_filter)):
        if not folders:
            continue
        thread = threading.Thread(target=_watch, args=(folders, recursive, keep, on_change, stop),
                                  name="plainsum-watch", daemon=True)
        thread.start()
        threads.append(thread)
    return threads


def _watch(folders: list[Path], recursive: bool, keep: Callable[[watchfiles.Change, str], bool],
           on_change: Callable[[set[Path]], None], stop: threading.Event) -> None:
    for changes in watchfiles.watch(*folders, watch_filter=keep, debounce=DEBOUNCE_MS, step=STEP_MS, stop_event=stop,
                                    recursive=recursive, raise_interrupt=False):
        on_change({Path(path) for _, path in changes})
