"""The calibrated same-statement score: features in, probability out.

The model is a logistic regression over the standardised features and their
pairwise products (the interactions matter: a low word overlap means less when
both sentences are long). Its coefficients are data, in ``calibration.json``,
fitted on MRPC train by ``python -m compare.evaluation.calibrate``; this module
only applies them.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from .features import FEATURE_NAMES, SentenceEncoder, feature_pairs

CALIBRATION_FILE = "calibration.json"
_IDENTITY = FEATURE_NAMES.index("fuzz_ratio")  # 1.0 exactly when the processed texts are equal


@cache
def calibration() -> dict[str, Any]:
    """The calibration record shipped with the package (coefficients and their provenance)."""
    text = resources.files(__package__).joinpath(CALIBRATION_FILE).read_text(encoding="utf-8")
    record: dict[str, Any] = json.loads(text)
    if tuple(record["features"]) != FEATURE_NAMES:
        msg = f"{CALIBRATION_FILE} was fitted on other features; run python -m compare.evaluation.calibrate"
        raise RuntimeError(msg)
    return record


@cache
def _model() -> tuple[np.ndarray, ...]:
    record = calibration()["same_statement_model"]
    return tuple(np.asarray(record[key], dtype=np.float32)
                 for key in ("mean", "scale", "low", "high", "linear", "quadratic", "intercept"))


def same_probability(features: np.ndarray) -> np.ndarray:
    """P(same statement) for feature arrays of shape (features, ...), as float32 in [0, 1]."""
    mean, scale, low, high, linear, quadratic, intercept = _model()
    shape = features.shape[1:]
    z = np.array(features, dtype=np.float32).reshape(len(FEATURE_NAMES), -1)
    # Texts identical after normalisation are the same statement by definition;
    # the fitted model, saturating near 1, may rank a near-copy a hair above.
    identical = z[_IDENTITY] >= 1.0
    # Clip to the range seen in calibration: the quadratic terms must not extrapolate.
    np.clip(z, low[:, None], high[:, None], out=z)
    z -= mean[:, None]
    z /= scale[:, None]
    logit = (quadratic @ z) * z
    logit = logit.sum(axis=0) + linear @ z + intercept
    np.negative(logit, out=logit)
    with np.errstate(over="ignore"):  # exp overflows to inf for certain non-matches: 1 / inf = 0
        np.exp(logit, out=logit)
    logit += 1.0
    probability = np.reciprocal(logit)
    probability[identical] = 1.0
    return probability.reshape(shape)


def score_sentence_pair(left: str, right: str) -> float:
    """Score two sentences as two one-sentence articles (TF-IDF fitted on the pair alone)."""
    encoder = SentenceEncoder([left, right])
    one = np.array([0])
    features = feature_pairs(encoder.encode_rows(slice(0, 1)), encoder.encode_rows(slice(1, 2)), one, one)
    return float(same_probability(features)[0])
