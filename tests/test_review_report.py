"""The per-review report page: marks in place, labels readable without colour, notes beside them."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_checks_plain import review_yaml

from plainsum.gate.settings import load_config
from plainsum.project.project import Project
from plainsum.render.templates import TemplateSet
from plainsum.report_pages.review import CATEGORIES, review_page, write_review_pages


class Balanced(HTMLParser):
    """Collects text and checks that every opened element is closed in order."""

    VOID = frozenset({"meta", "br", "hr", "img", "link", "input"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def page_for(tmp_path: Path, text: str) -> str:
    (tmp_path / "content").mkdir(exist_ok=True)
    (tmp_path / "content" / "tiny.yaml").write_text(text, encoding="utf-8")
    config = load_config(tmp_path)
    outcome = Project(config).check([tmp_path / "content" / "tiny.yaml"])
    assert not outcome.problems, outcome.problems
    return review_page(outcome.results, config, TemplateSet(None)).decode("utf-8")


def parsed(html: str) -> Balanced:
    parser = Balanced()
    parser.feed(html)
    assert not parser.errors and not parser.stack, (parser.errors, parser.stack)
    return parser


def test_marks_sit_on_the_words_with_labels_and_notes(tmp_path: Path) -> None:
    html = page_for(tmp_path, review_yaml(
        what_we_found="We found 12 RCTs. The medicine was given to children. Adverse events were rare."))
    parsed(html)
    assert re.search(r'<mark class="hl hl-abbreviation" id="m-A1"[^>]*>RCTs</mark><sup class="tag">\[A1\]</sup>', html)
    assert re.search(r'<mark class="hl hl-passive" id="m-P1"[^>]*>was given</mark>', html)
    assert re.search(r'<mark class="hl hl-jargon" id="m-J\d"[^>]*>Adverse events</mark>', html)
    # the note beside it: label, suggestion, and where in the YAML
    note = re.search(r"<li><a href=\"#m-J\d\"><strong>\[J\d\]</strong></a>.*?Adverse events.*?</li>", html, re.S)
    assert note and "unwanted event or harm" in note.group(0).replace("&#34;", '"')
    assert re.search(r"tiny\.yaml:\d+:\d+", note.group(0))


def test_legend_names_every_category_without_relying_on_colour(tmp_path: Path) -> None:
    html = page_for(tmp_path, review_yaml())
    for category in CATEGORIES:
        assert f"[{category.letter}] {category.name}" in html
        assert category.explanation in html  # the outline or underline that stands in for colour


def test_figures_of_the_summary_beside_the_abstract(tmp_path: Path) -> None:
    html = page_for(tmp_path, review_yaml(what_we_found="We found 12 studies. They were small and short."))
    table = html[html.index('id="figures-heading"'):]
    assert "<th scope=\"col\">Lay summary</th><th scope=\"col\">Abstract</th>" in table
    row = re.search(r'<tr><th scope="row">words</th><td class="num">(\d+)</td><td class="num">(\d+)</td></tr>', table)
    assert row and row.group(1) != row.group(2)


def test_hard_sentence_is_marked_as_a_whole(tmp_path: Path) -> None:
    long = ("We looked for studies that compared people who did exercise at home with people who did not do any "
            "exercise at all during the whole of the time that the studies lasted.")
    html = page_for(tmp_path, review_yaml(what_we_found=long))
    span = re.search(r'<span class="hl hl-hard" id="m-H1">(.*?)</span>', html, re.S)
    assert span and span.group(1).startswith("We looked for studies")


def test_a_sentence_over_two_limits_has_one_note(tmp_path: Path) -> None:
    """A sentence that is long (plain.long-sentence, 25 words) and hard (readability.hard-sentence,
    30 words and a grade) is one hard sentence in the report, as in `plainsum check`: one note, with
    each figure at its strictest limit, not a note per check."""
    long = ("We looked for studies that compared people who did exercise at home with people who did not do any "
            "exercise at all during the whole of the time that the studies lasted.")
    html = page_for(tmp_path, review_yaml(what_we_found=long))
    notes = re.findall(r'<li><a href="#m-(H\d+)">.*?</li>', html, re.S)
    assert notes == ["H1"], notes
    note = re.search(r'<li><a href="#m-H1">(.*?)</li>', html, re.S)
    assert note and re.sub(r"<[^>]+>", "", note.group(1)).count("words (limit") == 1, note and note.group(1)


def test_author_text_is_escaped(tmp_path: Path) -> None:
    html = page_for(tmp_path, review_yaml(what_we_found="We found <script>alert(1)</script> nothing."))
    assert "<script>" not in html
    assert all(tag != "script" for tag, _ in parsed(html).tags)


def test_a_switched_off_check_is_not_marked(tmp_path: Path) -> None:
    (tmp_path / "plainsum.toml").write_text('[checks]\n"plain.passive" = "off"\n', encoding="utf-8")
    html = page_for(tmp_path, review_yaml(what_we_found="The medicine was given to children."))
    assert "hl-passive\" id=" not in html


@pytest.mark.parametrize("review_id", ["general-health-checks", "ilsp-immunotherapy"])
def test_pages_for_the_shipped_reviews(project: Path, review_id: str) -> None:
    config = load_config(project)
    outcome = Project(config).check([])
    written = write_review_pages(outcome, config, project / "output" / "report" / "reviews", TemplateSet(None))
    page = project / "output" / "report" / "reviews" / f"{review_id}.html"
    assert page in written
    html = page.read_text(encoding="utf-8")
    parsed(html)
    assert "<h1>" in html and "The lay summary, marked" in html



def test_plainsum_report_writes_a_page_per_review(project: Path, cli) -> None:
    run = cli("report", cwd=project)
    assert run.returncode == 0, run.stderr
    for review_id in ("general-health-checks", "ilsp-immunotherapy"):
        page = project / "output" / "report" / "reviews" / f"{review_id}.html"
        assert page.is_file(), run.stdout
        assert f"reviews/{review_id}.html" in run.stdout
    html = (project / "output" / "report" / "reviews" / "ilsp-immunotherapy.html").read_text(encoding="utf-8")
    assert re.search(r'<mark class="hl hl-jargon" id="m-J1"[^>]*>idiopathic</mark>', html)
    assert "content/ilsp-immunotherapy.yaml:" in html


def test_every_mark_the_report_draws_has_a_category() -> None:
    # a mark of a check without one stopped `plainsum report` with an internal error (a number warning did)
    from plainsum.checks import MARKERS
    from plainsum.report_pages.review import CHECK_CATEGORY

    assert set(MARKERS) <= set(CHECK_CATEGORY)
