"""Aligning the statements of two articles into groups.

1. Score every left x right pair (calibrated P(same statement)), block by block,
   keeping the pairs above a low floor in a sparse matrix.
2. Anchor one-to-one pairs greedily, best score first, in any order: outlets
   reorder freely. A sentence that leans on the one before it ("However, they
   denied it", "These claims could not be verified") cannot anchor a pair on
   its own unless the match is clear or its neighbourhood aligns there too.
3. Split pairs: an unaligned sentence plus its neighbour may together match an
   unaligned sentence of the other side ("A. B." told as "A, and B.").
4. Grow groups: a neighbouring unaligned sentence joins a group when it is
   related to the group's other side on its own and the group's score rises by
   at least ``group_gain`` with it, which attaches split halves, caveats and
   follow-ups to the claim they belong to.

Everything works on statement positions (0..m-1, 0..n-1); the caller maps them
to sentence ids. The result does not depend on which article is called left.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from .features import SentenceEncoder, feature_block, feature_pairs
from .options import CompareOptions
from .scoring import same_probability

# Pairs scoring below this are dropped from the sparse score matrix: they can
# neither align nor take part in a split. Far below any calibrated threshold.
CANDIDATE_FLOOR = 0.02
# A split (two sentences told as one) is looked for only among each free
# sentence's best few partners, and only where one half already scores this
# much on its own: a half of a sentence shares a good part of its words.
SPLIT_PARTNERS = 2
SPLIT_FLOOR = 0.05
# The score matrix is computed this many cells at a time, which bounds memory
# at roughly 120 bytes x BLOCK_CELLS whatever the articles' lengths.
BLOCK_CELLS = 1_000_000

# Openers that make a sentence lean on the one before it: connectives and
# anaphora. Such a sentence restates or qualifies its neighbour's claim.
_DEPENDENT_OPENER = re.compile(
    r"^[\"'“‘(]*(?:however|but|and|yet|still|also|meanwhile|instead|moreover|furthermore|nevertheless"
    r"|nonetheless|therefore|thus|in addition|additionally|in response|as a result|he|she|it|they|these"
    r"|this|those|that|such|its|their|his|her|the (?:claims?|reports?|statements?|assertions?|figures?"
    r"|allegations?|accounts?))\b",
    re.IGNORECASE,
)


def is_dependent(sentence: str) -> bool:
    """Whether a sentence opens by pointing back at the previous one."""
    return bool(_DEPENDENT_OPENER.match(sentence.lstrip()))


@dataclass(frozen=True)
class Group:
    """Aligned statement positions on each side, and the group's score."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    score: float

    def mirrored(self) -> Group:
        return Group(self.right, self.left, self.score)


def align_statements(left: Sequence[str], right: Sequence[str], options: CompareOptions) -> list[Group]:
    """Align two lists of statements; returns groups ordered by their first left position."""
    return StatementAligner(left, right).align(options)


class StatementAligner:
    """Scores two lists of statements once; :meth:`align` then groups them under given options.

    Holding the scores lets an evaluation try many thresholds for the price of
    one scoring.
    """

    def __init__(self, left: Sequence[str], right: Sequence[str]) -> None:
        # Compute in one canonical orientation so that swapping the articles gives
        # exactly the mirrored result, ties and floating-point sums included.
        self.swapped = tuple(right) < tuple(left)
        self._core = _Aligner(right, left) if self.swapped else _Aligner(left, right)

    def align(self, options: CompareOptions) -> list[Group]:
        """Groups ordered by their first left position."""
        if not len(self._core.texts[0]) or not len(self._core.texts[1]):
            return []
        groups = self._core.run(options)
        if self.swapped:
            groups = [g.mirrored() for g in groups]
        return sorted(groups, key=lambda g: (g.left[0], g.right[0]))


