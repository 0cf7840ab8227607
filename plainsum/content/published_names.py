"""Where the published record is kept: names only, so that a build with nothing to render can see
that the record exists without loading the record's reader (plainsum/content/published.py), and
through it the content model, YAML and Jinja."""

from __future__ import annotations

PUBLISHED_DIR = ".plainsum-published"
# Beside the content files, meant to be committed: the published version of each review as a copy
# of its content file (`<id>.yaml`) and the version that one replaced (`<id>.before.yaml`), so that
# `plainsum check` in a fresh clone (CI) knows the earlier version without a build of its own.
COMMITTED_DIR = ".plainsum-published"
PUBLISHED_INDEX = "index.json"
