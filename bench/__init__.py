"""Benchmarks: `python -m bench [NAME ...]` runs them all, or the ones named. Shared helpers below."""

from __future__ import annotations

import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "cochrane-dev.jsonl.gz"


def option(argv: list[str], name: str, default: str | None = None) -> str | None:
    """The value of `--name=VALUE` in argv ('' for a bare `--name`), or `default`."""
    for argument in argv:
        if argument == f"--{name}":
            return ""
        if argument.startswith(f"--{name}="):
            return argument.split("=", 1)[1]
    return default


def corpus_present() -> bool:
    """Whether ../shared/corpus is beside the repository; says so on stderr when it is not."""
    if CORPUS.is_file():
        return True
    print(f"corpus not found at {CORPUS}; nothing to measure", file=sys.stderr)
    return False
