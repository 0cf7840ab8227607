"""The console examples of docs/plain-language.md §5 are what plainsum prints for the shipped example."""

from __future__ import annotations

import re

from conftest import REPO

EXAMPLE = "general-health-checks"


def _examples() -> list[tuple[str, str]]:
    text = (REPO / "docs" / "plain-language.md").read_text(encoding="utf-8")
    section = text[text.index("## 5. Example"):text.index("## 6.")]
    blocks = re.findall(r"```console\n\$ (.+?)\n(.*?)```", section, re.S)
    assert len(blocks) == 2, blocks
    return [(command, output.rstrip("\n")) for command, output in blocks]


def _run(cli, command: str) -> str:
    words = command.split()
    assert words[0] == "plainsum"
    return cli(*words[1:]).stdout.rstrip("\n")


def test_the_shipped_example_prints_what_the_docs_show(cli, project):
    command, shown = _examples()[0]
    assert _run(cli, command) == shown
    assert "2 of 2 documents passed the gate" in shown


def test_the_failing_example_prints_what_the_docs_show(cli, project):
    path = project / "content" / f"{EXAMPLE}.yaml"
    text = path.read_text(encoding="utf-8")
    title = "plain_title: Do general health checks help adults live longer or stay healthier\n"
    last_message = "      a stroke, or die from them.\n  what_is_heading"
    assert title in text and last_message in text
    text = text.replace(title, title.rstrip("\n") + ".\n").replace(
        last_message, "      a stroke, or die from them.\n    - People should still see their doctor when they feel ill.\n  what_is_heading")
    path.write_text(text, encoding="utf-8")
    command, shown = _examples()[1]
    assert _run(cli, command) == shown
