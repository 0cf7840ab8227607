"""YAML is read as data (issue 30): YAML 1.2 scalars, a size cap on every scalar and on every expanded
alias, the value cap on every file, and numbers beyond sensible sizes refused at their line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from plainsum.errors import InputError
from plainsum.files import yamlsource

REPO = Path(__file__).resolve().parent.parent


def load(text: str, tmp_path: Path) -> object:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    return yamlsource.load_yaml(path, "x.yaml")[1].plain()


def refusal(text: str, tmp_path: Path) -> str:
    with pytest.raises(InputError) as caught:
        load(text, tmp_path)
    return "\n".join(str(p) for p in caught.value.problems)


@pytest.mark.parametrize("scalar, value", [
    ("1:30", "1:30"),  # YAML 1.1 read this as 90 (sexagesimal)
    ("1:30:00.5", "1:30:00.5"),
    ("0x1F", "0x1F"),
    ("0o17", "0o17"),
    ("012", 12),  # YAML 1.1: octal 10
    ("1_000", "1_000"),
    ("yes", "yes"), ("no", "no"), ("on", "on"), ("off", "off"),  # YAML 1.1 booleans
    ("true", True), ("false", False), ("null", None), ("~", None),
    ("42", 42), ("-7", -7), ("0.25", 0.25), ("1e3", 1000.0),
    ("2013-10-15", __import__("datetime").date(2013, 10, 15)),
])
def test_plain_scalars_are_read_as_yaml_1_2(tmp_path, scalar, value):
    assert load(f"a: {scalar}\n", tmp_path) == {"a": value}


@pytest.mark.parametrize("text, where, words", [
    ("a: !!int ''\n", "x.yaml:1:4", "not a whole number"),
    ("a: !!int 'x'\n", "x.yaml:1:4", "not a whole number"),
    ("a: !!float 'x'\n", "x.yaml:1:4", "not a number"),
    ("b: 1\na: " + "9" * 5000 + "\n", "x.yaml:2:4", "digits"),
    ("a: 1.5e" + "9" * 400 + "\n", "x.yaml:1:4", "digits"),
    ("a: !!python/object:os.system x\n", "x.yaml:1:4", "tag"),
    ("a: !!binary aGVsbG8=\n", "x.yaml:1:4", "tag"),
])
def test_numbers_and_tags_plainsum_does_not_read_are_refused_at_their_place(tmp_path, text, where, words):
    message = refusal(text, tmp_path)
    assert message.startswith(where), message
    assert words in message, message


def test_a_long_sexagesimal_number_is_plain_text_and_quick(tmp_path):
    text = "a: " + "1:" * 50_000 + "0\n"
    assert load(text, tmp_path) == {"a": text[3:-1]}


def test_every_scalar_has_a_size_cap(tmp_path):
    message = refusal("a: b\nc: " + "x" * (yamlsource.MAX_SCALAR_CHARS + 1) + "\n", tmp_path)
    assert message.startswith("x.yaml:2:4"), message
    assert f"{yamlsource.MAX_SCALAR_CHARS:,}" in message


def test_an_alias_is_counted_at_its_expanded_size(tmp_path):
    big = "x" * 150_000
    text = f"a: &s {big}\nb: [" + ", ".join(["*s"] * 50) + "]\n"
    message = refusal(text, tmp_path)
    assert re.match(r"x\.yaml:2:\d+: ", message), message
    assert "characters" in message and "aliases" in message


def test_the_value_cap_holds_without_any_anchor(tmp_path):
    text = "a: [" + ",".join(["1"] * 150_000) + "]\n"
    message = refusal(text, tmp_path)
    assert message.startswith("x.yaml:1:"), message
    assert "100,000 values" in message


_PEAK = (
    "import sys, resource\n"
    "from pathlib import Path\n"
    "from plainsum.files import yamlsource\n"
    "from plainsum.errors import InputError\n"
    "try:\n"
    "    yamlsource.load_yaml(Path(sys.argv[1]), 'bomb.yaml')\n"
    "    print('loaded')\n"
    "except InputError as e:\n"
    "    print(e.problems[0])\n"
    "for line in open('/proc/self/status'):\n"
    "    if line.startswith('VmHWM:'): print('peak-kb', line.split()[1])\n"
    "u = resource.getrusage(resource.RUSAGE_SELF); print('cpu', u.ru_utime + u.ru_stime)\n"
)


@pytest.mark.parametrize("name, text", [
    ("sexagesimal", "a: " + "1:" * 900_000 + "0\n"),
    ("aliased-string", "a: &s " + "x" * 1_200_000 + "\nb: [" + ", ".join(["*s"] * 50) + "]\n"),
    ("many-values", "a: [" + ",".join(["1"] * 950_000) + "]\n"),
])
def test_the_yaml_bombs_are_refused_at_their_line_in_bounded_time_and_memory(tmp_path, name, text):
    path = tmp_path / "bomb.yaml"
    path.write_text(text, encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", _PEAK, str(path)], capture_output=True, text=True, check=False,
                         cwd=REPO).stdout
    assert out.startswith("bomb.yaml:"), out
    peak_mb = int(re.search(r"peak-kb (\d+)", out).group(1)) // 1024  # type: ignore[union-attr]
    cpu = float(re.search(r"cpu ([\d.]+)", out).group(1))  # type: ignore[union-attr]
    assert peak_mb < 300, f"{name}: {peak_mb} MB"
    assert cpu < 2.0, f"{name}: {cpu:.2f} s of CPU (the interpreter's start included)"


# A small file is composed first and its limits looked at on what was composed (issue 28); what it gives,
# or refuses where, is what the event pass before composing gives. The limits are made small here so that
# each is crossed by a few lines; every text is read both ways.
SAME_EITHER_WAY = [
    "a: 1\nb: [x, y]\nc: {d: e}\n",
    "a: &x [1, 2, 3]\nb: *x\nc: *x\n",  # within the limits with its aliases expanded
    "a: &x [1, 2, 3, 4]\nb: [*x, *x, *x, *x]\nc: *x\n",  # over the value cap once expanded
    "a: &x 'abcdefghij'\nb: [*x, *x, *x, *x, *x, *x, *x]\n",  # over the character cap once expanded
    "a: 'abcdefghijklmnopqrstuvwxyz'\n",  # one scalar over its cap
    "a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]\n",  # values, no alias
    "a: 'abcdefghijklmnopqrstuvwxyz'\nb: [unclosed\n",  # a cap crossed before a syntax error
    "a: [unclosed\nb: 'abcdefghijklmnopqrstuvwxyz'\n",  # a syntax error before a cap
    "a: &x [1, *x]\n",  # an alias inside the value it names
    "a: &x [1]\nb: &x [*x, 2]\n",  # an anchor named again, its alias inside the new value
    "a: *missing\n",
    "a: 1\n---\nb: 2\n",
    "a: 1\na: 2\n",
    "" , "# only a comment\n", "[[[[[[[[[[x]]]]]]]]]]\n",
]


@pytest.mark.parametrize("text", SAME_EITHER_WAY)
def test_composing_first_reads_or_refuses_as_the_event_pass_does(tmp_path, monkeypatch, text):
    monkeypatch.setattr(yamlsource, "MAX_VALUES", 16)
    monkeypatch.setattr(yamlsource, "MAX_SCALAR_CHARS", 20)
    monkeypatch.setattr(yamlsource, "MAX_EXPANDED_CHARS", 60)
    monkeypatch.setattr(yamlsource, "MAX_DEPTH", 8)

    def outcome() -> object:
        try:
            return ("read", load(text, tmp_path))
        except InputError as error:
            return ("refused", [str(problem) for problem in error.problems])

    first = outcome()
    monkeypatch.setattr(yamlsource, "COMPOSE_FIRST_CHARS", -1)  # the event pass first, always
    assert first == outcome()
