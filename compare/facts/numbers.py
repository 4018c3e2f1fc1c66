"""Numbers: figures with what they count and how approximate they are, and vague amounts ("several").

Key: ``value|head``, the canonical value ("1200", "$1200000000", "3.5%",
"~multiple" for a vague amount) and the stem of the counted noun ("post" for
"over 60 military posts", empty when nothing is counted).

Two figures conflict only when they count the same thing and cannot both be
true: "25 people" / "80 people" (the same counted noun), "$5 million" /
"$9 million" said of the same thing (the same currency, with words around them
in common). "$5.7 billion he demanded" against "55 miles of fencing" counts two
things; "more than $1 million" agrees with "$1.1 million"; "$6.3 billion" with
"$6.32 billion" (rounding).

Not counts (measured on the 210 BASIL pairs outside the gold: 23 of 24 number
conflicts judged false): odds ("a 1-in-3 chance", "one-in-three", a "1 in 3"
chance); a year after a determiner, which dates its noun ("the 2001 attacks",
"The 2020 Democratic presidential candidates"); figures after "aged" are ages
("aged 16 and 13"). A range's first figure counts the noun of its second ("46
to 57 months"). A month and day written with a slash is a date whose figure
is its day ("the 9/11 victims" agree with "the Sept. 11 victims"; "19 Sept.
11 hijackers" with "19 hijackers on 9/11", "Sept. 11" being the date, not
"19 Sept."). Counts of one noun held or won and lost are two counts ("to
hold at least 240 seats" / "have lost nearly 60 seats"). A vague amount counts a plural noun ("with several saying" is a
pronoun), and one of another noun than the figure's is another group ("about 50
community leaders" / "several students") unless that noun is around the figure
("the deaths of 25 people" / "multiple casualties"). A day after a month is left a count otherwise: reading it as a
day only lost planted changes ("the Feb. 3 primary" against "the Feb. 5
primary", "9-11 style" against "September 17-style") the date kind reports.

Read off the planted changes of the MRPC training pairs (and measured on MRPC
test): a change and a level are two figures ("rise by $300 to $2,800" / "jump
to $2,800 from $2,500"); a range's first figure takes its second's unit
("between 30 and 80 pounds"); "eight more moons" counts moons, and what is
added is no total ("Five more people died" / "Twelve people have died");
"three percent" and "ten per cent" are percentages, "kg" kilograms; a figure
inside the span of a bounded vague amount agrees with it ("the past few weeks"
/ "the past three weeks").
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from collections.abc import Mapping
from functools import lru_cache

from ..articles.text import NUMBER_WORDS, STOP_WORDS, stem
from ..models import Difference
from .base import Fact, FactKind, Group, Mention, Side, difference, lemma, related, sentence_words
from .dates import date_parts, is_year, year_span

NAME = "number"

_APPROXIMATIONS = (
    "more than", "less than", "fewer than", "at least", "at most", "up to", "nearly", "almost", "about",
    "around", "roughly", "approximately", "some", "over", "under", "dozens of", "hundreds of",
    "thousands of", "scores of",
)
# What each approximation lets the true figure be, as a factor range of the written figure.
_LOWER_BOUNDS = frozenset({"more than", "over", "at least"})
_UPPER_BOUNDS = frozenset({"less than", "fewer than", "under", "up to", "at most"})
_NEAR_BELOW = frozenset({"nearly", "almost"})
_AROUND = frozenset({"about", "around", "roughly", "approximately", "some"})
#: how far "about 100" may be from the true figure: 85 to 115 agree with it
APPROXIMATE_SPREAD = 0.15
#: how far past a bound a figure may go: "more than 800" agrees with 1,000, not with 2,084 (news writes
#: "more than 800" for 800-odd, not for any figure above 800)
BOUND_SPREAD = 0.5
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
# Thousands grouped by a no-break or thin space, as style guides and European copy write them: "80 937".
_THIN_SPACE = "[\u00a0\u202f\u2009]"
# A minus sign counts only where it cannot be a range's dash ("5-10"): "-5 degrees".
_DIGIT_NUMBER = re.compile(
    rf"(?:{_CURRENCY}|(?<![\w.,-])[-−](?=\d)|(?<![\w.,/]))\d+(?:[.,]\d+|{_THIN_SPACE}\d{{3}}(?!\d))*"
    r"(?:/\d+|\s\d/\d+|\s?[½¼¾])?"
    rf"(?:[\s-]?%|[\s-]?per\s?cent\b)?{_SCALE}(?![\w/])", re.IGNORECASE)
_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75}
# A number word, with the scale word after it: "five million", "two hundred", "twenty-five thousand";
# "two dozen" and "two-dozen" are one figure (24).
_SCALE_WORDS = "hundred|thousand|million|billion|trillion|dozen"
_WORD_NUMBER = re.compile(rf"\b(?:(?:{_TENS})-(?:{_UNITS})|{_NUMBER_WORD})(?:[\s-]+(?:{_SCALE_WORDS}))?\b",
                          re.IGNORECASE)
# A figure with a scale word: "$30 million", "$30m", "5 billion".
_SCALED = re.compile(rf"\d[\s-]?(?:bn|billion|m|mn|million|k|thousand|trillion|tn)\b|\b(?:{_SCALE_WORDS})\b",
                     re.IGNORECASE)
_VAGUE_WORD = re.compile(rf"\b(?:{_VAGUE_WORDS})\b", re.IGNORECASE)
_FOLLOWING_WORD = re.compile(r"\s+[a-z]+(?:-[a-z]+)*")
_SCALES = {"bn": 1e9, "billion": 1e9, "m": 1e6, "mn": 1e6, "million": 1e6, "k": 1e3, "thousand": 1e3,
           "trillion": 1e12, "tn": 1e12}
# A figure written with this many significant digits or more may be a rounding
# of a more precise one: "6.3" of "6.32". A round "30" is not taken for 26.
ROUNDED_MIN_DIGITS = 2
# Figures this close (share of the larger) agree: one figure reported at another moment or rounded
# another way ("$7.91" / "$7.94"), as a rounding agrees.
CLOSE_FIGURES = 0.05
# Two figures without a counted noun measure the same thing when they have a
# content word in common within this many words on either side.
CONTEXT_WORDS = 3


def number_value(number: str) -> str:
    """A canonical value: "1,200" -> "1200", "$1.2bn" -> "$1200000000", "twenty-five" -> "25", "3.5%" -> "3.5%".

    "five million" -> "5000000", "US$5-million" -> "$5000000", "-5" -> "-5", "two-dozen" -> "24".
    """
    quote = re.fullmatch(r"(.*\d\.(\d+))/(\d+)", number.strip())
    if quote and len(quote.group(3)) <= len(quote.group(2)):  # a dealer's bid and offer, "126.38/43": its bid
        return number_value(quote.group(1))
    fraction = re.fullmatch(r"(?:(\d+)\s)?(\d+)/(\d+)|(\d+)?\s?([½¼¾])", number.strip())
    if fraction:  # "16/32", "2 1/2", "2 ½"
        whole, top, bottom, whole_before_sign, sign = fraction.groups()
        part = _FRACTIONS[sign] if sign else int(top) / int(bottom) if int(bottom) else 0.0
        return f"{int(whole or whole_before_sign or 0) + part:g}"
    text = re.sub(r"per\s?cent", "%", re.sub(rf"(?<=\d){_THIN_SPACE}(?=\d{{3}})", "", number.lower()).replace("−", "-"))
    currency = next((sign for sign in "$€£" if sign in text[:4]), "")
    text = re.sub(r"^(?:us|nz|hk|a|c)?[$€£](?:us)?", "", text)
    text = re.sub(r"(?<=\d)[\s-]+(?=[a-z%])", "", text)  # "53.7-million", "5 million", "3.5 %"
    percent = text.endswith("%")
    text = text.rstrip("%").strip()
    words = re.split(r"[\s-]+", text) if text[:1].isalpha() else text.split()
    if words and text[0].isalpha() and all(w in NUMBER_WORDS for w in words):
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
    """The value of number words: ["twenty", "five"] -> 25, ["five", "million"] -> 5000000."""
    value = int(NUMBER_WORDS[words[0]])
    rest = words[1:]
    if rest and words[0] in _TENS.split("|") and rest[0] in _UNITS.split("|"):  # "twenty-five"
        value += int(NUMBER_WORDS[rest[0]])
        rest = rest[1:]
    for scale in rest:
        value *= int(NUMBER_WORDS[scale])
    return str(value)


# Currencies written as words, by stem: the same amount as their sign.
_CURRENCY_WORDS = {stem(word): sign for word, sign in (("dollars", "$"), ("dollar", "$"), ("euros", "€"),
                                                       ("euro", "€"), ("pounds", "£"), ("pound", "£"))}


_PERCENT = stem("percent")
_PER_CENT_AFTER = re.compile(r"\s+per\s+cent\b", re.IGNORECASE)


def _counted_head(counted: str) -> str:
    """The counted thing's last word, stemmed: "military posts" -> "post"."""
    words = [w for w in counted.split() if w.lower() not in STOP_WORDS]
    if not words:
        return ""
    head = stem(words[-1].lower())
    return _UNIT_ALIASES.get(head, head)


