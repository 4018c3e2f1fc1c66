"""Renderers against golden files, byte for byte. Regenerate with ``pytest --update-golden`` and review the diff."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from compare import Comparison, compare_articles, read_source
from compare.render import RENDERERS, render_terminal
from compare.render.markdown import escape
from compare.render.options import DEFAULT_LIMIT
from compare.render.terminal import ViewFilter
from compare.similarity.worddiff import word_diff

DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def bridge() -> Comparison:
    # Paths relative to the repository keep the golden files free of this machine's folders.
    left, right = (replace(read_source(DATA / name), path=f"tests/data/{name}")
                   for name in ("bridge-wire.txt", "bridge-blog.txt"))
    return compare_articles(left, right)


@pytest.fixture(scope="module")
def seeds() -> Comparison:
    left, right = (replace(read_source(path), path=f"seeds/{path.name}")
                   for path in sorted((Path(__file__).parent.parent / "seeds").glob("*.txt")))
    return compare_articles(left, right)


@pytest.mark.parametrize("pair", ["bridge", "seeds"])
@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_golden(name: str, pair: str, request: pytest.FixtureRequest, update_golden: bool) -> None:
    renderer = RENDERERS[name]
    output = renderer.render(request.getfixturevalue(pair))
    path = GOLDEN / f"{pair}{renderer.suffix}"
    if update_golden:
        path.write_bytes(output.encode("utf-8"))
    assert output == path.read_bytes().decode("utf-8"), f"{path} differs (pytest --update-golden rewrites it)"
    assert renderer.marker in output


def test_terminal_fits_80_columns_and_is_plain(bridge: Comparison) -> None:
    text = render_terminal(bridge)
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "\x1b[" not in text
    assert "\x1b[" in render_terminal(bridge, color=True)


WORD_DIFF_CASES = [
    ("other-number-and-source", "The blast killed 25 people, officials said.",
     "The blast killed 80 people, police said.",
     ["25", "officials"], ["80", "police"]),
    ("negation", "The army withdrew.", "The army did not withdraw.", ["withdrew"], ["not", "withdraw"]),
    ("reordered-clauses-are-not-marked", "On Sunday, police closed the bridge.", "Police closed the bridge on Sunday.",
     [], []),
    ("function-words-are-not-marked", "The bridge closed.", "A bridge closed.", [], []),
    ("acronyms-are-not-function-words", "US troops left.", "UK troops left.", ["US"], ["UK"]),
]


@pytest.mark.parametrize(("left", "right", "left_words", "right_words"), [c[1:] for c in WORD_DIFF_CASES],
                         ids=[c[0] for c in WORD_DIFF_CASES])
def test_word_diff_marks_words_only_one_side_uses(left: str, right: str, left_words: list[str],
                                                  right_words: list[str]) -> None:
    marked = word_diff(left, right)
    assert [left[s:e] for s, e in marked.left] == left_words
    assert [right[s:e] for s, e in marked.right] == right_words


def test_terminal_underlines_words_only_one_side_uses() -> None:
    comparison = compare_articles("The blast killed 25 people in the capital on Sunday, officials said.",
                                  "The blast killed 80 people in the capital on Sunday, officials said.")
    coloured = render_terminal(comparison, color=True)
    assert "\x1b[1;4;36m25\x1b[0m" in coloured
    assert "\x1b[1;4;35m80\x1b[0m" in coloured
    plain = render_terminal(comparison)
    assert "≠  number: 25 people  vs  80 people" in plain


def test_limit_cuts_each_section_and_says_how_much_is_hidden(seeds: Comparison) -> None:
    text = render_terminal(seeds, view=ViewFilter(only=("left-only",), limit=3))
    assert text.count("\n#") == 3
    assert f"… {len(seeds.left_only) - 3} more (use --limit 0 for all)" in text
    assert "What differs" not in text
    assert "Facts" not in text


def test_limit_defaults_to_a_few_entries_and_zero_means_all(seeds: Comparison) -> None:
    assert len(seeds.left_only) > DEFAULT_LIMIT
    default = render_terminal(seeds, view=ViewFilter(only=("left-only",)))
    assert default.count("\n#") == DEFAULT_LIMIT
    assert f"… {len(seeds.left_only) - DEFAULT_LIMIT} more (use --limit 0 for all)" in default
    everything = render_terminal(seeds, view=ViewFilter(only=("left-only",), limit=0))
    assert everything.count("\n#") == len(seeds.left_only)
    assert "more (use --limit 0" not in everything


def test_terminal_summary_fits_one_screen_and_settings_wait_for_verbose(seeds: Comparison) -> None:
    text = render_terminal(seeds)
    first_section = text.index("What differs")
    summary = text[:first_section].splitlines()
    assert len(summary) <= 24, "\n".join(summary)
    assert any("consistency" in line for line in summary)
    conflicts = [line for line in summary if line.startswith("≠ ")]
    assert conflicts, "the summary lists the top conflicts"
    assert all(len(line) <= 80 for line in summary)
    assert "settings:" not in text
    assert "settings: " in render_terminal(seeds, view=ViewFilter(verbose=True))


MARKDOWN_ESCAPES = [
    ("html", "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("link", "[click](javascript:alert(1))", "\\[click\\](javascript:alert(1))"),
    ("image", "![x](http://a.example/t.png)", "!\\[x\\](http\\:\\/\\/a\\.example/t\\.png)"),
    ("autolinks", "see https://a.example and www.b.example",
     "see https\\:\\/\\/a\\.example and www\\.b\\.example"),
    ("mentions-and-references", "@user fixed #12 for $5", "\\@\u2060user fixed \\#12 for \\$5"),
    ("table-and-emphasis", "a | b *c* _d_ ~e~ `f`", "a \\| b \\*c\\* \\_d\\_ \\~e\\~ \\`f\\`"),
    ("newlines", "one\n\ntwo", "one two"),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in MARKDOWN_ESCAPES], ids=[c[0] for c in MARKDOWN_ESCAPES])
def test_markdown_escapes_article_text(text: str, expected: str) -> None:
    assert escape(text) == expected


def test_json_reports_carry_no_raw_terminal_or_bidi_controls() -> None:
    """A bidi override, a C1 CSI or a line separator in article text is written as a ``\\uXXXX`` escape:
    ``cat report.json`` cannot reorder or drive the terminal, and the values read back unchanged."""
    import json

    from compare.multi import compare_many
    from compare.serialize import multi_to_json, to_json
    from compare.visible import is_visible

    hostile = "The mayor said\u202e 25 people\u2028 were hurt \x9b2J in the blast on Sunday."
    plain = "The mayor said 25 people were hurt in the blast on Sunday."
    document = to_json(compare_articles(hostile, plain))
    assert is_visible(document)
    assert json.loads(document)["left"]["text"] == hostile
    multi = multi_to_json(compare_many([hostile, plain, plain + " Police said."]))
    assert is_visible(multi)
    assert hostile in [source["text"] for source in json.loads(multi)["sources"]]
