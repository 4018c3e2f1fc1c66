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

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import chain, pairwise

import numpy as np
import scipy.sparse as sp
from rapidfuzz import fuzz, process

from ..articles.text import STOP_WORDS, fuzzy_process, normalize, number_value, stem, tokenize
from .lexicon import classes_of

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

SET_KINDS = ("tokens", "bigrams", "fourgrams", "content", "names", "numbers", "quoted")
_COUNT_KINDS = ("words", "chars")


# A quotation: between double quotes (normalised to "), or from an opening
# quote to the end of the sentence when the quotation runs on past it.
_QUOTED = re.compile(r'"([^"]+)(?:"|$)')


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
        grams += [padded[i : i + n] for i in range(len(padded) - n + 1)]
    return tuple(grams)


@lru_cache(maxsize=8192)
def _items(text: str) -> tuple[dict[str, list[str]], str, int]:
    """Everything a sentence contributes: countable items, sets, processed text and length.

    Remembered (callers only read it): a sentence compared again, in another
    comparison or as part of a group, is analysed once.
    """
    normalized = normalize(text)
    words = tokenize(normalized, normalized=True)
    lower = [w.lower() for w in words]
    stems = list(map(stem, lower))
    processed = fuzzy_process(normalized, normalized=True)
    low, high = WORD_NGRAM_RANGE
    # Near-synonym classes ("~die" for killed, dead, casualties) count as extra
    # words, so that two tellings in different words still share something.
    classes = classes_of(lower)
    bigrams = [f"{a} {b}" for a, b in pairwise(stems)]
    ngrams = {1: stems, 2: bigrams}  # the word n-grams, each n's in reading order
    items = {
        "words": [*chain.from_iterable(ngrams[n] if n in ngrams else _word_ngrams(stems, n)
                                       for n in range(low, high + 1)), *classes],
        "chars": list(chain.from_iterable(map(_char_ngrams, processed.split()))),
        "tokens": stems + classes,
        "bigrams": bigrams,
        "fourgrams": [" ".join(g) for g in zip(stems, stems[1:], stems[2:], stems[3:], strict=False)],
        "content": [s for w, s in zip(lower, stems, strict=True) if w not in STOP_WORDS] + classes,
        # A capitalised word after the first is a name or part of one; the first
        # word of a sentence is capitalised whatever it is.
        "names": [s for w, lw, s in zip(words[1:], lower[1:], stems[1:], strict=True)
                  if w[0].isupper() and lw not in STOP_WORDS],
        "numbers": [v for v in map(number_value, words) if v is not None],
        # Content stems inside quotation marks: two reports quoting the same words.
        "quoted": [stem(w.lower()) for span in _QUOTED.findall(normalized)
                   for w in tokenize(span, normalized=True) if w.lower() not in STOP_WORDS],
    }
    return items, processed, len(stems)


def processed_text(text: str) -> str:
    """The text as the fuzzy scorers read it (``fuzzy_process`` of the normalised text), from its remembered items."""
    return _items(text)[1]


def _word_ngrams(stems: list[str], n: int) -> list[str]:
    return [" ".join(stems[i : i + n]) for i in range(len(stems) - n + 1)]


