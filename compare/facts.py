"""Facts inside one statement: quantities, dates, names, quotations, attribution, certainty, negation.

Each fact keeps the evidence as written (``text``, with offsets into the
sentence) and a normalised ``key`` under which tellings of the same fact in
two reports compare equal: "U.N." and "United Nations" share a key, as do
"defence" and "defense", "25" and "twenty-five".

Rule-based on purpose: the patterns are those of English news copy, they run
offline in microseconds, and every rule has a case in tests/test_facts.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .models import FactEntry
from .text import NUMBER_WORDS, STOP_WORDS, normalize, stem

FactKind = Literal["quantity", "date", "name", "quote", "attribution", "certainty", "negation", "direction"]
FACT_KINDS: tuple[FactKind, ...] = ("quantity", "date", "name", "quote", "attribution", "certainty", "negation",
                                    "direction")


@dataclass(frozen=True)
class Fact:
    """One fact of a statement: what was written, where, and the key it compares under."""

    kind: FactKind
    text: str
    key: str
    start: int
    end: int
    #: kind-specific detail: the approximation of a quantity ("over"), the
    #: source of an attribution's verb ("said"), the class of a hedge.
    detail: str | None = None


# -- quantities ----------------------------------------------------------------

_APPROXIMATIONS = (
    "more than", "less than", "fewer than", "at least", "at most", "up to", "nearly", "almost", "about",
    "around", "roughly", "approximately", "some", "over", "under", "dozens of", "hundreds of",
    "thousands of", "scores of",
)
# Words that stand for an unstated number: "multiple civilian casualties".
VAGUE_QUANTITIES = ("multiple", "several", "numerous", "many", "dozens", "hundreds", "thousands", "scores",
                    "a number of", "a few", "few")
_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_SCALE = r"(?:[\s-]?(?:bn|billion|m|mn|million|k|thousand|trillion|tn))?"
# Currency signs, with the country prefixes of wire copy ("US$", "$US", "A$").
_CURRENCY = r"(?:US\$|\$US|A\$|C\$|NZ\$|HK\$|[$€£])"
_SPACE = r"\s"
_VAGUE_WORDS = "|".join(v.replace(" ", _SPACE) for v in VAGUE_QUANTITIES)
# A minus sign counts only where it cannot be a range's dash ("5-10"): "-5 degrees".
_DIGIT_NUMBER = re.compile(
    rf"(?:{_CURRENCY}|(?<![\w.,-])[-−](?=\d)|(?<![\w.,]))\d+(?:[.,]\d+)*(?:[\s-]?%|[\s-]?per\s?cent\b)?{_SCALE}"
    r"(?!\w)", re.IGNORECASE)
# A number word, with the scale word after it: "five million", "two hundred", "twenty-five thousand".
_SCALE_WORDS = "hundred|thousand|million|billion|trillion"
_WORD_NUMBER = re.compile(rf"\b(?:(?:{_TENS})-(?:{_UNITS})|{_NUMBER_WORD})(?:\s+(?:{_SCALE_WORDS}))?\b",
                          re.IGNORECASE)
_VAGUE_WORD = re.compile(rf"\b(?:{_VAGUE_WORDS})\b", re.IGNORECASE)
_FOLLOWING_WORD = re.compile(r"\s+[a-z][a-z-]*")
_SCALES = {"bn": 1e9, "billion": 1e9, "m": 1e6, "mn": 1e6, "million": 1e6, "k": 1e3, "thousand": 1e3,
           "trillion": 1e12, "tn": 1e12}


def _number_value(number: str) -> str:
    """A canonical value: "1,200" -> "1200", "$1.2bn" -> "$1200000000", "twenty-five" -> "25", "3.5%" -> "3.5%".

    "five million" -> "5000000", "US$5-million" -> "$5000000", "-5" -> "-5".
    """
    text = re.sub(r"per\s?cent", "%", number.lower().replace("−", "-"))
    currency = next((sign for sign in "$€£" if sign in text[:4]), "")
    text = re.sub(r"^(?:us|nz|hk|a|c)?[$€£](?:us)?", "", text)
    text = re.sub(r"(?<=\d)[\s-]+(?=[a-z%])", "", text)  # "53.7-million", "5 million", "3.5 %"
    percent = text.endswith("%")
    text = text.rstrip("%").strip()
    words = text.split()
    if words and text[0].isalpha() and all(w in NUMBER_WORDS or "-" in w for w in words):
        return f"{currency}{_word_value(words)}{'%' if percent else ''}"
    match = re.fullmatch(r"(-?)([\d.,]+)([a-z]*)", text)
    if not match:
        return text
    sign, digits, scale = match.groups()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", digits):
        digits = digits.replace(",", "")
    value = digits
    if scale in _SCALES:
        try:
            value = f"{float(digits.replace(',', '.')) * _SCALES[scale]:.0f}"
        except ValueError:
            value = digits
    return f"{currency}{sign}{value}{'%' if percent else ''}"


def _word_value(words: list[str]) -> str:
    """The value of number words: ["twenty-five"] -> 25, ["five", "million"] -> 5000000."""
    first = words[0]
    if "-" in first:
        tens, _, unit = first.partition("-")
        value = int(NUMBER_WORDS.get(tens, "0")) + int(NUMBER_WORDS.get(unit, "0"))
    else:
        value = int(NUMBER_WORDS[first])
    for scale in words[1:]:
        value *= int(NUMBER_WORDS.get(scale, "1"))
    return str(value)


# Currencies written as words, by stem: the same amount as their sign.
_CURRENCY_WORDS = {stem(word): sign for word, sign in (("dollars", "$"), ("dollar", "$"), ("euros", "€"),
                                                       ("euro", "€"), ("pounds", "£"), ("pound", "£"))}


def _counted_head(counted: str) -> str:
    """The counted thing's last word, stemmed: "military posts" -> "post"."""
    words = [w for w in counted.split() if w.lower() not in STOP_WORDS]
    return stem(words[-1].lower()) if words else ""


