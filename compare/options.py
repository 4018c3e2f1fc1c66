"""Comparison options and their calibrated defaults.

Every default is a named constant that says what it was calibrated on. The
CLI's option defaults point at these same constants.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

# The same-statement model's decision boundary: P(same statement) from which two
# sentences read alone are the same statement (MRPC accuracy is measured at it).
# The score is a logistic model fitted on MRPC train, so 0.5 is its decision
# boundary; a grid search on MRPC train (5-fold) found no better cut. The
# report's label does not use it: see LABEL_THRESHOLD.
SAME_THRESHOLD = 0.5

# An aligned group is `same` unless its sides conflict or its score is below this. Chosen among
# 0-0.5 by leave-one-article-pair-out agreement with the labels of the 30 BASIL gold pairs' sure
# pairs (nested for the figure; `compare.evaluation.labels`): 0, conflicts alone decide. Counterparts
# that outlets tell in other words score low on a paraphrase model (median P(same) of a gold sure
# pair: 0.03) and are `same` to readers as often as not; any higher cut labelled more of them wrong.
LABEL_THRESHOLD = 0.0

# P(aligned) (the alignment model of compare/alignment/, fitted on the BASIL
# article-pair gold) at or above which two statements are linked. Chosen with
# BEST_THRESHOLD (3 regularisation strengths x 77 pairs of cuts from 0.1-0.6)
# by 10-fold cross-validated F1 over the 30 gold pairs, grouped by pair, the
# most precise of the settings within 0.005 of the best F1 (F1 0.648,
# precision 0.75); `python -m compare.evaluation.fit_alignment --write` writes
# the same values into compare/alignment/alignment.json. The nested
# cross-validation that reports the model's figure chooses them again inside
# each fold (0.25-0.55 and 0.25-0.3 in the ten folds).
ALIGN_THRESHOLD = 0.35

# ... and from this lower P(aligned) when the pair is also the best of its row
# or column (each statement's most likely counterpart), chosen with it.
BEST_THRESHOLD = 0.25

# P(aligned) of a group from which a negation on one side conflicts with the other side's
# telling the rest of its clause with the predicate in other words ("Dynes will not earn
# $395,000" / "Dynes will get $395,000"); below it, only with the other side stating the
# very predicate ("did not withdraw" / "withdrew"). Sharing a sentence's words is evidence
# of a paraphrase only between statements a reader would put side by side; weakly linked
# groups share the actors and make another claim. On the 30 BASIL gold pairs the rule makes
# 6 of the aligner's groups conflict: 2 on pairs readers label `differs`, 1 `same`, 3 on no
# sure pair. Chosen among 0-0.8 by the conflicts it leaves (on `differs` minus the others),
# the lowest among ties (`compare.evaluation.labels.choose_paraphrase_threshold`): 0.7 drops
# the five at P(aligned) 0.30-0.66 (one `differs`, one `same`, three on no sure pair) and keeps
# the one at 0.95; chosen again for each pair held out, 0.5 or 0.7. The perturbation
# test's sentence pairs keep the rule (no aligner).
PARAPHRASE_ALIGN_THRESHOLD = 0.7

# ... and the group's P(same statement) from which it does: a paraphrase is what the paraphrase
# model scores as one, at least a little. On 210 BASIL pairs outside the gold, the 17 negation
# conflicts of the rule in groups linked above 0.7 were all false by reading, 7 of them below 0.05
# ("Trump met with Democratic and Republican leaders" / "Trump did not mention them during remarks
# before his meeting with the Democratic and Republican leaders", 0.02). Chosen on MRPC train: the
# lowest P(same) of a planted negation (the perturbation test's change) that only the rule catches
# is 0.112 (340 such of 1,482); half of it, for a margin (on MRPC test the lowest is 0.080, none lost).
PARAPHRASE_SAME_THRESHOLD = 0.05

# How sure a pairing is, in a word, from its group's P(aligned) (``Alignment.align_score``): a *firm*
# link from FIRM_LINK, *likely* from LIKELY_LINK, *tentative* below (the reports say so, and ask the
# reader to check a tentative one). Read off the BASIL alignment gold out of fold (each article
# pair's groups decoded from a model fitted without it, 10 folds; `factcompare eval` prints the
# bands, `compare.evaluation.fit_alignment.link_bands`): of 101 groups from 0.8, 91% hold a pair
# readers put side by side (96% with their weaker, possible links); of 84 from 0.5, 64% (74%); of 79
# below 0.5, 42% (63%). Not options: they change what a report says of a group, never the comparison.
FIRM_LINK = 0.8
LIKELY_LINK = 0.5

# A group holds at most this many sentences per side: news outlets split one
# sentence in two or three, not more.
MAX_GROUP_SENTENCES = 3

# Statements per article beyond which we refuse to compare (the cost grows
# with left x right). A long feature story has about 300.
MAX_STATEMENTS = 20_000


@dataclass(frozen=True)
class CompareOptions:
    """Everything that affects a comparison's result (input handling aside)."""

    align_threshold: float = ALIGN_THRESHOLD
    best_threshold: float = BEST_THRESHOLD
    label_threshold: float = LABEL_THRESHOLD
    paraphrase_align_threshold: float = PARAPHRASE_ALIGN_THRESHOLD
    paraphrase_same_threshold: float = PARAPHRASE_SAME_THRESHOLD
    max_group_sentences: int = MAX_GROUP_SENTENCES
    max_statements: int = MAX_STATEMENTS

    def __post_init__(self) -> None:
        for name in ("align_threshold", "best_threshold", "label_threshold", "paraphrase_align_threshold",
                     "paraphrase_same_threshold"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                msg = f"{name} must be between 0 and 1, not {value}"
                raise ValueError(msg)
        if self.max_group_sentences < 1 or self.max_statements < 1:
            msg = "max_group_sentences and max_statements must be positive"
            raise ValueError(msg)

    def as_settings(self) -> dict[str, float | int]:
        return asdict(self)
