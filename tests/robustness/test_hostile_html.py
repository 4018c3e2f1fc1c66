"""Saved web pages full of scripts, frames, handlers and inline data: only the article text comes through."""

from __future__ import annotations

import base64
from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner

from compare.articles.reader import read_source
from compare.cli.commands import cli

ARTICLE = ("<p>The council approved the new bridge on Monday after a long debate, officials said.</p>"
           "<p>Construction will start in the spring and cost 12 million euros, the mayor said.</p>"
           "<p>Residents had asked for the crossing for more than ten years.</p>")
HOSTILE_PAGE = """<!DOCTYPE html><html><head><title>Council approves bridge</title>
<script>window.__pwned = "head script";</script>
<style>body {{ display: none }}</style>
<meta http-equiv="refresh" content="0; url=javascript:alert(1)">
</head><body onload="window.__pwned='onload'">
<iframe src="https://ads.example.com/frame" onload="alert(1)"></iframe>
<div class="cookie" onclick="alert(1)">We use cookies. <a href="javascript:alert(1)">Accept</a></div>
<article><h1>Council approves bridge</h1>{article}
<img src="data:image/png;base64,{blob}" onerror="alert(1)">
<script>document.write('<p>Injected paragraph that is not the article.</p>')</script>
<svg><script>alert(2)</script><foreignObject><p onmouseover="alert(3)">svg text</p></foreignObject></svg>
</article></body></html>"""


def _page(tmp_path: Path, megabytes_of_data: float = 0.01) -> Path:
    blob = base64.b64encode(b"\x89PNG" + b"\x00" * int(megabytes_of_data * 750_000)).decode("ascii")
    page = tmp_path / "page.html"
    page.write_text(HOSTILE_PAGE.format(article=ARTICLE, blob=blob), encoding="utf-8")
    return page


def test_only_the_article_text_is_read(tmp_path: Path) -> None:
    text = read_source(_page(tmp_path)).text
    assert "The council approved the new bridge on Monday" in text
    assert "Residents had asked for the crossing" in text
    for debris in ("__pwned", "alert(", "javascript:", "data:image", "Injected paragraph", "<script", "onload"):
        assert debris not in text, debris


def test_enormous_inline_data_is_read_within_the_size_limit(tmp_path: Path) -> None:
    page = _page(tmp_path, megabytes_of_data=4)  # a 4 MB inline image, under the 5 MiB default
    assert page.stat().st_size > 4_000_000
    text = read_source(page).text
    assert "The council approved the new bridge" in text
    assert "data:image" not in text


def test_report_of_a_hostile_page_escapes_everything(tmp_path: Path) -> None:
    page = _page(tmp_path)
    other = tmp_path / "other.txt"
    other.write_text("The council approved the bridge on Monday, officials said. <script>alert(9)</script>",
                     encoding="utf-8")
    result = CliRunner().invoke(cli, [str(page), str(other), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.stderr
    html = (tmp_path / "out" / "page__other.html").read_text(encoding="utf-8")

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.seen: list[tuple[str, dict[str, str | None]]] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.seen.append((tag, dict(attrs)))

    parser = Tags()
    parser.feed(html)
    tags = [tag for tag, _ in parser.seen]
    assert tags.count("script") == 1
    assert not {"iframe", "img", "object", "embed"} & set(tags)
    assert all((attrs.get("href") or "").startswith("#") for tag, attrs in parser.seen if tag == "a")
    assert all(not name.startswith("on") for _, attrs in parser.seen for name in attrs)
    assert "&lt;script&gt;alert(9)&lt;/script&gt;" in html
    markdown = (tmp_path / "out" / "page__other.md").read_text(encoding="utf-8")
    assert "<script>" not in markdown
