"""Running a collection: resume, restart or replace the record file, compare the groups left, write the summary.

What ``factcompare batch`` does between parsing its options and printing: the
decisions about an existing record file (resume by default; ``restart`` discards
a record file's records; ``force`` replaces any file), the engine, progress and
the records as they come, and a :class:`RunResult` for the command to print.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import FactcompareError
from ..models import BatchRecord
from ..serialize import record_from_line
from .engines import ENGINES
from .job import BatchSettings
from .manifest import read_collection
from .records import append_records, check_discardable, finished_ids, read_records, start_records

#: ``progress(total=groups, completed=groups done before)``: a context yielding ``advance(failed)``
#: once per record (:func:`compare.cli.console.count_progress` has this shape).
Progress = Callable[..., AbstractContextManager[Callable[[bool], None]]]


@contextmanager
def no_progress(total: int, completed: int) -> Iterator[Callable[[bool], None]]:
    yield lambda failed: None


@dataclass(frozen=True)
class RunResult:
    """What a run made: with a record file, every record in it (earlier runs' too), else the records made."""

    records: tuple[BatchRecord, ...]
    #: records kept from an earlier run (resumed)
    earlier: int = 0
    records_file: Path | None = None
    summary_file: Path | None = None


def run(collection: Path, records_file: Path | None, settings: BatchSettings, *, engine: str = "local",
        workers: int = 1, scheduler: str | None = None, restart: bool = False, force: bool = False,
        progress: Progress = no_progress, on_record: Callable[[BatchRecord], None] | None = None) -> RunResult:
    """Compare every group of ``collection`` not yet in ``records_file`` (None: keep no file), in order.

    Args:
        collection: a manifest (.csv, .jsonl) or a folder of event folders.
        records_file: the JSON Lines record file, resumed if it holds records of this collection and these
            settings; refused if it is not a record file of ours, or holds other records (see ``restart``).
        settings: the comparison options and the size limit; part of the record file's header.
        engine: a name of :data:`~compare.collection.engines.ENGINES`; a ``scheduler`` implies ``dask``.
        restart: discard the records of an earlier run (refused for a file that is not a record file).
        force: replace whatever file is at ``records_file``.
        progress: called once with the totals; ``advance(failed)`` is called for each record.
        on_record: called with each record as it is made (and written).

    Returns:
        The records and where they were written; the summary table is written beside a record file.

    Raises:
        FactcompareError: the manifest, the record file or an engine cannot be used (one line, exit 2).
    """
    groups = read_collection(collection)
    if records_file is not None and records_file.resolve() == collection.resolve():
        msg = f"{records_file}: the records would overwrite the collection itself; give another --output"
        raise FactcompareError(msg)
    done: set[str] = set()
    if records_file is not None:
        if restart and not force:
            check_discardable(records_file)  # refuses a file that is not a batch record file
        if not (restart or force):
            done = finished_ids(records_file, groups, settings)
        start_records(records_file, groups, settings, replace=restart or force)
    todo = [g for g in groups if g.id not in done]
    lines = ENGINES["dask" if scheduler else engine](todo, settings, workers=workers, scheduler=scheduler)
    made: list[BatchRecord] = []
    # Closed on any way out: an interruption while a record is written stops the workers now, not when
    # the engine is collected (which may be the interpreter's exit).
    with closing(lines), progress(total=len(groups), completed=len(groups) - len(todo)) as advance:
        records = append_records(records_file, lines) if records_file is not None else map(record_from_line, lines)
        for record in records:
            advance(not record.ok)
            if on_record is not None:
                on_record(record)
            made.append(record)
    if records_file is None:
        return RunResult(tuple(made))
    from ..render.batch import SUMMARY_MARKER, batch_summary_markdown
    from ..reports import write_report

    everything = read_records(records_file)
    summary_file = records_file.with_suffix(".summary.md")
    # Written atomically next to the records; only a summary of ours is replaced.
    write_report(summary_file, batch_summary_markdown(everything), marker=SUMMARY_MARKER, force=False)
    return RunResult(tuple(everything), len(done), records_file, summary_file)
