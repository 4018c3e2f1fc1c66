"""``factcompare check``: rules, exit statuses, one line per violation, the JSON verdict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from compare import compare_articles
from compare.cli.commands import cli
from compare.consistency import Rules, check

WIRE = ("The blast killed 25 people in the capital on Sunday, officials said.\n\n"
        "Police closed the main road near the station.\n\n"
        "The mayor visited the site in the afternoon.")
SAME = ("Officials said the blast killed 25 people in the capital on Sunday.\n\n"
        "Police closed the main road near the station.")
OTHER_NUMBER = ("The blast killed 80 people in the capital on Sunday, officials said.\n\n"
                "Police did not close the main road near the station.")


def _write(folder: Path, **texts: str) -> list[Path]:
    paths = []
    for name, text in texts.items():
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["check", *map(str, args)])
    return result.exit_code, result.stdout, result.stderr


def test_consistent_sources_exit_0(tmp_path: Path) -> None:
    code, stdout, stderr = run(*_write(tmp_path, wire=WIRE, same=SAME))
    assert (code, stdout) == (0, "")
    assert stderr.startswith("consistent")


def test_each_conflict_is_one_line_with_sources_sentences_and_evidence(tmp_path: Path) -> None:
    wire, other = _write(tmp_path, wire=WIRE, other=OTHER_NUMBER)
    code, stdout, _ = run(wire, other)
    assert code == 1
    lines = stdout.splitlines()
    assert f'{wire}#0 vs {other}#0: conflicting number: "25 people" vs "80 people"' in lines
    assert f'{wire}#1 vs {other}#1: conflicting negation: (not mentioned) vs "not"' in lines
    code, stdout, _ = run(wire, other, "--fail-on", "number")
    assert code == 1
    assert [line.split(": ")[1] for line in stdout.splitlines()] == ["conflicting number"]
    code, stdout, _ = run(wire, other, "--fail-on", "date")
    assert (code, stdout) == (0, "")


def test_score_one_sided_and_differs_rules(tmp_path: Path) -> None:
    wire, same = _write(tmp_path, wire=WIRE, same=SAME)
    code, stdout, _ = run(wire, same, "--max-one-sided", "0")
    assert code == 1
    assert stdout.strip() == f"{wire}#2 vs {same}: 1 statements only in {wire}, more than 0"
    assert run(wire, same, "--max-one-sided", "1")[0] == 0
    assert run(wire, same, "--min-consistency", "0.9")[0] == 1
    assert run(wire, same, "--min-consistency", "0.5")[0] == 0


def test_json_verdict(tmp_path: Path) -> None:
    code, stdout, _ = run(*_write(tmp_path, wire=WIRE, other=OTHER_NUMBER), "--format", "json", "--fail-on-differs")
    assert code == 1
    verdict = json.loads(stdout)
    assert verdict["consistent"] is False
    assert verdict["rules"]["fail_on_differs"] is True
    assert {v["rule"] for v in verdict["violations"]} == {"differs"}
    first = verdict["violations"][0]
    assert set(first) == {"rule", "kind", "left", "right", "left_sentences", "right_sentences", "left_evidence",
                          "right_evidence", "message"}
    assert len(verdict["pairs"]) == 1


def test_three_sources_are_checked_pair_by_pair(tmp_path: Path) -> None:
    code, stdout, _ = run(*_write(tmp_path, wire=WIRE, same=SAME, other=OTHER_NUMBER), "--format", "json",
                          "--fail-on", "number")
    assert code == 1
    verdict = json.loads(stdout)
    assert [(Path(p["left"]).stem, Path(p["right"]).stem) for p in verdict["pairs"]] == [
        ("wire", "same"), ("wire", "other"), ("same", "other")]
    assert {(Path(v["left"]).stem, Path(v["right"]).stem) for v in verdict["violations"]} == {
        ("wire", "other"), ("same", "other")}


def test_bad_input_and_usage_exit_2(tmp_path: Path) -> None:
    (wire,) = _write(tmp_path, wire=WIRE)
    code, _, stderr = run(wire, tmp_path / "missing.txt")
    assert code == 2
    assert len(stderr.strip().splitlines()) == 1
    code, _, stderr = run(wire)
    assert code == 2
    assert "two or more articles" in stderr


def test_rules_refuse_unknown_kinds_and_default_to_any_conflict() -> None:
    with pytest.raises(ValueError, match="unknown difference kind"):
        Rules(fail_on=("colour",))
    comparison = compare_articles(WIRE, OTHER_NUMBER)
    assert check([comparison], Rules()).rules == Rules(fail_on=("any",))
    assert not check([comparison], Rules()).consistent
