"""Problems found in user input, and the exit codes the CLI promises."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

EXIT_OK = 0
EXIT_FAILED = 1  # a gate or a check failed
EXIT_INVALID = 2  # invalid input or usage
EXIT_INTERNAL = 3  # a bug in plainsum


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file, with 1-based line and column."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class InputError(Exception):
    """Invalid input: carries every problem found, so the user sees all of them at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def closest_name(name: str, known: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The known name most like `name`, for a "did you mean 'x'?" hint; None when none is close enough.

    Every message that suggests a name (configuration keys, content keys, facts, filters, checks)
    asks here, so they all suggest the same name for the same typo. Each wraps it in its own words.
    """
    import difflib  # only for a 'did you mean': 3 ms of every start otherwise

    close = difflib.get_close_matches(name, list(known), n=1, cutoff=cutoff)
    return close[0] if close else None


def display_path(path: Path) -> str:
    """A path as the user should see it: relative to the working directory when it is below it.

    A link is shown by its own name, not by where it leads (content/x.yaml, not /etc/shadow)."""
    here = Path.cwd()
    absolute = Path(os.path.abspath(path))
    try:
        return str(absolute.relative_to(here))
    except ValueError:
        pass
    # resolved only when the plain path is not below: a stat per folder on the way, twice
    try:
        resolved, base = path.resolve(), here.resolve()
    except (OSError, RuntimeError):  # a link loop (RuntimeError before Python 3.13)
        resolved, base = absolute, here
    try:
        return str(resolved.relative_to(base))
    except ValueError:
        return str(path)


def decode_utf8(data: bytes, display: str) -> str:
    """Bytes as UTF-8 text (a leading BOM dropped), or a problem at the line and column of the first bad byte."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise InputError(
            [Problem(display, line, column, f"not UTF-8 text: byte 0x{data[exc.start]:02x} cannot be decoded")]
        ) from None