_POUND = stem("pounds")
# A weight in pounds, not a sum: a verb of weight before the figure ("weighed 200 pounds", "weighing about 90"), the
# figure joined to "pound" ("a 300-pound bomb"), or "pounds of" a thing ("5 pounds of cocaine"; not "pounds of
# investment": a sum may be "of" money).
_WEIGHT_BEFORE = re.compile(r"\b(?:weigh\w*(?:\s+in\s+at)?|tip(?:s|ped|ping)?\s+the\s+scales\s+at|heavy|heavier)"
                            r"\s+(?:(?:about|around|nearly|almost|more\s+than|less\s+than|over|under|some|just"
                            r"|roughly)\s+)?$", re.IGNORECASE)
# ... but "pounds of" money is money ("2 million pounds of public money", "40,000 pounds of compensation").
_POUNDS_OF = re.compile(r"\s+of\s+(?!(?:investment|funding|debt|money|cash|aid|revenue|savings|taxpayers'?"
                        r"|compensation|damages|losses|spending|cuts|profits?|bonuses|fees|public|government|state"
                        r"|his|her|their|its)\b)[a-z]", re.IGNORECASE)
# ... and a figure joined to "pound" before a thing bought or paid is money ("a 10-pound note", "a 5,000-pound reward").
_MONEY_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:notes?|fines?|rewards?|prizes?|houses?|homes?|flats?|deals?|fees?"
                          r"|salar(?:y|ies)|loss(?:es)?|bills?|payments?|contracts?|bonus(?:es)?|grants?|budgets?"
                          r"|funds?|donations?|tickets?|bets?|wagers?|fortune|bail|bribes?|loans?|debts?|settlements?"
                          r"|compensation|damages|pay(?:out|off)s?|investments?|bid|offer|price|tax)\b", re.IGNORECASE)


def _weighed(sentence: str, start: int, end: int, counted: str) -> bool:
    """Whether the figure at ``start`` counting pounds (``counted``) up to ``end`` is a weight: "lb" always; not
    "lost 30 pounds", which may be a share price as well as a body, nor "a 1.5 billion-pound writedown"."""
    if counted.split()[-1].lower() in ("lb", "lbs"):
        return True
    joined = (sentence[end - 6 : end].lower() == "-pound" and not _SCALED.search(sentence, start, end)
              and not _MONEY_AFTER.match(sentence, end))
    return (joined or _WEIGHT_BEFORE.search(sentence, 0, start) is not None
            or _POUNDS_OF.match(sentence, end) is not None)


# Abbreviated and British units, read as the unit: "100 kg" counts kilograms, "5 kilometres" kilometers.
_UNIT_ALIASES = {stem(short): stem(unit) for short, unit in (
    ("kg", "kilograms"), ("kgs", "kilograms"), ("km", "kilometers"), ("kms", "kilometers"),
    ("kilometres", "kilometers"), ("metres", "meters"), ("mi", "miles"),
    ("cm", "centimeters"), ("centimetres", "centimeters"), ("mm", "millimeters"), ("millimetres", "millimeters"),
    ("hrs", "hours"), ("mins", "minutes"), ("yrs", "years"), ("lb", "pounds"), ("lbs", "pounds"))}


