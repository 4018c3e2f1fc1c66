"""Near-synonyms of news reporting: words that tell the same fact in other words.

Outlets rarely copy each other's verbs. One writes "25 people were killed",
another "multiple casualties"; one says "stated", the other "told reporters".
Each class below groups the everyday words of news copy for one idea; a word
may belong to several classes (a casualty is a death or an injury). The
classes are general English and were written without reference to any test
article; their effect is measured on MRPC, STS-B and ECB+ like every feature.

Matching is on lower-case surface forms, not stems, so that "stated" joins
"said" while "the state" does not.
"""

from __future__ import annotations

_CLASSES: dict[str, str] = {
    "say": "say says said saying stated told tells announce announced announces announcement declared "
           "declares added adds noted notes reported reports according claimed claims claim asserted asserts "
           "assertion assertions affirmed remarked commented explained insisted maintained",
    "die": "die died dies dying dead death deaths deadly fatal fatalities fatality killed killing killings "
           "kill kills casualties casualty toll lives perished",
    "injure": "injured injuries injury injuring wounded wounding wounds hurt casualties casualty",
    "attack": "attack attacks attacked attacking assault assaults assaulted offensive strike strikes struck "
              "shelling shelled bombardment bombing bombings bombed raid raids airstrike airstrikes",
    "troops": "troops forces soldiers army armies military servicemen militia militias fighters",
    "deny": "deny denied denies denying denial refute refuted refutes reject rejected rejects dismissed "
            "dismisses disputed",
    "urge": "urge urged urges urging call called calls calling appeal appealed appeals ask asked asks "
            "request requested requests demand demanded demands",
    "verify": "verify verified verification confirm confirmed confirms confirmation corroborate corroborated "
              "independently",
    "arrest": "arrest arrested arrests detain detained detention custody",
    "flee": "flee fled fleeing evacuate evacuated evacuation evacuations displaced",
    "begin": "begin began begins begun start started starts launch launched launches initiate initiated "
             "initiates commence commenced",
    "stop": "end ended ends halt halted halts stop stopped stops cease ceased ceasing",
    "truce": "ceasefire cease-fire truce armistice",
    "negotiate": "talks negotiations negotiation negotiate negotiating dialogue",
    "acquire": "buy buys bought acquire acquired acquires acquisition purchase purchased purchases takeover",
    "increase": "rise rises rose risen rising increase increased increases climb climbed climbs gain gained "
                "gains jump jumped jumps surge surged soar soared",
    "decrease": "fall falls fell fallen falling decrease decreased decreases drop dropped drops decline "
                "declined declines slump slumped plunge plunged slide slid",
    "resign": "resign resigned resigns resignation quit quits",
    "win": "win wins won victory defeat defeated defeats beat beats",
    "accuse": "accuse accused accuses accusation accusations allege alleged alleges allegation allegations "
              "blame blamed blames charged",
    "condemn": "condemn condemned condemns condemnation criticize criticized criticizes criticise criticised "
               "denounce denounced",
    "capture": "capture captured captures seize seized seizes seizure",
    "approve": "approve approved approves approval pass passed passes endorse endorsed",
    "sue": "sue sued sues lawsuit lawsuits",
    "meet": "meet met meets meeting convene convened summit",
    "grow": "grow grew grown growth expand expanded expansion",
    "warn": "warn warned warns warning warnings caution cautioned",
    "worry": "concern concerns concerned worry worries worried fear fears feared",
    "help": "help helped helps aid assistance assist assisted support supported",
    "leader": "leader leaders president premier chancellor",
    "minister": "minister ministers secretary",
    "ministry": "ministry ministries department",
    "official": "official officials spokesman spokeswoman spokesperson",
    "company": "company companies firm firms corporation",
    "shares": "shares stock stocks",
    "profit": "profit profits earnings income",
    "city": "city cities town towns",
    "village": "village villages",
    "road": "road roads route routes highway corridor",
}

#: lower-case word -> the classes it belongs to
WORD_CLASSES: dict[str, tuple[str, ...]] = {}
for _name, _words in _CLASSES.items():
    for _word in _words.split():
        WORD_CLASSES[_word] = (*WORD_CLASSES.get(_word, ()), _name)


def classes_of(words: list[str]) -> list[str]:
    """Class tokens ("~say", "~die") for lower-case words, one per class, in first-seen order."""
    found: dict[str, None] = {}
    for word in words:
        for name in WORD_CLASSES.get(word, ()):
            found.setdefault("~" + name, None)
    return list(found)
