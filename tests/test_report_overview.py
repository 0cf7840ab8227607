"""plainsum report: the overview across many reviews, as HTML with SVG charts and as JSON."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


def test_report_writes_html_with_svg_charts_and_the_same_figures_as_json(cli, project):
    checked = cli("check")
    result = cli("report", "--out", "rep")
    assert result.returncode == 0, result.stderr
    assert "wrote rep/index.html" in result.stdout and "wrote rep/report.json" in result.stdout
    data = json.loads((project / "rep" / "report.json").read_text(encoding="utf-8"))
    reviews = sorted(p.stem for p in (project / "content").glob("*.yaml") if "." not in p.stem)
    assert data["reviews"] == len(reviews)
    assert [row["id"] for row in data["per_review"]] == reviews
    # the gate counts agree with plainsum check
    passed = {line.split(":")[0]: line.split(": ")[1].startswith("pass")
              for line in checked.stdout.splitlines() if re.match(r"^[a-z0-9-]+/(summary|abstract): ", line)}
    for kind in ("summary", "abstract"):
        expected = sum(1 for name, ok in passed.items() if name.endswith("/" + kind) and ok)
        assert data["gate"][kind]["passed"] == expected
        assert data["gate"][kind]["passed"] + data["gate"][kind]["failed"] == len(reviews)
        histogram = data["grades"][kind]["histogram"]
        assert sum(bin_["count"] for bin_ in histogram) == len(reviews)
    grades = [row["summary"]["grade"] for row in data["per_review"]]
    assert [h["summary_grade"] for h in data["hardest"]] == sorted(grades, reverse=True)[: len(data["hardest"])]

    html = (project / "rep" / "index.html").read_text(encoding="utf-8")
    page = Page()
    page.feed(html)
    assert page.tags.count("svg") == 3 and "rect" in page.tags and "h1" in page.tags
    assert "script" not in page.tags
    # nothing is fetched: no external addresses other than the SVG namespace
    assert not [value for name, value in page.attributes if name in ("src", "href") and value and "://" in value]
    text = " ".join(page.text)
    hardest = data["hardest"][0]
    assert hardest["id"] in text and str(hardest["summary_grade"]) in text


def test_report_lists_invalid_content_and_exits_2(cli, project):
    (project / "content" / "broken.yaml").write_text("id: broken\nkind: [\n", encoding="utf-8")
    result = cli("report", "--out", "rep")
    assert result.returncode == 2
    assert "content/broken.yaml:" in result.stderr
    data = json.loads((project / "rep" / "report.json").read_text(encoding="utf-8"))
    assert any(problem.startswith("content/broken.yaml:") for problem in data["invalid"])
    assert "content/broken.yaml" in (project / "rep" / "index.html").read_text(encoding="utf-8")
