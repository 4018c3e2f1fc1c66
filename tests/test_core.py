"""The core: groups, labels, differences, the result model's invariants and the JSON contract."""

from __future__ import annotations

import json

import pytest

from compare import CompareOptions, Source, compare_articles
from compare.facts import group_differences
from compare.models import Alignment, Article, Comparison, Difference, Evidence, Sentence
from compare.serialize import SCHEMA_VERSION, from_dict, to_dict, to_json


def _summary(differences: tuple[Difference, ...]) -> list[tuple[str, str | None, str | None, bool]]:
    return [(d.kind, d.left, d.right, d.conflict) for d in differences]


def _labels(left: str, right: str) -> list[tuple[tuple[int, ...], tuple[int, ...], str]]:
    return [(a.left, a.right, a.label) for a in compare_articles(left, right).alignments]


def test_reworded_statement_is_same() -> None:
    assert _labels("Armenia appealed to the members of the U.N. Security Council for help.",
                   "Armenia asked members of the UN Security Council for help.") == [((0,), (0,), "same")]


def test_changed_number_is_differs_with_evidence() -> None:
    comparison = compare_articles("The blast killed 25 people in the capital, officials said.",
                                  "The blast killed 80 people in the capital, officials said.")
    (alignment,) = comparison.alignments
    assert alignment.label == "differs"
    assert _summary(alignment.differences) == [("number", "25 people", "80 people", True)]
    (difference,) = alignment.differences
    # the evidence says where each side's figure is: sentence id and offsets into that sentence
    assert difference.left_evidence == (Evidence(0, 17, 26, "25 people"),)
    assert difference.right_evidence == (Evidence(0, 17, 26, "80 people"),)


def test_detail_on_one_side_is_listed_but_stays_same() -> None:
    comparison = compare_articles("Police arrested two men in Lyon on Sunday, the prosecutor said.",
                                  "Police arrested two men on Sunday, the prosecutor said.")
    (alignment,) = comparison.alignments
    assert alignment.label == "same"
    assert _summary(alignment.differences) == [("name", "Lyon", None, False)]


def test_negation_turns_a_reworded_statement_to_differs() -> None:
    comparison = compare_articles("The army withdrew from the town on Sunday, officials said.",
                                  "The army did not withdraw from the town on Sunday, officials said.")
    (alignment,) = comparison.alignments
    assert alignment.label == "differs"
    assert _summary(alignment.differences) == [("negation", None, "not", True)]


def test_reordered_articles_align_out_of_order() -> None:
    left = ("The bridge reopened on Monday after repairs. The mayor praised the workers. "
            "Traffic was light in the morning.")
    right = ("Traffic was light on Monday morning. The mayor praised the repair workers. "
             "After repairs, the bridge reopened on Monday.")
    side_by_side = {(i, j) for a in compare_articles(left, right).alignments for i in a.left for j in a.right}
    assert {(0, 2), (1, 1), (2, 0)} <= side_by_side


def test_split_sentence_aligns_one_to_two() -> None:
    left = ("Police arrested two men in Lyon on Sunday and seized three rifles hidden in a garage. "
            "The weather was mild.")
    right = ("Police arrested two men in Lyon on Sunday. Officers also seized three rifles hidden in a garage.\n\n"
             "Stocks fell in Tokyo.")
    groups = [(a.left, a.right) for a in compare_articles(left, right).alignments]
    assert ((0,), (0, 1)) in groups


def test_unrelated_articles_share_nothing() -> None:
    comparison = compare_articles("Markets rallied on strong earnings from chip makers. The dollar slipped.",
                                  "The ceasefire collapsed overnight in the north. Aid convoys turned back.")
    assert comparison.alignments == ()
    assert comparison.summary.consistency == 0.0
    assert (comparison.left_only, comparison.right_only) == ((0, 1), (0, 1))


def test_set_aside_sentences_are_kept_but_not_compared() -> None:
    text = "Breaking News\n\nThe bridge reopened on Monday.\n\nRead More\n\n(Reporting by Jane Doe)"
    comparison = compare_articles(text, "The bridge reopened on Monday.")
    kinds = [(s.text, s.kind) for s in comparison.left.sentences]
    assert kinds == [("Breaking News", "heading"), ("The bridge reopened on Monday.", "statement"),
                     ("Read More", "boilerplate"), ("(Reporting by Jane Doe)", "byline")]
    assert [(a.left, a.right) for a in comparison.alignments] == [((1,), (0,))]


