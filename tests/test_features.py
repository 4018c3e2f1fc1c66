"""Pair features: agreement with scikit-learn, symmetry, and block/pair consistency."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from compare.articles.text import fuzzy_process, number_value, stem, tokenize
from compare.similarity.features import (
    FEATURE_NAMES,
    SET_KINDS,
    SentenceEncoder,
    _char_ngrams,
    feature_block,
    feature_pairs,
)
from compare.similarity.scoring import same_probability, score_sentence_pair

SENTENCES = [
    "Armenia appealed to the members of the U.N. Security Council for help.",
    "Armenia called for the intervention of the UN Security Council members.",
    "Baku's military action has resulted in the deaths of 25 people, including two civilians.",
    "The ombudsman reported multiple civilian casualties.",
    "Russia, which brokered a fragile ceasefire after the 2020 war, urged calm.",
]

# (id, text, expected tokens)
TOKEN_CASES = [
    ("acronym", "The U.N. and the U.S.A. met.", ["The", "U.N.", "and", "the", "U.S.A.", "met"]),
    ("numbers", "It rose 3.5% to 1,200 from twenty-five.", ["It", "rose", "3.5", "to", "1,200", "from",
                                                            "twenty-five"]),
    ("apostrophes", "Azerbaijan’s army didn't stop.", ["Azerbaijan's", "army", "didn't", "stop"]),
    ("urls-dropped", "See https://example.com/x now.", ["See", "now"]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in TOKEN_CASES], ids=[c[0] for c in TOKEN_CASES])
def test_tokenize(text: str, expected: list[str]) -> None:
    assert tokenize(text) == expected


NUMBER_CASES = [("25", "25"), ("1,000", "1000"), ("3.5", "3.5"), ("six", "6"), ("Twenty-five", "25"),
                ("dozen", "12"), ("people", None), ("1,2", "1,2")]


@pytest.mark.parametrize(("token", "value"), NUMBER_CASES, ids=[c[0] for c in NUMBER_CASES])
def test_number_value(token: str, value: str | None) -> None:
    assert number_value(token) == value


def test_stem_folds_acronym_dots() -> None:
    assert stem("u.n.") == stem("un") == "un"
    assert stem("killed") == stem("kill")


def test_char_ngrams_match_scikit_learn_char_wb() -> None:
    analyzer = CountVectorizer(analyzer="char_wb", ngram_range=(3, 5)).build_analyzer()
    for text in map(fuzzy_process, [*SENTENCES, "a bb ccc dddd"]):
        assert [g for word in text.split() for g in _char_ngrams(word)] == analyzer(text)


def test_char_cosine_matches_scikit_learn_tfidf() -> None:
    encoder = SentenceEncoder(SENTENCES)
    encoded = encoder.encode_rows(slice(None))
    chars = encoded.block("chars")
    ours = (chars @ chars.T).toarray()
    vectors = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, lowercase=False)
    matrix = vectors.fit_transform([fuzzy_process(s) for s in SENTENCES])
    assert ours == pytest.approx((matrix @ matrix.T).toarray(), abs=1e-5)


def test_block_and_pairs_agree_and_are_symmetric() -> None:
    encoder = SentenceEncoder(SENTENCES)
    left, right = encoder.encode_rows(slice(0, 2)), encoder.encode_rows(slice(2, None))
    block = feature_block(left, right, slice(None))
    assert block.shape == (len(FEATURE_NAMES), 2, 3)
    i, j = np.meshgrid(np.arange(2), np.arange(3), indexing="ij")
    pairs = feature_pairs(left, right, i.ravel(), j.ravel()).reshape(block.shape)
    assert pairs == pytest.approx(block, abs=1e-6)
    backwards = feature_block(right, left, slice(None))
    assert backwards.transpose(0, 2, 1) == pytest.approx(block, abs=1e-6)


def test_identical_and_disjoint_sentences() -> None:
    encoder = SentenceEncoder(["Police closed the bridge.", "Police closed the bridge.", "Markets rallied today."])
    encoded = encoder.encode_rows(slice(None))
    features = dict(zip(FEATURE_NAMES, feature_block(encoded, encoded, slice(0, 1))[:, 0, :], strict=True))
    for name in ("word_cosine", "char_cosine", "fuzz_ratio", "token_overlap_min", "token_overlap_max"):
        assert features[name][1] == pytest.approx(1.0)
    for name in ("word_cosine", "char_cosine", "token_overlap_min", "token_overlap_max"):
        assert features[name][2] < 0.1


def test_group_encoding_is_the_union_of_its_members() -> None:
    encoder = SentenceEncoder(SENTENCES)
    group = encoder.encode_groups([(0, 2)])
    members = encoder.encode_rows(slice(None))
    for kind in ("tokens", "content", "names", "numbers"):
        union = set(members.items(kind, 0)) | set(members.items(kind, 2))
        assert set(group.items(kind, 0)) == union
        assert group.sizes[0, SET_KINDS.index(kind)] == len(union)
    assert group.processed == [members.processed[0] + " " + members.processed[2]]
    assert group.lengths[0] == members.lengths[0] + members.lengths[2]


# (id, left, right, same statement?) - written for these tests, in the style of wire copy.
SCORE_CASES = [
    ("paraphrase", "Armenia appealed to the members of the U.N. Security Council for help.",
     "Armenia asked members of the UN Security Council for help.", True),
    ("reordered", "On Sunday, police arrested two men in Lyon.", "Two men were arrested in Lyon by police on Sunday.",
     True),
    # The score measures how alike two tellings are; a changed number leaves the
    # wording alike, and it is the difference check that labels such a pair
    # `differs` (tests/test_core.py).
    ("different-number", "The blast killed 25 people in the capital, officials said.",
     "The blast killed 80 people in the capital, officials said.", True),
    ("extra-claim", "The army captured the town.",
     "The army captured the town after a week of fighting and then shelled three nearby villages overnight.",
     False),
    ("unrelated", "Markets rallied on strong earnings.", "The ceasefire collapsed overnight.", False),
]


@pytest.mark.parametrize(("left", "right", "same"), [c[1:] for c in SCORE_CASES], ids=[c[0] for c in SCORE_CASES])
def test_same_statement_score(left: str, right: str, same: bool) -> None:
    score = score_sentence_pair(left, right)
    assert 0.0 <= score <= 1.0
    assert (score >= 0.5) is same
    assert score_sentence_pair(right, left) == pytest.approx(score, abs=1e-6)


def test_probability_stays_in_range_for_extreme_features() -> None:
    extreme = np.full((len(FEATURE_NAMES), 3), 1e6, dtype=np.float32)
    extreme[:, 1] = -1e6
    extreme[:, 2] = np.finfo(np.float32).max
    probability = same_probability(extreme)
    assert np.all((probability >= 0) & (probability <= 1))


def test_features_refuse_sides_from_different_encoders() -> None:
    left = SentenceEncoder(SENTENCES).encode_rows(slice(0, 1))
    right = SentenceEncoder(SENTENCES).encode_rows(slice(0, 1))
    with pytest.raises(ValueError, match="one SentenceEncoder"):
        feature_pairs(left, right)


def test_idf_and_counts_are_scikit_learns_exactly() -> None:
    """The encoder fits IDF itself (no scikit-learn import at run time): bit for bit TfidfTransformer's,
    and its stacked counts are each kind's own count matrix side by side."""
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import TfidfTransformer

    from compare.similarity.features import _COUNT_KINDS, BLOCK_KINDS, _items

    texts = [*SENTENCES, *SENTENCES[:2], 'Police said "the bridge is closed" on Monday.']
    encoder = SentenceEncoder(texts)
    for k, kind in enumerate(BLOCK_KINDS):
        rows = [_items(text)[0][kind] for text in texts]
        vocabulary = {item: column for column, item in enumerate(dict.fromkeys(i for row in rows for i in row))}
        counts = sp.csr_matrix(
            (np.ones(sum(map(len, rows)), dtype=np.float32), [vocabulary[i] for row in rows for i in row],
             np.cumsum([0, *map(len, rows)])), shape=(len(texts), len(vocabulary)))
        counts.sum_duplicates()
        columns = np.flatnonzero(encoder.column_kind_ == k)
        assert len(columns) == len(vocabulary)
        if not len(columns):
            continue
        block = encoder.counts_[:, columns[0] : columns[-1] + 1]
        assert (block != counts).nnz == 0
        if kind in _COUNT_KINDS:
            expected = TfidfTransformer(sublinear_tf=True).fit(counts).idf_
            assert expected.dtype == encoder.idf_.dtype
            assert np.array_equal(encoder.idf_[columns], expected)
        else:
            assert np.all(encoder.idf_[columns] == 1.0)

