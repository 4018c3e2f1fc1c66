"""The summary of a batch run: one row per group, failed groups first, then the most divergent.

Pure functions of the records, like every renderer; :mod:`compare.collection.run` writes the Markdown
summary next to the record file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table

from ..visible import visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..models import BatchRecord

SUMMARY_MARKER = "factcompare batch summary"


def _ordered(records: Sequence[BatchRecord]) -> list[BatchRecord]:
    failed = [r for r in records if not r.ok]
    ok = sorted((r for r in records if r.ok), key=lambda r: (r.consistency, r.id))
    return failed + ok


def _row(record: BatchRecord) -> tuple[str, str, str, str, str]:
    if not record.ok:
        return record.id, str(len(record.articles)), "failed", "", record.error or ""
    conflicts = sum(len(p.conflicts) for p in record.pairs)
    kinds = sorted({c.kind for p in record.pairs for c in p.conflicts})
    return (record.id, str(len(record.articles)), f"{record.consistency:.0%}", str(conflicts), ", ".join(kinds))


HEADERS = ("group", "articles", "consistency", "conflicts", "conflict kinds / error")


def render_batch_summary(records: Sequence[BatchRecord], top: int = 20) -> Table:
    ordered = _ordered(records)
    failed = sum(not r.ok for r in records)
    table = Table(title=f"{len(records)} groups, {failed} failed; most divergent first"
                  + (f" (first {top})" if len(ordered) > top else ""), title_justify="left")
    for header in HEADERS:
        table.add_column(header, overflow="fold")
    for record in ordered[:top]:
        table.add_row(*_row(record), style="red" if not record.ok else None)
    return table


def batch_summary_markdown(records: Sequence[BatchRecord]) -> str:
    """The whole summary as a Markdown table."""
    lines = [f"<!-- {SUMMARY_MARKER} -->", "", f"| {' | '.join(HEADERS)} |", "|---|---:|---:|---:|---|"]
    for record in _ordered(records):
        # Ids and errors (file names) shown, as in the terminal: no control, newline or bidi override raw.
        lines.append("| " + " | ".join(visible(cell, one_line=True).replace("|", "\\|") for cell in _row(record))
                     + " |")
    return "\n".join(lines) + "\n"

