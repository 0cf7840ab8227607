"""Problems found in user input, and the exit codes the CLI promises."""

from __future__ import annotations

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


def display_path(path: Path) -> str:
    """A path as the user should see it: relative to the working directory when it is below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
