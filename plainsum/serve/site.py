"""The pages of the live preview, built in memory and rebuilt per changed file.

A review page shows the lay summary, the abstract and the marked report (`plainsum report`'s
page) side by side; the index lists every review with its gate status. A content file that does
not load shows its `file:line:col` problems in its page and in the index instead.

Rendering happens on the thread that builds (the first build, then the watcher's rebuilds), each
rebuild with a fresh prose budget for the run; a request reads the last published snapshot and
never waits for a build, so one slow review cannot hold up every page.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from plainsum.errors import InputError, Problem, display_path
from plainsum.render.jinjaloader import OVERRIDE_ERRORS

if TYPE_CHECKING:
    from plainsum.config.settings import Config
    from plainsum.gate.records import DocumentResult
    from plainsum.project.project import Project
    from plainsum.render.templates import TemplateSet

CONFIG_NAMES = ("plainsum.toml", "pyproject.toml")
DOCUMENTS = ("summary", "abstract")


@dataclass
class Built:
    """One content file's pages, or the problems that stopped them."""

    stem: str
    source: str
    generation: int = 0  # the site's generation when it was built: its page reloads when this changes
    title: str = ""
    pages: dict[str, bytes] = field(default_factory=dict)  # "summary" | "abstract" | "report" | "<lang>/summary" -> HTML
    languages: list[str] = field(default_factory=list)  # the translations' languages, each at <lang>/summary
    passed: dict[str, bool] = field(default_factory=dict)
    findings: list[str] = field(default_factory=list)  # errors and warnings, as `plainsum check` prints them
    problems: list[str] = field(default_factory=list)


@dataclass
class Snapshot:
    """What a request sees: the built reviews and the configuration's problems, of one generation."""

    generation: int
    reviews: dict[str, Built]
    problems: list[str]


