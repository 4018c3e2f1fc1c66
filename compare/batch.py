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

import contextlib
import csv
import hashlib
import io
import itertools
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ._version import __version__
from .errors import FactcompareError
from .models import Article, Comparison
from .options import CompareOptions
from .reader import MAX_INPUT_BYTES, read_source

#: Analysed articles a worker keeps, for articles that are in several groups.
ANALYSED_CACHE_SIZE = 256


class ManifestError(FactcompareError):
    """The manifest or collection folder cannot be read."""


class OlderRecordsError(ManifestError):
    """A record file of an older factcompare: records without the header naming collection and settings."""


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
        return _folder_groups(path.resolve())
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
    # The csv module splits the lines itself: a quoted newline stays in its field, U+2028 is no line end.
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = []
    try:
        for row in reader:
            missing = [name for name, value in row.items() if value is None]
            if missing:
                msg = f"{path}:{reader.line_num}: a row without the column(s) {', '.join(missing)}"
                raise ManifestError(msg)
            rows.append(row)
    except csv.Error as error:
        msg = f"{path}:{reader.line_num}: not a CSV manifest ({error})"
        raise ManifestError(msg) from None
    columns = set(reader.fieldnames or ())
    base = path.resolve().parent  # articles named the same whichever path names the manifest
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
    base = path.resolve().parent  # articles named the same whichever path names the manifest
    # Lines end at "\n" only: JSON strings may hold U+2028, U+2029 and U+0085 raw.
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip(" \t\r"):
            continue
        try:
            row = json.loads(line)
            articles = row["articles"] if "articles" in row else [row["left"], row["right"]]
            group_id = str(row.get("id", number))
            if not isinstance(articles, list) or not all(isinstance(a, str) for a in articles):
                raise TypeError
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):  # ValueError: JSON, huge ints
            msg = f"{path}:{number}: expected {{\"id\", \"articles\": [...]}} or {{\"id\", \"left\", \"right\"}}"
            raise ManifestError(msg) from None
        groups.append(Group(group_id, tuple(_resolve(base, str(a)) for a in articles)))
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


def _line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


# -- running a collection -------------------------------------------------------------

#: The first line of every record file: ``{"factcompare": RECORD_FILE, "collection", "settings"}``.
RECORD_FILE = "batch records"
NOT_OURS = ("not a factcompare batch record file (no header line of ours); move it, give another --output, "
            "or --force to replace it")


def collection_digest(groups: list[Group]) -> str:
    """The collection's identity: the SHA-256 of its groups (ids and resolved article paths), not its path."""
    listing = json.dumps([[g.id, list(g.articles)] for g in groups], ensure_ascii=False)
    return "sha256:" + hashlib.sha256(listing.encode("utf-8", "surrogatepass")).hexdigest()


def settings_signature(settings: BatchSettings) -> str:
    """Every setting that changes a record, e.g. ``align_threshold:0.35|...|max_bytes:5242880|version:0.1.0``."""
    values = {**settings.options.as_settings(), "max_bytes": settings.max_bytes, "version": __version__}
    return "|".join(f"{key}:{value}" for key, value in sorted(values.items()))


def records_header(groups: list[Group], settings: BatchSettings) -> str:
    return _line({"factcompare": RECORD_FILE, "collection": collection_digest(groups),
                  "settings": settings_signature(settings)})


def finished_ids(output: Path, groups: list[Group] | None = None, settings: BatchSettings | None = None) -> set[str]:
    """Ids of the groups already recorded in ``output``; a torn last line is cut off.

    The file must begin with our header line, and every whole line after it be a
    record: anything else is refused untouched. With ``groups`` (and ``settings``),
    the header must name the same collection (and settings): another collection's
    records, or records made with other settings, are refused, never taken as done.
    A last line without its newline, or that is not JSON, was torn by an interruption.
    """
    if not output.exists():
        return set()
    try:
        data = output.read_bytes()
    except OSError as error:
        msg = f"{output}: cannot resume from it ({error.strerror or error}); give another --output"
        raise ManifestError(msg) from None
    if not data:
        return set()
    # Lines end at b"\n" only: a record may hold U+2028, U+2029 or U+0085 raw.
    lines = data.split(b"\n")
    if not data.endswith(b"\n"):  # interrupted halfway through a record (or not a file of ours)
        torn, lines = lines[-1], lines[:-1]
    else:
        torn, lines = b"", lines[:-1]
    header = _parse(lines[0]) if lines else None
    if not isinstance(header, dict) or header.get("factcompare") != RECORD_FILE:
        if _is_record(header):
            msg = (f"{output}: records of an older factcompare (no header line naming the collection and settings); "
                   "--restart to redo them, or give another --output")
            raise OlderRecordsError(msg)
        msg = f"{output}: {NOT_OURS}"
        raise ManifestError(msg)
    if groups is not None and header.get("collection") != collection_digest(groups):
        msg = f"{output}: holds another collection's records; --restart to discard them, or give another --output"
        raise ManifestError(msg)
    if settings is not None and header.get("settings") != (ours := settings_signature(settings)):
        msg = (f"{output}: records made with other settings ({header.get('settings')}, not {ours}); "
               "--restart to redo them with these, or give another --output")
        raise ManifestError(msg)
    if len(lines) > 1 and not torn and _parse(lines[-1]) is None:  # a whole line of garbage last: torn too
        torn, lines = lines[-1] + b"\n", lines[:-1]
    records = []
    for number, line in enumerate(lines[1:], 2):
        record = _parse(line)
        if not _is_record(record):
            msg = (f"{output}:{number}: not a factcompare batch record; --restart to discard the file's records, "
                   "or give another --output")
            raise ManifestError(msg)
        records.append((str(record["id"]), record["articles"]))
    if groups is not None:
        expected = {g.id: list(g.articles) for g in groups}
        for record_id, articles in records:
            if record_id in expected and expected[record_id] != articles:
                msg = (f"{output}: holds a record of group {record_id!r} with other articles (another collection's "
                       "records?); use --restart or another --output")
                raise ManifestError(msg)
    if torn:
        with output.open("r+b") as handle:
            handle.truncate(len(data) - len(torn))
    return {record_id for record_id, _ in records}


