"""The JSON wire format (schema version 1) of every result model; these functions are its only doors.

One pair (:class:`Comparison`): ``to_dict`` / ``from_dict`` / ``to_json``. Three or more
sources (:class:`MultiComparison`): ``multi_to_dict`` / ``multi_from_dict`` / ``multi_to_json``.
The ``check`` verdict (:class:`Verdict`): ``verdict_to_dict`` / ``verdict_from_dict`` /
``verdict_to_json``. A collection's record (:class:`BatchRecord`): ``record_to_dict`` /
``record_from_dict`` and one JSON line, ``record_to_line`` / ``record_from_line``.

Field names are a contract other tools rely on: fields may be added, never
renamed or removed; each document carries ``schema_version``. ``from_x(to_x(m)) == m``
for every model (``tests/test_serialize.py``).
"""

from __future__ import annotations

import itertools
import json
from typing import Any, Literal, TypedDict, cast

from .models import (
    Alignment,
    Article,
    BatchRecord,
    Cluster,
    ClusterRecord,
    Comparison,
    ConflictRecord,
    Difference,
    Evidence,
    FactEntry,
    MultiComparison,
    PairRecord,
    Rules,
    Sentence,
    SourcePair,
    Verdict,
    Violation,
)
from .visible import json_visible

SCHEMA_VERSION = 1
GENERATOR = "factcompare"


class SentenceDict(TypedDict):
    id: int
    text: str
    kind: Literal["statement", "heading", "byline", "boilerplate"]
    paragraph: int
    start: int
    end: int
    reason: str | None
    compared: bool


class ArticleDict(TypedDict):
    name: str
    path: str | None
    encoding: str | None
    text: str
    sentences: list[SentenceDict]
    url: str | None
    fetched_at: str | None
    source_spans: list[list[int]] | None


class EvidenceDict(TypedDict):
    sentence: int
    start: int
    end: int
    text: str


class DifferenceDict(TypedDict):
    kind: str
    left: str | None
    right: str | None
    conflict: bool
    left_evidence: list[EvidenceDict]
    right_evidence: list[EvidenceDict]


class AlignmentDict(TypedDict):
    left: list[int]
    right: list[int]
    label: Literal["same", "differs"]
    score: float
    align_score: float | None
    differences: list[DifferenceDict]


class FactDict(TypedDict):
    kind: str
    fact_kind: str
    key: str
    text: str
    where: Literal["both", "left_only", "right_only"]
    left: list[int]
    right: list[int]


class SummaryDict(TypedDict):
    same: int
    differs: int
    left_only: int
    right_only: int
    consistency: float


class ComparisonDict(TypedDict):
    schema_version: int
    generator: str
    left: ArticleDict
    right: ArticleDict
    alignments: list[AlignmentDict]
    left_only: list[int]
    right_only: list[int]
    summary: SummaryDict
    settings: dict[str, str | int | float | bool]
    facts: list[FactDict]


def _article_dict(article: Article) -> ArticleDict:
    return {
        "name": article.name,
        "path": article.path,
        "encoding": article.encoding,
        "text": article.text,
        "sentences": [
            {"id": s.id, "text": s.text, "kind": s.kind, "paragraph": s.paragraph, "start": s.start,
             "end": s.end, "reason": s.reason, "compared": s.is_compared}
            for s in article.sentences
        ],
        "url": article.url,
        "fetched_at": article.fetched_at,
        "source_spans": None if article.source_spans is None else [list(span) for span in article.source_spans],
    }


# The inventory's JSON "kind" keeps the values of its first version: the number kind was "quantity" there.
# "fact_kind" carries the kind's one name, as differences and --fail-on use it.
# (Written out rather than read off compare.facts, which this light module does not import;
# tests/test_facts.py checks that the two agree.)
INVENTORY_LABELS = {"name": "name", "number": "quantity", "date": "date", "quote": "quote"}
_FACT_KINDS_BY_LABEL = {label: name for name, label in INVENTORY_LABELS.items()}


