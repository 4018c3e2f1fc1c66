"""``factcompare eval``: the held-out figures, as printed lines."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

from ..errors import FactcompareError
from .data import ECBPLUS_TEST_TOPICS, DataMissingError
from .ecbplus import STRICT_JACCARD, evaluate_ecbplus, one_to_one_recall_ceiling
from .mrpc import evaluate_mrpc


class EvaluationDataError(FactcompareError):
    """The evaluation data folder is absent or incomplete."""


def run_evaluation(data_dir: Path, *, workers: int = 1) -> Iterator[str]:
    """Evaluate on MRPC test and ECB+ test topics; yields report lines as results arrive."""
    try:
        started = time.perf_counter()
        mrpc = evaluate_mrpc(data_dir, "test")
        s = mrpc.scores
        total = s.true_positives + s.false_positives + s.false_negatives + s.true_negatives
        yield f"MRPC test ({total} pairs), same-statement decision: accuracy {s.accuracy:.1%}  F1 {s.f1:.1%}  " \
              f"(precision {s.precision:.1%}, recall {s.recall:.1%})  [{time.perf_counter() - started:.0f} s]"
        label = mrpc.label_scores
        yield f"  the report's label (that decision and no typed difference): accuracy {label.accuracy:.1%}  " \
              f"F1 {label.f1:.1%}  (MRPC calls pairs equivalent that differ in names, numbers or dates)"
        started = time.perf_counter()
        ecb = evaluate_ecbplus(data_dir, ECBPLUS_TEST_TOPICS, workers=workers)
    except DataMissingError as error:
        msg = f"evaluation data missing: {error}"
        raise EvaluationDataError(msg) from None
    yield f"ECB+ topics {ecb.topics} ({ecb.doc_pairs} document pairs, whole documents in)" \
          f"  [{time.perf_counter() - started:.0f} s]"
    for title, scores, strict in (("aligned pairs, loose gold (shared event)", ecb.loose, False),
                                  (f"aligned pairs, strict gold (chain Jaccard >= {STRICT_JACCARD})", ecb.strict, True),
                                  ("one-sided selected sentences", ecb.one_sided, None)):
        line = f"  {title}: precision {scores.precision:.1%}  recall {scores.recall:.1%}  F1 {scores.f1:.1%}"
        if strict is not None:
            ceiling = one_to_one_recall_ceiling(data_dir, ECBPLUS_TEST_TOPICS, strict=strict)
            line += f"  (one-to-one recall ceiling {ceiling:.1%})"
        yield line
    yield f"  predicted pairs outside the labelled universe (not judged): {ecb.unjudged_pairs}"
