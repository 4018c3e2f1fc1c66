"""Labels against readers: the ``same`` / ``differs`` label and the conflicts, on the BASIL alignment gold.

The gold (``alignment_gold/basil/``, 30 real article pairs) lists the sentence
pairs a reader puts side by side (*sure* pairs), each labelled ``same`` (the
shared claim stated compatibly, wording aside) or ``differs`` (a material
detail or a conflict). Two measurements, both grouped by article pair:

- **sure pairs**: every gold sure pair scored as a group of one sentence a
  side (its context: the sentence before, in the same paragraph), whatever
  any aligner finds. The label rule's one setting, the score below which a
  group is ``differs`` even without a conflict, is chosen by nested
  cross-validation (inner: leave one article pair out over the other 29;
  outer: each pair held out once), so the figure is not tuned on the pair it
  is measured on.
- **found groups**: the aligned groups that the aligner in the tree finds
  and that hold a gold sure pair, labelled by the shipped rule; a group's gold
  label is ``same`` when one of the sure pairs it holds is. This figure moves
  with the aligner and reruns on whatever is in the tree.

Each figure stands beside always answering ``same`` on the same pairs, and
beside the share of gold-``same`` pairs that carry a conflict.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..core import compare_articles
from ..facts import group_differences
from ..models import Difference
from ..options import PARAPHRASE_SAME_THRESHOLD, CompareOptions
from ..similarity.scoring import score_sentence_pair
from .basil import GoldPair, load_basil_gold

#: the scores tried as the label rule's threshold ("differs below it"); 0 is "conflicts alone decide"
LABEL_THRESHOLDS = (0.0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5)


@dataclass(frozen=True)
class LabelledGroup:
    """One measured group: its article pair, the gold label, the group's score and differences."""

    pair: int
    gold: str
    score: float
    differences: tuple[Difference, ...]

    @property
    def conflict(self) -> bool:
        return any(d.conflict for d in self.differences)


def label(score: float, differences: Sequence[Difference], threshold: float) -> str:
    """The label rule: ``differs`` on a conflict, or below ``threshold``; ``same`` otherwise."""
    return "differs" if score < threshold or any(d.conflict for d in differences) else "same"


def sure_pair_groups(pairs: Sequence[GoldPair]) -> list[LabelledGroup]:
    """Every gold sure pair as a group of one sentence a side, compared as the tool compares a group it links
    firmly (the readers link it): the paraphrase rule of negations where its P(same) reaches the floor."""
    groups = []
    for index, pair in enumerate(pairs):
        for sure in pair.sure_labels:
            left, right = pair.gold_left.texts[sure.a], pair.gold_right.texts[sure.b]
            score = score_sentence_pair(left, right)
            differences = group_differences([(sure.a, left)], [(sure.b, right)], pair.gold_left.context(sure.a),
                                            pair.gold_right.context(sure.b),
                                            paraphrase=score >= PARAPHRASE_SAME_THRESHOLD)
            groups.append(LabelledGroup(index, sure.label, score, differences))
    return groups


@dataclass(frozen=True)
class ConflictFigures:
    """The aligned groups with a conflict, over every group the aligner finds, by what the gold says of them:
    what a reader of the "Top conflicts" list sees."""

    groups: int
    #: groups holding a sure pair the gold marks as a conflict (both cannot be true)
    on_gold_conflict: int
    #: ... holding a sure pair labelled `differs` (a conflict or a material detail), conflicts included
    on_gold_differs: int
    #: ... whose sure pairs are all labelled `same`
    on_gold_same: int
    #: ... holding no sure pair (a possible pair, or two statements the readers do not put side by side)
    on_no_sure_pair: int

    @property
    def differs_share(self) -> float:
        """The share of conflicts on groups the readers label `differs`."""
        return self.on_gold_differs / self.groups if self.groups else 0.0


#: the P(aligned) cuts tried for the paraphrase rule of negations (PARAPHRASE_ALIGN_THRESHOLD in options.py)
PARAPHRASE_ALIGN_THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(17))