def _evidence_dict(evidence: Evidence) -> EvidenceDict:
    return {"sentence": evidence.sentence, "start": evidence.start, "end": evidence.end, "text": evidence.text}


def _evidence(data: EvidenceDict) -> Evidence:
    return Evidence(data["sentence"], data["start"], data["end"], data["text"])


def _alignment_dict(a: Alignment) -> AlignmentDict:
    return {"left": list(a.left), "right": list(a.right), "label": a.label, "score": a.score,
            "align_score": a.align_score, "differences": [_difference_dict(d) for d in a.differences]}


def _difference_dict(d: Difference) -> DifferenceDict:
    return {"kind": d.kind, "left": d.left, "right": d.right, "conflict": d.conflict,
            "left_evidence": [_evidence_dict(e) for e in d.left_evidence],
            "right_evidence": [_evidence_dict(e) for e in d.right_evidence]}


def _fact_dict(f: FactEntry) -> FactDict:
    return {"kind": INVENTORY_LABELS.get(f.kind, f.kind), "fact_kind": f.kind, "key": f.key, "text": f.text,
            "where": f.where, "left": list(f.left), "right": list(f.right)}


def to_dict(comparison: Comparison) -> ComparisonDict:
    """The comparison as plain JSON-ready values."""
    summary = comparison.summary
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": GENERATOR,
        "left": _article_dict(comparison.left),
        "right": _article_dict(comparison.right),
        "alignments": [_alignment_dict(a) for a in comparison.alignments],
        "left_only": list(comparison.left_only),
        "right_only": list(comparison.right_only),
        "summary": {"same": summary.same, "differs": summary.differs, "left_only": summary.left_only,
                    "right_only": summary.right_only, "consistency": summary.consistency},
        "settings": comparison.settings_dict,
        "facts": [_fact_dict(f) for f in comparison.facts],
    }


def _article(data: ArticleDict) -> Article:
    return Article(
        name=data["name"],
        path=data["path"],
        text=data["text"],
        encoding=data.get("encoding"),
        sentences=tuple(
            Sentence(id=s["id"], text=s["text"], kind=s["kind"], paragraph=s["paragraph"], start=s["start"],
                     end=s["end"], reason=s.get("reason"), compared=bool(s.get("compared", False)))
            for s in data["sentences"]
        ),
        url=data.get("url"),
        fetched_at=data.get("fetched_at"),
        source_spans=None if data.get("source_spans") is None else tuple(
            (start, end) for start, end in data["source_spans"] or ()),
    )


def _check_version(data: dict[str, Any] | Any, what: str) -> None:
    if data.get("schema_version") != SCHEMA_VERSION:
        msg = (f"unsupported schema_version {data.get('schema_version')!r} of a {what} "
               f"(this is version {SCHEMA_VERSION})")
        raise ValueError(msg)


def _difference(d: DifferenceDict) -> Difference:
    return Difference(d["kind"], d["left"], d["right"], d["conflict"],
                      tuple(_evidence(e) for e in d.get("left_evidence", [])),
                      tuple(_evidence(e) for e in d.get("right_evidence", [])))


def _alignment(a: AlignmentDict) -> Alignment:
    return Alignment(left=tuple(a["left"]), right=tuple(a["right"]), label=a["label"], score=a["score"],
                     differences=tuple(_difference(d) for d in a["differences"]), align_score=a.get("align_score"))


def _facts(facts: list[FactDict]) -> tuple[FactEntry, ...]:
    return tuple(FactEntry(f.get("fact_kind", _FACT_KINDS_BY_LABEL.get(f["kind"], f["kind"])), f["key"], f["text"],
                           tuple(f["left"]), tuple(f["right"]))
                 for f in facts)


