"""plainsum: one review kept as data, two documents rendered from it, a readability gate."""

from __future__ import annotations

__version__ = "0.1.0"
