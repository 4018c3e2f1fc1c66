"""Fit the alignment model on the BASIL article-pair gold, with cross-validation grouped by article pair.

Usage::

    python -m compare.evaluation.fit_alignment [DATA_DIR] [--write] [--ablation]

Every statement pair of the 30 gold pairs is a training example: sure pairs
positive, unaligned pairs negative, possible pairs left out (the scoring
neither rewards nor penalises them). The model is a logistic regression over
the standardised signals; what is tuned is its regularisation and the two
decoder cuts, over the small grids below. Figures:

- *nested CV*: 10 outer folds of article pairs; inside each training part,
  5-fold CV chooses the regularisation and the cuts, then the model is refitted
  on the training part and scored on the held-out pairs. This is the figure to
  expect on new pairs.
- *shipped*: the settings chosen by 10-fold CV over all 30 pairs, refitted on
  all 30 (what ``--write`` stores in ``compare/alignment/alignment.json``),
  scored through the real aligner on the same 30 pairs: in-sample.

With ``--ablation`` it also reports the nested figure with each family of
signals left out. Takes about a minute a nested run on two cores.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..alignment.decode import decode
from ..alignment.model import AlignmentModel
from ..alignment.signals import SIGNAL_NAMES, PairSignals
from ..options import FIRM_LINK, LIKELY_LINK
from .basil import PAIRINGS, POSSIBLE, SURE, AlignmentCounts, GoldPair, count_pairs, load_basil_gold
from .data import DEFAULT_DATA_DIR

# Inverse L2 strengths of the logistic regression tried in each (inner) selection.
REGULARISATION_GRID = (0.01, 0.1, 1.0)
# Decoder cuts tried: the threshold, and the lower cut for a row's or column's
# best pair (equal to the threshold: no such pass). 77 pairs of cuts.
ALIGN_GRID = tuple(round(0.1 + 0.05 * k, 2) for k in range(11))
BEST_GRID = tuple(round(0.05 + 0.05 * k, 2) for k in range(12))
DECODER_GRID = tuple((align, best) for align in ALIGN_GRID for best in BEST_GRID if best <= align)
MAX_GROUP = 3  # as compare.options.MAX_GROUP_SENTENCES
OUTER_FOLDS = 10
INNER_FOLDS = 5
# Settings whose cross-validated F1 is within this of the best count as tied,
# and of those the most precise is chosen: the noise of fold choice alone is
# about +-0.02, and a false alignment shows a reader differences that do not
# exist, while a missed one leaves two statements one-sided. (On all 30 pairs
# it picks cuts 0.35 / 0.25, precision 0.751, over 0.2 / 0.2, precision 0.72,
# at the same F1.)
F1_TIE = 0.005

#: Families of signals for the ablation: each is left out in turn.
SIGNAL_FAMILIES: dict[str, tuple[str, ...]] = {
    "same-statement features (plain cosines, overlaps, lengths)": (
        "word_cosine", "char_cosine", "token_overlap_min", "token_overlap_max", "bigram_overlap_min",
        "fourgram_overlap_max", "content_unmatched_min", "content_unmatched_max", "name_dice", "names_unmatched",
        "number_dice", "numbers_unmatched", "length_max", "length_ratio"),
    "centred cosines (what the whole pair shares removed)": ("word_centred", "char_centred"),
    "rare shared words (IDF from the two articles)": ("shared_rare", "rare_cover_min", "rare_cover_max",
                                                      "content_cosine"),
    "shared names, numbers, quotations": ("names_rare", "shared_names", "shared_numbers", "shared_quoted"),
    "relative position": ("position_gap", "position_mean"),
    "diagonal neighbours": ("diagonal",),
}


@dataclass(frozen=True)
class Example:
    """One gold pair's signals (signals, m, n) and labels (m, n)."""

    pair: GoldPair
    signals: np.ndarray
    labels: np.ndarray
    pair_signals: PairSignals


@dataclass(frozen=True)
class Settings:
    c: float
    align_threshold: float
    best_threshold: float


def examples(pairs: Sequence[GoldPair]) -> list[Example]:
    out = []
    for pair in pairs:
        signals = PairSignals(pair.left_texts, pair.right_texts)
        out.append(Example(pair, signals.matrix(), pair.labels, signals))
    return out


