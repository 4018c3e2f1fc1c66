"""A kill test that cannot be fooled (issue 15): a real batch run, killed ten times, resumes to the same bytes.

One collection (50 groups: pairs and three-source groups of variants of the seed articles, built here with a
fixed seed) is first run once uninterrupted, giving the reference record file. Then the same collection is run
into another record file and stopped ten times, each time in one of three ways, in an order and at offsets drawn
from a seeded generator (the same on every machine):

* SIGKILL or SIGTERM sent to the run once its record file has grown by k records (k drawn from 1-3);
* a full disk: the run is started with a file-size limit (RLIMIT_FSIZE, SIGXFSZ ignored, so writes fail with
  EFBIG as they would with ENOSPC) that falls inside the k-th record still to be written, so the run tears that
  record halfway, exactly there, and must stop with exit 2 and one line.

Each run is started in a session of its own, so that every process it starts (pool workers, the resource
tracker, a Dask cluster) is in its process group; after each stop the test polls /proc until no process of that
group is left, with a bounded wait (a stuck wait fails, it never passes). After every stop the record file must be
a byte prefix of the reference (a torn last record included); the run after the last stop must end with exit 0
and a record file byte-identical to the reference. Nothing sleeps a fixed time or asserts a duration: the test
waits for the record file to grow, for the run to end and for processes to go, each with a generous deadline.

The Dask engine is stopped three times, once each way (its local cluster's scheduler, nannies and workers must go
too), with Dask's default HTTP port held by the test. Under ``-q`` stderr must hold only factcompare's one line:
before the fix that follows these tests, a Dask run stopped by SIGTERM or a full disk printed its workers'
``CancelledError`` warnings, and a held port 8787 a ``UserWarning``; a full disk's line named no file.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import resource
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent.parent
SEEDS = ROOT / "seeds"
DEADLINE = 180.0  # seconds; a bound on every wait, not a speed assertion
FULL_DISK = "full disk"
DASK_DEFAULT_PORT = 8787  # the scheduler's HTTP server (dashboard)

pytestmark = [pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc"),
              pytest.mark.spawns, pytest.mark.slow]


# -- the collection ---------------------------------------------------------------------------------------

def build_collection(folder: Path, groups: int = 50, seed: int = 15) -> Path:
    """Twelve variants of the seed articles (paragraphs shuffled and cut) and a JSON Lines manifest of groups."""
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for number in range(12):
        paragraphs = [p for p in texts[number % 2].split("\n\n") if p.strip()]
        rng.shuffle(paragraphs)
        name = f"v{number:02d}.txt"
        (folder / name).write_text("\n\n".join(paragraphs[: max(2, len(paragraphs) - number % 4)]) + "\n",
                                   encoding="utf-8")
        names.append(name)
    manifest = folder / "groups.jsonl"
    with manifest.open("w", encoding="utf-8") as handle:
        for number in range(groups):
            size = 3 if number % 5 == 4 else 2  # a three-source record starts with {"agreement": ...
            handle.write(json.dumps({"id": f"g{number:02d}", "articles": rng.sample(names, size)}) + "\n")
    return manifest


# -- processes ----------------------------------------------------------------------------------------------

def group_members(pgid: int) -> set[int]:
    """Live processes (zombies left out) of process group ``pgid``."""
    found = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        state, _ppid, group = stat.rsplit(")", 1)[1].split()[:3]
        if int(group) == pgid and state not in "ZX":
            found.add(int(entry))
    return found


def assert_no_process_left(pgid: int) -> None:
    """Poll /proc until no process of the run's group is alive; past the deadline kill them and fail."""
    start = time.monotonic()
    while left := group_members(pgid):
        if time.monotonic() - start > DEADLINE:
            commands = {pid: Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")[:200] for pid in left
                        if Path(f"/proc/{pid}/cmdline").exists()}
            for pid in left:
                os.kill(pid, signal.SIGKILL)
            pytest.fail(f"processes {commands} outlived the stopped run")
        time.sleep(0.05)


def complete_lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def start(command: list[str], stderr: Path, preexec: Callable[[], None] | None = None) -> subprocess.Popen[bytes]:
    with stderr.open("wb") as errors:  # a file, not a pipe: a process left behind cannot hold the test up
        return subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors,
                                start_new_session=True, preexec_fn=preexec)


def file_size_limit(limit: int) -> Callable[[], None]:
    def limited() -> None:  # runs in the child, before exec
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG, as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return limited


