"""Patterns made from the kept compiled code are the patterns `re` compiles (plainsum/project/regexcache.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from plainsum.project import regexcache

_compiler: Any = regexcache._modules()[0]

PATTERNS = [
    (r"\b(?:one|two|three)\b", 0),
    (r"(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>%|per cent)", re.I),
    (r"[^\W\d_][^\W\d_'’]*(?:-[^\W\d_]+)*", 0),
    (r"(?<![\w-])(?:risk|odds) ratio(?![\w-])", re.I | re.M),
    (r"^\s*#{1,6}\s+(.*?)\s*#*\s*$", re.M),
    (r"(a)(b)?(?(2)c|d)", 0),
    (r"[\u00c0-\u024f]+", re.I),
    (rb"\x00+|[\x80-\xff]{2}", 0),
    (r"(?x) a  b  # a comment", 0),
    (r"(?s).*?END", re.A),
]


def _env(home: Path) -> dict[str, str]:
    root = Path(__file__).resolve().parent.parent
    return {**os.environ, "XDG_CACHE_HOME": str(home), "PYTHONPATH": str(root), "PYTHONHASHSEED": "0"}


SCRIPT = """
import re, sys
from re import _compiler
original = _compiler.compile
from plainsum.project import regexcache
regexcache.install()
import plainsum.checks.numbers, plainsum.grade.reading  # patterns compiled as modules are imported
kept = regexcache._codes()
same = 0
for (pattern, flags) in list(kept):
    made = _compiler.compile(pattern, flags)
    assert made == original(pattern, flags), pattern
    assert made.groupindex == original(pattern, flags).groupindex and made.groups == original(pattern, flags).groups
    same += 1
print(len(kept), len(regexcache._state["added"]), same)
"""


def test_kept_patterns_are_res_own(tmp_path: Path) -> None:
    first = subprocess.run([sys.executable, "-c", SCRIPT], env=_env(tmp_path), capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    kept, added, same = map(int, first.stdout.split())
    assert kept == added == same > 100  # the first run compiles them all and writes them
    files = list((tmp_path / "plainsum" / "regex").glob("*.marshal"))
    assert len(files) == 1 and files[0].stat().st_mode & 0o077 == 0
    second = subprocess.run([sys.executable, "-c", SCRIPT], env=_env(tmp_path), capture_output=True, text=True)
    assert second.returncode == 0, second.stderr
    kept, added, same = map(int, second.stdout.split())
    assert added == 0 and kept == same > 100  # the second makes them from the file, equal to re's


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_a_pattern_made_from_its_code_is_res(pattern: str | bytes, flags: int) -> None:
    regexcache.install()
    original = regexcache._state["original"]
    if not original:
        pytest.skip("this Python's re is not the one the cache knows")
    made = _compiler.compile(pattern, flags)
    assert made == original(pattern, flags)
    assert (made.groups, dict(made.groupindex), made.flags) == (original(pattern, flags).groups,
                                                               dict(original(pattern, flags).groupindex),
                                                               original(pattern, flags).flags)


def test_a_damaged_or_foreign_file_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "x.marshal"
    path.write_bytes(b"not marshal data")
    path.chmod(0o600)
    assert regexcache._read(path) == {}
    import marshal

    path.write_bytes(marshal.dumps({("a", 0): (0, b"\1\0\0\0", 0, {}, ()), "junk": 1, ("b", "x"): (),
                                    ("c", 0): (0, [1, 2], 0, {}, ())}))  # ("c", 0): the lists of the format before
    assert list(regexcache._read(path)) == [("a", 0)]
    path.chmod(0o622)  # writable by others: not trusted
    assert regexcache._read(path) == {}


def test_a_damaged_entry_is_compiled_again() -> None:
    regexcache.install()
    if not regexcache._state["original"]:
        pytest.skip("this Python's re is not the one the cache knows")
    key = (r"damaged (entry)", 0)
    regexcache._codes()[key] = (0, b"\xe7\x03\0\0\1\0\0\0", 0, {}, (None,))
    re.purge()
    match = re.compile(*key).match("damaged entry")
    assert match is not None and match.group(1) == "entry"
    assert key not in regexcache._codes()
