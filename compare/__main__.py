"""The ``factcompare`` command's entry point (the console script and ``python -m compare``).

The interrupt guard is the first thing it sets up, before any import that
takes time: SIGINT, SIGTERM and SIGHUP at any moment (while the libraries load,
while comparing, while a report is written) end the run with ``factcompare:
interrupted`` on stderr, no traceback, and no partial file (a report being
written is a temporary file, removed as the interruption unwinds). The exit
status is 130 for SIGINT and SIGTERM (as since issue 7) and 129 for SIGHUP
(128 + its number, as a shell reports a hang-up).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from types import FrameType
from typing import NoReturn

from .signals import raise_if_swallowed, received

EXIT_INTERRUPTED = 130
EXIT_HUNG_UP = 129  # 128 + SIGHUP
_MESSAGE = b"factcompare: interrupted\n"
_SIGNALS = [name for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)]


def _raise_interrupt(signum: int, frame: FrameType | None) -> NoReturn:
    """SIGINT, and SIGTERM handled as Ctrl-C is: unwind (removing temporary files), then exit 130."""
    received.append(signum)  # raised again if a callback swallows this exception (see compare.signals)
    raise KeyboardInterrupt


def _raise_hang_up(signum: int, frame: FrameType | None) -> NoReturn:
    """SIGHUP handled as Ctrl-C is, but for its exit status (129)."""
    from .errors import HangUp

    received.append(signum)
    raise HangUp


def _exit_at_once(signum: int, frame: FrameType | None) -> NoReturn:
    """A signal once the run is over or already interrupted: nothing left to unwind, so exit now."""
    os._exit(EXIT_HUNG_UP if signum == getattr(signal, "SIGHUP", None) else EXIT_INTERRUPTED)


def _stop_at_once() -> None:
    """From here on a further signal (a second Ctrl-C) ends the process at once, quietly."""
    for name in _SIGNALS:
        signal.signal(getattr(signal, name), _exit_at_once)


def _status(interruption: KeyboardInterrupt) -> int:
    return EXIT_HUNG_UP if type(interruption).__name__ == "HangUp" else EXIT_INTERRUPTED


def _interrupted(status: int) -> NoReturn:
    _stop_at_once()
    with contextlib.suppress(OSError):
        os.write(2, _MESSAGE)
    _flush()
    sys.exit(status)


def main() -> None:
    """Run the command line, interruptible from the first instruction."""
    signal.signal(signal.SIGINT, _raise_interrupt)  # as Python's own handler does, and recorded
    signal.signal(signal.SIGTERM, _raise_interrupt)
    if hasattr(signal, "SIGHUP"):  # not on Windows
        signal.signal(signal.SIGHUP, _raise_hang_up)
    try:
        from .checkpoints import checkpoint

        checkpoint("start")
        from .cli.commands import main as run_command_line

        checkpoint("imported")
        run_command_line()
    except KeyboardInterrupt as interruption:
        _interrupted(_status(interruption))
    except SystemExit as ended:
        if ended.code not in (EXIT_INTERRUPTED, EXIT_HUNG_UP):
            # an interruption swallowed after the last stage (the command did not see it): still interrupted
            try:
                raise_if_swallowed()
            except KeyboardInterrupt as interruption:
                _interrupted(_status(interruption))
        # The run is over (its reports written or refused): a signal while the
        # interpreter shuts down must not print a traceback either.
        _stop_at_once()
        _flush()
        raise


def _flush() -> None:
    """Push out buffered output while an interruption can still be handled."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()


if __name__ == "__main__":
    main()