def _stacked_counts(rows: list[list[list[str]]]) -> tuple[sp.csr_matrix, list[int]]:
    """Counts of each item per row, every kind's columns side by side, and each kind's number of columns.

    ``rows[r][k]`` lists the items of kind ``k`` in row ``r``. Each kind's
    columns are its distinct items in first-seen order; the matrix is the one
    stacking each kind's own count matrix would give, built in one pass.
    """
    kinds = len(rows[0]) if rows else 0
    widths: list[int] = []
    columns = []
    lengths = np.zeros((len(rows), kinds), dtype=np.int64)
    for kind in range(kinds):
        per_row = [row[kind] for row in rows]
        flat = list(chain.from_iterable(per_row))
        distinct = dict.fromkeys(flat)
        vocabulary = dict(zip(distinct, range(len(distinct)), strict=True))  # each item's column, first-seen order
        columns.append(np.fromiter(map(vocabulary.__getitem__, flat), dtype=np.int32, count=len(flat))
                       + sum(widths))
        widths.append(len(vocabulary))
        lengths[:, kind] = list(map(len, per_row))
    # Items in row order, each row's kinds in order: a stable sort by row of the kind-major lists.
    flat_columns = np.concatenate(columns) if columns else np.zeros(0, dtype=np.int32)
    row_of = np.concatenate([np.repeat(np.arange(len(rows)), lengths[:, kind]) for kind in range(kinds)]
                            ) if kinds else np.zeros(0, dtype=np.intp)
    order = np.argsort(row_of, kind="stable")
    indptr = np.zeros(len(rows) + 1, dtype=np.int32)
    np.cumsum(lengths.sum(axis=1), out=indptr[1:])
    data = np.ones(len(flat_columns), dtype=np.float32)
    matrix = sp.csr_matrix((data, flat_columns[order], indptr), shape=(len(rows), sum(widths)))
    matrix.sum_duplicates()
    return matrix, widths


def _smooth_idf(document_frequency: np.ndarray, rows: int) -> np.ndarray:
    """The IDF scikit-learn's ``TfidfTransformer`` fits on float32 counts, step for step (float32):
    ln((1 + rows) / (1 + document frequency)) + 1. Written out, so that a comparison does not import
    scikit-learn (most of the command's start-up)."""
    if not len(document_frequency):  # as scikit-learn refuses it
        msg = (f"Found array with 0 feature(s) (shape=({rows}, 0)) while a minimum of 1 is required by "
               "TfidfTransformer.")
        raise ValueError(msg)
    frequency = document_frequency.astype(np.float32)
    frequency += 1.0
    idf = np.full_like(frequency, fill_value=rows + 1, dtype=np.float32)
    idf /= frequency
    np.log(idf, out=idf)
    idf += 1.0
    return idf


@dataclass(frozen=True)
class EncodedSentences:
    """Sentences (or groups of sentences) as the vectors and strings that features compare.

    Every kind of item sits in one sparse matrix, side by side: the word and
    character TF-IDF blocks (rows of unit length each) and then the binary sets
    (item present in the sentence). One sparse operation then serves all kinds
    at once; group scoring makes many small ones, where scipy's fixed cost per
    operation, not the arithmetic, is what takes the time.
    """

    matrix: sp.csr_matrix
    column_kind: np.ndarray  # index into BLOCK_KINDS of each column
    sizes: np.ndarray        # (rows, len(SET_KINDS)): distinct items per sentence and set kind
    processed: list[str]
    lengths: np.ndarray

    def __len__(self) -> int:
        return len(self.processed)

    def block(self, kind: str) -> sp.csr_matrix:
        """One kind's columns, as a matrix of their own."""
        columns = np.flatnonzero(self.column_kind == BLOCK_KINDS.index(kind))
        return self.matrix[:, columns[0] : columns[-1] + 1] if len(columns) else sp.csr_matrix((len(self), 0))

    @cached_property
    def transposed(self) -> sp.csr_matrix:
        """The matrix transposed, in CSR: the right operand of every block product, converted once."""
        return self.matrix.T.tocsr()

    def items(self, kind: str, row: int) -> np.ndarray:
        """The columns of one kind that a row holds."""
        columns = self.matrix.indices[self.matrix.indptr[row] : self.matrix.indptr[row + 1]]
        return columns[self.column_kind[columns] == BLOCK_KINDS.index(kind)]


#: The kinds of items, in the order of their column blocks.
BLOCK_KINDS = (*_COUNT_KINDS, *SET_KINDS)


