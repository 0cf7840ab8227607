"""A fuzz campaign over every kind of input plainsum reads, seeded from real records, mutating
bytes, tokens and structure, with a hang limit (issue 30).

`python -m bench fuzz --inputs N` (or `--minutes M`) feeds N inputs, spread over the input kinds,
each to the code that reads it in-process, and sorts every outcome: taken (plainsum accepted it),
refused (InputError: exit 2 with file:line:col), crash (any other exception: exit 3 for a user),
hang (more than --hang seconds of CPU, default 5: CPU, not wall-clock time, as the machine is shared). `--seed S` makes a run repeatable; each crash and hang
is written with its input to a folder (printed at the end) so it can be minimised into a
regression test. The process limits its own address space (2 GB) so that a memory bomb is a crash
here, not a machine out of memory.

Seeds are real: the shipped reviews and their translations, the development corpus's Cochrane
records (and abstracts made text from them), the RevMan file in shared/, PubMed XML written from
corpus records, the shipped catalogs, grids, templates and configuration.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import random
import re
import resource
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "cochrane-dev.jsonl.gz"
REVMAN = SHARED / "revman"
MAX_INPUT = 3_000_000
MEMORY_LIMIT = 2 * 1024**3

# --- mutation ------------------------------------------------------------------------------------

COMMON_TOKENS = [
    b"\x00", b"\xff", b"\xef\xbb\xbf", b"\xe2\x80\xa8", b"\xed\xa0\x80", b"\r", b"\r\n", b"\t", b"\\", b'"', b"'", b"\n",
    b"-1", b"0", b"1e999", b"NaN", b"99999999999999999999999999", b"\xc3\xa9", b"\xf0\x9f\x98\x80", b"%s", b"{{", b"}}",
]
TOKENS: dict[str, list[bytes]] = {
    "yaml": [b": ", b"- ", b"&a ", b"*a", b"[", b"]", b"{", b"}", b", ", b"? ", b"!!str ", b"!!int ", b"!!float ", b"!!binary ",
             b"!!python/object ", b"%YAML 1.1\n", b"---\n", b"...\n", b"|\n", b">-\n", b"1:30", b"0x1F", b"0o17", b"yes",
             b"~", b"null", b".inf", b"2013-02-30", b"2013-10-15", b"<<: *a", b"#"],
    "prose": [b"{{ ", b" }}", b"{% ", b" %}", b"if ", b"else", b"endif", b"for x in ", b"endfor", b"set y = ", b"macro m()",
              b"endmacro", b"(", b")", b"[", b"]", b"|", b" ~ ", b" * ", b" ** ", b" % ", b" + ", b" and ", b" not ", b" in ",
              b"search_date", b"databases", b"included_studies", b"results", b"loop.index", b"self", b"range", b"long_date",
              b"in_words", b"thousands", b"join_and", b"upper", b"center(9)", b"attr('upper')", b"string", b"format",
              b"replace('a','bb')", b"join", b"'a'", b"10**6", b"99999", b"recursive", b".__class__", b"[0]", b"is defined",
              b"| number(',', '.')", b"| default('x')", b"| round(2)"],
    "toml": [b"[", b"]", b" = ", b"\"", b"[gate.summary]\n", b"[checks]\n", b"content = ", b"output = ", b"templates = ",
             b"formats = [\"html\"]", b"max_flesch_kincaid_grade = ", b"languages = ", b"[[", b"]]", b"true", b"1979-05-27"],
    "json": [b"{", b"}", b"[", b"]", b":", b",", b"\"doi\"", b"\"abstract\"", b"\"pls\"", b"\"heading\"", b"\"text\"",
             b"null", b"true", b"\\u0000", b"\\ud800", b"\\\"", b".pub300000000", b"10.1002/14651858.CD000001.pub2"],
    "xml": [b"<", b">", b"</", b"/>", b"&amp;", b"&e;", b"<!ENTITY e \"x\">", b"<![CDATA[", b"]]>", b"=\"", b"ROWSPAN=\"two\"",
            b"encoding=\"x-unknown\"", b"<P>", b"</P>", b"<TR>", b"<TD>", b"<AbstractText Label=\"RESULTS\">"],
    "po": [b"msgid ", b"msgstr ", b"msgctxt ", b"msgid_plural ", b"msgstr[0] ", b"\"", b"%(n)d", b"%s", b"{0}", b"#, fuzzy\n",
           b"\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"", b"\"Content-Type: text/plain; charset=x-bad\\n\""],
    "jinja": [b"{{ ", b" }}", b"{% ", b" %}", b"{% include '", b"{% extends '", b"{% block x %}", b"{% endblock %}",
              b"../", b"review.title", b"_(", b"| safe", b"| e", b"{% for x in review.sections %}", b"{% endfor %}"],
    "text": [b"Background\n", b"Objectives\n", b"Main results\n", b"Authors' conclusions\n", b"Plain language summary\n",
             b"\n\n", b"doi:10.1002/14651858.CD000001", b". ", b"95% CI 0.5 to 0.9", b"e.g. ", b"Dr. "],
}
_WORD = re.compile(rb"[A-Za-z_][A-Za-z0-9_]*|\d+|[{}\[\]():,|~%*\"'<>&]")


class Mutator:
    """Byte, token and structure mutations of a seed, and crossover with another seed of its kind."""

    def __init__(self, rng: random.Random, dictionary: list[bytes], seeds: list[bytes]):
        self.rng = rng
        self.dictionary = dictionary + COMMON_TOKENS
        self.seeds = seeds

    def __call__(self, seed: bytes) -> bytes:
        data = bytearray(seed)
        for _ in range(self.rng.choice((1, 1, 1, 2, 2, 3, 4, 6, 10))):
            operation = self.rng.choice(self.OPERATIONS)
            operation(self, data)
            if len(data) > MAX_INPUT:
                del data[MAX_INPUT:]
        return bytes(data)

    def _at(self, data: bytearray) -> int:
        return self.rng.randrange(len(data) + 1)

    # bytes
    def flip(self, data: bytearray) -> None:
        if data:
            position = self.rng.randrange(len(data))
            data[position] ^= 1 << self.rng.randrange(8)

    def set_byte(self, data: bytearray) -> None:
        if data:
            data[self.rng.randrange(len(data))] = self.rng.randrange(256)

    def insert_bytes(self, data: bytearray) -> None:
        position = self._at(data)
        data[position:position] = bytes(self.rng.randrange(256) for _ in range(self.rng.randint(1, 8)))

    def delete(self, data: bytearray) -> None:
        position = self._at(data)
        del data[position:position + self.rng.choice((1, 2, 8, 64, 512))]

    def duplicate(self, data: bytearray) -> None:
        position = self._at(data)
        if len(data) < MAX_INPUT:
            data[position:position] = data[position:position + self.rng.choice((1, 8, 64, 512, 4096))]

    # tokens
    def insert_token(self, data: bytearray) -> None:
        position = self._at(data)
        data[position:position] = self.rng.choice(self.dictionary)

    def replace_token(self, data: bytearray) -> None:
        start = self.rng.randrange(len(data) + 1)
        words = list(_WORD.finditer(data, start, start + 2048))
        if words:
            word = self.rng.choice(words)
            data[word.start():word.end()] = self.rng.choice(self.dictionary)

    def repeat_token(self, data: bytearray) -> None:
        """A token many times over: the shape of a bomb (deep nesting, long numbers, long lines)."""
        position = self._at(data)
        token = self.rng.choice(self.dictionary)
        data[position:position] = token * min(self.rng.choice((10, 100, 1000, 10_000, 100_000)), MAX_INPUT // len(token))

    # structure
    def _lines(self, data: bytearray) -> list[bytes]:
        if len(data) > 300_000:  # a bomb already: line surgery on it costs more than it finds
            return [bytes(data)]
        return bytes(data).split(b"\n")

    def _set_lines(self, data: bytearray, lines: list[bytes]) -> None:
        data[:] = b"\n".join(lines)

    def shuffle_lines(self, data: bytearray) -> None:
        lines = self._lines(data)
        if len(lines) > 1:
            a, b = self.rng.randrange(len(lines)), self.rng.randrange(len(lines))
            lines[a], lines[b] = lines[b], lines[a]
            self._set_lines(data, lines)

    def delete_lines(self, data: bytearray) -> None:
        lines = self._lines(data)
        start = self.rng.randrange(len(lines))
        del lines[start:start + self.rng.choice((1, 1, 3, 20))]
        self._set_lines(data, lines)

    def repeat_lines(self, data: bytearray) -> None:
        lines = self._lines(data)
        start = self.rng.randrange(len(lines))
        block = lines[start:start + self.rng.choice((1, 2, 5))]
        size = sum(map(len, block)) + len(block)
        lines[start:start] = block * min(self.rng.choice((2, 10, 1000)), MAX_INPUT // max(1, size))
        self._set_lines(data, lines)

    def indent(self, data: bytearray) -> None:
        lines = self._lines(data)
        index = self.rng.randrange(len(lines))
        lines[index] = self.rng.choice((b"", b" ", b"  ", b"\t", b"      ")) + lines[index].lstrip(b" ")
        self._set_lines(data, lines)

    def splice(self, data: bytearray) -> None:
        other = self.rng.choice(self.seeds)
        if other:
            start = self.rng.randrange(len(other))
            piece = other[start:start + self.rng.choice((16, 256, 4096))]
            position = self._at(data)
            data[position:position] = piece

    OPERATIONS: ClassVar[list[Callable[[Mutator, bytearray], None]]] = []


Mutator.OPERATIONS = [
    Mutator.flip, Mutator.set_byte, Mutator.insert_bytes, Mutator.delete, Mutator.duplicate,
    Mutator.insert_token, Mutator.insert_token, Mutator.replace_token, Mutator.replace_token, Mutator.repeat_token,
    Mutator.shuffle_lines, Mutator.delete_lines, Mutator.repeat_lines, Mutator.indent, Mutator.splice,
]

# --- seeds ---------------------------------------------------------------------------------------


def corpus_records(count: int, rng: random.Random) -> list[dict[str, object]]:
    if not CORPUS.exists():
        return []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as stream:
        records = [json.loads(line) for line in stream]
    return rng.sample(records, min(count, len(records)))


def _record_as_text(record: dict[str, object]) -> bytes:
    parts = [str(record.get("name", "")), ""]
    for section in record.get("abstract", []) or []:  # type: ignore[attr-defined]
        parts += [section.get("heading", ""), section.get("text", ""), ""]
    pls = record.get("pls")
    if isinstance(pls, str):
        parts += ["Plain language summary", pls]
    return "\n".join(parts).encode("utf-8")


def _record_as_pubmed(record: dict[str, object], number: int) -> bytes:
    from xml.sax.saxutils import escape

    abstract = "".join(f'<AbstractText Label="{escape(str(s.get("heading", ""))).upper()}">{escape(str(s.get("text", "")))}</AbstractText>'
                       for s in record.get("abstract", []) or [])  # type: ignore[attr-defined]
    return (f"<?xml version='1.0'?><PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>{number}</PMID><Article>"
            f"<ArticleTitle>{escape(str(record.get('name', '')))}</ArticleTitle><Abstract>{abstract}</Abstract></Article>"
            "</MedlineCitation></PubmedArticle></PubmedArticleSet>").encode()


def prose_seeds() -> list[bytes]:
    found: set[bytes] = set()
    for path in (REPO / "content").glob("ilsp-immunotherapy*.yaml"):  # the facts of the review the prose goes in
        found.update(m.group(0).encode() for m in re.finditer(r"\{[{%].*?[}%]\}", path.read_text(encoding="utf-8")))
    found.update((b"{% for d in databases %}{{ d }}{% if not loop.last %}, {% endif %}{% endfor %}",
                  b"{{ included_studies | in_words | capitalize }} studies, searched {{ search_date | long_date }}",
                  b"{{ 'many' if included_studies > 2 else 'few' }}", b"{{ databases | join_and }}"))
    return sorted(found)


# --- targets -------------------------------------------------------------------------------------


class Hang(BaseException):
    """The hang limit was reached (a BaseException, so plainsum's own handlers do not catch it)."""


@dataclass
class Kind:
    name: str
    tokens: str
    seeds: list[bytes]
    run: Callable[[bytes], bool]  # True: taken; False: refused with InputError; anything raised: a crash


class Workspace:
    """A project folder reused for every input (a fresh folder per input would cost more than most
    inputs): each input writes its file with `write`, and `reset` puts back only what was written."""

    ORIGINALS = ("plainsum.toml", "content/ilsp-immunotherapy.yaml", "content/ilsp-immunotherapy.es.yaml")

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="plainsum-campaign-"))
        (self.root / "content").mkdir()
        self.originals = {name: (REPO / name).read_bytes() for name in self.ORIGINALS}
        for name, data in self.originals.items():
            (self.root / name).write_bytes(data)
        self.touched: set[str] = set()
        self.generation = 0  # changes whenever the configuration or the templates folder was written

    def write(self, name: str, data: bytes) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.touched.add(name)
        if not name.startswith("content/"):
            self.generation += 1
        return path

    def reset(self) -> None:
        for name in self.touched:
            if name in self.originals:
                (self.root / name).write_bytes(self.originals[name])
            elif name.startswith("templates/"):
                shutil.rmtree(self.root / "templates", ignore_errors=True)
            else:
                (self.root / name).unlink(missing_ok=True)
            if not name.startswith("content/"):
                self.generation += 1
        self.touched.clear()

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def make_kinds(space: Workspace, rng: random.Random) -> list[Kind]:
    from plainsum.errors import InputError

    root = space.root
    review_path = root / "content" / "ilsp-immunotherapy.yaml"
    base_review = (REPO / "content" / "ilsp-immunotherapy.yaml").read_bytes()

    cache: dict[str, tuple[int, object]] = {}

    def cached(name: str, make: Callable[[], object]) -> Any:
        """The configuration or TemplateSet, made again only after an input wrote one of their files."""
        known = cache.get(name)
        if known is None or known[0] != space.generation:
            known = cache[name] = (space.generation, make())
        return known[1]

    def config():  # type: ignore[no-untyped-def]
        from plainsum.gate.settings import load_config

        return cached("config", lambda: load_config(root))

    def templates():  # type: ignore[no-untyped-def]
        from plainsum.render.templates import TemplateSet

        return cached("templates", lambda: TemplateSet(root / "templates", root))

    def refused(run: Callable[[], object]) -> bool:
        try:
            run()
        except InputError:
            return False
        return True

    def review_and_translations(evaluate: bool) -> Callable[[], object]:
        def run() -> object:
            from plainsum.content.discovery import translation_paths
            from plainsum.content.loader import load_review
            from plainsum.content.translation import load_translation
            from plainsum.project.flow import evaluate as evaluate_review

            ts = templates()
            review = load_review(review_path, templates=ts)
            problems: list[object] = []
            translations = []
            for path in translation_paths(review.source.path):
                try:
                    translations.append(load_translation(path, review, ts.locale))
                except InputError as error:
                    problems.extend(error.problems)
            if evaluate:
                evaluate_review(review, ts, config())
                for version in translations:
                    evaluate_review(version, ts, config())
            if problems:
                raise InputError(problems)  # type: ignore[arg-type]
            return review

        return run

    def content(data: bytes) -> bool:
        space.write("content/ilsp-immunotherapy.yaml", data)
        return refused(review_and_translations(rng.random() < 0.03))

    def prose(data: bytes) -> bool:
        template = data.decode("utf-8", "replace").replace("\n", " ").replace("'", "''")
        text = re.sub(r"plain_title: >-\n  [^\n]*\n", lambda _: f"plain_title: '{template}'\n", base_review.decode(), count=1)
        space.write("content/ilsp-immunotherapy.yaml", text.encode("utf-8"))
        return refused(review_and_translations(rng.random() < 0.03))

    def translation(data: bytes) -> bool:
        space.write("content/ilsp-immunotherapy.es.yaml", data)
        return refused(review_and_translations(rng.random() < 0.03))

    def configuration(data: bytes) -> bool:
        space.write("plainsum.toml", data)
        return refused(config)

    def catalog(data: bytes) -> bool:
        space.write("templates/locale/es/LC_MESSAGES/plainsum.po", data)
        return refused(review_and_translations(rng.random() < 0.05))

    def grid(data: bytes) -> bool:
        from plainsum.grade import grid as grid_module

        space.write("templates/grade/grid.yaml", data)
        grid_module._load_grid.cache_clear()  # kept by path: this path holds a new grid every time
        with_results = space.write("content/general-health-checks.yaml", (REPO / "content" / "general-health-checks.yaml").read_bytes())

        def run() -> object:  # a review with results, whose statements the grid words
            from plainsum.content.loader import load_review
            from plainsum.project.flow import evaluate as evaluate_review

            ts = templates()
            review = load_review(with_results, templates=ts)
            if rng.random() < 0.1:
                evaluate_review(review, ts, config())
            return review

        return refused(run)

    def template(data: bytes) -> bool:
        space.write("templates/txt/summary.txt.j2", data)

        def run() -> object:
            from plainsum.content.loader import load_review
            from plainsum.document_formats import RenderContext, registry
            from plainsum.project.flow import evaluate as evaluate_review
            from plainsum.render.templates import OVERRIDE_ERRORS

            ts = templates()
            review = load_review(review_path, templates=ts)
            cfg = config()
            context = RenderContext(ts, cfg)
            try:
                for result in evaluate_review(review, ts, cfg):
                    registry["txt"].render(result.document, result.scored, context)
            except OVERRIDE_ERRORS as error:  # what the build's worker and the preview turn into a problem at the template
                raise InputError([ts.override_problem(error, "the documents")]) from None
            return review

        return refused(run)

    def importer(name: str) -> Callable[[bytes], bool]:
        def run_import(data: bytes) -> bool:
            from plainsum.importers import read_input, validate

            path = space.write(name, data)

            def run() -> object:
                for imported in read_input(path):
                    if imported.where is None:
                        validate(imported)
                return None

            return refused(run)

        return run_import

    def score(data: bytes) -> bool:
        from click.testing import CliRunner

        from plainsum.cli import cli

        result = CliRunner().invoke(cli, ["score", "-"], input=data, catch_exceptions=True)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        if result.exit_code not in (0, 1, 2):
            raise RuntimeError(f"exit {result.exit_code}: {result.output[-500:]}")
        return result.exit_code != 2

    records = corpus_records(60, rng)
    reviews = [p.read_bytes() for p in sorted((REPO / "content").glob("*.yaml")) if p.name.count(".") == 1]
    translations = [p.read_bytes() for p in sorted((REPO / "content").glob("ilsp-immunotherapy.*.yaml")) if p.name.count(".") == 2]
    revman = [p.read_bytes() for p in sorted(REVMAN.glob("*.rm5"))] if REVMAN.exists() else []
    jsonl = [json.dumps(r, ensure_ascii=rng.random() < 0.5).encode() + b"\n" for r in records]
    return [
        Kind("content", "yaml", reviews, content),
        Kind("prose", "prose", prose_seeds(), prose),
        Kind("translation", "yaml", translations, translation),
        Kind("configuration", "toml", [(REPO / "plainsum.toml").read_bytes()], configuration),
        Kind("catalog", "po", [p.read_bytes() for p in sorted((REPO / "templates" / "locale").glob("*/LC_MESSAGES/*.po"))], catalog),
        Kind("grid", "yaml", [(REPO / "templates" / "grade" / "grid.yaml").read_bytes()], grid),
        Kind("template", "jinja", [(REPO / "templates" / "txt" / "summary.txt.j2").read_bytes()], template),
        Kind("import-cochrane-json", "json", jsonl, importer("records.jsonl")),
        Kind("import-text", "text", [_record_as_text(r) for r in records], importer("review.txt")),
        Kind("import-pubmed-xml", "xml", [_record_as_pubmed(r, i) for i, r in enumerate(records)], importer("articles.xml")),
        Kind("import-revman", "xml", revman, importer("review.rm5")),
        Kind("score", "text", [_record_as_text(r) for r in records[:20]], score),
    ]


