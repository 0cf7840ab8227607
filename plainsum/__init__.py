"""plainsum: one review kept as data, two documents rendered from it, a readability gate."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping

__version__ = "0.1.0"


def lazy_exports(package: str, exports: Mapping[str, tuple[str, ...]]) -> Callable[[str], object]:
    """A module `__getattr__` that loads a stage's exported names from their modules on first use.

    A stage's package names what other stages may use, but importing any one of its modules (the
    manifest, say) must not load all the others: a build with nothing to render stays light.
    """
    where = {name: module for module, names in exports.items() for name in names}

    def __getattr__(name: str) -> object:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{module}"), name)

    return __getattr__
