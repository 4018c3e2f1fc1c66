"""Pairwise similarity features between sentences, computed without Python loops over pairs.

Sentences are analysed once into sparse count and set matrices. Every feature
is symmetric (swapping the two sentences gives the same value) and is computed
either for a block of the full left x right matrix (sparse matrix products and
``rapidfuzz.process.cdist``) or for a list of chosen pairs (row-wise products
and ``rapidfuzz.process.cpdist``), through the same formulas. A group of
sentences is encoded by adding its members' rows, so scoring a candidate group
costs a sparse product, not a new analysis.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, pairwise

import numpy as np
import scipy.sparse as sp
from rapidfuzz import fuzz, process
from sklearn.feature_extraction.text import TfidfTransformer

from .lexicon import classes_of
from .text import STOP_WORDS, fuzzy_process, normalize, number_value, stem, tokenize

#: Names of the features, in the order of the arrays this module returns.
FEATURE_NAMES: tuple[str, ...] = (
    "word_cosine",            # TF-IDF cosine over word stems and stem bigrams
    "char_cosine",            # TF-IDF cosine over character 3-5-grams inside words
    "fuzz_ratio",             # rapidfuzz ratio (normalised Indel similarity) of the processed texts
    "token_overlap_min",      # shared stems / stems of the longer sentence
    "token_overlap_max",      # shared stems / stems of the shorter sentence
    "bigram_overlap_min",     # shared stem bigrams / bigrams of the longer sentence
    "fourgram_overlap_max",   # shared stem 4-grams / 4-grams of the shorter sentence (copied passages)
    "content_unmatched_min",  # log(1 + content stems only one sentence has), smaller side
    "content_unmatched_max",  # the same, larger side
    "name_dice",              # Dice overlap of capitalised words (names), 1 when neither has any
    "names_unmatched",        # log(1 + names only one side has)
    "number_dice",            # Dice overlap of numbers, 1 when neither has any
    "numbers_unmatched",      # log(1 + numbers only one side has)
    "length_max",             # log(1 + tokens of the longer sentence)
    "length_ratio",           # tokens of the shorter / tokens of the longer sentence
)

# Word n-grams for the TF-IDF cosine, and character n-grams (inside word
# boundaries, as scikit-learn's "char_wb") for the spelling-tolerant one.
WORD_NGRAM_RANGE = (1, 2)
CHAR_NGRAM_RANGE = (3, 5)

SET_KINDS = ("tokens", "bigrams", "fourgrams", "content", "names", "numbers")
_COUNT_KINDS = ("words", "chars")


@lru_cache(maxsize=131072)
def _char_ngrams(word: str) -> tuple[str, ...]:
    """Character n-grams of one space-padded word, as scikit-learn's char_wb analyzer makes them."""
    low, high = CHAR_NGRAM_RANGE
    padded = f" {word} "
    grams = []
    for n in range(low, high + 1):
        if len(padded) <= n:  # a short word gives itself once, and no longer n-grams
            grams.append(padded)
            break
        grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return tuple(grams)


def _items(text: str) -> tuple[dict[str, list[str]], str, int]:
    """Everything a sentence contributes: countable items, sets, processed text and length."""
    normalized = normalize(text)
    words = tokenize(normalized, normalized=True)
    lower = [w.lower() for w in words]
    stems = [stem(w) for w in lower]
    processed = fuzzy_process(normalized, normalized=True)
    low, high = WORD_NGRAM_RANGE
    # Near-synonym classes ("~die" for killed, dead, casualties) count as extra
    # words, so that two tellings in different words still share something.
    classes = classes_of(lower)
    items = {
        "words": [" ".join(stems[i : i + n]) for n in range(low, high + 1) for i in range(len(stems) - n + 1)]
                 + classes,
        "chars": [gram for word in processed.split() for gram in _char_ngrams(word)],
        "tokens": stems + classes,
        "bigrams": [" ".join(g) for g in pairwise(stems)],
        "fourgrams": [" ".join(g) for g in zip(stems, stems[1:], stems[2:], stems[3:], strict=False)],
        "content": [s for w, s in zip(lower, stems, strict=True) if w not in STOP_WORDS] + classes,
        # A capitalised word after the first is a name or part of one; the first
        # word of a sentence is capitalised whatever it is.
        "names": [s for i, (w, s) in enumerate(zip(words, stems, strict=True))
                  if i and w[0].isupper() and w.lower() not in STOP_WORDS],
        "numbers": [v for v in map(number_value, words) if v is not None],
    }
    return items, processed, len(stems)


