"""The preview's pages without a browser: what a change rebuilds, and what a page of errors says."""

from __future__ import annotations

from pathlib import Path

from plainsum.gate import load_config
from plainsum.serve import Site


def _site(project: Path) -> Site:
    return Site(lambda: load_config(project), [])


def test_a_saved_review_rebuilds_that_review_only(project: Path) -> None:
    site = _site(project)
    first = site.snapshot()
    assert sorted(first.reviews) == ["general-health-checks", "ilsp-immunotherapy", "ivig-dlrpn"]
    untouched = first.reviews["ivig-dlrpn"]
    path = project / "content" / "ilsp-immunotherapy.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("plain_title: >-", "plain_title: >-\n  Edited:", 1),
                    encoding="utf-8")
    assert site.changed({path})
    assert site.rebuilt == ["ilsp-immunotherapy"]
    after = site.snapshot()
    assert after.reviews["ivig-dlrpn"] is untouched  # not built again
    assert site.page_generation("ivig-dlrpn") == first.generation  # its open pages do not reload
    assert site.page_generation("ilsp-immunotherapy") == after.generation > first.generation
    assert b"Edited:" in after.reviews["ilsp-immunotherapy"].pages["summary"]


def test_files_the_preview_does_not_show_change_nothing(project: Path) -> None:
    site = _site(project)
    generation = site.snapshot().generation
    notes = project / "content" / "notes.txt"
    notes.write_text("mine", encoding="utf-8")
    assert not site.changed({notes})
    assert site.snapshot().generation == generation


def test_the_configuration_rebuilds_everything_and_its_errors_show_in_every_page(project: Path) -> None:
    site = _site(project)
    site.snapshot()
    config = project / "plainsum.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\nformts = 1\n", encoding="utf-8")
    assert site.changed({config})
    snapshot = site.snapshot()
    page = site.review_page(snapshot, "ivig-dlrpn")
    assert page is not None and b"The project does not load" in page and b"plainsum.toml:" in page
    assert b"did you mean" in page or b"unknown" in page
    config.write_text(config.read_text(encoding="utf-8").replace("\nformts = 1\n", ""), encoding="utf-8")
    assert site.changed({config})
    assert sorted(site.rebuilt) == ["general-health-checks", "ilsp-immunotherapy", "ivig-dlrpn"]


def test_a_broken_review_page_lists_its_problems_escaped(project: Path) -> None:
    site = _site(project)
    path = project / "content" / "ivig-dlrpn.yaml"
    text = path.read_text(encoding="utf-8").replace("kind: primary-study", "kind: <script>alert(1)</script>", 1)
    path.write_text(text, encoding="utf-8")
    site.changed({path})
    snapshot = site.snapshot()
    page = site.review_page(snapshot, "ivig-dlrpn")
    assert page is not None and b"This review does not load" in page
    assert b"content/ivig-dlrpn.yaml:" in page and b"unknown kind" in page
    assert b"<script>alert" not in page and b"&lt;script&gt;alert(1)&lt;/script&gt;" in page
    index = site.index_page(snapshot)
    assert b"does not load" in index and b'href="/review/general-health-checks"' in index
