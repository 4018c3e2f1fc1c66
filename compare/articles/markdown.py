"""Markdown articles: the text a reader sees, and where each piece of it sits in the file.

markdown-it-py (CommonMark) parses the file. The article's text is the text of
its blocks, one paragraph each (headings, paragraphs, list items, block
quotes, code), with the syntax removed: heading, quote and list markers,
emphasis, link targets and reference definitions, HTML tags and blocks, and
images (a picture is not prose: alt text included). Link text stays. A soft
line break is a space, as Markdown means it (so a wrapped byline stays one
line); a hard break is a new line.

That text is what is compared and shown, and a sentence's ``text`` is exactly
``article.text[start:end]``. Every run of it was copied from one place in the
file, and :class:`~compare.models.SourceMap` keeps those places: each
sentence's span in the file itself is ``article.source_spans[id]``.

The parser gives no character positions inside a line, but every text token is
a verbatim substring of its block's lines (entities and backslash escapes keep
their raw form as the token's markup), so each token is found in the file from
where the previous one ended, inside its block's lines.
"""

from __future__ import annotations

import re
from typing import Any

from ..models import Region, SourceMap

HEADING_REASON = "Markdown heading"
LINK_LIST_REASON = "list of links"
# A block is a list of links (sharing buttons, tags, site navigation) when it holds two links or more
# and, outside them, nothing but separators after an optional short label ("Share:", "Related topics:").
_LINK_LIST_OUTSIDE = re.compile(r"\s*(?:[^\W\d_][\w '’-]{0,30}:)?[\s|·•,/>»›–—-]*", re.UNICODE)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_FRONT_MATTER = re.compile(r"\A---[ \t]*(?:\r\n|\r|\n).*?(?:\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?=\r\n|\r|\n|\Z)",
                           re.DOTALL)
_CLOSING_MARKUP = "*_~`"


def markdown_to_text(source: str) -> tuple[str, SourceMap, tuple[Region, ...]]:
    """The article text of a Markdown document, where its pieces come from, and its headings and link lists.

    Returns:
        ``(text, source_map, regions)``: the text (paragraphs apart by a blank
        line, ending in a newline), the map of its runs to offsets in
        ``source``, and the stretches of text the markup says are headings or
        lists of links, for the sentence classifier.
    """
    from markdown_it import MarkdownIt  # loaded with the first Markdown article

    parser = MarkdownIt("commonmark").disable("text_join")  # keep entities and escapes apart, with their raw form
    builder = _Builder(source)
    heading = False
    for token in parser.parse(_blank_front_matter(source)):
        if token.type == "heading_open":
            heading = True
        elif token.type == "heading_close":
            heading = False
        elif token.type == "inline":
            builder.inline(token, heading=heading)
        elif token.type in ("fence", "code_block"):
            builder.code(token)
        # html_block, hr and reference definitions are not prose
    return builder.result()


