"""Whole collections: groups of articles in, one JSON Lines record per group out.

A collection is a manifest (CSV or JSON Lines) listing groups of articles
(pairs or event groups), or a folder with one subfolder per event. Each group
is compared pair by pair; its record holds every pair's summary and conflicts.
Records are written in manifest order, one line each, flushed as they arrive,
so an interrupted run leaves only whole records and resuming skips them.

Engines: ``local`` (a process pool, ``--workers``) and ``dask`` (a local
cluster, or a scheduler's address). Both call :func:`compare_group` on each
group and give the same records, byte for byte.
"""

from __future__ import annotations

import csv
import itertools
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import FactcompareError
from .models import Article, Comparison
from .options import CompareOptions
from .reader import MAX_INPUT_BYTES, read_source

#: Analysed articles a worker keeps, for articles that are in several groups.
ANALYSED_CACHE_SIZE = 256


class ManifestError(FactcompareError):
    """The manifest or collection folder cannot be read."""


@dataclass(frozen=True)
class Group:
    """One comparison job: an id and its articles (two or more paths)."""

    id: str
    articles: tuple[str, ...]


# -- collections -----------------------------------------------------------------

def read_collection(path: Path) -> list[Group]:
    """The groups of a manifest (.csv, .jsonl) or of a folder of event subfolders.

    CSV: columns ``left,right`` (one pair a row, optional ``id``) or ``group,path``
    (one article a row). JSON Lines: ``{"id", "articles": [...]}`` or ``{"id", "left",
    "right"}``. Relative paths are relative to the manifest's folder.
    """
    if path.is_dir():
        return _folder_groups(path)
    if not path.is_file():
        msg = f"{path}: no such manifest or folder"
        raise ManifestError(msg)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        msg = f"{path}: cannot read the manifest ({error})"
        raise ManifestError(msg) from None
    groups = _jsonl_groups(text, path) if path.suffix.lower() in {".jsonl", ".ndjson"} else _csv_groups(text, path)
    ids = [g.id for g in groups]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        msg = f"{path}: group ids must be unique; repeated: {', '.join(duplicates[:5])}"
        raise ManifestError(msg)
    if not groups:
        msg = f"{path}: the manifest lists no groups"
        raise ManifestError(msg)
    return groups


def _resolve(base: Path, article: str) -> str:
    candidate = Path(article)
    return str(candidate if candidate.is_absolute() else base / candidate)


def _csv_groups(text: str, path: Path) -> list[Group]:
    reader = csv.DictReader(text.splitlines())
    rows = list(reader)
    columns = set(reader.fieldnames or ())
    base = path.parent
    if {"left", "right"} <= columns:
        return [Group(row.get("id") or str(number), (_resolve(base, row["left"]), _resolve(base, row["right"])))
                for number, row in enumerate(rows, 1)]
    if {"group", "path"} <= columns:
        grouped: dict[str, list[str]] = {}
        for row in rows:
            grouped.setdefault(row["group"], []).append(_resolve(base, row["path"]))
        return [Group(group_id, tuple(paths)) for group_id, paths in grouped.items()]
    msg = f"{path}: a CSV manifest needs the columns left,right (pairs) or group,path (event groups)"
    raise ManifestError(msg)


def _jsonl_groups(text: str, path: Path) -> list[Group]:
    groups = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            articles = row["articles"] if "articles" in row else [row["left"], row["right"]]
            group_id = str(row.get("id", number))
            if not isinstance(articles, list) or not all(isinstance(a, str) for a in articles):
                raise TypeError
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError):
            msg = f"{path}:{number}: expected {{\"id\", \"articles\": [...]}} or {{\"id\", \"left\", \"right\"}}"
            raise ManifestError(msg) from None
        groups.append(Group(group_id, tuple(_resolve(path.parent, str(a)) for a in articles)))
    return groups


def _folder_groups(folder: Path) -> list[Group]:
    groups = []
    for event in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        articles = sorted(str(p) for p in event.iterdir() if p.is_file() and not p.name.startswith("."))
        groups.append(Group(event.name, tuple(articles)))
    if not groups:
        msg = f"{folder}: no event subfolders (one subfolder of articles per event)"
        raise ManifestError(msg)
    return groups


