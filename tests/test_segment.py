"""Sentence segmentation: a case table of real news patterns, plus offset invariants."""

from __future__ import annotations

import pytest

from compare.articles.segment import split_sentences

# (id, text, expected sentences)
SEGMENT_CASES = [
    ("un-abbreviation", "Armenia appealed to the U.N. Security Council. Russia agreed.",
     ["Armenia appealed to the U.N. Security Council.", "Russia agreed."]),
    ("us-and-title", "The U.S. said it would help. Gen. Smith arrived on Monday.",
     ["The U.S. said it would help.", "Gen. Smith arrived on Monday."]),
    ("title-at-sentence-start", "He retired. Rep. Bruce Braley is running to succeed him.",
     ["He retired.", "Rep. Bruce Braley is running to succeed him."]),
    ("title-before-closing-name", "\"We must act,\" said Gov. Perry. He left.",
     ["\"We must act,\" said Gov. Perry.", "He left."]),
    ("initials", "J. R. R. Tolkien wrote books. He died in 1973.",
     ["J. R. R. Tolkien wrote books.", "He died in 1973."]),
    ("numbers-and-money", "Prices rose 3.5% to $1.2bn. That was a lot.",
     ["Prices rose 3.5% to $1.2bn.", "That was a lot."]),
    ("time", "It happened at 5 p.m. on Sunday. Police came.", ["It happened at 5 p.m. on Sunday.", "Police came."]),
    ("multi-sentence-quote-curly-is-split",
     "He stated, “We will fight. Enough is enough. We will win.” Then he left.",
     ["He stated, “We will fight.", "Enough is enough.", "We will win.”", "Then he left."]),
    ("multi-sentence-quote-straight-is-split", 'She said: "It is over. We go home." Nobody answered.',
     ['She said: "It is over.', 'We go home."', "Nobody answered."]),
    ("unclosed-quote-does-not-swallow", "He said “we will fight. The army left. Talks resumed. It rained. "
     "Roads closed. Schools shut. Shops opened. Trains ran. Nobody knew.",
     ["He said “we will fight.", "The army left.", "Talks resumed.", "It rained.", "Roads closed.",
      "Schools shut.", "Shops opened.", "Trains ran.", "Nobody knew."]),
    ("lines-are-blocks", "Read More\nRelated Articles\nBack to top",
     ["Read More", "Related Articles", "Back to top"]),
    ("hard-wrapped-prose", "The ministry said on Sunday that its forces had captured more than\n"
     "sixty military posts in the region.\nA second line starts here.",
     ["The ministry said on Sunday that its forces had captured more than\nsixty military posts in the region.",
      "A second line starts here."]),
    ("lowercase-continuation", "Officials said the\nbridge was closed.", ["Officials said the\nbridge was closed."]),
    ("button-after-sentence", "Our website uses cookies to enhance your experience. Learn More\nAccept !",
     ["Our website uses cookies to enhance your experience.", "Learn More", "Accept !"]),
    ("title-then-text", "Azerbaijan Launches Military Offensive in Nagorno-Karabakh, Raising Threat of New War\n"
     "Azerbaijan has sent troops.",
     ["Azerbaijan Launches Military Offensive in Nagorno-Karabakh, Raising Threat of New War",
      "Azerbaijan has sent troops."]),
    ("question-and-exclamation", "Is this real? Yes! It is.", ["Is this real?", "Yes!", "It is."]),
    ("numbered-list", "1. First item\n2. Second item", ["1. First item", "2. Second item"]),
    ("empty", "", []),
    ("only-blank-lines", "\n\n  \n\t\n", []),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in SEGMENT_CASES], ids=[c[0] for c in SEGMENT_CASES])
def test_segment(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in split_sentences(text)] == expected


def test_paragraph_numbers_follow_blank_lines() -> None:
    text = "Title line\n\nFirst para one. First para two.\n\n\n  Second para.\n"
    spans = split_sentences(text)
    assert [(text[s.start : s.end], s.paragraph) for s in spans] == [
        ("Title line", 0), ("First para one.", 1), ("First para two.", 1), ("Second para.", 2)]
    assert [s.whole_line for s in spans] == [True, False, False, True]
    assert [s.whole_paragraph for s in spans] == [True, False, False, True]


def test_offsets_index_the_original_text_with_crlf_and_bom() -> None:
    text = "\ufeffFirst line.\r\nSecond, with “quotes”.\r\n\r\nThird one.   "
    spans = split_sentences(text)
    assert [text[s.start : s.end] for s in spans] == ["\ufeffFirst line.", "Second, with “quotes”.", "Third one."]
    assert all(s.start < s.end for s in spans)
    assert [s.start for s in spans] == sorted(s.start for s in spans)
