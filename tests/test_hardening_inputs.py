"""Untrusted content, configuration and import files: bounded, never read through a link out of the
project, and every mistake reported at file:line:col with exit 2 (issue 12)."""

from __future__ import annotations

import gzip
import json
import os
import re
import time
from pathlib import Path

import pytest

BILLION_LAUGHS = "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9) if previous else ', '.join(['lol'] * 9)}]\n"
    for previous, name in zip(["", *"abcdefgh"], "abcdefghi", strict=True)
)
LOCATION = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<message>.+)$", re.M)


def problems(result) -> list[dict[str, str]]:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    found = [m.groupdict() for m in LOCATION.finditer(result.stderr)]
    assert found, result.stderr
    return found


def test_the_billion_laughs_file_is_refused_in_under_a_second(cli, project):
    (project / "content" / "laughs.yaml").write_text(BILLION_LAUGHS, encoding="utf-8")
    started = time.process_time()
    from plainsum.content.loader import load_review
    from plainsum.errors import InputError

    with pytest.raises(InputError, match="more than 100,000 values once its aliases are expanded"):
        load_review(project / "content" / "laughs.yaml")
    assert time.process_time() - started < 1.0  # CPU time of this process, not wall-clock: load does not change it
    found = problems(cli("check", "content/laughs.yaml"))
    assert found[0]["path"] == "content/laughs.yaml" and found[0]["line"] != "1"


@pytest.mark.parametrize("text, expected", [
    ("a: " + "[" * 300 + "]" * 300 + "\n", "nests too deeply (more than 64 levels)"),
    ("a: " + "[" * 5000 + "]" * 5000 + "\n", "maximum nesting depth"),
    ("a:\n" + "".join(" " * (i + 1) + "- \n" for i in range(1200)), "maximum nesting depth"),
    ("a: &x [*x]\n", "an alias inside the value it names"),
])
def test_deep_or_self_containing_yaml_is_refused_with_its_place(cli, project, text, expected):
    (project / "content" / "deep.yaml").write_text(text, encoding="utf-8")
    found = problems(cli("check", "content/deep.yaml"))
    assert expected in found[0]["message"]
    assert found[0]["path"] == "content/deep.yaml"


def test_a_build_with_one_deep_file_still_builds_the_others(cli, project):
    (project / "content" / "deep.yaml").write_text("a: " + "[" * 300 + "]" * 300 + "\n", encoding="utf-8")
    result = cli("build", "--formats", "txt", "--no-progress")
    found = problems(result)
    assert [f["path"] for f in found] == ["content/deep.yaml"]
    assert (project / "output" / "ilsp-immunotherapy" / "summary.txt").is_file()


def test_a_file_over_the_size_limit_is_refused_unread(cli, project):
    (project / "content" / "big.yaml").write_text("a: '" + "x" * 2_100_000 + "'\n", encoding="utf-8")
    found = problems(cli("check", "content/big.yaml"))
    assert "larger than 2,000,000 bytes" in found[0]["message"]