def stop_when_grown(run: subprocess.Popen[bytes], output: Path, lines: int, signum: int) -> None:
    """Send ``signum`` to the run (its leader only) once ``output`` holds ``lines`` complete lines."""
    start_time = time.monotonic()
    while complete_lines(output) < lines:
        if run.poll() is not None:
            pytest.fail(f"the run ended (status {run.returncode}) before its record file reached {lines} lines")
        if time.monotonic() - start_time > DEADLINE:
            pytest.fail(f"the record file did not reach {lines} lines")
        time.sleep(0.01)
    assert run.poll() is None, "the run finished before it could be stopped (a collection too small?)"
    run.send_signal(signum)


def batch_command(manifest: Path, output: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "compare", "batch", str(manifest), "--output", str(output), "--workers", "2",
            "-q", *extra]


def kill_and_resume(tmp_path: Path, *extra: str, ways: list[int | str], seed: int = 15) -> None:
    """The whole test, for an engine given by ``extra`` options: stopped in each of ``ways``, in a seeded order."""
    manifest = build_collection(tmp_path / "collection")
    reference_file = tmp_path / "reference.jsonl"
    clean = subprocess.run(batch_command(manifest, reference_file, *extra), stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=DEADLINE, start_new_session=True, check=False)
    assert clean.returncode == 0, clean.stderr.decode(errors="replace")
    assert clean.stderr == b"", clean.stderr.decode(errors="replace")  # -q: nothing but errors (no Dask warnings)
    reference = reference_file.read_bytes()
    offsets = [0]  # where each line of the reference starts
    for line in reference.split(b"\n")[:-1]:
        offsets.append(offsets[-1] + len(line) + 1)

    rng = random.Random(seed)
    ways = list(ways)
    rng.shuffle(ways)
    output = tmp_path / "records.jsonl"
    for number, way in enumerate(ways):
        k = rng.randint(1, 3)
        before = max(complete_lines(output), 1)  # the header (line 0) is written before any record
        errors = tmp_path / f"stderr-{number}.txt"
        if way == FULL_DISK:
            torn = before + k - 1  # the line whose write meets the limit: halfway through it
            limit = offsets[torn] + (offsets[torn + 1] - offsets[torn]) // 2
            run = start(batch_command(manifest, output, *extra), errors, file_size_limit(limit))
            run.wait(timeout=DEADLINE)
            message = errors.read_text(encoding="utf-8", errors="replace")
            assert run.returncode == 2, (number, run.returncode, message)
            assert len(message.strip().splitlines()) == 1, message
            assert "Traceback" not in message
            assert message.startswith(f"factcompare: error: {output}: ")  # names the file it could not write
            assert output.stat().st_size == limit  # torn exactly there: the test is not fooled by an early stop
        else:
            run = start(batch_command(manifest, output, *extra), errors)
            stop_when_grown(run, output, before + k, way)
            run.wait(timeout=DEADLINE)
            message = errors.read_text(encoding="utf-8", errors="replace")
            expected = -signal.SIGKILL if way == signal.SIGKILL else 130  # SIGTERM: interrupted, as the README says
            assert run.returncode == expected, (number, run.returncode, message)
            if way == signal.SIGTERM:  # one line, and nothing else (no warning of a library) under -q
                assert message == "factcompare: interrupted\n", message
            assert complete_lines(output) >= before + k
        assert_no_process_left(run.pid)
        assert reference.startswith(output.read_bytes()), f"stop {number}: not a prefix of the reference"
    final = start(batch_command(manifest, output, *extra), tmp_path / "stderr-final.txt")
    final.wait(timeout=DEADLINE)
    message = (tmp_path / "stderr-final.txt").read_text(encoding="utf-8", errors="replace")
    assert final.returncode == 0, message
    assert message == "", message
    assert_no_process_left(final.pid)
    assert output.read_bytes() == reference


def test_a_batch_killed_ten_times_resumes_to_the_same_records(tmp_path: Path) -> None:
    kill_and_resume(tmp_path, ways=[signal.SIGKILL] * 4 + [signal.SIGTERM] * 4 + [FULL_DISK] * 2)


def test_a_dask_batch_killed_three_times_resumes_to_the_same_records(tmp_path: Path) -> None:
    """The Dask engine's local cluster (scheduler, nannies, workers) goes with its run, on every kind of stop."""
    pytest.importorskip("dask.distributed", reason="Dask is not installed (pip install '.[dask]')")
    with contextlib.ExitStack() as stack:
        # Dask's default HTTP port held, as a second run or another program holds it: Dask used to warn about it.
        holder = stack.enter_context(socket.socket())
        with contextlib.suppress(OSError):  # taken already: the same condition
            holder.bind(("", DASK_DEFAULT_PORT))
            holder.listen()
        # One stop of each kind (the local engine's test stops ten times; each Dask run starts a cluster).
        kill_and_resume(tmp_path, "--engine", "dask", ways=[signal.SIGKILL, signal.SIGTERM, FULL_DISK])
