"""Word-level differences between the two sides of an aligned group, for display.

Reports of one event reorder their clauses freely, so the words are compared
as sets, not as sequences: a word is marked when the other side uses no word
with its stem anywhere (function words are never marked: "the" against "a" is
not a difference worth a highlight). Renderers colour the marked spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..articles.text import STOP_WORDS, stem

_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[\w$€£%]+(?:['’.,-][\w%]+)*")


@dataclass(frozen=True)
class WordDiff:
    """Character spans, in each side's text, of the words the other side does not use."""

    left: tuple[tuple[int, int], ...]
    right: tuple[tuple[int, int], ...]


def _words(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, stem, whether to mark it if the other side lacks it) of each word.

    Function words are never marked, unless written as an acronym: "US" is the
    United States, not "us".
    """
    words = []
    for m in _WORD.finditer(text):
        token = m.group()
        word_stem = stem(token.lower().replace("’", "'"))
        acronym = len(token.replace(".", "")) >= 2 and token.replace(".", "").isupper()
        words.append((m.start(), m.end(), word_stem, acronym or word_stem not in STOP_WORDS))
    return words


def word_diff(left: str, right: str) -> WordDiff:
    """Spans of the words only one side uses.

    Example:
        >>> d = word_diff("The army withdrew.", "The army did not withdraw.")
        >>> [("The army did not withdraw."[s:e]) for s, e in d.right]
        ['not', 'withdraw']
    """
    sides = [_words(left), _words(right)]
    stems = [{s for _, _, s, _ in words} for words in sides]
    spans = [tuple((start, end) for start, end, s, markable in words if markable and s not in stems[1 - index])
             for index, words in enumerate(sides)]
    return WordDiff(left=spans[0], right=spans[1])
