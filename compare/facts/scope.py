"""Scopes of negations and hedges: which claim a "not" or an "allegedly" bears on.

A negation or a hedge bears on the words after it, to the end of its clause
(a negative object, "no" or "nothing", on the verb before it too): in "did not
recommend charges" the negated predicate (the *focus*) is "recommend"; in
"recommended no charges be filed" it is "recommended". A negation or hedge
conflicts with the other side only when the other side states its focus
plainly, about the same thing: "the army did not withdraw from the town" /
"the army withdrew from the town". A focus the other side never mentions
belongs to a clause the two reports do not share ("who usually wears a bow
tie but opted not to"); a focus the other side negates or hedges too is
agreed on; the same word in another claim ("has not changed its position" /
"open to other changes") is another claim.

A negation of a predicate that negates by itself ("fail", "deny", "refuse",
"dispute", "doubt") is an affirmation: "did not fail to report the losses" and
"no one disputed the results" affirm what follows the inner predicate
(:func:`double_negations`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import lru_cache

from .base import MANNER_ADVERB, Fact, Mention, Side, Token, final_mark, lemma, related
from .base import PAST_FORMS as _PAST_FORMS

#: content words after a negation or hedge that it bears on, at most
SCOPE_CONTENT_WORDS = 4
#: content words either side of a focus that tell which claim it is in
CLAIM_WORDS = 4
#: ... and at least this many of its words
SHARED_CLAUSE_WORDS = 2
# Words between a negation and what it negates, that are not the predicate:
# auxiliaries, adverbs of degree and time, "to" of an infinitive.
_SKIPPED = frozenset(
    "be been being ever even yet always necessarily immediately directly independently really fully quite able "
    "going get got just only also still so very much any further longer more once again too either publicly "
    "formally officially personally actually done".split())
# A full stop after a capital is an initial or an acronym's ("U.N. troops"), not the clause's end.
_CLAUSE_END = re.compile(r"[,;:!?()“”\"—–]|(?<![A-Z])\.(?!\w)|\s-{1,2}\s"
                         r"|\b(?:but|although|though|while|whereas|because)\b")
# A parenthetical between commas right after a negation: "did not, however, say", "sought to, however
# ham-handedly, collude".
_PARENTHETICAL = re.compile(r",\s*(?:however(?:\s+[\w-]+ly)?|though|of course|in fact|at least|after all|apparently"
                            r"|so far|yet),\s*", re.IGNORECASE)
# Spaces and an opening quotation mark before a word, after a comma or an article too: the quotation a negation
# or hedge bears on ('not "co-operated fully"', 'is not a "huge cost"', 'is not, "a cold, calculating killer"').
_OPENING_QUOTE = re.compile(r"(?:\s*,)?\s*(?:(?:a|an|the)\s+)?[“\"‘](?=\w)", re.IGNORECASE)
# Negative objects, which negate the verb before them: "recommended no charges", "included none of".
NEGATIVE_OBJECTS = frozenset({"no", "none", "nothing", "nobody", "neither"})
# Words that mark the words after them as negated on the side that has them, though
# not negations of their own (a side "without" a thing is not in conflict with one having it).
SHIELDS = frozenset({"without", "no", "not", "never", "none", "nothing", "nobody", "neither", "nor", "cannot",
                     "lack", "lacked", "lacks", "absent"})
# Opposing, avoiding, refusing, disputing a thing, or saying little about it, is not having it either: "voicing
# her opposition to same-sex marriage" agrees with "I am not pro-gay marriage", "continued his refusal to step
# down" with "refused to step down", "criticized for saying little about the deal" with "refused to take a
# position on the deal". These bear on their object only, up to the next clause or verb ("narrowly avoided
# defeat and won the seat" still tells that the incumbent won; "Lawmakers who oppose the plan voted").
OBJECT_SHIELDS = frozenset({"oppose", "opposes", "opposed", "opposing", "avoid", "avoids", "avoided", "avoiding",
                            "refusal"})
# ... these only before "to": "her opposition to same-sex marriage", not "opposition leaders";
_BEFORE_TO = frozenset({"opposition"})
# ... these only as a verb before what is disputed ("disputed any suggestion", "disputes the claims that"), not as
# a noun ("after a long dispute the union accepted") or an adjective ("the disputed Kashmir region");
_DISPUTE = frozenset({"dispute", "disputes", "disputed", "disputing"})
_DISPUTED_THINGS = frozenset("that any claim claims report reports allegation allegations suggestion suggestions "
                             "assertion assertions accusation accusations account accounts characterization".split())
_DETERMINERS = frozenset("the a an this that these those its his her their our my your".split())
# ... and these in lower case without a determiner or a time word before them: "saying little about the deal",
# "few signals", not "a little class", "the past few years", "Little Rock", "little-known", "little more than".
_LITTLE = frozenset({"little", "few"})
_NOT_BEFORE_LITTLE = frozenset("a the past last next every these those first quite".split())
_NEXT_WORDS = re.compile(r"\s+([\w’']+)(?:\s+([\w’']+))?")
_PREVIOUS_WORD = re.compile(r"([\w’']+)\s+$")


# ... and "short" after a form of "stop", before "of": "stopped short of calling for a path to citizenship".
_SHORT = frozenset({"short"})
_STOP_BEFORE = frozenset({"stop", "stops", "stopped", "stopping"})
_PREPOSITIONS = frozenset("with to of in on at for from by about into over".split())

_OBJECT_CANDIDATES = OBJECT_SHIELDS | _BEFORE_TO | _DISPUTE | _LITTLE | _SHORT


def _classic_shield(token: Token) -> bool:
    return token.lower in SHIELDS or token.lower.endswith("n't")


def _object_shield(side: Side, token: Token) -> bool:
    """Whether a token is a word of opposing, avoiding, refusing, disputing or "little" (see OBJECT_SHIELDS)."""
    if token.lower not in _OBJECT_CANDIDATES:
        return False
    text = side.sentence_text(token.sentence)
    if token.lower in OBJECT_SHIELDS:
        return True
    if token.lower in _BEFORE_TO:
        return text[token.end :].startswith(" to ")
    previous = _PREVIOUS_WORD.search(text[: token.start])
    before = previous.group(1).lower() if previous else ""
    following = _NEXT_WORDS.match(text, token.end)
    after = following.group(1).lower() if following else ""
    if token.lower in _SHORT:
        return before in _STOP_BEFORE and after == "of"
    if token.lower in _DISPUTE:
        then = (following.group(2) or "").lower() if following else ""
        return before not in _DETERMINERS and (after in _DISPUTED_THINGS or (
            after in _DETERMINERS and then in _DISPUTED_THINGS))
    if token.lower in _LITTLE:
        written = text[token.start : token.end]
        return (written.islower() and before not in _NOT_BEFORE_LITTLE and text[token.end : token.end + 1] != "-"
                and not text[token.end :].lower().startswith((" more than", " less than")))
    return False


def _shield(side: Side, token: Token) -> bool:
    return _classic_shield(token) or _object_shield(side, token)


def _opened_at(boundary: re.Pattern[str], text: str, position: int) -> int:
    """Where the stretch holding ``position`` begins: after the last ``boundary`` before it, or at 0."""
    opened = list(boundary.finditer(text, 0, position))
    return opened[-1].end() if opened else 0


def _closed_at(boundary: re.Pattern[str], text: str, position: int) -> int:
    """Where the stretch holding ``position`` ends: at the first ``boundary`` after it, or the text's end."""
    end = boundary.search(text, position)
    return end.start() if end else len(text)


