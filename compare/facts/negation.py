"""Negation: "not", "never", "no", "denied", "refused to", "cannot".

Key: ``not`` for a negated action or thing, ``deny`` for a denial of a claim.
A negation conflicts with the other side only when the other side affirms
what it negates, the same predicate outside any negation of its own (see
:mod:`compare.facts.scope`): "the army did not withdraw" / "the army
withdrew". A negation of a clause the other side does not tell ("who usually
wears a bow tie but opted not to") is no difference between the two
accounts, and two negations in other words agree: "without recommending
criminal charges" / "recommended no charges be filed", "had no comment" /
"did not comment", "would not recuse himself" / "refused to recuse himself".
A negation of a negation affirms ("did not fail to report" / "reported", "no
one disputed the results"): it conflicts only with the other side's negation
of the clause it affirms.

Checked on 210 article pairs the rules were never tuned on (README, "Conflicts
are scoped to the shared claim"): two negations also agree when one bears on
the other's predicate or both on two of the same words ("would not apply to
domestic partnerships" / "and not those in domestic partnerships"); a side
opposing, avoiding or disputing what the other negates agrees with it (the
shields of :mod:`compare.facts.scope`); a rejection of a thing conflicts only
with a side telling the thing accepted ("rejected the measure" / "approved the
measure", not "vote to override the veto").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..models import Difference
from .base import Fact, FactKind, Group, Mention, Side, difference, lemma, related, sentence_words
from .certainty import extract_certainty
from .scope import (
    TELLING,
    asserts_nothing,
    contradicted,
    covered,
    double_negations,
    focus,
    object_words,
    scope_words,
    shielded,
    tells_after,
    withheld_words,
)

NAME = "negation"

# "not" inside a compound ("do-not-call") negates nothing.
_NEGATION = re.compile(
    r"(?<!-)\b(?:not(?!-)|never|no\s+one\b|no(?!-)(?!\.\s*\d)|none|nobody|nothing|neither|nor"
    r"|cannot)\b|n['’]t\b"
    r"|\b(?:den(?:y|ied|ies)|refut(?:e|ed|es)|reject(?:ed|s)?|dismiss(?:ed|es)?|rebuff(?:ed|s)?|refus(?:e|ed|es|ing)"
    r"|declin(?:e|ed|es|ing)|fail(?:ed|s|ing)?\s+to)\b",
    re.IGNORECASE,
)
# "not only X but (also) Y" is an idiom, no negation; so is "Not only" opening a sentence or with the inversion
# after it ("Not only is it the oldest planet, it is the farthest", "an era when not only is it rare") and
# "not only X, it Y" (or "; it Y"). Without such a second half "not only" negates: "There is not only one drug
# on the market."
_NOT_ONLY = re.compile(r"\s+only\b(?P<inverted>\s+(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could"
                       r"|should|must|may|might)\b)?", re.IGNORECASE)
_SECOND_HALF = re.compile(r"\b(?:but|also)\b|[,;:—–]\s*(?:it|he|she|they|we|I|you)\b", re.IGNORECASE)
_SENTENCE_OPENING = " \t\n\"'“‘(["
_TRIGGERS = frozenset(
    "not never no none nobody nothing neither nor cannot decline declined declines declining refuse refused "
    "refuses refusing fail failed fails failing deny denied denies refute refuted refutes reject rejected rejects "
    "dismiss dismissed dismisses rebuff rebuffed rebuffs".split())


def extract_negations(sentence: str, certainty: list[Fact] | None = None,
                      words: frozenset[str] | None = None) -> list[Fact]:
    """Negations and denials ("not", "denied", "refuted"), except inside a verification caveat."""
    words = sentence_words(sentence) if words is None else words
    if _TRIGGERS.isdisjoint(words) and "n't" not in sentence and "n’t" not in sentence:
        return []
    if certainty is None:
        certainty = extract_certainty(sentence)
    caveats = [(f.start, f.end) for f in certainty if f.key == "unverified"]
    facts = []
    for match in _NEGATION.finditer(sentence):
        if any(start <= match.start() < end for start, end in caveats):
            continue
        word = match.group().lower()
        if word == "not" and _correlative(sentence, match.start(), match.end()):
            continue
        if word == "no" and _VOTE_NO.match(sentence, match.end()) and (
                sentence[: match.start()].endswith(_QUOTES) or _A_NO.search(sentence, 0, match.start())):
            continue  # a "no" vote is a vote, no negation: 'The lone "no" vote was Reid', 'cast a no vote'

        # Denying a claim is one thing, negating an action another; refusing or
        # failing to act negates the action ("refused to recuse" = "would not recuse").
        key = "deny" if word[:4] in {"deny", "deni", "refu", "reje", "dism", "rebu"} and not word.startswith(
            "refus") else "not"  # declining to comment = not commenting
        facts.append(Fact(NAME, match.group(), key, match.start(), match.end()))
    return facts


_QUOTES = ("\"", "“", "‘", "'")
_VOTE_NO = re.compile(r"[\"”’']?\s*-?\s*votes?\b", re.IGNORECASE)
_A_NO = re.compile(r"\b(?:a|the|one|lone)\s+$", re.IGNORECASE)


def _correlative(sentence: str, start: int, end: int) -> bool:
    """Whether the "not" at ``start:end`` opens the idiom "not only X but (also) Y"."""
    only = _NOT_ONLY.match(sentence, end)
    if only is None:
        return False
    return (only.group("inverted") is not None or not sentence[:start].strip(_SENTENCE_OPENING)
            or _SECOND_HALF.search(sentence, only.end()) is not None)


#: content words two negations must both bear on to agree, when neither bears on the other's predicate
AGREEING_WORDS = 2


def _agreed(side: Side, mention: Mention, other: Side, negations: list[Mention]) -> bool:
    """Whether the other side has a negation of the same kind about the same predicate, or one whose
    predicate is left unsaid ("something Gattine has denied." / "Gattine denied that he ever called"), or a
    negation of any kind bearing on some of the same words, the predicate told in other words ("would not
    apply to domestic partnerships" / "only applies to married couples, and not those in domestic
    partnerships")."""
    word = focus(side, mention)
    mine = scope_words(side, mention)
    for theirs in negations:
        their_scope = scope_words(other, theirs)
        # They negate the same predicate, or two or more of the same words ("domestic partnerships").
        if (word is not None and lemma(word.lower) in their_scope) or len(mine & their_scope) >= AGREEING_WORDS:
            return True
        if theirs.fact.key != mention.fact.key:
            continue
        their_word = focus(other, theirs)
        if word is None or their_word is None or related(word.lower, their_word.lower):
            return True
        if (lemma(word.lower) in TELLING and lemma(their_word.lower) in TELLING
                and not withheld_words(side, mention).isdisjoint(withheld_words(other, theirs))
                and not tells_after(side, mention) and not tells_after(other, theirs)):
            # both hold back the same thing, in other words: "won't comment on individual accounts" / "declined
            # to say whether Mr. Weiner's account was hacked" (not "would not discuss the case" / "declined to
            # say whether she would testify", nor one that tells after all: "declined to disclose the names of the
            # people arrested, but said 14 had been detained" / "did not say how many people were arrested")
            return True
    return False


def _affirmed_too(side: Side, mention: Mention, negated: set[tuple[int, int]]) -> bool:
    """Whether the negating side also states its focus plainly in another of its sentences, outside any
    negation ("the governor apologized repeatedly ..." / "Earlier, he had refused to apologize"): it tells
    two occasions, and a side telling the act agrees with it."""
    word = focus(side, mention)
    return word is not None and any(
        t.content and t.sentence != word.sentence and (t.sentence, t.start) not in negated
        and related(word.lower, t.lower) for t in side.tokens)


# Rejecting a thing ("rejected the offer", "dismissed Trump's idea", "Congress rejects Obama veto") names it,
# and the other side naming it too ("vote to override the veto") does not accept it: a rejection conflicts
# only with a side telling that the same thing was accepted ("Voters rejected the measure" / "Voters approved
# the measure", "The judge dismissed the lawsuit" / "allowed the lawsuit to proceed"). It agrees with the
# other side's negations (both refuse).
_REJECTIONS = ("reje", "dism", "rebu")
_ACCEPTING = frozenset(lemma(w) for w in (
    "accept accepted accepts approve approved approves confirm confirmed confirms pass passed passes uphold upheld "
    "upholds adopt adopted adopts allow allowed allows endorse endorsed endorses ratify ratified ratifies grant "
    "granted grants embrace embraced embraces").split())


# A passive before the accepting verb: its thing is before it ("the measure was approved").
_PASSIVE = re.compile(r"\b(?:is|are|was|were|been|be|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def _rejection(mention: Mention) -> bool:
    return mention.fact.text.lower().startswith(_REJECTIONS)


def _accepted(side: Side, mention: Mention, other: Side, negated: set[tuple[int, int]]) -> bool:
    """Whether ``other`` tells plainly that the thing a rejection on ``side`` rejects was accepted."""
    things = object_words(side, mention)
    for token in other.tokens:
        if lemma(token.lower) not in _ACCEPTING or (token.sentence, token.start) in negated:
            continue
        # the thing accepted: the words after the verb ("approved the measure"), or before a passive ("the
        # measure was approved")
        words = [t for t in other.sentence_tokens(token.sentence) if t.content]
        after = [t for t in words if t.start > token.start][:3]
        text = other.sentence_text(token.sentence)
        before = [t for t in words if t.end < token.start][-2:] if _PASSIVE.search(text[: token.start]) else []
        if any(lemma(t.lower) in things for t in (*after, *before)):
            return True
    return False



class Negation(FactKind):
    name = NAME
    needs = ("certainty",)

    def extract(self, sentence: str, words: frozenset[str], found: Mapping[str, list[Fact]]) -> list[Fact]:
        return extract_negations(sentence, found.get("certainty", []), words)

    def compare(self, group: Group) -> list[Difference]:
        """Negations of what the other side affirms: one conflict, with each side's negations of that kind.

        (One difference for both sides, not one a side: the list then reads the
        same whichever article is called left.)
        """
        if group.left.text.casefold() == group.right.text.casefold():
            # The same words on both sides state the same claim, whatever the negations in them
            # ("Army denied denied." reads its second "denied" as cancelled by the first on one side only).
            return []
        if not group.left.mentions(NAME) and not group.right.mentions(NAME):
            return []  # no negation on either side: nothing to compare
        found: list[list[Mention]] = [[], []]
        # A negation of a negation ("did not fail to", "never denied") affirms: no conflict of its own,
        # and what it affirms is affirmed for the other side's negations.
        # It still conflicts with a side affirming the negative predicate itself ("is not disputing" /
        # "is disputing").
        cancelled = [double_negations(side, side.mentions(NAME)) for side in group.sides]
        mentions = [cancelled[0][0], cancelled[1][0]]
        negated_on = [(covered(group.sides[k], mentions[k]) | shielded(group.sides[k])) - cancelled[k][2]
                      for k in (0, 1)]
        for side, other in ((0, 1), (1, 0)):
            other_side = group.sides[other]
            negated = negated_on[other]
            found[side].extend(m for m in cancelled[side][1]
                               if not asserts_nothing(group.sides[side], m, other_side)
                               and contradicted(group.sides[side], m, other_side, negated))
            for mention in mentions[side]:
                if _rejection(mention):
                    if _accepted(group.sides[side], mention, other_side, negated):
                        found[side].append(mention)
                    continue
                if asserts_nothing(group.sides[side], mention, other_side) or _agreed(
                        group.sides[side], mention, other_side, mentions[other]) or _affirmed_too(
                        group.sides[side], mention, negated_on[side]):
                    continue
                if contradicted(group.sides[side], mention, other_side, negated, paraphrase=group.paraphrase):
                    found[side].append(mention)
        return [difference(NAME, found[0], found[1], conflict=True)] if found[0] or found[1] else []


KIND = Negation()
