"""Attribution: who says it: "according to X", "X said/stated/claimed", "..., X said".

Key: the source's words, determiners dropped, names and spellings folded
("the Defence Ministry" -> "defense ministry").

Two sources conflict when both sides name their speaker for the claim and the
speakers differ: "Azerbaijan's Hajiyev" / "Azerbaijan's defence ministry". One
side naming a source where the other does not is not flagged; a description
against a name ("the company" / "IBM") is listed, not a conflict; a person and
his office ("Paul Fishman" / "Fishman's office") are one source; and when one
side's speaker is a person the other side names too ("Mary Cheney wrote" /
"According to the Times, Mary Cheney took to Facebook"), the two sources are
of two claims (her post, the paper's report of it), not two sources of one.

A source is a noun phrase: the subject of a passive saying verb is what was
said, and its source the agent after "by" ("The messages were first reported
by The Atlantic"), if any; a negated saying verb ("The Times has not
independently confirmed") names no source; a stretch holding a subordinator or
a relative ("Democrats rejected the offer before Trump even [announced]", "a
florist who [said]") is a clause, not a subject, and so is a stretch with an
auxiliary or a copula ("The policy is unconstitutional, said Ben Wizner"), after
the verb too ("Lorella Praeli, a director at the ACLU, said the group would"),
and a time after it ("said Thursday"). A speaker told by role or a
document told by kind ("Grimm's attorney", "The Vermont senator", "the
presumptive Republican nominee", "The rules issued Thursday": a weekday is no
name) is a description, maybe the other side's named speaker. In a group the
aligner links weakly, two sides quoting their speakers in quotations that are
not one another's, even reworded, tell two statements ("“Trump must demand an
agreement,” Pelosi said" / "“Trump must be willing to confront Putin,” McCain
said"); firmly linked counterparts may quote one statement in other words, and
still conflict. (Measured on the 210 BASIL pairs outside the gold: 36 groups
with an attribution conflict, all 36 judged false.) Two speakers conflict only
as sources of one claim: what each is said to say shares content words
("“Enough is enough,” said Lorella Praeli" / "Faiz Shakir ... said the group
was exploring places to intervene" are two claims), unless firm counterparts
both quote, maybe one statement in other words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rapidfuzz import fuzz

from ..articles.text import STOP_WORDS, normalize, stem
from ..models import Difference
from .base import MANNER_ADVERB, Fact, FactKind, Group, Mention, Side, Token, difference, distinct, sentence_words
from .names import fold_spelling, name_key, word_present, word_stems
from .quotes import QUOTE_REWORDED_MIN

NAME = "attribution"

SAYING_VERBS = ("said", "says", "say", "stated", "states", "told", "tells", "reported", "reports", "claimed",
                "denied", "denies", "refuted", "refutes", "rejected", "rejects", "dismissed", "dismisses",
                "claims", "announced", "announces", "added", "adds", "noted", "notes", "asserted", "asserts",
                "alleged", "alleges", "insisted", "insists", "confirmed", "confirms", "warned", "warns",
                "wrote", "writes", "emphasized", "emphasised", "stressed", "stresses", "argued", "argues")
_VERB = "|".join(SAYING_VERBS)
# A source may open with a short title ("Capt. Michael Calvert"), whose full stop does not end it.
_TITLED = r"(?:[A-Z][a-z]{0,3}\.\s+)?"
_ACCORDING = re.compile(rf"\b(?i:according to) (?P<source>{_TITLED}[^,.;]{{2,80}})")
# Lower case only: "The United States welcomes" has no saying verb.
_VERB_WORD = re.compile(rf"\b(?:{_VERB})\b")
# "..., said X." : the source runs to the end of the clause, within a few words. Not "told": ", told The
# Washington Examiner that ..." names who was told, after the speaker.
_VERB_SOURCE = re.compile(r"[,“”\"]\s*(?P<verb>said|says|added|wrote)\s+"
                          rf"(?P<source>{_TITLED}[^,.;“”\"]{{2,60}}?)(?=\s*(?:[,.;“”\"]|$))")
_CLAUSE_BREAK = re.compile(r"[,;:.!?“”\"()]")
_TRAILING_AUXILIARY = re.compile(r"(?:\s+(?:has|have|had|was|were|is|are|also|had been|has been|have been"
                                 r"|previously|earlier|later|then|reportedly|even|first|again|just|publicly"
                                 r"|repeatedly|initially|separately|already|long|yet|"
                                 rf"(?-i:{MANNER_ADVERB})))+$", re.IGNORECASE)
# A stretch with a subordinator or a relative before the verb is a clause, not its subject: "Democrats rejected
# the offer before Trump even [announced it]", "a Christian florist who [said]".
_SUBORDINATOR = re.compile(r"\b(?:before|after|when|while|because|though|although|since|until|unless|if|whereas"
                           r"|that|which|who|whom)\b", re.IGNORECASE)
# ... and so is one with an auxiliary or a copula in it (lower case: "Will Smith" is a name).
_FINITE = re.compile(r"\b(?:is|are|was|were|will|would|has|have|had|can|could|should|must|may|might)\b")
# Words that open a time after a saying verb, not a speaker.
_WHEN = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight last this earlier "
                  "later".split())
# A passive saying verb ("were first reported by The Atlantic"): its subject is what is said, its agent the source.
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:first|also|later|widely|initially"
                             r"|previously|originally|\w+ly)\s+)*$", re.IGNORECASE)
_AGENT = re.compile(rf"\s+by\s+(?P<source>{_TITLED}[^,.;“”\"]{{2,60}}?)"
                    r"(?=\s*(?:[,.;“”\"]|$|\s(?:which|who|that|on|in)\b))")
# A negated saying verb ("has not independently confirmed") attributes nothing.
_NEGATED_BEFORE = re.compile(r"(?:\bnot|n['’]t|\bnever)\s+(?:\w+ly\s+)*$", re.IGNORECASE)
_CALENDAR = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april may june "
                      "july august september october november december".split())
# Heads that tell a speaker by role or a document by kind ("Grimm's attorney", "the presumptive Republican
# nominee", "The rules issued Thursday"): a description, maybe the named speaker of the other side.
_DESCRIBING_HEADS = frozenset(stem(w) for w in (
    "attorney lawyer counsel spokesman spokeswoman spokesperson aide adviser advisor nominee candidate senator "
    "congressman congresswoman lawmaker representative speaker president governor secretary director chairman "
    "chairwoman leader official son daughter wife husband rival source statement memo letter report rules "
    "filing document complaint").split())
_DETERMINERS = frozenset({"these", "those", "the", "such", "his", "her", "their", "its", "our", "your", "a", "an",
                          "this", "that", "any", "no", "some"})
_SUBJECT_STARTS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "officials", "police",
                             "witnesses", "residents", "sources", "authorities", "analysts", "experts", "doctors",
                             "investigators", "prosecutors", "rebels", "separatists", "troops", "forces"})
# Subjects that are pronouns name no source on their own (the neighbour does).
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "which", "who"})
_TRIGGERS = frozenset(SAYING_VERBS) | {"according"}
# Titles before a speaker's name: "Sen. Mitch McConnell" and "McConnell" are
# one speaker, and a title alone says nothing about who spoke.
_TITLES = frozenset(stem(t) for t in (
    "mr", "mrs", "ms", "dr", "sen", "senator", "rep", "gov", "governor", "president", "prime", "minister",
    "secretary", "general", "gen", "col", "capt", "lt", "sgt", "chief", "spokesman", "spokeswoman",
    "spokesperson", "officials", "official", "foreign", "defense", "defence", "state", "deputy", "adviser",
    "advisor", "judge", "justice", "mayor", "king", "queen", "prince", "pope", "sir", "lord", "ambassador",
    "commissioner", "director", "chairman", "chairwoman", "head", "leader", "commander", "mp", "attorney",
    "counsel", "special", "representative", "former"))
_PREPOSITIONS = frozenset({"in", "of", "at", "for", "from", "with", "to", "on", "by"})


def source_key(source: str) -> str:
    """The comparable form of a source: determiners dropped, names and spellings folded."""
    words = [w for w in re.findall(r"[^\W\d_]+(?:['.][^\W\d_]+)*", fold_spelling(normalize(source)))
             if w not in STOP_WORDS]
    return name_key(" ".join(words))


def _subject_before(text: str) -> str | None:
    """The subject of a verb, from the text before it: the clause's noun phrase, appositions skipped.

    "Hikmet Hajiyev, foreign policy adviser to the president, stated" -> "Hikmet Hajiyev".
    """
    segment = text.rstrip()
    if segment.endswith(","):  # an apposition ends right before the verb: the subject precedes it
        head, _, _apposition = segment[:-1].rpartition(",")
        segment = head or segment[:-1]
    subject = _TRAILING_AUXILIARY.sub("", _CLAUSE_BREAK.split(segment)[-1].strip())
    if _SUBORDINATOR.search(subject) or _FINITE.search(subject):
        # a clause, not a noun phrase: "Democrats rejected the offer before Trump even [announced]", "The policy is
        # unconstitutional, [said Ben Wizner]"
        return None
    words = subject.split()
    if len(words) > 8:  # a subject is a noun phrase; a longer stretch is a clause
        return None
    return subject if _is_subject(subject) else None


def _is_subject(source: str) -> bool:
    """A name, a determiner phrase or a plural noun of sources; not a pronoun, not "these claims"."""
    words = source.split()
    if not words or source.lower() in _PRONOUNS or words[-1].lower() in _DETERMINERS:
        return False
    if not source_key(source):  # "25 said" names nobody
        return False
    return words[0][0].isupper() or words[0].lower() in _SUBJECT_STARTS


def _stripped(match: re.Match[str], group: str) -> tuple[str, int]:
    """A group's text without surrounding spaces, and where that text starts."""
    raw = match.group(group)
    return raw.strip(), match.start(group) + len(raw) - len(raw.lstrip())