def _clause_after(side: Side, mention: Mention) -> list[Token]:
    """The tokens after a mention in its clause, up to SCOPE_CONTENT_WORDS content words."""
    text = side.sentence_text(mention.sentence)
    # An opening quotation mark right after the marker starts what it bears on ('not "co-operated fully"'), and
    # a parenthetical right after it is passed over ("did not, however, say").
    opening = _OPENING_QUOTE.match(text, mention.fact.end) or _PARENTHETICAL.match(text, mention.fact.end)
    stop = _closed_at(_CLAUSE_END, text, opening.end() if opening else mention.fact.end)
    start = opening.end() if opening else mention.fact.end  # the parenthetical's words are not in the scope
    found, content = [], 0
    for token in side.sentence_tokens(mention.sentence):
        if start <= token.start < stop and token.end > mention.fact.end:
            found.append(token)
            content += token.content
            if content == SCOPE_CONTENT_WORDS:
                break
    return found


def _verb_before(side: Side, mention: Mention) -> Token | None:
    """The word right before a negative object ("recommended" in "recommended no charges"), if a content word."""
    before = [t for t in side.sentence_tokens(mention.sentence) if t.end <= mention.fact.start]
    if not before:
        return None
    between = side.sentence_text(mention.sentence)[before[-1].end : mention.fact.start]
    word = before[-1]
    return word if word.content and not between.strip() and _predicate(side, word) else None


# Adverbs of manner before a verb ("to ethnically cleanse", "had not seriously considered"): passed over
# for the verb they modify. Suffixes, on words long enough not to be nouns ("rally", "supply").
_ADVERB = re.compile(f"{MANNER_ADVERB}$")


def _predicate(side: Side, token: Token) -> bool:
    text = side.sentence_text(token.sentence)[token.start : token.end]
    return (token.content and token.lower not in _SKIPPED and not token.lower.endswith("n't") and text[:1].islower()
            and not _ADVERB.match(token.lower))


def focus(side: Side, mention: Mention) -> Token | None:
    """The predicate a negation or hedge bears on: for a negative object the verb before it, otherwise the
    first lower-case content word after it in its clause. Names are passed over ("alleges that Stone worked"
    bears on "worked")."""
    if mention.fact.text.lower() in NEGATIVE_OBJECTS and (verb := _verb_before(side, mention)) is not None:
        return verb
    after = _clause_after(side, mention)
    text = side.sentence_text(mention.sentence)
    if after and after[0].lower == "that":
        # a clause's subject before its verb: "claimed that his budget was consistent" bears on "consistent"
        subject = list(itertools.dropwhile(lambda t: not t.content, after[1:]))
        if (verb := _verb_after_subject(side, subject)) is not None:
            return verb
    return next((t for k, t in enumerate(after)
                 if _predicate(side, t) and not _adverb_before_verb(text, t, after[k + 1 :])), None)


def _verb_after_subject(side: Side, words: list[Token]) -> Token | None:
    """The verb of a one-word subject ("consistent" of "budget was consistent", "took" of "mayor took bribes"):
    None unless the subject is followed by an auxiliary or a past form."""
    if len(words) < 2 or not words[0].content:
        return None
    rest = words[1:]
    if rest[0].lower in _AUXILIARIES:
        rest = [t for t in rest[1:] if t.lower not in _AUXILIARIES]
    elif not (rest[0].lower in _PAST_FORMS or rest[0].lower.endswith("ed")):
        return None
    return next((t for t in rest[:3] if _predicate(side, t)), None)  # "was ever found", "was a fraud"


# Words in "-ly" that are verbs, nouns or adjectives: "did not supply weapons", "were not elderly residents".
_NOT_ADVERBS = frozenset(
    "apply reply supply comply imply multiply rely rally tally bully sully ally belly jelly family assembly anomaly "
    "monopoly italy july elderly deadly costly friendly unfriendly likely unlikely early daily weekly monthly yearly "
    "quarterly hourly nightly lonely lovely silly ugly holy only orderly disorderly scholarly cowardly manly "
    "womanly kindly lively lowly curly burly surly chilly hilly woolly oily".split())


def _adverb_before_verb(text: str, token: Token, rest: list[Token]) -> bool:
    """Whether a word in "-ly" is an adverb of the word right after it, a lower-case content word ("failed to
    clearly explain"); "was not costly." and "did not comply with" keep their word."""
    if not token.lower.endswith("ly") or len(token.lower) < 5 or token.lower in _NOT_ADVERBS or not rest:
        return False
    following = rest[0]
    return (following.content and not text[token.end : following.start].strip()
            and text[following.start : following.start + 1].islower() and following.lower not in _PREPOSITIONS)


# Predicates that negate what follows them: a negation of one of them affirms it ("did not fail to
# report" = "reported", "never denied meeting" = "met", "no one disputed the results", "never questioned").
NEGATIVE_PREDICATES = frozenset(lemma(word) for word in (
    "fail refuse deny decline reject dispute doubt contest challenge question hesitate refute rebuff dismiss"
).split())


# "Question" and "challenge" doubt a claim ("did not question the results": affirmed), but of people they are acts
# of their own: "will not question intelligence analysts" (interrogate), "did not challenge the incumbent" (run
# against).
_PEOPLE = frozenset(lemma(w) for w in (
    "analysts witnesses suspects officials officers agents detectives experts scientists employees workers members "
    "candidates nominees ministers executives students people lawmakers prosecutors investigators detainees "
    "prisoners incumbent him them me us").split())  # not "her": "question her decision" doubts the decision
_POSSESSIVE = re.compile(r"['’]")
_ACTS_ON_PEOPLE = frozenset(lemma(w) for w in ("question", "challenge"))