# --- the campaign --------------------------------------------------------------------------------


@dataclass
class Tally:
    tried: int = 0
    taken: int = 0
    refused: int = 0
    crashes: int = 0
    hangs: int = 0
    slowest: float = 0.0
    cpu: float = 0.0
    causes: dict[str, int] = field(default_factory=dict)

    def add(self, other: Tally) -> None:
        self.tried += other.tried
        self.taken += other.taken
        self.refused += other.refused
        self.crashes += other.crashes
        self.hangs += other.hangs
        self.cpu += other.cpu
        self.slowest = max(self.slowest, other.slowest)
        for cause, count in other.causes.items():
            self.causes[cause] = self.causes.get(cause, 0) + count


def _on_alarm(signum: int, frame: object) -> None:
    raise Hang()


def _cause(error: BaseException) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    inside = [f for f in frames if "/plainsum/" in f.filename] or frames
    where = f"{Path(inside[-1].filename).name}:{inside[-1].lineno}" if inside else "?"
    return f"{type(error).__name__} at {where}"


def campaign(inputs: int, minutes: float | None, seed: int, hang: float, out: Path, only: list[str]) -> dict[str, Tally]:
    rng = random.Random(seed)
    space = Workspace()
    kinds = [k for k in make_kinds(space, rng) if k.seeds and (not only or k.name in only)]
    mutators = {k.name: Mutator(rng, TOKENS[k.tokens], k.seeds) for k in kinds}
    tallies = {k.name: Tally() for k in kinds}
    signal.signal(signal.SIGPROF, _on_alarm)
    out.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + minutes * 60 if minutes else None
    started = time.monotonic()
    done = 0
    try:
        while (done < inputs) and (deadline is None or time.monotonic() < deadline):
            kind = kinds[done % len(kinds)]
            tally = tallies[kind.name]
            data = mutators[kind.name](rng.choice(kind.seeds)) if rng.random() < 0.97 else rng.choice(kind.seeds)
            space.reset()
            cpu_begun = time.process_time()
            signal.setitimer(signal.ITIMER_PROF, hang)
            try:
                if kind.run(data):
                    tally.taken += 1
                else:
                    tally.refused += 1
            except Hang:
                tally.hangs += 1
                _keep(out, kind.name, "hang", tally.hangs, data, f"over {hang:g} s")
            except Exception as error:
                tally.crashes += 1
                cause = _cause(error)
                tally.causes[cause] = tally.causes.get(cause, 0) + 1
                if tally.causes[cause] <= 3:
                    _keep(out, kind.name, "crash", tally.crashes, data, "".join(traceback.format_exception(error))[-3000:])
            finally:
                signal.setitimer(signal.ITIMER_PROF, 0)
            tally.slowest = max(tally.slowest, time.process_time() - cpu_begun)
            tally.cpu += time.process_time() - cpu_begun
            tally.tried += 1
            done += 1
            if done % 10000 == 0:
                elapsed = time.monotonic() - started
                crashes = sum(t.crashes for t in tallies.values())
                print(f"  {done:,} inputs in {elapsed:.0f} s ({done / elapsed:.0f}/s), {crashes} crashes", flush=True)
    finally:
        space.close()
    return tallies


