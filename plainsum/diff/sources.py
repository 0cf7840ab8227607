"""Where the earlier version of each review comes from: a git revision, or what the last build published.

A git revision is read with git itself (`git ls-tree` for what the revision holds, `git cat-file
--batch` for the files that differ), never over the network. A file whose blob id equals that of
the file in the revision is not read at all: git names a blob by the SHA-1 of its bytes, so the
comparison costs one hash of the working file. What the build published is read from
output/.plainsum-published/ (plainsum/content/published.py), compared by SHA-256 the same way.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from plainsum.content.discovery import is_translation_name
from plainsum.content.published import PublishedRecord, published_text, read_index
from plainsum.errors import InputError, Problem, display_path

PUBLISHED = "published"
GIT_TIMEOUT = 60.0
NO_GIT = "git is not installed; use --since published to compare with what the last build published"


def git_blob_id(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


@dataclass
class Baseline:
    """The earlier versions of the content files: `old(path, data)` is None when the file did not exist then."""

    label: str  # what the user asked for: "HEAD~1", "published"
    described: str  # for messages: "revision HEAD~1 (3f2a1c9)"

    def same(self, path: Path, data: bytes) -> bool:
        raise NotImplementedError

    def old(self, path: Path) -> bytes | None:
        raise NotImplementedError

    def removed(self, current: list[Path], folders: list[Path]) -> list[tuple[str, str, bytes]]:
        """(display path, file name, bytes) of review files the baseline has under `folders` that are gone now."""
        raise NotImplementedError


@dataclass
class PublishedBaseline(Baseline):
    output_dir: Path = Path("output")
    index: dict[str, PublishedRecord] = field(default_factory=dict)

    def same(self, path: Path, data: bytes) -> bool:
        record = self.index.get(path.stem)
        return record is not None and record.published.sha256 == hashlib.sha256(data).hexdigest()

    def old(self, path: Path) -> bytes | None:
        return published_text(self.output_dir, path.stem, self.index)

    def removed(self, current: list[Path], folders: list[Path]) -> list[tuple[str, str, bytes]]:
        present = {path.stem for path in current}
        gone = []
        for review_id in sorted(set(self.index) - present):
            data = published_text(self.output_dir, review_id, self.index)
            if data is not None:
                gone.append((f"{PUBLISHED}:{review_id}.yaml", f"{review_id}.yaml", data))
        return gone


@dataclass
class GitBaseline(Baseline):
    root: Path = Path(".")
    commit: str = ""
    blobs: dict[str, str] = field(default_factory=dict)  # path relative to the root -> blob id
    listed: list[str] = field(default_factory=list)  # the tree paths listed (folders and files)
    _texts: dict[str, bytes] = field(default_factory=dict)

    def relative(self, path: Path) -> str:
        return Path(os.path.abspath(path)).relative_to(self.root).as_posix()

    def list_tree(self, paths: list[Path]) -> None:
        """Learn the blob ids of everything under `paths` at the revision (one git call)."""
        relatives = []
        for path in paths:
            try:
                relatives.append(self.relative(path))
            except ValueError:
                raise InputError([Problem(display_path(path), 1, 1, f"not inside the git repository {display_path(self.root)}")]) from None
        output = _git(self.root, "ls-tree", "-r", "-z", "--full-tree", self.commit, "--", *relatives)
        for record in output.split(b"\0"):
            if not record:
                continue
            meta, _, name = record.partition(b"\t")
            parts = meta.split()
            if len(parts) == 3 and parts[1] == b"blob":
                self.blobs[os.fsdecode(name)] = parts[2].decode()
        self.listed = relatives

    def same(self, path: Path, data: bytes) -> bool:
        return self.blobs.get(self.relative(path)) == git_blob_id(data)

    def old(self, path: Path) -> bytes | None:
        relative = self.relative(path)
        if relative not in self.blobs:
            return None
        if relative not in self._texts:
            self.fetch([relative])
        return self._texts.get(relative)

    def fetch(self, relatives: list[str]) -> None:
        """Read the blobs of several files in one `git cat-file --batch`."""
        wanted = [r for r in relatives if r in self.blobs and r not in self._texts]
        if not wanted:
            return
        request = "".join(self.blobs[r] + "\n" for r in wanted).encode()
        output = _git(self.root, "cat-file", "--batch", stdin=request)
        cursor = 0
        for relative in wanted:
            header_end = output.index(b"\n", cursor)
            header = output[cursor:header_end].split()
            size = int(header[2])
            start = header_end + 1
            self._texts[relative] = output[start : start + size]
            cursor = start + size + 1  # the data ends with a newline of git's

    def removed(self, current: list[Path], folders: list[Path]) -> list[tuple[str, str, bytes]]:
        present = {self.relative(path) for path in current}
        prefixes = [self.relative(folder).rstrip("/") + "/" for folder in folders]
        # a translation (content/<id>.<lang>.yaml) is not a review: it is compared with its review
        gone = [r for r in sorted(self.blobs) if r not in present and r.endswith((".yaml", ".yml"))
                and not is_translation_name(r.rsplit("/", 1)[-1]) and any(r.startswith(p) and "/" not in r[len(p):] for p in prefixes)]
        self.fetch(gone)
        return [(f"{self.label}:{r}", r.rsplit("/", 1)[-1], self._texts[r]) for r in gone if r in self._texts]


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    # no pager, no prompts, no network helpers: git only reads the local object store here
    environment = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat", "GIT_NO_LAZY_FETCH": "1"}
    try:
        completed = subprocess.run(["git", "-C", str(root), *args], input=stdin, capture_output=True,
                                   timeout=GIT_TIMEOUT, env=environment, check=False)
    except FileNotFoundError:
        raise InputError([Problem("--since", 1, 1, NO_GIT)]) from None
    except subprocess.TimeoutExpired:
        raise InputError([Problem("--since", 1, 1, f"git {args[0]} took more than {GIT_TIMEOUT:.0f} s")]) from None
    if completed.returncode != 0:
        message = completed.stderr.decode(errors="replace").strip().splitlines()
        raise InputError([Problem("--since", 1, 1, f"git {args[0]} failed: {message[-1] if message else completed.returncode}")])
    return completed.stdout


def git_baseline(revision: str, start: Path) -> GitBaseline:
    """The baseline of a git revision of the repository that holds `start`; exit-2 problems when there is none."""
    if revision.startswith("-") or not revision.strip():
        raise InputError([Problem("--since", 1, 1, f"'{revision}' is not a revision")])
    try:
        found = subprocess.run(["git", "-C", str(start), "rev-parse", "--show-toplevel"], capture_output=True,
                               timeout=GIT_TIMEOUT, check=False)
    except FileNotFoundError:
        raise InputError([Problem("--since", 1, 1, NO_GIT)]) from None
    if found.returncode != 0:
        raise InputError([Problem(display_path(start), 1, 1, (
            f"--since {revision}: this project is not in a git repository; use --since published to compare "
            "with what the last plainsum build published"))])
    root = Path(os.fsdecode(found.stdout.strip()))
    verified = subprocess.run(["git", "-C", str(root), "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"],
                              capture_output=True, timeout=GIT_TIMEOUT, check=False)
    if verified.returncode != 0:
        raise InputError([Problem("--since", 1, 1, f"unknown revision '{revision}' in the git repository {display_path(root)}")])
    commit = verified.stdout.decode().strip()
    return GitBaseline(revision, f"revision {revision} ({commit[:10]})", root=root.resolve(), commit=commit)


def published_baseline(output_dir: Path) -> PublishedBaseline:
    index = read_index(output_dir)
    if not index:
        raise InputError([Problem(display_path(output_dir), 1, 1, (
            "--since published: no published versions are recorded here; run plainsum build first "
            "(or compare with a git revision: --since HEAD)"))])
    return PublishedBaseline(PUBLISHED, f"the versions published in {display_path(output_dir)}", output_dir=output_dir, index=index)


def baseline(since: str, output_dir: Path, start: Path) -> Baseline:
    if since == PUBLISHED:
        return published_baseline(output_dir)
    return git_baseline(since, start)
