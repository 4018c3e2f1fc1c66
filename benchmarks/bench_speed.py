"""Speed and memory of compare_articles: the seed pair, a repeated-sentence article, and long pairs from ECB+.

Usage::

    python benchmarks/bench_speed.py [--data ../shared/data] [--sizes 250 500 1000 2000] [--repeat 20]
                                     [--repeated 20000]

Each long-pair size runs in a fresh subprocess, so that its peak resident
memory (ru_maxrss) is its own. Times are wall-clock, in-process, after imports
and one warm-up run. Figures go to stdout as a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare import compare_articles, read_source  # noqa: E402
from compare.evaluation.data import load_ecbplus_documents  # noqa: E402
from compare.render import RENDERERS  # noqa: E402


def seed_pair(repeat: int) -> dict[str, float]:
    left, right = (read_source(p) for p in sorted((ROOT / "seeds").glob("*.txt")))
    compare_articles(left, right)  # warm-up: first-call caches (stems, n-grams)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        compare_articles(left, right)
        times.append(time.perf_counter() - started)
    cold = _cold_seed_time()
    return {"median_ms": statistics.median(times) * 1000, "min_ms": min(times) * 1000, "cold_ms": cold}


def render_times(repeat: int) -> dict[str, float]:
    """Median milliseconds to render the seed pair's comparison in each report format."""
    left, right = (read_source(p) for p in sorted((ROOT / "seeds").glob("*.txt")))
    comparison = compare_articles(left, right)
    medians = {}
    for name, renderer in RENDERERS.items():
        renderer.render(comparison)  # warm-up: template compilation, caches
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            renderer.render(comparison)
            times.append(time.perf_counter() - started)
        medians[name] = statistics.median(times) * 1000
    return medians


def _cold_seed_time() -> float:
    """One comparison in a fresh process, after imports but before any cache is warm."""
    code = (
        "import sys, time; sys.path.insert(0, {!r})\n"
        "from compare import compare_articles, read_source\n"
        "from pathlib import Path\n"
        "l, r = (read_source(p) for p in sorted(Path({!r}).glob('*.txt')))\n"
        "t = time.perf_counter(); compare_articles(l, r); print((time.perf_counter() - t) * 1000)\n"
    ).format(str(ROOT), str(ROOT / "seeds"))
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                check=True).stdout)


def long_articles(data_dir: Path, sentences: int) -> tuple[str, str]:
    """Two articles of about ``sentences`` sentences each: ECB+ ecb documents against ecbplus ones."""
    documents = sorted(load_ecbplus_documents(data_dir).values(), key=lambda d: d.doc_id)
    sides: dict[str, list[str]] = {"ecb": [], "ecbplus": []}
    counts = {"ecb": 0, "ecbplus": 0}
    for document in documents:
        kind = "ecbplus" if document.doc_id.endswith("ecbplus") else "ecb"
        if counts[kind] >= sentences:
            continue
        body = list(document.sentences[: sentences - counts[kind]])
        counts[kind] += len(body)
        # Three sentences a paragraph, as news copy is laid out.
        sides[kind] += [" ".join(body[i : i + 3]) for i in range(0, len(body), 3)]
    return "\n\n".join(sides["ecb"]), "\n\n".join(sides["ecbplus"])


def measure_long(data_dir: Path, sentences: int) -> dict[str, float]:
    """Run one long pair in this process and report time and peak memory."""
    left, right = long_articles(data_dir, sentences)
    compare_articles("Warm up the imports. Nothing else.", "Warm up the imports.")
    started = time.perf_counter()
    comparison = compare_articles(left, right)
    elapsed = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "sentences_left": len(comparison.left.statement_ids),
        "sentences_right": len(comparison.right.statement_ids),
        "seconds": elapsed,
        "peak_mib": peak_kib / 1024,
        "alignments": len(comparison.alignments),
    }


#: An article of one sentence repeated, compared with itself: the attack of issue 15 (20,000 copies, 1.2 MB).
REPEATED_SENTENCE = "The council approved the new bridge plan on Monday after a long debate."


def measure_repeated(copies: int) -> dict[str, float]:
    """One article of ``copies`` identical sentences compared with itself, in this process."""
    text = " ".join([REPEATED_SENTENCE] * copies)
    compare_articles("Warm up the imports. Nothing else.", "Warm up the imports.")
    started = time.perf_counter()
    comparison = compare_articles(text, text)
    elapsed = time.perf_counter() - started
    return {"seconds": elapsed, "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "alignments": len(comparison.alignments), "consistency": comparison.summary.consistency}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--sizes", type=int, nargs="*", default=[250, 500, 1000, 2000])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--repeated", type=int, default=20_000,
                        help="copies of one sentence in the repeated-sentence article (0: skip it)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: one long pair, JSON out
    parser.add_argument("--one-repeated", type=int, help=argparse.SUPPRESS)  # internal: the repeated article
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_long(args.data, args.one)))
        return
    if args.one_repeated:
        print(json.dumps(measure_repeated(args.one_repeated)))
        return

    seed = seed_pair(args.repeat)
    print(f"seed pair: median {seed['median_ms']:.1f} ms, best {seed['min_ms']:.1f} ms "
          f"(first call in a fresh process {seed['cold_ms']:.1f} ms), {args.repeat} runs")
    rendering = render_times(args.repeat)
    print("rendering the seed pair's reports (median): " +
          ", ".join(f"{name} {ms:.1f} ms" for name, ms in rendering.items()))
    if args.repeated:
        result = subprocess.run([sys.executable, __file__, "--one-repeated", str(args.repeated)],
                                capture_output=True, text=True, check=True)
        row = json.loads(result.stdout)
        print(f"one sentence repeated {args.repeated:,} times, compared with itself: {row['seconds']:.2f} s, "
              f"{row['peak_mib']:.0f} MiB peak, {row['alignments']:,} groups, consistency {row['consistency']:.0%}")
    if not (args.data / "news_multisource").is_dir():
        print(f"no evaluation data at {args.data}: long pairs skipped")
        return
    print()
    print("| statements (left x right) | time (s) | peak memory (MiB) | aligned groups |")
    print("|---|---|---|---|")
    rows = []
    for size in args.sizes:
        result = subprocess.run([sys.executable, __file__, "--data", str(args.data), "--one", str(size)],
                                capture_output=True, text=True, check=True)
        row = json.loads(result.stdout)
        rows.append(row)
        print(f"| {row['sentences_left']} x {row['sentences_right']} | {row['seconds']:.2f} | "
              f"{row['peak_mib']:.0f} | {row['alignments']} |", flush=True)
    if len(rows) >= 2:
        first, last = rows[0], rows[-1]
        cells = lambda r: r["sentences_left"] * r["sentences_right"]  # noqa: E731
        exponent = math.log(last["seconds"] / first["seconds"]) / math.log(cells(last) / cells(first))
        print(f"\ntime grows as (left x right)^{exponent:.2f} between the smallest and largest pair")


if __name__ == "__main__":
    main()
