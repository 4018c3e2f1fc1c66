"""How long a batch run with a pool takes to end after SIGTERM, and whether its workers go with it.

Usage::

    python benchmarks/bench_batch_interrupt.py [--runs 10] [--after 0] [--pairs 2000]

Each run starts ``factcompare batch`` on ``--pairs`` copies of the seed pair with 2 workers,
waits until both workers exist (polling ``/proc``, Linux only), waits ``--after`` seconds more,
sends SIGTERM, and prints the exit status, the seconds until the run ended and until its
workers were gone, and its last line on stderr. Expected: exit 130, ``factcompare:
interrupted``, both at once. A measurement, not a test: the wait is whatever it is.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BOUND = 300.0  # seconds: a run still alive then is killed and reported as such


def children(pid: int) -> set[int]:
    """Live child processes of ``pid``, from /proc."""
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.add(int(entry))
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def one_run(folder: Path, manifest: Path, after: float) -> str:
    run = subprocess.Popen([sys.executable, "-m", "compare", "batch", str(manifest), "--workers", "2",
                            "--output", str(folder / "records.jsonl"), "--force", "-q"],
                           cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    workers: set[int] = set()
    while len(workers) < 2 and run.poll() is None:
        workers = children(run.pid)
    time.sleep(after)
    sent = time.monotonic()
    run.send_signal(signal.SIGTERM)
    try:
        run.wait(timeout=BOUND)
    except subprocess.TimeoutExpired:
        run.kill()
        run.wait()
    ended = time.monotonic() - sent
    while any(alive(pid) for pid in workers) and time.monotonic() - sent < BOUND:
        time.sleep(0.05)
    gone = time.monotonic() - sent
    assert run.stderr is not None
    last = (run.stderr.read().decode(errors="replace").strip().splitlines() or [""])[-1]
    return f"exit {run.returncode}, ended after {ended:.1f} s, workers gone after {gone:.1f} s: {last}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--after", type=float, default=0.0, help="seconds between the workers' start and SIGTERM")
    parser.add_argument("--pairs", type=int, default=2000)
    args = parser.parse_args()
    left, right = sorted(p for p in (ROOT / "seeds").iterdir() if p.is_file())[:2]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        manifest = folder / "pairs.csv"
        manifest.write_text("id,left,right\n" + "".join(f"p{i},{left},{right}\n" for i in range(args.pairs)),
                            encoding="utf-8")
        for number in range(1, args.runs + 1):
            print(f"run {number}: {one_run(folder, manifest, args.after)}", flush=True)


if __name__ == "__main__":
    main()
