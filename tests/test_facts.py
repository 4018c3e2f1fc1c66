"""Fact extraction inside one statement: a case table per kind, plus offset invariants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.facts import (
    extract_attribution,
    extract_certainty,
    extract_dates,
    extract_facts,
    extract_names,
    extract_negations,
    extract_numbers,
    extract_quotes,
    fold_spelling,
    name_key,
)
from compare.facts.base import related

# (id, sentence, [(text, key, detail)])
QUANTITY_CASES = [
    ("count-with-noun", "Baku's action has resulted in the deaths of 25 people, including two civilians, and left 80 "
     "injured.", [("25 people", "25|peopl", None), ("two civilians", "2|civilian", None),
                  ("80 injured", "80|injur", None)]),
    ("approximation", "Forces captured over 60 military posts.", [("over 60 military posts", "60|post", "over")]),
    ("more-than", "More than 1,000 troops moved.", [("More than 1,000 troops", "1000|troop", "more than")]),
    ("percent-and-money", "Profits rose 3.5% to $1.2bn.", [("3.5%", "3.5%|", None), ("$1.2bn", "$1200000000|", None)]),
    ("per-cent-words", "It cost 40 per cent more.", [("40 per cent", "40%|", None)]),
    ("compound-word", "Twenty-five people died.", [("Twenty-five people", "25|peopl", None)]),
    ("vague", "The ombudsman reported multiple civilian casualties.",
     [("multiple civilian casualties", "~multiple|casualti", "vague")]),
    ("pronoun-one-skipped", "The most recent one was in 2020.", []),
    ("bare-year-is-not-a-count", "The war ended in 1994.", []),
    ("wire-currency", "Tyrer agreed to pay $US1.06 million.", [("$US1.06 million", "$1060000|", None)]),
    ("hyphenated-scale", "RIM must pay the $53.7-million award.", [("$53.7-million award", "$53700000|award", None)]),
    ("hyphenated-percent", "It cited a 3.8-percent increase.", [("3.8-percent increase", "3.8%|increas", None)]),
    ("number-word-in-compound", "The three-judge tribunal ruled.", [("three-judge", "3|judg", None)]),
    # Thousands grouped by a no-break or thin space are one figure; a plain space still parts two.
    ("thin-space-thousands", "The town has 80\u00a0937 residents and €1\u202f250\u202f000.",
     [("80\u00a0937 residents", "80937|resid", None), ("€1\u202f250\u202f000", "€1250000|", None)]),
    # Pounds of weight are no sum: after a verb of weight, joined to the figure, or "pounds of" a thing.
    ("pounds-of-weight", "Each boy weighed less than 50 pounds; agents seized 33 pounds of marijuana and a "
     "4,000-pound bomb.", [("less than 50 pounds", "50|pound", "less than"), ("33 pounds", "33|pound", None),
                           ("4,000-pound", "4000|pound", None)]),
    ("pounds-of-money", "The fine was 200 pounds after a 1.5 billion-pound writedown.",
     [("200 pounds", "£200|", None), ("1.5 billion-pound", "£1500000000|", None)]),
    # "lb" is always a weight; a figure joined to "pound" before a thing paid, or "pounds of" money, is money.
    ("lb-is-a-weight", "Fishermen caught a 600 lb shark.", [("600 lb", "600|pound", None)]),
    ("pounds-paid", "He paid with a 10-pound note out of 2 million pounds of public money.",
     [("10-pound", "£10|", None), ("2 million pounds", "£2000000|", None)]),
    ("weighed-in-at", "The boxer weighed in at 147 pounds.", [("147 pounds", "147|pound", None)]),
    ("plain-space-parts-figures", "Of the 120 500 were freed.", [("120", "120|", None), ("500", "500|", None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), [c[1:] for c in QUANTITY_CASES],
                         ids=[c[0] for c in QUANTITY_CASES])
def test_quantities(sentence: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert [(f.text, f.key, f.detail) for f in extract_numbers(sentence)] == expected


DATE_CASES = [
    ("years", "Since the fall of the Soviet Union in 1991, with the last war in 2020.", ["1991", "2020"]),
    ("weekday", "Police came on Sunday.", ["on Sunday"]),
    ("relative", "The company said last month that sales fell yesterday.", ["last month", "yesterday"]),
    ("calendar", "It opened on June 3, 2021 and closed 4 July.", ["June 3, 2021", "4 July"]),
    ("decade", "Prices doubled in the 1990s.", ["1990s"]),
    ("time-of-day", "Voting runs from 8 a.m. to 5 p.m. Sept. 9.", ["8 a.m.", "5 p.m.", "Sept. 9"]),
    ("may-the-verb", "It may rain in May.", ["May"]),
]


DATE_KEY_CASES = [
    ("December 4", "month=dec day=4"), ("Dec. 4", "month=dec day=4"),
    ("June 30, 2003", "year=2003 month=jun day=30"), ("on Sunday", "weekday=sunday"),
    ("last week", "relative=last week"), ("yesterday", "relative=yesterday"),
]


@pytest.mark.parametrize(("text", "key"), DATE_KEY_CASES, ids=[c[0] for c in DATE_KEY_CASES])
def test_date_keys_name_their_parts(text: str, key: str) -> None:
    (fact,) = extract_dates(f"It happened {text}.")
    assert fact.key == key


@pytest.mark.parametrize(("sentence", "expected"), [c[1:] for c in DATE_CASES], ids=[c[0] for c in DATE_CASES])
def test_dates(sentence: str, expected: list[str]) -> None:
    assert [f.text for f in extract_dates(sentence)] == expected


NAME_CASES = [
    ("people", "Hikmet Hajiyev, adviser to president Ilham Aliyev, spoke.", [("Hikmet Hajiyev", "hikmet hajiyev"),
                                                                           ("Ilham Aliyev", "ilham aliyev")]),
    ("acronym-alias", "Armenia appealed to the U.N. Security Council.",
     [("U.N. Security Council", "united nations security council")]),
    ("joiners", "Alissa de Carbonnel of the International Crisis Group spoke.",
     [("Alissa de Carbonnel", "alissa de carbonnel"), ("International Crisis Group", "international crisis group")]),
    ("comma-ends-a-name", "Previously, Baku restricted the Lachin corridor.", [("Baku", "baku"), ("Lachin", "lachin")]),
    ("possessive", "It was Karabakh’s future.", [("Karabakh", "karabakh")]),
    ("weekday-is-not-a-name", "They met Tuesday in Paris.", [("Paris", "paris")]),
    ("possessive-ends-a-name", "Later, Azerbaijan’s Hajiyev spoke.",
     [("Azerbaijan", "azerbaijan"), ("Hajiyev", "hajiyev")]),
    ("title-before-a-name", "The bill passed, Sen. Mitch McConnell said.", [("Mitch McConnell", "mitch mcconnell")]),
    ("acronym-alias", "Troops of the U.S. arrived.", [("U.S.", "united states")]),
]


@pytest.mark.parametrize(("sentence", "expected"), [c[1:] for c in NAME_CASES], ids=[c[0] for c in NAME_CASES])
def test_names(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.text, f.key) for f in extract_names(sentence)] == expected


@pytest.mark.parametrize(("left", "right"), [("U.N.", "United Nations"), ("UN", "the United Nations"),
                                             ("U.S.", "United States"), ("EU", "European Union"),
                                             ("Britain", "UK")])
def test_name_aliases_share_a_key(left: str, right: str) -> None:
    assert name_key(left) == name_key(right)


@pytest.mark.parametrize(("british", "american"), [("Defence ministry", "defense ministry"),
                                                   ("organisation", "organization"), ("centre", "center"),
                                                   ("criticised", "criticized")])
def test_spellings_fold(british: str, american: str) -> None:
    assert fold_spelling(british) == fold_spelling(american)


QUOTE_CASES = [
    ("curly", "He stated, “Enough is enough. We cannot tolerate it.”", ["Enough is enough. We cannot tolerate it."]),
    ("straight-term", 'Armenia condemned Baku\'s actions as "full-scale aggression".', ["full-scale aggression"]),
    ("no-quotes", "Nothing quoted here.", []),
    # The segmenter splits a quotation into its sentences: each keeps its part of the quotation.
    ("left-open-curly", "He stated, “We will fight.", ["We will fight."]),
    ("closed-without-opening", "We will win.” Then he left.", ["We will win."]),
    ("left-open-straight", 'She said: "It is over.', ["It is over."]),
    ("closed-straight", 'We go home." Nobody answered.', ["We go home."]),
    ("closed-then-open", "“I love this country,” he said, “but it is going to hell.",
     ["I love this country,", "but it is going to hell."]),
]


@pytest.mark.parametrize(("sentence", "expected"), [c[1:] for c in QUOTE_CASES], ids=[c[0] for c in QUOTE_CASES])
def test_quotes(sentence: str, expected: list[str]) -> None:
    assert [f.text for f in extract_quotes(sentence)] == expected


ATTRIBUTION_CASES = [
    ("according-to", "According to Karabakh separatist authorities, 25 people died.",
     [("Karabakh separatist authorities", "according to")]),
    ("subject-said", "The Azerbaijani defence ministry reported that forces advanced.",
     [("The Azerbaijani defence ministry", "reported")]),
    ("apposition", "Hikmet Hajiyev, foreign policy adviser to the president, stated that troops advanced.",
     [("Hikmet Hajiyev", "stated")]),
    ("inverted", '"We will stay," said Mayor Ana Ruiz.', [("Mayor Ana Ruiz", "said")]),
    ("pronoun-names-no-source", "He said the talks failed.", []),
    ("noun-claims-is-not-a-verb", "Armenia refuted these claims as false.", [("Armenia", "refuted")]),
    ("denial", "However, Armenian separatist forces denied these claims.",
     [("Armenian separatist forces", "denied")]),
    ("clause-is-not-a-subject", "Russia called for an immediate end to the fighting and emphasized calm.", []),
    # A stretch with a subordinator before the verb is a clause, not a subject.
    ("a-clause-is-no-subject", "On Saturday, Democrats rejected the offer before Trump even announced it.",
     [("Democrats", "rejected")]),
    ("a-relative-pronoun-names-nobody", "He was joined by a Christian florist who said she was sued.", []),
    # A passive's source is its agent; a negated verb names no source.
    ("passive-agent", "The messages were first reported by The Atlantic, which published copies.",
     [("The Atlantic", "reported")]),
    ("passive-without-agent", "News of the conversation was first reported on Thursday.", []),
    ("negated-verb", "The Times has not independently confirmed the report.", []),
    # A clause is no source: what follows the verb after a speaker's apposition, a claim before an inverted
    # verb, a time after it.
    ("a-clause-after-an-apposition", "Lorella Praeli, a director at the ACLU, said the group would keep fighting.",
     [("Lorella Praeli", "said")]),
    ("a-claim-before-an-inverted-verb", "The policy is unconstitutional, said Ben Wizner, a director at the ACLU.",
     [("Ben Wizner", "said")]),
    ("a-time-after-the-verb", "“We will have a bill,” Frist, R-Tenn., said Thursday.", [("Frist", "said")]),
    ("adverbs-before-the-verb", "Trump and the White House have long claimed it; Cruz vehemently denied it.",
     [("Trump and the White House", "claimed"), ("Cruz", "denied")]),
    # A name or a person's role after the verb, ending at a comma, is the speaker of what stands before it;
    # a clause after the verb is not ("said PNC regretted the incident").
    ("a-claim-then-the-speaker", "The main change, said Jim Walton, CNN's president, is a shift in the news.",
     [("Jim Walton", "said")]),
    ("a-claim-then-a-role", "Axelrod died in his sleep, said his daughter, Nina Axelrod.", [("his daughter", "said")]),
    ("an-apposition-then-a-claim", "James Rohr, chairman and chief executive, said PNC regretted the incident.",
     [("James Rohr", "said"), ("PNC regretted the incident", "said")]),
    # Who is told is no speaker: the speaker is the subject before "told".
    ("the-listener-is-no-source", "Alabama’s state auditor, Jim Ziegler, told The Washington Examiner that the "
     "women’s claims were “much ado about nothing.”", [("Alabama’s state auditor", "told")]),
]


@pytest.mark.parametrize(("sentence", "expected"), [c[1:] for c in ATTRIBUTION_CASES],
                         ids=[c[0] for c in ATTRIBUTION_CASES])
def test_attribution(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.text, f.detail) for f in extract_attribution(sentence)] == expected


def test_attribution_keys_fold_spelling_and_determiners() -> None:
    (british,) = extract_attribution("The Azerbaijani defence ministry said so.")
    (american,) = extract_attribution("Azerbaijan's defense ministry said so.")
    assert british.key == "azerbaijani defense ministry"
    assert american.key == "azerbaijan's defense ministry"


CERTAINTY_CASES = [
    ("could-not-verify", "Reuters could not independently verify these reports.", ["unverified"]),
    ("has-not-verified", "Reuters has not independently verified this information.", ["unverified"]),
    ("alleged", "Baku acted after alleging that six citizens were killed.", ["alleged"]),
    ("attempted", "Forces reported attempts by Azerbaijani forces to breach their defences.", ["attempted"]),
    ("plain-fact", "Azerbaijani forces breached Armenian lines.", []),
    ("purpose-is-not-a-hedge", "Troops moved in an attempt to take the town.", []),
    ("ability-is-not-doubt", "Civilians could leave through corridors.", []),
    ("month-is-not-a-hedge", "The index rose from May to June.", []),
    ("weak-hedge", "The case may mark a first, and is likely to be appealed.", ["possible", "possible"]),
    ("tried", "Officials tried to reach the town.", ["attempted"]),
    ("attempting", "Aides were attempting to alter the talking points.", ["attempted"]),
    ("seeking", "Leaders are seeking to clarify the law.", ["attempted"]),
    ("an-intention", "Leaders say they will seek to clarify the law.", ["intended"]),
    ("claiming", "She sued him, claiming that he had fired her.", ["alleged"]),
    ("purpose-with-a-possessive", "Officials pressed Democrats in their efforts to pass the deal.", []),
    ("a-quoted-verb", "Assange tweeted that the group couldn't “confirm” the messages.", ["unverified"]),
]


@pytest.mark.parametrize(("sentence", "expected"), [c[1:] for c in CERTAINTY_CASES],
                         ids=[c[0] for c in CERTAINTY_CASES])
def test_certainty(sentence: str, expected: list[str]) -> None:
    assert [f.key for f in extract_certainty(sentence)] == expected


NEGATION_CASES = [
    ("denied", "Armenian separatist forces denied these claims.", ["deny"]),
    ("refuted", "Armenia refuted these claims as false.", ["deny"]),
    ("not", "Its armed forces are not in Karabakh.", ["not"]),
    ("contraction", "The army didn't withdraw.", ["not"]),
    ("caveat-is-not-a-negation", "Reuters could not verify the report.", []),
    ("none", "The army withdrew.", []),
    ("curly-contraction", "I don’t think so.", ["not"]),
    ("cannot", "He cannot expect a welcome.", ["not"]),
    ("refused-and-declined-negate-the-act", "He refused to recuse himself and declined to comment.", ["not", "not"]),
    ("compound", "The do-not-call registry grew.", []),
    ("not-only", "Not only is it the oldest planet, it is the farthest.", []),
    # "not only" is the idiom only with its second half; without one it negates.
    ("not-only-negates", "There is not only one drug on the market.", ["not"]),
    ("not-only-but", "The warship not only repulsed an attack but seized the pirates.", []),
    ("not-only-also", "He not only wrote the book; he also directed the film.", []),
    ("not-only-second-clause", "AMD will not only build servers, it will sell them.", []),
    ("not-only-second-clause-after-semicolon", "The magazine not only ran her pictures; it adopted her charm.", []),
    ("not-only-inverted-in-a-clause", "He plays in an era when not only is it rare, it is frowned upon.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), [c[1:] for c in NEGATION_CASES], ids=[c[0] for c in NEGATION_CASES])
def test_negations(sentence: str, expected: list[str]) -> None:
    assert [f.key for f in extract_negations(sentence)] == expected


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_offsets_point_at_the_evidence(sentence: str) -> None:
    for fact in extract_facts(sentence):
        assert 0 <= fact.start <= fact.end <= len(sentence)
        assert sentence[fact.start : fact.end] == fact.text


@pytest.mark.parametrize("word", ["four", "your", "hour", "pour"])
def test_spelling_folds_never_collide(word: str) -> None:
    assert fold_spelling(word) == word


# British -ise spellings are their -ize counterparts; the other words ending in -ise keep their forms apart.
RELATED_CASES = [
    ("stabilised", "stabilized", True), ("organisation", "organization", True), ("criticising", "criticizing", True),
    ("recognises", "recognized", True), ("raise", "raised", True), ("rise", "rising", True), ("arose", "arise", True),
    ("rise", "raise", False), ("advise", "devise", False), ("prise", "prize", False), ("arise", "ariz", False),
    ("surprise", "surprisingly", True), ("advise", "adviser", True),
]


@pytest.mark.parametrize(("left", "right", "expected"), RELATED_CASES, ids=[f"{a}-{b}" for a, b, _ in RELATED_CASES])
def test_related_folds_british_spellings(left: str, right: str, expected: bool) -> None:
    assert related(left, right) is expected
    assert related(right, left) is expected