_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[a-z]+")
# Number words worth a regular-expression pass: "one" alone is skipped below anyway.
_COUNT_WORDS = frozenset(NUMBER_WORDS) - {"one"}
# The last word of each vague amount: "a number of" -> "number".
_VAGUE_TRIGGERS = frozenset(v.split()[-1] if not v.endswith(" of") else v.split()[-2] for v in VAGUE_QUANTITIES)


def sentence_words(sentence: str) -> frozenset[str]:
    """The lower-case ASCII words of a sentence: every extractor's cheap test before its regular expressions.

    Each test is a superset check: a sentence whose words miss all of an
    extractor's trigger words cannot match its patterns, so skipping it changes
    no result, and most sentences skip most extractors.
    """
    return frozenset(_WORD.findall(sentence.lower()))


def extract_quantities(sentence: str, words: frozenset[str] | None = None) -> list[Fact]:
    """Numbers with what they count and how approximate they are; vague amounts ("several") too."""
    words = sentence_words(sentence) if words is None else words
    numbers = list(_DIGIT_NUMBER.finditer(sentence)) if _DIGIT.search(sentence) else []
    if not _COUNT_WORDS.isdisjoint(words):
        numbers += [m for m in _WORD_NUMBER.finditer(sentence)  # "5 million" is one number, not two
                    if not any(n.start() <= m.start() < n.end() for n in numbers)]
    vague = not _VAGUE_TRIGGERS.isdisjoint(words)
    if not numbers and not vague:
        return []
    facts = []
    lower = sentence.lower()
    for match in sorted(numbers, key=lambda m: m.start()):
        number = match.group()
        if number.lower() == "one":
            continue  # mostly a pronoun: "the most recent one", "one leading to Armenia"
        counted, end = _counted_after(sentence, match.end())
        approx = _approximation_before(lower, match.start())
        if _is_year(number) and not approx and not _is_plural(counted):
            continue  # a year ("in 1991", "the 2020 war") is a date, not a count ("about 2000 people")
        start = match.start() - len(approx) - 1 if approx else match.start()
        value, head = _number_value(number), _counted_head(counted)
        if head in _CURRENCY_WORDS and value[:1] not in "$€£":  # "10,000 dollars" is "$10,000"
            value, head = _CURRENCY_WORDS[head] + value, ""
        facts.append(Fact("quantity", sentence[start:end], f"{value}|{head}", start, end, approx))
    for match in _VAGUE_WORD.finditer(sentence) if vague else ():
        counted, end = _counted_after(sentence, match.end())
        if not counted or any(f.start < end and match.start() < f.end for f in facts):
            continue
        key = f"~{match.group().lower()}|{_counted_head(counted)}"
        facts.append(Fact("quantity", sentence[match.start() : end], key, match.start(), end, "vague"))
    return sorted(facts, key=lambda f: f.start)


