"""Prose is untrusted: the sandbox bounds its time and memory and reports every breach at the field, exit 2.

The bombs are those of the audit in issue 12 (each hung plainsum or used about 1 GB before).
"""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
from pathlib import Path

import pytest

from plainsum.content import sandbox
from plainsum.content.prose import parse_prose, render_text

REPO = Path(__file__).resolve().parent.parent
BASE = "ilsp-immunotherapy"
PEAK_MEMORY_MB = 300  # the bound README states for checking any content

BOMBS = {
    "repeat": "{{ 'a' * 10**8 }}",
    "center": "{{ 'a' | center(10**9) }}",
    "zfill": "{{ 'a'.zfill(10**9) }}",
    "indent": "{{ 'a' | indent(10**9) }}",
    "format-filter": "{{ '%.1000000000f' | format(1.0) }}",
    "percent": "{{ '%.1000000000f' % 1.0 }}",
    "nested-range": "{% for i in range(99999) %}{% for j in range(99999) %}x{% endfor %}{% endfor %}",
    "lipsum": "{% if true %}{{ lipsum(10**6) }}{% endif %}",
    "joiner": "{% if true %}{{ joiner() }}{% endif %}",
    "divide": "{{ 1 / 0 }}",
    "add": "{{ 'a' + 1 }}",
    "recursive-macro": "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
    "include": "{% include 'x.html' %}",
    "doubling-macro": "{% macro f(s) %}{{ f(s ~ s) }}{% endmacro %}{{ f('ab') }}",
    "power": "{{ 7 ** 9999999 }}",
    "nested-loops-over-facts": "{% for a in databases %}{% for b in 'x' * 999999 %}{{ b }}{% endfor %}{% endfor %}",
    "recursive-loop": "{% for c in 'a' recursive %}{{ loop(c) }}{% endfor %}",
    "output-in-a-block": "{% set x %}{% for a in 'x' * 999 %}{% for b in 'x' * 999 %}{{ 'y' * 999 }}{% endfor %}{% endfor %}{% endset %}{{ x | length }}",
    "replace": "{{ ('a' * 10000) | replace('a', 'b' * 10000) }}",
    "join": "{{ (['a' * 10000] * 10000) | join }}",
    "self": "{% if true %}{{ self }}{% endif %}",
    "str-format": "{{ '{:>999999999}'.format(1) }}",
}


def _review_text(bomb: str, review_id: str) -> str:
    text = (REPO / "content" / f"{BASE}.yaml").read_text(encoding="utf-8")
    text = text.replace(f"id: {BASE}", f"id: {review_id}")
    return text.replace("plain_title: >-\n", "plain_title: |-\n  " + bomb + "\n  ", 1)


@pytest.fixture
def bomb_project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "content").mkdir(parents=True)
    (root / "plainsum.toml").write_text("", encoding="utf-8")
    for name, bomb in BOMBS.items():
        (root / "content" / f"bomb-{name}.yaml").write_text(_review_text(bomb, f"bomb-{name}"), encoding="utf-8")
    return root


# The child reports its own high-water mark (VmHWM is per address space, so it starts afresh at exec).
# ru_maxrss from wait4 is not used: the kernel carries the forking parent's peak into it, and the
# parent here is a pytest process that may itself be past the bound late in a full run.
_REPORT_PEAK = (
    "import atexit, sys\n"
    "def report():\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmHWM:'):\n"
    "            sys.stderr.write('plainsum-test-peak-kb ' + line.split()[1] + '\\n')\n"
    "atexit.register(report)\n"
    "from plainsum.cli import main\n"
    "sys.argv = ['plainsum', *sys.argv[1:]]\n"
    "main()\n"
)


def _run_measuring_memory(args: list[str], cwd: Path) -> tuple[int, str, int]:
    """(exit code, stderr, peak resident memory in MB) of one plainsum run."""
    process = subprocess.run([sys.executable, "-c", _REPORT_PEAK, *args], cwd=cwd, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True, check=False)
    peaks = re.findall(r"^plainsum-test-peak-kb (\d+)$", process.stderr, re.M)
    assert peaks, process.stderr
    stderr = re.sub(r"^plainsum-test-peak-kb \d+\n", "", process.stderr, flags=re.M)
    return process.returncode, stderr, int(peaks[-1]) // 1024