_DIGIT = re.compile(r"\d")
# Number words worth a regular-expression pass: "one" alone is skipped below anyway.
_COUNT_WORDS = frozenset(NUMBER_WORDS) - {"one"}
# The last word of each vague amount: "a number of" -> "number".
_VAGUE_TRIGGERS = frozenset(v.split()[-1] if not v.endswith(" of") else v.split()[-2] for v in VAGUE_QUANTITIES)
# A figure between commas right after a capitalised name is an age: "Mr. Mattis, 68, will leave".
_AGE = re.compile(r"[A-Z][\w'’.-]*, $")
# Words after a figure that are not what it counts: "19.5 million last year", "$5 apiece".
_NOT_COUNTED = frozenset("last next this per each apiece ago earlier later".split())
# Plurals without an "s": "2000 people" counts people, "the 2020 war" is a year.
_IRREGULAR_PLURALS = frozenset("people men women children police personnel staff feet teeth mice geese".split())


# Odds are no counts: "a 1-in-3 chance", "one-in-three".
_ODDS_NUMBER = rf"(?:\d+|{_NUMBER_WORD})"
_ODDS = re.compile(rf"\b{_ODDS_NUMBER}-in-{_ODDS_NUMBER}\b"
                   rf"|\b{_ODDS_NUMBER}\s+in\s+{_ODDS_NUMBER}(?=[\"”’']?\s+(?:chance|odds|shot)\b)", re.IGNORECASE)
# Figures after "aged" are ages: "aged 16 and 13".
_AGED = re.compile(r"\b(?:aged|ages)\s+(?:of\s+)?(?:\d+\s*(?:,|and|to|-)\s*)*$", re.IGNORECASE)
# A year-shaped figure after a determiner dates what follows: "the 2001 attacks", "The 2020 candidates".
_DETERMINER_BEFORE = re.compile(r"\b(?:the|its|his|her|their|this|that|our)\s+$", re.IGNORECASE)
# Between the two figures of a range: "46 to 57 months", "12-16 years".
_RANGE_BETWEEN = re.compile(r"\s*(?:to|-|–|or|and)\s*")


def _odds(sentence: str, match: re.Match[str]) -> bool:
    """Whether a figure is one of odds ("a 1-in-3 chance", "one-in-three"): no count."""
    return any(start <= match.start() < end for start, end in _odds_spans(sentence))


@lru_cache(maxsize=1024)
def _odds_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """Where the sentence's odds are (searched once per sentence, not once per figure)."""
    return tuple(odds.span() for odds in _ODDS.finditer(sentence))


def extract_numbers(sentence: str, words: frozenset[str] | None = None,
                    dates: list[Fact] | None = None) -> list[Fact]:
    """Numbers with what they count and how approximate they are; vague amounts ("several") too.

    A number inside one of ``dates`` ("June 3, 2021") is the date's, not a count.
    """
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
        if _odds(sentence, match):
            continue
        counted, end = _counted_after(sentence, match.end())
        approx = _approximation_before(lower, match.start())
        if is_year(number) and (not _is_plural(counted) or _DETERMINER_BEFORE.search(sentence, 0, match.start())):
            continue  # a year ("in 1991", "the 2020 war", "the 2001 attacks") is a date, not a count ("2000 people")
        start = lower.rfind(approx, 0, match.start()) if approx else match.start()
        value, head = number_value(number), _counted_head(counted)
        if "/" in number and any(d.start == match.start() and d.end == match.end() for d in dates or ()):
            value = date_parts(next(d.key for d in dates or () if d.start == match.start()))["day"]  # "9/11": 11
        if (rank := _RANK.search(sentence, 0, match.start())) is not None and rank.end() == match.start():
            start, end, head = rank.start(), match.end(), "rank"  # "No. 2": a rank, compared with ranks only
        elif (label := _LABEL.search(sentence, 0, match.start())) is not None and not _UNIT_AFTER.match(
                sentence, match.end()):
            word = label.group(1).lower().rstrip(".")
            start, end, head = label.start(), match.end(), "#" + _LABEL_ALIASES.get(word, word)
        elif _INTERSTATE.search(sentence, 0, match.start()):
            start, end, head = match.start() - 2, match.end(), "#interstate"  # "I-70" is "Interstate 70"
        if not head and _AGE.search(sentence, 0, match.start()) and sentence[match.end() : match.end() + 1] == ",":
            head = "age"  # "Stone, 66, was taken": an age, compared with ages only
        if _AGED.search(sentence, 0, match.start()):
            start, end, head = match.start(), match.end(), "age"  # "aged 16 and 13"
        if head == _POUND and _weighed(sentence, match.start(), end, counted):
            pass  # "weighed 200 pounds", "a 300-pound bomb", "5 pounds of cocaine": a weight, counted in pounds
        elif head in _CURRENCY_WORDS and value[:1] not in "$€£":  # "10,000 dollars" is "$10,000"
            value, head = _CURRENCY_WORDS[head] + value, ""
        elif not value.endswith("%"):  # "three percent", "ten per cent" are "3%", "10%"
            per_cent = _PER_CENT_AFTER.match(sentence, match.end())
            if head == _PERCENT or per_cent is not None:
                value, head, end = value + "%", "", per_cent.end() if per_cent is not None else end
        facts.append(Fact(NAME, sentence[start:end], f"{value}|{head}", start, end, approx))
    for match in _VAGUE_WORD.finditer(sentence) if vague else ():
        counted, end = _counted_after(sentence, match.end())
        if not _is_plural(counted) or any(f.start < end and match.start() < f.end for f in facts):
            continue  # a vague amount counts a plural: "with several saying that" is a pronoun
        key = f"~{match.group().lower()}|{_counted_head(counted)}"
        facts.append(Fact(NAME, sentence[match.start() : end], key, match.start(), end, "vague"))
    facts = [f for f in facts if not any(d.start <= f.start and f.end <= d.end for d in dates or ())]
    facts = sorted(facts, key=lambda f: f.start)
    for i, (first, second) in enumerate(itertools.pairwise(facts)):
        if head_of(first) or _unit(first) or _role(second) or first.detail == "vague" \
                or not _RANGE_BETWEEN.fullmatch(sentence, first.end, second.start):
            continue
        value = _scaled_like(first, second)
        if head_of(second) and not _unit(second):
            facts[i] = dataclasses.replace(first, key=f"{value}|{head_of(second)}")  # "46 to 57 months"
        elif unit := _unit(second):
            # "between 30 and 80 pounds", "5 to 10 percent": the unit of both; "20 to $30 million": its scale too
            facts[i] = dataclasses.replace(first, key=f"{value + '%' if unit == '%' else unit + value}|"
                                                      f"{head_of(second)}")
    return facts


