"""Build: plan, render in worker processes, write atomically, keep the manifest, write the index.

Takes: a `Config`, review files and `BuildOptions`. Gives: files in the output folder (only what
changed is rendered again), the manifest of what was written from what, and the build's `Outcome`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plainsum import lazy_exports

if TYPE_CHECKING:
    from plainsum.build.manifest import MANIFEST_NAME, Manifest
    from plainsum.build.plan import build
    from plainsum.build.tasks import BuildOptions, default_jobs, link_languages, output_language
    from plainsum.build.writer import TEMP_SUFFIX, UnsafePath, safe_output_path, write_atomic

__all__ = [
    "MANIFEST_NAME",
    "TEMP_SUFFIX",
    "BuildOptions",
    "Manifest",
    "UnsafePath",
    "build",
    "default_jobs",
    "link_languages",
    "output_language",
    "safe_output_path",
    "write_atomic",
]

__getattr__ = lazy_exports(__name__, {
    "manifest": ("MANIFEST_NAME", "Manifest",),
    "plan": ("build",),
    "tasks": ("BuildOptions", "default_jobs", "link_languages", "output_language",),
    "writer": ("TEMP_SUFFIX", "UnsafePath", "safe_output_path", "write_atomic",),
})
