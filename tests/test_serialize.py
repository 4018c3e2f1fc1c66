"""The one wire door: every result model written and read back by :mod:`compare.serialize`, losing nothing.

Round trips go through JSON text, as a reader of a report or a record file meets them.
"""

from __future__ import annotations

import json
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare.consistency import check
from compare.core import compare_articles
from compare.models import (
    CONFLICT_CHOICES,
    RULES,
    BatchRecord,
    ClusterRecord,
    ConflictRecord,
    MultiComparison,
    PairRecord,
    Rules,
    Verdict,
    Violation,
)
from compare.multi import compare_many
from compare.serialize import (
    SCHEMA_VERSION,
    from_dict,
    multi_from_dict,
    multi_to_dict,
    multi_to_json,
    record_from_dict,
    record_from_line,
    record_to_dict,
    record_to_line,
    to_dict,
    to_json,
    verdict_from_dict,
    verdict_to_dict,
    verdict_to_json,
)

WORDS = ["police", "said", "six", "people", "died", "in", "the", "fire", "on", "Monday", "Smith", "denied", "25",
         "$3 million", "not", "rose", "fell", "March 3", "\"we will rebuild\"", "officials", "about"]
sentence = st.lists(st.sampled_from(WORDS), min_size=2, max_size=10).map(lambda words: " ".join(words).capitalize()
                                                                          + ".")
article = st.lists(sentence, min_size=1, max_size=5).map(" ".join)
text = st.text(max_size=30)  # any Unicode: controls, surrogates aside, line separators
maybe_text = st.none() | text
ids = st.lists(st.integers(0, 50), max_size=4).map(lambda values: tuple(sorted(set(values))))
score = st.floats(0, 1, allow_nan=False)

SLOW = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _round_trip_text(data: object) -> object:
    return json.loads(json.dumps(data, ensure_ascii=False))


# -- MultiComparison -------------------------------------------------------------------------------

@SLOW
@given(st.lists(article, min_size=3, max_size=4))
def test_multi_comparison_round_trips(texts: list[str]) -> None:
    multi = compare_many(texts)
    assert multi_from_dict(json.loads(multi_to_json(multi))) == multi
    assert multi_from_dict(_round_trip_text(multi_to_dict(multi))) == multi


def test_multi_json_gains_the_pairs_and_keeps_every_field_of_before() -> None:
    multi = compare_many(["Six people died in the fire. Smith said 25 people fled.",
                          "Police said six people died. Smith said 30 people fled.",
                          "Six people died, officials said. Rain fell on Monday."])
    data = multi_to_dict(multi)
    assert set(data) == {"schema_version", "generator", "sources", "clusters", "only", "agreement", "summary",
                         "settings", "pairs"}
    assert data["schema_version"] == SCHEMA_VERSION
    assert [pair["sources"] for pair in data["pairs"]] == [[0, 1], [0, 2], [1, 2]]
    assert data["summary"] == {"clusters": multi.summary.clusters, "in_every_source": multi.summary.in_every_source,
                               "stated_differently": multi.summary.stated_differently,
                               "only": list(multi.summary.only)}
    conflicts = [conflict for cluster in data["clusters"] for conflict in cluster["conflicts"]]
    assert conflicts, "the example must hold a conflict"
    assert all({"sources", "kind", "evidence", "left_evidence", "right_evidence"} == set(c) for c in conflicts)


def test_multi_from_dict_refuses_another_schema_version() -> None:
    data = multi_to_dict(compare_many(["Six died.", "Six died, police said.", "Six people died."]))
    with pytest.raises(ValueError, match="schema_version"):
        multi_from_dict({**data, "schema_version": 99})


# -- Verdict ---------------------------------------------------------------------------------------

rules = st.builds(Rules, fail_on=st.lists(st.sampled_from(CONFLICT_CHOICES), max_size=3, unique=True).map(tuple),
                  fail_on_differs=st.booleans(), min_consistency=st.none() | score,
                  max_one_sided=st.none() | st.integers(0, 100))
violation = st.builds(Violation, rule=st.sampled_from(RULES), left=text, right=text, message=text,
                      kind=maybe_text, left_sentences=ids, right_sentences=ids, left_evidence=maybe_text,
                      right_evidence=maybe_text)
verdicts = st.builds(Verdict, rules=rules, violations=st.lists(violation, max_size=4).map(tuple),
                     pairs=st.lists(st.tuples(text, text, score), max_size=3).map(tuple))


@given(verdicts)
def test_verdict_round_trips(verdict: Verdict) -> None:
    assert verdict_from_dict(json.loads(verdict_to_json(verdict))) == verdict
    assert verdict_from_dict(_round_trip_text(verdict_to_dict(verdict))) == verdict


@SLOW
@given(article, article, rules)
def test_a_checked_verdict_round_trips(left: str, right: str, given_rules: Rules) -> None:
    verdict = check([compare_articles(left, right)], given_rules)
    assert verdict_from_dict(json.loads(verdict_to_json(verdict))) == verdict