# The scale word of a range's second figure: "$30 million", "$30m", "three billion".
_SCALE_OF = re.compile(r"(?<![a-z])(bn|billion|mn|million|m|k|thousand|trillion|tn|hundred)\b", re.IGNORECASE)
_SCALE_FACTORS = {**_SCALES, "hundred": 1e2}


def _scaled_like(first: Fact, second: Fact) -> str:
    """A range's bare first figure in its second's scale: "20 to $30 million" is 20 million to 30 million, and
    "5 to 10 million people" 5 million to 10 million; not a first figure already larger than the second's
    own digits ("500,000 to 1.6 million")."""
    value = value_of(first)
    scale = _SCALE_OF.search(second.text) if _SCALED.search(second.text) else None
    if scale is None or _SCALED.search(first.text):
        return value
    try:
        number, factor = float(value), _SCALE_FACTORS[scale.group(1).lower()]
        own = float(value_of(second).lstrip("$€£").rstrip("%")) / factor
    except ValueError:
        return value
    return value if number > own else f"{number * factor:.0f}"


def _is_plural(counted: str) -> bool:
    last = counted.split()[-1].lower() if counted else ""
    return last.endswith("s") or last in _IRREGULAR_PLURALS


def _approximation_before(lower: str, position: int) -> str | None:
    """The approximation word(s) right before a number ("over", "more than", "more than a"), or None."""
    before = lower[max(0, position - 18) : position]
    before = before[:-2] if before.endswith(" a ") else before  # "more than a dozen"
    for phrase in _APPROXIMATIONS:
        if before.endswith(f" {phrase} ") or before == f"{phrase} ":
            return phrase
    return None


# A noun joined to a number by a hyphen is what it counts: "a 24-page indictment", "a seven-count indictment";
# "a 40-year-old man" gives an age.
_HYPHEN_NOUN = re.compile(r"-([a-z]+(?:-old)?)\b(?!-)")
# ... but an adjective after the hyphen measures the noun that follows: "a 14-strong cell", "a 10-mile-long".
_HYPHEN_ADJECTIVES = frozenset("strong long wide high deep tall odd plus old".split())
# "No. 2", "No 3": a rank, not a count.
_RANK = re.compile(r"\bNo\.?\s$")
# A label before a number makes it a name ("Amendment 64", "flight 370", "Category 4"), compared with numbers of the
# same label only.
_LABEL = re.compile(r"\b(Amendment|Proposition|Prop\.?|Measure|Question|Initiative|Flight|Route|Highway|Interstate"
                    r"|Section|Article|Title|Chapter|Rule|Resolution|Room|Gate|Terminal|Channel|Precinct|District"
                    r"|Ward|Category|Phase|Stage|Level|Count|Exhibit)\s$", re.IGNORECASE)
# ... unless a unit follows, which the number counts: a headline's "Signs Measure 3 Days Before Deadline".
_UNIT_AFTER = re.compile(r"\s+(?:days?|hours?|weeks?|months?|years?|minutes?|seconds?|percent|per\s+cent|points?"
                         r"|votes?|miles?|times|people|dollars)\b", re.IGNORECASE)
#: a label's other spellings
_LABEL_ALIASES = {"prop": "proposition"}
_INTERSTATE = re.compile(r"(?<![\w-])I-$")
# A capitalised word between a number and its noun, a demonym: "Twenty-six Russian nationals".
_DEMONYM = re.compile(r"\s+[A-Z][a-z]+(?=\s+[a-z])")


# Words between a figure and what it counts that count nothing themselves.
_MORE = re.compile(r"\s+(?:more|fewer|additional|other|extra)(?=\s+(?:[a-z]+s|people|men|women|children)\b)")


def _counted_after(sentence: str, position: int, *, demonym: bool = True) -> tuple[str, int]:
    """The counted words after a number (up to the first function word) and where they end."""
    if (hyphen := _HYPHEN_NOUN.match(sentence, position)) is not None and hyphen.group(1) not in STOP_WORDS \
            and hyphen.group(1) not in _HYPHEN_ADJECTIVES:
        return ("age" if hyphen.group(1).endswith("-old") else hyphen.group(1)), hyphen.end()
    if demonym and (capital := _DEMONYM.match(sentence, position)) is not None:
        counted, end = _counted_after(sentence, capital.end(), demonym=False)
        if _is_plural(counted):  # "26 Russian nationals"; not "5 Democrats voted"
            return counted, end
    end = position
    if (more := _MORE.match(sentence, position)) is not None:
        end = more.end()  # "eight more moons", "two other suspects": the moons, the suspects
    kept: list[str] = []
    while (word := _FOLLOWING_WORD.match(sentence, end)) is not None:
        text = word.group().strip()
        if len(kept) == 2 or not text.islower() or text in STOP_WORDS or text in _NOT_COUNTED:
            break
        # A second word belongs to the counted thing only as its plural head
        # ("military posts", "civilian casualties"); otherwise it is the verb
        # ("troops moved", "people died").
        if kept and (kept[-1].endswith("s") or not text.endswith("s")):
            break
        kept.append(text)
        end = word.end()
    return " ".join(kept), end


# -- comparison ------------------------------------------------------------------

def value_of(fact: Fact) -> str:
    return fact.key.split("|", 1)[0]


def _names_one_thing(fact: Fact) -> bool:
    """Whether a figure is a rank or a label's number ("No. 20", "Route 64"): equal or not, never close."""
    head = head_of(fact)
    return head == "rank" or head.startswith("#")


