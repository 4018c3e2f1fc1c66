"""iSTS 2016 headlines: do the typed differences land on the chunks experts marked as differing?

Each headline pair comes with expert chunk alignments typed EQUI, OPPO,
SPE1/SPE2 (one side more specific), SIMI, REL or NOALI (no counterpart). The
difference check is run on the pair as one aligned group, and each piece of
its evidence is located in the headline (its tokens). Predictions, by the form
of the difference:

- a *detail on one side* (evidence on that side only, or the more specific side
  of figures against vague amounts) predicts that the side's chunk is unaligned
  or more specific: it is scored against NOALI and against SPE1/SPE2 chunks of
  that side;
- a *negation or direction conflict* predicts opposite meaning: scored against
  OPPO alignments (either side's chunk).

A gold chunk is found when some predicted evidence shares a token with it;
a prediction is correct when it shares a token with a gold chunk of the type.
Punctuation-only chunks (a lone comma is NOALI) are left out of the gold.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..facts import group_differences
from ..models import Difference
from .data import require

ISTS_TYPES = ("OPPO", "SPE", "NOALI", "SPE+NOALI")


@dataclass(frozen=True)
class TypeScores:
    kind: str
    gold: int
    found: int
    predicted: int
    correct: int

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0


@dataclass(frozen=True)
class IstsResult:
    split: str
    pairs: int
    types: tuple[TypeScores, ...]


def _token_spans(tokens: list[str], text: str) -> list[tuple[int, int]]:
    spans, position = [], 0
    for token in tokens:
        start = text.index(token, position)
        spans.append((start, start + len(token)))
        position = start + len(token)
    return spans


def _evidence_tokens(evidence: str | None, text: str, spans: list[tuple[int, int]]) -> set[int]:
    """1-based token numbers (the gold's numbering) that the evidence pieces cover in ``text``."""
    covered: set[int] = set()
    for piece in (evidence or "").split("; "):
        start = text.find(piece) if piece else -1
        if start < 0:
            continue
        end = start + len(piece)
        covered |= {i + 1 for i, (s, e) in enumerate(spans) if s < end and start < e}
    return covered


def _predictions(difference: Difference, texts: tuple[str, str],
                 spans: tuple[list[tuple[int, int]], list[tuple[int, int]]]) -> list[tuple[str, int, set[int]]]:
    """(predicted type, side 1/2, tokens) for one difference."""
    tokens = [_evidence_tokens(difference.left, texts[0], spans[0]),
              _evidence_tokens(difference.right, texts[1], spans[1])]
    if difference.kind in ("negation", "direction") and difference.conflict:
        return [("OPPO", side + 1, tokens[side]) for side in (0, 1) if tokens[side]]
    sides = [side for side in (0, 1) if (difference.left, difference.right)[side] is not None]
    if len(sides) == 1 and tokens[sides[0]]:
        return [("DETAIL", sides[0] + 1, tokens[sides[0]])]
    if difference.kind == "number" and difference.conflict and difference.right and difference.left:
        vague = [bool(re.search(r"\b(?:multiple|several|numerous|many|dozens|hundreds|thousands|few)\b", e, re.I))
                 for e in (difference.left, difference.right)]
        if vague[0] != vague[1]:  # figures against vague amounts: the figures' side is more specific
            side = 0 if vague[1] else 1
            return [("DETAIL", side + 1, tokens[side])] if tokens[side] else []
    return []


def evaluate_ists(data_dir: Path, split: str = "test") -> IstsResult:
    path = require(data_dir, "alignment_gold/ists2016_headlines/ists2016_headlines.jsonl")
    with path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    rows = [r for r in rows if r["split"] == split]
    counts = {kind: [0, 0, 0, 0] for kind in ISTS_TYPES}  # gold, found, predicted, correct
    for row in rows:
        texts = (row["sent1"], row["sent2"])
        spans = (_token_spans(row["tokens1"], texts[0]), _token_spans(row["tokens2"], texts[1]))
        # Gold items per type; an item is one or two chunks (side, tokens), found through any of them.
        gold: dict[str, list[list[tuple[int, set[int]]]]] = {kind: [] for kind in ISTS_TYPES}
        for alignment in row["alignments"]:
            kind = alignment["type"].split("_")[0]
            chunks = [(side, set(alignment[f"tok{side}"])) for side in (1, 2)]
            chunks = [(side, tokens) for side, tokens in chunks if tokens and _has_word(row, side, tokens)]
            if kind == "OPPO" and chunks:
                gold["OPPO"].append(chunks)
            elif kind in ("SPE1", "SPE2"):  # the more specific side's chunk
                gold["SPE"] += [[chunk] for chunk in chunks if chunk[0] == int(kind[-1])]
            elif kind == "NOALI":
                gold["NOALI"] += [[chunk] for chunk in chunks]
        predictions = [p for d in group_differences([texts[0]], [texts[1]]) for p in _predictions(d, texts, spans)]
        _score(counts["OPPO"], [p for p in predictions if p[0] == "OPPO"], gold["OPPO"])
        gold["SPE+NOALI"] = gold["SPE"] + gold["NOALI"]  # either: the side says more than the other
        for kind in ("SPE", "NOALI", "SPE+NOALI"):
            _score(counts[kind], [p for p in predictions if p[0] == "DETAIL"], gold[kind])
    return IstsResult(split=split, pairs=len(rows),
                      types=tuple(TypeScores(kind, *counts[kind]) for kind in ISTS_TYPES))


def _has_word(row: dict, side: int, tokens: set[int]) -> bool:
    words = row[f"tokens{side}"]
    return any(re.search(r"\w", words[t - 1]) for t in tokens)


def _score(counts: list[int], predictions: list[tuple[str, int, set[int]]],
           gold: list[list[tuple[int, set[int]]]]) -> None:
    """Add gold items, found gold items, predictions and correct predictions to ``counts``."""
    def hits(prediction: tuple[str, int, set[int]], item: list[tuple[int, set[int]]]) -> bool:
        return any(side == prediction[1] and tokens & prediction[2] for side, tokens in item)

    counts[0] += len(gold)
    counts[1] += sum(any(hits(p, item) for p in predictions) for item in gold)
    counts[2] += len(predictions)
    counts[3] += sum(any(hits(p, item) for item in gold) for p in predictions)
