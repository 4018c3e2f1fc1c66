"""MRPC: accuracy and F1 of the `same` decision on sentence pairs from different news outlets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..facts import group_differences
from ..options import SAME_THRESHOLD
from ..similarity.features import SentenceEncoder, feature_pairs
from ..similarity.scoring import same_probability
from .data import load_mrpc
from .metrics import BinaryScores, binary_scores


def pair_features(pairs: Sequence[tuple[str, str]]) -> np.ndarray:
    """Features of each (left, right) pair scored as two one-sentence articles, shape (pairs, features)."""
    rows = []
    for left, right in pairs:
        encoder = SentenceEncoder([left, right])
        one = np.array([0])
        rows.append(feature_pairs(encoder.encode_rows(slice(0, 1)), encoder.encode_rows(slice(1, 2)),
                                  one, one)[:, 0])
    return np.array(rows, dtype=np.float32)


@dataclass(frozen=True)
class MrpcResult:
    split: str
    #: the same-statement decision: calibrated score >= threshold
    scores: BinaryScores
    #: the report's label: that decision and no typed difference between the two sentences
    label_scores: BinaryScores


def evaluate_mrpc(data_dir: Path, split: str = "test", threshold: float = SAME_THRESHOLD) -> MrpcResult:
    """Decide `same` for every pair, by score alone and by the report's label."""
    pairs = load_mrpc(data_dir, split)
    probabilities = same_probability(pair_features([(p.left, p.right) for p in pairs]).T)
    predicted = probabilities >= threshold
    labelled = predicted & np.array([not any(d.conflict for d in group_differences([p.left], [p.right]))
                                      for p in pairs])
    gold = np.array([p.label == 1 for p in pairs])
    return MrpcResult(split=split, scores=binary_scores(predicted, gold), label_scores=binary_scores(labelled, gold))
