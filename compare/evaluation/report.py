"""``factcompare eval``: the evaluation figures, as printed lines.

The BASIL alignment figures are cross-validated (nested) on the gold the model
is fitted on, plus the shipped model's in-sample figure, labelled so; the
MRPC, perturbation, iSTS and ECB+ figures are on held-out data, and the
perturbation test on MRPC train, where the fact rules are developed, is
printed beside it as the development figure.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

from ..errors import FactcompareError
from .basil import AlignmentCounts
from .data import ECBPLUS_TEST_TOPICS, DataMissingError
from .ecbplus import STRICT_JACCARD, evaluate_ecbplus, one_to_one_recall_ceiling
from .fit_alignment import OUTER_FOLDS, evaluate_alignment
from .ists import evaluate_ists
from .labels import evaluate_labels
from .mrpc import evaluate_mrpc
from .perturb import DEFAULT_SEED, equivalent_pairs, evaluate_perturbations


class EvaluationDataError(FactcompareError):
    """The evaluation data folder is absent or incomplete."""


SEEDS = Path(__file__).resolve().parents[2] / "seeds"  # the seed pair, in a source checkout


def _counts_line(name: str, counts: AlignmentCounts) -> str:
    return (f"  {name:<8} precision {counts.precision:.1%}  recall {counts.recall:.1%}  F1 {counts.f1:.1%}  "
            f"({counts.correct}/{counts.predicted} predicted pairs in sure+possible, {counts.found}/{counts.sure} "
            f"sure pairs found)")


def _alignment_lines(data_dir: Path) -> Iterator[str]:
    started = time.perf_counter()
    result = evaluate_alignment(data_dir)
    yield (f"BASIL alignment gold ({result.pairs} article pairs; precision vs sure+possible, recall vs sure, micro): "
           f"nested {OUTER_FOLDS}-fold CV by article pair, the model and its cuts refitted and re-chosen in each fold"
           f"  [{time.perf_counter() - started:.0f} s]")
    assert result.nested is not None
    yield _counts_line("overall", result.nested.overall)
    for name, counts in result.nested.by_pairing.items():
        yield _counts_line(name, counts)
    yield f"  the shipped settings, {OUTER_FOLDS}-fold CV by article pair (settings chosen on all pairs):"
    yield _counts_line("overall", result.cross_validated)
    yield "  the shipped model on the same pairs (IN-SAMPLE: fitted on them, not a test figure):"
    yield _counts_line("overall", result.in_sample)
    for name, counts in result.in_sample_by_pairing.items():
        yield _counts_line(name, counts)
    yield (f"  how sure a pairing is: the groups of each band of P(aligned), out of fold ({OUTER_FOLDS} folds), "
           "holding a pair readers link (sure; sure or possible):")
    for band, word in zip(result.link_bands, ("tentative", "likely", "firm"), strict=True):
        yield (f"    {word:<9} {band.low:.2f}-{band.high:.2f}: {band.groups} groups, "
               f"{band.holding_sure / max(band.groups, 1):.0%} sure, {band.holding_linked / max(band.groups, 1):.0%} "
               f"sure or possible")


def _seed_lines() -> Iterator[str]:
    """The seed pair's comparison in figures, when the seeds are there (a source checkout)."""
    paths = sorted(SEEDS.glob("*.txt"))
    if len(paths) != 2:
        return
    from ..articles.reader import read_source
    from ..core import compare_articles

    comparison = compare_articles(read_source(paths[0]), read_source(paths[1]))
    s = comparison.summary
    yield (f"Seed pair ({paths[0].stem} / {paths[1].stem}): {s.same} same and {s.differs} differing groups, "
           f"{s.left_only} / {s.right_only} one-sided statements, consistency {s.consistency:.0%}")


