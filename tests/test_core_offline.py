"""No network at run time: checking, building and textstat's syllables work with sockets refused."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"network use at run time: {args[1:] or kwargs}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    import nltk

    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setenv("NLTK_DATA", "/nonexistent")


def test_textstat_gets_the_cmu_dictionary_from_the_installed_package(no_network):
    from plainsum.readability.offline import textstat_offline

    textstat = textstat_offline()
    assert textstat.syllable_count("immunotherapy") == 6
    assert textstat.flesch_kincaid_grade("The cat sat on the mat. It was happy there.") < 5


def test_check_and_build_use_no_network(no_network, project: Path):
    from plainsum.build.builder import BuildOptions, build
    from plainsum.gate.settings import load_config
    from plainsum.project.project import Project

    config = load_config(project)
    assert Project(config).check([]).exit_code == 0
    outcome = build([], config, BuildOptions(formats=["html", "txt", "pdf"], output_dir=project / "output", jobs=1))
    assert outcome.exit_code == 0
    assert (project / "output" / "ilsp-immunotherapy" / "summary.pdf").is_file()
