"""Writing report files: safe names, atomic replacement, and never clobbering a user's file."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from pathlib import Path

from .errors import ReportError

# Every report factcompare writes contains its format's marker; a file at the
# target path without it was not written by us and is left alone unless forced.
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
    if len(joined) > MAX_NAME_LENGTH * 2:
        joined = f"{parts[0]}__{parts[1]}__and-{len(parts) - 2}-more"
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
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        msg = f"cannot write reports to {path.parent}: {error.strerror or error}"
        raise ReportError(msg) from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)
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


def _is_ours(path: Path, marker: str) -> bool:
    if not path.is_file():
        return False
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            return marker in handle.read(1 << 20)
    except OSError:
        return False
