"""Which content files a command works on, and the entries named like one that cannot be read."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import NamedTuple

from plainsum.config.paths import link_outside
from plainsum.errors import Problem, closest_name, display_path

SUFFIXES = (".yaml", ".yml")


class Discovered(NamedTuple):
    files: list[Path]
    problems: list[Problem]  # entries that look like content files and are not (a folder, a broken link, a link out)


def discover(paths: list[Path], content_dir: Path, root: Path | None = None) -> Discovered:
    """The content files to process: given files, files in given folders, or the content folder.

    `root` is the project folder: a link that leads out of it is refused, not followed.
    Translations (`<id>.<lang>.yaml`) are not reviews: they are found beside their review
    (plainsum.content.translation). A translation named on the command line stands for its review.
    """
    project = root if root is not None else content_dir.parent
    found = Discovered([], [])
    if not paths and not content_dir.is_dir():
        where = display_path(content_dir)
        message = "the content folder does not exist" if not content_dir.exists() else "the content folder is not a folder"
        found.problems.append(Problem(where, 1, 1, message))
        return found
    for target in paths or [content_dir]:
        if target.is_dir():
            outside = link_outside(target, project)
            if outside is not None:
                found.problems.append(Problem(display_path(target), 1, 1, _outside_message(outside)))
                continue
            with os.scandir(target) as listing:  # its file types come with the listing: no stat per file
                named = sorted((e for e in listing if e.name.endswith(SUFFIXES)), key=lambda e: e.name)
            entries = [e for e in named if not is_translation_name(e.name)]
            found.problems.extend(orphan_translations(target, [e.name for e in named]))
            for entry in entries:
                path = target / entry.name
                if entry.is_file(follow_symlinks=False):
                    found.files.append(path)
                else:
                    _add_checked(path, project, found)
        elif is_translation_name(target.name):
            review = review_of_translation(target)
            if review not in found.files:
                _add_checked(review, project, found)
        else:
            _add_checked(target, project, found)
    return found


def is_translation_name(name: str) -> bool:
    """review.es.yaml is a translation; review.yaml a review (review ids have no dots)."""
    return "." in name.rsplit(".", 1)[0]


def orphan_translations(folder: Path, names: list[str]) -> list[Problem]:
    """A problem for each file of `names` (a content folder's YAML files) named like a translation
    whose review is not in the folder: a translation nothing would ever build (a typo in its name, or
    the review renamed or removed) is said, not skipped."""
    reviews = {name.rsplit(".", 1)[0] for name in names if not is_translation_name(name)}
    problems = []
    for name in names:
        if not is_translation_name(name):
            continue
        stem, language = name.rsplit(".", 1)[0].rsplit(".", 1)
        if stem in reviews:
            continue
        close = closest_name(stem, sorted(reviews))
        hint = f" (did you mean {close}.{language}{Path(name).suffix}?)" if close else ""
        problems.append(Problem(display_path(folder / name), 1, 1,
                                f"a translation ('{language}') of a review '{stem}' that is not in {display_path(folder)}/: "
                                f"name it <review id>.{language}{Path(name).suffix} after its review, or remove it{hint}"))
    return problems


def review_of_translation(path: Path) -> Path:
    """content/review.yaml for content/review.es.yaml."""
    stem = path.name.rsplit(".", 1)[0].rsplit(".", 1)[0]
    return path.with_name(stem + path.suffix)


def _add_checked(path: Path, root: Path, found: Discovered) -> None:
    """A path named on the command line, or an entry of a folder that is not a plain file."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            found.problems.append(Problem(display_path(path), 1, 1, f"a broken link (to {os.readlink(path)})"))
        else:
            found.files.append(path)  # the commands report a file that does not exist
        return
    except OSError as error:
        found.problems.append(Problem(display_path(path), 1, 1, f"cannot read: {error.strerror}"))
        return
    outside = link_outside(path, root)
    if outside is not None:
        found.problems.append(Problem(display_path(path), 1, 1, _outside_message(outside)))
    elif stat.S_ISDIR(status.st_mode):
        found.problems.append(Problem(display_path(path), 1, 1, "a folder, not a review file"))
    elif not stat.S_ISREG(status.st_mode):
        found.problems.append(Problem(display_path(path), 1, 1, "not a regular file"))
    else:
        found.files.append(path)


def _outside_message(target: Path) -> str:
    return f"a link to {target}, outside the project; plainsum does not follow links out of the project"


# Here, not in content/translation.py, so that a build with nothing to render (which lists each
# review's translations to key it) never imports the content loader.
_LISTINGS: dict[tuple[str, int], list[str]] = {}  # (folder, its time) -> the translation files in it


def translation_paths(review_path: Path, listed: dict[str, list[str]] | None = None) -> list[Path]:
    """The translation files beside a review (content/<id>.<lang>.yaml), in order of language code.
    A folder is listed once while it is unchanged (a build of 3,000 reviews lists it once); with
    `listed`, the caller's record of the folders it listed in this run (by name), not even looked at
    again (and no Path made for a review without translations: 3,000 of them were 15 ms of a rebuild)."""
    folder = os.path.dirname(review_path)
    names = listed.get(folder) if listed is not None else None
    if names is None:
        try:
            key = (folder, os.stat(folder or ".").st_mtime_ns)
            names = _LISTINGS.get(key)
            if names is None:
                if len(_LISTINGS) > 64:
                    _LISTINGS.clear()
                # every entry named like a translation, a link or a folder too: loading it refuses what
                # is not a plain file of the project (a link out, a folder), so none is skipped unsaid
                names = _LISTINGS[key] = sorted(entry.name for entry in os.scandir(folder or ".") if is_translation_name(entry.name))
        except OSError:
            return []
        if listed is not None:
            listed[folder] = names
    if not names:
        return []
    prefix = review_path.name.rsplit(".", 1)[0] + "."
    return [review_path.parent / name for name in names
            if name.startswith(prefix) and name.endswith((".yaml", ".yml")) and "." not in name[len(prefix):].rsplit(".", 1)[0]]