def _role(fact: Fact) -> bool:
    """Whether a figure is an age, a rank or a label's number: compared with figures of its own kind only."""
    return head_of(fact) == "age" or _names_one_thing(fact)


def head_of(fact: Fact) -> str:
    return fact.key.split("|", 1)[1]


def _unit(fact: Fact) -> str:
    """What kind of figure it is: a currency sign, "%", or "" for a count."""
    value = value_of(fact)
    if value[:1] in "$€£":
        return value[0]
    return "%" if value.endswith("%") else ""


def _magnitude(fact: Fact) -> float | None:
    number = value_of(fact).strip("$€£%")
    return float(number) if re.fullmatch(r"-?\d+(?:\.\d+)?", number) else None


def _significant_digits(written: str) -> int:
    """Significant digits of the figure as written: "6.3 billion" -> 2, "1,200" -> 2, "25" -> 2."""
    match = re.search(r"\d[\d,]*(?:\.\d+)?", written)
    if not match:
        return 0
    figure = match.group().replace(",", "")
    digits = figure.replace(".", "").lstrip("0")
    return len(digits if "." in figure else digits.rstrip("0")) or 1


def _rounds_to(coarse: float, fine: float, written: str) -> bool:
    """Whether the figure ``written`` (value ``coarse``) is ``fine`` rounded or cut off to its digits."""
    digits = _significant_digits(written)
    if digits < ROUNDED_MIN_DIGITS or not fine:  # two significant digits at least: a round "30" is not 26
        return False
    scale = 10 ** (math.floor(math.log10(abs(fine))) + 1 - digits)
    return coarse in (round(fine / scale) * scale, math.trunc(fine / scale) * scale)


def _interval(fact: Fact, value: float) -> tuple[float, float]:
    """The figures an approximate one allows: "more than 10" -> (10, inf), "about 100" -> (85, 115)."""
    approx = fact.detail
    if approx in _LOWER_BOUNDS:
        return (value, value * (1 + BOUND_SPREAD))
    if approx in _UPPER_BOUNDS:
        return (value * (1 - BOUND_SPREAD), value)
    if approx in _NEAR_BELOW:
        return (value * (1 - APPROXIMATE_SPREAD), value)
    if approx in _AROUND:
        return (value * (1 - APPROXIMATE_SPREAD), value * (1 + APPROXIMATE_SPREAD))
    return (value, value)


def compatible(a: Fact, b: Fact) -> bool:
    """Figures that can both be true of one count: equal, one a rounding of the other, or within each other's
    approximation ("more than $1 million" and "$1.1 million"). The same approximation with two figures
    ("at least 23" / "at least 26") is two different figures."""
    if value_of(a) == value_of(b):
        return True
    if _unit(a) != _unit(b) or _names_one_thing(a) or _names_one_thing(b):
        return False  # a rank or a label's number names one thing: "No. 20" is not "No. 21", nor "Route 64" "Route 66"
    if not _unit(a) and head_of(a) and head_of(b) and head_of(a) != head_of(b) and not related(
            _head_word(a), _head_word(b)):
        return False  # "5,500 jobs" and "over four years" count two things
    x, y = _magnitude(a), _magnitude(b)
    if x is None or y is None:
        return False
    if _rounds_to(x, y, a.text) or _rounds_to(y, x, b.text):
        return True
    if abs(x - y) <= CLOSE_FIGURES * max(abs(x), abs(y)):
        return True  # "$7.91" / "$7.94", "1,066.62" / "1,069.42": one figure at two moments or two roundings
    if a.detail == b.detail:
        return False
    (low_a, high_a), (low_b, high_b) = _interval(a, x), _interval(b, y)
    return low_a <= high_b and low_b <= high_a


# The spans of the vague amounts that have one: "a few weeks" are three weeks, not twelve ("multiple", "many",
# "numerous" and "a number of" span any count, and agree with none: "multiple casualties" / "25 people killed").
_VAGUE_SPANS = {"~few": (2, 6), "~a few": (2, 6), "~several": (3, 9), "~scores": (40, 199), "~dozens": (24, 199),
                "~hundreds": (200, 1999), "~thousands": (2000, 19999)}


def _in_vague_span(vague: Fact, figure: Fact) -> bool:
    span = _VAGUE_SPANS.get(value_of(vague).lower())
    magnitude = _magnitude(figure)
    return span is not None and magnitude is not None and span[0] <= magnitude <= span[1]


# A figure of what is added to a count, or taken from it: "five more people died" is no total ("Twelve people
# have died so far"). Only "more" and "fewer": "17 million additional shares", "28 other states" are mostly the
# count itself (two planted changes of the MRPC training pairs).
_ADDED = re.compile(r"\s(?:more|fewer)\s", re.IGNORECASE)


def _added(fact: Fact) -> bool:
    return _ADDED.search(fact.text) is not None


def _head_word(fact: Fact) -> str:
    return fact.text.split()[-1].lower() if head_of(fact) else ""


_AGE_FILLER = frozenset({"aged", "ages", "age", "and", "of"})


def _aged(mention: Mention, side: Side) -> str | None:
    """Whose age a figure is: the capitalised word before it, past "aged", "and" and other ages ("Obama" of
    "Sasha Obama, aged 16 and 13"; "Lauten" of "Elizabeth Lauten, 31,"), lower case; None if there is none."""
    words = side.sentence_text(mention.sentence)[: mention.fact.start].split()[-6:]
    for word in reversed(words):
        word = word.strip(",;:()\"'“”‘’")
        if word.lower() in _AGE_FILLER or word.isdigit() or not word:
            continue
        return word.lower() if word[:1].isupper() else None
    return None


# Verbs of holding or winning a count and of losing one: "to hold 240 seats" and "lost 60 seats" are two counts.
_HOLD_OR_LOSE = {**dict.fromkeys("hold holds held holding keep keeps kept keeping win wins won winning gain gains "
                                 "gained gaining".split(), "hold"),
                 **dict.fromkeys("lose loses lost losing".split(), "lose")}