# Plurals without an "s": "2000 people" counts people, "the 2020 war" is a year.
_IRREGULAR_PLURALS = frozenset("people men women children police personnel staff feet teeth mice geese".split())


def _is_plural(counted: str) -> bool:
    last = counted.split()[-1].lower() if counted else ""
    return last.endswith("s") or last in _IRREGULAR_PLURALS


def _approximation_before(lower: str, position: int) -> str | None:
    """The approximation word(s) right before a number ("over", "more than"), or None."""
    before = lower[max(0, position - 16) : position]
    for phrase in _APPROXIMATIONS:
        if before.endswith(f" {phrase} ") or before == f"{phrase} ":
            return phrase
    return None


def _counted_after(sentence: str, position: int) -> tuple[str, int]:
    """The counted words after a number (up to the first function word) and where they end."""
    end = position
    kept: list[str] = []
    while (word := _FOLLOWING_WORD.match(sentence, end)) is not None:
        text = word.group().strip()
        if len(kept) == 2 or not text.islower() or text in STOP_WORDS:
            break
        # A second word belongs to the counted thing only as its plural head
        # ("military posts", "civilian casualties"); otherwise it is the verb
        # ("troops moved", "people died").
        if kept and (kept[-1].endswith("s") or not text.endswith("s")):
            break
        kept.append(text)
        end = word.end()
    return " ".join(kept), end


# -- dates ---------------------------------------------------------------------

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december"
           "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_DATE = re.compile(
    rf"\b(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d{{2}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?(?:,?\s+(?:19|20)\d{{2}})?"
    rf"|(?-i:(?:{_MONTHS.title()}))\.?\s+(?:19|20)\d{{2}}"
    # A month named alone, capitalised: "in May", "since March" (lower case, "may" is a verb).
    rf"|(?-i:January|February|March|April|May|June|July|August|September|October|November|December)"
    rf"|(?:19|20)\d{{2}}s?"
    rf"|(?:last|next|this|on|early|late)\s+(?:{_WEEKDAYS}|week|month|year|weekend|morning|night|spring|summer"
    rf"|autumn|fall|winter)"
    rf"|(?:{_WEEKDAYS})|yesterday|today|tomorrow|tonight)\b",
    re.IGNORECASE,
)