# -- one group -------------------------------------------------------------------

@dataclass(frozen=True)
class BatchSettings:
    options: CompareOptions = field(default_factory=CompareOptions)
    max_bytes: int = MAX_INPUT_BYTES


def compare_group(group: Group, settings: BatchSettings | None = None) -> str:
    """The JSON Lines record of one group (no newline): every pair's summary and conflicts, or the failure."""
    settings = settings or BatchSettings()
    record: dict[str, Any] = {"id": group.id, "articles": list(group.articles)}
    if len(group.articles) < 2:
        return _line({**record, "status": "failed", "error": f"{len(group.articles)} article(s): a group needs two"})
    # The engine loads here, in the worker, so that reading a manifest (and any error in it) stays light.
    from .core import compare_articles
    from .multi import compare_many

    try:
        # Each article is read and analysed once, however many pairs it is in.
        articles = [_analysed(p, settings.max_bytes) for p in group.articles]
        if len(articles) > 2:  # an event group: statements clustered across all its sources
            multi = compare_many(articles, settings.options)
            pairs = [_pair_record(c) for c in multi.pairs]
            extra = {"clusters": [{"cells": list(c.cells), "members": [list(ids) for ids in c.members]}
                                  for c in multi.clusters],
                     "agreement": [[round(v, 4) for v in row] for row in multi.agreement]}
        else:
            pairs, extra = [_pair_record(compare_articles(articles[0], articles[1], settings.options))], {}
    except FactcompareError as error:
        return _line({**record, "status": "failed", "error": str(error)})
    except Exception as error:  # one broken group must not stop a collection: it becomes a failed record
        return _line({**record, "status": "failed", "error": f"internal error: {type(error).__name__}: {error}"})
    return _line({**record, "status": "ok", "consistency": min(p["consistency"] for p in pairs), "pairs": pairs,
                  **extra})


def _analysed(path: str, max_bytes: int) -> Article:
    """An article read and analysed, remembered while the file is unchanged.

    In collections of event groups one article is in many pairs (an ECB+
    document is in eleven on average), and a worker meets it again and again.
    """
    from .core import analyse_article

    try:
        stat = os.stat(path)
    except OSError:  # missing or unreadable: read_source says so in its own words
        return analyse_article(read_source(Path(path), max_bytes=max_bytes))
    return _analysed_cached(path, stat.st_size, stat.st_mtime_ns, max_bytes)


@lru_cache(maxsize=ANALYSED_CACHE_SIZE)
def _analysed_cached(path: str, size: int, mtime_ns: int, max_bytes: int) -> Article:
    from .core import analyse_article

    return analyse_article(read_source(Path(path), max_bytes=max_bytes))


def _pair_record(c: Comparison) -> dict[str, Any]:
    s = c.summary
    conflicts = [{"kind": d.kind, "left": d.left, "right": d.right, "left_sentences": list(a.left),
                  "right_sentences": list(a.right)}
                 for a in c.alignments for d in a.differences if d.conflict]
    return {"left": c.left.path, "right": c.right.path, "same": s.same, "differs": s.differs,
            "left_only": s.left_only, "right_only": s.right_only, "consistency": round(s.consistency, 4),
            "conflicts": conflicts}


#: How every record begins (keys are sorted): a torn last line must begin so to be one of ours.
RECORD_START = '{"articles": ['


def _line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


# -- running a collection -------------------------------------------------------------

