"""Precision, recall, F1 and accuracy, computed one way everywhere."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class BinaryScores:
    true_positives: int
    false_positives: int
    false_negatives: int
    true_negatives: int

    @property
    def precision(self) -> float:
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else 0.0

    @property
    def recall(self) -> float:
        actual = self.true_positives + self.false_negatives
        return self.true_positives / actual if actual else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        total = self.true_positives + self.false_positives + self.false_negatives + self.true_negatives
        return (self.true_positives + self.true_negatives) / total if total else 0.0


def binary_scores(predicted: np.ndarray, gold: np.ndarray) -> BinaryScores:
    predicted = np.asarray(predicted, dtype=bool)
    gold = np.asarray(gold, dtype=bool)
    return BinaryScores(
        true_positives=int(np.sum(predicted & gold)),
        false_positives=int(np.sum(predicted & ~gold)),
        false_negatives=int(np.sum(~predicted & gold)),
        true_negatives=int(np.sum(~predicted & ~gold)),
    )
