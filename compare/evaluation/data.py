"""Loaders for the shared evaluation data (MRPC, ECB+), with the train/test splits we use."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA_DIR = Path("../shared/data")

#: ECB+ topics used for calibration; the customary held-out test topics are 36-45.
ECBPLUS_TRAIN_TOPICS = range(1, 36)
ECBPLUS_TEST_TOPICS = range(36, 46)


class DataMissingError(FileNotFoundError):
    """The evaluation data folder, or a file in it, is absent."""


@dataclass(frozen=True)
class SentencePair:
    left: str
    right: str
    label: int


@dataclass(frozen=True)
class ScoredPair:
    left: str
    right: str
    score: float
    dataset: str


@dataclass(frozen=True)
class EcbDocument:
    doc_id: str
    sentence_ids: tuple[int, ...]
    sentences: tuple[str, ...]
    selected: frozenset[int]


@dataclass(frozen=True)
class EcbDocPair:
    subtopic: str
    left: str
    right: str


def require(data_dir: Path, relative: str) -> Path:
    path = data_dir / relative
    if not path.is_file():
        msg = f"{path} not found (evaluation data folder: {data_dir})"
        raise DataMissingError(msg)
    return path


def load_mrpc(data_dir: Path, split: str) -> list[SentencePair]:
    """MRPC sentence pairs, ``split`` in {"train", "test"}."""
    path = require(data_dir, f"mrpc/mrpc_{split}.jsonl")
    with path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return [SentencePair(r["sentence1"], r["sentence2"], int(r["label"])) for r in rows]


def load_stsb_news(data_dir: Path, split: str) -> list[ScoredPair]:
    """STS-B pairs of the main-news genre, ``split`` in {"train", "dev", "test"}.

    MSRpar pairs are left out: they are MRPC pairs, some from MRPC test, and must
    not leak into calibration.
    """
    path = require(data_dir, f"stsb/stsb_{split}.jsonl")
    with path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return [ScoredPair(r["sentence1"], r["sentence2"], float(r["score"]), r["dataset"])
            for r in rows if r["genre"] == "main-news" and r["dataset"] != "MSRpar"]


def _tsv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def topic_of(subtopic: str) -> int:
    return int(subtopic.split("_", 1)[0])


def load_ecbplus_documents(data_dir: Path) -> dict[str, EcbDocument]:
    path = require(data_dir, "news_multisource/ecbplus/ecbplus_documents.jsonl")
    documents = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            sentences = row["sentences"]
            documents[row["doc_id"]] = EcbDocument(
                doc_id=row["doc_id"],
                sentence_ids=tuple(s["sent_id"] for s in sentences),
                sentences=tuple(s["text"] for s in sentences),
                selected=frozenset(s["sent_id"] for s in sentences if s["selected"]),
            )
    return documents


def load_ecbplus_doc_pairs(data_dir: Path, topics: range) -> list[EcbDocPair]:
    path = require(data_dir, "alignment_gold/ecbplus/ecbplus_doc_pairs.tsv")
    return [
        EcbDocPair(row["subtopic"], row["doc_a"], row["doc_b"])
        for row in _tsv(path)
        if topic_of(row["subtopic"]) in topics
    ]


def load_ecbplus_universe(data_dir: Path, topics: range) -> dict[tuple[str, int, str, int], tuple[int, float]]:
    """The labelled universe: (doc_a, sent_a, doc_b, sent_b) -> (label, chain_jaccard)."""
    path = require(data_dir, "alignment_gold/ecbplus/ecbplus_selected_sentence_pairs.tsv")
    return {
        (row["doc_a"], int(row["sent_a"]), row["doc_b"], int(row["sent_b"])):
            (int(row["label"]), float(row["chain_jaccard"]))
        for row in _tsv(path)
        if topic_of(row["subtopic"]) in topics
    }
