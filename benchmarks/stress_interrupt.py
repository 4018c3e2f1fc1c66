"""Run the interruption tests again and again on a machine kept busy, and count how often they pass.

Usage::

    python benchmarks/stress_interrupt.py [--runs 20] [--load 4] [--seconds 1800]

``--load`` busy-loop processes (default: twice the cores) keep every core at
100% while the tests run; each loop stops by itself after ``--seconds`` and all
are killed when the script ends, so nothing outlives it. Each run is one
``pytest tests/robustness/test_interrupt.py`` in a fresh process. The tests wait
for the process under test to name its stage, never for a fixed time, so a
loaded machine must not change their outcome: the expected result is every run
passing.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUSY_LOOP = "import time\nend = time.monotonic() + {seconds}\nwhile time.monotonic() < end:\n    pass\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--load", type=int, default=2 * (os.cpu_count() or 1), help="busy-loop processes")
    parser.add_argument("--seconds", type=float, default=1800, help="at most this long for each busy loop")
    parser.add_argument("--tests", default="tests/robustness/test_interrupt.py")
    args = parser.parse_args()
    loops = [subprocess.Popen([sys.executable, "-c", BUSY_LOOP.format(seconds=args.seconds)])
             for _ in range(args.load)]
    passed = 0
    try:
        for run in range(1, args.runs + 1):
            started = time.monotonic()
            result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", args.tests],
                                    cwd=ROOT, capture_output=True, text=True, check=False)
            summary = (result.stdout.strip().splitlines() or ["(no output)"])[-1]
            passed += result.returncode == 0
            print(f"run {run:2d}: {'pass' if result.returncode == 0 else 'FAIL'} in "
                  f"{time.monotonic() - started:5.1f} s ({summary})", flush=True)
            if result.returncode != 0:
                print(result.stdout[-4000:], flush=True)
    finally:
        for loop in loops:
            loop.kill()
        for loop in loops:
            loop.wait()
    print(f"{passed} of {args.runs} runs passed with {args.load} busy loops on {os.cpu_count()} cores")
    sys.exit(0 if passed == args.runs else 1)


if __name__ == "__main__":
    main()