def _quote_open_at(sentence: str, position: int) -> bool:
    before = sentence[:position]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def extract_attribution(sentence: str, words: frozenset[str] | None = None) -> list[Fact]:
    """Who says it: "according to X", "X said/stated/claimed", "..., X said"."""
    words = sentence_words(sentence) if words is None else words
    if _TRIGGERS.isdisjoint(words):
        return []
    facts = []
    before_verb: dict[int, Fact] = {}  # the subject read before each verb, by the verb's position
    for match in _ACCORDING.finditer(sentence):
        source, start = _stripped(match, "source")
        facts.append(Fact(NAME, source, source_key(source), start, start + len(source), "according to"))
    for match in _VERB_WORD.finditer(sentence):
        if _quote_open_at(sentence, match.start()):
            continue  # inside a quotation: the quoted speaker's words, not the attribution
        if _NEGATED_BEFORE.search(sentence, 0, match.start()):
            continue  # "has not confirmed": nobody says it
        if _PASSIVE_BEFORE.search(sentence, 0, match.start()):
            agent = _AGENT.match(sentence, match.end())  # "were first reported by The Atlantic"
            if agent is not None and _is_subject(source := _stripped(agent, "source")[0]):
                start = _stripped(agent, "source")[1]
                facts.append(Fact(NAME, source, source_key(source), start, start + len(source),
                                  match.group().lower()))
            continue
        subject = _subject_before(sentence[: match.start()])
        if subject is not None:
            start = sentence.rfind(subject, 0, match.start())
            facts.append(Fact(NAME, subject, source_key(subject), start, start + len(subject), match.group().lower()))
            before_verb[match.start()] = facts[-1]
    for match in _VERB_SOURCE.finditer(sentence):
        source, start = _stripped(match, "source")
        # A clause after the verb is what is said, not who says it: "Lorella Praeli, a director at the ACLU, said
        # the group would keep fighting"; "said Ms. Ruiz that ..."
        # ... and so is a time: "Frist said Thursday", "said Sunday night", "said yesterday at a news conference".
        if (_is_subject(source) and not _SUBORDINATOR.search(source) and not _FINITE.search(source)
                and source.split()[0].lower() not in _WHEN):
            facts.append(Fact(NAME, source, source_key(source), start, start + len(source),
                              match.group("verb").lower()))
            claim = before_verb.get(match.start("verb"))
            if claim is not None and _names_a_speaker(sentence, source, start):
                # "The main change, said Jim Walton, CNN's president, is ...", "Axelrod died in his sleep, said his
                # daughter, Nina Axelrod": a name or a person's role after the verb, ending at a comma or the
                # sentence's end, is the speaker, and what stands before the comma is what is said
                facts.remove(claim)
    return distinct(facts)


