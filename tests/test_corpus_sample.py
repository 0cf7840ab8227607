"""A fixed sample of 200 real Cochrane reviews, end to end: import, check, build txt and html.

Reads the corpus from ../shared at run time (nothing from it is committed) and skips without it.
The whole corpus is `python -m bench corpus`.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from conftest import CORPUS

SAMPLE = 200

pytestmark = pytest.mark.skipif(not CORPUS.is_file(), reason="corpus not available")


@pytest.fixture(scope="module")
def sample() -> list[dict]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    step = len(records) // SAMPLE  # every 14th review: long and sectioned summaries, all eras
    chosen = records[::step][:SAMPLE]
    # the sample always includes the newer abstract format and the one-Methods format
    for heading in ("Rationale", "Methods"):
        chosen.append(next(r for r in records if any(part["heading"] == heading for part in r["abstract"])))
    return chosen


def test_sample_imports_checks_and_builds_without_a_crash(sample, tmp_path):
    from plainsum.build.builder import BuildOptions, build
    from plainsum.content.loader import load_review
    from plainsum.gate.settings import load_config
    from plainsum.importers.cochrane_json import record_to_yaml
    from plainsum.project.project import Project

    content = tmp_path / "content"
    content.mkdir()
    kinds: dict[str, int] = {}
    for record in sample:
        review_id, text = record_to_yaml(record)
        path = content / f"{review_id}.yaml"
        path.write_text(text, encoding="utf-8")
        kind = load_review(path).kind.name
        kinds[kind] = kinds.get(kind, 0) + 1
    assert len(list(content.iterdir())) == len(sample) >= SAMPLE
    assert {"cochrane-review", "cochrane-review-rationale", "cochrane-review-brief"} <= set(kinds)

    config = load_config(Path(__file__).resolve().parent.parent, None)
    outcome = Project(config).check([content])
    assert outcome.problems == []
    assert len(outcome.results) == 2 * len(sample)

    output = tmp_path / "output"
    built = build([content], config, BuildOptions(formats=["txt", "html"], output_dir=output, draft=True, progress=False))
    assert built.problems == []
    for record_id in (p.stem for p in content.glob("*.yaml")):  # the review files (the build also writes content/.plainsum-published/)
        for name in ("abstract.txt", "summary.txt", "abstract.html", "summary.html"):
            assert (output / record_id / name).stat().st_size > 0, f"{record_id}/{name}"


def test_imported_text_renders_back_word_for_word(sample, tmp_path):
    """Every abstract section and summary paragraph of the sample appears in the built txt unchanged."""
    from plainsum.content.loader import load_review
    from plainsum.gate.settings import load_config
    from plainsum.importers.cochrane_json import record_to_yaml
    from plainsum.render.document import render_documents
    from plainsum.render.markup import to_text
    from plainsum.render.templates import TemplateSet

    templates = TemplateSet(load_config(Path(__file__).resolve().parent.parent, None).templates_dir)
    for record in sample[:60]:
        review_id, text = record_to_yaml(record)
        path = tmp_path / f"{review_id}.yaml"
        path.write_text(text, encoding="utf-8")
        abstract, _summary = render_documents(load_review(path), templates)
        abstract_text = " ".join(to_text(abstract.body).split())
        for part in record["abstract"]:
            for paragraph in part["text"].split("\n"):
                folded = " ".join(paragraph.split()).replace("*", "").replace("_", "")
                if folded:
                    assert folded in abstract_text.replace("*", "").replace("_", ""), (review_id, part["heading"])