class Site:
    """Builds and keeps the pages; `changed` invalidates what a set of changed files affects."""

    def __init__(self, load_project: object, paths: list[Path]):
        self._load_project = load_project  # () -> Project (or Config), raising InputError
        self._paths = paths
        self._lock = threading.Lock()
        self._project: Project | None = None
        self._config: Config | None = None
        self._templates: TemplateSet | None = None
        self._published_stamp: tuple[int, int] | None = None  # the published record a build left, as last read
        self._config_problems: list[str] = []
        self._built: dict[Path, Built] = {}
        self._generation = 0
        self._published: Snapshot | None = None  # what requests see; replaced whole after each build
        self.rebuilt: list[str] = []  # stems rebuilt by the last `refresh`, for the log

    # --- what the server asks for

    def snapshot(self) -> Snapshot:
        """What was last built (the first call builds it; later calls never wait for a rebuild)."""
        published = self._published
        if published is not None:
            return published
        with self._lock:
            if self._published is None:
                self._ensure()
                self._publish()
            assert self._published is not None
            return self._published

    def _publish(self) -> None:
        self._published = Snapshot(self._generation, {b.stem: b for b in self._built.values()}, list(self._config_problems))

    @property
    def generation(self) -> int:
        return self._generation

    def page_generation(self, stem: str) -> int:
        """The generation a page shows: its review's, or (the index, a missing review) the site's."""
        snapshot = self.snapshot()
        built = snapshot.reviews.get(stem) if stem else None
        return built.generation if built is not None and not snapshot.problems else snapshot.generation

    def watched(self) -> tuple[list[Path], list[Path]]:
        """(folders to watch with everything inside, folders whose config files to watch)."""
        with self._lock:
            self._ensure()
            config = self._config
        deep: list[Path] = []
        for path in self._paths or ([config.content_dir] if config is not None else []):
            folder = path if path.is_dir() else path.parent
            deep.append(folder)
        if config is not None and config.templates_dir.is_dir():
            deep.append(config.templates_dir)
        root = config.root if config is not None else Path.cwd()
        return _outermost(deep), [root]

    def changed(self, paths: set[Path]) -> bool:
        """Forget what the changed files affect and build it again; True if any page changed."""
        with self._lock:
            config = self._config
            affects_all = any(p.name in CONFIG_NAMES for p in paths)
            if config is not None and any(_inside(p, config.templates_dir) for p in paths):
                affects_all = True
            forgotten = False
            if affects_all or config is None:
                self._config = self._project = None
                self._built.clear()
                forgotten = True
            else:
                for path in {p.resolve() for p in paths if p.suffix in (".yaml", ".yml")}:
                    # a translation (content/<id>.<lang>.yaml) is shown with its review (content/<id>.yaml)
                    review = path.with_name(path.name.split(".", 1)[0] + path.suffix)
                    for shown in {path, review}:
                        forgotten = self._built.pop(shown, None) is not None or forgotten
            self._generation += 1  # what is built now carries the new generation
            before = set(self._built)
            self._ensure()
            now = set(self._built)
            if not forgotten and now == before:  # a file the preview does not show
                self._generation -= 1
                return False
            self.rebuilt = sorted(b.stem for p, b in self._built.items() if p not in before)
            self._publish()
            return True

    # --- building

    def _ensure(self) -> None:
        """Load the configuration and build every review not built yet (the lock is held)."""
        from plainsum.content.sandbox import new_run
        from plainsum.project.project import Project

        new_run()

        if self._project is not None and self._published_stamp != _stamp(self._project):
            # a build published new versions: what results.stale compares with changed
            self._config = None
            self._built.clear()
        if self._config is None:
            try:
                loaded = self._load_project()  # type: ignore[operator]
                self._project = loaded if isinstance(loaded, Project) else Project(loaded)
                self._config_problems = []
            except InputError as error:
                self._config_problems = [str(p) for p in error.problems]
                self._built.clear()
                return
            self._config = self._project.config
            self._templates = self._project.templates
            self._published_stamp = _stamp(self._project)
        assert self._project is not None
        found = self._project.discover(self._paths)
        # a missing content folder, a link out of the project, a review id used twice
        self._config_problems = [str(p) for p in found.problems]
        files = [p.resolve() for p in found.files]
        for gone in set(self._built) - set(files):
            del self._built[gone]
        for path in files:
            if path not in self._built:
                self._built[path] = self._build(path)

    def _build(self, path: Path) -> Built:
        project = self._project
        assert project is not None
        built = Built(path.stem, display_path(path), self._generation)
        try:
            loaded = project.load(path)  # with the earlier version the last build published
            built.title = loaded.review.title
            results = project.evaluate(loaded.review)
            if loaded.problems:
                raise InputError(loaded.problems)
            translated = [result for version in loaded.translations for result in project.evaluate(version)]
            self._render(built, results, translated)
        except InputError as error:
            built.problems = [str(p) for p in error.problems]
        except OVERRIDE_ERRORS as error:  # a project's template override that fails, at its line (as a build says)
            assert self._templates is not None
            built.problems = [str(self._templates.override_problem(error, f"the documents of {path.stem}"))]
        except Exception as exc:  # a bug in plainsum: shown in the page, and the server goes on
            built.problems = [str(Problem(built.source, 1, 1, f"internal error: {type(exc).__name__}: {exc}"))]
        return built

    def _render(self, built: Built, results: list[DocumentResult], translated: list[DocumentResult]) -> None:
        """The documents at the paths a build writes them, below /review/<id>/ (summary, abstract,
        <lang>/summary), so that their links to each other work as they do in output/."""
        from plainsum.build.tasks import link_languages, output_language
        from plainsum.document_formats import RenderContext
        from plainsum.document_formats import registry as format_registry
        from plainsum.report_pages.review import review_page as report_page

        assert self._config is not None and self._templates is not None
        # the preview shows every document, passing or not, so each links to the others
        kinds = tuple(dict.fromkeys(result.document.kind for result in results))
        context = RenderContext(self._templates, self._config, published=kinds, index_href="/")
        link_languages([result.document for result in [*results, *translated] if result.document.kind == "summary"], self._templates)
        html = format_registry["html"]
        for result in [*results, *translated]:
            language = output_language(result.document)
            name = result.document.kind if language is None else f"{language}/{result.document.kind}"
            built.pages[name] = html.render(result.document, result.scored, context)
            if language is None:
                built.passed[result.document.kind] = result.passed
            for finding in result.findings:
                built.findings.append(f"{finding.location}: {finding.severity} [{finding.check}] {finding.message}")
        built.pages["report"] = report_page(results, self._config, self._templates)
        built.languages = sorted(name.split("/")[0] for name in built.pages if "/" in name)

    # --- the pages of the preview itself

    def review_page(self, snapshot: Snapshot, stem: str) -> bytes | None:
        built = snapshot.reviews.get(stem)
        if built is None and not snapshot.problems:
            return None
        generation = built.generation if built is not None and not snapshot.problems else snapshot.generation
        return self._page("serve/review.html.j2", snapshot, generation, review=built, stem=stem)

    def index_page(self, snapshot: Snapshot) -> bytes:
        reviews = sorted(snapshot.reviews.values(), key=lambda b: b.stem)
        return self._page("serve/index.html.j2", snapshot, snapshot.generation, reviews=reviews)

    def _page(self, name: str, snapshot: Snapshot, generation: int, **values: object) -> bytes:
        from plainsum.render.templates import TemplateSet

        templates = self._templates or TemplateSet(None)  # the configuration did not load: the defaults
        template = templates.env.get_template(name)
        style = Markup(templates.read("serve/preview.css"))
        return template.render(page_generation=generation, problems=snapshot.problems, style=style,
                               documents=DOCUMENTS, **values).encode("utf-8")


def _stamp(project: Project) -> tuple[int, int] | None:
    """The size and time of the published record of the project's output folder, None if there is none."""
    from plainsum.content.published_names import PUBLISHED_DIR, PUBLISHED_INDEX

    try:
        status = (project.config.output_dir / PUBLISHED_DIR / PUBLISHED_INDEX).stat()
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def _outermost(folders: list[Path]) -> list[Path]:
    """The folders, without those inside another of them (watched already)."""
    resolved = sorted({f.resolve() for f in folders if f.exists()}, key=lambda p: len(p.parts))
    kept: list[Path] = []
    for folder in resolved:
        if not any(_inside(folder, outer) for outer in kept):
            kept.append(folder)
    return kept
