"""Dates: years, calendar dates, weekdays, relative dates ("last month") and times of day ("6 p.m.").

Key: the parts the date states, such as ``month=jun day=30 year=2003``, so
that "Dec. 4" and "December 4" compare equal and "June 30" can be seen to
agree with "June 30, 2003"; ``relative=last week`` for a date relative to a
day the text does not give; ``time=6pm`` for a time of day.

Two dates conflict when they cannot be the same day and date the same thing: a part both state
differs ("on Sunday" / "on Monday") and the words around them have something in common ("Police came
on Sunday" / "Police came on Monday"). "the 2003 invasion of Iraq" and "headed the command from
2010" date two things: a year before its noun after a determiner dates that noun phrase (however
many modifiers: "the 2010 Deepwater Horizon oil spill"; one word after "of") and what the verb
before it does ("lost her 2016 bid"), not the rest of its sentence ("... before becoming the head of
Central Command"). Two weekdays need a common word in common, not a name nor a verb of saying: the
actors of a story are named around each of its days and say something on each ("kept up pressure on
Michael Steele Sunday" / "reactions to Michael Steele on Friday"; "Trump on Saturday said" / "a
report that said President Trump"); a name still ties two years of one tenure ("Edward Brooke held
the seat from 1966" / "Edward Brooke, who served from 1967"). On the 210 BASIL pairs outside the
gold, 25 of 27 date conflicts were judged false.
A year inside a span of years the other side gives is within it ("in 2013" /
"from 2007 to 2014"), and two spans one after the other are two terms ("from
2000 to 2006" / "from 2006 to 2012").
Two weekdays dating two verbs date two things done on two days, whatever
words they share ("the aide resigned Monday" / "a staffer on Friday
apologized"; "sent a bill to her desk Monday" / "announced her decision to
veto on Wednesday"): the verb is the nearest one before the date in its
clause, else the nearest after it; "published Saturday" / "published Sunday"
still conflict (10 of the 17 false date conflicts left on those pairs removed,
the 2 true kept).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..articles.text import STOP_WORDS
from ..models import Difference
from .base import (
    PAST_FORMS,
    Fact,
    FactKind,
    Group,
    Mention,
    Side,
    Token,
    difference,
    related,
    sentence_words,
    tokens_of,
)

NAME = "date"

MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december"
          "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_DATE = re.compile(
    rf"\b(?:(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d{{2}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\b(?![.\s]+\d{{1,2}}\b)\.?(?:,?\s+(?:19|20)\d{{2}})?"
    rf"|(?-i:(?:{MONTHS.title()}))\.?\s+(?:19|20)\d{{2}}"
    # A month named alone, capitalised: "in May", "since March" (lower case, "may" is a verb).
    rf"|(?-i:January|February|March|April|May|June|July|August|September|October|November|December)"
    rf"|(?:19|20)\d{{2}}s?"
    rf"|(?:last|next|this|on|early|late)\s+(?:{WEEKDAYS}|week|month|year|weekend|morning|night|spring|summer"
    rf"|autumn|fall|winter)"
    rf"|(?:{WEEKDAYS})|yesterday|today|tomorrow|tonight)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_DATE_TRIGGERS = frozenset(
    f"{MONTHS}|{WEEKDAYS}|yesterday|today|tomorrow|tonight|week|month|year|weekend|morning|night|spring"
    "|summer|autumn|fall|winter".split("|"))
_TIME = re.compile(r"(?<![\w.:])\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|EST\b|EDT\b)", re.IGNORECASE)
# A month and a day with a slash: "9/11", "7/7"; not a usual fraction ("3/4", "2/3", "16/32").
_SLASH_DATE = re.compile(r"(?<![\w/.,])(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])(?![\w/])")
_FRACTION_DENOMINATORS = frozenset({2, 3, 4, 8, 16})
_MONTH_NAMES = "january february march april may june july august september october november december".split()
_RELATIVE_DAYS = frozenset({"yesterday", "today", "tomorrow", "tonight"})
# Dates compared as dating the same thing need a content word in common within this many words.
CONTEXT_WORDS = 4
# Verbs of saying, which tell no occasion: every speaker says something every day.
SAYING_WORDS = frozenset("said says say saying told tells telling stated added announced tweeted wrote "
                         "claimed argued insisted noted".split())


def extract_dates(sentence: str, words: frozenset[str] | None = None) -> list[Fact]:
    """Years, calendar dates, weekdays, relative dates and times of day, in reading order.

    "Today" with a capital inside a sentence is a title (the "Today" show), not a date.
    """
    words = sentence_words(sentence) if words is None else words
    if _DATE_TRIGGERS.isdisjoint(words) and not _DIGIT.search(sentence):
        return []
    facts = [Fact(NAME, m.group(), date_key(m.group()), m.start(), m.end()) for m in _DATE.finditer(sentence)
             if not (m.group() in {"Today", "Tonight", "Tomorrow"}
                     and sentence[: m.start()].rstrip(" “\"‘'").rstrip()[-1:] not in {"", ".", "!", "?"})]
    facts += [Fact(NAME, m.group(), f"month={_MONTH_NAMES[int(m.group(1)) - 1][:3]} day={int(m.group(2))}", m.start(),
                   m.end()) for m in _SLASH_DATE.finditer(sentence) if int(m.group(2)) not in _FRACTION_DENOMINATORS]
    facts += [Fact(NAME, m.group(), "time=" + re.sub(r"[\s.]", "", m.group().lower()), m.start(), m.end())
              for m in _TIME.finditer(sentence) if not any(f.start <= m.start() < f.end for f in facts)]
    return sorted(facts, key=lambda f: f.start)


def date_key(text: str) -> str:
    lower = re.sub(r"\s+", " ", text.lower().replace(",", " ").replace(".", " ")).strip()
    lower = re.sub(r"^on ", "", lower)
    parts: dict[str, str] = {}
    for word in lower.split():
        if re.fullmatch(r"(?:19|20)\d{2}s?", word):
            parts["year"] = word
        elif re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", word):
            parts["day"] = str(int(re.sub(r"\D", "", word)))
        elif word[:3] in {m[:3] for m in _MONTH_NAMES} and (word in _MONTH_NAMES or len(word) <= 4):
            parts["month"] = word[:3]
        elif word in WEEKDAYS.split("|"):
            parts["weekday"] = word
    if not parts or re.match(r"(?:last|next|this|early|late)\b", lower) or lower in _RELATIVE_DAYS:
        return "relative=" + lower  # "last week", "yesterday": relative to a day the text does not give
    return " ".join(f"{part}={parts[part]}" for part in ("year", "month", "day", "weekday") if part in parts)


def date_parts(key: str) -> dict[str, str]:
    """The parts of a date key: ``"month=jun day=30"`` -> ``{"month": "jun", "day": "30"}``."""
    if key.startswith("relative="):
        return {"relative": key.split("=", 1)[1]}
    return dict(part.split("=", 1) for part in key.split(" ") if "=" in part)


def compatible_dates(a: Fact, b: Fact) -> bool:
    """Dates that can be the same day: no part both state differs ("June 30" / "June 30, 2003")."""
    parts_a, parts_b = date_parts(a.key), date_parts(b.key)
    shared = parts_a.keys() & parts_b.keys()
    return bool(shared) and all(parts_a[p] == parts_b[p] for p in shared)


def _comparable(a: Fact, b: Fact) -> bool:
    """Dates stated in a common part other than a relative one ("Sunday" / "Monday", "2002" / "2003")."""
    return bool((date_parts(a.key).keys() & date_parts(b.key).keys()) - {"relative"})


def _same_occasion(a: Mention, side_a: Side, b: Mention, side_b: Side) -> bool:
    """Whether two dates date the same thing: a content word in common around them, or the same slot.

    A word matches only one written alike: a name with the name ("Edward Brooke, who served from 1967" /
    "Edward Brooke held the seat from 1966"), a common word with the common word, not a name's word with a
    common one ("signed the Religious Freedom Act on Thursday" / "spoke on Wednesday about the religious
    freedom bill" date two occasions)."""
    if {_tense(a, side_a), _tense(b, side_b)} == {"past", "future"}:
        return False  # something done and something to come: "ran for president in 2008" / "he'll run in 2016"
    if side_a.slot(a) == side_b.slot(b) and any(w and w not in STOP_WORDS for w in side_a.slot(a)):
        return True
    around_a = [(t.lower, _case(side_a, t)) for t in side_a.window(a, CONTEXT_WORDS)]
    around_b = [(t.lower, _case(side_b, t)) for t in side_b.window(b, CONTEXT_WORDS)]
    # A year before its noun dates that noun alone ("the 2003 invasion of Iraq ... before becoming the head of
    # Central Command" / "headed the U.S. Central Command from 2010 to 2013"): only it ties the other date.
    dated_a, dated_b = _dated_noun(a, side_a), _dated_noun(b, side_b)
    around_a = [(w, c) for w, c in around_a if dated_a is None or w in dated_a]
    around_b = [(w, c) for w, c in around_b if dated_b is None or w in dated_b]
    if _weekdays_only(a.fact, b.fact):
        # Two days of one story: its actors are named around every date of it and say something every day, so
        # only a common word in common, not a verb of saying, tells one occasion.
        verb_a, verb_b = _dated_verb(a, side_a), _dated_verb(b, side_b)
        if verb_a and verb_b and not related(verb_a, verb_b):
            return False  # two things done on two days: "the aide resigned Monday" / "apologized on Friday"
        return any(related(x, y) and case_x is not True and case_y is not True and x not in SAYING_WORDS
                   and y not in SAYING_WORDS for x, case_x in around_a for y, case_y in around_b)
    return any(related(x, y) and (case_x is None or case_y is None or case_x == case_y)
               for x, case_x in around_a for y, case_y in around_b)


_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|his|her|their|this|that|our|your|my)\s+$", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d{2}")


