"""Issue 15: batch records that resume refused, user files it emptied, manifests it misread, settings it ignored."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from compare.cli.commands import cli
from compare.collection.manifest import read_collection

DATA = Path(__file__).parent.parent / "data"
SEEDS = Path(__file__).parent.parent.parent / "seeds"


def batch(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, ["batch", *map(str, args), "--workers", "1", "-q"])


def one_line_error(result: Result) -> str:
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr


def records(output: Path) -> list[dict[str, object]]:
    """The records of a record file (a header line of ours, if any, left out)."""
    lines = [json.loads(line) for line in output.read_bytes().split(b"\n") if line.strip()]
    return [line for line in lines if "status" in line]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Articles whose names hold multi-byte characters, and a pair manifest of them."""
    real = tmp_path / "real"
    real.mkdir()
    shutil.copy(DATA / "bridge-wire.txt", real / "wire-é.txt")
    shutil.copy(DATA / "bridge-blog.txt", real / "blog-é.txt")
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], real / "seed-é.txt")
    (real / "pairs.csv").write_text("id,left,right\np1,wire-é.txt,blog-é.txt\np2,blog-é.txt,seed-é.txt\n",
                                    encoding="utf-8")
    return real


def resumes_keeping_the_first(manifest: Path, output: Path, cut: int, *, newline: bool = False) -> None:
    """Cut the record file at byte ``cut`` (inside its last record); the rerun keeps the first and redoes the rest."""
    data = output.read_bytes()
    first = records(output)[0]
    output.write_bytes(data[:cut] + (b"\n" if newline else b""))
    result = batch(manifest, "--output", output)
    assert result.exit_code == 0, result.stderr
    assert output.read_bytes() == data
    assert records(output)[0] == first


# -- 1. resume refused its own records ------------------------------------------------------------------

def test_a_record_torn_inside_a_multibyte_character_is_redone(folder: Path, tmp_path: Path) -> None:
    manifest, output = folder / "pairs.csv", tmp_path / "records.jsonl"
    assert batch(manifest, "--output", output).exit_code == 0
    data = output.read_bytes()
    last = data.rindex(b"\n", 0, len(data) - 1) + 1
    cut = data.index("é".encode(), last) + 1  # between the two bytes of the é
    resumes_keeping_the_first(manifest, output, cut)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"], ids=["LS", "PS", "NEL"])
