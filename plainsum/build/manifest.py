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
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from plainsum import __version__
from plainsum.build.writer import write_file
from plainsum.project.gcpause import gc_paused

if TYPE_CHECKING:
    from plainsum.config.settings import Config
    from plainsum.render.templates import TemplateSet

MANIFEST_NAME = ".plainsum-manifest.json"
FORMAT_VERSION = 5  # 5: a document's figures packed in one string (gate/records.figures_to_json)

# Config fields that decide where things are, not what a document looks like; `paper` only
# changes PDFs, so it is part of each PDF's own key instead (see build.format_key).
_CONFIG_FIELDS_NOT_IN_OUTPUT = ("root", "source", "content_dir", "output_dir", "formats", "paper", "catalog", "ci")


class FileEntry(NamedTuple):
    """A file plainsum wrote (a tuple: the corpus's manifest holds 12,000 of them)."""

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


@dataclass(frozen=True)
class SourceStamp:
    """A content file's hash with the size and modification time it had when it was hashed, so
    the next build can skip reading a file whose size and time have not changed (as git does)."""

    sha256: str
    size: int = -1
    mtime_ns: int = -1  # -1: not to be trusted, hash the file again

    def matches(self, status: os.stat_result) -> bool:
        return self.mtime_ns >= 0 and status.st_size == self.size and status.st_mtime_ns == self.mtime_ns

    @classmethod
    def of(cls, data: bytes, status: os.stat_result, now_ns: int) -> SourceStamp:
        # File times advance in clock ticks, not nanoseconds: a file saved again within the tick in
        # which it was read keeps its time. A file changed in the last seconds is hashed again next time.
        recent = now_ns - status.st_mtime_ns < RACY_SECONDS * 1_000_000_000
        return cls(sha256_bytes(data), status.st_size, -1 if recent else status.st_mtime_ns)


RACY_SECONDS = 2


@dataclass(frozen=True)
class ReviewEntry:
    """One review's line of the manifest. Frozen: the manifest reuses the serialised line of an
    entry it loaded as long as the same object is in place, so a change must be a new entry."""

    source: str  # absolute path of the content file
    id: str
    key: str  # hash of the content file and the build environment
    draft: bool  # whether --draft was given when it was built
    documents: list[dict[str, Any]]  # DocumentRecord.to_json()
    outputs: dict[str, str] = field(default_factory=dict)  # output path (relative) -> format name
    index_row: str = ""  # its row of output/index.html, as last rendered
    stamp: SourceStamp | None = None  # the content file as it was when last hashed


@dataclass
class Manifest:
    """Kept as JSON Lines: a header, one line per file, then one line per review. A line is
    serialised again only when its entry was replaced (entries are frozen), which keeps saving
    the corpus's manifest (9 MB) after one edit to about ten milliseconds."""

    environment: str = ""
    reviews: dict[str, ReviewEntry] = field(default_factory=dict)  # by source path
    files: dict[str, FileEntry] = field(default_factory=dict)  # by path relative to the output folder
    _lines: dict[str, tuple[ReviewEntry, bytes]] = field(default_factory=dict, repr=False)  # as loaded or saved
    _file_lines: dict[str, tuple[FileEntry, bytes]] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, output_dir: Path) -> Manifest:
        """The manifest in output_dir; an empty one if there is none or it cannot be read."""
        try:
            with open(output_dir / MANIFEST_NAME, "rb") as stream:
                data = stream.read()
            first, _, rest = data.partition(b"\n")
            header = json.loads(first)
            if header.get("format") != FORMAT_VERSION:
                return cls()
            manifest = cls(environment=header["environment"])
            with gc_paused():
                return cls._parse(manifest, rest.splitlines())
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return cls()  # not a manifest plainsum wrote (RecursionError: JSON nested too deeply to parse)

    @classmethod
    def _parse(cls, manifest: Manifest, lines: list[bytes]) -> Manifest:
        # one parse of all the lines as a JSON array: 15,000 calls of json.loads cost more in
        # calling than in parsing; the lines stay bytes, to be written back as they are
        records = json.loads(b"[" + b",".join(lines) + b"]")
        files, file_lines, reviews, review_lines = manifest.files, manifest._file_lines, manifest.reviews, manifest._lines
        make_file = FileEntry._make  # TypeError unless four values, as FileEntry(*values)
        for line, record in zip(lines, records, strict=False):
            values = record.get("file")
            if values is not None:  # 12,000 lines in the corpus's manifest
                file_entry = make_file(values[1:])
                files[values[0]] = file_entry
                file_lines[values[0]] = (file_entry, line)
                continue
            fields = record["review"]
            stamp = fields.get("stamp")
            if stamp is not None:
                fields["stamp"] = SourceStamp(*stamp)
            entry = ReviewEntry(**fields)
            reviews[entry.source] = entry
            review_lines[entry.source] = (entry, line)
        return manifest

    def to_bytes(self) -> bytes:
        header = {"format": FORMAT_VERSION, "plainsum": __version__, "environment": self.environment}
        lines = [_dumps(header)]
        lines.extend(_serialised(self.files, self._file_lines, _file_line))
        lines.extend(_serialised(self.reviews, self._lines, _review_line))
        return b"\n".join(lines) + b"\n"

    def save(self, output_dir: Path) -> None:
        write_file(output_dir / MANIFEST_NAME, self.to_bytes(), output_dir)


def _serialised(
    entries: dict[str, Any], cache: dict[str, tuple[Any, bytes]], serialise: Callable[[str, Any], bytes],
) -> list[bytes]:
    """Each entry's line, in key order: the line it was loaded or last saved with while the same
    (frozen) entry is in place, else serialised again and kept for the next save (a build saves
    every few seconds)."""
    lines = []
    for key in sorted(entries):
        entry = entries[key]
        cached = cache.get(key)
        if cached is None or cached[0] is not entry:
            cached = cache[key] = (entry, serialise(key, entry))
        lines.append(cached[1])
    return lines


def _file_line(name: str, entry: FileEntry) -> bytes:
    return _dumps({"file": [name, entry.size, entry.mtime_ns, entry.sha256, entry.key]})


def _review_line(source: str, entry: ReviewEntry) -> bytes:
    fields = dict(vars(entry))
    if entry.stamp is not None:
        fields["stamp"] = [entry.stamp.sha256, entry.stamp.size, entry.stamp.mtime_ns]
    return _dumps({"review": fields})


def _dumps(value: object) -> bytes:
    # ASCII only (other characters as \u escapes): text with none is read a quarter faster (Python keeps
    # it one byte a character), and a title with one accent or a row's middle dot made every line not so
    return json.dumps(value, separators=(",", ":")).encode("ascii")


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def combine(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def _code_digest() -> str:
    """plainsum's own code: an edited checkout changes outputs without a new version number."""
    package = Path(__file__).resolve().parent.parent
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


def environment_digest(config: Config, templates: TemplateSet) -> str:
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
