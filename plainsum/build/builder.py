"""plainsum build: check, then publish what passed (and, with --draft, what failed, marked DRAFT).

A build is incremental and parallel:
- the manifest (plainsum/manifest.py) holds the hash of each review's inputs and its
  documents' results; a review whose inputs and outputs are unchanged is not rendered again,
  and is reported and indexed from the manifest;
- the reviews that need work are rendered by a pool of `jobs` processes, each writing its
  files atomically (plainsum/writer.py); the parent merges their records into the manifest,
  saving it every few seconds so an interrupted build resumes where it stopped.
"""

from __future__ import annotations

import dataclasses
import gc
import os
import time
from collections.abc import Iterator
from pathlib import Path

from plainsum.build.manifest import (
    FileEntry,
    Manifest,
    ReviewEntry,
    SourceStamp,
    combine,
    environment_digest,
    sha256_bytes,
)
from plainsum.build.outdir import BUILDING_MARKER, check_output_folder, output_lock
from plainsum.build.tasks import BuildOptions, Built, Task, format_key
from plainsum.build.writer import UnsafePath, safe_output_path, sweep_temporaries, write_file
from plainsum.config.settings import Config
from plainsum.content.discovery import translation_paths
from plainsum.document_formats import registry as format_registry
from plainsum.errors import Problem, display_path
from plainsum.files.safeopen import inside
from plainsum.gate.records import DocumentRecord, Outcome
from plainsum.project.gcpause import gc_paused
from plainsum.project.pool import default_jobs, run_pool
from plainsum.project.project import Project

INDEX_NAME = "index.html"
MANIFEST_SAVE_SECONDS = 5.0  # the least time between two saves of the manifest while rendering
MANIFEST_SAVE_SHARE = 0.05  # and saving takes at most this share of the main process's time


# --- planning and merging (in the parent) -------------------------------------------------------


