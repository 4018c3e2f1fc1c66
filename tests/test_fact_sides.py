"""A group side's word lookups (window, slot, mentions) agree with their plain definitions."""

from __future__ import annotations

from compare.facts import extract_facts
from compare.facts.base import Fact, Mention, Side, tokens_of
from compare.facts.names import word_stems

SENTENCES = [
    "About 25 people, including two civilians, were killed on Tuesday in Stepanakert, officials said.",
    "U.N. Secretary-General António Guterres doesn't expect a ceasefire before March 3, 2021.",
    "“Nothing,” he said.",
]


def _side() -> Side:
    numbered = tuple(enumerate(SENTENCES))
    return Side(numbered, {sid: extract_facts(text) for sid, text in numbered})


def test_window_and_slot_are_the_nearest_words_at_every_offset() -> None:
    side = _side()
    for sid, text in enumerate(SENTENCES):
        tokens = tokens_of(sid, text)
        for start in range(len(text) + 1):
            for end in range(start, min(len(text), start + 12) + 1):
                mention = Mention(sid, Fact("number", text[start:end], "", start, end))
                content = [t for t in tokens if t.content]
                for size in (0, 1, 3, 4):
                    expected = ([t for t in content if t.end <= start][-size:]
                                + [t for t in content if t.start >= end][:size])
                    assert side.window(mention, size) == expected
                before = [t for t in tokens if t.end <= start]
                after = [t for t in tokens if t.start >= end]
                assert side.slot(mention) == (before[-1].lower if before else "", after[0].lower if after else "")
    outside = Mention(99, Fact("number", "x", "", 0, 1))
    assert side.window(outside, 3) == []
    assert side.slot(outside) == ("", "")


def test_mentions_are_a_new_list_in_reading_order() -> None:
    side = _side()
    for kind in ("number", "date", "name", "quote", "none"):
        expected = [Mention(sid, f) for sid, _ in side.sentences for f in side.facts[sid] if f.kind == kind]
        first = side.mentions(kind)
        assert first == expected
        first.clear()
        assert side.mentions(kind) == expected


def test_word_stems_is_a_fresh_set() -> None:
    stems = word_stems("Armenia's leaders")
    stems.add("x")
    assert word_stems("Armenia's leaders") == {"armenia", "leader"}


def test_word_present_on_large_stem_sets_is_the_plain_prefix_test() -> None:
    import random

    from compare.facts.names import NAME_PREFIX_MIN, word_present

    def plain(word: str, stems: frozenset[str]) -> bool:
        return word in stems or (len(word) >= NAME_PREFIX_MIN and any(
            len(o) >= NAME_PREFIX_MIN and (o.startswith(word) or word.startswith(o)) for o in stems))

    rng = random.Random(7)
    words = ["".join(rng.choice("abc") for _ in range(rng.randint(1, 9))) for _ in range(400)]
    for _ in range(200):
        stems = frozenset(rng.sample(words, rng.randint(0, 40)))
        for word in rng.sample(words, 20):
            assert word_present(word, stems) == plain(word, stems)


def test_a_sides_name_stems_are_its_sentences_together() -> None:
    """Names look a word up among a side's token stems and word stems; each sentence's are found once, and a
    side's are its sentences' together: words never run across the space that joins two sentences."""
    from itertools import combinations

    from compare.facts.names import _sentence_name_stems

    texts = [*SENTENCES, "ΟΔΟΣ Σ. Obama's U.S.", "rock'", "n'roll ΣΑΣ"]
    for size in (1, 2, 3):
        for chosen in combinations(range(len(texts)), size):
            numbered = tuple((i, texts[i]) for i in chosen)
            side = Side(numbered, {i: () for i in chosen})
            joined = frozenset(side.stems | word_stems(side.text))
            assert frozenset().union(*(_sentence_name_stems(text) for _, text in numbered)) == joined
