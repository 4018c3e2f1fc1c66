"""Inputs are read with a hard cap while reading: devices, FIFOs and growing files cannot get past --max-bytes.

A FIFO or a character device named as an article is refused at once (opening it never blocks); a pipe is
read from the standard input (``-``) or from a descriptor the shell handed over (``/dev/stdin``, ``<(...)``).
No test here waits on a clock: the FIFO test runs the command as a subprocess whose timeout is only a
safety net against the hang it guards, never a measured duration.
"""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from compare.articles.reader import read_source
from compare.articles.sources import read_stdin
from compare.cli.commands import cli
from compare.errors import ArticleError

GOOD = "The council approved the bridge on Monday, officials said. Work starts in spring.\n"
# Only there so that a regression hangs one test for this long, not the suite for ever.
HANG_GUARD_SECONDS = 120


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def _refused(result: Result, *words: str) -> str:
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("factcompare: error: ")
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_an_endless_device_is_refused_at_once(good: Path, device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    result = CliRunner().invoke(cli, [str(good), device, "--no-report"])
    _refused(result, device, "character device", "-")


def test_a_link_to_a_device_is_refused_too(good: Path, tmp_path: Path) -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    link = tmp_path / "story.txt"
    link.symlink_to("/dev/zero")
    _refused(CliRunner().invoke(cli, [str(good), str(link), "--no-report"]), "character device")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_without_a_writer_is_refused_not_waited_on(good: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)
    try:
        done = subprocess.run([sys.executable, "-m", "compare", str(good), str(fifo), "--no-report"],
                              capture_output=True, text=True, timeout=HANG_GUARD_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"reading a FIFO with no writer blocked (killed after the {HANG_GUARD_SECONDS} s guard)")
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, lines
    assert "FIFO" in lines[0]
    assert "standard input" in lines[0]


def test_a_file_that_grows_after_its_size_was_checked_stops_at_the_limit(
        good: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The size any stat reports is 490 bytes; the file holds 2 MB: the read itself must stop at the limit."""
    grown = tmp_path / "grown.txt"
    grown.write_bytes(b"The mayor said 25 people died. " * 65_000)
    real_size = grown.stat().st_size
    real_stat, real_fstat = os.stat, os.fstat

    def small(result: os.stat_result) -> os.stat_result:
        if stat.S_ISREG(result.st_mode) and result.st_size == real_size:
            fields = list(result[:10])
            fields[stat.ST_SIZE] = 490
            return os.stat_result(fields)
        return result

    monkeypatch.setattr(os, "stat", lambda *a, **k: small(real_stat(*a, **k)))
    monkeypatch.setattr(os, "fstat", lambda fd: small(real_fstat(fd)))
    result = CliRunner().invoke(cli, [str(good), str(grown), "--no-report", "--max-bytes", "10000"])
    _refused(result, "10,000-byte limit", "--max-bytes")


@pytest.mark.parametrize(("size", "refused"), [(999, False), (1000, False), (1001, True)])
def test_the_limit_is_exact(tmp_path: Path, size: int, refused: bool) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes((GOOD.encode() * 20)[:size])
    if refused:
        with pytest.raises(ArticleError, match="1,000-byte limit"):
            read_source(path, max_bytes=1000)
    else:
        assert read_source(path, max_bytes=1000).text


class _Trickle(io.RawIOBase):
    """A stream that hands out at most 7 bytes a read, as a pipe may: the cap must hold across reads."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        chunk, self.data = self.data[:7], self.data[7:]
        buffer[: len(chunk)] = chunk
        return len(chunk)


def test_the_standard_input_is_read_whole_and_capped_across_short_reads() -> None:
    assert read_stdin(_Trickle(GOOD.encode()), max_bytes=1000).text == GOOD  # type: ignore[arg-type]
    with pytest.raises(ArticleError, match="larger than the 100-byte limit"):
        read_stdin(_Trickle(GOOD.encode() * 5), max_bytes=100)  # type: ignore[arg-type]


@pytest.mark.skipif(not os.path.isdir("/dev/fd"), reason="no /dev/fd on this system")
def test_a_pipe_handed_over_by_descriptor_is_read_as_a_stream_and_capped(good: Path) -> None:
    """``factcompare a <(curl ...)`` and ``... /dev/stdin < pipe``: the shell opened the pipe, it has a writer."""
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, GOOD.encode())
        os.close(write_end)
        write_end = -1
        source = read_source(f"/dev/fd/{read_end}")
        assert source.text.strip() == GOOD.strip()
    finally:
        os.close(read_end)
        if write_end != -1:
            os.close(write_end)
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, GOOD.encode() * 3)
        os.close(write_end)
        write_end = -1
        with pytest.raises(ArticleError, match="100-byte limit"):
            read_source(f"/dev/fd/{read_end}", max_bytes=100)
    finally:
        os.close(read_end)
        if write_end != -1:
            os.close(write_end)
