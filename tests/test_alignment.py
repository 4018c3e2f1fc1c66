"""The alignment model's parts: signals, the decoder, the shipped model, and their contract with the fit."""

from __future__ import annotations

import json

import numpy as np
import pytest

import compare.alignment.signals as signals
from compare import CompareOptions, compare_articles
from compare.alignment import StatementAligner
from compare.alignment.decode import JOIN_WINDOW, decode, links
from compare.alignment.model import alignment_record, shipped_model
from compare.alignment.signals import CONTEXT_SIGNALS, PAIR_SIGNALS, SIGNAL_NAMES, PairSignals
from compare.options import ALIGN_THRESHOLD, BEST_THRESHOLD, MAX_GROUP_SENTENCES
from compare.serialize import from_dict, to_dict

LEFT = [
    "Police said 25 people were killed in the blast in Lyon on Sunday.",
    "The mayor called it \"a cowardly attack on our city\" and cancelled the festival.",
    "Investigators found the remains of a timer near the station.",
    "The festival had drawn 40,000 visitors last year.",
]
RIGHT = [
    "A timer was found near the station, investigators said.",
    "The blast in Lyon killed 25 people, according to police.",
    "\"A cowardly attack on our city,\" the mayor said.",
]


def _signal(matrix: np.ndarray, name: str) -> np.ndarray:
    return matrix[SIGNAL_NAMES.index(name)]


@pytest.fixture(scope="module")
def matrix() -> np.ndarray:
    return PairSignals(LEFT, RIGHT).matrix()


def test_every_signal_is_symmetric(matrix: np.ndarray) -> None:
    swapped = PairSignals(RIGHT, LEFT).matrix()
    np.testing.assert_allclose(swapped, matrix.transpose(0, 2, 1), atol=1e-5)


def test_shared_number_name_and_quote_signals(matrix: np.ndarray) -> None:
    numbers, quoted = _signal(matrix, "shared_numbers"), _signal(matrix, "shared_quoted")
    assert numbers[0, 1] == pytest.approx(np.log1p(1))  # 25 on both sides
    assert numbers[0, 0] == 0
    assert quoted[1, 2] == pytest.approx(np.log1p(3))  # the quoted content words: cowardly, attack, city
    assert quoted[0, 1] == 0
    assert _signal(matrix, "shared_names")[0, 1] > 0  # Lyon after the first word


def test_context_signals(matrix: np.ndarray) -> None:
    gap = _signal(matrix, "position_gap")
    assert gap[0, 0] == pytest.approx(abs(0.5 / 4 - 0.5 / 3))
    assert _signal(matrix, "position_mean")[3, 2] == pytest.approx((3.5 / 4 + 2.5 / 3) / 2)
    # Diagonal: (0, 1) and (1, 2) are counterparts told in the same order, so each is the other's neighbour.
    base = (_signal(matrix, "word_centred") + _signal(matrix, "char_centred")) / 2
    diagonal = _signal(matrix, "diagonal")
    assert diagonal[1, 2] == pytest.approx(base[0, 1])  # (2, 3) is off the matrix
    assert diagonal[0, 1] == pytest.approx(max(base[1, 2], 0.0))  # nothing up-left of the first row: 0
    assert diagonal[3, 0] == 0  # no neighbour up-left, none down-right


def test_centred_cosine_discounts_what_every_sentence_shares() -> None:
    # "Lyon" is in every statement of both articles: sharing it is no evidence.
    left = ["Lyon police arrested two men.", "Lyon officials closed the station.", "Lyon schools stayed open."]
    right = ["In Lyon, two men were arrested by police.", "The station in Lyon was closed."]
    matrix = PairSignals(left, right).matrix()
    plain, centred = _signal(matrix, "word_cosine"), _signal(matrix, "word_centred")
    assert plain[2, 0] > 0  # they share Lyon
    assert centred[2, 0] < 0.05 < centred[0, 0]


def test_the_shipped_model_finds_the_counterparts() -> None:
    groups = StatementAligner(LEFT, RIGHT).align(CompareOptions())
    assert {(g.left, g.right) for g in groups} == {((0,), (1,)), ((1,), (2,)), ((2,), (0,))}
    assert all(0 <= g.align_score <= 1 and 0 <= g.score <= 1 for g in groups)