def is_year(text: str) -> bool:
    """Whether a figure is written as a year of the last two centuries ("2003")."""
    return _YEAR.fullmatch(text) is not None


def _dated_noun(mention: Mention, side: Side) -> set[str] | None:
    """The words of what a year stands before, after a determiner ("the 2003 invasion", "his 2008 campaign"), or
    None for a year told otherwise ("in 2003"): its noun phrase (the content words right after it, however many
    modifiers: "the 2010 Deepwater Horizon oil spill", and one after "of": "the 2003 invasion of Iraq"), the next
    two content words in its clause, and a verb right before the determiner ("lost her 2016 bid")."""
    text = side.sentence_text(mention.sentence)
    opening = _DETERMINER_BEFORE.search(text[: mention.fact.start])
    if not is_year(mention.fact.text) or opening is None:
        return None
    stop = _CLAUSE_BREAK.search(text, mention.fact.end)
    end = stop.start() if stop else len(text)
    tokens = side.sentence_tokens(mention.sentence)
    after = [t for t in tokens if mention.fact.end <= t.start and t.end <= end]
    words = {t.lower for t in [t for t in after if t.content][:2]}
    of = False
    for token in after:  # the noun phrase: content words in a row, and one after "of"
        if token.content:
            words.add(token.lower)
            if of:
                break
        elif token.lower == "of" and not of:
            of = True
        elif token.lower.strip("-.'’"):
            break
    before = [t for t in tokens if t.end <= opening.start()]
    if before and before[-1].content:
        words.add(before[-1].lower)
    return words or None