def test_records_holding_unicode_line_separators_are_resumed(tmp_path: Path, separator: str) -> None:
    events = tmp_path / "events"
    for event in (f"one{separator}event", "two"):
        (events / event).mkdir(parents=True)
        shutil.copy(DATA / "bridge-wire.txt", events / event / "a.txt")
        shutil.copy(DATA / "bridge-blog.txt", events / event / "b.txt")
    output = tmp_path / "records.jsonl"
    assert batch(events, "--output", output).exit_code == 0
    before = output.read_bytes()
    assert separator.encode() in before
    result = CliRunner().invoke(cli, ["batch", str(events), "--output", str(output), "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    assert "2 from an earlier run" in result.stderr
    assert output.read_bytes() == before


def test_the_same_manifest_by_another_path_is_the_same_collection(folder: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    output = tmp_path / "records.jsonl"
    assert batch(folder / "pairs.csv", "--output", output).exit_code == 0
    before = output.read_bytes()
    (tmp_path / "link").symlink_to(folder, target_is_directory=True)
    (tmp_path / "elsewhere").mkdir()
    for cwd, manifest in ((folder, "pairs.csv"), (tmp_path / "elsewhere", "../real/pairs.csv"),
                          (tmp_path, "link/pairs.csv"), (tmp_path, str(tmp_path / "link" / "pairs.csv"))):
        monkeypatch.chdir(cwd)
        result = CliRunner().invoke(cli, ["batch", manifest, "--output", str(output), "--workers", "1"])
        assert result.exit_code == 0, (manifest, result.stderr)
        assert "2 from an earlier run" in result.stderr
        assert output.read_bytes() == before


@pytest.mark.parametrize("newline", [False, True], ids=["no-final-newline", "not-json"])
@pytest.mark.parametrize("where", [0.1, 0.5, 0.9])
def test_a_torn_record_of_a_three_source_group_is_redone(folder: Path, tmp_path: Path, where: float,
                                                        newline: bool) -> None:
    manifest = folder / "events.jsonl"
    names = ["wire-é.txt", "blog-é.txt", "seed-é.txt"]
    manifest.write_text("".join(json.dumps({"id": f"e{n}", "articles": names}) + "\n" for n in (1, 2)),
                        encoding="utf-8")
    output = tmp_path / "records.jsonl"
    assert batch(manifest, "--output", output).exit_code == 0
    data = output.read_bytes()
    assert data.split(b"\n")[-2].startswith(b'{"agreement"')
    last = data.rindex(b"\n", 0, len(data) - 1) + 1
    resumes_keeping_the_first(manifest, output, last + int((len(data) - 1 - last) * where), newline=newline)


# -- 2. a user's file is never emptied -------------------------------------------------------------------

@pytest.mark.parametrize("content", [b'{"articles": ["my notes', b'{"articles": [', b'{"agreement": 1, "mine',
                                     b'{"notes": 1}\n{"id": "p2", "articles": [], "status": "ok"}\n{"id": "p'])
def test_a_file_that_starts_like_a_record_is_never_truncated(folder: Path, tmp_path: Path, content: bytes) -> None:
    mine = tmp_path / "mine.jsonl"
    mine.write_bytes(content)
    assert "--force" in one_line_error(batch(folder / "pairs.csv", "--output", mine))
    assert mine.read_bytes() == content
    assert "--force" in one_line_error(batch(folder / "pairs.csv", "--output", mine, "--restart"))
    assert mine.read_bytes() == content
    result = batch(folder / "pairs.csv", "--output", mine, "--force")
    assert result.exit_code == 0, result.stderr
    assert [r["id"] for r in records(mine)] == ["p1", "p2"]


def test_another_collections_records_are_not_appended_to(folder: Path, tmp_path: Path) -> None:
    other = folder / "other.csv"
    other.write_text("id,left,right\nq1,seed-é.txt,wire-é.txt\n", encoding="utf-8")
    output = tmp_path / "records.jsonl"
    assert batch(other, "--output", output).exit_code == 0
    before = output.read_bytes()
    message = one_line_error(batch(folder / "pairs.csv", "--output", output))
    assert "another collection" in message
    assert "--restart" in message
    assert output.read_bytes() == before
    assert batch(folder / "pairs.csv", "--output", output, "--restart").exit_code == 0
    assert [r["id"] for r in records(output)] == ["p1", "p2"]


def test_records_without_our_header_are_not_resumed_into(folder: Path, tmp_path: Path) -> None:
    manifest = folder / "pairs.csv"
    groups = read_collection(manifest)
    output = tmp_path / "records.jsonl"
    old = json.dumps({"articles": list(groups[0].articles), "id": "p1", "status": "ok"}) + "\n"
    output.write_text(old, encoding="utf-8")  # as factcompare before the header line wrote them
    message = one_line_error(batch(manifest, "--output", output))
    assert "--restart" in message
    assert output.read_text(encoding="utf-8") == old
    assert batch(manifest, "--output", output, "--restart").exit_code == 0
    assert [r["id"] for r in records(output)] == ["p1", "p2"]


# -- 3. manifests ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"], ids=["LS", "PS", "NEL"])
def test_json_lines_manifests_may_hold_unicode_line_separators(folder: Path, separator: str) -> None:
    manifest = folder / "m.jsonl"
    manifest.write_text(json.dumps({"id": f"a{separator}b", "left": "wire-é.txt", "right": f"x{separator}.txt"},
                                   ensure_ascii=False) + "\n", encoding="utf-8")
    [group] = read_collection(manifest)
    assert group.id == f"a{separator}b"
    assert group.articles[1].endswith(f"x{separator}.txt")


def test_a_quoted_csv_id_keeps_its_newline(folder: Path, tmp_path: Path) -> None:
    manifest = folder / "m.csv"
    manifest.write_text('id,left,right\n"two\nlines",wire-é.txt,blog-é.txt\n"a\u2028b",wire-é.txt,blog-é.txt\n',
                        encoding="utf-8")
    assert [g.id for g in read_collection(manifest)] == ["two\nlines", "a\u2028b"]
    output = tmp_path / "records.jsonl"
    assert batch(manifest, "--output", output).exit_code == 0
    assert [r["id"] for r in records(output)] == ["two\nlines", "a\u2028b"]


@pytest.mark.parametrize(("name", "content"), [
    ("short.csv", "id,left,right\np1,wire-é.txt\n"),
    ("short-events.csv", "group,path\ne1\n"),
    ("deep.jsonl", '{"id": "x", "articles": ' + "[" * 100_000 + "]" * 100_000 + "}\n"),
    ("deep-id.jsonl", '{"id": ' + "[" * 100_000 + "]" * 100_000 + ', "left": "a", "right": "b"}\n'),
    ("digits.jsonl", '{"id": ' + "9" * 5000 + ', "left": "a", "right": "b"}\n'),
])
def test_broken_manifests_are_one_line_errors(folder: Path, tmp_path: Path, name: str, content: str) -> None:
    (folder / name).write_text(content, encoding="utf-8")
    message = one_line_error(batch(folder / name, "--output", tmp_path / "r.jsonl"))
    assert name in message
    assert not (tmp_path / "r.jsonl").exists()


# -- 4. settings -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("option", [["--align-threshold", "0.6"], ["--same-threshold", "0.3"],
                                    ["--max-statements", "500"], ["--max-bytes", "100000"]])
def test_resuming_under_other_settings_is_refused(folder: Path, tmp_path: Path, option: list[str]) -> None:
    manifest, output = folder / "pairs.csv", tmp_path / "records.jsonl"
    assert batch(manifest, "--output", output).exit_code == 0
    data = output.read_bytes()
    output.write_bytes(data[: data.index(b"\n", data.index(b'"p1"')) + 1])  # interrupted after p1
    before = output.read_bytes()
    message = one_line_error(batch(manifest, "--output", output, *option))
    assert "settings" in message
    assert output.read_bytes() == before
    assert batch(manifest, "--output", output, *option, "--restart").exit_code == 0
    assert [r["id"] for r in records(output)] == ["p1", "p2"]


@pytest.mark.parametrize("fingerprint", ["calibration_fingerprint", "code_fingerprint"])
def test_resuming_under_other_models_or_code_is_refused(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        fingerprint: str) -> None:
    """Refitted models (calibration.json, alignment.json, the casing list) change records as much as options do,
    and so does an upgraded or edited factcompare (the same version number, other rules)."""
    import compare.fingerprint

    manifest, output = folder / "pairs.csv", tmp_path / "records.jsonl"
    assert batch(manifest, "--output", output).exit_code == 0
    data = output.read_bytes()
    output.write_bytes(data[: data.index(b"\n", data.index(b'"p1"')) + 1])
    before = output.read_bytes()
    monkeypatch.setattr(compare.fingerprint, fingerprint, lambda: "0123456789ab")
    message = one_line_error(batch(manifest, "--output", output))
    assert "settings" in message
    assert output.read_bytes() == before


def test_the_code_fingerprint_follows_every_source_file(tmp_path: Path) -> None:
    from compare.fingerprint import code_fingerprint

    package = tmp_path / "compare"
    (package / "facts").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    rule = package / "facts" / "numbers.py"
    rule.write_text("SPREAD = 0.15\n", encoding="utf-8")
    first = code_fingerprint.__wrapped__(package)
    assert code_fingerprint.__wrapped__(package) == first
    rule.write_text("SPREAD = 0.25\n", encoding="utf-8")
    assert code_fingerprint.__wrapped__(package) != first
    rule.rename(package / "numbers.py")  # the same bytes elsewhere are other code
    assert code_fingerprint.__wrapped__(package) not in {first}
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "x.py").write_text("compiled", encoding="utf-8")
    moved = code_fingerprint.__wrapped__(package)
    (package / "__pycache__" / "x.py").write_text("other", encoding="utf-8")
    assert code_fingerprint.__wrapped__(package) == moved