def fit_model(train: Sequence[Example], c: float, used: Sequence[int] | None = None) -> AlignmentModel:
    """Logistic regression on sure vs unaligned pairs of ``train``; signals not ``used`` get weight 0."""
    from sklearn.linear_model import LogisticRegression

    columns = np.arange(len(SIGNAL_NAMES)) if used is None else np.asarray(used)
    x = np.concatenate([e.signals.reshape(len(SIGNAL_NAMES), -1).T for e in train])
    y = np.concatenate([e.labels.ravel() for e in train])
    keep = y != POSSIBLE
    x, y = x[keep], (y[keep] == SURE).astype(int)
    low, high = x.min(axis=0), x.max(axis=0)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    logistic = LogisticRegression(C=c, max_iter=5000).fit(((x - mean) / scale)[:, columns], y)
    weights = np.zeros(len(SIGNAL_NAMES))
    weights[columns] = logistic.coef_[0]
    return AlignmentModel(mean=mean.astype(np.float32), scale=scale.astype(np.float32), low=low.astype(np.float32),
                          high=high.astype(np.float32), weights=weights.astype(np.float32),
                          intercept=float(logistic.intercept_[0]))


def probabilities(model: AlignmentModel, example: Example) -> np.ndarray:
    """P(aligned) of one example's pairs, from its precomputed signals (what the aligner computes)."""
    logit = model.logit(example.signals, SIGNAL_NAMES) + model.intercept
    probability = 1.0 / (1.0 + np.exp(-logit))
    probability[example.pair_signals.identical(slice(None))] = 1.0
    return probability.astype(np.float32)


def score(examples_: Sequence[Example], probs: Sequence[np.ndarray], align: float, best: float) -> AlignmentCounts:
    total = AlignmentCounts()
    for example, probability in zip(examples_, probs, strict=True):
        total += count_pairs(example.pair, decode(probability, align, best, MAX_GROUP))
    return total


def folds(count: int, k: int) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """k folds of article pairs, deterministic: pair i is held out in fold i mod k."""
    index = np.arange(count)
    for fold in range(min(k, count)):
        yield index[index % k != fold], index[index % k == fold]


def select(train: Sequence[Example], used: Sequence[int] | None = None,
           inner: int = INNER_FOLDS) -> tuple[Settings, AlignmentCounts]:
    """The most precise of the settings whose ``inner``-fold CV F1 on ``train`` is within F1_TIE of the best
    (ties: the first in grid order)."""
    tried: list[tuple[Settings, AlignmentCounts]] = []
    for c in REGULARISATION_GRID:
        out_of_fold: list[np.ndarray] = [np.empty(0)] * len(train)
        for fit_rows, held_rows in folds(len(train), inner):
            model = fit_model([train[i] for i in fit_rows], c, used)
            for i in held_rows:
                out_of_fold[i] = probabilities(model, train[i])
        for align, best_cut in DECODER_GRID:
            tried.append((Settings(c, align, best_cut), score(train, out_of_fold, align, best_cut)))
    top = max(counts.f1 for _, counts in tried)
    tied = [entry for entry in tried if entry[1].f1 >= top - F1_TIE]
    return max(tied, key=lambda entry: entry[1].precision)


@dataclass(frozen=True)
class NestedResult:
    overall: AlignmentCounts
    by_pairing: dict[str, AlignmentCounts]
    chosen: list[Settings]


def nested_cv(all_examples: Sequence[Example], used: Sequence[int] | None = None) -> NestedResult:
    """Outer folds score what inner folds chose: no figure sees a pair that chose its settings."""
    by_pairing = {name: AlignmentCounts() for name in PAIRINGS}
    chosen = []
    for train_rows, test_rows in folds(len(all_examples), OUTER_FOLDS):
        train = [all_examples[i] for i in train_rows]
        settings, _ = select(train, used)
        chosen.append(settings)
        model = fit_model(train, settings.c, used)
        for i in test_rows:
            example = all_examples[i]
            counts = score([example], [probabilities(model, example)], settings.align_threshold,
                           settings.best_threshold)
            by_pairing[example.pair.pairing] += counts
    overall = sum(by_pairing.values(), AlignmentCounts())
    return NestedResult(overall, by_pairing, chosen)


