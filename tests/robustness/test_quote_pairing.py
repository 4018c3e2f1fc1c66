"""Which quotations pair up does not depend on which article is on the left.

A quotation of one side is paired with the most similar one of the other side quoted in other words; where
several pairings score alike, the tie is settled by an order of the quotations themselves, never by side.
Found on BASIL (Fox, NYT, HuffPost triplets: in windows of three quoted sentences, 5 of 3,777 pairings of
several quotations changed when the sides were swapped).
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from compare.facts.registry import group_differences

# Close variants of few phrases, so that reworded quotations and ties abound.
PHRASES = ("we have learned something important since the days that I served",
           "this is a blockbuster revelation for the race",
           "we will not give up the fight for our land")
variant = st.tuples(st.sampled_from(PHRASES), st.integers(0, 9), st.integers(0, 9), st.booleans()).map(
    lambda v: " ".join(w for i, w in enumerate(v[0].split()) if i not in (v[1], v[2])) + (" very" if v[3] else ""))
sentence = st.lists(variant, min_size=1, max_size=3).map(
    lambda quotes: "He said " + " and ".join(f"“{q}”" for q in quotes) + ".")
side = st.lists(sentence, min_size=1, max_size=3)

BASIL_LEFT = [
    "Sen. John Cornyn, R-TX, who heads the GOP campaign committee, said Tuesday, \"I think it's a blockbuster "
    "revelation,\" and predicted, \"I think it's definitely going to make that race more competitive.\"",
    "Blumenthal's campaign disputed a report in the New York Times as an \"outrageous distortion\" of his service "
    "in the Marines - six months on Paris Island and six years in the reserves, according to his campaign.",
    "At that March 2 event, which can be found here on You Tube, Blumenthal, advocating for troops returning "
    "from war, clearly says, \"We have learned something very important since the days that I served in Vietnam...",
]
BASIL_RIGHT = [
    "Blumenthal's campaign called a New York Times report which includes video of him at a 2008 event saying he "
    "had served \"in Vietnam\" an \"outrageous distortion\" on his record.",
    "\"\"We have learned something important since the days that I served in Vietnam,\" Mr. Blumenthal said to "
    "the group gathered in Norwalk in March 2008.",
    "\"And you exemplify it.",
]


def _quote_pairs(left: list[str], right: list[str]) -> list[tuple[object, ...]]:
    return [(d.left, d.right, d.left_evidence, d.right_evidence)
            for d in group_differences(left, right) if d.kind == "quote"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(side, side)
@example(BASIL_LEFT, BASIL_RIGHT)
def test_swapping_sides_pairs_the_same_quotations(left: list[str], right: list[str]) -> None:
    forward = _quote_pairs(left, right)
    backward = [(b, a, eb, ea) for a, b, ea, eb in _quote_pairs(right, left)]
    assert backward == forward


def test_the_basil_case_pairs_the_closest_rewording() -> None:
    pairs = {(a, b) for a, b, _, _ in _quote_pairs(BASIL_LEFT, BASIL_RIGHT)}
    assert ("We have learned something very important since the days that I served in Vietnam...",
            "We have learned something important since the days that I served in Vietnam,") in pairs
