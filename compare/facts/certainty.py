"""Certainty: hedges and caveats that doubt what happened: unverified, alleged, attempted, possible.

Key: the class of the hedge. A hedge conflicts with the other side only when
the other side states plainly what it hedges (see :mod:`compare.facts.scope`):
"attempts by Azerbaijani forces to breach their lines" / "forces breached
Armenian lines". "Authorities who claim the area as their homeland" against
"who assert ancestral ties" is no conflict: "claim" there is a saying verb,
and what is claimed ("the area") is not said plainly on the other side. A
verification caveat ("has not independently verified") doubts the whole
claim and conflicts wherever the other side has none. Weak hedges ("may",
"likely", "possibly") are listed, never conflicts; purposes ("in an effort
to", "in an attempt to") are not hedges.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..models import Difference
from .base import Fact, FactKind, Group, Mention, Side, difference, distinct
from .scope import contradicted, covered, shielded

NAME = "certainty"

# Hedges and verification caveats, by class. A statement with one of these is
# not asserted as fact by the reporter.
CERTAINTY_MARKERS: dict[str, str] = {
    "unverified": r"\b(?:could|can|did|has|have|had|was|were)\s*(?:not|n['’]t)\s+(?:be(?:en)?\s+)?(?:independently\s+)?"
                  r"(?:verif(?:y|ied)|confirm(?:ed)?)\b|\bunverified\b|\bunconfirmed\b|\bnot independently verified\b",
    "alleged": r"\balleg(?:e|ed|edly|es|ing)\b|\ballegations?\b|\bpurported(?:ly)?\b|\breportedly\b|\bclaim(?:s|ed)?\b",
    # "attempts by forces to breach" hedges the outcome; "in an attempt to", "in an effort to" state a purpose.
    "attempted": r"(?<!\ban )\battempt(?:s|ed)?\s+(?:by\s+[^,.]{1,60}\s+)?to\b|\b(?:tried|try|trying|tries)\s+to\b"
                 r"|\bsought to\b|(?<!\ban )\befforts?\s+(?:by\s+[^,.]{1,60}\s+)?to\b",
    # "could" is left out: "civilians could leave" is ability, not doubt.
    # "may" in lower case only: "May" is also the month ("from May to June").
    "possible": r"\b(?-i:may|might)\s+(?!not\b)(?:have\s+)?[a-z]+|\bpossibl[ey]\b|\bperhaps\b|\blikely\b"
                r"|\bprobabl[ey]\b|\bmaybe\b|\bpotential(?:ly)?\b",
}
_CERTAINTY = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in CERTAINTY_MARKERS.items()}
_TRIGGERS = ("verif", "confirm", "alleg", "purport", "reported", "claim", "attempt", "tried", "sought",
             "may", "might", "possib", "perhaps", "likely", "probabl", "try", "tries", "trying", "effort",
             "potential")
# Hedges that soften a claim without doubting it ("may", "likely", "possibly"):
# listed, but not conflicts. Reports of one event word predictions and
# likelihoods differently all the time; "attempted", "alleged" and
# "could not be verified" change what is claimed to have happened.
WEAK_HEDGES = frozenset({"possible"})
# Hedges that doubt the whole claim, not one predicate.
WHOLE_CLAIM = frozenset({"unverified"})
# Saying verbs and nouns of the "alleged" class: a side that attributes the claim as well reports it as a claim too.
_REPORTED_SPEECH = re.compile(r"claim|alleg", re.IGNORECASE)


# Saying verbs of reported speech, and the words of criminal charges, which are allegations too:
# "it accuses him of obstruction" / "charges that include obstruction".
_SAYING = frozenset("said says say told tells stated claimed claims asserted asserts insisted argued wrote "
                    "according".split())
_CHARGES = frozenset("charge charges charged indicted indictment indictments accused".split())


def _reports_speech(side: Side) -> bool:
    return bool(side.mentions("attribution") or side.context_mentions("attribution")) or any(
        t.lower in _SAYING for t in side.tokens)


def _charges(side: Side) -> list[Mention]:
    """The words of criminal charges on a side, as markers whose scope is alleged."""
    text = {sid: side.sentence_text(sid) for sid, _ in side.sentences}
    return [Mention(t.sentence, Fact("charge", text[t.sentence][t.start : t.end], "alleged", t.start, t.end))
            for t in side.tokens if t.lower in _CHARGES]


def extract_certainty(sentence: str) -> list[Fact]:
    """Hedges and caveats: unverified, alleged, attempted, possible."""
    lower = sentence.lower()
    if not any(trigger in lower for trigger in _TRIGGERS):
        return []
    facts = []
    for name, pattern in _CERTAINTY.items():
        for match in pattern.finditer(sentence):
            facts.append(Fact(NAME, match.group(), name, match.start(), match.end(), name))
    return sorted(distinct(facts), key=lambda f: f.start)


class Certainty(FactKind):
    name = NAME

    def extract(self, sentence: str, words: frozenset[str], found: Mapping[str, list[Fact]]) -> list[Fact]:
        return extract_certainty(sentence)

    def compare(self, group: Group) -> list[Difference]:
        """Hedges one side puts on what the other side states plainly: one difference with each side's."""
        found: list[list[Mention]] = [[], []]
        mentions = [group.left.mentions(NAME), group.right.mentions(NAME)]
        for side, other in ((0, 1), (1, 0)):
            other_side = group.sides[other]
            other_classes = {m.fact.key for m in mentions[other]}
            doubted = covered(other_side, [*mentions[other], *_charges(other_side)]) | shielded(other_side)
            for mention in mentions[side]:
                if mention.fact.key in WHOLE_CLAIM:
                    if mention.fact.key not in other_classes:
                        found[side].append(mention)
                    continue
                if not contradicted(group.sides[side], mention, other_side, doubted):
                    continue  # a hedge on a clause the other side does not state, or doubts as well
                if _REPORTED_SPEECH.match(mention.fact.text) and _reports_speech(other_side):
                    continue  # both report it as someone's claim
                found[side].append(mention)
        if not (found[0] or found[1]):
            return []
        conflict = any(m.fact.key not in WEAK_HEDGES for m in (*found[0], *found[1]))
        return [difference(NAME, found[0], found[1], conflict=conflict)]


KIND = Certainty()
