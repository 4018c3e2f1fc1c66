"""The interrupting signals: held back for a moment, and never lost.

SIGINT, SIGTERM and SIGHUP end a run (see :mod:`compare.__main__`); inside :func:`signals_held` they wait,
and are handled as soon as the block is over. Only the main thread can do this; elsewhere the block runs as is.

A handler's exception can be lost: a signal handled while Python runs a weakref callback or a ``__del__``
(an import's module lock being collected, say) raises there, and Python only prints "Exception ignored".
The handlers record each signal in :data:`received`, and :func:`raise_if_swallowed` raises it again: each
stage of a run (:func:`compare.checkpoints.checkpoint`) and the end of the command call it.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator

#: the interrupting signals received so far, in order (recorded by :mod:`compare.__main__`'s handlers)
received: list[int] = []

HELD_SIGNALS = {getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)}


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold back SIGINT, SIGTERM and SIGHUP for a moment (they are handled once it is over), where one can."""
    import threading  # here: compare.__main__ imports this module before its handlers are in place

    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, HELD_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def raise_if_swallowed() -> None:
    """Raise the interruption of a signal received whose exception was lost (see the module's docstring).

    Once raised, an interruption unwinds the run, so reaching this again means it was swallowed.
    """
    if not received:
        return
    if received[-1] == getattr(signal, "SIGHUP", None):
        from .errors import HangUp

        raise HangUp
    raise KeyboardInterrupt