class Builder:
    def __init__(self, paths: list[Path], project: Project, options: BuildOptions):
        self.paths = paths
        self.project = project
        self.config = config = project.config
        self.options = options
        self.output_dir = options.output_dir
        self.output_root = str(options.output_dir)
        self.output_prefix = os.path.join(self.output_root, "")  # the folder and a separator
        self.index_stale = False  # set when a review's entry changes, so the index must be rendered
        self.templates = project.templates
        self.manifest = Manifest()  # read in run(), once the output folder is locked
        self.outcome = Outcome()
        self.records: dict[str, list[DocumentRecord]] = {}  # by source
        self.stamps: dict[str, SourceStamp] = {}  # by source
        self.extensions = {name: [ext for ext, _ in format_registry[name].outputs(config)] for name in options.formats}
        self.kinds = {name: format_registry[name].kinds for name in options.formats}
        self.listed: dict[str, list[str]] = {}  # content folders listed for translations in this build
        self.dirty = False
        self.interrupted = False  # the last build stopped before its end
        self.rendered: set[str] = set()  # the sources rendered in this build

    def run(self) -> Outcome:
        kept = {"content": self.config.content_dir, "templates": self.config.templates_dir}
        check_output_folder(self.output_dir, self.config.root, kept, self.options.allow_foreign_files)
        with output_lock(self.output_dir):
            try:
                return self._run()
            finally:
                gc.unfreeze()

    def _run(self) -> Outcome:
        found = self.project.discover(self.paths)
        found.record(self.outcome)
        files = found.files
        if not files:
            return self.outcome
        environment = environment_digest(self.config, self.templates)
        marker = self.output_dir / BUILDING_MARKER
        if marker.exists():
            # the last build was interrupted: it may have left a hidden temporary file (and reviews it
            # rendered that it did not record as published)
            self.interrupted = True
            sweep_temporaries(self.output_dir)
        # The manifest and the records of every up-to-date review, hundreds of thousands of objects, live
        # until the build ends and hold no reference cycles: made with the collector paused, then set aside
        # from it, so that no collection walks them all (two collections, about 30 ms of a rebuild of the
        # corpus; Builder.run puts them back).
        with gc_paused(freeze=True):
            self.manifest = Manifest.load(self.output_dir)
            if self.manifest.environment != environment:
                self.manifest.environment = environment
                self.dirty = True
            sources, tasks = self.plan(files, environment)
        if tasks:
            self.output_dir.mkdir(parents=True, exist_ok=True)
            marker.touch()
        try:
            self.render(tasks)
        finally:
            self.finish(sources)
        marker.unlink(missing_ok=True)
        return self.outcome

    def plan(self, files: list[Path], environment: str) -> tuple[list[str], list[Task]]:
        sources: list[str] = []
        tasks: list[Task] = []
        now_ns = time.time_ns()
        for path in files:
            # the content folder is already resolved; abspath is enough (and 2,971 resolve() calls are not free)
            source = os.path.abspath(path)
            entry = self.manifest.reviews.get(source)
            try:
                stamp = self.stamp(path, entry, now_ns)
            except FileNotFoundError:
                self.outcome.problems.append(Problem(display_path(path), 1, 1, "no such file"))
                self.outcome.skip(display_path(path))
                continue
            except OSError as error:
                self.outcome.problems.append(Problem(display_path(path), 1, 1, f"cannot read: {error.strerror}"))
                self.outcome.skip(display_path(path))
                continue
            sources.append(source)
            self.stamps[source] = stamp
            key = combine(environment, stamp.sha256, *self.translation_digests(path))
            needed = self.formats_needed(entry, key)
            if needed:
                tasks.append(Task(source, key, tuple(needed), stamp.size))
            else:
                assert entry is not None  # nothing is needed only for a review the manifest has
                if stamp is not entry.stamp and stamp.mtime_ns >= 0:
                    # hashed again and unchanged: its size and time go into the manifest the next
                    # time it is saved (not saving it for this alone keeps a no-op build read-only)
                    entry = self.manifest.reviews[source] = dataclasses.replace(entry, stamp=stamp)
                self.records[source] = [DocumentRecord.from_json(d) for d in entry.documents]
                self.outcome.unchanged += len(entry.outputs)
                self.outcome.skipped_reviews += 1
        return sources, tasks

    def translation_digests(self, path: Path) -> list[str]:
        """The review's translations take part in its key: a changed translation renders the review again.
        (The content folder is listed once a build: the stat of each review's folder was 3,000 stats.)"""
        digests = []
        for translation in translation_paths(path, self.listed):
            try:  # a link is read only when it stays in the content folder (loading refuses one that leads out)
                if translation.is_symlink() and not inside(translation, path.parent):
                    raise OSError("a link out of the content folder")
                digests.append(translation.name + ":" + sha256_bytes(translation.read_bytes()))
            except OSError:
                digests.append(translation.name + ":unreadable")
        return digests

    @staticmethod
    def stamp(path: Path, entry: ReviewEntry | None, now_ns: int) -> SourceStamp:
        """The content file's hash: from the manifest when its size and time are as recorded,
        else read and hashed."""
        status = os.stat(path)
        if entry is not None and entry.stamp is not None and entry.stamp.matches(status):
            return entry.stamp
        with open(path, "rb") as stream:
            data = stream.read()
            status = os.fstat(stream.fileno())
        return SourceStamp.of(data, status, now_ns)

    def formats_needed(self, entry: ReviewEntry | None, key: str) -> list[str]:
        formats = self.options.formats
        if entry is None or entry.key != key or self.options.force:
            return list(formats)
        documents = entry.documents
        if entry.draft != self.options.draft and any(document["status"] != "published" for document in documents):
            return list(formats)
        if self.options.verbose and any(document.get("hidden_warnings") != 0 for document in documents):
            return list(formats)
        # a document's name is its output's path without the extension: <id>/<kind>, <id>/<lang>/<kind>
        names = [(name, name.rsplit("/", 1)[-1]) for name in
                 (document["document"]["name"] for document in documents if document["status"] != "withheld")]
        return [name for name in formats if not self._outputs_intact(entry, names, name, format_key(key, name, self.config))]

    def _outputs_intact(self, entry: ReviewEntry, names: list[tuple[str, str]], fmt: str, expected: str) -> bool:
        """Whether every output of format `fmt` of the documents `names` (name, kind) is the file this key
        wrote: listed with this key, and of the size and time recorded (one stat each; FileEntry.matches,
        written out: 12,000 of them in a rebuild of the corpus)."""
        kinds = self.kinds[fmt]
        extensions = self.extensions[fmt]
        files = self.manifest.files
        outputs = entry.outputs
        prefix = self.output_prefix
        for document_name, kind in names:
            if kind not in kinds:
                continue
            for extension in extensions:
                relative = f"{document_name}.{extension}"
                recorded = files.get(relative)
                if recorded is None or recorded.key != expected or relative not in outputs:
                    return False
                try:
                    status = os.stat(prefix + relative)
                except OSError:
                    return False
                if status.st_size != recorded.size or status.st_mtime_ns != recorded.mtime_ns:
                    return False
        return True

    def render(self, tasks: list[Task]) -> None:
        if not tasks:
            return
        if self.options.progress:  # imported only then (it loads shutil)
            from plainsum.build.progress import Progress

            progress: Progress | None = Progress(len(tasks))
        else:
            progress = None
        jobs = max(1, self.options.jobs or default_jobs())
        next_save = time.monotonic() + MANIFEST_SAVE_SECONDS
        try:
            for built in self._results(tasks, jobs):
                self.merge(built)
                if progress is not None:
                    progress.advance(built.review_id or Path(built.source).stem)
                if time.monotonic() >= next_save:
                    # a save writes the whole manifest (tens of megabytes when thousands of
                    # documents fail and keep their findings): the larger it is, the rarer
                    started = time.monotonic()
                    self.save_manifest()
                    took = time.monotonic() - started
                    next_save = time.monotonic() + max(MANIFEST_SAVE_SECONDS, took / MANIFEST_SAVE_SHARE)
        finally:
            if progress is not None:
                progress.close()

    def _results(self, tasks: list[Task], jobs: int) -> Iterator[Built]:
        heavy = any("pdf" in task.formats for task in tasks)
        if len(tasks) == 1 and not heavy:
            # One review (an edit), rendered in this process: most of its work is importing the rendering
            # and checking code, whose objects live until the build ends. Made with the collector paused,
            # then set aside from it (Builder.run puts them back): else its collections walked them as they
            # came, about 130 of them (20-40 ms of a one-edit rebuild of the corpus). (Not for a PDF, whose
            # layout leaves much garbage in cycles.)
            with gc_paused(freeze=True):
                from plainsum.build.worker import build_review, init_worker

                yield from run_pool(build_review, tasks, jobs, init_worker, (self.project, self.options), size=lambda task: task.size)
            return
        from plainsum.build.worker import build_review, init_worker
        from plainsum.project.flow import warm_up

        warm_up(heavy, tables=jobs > 1 and len(tasks) > 1)
        if jobs > 1 and len(tasks) > 1:
            # the formats' modules (the page's typography patterns among them) and what every review's rendering
            # imports, loaded once here rather than by each worker on its first review (about 30 ms a worker)
            for name in self.options.formats:
                format_registry[name]
            import plainsum.build.index
            import plainsum.content.changes
            import plainsum.content.prose
            import plainsum.content.published
            import plainsum.document_formats.visuals
            import plainsum.render.sandbox  # noqa: F401
        yield from run_pool(build_review, tasks, jobs, init_worker, (self.project, self.options),
                            size=lambda task: task.size, chunk=1 if heavy else None)

    def merge(self, built: Built) -> None:
        self.dirty = True
        self.index_stale = True
        self.outcome.rendered_reviews += 1
        self.rendered.add(built.source)
        old = self.manifest.reviews.pop(built.source, None)
        if not built.records and built.documents:  # sent as JSON only (build/worker.py's build_review)
            built.records = [DocumentRecord.from_json(document) for document in built.documents]
        if built.problems:
            self.outcome.problems.extend(built.problems)
            self.outcome.skip_review(Path(built.source), built.language)  # none of its documents was checked
            return
        assert built.review_id is not None
        outputs: dict[str, str] = {}
        rendered = set(built.formats)
        if old is not None and old.id == built.review_id:
            published = {r.document.name for r in built.records if r.status != "withheld"}
            for relative, name in old.outputs.items():
                if name in rendered or relative.split(".", 1)[0] not in published or relative not in self.manifest.files:
                    continue
                if name in self.options.formats:
                    if old.key == built.key:  # a format that was up to date and not rendered again
                        outputs[relative] = name
                        self.outcome.unchanged += 1
                elif os.path.isfile(os.path.join(self.output_root, relative)):
                    # a format this build was not asked for (--formats pdf): its files are still in the
                    # output folder, so the index goes on listing them
                    outputs[relative] = name
        for relative, (name, entry, changed) in built.files.items():
            self.manifest.files[relative] = entry
            outputs[relative] = name
            if changed:
                self.outcome.written.append(self.output_dir / relative)
            else:
                self.outcome.unchanged += 1
        if old is not None:
            # what an earlier build wrote in a format rendered now, and this render did not make again:
            # a paper size no longer configured, a translation removed, a document now withheld
            self.remove_stale([relative for relative, name in old.outputs.items() if name in rendered and relative not in outputs])
        same_outputs = len(outputs) == len(built.files) and all(
            built.files.get(relative, ("",))[0] == name for relative, name in outputs.items())
        self.manifest.reviews[built.source] = ReviewEntry(
            source=built.source,
            id=built.review_id,
            key=built.key,
            draft=self.options.draft,
            documents=built.documents if built.documents is not None else [record.to_json() for record in built.records],
            outputs=outputs,
            index_row=built.index_row if same_outputs else "",  # the worker's row shows these outputs
            stamp=self.stamps.get(built.source),
        )
        self.records[built.source] = built.records

    def remove_stale(self, stale: list[str]) -> None:
        """Delete earlier outputs the build no longer makes, if they are still as plainsum wrote them.

        Only a file the manifest lists is touched, never one plainsum did not write; a file edited
        since it was written stays, and stays listed (`plainsum clean` says so and keeps it).
        """
        for relative in stale:
            entry = self.manifest.files.get(relative)
            if entry is None:
                continue
            try:
                path = safe_output_path(self.output_dir, *relative.split("/"))
            except UnsafePath:
                continue  # a manifest edited by hand, or a link that leads out: never delete outside
            if path.is_symlink() or not path.is_file():
                if not os.path.lexists(path):
                    del self.manifest.files[relative]  # already gone
                    self.dirty = True
                continue
            if not entry.matches(path) and not entry.same_content(path):
                continue
            path.unlink()
            del self.manifest.files[relative]
            self.dirty = True
            self.outcome.removed.append(path)
            root, folder = Path(os.path.realpath(self.output_dir)), path.parent
            while folder != root and folder.is_relative_to(root):
                try:
                    folder.rmdir()  # only when empty: a translation's folder whose last file went
                except OSError:
                    break
                folder = folder.parent

    def finish(self, sources: list[str]) -> None:
        for source in sources:
            for record in self.records.get(source, []):
                self.outcome.results.append(record)
                if record.status == "withheld":
                    self.outcome.withheld.append(record)
                elif record.status == "draft":
                    self.outcome.drafts.append(record)
        if not self.paths:
            # a whole-project build: reviews no longer in the content folder leave the index
            # (their files stay listed in the manifest, for `plainsum clean`)
            current = set(sources)
            for source in [s for s in self.manifest.reviews if s not in current]:
                del self.manifest.reviews[source]
                self.dirty = self.index_stale = True
        recorded = self.manifest.files.get(INDEX_NAME)
        # the index links to the report once `plainsum report` has written one: its key says whether it does
        index_intact = (recorded is not None and recorded.matches(os.path.join(self.output_root, INDEX_NAME))
                        and recorded.key == self.index_key())
        if self.manifest.reviews and (self.index_stale or self.dirty or not index_intact):
            self.write_index()
        elif index_intact:
            self.outcome.unchanged += 1
        if self.dirty:
            self.save_manifest()
        self.record_published(sources)

    def record_published(self, sources: list[str]) -> None:
        """Keep a copy of each review whose documents were all published (plainsum/build/published.py)."""
        from plainsum.content.published_names import PUBLISHED_DIR, PUBLISHED_INDEX

        if os.path.isfile(os.path.join(self.output_root, PUBLISHED_DIR, PUBLISHED_INDEX)) and not self.interrupted:
            # only a review rendered now can be newly published (the others were recorded when they were
            # rendered): a no-op build does not read the record, and an edit looks at one review, not 3,000
            sources = [source for source in sources if source in self.rendered]
            if not sources:
                return
        published: dict[str, tuple[str, str]] = {}
        stamps: dict[str, SourceStamp] = {}
        for source in sources:
            records = self.records.get(source)
            entry = self.manifest.reviews.get(source)
            stamp = self.stamps.get(source)
            if records and entry is not None and stamp is not None and all(r.status == "published" for r in records):
                published[entry.id] = (source, stamp.sha256)
                stamps[entry.id] = stamp
        if published:
            from plainsum.build.published import record_published

            record_published(self.output_dir, published, stamps)

    def save_manifest(self) -> None:
        self.output_dir.mkdir(parents=True, exist_ok=True)
        self.manifest.save(self.output_dir)
        self.dirty = False

    def index_key(self) -> str:
        return "report" if (self.output_dir / "report" / "index.html").is_file() else ""

    def write_index(self) -> None:
        entries = [
            entry
            for entry in self.manifest.reviews.values()
            if entry.source in self.records or Path(entry.source).is_file()
        ]
        from plainsum.build.index import render_index

        data, rows = render_index(entries, self.templates, self.config.formula_min_words("summary"), self.output_dir)
        for source, row in rows.items():
            self.manifest.reviews[source] = dataclasses.replace(self.manifest.reviews[source], index_row=row)
        try:
            target = safe_output_path(self.output_dir, INDEX_NAME)
        except UnsafePath as error:
            self.outcome.problems.append(Problem(display_path(self.output_dir), 1, 1, str(error)))
            return
        written = write_file(target, data, self.output_dir)
        recorded = self.manifest.files.get(INDEX_NAME)
        key = self.index_key()
        if recorded is None or recorded.mtime_ns != written.mtime_ns or recorded.size != written.size or recorded.key != key:
            self.manifest.files[INDEX_NAME] = FileEntry(written.size, written.mtime_ns, sha256_bytes(data), key)
            self.dirty = True
        if written.changed:
            self.outcome.written.append(target)
        else:
            self.outcome.unchanged += 1


def build(paths: list[Path], project: Project | Config, options: BuildOptions) -> Outcome:
    return Builder(paths, project if isinstance(project, Project) else Project(project), options).run()
