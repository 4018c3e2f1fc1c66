"""The Markdown report makes no link of article text: e-mail addresses, URLs, ``www.`` and bare domains stay text.

Issue 15 (item 11) found GitHub's renderer still making ``mailto:`` links (and so mentions) of the addresses in
article text despite the backslash escapes: cmark-gfm joins the escaped ``@`` back into its text before it looks
for addresses. Checked with GitHub's own cmark-gfm (``cmarkgfm``) and with markdown-it-py's linkify (linkify-it-py,
which also links bare domains), where they are installed (``pip install '.[test]'``).
"""

from __future__ import annotations

import re

import pytest

from compare import Source, compare_articles
from compare.render import render_markdown
from compare.render.markdown import escape

HOSTILE = [
    "Write to press@example.com or to first.last+tag@mail.example.org for details.",
    "The statement is at https://evil.example/path?q=1 and at http://evil.example.",
    "Mirrors: www.evil.example, WWW.Evil.Example/x and ftp://files.evil.example/a.",
    "Protocol-relative //evil.example/y and bare domains bbc.co.uk and evil.example appear.",
    "Ask @someone, or mailto:boss@evil.example, or <https://angle.example>, or [x](https://md.example).",
]
LEFT = " ".join(HOSTILE)
RIGHT = "Officials wrote to press@example.com. " + " ".join(reversed(HOSTILE))
JOINER = "\u2060"


@pytest.fixture(scope="module")
def report() -> str:
    comparison = compare_articles(Source(text=LEFT, name="www.evil.example", path="https://evil.example/a"),
                                  Source(text=RIGHT, name="press@example.com", path="mail@example.com"))
    return render_markdown(comparison)


def _links(html: str) -> list[str]:
    return [href for href in re.findall(r'<a [^>]*href="([^"]*)"', html) if not href.startswith("#")]


def test_github_makes_no_link_of_article_text(report: str) -> None:
    cmarkgfm = pytest.importorskip("cmarkgfm", reason="cmarkgfm (GitHub's cmark-gfm) is not installed")
    html = cmarkgfm.github_flavored_markdown_to_html(report)
    assert _links(html) == []
    assert "press@" in html.replace(JOINER, "")  # the text is all there, as written


def test_markdown_it_with_linkify_makes_no_link_of_article_text(report: str) -> None:
    pytest.importorskip("linkify_it", reason="linkify-it-py is not installed")
    from markdown_it import MarkdownIt

    html = MarkdownIt("gfm-like").render(report)  # linkify on, bare domains included
    assert _links(html) == []
    assert "https://evil.example/path?q=1" in html.replace(JOINER, "")


@pytest.mark.parametrize("text", HOSTILE)
def test_each_line_alone_renders_as_written_and_unlinked(text: str) -> None:
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(escape(text))
    assert "<a " not in html
    plain = re.sub(r"<[^>]+>", "", html).strip().replace(JOINER, "")
    expected = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert plain == expected
