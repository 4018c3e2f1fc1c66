"""The alignment model: P(a reader puts these two statements side by side), from the signals.

A logistic regression over the standardised signals of :mod:`.signals`. Its
coefficients are data, in ``alignment.json`` beside this module, fitted on the
BASIL article-pair gold by ``python -m compare.evaluation.fit_alignment``
(``make calibrate``); this module only applies them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from .signals import CONTEXT_SIGNALS, PAIR_SIGNALS, SIGNAL_NAMES, PairSignals, base_similarity

MODEL_FILE = "alignment.json"


@dataclass(frozen=True)
class AlignmentModel:
    """Standardisation, clipping range and weights of each signal, and the intercept."""

    mean: np.ndarray
    scale: np.ndarray
    low: np.ndarray
    high: np.ndarray
    weights: np.ndarray
    intercept: float

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> AlignmentModel:
        mean, scale, low, high, weights = (np.asarray(record[key], dtype=np.float32)
                                           for key in ("mean", "scale", "low", "high", "weights"))
        return cls(mean, scale, low, high, weights, float(record["intercept"]))

    def logit(self, signals: np.ndarray, names: tuple[str, ...], *, overwrite: bool = False) -> np.ndarray:
        """The part of the logit that the signals ``names`` (arrays of shape (len(names), ...)) contribute.

        With ``overwrite``, ``signals`` (float32, C-contiguous) is clipped in place instead of copied.
        """
        index = np.array([SIGNAL_NAMES.index(name) for name in names])
        shape = signals.shape[1:]
        if overwrite and signals.dtype == np.float32 and signals.flags.c_contiguous:
            x = signals.reshape(len(names), -1)
        else:
            x = np.array(signals, dtype=np.float32).reshape(len(names), -1)
        # Clip to the range seen in fitting: a linear model must not extrapolate
        # (a 300-word sentence is no longer evidence than an 80-word one).
        np.clip(x, self.low[index, None], self.high[index, None], out=x)
        # Standardising folded into the weights: w . (x - mean) / scale = (w / scale) . x - w . mean / scale.
        weights = self.weights[index] / self.scale[index]
        return (weights @ x - float(weights @ self.mean[index])).reshape(shape)

    def probabilities(self, signals: PairSignals) -> np.ndarray:
        """P(aligned) of every left x right pair, shape (m, n), float32, computed block by block."""
        m, n = signals.shape
        logit = np.empty((m, n), dtype=np.float32)
        base = np.empty((m, n), dtype=np.float32)
        identical = np.zeros((m, n), dtype=bool)
        for rows, block in signals.pair_blocks():
            base[rows] = base_similarity(block)
            identical[rows] = signals.identical(rows)
            logit[rows] = self.logit(block, PAIR_SIGNALS, overwrite=True)
        logit += self.logit(signals.context(base), CONTEXT_SIGNALS, overwrite=True)
        logit += self.intercept
        probability = _sigmoid(logit)
        # Statements identical after normalisation belong side by side whatever
        # the rest of the articles says (with one statement a side, the centred
        # cosines and the ranks carry nothing), and a statement with an exact copy
        # on the other side is aligned with its copy alone: an article compared
        # with itself, or a repeated wire paragraph, pairs each sentence with itself.
        if identical.any():
            copied = np.logical_or.outer(identical.any(axis=1), identical.any(axis=0))
            probability[copied & ~identical] = 0.0
            probability[identical] = 1.0
        return probability


def _sigmoid(logit: np.ndarray) -> np.ndarray:
    np.negative(logit, out=logit)
    with np.errstate(over="ignore"):  # exp overflows to inf for certain non-matches: 1 / inf = 0
        np.exp(logit, out=logit)
    logit += 1.0
    return np.reciprocal(logit, out=logit)


@cache
def alignment_record() -> dict[str, Any]:
    """The model record shipped with the package: coefficients, decoder thresholds, provenance, figures."""
    text = resources.files(__package__).joinpath(MODEL_FILE).read_text(encoding="utf-8")
    record: dict[str, Any] = json.loads(text)
    if tuple(record["signals"]) != SIGNAL_NAMES:
        msg = f"{MODEL_FILE} was fitted on other signals; run python -m compare.evaluation.fit_alignment --write"
        raise RuntimeError(msg)
    return record


@cache
def shipped_model() -> AlignmentModel:
    return AlignmentModel.from_record(alignment_record()["model"])
