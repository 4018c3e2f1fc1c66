"""Engines: where a collection's groups are compared. ``local`` (a process pool) and ``dask`` (a cluster).

Both call :func:`.job.compare_group` on each group and give the same records, byte for byte,
in the order of the groups. :data:`ENGINES` is the registry that ``batch --engine`` offers;
this module stays light (the command line reads it at start-up): the comparison loads in the workers.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
from collections import deque
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import FactcompareError
from ..signals import signals_held

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from .job import BatchSettings
    from .manifest import Group

#: what an engine gives: the records as JSON lines, in order; closing it stops the run (its workers too)
Lines = Generator[str, None, None]


def run_local(groups: list[Group], settings: BatchSettings, workers: int = 1,
              job: Callable[[tuple[Group, BatchSettings]], str] | None = None) -> Lines:
    """Records in the order of ``groups``, computed by ``workers`` processes (``job``: what each runs)."""
    job = job or _compare_with
    if workers <= 1 or len(groups) <= 1:
        for group in groups:
            yield job((group, settings))
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # Fresh interpreters ("spawn"), not forks: no thread or lock state is inherited,
    # and the workers are this process's own children (their memory is accounted to it).
    # An executor, not a Pool: a worker killed (by the out-of-memory killer, say) breaks
    # it loudly instead of leaving the run waiting forever for the lost group.
    # Each worker asks the kernel to kill it when this process dies (SIGKILL included), so a killed run
    # leaves no worker (about 130 MB each) living on under PID 1 and holding the caller's pipes.
    executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_die_with_parent, initargs=(os.getpid(),))
    size = _chunk(len(groups), workers)
    chunks = (groups[i : i + size] for i in range(0, len(groups), size))
    futures: deque[Future[list[str]]] = deque()
    try:
        # Chunks of groups, a bounded window of them in flight (not the whole collection submitted up
        # front): an interrupted run has only those to drop. The first ones start the workers, with
        # the interrupting signals held for that moment: a worker whose start-up data a signal cut
        # off would print a traceback of its own.
        with signals_held():
            futures.extend(executor.submit(_run_chunk, job, chunk, settings)
                           for chunk in itertools.islice(chunks, _window(workers)))
        while futures:
            yield from futures.popleft().result()
            chunk = next(chunks, None)
            if chunk is not None:
                futures.append(executor.submit(_run_chunk, job, chunk, settings))
    except BaseException as error:
        # Interrupted (Ctrl-C, SIGTERM, SIGHUP), abandoned, or a worker died: the groups not done are
        # dropped, not run to the end first (the records written so far are kept for a resume).
        with signals_held():
            _abandon(executor)
        if isinstance(error, BrokenProcessPool):
            msg = ("a worker process died (out of memory?); the records written so far are kept: "
                   "run the same command to resume")
            raise FactcompareError(msg) from None
        raise
    executor.shutdown(wait=True)


def _window(workers: int) -> int:
    """Chunks in flight at a time: enough to keep every worker busy while the oldest is read."""
    return max(4, 4 * workers)


def _abandon(executor: ProcessPoolExecutor) -> None:
    """Stop a pool now: its queued chunks cancelled, its workers killed mid-group.

    Not ``shutdown(cancel_futures=True)`` alone: the pool's manager thread cancels the queued chunks
    only if it runs before the executor object is collected, which a raising generator does at once;
    otherwise the interpreter's exit waited for every chunk submitted (a minute and more seen). With
    its workers gone, the manager fails what is left and ends. (The futures are not cancelled here:
    the manager would then fail a cancelled future, and print that thread's traceback.)
    """
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.kill()


#: prctl(2) option: the signal a process gets when its parent dies (Linux).
PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    """A worker's initializer: die with the run (Linux: PR_SET_PDEATHSIG; elsewhere nothing to do).

    The parent may already have died before the request took effect: then the worker exits at once.
    """
    import signal
    import sys

    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:
        os._exit(1)


def _chunk(groups: int, workers: int) -> int:
    """Groups sent to a worker at a time: a few for long runs (less inter-process traffic), one for short ones."""
    return max(1, min(8, groups // (50 * workers)))


def _run_chunk(job: Callable[[tuple[Group, BatchSettings]], str], groups: list[Group],
               settings: BatchSettings) -> list[str]:
    return [job((group, settings)) for group in groups]


def _compare_with(job: tuple[Group, BatchSettings]) -> str:
    from .job import compare_group

    return compare_group(*job)


def run_dask(groups: list[Group], settings: BatchSettings, scheduler: str | None = None,
             workers: int = 1) -> Lines:
    """Records in the order of ``groups``, computed on a Dask cluster (local unless ``scheduler`` is given)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        msg = "the dask engine needs Dask: pip install 'factcompare[dask]'"
        raise FactcompareError(msg) from None
    # No dashboard, and the scheduler's HTTP server on a free port: on its default, 8787, a second run (or
    # any program holding the port) made Dask warn "Port 8787 is already in use", even under -q.
    # Logs quiet below CRITICAL: a worker still beating after the cluster is closed logs "Failed to communicate
    # with scheduler during heartbeat", noise on a user's stderr; task errors still come back as exceptions.
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                  dashboard_address=None, scheduler_kwargs={"dashboard_address": ":0"},
                                                  silence_logs=logging.CRITICAL)
    client = Client(scheduler or cluster)
    try:
        # Chunks of groups, a bounded window of them in flight: results stream back in
        # order without the whole collection held anywhere.
        size = _chunk(len(groups), workers)
        chunks = (groups[i : i + size] for i in range(0, len(groups), size))
        futures: list[Any] = [client.submit(_run_chunk, _compare_with, chunk, settings, pure=False)
                              for chunk in itertools.islice(chunks, _window(workers))]
        while futures:
            yield from futures.pop(0).result()
            chunk = next(chunks, None)
            if chunk is not None:
                futures.append(client.submit(_run_chunk, _compare_with, chunk, settings, pure=False))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


class Engine(Protocol):
    """What an engine is: the records of ``groups`` as JSON lines, in the order of ``groups``."""

    def __call__(self, groups: list[Group], settings: BatchSettings, *, workers: int,
                 scheduler: str | None) -> Lines: ...


def _local(groups: list[Group], settings: BatchSettings, *, workers: int, scheduler: str | None) -> Lines:
    return run_local(groups, settings, workers=workers)


def _dask(groups: list[Group], settings: BatchSettings, *, workers: int, scheduler: str | None) -> Lines:
    return run_dask(groups, settings, scheduler=scheduler, workers=workers)


#: ``batch --engine`` values, the first the default (a ``--scheduler`` address implies ``dask``).
ENGINES: dict[str, Engine] = {"local": _local, "dask": _dask}