# "by" after a verb of change tells a change ("rose by $300", "cut by half"), "from" and "to" a level it changed
# from or to ("jump to $2,800 from $2,500"); "by" after another word is no change ("generated by 100,000 firms").
_CHANGE_AND_LEVEL = ({"by", "from"}, {"by", "to"})
_BE_FORMS = frozenset("is are was were be been being".split())
_CHANGING = frozenset(lemma(w) for w in (
    "rise rose risen increase increased grow grew grown climb climbed jump jumped gain gained surge surged soar "
    "soared raise raised boost boosted lift lifted hike hiked expand expanded fall fell fallen drop dropped decline "
    "declined decrease decreased slip slipped slide slid plunge plunged sink sank shrink shrank shrunk cut reduce "
    "reduced lower lowered trim trimmed slash slashed up down higher lower more less").split())


def _words_before(mention: Mention, side: Side, count: int) -> list[str]:
    """The ``count`` words right before a figure and its approximation, lower case, punctuation stripped."""
    words = side.sentence_text(mention.sentence)[: mention.fact.start].split()[-count:]
    return [w.lower().strip(",;:\"'“”") for w in words]


def _verb_before(mention: Mention, side: Side) -> str:
    """The word right before a figure and its approximation, lower case: "hold" of "to hold at least 240 seats"."""
    words = _words_before(mention, side, 1)
    return words[-1] if words else ""


def _level_word(mention: Mention, side: Side) -> str:
    """"by" for a figure of change ("rose by $300"), else the word right before the figure ("from", "to")."""
    words = _words_before(mention, side, 3)
    if words[-1:] != ["by"]:
        return words[-1] if words else ""
    if len(words) < 2 or lemma(words[-2]) not in _CHANGING:
        return ""
    # a passive's "by" before a count names who did it: "was raised by 3,000 donors" (not "were cut by 5 percent")
    passive = len(words) == 3 and words[0] in _BE_FORMS
    return "" if passive and head_of(mention.fact) and not _unit(mention.fact) else "by"


# Where the clause a figure is in ends: strong punctuation, a comma before a space (not "$43,885,310"), a dash.
_FIGURE_CLAUSE_BREAK = re.compile(r"[;:()\[\]—–\"“”]|,\s|\s-{1,2}\s")


def _dates_around(mention: Mention, side: Side) -> list[tuple[Fact, tuple[int, int] | None]]:
    """The calendar dates in a figure's clause, each with the span of years it is in (a year alone: its own)."""
    text = side.sentence_text(mention.sentence)
    opened = [m.end() for m in _FIGURE_CLAUSE_BREAK.finditer(text, 0, mention.fact.start)]
    closing = _FIGURE_CLAUSE_BREAK.search(text, mention.fact.end)
    first, last = (opened[-1] if opened else 0), (closing.start() if closing else len(text))
    found = []
    for fact in side.facts.get(mention.sentence, ()):
        if fact.kind != "date" or not first <= fact.start < last or "relative" in date_parts(fact.key):
            continue
        year = date_parts(fact.key).get("year", "")
        span = year_span(text, fact)
        if span is None and year.isdigit():
            # a year alone is its own span, "since 2007" from 2007 on
            span = (int(year), _OPEN if _SINCE.search(text[: fact.start]) else int(year))
        found.append((fact, span))
    return found


_SINCE = re.compile(r"\b(?:since|from)\s+$", re.IGNORECASE)
_OPEN = 9999


def _same_period(one: tuple[int, int], other: tuple[int, int]) -> bool:
    return one == other or (one[0] == other[0] and _OPEN in (one[1], other[1]))


def _two_periods(a: Mention, side_a: Side, b: Mention, side_b: Side) -> bool:
    """Whether two sums are dated by two periods of years in their clauses: two years, a year and a span of years
    holding it (a part and the whole: "earned nearly $10 million in speaking fees in 2013" / "earned roughly $141
    million from 2007 to 2014", the part no larger than the whole); every pair of dates that share a part differs."""
    dated = [(x[1], y[1]) for x in _dates_around(a, side_a) for y in _dates_around(b, side_b)
             if (date_parts(x[0].key).keys() & date_parts(y[0].key).keys())]
    spans = [(x, y) for x, y in dated if x is not None and y is not None]
    if not dated or len(spans) < len(dated):
        return False  # a month or a day: which period holds which is not read ("in March" / "from January to June")
    if any(_larger_part(a, x, b, y) for x, y in spans):
        return False  # "$50 million in taxes in 2007" is no part of "$43 million from 2007 to 2014"
    return all(not _same_period(x, y) for x, y in spans)


# A sum adds up over the years only if it is one: not a share or a rate ("20%"), a level ("was $7.25", "stood
# at", "cost $50") or a sum per period ("$10 million a year", "annually").
_LEVEL_BEFORE = frozenset("is are was were be been being stood stands stand held holds hold cost costs costing at to "
                          "of priced remained remains".split())
_PER_PERIOD_AFTER = re.compile(r"\s*(?:a|an|per|each|every)\s+(?:year|month|week|day|quarter|hour)\b|\s*annually\b"
                               r"|\s*(?:a|per)\s+(?:head|person|share)\b", re.IGNORECASE)
# ... and inside the figure's own text ("$2 million annually" is one figure)
_PER_PERIOD_IN = re.compile(r"\b(?:annual\w*|yearly|a year|per)\b", re.IGNORECASE)


def _adds_up(mention: Mention, side: Side) -> bool:
    """Whether a figure is a sum that a longer period holds as a part: money, not per period, not a level."""
    text = side.sentence_text(mention.sentence)
    return (value_of(mention.fact)[:1] in ("$", "€", "£")
            and _verb_before(mention, side) not in _LEVEL_BEFORE
            and _PER_PERIOD_AFTER.match(text, mention.fact.end) is None
            and _PER_PERIOD_IN.search(mention.fact.text) is None)


def _amount(mention: Mention) -> float | None:
    try:
        return float(value_of(mention.fact).lstrip("$€£").rstrip("%"))
    except ValueError:
        return None


