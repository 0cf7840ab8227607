"""Pages that link (abstract <-> summary <-> index <-> report), report pages a validator and a
screen reader can use, and the overview that lists every failing document."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import REPO, run_cli

LANDMARKS = {"nav": "navigation", "main": "main", "aside": "complementary", "header": "banner", "footer": "contentinfo"}


class Landmarks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: dict[str, str] = {}
        self.found: list[tuple[str, str]] = []  # (role, label or labelledby id)
        self.links: list[str] = []
        self.labelled_divs = 0
        self._text_for: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if tag == "div" and "aria-labelledby" in attributes:
            self.labelled_divs += 1
        role = attributes.get("role") or LANDMARKS.get(tag)
        if tag == "section" and ("aria-labelledby" in attributes or "aria-label" in attributes):
            role = "region"
        if role in ("navigation", "main", "complementary", "region"):
            self.found.append((role, attributes.get("aria-label") or attributes.get("aria-labelledby") or ""))


def landmarks(path: Path) -> Landmarks:
    parser = Landmarks()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The shipped reviews with a strict gate: at grade 6 the general health checks summary fails,
    and the ILSP summary (256 words) passes only because it is shorter than formula_min_words = 260
    and none of its sentences is hard under loose sentence limits (readability.short-text gates a
    short text on its sentences)."""
    root = tmp_path_factory.mktemp("site")
    shutil.copytree(REPO / "content", root / "content")
    config = (REPO / "plainsum.toml").read_text(encoding="utf-8")
    config = config.replace("max_flesch_kincaid_grade = 13", "max_flesch_kincaid_grade = 6").replace(
        "formula_min_words = 100", "formula_min_words = 260").replace("max_words = 30\nmax_grade = 16", "max_words = 80\nmax_grade = 40")
    assert "max_grade = 40" in config
    (root / "plainsum.toml").write_text(config, encoding="utf-8")
    assert run_cli("build", "--formats", "html,txt", "--draft", "--no-progress", cwd=root).returncode == 1
    assert run_cli("report", cwd=root).returncode == 0
    # the index links to the report once the report exists: a second build rewrites the index
    assert run_cli("build", "--formats", "html,txt", "--draft", "--no-progress", cwd=root).returncode == 1
    return root / "output"


def test_summary_and_abstract_link_to_each_other_and_to_the_index(site):
    summary = landmarks(site / "ilsp-immunotherapy" / "summary.html")
    abstract = landmarks(site / "ilsp-immunotherapy" / "abstract.html")
    assert "abstract.html" in summary.links and "../index.html" in summary.links
    assert "summary.html" in abstract.links and "../index.html" in abstract.links


def test_every_link_between_the_documents_leads_to_a_file_the_build_wrote(site):
    """Also from a translation, one folder deeper (output/<id>/<lang>/summary.html): its "All
    reviews" is ../../index.html."""
    pages = sorted(site.glob("*/*.html")) + sorted(site.glob("*/*/summary.html"))
    assert any(page.parent.name == "es" for page in pages)
    broken = []
    for page in pages:
        for link in landmarks(page).links:
            if link.startswith(("http:", "https:", "#", "mailto:")):
                continue
            target = (page.parent / link.split("#")[0]).resolve()
            if not target.is_file():
                broken.append(f"{page.relative_to(site)} -> {link}")
    assert broken == []