class _Aligner:
    def __init__(self, left: Sequence[str], right: Sequence[str]) -> None:
        self.texts = (list(left), list(right))
        if not self.texts[0] or not self.texts[1]:
            return
        self.encoder = SentenceEncoder(self.texts[0] + self.texts[1])
        self.encoded = (self.encoder.encode_rows(slice(0, len(left))),
                        self.encoder.encode_rows(slice(len(left), None)))
        self.dependent = tuple(np.array([is_dependent(t) for t in side]) for side in self.texts)
        self.scores = self._score_matrix()

    # -- scoring --------------------------------------------------------------

    def _score_matrix(self) -> sp.csr_matrix:
        left, right = self.encoded
        rows_per_block = max(1, BLOCK_CELLS // max(1, len(right)))
        rows, cols, values = [], [], []
        for start in range(0, len(left), rows_per_block):
            block = slice(start, min(len(left), start + rows_per_block))
            probability = same_probability(feature_block(left, right, block))
            r, c = np.nonzero(probability >= CANDIDATE_FLOOR)
            rows.append(r + start)
            cols.append(c)
            values.append(probability[r, c])
        return sp.csr_matrix(
            (np.concatenate(values), (np.concatenate(rows), np.concatenate(cols))),
            shape=(len(left), len(right)), dtype=np.float32,
        )

    def _group_scores(self, candidates: list[tuple[tuple[int, ...], tuple[int, ...]]]) -> np.ndarray:
        """Score each (left positions, right positions) candidate group as two joined texts."""
        if not candidates:
            return np.zeros(0, dtype=np.float32)
        offset = len(self.texts[0])  # the encoder holds left statements, then right ones
        encoded = [self.encoder.encode_groups([c[0] for c in candidates]),
                   self.encoder.encode_groups([[offset + j for j in c[1]] for c in candidates])]
        return same_probability(feature_pairs(encoded[0], encoded[1]))

    # -- steps ----------------------------------------------------------------

    def run(self, options: CompareOptions) -> list[Group]:
        self.options = options
        self.owner: tuple[dict[int, int], dict[int, int]] = ({}, {})  # position -> group index
        self.groups: list[Group] = []
        matrix = self.scores.tocoo()
        related = matrix.data >= options.related_threshold
        self._related_pairs = set(zip(matrix.row[related].tolist(), matrix.col[related].tolist(), strict=True))
        self._anchor_pairs()
        self._mutual_pairs()
        self._split_pairs()
        self._grow_groups()
        return self.groups

    def _add(self, left: tuple[int, ...], right: tuple[int, ...], score: float) -> None:
        index = len(self.groups)
        self.groups.append(Group(left, right, float(score)))
        for side, members in ((0, left), (1, right)):
            for position in members:
                self.owner[side][position] = index

    def _free(self, side: int, position: int) -> bool:
        return position not in self.owner[side]

    def _near(self, side: int, position: int) -> range:
        window = self.options.group_window
        return range(max(0, position - window), min(len(self.texts[side]), position + window + 1))

    def _shared_content(self, i: int, j: int) -> int:
        """Content words (and near-synonym classes) that left i and right j have in common."""
        return len(np.intersect1d(self.encoded[0].items("content", i), self.encoded[1].items("content", j)))

    def _related(self, side: int, position: int, others: tuple[int, ...]) -> bool:
        """Whether a sentence shares at least a topic with one of ``others`` on the other side."""
        pairs = self._related_pairs
        if side == 0:
            return any((position, other) in pairs for other in others)
        return any((other, position) in pairs for other in others)

    def _context_agrees(self, i: int, j: int) -> bool:
        """Whether some neighbour of left i is already aligned with some neighbour of right j."""
        right_near = self._near(1, j)
        return any(
            self.owner[1].get(jj) == self.owner[0][ii]
            for ii in self._near(0, i) if ii in self.owner[0]
            for jj in right_near
        )

    def _anchor_pairs(self) -> None:
        """Greedy one-to-one matching, best first; leaning sentences wait for their context."""
        matrix = self.scores.tocoo()
        eligible = matrix.data >= self.options.align_threshold
        i, j, score = matrix.row[eligible], matrix.col[eligible], matrix.data[eligible]
        order = np.lexsort((j, i, -score))
        clear = self.options.same_threshold
        deferred = []
        for k in order:
            a, b, s = int(i[k]), int(j[k]), float(score[k])
            if not (self._free(0, a) and self._free(1, b)):
                continue
            if s < clear and (self.dependent[0][a] or self.dependent[1][b]):
                deferred.append((a, b, s))
                continue
            self._add((a,), (b,), s)
        # Second pass, in the same order: a leaning sentence aligns where its
        # neighbourhood already aligned.
        for a, b, s in deferred:
            if self._free(0, a) and self._free(1, b) and self._context_agrees(a, b):
                self._add((a,), (b,), s)

    def _mutual_pairs(self) -> None:
        """Among free statements, pair those that are each other's best match, above a lower bar.

        Two statements on the same topic that share a few content words and
        have no better counterpart on either side usually report the same
        thing in different words.
        """
        matrix = self.scores.tocsr(copy=True)
        matrix.data[matrix.data < self.options.mutual_threshold] = 0
        matrix.eliminate_zeros()
        while matrix.nnz:
            free_rows = np.array([self._free(0, i) for i in range(matrix.shape[0])], dtype=np.float32)
            free_cols = np.array([self._free(1, j) for j in range(matrix.shape[1])], dtype=np.float32)
            matrix = (sp.diags(free_rows) @ matrix @ sp.diags(free_cols)).tocsr()
            matrix.eliminate_zeros()
            if not matrix.nnz:
                return
            row_best = np.asarray(matrix.argmax(axis=1)).ravel()
            row_value = matrix.max(axis=1).toarray().ravel()
            col_best = np.asarray(matrix.argmax(axis=0)).ravel()
            added = 0
            for i in np.flatnonzero((row_value > 0) & (col_best[row_best] == np.arange(len(row_best)))):
                j = int(row_best[i])
                leaning = self.dependent[0][i] or self.dependent[1][j]
                if leaning and not self._context_agrees(int(i), j):
                    continue
                if self._shared_content(int(i), j) < self.options.mutual_min_shared:
                    continue
                self._add((int(i),), (j,), float(row_value[i]))
                added += 1
            if not added:
                return

    def _best_partners(self, side: int) -> list[tuple[int, int]]:
        """(position, partner) for each free sentence of ``side`` and its best free partners."""
        matrix = (self.scores if side == 0 else self.scores.T).tocsr()
        pairs = []
        for position in range(matrix.shape[0]):
            if not self._free(side, position):
                continue
            start, end = matrix.indptr[position], matrix.indptr[position + 1]
            partners, values = matrix.indices[start:end], matrix.data[start:end]
            keep = values >= SPLIT_FLOOR
            ranked = sorted(zip(-values[keep], partners[keep], strict=True))
            free = [int(p) for _, p in ranked if self._free(1 - side, int(p))]
            pairs += [(position, partner) for partner in free[:SPLIT_PARTNERS]]
        return pairs

    def _split_pairs(self) -> None:
        """Two neighbouring free sentences that together match one free sentence of the other side."""
        candidates: set[tuple[tuple[int, ...], tuple[int, ...]]] = set()
        for side in (0, 1):
            for position, partner in self._best_partners(1 - side):
                # ``partner`` is on ``side``; pair it with a free neighbour there.
                for neighbour in (partner - 1, partner + 1):
                    if 0 <= neighbour < len(self.texts[side]) and self._free(side, neighbour):
                        joined = tuple(sorted((partner, neighbour)))
                        candidates.add((joined, (position,)) if side == 0 else ((position,), joined))
        ordered = sorted(candidates)
        scores = self._group_scores(ordered)
        for k in sorted(range(len(ordered)), key=lambda k: (-scores[k], ordered[k])):
            left, right = ordered[k]
            if scores[k] < self.options.align_threshold:
                break
            if all(self._free(0, p) for p in left) and all(self._free(1, p) for p in right):
                self._add(left, right, float(scores[k]))

    def _grow_groups(self) -> None:
        """Add neighbouring free sentences to groups while each addition raises the group's score.

        Works in rounds: each round scores every group with each free neighbour
        added, then applies the best additions, one per group and sentence.
        """
        limit = self.options.max_group_sentences
        # A group that could not grow in one round cannot in the next either
        # (its candidates only get fewer), so each round looks only at the
        # groups the previous round changed.
        active = set(range(len(self.groups)))
        for _ in range(2 * (limit - 1)):
            candidates, origins = [], []
            for index in sorted(active):
                group = self.groups[index]
                for side in (0, 1):
                    members = (group.left, group.right)[side]
                    if len(members) >= limit:
                        continue
                    others = (group.right, group.left)[side]
                    near = {p for m in members for p in self._near(side, m)
                            if self._free(side, p) and self._related(side, p, others)}
                    for position in sorted(near):
                        grown = tuple(sorted((*members, position)))
                        candidates.append((grown, group.right) if side == 0 else (group.left, grown))
                        origins.append(index)
            scores = self._group_scores(candidates)
            gains = [float(scores[k]) - self.groups[origins[k]].score for k in range(len(candidates))]
            changed: set[int] = set()
            for k in sorted(range(len(candidates)), key=lambda k: (-gains[k], candidates[k])):
                if gains[k] < self.options.group_gain:
                    break
                index = origins[k]
                left, right = candidates[k]
                group = self.groups[index]
                added = [(0, p) for p in left if p not in group.left] + [(1, p) for p in right if p not in group.right]
                if index in changed or not all(self._free(side, p) for side, p in added):
                    continue
                changed.add(index)
                self.groups[index] = Group(left, right, float(scores[k]))
                for side, position in added:
                    self.owner[side][position] = index
            if not changed:
                return
            active = changed
