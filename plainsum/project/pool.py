"""The worker pool of `plainsum build` and `plainsum check`: N processes forked from this one.

Each worker is set up once (`initializer`, given the project) and then handed tasks; the longest
first, so no worker is left with a long one at the end. With one job, or one task, the work runs
in this process, set up the same way.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from typing import Any, TypeVar

Task = TypeVar("Task")
Result = TypeVar("Result")


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def run_pool(work: Callable[[Task], Result], tasks: Sequence[Task], jobs: int, initializer: Callable[..., None],
             initargs: tuple[Any, ...], size: Callable[[Task], int], chunk: int | None = None) -> Iterator[Result]:
    """The results of `work` on each task, as they come (not in the tasks' order).

    `initializer(*initargs, in_child)` sets up each worker; `size` orders the tasks, largest first.
    `chunk` tasks go to a worker at a time (default: a share of the tasks, at most 16)."""
    jobs = max(1, jobs)
    if jobs == 1 or len(tasks) == 1:
        initializer(*initargs, False)
        for task in tasks:
            yield work(task)
        return
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    ordered = sorted(tasks, key=size, reverse=True)
    if chunk is None:
        chunk = max(1, min(16, len(tasks) // (jobs * 16)))
    pool = _pool_class()(min(jobs, len(tasks)), initializer=initializer, initargs=(*initargs, True), context=context)
    try:
        yield from pool.imap_unordered(work, ordered, chunksize=chunk)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


@cache  # one class, made on the first pool (multiprocessing.pool is imported only by a run that forks)
def _pool_class() -> type[Any]:
    """multiprocessing's Pool, whose thread that looks after the workers does not wake up for each result.

    That thread waits for a worker to end or the pool's state to change, and also for the results pipe to be
    readable: from then until the thread that reads the results has taken them (which needs the interpreter
    lock the first thread holds while it loops), it loops, about a millisecond of the parent's CPU for each
    batch of results (0.29 s of a build of the corpus). It is waited for here without the results pipe:
    a worker's end and a change of state wake it as before."""
    from multiprocessing.pool import Pool

    class QuietPool(Pool):
        def _get_sentinels(self) -> list[Any]:
            notifier = getattr(self, "_change_notifier", None)
            if notifier is None:  # a Python whose Pool works otherwise: as it is
                return super()._get_sentinels()  # type: ignore[misc,no-any-return]
            return [notifier._reader]

    return QuietPool


def in_worker() -> None:
    """What a forked worker does first: Ctrl-C is the parent's to handle, and a worker must not
    outlive a parent killed outright, or it would go on working (and writing) after the run stopped."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() == 1:  # the parent died before prctl took effect
        os._exit(1)
