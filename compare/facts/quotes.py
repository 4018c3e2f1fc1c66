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

from ..models import Difference
from ..text import normalize
from .base import Fact, FactKind, Group, difference
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
    """Spans inside double quotes, curly or straight."""
    facts = []
    for match in _QUOTE.finditer(sentence):
        group = "curly" if match.group("curly") is not None else "straight"
        inner = match.group(group)
        if len(inner.split()) >= QUOTE_MIN_WORDS and re.search(r"[^\W\d_]", inner) and not _is_title(
                inner, sentence, match.end(group)):
            facts.append(Fact(NAME, inner, quote_key(inner), match.start(group), match.end(group)))
    return facts


class Quotes(FactKind):
    name = NAME
    inventory = True
    inventory_label = NAME

    def extract(self, sentence: str, words: frozenset[str], found: Mapping[str, list[Fact]]) -> list[Fact]:
        return extract_quotes(sentence) if '"' in sentence or "“" in sentence else []

    def compare(self, group: Group) -> list[Difference]:
        """Quotations on one side only, or quoted in other words on the other (details, not conflicts)."""
        left, right = group.left.mentions(NAME), group.right.mentions(NAME)
        differences = []
        unmatched_right = [m for m in right if m.fact.key not in {g.fact.key for g in left}]
        for mention in left:
            if any(m.fact.key == mention.fact.key for m in right):
                continue
            reworded = max(unmatched_right, key=lambda m: fuzz.ratio(m.fact.key, mention.fact.key), default=None)
            if reworded is not None and fuzz.ratio(reworded.fact.key, mention.fact.key) >= QUOTE_REWORDED_MIN:
                differences.append(difference(NAME, [mention], [reworded]))
                unmatched_right.remove(reworded)
            else:
                differences.append(difference(NAME, [mention], []))
        differences += [difference(NAME, [], [m]) for m in unmatched_right]
        return differences


KIND = Quotes()
