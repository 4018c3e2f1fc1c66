"""The one list of fact kinds: it drives extraction, comparison, the inventory and the kind names.

Adding a kind is writing its module (patterns, extractor, key, comparator, a
:class:`~compare.facts.base.FactKind` object) and listing it here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..models import Difference
from . import attribution, certainty, dates, direction, names, negation, numbers, quotes
from .base import Fact, FactKind, Group, Side, sentence_words

#: every kind, in the order reports list their differences
KINDS: tuple[FactKind, ...] = (numbers.KIND, dates.KIND, names.KIND, quotes.KIND, attribution.KIND,
                               certainty.KIND, negation.KIND, direction.KIND)
#: the kinds' names, in that order: "number", "date", "name", "quote", "attribution", ...
KIND_NAMES: tuple[str, ...] = tuple(kind.name for kind in KINDS)
BY_NAME: dict[str, FactKind] = {kind.name: kind for kind in KINDS}
#: the kinds the fact inventory lists, in its order
INVENTORY_KINDS: tuple[str, ...] = ("name", "number", "date", "quote")


def _extraction_order(kinds: Sequence[FactKind]) -> tuple[FactKind, ...]:
    """The kinds, each after the kinds whose facts its extractor reads."""
    ordered: list[FactKind] = []
    pending = list(kinds)
    while pending:
        ready = next(k for k in pending if all(n in {o.name for o in ordered} for n in k.needs))
        ordered.append(ready)
        pending.remove(ready)
    return tuple(ordered)


_EXTRACTION_ORDER = _extraction_order(KINDS)


def extract_facts(sentence: str) -> tuple[Fact, ...]:
    """Every fact of one sentence, in reading order (kind order for ties)."""
    words = sentence_words(sentence)
    found: dict[str, list[Fact]] = {}
    for kind in _EXTRACTION_ORDER:
        found[kind.name] = kind.extract(sentence, words, found)
    for kind in KINDS:
        found[kind.name] = kind.settle(found[kind.name], found)
    facts = [fact for kind in KINDS for fact in found[kind.name]]
    return tuple(sorted(facts, key=lambda f: (f.start, KIND_NAMES.index(f.kind), f.end)))


#: a statement of a group: its text alone (its id is then its position), or (sentence id, text)
Statement = str | tuple[int, str]


def _numbered(statements: Sequence[Statement], first: int = 0) -> tuple[tuple[int, str], ...]:
    return tuple(s if isinstance(s, tuple) else (first + i, s) for i, s in enumerate(statements))


def group_differences(left: Sequence[Statement], right: Sequence[Statement],
                      left_context: Sequence[Statement] = (), right_context: Sequence[Statement] = (),
                      *, extract: Callable[[str], tuple[Fact, ...]] = extract_facts,
                      paraphrase: bool = True) -> tuple[Difference, ...]:
    """Typed differences between the two sides of an aligned group.

    Args:
        left: the left statements of the group, in order: (sentence id, text),
            or texts alone, whose ids are then their positions (0, 1, ...).
        right: the right statements.
        left_context: the statement just before the left group (same forms;
            a text alone gets id -1), searched for the source of a claim the
            group itself does not attribute.
        right_context: the same for the right side.
        extract: the fact extractor; a comparison passes one that remembers each sentence's facts.
        paraphrase: whether the two sides are close enough counterparts for a
            negation to conflict with a side that tells its clause with the
            predicate in other words; a comparison passes false for a group
            the aligner links weakly (PARAPHRASE_ALIGN_THRESHOLD in options.py).

    Returns:
        The differences, by kind (registry order), then by evidence; swapping
        the sides exchanges each difference's sides and changes nothing else.
    """
    sides = []
    for statements, context in ((left, left_context), (right, right_context)):
        numbered, around = _numbered(statements), _numbered(context, -len(context))
        facts = {sid: extract(text) for sid, text in (*numbered, *around)}
        sides.append(Side(numbered, facts, around))
    group = Group(sides[0], sides[1], paraphrase)
    differences = [d for kind in KINDS for d in kind.compare(group)]
    return tuple(sorted(dict.fromkeys(differences), key=_difference_order))


def _difference_order(difference: Difference) -> tuple[int, str, str]:
    # By kind, then by the evidence itself, never by side: swapping the
    # articles must give the same list with sides exchanged.
    evidence = sorted((difference.left or "", difference.right or ""))
    return (KIND_NAMES.index(difference.kind), evidence[0].casefold(), evidence[1].casefold())
