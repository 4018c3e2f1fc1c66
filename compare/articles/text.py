"""Text normalisation and tokenisation: the processors every scorer shares.

Normalisation never touches a :class:`~compare.models.Sentence`'s text; it is
applied on the way into a scorer, as RapidFuzz's ``processor`` argument is.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# English function words: articles, pronouns, auxiliaries, prepositions and
# conjunctions. Written out here because scikit-learn's list also holds news
# content words ("fire", "bill", "found", "call", "un"). Negations are not in
# it: "not" is content when two reports disagree.
STOP_WORDS: frozenset[str] = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each either few for from further had has
have having he her here hers herself him himself his how however i if in into is it its itself just
let me more most my myself of off on once only or other ought our ours ourselves out over own same
shall she should so some such than that the their theirs them themselves then there these they this
those through to too under until up upon us very was we were what when where whether which while who
whom whose why will with within would yet you your yours yourself yourselves 's
""".split())

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"', "″": '"',
                         "–": "-", "—": "-", "−": "-", "\u00ad": ""})
_URL = re.compile(r"https?://\S+|www\.\S+|\]\([^)]*\)")
_SPACE = re.compile(r"\s+")
_NON_WORD = re.compile(r"[\W_]+")
# Acronyms with dots (U.N., U.S.A.) are one token; numbers keep their decimal
# point and thousands separators; words keep inner apostrophes (Azerbaijan's).
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TOKEN = re.compile(
    rf"(?i:\b(?:{_TENS})-(?:{_UNITS})\b)|(?:[^\W\d_]\.){{2,}}|\d+(?:[.,]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)*"
)

_STEMMER = snowballstemmer.stemmer("english")

NUMBER_WORDS: dict[str, str] = {
    word: str(value)
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80",
     "ninety": "90", "hundred": "100", "thousand": "1000", "million": "1000000", "billion": "1000000000",
     "dozen": "12"}


def normalize(text: str) -> str:
    """Fold Unicode variants (NFKC, curly quotes, dashes), drop URLs, squeeze spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _SPACE.sub(" ", _URL.sub(" ", text)).strip()


def fuzzy_process(text: str, *, normalized: bool = False) -> str:
    """The processor for character-level scorers: normalised, lower case, words only."""
    return _NON_WORD.sub(" ", (text if normalized else normalize(text)).lower()).strip()


def tokenize(text: str, *, normalized: bool = False) -> list[str]:
    """Words, acronyms and numbers of a text, case preserved."""
    return _TOKEN.findall(text if normalized else normalize(text))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem of a lower-case word, with acronym dots removed (U.N. -> un)."""
    if "." in word and not word[0].isdigit():
        return word.replace(".", "")
    return str(_STEMMER.stemWord(word))


@lru_cache(maxsize=65536)
def number_value(token: str) -> str | None:
    """The canonical form of a number token ("1,000" -> "1000", "six" -> "6"), else None."""
    lower = token.lower()
    if lower in NUMBER_WORDS:
        return NUMBER_WORDS[lower]
    if "-" in lower:
        tens, _, unit = lower.partition("-")
        if tens in NUMBER_WORDS and unit in NUMBER_WORDS:
            return str(int(NUMBER_WORDS[tens]) + int(NUMBER_WORDS[unit]))
    if token[0].isdigit():
        if "," in token and re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", token):
            token = token.replace(",", "")
        return token
    return None