@dataclass(frozen=True)
class FoundGroup:
    """One group the aligner finds, with its differences under the paraphrase rule and without it."""

    pair: int
    #: the group's gold label (`same` when one of its sure pairs is), None when it holds no sure pair
    gold: str | None
    #: one of its sure pairs is marked a conflict by the readers
    gold_conflict: bool
    score: float
    align_score: float
    #: the differences when a negation may conflict with a paraphrase of its clause, and when it may not
    with_paraphrase: tuple[Difference, ...]
    without_paraphrase: tuple[Difference, ...]

    def differences(self, paraphrase_threshold: float) -> tuple[Difference, ...]:
        """Its differences as a comparison with this paraphrase threshold gives them."""
        return self.with_paraphrase if self.align_score >= paraphrase_threshold else self.without_paraphrase


def found_groups(pairs: Sequence[GoldPair], options: CompareOptions | None = None) -> list[FoundGroup]:
    """Every aligned group the aligner in the tree finds, by what the gold says of it.

    Each pair is compared twice, with the paraphrase rule for every group and for none (the groups are
    the same: the rule changes differences, not alignments), so that any threshold can be measured."""
    options = options or CompareOptions()
    found = []
    for index, pair in enumerate(pairs):
        runs = [compare_articles(pair.left, pair.right, replace(options, paraphrase_align_threshold=cut))
                for cut in (0.0, 1.0)]
        sure = {(s.a, s.b): s for s in pair.sure_labels}
        positions = [{sid: k for k, sid in enumerate(article.statement_ids)} for article in (pair.left, pair.right)]
        for alignment, closed in zip(runs[0].alignments, runs[1].alignments, strict=True):
            ids = [{g for i in alignment.left for g in pair.left_gold[positions[0][i]]},
                   {g for i in alignment.right for g in pair.right_gold[positions[1][i]]}]
            held = [sure[a, b] for a in sorted(ids[0]) for b in sorted(ids[1]) if (a, b) in sure]
            gold = ("same" if any(s.label == "same" for s in held) else "differs") if held else None
            found.append(FoundGroup(index, gold, any(s.conflict for s in held), alignment.score,
                                    alignment.align_score or 0.0, alignment.differences, closed.differences))
    return found


def conflict_figures(groups: Sequence[FoundGroup], paraphrase_thresholds: Sequence[float]) -> ConflictFigures:
    """The groups with a conflict, each article pair's groups under its own threshold
    (``paraphrase_thresholds[pair]``), by what the gold says of them."""
    tally = {"groups": 0, "on_gold_conflict": 0, "on_gold_differs": 0, "on_gold_same": 0, "on_no_sure_pair": 0}
    for group in groups:
        if any(d.conflict for d in group.differences(paraphrase_thresholds[group.pair])):
            tally["groups"] += 1
            tally["on_gold_conflict"] += group.gold_conflict
            tally["on_gold_differs" if group.gold == "differs" else
                  "on_gold_same" if group.gold else "on_no_sure_pair"] += 1
    return ConflictFigures(**tally)


def choose_paraphrase_threshold(groups: Sequence[FoundGroup],
                                thresholds: Sequence[float] = PARAPHRASE_ALIGN_THRESHOLDS) -> float:
    """The threshold whose conflicts land most often on groups readers label ``differs`` and least often
    elsewhere (conflicts on ``differs`` minus the others), the lowest among ties: the paraphrase rule
    is what the perturbation test's reworded negations need."""
    pairs = max((g.pair for g in groups), default=-1) + 1

    def gain(threshold: float) -> int:
        figures = conflict_figures(groups, [threshold] * pairs)
        return 2 * figures.on_gold_differs - figures.groups

    return max(thresholds, key=lambda t: (gain(t), -t))


def _nested_paraphrase_thresholds(groups: Sequence[FoundGroup], pairs: int) -> tuple[float, ...]:
    """For each article pair, the threshold chosen on the other pairs."""
    return tuple(choose_paraphrase_threshold([g for g in groups if g.pair != held]) for held in range(pairs))