def cross_validated(all_examples: Sequence[Example], settings: Settings) -> AlignmentCounts:
    """OUTER_FOLDS-fold CV of fixed settings: each pair scored by a model fitted without it.

    Quick (one fit a fold), for the quality gate; the settings themselves were
    chosen on all the pairs, so this is a little optimistic next to the nested figure.
    """
    total = AlignmentCounts()
    for train_rows, test_rows in folds(len(all_examples), OUTER_FOLDS):
        model = fit_model([all_examples[i] for i in train_rows], settings.c)
        for i in test_rows:
            total += score([all_examples[i]], [probabilities(model, all_examples[i])], settings.align_threshold,
                           settings.best_threshold)
    return total


@dataclass(frozen=True)
class LinkBand:
    """The groups decoded out of fold whose P(aligned) is in ``[low, high)``, by what the readers link."""

    low: float
    high: float
    groups: int
    #: groups holding a sure pair (a pair readers put side by side)
    holding_sure: int
    #: ... a sure or a possible pair
    holding_linked: int


def link_bands(all_examples: Sequence[Example], settings: Settings,
               cuts: Sequence[float] = (0.0, LIKELY_LINK, FIRM_LINK)) -> tuple[LinkBand, ...]:
    """How often the groups of each band of P(aligned) hold what readers link, each article pair's groups
    decoded from a model fitted without it (``OUTER_FOLDS`` folds): the reports' firm / likely / tentative."""
    scored: list[tuple[float, bool, bool]] = []
    for train_rows, test_rows in folds(len(all_examples), OUTER_FOLDS):
        model = fit_model([all_examples[i] for i in train_rows], settings.c)
        for i in test_rows:
            example = all_examples[i]
            probability = probabilities(model, example)
            for left, right in decode(probability, settings.align_threshold, settings.best_threshold, MAX_GROUP):
                cells = example.pair.gold_pairs([(left, right)])
                scored.append((float(probability[np.ix_(left, right)].mean()), bool(cells & example.pair.sure),
                               bool(cells & (example.pair.sure | example.pair.possible))))
    bands = []
    for low, high in zip(cuts, (*cuts[1:], 1.0 + 1e-9), strict=True):
        inside = [s for s in scored if low <= s[0] < high]
        bands.append(LinkBand(low, min(high, 1.0), len(inside), sum(s[1] for s in inside), sum(s[2] for s in inside)))
    return tuple(bands)


@dataclass(frozen=True)
class AlignmentEvaluation:
    """What ``factcompare eval`` prints for the BASIL gold."""

    pairs: int
    #: the whole fitting procedure in nested CV (None when not asked for: it takes minutes)
    nested: NestedResult | None
    #: the shipped settings (regularisation and cuts), cross-validated by article pair
    cross_validated: AlignmentCounts
    #: the shipped model and default options, through the real aligner, on the pairs it was fitted on
    in_sample: AlignmentCounts
    in_sample_by_pairing: dict[str, AlignmentCounts]
    #: the groups of each band of P(aligned) (tentative, likely, firm) out of fold, by what readers link
    link_bands: tuple[LinkBand, ...] = ()


def shipped_settings() -> Settings:
    """The regularisation and cuts of the shipped model (``alignment.json``)."""
    from ..alignment.model import alignment_record

    record_ = alignment_record()
    return Settings(record_["model"]["regularisation_c"], record_["decoder"]["align_threshold"],
                    record_["decoder"]["best_threshold"])


def evaluate_alignment(data_dir: Path, *, nested: bool = True) -> AlignmentEvaluation:
    """Nested CV of the whole fitting procedure (if ``nested``), CV of the shipped settings, and the
    shipped model's in-sample figure."""
    from ..alignment import StatementAligner
    from ..options import CompareOptions

    pairs = load_basil_gold(data_dir)
    all_examples = examples(pairs)
    nested_result = nested_cv(all_examples) if nested else None
    cv = cross_validated(all_examples, shipped_settings())
    by_pairing = {name: AlignmentCounts() for name in PAIRINGS}
    options = CompareOptions()
    for pair in pairs:
        groups = StatementAligner(pair.left_texts, pair.right_texts).align(options)
        by_pairing[pair.pairing] += count_pairs(pair, [(g.left, g.right) for g in groups])
    return AlignmentEvaluation(len(pairs), nested_result, cv, sum(by_pairing.values(), AlignmentCounts()),
                               by_pairing, link_bands(all_examples, shipped_settings()))


