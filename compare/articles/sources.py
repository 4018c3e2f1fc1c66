"""The articles a command line names: files, ``-`` (the standard input) and web pages, and their display names.

An argument is a web page when it starts with ``http://`` or ``https://``,
the standard input when it is ``-`` (read once), and a file otherwise. Local
articles are read before any page is fetched, so that a missing file is
reported at once rather than after a download.

Display names tell the sources apart: a file's stem (``wire``), or, where two
sources would share it, the shortest stretch of parent folders that tells
them apart (``a/index`` and ``b/index``), then the file name with its suffix
(``story.txt`` and ``story.md``); a web page's host (``example.com``), then
as much of its path as tells it apart from the others (``example.com/a``).
Report file names are made of these names.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path, PurePosixPath
from typing import IO
from urllib.parse import urlsplit

from ..checkpoints import checkpoint
from ..errors import ArticleError
from ..models import Source
from .fetch import FETCH_TIMEOUT, FetchError, fetch, is_url
from .reader import (
    MAX_INPUT_BYTES,
    decode_text,
    extract_html_article,
    is_html,
    read_capped,
    read_source,
    source_from_bytes,
    strip_controls,
)

STDIN = "-"
STDIN_NAME = "stdin"


def read_articles(arguments: Sequence[str], *, max_bytes: int = MAX_INPUT_BYTES, timeout: float = FETCH_TIMEOUT,
                  stdin: IO[bytes] | None = None) -> list[Source]:
    """Read every article named on a command line, in order, with display names that tell them apart.

    Raises:
        ArticleError: an article is missing, unreadable, too large, binary,
            empty, a page that cannot be fetched, or ``-`` is given twice.
    """
    if list(arguments).count(STDIN) > 1:
        msg = "-: the standard input can be read once; give '-' for one article only"
        raise ArticleError(msg)
    sources: dict[int, Source] = {}
    local = [(i, a) for i, a in enumerate(arguments) if not is_url(a)]
    for index, argument in local:  # files and stdin first: a missing file is reported before any download
        sources[index] = read_stdin(stdin, max_bytes=max_bytes) if argument == STDIN else read_source(
            argument, max_bytes=max_bytes)
    for index, argument in enumerate(arguments):
        if index not in sources:
            sources[index] = read_page(argument, max_bytes=max_bytes, timeout=timeout)
    ordered = [sources[i] for i in range(len(arguments))]
    names = display_names(list(arguments))
    return [dataclasses.replace(source, name=name) for source, name in zip(ordered, names, strict=True)]


def read_stdin(stream: IO[bytes] | None = None, *, max_bytes: int = MAX_INPUT_BYTES) -> Source:
    """The article piped in on the standard input (text, or HTML recognised by how it starts)."""
    stream = stream or sys.stdin.buffer
    if _isatty(stream):
        msg = "-: the standard input is a terminal; pipe an article in (cat story.txt | factcompare - other.txt)"
        raise ArticleError(msg)
    try:
        data = read_capped(stream.read, max_bytes)
    except OSError as error:
        msg = f"-: cannot read the standard input ({error.strerror or error})"
        raise ArticleError(msg) from None
    if data is None:
        msg = (f"-: the standard input is larger than the {max_bytes:,}-byte limit for one article "
               "(raise it with --max-bytes)")
        raise ArticleError(msg)
    return source_from_bytes(data, name=STDIN_NAME, label="-")


def _isatty(stream: IO[bytes]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def read_page(url: str, *, max_bytes: int = MAX_INPUT_BYTES, timeout: float = FETCH_TIMEOUT) -> Source:
    """Fetch a web page and extract its article (trafilatura); the URL and the time of the fetch are kept."""
    checkpoint("fetch")
    page = fetch(url, timeout=timeout, max_bytes=max_bytes)
    if not page.content.strip():
        msg = f"{url}: the page is empty"
        raise FetchError(msg)
    text, encoding = _decode_page(page.content, page.charset, url)
    if not is_html(page.content) and "<" not in text[:4096]:
        msg = f"{url}: not a web page (no HTML in it)"
        raise FetchError(msg)
    article = extract_html_article(text, label=url, url=url)
    return Source(text=article, name=url, path=url, encoding=f"{encoding}, html", url=url,
                  fetched_at=page.fetched_at)


def _decode_page(content: bytes, charset: str | None, url: str) -> tuple[str, str]:
    """The page as text: in the charset its headers declare when that decodes it, else as a file is decoded."""
    if charset:
        try:
            return strip_controls(content.decode(charset), url), charset.lower()
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(content, label=url)


# -- names -------------------------------------------------------------------------


def display_names(arguments: Sequence[str]) -> list[str]:
    """A name for each article argument; arguments naming different sources get different names."""
    identities = [_identity(a) for a in arguments]
    labelers = {identity: _labeler(argument) for identity, argument in zip(identities, arguments, strict=True)}
    names = {identity: labeler(0, False) for identity, labeler in labelers.items()}
    clashes: dict[str, list[str]] = {}
    for identity, name in names.items():
        clashes.setdefault(name, []).append(identity)
    for group in clashes.values():
        if len(group) > 1:
            names.update(_tell_apart(group, labelers))
    taken: dict[str, int] = {}
    for identity, name in names.items():  # a told-apart name may meet another source's plain one
        taken[name] = taken.get(name, 0) + 1
        if taken[name] > 1:
            names[identity] = f"{name} ({taken[name]})"
    return [names[identity] for identity in identities]


Labeler = Callable[[int, bool], str]


def _tell_apart(group: list[str], labelers: dict[str, Labeler]) -> dict[str, str]:
    """The shortest labels, at one depth for the whole group, under which its members differ."""
    for full in (False, True):
        for depth in range(0 if full else 1, 64):
            labels = [labelers[identity](depth, full) for identity in group]
            if len(set(labels)) == len(labels):
                return dict(zip(group, labels, strict=True))
            if all(labelers[identity](depth + 1, full) == label for identity, label in zip(group, labels, strict=True)):
                break  # deeper labels add nothing more
    return {identity: f"{labelers[identity](64, True)} ({number})" for number, identity in enumerate(group, 1)}


def _identity(argument: str) -> str:
    if argument == STDIN or is_url(argument):
        return argument
    return os.path.abspath(argument)


def _labeler(argument: str) -> Labeler:
    if argument == STDIN:
        return lambda depth, full: STDIN_NAME
    if is_url(argument):
        return _url_labeler(argument)
    path = Path(os.path.abspath(argument))
    folders = [part for part in path.parent.parts if part not in (path.anchor, "")]

    def label(depth: int, full: bool) -> str:
        leaf = path.name if full else (path.stem or path.name)
        return "/".join([*(folders[max(0, len(folders) - depth):] if depth else []), leaf])

    return label


def _url_labeler(url: str) -> Labeler:
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.") or url
    segments = [s for s in parts.path.split("/") if s]
    if segments:
        segments[-1] = PurePosixPath(segments[-1]).stem or segments[-1]

    def label(depth: int, full: bool) -> str:
        if full:  # everything that can tell two addresses apart
            query = f"?{parts.query}" if parts.query else ""
            return f"{parts.netloc}{parts.path.rstrip('/')}{query}" or url
        return "/".join([host, *segments[max(0, len(segments) - depth):]]) if depth else host

    return label