def _questions_people(side: Side, word: Token) -> bool:
    """Whether a negative predicate of doubt has people as its object: then it does not negate."""
    if lemma(word.lower) not in _ACTS_ON_PEOPLE:
        return False
    after = [t for t in side.sentence_tokens(word.sentence) if t.start > word.start][:4]
    objects = [t for t in after if t.lower not in _DETERMINERS][:2]
    text = side.sentence_text(word.sentence)
    # not what people have: "did not question the witnesses' credibility" doubts the credibility
    return any(lemma(t.lower) in _PEOPLE and not _POSSESSIVE.match(text, t.end) for t in objects)


def double_negations(side: Side, markers: Iterable[Mention]
                     ) -> tuple[list[Mention], list[Mention], set[tuple[int, int]]]:
    """Double negations cancelled: the markers still negating, the outer markers cancelled, and (sentence,
    token start) of what the cancelled pairs affirm (the tokens after the inner negative predicate).

    A marker whose focus is a negative predicate cancels, and so does that predicate when it is a marker
    itself ("not" + "fail to", "never" + "denied"); "no one" + "disputed" has only the outer marker.
    """
    markers = list(markers)
    cancelled: set[tuple[int, int]] = set()
    affirmed: set[tuple[int, int]] = set()
    outer = []
    for marker in markers:
        word = focus(side, marker)
        if word is None or lemma(word.lower) not in NEGATIVE_PREDICATES or _questions_people(side, word):
            continue
        outer.append(marker)
        cancelled.update({(marker.sentence, marker.fact.start), (word.sentence, word.start)})
        text = side.sentence_text(word.sentence)[word.start : word.end]
        inner = Mention(word.sentence, Fact("inner", text, word.lower, word.start, word.end))
        affirmed.update((t.sentence, t.start) for t in _clause_after(side, inner))
    kept = [m for m in markers if (m.sentence, m.fact.start) not in cancelled]
    return kept, outer, affirmed


def covered(side: Side, markers: Iterable[Mention]) -> set[tuple[int, int]]:
    """(sentence, token start) of every token inside the scope of one of ``markers`` on ``side``."""
    found: set[tuple[int, int]] = set()
    for marker in markers:
        found.update((t.sentence, t.start) for t in _clause_after(side, marker))
        if marker.fact.text.lower() in NEGATIVE_OBJECTS and (verb := _verb_before(side, marker)) is not None:
            found.add((verb.sentence, verb.start))
    return found


def object_words(side: Side, mention: Mention) -> set[str]:
    """The lemmas of the content words right after a negation in its clause (at most SCOPE_CONTENT_WORDS):
    what a rejection rejects ("rejected President Obama's veto")."""
    return {lemma(t.lower) for t in _clause_after(side, mention) if t.content}


# Where what a negation may bear on ends, for telling two negations that agree: a clause's end, but not a
# comma, which also parts the items of a list ("aren't combined, written out yet"), nor a quotation mark
# ("denied they give the government a “back door”").
_LIST_END = re.compile(r"[;:!?()—–]|(?<![A-Z])\.(?!\w)|\s-{1,2}\s"
                       r"|,\s+(?:and|or|which|who|while|saying)\b|\b(?:but|although|though|while|whereas|because)\b",
                       re.IGNORECASE)


# Verbs of telling: a negation of one denies the telling, not what would have been told.
TELLING = frozenset(lemma(w) for w in "say said says tell told tells comment commented explain explained disclose "
                     "disclosed specify specified answer answered reveal revealed confirm confirmed describe described "
                     "discuss discussed elaborate elaborated".split())


# Verbs of saying a hedge may bear on ("reportedly claimed", "allegedly said").
_SAYING_FOCI = TELLING | frozenset(lemma(w) for w in (
    "claim claimed claims assert asserted insist insisted argue argued contend contended state stated announce "
    "announced report reported").split())


def _speaker_lemmas(side: Side, verb: Token) -> set[str]:
    """Who says it, roughly: the last two content words before a saying verb in its clause, hedging adverbs
    passed over ("ISIS reportedly claimed" -> {isis}; "Egyptian mediators said" -> {egyptian, mediator})."""
    text = side.sentence_text(verb.sentence)
    start = max(text.rfind(",", 0, verb.start), text.rfind(";", 0, verb.start))
    before = [t for t in side.sentence_tokens(verb.sentence)
              if t.content and start < t.start and t.end <= verb.start and not _ADVERB_OF_REPORT.fullmatch(t.lower)]
    return {lemma(t.lower) for t in before[-2:]}


_ADVERB_OF_REPORT = re.compile(r"reportedly|allegedly|apparently|purportedly|supposedly|also|first|later|earlier")


def withheld_words(side: Side, mention: Mention) -> set[str]:
    """For a negation of telling ("declined to say whether his account was hacked"), the lemmas of what is
    not told: the content words after its focus, to the end of its clause (commas passed over)."""
    word = focus(side, mention)
    return set() if word is None else _lemmas_to_list_end(side, mention.sentence, word.end)


def _told_object(side: Side, word: Token) -> set[str]:
    """The lemmas of what a verb of telling tells: its content words after it, to the next comma or stop."""
    text = side.sentence_text(word.sentence)
    stop = _OBJECT_STOP.search(text, word.end)
    end = stop.start() if stop is not None else len(text)
    return {lemma(t.lower) for t in side.sentence_tokens(word.sentence) if t.content and word.end <= t.start < end}


_OBJECT_STOP = re.compile(r"[,;:.!?()—–]")


def _lemmas_to_list_end(side: Side, sentence_id: int, start: int) -> set[str]:
    """The lemmas of the content words of a sentence from ``start`` to the end of its clause or list."""
    stop = _closed_at(_LIST_END, side.sentence_text(sentence_id), start)
    return {lemma(t.lower) for t in side.sentence_tokens(sentence_id) if t.content and start <= t.start < stop}


# A refusal right before a verb: "declined to disclose", "did not say", "won't comment".
_HELD_BACK = re.compile(r"(?:\b(?:not|never|no|declin\w*|refus\w*|fail\w*)|n['’]t)\s+(?:to\s+)?(?:\w+ly\s+)?$",
                        re.IGNORECASE)


def tells_after(side: Side, mention: Mention) -> bool:
    """Whether a negation of telling is followed in its sentence by a telling stated plainly ("declined to
    disclose the names, but said 14 had been detained"): the side then tells something after all."""
    word = focus(side, mention)
    if word is None:
        return False
    text = side.sentence_text(mention.sentence)
    return any(t.start > word.end and lemma(t.lower) in TELLING and not _HELD_BACK.search(text[: t.start])
               for t in side.sentence_tokens(mention.sentence))


