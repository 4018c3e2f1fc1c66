"""What every fact kind shares: the fact, where it was found, one side of a group, and the kind's interface.

A kind (numbers, dates, names...) is one module of this package holding its
patterns, its extractor, its key and its comparator, and one :class:`FactKind`
object that the registry (:mod:`compare.facts.registry`) lists.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..articles.text import STOP_WORDS, stem
from ..models import Difference, Evidence
from ..similarity.lexicon import WORD_CLASSES


@dataclass(frozen=True)
class Fact:
    """One fact of a statement: what was written, where (offsets into the sentence), and the key it compares under."""

    kind: str
    text: str
    key: str
    start: int
    end: int
    #: kind-specific detail: the approximation of a number ("over"), the verb
    #: of an attribution ("said"), the class of a hedge ("alleged").
    detail: str | None = None


@dataclass(frozen=True)
class Mention:
    """A fact located in a sentence of an aligned group: the sentence's id and the fact."""

    sentence: int
    fact: Fact

    @property
    def evidence(self) -> Evidence:
        return Evidence(self.sentence, self.fact.start, self.fact.end, self.fact.text)


_WORD = re.compile(r"[a-z]+")
# Words for scopes and contexts: letters with inner apostrophes or dots ("U.N.", "doesn't").
_TOKEN = re.compile(r"(?i:per\s+cent)\b|(?:[^\W\d_]\.){2,}|[^\W_]+(?:['’][^\W\d_]+)*")
# "per cent" is one word, the British "percent"
_PER_CENT = re.compile(r"per\s+cent")


def final_mark(sentence: str) -> str:
    """The sentence's last character before closing quotes and brackets ("?" for 'Was he sure?"'), or ""."""
    return sentence.rstrip(" \"'”’)")[-1:]


def sentence_words(sentence: str) -> frozenset[str]:
    """The lower-case ASCII words of a sentence: every extractor's cheap test before its regular expressions.

    Each test is a superset check: a sentence whose words miss all of an
    extractor's trigger words cannot match its patterns, so skipping it changes
    no result, and most sentences skip most extractors.
    """
    return frozenset(_WORD.findall(sentence.lower()))


def distinct(facts: list[Fact]) -> list[Fact]:
    """Drop facts whose span another fact of the same kind already covers."""
    kept: list[Fact] = []
    for fact in sorted(facts, key=lambda f: (f.start, -(f.end - f.start))):
        if not any(k.start <= fact.start and fact.end <= k.end for k in kept):
            kept.append(fact)
    return kept


@dataclass(frozen=True)
class Token:
    """A word of a group side: its sentence, its offsets there, its lower-case form and stem, and whether it is a
    content word (not a stop word, not a bare number, longer than one letter: asked of every token of every group,
    so decided once, when the sentence is tokenised)."""

    sentence: int
    start: int
    end: int
    lower: str
    stem: str
    content: bool = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "content", self.lower not in STOP_WORDS and not self.lower.isdigit()
                           and len(self.lower) > 1)


@lru_cache(maxsize=65536)
def tokens_of(sentence_id: int, text: str) -> tuple[Token, ...]:
    """The words of one sentence (remembered: a sentence with several counterparts is in several groups)."""
    return tuple(Token(sentence_id, start, end, lower, word_stem) for start, end, lower, word_stem in _words_of(text))


