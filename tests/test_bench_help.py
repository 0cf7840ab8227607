"""`python -m bench NAME --help` says what a benchmark measures and its options, and runs nothing."""

from __future__ import annotations

import pytest

from bench.__main__ import BENCHMARKS, main


@pytest.mark.parametrize("name", ["build", "truth", "release", "scoring"])
def test_help_prints_the_benchmarks_usage_without_running_it(name: str, capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    module = importlib.import_module(BENCHMARKS[name][0])

    def refuse(argv: list[str]) -> int:
        raise AssertionError(f"bench {name} ran under --help")

    monkeypatch.setattr(module, "main", refuse)
    assert main([name, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"python -m bench {name}: ")
    assert f"python -m bench {name}" in out.split("\n", 1)[1] or module.__doc__ is None