def _count_matrix(rows: list[list[str]]) -> sp.csr_matrix:
    """Counts of each item per row; columns are the distinct items in first-seen order."""
    flat = list(chain.from_iterable(rows))
    vocabulary = {item: column for column, item in enumerate(dict.fromkeys(flat))}
    indices = np.fromiter(map(vocabulary.__getitem__, flat), dtype=np.int32, count=len(flat))
    indptr = np.zeros(len(rows) + 1, dtype=np.int32)
    np.cumsum([len(row) for row in rows], out=indptr[1:])
    data = np.ones(len(flat), dtype=np.float32)
    matrix = sp.csr_matrix((data, indices, indptr), shape=(len(rows), len(vocabulary)))
    matrix.sum_duplicates()
    return matrix


@dataclass(frozen=True)
class EncodedSentences:
    """Sentences (or groups of sentences) as the vectors and strings that features compare."""

    word_tfidf: sp.csr_matrix
    char_tfidf: sp.csr_matrix
    sets: dict[str, sp.csr_matrix]  # binary: item present in the sentence
    sizes: dict[str, np.ndarray]    # distinct items per sentence
    processed: list[str]
    lengths: np.ndarray

    def __len__(self) -> int:
        return len(self.processed)


class SentenceEncoder:
    """Analyses a collection of sentences once and encodes them, or groups of them, for scoring.

    The TF-IDF weights are fitted on the collection, normally every statement of
    both articles, so that a word both reports repeat throughout (the event's
    place, its main actor) weighs less than a detail only some sentences carry.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        analysed = [_items(text) for text in texts]
        self.counts_ = {kind: _count_matrix([a[0][kind] for a in analysed]) for kind in (*_COUNT_KINDS, *SET_KINDS)}
        # scikit-learn fits the IDF weights; applying them is a sparse scaling
        # done in _tfidf, without the per-call input checks of transform().
        self.idf_ = {kind: TfidfTransformer(sublinear_tf=True).fit(self.counts_[kind]).idf_.astype(np.float32)
                     for kind in _COUNT_KINDS}
        self.processed_ = [a[1] for a in analysed]
        self.lengths_ = np.array([a[2] for a in analysed], dtype=np.float32)

    def __len__(self) -> int:
        return len(self.processed_)

    def encode_rows(self, rows: slice) -> EncodedSentences:
        """The encoding of a contiguous range of the fitted sentences."""
        return self._encode({kind: counts[rows] for kind, counts in self.counts_.items()},
                            self.processed_[rows], self.lengths_[rows])

    def encode_groups(self, groups: Sequence[Sequence[int]]) -> EncodedSentences:
        """The encoding of groups of fitted sentences, each read as its members joined in order.

        Word bigrams and 4-grams that would straddle two members are not
        counted; everything else is what encoding the joined text would give.
        """
        columns = [index for group in groups for index in group]
        pointers = np.cumsum([0, *map(len, groups)])
        membership = sp.csr_matrix(
            (np.ones(len(columns), dtype=np.float32), columns, pointers), shape=(len(groups), len(self))
        )
        counts = {kind: (membership @ matrix).tocsr() for kind, matrix in self.counts_.items()}
        processed = [" ".join(self.processed_[i] for i in group) for group in groups]
        lengths = np.array([sum(self.lengths_[i] for i in group) for group in groups], dtype=np.float32)
        return self._encode(counts, processed, lengths)

    def _encode(self, counts: dict[str, sp.csr_matrix], processed: list[str],
                lengths: np.ndarray) -> EncodedSentences:
        sets = {}
        for kind in SET_KINDS:
            binary = counts[kind].copy()
            binary.data[:] = 1.0
            sets[kind] = binary
        return EncodedSentences(
            word_tfidf=self._tfidf(counts["words"], "words"),
            char_tfidf=self._tfidf(counts["chars"], "chars"),
            sets=sets,
            sizes={kind: np.diff(matrix.indptr).astype(np.float32) for kind, matrix in sets.items()},
            processed=processed,
            lengths=lengths,
        )


    def _tfidf(self, counts: sp.csr_matrix, kind: str) -> sp.csr_matrix:
        """Sublinear TF x IDF, rows scaled to unit length: what TfidfTransformer.transform gives."""
        weighted = counts.astype(np.float32, copy=True).tocsr()
        weighted.data = (1.0 + np.log(weighted.data)) * self.idf_[kind][weighted.indices]
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        weighted.data /= np.repeat(norms, np.diff(weighted.indptr)).astype(np.float32)
        return weighted


def feature_block(left: EncodedSentences, right: EncodedSentences, rows: slice) -> np.ndarray:
    """Features of every pair (left[rows], right[:]), shape (features, rows, len(right))."""
    def product(a: sp.csr_matrix, b: sp.csr_matrix) -> np.ndarray:
        return np.asarray((a[rows] @ b.T).toarray(), dtype=np.float32)

    base = {
        "word_cosine": product(left.word_tfidf, right.word_tfidf),
        "char_cosine": product(left.char_tfidf, right.char_tfidf),
        "fuzz_ratio": process.cdist(left.processed[rows], right.processed, scorer=fuzz.ratio,
                                    dtype=np.float32, workers=-1) / 100.0,
    }
    shared = {kind: product(left.sets[kind], right.sets[kind]) for kind in SET_KINDS}
    left_sizes = {kind: left.sizes[kind][rows, None] for kind in SET_KINDS}
    right_sizes = {kind: right.sizes[kind][None, :] for kind in SET_KINDS}
    return _combine(base, shared, left_sizes, right_sizes, left.lengths[rows, None], right.lengths[None, :])


def feature_pairs(left: EncodedSentences, right: EncodedSentences,
                  left_index: np.ndarray | None = None, right_index: np.ndarray | None = None) -> np.ndarray:
    """Features of the pairs (left[left_index[k]], right[right_index[k]]), shape (features, k).

    Without indexes, pairs row k of ``left`` with row k of ``right``.
    """
    if left_index is None or right_index is None:
        left_index = right_index = np.arange(len(left))
        if len(right) != len(left):
            msg = "pairing rows needs as many left as right sentences"
            raise ValueError(msg)
        rows_of = lambda matrix: matrix  # noqa: E731
    else:
        rows_of = None

    def product(a: sp.csr_matrix, b: sp.csr_matrix) -> np.ndarray:
        if rows_of is not None:
            return np.asarray(a.multiply(b).sum(axis=1), dtype=np.float32).ravel()
        return np.asarray(a[left_index].multiply(b[right_index]).sum(axis=1), dtype=np.float32).ravel()

    base = {
        "word_cosine": product(left.word_tfidf, right.word_tfidf),
        "char_cosine": product(left.char_tfidf, right.char_tfidf),
        "fuzz_ratio": process.cpdist([left.processed[i] for i in left_index],
                                     [right.processed[j] for j in right_index],
                                     scorer=fuzz.ratio, dtype=np.float32, workers=-1) / 100.0,
    }
    shared = {kind: product(left.sets[kind], right.sets[kind]) for kind in SET_KINDS}
    left_sizes = {kind: left.sizes[kind][left_index] for kind in SET_KINDS}
    right_sizes = {kind: right.sizes[kind][right_index] for kind in SET_KINDS}
    return _combine(base, shared, left_sizes, right_sizes, left.lengths[left_index], right.lengths[right_index])


def _combine(base: dict[str, np.ndarray], shared: dict[str, np.ndarray],
             left_sizes: dict[str, np.ndarray], right_sizes: dict[str, np.ndarray],
             left_length: np.ndarray, right_length: np.ndarray) -> np.ndarray:
    """Turn shared-item counts and set sizes into the features, elementwise and symmetric.

    Writes straight into one preallocated float32 array: on a 2,000 x 2,000
    comparison each feature is 16 MB, and temporaries cost more than the maths.
    """
    shape = np.broadcast_shapes(*(np.shape(v) for v in (*base.values(), *shared.values(),
                                                           left_length, right_length)))
    out = np.empty((len(FEATURE_NAMES), *shape), dtype=np.float32)
    column = {name: out[index] for index, name in enumerate(FEATURE_NAMES)}

    def ratio(name: str, numerator: np.ndarray, denominator: np.ndarray, empty: float) -> None:
        target = column[name]
        target.fill(empty)
        np.divide(numerator, denominator, out=target, where=np.broadcast_to(denominator > 0, shape))

    def unmatched(kind: str) -> tuple[np.ndarray, np.ndarray]:
        return left_sizes[kind] - shared[kind], right_sizes[kind] - shared[kind]

    for name, values in base.items():
        column[name][...] = values
    for name, kind, pick in (("token_overlap_min", "tokens", np.maximum), ("token_overlap_max", "tokens", np.minimum),
                             ("bigram_overlap_min", "bigrams", np.maximum),
                             ("fourgram_overlap_max", "fourgrams", np.minimum)):
        ratio(name, shared[kind], pick(left_sizes[kind], right_sizes[kind]), 0.0)
    for name, kind in (("name_dice", "names"), ("number_dice", "numbers")):
        ratio(name, 2 * shared[kind], left_sizes[kind] + right_sizes[kind], 1.0)
    content_left, content_right = unmatched("content")
    np.log1p(np.minimum(content_left, content_right), out=column["content_unmatched_min"])
    np.log1p(np.maximum(content_left, content_right), out=column["content_unmatched_max"])
    for name, kind in (("names_unmatched", "names"), ("numbers_unmatched", "numbers")):
        left, right = unmatched(kind)
        np.log1p(left + right, out=column[name])
    longer = np.maximum(left_length, right_length)
    np.log1p(np.broadcast_to(longer, shape), out=column["length_max"])
    ratio("length_ratio", np.minimum(left_length, right_length), longer, 1.0)
    return out
