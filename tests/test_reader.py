"""Reading files: encodings, binary and empty files, web pages, limits."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from compare.articles.reader import decode_text, read_source, source_from_bytes
from compare.errors import ArticleError

SMART = "The minister’s “final” offer – rejected. Café, naïve, 25°C…"

# (id, bytes, expected text, expected encoding)
DECODE_CASES = [
    ("utf8", SMART.encode("utf-8"), SMART, "utf-8"),
    ("utf8-bom", codecs.BOM_UTF8 + SMART.encode("utf-8"), SMART, "utf-8 (BOM)"),
    ("utf16-le-bom", codecs.BOM_UTF16_LE + SMART.encode("utf-16-le"), SMART, "utf-16-le (BOM)"),
    ("utf16-be-bom", codecs.BOM_UTF16_BE + SMART.encode("utf-16-be"), SMART, "utf-16-be (BOM)"),
    ("cp1252", SMART.encode("cp1252"), SMART, "cp1252"),
    ("latin1", "Café naïve, São Paulo. Zürich.".encode("latin-1"), "Café naïve, São Paulo. Zürich.", "cp1252"),
    ("mixed-lines", "First “line”.\n".encode() + "Second “line”.\n".encode("cp1252"),
     "First “line”.\nSecond “line”.\n", "utf-8 + cp1252 (mixed lines)"),
    ("truncated", "Prices fell 5€".encode()[:-1], "Prices fell 5", "utf-8 (truncated final character dropped)"),
    ("crlf", b"One line.\r\nTwo line.\r\n", "One line.\r\nTwo line.\r\n", "utf-8"),
]


@pytest.mark.parametrize(("data", "text", "encoding"), [c[1:] for c in DECODE_CASES],
                         ids=[c[0] for c in DECODE_CASES])
def test_decode(data: bytes, text: str, encoding: str) -> None:
    assert decode_text(data) == (text, encoding)


BAD_BYTES = [
    ("nul-bytes", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00binary", "binary"),
    ("control-chars", bytes(range(1, 9)) * 50 + b"text", "binary"),
    ("bad-bom", codecs.BOM_UTF16_LE + b"\x00\xd8", "byte-order mark"),
]


@pytest.mark.parametrize(("data", "message"), [c[1:] for c in BAD_BYTES], ids=[c[0] for c in BAD_BYTES])
def test_refuses_undecodable(data: bytes, message: str) -> None:
    with pytest.raises(ArticleError, match=message):
        decode_text(data, label="x.txt")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no such file"):
        read_source(tmp_path / "missing.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="is a directory"):
        read_source(tmp_path)


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  ", codecs.BOM_UTF8])
def test_empty_or_blank(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError, match="empty"):
        read_source(path)


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"Word. " * 100)
    with pytest.raises(ArticleError, match="--max-bytes"):
        read_source(path, max_bytes=100)


def test_source_named_after_file(tmp_path: Path) -> None:
    path = tmp_path / "reuters-story.txt"
    path.write_text("One statement here.", encoding="utf-8")
    source = read_source(path)
    assert (source.name, source.path, source.text) == ("reuters-story", str(path), "One statement here.")


PAGE = """<!DOCTYPE html><html><head><title>Floods hit the valley</title>
<script>alert('x')</script><style>p{color:red}</style></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Floods hit the valley</h1>
<p>Heavy rain flooded the valley on Sunday, officials said, forcing hundreds of families from their homes.</p>
<p>The regional governor said rescue teams had reached every village by nightfall and that no deaths were reported.</p>
<p>Forecasters expect more rain later this week, and the river is still rising near the town of Elmwood.</p>
</article><footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>"""


def test_html_page_extracts_article() -> None:
    source = source_from_bytes(PAGE.encode(), name="page", path="page.html")
    assert "Heavy rain flooded the valley" in source.text
    assert "alert(" not in source.text
    assert "p{color" not in source.text
    assert source.text.startswith("Floods hit the valley")
    assert source.encoding == "utf-8, html"


def test_html_without_article() -> None:
    with pytest.raises(ArticleError, match="no article text"):
        source_from_bytes(b"<html><body><script>x()</script></body></html>", name="p", path="p.html")