def _perturbation_lines(data_dir: Path, split: str, note: str) -> Iterator[str]:
    started = time.perf_counter()
    perturbed = evaluate_perturbations(equivalent_pairs(data_dir, split))
    yield f"Perturbation test, MRPC {split} pairs labelled equivalent{note} ({perturbed.pairs}; seed {DEFAULT_SEED})" \
          f"  [{time.perf_counter() - started:.0f} s]"
    for kind in perturbed.kinds:
        yield f"  {kind.kind:<11} {kind.eligible:>4} changed: reported {kind.report_rate:.1%}  " \
              f"detected (label differs) {kind.detection_rate:.1%}  false alarms {kind.false_alarm_rate:.1%}"
    yield f"  unchanged pairs with any conflict (label differs): {perturbed.any_conflict / perturbed.pairs:.1%}"


def run_evaluation(data_dir: Path, *, workers: int = 1) -> Iterator[str]:
    """Evaluate on the BASIL alignment gold, MRPC test and ECB+ test topics; yields report lines as results arrive."""
    try:
        yield from _alignment_lines(data_dir)
        yield from _seed_lines()
        started = time.perf_counter()
        mrpc = evaluate_mrpc(data_dir, "test")
        s = mrpc.scores
        total = s.true_positives + s.false_positives + s.false_negatives + s.true_negatives
        yield f"MRPC test ({total} pairs), same-statement decision: accuracy {s.accuracy:.1%}  F1 {s.f1:.1%}  " \
              f"(precision {s.precision:.1%}, recall {s.recall:.1%})  [{time.perf_counter() - started:.0f} s]"
        label = mrpc.label_scores
        yield f"  the report's label (that decision and no conflict): accuracy {label.accuracy:.1%}  " \
              f"F1 {label.f1:.1%}  (MRPC calls pairs equivalent that give different figures or speakers)"
        yield from _perturbation_lines(data_dir, "test", "")
        yield from _perturbation_lines(data_dir, "train", " (development: fact rules are read off its misses)")
        started = time.perf_counter()
        labels = evaluate_labels(data_dir)
        yield f"BASIL alignment gold ({labels.pairs} article pairs): labels against readers, grouped by article pair" \
              f"  [{time.perf_counter() - started:.0f} s]"
        for title, figures in ((f"sure pairs ({labels.sure.groups}), nested cross-validation", labels.sure),
                               (f"found groups ({labels.found.groups}): the aligner's groups holding a sure pair",
                                labels.found)):
            yield f"  {title}: label agreement {figures.agreement:.1%} (always `same` {figures.always_same:.1%}); " \
                  f"conflicts on gold-same {figures.conflict_rate_on_gold_same:.1%} " \
                  f"({figures.conflicts_on_gold_same}/{figures.gold_same})"
        for title, conflicts in (("shipped settings", labels.conflicts),
                                 ("nested: each pair's paraphrase threshold chosen on the others",
                                  labels.nested_conflicts)):
            yield f"  groups with a conflict, of all the aligner finds, {title} ({conflicts.groups}): on a pair " \
                  f"readers label `differs` {conflicts.on_gold_differs} ({conflicts.differs_share:.1%}; marked a " \
                  f"conflict by them {conflicts.on_gold_conflict}), `same` {conflicts.on_gold_same}, on no sure " \
                  f"pair {conflicts.on_no_sure_pair}"
        yield f"  negations against a paraphrase only from P(aligned) {labels.chosen_paraphrase_threshold:g} " \
              f"(chosen on all {labels.pairs} pairs; nested choices {sorted(set(labels.paraphrase_thresholds))})"
        yield f"  label rule: `differs` on a conflict or a score below {labels.chosen_threshold:g} " \
              f"(chosen on all {labels.pairs} pairs; nested choices {sorted(set(labels.sure.thresholds))})"
        ists = evaluate_ists(data_dir, "test")
        yield f"iSTS 2016 headlines test ({ists.pairs} pairs): gold chunks found by the differences"
        for chunks in ists.types:
            yield f"  {chunks.kind:<9} recall {chunks.recall:.1%} ({chunks.found}/{chunks.gold})  " \
                  f"precision {chunks.precision:.1%} ({chunks.correct}/{chunks.predicted})"
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
