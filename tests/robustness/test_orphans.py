"""A batch killed with SIGKILL leaves no worker behind (issue 15: workers lived on under PID 1, ~130 MB each).

No fixed sleeps: the test polls /proc for the run's workers, kills the run once they exist, then polls until
every one of them is gone, each wait bounded by a generous deadline (a stuck wait fails, it never passes).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SEEDS = Path(__file__).parent.parent.parent / "seeds"
DEADLINE = 120.0  # seconds; a bound on waiting, not a speed assertion

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")


def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                found.add(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_workers_die_with_a_killed_batch(tmp_path: Path, signum: int) -> None:
    left, right = sorted(p for p in SEEDS.iterdir() if p.is_file())[:2]
    manifest = tmp_path / "pairs.csv"
    manifest.write_text("id,left,right\n" + "".join(f"p{i},{left},{right}\n" for i in range(2000)))
    run = subprocess.Popen([sys.executable, "-m", "compare", "batch", str(manifest), "--workers", "2",
                            "--output", str(tmp_path / "records.jsonl"), "-q"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        start = time.monotonic()
        workers: set[int] = set()
        while len(workers) < 2:  # the pool's two workers (the resource tracker may be a third child)
            assert run.poll() is None, "the run ended before its workers started"
            assert time.monotonic() - start < DEADLINE, "no workers appeared"
            workers = _children(run.pid)
        run.send_signal(signum)
        run.wait(timeout=DEADLINE)
        if signum == signal.SIGTERM:
            assert run.returncode == 130  # interrupted, one line, as the README's exit statuses say
        start = time.monotonic()
        while any(_alive(pid) for pid in workers):
            if time.monotonic() - start > DEADLINE:
                left_alive = [pid for pid in workers if _alive(pid)]
                for pid in left_alive:
                    os.kill(pid, signal.SIGKILL)
                pytest.fail(f"workers {left_alive} outlived the killed run")
            time.sleep(0.05)
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
