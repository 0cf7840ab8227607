"""A plainsum project as every command reads it: configuration, templates, published record,
content files, and each review with its translations and earlier version.

`Project.find(paths, explicit)` reads the configuration found by walking up from the paths a
command was given (or the current folder), as ruff and black find theirs. The rest is built once,
when first asked: a command that lists nothing never reads the templates.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plainsum.config.settings import Config
from plainsum.errors import InputError, Problem, display_path
from plainsum.gate.records import DocumentResult, Outcome, language_of_file

if TYPE_CHECKING:
    from plainsum.content.model import Review
    from plainsum.content.published import PublishedRecord
    from plainsum.render.templates import TemplateSet

NO_REVIEWS = "no review files (*.yaml) found"


@dataclass
class Found:
    """The content files a command works on, and what was wrong with the others."""

    files: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # files not checked: (path, whether it is a review, whose translations are then not checked either)
    skipped: list[tuple[Path, bool]] = field(default_factory=list)

    def record(self, outcome: Outcome) -> None:
        outcome.problems.extend(self.problems)
        for path, review in self.skipped:
            if review:
                outcome.skip_review(path)
            else:
                outcome.skip(display_path(path))


@dataclass
class Loaded:
    """A review, its earlier version attached, and its translations; `problems` of the invalid translations."""

    review: Review
    translations: list[Review]
    problems: list[Problem]
    invalid: list[Path]  # the translation files that did not load

    @property
    def versions(self) -> list[Review]:
        return [self.review, *self.translations]


@dataclass
class ReviewChecked:
    """What checking one content file gave: plain data a worker process sends back."""

    results: list[DocumentResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    not_checked: list[tuple[str, str | None]] = field(default_factory=list)  # (file as shown, language)
    whole_review: Path | None = None  # a review not loaded: it and its translations were not checked

    def record(self, outcome: Outcome) -> None:
        outcome.results.extend(self.results)
        outcome.problems.extend(self.problems)
        if self.whole_review is not None:
            outcome.skip_review(self.whole_review)
        for file, language in self.not_checked:
            outcome.skip(file, language)


class Project:
    """One project: its `config`, and what every command reads from it the same way."""

    def __init__(self, config: Config):
        self.config = config
        # Every command that reads reviews opens its project first: from here on, the patterns the modules it
        # then imports compile (the checks, the formats, the scorer) come from the cache (project/regexcache.py)
        from plainsum.project.regexcache import install

        install()

    @classmethod
    def find(cls, paths: Iterable[Path] = (), explicit: Path | None = None) -> Project:
        """The project of the configuration found from `paths` (their common folder) or the current
        folder, walking up; or of the `explicit` file."""
        from plainsum.gate.settings import load_config

        return cls(load_config(search_start(list(paths)), explicit))

    # --- what a project holds

    @cached_property
    def templates(self) -> TemplateSet:
        """The project's templates, then plainsum's; a template may link elsewhere in the project."""
        from plainsum.render.templates import TemplateSet

        return TemplateSet(self.config.templates_dir, self.config.root)

    @cached_property
    def published(self) -> dict[str, PublishedRecord]:
        """What the last build published: each review's earlier version."""
        from plainsum.content.published import read_index

        return read_index(self.config.output_dir)

    # --- content files

    def discover(self, paths: list[Path]) -> Found:
        """The content files to work on: given files, files in given folders, or the content folder.
        Entries that look like content files and are not, files that do not exist and review ids
        used twice are problems here, for every command; so is finding no review file at all."""
        from plainsum.content.discovery import discover

        files, problems = discover(paths, self.config.content_dir, self.config.root)
        found = Found(problems=list(problems))
        found.skipped.extend((Path(problem.path), False) for problem in problems)
        if not files and not problems:
            where = ", ".join(map(display_path, paths)) if paths else display_path(self.config.content_dir)
            found.problems.append(Problem(where, 1, 1, NO_REVIEWS))
        seen: dict[str, Path] = {}
        # a file found in a folder's listing exists (3,000 lstat calls a build otherwise); one named may not.
        # (Folders and names compared as strings: Path's parent, stem and hash were 10 ms for the corpus.)
        named = {os.fspath(path) for path in paths}
        listed = {os.fspath(folder) for folder in (paths or [self.config.content_dir]) if folder.is_dir()}
        for path in files:
            name = os.fspath(path)
            if (name in named or (os.path.dirname(name) or ".") not in listed) and not os.path.lexists(path):
                found.problems.append(Problem(display_path(path), 1, 1, "no such file"))
                found.skipped.append((path, False))
                continue
            stem = os.path.splitext(os.path.basename(name))[0]
            if stem in seen:  # a review's id is its file's name
                message = f"review id '{stem}' is also used by {display_path(seen[stem])}"
                found.problems.append(Problem(display_path(path), 1, 1, message))
                found.skipped.append((path, True))
                continue
            seen[stem] = path
            found.files.append(path)
        return found

    # --- one review

    def load_review(self, path: Path, data: bytes | None = None, display: str | None = None, previous: bool = True) -> Review:
        """A review read with the project's templates (its wording grid). With `previous`, its
        earlier version (what the last build published) is attached, for results.stale and the
        templates' `changes`. With `data`, the file's bytes at another version are read instead."""
        from plainsum.content.loader import load_review
        from plainsum.content.published import attach_previous

        review = load_review(path, data, display=display, templates=self.templates)
        if previous:  # from the build's record, else from the one committed beside the content
            attach_previous(review, self.config.output_dir, self.published, self.templates)
        return review

    def translations(self, review: Review) -> tuple[list[Review], list[Problem], list[Path]]:
        """The review's translations (content/<id>.<lang>.yaml) as translated reviews, with the
        problems of the invalid ones and their files."""
        from plainsum.content.discovery import translation_paths

        translated: list[Review] = []
        problems: list[Problem] = []
        invalid: list[Path] = []
        paths = translation_paths(review.source.path)
        if not paths:  # the translations' loader (and a trial's code through it) only for a review that has some
            return translated, problems, invalid
        from plainsum.content.translation import load_translation

        for path in paths:
            try:
                translated.append(load_translation(path, review, self.templates.locale))
            except InputError as error:
                problems.extend(error.problems)
                invalid.append(path)
        return translated, problems, invalid

    def load(self, path: Path) -> Loaded:
        """A review with its earlier version and its translations (InputError if the review is invalid)."""
        review = self.load_review(path)
        translations, problems, invalid = self.translations(review)
        return Loaded(review, translations, problems, invalid)

    def evaluate(self, review: Review, warnings: bool = True) -> list[DocumentResult]:
        """Render, score and check each document of one version of a review."""
        from plainsum.project.flow import evaluate

        return evaluate(review, self.templates, self.config, warnings)

    def check_file(self, path: Path, shrink: Callable[[DocumentResult, Config], Any] | None = None) -> ReviewChecked:
        """Everything `plainsum check` says about one review file and its translations; `shrink` turns
        each document's result into what the report needs of it (in the worker, before it is sent back)."""
        checked = ReviewChecked()
        try:
            loaded = self.load(path)
        except InputError as error:
            checked.problems.extend(error.problems)
            checked.whole_review = path
            return checked
        checked.problems.extend(loaded.problems)
        checked.not_checked.extend((display_path(p), language_of_file(p)) for p in loaded.invalid)
        for version in loaded.versions:
            try:
                results = self.evaluate(version)
                checked.results.extend(results if shrink is None else [shrink(r, self.config) for r in results])
            except InputError as error:
                checked.problems.extend(error.problems)
                checked.not_checked.append((version.source.display, version.language))
        return checked

    def check(self, paths: list[Path], jobs: int = 1, shrink: Callable[[DocumentResult, Config], Any] | None = None) -> Outcome:
        """Everything but the write: each review file checked, in `jobs` processes (the build's pool).
        `shrink` (picklable) makes each result lean where it was made, so a library's check holds no documents."""
        outcome = Outcome()
        found = self.discover(paths)
        found.record(outcome)
        if jobs > 1 and len(found.files) > 1:
            from plainsum.project.flow import warm_up
            from plainsum.project.pool import run_pool

            warm_up(False, tables=True)  # the word tables and glossary, loaded once and shared by the forked workers

            done: dict[int, ReviewChecked] = {}
            tasks = list(enumerate(str(path) for path in found.files))
            sizes = {index: _size(Path(source)) for index, source in tasks}
            from plainsum.project.gcpause import gc_paused

            with gc_paused():  # the results of every review, unpickled here
                for index, checked in run_pool(_check_task, tasks, jobs, _init_checker, (self, shrink), size=lambda t: sizes[t[0]]):
                    done[index] = checked
            for index in range(len(tasks)):
                done[index].record(outcome)
            return outcome
        for path in found.files:
            self.check_file(path, shrink).record(outcome)
        return outcome


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def search_start(paths: list[Path]) -> Path | None:
    """Where the configuration is looked for: the folder the given paths have in common, when it is
    inside a project (a plainsum.toml or [tool.plainsum] on the way up); else the current folder."""
    from plainsum.config.settings import find_config_file

    existing = [Path(os.path.abspath(p)) for p in paths if os.path.lexists(p)]
    if not existing:
        return None
    folders = [p if p.is_dir() else p.parent for p in existing]
    common = Path(os.path.commonpath([str(f) for f in folders]))
    return common if find_config_file(common) is not None else None


# --- the worker of `check --jobs N` -----------------------------------------------------------------

_CHECKER: dict[str, Any] = {}


def _init_checker(project: Project, shrink: Callable[[DocumentResult, Config], Any] | None, in_child: bool) -> None:
    if in_child:
        from plainsum.project.pool import in_worker

        in_worker()
    _CHECKER["project"] = project
    _CHECKER["shrink"] = shrink


def _check_task(task: tuple[int, str]) -> tuple[int, ReviewChecked]:
    index, source = task
    checked = _CHECKER["project"].check_file(Path(source), _CHECKER["shrink"])
    if _CHECKER["shrink"] is not None:
        return index, checked  # lean already: no document crosses back
    for result in checked.results:
        # What the reports read is sent back, not all the checks used: the YAML node tree is read by
        # nothing that reports, and of a sentence's words only the long ones are (its figures and
        # counts stay). Unpickling those many small objects was most of the parent's serial share.
        review = result.document.review
        if review is not None:
            vars(review).pop("root", None)
        for sentence in result.scored.sentences:
            sentence.keep_long_words()
    return index, checked
