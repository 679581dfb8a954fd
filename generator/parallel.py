"""One process per audience: the audiences' builds are independent, so they run at once.

Where there are two cores and ``fork``, each audience is built in a forked
worker: the work (a closure over the loaded records) is inherited through the
fork, never pickled; only each result (or exception) comes back.  A worker
dies with its parent (Linux ``PR_SET_PDEATHSIG``), so a killed build leaves no
worker rendering on.  Workers report progress through a queue that one thread
of the parent draws (``progress.Progress.listen``).  Elsewhere the audiences
are built one after the other, in this process.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable, Optional, Sequence, TypeVar

from .progress import Progress, Reporter

T = TypeVar("T")
Work = Callable[[str, Reporter], Any]

# Set in the parent just before the workers fork; they read it instead of unpickling records.
_FORKED_WORK: Optional[Work] = None
_FORKED_CHANNEL: Any = None


def _die_with_parent() -> None:
    """A killed build must not leave workers rendering on (Linux: PR_SET_PDEATHSIG)."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass


def _forked(audience: str) -> Any:
    assert _FORKED_WORK is not None
    return _FORKED_WORK(audience, Reporter(channel=_FORKED_CHANNEL))


def workers(audiences: Sequence[str]) -> int:
    """How many audiences to build at once: one process per audience, up to the cores there are."""
    if len(audiences) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    return max(1, min(len(audiences), cores))


def each_audience(work: Callable[[str, Reporter], T], audiences: Sequence[str], progress: Progress) -> tuple[list[T], list[BaseException]]:
    """``work(audience, report)`` for every audience: what succeeded, in order, and what failed.

    In this process the first failure stops the rest; in workers every
    audience runs to its end.  The caller cleans up after the successes when
    something failed.
    """
    if workers(audiences) == 1:
        done: list[T] = []
        for audience in audiences:
            try:
                done.append(work(audience, Reporter(progress)))
            except BaseException as exc:  # noqa: BLE001 - handed to the caller, who re-raises
                return done, [exc]
        return done, []
    global _FORKED_WORK, _FORKED_CHANNEL
    context = multiprocessing.get_context("fork")
    channel = context.Queue()
    _FORKED_WORK, _FORKED_CHANNEL = work, channel
    results: list[T] = []
    problems: list[BaseException] = []
    try:
        with ProcessPoolExecutor(max_workers=workers(audiences), mp_context=context, initializer=_die_with_parent) as pool:
            futures = [pool.submit(_forked, audience) for audience in audiences]
            listener = progress.listen(channel)
            for future in futures:
                try:
                    results.append(future.result())
                except BaseException as exc:  # noqa: BLE001 - handed to the caller, who re-raises
                    problems.append(exc)
            channel.put(None)
            listener.join(timeout=2)
        return results, problems
    finally:
        _FORKED_WORK, _FORKED_CHANNEL = None, None
        channel.close()