def test_index_titles_link_to_the_documents_and_the_index_links_to_the_report(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<a href="ilsp-immunotherapy/summary.html">Immunotherapy for idiopathic lumbosacral plexopathy</a>' in html
    assert '<a href="report/index.html">readability report</a>' in html
    assert "passed (too short for formulas: 256 words)" in html  # the ILSP summary, 256 words


def test_report_pages_link_to_the_overview_and_the_documents(site):
    page = landmarks(site / "report" / "reviews" / "ilsp-immunotherapy.html")
    assert "../index.html" in page.links
    for href in ("../../ilsp-immunotherapy/summary.html", "../../ilsp-immunotherapy/abstract.html"):
        assert href in page.links
        assert (site / "report" / "reviews" / href).resolve().is_file()


def test_the_overview_lists_every_failing_document_linked_to_its_report(site):
    data = json.loads((site / "report" / "report.json").read_text(encoding="utf-8"))
    failing = {(row["id"], row["kind"]) for row in data["failing"]}
    expected = {(review["id"], kind) for review in data["per_review"] for kind in ("summary", "abstract")
                if kind in review and not review[kind]["passed"]}
    assert failing == expected and ("general-health-checks", "summary") in failing
    html = (site / "report" / "index.html").read_text(encoding="utf-8")
    for review_id, _kind in failing:
        assert f'href="reviews/{review_id}.html"' in html
        assert (site / "report" / "reviews" / f"{review_id}.html").is_file()
    assert data["per_review"][1]["summary"]["status"] == "passed (too short for formulas: 256 words)"
    assert "passed (too short for formulas: 256 words)" in html
    assert "../index.html" in landmarks(site / "report" / "index.html").links


def test_report_pages_have_one_landmark_per_role_with_unique_labels(site):
    for path in [*sorted((site / "report" / "reviews").glob("*.html")), site / "report" / "index.html"]:
        page = landmarks(path)
        assert page.labelled_divs == 0, path
        counts = Counter(page.found)
        assert all(count == 1 for count in counts.values()), (path, counts)
        assert [role for role, _ in page.found].count("main") == 1


def test_report_pages_name_figures_in_words_and_do_not_repeat_categories(site):
    html = (site / "report" / "reviews" / "ilsp-immunotherapy.html").read_text(encoding="utf-8")
    assert "<th scope=\"row\">Flesch-Kincaid grade</th>" in html and "flesch kincaid grade" not in html
    assert "SMOG index" in html and "smog index" not in html
    notes = re.findall(r"</strong></a> (.*?)</li>", html)
    assert notes
    for note in notes:
        category, _, rest = note.partition(": ")
        first_word = category.split()[0].lower()
        assert not rest.lower().startswith(first_word), note  # "Jargon or rare word: jargon: ..." no more


def test_findings_in_the_template_text_are_the_templates_and_not_counted(site):
    """The classic layout's own sentence "Database searches for this review were run on ..." is in
    the passive voice: the report says it is plainsum's template text, with the template's line."""
    html = (site / "report" / "reviews" / "ilsp-immunotherapy.html").read_text(encoding="utf-8")
    assert "In plainsum's template text, not yours:" in html
    assert re.search(r"templates/summary/classic\.md\.j2:\d+", html)
    legend = re.search(r"\[P\] Passive voice</span> \(dotted underline\): (\d+)", html)
    template_passives = len(re.findall(r"Passive voice: [^<]*were run", html))
    assert legend and template_passives >= 1
    author_passives = len(re.findall(r"Passive voice: ", html)) - template_passives
    assert int(legend.group(1)) == author_passives


def test_each_summary_has_its_clear_communication_index_pre_score(site):
    for review_id in ("general-health-checks", "ilsp-immunotherapy", "ivig-dlrpn"):
        html = (site / "report" / "reviews" / f"{review_id}.html").read_text(encoding="utf-8")
        assert re.search(r"<strong>\d+ of \d+ automated items</strong>", html), review_id
        assert "https://www.cdc.gov/ccindex/" in html and "not the Index's score" in html
    data = json.loads((site / "report" / "report.json").read_text(encoding="utf-8"))
    cci = {row["id"]: row["summary"]["cci"] for row in data["per_review"]}
    assert cci["general-health-checks"]["label"] == "8 of 8 automated items"
    assert cci["ilsp-immunotherapy"]["passed"] < cci["ilsp-immunotherapy"]["automated_items"]


def test_md_and_txt_carry_the_doi_and_citation(site):
    txt = (site / "general-health-checks" / "summary.txt").read_text(encoding="utf-8")
    assert "Cite as: Facts from Krogsbøll LT" in txt and "DOI: https://doi.org/10.1002/14651858.CD009009.pub3" in txt
