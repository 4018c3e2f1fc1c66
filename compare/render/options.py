"""What a view shows: the statement sections and how many entries each (``--only``, ``--limit``).

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


@dataclass(frozen=True)
class ViewFilter:
    """Which statement sections to show (all when empty), and at most how many entries in each."""

    only: tuple[str, ...] = ()
    limit: int | None = None

    def shows(self, section: str) -> bool:
        return not self.only or section in self.only

    def cut(self, entries: Sequence[T]) -> tuple[Sequence[T], int]:
        """The entries to show, and how many were left out."""
        if self.limit is None or len(entries) <= self.limit:
            return entries, 0
        return entries[: self.limit], len(entries) - self.limit
