"""Typed differences inside an aligned group, from the facts of each side.

Kinds, in the order reports list them: ``number`` (quantities), ``date``,
``name``, ``quote``, ``attribution``, ``certainty``, ``negation``. Each
difference carries the evidence as written on each side (None where a side
says nothing of it). Swapping the sides exchanges ``left`` and ``right`` and
changes nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from rapidfuzz import fuzz

from .facts import NAME_JOINERS, Fact, extract_facts
from .models import Difference
from .text import stem

#: Difference kinds, in the order reports list them.
DIFFERENCE_KINDS = ("number", "date", "name", "quote", "attribution", "certainty", "negation")

# Two name words match when one is a prefix of the other and they share at
# least this many letters: Armenia / Armenian, Azerbaijan / Azerbaijani.
NAME_PREFIX_MIN = 5
# Two quotations whose words are this similar (rapidfuzz ratio, 0-100) are the
# same quotation reworded; below it they are different quotations.
QUOTE_REWORDED_MIN = 60


def group_differences(left: Sequence[str], right: Sequence[str],
                      left_context: Sequence[str] = (), right_context: Sequence[str] = (),
                      *, extract: Callable[[str], tuple[Fact, ...]] = extract_facts) -> tuple[Difference, ...]:
    """Typed differences between the two sides of an aligned group.

    Args:
        left: the left sentences of the group, in order.
        right: the right sentences.
        left_context: sentences just before the left group, searched for the
            source of a claim the group itself does not attribute.
        right_context: the same for the right side.
        extract: the fact extractor; a comparison passes one that remembers each sentence's facts.
    """
    facts = [_facts(left, extract), _facts(right, extract)]
    texts = [" ".join(left), " ".join(right)]
    differences = [
        *_quantities(facts[0]["quantity"], facts[1]["quantity"]),
        *_unmatched_keys("date", facts[0]["date"], facts[1]["date"]),
        *_names(facts, texts),
        *_quotes(facts[0]["quote"], facts[1]["quote"]),
        *_attribution(facts[0]["attribution"] or _facts(left_context[-1:], extract)["attribution"],
                      facts[1]["attribution"] or _facts(right_context[-1:], extract)["attribution"]),
        *_unmatched_keys("certainty", facts[0]["certainty"], facts[1]["certainty"]),
        *_unmatched_keys("negation", facts[0]["negation"], facts[1]["negation"]),
    ]
    return tuple(sorted(dict.fromkeys(differences), key=_difference_order))


def _facts(sentences: Sequence[str], extract: Callable[[str], tuple[Fact, ...]]) -> dict[str, list[Fact]]:
    by_kind: dict[str, list[Fact]] = {kind: [] for kind in
                                      ("quantity", "date", "name", "quote", "attribution", "certainty", "negation")}
    for sentence in sentences:
        for fact in extract(sentence):
            by_kind[fact.kind].append(fact)
    return by_kind


def _joined(facts: Sequence[Fact]) -> str | None:
    return "; ".join(dict.fromkeys(f.text for f in facts)) or None


def _quantities(left: list[Fact], right: list[Fact]) -> list[Difference]:
    """Numbers one side gives that the other does not; the same counted thing with two numbers pairs up."""
    def value(fact: Fact) -> str:
        return fact.key.split("|", 1)[0]

    def head(fact: Fact) -> str:
        return fact.key.split("|", 1)[1]

    right_values = {value(f) for f in right}
    left_values = {value(f) for f in left}
    left_only = [f for f in left if value(f) not in right_values]
    right_only = [f for f in right if value(f) not in left_values]
    differences = []
    for fact in list(left_only):
        partner = next((r for r in right_only if head(fact) and head(r) == head(fact)), None)
        if partner is not None:
            differences.append(Difference("number", fact.text, partner.text))
            left_only.remove(fact)
            right_only.remove(partner)
    if left_only or right_only:
        differences.append(Difference("number", _joined(left_only), _joined(right_only)))
    return differences


def _unmatched_keys(kind: str, left: list[Fact], right: list[Fact]) -> list[Difference]:
    """Facts whose key only one side has, joined per side into one difference."""
    left_keys, right_keys = {f.key for f in left}, {f.key for f in right}
    left_only = [f for f in left if f.key not in right_keys]
    right_only = [f for f in right if f.key not in left_keys]
    if not (left_only or right_only):
        return []
    return [Difference(kind, _joined(left_only), _joined(right_only))]


def _word_present(word_stem: str, stems: set[str]) -> bool:
    if word_stem in stems:
        return True
    if len(word_stem) < NAME_PREFIX_MIN:
        return False
    return any(len(other) >= NAME_PREFIX_MIN and (other.startswith(word_stem) or word_stem.startswith(other))
               for other in stems)


# Words for the name check: acronyms ("U.N."), words with their apostrophes.
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:'[^\W\d_]+)*")


def _word_stems(text: str) -> set[str]:
    return {stem(word) for word in _WORD.findall(text.replace("’", "'").lower())}


def _names(facts: list[dict[str, list[Fact]]], texts: list[str]) -> list[Difference]:
    """Names one side mentions and the other does not mention at all, in any form."""
    stems = [_word_stems(text) | {f.key for f in side["name"]} for text, side in zip(texts, facts, strict=True)]
    differences = []
    for side, other in ((0, 1), (1, 0)):
        for fact in facts[side]["name"]:
            if fact.key in stems[other]:
                continue
            significant = [s for s in _word_stems(fact.text) if s not in NAME_JOINERS]
            if significant and not any(_word_present(s, stems[other]) for s in significant):
                evidence = (fact.text, None) if side == 0 else (None, fact.text)
                differences.append(Difference("name", *evidence))
    return differences


def _quotes(left: list[Fact], right: list[Fact]) -> list[Difference]:
    """Quotations on one side only, or quoted in other words on the other."""
    differences = []
    unmatched_right = [f for f in right if f.key not in {g.key for g in left}]
    for fact in left:
        if any(f.key == fact.key for f in right):
            continue
        reworded = max(unmatched_right, key=lambda f: fuzz.ratio(f.key, fact.key), default=None)
        if reworded is not None and fuzz.ratio(reworded.key, fact.key) >= QUOTE_REWORDED_MIN:
            differences.append(Difference("quote", fact.text, reworded.text))
            unmatched_right.remove(reworded)
        else:
            differences.append(Difference("quote", fact.text, None))
    differences += [Difference("quote", None, f.text) for f in unmatched_right]
    return differences


_PREPOSITIONS = frozenset({"in", "of", "at", "for", "from", "with", "to", "on", "by"})


def _source_head(fact: Fact) -> str:
    """The word that names who speaks: "Azerbaijan's defense ministry" -> ministry, "Ethnic forces in X" -> forces."""
    words = fact.text.replace("’", "'").split()
    cut = next((i for i, w in enumerate(words) if i and w.lower() in _PREPOSITIONS), len(words))
    return stem(re.sub(r"'s$", "", words[cut - 1]).lower().strip(",.\"'")) if cut else ""


def _same_source(left: Fact, right: Fact) -> bool:
    """Same speaker: equal keys, or the same head word (a surname, "ministry", "police")."""
    if left.key == right.key:
        return True
    left_head, right_head = _source_head(left), _source_head(right)
    return bool(left_head) and _word_present(left_head, {right_head})


def _attribution(left: list[Fact], right: list[Fact]) -> list[Difference]:
    """Different sources for the claim. A source on one side only is not flagged: one outlet
    naming its source where the other does not is too common to be a difference worth reading."""
    if not left or not right or any(_same_source(a, b) for a in left for b in right):
        return []
    return [Difference("attribution", _joined(left), _joined(right))]


def _difference_order(difference: Difference) -> tuple[int, str, str]:
    # By kind, then by the evidence itself, never by side: swapping the
    # articles must give the same list with sides exchanged.
    evidence = sorted((difference.left or "", difference.right or ""))
    return (DIFFERENCE_KINDS.index(difference.kind), evidence[0].casefold(), evidence[1].casefold())