def from_dict(data: ComparisonDict | dict[str, Any]) -> Comparison:
    """Rebuild a comparison from :func:`to_dict` output (or parsed JSON of it)."""
    record = cast(ComparisonDict, data)
    if record.get("schema_version") != SCHEMA_VERSION:
        msg = f"unsupported schema_version {record.get('schema_version')!r} (this is version {SCHEMA_VERSION})"
        raise ValueError(msg)
    return Comparison(
        left=_article(record["left"]),
        right=_article(record["right"]),
        alignments=tuple(_alignment(a) for a in record["alignments"]),
        left_only=tuple(record["left_only"]),
        right_only=tuple(record["right_only"]),
        settings=tuple(sorted(record["settings"].items())),
        facts=_facts(record.get("facts", [])),
    )


def to_json(comparison: Comparison) -> str:
    """The JSON report: deterministic (sorted keys, fixed indent), UTF-8 text kept as is but for the characters
    that drive or reorder a terminal (controls, bidi overrides, line separators), written as ``\\uXXXX``."""
    return json_visible(json.dumps(to_dict(comparison), indent=2, ensure_ascii=False, sort_keys=True)) + "\n"




# -- three or more sources -------------------------------------------------------------------------

class SourceConflictDict(TypedDict):
    sources: list[int]
    kind: str
    #: [left, right] evidence as written (of the first version); left_evidence / right_evidence locate it
    evidence: list[str | None]
    left_evidence: list[EvidenceDict]
    right_evidence: list[EvidenceDict]


class ClusterDict(TypedDict):
    members: list[list[int]]
    cells: list[Literal["same", "differs", "absent"]]
    conflicts: list[SourceConflictDict]


class MultiSummaryDict(TypedDict):
    clusters: int
    in_every_source: int
    stated_differently: int
    only: list[int]


class SourcePairDict(TypedDict):
    """One pairwise comparison of a multi-source comparison, its articles named by their index in ``sources``."""

    sources: list[int]
    alignments: list[AlignmentDict]
    left_only: list[int]
    right_only: list[int]
    settings: dict[str, str | int | float | bool]
    facts: list[FactDict]


class MultiComparisonDict(TypedDict):
    schema_version: int
    generator: str
    sources: list[ArticleDict]
    clusters: list[ClusterDict]
    only: list[list[int]]
    agreement: list[list[float]]
    summary: MultiSummaryDict
    settings: dict[str, str | int | float | bool]
    pairs: list[SourcePairDict]


def _source_conflict_dict(p: SourcePair) -> SourceConflictDict:
    d = p.difference
    return {"sources": [p.left, p.right], "kind": d.kind, "evidence": [d.left, d.right],
            "left_evidence": [_evidence_dict(e) for e in d.left_evidence],
            "right_evidence": [_evidence_dict(e) for e in d.right_evidence]}


def _source_pair_dict(sources: tuple[int, int], c: Comparison) -> SourcePairDict:
    return {"sources": list(sources), "alignments": [_alignment_dict(a) for a in c.alignments],
            "left_only": list(c.left_only), "right_only": list(c.right_only), "settings": c.settings_dict,
            "facts": [_fact_dict(f) for f in c.facts]}


def multi_to_dict(multi: MultiComparison) -> MultiComparisonDict:
    """A comparison of three or more sources as JSON-ready values (``"sources"`` instead of left / right)."""
    summary = multi.summary
    combinations = itertools.combinations(range(len(multi.articles)), 2)
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": GENERATOR,
        "sources": [_article_dict(article) for article in multi.articles],
        "clusters": [
            {"members": [list(ids) for ids in c.members], "cells": list(c.cells),
             "conflicts": [_source_conflict_dict(p) for p in c.conflicts]}
            for c in multi.clusters
        ],
        "only": [list(ids) for ids in multi.only],
        "agreement": [list(row) for row in multi.agreement],
        "summary": {"clusters": summary.clusters, "in_every_source": summary.in_every_source,
                    "stated_differently": summary.stated_differently, "only": list(summary.only)},
        "settings": multi.settings_dict,
        "pairs": [_source_pair_dict(sources, c) for sources, c in zip(combinations, multi.pairs, strict=True)],
    }


