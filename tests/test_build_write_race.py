"""The write side of the link race (issue 30): a folder of output/ swapped for a link between the
path check and the write cannot redirect the write out of the output folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from plainsum.build.writer import UnsafePath, safe_output_path, write_file, write_files


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


def _tree(folder: Path) -> dict[str, object]:
    """Every entry below `folder`: a link by where it leads, a file by its bytes, a folder as None."""
    found: dict[str, object] = {}
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        found[name] = ("link", os.readlink(path)) if path.is_symlink() else path.read_bytes() if path.is_file() else None
    return found


def _one_by_one(output: Path, files: list[tuple[str, bytes]]) -> list[tuple[bool, int]]:
    written = [write_file(safe_output_path(output, *relative.split("/")), data, output) for relative, data in files]
    return [(entry.changed, entry.size) for entry in written]


def _setups() -> dict[str, object]:
    def plain(root: Path) -> None:
        (root / "output").mkdir()

    def half_written(root: Path) -> None:  # one file already holds its bytes, one holds others
        (root / "output" / "review").mkdir(parents=True)
        (root / "output" / "review" / "summary.html").write_bytes(b"<p>summary</p>")
        (root / "output" / "review" / "summary.txt").write_bytes(b"old")

    def folder_link_inside(root: Path) -> None:  # review/ leads to moved/, in the output folder: followed
        (root / "output" / "moved").mkdir(parents=True)
        (root / "output" / "review").symlink_to(root / "output" / "moved", target_is_directory=True)

    def folder_link_outside(root: Path) -> None:  # review/ leads out: refused
        (root / "output").mkdir()
        (root / "outside").mkdir()
        (root / "output" / "review").symlink_to(root / "outside", target_is_directory=True)

    def file_link_inside(root: Path) -> None:  # the file leads to another file of the output folder: written there
        (root / "output" / "review").mkdir(parents=True)
        (root / "output" / "kept.html").write_bytes(b"kept")
        (root / "output" / "review" / "summary.html").symlink_to(root / "output" / "kept.html")

    def file_link_outside(root: Path) -> None:
        (root / "output" / "review").mkdir(parents=True)
        (root / "theirs.txt").write_bytes(b"theirs")
        (root / "output" / "review" / "summary.txt").symlink_to(root / "theirs.txt")

    return {f.__name__: f for f in (plain, half_written, folder_link_inside, folder_link_outside, file_link_inside, file_link_outside)}


@pytest.mark.parametrize("setup", list(_setups()))
def test_writing_a_reviews_files_together_does_what_writing_them_one_by_one_does(tmp_path, setup):
    """write_files (one walk a folder) and safe_output_path + write_file for each file: the same files, the same
    answers, the same refusals, whatever links the output folder holds."""
    files = [("review/summary.html", b"<p>summary</p>"), ("review/summary.txt", b"summary\n"),
             ("review/es/summary.html", b"<p>resumen</p>"), ("index.html", b"<p>index</p>")]
    results = {}
    for way in ("together", "one by one"):
        root = tmp_path / way.replace(" ", "-")
        root.mkdir()
        _setups()[setup](root)
        try:
            if way == "together":
                answer: object = [(entry.changed, entry.size) for entry in write_files(root / "output", files)]
            else:
                answer = _one_by_one(root / "output", files)
        except UnsafePath as error:
            answer = ("refused", str(error).replace(str(root), "ROOT"))
        results[way] = (answer, _tree(root))
    together, one_by_one = results["together"], results["one by one"]
    assert together[0] == one_by_one[0]
    assert together[1].keys() == one_by_one[1].keys()
    for name, value in together[1].items():
        other = one_by_one[1][name]
        if isinstance(value, tuple):  # a link: where it leads, below its own tree
            assert value[1].replace(str(tmp_path / "together"), "") == other[1].replace(str(tmp_path / "one-by-one"), "")
        else:
            assert value == other, name


def test_writing_files_together_refuses_a_name_that_is_not_plain(tmp_path):
    with pytest.raises(UnsafePath, match="not a plain"):
        write_files(tmp_path / "output", [("review/summary.html", b"x"), ("review/../../escape.html", b"x")])
    assert not (tmp_path / "escape.html").exists()


def test_a_file_made_in_a_new_folder_meanwhile_is_replaced(tmp_path, monkeypatch):
    """A folder write_files just made holds nothing, so its files are not looked for first; a file another
    process put there meanwhile is replaced by the build's, as a file that was there before is."""
    from plainsum.files import safeopen

    walk = safeopen.walk_to_folder

    def walk_then_race(start, parts, create=False, made=None):
        handle = walk(start, parts, create, made)
        if made and made[-1]:
            Path(f"/proc/self/fd/{handle}/summary.html").write_bytes(b"theirs")
        return handle

    monkeypatch.setattr(safeopen, "walk_to_folder", walk_then_race)
    written = write_files(tmp_path / "output", [("review/summary.html", b"<p>ours</p>"), ("review/summary.txt", b"ours")])
    assert [entry.changed for entry in written] == [True, True]
    assert (tmp_path / "output" / "review" / "summary.html").read_bytes() == b"<p>ours</p>"
    assert sorted(path.name for path in (tmp_path / "output" / "review").iterdir()) == ["summary.html", "summary.txt"]
