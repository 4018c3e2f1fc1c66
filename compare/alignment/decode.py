"""Decoding: from P(aligned) of every statement pair to groups of statements a reader puts side by side.

Two statements are *linked* when their probability reaches ``align_threshold``,
or when the pair is the best of its row or of its column and reaches the lower
``best_threshold``. Every link ends up in a group, and every pair a group puts
side by side reaches the lower of the two cuts:

- links are taken best first; a link that no group covers yet joins a group
  that holds one of its two statements, when the newcomer relates to every
  statement on the group's other side, sits near the group's statements on its
  own side (``JOIN_WINDOW``) and the side stays within ``max_group``
  statements (a split sentence, a restatement, a quotation told in two);
- otherwise it starts a group of its own.

So a statement can sit in more than one group: readers align one sentence with
two or three counterparts that are far apart or unrelated to each other (in
the BASIL gold, 207 of the 397 sure pairs share their first-article sentence
with another sure pair), and forcing every statement into one group either
drops those links or puts unrelated sentences side by side. On the gold's own
sure pairs, the best one-group-per-statement decoder tried kept 81% of them
(precision 99.4%); these groups keep them all (precision 99.5%, recall 100%).
On the fitted model's probabilities (10-fold CV by article pair) the change
raised F1 from 0.614 to 0.643.
"""

from __future__ import annotations

import numpy as np

# A statement joins a group only within this many statements of one of the
# group's statements on its side; a counterpart farther away gets a group of
# its own. In the BASIL gold, of the 252 gaps between two counterparts of one
# sentence, 187 are at most 5 statements. With overlapping groups the window
# only decides how links are grouped for display, not which are kept:
# 10-fold CV F1 0.643 with it, 0.642 without.
JOIN_WINDOW = 5

# A statement whose best counterpart is a near copy (P(aligned) at least
# COPY_PROBABILITY) takes another counterpart only from SECOND_OF_A_COPY: the
# copy already tells the reader what it says, and a weaker second link is
# mostly the same actor making another claim. 10-fold CV on the BASIL gold,
# grouped by pair (x from 0.9 / 0.95 / 0.99, y from 0.5 / 0.6 / 0.7): F1 0.643
# without the rule, 0.648 with 0.99 / 0.5 (precision 0.722 -> 0.751, recall
# 0.579 -> 0.569); the lower x cost recall.
COPY_PROBABILITY = 0.99
SECOND_OF_A_COPY = 0.5

Positions = tuple[int, ...]


def links(probability: np.ndarray, align_threshold: float, best_threshold: float) -> np.ndarray:
    """Boolean (m, n): pairs reaching ``align_threshold``, or best in row or column and reaching ``best_threshold``;
    a statement with a near copy on the other side keeps weaker links only from ``SECOND_OF_A_COPY``."""
    linked = probability >= align_threshold
    if best_threshold < align_threshold and probability.size:
        best = (probability >= probability.max(axis=1, keepdims=True)) | (
            probability >= probability.max(axis=0, keepdims=True))
        linked |= best & (probability >= best_threshold)
    if probability.size:
        weak = probability < SECOND_OF_A_COPY
        for axis in (0, 1):  # columns whose best is a near copy, then rows
            best_of = probability.argmax(axis=axis)
            copied = probability.max(axis=axis) >= COPY_PROBABILITY
            drop = weak & np.expand_dims(copied, axis)
            if axis == 0:
                drop[best_of, np.arange(probability.shape[1])] = False
            else:
                drop[np.arange(probability.shape[0]), best_of] = False
            linked &= ~drop
    return linked


