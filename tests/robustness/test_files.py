"""Report files under failure: unwritable folders, a full disk, two runs at once, an interrupted run."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import compare.reports as reports
from compare.cli import cli

WIRE = "The blast killed 25 people in the capital on Sunday, officials said.\n\nPolice closed the road."
BLOG = "Officials said the blast killed 25 people in the capital on Sunday.\n\nRescue teams searched the rubble."


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, Path, Path, str]:
    """Two articles and an output folder holding a report from an earlier run."""
    wire, blog = tmp_path / "wire.txt", tmp_path / "blog.txt"
    wire.write_text(WIRE, encoding="utf-8")
    blog.write_text(BLOG, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, [str(wire), str(blog), "-o", str(out), "-q", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    earlier = (out / "wire__blog.json").read_text(encoding="utf-8")
    return wire, blog, out, earlier


def _left_behind(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.endswith(".tmp"))


def test_unwritable_folder_is_one_line_and_keeps_the_earlier_report(
        setup: tuple[Path, Path, Path, str], monkeypatch: pytest.MonkeyPatch) -> None:
    wire, blog, out, earlier = setup

    def refused(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(reports.tempfile, "mkstemp", refused)  # a read-only folder, even for root
    result = CliRunner().invoke(cli, [str(wire), str(blog), "-o", str(out), "-q", "-f", "json"])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"factcompare: error: cannot write reports to {out}: Permission denied"
    assert (out / "wire__blog.json").read_text(encoding="utf-8") == earlier


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders; the monkeypatched test covers it")
def test_really_read_only_folder(setup: tuple[Path, Path, Path, str]) -> None:
    wire, blog, out, earlier = setup
    out.chmod(0o555)
    try:
        result = CliRunner().invoke(cli, [str(wire), str(blog), "-o", str(out), "-q", "-f", "json"])
    finally:
        out.chmod(0o755)
    assert result.exit_code == 2
    assert (out / "wire__blog.json").read_text(encoding="utf-8") == earlier


def test_a_disk_that_fills_up_halfway_leaves_the_earlier_report_and_no_partial_file(
        setup: tuple[Path, Path, Path, str], monkeypatch: pytest.MonkeyPatch) -> None:
    wire, blog, out, earlier = setup
    real_fdopen = os.fdopen

    class FillsUp:
        def __init__(self, handle: object) -> None:
            self.handle = handle

        def __enter__(self) -> FillsUp:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()  # type: ignore[attr-defined]

        def write(self, text: str) -> int:
            self.handle.write(text[: len(text) // 2])  # type: ignore[attr-defined]
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(reports.os, "fdopen", lambda *a, **k: FillsUp(real_fdopen(*a, **k)))
    result = CliRunner().invoke(cli, [str(wire), str(blog), "-o", str(out), "-q", "-f", "json"])
    assert result.exit_code == 2
    report = out / "wire__blog.json"
    assert result.stderr.strip() == f"factcompare: error: cannot write {report}: No space left on device"
    assert (out / "wire__blog.json").read_text(encoding="utf-8") == earlier
    assert _left_behind(out) == []


def test_two_runs_writing_the_same_report_at_once(setup: tuple[Path, Path, Path, str]) -> None:
    wire, blog, out, _ = setup
    command = [sys.executable, "-m", "compare", str(wire), str(blog), "-o", str(out), "-q", "-f", "json,html"]
    runs = [subprocess.Popen(command, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    errors = [run.communicate(timeout=120)[1] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], errors
    json.loads((out / "wire__blog.json").read_text(encoding="utf-8"))  # whole, one run's or the other's
    assert (out / "wire__blog.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
    assert _left_behind(out) == []


def test_an_interrupted_run_exits_130_and_keeps_the_earlier_report(setup: tuple[Path, Path, Path, str],
                                                                   tmp_path: Path) -> None:
    _, _, out, earlier = setup
    long_left, long_right = tmp_path / "wire.txt", tmp_path / "blog.txt"  # same names: same report path
    long_left.write_text(" ".join(f"The council approved plan {i} after a long debate on Monday." for i in
                                  range(4000)), encoding="utf-8")
    long_right.write_text(" ".join(f"Officials said plan {i} was approved by the council on Monday." for i in
                                   range(4000)), encoding="utf-8")
    run = subprocess.Popen([sys.executable, "-m", "compare", str(long_left), str(long_right), "-o", str(out), "-q",
                            "-f", "json"], stderr=subprocess.PIPE, text=True)
    time.sleep(2.0)  # imports done, comparing
    run.send_signal(signal.SIGINT)
    _, stderr = run.communicate(timeout=120)
    assert run.returncode == 130, stderr
    assert stderr.strip().splitlines()[-1] == "factcompare: interrupted"
    assert (out / "wire__blog.json").read_text(encoding="utf-8") == earlier
    assert _left_behind(out) == []


@pytest.mark.parametrize(("name", "content"), [
    ("notes.json", "My notes quote factcompare's JSON: {\"generator\": \"factcompare\"} ...\n"),
    ("notes.md", "# Notes\n\n" + "text\n" * 2000 + "<!-- generated by factcompare -->\n"),
    ("notes.html", "<html><body>" + "x" * 5000 + '<meta name="generator" content="factcompare 0.1.0"></body>'),
])
def test_a_file_quoting_our_marker_is_still_not_ours(setup: tuple[Path, Path, Path, str], tmp_path: Path,
                                                      name: str, content: str) -> None:
    wire, blog, _, _ = setup
    target = tmp_path / name
    target.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(cli, [str(wire), str(blog), "--output", str(target), "-q"])
    assert result.exit_code == 2
    assert "was not written by factcompare" in result.stderr
    assert target.read_text(encoding="utf-8") == content


def test_a_replaced_report_keeps_its_permissions_and_long_names_work(setup: tuple[Path, Path, Path, str],
                                                                     tmp_path: Path) -> None:
    wire, blog, out, _ = setup
    report = out / "wire__blog.json"
    report.chmod(0o600)
    assert CliRunner().invoke(cli, [str(wire), str(blog), "-o", str(out), "-q", "-f", "json"]).exit_code == 0
    assert report.stat().st_mode & 0o777 == 0o600
    long_name = tmp_path / ("r" * 245 + ".md")
    result = CliRunner().invoke(cli, [str(wire), str(blog), "--output", str(long_name), "-q"])
    assert result.exit_code == 0, result.stderr
    assert long_name.read_text(encoding="utf-8").startswith("<!-- generated by factcompare -->")


def test_shortened_names_of_different_groups_stay_apart(tmp_path: Path) -> None:
    a, b = "a" * 70, "b" * 70
    first = reports.report_path_for(tmp_path, [a, b, "event-third-source-one"], ".json")
    second = reports.report_path_for(tmp_path, [a, b, "event-other-source-two"], ".json")
    assert first != second
    assert len(first.name) < 200
