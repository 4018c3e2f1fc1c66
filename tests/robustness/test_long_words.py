"""A very long word (a URL, a hash, a run of letters) wraps inside the HTML report instead of widening it.

Issue 15 (item 11) found a 5,000-character word making the page 79,141 px wide. The browser check is in
``tests/test_browser.py`` (it skips where no Chromium is installed); this one checks the rule is there.
"""

from __future__ import annotations

import re

import pytest

from compare import Source, compare_articles
from compare.multi import compare_many
from compare.render import render_html, render_multi_html

WORD = "x" * 5000
LEFT = f"The council approved the plan on Monday. Its code is {WORD} in the files."
RIGHT = "The council approved the plan on Monday. Critics called it rushed."


def _rules(html: str, selector: str) -> list[str]:
    style = re.sub(r"/\*.*?\*/", "", html.split("<style>", 1)[1].split("</style>", 1)[0], flags=re.DOTALL)
    return [body for head, body in re.findall(r"([^{}]+)\{([^{}]*)\}", style)
            if selector in [part.strip() for part in head.split(",")]]


@pytest.mark.parametrize("kind", ["two", "three"])
def test_every_text_wraps_anywhere(kind: str) -> None:
    sources = [Source(text=LEFT, name="left"), Source(text=RIGHT, name="right")]
    if kind == "two":
        html = render_html(compare_articles(*sources))
    else:
        html = render_multi_html(compare_many([*sources, Source(text=RIGHT + " More.", name="third")]))
    assert WORD in html
    # On the body, so that every text container inherits it (overflow-wrap is inherited).
    assert any(re.search(r"overflow-wrap:\s*anywhere", rule) for rule in _rules(html, "body")), _rules(html, "body")