def configurations(used_runs: int = 1) -> int:
    """Model-and-decoder settings compared in one selection."""
    return used_runs * len(REGULARISATION_GRID) * len(DECODER_GRID)


def record(model: AlignmentModel, settings: Settings, cv: AlignmentCounts, nested: NestedResult,
           pairs: int) -> dict[str, Any]:
    def figures(counts: AlignmentCounts) -> dict[str, float]:
        return {"precision": round(counts.precision, 4), "recall": round(counts.recall, 4), "f1": round(counts.f1, 4)}

    return {
        "signals": list(SIGNAL_NAMES),
        "model": {"mean": model.mean.tolist(), "scale": model.scale.tolist(), "low": model.low.tolist(),
                  "high": model.high.tolist(), "weights": model.weights.tolist(), "intercept": model.intercept,
                  "regularisation_c": settings.c},
        "decoder": {"align_threshold": settings.align_threshold, "best_threshold": settings.best_threshold,
                    "max_group_sentences": MAX_GROUP},
        "figures": {"cv_10_fold_of_chosen_settings": figures(cv), "nested_cv": figures(nested.overall),
                    "nested_cv_by_pairing": {k: figures(v) for k, v in nested.by_pairing.items()}},
        "provenance": {
            "data": f"BASIL article-pair alignment gold, {pairs} pairs (alignment_gold/basil); every pair of "
                    "compared statements, sure positive, unaligned negative, possible left out",
            "selection": f"regularisation {list(REGULARISATION_GRID)} x {len(DECODER_GRID)} decoder cuts "
                         f"({configurations()} configurations) by {OUTER_FOLDS}-fold CV grouped by article pair",
            "command": "python -m compare.evaluation.fit_alignment --write",
        },
    }


def _line(name: str, counts: AlignmentCounts) -> str:
    return (f"  {name:<14} P {counts.precision:.3f}  R {counts.recall:.3f}  F1 {counts.f1:.3f}  "
            f"({counts.correct}/{counts.predicted} predicted pairs right, {counts.found}/{counts.sure} sure found)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--write", action="store_true", help="rewrite compare/alignment/alignment.json")
    parser.add_argument("--ablation", action="store_true", help="nested CV with each family of signals left out")
    args = parser.parse_args(argv)

    all_examples = examples(load_basil_gold(args.data_dir))
    nested = nested_cv(all_examples)
    print(f"nested CV ({OUTER_FOLDS} outer x {INNER_FOLDS} inner folds, grouped by article pair; "
          f"{configurations()} configurations per selection):")
    print(_line("overall", nested.overall))
    for name, counts in nested.by_pairing.items():
        print(_line(name, counts))
    print("  chosen per outer fold: " + ", ".join(f"C {s.c} cuts {s.align_threshold}/{s.best_threshold}"
                                                for s in nested.chosen))
    settings, cv = select(all_examples, inner=OUTER_FOLDS)
    print(f"settings chosen on all {len(all_examples)} pairs ({OUTER_FOLDS}-fold CV F1 {cv.f1:.3f}): "
          f"C {settings.c}, align_threshold {settings.align_threshold}, best_threshold {settings.best_threshold}")
    model = fit_model(all_examples, settings.c)
    if args.write:
        target = Path(__file__).resolve().parent.parent / "alignment" / "alignment.json"
        target.write_text(json.dumps(record(model, settings, cv, nested, len(all_examples)), indent=1) + "\n",
                          encoding="utf-8")
        print(f"wrote {target}")
    if args.ablation:
        print("ablation (nested CV F1 without each family; full model first):")
        print(f"  {'all signals':<55} {nested.overall.f1:.3f}  (P {nested.overall.precision:.3f}, "
              f"R {nested.overall.recall:.3f})")
        for family, names in SIGNAL_FAMILIES.items():
            used = [k for k, name in enumerate(SIGNAL_NAMES) if name not in names]
            result = nested_cv(all_examples, used).overall
            print(f"  {'without ' + family:<55} {result.f1:.3f}  (P {result.precision:.3f}, "
                  f"R {result.recall:.3f})  {result.f1 - nested.overall.f1:+.3f}", flush=True)


if __name__ == "__main__":
    main()
