"""docs/commands.md names every option of every command (an option missing from the docs is found here)."""

from __future__ import annotations

import click
from conftest import REPO

from plainsum.cli import COMMANDS, cli


def test_every_option_of_every_command_is_in_the_commands_page():
    page = (REPO / "docs" / "commands.md").read_text(encoding="utf-8")
    context = click.Context(cli)
    missing = []
    for name in COMMANDS:
        command = cli.get_command(context, name)
        commands = [(name, command)]
        if isinstance(command, click.Group):
            commands = [(f"{name} {sub}", command.get_command(context, sub)) for sub in command.list_commands(context)]
        for full, each in commands:
            if f"### plainsum {full}" not in page:
                missing.append(full)
            section = page[page.find(f"### plainsum {full}"):]
            section = section[: section.find("\n### ", 5) if "\n### " in section[5:] else len(section)]
            missing += [f"{full} {opt}" for param in each.params if isinstance(param, click.Option)
                        for opt in param.opts + param.secondary_opts if opt != "--config" and f"`{opt}" not in section]
    assert missing == []