def multi_from_dict(data: MultiComparisonDict | dict[str, Any]) -> MultiComparison:
    """Rebuild a multi-source comparison from :func:`multi_to_dict` output (or parsed JSON of it).

    ``agreement``, ``summary`` and ``settings`` are derived from the rest, and not read.
    """
    record = cast(MultiComparisonDict, data)
    _check_version(record, "multi-source comparison")
    articles = tuple(_article(a) for a in record["sources"])
    pairs = tuple(Comparison(left=articles[p["sources"][0]], right=articles[p["sources"][1]],
                             alignments=tuple(_alignment(a) for a in p["alignments"]),
                             left_only=tuple(p["left_only"]), right_only=tuple(p["right_only"]),
                             settings=tuple(sorted(p["settings"].items())), facts=_facts(p["facts"]))
                  for p in record["pairs"])
    clusters = tuple(
        Cluster(members=tuple(tuple(ids) for ids in c["members"]), cells=tuple(c["cells"]),
                conflicts=tuple(SourcePair(k["sources"][0], k["sources"][1], Difference(
                    k["kind"], k["evidence"][0], k["evidence"][1], True,
                    tuple(_evidence(e) for e in k.get("left_evidence", [])),
                    tuple(_evidence(e) for e in k.get("right_evidence", []))))
                    for k in c["conflicts"]))
        for c in record["clusters"])
    return MultiComparison(articles, clusters, tuple(tuple(ids) for ids in record["only"]), pairs)


def multi_to_json(multi: MultiComparison) -> str:
    """The JSON report of three or more sources, written as :func:`to_json` writes one pair's."""
    return json_visible(json.dumps(multi_to_dict(multi), ensure_ascii=False, indent=2, sort_keys=True)) + "\n"


# -- the check verdict ------------------------------------------------------------------------------

class RulesDict(TypedDict):
    fail_on: list[str]
    fail_on_differs: bool
    min_consistency: float | None
    max_one_sided: int | None


class CheckedPairDict(TypedDict):
    left: str
    right: str
    consistency: float


class ViolationDict(TypedDict):
    rule: Literal["conflict", "differs", "consistency", "one-sided"]
    kind: str | None
    left: str
    right: str
    left_sentences: list[int]
    right_sentences: list[int]
    left_evidence: str | None
    right_evidence: str | None
    message: str


class VerdictDict(TypedDict):
    schema_version: int
    generator: str
    consistent: bool
    rules: RulesDict
    pairs: list[CheckedPairDict]
    violations: list[ViolationDict]


def verdict_to_dict(verdict: Verdict) -> VerdictDict:
    """The verdict as JSON-ready data (what ``check --format json`` prints)."""
    r = verdict.rules
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": GENERATOR,
        "consistent": verdict.consistent,
        "rules": {"fail_on": list(r.fail_on), "fail_on_differs": r.fail_on_differs,
                  "min_consistency": r.min_consistency, "max_one_sided": r.max_one_sided},
        "pairs": [{"left": left, "right": right, "consistency": score} for left, right, score in verdict.pairs],
        "violations": [{"rule": v.rule, "kind": v.kind, "left": v.left, "right": v.right,
                        "left_sentences": list(v.left_sentences), "right_sentences": list(v.right_sentences),
                        "left_evidence": v.left_evidence, "right_evidence": v.right_evidence,
                        "message": v.message} for v in verdict.violations],
    }


def verdict_from_dict(data: VerdictDict | dict[str, Any]) -> Verdict:
    """Rebuild a verdict from :func:`verdict_to_dict` output (``consistent`` is derived, and not read)."""
    record = cast(VerdictDict, data)
    _check_version(record, "verdict")
    r = record["rules"]
    return Verdict(
        Rules(tuple(r["fail_on"]), r["fail_on_differs"], r["min_consistency"], r["max_one_sided"]),
        tuple(Violation(v["rule"], v["left"], v["right"], v["message"], v["kind"], tuple(v["left_sentences"]),
                        tuple(v["right_sentences"]), v["left_evidence"], v["right_evidence"])
              for v in record["violations"]),
        tuple((p["left"], p["right"], p["consistency"]) for p in record["pairs"]),
    )


