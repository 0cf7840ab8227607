"""Diff: what changed in a review between two versions, and what an author must read again.

Takes: the content files, and a baseline of their earlier versions: a git revision (read with
`git ls-tree` and `git cat-file`, `sources.py`) or what the last build published
(output/.plainsum-published/). Gives: a `DiffOutcome`: per review, the data changes and the
"What's new" statement (plainsum.content.changes), the sentences added, removed and changed in
each document with word-level marks (`sentences.py`), readability figures and gate status before
and after (`compare.py`), and the re-check list of hand-written sentences (`recheck.py`); printed
as text, JSON, Markdown or an HTML page (`formats.py`).
"""
