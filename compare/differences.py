"""Typed differences inside an aligned group, from the facts of each side.

Kinds, in the order reports list them: ``number`` (quantities), ``date``,
``name``, ``quote``, ``attribution``, ``certainty``, ``negation``,
``direction`` (rose against fell). Each
difference carries the evidence as written on each side (None where a side
says nothing of it) and whether it is a *conflict*: both sides state the
detail and state it differently (25 dead against 80 dead, Sunday against
Monday, two named speakers), or one side negates or hedges what the other
asserts. Details only one side gives (a name, an extra figure, a quotation)
are differences too, but not conflicts: one outlet saying more is not a
contradiction, and only conflicts turn a pair's label to ``differs``.

Swapping the sides exchanges ``left`` and ``right`` and changes nothing else.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

from rapidfuzz import fuzz

from .facts import FACT_KINDS, NAME_JOINERS, Fact, date_parts, extract_facts
from .models import DIFFERENCE_KINDS, Difference
from .text import STOP_WORDS, stem

# Two name words match when one is a prefix of the other and they share at
# least this many letters: Armenia / Armenian, Azerbaijan / Azerbaijani.
NAME_PREFIX_MIN = 5
# Two quotations whose words are this similar (rapidfuzz ratio, 0-100) are the
# same quotation reworded; below it they are different quotations.
QUOTE_REWORDED_MIN = 60
# A figure written with this many significant digits or more may be a rounding
# of a more precise one: "6.3" of "6.32". A round "30" is not taken for 26.
ROUNDED_MIN_DIGITS = 2
# Hedges that soften a claim without doubting it ("may", "likely", "possibly"):
# listed, but not conflicts. Reports of one event word predictions and
# likelihoods differently all the time; "attempted", "alleged" and
# "could not be verified" change what is claimed to have happened.
WEAK_HEDGES = frozenset({"possible"})
# Titles before a speaker's name: "Sen. Mitch McConnell" and "McConnell" are
# one speaker, and a title alone says nothing about who spoke.
_TITLES = frozenset(stem(t) for t in (
    "mr", "mrs", "ms", "dr", "sen", "senator", "rep", "gov", "governor", "president", "prime", "minister",
    "secretary", "general", "gen", "col", "capt", "lt", "sgt", "chief", "spokesman", "spokeswoman",
    "spokesperson", "officials", "official", "foreign", "defense", "defence", "state", "deputy", "adviser",
    "advisor", "judge", "justice", "mayor", "king", "queen", "prince", "pope", "sir", "lord", "ambassador",
    "commissioner", "director", "chairman", "chairwoman", "head", "leader", "commander", "mp"))


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
    slots = [_slots(left, extract), _slots(right, extract)]
    differences = [
        *_quantities(facts[0]["quantity"], facts[1]["quantity"], slots),
        *_dates(facts[0]["date"], facts[1]["date"]),
        *_names(facts, texts, slots),
        *_quotes(facts[0]["quote"], facts[1]["quote"]),
        *_attribution(facts[0]["attribution"] or _facts(left_context[-1:], extract)["attribution"],
                      facts[1]["attribution"] or _facts(right_context[-1:], extract)["attribution"]),
        *_one_sided("certainty", facts[0]["certainty"], facts[1]["certainty"], weak=WEAK_HEDGES),
        *_one_sided("negation", facts[0]["negation"], facts[1]["negation"]),
        *_directions(facts[0]["direction"], facts[1]["direction"]),
    ]
    return tuple(sorted(dict.fromkeys(differences), key=_difference_order))


def _facts(sentences: Sequence[str], extract: Callable[[str], tuple[Fact, ...]]) -> dict[str, list[Fact]]:
    by_kind: dict[str, list[Fact]] = {kind: [] for kind in FACT_KINDS}
    for sentence in sentences:
        for fact in extract(sentence):
            by_kind[fact.kind].append(fact)
    return by_kind


def _joined(facts: Sequence[Fact]) -> str | None:
    return "; ".join(dict.fromkeys(f.text for f in facts)) or None


# -- numbers -------------------------------------------------------------------

def _value(fact: Fact) -> str:
    return fact.key.split("|", 1)[0]


def _head(fact: Fact) -> str:
    return fact.key.split("|", 1)[1]


def _slot(fact: Fact) -> str:
    """What a number measures, as far as its form tells: a currency, a percentage, or its counted thing."""
    value = _value(fact)
    if value[:1] in "$€£":
        return value[0]
    if value.endswith("%"):
        return "%"
    return _head(fact)


def _same_value(a: Fact, b: Fact) -> bool:
    """Equal values, allowing for rounding: "$6.3 billion" agrees with "$6.32 billion", 25 does not with 26."""
    value_a, value_b = _value(a), _value(b)
    if value_a == value_b:
        return True
    units = [re.sub(r"[\d.]", "", v) for v in (value_a, value_b)]
    numbers = [v.strip("$€£%") for v in (value_a, value_b)]
    if units[0] != units[1] or not all(re.fullmatch(r"\d+(?:\.\d+)?", n) for n in numbers):
        return False
    for coarse, fine, written in ((float(numbers[0]), float(numbers[1]), a.text),
                                  (float(numbers[1]), float(numbers[0]), b.text)):
        digits = _significant_digits(written)
        # Two significant digits at least: a round "30" does not stand for 26.
        if digits < ROUNDED_MIN_DIGITS or not fine:
            continue
        scale = 10 ** (math.floor(math.log10(abs(fine))) + 1 - digits)
        if coarse in (round(fine / scale) * scale, math.trunc(fine / scale) * scale):  # rounded or cut off
            return True
    return False


def _significant_digits(written: str) -> int:
    """Significant digits of the figure as written: "6.3 billion" -> 2, "1,200" -> 2, "25" -> 2."""
    match = re.search(r"\d[\d,]*(?:\.\d+)?", written)
    if not match:
        return 0
    figure = match.group().replace(",", "")
    digits = figure.replace(".", "").lstrip("0")
    return len(digits if "." in figure else digits.rstrip("0")) or 1


def _quantities(left: list[Fact], right: list[Fact], slots: list[dict[Fact, tuple[str, str]]]) -> list[Difference]:
    """Numbers the sides state differently (conflicts), and numbers only one side gives.

    Two unmatched numbers conflict when they measure the same thing: the same
    counted noun, the same currency, or both percentages; when they stand
    between the same words ("Peterson, 31, is" / "Peterson, 68, is"); or when
    each side has exactly one unmatched number. A side that gives only vague
    amounts ("multiple casualties") where the other gives figures conflicts
    with it too.
    """
    left_only = [f for f in left if not any(_same_value(f, r) for r in right)]
    right_only = [f for f in right if not any(_same_value(f, g) for g in left)]
    differences = []
    for fact in list(left_only):
        if fact.detail == "vague":
            continue
        partner = next((r for r in right_only if r.detail != "vague" and (
            (_slot(r) and _slot(r) == _slot(fact)) or slots[1].get(r) == slots[0].get(fact) is not None)), None)
        if partner is not None:
            differences.append(Difference("number", fact.text, partner.text, conflict=True))
            left_only.remove(fact)
            right_only.remove(partner)
    exact = [[f for f in side if f.detail != "vague"] for side in (left_only, right_only)]
    vague = [[f for f in side if f.detail == "vague"] for side in (left_only, right_only)]
    if len(exact[0]) == len(exact[1]) == 1 and not (vague[0] or vague[1]):
        return [*differences, Difference("number", exact[0][0].text, exact[1][0].text, conflict=True)]
    if (exact[0] and vague[1] and not exact[1]) or (exact[1] and vague[0] and not exact[0]):
        # Figures against vague amounts: "25 people; 80 injured" / "multiple civilian casualties".
        return [*differences, Difference("number", _joined(left_only), _joined(right_only), conflict=True)]
    if left_only or right_only:
        differences.append(Difference("number", _joined(left_only), _joined(right_only)))
    return differences


# -- dates ---------------------------------------------------------------------

def _compatible_dates(a: Fact, b: Fact) -> bool:
    """Dates that can be the same day: no part both state differs ("June 30" / "June 30, 2003")."""
    parts_a, parts_b = date_parts(a.key), date_parts(b.key)
    shared = parts_a.keys() & parts_b.keys()
    return bool(shared) and all(parts_a[p] == parts_b[p] for p in shared)


def _comparable_dates(a: Fact, b: Fact) -> bool:
    """Dates stated in a common part other than a relative one ("Sunday" / "Monday", "2002" / "2003")."""
    return bool((date_parts(a.key).keys() & date_parts(b.key).keys()) - {"relative"})


def _dates(left: list[Fact], right: list[Fact]) -> list[Difference]:
    """Dates that cannot be the same day (conflicts), and dates only one side gives.

    A relative date ("yesterday", "last week") is never in conflict with a
    calendar one: which day it means depends on a publication date the text
    does not give.
    """
    left_only = [f for f in left if not any(_compatible_dates(f, r) for r in right)]
    right_only = [f for f in right if not any(_compatible_dates(f, g) for g in left)]
    differences = []
    for fact in list(left_only):
        partner = next((r for r in right_only if _comparable_dates(fact, r)), None)
        if partner is not None:
            differences.append(Difference("date", fact.text, partner.text, conflict=True))
            left_only.remove(fact)
            right_only.remove(partner)
    if left_only or right_only:
        differences.append(Difference("date", _joined(left_only), _joined(right_only)))
    return differences


# -- names ---------------------------------------------------------------------

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


def _names(facts: list[dict[str, list[Fact]]], texts: list[str],
           slots: list[dict[Fact, tuple[str, str]]]) -> list[Difference]:
    """Names one side mentions and the other does not mention at all, in any form.

    A name only one side gives is a detail: two reports name one actor as "the
    Fed" and "the Federal Open Market Committee", "U.S." and "American", a
    minister and his ministry, far more often than they swap one for another.
    It is a conflict when a name stands where the other side has another name,
    between the same words ("examined by the Herald yesterday" / "examined by
    The Age yesterday"): the one form of a swap that is rarely a rewording.
    (On MRPC train, pairing any lone unmatched names instead flagged 124
    equivalent pairs to catch 41 others.)
    """
    stems = [_word_stems(text) | {f.key for f in side["name"]} for text, side in zip(texts, facts, strict=True)]
    missing: list[list[Fact]] = [[], []]
    for side, other in ((0, 1), (1, 0)):
        for fact in facts[side]["name"]:
            if fact.key in stems[other]:
                continue
            significant = [s for s in _word_stems(fact.text) if s not in NAME_JOINERS]
            if significant and not any(_word_present(s, stems[other]) for s in significant) and not any(
                    _abbreviates(fact.text, f.text) or _abbreviates(f.text, fact.text) for f in facts[other]["name"]):
                missing[side].append(fact)
    differences = []
    for fact in list(missing[0]):
        swapped = next((f for f in missing[1] if slots[1].get(f) == slots[0].get(fact) is not None), None)
        if swapped is not None:
            differences.append(Difference("name", fact.text, swapped.text, conflict=True))
            missing[0].remove(fact)
            missing[1].remove(swapped)
    if len(missing[0]) == len(missing[1]) == 1:  # one name each: shown side by side, a detail
        return [*differences, Difference("name", missing[0][0].text, missing[1][0].text)]
    return [*differences, *(Difference("name", f.text, None) for f in missing[0]),
            *(Difference("name", None, f.text) for f in missing[1])]


def _abbreviates(short: str, long: str) -> bool:
    """Whether ``short`` is an acronym of ``long``: "IAEA" / "International Atomic Energy Agency", "GE" / "General
    Electric Co"."""
    letters = short.replace(".", "")
    if not (2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()):
        return False
    initials = "".join(w[0] for w in long.split() if w[:1].isupper())
    return len(initials) >= 2 and initials.startswith(letters)


_SLOT_WORD = re.compile(r"[^\W_]+")


def _slots(sentences: Sequence[str], extract: Callable[[str], tuple[Fact, ...]]) -> dict[Fact, tuple[str, str]]:
    """The word before and the word after each name and quantity, lower case ("" at a sentence's edge)."""
    slots = {}
    for sentence in sentences:
        for fact in extract(sentence):
            if fact.kind in ("name", "quantity"):
                before = _SLOT_WORD.findall(sentence[max(0, fact.start - 40) : fact.start])
                after = _SLOT_WORD.match(sentence[fact.end :].lstrip(" ,.;:'’\"”)"))
                slots[fact] = (before[-1].lower() if before else "", after.group().lower() if after else "")
    return slots


# -- quotations, attribution, certainty, negation --------------------------------

def _quotes(left: list[Fact], right: list[Fact]) -> list[Difference]:
    """Quotations on one side only, or quoted in other words on the other (details, not conflicts)."""
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


def _source_words(fact: Fact) -> set[str]:
    """The stems that identify a speaker: "Sen. Mitch McConnell" -> {mitch, mcconnel}.

    Titles are left out, and so are possessives: "Azerbaijan's Hajiyev" and
    "Azerbaijan's defence ministry" are two speakers of one country.
    """
    words = " ".join(w for w in fact.text.replace("’", "'").split() if not w.endswith("'s"))
    return {s for s in _word_stems(words) if s not in STOP_WORDS and s not in _TITLES}


def _source_head(fact: Fact) -> str:
    """The word that names who speaks: "Azerbaijan's defense ministry" -> ministry, "Ethnic forces in X" -> forces."""
    words = fact.text.replace("’", "'").split()
    cut = next((i for i, w in enumerate(words) if i and w.lower() in _PREPOSITIONS), len(words))
    return stem(re.sub(r"'s$", "", words[cut - 1]).lower().strip(",.\"'")) if cut else ""


def _is_named(fact: Fact) -> bool:
    """A source that names someone ("Hikmet Hajiyev", "Azerbaijan's defence ministry"), not "the company".

    The first word of a sentence is capitalised whatever it is ("Police said"),
    so there it counts only as an acronym ("IBM").
    """
    words = fact.text.split()
    # An acronym or a possessive ("Azerbaijan's defence ministry") is a name even there.
    first = 1 if fact.start == 0 and not re.fullmatch(r"[A-Z][A-Z.&]+(?:'s)?|[A-Z]\w+['’]s", words[0]) else 0
    return any(word[:1].isupper() for word in words[first:]) or (first == 0 and words[0][:1].isupper())


def _same_source(left: Fact, right: Fact) -> bool:
    """Same speaker: equal keys, the same head word ("ministry", "police"), or a shared name word (a surname)."""
    if left.key == right.key:
        return True
    left_head, right_head = _source_head(left), _source_head(right)
    if left_head and _word_present(left_head, {right_head}):
        return True
    return bool(_source_words(left) & _source_words(right))


def _attribution(left: list[Fact], right: list[Fact]) -> list[Difference]:
    """Different sources for the claim: a conflict when both sides name their speaker.

    A source on one side only is not flagged: one outlet naming its source where
    the other does not is too common to be a difference worth reading. A
    description ("the company") against a name ("IBM") is listed, not counted
    as a conflict: it may well be the same speaker.
    """
    if not left or not right or any(_same_source(a, b) for a in left for b in right):
        return []
    named = any(_is_named(f) for f in left) and any(_is_named(f) for f in right)
    return [Difference("attribution", _joined(left), _joined(right), conflict=named)]


def _one_sided(kind: str, left: list[Fact], right: list[Fact], weak: frozenset[str] = frozenset()
               ) -> list[Difference]:
    """Hedges or negations of a class one side has and the other lacks: each side's, as one difference.

    A conflict unless every such class is in ``weak``.
    """
    left_keys, right_keys = {f.key for f in left}, {f.key for f in right}
    left_only = [f for f in left if f.key not in right_keys]
    right_only = [f for f in right if f.key not in left_keys]
    if not (left_only or right_only):
        return []
    conflict = any(f.key not in weak for f in (*left_only, *right_only))
    return [Difference(kind, _joined(left_only), _joined(right_only), conflict=conflict)]


def _directions(left: list[Fact], right: list[Fact]) -> list[Difference]:
    """Opposite movements: one side says only "rose", the other only "fell" (a conflict)."""
    left_ways, right_ways = {f.key for f in left}, {f.key for f in right}
    if len(left_ways) == len(right_ways) == 1 and left_ways != right_ways:
        return [Difference("direction", _joined(left), _joined(right), conflict=True)]
    return []


def _difference_order(difference: Difference) -> tuple[int, str, str]:
    # By kind, then by the evidence itself, never by side: swapping the
    # articles must give the same list with sides exchanged.
    evidence = sorted((difference.left or "", difference.right or ""))
    return (DIFFERENCE_KINDS.index(difference.kind), evidence[0].casefold(), evidence[1].casefold())
