"""The fact inventory across two articles: every name, number, date and quotation, and the statements carrying it.

An entry is in both reports only when both carry it: the same key, a
demonym of the same country ("Armenian" / "Armenia"), or a surname standing
for a full name named once ("Mueller" / "Robert Mueller"). A name's last word
alone never stands for a name of an organisation: "Council" in "UN Security
Council" is not the "European Council".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..models import FactEntry
from .base import Fact
from .names import TITLE_HEADS
from .registry import INVENTORY_KINDS, extract_facts

# Name keys that share this many leading letters, one a prefix of the other,
# are one entry: "armenia" / "armenian", "azerbaijan" / "azerbaijani".
INVENTORY_PREFIX_MIN = 5
# Last words of organisations and places, which do not stand for the whole name
# the way a surname does: "the Council", "the Committee".
GENERIC_HEADS = frozenset(
    "council committee commission party house senate congress court department ministry office agency union "
    "association police army forces force government administration city county state states province "
    "university school church bank fund group board authority service services news times post journal "
    "street bridge square river island sea ocean republic kingdom nations center centre institute "
    "foundation corporation company campaign movement front caucus assembly parliament".split()) | TITLE_HEADS


def fact_inventory(left: Sequence[tuple[int, str]], right: Sequence[tuple[int, str]],
                   *, extract: Callable[[str], tuple[Fact, ...]] | None = None) -> tuple[FactEntry, ...]:
    """Every name, number, date and quotation of two articles' statements, with the sentences carrying it.

    Args:
        left: (sentence id, text) of each left statement.
        right: the same for the right article.
        extract: the fact extractor (default :func:`~compare.facts.extract_facts`).

    Names whose keys differ only by a short ending ("Armenia", "Armenian") are
    one entry; different names for one place ("Stepanakert", "Khankendi") or a
    capital standing for its government ("Baku") stay apart: telling those
    apart needs knowledge the tool does not have, and a reader sees both.
    """
    extract = extract or extract_facts
    carriers: dict[tuple[str, str], tuple[set[int], set[int]]] = {}
    evidence: dict[tuple[str, str], list[str]] = {}
    names = [fact.key for _, text in (*left, *right) for fact in extract(text) if fact.kind == "name"]
    roots = merge_prefix_keys(names)
    for side, statements in enumerate((left, right)):
        for sentence_id, text in statements:
            for fact in extract(text):
                if fact.kind not in INVENTORY_KINDS:
                    continue
                key = (fact.kind, roots.get(fact.key, fact.key) if fact.kind == "name" else fact.key)
                carriers.setdefault(key, (set(), set()))[side].add(sentence_id)
                evidence.setdefault(key, []).append(fact.text)
    # A name alone at the start of a sentence is not extracted ("Ruiz praised ..."), so a
    # person's name one side seems to lack is looked for, by its last word, at that side's sentence starts.
    starts = [_sentence_start_words(side) for side in (left, right)]
    for entry, ids in carriers.items():
        if entry[0] != "name" or (ids[0] and ids[1]):
            continue
        missing = 0 if not ids[0] else 1
        last_word = min(evidence[entry], key=len).split()[-1]
        if last_word.lower() not in GENERIC_HEADS:
            ids[missing].update(starts[missing].get(last_word, ()))
    entries = [FactEntry(kind, key, min(evidence[kind, key], key=lambda t: (len(t), t)),
                         tuple(sorted(lefts)), tuple(sorted(rights)))
               for (kind, key), (lefts, rights) in carriers.items()]
    return tuple(sorted(entries, key=lambda e: (INVENTORY_KINDS.index(e.kind), e.key)))


_FIRST_WORD = re.compile(r"^[\"'“‘(\s]*([A-Z][\w'’-]*?)(?:['’]s)?\b")


def _sentence_start_words(statements: Sequence[tuple[int, str]]) -> dict[str, set[int]]:
    """The capitalised first word of each statement -> the ids of the statements it opens."""
    index: dict[str, set[int]] = {}
    for sentence_id, text in statements:
        match = _FIRST_WORD.match(text)
        if match:
            index.setdefault(match.group(1), set()).add(sentence_id)
    return index


def merge_prefix_keys(keys: list[str]) -> dict[str, str]:
    """Map name keys that name one entity to one key.

    A key extending a shorter one by at most three letters joins it (demonyms:
    "armenian" -> "armenia"); a one-word key that is the last word of a longer
    one joins the longer (a surname: "pashinyan" -> "nikol pashinyan", when
    only one longer name ends so, and the word is not an organisation's:
    "council" stays apart from "european council").
    """
    distinct = sorted(set(keys), key=lambda k: (len(k), k))
    canonical: dict[str, str] = {}
    for key in distinct:  # shortest first, so a root is always seen before its extensions
        prefixes = (key[:cut] for cut in range(len(key) - 1, max(INVENTORY_PREFIX_MIN, len(key) - 3) - 1, -1))
        root = next((canonical[p] for p in prefixes if canonical.get(p) == p), key)
        canonical[key] = root
    ending_in: dict[str, list[str]] = {}
    for key in distinct:
        if " " in key:
            ending_in.setdefault(key.rsplit(" ", 1)[1], []).append(key)
    for key in distinct:
        longer = ending_in.get(key, []) if " " not in key and key not in GENERIC_HEADS else []
        if len(longer) == 1:
            canonical[key] = canonical[longer[0]]
    return canonical
