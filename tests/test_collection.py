"""The collection wing as a library: ``collection.run`` decides, runs, reports progress and returns the records."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click
import pytest

import compare.batch
from compare.cli.commands import batch_command
from compare.collection.engines import ENGINES, run_local
from compare.collection.job import BatchSettings
from compare.collection.manifest import read_collection
from compare.collection.records import RECORD_FILE
from compare.collection.run import RunResult, run
from compare.models import BatchRecord
from compare.serialize import record_to_line

DATA = Path(__file__).parent / "data"


@pytest.fixture
def pairs(tmp_path: Path) -> Path:
    shutil.copy(DATA / "bridge-wire.txt", tmp_path / "wire.txt")
    shutil.copy(DATA / "bridge-blog.txt", tmp_path / "blog.txt")
    (tmp_path / "pairs.csv").write_text("id,left,right\np1,wire.txt,blog.txt\np2,wire.txt,gone.txt\n",
                                        encoding="utf-8")
    return tmp_path / "pairs.csv"


def test_run_reports_progress_and_each_record_and_returns_them(pairs: Path, tmp_path: Path) -> None:
    calls: list[tuple[str, object]] = []

    @contextmanager
    def progress(total: int, completed: int) -> Iterator[Callable[[bool], None]]:
        calls.append(("start", (total, completed)))
        yield lambda failed: calls.append(("advance", failed))

    seen: list[BatchRecord] = []
    output = tmp_path / "out" / "records.jsonl"
    result = run(pairs, output, BatchSettings(), workers=1, progress=progress, on_record=seen.append)
    assert isinstance(result, RunResult)
    assert [r.id for r in result.records] == ["p1", "p2"] == [r.id for r in seen]
    assert calls == [("start", (2, 0)), ("advance", False), ("advance", True)]
    assert result.earlier == 0
    assert result.summary_file == output.with_suffix(".summary.md")
    assert result.summary_file.exists()
    lines = output.read_text(encoding="utf-8").splitlines()
    assert RECORD_FILE in lines[0]
    assert lines[1:] == [record_to_line(r) for r in result.records]

    calls.clear()
    again = run(pairs, output, BatchSettings(), progress=progress)
    assert again.earlier == 2
    assert again.records == result.records
    assert calls == [("start", (2, 2))]


def test_run_without_a_record_file_keeps_nothing(pairs: Path, tmp_path: Path) -> None:
    result = run(pairs, None, BatchSettings())
    assert [r.status for r in result.records] == ["ok", "failed"]
    assert result.records_file is None
    assert result.summary_file is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blog.txt", "pairs.csv", "wire.txt"]


def test_the_engine_registry_is_what_the_command_offers() -> None:
    engine = next(p for p in batch_command.params if p.name == "engine")
    assert isinstance(engine.type, click.Choice)
    assert list(engine.type.choices) == list(ENGINES) == ["local", "dask"]


def test_the_old_module_is_a_shim_of_the_same_objects() -> None:
    assert compare.batch.read_collection is read_collection
    assert compare.batch.run_local is run_local
    assert "compare.collection" in (compare.batch.__doc__ or "")
