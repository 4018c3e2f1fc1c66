"""One group of a collection compared: its articles read and analysed once, every pair, one :class:`BatchRecord`.

What a worker runs (:mod:`.engines`); the engine loads inside it, so that reading a manifest stays light.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..articles.reader import MAX_INPUT_BYTES, read_source
from ..errors import FactcompareError
from ..models import Article, BatchRecord, ClusterRecord, Comparison, ConflictRecord, PairRecord
from ..options import CompareOptions
from ..serialize import record_to_line
from .manifest import Group

#: Analysed articles a worker keeps, for articles that are in several groups.
ANALYSED_CACHE_SIZE = 256


@dataclass(frozen=True)
class BatchSettings:
    options: CompareOptions = field(default_factory=CompareOptions)
    max_bytes: int = MAX_INPUT_BYTES


def compare_group(group: Group, settings: BatchSettings | None = None) -> str:
    """The JSON Lines record of one group (no newline): every pair's summary and conflicts, or the failure."""
    return record_to_line(group_record(group, settings))


def group_record(group: Group, settings: BatchSettings | None = None) -> BatchRecord:
    """The record of one group: every pair's summary and conflicts, or the failure."""
    settings = settings or BatchSettings()
    if len(group.articles) < 2:
        return _failed(group, f"{len(group.articles)} article(s): a group needs two")
    # The engine loads here, in the worker, so that reading a manifest (and any error in it) stays light.
    from ..core import compare_articles
    from ..multi import compare_many

    try:
        # Each article is read and analysed once, however many pairs it is in.
        articles = [_analysed(p, settings.max_bytes) for p in group.articles]
        if len(articles) > 2:  # an event group: statements clustered across all its sources
            multi = compare_many(articles, settings.options)
            return BatchRecord(group.id, group.articles, "ok", pairs=tuple(_pair_record(c) for c in multi.pairs),
                               clusters=tuple(ClusterRecord(c.cells, c.members) for c in multi.clusters),
                               agreement=multi.agreement)
        pair = _pair_record(compare_articles(articles[0], articles[1], settings.options))
    except FactcompareError as error:
        return _failed(group, str(error))
    except Exception as error:  # one broken group must not stop a collection: it becomes a failed record
        return _failed(group, f"internal error: {type(error).__name__}: {error}")
    return BatchRecord(group.id, group.articles, "ok", pairs=(pair,))


def _failed(group: Group, error: str) -> BatchRecord:
    return BatchRecord(group.id, group.articles, "failed", error=error)


def _analysed(path: str, max_bytes: int) -> Article:
    """An article read and analysed, remembered while the file is unchanged.

    In collections of event groups one article is in many pairs (an ECB+
    document is in eleven on average), and a worker meets it again and again.
    """
    from ..core import analyse_article

    try:
        stat = os.stat(path)
    except OSError:  # missing or unreadable: read_source says so in its own words
        return analyse_article(read_source(Path(path), max_bytes=max_bytes))
    return _analysed_cached(path, stat.st_size, stat.st_mtime_ns, max_bytes)


@lru_cache(maxsize=ANALYSED_CACHE_SIZE)
def _analysed_cached(path: str, size: int, mtime_ns: int, max_bytes: int) -> Article:
    from ..core import analyse_article

    return analyse_article(read_source(Path(path), max_bytes=max_bytes))


def _pair_record(c: Comparison) -> PairRecord:
    s = c.summary
    return PairRecord(c.left.path, c.right.path, s.same, s.differs, s.left_only, s.right_only, s.consistency,
                      tuple(ConflictRecord(d.kind, d.left, d.right, a.left, a.right)
                            for a in c.alignments for d in a.differences if d.conflict))
