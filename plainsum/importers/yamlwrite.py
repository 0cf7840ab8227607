"""Write a Draft as a content file people can read and edit: folded prose, comments on what to check."""

from __future__ import annotations

from typing import Any

import yaml

from plainsum.importers.model import Draft

_BASE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
WIDTH = 100


class _Dumper(_BASE_DUMPER):  # type: ignore[misc, valid-type]
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # paragraphs literally, one long line of prose folded at WIDTH (as the shipped examples are written); the emitter falls back
    # to a quoted style by itself when a folded scalar could not hold the text exactly
    style = "|" if "\n" in value else (">" if len(value) > WIDTH - 20 else None)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump(data: dict[str, Any]) -> str:
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=WIDTH, indent=2)
    if yaml.load(text, Loader=_LOADER) != data:
        # never trade exactness for looks
        text = yaml.dump(data, Dumper=_BASE_DUMPER, sort_keys=False, allow_unicode=True, width=WIDTH)
    return text


def draft_to_yaml(draft: Draft) -> str:
    header = [f"# {draft.title}" if "\n" not in draft.title else "# Imported review"]
    if draft.source:
        header.append(f"# Imported by `plainsum import` from {draft.source}.")
    header.extend(f"# NOTE: {note}" for note in draft.notes)
    return "\n".join(header) + "\n" + dump(draft.as_mapping())
