"""The terminal view: a Rich renderable for the console, and its plain-text rendering.

Layout: a header panel (sources, consistency, counts), then the differing
statements (what a reader checks first) with the words only one side uses
underlined and their typed differences (≠ a conflict, + a detail one side
alone gives), the shared ones, each side's one-sided statements, the fact
inventory and what was set aside. Everything fits 80 columns.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..models import Alignment, Article, Comparison
from ..worddiff import word_diff

LEFT_STYLE = "cyan"
RIGHT_STYLE = "magenta"
LABEL_STYLES = {"same": "green", "differs": "yellow"}
T = TypeVar("T")


#: The statement sections a view can be limited to (``--only``).
SECTIONS = ("differs", "same", "left-only", "right-only")


@dataclass(frozen=True)
class ViewFilter:
    """Which statement sections to show (all when empty), and at most how many entries in each."""

    only: tuple[str, ...] = ()
    limit: int | None = None

    def shows(self, section: str) -> bool:
        return not self.only or section in self.only

    def cut(self, entries: Sequence[T]) -> tuple[Sequence[T], int]:
        """The entries to show, and how many were left out."""
        if self.limit is None or len(entries) <= self.limit:
            return entries, 0
        return entries[: self.limit], len(entries) - self.limit


class ComparisonView:
    """A comparison as a Rich renderable: ``console.print(ComparisonView(comparison))``."""

    def __init__(self, comparison: Comparison, view: ViewFilter | None = None) -> None:
        self.comparison = comparison
        self.view = view or ViewFilter()

    def __rich__(self) -> RenderableType:
        return Group(*_sections(self.comparison, self.view))


def render_terminal(comparison: Comparison, *, width: int = 80, color: bool = False,
                    view: ViewFilter | None = None) -> str:
    """The terminal view as text (plain unless ``color``), for files and tests."""
    console = Console(file=io.StringIO(), width=width, color_system="standard" if color else None,
                      force_terminal=color, legacy_windows=False, soft_wrap=False, highlight=False)
    console.print(ComparisonView(comparison, view))
    output = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in output.splitlines()) + "\n"


def _sections(c: Comparison, view: ViewFilter) -> Iterable[RenderableType]:
    yield _header(c)
    if view.shows("differs"):
        differing = [a for a in c.alignments if a.label == "differs"]
        yield from _alignment_section("Differing statements", LABEL_STYLES["differs"], differing, c, view)
    if view.shows("same"):
        shared = [a for a in c.alignments if a.label == "same"]
        yield from _alignment_section("Shared statements", LABEL_STYLES["same"], shared, c, view)
    if view.shows("left-only"):
        yield from _one_sided_section(c.left, c.left_only, LEFT_STYLE, view)
    if view.shows("right-only"):
        yield from _one_sided_section(c.right, c.right_only, RIGHT_STYLE, view)
    if view.only:
        return  # a filtered view shows the chosen statements, not the inventory and the rest
    yield from _fact_section(c)
    yield from _set_aside_section(c)
    # Spaces between settings let the footer wrap between them, not inside one.
    yield Text("settings: " + " ".join(f"{key}={value}" for key, value in c.settings), style="dim")


def _header(c: Comparison) -> Panel:
    s = c.summary
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    grid.add_row("left", Text(_source_label(c.left), style=LEFT_STYLE))
    grid.add_row("right", Text(_source_label(c.right), style=RIGHT_STYLE))
    grid.add_row("consistency", Text(f"{s.consistency:.0%} of statements stated the same way by both"))
    grid.add_row("statements", Text(
        f"{s.same} shared, {s.differs} differing, {s.left_only} only left, {s.right_only} only right"))
    return Panel(grid, title="factcompare", title_align="left", expand=True)


def _source_label(article: Article) -> str:
    statements = len(article.statement_ids)
    where = f" ({article.path})" if article.path else ""
    return f"{article.name}{where}: {statements} statements of {len(article.sentences)} sentences"


def _alignment_section(title: str, style: str, alignments: list[Alignment],
                       c: Comparison, view: ViewFilter) -> Iterable[RenderableType]:
    if not alignments:
        return
    yield Rule(f"{title} ({len(alignments)})", style=style, align="left")
    shown, hidden = view.cut(alignments)
    for alignment in shown:
        table = _margin_grid(2)
        left_text, right_text = _sentences(c.left, alignment.left), _sentences(c.right, alignment.right)
        if alignment.label == "differs":  # words only one side uses, underlined
            marked = word_diff(left_text.plain, right_text.plain)
            for text, spans, colour in ((left_text, marked.left, LEFT_STYLE), (right_text, marked.right, RIGHT_STYLE)):
                for start, end in spans:
                    text.stylize(f"bold underline {colour}", start, end)
        table.add_row(Text("L", style=f"bold {LEFT_STYLE}"), left_text)
        table.add_row(Text("R", style=f"bold {RIGHT_STYLE}"), right_text)
        for difference in alignment.differences:
            left = difference.left if difference.left is not None else "(not mentioned)"
            right = difference.right if difference.right is not None else "(not mentioned)"
            # ≠ a conflict (the sides disagree), + a detail only one side gives
            marker = Text("≠", style="bold yellow") if difference.conflict else Text("+", style="dim")
            table.add_row(marker, Text.assemble((f"{difference.kind}: ", "bold"), (left, LEFT_STYLE), "  vs  ",
                                                (right, RIGHT_STYLE)))
        ids = f"L{_ids(alignment.left)} R{_ids(alignment.right)}"
        table.add_row("", Text(f"score {alignment.score:.2f} · {ids}", style="dim"))
        yield Padding(table, (0, 0, 1, 0))
    yield from _more(hidden)


def _more(hidden: int) -> Iterable[RenderableType]:
    if hidden:
        yield Text(f"… and {hidden} more (raise --limit to see them)", style="dim")
        yield Text("")


def _one_sided_section(article: Article, ids: tuple[int, ...], style: str,
                       view: ViewFilter) -> Iterable[RenderableType]:
    if not ids:
        return
    yield Rule(f"Only in {article.name} ({len(ids)})", style=style, align="left")
    shown, hidden = view.cut(ids)
    for sentence_id in shown:
        row = _margin_grid(5)
        row.add_row(Text(f"#{sentence_id}", style="dim"), Text(article.sentences[sentence_id].text))
        yield row
    yield Text("")
    yield from _more(hidden)


_KIND_NAMES = {"name": "names", "quantity": "numbers", "date": "dates", "quote": "quotes"}


def _fact_section(c: Comparison) -> Iterable[RenderableType]:
    """The fact inventory: what each side alone reports, kind by kind; a count of what both report."""
    if not c.facts:
        return
    yield Rule("Facts", style="blue", align="left")
    shared = sum(1 for f in c.facts if f.where == "both")
    yield Text(f"{shared} names, numbers, dates and quotes appear in both reports.")
    for where, article, style in (("left_only", c.left, LEFT_STYLE), ("right_only", c.right, RIGHT_STYLE)):
        for kind, label in _KIND_NAMES.items():
            texts = [f.text for f in c.facts if f.where == where and f.kind == kind]
            if texts:
                yield Text.assemble((f"{label} only {article.name} reports: ", f"bold {style}"),
                                    "; ".join(texts))
    yield Text("")


def _set_aside_section(c: Comparison) -> Iterable[RenderableType]:
    rows = []
    for article, style in ((c.left, LEFT_STYLE), (c.right, RIGHT_STYLE)):
        reasons = Counter(f"{s.kind}: {s.reason}" for s in article.sentences if not s.is_compared)
        if reasons:
            summary = ", ".join(f"{count} {reason}" for reason, count in sorted(reasons.items()))
            rows.append(Text.assemble((article.name, f"bold {style}"), f"  {summary}"))
    if rows:
        yield Rule("Set aside, not compared", style="dim", align="left")
        yield from rows
        yield Text("")


def _margin_grid(margin: int) -> Table:
    """Two columns: a narrow fixed margin (a marker or an id) and the wrapping text."""
    table = Table.grid(padding=(0, 1))
    table.add_column(width=margin, no_wrap=True)
    table.add_column(ratio=1)
    return table


def _sentences(article: Article, ids: tuple[int, ...]) -> Text:
    return Text(article.joined_text(ids))


def _ids(ids: tuple[int, ...]) -> str:
    return ",".join(f"#{i}" for i in ids)