def test_blocks_and_the_fitting_path_give_the_same_probabilities(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fit scores precomputed signal matrices; the aligner scores block by block: one model, one answer."""
    model = shipped_model()
    whole = model.probabilities(PairSignals(LEFT, RIGHT))
    monkeypatch.setattr(signals, "BLOCK_CELLS", 2)
    blocked = model.probabilities(PairSignals(LEFT, RIGHT))
    np.testing.assert_allclose(blocked, whole, atol=1e-6)
    matrix = PairSignals(LEFT, RIGHT).matrix()
    logit = model.logit(matrix, SIGNAL_NAMES) + model.intercept
    np.testing.assert_allclose(1 / (1 + np.exp(-logit)), whole, atol=1e-5)


def test_identical_statements_are_aligned_whatever_the_context() -> None:
    # One statement a side: centred cosines and ranks carry nothing, identity still decides.
    aligner = StatementAligner(["The bridge reopened."], ["The bridge reopened."])
    assert aligner.probabilities[0, 0] == 1.0


def test_the_shipped_record_matches_the_code_and_the_options() -> None:
    record = alignment_record()
    assert record["signals"] == list(SIGNAL_NAMES)
    assert set(PAIR_SIGNALS) | set(CONTEXT_SIGNALS) == set(SIGNAL_NAMES)
    decoder = record["decoder"]
    assert (decoder["align_threshold"], decoder["best_threshold"], decoder["max_group_sentences"]) == (
        ALIGN_THRESHOLD, BEST_THRESHOLD, MAX_GROUP_SENTENCES)
    assert record["provenance"]["command"] == "python -m compare.evaluation.fit_alignment --write"


# (id, probability matrix, align cut, best cut, expected groups)
DECODE_CASES = [
    ("one-to-one", [[0.9, 0.1], [0.2, 0.8]], 0.5, 0.5, [((0,), (0,)), ((1,), (1,))]),
    ("nothing-above-the-cut", [[0.3, 0.1], [0.2, 0.4]], 0.5, 0.5, []),
    ("split-one-to-two", [[0.9, 0.7], [0.1, 0.1]], 0.5, 0.5, [((0,), (0, 1))]),
    ("best-of-row-from-the-lower-cut", [[0.3, 0.2], [0.1, 0.1]], 0.5, 0.25, [((0,), (0,))]),
    ("not-best-stays-out", [[0.3, 0.28], [0.1, 0.29]], 0.5, 0.25, [((0,), (0,)), ((1,), (1,))]),
    ("a-second-counterpart-gives-a-second-group", [[0.9, 0.6], [0.1, 0.95]], 0.5, 0.5,
     [((0,), (0,)), ((0, 1), (1,))]),
    ("duplicates-pair-with-their-own-copy", [[1.0, 1.0], [1.0, 1.0]], 0.5, 0.5, [((0,), (0,)), ((1,), (1,))]),
    ("newcomer-must-relate-to-the-whole-other-side", [[0.9, 0.0], [0.8, 0.0], [0.0, 0.9]], 0.5, 0.5,
     [((0, 1), (0,)), ((2,), (1,))]),
]


@pytest.mark.parametrize(("probability", "align", "best", "expected"), [c[1:] for c in DECODE_CASES],
                         ids=[c[0] for c in DECODE_CASES])
def test_decode(probability: list[list[float]], align: float, best: float,
                expected: list[tuple[tuple[int, ...], tuple[int, ...]]]) -> None:
    assert decode(np.array(probability, dtype=np.float32), align, best, 3) == expected


def test_a_near_counterpart_joins_and_a_far_one_gets_a_group_of_its_own() -> None:
    probability = np.zeros((1, JOIN_WINDOW + 3), dtype=np.float32)
    probability[0, 0] = 0.9
    probability[0, 1] = 0.8  # next to the first counterpart: a split
    probability[0, JOIN_WINDOW + 2] = 0.7  # farther than the window from both: another telling
    assert decode(probability, 0.5, 0.5, 3) == [((0,), (0, 1)), ((0,), (JOIN_WINDOW + 2,))]


def test_groups_stop_at_the_size_limit() -> None:
    probability = np.array([[0.95, 0.94, 0.93, 0.92]], dtype=np.float32)
    assert decode(probability, 0.5, 0.5, 2) == [((0,), (0, 1)), ((0,), (2, 3))]


@pytest.mark.parametrize("seed", range(200))
def test_every_link_is_kept_and_every_pair_side_by_side_is_related(seed: int) -> None:
    rng = np.random.default_rng(seed)
    probability = (rng.random((rng.integers(1, 9), rng.integers(1, 9))) ** 3).astype(np.float32)
    groups = decode(probability, 0.4, 0.2, 3)
    side_by_side = {(i, j) for left, right in groups for i in left for j in right}
    assert set(zip(*np.nonzero(links(probability, 0.4, 0.2)), strict=True)) <= side_by_side
    assert all(probability[i, j] >= 0.2 for i, j in side_by_side)
    assert all(len(left) <= 3 and len(right) <= 3 for left, right in groups)
    assert len(set(groups)) == len(groups)
    assert groups == sorted(groups)
    # no group adds nothing to another
    assert not any(set(a[0]) <= set(b[0]) and set(a[1]) <= set(b[1]) for a in groups for b in groups if a != b)


def test_links_take_ties_for_best() -> None:
    probability = np.array([[0.3, 0.3], [0.0, 0.0]], dtype=np.float32)
    assert links(probability, 0.5, 0.2).tolist() == [[True, True], [False, False]]


def test_a_headline_is_aligned_with_the_sentence_that_states_it() -> None:
    left = "Senate Passes Budget Bill After Long Debate\n\nThe vote came late on Friday. Schools get more money."
    right = "The Senate passed the budget bill after a long debate on Friday.\n\nTeachers welcomed it."
    comparison = compare_articles(left, right)
    heading = comparison.left.sentences[0]
    assert (heading.kind, heading.is_compared) == ("heading", True)
    assert any(0 in a.left for a in comparison.alignments)


def test_the_json_gains_align_score_and_compared_and_reads_older_reports() -> None:
    comparison = compare_articles("Senate Passes Budget Bill After Long Debate\n\nThe Senate passed the bill.",
                                  "The Senate passed the budget bill after a long debate.")
    data = to_dict(comparison)
    assert all(isinstance(a["align_score"], float) for a in data["alignments"])
    assert [s["compared"] for s in data["left"]["sentences"]] == [True, True]
    assert from_dict(data) == comparison
    for alignment in data["alignments"]:
        del alignment["align_score"]  # type: ignore[misc]
    for side in ("left", "right"):
        for sentence in data[side]["sentences"]:  # type: ignore[literal-required]
            if sentence["kind"] == "statement":  # a report from before: statements only were compared
                del sentence["compared"]  # type: ignore[misc]
    older = from_dict(json.loads(json.dumps(data)))
    assert all(a.align_score is None for a in older.alignments)
    assert [s.is_compared for s in older.left.sentences] == [True, True]


def test_a_repeated_article_compared_with_itself_pairs_each_copy_with_its_own() -> None:
    text = " ".join(["The council approved the new bridge plan on Monday."] * 50 + ["Work starts in spring."])
    comparison = compare_articles(text, text)
    assert [(a.left, a.right) for a in comparison.alignments] == [((i,), (i,)) for i in range(51)]
    assert comparison.summary.consistency == 1.0


def test_copies_of_a_statement_take_the_counterparts_of_the_first() -> None:
    left = ("The council approved the bridge plan on Monday after a long debate. Work starts in spring. "
            "The council approved the bridge plan on Monday after a long debate.")
    right = "After a long debate on Monday, the council approved the plan for the bridge. Costs were not given."
    comparison = compare_articles(left, right)
    side_by_side = {(i, j) for a in comparison.alignments for i in a.left for j in a.right}
    assert {(0, 0), (2, 0)} <= side_by_side  # both tellings of the left sit beside the right's one
    assert 2 not in comparison.left_only


def test_a_statement_told_three_times_against_twice_leaves_one_copy_one_sided() -> None:
    sentence = "The council approved the bridge plan on Monday after a long debate."
    comparison = compare_articles(" ".join([sentence] * 3), " ".join([sentence] * 2))
    assert [(a.left, a.right) for a in comparison.alignments] == [((0,), (0,)), ((1,), (1,))]
    assert comparison.left_only == (2,)