def _is_year(text: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d{2}", text))


_DATE_TRIGGERS = frozenset(
    f"{_MONTHS}|{_WEEKDAYS}|yesterday|today|tomorrow|tonight|week|month|year|weekend|morning|night|spring"
    "|summer|autumn|fall|winter".split("|"))


_TIME = re.compile(r"(?<![\w.:])\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|EST\b|EDT\b)", re.IGNORECASE)
_MONTH_NAMES = "january february march april may june july august september october november december".split()


def extract_dates(sentence: str, words: frozenset[str] | None = None) -> list[Fact]:
    """Years, calendar dates, weekdays, relative dates ("last month") and times of day ("6 p.m.").

    The key lists the parts the date states, such as ``month=jun day=30
    year=2003``, so that "Dec. 4" and "December 4" compare equal and "June 30"
    can be seen to agree with "June 30, 2003" (see :func:`date_parts`).
    """
    words = sentence_words(sentence) if words is None else words
    if _DATE_TRIGGERS.isdisjoint(words) and not _DIGIT.search(sentence):
        return []
    facts = [Fact("date", m.group(), _date_key(m.group()), m.start(), m.end()) for m in _DATE.finditer(sentence)]
    facts += [Fact("date", m.group(), "time=" + re.sub(r"[\s.]", "", m.group().lower()), m.start(), m.end())
              for m in _TIME.finditer(sentence) if not any(f.start <= m.start() < f.end for f in facts)]
    return sorted(facts, key=lambda f: f.start)


def _date_key(text: str) -> str:
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
        elif word in _WEEKDAYS.split("|"):
            parts["weekday"] = word
    if not parts or re.match(r"(?:last|next|this|early|late)\b", lower) or lower in {"yesterday", "today",
                                                                                     "tomorrow", "tonight"}:
        return "relative=" + lower  # "last week", "yesterday": relative to a day the text does not give
    return " ".join(f"{part}={parts[part]}" for part in ("year", "month", "day", "weekday") if part in parts)


def date_parts(key: str) -> dict[str, str]:
    """The parts of a date key: ``"month=jun day=30"`` -> ``{"month": "jun", "day": "30"}``."""
    return dict(part.split("=", 1) for part in key.split(" ") if "=" in part) if not key.startswith(
        "relative=") else {"relative": key.split("=", 1)[1]}


# -- names ---------------------------------------------------------------------

# Different spellings and short forms of one name, folded to one key. General
# knowledge of news copy, not of any one story.
NAME_ALIASES: dict[str, str] = {
    "un": "united nations", "u.n.": "united nations", "united nations": "united nations",
    "us": "united states", "u.s.": "united states", "usa": "united states", "u.s.a.": "united states",
    "united states": "united states", "america": "united states", "american": "united states",
    "uk": "united kingdom", "u.k.": "united kingdom", "britain": "united kingdom", "great britain": "united kingdom",
    "united kingdom": "united kingdom",
    "eu": "european union", "e.u.": "european union", "european union": "european union",
    "nato": "nato", "n.a.t.o.": "nato",
    "un security council": "united nations security council",
    "u.n. security council": "united nations security council",
    "united nations security council": "united nations security council",
}
# British and American spellings of the same word: folded to the American one.
_SPELLING = ((re.compile(r"\b(de|of)fence\b"), r"\1fense"), (re.compile(r"(?<=[a-z])isation\b"), "ization"),
             (re.compile(r"(?<=[a-z])ise([ds]?)\b"), r"ize\1"), (re.compile(r"(?<=[a-z])tre\b"), "ter"),
             # -our only in words where -or is the American form ("four" is not "for").
             (re.compile(r"\b(col|hon|lab|fav|neighb|behavi|harb|rum|hum|vig|arm|endeav|sav|flav)our"), r"\1or"))
# Titles written short before a name; alone, they name nobody.
TITLE_ABBREVIATIONS = frozenset("mr mrs ms dr sen rep gov gen col capt lt sgt maj cmdr adm prof rev st mt ft jr sr "
                                "supt insp det cpl pvt brig no".split())
# Lower-case words that may sit inside a name: "Alissa de Carbonnel", "Secretary of State".
NAME_JOINERS = frozenset({"of", "de", "del", "da", "van", "von", "al", "bin", "la", "le", "for"})
_NAME_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:['.-][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"'s$")
_CALENDAR = frozenset(f"{_WEEKDAYS}|{_MONTHS}".split("|"))
_CURLY_APOSTROPHES = ("’", "‘", "ʼ")
_APOSTROPHES = str.maketrans(dict.fromkeys(_CURLY_APOSTROPHES, "'"))
_OPENERS = frozenset(" \"'([“‘")


@lru_cache(maxsize=65536)
def fold_spelling(text: str) -> str:
    """Lower case with British spellings folded to American ("Defence" -> "defense")."""
    folded = text.lower()
    for pattern, replacement in _SPELLING:
        folded = pattern.sub(replacement, folded)
    return folded


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The comparable form of a name: aliases and spellings folded ("U.N." -> "united nations")."""
    folded = fold_spelling(_POSSESSIVE.sub("", normalize(name)))
    folded = re.sub(r"^the\s+", "", folded)
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
_CAPITALISED = (rf"[{_UPPER}](?<!{_LETTER}.)(?<!\d.)(?<!{_LETTER}['.-].)"
                rf"(?:\.(?:{_LETTER}\.)+|{_LETTER}*(?:['.-]{_LETTER}+)*)")
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
    facts: list[Fact] = []
    for stretch in _NAME_STRETCH.finditer(text):
        if len(stretch.group().split(maxsplit=1)) > 1:
            words = [(m.start(), m.end(), m.group()) for m in _NAME_WORD.finditer(text, stretch.start(), stretch.end())]
        else:  # one word: the common case, no need to split
            words = [(stretch.start(), stretch.end(), stretch.group())]
        # A possessive ends a name: "Azerbaijan's Hajiyev" is Azerbaijan, then Hajiyev.
        cuts = [i + 1 for i, word in enumerate(words[:-1]) if word[2].endswith("'s")]
        for first, last in zip([0, *cuts], [*cuts, len(words)], strict=True):
            fact = _name_fact(sentence, text, words[first:last])
            if fact is not None:
                facts.append(fact)
    return facts


def _name_fact(sentence: str, text: str, run: list[tuple[int, int, str]]) -> Fact | None:
    """The name a run of capitalised words (start, end, word) makes, if it makes one."""
    # A run starts at a capitalised word that is not a function word ("The United Nations").
    while run and (run[0][2].lower() in STOP_WORDS or not run[0][2][0].isupper()):
        run = run[1:]
    while run and run[-1][2].lower() in NAME_JOINERS:
        run = run[:-1]
    if not run or (len(run) < 2 and _starts_sentence(text, run[0][0])):
        return None  # any first word is capitalised: alone there, it is no evidence of a name
    if len(run) == 1 and run[0][2].lower() in TITLE_ABBREVIATIONS and text[run[0][1] : run[0][1] + 1] == ".":
        return None  # "Sen." in "Sen. Mitch McConnell": a title, the name follows
    start, end = run[0][0], run[-1][1]
    written = _POSSESSIVE.sub("", text[start:end])
    key = name_key(written)
    if key in _CALENDAR:  # "Sunday", "June": dates, not names
        return None
    return Fact("name", sentence[start : start + len(written)], key, start, start + len(written))


def _starts_sentence(text: str, position: int) -> bool:
    """Whether only quotes, brackets and spaces, after a full stop or nothing, stand before ``position``."""
    position -= 1
    while position >= 0 and text[position] in _OPENERS:
        position -= 1
    return position < 0 or text[position] in ".!?:"


# -- quotations ----------------------------------------------------------------

_QUOTE = re.compile(r"“(?P<curly>[^”]{3,}?)”|\"(?P<straight>[^\"]{3,}?)\"")
# A quotation of fewer words is a term ("full-scale aggression"), still a quote.
QUOTE_MIN_WORDS = 1


def quote_key(text: str) -> str:
    """Quotations compare on their words: case, punctuation and brackets are ignored."""
    return " ".join(re.findall(r"[^\W_]+", fold_spelling(normalize(text))))


def extract_quotes(sentence: str) -> list[Fact]:
    """Spans inside double quotes, curly or straight."""
    facts = []
    for match in _QUOTE.finditer(sentence):
        inner = match.group("curly") if match.group("curly") is not None else match.group("straight")
        if len(inner.split()) >= QUOTE_MIN_WORDS and re.search(r"[^\W\d_]", inner):
            group = "curly" if match.group("curly") is not None else "straight"
            facts.append(Fact("quote", inner, quote_key(inner), match.start(group), match.end(group)))
    return facts


# -- attribution ---------------------------------------------------------------

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
# "..., said X." : the source runs to the end of the clause, within a few words.
_VERB_SOURCE = re.compile(r"[,“”\"]\s*(?P<verb>said|says|told|added|wrote)\s+"
                          rf"(?P<source>{_TITLED}[^,.;“”\"]{{2,60}}?)(?=\s*(?:[,.;“”\"]|$))")
_CLAUSE_BREAK = re.compile(r"[,;:.!?“”\"()]")
_TRAILING_AUXILIARY = re.compile(r"(?:\s+(?:has|have|had|was|were|is|are|also|had been|has been|have been"
                                 r"|previously|earlier|later|then|reportedly))+$", re.IGNORECASE)
_DETERMINERS = frozenset({"these", "those", "the", "such", "his", "her", "their", "its", "our", "your", "a", "an",
                          "this", "that", "any", "no", "some"})
_SUBJECT_STARTS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "officials", "police",
                             "witnesses", "residents", "sources", "authorities", "analysts", "experts", "doctors",
                             "investigators", "prosecutors", "rebels", "separatists", "troops", "forces"})
# Subjects that are pronouns name no source on their own (the neighbour does).
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "which", "who"})


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


_ATTRIBUTION_TRIGGERS = frozenset(SAYING_VERBS) | {"according"}


def _stripped(match: re.Match[str], group: str) -> tuple[str, int]:
    """A group's text without surrounding spaces, and where that text starts."""
    raw = match.group(group)
    return raw.strip(), match.start(group) + len(raw) - len(raw.lstrip())


def _quote_balance_before(sentence: str, position: int) -> bool:
    """Whether a quotation is open at ``position``."""
    before = sentence[:position]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def extract_attribution(sentence: str, words: frozenset[str] | None = None) -> list[Fact]:
    """Who says it: "according to X", "X said/stated/claimed", "..., X said"."""
    words = sentence_words(sentence) if words is None else words
    if _ATTRIBUTION_TRIGGERS.isdisjoint(words):
        return []
    facts = []
    for match in _ACCORDING.finditer(sentence):
        source, start = _stripped(match, "source")
        facts.append(Fact("attribution", source, source_key(source), start, start + len(source), "according to"))
    for match in _VERB_WORD.finditer(sentence):
        if _quote_balance_before(sentence, match.start()):
            continue  # inside a quotation: the quoted speaker's words, not the attribution
        subject = _subject_before(sentence[: match.start()])
        if subject is not None:
            start = sentence.rfind(subject, 0, match.start())
            facts.append(Fact("attribution", subject, source_key(subject), start, start + len(subject),
                              match.group().lower()))
    for match in _VERB_SOURCE.finditer(sentence):
        source, start = _stripped(match, "source")
        if _is_subject(source):
            facts.append(Fact("attribution", source, source_key(source), start, start + len(source),
                              match.group("verb").lower()))
    return _distinct(facts)


# -- certainty and negation ----------------------------------------------------

# Hedges and verification caveats, by class. A statement with one of these is
# not asserted as fact by the reporter.
CERTAINTY_MARKERS: dict[str, str] = {
    "unverified": r"\b(?:could|can|did|has|have|had|was|were)\s*(?:not|n['’]t)\s+(?:be(?:en)?\s+)?(?:independently\s+)?"
                  r"(?:verif(?:y|ied)|confirm(?:ed)?)\b|\bunverified\b|\bunconfirmed\b|\bnot independently verified\b",
    "alleged": r"\balleg(?:e|ed|edly|es|ing)\b|\ballegations?\b|\bpurported(?:ly)?\b|\breportedly\b|\bclaim(?:s|ed)?\b",
    # "attempts by forces to breach" hedges the outcome; "in an attempt to" states a purpose.
    "attempted": r"(?<!\ban )\battempt(?:s|ed)?\s+(?:by\s+[^,.]{1,60}\s+)?to\b|\b(?:tried|try|trying|tries)\s+to\b"
                 r"|\bsought to\b|\befforts?\s+(?:by\s+[^,.]{1,60}\s+)?to\b",
    # "could" is left out: "civilians could leave" is ability, not doubt.
    # "may" in lower case only: "May" is also the month ("from May to June").
    "possible": r"\b(?-i:may|might)\s+(?!not\b)(?:have\s+)?[a-z]+|\bpossibl[ey]\b|\bperhaps\b|\blikely\b"
                r"|\bprobabl[ey]\b|\bmaybe\b|\bpotential(?:ly)?\b",
}
_CERTAINTY = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in CERTAINTY_MARKERS.items()}
# "not" inside a compound ("do-not-call") or in "not only" negates nothing.
_NEGATION = re.compile(
    r"(?<!-)\b(?:not(?!-)(?! only\b)|never|no(?!-)(?!\.\s*\d)|none|nobody|nothing|neither|nor|cannot)\b|n['’]t\b"
    r"|\b(?:den(?:y|ied|ies)|refut(?:e|ed|es)|reject(?:ed|s)?|dismiss(?:ed|es)?|rebuff(?:ed|s)?|refus(?:e|ed|es|ing)|declin(?:e|ed|es|ing)"
    r"|fail(?:ed|s|ing)?\s+to)\b",
    re.IGNORECASE,
)


_CERTAINTY_TRIGGERS = ("verif", "confirm", "alleg", "purport", "reported", "claim", "attempt", "tried", "sought",
                       "may", "might", "possib", "perhaps", "likely",
                       "probabl", "try", "tries", "trying", "effort", "potential")


def extract_certainty(sentence: str) -> list[Fact]:
    """Hedges and caveats: unverified, alleged, attempted, possible."""
    lower = sentence.lower()
    if not any(trigger in lower for trigger in _CERTAINTY_TRIGGERS):
        return []
    facts = []
    for name, pattern in _CERTAINTY.items():
        for match in pattern.finditer(sentence):
            facts.append(Fact("certainty", match.group(), name, match.start(), match.end(), name))
    return sorted(_distinct(facts), key=lambda f: f.start)


_NEGATION_TRIGGERS = frozenset(
    "not never no none nobody nothing neither nor cannot decline declined declines declining refuse refused "
    "refuses refusing fail failed fails failing deny denied denies refute refuted refutes reject rejected rejects "
    "dismiss dismissed dismisses rebuff rebuffed rebuffs".split())


def extract_negations(sentence: str, certainty: list[Fact] | None = None,
                      words: frozenset[str] | None = None) -> list[Fact]:
    """Negations and denials ("not", "denied", "refuted"), except inside a verification caveat."""
    words = sentence_words(sentence) if words is None else words
    if _NEGATION_TRIGGERS.isdisjoint(words) and "n't" not in sentence and "n’t" not in sentence:
        return []
    if certainty is None:
        certainty = extract_certainty(sentence)
    caveats = [(f.start, f.end) for f in certainty if f.key == "unverified"]
    facts = []
    for match in _NEGATION.finditer(sentence):
        if any(start <= match.start() < end for start, end in caveats):
            continue
        word = match.group().lower()
        # Denying a claim is one thing, negating an action another; refusing or
        # failing to act negates the action ("refused to recuse" = "would not recuse").
        key = "deny" if word[:4] in {"deny", "deni", "refu", "reje", "dism", "rebu"} and not word.startswith(
            "refus") else "not"  # declining to comment = not commenting
        facts.append(Fact("negation", match.group(), key, match.start(), match.end()))
    return facts


# Which way a figure or a state moved: shares "rose" or "fell", the yuan
# "strengthens" or "weakens". Words of either sense only; "up" and "down" are
# left out, being mostly particles ("set up", "shut down").
DIRECTION_WORDS: dict[str, str] = {
    **dict.fromkeys("rise rises rose risen rising increase increased increases increasing climb climbed climbs "
                    "gain gained gains jump jumped jumps surge surged surges soar soared soars higher rebound "
                    "rebounded rebounds strengthen strengthened strengthens strengthening advance advanced "
                    "advances".split(), "up"),
    **dict.fromkeys("fall falls fell fallen falling decrease decreased decreases decreasing drop dropped drops "
                    "decline declined declines declining slump slumped slumps plunge plunged plunges slide slid "
                    "slides lower weaken weakened weakens weakening tumble tumbled tumbles slip slipped slips "
                    "sink sank sinks shrink shrank shrinks".split(), "down"),
}
_DIRECTION_WORD = re.compile(rf"\b(?:{'|'.join(sorted(DIRECTION_WORDS, key=len, reverse=True))})\b", re.IGNORECASE)


def extract_directions(sentence: str, words: frozenset[str] | None = None) -> list[Fact]:
    """Words that say which way something moved: key "up" or "down"."""
    words = sentence_words(sentence) if words is None else words
    if words.isdisjoint(DIRECTION_WORDS):
        return []
    return [Fact("direction", m.group(), DIRECTION_WORDS[m.group().lower()], m.start(), m.end())
            for m in _DIRECTION_WORD.finditer(sentence)]


def _distinct(facts: list[Fact]) -> list[Fact]:
    """Drop facts whose span another fact of the same kind already covers."""
    kept: list[Fact] = []
    for fact in sorted(facts, key=lambda f: (f.start, -(f.end - f.start))):
        if not any(k.start <= fact.start and fact.end <= k.end for k in kept):
            kept.append(fact)
    return kept


def extract_facts(sentence: str) -> tuple[Fact, ...]:
    """Every fact of one sentence, in reading order (kind order for ties)."""
    words = sentence_words(sentence)
    dates = extract_dates(sentence, words)
    # A number inside a date ("June 3, 2021") is the date's, not a count.
    quantities = [q for q in extract_quantities(sentence, words)
                  if not any(d.start <= q.start and q.end <= d.end for d in dates)]
    # ... and a year inside a count is the count's figure: "about 2000 people".
    dates = [d for d in dates if not any(q.start <= d.start and d.end <= q.end for q in quantities)]
    certainty = extract_certainty(sentence)
    facts = [
        *quantities, *dates, *extract_names(sentence), *extract_quotes(sentence),
        *extract_attribution(sentence, words), *certainty, *extract_negations(sentence, certainty, words),
        *extract_directions(sentence, words),
    ]
    return tuple(sorted(facts, key=lambda f: (f.start, FACT_KINDS.index(f.kind), f.end)))


# -- inventory across two articles ----------------------------------------------

#: The kinds the inventory lists, in its order.
INVENTORY_KINDS: tuple[FactKind, ...] = ("name", "quantity", "date", "quote")
# Name keys that share this many leading letters, one a prefix of the other,
# are one entry: "armenia" / "armenian", "azerbaijan" / "azerbaijani".
INVENTORY_PREFIX_MIN = 5


def fact_inventory(left: Sequence[tuple[int, str]], right: Sequence[tuple[int, str]],
                   *, extract: Callable[[str], tuple[Fact, ...]] | None = None) -> tuple[FactEntry, ...]:
    """Every name, quantity, date and quotation of two articles' statements, with the sentences carrying it.

    Args:
        left: (sentence id, text) of each left statement.
        right: the same for the right article.
        extract: the fact extractor (default :func:`extract_facts`).

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
    # A name at the start of a sentence is not extracted ("Ruiz praised ..."), so a
    # name one side seems to lack is looked for, by its last word, in that side's text.
    words_at = [_capitalised_word_index(side) for side in (left, right)]
    for entry, ids in carriers.items():
        if entry[0] != "name" or (ids[0] and ids[1]):
            continue
        missing = 0 if not ids[0] else 1
        last_word = min(evidence[entry], key=len).split()[-1]
        ids[missing].update(words_at[missing].get(last_word, ()))
    entries = [FactEntry(kind, key, min(evidence[kind, key], key=lambda t: (len(t), t)),
                         tuple(sorted(lefts)), tuple(sorted(rights)))
               for (kind, key), (lefts, rights) in carriers.items()]
    return tuple(sorted(entries, key=lambda e: (INVENTORY_KINDS.index(e.kind), e.key)))


def _capitalised_word_index(statements: Sequence[tuple[int, str]]) -> dict[str, set[int]]:
    """Capitalised word -> the ids of the statements that hold it."""
    index: dict[str, set[int]] = {}
    for sentence_id, text in statements:
        for word in re.findall(r"(?<![\w-])[A-Z][\w'’.-]*(?<![.'’-])", text):
            index.setdefault(word, set()).add(sentence_id)
    return index


def merge_prefix_keys(keys: list[str]) -> dict[str, str]:
    """Map name keys that name one entity to one key.

    A key extending a shorter one by at most three letters joins it (demonyms:
    "armenian" -> "armenia"); a one-word key that is the last word of a longer
    one joins the longer (a surname: "pashinyan" -> "nikol pashinyan", when
    only one longer name ends so).
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
        longer = ending_in.get(key, []) if " " not in key else []
        if len(longer) == 1:
            canonical[key] = canonical[longer[0]]
    return canonical