def _job(arguments: tuple[int, int, float | None, int, float, Path, list[str]]) -> tuple[dict[str, Tally], float]:
    _, inputs, minutes, seed, hang, out, only = arguments
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    cpu = time.process_time()
    tallies = campaign(inputs, minutes, seed, hang, out, only)
    return tallies, time.process_time() - cpu


def _in_processes(jobs: int, inputs: int, minutes: float | None, seed: int, hang: float, out: Path,
                  only: list[str]) -> tuple[dict[str, Tally], float]:
    """The campaign in `jobs` processes, each with its own seed (seed, seed + 1, ...) and folder of
    findings, its share of the inputs; the tallies added up."""
    import multiprocessing

    share = -(-inputs // jobs) if inputs < 10**12 else inputs
    work = [(i, share, minutes, seed + i, hang, out / f"job-{i}", only) for i in range(jobs)]
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        results = pool.map(_job, work)
    total: dict[str, Tally] = {}
    for tallies, _ in results:
        for name, t in tallies.items():
            total.setdefault(name, Tally()).add(t)
    return total, sum(cpu for _, cpu in results)


def _keep(out: Path, kind: str, what: str, number: int, data: bytes, detail: str) -> None:
    stem = out / f"{kind}-{what}-{number}"
    stem.with_suffix(".input").write_bytes(data)
    stem.with_suffix(".txt").write_text(detail, encoding="utf-8")


def main(argv: list[str]) -> int:
    options = dict(a[2:].split("=", 1) for a in argv if a.startswith("--") and "=" in a)
    inputs = int(options.get("inputs", "0") or 0) or 10**12
    minutes = float(options["minutes"]) if "minutes" in options else (None if "inputs" in options else 1.0)
    seed = int(options.get("seed", "1"))
    hang = float(options.get("hang", "5"))
    only = [k for k in options.get("kinds", "").split(",") if k]
    jobs = max(1, int(options.get("jobs", "1")))
    out = Path(options.get("out", tempfile.gettempdir() + "/plainsum-campaign"))
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    os.environ.setdefault("PLAINSUM_NO_PROGRESS", "1")
    load = os.getloadavg()[0]
    print(f"fuzz campaign: seed {seed}, {jobs} process{'es' if jobs > 1 else ''}, hang limit {hang:g} s of CPU, "
          f"{f'{inputs} inputs' if inputs < 10**12 else f'{minutes or 0:g} min'}; load {load:.1f}", flush=True)
    started = time.monotonic()
    if jobs == 1:
        cpu = time.process_time()
        tallies = campaign(inputs, minutes, seed, hang, out, only)
        cpu = time.process_time() - cpu
    else:
        tallies, cpu = _in_processes(jobs, inputs, minutes, seed, hang, out, only)
    elapsed = time.monotonic() - started
    total = Tally()
    print(f"{'kind':<22} {'inputs':>8} {'taken':>8} {'refused':>8} {'crashes':>8} {'hangs':>6} {'slowest CPU':>11} {'CPU/input':>9}")
    for name, t in tallies.items():
        print(f"{name:<22} {t.tried:>8,} {t.taken:>8,} {t.refused:>8,} {t.crashes:>8,} {t.hangs:>6,} {t.slowest:>10.2f}s"
              f" {1000 * t.cpu / max(1, t.tried):>7.1f}ms")
        for cause, count in sorted(t.causes.items(), key=lambda c: -c[1]):
            print(f"    {count:>6,} {cause}")
        total.add(t)
    print(f"{'all':<22} {total.tried:>8,} {total.taken:>8,} {total.refused:>8,} {total.crashes:>8,} {total.hangs:>6,} "
          f"{total.slowest:>10.2f}s")
    print(f"{elapsed:.0f} s wall, {cpu:.0f} s CPU, load {load:.1f} at the start and {os.getloadavg()[0]:.1f} at the end; "
          f"crashes and hangs kept in {out}", flush=True)
    return 1 if total.crashes or total.hangs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
