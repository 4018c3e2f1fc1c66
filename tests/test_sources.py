"""Articles from files, the standard input and web pages (a local server), and names that tell them apart."""

from __future__ import annotations

import io
import re
import socket
from pathlib import Path

import pytest

from compare._version import __version__
from compare.articles.fetch import MAX_REDIRECTS, USER_AGENT, FetchError, fetch, is_url
from compare.articles.sources import display_names, read_articles, read_page, read_stdin
from compare.errors import ArticleError

from .webserver import HANG, page, serving

WIRE = ["The council approved the new bridge on Monday, officials said.", "Work starts in spring."]
BLOG = ["Officials said the council approved the bridge on Monday.", "Cyclists asked for a wider lane."]

# (id, arguments, display names)
NAME_CASES = [
    ("stems", ["wire.txt", "blog.md"], ["wire", "blog"]),
    ("same-stem-other-folders", ["a/index.html", "b/index.html"], ["a/index", "b/index"]),
    ("shortest-distinguishing-parents", ["x/a/index.html", "y/a/index.html", "z/b/index.html"],
     ["x/a/index", "y/a/index", "z/b/index"]),
    ("same-folder-other-suffix", ["story.txt", "story.md"], ["story.txt", "story.md"]),
    ("the-same-file-twice", ["one.txt", "./one.txt"], ["one", "one"]),
    ("url-hosts", ["https://www.bbc.co.uk/news/world-1", "https://edition.cnn.com/2024/story.html"],
     ["bbc.co.uk", "edition.cnn.com"]),
    ("same-host", ["http://127.0.0.1:8000/a.html", "http://127.0.0.1:8000/b.html"], ["127.0.0.1/a", "127.0.0.1/b"]),
    ("same-path-other-port", ["http://h.example:1/a", "http://h.example:2/a"], ["h.example:1/a", "h.example:2/a"]),
    ("stdin-file-url", ["-", "seeds/wire.txt", "https://example.com/"], ["stdin", "wire", "example.com"]),
]


@pytest.mark.parametrize(("arguments", "names"), [c[1:] for c in NAME_CASES], ids=[c[0] for c in NAME_CASES])
def test_display_names_tell_sources_apart(arguments: list[str], names: list[str]) -> None:
    assert display_names(arguments) == names


