"""The ``factcompare`` command's entry point (the console script and ``python -m compare``).

The interrupt guard is the first thing it sets up, before any import that
takes time: SIGINT and SIGTERM at any moment (while the libraries load, while
comparing, while a report is written) end the run with ``factcompare:
interrupted`` on stderr and exit status 130, no traceback, and no partial file
(a report being written is a temporary file, removed as the interruption
unwinds).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from types import FrameType
from typing import NoReturn

EXIT_INTERRUPTED = 130
_MESSAGE = b"factcompare: interrupted\n"


def _raise_interrupt(signum: int, frame: FrameType | None) -> NoReturn:
    """SIGTERM handled as Ctrl-C is: unwind (removing temporary files), then exit 130."""
    raise KeyboardInterrupt


def _exit_at_once(signum: int, frame: FrameType | None) -> NoReturn:
    """A signal once the run is over or already interrupted: nothing left to unwind, so exit now."""
    os._exit(EXIT_INTERRUPTED)


def _interrupted() -> NoReturn:
    # From here on a further signal (a second Ctrl-C) ends the process at once, quietly.
    signal.signal(signal.SIGINT, _exit_at_once)
    signal.signal(signal.SIGTERM, _exit_at_once)
    with contextlib.suppress(OSError):
        os.write(2, _MESSAGE)
    _flush()
    sys.exit(EXIT_INTERRUPTED)


def main() -> None:
    """Run the command line, interruptible from the first instruction."""
    signal.signal(signal.SIGTERM, _raise_interrupt)  # SIGINT raises KeyboardInterrupt already
    try:
        from .checkpoints import checkpoint

        checkpoint("start")
        from .cli import main as run_command_line

        checkpoint("imported")
        run_command_line()
    except KeyboardInterrupt:
        _interrupted()
    except SystemExit:
        # The run is over (its reports written or refused): a signal while the
        # interpreter shuts down must not print a traceback either.
        signal.signal(signal.SIGINT, _exit_at_once)
        signal.signal(signal.SIGTERM, _exit_at_once)
        _flush()
        raise


def _flush() -> None:
    """Push out buffered output while an interruption can still be handled."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()


if __name__ == "__main__":
    main()