def finished_ids(output: Path, groups: list[Group] | None = None) -> set[str]:
    """Ids of the groups already recorded in ``output``; a torn last line is cut off.

    Every whole line is checked first: a file that is not a batch record file is
    refused untouched. With ``groups``, a record must be of the same group (same id,
    same articles): records of another collection are refused, never taken as done.
    """
    if not output.exists():
        return set()
    try:
        data = output.read_bytes()
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        msg = f"{output}: cannot resume from it ({getattr(error, 'strerror', None) or error}); give another --output"
        raise ManifestError(msg) from None
    torn = not text.endswith("\n") and bool(text)  # interrupted halfway through a record
    lines = text.splitlines()
    whole = lines[:-1] if torn else lines
    if torn and not RECORD_START.startswith(lines[-1][: len(RECORD_START)]):
        msg = f"{output}:{len(lines)}: not a factcompare batch record; move the file or give another --output"
        raise ManifestError(msg)
    records = []
    for number, line in enumerate(whole, 1):
        try:
            record = json.loads(line)
            records.append((str(record["id"]), record["articles"], record["status"]))
        except (json.JSONDecodeError, KeyError, TypeError):
            msg = f"{output}:{number}: not a factcompare batch record; move the file or give another --output"
            raise ManifestError(msg) from None
    if groups is not None:
        expected = {g.id: list(g.articles) for g in groups}
        for record_id, articles, _ in records:
            if record_id in expected and expected[record_id] != articles:
                msg = (f"{output}: holds a record of group {record_id!r} with other articles (another collection's "
                       "records?); use --restart or another --output")
                raise ManifestError(msg)
    if torn:
        with output.open("r+b") as handle:
            handle.truncate(len(data) - len(lines[-1].encode("utf-8")))
    return {record_id for record_id, _, _ in records}


Engine = Callable[[list[Group], BatchSettings], Iterator[str]]


def run_local(groups: list[Group], settings: BatchSettings, workers: int = 1,
              job: Callable[[tuple[Group, BatchSettings]], str] | None = None) -> Iterator[str]:
    """Records in the order of ``groups``, computed by ``workers`` processes (``job``: what each runs)."""
    job = job or _compare_with
    if workers <= 1 or len(groups) <= 1:
        for group in groups:
            yield job((group, settings))
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # Fresh interpreters ("spawn"), not forks: no thread or lock state is inherited,
    # and the workers are this process's own children (their memory is accounted to it).
    # An executor, not a Pool: a worker killed (by the out-of-memory killer, say) breaks
    # it loudly instead of leaving the run waiting forever for the lost group.
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as executor:
        try:
            yield from executor.map(job, ((g, settings) for g in groups),
                                    chunksize=_chunk(len(groups), workers))
        except BrokenProcessPool:
            msg = ("a worker process died (out of memory?); the records written so far are kept: "
                   "run the same command to resume")
            raise FactcompareError(msg) from None


def _chunk(groups: int, workers: int) -> int:
    """Groups sent to a worker at a time: a few for long runs (less inter-process traffic), one for short ones."""
    return max(1, min(8, groups // (50 * workers)))


def _compare_chunk(groups: list[Group], settings: BatchSettings) -> list[str]:
    return [compare_group(group, settings) for group in groups]


def _compare_with(job: tuple[Group, BatchSettings]) -> str:
    return compare_group(*job)


def run_dask(groups: list[Group], settings: BatchSettings, scheduler: str | None = None,
             workers: int = 1) -> Iterator[str]:
    """Records in the order of ``groups``, computed on a Dask cluster (local unless ``scheduler`` is given)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        msg = "the dask engine needs Dask: pip install 'factcompare[dask]'"
        raise FactcompareError(msg) from None
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                  dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        # Chunks of groups, a bounded window of them in flight: results stream back in
        # order without the whole collection held anywhere.
        size = _chunk(len(groups), workers)
        chunks = (groups[i : i + size] for i in range(0, len(groups), size))
        window = max(4, 4 * workers)
        futures: list[Any] = [client.submit(_compare_chunk, chunk, settings, pure=False)
                              for chunk in itertools.islice(chunks, window)]
        while futures:
            yield from futures.pop(0).result()
            chunk = next(chunks, None)
            if chunk is not None:
                futures.append(client.submit(_compare_chunk, chunk, settings, pure=False))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def append_records(output: Path, records: Iterable[str]) -> Iterator[dict[str, Any]]:
    """Append each record as one line, flushed and synced; yield it parsed, for progress and the summary."""
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("a", encoding="utf-8", newline="\n") as handle:
        for record in records:
            handle.write(record + "\n")
            handle.flush()
            os.fsync(handle.fileno())
            yield json.loads(record)


def read_records(output: Path) -> list[dict[str, Any]]:
    with output.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]
