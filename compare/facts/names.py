"""Names: people, places, organisations, programmes, as runs of capitalised words.

Key: the name as newsrooms vary it, folded: aliases ("U.N." = "UN" = "United
Nations"), acronyms with or without dots ("F.B.I." = "FBI"), British and
American spellings, titles and honorifics dropped ("Sen. Chuck Grassley",
"Defense Secretary Jim Mattis" -> "chuck grassley", "jim mattis"), middle
initials and suffixes dropped ("James B. Comey", "Robert S. Mueller III" ->
"james comey", "robert mueller"), possessives cut ("Trump's"). Party-state tags
("D-Calif.", "R-Iowa") are not names; programme titles ("Face the Nation",
"Meet the Press") are one name each, not people.

A name one side gives and the other never mentions in any form is a detail; it
is a conflict only when it stands where the other side has another name,
between the same words ("examined by the Herald yesterday" / "examined by The
Age yesterday").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from ..articles.text import STOP_WORDS, normalize, stem
from ..models import Difference
from .base import Fact, FactKind, Group, Mention, difference, final_mark, sentence_stems
from .dates import MONTHS, WEEKDAYS

NAME = "name"

# Different spellings and short forms of one name, folded to one key. General
# knowledge of news copy, not of any one story. Acronyms are looked up without dots.
NAME_ALIASES: dict[str, str] = {
    "un": "united nations", "united nations": "united nations",
    "us": "united states", "usa": "united states", "united states": "united states", "america": "united states",
    "american": "united states", "united states of america": "united states",
    "uk": "united kingdom", "britain": "united kingdom", "great britain": "united kingdom",
    "united kingdom": "united kingdom",
    "eu": "european union", "european union": "european union",
    "nato": "nato",
    "un security council": "united nations security council",
    "united nations security council": "united nations security council",
    "gop": "republican party", "republican party": "republican party",
}
# British and American spellings of the same word: folded to the American one.
_SPELLING = ((re.compile(r"\b(de|of)fence\b"), r"\1fense"), (re.compile(r"(?<=[a-z])isation\b"), "ization"),
             (re.compile(r"(?<=[a-z])ise([ds]?)\b"), r"ize\1"), (re.compile(r"(?<=[a-z])tre\b"), "ter"),
             # -our only in words where -or is the American form ("four" is not "for").
             (re.compile(r"\b(col|hon|lab|fav|neighb|behavi|harb|rum|hum|vig|arm|endeav|sav|flav)our"), r"\1or"))
# Titles written short before a name; alone, they name nobody.
TITLE_ABBREVIATIONS = frozenset("mr mrs ms dr sen rep gov gen col capt lt sgt maj cmdr adm prof rev st mt ft jr sr "
                                "supt insp det cpl pvt brig no".split())
# Words that end a title before a person's name: "Defense Secretary Jim Mattis", "U.S. Attorney Paul Fishman".
TITLE_HEADS = frozenset(
    "mr mrs ms miss dr sen senator rep representative congressman congresswoman gov governor president "
    "secretary attorney general counsel judge justice mayor sheriff minister speaker chairman chairwoman chair "
    "director ambassador commissioner spokesman spokeswoman spokesperson adviser advisor chief lt col gen capt "
    "sgt maj adm cmdr rev prof sir dame lord king queen prince princess pope commander superintendent "
    "lieutenant colonel captain sergeant major admiral professor reverend".split())
# At most this many words of office before a title head: "White House Press Secretary Sarah Sanders".
TITLE_MAX_WORDS = 4
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Programmes of the news, named in reports as where something was said; names, but not people.
PROGRAMMES = ("Face the Nation", "Meet the Press", "Fox News Sunday", "State of the Union", "This Week",
              "Good Morning America", "Morning Joe", "Fox & Friends", "Fox and Friends", "60 Minutes",
              "The Daily Show", "Real Time", "The View", "Nightline", "Hardball", "The Tonight Show")
_PROGRAMME = re.compile("|".join(re.escape(p) for p in sorted(PROGRAMMES, key=len, reverse=True)))
# Party-state tags after a politician's name: "D-Calif.", "R-S.C.", "I-Vt.".
_PARTY_TAG = re.compile(r"[DRI]-[A-Z]")
# Lower-case words that may sit inside a name: "Alissa de Carbonnel", "Secretary of State".
NAME_JOINERS = frozenset({"of", "de", "del", "da", "van", "von", "al", "bin", "la", "le", "for"})
_NAME_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:['.-][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"(?:'s|(?<=s)')$")
_ACRONYM = re.compile(r"(?:[a-z]\.)+[a-z]?")
_CALENDAR = frozenset(f"{WEEKDAYS}|{MONTHS}".split("|"))
_CURLY_APOSTROPHES = ("’", "‘", "ʼ")
_APOSTROPHES = str.maketrans(dict.fromkeys(_CURLY_APOSTROPHES, "'"))
_OPENERS = frozenset(" \"'([“‘")


# A headline in title case capitalises every word ("Trump Signs Border Deal After Pelosi Meeting"), so a run
# of capitalised words there is no evidence of one name. Its runs are cut at the words news copy writes in
# lower case at least HEADLINE_CUT_SHARE of the time, and a piece left whose every word is written in lower
# case at least HEADLINE_DROP_SHARE of the time ("New War", "Bill") is dropped: "New York", "Bill Clinton"
# keep a word that is mostly capitalised. The shares were counted on training sentences
# (``lowercase_words.txt``, built by compare.evaluation.casing). A sentence is taken for a title-case headline
# when it has no final full stop, question or exclamation mark, every word of TITLE_CASE_MIN_LETTERS letters
# or more but the first is capitalised (function words aside), and at least TITLE_CASE_MIN_COMMON of them are
# words written in lower case. An ordinary sentence dense with names ("Officials at the Federal Emergency
# Management Agency met on Tuesday.") keeps its runs whole.
HEADLINE_CUT_SHARE = 0.8
HEADLINE_DROP_SHARE = 0.5
TITLE_CASE_MIN_LETTERS = 4
TITLE_CASE_MIN_COMMON = 2
_LOWERCASE_WORDS_FILE = "lowercase_words.txt"


@lru_cache(maxsize=1)
def lowercase_words() -> dict[str, float]:
    """Words news copy writes in lower case, with the share of the time it does (read once, when a
    title-case sentence first needs them)."""
    # Beside this module, as calibration.json is beside its reader (importlib.resources costs ~9 ms to import).
    text = Path(__file__).with_name(_LOWERCASE_WORDS_FILE).read_text(encoding="utf-8")
    pairs = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {word: float(share) for word, share in pairs}


def _lower_share(word: str) -> float:
    """The share of the time news copy writes ``word`` (possessive cut) in lower case; 0 if unlisted."""
    return lowercase_words().get(_POSSESSIVE.sub("", word).lower(), 0.0)


def _title_case(text: str) -> bool:
    """Whether a sentence is a headline in title case."""
    if final_mark(text) in {".", "!", "?"}:
        return False  # most sentences: decided before their words are read
    words = _NAME_WORD.findall(text)[1:]
    long = [w for w in words if len(w) >= TITLE_CASE_MIN_LETTERS and w.lower() not in STOP_WORDS]
    if len(long) < TITLE_CASE_MIN_COMMON or any(not w[0].isupper() for w in long):
        return False
    return sum(_lower_share(w) >= HEADLINE_CUT_SHARE for w in long) >= TITLE_CASE_MIN_COMMON


@lru_cache(maxsize=65536)
def fold_spelling(text: str) -> str:
    """Lower case with British spellings folded to American ("Defence" -> "defense")."""
    folded = text.lower()
    for pattern, replacement in _SPELLING:
        folded = pattern.sub(replacement, folded)
    return folded


def _without_title(words: list[str]) -> list[str]:
    """A person's name without the title before it: ["defense", "secretary", "jim", "mattis"] -> ["jim", "mattis"].

    A name that is all title ("Secretary of State") is kept whole.
    """
    for cut in range(min(TITLE_MAX_WORDS, len(words) - 1), 0, -1):
        if words[cut - 1] in TITLE_HEADS and words[cut] not in NAME_JOINERS:
            return words[cut:]
    return words


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The comparable form of a name: aliases, acronyms, spellings, titles, initials and suffixes folded.

    "U.N." -> "united nations", "F.B.I." -> "fbi", "Sen. Mitch McConnell" -> "mitch mcconnell",
    "Robert S. Mueller III" -> "robert mueller".
    """
    folded = fold_spelling(_POSSESSIVE.sub("", normalize(name).replace("’", "'")))
    words = [w.replace(".", "") if _ACRONYM.fullmatch(w) else w.rstrip(".")
             for w in re.sub(r"^the\s+", "", folded).split()]
    words = [w for w in words if w]
    if len(words) > 1:
        words = _without_title(words)
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    if len(words) > 2:  # middle initials: "james b comey"
        words = [words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]]
    folded = " ".join(words)
    if folded in NAME_ALIASES:
        return NAME_ALIASES[folded]
    first, _, rest = folded.partition(" ")
    if rest and first in NAME_ALIASES:  # "U.N. General Assembly" -> "united nations general assembly"
        return f"{NAME_ALIASES[first]} {rest}"
    return folded


