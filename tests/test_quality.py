"""Quality gate: held-out accuracy must stay at or above the floors pinned in quality_baseline.json.

Runs when the shared evaluation data is present (FACTCOMPARE_DATA or ../shared/data) and skips
otherwise. Raising a floor is a deliberate edit of the baseline file; lowering one needs a
reason in the commit message.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compare.alignment.model import alignment_record
from compare.evaluation.data import ECBPLUS_TEST_TOPICS
from compare.evaluation.ecbplus import evaluate_ecbplus
from compare.evaluation.fit_alignment import evaluate_alignment
from compare.evaluation.ists import evaluate_ists
from compare.evaluation.labels import evaluate_labels
from compare.evaluation.mrpc import evaluate_mrpc
from compare.evaluation.perturb import equivalent_pairs, evaluate_perturbations

BASELINE = json.loads((Path(__file__).parent / "quality_baseline.json").read_text(encoding="utf-8"))
TOLERANCE = BASELINE["tolerance"]

pytestmark = pytest.mark.quality


def _at_least(measured: float, floor: str) -> None:
    assert measured >= BASELINE[floor] - TOLERANCE, f"{floor}: {measured:.4f} < floor {BASELINE[floor]}"


def test_basil_alignment_cross_validated_and_in_sample(data_dir: Path) -> None:
    # The nested CV takes minutes (factcompare eval prints it); the gate reruns the quick 10-fold CV of the
    # shipped settings and the in-sample figure, and holds the nested figure the shipped record was fitted with.
    result = evaluate_alignment(data_dir, nested=False)
    assert result.pairs == 30
    _at_least(result.cross_validated.f1, "basil_cv_f1")
    _at_least(result.cross_validated.precision, "basil_cv_precision")
    _at_least(result.in_sample.f1, "basil_in_sample_f1")
    # The reports' firm / likely / tentative links: out of fold, a firmer band holds more of what readers link.
    tentative, likely, firm = (band.holding_sure / band.groups for band in result.link_bands)
    assert tentative < likely < firm, result.link_bands
    _at_least(firm, "basil_firm_link_sure_share")
    nested = alignment_record()["figures"]["nested_cv"]
    _at_least(nested["f1"], "basil_nested_cv_f1")
    _at_least(nested["precision"], "basil_nested_cv_precision")
    _at_least(nested["recall"], "basil_nested_cv_recall")


def test_mrpc_test_accuracy_and_f1(data_dir: Path) -> None:
    scores = evaluate_mrpc(data_dir, "test").scores
    _at_least(scores.accuracy, "mrpc_test_accuracy")
    _at_least(scores.f1, "mrpc_test_f1")


def test_ecbplus_test_alignment(data_dir: Path) -> None:
    result = evaluate_ecbplus(data_dir, ECBPLUS_TEST_TOPICS, workers=2)
    _at_least(result.strict.precision, "ecbplus_test_strict_precision")
    _at_least(result.strict.f1, "ecbplus_test_strict_f1")
    _at_least(result.loose.f1, "ecbplus_test_loose_f1")


def test_mrpc_test_label_accuracy(data_dir: Path) -> None:
    _at_least(evaluate_mrpc(data_dir, "test").label_scores.accuracy, "mrpc_test_label_accuracy")


def test_perturbations_on_mrpc_test(data_dir: Path) -> None:
    result = evaluate_perturbations(equivalent_pairs(data_dir))
    assert result.pairs == 1147, "the MRPC test equivalents, not the shipped sample"
    by_kind = {k.kind: k for k in result.kinds}
    for kind, floor in BASELINE["perturbation_detection"].items():
        assert by_kind[kind].detection_rate >= floor - TOLERANCE, (kind, by_kind[kind], floor)
    for kind, floor in BASELINE["perturbation_report"].items():
        assert by_kind[kind].report_rate >= floor - TOLERANCE, (kind, by_kind[kind], floor)
    for kind, ceiling in BASELINE["perturbation_false_alarm_ceiling"].items():
        assert by_kind[kind].false_alarm_rate <= ceiling + TOLERANCE, (kind, by_kind[kind], ceiling)
    assert result.any_conflict / result.pairs <= BASELINE["perturbation_any_conflict_ceiling"] + TOLERANCE


def test_perturbations_on_mrpc_train(data_dir: Path) -> None:
    """The development figure: the fact rules are read off these pairs' misses, so it must not slip either."""
    result = evaluate_perturbations(equivalent_pairs(data_dir, "train"))
    assert result.pairs == 2753, "the MRPC train equivalents"
    by_kind = {k.kind: k for k in result.kinds}
    for kind, floor in BASELINE["perturbation_train_detection"].items():
        assert by_kind[kind].detection_rate >= floor - TOLERANCE, (kind, by_kind[kind], floor)
    for kind, ceiling in BASELINE["perturbation_train_false_alarm_ceiling"].items():
        assert by_kind[kind].false_alarm_rate <= ceiling + TOLERANCE, (kind, by_kind[kind], ceiling)


def test_ists_headlines_test(data_dir: Path) -> None:
    result = {t.kind: t for t in evaluate_ists(data_dir, "test").types}
    for kind, floor in BASELINE["ists_test_recall"].items():
        assert result[kind].recall >= floor - TOLERANCE, (kind, result[kind], floor)
    for kind, floor in BASELINE["ists_test_precision"].items():
        assert result[kind].precision >= floor - TOLERANCE, (kind, result[kind], floor)


def test_labels_against_the_basil_gold(data_dir: Path) -> None:
    result = evaluate_labels(data_dir)
    assert result.pairs == 30
    # sure pairs, whatever the aligner finds: nested, grouped cross-validation
    _at_least(result.sure.agreement, "basil_sure_label_agreement")
    assert result.sure.agreement > result.sure.always_same
    assert result.sure.conflict_rate_on_gold_same <= BASELINE["basil_sure_conflicts_on_gold_same_ceiling"] + TOLERANCE
    # the groups the aligner in the tree finds (issue 11 replaces it): relative to always-same, not pinned
    assert result.found.agreement >= result.found.always_same, result.found
    _at_least(result.found.agreement, "basil_found_label_agreement")
    assert result.found.conflict_rate_on_gold_same <= BASELINE["basil_found_conflicts_on_gold_same_ceiling"] + TOLERANCE
    # every group with a conflict (what "Top conflicts" lists): how many sit on pairs readers label `differs`,
    # and how many on statements they do not put side by side at all; nested (the paraphrase threshold of
    # negations is chosen on these pairs), and the shipped settings no worse than the nested figure
    _at_least(result.nested_conflicts.differs_share, "basil_conflicts_on_gold_differs_share")
    assert result.nested_conflicts.on_no_sure_pair <= BASELINE["basil_conflicts_on_no_sure_pair_ceiling"], result
    assert result.conflicts.on_no_sure_pair <= result.nested_conflicts.on_no_sure_pair, result
