"""Start-up cost of the ``factcompare`` command, beside the interpreter and library floors.

Usage::

    python benchmarks/bench_startup.py [--repeat 10] [--factcompare .venv/bin/factcompare]

Each command runs ``--repeat`` times in a fresh process; the table gives the
median wall time and the median CPU time (user + system of the child, from
``os.wait4``). The floors are measured in the same run, with the same
interpreter, so that a loaded machine shifts every row alike:

- ``python -c pass``: the interpreter alone;
- ``import click, rich``: what any command line with this help output pays;
- ``import scipy.sparse, rapidfuzz, syntok.segmenter``: the floor of a real comparison (scikit-learn is
  not imported by one: the IDF it fitted is written out in ``compare.similarity.features``).

The seed pair is the README's main job, reports written to a temporary folder.
Figures go to stdout as a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_once(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``command`` (which must exit 0)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.returncode != 0:
        msg = f"{' '.join(command)} exited {process.returncode}: {stderr.strip()}"
        raise SystemExit(msg)
    return wall, usage.ru_utime + usage.ru_stime


def measure(command: list[str], cwd: Path, repeat: int) -> tuple[float, float]:
    """Median wall and CPU seconds over ``repeat`` runs, after one warm-up run (file caches)."""
    run_once(command, cwd)
    runs = [run_once(command, cwd) for _ in range(repeat)]
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--factcompare", default=None,
                        help="the command to measure (default: factcompare beside this interpreter)")
    args = parser.parse_args()
    python = sys.executable
    factcompare = args.factcompare or str(Path(python).with_name("factcompare"))
    if not Path(factcompare).exists() and shutil.which(factcompare) is None:
        msg = f"no factcompare command at {factcompare}"
        raise SystemExit(msg)
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        shutil.copytree(ROOT / "seeds", work / "seeds")
        rows = [
            ("python -c pass", [python, "-c", "pass"]),
            ("python -c 'import click, rich'", [python, "-c", "import click, rich"]),
            ("python -c 'import scipy.sparse, rapidfuzz, syntok.segmenter'",
             [python, "-c", "import scipy.sparse, rapidfuzz, syntok.segmenter"]),
            ("factcompare --version", [factcompare, "--version"]),
            ("factcompare --help", [factcompare, "--help"]),
            ("factcompare (the seed pair, all reports)", [factcompare, "-q", "-o", str(work / "reports")]),
        ]
        print(f"| command | wall, median of {args.repeat} | CPU, median of {args.repeat} |")
        print("|---|---|---|")
        for label, command in rows:
            wall, cpu = measure(command, work, args.repeat)
            print(f"| `{label}` | {wall * 1000:.0f} ms | {cpu * 1000:.0f} ms |", flush=True)


if __name__ == "__main__":
    main()
