"""Exit statuses that tell the truth: an environment error (a full disk, a quota, a read-only folder, a name too
long) on the compare and check paths is exit 2 and one line, never 1 ("inconsistent") nor 3 ("internal error").

Issue 15 (item 9) found ``check > /dev/full`` and ``compare > /dev/full`` ending in "internal error" (exit 3),
the latter writing no report at all.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import compare.cli.commands
import compare.reports as reports
from compare.cli.commands import cli

WIRE = "The blast killed 25 people in the capital on Sunday, officials said.\n\nPolice closed the road."
BLOG = "Officials said the blast killed 25 people in the capital on Sunday.\n\nRescue teams searched the rubble."
OTHER = "Officials said the blast killed 30 people in the capital on Sunday.\n\nRescue teams searched the rubble."
FULL = Path("/dev/full")
ENVIRONMENT = {"ENOSPC": errno.ENOSPC, "EDQUOT": errno.EDQUOT, "EROFS": errno.EROFS, "EACCES": errno.EACCES,
               "ENAMETOOLONG": errno.ENAMETOOLONG}


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path, Path]:
    wire, blog, other = tmp_path / "wire.txt", tmp_path / "blog.txt", tmp_path / "other.txt"
    wire.write_text(WIRE, encoding="utf-8")
    blog.write_text(BLOG, encoding="utf-8")
    other.write_text(OTHER, encoding="utf-8")
    return wire, blog, other


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("factcompare: error: "), stderr
    assert "Traceback" not in stderr
    return lines[0]


def _into_full_disk(arguments: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    with FULL.open("w") as full:
        return subprocess.run([sys.executable, "-m", "compare", *arguments], stdout=full, stderr=subprocess.PIPE,
                              text=True, cwd=cwd, env={**os.environ, "NO_COLOR": "1"}, timeout=300, check=False)


needs_dev_full = pytest.mark.skipif(not FULL.exists(), reason="no /dev/full here")


@needs_dev_full
@pytest.mark.spawns
@pytest.mark.parametrize("arguments", [["check", "wire.txt", "other.txt"], ["check", "wire.txt", "blog.txt",
                                                                           "--format", "json"]],
                         ids=["text-inconsistent", "json-consistent"])
def test_check_into_a_full_disk_exits_2_in_one_line(pair: tuple[Path, Path, Path], arguments: list[str]) -> None:
    run = _into_full_disk(arguments, pair[0].parent)
    assert run.returncode == 2, run.stderr
    assert "standard output" in _one_line(run.stderr)
    assert "No space left on device" in run.stderr


@needs_dev_full
@pytest.mark.spawns
def test_compare_into_a_full_disk_exits_2_and_still_writes_the_reports(pair: tuple[Path, Path, Path]) -> None:
    folder = pair[0].parent
    run = _into_full_disk(["wire.txt", "blog.txt", "-o", "out"], folder)
    assert run.returncode == 2, run.stderr
    errors = [line for line in run.stderr.splitlines() if not line.startswith("wrote ")]
    assert "standard output" in _one_line("\n".join(errors))
    assert sorted(p.name for p in (folder / "out").iterdir() if p.name != reports.INDEX_NAME) == [
        f"wire__blog{suffix}" for suffix in (".html", ".json", ".md", ".txt")]


@needs_dev_full
@pytest.mark.spawns
def test_one_format_into_a_full_disk_exits_2(pair: tuple[Path, Path, Path]) -> None:
    run = _into_full_disk(["wire.txt", "blog.txt", "-f", "json"], pair[0].parent)
    assert run.returncode == 2, run.stderr
    _one_line(run.stderr)


@pytest.mark.parametrize("name", sorted(ENVIRONMENT))
def test_check_whose_output_fails_exits_2_not_1(pair: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch,
                                                name: str) -> None:
    wire, _, other = pair
    real_echo = compare.cli.commands.click.echo

    def failing(message: object = None, *, err: bool = False, **kwargs: object) -> None:
        if not err:
            raise OSError(ENVIRONMENT[name], os.strerror(ENVIRONMENT[name]))
        real_echo(message, err=err, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(compare.cli.commands.click, "echo", failing)
    result = CliRunner().invoke(cli, ["check", str(wire), str(other)])
    assert result.exit_code == 2, result.stderr
    assert os.strerror(ENVIRONMENT[name]) in _one_line(result.stderr)


@pytest.mark.parametrize("name", sorted(ENVIRONMENT))
def test_an_environment_error_while_comparing_exits_2(pair: tuple[Path, Path, Path],
                                                      monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    wire, blog, _ = pair

    def failing(*_: object, **__: object) -> None:  # the engine's temporary files, a cache, a model on disk...
        raise OSError(ENVIRONMENT[name], os.strerror(ENVIRONMENT[name]), "/var/tmp/cache")

    monkeypatch.setattr("compare.core.compare_articles", failing)
    for command in (["check", str(wire), str(blog)], [str(wire), str(blog), "-f", "json"]):
        result = CliRunner().invoke(cli, command)
        assert result.exit_code == 2, result.stderr
        line = _one_line(result.stderr)
        assert os.strerror(ENVIRONMENT[name]) in line
        assert "/var/tmp/cache" in line


@pytest.mark.parametrize("name", sorted(ENVIRONMENT))
def test_an_environment_error_while_writing_a_report_exits_2(pair: tuple[Path, Path, Path], tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    wire, blog, _ = pair

    def failing(*_: object, **__: object) -> None:
        raise OSError(ENVIRONMENT[name], os.strerror(ENVIRONMENT[name]))

    monkeypatch.setattr(reports.os, "replace", failing)
    result = CliRunner().invoke(cli, [str(wire), str(blog), "-o", str(tmp_path / "out"), "-q", "-f", "json,markdown"])
    assert result.exit_code == 2, result.stderr
    assert os.strerror(ENVIRONMENT[name]) in _one_line(result.stderr)
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith(".tmp")]


def test_a_path_component_over_255_bytes_exits_2(pair: tuple[Path, Path, Path], tmp_path: Path) -> None:
    wire, blog, _ = pair
    long_file = tmp_path / ("r" * 300 + ".json")
    long_folder = tmp_path / ("é" * 150) / "reports"
    for command in ([str(wire), str(blog), "--output", str(long_file), "-q"],
                    [str(wire), str(blog), "-o", str(long_folder), "-q"]):
        result = CliRunner().invoke(cli, command)
        assert result.exit_code == 2, result.stderr
        assert "File name too long" in _one_line(result.stderr)


def test_sources_with_names_of_250_bytes_still_get_their_reports(tmp_path: Path) -> None:
    left, right = tmp_path / ("ü" * 124 + ".txt"), tmp_path / ("б" * 124 + ".txt")  # 252 bytes each
    left.write_text(WIRE, encoding="utf-8")
    right.write_text(BLOG, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, [str(left), str(right), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.stderr
    written = [p.name for p in out.iterdir() if p.name != reports.INDEX_NAME]
    assert len(written) == 4
    assert all(len(name.encode("utf-8")) <= reports.MAX_FILE_NAME_BYTES for name in written)
