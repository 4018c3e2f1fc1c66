"""Quotations: spans inside double quotes, curly or straight.

Key: the quotation's words, case, punctuation and brackets ignored. A quoted
programme title ("the “Today” show") is a name, not a quotation.

A quotation on one side only, or quoted in other words on the other, is a
detail, never a conflict: outlets cut and reword quotations all the time.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rapidfuzz import fuzz

from ..articles.text import normalize
from ..models import Difference
from .base import Fact, FactKind, Group, Mention, difference
from .names import PROGRAMMES, fold_spelling

NAME = "quote"

_QUOTE = re.compile(r"“(?P<curly>[^”]{3,}?)”|\"(?P<straight>[^\"]{3,}?)\"")
# A quotation of fewer words is a term ("full-scale aggression"), still a quote.
QUOTE_MIN_WORDS = 1
# Two quotations whose words are this similar (rapidfuzz ratio, 0-100) are the
# same quotation reworded; below it they are different quotations.
QUOTE_REWORDED_MIN = 60
_TITLE_AFTER = re.compile(r"\s*(?:show|program|programme|broadcast|interview)\b", re.IGNORECASE)


def quote_key(text: str) -> str:
    """Quotations compare on their words: case, punctuation and brackets are ignored."""
    return " ".join(re.findall(r"[^\W_]+", fold_spelling(normalize(text))))


def _is_title(inner: str, sentence: str, end: int) -> bool:
    """A programme's title in quotes: a known one, or capitalised words before "show" ("the “Today” show")."""
    words = inner.strip(" ,.").split()
    if inner.strip(" ,.") in PROGRAMMES:
        return True
    return len(words) <= 4 and all(w[:1].isupper() for w in words) and bool(_TITLE_AFTER.match(sentence, end + 1))


def extract_quotes(sentence: str) -> list[Fact]:
    """Spans inside double quotes, curly or straight, and the part of a quotation that runs on into
    the next sentence or began in the previous one (the segmenter splits a quotation into its sentences)."""
    facts = []
    spans = [(m.start(g), m.end(g)) for m in _QUOTE.finditer(sentence)
             for g in ("curly", "straight") if m.group(g) is not None]
    spans += _open_ends(sentence, spans)
    for start, end in sorted(spans):
        inner = sentence[start:end]
        if len(inner.split()) >= QUOTE_MIN_WORDS and re.search(r"[^\W\d_]", inner) and not _is_title(
                inner, sentence, end):
            facts.append(Fact(NAME, inner, quote_key(inner), start, end))
    return facts


def _open_ends(sentence: str, closed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A quotation left open at the sentence's end ("He said: “We will fight.") or closed without
    opening at its start ("We will win.” he said.), outside the quotations closed within it.

    A straight quote opens where a word starts after it, and closes otherwise.
    """
    taken = {k for start, end in closed for k in (start - 1, end)}
    marks = []
    for k, c in enumerate(sentence):
        if c not in "“”\"" or k in taken:
            continue
        opening = c == "“" or (c == '"' and (k == 0 or sentence[k - 1].isspace() or sentence[k - 1] in "([—–-")
                                           and k + 1 < len(sentence) and not sentence[k + 1].isspace())
        marks.append((k, opening))
    found = []
    if marks and not marks[0][1]:  # closes a quotation the previous sentence opened
        start, end = len(sentence) - len(sentence.lstrip()), marks[0][0]
        if sentence[start:end].strip(" .,;:!?"):
            found.append((start, end))
    if marks and marks[-1][1]:  # opens a quotation the next sentence goes on with
        start, end = marks[-1][0] + 1, len(sentence.rstrip())
        if sentence[start:end].strip(" .,;:!?"):
            found.append((start, end))
    return found


class Quotes(FactKind):
    name = NAME
    inventory = True
    inventory_label = NAME

    def extract(self, sentence: str, words: frozenset[str], found: Mapping[str, list[Fact]]) -> list[Fact]:
        return extract_quotes(sentence) if '"' in sentence or "“" in sentence else []

    def compare(self, group: Group) -> list[Difference]:
        """Quotations on one side only, or quoted in other words on the other (details, not conflicts).

        A quotation quoted word for word on the other side makes no difference. Of the rest, the most
        similar pair (rapidfuzz ratio, which is symmetric) is paired first, then the next among those left,
        down to QUOTE_REWORDED_MIN; pairs as similar are taken in an order of the two quotations that does
        not say which side each is on, so swapping the sides pairs the same quotations.
        """
        left, right = group.left.mentions(NAME), group.right.mentions(NAME)
        left_keys, right_keys = {m.fact.key for m in left}, {m.fact.key for m in right}
        open_left = [m for m in left if m.fact.key not in right_keys]
        open_right = [m for m in right if m.fact.key not in left_keys]
        candidates = []
        for i, mention in enumerate(open_left):
            for j, other in enumerate(open_right):
                ratio = fuzz.ratio(mention.fact.key, other.fact.key)
                if ratio >= QUOTE_REWORDED_MIN:
                    candidates.append((-ratio, sorted((_order(mention), _order(other))), i, j))
        partner: dict[int, int] = {}
        taken: set[int] = set()
        for _, _, i, j in sorted(candidates):
            if i not in partner and j not in taken:
                partner[i] = j
                taken.add(j)
        differences = [difference(NAME, [mention], [open_right[partner[i]]] if i in partner else [])
                       for i, mention in enumerate(open_left)]
        differences += [difference(NAME, [], [m]) for j, m in enumerate(open_right) if j not in taken]
        return differences


def _order(mention: Mention) -> tuple[str, str, int, int]:
    """An order of quotations that holds whichever side they are on: by words, wording, then place."""
    return (mention.fact.key, mention.fact.text, mention.sentence, mention.fact.start)


KIND = Quotes()
