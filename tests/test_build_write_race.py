"""The write side of the link race (issue 30): a folder of output/ swapped for a link between the
path check and the write cannot redirect the write out of the output folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from plainsum.build.writer import UnsafePath, safe_output_path, write_file


def _swap_for_link(folder: Path, target: Path) -> None:
    for child in folder.iterdir():
        child.unlink()
    folder.rmdir()
    folder.symlink_to(target, target_is_directory=True)


def test_a_folder_swapped_for_a_link_after_the_check_is_not_written_through(tmp_path):
    output, outside = tmp_path / "output", tmp_path / "outside"
    (output / "review").mkdir(parents=True)
    outside.mkdir()
    target = safe_output_path(output, "review", "summary.html")  # checked while review/ is a folder
    _swap_for_link(output / "review", outside)  # ... then swapped, as a racing process would
    with pytest.raises(UnsafePath, match="link"):
        write_file(target, b"<p>summary</p>", output)
    assert list(outside.iterdir()) == []  # not the file, not a temporary file


def test_a_folder_above_swapped_for_a_link_is_refused_too(tmp_path):
    output, outside = tmp_path / "output", tmp_path / "outside"
    (output / "es" / "review").mkdir(parents=True)
    (outside / "review").mkdir(parents=True)
    target = safe_output_path(output, "es", "review", "summary.html")
    _swap_for_link(output / "es" / "review", outside)  # empty it first
    (output / "es" / "review").unlink()
    (output / "es").rmdir()
    (output / "es").symlink_to(outside, target_is_directory=True)
    with pytest.raises(UnsafePath):
        write_file(target, b"x", output)
    assert list((outside / "review").iterdir()) == []


def test_the_file_itself_swapped_for_a_link_is_replaced_not_followed(tmp_path):
    output, outside = tmp_path / "output", tmp_path / "outside.html"
    output.mkdir()
    outside.write_bytes(b"theirs")
    target = safe_output_path(output, "index.html")
    target.symlink_to(outside)
    written = write_file(target, b"ours", output)
    assert written.changed and outside.read_bytes() == b"theirs"
    assert not target.is_symlink() and target.read_bytes() == b"ours"


def test_writes_below_the_output_folder_still_make_their_folders_and_skip_what_is_unchanged(tmp_path):
    output = tmp_path / "output"
    target = safe_output_path(output, "review", "es", "summary.txt")
    assert write_file(target, b"hola\n", output).changed
    assert target.read_bytes() == b"hola\n"
    again = write_file(target, b"hola\n", output)
    assert not again.changed and again.mtime_ns == os.stat(target).st_mtime_ns
    assert [p.name for p in (output / "review" / "es").iterdir()] == ["summary.txt"]  # no temporary left