def test_verdict_json_gains_schema_version_first_and_keeps_its_order() -> None:
    data = verdict_to_dict(Verdict(Rules(fail_on=("any",)), (), (("a", "b", 0.5),)))
    assert list(data) == ["schema_version", "generator", "consistent", "rules", "pairs", "violations"]
    assert data["schema_version"] == SCHEMA_VERSION


# -- BatchRecord -----------------------------------------------------------------------------------

conflict = st.builds(ConflictRecord, kind=st.sampled_from(["number", "date", "name"]), left=maybe_text,
                     right=maybe_text, left_sentences=ids, right_sentences=ids)
pair = st.builds(PairRecord, left=maybe_text, right=maybe_text, same=st.integers(0, 99), differs=st.integers(0, 99),
                 left_only=st.integers(0, 99), right_only=st.integers(0, 99), consistency=score,
                 conflicts=st.lists(conflict, max_size=3).map(tuple))
paths = st.lists(st.text(string.ascii_letters + "/é\u2028 .", min_size=1, max_size=12), min_size=1,
                 max_size=4).map(tuple)


@st.composite
def batch_records(draw: st.DrawFn) -> BatchRecord:
    group_id, articles = draw(text), draw(paths)
    if draw(st.booleans()):
        return BatchRecord(group_id, articles, "failed", error=draw(text))
    pairs = tuple(draw(st.lists(pair, min_size=1, max_size=3)))
    if draw(st.booleans()):
        return BatchRecord(group_id, articles, "ok", pairs=pairs)
    n = draw(st.integers(3, 4))
    members = st.lists(ids, min_size=n, max_size=n)
    clusters = tuple(ClusterRecord(tuple("absent" if not m else draw(st.sampled_from(["same", "differs"]))
                                         for m in ms), tuple(ms))
                     for ms in draw(st.lists(members, max_size=3)))
    agreement = tuple(tuple(draw(score) for _ in range(n)) for _ in range(n))
    return BatchRecord(group_id, articles, "ok", pairs=pairs, clusters=clusters, agreement=agreement)


@given(batch_records())
def test_batch_record_round_trips(record: BatchRecord) -> None:
    line = record_to_line(record)
    assert "\n" not in line
    assert record_from_line(line) == record
    assert record_from_dict(_round_trip_text(record_to_dict(record))) == record


def test_a_record_line_is_sorted_compact_json_with_the_fields_of_before() -> None:
    record = BatchRecord("g", ("a.txt", "b.txt"), "ok",
                         pairs=(PairRecord("a.txt", "b.txt", 1, 0, 2, 0, 0.3333, (ConflictRecord(
                             "number", "25", "30", (1,), (2,)),)),))
    line = record_to_line(record)
    assert line == json.dumps(json.loads(line), ensure_ascii=False, sort_keys=True)
    assert json.loads(line) == {
        "articles": ["a.txt", "b.txt"], "consistency": 0.3333, "id": "g", "schema_version": SCHEMA_VERSION,
        "status": "ok", "pairs": [{"left": "a.txt", "right": "b.txt", "same": 1, "differs": 0, "left_only": 2,
                                   "right_only": 0, "consistency": 0.3333, "conflicts": [
                                       {"kind": "number", "left": "25", "right": "30", "left_sentences": [1],
                                        "right_sentences": [2]}]}]}
    failed = json.loads(record_to_line(BatchRecord("g", ("a.txt",), "failed", error="no")))
    assert failed == {"articles": ["a.txt"], "error": "no", "id": "g", "schema_version": SCHEMA_VERSION,
                      "status": "failed"}


def test_a_record_of_before_schema_version_is_read() -> None:
    older = {"articles": ["a.txt"], "error": "no", "id": "g", "status": "failed"}
    assert record_from_dict(older) == BatchRecord("g", ("a.txt",), "failed", error="no")
    with pytest.raises(ValueError, match="schema_version"):
        record_from_dict({**older, "schema_version": 99})


# -- Comparison (the door of before, still the same) ---------------------------------------------------

@SLOW
@given(article, article)
def test_comparison_round_trips(left: str, right: str) -> None:
    comparison = compare_articles(left, right)
    assert from_dict(json.loads(to_json(comparison))) == comparison
    assert to_dict(from_dict(to_dict(comparison))) == to_dict(comparison)


def test_every_model_is_a_frozen_value() -> None:
    multi: MultiComparison = compare_many(["Six died.", "Six died, police said.", "Six people died."])
    with pytest.raises(AttributeError):
        multi.clusters = ()  # type: ignore[misc]
    record = BatchRecord("g", ("a",), "failed", error="no")
    with pytest.raises(AttributeError):
        record.error = "yes"  # type: ignore[misc]
    assert hash(record) == hash(BatchRecord("g", ("a",), "failed", error="no"))
