"""Helpers shared by the build, PDF and HTML tests (no tests here)."""

from __future__ import annotations

import re
from pathlib import Path

REVIEW = "ilsp-immunotherapy"
AUTHORS = ["Ada Lovelace", "Mary Seacole"]
DOI = "10.1002/14651858.CD010156.pub2"
CITATION = "Lovelace A, Seacole M. Immunotherapy for idiopathic lumbosacral plexopathy. Cochrane Database of Systematic Reviews 2014."


def add_identity(project: Path) -> None:
    """Give the shipped review authors, a DOI and a citation, as a published review has."""
    path = project / "content" / f"{REVIEW}.yaml"
    text = path.read_text(encoding="utf-8")
    extra = "doi: " + DOI + "\nauthors:\n" + "".join(f"  - {a}\n" for a in AUTHORS) + f"citation: {CITATION}\n"
    path.write_text(text.replace("language: en\n", "language: en\n" + extra, 1), encoding="utf-8")


def make_reviews(project: Path, count: int) -> list[str]:
    """`count` more reviews, copies of the shipped one under other ids, each a little different."""
    source = (project / "content" / f"{REVIEW}.yaml").read_text(encoding="utf-8")
    ids = []
    for number in range(count):
        review_id = f"copy-{number:03d}"
        text = source.replace(f"id: {REVIEW}", f"id: {review_id}").replace(
            "title: Immunotherapy for", f"title: Review {number}, immunotherapy for"
        )
        (project / "content" / f"{review_id}.yaml").write_text(text, encoding="utf-8")
        ids.append(review_id)
    return ids


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def review_count(project: Path) -> int:
    return len([p for p in (project / "content").glob("*.yaml") if "." not in p.stem])  # translations are not reviews


def translation_count(project: Path) -> int:
    return len([p for p in (project / "content").glob("*.yaml") if "." in p.stem])