@lru_cache(maxsize=8192)
def _words_of(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """(start, end, lower-case form, stem) of each word of a text: a sentence an article repeats is read once."""
    found = []
    for match in _TOKEN.finditer(text):
        lower = match.group().lower().replace("’", "'")
        if lower[:3] == "per" and not lower.isalpha():
            lower = _PER_CENT.sub("percent", lower)
        found.append((match.start(), match.end(), lower, stem(lower)))
    return tuple(found)


@lru_cache(maxsize=16384)
def sentence_stems(text: str) -> frozenset[str]:
    """The stems of a sentence's tokens: what :attr:`Side.stems` holds for a side of that one sentence."""
    return frozenset(word[3] for word in _words_of(text))


# Past forms of the common irregular English verbs, which their stems do not join: "withdrew" is "withdraw".
_IRREGULAR = {past: base for base, *pasts in (line.split() for line in """
arise arose arisen|awake awoke awoken|be was were been|bear bore borne born|beat beaten|become became|begin began
begun|bend bent|bite bit bitten|bleed bled|blow blew blown|break broke broken|breed bred|bring brought
|build built|burn burnt|buy bought|catch caught|choose chose chosen|cling clung|come came|creep crept|deal dealt
|dig dug|do did done|draw drew drawn|drink drank drunk|drive drove driven|eat ate eaten|fall fell fallen|feed fed
|feel felt|fight fought|find found|flee fled|fly flew flown|forbid forbade forbidden|forget forgot forgotten
|forgive forgave forgiven|freeze froze frozen|get got gotten|give gave given|go went gone|grow grew
grown|hang hung|have had|hear heard|hide hid hidden|hold held|keep kept|know knew known|lay laid|lead led|leave left
|lend lent|lie lay lain|lose lost|make made|mean meant|meet met|overcome overcame|overtake overtook overtaken
|pay paid|prove proven|ride rode ridden|ring rang rung|rise rose risen|run ran|say said|see saw seen|seek sought
|sell sold|send sent|shake shook shaken|shoot shot|show shown|shrink shrank shrunk|sing sang sung|sink sank sunk
|sit sat|sleep slept|slide slid|speak spoke spoken|spend spent|stand stood|steal stole stolen|stick stuck
|sting stung|strike struck stricken|strive strove striven|swear swore sworn|sweep swept|swim swam swum
|swing swung|take took taken|teach taught|tear tore torn|tell told|think thought|throw threw thrown
|undergo underwent undergone|understand understood|undertake undertook undertaken|uphold upheld|wake woke woken
|wear wore worn|weep wept|win won|withdraw withdrew withdrawn|withhold withheld|write wrote written""".replace(
    "\n", " ").split("|")) for past in pasts}


# Adverbs of manner, by their suffixes on words long enough not to be nouns ("rally", "supply", "family"):
# "to ethnically cleanse", "had not seriously considered", "Cruz vehemently denied".
MANNER_ADVERB = r"[^\W\d_]{3,}(?:ally|ently|antly|ously|ively|ingly|edly|fully|lessly)"


#: the irregular past forms ("withdrew", "won"), for telling a verb
PAST_FORMS = frozenset(_IRREGULAR)


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """A lower-case word's stem, irregular past forms brought back to their verb ("withdrew" -> "withdraw")."""
    return stem(_IRREGULAR.get(word, word))


# British -ise forms of a verb, to be read as their -ize twins ("stabilised" = "stabilized"). Only in
# ``related``, and as a second reading: rewriting the word for every use would part the forms the stemmer joins
# ("surprise" / "surprisingly", "advise" / "adviser"). At least three letters before "-ise", so that "prise"
# does not meet "prize" (nor "arise" "Ariz.").
_BRITISH_IZE = re.compile(r"(?<=[a-z]{3})is(e|ed|es|ing|ation|ations)$")


@lru_cache(maxsize=65536)
def _american(word: str) -> str:
    return _BRITISH_IZE.sub(r"iz\1", word)


@lru_cache(maxsize=262144)
def related(a: str, b: str) -> bool:
    """Two lower-case words that tell the same thing: one stem (British -ise spellings read as -ize too:
    "stabilised" ~ "stabilized"), or one near-synonym class ("killed" ~ "dead")."""
    if lemma(a) == lemma(b) or lemma(_american(a)) == lemma(_american(b)):
        return True
    classes = WORD_CLASSES.get(a, ())
    return bool(classes) and not set(classes).isdisjoint(WORD_CLASSES.get(b, ()))


@dataclass
class Side:
    """One side of an aligned group: its sentences (id, text), their facts, and the sentence before.

    ``context`` is the statement just before the group in the same paragraph,
    where the source of a claim often is; ``facts`` maps every sentence id
    (the group's and the context's) to that sentence's facts.
    """

    sentences: tuple[tuple[int, str], ...]
    facts: Mapping[int, tuple[Fact, ...]]
    context: tuple[tuple[int, str], ...] = ()

    def mentions(self, kind: str) -> list[Mention]:
        """This side's facts of one kind, in reading order, with the sentence they are in (a new list)."""
        return list(self._mentions.get(kind, ()))

    @cached_property
    def _mentions(self) -> dict[str, list[Mention]]:
        by_kind: dict[str, list[Mention]] = {}
        for sid, _ in self.sentences:
            for fact in self.facts[sid]:
                by_kind.setdefault(fact.kind, []).append(Mention(sid, fact))
        return by_kind

    def context_mentions(self, kind: str) -> list[Mention]:
        return [Mention(sid, f) for sid, _ in self.context for f in self.facts[sid] if f.kind == kind]

    def sentence_text(self, sentence_id: int) -> str:
        return self._texts[sentence_id]

    @cached_property
    def _texts(self) -> dict[int, str]:
        return dict((*self.sentences, *self.context))

    @cached_property
    def text(self) -> str:
        return " ".join(text for _, text in self.sentences)

    @cached_property
    def tokens(self) -> list[Token]:
        return [token for sid, text in self.sentences for token in tokens_of(sid, text)]

    @cached_property
    def stems(self) -> frozenset[str]:
        return frozenset(t.stem for t in self.tokens)

    @cached_property
    def _sentence_tokens(self) -> dict[int, tuple[Token, ...]]:
        return {sid: tokens_of(sid, text) for sid, text in self.sentences}

    def sentence_tokens(self, sentence_id: int) -> tuple[Token, ...]:
        """The words of one of the side's sentences (none for a context sentence)."""
        return self._sentence_tokens.get(sentence_id, ())

    def window(self, mention: Mention, size: int) -> list[Token]:
        """The ``size`` content words nearest a mention before it and after it, in its sentence."""
        sentence, starts, ends = self._placed(mention.sentence, content=True)
        before = sentence[: bisect_right(ends, mention.fact.start)][-size:]
        after = sentence[bisect_left(starts, mention.fact.end) :][:size]
        return [*before, *after]

    def slot(self, mention: Mention) -> tuple[str, str]:
        """The word right before and right after a mention, lower case ("" at a sentence's edge)."""
        sentence, starts, ends = self._placed(mention.sentence, content=False)
        before = bisect_right(ends, mention.fact.start)
        after = bisect_left(starts, mention.fact.end)
        after_word = sentence[after].lower if after < len(sentence) else ""
        return (sentence[before - 1].lower if before else "", after_word)

    def _placed(self, sentence_id: int, *, content: bool) -> tuple[tuple[Token, ...], list[int], list[int]]:
        """A sentence's tokens (its content words alone with ``content``) with their starts and their ends.

        Tokens follow one another without overlapping, so both lists ascend and a
        bisection finds the tokens before or after an offset.
        """
        key = (sentence_id, content)
        placed = self._placements.get(key)
        if placed is None:
            tokens = self._sentence_tokens.get(sentence_id, ())
            if content:
                tokens = tuple(t for t in tokens if t.content)
            placed = self._placements[key] = (tokens, [t.start for t in tokens], [t.end for t in tokens])
        return placed

    @cached_property
    def _placements(self) -> dict[tuple[int, bool], tuple[tuple[Token, ...], list[int], list[int]]]:
        return {}


@dataclass
class Group:
    """Both sides of an aligned group, as the comparators see them.

    ``paraphrase`` is false when the aligner is not sure enough that the two
    sides are counterparts for one to be read as the other in other words:
    a negation then conflicts only with a side that states its very predicate
    (see :func:`compare.facts.scope.contradicted`).
    """

    left: Side
    right: Side
    paraphrase: bool = True

    @property
    def sides(self) -> tuple[Side, Side]:
        return (self.left, self.right)


def joined(mentions: Sequence[Mention]) -> str | None:
    """The evidence as one string, each wording once: the ``left`` / ``right`` of the JSON's first version."""
    return "; ".join(dict.fromkeys(m.fact.text for m in mentions)) or None


def difference(kind: str, left: Sequence[Mention], right: Sequence[Mention], *, conflict: bool = False
               ) -> Difference:
    """A difference with its evidence on each side: the wording, and where each piece of it is."""
    return Difference(kind, joined(left), joined(right), conflict=conflict,
                      left_evidence=tuple(dict.fromkeys(m.evidence for m in left)),
                      right_evidence=tuple(dict.fromkeys(m.evidence for m in right)))


class FactKind:
    """One kind of fact: how to find it in a sentence and how to compare two sides' facts of it.

    Subclasses set ``name`` (the one name of the kind, used for differences,
    the inventory and ``factcompare check --fail-on``), ``needs`` (the kinds
    whose facts in the same sentence its extractor reads), and ``inventory``
    (whether the fact inventory lists it).
    """

    name: str = ""
    needs: tuple[str, ...] = ()
    inventory: bool = False
    #: the value of the inventory's JSON ``kind`` field (schema 1 named numbers "quantity")
    inventory_label: str = ""

    def extract(self, sentence: str, words: frozenset[str], found: Mapping[str, list[Fact]]) -> list[Fact]:
        """The facts of this kind in one sentence; ``found`` holds the facts of the kinds in ``needs``."""
        raise NotImplementedError

    def settle(self, facts: list[Fact], found: Mapping[str, list[Fact]]) -> list[Fact]:
        """Drop facts that another kind's fact of the same sentence explains (default: keep all)."""
        return facts

    def compare(self, group: Group) -> list[Difference]:
        """The differences of this kind between the two sides of a group."""
        raise NotImplementedError