def _larger_part(a: Mention, span_a: tuple[int, int], b: Mention, span_b: tuple[int, int]) -> bool:
    """Whether the figure of a period inside the other's period is the larger one: then it is no part of it."""
    amount_a, amount_b = _amount(a), _amount(b)
    if amount_a is None or amount_b is None or span_a == span_b:
        return False
    if span_b[0] <= span_a[0] and span_a[1] <= span_b[1]:  # a's period inside b's
        return amount_a > amount_b
    if span_a[0] <= span_b[0] and span_b[1] <= span_a[1]:
        return amount_b > amount_a
    return False


def same_thing(a: Mention, side_a: Side, b: Mention, side_b: Side) -> int:
    """How surely two figures count or measure the same thing: 0 (two things) to 3 (the same counted noun).

    3: the same counted noun, or near-synonyms ("killed" / "casualties");
    2: the same unit and the same words on both sides of them, one a content word;
    1: the same unit and a content word in common around them ("the $5 million
    *settlement*" / "*settled* for $9 million"). Sums and percentages are
    compared by their words around, not by a counted noun.
    """
    fa, fb = a.fact, b.fact
    vague = "vague" in (fa.detail, fb.detail)
    if _unit(fa) != _unit(fb) and not vague:
        return 0
    around_a = [t.lower for t in side_a.window(a, CONTEXT_WORDS)]
    around_b = [t.lower for t in side_b.window(b, CONTEXT_WORDS)]
    if (_role(fa) or _role(fb)) and head_of(fa) != head_of(fb):
        return 0  # an age and a count, a rank and a count, "Amendment 64" and "adults over 21"
    if head_of(fa) == head_of(fb) == "age":
        person_a, person_b = _aged(a, side_a), _aged(b, side_b)
        if person_a is not None and person_b is not None and person_a != person_b:
            return 0  # the ages of two people: "Sasha Obama, aged 13" / "Elizabeth Lauten, 31,"
    if {_level_word(a, side_a), _level_word(b, side_b)} in _CHANGE_AND_LEVEL:
        return 0  # a change and a level: "rise by $300 to $2,800" / "jump to $2,800 from $2,500"
    if _unit(fa) and _unit(fb):
        # sums and percentages: what follows is what they are of, not a counted noun ("$140 million pay package")
        if _adds_up(a, side_a) and _adds_up(b, side_b) and _two_periods(a, side_a, b, side_b):
            return 0  # "$10 million in speaking fees in 2013" / "$141 million from 2007 to 2014": a part, a whole
    elif head_of(fa) and head_of(fb):
        if head_of(fa) == head_of(fb) or related(_head_word(fa), _head_word(fb)):
            if _added(fa) != _added(fb):
                return 0  # an added number and a total: "20 more moons" / "146 moons"
            ways = {_HOLD_OR_LOSE.get(_verb_before(a, side_a)), _HOLD_OR_LOSE.get(_verb_before(b, side_b))}
            return 0 if ways == {"hold", "lose"} else 3  # "to hold at least 240 seats" / "have lost nearly 60 seats"
        if not vague:
            return 0  # "25 people" and "80 posts" count two things
        # A vague amount of another noun counts the same thing only as a word around the figure ("the deaths of
        # 25 people" / "multiple casualties"): "about 50 community leaders" / "several students" are two groups.
        if not any(related(x, _head_word(f)) for x in (*around_a, *around_b) for f in (fa, fb)):
            return 0
        return 1
    slot = side_a.slot(a)
    if slot == side_b.slot(b) and any(w and w not in STOP_WORDS for w in slot):
        return 2
    words = [*around_a, _head_word(fa)]
    return 1 if any(x and y and related(x, y) for x in words for y in [*around_b, _head_word(fb)]) else 0


def _one_to_one(candidates: list[tuple[int, int, int]], left: list[Mention], right: list[Mention]
                ) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs from (rank, left index, right index), best rank first.

    Ties are broken by the figures themselves, never by side, so that swapping
    the articles pairs the same figures.
    """
    def order(candidate: tuple[int, int, int]) -> tuple[int, int, int, str, str]:
        rank, i, j = candidate
        a, b = left[i].fact, right[j].fact
        return (rank, min(a.start, b.start), max(a.start, b.start), min(a.text, b.text), max(a.text, b.text))

    pairs: list[tuple[int, int]] = []
    used_left: set[int] = set()
    used_right: set[int] = set()
    for _rank, i, j in sorted(candidates, key=order):
        if i not in used_left and j not in used_right:
            pairs.append((i, j))
            used_left.add(i)
            used_right.add(j)
    return pairs


def _elided_heads(matched: list[tuple[int, int]], left: list[Mention], right: list[Mention]) -> tuple[str, str]:
    """The counted noun a side leaves unsaid: where the sides agree on a figure that only one of them gives
    with its noun ("the 1.6 million arrests of 2000" / "from a peak of 1.6 million"), the side without it counts
    that noun in its other bare figures too ("to 400,000 in the last fiscal year"). One noun or none a side;
    an age, a rank or a label's number is no counted noun."""
    given: list[set[str]] = [set(), set()]
    for i, j in matched:
        facts = left[i].fact, right[j].fact
        for side in (0, 1):
            mine, theirs = facts[side], facts[1 - side]
            if head_of(theirs) and not _role(theirs) and not head_of(mine) and not _unit(mine):
                given[side].add(head_of(theirs))
    left_head, right_head = (next(iter(heads)) if len(heads) == 1 else "" for heads in given)
    return left_head, right_head


def _with_head(mention: Mention, head: str) -> Mention:
    """A bare count given the noun its side leaves unsaid (see ``_elided_heads``)."""
    fact = mention.fact
    if not head or head_of(fact) or _unit(fact):
        return mention
    return Mention(mention.sentence, dataclasses.replace(fact, key=f"{value_of(fact)}|{head}"))


