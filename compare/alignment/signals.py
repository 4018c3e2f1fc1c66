"""The signals of the alignment model: what says a reader would put two sentences side by side.

Every signal is a number per (left, right) statement pair, computed for whole
blocks of the left x right matrix at once (sparse products and elementwise
arithmetic, no Python loop over pairs), and every one is symmetric: swapping
the two articles transposes it. They come in three sorts:

- *pair* signals, from the two sentences alone: the same-statement features
  of :mod:`compare.similarity.features` (all but the fuzzy ratio), shared rare words,
  names, numbers and quoted words, lengths;
- *article-pair* signals, which subtract what the two whole articles share:
  word and character TF-IDF cosines after removing the mean vector of all the
  statements of both (the event's main actors are in every sentence, and
  sharing them is no evidence), and the IDF itself, fitted on the two articles;
- *context* signals: relative position in the two articles, and whether the
  diagonal neighbours also match (stories told in the same order), from the
  whole matrix of a base similarity (the mean of the two centred cosines).

Left out because the nested cross-validation on the BASIL gold said they do
not pay (``python -m compare.evaluation.fit_alignment --ablation``; F1 with /
without): the pair's rank and margin in its row and column (0.579 / 0.588),
then the MRPC model's logit (0.588 / 0.590) and the RapidFuzz ratio (0.590 /
0.591), the last two being the costliest signals to compute.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np
import scipy.sparse as sp

from ..similarity.features import (
    BLOCK_KINDS,
    SET_KINDS,
    EncodedSentences,
    SentenceEncoder,
    block_products,
    feature_block,
)
from ..similarity.features import FEATURE_NAMES as SAME_FEATURES

_FUZZY = SAME_FEATURES.index("fuzz_ratio")
_LEXICAL = tuple(name for name in SAME_FEATURES if name != "fuzz_ratio")

#: The alignment signals, in the order of the arrays this module returns.
SIGNAL_NAMES: tuple[str, ...] = (
    *_LEXICAL,                # 14 same-statement features (see compare.similarity.features)
    "word_centred",           # word TF-IDF cosine after subtracting the mean of both articles' statements
    "char_centred",           # the same for character n-grams
    "shared_rare",            # log(1 + sum of IDF of the content stems both share), IDF from the two articles
    "rare_cover_min",         # IDF of shared content stems / IDF of the content of the wordier sentence
    "rare_cover_max",         # the same over the sentence with less content: how much of it the other covers
    "content_cosine",         # cosine of IDF-weighted content stem sets
    "names_rare",             # log(1 + sum of IDF of the names both carry)
    "shared_names",           # log(1 + names both sentences carry)
    "shared_numbers",         # log(1 + numbers both carry)
    "shared_quoted",          # log(1 + content stems both put inside quotation marks)
    "position_gap",           # |relative position left - relative position right|, positions in (0, 1)
    "position_mean",          # mean of the two relative positions: leads are told by both
    "diagonal",               # base similarity of the best diagonal neighbour (i-1, j-1) or (i+1, j+1)
)
PAIR_SIGNALS = SIGNAL_NAMES[: SIGNAL_NAMES.index("position_gap")]
CONTEXT_SIGNALS = SIGNAL_NAMES[len(PAIR_SIGNALS):]

# Cells computed at once: bounds memory at about 4 bytes x 40 arrays x BLOCK_CELLS.
BLOCK_CELLS = 500_000

_KIND = {kind: index for index, kind in enumerate(BLOCK_KINDS)}


class PairSignals:
    """Two lists of statements analysed once; signals of every left x right pair on demand.

    The TF-IDF and IDF weights are fitted on the statements of both articles.
    """

    def __init__(self, left: Sequence[str], right: Sequence[str]) -> None:
        self.shape = (len(left), len(right))
        self.encoder = SentenceEncoder([*left, *right])
        self.left = self.encoder.encode_rows(slice(0, len(left)))
        self.right = self.encoder.encode_rows(slice(len(left), None))
        both = sp.vstack([self.left.matrix, self.right.matrix], format="csr")
        # The mean statement vector of each TF-IDF kind, and each row's product with it.
        self._mean_dot: dict[str, tuple[np.ndarray, np.ndarray, float]] = {}
        for kind in ("words", "chars"):
            block = _kind_block(both, self.left, kind)
            mean = np.asarray(block.mean(axis=0)).ravel()
            dots = block @ mean
            self._mean_dot[kind] = (dots[: len(left)], dots[len(left):], float(mean @ mean))
        # IDF of content stems over both articles' statements (scikit-learn's smooth IDF).
        content = _kind_block(both, self.left, "content")
        frequency = np.bincount(content.indices, minlength=content.shape[1])
        idf = (np.log((1 + content.shape[0]) / (1 + frequency)) + 1).astype(np.float32)
        self._rare_left = (content[: len(left)] @ sp.diags(idf)).tocsr()
        self._rare_right_t = content[len(left):].T.tocsr()
        self._rare_totals = (np.asarray(self._rare_left.sum(axis=1)).ravel(),
                             np.asarray((content[len(left):] @ sp.diags(idf)).sum(axis=1)).ravel())
        weighted = (content @ sp.diags(idf)).tocsr()
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        norms[norms == 0] = 1
        weighted = (sp.diags(1 / norms) @ weighted).tocsr()
        self._content_left, self._content_right_t = weighted[: len(left)], weighted[len(left):].T.tocsr()
        names = _kind_block(both, self.left, "names")
        name_frequency = np.bincount(names.indices, minlength=names.shape[1])
        name_idf = (np.log((1 + names.shape[0]) / (1 + name_frequency)) + 1).astype(np.float32)
        self._names_left = (names[: len(left)] @ sp.diags(name_idf)).tocsr()
        self._names_right_t = names[len(left):].T.tocsr()
        self.positions = tuple((np.arange(size, dtype=np.float32) + 0.5) / max(size, 1) for size in self.shape)
        # Each processed text's first occurrence: equal ids, texts identical after normalisation.
        first: dict[str, int] = {}
        text_ids = np.array([first.setdefault(text, len(first)) for text in self.encoder.processed_])
        self.text_ids = (text_ids[: len(left)], text_ids[len(left):])

    def pair_blocks(self) -> Iterator[tuple[slice, np.ndarray]]:
        """(rows, pair signals of those rows x every right statement), shape (len(PAIR_SIGNALS), rows, n)."""
        m, n = self.shape
        step = max(1, BLOCK_CELLS // max(1, n))
        for start in range(0, m, step):
            rows = slice(start, min(m, start + step))
            yield rows, self._pair_block(rows)

    def _pair_block(self, rows: slice) -> np.ndarray:
        products = block_products(self.left, self.right, rows)
        same = feature_block(self.left, self.right, rows, products, fuzzy=False)
        out = np.empty((len(PAIR_SIGNALS), same.shape[1], same.shape[2]), dtype=np.float32)
        out[:_FUZZY] = same[:_FUZZY]
        out[_FUZZY : len(_LEXICAL)] = same[_FUZZY + 1 :]
        column = {name: out[index] for index, name in enumerate(PAIR_SIGNALS)}
        for kind, name in (("words", "word_centred"), ("chars", "char_centred")):
            left_dot, right_dot, mean_norm = self._mean_dot[kind]
            a, b = left_dot[rows, None], right_dot[None, :]
            norm = np.sqrt(np.maximum((1 - 2 * a + mean_norm) * (1 - 2 * b + mean_norm), 1e-12))
            column[name][...] = (products[_KIND[kind]] - a - b + mean_norm) / norm
        shared_rare = (self._rare_left[rows] @ self._rare_right_t).toarray()
        column["shared_rare"][...] = np.log1p(shared_rare)
        left_total, right_total = self._rare_totals[0][rows, None], self._rare_totals[1][None, :]
        for name, pick in (("rare_cover_min", np.maximum), ("rare_cover_max", np.minimum)):
            total = pick(left_total, right_total)
            column[name][...] = np.divide(shared_rare, total, out=np.zeros_like(shared_rare), where=total > 0)
        column["content_cosine"][...] = (self._content_left[rows] @ self._content_right_t).toarray()
        column["names_rare"][...] = np.log1p((self._names_left[rows] @ self._names_right_t).toarray())
        for kind in ("names", "numbers", "quoted"):
            np.log1p(products[len(BLOCK_KINDS) - len(SET_KINDS) + SET_KINDS.index(kind)], out=column[f"shared_{kind}"])
        return out

    def identical(self, rows: slice) -> np.ndarray:
        """Boolean (rows, n): the pairs whose texts are identical after normalisation."""
        return self.text_ids[0][rows, None] == self.text_ids[1][None, :]

    def context(self, base: np.ndarray) -> np.ndarray:
        """Context signals from the full (m, n) base similarity, shape (len(CONTEXT_SIGNALS), m, n)."""
        m, n = self.shape
        out = np.empty((len(CONTEXT_SIGNALS), m, n), dtype=np.float32)
        column = {name: out[index] for index, name in enumerate(CONTEXT_SIGNALS)}
        left_position, right_position = self.positions[0][:, None], self.positions[1][None, :]
        np.abs(left_position - right_position, out=column["position_gap"])
        column["position_mean"][...] = (left_position + right_position) / 2
        diagonal = column["diagonal"]
        diagonal.fill(0.0)
        if m > 1 and n > 1:
            diagonal[1:, 1:] = base[:-1, :-1]
            np.maximum(diagonal[:-1, :-1], base[1:, 1:], out=diagonal[:-1, :-1])
        return out

    def matrix(self) -> np.ndarray:
        """Every signal of every pair, shape (len(SIGNAL_NAMES), m, n): for fitting, on article-sized inputs."""
        m, n = self.shape
        pair = np.empty((len(PAIR_SIGNALS), m, n), dtype=np.float32)
        for rows, block in self.pair_blocks():
            pair[:, rows] = block
        return np.concatenate([pair, self.context(base_similarity(pair))])


def base_similarity(pair: np.ndarray) -> np.ndarray:
    """The similarity the context signals rank: the mean of the two centred cosines."""
    return (pair[PAIR_SIGNALS.index("word_centred")] + pair[PAIR_SIGNALS.index("char_centred")]) / 2


def _kind_block(stacked: sp.csr_matrix, encoded: EncodedSentences, kind: str) -> sp.csr_matrix:
    columns = np.flatnonzero(encoded.column_kind == _KIND[kind])
    if not len(columns):
        return sp.csr_matrix((stacked.shape[0], 0), dtype=np.float32)
    return stacked[:, columns[0] : columns[-1] + 1].tocsr()
