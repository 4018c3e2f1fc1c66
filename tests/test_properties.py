"""Properties that hold for any input: self-comparison, symmetry, placement, round trips."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare import ArticleError, Comparison, Source, compare_articles
from compare.serialize import from_dict, to_json

from .conftest import mirrored

WORDS = ("army police minister said killed injured city talks ceasefire Russia Armenia Baku 25 six two "
         "border forces claims denied reported Sunday villages civilians the a of in on and not").split()

sentence = st.lists(st.sampled_from(WORDS), min_size=2, max_size=14).map(
    lambda words: " ".join(words).capitalize() + ".")
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
article = st.lists(paragraph, min_size=1, max_size=4).map("\n\n".join)

PROPERTY_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _every_statement_placed_once(comparison: Comparison) -> None:
    for side in ("left", "right"):
        article_ = getattr(comparison, side)
        placed = [i for a in comparison.alignments for i in getattr(a, side)]
        placed += list(getattr(comparison, f"{side}_only"))
        assert sorted(placed) == list(article_.statement_ids)
        for s in article_.sentences:
            assert article_.text[s.start : s.end] == s.text


@PROPERTY_SETTINGS
@given(article)
def test_article_compared_with_itself_is_all_same(text: str) -> None:
    comparison = compare_articles(text, text)
    statements = comparison.left.statement_ids
    assert [(a.left, a.right, a.label) for a in comparison.alignments] == [((i,), (i,), "same") for i in statements]
    assert comparison.left_only == comparison.right_only == ()
    assert comparison.summary.consistency == 1.0


@PROPERTY_SETTINGS
@given(article, article)
def test_swapping_sides_mirrors_the_result(left: str, right: str) -> None:
    forward = compare_articles(Source(left, name="a"), Source(right, name="b"))
    backward = compare_articles(Source(right, name="b"), Source(left, name="a"))
    assert backward == mirrored(forward)


@PROPERTY_SETTINGS
@given(article, article)
def test_placement_and_json_round_trip(left: str, right: str) -> None:
    comparison = compare_articles(left, right)
    _every_statement_placed_once(comparison)
    text = to_json(comparison)
    assert from_dict(json.loads(text)) == comparison
    assert to_json(compare_articles(left, right)) == text  # deterministic, byte for byte


@PROPERTY_SETTINGS
@given(st.text(max_size=400), st.text(max_size=400))
def test_arbitrary_text_never_crashes(left: str, right: str) -> None:
    try:
        comparison = compare_articles(left, right)
    except ArticleError:
        return
    _every_statement_placed_once(comparison)
    assert from_dict(json.loads(to_json(comparison))) == comparison
