"""Fuzzing the reader and the segmenter with Hypothesis, for a bounded number of inputs.

``FACTCOMPARE_FUZZ_EXAMPLES`` sets how many inputs each target gets (default 300,
a few seconds; raise it for a longer hunt: ``FACTCOMPARE_FUZZ_EXAMPLES=20000 pytest
tests/robustness/test_fuzz.py``). Hypothesis keeps failing inputs in its database and
replays them first.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare.articles.clean import classify_sentences
from compare.articles.reader import decode_text, read_source, source_from_bytes
from compare.articles.segment import split_sentences
from compare.errors import ArticleError

FUZZ = settings(max_examples=int(os.environ.get("FACTCOMPARE_FUZZ_EXAMPLES", "300")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Bytes shaped like real files: byte-order marks, text in several encodings, HTML, noise.
_prefixes = st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00",
                             b"<!DOCTYPE html><html><body><p>", b"<?xml version='1.0'?>"])
_texts = st.text(max_size=300)
_encoded = st.tuples(_texts, st.sampled_from(["utf-8", "utf-16-le", "utf-16-be", "cp1252", "latin-1", "cp1251"])
                     ).map(lambda te: te[0].encode(te[1], errors="ignore"))
file_bytes = st.tuples(_prefixes, st.one_of(_encoded, st.binary(max_size=400)), st.binary(max_size=8)).map(
    lambda parts: b"".join(parts))


@FUZZ
@given(file_bytes)
def test_reader_returns_text_or_its_own_error(data: bytes) -> None:
    try:
        text, encoding = decode_text(data, label="fuzz")
    except ArticleError as error:
        message = str(error)
    else:
        message = "fuzz: decoded"
        assert isinstance(text, str)
        assert encoding
    assert message.startswith("fuzz: ")
    assert "\n" not in message  # one line


@FUZZ
@given(file_bytes, st.sampled_from(["article.txt", "page.html", "notes.md"]))
def test_read_source_from_files(tmp_path_factory: pytest.TempPathFactory, data: bytes, name: str) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / name
    path.write_bytes(data)
    try:
        source = read_source(path)
    except ArticleError as error:
        refusal = str(error)
    else:
        assert source.text.strip()
        assert source_from_bytes(data, name=path.stem, path=str(path)) == source
        return
    assert refusal.startswith(str(path))


@FUZZ
@given(st.text(max_size=600))
def test_segmenter_covers_the_text_in_order(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for span in spans:
        assert previous_end <= span.start < span.end <= len(text)
        piece = text[span.start : span.end]
        assert piece  # no empty sentence
        assert piece.strip() == piece  # and no surrounding space
        previous_end = span.end
    assert [s.paragraph for s in spans] == sorted(s.paragraph for s in spans)
    kinds = classify_sentences(text, spans)
    assert len(kinds) == len(spans)