#: words of a source after its verb, at most, for it to name the speaker over the stretch before
_NAMED_SOURCE_WORDS = 5
# People told by role after a possessive ("said his daughter"), not documents ("said the controller's statements").
_PERSON_ROLES = frozenset(stem(w) for w in (
    "daughter son wife husband mother father brother sister spokesman spokeswoman spokesperson lawyer attorney "
    "aide adviser advisor friend neighbor neighbour colleague").split())
_PAST_VERB = re.compile(r"\b[a-z]+ed\b")


def _names_a_speaker(sentence: str, source: str, start: int) -> bool:
    """Whether a source after its verb ("..., said Jim Walton, CNN's president") names who speaks: a short name or a
    possessive and a person's role, ending at a comma or at the sentence's end, with no verb in it."""
    words = source.split()
    after = sentence[start + len(source) :].strip()
    if len(words) > _NAMED_SOURCE_WORDS or not (after.startswith(",") or after in ("", ".")):
        return False
    if source[:1].isupper():
        return _PAST_VERB.search(source) is None
    return words[0].lower() in {"his", "her", "their"} and stem(words[-1].lower()) in _PERSON_ROLES


# -- comparison ------------------------------------------------------------------

def _words(fact: Fact) -> list[str]:
    return fact.text.replace("’", "'").split()