# Letters that start a capitalised word: upper-case letters of the Basic
# Multilingual Plane, every cased script of the news. The astral planes' ones
# (mathematical alphanumerics, Deseret, Adlam) are left out: with them the
# class can no longer be a bitmap and the search runs forty times slower.
_UPPER = "".join(c for c in map(chr, range(0x10000)) if c.isupper() and re.match(r"[^\W\d_]", c))
_LETTER = r"[^\W\d_]"
# Where a word of _NAME_WORD can begin: not inside a word, nor after "x." / "x-" / "x'" within one.
_WORD_START = rf"(?<!{_LETTER})(?<!{_LETTER}['.-])"
# The first letter is matched before the look-behinds (which then include it):
# a pattern that opens on a character class lets the engine skip ahead fast.
# A middle initial ("James B. Comey") keeps its full stop inside the run.
_CAPITALISED = (rf"[{_UPPER}](?<!{_LETTER}.)(?<!\d.)(?<!{_LETTER}['.-].)"
                rf"(?:\.(?:{_LETTER}\.)+|\.(?=\s+[{_UPPER}]{_LETTER})|{_LETTER}*(?:['.-]{_LETTER}+)*)")
_JOINER = rf"{_WORD_START}(?:{'|'.join(sorted(NAME_JOINERS))})(?!{_LETTER}|['.-]{_LETTER})"
# A stretch of capitalised words and joiners separated by nothing but spaces:
# every name lies inside one, so the word-by-word rules run on these stretches only.
_NAME_STRETCH = re.compile(rf"{_CAPITALISED}(?:\s*(?:{_CAPITALISED}|{_JOINER}))*")


