"""Heavy input: refused with the limit and the option to raise it, or processed within a bounded memory."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

import compare.alignment.signals as signals
from compare import ArticleError, CompareOptions, compare_articles
from compare.cli.commands import cli


def test_a_50_mb_file_is_refused_naming_the_limit_and_the_option(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:  # 50 MB of real sentences, written in chunks
        chunk = b"The council met on Monday and approved the plan. " * 20_000
        while handle.tell() < 50_000_000:
            handle.write(chunk)
    other = tmp_path / "other.txt"
    other.write_text("The council approved the plan.", encoding="utf-8")
    result = CliRunner().invoke(cli, [str(huge), str(other), "--no-report"])
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1
    assert line.endswith("is larger than the 5,242,880-byte limit for one article (raise it with --max-bytes)")


def test_200000_sentences_are_processed_or_refused_at_the_statement_limit() -> None:
    lines = "\n".join(f"Word{i}." for i in range(200_000))  # one-word lines: headings, not statements
    comparison = compare_articles(lines, "The council approved the plan on Monday.")
    assert len(comparison.left.sentences) == 200_000
    statements = " ".join(f"The council approved plan number {i} on Monday after a debate." for i in range(3_000))
    with pytest.raises(ArticleError, match=r"3,000 statements is more than the limit of 2,000 \(raise it with "
                                           r"--max-statements\)"):
        compare_articles(statements, "The council approved the plan.", CompareOptions(max_statements=2_000))


def test_pair_scores_are_computed_in_bounded_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """No left x right matrix of features is ever built whole: blocks of BLOCK_CELLS pairs give the same result."""
    left = " ".join(f"The council approved plan {i} after a debate on Monday." for i in range(60))
    right = " ".join(f"Officials said plan {i} was approved by the council on Monday." for i in range(50))
    whole = compare_articles(left, right)
    seen: list[int] = []
    original = signals.feature_block

    def spy(left_encoded, right_encoded, rows, products, **options):  # type: ignore[no-untyped-def]
        block = original(left_encoded, right_encoded, rows, products, **options)
        seen.append(int(np.prod(block.shape[1:])))
        return block

    monkeypatch.setattr(signals, "BLOCK_CELLS", 500)
    monkeypatch.setattr(signals, "feature_block", spy)
    blocked = compare_articles(left, right)
    assert blocked == whole
    assert max(seen) <= 500
    assert len(seen) >= 6


def test_a_repeated_sentence_is_scored_once_however_often_it_is_repeated() -> None:
    # The attack of issue 15: one sentence pasted 20,000 times (1.2 MB) compared with itself ran past ten
    # minutes at 5.6 GiB. Copies are scored once: the cost no longer grows with left x right copies.
    from compare.alignment.aligner import StatementAligner

    texts = ["The council approved the new bridge plan on Monday after a long debate."] * 2000
    aligner = StatementAligner(texts, texts)
    assert aligner._core.unique_probability.shape == (1, 1)
    groups = aligner.align(CompareOptions())
    assert [(g.left, g.right) for g in groups] == [((i,), (i,)) for i in range(2000)]