def test_a_content_link_to_a_file_outside_the_project_is_neither_read_nor_quoted(cli, project, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:SECRET-HASH:19000:0:99999:7:::\n", encoding="utf-8")
    (project / "content" / "x.yaml").symlink_to(secret)
    for args in (["check"], ["check", "content/x.yaml"], ["build", "--formats", "txt", "--no-progress"]):
        result = cli(*args)
        found = problems(result)
        assert "SECRET-HASH" not in result.stdout + result.stderr
        assert any(f["path"] == "content/x.yaml" and "outside the project" in f["message"] for f in found), found


def test_links_inside_the_project_are_followed(cli, project):
    shared = project / "shared"
    shared.mkdir()
    (project / "content" / "ivig-dlrpn.yaml").rename(shared / "ivig-dlrpn.yaml")
    (project / "content" / "ivig-dlrpn.yaml").symlink_to(Path("..") / "shared" / "ivig-dlrpn.yaml")
    result = cli("check")
    assert result.returncode in (0, 1), result.stderr
    assert "outside the project" not in result.stderr


@pytest.mark.parametrize("make, expected", [
    (lambda path: path.mkdir(), "a folder, not a review file"),
    (lambda path: path.symlink_to(path.parent / "missing-target.yaml"), "a broken link"),
    (lambda path: path.symlink_to("/"), "outside the project"),
])
def test_entries_named_like_content_that_are_not_files_are_reported(cli, project, make, expected):
    make(project / "content" / "x.yaml")
    found = problems(cli("check"))
    assert any(expected in f["message"] for f in found if f["path"] == "content/x.yaml"), found


def test_a_missing_content_folder_is_named(cli, project):
    import shutil

    shutil.rmtree(project / "content")
    found = problems(cli("check"))
    assert found[0]["path"] == "content" and "does not exist" in found[0]["message"]


def test_a_configuration_link_out_of_the_project_is_refused(cli, project, tmp_path):
    outside = tmp_path / "elsewhere.toml"
    outside.write_text('formats = ["html"]\n', encoding="utf-8")
    (project / "plainsum.toml").unlink()
    (project / "plainsum.toml").symlink_to(outside)
    found = problems(cli("check"))
    assert found[0]["path"] == "plainsum.toml" and "outside the project" in found[0]["message"]


def test_invalid_utf8_in_the_configuration_is_located(cli, project):
    (project / "plainsum.toml").write_bytes(b'formats = ["html"]\n# caf\xe9\n')
    found = problems(cli("check"))
    assert (found[0]["path"], found[0]["line"], found[0]["col"]) == ("plainsum.toml", "2", "6")
    assert "not UTF-8" in found[0]["message"]


RECORD = {
    "doi": "10.1002/14651858.CD000001.pub2",
    "name": "Tea for colds\u2028(a line separator inside the title)",
    "abstract": [
        {"heading": "Background", "text": "Colds are common. " * 5},
        {"heading": "Objectives", "text": "To assess tea for colds."},
        {"heading": "Search methods", "text": "We searched CENTRAL up to 1 May 2020."},
        {"heading": "Selection criteria", "text": "Randomised trials of tea."},
        {"heading": "Data collection and analysis", "text": "Two authors extracted data."},
        {"heading": "Main results", "text": "We included two trials with 200 people."},
        {"heading": "Authors' conclusions", "text": "Tea may make little difference."},
    ],
    "pls": [{"heading": "Key messages", "text": "Tea may not help with colds."}],
}


def test_json_lines_are_split_at_newlines_only(cli, project):
    line = json.dumps(RECORD, ensure_ascii=False)
    assert "\u2028" in line
    (project / "records.jsonl").write_text(line + "\n", encoding="utf-8")
    result = cli("import", "records.jsonl")
    assert result.returncode == 0, result.stderr
    assert "(a line separator inside the title)" in (project / "content" / "cd000001-pub2.yaml").read_text(encoding="utf-8")


def test_a_carriage_return_line_is_an_error_at_its_place(cli, project):
    (project / "r.jsonl").write_text(json.dumps(RECORD) + "\n\rA\n", encoding="utf-8")
    found = problems(cli("import", "r.jsonl"))
    assert (found[0]["path"], found[0]["line"]) == ("r.jsonl", "2")
    assert not re.search(r"r\.jsonl:\d+:\d+:\d+:", cli("import", "r.jsonl").stderr)


@pytest.mark.parametrize("name, text", [
    ("deep.json", "[" * 100_000 + "]" * 100_000),
    ("deep.jsonl", json.dumps(RECORD) + "\n" + '{"a": ' * 50_000 + "1" + "}" * 50_000 + "\n"),
])
def test_deeply_nested_json_is_refused_with_its_line(cli, project, name, text):
    (project / name).write_text(text, encoding="utf-8")
    found = problems(cli("import", name))
    assert "nests more than 100 levels" in found[0]["message"]
    assert found[0]["line"] == ("1" if name.endswith(".json") else "2")


def test_an_imported_review_problem_names_file_and_line_once(cli, project):
    records = [dict(RECORD, doi="10.1002/14651858.CD000002"), dict(RECORD, doi="10.1002/14651858.CD000002")]
    with gzip.open(project / "r.jsonl.gz", "wt", encoding="utf-8") as stream:
        stream.write("\n".join(json.dumps(record) for record in records) + "\n")
    result = cli("import", "r.jsonl.gz")
    assert not re.search(r"r\.jsonl\.gz:\d+:\d+:\d+:", result.stderr), result.stderr
    assert os.path.exists(project / "content")


def test_a_configuration_nested_too_deeply_is_an_error_not_a_bug(cli, project):
    (project / "plainsum.toml").write_text("formats = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    found = problems(cli("check"))
    assert found[0]["path"] == "plainsum.toml" and "nests arrays or tables too deeply" in found[0]["message"]


ARTICLE = ("<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>{title}</ArticleTitle>"
           "<Abstract><AbstractText>People slept more. They felt better.</AbstractText></Abstract></Article>"
           "</MedlineCitation></PubmedArticle></PubmedArticleSet>")


def test_xml_entities_read_no_file_and_do_not_expand_without_bound(cli, project, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-XML-LINE\n", encoding="utf-8")
    external = f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "{secret.as_uri()}">]>' + ARTICLE.format(title="A &e; title")
    laughs = "".join(f'<!ENTITY l{n} "{("&l" + str(n - 1) + ";") * 10 if n else "lol"}">' for n in range(10))
    bomb = f'<?xml version="1.0"?><!DOCTYPE x [{laughs}]>' + ARTICLE.format(title="&l9;")
    for name, text in (("external.xml", external), ("laughs.xml", bomb)):
        (project / name).write_text(text, encoding="utf-8")
        result = cli("import", name)
        assert result.returncode in (0, 2) and "Traceback" not in result.stderr, result.stderr
        written = "".join(p.read_text(encoding="utf-8") for p in (project / "content").glob("*.yaml"))
        assert "SECRET-XML-LINE" not in written + result.stderr
        assert "lollollol" not in written