def _source_words(fact: Fact) -> set[str]:
    """The stems that identify a speaker: "Sen. Mitch McConnell" -> {mitch, mcconnel}.

    Titles are left out, and so are possessives: "Azerbaijan's Hajiyev" and
    "Azerbaijan's defence ministry" are two speakers of one country.
    """
    words = " ".join(w for w in _words(fact) if not w.endswith("'s"))
    return {s for s in word_stems(words) if s not in STOP_WORDS and s not in _TITLES}


def _possessors(fact: Fact) -> set[str]:
    """Whose the speaker is: "Fishman's office" -> {fishman}."""
    return {stem(w[:-2].lower().strip(",.\"'")) for w in _words(fact) if w.endswith("'s")}


def _source_head(fact: Fact) -> str:
    """The word that names who speaks: "Azerbaijan's defense ministry" -> ministry, "Ethnic forces in X" -> forces."""
    words = _words(fact)
    cut = next((i for i, w in enumerate(words) if i and w.lower() in _PREPOSITIONS), len(words))
    return stem(re.sub(r"'s$", "", words[cut - 1]).lower().strip(",.\"'")) if cut else ""


def is_named(fact: Fact) -> bool:
    """A source that names someone ("Hikmet Hajiyev", "Azerbaijan's defence ministry"), not "the company".

    The first word of a sentence is capitalised whatever it is ("Police said"),
    so there it counts only as an acronym ("IBM").
    """
    words = fact.text.split()
    head = [w for w in words if stem(re.sub(r"['’]s$", "", w).lower().strip(",.\"'")) == _source_head(fact)]
    if head and head[-1][:1].islower() and _source_head(fact) in _DESCRIBING_HEADS:
        return False  # a role or a document: "Grimm's attorney", "The Vermont senator", "The rules issued Thursday"
    # An acronym or a possessive ("Azerbaijan's defence ministry") is a name even there.
    first = 1 if fact.start == 0 and not re.fullmatch(r"[A-Z][A-Z.&]+(?:'s)?|[A-Z]\w+['’]s", words[0]) else 0
    # A weekday or a month names nobody: "The rules issued Thursday".
    names = [w for w in words if w.lower().strip(",.") not in _CALENDAR]
    return any(word[:1].isupper() for word in names[first:]) or (first == 0 and names[:1] == words[:1]
                                                                  and words[0][:1].isupper())


def same_source(left: Fact, right: Fact) -> bool:
    """Same speaker: equal keys, the same head word ("ministry", "police"), a shared name word (a surname),
    or a person and what is his ("Paul Fishman" / "Fishman's office")."""
    if left.key == right.key:
        return True
    left_head, right_head = _source_head(left), _source_head(right)
    if left_head and word_present(left_head, {right_head}):
        return True
    left_words, right_words = _source_words(left), _source_words(right)
    return bool(left_words & right_words or left_words & _possessors(right) or right_words & _possessors(left))


def _names_the_speaker(speaker: Fact, side: Side) -> bool:
    """Whether ``side`` names the person who speaks on the other side, as someone it tells of."""
    head = _source_head(speaker)
    name_words = [w for w in _words(speaker) if w[:1].isupper() and stem(w.lower().strip(",.'")) == head]
    if not name_words:
        return False  # "Ethnic Armenian forces": a description, named nowhere as such
    return any(head in word_stems(m.fact.key) for m in side.mentions("name"))


def _two_statements(group: Group) -> bool:
    """Whether each side quotes its speaker and no quotation of one side is the other's, even reworded: two
    statements, each by its speaker ("“Trump must demand an agreement,” Pelosi said" / "“Trump must be willing to
    confront Putin,” Mr. McCain said"). Asked only of a group the aligner links weakly: counterparts linked
    firmly may quote one statement in other words ("“She was very affectionate with them,” said X" / "“She
    loved them so much,” added X")."""
    left, right = group.left.mentions("quote"), group.right.mentions("quote")
    return bool(left and right) and not any(
        a.fact.key in b.fact.key or b.fact.key in a.fact.key or fuzz.ratio(a.fact.key, b.fact.key) >= QUOTE_REWORDED_MIN
        for a in left for b in right)