def decode(probability: np.ndarray, align_threshold: float, best_threshold: float,
           max_group: int) -> list[tuple[Positions, Positions]]:
    """Groups of (left positions, right positions), sorted; a statement may be in several groups."""
    floor = min(align_threshold, best_threshold)
    linked = links(probability, align_threshold, best_threshold)
    rows, cols = np.nonzero(linked)
    order = np.lexsort((cols, rows, -probability[rows, cols]))  # best first; ties by position
    groups: list[tuple[list[int], list[int]]] = []
    member_of: tuple[dict[int, list[int]], dict[int, list[int]]] = ({}, {})  # statement -> its groups, per side
    covered: set[tuple[int, int]] = set()
    grouped = (np.zeros(probability.shape[0], dtype=bool), np.zeros(probability.shape[1], dtype=bool))
    for k in order:
        i, j = int(rows[k]), int(cols[k])
        if (i, j) in covered or _own_copy_waits(probability, linked, grouped, i, j):
            continue
        target = _best_group(probability, groups, member_of, i, j, floor, max_group)
        if target is None:
            member_of[0].setdefault(i, []).append(len(groups))
            member_of[1].setdefault(j, []).append(len(groups))
            groups.append(([i], [j]))
            grouped[0][i] = grouped[1][j] = True
            covered.add((i, j))
            continue
        index, side, newcomer = target
        groups[index][side].append(newcomer)
        member_of[side].setdefault(newcomer, []).append(index)
        grouped[side][newcomer] = True
        left, right = groups[index]
        covered.update((a, b) for a in left for b in right)
    found = sorted({(tuple(sorted(left)), tuple(sorted(right))) for left, right in groups})
    # A group that adds nothing to another (all its pairs are in it) is dropped; only groups
    # sharing a left statement can contain one another.
    sharing: dict[int, list[tuple[Positions, Positions]]] = {}
    for group in found:
        for i in group[0]:
            sharing.setdefault(i, []).append(group)
    return [g for g in found if not any(_within(g, other) for other in sharing[g[0][0]] if other != g)]


def _own_copy_waits(probability: np.ndarray, linked: np.ndarray, grouped: tuple[np.ndarray, np.ndarray],
                    i: int, j: int) -> bool:
    """Whether the link's free statement has a free, linked counterpart at least as likely as this grouped one.

    A sentence an article repeats then pairs with its own copy on the other
    side rather than joining the first copy's group (best-first order reaches
    such a tie with the copy still free).
    """
    if grouped[0][i] == grouped[1][j]:
        return False
    value = probability[i, j]
    if grouped[0][i]:  # j is free: does a free left statement match it as well?
        free = ~grouped[0]
        return bool(np.any(linked[free, j] & (probability[free, j] >= value)))
    free = ~grouped[1]
    return bool(np.any(linked[i, free] & (probability[i, free] >= value)))


def _best_group(probability: np.ndarray, groups: list[tuple[list[int], list[int]]],
                member_of: tuple[dict[int, list[int]], dict[int, list[int]]], i: int, j: int, floor: float,
                max_group: int) -> tuple[int, int, int] | None:
    """The group the link (i, j) joins, as (group index, side the newcomer joins, newcomer), or None.

    Of the groups holding ``i`` (``j`` would join their right side) or ``j``
    (``i`` would join their left side), the one whose other side the newcomer
    relates to best, on average, among those it relates to throughout.
    """
    best: tuple[float, int, int, int] | None = None
    for side, holder, newcomer in ((1, i, j), (0, j, i)):
        for index in member_of[1 - side].get(holder, ()):
            members, others = groups[index][side], groups[index][1 - side]
            if len(members) >= max_group:
                continue
            # Nearest member on the newcomer's side (most groups have one: no generator for it).
            nearest = abs(newcomer - members[0]) if len(members) == 1 else min(abs(newcomer - m) for m in members)
            if nearest > JOIN_WINDOW:
                continue
            if len(others) == 1:  # one value: its mean is itself (the comparison stays in float32)
                value = probability[others[0], newcomer] if side == 1 else probability[newcomer, others[0]]
                if not value >= floor:
                    continue
                mean = float(value)
            else:
                related = probability[others, newcomer] if side == 1 else probability[newcomer, others]
                if not np.all(related >= floor):
                    continue
                mean = float(related.mean())
            candidate = (mean, -index, side, newcomer)
            if best is None or candidate > best:
                best = candidate
    return None if best is None else (-best[1], best[2], best[3])


def _within(group: tuple[Positions, Positions], other: tuple[Positions, Positions]) -> bool:
    """Whether every pair ``group`` puts side by side is in ``other`` too (it adds nothing)."""
    return set(group[0]) <= set(other[0]) and set(group[1]) <= set(other[1])