def extract_names(sentence: str) -> list[Fact]:
    """Runs of capitalised words: people, places, organisations ("Hikmet Hajiyev", "U.N. Security Council").

    Words join a run only across plain spaces (a comma ends it), with joiners
    such as "of" or "de" allowed inside. A run at the start of the sentence
    counts only if it has two words or more, since any first word is capitalised.
    """
    # One character for one, so offsets stay valid; most sentences have no curly apostrophe.
    text = sentence.translate(_APOSTROPHES) if any(a in sentence for a in _CURLY_APOSTROPHES) else sentence
    facts = [Fact(NAME, m.group(), name_key(m.group()), m.start(), m.end(), "programme")
             for m in _PROGRAMME.finditer(text)]
    stretches = list(_NAME_STRETCH.finditer(text))
    headline = bool(stretches) and _title_case(text)
    for stretch in stretches:
        if len(stretch.group().split(maxsplit=1)) > 1:
            words = [(m.start(), m.end(), m.group()) for m in _NAME_WORD.finditer(text, stretch.start(), stretch.end())]
        else:  # one word: the common case, no need to split
            words = [(stretch.start(), stretch.end(), stretch.group())]
        words = [w for w in words if not any(p.start <= w[0] < p.end for p in facts if p.detail == "programme")]
        # A possessive ends a name: "Azerbaijan's Hajiyev" is Azerbaijan, then Hajiyev.
        cuts = [i + 1 for i, word in enumerate(words[:-1]) if _POSSESSIVE.search(word[2])]
        for first, last in zip([0, *cuts], [*cuts, len(words)], strict=True):
            runs = _headline_runs(words[first:last]) if headline else [words[first:last]]
            for run in runs:
                fact = _name_fact(sentence, text, run, headline=headline)
                if fact is not None:
                    facts.append(fact)
    return sorted(facts, key=lambda f: f.start)


def _is_title(text: str, word: tuple[int, int, str]) -> bool:
    """A title written short before a name: "Sen." in "Sen. Mitch McConnell"."""
    return word[2].lower() in TITLE_ABBREVIATIONS and text[word[1] : word[1] + 1] == "."


