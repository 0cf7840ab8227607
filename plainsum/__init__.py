"""plainsum: one review kept as data, two documents rendered from it, a readability gate."""

__version__ = "0.1.0"
