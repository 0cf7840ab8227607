"""plainsum diff with hostile content: the HTML page escapes it, and git is given no option from the user."""

from __future__ import annotations

import subprocess

from test_diff import GIT, REVIEW


def test_markup_in_content_is_escaped_in_the_html_page(cli, project):
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=project, check=True)
    subprocess.run([*GIT, "commit", "-qm", "v1"], cwd=project, check=True)
    path = project / "content" / f"{REVIEW}.yaml"
    text = path.read_text(encoding="utf-8").replace("intervention: general health checks",
                                                    "intervention: general health checks <script>alert(1)</script>")
    path.write_text(text, encoding="utf-8")
    page = cli("diff", "--since", "HEAD", "--format", "html")
    assert page.returncode == 1, page.stderr
    assert "<script>" not in page.stdout and "&lt;script&gt;alert(1)&lt;/script&gt;" in page.stdout


def test_a_revision_that_looks_like_an_option_is_refused(cli, project):
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    result = cli("diff", "--since=--output=/tmp/x")
    assert result.returncode == 2 and "is not a revision" in result.stderr