def test_article_without_statements() -> None:
    comparison = compare_articles("Read More\n\nRelated Articles", "The bridge reopened on Monday.")
    assert comparison.alignments == ()
    assert comparison.right_only == (0,)
    assert comparison.summary.consistency == 0.0


def test_statement_limit() -> None:
    from compare import ArticleError

    with pytest.raises(ArticleError, match="--max-statements"):
        compare_articles("Two words here. Three more words. And four more words.", "x y.",
                         CompareOptions(max_statements=2))


def test_settings_record_options_calibration_and_version() -> None:
    comparison = compare_articles("The bridge reopened.", "The bridge reopened.",
                                  CompareOptions(align_threshold=0.5))
    settings = comparison.settings_dict
    assert settings["align_threshold"] == 0.5
    assert settings["version"] == "0.1.0"
    assert len(str(settings["calibration"])) == 12
    assert "align_threshold:0.5" in comparison.signature


def test_json_contract(seed_comparison: Comparison) -> None:
    data = json.loads(to_json(seed_comparison))
    assert data["schema_version"] == SCHEMA_VERSION == 1
    assert set(data) >= {"schema_version", "left", "right", "alignments", "left_only", "right_only", "summary",
                         "settings"}
    for side in ("left", "right"):
        assert set(data[side]) >= {"name", "path", "sentences"}
        for index, sentence in enumerate(data[side]["sentences"]):
            assert set(sentence) >= {"id", "text", "kind", "paragraph", "start", "end"}
            assert sentence["id"] == index
            assert sentence["kind"] in {"statement", "heading", "byline", "boilerplate"}
    for alignment in data["alignments"]:
        assert set(alignment) >= {"left", "right", "label", "score", "differences"}
        assert alignment["label"] in {"same", "differs"}
        assert 0 <= alignment["score"] <= 1
        for difference in alignment["differences"]:
            assert set(difference) == {"kind", "left", "right", "conflict", "left_evidence", "right_evidence"}
            for side in ("left", "right"):
                for evidence in difference[f"{side}_evidence"]:
                    sentence = data[side]["sentences"][evidence["sentence"]]["text"]
                    assert sentence[evidence["start"] : evidence["end"]] == evidence["text"]
                    assert evidence["text"] in difference[side]
    assert set(data["summary"]) == {"same", "differs", "left_only", "right_only", "consistency"}
    assert from_dict(data) == seed_comparison
    assert to_dict(from_dict(data)) == data


def test_model_rejects_inconsistent_values() -> None:
    sentence = Sentence(0, "Hi there.", "statement", 0, 0, 9)
    article = Article("a", None, "Hi there.", (sentence,))
    with pytest.raises(ValueError, match="aligned or left-only"):
        Comparison(article, article, (), (), ())
    with pytest.raises(ValueError, match="outside"):
        Alignment((0,), (0,), "same", 1.5)
    with pytest.raises(ValueError, match="do not span"):
        Sentence(0, "Hi", "statement", 0, 0, 5)
    with pytest.raises(ValueError, match="does not match"):
        Article("a", None, "Bye there.", (sentence,))


