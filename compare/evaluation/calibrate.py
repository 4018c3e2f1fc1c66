"""Fit the same-statement model on MRPC train.

Usage::

    python -m compare.evaluation.calibrate [DATA_DIR] [--write]

Prints 5-fold cross-validated MRPC train accuracy for the model and the score
thresholds that best separate STS-B similarity levels. With ``--write`` it
rewrites ``compare/similarity/calibration.json``. No held-out data (MRPC test, STS-B
test) is read. The alignment model, whose signals include this model's
logit, is fitted after it on the BASIL gold by :mod:`.fit_alignment`
(``make calibrate`` runs both, in that order).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from ..similarity.features import FEATURE_NAMES
from .data import DEFAULT_DATA_DIR, load_mrpc, load_stsb_news
from .mrpc import pair_features

# Inverse L2 strengths tried for the logistic regression over standardised
# features and their products; the best by 5-fold CV on MRPC train is kept.
REGULARISATION_GRID = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3)
CV_FOLDS = 5
MISMATCH_SEED = 20231019
# STS-B levels (0-5 scale) and what the annotation guidelines call them.
STS_LEVELS = {3.0: "roughly equivalent, some important details differ", 2.0: "not equivalent, share some details",
              1.0: "not equivalent, same topic"}


def mismatched_pairs(pairs: list[tuple[str, str]], seed: int = MISMATCH_SEED) -> list[tuple[str, str]]:
    """Each pair's left sentence with another pair's right sentence: certain non-paraphrases.

    MRPC's negatives are all related sentences (the corpus was built from
    likely paraphrases), so a model fitted on MRPC alone never sees two
    unrelated sentences and scores them too high. These pairs teach it that.
    """
    order = np.random.default_rng(seed).permutation(len(pairs))
    return [(pairs[i][0], pairs[j][1]) for i, j in enumerate(order) if i != j]


def fit_same_statement_model(features: np.ndarray, labels: np.ndarray,
                             extra_negatives: np.ndarray) -> dict[str, object]:
    """Fit the quadratic logistic model and return it as plain lists for the JSON file.

    ``extra_negatives`` (mismatched pairs) join every training fold; the
    cross-validated accuracy is measured on MRPC pairs only.
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold
    from sklearn.pipeline import Pipeline, make_pipeline
    from sklearn.preprocessing import PolynomialFeatures, StandardScaler

    everything = np.vstack([features, extra_negatives])
    low, high = everything.min(axis=0), everything.max(axis=0)
    clipped = np.clip(features, low, high)
    negatives = np.clip(extra_negatives, low, high)
    folds = list(StratifiedKFold(CV_FOLDS, shuffle=True, random_state=0).split(clipped, labels))

    def pipeline(c: float) -> Pipeline:
        return make_pipeline(StandardScaler(), PolynomialFeatures(2), LogisticRegression(C=c, max_iter=10_000))

    def fit(c: float, rows: np.ndarray) -> Pipeline:
        x = np.vstack([clipped[rows], negatives])
        y = np.concatenate([labels[rows], np.zeros(len(negatives), dtype=labels.dtype)])
        return pipeline(c).fit(x, y)

    def cv_accuracy(c: float) -> float:
        return float(np.mean([(fit(c, train).predict(clipped[test]) == labels[test]).mean()
                              for train, test in folds]))

    accuracy, c = max((cv_accuracy(c), c) for c in REGULARISATION_GRID)
    fitted = fit(c, np.arange(len(labels)))
    scaler, poly, logistic = fitted.steps[0][1], fitted.steps[1][1], fitted.steps[2][1]
    k = len(FEATURE_NAMES)
    coefficients = logistic.coef_[0]
    linear = np.zeros(k)
    quadratic = np.zeros((k, k))
    intercept = float(logistic.intercept_[0])
    for weight, powers in zip(coefficients, poly.powers_, strict=True):
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
        "regularisation_c": c,
        "cv_accuracy_mrpc_train": round(accuracy, 4),
    }


def best_f1_threshold(scores: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    """The threshold (on a 0.01 grid) that maximises F1 of ``scores >= t`` against ``gold``, and that F1."""
    best = (0.0, 0.0)
    for threshold in np.round(np.arange(0.01, 1.0, 0.01), 2):
        predicted = scores >= threshold
        f1 = 2 * int(np.sum(predicted & gold)) / (int(predicted.sum()) + int(gold.sum()))
        if f1 > best[1]:
            best = (float(threshold), f1)
    return best


def sts_thresholds(data_dir: Path) -> list[str]:
    """Score thresholds that best separate STS-B similarity levels (train and dev, news genre)."""
    from ..similarity.scoring import same_probability

    pairs = load_stsb_news(data_dir, "train") + load_stsb_news(data_dir, "dev")
    scores = same_probability(pair_features([(p.left, p.right) for p in pairs]).T)
    similarity = np.array([p.score for p in pairs])
    lines = [f"STS-B train+dev news without MSRpar ({len(pairs)} pairs):"]
    for level, meaning in STS_LEVELS.items():
        threshold, f1 = best_f1_threshold(scores, similarity >= level)
        lines.append(f"  STS >= {level} ({meaning}): best F1 {f1:.3f} at score >= {threshold}")
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--write", action="store_true", help="rewrite compare/similarity/calibration.json")
    args = parser.parse_args(argv)

    pairs = [(p.left, p.right) for p in load_mrpc(args.data_dir, "train")]
    features = pair_features(pairs)
    labels = np.array([p.label for p in load_mrpc(args.data_dir, "train")])
    model = fit_same_statement_model(features, labels, pair_features(mismatched_pairs(pairs)))
    print(f"MRPC train, {CV_FOLDS}-fold CV accuracy: {model['cv_accuracy_mrpc_train']:.4f}")
    if args.write:
        record = {
            "features": list(FEATURE_NAMES),
            "same_statement_model": model,
            "provenance": {
                "data": "MRPC train (4076 pairs) plus as many mismatched MRPC train pairs as negatives; "
                        "each pair scored as two one-sentence articles",
                "command": "python -m compare.evaluation.calibrate --write",
            },
        }
        target = Path(__file__).resolve().parent.parent / "similarity" / "calibration.json"
        target.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {target}")
    for line in sts_thresholds(args.data_dir):
        print(line)


if __name__ == "__main__":
    main()