#: content words two attributed claims must have in common (all of a shorter claim's) for their speakers to be two
#: sources of one claim
SAME_CLAIM_WORDS = 2


def _claim_stems(side: Side, mention: Mention) -> frozenset[str]:
    """The content stems of what a source is said to say: the sentence without the source, what stands between it
    and its verb (an apposition: "Faiz Shakir, the political director of the ACLU, said") and the verb; before the
    verb when the source follows it ("“Enough is enough,” said Lorella Praeli, director of ..."; "The messages were
    first reported by The Atlantic, which ..."); the group's own sentences for a source the sentence before gives."""
    tokens = side.sentence_tokens(mention.sentence)
    if not tokens:
        return frozenset(t.stem for t in side.tokens if t.content)
    fact, text = mention.fact, side.sentence_text(mention.sentence)
    if fact.detail == "according to":
        opening = text.lower().rfind("according to", 0, fact.start)
        return frozenset(t.stem for t in tokens if t.content and not opening <= t.start < fact.end)
    verb = re.compile(rf"\b{re.escape(fact.detail or '')}\b", re.IGNORECASE)
    before = [m for m in verb.finditer(text, 0, fact.start) if _VERB_THEN_SOURCE.fullmatch(text, m.end(), fact.start)]
    if before:
        return frozenset(t.stem for t in tokens if t.content and t.end <= before[-1].start())
    after = verb.search(text, fact.end)
    end = after.end() if after is not None else fact.end
    return frozenset(t.stem for t in tokens if t.content and not _title_start(tokens, fact) <= t.start < end)


def _title_start(tokens: tuple[Token, ...], fact: Fact) -> int:
    """Where a source starts with the titles right before it, which its text may leave out ("Dr." of "Dr. Anthony
    Fauci warned", cut at the full stop): a title is no word of the claim."""
    start = fact.start
    for token in reversed([t for t in tokens if t.end <= fact.start]):
        if token.stem not in _TITLES or start - token.end > 2:  # "Dr. Anthony": a full stop and a space between
            break
        start = token.start
    return start


# Between a verb and its source after it: a space ("said Mayor Ana Ruiz") or a passive's "by".
_VERB_THEN_SOURCE = re.compile(r"\s+(?:by\s+)?")


def _one_claim(group: Group, a: Mention, b: Mention) -> bool:
    """Whether two sources are said to say one thing: their claims share content words (or one is not told), or
    both sides of firmly linked counterparts quote, maybe one statement in other words ("“She was very
    affectionate with them,” said X" / "“She loved them so much,” added Y"; see _two_statements)."""
    if group.paraphrase and group.left.mentions("quote") and group.right.mentions("quote"):
        return True
    claim_a, claim_b = _claim_stems(group.left, a), _claim_stems(group.right, b)
    if not claim_a or not claim_b:
        return True
    return len(claim_a & claim_b) >= min(SAME_CLAIM_WORDS, len(claim_a), len(claim_b))


class Attribution(FactKind):
    name = NAME

    def extract(self, sentence: str, words: frozenset[str], found: Mapping[str, list[Fact]]) -> list[Fact]:
        return extract_attribution(sentence, words)

    def compare(self, group: Group) -> list[Difference]:
        """Different sources for the claim: a conflict when both sides name their speaker for it.

        A claim the group does not attribute takes its source from the sentence
        before, in the same paragraph.
        """
        left = group.left.mentions(NAME) or group.left.context_mentions(NAME)
        right = group.right.mentions(NAME) or group.right.context_mentions(NAME)
        if not left or not right or any(same_source(a.fact, b.fact) for a in left for b in right):
            return []
        named = any(is_named(m.fact) for m in left) and any(is_named(m.fact) for m in right)
        other_claim = any(_names_the_speaker(m.fact, group.right) for m in left) or any(
            _names_the_speaker(m.fact, group.left) for m in right) or (
            not group.paraphrase and _two_statements(group)) or not any(
            _one_claim(group, a, b) for a in left for b in right if is_named(a.fact) and is_named(b.fact))
        return [difference(NAME, left, right, conflict=named and not other_claim)]


KIND = Attribution()
