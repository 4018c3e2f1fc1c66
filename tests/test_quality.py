"""Quality gate: held-out accuracy must stay at or above the floors pinned in quality_baseline.json.

Runs when the shared evaluation data is present (FACTCOMPARE_DATA or ../shared/data) and skips
otherwise. Raising a floor is a deliberate edit of the baseline file; lowering one needs a
reason in the commit message.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compare.evaluation.data import ECBPLUS_TEST_TOPICS
from compare.evaluation.ecbplus import evaluate_ecbplus
from compare.evaluation.mrpc import evaluate_mrpc

BASELINE = json.loads((Path(__file__).parent / "quality_baseline.json").read_text(encoding="utf-8"))
TOLERANCE = BASELINE["tolerance"]

pytestmark = pytest.mark.quality


def _at_least(measured: float, floor: str) -> None:
    assert measured >= BASELINE[floor] - TOLERANCE, f"{floor}: {measured:.4f} < floor {BASELINE[floor]}"


def test_mrpc_test_accuracy_and_f1(data_dir: Path) -> None:
    scores = evaluate_mrpc(data_dir, "test").scores
    _at_least(scores.accuracy, "mrpc_test_accuracy")
    _at_least(scores.f1, "mrpc_test_f1")


def test_ecbplus_test_alignment(data_dir: Path) -> None:
    result = evaluate_ecbplus(data_dir, ECBPLUS_TEST_TOPICS, workers=2)
    _at_least(result.strict.precision, "ecbplus_test_strict_precision")
    _at_least(result.strict.f1, "ecbplus_test_strict_f1")
    _at_least(result.loose.f1, "ecbplus_test_loose_f1")
