"""Render: a `Review` through the structure templates into one Markdown `Document` per kind.

Takes: a `Review` and the template search path (`TemplateSet`: the project's templates, then the
defaults). Gives: `Document` (Markdown with the YAML field of every span, so a sentence can be
traced back to its line and column) and the Markdown-to-HTML/text conversion (`markup`).
"""
