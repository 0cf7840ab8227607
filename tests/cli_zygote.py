"""A warm start for the tests' CLI runs: one process per test worker imports plainsum once, then forks a
child for each run, which becomes `python -m plainsum ARGS` in the run's folder, environment and files.

Each run is still a process of its own, with plainsum's state as a fresh start leaves it (nothing here
renders, checks or reads a project before it forks), so a run cannot see what an earlier one cached; only
the imports (about a second a run, more with the PDF renderer) are paid once. The requests come one JSON
line at a time on stdin: {"args", "cwd", "env", "stdin", "stdout", "stderr", "timeout"} (the three files by
name), and the answer is the child's exit code (negative: the signal that ended it), one line on stdout. A
run that takes longer than its "timeout" (seconds) ends by SIGALRM.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import pkgutil
import signal
import sys

# What a run of any command imports at its start: the CLI, every command, and the stages they load lazily.
WARM = ("plainsum.cli", "plainsum.commands", "plainsum.build", "plainsum.checks", "plainsum.document_formats",
        "plainsum.findings_formats", "plainsum.render", "plainsum.readability", "plainsum.gate", "plainsum.content",
        "plainsum.grade", "plainsum.importers", "plainsum.project", "plainsum.report_pages", "plainsum.diff")
HEAVY = ("weasyprint", "jinja2", "yaml", "markdown", "babel")


def _warm() -> None:
    for name in HEAVY:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    for name in WARM:
        package = importlib.import_module(name)
        for module in pkgutil.iter_modules(getattr(package, "__path__", [])):
            importlib.import_module(f"{name}.{module.name}")


def _run(request: dict) -> None:
    """In the forked child: become `python -m plainsum ARGS` and end with its exit code."""
    code = 1
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        for fd, (path, mode) in enumerate(((request["stdin"], os.O_RDONLY),
                                           (request["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
                                           (request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC))):
            opened = os.open(path, mode, 0o600)
            os.dup2(opened, fd)
            os.close(opened)
        signal.alarm(request["timeout"])  # as subprocess.run(timeout=...) would, the run ends after that
        # new streams on the new files (the old ones may hold a request read ahead), encoded as Python's own
        sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115
        sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
        sys.argv = ["-m", *request["args"]]
        sys.path[0] = os.getcwd()  # as `python -m` puts the working folder first
        import runpy

        try:
            runpy.run_module("plainsum", run_name="__main__", alter_sys=True)
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
            if not isinstance(exit_.code, int) and exit_.code is not None:
                print(exit_.code, file=sys.stderr)
        except BaseException:
            import traceback

            traceback.print_exc()
            code = 1
    finally:
        import atexit

        atexit._run_exitfuncs()  # what the interpreter runs as it ends (os._exit below skips them)
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(BaseException):
                stream.flush()
        os._exit(code)


def main() -> None:
    requests = sys.stdin
    answers = sys.stdout
    sys.path[0] = os.getcwd()  # not this script's folder (tests/): an empty one, as the runs' own folders are
    _warm()
    import gc

    gc.freeze()  # what the imports made stays: a run's collections need not walk it (nor touch its pages)
    answers.write("ready\n")
    answers.flush()
    for line in requests:
        request = json.loads(line)
        answers.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            _run(request)
        _, status = os.waitpid(pid, 0)
        answers.write(f"{os.waitstatus_to_exitcode(status)}\n")
        answers.flush()


if __name__ == "__main__":
    main()
