"""The terminal view: a Rich renderable for the console, and its plain-text rendering.

Layout: first a summary that fits one screen (sources, consistency, counts and
the top conflicts), then the sections in the HTML report's order: what differs
(conflicts first; the words only one side uses underlined, each typed
difference: ≠ a conflict, + a detail one side alone gives; why the pair was
matched), what is shared, each side's one-sided statements, the fact
inventory, what was set aside, and the settings with ``--verbose``. Each
section shows ``--limit`` entries (DEFAULT_LIMIT unless told). Everything fits
80 columns.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..models import Article, Comparison, Difference
from ..visible import visible, visible_segments
from .options import SECTIONS, ViewFilter
from .view import (
    NOTHING_SHARED,
    ByKind,
    MarkedText,
    PairView,
    counts,
    fact_groups,
    kind_label,
    pair_views,
    set_aside,
    set_aside_text,
    top_conflicts,
)

LEFT_STYLE = "cyan"
RIGHT_STYLE = "magenta"
LABEL_STYLES = {"same": "green", "differs": "yellow"}
#: conflicts the summary lists, one line each
TOP_CONFLICTS = 5

__all__ = ["SECTIONS", "ComparisonView", "ViewFilter", "render_terminal"]


class ComparisonView:
    """A comparison as a Rich renderable: ``console.print(ComparisonView(comparison))``."""

    def __init__(self, comparison: Comparison, view: ViewFilter | None = None) -> None:
        self.comparison = comparison
        self.view = view or ViewFilter()

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # Every untrusted text is made visible where it becomes a Text (so that it is laid out at the width
        # it is shown at); what might still slip through is escaped on the way out.
        yield from visible_segments(console.render(Group(*_sections(self.comparison, self.view)), options))


def render_terminal(comparison: Comparison, *, width: int = 80, color: bool = False,
                    view: ViewFilter | None = None) -> str:
    """The terminal view as text (plain unless ``color``), for files and tests."""
    console = Console(file=io.StringIO(), width=width, color_system="standard" if color else None,
                      force_terminal=color, legacy_windows=False, soft_wrap=False, highlight=False)
    console.print(ComparisonView(comparison, view))
    output = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in output.splitlines()) + "\n"


def _sections(c: Comparison, view: ViewFilter) -> list[RenderableType]:
    parts = list(_body(c, view))
    while parts and isinstance(parts[-1], Text) and not parts[-1].plain:  # no blank line at the end
        parts.pop()
    if view.verbose:
        # Spaces between settings let the footer wrap between them, not inside one.
        parts += [Text(""), Text("settings: " + " ".join(f"{key}={_one_line(str(value))}" for key, value in c.settings),
                                 style="dim")]
    return parts


def _body(c: Comparison, view: ViewFilter) -> Iterable[RenderableType]:
    differing = pair_views(c, "differs")
    yield _header(c)
    yield from _top_conflicts(differing)
    if view.shows("differs"):
        yield from _pair_section("What differs", LABEL_STYLES["differs"], differing, view)
    if view.shows("same"):
        yield from _pair_section("What is shared", LABEL_STYLES["same"], pair_views(c, "same"), view)
    if view.shows("left-only"):
        yield from _one_sided_section(c.left, c.left_only, LEFT_STYLE, view)
    if view.shows("right-only"):
        yield from _one_sided_section(c.right, c.right_only, RIGHT_STYLE, view)
    if not view.only:  # a filtered view shows the chosen statements, not the inventory and the rest
        yield from _fact_section(c)
        yield from _set_aside_section(c)


def _header(c: Comparison) -> Panel:
    s, n = c.summary, counts(c)
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    grid.add_row("L", Text(_source_label(c.left), style=LEFT_STYLE))
    grid.add_row("R", Text(_source_label(c.right), style=RIGHT_STYLE))
    grid.add_row("consistency", Text(f"{s.consistency:.0%} of statements stated the same way by both"))
    conflicts = f" ({n.conflicts} conflict{'s' if n.conflicts != 1 else ''})" if n.conflicts else ""
    grid.add_row("statements", Text(
        f"{n.differs} differ{conflicts}, {n.same} shared, {n.left_only} only L, {n.right_only} only R"))
    grid.add_row("facts", Text(f"{n.facts} names, figures, dates and quotations: {n.facts_both} in both, "
                               f"{n.facts_left_only} only L, {n.facts_right_only} only R"))
    return Panel(grid, title="factcompare", title_align="left", expand=True)


def _source_label(article: Article) -> str:
    statements = len(article.statement_ids)
    where = f" ({article.path})" if article.path else ""
    return visible(f"{article.name}{where}", one_line=True) + f": {statements} statements of " \
        f"{len(article.sentences)} sentences"


def _top_conflicts(differing: list[PairView]) -> Iterable[RenderableType]:
    """The first conflicts, one line each, with where they are: the part of the summary a reader checks."""
    everything = top_conflicts(differing, count=len(differing) * 100)
    if not everything:
        return
    shown = everything[:TOP_CONFLICTS]
    title = f"Top conflicts ({len(shown)} of {len(everything)})" if len(shown) < len(everything) else "Conflicts"
    yield Text(title, style="bold yellow")
    yield _OneLineEach([(Text.assemble(("≠ ", "bold yellow"), _difference_text(d)), _refs(p)) for p, d in shown])
    yield Text("")


class _OneLineEach:
    """Lines of text cut to the console's width with an ellipsis, each with a reference at the right margin."""

    def __init__(self, lines: list[tuple[Text, str]]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for text, ref in self.lines:
            room = options.max_width - len(ref) - 1
            line = text.copy()
            line.truncate(room, overflow="ellipsis", pad=True)
            line.append(" ")
            line.append(ref, style="dim")
            yield line


def _difference_text(d: Difference) -> Text:
    left = d.left if d.left is not None else "(not mentioned)"
    right = d.right if d.right is not None else "(not mentioned)"
    return Text.assemble((f"{d.kind}: ", "bold"), (visible(left, one_line=True), LEFT_STYLE), "  vs  ",
                         (visible(right, one_line=True), RIGHT_STYLE))


def _refs(pair: PairView) -> str:
    return f"L{_ids(pair.alignment.left)} R{_ids(pair.alignment.right)}"


def _pair_section(title: str, style: str, pairs: list[PairView], view: ViewFilter) -> Iterable[RenderableType]:
    if not pairs:
        return
    yield Rule(f"{title} ({len(pairs)})", style=style, align="left")
    shown, hidden = view.cut(pairs)
    for pair in shown:
        table = _margin_grid(2)
        table.add_row(Text("L", style=f"bold {LEFT_STYLE}"), _marked(pair.left, LEFT_STYLE))
        table.add_row(Text("R", style=f"bold {RIGHT_STYLE}"), _marked(pair.right, RIGHT_STYLE))
        for difference in pair.conflicts:  # ≠ a conflict (the sides disagree), + a detail
            table.add_row(Text("≠", style="bold yellow"), _difference_text(difference))
        for difference in pair.details:
            table.add_row(Text("+", style="dim"), _difference_text(difference))
        for side, kinds in pair.one_sided:
            table.add_row(Text("+", style="dim"), Text.assemble(
                f"only {side} gives ", (_by_kind(kinds), LEFT_STYLE if side == "L" else RIGHT_STYLE)))
        shared = f"both mention {_by_kind(pair.shared)}" if pair.shared else NOTHING_SHARED
        link = f"{pair.link_words[:1].lower()}{pair.link_words[1:]} · " if pair.link_words else ""
        table.add_row("", Text(f"{link}{pair.strength} match (score {pair.score:.2f}): {pair.match_words} · {shared} · "
                               f"{_refs(pair)}", style="dim"))
        yield Padding(table, (0, 0, 1, 0))
    yield from _more(hidden)


def _marked(text: MarkedText, colour: str) -> Text:
    """The text with its marked words (those only this side uses) underlined."""
    return Text.assemble(*((visible(run), f"bold underline {colour}") if marked else visible(run)
                           for run, marked in text.runs))


def _by_kind(kinds: ByKind) -> str:
    return "; ".join(f"{kind_label(kind, len(texts))} "
                     + ", ".join(f"“{t}”" if kind == "quote" else t for t in map(_one_line, texts))
                     for kind, texts in kinds)


def _one_line(text: str) -> str:
    return visible(text, one_line=True)


def _more(hidden: int) -> Iterable[RenderableType]:
    if hidden:
        yield Text(f"… {hidden} more (use --limit 0 for all)", style="dim")
        yield Text("")


def _one_sided_section(article: Article, ids: tuple[int, ...], style: str,
                       view: ViewFilter) -> Iterable[RenderableType]:
    if not ids:
        return
    yield Rule(Text(f"Only in {_one_line(article.name)} ({len(ids)})", style="rule.text"), style=style, align="left")
    shown, hidden = view.cut(ids)
    for sentence_id in shown:
        row = _margin_grid(5)
        row.add_row(Text(f"#{sentence_id}", style="dim"), Text(visible(article.sentences[sentence_id].text)))
        yield row
    yield Text("")
    yield from _more(hidden)


def _fact_section(c: Comparison) -> Iterable[RenderableType]:
    """The fact inventory, every entry: in both, only left, only right, kind by kind."""
    if not c.facts:
        return
    yield Rule(f"Facts ({len(c.facts)})", style="blue", align="left")
    titles = {"both": ("mentioned in both", "bold"),
              "left_only": (f"only {_one_line(c.left.name)} mentions", f"bold {LEFT_STYLE}"),
              "right_only": (f"only {_one_line(c.right.name)} mentions", f"bold {RIGHT_STYLE}")}
    for group in fact_groups(c):
        if group.count:
            title, style = titles[group.where]
            found = _by_kind(tuple((kind, tuple(f.text for f in entries)) for kind, entries in group.kinds))
            yield Text.assemble((f"{title} ({group.count}): ", style), found)
    yield Text("mentioned in both: both reports mention it, not that they agree on it", style="dim")
    yield Text("")


def _set_aside_section(c: Comparison) -> Iterable[RenderableType]:
    rows = []
    for article, reasons, style in ((c.left, set_aside(c, "left"), LEFT_STYLE),
                                    (c.right, set_aside(c, "right"), RIGHT_STYLE)):
        if reasons:
            rows.append(Text.assemble((_one_line(article.name), f"bold {style}"),
                                      f"  {_one_line(set_aside_text(reasons))}"))
    if rows:
        yield Rule("Set aside, not compared", style="dim", align="left")
        yield from rows


def _margin_grid(margin: int) -> Table:
    """Two columns: a narrow fixed margin (a marker or an id) and the wrapping text."""
    table = Table.grid(padding=(0, 1))
    table.add_column(width=margin, no_wrap=True)
    table.add_column(ratio=1)
    return table


def _ids(ids: tuple[int, ...]) -> str:
    return ",".join(f"#{i}" for i in ids)
