"""Certainty: hedges and caveats that doubt what happened: unverified, alleged, attempted, intended, possible.

Key: the class of the hedge. A hedge conflicts with the other side only when
the other side states plainly what it hedges (see :mod:`compare.facts.scope`):
"attempts by Azerbaijani forces to breach their lines" / "forces breached
Armenian lines". "Authorities who claim the area as their homeland" against
"who assert ancestral ties" is no conflict: "claim" there is a saying verb,
and what is claimed ("the area") is not said plainly on the other side. A
verification caveat ("has not independently verified") doubts the whole
claim and conflicts wherever the other side has none. Weak hedges ("may",
"likely", "possibly") are listed, never conflicts, and so are intentions
("will try to clarify", "will seek to"): an attempt still to come doubts no
act done. Purposes ("in an effort to", "in their efforts to", "in an attempt
to") are not hedges.

What the other side does not state plainly, though no hedge of its scope holds
it (measured on the 210 BASIL pairs outside the gold, 32 false certainty
conflicts of 36 judged): what it hedges as well in another form ("attempting
to", "claiming that", "seek to"); the words before a noun of allegation
("Resigns After Sexual Harassment Allegations"); a charge after a verb of
accusing ("accusing a dozen officers of hacking"); the word after "any" ("sue
for any role" / "its alleged role"); a word inside a name in prose ("the
Foreign Sovereign Immunities Act" against "a claim of foreign sovereign
immunity"; a headline in title case still states its words). A
verification caveat a speaker gives of himself ("Assange said he could not
confirm whether ...") or the formula "could not confirm, deny or comment" is
his statement, not the reporter's doubt; a passive caveat ("officials said it
could not be verified") still doubts the claim. "claiming" after a clause
("sued him, claiming that") attributes what follows to the subject, as "said"
does: it covers its clause and conflicts with nothing.

Tried and dropped: "reportedly" against a side that tells the claim only in a
sentence attributing it ("The article said the aide forwarded" / "The aide
reportedly forwarded"), no conflict: it removed 4 false conflicts on the unseen
pairs, but also one on a gold pair readers label `differs` for another reason,
and the label agreement fell (67.8% -> 67.5%).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping

from ..models import Difference
from .base import PAST_FORMS, Fact, FactKind, Group, Mention, Side, difference, distinct
from .scope import contradicted, covered, shielded

NAME = "certainty"

# Hedges and verification caveats, by class. A statement with one of these is
# not asserted as fact by the reporter.
CERTAINTY_MARKERS: dict[str, str] = {
    # The verb may be quoted: "couldn't “confirm” the messages".
    "unverified": r"\b(?:could|can|did|has|have|had|was|were)\s*(?:not|n['’]t)\s+(?:be(?:en)?\s+)?(?:independently\s+)?"
                  r"[“\"‘]?(?:verif(?:y|ied)|confirm(?:ed)?)\b|\bunverified\b|\bunconfirmed\b"
                  r"|\bnot independently verified\b",
    "alleged": r"\balleg(?:e|ed|edly|es|ing)\b|\ballegations?\b|\bpurported(?:ly)?\b|\breportedly\b"
               r"|\bclaim(?:s|ed|ing)?\b",
    # "attempts by forces to breach" hedges the outcome; "in an attempt to", "in an effort to" state a purpose
    # (see _PURPOSE).
    "attempted": r"\battempt(?:s|ed|ing)?\s+(?:by\s+[^,.]{1,60}\s+)?to\b|\b(?:tried|try|trying|tries)\s+to\b"
                 r"|\b(?:sought|seek|seeks|seeking)\s+to\b|\befforts?\s+(?:by\s+[^,.]{1,60}\s+)?to\b",
    # "could" is left out: "civilians could leave" is ability, not doubt.
    # "may" in lower case only: "May" is also the month ("from May to June").
    "possible": r"\b(?-i:may|might)\s+(?!not\b)(?:have\s+)?[a-z]+|\bpossibl[ey]\b|\bperhaps\b|\blikely\b"
                r"|\bprobabl[ey]\b|\bmaybe\b|\bpotential(?:ly)?\b",
}
_CERTAINTY = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in CERTAINTY_MARKERS.items()}
_TRIGGERS = ("verif", "confirm", "alleg", "purport", "reported", "claim", "attempt", "tried", "sought", "seek",
             "may", "might", "possib", "perhaps", "likely", "probabl", "try", "tries", "trying", "effort",
             "potential")
# Hedges that soften a claim without doubting it ("may", "likely", "possibly"):
# listed, but not conflicts. Reports of one event word predictions and
# likelihoods differently all the time; "attempted", "alleged" and
# "could not be verified" change what is claimed to have happened.
WEAK_HEDGES = frozenset({"possible", "intended"})
# Hedges that doubt the whole claim, not one predicate.
WHOLE_CLAIM = frozenset({"unverified"})
# Saying verbs and nouns of the "alleged" class: a side that attributes the claim as well reports it as a claim too.
_REPORTED_SPEECH = re.compile(r"claim|alleg", re.IGNORECASE)


# Saying verbs of reported speech, and the words of criminal charges, which are allegations too:
# "it accuses him of obstruction" / "charges that include obstruction".
_SAYING = frozenset("said says say told tells stated claimed claims asserted asserts insisted argued wrote "
                    "according".split())
_CHARGES = frozenset("charge charges charged indicted indictment indictments accused".split())


# Nouns of allegation bear on the words before them too: "Sexual Harassment Allegations", "racism claims".
_ALLEGATION_NOUNS = frozenset("allegation allegations claim claims".split())
#: words right before a noun of allegation that it bears on, at most
MODIFIER_WORDS = 3
# Nouns of a proceeding, named by what it is about, state nothing of it: "a sexual harassment case", "a fraud
# investigation", "a wrongful death lawsuit".
_PROCEEDING_NOUNS = frozenset("case cases lawsuit lawsuits suit suits complaint complaints investigation "
                              "investigations probe probes inquiry inquiries trial trials".split())
# Verbs of accusing, whose charge follows "of": "accusing a dozen officers of hacking".
_ACCUSING = frozenset("accused accusing accuses accuse charging".split())
_OF = re.compile(r"[^,.;:!?]{0,80}?\bof\b")
# "any role" asserts no role: a non-assertive determiner.
_NON_ASSERTIVE = frozenset({"any"})
# A share of capitalised content words from which a sentence is a headline in title case, not prose with names.
TITLE_CASE_SHARE = 0.7


def _reports_speech(side: Side) -> bool:
    return bool(side.mentions("attribution") or side.context_mentions("attribution")) or any(
        t.lower in _SAYING for t in side.tokens)


def _charges(side: Side) -> list[Mention]:
    """The words of criminal charges on a side, as markers whose scope is alleged; for a verb of accusing, its
    "of" too ("accusing a dozen officers of hacking" alleges the hacking)."""
    text = {sid: side.sentence_text(sid) for sid, _ in side.sentences}
    found = [Mention(t.sentence, Fact("charge", text[t.sentence][t.start : t.end], "alleged", t.start, t.end))
             for t in side.tokens if t.lower in _CHARGES or t.lower in _ACCUSING]
    for t in side.tokens:
        if t.lower in _ACCUSING and (of := _OF.match(text[t.sentence], t.end)) is not None:
            found.append(Mention(t.sentence, Fact("charge", "of", "alleged", of.end() - 2, of.end())))
    return found


def _plainly_unsaid(side: Side, markers: list[Mention]) -> set[tuple[int, int]]:
    """(sentence, token start) of words a side does not state plainly, though no marker's scope holds them: the
    words right before a noun of allegation ("Sexual Harassment Allegations"), the word after "any" ("for any
    role"), and the words of names inside prose ("the Foreign Sovereign Immunities Act" states nothing foreign)."""
    found: set[tuple[int, int]] = set()
    for sid, text in side.sentences:
        tokens = list(side.sentence_tokens(sid))
        content = [t for t in tokens if t.content]
        capitals = [t for t in content if text[t.start : t.start + 1].isupper()]
        if content and len(capitals) < TITLE_CASE_SHARE * len(content):
            found.update((sid, t.start) for t in capitals if text[: t.start].strip(" \"'“‘([—–-"))
        for word, following in itertools.pairwise(tokens):
            if word.lower in _NON_ASSERTIVE:
                found.add((sid, following.start))
        for noun in (t for t in tokens if t.lower in _PROCEEDING_NOUNS):
            found.update(_modifiers(side, sid, noun.start, verbs_end=True))
    for marker in markers:
        if marker.fact.text.lower() not in _ALLEGATION_NOUNS:
            continue
        found.update(_modifiers(side, marker.sentence, marker.fact.start))
    return found


def _modifiers(side: Side, sentence: int, position: int, *, verbs_end: bool = False) -> set[tuple[int, int]]:
    """(sentence, token start) of the content words right before ``position`` in its noun phrase (at most
    MODIFIER_WORDS): "sexual harassment" of "sexual harassment allegations"; with ``verbs_end``, a verb form
    ends the phrase too ("settled lawsuits", "passed clinical trials": the verb states them)."""
    text = side.sentence_text(sentence)
    before = [t for t in side.sentence_tokens(sentence) if t.end <= position]
    found = set()
    for token in reversed(before[-MODIFIER_WORDS:]):
        if text[token.end : position].strip() or not token.content:
            break  # punctuation or a function word ends the noun phrase
        if verbs_end and (token.lower in PAST_FORMS or token.lower.endswith(("ed", "ing"))):
            break
        found.add((token.sentence, token.start))
        position = token.start
    return found


# A purpose, not a hedge: "in an effort to", "in their efforts to", "in his attempt to".
_PURPOSE = re.compile(r"\bin\s+(?:an?|the|their|his|her|its|our|my|your)\s+$", re.IGNORECASE)
# A saying verb before "could not confirm" makes it the speaker's statement ("Assange said he could not
# confirm"), not the reporter's caveat; "could not confirm or deny" is a way of not commenting.
_SAID_BEFORE = re.compile(r"\b(?:said|says|say|saying|told|tells|telling|tweeted|wrote|added|stated|insisted)\b",
                          re.IGNORECASE)
_CONFIRM_OR_DENY = re.compile(r"[\s,]+(?:or\s+)?deny\b", re.IGNORECASE)


# "will try to", "would seek to": an intention, which doubts no act done.
_FUTURE = re.compile(r"\b(?:will|would|shall|'ll|’ll|going to|plans? to|wants? to|hopes? to)\s+(?:\w+ly\s+)?$",
                     re.IGNORECASE)


def _class_of(sentence: str, name: str, match: re.Match[str]) -> str | None:
    """The class of a hedge as it stands: None for a purpose ("in their efforts to"), "intended" for an attempt
    still to come ("will swiftly try to")."""
    if name == "attempted" and _PURPOSE.search(sentence, 0, match.start()):
        return None
    if name == "attempted" and _FUTURE.search(sentence, 0, match.start()):
        return "intended"
    return name


def speakers_own(sentence: str, fact: Fact) -> bool:
    """Whether a verification caveat is a speaker's own statement, not the reporter's doubt: after a saying verb
    ("Assange said he could not confirm"; a passive, "officials said it could not be verified", is a caveat
    whoever says it), or the formula of not commenting ("could not confirm, deny or comment")."""
    active = not re.search(r"\bbe(?:en)?\b", fact.text)
    return bool((active and _SAID_BEFORE.search(sentence, 0, fact.start)) or _CONFIRM_OR_DENY.match(sentence, fact.end))


def extract_certainty(sentence: str) -> list[Fact]:
    """Hedges and caveats: unverified, alleged, attempted, intended, possible."""
    lower = sentence.lower()
    if not any(trigger in lower for trigger in _TRIGGERS):
        return []
    facts = []
    for name, pattern in _CERTAINTY.items():
        for match in pattern.finditer(sentence):
            if (key := _class_of(sentence, name, match)) is not None:
                facts.append(Fact(NAME, match.group(), key, match.start(), match.end(), key))
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
            if not mentions[side]:
                continue  # nothing hedged on this side: what the other side doubts need not be read
            other_side = group.sides[other]
            other_classes = {m.fact.key for m in mentions[other]}
            doubted = (covered(other_side, [*mentions[other], *_charges(other_side)]) | shielded(other_side)
                       | _plainly_unsaid(other_side, mentions[other]))
            for mention in mentions[side]:
                if mention.fact.text.lower() == "claiming":
                    continue  # a participle of saying ("sued him, claiming that"): the subject's claim, as "said"
                if mention.fact.key in WHOLE_CLAIM:
                    if speakers_own(group.sides[side].sentence_text(mention.sentence), mention.fact):
                        continue  # a speaker says he could not confirm: his statement, no doubt on the claim
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