def check_discardable(output: Path) -> None:
    """Refuse to discard (``--restart``) a file that is not a record file, ours or an older factcompare's."""
    try:
        finished_ids(output)
    except OlderRecordsError:
        # An older record file: every whole line a record.
        if not all(_is_record(_parse(line)) for line in output.read_bytes().split(b"\n")[:-1]):
            msg = f"{output}: {NOT_OURS}"
            raise ManifestError(msg) from None


def _is_record(value: Any) -> bool:
    return isinstance(value, dict) and {"id", "articles", "status"} <= value.keys()


def _parse(line: bytes) -> Any:
    """A line as JSON, or None when it is not (undecodable, torn, too deep)."""
    try:
        return json.loads(line.decode("utf-8"))
    except (ValueError, RecursionError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        return None


def start_records(output: Path, groups: list[Group], settings: BatchSettings, *, replace: bool = False) -> None:
    """A record file holding only its header, unless one is there (``replace``: whatever is there goes).

    Written whole, then renamed into place: an interruption never leaves a torn header.
    """
    if not replace and output.exists() and output.stat().st_size:
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = output.with_name(f".{output.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(records_header(groups, settings) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, output)
    finally:
        temporary.unlink(missing_ok=True)


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
    # Each worker asks the kernel to kill it when this process dies (SIGKILL included), so a killed run
    # leaves no worker (about 130 MB each) living on under PID 1 and holding the caller's pipes.
    executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_die_with_parent, initargs=(os.getpid(),))
    try:
        yield from executor.map(job, ((g, settings) for g in groups), chunksize=_chunk(len(groups), workers))
    except BrokenProcessPool:
        executor.shutdown(wait=False, cancel_futures=True)
        msg = ("a worker process died (out of memory?); the records written so far are kept: "
               "run the same command to resume")
        raise FactcompareError(msg) from None
    except BaseException:
        # Interrupted (Ctrl-C, SIGTERM, SIGHUP) or abandoned: the groups not started are dropped, not run
        # to the end first (a with-block's shutdown waits for every submitted group).
        executor.shutdown(wait=False, cancel_futures=True)
        raise
    executor.shutdown(wait=True)


#: prctl(2) option: the signal a process gets when its parent dies (Linux).
PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    """A worker's initializer: die with the run (Linux: PR_SET_PDEATHSIG; elsewhere nothing to do).

    The parent may already have died before the request took effect: then the worker exits at once.
    """
    import signal
    import sys

    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:
        os._exit(1)


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
    # No dashboard, and the scheduler's HTTP server on a free port: on its default, 8787, a second run (or
    # any program holding the port) made Dask warn "Port 8787 is already in use", even under -q.
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                  dashboard_address=None, scheduler_kwargs={"dashboard_address": ":0"})
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
            try:
                handle.write(record + "\n")
                handle.flush()
                os.fsync(handle.fileno())
            except OSError as error:  # a full disk or a quota: the one error, naming the file (a write's does not)
                with contextlib.suppress(OSError):
                    handle.close()  # now, not at the end of the with-block, where its flush would fail anew
                if error.filename is None:
                    error.filename = str(output)
                raise
            yield json.loads(record)


def read_records(output: Path) -> list[dict[str, Any]]:
    """The records of a record file, its header line left out (files without one, of older versions, too)."""
    lines = (json.loads(line.decode("utf-8")) for line in output.read_bytes().split(b"\n") if line.strip())
    return [line for line in lines if line.get("factcompare") != RECORD_FILE]
