"""The result of comparing three or more sources: statements clustered across every source.

Built by :func:`compare.multi.compare_many`; frozen values, as the two-source model.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import cached_property
from typing import Literal, get_args

from .comparison import Article, Comparison, Difference

#: How one source tells a cluster's statement.
Cell = Literal["same", "differs", "absent"]
CELLS: tuple[Cell, ...] = get_args(Cell)


@dataclass(frozen=True)
class SourcePair:
    """Where in the pairwise comparisons a conflict was found: sources ``left`` and ``right``."""

    left: int
    right: int
    difference: Difference

    def __post_init__(self) -> None:
        if not 0 <= self.left < self.right:
            msg = f"a conflict between sources {self.left} and {self.right}: they must be in order"
            raise ValueError(msg)
        if not self.difference.conflict:
            msg = f"a {self.difference.kind} difference that is no conflict is not a cluster's conflict"
            raise ValueError(msg)


@dataclass(frozen=True)
class Cluster:
    """One statement across sources: each source's sentences (empty if absent) and how it tells it."""

    members: tuple[tuple[int, ...], ...]
    cells: tuple[Cell, ...]
    conflicts: tuple[SourcePair, ...] = ()

    def __post_init__(self) -> None:
        if len(self.members) != len(self.cells):
            msg = f"a cluster needs one cell per source: {len(self.members)} members, {len(self.cells)} cells"
            raise ValueError(msg)
        for ids, cell in zip(self.members, self.cells, strict=True):
            if cell not in CELLS:
                msg = f"unknown cluster cell {cell!r}"
                raise ValueError(msg)
            if (cell == "absent") != (not ids):
                msg = f"a cluster's cell is 'absent' exactly where its source has no sentence ({cell!r}, {ids})"
                raise ValueError(msg)

    @property
    def sources(self) -> int:
        return sum(cell != "absent" for cell in self.cells)


@dataclass(frozen=True)
class MultiSummary:
    """Counts derived from a multi-source comparison."""

    clusters: int
    #: clusters that every source carries
    in_every_source: int
    #: clusters that at least one source states differently
    stated_differently: int
    #: per source, the number of its statements that no other source carries
    only: tuple[int, ...]


@dataclass(frozen=True)
class MultiComparison:
    """The comparison of three or more articles."""

    articles: tuple[Article, ...]
    clusters: tuple[Cluster, ...]
    #: per source, its statements that no other source carries
    only: tuple[tuple[int, ...], ...]
    #: the pairwise comparisons, in the order of itertools.combinations(range(n), 2)
    pairs: tuple[Comparison, ...]

    def __post_init__(self) -> None:
        n = len(self.articles)
        if len(self.only) != n or any(len(c.members) != n for c in self.clusters):
            msg = f"{n} sources: `only` and every cluster's members need one entry per source"
            raise ValueError(msg)
        for index, article in enumerate(self.articles):
            placed = [i for c in self.clusters for i in c.members[index]] + list(self.only[index])
            if sorted(placed) != list(article.statement_ids):
                msg = f"source {index}: every statement must be in exactly one cluster or in `only`"
                raise ValueError(msg)
        if self.pairs and len(self.pairs) != n * (n - 1) // 2:
            msg = f"{n} sources need {n * (n - 1) // 2} pairwise comparisons, not {len(self.pairs)}"
            raise ValueError(msg)

    @cached_property
    def agreement(self) -> tuple[tuple[float, ...], ...]:
        """Consistency of every pair of sources (1.0 on the diagonal)."""
        n = len(self.articles)
        matrix = [[1.0] * n for _ in range(n)]
        for (a, b), comparison in zip(itertools.combinations(range(n), 2), self.pairs, strict=True):
            matrix[a][b] = matrix[b][a] = comparison.summary.consistency
        return tuple(tuple(row) for row in matrix)

    @cached_property
    def summary(self) -> MultiSummary:
        n = len(self.articles)
        return MultiSummary(
            clusters=len(self.clusters),
            in_every_source=sum(c.sources == n for c in self.clusters),
            stated_differently=sum("differs" in c.cells for c in self.clusters),
            only=tuple(len(ids) for ids in self.only),
        )

    @property
    def settings_dict(self) -> dict[str, str | int | float | bool]:
        """The settings of the comparison (every pair is compared with the same options)."""
        return self.pairs[0].settings_dict if self.pairs else {}
