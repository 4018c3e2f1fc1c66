"""The view-model every report reads: pair order, the evidence for a pair, facts by place, heading anchors."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from compare import Comparison, compare_articles, read_source
from compare.models import Difference
from compare.options import FIRM_LINK, LIKELY_LINK
from compare.render import render_markdown
from compare.render.markdown import HeadingSlugs
from compare.render.view import (
    MODERATE_MATCH,
    STRONG_MATCH,
    fact_groups,
    link_strength,
    match_strength,
    pair_view,
    pair_views,
    set_aside,
    set_aside_text,
    shared_facts,
)

DATA = Path(__file__).parent / "data"

STRENGTH_CASES = [
    ("identical", 1.0, "strong"),
    ("at-the-strong-cut", STRONG_MATCH, "strong"),
    ("just-below-strong", STRONG_MATCH - 0.01, "moderate"),
    ("at-the-moderate-cut", MODERATE_MATCH, "moderate"),
    ("just-below-moderate", MODERATE_MATCH - 0.01, "weak"),
    ("nothing-alike", 0.0, "weak"),
]


@pytest.mark.parametrize(("score", "strength"), [c[1:] for c in STRENGTH_CASES], ids=[c[0] for c in STRENGTH_CASES])
def test_match_strength_in_words(score: float, strength: str) -> None:
    assert match_strength(score) == strength


LINK_CASES = [
    ("copies", 1.0, "firm"),
    ("at-the-firm-cut", FIRM_LINK, "firm"),
    ("just-below-firm", FIRM_LINK - 0.01, "likely"),
    ("at-the-likely-cut", LIKELY_LINK, "likely"),
    ("just-below-likely", LIKELY_LINK - 0.01, "tentative"),
    ("at-the-aligner-floor", 0.25, "tentative"),
]


@pytest.mark.parametrize(("align_score", "link"), [c[1:] for c in LINK_CASES], ids=[c[0] for c in LINK_CASES])
def test_link_strength_in_words(align_score: float, link: str) -> None:
    assert link_strength(align_score) == link


@pytest.mark.parametrize(("align_score", "words"), [
    (0.93, "Firm link (0.93)"), (0.4996, "Likely link (0.50)"), (0.31, "Tentative link (0.31): check it"), (None, "")])
def test_the_link_is_told_by_the_figure_shown(align_score: float | None, words: str) -> None:
    # A group read back from a record without its P(aligned) tells no link; 0.4996 reads 0.50, a likely link.
    comparison = compare_articles(read_source(DATA / "bridge-wire.txt"), read_source(DATA / "bridge-blog.txt"))
    alignments = tuple(replace(a, align_score=align_score) for a in comparison.alignments)
    assert pair_view(replace(comparison, alignments=alignments), 0).link_words == words


@pytest.fixture(scope="module")
def bridge() -> Comparison:
    return compare_articles(read_source(DATA / "bridge-wire.txt"), read_source(DATA / "bridge-blog.txt"))


def test_a_pair_shows_the_facts_both_sides_mention(bridge: Comparison) -> None:
    (group,) = [i for i, a in enumerate(bridge.alignments) if a.label == "differs"]
    pair = pair_view(bridge, group)
    assert pair.shared == (("name", ("Elm Street",)), ("date", ("on Monday",)))
    assert [d.kind for d in pair.conflicts] == ["number"]
    assert pair.strength == "strong"
    assert pair.words_marked
    assert any(marked for _, marked in pair.left.runs)


def test_a_fact_opening_a_sentence_counts_for_that_side() -> None:
    # "Azerbaijan's" opens the right sentence, where the inventory does not list it.
    c = compare_articles("The army of Azerbaijan said the operation would go on.",
                         "Azerbaijan's army said its operation would go on.")
    (alignment,) = c.alignments
    assert ("name", ("Azerbaijan",)) in shared_facts(c, alignment)


def test_weak_matches_mark_no_words_and_say_so(seed_comparison: Comparison) -> None:
    for pair in pair_views(seed_comparison, "differs"):
        marked = [text for side in (pair.left, pair.right) for text, is_marked in side.runs if is_marked]
        if pair.strength == "weak":
            assert not pair.words_marked
            assert not marked
            assert pair.match_words.endswith("so no words are marked")
        else:
            assert pair.words_marked
            assert marked
    for pair in pair_views(seed_comparison, "same"):  # shared statements are never marked
        assert not pair.words_marked
        assert "marked" not in pair.match_words


def test_differing_pairs_with_a_conflict_come_first_in_reading_order(bridge: Comparison) -> None:
    detail = Difference("name", "Ana Ruiz", None)
    conflict = Difference("number", "six weeks", "eight weeks", conflict=True)
    # every group differs; only the last one has a conflict
    alignments = tuple(replace(a, label="differs", differences=(conflict,) if i == len(bridge.alignments) - 1
                               else (detail,)) for i, a in enumerate(bridge.alignments))
    c = replace(bridge, alignments=alignments)
    order = [p.group for p in pair_views(c, "differs")]
    assert order == [len(alignments) - 1, *range(len(alignments) - 1)]
    first = pair_views(c, "differs")[1]
    assert first.one_sided == (("L", (("name", ("Ana Ruiz",)),)),)
    assert first.conflicts == ()


def test_facts_by_place_then_kind(bridge: Comparison) -> None:
    groups = fact_groups(bridge)
    assert [g.where for g in groups] == ["both", "left_only", "right_only"]
    assert sum(g.count for g in groups) == len(bridge.facts)
    both = dict(groups[0].kinds)
    assert [f.text for f in both["number"]] == ["$4.2 million"]


def test_set_aside_is_what_the_comparison_did_not_place(bridge: Comparison) -> None:
    reasons = set_aside(bridge, "left")
    # The headline is compared (a heading that states a claim can be aligned); the credit line is not.
    assert reasons == [("byline", [("credit line", 1)])]
    assert set_aside_text(reasons) == "byline: credit line"
    assert set_aside_text([("boilerplate", [("cookie banner", 2)])]) == "boilerplate: cookie banner ×2"


SLUG_CASES = [
    ("counts", "What differs (3)", "what-differs-3"),
    ("underscore-and-hyphen-stay", "Only in le_monde-fr (2)", "only-in-le_monde-fr-2"),
    ("punctuation-goes", "Only in a.b#c & d! (1)", "only-in-abc--d-1"),
    ("accents-stay", "Only in Le Télégramme (4)", "only-in-le-télégramme-4"),
]


@pytest.mark.parametrize(("title", "slug"), [c[1:] for c in SLUG_CASES], ids=[c[0] for c in SLUG_CASES])
def test_heading_anchors_as_github_makes_them(title: str, slug: str) -> None:
    assert HeadingSlugs().slug(title) == slug


def test_a_repeated_heading_gets_a_numbered_anchor() -> None:
    slugs = HeadingSlugs()
    assert [slugs.slug("Only in wire (1)") for _ in range(3)] == ["only-in-wire-1", "only-in-wire-1-1",
                                                                   "only-in-wire-1-2"]


def test_every_contents_link_of_the_markdown_report_names_a_heading(seed_comparison: Comparison) -> None:
    same_names = replace(seed_comparison, right=replace(seed_comparison.right, name=seed_comparison.left.name))
    for comparison in (seed_comparison, same_names):
        text = render_markdown(comparison)
        contents = next(line for line in text.splitlines() if line.startswith("Contents: "))
        links = re.findall(r"\]\(#([^)]+)\)", contents)
        slugs = HeadingSlugs()
        headings = [slugs.slug(line[3:].replace("\\", "")) for line in text.splitlines() if line.startswith("## ")]
        assert links == headings
        assert len(set(links)) == len(links)
