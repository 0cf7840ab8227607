"""The record committed beside the content (content/published.py): read when it is a file, never through a link."""

from __future__ import annotations

from pathlib import Path

from plainsum.content import published


def test_committed_paths_are_beside_the_content_file(tmp_path: Path) -> None:
    source = tmp_path / "content" / "cd001.yaml"
    assert published.committed_paths(source, "cd001") == (
        tmp_path / "content" / ".plainsum-published" / "cd001.yaml",
        tmp_path / "content" / ".plainsum-published" / "cd001.before.yaml")


def test_a_committed_file_is_read_and_a_link_a_folder_or_nothing_is_not(tmp_path: Path) -> None:
    folder = tmp_path / ".plainsum-published"
    folder.mkdir()
    (folder / "kept.yaml").write_bytes(b"id: kept\n")
    (tmp_path / "secret.yaml").write_bytes(b"not a record\n")
    (folder / "link.yaml").symlink_to(tmp_path / "secret.yaml")
    (folder / "folder.yaml").mkdir()
    assert published._read_committed(str(folder / "kept.yaml")) == b"id: kept\n"
    assert published._read_committed(str(folder / "link.yaml")) is None
    assert published._read_committed(str(folder / "folder.yaml")) is None
    assert published._read_committed(str(folder / "missing.yaml")) is None
