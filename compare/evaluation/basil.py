"""The BASIL article-pair alignment gold: 30 real pairs, each article read as the tool reads it.

Each article's text is rebuilt as the gold's PROVENANCE.md says (sentences of
one paragraph joined by a space, paragraphs by a blank line) and goes through
the tool's own segmentation and cleaning. Our compared sentences are mapped
to the gold's sentences by character offsets, so that a predicted group
yields every (gold a, gold b) pair inside it, and the gold yields a label for
every pair of our sentences. Scoring (PROVENANCE.md): micro-averaged
precision against sure + possible pairs, recall against sure pairs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from ..core import analyse_article
from ..models import Article, Source
from .data import DataMissingError, require

GOLD_DIR = "alignment_gold/basil"
ARTICLES_FILE = "news_multisource/basil/basil_articles.jsonl"
#: Outlet pairings in the order the report prints them (the gold's file names end in them).
PAIRINGS = ("fox-nyt", "fox-hpo", "nyt-hpo")

#: Labels of a pair of our sentences in :attr:`GoldPair.labels`.
NEGATIVE, POSSIBLE, SURE = 0, 1, 2


@dataclass(frozen=True)
class GoldSentences:
    """One article as the gold numbers it: BASIL's own sentences and their paragraphs."""

    texts: tuple[str, ...]
    paragraphs: tuple[int, ...]

    def context(self, index: int) -> list[tuple[int, str]]:
        """The gold sentence before ``index`` when it is in the same paragraph (where a claim's source often is)."""
        if index and self.paragraphs[index - 1] == self.paragraphs[index]:
            return [(index - 1, self.texts[index - 1])]
        return []


@dataclass(frozen=True)
class SureLabel:
    """A reader's label of a sure pair: ``same`` or ``differs``, and whether both sides cannot be true."""

    a: int
    b: int
    label: str
    conflict: bool


@dataclass(frozen=True)
class GoldPair:
    """One annotated article pair, with both articles analysed by the tool."""

    name: str
    pairing: str
    left: Article
    right: Article
    #: for each compared sentence of each side (statement position), the gold sentence indices it overlaps
    left_gold: tuple[tuple[int, ...], ...]
    right_gold: tuple[tuple[int, ...], ...]
    sure: frozenset[tuple[int, int]]
    possible: frozenset[tuple[int, int]]
    #: the gold's own sentences of each article
    gold_left: GoldSentences
    gold_right: GoldSentences
    #: the readers' labels of the sure pairs, in the gold file's order
    sure_labels: tuple[SureLabel, ...]

    @property
    def left_texts(self) -> list[str]:
        return [self.left.sentences[i].text for i in self.left.statement_ids]

    @property
    def right_texts(self) -> list[str]:
        return [self.right.sentences[i].text for i in self.right.statement_ids]

    @cached_property
    def labels(self) -> np.ndarray:
        """(left, right statements) int8: SURE when a gold pair they cover is sure, else POSSIBLE or NEGATIVE."""
        labels = np.zeros((len(self.left_gold), len(self.right_gold)), dtype=np.int8)
        for i, lefts in enumerate(self.left_gold):
            for j, rights in enumerate(self.right_gold):
                cells = {(a, b) for a in lefts for b in rights}
                if cells & self.sure:
                    labels[i, j] = SURE
                elif cells & self.possible:
                    labels[i, j] = POSSIBLE
        return labels

    def gold_pairs(self, groups: Iterable[tuple[Sequence[int], Sequence[int]]]) -> set[tuple[int, int]]:
        """The gold (a, b) sentence pairs that groups of statement positions put side by side."""
        return {(a, b) for left, right in groups for i in left for j in right
                for a in self.left_gold[i] for b in self.right_gold[j]}


@dataclass(frozen=True)
class AlignmentCounts:
    """Micro counts: predicted pairs, those in sure + possible, sure pairs found, sure pairs."""

    predicted: int = 0
    correct: int = 0
    found: int = 0
    sure: int = 0

    def __add__(self, other: AlignmentCounts) -> AlignmentCounts:
        return AlignmentCounts(self.predicted + other.predicted, self.correct + other.correct,
                               self.found + other.found, self.sure + other.sure)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.sure if self.sure else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def count_pairs(pair: GoldPair, groups: Iterable[tuple[Sequence[int], Sequence[int]]]) -> AlignmentCounts:
    """Score groups of statement positions against one gold pair."""
    predicted = pair.gold_pairs(groups)
    return AlignmentCounts(predicted=len(predicted), correct=len(predicted & (pair.sure | pair.possible)),
                           found=len(predicted & pair.sure), sure=len(pair.sure))


def article_text(sentences: Sequence[dict[str, object]]) -> tuple[str, list[tuple[int, int]]]:
    """The text of a BASIL article as PROVENANCE.md builds it, and each gold sentence's offsets in it."""
    paragraphs: dict[int, list[str]] = {}
    for sentence in sentences:
        paragraphs.setdefault(int(str(sentence["para_idx"])), []).append(str(sentence["text"]))
    text = "\n\n".join(" ".join(paragraphs[k]) for k in sorted(paragraphs))
    spans, offset = [], 0
    for sentence in sentences:
        start = text.index(str(sentence["text"]), offset)
        offset = start + len(str(sentence["text"]))
        spans.append((start, offset))
    return text, spans


def _overlaps(article: Article, spans: list[tuple[int, int]]) -> tuple[tuple[int, ...], ...]:
    sentences = [article.sentences[i] for i in article.statement_ids]
    return tuple(tuple(k for k, (start, end) in enumerate(spans) if start < s.end and s.start < end)
                 for s in sentences)


def load_basil_gold(data_dir: Path) -> list[GoldPair]:
    """The 30 gold pairs, sorted by file name, each article analysed by the tool."""
    folder = data_dir / GOLD_DIR
    files = sorted(folder.glob("*.json"))
    if not files:
        msg = f"{folder}: no gold files (evaluation data folder: {data_dir})"
        raise DataMissingError(msg)
    with require(data_dir, ARTICLES_FILE).open(encoding="utf-8") as lines:
        articles = {row["article_id"]: row for row in map(json.loads, lines) if row}
    pairs = []
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        sides = []
        for key in ("a_article_id", "b_article_id"):
            sentences = articles[gold[key]]["sentences"]
            text, spans = article_text(sentences)
            article = analyse_article(Source(text=text, name=gold[key]))
            ordered = sorted(sentences, key=lambda s: int(s["sent_idx"]))
            numbered = GoldSentences(tuple(str(s["text"]) for s in ordered), tuple(int(s["para_idx"]) for s in ordered))
            sides.append((article, _overlaps(article, spans), numbered))
        pairs.append(GoldPair(
            name=path.stem,
            pairing="-".join(path.stem.split("_")[-2:]),
            left=sides[0][0], right=sides[1][0], left_gold=sides[0][1], right_gold=sides[1][1],
            sure=frozenset((s["a"], s["b"]) for s in gold["sure"]),
            possible=frozenset((s["a"], s["b"]) for s in gold["possible"]),
            gold_left=sides[0][2], gold_right=sides[1][2],
            sure_labels=tuple(SureLabel(s["a"], s["b"], s["label"], bool(s.get("conflict"))) for s in gold["sure"]),
        ))
    return pairs
