"""Prose is a small whitelisted template language (issue 30): the audit's bombs are refused at their
line and column before they run, within 1 s of CPU and 300 MB each; what is allowed stays bounded by
one budget for the whole run; no object's representation reaches an output.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BASE = "ilsp-immunotherapy"
PEAK_MEMORY_MB = 300
CPU_SECONDS = 1.0

# The bombs of issue 30's audit, each passing the caps of the general sandbox that came before.
BOMBS = {
    "list-of-strings": "{{ ['a' * 1000000] * 100000 }}",
    "list-of-strings-string": "{{ (['a' * 1000000] * 100000) | string }}",
    "list-of-strings-concat": "{{ ['a' * 1000000] * 100000 ~ '' }}",
    "list-of-strings-lower": "{{ (['a' * 1000000] * 100000) | lower }}",
    "list-of-lists": "{{ [[0] * 100000] * 100000 }}",
    "min-of-long-strings": "{{ ['a' * 1000000, 'a' * 1000000] | min }}",
    "map-upper": "{{ (['a' * 1000000] * 1000) | map('upper') | list }}",
    "indent": "{{ ('a\n' * 500000) | indent }}",
    "str-join": "{{ 'x'.join(['a' * 1000] * 1000) }}",
    "wordwrap": "{{ ('a ' * 400000) | wordwrap(1) }}",
    "percent-key-in-brackets": "{{ '%((a))999999999d' % {'(a)': 1} }}",
    "list-compare": "{{ [[0] * 100000] * 100000 == [[0] * 100000] * 100000 }}",
    "sum-of-lists": "{{ ([[0] * 1000] * 1000) | sum(start=[]) }}",
    "attr-repr": "{{ (''|attr('upper'))|string }}",
    "unknown-filter-in-loop": "{% for d in databases %}{{ d | no_such_filter }}{% endfor %}",
    "macro": "{% macro f() %}x{% endmacro %}{{ f() }}",
    "set": "{% set x = databases %}{{ x }}",
}


def _review_text(bomb: str, review_id: str) -> str:
    text = (REPO / "content" / f"{BASE}.yaml").read_text(encoding="utf-8")
    text = text.replace(f"id: {BASE}", f"id: {review_id}")
    return text.replace("plain_title: >-\n", "plain_title: |-\n  " + bomb.replace("\n", "\\n") + "\n  ", 1)


_MEASURE = (
    "import atexit, resource, sys\n"
    "def report():\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmHWM:'):\n"
    "            sys.stderr.write('plainsum-test-peak-kb ' + line.split()[1] + '\\n')\n"
    "    usage = resource.getrusage(resource.RUSAGE_SELF)\n"
    "    sys.stderr.write('plainsum-test-cpu %f\\n' % (usage.ru_utime + usage.ru_stime))\n"
    "atexit.register(report)\n"
    "from plainsum.cli import main\n"
    "sys.argv = ['plainsum', *sys.argv[1:]]\n"
    "main()\n"
)


def _run_measured(args: list[str], cwd: Path) -> tuple[int, str, int, float]:
    """(exit code, stderr, peak resident MB, CPU seconds) of one plainsum run, measured by the child itself."""
    process = subprocess.run([sys.executable, "-c", _MEASURE, *args], cwd=cwd, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True, check=False)
    peak = re.findall(r"^plainsum-test-peak-kb (\d+)$", process.stderr, re.M)
    cpu = re.findall(r"^plainsum-test-cpu ([\d.]+)$", process.stderr, re.M)
    assert peak and cpu, process.stderr
    stderr = re.sub(r"^plainsum-test-(peak-kb|cpu) .*\n", "", process.stderr, flags=re.M)
    return process.returncode, stderr, int(peak[-1]) // 1024, float(cpu[-1])


def _project(root: Path, files: dict[str, str]) -> Path:
    (root / "content").mkdir(parents=True)
    (root / "plainsum.toml").write_text("", encoding="utf-8")
    for name, text in files.items():
        (root / "content" / name).write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_each_bomb_is_refused_at_its_line_and_column_within_a_second_and_300_mb(tmp_path, name):
    bomb = BOMBS[name]
    root = _project(tmp_path / "p", {f"bomb-{name}.yaml": _review_text(bomb, f"bomb-{name}")})
    code, stderr, peak_mb, cpu = _run_measured(["check"], root)
    assert code == 2, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr and "<introspection>" not in stderr
    found = re.findall(rf"^content/bomb-{re.escape(name)}\.yaml:(\d+):(\d+): (.+)$", stderr, re.M)
    assert found, stderr
    line, column, message = found[0]
    assert int(line) == 10 and 3 <= int(column) <= 3 + len(bomb), found
    assert ("prose cannot use" in message and "prose may use" in message) or "unknown filter" in message, message
    assert peak_mb < PEAK_MEMORY_MB, f"peak memory {peak_mb} MB"
    assert cpu < CPU_SECONDS + 1.5, f"{cpu:.2f} s of CPU (the interpreter's start included)"


def test_the_column_points_at_the_construct():
    from jinja2 import TemplateSyntaxError

    from plainsum.content.prose import parse_prose

    with pytest.raises(TemplateSyntaxError, match="arithmetic"):
        parse_prose("Searched {{ search_date * 2 }}")


@pytest.mark.parametrize("template, expected", [
    ("{{ n | in_words | capitalize }} trials", "Three trials"),
    ("{% for d in names %}{{ d }}{% if not loop.last %}, {% endif %}{% endfor %}", "A, B, C"),
    ("{{ names | join_and }}", "A, B, and C"),
    ("{{ 'many' if n > 2 else 'few' }}", "many"),
    ("{% if 'B' in names and not (n == 1) %}yes{% else %}no{% endif %}", "yes"),
    ("{{ word ~ 's' }} {{ names[0] }} {{ meta.kind }} {{ meta['kind'] | upper }}", "trials A review REVIEW"),
    ("{{ missing is defined }} {{ names | length }} {{ names | first | lower }}", "False 3 a"),
])
def test_what_the_language_allows_renders(template, expected):
    from plainsum.content.prose import render_text

    facts = {"n": 3, "names": ["A", "B", "C"], "word": "trial", "meta": {"kind": "review"}}
    assert render_text(template, facts) == expected


@pytest.mark.parametrize("template", [
    "{{ 2 ** 10 }}", "{{ word.upper() }}", "{{ names[1:] }}", "{{ {'a': 1} }}", "{% set x = 1 %}",
    "{% for x in 'abc' %}{% endfor %}", "{% for a, b in names %}{% endfor %}", "{{ loop.cycle('a') }}",
    "{{ word | center(10) }}", "{{ names | join('x' * 3) }}", "{{ word | default(names) }}",
    "{% for c in names recursive %}{% endfor %}", "{{ names.__class__ }}", "{{ names | attr('x') }}",
    "{% filter upper %}x{% endfilter %}", "{{ word | truncate(5) }}", "{{ names | round(1000) }}",
])
def test_everything_else_is_refused_before_it_runs(template):
    from jinja2 import TemplateSyntaxError

    from plainsum.content.prose import parse_prose

    with pytest.raises(TemplateSyntaxError, match="prose cannot use"):
        parse_prose(template)


def test_a_loop_over_text_or_a_mapping_is_refused_when_it_runs():
    from plainsum.content.prose import render_text
    from plainsum.content.sandbox import ProseLimit

    with pytest.raises(ProseLimit, match="list"):
        render_text("{% for c in word %}{{ c }}{% endfor %}", {"word": "x" * 100_000})


def test_no_method_or_object_representation_reaches_the_output():
    from plainsum.content.prose import render_text
    from plainsum.content.sandbox import ProseLimit

    for template in ("{{ meta.items ~ '' }}", "{{ meta.items }}", "{{ meta ~ '' }}", "{{ names ~ '' }}"):
        with pytest.raises(ProseLimit):
            render_text(template, {"meta": {"kind": "review"}, "names": ["a"]})


def _slow_fields_review(count: int) -> str:
    """A review whose facts hold a text of 100,000 characters and a list of 60 items, and with
    `count` fields that each title-case the text in a loop two deep over the list (3,600 times:
    allowed constructs, about two seconds a field)."""
    text = _review_text("x", "slow")
    items = "".join(f"    - item {i}\n" for i in range(60))
    text = text.replace("facts:\n", "facts:\n  big: " + "word " * 20_000 + "\n  many:\n" + items, 1)
    loops = "{% for a in many %}{% for b in many %}{{ big | title | length }}{% endfor %}{% endfor %}"
    extra = "".join(f"  - heading: Part {i}\n    technical: '{loops}'\n    plain: '{loops}'\n" for i in range(count // 2))
    return text.replace("\nsections:\n", "\nextra_sections:\n" + extra + "\nsections:\n", 1)


def test_a_file_of_200_slow_fields_is_refused_within_the_run_budget(tmp_path):
    from plainsum.content import sandbox

    root = _project(tmp_path / "p", {"slow.yaml": _slow_fields_review(200)})
    code, stderr, peak_mb, cpu = _run_measured(["check"], root)
    assert code == 2, stderr
    assert "Traceback" not in stderr
    assert len(re.findall(r"^content/slow\.yaml:\d+:\d+: .*extra_sections\.", stderr, re.M)) >= 150, stderr[-2000:]
    assert "budget of this run" in stderr, stderr[-2000:]
    assert cpu < sandbox.RUN_TIME_BUDGET + 5, f"{cpu:.1f} s of CPU"
    assert peak_mb < PEAK_MEMORY_MB
