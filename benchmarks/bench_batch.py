"""Throughput of ``factcompare batch`` on real collections: BASIL triplets and ECB+ same-subtopic pairs.

Usage::

    python benchmarks/bench_batch.py [--data ../shared/data] [--only basil|ecbplus]

Articles are written as text files to a temporary folder, with JSON Lines
manifests; each configuration then runs in a fresh subprocess (so that its
peak memory, its own and its worker processes', is its own) through the same
engines the CLI uses. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare.collection.engines import run_dask, run_local  # noqa: E402
from compare.collection.job import BatchSettings  # noqa: E402
from compare.collection.manifest import read_collection  # noqa: E402
from compare.evaluation.data import load_ecbplus_documents  # noqa: E402


def write_basil(data: Path, folder: Path) -> tuple[Path, Path]:
    """BASIL articles as files; manifests of the 300 pairs and of the 100 triplets."""
    articles = {}
    with (data / "news_multisource/basil/basil_articles.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            path = folder / "basil" / f"{row['article_id']}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            paragraphs = [row["title"], *(" ".join(p) for p in row["paragraphs"])]
            path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
            articles[row["article_id"]] = path
    pairs, triplets = folder / "basil_pairs.jsonl", folder / "basil_triplets.jsonl"
    with (data / "news_multisource/basil/basil_triplets.tsv").open(encoding="utf-8") as handle, \
            pairs.open("w", encoding="utf-8") as pair_out, triplets.open("w", encoding="utf-8") as triplet_out:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            ids = [row[f"{s}_article_id"] for s in ("fox", "nyt", "hpo")]
            paths = [str(articles[i]) for i in ids]
            triplet_out.write(json.dumps({"id": row["triplet_uuid"], "articles": paths}) + "\n")
            for a, b in ((0, 1), (0, 2), (1, 2)):
                pair_out.write(json.dumps({"id": f"{ids[a]}+{ids[b]}", "left": paths[a], "right": paths[b]}) + "\n")
    return pairs, triplets


def write_ecbplus(data: Path, folder: Path) -> Path:
    """ECB+ documents as files (three sentences a paragraph); the manifest of all same-subtopic pairs."""
    paths = {}
    for doc_id, document in load_ecbplus_documents(data).items():
        path = folder / "ecbplus" / f"{doc_id}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        sentences = list(document.sentences)
        paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
        path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        paths[doc_id] = path
    manifest = folder / "ecbplus_pairs.jsonl"
    with (data / "alignment_gold/ecbplus/ecbplus_doc_pairs.tsv").open(encoding="utf-8") as handle, \
            manifest.open("w", encoding="utf-8") as out:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            out.write(json.dumps({"id": f"{row['doc_a']}+{row['doc_b']}", "left": str(paths[row["doc_a"]]),
                                  "right": str(paths[row["doc_b"]])}) + "\n")
    return manifest


def measure(manifest: Path, engine: str, workers: int) -> dict[str, float]:
    """Run one configuration in this process; wall time, throughput and peak memory."""
    groups = read_collection(manifest)
    started = time.perf_counter()
    if engine == "dask":
        records = list(run_dask(groups, BatchSettings(), workers=workers))
    else:
        records = list(run_local(groups, BatchSettings(), workers=workers))
    seconds = time.perf_counter() - started
    comparisons = sum(len(json.loads(r).get("pairs", [])) for r in records)
    failed = sum(json.loads(r)["status"] != "ok" for r in records)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"groups": len(records), "comparisons": comparisons, "failed": failed, "seconds": seconds,
            "peak_mib": own, "worker_peak_mib": children}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--only", choices=["basil", "ecbplus"])
    parser.add_argument("--one", nargs=3, help=argparse.SUPPRESS)  # internal: manifest engine workers
    args = parser.parse_args()
    if args.one:
        manifest, engine, workers = args.one
        print(json.dumps(measure(Path(manifest), engine, int(workers))))
        return
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        runs = []
        if args.only in (None, "basil"):
            pairs, triplets = write_basil(args.data, folder)
            runs += [("BASIL, 300 pairs", pairs, "local", 1), ("BASIL, 300 pairs", pairs, "local", 2),
                     ("BASIL, 100 triplets (3 pairs each)", triplets, "local", 1),
                     ("BASIL, 100 triplets (3 pairs each)", triplets, "local", 2)]
        if args.only in (None, "ecbplus"):
            manifest = write_ecbplus(args.data, folder)
            runs += [("ECB+, 5568 same-subtopic pairs", manifest, "local", 1),
                     ("ECB+, 5568 same-subtopic pairs", manifest, "local", 2),
                     ("ECB+, 5568 same-subtopic pairs", manifest, "dask", 2)]
        print("| collection | engine | workers | wall time (s) | groups/s | comparisons/s "
              "| peak memory, main / per worker (MiB) |")
        print("|---|---|---|---|---|---|---|")
        for title, path, engine, workers in runs:
            result = subprocess.run([sys.executable, __file__, "--one", str(path), engine, str(workers)],
                                    capture_output=True, text=True, check=True)
            row = json.loads(result.stdout.strip().splitlines()[-1])
            workers_mib = f"{row['worker_peak_mib']:.0f}" if workers > 1 or engine == "dask" else "-"
            print(f"| {title} | {engine} | {workers} | {row['seconds']:.1f} | {row['groups'] / row['seconds']:.1f} "
                  f"| {row['comparisons'] / row['seconds']:.1f} | {row['peak_mib']:.0f} / {workers_mib} |",
                  flush=True)


if __name__ == "__main__":
    main()
