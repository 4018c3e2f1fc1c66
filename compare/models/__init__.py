"""The immutable result models: one pair (:class:`Comparison`), three or more sources (:class:`MultiComparison`),
the ``check`` verdict (:class:`Verdict`) and a collection's record (:class:`BatchRecord`)."""

import importlib
from typing import TYPE_CHECKING, Any

from .comparison import (
    DIFFERENCE_KINDS,
    LABELS,
    SENTENCE_KINDS,
    Alignment,
    Article,
    Comparison,
    Difference,
    DifferenceKind,
    Evidence,
    FactEntry,
    Label,
    Region,
    Sentence,
    SentenceKind,
    Side,
    Source,
    SourceMap,
    Summary,
)

# The other models load when first named (PEP 562): the command line's start-up reads only Rules of them.
_LAZY = {
    **dict.fromkeys(("CELLS", "Cell", "Cluster", "MultiComparison", "MultiSummary", "SourcePair"), ".multi"),
    **dict.fromkeys(("BATCH_STATUSES", "BatchRecord", "BatchStatus", "ClusterRecord", "ConflictRecord",
                     "PairRecord"), ".record"),
    **dict.fromkeys(("CONFLICT_CHOICES", "RULES", "Rule", "Rules", "Verdict", "Violation"), ".verdict"),
}

if TYPE_CHECKING:
    from .multi import CELLS, Cell, Cluster, MultiComparison, MultiSummary, SourcePair
    from .record import BATCH_STATUSES, BatchRecord, BatchStatus, ClusterRecord, ConflictRecord, PairRecord
    from .verdict import CONFLICT_CHOICES, RULES, Rule, Rules, Verdict, Violation


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(_LAZY[name], __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "BATCH_STATUSES", "CELLS", "CONFLICT_CHOICES", "DIFFERENCE_KINDS", "LABELS", "RULES", "SENTENCE_KINDS",
    "Alignment", "Article", "BatchRecord", "BatchStatus", "Cell", "Cluster", "ClusterRecord", "Comparison",
    "ConflictRecord", "Difference", "DifferenceKind", "Evidence", "FactEntry", "Label", "MultiComparison",
    "MultiSummary", "PairRecord", "Region", "Rule", "Rules", "Sentence", "SentenceKind", "Side", "Source",
    "SourceMap", "SourcePair", "Summary", "Verdict", "Violation",
]