def _blank_front_matter(source: str) -> str:
    """A YAML front matter block (``---`` ... ``---`` at the top) emptied, its lines kept so line numbers hold."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return source
    lines = _LINE_BREAK.split(match.group(0))
    return "\n".join("" for _ in lines) + source[match.end():]


class _Builder:
    """Accumulates the text block by block, with each run's place in the file."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(source)]
        self.parts: list[str] = []
        self.length = 0
        self.pieces: list[tuple[int, int, int, int]] = []
        self.regions: list[Region] = []

    def result(self) -> tuple[str, SourceMap, tuple[Region, ...]]:
        text = "".join(self.parts)
        return (text + "\n" if text else text), SourceMap(tuple(self.pieces)), tuple(self.regions)

    def _lines(self, token: Any, skip: int = 0) -> tuple[int, int]:
        first, last = token.map or (0, len(self.line_starts))
        starts = self.line_starts
        return starts[min(first + skip, len(starts) - 1)], (starts[last] if last < len(starts) else len(self.source))

    def _start_block(self) -> int:
        if self.length:
            self._add("\n\n")
        return self.length

    def _add(self, text: str, where: tuple[int, int] | None = None) -> None:
        if not text:
            return
        if where is not None:
            self.pieces.append((self.length, self.length + len(text), *where))
        self.parts.append(text)
        self.length += len(text)

    def _find(self, raw: str, cursor: int, end: int) -> tuple[int, int] | None:
        found = self.source.find(raw, cursor, end) if raw else -1
        return None if found < 0 else (found, found + len(raw))

    def inline(self, token: Any, *, heading: bool) -> None:
        cursor, end = self._lines(token)
        start = self._start_block()
        links = 0
        outside: list[str] = []
        in_link = 0
        for child in token.children or ():
            kind = child.type
            if kind in ("text", "text_special", "code_inline"):
                where = self._find(child.markup if kind == "text_special" else child.content, cursor, end)
                self._add(child.content, where)
                cursor = where[1] if where else cursor
                if not in_link:
                    outside.append(child.content)
            elif kind == "softbreak":
                self._add(" ")
                outside.append(" ")
            elif kind == "hardbreak":
                self._add("\n")
                outside.append(" ")
            elif kind == "link_open":
                links += 1
                in_link += 1
                outside.append(" | ")
            elif kind == "link_close":
                in_link -= 1
                cursor = _after_link(self.source, cursor, end, autolink=child.markup == "autolink")
            elif kind == "image":
                begin = self.source.find("![", cursor, end)
                if begin >= 0:
                    cursor = _after_link(self.source, _closing_bracket(self.source, begin + 1, end), end)
            elif kind == "html_inline":
                where = self._find(child.content, cursor, end)
                cursor = where[1] if where else cursor
        if self.length == start:  # nothing but markup (an image, a tag): no paragraph
            if self.parts and self.parts[-1] == "\n\n":
                self.parts.pop()
                self.length -= 2
            return
        if heading:
            self.regions.append(Region(start, self.length, "heading", HEADING_REASON))
        elif links >= 2 and _LINK_LIST_OUTSIDE.fullmatch("".join(outside)):
            self.regions.append(Region(start, self.length, "boilerplate", LINK_LIST_REASON))

    def code(self, token: Any) -> None:
        cursor, end = self._lines(token, skip=1 if token.type == "fence" else 0)
        lines = [line for line in token.content.splitlines() if line.strip()]
        if not lines:
            return
        self._start_block()
        for index, line in enumerate(lines):
            raw = line.strip()
            where = self._find(raw, cursor, end)
            if index:
                self._add("\n")
            self._add(raw, where)
            cursor = where[1] if where else cursor


def _closing_bracket(source: str, opening: int, end: int) -> int:
    """The position just past the ``]`` matching the ``[`` at ``opening`` (or ``opening`` if there is none)."""
    depth = 0
    position = opening
    while position < end:
        char = source[position]
        if char == "\\":
            position += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return position
        position += 1
    return opening


def _after_link(source: str, cursor: int, end: int, *, autolink: bool = False) -> int:
    """Past the rest of a link or image once its text is read: ``](target "title")``, ``][ref]``, ``]`` or ``>``."""
    position = cursor
    while position < end and source[position] in _CLOSING_MARKUP:
        position += 1
    if autolink:
        return position + 1 if source.startswith(">", position) else cursor
    if not source.startswith("]", position):
        return cursor
    position += 1
    if source.startswith("(", position):
        return _past_parenthesis(source, position, end)
    if source.startswith("[", position):
        closing = source.find("]", position, end)
        return closing + 1 if closing >= 0 else position
    return position


def _past_parenthesis(source: str, opening: int, end: int) -> int:
    """Past the ``)`` closing a link target that opens at ``opening`` (nested parentheses, quoted titles)."""
    depth = 0
    quote = ""
    position = opening
    while position < end:
        char = source[position]
        if char == "\\":
            position += 2
            continue
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'" and depth == 1 and source[position - 1] in " \t\n":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return position + 1
        position += 1
    return opening
