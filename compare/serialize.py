"""The JSON wire format (schema version 1): ``to_dict`` / ``from_dict`` are its only doors.

Field names are a contract other tools rely on: fields may be added, never
renamed or removed. ``from_dict(to_dict(c)) == c`` for every comparison.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Literal, TypedDict, cast

from .models import Alignment, Article, Comparison, Difference, Evidence, FactEntry, Sentence
from .visible import json_visible

if TYPE_CHECKING:
    from .multi import MultiComparison

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


def to_dict(comparison: Comparison) -> ComparisonDict:
    """The comparison as plain JSON-ready values."""
    summary = comparison.summary
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": GENERATOR,
        "left": _article_dict(comparison.left),
        "right": _article_dict(comparison.right),
        "alignments": [
            {"left": list(a.left), "right": list(a.right), "label": a.label, "score": a.score,
             "align_score": a.align_score,
             "differences": [{"kind": d.kind, "left": d.left, "right": d.right, "conflict": d.conflict,
                              "left_evidence": [_evidence_dict(e) for e in d.left_evidence],
                              "right_evidence": [_evidence_dict(e) for e in d.right_evidence]}
                             for d in a.differences]}
            for a in comparison.alignments
        ],
        "left_only": list(comparison.left_only),
        "right_only": list(comparison.right_only),
        "summary": {"same": summary.same, "differs": summary.differs, "left_only": summary.left_only,
                    "right_only": summary.right_only, "consistency": summary.consistency},
        "settings": comparison.settings_dict,
        "facts": [{"kind": INVENTORY_LABELS.get(f.kind, f.kind), "fact_kind": f.kind, "key": f.key, "text": f.text,
                   "where": f.where, "left": list(f.left), "right": list(f.right)} for f in comparison.facts],
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


def from_dict(data: ComparisonDict | dict[str, Any]) -> Comparison:
    """Rebuild a comparison from :func:`to_dict` output (or parsed JSON of it)."""
    record = cast(ComparisonDict, data)
    if record.get("schema_version") != SCHEMA_VERSION:
        msg = f"unsupported schema_version {record.get('schema_version')!r} (this is version {SCHEMA_VERSION})"
        raise ValueError(msg)
    return Comparison(
        left=_article(record["left"]),
        right=_article(record["right"]),
        alignments=tuple(
            Alignment(left=tuple(a["left"]), right=tuple(a["right"]), label=a["label"], score=a["score"],
                      differences=tuple(Difference(d["kind"], d["left"], d["right"], d["conflict"],
                                                   tuple(_evidence(e) for e in d.get("left_evidence", [])),
                                                   tuple(_evidence(e) for e in d.get("right_evidence", [])))
                                        for d in a["differences"]),
                      align_score=a.get("align_score"))
            for a in record["alignments"]
        ),
        left_only=tuple(record["left_only"]),
        right_only=tuple(record["right_only"]),
        settings=tuple(sorted(record["settings"].items())),
        facts=tuple(FactEntry(f.get("fact_kind", _FACT_KINDS_BY_LABEL.get(f["kind"], f["kind"])), f["key"], f["text"],
                              tuple(f["left"]), tuple(f["right"]))
                    for f in record.get("facts", [])),
    )


def to_json(comparison: Comparison) -> str:
    """The JSON report: deterministic (sorted keys, fixed indent), UTF-8 text kept as is but for the characters
    that drive or reorder a terminal (controls, bidi overrides, line separators), written as ``\\uXXXX``."""
    return json_visible(json.dumps(to_dict(comparison), indent=2, ensure_ascii=False, sort_keys=True)) + "\n"


def multi_to_dict(multi: MultiComparison) -> dict[str, Any]:
    """A comparison of three or more sources as JSON-ready values (``"sources"`` instead of left / right)."""
    n = len(multi.articles)
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": GENERATOR,
        "sources": [_article_dict(article) for article in multi.articles],
        "clusters": [
            {"members": [list(ids) for ids in c.members], "cells": list(c.cells),
             "conflicts": [{"sources": [p.left, p.right], "kind": p.difference.kind,
                            "evidence": [p.difference.left, p.difference.right]} for p in c.conflicts]}
            for c in multi.clusters
        ],
        "only": [list(ids) for ids in multi.only],
        "agreement": [[round(value, 4) for value in row] for row in multi.agreement],
        "summary": {
            "clusters": len(multi.clusters),
            "in_every_source": sum(c.sources == n for c in multi.clusters),
            "stated_differently": sum("differs" in c.cells for c in multi.clusters),
            "only": [len(ids) for ids in multi.only],
        },
        "settings": multi.pairs[0].settings_dict if multi.pairs else {},
    }


def multi_to_json(multi: MultiComparison) -> str:
    """The JSON report of three or more sources, written as :func:`to_json` writes one pair's."""
    return json_visible(json.dumps(multi_to_dict(multi), ensure_ascii=False, indent=2, sort_keys=True)) + "\n"