def test_every_bomb_is_refused_at_its_field_with_exit_2_and_bounded_memory(bomb_project):
    code, stderr, peak_mb = _run_measuring_memory(["check"], bomb_project)
    assert code == 2, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr
    field_line, field_column = 10, 3  # the first character of the plain_title block (or the expression in it)
    for name in BOMBS:
        found = re.findall(rf"^content/bomb-{re.escape(name)}\.yaml:(\d+):(\d+): (.+)$", stderr, re.M)
        assert found, f"{name}: no error reported\n{stderr}"
        line, column, message = found[0]
        assert int(line) == field_line and field_column <= int(column) <= field_column + len(BOMBS[name]), (name, found)
        assert "plain_title" in message, (name, message)
    assert peak_mb < PEAK_MEMORY_MB, f"peak memory {peak_mb} MB"


def _render_in_sandbox(template: str, facts: dict) -> str:
    """Render through the sandbox alone, past the prose language's check: its limits are the second line."""
    from plainsum.content.prose import _ENV

    with sandbox.bounded(len(template)):
        return _ENV.from_string(sandbox.bound(_ENV.parse(template))).render(**facts)


@pytest.mark.parametrize("template, expected", [
    ("{{ 'a' * 10**8 }}", "the limit is 1,000,000"),
    ("{{ 'a' | center(10**9) }}", "over the sandbox's limit"),
    ("{{ '%.1000000000f' % 1.0 }}", "over the limit"),
    ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "nest more than"),
    ("{% for a in items %}{% for b in items %}{{ b }}{% endfor %}{% endfor %}", "too much work"),
    ("{{ s.zfill(10**9) }}", "is not one (it is a method)"),
    ("{{ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s }}", "joining with ~"),
])
def test_each_limit_of_the_sandbox_names_itself(template, expected):
    """What the prose language refuses before it runs, the sandbox still bounds if it ran."""
    with pytest.raises(sandbox.ProseLimit, match=re.escape(expected)):
        _render_in_sandbox(template, {"s": "x" * 100_000, "items": ["x"] * 100_000})


@pytest.mark.parametrize("template", [t for t in BOMBS.values() if "{% include" not in t and "{{ self" not in t
                                      and "self }}" not in t])
def test_the_prose_language_refuses_every_old_bomb_before_it_runs(template):
    from jinja2 import TemplateSyntaxError

    with pytest.raises(TemplateSyntaxError, match="prose cannot use"):
        parse_prose(template)


def test_no_jinja_globals_reach_prose():
    for name in ("range", "lipsum", "joiner", "cycler", "namespace", "dict"):
        with pytest.raises(Exception, match="undefined"):
            render_text(f"{{% if true %}}{{{{ {name} }}}}{{% endif %}}", {})


@pytest.mark.parametrize("template", ["{% include 'a' %}", "{% import 'a' as b %}", "{% from 'a' import b %}", "{% extends 'a' %}", "{{ self }}"])
def test_tags_that_reach_other_templates_are_refused_when_parsed(template):
    from jinja2 import TemplateSyntaxError

    with pytest.raises(TemplateSyntaxError, match="prose cannot use"):
        parse_prose(template)


def test_ordinary_prose_still_renders():
    facts = {"n": 3, "names": ["A", "B", "C"], "search_date": datetime.date(2013, 10, 15), "word": "trial"}
    template = (
        "{{ n | in_words | capitalize }} {{ word ~ 's' }} ({{ names | join_and }}), searched {{ search_date | long_date }}; "
        "{% for name in names %}{{ loop.index }}{{ name | lower }}{% if not loop.last %}, {% endif %}{% endfor %}; "
        "{{ word | upper }}/{{ 'many' if n > 2 else 'few' }}"
    )
    assert render_text(template, facts) == "Three trials (A, B, and C), searched 15 October 2013; 1a, 2b, 3c; TRIAL/many"


def test_the_time_budget_stops_a_field_without_waiting_for_it(monkeypatch):
    ticks = iter(range(0, 10**9, 1))
    monkeypatch.setattr(sandbox, "clock", lambda: float(next(ticks)))  # one second per reading of the clock
    sandbox.new_run()
    try:
        with pytest.raises(sandbox.ProseLimit, match=r"longer than|budget of this run"):
            render_text("{% for a in s %}{{ a }}{% endfor %}", {"s": ["x"] * 1000})
    finally:
        monkeypatch.undo()
        sandbox.new_run()


def test_the_same_prose_renders_the_same_bytes_every_time():
    template = "{% for a in names %}{{ a }}{% endfor %} {{ names | join_and }}"
    facts = {"names": ["x", "y"]}
    first = render_text(template, facts)
    assert all(render_text(template, facts) == first for _ in range(3))
    assert "0x" not in first and "[" not in first
