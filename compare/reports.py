"""Writing report files: safe names, atomic replacement, and never clobbering a user's file.

A report replaces only a regular file that factcompare wrote (or any regular
file, with ``--force``). Whatever else sits at the path (a directory, a
symbolic link, a device, a FIFO, a socket) is refused, ``--force`` included:
the atomic rename would replace the link or the device node itself, not write
to what it points at. To write to the standard output, the command line takes
``-`` (or ``/dev/stdout``) and never comes here.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import tempfile
from pathlib import Path

from .checkpoints import checkpoint
from .errors import ReportError

# Every report factcompare writes carries its format's marker near its start (a
# JSON report: "generator": "factcompare" at its top level); a file at the target
# path without it there was not written by us and is left alone unless forced.
#: The marker of JSON reports: checked by parsing, not by searching the text.
JSON_MARKER = '"generator": "factcompare"'
# How far into a file a text marker must appear (our renderers put it in the first lines).
MARKER_WINDOW = 4096
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
# "__" joins the sources' names in a report's name, so a name never holds it.
_SEPARATOR = re.compile(r"__+")
MAX_NAME_LENGTH = 80


def safe_name(name: str) -> str:
    """A file-name part made only of letters, digits, dots, dashes and underscores (never '..' or '__')."""
    cleaned = _SEPARATOR.sub("_", _UNSAFE.sub("-", name)).strip(".-_") or "article"
    return cleaned[:MAX_NAME_LENGTH]


def report_path(directory: Path, left: str, right: str, suffix: str) -> Path:
    """``directory/<left>__<right><suffix>``, inside ``directory`` whatever the names hold."""
    return report_path_for(directory, [left, right], suffix)


def report_path_for(directory: Path, names: list[str], suffix: str) -> Path:
    """``directory/<a>__<b>__<c><suffix>`` for two or more sources, shortened past a few names.

    A name cut short (by :func:`safe_name` or here) brings a digest of all the names
    in full, so that two comparisons never share a report's name because their
    long names begin alike.
    """
    parts = [safe_name(name) for name in names]
    joined = "__".join(parts)
    digest = hashlib.sha256("\0".join(names).encode("utf-8")).hexdigest()[:8]
    if len(joined) > MAX_NAME_LENGTH * 2:
        more = f"__and-{len(parts) - 2}-more" if len(parts) > 2 else ""
        joined = f"{parts[0][:60]}__{parts[1][:60]}{more}-{digest}"
    elif any(len(_SEPARATOR.sub("_", _UNSAFE.sub("-", name)).strip(".-_")) > MAX_NAME_LENGTH for name in names):
        joined = f"{joined}-{digest}"
    return directory / f"{joined}{suffix}"


def write_report(path: Path, content: str, *, marker: str, force: bool = False) -> None:
    """Write ``content`` to ``path`` atomically (temporary file in the same folder, then rename).

    Raises:
        ReportError: ``path`` exists, is not one of our reports and ``force`` is off,
            or the folder cannot be created or written.
    """
    check_target(path, marker, force=force)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # A short fixed prefix: a temporary name must fit wherever the report's name fits.
        descriptor, temporary = tempfile.mkstemp(prefix=".factcompare-", suffix=".tmp", dir=path.parent)
    except OSError as error:
        msg = f"cannot write reports to {path.parent}: {error.strerror or error}"
        raise ReportError(msg) from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _mode_for(path))
        checkpoint("write")  # the moment an interruption must leave no trace: written, not yet renamed
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        msg = f"cannot write {path}: {error.strerror or error}"
        raise ReportError(msg) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISLNK, "a symbolic link"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"))


def check_target(path: Path, marker: str, *, force: bool = False) -> None:
    """Refuse a report path that holds anything but nothing, our own report, or (forced) a regular file.

    Called before a comparison starts, so that a refused path costs nothing,
    and again just before writing.

    Raises:
        ReportError: ``path`` is a directory, symbolic link, device, FIFO or socket
            (whatever ``force`` says), or a regular file factcompare did not write.
    """
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as error:  # a parent that is a file, a folder we may not search
        msg = f"cannot write reports to {path.parent}: {error.strerror or error}"
        raise ReportError(msg) from None
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
        msg = (f"{path} is {kind}; factcompare writes reports only to regular files and never replaces anything "
               "else, --force included (use --output - for the standard output)")
        raise ReportError(msg)
    if not force and not _is_ours(path, marker):
        msg = f"{path} exists and was not written by factcompare; use --force to replace it"
        raise ReportError(msg)


def _mode_for(path: Path) -> int:
    """The replaced file's permissions, or what a new file gets under the umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _is_ours(path: Path, marker: str) -> bool:
    try:
        if marker == JSON_MARKER:
            data = json.loads(path.read_text(encoding="utf-8"))
            return isinstance(data, dict) and data.get("generator") == "factcompare"
        with path.open(encoding="utf-8", errors="replace") as handle:
            return marker in handle.read(MARKER_WINDOW)
    except (OSError, ValueError):
        return False