def scope_words(side: Side, mention: Mention) -> set[str]:
    """The lemmas of the content words a negation or hedge may bear on (the rest of its clause, commas
    passed over: "failed to produce a shred of evidence that his views ever affected his work"), and for
    a negative object the verb before it."""
    word = focus(side, mention)
    if word is not None and lemma(word.lower) in TELLING:
        return {lemma(word.lower)}  # "did not say whether the suspect was armed" negates the saying only
    words = _lemmas_to_list_end(side, mention.sentence, mention.fact.end)
    if mention.fact.text.lower() in NEGATIVE_OBJECTS and (verb := _verb_before(side, mention)) is not None:
        words.add(lemma(verb.lower))
    return words


# A denial told after the claim it denies: "..., Mr. Bauer said that was never the case", "the allegations were
# completely false" (or were “completely false ...”, quoted). What comes before it in its sentence is denied.
# Either an anaphor ("that", "this", "it") or a claim noun, then the denial, which ends its clause.
_DENIED_BEFORE = re.compile(
    r"\b(?:(?:that|this|it|which)\s+(?:is|was|were|are|has\s+been|had\s+been)\s+(?:not|never)\s+(?:the\s+case|true"
    r"|so|accurate|correct)|(?:that|this|it)\s*(?:is|was)n['’]t\s+(?:the\s+case|true|so|accurate|correct)"
    r"|(?P<claim>(?:allegations?|claims?|reports?|accusations?|charges|stor(?:y|ies)|assertions?)"
    r"(?:\s+(?:of|against|about|by|that)(?:\s+[\w'’.-]+){1,8}?)?)\s+(?:is|are|was|were)"
    r"\s+[“\"‘]?(?:(?:completely|totally|entirely|simply|patently|absolutely)\s+)?(?:false|untrue|baseless|groundless"
    r"|fabricated|inaccurate))(?=\s*(?:[.,;:!?”\"’)]|$|\s(?:and|but)\b))", re.IGNORECASE)


# Verbs of responding: a denial told on the other side is one ("has not responded to the allegations").
_RESPONDING = frozenset(lemma(w) for w in "respond responded answer answered address addressed comment commented "
                        "discuss discussed react reacted reply replied".split())


def _denies_a_claim_of(side: Side, words: frozenset[str]) -> bool:
    """Whether ``side`` tells a denial after a claim named by one of ``words`` ("the allegations were false")."""
    return any(claim is not None and lemma(claim.split()[0].lower()) in words
               for _, text in side.sentences for denial in _DENIED_BEFORE.finditer(text)
               if (claim := denial.group("claim")) is not None)


# Where an object shield's object ends: a clause's end, a coordination or a relative, or a verb.
_OBJECT_END = re.compile(r"[,;:!?()“”\"—–]|(?<![A-Z])\.(?!\w)|\s-{1,2}\s"
                         r"|\b(?:and|or|but|who|which|that|when|while|because|after|before|then|as)\b", re.IGNORECASE)
_FINITE = frozenset("is are was were has have had will would can could should did does do".split())


def _object_after(side: Side, token: Token) -> list[Token]:
    """The tokens of an object shield's object: after it, to the next clause, coordination or verb."""
    if token.lower in _DISPUTE:  # a claim disputed, with what it claims: "disputed any suggestion that there was"
        return _clause_after(side, Mention(token.sentence, Fact("shield", token.lower, token.lower, token.start,
                                                                token.end)))
    stop = _closed_at(_OBJECT_END, side.sentence_text(token.sentence), token.end)
    found: list[Token] = []
    content = 0
    for t in side.sentence_tokens(token.sentence):
        if not token.end <= t.start < stop:
            continue
        if found and (t.lower in _FINITE or (content and (t.lower.endswith("ed") or t.lower in _PAST_FORMS))):
            break
        found.append(t)
        content += t.content
        if content == SCOPE_CONTENT_WORDS:
            break
    return found


def shielded(side: Side) -> set[tuple[int, int]]:
    """Tokens after a word of negation on ``side`` ("without recommending charges"), in its clause; the object
    of a word of opposing or avoiding; and the claim a denial told after it denies ("that was never the case").

    Each sentence's shields are its own (every scope ends with its sentence), so they are found once a sentence,
    however many groups it is in."""
    found: set[tuple[int, int]] = set()
    for sid, text in side.sentences:
        found |= _sentence_shields(sid, text)
    return found


@lru_cache(maxsize=16384)
def _sentence_shields(sentence_id: int, text: str) -> frozenset[tuple[int, int]]:
    return frozenset(_shields(Side(((sentence_id, text),), {sentence_id: ()})))


# Shields that are prepositions: what they bear on is a phrase, which a verb of the clause ends ("those without
# Internet access can sign up" still tells that they can sign up; "every day without an agreement is an
# opportunity lost", that it is one).
_PREPOSITION_SHIELDS = frozenset({"without", "absent"})


def _in_compound(text: str, token: Token) -> bool:
    """Whether a word is part of a hyphenated compound ("the do-not-call registry", "no-fly list"), which
    negates nothing after it."""
    return text[token.end : token.end + 1] == "-" or (token.start > 0 and text[token.start - 1] == "-")


def _phrase_after(side: Side, marker: Mention) -> list[Token]:
    """The tokens a prepositional shield bears on: its clause after it (see ``_clause_after``), up to the first
    auxiliary or modal verb."""
    found = []
    for token in _clause_after(side, marker):
        if token.lower in _AUXILIARIES:
            break
        found.append(token)
    return found


def _shields(side: Side) -> set[tuple[int, int]]:
    text = {sid: side.sentence_text(sid) for sid, _ in side.sentences}
    shields = [Mention(t.sentence, Fact("shield", text[t.sentence][t.start : t.end], t.lower, t.start, t.end))
               for t in side.tokens if _classic_shield(t) and not _in_compound(text[t.sentence], t)]
    found = covered(side, [m for m in shields if m.fact.key not in _PREPOSITION_SHIELDS])
    for marker in shields:
        if marker.fact.key in _PREPOSITION_SHIELDS:
            found.update((t.sentence, t.start) for t in _phrase_after(side, marker))
    for token in side.tokens:
        if _object_shield(side, token):
            found.update((t.sentence, t.start) for t in _object_after(side, token))
    for sid, sentence in text.items():
        for denial in _DENIED_BEFORE.finditer(sentence):
            claim = denial.group("claim")
            if claim is not None:  # "the allegations were false": the claim noun and its clause before it
                first = _opened_at(_CLAUSE_BOUNDARY, sentence, denial.start("claim"))
                found.update((t.sentence, t.start) for t in side.sentence_tokens(sid)
                             if first <= t.start and t.end <= denial.end("claim"))
            else:  # "..., Mr. Bauer said that was never the case": what comes before it
                found.update((t.sentence, t.start) for t in side.sentence_tokens(sid) if t.end <= denial.start())
    return found


