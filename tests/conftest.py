"""Shared fixtures: the seed articles, the evaluation data folder, and a mirror helper."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from compare import Comparison, Source, compare_articles, read_source

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA_DIR = Path(os.environ.get("FACTCOMPARE_DATA", ROOT.parent / "shared" / "data"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from the current output (review the diff before committing)")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def seed_sources() -> tuple[Source, Source]:
    left, right = sorted(SEEDS.glob("*.txt"))
    return read_source(left), read_source(right)


@pytest.fixture(scope="session")
def seed_comparison(seed_sources: tuple[Source, Source]) -> Comparison:
    return compare_articles(*seed_sources)


@pytest.fixture(scope="session")
def data_dir() -> Path:
    if not (DATA_DIR / "mrpc").is_dir():
        pytest.skip(f"evaluation data not found at {DATA_DIR} (set FACTCOMPARE_DATA to its folder)")
    return DATA_DIR


def mirrored(comparison: Comparison) -> Comparison:
    """The comparison with left and right exchanged."""
    return Comparison(
        left=comparison.right,
        right=comparison.left,
        alignments=tuple(sorted(
            (replace(a, left=a.right, right=a.left,
                     differences=tuple(replace(d, left=d.right, right=d.left, left_evidence=d.right_evidence,
                                                   right_evidence=d.left_evidence) for d in a.differences))
             for a in comparison.alignments),
            key=lambda a: (a.left, a.right))),
        left_only=comparison.right_only,
        right_only=comparison.left_only,
        settings=comparison.settings,
        facts=tuple(replace(f, left=f.right, right=f.left) for f in comparison.facts),
    )
