"""The fact-level measurements themselves: perturbations and the iSTS scoring, on data that ships with the tests."""

from __future__ import annotations

import json
import random
from pathlib import Path

from compare.evaluation.data import SentencePair
from compare.evaluation.ists import evaluate_ists
from compare.evaluation.perturb import (
    PERTURBATION_KINDS,
    _change_number,
    _negate,
    equivalent_pairs,
    evaluate_perturbations,
    perturbations,
)

# Floors on the shipped sample (120 same-event ECB+ sentence pairs, seed fixed): the
# same run as on MRPC test, small enough to run on every machine. ECB+ same-event pairs
# are rarely paraphrases: a "not" planted in a clause the other sentence does not tell
# is no conflict since negations are scoped to the shared claim (issue 12), so the
# negation and number floors here are the measured 0.443 and 0.686 less a margin.
SAMPLE_DETECTION_FLOOR = {"number": 0.65, "negation": 0.40}
SAMPLE_REPORT_FLOOR = {"name": 0.85, "attribution": 0.5}
FALSE_ALARM_CEILING = 0.10


def test_perturbations_are_reproducible_from_the_seed() -> None:
    pairs = equivalent_pairs(None)
    assert perturbations(pairs, seed=7) == perturbations(pairs, seed=7)
    assert {p.kind for p in perturbations(pairs)} == set(PERTURBATION_KINDS)


def test_each_change_is_one_edit_of_the_right_sentence() -> None:
    pair = SentencePair("Police said 25 people were killed.", "Officials said 25 people were killed.", 1)
    old, new, changed = _change_number(pair, random.Random(1), [])
    assert (old, changed) == ("25", f"Officials said {new} people were killed.")
    assert new != "25"
    assert _negate(pair, random.Random(1), []) == ("were", "not", "Officials said 25 people were not killed.")


def test_shipped_sample_meets_its_floors() -> None:
    result = evaluate_perturbations(equivalent_pairs(None))
    assert result.pairs == 120
    by_kind = {k.kind: k for k in result.kinds}
    for kind, floor in SAMPLE_DETECTION_FLOOR.items():
        assert by_kind[kind].detection_rate >= floor, by_kind[kind]
    for kind, floor in SAMPLE_REPORT_FLOOR.items():
        assert by_kind[kind].report_rate >= floor, by_kind[kind]
    for kind in by_kind.values():
        assert kind.false_alarm_rate <= FALSE_ALARM_CEILING, kind


def _ists_row(sent1: str, sent2: str, alignments: list[dict[str, object]]) -> dict[str, object]:
    return {"split": "test", "pair_id": 1, "sent1": sent1, "sent2": sent2, "tokens1": sent1.split(),
            "tokens2": sent2.split(), "alignments": alignments}


def test_ists_scoring_counts_found_chunks_and_correct_predictions(tmp_path: Path) -> None:
    rows = [
        # opposite movement, found through the direction conflict
        _ists_row("Chinese shares close higher", "Chinese shares close lower",
                  [{"tok1": [4], "tok2": [4], "type": "OPPO"}, {"tok1": [1, 2], "tok2": [1, 2], "type": "EQUI"}]),
        # a date only the left gives: NOALI on side 1, found; the right's comma is not gold
        _ists_row("Markets fall on Tuesday", "Markets fall ,",
                  [{"tok1": [3, 4], "tok2": [], "type": "NOALI"}, {"tok1": [], "tok2": [3], "type": "NOALI"}]),
    ]
    folder = tmp_path / "alignment_gold" / "ists2016_headlines"
    folder.mkdir(parents=True)
    (folder / "ists2016_headlines.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    result = {t.kind: t for t in evaluate_ists(tmp_path, "test").types}
    assert (result["OPPO"].gold, result["OPPO"].found, result["OPPO"].predicted, result["OPPO"].correct) == (1, 1, 2, 2)
    assert (result["NOALI"].gold, result["NOALI"].found, result["NOALI"].predicted, result["NOALI"].correct) == (
        1, 1, 1, 1)
    assert (result["SPE"].gold, result["SPE"].predicted) == (0, 1)
