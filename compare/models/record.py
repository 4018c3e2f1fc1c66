"""The record of one group of a collection (``factcompare batch``): each pair's summary and conflicts, or the failure.

Built by :mod:`compare.collection`; one JSON line each in a record file (see :mod:`compare.serialize`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from .multi import Cell

#: A group was compared, or could not be (a missing or binary article, a group of one).
BatchStatus = Literal["ok", "failed"]
BATCH_STATUSES: tuple[BatchStatus, ...] = get_args(BatchStatus)


@dataclass(frozen=True)
class ConflictRecord:
    """A conflict of one pair: its kind, the evidence on each side, and the sentences of its aligned group."""

    kind: str
    left: str | None
    right: str | None
    left_sentences: tuple[int, ...]
    right_sentences: tuple[int, ...]


@dataclass(frozen=True)
class PairRecord:
    """One pair's summary in a record: the articles' paths, the counts, the consistency and the conflicts."""

    left: str | None
    right: str | None
    same: int
    differs: int
    left_only: int
    right_only: int
    consistency: float
    conflicts: tuple[ConflictRecord, ...] = ()

    def __post_init__(self) -> None:
        if not 0.0 <= self.consistency <= 1.0:
            msg = f"pair consistency {self.consistency} is outside [0, 1]"
            raise ValueError(msg)


@dataclass(frozen=True)
class ClusterRecord:
    """A cluster of an event group (three or more sources): how each source tells it, and its sentences."""

    cells: tuple[Cell, ...]
    members: tuple[tuple[int, ...], ...]


@dataclass(frozen=True)
class BatchRecord:
    """One group's record. ``ok``: its pairs (and, for three or more sources, clusters and agreement);
    ``failed``: the error, and nothing else."""

    id: str
    articles: tuple[str, ...]
    status: BatchStatus
    error: str | None = None
    pairs: tuple[PairRecord, ...] = ()
    #: event groups (three or more sources) only; None for a pair
    clusters: tuple[ClusterRecord, ...] | None = None
    agreement: tuple[tuple[float, ...], ...] | None = None

    def __post_init__(self) -> None:
        if self.status not in BATCH_STATUSES:
            msg = f"group {self.id!r}: unknown status {self.status!r}"
            raise ValueError(msg)
        if self.status == "failed" and (self.error is None or self.pairs or self.clusters is not None
                                        or self.agreement is not None):
            msg = f"group {self.id!r}: a failed record holds its error and no result"
            raise ValueError(msg)
        if self.status == "ok" and (self.error is not None or not self.pairs):
            msg = f"group {self.id!r}: a record of a compared group holds its pairs and no error"
            raise ValueError(msg)
        if (self.clusters is None) != (self.agreement is None):
            msg = f"group {self.id!r}: clusters and agreement come together (event groups) or not at all"
            raise ValueError(msg)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def consistency(self) -> float | None:
        """The lowest consistency of the group's pairs (None for a failed group)."""
        return min(p.consistency for p in self.pairs) if self.pairs else None