def _headline_runs(words: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """A title-case run cut at the words news copy writes in lower case (dropped), less the pieces made only
    of words it mostly writes in lower case."""
    runs: list[list[tuple[int, int, str]]] = [[]]
    for word in words:
        if word[2].lower() not in NAME_JOINERS and _lower_share(word[2]) >= HEADLINE_CUT_SHARE:
            runs.append([])
        else:
            runs[-1].append(word)
    return [run for run in runs if any(w[2].lower() not in NAME_JOINERS and _lower_share(w[2]) < HEADLINE_DROP_SHARE
                                       for w in run)]


def _name_fact(sentence: str, text: str, run: list[tuple[int, int, str]], *, headline: bool = False) -> Fact | None:
    """The name a run of capitalised words (start, end, word) makes, if it makes one.

    In a title-case headline, whose words are all capitalised, a lone first word counts too: the run was
    already cut at the words written in lower case."""
    # A run starts at a capitalised word that is not a function word ("The United Nations").
    while run and (run[0][2].lower() in STOP_WORDS or not run[0][2][0].isupper()):
        run = run[1:]
    while run and (run[-1][2].lower() in NAME_JOINERS or _is_title(text, run[-1])):
        run = run[:-1]  # "Massachusetts Gov." before "Mitt Romney": the state, then the name
    if not run or (len(run) < 2 and not headline and _starts_sentence(text, run[0][0])):
        return None  # any first word is capitalised: alone there, it is no evidence of a name
    if len(run) == 1 and (len(run[0][2]) == 1 or _PARTY_TAG.match(run[0][2])):
        return None  # "(R)", "D-Calif.": a party and a state, not a name
    start, end = run[0][0], run[-1][1]
    written = _POSSESSIVE.sub("", text[start:end])
    key = name_key(written)
    if key in _CALENDAR or not key:  # "Sunday", "June": dates, not names
        return None
    return Fact(NAME, sentence[start : start + len(written)], key, start, start + len(written))


def _starts_sentence(text: str, position: int) -> bool:
    """Whether only quotes, brackets and spaces, after a full stop or nothing, stand before ``position``."""
    position -= 1
    while position >= 0 and text[position] in _OPENERS:
        position -= 1
    return position < 0 or text[position] in ".!?:"


# -- comparison ------------------------------------------------------------------

# Two name words match when one is a prefix of the other and they share at
# least this many letters: Armenia / Armenian, Azerbaijan / Azerbaijani.
NAME_PREFIX_MIN = 5
# Words for the name check: acronyms ("U.N."), words with their apostrophes.
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:'[^\W\d_]+)*")


def word_present(word_stem: str, stems: set[str] | frozenset[str]) -> bool:
    if word_stem in stems:
        return True
    if len(word_stem) < NAME_PREFIX_MIN:
        return False
    if len(stems) <= _INDEXED_STEMS_MIN or not isinstance(stems, frozenset):
        return any(len(other) >= NAME_PREFIX_MIN and (other.startswith(word_stem) or word_stem.startswith(other))
                   for other in stems)
    # The same test without reading every stem: a shorter stem the word extends is one of its prefixes, and
    # the stems extending the word sort right where the word would (a group side holds a hundred stems).
    if any(word_stem[:cut] in stems for cut in range(NAME_PREFIX_MIN, len(word_stem))):
        return True
    ordered = _sorted_stems(stems)
    at = bisect_left(ordered, word_stem)
    return at < len(ordered) and ordered[at].startswith(word_stem)


@lru_cache(maxsize=16384)
def _sentence_name_stems(text: str) -> frozenset[str]:
    """A sentence's token stems and its word stems (the two readings a name's words are looked for in): a side's
    are its sentences' together, as words never run across the space that joins two sentences."""
    return sentence_stems(text) | word_stems(text)


# Stem sets larger than this are searched through a sorted copy (remembered for the sets of the last groups).
_INDEXED_STEMS_MIN = 8


@lru_cache(maxsize=256)
def _sorted_stems(stems: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(stems))


def word_stems(text: str) -> set[str]:
    return set(_word_stems_in_order(text))


@lru_cache(maxsize=65536)
def _word_stems_in_order(text: str) -> tuple[str, ...]:
    """The stems of a text's words in reading order (a set of them iterates as the set built word by word)."""
    return tuple(stem(word) for word in _WORD.findall(text.replace("’", "'").lower()))


# The abbreviations of the states newsrooms write after a town or a party tag (AP style: "Hope, Ark.",
# "D-Calif."), for telling "Ark." and "Arkansas" one name.
STATE_ABBREVIATIONS = {
    "ala": "alabama", "ariz": "arizona", "ark": "arkansas", "calif": "california", "colo": "colorado",
    "conn": "connecticut", "del": "delaware", "fla": "florida", "ga": "georgia", "ill": "illinois",
    "ind": "indiana", "kan": "kansas", "kans": "kansas", "ky": "kentucky", "la": "louisiana", "md": "maryland",
    "mass": "massachusetts", "mich": "michigan", "minn": "minnesota", "miss": "mississippi", "mo": "missouri",
    "mont": "montana", "neb": "nebraska", "nev": "nevada", "okla": "oklahoma", "ore": "oregon",
    "pa": "pennsylvania", "tenn": "tennessee", "tex": "texas", "vt": "vermont", "va": "virginia",
    "wash": "washington", "wis": "wisconsin", "wyo": "wyoming",
}


def same_state(one: str, other: str) -> bool:
    """Whether two names are a state and its abbreviation ("Ark." / "Arkansas")."""
    a, b = one.lower().rstrip("."), other.lower().rstrip(".")
    return STATE_ABBREVIATIONS.get(a) == b or STATE_ABBREVIATIONS.get(b) == a


def abbreviates(short: str, long: str) -> bool:
    """Whether ``short`` is an acronym of ``long``: "IAEA" / "International Atomic Energy Agency", "GE" / "General
    Electric Co", "TPP" / "Trans-Pacific Partnership"."""
    letters = short.replace(".", "")
    if not (2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()):
        return False
    initials = "".join(w[0] for w in re.split(r"[\s-]+", long) if w[:1].isupper())
    return len(initials) >= 2 and initials.startswith(letters)


def _significant(fact: Fact) -> list[str]:
    """The stems that identify a name: its key's words, joiners left out ("Sen. Chuck Grassley" -> chuck, grassley)."""
    return [s for s in word_stems(fact.key) if s not in NAME_JOINERS]


def _bare_title(text: str) -> bool:
    """A title with no name after it: "President", "the Speaker"."""
    return text.lower().removeprefix("the ").strip(".") in TITLE_HEADS


class Names(FactKind):
    name = NAME
    inventory = True
    inventory_label = NAME

    def extract(self, sentence: str, words: frozenset[str], found: Mapping[str, list[Fact]]) -> list[Fact]:
        return extract_names(sentence)

    def compare(self, group: Group) -> list[Difference]:
        """Names one side mentions and the other does not mention at all, in any form.

        A name only one side gives is a detail: two reports name one actor as
        "the Fed" and "the Federal Open Market Committee", "U.S." and
        "American", a minister and his ministry, far more often than they swap
        one for another. It is a conflict when a name stands where the other
        side has another name, between the same words ("examined by the Herald
        yesterday" / "examined by The Age yesterday"): the one form of a swap
        that is rarely a rewording; never a bare title, which names a role the
        other side's name may hold ("The President and" / "The White House
        and"). (Requiring a content word among those words cost 13 points of
        the perturbation test's name detection, 38.3% -> 24.9%.) Two
        names each only one side gives are listed apart, never as "X vs Y":
        side by side they would read as a substitution.
        """
        mentions = [group.left.mentions(NAME), group.right.mentions(NAME)]
        # Each side's stems, in both readings, and its names' keys (each sentence's share found once).
        stems = [frozenset().union(*(_sentence_name_stems(text) for _, text in side.sentences),
                                   (m.fact.key for m in found))
                 for side, found in zip(group.sides, mentions, strict=True)]
        missing: list[list[Mention]] = [[], []]
        for side, other in ((0, 1), (1, 0)):
            for mention in mentions[side]:
                fact = mention.fact
                if fact.key in stems[other]:
                    continue
                significant = _significant(fact)
                if significant and not any(word_present(s, stems[other]) for s in significant) and not any(
                        abbreviates(fact.text, m.fact.text) or abbreviates(m.fact.text, fact.text)
                        or same_state(fact.text, m.fact.text) for m in mentions[other]):
                    missing[side].append(mention)
        differences = []
        # A swap between the same words is evidence of a substitution only between counterparts the aligner links
        # firmly (as for the paraphrase rule of negations): weakly linked groups tell other occasions in the same
        # words ("told a CBS affiliate in Denver" / "told reporters in Oklahoma").
        for mention in list(missing[0]) if group.paraphrase else []:
            slot = group.left.slot(mention)
            if not any(slot) or _bare_title(mention.fact.text):
                continue
            # A bare title names a role, which the other side's name may hold: "The President and Speaker" /
            # "The White House and Mr. Boehner's office" swap nobody.
            swapped = next((m for m in missing[1] if group.right.slot(m) == slot and not _bare_title(m.fact.text)),
                           None)
            if swapped is not None:
                differences.append(difference(NAME, [mention], [swapped], conflict=True))
                missing[0].remove(mention)
                missing[1].remove(swapped)
        return [*differences, *(difference(NAME, [m], []) for m in missing[0]),
                *(difference(NAME, [], [m]) for m in missing[1])]


KIND = Names()
