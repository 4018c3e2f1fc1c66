"""Writing report files: reversible names, atomic replacement, and never clobbering a user's file.

**Names.** A report is named after its sources' display names, joined by
``__``: ``wire__blog.json``. Letters and digits of any script are kept as they
are; everything else is percent-encoded (RFC 3986 style: ``%`` and two
upper-case hex digits per UTF-8 byte), and so are a ``.`` or ``-`` that begins
a name (no hidden file, no name read as an option) and a ``_`` that begins or
ends a name or touches another ``_`` (so that ``__`` only ever joins two
names). ``a b``, ``a\\b`` and ``a-b`` are ``a%20b``, ``a%5Cb`` and ``a-b``;
``a/index`` is ``a%2Findex``; an empty name is ``%``. The name is in NFC, as a
file system that normalises names keeps it, and :func:`report_names` gives the
sources' names back. A file name longer than :data:`MAX_FILE_NAME_BYTES` is
cut (never inside a character or an escape) and ends with ``~`` and a digest of
all the names in full (``~`` is always escaped in a name, so a cut name never
equals a whole one): two different lists of names never share a report.
Nor on a file system that ignores case (macOS, Windows): a whole name holding
upper-case letters ends with ``+`` and the positions of its upper-case
letters (escapes aside), in hex, as a bit mask (``Wire__blog+1``; ``wire__blog`` has none),
so names that differ only by case differ in characters that have no case. Only
upper-case letters that lower case and back give unchanged are kept (others,
such as a titlecase digraph, are escaped), and ``+`` is always escaped inside a
name.

**Ownership.** A report replaces only a regular file that factcompare wrote
and that nobody changed since, or any regular file with ``--force``. What
factcompare wrote is listed in a record in the report's folder,
:data:`INDEX_NAME`, with each file's size and SHA-256; a file replaces it only
if it is listed and still hashes to what was recorded. A record that is
missing, unreadable, too large, corrupt or not a regular file counts as empty
(and is never followed or replaced if it is a link, a folder or a FIFO): the
reports then need ``--force``, once. So do reports of factcompare 0.1.0, which
kept no record. Whatever is not a regular file at a report's path (a
directory, a symbolic link, a device, a FIFO, a socket) is refused,
``--force`` included: the atomic rename would replace the link or the device
node itself, not write to what it points at. To write to the standard output,
the command line takes ``-`` (or ``/dev/stdout``) and never comes here.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import tempfile
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from .checkpoints import checkpoint
from .errors import ReportError
from .signals import signals_held

# Every report factcompare writes still carries its format's marker near its start (compare.render lists them),
# for a reader to see; ownership no longer depends on it.

# -- names ---------------------------------------------------------------------------------------------

#: Joins the sources' names in a report's name; an encoded name never holds it, begins or ends with "_".
SEPARATOR = "__"
#: Ends a cut name, before the digest; always escaped inside a name.
CUT_MARK = "~"
#: Hex digits of the SHA-256 digest a cut name ends with (64 bits: a collision is never met in practice).
DIGEST_LENGTH = 16
#: The longest report file name, in bytes: under the 255 of ext4, XFS, Btrfs, APFS and NTFS, with room for
#: what tools add to a name (an editor's backup "~", ".orig", a download's ".part", a temporary file's prefix).
MAX_FILE_NAME_BYTES = 200
#: Ends a whole name that holds upper-case characters, before their positions (hex); always escaped in a name.
CASE_MARK = "+"
_CASE_TAG = re.compile(r"\+([1-9a-f][0-9a-f]*)")
_ESCAPE = re.compile(r"%([0-9A-F]{2})")


def _kept(char: str) -> bool:
    """A letter or digit of any script that NFC leaves alone, written as it is.

    A cased letter is kept only if its lower case is one character and, for an upper-case letter, gives it
    back in upper case: then two names whose letters differ only by case differ in their case tag.
    """
    if not (char.isalnum() and unicodedata.is_normalized("NFC", char)):
        return False
    lower = char.lower()
    return len(lower) == 1 and (lower == char or lower.upper() == char)


def _case_tag(stem: str) -> str:
    """``+`` and the positions of the stem's upper-case letters as a hex bit mask, or nothing if it has none.

    The hex digits of escapes are left out: always upper case after a ``%``, which is always an escape's.
    """
    letters = _ESCAPE.sub("%00", stem)  # the same length, no case
    mask = sum(1 << i for i, char in enumerate(letters) if char != char.lower())
    return f"{CASE_MARK}{mask:x}" if mask else ""


def _escaped(char: str) -> str:
    return "".join(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass"))


def safe_name(name: str) -> str:
    """One source's name as a part of a file name: reversible, printable, in NFC, never holding ``__``.

    Letters and digits stay; ``.`` and ``-`` stay except first; ``_`` stays
    except first, last or beside another ``_``; the rest is percent-encoded.
    """
    if not name:
        return "%"
    out = []
    for i, char in enumerate(name):
        inner = 0 < i < len(name) - 1 and name[i - 1] != "_" and name[i + 1] != "_"
        literal = _kept(char) or (char in ".-" and i > 0) or (char == "_" and inner)
        out.append(char if literal else _escaped(char))
    encoded = "".join(out)
    if not unicodedata.is_normalized("NFC", encoded):  # kept letters NFC would compose (Hangul jamo): escape them
        encoded = "".join(part if part.isascii() else _escaped(part) for part in out)
    return encoded


def _unescape(part: str) -> str | None:
    """The name :func:`safe_name` made ``part`` from, or None if it made no such part."""
    if part == "%":
        return ""
    data = bytearray()
    i = 0
    while i < len(part):
        if part[i] == "%":
            match = _ESCAPE.match(part, i)
            if match is None:
                return None
            data.append(int(match.group(1), 16))
            i = match.end()
        else:
            data += part[i].encode("utf-8", "surrogatepass")
            i += 1
    try:
        return data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return None


def report_path(directory: Path, left: str, right: str, suffix: str) -> Path:
    """``directory/<left>__<right><suffix>``, inside ``directory`` whatever the names hold."""
    return report_path_for(directory, [left, right], suffix)


def report_path_for(directory: Path, names: list[str], suffix: str) -> Path:
    """``directory/<a>__<b>__<c><suffix>`` for one or more sources, cut with a digest past the length limit."""
    stem = SEPARATOR.join(safe_name(name) for name in names)
    limit = MAX_FILE_NAME_BYTES - len(suffix.encode("utf-8"))
    whole = stem + _case_tag(stem)
    if len(whole.encode("utf-8", "surrogatepass")) > limit:  # cut: the digest of the names tells case apart
        digest = hashlib.sha256(json.dumps(names).encode("ascii")).hexdigest()[:DIGEST_LENGTH]
        whole = f"{_cut(stem, limit - len(CUT_MARK) - DIGEST_LENGTH)}{CUT_MARK}{digest}"
    return directory / f"{whole}{suffix}"


def _cut(stem: str, budget: int) -> str:
    """The longest start of ``stem`` within ``budget`` bytes that ends between two characters and two escapes."""
    size = 0
    end = 0
    for i, char in enumerate(stem):
        size += len(char.encode("utf-8", "surrogatepass"))
        if size > budget:
            break
        end = i + 1
    start = stem.rfind("%", max(0, end - 2), end)  # an escape cut short: drop what of it was kept
    return stem[:start] if start != -1 else stem[:end]


def report_names(file_name: str, suffix: str) -> list[str] | None:
    """The sources' names a report's file name was made of, or None (a cut name, or not a report's name)."""
    if not file_name.endswith(suffix) or CUT_MARK in file_name:
        return None
    stem = file_name[: len(file_name) - len(suffix)]
    if CASE_MARK in stem:
        stem, _, tag = stem.rpartition(CASE_MARK)
        if not _CASE_TAG.fullmatch(CASE_MARK + tag):
            return None
    parts = [_unescape(part) for part in stem.split(SEPARATOR)]
    if any(part is None for part in parts):
        return None
    names = [part for part in parts if part is not None]
    return names if report_path_for(Path(), names, suffix).name == file_name else None


# -- ownership: the record of what factcompare wrote --------------------------------------------------------

#: The record, in each folder factcompare writes reports to, of what it wrote there (hidden: a dot file).
INDEX_NAME = ".factcompare-reports.json"
INDEX_VERSION = 1
#: A record larger than this is not read (it counts as empty): an entry takes about 130 bytes, so this is
#: room for some 8,000 reports in one folder, and a hostile file cannot make a run read gigabytes.
MAX_INDEX_BYTES = 1 << 20
_SHA256 = re.compile(r"[0-9a-f]{64}")
_HASH_CHUNK = 1 << 16
# Threads of one process writing reports to one folder take turns on the record (runs take a lock on the folder).
_INDEX_LOCK = threading.Lock()


def write_report(path: Path, content: str, *, marker: str | None = None, force: bool = False) -> None:
    """Write ``content`` to ``path`` atomically (temporary file in the same folder, then rename), and record it.

    ``marker`` is accepted from callers written before ownership was recorded, and not used.

    Raises:
        ReportError: ``path`` exists, is not a report factcompare wrote (unchanged
            since) and ``force`` is off, or the folder cannot be created or written.
    """
    data = content.encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        msg = f"cannot write reports to {path.parent}: {error.strerror or error}"
        raise ReportError(msg) from None
    with _folder_locked(path.parent):
        _check(path, force=force)
        temporary = _write_temporary(path.parent, data, _mode_for(path), what=path)
        try:
            checkpoint("write")  # the moment an interruption must leave no trace: written, not yet renamed
            with signals_held():  # the report and its record change together, or neither does
                os.replace(temporary, path)
                _record(path, data)
        except OSError as error:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            msg = f"cannot write {path}: {error.strerror or error}"
            raise ReportError(msg) from None
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise


def _write_temporary(folder: Path, data: bytes, mode: int, *, what: Path, durable: bool = True) -> str:
    """A hidden temporary file in ``folder`` holding ``data`` (flushed to disk if ``durable``); removed on failure."""
    try:
        # A short fixed prefix: a temporary name must fit wherever the report's name fits.
        descriptor, temporary = tempfile.mkstemp(prefix=".factcompare-", suffix=".tmp", dir=folder)
    except OSError as error:
        msg = f"cannot write reports to {folder}: {error.strerror or error}"
        raise ReportError(msg) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.chmod(temporary, mode)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        msg = f"cannot write {what}: {error.strerror or error}"
        raise ReportError(msg) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return temporary


_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISLNK, "a symbolic link"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"))


def check_target(path: Path, marker: str | None = None, *, force: bool = False) -> None:
    """Refuse a report path that holds anything but nothing, our own unchanged report, or (forced) a regular file.

    Called before a comparison starts, so that a refused path costs nothing,
    and again just before writing. ``marker`` is accepted and not used.

    Raises:
        ReportError: ``path`` is a directory, symbolic link, device, FIFO or socket
            (whatever ``force`` says), or a regular file that the record in its
            folder does not list with its current content.
    """
    with _folder_locked(path.parent):
        _check(path, force=force)


def _check(path: Path, *, force: bool) -> None:
    if path.name == INDEX_NAME:
        msg = f"{path} is where factcompare records the reports it wrote in {path.parent}; choose another name"
        raise ReportError(msg)
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as error:  # a parent that is a file, a folder we may not search, a name too long
        msg = f"cannot write reports to {path.parent}: {error.strerror or error}"
        raise ReportError(msg) from None
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
        msg = (f"{path} is {kind}; factcompare writes reports only to regular files and never replaces anything "
               "else, --force included (use --output - for the standard output)")
        raise ReportError(msg)
    if force:
        return
    index = _read_index(path.parent)
    if path.name not in index:
        msg = (f"{path} exists and factcompare has no record of writing it (reports of factcompare 0.1.0 and older "
               f"carry none); use --force to replace it")
        raise ReportError(msg)
    if not _matches(path, *index[path.name]):
        msg = f"{path} exists and was changed since factcompare wrote it; use --force to replace it"
        raise ReportError(msg)


def _read_index(folder: Path) -> dict[str, tuple[int, str]]:
    """The record's entries (file name: size, SHA-256); empty for a record that is missing, odd or hostile."""
    try:
        data = _read_regular(folder / INDEX_NAME, MAX_INDEX_BYTES)
        record = json.loads(data.decode("utf-8"))
    except (OSError, ValueError, RecursionError):  # missing, unreadable, too large, not UTF-8, not JSON, too deep
        return {}
    if not (isinstance(record, dict) and record.get("generator") == "factcompare"
            and record.get("version") == INDEX_VERSION and isinstance(record.get("reports"), dict)):
        return {}
    entries = {}
    for name, entry in record["reports"].items():
        if not isinstance(entry, dict) or os.path.basename(name) != name or name in ("", ".", ".."):
            continue
        size, digest = entry.get("size"), entry.get("sha256")
        if type(size) is int and size >= 0 and isinstance(digest, str) and _SHA256.fullmatch(digest):
            entries[name] = (size, digest)
    return entries


def _read_regular(path: Path, limit: int) -> bytes:
    """At most ``limit`` bytes of a regular file, never following a link nor opening a FIFO or a device.

    Raises:
        OSError: ``path`` is missing, unreadable, not a regular file, or larger than ``limit``.
    """
    if not stat.S_ISREG(os.lstat(path).st_mode):
        msg = f"{path}: not a regular file"
        raise OSError(msg)
    chunks = []
    with _opened(path) as descriptor:
        read = 0
        while read <= limit and (chunk := os.read(descriptor, min(_HASH_CHUNK, limit + 1 - read))):
            chunks.append(chunk)
            read += len(chunk)
    if read > limit:
        msg = f"{path}: larger than {limit} bytes"
        raise OSError(msg)
    return b"".join(chunks)


@contextlib.contextmanager
def _opened(path: Path) -> Iterator[int]:
    """A descriptor to read the regular file at ``path`` (no link followed, no FIFO or device opened)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    descriptor = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):  # swapped for something else since it was looked at
            msg = f"{path}: not a regular file"
            raise OSError(msg)
        yield descriptor
    finally:
        os.close(descriptor)


def _matches(path: Path, size: int, digest: str) -> bool:
    """Whether the regular file at ``path`` holds ``size`` bytes hashing to ``digest``."""
    hasher = hashlib.sha256()
    try:
        with _opened(path) as descriptor:
            if os.fstat(descriptor).st_size != size:
                return False
            read = 0
            while chunk := os.read(descriptor, _HASH_CHUNK):
                read += len(chunk)
                if read > size:
                    return False
                hasher.update(chunk)
    except OSError:
        return False
    return hasher.hexdigest() == digest


def _record(path: Path, data: bytes) -> None:
    """Add ``path`` (just written with ``data``) to its folder's record, forgetting reports that are gone.

    A record path holding something other than a regular file is left alone
    (and the report stays unrecorded: replacing it later needs ``--force``).
    """
    folder = path.parent
    index_path = folder / INDEX_NAME
    try:
        if not stat.S_ISREG(os.lstat(index_path).st_mode):
            return
    except FileNotFoundError:
        pass
    entries = {name: entry for name, entry in _read_index(folder).items() if (folder / name).is_file()}
    entries[path.name] = (len(data), hashlib.sha256(data).hexdigest())
    record = {"generator": "factcompare", "version": INDEX_VERSION,
              "reports": {name: {"size": size, "sha256": digest} for name, (size, digest) in sorted(entries.items())}}
    text = json.dumps(record, ensure_ascii=True, indent=1) + "\n"
    # Not synced to disk: the rename is atomic for every process, and a record lost to a power cut only
    # means that the next run asks for --force (the report itself was synced). It halves the syncs of a run.
    temporary = _write_temporary(folder, text.encode("ascii"), _mode_for(index_path), what=index_path,
                                 durable=False)
    try:
        os.replace(temporary, index_path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


@contextlib.contextmanager
def _folder_locked(folder: Path) -> Iterator[None]:
    """Hold the folder's lock (its record and reports change under it); best effort where there is none."""
    with _INDEX_LOCK:
        descriptor = None
        try:
            import fcntl

            descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        except (ImportError, OSError):  # no such folder yet, no flock here (Windows, some network file systems)
            pass
        try:
            yield
        finally:
            if descriptor is not None:
                os.close(descriptor)  # closing releases the lock


def _mode_for(path: Path) -> int:
    """The replaced file's permissions, or what a new file gets under the umask."""
    try:
        return os.lstat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
