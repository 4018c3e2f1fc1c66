"""The HTML report without a browser: self-contained, escaped, and its script allowed by hash only."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

from compare import Comparison, Source, compare_articles
from compare.render import render_html

from .hostile import HOSTILE_LEFT, HOSTILE_NAME, HOSTILE_RIGHT


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside <script> and <style>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._open = tag if tag in self.raw else None

    def handle_endtag(self, tag: str) -> None:
        self._open = None

    def handle_data(self, data: str) -> None:
        if self._open:
            self.raw[self._open].append(data)


def _parse(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


def _hostile() -> Comparison:
    return compare_articles(Source(HOSTILE_LEFT, name=HOSTILE_NAME), Source(HOSTILE_RIGHT, name="right"))


def test_article_markup_stays_text() -> None:
    html = render_html(_hostile())
    page = _parse(html)
    tags = [tag for tag, _ in page.tags]
    assert (tags.count("script"), tags.count("style")) == (1, 1)
    assert not {"img", "iframe", "object", "embed"} & set(tags)
    _only_links_within_the_page(page)
    assert tags.count("svg") == 1  # the alignment picture, not the article's
    for _, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs), attrs
        assert all("javascript:" not in (value or "") for value in attrs.values())
    assert "__pwned" not in "".join(page.raw["script"]) + "".join(page.raw["style"])
    # the text is all there, as text
    assert "&lt;script&gt;window.__pwned" in html
    assert "{{ 7*7 }}" in html


def _only_links_within_the_page(page: _Elements) -> None:
    """Every link is ours: a jump to an element of the page (the article's own links are text)."""
    ids = {attrs["id"] for _, attrs in page.tags if attrs.get("id")}
    links = [attrs for tag, attrs in page.tags if tag == "a"]
    assert links
    for attrs in links:
        assert set(attrs) <= {"href", "class", "title", "aria-label"}, attrs
        href = attrs.get("href") or ""
        assert href.startswith("#"), href
        assert href[1:] in ids, href


def test_names_cannot_break_out_of_attributes() -> None:
    page = _parse(render_html(_hostile()))
    labels = [attrs.get("aria-label") for tag, attrs in page.tags if tag == "section" and "aria-label" in attrs]
    assert HOSTILE_NAME in labels
    assert all("onmouseover" not in attrs for _, attrs in page.tags)


def test_page_is_self_contained_and_runs_only_its_own_script(seed_comparison: Comparison) -> None:
    html = render_html(seed_comparison)
    page = _parse(html)
    assert not [attrs for _, attrs in page.tags if "src" in attrs]
    _only_links_within_the_page(page)
    assert not re.search(r"url\(|@import|https?://(?!www\.w3\.org/2000/svg)", html)
    (csp,) = [a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    script = "".join(page.raw["script"])
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    assert f"script-src 'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp


def test_every_sentence_is_on_the_page_with_its_category(seed_comparison: Comparison) -> None:
    page = _parse(render_html(seed_comparison))
    spans = {a["id"]: a["class"] for t, a in page.tags if t == "span" and a.get("data-sid") and a.get("id")}
    for side, article in (("L", seed_comparison.left), ("R", seed_comparison.right)):
        assert {i for i in range(len(article.sentences))} == {int(k[1:]) for k in spans if k[0] == side}
    # A sentence in several groups shows as differing when any of its groups differs.
    same = differs = 0
    for side in ("left", "right"):
        labels: dict[int, set[str]] = {}
        for a in seed_comparison.alignments:
            for i in getattr(a, side):
                labels.setdefault(i, set()).add(a.label)
        differs += sum("differs" in found for found in labels.values())
        same += sum(found == {"same"} for found in labels.values())
    assert sum("cat-same" in c.split() for c in spans.values() if c) == same
    assert sum("cat-differs" in c.split() for c in spans.values() if c) == differs
    only = len(seed_comparison.left_only) + len(seed_comparison.right_only)
    assert sum("cat-only" in c.split() for c in spans.values() if c) == only
