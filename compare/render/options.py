"""What a view shows: the statement sections, how many entries each (``--only``, ``--limit``), the settings.

A module of its own, free of Rich and of the result model, so that the command
line can offer these choices without loading any renderer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

#: The statement sections a view can be limited to (``--only``).
SECTIONS = ("differs", "same", "left-only", "right-only")

#: Entries per section the terminal view shows unless told otherwise: the seed pair's summary and its
#: first entries of each section read in a few screens, not 290 lines.
DEFAULT_LIMIT = 10


@dataclass(frozen=True)
class ViewFilter:
    """Which statement sections to show (all when empty), how many entries in each, and whether the settings.

    ``limit`` None means DEFAULT_LIMIT, and 0 means every entry.
    """

    only: tuple[str, ...] = ()
    limit: int | None = None
    #: show the settings that produced the comparison (``--verbose``)
    verbose: bool = False

    def shows(self, section: str) -> bool:
        return not self.only or section in self.only

    @property
    def most(self) -> int | None:
        """At most this many entries per section (None: all)."""
        limit = DEFAULT_LIMIT if self.limit is None else self.limit
        return limit or None

    def cut(self, entries: Sequence[T]) -> tuple[Sequence[T], int]:
        """The entries to show, and how many were left out."""
        most = self.most
        if most is None or len(entries) <= most:
            return entries, 0
        return entries[:most], len(entries) - most
