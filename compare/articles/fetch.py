"""Fetching an article from the web: one GET, bounded in time, size and redirects, and our User-Agent.

urllib3 (the HTTP client under requests and pip, and already a dependency of
trafilatura) is imported on the first fetch, never on start-up. Every failure,
from a name that does not resolve to a page too large, is a
:class:`FetchError` with a one-line message naming the URL.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urlsplit

from .._version import __version__
from ..errors import ArticleError

#: Seconds to wait for a connection, and for the page to arrive (``--timeout``).
FETCH_TIMEOUT = 20.0
#: Redirects followed before giving up: a page that moved, and a consent or canonical hop or two.
MAX_REDIRECTS = 5
USER_AGENT = f"factcompare/{__version__} (news article comparison)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 64 * 1024
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)


class FetchError(ArticleError):
    """A web page that could not be fetched, or is not an article page."""


@dataclass(frozen=True)
class Page:
    """A fetched page: its bytes, the charset its headers declare, and when it was fetched."""

    url: str
    content: bytes
    charset: str | None
    #: UTC, ISO 8601 to the second (``2025-03-02T14:05:09Z``)
    fetched_at: str


def is_url(argument: str) -> bool:
    """Whether a command-line article is a web address (``http://`` or ``https://``)."""
    return argument[:8].lower().startswith(("http://", "https://"))


def fetch(url: str, *, timeout: float = FETCH_TIMEOUT, max_bytes: int) -> Page:
    """GET ``url``: redirects bounded, at most ``max_bytes`` of body, an HTML page only.

    Raises:
        FetchError: the URL is malformed; the host does not resolve; the
            connection is refused, fails or times out; the status is not 2xx;
            the page is not HTML or is larger than ``max_bytes``.
    """
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        msg = f"{url}: not a web address (http://HOST/... or https://HOST/...)"
        raise FetchError(msg)
    import urllib3  # the HTTP client loads with the first URL, not with the command line

    retries = urllib3.Retry(total=None, connect=0, read=0, status=0, other=0, redirect=MAX_REDIRECTS,
                            raise_on_redirect=True, raise_on_status=False)
    pool = urllib3.PoolManager(headers={"User-Agent": USER_AGENT,
                                        "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"},
                               timeout=urllib3.Timeout(connect=timeout, read=timeout), retries=retries)
    started = time.monotonic()
    try:
        response = pool.request("GET", url, preload_content=False, redirect=True)
    except urllib3.exceptions.HTTPError as error:
        raise FetchError(_explain(url, parts.hostname, error, timeout)) from None
    try:
        fetched_at = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        if not 200 <= response.status < 300:
            msg = f"{url}: HTTP {response.status} {response.reason or ''}".rstrip()
            raise FetchError(msg)
        content_type = response.headers.get("Content-Type", "")
        media_type = content_type.split(";", 1)[0].strip().lower()
        if media_type and media_type not in HTML_TYPES:
            msg = f"{url}: not a web page ({media_type}); factcompare fetches HTML articles"
            raise FetchError(msg)
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(_too_large(url, max_bytes))
        content = _read(response, url, max_bytes, started + 2 * timeout)
    except urllib3.exceptions.HTTPError as error:
        raise FetchError(_explain(url, parts.hostname, error, timeout)) from None
    finally:
        response.release_conn()
        pool.clear()
    match = _CHARSET.search(content_type)
    return Page(url=url, content=content, charset=match.group(1) if match else None, fetched_at=fetched_at)


def _read(response: object, url: str, max_bytes: int, deadline: float) -> bytes:
    """The body, chunk by chunk: refused past ``max_bytes``, or when the whole takes past ``deadline``."""
    chunks: list[bytes] = []
    size = 0
    for chunk in response.stream(_CHUNK):  # type: ignore[attr-defined]
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(_too_large(url, max_bytes))
        if time.monotonic() > deadline:  # a server trickling bytes slower than any read timeout catches
            msg = f"{url}: the page did not arrive in time (raise --timeout)"
            raise FetchError(msg)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(url: str, max_bytes: int) -> str:
    return f"{url}: larger than the {max_bytes:,}-byte limit for one article (raise it with --max-bytes)"


def _explain(url: str, host: str, error: Exception, timeout: float) -> str:
    """One line for a urllib3 failure: what went wrong, in a reader's words."""
    from urllib3 import exceptions

    reason = getattr(error, "reason", None) if isinstance(error, exceptions.MaxRetryError) else error
    if isinstance(reason, exceptions.NameResolutionError):
        return f"{url}: cannot resolve the host name {host}"
    if isinstance(reason, exceptions.NewConnectionError):  # (a subclass of ConnectTimeoutError: test it first)
        if isinstance(reason.__cause__ or reason.__context__, ConnectionRefusedError) or "refused" in str(reason):
            return f"{url}: connection refused by {host}"
        return f"{url}: cannot connect to {host}"
    if isinstance(reason, (exceptions.ConnectTimeoutError, exceptions.ReadTimeoutError, TimeoutError)):
        return f"{url}: no answer within {timeout:g} s (raise --timeout)"
    if isinstance(reason, exceptions.SSLError):
        return f"{url}: TLS error ({reason})"
    if isinstance(reason, exceptions.ResponseError) and "redirect" in str(reason):
        return f"{url}: more than {MAX_REDIRECTS} redirects"
    if isinstance(reason, exceptions.ProtocolError):
        return f"{url}: the connection broke off ({_first_line(reason)})"
    return f"{url}: cannot fetch ({_first_line(reason or error)})"


def _first_line(error: object) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
