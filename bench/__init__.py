"""Benchmarks: `python -m bench [NAME ...]` runs them all, or the ones named."""
