"""Comparison options and their calibrated defaults.

Every default is a named constant that says what it was calibrated on. The
CLI's option defaults point at these same constants.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

# P(same statement) at or above which an aligned group is labelled `same`.
# The score is a logistic model fitted on MRPC train, so 0.5 is its decision
# boundary; a grid search on MRPC train (5-fold) found no better cut.
SAME_THRESHOLD = 0.5

# An aligned group is `same` unless its sides conflict or its score is below this. Chosen among
# 0-0.5 by leave-one-article-pair-out agreement with the labels of the 30 BASIL gold pairs' sure
# pairs (nested for the figure; `compare.evaluation.labels`): 0, conflicts alone decide. Counterparts
# that outlets tell in other words score low on a paraphrase model (median P(same) of a gold sure
# pair: 0.03) and are `same` to readers as often as not; any higher cut labelled more of them wrong.
LABEL_THRESHOLD = 0.0

# P(same statement) at or above which two statements are aligned (the same
# event or claim, perhaps told with other details). It is the score that best
# separates STS-B pairs rated "roughly equivalent" or better (>= 3 of 5) from
# the rest: best F1 on STS-B train+dev, news genre without the MRPC-derived
# MSRpar pairs. `python -m compare.evaluation.calibrate` prints it.
ALIGN_THRESHOLD = 0.44

# Two free statements that are each other's best match align from this lower
# score: the STS-B level "not equivalent, but on the same topic" (>= 1 of 5),
# calibrated the same way. It is also the best of 0.03-0.2 on ECB+ topics 1-35
# (strict F1 0.469, against 0.198 with no mutual-best pass).
MUTUAL_THRESHOLD = 0.03

# ... provided they share at least this many content words or near-synonym
# classes: one shared word ("concern") is chance. On ECB+ topics 1-35 strict F1
# is flat from 1 to 3 (0.471, 0.471, 0.469) while precision rises (0.879 to
# 0.887); we take 3, since a false alignment shows a reader differences that
# do not exist.
MUTUAL_MIN_SHARED = 3

# A neighbouring sentence may join a group only if, on its own, it scores at
# least this with the group's other side. Chosen with GROUP_GAIN on ECB+
# topics 1-35 from 0.05-0.2 x 0-0.05: strict F1 is flat (0.464-0.469) and
# best at the lowest bar; see `python -m compare.evaluation.calibrate --thresholds`.
RELATED_THRESHOLD = 0.05

# A sentence joins a neighbour's group (a split sentence, or a sentence that
# depends on the one before) when the group's score with it beats the score
# without it by at least this margin. Calibrated with RELATED_THRESHOLD: 0.0
# and 0.02 tie (strict F1 0.469 both); 0.02 keeps a margin against noise.
GROUP_GAIN = 0.02

# A group holds at most this many sentences per side: news outlets split one
# sentence in two or three, not more.
MAX_GROUP_SENTENCES = 3

# How far (in sentences, within one paragraph) a sentence may sit from the
# group it joins.
GROUP_WINDOW = 2

# Statements per article beyond which we refuse to compare (the cost grows
# with left x right). A long feature story has about 300.
MAX_STATEMENTS = 20_000


@dataclass(frozen=True)
class CompareOptions:
    """Everything that affects a comparison's result (input handling aside)."""

    align_threshold: float = ALIGN_THRESHOLD
    mutual_threshold: float = MUTUAL_THRESHOLD
    mutual_min_shared: int = MUTUAL_MIN_SHARED
    related_threshold: float = RELATED_THRESHOLD
    same_threshold: float = SAME_THRESHOLD
    label_threshold: float = LABEL_THRESHOLD
    group_gain: float = GROUP_GAIN
    max_group_sentences: int = MAX_GROUP_SENTENCES
    group_window: int = GROUP_WINDOW
    max_statements: int = MAX_STATEMENTS

    def __post_init__(self) -> None:
        for name in ("align_threshold", "mutual_threshold", "related_threshold", "same_threshold", "label_threshold"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                msg = f"{name} must be between 0 and 1, not {value}"
                raise ValueError(msg)
        if self.max_group_sentences < 1 or self.group_window < 0 or self.max_statements < 1:
            msg = "max_group_sentences and max_statements must be positive, group_window not negative"
            raise ValueError(msg)

    def as_settings(self) -> dict[str, float | int]:
        return asdict(self)