# Words before a verb's base form: "had to apologize Saturday", "will meet Monday".
_BEFORE_BASE = frozenset("to will would can could may might must shall should 'll did does do".split())
# Words in "-ed" that are no verbs.
_NOT_PAST = frozenset("hundred indeed need speed seed breed creed".split())
# What ends a clause between two words: a comma, a colon, a semicolon, a dash, a bracket or a quotation mark.
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–\"“”]|\s-{1,2}\s")


def _is_verb(tokens: tuple[Token, ...], index: int, text: str) -> bool:
    token = tokens[index]
    word = token.lower
    if not text[token.start : token.end].islower() or word in STOP_WORDS:
        return False
    if word in PAST_FORMS or (word.endswith("ed") and len(word) > 4 and word not in _NOT_PAST):
        return True
    previous = tokens[index - 1] if index > 0 else None
    return (previous is not None and (previous.lower in _BEFORE_BASE or previous.lower.endswith("'ll"))
            and previous.end + 1 == token.start)  # "will meet", "he'll run"


def _dated_verb(mention: Mention, side: Side) -> str | None:
    """The verb a date tells the day of: the nearest verb before it in its clause ("the aide resigned Monday"),
    else the nearest after it ("A staffer on Friday apologized", "On Wednesday, the leaders emerged"); None if the
    clause shows none."""
    tokens = tokens_of(mention.sentence, side.sentence_text(mention.sentence))
    index = _dated_verb_at(mention, side)
    return None if index is None else tokens[index].lower


# Words before a verb that put it in the future: "will run", "he'll run".
_FUTURE = frozenset({"will", "shall"})


def _tense(mention: Mention, side: Side) -> str | None:
    """Whether the verb a date dates is done ("past": "ran in 2008") or still to come ("future": "he'll run for the
    2016 nomination"); None when its form does not tell."""
    index = _dated_verb_at(mention, side)
    if index is None:
        return None
    tokens = tokens_of(mention.sentence, side.sentence_text(mention.sentence))
    word, before = tokens[index].lower, (tokens[index - 1].lower if index else "")
    if before in _FUTURE or before.endswith("'ll"):
        return "future"
    if word in PAST_FORMS or (word.endswith("ed") and word not in _NOT_PAST):
        return "past"
    return None


