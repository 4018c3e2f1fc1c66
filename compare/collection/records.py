"""The record file: a header naming the collection (by content) and the settings, then one JSON line per group.

Resuming reads the finished groups' ids and cuts a torn last line; anything that is
not a record file of ours, or another collection's or other settings' records, is refused untouched.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .. import fingerprint
from .._version import __version__
from ..models import BatchRecord
from ..serialize import record_from_dict, record_from_line
from .job import BatchSettings
from .manifest import Group, ManifestError


class OlderRecordsError(ManifestError):
    """A record file of an older factcompare: records without the header naming collection and settings."""


def _line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


#: The first line of every record file: ``{"factcompare": RECORD_FILE, "collection", "settings"}``.
RECORD_FILE = "batch records"
NOT_OURS = ("not a factcompare batch record file (no header line of ours); move it, give another --output, "
            "or --force to replace it")


def collection_digest(groups: list[Group]) -> str:
    """The collection's identity: the SHA-256 of its groups (ids and resolved article paths), not its path."""
    listing = json.dumps([[g.id, list(g.articles)] for g in groups], ensure_ascii=False)
    return "sha256:" + hashlib.sha256(listing.encode("utf-8", "surrogatepass")).hexdigest()


def settings_signature(settings: BatchSettings) -> str:
    """Every setting that changes a record, e.g. ``align_threshold:0.35|calibration:3f2a...|code:9b1c...|...``:
    the options, the input cap, the shipped models' fingerprint, the code's and the version."""
    values = {**settings.options.as_settings(), "calibration": fingerprint.calibration_fingerprint(),
              "code": fingerprint.code_fingerprint(),
              "max_bytes": settings.max_bytes, "version": __version__}
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


def append_records(output: Path, records: Iterable[str]) -> Iterator[BatchRecord]:
    """Append each record as one line, flushed and synced; yield it read back, for progress and the summary."""
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
            yield record_from_line(record)


def read_records(output: Path) -> list[BatchRecord]:
    """The records of a record file, its header line left out (files without one, of older versions, too)."""
    lines = (json.loads(line.decode("utf-8")) for line in output.read_bytes().split(b"\n") if line.strip())
    return [record_from_dict(line) for line in lines if line.get("factcompare") != RECORD_FILE]