def _agreement(groups: Sequence[LabelledGroup], threshold: float) -> float:
    return sum(label(g.score, g.differences, threshold) == g.gold for g in groups) / len(groups) if groups else 0.0


def choose_threshold(groups: Sequence[LabelledGroup], thresholds: Sequence[float] = LABEL_THRESHOLDS) -> float:
    """The threshold with the best leave-one-article-pair-out agreement (the lowest among ties)."""
    pairs = sorted({g.pair for g in groups})

    def cross_validated(threshold: float) -> float:
        return sum(_agreement([g for g in groups if g.pair == held], threshold) * sum(g.pair == held for g in groups)
                   for held in pairs) / len(groups)

    return max(thresholds, key=lambda t: (round(cross_validated(t), 9), -t))


@dataclass(frozen=True)
class LabelFigures:
    """Agreement with the gold labels and conflicts on gold-``same`` pairs, over some groups."""

    groups: int
    agreement: float
    always_same: float
    gold_same: int
    conflicts_on_gold_same: int
    #: the threshold each held-out pair was labelled with (nested choice), or the shipped one
    thresholds: tuple[float, ...]

    @property
    def conflict_rate_on_gold_same(self) -> float:
        return self.conflicts_on_gold_same / self.gold_same if self.gold_same else 0.0


@dataclass(frozen=True)
class LabelResult:
    pairs: int
    sure: LabelFigures
    found: LabelFigures
    #: the threshold chosen on all 30 pairs (what the shipped default should be)
    chosen_threshold: float
    #: the groups with a conflict among all the aligner finds, by what the gold says of them (shipped settings)
    conflicts: ConflictFigures
    #: ... each article pair with the paraphrase threshold chosen on the other 29 (nested)
    nested_conflicts: ConflictFigures
    #: the paraphrase threshold chosen on all 30 pairs, and the one chosen for each held-out pair
    chosen_paraphrase_threshold: float
    paraphrase_thresholds: tuple[float, ...]


def _figures(groups: Sequence[LabelledGroup], predicted: Sequence[str], thresholds: tuple[float, ...]
             ) -> LabelFigures:
    same = [g for g in groups if g.gold == "same"]
    return LabelFigures(
        groups=len(groups),
        agreement=sum(p == g.gold for p, g in zip(predicted, groups, strict=True)) / len(groups) if groups else 0.0,
        always_same=len(same) / len(groups) if groups else 0.0,
        gold_same=len(same),
        conflicts_on_gold_same=sum(g.conflict for g in same),
        thresholds=thresholds,
    )


def evaluate_labels(data_dir: Path, options: CompareOptions | None = None) -> LabelResult:
    """Label agreement on the gold sure pairs (nested, grouped cross-validation) and on the found groups."""
    pairs = load_basil_gold(data_dir)
    sure = sure_pair_groups(pairs)
    predicted: list[str] = [""] * len(sure)
    chosen = []
    for held in range(len(pairs)):
        threshold = choose_threshold([g for g in sure if g.pair != held])
        chosen.append(threshold)
        for i, group in enumerate(sure):
            if group.pair == held:
                predicted[i] = label(group.score, group.differences, threshold)
    options = options or CompareOptions()
    groups = found_groups(pairs, options)
    shipped = options.paraphrase_align_threshold
    found = [(g, g.differences(shipped)) for g in groups if g.gold is not None]
    nested = _nested_paraphrase_thresholds(groups, len(pairs))
    return LabelResult(
        pairs=len(pairs),
        sure=_figures(sure, predicted, tuple(chosen)),
        found=_figures([LabelledGroup(g.pair, g.gold or "", g.score, d) for g, d in found],
                       [label(g.score, d, options.label_threshold) for g, d in found], (options.label_threshold,)),
        chosen_threshold=choose_threshold(sure),
        conflicts=conflict_figures(groups, [shipped] * len(pairs)),
        nested_conflicts=conflict_figures(groups, nested),
        chosen_paraphrase_threshold=choose_paraphrase_threshold(groups),
        paraphrase_thresholds=nested,
    )