# Verbs of saying frame a claim ("Trump said"), they are not part of it.
_FRAME = frozenset(lemma(w) for w in "said says say told tells stated states added adds".split())


def _claim_words(side: Side, token: Token) -> set[str]:
    """The content words around a token in its sentence, as lemmas, verbs of saying left out."""
    mention = Mention(token.sentence, Fact("word", token.lower, token.lower, token.start, token.end))
    window = side.window(mention, CLAIM_WORDS)
    text = side.sentence_text(token.sentence)
    relative = _RELATIVE_BEFORE.search(text, 0, token.start)
    if relative is not None and relative.end() <= token.start:
        # a relative clause between the subject and the predicate is about the subject, not the claim: "her
        # nephew, who served a prison sentence in Cuba, will not be persecuted" is about the nephew
        before = [t for t in side.sentence_tokens(token.sentence) if t.content and t.end <= relative.start()]
        window = [*before[-CLAIM_WORDS:], *(t for t in window if t.start > token.start)]
    return {lemma(t.lower) for t in window if not _classic_shield(t)} - _FRAME


# A relative clause between commas right before a predicate and its auxiliaries (", who served ..., will not be").
_AUXILIARIES = frozenset("is are was were am be been has have had will would can could should must may might shall "
                         "does did do".split())
_RELATIVE_BEFORE = re.compile(r",\s+(?:who|which|whose)\b[^,;:()]*,(?=(?:\s+(?:not|never|n't|being|"
                              + "|".join(sorted(_AUXILIARIES)) + r"))*\s*$)", re.IGNORECASE)


def _same_claim(words: set[str], side: Side, token: Token) -> bool:
    """Whether a token of ``side`` is in the claim told by ``words`` (a word in common around it); a claim of
    its predicate alone ("He did not resign, she said.") is the same as another of its predicate alone."""
    around = _claim_words(side, token) - {lemma(token.lower)}
    if not words:
        return not around
    return any(related(a, b) for a in words for b in around)


# Words before a negation that put it in a clause of its own: relatives, subordinators, saying verbs.
_EMBEDDING = frozenset(
    "that which who whom whose if when whether because although though since unless until while after before "
    "as said says say told tells stated added claimed insisted argued".split())
#: a negation of the main clause whose predicate the other side words differently still conflicts
#: when this share of the negating sentence's content words is on the other side: a paraphrase
PARAPHRASE_SHARE = 0.25
#: ... and a negation inside a clause of its own ("said it would not scrap") when this share is
EMBEDDED_PARAPHRASE_SHARE = 0.5
# Negative prefixes: "unchanged" is "not changed".
_NEGATIVE_PREFIXES = ("un", "in", "im", "dis", "non")


# Where a clause begins or ends, for what a negated claim says: strong punctuation, a coordinated
# clause (", and", ", but"), a subordinate or relative clause.
_CLAUSE_BOUNDARY = re.compile(r"[;:()“”\"—–]|(?<![A-Z])\.(?!\w)|\s-{1,2}\s|,\s+(?:and|but|or)\b"
                              r"|\b(?:but|after|before|when|because|although|though|while|if|since|until|unless"
                              r"|whereas|that|which|who)\b", re.IGNORECASE)


# A relative clause between commas (", who ...,", ", which ...,") still open at the end of a text.
_RELATIVE_BETWEEN_COMMAS = re.compile(r",\s+(?:who|which)\b[^,]*$", re.IGNORECASE)


def _clause_of(side: Side, mention: Mention) -> list[Token]:
    """The tokens of the clause a mention is in."""
    text = side.sentence_text(mention.sentence)
    first, last = _opened_at(_CLAUSE_BOUNDARY, text, mention.fact.start), _closed_at(_CLAUSE_BOUNDARY, text,
                                                                                      mention.fact.end)
    if _RELATIVE_BETWEEN_COMMAS.search(text[: mention.fact.start]):
        # "Mr. Cowan, who ... opted not to for this occasion, is a former chief of staff": a relative
        # clause a comma opens, the next comma closes.
        closing = text.find(",", mention.fact.end, last)
        last = closing if closing >= 0 else last
    return [t for t in side.sentence_tokens(mention.sentence) if first <= t.start and t.end <= last
            and not (mention.fact.start <= t.start < mention.fact.end)]


# Where a sentence's main clause ends and another begins: a contrast after a comma ("It wasn't quite the flare
# of mushroom cloud imagery, but Summers offered a dire assessment") or a semicolon; and a colon before the
# negation (a headline's "Glenn Beck Speech VIDEO: Republicans Don't Need A Big Tent"; a colon after it opens
# what the negated clause sums up: "Wi-Fi will not grow: the number of hot spots will ...").
_SEGMENT_END = re.compile(r";|,\s+but\b", re.IGNORECASE)
_SEGMENT_START = re.compile(r";|(?<!\d):(?!\d)|,\s+but\b", re.IGNORECASE)


def _segment_of(side: Side, mention: Mention) -> list[Token]:
    """The tokens of the stretch of its sentence a main-clause negation is in, between main-clause boundaries."""
    text = side.sentence_text(mention.sentence)
    first, last = _opened_at(_SEGMENT_START, text, mention.fact.start), _closed_at(_SEGMENT_END, text,
                                                                                    mention.fact.end)
    return [t for t in side.sentence_tokens(mention.sentence) if first <= t.start and t.end <= last]


def negates_anything(side: Side) -> bool:
    """Whether a side has any word of negation."""
    return any(_shield(side, t) for t in side.tokens) or bool(side.mentions("negation"))


def in_main_clause(side: Side, mention: Mention) -> bool:
    """Whether a negation belongs to its sentence's main clause: only a subject, the auxiliary it follows and
    an opening phrase ("In his new position, Dynes will not earn") before it; not "said he did not",
    "that Congress refused", "in refusing"."""
    if mention.fact.text.lower().endswith("ing"):
        return False
    text = side.sentence_text(mention.sentence)
    before = [t for t in side.sentence_tokens(mention.sentence) if t.end <= mention.fact.start]
    opening = text[: mention.fact.start].split(",")
    if len(opening) > 1 and len(opening[0].split()) <= 8:  # an opening phrase, then the clause
        start = len(opening[0]) + 1
        before = [t for t in before if t.start >= start]
    auxiliaries = [t for t in before if t.lower in _AUXILIARIES or t.lower.endswith("n't")]
    return not any(t.lower in _EMBEDDING for t in before) and len(auxiliaries) <= 1


def _negated_form(word: Token, other: Side) -> bool:
    """Whether ``other`` has the word with a negative prefix ("unchanged" for "changed")."""
    return any(t.lower.startswith(_NEGATIVE_PREFIXES) and any(
        related(word.lower, t.lower[len(p):]) for p in _NEGATIVE_PREFIXES if t.lower.startswith(p))
        for t in other.tokens if t.content and len(t.lower) > len(word.lower))


