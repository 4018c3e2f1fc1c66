"""Aligning the statements of two articles into groups: signals, model, decoder, group scores.

1. Every left x right pair gets its alignment signals (:mod:`.signals`) and
   P(aligned) from the learned model (:mod:`.model`).
2. The decoder (:mod:`.decode`) links pairs above the cuts and grows groups of
   up to ``max_group_sentences`` statements a side.
3. Each group gets two scores: ``align_score``, the mean P(aligned) of the
   pairs it puts side by side, and ``score``, P(same statement) of its two
   sides read as joined texts (the MRPC model of :mod:`compare.similarity.scoring`), which
   the caller's label rule uses.

Everything works on statement positions (0..m-1, 0..n-1); the caller maps them
to sentence ids. The result does not depend on which article is called left.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..options import CompareOptions
from ..similarity.features import feature_pairs, processed_text
from ..similarity.scoring import same_probability
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
    """The alignment of two statement lists in one orientation.

    Statements a side repeats word for word (a wire paragraph run twice, an
    article of one sentence pasted over and over) are scored once: the model
    and the decoder see each distinct statement of a side once, so the cost
    grows with the distinct statements, not the copies. Afterwards the k-th copy
    of a statement that both sides repeat pairs with the other side's k-th copy,
    and every other copy takes the counterparts of its first occurrence.
    """

    def __init__(self, left: list[str], right: list[str], model: AlignmentModel) -> None:
        self.sizes = (len(left), len(right))
        self.copies = (_copies(left), _copies(right))
        self.unique = tuple([texts[members[0]] for members in copies.values()]
                            for texts, copies in ((left, self.copies[0]), (right, self.copies[1])))
        if not left or not right:
            self.unique_probability = np.zeros(tuple(len(u) for u in self.unique), dtype=np.float32)
            return
        self.signals = PairSignals(*self.unique)
        self.unique_probability = model.probabilities(self.signals)

    @property
    def probability(self) -> np.ndarray:
        """P(aligned) of every (left, right) statement pair, copies included."""
        index = [np.empty(size, dtype=np.intp) for size in self.sizes]
        for side in (0, 1):
            for unique, members in enumerate(self.copies[side].values()):
                index[side][members] = unique
        return self.unique_probability[np.ix_(index[0], index[1])]

    def run(self, options: CompareOptions) -> list[Group]:
        if not all(self.sizes):
            return []
        probability = self.unique_probability
        found = decode(probability, options.align_threshold, options.best_threshold, options.max_group_sentences)
        same = group_same_probability(self.signals, found)
        members = [list(copies.values()) for copies in self.copies]
        keys = [list(copies) for copies in self.copies]
        groups = []
        for k, (left, right) in enumerate(found):
            score, align_score = float(same[k]), _mean_probability(probability, left, right)
            base = Group(tuple(members[0][u][0] for u in left), tuple(members[1][v][0] for v in right),
                         score, align_score)
            groups.append(base)
            for side, own in ((0, left), (1, right)):
                for position, u in enumerate(own):
                    other = right if side == 0 else left
                    if len(own) == len(other) == 1 and keys[side][u] == keys[1 - side][other[0]]:
                        continue  # a statement both sides repeat: its copies pair in order, below
                    for copy in members[side][u][1:]:  # the other copies take the first's counterparts
                        sides = [list(base.left), list(base.right)]
                        sides[side][position] = copy
                        groups.append(Group(tuple(sorted(sides[0])), tuple(sorted(sides[1])), score, align_score))
            if len(left) == len(right) == 1 and keys[0][left[0]] == keys[1][right[0]]:
                for copy_left, copy_right in zip(members[0][left[0]][1:], members[1][right[0]][1:], strict=False):
                    groups.append(Group((copy_left,), (copy_right,), score, align_score))
        return list({(g.left, g.right): g for g in groups}.values())


def _mean_probability(probability: np.ndarray, left: Sequence[int], right: Sequence[int]) -> float:
    """The mean P(aligned) of the pairs a group puts side by side (float32 arithmetic, as numpy's mean)."""
    if len(left) == len(right) == 1:  # the mean of one value is that value: no array to build
        return float(probability[left[0], right[0]])
    return float(probability[np.ix_(left, right)].mean())


def _copies(texts: list[str]) -> dict[str, list[int]]:
    """Each distinct statement (after normalisation), in order of first occurrence, with its positions."""
    copies: dict[str, list[int]] = {}
    for position, text in enumerate(texts):
        copies.setdefault(processed_text(text), []).append(position)
    return copies


def group_same_probability(signals: PairSignals, groups: Sequence[tuple[Sequence[int], Sequence[int]]]) -> np.ndarray:
    """P(same statement) of each group's two sides, each read as its members joined in order."""
    if not groups:
        return np.zeros(0, dtype=np.float32)
    encoder, offset = signals.encoder, signals.shape[0]  # the encoder holds left statements, then right ones
    encoded = (encoder.encode_groups([g[0] for g in groups]),
               encoder.encode_groups([[offset + j for j in g[1]] for g in groups]))
    return same_probability(feature_pairs(*encoded))
