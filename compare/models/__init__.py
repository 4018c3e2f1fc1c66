"""The immutable result models: one pair (:class:`Comparison`), three or more sources (:class:`MultiComparison`),
the ``check`` verdict (:class:`Verdict`) and a collection's record (:class:`BatchRecord`)."""

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
from .multi import CELLS, Cell, Cluster, MultiComparison, MultiSummary, SourcePair
from .record import BATCH_STATUSES, BatchRecord, BatchStatus, ClusterRecord, ConflictRecord, PairRecord
from .verdict import CONFLICT_CHOICES, RULES, Rule, Rules, Verdict, Violation

__all__ = [
    "BATCH_STATUSES", "CELLS", "CONFLICT_CHOICES", "DIFFERENCE_KINDS", "LABELS", "RULES", "SENTENCE_KINDS",
    "Alignment", "Article", "BatchRecord", "BatchStatus", "Cell", "Cluster", "ClusterRecord", "Comparison",
    "ConflictRecord", "Difference", "DifferenceKind", "Evidence", "FactEntry", "Label", "MultiComparison",
    "MultiSummary", "PairRecord", "Region", "Rule", "Rules", "Sentence", "SentenceKind", "Side", "Source",
    "SourceMap", "SourcePair", "Summary", "Verdict", "Violation",
]
