"""Decoding: from P(aligned) of every statement pair to groups of statements.

Two statements are *linked* when their probability reaches ``align_threshold``,
or when the pair is the best of its row or of its column and reaches the lower
``best_threshold``. Links are taken best first and grow groups: a link whose
two statements are both free starts a group; a link from a group to a free
statement adds that statement when the link is the statement's best, when it
sits near the group's statements on its side (``JOIN_WINDOW``), relates to
every statement of the other side (each pair the larger group puts side by
side reaches the lower cut), and the group stays within ``max_group``
statements a side. So one statement can have two
or three counterparts (a split, a restatement), as readers align them, while
every statement stays in at most one group, as the report's contract says.
"""

from __future__ import annotations

import numpy as np

# A statement joins a group only within this many statements of one of the
# group's statements on its side. In the BASIL gold, of the 252 gaps between
# two counterparts of one sentence, 187 are at most 5 statements; farther
# ones are mostly the same actor making another claim. Nested-free 10-fold CV
# F1 on the gold (each decoder's best cuts): 0.552 / 0.568 / 0.586 / 0.589 for
# windows 1 / 2 / 5 / unlimited. Joining only through a statement's best link
# cost 0.006 more (0.587 to 0.581, within the +-0.02 noise of fold choice) and
# keeps another claim of the same actor out of a group.
JOIN_WINDOW = 5

Positions = tuple[int, ...]


def links(probability: np.ndarray, align_threshold: float, best_threshold: float) -> np.ndarray:
    """Boolean (m, n): pairs reaching ``align_threshold``, or best in row or column and reaching ``best_threshold``."""
    linked = probability >= align_threshold
    if best_threshold < align_threshold and probability.size:
        best = (probability >= probability.max(axis=1, keepdims=True)) | (
            probability >= probability.max(axis=0, keepdims=True))
        linked |= best & (probability >= best_threshold)
    return linked


def decode(probability: np.ndarray, align_threshold: float, best_threshold: float,
           max_group: int) -> list[tuple[Positions, Positions]]:
    """Groups of (left positions, right positions), in the order they were started."""
    floor = min(align_threshold, best_threshold)
    rows, cols = np.nonzero(links(probability, align_threshold, best_threshold))
    order = np.lexsort((cols, rows, -probability[rows, cols]))  # best first; ties by position
    owner: tuple[dict[int, int], dict[int, int]] = ({}, {})
    free = (np.ones(probability.shape[0], dtype=bool), np.ones(probability.shape[1], dtype=bool))
    groups: list[tuple[list[int], list[int]]] = []
    for k in order:
        i, j = int(rows[k]), int(cols[k])
        group_i, group_j = owner[0].get(i), owner[1].get(j)
        value = probability[i, j]
        if group_i is None and group_j is None:
            owner[0][i] = owner[1][j] = len(groups)
            groups.append(([i], [j]))
            free[0][i] = free[1][j] = False
        # A free statement joins only the group of its own most likely
        # counterpart, and only if it has no free counterpart at least as
        # close (a duplicated sentence pairs with its own copy).
        elif value < (probability[:, j].max() if group_i is not None else probability[i].max()):
            continue
        elif (group_j is None and group_i is not None and not np.any(probability[free[0], j] >= value)
              and _join(probability, groups[group_i], 1, j, floor, max_group)):
            owner[1][j] = group_i
            free[1][j] = False
        elif (group_i is None and group_j is not None and not np.any(probability[i, free[1]] >= value)
              and _join(probability, groups[group_j], 0, i, floor, max_group)):
            owner[0][i] = group_j
            free[0][i] = False
        # Both already grouped (apart or together): the link adds nothing.
    return [(tuple(sorted(left)), tuple(sorted(right))) for left, right in groups]


def _join(probability: np.ndarray, group: tuple[list[int], list[int]], side: int, newcomer: int,
          floor: float, max_group: int) -> bool:
    """Add ``newcomer`` to the group's ``side`` if it fits, sits near and relates to all of the other side."""
    members, others = group[side], group[1 - side]
    if len(members) >= max_group or min(abs(newcomer - m) for m in members) > JOIN_WINDOW:
        return False
    partners = probability[others, newcomer] if side == 1 else probability[newcomer, others]
    if not np.all(partners >= floor):
        return False
    members.append(newcomer)
    return True
