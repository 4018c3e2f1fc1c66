"""Aligning the statements of two articles into groups: signals, model, decoder, group scores.

1. Every left x right pair gets its alignment signals (:mod:`.signals`) and
   P(aligned) from the learned model (:mod:`.model`).
2. The decoder (:mod:`.decode`) links pairs above the cuts and grows groups of
   up to ``max_group_sentences`` statements a side.
3. Each group gets two scores: ``align_score``, the mean P(aligned) of the
   pairs it puts side by side, and ``score``, P(same statement) of its two
   sides read as joined texts (the MRPC model of :mod:`compare.scoring`), which
   the caller's label rule uses.

Everything works on statement positions (0..m-1, 0..n-1); the caller maps them
to sentence ids. The result does not depend on which article is called left.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..features import feature_pairs
from ..options import CompareOptions
from ..scoring import same_probability
from .decode import decode
from .model import AlignmentModel, shipped_model
from .signals import PairSignals


@dataclass(frozen=True)
class Group:
    """Aligned statement positions on each side, P(same statement) and P(aligned) of the group."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    score: float
    align_score: float

    def mirrored(self) -> Group:
        return Group(self.right, self.left, self.score, self.align_score)


def align_statements(left: Sequence[str], right: Sequence[str], options: CompareOptions) -> list[Group]:
    """Align two lists of statements; returns groups ordered by their left, then right positions."""
    return StatementAligner(left, right).align(options)


class StatementAligner:
    """Scores two lists of statements once; :meth:`align` then groups them under given options.

    Holding the scores lets an evaluation try many thresholds for the price of
    one scoring. ``model`` defaults to the shipped one; the fit passes its own.
    """

    def __init__(self, left: Sequence[str], right: Sequence[str], model: AlignmentModel | None = None) -> None:
        # Compute in one canonical orientation so that swapping the articles gives
        # exactly the mirrored result, ties and floating-point sums included.
        self.swapped = tuple(right) < tuple(left)
        texts = (list(right), list(left)) if self.swapped else (list(left), list(right))
        self._core = _Aligner(*texts, model or shipped_model())

    @property
    def probabilities(self) -> np.ndarray:
        """P(aligned) of every (left, right) pair, in the caller's orientation."""
        probability = self._core.probability
        return probability.T if self.swapped else probability

    def align(self, options: CompareOptions) -> list[Group]:
        """Groups ordered by their left, then right positions."""
        groups = self._core.run(options)
        if self.swapped:
            groups = [g.mirrored() for g in groups]
        return sorted(groups, key=lambda g: (g.left, g.right))


class _Aligner:
    def __init__(self, left: list[str], right: list[str], model: AlignmentModel) -> None:
        self.sizes = (len(left), len(right))
        if not left or not right:
            self.probability = np.zeros(self.sizes, dtype=np.float32)
            return
        self.signals = PairSignals(left, right)
        self.probability = model.probabilities(self.signals)

    def run(self, options: CompareOptions) -> list[Group]:
        if not all(self.sizes):
            return []
        found = decode(self.probability, options.align_threshold, options.best_threshold,
                       options.max_group_sentences)
        same = group_same_probability(self.signals, found)
        return [Group(left, right, float(same[k]), float(self.probability[np.ix_(left, right)].mean()))
                for k, (left, right) in enumerate(found)]


def group_same_probability(signals: PairSignals, groups: Sequence[tuple[Sequence[int], Sequence[int]]]) -> np.ndarray:
    """P(same statement) of each group's two sides, each read as its members joined in order."""
    if not groups:
        return np.zeros(0, dtype=np.float32)
    encoder, offset = signals.encoder, signals.shape[0]  # the encoder holds left statements, then right ones
    encoded = (encoder.encode_groups([g[0] for g in groups]),
               encoder.encode_groups([[offset + j for j in g[1]] for g in groups]))
    return same_probability(feature_pairs(*encoded))
