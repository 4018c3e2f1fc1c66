"""Reports of three or more sources: the clusters x sources matrix, one-sided statements, pairwise agreement.

Sources are lettered A, B, C... in the order given; a cell is ``=`` (stated the
same way as the other sources), ``≠`` (stated differently from at least one)
or ``·`` (absent). The reading order is the two-source reports': what differs
(the clusters some source states differently, with their conflicts) first,
then what is shared, what only one source says, and the pairwise agreement.
Renderers only read the :class:`~compare.multi.MultiComparison`.
"""

from __future__ import annotations

import io
import string
from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..models import Cluster, MultiComparison
from ..visible import visible, visible_segments
from . import MARKDOWN_MARKER
from .markdown import HeadingSlugs, escape

CELL_MARKS = {"same": "=", "differs": "≠", "absent": "·"}
CELL_STYLES = {"same": "green", "differs": "yellow", "absent": "dim"}
STATEMENT_WIDTH = 90  # characters of a cluster's statement shown in tables


def letter(index: int) -> str:
    return string.ascii_uppercase[index] if index < 26 else f"S{index + 1}"


def numbered_clusters(multi: MultiComparison) -> list[tuple[int, Cluster]]:
    """The clusters in reading order, numbered: those some source states differently first, then the rest."""
    ordered = sorted(multi.clusters, key=lambda c: "differs" not in c.cells)  # stable: source order within
    return list(enumerate(ordered, 1))


def cluster_text(multi: MultiComparison, cluster: Cluster, width: int = STATEMENT_WIDTH) -> str:
    """The statement as the first source carrying it words it, cut to ``width`` characters."""
    source = next(i for i, ids in enumerate(cluster.members) if ids)
    text = multi.articles[source].joined_text(cluster.members[source])
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _header(multi: MultiComparison) -> Panel:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    for index, article in enumerate(multi.articles):
        where = f" ({article.path})" if article.path else ""
        grid.add_row(letter(index), Text(f"{visible(article.name + where, one_line=True)}: "
                                         f"{len(article.statement_ids)} statements"))
    n = len(multi.articles)
    every = sum(c.sources == n for c in multi.clusters)
    differently = sum("differs" in c.cells for c in multi.clusters)
    grid.add_row("clusters", f"{len(multi.clusters)} statements carried by two sources or more; {every} by all "
                             f"{n}; {differently} stated differently somewhere")
    return Panel(grid, title="factcompare", title_align="left", expand=True)


def _matrix(multi: MultiComparison, numbered: list[tuple[int, Cluster]]) -> Table:
    table = Table(expand=True, show_edge=False, pad_edge=False, box=None)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    for index in range(len(multi.articles)):
        table.add_column(letter(index), justify="center", no_wrap=True, width=1)
    table.add_column("statement (as the first source carrying it words it)", ratio=1)
    for number, cluster in numbered:
        cells = [Text(CELL_MARKS[cell], style=CELL_STYLES[cell]) for cell in cluster.cells]
        table.add_row(str(number), *cells, Text(visible(cluster_text(multi, cluster), one_line=True)))
    return table


def _conflicts(numbered: list[tuple[int, Cluster]]) -> Iterable[RenderableType]:
    lines = []
    for number, cluster in numbered:
        for p in cluster.conflicts:
            d = p.difference
            lines.append(Text.assemble((f"#{number} ", "dim"), ("≠ ", "bold yellow"), (f"{d.kind}: ", "bold"),
                                       visible(f"{letter(p.left)} {d.left or '(not mentioned)'}  vs  "
                                               f"{letter(p.right)} {d.right or '(not mentioned)'}", one_line=True)))
    if lines:
        yield Rule(f"Conflicts ({len(lines)})", style="yellow", align="left")
        yield from lines
        yield Text("")


def _agreement(multi: MultiComparison) -> Table:
    table = Table(show_edge=False, box=None)
    table.add_column("")
    for index in range(len(multi.articles)):
        table.add_column(letter(index), justify="right")
    for index, row in enumerate(multi.agreement):
        table.add_row(letter(index), *(f"{value:.0%}" if i != index else "—" for i, value in enumerate(row)))
    return table


