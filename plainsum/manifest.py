"""The build manifest: what each output was made from, so unchanged documents are not rendered again.

It lives in the output folder as `.plainsum-manifest.json` and records, per review, the hash
of its inputs (the content file, and the build environment: templates, the settings that
change output, the plainsum version and code) with its documents' results, and per file
that plainsum wrote, its size, modification time, hash and the inputs it was made from.
`plainsum clean` deletes exactly those files.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plainsum import __version__
from plainsum.writer import write_file

MANIFEST_NAME = ".plainsum-manifest.json"
FORMAT_VERSION = 2

# Config fields that decide where things are, not what a document looks like; `paper` only
# changes PDFs, so it is part of each PDF's own key instead (see build.format_key).
_CONFIG_FIELDS_NOT_IN_OUTPUT = ("root", "source", "content_dir", "output_dir", "formats", "paper")


@dataclass
class FileEntry:
    size: int
    mtime_ns: int
    sha256: str
    key: str  # the inputs it was made from ("" for the index)

    def matches(self, path: Path | str) -> bool:
        """Still the file plainsum wrote, judged by size and modification time (cheap: one stat)."""
        try:
            status = os.stat(path)
        except OSError:
            return False
        return status.st_size == self.size and status.st_mtime_ns == self.mtime_ns

    def same_content(self, path: Path) -> bool:
        try:
            return hashlib.sha256(path.read_bytes()).hexdigest() == self.sha256
        except OSError:
            return False


@dataclass
class ReviewEntry:
    source: str  # absolute path of the content file
    id: str
    key: str  # hash of the content file and the build environment
    draft: bool  # whether --draft was given when it was built
    documents: list[dict[str, Any]]  # DocumentRecord.to_json()
    outputs: dict[str, str] = field(default_factory=dict)  # output path (relative) -> format name
    index_row: str = ""  # its row of output/index.html, as last rendered


@dataclass
class Manifest:
    """Kept as JSON Lines: a header, the files, then one line per review. A review's line is
    written again only when its entry changed, which keeps saving the corpus's manifest (9 MB)
    after one edit to a few milliseconds instead of a third of a second."""

    environment: str = ""
    reviews: dict[str, ReviewEntry] = field(default_factory=dict)  # by source path
    files: dict[str, FileEntry] = field(default_factory=dict)  # by path relative to the output folder
    _lines: dict[str, tuple[ReviewEntry, str]] = field(default_factory=dict, repr=False)  # as loaded

    @classmethod
    def load(cls, output_dir: Path) -> "Manifest":
        """The manifest in output_dir; an empty one if there is none or it cannot be read."""
        try:
            with open(output_dir / MANIFEST_NAME, encoding="utf-8") as stream:
                header = json.loads(stream.readline())
                if header.get("format") != FORMAT_VERSION:
                    return cls()
                manifest = cls(environment=header["environment"])
                files = json.loads(stream.readline())["files"]
                manifest.files = {name: FileEntry(*entry) for name, entry in files.items()}
                for line in stream:
                    entry = ReviewEntry(**json.loads(line)["review"])
                    manifest.reviews[entry.source] = entry
                    manifest._lines[entry.source] = (entry, line.rstrip("\n"))
            return manifest
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls()

    def to_bytes(self) -> bytes:
        header = {"format": FORMAT_VERSION, "plainsum": __version__, "environment": self.environment}
        files = {name: [e.size, e.mtime_ns, e.sha256, e.key] for name, e in sorted(self.files.items())}
        lines = [_dumps(header), _dumps({"files": files})]
        for source, entry in sorted(self.reviews.items()):
            loaded = self._lines.get(source)
            if loaded is not None and loaded[0] is entry:
                lines.append(loaded[1])
            else:
                line = _dumps({"review": vars(entry)})
                self._lines[source] = (entry, line)  # the next save (a build saves every few seconds) reuses it
                lines.append(line)
        return ("\n".join(lines) + "\n").encode("utf-8")

    def save(self, output_dir: Path) -> None:
        write_file(output_dir / MANIFEST_NAME, self.to_bytes())


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def combine(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def _code_digest() -> str:
    """plainsum's own code: an edited checkout changes outputs without a new version number."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


_LIBRARIES = ("jinja2", "markdown", "nh3", "textstat", "weasyprint", "pydyf", "markupsafe")


def _library_versions() -> str:
    """The installed versions of the libraries that shape outputs, read from their dist-info
    folder names (importlib.metadata costs a tenth of a second, a no-op build's budget)."""
    import importlib.util

    found: list[str] = []
    folders: set[Path] = set()
    for name in _LIBRARIES:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            found.append(f"{name}=-")
            continue
        folders.add(Path(spec.origin).resolve().parent.parent)
    for folder in sorted(folders):
        try:
            entries = os.listdir(folder)
        except OSError:
            continue
        wanted = {name.replace("-", "_") for name in _LIBRARIES}
        found.extend(
            entry for entry in entries
            if entry.endswith(".dist-info") and entry.split("-", 1)[0].lower().replace("-", "_") in wanted
        )
    return ",".join(sorted(found))


def environment_digest(config, templates) -> str:
    """Everything besides a review's own file that decides what its documents look like."""
    digest = hashlib.sha256()
    digest.update(_code_digest().encode())
    digest.update(_library_versions().encode())
    for path in templates.fingerprint_files():
        digest.update(str(path).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    settings = {
        f.name: getattr(config, f.name)
        for f in dataclasses.fields(config)
        if f.name not in _CONFIG_FIELDS_NOT_IN_OUTPUT
    }
    digest.update(json.dumps(settings, sort_keys=True, default=str).encode())
    return digest.hexdigest()