class SentenceEncoder:
    """Analyses a collection of sentences once and encodes them, or groups of them, for scoring.

    The TF-IDF weights are fitted on the collection, normally every statement of
    both articles, so that a word both reports repeat throughout (the event's
    place, its main actor) weighs less than a detail only some sentences carry.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        analysed = [_items(text) for text in texts]
        self.counts_, widths = _stacked_counts([[a[0][kind] for kind in BLOCK_KINDS] for a in analysed])
        self.column_kind_ = np.repeat(np.arange(len(BLOCK_KINDS)), widths)
        # The IDF weights of the TF-IDF kinds (scikit-learn's smooth IDF, see _smooth_idf); applying
        # them is done in _encode on the stacked matrix's data.
        starts = np.cumsum([0, *widths])
        frequency = np.bincount(self.counts_.indices, minlength=self.counts_.shape[1])
        self.idf_ = np.concatenate([
            *(_smooth_idf(frequency[starts[k] : starts[k + 1]], len(analysed)) for k in range(len(_COUNT_KINDS))),
            np.ones(sum(widths[len(_COUNT_KINDS):])),
        ]).astype(np.float32)
        self.processed_ = [a[1] for a in analysed]
        self.lengths_ = np.array([a[2] for a in analysed], dtype=np.float32)

    def __len__(self) -> int:
        return len(self.processed_)

    def encode_rows(self, rows: slice) -> EncodedSentences:
        """The encoding of a contiguous range of the fitted sentences."""
        return self._encode(self.counts_[rows], self.processed_[rows], self.lengths_[rows])

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
        processed = [" ".join(self.processed_[i] for i in group) for group in groups]
        lengths = np.array([sum(self.lengths_[i] for i in group) for group in groups], dtype=np.float32)
        return self._encode((membership @ self.counts_).tocsr(), processed, lengths)

    def _encode(self, counts: sp.csr_matrix, processed: list[str], lengths: np.ndarray) -> EncodedSentences:
        """Sublinear TF x IDF with unit rows per TF-IDF block (TfidfTransformer's output); 1 for set items."""
        matrix = counts.astype(np.float32, copy=True)
        kinds = self.column_kind_[matrix.indices]
        rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
        weighted = kinds < len(_COUNT_KINDS)
        data = matrix.data
        data[weighted] = (1.0 + np.log(data[weighted])) * self.idf_[matrix.indices[weighted]]
        data[~weighted] = 1.0
        cell = rows * len(BLOCK_KINDS) + kinds  # (row, kind) of each stored item
        cells = matrix.shape[0] * len(BLOCK_KINDS)
        norms = np.sqrt(np.bincount(cell, weights=np.square(data, dtype=np.float64), minlength=cells))
        norms[norms == 0] = 1.0
        data[weighted] /= norms[cell[weighted]].astype(np.float32)
        sizes = np.bincount(cell[~weighted], minlength=cells).reshape(-1, len(BLOCK_KINDS))
        return EncodedSentences(
            matrix=matrix,
            column_kind=self.column_kind_,
            sizes=sizes[:, len(_COUNT_KINDS):].astype(np.float32),
            processed=processed,
            lengths=lengths,
        )


def _per_kind(products: sp.csr_matrix, column_kind: np.ndarray) -> np.ndarray:
    """Row sums of a stacked matrix, per kind of item: shape (len(BLOCK_KINDS), rows)."""
    rows = np.repeat(np.arange(products.shape[0]), np.diff(products.indptr))
    sums = np.bincount(column_kind[products.indices] * products.shape[0] + rows, weights=products.data,
                       minlength=len(BLOCK_KINDS) * products.shape[0])
    return sums.reshape(len(BLOCK_KINDS), products.shape[0]).astype(np.float32)


def _split_by_kind(matrix: sp.csr_matrix, column_kind: np.ndarray) -> sp.csr_matrix:
    """Rows repeated per kind, each copy holding only that kind's items: (kinds x rows, columns).

    Multiplying this by another stacked matrix's transpose gives every kind's
    products in one sparse product, each kind meeting only its own columns.
    """
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    return sp.csr_matrix(
        (matrix.data, (column_kind[matrix.indices] * matrix.shape[0] + rows, matrix.indices)),
        shape=(len(BLOCK_KINDS) * matrix.shape[0], matrix.shape[1]),
    )


def block_products(left: EncodedSentences, right: EncodedSentences, rows: slice) -> np.ndarray:
    """Every kind's products for the pairs (left[rows], right[:]), shape (len(BLOCK_KINDS), rows, len(right)).

    For the TF-IDF kinds a product is the cosine; for the set kinds, the number
    of items the two sentences share.
    """
    block = left.matrix[rows]
    products = (_split_by_kind(block, left.column_kind) @ right.transposed).toarray()
    return products.astype(np.float32, copy=False).reshape(len(BLOCK_KINDS), block.shape[0], len(right))


def feature_block(left: EncodedSentences, right: EncodedSentences, rows: slice,
                  products: np.ndarray | None = None, *, fuzzy: bool = True) -> np.ndarray:
    """Features of every pair (left[rows], right[:]), shape (features, rows, len(right)).

    ``products`` are :func:`block_products` of the same rows, when the caller has them.
    Without ``fuzzy`` the ``fuzz_ratio`` feature is left at 0 and its cost (the
    one feature computed character by character) is saved.
    """
    if products is None:
        products = block_products(left, right, rows)
    block_rows = len(range(*rows.indices(len(left))))
    ratio = (process.cdist(left.processed[rows], right.processed, scorer=fuzz.ratio, dtype=np.float32,
                           workers=_workers(block_rows * len(right)))
             if fuzzy else np.zeros((block_rows, len(right)), dtype=np.float32))
    return _features(left, right, products, left.sizes[rows].T[:, :, None], right.sizes.T[:, None, :],
                     left.lengths[rows, None], right.lengths[None, :], ratio)


def feature_pairs(left: EncodedSentences, right: EncodedSentences,
                  left_index: np.ndarray | None = None, right_index: np.ndarray | None = None) -> np.ndarray:
    """Features of the pairs (left[left_index[k]], right[right_index[k]]), shape (features, k).

    Without indexes, pairs row k of ``left`` with row k of ``right``.
    """
    if left_index is None or right_index is None:
        if len(right) != len(left):
            msg = "pairing rows needs as many left as right sentences"
            raise ValueError(msg)
        left_index = right_index = np.arange(len(left))
        products = left.matrix.multiply(right.matrix)
    else:
        products = left.matrix[left_index].multiply(right.matrix[right_index])
    return _features(left, right, _per_kind(sp.csr_matrix(products), left.column_kind),
                     left.sizes[left_index].T, right.sizes[right_index].T,
                     left.lengths[left_index], right.lengths[right_index],
                     process.cpdist([left.processed[i] for i in left_index],
                                    [right.processed[j] for j in right_index],
                                    scorer=fuzz.ratio, dtype=np.float32, workers=_workers(len(left_index))))


# Below this many pairs RapidFuzz's thread pool costs more than it saves (0.2-2 ms a call, against
# about 10 ms for 20,000 one-sentence ratios); each ratio is the same whatever the number of workers.
PARALLEL_RATIO_PAIRS = 20_000


def _workers(pairs: int) -> int:
    """RapidFuzz ``workers``: every core for many pairs, one thread for a few."""
    return -1 if pairs >= PARALLEL_RATIO_PAIRS else 1


def _features(left: EncodedSentences, right: EncodedSentences, products: np.ndarray,
              left_sizes: np.ndarray, right_sizes: np.ndarray, left_length: np.ndarray,
              right_length: np.ndarray, fuzz_ratio: np.ndarray) -> np.ndarray:
    """Hand the per-kind products to _combine: cosines for the TF-IDF blocks, shared counts for the sets."""
    if left.column_kind is not right.column_kind:
        msg = "both sides must come from one SentenceEncoder"
        raise ValueError(msg)
    base = {"word_cosine": products[0], "char_cosine": products[1], "fuzz_ratio": fuzz_ratio / 100.0}
    count = len(_COUNT_KINDS)
    shared = {kind: products[count + k] for k, kind in enumerate(SET_KINDS)}
    return _combine(base, shared, {kind: left_sizes[k] for k, kind in enumerate(SET_KINDS)},
                    {kind: right_sizes[k] for k, kind in enumerate(SET_KINDS)}, left_length, right_length)


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