def verdict_to_json(verdict: Verdict) -> str:
    """The JSON verdict as ``check --format json`` prints it: keys in their order, controls escaped visibly."""
    return json_visible(json.dumps(verdict_to_dict(verdict), ensure_ascii=False, indent=2)) + "\n"


# -- a collection's records ---------------------------------------------------------------------------

class ConflictRecordDict(TypedDict):
    kind: str
    left: str | None
    right: str | None
    left_sentences: list[int]
    right_sentences: list[int]


class PairRecordDict(TypedDict):
    left: str | None
    right: str | None
    same: int
    differs: int
    left_only: int
    right_only: int
    consistency: float
    conflicts: list[ConflictRecordDict]


class ClusterRecordDict(TypedDict):
    cells: list[Literal["same", "differs", "absent"]]
    members: list[list[int]]


class BatchRecordDict(TypedDict, total=False):
    schema_version: int
    id: str
    articles: list[str]
    status: Literal["ok", "failed"]
    #: failed records
    error: str
    #: records of compared groups: the lowest consistency of the pairs, and every pair
    consistency: float
    pairs: list[PairRecordDict]
    #: event groups (three or more sources)
    clusters: list[ClusterRecordDict]
    agreement: list[list[float]]


def record_to_dict(record: BatchRecord) -> BatchRecordDict:
    """A collection's record as JSON-ready values: a failed group's error, or every pair's summary and conflicts."""
    data: BatchRecordDict = {"schema_version": SCHEMA_VERSION, "id": record.id, "articles": list(record.articles),
                             "status": record.status}
    if record.error is not None:
        data["error"] = record.error
    if record.ok:
        data["consistency"] = min(p.consistency for p in record.pairs)
        data["pairs"] = [{"left": p.left, "right": p.right, "same": p.same, "differs": p.differs,
                          "left_only": p.left_only, "right_only": p.right_only, "consistency": p.consistency,
                          "conflicts": [{"kind": c.kind, "left": c.left, "right": c.right,
                                         "left_sentences": list(c.left_sentences),
                                         "right_sentences": list(c.right_sentences)} for c in p.conflicts]}
                         for p in record.pairs]
    if record.clusters is not None:
        data["clusters"] = [{"cells": list(c.cells), "members": [list(ids) for ids in c.members]}
                            for c in record.clusters]
    if record.agreement is not None:
        data["agreement"] = [list(row) for row in record.agreement]
    return data


def record_from_dict(data: BatchRecordDict | dict[str, Any]) -> BatchRecord:
    """Rebuild a record from :func:`record_to_dict` output. Records of before ``schema_version`` was written
    (factcompare 0.1.0's first record files) have the same fields, and are read as version 1."""
    record = cast(BatchRecordDict, data)
    if "schema_version" in record:
        _check_version(record, "batch record")
    clusters = record.get("clusters")
    agreement = record.get("agreement")
    return BatchRecord(
        id=record["id"], articles=tuple(record["articles"]), status=record["status"], error=record.get("error"),
        pairs=tuple(PairRecord(p["left"], p["right"], p["same"], p["differs"], p["left_only"], p["right_only"],
                               p["consistency"],
                               tuple(ConflictRecord(c["kind"], c["left"], c["right"], tuple(c["left_sentences"]),
                                                    tuple(c["right_sentences"])) for c in p["conflicts"]))
                    for p in record.get("pairs", [])),
        clusters=None if clusters is None else tuple(
            ClusterRecord(tuple(c["cells"]), tuple(tuple(ids) for ids in c["members"])) for c in clusters),
        agreement=None if agreement is None else tuple(tuple(row) for row in agreement),
    )


def record_to_line(record: BatchRecord) -> str:
    """The record as one JSON line (no newline): sorted keys, UTF-8 kept as is.

    U+2028, U+2029 and U+0085 stay raw: record files end lines at ``\\n`` only.
    """
    return json.dumps(record_to_dict(record), ensure_ascii=False, sort_keys=True)


def record_from_line(line: str | bytes) -> BatchRecord:
    """The record of one line of a record file."""
    return record_from_dict(json.loads(line))
