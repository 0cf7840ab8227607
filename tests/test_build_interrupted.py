"""A build killed part-way leaves no partial or temporary file, and earlier outputs intact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from test_build_support import make_reviews, review_count, snapshot

from plainsum.build.builder import BUILDING_MARKER
from plainsum.build.manifest import MANIFEST_NAME
from plainsum.build.writer import TEMP_SUFFIX

FORMATS = "html,txt,pdf"  # PDFs make each review slow enough to stop the build in the middle


def test_sigkill_mid_build_leaves_whole_files_only(cli, project):
    make_reviews(project, 12)
    n = review_count(project)
    first = cli("build", "--formats", FORMATS, "--jobs", "2")
    assert first.returncode == 0, first.stderr
    output = project / "output"
    earlier = snapshot(output)

    # change what every page looks like, then start the rebuild and kill it outright part-way
    style = project / "templates" / "assets" / "style.css"
    style.parent.mkdir(parents=True)
    from plainsum.render.templates import default_templates_dir

    style.write_text((default_templates_dir() / "assets" / "style.css").read_text(encoding="utf-8")
                     + "\nbody { letter-spacing: 0.01em; }\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "plainsum", "build", "--formats", FORMATS, "--jobs", "2"],
        cwd=project, env={**os.environ, "CI": "1"}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        text=True, start_new_session=True,
    )
    seen = []
    assert process.stderr is not None
    for line in process.stderr:
        seen.append(line)
        if line.startswith("build: "):
            break
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    assert any(line.startswith("build: ") for line in seen), "".join(seen)
    assert not seen[-1].startswith(f"build: {n}/{n}"), "the build finished before it could be killed"

    after_kill = snapshot(output)
    # the marker says a build was interrupted (the next one then sweeps for temporaries)
    assert after_kill.pop(BUILDING_MARKER) == b""
    assert not [name for name in after_kill if name.endswith(TEMP_SUFFIX) or "/." in name]
    assert set(after_kill) == set(earlier)

    # finish the build; every file the killed build left is either the earlier one or the finished one
    done = cli("build", "--formats", FORMATS, "--jobs", "2")
    assert done.returncode == 0, done.stderr
    finished = snapshot(output)
    assert BUILDING_MARKER not in finished
    kept = 0
    for name, data in after_kill.items():
        if name in (MANIFEST_NAME, "index.html"):
            continue
        assert data in (earlier[name], finished[name]), f"{name} is neither the earlier nor the new file"
        kept += data == earlier[name] and earlier[name] != finished[name]
    assert kept > 0, "no earlier output was left to check"
    assert all(finished[name] != earlier[name] for name in finished if name.endswith(".html") and name != "index.html")
