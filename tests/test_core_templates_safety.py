"""Template override order, and safety: autoescaping, no executable HTML from Markdown, paths kept in output/."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from plainsum.build.writer import UnsafePath, safe_output_path
from plainsum.render.markup import to_html
from plainsum.render.templates import TemplateSet, default_templates_dir

REVIEW = "ilsp-immunotherapy"


def test_defaults_come_with_the_package():
    defaults = default_templates_dir()
    assert (defaults / "summary" / "classic.md.j2").is_file()
    assert (defaults / "html" / "document.html.j2").is_file()


def test_user_templates_override_defaults_file_by_file(cli, project):
    override = project / "templates" / "txt"
    override.mkdir(parents=True)
    (override / "summary.txt.j2").write_text("CUSTOM {{ title }}\n\n{{ body }}", encoding="utf-8")
    result = cli("build", "--formats", "txt,html")
    assert result.returncode == 0, result.stderr
    out = project / "output" / REVIEW
    assert (out / "summary.txt").read_text(encoding="utf-8").startswith("CUSTOM Immune therapy")
    # not overridden: still the default
    assert (out / "abstract.txt").read_text(encoding="utf-8").startswith("Background")
    assert "<h1>" in (out / "summary.html").read_text(encoding="utf-8")


def test_user_structure_template_changes_the_summary(cli, project):
    override = project / "templates" / "summary"
    override.mkdir(parents=True)
    (override / "classic.md.j2").write_text(
        "## The question\n\n{{ summary.review_question }}\n\n## Conclusions\n\n{{ sections.authors_conclusions.technical }}\n",
        encoding="utf-8",
    )
    result = cli("build", "--formats", "txt", "--draft")
    assert result.returncode in (0, 1), result.stderr
    text = (project / "output" / REVIEW / "summary.txt").read_text(encoding="utf-8")
    assert "The question" in text and "Review question" not in text
    assert "There is at present no evidence" in text


def test_template_search_path_prefers_the_user_folder(tmp_path: Path):
    user = tmp_path / "templates"
    (user / "assets").mkdir(parents=True)
    (user / "assets" / "style.css").write_text("body{}", encoding="utf-8")
    templates = TemplateSet(user)
    assert templates.find("assets/style.css") == (user / "assets" / "style.css").resolve()
    assert templates.find("assets/print.css") == (default_templates_dir() / "assets" / "print.css").resolve()
    assert templates.find("../../etc/passwd") is None


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def executable_parts(html: str) -> list[str]:
    parser = _Elements()
    parser.feed(html)
    bad = []
    for tag, attrs in parser.elements:
        if tag in {"script", "iframe", "img", "object", "embed", "style", "link", "form", "svg"}:
            bad.append(tag)
        bad.extend(f"{tag}@{name}" for name in attrs if name.startswith("on") or name == "style")
        for name in ("href", "src"):
            if (attrs.get(name) or "").strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                bad.append(f"{tag}@{name}")
    return bad


@pytest.mark.parametrize(
    "markdown",
    [
        "Hello <script>alert(1)</script> world",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "<iframe src='https://example.org'></iframe>",
        '<a href="#" onclick="steal()">x</a>',
        "![x](https://example.org/tracker.png)",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "<div>\n<script>alert(1)</script>\n</div>",
        '<p style="background:url(https://example.org/x)">styled</p>',
    ],
)
def test_author_markdown_never_yields_executable_html(markdown):
    html = to_html(markdown)
    assert executable_parts(html) == [], html


def test_markdown_formatting_still_works():
    html = to_html("Some *emphasis*, **strong** and a [link](https://www.cochrane.org).\n\n- one\n- two")
    assert "<em>emphasis</em>" in html and "<strong>strong</strong>" in html
    assert '<a href="https://www.cochrane.org"' in html and "<li>one</li>" in html


def test_titles_are_autoescaped_in_html(cli, project):
    path = project / "content" / f"{REVIEW}.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "title: Immunotherapy for idiopathic lumbosacral plexopathy",
        'title: "Immunotherapy <script>alert(1)</script> & more"',
    )
    path.write_text(text, encoding="utf-8")
    assert cli("build", "--formats", "html").returncode == 0
    html = (project / "output" / REVIEW / "abstract.html").read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html


def test_author_html_in_prose_is_shown_as_text_not_run(cli, project):
    path = project / "content" / f"{REVIEW}.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "To assess the effects of any form", "To assess <script>alert(1)</script> the effects of any form"
    )
    path.write_text(text, encoding="utf-8")
    assert cli("build", "--formats", "html").returncode == 0
    html = (project / "output" / REVIEW / "abstract.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html


@pytest.mark.parametrize("parts", [("..", "x.html"), ("a/../../b",), ("/etc", "passwd"), ("",), (".",)])
def test_output_paths_cannot_leave_the_output_folder(tmp_path: Path, parts):
    with pytest.raises(UnsafePath):
        safe_output_path(tmp_path / "output", *parts)


def test_output_paths_through_a_symbolic_link_cannot_leave_the_output_folder(tmp_path: Path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    output = tmp_path / "output"
    output.mkdir()
    (output / "linked-review").symlink_to(outside, target_is_directory=True)
    with pytest.raises(UnsafePath):
        safe_output_path(output, "linked-review", "summary.html")
    (output / "plain-review").mkdir()
    (output / "plain-review" / "summary.html").symlink_to(outside / "summary.html")
    with pytest.raises(UnsafePath):
        safe_output_path(output, "plain-review", "summary.html")
    # a link that stays inside the output folder is followed
    (output / "moved").mkdir()
    (output / "alias").symlink_to(output / "moved", target_is_directory=True)
    assert safe_output_path(output, "alias", "summary.html") == (output / "moved" / "summary.html").resolve()
    assert safe_output_path(output, "new-review", "summary.html") == output.resolve() / "new-review" / "summary.html"


def test_review_ids_with_path_characters_are_rejected(cli, project):
    path = project / "content" / f"{REVIEW}.yaml"
    text = path.read_text(encoding="utf-8").replace("id: ilsp-immunotherapy", "id: ../../escape")
    path.write_text(text, encoding="utf-8")
    result = cli("build", "--formats", "txt")
    assert result.returncode == 2
    assert "must be lower-case letters, digits and hyphens" in result.stderr
    assert not (project.parent / "escape").exists()
