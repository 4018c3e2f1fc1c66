"""Fit the same-statement model on MRPC train and search the alignment thresholds on ECB+ topics 1-35.

Usage::

    python -m compare.evaluation.calibrate [DATA_DIR] [--write] [--thresholds]

Prints 5-fold cross-validated MRPC train accuracy for the model. With
``--write`` it rewrites ``compare/calibration.json``. With ``--thresholds`` it
also runs the whole-document ECB+ alignment on the training topics for a grid of
alignment thresholds and group gains and prints precision, recall and F1 of
each, so that the defaults in :mod:`compare.options` can be chosen from it. No
held-out data (MRPC test, ECB+ topics 36-45) is read.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from ..features import FEATURE_NAMES
from .data import DEFAULT_DATA_DIR, ECBPLUS_TRAIN_TOPICS, load_mrpc
from .mrpc import pair_features

# Inverse L2 strength of the logistic regression over standardised features
# and their products; chosen by 5-fold CV on MRPC train among 0.001-1.
REGULARISATION_C = 0.01
CV_FOLDS = 5


def fit_same_statement_model(features: np.ndarray, labels: np.ndarray) -> dict[str, object]:
    """Fit the quadratic logistic model and return it as plain lists for the JSON file."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import PolynomialFeatures, StandardScaler

    low, high = features.min(axis=0), features.max(axis=0)
    clipped = np.clip(features, low, high)
    pipeline = make_pipeline(
        StandardScaler(), PolynomialFeatures(2), LogisticRegression(C=REGULARISATION_C, max_iter=10_000)
    )
    folds = StratifiedKFold(CV_FOLDS, shuffle=True, random_state=0)
    cv_accuracy = float(cross_val_score(pipeline, clipped, labels, cv=folds).mean())
    pipeline.fit(clipped, labels)
    scaler, poly, logistic = pipeline.steps[0][1], pipeline.steps[1][1], pipeline.steps[2][1]
    k = len(FEATURE_NAMES)
    coefficients = logistic.coef_[0]
    linear = np.zeros(k)
    quadratic = np.zeros((k, k))
    intercept = float(logistic.intercept_[0])
    for weight, powers in zip(coefficients, poly.powers_):
        used = np.flatnonzero(powers)
        if powers.sum() == 0:
            intercept += float(weight)
        elif powers.sum() == 1:
            linear[used[0]] = weight
        elif len(used) == 1:
            quadratic[used[0], used[0]] = weight
        else:
            quadratic[used[0], used[1]] = weight
    return {
        "mean": scaler.mean_.tolist(),
        "scale": scaler.scale_.tolist(),
        "low": low.tolist(),
        "high": high.tolist(),
        "linear": linear.tolist(),
        "quadratic": quadratic.tolist(),
        "intercept": intercept,
        "regularisation_c": REGULARISATION_C,
        "cv_accuracy_mrpc_train": round(cv_accuracy, 4),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--write", action="store_true", help="rewrite compare/calibration.json")
    parser.add_argument("--thresholds", action="store_true", help="grid-search thresholds on ECB+ 1-35")
    args = parser.parse_args(argv)

    pairs = load_mrpc(args.data_dir, "train")
    features = pair_features(pairs)
    labels = np.array([p.label for p in pairs])
    model = fit_same_statement_model(features, labels)
    print(f"MRPC train, {CV_FOLDS}-fold CV accuracy: {model['cv_accuracy_mrpc_train']:.4f}")
    if args.write:
        record = {
            "features": list(FEATURE_NAMES),
            "same_statement_model": model,
            "provenance": {
                "data": "MRPC train (4076 pairs); each pair scored as two one-sentence articles",
                "command": "python -m compare.evaluation.calibrate --write",
            },
        }
        target = Path(__file__).resolve().parent.parent / "calibration.json"
        target.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {target}")
    if args.thresholds:
        from .ecbplus import threshold_grid

        for line in threshold_grid(args.data_dir, ECBPLUS_TRAIN_TOPICS):
            print(line)


if __name__ == "__main__":
    main()
