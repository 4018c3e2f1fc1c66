"""The first difference check inside an aligned group: numbers and names on one side only.

A number or a name that one report gives and the other does not is the most
common way two tellings of one claim disagree ("25 dead" against "multiple
casualties"; "Stepanakert" against "Khankendi").
"""

from __future__ import annotations

from collections.abc import Sequence

from .facts import NAME_JOINERS, extract_names
from .models import Difference
from .text import STOP_WORDS, normalize, number_value, stem, tokenize

#: Difference kinds, in the order reports list them.
DIFFERENCE_KINDS = ("number", "name")

# Two name words match when one is a prefix of the other and they share at
# least this many letters: Armenia / Armenian, Azerbaijan / Azerbaijani.
NAME_PREFIX_MIN = 5



def number_mentions(text: str) -> list[tuple[str, str]]:
    """(canonical value, evidence) for each number in a text; evidence adds the counted word."""
    words = tokenize(text)
    mentions = []
    for index, word in enumerate(words):
        value = number_value(word)
        if value is None:
            continue
        following = words[index + 1] if index + 1 < len(words) else ""
        counted = following if following.isalpha() and following.lower() not in STOP_WORDS else ""
        if word.lower() == "one":
            continue  # mostly a pronoun ("the most recent one", "one leading to Armenia"), not a count
        mentions.append((value, f"{word} {counted}".strip()))
    return mentions


def _stems(text: str) -> set[str]:
    return {stem(w.lower()) for w in tokenize(text)}


def _word_present(word_stem: str, stems: set[str]) -> bool:
    if word_stem in stems:
        return True
    if len(word_stem) < NAME_PREFIX_MIN:
        return False
    return any(
        len(other) >= NAME_PREFIX_MIN and (other.startswith(word_stem) or word_stem.startswith(other))
        for other in stems
    )


def _missing_names(sentences: Sequence[str], other_stems: set[str]) -> list[str]:
    missing = []
    for name in (fact.text for sentence in sentences for fact in extract_names(sentence)):
        significant = [stem(w.lower()) for w in tokenize(name) if w.lower() not in NAME_JOINERS]
        if significant and not any(_word_present(s, other_stems) for s in significant):
            missing.append(name)
    return list(dict.fromkeys(missing))


def simple_differences(left: Sequence[str], right: Sequence[str]) -> tuple[Difference, ...]:
    """Numbers and names that only one side of an aligned group mentions."""
    left_text, right_text = normalize(" ".join(left)), normalize(" ".join(right))
    differences: list[Difference] = []
    left_numbers, right_numbers = number_mentions(left_text), number_mentions(right_text)
    left_values = {v for v, _ in left_numbers}
    right_values = {v for v, _ in right_numbers}
    seen: set[tuple[str, str]] = set()
    for side, mentions, other in (("left", left_numbers, right_values), ("right", right_numbers, left_values)):
        for value, evidence in mentions:
            if value not in other and (side, value) not in seen:
                seen.add((side, value))
                differences.append(Difference("number", evidence if side == "left" else None,
                                              evidence if side == "right" else None))
    for name in _missing_names(left, _stems(right_text)):
        differences.append(Difference("name", name, None))
    for name in _missing_names(right, _stems(left_text)):
        differences.append(Difference("name", None, name))
    # Ordered by kind, then by the evidence itself, never by side: swapping the
    # articles must give the same list with sides exchanged.
    return tuple(sorted(differences, key=_difference_order))


def _difference_order(difference: Difference) -> tuple[int, str, str]:
    evidence = difference.left if difference.left is not None else difference.right or ""
    return (DIFFERENCE_KINDS.index(difference.kind), evidence.casefold(), evidence)