# What follows a conditional subordinator is supposed, not asserted: "if he does not cooperate"; so is what a
# charge, a claim or speculation alleges ("the charge that Obamacare raided Medicare", "many have speculated
# that the White House offered"), what a promise or a prediction foretells ("Mr. Trump's promises that Mexico
# will pay"), what a decision or intentions "on" it leave open ("Decision on R.N.C. Run"), and
# what someone "would be expected to" do (what is usual, not what happens).
_DAY_OR_MONTH = (r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May"
                 r"|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\b|\d)")
_CONDITION = re.compile(r"\b(?P<condition>if|unless|whether)\b"
                        r"|\b(?P<noun>charges?|claims?|allegations?|accusations?|suggestions?|speculation|rumou?rs?"
                        r"|notion|theory|assertions?|promises?|pledges?|vows?|predictions?)\s+that\b|\b(?:speculated?|speculates|rumou?red)\s+that\b"
                        rf"|\b(?P<open>decisions?|intentions?|choices?)\s+(?:on|about)\b(?!\s+{_DAY_OR_MONTH})"
                        r"|\bwould\s+(?:\w+ly\s+)?be\s+expected\s+to\b", re.IGNORECASE)
# ... unless it is kept: "kept his pledge that", "made good on his promise that", "fulfilled his vow that", "his
# promise that tuition would not rise was kept", "predictions that the levee would hold proved correct"; a
# "that" opening a relative clause is no frame ("a promise that the president did not keep"), and neither is a
# verb ("the mayor promises that"): the noun follows a determiner, a possessive or a modifier.
_PROMISES = ("promise", "pledge", "vow", "prediction")
_KEPT_BEFORE = re.compile(r"(?:\b(?:kept|keeps?|keeping|fulfill?(?:s|ed|ing)?|honou?r(?:s|ed|ing)?"
                          r"|(?:made|make|makes|making)\s+good\s+on|deliver(?:s|ed|ing)?\s+on|lived?\s+up\s+to"
                          r"|living\s+up\s+to|follow(?:s|ed|ing)?\s+through\s+on)|\btrue\s+to)"
                          r"\s+(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)
_KEPT_AFTER = re.compile(r"\b(?:(?:is|was|were|are|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?"
                         r"(?:kept|fulfill?ed|honou?red|met|realized|realised)|prov(?:ed|es|en)\s+(?:\w+ly\s+)?"
                         r"(?:correct|right|accurate|true)|c(?:a|o)me\s+true|turned\s+out\s+(?:to\s+be\s+)?"
                         r"(?:right|correct|true|accurate)|(?:was|were)\s+borne\s+out)\b", re.IGNORECASE)
_RELATIVE_PROMISE = re.compile(r"^[^,;:.!?]*?\b(?:keep|keeps|kept|keeping|break|breaks|broke|broken|breaking|made"
                               r"|make|makes|honou?r(?:s|ed)?|fulfill?(?:s|ed)?)\b", re.IGNORECASE)
_NOUN_BEFORE = re.compile(r"(?:\b(?:the|a|an|his|her|their|its|our|my|your|this|these|those|any|every)|['’]s?)\s+"
                          r"(?:(?:\d{4}|campaign|election|repeated|earlier|early|solemn|public|broken|past|many|several"
                          r"|new|own|latest|firm|explicit)\s+){0,2}$", re.IGNORECASE)


def _promise_told(text: str, marker: re.Match[str]) -> bool:
    """Whether a promise ("promises that ...") tells what it promises after all: kept, borne out, or no frame."""
    return bool(_KEPT_BEFORE.search(text, 0, marker.start()) or _KEPT_AFTER.search(text, marker.end())
                or _RELATIVE_PROMISE.match(text[marker.end():])
                or not _NOUN_BEFORE.search(text, 0, marker.start()))
# A coordinated clause after an allegation or an open choice is the sentence's again: "announced its decision on
# the merger and approved the deal", "would be expected to attend but did not".
_COORDINATED = re.compile(r"\b(?:and|but)\b", re.IGNORECASE)
# Where the stretch before a marker that may hold its condition begins (not at a quotation mark: a quoted word
# inside what is alleged is alleged too, 'any suggestion that there was "impropriety"').
_CONDITION_START = re.compile(r"[,;:()—–]|(?<![A-Z])\.(?!\w)|\s-{1,2}\s")
# Not answering a reporter ("did not immediately respond to requests for comment", "did not return a call
# seeking comment") is no claim about the story.
_NO_COMMENT = re.compile(r"\s+(?:\w+ly\s+)?(?:respond|return|answer|reply)\w*\b.{0,60}?\b"
                         r"(?:comment|request|call|e-?mail|message|inquir)", re.IGNORECASE | re.DOTALL)


# An apposition or a relative clause between commas right after the condition's subject, a name or "the"
# and a noun, is inside the condition: "If Fortigel, a testosterone gel, had been approved", "if Flynn, who
# was fired, does not cooperate". (Not a comma after a longer stretch: "If the vote fails, the mayor, ...".)
_CONDITION_APPOSITION = re.compile(
    r"\b(?i:if|unless|whether)\s+(?:(?i:the|a|an|this|that|its|his|her|their)\s+[a-z][\w'’-]*"
    r"|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
    r"(,\s+(?:(?i:an?|the|its|his|her|their)(?:\s+[\w'’.-]+){1,5}|(?i:who|which)(?:\s+[\w'’.-]+){1,8}),)")


def _markers(text: str, position: int, own: frozenset[str] = frozenset()) -> list[re.Match[str]]:
    """The markers of a condition, an allegation or an open choice whose stretch holds ``position``.

    A noun the negating side names as its own thing is no frame there ("The charges that the bank refunded" /
    "The bank did not refund the charges": ``own`` holds that side's words), and a clause coordinated after an
    allegation or an open choice is out of it."""
    inserted = [m.span(1) for m in _CONDITION_APPOSITION.finditer(text, 0, position)]
    starts = [m.end() for m in _CONDITION_START.finditer(text, 0, position)
              if not any(start <= m.start() < end for start, end in inserted)]
    found = []
    for marker in _CONDITION.finditer(text, starts[-1] if starts else 0, position):
        noun = marker.group("noun") or marker.group("open")
        promise = bool(noun) and noun.lower().startswith(_PROMISES)
        if noun and not promise and lemma(noun.lower()) in own:
            continue  # (a promise is no thing of the negating side's: "promising that Mexico would never pay")
        if promise and _promise_told(text, marker):
            continue  # a promise kept tells what it promised: "made good on his promise that the wall would be built"
        if not marker.group("condition") and _COORDINATED.search(text, marker.end(), position):
            continue
        found.append(marker)
    return found


def _in_condition(text: str, position: int, own: frozenset[str] = frozenset()) -> bool:
    """Whether ``position`` of a sentence lies after a conditional subordinator (or an allegation, an open
    choice) in its stretch."""
    return bool(_markers(text, position, own))


# A clause inside a condition that the condition presupposes: "whether the senator knew the donor who funded
# his campaign" tells that the donor funded it; "whether the suspect was armed when police shot him", that
# police shot him.
_PRESUPPOSED = re.compile(r"\b(?:who|which|when|after|because|before|since)\b", re.IGNORECASE)


def _supposed(text: str, position: int, own: frozenset[str] = frozenset()) -> bool:
    """Whether a word at ``position`` is only supposed: in a condition, and not in a clause it presupposes."""
    markers = _markers(text, position, own)
    return bool(markers) and not _PRESUPPOSED.search(text, markers[-1].end(), position)


# A denial of an utterance ("I wasn't suggesting", "he never claimed", "did not mean"): what follows it is
# what was not said, asserted by no one.
_UTTERANCE_DENIED = re.compile(r"(?:\b(?:not|never)|n['’]t)\s+(?:\w+ly\s+)?(?:suggest|suggesting|suggested|claim"
                               r"|claiming|claimed|imply|implying|implied|mean|meaning|meant|saying)\b"
                               r"(?!\s+(?:to|responsibility|credit|victory|that\s+much)\b)", re.IGNORECASE)
# ... whose complement the negation is in: no clause boundary between them.
_COMPLEMENT_BREAK = re.compile(r"[,;:()—–]|\s-{1,2}\s|\b(?:and|but|or|who|which)\b", re.IGNORECASE)


def _in_denied_utterance(text: str, position: int) -> bool:
    """Whether ``position`` lies in the complement of a denied utterance ("I wasn't suggesting the president's
    not ...")."""
    return any(not _COMPLEMENT_BREAK.search(text, denial.end(), position)
               for denial in _UTTERANCE_DENIED.finditer(text, 0, position))


def asserts_nothing(side: Side, mention: Mention, other: Side) -> bool:
    """Whether a negation asserts nothing the other side could contradict: in a question; the formula of not
    answering a reporter; in a condition ("if he does not cooperate", "unless") when the other side does not
    state the same condition (a negated condition against the same condition affirmed still conflicts: "if he
    is not successful" / "if he is successful")."""
    text = side.sentence_text(mention.sentence)
    if final_mark(text) == "?" or _NO_COMMENT.match(text, mention.fact.end):
        return True
    if _in_denied_utterance(text, mention.fact.start):
        return True  # "I wasn't suggesting the president's not a Christian": the speaker asserts neither
    if not _in_condition(text, mention.fact.start):
        return False
    word = focus(side, mention)
    return word is None or not any(
        t.content and related(word.lower, t.lower) and _in_condition(other.sentence_text(t.sentence), t.start)
        for t in other.tokens)


# What puts a "not" on its clause's verb: an auxiliary or a modal right before it ("did not", "it's not",
# "would not"). A "not" without one negates a phrase, not the clause ("deserve respect, not a spot at a bar",
# "made public not by the agency but by", "Another man, not seen on camera, tells").
# Adverbs may stand between ("has still not paid", "have so far not"), and "not to" negates the clause's
# infinitive ("decided not to renew the contract").
_VERB_BEFORE_NOT = re.compile(
    r"(?:\b(?:is|are|was|were|am|be|been|being|do|does|did|has|have|had|will|would|shall|should|can|could|may|might"
    r"|must|ought|need|dare|to|why)|['’](?:s|re|m|ve|d|ll))(?:\s+(?:still|yet|also|so\s+far|thus\s+far|ever|\w+ly))*"
    r"\s+$", re.IGNORECASE)
_NOT_TO = re.compile(r"\s+to\s+[a-z]", re.IGNORECASE)


def negates_a_phrase(side: Side, mention: Mention) -> bool:
    """Whether a "not" negates a phrase of its sentence rather than its clause (no auxiliary before it)."""
    if mention.fact.text.lower() != "not":
        return False
    text = side.sentence_text(mention.sentence)
    if _VERB_BEFORE_NOT.search(text[: mention.fact.start]) is not None:
        return False
    # "decided not to renew", "were told not to return": a verb's infinitive negated; "the right not to provide"
    # negates a noun's
    previous = _PREVIOUS_WORD.search(text[: mention.fact.start])
    word = previous.group(1).lower() if previous else ""
    return not (_NOT_TO.match(text, mention.fact.end) and (word.endswith("ed") or word in _PAST_FORMS))


# Litotes: a negated word of holding back ("hasn't been shy about", "was not afraid to") affirms what follows it,
# and conflicts only with a side telling of holding back on the same claim ("has been shy about", "was scared to
# criticize the president", "was unwilling to"), not with a paraphrase of what follows ("hasn't been shy about ...,
# joking" / "joked ruefully about"), nor with holding back on something else ("she was frightened about what the
# nation would look like").
LITOTES = frozenset("shy afraid hesitant reluctant bashful timid coy averse".split())
# Ranks a negation may deny ("not the first time", "not the only one"): told by no other word.
_RANK_DENIED = re.compile(r"\s+(?:\w+ly\s+)?(?:(?:the|a|an|its|his|her|their)\s+)?(first|only|last|sole)\b",
                          re.IGNORECASE)
_FIRST = frozenset("first earliest unprecedented first-ever inaugural maiden".split())
_ONLY = frozenset("only sole lone single alone exclusive".split())
_RANK_WORDS = {"first": _FIRST, "last": frozenset("last final".split()), "only": _ONLY, "sole": _ONLY}
_NEVER_BEFORE = re.compile(r"\bnever\s+before\b", re.IGNORECASE)
HOLDING_BACK = LITOTES | frozenset(
    "scared frightened fearful fear feared fears unwilling reticent wary hesitated hesitate hesitates hesitation "
    "reluctance shied shies reluctantly hesitantly".split())


def _after_in_clause(side: Side, word: Token) -> set[str]:
    """The lemmas of the lower-case content words after a word in its clause, at most SCOPE_CONTENT_WORDS."""
    text = side.sentence_text(word.sentence)
    stop = _closed_at(_CLAUSE_END, text, word.end)
    after = [t for t in side.sentence_tokens(word.sentence) if t.content and word.end <= t.start < stop
             and text[t.start : t.start + 1].islower()]
    return {lemma(t.lower) for t in after[:SCOPE_CONTENT_WORDS]}


# "Any" before a thing that a modal after it supposes asserts none ("the right to sue for any role that elements of
# the Saudi government may have played"): no affirmation of what a side denies ("the Saudi government denies any
# role"); "answered any questions reporters asked" tells answers, and "made any payments to the agent that FIFA
# rules would allow" tells payments made: "any" after a preposition only, where nothing is done to the thing.
_ANY_BEFORE = re.compile(r"\b(?:for|of|about|in|into|on|over|to|from|with|against)\s+any\s+"
                         r"(?:(?:such|other|possible|alleged)\s+)?$", re.IGNORECASE)
_MODAL_AFTER = re.compile(r"\b(?:may|might|could|would)\b", re.IGNORECASE)


def _any_of(side: Side, token: Token) -> bool:
    text = side.sentence_text(token.sentence)
    return (_ANY_BEFORE.search(text[: token.start]) is not None
            and _MODAL_AFTER.search(text, token.end, _closed_at(_LIST_END, text, token.end)) is not None)


def contradicted(side: Side, mention: Mention, other: Side, negated: set[tuple[int, int]], *,
                 paraphrase: bool = False) -> bool:
    """Whether ``other`` states plainly what ``mention`` (a negation or hedge on ``side``) bears on.

    Its focus, said about the same thing (a content word in common around it), and nowhere negated or
    hedged on ``other`` (nor with a negative prefix: "not changed" / "unchanged"). With ``paraphrase``,
    a negation of the sentence's main clause also conflicts with a side that words the predicate
    differently but tells the rest of its clause: "Dynes will not earn $395,000 ... Atkinson's salary"
    / "Dynes will get $395,000 ... Atkinson's current salary"; a negative object whose focus the other
    side does not tell at all ("made no apologies") does not.
    """
    if mention.fact.kind == "negation" and (rank := _RANK_DENIED.match(side.sentence_text(mention.sentence),
                                                                      mention.fact.end)) is not None:
        # "were not the first time he has accused", "is not the only country to": a rank denied, which only a side
        # telling that rank contradicts, in its word or another ("for the first time", "unprecedented", "final")
        ranks = _RANK_WORDS[rank.group(1).lower()]
        if not any(t.lower in ranks for t in other.tokens) and not _NEVER_BEFORE.search(other.text):
            return False
    word = focus(side, mention)
    own = frozenset(lemma(t.lower) for t in side.sentence_tokens(mention.sentence) if t.content)
    questions = {sid for sid, text in other.sentences if final_mark(text) == "?"}
    # A claim the other side tells in a condition is not affirmed, unless the negation is in one too.
    conditional = _in_condition(side.sentence_text(mention.sentence), mention.fact.start)
    occurrences: list[Token] = []
    if word is not None:
        occurrences = [t for t in other.tokens if t.content and related(word.lower, t.lower)]
        if mention.fact.kind == "certainty" and lemma(word.lower) in _SAYING_FOCI:
            # a hedge on a saying ("ISIS reportedly claimed responsibility") doubts that speaker's saying: the same
            # speaker's saying told plainly contradicts it ("ISIS said"), another speaker's does not ("officials
            # say there is no evidence", "Egyptian mediators said")
            speaker = _speaker_lemmas(side, word)
            occurrences = [t for t in occurrences if not speaker.isdisjoint(_speaker_lemmas(other, t))] if speaker \
                else [t for t in occurrences if lemma(t.lower) == lemma(word.lower)]
        if _negated_form(word, other) or any((t.sentence, t.start) in negated and lemma(t.lower) == lemma(word.lower)
                                             for t in occurrences):
            return False  # the other side negates or hedges it too
        # a word of the same class negated ("avoided defeat and won the seat" / "did not win") is another claim
        occurrences = [t for t in occurrences if (t.sentence, t.start) not in negated]
        claim = _claim_words(side, word) - {lemma(word.lower)}
        # A question affirms nothing ("Was he sure, Mr. Jordan asked, that ...?" / "she was never asked"), nor a
        # condition or an open choice ("announces whether he plans to step down or will ... seek re-election" /
        # "will not seek a second term"), unless the negation is in one too.
        told = [t for t in occurrences if t.sentence not in questions and not _any_of(other, t)
                and (conditional or not _supposed(other.sentence_text(t.sentence), t.start, own))]
        if any(_same_claim(claim, other, t) for t in told):
            return True
        if occurrences and not told:
            return False  # the other side tells the very predicate, only as open or alleged: no paraphrase affirms it
    if word is not None and word.lower in LITOTES and not any(
            t.lower in HOLDING_BACK and not _after_in_clause(side, word).isdisjoint(_after_in_clause(other, t))
            for t in other.tokens):
        return False  # "hasn't been shy about" affirms what follows: a side holding back on it contradicts it
    if paraphrase and word is not None and lemma(word.lower) in _RESPONDING and _denies_a_claim_of(other, own):
        return True  # a denial is a response: "has not responded to the allegations" / "The allegations were
        # “completely false,” the company said"
    if (not paraphrase or negates_anything(other) or len(questions) == len(other.sentences)
            or negates_a_phrase(side, mention) or _UTTERANCE_DENIED.match(
                side.sentence_text(mention.sentence), mention.fact.start)):
        return False
    if word is not None and not occurrences and mention.fact.text.lower() in NEGATIVE_OBJECTS:
        return False  # a negated thing the other side does not tell at all ("made no apologies")
    # A negation of the main clause bears on the sentence; one in a clause of its own, on that clause.
    main = in_main_clause(side, mention)
    share = PARAPHRASE_SHARE if main else EMBEDDED_PARAPHRASE_SHARE
    told = _segment_of(side, mention) if main else _clause_of(side, mention)
    words = {lemma(t.lower) for t in told if t.content}
    words -= {lemma(word.lower)} if word is not None else set()
    other_words = {lemma(t.lower) for t in other.tokens if t.content and (t.sentence, t.start) not in negated
                   and (conditional or not _supposed(other.sentence_text(t.sentence), t.start, own))}
    shared = words & other_words
    # Both ways: a long sentence holding a short one shares much of the short one, not a paraphrase of it.
    if not words or len(shared) < SHARED_CLAUSE_WORDS:
        return False
    if word is not None and mention.fact.kind == "negation" and lemma(word.lower) in TELLING:
        # what a refusal to tell holds back is what the other side must tell: "did not, however, say specifically
        # whether he would still be an active candidate, taking no questions ... before a meeting with Harry Reid"
        # shares the meeting with "Mr. Sanders ignored three questions ... before his meeting with Harry Reid", not
        # the candidacy
        held = _told_object(side, word)
        if held and held.isdisjoint(other_words):
            return False
    told_share = len(shared) / len(words)
    return (min(told_share, len(shared) / len(other_words)) if main else told_share) >= share
