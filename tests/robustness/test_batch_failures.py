"""Batch runs against damaged output files, other collections' records, and dying workers."""

from __future__ import annotations

import multiprocessing
import shutil
import time
from collections.abc import Generator
from pathlib import Path

import pytest
from click.testing import CliRunner

from compare.cli.commands import cli
from compare.collection.engines import ENGINES, run_local
from compare.collection.job import BatchSettings, compare_group
from compare.collection.manifest import Group, ManifestError, read_collection
from compare.collection.records import finished_ids, start_records
from compare.collection.run import run
from compare.errors import FactcompareError

from .crash import die_on_second, stall_after_first

DATA = Path(__file__).parent.parent / "data"
DEADLINE = 120.0  # seconds; a bound on waiting, not a speed assertion


@pytest.fixture
def manifest(tmp_path: Path) -> Path:
    for name in ("bridge-wire.txt", "bridge-blog.txt"):
        shutil.copy(DATA / name, tmp_path / name)
    path = tmp_path / "pairs.csv"
    path.write_text("id,left,right\np1,bridge-wire.txt,bridge-blog.txt\np2,bridge-blog.txt,bridge-wire.txt\n",
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("content", [b'{"precious": "data"}', b"line one\nline two without a newline"])
def test_a_file_that_is_not_records_is_refused_untouched(manifest: Path, tmp_path: Path, content: bytes) -> None:
    notes = tmp_path / "notes.json"
    notes.write_bytes(content)
    result = CliRunner().invoke(cli, ["batch", str(manifest), "--output", str(notes), "-q"])
    assert result.exit_code == 2
    assert "not a factcompare batch record" in result.stderr
    assert notes.read_bytes() == content


def test_records_of_another_collection_are_never_taken_as_done(manifest: Path, tmp_path: Path) -> None:
    output = tmp_path / "records.jsonl"
    other = [Group("p1", ("elsewhere/a.txt", "elsewhere/b.txt"))]
    start_records(output, other, BatchSettings())
    result = CliRunner().invoke(cli, ["batch", str(manifest), "--output", str(output), "-q"])
    assert result.exit_code == 2
    assert "another collection" in result.stderr
    with pytest.raises(ManifestError, match="another collection"):
        finished_ids(output, read_collection(manifest))


def test_the_collection_is_never_its_own_output(tmp_path: Path) -> None:
    manifest = tmp_path / "reports" / "m.jsonl"
    manifest.parent.mkdir()
    manifest.write_text('{"id": "x", "left": "a.txt", "right": "b.txt"}', encoding="utf-8")
    before = manifest.read_bytes()
    result = CliRunner().invoke(cli, ["batch", str(manifest), "--output", str(manifest), "-q"])
    assert result.exit_code == 2
    assert manifest.read_bytes() == before


def test_unusable_output_paths_are_one_line_errors(manifest: Path, tmp_path: Path) -> None:
    for output in (tmp_path, tmp_path / "latin1.jsonl"):
        if output.suffix:
            output.write_bytes(b"caf\xe9\n")
        result = CliRunner().invoke(cli, ["batch", str(manifest), "--output", str(output), "-q"])
        assert result.exit_code == 2, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_articles_must_be_a_list(tmp_path: Path) -> None:
    (tmp_path / "m.jsonl").write_text('{"id": "x", "articles": "a.txt"}\n', encoding="utf-8")
    with pytest.raises(ManifestError, match=r"m\.jsonl:1"):
        read_collection(tmp_path / "m.jsonl")


def test_a_worker_that_dies_stops_the_run_loudly_instead_of_hanging(manifest: Path) -> None:
    groups = read_collection(manifest)
    with pytest.raises(FactcompareError, match="worker process died"):
        list(run_local(groups, BatchSettings(), workers=2, job=die_on_second))


def test_closing_a_run_stops_its_workers_mid_group() -> None:
    # An interrupted run (Ctrl-C, SIGTERM) closes its engine: the workers must stop now, not finish their
    # groups first; before, the interpreter's exit waited for every group submitted (a minute and more).
    before = set(multiprocessing.active_children())
    lines = run_local([Group(f"p{i}", ("a.txt", "b.txt")) for i in range(1, 9)], BatchSettings(), workers=2,
                      job=stall_after_first)
    assert next(lines) == "p1"
    workers = set(multiprocessing.active_children()) - before
    assert workers, "the pool's workers"
    lines.close()
    start = time.monotonic()
    while any(worker.is_alive() for worker in workers):
        assert time.monotonic() - start < DEADLINE, "the workers went on with their stuck groups"
        time.sleep(0.05)


def test_an_interrupted_run_closes_its_engine_at_once(manifest: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # The interruption lands while a record is handled, outside the engine: the engine is closed as the
    # run unwinds, not whenever it is collected (the interpreter's exit, at worst).
    closed = []

    def engine(groups: list[Group], settings: BatchSettings, *, workers: int,
               scheduler: str | None) -> Generator[str, None, None]:
        try:
            yield from (compare_group(group, settings) for group in groups)
        finally:
            closed.append(True)

    def interrupt(record: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setitem(ENGINES, "local", engine)
    with pytest.raises(KeyboardInterrupt) as interruption:
        run(manifest, tmp_path / "records.jsonl", BatchSettings(), on_record=interrupt)
    # The traceback (kept here, as a caller's handler may keep it) still holds the run's frame, and so the engine.
    assert interruption.traceback
    assert closed == [True]
