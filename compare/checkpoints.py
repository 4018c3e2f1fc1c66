"""Named stages of a run that a test can watch, so that it interrupts a run where it means to, without sleeping.

Two environment hooks, both unset outside tests (a checkpoint then costs two
dictionary lookups):

- ``FACTCOMPARE_CHECKPOINT_FD=N``: the process writes one line per stage it
  reaches (``start``, ``imported``, ``fetch`` before each web page, ``read``,
  ``compare``, ``write``) to the open
  file descriptor ``N``; a test reads lines until the stage it wants, then sends
  its signal: the signal lands at that stage or later, however loaded the machine.
- ``FACTCOMPARE_SIGNAL_AT=STAGE[:SIGNAL]`` (for example ``write:SIGTERM``): the
  process sends itself the signal (SIGINT by default) on reaching the stage, so
  that a test hits exactly that stage, such as the moment between writing a
  report's temporary file and renaming it.
"""

from __future__ import annotations

import contextlib
import os
import signal

from .signals import raise_if_swallowed

CHECKPOINT_FD = "FACTCOMPARE_CHECKPOINT_FD"
SIGNAL_AT = "FACTCOMPARE_SIGNAL_AT"


def checkpoint(stage: str) -> None:
    """Mark that the run has reached ``stage`` (a no-op unless a test asked to watch it).

    An interruption whose exception was swallowed on the way here is raised again now.
    """
    raise_if_swallowed()
    descriptor = os.environ.get(CHECKPOINT_FD)
    if descriptor:
        # A closed or bogus descriptor: the hook is for tests, never an error.
        with contextlib.suppress(OSError, ValueError):
            os.write(int(descriptor), f"{stage}\n".encode())
    target = os.environ.get(SIGNAL_AT)
    if target:
        where, _, name = target.partition(":")
        if where == stage:
            signal.raise_signal(getattr(signal, name or "SIGINT", signal.SIGINT))
