"""Project: one plainsum project, as every command reads it.

Takes: the paths a command was given (or the current folder) and an optional `--config` file.
Gives: a `Project` (project.py): the configuration found by walking up to the first plainsum.toml or
pyproject.toml with [tool.plainsum], the template set (always with the project root), the record
of what the last build published, discovery of the content files (one place for "no review
files", missing files and review ids used twice), each review loaded with its translations and
its earlier version, and its evaluation (flow.py: render, score, check). `check` runs reviews
in the worker pool (pool.py) that `build` uses too. Sits above gate, below build.
"""