def _dated_verb_at(mention: Mention, side: Side) -> int | None:
    """The index among its sentence's tokens of the verb a date dates (see ``_dated_verb``)."""
    text = side.sentence_text(mention.sentence)
    tokens = tokens_of(mention.sentence, text)
    before = [i for i, t in enumerate(tokens) if t.end <= mention.fact.start]
    after = [i for i, t in enumerate(tokens) if t.start >= mention.fact.end]
    edge = mention.fact.start
    for i in reversed(before):
        if _CLAUSE_BREAK.search(text, tokens[i].end, edge):
            break
        if _is_verb(tokens, i, text):
            return i
        edge = tokens[i].start
    edge = mention.fact.end
    if not before and text[edge:].lstrip()[:1] == ",":
        edge = text.index(",", edge) + 1  # an opening date's comma: "On Wednesday, the leaders emerged"
    for i in after:
        if _CLAUSE_BREAK.search(text, edge, tokens[i].start):
            break
        if _is_verb(tokens, i, text):
            return i
        edge = tokens[i].end
    return None


# A span of years: "from 2007 to 2014", "between 2000 and 2006", "2000-2006" ("in 2013 and 2014" is two years).
_YEAR_SPAN = re.compile(r"\b(?:from\s+((?:19|20)\d{2})\s*(?:to|through|until|till|-|–)"
                        r"|between\s+((?:19|20)\d{2})\s*and|((?:19|20)\d{2})\s*(?:-|–))\s*((?:19|20)\d{2})\b",
                        re.IGNORECASE)


def year_span(sentence: str, fact: Fact) -> tuple[int, int] | None:
    """The span of years a year of ``sentence`` begins or ends ("from 2007 to 2014": (2007, 2014)), or None."""
    for match in _YEAR_SPAN.finditer(sentence):
        first = next(group for group in (1, 2, 3) if match.group(group))
        if fact.start in (match.start(first), match.start(4)):
            return int(match.group(first)), int(match.group(4))
    return None


def _weekdays_only(a: Fact, b: Fact) -> bool:
    """Dates compared by their weekdays alone ("Sunday" / "on Friday"), no month, day or year in common."""
    return (date_parts(a.key).keys() & date_parts(b.key).keys()) == {"weekday"}


def _case(side: Side, token: Token) -> bool | None:
    """Whether a word is written capitalised; None for a sentence's first word, capitalised either way, unless
    written in capitals (a dateline, "WASHINGTON —", or an acronym)."""
    text = side.sentence_text(token.sentence)
    if not text[: token.start].strip(" \"'“‘([—–-"):
        word = text[token.start : token.end]
        return True if len(word) > 1 and word.isupper() else None
    return text[token.start : token.start + 1].isupper()


def _within(mention: Mention, others: list[Mention], spans: Mapping[int, tuple[int, int] | None]) -> bool:
    """A year alone inside a span the other side gives: "in 2013" within "from 2007 to 2014"."""
    year = date_parts(mention.fact.key).get("year", "")
    if spans[id(mention)] is not None or not year.isdigit():
        return False
    return any(span is not None and span[0] <= int(year) <= span[1] for span in (spans[id(o)] for o in others))


def _consecutive(one: tuple[int, int] | None, other: tuple[int, int] | None) -> bool:
    """Two spans one following the other ("from 2000 to 2006" / "from 2006 to 2012"): two terms, not one."""
    return one is not None and other is not None and (one[1] == other[0] or other[1] == one[0])


class Dates(FactKind):
    name = NAME
    inventory = True
    inventory_label = NAME

    def extract(self, sentence: str, words: frozenset[str], found: Mapping[str, list[Fact]]) -> list[Fact]:
        return extract_dates(sentence, words)

    def settle(self, facts: list[Fact], found: Mapping[str, list[Fact]]) -> list[Fact]:
        # A year inside a count is the count's figure: "about 2000 people".
        return [d for d in facts if not any(q.start <= d.start and d.end <= q.end for q in found.get("number", []))]

    def compare(self, group: Group) -> list[Difference]:
        """Dates of one thing that cannot be the same day (conflicts), and dates only one side gives.

        A relative date ("yesterday", "last week") is never in conflict with a
        calendar one: which day it means depends on a publication date the text
        does not give.
        """
        left, right = group.left.mentions(NAME), group.right.mentions(NAME)
        spans = {id(m): year_span(side.sentence_text(m.sentence), m.fact)
                 for side, mentions in ((group.left, left), (group.right, right)) for m in mentions}
        left_only = [m for m in left if not any(compatible_dates(m.fact, r.fact) for r in right)
                     and not _within(m, right, spans)]
        right_only = [m for m in right if not any(compatible_dates(m.fact, g.fact) for g in left)
                      and not _within(m, left, spans)]
        differences = []
        for mention in list(left_only):
            partner = next((r for r in right_only if _comparable(mention.fact, r.fact)
                            and not _consecutive(spans[id(mention)], spans[id(r)])
                            and _same_occasion(mention, group.left, r, group.right)), None)
            if partner is not None:
                differences.append(difference(NAME, [mention], [partner], conflict=True))
                left_only.remove(mention)
                right_only.remove(partner)
        if left_only or right_only:
            differences.append(difference(NAME, left_only, right_only))
        return differences


KIND = Dates()
