"""``factcompare batch``: manifests, records, failures, resuming, and both engines giving the same bytes."""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from compare.cli.commands import cli
from compare.collection.engines import run_dask, run_local
from compare.collection.job import BatchSettings, compare_group
from compare.collection.manifest import Group, ManifestError, read_collection
from compare.collection.records import (
    append_records,
    collection_digest,
    finished_ids,
    records_header,
    settings_signature,
    start_records,
)

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).parent.parent / "seeds"


@pytest.fixture
def collection(tmp_path: Path) -> Path:
    """Three event folders: the seed pair, the bridge pair, and one with a binary file."""
    folder = tmp_path / "events"
    for event, files in (("karabakh", sorted(SEEDS.glob("*.txt"))), ("bridge", sorted(DATA.glob("bridge-*.txt")))):
        (folder / event).mkdir(parents=True)
        for file in files:
            shutil.copy(file, folder / event / file.name)
    (folder / "broken").mkdir()
    (folder / "broken" / "a.txt").write_bytes(b"\x00\x01binary")
    shutil.copy(DATA / "bridge-wire.txt", folder / "broken" / "b.txt")
    return folder


def test_manifests_in_every_form(tmp_path: Path) -> None:
    (tmp_path / "pairs.csv").write_text("id,left,right\np1,a.txt,b.txt\np2,/abs/c.txt,d.txt\n", encoding="utf-8")
    assert read_collection(tmp_path / "pairs.csv") == [
        Group("p1", (str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))),
        Group("p2", ("/abs/c.txt", str(tmp_path / "d.txt")))]
    (tmp_path / "events.csv").write_text("group,path\ne1,a.txt\ne1,b.txt\ne1,c.txt\ne2,d.txt\n", encoding="utf-8")
    assert [(g.id, len(g.articles)) for g in read_collection(tmp_path / "events.csv")] == [("e1", 3), ("e2", 1)]
    (tmp_path / "m.jsonl").write_text('{"id": "x", "articles": ["a", "b", "c"]}\n\n{"left": "a", "right": "b"}\n',
                                      encoding="utf-8")
    assert [(g.id, len(g.articles)) for g in read_collection(tmp_path / "m.jsonl")] == [("x", 3), ("3", 2)]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("bad.csv", "a,b\n1,2\n", "needs the columns"),
    ("dup.csv", "id,left,right\nx,a,b\nx,c,d\n", "unique"),
    ("empty.csv", "id,left,right\n", "no groups"),
    ("bad.jsonl", '{"id": 1}\n', "bad.jsonl:1"),
])
def test_bad_manifests_are_one_clear_error(tmp_path: Path, name: str, content: str, message: str) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(ManifestError, match=message):
        read_collection(tmp_path / name)
    result = CliRunner().invoke(cli, ["batch", str(tmp_path / name), "--output", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_records_summary_and_failed_groups(collection: Path, tmp_path: Path) -> None:
    output = tmp_path / "out" / "records.jsonl"
    result = CliRunner().invoke(cli, ["batch", str(collection), "--output", str(output), "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    header, *records = (json.loads(line) for line in output.read_bytes().split(b"\n")[:-1])
    assert header == {"factcompare": "batch records", "collection": collection_digest(read_collection(collection)),
                      "settings": settings_signature(BatchSettings())}
    assert [r["id"] for r in records] == ["bridge", "broken", "karabakh"]  # folder order, one line each
    broken = records[1]
    assert broken["status"] == "failed"
    assert "binary" in broken["error"]
    karabakh = records[2]
    assert karabakh["status"] == "ok"
    assert {c["kind"] for c in karabakh["pairs"][0]["conflicts"]} >= {"number", "attribution"}
    summary = output.with_suffix(".summary.md").read_text(encoding="utf-8").splitlines()
    rows = [line.split(" | ")[0].strip("| ") for line in summary if line.startswith("| ") and "---" not in line]
    ok = sorted((r["consistency"], r["id"]) for r in records if r["status"] == "ok")
    assert rows == ["group", "broken", *(name for _, name in ok)]  # failed first, then least consistent


def test_resume_skips_finished_groups_and_drops_a_torn_record(collection: Path, tmp_path: Path) -> None:
    groups = read_collection(collection)
    output = tmp_path / "records.jsonl"
    first = compare_group(groups[0])
    header = records_header(groups, BatchSettings())
    output.write_text(header + "\n" + first + "\n" + compare_group(groups[1])[:40], encoding="utf-8")  # killed
    assert finished_ids(output, groups, BatchSettings()) == {groups[0].id}
    assert output.read_text(encoding="utf-8") == header + "\n" + first + "\n"
    result = CliRunner().invoke(cli, ["batch", str(collection), "--output", str(output), "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    lines = output.read_text(encoding="utf-8").split("\n")[1:-1]
    assert [json.loads(line)["id"] for line in lines] == [g.id for g in groups]
    assert lines[0] == first  # kept, not redone
    assert "1 from an earlier run" in result.stderr


def test_an_interrupted_run_leaves_only_whole_records(collection: Path, tmp_path: Path) -> None:
    groups = read_collection(collection)

    def interrupted() -> Iterator[str]:
        yield compare_group(groups[0])
        raise KeyboardInterrupt

    output = tmp_path / "records.jsonl"
    start_records(output, groups, BatchSettings())
    with pytest.raises(KeyboardInterrupt):
        for _ in append_records(output, interrupted()):
            pass
    assert finished_ids(output) == {groups[0].id}
    assert output.read_text(encoding="utf-8").endswith("\n")


def test_refuses_to_resume_into_a_file_that_is_not_records(collection: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.jsonl"
    notes.write_text("my notes\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["batch", str(collection), "--output", str(notes)])
    assert result.exit_code == 2
    assert "not a factcompare batch record" in result.stderr
    assert notes.read_text(encoding="utf-8") == "my notes\n"


def test_process_pool_gives_the_same_records_as_one_process(collection: Path) -> None:
    groups = read_collection(collection)
    assert list(run_local(groups, BatchSettings(), workers=2)) == list(run_local(groups, BatchSettings(), workers=1))


def test_dask_local_cluster_gives_the_same_records_byte_for_byte(collection: Path) -> None:
    distributed = pytest.importorskip("dask.distributed", reason="Dask is not installed (pip install '.[dask]')")
    groups = read_collection(collection)
    local = list(run_local(groups, BatchSettings(), workers=1))
    # Logs quiet below CRITICAL: a worker's heartbeat after the close would land in a later test's stderr.
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=logging.CRITICAL) as cluster:
        on_cluster = list(run_dask(groups, BatchSettings(), scheduler=cluster.scheduler_address))
    assert on_cluster == local
    assert list(run_dask(groups[:1], BatchSettings(), workers=1)) == local[:1]  # --engine dask: its own cluster


def test_dask_engine_without_dask_says_how_to_install_it(collection: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "dask.distributed", None)  # as if Dask were not installed
    result = CliRunner().invoke(cli, ["batch", str(collection), "--engine", "dask", "--output",
                                      str(tmp_path / "r.jsonl")])
    assert result.exit_code == 2
    assert "pip install 'factcompare[dask]'" in result.stderr


def test_a_missing_article_is_a_failed_record_in_the_readers_words(tmp_path: Path) -> None:
    record = json.loads(compare_group(Group("g", (str(tmp_path / "gone.txt"), str(DATA / "bridge-wire.txt")))))
    assert record["status"] == "failed"
    assert record["error"].startswith(f"{tmp_path / 'gone.txt'}: ")
    assert "internal error" not in record["error"]


def test_an_article_in_several_pairs_gives_the_same_records_as_a_fresh_analysis(collection: Path) -> None:
    seeds = sorted(str(p) for p in (collection / "karabakh").iterdir())
    bridge = sorted(str(p) for p in (collection / "bridge").iterdir())
    triplet = compare_group(Group("t", (seeds[0], seeds[1], bridge[0])))
    pairs = json.loads(triplet)["pairs"]
    assert [(Path(p["left"]).name, Path(p["right"]).name) for p in pairs] == [
        (Path(seeds[0]).name, Path(seeds[1]).name), (Path(seeds[0]).name, Path(bridge[0]).name),
        (Path(seeds[1]).name, Path(bridge[0]).name)]
    alone = json.loads(compare_group(Group("p", (seeds[0], seeds[1]))))["pairs"][0]
    assert pairs[0] == alone
    record = json.loads(triplet)
    assert len(record["agreement"]) == 3
    assert all(len(c["cells"]) == 3 for c in record["clusters"])
    assert "clusters" not in json.loads(compare_group(Group("p", (seeds[0], seeds[1]))))
