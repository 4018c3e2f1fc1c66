"""ECB+ whole-document sentence alignment.

Each same-subtopic document pair goes through the tool as two whole articles
(its sentences one per line, so that our segmenter and cleaner do their real
work). Our sentences are mapped back to ECB+ sentence ids by offset, every
aligned group yields its (left, right) sentence pairs, and the pairs are scored
against the labelled universe of selected-sentence pairs:

- *loose*: gold = the two sentences mention a common event chain (the dataset's label);
- *strict*: gold = a common event chain and chain Jaccard >= 0.5, the
  near-paraphrase subset the data's provenance notes recommend; pairs that share
  an event chain with a lower Jaccard are left out of the strict universe.

Unmatched selected sentences are also scored against the gold "no partner"
lists, as the detection of statements only one source makes.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..alignment import StatementAligner
from ..core import analyse_article
from ..models import Article, Source
from ..options import CompareOptions
from .data import EcbDocPair, EcbDocument, load_ecbplus_doc_pairs, load_ecbplus_documents, load_ecbplus_universe
from .metrics import BinaryScores

# Chain Jaccard from which a gold pair counts as the same statement (strict variant).
STRICT_JACCARD = 0.5


@dataclass(frozen=True)
class EcbResult:
    topics: str
    doc_pairs: int
    loose: BinaryScores
    strict: BinaryScores
    one_sided: BinaryScores
    unjudged_pairs: int


def document_article(document: EcbDocument) -> tuple[Article, list[int]]:
    """The document as the tool reads it, and the ECB+ sentence id of each of our sentences."""
    text = "\n".join(document.sentences) + "\n"
    starts, offset = [], 0
    for sentence in document.sentences:
        starts.append(offset)
        offset += len(sentence) + 1
    article = analyse_article(Source(text=text, name=document.doc_id))
    ids = [document.sentence_ids[bisect.bisect_right(starts, s.start) - 1] for s in article.sentences]
    return article, ids


def _statements(article: Article) -> list[str]:
    return [article.sentences[i].text for i in article.statement_ids]


def predicted_pairs(left: tuple[Article, list[int]], right: tuple[Article, list[int]],
                    groups: Iterable[tuple[tuple[int, ...], tuple[int, ...]]]) -> set[tuple[int, int]]:
    """ECB+ (sent_a, sent_b) pairs implied by groups of statement positions."""
    (left_article, left_ids), (right_article, right_ids) = left, right
    pairs = set()
    for left_positions, right_positions in groups:
        for i in left_positions:
            for j in right_positions:
                pairs.add((left_ids[left_article.statement_ids[i]], right_ids[right_article.statement_ids[j]]))
    return pairs


@dataclass
class _Tally:
    loose: list[int]
    strict: list[int]
    one_sided: list[int]
    unjudged: int = 0

    @classmethod
    def empty(cls) -> _Tally:
        return cls([0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0])

    def add(self, other: _Tally) -> None:
        for mine, theirs in ((self.loose, other.loose), (self.strict, other.strict),
                             (self.one_sided, other.one_sided)):
            for k in range(4):
                mine[k] += theirs[k]
        self.unjudged += other.unjudged


def _score_pair(predicted: set[tuple[int, int]], pair: EcbDocPair, documents: dict[str, EcbDocument],
                universe: dict[tuple[str, int, str, int], tuple[int, float]],
                aligned: tuple[set[int], set[int]]) -> _Tally:
    tally = _Tally.empty()
    left_doc, right_doc = documents[pair.left], documents[pair.right]
    has_partner: tuple[set[int], set[int]] = (set(), set())
    for a in sorted(left_doc.selected):
        for b in sorted(right_doc.selected):
            label, jaccard = universe.get((pair.left, a, pair.right, b), (0, 0.0))
            hit = (a, b) in predicted
            if label:
                has_partner[0].add(a)
                has_partner[1].add(b)
            _count(tally.loose, hit, bool(label))
            if not label or jaccard >= STRICT_JACCARD:
                _count(tally.strict, hit, bool(label))
    tally.unjudged = sum(1 for a, b in predicted if a not in left_doc.selected or b not in right_doc.selected)
    for side, document in enumerate((left_doc, right_doc)):
        for sentence in document.selected:
            _count(tally.one_sided, sentence not in aligned[side], sentence not in has_partner[side])
    return tally


def _count(cells: list[int], predicted: bool, gold: bool) -> None:
    cells[(0 if gold else 1) if predicted else (2 if gold else 3)] += 1


def _scores(cells: list[int]) -> BinaryScores:
    return BinaryScores(*cells)


@lru_cache(maxsize=2)
def _documents(data_dir: Path) -> dict[str, EcbDocument]:
    return load_ecbplus_documents(data_dir)


@lru_cache(maxsize=2)
def _universe(data_dir: Path, topics: range) -> dict[tuple[str, int, str, int], tuple[int, float]]:
    return load_ecbplus_universe(data_dir, topics)


def _evaluate_chunk(args: tuple[Path, range, list[EcbDocPair], list[CompareOptions]]) -> list[_Tally]:
    data_dir, topics, pairs, settings = args
    documents = _documents(data_dir)
    universe = _universe(data_dir, topics)
    articles: dict[str, tuple[Article, list[int]]] = {}
    tallies = [_Tally.empty() for _ in settings]
    for pair in pairs:
        for doc_id in (pair.left, pair.right):
            if doc_id not in articles:
                articles[doc_id] = document_article(documents[doc_id])
        left, right = articles[pair.left], articles[pair.right]
        aligner = StatementAligner(_statements(left[0]), _statements(right[0]))
        for tally, options in zip(tallies, settings, strict=True):
            groups = [(g.left, g.right) for g in aligner.align(options)]
            predicted = predicted_pairs(left, right, groups)
            aligned = ({a for a, _ in predicted}, {b for _, b in predicted})
            tally.add(_score_pair(predicted, pair, documents, universe, aligned))
    return tallies


def _run(data_dir: Path, topics: range, settings: list[CompareOptions], workers: int) -> list[_Tally]:
    pairs = load_ecbplus_doc_pairs(data_dir, topics)
    # Chunks by subtopic keep each worker's document cache useful.
    by_subtopic: dict[str, list[EcbDocPair]] = {}
    for pair in pairs:
        by_subtopic.setdefault(pair.subtopic, []).append(pair)
    chunks = [(data_dir, topics, chunk, settings) for chunk in by_subtopic.values()]
    totals = [_Tally.empty() for _ in settings]
    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            results: Iterator[list[_Tally]] = pool.map(_evaluate_chunk, chunks)
            for tallies in results:
                for total, tally in zip(totals, tallies, strict=True):
                    total.add(tally)
    else:
        for chunk in chunks:
            for total, tally in zip(totals, _evaluate_chunk(chunk), strict=True):
                total.add(tally)
    return totals


def evaluate_ecbplus(data_dir: Path, topics: range, options: CompareOptions | None = None,
                     workers: int = 1) -> EcbResult:
    """Whole-document alignment scores over the labelled universe of the given topics."""
    (tally,) = _run(data_dir, topics, [options or CompareOptions()], workers)
    return EcbResult(
        topics=f"{topics.start}-{topics.stop - 1}",
        doc_pairs=len(load_ecbplus_doc_pairs(data_dir, topics)),
        loose=_scores(tally.loose), strict=_scores(tally.strict), one_sided=_scores(tally.one_sided),
        unjudged_pairs=tally.unjudged,
    )


def one_to_one_recall_ceiling(data_dir: Path, topics: range, *, strict: bool) -> float:
    """The best recall any one-to-one alignment could reach on the gold of ``topics``.

    The gold links a sentence to every sentence of the other document that
    mentions the same event, so a one-to-one aligner cannot recover all of it;
    this is the size of a maximum matching over the gold pairs, per document
    pair, over the number of gold pairs.
    """
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import maximum_bipartite_matching

    by_pair: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for (left, a, right, b), (label, jaccard) in _universe(data_dir, topics).items():
        if label and (not strict or jaccard >= STRICT_JACCARD):
            by_pair.setdefault((left, right), []).append((a, b))
    matched = total = 0
    for pairs in by_pair.values():
        rows = {a: i for i, a in enumerate(sorted({a for a, _ in pairs}))}
        cols = {b: j for j, b in enumerate(sorted({b for _, b in pairs}))}
        graph = csr_matrix(([1] * len(pairs), ([rows[a] for a, _ in pairs], [cols[b] for _, b in pairs])),
                           shape=(len(rows), len(cols)))
        matched += int((maximum_bipartite_matching(graph, perm_type="column") >= 0).sum())
        total += len(pairs)
    return matched / total if total else 0.0
