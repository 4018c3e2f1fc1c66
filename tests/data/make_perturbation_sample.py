"""Rebuild perturbation_sample.jsonl: same-event sentence pairs from ECB+ (CC BY 3.0), for runs without the data.

Usage: python tests/data/make_perturbation_sample.py ../shared/data

Strict gold pairs (a shared event chain, chain Jaccard >= 0.5) of the held-out
topics 36-45, drawn with a fixed seed among those where some perturbation
applies, so that every kind has cases. MRPC is not shipped: its terms do not
allow redistribution.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from compare.evaluation.data import SentencePair, _tsv, require, topic_of
from compare.evaluation.perturb import perturbations

SAMPLE_SIZE = 120
SEED = 20261121


def main(data_dir: Path) -> None:
    path = require(data_dir, "alignment_gold/ecbplus/ecbplus_selected_sentence_pairs.tsv")
    rows = [r for r in _tsv(path) if topic_of(r["subtopic"]) >= 36 and r["label"] == "1"
            and float(r["chain_jaccard"]) >= 0.5 and r["text_a"] != r["text_b"]]
    rows = sorted({(r["text_a"], r["text_b"]): r for r in rows}.values(), key=lambda r: (r["doc_a"], r["sent_a"],
                                                                                          r["doc_b"], r["sent_b"]))
    usable = [r for r in rows if perturbations([SentencePair(r["text_a"], r["text_b"], 1)])]
    chosen = random.Random(SEED).sample(usable, min(SAMPLE_SIZE, len(usable)))
    out = Path(__file__).with_name("perturbation_sample.jsonl")
    with out.open("w", encoding="utf-8") as handle:
        for r in chosen:
            handle.write(json.dumps({"sentence1": r["text_a"], "sentence2": r["text_b"],
                                     "source": f"ECB+ {r['doc_a']}#{r['sent_a']} / {r['doc_b']}#{r['sent_b']}"},
                                    ensure_ascii=False) + "\n")
    sys.stdout.write(f"{len(chosen)} pairs of {len(usable)} usable ({len(rows)} strict pairs) -> {out}\n")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))