def _ranges(side: Side, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """The ranges a side gives: two figures of one sentence and one unit and noun, joined by "to", "and", "-",
    the first the lower ("between 5 and 10 percent", "46 to 57 months"; not a score, "divided 9-1", nor a change
    and the level it reaches, "rise by $300 to $2,800")."""
    found = []
    for first, second in itertools.pairwise(mentions):
        a, b = first.fact, second.fact
        low, high = _magnitude(a), _magnitude(b)
        if (first.sentence == second.sentence and _unit(a) == _unit(b) and head_of(a) == head_of(b)
                and not _role(a) and "vague" not in (a.detail, b.detail) and low is not None and high is not None
                and low < high and _level_word(first, side) != "by"
                and _RANGE_BETWEEN.fullmatch(side.sentence_text(first.sentence), a.end, b.start)):
            found.append((first, second))
    return found


def _drop_within_ranges(left: list[Mention], left_side: Side, right: list[Mention], right_side: Side) -> None:
    """Take out a range of one side and a figure of the other inside it, of the same thing ("between 5 and 10
    percent of voters" / "about 8 percent of voters"): they agree, and neither is a difference."""
    ranges = {id(left): _ranges(left_side, left), id(right): _ranges(right_side, right)}
    for mine, mine_side, theirs, theirs_side in ((left, left_side, right, right_side),
                                                 (right, right_side, left, left_side)):
        in_ranges = {id(m) for pair in ranges[id(theirs)] for m in pair}  # a range's end is no figure inside
        for low, high in ranges[id(mine)]:
            bounds = _magnitude(low.fact), _magnitude(high.fact)
            if bounds[0] is None or bounds[1] is None or low not in mine or high not in mine:
                continue
            inside = next((f for f in theirs if id(f) not in in_ranges and _unit(f.fact) == _unit(low.fact)
                           and (m := _magnitude(f.fact)) is not None and bounds[0] <= m <= bounds[1]
                           and _of_range(low, mine_side, f, theirs_side, left_first=mine is left)), None)
            if inside is not None:
                mine.remove(low)
                mine.remove(high)
                theirs.remove(inside)


def _of_range(low: Mention, range_side: Side, figure: Mention, figure_side: Side, *, left_first: bool) -> bool:
    """Whether a figure counts what a range does: the range's noun, or, for a range that leaves its noun unsaid,
    the same thing by the words around ("how many women could be included ... run from 500,000 to 1.6 million" /
    "as many as 1.5 million women"); not a part of another count ("At least 150 people were killed, including 70
    children" against a toll "from 60 to 90")."""
    if head_of(figure.fact) == head_of(low.fact):
        return True
    if head_of(low.fact) or _role(figure.fact) or _PART_BEFORE.search(
            figure_side.sentence_text(figure.sentence), 0, figure.fact.start):
        return False
    pair = (low, range_side, figure, figure_side) if left_first else (figure, figure_side, low, range_side)
    return same_thing(*pair) > 0


_PART_BEFORE = re.compile(r"\b(?:including|among\s+them|of\s+them|of\s+whom|out\s+of)\s+(?:\w+\s+)?$",
                          re.IGNORECASE)


class Numbers(FactKind):
    name = NAME
    needs = ("date",)
    inventory = True
    inventory_label = "quantity"

    def extract(self, sentence: str, words: frozenset[str], found: Mapping[str, list[Fact]]) -> list[Fact]:
        return extract_numbers(sentence, words, found.get("date", []))

    def compare(self, group: Group) -> list[Difference]:
        """Figures the sides state differently for one thing (conflicts), and figures only one side gives.

        A side that gives only vague amounts ("multiple casualties") where the
        other gives figures of the same thing ("25 people killed") conflicts with it.
        """
        left_only, right_only = group.left.mentions(NAME), group.right.mentions(NAME)
        # One figure of a side agrees with one of the other, at most; equal figures first, and of them those
        # that count the same kind of thing ("No. 2" with "No. 2" before "two-term" with "No. 2").
        agreeing = [(2 * int(value_of(m.fact) != value_of(r.fact)) + int(head_of(m.fact) != head_of(r.fact)), i, j)
                    for i, m in enumerate(left_only) for j, r in enumerate(right_only) if compatible(m.fact, r.fact)]
        matched = _one_to_one(agreeing, left_only, right_only)
        left_heads, right_heads = _elided_heads(matched, left_only, right_only)
        left_only = [_with_head(m, left_heads) for i, m in enumerate(left_only) if i not in {i for i, _ in matched}]
        right_only = [_with_head(m, right_heads) for j, m in enumerate(right_only)
                      if j not in {j for _, j in matched}]
        _drop_within_ranges(left_only, group.left, right_only, group.right)
        differences = []
        # Pair the figures of one thing, the surest pairs first.
        candidates = [(-sureness, i, j) for i, m in enumerate(left_only) for j, r in enumerate(right_only)
                      if "vague" not in (m.fact.detail, r.fact.detail)
                      and (sureness := same_thing(m, group.left, r, group.right))]
        paired = [(left_only[i], right_only[j]) for i, j in _one_to_one(candidates, left_only, right_only)]
        for mention, partner in sorted(paired, key=lambda p: p[0].fact.start):
            differences.append(difference(NAME, [mention], [partner], conflict=True))
            left_only.remove(mention)
            right_only.remove(partner)
        exact = [[m for m in side if m.fact.detail != "vague"] for side in (left_only, right_only)]
        vague = [[m for m in side if m.fact.detail == "vague"] for side in (left_only, right_only)]
        for k in (0, 1):
            # a figure in the span of a bounded vague amount of the same thing agrees with it ("in the past few
            # weeks" / "in the past three weeks"): a detail one side gives, no conflict
            for v in list(vague[k]):
                within = next((f for f in exact[1 - k] if _in_vague_span(v.fact, f.fact)
                               and same_thing(*((v, group.left, f, group.right) if k == 0
                                                else (f, group.left, v, group.right)))), None)
                if within is not None:
                    vague[k].remove(v)
                    exact[1 - k].remove(within)
        # Figures against vague amounts of the same thing: "25 people; 80 injured" / "multiple casualties".
        if (exact[0] and vague[1] and not exact[1] and any(
                same_thing(f, group.left, v, group.right) for f in exact[0] for v in vague[1])) or (
                exact[1] and vague[0] and not exact[0] and any(
                same_thing(v, group.left, f, group.right) for v in vague[0] for f in exact[1])):
            return [*differences, difference(NAME, left_only, right_only, conflict=True)]
        if left_only or right_only:
            differences.append(difference(NAME, left_only, right_only))
        return differences


KIND = Numbers()