def _sections(multi: MultiComparison) -> Iterable[RenderableType]:
    numbered = numbered_clusters(multi)
    yield _header(multi)
    yield from _conflicts(numbered)
    yield Rule(f"Statements across sources ({len(multi.clusters)})  = same  ≠ differently  · absent",
               style="blue", align="left")
    yield _matrix(multi, numbered)
    yield Text("")
    for index, ids in enumerate(multi.only):
        if not ids:
            continue
        article = multi.articles[index]
        title = f"Only in {letter(index)} {visible(article.name, one_line=True)} ({len(ids)})"
        yield Rule(Text(title, style="rule.text"), style="magenta", align="left")
        for sentence_id in ids:
            yield Text.assemble((f"#{sentence_id:<4} ", "dim"), visible(article.sentences[sentence_id].text))
        yield Text("")
    yield Rule("Pairwise agreement: consistency of each pair of sources", style="blue", align="left")
    yield _agreement(multi)


def render_multi_terminal(multi: MultiComparison, *, width: int = 80, color: bool = False) -> str:
    console = Console(file=io.StringIO(), width=width, color_system="standard" if color else None,
                      force_terminal=color, legacy_windows=False, soft_wrap=False, highlight=False)
    console.print(MultiView(multi))
    output = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in output.splitlines()) + "\n"


class MultiView:
    """A multi-source comparison as a Rich renderable."""

    def __init__(self, multi: MultiComparison) -> None:
        self.multi = multi

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # Untrusted text is made visible where it becomes a Text; what might slip through, on the way out.
        yield from visible_segments(console.render(Group(*_sections(self.multi)), options))


def render_multi_markdown(multi: MultiComparison) -> str:
    """Three or more sources as Markdown, in the two-source report's reading order, with contents."""
    n = len(multi.articles)
    numbered = numbered_clusters(multi)
    differing = [(number, c) for number, c in numbered if "differs" in c.cells]
    shared = [(number, c) for number, c in numbered if "differs" not in c.cells]
    sections = [
        (f"What differs ({len(differing)})", _cluster_table(multi, differing)),
        (f"What is shared ({len(shared)})", _cluster_table(multi, shared)),
        *((f"Only in {letter(i)} {multi.articles[i].name} ({len(ids)})",
           [f"- \\#{s} {escape(multi.articles[i].sentences[s].text)}" for s in ids] or ["None."])
          for i, ids in enumerate(multi.only)),
        ("Pairwise agreement", _agreement_table(multi)),
    ]
    slugs = HeadingSlugs()
    lines = [MARKDOWN_MARKER, f"# factcompare: {n} sources", "", "| | source | statements |", "|---|---|---|"]
    lines += [f"| {letter(i)} | {escape(a.name)} | {len(a.statement_ids)} |" for i, a in enumerate(multi.articles)]
    lines += ["", "Contents: " + " · ".join(f"[{escape(title)}](#{slugs.slug(title)})" for title, _ in sections)]
    for title, body in sections:
        lines += ["", f"## {escape(title)}", "", *body]
    lines += ["", "<sub>generated by factcompare</sub>", ""]
    return "\n".join(lines)


def _cluster_table(multi: MultiComparison, numbered: list[tuple[int, Cluster]]) -> list[str]:
    if not numbered:
        return ["None."]
    n = len(multi.articles)
    lines = ["= stated the same way, ≠ stated differently, · absent", "",
             "| # | " + " | ".join(letter(i) for i in range(n)) + " | statement |",
             "|---:|" + "---|" * n + "---|"]
    for number, cluster in numbered:
        marks = " | ".join(CELL_MARKS[cell] for cell in cluster.cells)
        lines.append(f"| {number} | {marks} | {escape(cluster_text(multi, cluster, 200))} |")
        for p in cluster.conflicts:
            d = p.difference
            lines.append(f"| | {' | '.join('' for _ in range(n))} | ≠ {d.kind}: {letter(p.left)} "
                         f"{escape(d.left or '(not mentioned)')} vs {letter(p.right)} "
                         f"{escape(d.right or '(not mentioned)')} |")
    return lines


def _agreement_table(multi: MultiComparison) -> list[str]:
    n = len(multi.articles)
    lines = ["| | " + " | ".join(letter(i) for i in range(n)) + " |", "|---|" + "---:|" * n]
    for index, row in enumerate(multi.agreement):
        cells = " | ".join("—" if i == index else f"{value:.0%}" for i, value in enumerate(row))
        lines.append(f"| {letter(index)} | {cells} |")
    return lines
