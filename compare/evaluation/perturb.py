"""Perturbation test: does the difference check see one planted change in a real sentence pair?

Built from MRPC pairs labelled equivalent (two outlets' sentences, written by
neither of us). For each kind, a pair is eligible when the detail to change
appears on both sides; the right sentence is then changed in one place:

- ``number``: a quantity both sides give gets another figure ("23 troops" -> "41 troops");
- ``name``: a name both sides give is swapped for another name of the corpus;
- ``negation``: the first auxiliary verb of a sentence without negation gets "not";
- ``attribution``: a named speaker both sides give is swapped for a speaker of another pair.

A change is *reported* when the check lists a difference of that kind whose
right-hand evidence holds the new text, and *detected* when that difference is
a conflict, which turns the pair's label to ``differs``. A *false alarm* is a
conflict of that kind on the same pair left unchanged. Everything is drawn from one seeded generator, so a run is
reproducible from its seed and its pairs.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..facts import extract_facts, group_differences
from ..models import Difference
from ..options import PARAPHRASE_SAME_THRESHOLD
from ..similarity.scoring import score_sentence_pair
from .data import SentencePair, load_mrpc

PERTURBATION_KINDS = ("number", "name", "negation", "attribution")
DEFAULT_SEED = 20261121
#: The sample shipped for runs without the shared data: same-event sentence pairs from ECB+ (CC BY 3.0).
SAMPLE_FILE = Path(__file__).resolve().parents[2] / "tests" / "data" / "perturbation_sample.jsonl"

_AUXILIARY = re.compile(r"\b(is|are|was|were|has|have|had|will|would|can|could|should|must|does|did|do)\b(?! not\b)")
_FIGURE = re.compile(r"(?<![\w.,])\d+(?:,\d{3})*(?:\.\d+)?(?![\w])")


@dataclass(frozen=True)
class Perturbation:
    kind: str
    left: str
    right: str
    changed: str  # the right sentence with the change
    old: str
    new: str


@dataclass(frozen=True)
class KindResult:
    kind: str
    eligible: int
    reported: int
    detected: int
    false_alarms: int

    @property
    def report_rate(self) -> float:
        return self.reported / self.eligible if self.eligible else 0.0

    @property
    def detection_rate(self) -> float:
        return self.detected / self.eligible if self.eligible else 0.0

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.eligible if self.eligible else 0.0


@dataclass(frozen=True)
class PerturbationResult:
    pairs: int
    kinds: tuple[KindResult, ...]
    #: unchanged pairs with any conflict at all (their label would be ``differs``)
    any_conflict: int


def equivalent_pairs(data_dir: Path | None, split: str = "test") -> list[SentencePair]:
    """MRPC pairs of a split labelled equivalent, or the shipped sample when the data folder is absent.

    ``test`` is the held-out figure; ``train`` is the development set, whose misses the fact rules may be
    read off (those rules are then measured on ``test``).
    """
    if data_dir is not None and (data_dir / "mrpc" / f"mrpc_{split}.jsonl").is_file():
        return [p for p in load_mrpc(data_dir, split) if p.label == 1]
    with SAMPLE_FILE.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return [SentencePair(r["sentence1"], r["sentence2"], 1) for r in rows]


def perturbations(pairs: Sequence[SentencePair], seed: int = DEFAULT_SEED) -> list[Perturbation]:
    """One change of each kind in every pair eligible for it."""
    names = sorted({f.text for p in pairs for s in (p.left, p.right) for f in extract_facts(s)
                    if f.kind == "name" and " " in f.text})
    speakers = sorted({f.text for p in pairs for f in extract_facts(p.right)
                       if f.kind == "attribution" and f.text[:1].isupper() and f.start > 0})
    made = []
    for index, pair in enumerate(pairs):
        for kind in PERTURBATION_KINDS:
            # One generator per pair and kind: a change to one kind's rules leaves the others' draws alone.
            rng = random.Random(f"{seed}:{kind}:{index}")
            change = _CHANGES[kind](pair, rng, names if kind == "name" else speakers)
            if change is not None:
                old, new, changed = change
                made.append(Perturbation(kind, pair.left, pair.right, changed, old, new))
    return made


def _shared_facts(pair: SentencePair, kind: str) -> list[tuple[int, int, str]]:
    left_keys = {f.key for f in extract_facts(pair.left) if f.kind == kind}
    return [(f.start, f.end, f.text) for f in extract_facts(pair.right) if f.kind == kind and f.key in left_keys]


def _replace(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _change_number(pair: SentencePair, rng: random.Random, _pool: Sequence[str]) -> tuple[str, str, str] | None:
    left_values = {f.key.split("|")[0] for f in extract_facts(pair.left) if f.kind == "number"}
    shared = [(f, m) for f in extract_facts(pair.right) if f.kind == "number" and f.key.split("|")[0] in left_values
              for m in [_FIGURE.search(f.text)] if m is not None]
    if not shared:
        return None
    fact, match = rng.choice(shared)
    figure = match.group()
    value = float(figure.replace(",", ""))
    # A clearly different figure: between 1.5 and 3 times the old one, same number of decimals.
    decimals = len(figure.split(".")[1]) if "." in figure else 0
    new_value = max(value, 1.0) * rng.uniform(1.5, 3.0)
    new = f"{new_value:,.{decimals}f}" if "," in figure else f"{new_value:.{decimals}f}"
    start = fact.start + match.start()
    return figure, new, _replace(pair.right, start, start + len(figure), new)


def _change_name(pair: SentencePair, rng: random.Random, pool: Sequence[str]) -> tuple[str, str, str] | None:
    shared = [s for s in _shared_facts(pair, "name") if " " in s[2]]  # full names: "John Smith", "New York"
    if not shared or not pool:
        return None
    start, end, old = rng.choice(shared)
    new = rng.choice(pool)
    if new.lower() in (pair.left + pair.right).lower():
        return None
    return old, new, _replace(pair.right, start, end, new)


def _negate(pair: SentencePair, rng: random.Random, _pool: Sequence[str]) -> tuple[str, str, str] | None:
    if any(f.kind == "negation" for s in (pair.left, pair.right) for f in extract_facts(s)):
        return None
    match = _AUXILIARY.search(pair.right)
    if match is None:
        return None
    return match.group(), "not", _replace(pair.right, match.start(), match.end(), f"{match.group()} not")


def _change_speaker(pair: SentencePair, rng: random.Random, pool: Sequence[str]) -> tuple[str, str, str] | None:
    shared = [s for s in _shared_facts(pair, "attribution") if s[2][:1].isupper() and s[0] > 0]
    if not shared or not pool:
        return None
    start, end, old = rng.choice(shared)
    new = rng.choice(pool)
    if set(new.lower().split()) & set(old.lower().split()) or new.lower() in pair.left.lower():
        return None
    return old, new, _replace(pair.right, start, end, new)


_CHANGES = {"number": _change_number, "name": _change_name, "negation": _negate, "attribution": _change_speaker}


@lru_cache(maxsize=8192)
def _differences(left: str, right: str) -> tuple[Difference, ...]:
    # Each pair is its own group, compared as the tool compares a group it links firmly (no aligner here):
    # a negation may conflict with a paraphrase of its sentence when the pair scores as one at all.
    paraphrase = score_sentence_pair(left, right) >= PARAPHRASE_SAME_THRESHOLD
    return group_differences([left], [right], paraphrase=paraphrase)


def _found(kind: str, left: str, right: str, evidence: str | None = None, *, conflict: bool = True) -> bool:
    return any(d.kind == kind and (d.conflict or not conflict) and (evidence is None or evidence in (d.right or ""))
               for d in _differences(left, right))


def evaluate_perturbations(pairs: Sequence[SentencePair], seed: int = DEFAULT_SEED) -> PerturbationResult:
    """Detection and false-alarm counts per kind over ``pairs``."""
    made = perturbations(pairs, seed)
    results = []
    for kind in PERTURBATION_KINDS:
        mine = [p for p in made if p.kind == kind]
        results.append(KindResult(
            kind=kind,
            eligible=len(mine),
            reported=sum(_found(kind, p.left, p.changed, p.new, conflict=False) for p in mine),
            detected=sum(_found(kind, p.left, p.changed, p.new) for p in mine),
            false_alarms=sum(_found(kind, p.left, p.right) for p in mine),
        ))
    any_conflict = sum(any(d.conflict for d in _differences(p.left, p.right)) for p in pairs)
    return PerturbationResult(pairs=len(pairs), kinds=tuple(results), any_conflict=any_conflict)
