"""Build progress: a bar on a terminal, plain lines in logs (not a terminal, or CI is set)."""

from __future__ import annotations

import os
import shutil
import sys
import time
from typing import TextIO

REFRESH_SECONDS = 0.1


def interactive(stream: TextIO) -> bool:
    if os.environ.get("CI"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    """Counts finished items out of `total`.

    On a terminal it redraws one line (a bar, the count and the last item) at most ten times a
    second. Otherwise it prints a line at each tenth of the work, so a log shows how far a build
    got without a line per review.
    """

    def __init__(self, total: int, what: str = "reviews", stream: TextIO | None = None, bar: bool | None = None):
        self.total = total
        self.what = what
        self.stream = stream or sys.stderr
        self.bar = interactive(self.stream) if bar is None else bar
        self.done = 0
        self.started = time.monotonic()
        self._last_draw = 0.0
        self._last_tenth = 0
        self._drawn = False

    def advance(self, label: str = "", count: int = 1) -> None:
        self.done += count
        if self.bar:
            now = time.monotonic()
            if now - self._last_draw >= REFRESH_SECONDS or self.done >= self.total:
                self._last_draw = now
                self._draw(label)
        else:
            tenth = self.done * 10 // self.total if self.total else 10
            if tenth > self._last_tenth:
                self._last_tenth = tenth
                self._line()

    def _draw(self, label: str) -> None:
        width = shutil.get_terminal_size((80, 20)).columns
        fraction = self.done / self.total if self.total else 1.0
        count = f" {self.done}/{self.total} {self.what}"
        bar_width = max(10, min(40, width - len(count) - 30))
        filled = int(bar_width * fraction)
        line = f"[{'#' * filled}{'.' * (bar_width - filled)}]{count} {label}"
        self.stream.write("\r" + line[: width - 1].ljust(width - 1))
        self.stream.flush()
        self._drawn = True

    def _line(self) -> None:
        elapsed = time.monotonic() - self.started
        percent = 100 * self.done // self.total if self.total else 100
        self.stream.write(f"build: {self.done}/{self.total} {self.what} ({percent}%, {elapsed:.1f} s)\n")
        self.stream.flush()

    def close(self) -> None:
        if self.bar and self._drawn:
            self.stream.write("\r" + " " * (shutil.get_terminal_size((80, 20)).columns - 1) + "\r")
            self.stream.flush()
