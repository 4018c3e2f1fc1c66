"""Holding back the interrupting signals for a moment: an update that must happen whole, or a worker start-up.

SIGINT, SIGTERM and SIGHUP end a run (see :mod:`compare.__main__`); inside :func:`signals_held` they wait,
and are handled as soon as the block is over. Only the main thread can do this; elsewhere the block runs as is.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

HELD_SIGNALS = {getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)}


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold back SIGINT, SIGTERM and SIGHUP for a moment (they are handled once it is over), where one can."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, HELD_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