# (id, left group, right group, expected differences) - each kind of fact, on its own.
DIFFERENCE_CASES = [
    ("same-thing-other-number", ["Police said 25 people died."], ["Police said 80 people died."],
     [("number", "25 people", "80 people", True)]),
    ("exact-against-vague", ["Separatists said the deaths of 25 people and 80 injured were caused by shelling."],
     ["Separatists reported multiple civilian casualties caused by shelling."],
     [("number", "25 people; 80 injured", "multiple civilian casualties", True)]),
    ("extra-figure-is-a-detail", ["Police said 25 people died and 80 were hurt."], ["Police said 25 people died."],
     [("number", "80", None, False)]),
    ("rounded-figure-agrees", ["Revenue was $6.3 billion."], ["Revenue was $6.32 billion."], []),
    ("close-figures-differ", ["At least 23 troops were killed."], ["At least 26 troops were killed."],
     [("number", "At least 23 troops", "At least 26 troops", True)]),
    ("date", ["Police came on Sunday."], ["Police came on Monday."], [("date", "on Sunday", "on Monday", True)]),
    ("date-more-precise-agrees", ["The year ended June 30."], ["The year ended June 30, 2003."], []),
    ("abbreviated-month-agrees", ["He was hurt on December 4."], ["He was hurt Dec. 4."], []),
    ("relative-date-is-a-detail", ["Officials said on Wednesday."], ["Officials said yesterday."],
     [("date", "on Wednesday", "yesterday", False)]),
    ("name-missing", ["Police arrested two men in Lyon."], ["Police arrested two men."],
     [("name", "Lyon", None, False)]),
    ("quote-reworded", ["He said “we will never give up the city”."], ["He said “we will not give up the city”."],
     [("quote", "we will never give up the city", "we will not give up the city", False)]),
    ("attribution", ["Hikmet Hajiyev stated that troops breached the lines."],
     ["Azerbaijan's defence ministry said that troops breached the lines."],
     [("name", "Hikmet Hajiyev", None, False),
      ("attribution", "Hikmet Hajiyev", "Azerbaijan's defence ministry", True)]),
    ("described-speaker-is-not-a-conflict", ["IBM said the inquiry began in May."],
     ["The company said the inquiry began in May."], [("attribution", "IBM", "The company", False)]),
    ("title-and-surname-are-one-speaker", ['"We will win," Sen. Mitch McConnell said.'],
     ['"We will win," McConnell said.'], []),
    ("source-on-one-side-only-is-not-flagged", ["25 people died."], ["25 people died, officials said."], []),
    ("certainty", ["Azerbaijani forces breached Armenian lines."],
     ["Armenian forces reported attempts by Azerbaijani forces to breach their lines."],
     [("certainty", None, "attempts by Azerbaijani forces to", True)]),
    ("weak-hedge-is-a-detail", ["The case marks a first."], ["The case may mark a first."],
     [("certainty", None, "may mark", False)]),
    ("negation", ["The army withdrew from the town."], ["The army did not withdraw from the town."],
     [("negation", None, "not", True)]),
    ("negation-in-other-words-agrees", ["Moore had no comment."], ["Moore did not comment."], []),
    ("refusal-is-negation", ["He would not recuse himself."], ["He refused to recuse himself."], []),
    ("compound-is-not-negation", ["The do-not-call list grew."], ["The call list grew."], []),
    ("opposite-movement", ["Chinese shares close higher."], ["Chinese shares close lower."],
     [("direction", "higher", "lower", True)]),
    ("same-movement-other-words", ["Brent rose 31 cents."], ["Brent gained 31 cents."], []),
    ("same-facts-other-words", ["Armenia called on the U.N. Security Council."],
     ["Armenian officials called on the UN Security Council."], []),
]


@pytest.mark.parametrize(("left", "right", "expected"), [c[1:] for c in DIFFERENCE_CASES],
                         ids=[c[0] for c in DIFFERENCE_CASES])
def test_group_differences(left: list[str], right: list[str],
                           expected: list[tuple[str, str | None, str | None, bool]]) -> None:
    assert [(d.kind, d.left, d.right, d.conflict) for d in group_differences(left, right)] == expected
    mirrored = [(d.kind, d.right, d.left, d.conflict) for d in group_differences(right, left)]
    assert mirrored == expected


def test_source_of_a_claim_comes_from_the_sentence_before() -> None:
    (difference,) = group_differences([(4, "25 people died.")], [(7, "25 people died.")],
                                      [(3, "Police said the blast was huge.")],
                                      [(6, "Officials said the blast was huge.")])
    # descriptions, not names: listed, no conflict; the evidence points at the sentence before
    assert (difference.kind, difference.left, difference.right, difference.conflict) == (
        "attribution", "Police", "Officials", False)
    assert (difference.left_evidence, difference.right_evidence) == (
        (Evidence(3, 0, 6, "Police"),), (Evidence(6, 0, 9, "Officials"),))


def test_sources_keep_their_names() -> None:
    comparison = compare_articles(Source("The bridge reopened.", name="a-wire", path="a.txt"),
                                  Source("The bridge reopened.", name="b-blog"))
    assert (comparison.left.name, comparison.left.path, comparison.right.name) == ("a-wire", "a.txt", "b-blog")


def test_a_statements_facts_are_read_once_across_comparisons() -> None:
    """Facts depend on the sentence alone: a second comparison of the same article reads none again,
    and its result is the same."""
    from compare.core import _statement_facts

    left = "The council approved 3 bridges on Monday, officials said. Police did not close the road."
    right = "Officials said the council approved two bridges on Monday. The road stayed open."
    first = to_dict(compare_articles(left, right))
    misses = _statement_facts.cache_info().misses
    second = to_dict(compare_articles(left, right))
    assert _statement_facts.cache_info().misses == misses
    assert second == first
