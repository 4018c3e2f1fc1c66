"""Writing report files: safe names, atomic replacement, and never clobbering a user's file."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
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
MAX_NAME_LENGTH = 80


def safe_name(name: str) -> str:
    """A file-name part made only of letters, digits, dots, dashes and underscores (never '..')."""
    cleaned = _UNSAFE.sub("-", name).strip(".-") or "article"
    return cleaned[:MAX_NAME_LENGTH]


def report_path(directory: Path, left: str, right: str, suffix: str) -> Path:
    """``directory/<left>__<right><suffix>``, inside ``directory`` whatever the names hold."""
    return directory / f"{safe_name(left)}__{safe_name(right)}{suffix}"


def report_path_for(directory: Path, names: list[str], suffix: str) -> Path:
    """``directory/<a>__<b>__<c><suffix>`` for several sources, shortened past a few names."""
    parts = [safe_name(name) for name in names]
    joined = "__".join(parts)
    if len(joined) > MAX_NAME_LENGTH * 2:  # shortened, with a digest of all names so that groups stay apart
        digest = hashlib.sha256("\0".join(names).encode("utf-8")).hexdigest()[:8]
        joined = f"{parts[0][:60]}__{parts[1][:60]}__and-{len(parts) - 2}-more-{digest}"
    return directory / f"{joined}{suffix}"


def write_report(path: Path, content: str, *, marker: str, force: bool = False) -> None:
    """Write ``content`` to ``path`` atomically (temporary file in the same folder, then rename).

    Raises:
        ReportError: ``path`` exists, is not one of our reports and ``force`` is off,
            or the folder cannot be created or written.
    """
    if path.exists() and not force and not _is_ours(path, marker):
        msg = f"{path} exists and was not written by factcompare; use --force to replace it"
        raise ReportError(msg)
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


def _mode_for(path: Path) -> int:
    """The replaced file's permissions, or what a new file gets under the umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _is_ours(path: Path, marker: str) -> bool:
    if not path.is_file():
        return False
    try:
        if marker == JSON_MARKER:
            data = json.loads(path.read_text(encoding="utf-8"))
            return isinstance(data, dict) and data.get("generator") == "factcompare"
        with path.open(encoding="utf-8", errors="replace") as handle:
            return marker in handle.read(MARKER_WINDOW)
    except (OSError, ValueError):
        return False
