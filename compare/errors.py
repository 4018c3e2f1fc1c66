"""The exceptions the library raises for problems a user can fix; each message is one line."""

from __future__ import annotations


class FactcompareError(Exception):
    """A problem with the user's input or files, explained in a one-line message."""


class ArticleError(FactcompareError, ValueError):
    """An input that cannot be compared: missing, unreadable, empty, binary or too large.

    The message names the file and, where there is something to do, says what.
    """


class ReportError(FactcompareError, OSError):
    """A report that cannot be written, or would replace a file factcompare has no record of writing."""


class StreamError(FactcompareError, OSError):
    """The standard output (or error) cannot be written: a full disk, a quota, a closed terminal."""


class HangUp(KeyboardInterrupt):
    """SIGHUP (the terminal closed): unwound as Ctrl-C is, removing temporary files, then exit 129."""