def test_names_from_read_articles(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.txt").write_text(" ".join(WIRE if folder == "a" else BLOG), encoding="utf-8")
    sources = read_articles([str(tmp_path / "a" / "index.txt"), str(tmp_path / "b" / "index.txt")])
    assert [s.name for s in sources] == ["a/index", "b/index"]
    assert [s.path for s in sources] == [str(tmp_path / "a" / "index.txt"), str(tmp_path / "b" / "index.txt")]


# -- the standard input ----------------------------------------------------------------------


class _Terminal(io.BytesIO):
    def isatty(self) -> bool:
        return True


def test_stdin_is_an_article() -> None:
    source = read_stdin(io.BytesIO(" ".join(WIRE).encode("utf-8")))
    assert (source.name, source.path, source.text) == ("stdin", None, " ".join(WIRE))


def test_stdin_html_is_recognised() -> None:
    source = read_stdin(io.BytesIO(page("Bridge approved", WIRE)[2]))
    assert source.encoding == "utf-8, html"
    assert "council approved" in source.text


@pytest.mark.parametrize(("stream", "message"), [
    (_Terminal(b""), "the standard input is a terminal"),
    (io.BytesIO(b"word " * 100), "larger than the 100-byte limit"),
    (io.BytesIO(b""), "empty"),
    (io.BytesIO(b"\x00\x01\x02binary"), "binary"),
], ids=["terminal", "too-large", "empty", "binary"])
def test_bad_stdin_is_one_line(stream: io.BytesIO, message: str) -> None:
    with pytest.raises(ArticleError, match=message) as refused:
        read_stdin(stream, max_bytes=100)
    assert str(refused.value).startswith("-: ")


def test_stdin_is_read_once(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="read once"):
        read_articles(["-", "-"], stdin=io.BytesIO(b"text"))


# -- web pages -----------------------------------------------------------------------------


def test_a_page_is_fetched_extracted_and_recorded() -> None:
    with serving({"/a.html": page("Bridge approved", WIRE)}) as server:
        source = read_page(server.url("/a.html"))
        (_, headers), = server.requests
    assert source.url == source.path == server.url("/a.html")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", source.fetched_at or "")
    assert source.encoding == "utf-8, html"
    assert source.text.startswith("Bridge approved\n\n")
    assert WIRE[0] in source.text
    assert "Copyright" not in source.text  # trafilatura kept the article only
    assert "Home" not in source.text
    assert headers["User-Agent"] == USER_AGENT
    assert f"factcompare/{__version__}" in USER_AGENT


def test_redirects_are_followed_a_few_times_and_the_charset_is_read() -> None:
    routes = {"/old": (301, {"Location": "/new"}, b""),
              "/new": page("Café reopens", ["The café reopened on Monday, its owner said."], charset="iso-8859-1"),
              **{f"/loop{i}": (302, {"Location": f"/loop{i + 1}"}, b"") for i in range(MAX_REDIRECTS + 1)}}
    with serving(routes) as server:
        source = read_page(server.url("/old"))
        assert "The café reopened" in source.text
        assert source.encoding == "iso-8859-1, html"
        with pytest.raises(FetchError, match=f"more than {MAX_REDIRECTS} redirects"):
            fetch(server.url("/loop0"), max_bytes=10_000)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# (id, route served at /x, max_bytes, text the one-line error must hold)
FAILURES = [
    ("not-found", (404, {"Content-Type": "text/html"}, b"<html>gone</html>"), 100_000, "HTTP 404 Not Found"),
    ("server-error", (503, {"Content-Type": "text/html"}, b""), 100_000, "HTTP 503 Service Unavailable"),
    ("pdf", (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4"), 100_000, "not a web page (application/pdf)"),
    ("plain-text", (200, {"Content-Type": "text/plain"}, b"Six died."), 100_000, "not a web page (text/plain)"),
    ("declared-too-large", (200, {"Content-Type": "text/html", "Content-Length": "5000"}, b"<html>" + b"x" * 4994),
     1000, "larger than the 1,000-byte limit"),
    ("streamed-too-large", (200, {"Content-Type": "text/html"}, b"<html>" + b"x" * 5000), 1000,
     "larger than the 1,000-byte limit"),
    ("empty", (200, {"Content-Type": "text/html"}, b""), 100_000, "the page is empty"),
    ("no-article", (200, {"Content-Type": "text/html"}, b"<html><body><script>var x = 1;</script></body></html>"),
     100_000, "no article text found"),
    ("timeout", HANG, 100_000, "no answer within 0.3 s (raise --timeout)"),
]


@pytest.mark.parametrize(("route", "max_bytes", "message"), [f[1:] for f in FAILURES], ids=[f[0] for f in FAILURES])
def test_every_failure_is_one_line_naming_the_url(route: object, max_bytes: int, message: str) -> None:
    with serving({"/x": route}) as server:  # type: ignore[dict-item]
        url = server.url("/x")
        with pytest.raises(ArticleError) as refused:
            read_page(url, max_bytes=max_bytes, timeout=0.3)
    text = str(refused.value)
    assert text.startswith(f"{url}: ")
    assert message in text
    assert "\n" not in text


def test_refused_connection_unknown_host_and_bad_address(monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/a.html"
    with pytest.raises(FetchError, match=re.escape(f"{url}: connection refused by 127.0.0.1")):
        fetch(url, max_bytes=1000)

    def no_such_host(*_: object, **__: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)  # no DNS query leaves the machine
    with pytest.raises(FetchError, match=re.escape("http://news.invalid/a: cannot resolve the host name news.invalid")):
        fetch("http://news.invalid/a", max_bytes=1000)
    with pytest.raises(FetchError, match="not a web address"):
        fetch("http:///no-host", max_bytes=1000)


def test_files_are_read_before_any_page_is_fetched(tmp_path: Path) -> None:
    with serving({"/a.html": page("Bridge approved", WIRE)}) as server:
        with pytest.raises(ArticleError, match="no such file"):
            read_articles([server.url("/a.html"), str(tmp_path / "missing.txt")])
        assert server.requests == []


@pytest.mark.parametrize(("argument", "url"), [("http://x.example/a", True), ("HTTPS://X.EXAMPLE", True),
                                               ("http.txt", False), ("ftp://x.example/a", False), ("-", False)])
def test_what_counts_as_a_url(argument: str, url: bool) -> None:
    assert is_url(argument) is url
