"""Build: plan, render in worker processes, write atomically, keep the manifest, write the index.

Takes: a `Config`, review files and `BuildOptions`. Gives: files in the output folder (only what
changed is rendered again), the manifest of what was written from what, and the build's `Outcome`.
"""
