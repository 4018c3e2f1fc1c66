"""Three or more reports of one event: statements grouped across every source.

Each article is analysed once; every pair of sources is aligned (the pairwise
comparisons are kept); aligned groups that share a sentence are joined, so a
*cluster* holds the matching sentences of every source that carries the
statement. For each cluster and source the result says whether that source
states it the same way as the others, differently, or not at all.

Cost: n analyses (segmentation, cleaning) and n(n-1)/2 alignments for n
sources. Aligning against one reference source only would be linear, but a
statement the reference leaves out would then never be matched between the
others; with the handful of sources one event has, the pairwise alignments are
the honest price.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from .core import analyse_article, compare_articles
from .models import Article, Cell, Cluster, MultiComparison, Source, SourcePair
from .options import CompareOptions

# The result model lives in compare.models; these names stay importable from here.
__all__ = ["Cell", "Cluster", "MultiComparison", "SourcePair", "compare_many"]


def _cell(members: tuple[int, ...], labels: set[str]) -> Cell:
    """How a source tells a cluster's statement: not at all, or differently from at least one other source."""
    if not members:
        return "absent"
    return "differs" if "differs" in labels else "same"


def compare_many(sources: Sequence[str | Source | Article], options: CompareOptions | None = None, *,
                 progress: Callable[[str], None] | None = None) -> MultiComparison:
    """Group the statements of three or more articles on one event into clusters across sources.

    Example:
        >>> m = compare_many(["Six people died. Police came.", "Police said six people died.",
        ...                   "Six people died, police said. Rain fell."])
        >>> [c.cells for c in m.clusters]
        [('same', 'same', 'same')]
    """
    options = options or CompareOptions()
    if progress:
        progress("segmenting")
    articles = tuple(s if isinstance(s, Article) else analyse_article(
        s if isinstance(s, Source) else Source(text=s, name=f"source-{i + 1}")) for i, s in enumerate(sources))
    combinations = list(itertools.combinations(range(len(articles)), 2))

    def pair_progress(number: int) -> Callable[[str], None] | None:
        if progress is None:
            return None
        return lambda stage: progress(f"pair {number} of {len(combinations)}: {stage}")

    pairs = tuple(compare_articles(articles[a], articles[b], options, progress=pair_progress(number))
                  for number, (a, b) in enumerate(combinations, 1))
    # Union-find over (source, sentence): an alignment joins its sentences on both sides.
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(node: tuple[int, int]) -> tuple[int, int]:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    links = []  # (left source, right source, alignment)
    for (a, b), comparison in zip(itertools.combinations(range(len(articles)), 2), pairs, strict=True):
        for alignment in comparison.alignments:
            nodes = [(a, i) for i in alignment.left] + [(b, j) for j in alignment.right]
            for node in nodes[1:]:
                parent[find(node)] = find(nodes[0])
            links.append((a, b, alignment))
    components: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for node in parent:
        components.setdefault(find(node), []).append(node)
    labels: dict[tuple[tuple[int, int], int], set[str]] = {}
    conflicts: dict[tuple[int, int], list[SourcePair]] = {}
    for a, b, alignment in links:
        root = find((a, alignment.left[0]))
        for source in (a, b):
            labels.setdefault((root, source), set()).add(alignment.label)
        conflicts.setdefault(root, []).extend(SourcePair(a, b, d) for d in alignment.differences if d.conflict)
    clusters = []
    for root, nodes in components.items():
        members = tuple(tuple(sorted(i for s, i in nodes if s == source)) for source in range(len(articles)))
        cells = tuple(_cell(members[source], labels.get((root, source), set())) for source in range(len(articles)))
        clusters.append(Cluster(members, cells, tuple(conflicts.get(root, ()))))
    clusters.sort(key=lambda c: next((source, ids[0]) for source, ids in enumerate(c.members) if ids))
    clustered = {(s, i) for c in clusters for s, ids in enumerate(c.members) for i in ids}
    only = tuple(tuple(i for i in article.statement_ids if (s, i) not in clustered)
                 for s, article in enumerate(articles))
    return MultiComparison(articles, tuple(clusters), only, pairs)
