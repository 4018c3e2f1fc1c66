"""Facts inside statements and the typed differences between two sides of an aligned group.

One module per kind of fact, each holding its patterns, its extractor, its
key and its comparator: :mod:`~compare.facts.numbers`, :mod:`~compare.facts.dates`,
:mod:`~compare.facts.names`, :mod:`~compare.facts.quotes`,
:mod:`~compare.facts.attribution`, :mod:`~compare.facts.certainty`,
:mod:`~compare.facts.negation`, :mod:`~compare.facts.direction`. The registry
(:mod:`~compare.facts.registry`) lists them once and drives extraction,
comparison and the kind names; :mod:`~compare.facts.inventory` lists the
facts of two whole articles.

Rule-based on purpose: the patterns are those of English news copy, they run
offline in microseconds, and every rule has a case in tests/test_facts.py.
"""

from .attribution import extract_attribution, source_key
from .base import Fact, FactKind, Mention
from .certainty import extract_certainty
from .dates import date_parts, extract_dates
from .direction import extract_directions
from .inventory import fact_inventory, merge_prefix_keys
from .names import extract_names, fold_spelling, name_key
from .negation import extract_negations
from .numbers import extract_numbers
from .quotes import extract_quotes
from .registry import BY_NAME, INVENTORY_KINDS, KIND_NAMES, KINDS, extract_facts, group_differences

__all__ = [
    "BY_NAME",
    "INVENTORY_KINDS",
    "KINDS",
    "KIND_NAMES",
    "Fact",
    "FactKind",
    "Mention",
    "date_parts",
    "extract_attribution",
    "extract_certainty",
    "extract_dates",
    "extract_directions",
    "extract_facts",
    "extract_names",
    "extract_negations",
    "extract_numbers",
    "extract_quotes",
    "fact_inventory",
    "fold_spelling",
    "group_differences",
    "merge_prefix_keys",
    "name_key",
    "source_key",
]
