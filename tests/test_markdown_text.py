"""Markdown articles: syntax out of what is compared, every sentence traced to its exact span of the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare import compare_articles
from compare.articles.markdown import markdown_to_text
from compare.articles.reader import read_source, source_from_bytes
from compare.core import analyse_article
from compare.models import Article, Source
from compare.serialize import from_dict, to_dict

# (id, Markdown, the sentences read from it as (kind, text))
MARKDOWN_CASES = [
    ("heading", "# Blast kills six\n\nPolice said six died.",
     [("heading", "Blast kills six"), ("statement", "Police said six died.")]),
    ("long-heading-ending-in-a-stop", "## Six people died in the blast on Sunday, police said.\n\nRoads closed.",
     [("heading", "Six people died in the blast on Sunday, police said."), ("statement", "Roads closed.")]),
    ("setext-heading", "Blast kills six\n===\n\nPolice said six died.",
     [("heading", "Blast kills six"), ("statement", "Police said six died.")]),
    ("emphasis", "Police said **six** people _died_ on `Sunday`.",
     [("statement", "Police said six people died on Sunday.")]),
    ("inline-link", "According to [the ministry](https://gov.example/a.html \"Statement (full)\"), six died.",
     [("statement", "According to the ministry, six died.")]),
    ("reference-link", "[The ministry][m] said six died.\n\n[m]: https://gov.example/m",
     [("statement", "The ministry said six died.")]),
    ("autolink", "Six died, the ministry said at <https://gov.example/a>.",
     [("statement", "Six died, the ministry said at https://gov.example/a.")]),
    ("image-dropped", "![Rescuers at the site. Photo: AP](photo.jpg)\n\nSix died. [![icon](i.png)](x) Roads closed.",
     [("statement", "Six died."), ("statement", "Roads closed.")]),
    ("bullets", "- Six people died.\n- The road was closed.\n\n1. Police came.\n2. Rescuers searched.",
     [("statement", "Six people died."), ("statement", "The road was closed."), ("statement", "Police came."),
      ("statement", "Rescuers searched.")]),
    ("block-quote", "> \"We will rebuild,\" the mayor said.\n> Nobody was arrested.",
     [("statement", "\"We will rebuild,\" the mayor said."), ("statement", "Nobody was arrested.")]),
    ("share-line", "Share: [Facebook](https://fb.example/s?u=1) | [Twitter](https://t.example/i?u=1) | "
                   "[Email](mailto:?body=1)\n\nSix died.",
     [("boilerplate", "Share: Facebook | Twitter | Email"), ("statement", "Six died.")]),
    ("link-list", "[Home](/) · [World](/world) · [Politics](/politics)\n\nSix died.",
     [("boilerplate", "Home · World · Politics"), ("statement", "Six died.")]),
    ("two-links-in-prose-are-prose", "[Biden](https://x.example/b) met [Xi](https://x.example/x) in Bali on Monday.",
     [("statement", "Biden met Xi in Bali on Monday.")]),
    ("byline-with-links", "By [Jane Doe](https://www.example.com/by/jane.doe) and "
                          "[John Roe](https://www.example.com/by/j.roe), Reuters\n\nSix died.",
     [("byline", "By Jane Doe and John Roe, Reuters"), ("statement", "Six died.")]),
    ("wrapped-byline-stays-whole", "**By Jane Doe**\nReuters\n\nSix died.",
     [("byline", "By Jane Doe Reuters"), ("statement", "Six died.")]),
    ("entity-and-escape", "Smith &amp; Sons said 5\\* people died.",
     [("statement", "Smith & Sons said 5* people died.")]),
    ("inline-html", "Six <b>people</b> died.", [("statement", "Six people died.")]),
    ("html-block-dropped", "<div class=\"ad\">Buy now</div>\n\nSix died in the blast.",
     [("statement", "Six died in the blast.")]),
    ("front-matter-dropped", "---\ntitle: Blast kills six\nauthor: Jane Doe\n---\n\nSix died in the blast.",
     [("statement", "Six died in the blast.")]),
    ("indented-paragraph-is-still-text", "    Six died in the blast on Sunday.",
     [("statement", "Six died in the blast on Sunday.")]),
    ("crlf", "# Blast\r\n\r\nSix **died** on Sunday.\r\nRoads closed.\r\n",
     [("heading", "Blast"), ("statement", "Six died on Sunday."), ("statement", "Roads closed.")]),
    ("hard-break", "Six died on Sunday.  \nRoads closed.",
     [("statement", "Six died on Sunday."), ("statement", "Roads closed.")]),
]


def _read(markdown: str) -> tuple[Article, str]:
    source = source_from_bytes(markdown.encode("utf-8"), name="story", path="story.md")
    return analyse_article(source), markdown


@pytest.mark.parametrize(("markdown", "expected"), [c[1:] for c in MARKDOWN_CASES], ids=[c[0] for c in MARKDOWN_CASES])
def test_markdown_is_read_as_markdown(markdown: str, expected: list[tuple[str, str]]) -> None:
    article, _ = _read(markdown)
    assert [(s.kind, s.text) for s in article.sentences] == expected
    assert article.encoding == "utf-8, markdown"


@pytest.mark.parametrize("markdown", [c[1] for c in MARKDOWN_CASES], ids=[c[0] for c in MARKDOWN_CASES])
def test_every_sentence_is_in_the_text_and_traced_to_its_span_of_the_file(markdown: str) -> None:
    article, file = _read(markdown)
    assert article.source_spans is not None
    for sentence, (start, end) in zip(article.sentences, article.source_spans, strict=True):
        assert article.text[sentence.start : sentence.end] == sentence.text  # the documented invariant
        written = file[start:end]
        assert _subsequence(_letters(sentence.text), _letters(written)), (sentence.text, written)
        assert written[0] == sentence.text[0] or not sentence.text[0].isalnum(), written


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def _subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(c in it for c in needle)


def test_the_span_of_a_sentence_holds_its_markup() -> None:
    file = "Intro.\n\nPolice said **six people** died, [the ministry](https://gov.example/s.html) said.\n"
    article, _ = _read(file)
    start, end = article.source_spans[1]  # type: ignore[index]
    assert file[start:end] == "Police said **six people** died, [the ministry](https://gov.example/s.html) said."


def test_plain_text_and_web_pages_have_no_source_spans(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("# Not a heading in a text file. Six died.", encoding="utf-8")
    article = analyse_article(read_source(tmp_path / "a.txt"))
    assert article.source_spans is None
    assert article.text == "# Not a heading in a text file. Six died."


def test_json_carries_the_spans_and_reads_them_back() -> None:
    left = source_from_bytes(b"# Blast\n\nPolice said **six** died.", name="left", path="left.md")
    comparison = compare_articles(left, Source("Police said six died."))
    data = to_dict(comparison)
    assert data["left"]["source_spans"] == [[2, 7], [9, 34]]
    assert data["right"]["source_spans"] is None
    assert (data["left"]["url"], data["left"]["fetched_at"]) == (None, None)
    assert from_dict(data) == comparison


def test_a_markdown_file_of_nothing_but_markup_is_empty() -> None:
    with pytest.raises(ValueError, match="empty"):
        source_from_bytes(b"![photo](a.jpg)\n\n---\n\n<div>ad</div>\n", name="x", path="x.md")


MARKUP = st.sampled_from(["*", "**", "_", "`", "[", "]", "(", ")", "![", "<", ">", "&amp;", "&#8217;", "\\", "#",
                          "# ", "> ", "- ", "1. ", "\n", "\n\n", "\r\n", "    ", "|", "---\n", "http://x.example/a",
                          "Six", "people", "died", ".", " ", ",", "\"", "é", "By Jane Doe"])


@settings(max_examples=150, deadline=None)
@given(st.lists(MARKUP, max_size=40).map("".join))
def test_any_markdown_gives_text_with_pieces_copied_from_the_file(file: str) -> None:
    text, source_map, regions = markdown_to_text(file)
    previous_end = 0
    for text_start, text_end, file_start, file_end in source_map.pieces:
        assert previous_end <= text_start <= text_end <= len(text)
        assert 0 <= file_start <= file_end <= len(file)
        if text_end - text_start == file_end - file_start:
            assert text[text_start:text_end] == file[file_start:file_end]
        previous_end = text_end
    for region in regions:
        assert 0 <= region.start <= region.end <= len(text)
    if text.strip():
        analyse_article(Source(text=text, source_map=source_map, regions=regions))  # invariants hold
