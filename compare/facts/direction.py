"""Direction: which way a figure or a state moved: shares "rose" or "fell", the yuan "strengthens" or "weakens".

Key: ``up`` or ``down``. Words of either sense only; "up" and "down" are left
out, being mostly particles ("set up", "shut down"), and so are phrasal verbs that
move no figure ("declined to comment", "drop out of the race", "jump in"). One side saying only up
and the other only down is a conflict.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..models import Difference
from .base import Fact, FactKind, Group, difference, sentence_words

NAME = "direction"

DIRECTION_WORDS: dict[str, str] = {
    **dict.fromkeys("rise rises rose risen rising increase increased increases increasing climb climbed climbs "
                    "gain gained gains jump jumped jumps surge surged surges soar soared soars higher rebound "
                    "rebounded rebounds strengthen strengthened strengthens strengthening advance advanced "
                    "advances".split(), "up"),
    **dict.fromkeys("fall falls fell fallen falling decrease decreased decreases decreasing drop dropped drops "
                    "decline declined declines declining slump slumped slumps plunge plunged plunges slide slid "
                    "slides lower weaken weakened weakens weakening tumble tumbled tumbles slip slipped slips "
                    "sink sank sinks shrink shrank shrinks".split(), "down"),
}
_DIRECTION_WORD = re.compile(rf"\b(?:{'|'.join(sorted(DIRECTION_WORDS, key=len, reverse=True))})\b", re.IGNORECASE)
# Phrasal verbs that move no figure: "declined to comment" (a refusal), "drop out of the race", "jump in".
_NO_MOVEMENT = {
    "declin": re.compile(r"\s+to\s+(?:[a-z]+ly\s+)?[a-z]", re.IGNORECASE),
    "drop": re.compile(r"\s+out\b", re.IGNORECASE),
    "jump": re.compile(r"\s+in(?:to\s+the\s+race)?\b(?!\s+(?:price|value|sales|the\s+polls))", re.IGNORECASE),
}


def _moves(sentence: str, match: re.Match[str]) -> bool:
    word = match.group().lower()
    for prefix, after in _NO_MOVEMENT.items():
        if word.startswith(prefix) and after.match(sentence, match.end()):
            return False
    return True


def extract_directions(sentence: str, words: frozenset[str] | None = None) -> list[Fact]:
    """Words that say which way something moved: key "up" or "down"."""
    words = sentence_words(sentence) if words is None else words
    if words.isdisjoint(DIRECTION_WORDS):
        return []
    return [Fact(NAME, m.group(), DIRECTION_WORDS[m.group().lower()], m.start(), m.end())
            for m in _DIRECTION_WORD.finditer(sentence) if _moves(sentence, m)]


class Direction(FactKind):
    name = NAME

    def extract(self, sentence: str, words: frozenset[str], found: Mapping[str, list[Fact]]) -> list[Fact]:
        return extract_directions(sentence, words)

    def compare(self, group: Group) -> list[Difference]:
        """Opposite movements: one side says only "rose", the other only "fell" (a conflict)."""
        left, right = group.left.mentions(NAME), group.right.mentions(NAME)
        left_ways, right_ways = {m.fact.key for m in left}, {m.fact.key for m in right}
        if len(left_ways) == len(right_ways) == 1 and left_ways != right_ways:
            return [difference(NAME, left, right, conflict=True)]
        return []


KIND = Direction()
