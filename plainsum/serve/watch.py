"""Change events for the preview, from watchfiles (inotify on Linux): content, templates, config.

Two watchers: one over the content and template folders and everything in them, one over the
project folder alone for its configuration files, so that output/ and a virtual environment in
the project are never watched.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

import watchfiles

from plainsum.serve.site import CONFIG_NAMES

DEBOUNCE_MS = 50  # a save is one event or a few within milliseconds; the page must reload within a second
STEP_MS = 20


def _config_filter(change: watchfiles.Change, path: str) -> bool:
    return Path(path).name in CONFIG_NAMES


def _content_filter(change: watchfiles.Change | None, path: str) -> bool:
    name = Path(path).name
    return not (name.startswith(".") or name.endswith(("~", ".swp", ".swx", ".tmp")) or ".plainsum-tmp" in name)


class ContentMemory:
    """The digest of each watched file as last seen, so that a save that changes no bytes (an editor's
    save-all, `touch`, a checkout of the same commit) does not rebuild a review and reload its page."""

    def __init__(self) -> None:
        self.digests: dict[Path, str | None] = {}
        self.lock = threading.Lock()

    @staticmethod
    def digest(path: Path) -> str | None:
        try:
            with open(path, "rb") as handle:
                return hashlib.blake2b(handle.read(), digest_size=16).hexdigest()
        except OSError:  # gone, or a folder: a change the site must see
            return None

    def remember(self, paths: Iterable[Path]) -> None:
        with self.lock:
            for path in paths:
                if path.is_file():
                    self.digests[path] = self.digest(path)

    def changed(self, paths: set[Path]) -> set[Path]:
        """The paths whose bytes differ from what was last seen (a new, removed or unreadable file counts)."""
        kept = set()
        with self.lock:
            for path in paths:
                now = self.digest(path)
                if path not in self.digests or self.digests[path] != now or now is None:
                    kept.add(path)
                self.digests[path] = now
        return kept


def start_watching(deep: list[Path], shallow: list[Path], on_change: Callable[[set[Path]], None],
                   stop: threading.Event) -> list[threading.Thread]:
    """Threads that call `on_change` with the paths whose bytes changed, until `stop` is set."""
    memory = ContentMemory()
    memory.remember(path for folder in deep if folder.is_dir() for path in folder.rglob("*") if _content_filter(None, str(path)))
    memory.remember(path for folder in shallow for name in CONFIG_NAMES for path in [folder / name])
    threads = []
    for folders, recursive, keep in ((deep, True, _content_filter), (shallow, False, _config_filter)):
        if not folders:
            continue
        thread = threading.Thread(target=_watch, args=(folders, recursive, keep, on_change, stop, memory),
                                  name="plainsum-watch", daemon=True)
        thread.start()
        threads.append(thread)
    return threads


def _watch(folders: list[Path], recursive: bool, keep: Callable[[watchfiles.Change, str], bool],
           on_change: Callable[[set[Path]], None], stop: threading.Event, memory: ContentMemory) -> None:
    for changes in watchfiles.watch(*folders, watch_filter=keep, debounce=DEBOUNCE_MS, step=STEP_MS, stop_event=stop,
                                    recursive=recursive, raise_interrupt=False):
        changed = memory.changed({Path(path) for _, path in changes})
        if changed:
            on_change(changed)
