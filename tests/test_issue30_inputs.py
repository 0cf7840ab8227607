"""The last exit-3 and silently-skipped cases of issue 30's audit, each with the input that showed it:
refused with exit 2 at the file and place, or shown to be taken as it should be."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from conftest import REPO
from test_import_revman import SUMMARY_2021, write_rm5


def _no_crash(result) -> None:
    assert result.returncode != 3, result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr


# --- plainsum's own records and the user's baseline, nested too deeply for json to parse


def _nested(depth: int = 200_000) -> str:
    return '{"a":' * depth + "1" + "}" * depth + "\n"


def test_a_deeply_nested_manifest_is_an_unreadable_manifest_and_the_build_goes_on(cli, project):
    assert cli("build", "--formats", "txt").returncode == 0
    (project / "output" / ".plainsum-manifest.json").write_text(_nested(), encoding="utf-8")
    rebuilt = cli("build", "--formats", "txt")
    _no_crash(rebuilt)
    assert rebuilt.returncode == 0  # as any manifest plainsum cannot read: a cache, rebuilt
    assert (project / "output" / ".plainsum-manifest.json").read_text(encoding="utf-8").startswith('{"format"')
    (project / "output" / ".plainsum-manifest.json").write_text(_nested(), encoding="utf-8")
    _no_crash(cli("clean", "--dry-run"))


def test_a_deeply_nested_published_index_and_baseline(cli, project):
    assert cli("build", "--formats", "txt").returncode == 0
    (project / "output" / ".plainsum-published" / "index.json").write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    _no_crash(cli("build", "--formats", "txt"))
    baseline = project / "baseline.json"
    baseline.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    result = cli("check", "--baseline", str(baseline))
    _no_crash(result)
    assert result.returncode == 2 and "baseline.json:1:1: cannot read the baseline: it nests too deeply" in result.stderr


# --- RevMan


def test_a_revman_span_that_is_not_a_number_is_refused_at_the_attribute(cli, tmp_path: Path):
    source = write_rm5(tmp_path / "span.rm5", SUMMARY_2021)
    data = source.read_bytes().replace(b'<TD COLSPAN="6">', b'<TD ROWSPAN="two">', 1)
    source.write_bytes(data)
    at = data.index(b'ROWSPAN="two"')
    line, column = data[:at].count(b"\n") + 1, at - data.rfind(b"\n", 0, at)
    result = cli("import", str(source), "--content", str(tmp_path / "content"), cwd=tmp_path)
    _no_crash(result)
    assert result.returncode == 2
    assert re.search(rf'span\.rm5:{line}:{column}: cannot import: ROWSPAN="two" is not a whole number', result.stderr), result.stderr
    source.write_bytes(data.replace(b'ROWSPAN="two"', b'COLSPAN="99999999999"'))
    huge = cli("import", str(source), "--content", str(tmp_path / "content"), cwd=tmp_path)
    _no_crash(huge)
    assert huge.returncode == 2 and f"span.rm5:{line}:{column}:" in huge.stderr


def test_a_revman_file_in_an_unknown_encoding_is_refused_at_its_declaration(cli, tmp_path: Path):
    source = write_rm5(tmp_path / "enc.rm5", SUMMARY_2021)
    source.write_bytes(source.read_bytes().replace(b'encoding="ISO-8859-1"', b'encoding="x-unknown"', 1))
    result = cli("import", str(source), "--content", str(tmp_path / "content"), cwd=tmp_path)
    _no_crash(result)
    assert result.returncode == 2
    assert "enc.rm5:1:21: cannot import: the XML declaration names an encoding plainsum cannot read" in result.stderr


# --- text abstracts


def _import_text(cli, tmp_path: Path, text: str):
    source = tmp_path / "abstract.txt"
    source.write_text(text, encoding="utf-8")
    result = cli("import", str(source), "--content", str(tmp_path / "content"), cwd=tmp_path)
    _no_crash(result)
    assert result.returncode == 0, result.stderr
    [written] = (tmp_path / "content").glob("*.yaml")
    checked = cli("check", str(written), cwd=tmp_path)
    _no_crash(checked)
    assert checked.returncode in (0, 1), checked.stderr  # a valid content file: only the gate may fail it
    return result


def test_a_text_abstract_with_no_conclusions(cli, tmp_path: Path):
    _import_text(cli, tmp_path, "Tea for colds\n\nBackground\nColds are common.\n\nObjectives\nTo assess tea.\n\n"
                                "Main results\nWe found 3 trials of 120 people.\n")


def test_a_text_abstract_with_no_blank_line(cli, tmp_path: Path):
    _import_text(cli, tmp_path, "Tea for colds\nBackground\nColds are common.\nObjectives\nTo assess tea.\nMain results\n"
                                "We found 3 trials.\nAuthors' conclusions\nTea may help.\n")


def test_a_text_abstract_of_one_line(cli, tmp_path: Path):
    _import_text(cli, tmp_path, "Tea for colds Background Colds are common.")


# --- translations


def _translation(project: Path, name: str = "ilsp-immunotherapy.es.yaml") -> Path:
    target = project / "content" / name
    shutil.copy(REPO / "content" / "ilsp-immunotherapy.es.yaml", target)
    return target


def test_an_empty_integer_in_a_translation_is_refused_at_its_place(cli, project):
    path = _translation(project)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  plain_title: 16dd7dea136d", "  plain_title: !!int ''", 1), encoding="utf-8")
    line = text.split("\n").index("  plain_title: 16dd7dea136d       # `plainsum check` says which fields changed since, and their new versions") + 1
    result = cli("check")
    _no_crash(result)
    assert result.returncode == 2
    assert f"content/ilsp-immunotherapy.es.yaml:{line}:16: '' is not a whole number" in result.stderr


def test_an_orphan_translation_is_refused_naming_the_file_and_its_likely_review(cli, project):
    _translation(project, "general-health-check.es.yaml")  # the review is general-health-checks
    for command in (("check",), ("build", "--formats", "txt")):
        result = cli(*command)
        _no_crash(result)
        assert result.returncode == 2
        assert ("content/general-health-check.es.yaml:1:1: a translation ('es') of a review 'general-health-check' that is "
                "not in content/") in result.stderr
        assert "did you mean general-health-checks.es.yaml?" in result.stderr
    assert not (project / "output" / "general-health-check").exists()


def test_a_translation_linked_out_of_the_project_is_refused_not_skipped(cli, project, tmp_path):
    outside = tmp_path / "elsewhere.es.yaml"
    shutil.copy(REPO / "content" / "ilsp-immunotherapy.es.yaml", outside)
    os.symlink(outside, project / "content" / "ilsp-immunotherapy.es.yaml")
    result = cli("build", "--formats", "txt")
    _no_crash(result)
    assert result.returncode == 2
    assert "content/ilsp-immunotherapy.es.yaml:1:1: refusing to read this file: it leads out of the project" in result.stderr
    assert "elsewhere" not in result.stderr  # the message names the link, never where it leads
    assert not (project / "output" / "ilsp-immunotherapy" / "es").exists()


def test_a_folder_named_like_a_translation_is_refused_not_skipped(cli, project):
    (project / "content" / "ilsp-immunotherapy.fr.yaml").mkdir()
    result = cli("check")
    _no_crash(result)
    assert result.returncode == 2
    assert "content/ilsp-immunotherapy.fr.yaml:1:1: refusing to read this file: it is not a regular file" in result.stderr
