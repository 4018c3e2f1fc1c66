"""The first difference check inside an aligned group: numbers and names on one side only.

A number or a name that one report gives and the other does not is the most
common way two tellings of one claim disagree ("25 dead" against "multiple
casualties"; "Stepanakert" against "Khankendi").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .models import Difference
from .text import STOP_WORDS, normalize, number_value, stem, tokenize

# Two name words match when one is a prefix of the other and they share at
# least this many letters: Armenia / Armenian, Azerbaijan / Azerbaijani.
NAME_PREFIX_MIN = 5

# Lower-case words that may sit inside a name: "International Crisis Group",
# "Alissa de Carbonnel", "Secretary of State".
_NAME_JOINERS = frozenset({"of", "de", "del", "da", "van", "von", "al", "bin", "la", "le", "for", "and"})
_CAPITALISED = re.compile(r"^(?:[A-Z]|[^\W\d_](?=\.))")


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
        mentions.append((value, f"{word} {counted}".strip()))
    return mentions


def name_mentions(text: str) -> list[str]:
    """Runs of capitalised words (a sentence's first word only when the next is capitalised too)."""
    words = tokenize(text)
    names: list[str] = []
    current: list[str] = []

    def close() -> None:
        while current and current[-1].lower() in _NAME_JOINERS:
            current.pop()
        if current:
            names.append(" ".join(current))
        current.clear()

    for index, word in enumerate(words):
        capitalised = bool(_CAPITALISED.match(word)) and number_value(word) is None
        if capitalised and (word.lower() not in STOP_WORDS or current):
            if index == 0 and not (len(words) > 1 and _CAPITALISED.match(words[1])):
                continue
            current.append(word)
        elif current and word.lower() in _NAME_JOINERS:
            current.append(word)
        else:
            close()
    close()
    return names


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


def _missing_names(text: str, other_stems: set[str]) -> list[str]:
    missing = []
    for name in name_mentions(text):
        significant = [stem(w.lower()) for w in tokenize(name) if w.lower() not in _NAME_JOINERS]
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
    for name in _missing_names(left_text, _stems(right_text)):
        differences.append(Difference("name", name, None))
    for name in _missing_names(right_text, _stems(left_text)):
        differences.append(Difference("name", None, name))
    return tuple(differences)
